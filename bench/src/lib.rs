//! Workloads and a timer for the side-by-side benchmark
//! (`benches/side_by_side.rs`, run by `cargo xtask bench`).
//!
//! The timer runs the contenders of a workload in interleaved rounds (A then
//! B, then B then A, …) in one process, so that a busy machine slows both
//! alike, and reports the fastest round's time per call: on a shared
//! machine other work only ever adds time, so the fastest round is the
//! closest to the code's own cost.

use std::hint::black_box;
use std::time::Instant;

use dxcast_core::choice::choose;
use dxcast_core::forecast::{ForecastPoint, Horizon, Step};
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::{Date, Fitted, MeasureKind, Method, ModelSpec, Point, Series, Subject, Unit};

/// AirPassengers: monthly totals of international airline passengers,
/// thousands, January 1949 to December 1960 (Box and Jenkins; R's
/// `datasets::AirPassengers`).
pub const AIR_PASSENGERS: [f64; 144] = [
    112.0, 118.0, 132.0, 129.0, 121.0, 135.0, 148.0, 148.0, 136.0, 119.0, 104.0, 118.0, 115.0,
    126.0, 141.0, 135.0, 125.0, 149.0, 170.0, 170.0, 158.0, 133.0, 114.0, 140.0, 145.0, 150.0,
    178.0, 163.0, 172.0, 178.0, 199.0, 199.0, 184.0, 162.0, 146.0, 166.0, 171.0, 180.0, 193.0,
    181.0, 183.0, 218.0, 230.0, 242.0, 209.0, 191.0, 172.0, 194.0, 196.0, 196.0, 236.0, 235.0,
    229.0, 243.0, 264.0, 272.0, 237.0, 211.0, 180.0, 201.0, 204.0, 188.0, 235.0, 227.0, 234.0,
    264.0, 302.0, 293.0, 259.0, 229.0, 203.0, 229.0, 242.0, 233.0, 267.0, 269.0, 270.0, 315.0,
    364.0, 347.0, 312.0, 274.0, 237.0, 278.0, 284.0, 277.0, 317.0, 313.0, 318.0, 374.0, 413.0,
    405.0, 355.0, 306.0, 271.0, 306.0, 315.0, 301.0, 356.0, 348.0, 355.0, 422.0, 465.0, 467.0,
    404.0, 347.0, 305.0, 336.0, 340.0, 318.0, 362.0, 348.0, 363.0, 435.0, 491.0, 505.0, 404.0,
    359.0, 310.0, 337.0, 360.0, 342.0, 406.0, 396.0, 420.0, 472.0, 548.0, 559.0, 463.0, 407.0,
    362.0, 405.0, 417.0, 391.0, 419.0, 461.0, 472.0, 535.0, 622.0, 606.0, 508.0, 461.0, 390.0,
    432.0,
];

/// The forecast horizon of every workload, in months.
pub const HORIZON: usize = 24;
/// The confidence level of every interval.
pub const LEVEL: f64 = 0.95;

/// AirPassengers on calendar dates: the 1st of each month from January 1949.
///
/// # Panics
///
/// Never: the dates are in range.
#[must_use]
pub fn air_passengers() -> Vec<Point> {
    let d0 = Date::from_ymd(1949, 1, 1).expect("a valid date");
    AIR_PASSENGERS
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let months = i32::try_from(k).expect("144 months");
            Point::new(d0.add_months(months).expect("in range"), *v)
        })
        .collect()
}

/// AirPassengers' subject: a count.
#[must_use]
pub fn subject() -> Subject {
    Subject::of_kind(MeasureKind::Stock, Unit::Count)
}

/// The forecast of `fitted` for the next [`HORIZON`] months with intervals.
///
/// # Panics
///
/// When the forecast fails (it does not on these data).
pub fn forecast(fitted: &Fitted, out: &mut [ForecastPoint; HORIZON]) -> usize {
    let horizon = Horizon::After {
        start: fitted.latest().date,
        step: Step::Months(1),
        count: HORIZON,
    };
    fitted
        .forecast_into(horizon, LEVEL, out)
        .expect("a forecast")
}

/// Fits `method` to `points` and forecasts [`HORIZON`] months with intervals.
///
/// # Panics
///
/// When the fit fails (it does not on these data).
#[must_use]
pub fn fit_and_forecast(points: &[Point], method: Method) -> (Fitted, [ForecastPoint; HORIZON]) {
    let series = Series::new(points, subject()).expect("a valid series");
    let fitted = ModelSpec::new(method)
        .model()
        .and_then(|m| m.fit(&series))
        .expect("a fit");
    let mut out = [ForecastPoint::default(); HORIZON];
    forecast(&fitted, &mut out);
    (fitted, out)
}

/// Chooses a method for `points`, and forecasts [`HORIZON`] months with the
/// recommended one, already fitted by the choice.
///
/// # Panics
///
/// When the choice fails (it does not on these data).
#[must_use]
pub fn choose_and_forecast(points: &[Point]) -> (Fitted, [ForecastPoint; HORIZON]) {
    let series = Series::new(points, subject()).expect("a valid series");
    let choice = choose(&series).expect("a choice");
    let fitted = choice.best().expect("a method").fitted;
    let mut out = [ForecastPoint::default(); HORIZON];
    forecast(&fitted, &mut out);
    (fitted, out)
}

/// `n` points for least squares: `x` uniform in [0, 10] and `y` a line
/// `3 + 2x` plus noise of standard deviation 1, or a cubic in `u = x/5 − 1`
/// plus a tenth of that, from a fixed pseudo-random sequence (xorshift).
#[must_use]
pub fn regression_data(n: usize, cubic: bool) -> (Vec<f64>, Vec<f64>) {
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    let mut uniform = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // The top 53 bits as a fraction: exact.
        #[allow(clippy::cast_precision_loss)]
        {
            (state >> 11) as f64 / (1u64 << 53) as f64
        }
    };
    let x: Vec<f64> = (0..n).map(|_| 10.0 * uniform()).collect();
    let y = x
        .iter()
        .map(|x| {
            // The sum of 12 uniforms less 6: mean 0, variance 1.
            let e: f64 = (0..12).map(|_| uniform()).sum::<f64>() - 6.0;
            if cubic {
                let u = x / 5.0 - 1.0;
                5.0 + 2.0 * u - u * u + 0.5 * u * u * u + 0.1 * e
            } else {
                3.0 + 2.0 * x + e
            }
        })
        .collect();
    (x, y)
}

/// The bare pass least squares is compared with: the sums of `x`, `y`,
/// `xy` and `xx` a line's normal equations need.
#[must_use]
pub fn bare_pass(x: &[f64], y: &[f64]) -> [f64; 4] {
    let (mut sx, mut sy, mut sxy, mut sxx) = (0.0, 0.0, 0.0, 0.0);
    for (x, y) in x.iter().zip(y) {
        sx += x;
        sy += y;
        sxy += x * y;
        sxx += x * x;
    }
    [sx, sy, sxy, sxx]
}

/// The least-squares line through `(x, y)`, rows handed over one at a time.
///
/// # Panics
///
/// When the fit fails (it does not on these data).
#[must_use]
pub fn line(x: &[f64], y: &[f64]) -> LeastSquares {
    LeastSquares::fit_with(y.len(), 2, true, |i, row| {
        if let [one, t] = row {
            *one = 1.0;
            *t = x.get(i).copied().unwrap_or(0.0);
        }
        y.get(i).copied().unwrap_or(0.0)
    })
    .expect("a line")
}

/// The least-squares cubic in `u = x/5 − 1`.
///
/// # Panics
///
/// When the fit fails (it does not on these data).
#[must_use]
pub fn cubic(x: &[f64], y: &[f64]) -> LeastSquares {
    LeastSquares::fit_with(y.len(), 4, true, |i, row| {
        let u = x.get(i).copied().unwrap_or(0.0) / 5.0 - 1.0;
        if let [one, u1, u2, u3] = row {
            *one = 1.0;
            *u1 = u;
            *u2 = u * u;
            *u3 = u * u * u;
        }
        y.get(i).copied().unwrap_or(0.0)
    })
    .expect("a cubic")
}

/// The median of `values` (sorted in place).
#[must_use]
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        0.5 * (values[n / 2 - 1] + values[n / 2])
    }
}

/// Seconds per call of `f`, over `calls` calls.
pub fn per_call<R>(calls: u32, f: &mut dyn FnMut() -> R) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        black_box(f());
    }
    start.elapsed().as_secs_f64() / f64::from(calls)
}

/// Times two or more contenders in `rounds` interleaved rounds, each call
/// repeated enough to last about `target` seconds per round, and returns the
/// fastest round's seconds per call of each.
pub fn interleaved(rounds: usize, target: f64, contenders: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    // Calibrate: calls per round for each contender.
    let calls: Vec<u32> = contenders
        .iter_mut()
        .map(|f| {
            let one = per_call(3, &mut **f).max(1e-9);
            // At least 3 calls, at most 10^7.
            let n = (target / one).clamp(3.0, 1e7);
            // In range: a whole number from 3 to 10^7.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                n as u32
            }
        })
        .collect();
    let mut times = vec![Vec::with_capacity(rounds); contenders.len()];
    for round in 0..rounds {
        let k = contenders.len();
        for j in 0..k {
            // Alternate the order from round to round.
            let i = if round % 2 == 0 { j } else { k - 1 - j };
            let t = per_call(calls[i], &mut *contenders[i]);
            times[i].push(t);
        }
    }
    times
        .iter()
        .map(|t| t.iter().copied().fold(f64::INFINITY, f64::min))
        .collect()
}

/// A duration in the unit that suits it.
#[must_use]
pub fn show(seconds: f64) -> String {
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else if seconds >= 1e-6 {
        format!("{:.1} µs", seconds * 1e6)
    } else {
        format!("{:.0} ns", seconds * 1e9)
    }
}
