//! The core beside augurs-ets 0.10.3 on AirPassengers (monthly, dated the
//! 1st of each month): Holt's linear and damped trends against ETS(A,A,N)
//! and ETS(A,Ad,N), and method choice against AutoETS, each a fit and a
//! 24-month forecast with 95 % intervals; and least squares at 10⁶ rows (a
//! line and a cubic) against a bare pass summing what a line's normal
//! equations need. One process, interleaved rounds; it prints times, ratios
//! and each model's SSE, and checks nothing. Each workload also prints a
//! line `RESULT name contender=seconds …` for `cargo xtask bench`.
//!
//! `cargo xtask bench` runs it natively and in wasm32-wasip1 (Node) and
//! compares the two; `cargo bench -p dxcast-bench` runs it natively alone.
//! Options after `--`: `--rounds N` (default 15), `--target SECONDS` per
//! round and contender (default 0.05), `--only NAME,…` (workloads:
//! `damped_holt`, `holt`, `choice`, `lstsq`). `--calls N --side dxcast|augurs --only NAME`
//! runs one side of one workload N times without timing, for an instruction
//! counter (`valgrind --tool=callgrind`, N and 2N calls subtracted).

use std::hint::black_box;

use augurs_core::{Fit, Predict};
use augurs_ets::model::{ErrorComponent, ModelType, SeasonalComponent, TrendComponent, Unfit};
use augurs_ets::AutoETS;
use dxcast_bench::{
    air_passengers, bare_pass, choose_and_forecast, cubic, fit_and_forecast, interleaved, line,
    regression_data, show, AIR_PASSENGERS, HORIZON, LEVEL,
};
use dxcast_core::Method;

fn augurs_fit(damped: bool) -> augurs_ets::model::Model {
    Unfit::new(ModelType {
        error: ErrorComponent::Additive,
        trend: TrendComponent::Additive,
        season: SeasonalComponent::None,
    })
    .damped(damped)
    .fit(&AIR_PASSENGERS)
    .expect("augurs fits")
}

fn augurs_forecast(model: &augurs_ets::model::Model) -> augurs_core::Forecast {
    model.predict(HORIZON, LEVEL).expect("augurs forecasts")
}

struct Options {
    rounds: usize,
    target: f64,
    only: Option<String>,
    calls: Option<u32>,
    side: String,
}

fn options() -> Options {
    let mut o = Options {
        rounds: 15,
        target: 0.05,
        only: None,
        calls: None,
        side: "dxcast".into(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => o.rounds = it.next().and_then(|v| v.parse().ok()).unwrap_or(o.rounds),
            "--target" => o.target = it.next().and_then(|v| v.parse().ok()).unwrap_or(o.target),
            "--only" => o.only = it.next().cloned(),
            "--calls" => o.calls = it.next().and_then(|v| v.parse().ok()),
            "--side" => o.side = it.next().cloned().unwrap_or_default(),
            _ => {}
        }
    }
    o
}

/// Runs one side of one workload `calls` times.
fn count(o: &Options, calls: u32) {
    let pts = air_passengers();
    let only = o.only.as_deref().unwrap_or("damped_holt");
    let ours = o.side == "dxcast";
    for _ in 0..calls {
        match (only, ours) {
            ("damped_holt", true) => drop(black_box(fit_and_forecast(&pts, Method::DampedHolt))),
            ("holt", true) => drop(black_box(fit_and_forecast(&pts, Method::Holt))),
            ("choice", true) => drop(black_box(choose_and_forecast(&pts))),
            ("damped_holt", false) => drop(black_box(augurs_forecast(&augurs_fit(true)))),
            ("holt", false) => drop(black_box(augurs_forecast(&augurs_fit(false)))),
            ("choice", false) => {
                let m = AutoETS::non_seasonal()
                    .fit(&AIR_PASSENGERS)
                    .expect("AutoETS fits");
                drop(black_box(m.predict(HORIZON, LEVEL).expect("a forecast")));
            }
            _ => {}
        }
    }
}

fn main() {
    let o = options();
    if let Some(calls) = o.calls {
        count(&o, calls);
        return;
    }
    let pts = air_passengers();
    let n = AIR_PASSENGERS.len() as f64;
    println!(
        "{:<44} {:>10} {:>10} {:>7}  {:>12} {:>12}",
        "workload (AirPassengers, fit + 24 months)",
        "dxcast",
        "augurs",
        "ratio",
        "SSE dxcast",
        "SSE augurs"
    );
    // `--only a,b`: those workloads, by their exact names.
    let wanted = |name: &str| {
        o.only
            .as_deref()
            .is_none_or(|w| w.split(',').any(|x| x == name))
    };

    for (name, method, damped) in [
        ("damped_holt", Method::DampedHolt, true),
        ("holt", Method::Holt, false),
    ] {
        if !wanted(name) {
            continue;
        }
        let ours = &mut || {
            black_box(fit_and_forecast(black_box(&pts), method));
        };
        let theirs = &mut || {
            let m = augurs_fit(damped);
            black_box(augurs_forecast(&m));
        };
        let t = interleaved(o.rounds, o.target, &mut [ours, theirs]);
        let (fitted, _) = fit_and_forecast(&pts, method);
        let sse_augurs = augurs_fit(damped).mse() * n;
        let label = if damped {
            "damped Holt vs ETS(A,Ad,N)"
        } else {
            "Holt vs ETS(A,A,N)"
        };
        println!(
            "{label:<44} {:>10} {:>10} {:>7.3}  {:>12.3} {:>12.3}",
            show(t[0]),
            show(t[1]),
            t[0] / t[1],
            fitted.sse(),
            sse_augurs
        );
        println!("RESULT {name} dxcast={:.6e} augurs={:.6e}", t[0], t[1]);
    }

    if wanted("choice") {
        let ours = &mut || {
            black_box(choose_and_forecast(black_box(&pts)));
        };
        let theirs = &mut || {
            let m = AutoETS::non_seasonal()
                .fit(&AIR_PASSENGERS)
                .expect("AutoETS fits");
            black_box(m.predict(HORIZON, LEVEL).expect("a forecast"));
        };
        let t = interleaved(o.rounds, o.target, &mut [ours, theirs]);
        let (fitted, _) = choose_and_forecast(&pts);
        let auto = AutoETS::non_seasonal()
            .fit(&AIR_PASSENGERS)
            .expect("AutoETS fits");
        let model = auto.model();
        println!(
            "{:<44} {:>10} {:>10} {:>7.3}  {:>12.3} {:>12.3}",
            format!(
                "choice ({}) vs AutoETS ({:?})",
                fitted.method().code(),
                model.model_type().trend
            ),
            show(t[0]),
            show(t[1]),
            t[0] / t[1],
            fitted.sse(),
            model.mse() * n
        );
        println!("RESULT choice dxcast={:.6e} augurs={:.6e}", t[0], t[1]);
    }

    if wanted("lstsq") {
        const ROWS: usize = 1_000_000;
        let (x, y) = regression_data(ROWS, false);
        let (_, yc) = regression_data(ROWS, true);
        let bare = &mut || {
            black_box(bare_pass(black_box(&x), black_box(&y)));
        };
        let fit_line = &mut || {
            black_box(line(black_box(&x), black_box(&y)));
        };
        let fit_cubic = &mut || {
            black_box(cubic(black_box(&x), black_box(&yc)));
        };
        let t = interleaved(o.rounds, o.target, &mut [bare, fit_line, fit_cubic]);
        #[allow(clippy::cast_precision_loss)]
        let per_row = |s: f64| s / ROWS as f64 * 1e9;
        println!();
        println!(
            "{:<44} {:>10} {:>10} {:>7}",
            "least squares, 10⁶ rows", "ns/row", "time", "× bare"
        );
        for (name, k) in [
            ("bare pass (sums of x, y, xy, xx)", 0),
            ("line", 1),
            ("cubic", 2),
        ] {
            println!(
                "{name:<44} {:>10.2} {:>10} {:>7.2}",
                per_row(t[k]),
                show(t[k]),
                t[k] / t[0]
            );
        }
        println!(
            "RESULT lstsq bare={:.6e} line={:.6e} cubic={:.6e}",
            t[0], t[1], t[2]
        );
    }
}
