//! Series: dated values checked once, then handed to the methods.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::indicator::Bounds;
use crate::subject::Subject;

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
/// values inside their subject's bounds, and what they measure ([`Subject`]).
/// It borrows the points: validation copies nothing.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Date, MeasureKind, Point, Series, Subject, Unit};
///
/// let share = Subject::of_kind(MeasureKind::Share, Unit::Percent);
/// let pts = [
///     Point::new(Date::from_ymd(2022, 9, 30)?, 97.3),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 100.0),
/// ];
/// let s = Series::new(&pts, share)?;
/// assert_eq!(s.len(), 2);
///
/// let bad = [Point::new(Date::from_ymd(2022, 9, 30)?, 101.0)];
/// assert!(Series::new(&bad, share).is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series<'a> {
    points: &'a [Point],
    subject: Subject,
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
    pub fn new(points: &'a [Point], subject: Subject) -> Result<Series<'a>> {
        let subject = subject.validate()?;
        let bounds = subject.bounds;
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
        Ok(Series { points, subject })
    }

    /// The points.
    #[must_use]
    pub const fn points(&self) -> &'a [Point] {
        self.points
    }

    /// What the series measures.
    #[must_use]
    pub const fn subject(&self) -> Subject {
        self.subject
    }

    /// The bounds the values were checked against (the subject's).
    #[must_use]
    pub const fn bounds(&self) -> Bounds {
        self.subject.bounds
    }

    /// What a fitted model keeps of the series: its first and last points
    /// and its length.
    #[must_use]
    pub fn span(&self) -> Span {
        Span {
            first: self.first(),
            last: self.last(),
            len: self.points.len(),
        }
    }

    /// The last point on or before `date`, if any.
    #[must_use]
    pub fn last_on_or_before(&self, date: Date) -> Option<Point> {
        let k = self.points.partition_point(|p| p.date <= date);
        k.checked_sub(1).and_then(|i| self.points.get(i)).copied()
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

/// What a fitted model remembers of the series it was fitted to: enough to
/// place dates on its time axis, continue from its last point, and recognise
/// the series when in-sample values are asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first point.
    pub first: Point,
    /// The last point.
    pub last: Point,
    /// The number of points.
    pub len: usize,
}

impl Span {
    /// Checks that `series` is the one this span was taken from (same
    /// length, first and last points).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] (field `series`, expected
    /// [`Expected::SameSeries`]) otherwise.
    pub fn check(&self, series: &Series<'_>) -> Result<()> {
        if series.span() == *self {
            Ok(())
        } else {
            Err(Error::InvalidArgument {
                name: Field::Series,
                expected: Expected::SameSeries,
            })
        }
    }

    /// Years from the first point to `date`.
    #[must_use]
    pub fn years_to(&self, date: Date) -> f64 {
        years_between(self.first.date, date)
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

    fn free() -> Subject {
        Subject {
            kind: crate::indicator::MeasureKind::Stock,
            unit: crate::indicator::Unit::Count,
            bounds: Bounds::NONE,
        }
    }

    fn d(y: i32, m: u32, dd: u32) -> Date {
        Date::from_ymd(y, m, dd).unwrap()
    }

    #[test]
    fn rejects_what_the_methods_cannot_use() {
        let nan = [Point::new(d(2022, 1, 1), f64::NAN)];
        assert_eq!(
            Series::new(&nan, free()),
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
            Series::new(&dup, free()),
            Err(Error::DuplicateDate { index: 1 })
        );
        let uns = [
            Point::new(d(2022, 2, 1), 1.0),
            Point::new(d(2022, 1, 1), 2.0),
        ];
        assert_eq!(Series::new(&uns, free()), Err(Error::Unsorted { index: 1 }));
        assert_eq!(
            Series::new(&[], free()),
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
