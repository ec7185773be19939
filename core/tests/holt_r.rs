//! Holt's linear and damped trends against R `forecast`'s fits of the same
//! models to public series (`fixtures/holt_r.csv`, written by
//! `fixtures/gen_holt_r.R`): AirPassengers (monthly), fpp2's ausair,
//! oil and livestock (yearly), dated as calendar months and years.
//!
//! - With R's parameters and starting states given, the recursion is R's:
//!   fitted values and SSE agree to 1e-10 relative (measured: 1e-14), which
//!   shows that calendar dates make one step each.
//! - Fitted, the SSE is at or below R's for the same model (ETS(A,A,N) and
//!   ETS(A,Ad,N), states fitted): R's optimum lies inside our bounds, and our
//!   search must find a point at least as good. Likewise with R's fitted
//!   starting states given and only the smoothing parameters fitted.
//! - `holt(initial = "simple")` takes the level `y₀` and the trend `y₁ − y₀`
//!   as known states one step before the first observation: given those and
//!   R's α and β, the SSE agrees to 1e-10; with α and β fitted, it is at or
//!   below R's. R searches α and β in [0, 1] and can stop at α = 1, just
//!   outside our [`SMOOTHING_RANGE`]: there the SSE may exceed R's by 1e-4
//!   relative at most.
//!
//! Run with `-- --nocapture` for the table.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{check, series, Fixture};
use dxcast_core::trend::{Holt, HoltFit, SMOOTHING_RANGE};
use dxcast_core::{Bounds, Point};

const FIXTURE: &str = include_str!("fixtures/holt_r.csv");
const SERIES: [&str; 5] = [
    "airpassengers",
    "ausair",
    "ausair_1990_2004",
    "oil",
    "livestock",
];

fn points(f: &Fixture, name: &str) -> Vec<Point> {
    f.dates(name)
        .into_iter()
        .zip(f.values(name, "y"))
        .map(|(d, y)| Point::new(d, y))
        .collect()
}

fn fitted(fit: &HoltFit, pts: &[Point]) -> Vec<f64> {
    let mut out = vec![0.0; pts.len()];
    fit.fitted_into(&series(pts, Bounds::NONE), &mut out)
        .unwrap();
    out
}

fn forecasts(fit: &HoltFit, n: usize) -> Vec<f64> {
    (1..=n).map(|h| fit.forecast_steps(h as f64)).collect()
}

#[test]
fn given_r_parameters_reproduce_r() {
    let f = Fixture::parse(FIXTURE);
    println!();
    for name in SERIES {
        let pts = points(&f, name);
        let s = series(&pts, Bounds::NONE);
        for model in ["holt", "damped"] {
            let case = format!("{name}/{model}");
            let v = |q: &str| f.value(&case, q);
            let mut h = Holt::with_params(v("alpha"), v("beta"))
                .unwrap()
                .with_initial(v("l0"), v("b0"))
                .unwrap();
            if model == "damped" {
                h = h.with_damping(v("phi")).unwrap();
            }
            let fit = h.fit(&s).unwrap();
            assert_eq!(
                fit.step_months(),
                Some(if name == "airpassengers" { 1 } else { 12 })
            );
            check(
                &format!("{case}: fitted values"),
                &fitted(&fit, &pts),
                &f.values(&case, "fitted"),
                1e-10,
            );
            check(&format!("{case}: SSE"), &[fit.sse()], &[v("sse")], 1e-10);
            check(
                &format!("{case}: forecasts"),
                &forecasts(&fit, 10),
                &f.values(&case, "forecast"),
                1e-10,
            );
        }
    }
}

#[test]
fn fitted_sse_is_at_most_rs() {
    let f = Fixture::parse(FIXTURE);
    println!();
    println!(
        "{:<28} {:>16} {:>16} {:>10}  ours α, β, φ",
        "series/model", "R's SSE", "ours", "ours/R"
    );
    for name in SERIES {
        let pts = points(&f, name);
        let s = series(&pts, Bounds::NONE);
        for model in ["holt", "damped"] {
            let case = format!("{name}/{model}");
            let v = |q: &str| f.value(&case, q);
            let r = v("sse");
            let damp = |h: Holt| if model == "damped" { h.damped() } else { h };
            // States and parameters fitted, as R's ets.
            let fit = damp(Holt::new()).fit(&s).unwrap();
            println!(
                "{case:<28} {r:>16.6} {:>16.6} {:>10.6}  {:.6}, {:.6}, {:.4}",
                fit.sse(),
                fit.sse() / r,
                fit.alpha(),
                fit.beta(),
                fit.phi()
            );
            assert!(fit.sse() <= r, "{case}: SSE {} above R's {r}", fit.sse());
            assert_eq!(fit.df(), pts.len() - if model == "damped" { 5 } else { 4 });
            // R's starting states given, the smoothing parameters fitted.
            let known = damp(Holt::new().with_initial(v("l0"), v("b0")).unwrap())
                .fit(&s)
                .unwrap();
            println!(
                "{:<28} {r:>16.6} {:>16.6} {:>10.6}",
                format!("  R's states given"),
                known.sse(),
                known.sse() / r
            );
            assert!(
                known.sse() <= r,
                "{case}, R's states: SSE {} above R's {r}",
                known.sse()
            );
        }
        // R's "simple" start: level y₀ and trend y₁ − y₀ one step before the
        // first observation, as known states.
        let case = format!("{name}/holt_simple");
        let r = f.value(&case, "sse");
        let (alpha, beta) = (f.value(&case, "alpha"), f.value(&case, "beta"));
        let simple = Holt::new()
            .with_initial(pts[0].value, pts[1].value - pts[0].value)
            .unwrap();
        let given = Holt::with_params(alpha, beta)
            .unwrap()
            .with_initial(pts[0].value, pts[1].value - pts[0].value)
            .unwrap()
            .fit(&s)
            .unwrap();
        check(
            &format!("{case}: SSE at R's α, β"),
            &[given.sse()],
            &[r],
            1e-10,
        );
        let fit = simple.fit(&s).unwrap();
        let inside = [alpha, beta]
            .iter()
            .all(|v| (SMOOTHING_RANGE.0..=SMOOTHING_RANGE.1).contains(v));
        println!(
            "{case:<28} {r:>16.6} {:>16.6} {:>10.6}  R's α {alpha:.4} β {beta:.4}",
            fit.sse(),
            fit.sse() / r
        );
        if inside {
            assert!(fit.sse() <= r, "{case}: SSE {} above R's {r}", fit.sse());
        } else {
            assert!(
                fit.sse() <= r * (1.0 + 1e-4),
                "{case}: {} vs {r}",
                fit.sse()
            );
        }
    }
}
