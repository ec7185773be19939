//! Where the projection engine plugs in.
//!
//! The fitted trends, prediction intervals, target analytics, method choice
//! and what-if scenarios come from the core's projection modules, which are
//! not part of this app yet. This module is the one place the app asks for
//! them:
//!
//! - [`project`] returns an indicator's [`Projection`]: today `None`. When the
//!   engine lands it fits the chosen [`Method`] to the indicator's points,
//!   applies the [`Scenario`], and fills the chart overlay
//!   ([`crate::chart::Overlay`]: fitted trend, dashed projection, band), the
//!   status and the explanations. The indicator page already passes the
//!   overlay to the chart geometry and hands the projection to
//!   `components::projection::ProjectionPanel`, which renders nothing for `None`.
//! - [`status_now`] gives the statuses that need no projection ("no target",
//!   "not enough data"); the others come from [`Projection::status`]
//!   (`dashboard::status` asks both, for the dashboard's rows; the indicator
//!   page does the same for its summary).

use dxcast_core::{Date, Explanation, Target};

use crate::chart::{Overlay, SeriesPoint};

/// An indicator's standing against its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetStatus {
    /// The target is met.
    Achieved,
    /// The projection meets the target by its deadline.
    OnTrack,
    /// The projection falls short, but not by much: growth must speed up.
    NeedsAcceleration,
    /// The projection falls far short.
    OffTrack,
    /// The reports set no target.
    NoTarget,
    /// Too few figures to project.
    NotEnoughData,
}

impl TargetStatus {
    /// Every status, in the order the filter lists them.
    pub const ALL: [TargetStatus; 6] = [
        TargetStatus::Achieved,
        TargetStatus::OnTrack,
        TargetStatus::NeedsAcceleration,
        TargetStatus::OffTrack,
        TargetStatus::NoTarget,
        TargetStatus::NotEnoughData,
    ];

    /// A stable code (for `data-status` and the filter's values).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            TargetStatus::Achieved => "achieved",
            TargetStatus::OnTrack => "on_track",
            TargetStatus::NeedsAcceleration => "needs_acceleration",
            TargetStatus::OffTrack => "off_track",
            TargetStatus::NoTarget => "no_target",
            TargetStatus::NotEnoughData => "not_enough_data",
        }
    }

    /// The status with code `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<TargetStatus> {
        TargetStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The fewest figures on distinct dates a trend needs.
pub const MIN_POINTS: usize = 2;

/// The status that is known without a projection: no target, or too few
/// figures (on distinct dates) to project. `None` otherwise: the target
/// analytics decide ([`Projection::status`]).
#[must_use]
pub fn status_now(
    points: &[SeriesPoint],
    targets: &[Target],
    _today: Date,
) -> Option<TargetStatus> {
    if targets.is_empty() {
        return Some(TargetStatus::NoTarget);
    }
    let mut days: Vec<i64> = points.iter().map(|p| p.day.round() as i64).collect();
    days.sort_unstable();
    days.dedup();
    if days.len() < MIN_POINTS {
        return Some(TargetStatus::NotEnoughData);
    }
    None
}

/// A projection method the user can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Method {
    /// The engine's choice (by leave-one-out error).
    #[default]
    Auto,
}

/// A what-if scenario: growth overridden from a date, and a level shock.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scenario {
    /// Monthly growth from `from` on, if overridden.
    pub growth: Option<f64>,
    /// The date the override starts.
    pub from: Option<Date>,
    /// A level added from `from` on.
    pub shock: f64,
}

/// What the engine says about an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// What the chart draws over the figures.
    pub overlay: Overlay,
    /// The standing against the next target.
    pub status: TargetStatus,
    /// How the fit, the interval and the status were computed.
    pub explanations: Vec<Explanation>,
}

/// The indicator's projection with `method` and `scenario` on `today`: not
/// available until the engine is part of the app.
#[must_use]
pub fn project(
    _points: &[SeriesPoint],
    _targets: &[Target],
    _today: Date,
    _method: Method,
    _scenario: &Scenario,
) -> Option<Projection> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::Comparison;

    fn point(day: f64) -> SeriesPoint {
        SeriesPoint {
            day,
            value: 1.0,
            estimate: false,
            series: 0,
        }
    }

    #[test]
    fn statuses_known_without_a_projection() {
        let today = Date::from_ymd(2026, 1, 1).unwrap();
        let t = Target::new(
            1.0,
            Date::from_ymd(2025, 12, 31).unwrap(),
            Comparison::AtLeast,
        )
        .unwrap();
        assert_eq!(
            status_now(&[point(1.0)], &[], today),
            Some(TargetStatus::NoTarget)
        );
        assert_eq!(
            status_now(&[point(1.0)], &[t], today),
            Some(TargetStatus::NotEnoughData)
        );
        // Two figures on the same day are one date.
        assert_eq!(
            status_now(&[point(1.0), point(1.0)], &[t], today),
            Some(TargetStatus::NotEnoughData)
        );
        assert_eq!(status_now(&[point(1.0), point(9.0)], &[t], today), None);
        for s in TargetStatus::ALL {
            assert_eq!(TargetStatus::from_code(s.code()), Some(s));
        }
        assert!(project(&[], &[t], today, Method::Auto, &Scenario::default()).is_none());
    }
}
