//! Projections: a quantity's figures through the core's pipeline, ready for
//! the chart, the method chooser, the target analyses and the what-if panel.
//! Every number comes from the core; this module only orchestrates:
//!
//! 1. [`prepare`]: every figure of the quantity an indicator measures (its
//!    period totals, year-to-date totals, daily averages, running totals,
//!    [`crate::dataset::Dataset::quantity_figures`]) measured on one basis
//!    by the core ([`measure_into`]: each point with its conversion, the
//!    points a [`Rule`] sets aside where measures describe the same days,
//!    the conflicts between them, the figures of an older definition set
//!    apart), the kept points as the series ([`series_into`]), and the
//!    ranked methods ([`choose`]) with their accuracy and warnings
//!    ([`crate::methods`]);
//! 2. [`fit`]: the chosen method ([`MethodChoice`]: the recommendation, or a
//!    [`ModelSpec`] from the chooser or a link) fitted into a [`Fitted`]
//!    model, which is kept: scenarios, paths and analyses ask it again
//!    without fitting again;
//! 3. [`project`]: the fitted values, the path from the last figure to the
//!    horizon with its prediction band at the chosen [`Level`], an
//!    [`Assessment`] of every staged target (judged by the quantity's own
//!    figures where they decide it: [`dxcast_core::quantity::evidence`]),
//!    and the same under the what-if [`Scenario`] (with its band) and under
//!    each compared scenario.
//!
//! **Totals** (flows, year-to-date figures, daily averages) are projected as
//! daily rates and shown as **yearly totals**: the rate times the days of
//! the year it falls in ([`Basis::factor`]). A month, a quarter and a year
//! are then on one scale, the scale of the yearly targets, which the core's
//! analytics use too (a projected rate times the days of the target's year).

use dxcast_core::basis::{Basis, MAX_POINTS};
use dxcast_core::choice::{choose, choose_until, Choice, Reason};
use dxcast_core::forecast::{ForecastPoint, Horizon};
use dxcast_core::quantity::{
    evidence, measure_into, series_into, Conflict, Measured, QuantityPoint, Rule,
};
use dxcast_core::scenario::{implausible, Implausible, Scenario};
use dxcast_core::target::next_target;
use dxcast_core::{
    Date, Error, Explanation, Field, Fitted, MeasureKind, Method, ModelSpec, Point, Predictor,
    Series, Subject, Target,
};

use crate::analysis::{assess, Assessment, Judging, Level, Standing};
use crate::dataset::Dataset;
use crate::measure::{Explained, Measure};
use crate::methods::{options, unfit, MethodOption, Unfit};

/// The fewest points on distinct dates a trend needs.
pub const MIN_POINTS: usize = 2;
/// The most points a projection path has (longer horizons take longer steps).
pub const MAX_PATH: usize = 240;
/// How far past the last figure a horizon may lie, in years.
pub const MAX_HORIZON_YEARS: i32 = 50;

/// Which method projects.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum MethodChoice {
    /// The core's recommendation ([`choose`]).
    #[default]
    Recommended,
    /// A method with its settings, from the chooser (the method alone) or a
    /// link (which may give settings too).
    Use(ModelSpec),
}

impl MethodChoice {
    /// A method with every setting left to the fit.
    #[must_use]
    pub const fn method(method: Method) -> MethodChoice {
        MethodChoice::Use(ModelSpec::new(method))
    }
}

/// What is projected: a quantity's figures, the indicator's terms and its
/// targets.
#[derive(Debug, Clone, Copy)]
pub struct ProjectionInput<'a> {
    /// The indicator's kind, unit (percentages grow in points, everything
    /// else compounds) and bounds. On the daily-rate basis the series is
    /// projected as a total's ([`MeasureKind::Flow`]) whatever the
    /// indicator's own measure.
    pub subject: Subject,
    /// Every figure of the quantity, oldest report first: of two figures
    /// for one date of the same status, the later report's wins.
    pub figures: &'a [Measured],
    /// The staged targets, in the quantity's terms (yearly totals on the
    /// daily-rate basis).
    pub targets: &'a [Target],
    /// Which measure the series keeps where measures describe the same days.
    pub rule: Rule,
}

/// An indicator's quantity figures and targets, owned (what a
/// [`ProjectionInput`] borrows).
#[derive(Debug, Clone, PartialEq)]
pub struct Sources {
    /// The indicator's kind, unit and bounds.
    pub subject: Subject,
    /// Every figure of its quantity, oldest report first
    /// ([`Dataset::quantity_figures`]).
    pub figures: Vec<Measured>,
    /// Its targets that read, in file order.
    pub targets: Vec<Target>,
}

impl Sources {
    /// The figures and targets of indicator `id` in `data`.
    #[must_use]
    pub fn of(data: &Dataset, id: &str) -> Option<Sources> {
        let ind = data.indicator(id)?;
        Some(Sources {
            subject: ind.subject(),
            figures: data
                .quantity_figures(id)
                .into_iter()
                .map(|(m, _)| m)
                .collect(),
            targets: data
                .targets_of(id)
                .filter_map(|t| t.target().ok())
                .collect(),
        })
    }

    /// The last day the quantity's figures cover.
    #[must_use]
    pub fn data_end(&self) -> Option<Date> {
        self.figures
            .iter()
            .filter(|f| f.observation.status != dxcast_core::Status::Target)
            .map(|f| f.observation.period.end())
            .max()
    }

    /// The input of a projection under `rule`.
    #[must_use]
    pub fn input(&self, rule: Rule) -> ProjectionInput<'_> {
        ProjectionInput {
            subject: self.subject,
            figures: &self.figures,
            targets: &self.targets,
            rule,
        }
    }
}

/// A named what-if scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedScenario {
    /// Its name.
    pub name: String,
    /// What it changes.
    pub scenario: Scenario,
}

/// How to project a fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionOptions {
    /// Today: deadlines before it have passed.
    pub today: Date,
    /// The what-if scenario (the default changes nothing).
    pub scenario: Scenario,
    /// The end of the path; `None` for [`default_horizon`].
    pub horizon: Option<Date>,
    /// Saved scenarios shown alongside.
    pub compared: Vec<NamedScenario>,
    /// The level of the bands and intervals.
    pub level: Level,
}

impl ProjectionOptions {
    /// No scenario, the default horizon, 95 % bands.
    #[must_use]
    pub fn base(today: Date) -> ProjectionOptions {
        ProjectionOptions {
            today,
            scenario: Scenario::default(),
            horizon: None,
            compared: Vec::new(),
            level: Level::default(),
        }
    }
}

/// The quantity measured on one basis, the series and the ranked methods.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// What the series measures (a total's kind on the daily-rate basis).
    pub subject: Subject,
    /// Daily rates for totals, levels otherwise.
    pub basis: Basis,
    /// The figures measured, in the input's order.
    pub figures: Vec<Measured>,
    /// Every figure as a point on the basis, in date order: kept, or set
    /// aside with the reason.
    pub measured: Vec<QuantityPoint>,
    /// Points that describe the same days through different measures and
    /// admit no common value (positions in [`Prepared::measured`]).
    pub conflicts: Vec<Conflict>,
    /// The rule that decided which points are kept.
    pub rule: Rule,
    /// The kept points, one per date, in date order.
    pub points: Vec<Point>,
    /// The methods that fit, best first, or why none does.
    pub choice: Result<Choice, Error>,
}

impl Prepared {
    /// The series of the kept points.
    ///
    /// # Errors
    ///
    /// The errors of [`Series::new`] (no points, a value out of bounds).
    pub fn series(&self) -> Result<Series<'_>, Error> {
        Series::new(&self.points, self.subject)
    }

    /// Whether some figures follow an older definition (set apart, never
    /// joined to the kept points).
    #[must_use]
    pub fn has_break(&self) -> bool {
        self.measured
            .iter()
            .any(|p| p.aside == Some(dxcast_core::quantity::Aside::Definition))
    }

    /// The figures that can decide `target` without the projection.
    #[must_use]
    pub fn evidence(&self, target: &Target) -> dxcast_core::Evidence {
        evidence(&self.figures, &self.measured, target)
    }
}

/// The series' subject for a quantity on `basis`: a total's kind on the
/// daily-rate basis, the indicator's own otherwise.
fn series_subject(subject: Subject, basis: Basis) -> Subject {
    match basis {
        Basis::DailyRate if Basis::for_kind(subject.kind) != Basis::DailyRate => Subject {
            kind: MeasureKind::Flow,
            ..subject
        },
        _ => subject,
    }
}

/// The quantity of `input` measured by the core under `input.rule`, the
/// series of its kept points, and the core's ranking of the methods.
///
/// # Errors
///
/// The errors of [`measure_into`] (a value that is not finite, a level
/// among the figures of a total); [`Error::Capacity`] beyond the core's
/// [`MAX_POINTS`] figures.
pub fn prepare(input: &ProjectionInput<'_>) -> Result<Prepared, Error> {
    let n = input.figures.len();
    if n > MAX_POINTS {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: MAX_POINTS,
        });
    }
    let mut measured = vec![QuantityPoint::PLACEHOLDER; n];
    // Every pair at most once.
    let mut conflicts = vec![Conflict { a: 0, b: 0 }; (n * n.saturating_sub(1) / 2).max(1)];
    let m = measure_into(input.figures, input.rule, &mut measured, &mut conflicts)?;
    measured.truncate(m.points);
    conflicts.truncate(m.conflicts);
    let mut points = vec![Point::new(Date::EPOCH, 0.0); m.points];
    let k = series_into(&measured, &mut points)?;
    points.truncate(k);
    let subject = series_subject(input.subject, m.basis);
    let choice = Series::new(&points, subject).and_then(|s| choose(&s));
    Ok(Prepared {
        subject,
        basis: m.basis,
        figures: input.figures.to_vec(),
        measured,
        conflicts,
        rule: input.rule,
        points,
        choice,
    })
}

/// The chosen method, fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedChoice {
    /// The fitted model.
    pub fitted: Fitted,
    /// The methods that fit, best first, with their accuracy and warnings.
    pub options: Vec<MethodOption>,
    /// The candidates that do not fit, and why.
    pub unfit: Vec<Unfit>,
    /// Why the first is recommended.
    pub reason: Reason,
    /// The reason as an explanation.
    pub choice_explanation: Option<Explanation>,
    /// A method was asked for that does not fit this series (or whose
    /// settings the core refuses): the recommended one is used instead.
    pub requested_unavailable: Option<ModelSpec>,
}

/// Fits the method `method` asks for to the prepared series: the core's
/// recommendation, a ranked method by its name, or a method with settings
/// (from a link). A method that cannot be used falls back to the
/// recommendation, and says so. The methods' warnings look as far as
/// `until`.
///
/// # Errors
///
/// - the choice's error when no method fits (too few points);
/// - the recommended method's errors when it cannot be fitted.
pub fn fit(prepared: &Prepared, method: &MethodChoice, until: Date) -> Result<FittedChoice, Error> {
    let choice = prepared.choice.as_ref().map_err(|e| *e)?;
    let series = prepared.series()?;
    // The warnings look as far as the projection does.
    let examined;
    let choice = if choice.horizon == until {
        choice
    } else {
        examined = choose_until(&series, until)?;
        &examined
    };
    let best = choice.best().ok_or(Error::Empty {
        what: Field::Candidates,
    })?;
    let requested = match method {
        MethodChoice::Recommended => None,
        MethodChoice::Use(spec) => {
            let ranked = choice.ranked.iter().find(|r| r.method() == spec.method);
            let fitted = if *spec == ModelSpec::new(spec.method) {
                // The method alone: as the core configured and fitted it.
                ranked.map(|r| Ok(r.fitted))
            } else {
                Some(spec.model().and_then(|m| m.fit(&series)))
            };
            Some((*spec, fitted.and_then(Result::ok)))
        }
    };
    let (fitted, requested_unavailable) = match requested {
        None => (best.fitted, None),
        Some((_, Some(f))) => (f, None),
        Some((spec, None)) => (best.fitted, Some(spec)),
    };
    Ok(FittedChoice {
        fitted,
        options: options(choice, &series),
        unfit: unfit(choice),
        reason: choice.reason,
        choice_explanation: choice.explain().ok(),
        requested_unavailable,
    })
}

/// The default end of a projection: 31 December of the latest of the last
/// deadline's year, today's year and the year after the last figure.
#[must_use]
pub fn default_horizon(latest: Date, targets: &[Target], today: Date) -> Date {
    let last_deadline = targets.iter().map(|t| t.deadline.year()).max();
    let year = last_deadline
        .unwrap_or(i32::MIN)
        .max(today.year())
        .max(latest.year().saturating_add(1));
    Date::last_of_year(year)
}

/// One date of a projection path, as shown (yearly totals for totals).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    /// The date.
    pub date: Date,
    /// The point forecast.
    pub point: f64,
    /// The band's low end at the projection's [`Level`]; `None` when the
    /// spread is unknown (or the interval has no lower end).
    pub lo: Option<f64>,
    /// The band's high end; `None` when the spread is unknown (or the
    /// interval has no upper end).
    pub hi: Option<f64>,
}

impl PathPoint {
    /// Whether the band is known here (a line through exactly two points
    /// has no known spread).
    #[must_use]
    pub fn spread_known(&self) -> bool {
        self.lo.is_some() && self.hi.is_some()
    }
}

/// Where a target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetOrigin {
    /// A staged target of the reports (its position among them).
    Staged(usize),
    /// The scenario's changed target.
    Scenario,
}

/// One target assessed under the base projection and under the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessedTarget {
    /// The target.
    pub target: Target,
    /// A staged target or the scenario's.
    pub origin: TargetOrigin,
    /// The assessment under the fitted method.
    pub base: Result<Assessment, Error>,
    /// The assessment under the what-if, when the scenario moves the path.
    pub scenario: Option<Result<Assessment, Error>>,
}

/// A compared scenario's path and assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedScenario {
    /// The scenario.
    pub named: NamedScenario,
    /// Its path (points only are drawn).
    pub path: Result<Vec<PathPoint>, Error>,
    /// Its assessment of each staged target, in their order.
    pub staged: Vec<Result<Assessment, Error>>,
    /// Its assessment of its own changed target, if it has one.
    pub own: Option<Result<Assessment, Error>>,
}

/// The target an indicator shows on `today`: the core's [`next_target`],
/// or when all deadlines have passed, the one with the latest deadline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShownTarget {
    /// The target.
    pub target: Target,
    /// Its position among the staged targets.
    pub index: usize,
    /// Whether its deadline has passed.
    pub passed: bool,
}

/// The target to show on `today` (see [`ShownTarget`]).
#[must_use]
pub fn shown_target(targets: &[Target], today: Date) -> Option<ShownTarget> {
    let position = |t: &Target| targets.iter().position(|x| x == t).unwrap_or(0);
    if let Some(t) = next_target(targets, today) {
        return Some(ShownTarget {
            target: *t,
            index: position(t),
            passed: false,
        });
    }
    targets
        .iter()
        .rev()
        .max_by_key(|t| t.deadline)
        .map(|t| ShownTarget {
            target: *t,
            index: position(t),
            passed: true,
        })
}

/// The standing shown for an indicator: the assessment of its shown target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShownStanding {
    /// The standing.
    pub standing: Standing,
    /// Which staged target it is about.
    pub index: usize,
    /// Whether the deadline has passed.
    pub passed: bool,
}

/// An indicator's projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Daily rates (shown as yearly totals) or levels.
    pub basis: Basis,
    /// The fitted model the paths and assessments come from.
    pub model: Fitted,
    /// The methods that fit, best first.
    pub options: Vec<MethodOption>,
    /// The candidates that do not fit, and why.
    pub unfit: Vec<Unfit>,
    /// Why the first is recommended.
    pub reason: Reason,
    /// The reason as an explanation.
    pub choice_explanation: Option<Explanation>,
    /// The method used.
    pub method: Method,
    /// A method was asked for that cannot be used: the recommended one is.
    pub requested_unavailable: Option<ModelSpec>,
    /// The fitted method's formula and parameters.
    pub fit_explanation: Option<Explanation>,
    /// The series' points, as shown.
    pub points: Vec<Point>,
    /// The fitted values at the points, as shown.
    pub fitted: Vec<(Date, f64)>,
    /// The path from the last figure to the horizon.
    pub base: Vec<PathPoint>,
    /// The what-if path, when the scenario moves it.
    pub what_if: Option<Result<Vec<PathPoint>, Error>>,
    /// The horizon.
    pub horizon: Date,
    /// The staged targets, then the scenario's own, assessed.
    pub targets: Vec<AssessedTarget>,
    /// The compared scenarios.
    pub compared: Vec<ComparedScenario>,
    /// The standing against the shown target, under the base projection.
    pub standing: Option<ShownStanding>,
    /// The level of the bands and intervals.
    pub level: Level,
    /// Where the what-if's growth starts, as shown: the later of its date
    /// and the latest figure's, and the base projection's value there. The
    /// scenario continues from this one stated level.
    pub scenario_start: Option<(Date, f64)>,
    /// The what-if's growth rate flagged as implausible for this series.
    pub implausible: Option<Implausible>,
}

impl Projection {
    /// Whether the base path has a known spread.
    #[must_use]
    pub fn spread_known(&self) -> bool {
        self.base.iter().all(PathPoint::spread_known)
    }

    /// The latest point, as shown.
    #[must_use]
    pub fn latest(&self) -> Option<Point> {
        self.points.last().copied()
    }

    /// The method choice explained: the one-step error (MAPE in percent, the
    /// number of held-out figures, the runner-up's MAPE) or the rule's
    /// method with the number of figures.
    #[must_use]
    pub fn explain_choice(&self) -> Option<Explained> {
        let explanation = self.choice_explanation.clone()?;
        let one_step = matches!(self.reason, Reason::LowestOneStepError { .. });
        let percent = Measure::Unit(dxcast_core::Unit::Percent);
        let measures = explanation
            .terms
            .iter()
            .map(|t| match t.symbol {
                dxcast_core::Symbol::Score | dxcast_core::Symbol::B if one_step => percent,
                _ => Measure::Plain,
            })
            .collect();
        Some(Explained {
            explanation,
            measures,
            result: if one_step { percent } else { Measure::Plain },
        })
    }

    /// The fitted method's formula and parameters (on the projection's
    /// basis: daily rates for totals).
    #[must_use]
    pub fn explain_fit(&self) -> Option<Explained> {
        let explanation = self.fit_explanation.clone()?;
        let n = explanation.terms.len();
        Some(Explained {
            explanation,
            measures: vec![Measure::Plain; n],
            result: Measure::Plain,
        })
    }
}

/// The dates of a path: monthly (or every few months, to stay within
/// [`MAX_PATH`]) after `latest`, ending on `horizon`.
fn path_dates(latest: Date, horizon: Date) -> Vec<Date> {
    let months = {
        let (y0, m0, _) = latest.ymd();
        let (y1, m1, _) = horizon.ymd();
        (y1 - y0) * 12 + (m1 as i32 - m0 as i32)
    };
    let step = (months.max(1) as usize).div_ceil(MAX_PATH).max(1) as i32;
    let mut dates = Vec::new();
    let mut k = step;
    while let Ok(d) = latest.add_months(k) {
        if d >= horizon {
            break;
        }
        dates.push(d);
        k += step;
    }
    dates.push(horizon);
    dates
}

/// A predictor's path at `dates`, as shown, with its band at `level`.
fn path(
    predictor: &dyn Predictor,
    dates: &[Date],
    basis: Basis,
    level: Level,
) -> Result<Vec<PathPoint>, Error> {
    let mut out = vec![ForecastPoint::default(); dates.len()];
    let n = dxcast_core::forecast_into(predictor, Horizon::Dates(dates), level.value(), &mut out)?;
    Ok(out
        .iter()
        .take(n)
        .map(|f| {
            let k = basis.factor(f.date);
            let known = f.prediction.spread_known();
            let end = |v: Option<f64>| v.filter(|_| known).map(|v| v * k);
            PathPoint {
                date: f.date,
                point: f.point * k,
                lo: end(f.lo),
                hi: end(f.hi),
            }
        })
        .collect())
}

/// Whether the scenario moves the path (a changed target alone does not).
#[must_use]
pub fn moves_path(s: &Scenario) -> bool {
    s.growth.is_some() || s.shock.is_some()
}

/// Projects the fitted choice of `input` (prepared by [`prepare`], fitted
/// by [`fit`]) with `options`: [`project_base`], then [`with_scenario`].
///
/// # Errors
///
/// The fitted values' and the base path's errors (a failing target or
/// scenario is reported in its row).
pub fn project(
    input: &ProjectionInput<'_>,
    prepared: &Prepared,
    chosen: &FittedChoice,
    options: &ProjectionOptions,
) -> Result<Projection, Error> {
    let base = project_base(input, prepared, chosen, options)?;
    Ok(with_scenario(
        &base,
        input,
        prepared,
        &options.scenario,
        options.today,
    ))
}

/// What a projection's judge needs for one path.
struct Judge<'a> {
    prepared: &'a Prepared,
    today: Date,
    level: Level,
}

impl Judge<'_> {
    fn assess(&self, p: &dyn Predictor, t: &Target) -> Result<Assessment, Error> {
        let judging = Judging {
            today: self.today,
            level: self.level,
            evidence: self.prepared.evidence(t),
            measured: &self.prepared.measured,
        };
        assess(p, t, &judging)
    }
}

/// The projection without `options.scenario`: what every what-if change
/// leaves alone (the fit, the base path, the staged targets' base
/// assessments, the compared scenarios). [`with_scenario`] adds a scenario
/// to it; a what-if view computes this once and that on each change.
///
/// # Errors
///
/// As [`project`].
pub fn project_base(
    input: &ProjectionInput<'_>,
    prepared: &Prepared,
    chosen: &FittedChoice,
    options: &ProjectionOptions,
) -> Result<Projection, Error> {
    let model = chosen.fitted;
    let basis = prepared.basis;
    let points = &prepared.points;
    let series = prepared.series()?;
    let shown = |p: &Point| Point::new(p.date, p.value * basis.factor(p.date));

    let mut fitted_values = vec![0.0; points.len()];
    let n = model.fitted_into(&series, &mut fitted_values)?;
    let fitted = points
        .iter()
        .zip(fitted_values.iter().take(n))
        .map(|(p, v)| (p.date, v * basis.factor(p.date)))
        .collect();

    let latest = series.last();
    let horizon = options
        .horizon
        .filter(|h| {
            *h > latest.date && h.year() <= latest.date.year().saturating_add(MAX_HORIZON_YEARS)
        })
        .unwrap_or_else(|| default_horizon(latest.date, input.targets, options.today));
    let dates = path_dates(latest.date, horizon);
    let level = options.level;
    let base = path(&model, &dates, basis, level)?;

    let today = options.today;
    let judge = Judge {
        prepared,
        today,
        level,
    };
    let assess_under = |p: &dyn Predictor, t: &Target| judge.assess(p, t);
    let targets: Vec<AssessedTarget> = input
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| AssessedTarget {
            target: *t,
            origin: TargetOrigin::Staged(i),
            base: assess_under(&model, t),
            scenario: None,
        })
        .collect();

    let compared = options
        .compared
        .iter()
        .map(|named| match model.with_scenario(named.scenario) {
            Ok(w) => ComparedScenario {
                named: named.clone(),
                path: path(&w, &dates, basis, level),
                staged: input.targets.iter().map(|t| assess_under(&w, t)).collect(),
                own: named.scenario.target.map(|t| assess_under(&w, &t)),
            },
            Err(e) => ComparedScenario {
                named: named.clone(),
                path: Err(e),
                staged: input.targets.iter().map(|_| Err(e)).collect(),
                own: named.scenario.target.map(|_| Err(e)),
            },
        })
        .collect();

    let standing = shown_target(input.targets, today).and_then(|st| {
        let a = targets.get(st.index)?.base.as_ref().ok()?;
        Some(ShownStanding {
            standing: a.standing,
            index: st.index,
            passed: st.passed,
        })
    });

    Ok(Projection {
        basis,
        model,
        options: chosen.options.clone(),
        unfit: chosen.unfit.clone(),
        reason: chosen.reason,
        choice_explanation: chosen.choice_explanation.clone(),
        method: model.method(),
        requested_unavailable: chosen.requested_unavailable,
        fit_explanation: model.explain().ok(),
        points: points.iter().map(shown).collect(),
        fitted,
        base,
        what_if: None,
        horizon,
        targets,
        compared,
        standing,
        level,
        scenario_start: None,
        implausible: None,
    })
}

/// `base` (a [`project_base`] of `input` and `prepared` on `today`) under
/// `scenario`:
/// the what-if path, each target's assessment under it, the scenario's own
/// target, where its growth starts and whether that growth is implausible.
/// A scenario that fails is reported in its rows, as in [`project`].
#[must_use]
pub fn with_scenario(
    base: &Projection,
    input: &ProjectionInput<'_>,
    prepared: &Prepared,
    scenario: &Scenario,
    today: Date,
) -> Projection {
    let mut out = base.clone();
    let model = base.model;
    let basis = base.basis;
    let judge = Judge {
        prepared,
        today,
        level: base.level,
    };
    let what_if = model.with_scenario(*scenario);
    let moved = moves_path(scenario);
    let under_scenario = |t: &Target| -> Option<Result<Assessment, Error>> {
        moved.then(|| match &what_if {
            Ok(w) => judge.assess(w, t),
            Err(e) => Err(*e),
        })
    };
    out.targets.truncate(input.targets.len());
    for (row, t) in out.targets.iter_mut().zip(input.targets) {
        row.scenario = under_scenario(t);
    }
    if let Some(t) = scenario.target {
        out.targets.push(AssessedTarget {
            target: t,
            origin: TargetOrigin::Scenario,
            base: judge.assess(&model, &t),
            scenario: under_scenario(&t),
        });
    }
    let Some(latest) = base.points.last() else {
        return out;
    };
    out.what_if = moved.then(|| match &what_if {
        Ok(w) => path(w, &path_dates(latest.date, base.horizon), basis, base.level),
        Err(e) => Err(*e),
    });
    out.scenario_start = scenario.growth.and_then(|g| {
        let start = g.from.max(latest.date);
        let v = model.value_at(start).ok()?;
        Some((start, v * basis.factor(start)))
    });
    out.implausible = scenario.growth.and_then(|g| {
        let series = prepared.series().ok()?;
        implausible(&series, &g)
    });
    out
}

/// Whether a growth override is implausible for the prepared series (the
/// core's [`implausible`]): flagged before it is applied.
#[must_use]
pub fn check_growth(
    prepared: &Prepared,
    growth: &dxcast_core::scenario::GrowthOverride,
) -> Option<Implausible> {
    prepared.series().ok().and_then(|s| implausible(&s, growth))
}

/// The standing known before any projection: no target, or fewer than
/// [`MIN_POINTS`] figures on distinct dates. `None`: the analyses decide.
#[must_use]
pub fn standing_now(points: usize, targets: &[Target]) -> Option<Standing> {
    if targets.is_empty() {
        Some(Standing::NoTarget)
    } else if points < MIN_POINTS {
        Some(Standing::NotEnoughData)
    } else {
        None
    }
}

/// An indicator's standing: the one known without a projection, else the
/// assessment of its shown target under the recommended method with no
/// scenario (as [`project`] gives it); `None` when that cannot be made.
#[must_use]
pub fn standing(input: &ProjectionInput<'_>, today: Date) -> Option<Standing> {
    if input.targets.is_empty() {
        return Some(Standing::NoTarget);
    }
    let prepared = prepare(input).ok()?;
    if let Some(s) = standing_now(prepared.points.len(), input.targets) {
        return Some(s);
    }
    standing_of(input, &prepared, today)
}

/// [`standing`] once the input is prepared and has targets and enough points.
fn standing_of(input: &ProjectionInput<'_>, prepared: &Prepared, today: Date) -> Option<Standing> {
    let shown = shown_target(input.targets, today)?;
    let horizon = default_horizon(prepared.points.last()?.date, input.targets, today);
    let chosen = fit(prepared, &MethodChoice::Recommended, horizon).ok()?;
    let judging = Judging {
        today,
        level: Level::default(),
        evidence: prepared.evidence(&shown.target),
        measured: &prepared.measured,
    };
    assess(&chosen.fitted, &shown.target, &judging)
        .ok()
        .map(|a| a.standing)
}

/// An indicator's [`standing`] on every day of a span, as the days it
/// changes on. A standing depends on today only through the target shown
/// (the next one, which changes the day after a deadline), whether its
/// deadline has passed (the same day), and the projection's horizon (the end
/// of today's year, once that is later than the default): so it can change
/// only on the first day of a year and the day after a deadline, and one
/// projection per distinct target and horizon gives every day's.
#[derive(Debug, Clone, PartialEq)]
pub struct StandingSchedule {
    /// The first day covered.
    pub from: Date,
    /// The last day covered.
    pub until: Date,
    /// The standing from each date on until the next date; the first date
    /// is `from`.
    pub changes: Vec<(Date, Option<Standing>)>,
}

impl StandingSchedule {
    /// The standings of `input` from `from` to `until` (inclusive).
    #[must_use]
    pub fn of(input: &ProjectionInput<'_>, from: Date, until: Date) -> StandingSchedule {
        let whole = |s: Option<Standing>| StandingSchedule {
            from,
            until,
            changes: vec![(from, s)],
        };
        if input.targets.is_empty() {
            return whole(Some(Standing::NoTarget));
        }
        let Ok(prepared) = prepare(input) else {
            return whole(None);
        };
        if let Some(s) = standing_now(prepared.points.len(), input.targets) {
            return whole(Some(s));
        }
        let Some(latest) = prepared.points.last().map(|p| p.date) else {
            return whole(None);
        };
        let mut days = vec![from];
        days.extend(
            (from.year().saturating_add(1)..=until.year())
                .map(Date::first_of_year)
                .chain(
                    input
                        .targets
                        .iter()
                        .filter_map(|t| t.deadline.add_days(1).ok()),
                )
                .filter(|d| (from..=until).contains(d)),
        );
        days.sort_unstable();
        days.dedup();
        // What a day's standing depends on: the shown target (its index,
        // whether its deadline has passed) and the horizon.
        type Key = (Option<(usize, bool)>, Date);
        let mut worked_out: Vec<(Key, Option<Standing>)> = Vec::new();
        let mut changes: Vec<(Date, Option<Standing>)> = Vec::new();
        for day in days {
            let key = (
                shown_target(input.targets, day).map(|s| (s.index, s.passed)),
                default_horizon(latest, input.targets, day),
            );
            let s = match worked_out.iter().find(|(k, _)| *k == key) {
                Some((_, s)) => *s,
                None => {
                    let s = standing_of(input, &prepared, day);
                    worked_out.push((key, s));
                    s
                }
            };
            if changes.last().is_none_or(|(_, last)| *last != s) {
                changes.push((day, s));
            }
        }
        StandingSchedule {
            from,
            until,
            changes,
        }
    }

    /// The standing on `today`; `None` when the schedule does not cover it.
    #[must_use]
    pub fn on(&self, today: Date) -> Option<Option<Standing>> {
        if today < self.from || today > self.until {
            return None;
        }
        self.changes
            .iter()
            .rev()
            .find(|(d, _)| *d <= today)
            .map(|(_, s)| *s)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Metric;
    use dxcast_core::analytics::{analyse, Settings};
    use dxcast_core::quantity::{Aside, Conversion};
    use dxcast_core::scenario::{GrowthOverride, Per, Shock, WhatIf};
    use dxcast_core::{
        Bounds, Comparison, LinearTrend, Model, Observation, Period, Qualifier, Status, Symbol,
        Unit,
    };

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn a_standing_schedule_gives_every_days_standing() {
        // Every change, the day before it, and days in between, checked
        // against the standing worked out for that day.
        let data = data();
        let (from, until) = (d(2020, 1, 1), d(2031, 12, 31));
        let mut changing = 0;
        for ind in &data.indicators {
            let sources = Sources::of(&data, &ind.id).unwrap();
            let input = sources.input(Rule::default());
            let schedule = StandingSchedule::of(&input, from, until);
            assert_eq!(schedule.changes[0].0, from, "{}", ind.id);
            assert_eq!(schedule.on(d(2019, 12, 31)), None);
            assert_eq!(schedule.on(d(2032, 1, 1)), None);
            changing += usize::from(schedule.changes.len() > 1);
            let mut days: Vec<Date> = schedule
                .changes
                .iter()
                .flat_map(|(day, _)| [*day, day.add_days(-1).unwrap()])
                .chain((0..12).map(|i| from.add_days(i * 331 + 17).unwrap()))
                .filter(|day| (from..=until).contains(day))
                .collect();
            days.sort_unstable();
            days.dedup();
            for day in days {
                assert_eq!(
                    schedule.on(day),
                    Some(standing(&input, day)),
                    "{} on {day}",
                    ind.id
                );
            }
        }
        // The built-in data has indicators whose standing changes with
        // the day (a deadline passes).
        // Only NDXP's transactions have staged targets and the figures to
        // project: its standing changes the day after each deadline (the
        // end of 2023 and of 2025), and nowhere else.
        assert_eq!(changing, 1);
        let ndxp = Sources::of(&data, "ndxp_tx").unwrap();
        let schedule = StandingSchedule::of(&ndxp.input(Rule::default()), from, until);
        let days: Vec<Date> = schedule.changes.iter().map(|(day, _)| *day).collect();
        assert_eq!(days, [from, d(2024, 1, 1), d(2026, 1, 1)]);
    }

    /// Prepares, fits the recommendation and projects.
    fn run(s: &ProjectionInput<'_>, options: &ProjectionOptions) -> (Prepared, Projection) {
        let prepared = prepare(s).unwrap();
        let chosen = fit(&prepared, &MethodChoice::Recommended, d(2030, 12, 31)).unwrap();
        let p = project(s, &prepared, &chosen, options).unwrap();
        (prepared, p)
    }

    /// The settings the core analyses with for `t`.
    fn settings(today: Date, prepared: &Prepared, t: &Target) -> Settings {
        Settings {
            today,
            level: 0.95,
            evidence: prepared.evidence(t),
        }
    }

    /// The core's own analysis, as an assessment shows it.
    fn same(a: &Result<Assessment, Error>, core: Result<dxcast_core::TargetAnalysis, Error>) {
        let (a, core) = (a.as_ref().unwrap(), core.unwrap());
        assert_eq!(
            (a.projected, a.low, a.high, a.probability, a.attainment),
            (
                core.projected,
                core.low,
                core.high,
                core.probability,
                core.attainment
            )
        );
        assert_eq!(a.standing, Standing::from(core.status));
        assert_eq!(a.reach_date, core.reach_date);
    }

    /// NDXP transactions: the daily rates of the figures the series keeps,
    /// worked out by hand from the reports (report 004's 2021 total, report
    /// 000's average since 1 January, report 001's year-to-date total, the
    /// reports' estimate of 2022, report 000's September total, report
    /// 003's first quarter, report 002's April 2024 average).
    fn ndxp_kept() -> [(Date, f64); 7] {
        [
            (d(2021, 7, 2), 180e6 / 365.0),
            (d(2022, 5, 17), 1.6e6),
            (d(2022, 6, 20), 806e6 / 342.0),
            (d(2022, 7, 2), 860e6 / 365.0),
            (d(2022, 9, 15), 58_397_139.0 / 30.0),
            (d(2023, 2, 14), 111e6 / 90.0),
            (d(2024, 4, 15), 2.8e6),
        ]
    }

    #[test]
    fn the_ndxp_page_projects_every_figure_of_its_quantity() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        // Every figure of the four NDXP transaction indicators (totals,
        // year-to-date, daily averages, since launch).
        let rows: Vec<&str> = crate::dataset::OBSERVATIONS_CSV
            .lines()
            .filter(|l| {
                l.split(',')
                    .nth(1)
                    .is_some_and(|i| i.starts_with("ndxp_tx"))
            })
            .collect();
        assert_eq!(sources.figures.len(), rows.len());
        assert_eq!(sources.figures.len(), 12);
        let prepared = prepare(&sources.input(Rule::Totals)).unwrap();
        assert_eq!(prepared.basis, Basis::DailyRate);
        assert_eq!(prepared.subject.kind, MeasureKind::Flow);
        // Each figure is a point; the running totals make two.
        assert_eq!(prepared.measured.len(), 12);
        assert_eq!(prepared.points.len(), 7);
        for (p, (date, v)) in prepared.points.iter().zip(ndxp_kept()) {
            assert_eq!(p.date, date);
            assert!((p.value - v).abs() < 1e-6 * v, "{p:?}");
        }
        // "806 triệu" to 8/12/2022 against "khoảng 2,1 triệu" a day over the
        // same days: one conflict, the daily average set aside by the rule.
        assert_eq!(prepared.conflicts.len(), 1);
        let set_aside: Vec<(Conversion, Aside)> = prepared
            .measured
            .iter()
            .filter_map(|p| Some((p.conversion, p.aside?)))
            .collect();
        assert!(set_aside.contains(&(Conversion::DailyAverage, Aside::Rule)));
        assert_eq!(
            set_aside
                .iter()
                .filter(|(c, a)| c.is_running() && *a == Aside::Covered)
                .count(),
            2
        );
        // Under the averages rule the daily average over those days is kept
        // and the year-to-date total is set aside.
        let averages = prepare(&sources.input(Rule::Averages)).unwrap();
        assert!(averages.points.iter().any(|p| p.value == 2.1e6));
        assert!(!averages
            .points
            .iter()
            .any(|p| (p.value - 806e6 / 342.0).abs() < 1.0));
        // The daily-average indicator's page projects the same series.
        let daily = Sources::of(&data, "ndxp_tx_daily").unwrap();
        let p2 = prepare(&daily.input(Rule::Totals)).unwrap();
        assert_eq!(
            (p2.points.clone(), p2.subject.kind),
            (prepared.points.clone(), MeasureKind::Flow)
        );
    }

    #[test]
    fn ndxp_verdicts_follow_the_projection_and_the_deadlines() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        let input = sources.input(Rule::Totals);
        // The day after the last report (April 2024).
        let (prepared, p) = run(&input, &ProjectionOptions::base(d(2024, 5, 1)));
        assert_eq!(p.method, Method::Linear);
        // The textbook straight line (slope Sxy/Sxx) through the daily rates.
        let pts = ndxp_kept();
        let origin = pts[0].0;
        let t = |date: Date| f64::from(origin.days_until(date)) / 365.2425;
        let n = pts.len() as f64;
        let mt = pts.iter().map(|p| t(p.0)).sum::<f64>() / n;
        let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
        let sxy: f64 = pts.iter().map(|p| (t(p.0) - mt) * (p.1 - my)).sum();
        let sxx: f64 = pts.iter().map(|p| (t(p.0) - mt).powi(2)).sum();
        let rate = |date| my + sxy / sxx * (t(date) - mt);
        // 2023 (> 860 million): no figure of 2023's total; the deadline has passed.
        let a23 = p.targets[0].base.as_ref().unwrap();
        assert!((a23.projected / (rate(d(2023, 7, 2)) * 365.0) - 1.0).abs() < 1e-12);
        assert_eq!(a23.standing, Standing::Stale);
        assert_eq!(
            a23.staleness,
            Some(dxcast_core::verdict::Staleness::PastDeadline)
        );
        // Its outlook agrees with its own numbers: the reach date is on or
        // before the deadline exactly when the projection meets the target.
        let early = a23.reach_date.is_some_and(|r| r <= d(2023, 12, 31));
        assert_eq!(early, a23.projected > 860e6);
        // 2025: the trend through April 2024's 2,8 million a day meets it.
        let a25 = p.targets[1].base.as_ref().unwrap();
        assert!((a25.projected / (rate(d(2025, 7, 2)) * 365.0) - 1.0).abs() < 1e-12);
        assert_eq!(a25.standing, Standing::OnTrack);
        assert!(a25.probability.unwrap() > 0.75);
        // Attainment speaks of April 2024's figure, named by its last day.
        assert_eq!(a25.figure_date, d(2024, 4, 30));
        assert!(close(
            a25.attainment.unwrap(),
            100.0 * 2.8e6 * 365.0 / 860e6
        ));
        // Every assessment is the core's.
        for row in &p.targets {
            same(
                &row.base,
                p.model.analyse(
                    &row.target,
                    &settings(d(2024, 5, 1), &prepared, &row.target),
                ),
            );
        }
        // On the tests' today both deadlines have passed without a figure:
        // stale, the projection's own verdict beside it.
        let (_, p) = run(&input, &ProjectionOptions::base(d(2026, 11, 22)));
        let a25 = p.targets[1].base.as_ref().unwrap();
        assert_eq!(
            (a25.standing, a25.outlook),
            (Standing::Stale, Standing::OnTrack)
        );
        let st = p.standing.unwrap();
        assert_eq!(
            (st.index, st.passed, st.standing),
            (1, true, Standing::Stale)
        );
        assert_eq!(standing(&input, d(2026, 11, 22)), Some(Standing::Stale));
    }

    #[test]
    fn a_total_target_is_decided_by_an_observed_year_to_date_total() {
        // A made-up target of 800 million in 2022: report 001's observed
        // "806 triệu" from 1 January to 8/12/2022 already meets it.
        let data = data();
        let mut sources = Sources::of(&data, "ndxp_tx").unwrap();
        sources.targets = vec![Target::new(800e6, d(2022, 12, 31), Comparison::AtLeast).unwrap()];
        let (_, p) = run(
            &sources.input(Rule::Totals),
            &ProjectionOptions::base(d(2024, 5, 1)),
        );
        let a = p.targets[0].base.as_ref().unwrap();
        assert_eq!(a.standing, Standing::Achieved);
        let deciding = a.deciding.unwrap();
        assert_eq!(deciding.point, Point::new(d(2022, 12, 8), 806e6));
        assert_eq!(
            (deciding.status, deciding.after_deadline),
            (Status::Observed, false)
        );
        assert_eq!(a.figure_date, d(2022, 12, 8));
        assert!(close(a.attainment.unwrap(), 100.0 * 806.0 / 800.0));
        assert!(close(a.gap, -6e6));
    }

    fn share(period: &str, value: f64, status: Status) -> Measured {
        Measured {
            kind: MeasureKind::Share,
            observation: Observation {
                value,
                period: Period::parse(period).unwrap(),
                status,
                qualifier: Qualifier::Exact,
                precision: 0.1,
            },
            since: None,
            definition: 0,
        }
    }

    #[test]
    fn a_line_through_two_points_has_no_known_spread() {
        // Dossiers processed online: 43 % (30/9/2022), 52,8 % estimated (31/12/2022).
        let figures = [
            share("2022-09-30", 43.0, Status::Observed),
            share("2022-12-31", 52.8, Status::Estimate),
        ];
        let t = [Target::new(50.0, d(2022, 12, 31), Comparison::AtLeast).unwrap()];
        let s = ProjectionInput {
            subject: Subject::of_kind(MeasureKind::Share, Unit::Percent),
            figures: &figures,
            targets: &t,
            rule: Rule::Totals,
        };
        let today = d(2026, 11, 22);
        let (prepared, p) = run(&s, &ProjectionOptions::base(today));
        assert!(matches!(
            prepared.choice.as_ref().unwrap().reason,
            Reason::OnlyOne { n: 2 }
        ));
        assert!(!p.spread_known());
        assert!(p.base.iter().all(|b| b.lo.is_none() && b.hi.is_none()));
        // The deadline lies inside the data: the estimate of 52,8 % meets 50 %.
        let a = p.targets[0].base.as_ref().unwrap();
        assert_eq!(a.standing, Standing::Achieved);
        let deciding = a.deciding.unwrap();
        assert_eq!(deciding.point.value, 52.8);
        assert_eq!(deciding.status, Status::Estimate);
        assert!(!a.spread_known);
        assert!(p.base.iter().all(|b| b.point <= 100.0));
        // A target at 60 % by 2023: probability unknown with two points, and
        // the explanation says why.
        let later = [Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap()];
        let s2 = ProjectionInput {
            targets: &later,
            ..s
        };
        let (_, p) = run(&s2, &ProjectionOptions::base(today));
        let a = p.targets[0].base.as_ref().unwrap();
        assert_eq!(a.probability, None);
        let e = a.explain(Metric::Probability).unwrap();
        assert_eq!(e.explanation.result, None);
        assert_eq!(e.explanation.unknown, Some(dxcast_core::Unknown::Spread));
        // +1 point a month from 1/1/2023, from the line's value that day.
        let options = ProjectionOptions {
            scenario: Scenario {
                growth: Some(GrowthOverride {
                    from: d(2023, 1, 1),
                    rate: 1.0,
                    per: Per::Month,
                }),
                ..Scenario::default()
            },
            ..ProjectionOptions::base(today)
        };
        let (_, p) = run(&s2, &options);
        let slope = 9.8 / 92.0;
        let y0 = 52.8 + slope;
        assert!(close(p.scenario_start.unwrap().1, y0));
        let at = d(2023, 5, 31);
        let months = f64::from(d(2023, 1, 1).days_until(at)) / 30.436875;
        let path = p.what_if.unwrap().unwrap();
        let may = path.iter().find(|q| q.date == at).unwrap();
        assert!((may.point - (y0 + months)).abs() < 1e-9);
    }

    #[test]
    fn a_scenario_moves_the_path_and_the_analysis_as_the_core_says() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        let s = sources.input(Rule::Totals);
        let t = &sources.targets;
        let today = d(2026, 11, 22);
        let scenario = Scenario {
            growth: Some(GrowthOverride::yearly(d(2024, 6, 1), 20.0)),
            shock: Some(Shock {
                at: d(2025, 1, 1),
                size: -10.0,
            }),
            target: Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::AtLeast).unwrap()),
        };
        let faster = NamedScenario {
            name: "Nhanh".into(),
            scenario: Scenario {
                growth: Some(GrowthOverride::yearly(d(2024, 6, 1), 40.0)),
                ..Scenario::default()
            },
        };
        let options = ProjectionOptions {
            scenario,
            horizon: Some(d(2027, 12, 31)),
            compared: vec![faster.clone()],
            level: Level::Eighty,
            ..ProjectionOptions::base(today)
        };
        let (prepared, p) = run(&s, &options);
        assert_eq!((p.horizon, p.level), (d(2027, 12, 31), Level::Eighty));
        let series = prepared.series().unwrap();
        let line = Model::Linear(LinearTrend::new()).fit(&series).unwrap();
        let w = WhatIf::new(line, scenario).unwrap();
        // The what-if path is the core's what-if, as yearly totals, with a band.
        let path = p.what_if.clone().unwrap().unwrap();
        let end = path.last().unwrap();
        let at_end = w.predict(end.date).unwrap();
        assert!(close(end.point, at_end.point() * 365.0));
        let (lo, hi) = at_end.interval(0.8, Bounds::NON_NEGATIVE).unwrap();
        assert!(close(end.lo.unwrap(), lo.unwrap() * 365.0));
        assert!(close(end.hi.unwrap(), hi.unwrap() * 365.0));
        // By hand: the trend's rate on 1/6/2024, 20 % a year to the end, −10 %.
        let y0 = line.value_at(d(2024, 6, 1)).unwrap();
        let years = f64::from(d(2024, 6, 1).days_until(end.date)) / 365.2425;
        assert!(close(end.point, y0 * 1.2f64.powf(years) * 0.9 * 365.0));
        // It starts from the base's value on its first day: no jump.
        assert_eq!(p.scenario_start.unwrap().0, d(2024, 6, 1));
        assert!(close(p.scenario_start.unwrap().1, y0 * 366.0));
        for (b, q) in p.base.iter().zip(&path) {
            if b.date <= d(2024, 6, 1) {
                assert_eq!(b.point, q.point);
            }
        }
        // 20 a year is plausible for this series; 20 a month is not.
        assert_eq!(p.implausible, None);
        let monthly = GrowthOverride {
            from: d(2024, 6, 1),
            rate: 20.0,
            per: Per::Month,
        };
        assert!(check_growth(&prepared, &monthly).is_some());
        // Every row has both analyses, each of its own target.
        assert_eq!(p.targets.len(), 4);
        assert_eq!(p.targets[3].origin, TargetOrigin::Scenario);
        for row in &p.targets {
            let st = Settings {
                level: 0.8,
                ..settings(today, &prepared, &row.target)
            };
            same(&row.base, line.analyse(&row.target, &st));
            same(
                row.scenario.as_ref().unwrap(),
                analyse(&w, &row.target, &st),
            );
        }
        // The compared scenario: its path and its analyses.
        let c = &p.compared[0];
        assert_eq!(c.named, faster);
        let wf = WhatIf::new(line, faster.scenario).unwrap();
        let st = Settings {
            level: 0.8,
            ..settings(today, &prepared, &t[1])
        };
        same(&c.staged[1], analyse(&wf, &t[1], &st));
        assert!(c.own.is_none());
        assert!(c.path.as_ref().unwrap().last().unwrap().point > end.point);
    }

    #[test]
    fn a_scenario_applied_to_the_base_is_the_projection_under_it() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        let s = sources.input(Rule::Totals);
        let today = d(2026, 11, 22);
        let first = Scenario {
            growth: Some(GrowthOverride::yearly(d(2024, 6, 1), 20.0)),
            shock: None,
            target: Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::AtLeast).unwrap()),
        };
        let second = Scenario {
            growth: Some(GrowthOverride::yearly(d(2024, 6, 1), -5.0)),
            shock: Some(Shock {
                at: d(2025, 1, 1),
                size: 10.0,
            }),
            target: None,
        };
        let options = |scenario| ProjectionOptions {
            scenario,
            horizon: Some(d(2027, 12, 31)),
            ..ProjectionOptions::base(today)
        };
        let prepared = prepare(&s).unwrap();
        let chosen = fit(&prepared, &MethodChoice::Recommended, d(2030, 12, 31)).unwrap();
        let base = project_base(&s, &prepared, &chosen, &options(first)).unwrap();
        // The base ignores the scenario: the projection with none.
        let none = project(&s, &prepared, &chosen, &options(Scenario::default())).unwrap();
        assert_eq!(base, none);
        assert_eq!(
            with_scenario(&base, &s, &prepared, &Scenario::default(), today),
            none
        );
        // One scenario, then another on top of it, is the second alone: its
        // own target's row goes, the first's path and start are replaced.
        let under_first = with_scenario(&base, &s, &prepared, &first, today);
        assert_eq!(under_first.targets.len(), s.targets.len() + 1);
        let then_second = with_scenario(&under_first, &s, &prepared, &second, today);
        let second_alone = project(&s, &prepared, &chosen, &options(second)).unwrap();
        assert_eq!(then_second, second_alone);
        assert_eq!(then_second.targets.len(), s.targets.len());
        // The base parts are the base's, the scenario's differ from it.
        assert_eq!(second_alone.base, base.base);
        assert_ne!(second_alone.what_if, under_first.what_if);
    }

    #[test]
    fn a_method_the_user_picks_and_one_that_does_not_fit() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        let s = sources.input(Rule::Totals);
        let options = ProjectionOptions::base(d(2026, 11, 22));
        let prepared = prepare(&s).unwrap();
        let until = d(2026, 12, 31);
        let with = |m: MethodChoice| {
            let chosen = fit(&prepared, &m, until).unwrap();
            project(&s, &prepared, &chosen, &options).unwrap()
        };
        let p = with(MethodChoice::method(Method::LogLinear));
        assert_eq!(p.method, Method::LogLinear);
        assert_eq!(p.requested_unavailable, None);
        // Seven points: the methods are ranked by their back-test error.
        assert!(p.options[0].accuracy.mape().is_some());
        // Holt with given smoothing parameters.
        let given = ModelSpec::parse("holt;alpha=0.5;beta=0.1").unwrap();
        let p = with(MethodChoice::Use(given));
        assert_eq!((p.method, p.model.spec()), (Method::Holt, given));
        // Settings the core refuses fall back to the recommendation.
        let refused = ModelSpec::parse("holt;alpha=0.5;beta=2").unwrap();
        let p = with(MethodChoice::Use(refused));
        assert_eq!(
            (p.method, p.requested_unavailable),
            (Method::Linear, Some(refused))
        );
        // A horizon before the last figure falls back to the default.
        let chosen = fit(&prepared, &MethodChoice::Recommended, until).unwrap();
        let early = ProjectionOptions {
            horizon: Some(d(2020, 1, 1)),
            ..options.clone()
        };
        assert_eq!(
            project(&s, &prepared, &chosen, &early).unwrap().horizon,
            d(2026, 12, 31)
        );
    }

    #[test]
    fn explanations_say_what_their_terms_are() {
        let data = data();
        let sources = Sources::of(&data, "ndxp_tx").unwrap();
        let (_, p) = run(
            &sources.input(Rule::Totals),
            &ProjectionOptions::base(d(2024, 5, 1)),
        );
        let a = p.targets[1].base.as_ref().unwrap();
        let e = a.explain(Metric::Projected).unwrap();
        assert_eq!(e.result, Measure::Unit(Unit::Count));
        assert_eq!(e.measures.len(), e.explanation.terms.len());
        // The point on the basis is a daily rate; the days of the year follow.
        assert_eq!(e.measures[0], Measure::PerDay(Unit::Count));
        assert_eq!(e.explanation.term(Symbol::DaysInPeriod), Some(365.0));
        let e = a.explain(Metric::Probability).unwrap();
        assert_eq!(e.result, Measure::Fraction);
        let e = a.explain(Metric::Required).unwrap();
        assert_eq!(e.result, Measure::Unit(Unit::Percent));
        // The reach date counts days from the latest figure, which it names.
        let e = a.explain(Metric::ReachDate).unwrap();
        assert_eq!(e.result, Measure::Days);
        let from = e
            .explanation
            .terms
            .iter()
            .position(|t| t.symbol == Symbol::From)
            .unwrap();
        assert_eq!(e.measures[from], Measure::Date);
        assert_eq!(
            e.explanation.terms[from].value,
            Some(f64::from(d(2024, 4, 15).day_number()))
        );
        // The status shows its thresholds.
        let e = a.explain(Metric::Status).unwrap();
        let thresholds: Vec<f64> = e
            .explanation
            .terms
            .iter()
            .filter(|t| t.symbol == Symbol::Threshold)
            .filter_map(|t| t.value)
            .collect();
        assert_eq!(thresholds, [0.6, 0.25, 0.75]);
        assert!(p.explain_choice().is_some() && p.explain_fit().is_some());
        for m in Metric::ALL {
            assert!(a.explain(m).is_some(), "{m:?}");
        }
    }

    #[test]
    fn standings_known_without_a_projection() {
        let t = [Target::new(50.0, d(2025, 12, 31), Comparison::AtLeast).unwrap()];
        assert_eq!(standing_now(5, &[]), Some(Standing::NoTarget));
        assert_eq!(standing_now(1, &t), Some(Standing::NotEnoughData));
        assert_eq!(standing_now(2, &t), None);
        // Two estimates of one date are one point.
        let figures = [
            share("2022-12-31", 40.0, Status::Estimate),
            share("2022-12-31", 41.0, Status::Estimate),
        ];
        let s = ProjectionInput {
            subject: Subject::of_kind(MeasureKind::Share, Unit::Percent),
            figures: &figures,
            targets: &t,
            rule: Rule::Totals,
        };
        assert_eq!(standing(&s, d(2026, 11, 22)), Some(Standing::NotEnoughData));
    }

    #[test]
    fn default_horizons_and_path_dates() {
        let t = [
            Target::new(860e6, d(2023, 12, 31), Comparison::GreaterThan).unwrap(),
            Target::new(860e6, d(2025, 12, 31), Comparison::GreaterThan).unwrap(),
        ];
        assert_eq!(
            default_horizon(d(2023, 2, 14), &t, d(2026, 11, 22)),
            d(2026, 12, 31)
        );
        assert_eq!(
            default_horizon(d(2023, 2, 14), &t, d(2023, 6, 1)),
            d(2025, 12, 31)
        );
        assert_eq!(
            default_horizon(d(2024, 4, 30), &[], d(2024, 5, 1)),
            d(2025, 12, 31)
        );
        let dates = path_dates(d(2023, 1, 31), d(2023, 6, 15));
        assert_eq!(
            dates,
            [
                d(2023, 2, 28),
                d(2023, 3, 31),
                d(2023, 4, 30),
                d(2023, 5, 31),
                d(2023, 6, 15)
            ]
        );
        // Forty years: steps of two or more months, at most MAX_PATH dates.
        let long = path_dates(d(2023, 1, 1), d(2063, 1, 1));
        assert!(long.len() <= MAX_PATH + 1 && long.len() > MAX_PATH / 2);
        assert_eq!(long.last(), Some(&d(2063, 1, 1)));
        let next = shown_target(&t, d(2023, 6, 1)).unwrap();
        assert_eq!((next.index, next.passed), (0, false));
        let last = shown_target(&t, d(2026, 11, 22)).unwrap();
        assert_eq!((last.index, last.passed), (1, true));
        assert_eq!(shown_target(&[], d(2026, 11, 22)), None);
    }
}
