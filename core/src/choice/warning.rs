//! Warnings about a method's projection: where it leaves the range an
//! indicator can take, or grows far faster than the series ever did.
//!
//! The projection is examined from the last observation to the horizon at
//! 12 evenly spaced dates: its point forecast, before any clamping, against
//! the indicator's bounds (a count below 0, a share above 100), and its
//! yearly growth from its value at the last observation to the horizon
//! against the fastest the series shows, by the what-if rule
//! [`implausible`](crate::scenario::implausible) (one and a half times the
//! fastest yearly growth between figures at least a year apart, and at
//! least 50 % a year, or 20 points for shares).

use heapless::Vec;

use crate::date::Date;
use crate::fitted::Fitted;
use crate::scenario::{implausible, GrowthOverride, Implausible};
use crate::series::{Series, DAYS_PER_YEAR};

/// The most warnings a method carries: one of each kind.
pub const MAX_WARNINGS: usize = 3;

/// The dates a projection is examined at.
const SAMPLES: i32 = 12;

/// Something implausible about a method's projection.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Warning {
    /// The projection falls below the indicator's lower bound (a count
    /// below 0), first at `date`.
    BelowBound {
        /// The first date examined where it does.
        date: Date,
        /// The projection there.
        value: f64,
    },
    /// The projection rises above the indicator's upper bound (a share
    /// above 100), first at `date`.
    AboveBound {
        /// The first date examined where it does.
        date: Date,
        /// The projection there.
        value: f64,
    },
    /// The projection grows far faster than any growth the series shows.
    FastGrowth(Implausible),
}

/// The warnings about `fitted`'s projection of `series` up to `until`.
pub(crate) fn warnings(
    fitted: &Fitted,
    series: &Series<'_>,
    until: Date,
) -> Vec<Warning, MAX_WARNINGS> {
    let mut out = Vec::new();
    let last = series.last();
    let bounds = series.bounds();
    let span = last.date.days_until(until);
    if span <= 0 {
        return out;
    }
    let mut below = None;
    let mut above = None;
    for k in 1..=SAMPLES {
        let days = span.saturating_mul(k) / SAMPLES;
        let Ok(date) = last.date.add_days(days) else {
            continue;
        };
        let Ok(p) = fitted.predict(date) else {
            continue;
        };
        let v = p.point();
        if below.is_none() && bounds.min.is_some_and(|lo| v < lo) {
            below = Some(Warning::BelowBound { date, value: v });
        }
        if above.is_none() && bounds.max.is_some_and(|hi| v > hi) {
            above = Some(Warning::AboveBound { date, value: v });
        }
    }
    // Capacity is one of each kind: the pushes cannot fail.
    if let Some(w) = below {
        let _ = out.push(w);
    }
    if let Some(w) = above {
        let _ = out.push(w);
    }
    // Yearly growth from the last observation to the horizon.
    let years = f64::from(span) / DAYS_PER_YEAR;
    let points = series.subject().in_points();
    let start = fitted.value_at(last.date).ok();
    let end = fitted.predict(until).map(|p| p.point_within(bounds)).ok();
    let rate = match (start, end) {
        (Some(a), Some(b)) if points => Some((b - a) / years),
        (Some(a), Some(b)) if a > 0.0 && b > 0.0 => {
            Some((libm::pow(b / a, 1.0 / years) - 1.0) * 100.0)
        }
        // A projection too large for a number grows implausibly.
        (Some(_), None) => Some(f64::INFINITY),
        _ => None,
    };
    if let Some(rate) = rate {
        if let Some(flag) = implausible(series, &GrowthOverride::yearly(last.date, rate)) {
            let _ = out.push(Warning::FastGrowth(flag));
        }
    }
    out
}
