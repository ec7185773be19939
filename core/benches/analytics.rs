//! Target analytics, method choice and what-if scenarios. They report
//! figures; nothing is checked.
//!
//! `cargo bench -p dxcast-core --bench analytics` (add `-- --quick` for a
//! short run).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dxcast_core::analytics::Settings;
use dxcast_core::choice::choose;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{
    Comparison, Date, LinearTrend, MeasureKind, Model, Point, Predictor, Series, Subject, Target,
    Unit,
};

fn d(y: i32, m: u32, dd: u32) -> Date {
    Date::from_ymd(y, m, dd).unwrap()
}

/// Community digital technology teams, as the reports give them.
fn teams() -> Vec<Point> {
    vec![
        Point::new(d(2022, 9, 30), 59_600.0),
        Point::new(d(2022, 11, 20), 68_933.0),
        Point::new(d(2023, 3, 31), 71_836.0),
    ]
}

/// Twelve quarter-ends of a noisy exponential, for the rolling-origin ranking.
fn quarterly() -> Vec<Point> {
    let origin = d(2021, 3, 31);
    (0..12)
        .map(|k| {
            let date = origin.add_months(3 * k).unwrap();
            let wobble = if k % 2 == 0 { 1.02 } else { 0.98 };
            Point::new(date, 1000.0 * 1.3f64.powf(k as f64 / 4.0) * wobble)
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let pts = teams();
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let fit = Model::Linear(LinearTrend::new()).fit(&s).unwrap();
    let target = Target::new(80_000.0, d(2025, 12, 31), Comparison::AtLeast).unwrap();
    let ctx = Settings::new(d(2023, 4, 1), 0.95);
    c.bench_function("target analytics, linear, 3 points", |b| {
        b.iter(|| black_box(&fit).analyse(black_box(&target), &ctx).unwrap())
    });
    let scenario = Scenario {
        growth: Some(GrowthOverride {
            from: d(2023, 4, 1),
            rate: 1.5,
            per: Per::Month,
        }),
        shock: Some(Shock {
            at: d(2024, 1, 1),
            size: -5.0,
        }),
        target: None,
    };
    let what_if = fit.with_scenario(scenario).unwrap();
    c.bench_function("what-if predict", |b| {
        b.iter(|| what_if.predict(black_box(d(2025, 12, 31))).unwrap())
    });
    c.bench_function("target analytics under a what-if", |b| {
        b.iter(|| {
            black_box(&what_if)
                .analyse(black_box(&target), &ctx)
                .unwrap()
        })
    });
    c.bench_function("method choice, 3 points (rules)", |b| {
        b.iter(|| choose(black_box(&s)).unwrap())
    });
    let q = quarterly();
    let qs = Series::new(&q, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    c.bench_function("method choice, 12 points (rolling origin)", |b| {
        b.iter(|| choose(black_box(&qs)).unwrap())
    });
}

criterion_group!(analytics_benches, benches);
criterion_main!(analytics_benches);
