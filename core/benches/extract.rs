//! Timings of the figure finder: the five reports, a paste of over a
//! megabyte, and inputs made to be slow (long digit runs, a cue word over
//! and over, brackets that never close). Figures only:
//! `cargo bench -p dxcast-core --bench extract`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dxcast_core::extract::{Claims, Figures};
use dxcast_core::Date;

const REPORTS: [&str; 5] = [
    include_str!("../../data/reports/000_90d0e41a9ce88716.txt"),
    include_str!("../../data/reports/001_8c7a277dc025b828.txt"),
    include_str!("../../data/reports/002_d2110275f2b17c14.txt"),
    include_str!("../../data/reports/003_a0b404e3d3032961.txt"),
    include_str!("../../data/reports/004_4b8e2de6e6e7e2c2.txt"),
];

fn run(c: &mut Criterion, name: &str, text: &str) {
    let as_of = Date::from_ymd(2022, 12, 31).ok();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(name, |b| {
        b.iter(|| Figures::new(black_box(text), as_of).count())
    });
    g.finish();
}

fn reports(c: &mut Criterion) {
    let all: String = REPORTS.iter().map(|t| format!("{t}\n")).collect();
    run(c, "five_reports", &all);
    let as_of = Date::from_ymd(2022, 12, 31).ok();
    c.bench_function("extract/claims_five_reports", |b| {
        b.iter(|| Claims::new(black_box(&all), as_of).count())
    });
    let mega = all.repeat((1 << 20) / all.len() + 1);
    run(c, "one_megabyte_of_reports", &mega);
}

fn adversarial(c: &mut Criterion) {
    let n = 1 << 20;
    run(c, "digits", &"9".repeat(n));
    run(c, "grouped_digits", &"1.000".repeat(n / 5));
    run(
        c,
        "cue_words",
        &"năm tháng quý ngày đến từ hiện ".repeat(n / 40),
    );
    run(c, "brackets_and_comparisons", &"so với (".repeat(n / 9));
    run(
        c,
        "figures_without_sentences",
        &"tăng gần 36% so với cùng kỳ, ".repeat(n / 36),
    );
    run(c, "spaces_between_figures", &format!("1{}2", " ".repeat(n)));
}

criterion_group!(benches, reports, adversarial);
criterion_main!(benches);
