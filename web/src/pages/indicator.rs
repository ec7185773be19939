//! `#/i/<id>`: one indicator: its definition, chart, targets and figures
//! with their sources, and (later) its projection.

use dxcast_core::{Bounds, Date, Unit};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

use crate::chart::{
    anchor_day, in_time_order, layout, series_points, shared_labels, ChartInput, SeriesPoint,
    TargetInput,
};
use crate::components::chart::Chart;
use crate::components::projection::ProjectionPanel;
use crate::components::status::StatusBadge;
use crate::dashboard::{latest, shown_target};
use crate::dataset::{Indicator, Observation, Origin, TargetRec};
use crate::export::chart_csv;
use crate::format;
use crate::i18n::{self, t, tf, Lang, K};
use crate::projection::{prepare, project, status_now, Settings, Subject};
use crate::{browser, messages, use_state};

/// The chart's SVG id, for the exports.
const SVG_ID: &str = "indicator-chart";

/// What the page shows of one indicator.
#[derive(Debug, Clone, PartialEq)]
struct View {
    indicator: Indicator,
    /// The figures in time order (the chart's order).
    observations: Vec<Observation>,
    targets: Vec<TargetRec>,
    points: Vec<SeriesPoint>,
    target_inputs: Vec<TargetInput>,
}

impl View {
    fn build(data: &crate::dataset::Dataset, id: &str) -> Option<View> {
        let indicator = data.indicator(id)?.clone();
        let obs: Vec<&Observation> = data.observations_of(id).collect();
        let observations: Vec<Observation> = in_time_order(indicator.kind, &obs)
            .into_iter()
            .cloned()
            .collect();
        let targets: Vec<TargetRec> = data.targets_of(id).cloned().collect();
        let target_inputs = targets
            .iter()
            .map(|t| TargetInput {
                start: f64::from(t.period.start().day_number()),
                deadline: f64::from(t.period.end().day_number()),
                value: t.value,
                comparison: t.comparison,
            })
            .collect();
        Some(View {
            points: series_points(indicator.kind, &obs),
            indicator,
            observations,
            targets,
            target_inputs,
        })
    }
}

fn day_date(day: f64) -> Option<Date> {
    Date::from_day_number(day.floor() as i32).ok()
}

/// A figure as the reader says it: "khoảng 806 triệu".
fn figure_text(o: &Observation, unit: Unit, lang: Lang) -> String {
    let word = i18n::qualifier_word(lang, o.obs.qualifier);
    let value = format::value(o.value(), unit, lang);
    if word.is_empty() {
        value
    } else {
        format!("{word} {value}")
    }
}

/// The indicator page.
#[component]
pub fn IndicatorPage(id: String) -> impl IntoView {
    let s = use_state();
    let today = s.today;
    let page = Memo::new(move |_| s.data.with(|d| View::build(d, &id)));

    // The chart follows its box's width.
    let chart_box = NodeRef::<Div>::new();
    let width = RwSignal::new(720.0);
    Effect::new(move |_| {
        if let Some(el) = chart_box.get() {
            width.set(f64::from(el.client_width()));
        }
    });
    let on_resize = window_event_listener(ev::resize, move |_| {
        if let Some(el) = chart_box.get_untracked() {
            width.set(f64::from(el.client_width()));
        }
    });
    on_cleanup(move || on_resize.remove());

    // The projection engine plugs in here; the method and the scenario will
    // be set by the controls in the projection area.
    let method = RwSignal::new(crate::projection::Method::default());
    let scenario = RwSignal::new(dxcast_core::scenario::Scenario::default());
    let projection = Memo::new(move |_| {
        page.with(|p| {
            p.as_ref().and_then(|p| {
                let targets: Vec<_> = p.targets.iter().filter_map(|t| t.target().ok()).collect();
                let obs: Vec<_> = p.observations.iter().map(|o| o.obs).collect();
                let subject = Subject {
                    kind: p.indicator.kind,
                    unit: p.indicator.unit,
                    bounds: p.indicator.bounds,
                    observations: &obs,
                    targets: &targets,
                };
                let prepared = prepare(&subject).ok()?;
                let mut settings = Settings::base(today);
                settings.method = method.get();
                settings.scenario = scenario.get();
                project(&subject, &prepared, &settings).ok()
            })
        })
    });

    let geometry = Memo::new(move |_| {
        let w = width.get();
        let overlay = projection.with(|p| p.as_ref().map(|p| p.overlay()));
        page.with(|p| {
            let (points, targets, bounds) = match p {
                Some(p) => (&p.points[..], &p.target_inputs[..], p.indicator.bounds),
                None => (&[][..], &[][..], Bounds::NONE),
            };
            layout(&ChartInput {
                points,
                targets,
                today,
                overlay: overlay.as_ref(),
                bounds,
                width: w,
                height: if w < 520.0 { 260.0 } else { 340.0 },
            })
        })
    });

    move || {
        let lang = s.lang.get();
        page.with(|p| match p {
            None => view! { <p>{t(lang, K::NoObservations)}</p> }.into_any(),
            Some(p) => content(p, lang, today, chart_box, geometry, projection).into_any(),
        })
    }
}

#[allow(clippy::too_many_lines)]
fn content(
    p: &View,
    lang: Lang,
    today: Date,
    chart_box: NodeRef<Div>,
    geometry: Memo<crate::chart::Geometry>,
    projection: Memo<Option<crate::projection::Projection>>,
) -> impl IntoView {
    let s = use_state();
    let ind = &p.indicator;
    let unit = ind.unit;
    let kind = ind.kind;
    let name = ind.name(lang).to_string();
    let (other_lang, other_name) = match lang {
        Lang::Vi => (Lang::En, ind.name_en.clone()),
        Lang::En => (Lang::Vi, ind.name_vi.clone()),
    };
    let obs_refs: Vec<&Observation> = p.observations.iter().collect();
    let targets_core: Vec<_> = p.targets.iter().filter_map(|t| t.target().ok()).collect();
    let status = status_now(p.points.len(), &targets_core).or_else(|| {
        projection.with_untracked(|pr| pr.as_ref().and_then(|pr| pr.standing.map(|s| s.status)))
    });
    let summary_latest = latest(obs_refs.iter().copied()).map(|o| {
        view! {
            <p>
                <span class="label">{t(lang, K::Latest)}</span>
                " "
                <strong data-testid="summary-latest">{figure_text(o, unit, lang)}</strong>
                " · "
                {format::period(o.period(), lang)}
                {o.is_estimate().then(|| view! { " " <span class="tag estimate">{t(lang, K::LegendEstimate)}</span> })}
            </p>
        }
    });
    let summary_target = shown_target(&targets_core, today).map(|st| {
        let due = format::date(st.target.deadline, lang);
        view! {
            <p>
                <span class="label">
                    {t(lang, if st.passed { K::LastTarget } else { K::NextTarget })}
                </span>
                " "
                <strong data-testid="summary-target">
                    {i18n::comparison_sign(st.target.comparison)}
                    " "
                    {format::value(st.target.value, unit, lang)}
                </strong>
                " · "
                {if st.passed { tf(lang, K::DuePassed, &[&due]) } else { tf(lang, K::Due, &[&due]) }}
            </p>
        }
    });

    // Chart labels, in the chart's order.
    let marker_labels: Vec<String> = p
        .observations
        .iter()
        .map(|o| {
            let mut l = format!(
                "{}: {}",
                format::period(o.period(), lang),
                figure_text(o, unit, lang)
            );
            if o.is_estimate() {
                l.push_str(&format!(" ({})", t(lang, K::LegendEstimate)));
            }
            l
        })
        .collect();
    let target_labels: Vec<String> = shared_labels(&p.target_inputs)
        .into_iter()
        .map(|group| {
            let Some(first) = group.first().and_then(|&i| p.targets.get(i)) else {
                return String::new();
            };
            let mut signs: Vec<&str> = group
                .iter()
                .filter_map(|&i| p.targets.get(i))
                .map(|tg| i18n::comparison_sign(tg.comparison))
                .collect();
            signs.dedup();
            format!(
                "{} {} ({})",
                signs.join(" / "),
                format::value(first.value, unit, lang),
                first.period.end().year()
            )
        })
        .collect();
    let title = format!("{}: {}", t(lang, K::ChartTitle), name);
    let desc = tf(
        lang,
        K::ChartDesc,
        &[
            &p.observations.len().to_string(),
            &name,
            &format::date(today, lang),
        ],
    );

    let chart_rows = p
        .observations
        .iter()
        .map(|o| {
            let on_axis = day_date(anchor_day(kind, o.period()))
                .map(|d| format::date(d, lang))
                .unwrap_or_default();
            view! {
                <tr>
                    <td>{format::period(o.period(), lang)}</td>
                    <td>{on_axis}</td>
                    <td class="num">{figure_text(o, unit, lang)}</td>
                    <td class="num">{format::plain(o.value(), lang)}</td>
                    <td>{i18n::status(lang, o.obs.status)}</td>
                </tr>
            }
        })
        .collect_view();

    let target_rows = p
        .targets
        .iter()
        .map(|tg| {
            let source = s.data.with_untracked(|d| messages::source(lang, d, &tg.report));
            view! {
                <tr data-testid="target-row">
                    <td>{format::period(tg.period, lang)}</td>
                    <td>{format::date(tg.period.end(), lang)}</td>
                    <td class="num">
                        {i18n::comparison_sign(tg.comparison)}
                        " "
                        {format::value(tg.value, unit, lang)}
                        <span class="sub">{i18n::comparison(lang, tg.comparison)}</span>
                    </td>
                    <td>
                        <span class="source">{source}</span>
                        {(!tg.quote.is_empty())
                            .then(|| view! { <blockquote lang="vi" class="quote">{tg.quote.clone()}</blockquote> })}
                    </td>
                </tr>
            }
        })
        .collect_view();

    let obs_rows = p
        .observations
        .iter()
        .rev()
        .map(|o| {
            let source = s.data.with_untracked(|d| messages::source(lang, d, &o.report));
            let stated = if o.stated.is_empty() {
                String::new()
            } else if o.denominator.is_empty() {
                o.stated.clone()
            } else {
                format!("{}/{}", o.stated, o.denominator)
            };
            let edit = format!("#/data/o/{}", o.id);
            let edited = matches!(o.origin, Origin::Edited | Origin::User);
            view! {
                <tr data-testid="observation-row" data-id=o.id.clone()>
                    <td>{format::period(o.period(), lang)}</td>
                    <td class="num" data-testid="observation-value">{figure_text(o, unit, lang)}</td>
                    <td>
                        {i18n::status(lang, o.obs.status)}
                        {edited.then(|| view! { <span class="tag">{t(lang, K::EditedByYou)}</span> })}
                    </td>
                    <td lang="vi">{stated}</td>
                    <td>
                        <span class="source" data-testid="observation-source">{source}</span>
                        {(!o.quote.is_empty())
                            .then(|| {
                                view! {
                                    <blockquote lang="vi" class="quote" data-testid="observation-quote">
                                        {o.quote.clone()}
                                    </blockquote>
                                }
                            })}
                        {(!o.note.is_empty()).then(|| view! { <p class="note" lang="en">{o.note.clone()}</p> })}
                    </td>
                    <td>
                        <a href=edit aria-label=tf(lang, K::EditAria, &[&o.id])>
                            {t(lang, K::Edit)}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();

    let id = ind.id.clone();
    let export_name = |ext: &str| format!("dxcast-{}.{ext}", id);
    let svg_name = export_name("svg");
    let png_name = export_name("png");
    let csv_name = export_name("csv");
    let csv_id = ind.id.clone();
    let since = ind.since.map(|d| {
        view! {
            <dt>{t(lang, K::SinceLabel)}</dt>
            <dd>{format::date(d, lang)}</dd>
        }
    });
    let note = if ind.note.is_empty() {
        view! { <p class="muted">{t(lang, K::NoNote)}</p> }.into_any()
    } else {
        view! { <p lang="en" class="note">{ind.note.clone()}</p> }.into_any()
    };

    view! {
        <article class="page indicator" data-testid="indicator-page" data-id=ind.id.clone()>
            <p class="crumb">
                <a href="#/">"← " {t(lang, K::NavDashboard)}</a>
            </p>
            <h1 data-testid="indicator-title">{name.clone()}</h1>
            <p class="other-name" lang=other_lang.code()>{other_name}</p>
            <div class="summary" data-testid="indicator-summary">
                {summary_latest}
                {summary_target}
                <StatusBadge status />
            </div>

            <section class="definition" aria-labelledby="def-title">
                <h2 id="def-title">{t(lang, K::DefinitionTitle)}</h2>
                <dl class="meta">
                    <dt>{t(lang, K::PillarLabel)}</dt>
                    <dd>{i18n::pillar(lang, ind.pillar)}</dd>
                    <dt>{t(lang, K::UnitLabel)}</dt>
                    <dd>{i18n::unit(lang, unit)}</dd>
                    <dt>{t(lang, K::KindLabel)}</dt>
                    <dd>{i18n::kind(lang, kind)}</dd>
                    {since}
                    <dt>{t(lang, K::IdLabel)}</dt>
                    <dd>
                        <code>{ind.id.clone()}</code>
                    </dd>
                </dl>
                {note}
            </section>

            <section class="chart-section" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{t(lang, K::ChartTitle)}</h2>
                <figure class="chart-figure">
                    <div class="chart-box" node_ref=chart_box>
                        <Chart
                            svg_id=SVG_ID
                            geometry
                            unit
                            marker_labels=marker_labels
                            target_labels=target_labels
                            title=title
                            desc=desc
                        />
                    </div>
                    <figcaption class="legend">
                        <span class="key key-observed">{t(lang, K::LegendObserved)}</span>
                        <span class="key key-estimate">{t(lang, K::LegendEstimate)}</span>
                        <span class="key key-target">{t(lang, K::LegendTarget)}</span>
                        <span class="key key-today">{t(lang, K::Today)}</span>
                    </figcaption>
                </figure>
                <div class="actions">
                    <button
                        type="button"
                        data-testid="export-svg"
                        on:click=move |_| {
                            let _ = browser::download_svg(SVG_ID, &svg_name);
                        }
                    >
                        {t(lang, K::ExportSvg)}
                    </button>
                    <button
                        type="button"
                        data-testid="export-png"
                        on:click=move |_| {
                            let g = geometry.get_untracked();
                            let _ = browser::download_png(SVG_ID, g.width, g.height, &png_name);
                        }
                    >
                        {t(lang, K::ExportPng)}
                    </button>
                    <button
                        type="button"
                        data-testid="export-chart-csv"
                        on:click=move |_| {
                            let text = s.data.with_untracked(|d| chart_csv(d, &csv_id));
                            let _ = browser::download(&csv_name, "text/csv;charset=utf-8", &text);
                        }
                    >
                        {t(lang, K::ExportChartCsv)}
                    </button>
                </div>
                <details class="chart-table">
                    <summary data-testid="chart-table-toggle">{t(lang, K::ChartAsTable)}</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t(lang, K::ChartAsTable)>
                        <table data-testid="chart-table">
                            <caption>{title_caption(&name, lang)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, K::ColPeriod)}</th>
                                    <th scope="col">{t(lang, K::ColDate)}</th>
                                    <th scope="col">{t(lang, K::ColValue)}</th>
                                    <th scope="col">{t(lang, K::ColExact)}</th>
                                    <th scope="col">{t(lang, K::ColStatus)}</th>
                                </tr>
                            </thead>
                            <tbody>{chart_rows}</tbody>
                        </table>
                    </div>
                </details>
            </section>

            // The projection area: fitted trend and dashed projection with its
            // band (drawn by the chart from `Projection::overlay`), the method
            // chooser, target analytics with "explain", and the what-if
            // controls. Nothing until the projection engine is part of the app.
            {move || view! { <ProjectionPanel projection=projection.get() /> }}

            <section class="targets">
                <h2 id="targets-title">{t(lang, K::TargetsTitle)}</h2>
                {if p.targets.is_empty() {
                    view! { <p class="muted" data-testid="no-targets">{t(lang, K::NoTargets)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="targets-title">
                            <table data-testid="targets-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(lang, K::ColPeriod)}</th>
                                        <th scope="col">{t(lang, K::ColDeadline)}</th>
                                        <th scope="col">{t(lang, K::ColTarget)}</th>
                                        <th scope="col">{t(lang, K::ColSource)}</th>
                                    </tr>
                                </thead>
                                <tbody>{target_rows}</tbody>
                            </table>
                        </div>
                    }
                        .into_any()
                }}
            </section>

            <section class="observations">
                <h2 id="obs-title">{t(lang, K::ObservationsTitle)}</h2>
                {p
                    .observations
                    .is_empty()
                    .then(|| view! { <p class="muted">{t(lang, K::NoObservations)}</p> })}
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="obs-title">
                    <table data-testid="observations-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, K::ColPeriod)}</th>
                                <th scope="col">{t(lang, K::ColValue)}</th>
                                <th scope="col">{t(lang, K::ColStatus)}</th>
                                <th scope="col">{t(lang, K::ColStated)}</th>
                                <th scope="col">{t(lang, K::ColSource)}</th>
                                <th scope="col">{t(lang, K::ColActions)}</th>
                            </tr>
                        </thead>
                        <tbody>{obs_rows}</tbody>
                    </table>
                </div>
                <p>
                    <a href=format!("#/data/new/{}", ind.id) data-testid="add-observation">
                        {t(lang, K::AddObservation)}
                    </a>
                </p>
            </section>
        </article>
    }
}

fn title_caption(name: &str, lang: Lang) -> String {
    format!("{} — {}", t(lang, K::ChartAsTable), name)
}
