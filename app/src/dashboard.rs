//! The dashboard's rows: each indicator's latest figure, the target to show,
//! its sparkline points and standing, and the filters.

use dxcast_core::text::folded_contains;
use dxcast_core::{Date, Period, Pillar, Qualifier, Status, Target, Unit};

use crate::analysis::Standing;
use crate::dataset::{Dataset, IndicatorRecord, ObservationRecord};
use crate::projection::{shown_target, standing, ShownTarget, Sources};
use crate::timeline::{series_points, SeriesPoint};
use dxcast_core::quantity::Rule;

/// An indicator's latest figure.
#[derive(Debug, Clone, PartialEq)]
pub struct LatestFigure {
    /// Its value.
    pub value: f64,
    /// The period it covers.
    pub period: Period,
    /// Whether it is an estimate.
    pub estimate: bool,
    /// How the source qualifies it.
    pub qualifier: Qualifier,
}

/// One dashboard row.
#[derive(Debug, Clone, PartialEq)]
pub struct DashboardRow {
    /// The indicator's id.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Its pillar.
    pub pillar: Pillar,
    /// Its unit.
    pub unit: Unit,
    /// The latest figure.
    pub latest: Option<LatestFigure>,
    /// The target to show.
    pub target: Option<ShownTarget>,
    /// The figures on a time axis, for the sparkline.
    pub points: Vec<SeriesPoint>,
    /// The standing: the assessment of the shown target, "no target" or
    /// "not enough data"; `None` when the projection fails.
    pub standing: Option<Standing>,
    /// The names and id, searched without regard to case or diacritics.
    pub search: String,
}

/// The latest figure: the one whose period ends last; for equal ends an
/// observed figure wins over an estimate, then the later row.
#[must_use]
pub fn latest<'a>(
    observations: impl IntoIterator<Item = &'a ObservationRecord>,
) -> Option<&'a ObservationRecord> {
    observations
        .into_iter()
        .fold(None, |best: Option<&ObservationRecord>, o| match best {
            None => Some(o),
            Some(b) => {
                let key =
                    |x: &ObservationRecord| (x.period().end(), x.obs.status == Status::Observed);
                if key(o) >= key(b) {
                    Some(o)
                } else {
                    Some(b)
                }
            }
        })
}

fn row(data: &Dataset, ind: &IndicatorRecord, today: Date) -> DashboardRow {
    let observations: Vec<&ObservationRecord> = data.observations_of(&ind.id).collect();
    let targets: Vec<Target> = data
        .targets_of(&ind.id)
        .filter_map(|t| t.target().ok())
        .collect();
    let points = series_points(ind.kind, &observations);
    let sources = Sources::of(data, &ind.id);
    DashboardRow {
        id: ind.id.clone(),
        name_vi: ind.name_vi.clone(),
        name_en: ind.name_en.clone(),
        pillar: ind.pillar,
        unit: ind.unit,
        latest: latest(observations.iter().copied()).map(|o| LatestFigure {
            value: o.value(),
            period: o.period(),
            estimate: o.is_estimate(),
            qualifier: o.obs.qualifier,
        }),
        target: shown_target(&targets, today),
        standing: sources.and_then(|s| standing(&s.input(Rule::default()), today)),
        search: format!("{} {} {}", ind.name_vi, ind.name_en, ind.id),
        points,
    }
}

/// Every indicator's row, in data order.
#[must_use]
pub fn rows(data: &Dataset, today: Date) -> Vec<DashboardRow> {
    data.indicators
        .iter()
        .map(|i| row(data, i, today))
        .collect()
}

/// What the dashboard shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DashboardFilter {
    /// Only this pillar.
    pub pillar: Option<Pillar>,
    /// Only this standing.
    pub standing: Option<Standing>,
    /// Words that must all occur in the names or the id.
    pub query: String,
}

impl DashboardFilter {
    /// Whether `row` passes.
    #[must_use]
    pub fn matches(&self, row: &DashboardRow) -> bool {
        self.pillar.is_none_or(|p| p == row.pillar)
            && self.standing.is_none_or(|s| row.standing == Some(s))
            && self
                .query
                .split_whitespace()
                .all(|w| folded_contains(&row.search, w))
    }
}

/// The rows that pass `filter`, grouped by pillar in the pillars' order;
/// pillars with no row are left out.
#[must_use]
pub fn groups<'a>(
    rows: &'a [DashboardRow],
    filter: &DashboardFilter,
) -> Vec<(Pillar, Vec<&'a DashboardRow>)> {
    Pillar::ALL
        .into_iter()
        .map(|p| {
            (
                p,
                rows.iter()
                    .filter(|r| r.pillar == p && filter.matches(r))
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, rs)| !rs.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::Comparison;

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn every_indicator_has_a_row_and_every_pillar_a_group() {
        let d = data();
        let rows = rows(&d, day(2026, 11, 22));
        assert_eq!(rows.len(), d.indicators.len());
        let all = groups(&rows, &DashboardFilter::default());
        assert_eq!(all.len(), Pillar::ALL.len());
        assert_eq!(all.iter().map(|(_, r)| r.len()).sum::<usize>(), rows.len());
        // Indicators with only a target have no latest figure.
        for r in &rows {
            assert_eq!(
                r.latest.is_some(),
                d.observations_of(&r.id).count() > 0,
                "{}",
                r.id
            );
        }
    }

    #[test]
    fn the_latest_figure_and_the_target_follow_today() {
        let d = data();
        let rows = rows(&d, day(2023, 6, 1));
        let ndxp = rows.iter().find(|r| r.id == "ndxp_tx").unwrap();
        let l = ndxp.latest.as_ref().unwrap();
        assert_eq!(
            (l.value, l.period),
            (111e6, Period::parse("2023-Q1").unwrap())
        );
        let t = ndxp.target.unwrap();
        assert_eq!(
            (t.target.value, t.target.deadline, t.passed),
            (860e6, day(2023, 12, 31), false)
        );
        // The first of two targets with the same deadline: report 001's "lớn hơn".
        assert_eq!(t.target.comparison, Comparison::GreaterThan);
        // After every deadline, the last target is shown as passed.
        let later = super::rows(&d, day(2026, 11, 22));
        let t = later
            .iter()
            .find(|r| r.id == "ndxp_tx")
            .unwrap()
            .target
            .unwrap();
        assert_eq!((t.target.deadline, t.passed), (day(2025, 12, 31), true));
        // Level-4 share: two estimates for the end of 2022, r001's 100 % and
        // r004's 97,3 %; the later report's wins, and is shown as an estimate.
        let l4 = rows.iter().find(|r| r.id == "dvctt_level4_share").unwrap();
        let latest = l4.latest.as_ref().unwrap();
        assert!(latest.estimate);
        assert_eq!(latest.value, 97.3);
    }

    #[test]
    fn filters_and_search() {
        let d = data();
        let rows = rows(&d, day(2026, 11, 22));
        let count = |f: DashboardFilter| {
            groups(&rows, &f)
                .iter()
                .map(|(_, r)| r.len())
                .sum::<usize>()
        };
        let with = |q: &str| DashboardFilter {
            query: q.into(),
            ..DashboardFilter::default()
        };
        let n = count(with("giao dịch NDXP"));
        assert!(n >= 4);
        assert_eq!(count(with("giao dich ndxp")), n);
        assert_eq!(count(with("GIAO DỊCH ndxp")), n);
        assert!(count(with("transactions NDXP")) >= 4);
        assert_eq!(count(with("zzzz")), 0);
        let gov = count(DashboardFilter {
            pillar: Some(Pillar::Government),
            ..DashboardFilter::default()
        });
        assert!(gov > 0 && gov < rows.len());
        let no_target = count(DashboardFilter {
            standing: Some(Standing::NoTarget),
            ..DashboardFilter::default()
        });
        assert_eq!(
            no_target,
            rows.iter().filter(|r| r.target.is_none()).count()
        );
    }
}
