//! Fits of every method, with given and fitted parameters, forecasts with
//! intervals, horizons and what-if scenarios: through the ABI and natively.

use dxcast_core::forecast::{ForecastPoint, Horizon, Step};
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{
    Bounds, Date, MeasureKind, ModelSpec, Point, Predictor, Scale, Series, Subject, Unit,
};

use crate::host::*;

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

pub(crate) struct Case {
    pub(crate) name: &'static str,
    pub(crate) points: Vec<Point>,
    pub(crate) kind: MeasureKind,
    pub(crate) unit: Unit,
    pub(crate) bounds: Bounds,
    pub(crate) specs: Vec<ModelSpec>,
}

impl Case {
    pub(crate) fn subject(&self) -> Subject {
        Subject::new(self.kind, self.unit, self.bounds).unwrap()
    }
}

/// A method with settings, as a share link writes them.
fn spec(text: &str) -> ModelSpec {
    ModelSpec::parse(text).unwrap()
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
                spec("linear"),
                spec("polynomial;degree=2"),
                spec("polynomial;degree=3"),
                spec("log_linear"),
                spec("logistic"),
                spec("logistic;cap=1000000000"),
                spec("holt"),
                spec("holt;alpha=0.5;beta=0.3"),
                spec("holt;alpha=0.6;beta=0.2;initial_level=95000000;initial_trend=10000000;step_days=91.3"),
                spec("damped_holt"),
                spec("damped_holt;alpha=0.5;beta=0.3;phi=0.9"),
                spec("damped_holt;phi=0.95"),
            ],
        },
        Case {
            name: "share",
            points: share(),
            kind: MeasureKind::Share,
            unit: Unit::Percent,
            bounds: Bounds::PERCENT,
            specs: vec![
                spec("logistic;cap=100"),
                spec("logistic"),
                spec("linear"),
                spec("polynomial"),
                spec("log_linear"),
                spec("holt"),
                spec("damped_holt"),
            ],
        },
        Case {
            name: "irregular",
            points: irregular(),
            kind: MeasureKind::Stock,
            unit: Unit::Count,
            bounds: Bounds::NONE,
            specs: vec![
                spec("linear"),
                spec("holt"),
                spec("holt;alpha=0.4;beta=0.2;step_days=30"),
                spec("damped_holt;step_days=30"),
            ],
        },
    ]
}

#[test]
fn every_method_fits_as_natively_once_and_is_asked_again() {
    let mut host = Host::new();
    for case in cases() {
        let s = Series::new(&case.points, case.subject()).unwrap();
        for spec in &case.specs {
            let what = format!("{} {spec}", case.name);
            let fitted = spec.model().unwrap().fit(&s).unwrap();
            host.reset();
            let series = host.series(&case.points, case.kind, case.unit, case.bounds);
            let handle = host.fit(spec, series);
            let out = host.alloc(SUMMARY_SIZE);
            let rc = host.ok("dxcast_fitted_summary", (handle, out));
            let summary = fitted.summary();
            assert_eq!(rc as u32, method_code(summary.method), "{what}");
            let v = host.view(out, SUMMARY_SIZE);
            assert_eq!(v.u32(0), method_code(summary.method), "{what}");
            assert_eq!(v.u32(4) as usize, summary.params, "{what} params");
            assert_eq!(v.u32(8) as usize, summary.points, "{what} points");
            assert_eq!(v.u32(12) as usize, summary.df, "{what} df");
            assert_eq!(
                known(&v, 16, 0, 48),
                summary.residual_sd,
                "{what} residual sd"
            );
            assert_eq!(v.i32(20), s.first().date.day_number());
            assert_eq!(v.i32(24), s.last().date.day_number());
            assert_eq!(
                (v.u32(28), v.u32(32)),
                (kind_code(case.kind), unit_code(case.unit))
            );
            assert_eq!(known(&v, 36, 0, 72), case.bounds.min, "{what} min");
            assert_eq!(known(&v, 36, 1, 80), case.bounds.max, "{what} max");
            assert_close(v.f64(40), summary.sse, &format!("{what} sse"));
            assert_eq!((v.f64(56), v.f64(64)), (s.first().value, s.last().value));
            assert_eq!(
                read_spec(&v.sub(88, MODEL_SIZE)),
                fitted.spec(),
                "{what} spec"
            );
            assert_explanation(
                &mut host,
                &v.sub(160, EXPLANATION_SIZE),
                &fitted.explain().unwrap(),
                &what,
            );
            let n = case.points.len();
            let mut native_fitted = vec![0.0; n];
            fitted.fitted_into(&s, &mut native_fitted).unwrap();
            let values = host.alloc(8 * n);
            let got = host.ok("dxcast_fitted_values", (handle, series, values, n as u32));
            assert_eq!(got as usize, n);
            let abi = host.view(values, 8 * n);
            for (i, y) in native_fitted.iter().enumerate() {
                assert_close(abi.f64(8 * i), *y, &format!("{what} fitted {i}"));
            }
            // A buffer too small.
            host.fails_naming(
                "dxcast_fitted_values",
                (handle, series, values, 1u32),
                E_BUFFER_TOO_SMALL,
                "out",
            );
            host.ok("dxcast_fitted_free", (handle,));
        }
    }
    assert_eq!(host.call::<(), i32>("dxcast_fitted_live", ()), 0);
}

pub(crate) fn scale_code(s: Scale) -> (u32, Option<f64>, Option<f64>) {
    match s {
        Scale::Identity => (0, None, None),
        Scale::Log { lo } => (1, Some(lo), None),
        Scale::ReflectedLog { hi } => (2, None, Some(hi)),
        Scale::Logit { lo, hi } => (3, Some(lo), Some(hi)),
        Scale::LogLog { hi } => (4, Some(0.0), Some(hi)),
    }
}

/// Checks a `ForecastPoint` record.
pub(crate) fn assert_forecast(v: &View, p: &ForecastPoint, what: &str) {
    assert_eq!(v.i32(0), p.date.day_number(), "{what} date");
    let (code, lo, hi) = scale_code(p.prediction.scale());
    assert_eq!(v.u32(4), code, "{what} scale");
    assert_eq!(v.u32(8) >> 6, 0, "{what} undefined known bits");
    assert_close(v.f64(16), p.point, &format!("{what} point"));
    assert_eq!(known(v, 8, 0, 24), p.lo, "{what} lo");
    assert_eq!(known(v, 8, 1, 32), p.hi, "{what} hi");
    assert_close(
        v.f64(40),
        p.prediction.location(),
        &format!("{what} location"),
    );
    assert_eq!(known(v, 8, 2, 48), p.prediction.se(), "{what} se");
    assert_eq!(known(v, 8, 3, 56), p.prediction.df(), "{what} df");
    assert_eq!(known(v, 8, 4, 64), lo, "{what} scale lo");
    assert_eq!(known(v, 8, 5, 72), hi, "{what} scale hi");
}

/// A scenario record and the native scenario: growth of `rate` a month
/// (flag 8) or a year (the default), and a shock.
pub(crate) fn scenario(last: Date, rate: f64, per: Per) -> (Rec, Scenario) {
    let from = last.add_months(1).unwrap();
    let at = last.add_months(7).unwrap();
    let mut r = Rec::new(SCENARIO_SIZE);
    let per_month = if per == Per::Month { 8 } else { 0 };
    r.u32(0, 1 | 2 | per_month)
        .i32(4, from.day_number())
        .f64(8, rate)
        .i32(16, at.day_number())
        .f64(24, -8.0);
    let native = Scenario {
        growth: Some(GrowthOverride { from, rate, per }),
        shock: Some(Shock { at, size: -8.0 }),
        target: None,
    };
    (r, native)
}

#[test]
fn forecasts_with_intervals_and_scenarios_as_natively() {
    let mut host = Host::new();
    for case in cases() {
        let s = Series::new(&case.points, case.subject()).unwrap();
        let last = s.last().date;
        let dates: Vec<Date> = (1..=8).map(|k| last.add_months(3 * k).unwrap()).collect();
        let days: Vec<i32> = dates.iter().map(|d| d.day_number()).collect();
        host.reset();
        let series = host.series(&case.points, case.kind, case.unit, case.bounds);
        for spec in &case.specs {
            let fitted = spec.model().unwrap().fit(&s).unwrap();
            let handle = host.fit(spec, series);
            let (monthly_rec, monthly) = scenario(last, 1.5, Per::Month);
            let (yearly_rec, yearly) = scenario(last, 18.0, Per::Year);
            let monthly_what_if = fitted.with_scenario(monthly).unwrap();
            let yearly_what_if = fitted.with_scenario(yearly).unwrap();
            for (with_scenario, predictor) in [
                (None, &fitted as &dyn Predictor),
                (Some(&monthly_rec), &monthly_what_if),
                (Some(&yearly_rec), &yearly_what_if),
            ] {
                for level in [0.8, 0.95] {
                    let what = format!(
                        "{} {spec} scenario {:?} level {level}",
                        case.name,
                        with_scenario.map(|r| r.0[0])
                    );
                    let mut expected = vec![ForecastPoint::default(); dates.len()];
                    dxcast_core::forecast_into(
                        predictor,
                        Horizon::Dates(&dates),
                        level,
                        &mut expected,
                    )
                    .unwrap();
                    let sc = with_scenario.map_or(0, |r| host.put(&r.0));
                    let dates_at = host.i32s(&days);
                    let out = host.alloc(FORECAST_SIZE * dates.len());
                    let n = host.ok(
                        "dxcast_forecast",
                        (handle, sc, dates_at, dates.len() as u32, level, out),
                    );
                    assert_eq!(n as usize, dates.len());
                    let v = host.view(out, FORECAST_SIZE * dates.len());
                    for (k, p) in expected.iter().enumerate() {
                        assert_forecast(
                            &v.sub(FORECAST_SIZE * k, FORECAST_SIZE),
                            p,
                            &format!("{what} #{k}"),
                        );
                    }
                }
            }
            host.ok("dxcast_fitted_free", (handle,));
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
