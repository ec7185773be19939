//! From an indicator's observations to a series the methods can project.
//!
//! Reports mix kinds of figures. A level (a count of teams, a share, a rank, a
//! running total) can be projected as it is, at its as-of date. A total over a
//! period cannot: September's 58 million transactions and 2022's 860 million
//! are not on one scale. dxcast projects totals as **daily rates**: each flow or
//! year-to-date figure is divided by the days of its period and placed at the
//! period's middle; a target on a yearly total becomes a target on the daily
//! rate in the middle of that year, and a projected rate becomes a total again
//! by multiplying by the days of the target's year.
//!
//! [`points_into`] builds the series: it drops targets, converts totals to
//! rates, sorts by date and keeps one point per date (an observed figure beats
//! an estimate of the same date; among equals, the later one in the input wins,
//! so callers list older reports first).

use crate::date::Date;
use crate::error::{Error, Field, Result};
use crate::indicator::{Anchor, MeasureKind};
use crate::observation::{Observation, Status};
use crate::period::Period;
use crate::series::Point;
use crate::target::Target;

/// The most points a built series holds (the methods' least-squares limit).
pub const MAX_POINTS: usize = crate::lstsq::MAX_ROWS;

/// What the points of a projected series measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    /// The indicator's own values at their as-of dates: levels, shares, ranks,
    /// running totals and daily averages.
    Level,
    /// Totals per period (flows, year-to-date totals) as per-day rates at the
    /// middle of their period.
    DailyRate,
}

impl Basis {
    /// The basis on which indicators of `kind` are projected.
    #[must_use]
    pub const fn for_kind(kind: MeasureKind) -> Basis {
        match kind {
            MeasureKind::Flow | MeasureKind::YearToDate => Basis::DailyRate,
            _ => Basis::Level,
        }
    }
}

/// The date a figure of `kind` over `period` sits at on a time axis: the
/// period's middle for totals and averages, its last day for levels.
#[must_use]
pub fn anchor_date(kind: MeasureKind, period: Period) -> Date {
    let mid = || {
        // Half the days after the start, rounded down: a one-day period sits on its day.
        let half = i32::try_from(period.days().saturating_sub(1) / 2).unwrap_or(0);
        period.start().add_days(half).unwrap_or(period.start())
    };
    match kind {
        MeasureKind::YearToDate => {
            let ytd = Period::year_to_date(period.end());
            let half = i32::try_from(ytd.days().saturating_sub(1) / 2).unwrap_or(0);
            ytd.start().add_days(half).unwrap_or(ytd.start())
        }
        _ => match kind.anchor() {
            Anchor::Middle => mid(),
            Anchor::End => period.end(),
        },
    }
}

/// The value of an observation on its kind's [`Basis`]: totals divided by
/// their days (a year-to-date figure by the days since 1 January), everything
/// else unchanged.
#[must_use]
pub fn basis_value(kind: MeasureKind, observation: &Observation) -> f64 {
    match kind {
        MeasureKind::Flow => observation.value / f64::from(observation.period.days()),
        MeasureKind::YearToDate => {
            observation.value / f64::from(Period::year_to_date(observation.period.end()).days())
        }
        _ => observation.value,
    }
}

/// Writes the projectable series of an indicator of `kind` into `out` and
/// returns how many points it holds. See the [module docs](self) for the rules.
///
/// # Examples
///
/// ```
/// use dxcast_core::basis::points_into;
/// use dxcast_core::{MeasureKind, Observation, Period, Point, Qualifier, Status, Date};
///
/// let obs = |p: &str, v: f64, s: Status| -> Result<Observation, dxcast_core::Error> {
///     Ok(Observation { value: v, period: Period::parse(p)?, status: s,
///                      qualifier: Qualifier::Exact, precision: 0.0 })
/// };
/// // NDXP transactions: a year, a month, a quarter.
/// let flows = [
///     obs("2021", 180e6, Status::Observed)?,
///     obs("2022-09", 58_397_139.0, Status::Observed)?,
///     obs("2023-Q1", 111e6, Status::Observed)?,
/// ];
/// let mut out = [Point::new(Date::EPOCH, 0.0); 8];
/// let n = points_into(MeasureKind::Flow, &flows, &mut out)?;
/// assert_eq!(n, 3);
/// // 58 397 139 in the 30 days of September, placed on 15 September.
/// assert_eq!(out[1].date, Date::from_ymd(2022, 9, 15)?);
/// assert!((out[1].value - 58_397_139.0 / 30.0).abs() < 1e-6);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::NotFinite`] for a NaN or infinite value (index of the observation);
/// - [`Error::Capacity`] when `out` cannot hold the points, or there are more
///   than [`MAX_POINTS`] (nothing useful is left in `out` then).
pub fn points_into(
    kind: MeasureKind,
    observations: &[Observation],
    out: &mut [Point],
) -> Result<usize> {
    let capacity = out.len();
    let mut len = 0usize;
    // Status of each written point, to settle duplicates.
    let mut statuses = [Status::Observed; MAX_POINTS];
    for (index, o) in observations.iter().enumerate() {
        if o.status == Status::Target {
            continue;
        }
        let value = basis_value(kind, o);
        if !value.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Value,
                index,
            });
        }
        let point = Point::new(anchor_date(kind, o.period), value);
        let written = out.get(..len).unwrap_or(&[]);
        // Insertion position that keeps the dates increasing.
        let pos = written.partition_point(|p| p.date < point.date);
        if written.get(pos).is_some_and(|p| p.date == point.date) {
            let old = statuses.get(pos).copied().unwrap_or(Status::Observed);
            let replace = !(old == Status::Observed && o.status == Status::Estimate);
            if replace {
                if let Some(slot) = out.get_mut(pos) {
                    *slot = point;
                }
                if let Some(slot) = statuses.get_mut(pos) {
                    *slot = o.status;
                }
            }
            continue;
        }
        if len >= capacity || len >= statuses.len() {
            return Err(Error::Capacity {
                what: Field::Points,
                capacity: capacity.min(statuses.len()),
            });
        }
        // Shift the tail right by one and insert.
        let end = len.saturating_add(1);
        crate::slices::insert(out, len, pos, point);
        crate::slices::insert(&mut statuses, len, pos, o.status);
        len = end;
    }
    Ok(len)
}

impl Basis {
    /// What a value on this basis at `date` is multiplied by to be on the
    /// scale of yearly totals: the days of `date`'s year (365 or 366) for a
    /// daily rate, 1 for a level. It is the factor [`evaluation`] applies at
    /// a target's deadline, taken at any date: a chart or a table that shows
    /// totals over months, quarters and years on one scale multiplies their
    /// daily rates by it.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::basis::Basis;
    /// use dxcast_core::Date;
    ///
    /// assert_eq!(Basis::DailyRate.factor(Date::from_ymd(2024, 7, 1)?), 366.0);
    /// assert_eq!(Basis::Level.factor(Date::from_ymd(2024, 7, 1)?), 1.0);
    /// # Ok::<(), dxcast_core::Error>(())
    /// ```
    #[must_use]
    pub fn factor(self, date: Date) -> f64 {
        match self {
            Basis::DailyRate => f64::from(crate::date::days_in_year(date.year())),
            Basis::Level => 1.0,
        }
    }
}

/// An observation on the scale of yearly totals: a total over a period (a
/// flow, a year-to-date figure) as the yearly total at its daily rate, that
/// is [`basis_value`] times the days of the year of its [`anchor_date`]; any
/// other figure as it is. September 2022's 58 397 139 NDXP transactions are
/// 58 397 139 / 30 × 365 ≈ 710.5 million a year.
///
/// # Examples
///
/// ```
/// use dxcast_core::basis::yearly_value;
/// use dxcast_core::{MeasureKind, Observation, Period, Qualifier, Status};
///
/// let september = Observation { value: 58_397_139.0, period: Period::parse("2022-09")?,
///     status: Status::Observed, qualifier: Qualifier::Exact, precision: 0.0 };
/// let a_year = yearly_value(MeasureKind::Flow, &september);
/// assert!((a_year - 58_397_139.0 / 30.0 * 365.0).abs() < 1e-6);
/// assert_eq!(yearly_value(MeasureKind::Stock, &september), 58_397_139.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[must_use]
pub fn yearly_value(kind: MeasureKind, observation: &Observation) -> f64 {
    let date = anchor_date(kind, observation.period);
    basis_value(kind, observation) * Basis::for_kind(kind).factor(date)
}

/// Where and at what value a projection on the kind's [`Basis`] meets a
/// target, and how to turn a projected basis value back into the target's
/// terms.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Evaluation {
    /// The date to evaluate the projection at.
    pub date: Date,
    /// The target's value on the basis (a yearly total becomes a daily rate).
    pub value: f64,
    /// What a basis value is multiplied by to be in the target's terms (the
    /// days of the target's year for totals, 1 otherwise).
    pub factor: f64,
}

/// The [`Evaluation`] of `target` for an indicator of `kind`. Targets on
/// totals are taken to be yearly totals for the calendar year of their
/// deadline, as in the reports ("giao dịch … năm 2023").
#[must_use]
pub fn evaluation(kind: MeasureKind, target: &Target) -> Evaluation {
    match Basis::for_kind(kind) {
        Basis::Level => Evaluation {
            date: target.deadline,
            value: target.value,
            factor: 1.0,
        },
        Basis::DailyRate => {
            let year = Period::year(target.deadline.year()).unwrap_or(Period::day(target.deadline));
            let days = f64::from(year.days());
            Evaluation {
                date: anchor_date(MeasureKind::Flow, year),
                value: target.value / days,
                factor: days,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::observation::Qualifier;
    use crate::target::Comparison;

    fn obs(p: &str, v: f64, s: Status) -> Observation {
        Observation {
            value: v,
            period: Period::parse(p).unwrap(),
            status: s,
            qualifier: Qualifier::Exact,
            precision: 0.0,
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::from_ymd(y, m, dd).unwrap()
    }

    #[test]
    fn observed_beats_estimate_on_the_same_date_whatever_the_order() {
        // dvctt_level4_share: 100 % estimated (r001) and 97,3 % observed (r004) for 31/12/2022.
        let a = [
            obs("2022-09-30", 97.3, Status::Observed),
            obs("2022-12-31", 100.0, Status::Estimate),
            obs("2022-12-31", 97.3, Status::Observed),
        ];
        let mut out = [Point::new(Date::EPOCH, 0.0); 4];
        assert_eq!(points_into(MeasureKind::Share, &a, &mut out).unwrap(), 2);
        assert_eq!(out[1], Point::new(d(2022, 12, 31), 97.3));
        let b = [a[2], a[1], a[0]];
        assert_eq!(points_into(MeasureKind::Share, &b, &mut out).unwrap(), 2);
        assert_eq!(out[0], Point::new(d(2022, 9, 30), 97.3));
        assert_eq!(out[1], Point::new(d(2022, 12, 31), 97.3));
    }

    #[test]
    fn targets_are_dropped_and_dates_sorted() {
        let a = [
            obs("2023-03-31", 71_836.0, Status::Observed),
            obs("2025-12-31", 1e6, Status::Target),
            obs("2022-09-30", 59_600.0, Status::Observed),
            obs("2022-11-20", 68_933.0, Status::Observed),
        ];
        let mut out = [Point::new(Date::EPOCH, 0.0); 3];
        assert_eq!(points_into(MeasureKind::Stock, &a, &mut out).unwrap(), 3);
        assert_eq!(out[0].value, 59_600.0);
        assert_eq!(out[2].value, 71_836.0);
        let mut small = [Point::new(Date::EPOCH, 0.0); 2];
        assert!(matches!(
            points_into(MeasureKind::Stock, &a, &mut small),
            Err(Error::Capacity { .. })
        ));
    }

    #[test]
    fn year_to_date_becomes_a_rate_over_its_days() {
        // 806 million from 1/1 to 8/12/2022: 342 days, centred on 20 June.
        let a = [obs("2022-12-08", 806e6, Status::Observed)];
        let mut out = [Point::new(Date::EPOCH, 0.0); 1];
        points_into(MeasureKind::YearToDate, &a, &mut out).unwrap();
        assert!((out[0].value - 806e6 / 342.0).abs() < 1e-6);
        assert_eq!(out[0].date, d(2022, 6, 20));
    }

    #[test]
    fn totals_on_the_scale_of_yearly_totals() {
        // The reports' NDXP figures (data/observations.csv): a quarter, a
        // year, and a year-to-date total over 342 days.
        let q1 = obs("2023-Q1", 111e6, Status::Observed);
        assert!((yearly_value(MeasureKind::Flow, &q1) - 111e6 / 90.0 * 365.0).abs() < 1e-6);
        let year = obs("2022", 860e6, Status::Estimate);
        assert_eq!(yearly_value(MeasureKind::Flow, &year), 860e6);
        let ytd = obs("2022-01-01/2022-12-08", 806e6, Status::Observed);
        let expected = 806e6 / 342.0 * 365.0;
        assert!((yearly_value(MeasureKind::YearToDate, &ytd) - expected).abs() < 1e-6);
        // A leap year has 366 days: 2024's first quarter has 91.
        let leap = obs("2024-Q1", 91.0, Status::Observed);
        assert_eq!(yearly_value(MeasureKind::Flow, &leap), 366.0);
        assert_eq!(Basis::DailyRate.factor(d(2023, 12, 31)), 365.0);
        let share = obs("2022-09-30", 43.0, Status::Observed);
        assert_eq!(yearly_value(MeasureKind::Share, &share), 43.0);
    }

    #[test]
    fn yearly_total_target_becomes_a_mid_year_rate() {
        let t = Target::new(860e6, d(2023, 12, 31), Comparison::GreaterThan).unwrap();
        let e = evaluation(MeasureKind::Flow, &t);
        assert_eq!(e.date, d(2023, 7, 2));
        assert_eq!(e.factor, 365.0);
        assert!((e.value * e.factor - 860e6).abs() < 1e-3);
        let share = Target::new(80.0, d(2025, 12, 31), Comparison::AtLeast).unwrap();
        let e = evaluation(MeasureKind::Share, &share);
        assert_eq!((e.date, e.value, e.factor), (d(2025, 12, 31), 80.0, 1.0));
    }
}
