//! Figures: a stated number as the interval its wording admits.

use crate::error::{Error, Expected, Field, Result};
use crate::interval::{down, up, Interval};
use crate::number::parse_vi;
use crate::observation::{Observation, Qualifier};
use crate::period::Period;

/// A figure as a claim uses it: its stated value, the interval its wording
/// admits, and, where a day count depends on it, the period it covers.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Figure, Qualifier};
///
/// // "hơn 111 triệu": more than 111 million.
/// let f = Figure::parse("111 triệu", Qualifier::MoreThan)?;
/// // [111, 112] million, widened by a unit in the last place.
/// assert!(f.range().contains(111e6) && f.range().contains(112e6));
/// assert!(!f.range().contains(110.99e6) && !f.range().contains(112.01e6));
/// let t = Figure::exact(860e6)?; // a target: "tối thiểu 860 triệu"
/// assert_eq!(t.range().lo(), t.range().hi());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    /// The value as stated, in base units (NaN for an interval with no
    /// finite end).
    pub value: f64,
    range: Interval,
    /// The word before the figure ([`Qualifier::Exact`] for exact numbers
    /// and bare intervals).
    #[cfg_attr(feature = "serde", serde(default = "exact"))]
    qualifier: Qualifier,
    /// The period the figure covers, when a claim counts its days.
    pub period: Option<Period>,
}

#[cfg(feature = "serde")]
const fn exact() -> Qualifier {
    Qualifier::Exact
}

impl Figure {
    /// A figure stated as `value` with `precision` (one unit of its last
    /// digit, in base units) and `qualifier`; its interval is
    /// [`Qualifier::range`].
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] (what `"value"`) for a value that is not finite,
    /// [`Error::InvalidArgument`] (name `"precision"`) for a precision that
    /// is negative or not finite.
    pub fn stated(value: f64, precision: f64, qualifier: Qualifier) -> Result<Figure> {
        if !value.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Value,
                index: 0,
            });
        }
        if !(precision.is_finite() && precision >= 0.0) {
            return Err(Error::InvalidArgument {
                name: Field::Precision,
                expected: Expected::Precision,
            });
        }
        let (lo, hi) = qualifier.range(value, precision);
        // `value ± precision / 2` is itself rounded: widen a non-empty range
        // by one unit in the last place, as the interval operations do.
        let range = if lo < hi {
            Interval::new(down(lo), up(hi))?
        } else {
            Interval::new(lo, hi)?
        };
        Ok(Figure {
            value,
            range,
            qualifier,
            period: None,
        })
    }

    /// A figure read from Vietnamese text by [`parse_vi`] ("1,6 triệu",
    /// "12,95%", "4,8"), with `qualifier` for the word before it.
    ///
    /// # Errors
    ///
    /// The errors of [`parse_vi`].
    pub fn parse(text: &str, qualifier: Qualifier) -> Result<Figure> {
        let s = parse_vi(text)?;
        Figure::stated(s.value, s.precision, qualifier)
    }

    /// An exact number: a target, a count of days, a defined constant.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] (what `"value"`) for NaN or infinity.
    pub fn exact(value: f64) -> Result<Figure> {
        Figure::stated(value, 0.0, Qualifier::Exact)
    }

    /// A figure known only to lie in `[lo, hi]`; either end may be infinite.
    /// Its value is the middle (or the finite end, or NaN when neither is).
    ///
    /// # Errors
    ///
    /// The errors of [`Interval::new`].
    pub fn between(lo: f64, hi: f64) -> Result<Figure> {
        Ok(Figure::from_interval(Interval::new(lo, hi)?))
    }

    /// A figure known only to lie in `range`.
    #[must_use]
    pub fn from_interval(range: Interval) -> Figure {
        let value = match (range.lo().is_finite(), range.hi().is_finite()) {
            (true, true) => range.mid(),
            (true, false) => range.lo(),
            (false, true) => range.hi(),
            (false, false) => f64::NAN,
        };
        Figure {
            value,
            range,
            qualifier: Qualifier::Exact,
            period: None,
        }
    }

    /// The same figure, covering `period`.
    #[must_use]
    pub const fn during(mut self, period: Period) -> Figure {
        self.period = Some(period);
        self
    }

    /// The interval the figure admits.
    #[must_use]
    pub const fn range(&self) -> Interval {
        self.range
    }

    /// The word before the figure, as it was stated.
    #[must_use]
    pub const fn qualifier(&self) -> Qualifier {
        self.qualifier
    }

    /// Whether a value `x` is what the figure says, read as its qualifier
    /// reads it: inside [`Figure::range`], and for "hơn" (more than) above
    /// the stated value, for "gần" (nearly) below it. "hơn 4,8" admits
    /// 4,81 but neither 4,8 nor 4,78.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::{Figure, Qualifier};
    ///
    /// let f = Figure::parse("4,8", Qualifier::MoreThan)?;
    /// assert!(f.admits(4.81) && !f.admits(4.8) && !f.admits(860.0 / 180.0));
    /// assert!(Figure::parse("4,8", Qualifier::Exact)?.admits(860.0 / 180.0));
    /// # Ok::<(), dxcast_core::Error>(())
    /// ```
    #[must_use]
    pub fn admits(&self, x: f64) -> bool {
        self.range.contains(x)
            && match self.qualifier {
                Qualifier::MoreThan => x > self.value,
                Qualifier::Nearly => x < self.value,
                _ => true,
            }
    }
}
impl TryFrom<&Observation> for Figure {
    type Error = Error;

    /// The observation as a claim input: its stated value, precision and
    /// qualifier over its period.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::stated`] (a value that is not finite).
    fn try_from(o: &Observation) -> Result<Figure> {
        Ok(Figure::stated(o.value, o.precision, o.qualifier)?.during(o.period))
    }
}
