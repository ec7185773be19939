//! The indicator page's projection area: the method chooser, the target
//! assessments with an "explain" for every number, and the comparison of
//! scenarios. Everything shown comes from [`dxcast_app::projection`] and
//! [`dxcast_app::analysis`].

use dxcast_app::analysis::{Assessment, Metric, Standing};
use dxcast_app::lang::Lang;
use dxcast_app::methods::{Accuracy, MethodOption, MethodWarning};
use dxcast_app::projection::{AssessedTarget, MethodChoice, Projection, TargetOrigin};
use dxcast_core::basis::Basis;
use dxcast_core::verdict::{Staleness, NEEDS_ACCELERATION, UNCERTAIN_HIGH, UNCERTAIN_LOW};
use dxcast_core::{Date, Error, Target, Unit};
use leptos::prelude::*;

use crate::components::explanation::Explain;
use crate::components::status::StatusBadge;
use crate::format;
use crate::i18n::{self, t, tf, K, P};
use crate::messages;
use crate::state::use_state;

/// The projection as the page's memo holds it: `None` without enough figures.
pub type Shown = Memo<Option<Result<Projection, Error>>>;

/// What an indicator is, for writing its numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    /// Its unit.
    pub unit: Unit,
    /// The last day its figures cover.
    pub data_end: Option<Date>,
}

/// "> 860 triệu".
fn target_text(t: &Target, unit: Unit, lang: Lang) -> String {
    format!(
        "{} {}",
        i18n::comparison_sign(t.comparison),
        format::value(t.value, unit, lang)
    )
}

/// A method's accuracy on this series, in words.
fn accuracy_text(a: Accuracy, lang: Lang) -> String {
    match a {
        Accuracy::Scored { mape, tests } => tf(
            lang,
            P::MapeOn,
            &[
                &format::value(mape, Unit::Percent, lang),
                &tests.to_string(),
            ],
        ),
        Accuracy::FewPoints { needed, got } => tf(
            lang,
            P::NotScoredFew,
            &[&needed.to_string(), &got.to_string()],
        ),
        _ => t(lang, P::NotScored).to_string(),
    }
}

/// A warning about a method's projection, in words.
fn warning_text(w: &MethodWarning, unit: Unit, lang: Lang) -> String {
    let pct = |v: f64| {
        if unit == Unit::Percent {
            format::points(v, lang)
        } else {
            format::value(v, Unit::Percent, lang)
        }
    };
    match w {
        MethodWarning::BelowBound { date, .. } => tf(
            lang,
            P::WarnBelow,
            &[&format::value(0.0, unit, lang), &format::date(*date, lang)],
        ),
        MethodWarning::AboveBound { date, .. } => tf(
            lang,
            P::WarnAbove,
            &[
                &format::value(100.0, unit, lang),
                &format::date(*date, lang),
            ],
        ),
        MethodWarning::FastGrowth(f) => tf(
            lang,
            P::WarnFast,
            &[
                &f.per_year.map_or_else(|| "∞".to_string(), pct),
                &pct(f.limit),
            ],
        ),
    }
}

/// The ranked methods with their accuracy and warnings, the recommendation
/// and its reason, the chosen one.
#[component]
pub fn MethodChooser(
    projection: Shown,
    method: RwSignal<MethodChoice>,
    /// The indicator's unit, for the warnings.
    unit: Unit,
) -> impl IntoView {
    let s = use_state();
    // Only what the chooser shows: a scenario's change does not redraw it.
    let info = Memo::new(move |_| {
        projection.with(|p| {
            p.as_ref().and_then(|p| p.as_ref().ok()).map(|p| {
                (
                    (p.options.clone(), p.unfit.clone()),
                    p.reason,
                    p.method,
                    p.requested_unavailable,
                    p.explain_choice(),
                    p.explain_fit(),
                    p.basis,
                )
            })
        })
    });
    move || {
        let lang = s.lang.get();
        info.get().map(
            |((options, unfit), reason, used, unavailable, choice_e, fit_e, basis)| {
                let best = options.first().map(|o: &MethodOption| o.method);
                let radios = options
                    .iter()
                    .map(|o| {
                        let m = o.method;
                        let recommended = o.recommended;
                        let id = format!("method-{}", m.code());
                        let accuracy = accuracy_text(o.accuracy, lang);
                        let warnings = o
                            .warnings
                            .iter()
                            .map(|w| view! { <li class="warning" data-testid="method-warning">{warning_text(w, unit, lang)}</li> })
                            .collect_view();
                        let warned = !o.warnings.is_empty();
                        view! {
                            <li data-testid="method-item" data-method=m.code() data-warned=if warned { "true" } else { "false" }>
                                <input
                                    type="radio"
                                    name="method"
                                    id=id.clone()
                                    value=m.code()
                                    data-testid="method-option"
                                    prop:checked=m == used
                                    on:change=move |_| {
                                        method
                                            .set(
                                                if recommended {
                                                    MethodChoice::Recommended
                                                } else {
                                                    MethodChoice::method(m)
                                                },
                                            );
                                    }
                                />
                                <label for=id>
                                    {i18n::method(lang, m)}
                                    {recommended
                                        .then(|| {
                                            view! {
                                                " "
                                                <span class="tag recommended" data-testid="recommended">
                                                    {t(lang, P::Recommended)}
                                                </span>
                                            }
                                        })}
                                    " "
                                    <span class="sub" data-testid="method-accuracy">{accuracy}</span>
                                </label>
                                {warned.then(|| view! { <ul class="method-warnings">{warnings}</ul> })}
                            </li>
                        }
                    })
                    .collect_view();
                // The candidates that do not fit this series, and why.
                let unfit = unfit
                    .iter()
                    .map(|u| {
                        view! {
                            <li class="unfit" data-testid="method-unfit" data-method=u.method.code()>
                                {i18n::method(lang, u.method)}
                                " "
                                <span class="sub" data-testid="method-unfit-why">
                                    {tf(lang, P::MethodUnfit, &[&i18n::errors::error(lang, &u.error)])}
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                let reason_text = best
                    .map(|b| messages::reason(lang, &reason, b))
                    .unwrap_or_default();
                let explained: Vec<_> = choice_e.into_iter().chain(fit_e).collect();
                view! {
                    <section class="methods" aria-labelledby="method-title" data-testid="method-chooser">
                        <h2 id="method-title">{t(lang, P::MethodTitle)}</h2>
                        {unavailable
                            .map(|spec| {
                                view! {
                                    <p class="notice problem" role="alert">
                                        {tf(lang, P::MethodUnavailable, &[&spec.to_string()])}
                                    </p>
                                }
                            })}
                        <fieldset>
                            <legend class="visually-hidden">{t(lang, P::MethodTitle)}</legend>
                            <ul class="method-list">{radios} {unfit}</ul>
                        </fieldset>
                        <p class="reason" data-testid="method-reason">{reason_text}</p>
                        {(basis == Basis::DailyRate)
                            .then(|| view! { <p class="muted">{t(lang, P::FitOnDailyRates)}</p> })}
                        <Explain what=t(lang, P::ChoiceExplain) explained lang />
                    </section>
                }
            },
        )
    }
}

/// "chưa biết" and why, for a metric the core could not compute.
fn unknown(a: &Assessment, metric: Metric, lang: Lang) -> (String, Option<String>) {
    let why = a
        .explain(metric)
        .and_then(|e| e.explanation.unknown)
        .map(|w| i18n::errors::unknown(lang, w).to_string());
    (t(lang, K::UnknownValue).to_string(), why)
}

/// The number a metric shows, and a second line (the interval, or why the
/// number is unknown).
fn quantity_text(
    a: &Assessment,
    metric: Metric,
    unit: Unit,
    lang: Lang,
) -> (String, Option<String>) {
    match metric {
        Metric::Projected => {
            let value = format::value(a.projected, unit, lang);
            let interval = match (a.spread_known, a.low, a.high) {
                (true, Some(lo), Some(hi)) => tf(
                    lang,
                    P::QIntervalAt,
                    &[a.level.code(), &format::range(lo, hi, Some(unit), lang)],
                ),
                _ => t(lang, P::IntervalUnknown).to_string(),
            };
            (value, Some(interval))
        }
        Metric::Attainment => match a.attainment {
            Some(v) => (format::value(v, Unit::Percent, lang), None),
            None => unknown(a, metric, lang),
        },
        Metric::Gap => (
            if unit == Unit::Percent {
                format::points(a.gap, lang)
            } else {
                format::value(a.gap, unit, lang)
            },
            None,
        ),
        Metric::Required => {
            let pct = |v: f64| format::value(v, Unit::Percent, lang);
            let text = if unit == Unit::Percent {
                a.required
                    .points_per_year
                    .map(|v| tf(lang, K::PointsPerYear, &[&format::plain(v, lang)]))
            } else {
                match (a.required.cagr, a.required.daily) {
                    (Some(c), Some(d)) => Some(tf(lang, P::RequiredCompound, &[&pct(c), &pct(d)])),
                    (Some(c), None) => Some(tf(lang, P::RequiredYearOnly, &[&pct(c)])),
                    _ => None,
                }
            };
            match text {
                Some(text) => (text, None),
                None => unknown(a, metric, lang),
            }
        }
        Metric::ReachDate => match a.reach_date {
            None => (t(lang, P::NotWithin30).to_string(), None),
            // A figure's date, or days from the latest figure's.
            Some(d) if a.deciding.is_some() => (format::date(d, lang), None),
            Some(d) => (
                format::date(d, lang),
                Some(tf(
                    lang,
                    P::ReachFrom,
                    &[
                        &format::plain(f64::from(a.latest_date.days_until(d)), lang),
                        &format::date(a.latest_date, lang),
                    ],
                )),
            ),
        },
        Metric::Probability => match a.probability {
            Some(p) => (format::value(100.0 * p, Unit::Percent, lang), None),
            None => unknown(a, metric, lang),
        },
        Metric::Status => (String::new(), None),
    }
}

/// A metric's label; attainment and the gap name the date of the figure
/// they use.
fn metric_label(m: Metric, a: Option<&Assessment>, lang: Lang) -> String {
    match (m, a) {
        (Metric::Attainment, Some(a)) => tf(
            lang,
            P::QAttainmentAt,
            &[&format::date(a.figure_date, lang)],
        ),
        (Metric::Gap, Some(a)) => tf(lang, P::QGapAt, &[&format::date(a.figure_date, lang)]),
        _ => t(lang, quantity_label(m)).to_string(),
    }
}

const fn quantity_label(m: Metric) -> P {
    match m {
        Metric::Projected => P::QProjected,
        Metric::Attainment => P::QAttainment,
        Metric::Gap => P::QGap,
        Metric::Required => P::QRequired,
        Metric::ReachDate => P::QReach,
        Metric::Probability => P::QProbability,
        Metric::Status => P::QStatus,
    }
}

/// One value of one metric, base or scenario, with its "explain".
fn value_box(
    a: &Result<Assessment, Error>,
    q: Metric,
    which: &'static str,
    terms: Terms,
    lang: Lang,
) -> impl IntoView {
    let label = t(
        lang,
        if which == "base" {
            P::Base
        } else {
            P::ScenarioCol
        },
    );
    let body = match a {
        Err(e) => view! {
            <span class="q-error">{tf(lang, P::AnalysisFailed, &[&i18n::errors::error(lang, e)])}</span>
        }
        .into_any(),
        Ok(a) => {
            let (text, sub) = quantity_text(a, q, terms.unit, lang);
            let number = if q == Metric::Status {
                view! { <StatusBadge status=Some(a.standing) lang /> }.into_any()
            } else {
                view! { <span class="q-number" data-testid="q-number">{text}</span> }.into_any()
            };
            let explained: Vec<_> = a.explain(q).into_iter().collect();
            let what = format!("{} ({label})", metric_label(q, Some(a), lang));
            let note = (q == Metric::Status).then(|| verdict_rule(lang));
            let verdict = (q == Metric::Status).then(|| verdict_words(a, terms, lang));
            view! {
                {number}
                {verdict}
                {sub.map(|s| view! { <span class="q-sub" data-testid="q-sub">{s}</span> })}
                <Explain what explained note=note.unwrap_or_default() lang />
            }
            .into_any()
        }
    };
    view! {
        <div class="q-value" data-which=which>
            <span class="q-which">{label}</span>
            {body}
        </div>
    }
}

/// The rule that decides a status, with its thresholds.
fn verdict_rule(lang: Lang) -> String {
    let pct = |v: f64| format::value(100.0 * v, Unit::Percent, lang);
    tf(
        lang,
        P::VerdictRule,
        &[
            &pct(NEEDS_ACCELERATION),
            &pct(UNCERTAIN_LOW),
            &pct(UNCERTAIN_HIGH),
        ],
    )
}

/// What decided a status, beside it: the deciding figure, or why the
/// projection cannot judge, with the projection's own outlook.
fn verdict_words(a: &Assessment, terms: Terms, lang: Lang) -> impl IntoView {
    let outlook =
        (a.outlook != a.standing && !matches!(a.standing, Standing::Unreachable)).then(|| {
            view! {
                <span class="q-outlook" data-testid="outlook" data-status=a.outlook.code()>
                    {tf(lang, P::VerdictOutlook, &[i18n::standing(lang, a.outlook)])}
                </span>
            }
        });
    let why = match (a.deciding, a.staleness) {
        (Some(d), _) => Some(tf(
            lang,
            P::VerdictDecidedBy,
            &[
                &format::value(d.point.value, terms.unit, lang),
                &format::date(d.point.date, lang),
                i18n::status(lang, d.status),
            ],
        )),
        (None, Some(Staleness::PastDeadline)) => Some(tf(
            lang,
            P::VerdictPast,
            &[&format::date(terms.data_end.unwrap_or(a.figure_date), lang)],
        )),
        (None, Some(Staleness::LongHorizon)) => Some(t(lang, P::VerdictLongHorizon).to_string()),
        (None, Some(Staleness::BeforeData)) => Some(t(lang, P::VerdictBeforeData).to_string()),
        _ => None,
    };
    view! {
        {outlook}
        {why.map(|w| view! { <span class="q-why" data-testid="verdict-why">{w}</span> })}
    }
}

fn target_block(row: &AssessedTarget, index: usize, terms: Terms, lang: Lang) -> impl IntoView {
    let due = format::date(row.target.deadline, lang);
    let what = target_text(&row.target, terms.unit, lang);
    let (heading, origin) = match row.origin {
        TargetOrigin::Staged(_) => (
            tf(
                lang,
                P::TargetHeading,
                &[&row.target.deadline.year().to_string(), &what, &due],
            ),
            "staged",
        ),
        TargetOrigin::Scenario => (
            tf(lang, P::ScenarioTargetHeading, &[&what, &due]),
            "scenario",
        ),
    };
    let passed = row
        .base
        .as_ref()
        .ok()
        .filter(|a| a.deadline_passed)
        .map(|a| {
            let text = if a.staleness == Some(Staleness::BeforeData) {
                t(lang, P::StaleBeforeData).to_string()
            } else if a.judged_by.is_some() {
                t(lang, P::PassedInData).to_string()
            } else {
                let end = terms.data_end.unwrap_or(a.latest_date);
                tf(lang, P::PassedProjected, &[&format::date(end, lang)])
            };
            view! { <p class="passed" data-testid="deadline-passed">{text}</p> }
        });
    // A target outside the indicator's bounds: why no figure judges it.
    let outside = [
        row.base.as_ref().ok(),
        row.scenario.as_ref().and_then(|a| a.as_ref().ok()),
    ]
    .into_iter()
    .flatten()
    .any(|a| a.standing == Standing::Unreachable)
    .then(|| {
        view! {
            <p class="passed" data-testid="standing-why">{t(lang, P::UnreachableBounds)}</p>
        }
    });
    let rows = Metric::ALL
        .into_iter()
        .map(|q| {
            let scenario = row
                .scenario
                .as_ref()
                .filter(|_| q.moves())
                .map(|a| value_box(a, q, "scenario", terms, lang));
            view! {
                <div class="q" data-testid=format!("q-{}", q.code())>
                    <div class="q-label" data-testid="q-label">{metric_label(q, row.base.as_ref().ok(), lang)}</div>
                    <div class="q-values">
                        {value_box(&row.base, q, "base", terms, lang)}
                        {scenario}
                    </div>
                </div>
            }
        })
        .collect_view();
    let heading_id = format!("target-analysis-{index}");
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="target-analysis"
            data-testid="target-analysis"
            data-index=index
            data-origin=origin
            aria-labelledby=labelled_by
        >
            <h3 id=heading_id>{heading}</h3>
            {passed}
            {outside}
            <div class="q-grid">{rows}</div>
        </section>
    }
}

/// Every target analysed, under the base projection and the scenario.
#[component]
pub fn TargetAnalytics(projection: Shown, terms: Terms) -> impl IntoView {
    let s = use_state();
    move || {
        let lang = s.lang.get();
        projection.with(|p| {
            let p = p.as_ref()?.as_ref().ok()?;
            (!p.targets.is_empty()).then(|| {
                let blocks = p
                    .targets
                    .iter()
                    .enumerate()
                    .map(|(i, row)| target_block(row, i, terms, lang))
                    .collect_view();
                view! {
                    <section class="analytics" aria-labelledby="analytics-title" data-testid="analytics">
                        <h2 id="analytics-title">{t(lang, P::AnalyticsTitle)}</h2>
                        {blocks}
                    </section>
                }
            })
        })
    }
}

/// "1,28 tỷ · 66 %" and a badge, for the comparison table.
fn compared_cell(a: Option<&Result<Assessment, Error>>, unit: Unit, lang: Lang) -> impl IntoView {
    match a {
        Some(Ok(a)) => {
            let (projected, _) = quantity_text(a, Metric::Projected, unit, lang);
            let (probability, _) = quantity_text(a, Metric::Probability, unit, lang);
            view! {
                <td class="num">
                    <span data-testid="cmp-projected">{projected}</span>
                    " · "
                    <span data-testid="cmp-probability">{probability}</span>
                    " "
                    <StatusBadge status=Some(a.standing) lang />
                </td>
            }
            .into_any()
        }
        Some(Err(e)) => {
            view! { <td>{tf(lang, P::AnalysisFailed, &[&i18n::errors::error(lang, e)])}</td> }
                .into_any()
        }
        None => view! { <td>"—"</td> }.into_any(),
    }
}

/// The base, the current what-if and the compared scenarios side by side:
/// each one's projected value, probability and status per target.
#[component]
pub fn Comparison(projection: Shown, terms: Terms, current: Signal<String>) -> impl IntoView {
    let s = use_state();
    move || {
        let lang = s.lang.get();
        let unit = terms.unit;
        projection.with(|p| {
            let p = p.as_ref()?.as_ref().ok()?;
            let staged: Vec<&AssessedTarget> = p
                .targets
                .iter()
                .filter(|r| matches!(r.origin, TargetOrigin::Staged(_)))
                .collect();
            let own_row = p
                .targets
                .iter()
                .find(|r| r.origin == TargetOrigin::Scenario);
            let has_current = p.what_if.is_some() || own_row.is_some();
            if p.compared.is_empty() && !has_current {
                return None;
            }
            let heads = staged
                .iter()
                .map(|r| {
                    view! {
                        <th scope="col">
                            {r.target.deadline.year()}
                            " "
                            {target_text(&r.target, unit, lang)}
                        </th>
                    }
                })
                .collect_view();
            let base_row = {
                let cells = staged
                    .iter()
                    .map(|r| compared_cell(Some(&r.base), unit, lang))
                    .collect_view();
                view! {
                    <tr data-testid="comparison-row" data-name="">
                        <th scope="row">{t(lang, P::BaseName)}</th>
                        {cells}
                        <td>"—"</td>
                    </tr>
                }
            };
            let current_row = has_current.then(|| {
                let cells = staged
                    .iter()
                    .map(|r| compared_cell(Some(r.scenario.as_ref().unwrap_or(&r.base)), unit, lang))
                    .collect_view();
                let own = own_row.map(|r| r.scenario.as_ref().unwrap_or(&r.base));
                let name = current.get();
                let label = if name.is_empty() {
                    t(lang, P::CurrentName).to_string()
                } else {
                    format!("{} ({name})", t(lang, P::CurrentName))
                };
                view! {
                    <tr data-testid="comparison-row" data-name=name class="current">
                        <th scope="row">{label}</th>
                        {cells}
                        {compared_cell(own, unit, lang)}
                    </tr>
                }
            });
            let compared_rows = p
                .compared
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let cells = staged
                        .iter()
                        .enumerate()
                        .map(|(k, _)| compared_cell(c.staged.get(k), unit, lang))
                        .collect_view();
                    let own = c.own.as_ref();
                    view! {
                        <tr data-testid="comparison-row" data-name=c.named.name.clone()>
                            <th scope="row">
                                <span class=format!("swatch compared-{}", i % 5) aria-hidden="true"></span>
                                " "
                                {c.named.name.clone()}
                            </th>
                            {cells}
                            {compared_cell(own, unit, lang)}
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="comparison" aria-labelledby="comparison-title">
                    <h2 id="comparison-title">{t(lang, P::ComparisonTitle)}</h2>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="comparison-title">
                        <table data-testid="comparison-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t(lang, P::ScenarioCol)}</th>
                                    {heads}
                                    <th scope="col">{t(lang, P::ColOwnTarget)}</th>
                                </tr>
                            </thead>
                            <tbody>{base_row} {current_row} {compared_rows}</tbody>
                        </table>
                    </div>
                </section>
            })
        })
    }
}
