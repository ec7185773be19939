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
//!
//! # Definitions that change
//!
//! A series can change its definition while keeping its name: the share of
//! dossiers online is "xử lý trực tuyến" (processed online) in 2022 and "nộp
//! trực tuyến trên tổng số hồ sơ giải quyết TTHC" (submitted online, of all
//! dossiers settled) in 2024. Each figure carries the definition it follows
//! ([`Measured::definition`], a number the caller gives each distinct
//! definition; the `definition` column of `observations.csv` names them).
//! [`measure_into`] keeps only the points of the latest figure's definition
//! ([`latest_definition`]) and sets the others aside as
//! [`Aside::Definition`], before any other rule: so no projection joins
//! figures across a break, the figures of another definition neither set
//! aside nor conflict with the kept ones, and they can still be drawn, apart,
//! from the points written ([`QuantityPoint::definition`]). A difference of
//! running totals whose earlier reading follows another definition is set
//! aside too. [`evidence`] likewise uses only figures of the latest
//! definition.

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
    /// The definition the figure follows: a number the caller assigns to
    /// each distinct definition of the quantity (0 by convention for the
    /// indicators' usual one). Figures of a definition other than the latest
    /// figure's are set aside ([`Aside::Definition`]).
    pub definition: u32,
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
    /// Every conversion, in the order above.
    pub const ALL: [Conversion; 6] = [
        Conversion::Level,
        Conversion::Total,
        Conversion::YearToDate,
        Conversion::DailyAverage,
        Conversion::SinceLaunch,
        Conversion::Difference,
    ];

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
    /// The figure follows another definition than the latest figure (see
    /// the module documentation): the series breaks before the kept points.
    Definition,
}

impl Aside {
    /// Every reason, in the order above.
    pub const ALL: [Aside; 4] = [
        Aside::Rule,
        Aside::Covered,
        Aside::SameDate,
        Aside::Definition,
    ];
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
    /// The definition of its figure ([`Measured::definition`]).
    pub definition: u32,
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
        definition: 0,
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
    /// The definition of the points kept: the latest figure's
    /// ([`latest_definition`]; 0 when there are no figures).
    pub definition: u32,
}

/// The definition of the latest figure: the one whose period ends last
/// (among equals, the later in the input), targets skipped; `None` without
/// figures. The series of a quantity follows it.
#[must_use]
pub fn latest_definition(figures: &[Measured]) -> Option<u32> {
    figures
        .iter()
        .filter(|f| f.observation.status != Status::Target)
        .fold(None, |latest: Option<&Measured>, f| match latest {
            Some(l) if l.observation.period.end() > f.observation.period.end() => Some(l),
            _ => Some(f),
        })
        .map(|f| f.definition)
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
    within_range(QuantityPoint {
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
        definition: f.definition,
    })
}

/// `p` when the range it admits is finite, else [`Error::Overflow`] naming
/// the interval of its figure: a finite value whose precision takes it
/// beyond the largest float (a value near ±1.8e308 "about" that, or a
/// difference of two such readings).
fn within_range(p: QuantityPoint) -> Result<QuantityPoint> {
    if p.low.is_finite() && p.high.is_finite() {
        Ok(p)
    } else {
        Err(Error::Overflow {
            what: Field::Interval,
            index: p.source,
        })
    }
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
///         definition: 0,
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
                        definition: f.definition,
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
                            definition: f.definition,
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
                push(points, within_range(p)?)?;
            }
            previous = Some(i);
        }
    }
    let written = points.get_mut(..n).unwrap_or(&mut []);
    // Points of another definition than the latest figure's, and differences
    // whose earlier reading follows another, go first: nothing joins across
    // a break.
    let definition = latest_definition(figures).unwrap_or(0);
    for p in written.iter_mut() {
        let earlier = p.earlier.and_then(|e| figures.get(e)).map(|f| f.definition);
        if p.definition != definition || earlier.is_some_and(|d| d != definition) {
            p.aside = Some(Aside::Definition);
        }
    }
    let c = set_aside(written, rule, conflicts)?;
    Ok(Measures {
        basis,
        points: n,
        conflicts: c,
        definition,
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
            let apart = |p: QuantityPoint| p.aside == Some(Aside::Definition);
            if apart(a) || apart(b) {
                continue;
            }
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
        // Only points of the kept definition take part.
        if p.aside.is_some() {
            continue;
        }
        let others = || {
            points
                .iter()
                .enumerate()
                .filter(move |(j, q)| *j != i && q.aside != Some(Aside::Definition))
        };
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
/// Estimates never decide on this basis, nor do figures of another definition
/// than the latest figure's (on the level basis, only kept points decide).
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
    let definition = latest_definition(figures);
    let observed = || {
        figures.iter().filter(move |f| {
            f.observation.status == Status::Observed && Some(f.definition) == definition
        })
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
            definition: 0,
        }
    }

    #[test]
    fn a_range_beyond_the_largest_float_is_an_overflow_of_its_figure() {
        // A finite value whose precision takes its range past ±1.8e308 (as a
        // fuzzed input found): the point would admit −∞.
        let flow = fig(
            MeasureKind::Flow,
            "2022-06-01",
            -f64::MAX,
            Qualifier::Exact,
            2e301,
        );
        let ok = fig(MeasureKind::Flow, "2022-07", 31.0, Qualifier::Exact, 1.0);
        let mut pts = [QuantityPoint::PLACEHOLDER; 2];
        assert_eq!(
            measure_into(&[ok, flow], Rule::All, &mut pts, &mut []),
            Err(Error::Overflow {
                what: Field::Interval,
                index: 1
            })
        );
        // A difference of two running totals (beside a flow, so on daily
        // rates): each range is finite, the difference's upper end is not.
        let later = fig(
            MeasureKind::Cumulative,
            "2023-03-31",
            1e308,
            Qualifier::Exact,
            0.0,
        );
        let earlier = fig(
            MeasureKind::Cumulative,
            "2022-09-30",
            0.0,
            Qualifier::Exact,
            1.6e308,
        );
        assert_eq!(
            measure_into(&[later, earlier, ok], Rule::All, &mut pts, &mut []),
            Err(Error::Overflow {
                what: Field::Interval,
                index: 0
            })
        );
        // The same readings with an ordinary precision are two points.
        let earlier = fig(
            MeasureKind::Cumulative,
            "2022-09-30",
            0.0,
            Qualifier::Exact,
            1.0,
        );
        let mut pts = [QuantityPoint::PLACEHOLDER; 3];
        let m = measure_into(&[later, earlier, ok], Rule::All, &mut pts, &mut []).unwrap();
        assert_eq!(m.points, 3);
        assert!(pts.iter().any(|p| p.conversion == Conversion::Difference));
        assert!(pts.iter().all(|p| p.low.is_finite() && p.high.is_finite()));
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
    fn no_series_joins_across_a_definition_break() {
        // r004: "tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến là 52,80%"
        // (the 2022 figure report 001 calls processed online), then two later
        // figures "trên tổng số hồ sơ giải quyết TTHC" (the second made up).
        let mut old = fig(
            MeasureKind::Share,
            "2022-12-31",
            52.8,
            Qualifier::Exact,
            0.01,
        );
        old.definition = 1;
        let figures = [
            old,
            fig(
                MeasureKind::Share,
                "2024-04-30",
                38.3,
                Qualifier::About,
                0.1,
            ),
            fig(
                MeasureKind::Share,
                "2023-12-31",
                36.0,
                Qualifier::Exact,
                1.0,
            ),
        ];
        assert_eq!(latest_definition(&figures), Some(0));
        for rule in Rule::ALL {
            let mut pts = [QuantityPoint::PLACEHOLDER; 3];
            let m = measure_into(&figures, rule, &mut pts, &mut []).unwrap();
            assert_eq!((m.points, m.definition), (3, 0));
            assert_eq!(pts[0].aside, Some(Aside::Definition));
            assert_eq!((pts[0].point.value, pts[0].definition), (52.8, 1));
            let mut out = [Point::new(Date::EPOCH, 0.0); 3];
            let n = series_into(&pts[..m.points], &mut out).unwrap();
            assert_eq!(n, 2);
            assert_eq!([out[0].value, out[1].value], [36.0, 38.3]);
        }
        // The latest figure decides, whichever comes first in the input.
        let mut later = fig(
            MeasureKind::Share,
            "2025-06-30",
            40.0,
            Qualifier::Exact,
            1.0,
        );
        later.definition = 1;
        assert_eq!(latest_definition(&[later, figures[1]]), Some(1));
        assert_eq!(latest_definition(&[]), None);
    }

    #[test]
    fn a_figure_of_another_definition_neither_sets_aside_nor_conflicts() {
        // A 2022 total of an older definition against a daily average over
        // the same days that disagrees with it: no conflict is reported and
        // the totals rule does not set the average aside.
        let mut total = fig(MeasureKind::Flow, "2022", 860e6, Qualifier::Exact, 1e6);
        total.definition = 7;
        let figures = [
            total,
            fig(
                MeasureKind::DailyAverage,
                "2022",
                2.1e6,
                Qualifier::About,
                1e5,
            ),
            fig(
                MeasureKind::DailyAverage,
                "2024-04",
                2.8e6,
                Qualifier::About,
                1e5,
            ),
        ];
        let mut pts = [QuantityPoint::PLACEHOLDER; 3];
        let mut conflicts = [Conflict { a: 0, b: 0 }; 2];
        let m = measure_into(&figures, Rule::Totals, &mut pts, &mut conflicts).unwrap();
        assert_eq!(m.conflicts, 0);
        let kept: std::vec::Vec<f64> = pts
            .iter()
            .filter(|p| p.kept())
            .map(|p| p.point.value)
            .collect();
        assert_eq!(kept, [2.1e6, 2.8e6]);
        // Without the break, the total wins the same days.
        let mut same = figures;
        same[0].definition = 0;
        let m = measure_into(&same, Rule::Totals, &mut pts, &mut conflicts).unwrap();
        assert_eq!(m.conflicts, 1);
        assert!(pts.iter().any(|p| p.aside == Some(Aside::Rule)));
        // Nor does an observed total of another definition decide a target:
        // the year's daily average does (2,1 million × 365 days).
        let target = Target::new(
            800e6,
            Date::from_ymd(2022, 12, 31).unwrap(),
            crate::target::Comparison::AtLeast,
        )
        .unwrap();
        assert_eq!(
            evidence(&figures, &pts, &target).after.map(|p| p.value),
            Some(2.1e6 * 365.0)
        );
        assert_eq!(
            evidence(&same, &pts, &target).after.map(|p| p.value),
            Some(860e6)
        );
    }

    #[test]
    fn a_difference_across_a_break_is_set_aside() {
        let mut first = fig(
            MeasureKind::Cumulative,
            "2022-09-30",
            661e6,
            Qualifier::MoreThan,
            1e6,
        );
        first.definition = 1;
        let figures = [
            first,
            fig(
                MeasureKind::Cumulative,
                "2023-03-31",
                1276e6,
                Qualifier::MoreThan,
                1e6,
            ),
            fig(MeasureKind::Flow, "2024-04", 80e6, Qualifier::Exact, 1e6),
        ];
        let mut pts = [QuantityPoint::PLACEHOLDER; 3];
        let m = measure_into(&figures, Rule::All, &mut pts, &mut []).unwrap();
        assert_eq!(m.points, 3);
        assert!(pts[..2].iter().all(|p| p.aside == Some(Aside::Definition)));
        assert!(pts.iter().any(|p| p.conversion == Conversion::Difference));
        assert!(pts[2].kept());
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

    /// `ALL` lists each variant once, in order: the exhaustive matches stop
    /// the build when a variant is added and not listed.
    #[test]
    fn every_conversion_and_reason_is_listed() {
        let conversion = |c: Conversion| match c {
            Conversion::Level => 0,
            Conversion::Total => 1,
            Conversion::YearToDate => 2,
            Conversion::DailyAverage => 3,
            Conversion::SinceLaunch => 4,
            Conversion::Difference => 5,
        };
        let aside = |a: Aside| match a {
            Aside::Rule => 0,
            Aside::Covered => 1,
            Aside::SameDate => 2,
            Aside::Definition => 3,
        };
        for (i, c) in Conversion::ALL.into_iter().enumerate() {
            assert_eq!(conversion(c), i);
        }
        for (i, a) in Aside::ALL.into_iter().enumerate() {
            assert_eq!(aside(a), i);
        }
    }
}
