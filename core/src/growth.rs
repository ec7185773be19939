//! Growth: changes between two values, multiples, and compound annual growth.
//!
//! A change is either relative (`100 × (b − a) / a`, in percent) or in
//! percentage points (`b − a`, for shares); a multiple is `b / a` ("gấp 4,8
//! lần"). [`period_over_period`] and [`year_on_year`] check that the two
//! periods really are consecutive or a year apart before comparing them.
//! [`cagr`] works over irregular spans, counting years as days / 365.2425
//! ([`crate::series::years_between`]).
//!
//! # Examples
//!
//! ```
//! use dxcast_core::growth::{multiple, ChangeKind, year_on_year};
//! use dxcast_core::Period;
//!
//! // 860 million in 2022 against about 180 million in 2021.
//! let m = multiple(180e6, 860e6)?;
//! assert!((m.value - 4.777_777).abs() < 1e-6);
//!
//! let c = year_on_year(Period::parse("2023-Q1")?, 3_446.0, Period::parse("2024-Q1")?, 2_323.0,
//!                      ChangeKind::Relative)?;
//! assert!((c.value - (-32.59)).abs() < 0.01);
//! # Ok::<(), dxcast_core::Error>(())
//! ```

use crate::error::{representable, Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Unit;
use crate::period::{Period, PeriodKind};
use crate::series::{years_between, Point};

/// How a change is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ChangeKind {
    /// `100 × (b − a) / a`, in percent.
    Relative,
    /// `b − a`, in percentage points (for shares) or in the values' unit.
    Points,
    /// `b / a`, "gấp N lần".
    Multiple,
}

impl ChangeKind {
    /// The formula that computes it.
    #[must_use]
    pub const fn formula(self) -> Formula {
        match self {
            ChangeKind::Relative => Formula::RelativeChange,
            ChangeKind::Points => Formula::PointChange,
            ChangeKind::Multiple => Formula::Multiple,
        }
    }
}

/// A change from `before` to `after`.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Change {
    /// How it is measured.
    pub kind: ChangeKind,
    /// The earlier value (the base).
    pub before: f64,
    /// The later value.
    pub after: f64,
    /// The change: percent, points or times.
    pub value: f64,
}

impl Change {
    /// How the change was computed. For relative and point changes `a` is the
    /// earlier value and `b` the later (as in their formulas); for multiples
    /// `m = a / b`, so `a` is the later value and `b` the base.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] would need more terms than an
    /// explanation holds).
    pub fn explain(&self) -> Result<Explanation> {
        let e = Explanation::new(self.kind.formula(), self.value);
        match self.kind {
            ChangeKind::Multiple => {
                e.with(Symbol::A, self.after, None)?
                    .with(Symbol::B, self.before, None)
            }
            ChangeKind::Relative | ChangeKind::Points => e
                .with(Symbol::A, self.before, None)?
                .with(Symbol::B, self.after, None),
        }
    }
}

fn finite(value: f64, index: usize) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::NotFinite {
            what: Field::Value,
            index,
        })
    }
}

fn positive(value: f64, index: usize) -> Result<f64> {
    let v = finite(value, index)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err(Error::NonPositive {
            what: Field::BaseValue,
            index,
        })
    }
}

/// The change from `before` to `after` measured as `kind`.
///
/// # Errors
///
/// - [`Error::NotFinite`] (index 0 for `before`, 1 for `after`);
/// - [`Error::NonPositive`] (index 0) for a relative change or multiple whose
///   base `before` is zero or negative.
pub fn change(kind: ChangeKind, before: f64, after: f64) -> Result<Change> {
    let after = finite(after, 1)?;
    let (before, value) = match kind {
        ChangeKind::Relative => {
            let b = positive(before, 0)?;
            (b, 100.0 * (after / b - 1.0))
        }
        ChangeKind::Multiple => {
            let b = positive(before, 0)?;
            (b, after / b)
        }
        ChangeKind::Points => {
            let b = finite(before, 0)?;
            (b, after - b)
        }
    };
    Ok(Change {
        kind,
        before,
        after,
        value: representable(value, Field::Change)?,
    })
}

/// The relative change from `before` to `after`, in percent.
///
/// # Examples
///
/// ```
/// use dxcast_core::growth::relative_change;
///
/// assert!((relative_change(50.0, 52.8)?.value - 5.6).abs() < 1e-12);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`change`].
pub fn relative_change(before: f64, after: f64) -> Result<Change> {
    change(ChangeKind::Relative, before, after)
}

/// The change from `before` to `after` in points (percentage points for shares).
///
/// # Errors
///
/// As [`change`].
pub fn point_change(before: f64, after: f64) -> Result<Change> {
    change(ChangeKind::Points, before, after)
}

/// How many times `before` the value `after` is: "gấp N lần".
///
/// # Errors
///
/// As [`change`].
pub fn multiple(before: f64, after: f64) -> Result<Change> {
    change(ChangeKind::Multiple, before, after)
}

/// The change from one period to the next: `later` must start the day after
/// `earlier` ends, and both must be stated the same way (two months, two
/// quarters, two years, two days or two ranges).
///
/// # Examples
///
/// ```
/// use dxcast_core::growth::{period_over_period, ChangeKind};
/// use dxcast_core::Period;
///
/// let c = period_over_period(Period::parse("2022-Q4")?, 200.0,
///                            Period::parse("2023-Q1")?, 111.0, ChangeKind::Relative)?;
/// assert!((c.value + 44.5).abs() < 1e-12);
/// assert!(period_over_period(Period::parse("2022-Q3")?, 1.0,
///                            Period::parse("2023-Q1")?, 1.0, ChangeKind::Relative).is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::InvalidArgument`] (name `"periods"`) for periods that are not
/// consecutive or not of the same kind, and the errors of [`change`].
pub fn period_over_period(
    earlier: Period,
    before: f64,
    later: Period,
    after: f64,
    kind: ChangeKind,
) -> Result<Change> {
    let next_day = earlier.end().add_days(1)?;
    if earlier.kind() != later.kind() || later.start() != next_day {
        return Err(Error::InvalidArgument {
            name: Field::Periods,
            expected: Expected::ConsecutivePeriods,
        });
    }
    change(kind, before, after)
}

/// The change on the same period a year earlier ("so với cùng kỳ"): `later`
/// must be `earlier` moved by twelve months, stated the same way.
///
/// # Errors
///
/// [`Error::InvalidArgument`] (name `"periods"`) for periods that are not a
/// year apart or not of the same kind, and the errors of [`change`].
pub fn year_on_year(
    earlier: Period,
    before: f64,
    later: Period,
    after: f64,
    kind: ChangeKind,
) -> Result<Change> {
    let err = Error::InvalidArgument {
        name: Field::Periods,
        expected: Expected::YearApart,
    };
    if earlier.kind() != later.kind() || later.start() != earlier.start().add_months(12)? {
        return Err(err);
    }
    // Months, quarters, years and days are fixed by their start; a range
    // must also end a year later.
    if earlier.kind() == PeriodKind::Range && later.end() != earlier.end().add_months(12)? {
        return Err(err);
    }
    change(kind, before, after)
}

/// Compound annual growth between two dated values.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cagr {
    /// The earlier value.
    pub start: Point,
    /// The later value.
    pub end: Point,
    /// The span in years of 365.2425 days.
    pub years: f64,
    /// The growth per year, in percent: `100 × ((b / a)^(1/t) − 1)`.
    pub percent_per_year: f64,
    /// The change per year in the values' unit (percentage points for
    /// shares): `(b − a) / t`.
    pub points_per_year: f64,
}

impl Cagr {
    /// How the growth was computed: [`Formula::Cagr`] with `a`, `b`, the
    /// years `t`, and the result as a fraction per year (as in the formula;
    /// the field [`Cagr::percent_per_year`] is 100 times it).
    ///
    /// # Errors
    ///
    /// Never in practice (see [`Change::explain`]).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::Cagr, self.percent_per_year / 100.0)
            .with(Symbol::A, self.start.value, None)?
            .with(Symbol::B, self.end.value, None)?
            .with(Symbol::Years, self.years, None)
    }

    /// The change per year in points: [`Formula::RequiredPointsPerYear`]'s
    /// shape `(b − a) / t`, explained with [`Formula::PointChange`] over the
    /// span.
    ///
    /// # Errors
    ///
    /// Never in practice.
    pub fn explain_points(&self) -> Result<Explanation> {
        Explanation::new(Formula::PointChange, self.points_per_year)
            .with(Symbol::A, self.start.value, Some(Unit::Percent))?
            .with(Symbol::B, self.end.value, Some(Unit::Percent))?
            .with(Symbol::Years, self.years, None)
    }
}

/// The compound annual growth from `start` to `end`, over any span of days.
///
/// # Examples
///
/// ```
/// use dxcast_core::growth::cagr;
/// use dxcast_core::{Date, Point};
///
/// // Mobile money: 362.721 subscribers in 2021, 2.659.719 in 2022 (year ends).
/// let g = cagr(Point::new(Date::from_ymd(2021, 12, 31)?, 362_721.0),
///              Point::new(Date::from_ymd(2022, 12, 31)?, 2_659_719.0))?;
/// assert!((g.years - 365.0 / 365.2425).abs() < 1e-12);
/// assert!(g.percent_per_year > 600.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::NotFinite`] (index 0 for `start`, 1 for `end`);
/// - [`Error::NonPositive`] for a value that is zero or negative (its
///   logarithm is needed);
/// - [`Error::Unsorted`] (index 1) unless `end` is after `start`.
pub fn cagr(start: Point, end: Point) -> Result<Cagr> {
    let a = positive(start.value, 0)?;
    let b = positive(end.value, 1)?;
    if end.date == start.date {
        return Err(Error::DuplicateDate { index: 1 });
    }
    if end.date < start.date {
        return Err(Error::Unsorted { index: 1 });
    }
    let years = years_between(start.date, end.date);
    let g = libm::exp(libm::log(b / a) / years) - 1.0;
    Ok(Cagr {
        start,
        end,
        years,
        percent_per_year: representable(100.0 * g, Field::GrowthRate)?,
        points_per_year: representable((b - a) / years, Field::Change)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn p(t: &str) -> Period {
        Period::parse(t).unwrap()
    }

    #[test]
    fn changes() {
        // 2.323 attacks in Q1/2024 against 3.446 a year earlier:
        // (2323 − 3446) / 3446 = −1123 / 3446 = −0.325885...
        let c = relative_change(3446.0, 2323.0).unwrap();
        assert!((c.value + 32.588_508).abs() < 1e-6);
        assert_eq!(point_change(67.8, 77.1).unwrap().value, 77.1 - 67.8);
        // Mobile money 362.721 → 2.659.719: 7.332685... times.
        let m = multiple(362_721.0, 2_659_719.0).unwrap();
        assert!((m.value - 7.332_685).abs() < 1e-6);
        let e = m.explain().unwrap();
        assert_eq!(e.term(Symbol::A), Some(2_659_719.0));
        assert_eq!(e.term(Symbol::B), Some(362_721.0));
        assert_eq!(
            relative_change(0.0, 1.0).unwrap_err(),
            Error::NonPositive {
                what: Field::BaseValue,
                index: 0
            }
        );
        assert!(point_change(0.0, 1.0).is_ok());
        assert!(multiple(1.0, f64::NAN).is_err());
    }

    #[test]
    fn consecutive_and_year_apart_periods() {
        assert!(
            period_over_period(p("2022-09"), 1.0, p("2022-10"), 2.0, ChangeKind::Points).is_ok()
        );
        assert!(
            period_over_period(p("2022-12"), 1.0, p("2023-01"), 2.0, ChangeKind::Points).is_ok()
        );
        // A month and a quarter are not comparable, even when adjacent.
        assert!(
            period_over_period(p("2022-09"), 1.0, p("2022-Q4"), 2.0, ChangeKind::Points).is_err()
        );
        assert!(year_on_year(p("2023-Q1"), 1.0, p("2024-Q1"), 2.0, ChangeKind::Relative).is_ok());
        assert!(year_on_year(p("2021"), 1.0, p("2022"), 2.0, ChangeKind::Multiple).is_ok());
        assert!(year_on_year(p("2023-Q1"), 1.0, p("2024-Q2"), 2.0, ChangeKind::Relative).is_err());
        // Year-to-date ranges: 1/1–20/11 of each year.
        let a = p("2021-01-01/2021-11-20");
        let b = p("2022-01-01/2022-11-20");
        assert!(year_on_year(a, 56.84, b, 77.1, ChangeKind::Points).is_ok());
        let c = p("2022-01-01/2022-11-21");
        assert!(year_on_year(a, 56.84, c, 77.1, ChangeKind::Points).is_err());
    }

    #[test]
    fn cagr_over_irregular_spans() {
        let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
        // Doubling over exactly 2 × 365.2425 days is 41.421...% a year; use
        // 730 days (2020-01-01 → 2021-12-31 spans 730 days).
        let g = cagr(
            Point::new(d(2020, 1, 1), 100.0),
            Point::new(d(2021, 12, 31), 200.0),
        )
        .unwrap();
        let t = 730.0 / 365.2425;
        assert!((g.years - t).abs() < 1e-12);
        let expected = (libm::pow(2.0, 1.0 / t) - 1.0) * 100.0;
        assert!((g.percent_per_year - expected).abs() < 1e-9);
        // Sanity against the rounded value 41.4% for a 2-year doubling.
        assert!((g.percent_per_year - 41.4).abs() < 0.1);
        assert!((g.points_per_year - 100.0 / t).abs() < 1e-9);
        assert_eq!(g.explain().unwrap().term(Symbol::Years), Some(t));
        assert!(cagr(
            Point::new(d(2021, 1, 1), 1.0),
            Point::new(d(2021, 1, 1), 2.0)
        )
        .is_err());
        assert!(cagr(
            Point::new(d(2021, 1, 1), 0.0),
            Point::new(d(2022, 1, 1), 2.0)
        )
        .is_err());
    }
}
