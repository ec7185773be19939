//! Holt's linear and damped trends against statsmodels (`fixtures/holt.csv`),
//! and on irregular dates.
//!
//! Tolerances:
//! - given parameters, regular (weekly) dates: the recursions are the same
//!   arithmetic as statsmodels' in a different order, 40 steps long, so
//!   fitted values, SSE and forecasts agree to rounding, 1e-12 relative;
//! - the ETS variance factors are the same closed forms: 1e-12;
//! - fitted parameters: two optimisers (our Nelder–Mead, statsmodels'
//!   L-BFGS-B after a brute-force start) stop at slightly different points of
//!   a flat minimum. The SSE must be no higher than statsmodels' (1e-9
//!   relative slack) and agree to 1e-9; the parameters to 1e-4 and the
//!   forecasts to 1e-6 relative, because along the flat valley the parameters
//!   move far more than the forecasts they produce. Measured: SSE 3e-13,
//!   parameters 1.4e-6, forecasts 1.3e-8.
//!
//! Run with `-- --nocapture` to see the figures.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{check, rel, series, Fixture};
use dxcast_core::trend::{variance_factor, Holt, HoltFit};
use dxcast_core::{Bounds, Date, Fit, LinearTrend, Method, Point, Series};

const FIXTURE: &str = include_str!("fixtures/holt.csv");

fn fixture() -> (Fixture, Vec<Point>) {
    let f = Fixture::parse(FIXTURE);
    let pts = f.points("data", "y");
    (f, pts)
}

fn forecasts(fit: &HoltFit, horizon: usize) -> Vec<f64> {
    let last = fit.span().last.date;
    (1..=horizon)
        .map(|k| {
            fit.predict(last.add_days(7 * k as i32).unwrap())
                .unwrap()
                .point()
        })
        .collect()
}

fn fitted(fit: &HoltFit, s: &Series<'_>) -> Vec<f64> {
    let mut out = vec![0.0; s.len()];
    fit.fitted_into(s, &mut out).unwrap();
    out
}

#[test]
fn given_parameters_match_statsmodels() {
    let (f, pts) = fixture();
    let s = series(&pts, Bounds::NONE);
    let (l0, b0) = (f.value("init", "level"), f.value("init", "trend"));
    println!();
    for case in ["holt_given", "damped_given"] {
        let (alpha, beta, phi) = (
            f.value(case, "alpha"),
            f.value(case, "beta"),
            f.value(case, "phi"),
        );
        let mut holt = Holt::with_params(alpha, beta)
            .unwrap()
            .with_initial(l0, b0)
            .unwrap();
        if case.starts_with("damped") {
            holt = holt.with_damping(phi).unwrap();
        }
        // The default step, the median gap, is the week: h = 1 throughout.
        let fit = holt.fit(&s).unwrap();
        assert_eq!(fit.step_days(), 7.0);
        check(
            &format!("{case}: fitted values"),
            &fitted(&fit, &s),
            &f.values(case, "fitted"),
            1e-12,
        );
        check(
            &format!("{case}: SSE"),
            &[fit.sse()],
            &[f.value(case, "sse")],
            1e-12,
        );
        let fc = f.values(case, "forecast");
        check(
            &format!("{case}: forecasts"),
            &forecasts(&fit, fc.len()),
            &fc,
            1e-12,
        );
        check(
            &format!("{case}: forecasts vs ETSModel"),
            &forecasts(&fit, fc.len()),
            &f.values(case, "ets_mean"),
            1e-12,
        );
        // Relative forecast variance: the formula, and what predict uses.
        let reference = f.values(case, "ets_var_factor");
        let damping = if fit.is_damped() { Some(phi) } else { None };
        let ours: Vec<f64> = (1..=reference.len())
            .map(|h| variance_factor(alpha, beta, damping, h as f64))
            .collect();
        check(
            &format!("{case}: ETS variance factor"),
            &ours,
            &reference,
            1e-12,
        );
        let last = s.last().date;
        let from_predict: Vec<f64> = (1..=reference.len())
            .map(|h| {
                let p = fit.predict(last.add_days(7 * h as i32).unwrap()).unwrap();
                (p.se().unwrap() / fit.sigma()).powi(2)
            })
            .collect();
        check(
            &format!("{case}: predict's se² / σ²"),
            &from_predict,
            &reference,
            1e-12,
        );
        // σ² over n one-step errors, no parameter fitted.
        assert_eq!(fit.df(), s.len());
        assert!(rel(fit.sigma().powi(2), fit.sse() / s.len() as f64) < 1e-15);
    }
}

#[test]
fn fitted_parameters_match_statsmodels() {
    let (f, pts) = fixture();
    let s = series(&pts, Bounds::NONE);
    let (l0, b0) = (f.value("init", "level"), f.value("init", "trend"));
    println!();
    for case in ["holt_fitted", "damped_fitted"] {
        let mut holt = Holt::new().with_initial(l0, b0).unwrap();
        if case.starts_with("damped") {
            holt = holt.damped();
        }
        let fit = holt.fit(&s).unwrap();
        let sse_ref = f.value(case, "sse");
        println!(
            "{case}: ours α {:.6} β {:.6} φ {:.4} SSE {:.9}; statsmodels α {:.6} β {:.6} φ {:.4} SSE {:.9}",
            fit.alpha(),
            fit.beta(),
            fit.phi(),
            fit.sse(),
            f.value(case, "alpha"),
            f.value(case, "beta"),
            f.value(case, "phi"),
            sse_ref
        );
        assert!(
            fit.sse() <= sse_ref * (1.0 + 1e-9),
            "{case}: SSE {} above statsmodels' {sse_ref}",
            fit.sse()
        );
        check(&format!("{case}: SSE"), &[fit.sse()], &[sse_ref], 1e-9);
        check(
            &format!("{case}: α, β, φ"),
            &[fit.alpha(), fit.beta(), fit.phi()],
            &[
                f.value(case, "alpha"),
                f.value(case, "beta"),
                f.value(case, "phi"),
            ],
            1e-4,
        );
        let fc = f.values(case, "forecast");
        check(
            &format!("{case}: forecasts"),
            &forecasts(&fit, fc.len()),
            &fc,
            1e-6,
        );
        // Two or three parameters were fitted.
        let k = if fit.is_damped() { 3 } else { 2 };
        assert_eq!(fit.df(), s.len() - k);
        assert_eq!(fit.params(), k);
    }
}

/// Classic Holt (statsmodels' recursion) written out, for comparison.
fn classic(y: &[f64], alpha: f64, beta: f64, phi: f64, l0: f64, b0: f64) -> (Vec<f64>, f64, f64) {
    let (mut l, mut b) = (l0, b0);
    let mut fitted = Vec::new();
    for &v in y {
        let f = l + phi * b;
        fitted.push(f);
        let nl = alpha * v + (1.0 - alpha) * f;
        b = beta * (nl - l) + (1.0 - beta) * phi * b;
        l = nl;
    }
    (fitted, l, b)
}

fn monthly_points(values: &[f64], every_days: i32) -> Vec<Point> {
    let d0 = Date::from_ymd(2022, 1, 3).unwrap();
    values
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d0.add_days(every_days * k as i32).unwrap(), *v))
        .collect()
}

#[test]
fn unit_steps_are_classic_holt() {
    let y = [
        10.0, 12.5, 13.1, 15.8, 15.2, 18.9, 21.0, 20.4, 23.3, 26.1, 25.0, 28.8, 30.2,
    ];
    let pts = monthly_points(&y, 10);
    let s = series(&pts, Bounds::NONE);
    for &(alpha, beta, phi) in &[(0.3, 0.1, 1.0), (0.8, 0.5, 1.0), (0.5, 0.2, 0.85)] {
        let mut holt = Holt::with_params(alpha, beta)
            .unwrap()
            .with_initial(9.0, 1.5)
            .unwrap();
        if phi < 1.0 {
            holt = holt.with_damping(phi).unwrap();
        }
        let fit = holt.fit(&s).unwrap();
        let (want, l, b) = classic(&y, alpha, beta, phi, 9.0, 1.5);
        let got = fitted(&fit, &s);
        for (g, w) in got.iter().zip(&want) {
            assert!(rel(*g, *w) < 1e-14, "{g} vs {w}");
        }
        assert!(rel(fit.level(), l) < 1e-14 && rel(fit.trend(), b) < 1e-13);
    }
}

#[test]
fn a_line_on_irregular_dates_is_recovered_exactly() {
    // y = 40 + 0.25 per day on irregular dates.
    let d0 = Date::from_ymd(2021, 5, 1).unwrap();
    let offsets = [0, 3, 17, 18, 60, 61, 90, 200, 205, 300, 420];
    let pts: Vec<Point> = offsets
        .iter()
        .map(|&d| Point::new(d0.add_days(d).unwrap(), 40.0 + 0.25 * f64::from(d)))
        .collect();
    let s = series(&pts, Bounds::NON_NEGATIVE);
    let future = d0.add_days(500).unwrap();
    let truth = 40.0 + 0.25 * 500.0;
    for &(alpha, beta) in &[
        (0.05, 0.9),
        (0.5, 0.5),
        (0.95, 0.02),
        (1.0, 0.0),
        (0.0, 1.0),
    ] {
        // Default initial states (from the first two points) and step (the
        // median gap, here 29 days: h is far from 1).
        let fit = Holt::with_params(alpha, beta).unwrap().fit(&s).unwrap();
        assert!(fit.sse() < 1e-20, "α {alpha} β {beta}: SSE {}", fit.sse());
        let step = fit.step_days();
        assert!(rel(fit.trend(), 0.25 * step) < 1e-12);
        let p = fit.predict(future).unwrap();
        assert!(rel(p.point(), truth) < 1e-13, "{} vs {truth}", p.point());
        // A given step works as well.
        let fit = Holt::with_params(alpha, beta)
            .unwrap()
            .with_step_days(1.0)
            .unwrap()
            .fit(&s)
            .unwrap();
        assert!(rel(fit.predict(future).unwrap().point(), truth) < 1e-13);
    }
    // The linear trend recovers it too, and the fitted Holt finds SSE 0.
    let lin = LinearTrend::new().fit(&s).unwrap();
    assert!(rel(lin.slope(), 0.25 * 365.2425) < 1e-13);
    assert!(rel(lin.predict(future).unwrap().point(), truth) < 1e-13);
    let fit: Fit = Holt::new().fit(&s).unwrap().into();
    assert_eq!(fit.method(), Method::Holt);
    assert!(fit.sse() < 1e-20);
    assert!(rel(fit.predict(future).unwrap().point(), truth) < 1e-12);
}

#[test]
fn gaps_raise_the_weights() {
    // After a long gap the newest value counts more: with α = 0.2 and a gap
    // of 5 steps, the one-step weight 0.2 becomes 1 − 0.8⁵ = 0.672 in the
    // steady state; a single long gap after regular ones lands in between.
    let mut y = [0.0; 12];
    for (k, v) in y.iter_mut().enumerate() {
        *v = 100.0 + k as f64;
    }
    y[11] = 150.0;
    let d0 = Date::from_ymd(2023, 1, 1).unwrap();
    let mut pts: Vec<Point> = y
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d0.add_days(7 * k as i32).unwrap(), *v))
        .collect();
    // Both start from the first two points (a level of 101 and a trend of 1).
    let regular = Holt::with_params(0.2, 0.0)
        .unwrap()
        .from_first_two()
        .fit(&series(&pts, Bounds::NONE))
        .unwrap()
        .level();
    pts[11].date = d0.add_days(7 * 15).unwrap();
    let after_gap = Holt::with_params(0.2, 0.0)
        .unwrap()
        .from_first_two()
        .with_step_days(7.0)
        .unwrap()
        .fit(&series(&pts, Bounds::NONE))
        .unwrap()
        .level();
    // Regular: ℓ = 0.2 × 150 + 0.8 × 111 = 118.8. After 5 steps the forecast
    // is 110 + 5 = 115 and the weight 0.2/(0.2 + 0.8⁵) = 0.379.
    assert!(rel(regular, 118.8) < 1e-12, "{regular}");
    let w = 0.2 / (0.2 + 0.8f64.powi(5));
    assert!(
        rel(after_gap, w * 150.0 + (1.0 - w) * 115.0) < 1e-12,
        "{after_gap}"
    );
}

#[test]
fn too_few_points_and_bad_settings() {
    let pts = monthly_points(&[1.0, 2.0, 3.5], 30);
    let s = series(&pts, Bounds::NONE);
    // Two fitted parameters need n − 2 > 2.
    assert!(matches!(
        Holt::new().fit(&s),
        Err(dxcast_core::Error::TooFewPoints { .. })
    ));
    assert!(Holt::with_params(0.5, 0.5).unwrap().fit(&s).is_ok());
    assert!(Holt::with_params(1.5, 0.5).is_err());
    assert!(Holt::new().with_damping(0.0).is_err());
    assert!(Holt::new().with_step_days(f64::NAN).is_err());
    assert!(Holt::new().with_initial(f64::INFINITY, 0.0).is_err());
    // On the last observation's date Holt's prediction is its level; before
    // it, its trend carried back: ℓ + h·b with h ≤ 0.
    let fit = Holt::with_params(0.5, 0.5).unwrap().fit(&s).unwrap();
    assert_eq!(fit.predict(s.last().date).unwrap().point(), fit.level());
    let h = fit.steps_to(s.first().date);
    assert!(h < 0.0);
    let back = fit.predict(s.first().date).unwrap().point();
    assert!((back - (fit.level() + h * fit.trend())).abs() < 1e-9 * fit.level().abs());
}
