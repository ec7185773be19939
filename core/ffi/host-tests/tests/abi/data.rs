//! The built-in dataset through the ABI: each target's indicator becomes a
//! series (`dxcast_points_from_observations`), the methods are ranked
//! (`dxcast_choose`), and the target is analysed with the best one
//! (`dxcast_analyse`), with every field and explanation compared with the
//! same pipeline run natively.

use dxcast_core::analytics::{Quantity, Settings, TargetAnalysis, TargetStatus};
use dxcast_core::basis::{evaluation, points_into};
use dxcast_core::choice::{choose, Choice, Criterion, Reason, Rule};
use dxcast_core::csv::{read, IndicatorRow, ObservationRow, ReportRow, TargetRow};
use dxcast_core::scenario::{GrowthOverride, Scenario};
use dxcast_core::verdict::Staleness;
use dxcast_core::{
    Comparison, Date, Method, ModelSpec, Observation, PeriodKind, Point, Qualifier, Series, Status,
    Subject, Target,
};

use crate::host::*;
use crate::projections::scale_code;
use crate::quantities::{figures_of, measured_records};
use dxcast_core::quantity::{
    evidence, measure_into, series_into, Conflict, QuantityPoint, Rule as QuantityRule,
};

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
/// The target statuses in the order of their codes: the four of ABI 1.x
/// first, then those 2.0 added.
pub(crate) const TARGET_STATUSES: [TargetStatus; 9] = [
    TargetStatus::Achieved,
    TargetStatus::OnTrack,
    TargetStatus::NeedsAcceleration,
    TargetStatus::OffTrack,
    TargetStatus::Missed,
    TargetStatus::Uncertain,
    TargetStatus::TooFewPoints,
    TargetStatus::Stale,
    TargetStatus::Unreachable,
];
pub(crate) const STALENESS: [Staleness; 2] = [Staleness::PastDeadline, Staleness::LongHorizon];
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
        } => (0, tests, NONE, Some(mape), runner_up),
        Reason::FewPoints { n, rule } => (
            1,
            n,
            match rule {
                Rule::BoundedShare => 0,
                Rule::CautiousLine => 1,
            },
            None,
            None,
        ),
        Reason::OnlyOne { n } => (2, n, NONE, None, None),
    };
    assert_eq!(v.u32(8), reason, "{what} reason");
    assert_eq!(v.u32(12) as usize, n, "{what} n");
    assert_eq!(v.u32(16), rule, "{what} rule");
    assert_eq!(known(v, 20, 0, 24), mape, "{what} mape");
    assert_eq!(known(v, 20, 1, 32), runner_up, "{what} runner-up");
    for (k, r) in c.ranked.iter().enumerate() {
        let rec = v.sub(40 + RANKED_SIZE * k, RANKED_SIZE);
        assert_eq!(read_spec(&rec), r.model.spec(), "{what} ranked {k}");
        assert_eq!(known(&rec, 80, 0, 72), r.score, "{what} score {k}");
    }
    assert_explanation(
        host,
        &v.sub(568, EXPLANATION_SIZE),
        &c.explain().unwrap(),
        what,
    );
}

pub(crate) fn assert_analysis(v: &View, a: &TargetAnalysis, what: &str) {
    assert_eq!(v.u32(0), code(&TARGET_STATUSES, a.status), "{what} status");
    assert_eq!(
        v.u32(248),
        code(&TARGET_STATUSES, a.outlook),
        "{what} outlook"
    );
    assert_eq!(
        v.u32(252),
        a.staleness.map_or(u32::MAX, |s| code(&STALENESS, s)),
        "{what} staleness"
    );
    assert_eq!(
        known(v, 28, 16, 264).map(|value| (v.i32(256), value)),
        a.judged_by.map(|p| (p.date.day_number(), p.value)),
        "{what} judged by"
    );
    if a.judged_by.is_none() {
        assert_eq!(v.i32(256), 0, "{what} judged-by date without a figure");
    }
    let f = &a.facts;
    let facts = u32::from(f.unreachable)
        | u32::from(f.after_meets.is_some()) << 1
        | u32::from(f.after_meets == Some(true)) << 2
        | u32::from(f.before_meets.is_some()) << 3
        | u32::from(f.before_meets == Some(true)) << 4
        | u32::from(f.projection_meets) << 5;
    assert_eq!(v.u32(260), facts, "{what} facts");
    assert_eq!(
        (v.u32(272) as usize, v.i32(276), v.i32(280), v.u32(284)),
        (f.df, f.horizon_days, f.span_days, 0),
        "{what} facts: df, horizon, span"
    );
    assert_eq!(f.deadline_passed, a.deadline_passed);
    assert_eq!((f.probability, f.ratio), (a.probability, a.ratio));
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
    assert_eq!(v.u32(28) >> 17, 0, "{what} undefined known bits");
    assert_eq!(
        (v.u32(28) & 1 == 1).then(|| v.i32(24)),
        a.reach_date.map(Date::day_number),
        "{what} reach date"
    );
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
        (136, a.projected, "projected"),
        (160, a.level, "level"),
        (176, a.gap, "gap"),
    ];
    for (off, value, name) in fields {
        assert_close(v.f64(off), value, &format!("{what} {name}"));
    }
    let optional = [
        (1, 104, a.prediction.se(), "se"),
        (2, 112, a.prediction.df(), "df"),
        (3, 120, lo, "scale lo"),
        (4, 128, hi, "scale hi"),
        (5, 144, a.low, "low"),
        (6, 152, a.high, "high"),
        (7, 168, a.attainment, "attainment"),
        (8, 184, a.required.cagr, "required cagr"),
        (9, 192, a.required.daily, "required daily"),
        (10, 200, a.required.points_per_year, "required points"),
        (11, 208, a.projected_growth.cagr, "projected cagr"),
        (12, 216, a.projected_growth.daily, "projected daily"),
        (
            13,
            224,
            a.projected_growth.points_per_year,
            "projected points",
        ),
        (14, 232, a.ratio, "ratio"),
        (15, 240, a.probability, "probability"),
    ];
    for (bit, off, value, name) in optional {
        assert_eq!(known(v, 28, bit, off), value, "{what} {name}");
    }
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
    let mut decided = 0;
    let reports: Vec<ReportRow> = read(REPORTS).unwrap().map(Result::unwrap).collect();
    let published = |id: &str| {
        reports
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .published
            .start()
    };
    let indicators: Vec<IndicatorRow> = read(INDICATORS).unwrap().map(Result::unwrap).collect();
    let mut by_publication: Vec<ObservationRow> =
        read(OBSERVATIONS).unwrap().map(Result::unwrap).collect();
    by_publication.sort_by_key(|o| published(o.report));
    for (t, ind) in targets() {
        let what = t.id;
        let (kind, unit, bounds) = (ind.row.kind, ind.row.unit, ind.row.bounds);
        let subject = Subject::new(kind, unit, bounds).unwrap();
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

        // The series projected: the kept points of the indicator's quantity
        // (every measure of it, under the latest figure's definition), as
        // the core's pipeline builds it, through `dxcast_measure_quantity`.
        let figures = figures_of(&ind.row, &indicators, &by_publication);
        let len = figures.len();
        let mut qp = vec![QuantityPoint::PLACEHOLDER; len];
        let mut conflicts = vec![Conflict { a: 0, b: 0 }; len * len];
        let m = measure_into(&figures, QuantityRule::Totals, &mut qp, &mut conflicts).unwrap();
        let mut native_pts = vec![Point::new(Date::EPOCH, 0.0); m.points];
        let n = series_into(&qp[..m.points], &mut native_pts).unwrap();
        let figs = measured_records(&mut host, &figures);
        let qp_at = host.alloc(len * QUANTITY_POINT_SIZE);
        let measures = host.alloc(MEASURES_SIZE);
        let args = (
            figs, len as u32, 0u32, qp_at, len as u32, 0u32, 0u32, measures,
        );
        assert_eq!(host.ok("dxcast_measure_quantity", args) as usize, m.points);
        let qv = host.view(qp_at, len * QUANTITY_POINT_SIZE);
        let pts: Vec<Point> = (0..m.points)
            .map(|i| qv.sub(i * QUANTITY_POINT_SIZE, QUANTITY_POINT_SIZE))
            .filter(|v| v.u32(52) == NONE)
            .map(|v| Point::new(Date::from_day_number(v.i32(0)).unwrap(), v.f64(8)))
            .collect();
        assert_eq!(pts, native_pts[..n], "{what}: kept points");

        // The ranking: targets whose quantity has fewer than two points
        // fail the same way through the ABI.
        let series = host.series(&pts[..n], kind, unit, bounds);
        let choice_out = host.alloc(CHOICE_SIZE);
        let native_choice = Series::new(&pts[..n], subject).and_then(|s| choose(&s));
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

        // The analysis with the best method, fed back from the ranking,
        // with the figures that can decide the target (the quantity's
        // evidence, through `dxcast_quantity_evidence`).
        let s = Series::new(&pts[..n], subject).unwrap();
        let fitted = c.best().unwrap().model.fit(&s).unwrap();
        let native_evidence = evidence(&figures, &qp[..m.points], &target);
        let t_at = host.put(&target_record(&target).0);
        let e_at = host.alloc(EVIDENCE_SIZE);
        host.ok(
            "dxcast_quantity_evidence",
            (figs, len as u32, 0u32, t_at, e_at),
        );
        let e = host.view(e_at, EVIDENCE_SIZE);
        assert_eq!(e.0, evidence_record(&native_evidence).0, "{what}: evidence");
        let settings = Settings {
            evidence: native_evidence,
            ..Settings::new(today, 0.95)
        };
        decided += usize::from(native_evidence.after.is_some() || native_evidence.before.is_some());
        let a = fitted.analyse(&target, &settings).unwrap();
        let model = host.put(&cv.0[40..40 + MODEL_SIZE]);
        let handle = host.ok("dxcast_fit", (model, series)) as u32;
        let target_at = host.put(&target_record(&target).0);
        let settings_at = host.put(&settings_record(&settings).0);
        let out = host.alloc(ANALYSIS_SIZE);
        let expl = host.alloc(7 * EXPLANATION_SIZE);
        let status = host.ok(
            "dxcast_analyse",
            (handle, 0u32, target_at, settings_at, out, expl),
        );
        let av = host.view(out, ANALYSIS_SIZE);
        assert_eq!(status as u32, av.u32(0));
        assert_analysis(&av, &a, what);
        let ev = host.view(expl, 7 * EXPLANATION_SIZE);
        for (k, q) in QUANTITIES.iter().enumerate() {
            let native = a.explain(*q).unwrap();
            assert_explanation(
                &mut host,
                &ev.sub(k * EXPLANATION_SIZE, EXPLANATION_SIZE),
                &native,
                &format!("{what} {q:?}"),
            );
        }
        host.ok("dxcast_fitted_free", (handle,));
        analysed += 1;
    }
    // As in the core's own pipeline test: 6 analysed, 10 with too few points
    // (under the latest figure's definition).
    assert_eq!((analysed, refused), (6, 10));
    assert!(decided > 0, "a figure decides some target");
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
    let subject = Subject::new(kind, unit, bounds).unwrap();
    let mut pts = [Point::new(Date::EPOCH, 0.0); 64];
    let n = points_into(kind, &ind.observations, &mut pts).unwrap();
    let s = Series::new(&pts[..n], subject).unwrap();
    let spec = ModelSpec::new(Method::Linear);
    let fitted = spec.model().unwrap().fit(&s).unwrap();
    let target = t.target().unwrap();
    let from = s.last().date;
    let deadline = Date::from_ymd(2024, 12, 31).unwrap();
    let scenario = Scenario {
        growth: Some(GrowthOverride {
            from,
            rate: 30.0,
            per: dxcast_core::scenario::Per::Year,
        }),
        shock: None,
        target: Some(Target::new(1.2e9, deadline, Comparison::AtLeast).unwrap()),
    };
    let settings = Settings::new(today, 0.9);
    let a = fitted
        .with_scenario(scenario)
        .unwrap()
        .analyse(&target, &settings)
        .unwrap();

    let series = host.series(&pts[..n], kind, unit, bounds);
    let handle = host.fit(&spec, series);
    let mut r = Rec::new(SCENARIO_SIZE);
    r.u32(0, 1 | 4)
        .i32(4, from.day_number())
        .f64(8, 30.0)
        .put(32, &target_record(&scenario.target.unwrap()).0);
    let sc = host.put(&r.0);
    let target_at = host.put(&target_record(&target).0);
    let settings_at = host.put(&settings_record(&settings).0);
    let out = host.alloc(ANALYSIS_SIZE);
    let expl = host.alloc(7 * EXPLANATION_SIZE);
    host.ok(
        "dxcast_analyse",
        (handle, sc, target_at, settings_at, out, expl),
    );
    let av = host.view(out, ANALYSIS_SIZE);
    assert_analysis(&av, &a, "what-if");
    assert_eq!(av.i32(8), deadline.day_number(), "the scenario's target");
    let ev = host.view(expl, 7 * EXPLANATION_SIZE);
    for (k, q) in QUANTITIES.iter().enumerate() {
        assert_explanation(
            &mut host,
            &ev.sub(k * EXPLANATION_SIZE, EXPLANATION_SIZE),
            &a.explain(*q).unwrap(),
            &format!("what-if {q:?}"),
        );
    }
    // Without explanations (address 0) the analysis is the same, and the
    // model was not fitted again: the same handle answers.
    let out2 = host.alloc(ANALYSIS_SIZE);
    host.ok(
        "dxcast_analyse",
        (handle, sc, target_at, settings_at, out2, 0u32),
    );
    assert_eq!(host.view(out2, ANALYSIS_SIZE).0, av.0);
    host.ok("dxcast_fitted_free", (handle,));
}
