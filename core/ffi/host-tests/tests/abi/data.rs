//! The built-in dataset through the ABI: each target's indicator becomes a
//! series (`dxcast_points_from_observations`), the methods are ranked
//! (`dxcast_choose`), and the target is analysed with the best one
//! (`dxcast_analyse`), with every field and explanation compared with the
//! same pipeline run natively.

use dxcast_core::analytics::{analyse, Context, Quantity, TargetAnalysis};
use dxcast_core::basis::{evaluation, points_into};
use dxcast_core::choice::{choose, Choice, Criterion, Reason, Rule};
use dxcast_core::csv::{read, IndicatorRow, ObservationRow, ReportRow, TargetRow};
use dxcast_core::forecast::Scale;
use dxcast_core::scenario::{GrowthOverride, Scenario, WhatIf};
use dxcast_core::{
    Comparison, Date, Fit, Observation, PeriodKind, Point, Qualifier, Series, Status, Target,
};

use crate::host::*;
use crate::projections::native;

const REPORTS: &str = include_str!("../../../../../data/reports.csv");
const INDICATORS: &str = include_str!("../../../../../data/indicators.csv");
const OBSERVATIONS: &str = include_str!("../../../../../data/observations.csv");
const TARGETS: &str = include_str!("../../../../../data/targets.csv");

struct Indicator<'a> {
    row: IndicatorRow<'a>,
    observations: Vec<Observation>,
}

/// Every target with its indicator and its observations, older reports first.
fn targets() -> Vec<(TargetRow<'static>, Indicator<'static>)> {
    let reports: Vec<ReportRow> = read(REPORTS).unwrap().map(Result::unwrap).collect();
    let as_of = |id: &str| reports.iter().find(|r| r.id == id).unwrap().as_of;
    let indicators: Vec<IndicatorRow> = read(INDICATORS).unwrap().map(Result::unwrap).collect();
    let mut observations: Vec<ObservationRow> =
        read(OBSERVATIONS).unwrap().map(Result::unwrap).collect();
    observations.sort_by_key(|o| as_of(o.report));
    read::<TargetRow>(TARGETS)
        .unwrap()
        .map(Result::unwrap)
        .map(|t| {
            let row = *indicators.iter().find(|i| i.id == t.indicator).unwrap();
            let obs = observations
                .iter()
                .filter(|o| o.indicator == t.indicator)
                .map(|o| o.observation())
                .collect();
            (
                t,
                Indicator {
                    row,
                    observations: obs,
                },
            )
        })
        .collect()
}

fn code<T: PartialEq>(table: &[T], v: T) -> u32 {
    table.iter().position(|x| *x == v).unwrap() as u32
}

const STATUSES: [Status; 3] = [Status::Observed, Status::Estimate, Status::Target];
const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::MoreThan,
    Qualifier::Nearly,
    Qualifier::AtLeast,
    Qualifier::UpTo,
];
const PERIOD_KINDS: [PeriodKind; 5] = [
    PeriodKind::Day,
    PeriodKind::Month,
    PeriodKind::Quarter,
    PeriodKind::Year,
    PeriodKind::Range,
];
pub(crate) const COMPARISONS: [Comparison; 4] = [
    Comparison::AtLeast,
    Comparison::GreaterThan,
    Comparison::AtMost,
    Comparison::LessThan,
];

/// An array of `Observation` records.
fn observation_records(host: &mut Host, obs: &[Observation]) -> u32 {
    let mut bytes = Vec::new();
    for o in obs {
        let mut r = Rec::new(OBSERVATION_SIZE);
        r.u32(0, code(&STATUSES, o.status))
            .u32(4, code(&QUALIFIERS, o.qualifier))
            .i32(8, o.period.start().day_number())
            .i32(12, o.period.end().day_number())
            .u32(16, code(&PERIOD_KINDS, o.period.kind()))
            .u32(20, o.period.days())
            .f64(24, o.value)
            .f64(32, o.precision);
        bytes.extend(r.0);
    }
    host.put(&bytes)
}

fn assert_choice(host: &mut Host, v: &View, c: &Choice, what: &str) {
    assert_eq!(v.u32(0) as usize, c.ranked.len(), "{what} count");
    let criterion = match c.criterion {
        Criterion::OneStepError => 0,
        Criterion::Rule => 1,
    };
    assert_eq!(v.u32(4), criterion, "{what} criterion");
    let (reason, n, rule, mape, runner_up) = match c.reason {
        Reason::LowestOneStepError {
            mape,
            runner_up,
            tests,
        } => (0, tests, NONE, mape, runner_up.unwrap_or(f64::NAN)),
        Reason::FewPoints { n, rule } => (
            1,
            n,
            match rule {
                Rule::BoundedShare => 0,
                Rule::CautiousLine => 1,
            },
            f64::NAN,
            f64::NAN,
        ),
        Reason::OnlyOne { n } => (2, n, NONE, f64::NAN, f64::NAN),
    };
    assert_eq!(v.u32(8), reason, "{what} reason");
    assert_eq!(v.u32(12) as usize, n, "{what} n");
    assert_eq!(v.u32(16), rule, "{what} rule");
    assert_close(v.f64(24), mape, &format!("{what} mape"));
    assert_close(v.f64(32), runner_up, &format!("{what} runner-up"));
    for (k, r) in c.ranked.iter().enumerate() {
        let rec = v.sub(40 + 72 * k, 72);
        let spec = Spec::read(&rec);
        assert_eq!(native(&spec), r.model, "{what} ranked {k}: {spec:?}");
        assert_close(
            rec.f64(64),
            r.score.unwrap_or(f64::NAN),
            &format!("{what} score {k}"),
        );
    }
    assert_explanation(
        host,
        &v.sub(472, EXPLANATION_SIZE),
        &c.explain().unwrap(),
        what,
    );
}

fn scale_code(s: Scale) -> (u32, f64, f64) {
    match s {
        Scale::Identity => (0, f64::NAN, f64::NAN),
        Scale::Log { lo } => (1, lo, f64::NAN),
        Scale::ReflectedLog { hi } => (2, f64::NAN, hi),
        Scale::Logit { lo, hi } => (3, lo, hi),
    }
}

pub(crate) fn assert_analysis(host: &mut Host, v: &View, a: &TargetAnalysis, what: &str) {
    use dxcast_core::analytics::TargetStatus;
    let statuses = [
        TargetStatus::Achieved,
        TargetStatus::OnTrack,
        TargetStatus::NeedsAcceleration,
        TargetStatus::OffTrack,
    ];
    assert_eq!(v.u32(0), code(&statuses, a.status), "{what} status");
    assert_eq!(
        v.u32(4),
        code(&COMPARISONS, a.target.comparison),
        "{what} comparison"
    );
    assert_eq!(v.i32(8), a.target.deadline.day_number(), "{what} deadline");
    assert_eq!(
        v.i32(12),
        a.evaluation.date.day_number(),
        "{what} evaluation date"
    );
    assert_eq!(
        v.i32(16),
        a.latest_point.date.day_number(),
        "{what} latest date"
    );
    assert_eq!(v.i32(20), a.days, "{what} days");
    assert_eq!(
        v.u32(28),
        u32::from(a.reach_date.is_some()),
        "{what} has reach date"
    );
    if let Some(r) = a.reach_date {
        assert_eq!(v.i32(24), r.day_number(), "{what} reach date");
    }
    let (scale, lo, hi) = scale_code(a.prediction.scale());
    assert_eq!(v.u32(32), scale, "{what} scale");
    assert_eq!(
        v.u32(36),
        u32::from(a.deadline_passed),
        "{what} deadline passed"
    );
    let fields = [
        (40, a.target.value, "target"),
        (48, a.evaluation.value, "evaluation value"),
        (56, a.evaluation.factor, "evaluation factor"),
        (64, a.threshold, "threshold"),
        (72, a.latest_point.value, "latest point"),
        (80, a.latest, "latest"),
        (88, a.years, "years"),
        (96, a.prediction.location(), "location"),
        (104, a.prediction.se(), "se"),
        (112, a.prediction.df(), "df"),
        (120, lo, "scale lo"),
        (128, hi, "scale hi"),
        (136, a.projected, "projected"),
        (144, a.interval.0, "interval lo"),
        (152, a.interval.1, "interval hi"),
        (160, a.level, "level"),
        (168, a.attainment, "attainment"),
        (176, a.gap, "gap"),
        (184, a.required.cagr.unwrap_or(f64::NAN), "required cagr"),
        (192, a.required.daily.unwrap_or(f64::NAN), "required daily"),
        (
            200,
            a.required.points_per_year.unwrap_or(f64::NAN),
            "required points",
        ),
        (
            208,
            a.projected_growth.cagr.unwrap_or(f64::NAN),
            "projected cagr",
        ),
        (
            216,
            a.projected_growth.daily.unwrap_or(f64::NAN),
            "projected daily",
        ),
        (
            224,
            a.projected_growth.points_per_year.unwrap_or(f64::NAN),
            "projected points",
        ),
        (232, a.ratio.unwrap_or(f64::NAN), "ratio"),
        (240, a.probability, "probability"),
    ];
    for (off, value, name) in fields {
        assert_close(v.f64(off), value, &format!("{what} {name}"));
    }
    let _ = host;
}

pub(crate) const QUANTITIES: [Quantity; 7] = [
    Quantity::Projected,
    Quantity::Attainment,
    Quantity::Gap,
    Quantity::Required,
    Quantity::ReachDate,
    Quantity::Probability,
    Quantity::Status,
];

#[test]
fn targets_of_the_built_in_dataset_analyse_as_natively() {
    let mut host = Host::new();
    let today = Date::from_ymd(2023, 4, 1).unwrap();
    let mut analysed = 0;
    let mut refused = 0;
    for (t, ind) in targets() {
        let what = t.id;
        let (kind, unit, bounds) = (ind.row.kind, ind.row.unit, ind.row.bounds);
        let mut pts = [Point::new(Date::EPOCH, 0.0); 64];
        let n = points_into(kind, &ind.observations, &mut pts).unwrap();
        host.reset();

        // The series, from the observations.
        let obs = observation_records(&mut host, &ind.observations);
        let days = host.alloc(4 * 64);
        let values = host.alloc(8 * 64);
        let got = host.ok(
            "dxcast_points_from_observations",
            (
                kind_code(kind),
                obs,
                ind.observations.len() as u32,
                days,
                values,
                64u32,
            ),
        ) as usize;
        assert_eq!(got, n, "{what}: points");
        let (dv, vv) = (host.view(days, 4 * n), host.view(values, 8 * n));
        for (i, p) in pts[..n].iter().enumerate() {
            assert_eq!(dv.i32(4 * i), p.date.day_number(), "{what}: point {i}");
            assert_close(vv.f64(8 * i), p.value, &format!("{what}: point {i}"));
        }

        // Where the target is evaluated.
        let target = t.target().unwrap();
        let e = evaluation(kind, &target);
        let out = host.alloc(EVALUATION_SIZE);
        host.ok(
            "dxcast_evaluation",
            (
                kind_code(kind),
                target.value,
                target.deadline.day_number(),
                code(&COMPARISONS, target.comparison),
                out,
            ),
        );
        let ev = host.view(out, EVALUATION_SIZE);
        assert_eq!(ev.i32(0), e.date.day_number(), "{what}");
        assert_close(ev.f64(8), e.value, what);
        assert_close(ev.f64(16), e.factor, what);

        // The ranking: targets whose indicator has fewer than two points
        // fail the same way through the ABI.
        let series = host.series(&pts[..n], kind, unit, bounds);
        let choice_out = host.alloc(CHOICE_SIZE);
        let native_choice = Series::new(&pts[..n], bounds).and_then(|s| choose(&s, kind, unit));
        let c = match native_choice {
            Ok(c) => c,
            Err(e) => {
                let rc: i32 = host.call("dxcast_choose", (series, choice_out));
                assert!(rc < 0, "{what}: the ABI ranked what the core refused");
                assert_eq!(host.last_error(), e.to_string(), "{what}");
                refused += 1;
                continue;
            }
        };
        let count = host.ok("dxcast_choose", (series, choice_out));
        assert_eq!(count as usize, c.ranked.len());
        let cv = host.view(choice_out, CHOICE_SIZE);
        assert_choice(&mut host, &cv, &c, what);

        // The analysis with the best method, fed back from the ranking.
        let s = Series::new(&pts[..n], bounds).unwrap();
        let fit: Fit = c.best().unwrap().model.fit(&s).unwrap();
        let ctx = Context {
            kind,
            unit,
            bounds,
            today,
            level: 0.95,
        };
        let a = analyse(&fit, &target, &ctx).unwrap();
        let model = host.put(&cv.0[40..40 + MODEL_SIZE]);
        let out = host.alloc(ANALYSIS_SIZE);
        let expl = host.alloc(7 * EXPLANATION_SIZE);
        let status = host.ok(
            "dxcast_analyse",
            (
                model,
                series,
                0u32,
                target.value,
                target.deadline.day_number(),
                code(&COMPARISONS, target.comparison),
                today.day_number(),
                0.95,
                out,
                expl,
            ),
        );
        let av = host.view(out, ANALYSIS_SIZE);
        assert_eq!(status as u32, av.u32(0));
        assert_analysis(&mut host, &av, &a, what);
        let ev = host.view(expl, 7 * EXPLANATION_SIZE);
        for (k, q) in QUANTITIES.iter().enumerate() {
            let native = a.explain(*q, unit, bounds).unwrap();
            assert_explanation(
                &mut host,
                &ev.sub(k * EXPLANATION_SIZE, EXPLANATION_SIZE),
                &native,
                &format!("{what} {q:?}"),
            );
        }
        analysed += 1;
    }
    // As in the core's own pipeline test: 6 analysed, 9 with too few points.
    assert_eq!((analysed, refused), (6, 9));
}

#[test]
fn what_if_analysis_as_natively() {
    let mut host = Host::new();
    let today = Date::from_ymd(2023, 4, 1).unwrap();
    let (t, ind) = targets()
        .into_iter()
        .find(|(t, _)| t.id == "t-r001-ndxp-2023")
        .unwrap();
    let (kind, unit, bounds) = (ind.row.kind, ind.row.unit, ind.row.bounds);
    let mut pts = [Point::new(Date::EPOCH, 0.0); 64];
    let n = points_into(kind, &ind.observations, &mut pts).unwrap();
    let s = Series::new(&pts[..n], bounds).unwrap();
    let spec = Spec::new(crate::projections::LINEAR);
    let fit: Fit = native(&spec).fit(&s).unwrap();
    let target = t.target().unwrap();
    let from = s.last().date;
    let deadline = Date::from_ymd(2024, 12, 31).unwrap();
    let scenario = Scenario {
        growth: Some(GrowthOverride { from, rate: 3.0 }),
        shock: None,
        target: Some(Target::new(1.2e9, deadline, Comparison::AtLeast).unwrap()),
    };
    let what_if = WhatIf::new(&fit, scenario, unit, bounds).unwrap();
    let ctx = Context {
        kind,
        unit,
        bounds,
        today,
        level: 0.9,
    };
    let a = analyse(&what_if, &scenario.target_or(target), &ctx).unwrap();

    let series = host.series(&pts[..n], kind, unit, bounds);
    let model = host.put(&spec.record().0);
    let mut r = Rec::new(SCENARIO_SIZE);
    r.u32(0, 1 | 4)
        .i32(4, from.day_number())
        .f64(8, 3.0)
        .u32(20, 0)
        .f64(32, 1.2e9)
        .i32(40, deadline.day_number());
    let sc = host.put(&r.0);
    let out = host.alloc(ANALYSIS_SIZE);
    let expl = host.alloc(7 * EXPLANATION_SIZE);
    host.ok(
        "dxcast_analyse",
        (
            model,
            series,
            sc,
            target.value,
            target.deadline.day_number(),
            0u32,
            today.day_number(),
            0.9,
            out,
            expl,
        ),
    );
    let av = host.view(out, ANALYSIS_SIZE);
    assert_analysis(&mut host, &av, &a, "what-if");
    assert_eq!(av.i32(8), deadline.day_number(), "the scenario's target");
    let ev = host.view(expl, 7 * EXPLANATION_SIZE);
    for (k, q) in QUANTITIES.iter().enumerate() {
        assert_explanation(
            &mut host,
            &ev.sub(k * EXPLANATION_SIZE, EXPLANATION_SIZE),
            &a.explain(*q, unit, bounds).unwrap(),
            &format!("what-if {q:?}"),
        );
    }
    // Without explanations (address 0) the analysis is the same.
    let out2 = host.alloc(ANALYSIS_SIZE);
    host.ok(
        "dxcast_analyse",
        (
            model,
            series,
            sc,
            target.value,
            target.deadline.day_number(),
            0u32,
            today.day_number(),
            0.9,
            out2,
            0u32,
        ),
    );
    assert_eq!(host.view(out2, ANALYSIS_SIZE).0, av.0);
}
