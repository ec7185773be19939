//! What a number is, so that a front end knows how to write it: a value in
//! a unit, a change in percentage points, a daily rate, a probability, or a
//! plain number. The model says what each number is; the view writes it in
//! the interface language.

use dxcast_core::Unit;

/// What a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// A value in a unit.
    Unit(Unit),
    /// A change in percentage points.
    Points,
    /// A change in percentage points a year.
    PointsPerYear,
    /// A value in a unit per day (a daily rate).
    PerDay(Unit),
    /// A fraction from 0 to 1 (a probability), written as a percentage.
    Fraction,
    /// A number of days.
    Days,
    /// A date, given as its day number (days since 1970-01-01).
    Date,
    /// A plain number: a parameter, a ratio, a count.
    Plain,
}

impl Measure {
    /// A change of an indicator in `unit` over a year: points a year for
    /// percentages, a percentage (compound growth) otherwise.
    #[must_use]
    pub fn growth(unit: Unit) -> Measure {
        if unit == Unit::Percent {
            Measure::PointsPerYear
        } else {
            Measure::Unit(Unit::Percent)
        }
    }
}

/// An explanation from the core, with what each of its numbers is.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// The core's explanation: formula, terms, result, and why something is
    /// unknown.
    pub explanation: dxcast_core::Explanation,
    /// What each term is, in the terms' order.
    pub measures: Vec<Measure>,
    /// What the result is.
    pub result: Measure,
}
