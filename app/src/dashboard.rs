//! The dashboard's rows: each indicator's latest figure, the target to show,
//! its sparkline points and standing, and the filters.

use dxcast_core::text::folded_contains;
use dxcast_core::{Date, Period, Pillar, Qualifier, Status, Target, Unit};

use crate::analysis::Standing;
use crate::dataset::{Dataset, IndicatorRecord, ObservationRecord};
use crate::projection::{shown_target, standing, ShownTarget, Sources, StandingSchedule};
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

fn row(
    data: &Dataset,
    ind: &IndicatorRecord,
    today: Date,
    standing: &mut impl FnMut(&str, Option<Sources>) -> Option<Standing>,
) -> DashboardRow {
    let observations: Vec<&ObservationRecord> = data.observations_of(&ind.id).collect();
    let targets: Vec<Target> = data
        .targets_of(&ind.id)
        .filter_map(|t| t.target().ok())
        .collect();
    let points = series_points(ind.kind, &observations);
    let sources = Sources::of(data, &ind.id);
    let standing = standing(&ind.id, sources);
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
        standing,
        search: format!("{} {} {}", ind.name_vi, ind.name_en, ind.id),
        points,
    }
}

/// Every indicator's row, in data order.
#[must_use]
pub fn rows(data: &Dataset, today: Date) -> Vec<DashboardRow> {
    rows_by(data, today, |_, sources| {
        sources.and_then(|s| standing_on(&s, today))
    })
}

/// Every indicator's row, in data order, with the standing `standing`
/// gives for its id and figures and targets ([`Sources::of`]): the
/// dashboard takes the standings of the built-in data from their schedules
/// ([`read_schedules`]) and works out only the others.
pub fn rows_by(
    data: &Dataset,
    today: Date,
    mut standing: impl FnMut(&str, Option<Sources>) -> Option<Standing>,
) -> Vec<DashboardRow> {
    data.indicators
        .iter()
        .map(|i| row(data, i, today, &mut standing))
        .collect()
}

/// The standing of an indicator with `sources` on `today`, as the dashboard
/// shows it.
#[must_use]
pub fn standing_on(sources: &Sources, today: Date) -> Option<Standing> {
    standing(&sources.input(Rule::default()), today)
}

/// The span the built-in data's standings are scheduled for, first and
/// last day: outside it the dashboard works them out.
#[must_use]
pub fn scheduled_span() -> (Date, Date) {
    (Date::first_of_year(2000), Date::last_of_year(2050))
}

/// The [`StandingSchedule`] of every indicator of `data` over `from` to
/// `until`, as text: a line per indicator, its id, then `date=standing`
/// for each change (`-` when there is no standing), the first at `from`,
/// and last the day after `until`, `=` alone.
#[must_use]
pub fn write_schedules(data: &Dataset, from: Date, until: Date) -> String {
    let mut text = String::new();
    for ind in &data.indicators {
        let Some(sources) = Sources::of(data, &ind.id) else {
            continue;
        };
        let schedule = StandingSchedule::of(&sources.input(Rule::default()), from, until);
        text.push_str(&ind.id);
        for (day, s) in &schedule.changes {
            text.push_str(&format!(" {day}={}", s.map_or("-", Standing::code)));
        }
        if let Ok(end) = until.add_days(1) {
            text.push_str(&format!(" {end}="));
        }
        text.push('\n');
    }
    text
}

/// The schedules in `text` ([`write_schedules`]), by indicator id; a line
/// that does not read is left out (that indicator's standing is then
/// worked out).
#[must_use]
pub fn read_schedules(text: &str) -> Vec<(String, StandingSchedule)> {
    text.lines().filter_map(read_schedule).collect()
}

/// The standing of indicator `id` with `sources` on `today` from the
/// built-in data's `schedules`: `Some` when its figures and targets are the
/// built-in data's (`builtin`) and its schedule covers `today`, `None` when
/// it must be worked out ([`standing_on`]).
#[must_use]
pub fn scheduled_standing(
    schedules: &[(String, StandingSchedule)],
    builtin: &Dataset,
    id: &str,
    sources: &Sources,
    today: Date,
) -> Option<Option<Standing>> {
    let (_, schedule) = schedules.iter().find(|(i, _)| i == id)?;
    let same = Sources::of(builtin, id).is_some_and(|b| b == *sources);
    if same {
        schedule.on(today)
    } else {
        None
    }
}

fn read_schedule(line: &str) -> Option<(String, StandingSchedule)> {
    let mut words = line.split(' ');
    let id = words.next()?.to_string();
    let mut changes = Vec::new();
    let mut end = None;
    for word in words {
        let (day, code) = word.split_once('=')?;
        let day = Date::parse_iso(day).ok()?;
        match code {
            "" => end = Some(day),
            "-" => changes.push((day, None)),
            c => changes.push((day, Some(Standing::from_code(c)?))),
        }
    }
    let from = changes.first()?.0;
    let until = end?.add_days(-1).ok()?;
    Some((
        id,
        StandingSchedule {
            from,
            until,
            changes,
        },
    ))
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
    fn schedules_read_back_and_give_every_rows_standing() {
        let d = data();
        let (from, until) = scheduled_span();
        let text = write_schedules(&d, from, until);
        let read = read_schedules(&text);
        assert_eq!(read.len(), d.indicators.len());
        for (id, schedule) in &read {
            let sources = Sources::of(&d, id).unwrap();
            let input = sources.input(Rule::default());
            assert_eq!(*schedule, StandingSchedule::of(&input, from, until), "{id}");
        }
        // NDXP's standing changes the day after each deadline (2023, 2025).
        let ndxp = text.lines().find(|l| l.starts_with("ndxp_tx ")).unwrap();
        let days: Vec<&str> = ndxp.split(' ').skip(1).map(|w| &w[..10]).collect();
        assert_eq!(
            days,
            ["2000-01-01", "2024-01-01", "2026-01-01", "2051-01-01"]
        );
        for today in [
            day(2000, 1, 1),
            day(2023, 6, 1),
            day(2023, 12, 31),
            day(2024, 1, 1),
            day(2026, 12, 3),
            day(2050, 12, 31),
        ] {
            let scheduled = rows_by(&d, today, |id, _| {
                let (_, s) = read.iter().find(|(i, _)| i == id).unwrap();
                s.on(today).unwrap()
            });
            assert_eq!(scheduled, rows(&d, today), "{today}");
        }
        // A line that does not read is left out; the others still read.
        let damaged = text.replacen("ndxp_tx 2000-01-01=", "ndxp_tx 2000-13-01=", 1);
        let read = read_schedules(&damaged);
        assert_eq!(read.len(), d.indicators.len() - 1);
        assert!(read.iter().all(|(id, _)| id != "ndxp_tx"));
    }

    #[test]
    fn a_schedule_speaks_only_for_the_built_in_figures() {
        let builtin = data();
        let (from, until) = scheduled_span();
        let schedules = read_schedules(&write_schedules(&builtin, from, until));
        let today = day(2023, 6, 1);
        let sources = Sources::of(&builtin, "ndxp_tx").unwrap();
        assert_eq!(
            scheduled_standing(&schedules, &builtin, "ndxp_tx", &sources, today),
            Some(standing_on(&sources, today))
        );
        // Outside the span, or with a figure the built-in data does not
        // have, it must be worked out.
        let late = day(2051, 1, 1);
        assert_eq!(
            scheduled_standing(&schedules, &builtin, "ndxp_tx", &sources, late),
            None
        );
        let mut changed = sources.clone();
        changed.figures.pop();
        assert_eq!(
            scheduled_standing(&schedules, &builtin, "ndxp_tx", &changed, today),
            None
        );
        assert_eq!(
            scheduled_standing(&schedules, &builtin, "not_an_indicator", &sources, today),
            None
        );
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
