//! Observations: dated values with their status, qualifier and source.

use crate::error::{Error, Expected, Field, Result};
use crate::period::Period;

/// Whether a value was measured, estimated or set as a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Measured ("đạt", "có").
    Observed,
    /// Estimated or forecast by the report ("ước thực hiện", "ước tính", "dự đoán").
    Estimate,
    /// A goal ("chỉ tiêu", "mục tiêu", "kế hoạch").
    Target,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 3] = [Status::Observed, Status::Estimate, Status::Target];

    /// The identifier in data files: `observed`, `estimate`, `target`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Status::Observed => "observed",
            Status::Estimate => "estimate",
            Status::Target => "target",
        }
    }

    /// The status with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"status"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Status> {
        Status::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Status,
                expected: Expected::StatusCode,
            })
    }
}

/// How exactly a report states a figure.
///
/// Together with the figure's *precision* (the value of one unit in its last
/// stated digit: 0.1 million for "1,6 triệu") a qualifier gives the range
/// the true value lies in; see [`Qualifier::range`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qualifier {
    /// Stated plainly: the value rounded to its last digit.
    Exact,
    /// "khoảng": about.
    About,
    /// "hơn", "trên", "lớn hơn": more than.
    MoreThan,
    /// "gần": nearly, a little less than.
    Nearly,
    /// "tối thiểu": at least.
    AtLeast,
    /// "lên đến", "tối đa": up to, at most.
    UpTo,
}

impl Qualifier {
    /// Every qualifier.
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::MoreThan,
        Qualifier::Nearly,
        Qualifier::AtLeast,
        Qualifier::UpTo,
    ];

    /// The identifier in data files: `exact`, `about`, `more_than`, `nearly`,
    /// `at_least`, `up_to`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
        }
    }

    /// The qualifier with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"qualifier"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Qualifier> {
        Qualifier::ALL
            .into_iter()
            .find(|q| q.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Qualifier,
                expected: Expected::QualifierCode,
            })
    }

    /// The range `[lo, hi]` that a figure stated as `value` with this
    /// qualifier and `precision` (one unit of its last stated digit) admits:
    ///
    /// | qualifier | range |
    /// |---|---|
    /// | exact | `value ± precision/2` (rounding) |
    /// | about | `value ± p/2`, where `p` is the precision widened over an integer's trailing zeros while two significant digits remain ("khoảng 180 triệu" is 175–185 million) |
    /// | more than, at least | `value` to `value + precision` |
    /// | nearly, up to | `value − precision` to `value` |
    ///
    /// A precision of zero makes every range a single point (or half-open
    /// at the stated value).
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::Qualifier;
    ///
    /// assert_eq!(Qualifier::Exact.range(806e6, 1e6), (805.5e6, 806.5e6));
    /// assert_eq!(Qualifier::About.range(180e6, 1e6), (175e6, 185e6));
    /// assert_eq!(Qualifier::MoreThan.range(111e6, 1e6), (111e6, 112e6));
    /// assert_eq!(Qualifier::Nearly.range(59_600.0, 100.0), (59_500.0, 59_600.0));
    /// ```
    #[must_use]
    pub fn range(self, value: f64, precision: f64) -> (f64, f64) {
        let p = if precision.is_finite() && precision > 0.0 {
            precision
        } else {
            0.0
        };
        match self {
            Qualifier::Exact => (value - p / 2.0, value + p / 2.0),
            Qualifier::About => {
                let p = widen_over_trailing_zeros(value, p);
                (value - p / 2.0, value + p / 2.0)
            }
            Qualifier::MoreThan | Qualifier::AtLeast => (value, value + p),
            Qualifier::Nearly | Qualifier::UpTo => (value - p, value),
        }
    }
}

/// For "about" figures: a stated integer mantissa with trailing zeros ("180")
/// is read as rounded to its last non-zero digit, keeping at least two
/// significant digits.
fn widen_over_trailing_zeros(value: f64, precision: f64) -> f64 {
    if precision <= 0.0 || !value.is_finite() {
        return precision;
    }
    let mut p = precision;
    let mut mantissa = libm::round(libm::fabs(value) / p);
    // Mantissas with a fractional part were rounded away: the value is not on
    // the stated grid, so keep the stated precision.
    if libm::fabs(libm::fabs(value) / p - mantissa) > 1e-6 {
        return precision;
    }
    while mantissa >= 100.0 && libm::fmod(mantissa, 10.0) == 0.0 {
        mantissa /= 10.0;
        p *= 10.0;
    }
    p
}

/// One figure of one indicator: its value, when it applies, its status and qualifier.
///
/// The text that goes with it (which indicator, which report, the exact
/// quote) is kept by the caller beside it; see the `csv` module (feature `csv`) for the file
/// format that carries both.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Observation {
    /// The value in base units.
    pub value: f64,
    /// The period it covers; for levels, a single day (the as-of date).
    pub period: Period,
    /// Observed, estimate or target.
    pub status: Status,
    /// How exactly the source states it.
    pub qualifier: Qualifier,
    /// One unit of the last stated digit, in base units (0 when unknown).
    pub precision: f64,
}

impl Observation {
    /// The range the true value lies in, from the qualifier and precision.
    #[must_use]
    pub fn range(&self) -> (f64, f64) {
        self.qualifier.range(self.value, self.precision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn codes_round_trip() {
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::from_code(q.code()).unwrap(), q);
        }
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()).unwrap(), s);
        }
        assert!(Qualifier::from_code("roughly").is_err());
    }

    #[test]
    fn about_widens_only_over_trailing_zeros() {
        assert_eq!(Qualifier::About.range(860e6, 1e6), (855e6, 865e6));
        assert_eq!(Qualifier::About.range(806e6, 1e6), (805.5e6, 806.5e6));
        // 2,1 triệu: a decimal, kept at 0.1 million.
        let (lo, hi) = Qualifier::About.range(2.1e6, 1e5);
        assert!((lo - 2.05e6).abs() < 1e-6 && (hi - 2.15e6).abs() < 1e-6);
        // Two significant digits are kept: 80 stays 80 ± 0.5.
        assert_eq!(Qualifier::About.range(80.0, 1.0), (79.5, 80.5));
        assert_eq!(Qualifier::About.range(2000.0, 1.0), (1950.0, 2050.0));
    }

    #[test]
    fn zero_or_bad_precision_is_a_point() {
        assert_eq!(Qualifier::Exact.range(5.0, 0.0), (5.0, 5.0));
        assert_eq!(Qualifier::About.range(5.0, f64::NAN), (5.0, 5.0));
    }
}
