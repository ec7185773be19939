//! The methods an analyst can choose for a series: each with its accuracy
//! on this series (its back-test error) and warnings where its projection
//! leaves the plausible range.
//!
//! [`options`] is the one place that reads the core's ranking
//! ([`dxcast_core::choice::Choice`]); everything else sees
//! [`MethodOption`]s. Both figures are the core's, computed once when it
//! ranks the methods ([`dxcast_core::choice::choose_until`]):
//!
//! - **Accuracy.** The mean absolute percentage error (MAPE) of one-step
//!   forecasts from a rolling origin, each held-out point predicted from the
//!   points before it ([`dxcast_core::choice::Backtest`]); a series too
//!   short to hold enough out has none, and the option says why.
//! - **Warnings.** The projection examined from the last point to the
//!   choice's horizon ([`dxcast_core::choice::Warning`]): a point forecast
//!   outside the indicator's bounds (a count below 0, a share above 100),
//!   or yearly growth beyond the what-if rule's limit
//!   ([`dxcast_core::scenario::implausible`]). Values are converted to the
//!   basis the page shows (yearly totals for totals).

use dxcast_core::basis::Basis;
use dxcast_core::choice::{Backtest, Choice, NotScored, Warning};
use dxcast_core::scenario::Implausible;
use dxcast_core::{Date, Error, Method, Series};

/// How well a method predicted this series' own points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Accuracy {
    /// The MAPE in percent of `tests` one-step forecasts.
    Scored {
        /// The mean absolute percentage error.
        mape: f64,
        /// How many points were predicted.
        tests: usize,
    },
    /// Too few points to hold any out: `needed` would allow it.
    FewPoints {
        /// The points a back test needs.
        needed: usize,
        /// The series' points.
        got: usize,
    },
    /// The method could not predict every held-out point (a value of 0, a
    /// fit that fails on the shorter series).
    Unscored,
}

impl Accuracy {
    /// The MAPE, when scored.
    #[must_use]
    pub const fn mape(&self) -> Option<f64> {
        match self {
            Accuracy::Scored { mape, .. } => Some(*mape),
            _ => None,
        }
    }
}

/// Something implausible about a method's projection. Values are as shown
/// (yearly totals for totals).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MethodWarning {
    /// The projection falls below the lower bound (a count below 0), first
    /// at `date`; the chart shows the bound instead.
    BelowBound {
        /// The first date examined where it does.
        date: Date,
        /// The projection there.
        value: f64,
    },
    /// The projection rises above the upper bound (a share above 100).
    AboveBound {
        /// The first date examined where it does.
        date: Date,
        /// The projection there.
        value: f64,
    },
    /// The projection grows far faster than the series ever did.
    FastGrowth(Implausible),
}

/// A method the analyst can choose, in the core's order.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodOption {
    /// The method.
    pub method: Method,
    /// Whether the core recommends it (the first).
    pub recommended: bool,
    /// Its back-test error on this series.
    pub accuracy: Accuracy,
    /// Where its projection leaves the plausible range.
    pub warnings: Vec<MethodWarning>,
}

/// A candidate method that does not fit the series, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unfit {
    /// The method.
    pub method: Method,
    /// Why it does not fit (too few points, a value it cannot take, …).
    pub error: Error,
}

/// The candidates of `choice` that do not fit its series, in the rules'
/// order.
#[must_use]
pub fn unfit(choice: &Choice) -> Vec<Unfit> {
    choice
        .unavailable
        .iter()
        .map(|u| Unfit {
            method: u.method(),
            error: u.error,
        })
        .collect()
}

impl From<Backtest> for Accuracy {
    fn from(b: Backtest) -> Self {
        match b {
            Backtest::Scored { mape, tests, .. } => Accuracy::Scored { mape, tests },
            Backtest::NotScored(NotScored::FewPoints { needed, got }) => {
                Accuracy::FewPoints { needed, got }
            }
            Backtest::NotScored(_) => Accuracy::Unscored,
        }
    }
}

/// A core warning with its value on the basis `basis` shows.
fn shown(w: &Warning, basis: Basis) -> MethodWarning {
    match *w {
        Warning::BelowBound { date, value } => MethodWarning::BelowBound {
            date,
            value: value * basis.factor(date),
        },
        Warning::AboveBound { date, value } => MethodWarning::AboveBound {
            date,
            value: value * basis.factor(date),
        },
        Warning::FastGrowth(f) => MethodWarning::FastGrowth(f),
    }
}

/// Every ranked method of `choice` for `series`, with its back-test error
/// and the warnings about its projection up to the choice's horizon.
#[must_use]
pub fn options(choice: &Choice, series: &Series<'_>) -> Vec<MethodOption> {
    let basis = Basis::for_kind(series.subject().kind);
    choice
        .ranked
        .iter()
        .enumerate()
        .map(|(i, r)| MethodOption {
            method: r.method(),
            recommended: i == 0,
            accuracy: r.backtest.into(),
            warnings: r.warnings.iter().map(|w| shown(w, basis)).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::choice::choose_until;
    use dxcast_core::{MeasureKind, Point, Subject, Unit};

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn a_short_series_has_no_back_test_and_says_why() {
        // Online dossiers' share (r000, r001): 43 % and 52,8 %.
        let pts = [
            Point::new(d(2022, 9, 30), 43.0),
            Point::new(d(2022, 12, 31), 52.8),
        ];
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
        let c = choose_until(&s, d(2026, 12, 31)).unwrap();
        let o = options(&c, &s);
        assert_eq!(o.len(), 1);
        assert!(o[0].recommended);
        assert_eq!(o[0].accuracy, Accuracy::FewPoints { needed: 6, got: 2 });
        // The growth curves fit from 3 points (the core's documented
        // minimum): listed as unfit, with the count.
        let un = unfit(&c);
        let logistic = un.iter().find(|u| u.method == Method::Logistic).unwrap();
        assert!(matches!(
            logistic.error,
            Error::TooFewPoints {
                needed: 3,
                got: 2,
                ..
            }
        ));
        // +9,8 points a quarter runs through 100 % long before 2026.
        assert!(o[0]
            .warnings
            .iter()
            .any(|w| matches!(w, MethodWarning::AboveBound { value, .. } if *value > 100.0)));
    }

    #[test]
    fn a_line_falling_below_zero_is_flagged_where_it_crosses() {
        // 100, 80, 60 a year apart: the line reaches 0 five years after the
        // first point (by hand), and falls 20 a year.
        let pts = [
            Point::new(d(2020, 1, 1), 100.0),
            Point::new(d(2021, 1, 1), 80.0),
            Point::new(d(2022, 1, 1), 60.0),
        ];
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let c = choose_until(&s, d(2030, 1, 1)).unwrap();
        let o = options(&c, &s);
        let line = o.iter().find(|m| m.method == Method::Linear).unwrap();
        let first = line
            .warnings
            .iter()
            .find_map(|w| match w {
                MethodWarning::BelowBound { date, value } => Some((*date, *value)),
                _ => None,
            })
            .unwrap();
        assert!(first.0 > d(2025, 1, 1) && first.1 < 0.0, "{first:?}");
        // The exponential through the same points stays above 0 and grows
        // no faster than the series: no warning.
        let exp = o.iter().find(|m| m.method == Method::LogLinear).unwrap();
        assert!(exp.warnings.is_empty(), "{:?}", exp.warnings);
    }
}
