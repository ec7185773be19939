//! Timings of the derived-figure math and of importing the built-in dataset.
//! Figures only: `cargo bench -p dxcast-core --features csv --bench derived`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dxcast_core::convert::{daily_average, run_rate};
use dxcast_core::csv::{
    check_claims, read, ClaimRow, IndicatorRow, ObservationRow, ReportRow, TargetRow,
};
use dxcast_core::{Claim, ClaimKind, Date, Figure, Period, Qualifier};

const REPORTS: &str = include_str!("../../data/reports.csv");
const INDICATORS: &str = include_str!("../../data/indicators.csv");
const OBSERVATIONS: &str = include_str!("../../data/observations.csv");
const TARGETS: &str = include_str!("../../data/targets.csv");
const CLAIMS: &str = include_str!("../../data/claims.csv");

fn conversion(c: &mut Criterion) {
    let sept = Period::month(2022, 9).expect("period");
    c.bench_function("convert/daily_average_with_explanation", |b| {
        b.iter(|| {
            let a = daily_average(black_box(58_397_139.0), black_box(sept)).expect("average");
            a.explain().expect("explanation")
        })
    });
}

fn run_rate_bench(c: &mut Criterion) {
    let as_of = Date::from_ymd(2022, 12, 8).expect("date");
    c.bench_function("convert/run_rate", |b| {
        b.iter(|| run_rate(black_box(806e6), black_box(as_of)).expect("run-rate"))
    });
}

fn claim_check(c: &mut Criterion) {
    let ytd = Period::parse("2022-01-01/2022-12-08").expect("period");
    let claim = Claim::new(
        ClaimKind::RunRate,
        Some(Figure::parse("860 triệu", Qualifier::Exact).expect("figure")),
    )
    .during(Period::year(2022).expect("year"))
    .with(
        Figure::parse("806 triệu", Qualifier::About)
            .expect("figure")
            .during(ytd),
    )
    .expect("claim");
    c.bench_function("claim/check_run_rate", |b| {
        b.iter(|| black_box(&claim).check().expect("check"))
    });
}

fn count<'a, R: dxcast_core::csv::Row<'a>>(text: &'a str) -> usize {
    read::<R>(text)
        .expect("header")
        .filter(|r| r.is_ok())
        .count()
}

fn dataset(c: &mut Criterion) {
    c.bench_function("csv/parse_built_in_dataset", |b| {
        b.iter(|| {
            count::<ReportRow>(black_box(REPORTS))
                + count::<IndicatorRow>(black_box(INDICATORS))
                + count::<ObservationRow>(black_box(OBSERVATIONS))
                + count::<TargetRow>(black_box(TARGETS))
                + count::<ClaimRow>(black_box(CLAIMS))
        })
    });
}

/// A claims file of `n` sums, each of the one before it and an observation:
/// the longest chain of references a file can hold.
fn chained(n: usize) -> (String, String) {
    let mut obs = String::from(
        "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note\n",
    );
    let mut claims = String::from(
        "id,report,origin,kind,period,stated,value,qualifier,inputs,expected,quote,note\n",
    );
    for i in 0..n {
        obs.push_str(&format!("o{i},x,2022,observed,exact,1,1,,r,q,\n"));
        let first = if i == 0 {
            "o:o0".to_string()
        } else {
            format!("c:c{}", i - 1)
        };
        claims.push_str(&format!(
            "c{i},r,cross_check,sum,,,,,{first} o:o{i},cannot_check,,\n"
        ));
    }
    (obs, claims)
}

/// Checking chained claims: the time per claim stays flat as the file grows.
fn claims_runner(c: &mut Criterion) {
    for n in [1_000, 4_000, 16_000] {
        let (obs, claims) = chained(n);
        let observations: Vec<ObservationRow> = read(&obs).unwrap().map(Result::unwrap).collect();
        let claims: Vec<ClaimRow> = read(&claims).unwrap().map(Result::unwrap).collect();
        let mut out = vec![
            Err(dxcast_core::Error::Empty {
                what: dxcast_core::Field::Outcomes
            });
            n
        ];
        let mut index = vec![0; 2 * n];
        c.bench_function(&format!("claims/chained_{n}"), |b| {
            b.iter(|| {
                check_claims(black_box(&claims), &observations, &[], &mut out, &mut index).unwrap()
            })
        });
    }
}

criterion_group!(
    benches,
    conversion,
    run_rate_bench,
    claim_check,
    dataset,
    claims_runner
);
criterion_main!(benches);
