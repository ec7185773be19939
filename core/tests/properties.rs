#![cfg(not(target_arch = "wasm32"))]
//! Properties of the methods on random inputs (native only: proptest).
//!
//! - Fitting an exact line, exponential or logistic curve on random
//!   irregular dates recovers its parameters.
//! - Intervals contain the point forecast and widen with the horizon (on the
//!   working scale).
//! - Forecasts of shares stay within 0–100.
//! - No input of floats, finite or not, makes a public function panic: each
//!   returns an error or a value.

use dxcast_core::dist::{
    normal_cdf, normal_quantile, student_t_cdf, student_t_pdf, student_t_quantile,
};
use dxcast_core::forecast::{forecast_into, ForecastPoint, Horizon, Step};
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::optimize::NelderMead;
use dxcast_core::trend::{
    variance_factor, Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend,
};
use dxcast_core::{Bounds, Date, Point, Prediction, Scale, Series};
use dxcast_core::{Fit, Model};
use dxcast_core::{MeasureKind, Subject, Unit};
use proptest::prelude::*;

fn base() -> Date {
    Date::from_ymd(2020, 1, 1).unwrap()
}

/// Increasing day offsets from 0: `n` dates with gaps of 1 to `max_gap` days.
fn offsets(n: std::ops::Range<usize>, max_gap: i32) -> impl Strategy<Value = Vec<i32>> {
    prop::collection::vec(1..=max_gap, n).prop_map(|gaps| {
        let mut out = vec![0];
        for g in gaps {
            out.push(out.last().unwrap() + g);
        }
        out
    })
}

fn points(offsets: &[i32], f: impl Fn(f64) -> f64) -> Vec<Point> {
    offsets
        .iter()
        .map(|&d| {
            let date = base().add_days(d).unwrap();
            Point::new(date, f(f64::from(d) / 365.2425))
        })
        .collect()
}

/// Any float, with the awkward ones over-represented.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => any::<f64>(),
        2 => -1e3..1e3f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN),
        1 => Just(f64::MIN_POSITIVE),
        1 => Just(5e-324),
        1 => Just(1e300),
        1 => Just(-1e-300),
        1 => 0.0..1.0f64,
    ]
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + b.abs())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exact_lines_are_recovered(
        a in -1e4..1e4f64,
        b in -500.0..500.0f64,
        days in offsets(3..40, 400),
    ) {
        let pts = points(&days, |t| a + b * t);
        let s = Series::new(&pts, Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds: Bounds::NONE }).unwrap();
        let fit = LinearTrend::new().fit(&s).unwrap();
        prop_assert!(close(fit.intercept(), a, 1e-9), "{} vs {a}", fit.intercept());
        prop_assert!(close(fit.slope(), b, 1e-9), "{} vs {b}", fit.slope());
        // Holt with any weights, without damping, from the first two points.
        let holt = Holt::with_params(0.37, 0.61).unwrap().fit(&s).unwrap();
        let future = s.last().date.add_days(100).unwrap();
        let truth = a + b * f64::from(days.last().unwrap() + 100) / 365.2425;
        prop_assert!(close(holt.predict(future).unwrap().point(), truth, 1e-8));
        // A quadratic trend finds no curvature.
        if days.len() >= 4 {
            let q = PolynomialTrend::new(2).unwrap().fit(&s).unwrap();
            let mut c = [0.0; 3];
            q.coefficients_into(&mut c).unwrap();
            prop_assert!(c[2].abs() <= 1e-7 * (1.0 + a.abs() + b.abs()), "{c:?}");
        }
    }

    #[test]
    fn exact_exponentials_are_recovered(
        scale in 1.0..1e6f64,
        rate in -1.0..1.5f64,
        days in offsets(3..30, 300),
    ) {
        let pts = points(&days, |t| scale * (rate * t).exp());
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let fit = LogLinearTrend::new().fit(&s).unwrap();
        prop_assert!(close(fit.intercept(), scale.ln(), 1e-10));
        prop_assert!(close(fit.slope(), rate, 1e-10));
        prop_assert!(close(fit.growth_per_year(), rate.exp_m1(), 1e-10));
    }

    #[test]
    fn exact_logistics_are_recovered(
        cap in 50.0..1000.0f64,
        rate in 0.3..3.0f64,
        mid in 1.0..4.0f64,
        n in 6usize..30,
    ) {
        // Dates spread over 0–5 years, so the data see both sides of t₀.
        let days: Vec<i32> = (0..n).map(|k| (k as f64 * 5.0 * 365.0 / (n - 1) as f64).round() as i32).collect();
        let pts = points(&days, |t| cap / (1.0 + (-rate * (t - mid)).exp()));
        prop_assume!(pts.iter().all(|p| p.value > 0.0 && p.value < cap * (1.0 - 1e-9)));
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
        let given = LogisticTrend::with_cap(cap).unwrap().fit(&s).unwrap();
        prop_assert!(close(given.rate(), rate, 1e-8), "{} vs {rate}", given.rate());
        prop_assert!(close(given.midpoint(), mid, 1e-8));
        let free = LogisticTrend::fitted_cap().fit(&s).unwrap();
        prop_assert!(close(free.cap(), cap, 1e-6), "{} vs {cap}", free.cap());
        prop_assert!(close(free.rate(), rate, 1e-6));
        prop_assert!(close(free.midpoint(), mid, 1e-6));
    }

    #[test]
    fn intervals_contain_the_point_and_widen(
        a in 10.0..1e3f64,
        b in -5.0..50.0f64,
        noise in prop::collection::vec(-1.0..1.0f64, 40),
        days in offsets(8..40, 120),
        level in 0.5..0.999f64,
    ) {
        let pts = points(&days, |t| a + b * t);
        let pts: Vec<Point> = pts
            .iter()
            .zip(&noise)
            .map(|(p, e)| Point::new(p.date, p.value * (1.0 + 0.05 * e)))
            .collect();
        let s = Series::new(&pts, Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds: Bounds::NONE }).unwrap();
        let models = [
            Model::Linear(LinearTrend::new()),
            Model::LogLinear(LogLinearTrend::new()),
            Model::Holt(Holt::new()),
            Model::Holt(Holt::with_params(0.5, 0.2).unwrap().with_damping(0.9).unwrap()),
        ];
        for model in models {
            let Ok(fit) = model.fit(&s) else { continue };
            let mut prev_se = 0.0;
            let mut prev_width = 0.0;
            for k in 1..=12 {
                let date = s.last().date.add_days(30 * k).unwrap();
                let p = fit.predict(date).unwrap();
                let (lo, hi) = p.interval(level, Bounds::NONE).unwrap();
                let (lo, hi) = (lo.unwrap(), hi.unwrap());
                prop_assert!(lo <= p.point() && p.point() <= hi);
                let se = p.se().unwrap();
                prop_assert!(se >= prev_se * (1.0 - 1e-12), "{:?} step {k}", fit.method());
                if p.scale() == Scale::Identity {
                    prop_assert!(hi - lo >= prev_width * (1.0 - 1e-12));
                    prev_width = hi - lo;
                }
                prev_se = se;
            }
        }
    }

    #[test]
    fn variance_factor_grows_with_the_horizon(
        alpha in 0.0..1.0f64,
        beta in 0.0..1.0f64,
        phi in 0.8..0.999f64,
    ) {
        let mut prev = (1.0, 1.0);
        for k in 0..200 {
            let h = 1.0 + f64::from(k) * 0.25;
            let v = (variance_factor(alpha, beta, None, h), variance_factor(alpha, beta, Some(phi), h));
            prop_assert!(v.0 >= prev.0 * (1.0 - 1e-12) && v.1 >= prev.1 * (1.0 - 1e-12));
            prev = v;
        }
    }

    #[test]
    fn shares_stay_within_0_and_100(
        start in 1.0..99.0f64,
        drift in -20.0..20.0f64,
        noise in prop::collection::vec(-3.0..3.0f64, 40),
        days in offsets(6..40, 200),
    ) {
        let pts: Vec<Point> = points(&days, |t| start + drift * t)
            .iter()
            .zip(&noise)
            .map(|(p, e)| Point::new(p.date, (p.value + e).clamp(0.5, 99.5)))
            .collect();
        let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
        let models = [
            Model::Linear(LinearTrend::new()),
            Model::Polynomial(PolynomialTrend::new(2).unwrap()),
            Model::LogLinear(LogLinearTrend::new()),
            Model::Logistic(LogisticTrend::for_bounds(Bounds::PERCENT)),
            Model::Holt(Holt::new()),
            Model::Holt(Holt::new().damped()),
        ];
        let mut out = [ForecastPoint::default(); 20];
        for model in models {
            let Ok(fit) = model.fit(&s) else { continue };
            let horizon = Horizon::After { start: s.last().date, step: Step::Months(6), count: 20 };
            let n = forecast_into(&fit, horizon, 0.95, &mut out).unwrap();
            for p in &out[..n] {
                let (lo, hi) = (p.lo.unwrap(), p.hi.unwrap());
                prop_assert!(0.0 <= lo && lo <= p.point && p.point <= hi && hi <= 100.0,
                    "{:?}: {p:?}", fit.method());
                let pa = p.prediction.probability_at_least(50.0, Bounds::PERCENT).unwrap().unwrap();
                prop_assert!((0.0..=1.0).contains(&pa));
            }
        }
    }

    #[test]
    fn distributions_never_panic(x in any_float(), p in any_float(), nu in any_float()) {
        let _ = normal_cdf(x);
        let _ = normal_quantile(p);
        for v in [student_t_cdf(x, nu), student_t_pdf(x, nu), student_t_quantile(p, nu)]
            .into_iter()
            .flatten()
        {
            prop_assert!(!v.is_nan(), "x {x} p {p} nu {nu}");
        }
        if let Ok(c) = student_t_cdf(x, nu) {
            prop_assert!((0.0..=1.0).contains(&c));
        }
    }

    #[test]
    fn predictions_never_panic(
        loc in any_float(),
        se in any_float(),
        df in any_float(),
        lo in any_float(),
        hi in any_float(),
        level in any_float(),
        x in any_float(),
        kind in 0usize..4,
    ) {
        let scale = match kind {
            0 => Scale::Identity,
            1 => Scale::Log { lo },
            2 => Scale::ReflectedLog { hi },
            _ => Scale::Logit { lo, hi },
        };
        let bounds = [
            Bounds::NONE,
            Bounds::PERCENT,
            Bounds::NON_NEGATIVE,
            Bounds { min: Some(lo), max: Some(hi) },
            Bounds { min: None, max: Some(hi) },
        ];
        if let Ok(p) = Prediction::new(loc, se, df, scale) {
            let _ = p.point();
            for b in bounds {
                if let Ok((a, z)) = p.interval(level, b) {
                    prop_assert!(a.is_none_or(f64::is_finite) && z.is_none_or(f64::is_finite));
                    if let (Some(a), Some(z)) = (a, z) {
                        prop_assert!(a <= z);
                    }
                }
                for q in [p.probability_at_least(x, b), p.probability_at_most(x, b)] {
                    if let Ok(Some(q)) = q {
                        prop_assert!((0.0..=1.0).contains(&q));
                    }
                }
                if let Ok(e) = p.explain_interval(level, b) {
                    prop_assert!(e.result.is_none_or(f64::is_finite));
                    prop_assert!(e.terms.iter().all(|t| t.value.is_none_or(f64::is_finite)));
                }
                let _ = p.bounded(b);
            }
        }
        let _ = scale.forward(x);
        let _ = scale.inverse(x);
    }

    #[test]
    fn methods_never_panic(
        values in prop::collection::vec(any_float(), 1..12),
        days in offsets(1..12, 5000),
        alpha in any_float(),
        beta in any_float(),
        phi in any_float(),
        step in any_float(),
        cap in any_float(),
        degree in 0usize..14,
        at in -4_000_000i32..4_000_000,
        bounds_pick in 0usize..4,
    ) {
        let bounds = [Bounds::NONE, Bounds::PERCENT, Bounds::NON_NEGATIVE, Bounds::RANK][bounds_pick];
        let pts: Vec<Point> = days
            .iter()
            .zip(&values)
            .map(|(d, v)| Point::new(base().add_days(*d).unwrap(), *v))
            .collect();
        let subject = Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds };
        let Ok(s) = Series::new(&pts, subject) else { return Ok(()) };
        let date = Date::from_day_number(at).unwrap_or(Date::EPOCH);
        let mut models = vec![
            Model::Linear(LinearTrend::new()),
            Model::LogLinear(LogLinearTrend::new()),
            Model::Logistic(LogisticTrend::fitted_cap()),
            Model::Logistic(LogisticTrend::for_bounds(bounds)),
            Model::Holt(Holt::new()),
            Model::Holt(Holt::new().damped()),
        ];
        if let Ok(p) = PolynomialTrend::new(degree) { models.push(Model::Polynomial(p)); }
        if let Ok(l) = LogisticTrend::with_cap(cap) { models.push(Model::Logistic(l)); }
        if let Ok(h) = Holt::with_params(alpha, beta) {
            models.push(Model::Holt(h));
            if let Ok(h) = h.with_damping(phi) { models.push(Model::Holt(h)); }
            if let Ok(h) = h.with_step_days(step) { models.push(Model::Holt(h)); }
            if let Ok(h) = h.with_initial(cap, step) { models.push(Model::Holt(h)); }
        }
        let mut fitted = [0.0; 12];
        let mut out = [ForecastPoint::default(); 4];
        for m in models {
            let Ok(fit) = m.fit(&s) else { continue };
            let _ = fit.predict(date);
            if let Ok(k) = fit.fitted_into(&s, &mut fitted) {
                prop_assert!(fitted[..k].iter().all(|v| v.is_finite()), "{:?}", fit.method());
            }
            let _ = fit.fitted_into(&s, &mut fitted[..0]);
            let summary = fit.summary();
            prop_assert!(summary.residual_sd.is_none_or(f64::is_finite));
            let e = fit.explain();
            prop_assert!(e.is_ok());
            if let Ok(e) = e {
                prop_assert!(e.terms.iter().all(|t| t.value.is_none_or(f64::is_finite)));
            }
            let horizons = [
                (Horizon::After { start: date, step: Step::Days(u32::MAX), count: 4 }, alpha),
                (Horizon::Dates(&[date, s.last().date]), 0.9),
                (Horizon::After { start: s.last().date, step: Step::Months(1), count: 9 }, 0.9),
            ];
            for (h, level) in horizons {
                if let Ok(n) = forecast_into(&fit, h, level, &mut out) {
                    for p in &out[..n] {
                        prop_assert!(p.point.is_finite());
                        prop_assert!(p.lo.is_none_or(f64::is_finite) && p.hi.is_none_or(f64::is_finite));
                    }
                }
            }
            if let Fit::Logistic(l) = fit.fit() { let _ = l.midpoint_date(); }
        }
    }

    #[test]
    fn least_squares_never_panics(
        x in prop::collection::vec(any_float(), 0..24),
        y in prop::collection::vec(any_float(), 0..12),
        cols in 0usize..14,
        intercept in any::<bool>(),
        x0 in prop::collection::vec(any_float(), 0..14),
    ) {
        if let Ok(fit) = LeastSquares::fit(&x, cols, &y, intercept) {
            let _ = (fit.coefficients(), fit.standard_errors(), fit.residual_sd(), fit.r_squared());
            let _ = (fit.predict(&x0), fit.leverage(&x0));
        }
    }

    #[test]
    fn long_least_squares_never_panic_nor_return_what_is_not_finite(
        cells in prop::collection::vec(any_float(), 1..40),
        n in 0usize..700,
        cols in 1usize..12,
        stride in 1usize..50,
        intercept in any::<bool>(),
        smooth in any::<bool>(),
    ) {
        // Rows drawn from a short list of values (any of them NaN, infinite,
        // huge or tiny), or a smooth design around them; several chunks.
        let at = |k: usize| cells[k % cells.len()];
        let result = LeastSquares::fit_with(n, cols, intercept, |i, x| {
            for (j, v) in x.iter_mut().enumerate() {
                *v = if smooth {
                    let t = i as f64 / (n as f64);
                    if intercept && j == 0 { 1.0 } else { t.powi(j as i32) * at(j) }
                } else {
                    at(i * stride + j)
                };
            }
            at(i * 7 + 3)
        });
        if let Ok(fit) = result {
            prop_assert_eq!(fit.rows(), n);
            for v in fit.coefficients().iter().chain(fit.standard_errors().unwrap_or(&[])) {
                prop_assert!(v.is_finite(), "{:?}", fit);
            }
            prop_assert!(fit.rss().is_finite() && fit.residual_sd().is_none_or(f64::is_finite));
            prop_assert!(fit.r_squared().is_finite());
        }
    }

    #[test]
    fn the_optimizer_never_panics(
        start in any_float(),
        lo in any_float(),
        hi in any_float(),
        tol in any_float(),
        evals in 0u32..200,
    ) {
        let nm = NelderMead { max_evaluations: evals, x_tolerance: tol, ..NelderMead::default() };
        let _ = nm.minimize(|x| (x[0] - 0.3).powi(2), &[start], &[lo], &[hi]);
        let _ = nm.minimize(|x| if x[0] > 0.0 { f64::NAN } else { x[0] * x[1] }, &[start, start], &[lo, lo], &[hi, hi]);
    }
}
