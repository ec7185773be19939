//! Quantities: one thing the reports measure several ways, as one series.
//!
//! NDXP transactions appear as totals over a month, a quarter or a year
//! ("trong tháng 9 năm 2022 có 58.397.139 giao dịch"), as year-to-date totals
//! ("từ đầu năm 2022 đến ngày 8/12/2022 đạt khoảng 806 triệu"), as daily
//! averages over a window ("trung bình mỗi ngày khoảng 2,1 triệu") and as
//! running totals since launch ("từ khi khai trương … hơn 661 triệu"). Each
//! indicator holds one measure; the indicators that measure the same thing
//! share a quantity (the `quantity` column of `indicators.csv`).
//! [`measure_into`] turns all of a quantity's figures into points on one
//! basis, each with the conversion that produced it:
//!
//! | measure | conversion | window | basis value |
//! |---|---|---|---|
//! | total over a period | [`Conversion::Total`] | the period | total ÷ its days |
//! | year-to-date total | [`Conversion::YearToDate`] | 1 January to the as-of date | total ÷ its days |
//! | daily average | [`Conversion::DailyAverage`] | its window | as stated |
//! | running total, first reading | [`Conversion::SinceLaunch`] | launch to the reading | total ÷ days since launch |
//! | running total, later reading | [`Conversion::Difference`] | the day after the previous reading to this one | difference ÷ its days |
//! | a level (stock, share, rank) | [`Conversion::Level`] | its date | as stated |
//!
//! A quantity with any total, year-to-date or daily-average measure is on
//! the daily-rate basis ([`Basis::DailyRate`]); a quantity of levels (a
//! running total alone included) stays on the level basis. Each point sits
//! at the middle of its window (levels at their date), as in
//! [`crate::basis`].
//!
//! # Measures that disagree, and the rule that decides
//!
//! The reports' measures do not always agree: "806 triệu" from 1 January to
//! 8 December 2022 is 2,36 million a day, but the same report gives "khoảng
//! 2,1 triệu" a day over the same days. Two points are **in conflict** when
//! they describe the same days (windows whose ends are within
//! [`SAME_WINDOW_DAYS`] days of each other) through different measures and
//! the ranges their figures admit (qualifier and last digit, as in
//! [`crate::Qualifier::range`]) do not overlap. A [`Rule`] decides which
//! points the series keeps; the others are set aside with the reason
//! ([`Aside`]):
//!
//! - [`Rule::Totals`] (the default): period and year-to-date totals first. A
//!   daily average is set aside where a total describes the same days. A
//!   point from running totals is set aside where any total or daily average
//!   overlaps its window: running totals are the reports' least precise
//!   measure ("hơn 661 triệu") and their differences spread months of
//!   rounding over a short span.
//! - [`Rule::Averages`]: daily averages first: a total is set aside where a
//!   daily average describes the same days; running totals as above.
//! - [`Rule::All`]: every point is kept (conflicts are still reported).
//!
//! Whatever the rule, one date keeps one point: an observed figure beats an
//! estimate, and among equals the later figure in the input wins (callers
//! list older reports first), as [`crate::basis::points_into`] does.

use crate::basis::Basis;
use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::MeasureKind;
use crate::observation::{Observation, Status};
use crate::period::Period;
use crate::series::Point;
use crate::target::Target;
use crate::verdict::Evidence;

/// How close two windows' ends must be for the windows to describe the
/// same days.
pub const SAME_WINDOW_DAYS: i32 = 7;

/// One figure of a quantity: the measure of its indicator, the figure, and
/// for running totals the launch date they count from.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Measured {
    /// The measure (the indicator's kind).
    pub kind: MeasureKind,
    /// The figure.
    pub observation: Observation,
    /// For a running total, the launch date it counts from.
    pub since: Option<Date>,
}

/// How a point was derived from its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Conversion {
    /// A level, as stated.
    Level,
    /// A period's total divided by its days.
    Total,
    /// A year-to-date total divided by the days since 1 January.
    YearToDate,
    /// A daily average, as stated.
    DailyAverage,
    /// A running total's first reading divided by the days since launch.
    SinceLaunch,
    /// The difference of two running totals divided by the days between them.
    Difference,
}

impl Conversion {
    /// Whether the point comes from a total or year-to-date figure.
    #[must_use]
    pub const fn is_total(self) -> bool {
        matches!(self, Conversion::Total | Conversion::YearToDate)
    }

    /// Whether the point comes from running totals.
    #[must_use]
    pub const fn is_running(self) -> bool {
        matches!(self, Conversion::SinceLaunch | Conversion::Difference)
    }

    /// A stable identifier: `level`, `total`, `year_to_date`,
    /// `daily_average`, `since_launch`, `difference`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Conversion::Level => "level",
            Conversion::Total => "total",
            Conversion::YearToDate => "year_to_date",
            Conversion::DailyAverage => "daily_average",
            Conversion::SinceLaunch => "since_launch",
            Conversion::Difference => "difference",
        }
    }
}

/// Which points a quantity's series keeps where measures overlap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Rule {
    /// Period and year-to-date totals first (see the module documentation).
    #[default]
    Totals,
    /// Daily averages first.
    Averages,
    /// Every point.
    All,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 3] = [Rule::Totals, Rule::Averages, Rule::All];

    /// A stable identifier: `totals`, `averages`, `all`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Rule::Totals => "totals",
            Rule::Averages => "averages",
            Rule::All => "all",
        }
    }

    /// The rule with identifier `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Why a point is not in the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Aside {
    /// The rule prefers another measure of the same days.
    Rule,
    /// A running-total point whose days another measure covers.
    Covered,
    /// Another figure on the same date is preferred.
    SameDate,
}

/// One figure of a quantity on its basis.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuantityPoint {
    /// The point on the basis: a daily rate at the middle of its window, or
    /// a level at its date.
    pub point: Point,
    /// The days the point describes (a single day for a level).
    pub window: Period,
    /// The figure's measure.
    pub measure: MeasureKind,
    /// How the point was derived.
    pub conversion: Conversion,
    /// The figure's status.
    pub status: Status,
    /// The figure's position in the input.
    pub source: usize,
    /// For a difference of running totals, the earlier reading's position.
    pub earlier: Option<usize>,
    /// The lowest basis value the figure (or figures) admit.
    pub low: f64,
    /// The highest basis value they admit.
    pub high: f64,
    /// Why the point is not in the series, if it is not.
    pub aside: Option<Aside>,
}

impl QuantityPoint {
    /// A placeholder for buffers.
    pub const PLACEHOLDER: QuantityPoint = QuantityPoint {
        point: Point::new(Date::EPOCH, 0.0),
        window: Period::day(Date::EPOCH),
        measure: MeasureKind::Flow,
        conversion: Conversion::Level,
        status: Status::Observed,
        source: 0,
        earlier: None,
        low: 0.0,
        high: 0.0,
        aside: None,
    };

    /// Whether the point is in the series.
    #[must_use]
    pub const fn kept(&self) -> bool {
        self.aside.is_none()
    }

    /// How the point was computed from its figure(s) in `figures` (the
    /// input of [`measure_into`]): a level or daily average as stated
    /// ([`Formula::DailyAverage`] with the window's days), a total or
    /// year-to-date total divided by its days ([`Formula::DailyAverage`]), or
    /// a difference of running totals ([`Formula::CumulativeDifference`],
    /// then per day).
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self, figures: &[Measured]) -> Result<Explanation> {
        let value = |i: usize| figures.get(i).map_or(f64::NAN, |f| f.observation.value);
        let days = f64::from(self.window.days());
        match self.conversion {
            Conversion::Level => Explanation::new(Formula::DailyAverage, self.point.value).with(
                Symbol::Level,
                self.point.value,
                None,
            ),
            Conversion::DailyAverage => Explanation::new(Formula::DailyAverage, self.point.value)
                .with(Symbol::DailyAverage, self.point.value, None)?
                .with(Symbol::Days, days, None),
            Conversion::Total | Conversion::YearToDate | Conversion::SinceLaunch => {
                Explanation::new(Formula::DailyAverage, self.point.value)
                    .with(Symbol::Total, value(self.source), None)?
                    .with(Symbol::Days, days, None)
            }
            Conversion::Difference => {
                let later = value(self.source);
                let earlier = self.earlier.map_or(f64::NAN, value);
                Explanation::new(Formula::CumulativeDifference, self.point.value)
                    .with(Symbol::B, earlier, None)?
                    .with(Symbol::A, later, None)?
                    .with(Symbol::Total, later - earlier, None)?
                    .with(Symbol::Days, days, None)
            }
        }
    }
}

/// Two points that describe the same days through different measures and
/// admit no common value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Conflict {
    /// One point's position in the points written by [`measure_into`].
    pub a: usize,
    /// The other's.
    pub b: usize,
}

/// What [`measure_into`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measures {
    /// The basis of the points.
    pub basis: Basis,
    /// How many points were written (kept or set aside), in date order.
    pub points: usize,
    /// How many conflicts were written.
    pub conflicts: usize,
}

/// The basis of a quantity with these figures: daily rates when any figure
/// is a total, a year-to-date total or a daily average; levels otherwise.
#[must_use]
pub fn basis_of(figures: &[Measured]) -> Basis {
    if figures.iter().any(|f| {
        matches!(
            f.kind,
            MeasureKind::Flow | MeasureKind::YearToDate | MeasureKind::DailyAverage
        )
    }) {
        Basis::DailyRate
    } else {
        Basis::Level
    }
}

fn middle(window: Period) -> Date {
    let half = i32::try_from(window.days().saturating_sub(1) / 2).unwrap_or(0);
    window.start().add_days(half).unwrap_or(window.start())
}

fn same_window(a: Period, b: Period) -> bool {
    let close = |x: Date, y: Date| x.days_until(y).saturating_abs() <= SAME_WINDOW_DAYS;
    close(a.start(), b.start()) && close(a.end(), b.end())
}

fn overlaps(a: Period, b: Period) -> bool {
    a.start() <= b.end() && b.start() <= a.end()
}

/// The point of one non-running figure on `basis`.
fn convert(basis: Basis, f: &Measured, source: usize) -> Result<QuantityPoint> {
    let o = &f.observation;
    let (lo, hi) = o.range();
    let (conversion, window) = match (basis, f.kind) {
        (Basis::Level, _) => (Conversion::Level, Period::day(o.period.end())),
        (Basis::DailyRate, MeasureKind::Flow) => (Conversion::Total, o.period),
        (Basis::DailyRate, MeasureKind::YearToDate) => {
            (Conversion::YearToDate, Period::year_to_date(o.period.end()))
        }
        (Basis::DailyRate, MeasureKind::DailyAverage) => (Conversion::DailyAverage, o.period),
        (Basis::DailyRate, _) => {
            return Err(Error::InvalidArgument {
                name: Field::Kind,
                expected: Expected::SameBasis,
            })
        }
    };
    let per_day = if conversion.is_total() {
        f64::from(window.days())
    } else {
        1.0
    };
    let value = o.value / per_day;
    if !value.is_finite() {
        return Err(Error::NotFinite {
            what: Field::Value,
            index: source,
        });
    }
    let date = if conversion == Conversion::Level {
        o.period.end()
    } else {
        middle(window)
    };
    Ok(QuantityPoint {
        point: Point::new(date, value),
        window,
        measure: f.kind,
        conversion,
        status: o.status,
        source,
        earlier: None,
        low: lo / per_day,
        high: hi / per_day,
        aside: None,
    })
}

/// Writes every figure of a quantity as a point on its basis into `points`
/// (in date order), sets aside what `rule` and the one-point-per-date rule
/// exclude, and writes the conflicts it finds into `conflicts`. Targets
/// (status [`Status::Target`]) are skipped. See the module documentation.
///
/// # Examples
///
/// ```
/// use dxcast_core::quantity::{measure_into, Aside, Measured, QuantityPoint, Rule};
/// use dxcast_core::{MeasureKind, Observation, Period, Qualifier, Status};
///
/// let fig = |kind, period: &str, value, qualifier, precision| -> dxcast_core::Result<Measured> {
///     Ok(Measured {
///         kind,
///         observation: Observation { value, period: Period::parse(period)?,
///                                    status: Status::Observed, qualifier, precision },
///         since: None,
///     })
/// };
/// // r001: "từ đầu năm 2022 đến ngày 8/12/2022 đạt khoảng 806 triệu ... Trung bình mỗi
/// // ngày khoảng 2,1 triệu": 806 million over 342 days is 2,36 million a day.
/// let figures = [
///     fig(MeasureKind::YearToDate, "2022-01-01/2022-12-08", 806e6, Qualifier::About, 1e6)?,
///     fig(MeasureKind::DailyAverage, "2022-01-01/2022-12-08", 2.1e6, Qualifier::About, 1e5)?,
/// ];
/// let mut points = [QuantityPoint::PLACEHOLDER; 4];
/// let mut conflicts = [dxcast_core::quantity::Conflict { a: 0, b: 0 }; 2];
/// let m = measure_into(&figures, Rule::Totals, &mut points, &mut conflicts)?;
/// assert_eq!((m.points, m.conflicts), (2, 1));
/// // The total is kept, the daily average set aside by the rule.
/// let kept: Vec<_> = points[..2].iter().filter(|p| p.kept()).collect();
/// assert_eq!(kept.len(), 1);
/// assert!((kept[0].point.value - 806e6 / 342.0).abs() < 1e-6);
/// assert!(points[..2].iter().any(|p| p.aside == Some(Aside::Rule)));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::Capacity`] when `points` or `conflicts` is too small (the
///   buffers may then hold part of the result);
/// - [`Error::NotFinite`] (field `value`, the figure's index) for a value
///   that is not finite;
/// - [`Error::InvalidArgument`] (field `kind`, [`Expected::SameBasis`]) for a
///   level (stock, share, rank) among the figures of a daily-rate quantity.
pub fn measure_into(
    figures: &[Measured],
    rule: Rule,
    points: &mut [QuantityPoint],
    conflicts: &mut [Conflict],
) -> Result<Measures> {
    let basis = basis_of(figures);
    let mut n = 0usize;
    let mut push = |points: &mut [QuantityPoint], p: QuantityPoint| -> Result<()> {
        if n >= points.len() {
            return Err(Error::Capacity {
                what: Field::Points,
                capacity: points.len(),
            });
        }
        let written = points.get(..n).unwrap_or(&[]);
        let pos = written.partition_point(|q| q.point.date <= p.point.date);
        crate::slices::insert(points, n, pos, p);
        n = n.saturating_add(1);
        Ok(())
    };
    // Figures that are not running totals (or all of them, on the level basis).
    for (i, f) in figures.iter().enumerate() {
        if f.observation.status == Status::Target {
            continue;
        }
        if basis == Basis::DailyRate && f.kind == MeasureKind::Cumulative {
            continue;
        }
        if !f.observation.value.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Value,
                index: i,
            });
        }
        push(points, convert(basis, f, i)?)?;
    }
    // Running totals on the daily-rate basis: differences in date order.
    if basis == Basis::DailyRate {
        let mut previous: Option<usize> = None;
        loop {
            // The next reading after `previous` in date order (ties: input order).
            let after = previous
                .and_then(|p| figures.get(p))
                .map(|f| f.observation.period.end());
            let next = figures
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.kind == MeasureKind::Cumulative && f.observation.status != Status::Target
                })
                .filter(|(_, f)| after.is_none_or(|a| f.observation.period.end() > a))
                .min_by_key(|(_, f)| f.observation.period.end());
            let Some((i, f)) = next else { break };
            let o = &f.observation;
            if !o.value.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::Value,
                    index: i,
                });
            }
            let (lo, hi) = o.range();
            let point = match previous.and_then(|p| figures.get(p).map(|e| (p, e))) {
                Some((p, e)) => {
                    let start = e.observation.period.end().add_days(1)?;
                    let window = Period::range(start, o.period.end())?;
                    let days = f64::from(window.days());
                    let (elo, ehi) = e.observation.range();
                    Some(QuantityPoint {
                        point: Point::new(middle(window), (o.value - e.observation.value) / days),
                        window,
                        measure: MeasureKind::Cumulative,
                        conversion: Conversion::Difference,
                        status: worse(o.status, e.observation.status),
                        source: i,
                        earlier: Some(p),
                        low: (lo - ehi) / days,
                        high: (hi - elo) / days,
                        aside: None,
                    })
                }
                None => match f.since {
                    Some(launch) if launch <= o.period.end() => {
                        let window = Period::range(launch, o.period.end())?;
                        let days = f64::from(window.days());
                        Some(QuantityPoint {
                            point: Point::new(middle(window), o.value / days),
                            window,
                            measure: MeasureKind::Cumulative,
                            conversion: Conversion::SinceLaunch,
                            status: o.status,
                            source: i,
                            earlier: None,
                            low: lo / days,
                            high: hi / days,
                            aside: None,
                        })
                    }
                    _ => None,
                },
            };
            if let Some(p) = point {
                if !p.point.value.is_finite() {
                    return Err(Error::NotFinite {
                        what: Field::Value,
                        index: i,
                    });
                }
                push(points, p)?;
            }
            previous = Some(i);
        }
    }
    let written = points.get_mut(..n).unwrap_or(&mut []);
    let c = set_aside(written, rule, conflicts)?;
    Ok(Measures {
        basis,
        points: n,
        conflicts: c,
    })
}

/// The less certain of two statuses (an estimate in either makes an estimate).
fn worse(a: Status, b: Status) -> Status {
    if a == Status::Observed {
        b
    } else {
        a
    }
}

/// Applies the rule and the one-point-per-date rule to `points` (in date
/// order) and writes the conflicts.
fn set_aside(
    points: &mut [QuantityPoint],
    rule: Rule,
    conflicts: &mut [Conflict],
) -> Result<usize> {
    let n = points.len();
    let mut c = 0usize;
    // Conflicts: the same days, different measures, no common value.
    for i in 0..n {
        for j in i.saturating_add(1)..n {
            let (Some(a), Some(b)) = (points.get(i).copied(), points.get(j).copied()) else {
                continue;
            };
            if a.conversion != b.conversion
                && same_window(a.window, b.window)
                && (a.high < b.low || b.high < a.low)
            {
                let slot = conflicts.get_mut(c).ok_or(Error::Capacity {
                    what: Field::Outcomes,
                    capacity: c,
                })?;
                *slot = Conflict { a: i, b: j };
                c = c.saturating_add(1);
            }
        }
    }
    // The rule.
    for i in 0..n {
        let Some(p) = points.get(i).copied() else {
            continue;
        };
        let others = || points.iter().enumerate().filter(move |(j, _)| *j != i);
        let aside = match rule {
            _ if p.conversion.is_running() => others()
                .any(|(_, q)| !q.conversion.is_running() && overlaps(p.window, q.window))
                .then_some(Aside::Covered),
            Rule::Totals if p.conversion == Conversion::DailyAverage => others()
                .any(|(_, q)| q.conversion.is_total() && same_window(p.window, q.window))
                .then_some(Aside::Rule),
            Rule::Averages if p.conversion.is_total() => others()
                .any(|(_, q)| {
                    q.conversion == Conversion::DailyAverage && same_window(p.window, q.window)
                })
                .then_some(Aside::Rule),
            _ => None,
        };
        if let (Some(why), Some(slot)) = (aside, points.get_mut(i)) {
            slot.aside = Some(why);
        }
    }
    // One point per date among those kept: observed beats estimate, then the
    // later figure in the input.
    for i in 0..n {
        let Some(p) = points.get(i).copied() else {
            continue;
        };
        if !p.kept() {
            continue;
        }
        let better = points.iter().enumerate().any(|(j, q)| {
            j != i
                && q.kept()
                && q.point.date == p.point.date
                && match (q.status, p.status) {
                    (Status::Observed, Status::Estimate) => true,
                    (Status::Estimate, Status::Observed) => false,
                    _ => q.source > p.source,
                }
        });
        if better {
            if let Some(slot) = points.get_mut(i) {
                slot.aside = Some(Aside::SameDate);
            }
        }
    }
    Ok(c)
}

/// Writes the kept points' basis values into `out` (one per date, in date
/// order) and returns how many.
///
/// # Errors
///
/// [`Error::Capacity`] when `out` is too short; nothing is written.
pub fn series_into(points: &[QuantityPoint], out: &mut [Point]) -> Result<usize> {
    let n = points.iter().filter(|p| p.kept()).count();
    if out.len() < n {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: out.len(),
        });
    }
    for (slot, p) in out.iter_mut().zip(points.iter().filter(|p| p.kept())) {
        *slot = p.point;
    }
    Ok(n)
}

/// The figures that can decide `target` without a projection (see
/// [`crate::verdict`]), in the target's terms.
///
/// On the level basis: the first kept point on or after the deadline (within
/// [`crate::verdict::EVIDENCE_DAYS`] of it) and the last one on or before
/// it. On the daily-rate basis, where targets are yearly totals: `after` is
/// the observed total of the deadline's year (a period total over exactly
/// that year, or a daily average over it times its days), `before` the
/// largest observed total from 1 January of that year to a date inside it
/// (a year-to-date total, or a period total that starts on 1 January).
/// Estimates never decide.
#[must_use]
pub fn evidence(figures: &[Measured], points: &[QuantityPoint], target: &Target) -> Evidence {
    if basis_of(figures) == Basis::Level {
        let deadline = target.deadline;
        let kept = || points.iter().filter(|p| p.kept()).map(|p| p.point);
        let after = kept()
            .find(|p| p.date >= deadline)
            .filter(|p| deadline.days_until(p.date) <= crate::verdict::EVIDENCE_DAYS);
        let before = kept().rfind(|p| p.date <= deadline);
        return Evidence { after, before };
    }
    let Ok(year) = Period::year(target.deadline.year()) else {
        return Evidence::default();
    };
    let observed = || {
        figures
            .iter()
            .filter(|f| f.observation.status == Status::Observed)
    };
    let after = observed()
        .filter(|f| f.observation.period == year)
        .find_map(|f| match f.kind {
            MeasureKind::Flow => Some(f.observation.value),
            MeasureKind::DailyAverage => Some(f.observation.value * f64::from(year.days())),
            _ => None,
        })
        .map(|v| Point::new(year.end(), v));
    let before = observed()
        .filter(|f| {
            let p = f.observation.period;
            matches!(f.kind, MeasureKind::Flow | MeasureKind::YearToDate)
                && p.start() == year.start()
                && p.end() < year.end()
        })
        .map(|f| Point::new(f.observation.period.end(), f.observation.value))
        .max_by(|a, b| a.value.total_cmp(&b.value));
    Evidence { after, before }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::observation::Qualifier;

    fn fig(kind: MeasureKind, period: &str, value: f64, q: Qualifier, p: f64) -> Measured {
        Measured {
            kind,
            observation: Observation {
                value,
                period: Period::parse(period).unwrap(),
                status: Status::Observed,
                qualifier: q,
                precision: p,
            },
            since: Date::from_ymd(2020, 10, 30).ok(),
        }
    }

    #[test]
    fn running_totals_become_flows_between_readings() {
        // r000: "hơn 661 triệu" since launch (30/10/2020) to 30/9/2022;
        // r003: "hơn 1,276 tỷ" to 31/3/2023.
        let figures = [
            fig(
                MeasureKind::Cumulative,
                "2023-03-31",
                1276e6,
                Qualifier::MoreThan,
                1e6,
            ),
            fig(
                MeasureKind::Cumulative,
                "2022-09-30",
                661e6,
                Qualifier::MoreThan,
                1e6,
            ),
            fig(MeasureKind::Flow, "2024-04", 80e6, Qualifier::Exact, 1e6),
        ];
        let mut pts = [QuantityPoint::PLACEHOLDER; 4];
        let m = measure_into(&figures, Rule::All, &mut pts, &mut []).unwrap();
        assert_eq!(m.points, 3);
        let launch = &pts[0];
        assert_eq!(launch.conversion, Conversion::SinceLaunch);
        // 30/10/2020 to 30/9/2022 inclusive: 701 days.
        assert_eq!(launch.window.days(), 701);
        assert!((launch.point.value - 661e6 / 701.0).abs() < 1e-6);
        let diff = &pts[1];
        assert_eq!(diff.conversion, Conversion::Difference);
        assert_eq!(diff.earlier, Some(1));
        // 1/10/2022 to 31/3/2023: 182 days.
        assert_eq!(diff.window.days(), 182);
        assert!((diff.point.value - 615e6 / 182.0).abs() < 1e-6);
        // "hơn": each reading is 0 to 1 million above its figure.
        assert!((diff.low - 614e6 / 182.0).abs() < 1e-6);
        assert!((diff.high - 616e6 / 182.0).abs() < 1e-6);
        // Under the totals rule a running total is set aside where a total
        // overlaps its days; here none does.
        let m = measure_into(&figures, Rule::Totals, &mut pts, &mut []).unwrap();
        assert!(pts[..m.points].iter().all(QuantityPoint::kept));
    }

    #[test]
    fn a_quantity_of_levels_stays_on_the_level_basis() {
        let figures = [
            fig(
                MeasureKind::Cumulative,
                "2022-09-30",
                661e6,
                Qualifier::MoreThan,
                1e6,
            ),
            fig(
                MeasureKind::Cumulative,
                "2023-03-31",
                1276e6,
                Qualifier::MoreThan,
                1e6,
            ),
        ];
        let mut pts = [QuantityPoint::PLACEHOLDER; 2];
        let m = measure_into(&figures, Rule::Totals, &mut pts, &mut []).unwrap();
        assert_eq!(m.basis, Basis::Level);
        assert_eq!(pts[1].point.value, 1276e6);
        assert_eq!(pts[1].conversion, Conversion::Level);
    }

    #[test]
    fn one_point_per_date() {
        // 2022 totals from r001 (estimate) and r004 (estimate, later report).
        let mut a = fig(MeasureKind::Flow, "2022", 860e6, Qualifier::Exact, 1e6);
        a.observation.status = Status::Estimate;
        let b = a;
        let figures = [a, b];
        let mut pts = [QuantityPoint::PLACEHOLDER; 2];
        let mut out = [Point::new(Date::EPOCH, 0.0); 2];
        let m = measure_into(&figures, Rule::Totals, &mut pts, &mut []).unwrap();
        assert_eq!(series_into(&pts[..m.points], &mut out).unwrap(), 1);
        let kept = pts.iter().find(|p| p.kept()).unwrap();
        assert_eq!(kept.source, 1);
    }

    #[test]
    fn a_level_among_rates_is_an_error() {
        let figures = [
            fig(MeasureKind::Flow, "2022", 860e6, Qualifier::Exact, 1e6),
            fig(MeasureKind::Stock, "2022-12-31", 5.0, Qualifier::Exact, 1.0),
        ];
        let mut pts = [QuantityPoint::PLACEHOLDER; 2];
        assert_eq!(
            measure_into(&figures, Rule::Totals, &mut pts, &mut []),
            Err(Error::InvalidArgument {
                name: Field::Kind,
                expected: Expected::SameBasis
            })
        );
    }
}
