//! Working scales: the transformations under which a prediction's
//! distribution is a Student-t, and which keep intervals inside an
//! indicator's bounds.

use crate::error::{Error, Expected, Field, Result};
use crate::indicator::Bounds;

/// The scale a prediction's location and standard error live on.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Bounds, Scale};
///
/// let s = Scale::for_bounds(Bounds::PERCENT);
/// assert_eq!(s, Scale::Logit { lo: 0.0, hi: 100.0 });
/// assert!((s.inverse(s.forward(97.5)) - 97.5).abs() < 1e-12);
/// assert_eq!(s.forward(100.0), f64::INFINITY);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Scale {
    /// `z = y`.
    Identity,
    /// `z = ln(y − lo)`, for values above `lo` (the log-linear trend uses
    /// `lo = 0`).
    Log {
        /// The lower end of the range.
        lo: f64,
    },
    /// `z = −ln(hi − y)`, for values below `hi` (increasing in `y`).
    ReflectedLog {
        /// The upper end of the range.
        hi: f64,
    },
    /// `z = ln((y − lo)/(hi − y))`, for values between `lo` and `hi`.
    Logit {
        /// The lower end of the range.
        lo: f64,
        /// The upper end of the range.
        hi: f64,
    },
    /// `z = −ln(−ln(y/hi))`, for values between 0 and `hi` (the Gompertz
    /// curve's straight line in time).
    LogLog {
        /// The upper end of the range.
        hi: f64,
    },
}

impl Scale {
    /// The scale on which an identity-scale prediction for an indicator with
    /// these bounds is given its interval.
    #[must_use]
    pub fn for_bounds(bounds: Bounds) -> Scale {
        match (bounds.min, bounds.max) {
            (Some(lo), Some(hi)) => Scale::Logit { lo, hi },
            (Some(lo), None) => Scale::Log { lo },
            (None, Some(hi)) => Scale::ReflectedLog { hi },
            (None, None) => Scale::Identity,
        }
    }

    /// The open range of natural values the scale maps onto the real line.
    #[must_use]
    pub fn range(self) -> (f64, f64) {
        match self {
            Scale::Identity => (f64::NEG_INFINITY, f64::INFINITY),
            Scale::Log { lo } => (lo, f64::INFINITY),
            Scale::ReflectedLog { hi } => (f64::NEG_INFINITY, hi),
            Scale::Logit { lo, hi } => (lo, hi),
            Scale::LogLog { hi } => (0.0, hi),
        }
    }

    /// `g(y)`: −∞ at or below the range, +∞ at or above it.
    #[must_use]
    pub fn forward(self, y: f64) -> f64 {
        let (lo, hi) = self.range();
        if y <= lo {
            return f64::NEG_INFINITY;
        }
        if y >= hi {
            return f64::INFINITY;
        }
        match self {
            Scale::Identity => y,
            Scale::Log { lo } => libm::log(y - lo),
            Scale::ReflectedLog { hi } => -libm::log(hi - y),
            Scale::Logit { lo, hi } => libm::log(y - lo) - libm::log(hi - y),
            // ln(y/hi) as log1p(−(hi − y)/hi): no cancellation near hi.
            Scale::LogLog { hi } => -libm::log(-libm::log1p(-(hi - y) / hi)),
        }
    }

    /// `g⁻¹(z)`, which lies in the range (its ends for ±∞).
    #[must_use]
    pub fn inverse(self, z: f64) -> f64 {
        match self {
            Scale::Identity => z,
            Scale::Log { lo } => lo + libm::exp(z),
            Scale::ReflectedLog { hi } => hi - libm::exp(-z),
            Scale::Logit { lo, hi } => {
                let w = hi - lo;
                if z >= 0.0 {
                    lo + w / (1.0 + libm::exp(-z))
                } else {
                    // hi − w/(1 + e^z) keeps the digits near hi; this keeps
                    // them near lo.
                    let e = libm::exp(z);
                    lo + w * e / (1.0 + e)
                }
            }
            Scale::LogLog { hi } => hi * libm::exp(-libm::exp(-z)),
        }
    }

    /// `g'(y)`, the slope of the transformation at `y` inside the range.
    #[must_use]
    pub fn derivative(self, y: f64) -> f64 {
        match self {
            Scale::Identity => 1.0,
            Scale::Log { lo } => 1.0 / (y - lo),
            Scale::ReflectedLog { hi } => 1.0 / (hi - y),
            Scale::Logit { lo, hi } => (hi - lo) / ((y - lo) * (hi - y)),
            Scale::LogLog { hi } => -1.0 / (y * libm::log1p(-(hi - y) / hi)),
        }
    }

    pub(crate) fn validate(self) -> Result<Scale> {
        let ok = match self {
            Scale::Identity => true,
            Scale::Log { lo } => lo.is_finite(),
            Scale::ReflectedLog { hi } => hi.is_finite(),
            Scale::Logit { lo, hi } => lo.is_finite() && hi.is_finite() && lo < hi,
            Scale::LogLog { hi } => hi.is_finite() && hi > 0.0,
        };
        if ok {
            Ok(self)
        } else {
            Err(Error::InvalidArgument {
                name: Field::Scale,
                expected: Expected::ScaleEnds,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn scales_round_trip() {
        let scales = [
            Scale::Identity,
            Scale::Log { lo: 1.0 },
            Scale::ReflectedLog { hi: 10.0 },
            Scale::Logit { lo: 0.0, hi: 100.0 },
            Scale::LogLog { hi: 100.0 },
        ];
        for s in scales {
            for y in [1.5, 3.0, 9.999] {
                let z = s.forward(y);
                assert!((s.inverse(z) - y).abs() < 1e-12, "{s:?} {y}");
                let h = 1e-6;
                let d = (s.forward(y + h) - s.forward(y - h)) / (2.0 * h);
                assert!((d - s.derivative(y)).abs() < 1e-5 * d.abs(), "{s:?} {y}");
            }
        }
        assert_eq!(Scale::Log { lo: 0.0 }.forward(0.0), f64::NEG_INFINITY);
        assert_eq!(Scale::LogLog { hi: 1.0 }.forward(1.0), f64::INFINITY);
        assert_eq!(Scale::LogLog { hi: 1.0 }.inverse(f64::NEG_INFINITY), 0.0);
        assert_eq!(
            Scale::Logit { lo: 0.0, hi: 1.0 }.inverse(f64::INFINITY),
            1.0
        );
    }
}
