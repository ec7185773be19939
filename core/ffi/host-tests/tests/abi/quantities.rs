//! Quantities measured several ways, the evidence they give a target,
//! implausible growth rates and the figure finder through the ABI, against
//! the native core: every quantity of the built-in dataset, and the five
//! reports' text.

use dxcast_core::basis::Basis;
use dxcast_core::csv::{read, IndicatorRow, ObservationRow, ReportRow, TargetRow};
use dxcast_core::extract::{CandidateKind, Figures, Found};
use dxcast_core::quantity::{
    evidence, measure_into, Aside, Conflict, Conversion, Measured, QuantityPoint, Rule,
};
use dxcast_core::scenario::{implausible, GrowthOverride, Per};
use dxcast_core::{Date, MeasureKind, PeriodKind, Qualifier, Series, Status, Subject, Unit};

use crate::host::*;

const REPORTS: &str = include_str!("../../../../../data/reports.csv");
const INDICATORS: &str = include_str!("../../../../../data/indicators.csv");
const OBSERVATIONS: &str = include_str!("../../../../../data/observations.csv");
const TARGETS: &str = include_str!("../../../../../data/targets.csv");

fn all<'a, R: dxcast_core::csv::Row<'a>>(text: &'a str) -> Vec<R> {
    read(text).unwrap().map(Result::unwrap).collect()
}

fn code<T: PartialEq>(table: &[T], v: T) -> u32 {
    table.iter().position(|x| *x == v).unwrap() as u32
}

const KINDS: [MeasureKind; 7] = [
    MeasureKind::Flow,
    MeasureKind::YearToDate,
    MeasureKind::DailyAverage,
    MeasureKind::Cumulative,
    MeasureKind::Stock,
    MeasureKind::Share,
    MeasureKind::Rank,
];
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
const RULES: [Rule; 3] = [Rule::Totals, Rule::Averages, Rule::All];
const CONVERSIONS: [Conversion; 6] = [
    Conversion::Level,
    Conversion::Total,
    Conversion::YearToDate,
    Conversion::DailyAverage,
    Conversion::SinceLaunch,
    Conversion::Difference,
];
const ASIDES: [Aside; 4] = [
    Aside::Rule,
    Aside::Covered,
    Aside::SameDate,
    Aside::Definition,
];
const UNITS: [Unit; 7] = [
    Unit::Count,
    Unit::Percent,
    Unit::Mbps,
    Unit::Vnd,
    Unit::Usd,
    Unit::Rank,
    Unit::Times,
];
const DERIVED: [CandidateKind; 8] = [
    CandidateKind::Multiple,
    CandidateKind::RelativeChange,
    CandidateKind::PercentChange,
    CandidateKind::Difference,
    CandidateKind::ExcessOverPlan,
    CandidateKind::ShareOfTarget,
    CandidateKind::Share,
    CandidateKind::DailyAverage,
];

/// Every figure of the quantity an indicator measures, in the order of
/// `observations`; each distinct `definition` code its own number (0 for
/// the usual one), as the core's pipeline test numbers them.
pub(crate) fn figures_of<'a>(
    indicator: &IndicatorRow<'a>,
    indicators: &[IndicatorRow<'a>],
    observations: &[ObservationRow<'a>],
) -> Vec<Measured> {
    let quantity = indicator.quantity.unwrap_or(indicator.id);
    let members: Vec<&IndicatorRow> = indicators
        .iter()
        .filter(|i| i.quantity.unwrap_or(i.id) == quantity)
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for o in observations {
        let Some(m) = members.iter().find(|i| i.id == o.indicator) else {
            continue;
        };
        let definition = match o.definition {
            None => 0,
            Some(c) => {
                if !codes.contains(&c) {
                    codes.push(c);
                }
                codes.iter().position(|x| *x == c).unwrap() as u32 + 1
            }
        };
        out.push(Measured {
            kind: m.kind,
            observation: o.observation(),
            since: m.since,
            definition,
        });
    }
    out
}

/// An array of `Measured` records.
pub(crate) fn measured_records(host: &mut Host, figures: &[Measured]) -> u32 {
    let mut bytes = Vec::new();
    for f in figures {
        let o = &f.observation;
        let mut r = Rec::new(MEASURED_SIZE);
        r.u32(0, code(&KINDS, f.kind)).u32(4, f.definition);
        if let Some(since) = f.since {
            r.u32(8, 1).i32(12, since.day_number());
        }
        r.u32(16, code(&STATUSES, o.status))
            .u32(20, code(&QUALIFIERS, o.qualifier))
            .i32(24, o.period.start().day_number())
            .i32(28, o.period.end().day_number())
            .u32(32, code(&PERIOD_KINDS, o.period.kind()))
            .f64(40, o.value)
            .f64(48, o.precision);
        bytes.extend(r.0);
    }
    host.put(&bytes)
}

fn assert_point(v: &View, p: &QuantityPoint, what: &str) {
    assert_eq!(v.i32(0), p.point.date.day_number(), "{what} date");
    assert_eq!(v.u32(4), 0, "{what} reserved");
    assert_eq!(v.f64(8), p.point.value, "{what} value");
    assert_eq!(
        (v.i32(16), v.i32(20), v.u32(24), v.u32(28)),
        (
            p.window.start().day_number(),
            p.window.end().day_number(),
            code(&PERIOD_KINDS, p.window.kind()),
            p.window.days()
        ),
        "{what} window"
    );
    assert_eq!(
        (v.u32(32), v.u32(36), v.u32(40), v.u32(44)),
        (
            code(&KINDS, p.measure),
            code(&CONVERSIONS, p.conversion),
            code(&STATUSES, p.status),
            p.source as u32
        ),
        "{what} measure, conversion, status, source"
    );
    assert_eq!(
        v.u32(48),
        p.earlier.map_or(NONE, |i| i as u32),
        "{what} earlier"
    );
    assert_eq!(
        v.u32(52),
        p.aside.map_or(NONE, |a| code(&ASIDES, a)),
        "{what} aside"
    );
    assert_eq!((v.f64(56), v.f64(64)), (p.low, p.high), "{what} range");
    assert_eq!(
        (v.u32(72), v.u32(76)),
        (p.definition, 0),
        "{what} definition"
    );
}

#[test]
fn every_quantity_of_the_built_in_dataset_measures_as_natively() {
    let mut host = Host::new();
    let reports: Vec<ReportRow> = all(REPORTS);
    let published = |id: &str| {
        reports
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .published
            .start()
    };
    let indicators: Vec<IndicatorRow> = all(INDICATORS);
    let mut observations: Vec<ObservationRow> = all(OBSERVATIONS);
    observations.sort_by_key(|o| published(o.report));
    let targets: Vec<TargetRow> = all(TARGETS);
    let (mut conflicts_seen, mut asides_seen, mut rates, mut decided) = (0, 0, 0, 0);
    for ind in &indicators {
        let figures = figures_of(ind, &indicators, &observations);
        if figures.is_empty() {
            continue;
        }
        for rule in RULES {
            let what = format!("{} {rule:?}", ind.id);
            let mut qp = vec![QuantityPoint::PLACEHOLDER; figures.len()];
            let mut conflicts = vec![Conflict { a: 0, b: 0 }; figures.len() * figures.len()];
            let native = measure_into(&figures, rule, &mut qp, &mut conflicts);
            host.reset();
            let figs = measured_records(&mut host, &figures);
            let n = figures.len();
            let points = host.alloc(n * QUANTITY_POINT_SIZE);
            let found = host.alloc(n * n * CONFLICT_SIZE);
            let out = host.alloc(MEASURES_SIZE);
            let args = (
                figs,
                n as u32,
                code(&RULES, rule),
                points,
                n as u32,
                found,
                (n * n) as u32,
                out,
            );
            let m = match native {
                Ok(m) => m,
                Err(e) => {
                    let rc: i32 = host.call("dxcast_measure_quantity", args);
                    assert!(rc < 0, "{what}: the ABI measured what the core refused");
                    assert_eq!(host.last_error(), e.to_string(), "{what}");
                    continue;
                }
            };
            let got = host.ok("dxcast_measure_quantity", args);
            assert_eq!(got as usize, m.points, "{what} points");
            let s = host.view(out, MEASURES_SIZE);
            let basis = match m.basis {
                Basis::Level => 0,
                Basis::DailyRate => 1,
            };
            assert_eq!(
                (s.u32(0), s.u32(4) as usize, s.u32(8) as usize, s.u32(12)),
                (basis, m.points, m.conflicts, m.definition),
                "{what} measures"
            );
            let pv = host.view(points, n * QUANTITY_POINT_SIZE);
            for (i, p) in qp[..m.points].iter().enumerate() {
                assert_point(
                    &pv.sub(i * QUANTITY_POINT_SIZE, QUANTITY_POINT_SIZE),
                    p,
                    &format!("{what} point {i}"),
                );
                asides_seen += usize::from(p.aside.is_some());
                rates += usize::from(p.conversion != Conversion::Level);
            }
            let cv = host.view(found, n * n * CONFLICT_SIZE);
            for (i, c) in conflicts[..m.conflicts].iter().enumerate() {
                assert_eq!(
                    (cv.u32(8 * i) as usize, cv.u32(8 * i + 4) as usize),
                    (c.a, c.b),
                    "{what} conflict {i}"
                );
            }
            conflicts_seen += m.conflicts;

            // The evidence for each target of the indicator.
            for t in targets.iter().filter(|t| t.indicator == ind.id) {
                let target = t.target().unwrap();
                let native = evidence(&figures, &qp[..m.points], &target);
                let t_at = host.put(&target_record(&target).0);
                let e = host.alloc(EVIDENCE_SIZE);
                let args = (figs, n as u32, code(&RULES, rule), t_at, e);
                assert_eq!(host.ok("dxcast_quantity_evidence", args), 0);
                assert_eq!(
                    host.view(e, EVIDENCE_SIZE).0,
                    evidence_record(&native).0,
                    "{what} evidence for {}",
                    t.id
                );
                decided += usize::from(native.after.is_some() || native.before.is_some());
            }
        }
    }
    // The dataset has quantities whose measures disagree, points set aside,
    // points that are daily rates, and targets some figure can decide.
    assert!(conflicts_seen > 0 && asides_seen > 0 && rates > 0 && decided > 0);
    println!("{conflicts_seen} conflicts, {asides_seen} points set aside, {rates} rates, {decided} evidences");
}

#[test]
fn implausible_growth_as_natively() {
    let mut host = Host::new();
    let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
    let cases: [(
        MeasureKind,
        Unit,
        dxcast_core::Bounds,
        Vec<dxcast_core::Point>,
    ); 2] = [
        (
            MeasureKind::Stock,
            Unit::Count,
            dxcast_core::Bounds::NON_NEGATIVE,
            crate::projections::counts(),
        ),
        (
            MeasureKind::Share,
            Unit::Percent,
            dxcast_core::Bounds::PERCENT,
            crate::projections::share(),
        ),
    ];
    let mut flagged = 0;
    for (kind, unit, bounds, pts) in &cases {
        let s = Series::new(pts, Subject::new(*kind, *unit, *bounds).unwrap()).unwrap();
        host.reset();
        let series = host.series(pts, *kind, *unit, *bounds);
        for (rate, per) in [
            (20.0, Per::Year),
            (20.0, Per::Month),
            (-40.0, Per::Month),
            (3.0, Per::Month),
            (1e300, Per::Month),
        ] {
            let what = format!("{kind:?} {rate} {per:?}");
            let growth = GrowthOverride {
                from: d(2024, 6, 1),
                rate,
                per,
            };
            let native = implausible(&s, &growth);
            let out = host.alloc(IMPLAUSIBLE_SIZE);
            let per_code = u32::from(per == Per::Month);
            let rc = host.ok(
                "dxcast_implausible_growth",
                (series, growth.from.day_number(), rate, per_code, out),
            );
            let v = host.view(out, IMPLAUSIBLE_SIZE);
            match native {
                None => {
                    assert_eq!(rc, 0, "{what}");
                    assert_eq!(v.0, vec![0; IMPLAUSIBLE_SIZE], "{what}: nothing written");
                }
                Some(f) => {
                    assert_eq!(rc, 1, "{what}");
                    assert_eq!(known(&v, 0, 0, 8), f.per_year, "{what} per year");
                    assert_eq!(known(&v, 0, 1, 16), f.fastest, "{what} fastest");
                    assert_eq!(v.f64(24), f.limit, "{what} limit");
                    flagged += 1;
                }
            }
        }
    }
    assert!(flagged >= 4, "{flagged}");
}

/// The figures `dxcast_extract_figures` finds in `text`, as records.
fn extract(host: &mut Host, text: &str, as_of: Option<Date>) -> (i32, View) {
    host.reset();
    let at = host.put(text.as_bytes());
    let (has, day) = as_of.map_or((0u32, 0i32), |d| (1, d.day_number()));
    let len = text.len() as u32;
    let n = host.ok("dxcast_extract_figures", (at, len, has, day, 0u32, 0u32));
    let out = host.alloc(n as usize * FOUND_SIZE);
    let written = host.ok("dxcast_extract_figures", (at, len, has, day, out, n as u32));
    assert_eq!(written, n, "counting and writing agree");
    (n, host.view(out, n as usize * FOUND_SIZE))
}

fn assert_found(v: &View, f: &Found, text: &str, what: &str) {
    assert_eq!((v.f64(0), v.f64(8)), (f.value, f.precision), "{what} value");
    assert_eq!(
        (v.u32(16), v.u32(20)),
        (code(&UNITS, f.unit), code(&QUALIFIERS, f.qualifier)),
        "{what} unit, qualifier"
    );
    let (start, end) = (v.u32(24) as usize, v.u32(28) as usize);
    assert_eq!((start, end), (f.span.start, f.span.end), "{what} span");
    // Byte offsets: the text between them is the figure's quote.
    assert_eq!(&text.as_bytes()[start..end], f.span.of(text).as_bytes());
    assert_eq!(
        (v.u32(32) as usize, v.u32(36) as usize),
        (f.sentence.start, f.sentence.end),
        "{what} sentence"
    );
    let known_bits = v.u32(40);
    assert_eq!(known_bits >> 3, 0, "{what} undefined known bits");
    assert_eq!(
        (known_bits & 1 == 1).then(|| (v.i32(48), v.i32(52), v.u32(56))),
        f.period.map(|p| (
            p.start().day_number(),
            p.end().day_number(),
            code(&PERIOD_KINDS, p.kind())
        )),
        "{what} period"
    );
    assert_eq!(known(v, 40, 1, 64), f.denominator, "{what} denominator");
    assert_eq!(
        (known_bits & 4 != 0).then(|| (v.u32(72) as usize, v.u32(76) as usize)),
        f.cue.map(|c| (c.start, c.end)),
        "{what} cue"
    );
    assert_eq!(
        v.u32(44),
        f.derived.map_or(NONE, |d| code(&DERIVED, d.kind)),
        "{what} derived"
    );
    let compared = f.derived.and_then(|d| d.compared);
    assert_eq!(
        (v.u32(80), v.u32(84)),
        compared.map_or((NONE, NONE), |c| (c.start as u32, c.end as u32)),
        "{what} compared"
    );
    assert_eq!(
        (v.u32(88), v.u32(92)),
        (u32::from(f.derived.is_some_and(|d| d.decrease)), 0),
        "{what} decrease"
    );
}

#[test]
fn the_figures_of_the_five_reports_as_natively() {
    let mut host = Host::new();
    let reports: Vec<ReportRow> = all(REPORTS);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../data/reports");
    let mut total = 0;
    for r in &reports {
        let text = std::fs::read_to_string(dir.join(r.file)).unwrap();
        for as_of in [Some(r.as_of), None] {
            let native: Vec<Found> = Figures::new(&text, as_of).collect();
            let (n, v) = extract(&mut host, &text, as_of);
            assert_eq!(n as usize, native.len(), "{}", r.id);
            for (i, f) in native.iter().enumerate() {
                assert_found(
                    &v.sub(i * FOUND_SIZE, FOUND_SIZE),
                    f,
                    &text,
                    &format!("{} {as_of:?} #{i}", r.id),
                );
            }
            total += native.len();
        }
    }
    assert_eq!(reports.len(), 5);
    assert!(total > 100, "{total} figures");
    println!("{total} figures in the five reports, with and without their dates");
}

#[test]
fn figures_in_text_outside_the_basic_plane_have_byte_offsets() {
    let mut host = Host::new();
    // "𝟙" and "😀" take four bytes in UTF-8 (two code units in UTF-16).
    let text = "😀 Doanh thu đạt 1,6 triệu 𝟙 giao dịch, tăng 17,5% so với năm 2021 😀.";
    let native: Vec<Found> =
        Figures::new(text, Some(Date::from_ymd(2022, 12, 8).unwrap())).collect();
    assert!(native.len() >= 2, "{native:?}");
    let (n, v) = extract(&mut host, text, Some(Date::from_ymd(2022, 12, 8).unwrap()));
    assert_eq!(n as usize, native.len());
    for (i, f) in native.iter().enumerate() {
        let r = v.sub(i * FOUND_SIZE, FOUND_SIZE);
        assert_found(&r, f, text, &format!("#{i}"));
    }
    let first = v.sub(0, FOUND_SIZE);
    let (start, end) = (first.u32(24) as usize, first.u32(28) as usize);
    assert_eq!(&text[start..end], "1,6 triệu");
    assert_eq!(first.f64(0), 1_600_000.0);
}

#[test]
fn the_new_codes_are_described() {
    let mut host = Host::new();
    let tables: [(u32, &[&str]); 7] = [
        (
            11,
            &[
                "achieved",
                "on_track",
                "needs_acceleration",
                "off_track",
                "missed",
                "uncertain",
                "too_few_points",
                "stale",
                "unreachable",
            ],
        ),
        (9, &["run_rate", "daily_average"]),
        (14, &["past_deadline", "long_horizon"]),
        (15, &["totals", "averages", "all"]),
        (
            16,
            &[
                "level",
                "total",
                "year_to_date",
                "daily_average",
                "since_launch",
                "difference",
            ],
        ),
        (17, &["rule", "covered", "same_date", "definition"]),
        (
            18,
            &[
                "multiple",
                "relative_change",
                "percent_change",
                "difference",
                "excess_over_plan",
                "share_of_target",
                "share",
                "daily_average",
            ],
        ),
    ];
    for (table, names) in tables {
        for (k, name) in names.iter().enumerate() {
            assert_eq!(
                host.describe(table, k as u32),
                *name,
                "table {table} code {k}"
            );
        }
    }
    // Codes appended to older tables: claim kind 10, formulas 27 and 28,
    // symbols 40 to 44.
    assert_eq!(host.describe(9, 10), "at_most");
    assert_eq!(
        host.describe(0, 27),
        dxcast_core::Formula::Verdict.expression()
    );
    assert_eq!(
        host.describe(0, 28),
        dxcast_core::Formula::AtMost.expression()
    );
    let symbols = [
        "from",
        "daily_growth",
        "required_growth",
        "threshold",
        "span",
    ];
    for (k, s) in symbols.iter().enumerate() {
        assert_eq!(host.describe(1, 40 + k as u32), *s);
    }
    // Every variant of the core has a code.
    assert_eq!(dxcast_core::TargetStatus::ALL.len(), 9);
    assert_eq!(dxcast_core::Formula::ALL.len(), 30);
    assert_eq!(dxcast_core::Symbol::ALL.len(), 45);
    assert_eq!(dxcast_core::ClaimKind::ALL.len(), 11);
    assert_eq!(CandidateKind::ALL.len(), 8);
}
