//! The dxcast app.
use dxcast_core::number::{parse_vi, Compact, Locale};
use dxcast_core::{Date, Period, Unit};
use leptos::prelude::*;

/// What the quick check shows for a figure and an as-of date.
#[derive(Debug, Clone, PartialEq)]
pub struct QuickCheck {
    /// The figure in base units, written for reading.
    pub value: String,
    /// Days from 1 January to the as-of date, both included.
    pub days: u32,
}

/// Reads a Vietnamese figure ("806 triệu") and an ISO date.
///
/// # Errors
///
/// The core's message for whichever input is wrong.
pub fn quick_check(figure: &str, as_of: &str) -> Result<QuickCheck, String> {
    let stated = parse_vi(figure).map_err(|e| e.to_string())?;
    let date = Date::parse_iso(as_of).map_err(|e| e.to_string())?;
    Ok(QuickCheck {
        value: Compact::new(stated.value, Unit::Count, Locale::Vi).to_string(),
        days: Period::year_to_date(date).days(),
    })
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let (figure, set_figure) = signal(String::from("806 triệu"));
    let (as_of, set_as_of) = signal(String::from("2022-12-08"));
    let result = Memo::new(move |_| quick_check(&figure.get(), &as_of.get()));
    view! {
        <main>
            <h1>"dxcast"</h1>
            <label>
                "Số liệu "
                <input
                    data-testid="figure"
                    prop:value=figure
                    on:input=move |ev| set_figure.set(event_target_value(&ev))
                />
            </label>
            <label>
                " đến ngày "
                <input
                    data-testid="as-of"
                    type="date"
                    prop:value=as_of
                    on:input=move |ev| set_as_of.set(event_target_value(&ev))
                />
            </label>
            <p data-testid="result" role="status">
                {move || match result.get() {
                    Ok(r) => format!("{} trong {} ngày", r.value, r.days),
                    Err(e) => e,
                }}
            </p>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_check_reads_the_report_figure() {
        let r = quick_check("806 triệu", "2022-12-08").unwrap();
        assert_eq!(r.value, "806 triệu");
        assert_eq!(r.days, 342);
        assert!(quick_check("806 trieu", "2022-12-08").is_err());
    }
}
