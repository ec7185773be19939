//! Figures on a time axis: where each figure sits and at what value, as the
//! core places them.
//!
//! Time is a day number (days since 1970-01-01, as `Date::day_number`). A
//! figure sits at the core's [`anchor_date`] of its measure kind and period:
//! a total at the middle of its period (a year-to-date total at the middle
//! of the year so far), a level at its period's last day. That is where the
//! projection's series puts it too ([`dxcast_core::basis::points_into`]), so
//! the figures and the fitted trend line up. Totals are shown on the scale
//! of yearly totals ([`yearly_value`]).

use dxcast_core::basis::{anchor_date, yearly_value};
use dxcast_core::{Date, MeasureKind, Period};

use crate::dataset::ObservationRecord;

/// A figure on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesPoint {
    /// Where it sits (a day number).
    pub day: f64,
    /// Its value, on the scale of yearly totals for totals.
    pub value: f64,
    /// Whether it is an estimate (drawn hollow).
    pub estimate: bool,
    /// Which line it belongs to (points of different lines are not joined).
    pub series: u8,
}

/// The date a figure of `kind` over `period` sits at on the time axis (the
/// core's [`anchor_date`]).
#[must_use]
pub fn anchor(kind: MeasureKind, period: Period) -> Date {
    anchor_date(kind, period)
}

/// The day number a figure of `kind` over `period` sits at.
#[must_use]
pub fn anchor_day(kind: MeasureKind, period: Period) -> f64 {
    f64::from(anchor(kind, period).day_number())
}

/// The figures in the order the time axis shows them (figures on the same
/// day keep their order).
#[must_use]
pub fn in_time_order<'a>(
    kind: MeasureKind,
    observations: &[&'a ObservationRecord],
) -> Vec<&'a ObservationRecord> {
    let mut sorted = observations.to_vec();
    sorted.sort_by_key(|o| anchor(kind, o.period()));
    sorted
}

/// The figures of an indicator of `kind` on the time axis, in time order
/// ([`in_time_order`]): totals over a month, a quarter or a year as yearly
/// totals ([`yearly_value`]), on one line.
#[must_use]
pub fn series_points(kind: MeasureKind, observations: &[&ObservationRecord]) -> Vec<SeriesPoint> {
    in_time_order(kind, observations)
        .into_iter()
        .map(|o| SeriesPoint {
            day: anchor_day(kind, o.period()),
            value: yearly_value(kind, &o.obs),
            estimate: o.is_estimate(),
            series: 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    fn day(y: i32, m: u32, d: u32) -> f64 {
        f64::from(Date::from_ymd(y, m, d).unwrap().day_number())
    }

    #[test]
    fn anchors_follow_the_measure_kind() {
        let q3 = Period::parse("2022-Q3").unwrap();
        assert_eq!(anchor_day(MeasureKind::Stock, q3), day(2022, 9, 30));
        // A total sits at its period's middle: 1 July + (92 − 1) / 2 days.
        assert_eq!(anchor_day(MeasureKind::Flow, q3), day(2022, 8, 15));
        // A year-to-date total (1/1–8/12/2022, 342 days) sits mid-way, where
        // its daily rate applies, not on 8 December.
        let ytd = Period::parse("2022-12-08").unwrap();
        assert_eq!(anchor_day(MeasureKind::YearToDate, ytd), day(2022, 6, 20));
    }

    #[test]
    fn the_figures_sit_where_the_projected_series_puts_them() {
        let data = Dataset::builtin().unwrap();
        for id in ["ndxp_tx", "ndxp_tx_ytd", "cdt_teams", "dvctt_level4_share"] {
            let ind = data.indicator(id).unwrap();
            let obs: Vec<&ObservationRecord> = data.observations_of(id).collect();
            let points = series_points(ind.kind, &obs);
            let mut series = vec![dxcast_core::Point::new(Date::EPOCH, 0.0); 64];
            let n = dxcast_core::basis::points_into(
                ind.kind,
                &data.observations_by_report(id),
                &mut series,
            )
            .unwrap();
            // Every point of the series is a figure on the axis (a series
            // keeps one point per date).
            for p in &series[..n] {
                assert!(
                    points
                        .iter()
                        .any(|q| q.day == f64::from(p.date.day_number())),
                    "{id} {}",
                    p.date
                );
            }
            assert!(points.windows(2).all(|w| w[0].day <= w[1].day), "{id}");
        }
        // September 2022's 58 397 139 transactions, on the scale of a year.
        let ndxp: Vec<&ObservationRecord> = data.observations_of("ndxp_tx").collect();
        let sep = series_points(MeasureKind::Flow, &ndxp)
            .into_iter()
            .find(|p| p.day == day(2022, 9, 15))
            .unwrap();
        assert!((sep.value - 58_397_139.0 / 30.0 * 365.0).abs() < 1e-6);
    }
}
