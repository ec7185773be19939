//! Series: dated values checked once, then handed to the methods.

use crate::date::Date;
use crate::error::{Error, Field, Result, Task};
use crate::indicator::Bounds;

/// The mean length of a Gregorian year in days. Time spans in years are days
/// divided by this.
pub const DAYS_PER_YEAR: f64 = 365.2425;

/// The mean length of a month in days (a twelfth of [`DAYS_PER_YEAR`]).
pub const DAYS_PER_MONTH: f64 = DAYS_PER_YEAR / 12.0;

/// One dated value.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Point {
    /// The date the value applies to.
    pub date: Date,
    /// The value in base units.
    pub value: f64,
}

impl Point {
    /// A point.
    #[must_use]
    pub const fn new(date: Date, value: f64) -> Point {
        Point { date, value }
    }
}

/// A non-empty run of points in strictly increasing date order, with finite
/// values inside the given bounds. It borrows the points: validation copies
/// nothing.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Bounds, Date, Point, Series};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 97.3),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 100.0),
/// ];
/// let s = Series::new(&pts, Bounds::PERCENT)?;
/// assert_eq!(s.len(), 2);
///
/// let bad = [Point::new(Date::from_ymd(2022, 9, 30)?, 101.0)];
/// assert!(Series::new(&bad, Bounds::PERCENT).is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series<'a> {
    points: &'a [Point],
    bounds: Bounds,
}

impl<'a> Series<'a> {
    /// Checks `points` and wraps them.
    ///
    /// # Errors
    ///
    /// - [`Error::Empty`] for no points;
    /// - [`Error::NotFinite`] for a NaN or infinite value;
    /// - [`Error::OutOfBounds`] for a value outside `bounds`;
    /// - [`Error::DuplicateDate`] and [`Error::Unsorted`] for dates that do not increase;
    /// - [`Error::InvalidArgument`] for bounds that are not finite or not ordered.
    pub fn new(points: &'a [Point], bounds: Bounds) -> Result<Series<'a>> {
        let bounds = bounds.validate()?;
        if points.is_empty() {
            return Err(Error::Empty {
                what: Field::Series,
            });
        }
        let mut prev: Option<Date> = None;
        for (index, p) in points.iter().enumerate() {
            if !p.value.is_finite() {
                return Err(Error::NotFinite {
                    what: Field::Value,
                    index,
                });
            }
            if !bounds.contains(p.value) {
                return Err(Error::OutOfBounds {
                    what: Field::Value,
                    index,
                });
            }
            match prev {
                Some(d) if p.date == d => return Err(Error::DuplicateDate { index }),
                Some(d) if p.date < d => return Err(Error::Unsorted { index }),
                _ => {}
            }
            prev = Some(p.date);
        }
        Ok(Series { points, bounds })
    }

    /// The points.
    #[must_use]
    pub const fn points(&self) -> &'a [Point] {
        self.points
    }

    /// The bounds the values were checked against.
    #[must_use]
    pub const fn bounds(&self) -> Bounds {
        self.bounds
    }

    /// The number of points (at least 1).
    #[must_use]
    pub const fn len(&self) -> usize {
        self.points.len()
    }

    /// Always `false`: a series has at least one point.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        false
    }

    /// The first point.
    #[must_use]
    pub fn first(&self) -> Point {
        // `new` guarantees at least one point.
        self.points
            .first()
            .copied()
            .unwrap_or(Point::new(Date::EPOCH, 0.0))
    }

    /// The last point.
    #[must_use]
    pub fn last(&self) -> Point {
        self.points
            .last()
            .copied()
            .unwrap_or(Point::new(Date::EPOCH, 0.0))
    }

    /// Requires at least `needed` points for `method`.
    ///
    /// # Errors
    ///
    /// [`Error::TooFewPoints`] otherwise.
    pub fn require(&self, method: Task, needed: usize) -> Result<()> {
        if self.points.len() < needed {
            Err(Error::TooFewPoints {
                method,
                needed,
                got: self.points.len(),
            })
        } else {
            Ok(())
        }
    }
}

/// The time from `origin` to `date` in years of [`DAYS_PER_YEAR`] days.
#[must_use]
pub fn years_between(origin: Date, date: Date) -> f64 {
    f64::from(origin.days_until(date)) / DAYS_PER_YEAR
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
    fn rejects_what_the_methods_cannot_use() {
        let nan = [Point::new(d(2022, 1, 1), f64::NAN)];
        assert_eq!(
            Series::new(&nan, Bounds::NONE),
            Err(Error::NotFinite {
                what: Field::Value,
                index: 0
            })
        );
        let dup = [
            Point::new(d(2022, 1, 1), 1.0),
            Point::new(d(2022, 1, 1), 2.0),
        ];
        assert_eq!(
            Series::new(&dup, Bounds::NONE),
            Err(Error::DuplicateDate { index: 1 })
        );
        let uns = [
            Point::new(d(2022, 2, 1), 1.0),
            Point::new(d(2022, 1, 1), 2.0),
        ];
        assert_eq!(
            Series::new(&uns, Bounds::NONE),
            Err(Error::Unsorted { index: 1 })
        );
        assert_eq!(
            Series::new(&[], Bounds::NONE),
            Err(Error::Empty {
                what: Field::Series
            })
        );
    }

    #[test]
    fn years() {
        assert!((years_between(d(2022, 1, 1), d(2023, 1, 1)) - 365.0 / 365.2425).abs() < 1e-12);
    }
}
