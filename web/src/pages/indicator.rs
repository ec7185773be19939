//! `#/i/<id>`: one indicator: its definition, chart with the projection of
//! its quantity's series (every figure of every indicator that measures the
//! same quantity, each marked by its measure), the measures and the rule
//! that decides between them, the method chooser, target analytics,
//! what-if scenarios compared on one chart, a link to the view, its targets
//! and its figures with their sources.

use dxcast_app::analysis::Level;
use dxcast_app::dataset::{Dataset, IndicatorRecord, ObservationRecord, RowOrigin, TargetRecord};
use dxcast_app::export::{aside_code, chart_csv};
use dxcast_app::lang::Lang;
use dxcast_app::projection::{
    check_growth, default_horizon, fit, prepare, project_base, shown_target, standing_now,
    with_scenario, MethodChoice, Prepared, Projection, ProjectionOptions, Sources, MIN_POINTS,
};
use dxcast_app::share::{self, LinkProblem, SharedView};
use dxcast_app::whatif::{applied, Draft, DraftDefaults, DraftReading};
use dxcast_core::basis::Basis;
use dxcast_core::quantity::{Measured, Rule};
use dxcast_core::{Bounds, Comparison, Date, MeasureKind, Scenario, Target, Unit};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

use crate::chart::{
    definition_break, label_width, layout, quantity_points, shared_labels, ChartInput, Geometry,
    Overlay, TargetInput,
};
use crate::components::bilingual;
use crate::components::chart::{Chart, MarkerMeta};
use crate::components::projection::{
    Comparison as CompareTable, MethodChooser, Shown, TargetAnalytics, Terms,
};
use crate::components::status::StatusBadge;
use crate::components::whatif::{WhatIfPanel, WhatIfState};
use crate::format;
use crate::i18n::{self, t, tf, K, P};
use crate::state::use_state;
use crate::{browser, export, messages};

/// The chart's SVG id, for the exports.
const SVG_ID: &str = "indicator-chart";

/// What the page shows of one indicator.
#[derive(Debug, Clone, PartialEq)]
struct View {
    indicator: IndicatorRecord,
    /// The indicators that measure the same quantity, itself included.
    members: Vec<IndicatorRecord>,
    /// Every figure of the quantity, oldest report first (the core's
    /// order), with its row.
    figures: Vec<(Measured, ObservationRecord)>,
    targets: Vec<TargetRecord>,
    target_inputs: Vec<TargetInput>,
    /// The quantity's figures and the targets, as the projection takes them.
    sources: Sources,
    /// The last day the figures cover.
    data_end: Option<Date>,
}

impl View {
    fn build(data: &Dataset, id: &str) -> Option<View> {
        let indicator = data.indicator(id)?.clone();
        let targets: Vec<TargetRecord> = data.targets_of(id).cloned().collect();
        let target_inputs = targets
            .iter()
            .map(|t| TargetInput {
                start: f64::from(t.period.start().day_number()),
                deadline: f64::from(t.period.end().day_number()),
                value: t.value,
                comparison: t.comparison,
                what_if: false,
            })
            .collect();
        let sources = Sources::of(data, id)?;
        Some(View {
            members: data.members(id).into_iter().cloned().collect(),
            figures: data
                .quantity_figures(id)
                .into_iter()
                .map(|(m, o)| (m, o.clone()))
                .collect(),
            data_end: sources.data_end(),
            indicator,
            targets,
            target_inputs,
            sources,
        })
    }

    fn targets_core(&self) -> &[Target] {
        &self.sources.targets
    }

    /// The member indicator of a figure.
    fn member(&self, o: &ObservationRecord) -> Option<&IndicatorRecord> {
        self.members.iter().find(|m| m.id == o.indicator)
    }

    /// Dates for empty what-if date fields: growth from the end of the
    /// figures, a shock on the next 1 January, a changed target at the
    /// default horizon, compared as the target with the latest deadline.
    fn defaults(&self, today: Date) -> Option<DraftDefaults> {
        let end = self.data_end?;
        // As the target with the latest deadline (the first of equals).
        let last = self.targets_core().iter().rev().max_by_key(|t| t.deadline);
        let comparison = last.map_or(
            if self.indicator.kind == MeasureKind::Rank {
                Comparison::AtMost
            } else {
                Comparison::AtLeast
            },
            |t| t.comparison,
        );
        Some(DraftDefaults {
            from: end,
            shock_at: Date::first_of_year(end.year().saturating_add(1)),
            target_at: default_horizon(end, self.targets_core(), today),
            comparison,
        })
    }

    fn terms(&self) -> Terms {
        Terms {
            unit: self.indicator.unit,
            data_end: self.data_end,
        }
    }
}

/// A figure as the reader says it: "khoảng 806 triệu".
fn figure_text(o: &ObservationRecord, unit: Unit, lang: Lang) -> String {
    let word = i18n::qualifier_word(lang, o.obs.qualifier);
    let value = format::value(o.value(), unit, lang);
    if word.is_empty() {
        value
    } else {
        format!("{word} {value}")
    }
}

/// How long the values must rest after a change, in milliseconds, before
/// the tables under the chart and the address bar follow it.
const ANALYSES_PAUSE_MS: i32 = 120;

/// The signals of the page, passed to its parts (all `Copy`).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    today: Date,
    chart_box: NodeRef<Div>,
    geometry: Memo<Geometry>,
    /// The exported picture's chart box, and the chart laid out for it.
    export_box: RwSignal<(f64, f64)>,
    export_geometry: Memo<Geometry>,
    projection: Shown,
    /// The projection once the chart that shows it has been painted.
    analysed: Shown,
    /// Whether `analysed` is behind `projection`.
    behind: RwSignal<bool>,
    method: RwSignal<MethodChoice>,
    whatif: WhatIfState,
    problems: RwSignal<Vec<LinkProblem>>,
    prepared: Memo<Option<Result<Prepared, dxcast_core::Error>>>,
    rule: RwSignal<Rule>,
    level: RwSignal<Level>,
}

/// The indicator page, with the view a link gives (`query`).
#[component]
pub fn IndicatorPage(id: String, query: String) -> impl IntoView {
    let s = use_state();
    let today = s.today;
    let page_id = id.clone();
    let page = Memo::new(move |_| s.data.with(|d| View::build(d, &page_id)));

    // The chart follows its box's width, measured once the box is laid
    // out: a box not yet in the document (a page drawn after another, or
    // after an error page) measures 0, so the measure is tried again on the
    // next frames.
    let chart_box = NodeRef::<Div>::new();
    let width = RwSignal::new(720.0);
    Effect::new(move |_| {
        if chart_box.get().is_some() {
            browser::measure_when_laid_out(
                move || chart_box.get_untracked().map(|el| el.client_width()),
                move |w| width.set(f64::from(w)),
            );
        }
    });
    let on_resize = window_event_listener(ev::resize, move |_| {
        if let Some(el) = chart_box.get_untracked() {
            width.set(f64::from(el.client_width()));
        }
    });
    on_cleanup(move || on_resize.remove());

    // The view: from the link, then from the controls.
    let (link, link_problems) = share::parse(&query);
    let method = RwSignal::new(link.method);
    let draft = RwSignal::new(Draft::of(
        &link.scenario,
        link.horizon,
        s.lang.get_untracked(),
    ));
    let name = RwSignal::new(link.name.clone());
    let compared = RwSignal::new(link.compared.clone());
    let rule = RwSignal::new(link.rule);
    let level = RwSignal::new(link.level);
    let generation = RwSignal::new(0u32);
    // What only the indicator can tell about the link's targets.
    let mut link_problems = link_problems;
    link_problems.extend(page.with_untracked(|p| {
        p.as_ref().map_or_else(Vec::new, |p| {
            // The first point of the series the link's rule projects.
            let first = prepare(&p.sources.input(link.rule))
                .ok()
                .and_then(|pr| pr.series().ok().map(|s| s.first().date));
            share::check(&link, p.indicator.bounds, first)
        })
    }));
    let problems = RwSignal::new(link_problems);

    let defaults = Memo::new(move |_| page.with(|p| p.as_ref().and_then(|p| p.defaults(today))));
    // The fields are read in the forms they are typed in (the draft's
    // language, which follows the app's).
    let reading = Memo::new(move |_| match defaults.get() {
        Some(d) => draft.with(|dr| dr.read(d)),
        None => DraftReading::default(),
    });
    let prepared = Memo::new(move |_| {
        let r = rule.get();
        page.with(|p| p.as_ref().map(|p| prepare(&p.sources.input(r))))
    });
    // How far the methods' warnings look: the horizon typed, or the default.
    let until = Memo::new(move |_| {
        let typed = reading.with(|r| r.horizon);
        page.with(|p| {
            let p = p.as_ref()?;
            let latest = prepared.with(|pr| {
                pr.as_ref()
                    .and_then(|pr| pr.as_ref().ok())
                    .and_then(|pr| pr.points.last().map(|q| q.date))
            })?;
            Some(typed.unwrap_or_else(|| default_horizon(latest, p.targets_core(), today)))
        })
    });
    // Fitted once per method: the scenario's changes ask the fitted model again.
    let chosen = Memo::new(move |_| {
        let m = method.get();
        let until = until.get()?;
        prepared.with(|pr| match pr.as_ref()? {
            Err(e) => Some(Err(*e)),
            Ok(pr) if pr.points.len() < MIN_POINTS => None,
            Ok(pr) => Some(fit(pr, &m, until)),
        })
    });
    // A growth rate the core flags is held back until it is confirmed.
    let flag = Memo::new(move |_| {
        let growth = reading.with(|r| r.scenario.growth)?;
        prepared.with(|pr| check_growth(pr.as_ref()?.as_ref().ok()?, &growth))
    });
    let applied_scenario =
        Memo::new(move |_| reading.with(|r| draft.with(|d| applied(r, d, flag.get()))));
    let held = Memo::new(move |_| applied_scenario.with(|a| a.1));
    let flagged = Memo::new(move |_| {
        flag.get()
            .filter(|_| applied_scenario.with(|a| a.1.is_none()))
    });
    // The projection without the what-if (the fit, the base path, the
    // staged targets, the compared scenarios), then with it: a what-if
    // change computes only the second.
    let horizon = Memo::new(move |_| reading.with(|r| r.horizon));
    let base: Shown = Memo::new(move |_| {
        let options = ProjectionOptions {
            today,
            scenario: Scenario::default(),
            horizon: horizon.get(),
            compared: compared.get(),
            level: level.get(),
        };
        let r = rule.get();
        page.with(|p| {
            let p = p.as_ref()?;
            chosen.with(|c| match c.as_ref()? {
                Err(e) => Some(Err(*e)),
                Ok(c) => prepared.with(|pr| match pr.as_ref()? {
                    Ok(pr) => Some(project_base(&p.sources.input(r), pr, c, &options)),
                    Err(e) => Some(Err(*e)),
                }),
            })
        })
    });
    let projection: Shown = Memo::new(move |_| {
        let (scenario, _) = applied_scenario.get();
        let r = rule.get();
        base.with(|b| match b.as_ref()? {
            Err(e) => Some(Err(*e)),
            Ok(b) => page.with(|p| {
                let p = p.as_ref()?;
                prepared.with(|pr| match pr.as_ref()? {
                    Ok(pr) => Some(Ok(with_scenario(
                        b,
                        &p.sources.input(r),
                        pr,
                        &scenario,
                        today,
                    ))),
                    Err(e) => Some(Err(*e)),
                })
            }),
        })
    });
    let start = Memo::new(move |_| projection.with(|p| p.as_ref()?.as_ref().ok()?.scenario_start));
    let default_horizon_memo = Memo::new(move |_| {
        projection.with(|p| match p {
            Some(Ok(p)) if reading.with(|r| r.horizon.is_none()) => Some(p.horizon),
            _ => page.with(|p| {
                let p = p.as_ref()?;
                Some(default_horizon(p.data_end?, p.targets_core(), today))
            }),
        })
    });
    let link_id = id.clone();
    let link_href = Memo::new(move |_| {
        let view = SharedView {
            method: method.get(),
            scenario: reading.with(|r| r.scenario),
            name: name.get(),
            horizon: reading.with(|r| r.horizon),
            compared: compared.get(),
            rule: rule.get(),
            level: level.get(),
        };
        share::href(&link_id, &view)
    });
    // The address bar follows the view (the outside world: an effect) once
    // the frame that shows the change has been painted and the values rest:
    // each change of the address costs a same-document navigation, and the
    // browser fetches the page's icon again for it.
    let addresses = RwSignal::new(0u32);
    Effect::new(move |_| {
        let href = link_href.get();
        let address = addresses
            .try_update_untracked(|n| {
                *n = n.wrapping_add(1);
                *n
            })
            .unwrap_or(0);
        browser::after_paint(ANALYSES_PAUSE_MS, move || {
            if addresses.try_get_untracked() == Some(address) {
                browser::replace_hash(&href);
            }
        });
    });
    // The comparison and the analyses under the chart follow the projection
    // once the chart that shows it has been painted and the changes pause
    // (a slider dragged, a number typed): the chart repaints in the frame
    // of each change, the tables once, when the values rest.
    let changes = RwSignal::new(0u32);
    let painted = RwSignal::new(0u32);
    // Whether the tables are behind the chart (`aria-busy` on them).
    let behind = RwSignal::new(true);
    Effect::new(move |_| {
        projection.track();
        behind.set(true);
        let change = changes
            .try_update_untracked(|n| {
                *n = n.wrapping_add(1);
                *n
            })
            .unwrap_or(0);
        browser::after_paint(ANALYSES_PAUSE_MS, move || {
            // The page may be gone by then, its signals with it; a later
            // change brings its own update.
            if changes.try_get_untracked() == Some(change) {
                let _ = painted.try_update(|n| *n = n.wrapping_add(1));
                let _ = behind.try_set(false);
            }
        });
    });
    let analysed: Shown = Memo::new(move |_| {
        painted.track();
        projection.get_untracked()
    });

    // The chart laid out at a width and height: the page's, and the
    // exported picture's.
    let chart_at = move |w: f64, h: f64| {
        let lang = s.lang.get();
        let overlay = projection.with(|p| match p {
            Some(Ok(p)) => Some(Overlay::of(p)),
            _ => None,
        });
        let own = reading.with(|r| r.scenario.target).map(|t| TargetInput {
            start: f64::from(Date::first_of_year(t.deadline.year()).day_number()),
            deadline: f64::from(t.deadline.day_number()),
            value: t.value,
            comparison: t.comparison,
            what_if: true,
        });
        let (points, brk) = prepared.with(|pr| match pr {
            Some(Ok(pr)) => (quantity_points(pr), definition_break(pr)),
            _ => (Vec::new(), None),
        });
        page.with(|p| {
            let (mut targets, bounds, note, labels) = match p {
                Some(p) => (
                    p.target_inputs.clone(),
                    p.indicator.bounds,
                    prepared.with(|pr| matches!(pr, Some(Ok(pr)) if pr.basis == Basis::DailyRate)),
                    target_label_texts(p, reading.with(|r| r.scenario.target), lang),
                ),
                None => (Vec::new(), Bounds::NONE, false, Vec::new()),
            };
            targets.extend(own);
            let widths: Vec<f64> = labels
                .iter()
                .map(|l| if l.is_empty() { 0.0 } else { label_width(l) })
                .collect();
            layout(&ChartInput {
                points: &points,
                targets: &targets,
                label_widths: &widths,
                definition_break: brk,
                today,
                overlay: overlay.as_ref(),
                bounds,
                width: w,
                height: h,
                axis_note: note,
            })
        })
    };
    let geometry = Memo::new(move |_| {
        let w = width.get();
        chart_at(w, if w < 520.0 { 280.0 } else { 360.0 })
    });
    let export_box = RwSignal::new((export::WIDTH, export::HEIGHT));
    let export_geometry = Memo::new(move |_| {
        let (w, h) = export_box.get();
        chart_at(w, h)
    });

    let ctx = Ctx {
        today,
        chart_box,
        geometry,
        export_box,
        export_geometry,
        projection,
        analysed,
        behind,
        method,
        whatif: WhatIfState {
            draft,
            reading,
            defaults,
            horizon: default_horizon_memo,
            generation,
            name,
            compared,
            link: link_href,
            held,
            flagged,
            start,
        },
        problems,
        prepared,
        rule,
        level,
    };

    move || {
        let lang = s.lang.get();
        page.with(|p| match p {
            None => view! { <p>{t(lang, P::NoObservations)}</p> }.into_any(),
            Some(p) => content(p, lang, ctx).into_any(),
        })
    }
}

/// The legend's entries that depend on the projection.
/// What the legend shows of a projection: whether its band's spread is
/// known, at which level, whether it has a what-if, and the compared
/// scenarios' names. A what-if change leaves it as it is.
#[derive(Debug, Clone, PartialEq)]
struct LegendKeys {
    spread_known: bool,
    level: Level,
    what_if: bool,
    compared: Vec<String>,
}

impl LegendKeys {
    fn of(p: &Projection) -> LegendKeys {
        LegendKeys {
            spread_known: p.spread_known(),
            level: p.level,
            what_if: p.what_if.is_some(),
            compared: p.compared.iter().map(|c| c.named.name.clone()).collect(),
        }
    }
}

fn projection_legend(p: &LegendKeys, lang: Lang) -> impl IntoView {
    let band = if p.spread_known {
        view! { <span class="key key-band">{tf(lang, P::LegendBandAt, &[p.level.code()])}</span> }
            .into_any()
    } else {
        view! { <span class="key key-band-unknown">{t(lang, P::LegendBandUnknown)}</span> }
            .into_any()
    };
    let what_if = p.what_if.then(|| {
        view! {
            <span class="key key-whatif">{t(lang, P::LegendWhatIf)}</span>
            <span class="key key-whatif-band">{t(lang, P::LegendWhatIfBand)}</span>
        }
    });
    let compared = p
        .compared
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <span class=format!("key key-compared compared-{}", i % 5) data-testid="legend-compared">
                    {c.clone()}
                </span>
            }
        })
        .collect_view();
    view! {
        <span class="key key-fitted">{t(lang, P::LegendFitted)}</span>
        <span class="key key-projection">{t(lang, P::LegendProjection)}</span>
        {band}
        {what_if}
        {compared}
    }
}

/// The targets' labels in the chart's order: the staged targets (the first
/// of several with the same deadline and value carries them all), then the
/// scenario's own.
fn target_label_texts(p: &View, own: Option<Target>, lang: Lang) -> Vec<String> {
    let unit = p.indicator.unit;
    let mut labels: Vec<String> = shared_labels(&p.target_inputs)
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
    if let Some(own) = own {
        labels.push(format!(
            "{}: {} {} ({})",
            t(lang, P::ScenarioCol),
            i18n::comparison_sign(own.comparison),
            format::value(own.value, unit, lang),
            own.deadline.year()
        ));
    }
    labels
}

/// A figure's words on the page: "khoảng 806 triệu", with its measure when
/// it is not the page's own ("khoảng 2,8 triệu (bình quân mỗi ngày)").
fn figure_words(p: &View, o: &ObservationRecord, lang: Lang) -> String {
    let text = figure_text(o, p.indicator.unit, lang);
    match p.member(o) {
        Some(m) if m.id != p.indicator.id => {
            format!("{text} ({})", i18n::kind(lang, m.kind).to_lowercase())
        }
        _ => text,
    }
}

/// What each point of the quantity says of itself on the chart.
fn marker_meta(p: &View, pr: &Prepared, lang: Lang) -> Vec<MarkerMeta> {
    let unit = p.indicator.unit;
    pr.measured
        .iter()
        .map(|q| {
            let Some((_, o)) = p.figures.get(q.source) else {
                return MarkerMeta::default();
            };
            let mut label = format!(
                "{}: {} — {}",
                format::period(o.period(), lang),
                figure_words(p, o, lang),
                i18n::conversion(lang, q.conversion)
            );
            if pr.basis == Basis::DailyRate {
                label.push_str(&format!(
                    " → {} ({})",
                    format::value(q.point.value * pr.basis.factor(q.point.date), unit, lang),
                    t(lang, P::PerYearAnnualised)
                ));
            }
            if o.is_estimate() {
                label.push_str(&format!(" ({})", t(lang, K::LegendEstimate)));
            }
            if let Some(a) = q.aside {
                label.push_str(&format!(
                    " — {}: {}",
                    t(lang, P::AsideTitle),
                    i18n::aside(lang, a)
                ));
            }
            MarkerMeta {
                label,
                id: o.id.clone(),
                measure: q.conversion.code(),
                aside: q.aside.map(aside_code),
            }
        })
        .collect()
}

/// The measures of the quantity, the rule that keeps one where they
/// overlap (the analyst's choice), the conflicts and the points set aside.
fn measures_section(p: &View, pr: &Prepared, rule: RwSignal<Rule>, lang: Lang) -> impl IntoView {
    let unit = p.indicator.unit;
    let basis = t(
        lang,
        if pr.basis == Basis::DailyRate {
            P::BasisRate
        } else {
            P::BasisLevel
        },
    );
    let others: Vec<String> = p
        .members
        .iter()
        .filter(|m| m.id != p.indicator.id)
        .map(|m| m.name(lang).to_string())
        .collect();
    let intro = if others.is_empty() {
        tf(lang, P::QuantityAlone, &[basis])
    } else {
        tf(
            lang,
            P::QuantityMembers,
            &[p.indicator.name(lang), &others.join("; "), basis],
        )
    };
    let uses = tf(
        lang,
        P::SeriesUses,
        &[&pr.points.len().to_string(), &pr.measured.len().to_string()],
    );
    let overlapping = pr
        .measured
        .iter()
        .any(|q| q.conversion != pr.measured[0].conversion);
    let rule_radio = |r: Rule| {
        let id = format!("rule-{}", r.code());
        view! {
            <li>
                <input
                    type="radio"
                    name="rule"
                    id=id.clone()
                    data-testid=id.clone()
                    value=r.code()
                    prop:checked=move || rule.get() == r
                    on:change=move |_| rule.set(r)
                />
                <label for=id>{i18n::rule(lang, r)}</label>
            </li>
        }
    };
    let describe = |i: usize| -> String {
        pr.measured
            .get(i)
            .and_then(|q| {
                let (_, o) = p.figures.get(q.source)?;
                Some(format!(
                    "«{}» ({}, {})",
                    figure_text(o, unit, lang),
                    i18n::conversion(lang, q.conversion),
                    format::period(q.window, lang)
                ))
            })
            .unwrap_or_default()
    };
    let per_day = |i: usize| -> String {
        pr.measured
            .get(i)
            .map(|q| {
                let m = if pr.basis == Basis::DailyRate {
                    dxcast_app::measure::Measure::PerDay(unit)
                } else {
                    dxcast_app::measure::Measure::Unit(unit)
                };
                format::measured_range(q.low, q.high, m, lang)
            })
            .unwrap_or_default()
    };
    let conflicts = if pr.conflicts.is_empty() {
        view! { <p class="muted" data-testid="no-conflicts">{t(lang, P::NoConflicts)}</p> }
            .into_any()
    } else {
        let items = pr
            .conflicts
            .iter()
            .map(|c| {
                view! {
                    <li data-testid="conflict">
                        {tf(lang, P::ConflictItem, &[&describe(c.a), &describe(c.b), &per_day(c.a), &per_day(c.b)])}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t(lang, P::ConflictsTitle)}</h3>
            <ul class="conflicts" data-testid="conflicts">{items}</ul>
        }
        .into_any()
    };
    let aside: Vec<_> = pr
        .measured
        .iter()
        .enumerate()
        .filter_map(|(i, q)| Some((i, q.aside?)))
        .collect();
    let aside_list = (!aside.is_empty()).then(|| {
        let items = aside
            .into_iter()
            .map(|(i, a)| {
                view! {
                    <li data-testid="set-aside" data-aside=aside_code(a)>
                        {describe(i)} ": " {i18n::aside(lang, a)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{t(lang, P::AsideTitle)}</h3>
            <ul class="set-aside">{items}</ul>
        }
    });
    let old = pr
        .measured
        .iter()
        .filter(|q| q.aside == Some(dxcast_core::quantity::Aside::Definition))
        .count();
    let break_note = (old > 0).then(|| {
        view! {
            <p class="notice" data-testid="definition-break-note">
                {tf(lang, P::DefinitionBreakNote, &[&old.to_string()])}
            </p>
        }
    });
    view! {
        <section class="measures" aria-labelledby="measures-title" data-testid="measures">
            <h2 id="measures-title">{t(lang, P::QuantityTitle)}</h2>
            <p>{intro}</p>
            <p data-testid="series-uses">{uses}</p>
            {break_note}
            {overlapping
                .then(|| {
                    view! {
                        <fieldset class="rule">
                            <legend>{t(lang, P::RuleLegend)}</legend>
                            <ul class="method-list">
                                {rule_radio(Rule::Totals)}
                                {rule_radio(Rule::Averages)}
                                {rule_radio(Rule::All)}
                            </ul>
                            <p class="hint">{t(lang, P::RuleNote)}</p>
                        </fieldset>
                    }
                })}
            {conflicts}
            {aside_list}
        </section>
    }
}

#[allow(clippy::too_many_lines)]
fn content(p: &View, lang: Lang, ctx: Ctx) -> impl IntoView {
    let Ctx {
        today,
        chart_box,
        geometry,
        export_box,
        export_geometry,
        projection,
        analysed,
        behind,
        method,
        whatif,
        problems,
        prepared,
        rule,
        level,
    } = ctx;
    let s = use_state();
    let terms = p.terms();
    let ind = &p.indicator;
    let unit = ind.unit;
    let kind = ind.kind;
    let name = ind.name(lang).to_string();
    let (other_lang, other_name) = match lang {
        Lang::Vi => (Lang::En, ind.name_en.clone()),
        Lang::En => (Lang::Vi, ind.name_vi.clone()),
    };
    let per_year =
        move || prepared.with(|pr| matches!(pr, Some(Ok(pr)) if pr.basis == Basis::DailyRate));
    let targets_core = p.targets_core().to_vec();
    let data_end = p.data_end;
    // The status of the shown target under the base projection, and a note
    // when its deadline has passed.
    // Memoised: a what-if change gives a new projection, and the status
    // is redrawn only when it changes.
    let standing_shown = Memo::new(move |_| {
        let known = prepared.with(|pr| match pr {
            Some(Ok(pr)) => standing_now(pr.points.len(), &targets_core),
            _ => standing_now(0, &targets_core),
        });
        let standing = projection.with(|pr| match pr {
            Some(Ok(pr)) => pr.standing.map(|st| {
                let passed_note = pr
                    .targets
                    .get(st.index)
                    .and_then(|row| row.base.as_ref().ok())
                    .filter(|a| a.deadline_passed)
                    .map(|a| {
                        if a.deciding.is_some() {
                            t(lang, P::PassedInData).to_string()
                        } else {
                            let end = data_end.unwrap_or(a.latest_date);
                            tf(lang, P::PassedProjected, &[&format::date(end, lang)])
                        }
                    });
                (st.standing, passed_note)
            }),
            _ => None,
        });
        match (known, standing) {
            (Some(k), _) => (Some(k), None),
            (None, Some((st, note))) => (Some(st), note),
            (None, None) => (None, None),
        }
    });
    let status = move || {
        let (badge, note) = standing_shown.get();
        view! {
            <StatusBadge status=badge lang />
            {note.map(|n| view! { " " <span class="passed" data-testid="summary-passed">{n}</span> })}
        }
    };
    // The latest figure of the quantity, with its measure.
    let latest = p.figures.iter().map(|(_, o)| o).fold(
        None,
        |best: Option<&ObservationRecord>, o| match best {
            Some(b)
                if (b.period().end(), !b.is_estimate()) > (o.period().end(), !o.is_estimate()) =>
            {
                Some(b)
            }
            _ => Some(o),
        },
    );
    let summary_latest = latest.map(|o| {
        view! {
            <p>
                <span class="label">{t(lang, K::Latest)}</span>
                " "
                <strong data-testid="summary-latest">{figure_words(p, o, lang)}</strong>
                " · "
                {format::period(o.period(), lang)}
                {o.is_estimate().then(|| view! { " " <span class="tag estimate">{t(lang, K::LegendEstimate)}</span> })}
            </p>
        }
    });
    let summary_target = shown_target(p.targets_core(), today).map(|st| {
        let due = format::date(st.target.deadline, lang);
        view! {
            <p>
                <span class="label">
                    {if st.passed { t(lang, P::LastTarget) } else { t(lang, K::NextTarget) }}
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

    // What each point says of itself, and the targets' labels.
    let view_for_meta = p.clone();
    let markers = Signal::derive(move || {
        prepared.with(|pr| match pr {
            Some(Ok(pr)) => marker_meta(&view_for_meta, pr, lang),
            _ => Vec::new(),
        })
    });
    let view_for_labels = p.clone();
    let target_labels = Memo::new(move |_| {
        target_label_texts(
            &view_for_labels,
            whatif.reading.with(|r| r.scenario.target),
            lang,
        )
    });
    let title = format!("{}: {}", t(lang, P::ChartTitle), name);
    let base_desc = tf(
        lang,
        P::ChartDesc,
        &[
            &p.figures.len().to_string(),
            &name,
            &format::date(today, lang),
        ],
    );
    let desc = Memo::new(move |_| {
        let mut d = base_desc.clone();
        projection.with(|pr| {
            if let Some(Ok(pr)) = pr {
                d.push(' ');
                d.push_str(&tf(
                    lang,
                    P::ChartDescProjection,
                    &[
                        i18n::method(lang, pr.method),
                        &format::date(pr.horizon, lang),
                        pr.level.code(),
                    ],
                ));
            }
        });
        if per_year() {
            d.push_str(&format!(" ({})", t(lang, P::PerYearAnnualised)));
        }
        d
    });
    let axis_note = per_year().then(|| {
        format!(
            "{} — {}",
            i18n::unit(lang, unit),
            t(lang, P::PerYearAnnualised)
        )
    });

    // The chart as a table: every point of the quantity, as drawn.
    let table_view = p.clone();
    let chart_rows = move || {
        prepared.with(|pr| {
            let Some(Ok(pr)) = pr else {
                return Vec::new();
            };
            pr.measured
                .iter()
                .filter_map(|q| {
                    let (_, o) = table_view.figures.get(q.source)?;
                    let shown = q.point.value * pr.basis.factor(q.point.date);
                    Some(view! {
                        <tr data-testid="chart-row" data-id=o.id.clone()>
                            <td>{format::period(o.period(), lang)}</td>
                            <td>{format::date(q.point.date, lang)}</td>
                            <td class="num">{figure_words(&table_view, o, lang)}</td>
                            <td class="num">{format::plain(o.value(), lang)}</td>
                            <td class="num">{format::value(shown, unit, lang)}</td>
                            <td>{i18n::conversion(lang, q.conversion)}</td>
                            <td>{i18n::status(lang, o.obs.status)}</td>
                            <td>
                                {q.aside.map_or_else(
                                    || t(lang, P::InSeries).to_string(),
                                    |a| i18n::aside(lang, a).to_string(),
                                )}
                            </td>
                        </tr>
                    })
                })
                .collect::<Vec<_>>()
        })
    };

    let target_rows = p
        .targets
        .iter()
        .map(|tg| {
            let source = s
                .data
                .with_untracked(|d| messages::source(lang, d, &tg.report));
            view! {
                <tr data-testid="target-row" data-id=tg.id.clone()>
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
                        {bilingual::quote(&tg.quote, &tg.quote_en, lang, "target-quote")}
                        {bilingual::note(tg.note_in(lang), lang)}
                    </td>
                </tr>
            }
        })
        .collect_view();

    // Every figure of the quantity, newest first.
    let mut by_time: Vec<&ObservationRecord> = p.figures.iter().map(|(_, o)| o).collect();
    by_time.sort_by_key(|o| (o.period().end(), o.period().start()));
    let obs_rows = by_time
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
            let edited = matches!(o.origin, RowOrigin::Edited | RowOrigin::User);
            let measure = p
                .member(o)
                .map(|m| i18n::kind(lang, m.kind))
                .unwrap_or_default();
            view! {
                <tr data-testid="observation-row" data-id=o.id.clone()>
                    <td>{format::period(o.period(), lang)}</td>
                    <td class="num" data-testid="observation-value">{figure_text(o, unit, lang)}</td>
                    <td>{measure}</td>
                    <td>
                        {i18n::status(lang, o.obs.status)}
                        {edited.then(|| view! { <span class="tag">{t(lang, P::EditedByYou)}</span> })}
                    </td>
                    <td lang="vi">{stated}</td>
                    <td>
                        <span class="source" data-testid="observation-source">{source}</span>
                        {bilingual::quote(&o.quote, &o.quote_en, lang, "observation-quote")}
                        {bilingual::note(o.note_in(lang), lang)}
                    </td>
                    <td>
                        <a href=edit aria-label=tf(lang, P::EditAria, &[&o.id])>
                            {t(lang, P::Edit)}
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
    // The chart as a picture, framed with its texts at a fixed size.
    let subject = export::Subject {
        indicator: ind.clone(),
        observations: p.figures.iter().map(|(_, o)| o.clone()).collect(),
        targets: p.targets.clone(),
        chart_title: title.clone(),
        axis_note: axis_note.clone(),
    };
    let picture = std::rc::Rc::new(move || {
        projection.with_untracked(|pr| {
            export::picture(
                s,
                &subject,
                pr.as_ref().and_then(|r| r.as_ref().ok()),
                &whatif.name.get_untracked(),
                markers.get_untracked(),
                target_labels.get_untracked(),
                desc.get_untracked(),
                |w, h| {
                    export_box.set((w, h));
                    export_geometry.get_untracked()
                },
            )
        })
    });
    let png_picture = std::rc::Rc::clone(&picture);
    let since = ind.since.map(|d| {
        view! {
            <dt>{t(lang, P::SinceLabel)}</dt>
            <dd>{format::date(d, lang)}</dd>
        }
    });
    let note = match bilingual::note(ind.note_in(lang), lang) {
        Some(note) => note.into_any(),
        None => view! { <p class="muted">{t(lang, P::NoNote)}</p> }.into_any(),
    };
    let measures_view = p.clone();
    let measures = move || {
        prepared.with(|pr| match pr {
            Some(Ok(pr)) => Some(measures_section(&measures_view, pr, rule, lang)),
            _ => None,
        })
    };
    let level_radio = move |l: Level| {
        let id = format!("level-{}", l.code());
        view! {
            <label class="inline" for=id.clone()>
                <input
                    type="radio"
                    name="level"
                    id=id.clone()
                    data-testid=id.clone()
                    value=l.code()
                    prop:checked=move || level.get() == l
                    on:change=move |_| level.set(l)
                />
                " "
                {format!("{} %", l.code())}
            </label>
        }
    };
    let legend_keys = Memo::new(move |_| {
        projection.with(|pr| match pr {
            Some(Ok(pr)) => Some(LegendKeys::of(pr)),
            _ => None,
        })
    });
    let clipped = Memo::new(move |_| !geometry.with(|g| g.clips.is_empty()));

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
                {status}
            </div>
            {move || {
                let ps = problems.get();
                (!ps.is_empty())
                    .then(|| {
                        let items = ps
                            .iter()
                            .map(|pr| view! { <li>{messages::link_problem(lang, pr)}</li> })
                            .collect_view();
                        view! {
                            <div class="notice problem" role="alert" data-testid="link-problems">
                                <p>{messages::link_heading(lang, &ps)}</p>
                                <ul>{items}</ul>
                                <button type="button" class="link" on:click=move |_| problems.set(Vec::new())>
                                    {t(lang, K::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}

            <section class="definition" aria-labelledby="def-title">
                <h2 id="def-title">{t(lang, P::DefinitionTitle)}</h2>
                <dl class="meta">
                    <dt>{t(lang, P::PillarLabel)}</dt>
                    <dd>{i18n::pillar(lang, ind.pillar)}</dd>
                    <dt>{t(lang, P::UnitLabel)}</dt>
                    <dd>{i18n::unit(lang, unit)}</dd>
                    <dt>{t(lang, P::KindLabel)}</dt>
                    <dd>{i18n::kind(lang, kind)}</dd>
                    {since}
                    <dt>{t(lang, P::IdLabel)}</dt>
                    <dd>
                        <code>{ind.id.clone()}</code>
                    </dd>
                </dl>
                {note}
            </section>

            <section class="chart-section" aria-labelledby="chart-heading">
                <h2 id="chart-heading">{t(lang, P::ChartTitle)}</h2>
                <figure class="chart-figure">
                    <div class="chart-box" node_ref=chart_box data-testid="chart-box">
                        <Chart
                            svg_id=SVG_ID
                            geometry
                            unit
                            markers=markers
                            target_labels=target_labels
                            title=title
                            desc=desc
                            axis_note=axis_note
                            break_label=Signal::derive(move || t(lang, P::DefinitionBreak).to_string())
                        />
                    </div>
                    <figcaption class="legend" data-testid="legend">
                        <span class="key key-observed">{t(lang, P::LegendObserved)}</span>
                        <span class="key key-estimate">{t(lang, K::LegendEstimate)}</span>
                        {move || legend_keys.with(|k| k.as_ref().map(|k| projection_legend(k, lang)))}
                        <span class="key key-target">{t(lang, P::LegendTarget)}</span>
                        <span class="key key-today">{t(lang, P::Today)}</span>
                        <span class="key-shapes" data-testid="legend-shapes">{t(lang, P::LegendShapes)}</span>
                    </figcaption>
                </figure>
                {move || clipped.get().then(|| view! { <p class="hint" data-testid="band-clipped-note">{t(lang, P::BandClipped)}</p> })}
                {move || per_year().then(|| view! { <p class="hint annualised" data-testid="annualised-note">{t(lang, P::AnnualisedNote)}</p> })}
                {move || {
                    projection
                        .with(|pr| match pr {
                            None => Some(view! { <p class="muted" data-testid="no-projection">{t(lang, P::NoProjection)}</p> }.into_any()),
                            Some(Err(e)) => Some(view! { <p class="notice problem" data-testid="no-projection">{tf(lang, P::ProjectionFailed, &[&i18n::errors::error(lang, e)])}</p> }.into_any()),
                            Some(Ok(_)) => None,
                        })
                }}
                <div class="field level" role="group" aria-label=t(lang, P::LevelLegend)>
                    <span class="label">{t(lang, P::LevelLegend)}</span>
                    " "
                    {level_radio(Level::Eighty)}
                    " "
                    {level_radio(Level::NinetyFive)}
                </div>
                <div class="actions">
                    <button
                        type="button"
                        data-testid="export-svg"
                        on:click=move |_| {
                            if let Ok(svg) = picture() {
                                let _ = browser::download_svg(&svg, &svg_name);
                            }
                        }
                    >
                        {t(lang, P::ExportSvg)}
                    </button>
                    <button
                        type="button"
                        data-testid="export-png"
                        on:click=move |_| {
                            if let Ok(svg) = png_picture() {
                                let _ = browser::download_png(
                                    &svg,
                                    export::WIDTH,
                                    export::HEIGHT,
                                    &png_name,
                                );
                            }
                        }
                    >
                        {t(lang, P::ExportPng)}
                    </button>
                    <button
                        type="button"
                        data-testid="export-chart-csv"
                        on:click=move |_| {
                            let text = projection
                                .with_untracked(|pr| {
                                    let pr = pr.as_ref().and_then(|r| r.as_ref().ok());
                                    prepared.with_untracked(|prep| {
                                        let prep = prep.as_ref().and_then(|r| r.as_ref().ok());
                                        s.data.with_untracked(|d| chart_csv(d, &csv_id, prep, pr))
                                    })
                                });
                            let _ = browser::download(&csv_name, "text/csv;charset=utf-8", &text);
                        }
                    >
                        {t(lang, P::ExportChartCsv)}
                    </button>
                </div>
                <details class="chart-table">
                    <summary data-testid="chart-table-toggle">{t(lang, P::ChartAsTable)}</summary>
                    <div class="table-wrap" tabindex="0" role="region" aria-label=t(lang, P::ChartAsTable)>
                        <table data-testid="chart-table">
                            <caption>{title_caption(&name, lang)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, P::ColPeriod)}</th>
                                    <th scope="col">{t(lang, P::ColDate)}</th>
                                    <th scope="col">{t(lang, P::ColValue)}</th>
                                    <th scope="col">{t(lang, P::ColExact)}</th>
                                    <th scope="col">{t(lang, P::ColPerYear)}</th>
                                    <th scope="col">{t(lang, P::ColMeasure)}</th>
                                    <th scope="col">{t(lang, P::ColStatus)}</th>
                                    <th scope="col">{t(lang, P::ColInSeries)}</th>
                                </tr>
                            </thead>
                            <tbody>{chart_rows}</tbody>
                        </table>
                    </div>
                </details>
            </section>

            {measures}

            // Under the chart, so that it stays in sight while the what-if
            // values change; the comparison sums up, the analytics detail.
            <MethodChooser projection method unit />
            <WhatIfPanel indicator=ind.id.clone() unit kind st=whatif />
            <div class="analyses" data-testid="analyses" aria-busy=move || if behind.get() { "true" } else { "false" }>
                <CompareTable projection=analysed terms current=Signal::derive(move || whatif.name.get()) />
                <TargetAnalytics projection=analysed terms />
            </div>

            <section class="targets">
                <h2 id="targets-title">{t(lang, P::TargetsTitle)}</h2>
                {if p.targets.is_empty() {
                    view! { <p class="muted" data-testid="no-targets">{t(lang, P::NoTargets)}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="targets-title">
                            <table data-testid="targets-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(lang, P::ColPeriod)}</th>
                                        <th scope="col">{t(lang, P::ColDeadline)}</th>
                                        <th scope="col">{t(lang, P::ColTarget)}</th>
                                        <th scope="col">{t(lang, P::ColSource)}</th>
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
                <h2 id="obs-title">{t(lang, P::ObservationsTitle)}</h2>
                {p
                    .figures
                    .is_empty()
                    .then(|| view! { <p class="muted">{t(lang, P::NoObservations)}</p> })}
                <div class="table-wrap" tabindex="0" role="region" aria-labelledby="obs-title">
                    <table data-testid="observations-table">
                        <thead>
                            <tr>
                                <th scope="col">{t(lang, P::ColPeriod)}</th>
                                <th scope="col">{t(lang, P::ColValue)}</th>
                                <th scope="col">{t(lang, P::ColMeasure)}</th>
                                <th scope="col">{t(lang, P::ColStatus)}</th>
                                <th scope="col">{t(lang, P::ColStated)}</th>
                                <th scope="col">{t(lang, P::ColSource)}</th>
                                <th scope="col">{t(lang, P::ColActions)}</th>
                            </tr>
                        </thead>
                        <tbody>{obs_rows}</tbody>
                    </table>
                </div>
                <p>
                    <a href=format!("#/data/new/{}", ind.id) data-testid="add-observation">
                        {t(lang, P::AddObservation)}
                    </a>
                </p>
            </section>
        </article>
    }
}

fn title_caption(name: &str, lang: Lang) -> String {
    format!("{} — {}", t(lang, P::ChartAsTable), name)
}
