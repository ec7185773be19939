//! Failures: each of the core's errors with its code and message, and bad
//! pointers and lengths, which must be error codes that leave the host's
//! memory alone, never traps.

use dxcast_core::lstsq::LeastSquares;
use dxcast_core::{
    Bounds, Date, Error, Field, MeasureKind, Method, ModelSpec, Point, Series, Subject, Unit,
};
use wasmtime::{Val, ValType};

use crate::host::*;
use crate::projections::{counts, share};

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn subject(bounds: Bounds) -> Subject {
    Subject::new(MeasureKind::Stock, Unit::Count, bounds).unwrap()
}

fn fit_fails(
    host: &mut Host,
    method: Method,
    points: &[Point],
    bounds: Bounds,
    code: i32,
    field: &str,
) -> String {
    host.reset();
    let series = host.series(points, MeasureKind::Stock, Unit::Count, bounds);
    let model = host.put(&model_record(&ModelSpec::new(method)).0);
    host.fails_naming("dxcast_fit", (model, series), code, field)
}

#[test]
fn each_core_error_has_its_code_field_and_the_core_message() {
    let mut host = Host::new();
    let good = counts();
    let s = |pts: &[Point], b: Bounds| Series::new(pts, subject(b)).map(|_| ()).unwrap_err();

    let mut nan = good.clone();
    nan[2].value = f64::NAN;
    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &nan,
        Bounds::NONE,
        E_NOT_FINITE,
        "value",
    );
    assert_eq!(msg, s(&nan, Bounds::NONE).to_string());
    assert_eq!(host.last_index(), 2);

    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &[],
        Bounds::NONE,
        E_EMPTY,
        "series",
    );
    assert_eq!(
        msg,
        Error::Empty {
            what: Field::Series
        }
        .to_string()
    );

    let msg = fit_fails(
        &mut host,
        Method::Holt,
        &good[..3],
        Bounds::NONE,
        E_TOO_FEW_POINTS,
        "series",
    );
    let native = ModelSpec::new(Method::Holt)
        .model()
        .unwrap()
        .fit(&Series::new(&good[..3], subject(Bounds::NONE)).unwrap())
        .unwrap_err();
    assert_eq!(msg, native.to_string());

    let mut unsorted = good.clone();
    unsorted.swap(3, 4);
    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &unsorted,
        Bounds::NONE,
        E_UNSORTED,
        "date",
    );
    assert_eq!(msg, s(&unsorted, Bounds::NONE).to_string());
    assert_eq!(host.last_index(), 4);

    let mut dup = good.clone();
    dup[4].date = dup[3].date;
    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &dup,
        Bounds::NONE,
        E_DUPLICATE_DATE,
        "date",
    );
    assert_eq!(msg, s(&dup, Bounds::NONE).to_string());
    assert_eq!(host.last_index(), 4);

    let mut zero = good.clone();
    zero[0].value = 0.0;
    let msg = fit_fails(
        &mut host,
        Method::LogLinear,
        &zero,
        Bounds::NON_NEGATIVE,
        E_NON_POSITIVE,
        "value",
    );
    let native = ModelSpec::new(Method::LogLinear)
        .model()
        .unwrap()
        .fit(&Series::new(&zero, subject(Bounds::NON_NEGATIVE)).unwrap())
        .unwrap_err();
    assert_eq!(msg, native.to_string());

    let mut over = share();
    over[7].value = 101.0;
    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &over,
        Bounds::PERCENT,
        E_OUT_OF_BOUNDS,
        "value",
    );
    assert_eq!(msg, s(&over, Bounds::PERCENT).to_string());
    assert_eq!(host.last_index(), 7);

    // Capacity: more points than a series passed to the module holds.
    host.reset();
    let long: Vec<Point> = (0..1025)
        .map(|k| Point::new(d(2000, 1, 1).add_days(k).unwrap(), 1.0))
        .collect();
    let msg = fit_fails(
        &mut host,
        Method::Linear,
        &long,
        Bounds::NONE,
        E_CAPACITY,
        "points",
    );
    assert!(msg.contains("1024"), "{msg}");

    // Singular: a column that repeats another.
    host.reset();
    let xs = [1.0, 2.0, 2.0, 1.0, 3.0, 3.0, 1.0, 4.0, 4.0, 1.0, 5.0, 5.0];
    let ys = [1.0, 2.0, 3.0, 5.0];
    let (x, y, out) = (host.f64s(&xs), host.f64s(&ys), host.alloc(LSTSQ_SIZE));
    let msg = host.fails_naming(
        "dxcast_lstsq",
        (x, 4u32, 3u32, y, 1u32, out),
        E_SINGULAR,
        "design",
    );
    assert_eq!(
        msg,
        LeastSquares::fit(&xs, 3, &ys, true)
            .unwrap_err()
            .to_string()
    );
    assert_eq!(host.last_index(), 2);

    let out = host.alloc(8);
    let msg = host.fails_naming(
        "dxcast_date_from_ymd",
        (2023i32, 2u32, 30u32, out),
        E_INVALID_DATE,
        "date",
    );
    assert_eq!(msg, Date::from_ymd(2023, 2, 30).unwrap_err().to_string());

    // A confidence level outside (0, 1).
    host.reset();
    let series = host.series(&good, MeasureKind::Stock, Unit::Count, Bounds::NON_NEGATIVE);
    let handle = host.fit(&ModelSpec::new(Method::Linear), series);
    let dates = host.i32s(&[d(2025, 1, 1).day_number()]);
    let out = host.alloc(FORECAST_SIZE);
    let msg = host.fails_naming(
        "dxcast_forecast",
        (handle, 0u32, dates, 1u32, 1.5, out),
        E_INVALID_ARGUMENT,
        "level",
    );
    let fitted = ModelSpec::new(Method::Linear)
        .model()
        .unwrap()
        .fit(&Series::new(&good, subject(Bounds::NON_NEGATIVE)).unwrap())
        .unwrap();
    let native = fitted
        .predict(d(2025, 1, 1))
        .unwrap()
        .interval(1.5, Bounds::NON_NEGATIVE)
        .unwrap_err();
    assert_eq!(msg, native.to_string());
    host.ok("dxcast_fitted_free", (handle,));

    let (t, n) = host.text("khoảng");
    let out = host.alloc(STATED_SIZE);
    let msg = host.fails("dxcast_parse_vi", (t, n, out), E_PARSE);
    assert_eq!(
        msg,
        dxcast_core::number::parse_vi("khoảng")
            .unwrap_err()
            .to_string()
    );
}

/// Fills `len` bytes at `addr` with 0xAB and returns a check that they are
/// still there.
fn sentinel(host: &mut Host, addr: u32, len: usize) -> impl Fn(&Host) + use<> {
    host.write(addr, &vec![0xAB; len]);
    move |h: &Host| {
        assert!(
            h.bytes(addr, len).iter().all(|b| *b == 0xAB),
            "memory was written"
        )
    }
}

#[test]
fn bad_pointers_and_lengths_are_errors_never_traps() {
    let mut host = Host::new();
    let end = host.memory.data_size(&host.store) as u32;
    let series = host.series(
        &counts(),
        MeasureKind::Stock,
        Unit::Count,
        Bounds::NON_NEGATIVE,
    );
    let model = host.put(&model_record(&ModelSpec::new(Method::Linear)).0);
    let handle = host.ok("dxcast_fit", (model, series)) as u32;
    let summary =
        |host: &mut Host, out: u32| -> i32 { host.call("dxcast_fitted_summary", (handle, out)) };

    // Outside the host's zones: null, the stack, past the end, wrapping.
    for out in [0u32, 8, 1024, end - 8, end, u32::MAX - 7] {
        assert_eq!(summary(&mut host, out), E_BAD_REGION, "out at {out}");
        assert_eq!(host.last_field(), "out");
    }
    assert!(host.last_error().contains("do not lie inside"));
    // Straddling the end of the arena.
    let last = host.arena + host.arena_len - 8;
    assert_eq!(summary(&mut host, last), E_BAD_REGION);
    // Misaligned.
    let out = host.alloc(SUMMARY_SIZE + 8);
    let untouched = sentinel(&mut host, out, SUMMARY_SIZE + 8);
    assert_eq!(summary(&mut host, out + 4), E_MISALIGNED);
    assert!(host.last_error().contains("not a multiple of 8"));
    untouched(&host);
    // Bad inputs never write an output either.
    let fc = host.alloc(FORECAST_SIZE);
    let dates = host.i32s(&[d(2030, 1, 1).day_number(), 0]);
    let untouched_fc = sentinel(&mut host, fc, FORECAST_SIZE);
    assert_eq!(
        host.call::<_, i32>("dxcast_forecast", (handle, 16u32, dates, 1u32, 0.95, fc)),
        E_BAD_REGION
    );
    assert_eq!(host.last_field(), "scenario");
    untouched_fc(&host);
    assert_eq!(
        host.call::<_, i32>("dxcast_fit", (16u32, series)),
        E_BAD_REGION
    );
    assert_eq!(host.last_field(), "model");

    // Array lengths that overflow or run past the end.
    for n in [u32::MAX, u32::MAX / 4 + 1, 1 << 20] {
        let rc: i32 = host.call("dxcast_forecast", (handle, 0u32, dates, n, 0.95, fc));
        assert_eq!(rc, E_BAD_REGION, "n = {n}");
    }
    let x = end - 64;
    let rc: i32 = host.call("dxcast_lstsq", (x, 200u32, 11u32, x, 1u32, host.arena));
    assert_eq!(rc, E_BAD_REGION);

    // A series whose arrays point outside memory, or are misaligned.
    let mut r = Rec(host.view(series, SERIES_SIZE).0);
    r.u32(4, end);
    let bad = host.put(&r.0);
    host.fails_naming("dxcast_fit", (model, bad), E_BAD_REGION, "series.values");
    let mut r = Rec(host.view(series, SERIES_SIZE).0);
    r.u32(4, host.view(series, SERIES_SIZE).u32(4) + 4);
    let bad = host.put(&r.0);
    host.fails_naming("dxcast_fit", (model, bad), E_MISALIGNED, "series.values");

    // Text: not UTF-8, too long.
    let t = host.put(&[0xff, 0xfe, b'1']);
    let o = host.alloc(8);
    host.fails_naming("dxcast_date_parse", (t, 3u32, o), E_INVALID_UTF8, "text");
    let long = host.put(&[b'1'; 300]);
    host.fails_naming("dxcast_parse_vi", (long, 300u32, o), E_CAPACITY, "text");

    // Output text too small: an error, nothing written.
    let buf = host.alloc(16);
    let untouched = sentinel(&mut host, buf, 16);
    let day = d(2022, 12, 8).day_number();
    host.fails_naming(
        "dxcast_date_format",
        (day, buf, 9u32),
        E_BUFFER_TOO_SMALL,
        "buf",
    );
    untouched(&host);
    // The last error's message and field: the length they need when the
    // buffer is too small, and nothing written.
    let msg = host.last_error();
    let needed: i32 = host.call("dxcast_last_error", (buf, 4u32));
    assert_eq!(needed as usize, msg.len());
    let needed: i32 = host.call("dxcast_last_error_field", (buf, 2u32));
    assert_eq!(needed, 3, "`buf`");
    untouched(&host);

    // Codes, flags and reserved fields out of range.
    let mut r = Rec(host.view(series, SERIES_SIZE).0);
    r.u32(20, 4);
    let bad = host.put(&r.0);
    host.fails_naming("dxcast_fit", (model, bad), E_INVALID_CODE, "series.bounds");
    let mut r = Rec(host.view(series, SERIES_SIZE).0);
    r.u32(12, 7);
    let bad = host.put(&r.0);
    host.fails_naming("dxcast_fit", (model, bad), E_INVALID_CODE, "series.kind");
    let bad_model = host.put(&raw_model(7, &[]).0);
    host.fails_naming(
        "dxcast_fit",
        (bad_model, series),
        E_INVALID_CODE,
        "model.method",
    );
    let mut sc = Rec::new(SCENARIO_SIZE);
    sc.u32(0, 8);
    let sc = host.put(&sc.0);
    host.fails_naming(
        "dxcast_forecast",
        (handle, sc, dates, 0u32, 0.95, fc),
        E_INVALID_CODE,
        "scenario.flags",
    );
    host.fails_naming(
        "dxcast_lstsq",
        (x, 1u32, 1u32, x, 2u32, fc),
        E_INVALID_CODE,
        "intercept",
    );
    untouched(&host);

    // Zero-length arrays may point anywhere: nothing is read.
    assert_eq!(
        host.call::<_, i32>("dxcast_forecast", (handle, 0u32, 0u32, 0u32, 0.95, 0u32)),
        0
    );
    host.ok("dxcast_fitted_free", (handle,));
}

#[test]
fn memory_from_the_heap_base_up_is_the_hosts() {
    let mut host = Host::new();
    let heap: u32 = host.call("dxcast_heap_base", ());
    let before = host.memory.data_size(&host.store) as u32;
    // Grow the memory by two pages and use them.
    host.memory.grow(&mut host.store, 2).unwrap();
    let end = host.memory.data_size(&host.store) as u32;
    assert_eq!(end, before + 2 * 65536);
    let base = heap.next_multiple_of(8).max(before);
    let pts = counts();
    let days: Vec<u8> = pts
        .iter()
        .flat_map(|p| p.date.day_number().to_le_bytes())
        .collect();
    let values: Vec<u8> = pts.iter().flat_map(|p| p.value.to_le_bytes()).collect();
    let (days_at, values_at) = (base, base + 128);
    host.write(days_at, &days);
    host.write(values_at, &values);
    let mut s = Rec::new(SERIES_SIZE);
    s.u32(0, days_at)
        .u32(4, values_at)
        .u32(8, pts.len() as u32)
        .u32(12, 4)
        .u32(20, 1)
        .f64(24, 0.0);
    let series = base + 512;
    host.write(series, &s.0);
    let model = base + 1024;
    let spec = ModelSpec::new(Method::Linear);
    host.write(model, &model_record(&spec).0);
    let handle = host.ok("dxcast_fit", (model, series));
    // The output ends exactly at the end of memory.
    let out = end - SUMMARY_SIZE as u32;
    host.ok("dxcast_fitted_summary", (handle, out));
    let fitted = spec
        .model()
        .unwrap()
        .fit(&Series::new(&pts, subject(Bounds::NON_NEGATIVE)).unwrap())
        .unwrap();
    assert_close(host.view(out, SUMMARY_SIZE).f64(40), fitted.sse(), "sse");
    // One byte further is outside.
    assert_eq!(
        host.call::<_, i32>("dxcast_fitted_summary", (handle, out + 8)),
        E_BAD_REGION
    );
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<T: Copy>(&mut self, v: &[T]) -> T {
        v[(self.next() % v.len() as u64) as usize]
    }
}

#[test]
fn random_arguments_to_every_export_never_trap() {
    let mut host = Host::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let end = host.memory.data_size(&host.store) as u32;
    let heap: u32 = host.call("dxcast_heap_base", ());
    // Random bytes in the arena, and a few valid records among them.
    let noise: Vec<u8> = (0..host.arena_len).map(|_| rng.next() as u8).collect();
    host.write(host.arena, &noise);
    host.reset();
    let series = host.series(
        &counts(),
        MeasureKind::Stock,
        Unit::Count,
        Bounds::NON_NEGATIVE,
    );
    let model = host.put(&model_record(&ModelSpec::new(Method::Linear)).0);
    let (arena, len) = (host.arena, host.arena_len);
    let addresses = [
        0,
        1,
        8,
        1024,
        arena,
        arena + 4,
        arena + 8,
        series,
        model,
        arena + len / 2,
        arena + len - 8,
        arena + len,
        heap,
        end - 8,
        end,
        u32::MAX,
        u32::MAX - 7,
    ];
    let handle = host.ok("dxcast_fit", (model, series)) as u32;
    let ints = [
        0u32,
        1,
        2,
        3,
        5,
        7,
        11,
        16,
        100,
        1024,
        1 << 20,
        u32::MAX,
        handle,
        handle + 64,
    ];
    let floats = [
        0.0,
        1.0,
        -1.0,
        0.5,
        0.95,
        100.0,
        806e6,
        1e308,
        f64::INFINITY,
        f64::NAN,
        -0.0,
    ];
    let (_, module) = module();
    let exports: Vec<(String, Vec<ValType>)> = module
        .exports()
        .filter_map(|e| {
            e.ty()
                .func()
                .map(|f| (e.name().to_string(), f.params().collect()))
        })
        .collect();
    assert_eq!(exports.len(), crate::EXPORTS.len());
    let codes: Vec<i32> = dxcast_core::ErrorKind::ALL
        .iter()
        .map(|k| k.code())
        .collect();
    let mut calls = 0;
    for (name, params) in &exports {
        let func = host.instance.get_func(&mut host.store, name).unwrap();
        for _ in 0..150 {
            let args: Vec<Val> = params
                .iter()
                .map(|t| match t {
                    ValType::I32 => {
                        let v = match rng.next() % 3 {
                            0 => rng.pick(&addresses),
                            1 => rng.pick(&ints),
                            _ => rng.next() as u32,
                        };
                        Val::I32(v as i32)
                    }
                    ValType::F64 => {
                        let v = if rng.next().is_multiple_of(4) {
                            f64::from_bits(rng.next())
                        } else {
                            rng.pick(&floats)
                        };
                        Val::F64(v.to_bits())
                    }
                    other => panic!("{name}: unexpected parameter type {other}"),
                })
                .collect();
            let mut results = vec![Val::I32(0)];
            func.call(&mut host.store, &args, &mut results)
                .unwrap_or_else(|trap| panic!("{name}{args:?} trapped: {trap:?}"));
            if let Val::I32(rc) = results[0] {
                let is_code = rc >= 0 || codes.contains(&rc);
                assert!(is_code, "{name}{args:?} returned {rc}");
            }
            calls += 1;
        }
    }
    assert_eq!(calls, crate::EXPORTS.len() * 150);
}
