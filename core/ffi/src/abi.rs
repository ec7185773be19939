//! The exported functions: one line each, calling the safe implementation in
//! [`crate::ops`]. `#[no_mangle]` is what needs `unsafe_code` allowed here;
//! there is no `unsafe` block in this module.
//!
//! Addresses and lengths are `u32` (offsets into linear memory), day numbers
//! `i32`, numbers `f64`. Every function returns an `i32`: 0 or more on
//! success, a negative error code on failure. See `ABI.md` for each one.
#![allow(unsafe_code)]

use crate::mem;
use crate::ops::{self, finish};

/// The ABI version, `major << 16 | minor`.
#[no_mangle]
pub extern "C" fn dxcast_abi_version() -> u32 {
    crate::ABI_VERSION
}

/// The address of the I/O arena.
#[no_mangle]
pub extern "C" fn dxcast_buffer_ptr() -> u32 {
    u32::try_from(mem::arena_ptr()).unwrap_or(0)
}

/// The size of the I/O arena in bytes.
#[no_mangle]
pub extern "C" fn dxcast_buffer_len() -> u32 {
    u32::try_from(mem::ARENA_LEN).unwrap_or(0)
}

/// The first address of the memory the host owns (up to the end of memory).
#[no_mangle]
pub extern "C" fn dxcast_heap_base() -> u32 {
    u32::try_from(mem::heap_base()).unwrap_or(u32::MAX)
}

/// The message of the last failure, in UTF-8.
#[no_mangle]
pub extern "C" fn dxcast_last_error(buf: u32, cap: u32) -> i32 {
    finish(ops::last_error(buf, cap))
}

/// The error code of the last failure, 0 if none.
#[no_mangle]
pub extern "C" fn dxcast_last_error_code() -> i32 {
    ops::last_error_code()
}

/// The field the last failure names (a core field's code, or an argument's
/// name), in UTF-8.
#[no_mangle]
pub extern "C" fn dxcast_last_error_field(buf: u32, cap: u32) -> i32 {
    finish(ops::last_error_field(buf, cap))
}

/// The position in the input the last failure points at, or -1.
#[no_mangle]
pub extern "C" fn dxcast_last_error_index() -> i32 {
    ops::last_error_index()
}

/// The text of a code in one of the tables.
#[no_mangle]
pub extern "C" fn dxcast_describe(table: u32, code: u32, buf: u32, cap: u32) -> i32 {
    finish(ops::describe(table, code, buf, cap))
}

/// The day number of a calendar date.
#[no_mangle]
pub extern "C" fn dxcast_date_from_ymd(year: i32, month: u32, day: u32, out: u32) -> i32 {
    finish(ops::date_from_ymd(year, month, day, out))
}

/// Parses `YYYY-MM-DD`.
#[no_mangle]
pub extern "C" fn dxcast_date_parse(text: u32, len: u32, out: u32) -> i32 {
    finish(ops::date_parse(text, len, false, out))
}

/// Parses `D/M/YYYY`.
#[no_mangle]
pub extern "C" fn dxcast_date_parse_dmy(text: u32, len: u32, out: u32) -> i32 {
    finish(ops::date_parse(text, len, true, out))
}

/// Writes a day number as `YYYY-MM-DD`.
#[no_mangle]
pub extern "C" fn dxcast_date_format(day: i32, buf: u32, cap: u32) -> i32 {
    finish(ops::date_format(day, buf, cap))
}

/// Parses a period ("2022", "2022-Q3", "2022-09", "2022-09-30", "a/b").
#[no_mangle]
pub extern "C" fn dxcast_period_parse(text: u32, len: u32, out: u32) -> i32 {
    finish(ops::period_parse(text, len, out))
}

/// Reads a number written the Vietnamese way ("1,6 triệu", "97,3%").
#[no_mangle]
pub extern "C" fn dxcast_parse_vi(text: u32, len: u32, out: u32) -> i32 {
    finish(ops::parse_vi(text, len, out))
}

/// Linear least squares.
#[no_mangle]
pub extern "C" fn dxcast_lstsq(
    x: u32,
    rows: u32,
    cols: u32,
    y: u32,
    intercept: u32,
    out: u32,
) -> i32 {
    finish(ops::lstsq(x, rows, cols, y, intercept, out))
}

/// Fits a method to a series; returns the fitted model's handle.
#[no_mangle]
pub extern "C" fn dxcast_fit(model: u32, series: u32) -> i32 {
    finish(ops::fit(model, series))
}

/// Frees a fitted model.
#[no_mangle]
pub extern "C" fn dxcast_fitted_free(fitted: u32) -> i32 {
    finish(ops::fitted_free(fitted))
}

/// The number of live fitted models.
#[no_mangle]
pub extern "C" fn dxcast_fitted_live() -> i32 {
    ops::fitted_live()
}

/// What a fitted model is and how well it fits.
#[no_mangle]
pub extern "C" fn dxcast_fitted_summary(fitted: u32, out: u32) -> i32 {
    finish(ops::fitted_summary(fitted, out))
}

/// The in-sample fitted values of a fitted model on its series.
#[no_mangle]
pub extern "C" fn dxcast_fitted_values(fitted: u32, series: u32, out: u32, cap: u32) -> i32 {
    finish(ops::fitted_values(fitted, series, out, cap))
}

/// Predictions with intervals at the given dates, optionally under a scenario.
#[no_mangle]
pub extern "C" fn dxcast_forecast(
    fitted: u32,
    scenario: u32,
    dates: u32,
    n: u32,
    level: f64,
    out: u32,
) -> i32 {
    finish(ops::forecast(fitted, scenario, dates, n, level, out))
}

/// `n` dates after `start`, in steps of days (kind 0) or months (kind 1).
#[no_mangle]
pub extern "C" fn dxcast_horizon(start: i32, step_kind: u32, step: u32, n: u32, out: u32) -> i32 {
    finish(ops::horizon(start, step_kind, step, n, out))
}

/// Analyses a target, optionally under a scenario.
#[no_mangle]
pub extern "C" fn dxcast_analyse(
    fitted: u32,
    scenario: u32,
    target: u32,
    settings: u32,
    out: u32,
    explanations: u32,
) -> i32 {
    finish(ops::analyse(
        fitted,
        scenario,
        target,
        settings,
        out,
        explanations,
    ))
}

/// Ranks the methods that apply to a series.
#[no_mangle]
pub extern "C" fn dxcast_choose(series: u32, out: u32) -> i32 {
    finish(ops::choose(series, out))
}

/// Checks a claim.
#[no_mangle]
pub extern "C" fn dxcast_claim_check(claim: u32, out: u32) -> i32 {
    finish(ops::claim_check(claim, out))
}

/// A year-to-date total extended to its whole year.
#[no_mangle]
pub extern "C" fn dxcast_run_rate(year_to_date: f64, as_of: i32, out: u32) -> i32 {
    finish(ops::run_rate(year_to_date, as_of, out))
}

/// A total over the days `[es, ee]` extended to `[ws, we]`.
#[no_mangle]
pub extern "C" fn dxcast_extrapolate(
    total: f64,
    es: i32,
    ee: i32,
    ws: i32,
    we: i32,
    out: u32,
) -> i32 {
    finish(ops::extrapolate(total, es, ee, ws, we, out))
}

/// A total over the days `[start, end]` per day.
#[no_mangle]
pub extern "C" fn dxcast_daily_average(total: f64, start: i32, end: i32, out: u32) -> i32 {
    finish(ops::daily_average(total, start, end, out))
}

/// A daily average times the days `[start, end]`.
#[no_mangle]
pub extern "C" fn dxcast_period_total(average: f64, start: i32, end: i32, out: u32) -> i32 {
    finish(ops::period_total(average, start, end, out))
}

/// The flow between two readings of a running total.
#[no_mangle]
pub extern "C" fn dxcast_flow_between(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> i32 {
    finish(ops::flow_between(d1, v1, d2, v2, out))
}

/// The flows between consecutive readings of a running total.
#[no_mangle]
pub extern "C" fn dxcast_flows(days: u32, values: u32, n: u32, out: u32, cap: u32) -> i32 {
    finish(ops::flows(days, values, n, out, cap))
}

/// The change of a share in points and relative.
#[no_mangle]
pub extern "C" fn dxcast_share_change(before: f64, after: f64, out: u32) -> i32 {
    finish(ops::share_change(before, after, out))
}

/// The earlier share implied by a stated change, read both ways.
#[no_mangle]
pub extern "C" fn dxcast_readings_of_change(after: f64, change: f64, out: u32) -> i32 {
    finish(ops::readings_of_change(after, change, out))
}

/// A relative change, a change in points, or a multiple.
#[no_mangle]
pub extern "C" fn dxcast_change(kind: u32, before: f64, after: f64, out: u32) -> i32 {
    finish(ops::change(kind, before, after, out))
}

/// A change between consecutive periods (rule 0) or year on year (rule 1).
#[no_mangle]
pub extern "C" fn dxcast_change_between(
    kind: u32,
    rule: u32,
    earlier: u32,
    before: f64,
    later: u32,
    after: f64,
    out: u32,
) -> i32 {
    finish(ops::change_between(
        kind, rule, earlier, before, later, after, out,
    ))
}

/// Compound annual growth between two dated values.
#[no_mangle]
pub extern "C" fn dxcast_cagr(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> i32 {
    finish(ops::cagr(d1, v1, d2, v2, out))
}

/// The projectable series of an indicator's observations.
#[no_mangle]
pub extern "C" fn dxcast_points_from_observations(
    kind: u32,
    observations: u32,
    n: u32,
    out_days: u32,
    out_values: u32,
    cap: u32,
) -> i32 {
    finish(ops::points_from_observations(
        kind,
        observations,
        n,
        out_days,
        out_values,
        cap,
    ))
}

/// Where a target is evaluated on an indicator's basis.
#[no_mangle]
pub extern "C" fn dxcast_evaluation(
    kind: u32,
    value: f64,
    deadline: i32,
    comparison: u32,
    out: u32,
) -> i32 {
    finish(ops::evaluation(kind, value, deadline, comparison, out))
}

/// The points of one quantity measured several ways, and their conflicts.
#[allow(clippy::too_many_arguments)]
#[no_mangle]
pub extern "C" fn dxcast_measure_quantity(
    figures: u32,
    n: u32,
    rule: u32,
    points: u32,
    points_cap: u32,
    conflicts: u32,
    conflicts_cap: u32,
    out: u32,
) -> i32 {
    finish(ops::measure_quantity(
        figures,
        n,
        rule,
        points,
        points_cap,
        conflicts,
        conflicts_cap,
        out,
    ))
}

/// The figures of a quantity that can decide a target without a projection.
#[no_mangle]
pub extern "C" fn dxcast_quantity_evidence(
    figures: u32,
    n: u32,
    rule: u32,
    target: u32,
    out: u32,
) -> i32 {
    finish(ops::quantity_evidence(figures, n, rule, target, out))
}

/// Whether a growth override is implausible for a series (1) or not (0).
#[no_mangle]
pub extern "C" fn dxcast_implausible_growth(
    series: u32,
    from: i32,
    rate: f64,
    per: u32,
    out: u32,
) -> i32 {
    finish(ops::implausible_growth(series, from, rate, per, out))
}

/// The figures of report text, with byte offsets.
#[no_mangle]
pub extern "C" fn dxcast_extract_figures(
    text: u32,
    len: u32,
    has_as_of: u32,
    as_of: i32,
    out: u32,
    cap: u32,
) -> i32 {
    finish(ops::extract_figures(text, len, has_as_of, as_of, out, cap))
}
