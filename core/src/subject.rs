//! The subject of a series: what kind of quantity it measures, in which
//! unit, within which bounds.
//!
//! A [`Subject`] travels with a [`crate::Series`] and with every model fitted
//! to it, so no caller states an indicator's kind, unit and bounds twice:
//! fits, forecasts, analyses, scenarios and explanations read them from the
//! series or the fitted model.

use crate::error::Result;
use crate::indicator::{Bounds, Indicator, MeasureKind, Unit};

/// What a series measures: its measure kind, unit and bounds.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Bounds, MeasureKind, Subject, Unit};
///
/// let share = Subject::new(MeasureKind::Share, Unit::Percent, Bounds::PERCENT)?;
/// assert!(share.is_share());
/// assert_eq!(Subject::of_kind(MeasureKind::Flow, Unit::Count).bounds, Bounds::NON_NEGATIVE);
/// assert!(Subject::new(MeasureKind::Stock, Unit::Count, Bounds { min: Some(5.0), max: Some(1.0) }).is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Subject {
    /// How values relate over time.
    pub kind: MeasureKind,
    /// The unit of the values.
    pub unit: Unit,
    /// The range values must lie in.
    pub bounds: Bounds,
}

impl Subject {
    /// A subject with checked bounds.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidArgument`] (field `bounds`) for bounds that are
    /// not finite or not ordered.
    pub fn new(kind: MeasureKind, unit: Unit, bounds: Bounds) -> Result<Subject> {
        Ok(Subject {
            kind,
            unit,
            bounds: bounds.validate()?,
        })
    }

    /// A subject with the usual bounds of its kind ([`Bounds::for_kind`]).
    #[must_use]
    pub const fn of_kind(kind: MeasureKind, unit: Unit) -> Subject {
        Subject {
            kind,
            unit,
            bounds: Bounds::for_kind(kind),
        }
    }

    /// The subject of an indicator.
    #[must_use]
    pub const fn of(indicator: &Indicator<'_>) -> Subject {
        Subject {
            kind: indicator.kind,
            unit: indicator.unit,
            bounds: indicator.bounds,
        }
    }

    /// Whether values are percentages that change in points and stay below a
    /// cap: a share kind, a percent unit, or an upper bound.
    #[must_use]
    pub fn is_share(&self) -> bool {
        matches!(self.kind, MeasureKind::Share)
            || matches!(self.unit, Unit::Percent)
            || self.bounds.max.is_some()
    }

    /// Whether changes are in percentage points rather than relative.
    #[must_use]
    pub const fn in_points(&self) -> bool {
        matches!(self.unit, Unit::Percent)
    }

    /// The same subject with its bounds checked.
    ///
    /// # Errors
    ///
    /// As [`Bounds::validate`].
    pub fn validate(self) -> Result<Subject> {
        Ok(Subject {
            bounds: self.bounds.validate()?,
            ..self
        })
    }
}
