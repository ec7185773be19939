//! The methods an analyst can choose for a series: each with its accuracy
//! on this series (its back-test error) and warnings where its projection
//! leaves the plausible range.
//!
//! [`options`] is the one place that reads the core's ranking
//! ([`dxcast_core::choice::Choice`]); everything else sees
//! [`MethodOption`]s.
//!
//! - **Accuracy.** The core ranks a series of
//!   [`MIN_POINTS_TO_COMPARE`] points or more by the mean absolute
//!   percentage error (MAPE) of one-step forecasts from a rolling origin:
//!   each point from the fifth on predicted by the method fitted to the
//!   points before it ([`FIRST_ORIGIN`]). That MAPE is the method's
//!   accuracy here; a shorter series has none, and the option says why.
//! - **Warnings.** The projection is examined from the last point to the
//!   horizon at [`SAMPLES`] evenly spaced dates: its point forecast before
//!   any clamping against the indicator's bounds (a count below 0, a share
//!   above 100), and its yearly growth from its value at the last point to
//!   the horizon against the growth the series shows, by the what-if rule
//!   ([`dxcast_core::scenario::implausible`]: beyond one and a half times
//!   the fastest yearly growth between figures a year or more apart, and
//!   beyond 50 % a year, or 20 points for shares).

use dxcast_core::basis::Basis;
use dxcast_core::choice::{Choice, FIRST_ORIGIN, MIN_POINTS_TO_COMPARE};
use dxcast_core::scenario::{implausible, GrowthOverride, Implausible};
use dxcast_core::series::DAYS_PER_YEAR;
use dxcast_core::{Date, Method, Series};

/// The dates a projection is examined at.
pub const SAMPLES: i32 = 12;

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

/// Every ranked method of `choice` for `series`, with its accuracy and the
/// warnings about its projection up to `until`. A method that no longer
/// fits the series is left out.
#[must_use]
pub fn options(choice: &Choice, series: &Series<'_>, until: Date) -> Vec<MethodOption> {
    let n = series.len();
    choice
        .ranked
        .iter()
        .enumerate()
        .map(|(i, r)| MethodOption {
            method: r.method(),
            recommended: i == 0,
            accuracy: match r.score {
                Some(mape) => Accuracy::Scored {
                    mape,
                    tests: n.saturating_sub(FIRST_ORIGIN),
                },
                None if n < MIN_POINTS_TO_COMPARE => Accuracy::FewPoints {
                    needed: MIN_POINTS_TO_COMPARE,
                    got: n,
                },
                None => Accuracy::Unscored,
            },
            warnings: r
                .model
                .fit(series)
                .map(|f| warnings(&f, series, until))
                .unwrap_or_default(),
        })
        .collect()
}

/// The warnings about `fitted`'s projection of `series` up to `until`.
fn warnings(fitted: &dxcast_core::Fitted, series: &Series<'_>, until: Date) -> Vec<MethodWarning> {
    let mut out = Vec::new();
    let last = series.last();
    let bounds = series.bounds();
    let basis = Basis::for_kind(series.subject().kind);
    let span = last.date.days_until(until);
    if span <= 0 {
        return out;
    }
    let (mut below, mut above) = (None, None);
    for k in 1..=SAMPLES {
        let Ok(date) = last.date.add_days(span * k / SAMPLES) else {
            continue;
        };
        let Ok(p) = dxcast_core::Predictor::predict(fitted, date) else {
            continue;
        };
        let v = p.point();
        let shown = v * basis.factor(date);
        if below.is_none() && bounds.min.is_some_and(|lo| v < lo) {
            below = Some(MethodWarning::BelowBound { date, value: shown });
        }
        if above.is_none() && bounds.max.is_some_and(|hi| v > hi) {
            above = Some(MethodWarning::AboveBound { date, value: shown });
        }
    }
    out.extend(below);
    out.extend(above);
    // Yearly growth from the value at the last point to the horizon.
    let points = series.subject().in_points();
    let years = f64::from(span) / DAYS_PER_YEAR;
    let ends = fitted.value_at(last.date).ok().zip(
        dxcast_core::Predictor::predict(fitted, until)
            .ok()
            .map(|p| p.point_within(bounds)),
    );
    if let Some((y0, y1)) = ends {
        let rate = if points {
            Some((y1 - y0) / years)
        } else if y0 > 0.0 && y1 > 0.0 {
            Some(((y1 / y0).powf(1.0 / years) - 1.0) * 100.0)
        } else {
            None
        };
        let flag = rate
            .filter(|r| r.is_finite())
            .and_then(|r| implausible(series, &GrowthOverride::yearly(last.date, r)));
        out.extend(flag.map(MethodWarning::FastGrowth));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::choice::choose;
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
        let c = choose(&s).unwrap();
        let o = options(&c, &s, d(2026, 12, 31));
        assert_eq!(o.len(), 1);
        assert!(o[0].recommended);
        assert_eq!(o[0].accuracy, Accuracy::FewPoints { needed: 6, got: 2 });
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
        let c = choose(&s).unwrap();
        let o = options(&c, &s, d(2030, 1, 1));
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
