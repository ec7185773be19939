//! The indicator chart: draws a [`Geometry`] as SVG. Colours and fonts are
//! presentation attributes, not CSS, so that the SVG and PNG exports look
//! the same as the page.

use dxcast_core::Unit;
use leptos::prelude::*;

use crate::chart::{label_width, stack_labels, Geometry};
use crate::format;
use crate::i18n::K;
use crate::state::use_state;

/// Text.
pub const INK: &str = "#24292f";
const GRID: &str = "#d8dee4";
/// The axes and secondary text.
pub const AXIS: &str = "#57606a";
/// The figures.
pub const SERIES: &str = "#0b5394";
/// The targets.
pub const TARGET: &str = "#9a4a00";
/// Today's line.
pub const TODAY: &str = "#6639ba";
/// The fitted trend, the projection and its band.
pub const PROJECTION: &str = "#1a7f37";
/// The what-if path.
pub const WHAT_IF: &str = "#cf222e";
/// The compared scenarios' colours and dash patterns (told apart by both).
pub const COMPARED: [(&str, &str); 5] = [
    ("#8250df", "10 4"),
    ("#bf3989", "2 3"),
    ("#0a7b83", "12 3 3 3"),
    ("#953800", "4 4"),
    ("#57606a", "1 4"),
];

/// The chart of one indicator.
#[component]
pub fn Chart(
    /// The SVG element's id (the exports find it by this).
    svg_id: &'static str,
    /// Where everything goes.
    geometry: Memo<Geometry>,
    /// The values' unit, for the value axis.
    unit: Unit,
    /// One label per figure ("tháng 9/2022: 58,4 triệu").
    #[prop(into)]
    marker_labels: Signal<Vec<String>>,
    /// One label per target ("> 860 triệu").
    #[prop(into)]
    target_labels: Signal<Vec<String>>,
    /// The chart's accessible name.
    #[prop(into)]
    title: Signal<String>,
    /// The chart's accessible description.
    #[prop(into)]
    desc: Signal<String>,
    /// A note above the value axis ("per year, annualised").
    axis_note: Option<String>,
) -> impl IntoView {
    let s = use_state();
    move || {
        let lang = s.lang.get();
        let g = geometry.get();
        let p = g.plot;
        let markers = marker_labels.get();
        let targets = target_labels.get();
        let y_ticks = g
            .y_ticks
            .iter()
            .map(|t| {
                view! {
                    <line x1=p.left x2=p.right y1=t.y y2=t.y stroke=GRID stroke-width="1" />
                    <text x=p.left - 6.0 y=t.y + 4.0 text-anchor="end" fill=INK>
                        {format::value(t.value, unit, lang)}
                    </text>
                }
            })
            .collect_view();
        let x_ticks = g
            .x_ticks
            .iter()
            .map(|t| {
                view! {
                    <line x1=t.x x2=t.x y1=p.bottom y2=p.bottom + 5.0 stroke=AXIS stroke-width="1" />
                    <text x=t.x y=p.bottom + 19.0 text-anchor="middle" fill=INK>
                        {format::tick_date(t.date, t.month, lang)}
                    </text>
                }
            })
            .collect_view();
        // Target labels end a little before their deadline, just above the
        // line, and move apart where they would overlap.
        let anchors: Vec<(f64, f64, f64)> = g
            .targets
            .iter()
            .map(|t| {
                let text = targets.get(t.index).map_or("", String::as_str);
                let w = if text.is_empty() {
                    0.0
                } else {
                    label_width(text)
                };
                // Never over the value axis's labels.
                ((t.x2 - 8.0).max(p.left + 4.0 + w), t.y - 7.0, w)
            })
            .collect();
        let label_y = stack_labels(&anchors, 14.0, p.bottom);
        let target_marks = g
            .targets
            .iter()
            .zip(label_y)
            .zip(anchors.iter().map(|a| a.0))
            .map(|((t, ly), lx)| {
                let label = targets.get(t.index).cloned().unwrap_or_default();
                let colour = if t.what_if { WHAT_IF } else { TARGET };
                view! {
                    <g class="target" data-testid=if t.what_if { "chart-whatif-target" } else { "chart-target" }>
                        <line
                            x1=t.x1
                            x2=t.x2
                            y1=t.y
                            y2=t.y
                            stroke=colour
                            stroke-width="2"
                            stroke-dasharray="6 4"
                        />
                        <path
                            d=format!(
                                "M{},{} l5,5 l-5,5 l-5,-5 Z",
                                t.x2,
                                t.y - 5.0,
                            )
                            fill=colour
                        />
                        {(!label.is_empty())
                            .then(|| {
                                // A white halo keeps the label readable over the paths.
                                view! {
                                    <text
                                        x=lx
                                        y=ly
                                        text-anchor="end"
                                        fill=colour
                                        stroke="#ffffff"
                                        stroke-width="3"
                                        stroke-linejoin="round"
                                        paint-order="stroke"
                                    >
                                        {label.clone()}
                                    </text>
                                }
                            })}
                        <title>{label}</title>
                    </g>
                }
            })
            .collect_view();
        let today = g.today.map(|x| {
            view! {
                <g class="today" data-testid="chart-today">
                    <line
                        x1=x
                        x2=x
                        y1=p.top
                        y2=p.bottom
                        stroke=TODAY
                        stroke-width="1.5"
                        stroke-dasharray="2 3"
                    />
                    <text
                        x=x - 4.0
                        y=p.bottom - 6.0
                        text-anchor="end"
                        fill=TODAY
                        stroke="#ffffff"
                        stroke-width="3"
                        stroke-linejoin="round"
                        paint-order="stroke"
                    >
                        {move || s.t(K::Today)}
                    </text>
                </g>
            }
        });
        let band = g.band.clone().map(|d| {
            view! {
                <path
                    d=d
                    fill=PROJECTION
                    fill-opacity="0.16"
                    stroke=PROJECTION
                    stroke-opacity="0.35"
                    stroke-width="1"
                    data-testid="chart-band"
                />
            }
        });
        let fitted = g
            .fitted
            .clone()
            .map(|d| view! { <path d=d fill="none" stroke=PROJECTION stroke-width="2" /> });
        let projected = g.projected.clone().map(|d| {
            view! {
                <path
                    d=d
                    fill="none"
                    stroke=PROJECTION
                    stroke-width="2"
                    stroke-dasharray="6 4"
                    data-testid="chart-projection"
                />
            }
        });
        let what_if = g.what_if.clone().map(|d| {
            view! {
                <path
                    d=d
                    fill="none"
                    stroke=WHAT_IF
                    stroke-width="2.5"
                    stroke-dasharray="8 3"
                    data-testid="chart-whatif"
                />
            }
        });
        let compared = g
            .compared
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let (colour, dash) = COMPARED[i % COMPARED.len()];
                d.clone().map(|d| {
                    view! {
                        <path
                            d=d
                            fill="none"
                            stroke=colour
                            stroke-width="2"
                            stroke-dasharray=dash
                            data-testid="chart-compared"
                        />
                    }
                })
            })
            .collect_view();
        let note = axis_note.clone().map(|n| {
            view! {
                <text x="4" y="14" text-anchor="start" fill=AXIS>
                    {n}
                </text>
            }
        });
        let dots = g
            .markers
            .iter()
            .map(|m| {
                let label = markers.get(m.index).cloned().unwrap_or_default();
                view! {
                    <circle
                        cx=m.x
                        cy=m.y
                        r="5"
                        fill=if m.estimate { "#ffffff" } else { SERIES }
                        stroke=SERIES
                        stroke-width="2"
                        data-testid="chart-point"
                        data-estimate=if m.estimate { "true" } else { "false" }
                    >
                        <title>{label}</title>
                    </circle>
                }
            })
            .collect_view();
        view! {
            <svg
                id=svg_id
                class="chart"
                viewBox=format!("0 0 {} {}", g.width, g.height)
                width=g.width
                height=g.height
                role="img"
                aria-labelledby="chart-title chart-desc"
                font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
                font-size="12"
                data-testid="chart"
            >
                <title id="chart-title">{title.get()}</title>
                <desc id="chart-desc">{desc.get()}</desc>
                <rect x="0" y="0" width=g.width height=g.height fill="#ffffff" />
                {y_ticks}
                <line x1=p.left x2=p.right y1=p.bottom y2=p.bottom stroke=AXIS stroke-width="1" />
                <line x1=p.left x2=p.left y1=p.top y2=p.bottom stroke=AXIS stroke-width="1" />
                {x_ticks}
                {note}
                {band}
                {fitted}
                {projected}
                {compared}
                {what_if}
                {target_marks}
                {today}
                <path d=g.line.clone() fill="none" stroke=SERIES stroke-width="2" />
                {dots}
            </svg>
        }
    }
}
