//! One benchmark per method. They report figures; nothing is checked.
//!
//! `cargo bench -p dxcast-core --bench methods` (add `-- --quick` for a
//! short run).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dxcast_core::dist::student_t_quantile;
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::trend::{Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};
use dxcast_core::{Date, Point, Series};
use dxcast_core::{MeasureKind, Subject, Unit};

/// The data rows of a NIST StRD file: every line of numbers after the last
/// line starting with "Data:" (the one that names the columns).
fn nist_rows(text: &str) -> Vec<Vec<f64>> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .rposition(|l| l.trim_start().starts_with("Data:"))
        .expect("a Data: line");
    lines[start + 1..]
        .iter()
        .map(|l| {
            l.split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect::<Vec<f64>>()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

/// The design and response of a NIST file: `1, x1, …, xk` (Longley) or
/// `1, x, …, x^degree` (Filip).
fn nist_problem(text: &str, degree: Option<usize>) -> (Vec<f64>, usize, Vec<f64>) {
    let rows = nist_rows(text);
    let mut x = Vec::new();
    let y: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    let cols = match degree {
        Some(d) => d + 1,
        None => rows[0].len(),
    };
    for r in &rows {
        match degree {
            Some(d) => (0..=d).for_each(|k| x.push(r[1].powi(k as i32))),
            None => {
                x.push(1.0);
                x.extend_from_slice(&r[1..]);
            }
        }
    }
    (x, cols, y)
}

/// Monthly points from `f(t)`, `t` in years, with a little deterministic
/// wobble so that fits have residuals.
fn monthly(n: usize, f: impl Fn(f64) -> f64) -> Vec<Point> {
    let d0 = Date::from_ymd(2019, 1, 31).unwrap();
    (0..n)
        .map(|k| {
            let date = d0.add_months(k as i32).unwrap();
            let t = dxcast_core::series::years_between(d0, date);
            let wobble = 1.0 + 0.01 * ((k * 7919 % 13) as f64 - 6.0) / 6.0;
            Point::new(date, f(t) * wobble)
        })
        .collect()
}

fn least_squares(c: &mut Criterion) {
    let (x, cols, y) = nist_problem(include_str!("../tests/data/nist/Longley.dat"), None);
    c.bench_function("least squares: NIST Longley (16 × 7)", |b| {
        b.iter(|| LeastSquares::fit(black_box(&x), cols, black_box(&y), true).unwrap())
    });
    let (x, cols, y) = nist_problem(include_str!("../tests/data/nist/Filip.dat"), Some(10));
    c.bench_function("least squares: NIST Filip (82 × 11)", |b| {
        b.iter(|| LeastSquares::fit(black_box(&x), cols, black_box(&y), true).unwrap())
    });
}

fn trends(c: &mut Criterion) {
    let linear = monthly(48, |t| 1_000.0 + 150.0 * t);
    let s = Series::new(&linear, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    c.bench_function("linear trend: fit, 48 monthly points", |b| {
        b.iter(|| LinearTrend::new().fit(black_box(&s)).unwrap())
    });
    let cubic = PolynomialTrend::new(3).unwrap();
    c.bench_function("polynomial trend (degree 3): fit, 48 points", |b| {
        b.iter(|| cubic.fit(black_box(&s)).unwrap())
    });
    let growth = monthly(48, |t| 180e6 * (0.45 * t).exp());
    let g = Series::new(&growth, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    c.bench_function("log-linear trend: fit, 48 points", |b| {
        b.iter(|| LogLinearTrend::new().fit(black_box(&g)).unwrap())
    });
    let share = monthly(48, |t| 100.0 / (1.0 + (-1.1 * (t - 2.0)).exp()));
    let sh = Series::new(&share, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
    let capped = LogisticTrend::with_cap(100.0).unwrap();
    c.bench_function("logistic trend (K = 100): fit, 48 points", |b| {
        b.iter(|| capped.fit(black_box(&sh)).unwrap())
    });
    c.bench_function("logistic trend (K fitted): fit, 48 points", |b| {
        b.iter(|| LogisticTrend::fitted_cap().fit(black_box(&sh)).unwrap())
    });
    let given = Holt::with_params(0.5, 0.1).unwrap();
    c.bench_function("Holt, given α β: fit, 48 points", |b| {
        b.iter(|| given.fit(black_box(&s)).unwrap())
    });
    c.bench_function("Holt, fitted α β: fit, 48 points", |b| {
        b.iter(|| Holt::new().fit(black_box(&s)).unwrap())
    });
    c.bench_function("damped Holt, fitted α β φ: fit, 48 points", |b| {
        b.iter(|| Holt::new().damped().fit(black_box(&s)).unwrap())
    });
    let fit = Holt::new().damped().fit(&s).unwrap();
    let when = s.last().date.add_months(24).unwrap();
    c.bench_function("damped Holt: predict 24 months ahead", |b| {
        b.iter(|| fit.predict(black_box(when)).unwrap())
    });
}

fn distributions(c: &mut Criterion) {
    c.bench_function("t quantile: p = 0.975, ν = 10", |b| {
        b.iter(|| student_t_quantile(black_box(0.975), black_box(10.0)).unwrap())
    });
    c.bench_function("t quantile: p = 1e-10, ν = 2.5", |b| {
        b.iter(|| student_t_quantile(black_box(1e-10), black_box(2.5)).unwrap())
    });
    c.bench_function("t quantile: p = 0.975, ν = 1e5", |b| {
        b.iter(|| student_t_quantile(black_box(0.975), black_box(1e5)).unwrap())
    });
}

criterion_group!(benches, least_squares, trends, distributions);
criterion_main!(benches);
