//! Target analytics: where an indicator will be at a target's deadline, and
//! whether the target will be met.
//!
//! [`analyse`] takes a [`Predictor`] (a fitted method, or a what-if scenario
//! over one) and a [`Target`], and gives:
//!
//! - the projected value at the deadline with its prediction interval;
//! - attainment: the latest value as a percentage of the target;
//! - the gap still to cover;
//! - the growth needed to reach the target by the deadline: compound annual
//!   and daily rates, or percentage points a year for shares;
//! - the date the projection first meets the target;
//! - the probability that the value at the deadline meets it;
//! - a [`TargetStatus`].
//!
//! Totals (flows, year-to-date figures) are projected as daily rates (see
//! [`crate::basis`]); their latest value and projection are turned into
//! yearly totals (the rate times the days of the target's year) before they
//! are compared with the target.
//!
//! # The status
//!
//! [`crate::verdict`] decides the status from the facts of the analysis, in
//! one place: a figure that decides the target, a deadline passed without
//! one, too few points, a projection that reaches too far, and otherwise the
//! projection's own outlook. The date the target is reached is defined so
//! that it agrees with the projection at the deadline: on or before the
//! deadline exactly when the projection there meets the target.
//!
//! Every number in an analysis is finite: a quantity that cannot be computed
//! (the probability when the spread is unknown, attainment of a target of 0)
//! is `None`, and its explanation says why ([`crate::explain::Unknown`]). A
//! projection too large for a floating-point number is an error
//! ([`Error::Overflow`]), never a status.
//!
//! A target at the top of its scale (100 %) counts as met from the value that
//! rounds to it (99.5 %): the reports write "100 %", and no trend that
//! respects the cap reaches the cap itself.

use crate::basis::{evaluation, Basis, Evaluation};
use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol, Unknown};
use crate::forecast::Predictor;
use crate::indicator::{Bounds, Unit};
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Point, DAYS_PER_YEAR};
use crate::subject::Subject;
use crate::target::Target;
pub use crate::verdict::TargetStatus;
use crate::verdict::{
    decide, outlook, Evidence, Facts, Staleness, NEEDS_ACCELERATION, UNCERTAIN_HIGH, UNCERTAIN_LOW,
};

/// How far past the deadline [`analyse`] looks for the date the target is reached.
pub const REACH_SEARCH_YEARS: i32 = 30;

/// The settings of an analysis: today's date, the confidence level of
/// intervals, and the figure that judges a deadline inside the data.
/// The indicator's kind, unit and bounds come from the predictor.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Settings {
    /// Today: a deadline before it has passed ([`TargetAnalysis::deadline_passed`]).
    pub today: Date,
    /// The confidence level of prediction intervals, such as 0.95.
    pub level: f64,
    /// The figures that can decide the target without the projection
    /// ([`Evidence::of_levels`] for a series of levels,
    /// [`crate::quantity::evidence`] for totals). Left empty, a series of
    /// levels is judged by its latest point where that lies on or after the
    /// deadline.
    #[cfg_attr(feature = "serde", serde(default))]
    pub evidence: Evidence,
}

impl Settings {
    /// Settings for `today` at confidence `level`, without evidence.
    #[must_use]
    pub const fn new(today: Date, level: f64) -> Settings {
        Settings {
            today,
            level,
            evidence: Evidence {
                after: None,
                before: None,
            },
        }
    }
}

/// Growth rates, either needed or projected.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Growth {
    /// Compound annual growth in percent, when both ends are positive.
    pub cagr: Option<f64>,
    /// Compound daily growth in percent, when both ends are positive.
    pub daily: Option<f64>,
    /// Change in percentage points a year (for shares, in percent units).
    pub points_per_year: Option<f64>,
}

/// The analysis of one target.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TargetAnalysis {
    /// The target.
    pub target: Target,
    /// What the indicator measures.
    pub subject: Subject,
    /// Where the projection is evaluated, and the factor from basis to target terms.
    pub evaluation: Evaluation,
    /// The value the analysis counts as meeting the target (the target
    /// itself, or the value that rounds to it at the top of a scale).
    pub threshold: f64,
    /// The latest observation on the projection's basis.
    pub latest_point: Point,
    /// The latest value in the target's terms (a daily rate times the days of
    /// the target's year for totals).
    pub latest: f64,
    /// Years from the latest observation to the evaluation date.
    pub years: f64,
    /// Days from the latest observation to the evaluation date.
    pub days: i32,
    /// The prediction at the evaluation date, on the basis.
    pub prediction: Prediction,
    /// The projected value at the deadline, in the target's terms.
    pub projected: f64,
    /// The lower end of its prediction interval at the settings' level;
    /// `None` when unbounded (an unknown spread without a lower bound).
    pub low: Option<f64>,
    /// The upper end; `None` when unbounded.
    pub high: Option<f64>,
    /// The confidence level of the interval.
    pub level: f64,
    /// The value as a percentage of the target (the target as a percentage
    /// of the value for "at most" targets such as ranks), for the figure that
    /// decided the status ([`TargetAnalysis::judged_by`]) or else the latest
    /// value; `None` for a target of 0 (or a value of 0 for "at most").
    pub attainment: Option<f64>,
    /// The target minus the same value.
    pub gap: f64,
    /// The growth needed from the latest value to the target by the deadline.
    pub required: Growth,
    /// The growth the projection makes from the latest value to the deadline.
    pub projected_growth: Growth,
    /// Projected over required growth, when the target still requires growth.
    pub ratio: Option<f64>,
    /// The date the target is reached: the date of the figure that shows it
    /// achieved, when one does; otherwise, for a level, the first date from
    /// which the projection meets it through the deadline (or, when it does
    /// not meet it at the deadline, the first date after the deadline), and
    /// for a total, the first date its projected year-to-date total meets it
    /// (in the target's year, or the first later year whose projected total
    /// does); within [`REACH_SEARCH_YEARS`] after the deadline. Unless a
    /// figure decided, on or before the deadline exactly when
    /// [`TargetAnalysis::projected`] meets the target.
    pub reach_date: Option<Date>,
    /// The probability that the value at the deadline meets the target;
    /// `None` when the spread is unknown.
    pub probability: Option<f64>,
    /// The status ([`crate::verdict`]).
    pub status: TargetStatus,
    /// The figure that decided the status, in the target's terms, when a
    /// figure did ([`TargetStatus::Achieved`] or [`TargetStatus::Missed`]).
    pub judged_by: Option<Point>,
    /// Why the status is [`TargetStatus::Stale`], when it is.
    pub staleness: Option<Staleness>,
    /// The projection's own verdict ([`crate::verdict::outlook`]), shown
    /// beside a status that a figure, the data or the deadline decided.
    pub outlook: TargetStatus,
    /// Whether the deadline is before the settings' today.
    pub deadline_passed: bool,
    /// The facts the status was decided from.
    pub facts: Facts,
}

/// What an explanation of a [`TargetAnalysis`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Quantity {
    /// The projected value and its interval.
    Projected,
    /// Attainment.
    Attainment,
    /// The gap.
    Gap,
    /// The growth required.
    Required,
    /// The date the target is reached.
    ReachDate,
    /// The probability of meeting the target.
    Probability,
    /// The status.
    Status,
}

impl Quantity {
    /// Every quantity, in the order an analysis lists them.
    pub const ALL: [Quantity; 7] = [
        Quantity::Projected,
        Quantity::Attainment,
        Quantity::Gap,
        Quantity::Required,
        Quantity::ReachDate,
        Quantity::Probability,
        Quantity::Status,
    ];
}

fn growth(unit: Unit, from: f64, to: f64, years: f64, days: i32) -> Growth {
    let positive = from > 0.0 && to > 0.0 && years > 0.0;
    let finite = |v: f64| Some(v).filter(|v| v.is_finite());
    let cagr = positive
        .then(|| (libm::pow(to / from, 1.0 / years) - 1.0) * 100.0)
        .and_then(finite);
    let daily = (positive && days > 0)
        .then(|| (libm::pow(to / from, 1.0 / f64::from(days)) - 1.0) * 100.0)
        .and_then(finite);
    let points_per_year = (matches!(unit, Unit::Percent) && years > 0.0)
        .then(|| (to - from) / years)
        .and_then(finite);
    Growth {
        cagr,
        daily,
        points_per_year,
    }
}

/// The growth figure a status compares: points a year for percentages,
/// compound annual growth otherwise.
fn headline(unit: Unit, g: &Growth) -> Option<f64> {
    if matches!(unit, Unit::Percent) {
        g.points_per_year
    } else {
        g.cagr
    }
}

fn scale_prediction(p: &Prediction, factor: f64) -> Result<Prediction> {
    if factor == 1.0 {
        return Ok(*p);
    }
    let se = p.se().unwrap_or(f64::INFINITY);
    let df = p.df().unwrap_or(f64::INFINITY);
    match p.scale() {
        Scale::Identity => Prediction::new(p.location() * factor, se * factor, df, Scale::Identity),
        Scale::Log { lo: 0.0 } => {
            Prediction::new(p.location() + libm::log(factor), se, df, p.scale())
        }
        _ => Err(Error::InvalidArgument {
            name: Field::Factor,
            expected: Expected::DailyRatePrediction,
        }),
    }
}

/// Analyses `target` for the predictions of `predictor`, an indicator of
/// the predictor's subject.
///
/// # Examples
///
/// ```
/// use dxcast_core::analytics::{Settings, TargetStatus};
/// use dxcast_core::{Comparison, Date, LinearTrend, MeasureKind, Model, Point, Series, Subject, Target, Unit};
///
/// // Community digital technology teams (r000, r001, r003).
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 59_600.0),
///     Point::new(Date::from_ymd(2022, 11, 20)?, 68_933.0),
///     Point::new(Date::from_ymd(2023, 3, 31)?, 71_836.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count))?;
/// let fitted = Model::Linear(LinearTrend::new()).fit(&s)?;
/// let target = Target::new(80_000.0, Date::from_ymd(2023, 12, 31)?, Comparison::AtLeast)?;
/// let a = fitted.analyse(&target, &Settings::new(Date::from_ymd(2023, 4, 1)?, 0.95))?;
/// assert!((a.attainment.unwrap() - 100.0 * 71_836.0 / 80_000.0).abs() < 1e-9);
/// // The line through three points passes 80 000 before the deadline, but
/// // with one degree of freedom a miss is nearly as likely as a hit.
/// assert!(a.projected > 80_000.0);
/// assert!(a.reach_date.is_some_and(|d| d <= target.deadline));
/// assert!(a.probability.is_some_and(|p| p > 0.5 && p <= 0.75));
/// assert_eq!(a.status, TargetStatus::Uncertain);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::InvalidArgument`] for a level outside (0, 1) or invalid bounds;
/// - [`Error::NotFinite`] when the target or the latest value is not finite;
/// - [`Error::Overflow`] (field `projection`) when the projection at the
///   deadline is too large for a floating-point number;
/// - the predictor's errors at the evaluation date.
pub fn analyse(
    predictor: &dyn Predictor,
    target: &Target,
    settings: &Settings,
) -> Result<TargetAnalysis> {
    let subject: Subject = predictor.subject().validate()?;
    let bounds = subject.bounds;
    if !target.value.is_finite() {
        return Err(Error::NotFinite {
            what: Field::Target,
            index: 0,
        });
    }
    let latest_point = predictor.latest();
    if !latest_point.value.is_finite() {
        return Err(Error::NotFinite {
            what: Field::Latest,
            index: 0,
        });
    }
    let evaluation = evaluation(subject.kind, target);
    let factor = evaluation.factor;
    let basis = Basis::for_kind(subject.kind);
    let upward = target.comparison.is_upward();
    // At the top of a scale, the value that rounds to the target meets it.
    let threshold = match bounds.max {
        Some(hi) if upward && target.value >= hi => hi - 0.5,
        _ => target.value,
    };
    let meets = |v: f64| {
        if target.value == threshold {
            target.is_met(v)
        } else {
            v >= threshold
        }
    };

    let latest = latest_point.value * factor;
    let days = latest_point.date.days_until(evaluation.date);
    let years = f64::from(days) / DAYS_PER_YEAR;

    let prediction = predictor.predict(evaluation.date)?;
    let projected = prediction.point_within(bounds) * factor;
    if !projected.is_finite() || !latest.is_finite() {
        return Err(Error::Overflow {
            what: Field::Projection,
            index: 0,
        });
    }
    let (lo, hi) = prediction.interval(settings.level, bounds)?;
    let (low, high) = (
        lo.map(|v| v * factor).filter(|v| v.is_finite()),
        hi.map(|v| v * factor).filter(|v| v.is_finite()),
    );
    let scaled = scale_prediction(&prediction, factor)?;
    let scaled_bounds = if factor == 1.0 {
        bounds
    } else {
        Bounds::NON_NEGATIVE
    };
    let probability = if upward {
        scaled.probability_at_least(threshold, scaled_bounds)?
    } else {
        scaled.probability_at_most(threshold, scaled_bounds)?
    };

    let required = growth(subject.unit, latest, target.value, years, days);
    let projected_growth = growth(subject.unit, latest, projected, years, days);
    let ratio = match (
        headline(subject.unit, &required),
        headline(subject.unit, &projected_growth),
    ) {
        (Some(r), Some(p)) if (upward && r > 0.0) || (!upward && r < 0.0) => {
            Some(p / r).filter(|v| v.is_finite())
        }
        _ => None,
    };

    // The figures that decide the target, when there are any.
    let evidence = if basis == Basis::Level
        && settings.evidence.after.is_none()
        && settings.evidence.before.is_none()
    {
        Evidence::of_levels(&[latest_point], target.deadline)
    } else {
        settings.evidence
    };
    let span = predictor.span();
    let deadline_passed = settings.today > target.deadline;
    // Outside the bounds, or at a bound that a strict comparison cannot
    // pass: "more than 100 %", a share of −5 %.
    let outside = !bounds.contains(target.value);
    let unreachable = outside
        || if upward {
            bounds.max.is_some_and(|hi| !target.is_met(hi))
        } else {
            bounds.min.is_some_and(|lo| !target.is_met(lo))
        };
    let facts = Facts {
        unreachable,
        after_meets: evidence.after.map(|p| meets(p.value)),
        before_meets: evidence.before.map(|p| meets(p.value)),
        deadline_passed,
        before_data: target.deadline < span.first.date,
        df: predictor.df(),
        horizon_days: latest_point.date.days_until(target.deadline),
        span_days: span.first.date.days_until(latest_point.date),
        projection_meets: meets(projected),
        probability,
        ratio,
    };
    let (status, staleness) = decide(&facts);
    // The figure that decided the status, if one did: attainment, the gap
    // and the reach date then speak of it rather than of the latest figure.
    let judged_by = match status {
        TargetStatus::Achieved => evidence
            .before
            .filter(|p| meets(p.value))
            .or(evidence.after),
        TargetStatus::Missed => evidence.after,
        _ => None,
    };
    let reference = judged_by.map_or(latest, |p| p.value);
    let attainment = if upward {
        (target.value != 0.0).then(|| 100.0 * reference / target.value)
    } else {
        (reference != 0.0).then(|| 100.0 * target.value / reference)
    }
    .filter(|a| a.is_finite());
    let gap = target.value - reference;
    let reach_date = match (status, judged_by) {
        (TargetStatus::Achieved, Some(p)) => Some(p.date),
        _ => reach_date(
            predictor,
            basis,
            span.first.date,
            bounds,
            &meets,
            target.deadline,
        ),
    };

    Ok(TargetAnalysis {
        target: *target,
        subject,
        evaluation,
        threshold,
        latest_point,
        latest,
        years,
        days,
        prediction,
        projected,
        low,
        high,
        level: settings.level,
        attainment,
        gap,
        required,
        projected_growth,
        ratio,
        reach_date,
        probability,
        status,
        judged_by,
        staleness,
        outlook: outlook(&facts),
        deadline_passed,
        facts,
    })
}

/// The value of the projection on `date`, for a level; `None` where the
/// predictor has no prediction there.
fn level_at(predictor: &dyn Predictor, bounds: Bounds, date: Date) -> Option<f64> {
    predictor
        .predict(date)
        .ok()
        .map(|p| p.point_within(bounds))
        .filter(|v| v.is_finite())
}

/// The projected total from `start` to `date`: the daily rate at the middle
/// of those days times their number.
fn total_to(predictor: &dyn Predictor, bounds: Bounds, start: Date, date: Date) -> Option<f64> {
    let days = start.days_until(date).checked_add(1)?;
    if days <= 0 {
        return None;
    }
    let mid = start.add_days(days.saturating_sub(1) / 2).ok()?;
    predictor
        .predict(mid)
        .ok()
        .map(|p| p.point_within(bounds) * f64::from(days))
        .filter(|v| v.is_finite())
}

/// The first date in `(lo, hi]` at which `ok` holds, given that it does not
/// hold at `lo` and holds at `hi`, to the day.
fn bisect(mut lo: Date, mut hi: Date, ok: &dyn Fn(Date) -> bool) -> Date {
    while lo.days_until(hi) > 1 {
        let Ok(mid) = lo.add_days(lo.days_until(hi) / 2) else {
            break;
        };
        if ok(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// The first date after `from` (in monthly steps, then to the day) at which
/// `ok` holds, up to `limit`.
fn first_from(from: Date, limit: Date, ok: &dyn Fn(Date) -> bool) -> Option<Date> {
    let mut before = from;
    let mut month = 1i32;
    loop {
        let date = from.add_months(month).ok()?.min(limit);
        if ok(date) {
            return Some(bisect(before, date, ok));
        }
        if date >= limit {
            return None;
        }
        before = date;
        month = month.saturating_add(1);
    }
}

/// The date the target is reached by the projection (see
/// [`TargetAnalysis::reach_date`]).
fn reach_date(
    predictor: &dyn Predictor,
    basis: Basis,
    origin: Date,
    bounds: Bounds,
    meets: &dyn Fn(f64) -> bool,
    deadline: Date,
) -> Option<Date> {
    let limit = Date::first_of_year(deadline.year().saturating_add(REACH_SEARCH_YEARS));
    if basis == Basis::Level {
        let ok = |d: Date| level_at(predictor, bounds, d).is_some_and(meets);
        if ok(deadline) {
            // Back from the deadline to the last monthly date at which the
            // projection misses; from the next day on it meets the target
            // through the deadline.
            let mut month = 1i32;
            loop {
                let Ok(d) = deadline.add_months(month.saturating_neg()) else {
                    return Some(origin.min(deadline));
                };
                if d < origin {
                    return Some(if ok(origin) {
                        origin.min(deadline)
                    } else {
                        bisect(
                            origin,
                            deadline
                                .add_months(month.saturating_sub(1).saturating_neg())
                                .ok()?,
                            &ok,
                        )
                    });
                }
                if !ok(d) {
                    let next = deadline
                        .add_months(month.saturating_sub(1).saturating_neg())
                        .ok()?;
                    return Some(bisect(d, next, &ok));
                }
                month = month.saturating_add(1);
            }
        }
        return first_from(deadline, limit, &ok);
    }
    // Totals: the first year from the target's whose projected total meets
    // it, and the day its year-to-date total does.
    let year = deadline.year();
    (year..=year.saturating_add(REACH_SEARCH_YEARS)).find_map(|y| {
        let start = Date::first_of_year(y);
        let end = Date::last_of_year(y);
        let ok = |d: Date| total_to(predictor, bounds, start, d).is_some_and(meets);
        if !ok(end) {
            return None;
        }
        if ok(start) {
            return Some(start);
        }
        first_from(start, end, &ok)
    })
}

impl TargetAnalysis {
    /// Whether `value`, in the target's terms, meets the target as the
    /// analysis counts it (from [`TargetAnalysis::threshold`] at the top of
    /// a scale).
    #[must_use]
    pub fn meets(&self, value: f64) -> bool {
        if self.target.value == self.threshold {
            self.target.is_met(value)
        } else if self.target.comparison.is_upward() {
            value >= self.threshold
        } else {
            value <= self.threshold
        }
    }

    /// How `quantity` was computed: its formula with the analysis' inputs.
    /// A quantity that is unknown has no result, and the explanation says
    /// why ([`Unknown`]).
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self, quantity: Quantity) -> Result<Explanation> {
        let unit = self.subject.unit;
        let bounds = self.subject.bounds;
        let u = Some(unit);
        let t = self.target.value;
        match quantity {
            Quantity::Projected => {
                let mut e = self.prediction.explain_interval(self.level, bounds)?;
                e.result = Some(self.projected);
                if self.evaluation.factor != 1.0 {
                    e.push(Symbol::DaysInPeriod, self.evaluation.factor, None)?;
                }
                Ok(e)
            }
            Quantity::Attainment => {
                let e = match self.attainment {
                    Some(a) => Explanation::new(Formula::Attainment, a),
                    None => Explanation::unknown(
                        Formula::Attainment,
                        if t == 0.0 {
                            Unknown::ZeroTarget
                        } else {
                            Unknown::ZeroLatest
                        },
                    ),
                };
                e.with(Symbol::Latest, self.latest, u)?
                    .with(Symbol::Target, t, u)
            }
            Quantity::Gap => Explanation::new(Formula::Gap, self.gap)
                .with(Symbol::Target, t, u)?
                .with(Symbol::Latest, self.latest, u),
            Quantity::Required => {
                let (formula, result) = match (unit, self.required) {
                    (
                        Unit::Percent,
                        Growth {
                            points_per_year: Some(v),
                            ..
                        },
                    ) => (Formula::RequiredPointsPerYear, Some(v)),
                    (_, Growth { cagr: Some(v), .. }) => (Formula::RequiredCagr, Some(v)),
                    _ => (Formula::RequiredCagr, None),
                };
                let mut e = match result {
                    Some(v) => Explanation::new(formula, v),
                    None => Explanation::unknown(
                        formula,
                        if self.days <= 0 {
                            Unknown::NoTime
                        } else {
                            Unknown::NonPositive
                        },
                    ),
                }
                .with(Symbol::Target, t, u)?
                .with(Symbol::Latest, self.latest, u)?
                .with(Symbol::Years, self.years, None)?
                .with(Symbol::Days, f64::from(self.days), None)?;
                if let Some(d) = self.required.daily {
                    e.push(Symbol::DailyGrowth, d, None)?;
                }
                Ok(e)
            }
            Quantity::ReachDate => {
                let days = self
                    .reach_date
                    .map(|d| f64::from(self.latest_point.date.days_until(d)));
                let e = match days {
                    Some(d) => Explanation::new(Formula::ReachDate, d),
                    None => Explanation::unknown(Formula::ReachDate, Unknown::NotReached),
                };
                e.with(Symbol::Target, self.threshold, u)?
                    .with(Symbol::Latest, self.latest, u)?
                    .with(
                        Symbol::From,
                        f64::from(self.latest_point.date.day_number()),
                        None,
                    )?
                    .with(Symbol::Days, days.unwrap_or(f64::NAN), None)
            }
            Quantity::Probability => {
                let work = self.prediction.bounded(bounds)?;
                let e = match self.probability {
                    Some(p) => Explanation::new(Formula::ProbabilityOfMeeting, p),
                    None => Explanation::unknown(Formula::ProbabilityOfMeeting, Unknown::Spread),
                };
                e.with(Symbol::Target, self.threshold, u)?
                    .with(Symbol::Projected, self.projected, u)?
                    .with(Symbol::StandardError, work.se().unwrap_or(f64::NAN), None)?
                    .with(
                        Symbol::DegreesOfFreedom,
                        work.df().unwrap_or(f64::NAN),
                        None,
                    )?
                    .with(
                        Symbol::Probability,
                        self.probability.unwrap_or(f64::NAN),
                        None,
                    )
            }
            Quantity::Status => {
                let f = &self.facts;
                let mut e = match self.ratio {
                    Some(r) => Explanation::new(Formula::Verdict, r),
                    None => Explanation::unknown(Formula::Verdict, Unknown::NoGrowthNeeded),
                };
                if let Some(r) = headline(unit, &self.required) {
                    e.push(Symbol::RequiredGrowth, r, None)?;
                }
                if let Some(p) = headline(unit, &self.projected_growth) {
                    e.push(Symbol::Growth, p, None)?;
                }
                e.push(Symbol::Ratio, self.ratio.unwrap_or(f64::NAN), None)?;
                e.push(
                    Symbol::Probability,
                    self.probability.unwrap_or(f64::NAN),
                    None,
                )?;
                for threshold in [NEEDS_ACCELERATION, UNCERTAIN_LOW, UNCERTAIN_HIGH] {
                    e.push(Symbol::Threshold, threshold, None)?;
                }
                e.push(Symbol::DegreesOfFreedom, f.df as f64, None)?;
                e.push(Symbol::Days, f64::from(f.horizon_days), None)?;
                e.push(Symbol::Span, f64::from(f.span_days), None)?;
                Ok(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::indicator::MeasureKind;
    use crate::target::Comparison;

    /// A predictor with a straight line through the latest point and a fixed
    /// standard error: values computable by hand.
    struct Line {
        latest: Point,
        per_day: f64,
        se: f64,
    }

    impl Predictor for Line {
        fn predict(&self, date: Date) -> Result<Prediction> {
            let d = f64::from(self.latest.date.days_until(date));
            Prediction::new(
                self.latest.value + self.per_day * d,
                self.se,
                20.0,
                Scale::Identity,
            )
        }
        fn latest(&self) -> Point {
            self.latest
        }
        fn subject(&self) -> Subject {
            SUBJECT.with(|s| *s.borrow())
        }
        /// Four years of figures before the latest, 20 degrees of freedom.
        fn span(&self) -> crate::series::Span {
            crate::series::Span {
                first: Point::new(self.latest.date.add_days(-1461).unwrap(), 0.0),
                last: self.latest,
                len: 22,
            }
        }
        fn df(&self) -> usize {
            20
        }
    }

    std::thread_local! {
        /// The subject the test's `Line` reports, set by `ctx`.
        static SUBJECT: core::cell::RefCell<Subject> =
            const { core::cell::RefCell::new(Subject::of_kind(MeasureKind::Stock, Unit::Count)) };
    }

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::from_ymd(y, m, dd).unwrap()
    }

    /// Settings for today 1/1/2023 at 95 %; the `Line` predictors report
    /// this subject.
    fn ctx(kind: MeasureKind, unit: Unit, bounds: Bounds) -> Settings {
        SUBJECT.with(|s| *s.borrow_mut() = Subject { kind, unit, bounds });
        Settings::new(d(2023, 1, 1), 0.95)
    }

    #[test]
    fn share_needing_acceleration() {
        // 43 % on 30/9/2022 rising 0.02 points a day (7.3 a year); target 60 % by 31/12/2023.
        let p = Line {
            latest: Point::new(d(2022, 9, 30), 43.0),
            per_day: 0.02,
            se: 2.0,
        };
        let t = Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap();
        let a = analyse(
            &p,
            &t,
            &ctx(MeasureKind::Share, Unit::Percent, Bounds::PERCENT),
        )
        .unwrap();
        let days = 457; // 30/9/2022 to 31/12/2023
        assert_eq!(a.days, days);
        let years = days as f64 / DAYS_PER_YEAR;
        assert!((a.projected - (43.0 + 0.02 * days as f64)).abs() < 1e-9);
        assert!((a.attainment.unwrap() - 100.0 * 43.0 / 60.0).abs() < 1e-12);
        assert!((a.gap - 17.0).abs() < 1e-12);
        let need = 17.0 / years;
        assert!((a.required.points_per_year.unwrap() - need).abs() < 1e-9);
        let made = 0.02 * days as f64 / years;
        assert!((a.ratio.unwrap() - made / need).abs() < 1e-9);
        // 9.14 / 17 = 0.538: off track by Open SDG's thresholds.
        assert_eq!(a.status, TargetStatus::OffTrack);
        // Reached when 43 + 0.02 d >= 60: d = 850 days after 30/9/2022.
        assert_eq!(a.reach_date, Some(d(2022, 9, 30).add_days(850).unwrap()));
        // P(Y >= 60) for Y ~ 52.14 + 2 t_20.
        let z = (60.0 - a.projected) / 2.0;
        let expected = 1.0 - crate::dist::student_t_cdf(z, 20.0).unwrap();
        // The share is well inside 0-100, so the delta-method logit scale is used.
        assert!(
            (a.probability.unwrap() - expected).abs() < 0.02,
            "{} vs {}",
            a.probability.unwrap(),
            expected
        );
    }

    #[test]
    fn yearly_total_target_from_daily_rates() {
        // NDXP: 2.36 million a day in mid-2022, +1000 a day per day; target > 860 million in 2023.
        let p = Line {
            latest: Point::new(d(2022, 7, 2), 2.36e6),
            per_day: 1000.0,
            se: 1e5,
        };
        let t = Target::new(860e6, d(2023, 12, 31), Comparison::GreaterThan).unwrap();
        let a = analyse(
            &p,
            &t,
            &ctx(MeasureKind::Flow, Unit::Count, Bounds::NON_NEGATIVE),
        )
        .unwrap();
        // Evaluated on 2/7/2023, 365 days later: (2.36e6 + 365 000) × 365 days.
        assert_eq!(a.evaluation.date, d(2023, 7, 2));
        assert!((a.projected - (2.36e6 + 365_000.0) * 365.0).abs() < 1e-3);
        assert!((a.latest - 2.36e6 * 365.0).abs() < 1e-3);
        assert_eq!(a.status, TargetStatus::OnTrack);
        let expected_cagr =
            (libm::pow(860e6 / (2.36e6 * 365.0), DAYS_PER_YEAR / 365.0) - 1.0) * 100.0;
        assert!((a.required.cagr.unwrap() - expected_cagr).abs() < 1e-9);
        assert!(a.probability.unwrap() > 0.99);
    }

    #[test]
    fn achieved_and_missed() {
        let p = Line {
            latest: Point::new(d(2022, 12, 31), 100.0),
            per_day: 0.0,
            se: 0.5,
        };
        let t = Target::new(100.0, d(2022, 12, 31), Comparison::AtLeast).unwrap();
        let c = ctx(MeasureKind::Share, Unit::Percent, Bounds::PERCENT);
        let a = analyse(&p, &t, &c).unwrap();
        assert_eq!(a.status, TargetStatus::Achieved);
        assert_eq!(a.reach_date, Some(d(2022, 12, 31)));
        // 97.3 % at the end of 2022 against 100 %: the deadline passed on 31/12/2022.
        let p = Line {
            latest: Point::new(d(2022, 12, 31), 97.3),
            per_day: 0.01,
            se: 0.5,
        };
        let a = analyse(&p, &t, &c).unwrap();
        // The figure on the deadline decides: missed.
        assert_eq!(a.status, TargetStatus::Missed);
        assert_eq!(a.threshold, 99.5);
        // 97.3 + 0.01 d >= 99.5 from d = 220.
        assert_eq!(a.reach_date, Some(d(2022, 12, 31).add_days(220).unwrap()));
    }

    /// A fitted line and the figures around `deadline`.
    fn fit_line(points: &[Point], deadline: Date) -> (crate::fitted::Fitted, Evidence) {
        let subject = Subject::of_kind(MeasureKind::Share, Unit::Percent);
        let s = crate::series::Series::new(points, subject).unwrap();
        let fitted = crate::method::Model::Linear(crate::trend::LinearTrend::new())
            .fit(&s)
            .unwrap();
        (fitted, Evidence::of_levels(s.points(), deadline))
    }

    #[test]
    fn a_deadline_inside_the_data_is_judged_by_the_value_then() {
        // Dossiers submitted online: 52.8 % at the end of 2022 (target 50 %
        // for 2022), 38.3 % in April 2024 under a different definition.
        let pts = [
            Point::new(d(2022, 12, 31), 52.8),
            Point::new(d(2024, 4, 30), 38.3),
        ];
        let (fit, evidence) = fit_line(&pts, d(2022, 12, 31));
        let t = Target::new(50.0, d(2022, 12, 31), Comparison::AtLeast).unwrap();
        let mut c = ctx(MeasureKind::Share, Unit::Percent, Bounds::PERCENT);
        c.evidence = evidence;
        assert_eq!(
            analyse(&fit, &t, &c).unwrap().status,
            TargetStatus::Achieved
        );
        let higher = Target::new(55.0, d(2022, 12, 31), Comparison::AtLeast).unwrap();
        assert_eq!(
            analyse(&fit, &higher, &c).unwrap().status,
            TargetStatus::Missed
        );
    }

    #[test]
    fn a_passed_deadline_after_the_data_is_judged_by_the_projection() {
        // Data to 31/3/2023, target for 2025, looked at in November 2026.
        let p = Line {
            latest: Point::new(d(2023, 3, 31), 71_836.0),
            per_day: 20.0,
            se: 500.0,
        };
        let t = Target::new(80_000.0, d(2025, 12, 31), Comparison::AtLeast).unwrap();
        let mut c = ctx(MeasureKind::Stock, Unit::Count, Bounds::NON_NEGATIVE);
        c.today = d(2026, 11, 22);
        let a = analyse(&p, &t, &c).unwrap();
        assert!(a.deadline_passed);
        // 71 836 + 20 × 1006 days = 91 956 ≥ 80 000, but no figure says
        // whether the target was met: a projection of the past.
        assert!((a.projected - (71_836.0 + 20.0 * 1006.0)).abs() < 1e-6);
        assert_eq!(a.status, TargetStatus::Stale);
        assert_eq!(a.staleness, Some(Staleness::PastDeadline));
        assert_eq!(a.outlook, TargetStatus::OnTrack);
        c.today = d(2023, 4, 1);
        let a = analyse(&p, &t, &c).unwrap();
        assert!(!a.deadline_passed);
        assert_eq!(a.status, TargetStatus::OnTrack);
    }

    #[test]
    fn rank_target_downward() {
        // E-government rank 86 falling 5 places a year, target top 50 by 2025.
        let p = Line {
            latest: Point::new(d(2022, 12, 31), 86.0),
            per_day: -5.0 / DAYS_PER_YEAR,
            se: 3.0,
        };
        let t = Target::new(50.0, d(2025, 12, 31), Comparison::AtMost).unwrap();
        let a = analyse(&p, &t, &ctx(MeasureKind::Rank, Unit::Rank, Bounds::RANK)).unwrap();
        assert!((a.attainment.unwrap() - 100.0 * 50.0 / 86.0).abs() < 1e-12);
        assert!(a.required.cagr.unwrap() < 0.0);
        let r = a.ratio.unwrap();
        assert!(r > 0.0 && r < crate::verdict::NEEDS_ACCELERATION, "{r}");
        assert_eq!(a.status, TargetStatus::OffTrack);
        assert!(a.probability.unwrap() < 0.01);
    }

    #[test]
    fn explanations_carry_their_inputs() {
        let p = Line {
            latest: Point::new(d(2022, 9, 30), 43.0),
            per_day: 0.02,
            se: 2.0,
        };
        let t = Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap();
        let a = analyse(
            &p,
            &t,
            &ctx(MeasureKind::Share, Unit::Percent, Bounds::PERCENT),
        )
        .unwrap();
        for q in Quantity::ALL {
            let e = a.explain(q).unwrap();
            assert!(!e.terms.is_empty(), "{q:?}");
        }
        let e = a.explain(Quantity::Attainment).unwrap();
        assert_eq!(e.term(Symbol::Latest), Some(43.0));
        assert_eq!(e.term(Symbol::Target), Some(60.0));
    }
}
