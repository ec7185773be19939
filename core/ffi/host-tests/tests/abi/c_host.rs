//! `dxcast.h` from C: its sizes, offsets and flag bits checked at compile
//! time against the module's own layout (`core/ffi/src/layout.rs`), its
//! prototypes against the exports' signatures, and the C host of `ABI.md`
//! compiled with it and run against the module.
//!
//! The C host calls the prototypes of `dxcast.h`; `c/bind.c` defines them
//! (from the header's `DXCAST_EXPORTS` list) as calls through function
//! pointers, which this test points at the exports of a wasmtime instance.
//! The C code lays out and reads the records itself, in the module's memory.
//! These tests need a C compiler (`cc`, or `$CC`).
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::ffi::{c_char, c_int, c_void, CStr, CString};
use std::path::{Path, PathBuf};
use std::process::Command;

use dxcast_core::{Bounds, Date, MeasureKind, Method, ModelSpec, Point, Series, Settings, Subject};
use dxcast_core::{Comparison, Target, Unit};

use crate::host::*;

#[path = "../../../src/layout.rs"]
mod layout;

fn ffi_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where the C files the tests compile go: cargo's scratch folder for
/// integration tests, under `target/`.
fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dxcast-ffi-host-c");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the C compiler on C11 with `args`; fails the test with its output.
fn cc(args: &[&str]) {
    cc_std("-std=c11", args);
}

fn cc_std(std: &str, args: &[&str]) {
    let compiler = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let include = format!("-I{}", ffi_dir().display());
    let out = Command::new(&compiler)
        .args([std, "-Wall", "-Wextra", "-Werror", "-pedantic", &include])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {compiler}: {e}"));
    assert!(
        out.status.success(),
        "{compiler} {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `(struct, field, offset)`: every field offset of `layout.rs`, as `dxcast.h` names it.
fn offsets() -> Vec<(&'static str, String, usize)> {
    use layout::*;
    let mut v: Vec<(&str, String, usize)> = Vec::new();
    let mut add = |s: &'static str, fields: &[(&str, usize)]| {
        for (f, o) in fields {
            v.push((s, f.to_string(), *o));
        }
    };
    add(
        "dxcast_series",
        &[
            ("days", series::DAYS),
            ("values", series::VALUES),
            ("len", series::LEN),
            ("kind", series::KIND),
            ("unit", series::UNIT),
            ("bounds", series::BOUNDS),
            ("min", series::MIN),
            ("max", series::MAX),
        ],
    );
    add(
        "dxcast_model",
        &[("method", model::METHOD), ("given", model::GIVEN)],
    );
    add("dxcast_model", &model::SETTINGS);
    add(
        "dxcast_explanation",
        &[
            ("formula", explanation::FORMULA),
            ("count", explanation::COUNT),
            ("has_result", explanation::HAS_RESULT),
            ("terms_known", explanation::TERMS_KNOWN),
            ("unknown", explanation::UNKNOWN),
            ("reserved", explanation::RESERVED),
            ("result", explanation::RESULT),
            ("terms", explanation::TERMS),
        ],
    );
    add(
        "dxcast_term",
        &[
            ("symbol", explanation::TERM_SYMBOL),
            ("unit", explanation::TERM_UNIT),
            ("value", explanation::TERM_VALUE),
        ],
    );
    add(
        "dxcast_least_squares",
        &[
            ("rows", lstsq::ROWS),
            ("params", lstsq::PARAMS),
            ("df", lstsq::DF),
            ("intercept", lstsq::INTERCEPT),
            ("known", lstsq::KNOWN),
            ("reserved", lstsq::RESERVED),
            ("rss", lstsq::RSS),
            ("residual_sd", lstsq::RESIDUAL_SD),
            ("r_squared", lstsq::R_SQUARED),
            ("coefficients", lstsq::COEFFICIENTS),
            ("standard_errors", lstsq::STANDARD_ERRORS),
        ],
    );
    add(
        "dxcast_summary",
        &[
            ("method", summary::METHOD),
            ("params", summary::PARAMS),
            ("points", summary::POINTS),
            ("df", summary::DF),
            ("known", summary::KNOWN),
            ("first_date", summary::FIRST_DATE),
            ("last_date", summary::LAST_DATE),
            ("kind", summary::KIND),
            ("unit", summary::UNIT),
            ("bounds", summary::BOUNDS),
            ("sse", summary::SSE),
            ("residual_sd", summary::RESIDUAL_SD),
            ("first_value", summary::FIRST_VALUE),
            ("last_value", summary::LAST_VALUE),
            ("min", summary::MIN),
            ("max", summary::MAX),
            ("model", summary::MODEL),
            ("explanation", summary::EXPLANATION),
        ],
    );
    add(
        "dxcast_forecast_point",
        &[
            ("date", forecast::DATE),
            ("scale", forecast::SCALE),
            ("known", forecast::KNOWN),
            ("reserved", forecast::RESERVED),
            ("point", forecast::POINT),
            ("lo", forecast::LO),
            ("hi", forecast::HI),
            ("location", forecast::LOCATION),
            ("se", forecast::SE),
            ("df", forecast::DF),
            ("scale_lo", forecast::SCALE_LO),
            ("scale_hi", forecast::SCALE_HI),
        ],
    );
    add(
        "dxcast_target",
        &[
            ("value", target::VALUE),
            ("deadline", target::DEADLINE),
            ("comparison", target::COMPARISON),
        ],
    );
    add(
        "dxcast_evidence",
        &[
            ("given", evidence::GIVEN),
            ("after_date", evidence::AFTER_DATE),
            ("after_value", evidence::AFTER_VALUE),
            ("before_date", evidence::BEFORE_DATE),
            ("reserved", evidence::RESERVED),
            ("before_value", evidence::BEFORE_VALUE),
        ],
    );
    add(
        "dxcast_settings",
        &[
            ("today", settings::TODAY),
            ("reserved", settings::RESERVED),
            ("level", settings::LEVEL),
            ("evidence", settings::EVIDENCE),
        ],
    );
    add(
        "dxcast_scenario",
        &[
            ("flags", scenario::FLAGS),
            ("growth_from", scenario::GROWTH_FROM),
            ("growth_rate", scenario::GROWTH_RATE),
            ("shock_at", scenario::SHOCK_AT),
            ("reserved", scenario::RESERVED),
            ("shock_size", scenario::SHOCK_SIZE),
            ("target", scenario::TARGET),
        ],
    );
    add(
        "dxcast_analysis",
        &[
            ("status", analysis::STATUS),
            ("target_comparison", analysis::TARGET_COMPARISON),
            ("target_deadline", analysis::TARGET_DEADLINE),
            ("evaluation_date", analysis::EVALUATION_DATE),
            ("latest_date", analysis::LATEST_DATE),
            ("days", analysis::DAYS),
            ("reach_date", analysis::REACH_DATE),
            ("known", analysis::KNOWN),
            ("scale", analysis::SCALE),
            ("deadline_passed", analysis::DEADLINE_PASSED),
            ("target_value", analysis::TARGET_VALUE),
            ("evaluation_value", analysis::EVALUATION_VALUE),
            ("evaluation_factor", analysis::EVALUATION_FACTOR),
            ("threshold", analysis::THRESHOLD),
            ("latest_point_value", analysis::LATEST_POINT_VALUE),
            ("latest", analysis::LATEST),
            ("years", analysis::YEARS),
            ("location", analysis::LOCATION),
            ("se", analysis::SE),
            ("df", analysis::DF),
            ("scale_lo", analysis::SCALE_LO),
            ("scale_hi", analysis::SCALE_HI),
            ("projected", analysis::PROJECTED),
            ("low", analysis::LOW),
            ("high", analysis::HIGH),
            ("level", analysis::LEVEL),
            ("attainment", analysis::ATTAINMENT),
            ("gap", analysis::GAP),
            ("required_cagr", analysis::REQUIRED_CAGR),
            ("required_daily", analysis::REQUIRED_DAILY),
            ("required_points", analysis::REQUIRED_POINTS),
            ("projected_cagr", analysis::PROJECTED_CAGR),
            ("projected_daily", analysis::PROJECTED_DAILY),
            ("projected_points", analysis::PROJECTED_POINTS),
            ("ratio", analysis::RATIO),
            ("probability", analysis::PROBABILITY),
            ("outlook", analysis::OUTLOOK),
            ("staleness", analysis::STALENESS),
            ("judged_by_date", analysis::JUDGED_BY_DATE),
            ("facts", analysis::FACTS),
            ("judged_by_value", analysis::JUDGED_BY_VALUE),
            ("facts_df", analysis::FACTS_DF),
            ("facts_horizon_days", analysis::FACTS_HORIZON_DAYS),
            ("facts_span_days", analysis::FACTS_SPAN_DAYS),
            ("reserved", analysis::RESERVED),
        ],
    );
    add(
        "dxcast_choice",
        &[
            ("count", choice::COUNT),
            ("criterion", choice::CRITERION),
            ("reason", choice::REASON),
            ("n", choice::N),
            ("rule", choice::RULE),
            ("known", choice::KNOWN),
            ("mape", choice::MAPE),
            ("runner_up", choice::RUNNER_UP),
            ("ranked", choice::RANKED),
            ("explanation", choice::EXPLANATION),
        ],
    );
    add(
        "dxcast_ranked",
        &[
            ("model", choice::RANKED_MODEL),
            ("score", choice::RANKED_SCORE),
            ("has_score", choice::RANKED_HAS_SCORE),
            ("reserved", choice::RANKED_RESERVED),
        ],
    );
    add(
        "dxcast_figure",
        &[
            ("form", figure::FORM),
            ("qualifier", figure::QUALIFIER),
            ("has_period", figure::HAS_PERIOD),
            ("period_start", figure::PERIOD_START),
            ("period_end", figure::PERIOD_END),
            ("ends", figure::ENDS),
            ("a", figure::A),
            ("b", figure::B),
        ],
    );
    add(
        "dxcast_claim",
        &[
            ("kind", claim::KIND),
            ("inputs_len", claim::INPUTS_LEN),
            ("has_period", claim::HAS_PERIOD),
            ("period_start", claim::PERIOD_START),
            ("period_end", claim::PERIOD_END),
            ("reserved", claim::RESERVED),
            ("stated", claim::STATED),
            ("inputs", claim::INPUTS),
        ],
    );
    add(
        "dxcast_check",
        &[
            ("verdict", check::VERDICT),
            ("reason", check::REASON),
            ("reason_index", check::REASON_INDEX),
            ("has_stated", check::HAS_STATED),
            ("has_recomputed", check::HAS_RECOMPUTED),
            ("known", check::KNOWN),
            ("stated_lo", check::STATED_LO),
            ("stated_hi", check::STATED_HI),
            ("recomputed_lo", check::RECOMPUTED_LO),
            ("recomputed_hi", check::RECOMPUTED_HI),
            ("explanation", check::EXPLANATION),
            ("at_stated", check::AT_STATED),
            ("reserved", check::RESERVED),
        ],
    );
    add(
        "dxcast_period",
        &[
            ("start", period::START),
            ("end", period::END),
            ("kind", period::KIND),
            ("days", period::DAYS),
        ],
    );
    add(
        "dxcast_flow",
        &[
            ("start", flow::START),
            ("end", flow::END),
            ("days", flow::DAYS),
            ("reserved", flow::RESERVED),
            ("from", flow::FROM),
            ("to", flow::TO),
            ("value", flow::VALUE),
            ("per_day", flow::PER_DAY),
        ],
    );
    add(
        "dxcast_observation",
        &[
            ("status", observation::STATUS),
            ("qualifier", observation::QUALIFIER),
            ("period", observation::PERIOD),
            ("value", observation::VALUE),
            ("precision", observation::PRECISION),
        ],
    );
    add(
        "dxcast_target_evaluation",
        &[
            ("date", evaluation::DATE),
            ("reserved", evaluation::RESERVED),
            ("value", evaluation::VALUE),
            ("factor", evaluation::FACTOR),
        ],
    );
    add(
        "dxcast_stated",
        &[
            ("value", stated::VALUE),
            ("precision", stated::PRECISION),
            ("percent", stated::PERCENT),
            ("reserved", stated::RESERVED),
        ],
    );
    add(
        "dxcast_measured",
        &[
            ("kind", measured::KIND),
            ("definition", measured::DEFINITION),
            ("has_since", measured::HAS_SINCE),
            ("since", measured::SINCE),
            ("observation", measured::OBSERVATION),
        ],
    );
    add(
        "dxcast_quantity_point",
        &[
            ("date", quantity_point::DATE),
            ("reserved", quantity_point::RESERVED),
            ("value", quantity_point::VALUE),
            ("window", quantity_point::WINDOW),
            ("measure", quantity_point::MEASURE),
            ("conversion", quantity_point::CONVERSION),
            ("status", quantity_point::STATUS),
            ("source", quantity_point::SOURCE),
            ("earlier", quantity_point::EARLIER),
            ("aside", quantity_point::ASIDE),
            ("low", quantity_point::LOW),
            ("high", quantity_point::HIGH),
            ("definition", quantity_point::DEFINITION),
            ("reserved2", quantity_point::RESERVED2),
        ],
    );
    add("dxcast_conflict", &[("a", conflict::A), ("b", conflict::B)]);
    add(
        "dxcast_measures",
        &[
            ("basis", measures::BASIS),
            ("points", measures::POINTS),
            ("conflicts", measures::CONFLICTS),
            ("definition", measures::DEFINITION),
        ],
    );
    add(
        "dxcast_implausible",
        &[
            ("known", implausible::KNOWN),
            ("reserved", implausible::RESERVED),
            ("per_year", implausible::PER_YEAR),
            ("fastest", implausible::FASTEST),
            ("limit", implausible::LIMIT),
        ],
    );
    add(
        "dxcast_found",
        &[
            ("value", found::VALUE),
            ("precision", found::PRECISION),
            ("unit", found::UNIT),
            ("qualifier", found::QUALIFIER),
            ("start", found::START),
            ("end", found::END),
            ("sentence_start", found::SENTENCE_START),
            ("sentence_end", found::SENTENCE_END),
            ("known", found::KNOWN),
            ("derived", found::DERIVED),
            ("period", found::PERIOD),
            ("denominator", found::DENOMINATOR),
            ("cue_start", found::CUE_START),
            ("cue_end", found::CUE_END),
            ("compared_start", found::COMPARED_START),
            ("compared_end", found::COMPARED_END),
            ("decrease", found::DECREASE),
            ("reserved", found::RESERVED),
        ],
    );
    v
}

/// `(expression, value)`: sizes, limits and flag bits of `layout.rs`.
fn constants() -> Vec<(String, u64)> {
    use layout::*;
    let mut v: Vec<(String, u64)> = [
        ("dxcast_series", series::SIZE),
        ("dxcast_model", model::SIZE),
        ("dxcast_explanation", explanation::SIZE),
        ("dxcast_term", explanation::TERM_SIZE),
        ("dxcast_least_squares", lstsq::SIZE),
        ("dxcast_summary", summary::SIZE),
        ("dxcast_forecast_point", forecast::SIZE),
        ("dxcast_target", target::SIZE),
        ("dxcast_settings", settings::SIZE),
        ("dxcast_scenario", scenario::SIZE),
        ("dxcast_analysis", analysis::SIZE),
        ("dxcast_choice", choice::SIZE),
        ("dxcast_ranked", choice::RANKED_SIZE),
        ("dxcast_figure", figure::SIZE),
        ("dxcast_claim", claim::SIZE),
        ("dxcast_check", check::SIZE),
        ("dxcast_period", period::SIZE),
        ("dxcast_flow", flow::SIZE),
        ("dxcast_observation", observation::SIZE),
        ("dxcast_target_evaluation", evaluation::SIZE),
        ("dxcast_stated", stated::SIZE),
        ("dxcast_evidence", evidence::SIZE),
        ("dxcast_measured", measured::SIZE),
        ("dxcast_quantity_point", quantity_point::SIZE),
        ("dxcast_conflict", conflict::SIZE),
        ("dxcast_measures", measures::SIZE),
        ("dxcast_implausible", implausible::SIZE),
        ("dxcast_found", found::SIZE),
    ]
    .iter()
    .map(|(s, n)| (format!("sizeof({s})"), *n as u64))
    .collect();
    let numbers: [(&str, u64); 60] = [
        ("DXCAST_FITTED_SLOTS", FITTED_SLOTS as u64),
        ("DXCAST_MAX_SERIES", MAX_SERIES as u64),
        ("DXCAST_NONE", u64::from(NONE)),
        ("DXCAST_MAX_TERMS", explanation::MAX_TERMS as u64),
        ("DXCAST_MAX_RANKED", choice::MAX_RANKED as u64),
        ("DXCAST_MAX_INPUTS", claim::MAX_INPUTS as u64),
        ("DXCAST_MAX_PARAMS", 11),
        ("DXCAST_HAS_MIN", series::HAS_MIN.into()),
        ("DXCAST_HAS_MAX", series::HAS_MAX.into()),
        ("DXCAST_LS_HAS_RESIDUAL_SD", lstsq::HAS_RESIDUAL_SD.into()),
        (
            "DXCAST_LS_HAS_STANDARD_ERRORS",
            lstsq::HAS_STANDARD_ERRORS.into(),
        ),
        (
            "DXCAST_SUMMARY_HAS_RESIDUAL_SD",
            summary::HAS_RESIDUAL_SD.into(),
        ),
        ("DXCAST_FP_HAS_LO", forecast::HAS_LO.into()),
        ("DXCAST_FP_HAS_HI", forecast::HAS_HI.into()),
        ("DXCAST_FP_HAS_SE", forecast::HAS_SE.into()),
        ("DXCAST_FP_HAS_DF", forecast::HAS_DF.into()),
        ("DXCAST_FP_HAS_SCALE_LO", forecast::HAS_SCALE_LO.into()),
        ("DXCAST_FP_HAS_SCALE_HI", forecast::HAS_SCALE_HI.into()),
        ("DXCAST_SCENARIO_GROWTH", scenario::GROWTH.into()),
        ("DXCAST_SCENARIO_SHOCK", scenario::SHOCK.into()),
        ("DXCAST_SCENARIO_TARGET", scenario::CHANGED_TARGET.into()),
        ("DXCAST_SCENARIO_PER_MONTH", scenario::PER_MONTH.into()),
        ("DXCAST_EVIDENCE_HAS_AFTER", evidence::HAS_AFTER.into()),
        ("DXCAST_EVIDENCE_HAS_BEFORE", evidence::HAS_BEFORE.into()),
        ("DXCAST_A_HAS_JUDGED_BY", analysis::HAS_JUDGED_BY.into()),
        ("DXCAST_FACT_UNREACHABLE", analysis::UNREACHABLE.into()),
        ("DXCAST_FACT_AFTER_GIVEN", analysis::AFTER_GIVEN.into()),
        ("DXCAST_FACT_AFTER_MEETS", analysis::AFTER_MEETS.into()),
        ("DXCAST_FACT_BEFORE_GIVEN", analysis::BEFORE_GIVEN.into()),
        ("DXCAST_FACT_BEFORE_MEETS", analysis::BEFORE_MEETS.into()),
        (
            "DXCAST_FACT_PROJECTION_MEETS",
            analysis::PROJECTION_MEETS.into(),
        ),
        (
            "DXCAST_IMPLAUSIBLE_HAS_PER_YEAR",
            implausible::HAS_PER_YEAR.into(),
        ),
        (
            "DXCAST_IMPLAUSIBLE_HAS_FASTEST",
            implausible::HAS_FASTEST.into(),
        ),
        ("DXCAST_FOUND_HAS_PERIOD", found::HAS_PERIOD.into()),
        (
            "DXCAST_FOUND_HAS_DENOMINATOR",
            found::HAS_DENOMINATOR.into(),
        ),
        ("DXCAST_FOUND_HAS_CUE", found::HAS_CUE.into()),
        ("DXCAST_STALE", 7),
        ("DXCAST_A_HAS_REACH_DATE", analysis::HAS_REACH_DATE.into()),
        ("DXCAST_A_HAS_SE", analysis::HAS_SE.into()),
        ("DXCAST_A_HAS_DF", analysis::HAS_DF.into()),
        ("DXCAST_A_HAS_SCALE_LO", analysis::HAS_SCALE_LO.into()),
        ("DXCAST_A_HAS_SCALE_HI", analysis::HAS_SCALE_HI.into()),
        ("DXCAST_A_HAS_LOW", analysis::HAS_LOW.into()),
        ("DXCAST_A_HAS_HIGH", analysis::HAS_HIGH.into()),
        ("DXCAST_A_HAS_ATTAINMENT", analysis::HAS_ATTAINMENT.into()),
        (
            "DXCAST_A_HAS_REQUIRED_CAGR",
            analysis::HAS_REQUIRED_CAGR.into(),
        ),
        (
            "DXCAST_A_HAS_REQUIRED_DAILY",
            analysis::HAS_REQUIRED_DAILY.into(),
        ),
        (
            "DXCAST_A_HAS_REQUIRED_POINTS",
            analysis::HAS_REQUIRED_POINTS.into(),
        ),
        (
            "DXCAST_A_HAS_PROJECTED_CAGR",
            analysis::HAS_PROJECTED_CAGR.into(),
        ),
        (
            "DXCAST_A_HAS_PROJECTED_DAILY",
            analysis::HAS_PROJECTED_DAILY.into(),
        ),
        (
            "DXCAST_A_HAS_PROJECTED_POINTS",
            analysis::HAS_PROJECTED_POINTS.into(),
        ),
        ("DXCAST_A_HAS_RATIO", analysis::HAS_RATIO.into()),
        ("DXCAST_A_HAS_PROBABILITY", analysis::HAS_PROBABILITY.into()),
        ("DXCAST_CHOICE_HAS_MAPE", choice::HAS_MAPE.into()),
        ("DXCAST_CHOICE_HAS_RUNNER_UP", choice::HAS_RUNNER_UP.into()),
        ("DXCAST_FIGURE_STATED", figure::STATED.into()),
        ("DXCAST_FIGURE_BETWEEN", figure::BETWEEN.into()),
        ("DXCAST_FIGURE_HAS_LOW", figure::HAS_LOW.into()),
        ("DXCAST_FIGURE_HAS_HIGH", figure::HAS_HIGH.into()),
        (
            "DXCAST_CHECK_HAS_RECOMPUTED_HI",
            check::HAS_RECOMPUTED_HI.into(),
        ),
    ];
    v.extend(numbers.iter().map(|(e, n)| (e.to_string(), *n)));
    for (k, (key, _)) in layout::model::SETTINGS.iter().enumerate() {
        v.push((format!("DXCAST_GIVEN_{}", key.to_uppercase()), 1 << k));
    }
    v
}

#[test]
fn the_header_declares_the_modules_layout() {
    let mut c = String::from("#include <stddef.h>\n#include \"dxcast.h\"\n");
    for (s, f, o) in offsets() {
        c += &format!("_Static_assert(offsetof({s}, {f}) == {o}, \"{s}.{f}\");\n");
    }
    for (e, n) in constants() {
        c += &format!("_Static_assert({e} == {n}u, \"{e}\");\n");
    }
    let file = out_dir().join("layout.c");
    std::fs::write(&file, c).unwrap();
    cc(&["-fsyntax-only", file.to_str().unwrap()]);
    // The header also compiles as C99 (without its own static checks) and C++.
    let plain = out_dir().join("plain.c");
    std::fs::write(&plain, "#include \"dxcast.h\"\nint dxcast_plain;\n").unwrap();
    cc_std("-std=c99", &["-fsyntax-only", plain.to_str().unwrap()]);
    cc_std(
        "-std=c++11",
        &["-x", "c++", "-fsyntax-only", plain.to_str().unwrap()],
    );
    println!(
        "{} offsets and {} constants checked",
        offsets().len(),
        constants().len()
    );
}

// ---------------------------------------------------------------- a C host

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

fn with_host<R>(f: impl FnOnce(&mut Host) -> R) -> R {
    HOST.with(|h| f(h.borrow_mut().as_mut().expect("a host")))
}

trait CType {
    const C: &'static str;
}
impl CType for u32 {
    const C: &'static str = "uint32_t";
}
impl CType for i32 {
    const C: &'static str = "int32_t";
}
impl CType for f64 {
    const C: &'static str = "double";
}

/// Each export as an `extern "C"` function that calls it in the thread's
/// wasmtime instance, with its C signature.
macro_rules! exports {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        fn bindings() -> Vec<(&'static str, *const c_void, String)> {
            $(
                extern "C" fn $name($($arg: $ty),*) -> $ret {
                    with_host(|h| h.call::<($($ty,)*), $ret>(stringify!($name), ($($arg,)*)))
                }
            )*
            vec![$((
                stringify!($name),
                $name as *const c_void,
                format!(
                    "{} (*)({})",
                    <$ret as CType>::C,
                    {
                        let parts: &[&str] = &[$(<$ty as CType>::C),*];
                        parts.join(", ")
                    }
                ),
            )),*]
        }
    };
}

exports! {
    dxcast_abi_version() -> u32;
    dxcast_buffer_ptr() -> u32;
    dxcast_buffer_len() -> u32;
    dxcast_heap_base() -> u32;
    dxcast_last_error(buf: u32, cap: u32) -> i32;
    dxcast_last_error_code() -> i32;
    dxcast_last_error_field(buf: u32, cap: u32) -> i32;
    dxcast_last_error_index() -> i32;
    dxcast_describe(table: u32, code: u32, buf: u32, cap: u32) -> i32;
    dxcast_date_from_ymd(year: i32, month: u32, day: u32, out: u32) -> i32;
    dxcast_date_parse(text: u32, len: u32, out: u32) -> i32;
    dxcast_date_parse_dmy(text: u32, len: u32, out: u32) -> i32;
    dxcast_date_format(day: i32, buf: u32, cap: u32) -> i32;
    dxcast_period_parse(text: u32, len: u32, out: u32) -> i32;
    dxcast_parse_vi(text: u32, len: u32, out: u32) -> i32;
    dxcast_lstsq(x: u32, rows: u32, cols: u32, y: u32, intercept: u32, out: u32) -> i32;
    dxcast_fit(model: u32, series: u32) -> i32;
    dxcast_fitted_free(fitted: u32) -> i32;
    dxcast_fitted_live() -> i32;
    dxcast_fitted_summary(fitted: u32, out: u32) -> i32;
    dxcast_fitted_values(fitted: u32, series: u32, out: u32, cap: u32) -> i32;
    dxcast_forecast(fitted: u32, scenario: u32, dates: u32, n: u32, level: f64, out: u32) -> i32;
    dxcast_horizon(start: i32, step_kind: u32, step: u32, n: u32, out: u32) -> i32;
    dxcast_analyse(fitted: u32, scenario: u32, target: u32, settings: u32, out: u32, explanations: u32) -> i32;
    dxcast_choose(series: u32, out: u32) -> i32;
    dxcast_claim_check(claim: u32, out: u32) -> i32;
    dxcast_run_rate(year_to_date: f64, as_of: i32, out: u32) -> i32;
    dxcast_extrapolate(total: f64, es: i32, ee: i32, ws: i32, we: i32, out: u32) -> i32;
    dxcast_daily_average(total: f64, start: i32, end: i32, out: u32) -> i32;
    dxcast_period_total(average: f64, start: i32, end: i32, out: u32) -> i32;
    dxcast_flow_between(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> i32;
    dxcast_flows(days: u32, values: u32, n: u32, out: u32, cap: u32) -> i32;
    dxcast_share_change(before: f64, after: f64, out: u32) -> i32;
    dxcast_readings_of_change(after: f64, change: f64, out: u32) -> i32;
    dxcast_change(kind: u32, before: f64, after: f64, out: u32) -> i32;
    dxcast_change_between(kind: u32, rule: u32, earlier: u32, before: f64, later: u32, after: f64, out: u32) -> i32;
    dxcast_cagr(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> i32;
    dxcast_points_from_observations(kind: u32, observations: u32, n: u32, out_days: u32, out_values: u32, cap: u32) -> i32;
    dxcast_evaluation(kind: u32, value: f64, deadline: i32, comparison: u32, out: u32) -> i32;
    dxcast_measure_quantity(figures: u32, n: u32, rule: u32, points: u32, points_cap: u32, conflicts: u32, conflicts_cap: u32, out: u32) -> i32;
    dxcast_quantity_evidence(figures: u32, n: u32, rule: u32, target: u32, out: u32) -> i32;
    dxcast_implausible_growth(series: u32, from: i32, rate: f64, per: u32, out: u32) -> i32;
    dxcast_extract_figures(text: u32, len: u32, has_as_of: u32, as_of: i32, out: u32, cap: u32) -> i32;
}

extern "C" {
    fn dlopen(filename: *const c_char, flag: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}

const RTLD_NOW: c_int = 2;

/// The C host of `ABI.md`: the first `c` block after its "host.c" marker.
fn abi_md_host() -> String {
    let md = std::fs::read_to_string(ffi_dir().join("ABI.md")).unwrap();
    let from = md.find("<!-- host.c").expect("the host.c marker in ABI.md");
    let block = &md[from..];
    let start = block.find("```c\n").unwrap() + 5;
    let end = start + block[start..].find("```").unwrap();
    block[start..end].to_string()
}

fn symbol(lib: *mut c_void, name: &str) -> *mut c_void {
    let c = CString::new(name).unwrap();
    // SAFETY: `lib` is a live handle from dlopen, `c` a NUL-terminated name.
    let p = unsafe { dlsym(lib, c.as_ptr()) };
    assert!(!p.is_null(), "{name} is not in the C host");
    p
}

#[repr(C)]
struct ForecastPoint {
    date: i32,
    scale: u32,
    known: u32,
    reserved: u32,
    values: [f64; 8],
}

#[test]
fn the_c_host_of_abi_md_runs_against_the_module() {
    let dir = out_dir();
    // The prototypes of dxcast.h have the signatures the exports have: a
    // pointer of the export's C type initialised with each one.
    let exports = bindings();
    let mut check = String::from("#include \"dxcast.h\"\n");
    for (name, _, sig) in &exports {
        let ptr = sig.replacen("(*)", &format!("(*check_{name})"), 1);
        check += &format!("{ptr} = {name};\n");
    }
    let check_file = dir.join("signatures.c");
    std::fs::write(&check_file, check).unwrap();
    cc(&["-fsyntax-only", check_file.to_str().unwrap()]);

    // The header lists every export of the module, and no other.
    let mut listed: Vec<&str> = exports.iter().map(|e| e.0).collect();
    let mut module: Vec<&str> = crate::EXPORTS.to_vec();
    listed.sort_unstable();
    module.sort_unstable();
    assert_eq!(listed, module);

    // The C host, with the bindings, as a shared library.
    let host_c = dir.join("host.c");
    std::fs::write(&host_c, abi_md_host()).unwrap();
    let bind_c = Path::new(env!("CARGO_MANIFEST_DIR")).join("c/bind.c");
    let lib = dir.join("libdxcast_host.so");
    cc(&[
        "-shared",
        "-fPIC",
        "-o",
        lib.to_str().unwrap(),
        host_c.to_str().unwrap(),
        bind_c.to_str().unwrap(),
    ]);
    let path = CString::new(lib.to_str().unwrap()).unwrap();
    // SAFETY: loading a library this test just built from its own sources.
    let handle = unsafe { dlopen(path.as_ptr(), RTLD_NOW) };
    if handle.is_null() {
        // SAFETY: dlerror returns a NUL-terminated message after a failure.
        panic!("dlopen: {:?}", unsafe { CStr::from_ptr(dlerror()) });
    }
    type Bind = unsafe extern "C" fn(*const c_char, *const c_void) -> c_int;
    type Run = unsafe extern "C" fn(*mut u8, *mut ForecastPoint, *mut u8) -> i32;
    // SAFETY: the symbols are the functions of bind.c and ABI.md's host, of
    // these types.
    let (bind, run): (Bind, Run) = unsafe {
        (
            std::mem::transmute::<*mut c_void, Bind>(symbol(handle, "dxcast_bind")),
            std::mem::transmute::<*mut c_void, Run>(symbol(handle, "forecast_share")),
        )
    };
    for (name, f, _) in &exports {
        let c = CString::new(*name).unwrap();
        // SAFETY: `f` is an extern "C" function of the C type the header
        // declares for `name` (checked above).
        assert_eq!(unsafe { bind(c.as_ptr(), *f) }, 1, "{name} is not bound");
    }

    let host = Host::new();
    let memory = host.memory.data_ptr(&host.store);
    HOST.with(|h| *h.borrow_mut() = Some(host));
    let mut p = ForecastPoint {
        date: 0,
        scale: 0,
        known: 0,
        reserved: 0,
        values: [0.0; 8],
    };
    let mut analysis = vec![0u8; ANALYSIS_SIZE];
    // SAFETY: `memory` is the instance's linear memory, which nothing
    // else touches or grows during the call; the outputs are the sizes of
    // the records the C host fills.
    let rc = unsafe { run(memory, &mut p, analysis.as_mut_ptr()) };
    assert_eq!(rc, 0, "the C host failed");
    with_host(|h| {
        assert_eq!(h.call::<(), i32>("dxcast_fitted_live", ()), 0, "freed");
    });

    // The same, natively.
    let day = |y, m, d| Date::from_ymd(y, m, d).unwrap();
    let pts = [
        Point::new(day(2021, 12, 31), 40.0),
        Point::new(day(2022, 12, 31), 52.8),
        Point::new(day(2023, 12, 31), 61.0),
    ];
    let share = Subject::new(MeasureKind::Share, Unit::Percent, Bounds::PERCENT).unwrap();
    let fitted = ModelSpec::new(Method::Linear)
        .model()
        .unwrap()
        .fit(&Series::new(&pts, share).unwrap())
        .unwrap();
    let deadline = day(2025, 12, 31);
    let native = fitted.predict(deadline).unwrap();
    let (lo, hi) = native.interval(0.95, Bounds::PERCENT).unwrap();
    assert_eq!(p.date, deadline.day_number());
    assert_eq!(p.values[0], native.point_within(Bounds::PERCENT));
    assert_eq!(p.known & 3, 3, "both ends of a share's interval are known");
    assert_eq!((Some(p.values[1]), Some(p.values[2])), (lo, hi));
    let target = Target::new(80.0, deadline, Comparison::AtLeast).unwrap();
    let a = fitted
        .analyse(&target, &Settings::new(day(2024, 1, 1), 0.95))
        .unwrap();
    crate::data::assert_analysis(&View(analysis), &a, "the C host's analysis");
    HOST.with(|h| *h.borrow_mut() = None);
}
