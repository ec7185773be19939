//! Targets: a value to reach by a deadline.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result};

/// How a value is compared with a target.
///
/// The reports distinguish them: "lớn hơn 860 triệu" (greater than) is not
/// "tối thiểu 860 triệu" (at least).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Comparison {
    /// ≥: at least, reaches.
    AtLeast,
    /// >: greater than.
    GreaterThan,
    /// ≤: at most (ranks: "top 50").
    AtMost,
    /// <: less than.
    LessThan,
}

impl Comparison {
    /// Every comparison.
    pub const ALL: [Comparison; 4] = [
        Comparison::AtLeast,
        Comparison::GreaterThan,
        Comparison::AtMost,
        Comparison::LessThan,
    ];

    /// The identifier in data files: `>=`, `>`, `<=`, `<`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Comparison::AtLeast => ">=",
            Comparison::GreaterThan => ">",
            Comparison::AtMost => "<=",
            Comparison::LessThan => "<",
        }
    }

    /// The comparison with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"comparison"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Comparison> {
        Comparison::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Comparison,
                expected: Expected::ComparisonCode,
            })
    }

    /// Whether `value` satisfies the comparison against `target`.
    #[must_use]
    pub fn holds(self, value: f64, target: f64) -> bool {
        match self {
            Comparison::AtLeast => value >= target,
            Comparison::GreaterThan => value > target,
            Comparison::AtMost => value <= target,
            Comparison::LessThan => value < target,
        }
    }

    /// Whether the target asks for a value above it (≥, >) rather than below (≤, <).
    #[must_use]
    pub const fn is_upward(self) -> bool {
        matches!(self, Comparison::AtLeast | Comparison::GreaterThan)
    }
}

/// A value to reach by a deadline.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Comparison, Date, Target};
///
/// // "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%" by 2025.
/// let t = Target::new(80.0, Date::from_ymd(2025, 12, 31)?, Comparison::AtLeast)?;
/// assert!(t.is_met(80.0));
/// assert!(!t.is_met(79.9));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Target {
    /// The value to reach.
    pub value: f64,
    /// The last day on which it counts.
    pub deadline: Date,
    /// How the value is compared with it.
    pub comparison: Comparison,
}

impl Target {
    /// A target of `value` by `deadline`.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] (what `"target"`, index 0) for NaN or infinity.
    pub fn new(value: f64, deadline: Date, comparison: Comparison) -> Result<Target> {
        if !value.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Target,
                index: 0,
            });
        }
        Ok(Target {
            value,
            deadline,
            comparison,
        })
    }

    /// Whether `value` meets the target.
    #[must_use]
    pub fn is_met(&self, value: f64) -> bool {
        self.comparison.holds(value, self.value)
    }
}

/// The first target, of staged targets, whose deadline is on or after `today`
/// (the next one to aim for), or `None` when all deadlines have passed.
#[must_use]
pub fn next_target(targets: &[Target], today: Date) -> Option<&Target> {
    targets
        .iter()
        .filter(|t| t.deadline >= today)
        .min_by_key(|t| t.deadline)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn greater_than_is_strict() {
        let d = Date::from_ymd(2023, 12, 31).unwrap();
        let gt = Target::new(860e6, d, Comparison::GreaterThan).unwrap();
        let ge = Target::new(860e6, d, Comparison::AtLeast).unwrap();
        assert!(!gt.is_met(860e6));
        assert!(ge.is_met(860e6));
        assert!(Target::new(f64::NAN, d, Comparison::AtLeast).is_err());
    }

    #[test]
    fn staged_targets() {
        let t =
            |y| Target::new(1.0, Date::from_ymd(y, 12, 31).unwrap(), Comparison::AtLeast).unwrap();
        let staged = [t(2025), t(2022), t(2023)];
        let today = Date::from_ymd(2023, 3, 31).unwrap();
        assert_eq!(next_target(&staged, today).unwrap().deadline.year(), 2023);
        let later = Date::from_ymd(2026, 1, 1).unwrap();
        assert!(next_target(&staged, later).is_none());
        for c in Comparison::ALL {
            assert_eq!(Comparison::from_code(c.code()).unwrap(), c);
        }
    }
}
