//! Conversions between measure kinds, on the real calendar.
//!
//! The reports move freely between kinds of figures: a year-to-date total
//! becomes a full-year estimate, a total becomes a daily average, a running
//! total since launch becomes the flow of one quarter. Each conversion here
//! counts days with [`Period::days`] (both ends included), so leap years and
//! month lengths are right, and each result can say how it was computed
//! ([`RunRate::explain`] and the like) with the day counts it used.
//!
//! | conversion | function | basis |
//! |---|---|---|
//! | year-to-date → full year | [`run_rate`], [`extrapolate`] | `x × D / d`, `d` = days from 1 January to the as-of day inclusive, `D` = 365 or 366 |
//! | period total → daily average | [`daily_average`] | `X / d`, `d` = days in the period |
//! | daily average → period total | [`period_total`] | `x̄ × d` |
//! | cumulative → flows | [`flow_between`], [`flows_into`] | `C(t₂) − C(t₁)`, over the days after `t₁` up to `t₂` |
//! | share → change | [`share_change`], [`readings_of_change`] | percentage points `b − a` or relative `100 × (b − a) / a` |
//!
//! # Examples
//!
//! ```
//! use dxcast_core::convert::run_rate;
//! use dxcast_core::Date;
//!
//! // 806 million transactions from 1/1 to 8/12/2022: 342 days of 365.
//! let r = run_rate(806e6, Date::from_ymd(2022, 12, 8)?)?;
//! assert_eq!((r.days_elapsed, r.days_in_period), (342, 365));
//! assert!((r.value - 860.2e6).abs() < 0.1e6);
//! # Ok::<(), dxcast_core::Error>(())
//! ```

use crate::date::Date;
use crate::error::{representable, Error, Expected, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Unit;
use crate::period::Period;
use crate::series::Point;

fn finite(value: f64, what: Field, index: usize) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::NotFinite { what, index })
    }
}

/// A total extended from the part of a period that has elapsed to the whole
/// period: `x × D / d`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RunRate {
    /// The total so far, `x`.
    pub year_to_date: f64,
    /// Days elapsed, `d`, counting the first and the as-of day.
    pub days_elapsed: u32,
    /// Days in the whole period, `D`.
    pub days_in_period: u32,
    /// The extended total.
    pub value: f64,
}

impl RunRate {
    /// How the run-rate was computed: [`Formula::RunRate`] with the total and
    /// both day counts.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] would need more terms than an
    /// explanation holds).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::RunRate, self.value)
            .with(Symbol::YearToDate, self.year_to_date, None)?
            .with(Symbol::DaysElapsed, f64::from(self.days_elapsed), None)?
            .with(Symbol::DaysInPeriod, f64::from(self.days_in_period), None)
    }
}

/// Extends a year-to-date total as of `as_of` (1 January to `as_of`, both
/// included) to the whole calendar year: `x × D / d` with `d =
/// as_of.ordinal()` and `D` = 365 or 366.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::run_rate;
/// use dxcast_core::Date;
///
/// // 2024 is a leap year: 29 February counts.
/// let r = run_rate(100.0, Date::from_ymd(2024, 3, 1)?)?;
/// assert_eq!((r.days_elapsed, r.days_in_period), (61, 366));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] (what `"year_to_date"`) for NaN or infinity.
pub fn run_rate(year_to_date: f64, as_of: Date) -> Result<RunRate> {
    let whole = Period::year(as_of.year())?;
    extrapolate(year_to_date, Period::year_to_date(as_of), whole)
}

/// Extends a total over `elapsed` to `whole`: `x × D / d` with `d =
/// elapsed.days()` and `D = whole.days()`. The general form of [`run_rate`]:
/// a quarter-to-date total extends to the quarter the same way.
///
/// # Errors
///
/// - [`Error::NotFinite`] (what `"year_to_date"`) for NaN or infinity;
/// - [`Error::InvalidArgument`] (name `"elapsed"`) when `elapsed` does not
///   start with `whole` or ends after it.
pub fn extrapolate(total: f64, elapsed: Period, whole: Period) -> Result<RunRate> {
    let total = finite(total, Field::YearToDate, 0)?;
    if elapsed.start() != whole.start() || elapsed.end() > whole.end() {
        return Err(Error::InvalidArgument {
            name: Field::Elapsed,
            expected: Expected::PeriodWithin,
        });
    }
    let (d, big_d) = (elapsed.days(), whole.days());
    Ok(RunRate {
        year_to_date: total,
        days_elapsed: d,
        days_in_period: big_d,
        value: representable(total * f64::from(big_d) / f64::from(d), Field::Total)?,
    })
}

/// A period's total divided by its days.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DailyAverage {
    /// The total over the period, `X`.
    pub total: f64,
    /// The period.
    pub period: Period,
    /// Its days, `d`.
    pub days: u32,
    /// The average per day.
    pub value: f64,
}

impl DailyAverage {
    /// How the average was computed: [`Formula::DailyAverage`].
    ///
    /// # Errors
    ///
    /// Never in practice (see [`RunRate::explain`]).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::DailyAverage, self.value)
            .with(Symbol::Total, self.total, None)?
            .with(Symbol::Days, f64::from(self.days), None)
    }
}

/// The average per day of `total` over `period`: `X / d`.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::daily_average;
/// use dxcast_core::Period;
///
/// // 58.397.139 transactions in September 2022 (30 days).
/// let a = daily_average(58_397_139.0, Period::parse("2022-09")?)?;
/// assert_eq!(a.days, 30);
/// assert!((a.value - 1_946_571.3).abs() < 0.1);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] (what `"total"`) for NaN or infinity.
pub fn daily_average(total: f64, period: Period) -> Result<DailyAverage> {
    let total = finite(total, Field::Total, 0)?;
    let days = period.days();
    Ok(DailyAverage {
        total,
        period,
        days,
        value: total / f64::from(days),
    })
}

/// A daily average multiplied by a period's days.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PeriodTotal {
    /// The average per day, `x̄`.
    pub daily_average: f64,
    /// The period.
    pub period: Period,
    /// Its days, `d`.
    pub days: u32,
    /// The total.
    pub value: f64,
}

impl PeriodTotal {
    /// How the total was computed: [`Formula::PeriodTotal`].
    ///
    /// # Errors
    ///
    /// Never in practice (see [`RunRate::explain`]).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::PeriodTotal, self.value)
            .with(Symbol::DailyAverage, self.daily_average, None)?
            .with(Symbol::Days, f64::from(self.days), None)
    }
}

/// The total over `period` of a daily average: `x̄ × d`.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::period_total;
/// use dxcast_core::Period;
///
/// // "about 1.6 million a day since the start of 2022", to 30/9/2022.
/// let t = period_total(1.6e6, Period::parse("2022-01-01/2022-09-30")?)?;
/// assert_eq!(t.days, 273);
/// assert!((t.value - 436.8e6).abs() < 1.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::NotFinite`] (what `"daily_average"`) for NaN or infinity.
pub fn period_total(daily_average: f64, period: Period) -> Result<PeriodTotal> {
    let daily_average = finite(daily_average, Field::DailyAverage, 0)?;
    let days = period.days();
    Ok(PeriodTotal {
        daily_average,
        period,
        days,
        value: representable(daily_average * f64::from(days), Field::Total)?,
    })
}

/// The flow between two readings of a cumulative series.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flow {
    /// The days the flow covers: from the day after the earlier reading to
    /// the day of the later one, (t₁, t₂].
    pub period: Period,
    /// The earlier reading, `C(t₁)`.
    pub start: f64,
    /// The later reading, `C(t₂)`.
    pub end: f64,
    /// The flow, `C(t₂) − C(t₁)`.
    pub value: f64,
}

impl Flow {
    /// How the flow was computed: [`Formula::CumulativeDifference`] with the
    /// earlier reading as `a`, the later as `b` and the days covered.
    ///
    /// # Errors
    ///
    /// Never in practice (see [`RunRate::explain`]).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::CumulativeDifference, self.value)
            .with(Symbol::A, self.start, None)?
            .with(Symbol::B, self.end, None)?
            .with(Symbol::Days, f64::from(self.period.days()), None)
    }

    /// The flow's average per day.
    #[must_use]
    pub fn per_day(&self) -> f64 {
        self.value / f64::from(self.period.days())
    }
}

/// The flow between two readings of a running total. Its period is (t₁, t₂]:
/// the readings count everything up to and including their day.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::flow_between;
/// use dxcast_core::{Date, Point};
///
/// let a = Point::new(Date::from_ymd(2022, 9, 30)?, 661e6);
/// let b = Point::new(Date::from_ymd(2023, 3, 31)?, 1_276e6);
/// let f = flow_between(a, b)?;
/// assert_eq!(f.period.start(), Date::from_ymd(2022, 10, 1)?);
/// assert_eq!(f.period.days(), 182);
/// assert_eq!(f.value, 615e6);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::NotFinite`] (what `"value"`, index 0 or 1) for NaN or infinity;
/// - [`Error::Unsorted`] (index 1) unless the later reading's date is after
///   the earlier one's.
pub fn flow_between(earlier: Point, later: Point) -> Result<Flow> {
    let start = finite(earlier.value, Field::Value, 0)?;
    let end = finite(later.value, Field::Value, 1)?;
    if later.date == earlier.date {
        return Err(Error::DuplicateDate { index: 1 });
    }
    if later.date < earlier.date {
        return Err(Error::Unsorted { index: 1 });
    }
    let period = Period::range(earlier.date.add_days(1)?, later.date)?;
    Ok(Flow {
        period,
        start,
        end,
        value: representable(end - start, Field::Flows)?,
    })
}

/// The flows between consecutive readings of a running total, written into
/// `out`; returns how many were written (one fewer than the readings).
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::{flow_between, flows_into};
/// use dxcast_core::{Date, Point};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 661e6),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 1_084e6),
///     Point::new(Date::from_ymd(2023, 3, 31)?, 1_276e6),
/// ];
/// // Any flow will do as the initial content of the buffer.
/// let mut out = [flow_between(pts[0], pts[1])?; 4];
/// let n = flows_into(&pts, &mut out)?;
/// assert_eq!(n, 2);
/// assert_eq!(out[0].value, 423e6);
/// assert_eq!(out[1].period.days(), 90);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::TooFewPoints`] for fewer than two readings;
/// - [`Error::Capacity`] when `out` has room for fewer flows than needed
///   (nothing is written);
/// - [`Error::NotFinite`] and [`Error::Unsorted`] with the index of the
///   offending reading.
pub fn flows_into(points: &[Point], out: &mut [Flow]) -> Result<usize> {
    let n = points.len().saturating_sub(1);
    if points.len() < 2 {
        return Err(Error::TooFewPoints {
            method: Task::CumulativeFlows,
            needed: 2,
            got: points.len(),
        });
    }
    if out.len() < n {
        return Err(Error::Capacity {
            what: Field::Flows,
            capacity: out.len(),
        });
    }
    // Check everything before writing anything.
    for (i, pair) in points.windows(2).enumerate() {
        if let [a, b] = pair {
            flow_between(*a, *b).map_err(|e| relocate(e, i))?;
        }
    }
    for (slot, pair) in out.iter_mut().zip(points.windows(2)) {
        if let [a, b] = pair {
            *slot = flow_between(*a, *b)?;
        }
    }
    Ok(n)
}

/// Moves an index reported for a pair (0 or 1) to the index in the whole slice.
fn relocate(e: Error, base: usize) -> Error {
    match e {
        Error::NotFinite { what, index } => Error::NotFinite {
            what,
            index: base.saturating_add(index),
        },
        Error::Unsorted { index } => Error::Unsorted {
            index: base.saturating_add(index),
        },
        other => other,
    }
}

/// A change of a share, both ways: in percentage points and relative.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ShareChange {
    /// The earlier share, percent.
    pub before: f64,
    /// The later share, percent.
    pub after: f64,
    /// `after − before`, in percentage points.
    pub points: f64,
    /// `100 × (after − before) / before`, in percent; `None` when `before` is 0.
    pub relative: Option<f64>,
}

impl ShareChange {
    /// The change in points: [`Formula::PointChange`].
    ///
    /// # Errors
    ///
    /// Never in practice (see [`RunRate::explain`]).
    pub fn explain_points(&self) -> Result<Explanation> {
        Explanation::new(Formula::PointChange, self.points)
            .with(Symbol::A, self.before, Some(Unit::Percent))?
            .with(Symbol::B, self.after, Some(Unit::Percent))
    }

    /// The relative change: [`Formula::RelativeChange`] (result NaN when
    /// `before` is 0).
    ///
    /// # Errors
    ///
    /// Never in practice (see [`RunRate::explain`]).
    pub fn explain_relative(&self) -> Result<Explanation> {
        Explanation::new(Formula::RelativeChange, self.relative.unwrap_or(f64::NAN))
            .with(Symbol::A, self.before, Some(Unit::Percent))?
            .with(Symbol::B, self.after, Some(Unit::Percent))
    }
}

/// The change from share `before` to share `after` (both in percent), in
/// percentage points and relative.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::share_change;
///
/// // 52,8% against a 50% plan: 2.8 points, 5.6% relative.
/// let c = share_change(50.0, 52.8)?;
/// assert!((c.points - 2.8).abs() < 1e-12);
/// assert!((c.relative.unwrap() - 5.6).abs() < 1e-12);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::NotFinite`] (what `"share"`, index 0 or 1) for NaN or infinity;
/// - [`Error::OutOfBounds`] (what `"share"`) for a share outside 0–100.
pub fn share_change(before: f64, after: f64) -> Result<ShareChange> {
    let before = share(before, 0)?;
    let after = share(after, 1)?;
    let relative = if before == 0.0 {
        None
    } else {
        Some(100.0 * (after - before) / before)
    };
    Ok(ShareChange {
        before,
        after,
        points: after - before,
        relative,
    })
}

fn share(v: f64, index: usize) -> Result<f64> {
    let v = finite(v, Field::Value, index)?;
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(Error::OutOfBounds {
            what: Field::Value,
            index,
        })
    }
}

/// What a stated change of a share ("77,1%, tăng 35,65%") says about the
/// earlier share, under each reading of the `%`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Readings {
    /// The earlier share if the change is in percentage points: `after − c`.
    pub before_if_points: f64,
    /// The earlier share if the change is relative: `after / (1 + c/100)`.
    pub before_if_relative: f64,
}

/// The earlier share implied by a later share `after` and a stated change
/// `change`, read both as percentage points and as a relative change. The
/// reports never say which they mean; dxcast shows both.
///
/// # Examples
///
/// ```
/// use dxcast_core::convert::readings_of_change;
///
/// // "77,1%, tăng 35,65% so với cùng kỳ năm 2021".
/// let r = readings_of_change(77.1, 35.65)?;
/// assert!((r.before_if_points - 41.45).abs() < 1e-9);
/// assert!((r.before_if_relative - 56.8374).abs() < 1e-4);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::NotFinite`] for NaN or infinity (index 0 for `after`, 1 for `change`);
/// - [`Error::OutOfBounds`] (what `"share"`, index 0) for `after` outside 0–100;
/// - [`Error::InvalidArgument`] (name `"change"`) for a change of −100% or
///   less, which no earlier share can produce.
pub fn readings_of_change(after: f64, change: f64) -> Result<Readings> {
    let after = share(after, 0)?;
    let change = finite(change, Field::Change, 1)?;
    let factor = 1.0 + change / 100.0;
    if factor <= 0.0 {
        return Err(Error::InvalidArgument {
            name: Field::Change,
            expected: Expected::ChangeAboveMinus100,
        });
    }
    Ok(Readings {
        before_if_points: after - change,
        before_if_relative: after / factor,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::from_ymd(y, m, dd).unwrap()
    }

    #[test]
    fn run_rate_counts_both_ends() {
        // 1 Jan .. 8 Dec 2022: 31+28+31+30+31+30+31+31+30+31+30+8 = 342.
        let r = run_rate(806e6, d(2022, 12, 8)).unwrap();
        assert_eq!(r.days_elapsed, 342);
        assert_eq!(r.days_in_period, 365);
        // 806 × 365 / 342 = 294 190 / 342 = 860.204678...
        assert!((r.value / 1e6 - 860.204_678).abs() < 1e-6);
        let e = r.explain().unwrap();
        assert_eq!(e.term(Symbol::DaysElapsed), Some(342.0));
        assert_eq!(e.term(Symbol::DaysInPeriod), Some(365.0));
        // On 31 December the run-rate is the total itself.
        assert_eq!(run_rate(5.0, d(2023, 12, 31)).unwrap().value, 5.0);
        // Leap year: 1 Jan .. 31 Mar 2024 is 91 days of 366.
        let r = run_rate(91.0, d(2024, 3, 31)).unwrap();
        assert_eq!((r.days_elapsed, r.days_in_period), (91, 366));
        assert_eq!(r.value, 366.0);
    }

    #[test]
    fn extrapolate_checks_the_periods() {
        let q = Period::quarter(2023, 1).unwrap();
        let part = Period::range(d(2023, 1, 1), d(2023, 2, 21)).unwrap();
        // 52 of 90 days.
        let r = extrapolate(52.0, part, q).unwrap();
        assert_eq!(r.value, 90.0);
        let late = Period::range(d(2023, 1, 2), d(2023, 2, 21)).unwrap();
        assert!(matches!(
            extrapolate(1.0, late, q),
            Err(Error::InvalidArgument { .. })
        ));
        let over = Period::range(d(2023, 1, 1), d(2023, 4, 1)).unwrap();
        assert!(extrapolate(1.0, over, q).is_err());
        assert!(run_rate(f64::NAN, d(2022, 1, 1)).is_err());
    }

    #[test]
    fn averages_and_totals() {
        // 860 million over 2022 (365 days): 2.356 164... million a day.
        let a = daily_average(860e6, Period::year(2022).unwrap()).unwrap();
        assert!((a.value - 2_356_164.383_561_6).abs() < 1e-3);
        assert_eq!(a.explain().unwrap().term(Symbol::Days), Some(365.0));
        // February 2024 has 29 days.
        let t = period_total(10.0, Period::month(2024, 2).unwrap()).unwrap();
        assert_eq!(t.value, 290.0);
        assert!(daily_average(f64::INFINITY, Period::year(2022).unwrap()).is_err());
    }

    #[test]
    fn flows_of_a_running_total() {
        let pts = [
            Point::new(d(2022, 9, 30), 661.0),
            Point::new(d(2022, 12, 31), 1084.0),
            Point::new(d(2023, 3, 31), 1276.0),
        ];
        let blank = flow_between(pts[0], pts[1]).unwrap();
        let mut out = [blank; 2];
        assert_eq!(flows_into(&pts, &mut out).unwrap(), 2);
        // Q4 2022: 1 Oct .. 31 Dec = 92 days.
        assert_eq!(
            out[0].period,
            Period::range(d(2022, 10, 1), d(2022, 12, 31)).unwrap()
        );
        assert_eq!(out[0].period.days(), 92);
        assert_eq!(out[0].value, 423.0);
        assert_eq!(out[1].value, 192.0);
        assert_eq!(out[1].per_day(), 192.0 / 90.0);
        let mut small = [blank; 1];
        assert!(matches!(
            flows_into(&pts, &mut small),
            Err(Error::Capacity { .. })
        ));
        let bad = [pts[1], pts[0], pts[2]];
        let mut out2 = [blank; 2];
        assert_eq!(
            flows_into(&bad, &mut out2),
            Err(Error::Unsorted { index: 1 })
        );
        // Nothing was written.
        assert_eq!(out2, [blank; 2]);
        let nan = [pts[0], Point::new(d(2023, 1, 1), f64::NAN)];
        assert_eq!(
            flows_into(&nan, &mut out2),
            Err(Error::NotFinite {
                what: Field::Value,
                index: 1
            })
        );
        assert!(flows_into(&pts[..1], &mut out2).is_err());
    }

    #[test]
    fn share_changes_both_ways() {
        let c = share_change(40.0, 80.0).unwrap();
        assert_eq!(c.points, 40.0);
        assert_eq!(c.relative, Some(100.0));
        assert_eq!(c.explain_points().unwrap().result, Some(40.0));
        assert_eq!(share_change(0.0, 5.0).unwrap().relative, None);
        assert!(share_change(-1.0, 5.0).is_err());
        assert!(share_change(5.0, 100.5).is_err());
        // 67,8% up "nearly 36%": 31,8% before if points, 49,85% if relative.
        let r = readings_of_change(67.8, 36.0).unwrap();
        assert!((r.before_if_points - 31.8).abs() < 1e-12);
        assert!((r.before_if_relative - 67.8 / 1.36).abs() < 1e-12);
        assert!(readings_of_change(50.0, -100.0).is_err());
    }
}
