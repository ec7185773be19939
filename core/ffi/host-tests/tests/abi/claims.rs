//! Claim checks and conversions through the ABI, against the native core:
//! every claim of the built-in dataset, the reports' "806 million" claims
//! read from their text, and every conversion and growth function.

use std::collections::HashMap;

use dxcast_core::claim::{Check, Unchecked};
use dxcast_core::convert;
use dxcast_core::csv::{read, ClaimRow, ObservationRow, Ref, TargetRow};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::{Date, Figure, Period, Point, Qualifier, Verdict};

use crate::host::*;

const OBSERVATIONS: &str = include_str!("../../../../../data/observations.csv");
const TARGETS: &str = include_str!("../../../../../data/targets.csv");
const CLAIMS: &str = include_str!("../../../../../data/claims.csv");

const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::MoreThan,
    Qualifier::Nearly,
    Qualifier::AtLeast,
    Qualifier::UpTo,
];
const VERDICTS: [Verdict; 3] = [Verdict::Agree, Verdict::Disagree, Verdict::CannotCheck];

/// A figure as the ABI's `Figure` record gives it.
#[derive(Debug, Clone, Copy)]
enum Fig {
    Stated(f64, f64, Qualifier),
    /// Ends that are `None` are unbounded.
    Between(Option<f64>, Option<f64>),
}

/// A `Figure` record (form 0 for `None`).
fn figure_record(f: Option<Fig>, period: Option<Period>) -> Rec {
    let mut r = Rec::new(FIGURE_SIZE);
    match f {
        None => {}
        Some(Fig::Stated(v, p, q)) => {
            let q = QUALIFIERS.iter().position(|x| *x == q).unwrap() as u32;
            r.u32(0, 1).u32(4, q).f64(24, v).f64(32, p);
        }
        Some(Fig::Between(lo, hi)) => {
            let ends = u32::from(lo.is_some()) | (2 * u32::from(hi.is_some()));
            r.u32(0, 2)
                .u32(20, ends)
                .f64(24, lo.unwrap_or(0.0))
                .f64(32, hi.unwrap_or(0.0));
        }
    }
    if let (Some(_), Some(p)) = (f, period) {
        r.u32(8, 1)
            .i32(12, p.start().day_number())
            .i32(16, p.end().day_number());
    }
    r
}

/// A `Claim` record.
fn claim_record(
    kind: dxcast_core::ClaimKind,
    period: Option<Period>,
    stated: Option<(Fig, Option<Period>)>,
    inputs: &[(Option<Fig>, Option<Period>)],
) -> Rec {
    let code = dxcast_core::ClaimKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap() as u32;
    let mut r = Rec::new(CLAIM_SIZE);
    r.u32(0, code).u32(4, inputs.len() as u32);
    if let Some(p) = period {
        r.u32(8, 1)
            .i32(12, p.start().day_number())
            .i32(16, p.end().day_number());
    }
    if let Some((f, p)) = stated {
        r.put(24, &figure_record(Some(f), p).0);
    }
    for (i, (f, p)) in inputs.iter().enumerate() {
        r.put(64 + FIGURE_SIZE * i, &figure_record(*f, *p).0);
    }
    r
}

fn assert_check(host: &mut Host, v: &View, check: &Check, what: &str) {
    let verdict = VERDICTS.iter().position(|x| *x == check.verdict).unwrap() as u32;
    assert_eq!(v.u32(0), verdict, "{what} verdict");
    let (reason, index) = match check.reason {
        None => (0, NONE),
        Some(Unchecked::MissingInput { index }) => (1, index as u32),
        Some(Unchecked::Unbounded { index }) => (2, index as u32),
        Some(Unchecked::MissingPeriod) => (3, NONE),
        Some(Unchecked::DivisorSpansZero { index }) => (4, index as u32),
        Some(Unchecked::NothingStated) => (5, NONE),
        Some(Unchecked::Overflow) => (6, NONE),
        Some(other) => panic!("{other:?}"),
    };
    assert_eq!((v.u32(4), v.u32(8)), (reason, index), "{what} reason");
    assert_eq!(v.u32(12), u32::from(check.stated.is_some()), "{what}");
    assert_eq!(v.u32(16), u32::from(check.recomputed.is_some()), "{what}");
    let finite = |x: f64| Some(x).filter(|x| x.is_finite());
    let ends = |i: Option<dxcast_core::Interval>| {
        i.map_or((None, None), |i| (finite(i.lo()), finite(i.hi())))
    };
    let (slo, shi) = ends(check.stated);
    let (rlo, rhi) = ends(check.recomputed);
    assert_eq!(known(v, 20, 0, 24), slo, "{what} stated lo");
    assert_eq!(known(v, 20, 1, 32), shi, "{what} stated hi");
    assert_eq!(known(v, 20, 2, 40), rlo, "{what} recomputed lo");
    assert_eq!(known(v, 20, 3, 48), rhi, "{what} recomputed hi");
    assert_explanation(host, &v.sub(56, EXPLANATION_SIZE), &check.explanation, what);
    let at_stated = check.at_stated.map_or(NONE, |a| {
        VERDICTS.iter().position(|x| *x == a).unwrap() as u32
    });
    assert_eq!((v.u32(344), v.u32(348)), (at_stated, 0), "{what} at stated");
}

fn all<'a, R: dxcast_core::csv::Row<'a>>(text: &'a str) -> Vec<R> {
    read(text).unwrap().map(Result::unwrap).collect()
}

#[test]
fn every_claim_of_the_built_in_dataset_checks_as_natively() {
    let mut host = Host::new();
    let observations: Vec<ObservationRow> = all(OBSERVATIONS);
    let obs: HashMap<&str, &ObservationRow> = observations.iter().map(|o| (o.id, o)).collect();
    let targets: Vec<TargetRow> = all(TARGETS);
    let tgt: HashMap<&str, &TargetRow> = targets.iter().map(|t| (t.id, t)).collect();
    // A claim's recomputed interval, natively and through the ABI.
    type Recomputed = (Option<Figure>, Option<(Option<f64>, Option<f64>)>);
    let mut recomputed: HashMap<String, Recomputed> = HashMap::new();
    let mut tally = [0usize; 3];
    let mut at_most = 0;
    let mut through_rounding = 0;
    for row in all::<ClaimRow>(CLAIMS) {
        let stated_fig = |r: &ClaimRow| -> Option<(Fig, Option<Period>)> {
            Some((Fig::Stated(r.value?, r.precision, r.qualifier?), r.period))
        };
        let mut native_inputs = Vec::new();
        let mut abi_inputs = Vec::new();
        for r in row.refs() {
            let (native, abi): (Option<Figure>, (Option<Fig>, Option<Period>)) = match r {
                Ref::Observation(id) => {
                    let o = obs[id];
                    (
                        Some(o.figure().unwrap()),
                        (
                            Some(Fig::Stated(o.value, o.precision, o.qualifier)),
                            Some(o.period),
                        ),
                    )
                }
                Ref::Denominator(id) => {
                    let v = obs[id].denominator_value;
                    (
                        v.map(|v| Figure::exact(v).unwrap()),
                        (v.map(|v| Fig::Stated(v, 0.0, Qualifier::Exact)), None),
                    )
                }
                Ref::Target(id) => {
                    let t = tgt[id];
                    (
                        Some(t.figure().unwrap()),
                        (
                            Some(Fig::Stated(t.value, 0.0, Qualifier::Exact)),
                            Some(t.period),
                        ),
                    )
                }
                Ref::Claim(id) => {
                    let (native, abi) = recomputed[id];
                    (
                        native,
                        (
                            abi.map(|(lo, hi)| Fig::Between(lo, hi)),
                            native.and_then(|f| f.period),
                        ),
                    )
                }
                Ref::Stated(id) => {
                    let earlier = all::<ClaimRow>(CLAIMS)
                        .into_iter()
                        .find(|c| c.id == id)
                        .unwrap();
                    let abi = stated_fig(&earlier);
                    (
                        earlier.stated_figure().unwrap(),
                        (abi.map(|a| a.0), abi.and_then(|a| a.1)),
                    )
                }
                Ref::Number(n) => {
                    let v: f64 = n.parse().unwrap();
                    (
                        Some(Figure::exact(v).unwrap()),
                        (Some(Fig::Stated(v, 0.0, Qualifier::Exact)), None),
                    )
                }
                Ref::Missing => (None, (None, None)),
            };
            native_inputs.push(native);
            abi_inputs.push(abi);
        }
        let mut claim = dxcast_core::Claim::new(row.kind, row.stated_figure().unwrap());
        claim.period = row.period;
        for f in native_inputs {
            claim.push(f).unwrap();
        }
        let check = claim.check().unwrap();

        host.reset();
        let rec = claim_record(row.kind, row.period, stated_fig(&row), &abi_inputs);
        let at = host.put(&rec.0);
        let out = host.alloc(CHECK_SIZE);
        let verdict = host.ok("dxcast_claim_check", (at, out));
        let v = host.view(out, CHECK_SIZE);
        assert_eq!(verdict as u32, v.u32(0));
        assert_check(&mut host, &v, &check, row.id);
        assert_eq!(check.verdict, row.expected, "{}", row.id);
        tally[verdict as usize] += 1;
        at_most += usize::from(row.kind == dxcast_core::ClaimKind::AtMost);
        through_rounding += usize::from(check.at_stated.is_some_and(|a| a != check.verdict));

        let native_fig = check.recomputed.map(|r| {
            let f = Figure::from_interval(r);
            match row.period {
                Some(p) => f.during(p),
                None => f,
            }
        });
        let abi_range = (v.u32(16) == 1).then(|| (known(&v, 20, 2, 40), known(&v, 20, 3, 48)));
        recomputed.insert(row.id.to_string(), (native_fig, abi_range));
    }
    // Every row of claims.csv.
    assert_eq!(tally.iter().sum::<usize>(), CLAIMS.lines().count() - 1);
    assert!(at_most > 0, "the at_most kind is exercised");
    println!("{tally:?} agree/disagree/cannot; {at_most} at_most; {through_rounding} through rounding only");
    assert!(tally[0] > 0 && tally[1] > 0 && tally[2] > 0, "{tally:?}");
}

/// A figure read from the report's text through the ABI.
fn parsed(host: &mut Host, text: &str, q: Qualifier) -> Fig {
    let (t, n) = host.text(text);
    let out = host.alloc(STATED_SIZE);
    host.ok("dxcast_parse_vi", (t, n, out));
    let v = host.view(out, STATED_SIZE);
    Fig::Stated(v.f64(0), v.f64(8), q)
}

fn period(host: &mut Host, text: &str) -> Period {
    let (t, n) = host.text(text);
    let out = host.alloc(PERIOD_SIZE);
    host.ok("dxcast_period_parse", (t, n, out));
    let v = host.view(out, PERIOD_SIZE);
    Period::range(
        Date::from_day_number(v.i32(0)).unwrap(),
        Date::from_day_number(v.i32(4)).unwrap(),
    )
    .unwrap()
}

#[test]
fn the_806_million_claims_of_report_001() {
    use dxcast_core::{Claim, ClaimKind};
    let mut host = Host::new();
    let ytd = period(&mut host, "2022-01-01/2022-12-08");
    let year = period(&mut host, "2022");
    let total = parsed(&mut host, "806 triệu", Qualifier::About);

    // "806 million by 8/12/2022, about 860 million for 2022": agrees.
    let stated = parsed(&mut host, "860 triệu", Qualifier::Exact);
    let rec = claim_record(
        ClaimKind::RunRate,
        Some(year),
        Some((stated, None)),
        &[(Some(total), Some(ytd))],
    );
    let at = host.put(&rec.0);
    let out = host.alloc(CHECK_SIZE);
    assert_eq!(host.ok("dxcast_claim_check", (at, out)), 0, "agree");
    let v = host.view(out, CHECK_SIZE);
    // 806 × 365 / 342 = 860,2 million.
    assert!((v.f64(56 + 24) - 860.2e6).abs() < 0.1e6);
    let native = Claim::new(
        ClaimKind::RunRate,
        Some(Figure::parse("860 triệu", Qualifier::Exact).unwrap()),
    )
    .during(Period::year(2022).unwrap())
    .with(
        Figure::parse("806 triệu", Qualifier::About)
            .unwrap()
            .during(Period::parse("2022-01-01/2022-12-08").unwrap()),
    )
    .unwrap()
    .check()
    .unwrap();
    assert_check(&mut host, &v, &native, "run rate");

    // "2,1 triệu/ngày": 805,5–806,5 million over 342 days is 2,355–2,359
    // million a day, so it disagrees.
    let daily = parsed(&mut host, "2,1 triệu", Qualifier::About);
    let rec = claim_record(
        ClaimKind::DailyAverage,
        Some(ytd),
        Some((daily, None)),
        &[(Some(total), Some(ytd))],
    );
    let at = host.put(&rec.0);
    assert_eq!(host.ok("dxcast_claim_check", (at, out)), 1, "disagree");
    let v = host.view(out, CHECK_SIZE);
    assert!(v.f64(40) > 2.355e6 && v.f64(48) < 2.359e6);
    let native = Claim::new(
        ClaimKind::DailyAverage,
        Some(Figure::parse("2,1 triệu", Qualifier::About).unwrap()),
    )
    .during(Period::parse("2022-01-01/2022-12-08").unwrap())
    .with(
        Figure::parse("806 triệu", Qualifier::About)
            .unwrap()
            .during(Period::parse("2022-01-01/2022-12-08").unwrap()),
    )
    .unwrap()
    .check()
    .unwrap();
    assert_check(&mut host, &v, &native, "daily average");

    // A missing input cannot be checked; a malformed claim is an error.
    let rec = claim_record(
        ClaimKind::Multiple,
        None,
        Some((Fig::Stated(2.2, 0.1, Qualifier::Exact), None)),
        &[
            (Some(Fig::Stated(8.2e6, 1e5, Qualifier::Exact)), None),
            (None, None),
        ],
    );
    let at = host.put(&rec.0);
    assert_eq!(host.ok("dxcast_claim_check", (at, out)), 2, "cannot check");
    assert_eq!(host.view(out, CHECK_SIZE).u32(4), 1, "missing input");
    let rec = claim_record(ClaimKind::Multiple, None, None, &[(None, None)]);
    let at = host.put(&rec.0);
    host.fails_naming(
        "dxcast_claim_check",
        (at, out),
        E_INVALID_ARGUMENT,
        "inputs",
    );
}

fn expl_out(host: &mut Host, n: usize) -> u32 {
    host.alloc(n * EXPLANATION_SIZE)
}

fn check_expl(host: &mut Host, at: u32, k: usize, native: &dxcast_core::Explanation, what: &str) {
    let v = host.view(at + (k * EXPLANATION_SIZE) as u32, EXPLANATION_SIZE);
    assert_explanation(host, &v, native, what);
}

#[test]
fn conversions_and_growth_as_natively() {
    let mut host = Host::new();
    let day = |y, m, d| Date::from_ymd(y, m, d).unwrap();
    let n = |d: Date| d.day_number();

    let out = expl_out(&mut host, 1);
    host.ok("dxcast_run_rate", (806e6, n(day(2022, 12, 8)), out));
    let native = convert::run_rate(806e6, day(2022, 12, 8)).unwrap();
    check_expl(&mut host, out, 0, &native.explain().unwrap(), "run rate");

    host.ok(
        "dxcast_extrapolate",
        (
            111e6,
            n(day(2023, 1, 1)),
            n(day(2023, 2, 21)),
            n(day(2023, 1, 1)),
            n(day(2023, 3, 31)),
            out,
        ),
    );
    let native = convert::extrapolate(
        111e6,
        Period::range(day(2023, 1, 1), day(2023, 2, 21)).unwrap(),
        Period::range(day(2023, 1, 1), day(2023, 3, 31)).unwrap(),
    )
    .unwrap();
    check_expl(&mut host, out, 0, &native.explain().unwrap(), "extrapolate");

    host.ok(
        "dxcast_daily_average",
        (58_397_139.0, n(day(2022, 9, 1)), n(day(2022, 9, 30)), out),
    );
    let native = convert::daily_average(58_397_139.0, Period::month(2022, 9).unwrap()).unwrap();
    check_expl(
        &mut host,
        out,
        0,
        &native.explain().unwrap(),
        "daily average",
    );

    host.ok(
        "dxcast_period_total",
        (2.1e6, n(day(2022, 1, 1)), n(day(2022, 12, 31)), out),
    );
    let native = convert::period_total(2.1e6, Period::year(2022).unwrap()).unwrap();
    check_expl(
        &mut host,
        out,
        0,
        &native.explain().unwrap(),
        "period total",
    );

    let flow = host.alloc(FLOW_SIZE);
    let (a, b) = (
        Point::new(day(2022, 9, 30), 661e6),
        Point::new(day(2023, 3, 31), 1_276e6),
    );
    host.ok(
        "dxcast_flow_between",
        (n(a.date), a.value, n(b.date), b.value, flow),
    );
    let native = convert::flow_between(a, b).unwrap();
    let v = host.view(flow, FLOW_SIZE);
    assert_eq!(
        (v.i32(0), v.i32(4), v.u32(8)),
        (
            n(native.period.start()),
            n(native.period.end()),
            native.period.days()
        )
    );
    assert_eq!(
        (v.f64(16), v.f64(24), v.f64(32)),
        (native.start, native.end, native.value)
    );
    assert_close(v.f64(40), native.per_day(), "per day");

    let pts = [
        Point::new(day(2022, 9, 30), 661e6),
        Point::new(day(2022, 12, 31), 1_084e6),
        Point::new(day(2023, 3, 31), 1_276e6),
    ];
    let days = host.i32s(&pts.map(|p| n(p.date)));
    let values = host.f64s(&pts.map(|p| p.value));
    let flows = host.alloc(3 * FLOW_SIZE);
    assert_eq!(
        host.ok("dxcast_flows", (days, values, 3u32, flows, 3u32)),
        2
    );
    let mut native = [convert::flow_between(pts[0], pts[1]).unwrap(); 2];
    convert::flows_into(&pts, &mut native).unwrap();
    for (k, f) in native.iter().enumerate() {
        let v = host.view(flows + (k * FLOW_SIZE) as u32, FLOW_SIZE);
        assert_eq!(v.f64(32), f.value, "flow {k}");
        assert_eq!(v.u32(8), f.period.days(), "flow {k}");
    }
    // One slot for two flows: nothing written, the core's capacity error.
    host.fails(
        "dxcast_flows",
        (days, values, 3u32, flows, 1u32),
        E_CAPACITY,
    );

    let two = expl_out(&mut host, 2);
    host.ok("dxcast_share_change", (50.0, 52.8, two));
    let native = convert::share_change(50.0, 52.8).unwrap();
    check_expl(
        &mut host,
        two,
        0,
        &native.explain_points().unwrap(),
        "share change points",
    );
    check_expl(
        &mut host,
        two,
        1,
        &native.explain_relative().unwrap(),
        "share change relative",
    );

    let readings = host.alloc(16);
    host.ok("dxcast_readings_of_change", (77.1, 35.65, readings));
    let native = convert::readings_of_change(77.1, 35.65).unwrap();
    let v = host.view(readings, 16);
    assert_eq!(
        (v.f64(0), v.f64(8)),
        (native.before_if_points, native.before_if_relative)
    );

    for (code, kind) in [
        (0u32, ChangeKind::Relative),
        (1, ChangeKind::Points),
        (2, ChangeKind::Multiple),
    ] {
        host.ok("dxcast_change", (code, 180e6, 860e6, out));
        let native = growth::change(kind, 180e6, 860e6).unwrap();
        check_expl(
            &mut host,
            out,
            0,
            &native.explain().unwrap(),
            &format!("{kind:?}"),
        );
    }

    // Quarter on quarter and year on year, periods as records.
    let period_rec = |host: &mut Host, text: &str| {
        let (t, l) = host.text(text);
        let at = host.alloc(PERIOD_SIZE);
        host.ok("dxcast_period_parse", (t, l, at));
        at
    };
    let q4 = period_rec(&mut host, "2022-Q4");
    let q1 = period_rec(&mut host, "2023-Q1");
    let q1_24 = period_rec(&mut host, "2024-Q1");
    host.ok(
        "dxcast_change_between",
        (0u32, 0u32, q4, 423e6, q1, 192e6, out),
    );
    let native = growth::period_over_period(
        Period::parse("2022-Q4").unwrap(),
        423e6,
        Period::parse("2023-Q1").unwrap(),
        192e6,
        ChangeKind::Relative,
    )
    .unwrap();
    check_expl(
        &mut host,
        out,
        0,
        &native.explain().unwrap(),
        "quarter on quarter",
    );
    host.ok(
        "dxcast_change_between",
        (0u32, 1u32, q1, 3_446.0, q1_24, 2_323.0, out),
    );
    let native = growth::year_on_year(
        Period::parse("2023-Q1").unwrap(),
        3_446.0,
        Period::parse("2024-Q1").unwrap(),
        2_323.0,
        ChangeKind::Relative,
    )
    .unwrap();
    check_expl(
        &mut host,
        out,
        0,
        &native.explain().unwrap(),
        "year on year",
    );
    host.fails(
        "dxcast_change_between",
        (0u32, 1u32, q4, 1.0, q1, 2.0, out),
        E_INVALID_ARGUMENT,
    );
    // A period record whose end does not match its kind.
    let mut bad = host.view(q1, PERIOD_SIZE);
    bad.0[4..8].copy_from_slice(&(n(day(2023, 3, 30))).to_le_bytes());
    let bad = host.put(&bad.0);
    host.fails(
        "dxcast_change_between",
        (0u32, 0u32, q4, 1.0, bad, 2.0, out),
        E_INVALID_ARGUMENT,
    );

    host.ok(
        "dxcast_cagr",
        (
            n(day(2021, 12, 31)),
            180e6,
            n(day(2023, 12, 31)),
            860e6,
            two,
        ),
    );
    let native = growth::cagr(
        Point::new(day(2021, 12, 31), 180e6),
        Point::new(day(2023, 12, 31), 860e6),
    )
    .unwrap();
    check_expl(&mut host, two, 0, &native.explain().unwrap(), "cagr");
    check_expl(
        &mut host,
        two,
        1,
        &native.explain_points().unwrap(),
        "cagr points",
    );
}
