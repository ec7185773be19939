//! The calls in safe Rust: decode what the host passed, call the core, encode
//! the result. Every output region is checked before the core runs, and
//! written only when it has succeeded (forecasts and flows: element by
//! element, as the core's own `_into` functions do).
#![forbid(unsafe_code)]

use core::fmt::{self, Write};

use dxcast_core::analytics::{analyse as core_analyse, Context, Growth, TargetAnalysis};
use dxcast_core::basis::{evaluation as core_evaluation, points_into};
use dxcast_core::choice::choose as core_choose;
use dxcast_core::convert::{self, Flow};
use dxcast_core::forecast::{forecast_into, Predictor};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::lstsq::{LeastSquares, MAX_PARAMS, MAX_ROWS};
use dxcast_core::number::parse_vi as core_parse_vi;
use dxcast_core::scenario::{GrowthOverride, Scenario, Shock, WhatIf};
use dxcast_core::trend::{Cap, Damping, Initial, Smoothing, StepLength};
use dxcast_core::{
    Bounds, Claim, Date, Error, Explanation, Figure, ForecastPoint, Holt, Horizon, LinearTrend,
    LogLinearTrend, LogisticTrend, MeasureKind, Method, Model, Observation, Period, PeriodKind,
    Point, PolynomialTrend, Series, Step, Target, Unit,
};

use crate::codes::{self, decode, encode, NONE};
use crate::failure::Failure;
use crate::layout::{self, MAX_SERIES};
use crate::mem::{self, Region};
use crate::wire::{
    array, f64_at, f64_elem, flag, i32_at, i32_elem, nan_or, opt, put_f64_elem, put_i32_elem,
    put_record_elem, read_record, record_elem, reserved, u32_at, Record,
};

type Res<T> = Result<T, Failure>;

/// The longest text input (a number, a date, a period).
const MAX_TEXT: usize = 256;

/// The result of a call as the `i32` the ABI returns; a failure is recorded
/// for `dxcast_last_error`.
pub(crate) fn finish(result: Res<u32>) -> i32 {
    match result {
        Ok(v) => i32::try_from(v).unwrap_or(i32::MAX),
        Err(f) => {
            mem::set_last(f);
            f.code()
        }
    }
}

/// `a + b` for offsets inside a record (never near overflow).
const fn at(a: usize, b: usize) -> usize {
    a.saturating_add(b)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An element that a checked region should hold but does not.
fn missing(arg: &'static str, region: &Region) -> Failure {
    Failure::BadRegion {
        arg,
        addr: 0,
        len: region.len(),
    }
}

fn date(day: i32) -> Res<Date> {
    Ok(Date::from_day_number(day)?)
}

/// A checked output region of one record, or `None` for address 0.
fn optional(arg: &'static str, addr: u32, len: usize) -> Res<Option<Region>> {
    if addr == 0 {
        Ok(None)
    } else {
        Region::new(arg, addr, len, 8).map(Some)
    }
}

fn store(arg: &'static str, region: &Region, bytes: &[u8]) -> Res<()> {
    region.store(0, bytes).ok_or(missing(arg, region))
}

// ---------------------------------------------------------------- text

/// A fixed buffer that `core::fmt` writes into; a piece that does not fit is
/// refused whole, so the content is always valid UTF-8.
struct Text<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> Text<N> {
    const fn new() -> Text<N> {
        Text {
            buf: [0; N],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

impl<const N: usize> Write for Text<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        for (d, b) in dst.iter_mut().zip(s.bytes()) {
            *d = b;
        }
        self.len = end;
        Ok(())
    }
}

/// Writes `text` to the `cap` bytes at `addr` and returns its length; when
/// it does not fit, writes nothing.
fn write_text(arg: &'static str, addr: u32, cap: u32, text: &[u8]) -> Res<u32> {
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    let region = Region::new(arg, addr, cap, 1)?;
    if text.len() > cap {
        return Err(Failure::BufferTooSmall {
            arg,
            needed: text.len(),
            got: cap,
        });
    }
    region.store(0, text).ok_or(missing(arg, &region))?;
    Ok(count(text.len()))
}

/// Reads `len` bytes of UTF-8 at `addr` into `buf`.
fn read_text<'b>(
    arg: &'static str,
    addr: u32,
    len: u32,
    buf: &'b mut [u8; MAX_TEXT],
) -> Res<&'b str> {
    let n = usize::try_from(len).unwrap_or(usize::MAX);
    if n > MAX_TEXT {
        return Err(Error::Capacity {
            what: "text input",
            capacity: MAX_TEXT,
        }
        .into());
    }
    let region = Region::new(arg, addr, n, 1)?;
    let dst = buf.get_mut(..n).ok_or(missing(arg, &region))?;
    region.load_into(0, dst).ok_or(missing(arg, &region))?;
    core::str::from_utf8(dst).map_err(|_| Failure::InvalidUtf8 { arg })
}

// ---------------------------------------------------------------- meta

pub(crate) fn last_error(buf: u32, cap: u32) -> Res<u32> {
    let mut text: Text<512> = Text::new();
    if let Some(f) = mem::last() {
        // A message longer than the buffer keeps its complete pieces.
        let _ = write!(text, "{f}");
    }
    let n = text.as_bytes().len();
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX);
    if n > cap_n {
        // Tell the host how much room it needs; write nothing.
        return Ok(count(n));
    }
    write_text("buf", buf, cap, text.as_bytes())
}

pub(crate) fn last_error_code() -> i32 {
    mem::last().map_or(0, |f| f.code())
}

pub(crate) fn describe(table: u32, code: u32, buf: u32, cap: u32) -> Res<u32> {
    let text = codes::describe(table, code)?;
    write_text("buf", buf, cap, text.as_bytes())
}

// ---------------------------------------------------------------- dates, periods, numbers

pub(crate) fn date_from_ymd(year: i32, month: u32, day: u32, out: u32) -> Res<u32> {
    let region = Region::new("out", out, 4, 4)?;
    let d = Date::from_ymd(year, month, day)?;
    put_i32_elem(&region, 0, d.day_number()).ok_or(missing("out", &region))?;
    Ok(0)
}

pub(crate) fn date_parse(text: u32, len: u32, dmy: bool, out: u32) -> Res<u32> {
    let region = Region::new("out", out, 4, 4)?;
    let mut buf = [0u8; MAX_TEXT];
    let s = read_text("text", text, len, &mut buf)?;
    let d = if dmy {
        Date::parse_dmy(s)?
    } else {
        Date::parse_iso(s)?
    };
    put_i32_elem(&region, 0, d.day_number()).ok_or(missing("out", &region))?;
    Ok(0)
}

pub(crate) fn date_format(day: i32, buf: u32, cap: u32) -> Res<u32> {
    let d = date(day)?;
    let (y, m, dd) = d.ymd();
    // YYYY-MM-DD by hand: years are 1 to 9999.
    let digit = |v: u32, div: u32| -> u8 {
        let q = v.checked_div(div).unwrap_or(0).checked_rem(10).unwrap_or(0);
        b'0'.saturating_add(u8::try_from(q).unwrap_or(0))
    };
    let y = u32::try_from(y).unwrap_or(0);
    let text = [
        digit(y, 1000),
        digit(y, 100),
        digit(y, 10),
        digit(y, 1),
        b'-',
        digit(m, 10),
        digit(m, 1),
        b'-',
        digit(dd, 10),
        digit(dd, 1),
    ];
    write_text("buf", buf, cap, &text)
}

fn period_record(p: Period) -> Record<{ layout::period::SIZE }> {
    use layout::period as l;
    let mut r = Record::new();
    r.i32(l::START, p.start().day_number());
    r.i32(l::END, p.end().day_number());
    r.u32(l::KIND, encode(&codes::PERIOD_KINDS, p.kind()));
    r.u32(l::DAYS, p.days());
    r
}

/// A period from its record at `base`: the kind chooses the constructor, and
/// the start and end must be the ones it gives.
fn period_at(bytes: &[u8], base: usize) -> Res<Period> {
    use layout::period as l;
    let start = date(i32_at(bytes, at(base, l::START)))?;
    let end = date(i32_at(bytes, at(base, l::END)))?;
    let kind = decode(
        &codes::PERIOD_KINDS,
        "period.kind",
        u32_at(bytes, at(base, l::KIND)),
    )?;
    let (y, m, _) = start.ymd();
    let p = match kind {
        PeriodKind::Day => Period::day(start),
        PeriodKind::Month => Period::month(y, m)?,
        PeriodKind::Quarter => Period::quarter(y, m.saturating_add(2).checked_div(3).unwrap_or(0))?,
        PeriodKind::Year => Period::year(y)?,
        PeriodKind::Range => Period::range(start, end)?,
    };
    if p.start() != start || p.end() != end {
        return Err(Error::InvalidArgument {
            name: "period",
            expected: "a start and an end that are the first and last days of its day, month, \
                       quarter or year",
        }
        .into());
    }
    Ok(p)
}

fn read_period(arg: &'static str, addr: u32) -> Res<Period> {
    let r = read_record::<{ layout::period::SIZE }>(arg, addr)?;
    period_at(&r, 0)
}

/// An optional range of days from a flag and two day numbers.
fn range_opt(has: u32, arg: &'static str, start: i32, end: i32) -> Res<Option<Period>> {
    if flag(arg, has)? {
        Ok(Some(Period::range(date(start)?, date(end)?)?))
    } else {
        Ok(None)
    }
}

pub(crate) fn period_parse(text: u32, len: u32, out: u32) -> Res<u32> {
    let region = Region::new("out", out, layout::period::SIZE, 8)?;
    let mut buf = [0u8; MAX_TEXT];
    let p = Period::parse(read_text("text", text, len, &mut buf)?)?;
    store("out", &region, period_record(p).bytes())?;
    Ok(0)
}

pub(crate) fn parse_vi(text: u32, len: u32, out: u32) -> Res<u32> {
    use layout::stated as l;
    let region = Region::new("out", out, l::SIZE, 8)?;
    let mut buf = [0u8; MAX_TEXT];
    let s = core_parse_vi(read_text("text", text, len, &mut buf)?)?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.f64(l::VALUE, s.value);
    r.f64(l::PRECISION, s.precision);
    r.u32(l::PERCENT, u32::from(s.percent));
    store("out", &region, r.bytes())?;
    Ok(0)
}

// ---------------------------------------------------------------- explanations

fn explanation(e: &Explanation) -> Record<{ layout::explanation::SIZE }> {
    use layout::explanation as l;
    let mut r = Record::new();
    r.u32(l::FORMULA, encode(&codes::FORMULAS, e.formula));
    let n = e.terms.len().min(l::MAX_TERMS);
    r.u32(l::COUNT, count(n));
    r.f64(l::RESULT, e.result);
    for (k, t) in e.terms.iter().take(n).enumerate() {
        let off = at(l::TERMS, k.saturating_mul(l::TERM_SIZE));
        r.u32(at(off, l::TERM_SYMBOL), encode(&codes::SYMBOLS, t.symbol));
        r.u32(
            at(off, l::TERM_UNIT),
            t.unit.map_or(NONE, |u| encode(&codes::UNITS, u)),
        );
        r.f64(at(off, l::TERM_VALUE), t.value);
    }
    r
}

// ---------------------------------------------------------------- least squares

pub(crate) fn lstsq(x: u32, rows: u32, cols: u32, y: u32, intercept: u32, out: u32) -> Res<u32> {
    use layout::lstsq as l;
    let intercept = flag("intercept", intercept)?;
    let out = Region::new("out", out, l::SIZE, 8)?;
    let n = usize::try_from(rows).unwrap_or(usize::MAX);
    let p = usize::try_from(cols).unwrap_or(usize::MAX);
    if p == 0 || p > MAX_PARAMS {
        // The core names the problem.
        LeastSquares::fit(&[], p, &[], intercept)?;
    }
    if n > MAX_ROWS {
        return Err(Error::Capacity {
            what: "least-squares rows",
            capacity: MAX_ROWS,
        }
        .into());
    }
    let cells = n.saturating_mul(p);
    let xs = array("x", x, count(cells), 8, 8)?;
    let ys = array("y", y, rows, 8, 8)?;
    let mut xb = [0.0f64; MAX_ROWS * MAX_PARAMS];
    let mut yb = [0.0f64; MAX_ROWS];
    for (i, slot) in xb.iter_mut().enumerate().take(cells) {
        *slot = f64_elem(&xs, i).ok_or(missing("x", &xs))?;
    }
    for (i, slot) in yb.iter_mut().enumerate().take(n) {
        *slot = f64_elem(&ys, i).ok_or(missing("y", &ys))?;
    }
    let fit = LeastSquares::fit(
        xb.get(..cells).unwrap_or(&[]),
        p,
        yb.get(..n).unwrap_or(&[]),
        intercept,
    )?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.u32(l::ROWS, count(fit.rows()));
    r.u32(l::PARAMS, count(fit.params()));
    r.u32(l::DF, count(fit.df()));
    r.u32(l::INTERCEPT, u32::from(fit.has_intercept()));
    r.f64(l::RSS, fit.rss());
    r.f64(l::RESIDUAL_SD, fit.residual_sd());
    r.f64(l::R_SQUARED, fit.r_squared());
    for k in 0..MAX_PARAMS {
        let c = fit.coefficients().get(k).copied().unwrap_or(f64::NAN);
        let s = fit.standard_errors().get(k).copied().unwrap_or(f64::NAN);
        r.f64(at(l::COEFFICIENTS, k.saturating_mul(8)), c);
        r.f64(at(l::STANDARD_ERRORS, k.saturating_mul(8)), s);
    }
    store("out", &out, r.bytes())?;
    Ok(0)
}

// ---------------------------------------------------------------- series and models

/// What a `Series` record says besides its points.
#[derive(Debug, Clone, Copy)]
struct Meta {
    len: usize,
    kind: MeasureKind,
    unit: Unit,
    bounds: Bounds,
}

/// Reads the `Series` record at `addr` and its points into `points`.
fn read_series(addr: u32, points: &mut [Point; MAX_SERIES]) -> Res<Meta> {
    use layout::series as l;
    let r = read_record::<{ l::SIZE }>("series", addr)?;
    reserved("series.reserved", u32_at(&r, l::RESERVED))?;
    let kind = decode(&codes::KINDS, "series.kind", u32_at(&r, l::KIND))?;
    let unit = decode(&codes::UNITS, "series.unit", u32_at(&r, l::UNIT))?;
    let bounds = Bounds {
        min: opt(f64_at(&r, l::MIN)),
        max: opt(f64_at(&r, l::MAX)),
    };
    let len = u32_at(&r, l::LEN);
    let n = usize::try_from(len).unwrap_or(usize::MAX);
    if n > MAX_SERIES {
        return Err(Error::Capacity {
            what: "series points",
            capacity: MAX_SERIES,
        }
        .into());
    }
    let days = array("series.days", u32_at(&r, l::DAYS), len, 4, 4)?;
    let values = array("series.values", u32_at(&r, l::VALUES), len, 8, 8)?;
    for (i, slot) in points.iter_mut().enumerate().take(n) {
        let d = i32_elem(&days, i).ok_or(missing("series.days", &days))?;
        let v = f64_elem(&values, i).ok_or(missing("series.values", &values))?;
        *slot = Point::new(date(d)?, v);
    }
    Ok(Meta {
        len: n,
        kind,
        unit,
        bounds,
    })
}

fn holt_from(r: &[u8], base: usize, damped: bool) -> Res<Holt> {
    use layout::model as l;
    let alpha = f64_at(r, at(base, l::ALPHA));
    let beta = f64_at(r, at(base, l::BETA));
    let mut h = match (alpha.is_nan(), beta.is_nan()) {
        (true, true) => Holt::new(),
        (false, false) => Holt::with_params(alpha, beta)?,
        _ => {
            return Err(Error::InvalidArgument {
                name: "alpha",
                expected: "alpha and beta both given, or both NaN to fit them",
            }
            .into())
        }
    };
    if damped {
        let phi = f64_at(r, at(base, l::PHI));
        h = if phi.is_nan() {
            h.damped()
        } else {
            h.with_damping(phi)?
        };
    }
    let level = f64_at(r, at(base, l::LEVEL0));
    if !level.is_nan() {
        h = h.with_initial(level, f64_at(r, at(base, l::TREND0)))?;
    }
    let step = f64_at(r, at(base, l::STEP_DAYS));
    if !step.is_nan() {
        h = h.with_step_days(step)?;
    }
    Ok(h)
}

/// The `Model` record at `base` of `r`.
fn model_at(r: &[u8], base: usize) -> Res<Model> {
    use layout::model as l;
    let code = u32_at(r, at(base, l::METHOD));
    let method = decode(&codes::METHODS, "model.method", code)?;
    Ok(match method {
        Method::Linear => Model::Linear(LinearTrend::new()),
        Method::Polynomial => {
            let degree = u32_at(r, at(base, l::DEGREE));
            Model::Polynomial(PolynomialTrend::new(
                usize::try_from(degree).unwrap_or(usize::MAX),
            )?)
        }
        Method::LogLinear => Model::LogLinear(LogLinearTrend::new()),
        Method::Logistic => {
            let cap = f64_at(r, at(base, l::CAP));
            Model::Logistic(if cap.is_nan() {
                LogisticTrend::fitted_cap()
            } else {
                LogisticTrend::with_cap(cap)?
            })
        }
        Method::Holt => Model::Holt(holt_from(r, base, false)?),
        Method::DampedHolt => Model::Holt(holt_from(r, base, true)?),
        _ => return Err(Failure::invalid("model.method", code)),
    })
}

fn read_model(addr: u32) -> Res<Model> {
    let r = read_record::<{ layout::model::SIZE }>("model", addr)?;
    model_at(&r, 0)
}

/// Writes `model` as a `Model` record at `base` of `r`.
fn put_model<const N: usize>(r: &mut Record<N>, base: usize, model: &Model) {
    use layout::model as l;
    r.u32(at(base, l::METHOD), encode(&codes::METHODS, model.method()));
    let nan = f64::NAN;
    let (mut degree, mut alpha, mut beta, mut phi) = (0usize, nan, nan, nan);
    let (mut level, mut trend, mut step, mut cap) = (nan, nan, nan, nan);
    match model {
        Model::Polynomial(p) => degree = p.degree(),
        Model::Logistic(t) => {
            if let Cap::Given(k) = t.cap() {
                cap = k;
            }
        }
        Model::Holt(h) => {
            if let Smoothing::Given { alpha: a, beta: b } = h.smoothing() {
                (alpha, beta) = (a, b);
            }
            if let Damping::Given(p) = h.damping() {
                phi = p;
            }
            if let Initial::Known {
                level: l0,
                trend: b0,
            } = h.initial()
            {
                (level, trend) = (l0, b0);
            }
            if let StepLength::Days(d) = h.step() {
                step = d;
            }
        }
        _ => {}
    }
    r.u32(at(base, l::DEGREE), count(degree));
    r.f64(at(base, l::ALPHA), alpha);
    r.f64(at(base, l::BETA), beta);
    r.f64(at(base, l::PHI), phi);
    r.f64(at(base, l::LEVEL0), level);
    r.f64(at(base, l::TREND0), trend);
    r.f64(at(base, l::STEP_DAYS), step);
    r.f64(at(base, l::CAP), cap);
}

/// Reads the `Scenario` record at `addr`, or `None` for address 0.
fn read_scenario(addr: u32) -> Res<Option<Scenario>> {
    use layout::scenario as l;
    if addr == 0 {
        return Ok(None);
    }
    let r = read_record::<{ l::SIZE }>("scenario", addr)?;
    reserved("scenario.reserved", u32_at(&r, l::RESERVED))?;
    let flags = u32_at(&r, l::FLAGS);
    if flags & !(l::GROWTH | l::SHOCK | l::TARGET) != 0 {
        return Err(Failure::invalid("scenario.flags", flags));
    }
    let mut s = Scenario::default();
    if flags & l::GROWTH != 0 {
        s.growth = Some(GrowthOverride {
            from: date(i32_at(&r, l::GROWTH_FROM))?,
            rate: f64_at(&r, l::GROWTH_RATE),
        });
    }
    if flags & l::SHOCK != 0 {
        s.shock = Some(Shock {
            at: date(i32_at(&r, l::SHOCK_AT))?,
            size: f64_at(&r, l::SHOCK_SIZE),
        });
    }
    if flags & l::TARGET != 0 {
        let comparison = decode(
            &codes::COMPARISONS,
            "scenario.target_comparison",
            u32_at(&r, l::TARGET_COMPARISON),
        )?;
        s.target = Some(Target::new(
            f64_at(&r, l::TARGET_VALUE),
            date(i32_at(&r, l::TARGET_DEADLINE))?,
            comparison,
        )?);
    }
    Ok(Some(s))
}

// ---------------------------------------------------------------- fits and projections

pub(crate) fn fit(model: u32, series: u32, fitted: u32, fitted_cap: u32, out: u32) -> Res<u32> {
    use layout::fit as l;
    let out = Region::new("out", out, l::SIZE, 8)?;
    let fitted_region = if fitted == 0 {
        None
    } else {
        Some(array("fitted", fitted, fitted_cap, 8, 8)?)
    };
    let model = read_model(model)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let meta = read_series(series, &mut points)?;
    let s = Series::new(points.get(..meta.len).unwrap_or(&[]), meta.bounds)?;
    let f = model.fit(&s)?;
    let mut values = [0.0f64; MAX_SERIES];
    let n = f.fitted_into(&mut values)?;
    if let Some(region) = &fitted_region {
        let cap = region.len().checked_div(8).unwrap_or(0);
        if n > cap {
            return Err(Failure::BufferTooSmall {
                arg: "fitted",
                needed: n,
                got: cap,
            });
        }
    }
    let e = f.explain()?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.u32(l::METHOD, encode(&codes::METHODS, f.method()));
    r.u32(l::PARAMS, count(f.params()));
    r.u32(l::POINTS, count(s.len()));
    r.f64(l::SSE, f.sse());
    r.put(l::EXPLANATION, explanation(&e).bytes());
    if let Some(region) = &fitted_region {
        for (i, v) in values.iter().enumerate().take(n) {
            put_f64_elem(region, i, *v).ok_or(missing("fitted", region))?;
        }
    }
    store("out", &out, r.bytes())?;
    Ok(encode(&codes::METHODS, f.method()))
}

fn forecast_record(p: &ForecastPoint) -> Record<{ layout::forecast::SIZE }> {
    use layout::forecast as l;
    let mut r = Record::new();
    let (scale, lo, hi) = codes::scale(p.prediction.scale());
    r.i32(l::DATE, p.date.day_number());
    r.u32(l::SCALE, scale);
    r.f64(l::POINT, p.point);
    r.f64(l::LO, p.lo);
    r.f64(l::HI, p.hi);
    r.f64(l::LOCATION, p.prediction.location());
    r.f64(l::SE, p.prediction.se());
    r.f64(l::DF, p.prediction.df());
    r.f64(l::SCALE_LO, lo);
    r.f64(l::SCALE_HI, hi);
    r
}

pub(crate) fn forecast(
    model: u32,
    series: u32,
    scenario: u32,
    dates: u32,
    n: u32,
    level: f64,
    out: u32,
) -> Res<u32> {
    let dates = array("dates", dates, n, 4, 4)?;
    let out = array("out", out, n, layout::forecast::SIZE, 8)?;
    let model = read_model(model)?;
    let scenario = read_scenario(scenario)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let meta = read_series(series, &mut points)?;
    let s = Series::new(points.get(..meta.len).unwrap_or(&[]), meta.bounds)?;
    let f = model.fit(&s)?;
    let what_if;
    let predictor: &dyn Predictor = match scenario {
        Some(sc) => {
            what_if = WhatIf::new(&f, sc, meta.unit, meta.bounds)?;
            &what_if
        }
        None => &f,
    };
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    for k in 0..len {
        let d = date(i32_elem(&dates, k).ok_or(missing("dates", &dates))?)?;
        let mut one = [ForecastPoint::default()];
        forecast_into(
            predictor,
            Horizon::Dates(core::slice::from_ref(&d)),
            level,
            meta.bounds,
            &mut one,
        )?;
        for p in &one {
            put_record_elem(&out, k, &forecast_record(p)).ok_or(missing("out", &out))?;
        }
    }
    Ok(n)
}

pub(crate) fn horizon(start: i32, step_kind: u32, step: u32, n: u32, out: u32) -> Res<u32> {
    let out = array("out", out, n, 4, 4)?;
    let step = match step_kind {
        0 => Step::Days(step),
        1 => Step::Months(step),
        _ => return Err(Failure::invalid("step_kind", step_kind)),
    };
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    let h = Horizon::After {
        start: date(start)?,
        step,
        count: len,
    };
    for k in 0..len {
        put_i32_elem(&out, k, h.date(k)?.day_number()).ok_or(missing("out", &out))?;
    }
    Ok(n)
}

fn put_growth<const N: usize>(r: &mut Record<N>, offs: [usize; 3], g: &Growth) {
    r.f64(offs[0], nan_or(g.cagr));
    r.f64(offs[1], nan_or(g.daily));
    r.f64(offs[2], nan_or(g.points_per_year));
}

fn analysis_record(a: &TargetAnalysis) -> Record<{ layout::analysis::SIZE }> {
    use layout::analysis as l;
    let mut r = Record::new();
    let (scale, lo, hi) = codes::scale(a.prediction.scale());
    r.u32(l::STATUS, encode(&codes::TARGET_STATUSES, a.status));
    r.u32(
        l::TARGET_COMPARISON,
        encode(&codes::COMPARISONS, a.target.comparison),
    );
    r.i32(l::TARGET_DEADLINE, a.target.deadline.day_number());
    r.i32(l::EVALUATION_DATE, a.evaluation.date.day_number());
    r.i32(l::LATEST_DATE, a.latest_point.date.day_number());
    r.i32(l::DAYS, a.days);
    r.i32(l::REACH_DATE, a.reach_date.map_or(0, Date::day_number));
    r.u32(l::HAS_REACH_DATE, u32::from(a.reach_date.is_some()));
    r.u32(l::SCALE, scale);
    r.u32(l::DEADLINE_PASSED, u32::from(a.deadline_passed));
    r.f64(l::TARGET_VALUE, a.target.value);
    r.f64(l::EVALUATION_VALUE, a.evaluation.value);
    r.f64(l::EVALUATION_FACTOR, a.evaluation.factor);
    r.f64(l::THRESHOLD, a.threshold);
    r.f64(l::LATEST_POINT_VALUE, a.latest_point.value);
    r.f64(l::LATEST, a.latest);
    r.f64(l::YEARS, a.years);
    r.f64(l::LOCATION, a.prediction.location());
    r.f64(l::SE, a.prediction.se());
    r.f64(l::DF, a.prediction.df());
    r.f64(l::SCALE_LO, lo);
    r.f64(l::SCALE_HI, hi);
    r.f64(l::PROJECTED, a.projected);
    r.f64(l::INTERVAL_LO, a.interval.0);
    r.f64(l::INTERVAL_HI, a.interval.1);
    r.f64(l::LEVEL, a.level);
    r.f64(l::ATTAINMENT, a.attainment);
    r.f64(l::GAP, a.gap);
    put_growth(
        &mut r,
        [l::REQUIRED_CAGR, l::REQUIRED_DAILY, l::REQUIRED_POINTS],
        &a.required,
    );
    put_growth(
        &mut r,
        [l::PROJECTED_CAGR, l::PROJECTED_DAILY, l::PROJECTED_POINTS],
        &a.projected_growth,
    );
    r.f64(l::RATIO, nan_or(a.ratio));
    r.f64(l::PROBABILITY, a.probability);
    r
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn analyse(
    model: u32,
    series: u32,
    scenario: u32,
    target_value: f64,
    target_deadline: i32,
    comparison: u32,
    today: i32,
    level: f64,
    out: u32,
    explanations: u32,
) -> Res<u32> {
    use layout::{analysis, explanation};
    let out = Region::new("out", out, analysis::SIZE, 8)?;
    let expl_len = analysis::EXPLANATIONS.saturating_mul(explanation::SIZE);
    let expl_region = optional("explanations", explanations, expl_len)?;
    let model = read_model(model)?;
    let scenario = read_scenario(scenario)?;
    let comparison = decode(&codes::COMPARISONS, "comparison", comparison)?;
    let target = Target::new(target_value, date(target_deadline)?, comparison)?;
    let today = date(today)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let meta = read_series(series, &mut points)?;
    let s = Series::new(points.get(..meta.len).unwrap_or(&[]), meta.bounds)?;
    let f = model.fit(&s)?;
    let what_if;
    let (predictor, target): (&dyn Predictor, Target) = match scenario {
        Some(sc) => {
            what_if = WhatIf::new(&f, sc, meta.unit, meta.bounds)?;
            (&what_if, sc.target_or(target))
        }
        None => (&f, target),
    };
    let ctx = Context {
        kind: meta.kind,
        unit: meta.unit,
        bounds: meta.bounds,
        today,
        level,
    };
    let a = core_analyse(predictor, &target, &ctx)?;
    let mut list: [Explanation; analysis::EXPLANATIONS] =
        core::array::from_fn(|_| Explanation::new(dxcast_core::Formula::Gap, f64::NAN));
    if expl_region.is_some() {
        for (slot, q) in list.iter_mut().zip(codes::QUANTITIES) {
            *slot = a.explain(q, meta.unit, meta.bounds)?;
        }
    }
    store("out", &out, analysis_record(&a).bytes())?;
    if let Some(region) = &expl_region {
        for (i, e) in list.iter().enumerate() {
            put_record_elem(region, i, &explanation(e)).ok_or(missing("explanations", region))?;
        }
    }
    Ok(encode(&codes::TARGET_STATUSES, a.status))
}

pub(crate) fn choose(series: u32, out: u32) -> Res<u32> {
    use layout::choice as l;
    let out = Region::new("out", out, l::SIZE, 8)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let meta = read_series(series, &mut points)?;
    let s = Series::new(points.get(..meta.len).unwrap_or(&[]), meta.bounds)?;
    let c = core_choose(&s, meta.kind, meta.unit)?;
    let e = c.explain()?;
    let (reason, n, rule, mape, runner_up) = codes::reason(c.reason);
    let mut r: Record<{ l::SIZE }> = Record::new();
    let ranked = c.ranked.len().min(l::MAX_RANKED);
    r.u32(l::COUNT, count(ranked));
    r.u32(l::CRITERION, codes::criterion(c.criterion));
    r.u32(l::REASON, reason);
    r.u32(l::N, count(n));
    r.u32(l::RULE, rule);
    r.f64(l::MAPE, mape);
    r.f64(l::RUNNER_UP, runner_up);
    for (k, rk) in c.ranked.iter().take(ranked).enumerate() {
        let base = at(l::RANKED, k.saturating_mul(l::RANKED_SIZE));
        put_model(&mut r, base, &rk.model);
        r.f64(at(base, l::RANKED_SCORE), nan_or(rk.score));
    }
    r.put(l::EXPLANATION, explanation(&e).bytes());
    store("out", &out, r.bytes())?;
    Ok(count(ranked))
}

// ---------------------------------------------------------------- claims

fn figure_at(r: &[u8], base: usize) -> Res<Option<Figure>> {
    use layout::figure as l;
    reserved("figure.reserved", u32_at(r, at(base, l::RESERVED)))?;
    let a = f64_at(r, at(base, l::A));
    let b = f64_at(r, at(base, l::B));
    let form = u32_at(r, at(base, l::FORM));
    let figure = match form {
        l::NONE => return Ok(None),
        l::STATED => {
            let q = decode(
                &codes::QUALIFIERS,
                "figure.qualifier",
                u32_at(r, at(base, l::QUALIFIER)),
            )?;
            Figure::stated(a, b, q)?
        }
        l::BETWEEN => Figure::between(a, b)?,
        _ => return Err(Failure::invalid("figure.form", form)),
    };
    let period = range_opt(
        u32_at(r, at(base, l::HAS_PERIOD)),
        "figure.has_period",
        i32_at(r, at(base, l::PERIOD_START)),
        i32_at(r, at(base, l::PERIOD_END)),
    )?;
    Ok(Some(match period {
        Some(p) => figure.during(p),
        None => figure,
    }))
}

pub(crate) fn claim_check(claim: u32, out: u32) -> Res<u32> {
    use layout::{check as c, claim as l, figure};
    let out = Region::new("out", out, c::SIZE, 8)?;
    let r = read_record::<{ l::SIZE }>("claim", claim)?;
    reserved("claim.reserved", u32_at(&r, l::RESERVED))?;
    let kind = decode(&codes::CLAIM_KINDS, "claim.kind", u32_at(&r, l::KIND))?;
    let n_code = u32_at(&r, l::INPUTS_LEN);
    let n = usize::try_from(n_code).unwrap_or(usize::MAX);
    if n > l::MAX_INPUTS {
        return Err(Failure::invalid("claim.inputs_len", n_code));
    }
    let period = range_opt(
        u32_at(&r, l::HAS_PERIOD),
        "claim.has_period",
        i32_at(&r, l::PERIOD_START),
        i32_at(&r, l::PERIOD_END),
    )?;
    let mut claim = Claim::new(kind, figure_at(&r, l::STATED)?);
    if let Some(p) = period {
        claim = claim.during(p);
    }
    for i in 0..n {
        let base = at(l::INPUTS, i.saturating_mul(figure::SIZE));
        claim.push(figure_at(&r, base)?)?;
    }
    let check = claim.check()?;
    let (reason, index) = codes::unchecked(check.reason);
    let mut w: Record<{ c::SIZE }> = Record::new();
    w.u32(c::VERDICT, encode(&codes::VERDICTS, check.verdict));
    w.u32(c::REASON, reason);
    w.u32(c::REASON_INDEX, index);
    w.u32(c::HAS_STATED, u32::from(check.stated.is_some()));
    w.u32(c::HAS_RECOMPUTED, u32::from(check.recomputed.is_some()));
    w.f64(c::STATED_LO, check.stated.map_or(f64::NAN, |i| i.lo()));
    w.f64(c::STATED_HI, check.stated.map_or(f64::NAN, |i| i.hi()));
    w.f64(
        c::RECOMPUTED_LO,
        check.recomputed.map_or(f64::NAN, |i| i.lo()),
    );
    w.f64(
        c::RECOMPUTED_HI,
        check.recomputed.map_or(f64::NAN, |i| i.hi()),
    );
    w.put(c::EXPLANATION, explanation(&check.explanation).bytes());
    store("out", &out, w.bytes())?;
    Ok(encode(&codes::VERDICTS, check.verdict))
}

// ---------------------------------------------------------------- conversions and growth

/// Checks the output of `n` explanations first, then writes what `compute` gives.
fn explained<F>(out: u32, n: usize, compute: F) -> Res<u32>
where
    F: FnOnce() -> Res<[Option<Explanation>; 2]>,
{
    let region = array("out", out, count(n), layout::explanation::SIZE, 8)?;
    let list = compute()?;
    for (i, e) in list.iter().flatten().take(n).enumerate() {
        put_record_elem(&region, i, &explanation(e)).ok_or(missing("out", &region))?;
    }
    Ok(0)
}

pub(crate) fn run_rate(year_to_date: f64, as_of: i32, out: u32) -> Res<u32> {
    explained(out, 1, || {
        Ok([
            Some(convert::run_rate(year_to_date, date(as_of)?)?.explain()?),
            None,
        ])
    })
}

pub(crate) fn extrapolate(total: f64, es: i32, ee: i32, ws: i32, we: i32, out: u32) -> Res<u32> {
    explained(out, 1, || {
        let elapsed = Period::range(date(es)?, date(ee)?)?;
        let whole = Period::range(date(ws)?, date(we)?)?;
        Ok([
            Some(convert::extrapolate(total, elapsed, whole)?.explain()?),
            None,
        ])
    })
}

pub(crate) fn daily_average(total: f64, start: i32, end: i32, out: u32) -> Res<u32> {
    explained(out, 1, || {
        let p = Period::range(date(start)?, date(end)?)?;
        Ok([Some(convert::daily_average(total, p)?.explain()?), None])
    })
}

pub(crate) fn period_total(average: f64, start: i32, end: i32, out: u32) -> Res<u32> {
    explained(out, 1, || {
        let p = Period::range(date(start)?, date(end)?)?;
        Ok([Some(convert::period_total(average, p)?.explain()?), None])
    })
}

fn flow_record(f: &Flow) -> Record<{ layout::flow::SIZE }> {
    use layout::flow as l;
    let mut r = Record::new();
    r.i32(l::START, f.period.start().day_number());
    r.i32(l::END, f.period.end().day_number());
    r.u32(l::DAYS, f.period.days());
    r.f64(l::FROM, f.start);
    r.f64(l::TO, f.end);
    r.f64(l::VALUE, f.value);
    r.f64(l::PER_DAY, f.per_day());
    r
}

pub(crate) fn flow_between(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> Res<u32> {
    let out = Region::new("out", out, layout::flow::SIZE, 8)?;
    let f = convert::flow_between(Point::new(date(d1)?, v1), Point::new(date(d2)?, v2))?;
    store("out", &out, flow_record(&f).bytes())?;
    Ok(0)
}

pub(crate) fn flows(days: u32, values: u32, n: u32, out: u32, cap: u32) -> Res<u32> {
    let out = array("out", out, cap, layout::flow::SIZE, 8)?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if len > MAX_SERIES {
        return Err(Error::Capacity {
            what: "series points",
            capacity: MAX_SERIES,
        }
        .into());
    }
    let days = array("days", days, n, 4, 4)?;
    let values = array("values", values, n, 8, 8)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    for (i, slot) in points.iter_mut().enumerate().take(len) {
        let d = i32_elem(&days, i).ok_or(missing("days", &days))?;
        let v = f64_elem(&values, i).ok_or(missing("values", &values))?;
        *slot = Point::new(date(d)?, v);
    }
    let blank = Flow {
        period: Period::day(Date::EPOCH),
        start: 0.0,
        end: 0.0,
        value: 0.0,
    };
    let mut buf = [blank; MAX_SERIES];
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX).min(MAX_SERIES);
    let written = convert::flows_into(
        points.get(..len).unwrap_or(&[]),
        buf.get_mut(..cap_n).unwrap_or(&mut []),
    )?;
    for (i, f) in buf.iter().enumerate().take(written) {
        put_record_elem(&out, i, &flow_record(f)).ok_or(missing("out", &out))?;
    }
    Ok(count(written))
}

pub(crate) fn share_change(before: f64, after: f64, out: u32) -> Res<u32> {
    explained(out, 2, || {
        let c = convert::share_change(before, after)?;
        Ok([Some(c.explain_points()?), Some(c.explain_relative()?)])
    })
}

pub(crate) fn readings_of_change(after: f64, change: f64, out: u32) -> Res<u32> {
    let out = array("out", out, 2, 8, 8)?;
    let r = convert::readings_of_change(after, change)?;
    put_f64_elem(&out, 0, r.before_if_points).ok_or(missing("out", &out))?;
    put_f64_elem(&out, 1, r.before_if_relative).ok_or(missing("out", &out))?;
    Ok(0)
}

fn change_kind(kind: u32) -> Res<ChangeKind> {
    decode(&codes::CHANGE_KINDS, "kind", kind)
}

pub(crate) fn change(kind: u32, before: f64, after: f64, out: u32) -> Res<u32> {
    explained(out, 1, || {
        let kind = change_kind(kind)?;
        Ok([Some(growth::change(kind, before, after)?.explain()?), None])
    })
}

pub(crate) fn change_between(
    kind: u32,
    rule: u32,
    earlier: u32,
    before: f64,
    later: u32,
    after: f64,
    out: u32,
) -> Res<u32> {
    explained(out, 1, || {
        let kind = change_kind(kind)?;
        let earlier = read_period("earlier", earlier)?;
        let later = read_period("later", later)?;
        let c = match rule {
            0 => growth::period_over_period(earlier, before, later, after, kind)?,
            1 => growth::year_on_year(earlier, before, later, after, kind)?,
            _ => return Err(Failure::invalid("rule", rule)),
        };
        Ok([Some(c.explain()?), None])
    })
}

pub(crate) fn cagr(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> Res<u32> {
    explained(out, 2, || {
        let c = growth::cagr(Point::new(date(d1)?, v1), Point::new(date(d2)?, v2))?;
        Ok([Some(c.explain()?), Some(c.explain_points()?)])
    })
}

// ---------------------------------------------------------------- series from observations

pub(crate) fn points_from_observations(
    kind: u32,
    observations: u32,
    n: u32,
    out_days: u32,
    out_values: u32,
    cap: u32,
) -> Res<u32> {
    use dxcast_core::basis::MAX_POINTS;
    use layout::observation as l;
    let kind = decode(&codes::KINDS, "kind", kind)?;
    let od = array("out_days", out_days, cap, 4, 4)?;
    let ov = array("out_values", out_values, cap, 8, 8)?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if len > MAX_SERIES {
        return Err(Error::Capacity {
            what: "observations",
            capacity: MAX_SERIES,
        }
        .into());
    }
    let obs = array("observations", observations, n, l::SIZE, 8)?;
    let blank = Observation {
        value: 0.0,
        period: Period::day(Date::EPOCH),
        status: dxcast_core::Status::Observed,
        qualifier: dxcast_core::Qualifier::Exact,
        precision: 0.0,
    };
    let mut list = [blank; MAX_SERIES];
    for (i, slot) in list.iter_mut().enumerate().take(len) {
        let r = record_elem::<{ l::SIZE }>(&obs, i).ok_or(missing("observations", &obs))?;
        *slot = Observation {
            value: f64_at(&r, l::VALUE),
            period: period_at(&r, l::PERIOD)?,
            status: decode(
                &codes::STATUSES,
                "observation.status",
                u32_at(&r, l::STATUS),
            )?,
            qualifier: decode(
                &codes::QUALIFIERS,
                "observation.qualifier",
                u32_at(&r, l::QUALIFIER),
            )?,
            precision: f64_at(&r, l::PRECISION),
        };
    }
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_POINTS];
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX).min(MAX_POINTS);
    let written = points_into(
        kind,
        list.get(..len).unwrap_or(&[]),
        points.get_mut(..cap_n).unwrap_or(&mut []),
    )?;
    for (i, p) in points.iter().enumerate().take(written) {
        put_i32_elem(&od, i, p.date.day_number()).ok_or(missing("out_days", &od))?;
        put_f64_elem(&ov, i, p.value).ok_or(missing("out_values", &ov))?;
    }
    Ok(count(written))
}

pub(crate) fn evaluation(
    kind: u32,
    value: f64,
    deadline: i32,
    comparison: u32,
    out: u32,
) -> Res<u32> {
    use layout::evaluation as l;
    let out = Region::new("out", out, l::SIZE, 8)?;
    let kind = decode(&codes::KINDS, "kind", kind)?;
    let comparison = decode(&codes::COMPARISONS, "comparison", comparison)?;
    let target = Target::new(value, date(deadline)?, comparison)?;
    let e = core_evaluation(kind, &target);
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.i32(l::DATE, e.date.day_number());
    r.f64(l::VALUE, e.value);
    r.f64(l::FACTOR, e.factor);
    store("out", &out, r.bytes())?;
    Ok(0)
}
