//! The C-ABI module from a real host: wasmtime loads the release module,
//! and every export is called and checked against the native core on the
//! same inputs.
//!
//! Run by `cargo xtask test`, which builds the module first; by hand:
//!
//! ```sh
//! cargo build -p dxcast-ffi --target wasm32-unknown-unknown --release
//! cargo test -p dxcast-ffi-host
//! ```

mod c_host;
mod catalogue;
mod claims;
mod data;
mod host;
mod memory;
mod projections;
mod quantities;

use dxcast_core::lstsq::LeastSquares;
use dxcast_core::{Date, Period};

use host::*;

/// Every function `ABI.md` lists.
pub(crate) const EXPORTS: [&str; 43] = [
    "dxcast_abi_version",
    "dxcast_buffer_ptr",
    "dxcast_buffer_len",
    "dxcast_heap_base",
    "dxcast_last_error",
    "dxcast_last_error_code",
    "dxcast_last_error_field",
    "dxcast_last_error_index",
    "dxcast_describe",
    "dxcast_date_from_ymd",
    "dxcast_date_parse",
    "dxcast_date_parse_dmy",
    "dxcast_date_format",
    "dxcast_period_parse",
    "dxcast_parse_vi",
    "dxcast_lstsq",
    "dxcast_fit",
    "dxcast_fitted_free",
    "dxcast_fitted_live",
    "dxcast_fitted_summary",
    "dxcast_fitted_values",
    "dxcast_forecast",
    "dxcast_horizon",
    "dxcast_analyse",
    "dxcast_choose",
    "dxcast_claim_check",
    "dxcast_run_rate",
    "dxcast_extrapolate",
    "dxcast_daily_average",
    "dxcast_period_total",
    "dxcast_flow_between",
    "dxcast_flows",
    "dxcast_share_change",
    "dxcast_readings_of_change",
    "dxcast_change",
    "dxcast_change_between",
    "dxcast_cagr",
    "dxcast_points_from_observations",
    "dxcast_evaluation",
    "dxcast_measure_quantity",
    "dxcast_quantity_evidence",
    "dxcast_implausible_growth",
    "dxcast_extract_figures",
];

#[test]
fn the_module_imports_nothing_and_exports_every_listed_function() {
    let (_, module) = module();
    let imports: Vec<String> = module
        .imports()
        .map(|i| format!("{}.{}", i.module(), i.name()))
        .collect();
    assert!(imports.is_empty(), "imports: {imports:?}");
    let exports: Vec<&str> = module.exports().map(|e| e.name()).collect();
    for name in EXPORTS {
        assert!(exports.contains(&name), "{name} is not exported");
    }
    let functions: Vec<&str> = module
        .exports()
        .filter(|e| e.ty().func().is_some())
        .map(|e| e.name())
        .collect();
    for f in &functions {
        assert!(EXPORTS.contains(f), "{f} is exported but not listed");
    }
    let mut host = Host::new();
    assert_eq!(host.call::<(), u32>("dxcast_abi_version", ()), 0x0002_0000);
    assert_eq!(host.arena_len, 256 * 1024);
    assert_eq!(host.arena % 16, 0);
    let heap: u32 = host.call("dxcast_heap_base", ());
    assert!(heap >= host.arena + host.arena_len);
    // No failure yet: code 0, empty message.
    assert_eq!(host.call::<(), i32>("dxcast_last_error_code", ()), 0);
    assert_eq!(host.last_error(), "");
    assert_eq!(host.last_field(), "");
    assert_eq!(host.last_index(), -1);
    assert_eq!(host.call::<(), i32>("dxcast_fitted_live", ()), 0);
}

/// A NIST StRD dataset: the rows after its second "Data:" line.
fn nist(text: &str) -> Vec<Vec<f64>> {
    let start = text.rfind("Data:").unwrap();
    text[start..]
        .lines()
        .skip(1)
        .map(|l| {
            l.split_whitespace()
                .map(|w| w.parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn lstsq_both(host: &mut Host, x: &[f64], cols: usize, y: &[f64], name: &str) {
    let native = LeastSquares::fit(x, cols, y, true).unwrap();
    host.reset();
    let xa = host.f64s(x);
    let ya = host.f64s(y);
    let out = host.alloc(LSTSQ_SIZE);
    host.ok(
        "dxcast_lstsq",
        (xa, y.len() as u32, cols as u32, ya, 1u32, out),
    );
    let v = host.view(out, LSTSQ_SIZE);
    assert_eq!(v.u32(0) as usize, native.rows(), "{name} rows");
    assert_eq!(v.u32(4) as usize, native.params(), "{name} params");
    assert_eq!(v.u32(8) as usize, native.df(), "{name} df");
    assert_eq!(v.u32(12), 1, "{name} intercept");
    assert_eq!(
        v.u32(16),
        3,
        "{name}: residual SD and standard errors known"
    );
    assert_close(v.f64(24), native.rss(), &format!("{name} rss"));
    assert_eq!(
        known(&v, 16, 0, 32),
        native.residual_sd(),
        "{name} residual sd"
    );
    assert_close(v.f64(40), native.r_squared(), &format!("{name} R²"));
    let se = native.standard_errors().unwrap();
    for k in 0..11 {
        let c = native.coefficients().get(k).copied().unwrap_or(0.0);
        let s = se.get(k).copied().unwrap_or(0.0);
        assert_close(v.f64(48 + 8 * k), c, &format!("{name} coefficient {k}"));
        assert_close(v.f64(136 + 8 * k), s, &format!("{name} standard error {k}"));
    }
}

#[test]
fn least_squares_takes_thousands_of_rows() {
    let mut host = Host::new();
    // y = 2 + 3x with a repeating wobble of ±0.06, over 5 000 rows.
    let n = 5_000;
    let x: Vec<f64> = (0..n).flat_map(|i| [1.0, f64::from(i)]).collect();
    let y: Vec<f64> = (0..n)
        .map(|i| 2.0 + 3.0 * f64::from(i) + 0.01 * f64::from((i * 7_919) % 13) - 0.06)
        .collect();
    lstsq_both(&mut host, &x, 2, &y, "5 000 rows");
    let fit = LeastSquares::fit(&x, 2, &y, true).unwrap();
    assert!((fit.coefficients()[0] - 2.0).abs() < 0.01);
    assert!((fit.coefficients()[1] - 3.0).abs() < 1e-5);
}

#[test]
fn nist_longley_and_filip_through_the_abi_equal_the_native_fit() {
    let mut host = Host::new();
    // Longley: y and six predictors, with an intercept column.
    let rows = nist(include_str!("../../../../tests/data/nist/Longley.dat"));
    assert_eq!(rows.len(), 16);
    let y: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    let x: Vec<f64> = rows
        .iter()
        .flat_map(|r| std::iter::once(1.0).chain(r[1..].iter().copied()))
        .collect();
    lstsq_both(&mut host, &x, 7, &y, "Longley");
    // Filip: a polynomial of degree 10, the most parameters the core takes.
    let rows = nist(include_str!("../../../../tests/data/nist/Filip.dat"));
    assert_eq!(rows.len(), 82);
    let y: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    let x: Vec<f64> = rows
        .iter()
        .flat_map(|r| (0..=10).map(move |k| r[1].powi(k)))
        .collect();
    lstsq_both(&mut host, &x, 11, &y, "Filip");
}

#[test]
fn dates_periods_numbers_and_code_names() {
    let mut host = Host::new();
    let out = host.alloc(8);
    host.ok("dxcast_date_from_ymd", (2022i32, 12u32, 8u32, out));
    let day = host.view(out, 4).i32(0);
    assert_eq!(day, Date::from_ymd(2022, 12, 8).unwrap().day_number());
    let (t, n) = host.text("2020-10-30");
    host.ok("dxcast_date_parse", (t, n, out));
    assert_eq!(
        host.view(out, 4).i32(0),
        Date::parse_iso("2020-10-30").unwrap().day_number()
    );
    let (t, n) = host.text("8/12/2022");
    host.ok("dxcast_date_parse_dmy", (t, n, out));
    assert_eq!(host.view(out, 4).i32(0), day);
    let buf = host.alloc(16);
    assert_eq!(host.ok("dxcast_date_format", (day, buf, 16u32)), 10);
    assert_eq!(host.bytes(buf, 10), b"2022-12-08");
    let first = Date::from_ymd(1, 1, 1).unwrap().day_number();
    host.ok("dxcast_date_format", (first, buf, 16u32));
    assert_eq!(host.bytes(buf, 10), b"0001-01-01");

    for text in [
        "2022",
        "2022-Q3",
        "2022-09",
        "2022-09-30",
        "2022-01-01/2022-12-08",
    ] {
        let native = Period::parse(text).unwrap();
        let (t, n) = host.text(text);
        let out = host.alloc(PERIOD_SIZE);
        host.ok("dxcast_period_parse", (t, n, out));
        let v = host.view(out, PERIOD_SIZE);
        assert_eq!(v.i32(0), native.start().day_number(), "{text}");
        assert_eq!(v.i32(4), native.end().day_number(), "{text}");
        let kinds = [
            dxcast_core::PeriodKind::Day,
            dxcast_core::PeriodKind::Month,
            dxcast_core::PeriodKind::Quarter,
            dxcast_core::PeriodKind::Year,
            dxcast_core::PeriodKind::Range,
        ];
        assert_eq!(kinds[v.u32(8) as usize], native.kind(), "{text}");
        assert_eq!(v.u32(12), native.days(), "{text}");
    }

    for text in ["58.397.139", "1,6 triệu", "2,75 nghìn tỷ", "97,3%", "4,8"] {
        let native = dxcast_core::number::parse_vi(text).unwrap();
        let (t, n) = host.text(text);
        let out = host.alloc(STATED_SIZE);
        host.ok("dxcast_parse_vi", (t, n, out));
        let v = host.view(out, STATED_SIZE);
        assert_eq!(v.f64(0), native.value, "{text}");
        assert_eq!(v.f64(8), native.precision, "{text}");
        assert_eq!(v.u32(16), u32::from(native.percent), "{text}");
    }

    // Every code of every table names what the core names.
    use dxcast_core::{
        ClaimKind, Comparison, MeasureKind, Method, Qualifier, Status, Unit, Verdict,
    };
    use dxcast_core::{ErrorKind, Unknown};
    let tables: [(u32, Vec<&str>); 10] = [
        (3, Method::ALL.iter().map(|m| m.code()).collect()),
        (4, Unit::ALL.iter().map(|u| u.code()).collect()),
        (5, MeasureKind::ALL.iter().map(|k| k.code()).collect()),
        (6, Qualifier::ALL.iter().map(|q| q.code()).collect()),
        (7, Status::ALL.iter().map(|s| s.code()).collect()),
        (8, Comparison::ALL.iter().map(|c| c.code()).collect()),
        (9, ClaimKind::ALL.iter().map(|k| k.code()).collect()),
        (10, Verdict::ALL.iter().map(|v| v.code()).collect()),
        (
            11,
            crate::data::TARGET_STATUSES
                .iter()
                .map(|s| s.code())
                .collect(),
        ),
        (12, Unknown::ALL.iter().map(|u| u.code()).collect()),
    ];
    for (table, names) in tables {
        for (code, name) in names.iter().enumerate() {
            assert_eq!(host.describe(table, code as u32), *name, "table {table}");
        }
        let buf = host.alloc(8);
        host.fails(
            "dxcast_describe",
            (table, names.len() as u32, buf, 8u32),
            E_INVALID_CODE,
        );
    }
    // Error kinds by their code without the sign: the core's names.
    for kind in ErrorKind::ALL {
        assert_eq!(host.describe(13, (-kind.code()) as u32), kind.name());
    }
    let buf = host.alloc(8);
    host.fails("dxcast_describe", (13u32, 15u32, buf, 8u32), E_INVALID_CODE);
    // Formulas 0-29 and symbols 0-44 exist, in the core's order (2.0
    // appended Verdict and AtMost, From to Span, then GompertzTrend); one
    // past them does not.
    use dxcast_core::{Formula, Symbol};
    let tables: [(u32, Vec<&str>); 3] = [
        (0, Formula::ALL.iter().map(|f| f.expression()).collect()),
        (1, Symbol::ALL.iter().map(|s| s.code()).collect()),
        (2, Symbol::ALL.iter().map(|s| s.notation()).collect()),
    ];
    for (table, names) in tables {
        assert!(names.len() == 30 || names.len() == 45);
        for (code, name) in names.iter().enumerate() {
            assert_eq!(host.describe(table, code as u32), *name, "table {table}");
        }
        let buf = host.alloc(8);
        let past = names.len() as u32;
        host.fails("dxcast_describe", (table, past, buf, 8u32), E_INVALID_CODE);
    }
}

#[test]
fn the_rust_and_python_hosts_of_abi_md() {
    // ABI.md's examples: "806 triệu" read from the text, then run to the
    // end of 2022 from 8 December (day 342): 806 million × 365 / 342.
    let mut host = Host::new();
    let a = host.arena;
    let text = "806 triệu".as_bytes();
    host.write(a, text);
    host.ok("dxcast_parse_vi", (a, text.len() as u32, a + 64));
    let value = host.view(a + 64, 16).f64(0);
    assert_eq!(value, 806e6);
    host.ok("dxcast_run_rate", (value, 19_334i32, a + 128));
    let result = host.view(a + 128, EXPLANATION_SIZE);
    assert_eq!(result.u32(8), 1, "has a result");
    assert!((result.f64(24) - 806e6 * 365.0 / 342.0).abs() < 1e-6);
}
