//! Numbers, dates and periods written in the interface language.
//!
//! Numbers go through the core's [`Compact`] ("860 triệu", "52,8 %" in
//! Vietnamese; "860 million", "52.8%" in English; without a unit, every
//! integer digit grouped, as `Compact::plain` writes it). Dates are
//! d/m/yyyy in Vietnamese ("8/12/2022") and "8 Dec 2022" in English.

use dxcast_app::lang::Lang;
use dxcast_app::measure::Measure;
use dxcast_core::number::Compact;
use dxcast_core::{Date, Period, PeriodKind, Unit};

use crate::i18n::{tf, K};

/// English month abbreviations.
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(m: u32) -> &'static str {
    MONTHS_EN
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// `v` written as `measure` says.
#[must_use]
pub fn measured(v: f64, measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Unit(u) => value(v, u, lang),
        Measure::Points => points(v, lang),
        Measure::PointsPerYear => tf(lang, K::PointsPerYear, &[&plain(v, lang)]),
        Measure::PerDay(u) => tf(lang, K::PerDay, &[&value(v, u, lang)]),
        Measure::Fraction => value(100.0 * v, Unit::Percent, lang),
        Measure::Days => tf(lang, K::DaysCount, &[&plain(v, lang)]),
        Measure::Date => i32::try_from(v as i64)
            .ok()
            .filter(|_| v.fract() == 0.0)
            .and_then(|n| Date::from_day_number(n).ok())
            .map_or_else(|| plain(v, lang), |d| date(d, lang)),
        Measure::Plain => plain(v, lang),
    }
}

/// A closed range written as `measure` says.
#[must_use]
pub fn measured_range(lo: f64, hi: f64, measure: Measure, lang: Lang) -> String {
    let (a, b) = (measured(lo, measure, lang), measured(hi, measure, lang));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}

/// A value in its unit, for reading: "860 triệu", "1,276 tỷ", "52,8 %".
#[must_use]
pub fn value(v: f64, unit: Unit, lang: Lang) -> String {
    Compact::new(v, unit, lang.locale()).to_string()
}

/// A value with an optional unit; a plain number (up to four significant
/// digits, grouped) without one.
#[must_use]
pub fn value_in(v: f64, unit: Option<Unit>, lang: Lang) -> String {
    match unit {
        Some(u) => value(v, u, lang),
        None => plain(v, lang),
    }
}

/// A plain number: integers grouped in full, others with up to four
/// significant digits ("365", "58.397.139", "4,778"): the core's
/// [`Compact::plain`].
#[must_use]
pub fn plain(v: f64, lang: Lang) -> String {
    Compact::plain(v, lang.locale()).to_string()
}

/// A change in percentage points: "2,8 điểm %", "2.8 points".
#[must_use]
pub fn points(v: f64, lang: Lang) -> String {
    tf(lang, K::Points, &[&plain(v, lang)])
}

/// A closed range of values: "2,355 triệu – 2,358 triệu".
#[must_use]
pub fn range(lo: f64, hi: f64, unit: Option<Unit>, lang: Lang) -> String {
    let (a, b) = (value_in(lo, unit, lang), value_in(hi, unit, lang));
    if a == b {
        a
    } else {
        format!("{a} – {b}")
    }
}

/// A date: "8/12/2022" or "8 Dec 2022".
#[must_use]
pub fn date(d: Date, lang: Lang) -> String {
    let (y, m, day) = d.ymd();
    match lang {
        Lang::Vi => format!("{day}/{m}/{y}"),
        Lang::En => format!("{day} {} {y}", month_en(m)),
    }
}

/// A period as a reader names it: "tháng 9/2022", "quý 3/2022", "năm 2022",
/// "1/1/2022 – 8/12/2022"; "Sep 2022", "Q3 2022", "2022", "1 Jan 2022 – 8 Dec 2022".
#[must_use]
pub fn period(p: Period, lang: Lang) -> String {
    let (y, m, _) = p.start().ymd();
    let q = m.div_ceil(3);
    match (p.kind(), lang) {
        (PeriodKind::Day, _) => date(p.start(), lang),
        (PeriodKind::Month, Lang::Vi) => format!("tháng {m}/{y}"),
        (PeriodKind::Month, Lang::En) => format!("{} {y}", month_en(m)),
        (PeriodKind::Quarter, Lang::Vi) => format!("quý {q}/{y}"),
        (PeriodKind::Quarter, Lang::En) => format!("Q{q} {y}"),
        (PeriodKind::Year, Lang::Vi) => format!("năm {y}"),
        (PeriodKind::Year, Lang::En) => format!("{y}"),
        (PeriodKind::Range, _) => format!("{} – {}", date(p.start(), lang), date(p.end(), lang)),
    }
}

/// A short date for an axis tick: a year ("2023"), or a month ("3/2023", "Mar 2023").
#[must_use]
pub fn tick_date(d: Date, month: bool, lang: Lang) -> String {
    let (y, m, _) = d.ymd();
    match (month, lang) {
        (false, _) => y.to_string(),
        (true, Lang::Vi) => format!("{m}/{y}"),
        (true, Lang::En) => format!("{} {y}", month_en(m)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(value(860e6, Unit::Count, Lang::Vi), "860 triệu");
        assert_eq!(value(860e6, Unit::Count, Lang::En), "860 million");
        assert_eq!(value(1.276e9, Unit::Count, Lang::Vi), "1,276 tỷ");
        assert_eq!(value(1.276e9, Unit::Count, Lang::En), "1.276 billion");
        assert_eq!(value(52.8, Unit::Percent, Lang::Vi), "52,8 %");
        assert_eq!(value(52.8, Unit::Percent, Lang::En), "52.8%");
        assert_eq!(plain(58_397_139.0, Lang::Vi), "58.397.139");
        assert_eq!(plain(365.0, Lang::En), "365");
        assert_eq!(plain(4.77777, Lang::Vi), "4,778");
        assert_eq!(points(2.8, Lang::Vi), "2,8 điểm %");
        assert_eq!(points(2.8, Lang::En), "2.8 points");
        assert_eq!(
            range(2.355_26e6, 2.358_19e6, Some(Unit::Count), Lang::Vi),
            "2,355 triệu – 2,358 triệu"
        );
        assert_eq!(
            range(859.6711e6, 860.7383e6, Some(Unit::Count), Lang::En),
            "859.7 million – 860.7 million"
        );
        assert_eq!(range(50.0, 50.0, Some(Unit::Percent), Lang::Vi), "50 %");
        assert_eq!(
            measured(4.8, Measure::Unit(Unit::Times), Lang::Vi),
            "4,8 lần"
        );
        assert_eq!(
            measured_range(2.75, 2.85, Measure::Points, Lang::En),
            "2.75 points – 2.85 points"
        );
    }

    #[test]
    fn dates_and_periods() {
        assert_eq!(date(d(2022, 12, 8), Lang::Vi), "8/12/2022");
        assert_eq!(date(d(2022, 12, 8), Lang::En), "8 Dec 2022");
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(period(p("2022-09"), Lang::Vi), "tháng 9/2022");
        assert_eq!(period(p("2022-09"), Lang::En), "Sep 2022");
        assert_eq!(period(p("2023-Q1"), Lang::Vi), "quý 1/2023");
        assert_eq!(period(p("2023-Q1"), Lang::En), "Q1 2023");
        assert_eq!(period(p("2022"), Lang::Vi), "năm 2022");
        assert_eq!(period(p("2022"), Lang::En), "2022");
        assert_eq!(period(p("2022-09-30"), Lang::Vi), "30/9/2022");
        assert_eq!(
            period(p("2022-01-01/2022-12-08"), Lang::Vi),
            "1/1/2022 – 8/12/2022"
        );
        assert_eq!(
            period(p("2022-01-01/2022-12-08"), Lang::En),
            "1 Jan 2022 – 8 Dec 2022"
        );
        assert_eq!(tick_date(d(2023, 3, 1), true, Lang::Vi), "3/2023");
        assert_eq!(tick_date(d(2023, 3, 1), true, Lang::En), "Mar 2023");
        assert_eq!(tick_date(d(2023, 1, 1), false, Lang::En), "2023");
    }
}
