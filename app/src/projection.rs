//! Projections: an indicator's figures through the core's pipeline, ready
//! for the chart, the method chooser, the target analyses and the what-if
//! panel. Every number comes from the core; this module only orchestrates:
//!
//! 1. [`prepare`]: the projectable series ([`points_into`]: totals become
//!    daily rates at their period's middle; the observed figure wins over an
//!    estimate for one date) and the ranked methods ([`choose`]);
//! 2. [`fit`]: the chosen method ([`MethodChoice`]: the recommendation, or a
//!    [`ModelSpec`] from the chooser or a link) fitted into a [`Fitted`]
//!    model, which is kept: scenarios, paths and analyses ask it again
//!    without fitting again;
//! 3. [`project`]: the fitted values, the path from the last figure to the
//!    horizon with its prediction band, an [`Assessment`] of every staged
//!    target, and the same under the what-if [`Scenario`] and under each
//!    compared scenario.
//!
//! **Totals** (flows and year-to-date figures) are projected as daily rates
//! and shown as **yearly totals**: the rate times the days of the year it
//! falls in ([`Basis::factor`]). A month, a quarter and a year are then on
//! one scale, the scale of the yearly targets, which the core's analytics
//! use too (a projected rate times the days of the target's year).

use dxcast_core::basis::{points_into, Basis, MAX_POINTS};
use dxcast_core::choice::{choose, Choice, Reason};
use dxcast_core::forecast::{ForecastPoint, Horizon};
use dxcast_core::scenario::Scenario;
use dxcast_core::target::next_target;
use dxcast_core::{
    Date, Error, Explanation, Field, Fitted, Method, ModelSpec, Observation, Point, Predictor,
    Series, Subject, Target,
};

use crate::analysis::{assess, Assessment, Standing, LEVEL};
use crate::measure::{Explained, Measure};

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

/// What is projected: what an indicator measures, its figures and targets.
#[derive(Debug, Clone, Copy)]
pub struct ProjectionInput<'a> {
    /// The kind (totals are projected as daily rates), unit (percentages
    /// grow in points, everything else compounds) and bounds.
    pub subject: Subject,
    /// The figures, oldest report first: of two figures for one date of the
    /// same status, the later report's wins.
    pub observations: &'a [Observation],
    /// The staged targets.
    pub targets: &'a [Target],
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
}

impl ProjectionOptions {
    /// No scenario, the default horizon.
    #[must_use]
    pub fn base(today: Date) -> ProjectionOptions {
        ProjectionOptions {
            today,
            scenario: Scenario::default(),
            horizon: None,
            compared: Vec::new(),
        }
    }
}

/// The projectable series and the ranked methods.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// What the series measures.
    pub subject: Subject,
    /// Daily rates for totals, levels otherwise.
    pub basis: Basis,
    /// One point per date, in date order.
    pub points: Vec<Point>,
    /// The methods that fit, best first, or why none does.
    pub choice: Result<Choice, Error>,
}

impl Prepared {
    /// The series of the points.
    ///
    /// # Errors
    ///
    /// The errors of [`Series::new`] (no points, a value out of bounds).
    pub fn series(&self) -> Result<Series<'_>, Error> {
        Series::new(&self.points, self.subject)
    }
}

/// The series of `input` and the core's ranking of the methods.
///
/// # Errors
///
/// The errors of [`points_into`] (a value that is not finite, too many figures).
pub fn prepare(input: &ProjectionInput<'_>) -> Result<Prepared, Error> {
    let mut buf = vec![Point::new(Date::EPOCH, 0.0); MAX_POINTS];
    let n = points_into(input.subject.kind, input.observations, &mut buf)?;
    buf.truncate(n);
    let choice = Series::new(&buf, input.subject).and_then(|s| choose(&s));
    Ok(Prepared {
        subject: input.subject,
        basis: Basis::for_kind(input.subject.kind),
        points: buf,
        choice,
    })
}

/// A method the user can choose, in the core's order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodOption {
    /// The method.
    pub method: Method,
    /// Its one-step-ahead MAPE in percent, when methods were compared that way.
    pub score: Option<f64>,
    /// Whether the core recommends it (the first).
    pub recommended: bool,
}

/// The chosen method, fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedChoice {
    /// The fitted model.
    pub fitted: Fitted,
    /// The methods that fit, best first.
    pub options: Vec<MethodOption>,
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
/// recommendation, and says so.
///
/// # Errors
///
/// - the choice's error when no method fits (too few points);
/// - the recommended method's errors when it cannot be fitted.
pub fn fit(prepared: &Prepared, method: &MethodChoice) -> Result<FittedChoice, Error> {
    let choice = prepared.choice.as_ref().map_err(|e| *e)?;
    let best = choice.best().ok_or(Error::Empty {
        what: Field::Candidates,
    })?;
    let series = prepared.series()?;
    let requested = match method {
        MethodChoice::Recommended => None,
        MethodChoice::Use(spec) => {
            let ranked = choice.ranked.iter().find(|r| r.method() == spec.method);
            let fitted = if *spec == ModelSpec::new(spec.method) {
                // The method alone: as the core configured it for this series.
                ranked.map(|r| r.model.fit(&series))
            } else {
                Some(spec.model().and_then(|m| m.fit(&series)))
            };
            Some((*spec, fitted.and_then(Result::ok)))
        }
    };
    let (fitted, requested_unavailable) = match requested {
        None => (best.model.fit(&series)?, None),
        Some((_, Some(f))) => (f, None),
        Some((spec, None)) => (best.model.fit(&series)?, Some(spec)),
    };
    Ok(FittedChoice {
        fitted,
        options: choice
            .ranked
            .iter()
            .enumerate()
            .map(|(i, r)| MethodOption {
                method: r.method(),
                score: r.score,
                recommended: i == 0,
            })
            .collect(),
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
    /// The band's low end at [`LEVEL`]; `None` when the spread is unknown
    /// (or the interval has no lower end).
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

/// A predictor's path at `dates`, as shown.
fn path(predictor: &dyn Predictor, dates: &[Date], basis: Basis) -> Result<Vec<PathPoint>, Error> {
    let mut out = vec![ForecastPoint::default(); dates.len()];
    let n = dxcast_core::forecast_into(predictor, Horizon::Dates(dates), LEVEL, &mut out)?;
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
/// by [`fit`]) with `options`.
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
    let base = path(&model, &dates, basis)?;

    let today = options.today;
    let assess_under = |p: &dyn Predictor, t: &Target| assess(p, t, today, points, None);
    let what_if = model.with_scenario(options.scenario);
    let moved = moves_path(&options.scenario);
    let under_scenario = |t: &Target| -> Option<Result<Assessment, Error>> {
        moved.then(|| match &what_if {
            Ok(w) => assess_under(w, t),
            Err(e) => Err(*e),
        })
    };
    let mut targets: Vec<AssessedTarget> = input
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| AssessedTarget {
            target: *t,
            origin: TargetOrigin::Staged(i),
            base: assess_under(&model, t),
            scenario: under_scenario(t),
        })
        .collect();
    if let Some(t) = options.scenario.target {
        targets.push(AssessedTarget {
            target: t,
            origin: TargetOrigin::Scenario,
            base: assess_under(&model, &t),
            scenario: under_scenario(&t),
        });
    }
    let what_if_path = moved.then(|| match &what_if {
        Ok(w) => path(w, &dates, basis),
        Err(e) => Err(*e),
    });

    let compared = options
        .compared
        .iter()
        .map(|named| match model.with_scenario(named.scenario) {
            Ok(w) => ComparedScenario {
                named: named.clone(),
                path: path(&w, &dates, basis),
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
        reason: chosen.reason,
        choice_explanation: chosen.choice_explanation.clone(),
        method: model.method(),
        requested_unavailable: chosen.requested_unavailable,
        fit_explanation: model.explain().ok(),
        points: points.iter().map(shown).collect(),
        fitted,
        base,
        what_if: what_if_path,
        horizon,
        targets,
        compared,
        standing,
    })
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
    let chosen = fit(&prepared, &MethodChoice::Recommended).ok()?;
    let shown = shown_target(input.targets, today)?;
    assess(&chosen.fitted, &shown.target, today, &prepared.points, None)
        .ok()
        .map(|a| a.standing)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Metric;
    use dxcast_core::analytics::{analyse, Settings};
    use dxcast_core::scenario::{GrowthOverride, Shock, WhatIf};
    use dxcast_core::{
        Bounds, Comparison, LinearTrend, MeasureKind, Model, Period, Qualifier, Status, Symbol,
        Unit,
    };

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn obs(period: &str, value: f64, status: Status) -> Observation {
        Observation {
            value,
            period: Period::parse(period).unwrap(),
            status,
            qualifier: Qualifier::Exact,
            precision: 0.0,
        }
    }

    /// NDXP transactions as in the built-in data, oldest report first.
    fn ndxp() -> Vec<Observation> {
        vec![
            obs("2022-09", 58_397_139.0, Status::Observed),
            obs("2022", 860e6, Status::Estimate),
            obs("2022", 860e6, Status::Estimate),
            obs("2021", 180e6, Status::Observed),
            obs("2023-Q1", 111e6, Status::Observed),
        ]
    }

    fn ndxp_targets() -> Vec<Target> {
        vec![
            Target::new(860e6, d(2023, 12, 31), Comparison::GreaterThan).unwrap(),
            Target::new(860e6, d(2025, 12, 31), Comparison::GreaterThan).unwrap(),
        ]
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    fn flows() -> Subject {
        Subject::of_kind(MeasureKind::Flow, Unit::Count)
    }

    /// The settings the app analyses with: evidence from the series.
    fn settings(today: Date, points: &[Point], t: &Target) -> Settings {
        Settings {
            today,
            level: LEVEL,
            evidence: dxcast_core::Evidence::of_levels(points, t.deadline),
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

    #[test]
    fn standings_known_without_a_projection() {
        let t = ndxp_targets();
        assert_eq!(standing_now(5, &[]), Some(Standing::NoTarget));
        assert_eq!(standing_now(1, &t), Some(Standing::NotEnoughData));
        assert_eq!(standing_now(2, &t), None);
        // Two estimates of one year are one date.
        let o = [
            obs("2022", 1.0, Status::Estimate),
            obs("2022", 2.0, Status::Estimate),
        ];
        let s = ProjectionInput {
            subject: flows(),
            observations: &o,
            targets: &t,
        };
        assert_eq!(standing(&s, d(2026, 11, 22)), Some(Standing::NotEnoughData));
    }

    /// Prepares, fits the recommendation and projects.
    fn run(s: &ProjectionInput<'_>, options: &ProjectionOptions) -> (Prepared, Projection) {
        let prepared = prepare(s).unwrap();
        let chosen = fit(&prepared, &MethodChoice::Recommended).unwrap();
        let p = project(s, &prepared, &chosen, options).unwrap();
        (prepared, p)
    }

    #[test]
    fn the_projection_is_the_cores_fit_forecast_and_analysis() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = ProjectionInput {
            subject: flows(),
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let (prepared, p) = run(&s, &ProjectionOptions::base(today));
        // The two estimates of 2022 are one point: four in all.
        assert_eq!(prepared.points.len(), 4);
        assert_eq!(prepared.basis, Basis::DailyRate);
        // Four points: the core's rule recommends a straight line.
        assert_eq!(p.method, Method::Linear);
        assert!(p.options[0].recommended && p.options.iter().skip(1).all(|o| !o.recommended));
        assert!(matches!(p.reason, Reason::FewPoints { n: 4, .. }));

        // The same line fitted directly by the core.
        let series = Series::new(&prepared.points, flows()).unwrap();
        let line = Model::Linear(LinearTrend::new()).fit(&series).unwrap();
        assert_eq!(p.model, line);
        let horizon = d(2026, 12, 31);
        assert_eq!(p.horizon, horizon);
        let last = p.base.last().unwrap();
        assert_eq!(last.date, horizon);
        let direct = line.predict(horizon).unwrap();
        assert!(close(
            last.point,
            direct.point_within(Bounds::NON_NEGATIVE) * 365.0
        ));
        let (lo, hi) = direct.interval(LEVEL, Bounds::NON_NEGATIVE).unwrap();
        assert!(close(last.lo.unwrap(), lo.unwrap() * 365.0));
        assert!(close(last.hi.unwrap(), hi.unwrap() * 365.0));
        // Monthly steps from the last figure (14/2/2023).
        assert_eq!(p.base[0].date, d(2023, 3, 14));
        assert_eq!(p.base.len(), 47);
        // Fitted values at the points, as yearly totals.
        let mut direct_fitted = [0.0; 4];
        line.fitted_into(&series, &mut direct_fitted).unwrap();
        for ((date, v), (pt, f)) in p
            .fitted
            .iter()
            .zip(prepared.points.iter().zip(direct_fitted))
        {
            assert_eq!(*date, pt.date);
            assert!(close(*v, f * Basis::DailyRate.factor(pt.date)));
        }

        // Every staged target assessed as the core analyses it.
        assert_eq!(p.targets.len(), 2);
        for (row, target) in p.targets.iter().zip(&t) {
            same(
                &row.base,
                line.analyse(target, &settings(today, &prepared.points, target)),
            );
            assert!(row.scenario.is_none());
        }
        // Every deadline has passed: the last target is the one shown.
        let standing = p.standing.unwrap();
        assert_eq!((standing.index, standing.passed), (1, true));
        assert_eq!(
            standing.standing,
            p.targets[1].base.as_ref().unwrap().standing
        );
        assert_eq!(super::standing(&s, today), Some(standing.standing));
    }

    #[test]
    fn a_scenario_moves_the_path_and_the_analysis_as_the_core_says() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = ProjectionInput {
            subject: flows(),
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: d(2023, 4, 1),
                rate: 3.0,
                per: dxcast_core::scenario::Per::Month,
            }),
            shock: Some(Shock {
                at: d(2025, 1, 1),
                size: -10.0,
            }),
            target: Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::AtLeast).unwrap()),
        };
        let faster = NamedScenario {
            name: "Nhanh".into(),
            scenario: Scenario {
                growth: Some(GrowthOverride {
                    from: d(2023, 4, 1),
                    rate: 5.0,
                    per: dxcast_core::scenario::Per::Month,
                }),
                ..Scenario::default()
            },
        };
        let options = ProjectionOptions {
            scenario,
            horizon: Some(d(2027, 12, 31)),
            compared: vec![faster.clone()],
            ..ProjectionOptions::base(today)
        };
        let (prepared, p) = run(&s, &options);
        assert_eq!(p.horizon, d(2027, 12, 31));
        let series = Series::new(&prepared.points, flows()).unwrap();
        let line = Model::Linear(LinearTrend::new()).fit(&series).unwrap();
        let w = WhatIf::new(line, scenario).unwrap();
        // The what-if path is the core's what-if, as yearly totals.
        let path = p.what_if.clone().unwrap().unwrap();
        let end = path.last().unwrap();
        assert!(close(
            end.point,
            w.predict(end.date).unwrap().point() * 365.0
        ));
        // By hand: the rate on 1/4/2023 grows 3 % a month to 31/12/2027, then −10 %.
        let y0 = line.predict(d(2023, 4, 1)).unwrap().point();
        let months = f64::from(d(2023, 4, 1).days_until(end.date)) / 30.436875;
        assert!(close(end.point, y0 * 1.03f64.powf(months) * 0.9 * 365.0));
        // The scenario's target is a row of its own; every row has both
        // analyses, each of its own target (the what-if's own target does
        // not replace a staged one).
        assert_eq!(p.targets.len(), 3);
        assert_eq!(p.targets[2].origin, TargetOrigin::Scenario);
        for row in &p.targets {
            let st = settings(today, &prepared.points, &row.target);
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
        same(
            &c.staged[1],
            analyse(&wf, &t[1], &settings(today, &prepared.points, &t[1])),
        );
        assert!(c.own.is_none());
        let fast_end = c.path.as_ref().unwrap().last().unwrap().point;
        assert!(fast_end > end.point);
    }

    #[test]
    fn a_line_through_two_points_has_no_known_spread() {
        // Dossiers processed online: 43 % (30/9/2022), 52,8 % estimated (31/12/2022).
        let o = [
            obs("2022-09-30", 43.0, Status::Observed),
            obs("2022-12-31", 52.8, Status::Estimate),
        ];
        let share = Subject::of_kind(MeasureKind::Share, Unit::Percent);
        let t = [Target::new(50.0, d(2022, 12, 31), Comparison::AtLeast).unwrap()];
        let s = ProjectionInput {
            subject: share,
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let (prepared, p) = run(&s, &ProjectionOptions::base(today));
        assert!(matches!(
            prepared.choice.as_ref().unwrap().reason,
            Reason::OnlyOne { n: 2 }
        ));
        assert!(!p.spread_known());
        assert!(p.base.iter().all(|b| b.lo.is_none() && b.hi.is_none()));
        // The deadline lies inside the data: 52,8 % then meets 50 %.
        let a = p.targets[0].base.as_ref().unwrap();
        assert_eq!(a.standing, Standing::Achieved);
        assert!(a.judged_by.is_some() && !a.spread_known);
        assert_eq!(standing(&s, today), Some(Standing::Achieved));
        // A share reaches at most 100.
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
        // +1 point a month from 1/1/2023 (by hand: the line's value then, plus months).
        let options = ProjectionOptions {
            scenario: Scenario {
                growth: Some(GrowthOverride {
                    from: d(2023, 1, 1),
                    rate: 1.0,
                    per: dxcast_core::scenario::Per::Month,
                }),
                ..Scenario::default()
            },
            ..ProjectionOptions::base(today)
        };
        let (_, p) = run(&s2, &options);
        let slope = 9.8 / 92.0;
        let y0 = 52.8 + slope;
        let at = d(2023, 5, 31);
        let months = f64::from(d(2023, 1, 1).days_until(at)) / 30.436875;
        let path = p.what_if.unwrap().unwrap();
        let may = path.iter().find(|q| q.date == at).unwrap();
        assert!((may.point - (y0 + months)).abs() < 1e-9);
    }

    #[test]
    fn a_method_the_user_picks_and_one_that_does_not_fit() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = ProjectionInput {
            subject: flows(),
            observations: &o,
            targets: &t,
        };
        let options = ProjectionOptions::base(d(2026, 11, 22));
        let prepared = prepare(&s).unwrap();
        let with = |m: MethodChoice| {
            let chosen = fit(&prepared, &m).unwrap();
            project(&s, &prepared, &chosen, &options).unwrap()
        };
        let p = with(MethodChoice::method(Method::LogLinear));
        assert_eq!(p.method, Method::LogLinear);
        assert_eq!(p.requested_unavailable, None);
        // Damped Holt needs six points: the recommendation is used instead.
        let damped = MethodChoice::method(Method::DampedHolt);
        let p = with(damped);
        assert_eq!(p.method, Method::Linear);
        assert_eq!(
            p.requested_unavailable,
            Some(ModelSpec::new(Method::DampedHolt))
        );
        // Holt with given smoothing parameters fits four points.
        let given = ModelSpec::parse("holt;alpha=0.5;beta=0.1").unwrap();
        let p = with(MethodChoice::Use(given));
        assert_eq!((p.method, p.model.spec()), (Method::Holt, given));
        // Settings the core refuses fall back too.
        let refused = ModelSpec::parse("holt;alpha=0.5;beta=2").unwrap();
        assert_eq!(
            with(MethodChoice::Use(refused)).requested_unavailable,
            Some(refused)
        );
        // A horizon before the last figure falls back to the default.
        let chosen = fit(&prepared, &MethodChoice::Recommended).unwrap();
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
        let o = ndxp();
        let t = ndxp_targets();
        let s = ProjectionInput {
            subject: flows(),
            observations: &o,
            targets: &t,
        };
        let (_, p) = run(&s, &ProjectionOptions::base(d(2026, 11, 22)));
        let a = p.targets[0].base.as_ref().unwrap();
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
        assert!(p.explain_choice().is_some() && p.explain_fit().is_some());
        for m in Metric::ALL {
            assert!(a.explain(m).is_some(), "{m:?}");
        }
    }

    #[test]
    fn default_horizons_and_path_dates() {
        let t = ndxp_targets();
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
    }

    #[test]
    fn the_shown_target_is_the_next_or_the_last() {
        let t = ndxp_targets();
        let next = shown_target(&t, d(2023, 6, 1)).unwrap();
        assert_eq!((next.index, next.passed), (0, false));
        let last = shown_target(&t, d(2026, 11, 22)).unwrap();
        assert_eq!((last.index, last.passed), (1, true));
        assert_eq!(shown_target(&[], d(2026, 11, 22)), None);
    }
}
