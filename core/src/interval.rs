//! Intervals of real numbers with outward rounding: the arithmetic behind
//! claim checks.

use core::fmt;

use crate::error::{Error, Expected, Field, Result};

/// A closed interval `[lo, hi]` of real numbers; either end may be infinite.
///
/// The operations round outwards: each computed end is moved one unit in the
/// last place away from the interval's inside, so the true result of the
/// exact operation always lies within.
///
/// # Examples
///
/// ```
/// use dxcast_core::Interval;
///
/// let a = Interval::new(175e6, 185e6)?; // "khoảng 180 triệu"
/// let b = Interval::new(859.5e6, 860.5e6)?; // "860 triệu"
/// let m = b.checked_div(a).unwrap();
/// assert!(m.lo() < 4.65 && m.hi() > 4.91);
/// assert!(m.overlaps(Interval::new(4.75, 4.85)?));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Interval {
    lo: f64,
    hi: f64,
}

/// One step down, except at infinities.
pub(crate) fn down(x: f64) -> f64 {
    if x.is_finite() {
        x.next_down()
    } else {
        x
    }
}

/// One step up, except at infinities.
pub(crate) fn up(x: f64) -> f64 {
    if x.is_finite() {
        x.next_up()
    } else {
        x
    }
}

impl Interval {
    /// The whole real line.
    pub const ENTIRE: Interval = Interval {
        lo: f64::NEG_INFINITY,
        hi: f64::INFINITY,
    };

    /// `[lo, hi]`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] (name `"interval"`) when an end is NaN or
    /// `lo > hi`.
    pub fn new(lo: f64, hi: f64) -> Result<Interval> {
        if lo.is_nan() || hi.is_nan() || lo > hi {
            return Err(Error::InvalidArgument {
                name: Field::Interval,
                expected: Expected::OrderedEnds,
            });
        }
        Ok(Interval { lo, hi })
    }

    /// The single point `[v, v]` (NaN gives the whole line).
    #[must_use]
    pub fn point(v: f64) -> Interval {
        if v.is_nan() {
            Interval::ENTIRE
        } else {
            Interval { lo: v, hi: v }
        }
    }

    /// The smallest interval holding all `values`, rounded outwards; the
    /// whole line if any is NaN.
    fn hull(values: [f64; 4]) -> Interval {
        if values.iter().any(|v| v.is_nan()) {
            return Interval::ENTIRE;
        }
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Interval {
            lo: down(lo),
            hi: up(hi),
        }
    }

    /// The low end.
    #[must_use]
    pub const fn lo(self) -> f64 {
        self.lo
    }

    /// The high end.
    #[must_use]
    pub const fn hi(self) -> f64 {
        self.hi
    }

    /// The middle, `(lo + hi) / 2` (infinite or NaN for unbounded intervals).
    #[must_use]
    pub fn mid(self) -> f64 {
        self.lo / 2.0 + self.hi / 2.0
    }

    /// Whether both ends are finite.
    #[must_use]
    pub fn is_bounded(self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    /// Whether `v` lies in the interval.
    #[must_use]
    pub fn contains(self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }

    /// Whether the two intervals share at least one point.
    #[must_use]
    pub fn overlaps(self, other: Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// The distance between the intervals: 0 when they overlap.
    #[must_use]
    pub fn gap(self, other: Interval) -> f64 {
        if self.overlaps(other) {
            0.0
        } else if self.hi < other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }

    /// `self + other`.
    #[must_use]
    pub fn plus(self, other: Interval) -> Interval {
        Interval::hull([
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo + other.lo,
            self.hi + other.hi,
        ])
    }

    /// `self − other`: `[lo − other.hi, hi − other.lo]`.
    #[must_use]
    pub fn minus(self, other: Interval) -> Interval {
        Interval::hull([
            self.lo - other.hi,
            self.hi - other.lo,
            self.lo - other.hi,
            self.hi - other.lo,
        ])
    }

    /// `self × other`: the extremes of the four products of ends.
    #[must_use]
    pub fn times(self, other: Interval) -> Interval {
        Interval::hull([
            self.lo * other.lo,
            self.lo * other.hi,
            self.hi * other.lo,
            self.hi * other.hi,
        ])
    }

    /// `self ÷ other`, or `None` when `other` contains zero (the quotient is
    /// then unbounded).
    #[must_use]
    pub fn checked_div(self, other: Interval) -> Option<Interval> {
        if other.contains(0.0) {
            return None;
        }
        // x / y is monotone in each argument while y keeps its sign, so the
        // extremes sit at the corners.
        Some(Interval::hull([
            self.lo / other.lo,
            self.lo / other.hi,
            self.hi / other.lo,
            self.hi / other.hi,
        ]))
    }

    /// `self × k` for a number `k`.
    #[must_use]
    pub fn scale(self, k: f64) -> Interval {
        self.times(Interval::point(k))
    }

    /// `self + k` for a number `k`.
    #[must_use]
    pub fn shift(self, k: f64) -> Interval {
        self.plus(Interval::point(k))
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}, {}]", self.lo, self.hi)
    }
}
