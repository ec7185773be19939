//! The regression trends against statsmodels OLS (`fixtures/regression.csv`)
//! and the logistic trend against scipy's `curve_fit`
//! (`fixtures/logistic.csv`), on irregular dates.
//!
//! Tolerances:
//! - OLS (linear, cubic, log-linear): both sides solve the same least-squares
//!   problem to nearly full precision (statsmodels by a pseudo-inverse, we by
//!   QR in double-double), and the t quantile agrees to 1e-15, so
//!   coefficients, standard errors, fitted values, predictions and interval
//!   ends agree to 1e-12 relative (1e-10 for the RSS, a sum of squared
//!   residuals that cancel the data to a few digits). Measured: 2e-14 at
//!   worst.
//! - Logistic: `curve_fit` (MINPACK's Levenberg–Marquardt, tolerances 1e-15)
//!   stops where the sum of squares no longer decreases in floating point,
//!   about 1e-9 (relative) short of the minimum: its gradient there is 1e-5,
//!   ours 1e-10. The fixture also holds the same quantities at the minimum
//!   located to 50 digits (`*_minimum`). Against those, parameters, SSE,
//!   fitted values and interval ends agree to 1e-11 and standard errors to
//!   1e-9 (they are second derivatives, computed in `f64` by both sides);
//!   against curve_fit's own result, to 1e-8 and 1e-7.
//!
//! Run with `-- --nocapture` to see the figures.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{check, series, Fixture};
use dxcast_core::trend::{LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};
use dxcast_core::Scale;
use dxcast_core::{Bounds, Date, Fit, Method, Prediction, Series};

const REGRESSION: &str = include_str!("fixtures/regression.csv");
const LOGISTIC: &str = include_str!("fixtures/logistic.csv");
const LEVEL: f64 = 0.95;

fn predictions(fit: &Fit, dates: &[Date], _bounds: Bounds) -> Vec<Prediction> {
    dates.iter().map(|d| fit.predict(*d).unwrap()).collect()
}

fn intervals(preds: &[Prediction], bounds: Bounds) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let mut point = Vec::new();
    let mut lo = Vec::new();
    let mut hi = Vec::new();
    for p in preds {
        let (a, b) = p.interval(LEVEL, bounds).unwrap();
        point.push(p.point());
        lo.push(a.unwrap());
        hi.push(b.unwrap());
    }
    (point, lo, hi)
}

fn fitted(fit: &Fit, s: &Series<'_>) -> Vec<f64> {
    let mut out = vec![0.0; s.len()];
    assert_eq!(fit.fitted_into(s, &mut out).unwrap(), out.len());
    out
}

fn check_predictions(f: &Fixture, case: &str, fit: &Fit, bounds: Bounds, tol: f64) {
    let future = f.dates("future");
    let preds = predictions(fit, &future, bounds);
    let (point, lo, hi) = intervals(&preds, bounds);
    check(
        &format!("{case}: prediction"),
        &point,
        &f.values(case, "pred_mean"),
        tol,
    );
    check(
        &format!("{case}: 95 % interval, lower end"),
        &lo,
        &f.values(case, "pred_lo"),
        tol,
    );
    check(
        &format!("{case}: 95 % interval, upper end"),
        &hi,
        &f.values(case, "pred_hi"),
        tol,
    );
    for p in &preds {
        assert_eq!(p.df(), Some(f.value(case, "df")));
    }
}

#[test]
fn linear_trend_matches_ols() {
    let f = Fixture::parse(REGRESSION);
    let pts = f.points("data", "y");
    let s = series(&pts, Bounds::NONE);
    let lin = LinearTrend::new().fit(&s).unwrap();
    println!();
    check(
        "linear: coefficients",
        &[lin.intercept(), lin.slope()],
        &f.values("linear", "coef"),
        1e-12,
    );
    let (sa, sb) = lin.standard_errors().unwrap();
    check(
        "linear: standard errors",
        &[sa, sb],
        &f.values("linear", "se"),
        1e-12,
    );
    let fit = Fit::from(lin);
    check(
        "linear: RSS",
        &[fit.sse()],
        &[f.value("linear", "rss")],
        1e-10,
    );
    check(
        "linear: fitted values",
        &fitted(&fit, &s),
        &f.values("linear", "fitted"),
        1e-12,
    );
    check_predictions(&f, "linear", &fit, Bounds::NONE, 1e-12);
}

#[test]
fn cubic_trend_matches_ols() {
    let f = Fixture::parse(REGRESSION);
    let pts = f.points("cubic", "y");
    let s = series(&pts, Bounds::NONE);
    let cubic = PolynomialTrend::new(3).unwrap().fit(&s).unwrap();
    println!();
    assert!((cubic.centre() - f.value("cubic", "centre")).abs() < 1e-15);
    let mut coef = [0.0; 4];
    assert_eq!(cubic.coefficients_into(&mut coef).unwrap(), 4);
    check(
        "cubic: coefficients about the centre",
        &coef,
        &f.values("cubic", "coef"),
        1e-12,
    );
    let fit = Fit::from(cubic);
    check(
        "cubic: RSS",
        &[fit.sse()],
        &[f.value("cubic", "rss")],
        1e-10,
    );
    check(
        "cubic: fitted values",
        &fitted(&fit, &s),
        &f.values("cubic", "fitted"),
        1e-12,
    );
    check_predictions(&f, "cubic", &fit, Bounds::NONE, 1e-12);
    assert_eq!(fit.params(), 4);
}

#[test]
fn log_linear_trend_matches_ols_on_logs() {
    let f = Fixture::parse(REGRESSION);
    let pts = f.points("loglinear", "y");
    let s = series(&pts, Bounds::NON_NEGATIVE);
    let ll = LogLinearTrend::new().fit(&s).unwrap();
    println!();
    check(
        "log-linear: coefficients of ln y",
        &[ll.intercept(), ll.slope()],
        &f.values("loglinear", "coef"),
        1e-12,
    );
    let (sa, sb) = ll.standard_errors().unwrap();
    check(
        "log-linear: standard errors",
        &[sa, sb],
        &f.values("loglinear", "se"),
        1e-12,
    );
    check(
        "log-linear: RSS of ln y",
        &[ll.log_sse()],
        &[f.value("loglinear", "rss")],
        1e-10,
    );
    let exp_fitted: Vec<f64> = f
        .values("loglinear", "fitted")
        .iter()
        .map(|v| v.exp())
        .collect();
    let fit = Fit::from(ll);
    check(
        "log-linear: fitted values exp(a + b t)",
        &fitted(&fit, &s),
        &exp_fitted,
        1e-12,
    );
    // The intervals are exp of OLS's intervals for ln y.
    check_predictions(&f, "loglinear", &fit, Bounds::NON_NEGATIVE, 1e-12);
    let p = fit.predict(f.dates("future")[0]).unwrap();
    assert_eq!(p.scale(), Scale::Log { lo: 0.0 });
    assert_eq!(fit.method(), Method::LogLinear);
}

#[test]
fn logistic_trend_matches_curve_fit() {
    let f = Fixture::parse(LOGISTIC);
    println!();
    for (case, trend) in [
        ("cap100", LogisticTrend::with_cap(100.0).unwrap()),
        ("fitted_cap", LogisticTrend::fitted_cap()),
    ] {
        let bounds = Bounds::PERCENT;
        let pts = if case == "cap100" {
            f.points("data", "y")
        } else {
            f.points(case, "y")
        };
        let s = series(&pts, bounds);
        let fit = Fit::from(trend.fit(&s).unwrap());
        let Fit::Logistic(lf) = &fit else {
            unreachable!()
        };
        let future = f.dates("future");
        let preds = predictions(&fit, &future, bounds);
        let loc: Vec<f64> = preds.iter().map(|p| p.location()).collect();
        let (point, lo, hi) = intervals(&preds, bounds);
        let (sk, sr, st) = lf.standard_errors();
        let se: Vec<f64> = if lf.cap_fitted() {
            vec![sk, sr, st]
        } else {
            vec![sr, st]
        };
        // Against the minimum to 50 digits, then against curve_fit's result.
        for (reference, tol, tol_se) in [
            (format!("{case}_minimum"), 1e-11, 1e-9),
            (case.to_string(), 1e-8, 1e-7),
        ] {
            let r = reference.as_str();
            check(
                &format!("{r}: K, r, t₀"),
                &[lf.cap(), lf.rate(), lf.midpoint()],
                &[
                    f.value(r, "cap"),
                    f.value(r, "rate"),
                    f.value(r, "midpoint"),
                ],
                tol,
            );
            check(
                &format!("{r}: standard errors"),
                &se,
                &f.values(r, "se"),
                tol_se,
            );
            check(
                &format!("{r}: SSE"),
                &[fit.sse()],
                &[f.value(r, "sse")],
                tol,
            );
            check(
                &format!("{r}: fitted values"),
                &fitted(&fit, &s),
                &f.values(r, "fitted"),
                tol,
            );
            check(
                &format!("{r}: logit location r (t − t₀)"),
                &loc,
                &f.values(r, "pred_location"),
                tol,
            );
            check(
                &format!("{r}: prediction"),
                &point,
                &f.values(r, "pred_point"),
                tol,
            );
            check(
                &format!("{r}: 95 % interval, lower end"),
                &lo,
                &f.values(r, "pred_lo"),
                tol,
            );
            check(
                &format!("{r}: 95 % interval, upper end"),
                &hi,
                &f.values(r, "pred_hi"),
                tol,
            );
        }
    }
}
