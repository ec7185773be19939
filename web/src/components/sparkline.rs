//! A small inline chart of an indicator's figures.

use dxcast_app::timeline::SeriesPoint;
use leptos::prelude::*;

use crate::chart::sparkline;

const WIDTH: f64 = 96.0;
const HEIGHT: f64 = 28.0;

/// The figures as a line with a dot each (hollow for estimates).
#[component]
pub fn Sparkline(points: Vec<SeriesPoint>, #[prop(into)] label: Signal<String>) -> impl IntoView {
    let spark = sparkline(&points, WIDTH, HEIGHT, 4.0);
    let dots = spark
        .dots
        .into_iter()
        .map(|(x, y, estimate)| {
            view! {
                <circle
                    cx=x
                    cy=y
                    r="2.6"
                    class=if estimate { "dot estimate" } else { "dot" }
                    fill=if estimate { "#ffffff" } else { "#0b5394" }
                    stroke="#0b5394"
                    stroke-width="1.4"
                />
            }
        })
        .collect_view();
    view! {
        <svg
            class="sparkline"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            width=WIDTH
            height=HEIGHT
            role="img"
            aria-label=move || label.get()
            data-testid="sparkline"
        >
            <path d=spark.path fill="none" stroke="#0b5394" stroke-width="1.4" />
            {dots}
        </svg>
    }
}
