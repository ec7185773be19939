//! Verdicts: one place decides a target's status from the figures and the
//! projection, so that the status, the projection at the deadline, its
//! interval, the date the target is reached and the probability of meeting
//! it can never disagree.
//!
//! # The rule
//!
//! [`decide`] takes the facts of an analysis and answers with the first of
//! these that applies:
//!
//! | status | when |
//! |---|---|
//! | [`TargetStatus::Unreachable`] | the target lies outside the indicator's bounds (a share above 100 % or below 0, "more than 100 %", a rank below 1) |
//! | [`TargetStatus::Achieved`] / [`TargetStatus::Missed`] | a figure decides: the first figure on or after the deadline (for a total, the observed total of the target's period) meets or misses the target |
//! | [`TargetStatus::Achieved`] | a figure on or before the deadline already meets it (a level that reached it, a year-to-date total above a yearly target) |
//! | [`TargetStatus::Stale`] | the deadline comes before the first figure: no projection reaches back there ([`Staleness::BeforeData`]) |
//! | [`TargetStatus::Stale`] | the deadline has passed and no figure says whether it was met: the projection is a projection of the past ([`Staleness::PastDeadline`]) |
//! | [`TargetStatus::TooFewPoints`] | the fit has no degrees of freedom left: its spread is unknown |
//! | [`TargetStatus::Stale`] | the projection reaches further beyond the latest figure than the figures reach back, and more than a year ([`Staleness::LongHorizon`]) |
//! | otherwise | the projection's own verdict, the [`outlook`] |
//!
//! The outlook of a projection:
//!
//! | outlook | when |
//! |---|---|
//! | [`TargetStatus::Uncertain`] | both outcomes are likely: [`UNCERTAIN_LOW`] ≤ P(meet) ≤ [`UNCERTAIN_HIGH`] |
//! | [`TargetStatus::OnTrack`] | the projection at the deadline meets the target |
//! | [`TargetStatus::NeedsAcceleration`] | it misses, but makes at least [`NEEDS_ACCELERATION`] of the growth needed (Open SDG's growth ratio ρ) |
//! | [`TargetStatus::OffTrack`] | it misses by more |
//!
//! On the working scales of [`crate::Prediction`] the point forecast is the
//! median of the predictive distribution, so P(meet) ≥ ½ exactly when the
//! projection meets the target: "on track" never has a probability below
//! [`UNCERTAIN_HIGH`], and "needs acceleration" or "off track" never one
//! above [`UNCERTAIN_LOW`]. Statuses never come from an unknown or infinite
//! projection: those are errors before a verdict is reached.

use crate::date::Date;
use crate::series::Point;

/// The smallest growth ratio ρ (projected over required growth) that needs
/// acceleration rather than being off track: where Open SDG stops calling
/// progress "moderate".
pub const NEEDS_ACCELERATION: f64 = 0.6;
/// The lowest probability of meeting a target at which the outcome is
/// uncertain: a miss is then at most three times as likely as a hit.
pub const UNCERTAIN_LOW: f64 = 0.25;
/// The highest probability of meeting a target at which the outcome is
/// uncertain.
pub const UNCERTAIN_HIGH: f64 = 0.75;
/// How long after a deadline a figure of a level still decides whether the
/// target was met.
pub const EVIDENCE_DAYS: i32 = 366;
/// The shortest projection horizon, in days, that can make a verdict stale.
pub const STALE_MIN_DAYS: i32 = 365;

/// Where an indicator stands against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TargetStatus {
    /// A figure shows the target met.
    Achieved,
    /// A figure on or after the deadline shows the target missed.
    Missed,
    /// The projection at the deadline meets the target.
    OnTrack,
    /// The projection misses, but makes at least 60 % of the growth needed.
    NeedsAcceleration,
    /// The projection misses by more.
    OffTrack,
    /// Both outcomes are likely.
    Uncertain,
    /// The fit leaves nothing to estimate its error from.
    TooFewPoints,
    /// The figures are too old to judge the target (see [`Staleness`]).
    Stale,
    /// The target lies outside the indicator's bounds.
    Unreachable,
}

impl TargetStatus {
    /// Every status.
    pub const ALL: [TargetStatus; 9] = [
        TargetStatus::Achieved,
        TargetStatus::Missed,
        TargetStatus::OnTrack,
        TargetStatus::NeedsAcceleration,
        TargetStatus::OffTrack,
        TargetStatus::Uncertain,
        TargetStatus::TooFewPoints,
        TargetStatus::Stale,
        TargetStatus::Unreachable,
    ];

    /// A stable identifier: `achieved`, `missed`, `on_track`,
    /// `needs_acceleration`, `off_track`, `uncertain`, `too_few_points`,
    /// `stale`, `unreachable`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "achieved",
            TargetStatus::Missed => "missed",
            TargetStatus::OnTrack => "on_track",
            TargetStatus::NeedsAcceleration => "needs_acceleration",
            TargetStatus::OffTrack => "off_track",
            TargetStatus::Uncertain => "uncertain",
            TargetStatus::TooFewPoints => "too_few_points",
            TargetStatus::Stale => "stale",
            TargetStatus::Unreachable => "unreachable",
        }
    }

    /// Whether a figure decided the status.
    #[must_use]
    pub const fn by_figure(self) -> bool {
        matches!(self, TargetStatus::Achieved | TargetStatus::Missed)
    }

    /// Whether the status is the projection's own verdict.
    #[must_use]
    pub const fn is_outlook(self) -> bool {
        matches!(
            self,
            TargetStatus::OnTrack
                | TargetStatus::NeedsAcceleration
                | TargetStatus::OffTrack
                | TargetStatus::Uncertain
        )
    }
}

/// Why a verdict is stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Staleness {
    /// The deadline has passed and no figure says whether the target was
    /// met: the projection is a projection of the past.
    PastDeadline,
    /// The projection reaches further beyond the latest figure than the
    /// figures reach back, and more than [`STALE_MIN_DAYS`].
    LongHorizon,
    /// The deadline comes before the first figure.
    BeforeData,
}

/// Figures that can decide a target without the projection, in the
/// target's terms (a yearly total, not a daily rate).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Evidence {
    /// The first figure on or after the deadline (for a target on a total,
    /// the observed total of the target's period).
    pub after: Option<Point>,
    /// The last figure on or before the deadline (for a target on a total, a
    /// year-to-date total inside the target's period).
    pub before: Option<Point>,
}

impl Evidence {
    /// The evidence of a series of levels (stocks, shares, ranks, running
    /// totals) for a deadline: its first point on or after the deadline
    /// (within [`EVIDENCE_DAYS`] of it) and its last point on or before it.
    #[must_use]
    pub fn of_levels(points: &[Point], deadline: Date) -> Evidence {
        let k = points.partition_point(|p| p.date < deadline);
        let before = points
            .partition_point(|p| p.date <= deadline)
            .checked_sub(1)
            .and_then(|i| points.get(i))
            .copied();
        Evidence {
            after: points
                .get(k)
                .copied()
                .filter(|p| deadline.days_until(p.date) <= EVIDENCE_DAYS),
            before,
        }
    }
}

/// What [`decide`] needs to know of an analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Facts {
    /// Whether the target is beyond the indicator's bounds.
    pub unreachable: bool,
    /// Whether the first figure on or after the deadline meets the target.
    pub after_meets: Option<bool>,
    /// Whether the figure on or before the deadline meets the target.
    pub before_meets: Option<bool>,
    /// Whether today is after the deadline.
    pub deadline_passed: bool,
    /// Whether the deadline comes before the first figure.
    #[cfg_attr(feature = "serde", serde(default))]
    pub before_data: bool,
    /// The fit's degrees of freedom left for its error.
    pub df: usize,
    /// Days from the latest figure to the deadline.
    pub horizon_days: i32,
    /// Days from the first figure to the latest.
    pub span_days: i32,
    /// Whether the projection at the deadline meets the target.
    pub projection_meets: bool,
    /// The probability of meeting the target, when the spread is known.
    pub probability: Option<f64>,
    /// The growth ratio ρ, when the target requires growth.
    pub ratio: Option<f64>,
}

/// The projection's own verdict (see the [module documentation](self)).
#[must_use]
pub fn outlook(f: &Facts) -> TargetStatus {
    match f.probability {
        Some(p) if (UNCERTAIN_LOW..=UNCERTAIN_HIGH).contains(&p) => TargetStatus::Uncertain,
        _ if f.projection_meets => TargetStatus::OnTrack,
        _ => match f.ratio {
            Some(r) if r >= NEEDS_ACCELERATION => TargetStatus::NeedsAcceleration,
            _ => TargetStatus::OffTrack,
        },
    }
}

/// The status of a target (see the [module documentation](self)), and why
/// it is stale when it is.
#[must_use]
pub fn decide(f: &Facts) -> (TargetStatus, Option<Staleness>) {
    if f.unreachable {
        return (TargetStatus::Unreachable, None);
    }
    match f.after_meets {
        Some(true) => return (TargetStatus::Achieved, None),
        Some(false) => return (TargetStatus::Missed, None),
        None => {}
    }
    if f.before_meets == Some(true) {
        return (TargetStatus::Achieved, None);
    }
    if f.before_data {
        return (TargetStatus::Stale, Some(Staleness::BeforeData));
    }
    if f.deadline_passed {
        return (TargetStatus::Stale, Some(Staleness::PastDeadline));
    }
    if f.df == 0 {
        return (TargetStatus::TooFewPoints, None);
    }
    if f.horizon_days > f.span_days.max(STALE_MIN_DAYS) {
        return (TargetStatus::Stale, Some(Staleness::LongHorizon));
    }
    (outlook(f), None)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn facts() -> Facts {
        Facts {
            unreachable: false,
            after_meets: None,
            before_meets: None,
            deadline_passed: false,
            before_data: false,
            df: 3,
            horizon_days: 300,
            span_days: 700,
            projection_meets: true,
            probability: Some(0.9),
            ratio: Some(1.2),
        }
    }

    #[test]
    fn the_first_rule_that_applies_decides() {
        let f = facts();
        assert_eq!(decide(&f), (TargetStatus::OnTrack, None));
        assert_eq!(
            decide(&Facts {
                unreachable: true,
                after_meets: Some(true),
                ..f
            }),
            (TargetStatus::Unreachable, None)
        );
        assert_eq!(
            decide(&Facts {
                after_meets: Some(false),
                before_meets: Some(true),
                deadline_passed: true,
                ..f
            }),
            (TargetStatus::Missed, None)
        );
        assert_eq!(
            decide(&Facts {
                before_meets: Some(false),
                deadline_passed: true,
                ..f
            }),
            (TargetStatus::Stale, Some(Staleness::PastDeadline))
        );
        assert_eq!(
            decide(&Facts { df: 0, ..f }),
            (TargetStatus::TooFewPoints, None)
        );
        assert_eq!(
            decide(&Facts {
                before_data: true,
                deadline_passed: true,
                ..f
            }),
            (TargetStatus::Stale, Some(Staleness::BeforeData))
        );
        assert_eq!(
            decide(&Facts {
                horizon_days: 701,
                ..f
            }),
            (TargetStatus::Stale, Some(Staleness::LongHorizon))
        );
        // A short span still allows a year ahead.
        assert_eq!(
            decide(&Facts {
                horizon_days: 365,
                span_days: 90,
                ..f
            }),
            (TargetStatus::OnTrack, None)
        );
    }

    #[test]
    fn the_outlook_follows_the_probability_and_the_ratio() {
        let f = facts();
        assert_eq!(
            outlook(&Facts {
                probability: Some(0.75),
                ..f
            }),
            TargetStatus::Uncertain
        );
        let miss = Facts {
            projection_meets: false,
            probability: Some(0.1),
            ..f
        };
        assert_eq!(
            outlook(&Facts {
                ratio: Some(0.6),
                ..miss
            }),
            TargetStatus::NeedsAcceleration
        );
        assert_eq!(
            outlook(&Facts {
                ratio: Some(0.59),
                ..miss
            }),
            TargetStatus::OffTrack
        );
        assert_eq!(
            outlook(&Facts {
                ratio: None,
                ..miss
            }),
            TargetStatus::OffTrack
        );
    }

    #[test]
    fn evidence_of_levels_around_a_deadline() {
        let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
        let pts = [
            Point::new(d(2022, 9, 30), 43.0),
            Point::new(d(2022, 12, 31), 52.8),
            Point::new(d(2024, 4, 30), 38.3),
        ];
        let e = Evidence::of_levels(&pts, d(2022, 12, 31));
        assert_eq!(e.before, Some(pts[1]));
        assert_eq!(e.after, Some(pts[1]));
        let e = Evidence::of_levels(&pts, d(2023, 12, 31));
        assert_eq!(e.before, Some(pts[1]));
        assert_eq!(e.after, Some(pts[2]));
        // More than a year after the deadline, a figure no longer decides.
        let e = Evidence::of_levels(&pts, d(2023, 4, 1));
        assert_eq!(e.after, None);
        let e = Evidence::of_levels(&pts, d(2025, 12, 31));
        assert_eq!((e.before, e.after), (Some(pts[2]), None));
    }
}
