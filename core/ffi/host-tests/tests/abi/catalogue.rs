//! A catalogue of bad input. Each case asserts the error's kind and the
//! field it names (and the index, where it points at an element), or that
//! the result is finite with its unknowns flagged. None may trap; and after
//! every case the instance answers a fixed call byte for byte as it did
//! before the first, with no fitted model left behind.

use dxcast_core::{Bounds, Date, MeasureKind, Method, ModelSpec, Point, Target, Unit};

use crate::host::*;
use crate::projections::counts;

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn day(y: i32, m: u32, dd: u32) -> i32 {
    d(y, m, dd).day_number()
}

fn linear() -> ModelSpec {
    ModelSpec::new(Method::Linear)
}

/// Quarterly counts as a stock without bounds but 0.
fn stock(host: &mut Host, points: &[Point]) -> u32 {
    host.series(
        points,
        MeasureKind::Stock,
        Unit::Count,
        Bounds::NON_NEGATIVE,
    )
}

/// Fitting `model` to `points` fails with `code`, naming `field`.
#[track_caller]
fn fit_fails(host: &mut Host, model: &Rec, points: &[Point], code: i32, field: &str) {
    let series = stock(host, points);
    let model = host.put(&model.0);
    host.fails_naming("dxcast_fit", (model, series), code, field);
}

/// A share rising from 40 to 61 % (r000–r002), with a fitted linear model.
fn share_fit(host: &mut Host, points: &[Point]) -> (u32, u32) {
    let series = host.series(points, MeasureKind::Share, Unit::Percent, Bounds::PERCENT);
    (host.fit(&linear(), series), series)
}

fn share_points() -> Vec<Point> {
    vec![
        Point::new(d(2021, 12, 31), 40.0),
        Point::new(d(2022, 12, 31), 52.8),
        Point::new(d(2023, 12, 31), 61.0),
    ]
}

fn settings(host: &mut Host, level: f64) -> u32 {
    host.put(&settings_record(&dxcast_core::Settings::new(d(2024, 1, 1), level)).0)
}

fn target(host: &mut Host, value: f64, deadline: Date) -> u32 {
    let t = Target::new(value, deadline, dxcast_core::Comparison::AtLeast).unwrap();
    host.put(&target_record(&t).0)
}

/// Every `f64` at these offsets is finite.
#[track_caller]
fn finite(v: &View, offsets: impl IntoIterator<Item = usize>) {
    for off in offsets {
        assert!(v.f64(off).is_finite(), "the number at {off} is not finite");
    }
}

/// An Explanation record: its result and terms are finite.
#[track_caller]
fn finite_explanation(v: &View) {
    finite(v, [24]);
    finite(v, (0..16).map(|k| 40 + 16 * k));
}

/// The fixed call: fit a linear trend to quarterly counts, summarise it,
/// forecast three dates and analyse a target; the bytes of every output.
fn fixed_call(host: &mut Host) -> Vec<u8> {
    host.reset();
    let series = stock(host, &counts());
    let handle = host.fit(&linear(), series);
    let summary = host.alloc(SUMMARY_SIZE);
    host.ok("dxcast_fitted_summary", (handle, summary));
    let dates = host.i32s(&[day(2024, 6, 30), day(2025, 6, 30), day(2026, 6, 30)]);
    let out = host.alloc(3 * FORECAST_SIZE);
    host.ok("dxcast_forecast", (handle, 0u32, dates, 3u32, 0.95, out));
    let t = target(host, 2e9, d(2025, 12, 31));
    let s = settings(host, 0.9);
    let analysis = host.alloc(ANALYSIS_SIZE + 7 * EXPLANATION_SIZE);
    host.ok(
        "dxcast_analyse",
        (
            handle,
            0u32,
            t,
            s,
            analysis,
            analysis + ANALYSIS_SIZE as u32,
        ),
    );
    host.ok("dxcast_fitted_free", (handle,));
    let mut bytes = host.bytes(summary, SUMMARY_SIZE);
    bytes.extend(host.bytes(out, 3 * FORECAST_SIZE));
    bytes.extend(host.bytes(analysis, ANALYSIS_SIZE + 7 * EXPLANATION_SIZE));
    bytes
}

type Case = (&'static str, fn(&mut Host));

const CASES: &[Case] = &[
    // ------------------------------------------------ values and dates
    ("NaN among the values", |h| {
        let mut p = counts();
        p[2].value = f64::NAN;
        fit_fails(h, &model_record(&linear()), &p, E_NOT_FINITE, "value");
        assert_eq!(h.last_index(), 2);
    }),
    ("+∞ among the values", |h| {
        let mut p = counts();
        p[0].value = f64::INFINITY;
        fit_fails(h, &model_record(&linear()), &p, E_NOT_FINITE, "value");
        assert_eq!(h.last_index(), 0);
    }),
    ("−∞ as the last value", |h| {
        let mut p = counts();
        p[11].value = f64::NEG_INFINITY;
        fit_fails(h, &model_record(&linear()), &p, E_NOT_FINITE, "value");
        assert_eq!(h.last_index(), 11);
    }),
    ("unsorted dates", |h| {
        let mut p = counts();
        p.swap(5, 6);
        fit_fails(h, &model_record(&linear()), &p, E_UNSORTED, "date");
        assert_eq!(h.last_index(), 6);
    }),
    ("a duplicate date", |h| {
        let mut p = counts();
        p[8].date = p[7].date;
        fit_fails(h, &model_record(&linear()), &p, E_DUPLICATE_DATE, "date");
        assert_eq!(h.last_index(), 8);
    }),
    ("an empty series", |h| {
        fit_fails(h, &model_record(&linear()), &[], E_EMPTY, "series");
    }),
    ("a day number past year 9999", |h| {
        let series = stock(h, &counts());
        let mut r = Rec(h.view(series, SERIES_SIZE).0);
        let days = h.i32s(&[day(2020, 1, 1), 3_000_000]);
        r.u32(0, days).u32(8, 2);
        let bad = h.put(&r.0);
        let model = h.put(&model_record(&linear()).0);
        h.fails_naming("dxcast_fit", (model, bad), E_INVALID_ARGUMENT, "day_number");
        assert_eq!(h.last_index(), 1);
    }),
    ("a value below the lower bound", |h| {
        let mut p = counts();
        p[3].value = -1.0;
        fit_fails(h, &model_record(&linear()), &p, E_OUT_OF_BOUNDS, "value");
        assert_eq!(h.last_index(), 3);
    }),
    ("a NaN bound", |h| {
        let series = stock(h, &counts());
        let mut r = Rec(h.view(series, SERIES_SIZE).0);
        r.u32(20, 2).f64(32, f64::NAN);
        let bad = h.put(&r.0);
        let model = h.put(&model_record(&linear()).0);
        h.fails_naming("dxcast_fit", (model, bad), E_INVALID_ARGUMENT, "bounds");
    }),
    ("bounds the wrong way round", |h| {
        let series = stock(h, &counts());
        let mut r = Rec(h.view(series, SERIES_SIZE).0);
        r.u32(20, 3).f64(24, 10.0).f64(32, 1.0);
        let bad = h.put(&r.0);
        let model = h.put(&model_record(&linear()).0);
        h.fails_naming("dxcast_fit", (model, bad), E_INVALID_ARGUMENT, "bounds");
    }),
    ("1025 points", |h| {
        let p: Vec<Point> = (0..1025)
            .map(|k| Point::new(d(2000, 1, 1).add_days(k).unwrap(), 1.0))
            .collect();
        fit_fails(h, &model_record(&linear()), &p, E_CAPACITY, "points");
    }),
    // ------------------------------------------------ methods and settings
    ("method code 7", |h| {
        fit_fails(
            h,
            &raw_model(7, &[]),
            &counts(),
            E_INVALID_CODE,
            "model.method",
        );
    }),
    ("method code 2³² − 1", |h| {
        fit_fails(
            h,
            &raw_model(u32::MAX, &[]),
            &counts(),
            E_INVALID_CODE,
            "model.method",
        );
    }),
    ("a setting bit this version does not define", |h| {
        let mut r = raw_model(0, &[]);
        r.u32(4, 1 << 8);
        fit_fails(h, &r, &counts(), E_INVALID_CODE, "model.given");
    }),
    ("alpha without beta", |h| {
        fit_fails(
            h,
            &raw_model(4, &[(ALPHA, 0.5)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "beta",
        );
    }),
    ("beta without alpha", |h| {
        fit_fails(
            h,
            &raw_model(4, &[(BETA, 0.2)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "alpha",
        );
    }),
    ("degree 2.5", |h| {
        fit_fails(
            h,
            &raw_model(1, &[(DEGREE, 2.5)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "degree",
        );
    }),
    ("degree 11", |h| {
        fit_fails(
            h,
            &raw_model(1, &[(DEGREE, 11.0)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "degree",
        );
    }),
    ("phi 0", |h| {
        fit_fails(
            h,
            &raw_model(5, &[(PHI, 0.0)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "phi",
        );
    }),
    ("phi for Holt's undamped trend", |h| {
        fit_fails(
            h,
            &raw_model(4, &[(PHI, 0.9)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "phi",
        );
    }),
    ("a cap for a straight line", |h| {
        fit_fails(
            h,
            &raw_model(0, &[(CAP, 1e9)]),
            &counts(),
            E_INVALID_ARGUMENT,
            "cap",
        );
    }),
    ("alpha NaN", |h| {
        let r = raw_model(4, &[(ALPHA, f64::NAN), (BETA, 0.1)]);
        fit_fails(h, &r, &counts(), E_NOT_FINITE, "alpha");
    }),
    ("alpha 1.5", |h| {
        let r = raw_model(4, &[(ALPHA, 1.5), (BETA, 0.1)]);
        fit_fails(h, &r, &counts(), E_INVALID_ARGUMENT, "alpha");
    }),
    ("an initial level without a trend", |h| {
        let r = raw_model(4, &[(5, 100e6)]);
        fit_fails(h, &r, &counts(), E_INVALID_ARGUMENT, "initial_trend");
    }),
    ("a step of 0 days", |h| {
        let r = raw_model(4, &[(7, 0.0)]);
        fit_fails(h, &r, &counts(), E_INVALID_ARGUMENT, "step_days");
    }),
    ("Holt on 3 points", |h| {
        let r = model_record(&ModelSpec::new(Method::Holt));
        fit_fails(h, &r, &counts()[..3], E_TOO_FEW_POINTS, "series");
    }),
    ("a log-linear trend through 0", |h| {
        let mut p = counts();
        p[0].value = 0.0;
        let r = model_record(&ModelSpec::new(Method::LogLinear));
        fit_fails(h, &r, &p, E_NON_POSITIVE, "value");
        assert_eq!(h.last_index(), 0);
    }),
    // ------------------------------------------------ levels, targets, settings
    ("level 1 in a forecast", |h| {
        let (f, _) = share_fit(h, &share_points());
        let dates = h.i32s(&[day(2025, 12, 31)]);
        let out = h.alloc(FORECAST_SIZE);
        let args = (f, 0u32, dates, 1u32, 1.0, out);
        h.fails_naming("dxcast_forecast", args, E_INVALID_ARGUMENT, "level");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("level 0 in an analysis", |h| {
        let (f, _) = share_fit(h, &share_points());
        let (t, s) = (target(h, 80.0, d(2025, 12, 31)), settings(h, 0.0));
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_INVALID_ARGUMENT, "level");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("level NaN in an analysis", |h| {
        let (f, _) = share_fit(h, &share_points());
        let (t, s) = (target(h, 80.0, d(2025, 12, 31)), settings(h, f64::NAN));
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_INVALID_ARGUMENT, "level");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a target of NaN", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut t = Rec::new(TARGET_SIZE);
        t.f64(0, f64::NAN).i32(8, day(2025, 12, 31));
        let t = h.put(&t.0);
        let s = settings(h, 0.95);
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_NOT_FINITE, "target");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("comparison code 4", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut t = Rec::new(TARGET_SIZE);
        t.f64(0, 80.0).i32(8, day(2025, 12, 31)).u32(12, 4);
        let t = h.put(&t.0);
        let s = settings(h, 0.95);
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_INVALID_CODE, "target.comparison");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a reserved field of the settings", |h| {
        let (f, _) = share_fit(h, &share_points());
        let t = target(h, 80.0, d(2025, 12, 31));
        let at = settings(h, 0.95);
        let mut s = Rec(h.view(at, SETTINGS_SIZE).0);
        s.u32(4, 1);
        let s = h.put(&s.0);
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_INVALID_CODE, "settings.reserved");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("evidence of ∞", |h| {
        let (f, _) = share_fit(h, &share_points());
        let t = target(h, 50.0, d(2022, 12, 31));
        let at = settings(h, 0.95);
        let mut s = Rec(h.view(at, SETTINGS_SIZE).0);
        s.u32(16, 2)
            .i32(32, day(2022, 12, 31))
            .f64(40, f64::INFINITY);
        let s = h.put(&s.0);
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_NOT_FINITE, "value");
        assert_eq!(h.last_index(), 1, "the figure before the deadline");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("evidence dated past year 9999", |h| {
        let (f, _) = share_fit(h, &share_points());
        let t = target(h, 50.0, d(2022, 12, 31));
        let at = settings(h, 0.95);
        let mut s = Rec(h.view(at, SETTINGS_SIZE).0);
        s.u32(16, 1).i32(20, 3_000_000).f64(24, 55.0);
        let s = h.put(&s.0);
        let out = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, out, 0u32);
        h.fails_naming("dxcast_analyse", args, E_INVALID_ARGUMENT, "day_number");
        assert_eq!(h.last_index(), 0, "the figure after the deadline");
        h.ok("dxcast_fitted_free", (f,));
    }),
    (
        "an undefined evidence bit and a reserved field of the evidence",
        |h| {
            let (f, _) = share_fit(h, &share_points());
            let t = target(h, 50.0, d(2022, 12, 31));
            let at = settings(h, 0.95);
            let out = h.alloc(ANALYSIS_SIZE);
            let mut s = Rec(h.view(at, SETTINGS_SIZE).0);
            s.u32(16, 4);
            let bad = h.put(&s.0);
            let args = (f, 0u32, t, bad, out, 0u32);
            h.fails_naming("dxcast_analyse", args, E_INVALID_CODE, "evidence.given");
            let mut s = Rec(h.view(at, SETTINGS_SIZE).0);
            s.u32(36, 1);
            let bad = h.put(&s.0);
            let args = (f, 0u32, t, bad, out, 0u32);
            h.fails_naming("dxcast_analyse", args, E_INVALID_CODE, "evidence.reserved");
            h.ok("dxcast_fitted_free", (f,));
        },
    ),
    ("a monthly rate without growth in a scenario", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut sc = Rec::new(SCENARIO_SIZE);
        sc.u32(0, 2 | 8).i32(16, day(2024, 6, 1)).f64(24, -5.0);
        let sc = h.put(&sc.0);
        let dates = h.i32s(&[day(2025, 12, 31)]);
        let out = h.alloc(FORECAST_SIZE);
        let args = (f, sc, dates, 1u32, 0.95, out);
        h.fails_naming("dxcast_forecast", args, E_INVALID_CODE, "scenario.flags");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a monthly growth rate of ∞ in a scenario", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut sc = Rec::new(SCENARIO_SIZE);
        sc.u32(0, 1 | 8)
            .i32(4, day(2024, 1, 1))
            .f64(8, f64::INFINITY);
        let sc = h.put(&sc.0);
        let dates = h.i32s(&[day(2025, 12, 31)]);
        let out = h.alloc(FORECAST_SIZE);
        let args = (f, sc, dates, 1u32, 0.95, out);
        h.fails_naming("dxcast_forecast", args, E_NOT_FINITE, "growth_rate");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a growth rate of ∞ in a scenario", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut sc = Rec::new(SCENARIO_SIZE);
        sc.u32(0, 1).i32(4, day(2024, 1, 1)).f64(8, f64::INFINITY);
        let sc = h.put(&sc.0);
        let dates = h.i32s(&[day(2025, 12, 31)]);
        let out = h.alloc(FORECAST_SIZE);
        let args = (f, sc, dates, 1u32, 0.95, out);
        h.fails_naming("dxcast_forecast", args, E_NOT_FINITE, "growth_rate");
        h.ok("dxcast_fitted_free", (f,));
    }),
    (
        "Holt asked before its first observation: its trend carried back",
        |h| {
            let series = stock(h, &counts());
            let f = h.fit(&ModelSpec::new(Method::Holt), series);
            let dates = h.i32s(&[day(2030, 1, 1), day(2019, 1, 1)]);
            let out = h.alloc(2 * FORECAST_SIZE);
            let args = (f, 0u32, dates, 2u32, 0.95, out);
            assert_eq!(h.ok("dxcast_forecast", args), 2);
            let pts = counts();
            let s = dxcast_core::Series::new(
                &pts,
                dxcast_core::Subject::new(MeasureKind::Stock, Unit::Count, Bounds::NON_NEGATIVE)
                    .unwrap(),
            )
            .unwrap();
            let native = ModelSpec::new(Method::Holt)
                .model()
                .unwrap()
                .fit(&s)
                .unwrap()
                .predict(d(2019, 1, 1))
                .unwrap();
            let v = h.view(out + FORECAST_SIZE as u32, FORECAST_SIZE);
            finite(&v, (16..80).step_by(8));
            assert_eq!(v.f64(16), native.point_within(Bounds::NON_NEGATIVE));
            h.ok("dxcast_fitted_free", (f,));
        },
    ),
    // ------------------------------------------------ buffers and regions
    ("in-sample values into a buffer too small", |h| {
        let series = stock(h, &counts());
        let f = h.fit(&linear(), series);
        let out = h.alloc(8 * 12);
        let args = (f, series, out, 11u32);
        h.fails_naming("dxcast_fitted_values", args, E_BUFFER_TOO_SMALL, "out");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a date into 9 bytes", |h| {
        let buf = h.alloc(16);
        let args = (day(2022, 12, 8), buf, 9u32);
        h.fails_naming("dxcast_date_format", args, E_BUFFER_TOO_SMALL, "buf");
    }),
    ("two flows into one slot", |h| {
        let days = h.i32s(&[day(2022, 9, 30), day(2022, 12, 31), day(2023, 3, 31)]);
        let values = h.f64s(&[661e6, 1_084e6, 1_276e6]);
        let out = h.alloc(3 * FLOW_SIZE);
        let args = (days, values, 3u32, out, 1u32);
        h.fails_naming("dxcast_flows", args, E_CAPACITY, "flows");
    }),
    ("a misaligned output", |h| {
        let series = stock(h, &counts());
        let f = h.fit(&linear(), series);
        let out = h.alloc(SUMMARY_SIZE + 8) + 4;
        h.fails_naming("dxcast_fitted_summary", (f, out), E_MISALIGNED, "out");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("an output past the end of memory", |h| {
        let series = stock(h, &counts());
        let f = h.fit(&linear(), series);
        let end = h.memory.data_size(&h.store) as u32;
        let out = end - 8;
        h.fails_naming("dxcast_fitted_summary", (f, out), E_BAD_REGION, "out");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("an output on the module's stack", |h| {
        let series = stock(h, &counts());
        let f = h.fit(&linear(), series);
        h.fails_naming("dxcast_fitted_summary", (f, 1024u32), E_BAD_REGION, "out");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a forecast written over its own dates", |h| {
        let (f, _) = share_fit(h, &share_points());
        let dates = h.alloc(FORECAST_SIZE);
        h.write(dates, &day(2025, 12, 31).to_le_bytes());
        let args = (f, 0u32, dates, 1u32, 0.95, dates);
        let msg = h.fails_naming("dxcast_forecast", args, E_BAD_REGION, "out");
        assert!(msg.contains("`dates`"), "{msg}");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("in-sample values written over the series' values", |h| {
        let (f, series) = share_fit(h, &share_points());
        let values = h.view(series, SERIES_SIZE).u32(4);
        let args = (f, series, values, 3u32);
        let msg = h.fails_naming("dxcast_fitted_values", args, E_BAD_REGION, "out");
        assert!(msg.contains("`series.values`"), "{msg}");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("an analysis and its explanations in the same bytes", |h| {
        let (f, _) = share_fit(h, &share_points());
        let (t, s) = (target(h, 80.0, d(2025, 12, 31)), settings(h, 0.95));
        let out = h.alloc(ANALYSIS_SIZE + 7 * EXPLANATION_SIZE);
        let args = (f, 0u32, t, s, out, out + 8);
        let msg = h.fails_naming("dxcast_analyse", args, E_BAD_REGION, "explanations");
        assert!(msg.contains("`out`"), "{msg}");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a parsed date written over its text", |h| {
        let (t, n) = h.text("2022-12-08");
        h.fails_naming("dxcast_date_parse", (t, n, t), E_BAD_REGION, "out");
    }),
    ("text that is not UTF-8", |h| {
        let t = h.put(&[b'1', 0xC3, 0x28]);
        let out = h.alloc(STATED_SIZE);
        h.fails_naming("dxcast_parse_vi", (t, 3u32, out), E_INVALID_UTF8, "text");
    }),
    ("257 bytes of text", |h| {
        let t = h.put(&[b'1'; 257]);
        let out = h.alloc(STATED_SIZE);
        h.fails_naming("dxcast_parse_vi", (t, 257u32, out), E_CAPACITY, "text");
    }),
    // ------------------------------------------------ fitted-model handles
    ("a freed handle", |h| {
        let (f, _) = share_fit(h, &share_points());
        h.ok("dxcast_fitted_free", (f,));
        let out = h.alloc(SUMMARY_SIZE);
        h.fails_naming("dxcast_fitted_summary", (f, out), E_INVALID_CODE, "fitted");
        h.fails_naming("dxcast_fitted_free", (f,), E_INVALID_CODE, "fitted");
    }),
    ("a handle with another generation", |h| {
        let (f, _) = share_fit(h, &share_points());
        let out = h.alloc(SUMMARY_SIZE);
        let forged = f.wrapping_add(1 << 6);
        h.fails_naming(
            "dxcast_fitted_summary",
            (forged, out),
            E_INVALID_CODE,
            "fitted",
        );
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("handles never issued", |h| {
        let out = h.alloc(SUMMARY_SIZE);
        for forged in [0u32, 63, (1 << 6) | 63, u32::MAX, 1 << 31] {
            let args = (forged, out);
            h.fails_naming("dxcast_fitted_summary", args, E_INVALID_CODE, "fitted");
        }
    }),
    ("a model asked about another series", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut other = share_points();
        other[2].value = 62.0;
        let other = h.series(&other, MeasureKind::Share, Unit::Percent, Bounds::PERCENT);
        let out = h.alloc(24);
        let args = (f, other, out, 3u32);
        h.fails_naming("dxcast_fitted_values", args, E_INVALID_ARGUMENT, "series");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("all 64 slots in use", |h| {
        let series = stock(h, &counts());
        let model = h.put(&model_record(&linear()).0);
        let handles: Vec<u32> = (0..64)
            .map(|_| h.ok("dxcast_fit", (model, series)) as u32)
            .collect();
        assert_eq!(h.call::<(), i32>("dxcast_fitted_live", ()), 64);
        h.fails_naming("dxcast_fit", (model, series), E_CAPACITY, "fitted");
        for f in handles {
            h.ok("dxcast_fitted_free", (f,));
        }
    }),
    // ------------------------------------------------ overflow
    ("a log-linear trend carried to 9999-12-31", |h| {
        // Doubling every month: e^(12 ln 2 × 7 976 years) has no double.
        let p: Vec<Point> = (0..6)
            .map(|k| {
                let date = d(2023, 1, 31).add_months(k).unwrap();
                Point::new(date, 2f64.powi(k))
            })
            .collect();
        let series = stock(h, &p);
        let f = h.fit(&ModelSpec::new(Method::LogLinear), series);
        let dates = h.i32s(&[day(2030, 1, 1), day(9999, 12, 31)]);
        let out = h.alloc(2 * FORECAST_SIZE);
        let args = (f, 0u32, dates, 2u32, 0.95, out);
        h.fails_naming("dxcast_forecast", args, E_OVERFLOW, "projection");
        assert_eq!(h.last_index(), 1);
        let t = target(h, 1e9, d(9999, 12, 31));
        let s = settings(h, 0.95);
        let a = h.alloc(ANALYSIS_SIZE);
        let args = (f, 0u32, t, s, a, 0u32);
        h.fails_naming("dxcast_analyse", args, E_OVERFLOW, "projection");
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("a run-rate of 1e308", |h| {
        let out = h.alloc(EXPLANATION_SIZE);
        h.fails("dxcast_run_rate", (1e308, day(2022, 1, 2), out), E_OVERFLOW);
    }),
    ("a period total of 1e308 a day", |h| {
        let out = h.alloc(EXPLANATION_SIZE);
        let args = (1e308, day(2022, 1, 1), day(2022, 12, 31), out);
        h.fails("dxcast_period_total", args, E_OVERFLOW);
    }),
    ("a multiple of 1e308 over 1e-308", |h| {
        let out = h.alloc(EXPLANATION_SIZE);
        h.fails("dxcast_change", (2u32, 1e-308, 1e308, out), E_OVERFLOW);
    }),
    // ------------------------------------------------ unknowns, never NaN
    ("a two-point line's unknown spread", |h| {
        let p = [
            Point::new(d(2022, 12, 31), 100.0),
            Point::new(d(2023, 12, 31), 130.0),
        ];
        let series = h.series(&p, MeasureKind::Stock, Unit::Count, Bounds::NONE);
        let f = h.fit(&linear(), series);
        let summary = h.alloc(SUMMARY_SIZE);
        h.ok("dxcast_fitted_summary", (f, summary));
        let v = h.view(summary, SUMMARY_SIZE);
        assert_eq!((v.u32(12), v.u32(16)), (0, 0), "df 0, residual SD unknown");
        finite(&v, (40..88).step_by(8));
        finite_explanation(&v.sub(160, EXPLANATION_SIZE));
        let dates = h.i32s(&[day(2025, 12, 31)]);
        let out = h.alloc(FORECAST_SIZE);
        h.ok("dxcast_forecast", (f, 0u32, dates, 1u32, 0.95, out));
        let v = h.view(out, FORECAST_SIZE);
        assert_eq!(
            v.u32(8),
            0,
            "no interval end, se or df known without bounds"
        );
        // The line through both points: 30 a year of 365 days, 1 096 days on.
        let line = 100.0 + 30.0 * 1096.0 / 365.0;
        assert!((v.f64(16) - line).abs() < 1e-9, "{}", v.f64(16));
        finite(&v, (16..80).step_by(8));
        let (t, s) = (target(h, 200.0, d(2025, 12, 31)), settings(h, 0.95));
        let a = h.alloc(ANALYSIS_SIZE + 7 * EXPLANATION_SIZE);
        let e = a + ANALYSIS_SIZE as u32;
        h.ok("dxcast_analyse", (f, 0u32, t, s, a, e));
        let v = h.view(a, ANALYSIS_SIZE);
        assert_eq!(v.u32(28) & (1 << 15), 0, "the probability is unknown");
        finite(&v, (40..248).step_by(8));
        let p = h.view(e + 5 * EXPLANATION_SIZE as u32, EXPLANATION_SIZE);
        assert_eq!((p.u32(8), h.describe(12, p.u32(16))), (0, "spread".into()));
        for k in 0..7 {
            finite_explanation(&h.view(e + (k * EXPLANATION_SIZE) as u32, EXPLANATION_SIZE));
        }
        h.ok("dxcast_fitted_free", (f,));
    }),
    ("the attainment of a target of 0", |h| {
        let (f, _) = share_fit(h, &share_points());
        let mut t = Rec::new(TARGET_SIZE);
        t.f64(0, 0.0).i32(8, day(2025, 12, 31)).u32(12, 0);
        let t = h.put(&t.0);
        let s = settings(h, 0.95);
        let a = h.alloc(ANALYSIS_SIZE + 7 * EXPLANATION_SIZE);
        let e = a + ANALYSIS_SIZE as u32;
        h.ok("dxcast_analyse", (f, 0u32, t, s, a, e));
        let v = h.view(a, ANALYSIS_SIZE);
        finite(&v, (40..248).step_by(8));
        let x = h.view(e + EXPLANATION_SIZE as u32, EXPLANATION_SIZE);
        assert_eq!(
            (x.u32(8), h.describe(12, x.u32(16))),
            (0, "zero_target".into())
        );
        h.ok("dxcast_fitted_free", (f,));
    }),
    // ------------------------------------------------ other records
    ("a between figure with a NaN end", |h| {
        let mut c = Rec::new(CLAIM_SIZE);
        c.u32(0, 3).u32(4, 2);
        c.u32(64, 1).f64(64 + 24, 8.2e6);
        c.u32(104, 2)
            .u32(104 + 20, 3)
            .f64(104 + 24, 1.0)
            .f64(104 + 32, f64::NAN);
        let c = h.put(&c.0);
        let out = h.alloc(CHECK_SIZE);
        h.fails_naming("dxcast_claim_check", (c, out), E_NOT_FINITE, "interval");
        assert_eq!(h.last_index(), 1, "the claim's second input");
    }),
    ("eight inputs to a claim", |h| {
        let mut c = Rec::new(CLAIM_SIZE);
        c.u32(0, 6).u32(4, 8);
        let c = h.put(&c.0);
        let out = h.alloc(CHECK_SIZE);
        h.fails_naming(
            "dxcast_claim_check",
            (c, out),
            E_INVALID_CODE,
            "claim.inputs_len",
        );
    }),
    ("a horizon past year 9999", |h| {
        let out = h.alloc(4 * 3);
        let args = (day(9999, 10, 31), 1u32, 1u32, 3u32, out);
        h.fails_naming("dxcast_horizon", args, E_INVALID_ARGUMENT, "months");
        assert_eq!(h.last_index(), 2);
    }),
    ("30 February", |h| {
        let out = h.alloc(8);
        let args = (2023i32, 2u32, 30u32, out);
        h.fails_naming("dxcast_date_from_ymd", args, E_INVALID_DATE, "date");
    }),
    ("table 19 of dxcast_describe, and code 9 of table 11", |h| {
        let buf = h.alloc(64);
        h.fails_naming(
            "dxcast_describe",
            (19u32, 0u32, buf, 64u32),
            E_INVALID_CODE,
            "table",
        );
        h.fails_naming(
            "dxcast_describe",
            (11u32, 9u32, buf, 64u32),
            E_INVALID_CODE,
            "code",
        );
    }),
    // ------------------------------------------------ quantities
    ("a quantity rule that does not exist", |h| {
        let figs = measured(h, &[(0, 2022, 58e6)]);
        let (p, c, out) = quantity_out(h, 1);
        let args = (figs, 1u32, 3u32, p, 1u32, c, 4u32, out);
        h.fails_naming("dxcast_measure_quantity", args, E_INVALID_CODE, "rule");
    }),
    ("a quantity's figure of NaN", |h| {
        let figs = measured(h, &[(0, 2021, 40e6), (0, 2022, f64::NAN)]);
        let (p, c, out) = quantity_out(h, 2);
        let args = (figs, 2u32, 0u32, p, 2u32, c, 4u32, out);
        h.fails_naming("dxcast_measure_quantity", args, E_NOT_FINITE, "value");
        assert_eq!(h.last_index(), 1);
    }),
    ("a quantity's figure of an unknown kind", |h| {
        let figs = measured(h, &[(0, 2022, 58e6)]);
        let mut r = Rec(h.view(figs, MEASURED_SIZE).0);
        r.u32(0, 7);
        let figs = h.put(&r.0);
        let (p, c, out) = quantity_out(h, 1);
        let args = (figs, 1u32, 0u32, p, 1u32, c, 4u32, out);
        h.fails_naming(
            "dxcast_measure_quantity",
            args,
            E_INVALID_CODE,
            "figure.kind",
        );
    }),
    ("a level among a quantity's totals", |h| {
        let figs = measured(h, &[(0, 2021, 40e6), (4, 2022, 58e6)]);
        let (p, c, out) = quantity_out(h, 2);
        let args = (figs, 2u32, 0u32, p, 2u32, c, 4u32, out);
        h.fails_naming("dxcast_measure_quantity", args, E_INVALID_ARGUMENT, "kind");
    }),
    ("a quantity's points into one slot", |h| {
        let figs = measured(h, &[(0, 2021, 40e6), (0, 2022, 58e6)]);
        let (p, c, out) = quantity_out(h, 2);
        let args = (figs, 2u32, 0u32, p, 1u32, c, 4u32, out);
        h.fails_naming(
            "dxcast_measure_quantity",
            args,
            E_BUFFER_TOO_SMALL,
            "points",
        );
    }),
    ("257 figures of a quantity", |h| {
        let figs = h.alloc(257 * MEASURED_SIZE);
        let (p, c, out) = quantity_out(h, 1);
        let args = (figs, 257u32, 0u32, p, 1u32, c, 4u32, out);
        h.fails_naming("dxcast_measure_quantity", args, E_CAPACITY, "points");
    }),
    (
        "the evidence of a quantity for a target before year 1",
        |h| {
            let figs = measured(h, &[(0, 2022, 58e6)]);
            let mut t = Rec::new(TARGET_SIZE);
            t.f64(0, 1e9).i32(8, -800_000).u32(12, 0);
            let t = h.put(&t.0);
            let out = h.alloc(EVIDENCE_SIZE);
            let args = (figs, 1u32, 0u32, t, out);
            h.fails_naming(
                "dxcast_quantity_evidence",
                args,
                E_INVALID_ARGUMENT,
                "day_number",
            );
        },
    ),
    ("a growth rate a fortnight, and one of NaN", |h| {
        let series = stock(h, &counts());
        let out = h.alloc(IMPLAUSIBLE_SIZE);
        let args = (series, day(2024, 1, 1), 20.0, 2u32, out);
        h.fails_naming("dxcast_implausible_growth", args, E_INVALID_CODE, "per");
        let args = (series, day(2024, 1, 1), f64::NAN, 0u32, out);
        h.fails_naming(
            "dxcast_implausible_growth",
            args,
            E_NOT_FINITE,
            "growth_rate",
        );
    }),
    // ------------------------------------------------ figures in text
    ("report text that is not UTF-8", |h| {
        let text = h.put(b"\xff\xfe 58.397.139 giao d\xe1ch");
        let out = h.alloc(4 * FOUND_SIZE);
        let args = (text, 23u32, 0u32, 0i32, out, 4u32);
        h.fails_naming("dxcast_extract_figures", args, E_INVALID_UTF8, "text");
    }),
    ("two figures into one slot", |h| {
        let s = "đạt 58.397.139 giao dịch, tăng 17,5%";
        let text = h.put(s.as_bytes());
        let out = h.alloc(2 * FOUND_SIZE);
        let args = (text, s.len() as u32, 0u32, 0i32, out, 1u32);
        h.fails_naming("dxcast_extract_figures", args, E_BUFFER_TOO_SMALL, "out");
        assert_eq!(
            h.bytes(out, FOUND_SIZE),
            vec![0; FOUND_SIZE],
            "nothing written"
        );
    }),
    ("an as-of flag of 2, and text past the end of memory", |h| {
        let s = "đạt 58.397.139 giao dịch";
        let text = h.put(s.as_bytes());
        let out = h.alloc(FOUND_SIZE);
        let args = (text, s.len() as u32, 2u32, 0i32, out, 1u32);
        h.fails_naming("dxcast_extract_figures", args, E_INVALID_CODE, "has_as_of");
        let args = (text, u32::MAX - 8, 0u32, 0i32, out, 1u32);
        h.fails_naming("dxcast_extract_figures", args, E_BAD_REGION, "text");
    }),
];

/// An array of `Measured` records: `(kind code, year, value)`, each the
/// year's total (or level at its end), observed.
fn measured(host: &mut Host, figures: &[(u32, i32, f64)]) -> u32 {
    let mut bytes = Vec::new();
    for &(kind, year, value) in figures {
        let (start, end) = (day(year, 1, 1), day(year, 12, 31));
        let mut r = Rec::new(MEASURED_SIZE);
        r.u32(0, kind)
            .i32(16 + 8, if kind == 0 { start } else { end })
            .i32(16 + 12, end)
            .u32(16 + 16, if kind == 0 { 3 } else { 0 })
            .f64(16 + 24, value);
        bytes.extend(r.0);
    }
    host.put(&bytes)
}

/// Outputs of `dxcast_measure_quantity` for `n` points: points, conflicts, Measures.
fn quantity_out(host: &mut Host, n: usize) -> (u32, u32, u32) {
    (
        host.alloc(n * QUANTITY_POINT_SIZE),
        host.alloc(4 * CONFLICT_SIZE),
        host.alloc(MEASURES_SIZE),
    )
}

#[test]
fn bad_input_catalogue_fails_cleanly_and_leaves_the_instance_as_it_was() {
    let mut host = Host::new();
    let baseline = fixed_call(&mut host);
    assert!(CASES.len() >= 30, "{} cases", CASES.len());
    for (name, case) in CASES {
        host.reset();
        case(&mut host);
        assert_eq!(
            host.call::<(), i32>("dxcast_fitted_live", ()),
            0,
            "{name}: a fitted model was left behind"
        );
        assert!(
            fixed_call(&mut host) == baseline,
            "{name}: the instance answers differently"
        );
    }
    println!("{} bad-input cases", CASES.len());
}
