//! The indicator chart: draws a [`Geometry`] as SVG. Colours and fonts are
//! presentation attributes, not CSS, so that the SVG and PNG exports look
//! the same as the page.

use dxcast_core::Unit;
use leptos::prelude::*;

use crate::chart::{Clip, Geometry, Marker, Shape};
use crate::format;
use crate::i18n::P;
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
/// Points set aside, and a definition break.
const ASIDE: &str = "#8c959f";
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

/// What a figure's marker says of itself: its tooltip and its data
/// attributes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarkerMeta {
    /// The tooltip ("tháng 9/2022: 58,4 triệu").
    pub label: String,
    /// The figure's id.
    pub id: String,
    /// Its measure's code (the core's conversion code).
    pub measure: &'static str,
    /// Why it is set aside, if it is.
    pub aside: Option<&'static str>,
}

/// SVG path data of a marker's shape around `(x, y)`.
fn shape_path(m: &Marker) -> String {
    let (x, y) = (m.x, m.y);
    match m.shape {
        Shape::Circle => format!("M{},{} a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0 Z", x - 5.0, y),
        Shape::Square => format!("M{},{} h9 v9 h-9 Z", x - 4.5, y - 4.5),
        Shape::Diamond => format!("M{},{} l6,6 l-6,6 l-6,-6 Z", x, y - 6.0),
        Shape::Triangle => format!("M{},{} l6,10 h-12 Z", x, y - 6.0),
    }
}

/// The mark of a band cut at the plot's edge: a thick dashed line along the
/// edge over the dates it is cut, with an arrow at each end.
fn clip_view(c: &Clip, top: f64, bottom: f64) -> impl IntoView {
    let y = if c.top { top } else { bottom };
    let (tip, back) = if c.top {
        (y - 1.0, y + 7.0)
    } else {
        (y + 1.0, y - 7.0)
    };
    let colour = if c.what_if { WHAT_IF } else { PROJECTION };
    let arrow = |x: f64| format!("M{},{} l-5,{} h10 Z", x, tip, back - tip);
    view! {
        <g class="band-clipped" data-testid="chart-band-clipped" data-edge=if c.top { "top" } else { "bottom" }>
            <line x1=c.x1 x2=c.x2.max(c.x1 + 1.0) y1=y y2=y stroke=colour stroke-width="3" stroke-dasharray="2 2" />
            <path d=arrow(c.x1) fill=colour />
            <path d=arrow(c.x2.max(c.x1 + 1.0)) fill=colour />
        </g>
    }
}

/// The chart of one indicator.
#[component]
pub fn Chart(
    /// The SVG element's id (the exports find it by this).
    svg_id: &'static str,
    /// Where everything goes.
    geometry: Memo<Geometry>,
    /// The values' unit, for the value axis.
    unit: Unit,
    /// One tooltip and its data per figure.
    #[prop(into)]
    markers: Signal<Vec<MarkerMeta>>,
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
    /// The words at a definition break ("definition changes").
    #[prop(into)]
    break_label: Signal<String>,
) -> impl IntoView {
    let s = use_state();
    // A what-if value changes only the what-if marks while the axes hold
    // still: they are drawn on their own, and the rest is not redrawn.
    let base = Memo::new(move |_| geometry.with(Geometry::without_what_if));
    let what_if_marks = Memo::new(move |_| geometry.with(Geometry::what_if_marks));
    let has_path = Memo::new(move |_| what_if_marks.with(|w| w.path.is_some()));
    let has_band = Memo::new(move |_| what_if_marks.with(|w| w.band.is_some()));
    move || {
        let lang = s.lang.get();
        let g = base.get();
        let p = g.plot;
        let meta = markers.get();
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
        let target_marks = g
            .targets
            .iter()
            .map(|t| {
                let label = targets.get(t.index).cloned().unwrap_or_default();
                let placed = g.labels.get(t.index).copied().flatten();
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
                        {placed
                                .filter(|_| !label.is_empty())
                            .map(|b| {
                                // A white halo keeps the label readable over the paths.
                                view! {
                                    <text
                                        data-testid="chart-target-label"
                                        x=b.x
                                        y=b.y
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
                        {s.word(P::Today)}
                    </text>
                </g>
            }
        });
        let what_if_band = move || {
            has_band.get().then(|| {
                view! {
                    <path
                        d=move || what_if_marks.with(|w| w.band.clone().unwrap_or_default())
                        fill=WHAT_IF
                        fill-opacity="0.10"
                        stroke=WHAT_IF
                        stroke-opacity="0.3"
                        stroke-width="1"
                        data-testid="chart-whatif-band"
                    />
                }
            })
        };
        let what_if_clips = move || {
            what_if_marks.with(|w| {
                w.clips
                    .iter()
                    .map(|c| clip_view(c, p.top, p.bottom))
                    .collect_view()
            })
        };
        let clips = g
            .clips
            .iter()
            .map(|c| clip_view(c, p.top, p.bottom))
            .collect_view();
        let definition_break = g.definition_break.map(|x| {
            view! {
                <g class="definition-break" data-testid="chart-definition-break">
                    <line x1=x x2=x y1=p.top y2=p.bottom stroke=ASIDE stroke-width="2" stroke-dasharray="8 3 2 3" />
                    <text
                        x=x + 4.0
                        y=p.top + 12.0
                        text-anchor="start"
                        fill=AXIS
                        stroke="#ffffff"
                        stroke-width="3"
                        paint-order="stroke"
                    >
                        {break_label.get()}
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
        let what_if = move || {
            has_path.get().then(|| {
                view! {
                    <path
                        d=move || what_if_marks.with(|w| w.path.clone().unwrap_or_default())
                        fill="none"
                        stroke=WHAT_IF
                        stroke-width="2.5"
                        stroke-dasharray="8 3"
                        data-testid="chart-whatif"
                    />
                }
            })
        };
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
                let info = meta.get(m.index).cloned().unwrap_or_default();
                let colour = if m.aside { ASIDE } else { SERIES };
                view! {
                    <path
                        d=shape_path(m)
                        fill=if m.estimate || m.aside { "#ffffff" } else { colour }
                        stroke=colour
                        stroke-width="2"
                        stroke-dasharray=if m.aside { "2 2" } else { "none" }
                        data-testid="chart-point"
                        data-id=info.id
                        data-measure=info.measure
                        data-aside=info.aside
                        data-estimate=if m.estimate { "true" } else { "false" }
                    >
                        <title>{info.label}</title>
                    </path>
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
                {definition_break}
                {band}
                {what_if_band}
                {fitted}
                {projected}
                {compared}
                {what_if}
                {target_marks}
                {today}
                {clips}
                {what_if_clips}
                <path d=g.line.clone() fill="none" stroke=SERIES stroke-width="2" />
                {dots}
            </svg>
        }
    }
}
