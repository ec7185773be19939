//! Fits of every method, with given and fitted parameters, forecasts with
//! intervals, horizons and what-if scenarios: through the ABI and natively.

use dxcast_core::forecast::{forecast_into, Fit, ForecastPoint, Horizon, Predictor, Scale, Step};
use dxcast_core::scenario::{GrowthOverride, Scenario, Shock, WhatIf};
use dxcast_core::{
    Bounds, Date, Holt, LinearTrend, LogLinearTrend, LogisticTrend, MeasureKind, Model, Point,
    PolynomialTrend, Series, Unit,
};

use crate::host::*;

pub(crate) const LINEAR: u32 = 0;
pub(crate) const POLYNOMIAL: u32 = 1;
pub(crate) const LOG_LINEAR: u32 = 2;
pub(crate) const LOGISTIC: u32 = 3;
pub(crate) const HOLT: u32 = 4;
pub(crate) const DAMPED_HOLT: u32 = 5;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

/// Quarterly counts growing about 12 % a quarter, with a wobble.
pub(crate) fn counts() -> Vec<Point> {
    (0..12)
        .map(|k| {
            let date = d(2021, 3, 31).add_months(3 * k).unwrap();
            let v = 100e6 * 1.12f64.powi(k) * (1.0 + 0.02 * f64::from(k).sin());
            Point::new(date, v)
        })
        .collect()
}

/// A share rising towards 100 %, every half year.
pub(crate) fn share() -> Vec<Point> {
    [12.0, 18.5, 26.0, 38.5, 49.0, 61.5, 69.0, 77.5]
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d(2019, 6, 30).add_months(6 * k as i32).unwrap(), *v))
        .collect()
}

/// A level on irregular dates, about 2 per 30 days.
pub(crate) fn irregular() -> Vec<Point> {
    [0, 30, 75, 90, 150, 180, 240, 300, 330, 365, 420]
        .iter()
        .map(|&days| {
            let t = f64::from(days);
            Point::new(
                d(2023, 1, 1).add_days(days).unwrap(),
                50.0 + 2.0 * t / 30.0 + 1.5 * (t / 17.0).sin(),
            )
        })
        .collect()
}

/// The native model a spec describes, built with the core's constructors.
pub(crate) fn native(spec: &Spec) -> Model {
    let given = |v: f64| !v.is_nan();
    match spec.method {
        LINEAR => Model::Linear(LinearTrend::new()),
        POLYNOMIAL => Model::Polynomial(PolynomialTrend::new(spec.degree as usize).unwrap()),
        LOG_LINEAR => Model::LogLinear(LogLinearTrend::new()),
        LOGISTIC => Model::Logistic(if given(spec.cap) {
            LogisticTrend::with_cap(spec.cap).unwrap()
        } else {
            LogisticTrend::fitted_cap()
        }),
        HOLT | DAMPED_HOLT => {
            let mut h = if given(spec.alpha) {
                Holt::with_params(spec.alpha, spec.beta).unwrap()
            } else {
                Holt::new()
            };
            if spec.method == DAMPED_HOLT {
                h = if given(spec.phi) {
                    h.with_damping(spec.phi).unwrap()
                } else {
                    h.damped()
                };
            }
            if given(spec.level0) {
                h = h.with_initial(spec.level0, spec.trend0).unwrap();
            }
            if given(spec.step_days) {
                h = h.with_step_days(spec.step_days).unwrap();
            }
            Model::Holt(h)
        }
        m => panic!("no method {m}"),
    }
}

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) points: Vec<Point>,
    pub(crate) kind: MeasureKind,
    pub(crate) unit: Unit,
    pub(crate) bounds: Bounds,
    pub(crate) specs: Vec<Spec>,
}

fn spec(method: u32, f: impl FnOnce(&mut Spec)) -> Spec {
    let mut s = Spec::new(method);
    f(&mut s);
    s
}

/// Every method, with fitted and with given parameters.
pub(crate) fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "counts",
            points: counts(),
            kind: MeasureKind::Cumulative,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
            specs: vec![
                Spec::new(LINEAR),
                spec(POLYNOMIAL, |s| s.degree = 2),
                spec(POLYNOMIAL, |s| s.degree = 3),
                Spec::new(LOG_LINEAR),
                Spec::new(LOGISTIC),
                spec(LOGISTIC, |s| s.cap = 1e9),
                Spec::new(HOLT),
                spec(HOLT, |s| (s.alpha, s.beta) = (0.5, 0.3)),
                spec(HOLT, |s| {
                    (s.alpha, s.beta) = (0.6, 0.2);
                    (s.level0, s.trend0) = (95e6, 10e6);
                    s.step_days = 91.3;
                }),
                Spec::new(DAMPED_HOLT),
                spec(DAMPED_HOLT, |s| (s.alpha, s.beta, s.phi) = (0.5, 0.3, 0.9)),
                spec(DAMPED_HOLT, |s| s.phi = 0.95),
            ],
        },
        Case {
            name: "share",
            points: share(),
            kind: MeasureKind::Share,
            unit: Unit::Percent,
            bounds: Bounds::PERCENT,
            specs: vec![
                spec(LOGISTIC, |s| s.cap = 100.0),
                Spec::new(LOGISTIC),
                Spec::new(LINEAR),
                spec(POLYNOMIAL, |s| s.degree = 2),
                Spec::new(LOG_LINEAR),
                Spec::new(HOLT),
                Spec::new(DAMPED_HOLT),
            ],
        },
        Case {
            name: "irregular",
            points: irregular(),
            kind: MeasureKind::Stock,
            unit: Unit::Count,
            bounds: Bounds::NONE,
            specs: vec![
                Spec::new(LINEAR),
                Spec::new(HOLT),
                spec(HOLT, |s| {
                    (s.alpha, s.beta) = (0.4, 0.2);
                    s.step_days = 30.0;
                }),
                spec(DAMPED_HOLT, |s| s.step_days = 30.0),
            ],
        },
    ]
}

fn method_code(f: &Fit<'_>) -> u32 {
    dxcast_core::Method::ALL
        .iter()
        .position(|m| *m == f.method())
        .unwrap() as u32
}

#[test]
fn every_method_fits_as_natively() {
    let mut host = Host::new();
    for case in cases() {
        let s = Series::new(&case.points, case.bounds).unwrap();
        for spec in &case.specs {
            let what = format!("{} {spec:?}", case.name);
            let fit = native(spec).fit(&s).unwrap();
            host.reset();
            let series = host.series(&case.points, case.kind, case.unit, case.bounds);
            let model = host.put(&spec.record().0);
            let n = case.points.len();
            let fitted = host.alloc(8 * n);
            let out = host.alloc(FIT_SIZE);
            let rc = host.ok("dxcast_fit", (model, series, fitted, n as u32, out));
            assert_eq!(rc as u32, method_code(&fit), "{what}");
            let v = host.view(out, FIT_SIZE);
            assert_eq!(v.u32(0), method_code(&fit), "{what}");
            assert_eq!(v.u32(4) as usize, fit.params(), "{what} params");
            assert_eq!(v.u32(8) as usize, n, "{what} points");
            assert_close(v.f64(16), fit.sse(), &format!("{what} sse"));
            assert_explanation(
                &mut host,
                &v.sub(24, EXPLANATION_SIZE),
                &fit.explain().unwrap(),
                &what,
            );
            let mut native_fitted = vec![0.0; n];
            fit.fitted_into(&mut native_fitted).unwrap();
            let abi = host.view(fitted, 8 * n);
            for (i, y) in native_fitted.iter().enumerate() {
                assert_close(abi.f64(8 * i), *y, &format!("{what} fitted {i}"));
            }
            // Without a buffer for fitted values, and with one too small.
            host.ok("dxcast_fit", (model, series, 0u32, 0u32, out));
            let small = host.alloc(8);
            host.fails(
                "dxcast_fit",
                (model, series, small, 1u32, out),
                E_BUFFER_TOO_SMALL,
            );
        }
    }
}

fn scale_code(s: Scale) -> (u32, f64, f64) {
    match s {
        Scale::Identity => (0, f64::NAN, f64::NAN),
        Scale::Log { lo } => (1, lo, f64::NAN),
        Scale::ReflectedLog { hi } => (2, f64::NAN, hi),
        Scale::Logit { lo, hi } => (3, lo, hi),
    }
}

/// Checks a `ForecastPoint` record.
fn assert_forecast(v: &View, p: &ForecastPoint, what: &str) {
    assert_eq!(v.i32(0), p.date.day_number(), "{what} date");
    let (code, lo, hi) = scale_code(p.prediction.scale());
    assert_eq!(v.u32(4), code, "{what} scale");
    assert_close(v.f64(8), p.point, &format!("{what} point"));
    assert_close(v.f64(16), p.lo, &format!("{what} lo"));
    assert_close(v.f64(24), p.hi, &format!("{what} hi"));
    assert_close(
        v.f64(32),
        p.prediction.location(),
        &format!("{what} location"),
    );
    assert_close(v.f64(40), p.prediction.se(), &format!("{what} se"));
    assert_close(v.f64(48), p.prediction.df(), &format!("{what} df"));
    assert_close(v.f64(56), lo, &format!("{what} scale lo"));
    assert_close(v.f64(64), hi, &format!("{what} scale hi"));
}

/// A scenario record and the native scenario.
pub(crate) fn scenario(last: Date) -> (Rec, Scenario) {
    let from = last.add_months(1).unwrap();
    let at = last.add_months(7).unwrap();
    let mut r = Rec::new(SCENARIO_SIZE);
    r.u32(0, 1 | 2)
        .i32(4, from.day_number())
        .f64(8, 1.5)
        .i32(16, at.day_number())
        .f64(24, -8.0);
    let native = Scenario {
        growth: Some(GrowthOverride { from, rate: 1.5 }),
        shock: Some(Shock { at, size: -8.0 }),
        target: None,
    };
    (r, native)
}

#[test]
fn forecasts_with_intervals_and_scenarios_as_natively() {
    let mut host = Host::new();
    for case in cases() {
        let s = Series::new(&case.points, case.bounds).unwrap();
        let last = s.last().date;
        let dates: Vec<Date> = (1..=8).map(|k| last.add_months(3 * k).unwrap()).collect();
        let days: Vec<i32> = dates.iter().map(|d| d.day_number()).collect();
        for spec in &case.specs {
            let fit = native(spec).fit(&s).unwrap();
            let (scenario_rec, scenario_native) = scenario(last);
            let what_if = WhatIf::new(&fit, scenario_native, case.unit, case.bounds).unwrap();
            for (with_scenario, predictor) in [(false, &fit as &dyn Predictor), (true, &what_if)] {
                for level in [0.8, 0.95] {
                    let what = format!(
                        "{} {spec:?} scenario {with_scenario} level {level}",
                        case.name
                    );
                    let mut expected = vec![ForecastPoint::default(); dates.len()];
                    forecast_into(
                        predictor,
                        Horizon::Dates(&dates),
                        level,
                        case.bounds,
                        &mut expected,
                    )
                    .unwrap();
                    host.reset();
                    let series = host.series(&case.points, case.kind, case.unit, case.bounds);
                    let model = host.put(&spec.record().0);
                    let sc = if with_scenario {
                        host.put(&scenario_rec.0)
                    } else {
                        0
                    };
                    let dates_at = host.i32s(&days);
                    let out = host.alloc(FORECAST_SIZE * dates.len());
                    let n = host.ok(
                        "dxcast_forecast",
                        (model, series, sc, dates_at, dates.len() as u32, level, out),
                    );
                    assert_eq!(n as usize, dates.len());
                    let v = host.view(out, FORECAST_SIZE * dates.len());
                    for (k, p) in expected.iter().enumerate() {
                        assert_forecast(
                            &v.sub(FORECAST_SIZE * k, FORECAST_SIZE),
                            p,
                            &format!("{what} #{k}"),
                        );
                        assert!(p.lo <= p.point && p.point <= p.hi, "{what}");
                    }
                }
            }
        }
    }
}

#[test]
fn horizons_step_as_natively() {
    let mut host = Host::new();
    let start = d(2023, 1, 31);
    for (kind, step) in [
        (0u32, Step::Days(30)),
        (1, Step::Months(1)),
        (1, Step::Months(3)),
    ] {
        let n = 14;
        let h = Horizon::After {
            start,
            step,
            count: n,
        };
        let (Step::Days(k) | Step::Months(k)) = step;
        let out = host.alloc(4 * n);
        assert_eq!(
            host.ok(
                "dxcast_horizon",
                (start.day_number(), kind, k, n as u32, out)
            ),
            n as i32
        );
        let v = host.view(out, 4 * n);
        for i in 0..n {
            assert_eq!(
                v.i32(4 * i),
                h.date(i).unwrap().day_number(),
                "{step:?} {i}"
            );
        }
    }
    // 31 January plus a month is the end of February.
    let out = host.alloc(4);
    host.ok(
        "dxcast_horizon",
        (start.day_number(), 1u32, 1u32, 1u32, out),
    );
    assert_eq!(host.view(out, 4).i32(0), d(2023, 2, 28).day_number());
    host.fails(
        "dxcast_horizon",
        (start.day_number(), 2u32, 1u32, 1u32, out),
        E_INVALID_CODE,
    );
}
