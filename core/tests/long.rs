//! Long series: every method takes any number of points (the regressions
//! hand their rows to least squares one at a time), and method choice runs
//! on them in one pass per method.
//!
//! The references are the exact functions the data are made of: a line,
//! an exponential and a cubic in years, on 20 000 consecutive days (about 55
//! years), which each fit must recover to 1e-9 relative.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use dxcast_core::choice::choose;
use dxcast_core::series::years_between;
use dxcast_core::trend::{LinearTrend, LogLinearTrend, PolynomialTrend};
use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};

const N: i32 = 20_000;

fn daily(f: impl Fn(f64) -> f64) -> Vec<Point> {
    let d0 = Date::from_ymd(1970, 1, 1).unwrap();
    (0..N)
        .map(|k| {
            let date = d0.add_days(k).unwrap();
            Point::new(date, f(years_between(d0, date)))
        })
        .collect()
}

fn free() -> Subject {
    Subject {
        kind: MeasureKind::Stock,
        unit: Unit::Count,
        bounds: Bounds::NONE,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn regressions_take_any_number_of_points() {
    let pts = daily(|t| 120.0 + 3.5 * t);
    let s = Series::new(&pts, free()).unwrap();
    let fit = LinearTrend::new().fit(&s).unwrap();
    assert!(close(fit.intercept(), 120.0) && close(fit.slope(), 3.5));

    let pts = daily(|t| 50.0 * (0.04 * t).exp());
    let s = Series::new(&pts, free()).unwrap();
    let fit = LogLinearTrend::new().fit(&s).unwrap();
    assert!(close(fit.intercept(), 50f64.ln()) && close(fit.slope(), 0.04));

    let pts = daily(|t| 7.0 - 2.0 * t + 0.3 * t * t - 0.004 * t * t * t);
    let s = Series::new(&pts, free()).unwrap();
    let fit = PolynomialTrend::new(3).unwrap().fit(&s).unwrap();
    let mut c = [0.0; 4];
    fit.coefficients_into(&mut c).unwrap();
    // Coefficients of (t − centre)^k: the cubic's value and slope there.
    let m = fit.centre();
    let value = 7.0 - 2.0 * m + 0.3 * m * m - 0.004 * m * m * m;
    let slope = -2.0 + 0.6 * m - 0.012 * m * m;
    assert!(
        close(c[0], value) && close(c[1], slope) && close(c[3], -0.004),
        "{c:?}"
    );
}

#[test]
fn choice_runs_on_a_long_series() {
    // A noisy line: the line and Holt's methods are all scored.
    let pts = daily(|t| 1000.0 + 20.0 * t + 5.0 * (t * 37.0).sin());
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let c = choose(&s).unwrap();
    assert_eq!(c.scored(), c.ranked.len());
    assert!(c.unavailable.is_empty());
}
