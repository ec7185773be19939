//! Projections: an indicator's figures through the core's pipeline, ready
//! for the chart, the method chooser, the target analytics and the what-if
//! panel. Every number comes from the core; this module only orchestrates:
//!
//! 1. [`prepare`]: the projectable series ([`points_into`]: totals become
//!    daily rates at their period's middle; the observed figure wins over an
//!    estimate for one date) and the ranked methods ([`choose`]);
//! 2. [`project`]: the chosen method fitted ([`dxcast_core::Model::fit`]),
//!    its fitted values, the path from the last figure to the horizon with
//!    its prediction band ([`forecast_into`]), a [`TargetAnalysis`] of every
//!    staged target ([`analyse`]), and the same under the what-if
//!    [`Scenario`] ([`WhatIf`]) and under each compared scenario.
//!
//! **Totals** (flows and year-to-date figures) are projected as daily rates
//! and shown as **annualised yearly totals**: the rate times the days of the
//! year it falls in ([`factor`]). A month, a quarter and a year are then on
//! one scale, the scale of the yearly targets, which the core's analytics
//! use too (a projected rate times the days of the target's year).

use dxcast_core::analytics::{
    analyse, Context, Quantity, TargetAnalysis, TargetStatus as CoreStatus,
};
use dxcast_core::basis::{anchor_date, basis_value, points_into, Basis, MAX_POINTS};
use dxcast_core::choice::{choose, Choice, Reason};
use dxcast_core::date::days_in_year;
use dxcast_core::forecast::{forecast_into, ForecastPoint, Horizon};
use dxcast_core::scenario::{Scenario, WhatIf};
use dxcast_core::{
    Bounds, Date, Error, Explanation, MeasureKind, Method as CoreMethod, Observation, Point,
    Predictor, Series, Symbol, Target, Unit,
};

use crate::chart::Overlay;
use crate::dashboard::shown_target;
use crate::format::Measure;

/// The confidence level of prediction intervals and bands.
pub const LEVEL: f64 = 0.95;
/// The fewest points on distinct dates a trend needs.
pub const MIN_POINTS: usize = 2;
/// The most points a projection path has (longer horizons take longer steps).
pub const MAX_PATH: usize = 240;
/// How far past the last figure a horizon may lie, in years.
pub const MAX_HORIZON_YEARS: i32 = 50;

/// An indicator's standing against its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetStatus {
    /// The target is met.
    Achieved,
    /// The projection meets the target by its deadline.
    OnTrack,
    /// The projection falls short, but not by much: growth must speed up.
    NeedsAcceleration,
    /// The projection falls far short.
    OffTrack,
    /// The reports set no target.
    NoTarget,
    /// Too few figures to project.
    NotEnoughData,
}

impl TargetStatus {
    /// Every status, in the order the filter lists them.
    pub const ALL: [TargetStatus; 6] = [
        TargetStatus::Achieved,
        TargetStatus::OnTrack,
        TargetStatus::NeedsAcceleration,
        TargetStatus::OffTrack,
        TargetStatus::NoTarget,
        TargetStatus::NotEnoughData,
    ];

    /// A stable code (for `data-status` and the filter's values); the
    /// analytics' statuses keep the core's codes.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "achieved",
            TargetStatus::OnTrack => "on_track",
            TargetStatus::NeedsAcceleration => "needs_acceleration",
            TargetStatus::OffTrack => "off_track",
            TargetStatus::NoTarget => "no_target",
            TargetStatus::NotEnoughData => "not_enough_data",
        }
    }

    /// The status with code `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<TargetStatus> {
        TargetStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl From<CoreStatus> for TargetStatus {
    fn from(s: CoreStatus) -> TargetStatus {
        match s {
            CoreStatus::Achieved => TargetStatus::Achieved,
            CoreStatus::OnTrack => TargetStatus::OnTrack,
            CoreStatus::NeedsAcceleration => TargetStatus::NeedsAcceleration,
            CoreStatus::OffTrack => TargetStatus::OffTrack,
        }
    }
}

/// Which method projects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Method {
    /// The core's recommendation ([`choose`]).
    #[default]
    Recommended,
    /// A method the user picked from the ranked ones.
    Use(CoreMethod),
}

/// What is projected: an indicator's kind, unit, bounds, figures and targets.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The measure kind (totals are projected as daily rates).
    pub kind: MeasureKind,
    /// The unit (percentages grow in points, everything else compounds).
    pub unit: Unit,
    /// The bounds.
    pub bounds: Bounds,
    /// The figures, oldest report first: of two figures for one date of the
    /// same status, the later report's wins.
    pub observations: &'a [Observation],
    /// The staged targets.
    pub targets: &'a [Target],
}

/// A named what-if scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Its name.
    pub name: String,
    /// What it changes.
    pub scenario: Scenario,
}

/// How to project.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Today: deadlines before it have passed.
    pub today: Date,
    /// The method.
    pub method: Method,
    /// The what-if scenario (the default changes nothing).
    pub scenario: Scenario,
    /// The end of the path; `None` for [`default_horizon`].
    pub horizon: Option<Date>,
    /// Saved scenarios shown alongside.
    pub compared: Vec<Named>,
}

impl Settings {
    /// The recommended method, no scenario, the default horizon.
    #[must_use]
    pub fn base(today: Date) -> Settings {
        Settings {
            today,
            method: Method::Recommended,
            scenario: Scenario::default(),
            horizon: None,
            compared: Vec::new(),
        }
    }
}

/// The days of the year `date` falls in.
#[must_use]
pub fn year_days(date: Date) -> f64 {
    f64::from(days_in_year(date.year()))
}

/// What a value on `basis` at `date` is multiplied by to be shown: the days
/// of its year for daily rates (an annualised yearly total), 1 otherwise.
#[must_use]
pub fn factor(basis: Basis, date: Date) -> f64 {
    match basis {
        Basis::DailyRate => year_days(date),
        Basis::Level => 1.0,
    }
}

/// Whether an indicator of `kind` is shown as annualised yearly totals.
#[must_use]
pub fn annualised(kind: MeasureKind) -> bool {
    Basis::for_kind(kind) == Basis::DailyRate
}

/// A figure as the chart and the analytics show it: totals as the yearly
/// total at their daily rate ([`basis_value`] times the days of the year of
/// their [`anchor_date`]); everything else as it is.
#[must_use]
pub fn shown_value(kind: MeasureKind, o: &Observation) -> f64 {
    let basis = Basis::for_kind(kind);
    basis_value(kind, o) * factor(basis, anchor_date(kind, o.period))
}

/// The projectable series and the ranked methods.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// Daily rates for totals, levels otherwise.
    pub basis: Basis,
    /// One point per date, in date order.
    pub points: Vec<Point>,
    /// The methods that fit, best first, or why none does.
    pub choice: Result<Choice, Error>,
}

/// The series of `subject` and the core's ranking of the methods.
///
/// # Errors
///
/// The errors of [`points_into`] (a value that is not finite, too many figures).
pub fn prepare(subject: &Subject<'_>) -> Result<Prepared, Error> {
    let mut buf = vec![Point::new(Date::EPOCH, 0.0); MAX_POINTS];
    let n = points_into(subject.kind, subject.observations, &mut buf)?;
    buf.truncate(n);
    let choice =
        Series::new(&buf, subject.bounds).and_then(|s| choose(&s, subject.kind, subject.unit));
    Ok(Prepared {
        basis: Basis::for_kind(subject.kind),
        points: buf,
        choice,
    })
}

/// The status known before any projection: no target, or fewer than
/// [`MIN_POINTS`] figures on distinct dates. `None`: the analytics decide.
#[must_use]
pub fn status_now(points: usize, targets: &[Target]) -> Option<TargetStatus> {
    if targets.is_empty() {
        Some(TargetStatus::NoTarget)
    } else if points < MIN_POINTS {
        Some(TargetStatus::NotEnoughData)
    } else {
        None
    }
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

/// A method the user can choose, in the core's order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MethodOption {
    /// The method.
    pub method: CoreMethod,
    /// Its one-step-ahead MAPE in percent, when methods were compared that way.
    pub score: Option<f64>,
    /// Whether the core recommends it (the first).
    pub recommended: bool,
}

/// One date of a projection path, as shown (annualised for totals).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathPoint {
    /// The date.
    pub date: Date,
    /// The point forecast.
    pub point: f64,
    /// The band's low end at [`LEVEL`] (NaN when the spread is unknown).
    pub lo: f64,
    /// The band's high end (NaN when the spread is unknown).
    pub hi: f64,
}

impl PathPoint {
    /// Whether the band is known here (a line through exactly two points
    /// has no known spread).
    #[must_use]
    pub fn spread_known(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
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

/// One target analysed under the base projection and under the scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    /// The target.
    pub target: Target,
    /// A staged target or the scenario's.
    pub origin: TargetOrigin,
    /// The analysis under the fitted method.
    pub base: Result<TargetAnalysis, Error>,
    /// The analysis under the what-if, when the scenario moves the path.
    pub scenario: Option<Result<TargetAnalysis, Error>>,
}

/// A compared scenario's path and analyses.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedView {
    /// The scenario.
    pub named: Named,
    /// Its path (points only are drawn).
    pub path: Result<Vec<PathPoint>, Error>,
    /// Its analysis of each staged target, in their order.
    pub staged: Vec<Result<TargetAnalysis, Error>>,
    /// Its analysis of its own changed target, if it has one.
    pub own: Option<Result<TargetAnalysis, Error>>,
}

/// The standing shown for an indicator: the analysis of its next target, or
/// of its last one when every deadline has passed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// The status.
    pub status: TargetStatus,
    /// Which staged target it is about.
    pub index: usize,
    /// Whether the deadline has passed.
    pub passed: bool,
}

/// An indicator's projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Daily rates (shown annualised) or levels.
    pub basis: Basis,
    /// The methods that fit, best first.
    pub options: Vec<MethodOption>,
    /// Why the first is recommended.
    pub reason: Reason,
    /// The reason as an explanation.
    pub choice_explanation: Option<Explanation>,
    /// The method used.
    pub method: CoreMethod,
    /// A method was asked for that does not fit this series: the
    /// recommended one is used instead.
    pub requested_unavailable: Option<CoreMethod>,
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
    /// The staged targets, then the scenario's own, analysed.
    pub targets: Vec<TargetRow>,
    /// The compared scenarios.
    pub compared: Vec<ComparedView>,
    /// The standing against the shown target, under the base projection.
    pub standing: Option<Standing>,
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

    /// What the chart draws over the figures, on its axis of day numbers.
    #[must_use]
    pub fn overlay(&self) -> Overlay {
        let day = |d: Date| f64::from(d.day_number());
        let fitted: Vec<(f64, f64)> = self.fitted.iter().map(|(d, v)| (day(*d), *v)).collect();
        // The dashed line starts where the fitted trend ends.
        let start = fitted.last().copied();
        let line = |path: &[PathPoint]| -> Vec<(f64, f64)> {
            start
                .into_iter()
                .chain(path.iter().map(|p| (day(p.date), p.point)))
                .collect()
        };
        let band = self
            .base
            .iter()
            .filter(|p| p.spread_known())
            .map(|p| (day(p.date), p.lo, p.hi))
            .collect();
        Overlay {
            projected: line(&self.base),
            band,
            what_if: match &self.what_if {
                Some(Ok(path)) => line(path),
                _ => Vec::new(),
            },
            compared: self
                .compared
                .iter()
                .map(|c| c.path.as_deref().map(line).unwrap_or_default())
                .collect(),
            fitted,
        }
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
fn path(
    predictor: &dyn Predictor,
    dates: &[Date],
    bounds: Bounds,
    basis: Basis,
) -> Result<Vec<PathPoint>, Error> {
    let mut out = vec![ForecastPoint::default(); dates.len()];
    let n = forecast_into(predictor, Horizon::Dates(dates), LEVEL, bounds, &mut out)?;
    Ok(out
        .iter()
        .take(n)
        .map(|f| {
            let k = factor(basis, f.date);
            let known = f.prediction.se().is_finite();
            PathPoint {
                date: f.date,
                point: f.point * k,
                lo: if known { f.lo * k } else { f64::NAN },
                hi: if known { f.hi * k } else { f64::NAN },
            }
        })
        .collect())
}

/// Whether the scenario moves the path (a changed target alone does not).
#[must_use]
pub fn moves_path(s: &Scenario) -> bool {
    s.growth.is_some() || s.shock.is_some()
}

/// Projects `subject` (prepared by [`prepare`]) with `settings`.
///
/// # Errors
///
/// - [`Error::TooFewPoints`] (and the core's other errors) when no method fits;
/// - the fitted method's and the forecast's errors (the base path must be
///   computable; a failing target or scenario is reported in its row).
pub fn project(
    subject: &Subject<'_>,
    prepared: &Prepared,
    settings: &Settings,
) -> Result<Projection, Error> {
    let choice = prepared.choice.as_ref().map_err(|e| *e)?;
    let best = choice.best().ok_or(Error::Empty { what: "methods" })?;
    let (ranked, requested_unavailable) = match settings.method {
        Method::Recommended => (best, None),
        Method::Use(m) => match choice.ranked.iter().find(|r| r.method() == m) {
            Some(r) => (r, None),
            None => (best, Some(m)),
        },
    };
    let series = Series::new(&prepared.points, subject.bounds)?;
    let fit = ranked.model.fit(&series)?;
    let basis = prepared.basis;
    let shown = |p: &Point| Point::new(p.date, p.value * factor(basis, p.date));

    let mut fitted_values = vec![0.0; prepared.points.len()];
    let n = fit.fitted_into(&mut fitted_values)?;
    let fitted = prepared
        .points
        .iter()
        .zip(fitted_values.iter().take(n))
        .filter(|(_, v)| v.is_finite())
        .map(|(p, v)| (p.date, v * factor(basis, p.date)))
        .collect();

    let latest = series.last();
    let horizon = settings
        .horizon
        .filter(|h| {
            *h > latest.date && h.year() <= latest.date.year().saturating_add(MAX_HORIZON_YEARS)
        })
        .unwrap_or_else(|| default_horizon(latest.date, subject.targets, settings.today));
    let dates = path_dates(latest.date, horizon);
    let base = path(&fit, &dates, subject.bounds, basis)?;

    let ctx = Context {
        kind: subject.kind,
        unit: subject.unit,
        bounds: subject.bounds,
        today: settings.today,
        level: LEVEL,
    };
    let what_if = WhatIf::new(&fit, settings.scenario, subject.unit, subject.bounds);
    let moved = moves_path(&settings.scenario);
    let under_scenario = |t: &Target| -> Option<Result<TargetAnalysis, Error>> {
        moved.then(|| match &what_if {
            Ok(w) => analyse(w, t, &ctx),
            Err(e) => Err(*e),
        })
    };
    let mut targets: Vec<TargetRow> = subject
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| TargetRow {
            target: *t,
            origin: TargetOrigin::Staged(i),
            base: analyse(&fit, t, &ctx),
            scenario: under_scenario(t),
        })
        .collect();
    if let Some(t) = settings.scenario.target {
        targets.push(TargetRow {
            target: t,
            origin: TargetOrigin::Scenario,
            base: analyse(&fit, &t, &ctx),
            scenario: under_scenario(&t),
        });
    }
    let what_if_path = moved.then(|| match &what_if {
        Ok(w) => path(w, &dates, subject.bounds, basis),
        Err(e) => Err(*e),
    });

    let compared = settings
        .compared
        .iter()
        .map(|named| {
            let w = WhatIf::new(&fit, named.scenario, subject.unit, subject.bounds);
            match w {
                Ok(w) => ComparedView {
                    named: named.clone(),
                    path: path(&w, &dates, subject.bounds, basis),
                    staged: subject
                        .targets
                        .iter()
                        .map(|t| analyse(&w, t, &ctx))
                        .collect(),
                    own: named.scenario.target.map(|t| analyse(&w, &t, &ctx)),
                },
                Err(e) => ComparedView {
                    named: named.clone(),
                    path: Err(e),
                    staged: subject.targets.iter().map(|_| Err(e)).collect(),
                    own: named.scenario.target.map(|_| Err(e)),
                },
            }
        })
        .collect();

    let standing = shown_target(subject.targets, settings.today).and_then(|st| {
        let index = subject.targets.iter().position(|t| *t == st.target)?;
        let a = targets.get(index)?.base.as_ref().ok()?;
        Some(Standing {
            status: a.status.into(),
            index,
            passed: st.passed,
        })
    });

    Ok(Projection {
        basis,
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
        method: fit.method(),
        requested_unavailable,
        fit_explanation: fit.explain().ok(),
        points: prepared.points.iter().map(shown).collect(),
        fitted,
        base,
        what_if: what_if_path,
        horizon,
        targets,
        compared,
        standing,
    })
}

/// An indicator's status: the one known without a projection, else the
/// analytics' for its shown target (recommended method, no scenario);
/// `None` when the projection cannot be made.
#[must_use]
pub fn status(subject: &Subject<'_>, today: Date) -> Option<TargetStatus> {
    if subject.targets.is_empty() {
        return Some(TargetStatus::NoTarget);
    }
    let prepared = prepare(subject).ok()?;
    if let Some(s) = status_now(prepared.points.len(), subject.targets) {
        return Some(s);
    }
    project(subject, &prepared, &Settings::base(today))
        .ok()
        .and_then(|p| p.standing)
        .map(|s| s.status)
}

/// An explanation ready to show: the core's, with how to write each term
/// and the result.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The core's explanation.
    pub explanation: Explanation,
    /// How each term is written.
    pub measures: Vec<Measure>,
    /// How the result is written.
    pub result: Measure,
}

/// Percentages grow in points, other values in percent.
fn growth_measure(unit: Unit) -> Measure {
    if unit == Unit::Percent {
        Measure::PointsPerYear
    } else {
        Measure::Unit(Unit::Percent)
    }
}

/// A value in the indicator's unit on the projection's basis: a daily rate
/// for totals.
fn basis_measure(unit: Unit, basis: Basis) -> Measure {
    match basis {
        Basis::DailyRate => Measure::PerDay(unit),
        Basis::Level => Measure::Unit(unit),
    }
}

/// How `quantity` of `a` was computed, with how to write its terms.
#[must_use]
pub fn explain(
    a: &TargetAnalysis,
    quantity: Quantity,
    unit: Unit,
    bounds: Bounds,
    basis: Basis,
) -> Option<Explained> {
    let explanation = a.explain(quantity, unit, bounds).ok()?;
    let measures = explanation
        .terms
        .iter()
        .map(|term| match (quantity, term.symbol) {
            (_, Symbol::Probability | Symbol::Level95) => Measure::Fraction,
            (Quantity::Projected, Symbol::Projected | Symbol::Low | Symbol::High) => {
                basis_measure(unit, basis)
            }
            (Quantity::Status, Symbol::Target | Symbol::Growth) => growth_measure(unit),
            (Quantity::Required, Symbol::Growth) => Measure::Unit(Unit::Percent),
            _ => term.unit.map_or(Measure::Plain, Measure::Unit),
        })
        .collect();
    let result = match quantity {
        Quantity::Projected => Measure::Unit(unit),
        Quantity::Attainment => Measure::Unit(Unit::Percent),
        Quantity::Gap if unit == Unit::Percent => Measure::Points,
        Quantity::Gap => Measure::Unit(unit),
        Quantity::Required => growth_measure(unit),
        Quantity::Probability => Measure::Fraction,
        Quantity::ReachDate | Quantity::Status => Measure::Plain,
    };
    Some(Explained {
        explanation,
        measures,
        result,
    })
}

/// The method choice explained: the one-step error (MAPE in percent, the
/// number of held-out figures, the runner-up's MAPE) or the rule's method
/// with the number of figures.
#[must_use]
pub fn explain_choice(p: &Projection) -> Option<Explained> {
    let explanation = p.choice_explanation.clone()?;
    let one_step = matches!(p.reason, Reason::LowestOneStepError { .. });
    let measures = explanation
        .terms
        .iter()
        .map(|t| match t.symbol {
            Symbol::Score | Symbol::B if one_step => Measure::Unit(Unit::Percent),
            _ => Measure::Plain,
        })
        .collect();
    Some(Explained {
        explanation,
        measures,
        result: if one_step {
            Measure::Unit(Unit::Percent)
        } else {
            Measure::Plain
        },
    })
}

/// The fitted method's formula and parameters (on the projection's basis:
/// daily rates for totals).
#[must_use]
pub fn explain_fit(p: &Projection) -> Option<Explained> {
    let explanation = p.fit_explanation.clone()?;
    let n = explanation.terms.len();
    Some(Explained {
        explanation,
        measures: vec![Measure::Plain; n],
        result: Measure::Plain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::scenario::{GrowthOverride, Shock};
    use dxcast_core::{Comparison, LinearTrend, Period, Qualifier, Status};

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

    #[test]
    fn totals_are_shown_as_annualised_yearly_totals() {
        let sep = obs("2022-09", 58_397_139.0, Status::Observed);
        assert!(close(
            shown_value(MeasureKind::Flow, &sep),
            58_397_139.0 / 30.0 * 365.0
        ));
        let q1 = obs("2023-Q1", 111e6, Status::Observed);
        assert!(close(
            shown_value(MeasureKind::Flow, &q1),
            111e6 / 90.0 * 365.0
        ));
        // A year's total is itself.
        let y = obs("2022", 860e6, Status::Estimate);
        assert!(close(shown_value(MeasureKind::Flow, &y), 860e6));
        // In a leap year, 366 days: 2024's first quarter (91 days).
        let q = obs("2024-Q1", 91.0, Status::Observed);
        assert!(close(shown_value(MeasureKind::Flow, &q), 366.0));
        // Year to date: 806 million over 342 days, times 365.
        let ytd = obs("2022-01-01/2022-12-08", 806e6, Status::Observed);
        assert!(close(
            shown_value(MeasureKind::YearToDate, &ytd),
            806e6 / 342.0 * 365.0
        ));
        // Levels are as they are.
        let share = obs("2022-09-30", 43.0, Status::Observed);
        assert_eq!(shown_value(MeasureKind::Share, &share), 43.0);
        assert!(annualised(MeasureKind::Flow) && !annualised(MeasureKind::Stock));
        assert_eq!(factor(Basis::DailyRate, d(2024, 7, 1)), 366.0);
        assert_eq!(factor(Basis::Level, d(2024, 7, 1)), 1.0);
    }

    #[test]
    fn statuses_known_without_a_projection() {
        let t = ndxp_targets();
        assert_eq!(status_now(5, &[]), Some(TargetStatus::NoTarget));
        assert_eq!(status_now(1, &t), Some(TargetStatus::NotEnoughData));
        assert_eq!(status_now(2, &t), None);
        for s in TargetStatus::ALL {
            assert_eq!(TargetStatus::from_code(s.code()), Some(s));
        }
        for s in [
            CoreStatus::Achieved,
            CoreStatus::OnTrack,
            CoreStatus::NeedsAcceleration,
            CoreStatus::OffTrack,
        ] {
            assert_eq!(TargetStatus::from(s).code(), s.code());
        }
        // Two estimates of one year are one date.
        let o = [
            obs("2022", 1.0, Status::Estimate),
            obs("2022", 2.0, Status::Estimate),
        ];
        let s = Subject {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            observations: &o,
            targets: &t,
        };
        assert_eq!(
            status(&s, d(2026, 11, 22)),
            Some(TargetStatus::NotEnoughData)
        );
    }

    #[test]
    fn the_projection_is_the_cores_fit_forecast_and_analysis() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = Subject {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let prepared = prepare(&s).unwrap();
        // The two estimates of 2022 are one point: four in all.
        assert_eq!(prepared.points.len(), 4);
        assert_eq!(prepared.basis, Basis::DailyRate);
        let p = project(&s, &prepared, &Settings::base(today)).unwrap();
        // Four points: the core's rule recommends a straight line.
        assert_eq!(p.method, CoreMethod::Linear);
        assert!(p.options[0].recommended && p.options.iter().skip(1).all(|o| !o.recommended));
        assert!(matches!(p.reason, Reason::FewPoints { n: 4, .. }));

        // The same line fitted directly by the core.
        let series = Series::new(&prepared.points, Bounds::NON_NEGATIVE).unwrap();
        let fit: dxcast_core::Fit = LinearTrend::new().fit(&series).unwrap().into();
        let horizon = d(2026, 12, 31);
        assert_eq!(p.horizon, horizon);
        let last = p.base.last().unwrap();
        assert_eq!(last.date, horizon);
        let direct = fit.predict(horizon).unwrap();
        assert!(close(
            last.point,
            direct.point_within(Bounds::NON_NEGATIVE) * 365.0
        ));
        let (lo, hi) = direct.interval(LEVEL, Bounds::NON_NEGATIVE).unwrap();
        assert!(close(last.lo, lo * 365.0) && close(last.hi, hi * 365.0));
        // Monthly steps from the last figure (14/2/2023).
        assert_eq!(p.base[0].date, d(2023, 3, 14));
        assert_eq!(p.base.len(), 47);
        // Fitted values at the points, annualised.
        let mut direct_fitted = [0.0; 4];
        fit.fitted_into(&mut direct_fitted).unwrap();
        for ((date, v), (pt, f)) in p
            .fitted
            .iter()
            .zip(prepared.points.iter().zip(direct_fitted))
        {
            assert_eq!(*date, pt.date);
            assert!(close(*v, f * year_days(pt.date)));
        }

        // Every staged target analysed as the core analyses it.
        let ctx = Context {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            today,
            level: LEVEL,
        };
        assert_eq!(p.targets.len(), 2);
        for (row, target) in p.targets.iter().zip(&t) {
            assert_eq!(row.base, analyse(&fit, target, &ctx));
            assert!(row.scenario.is_none());
        }
        // Every deadline has passed: the last target is the one shown.
        let standing = p.standing.unwrap();
        assert_eq!((standing.index, standing.passed), (1, true));
        assert_eq!(
            standing.status,
            TargetStatus::from(p.targets[1].base.as_ref().unwrap().status)
        );
        assert_eq!(status(&s, today), Some(standing.status));

        // The overlay starts the dashed line where the fitted one ends.
        let overlay = p.overlay();
        assert_eq!(overlay.fitted.len(), 4);
        assert_eq!(overlay.projected.first(), overlay.fitted.last());
        assert_eq!(overlay.projected.len(), 48);
        assert_eq!(overlay.band.len(), 47);
        assert!(overlay.what_if.is_empty() && overlay.compared.is_empty());
    }

    #[test]
    fn a_scenario_moves_the_path_and_the_analysis_as_the_core_says() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = Subject {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let prepared = prepare(&s).unwrap();
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: d(2023, 4, 1),
                rate: 3.0,
            }),
            shock: Some(Shock {
                at: d(2025, 1, 1),
                size: -10.0,
            }),
            target: Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::AtLeast).unwrap()),
        };
        let faster = Named {
            name: "Nhanh".into(),
            scenario: Scenario {
                growth: Some(GrowthOverride {
                    from: d(2023, 4, 1),
                    rate: 5.0,
                }),
                ..Scenario::default()
            },
        };
        let settings = Settings {
            scenario,
            horizon: Some(d(2027, 12, 31)),
            compared: vec![faster.clone()],
            ..Settings::base(today)
        };
        let p = project(&s, &prepared, &settings).unwrap();
        assert_eq!(p.horizon, d(2027, 12, 31));
        let series = Series::new(&prepared.points, Bounds::NON_NEGATIVE).unwrap();
        let fit: dxcast_core::Fit = LinearTrend::new().fit(&series).unwrap().into();
        let w = WhatIf::new(&fit, scenario, Unit::Count, Bounds::NON_NEGATIVE).unwrap();
        // The what-if path is the core's what-if, annualised.
        let path = p.what_if.clone().unwrap().unwrap();
        let end = path.last().unwrap();
        assert!(close(
            end.point,
            w.predict(end.date).unwrap().point() * 365.0
        ));
        // By hand: the rate on 1/4/2023 grows 3 % a month to 31/12/2027, then −10 %.
        let y0 = fit.predict(d(2023, 4, 1)).unwrap().point();
        let months = f64::from(d(2023, 4, 1).days_until(end.date)) / 30.436875;
        assert!(close(end.point, y0 * 1.03f64.powf(months) * 0.9 * 365.0));
        // The scenario's target is a row of its own; every row has both analyses.
        assert_eq!(p.targets.len(), 3);
        assert_eq!(p.targets[2].origin, TargetOrigin::Scenario);
        let ctx = Context {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            today,
            level: LEVEL,
        };
        for row in &p.targets {
            assert_eq!(row.base, analyse(&fit, &row.target, &ctx));
            assert_eq!(row.scenario, Some(analyse(&w, &row.target, &ctx)));
        }
        // The compared scenario: its path and its analyses.
        let c = &p.compared[0];
        assert_eq!(c.named, faster);
        let wf = WhatIf::new(&fit, faster.scenario, Unit::Count, Bounds::NON_NEGATIVE).unwrap();
        assert_eq!(c.staged[1], analyse(&wf, &t[1], &ctx));
        assert!(c.own.is_none());
        let overlay = p.overlay();
        assert_eq!(overlay.what_if.len(), overlay.projected.len());
        assert_eq!(overlay.compared.len(), 1);
        assert!(overlay.compared[0].last().unwrap().1 > overlay.what_if.last().unwrap().1);
    }

    #[test]
    fn a_line_through_two_points_has_no_known_spread() {
        // Dossiers processed online: 43 % (30/9/2022), 52,8 % estimated (31/12/2022).
        let o = [
            obs("2022-09-30", 43.0, Status::Observed),
            obs("2022-12-31", 52.8, Status::Estimate),
        ];
        let t = [Target::new(50.0, d(2022, 12, 31), Comparison::AtLeast).unwrap()];
        let s = Subject {
            kind: MeasureKind::Share,
            unit: Unit::Percent,
            bounds: Bounds::PERCENT,
            observations: &o,
            targets: &t,
        };
        let today = d(2026, 11, 22);
        let prepared = prepare(&s).unwrap();
        assert!(matches!(
            prepared.choice.as_ref().unwrap().reason,
            Reason::OnlyOne { n: 2 }
        ));
        let p = project(&s, &prepared, &Settings::base(today)).unwrap();
        assert!(!p.spread_known());
        assert!(p.base.iter().all(|b| b.lo.is_nan() && b.hi.is_nan()));
        assert!(p.overlay().band.is_empty());
        // The deadline lies inside the data: 52,8 % then meets 50 %.
        let a = p.targets[0].base.as_ref().unwrap();
        assert_eq!(a.status, CoreStatus::Achieved);
        assert_eq!(status(&s, today), Some(TargetStatus::Achieved));
        // A share reaches at most 100.
        assert!(p.base.iter().all(|b| b.point <= 100.0));
        // A target at 60 % by 2023: probability unknown with two points.
        let later = [Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap()];
        let s2 = Subject {
            targets: &later,
            ..s
        };
        let p = project(&s2, &prepared, &Settings::base(today)).unwrap();
        assert!(p.targets[0].base.as_ref().unwrap().probability.is_nan());
        // +1 point a month from 1/1/2023 (by hand: the line's value then, plus months).
        let settings = Settings {
            scenario: Scenario {
                growth: Some(GrowthOverride {
                    from: d(2023, 1, 1),
                    rate: 1.0,
                }),
                ..Scenario::default()
            },
            ..Settings::base(today)
        };
        let p = project(&s2, &prepared, &settings).unwrap();
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
        let s = Subject {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            observations: &o,
            targets: &t,
        };
        let prepared = prepare(&s).unwrap();
        let mut settings = Settings::base(d(2026, 11, 22));
        settings.method = Method::Use(CoreMethod::LogLinear);
        let p = project(&s, &prepared, &settings).unwrap();
        assert_eq!(p.method, CoreMethod::LogLinear);
        assert_eq!(p.requested_unavailable, None);
        // Damped Holt needs six points: the recommendation is used instead.
        settings.method = Method::Use(CoreMethod::DampedHolt);
        let p = project(&s, &prepared, &settings).unwrap();
        assert_eq!(p.method, CoreMethod::Linear);
        assert_eq!(p.requested_unavailable, Some(CoreMethod::DampedHolt));
        // A horizon before the last figure falls back to the default.
        settings.horizon = Some(d(2020, 1, 1));
        assert_eq!(
            project(&s, &prepared, &settings).unwrap().horizon,
            d(2026, 12, 31)
        );
    }

    #[test]
    fn explanations_say_how_to_write_their_terms() {
        let o = ndxp();
        let t = ndxp_targets();
        let s = Subject {
            kind: MeasureKind::Flow,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            observations: &o,
            targets: &t,
        };
        let prepared = prepare(&s).unwrap();
        let p = project(&s, &prepared, &Settings::base(d(2026, 11, 22))).unwrap();
        let a = p.targets[0].base.as_ref().unwrap();
        let e = explain(
            a,
            Quantity::Projected,
            Unit::Count,
            Bounds::NON_NEGATIVE,
            p.basis,
        )
        .unwrap();
        assert_eq!(e.result, Measure::Unit(Unit::Count));
        assert_eq!(e.measures.len(), e.explanation.terms.len());
        // The point on the basis is a daily rate; the days of the year follow.
        assert_eq!(e.measures[0], Measure::PerDay(Unit::Count));
        assert_eq!(e.explanation.term(Symbol::DaysInPeriod), Some(365.0));
        let e = explain(
            a,
            Quantity::Probability,
            Unit::Count,
            Bounds::NON_NEGATIVE,
            p.basis,
        )
        .unwrap();
        assert_eq!(e.result, Measure::Fraction);
        let e = explain(
            a,
            Quantity::Required,
            Unit::Count,
            Bounds::NON_NEGATIVE,
            p.basis,
        )
        .unwrap();
        assert_eq!(e.result, Measure::Unit(Unit::Percent));
        assert!(explain_choice(&p).is_some() && explain_fit(&p).is_some());
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
}
