//! The calls in safe Rust: decode what the host passed, call the core, encode
//! the result. Every region is checked before the core runs (an output that
//! shares memory with an input or another output is refused), and outputs
//! are written only when the call has succeeded (forecasts and horizons:
//! element by element, as the core's own `_into` functions do).
//!
//! The bindings convert and nothing more: a `Model` record becomes the
//! core's `ModelSpec`, which checks the settings; a `Series` record becomes
//! a `Subject` and a `Series`, which check the points.
#![forbid(unsafe_code)]

use core::fmt::{self, Write};

use dxcast_core::analytics::{Growth, Settings, TargetAnalysis};
use dxcast_core::basis::{evaluation as core_evaluation, points_into};
use dxcast_core::choice::choose as core_choose;
use dxcast_core::convert::{self, Flow};
use dxcast_core::forecast::{forecast_into, Predictor};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::lstsq::{LeastSquares, MAX_PARAMS};
use dxcast_core::number::parse_vi as core_parse_vi;
use dxcast_core::quantity::{self, measure_into, Conflict, Measured, Measures, QuantityPoint};
use dxcast_core::scenario::{self, GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{
    Bounds, Claim, Date, Error, Evidence, Explanation, Field, Figure, Figures, Fitted,
    ForecastPoint, Found, Horizon, Model, ModelSpec, Observation, Period, PeriodKind, Point,
    Series, Step, Subject, Target,
};

use crate::codes::{self, decode, encode, NONE};
use crate::failure::{at as element, Failure};
use crate::layout::{self, MAX_SERIES};
use crate::mem::{self, Call, Region};
use crate::pool;
use crate::wire::{
    f64_at, f64_elem, flag, flags, i32_at, i32_elem, input_array, output_array, put_f64_elem,
    put_i32_elem, put_record_elem, read_record, record_elem, reserved, u32_at, Record,
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

/// A checked output region of `len` bytes, or `None` for address 0.
fn optional(cx: &mut Call, arg: &'static str, addr: u32, len: usize) -> Res<Option<Region>> {
    if addr == 0 {
        Ok(None)
    } else {
        cx.output(arg, addr, len, 8).map(Some)
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
fn write_text(cx: &mut Call, arg: &'static str, addr: u32, cap: u32, text: &[u8]) -> Res<u32> {
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    let region = cx.output(arg, addr, cap, 1)?;
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

/// Writes `text` like [`write_text`], but when it does not fit returns its
/// length without writing (for the last failure, which a failure to report
/// it must not replace).
fn write_or_measure(addr: u32, cap: u32, text: &[u8]) -> Res<u32> {
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX);
    if text.len() > cap_n {
        return Ok(count(text.len()));
    }
    write_text(&mut Call::new(), "buf", addr, cap, text)
}

/// Reads `len` bytes of UTF-8 at `addr` into `buf`.
fn read_text<'b>(
    cx: &mut Call,
    arg: &'static str,
    addr: u32,
    len: u32,
    buf: &'b mut [u8; MAX_TEXT],
) -> Res<&'b str> {
    let n = usize::try_from(len).unwrap_or(usize::MAX);
    if n > MAX_TEXT {
        return Err(Error::Capacity {
            what: Field::Text,
            capacity: MAX_TEXT,
        }
        .into());
    }
    let region = cx.input(arg, addr, n, 1)?;
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
    write_or_measure(buf, cap, text.as_bytes())
}

pub(crate) fn last_error_code() -> i32 {
    mem::last().map_or(0, |f| f.code())
}

pub(crate) fn last_error_field(buf: u32, cap: u32) -> Res<u32> {
    let name = mem::last().and_then(|f| f.named()).map_or("", |n| n.text());
    write_or_measure(buf, cap, name.as_bytes())
}

pub(crate) fn last_error_index() -> i32 {
    mem::last()
        .and_then(|f| f.index())
        .map_or(-1, |i| i32::try_from(i).unwrap_or(i32::MAX))
}

pub(crate) fn describe(table: u32, code: u32, buf: u32, cap: u32) -> Res<u32> {
    let text = codes::describe(table, code)?;
    write_text(&mut Call::new(), "buf", buf, cap, text.as_bytes())
}

// ---------------------------------------------------------------- dates, periods, numbers

pub(crate) fn date_from_ymd(year: i32, month: u32, day: u32, out: u32) -> Res<u32> {
    let region = Call::new().output("out", out, 4, 4)?;
    let d = Date::from_ymd(year, month, day)?;
    put_i32_elem(&region, 0, d.day_number()).ok_or(missing("out", &region))?;
    Ok(0)
}

pub(crate) fn date_parse(text: u32, len: u32, dmy: bool, out: u32) -> Res<u32> {
    let mut cx = Call::new();
    let region = cx.output("out", out, 4, 4)?;
    let mut buf = [0u8; MAX_TEXT];
    let s = read_text(&mut cx, "text", text, len, &mut buf)?;
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
    write_text(&mut Call::new(), "buf", buf, cap, &text)
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
            name: Field::Period,
            expected: dxcast_core::Expected::PeriodWithin,
        }
        .into());
    }
    Ok(p)
}

fn read_period(cx: &mut Call, arg: &'static str, addr: u32) -> Res<Period> {
    let r = read_record::<{ layout::period::SIZE }>(cx, arg, addr)?;
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
    let mut cx = Call::new();
    let region = cx.output("out", out, layout::period::SIZE, 8)?;
    let mut buf = [0u8; MAX_TEXT];
    let p = Period::parse(read_text(&mut cx, "text", text, len, &mut buf)?)?;
    store("out", &region, period_record(p).checked(Field::Period)?)?;
    Ok(0)
}

pub(crate) fn parse_vi(text: u32, len: u32, out: u32) -> Res<u32> {
    use layout::stated as l;
    let mut cx = Call::new();
    let region = cx.output("out", out, l::SIZE, 8)?;
    let mut buf = [0u8; MAX_TEXT];
    let s = core_parse_vi(read_text(&mut cx, "text", text, len, &mut buf)?)?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.f64(l::VALUE, s.value);
    r.f64(l::PRECISION, s.precision);
    r.u32(l::PERCENT, u32::from(s.percent));
    store("out", &region, r.checked(Field::Number)?)?;
    Ok(0)
}

// ---------------------------------------------------------------- explanations

fn explanation(e: &Explanation) -> Record<{ layout::explanation::SIZE }> {
    use layout::explanation as l;
    let mut r = Record::new();
    r.u32(l::FORMULA, encode(&codes::FORMULAS, e.formula));
    let n = e.terms.len().min(l::MAX_TERMS);
    r.u32(l::COUNT, count(n));
    let mut has_result = 0;
    r.opt(&mut has_result, 1, l::RESULT, e.result);
    r.u32(l::HAS_RESULT, has_result);
    r.u32(
        l::UNKNOWN,
        e.unknown.map_or(NONE, |u| encode(&codes::UNKNOWNS, u)),
    );
    let mut known = 0;
    for (k, t) in e.terms.iter().take(n).enumerate() {
        let off = at(l::TERMS, k.saturating_mul(l::TERM_SIZE));
        r.u32(at(off, l::TERM_SYMBOL), encode(&codes::SYMBOLS, t.symbol));
        r.u32(
            at(off, l::TERM_UNIT),
            t.unit.map_or(NONE, |u| encode(&codes::UNITS, u)),
        );
        let bit = 1u32.checked_shl(count(k)).unwrap_or(0);
        r.opt(&mut known, bit, at(off, l::TERM_VALUE), t.value);
    }
    r.u32(l::TERMS_KNOWN, known);
    r
}

// ---------------------------------------------------------------- least squares

pub(crate) fn lstsq(x: u32, rows: u32, cols: u32, y: u32, intercept: u32, out: u32) -> Res<u32> {
    use layout::lstsq as l;
    let mut cx = Call::new();
    let intercept = flag("intercept", intercept)?;
    let out = cx.output("out", out, l::SIZE, 8)?;
    let n = usize::try_from(rows).unwrap_or(usize::MAX);
    let p = usize::try_from(cols).unwrap_or(usize::MAX);
    if p == 0 || p > MAX_PARAMS {
        // The core names the problem.
        LeastSquares::fit(&[], p, &[], intercept)?;
    }
    let cells = n.saturating_mul(p);
    let xs = input_array(&mut cx, "x", x, count(cells), 8, 8)?;
    let ys = input_array(&mut cx, "y", y, rows, 8, 8)?;
    // Both arrays were checked to lie in memory: every element reads.
    let fit = LeastSquares::fit_with(n, p, intercept, |i, row| {
        let first = i.saturating_mul(p);
        for (k, slot) in row.iter_mut().enumerate() {
            *slot = f64_elem(&xs, first.saturating_add(k)).unwrap_or(f64::NAN);
        }
        f64_elem(&ys, i).unwrap_or(f64::NAN)
    })?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.u32(l::ROWS, count(fit.rows()));
    r.u32(l::PARAMS, count(fit.params()));
    r.u32(l::DF, count(fit.df()));
    r.u32(l::INTERCEPT, u32::from(fit.has_intercept()));
    let mut known = 0;
    r.f64(l::RSS, fit.rss());
    r.opt(
        &mut known,
        l::HAS_RESIDUAL_SD,
        l::RESIDUAL_SD,
        fit.residual_sd(),
    );
    r.f64(l::R_SQUARED, fit.r_squared());
    for (k, c) in fit.coefficients().iter().take(MAX_PARAMS).enumerate() {
        r.f64(at(l::COEFFICIENTS, k.saturating_mul(8)), *c);
    }
    if let Some(se) = fit.standard_errors() {
        let mut all = l::HAS_STANDARD_ERRORS;
        for (k, s) in se.iter().take(MAX_PARAMS).enumerate() {
            let mut one = 0;
            r.opt(
                &mut one,
                1,
                at(l::STANDARD_ERRORS, k.saturating_mul(8)),
                Some(*s),
            );
            if one == 0 {
                all = 0;
            }
        }
        known |= all;
    }
    r.u32(l::KNOWN, known);
    store("out", &out, r.checked(Field::Response)?)?;
    Ok(0)
}

// ---------------------------------------------------------------- series and models

/// Reads the `Series` record at `addr` and its points into `points`; returns
/// the number of points and their subject.
fn read_series(
    cx: &mut Call,
    addr: u32,
    points: &mut [Point; MAX_SERIES],
) -> Res<(usize, Subject)> {
    use layout::series as l;
    let r = read_record::<{ l::SIZE }>(cx, "series", addr)?;
    let kind = decode(&codes::KINDS, "series.kind", u32_at(&r, l::KIND))?;
    let unit = decode(&codes::UNITS, "series.unit", u32_at(&r, l::UNIT))?;
    let given = flags(
        "series.bounds",
        u32_at(&r, l::BOUNDS),
        l::HAS_MIN | l::HAS_MAX,
    )?;
    let bounds = Bounds {
        min: (given & l::HAS_MIN != 0).then(|| f64_at(&r, l::MIN)),
        max: (given & l::HAS_MAX != 0).then(|| f64_at(&r, l::MAX)),
    };
    let subject = Subject::new(kind, unit, bounds)?;
    let len = u32_at(&r, l::LEN);
    let n = usize::try_from(len).unwrap_or(usize::MAX);
    if n > MAX_SERIES {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: MAX_SERIES,
        }
        .into());
    }
    let days = input_array(cx, "series.days", u32_at(&r, l::DAYS), len, 4, 4)?;
    let values = input_array(cx, "series.values", u32_at(&r, l::VALUES), len, 8, 8)?;
    for (i, slot) in points.iter_mut().enumerate().take(n) {
        let d = i32_elem(&days, i).ok_or(missing("series.days", &days))?;
        let v = f64_elem(&values, i).ok_or(missing("series.values", &values))?;
        *slot = Point::new(
            Date::from_day_number(d).map_err(element("series.days", i))?,
            v,
        );
    }
    Ok((n, subject))
}

/// The settings of the `Model` record at `base` of `r`, as the core's
/// `ModelSpec` reads them.
fn spec_at(r: &[u8], base: usize) -> Res<ModelSpec> {
    use layout::model as l;
    let method = decode(
        &codes::METHODS,
        "model.method",
        u32_at(r, at(base, l::METHOD)),
    )?;
    let given = flags("model.given", u32_at(r, at(base, l::GIVEN)), 0xFF)?;
    let mut spec = ModelSpec::new(method);
    for (k, (key, off)) in l::SETTINGS.iter().enumerate() {
        if given & 1u32.checked_shl(count(k)).unwrap_or(0) != 0 {
            spec.set(key, f64_at(r, at(base, *off)))?;
        }
    }
    Ok(spec)
}

fn read_model(cx: &mut Call, addr: u32) -> Res<Model> {
    let r = read_record::<{ layout::model::SIZE }>(cx, "model", addr)?;
    Ok(spec_at(&r, 0)?.model()?)
}

/// Writes `spec` as a `Model` record at `base` of `r`.
fn put_spec<const N: usize>(r: &mut Record<N>, base: usize, spec: &ModelSpec) {
    use layout::model as l;
    r.u32(at(base, l::METHOD), encode(&codes::METHODS, spec.method));
    let mut given = 0u32;
    for (key, value) in spec.settings() {
        if let Some((k, (_, off))) = l::SETTINGS.iter().enumerate().find(|(_, (k, _))| *k == key) {
            given |= 1u32.checked_shl(count(k)).unwrap_or(0);
            r.f64(at(base, *off), value);
        }
    }
    r.u32(at(base, l::GIVEN), given);
}

/// The `Target` record at `base` of `r`.
fn target_at(r: &[u8], base: usize, comparison_arg: &'static str) -> Res<Target> {
    use layout::target as l;
    let comparison = decode(
        &codes::COMPARISONS,
        comparison_arg,
        u32_at(r, at(base, l::COMPARISON)),
    )?;
    Ok(Target::new(
        f64_at(r, at(base, l::VALUE)),
        date(i32_at(r, at(base, l::DEADLINE)))?,
        comparison,
    )?)
}

/// Reads the `Scenario` record at `addr`, or `None` for address 0.
fn read_scenario(cx: &mut Call, addr: u32) -> Res<Option<Scenario>> {
    use layout::scenario as l;
    if addr == 0 {
        return Ok(None);
    }
    let r = read_record::<{ l::SIZE }>(cx, "scenario", addr)?;
    reserved("scenario.reserved", u32_at(&r, l::RESERVED))?;
    let flags = flags(
        "scenario.flags",
        u32_at(&r, l::FLAGS),
        l::GROWTH | l::SHOCK | l::CHANGED_TARGET | l::PER_MONTH,
    )?;
    if flags & l::PER_MONTH != 0 && flags & l::GROWTH == 0 {
        // "A month" says nothing without a growth override.
        return Err(Failure::invalid("scenario.flags", flags));
    }
    let mut s = Scenario::default();
    if flags & l::GROWTH != 0 {
        s.growth = Some(GrowthOverride {
            from: date(i32_at(&r, l::GROWTH_FROM))?,
            rate: f64_at(&r, l::GROWTH_RATE),
            per: if flags & l::PER_MONTH != 0 {
                Per::Month
            } else {
                Per::Year
            },
        });
    }
    if flags & l::SHOCK != 0 {
        s.shock = Some(Shock {
            at: date(i32_at(&r, l::SHOCK_AT))?,
            size: f64_at(&r, l::SHOCK_SIZE),
        });
    }
    if flags & l::CHANGED_TARGET != 0 {
        s.target = Some(target_at(&r, l::TARGET, "scenario.target.comparison")?);
    }
    Ok(Some(s))
}

/// The `Evidence` record at `base` of `r`; its errors name `arg` and index
/// 0 (after) or 1 (before).
fn evidence_at(r: &[u8], base: usize, arg: &'static str) -> Res<Evidence> {
    use layout::evidence as l;
    reserved("evidence.reserved", u32_at(r, at(base, l::RESERVED)))?;
    let given = flags(
        "evidence.given",
        u32_at(r, at(base, l::GIVEN)),
        l::HAS_AFTER | l::HAS_BEFORE,
    )?;
    let point = |bit: u32, date_off: usize, value_off: usize, index: usize| -> Res<Option<Point>> {
        if given & bit == 0 {
            return Ok(None);
        }
        let value = f64_at(r, at(base, value_off));
        if !value.is_finite() {
            return Err(element(arg, index)(Error::NotFinite {
                what: Field::Value,
                index,
            }));
        }
        let d =
            Date::from_day_number(i32_at(r, at(base, date_off))).map_err(element(arg, index))?;
        Ok(Some(Point::new(d, value)))
    };
    Ok(Evidence {
        after: point(l::HAS_AFTER, l::AFTER_DATE, l::AFTER_VALUE, 0)?,
        before: point(l::HAS_BEFORE, l::BEFORE_DATE, l::BEFORE_VALUE, 1)?,
    })
}

/// The `Evidence` record of `e`.
fn evidence_record(e: &Evidence) -> Record<{ layout::evidence::SIZE }> {
    use layout::evidence as l;
    let mut r = Record::new();
    let mut given = 0;
    if let Some(p) = e.after {
        given |= l::HAS_AFTER;
        r.i32(l::AFTER_DATE, p.date.day_number());
        r.f64(l::AFTER_VALUE, p.value);
    }
    if let Some(p) = e.before {
        given |= l::HAS_BEFORE;
        r.i32(l::BEFORE_DATE, p.date.day_number());
        r.f64(l::BEFORE_VALUE, p.value);
    }
    r.u32(l::GIVEN, given);
    r
}

/// Reads the `Settings` record at `addr`.
fn read_settings(cx: &mut Call, addr: u32) -> Res<Settings> {
    use layout::settings as l;
    let r = read_record::<{ l::SIZE }>(cx, "settings", addr)?;
    reserved("settings.reserved", u32_at(&r, l::RESERVED))?;
    let mut s = Settings::new(date(i32_at(&r, l::TODAY))?, f64_at(&r, l::LEVEL));
    s.evidence = evidence_at(&r, l::EVIDENCE, "settings.evidence")?;
    Ok(s)
}

// ---------------------------------------------------------------- fitted models

pub(crate) fn fit(model: u32, series: u32) -> Res<u32> {
    let mut cx = Call::new();
    let model = read_model(&mut cx, model)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let (n, subject) = read_series(&mut cx, series, &mut points)?;
    let s = Series::new(points.get(..n).unwrap_or(&[]), subject)?;
    pool::insert(model.fit(&s)?)
}

pub(crate) fn fitted_free(fitted: u32) -> Res<u32> {
    pool::free(fitted)?;
    Ok(0)
}

pub(crate) fn fitted_live() -> i32 {
    i32::try_from(pool::live()).unwrap_or(i32::MAX)
}

pub(crate) fn fitted_summary(fitted: u32, out: u32) -> Res<u32> {
    use layout::summary as l;
    let out = Call::new().output("out", out, l::SIZE, 8)?;
    let f = pool::get(fitted)?;
    let summary = f.summary();
    let span = f.span();
    let subject = f.subject();
    let e = f.explain()?;
    let mut r: Record<{ l::SIZE }> = Record::new();
    let method = encode(&codes::METHODS, summary.method);
    r.u32(l::METHOD, method);
    r.u32(l::PARAMS, count(summary.params));
    r.u32(l::POINTS, count(summary.points));
    r.u32(l::DF, count(summary.df));
    let mut known = 0;
    r.opt(
        &mut known,
        l::HAS_RESIDUAL_SD,
        l::RESIDUAL_SD,
        summary.residual_sd,
    );
    r.u32(l::KNOWN, known);
    r.i32(l::FIRST_DATE, span.first.date.day_number());
    r.i32(l::LAST_DATE, span.last.date.day_number());
    r.u32(l::KIND, encode(&codes::KINDS, subject.kind));
    r.u32(l::UNIT, encode(&codes::UNITS, subject.unit));
    let mut bounds = 0;
    r.opt(
        &mut bounds,
        layout::series::HAS_MIN,
        l::MIN,
        subject.bounds.min,
    );
    r.opt(
        &mut bounds,
        layout::series::HAS_MAX,
        l::MAX,
        subject.bounds.max,
    );
    r.u32(l::BOUNDS, bounds);
    r.f64(l::SSE, summary.sse);
    r.f64(l::FIRST_VALUE, span.first.value);
    r.f64(l::LAST_VALUE, span.last.value);
    put_spec(&mut r, l::MODEL, &f.spec());
    r.nest(l::EXPLANATION, &explanation(&e));
    store("out", &out, r.checked(Field::Fit)?)?;
    Ok(method)
}

pub(crate) fn fitted_values(fitted: u32, series: u32, out: u32, cap: u32) -> Res<u32> {
    let mut cx = Call::new();
    let out = output_array(&mut cx, "out", out, cap, 8, 8)?;
    let f = pool::get(fitted)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let (n, subject) = read_series(&mut cx, series, &mut points)?;
    let s = Series::new(points.get(..n).unwrap_or(&[]), subject)?;
    let mut values = [0.0f64; MAX_SERIES];
    let n = f.fitted_into(&s, &mut values)?;
    let cap = usize::try_from(cap).unwrap_or(usize::MAX);
    if n > cap {
        return Err(Failure::BufferTooSmall {
            arg: "out",
            needed: n,
            got: cap,
        });
    }
    for (i, v) in values.iter().enumerate().take(n) {
        if !v.is_finite() {
            return Err(Error::Overflow {
                what: Field::Fit,
                index: i,
            }
            .into());
        }
    }
    for (i, v) in values.iter().enumerate().take(n) {
        put_f64_elem(&out, i, *v).ok_or(missing("out", &out))?;
    }
    Ok(count(n))
}

fn forecast_record(p: &ForecastPoint) -> Record<{ layout::forecast::SIZE }> {
    use layout::forecast as l;
    let mut r = Record::new();
    let (scale, lo, hi) = codes::scale(p.prediction.scale());
    let mut known = 0;
    r.i32(l::DATE, p.date.day_number());
    r.u32(l::SCALE, scale);
    r.f64(l::POINT, p.point);
    r.opt(&mut known, l::HAS_LO, l::LO, p.lo);
    r.opt(&mut known, l::HAS_HI, l::HI, p.hi);
    r.f64(l::LOCATION, p.prediction.location());
    r.opt(&mut known, l::HAS_SE, l::SE, p.prediction.se());
    r.opt(&mut known, l::HAS_DF, l::DF, p.prediction.df());
    r.opt(&mut known, l::HAS_SCALE_LO, l::SCALE_LO, lo);
    r.opt(&mut known, l::HAS_SCALE_HI, l::SCALE_HI, hi);
    r.u32(l::KNOWN, known);
    r
}

/// The fitted model `fitted`, under the scenario at `scenario` (0 for none).
enum Projection {
    Base(Fitted),
    WhatIf(dxcast_core::WhatIf),
}

impl Projection {
    fn new(cx: &mut Call, fitted: u32, scenario: u32) -> Res<Projection> {
        let f = pool::get(fitted)?;
        Ok(match read_scenario(cx, scenario)? {
            Some(sc) => Projection::WhatIf(f.with_scenario(sc)?),
            None => Projection::Base(f),
        })
    }

    fn predictor(&self) -> &dyn Predictor {
        match self {
            Projection::Base(f) => f,
            Projection::WhatIf(w) => w,
        }
    }
}

pub(crate) fn forecast(
    fitted: u32,
    scenario: u32,
    dates: u32,
    n: u32,
    level: f64,
    out: u32,
) -> Res<u32> {
    let mut cx = Call::new();
    let out = output_array(&mut cx, "out", out, n, layout::forecast::SIZE, 8)?;
    let dates = input_array(&mut cx, "dates", dates, n, 4, 4)?;
    let projection = Projection::new(&mut cx, fitted, scenario)?;
    let predictor = projection.predictor();
    // The level and bounds are checked once, before any date.
    forecast_into(predictor, Horizon::Dates(&[]), level, &mut [])?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    for k in 0..len {
        let d = i32_elem(&dates, k).ok_or(missing("dates", &dates))?;
        let d = Date::from_day_number(d).map_err(element("dates", k))?;
        let mut one = [ForecastPoint::default()];
        forecast_into(
            predictor,
            Horizon::Dates(core::slice::from_ref(&d)),
            level,
            &mut one,
        )
        .map_err(element("dates", k))?;
        for p in &one {
            let r = forecast_record(p);
            let bytes = r.checked(Field::Projection).map_err(|_| {
                element("dates", k)(Error::Overflow {
                    what: Field::Projection,
                    index: k,
                })
            })?;
            put_record_elem(&out, k, bytes).ok_or(missing("out", &out))?;
        }
    }
    Ok(n)
}

pub(crate) fn horizon(start: i32, step_kind: u32, step: u32, n: u32, out: u32) -> Res<u32> {
    let out = output_array(&mut Call::new(), "out", out, n, 4, 4)?;
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
        let d = h.date(k).map_err(element("horizon", k))?;
        put_i32_elem(&out, k, d.day_number()).ok_or(missing("out", &out))?;
    }
    Ok(n)
}

fn put_growth<const N: usize>(
    r: &mut Record<N>,
    known: &mut u32,
    offs: [(usize, u32); 3],
    g: &Growth,
) {
    let [(cagr, c), (daily, d), (points, p)] = offs;
    r.opt(known, c, cagr, g.cagr);
    r.opt(known, d, daily, g.daily);
    r.opt(known, p, points, g.points_per_year);
}

fn analysis_record(a: &TargetAnalysis) -> Record<{ layout::analysis::SIZE }> {
    use layout::analysis as l;
    let mut r = Record::new();
    let mut known = 0;
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
    if let Some(d) = a.reach_date {
        r.i32(l::REACH_DATE, d.day_number());
        known |= l::HAS_REACH_DATE;
    }
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
    r.opt(&mut known, l::HAS_SE, l::SE, a.prediction.se());
    r.opt(&mut known, l::HAS_DF, l::DF, a.prediction.df());
    r.opt(&mut known, l::HAS_SCALE_LO, l::SCALE_LO, lo);
    r.opt(&mut known, l::HAS_SCALE_HI, l::SCALE_HI, hi);
    r.f64(l::PROJECTED, a.projected);
    r.opt(&mut known, l::HAS_LOW, l::LOW, a.low);
    r.opt(&mut known, l::HAS_HIGH, l::HIGH, a.high);
    r.f64(l::LEVEL, a.level);
    r.opt(&mut known, l::HAS_ATTAINMENT, l::ATTAINMENT, a.attainment);
    r.f64(l::GAP, a.gap);
    put_growth(
        &mut r,
        &mut known,
        [
            (l::REQUIRED_CAGR, l::HAS_REQUIRED_CAGR),
            (l::REQUIRED_DAILY, l::HAS_REQUIRED_DAILY),
            (l::REQUIRED_POINTS, l::HAS_REQUIRED_POINTS),
        ],
        &a.required,
    );
    put_growth(
        &mut r,
        &mut known,
        [
            (l::PROJECTED_CAGR, l::HAS_PROJECTED_CAGR),
            (l::PROJECTED_DAILY, l::HAS_PROJECTED_DAILY),
            (l::PROJECTED_POINTS, l::HAS_PROJECTED_POINTS),
        ],
        &a.projected_growth,
    );
    r.opt(&mut known, l::HAS_RATIO, l::RATIO, a.ratio);
    r.opt(
        &mut known,
        l::HAS_PROBABILITY,
        l::PROBABILITY,
        a.probability,
    );
    r.u32(l::OUTLOOK, encode(&codes::TARGET_STATUSES, a.outlook));
    r.u32(
        l::STALENESS,
        a.staleness.map_or(NONE, |s| encode(&codes::STALENESS, s)),
    );
    if let Some(p) = a.judged_by {
        r.i32(l::JUDGED_BY_DATE, p.date.day_number());
    }
    r.opt(
        &mut known,
        l::HAS_JUDGED_BY,
        l::JUDGED_BY_VALUE,
        a.judged_by.map(|p| p.value),
    );
    let f = &a.facts;
    let bit = |on: bool, b: u32| if on { b } else { 0 };
    r.u32(
        l::FACTS,
        bit(f.unreachable, l::UNREACHABLE)
            | bit(f.after_meets.is_some(), l::AFTER_GIVEN)
            | bit(f.after_meets == Some(true), l::AFTER_MEETS)
            | bit(f.before_meets.is_some(), l::BEFORE_GIVEN)
            | bit(f.before_meets == Some(true), l::BEFORE_MEETS)
            | bit(f.projection_meets, l::PROJECTION_MEETS),
    );
    r.u32(l::FACTS_DF, count(f.df));
    r.i32(l::FACTS_HORIZON_DAYS, f.horizon_days);
    r.i32(l::FACTS_SPAN_DAYS, f.span_days);
    r.u32(l::KNOWN, known);
    r
}

pub(crate) fn analyse(
    fitted: u32,
    scenario: u32,
    target: u32,
    settings: u32,
    out: u32,
    explanations: u32,
) -> Res<u32> {
    use layout::{analysis, explanation};
    let mut cx = Call::new();
    let out = cx.output("out", out, analysis::SIZE, 8)?;
    let expl_len = analysis::EXPLANATIONS.saturating_mul(explanation::SIZE);
    let expl_region = optional(&mut cx, "explanations", explanations, expl_len)?;
    let projection = Projection::new(&mut cx, fitted, scenario)?;
    let t = read_record::<{ layout::target::SIZE }>(&mut cx, "target", target)?;
    let target = target_at(&t, 0, "target.comparison")?;
    let settings = read_settings(&mut cx, settings)?;
    let a = match &projection {
        Projection::Base(f) => f.analyse(&target, &settings)?,
        Projection::WhatIf(w) => w.analyse(&target, &settings)?,
    };
    let record = analysis_record(&a);
    let bytes = record.checked(Field::Projection)?;
    let mut list = [Record::<{ explanation::SIZE }>::new(); analysis::EXPLANATIONS];
    if expl_region.is_some() {
        for (slot, q) in list.iter_mut().zip(codes::QUANTITIES) {
            *slot = explanation(&a.explain(q)?);
            slot.checked(Field::Projection)?;
        }
    }
    store("out", &out, bytes)?;
    if let Some(region) = &expl_region {
        for (i, e) in list.iter().enumerate() {
            let bytes = e.checked(Field::Projection)?;
            put_record_elem(region, i, bytes).ok_or(missing("explanations", region))?;
        }
    }
    Ok(encode(&codes::TARGET_STATUSES, a.status))
}

pub(crate) fn choose(series: u32, out: u32) -> Res<u32> {
    use layout::choice as l;
    let mut cx = Call::new();
    let out = cx.output("out", out, l::SIZE, 8)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let (n, subject) = read_series(&mut cx, series, &mut points)?;
    let s = Series::new(points.get(..n).unwrap_or(&[]), subject)?;
    let c = core_choose(&s)?;
    let e = c.explain()?;
    let (reason, n, rule, mape, runner_up) = codes::reason(c.reason);
    let mut r: Record<{ l::SIZE }> = Record::new();
    let ranked = c.ranked.len().min(l::MAX_RANKED);
    r.u32(l::COUNT, count(ranked));
    r.u32(l::CRITERION, codes::criterion(c.criterion));
    r.u32(l::REASON, reason);
    r.u32(l::N, count(n));
    r.u32(l::RULE, rule);
    let mut known = 0;
    r.opt(&mut known, l::HAS_MAPE, l::MAPE, mape);
    r.opt(&mut known, l::HAS_RUNNER_UP, l::RUNNER_UP, runner_up);
    r.u32(l::KNOWN, known);
    for (k, rk) in c.ranked.iter().take(ranked).enumerate() {
        let base = at(l::RANKED, k.saturating_mul(l::RANKED_SIZE));
        put_spec(&mut r, at(base, l::RANKED_MODEL), &rk.model.spec());
        let mut has = 0;
        r.opt(&mut has, 1, at(base, l::RANKED_SCORE), rk.score);
        r.u32(at(base, l::RANKED_HAS_SCORE), has);
    }
    r.nest(l::EXPLANATION, &explanation(&e));
    store("out", &out, r.checked(Field::Candidates)?)?;
    Ok(count(ranked))
}

// ---------------------------------------------------------------- claims

/// The `Figure` record at `base` of `r`.
fn figure_at(r: &[u8], base: usize) -> Res<Option<Figure>> {
    use layout::figure as l;
    let a = f64_at(r, at(base, l::A));
    let b = f64_at(r, at(base, l::B));
    let form = u32_at(r, at(base, l::FORM));
    let ends = u32_at(r, at(base, l::ENDS));
    let figure = match form {
        l::NONE => {
            reserved("figure.ends", ends)?;
            return Ok(None);
        }
        l::STATED => {
            reserved("figure.ends", ends)?;
            let q = decode(
                &codes::QUALIFIERS,
                "figure.qualifier",
                u32_at(r, at(base, l::QUALIFIER)),
            )?;
            Figure::stated(a, b, q)?
        }
        l::BETWEEN => {
            let ends = flags("figure.ends", ends, l::HAS_LOW | l::HAS_HIGH)?;
            let end = |given: bool, v: f64, none: f64, index: usize| -> Res<f64> {
                match (given, v.is_finite()) {
                    (false, _) => Ok(none),
                    (true, true) => Ok(v),
                    (true, false) => Err(Error::NotFinite {
                        what: Field::Interval,
                        index,
                    }
                    .into()),
                }
            };
            let lo = end(ends & l::HAS_LOW != 0, a, f64::NEG_INFINITY, 0)?;
            let hi = end(ends & l::HAS_HIGH != 0, b, f64::INFINITY, 1)?;
            Figure::between(lo, hi)?
        }
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

/// Relocates a failure of input figure `index` to that input.
fn input_failure(index: usize) -> impl Fn(Failure) -> Failure {
    move |f| match f {
        Failure::Core(error) => Failure::At {
            error,
            arg: "claim.inputs",
            index,
        },
        other => other,
    }
}

pub(crate) fn claim_check(claim: u32, out: u32) -> Res<u32> {
    use layout::{check as c, claim as l, figure};
    let mut cx = Call::new();
    let out = cx.output("out", out, c::SIZE, 8)?;
    let r = read_record::<{ l::SIZE }>(&mut cx, "claim", claim)?;
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
        claim.push(figure_at(&r, base).map_err(input_failure(i))?)?;
    }
    let check = claim.check()?;
    let (reason, index) = codes::unchecked(check.reason);
    let mut w: Record<{ c::SIZE }> = Record::new();
    w.u32(c::VERDICT, encode(&codes::VERDICTS, check.verdict));
    w.u32(c::REASON, reason);
    w.u32(c::REASON_INDEX, index);
    w.u32(c::HAS_STATED, u32::from(check.stated.is_some()));
    w.u32(c::HAS_RECOMPUTED, u32::from(check.recomputed.is_some()));
    let mut known = 0;
    w.opt(
        &mut known,
        c::HAS_STATED_LO,
        c::STATED_LO,
        check.stated.map(|i| i.lo()),
    );
    w.opt(
        &mut known,
        c::HAS_STATED_HI,
        c::STATED_HI,
        check.stated.map(|i| i.hi()),
    );
    w.opt(
        &mut known,
        c::HAS_RECOMPUTED_LO,
        c::RECOMPUTED_LO,
        check.recomputed.map(|i| i.lo()),
    );
    w.opt(
        &mut known,
        c::HAS_RECOMPUTED_HI,
        c::RECOMPUTED_HI,
        check.recomputed.map(|i| i.hi()),
    );
    w.u32(c::KNOWN, known);
    w.nest(c::EXPLANATION, &explanation(&check.explanation));
    w.u32(
        c::AT_STATED,
        check
            .at_stated
            .map_or(NONE, |v| encode(&codes::VERDICTS, v)),
    );
    store("out", &out, w.checked(Field::Interval)?)?;
    Ok(encode(&codes::VERDICTS, check.verdict))
}

// ---------------------------------------------------------------- conversions and growth

/// Checks the output of `n` explanations first, then writes what `compute` gives.
fn explained<F>(out: u32, n: usize, what: Field, compute: F) -> Res<u32>
where
    F: FnOnce() -> Res<[Option<Explanation>; 2]>,
{
    let region = output_array(
        &mut Call::new(),
        "out",
        out,
        count(n),
        layout::explanation::SIZE,
        8,
    )?;
    let list = compute()?;
    let mut records = [Record::<{ layout::explanation::SIZE }>::new(); 2];
    for (slot, e) in records.iter_mut().zip(list.iter()) {
        if let Some(e) = e {
            *slot = explanation(e);
            slot.checked(what)?;
        }
    }
    for (i, r) in records.iter().enumerate().take(n) {
        put_record_elem(&region, i, r.checked(what)?).ok_or(missing("out", &region))?;
    }
    Ok(0)
}

pub(crate) fn run_rate(year_to_date: f64, as_of: i32, out: u32) -> Res<u32> {
    explained(out, 1, Field::Total, || {
        Ok([
            Some(convert::run_rate(year_to_date, date(as_of)?)?.explain()?),
            None,
        ])
    })
}

pub(crate) fn extrapolate(total: f64, es: i32, ee: i32, ws: i32, we: i32, out: u32) -> Res<u32> {
    explained(out, 1, Field::Total, || {
        let elapsed = Period::range(date(es)?, date(ee)?)?;
        let whole = Period::range(date(ws)?, date(we)?)?;
        Ok([
            Some(convert::extrapolate(total, elapsed, whole)?.explain()?),
            None,
        ])
    })
}

pub(crate) fn daily_average(total: f64, start: i32, end: i32, out: u32) -> Res<u32> {
    explained(out, 1, Field::DailyAverage, || {
        let p = Period::range(date(start)?, date(end)?)?;
        Ok([Some(convert::daily_average(total, p)?.explain()?), None])
    })
}

pub(crate) fn period_total(average: f64, start: i32, end: i32, out: u32) -> Res<u32> {
    explained(out, 1, Field::Total, || {
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
    let out = Call::new().output("out", out, layout::flow::SIZE, 8)?;
    let f = convert::flow_between(Point::new(date(d1)?, v1), Point::new(date(d2)?, v2))?;
    store("out", &out, flow_record(&f).checked(Field::Flows)?)?;
    Ok(0)
}

pub(crate) fn flows(days: u32, values: u32, n: u32, out: u32, cap: u32) -> Res<u32> {
    let mut cx = Call::new();
    let out = output_array(&mut cx, "out", out, cap, layout::flow::SIZE, 8)?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if len > MAX_SERIES {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: MAX_SERIES,
        }
        .into());
    }
    let days = input_array(&mut cx, "days", days, n, 4, 4)?;
    let values = input_array(&mut cx, "values", values, n, 8, 8)?;
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    for (i, slot) in points.iter_mut().enumerate().take(len) {
        let d = i32_elem(&days, i).ok_or(missing("days", &days))?;
        let v = f64_elem(&values, i).ok_or(missing("values", &values))?;
        *slot = Point::new(Date::from_day_number(d).map_err(element("days", i))?, v);
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
        flow_record(f).checked(Field::Flows).map_err(|_| {
            element("values", i)(Error::Overflow {
                what: Field::Flows,
                index: i,
            })
        })?;
    }
    for (i, f) in buf.iter().enumerate().take(written) {
        put_record_elem(&out, i, flow_record(f).checked(Field::Flows)?)
            .ok_or(missing("out", &out))?;
    }
    Ok(count(written))
}

pub(crate) fn share_change(before: f64, after: f64, out: u32) -> Res<u32> {
    explained(out, 2, Field::Change, || {
        let c = convert::share_change(before, after)?;
        Ok([Some(c.explain_points()?), Some(c.explain_relative()?)])
    })
}

pub(crate) fn readings_of_change(after: f64, change: f64, out: u32) -> Res<u32> {
    let out = output_array(&mut Call::new(), "out", out, 2, 8, 8)?;
    let r = convert::readings_of_change(after, change)?;
    for (i, v) in [r.before_if_points, r.before_if_relative]
        .iter()
        .enumerate()
    {
        if !v.is_finite() {
            return Err(Error::Overflow {
                what: Field::BaseValue,
                index: i,
            }
            .into());
        }
    }
    put_f64_elem(&out, 0, r.before_if_points).ok_or(missing("out", &out))?;
    put_f64_elem(&out, 1, r.before_if_relative).ok_or(missing("out", &out))?;
    Ok(0)
}

fn change_kind(kind: u32) -> Res<ChangeKind> {
    decode(&codes::CHANGE_KINDS, "kind", kind)
}

pub(crate) fn change(kind: u32, before: f64, after: f64, out: u32) -> Res<u32> {
    explained(out, 1, Field::Change, || {
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
    let mut cx = Call::new();
    let region = cx.output("out", out, layout::explanation::SIZE, 8)?;
    let kind = change_kind(kind)?;
    let earlier = read_period(&mut cx, "earlier", earlier)?;
    let later = read_period(&mut cx, "later", later)?;
    let c = match rule {
        0 => growth::period_over_period(earlier, before, later, after, kind)?,
        1 => growth::year_on_year(earlier, before, later, after, kind)?,
        _ => return Err(Failure::invalid("rule", rule)),
    };
    let r = explanation(&c.explain()?);
    store("out", &region, r.checked(Field::Change)?)?;
    Ok(0)
}

pub(crate) fn cagr(d1: i32, v1: f64, d2: i32, v2: f64, out: u32) -> Res<u32> {
    explained(out, 2, Field::GrowthRate, || {
        let c = growth::cagr(Point::new(date(d1)?, v1), Point::new(date(d2)?, v2))?;
        Ok([Some(c.explain()?), Some(c.explain_points()?)])
    })
}

// ---------------------------------------------------------------- series from observations

/// The `Observation` record at `base` of `r`, element `index` of `arg`.
fn observation_at(r: &[u8], base: usize, arg: &'static str, index: usize) -> Res<Observation> {
    use layout::observation as l;
    let located = |f: Failure| match f {
        Failure::Core(error) => Failure::At { error, arg, index },
        other => other,
    };
    Ok(Observation {
        value: f64_at(r, at(base, l::VALUE)),
        period: period_at(r, at(base, l::PERIOD)).map_err(located)?,
        status: decode(
            &codes::STATUSES,
            "observation.status",
            u32_at(r, at(base, l::STATUS)),
        )?,
        qualifier: decode(
            &codes::QUALIFIERS,
            "observation.qualifier",
            u32_at(r, at(base, l::QUALIFIER)),
        )?,
        precision: f64_at(r, at(base, l::PRECISION)),
    })
}

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
    let mut cx = Call::new();
    let kind = decode(&codes::KINDS, "kind", kind)?;
    let od = output_array(&mut cx, "out_days", out_days, cap, 4, 4)?;
    let ov = output_array(&mut cx, "out_values", out_values, cap, 8, 8)?;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if len > MAX_SERIES {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: MAX_SERIES,
        }
        .into());
    }
    let obs = input_array(&mut cx, "observations", observations, n, l::SIZE, 8)?;
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
        *slot = observation_at(&r, 0, "observations", i)?;
    }
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_POINTS];
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX).min(MAX_POINTS);
    let written = points_into(
        kind,
        list.get(..len).unwrap_or(&[]),
        points.get_mut(..cap_n).unwrap_or(&mut []),
    )?;
    for (i, p) in points.iter().enumerate().take(written) {
        if !p.value.is_finite() {
            return Err(Error::Overflow {
                what: Field::Value,
                index: i,
            }
            .into());
        }
    }
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
    let out = Call::new().output("out", out, l::SIZE, 8)?;
    let kind = decode(&codes::KINDS, "kind", kind)?;
    let comparison = decode(&codes::COMPARISONS, "comparison", comparison)?;
    let target = Target::new(value, date(deadline)?, comparison)?;
    let e = core_evaluation(kind, &target);
    let mut r: Record<{ l::SIZE }> = Record::new();
    r.i32(l::DATE, e.date.day_number());
    r.f64(l::VALUE, e.value);
    r.f64(l::FACTOR, e.factor);
    store("out", &out, r.checked(Field::Target)?)?;
    Ok(0)
}

// ---------------------------------------------------------------- quantities

/// The most figures of one quantity a call takes.
const MAX_FIGURES: usize = 256;

/// Reads `n` `Measured` records at `addr` into `list`; returns how many.
fn read_measured(
    cx: &mut Call,
    addr: u32,
    n: u32,
    list: &mut [Measured; MAX_FIGURES],
) -> Res<usize> {
    use layout::measured as l;
    let len = usize::try_from(n).unwrap_or(usize::MAX);
    if len > MAX_FIGURES {
        return Err(Error::Capacity {
            what: Field::Points,
            capacity: MAX_FIGURES,
        }
        .into());
    }
    let region = input_array(cx, "figures", addr, n, l::SIZE, 8)?;
    for (i, slot) in list.iter_mut().enumerate().take(len) {
        let r = record_elem::<{ l::SIZE }>(&region, i).ok_or(missing("figures", &region))?;
        let since = if flag("figure.has_since", u32_at(&r, l::HAS_SINCE))? {
            Some(Date::from_day_number(i32_at(&r, l::SINCE)).map_err(element("figures", i))?)
        } else {
            None
        };
        let observation = observation_at(&r, l::OBSERVATION, "figures", i)?;
        if !observation.value.is_finite() {
            return Err(element("figures", i)(Error::NotFinite {
                what: Field::Value,
                index: i,
            }));
        }
        *slot = Measured {
            kind: decode(&codes::KINDS, "figure.kind", u32_at(&r, l::KIND))?,
            observation,
            since,
            definition: u32_at(&r, l::DEFINITION),
        };
    }
    Ok(len)
}

/// A blank figure for buffers.
const BLANK_MEASURED: Measured = Measured {
    kind: dxcast_core::MeasureKind::Stock,
    observation: Observation {
        value: 0.0,
        period: Period::day(Date::EPOCH),
        status: dxcast_core::Status::Observed,
        qualifier: dxcast_core::Qualifier::Exact,
        precision: 0.0,
    },
    since: None,
    definition: 0,
};

/// The most conflicts a call finds.
const MAX_CONFLICTS: usize = 1024;

/// Measures the figures: their points and conflicts in `points` and `conflicts`.
fn measure(
    figures: &[Measured],
    rule: u32,
    points: &mut [QuantityPoint; MAX_FIGURES],
    conflicts: &mut [Conflict; MAX_CONFLICTS],
) -> Res<Measures> {
    let rule = decode(&codes::QUANTITY_RULES, "rule", rule)?;
    Ok(measure_into(figures, rule, points, conflicts)?)
}

fn quantity_point_record(p: &QuantityPoint) -> Record<{ layout::quantity_point::SIZE }> {
    use layout::quantity_point as l;
    let index = |i: usize| u32::try_from(i).unwrap_or(NONE);
    let mut r = Record::new();
    r.i32(l::DATE, p.point.date.day_number());
    r.f64(l::VALUE, p.point.value);
    r.nest(l::WINDOW, &period_record(p.window));
    r.u32(l::MEASURE, encode(&codes::KINDS, p.measure));
    r.u32(l::CONVERSION, encode(&codes::CONVERSIONS, p.conversion));
    r.u32(l::STATUS, encode(&codes::STATUSES, p.status));
    r.u32(l::SOURCE, index(p.source));
    r.u32(l::EARLIER, p.earlier.map_or(NONE, index));
    r.u32(
        l::ASIDE,
        p.aside.map_or(NONE, |a| encode(&codes::ASIDES, a)),
    );
    r.f64(l::LOW, p.low);
    r.f64(l::HIGH, p.high);
    r.u32(l::DEFINITION, p.definition);
    r
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn measure_quantity(
    figures: u32,
    n: u32,
    rule: u32,
    points: u32,
    points_cap: u32,
    conflicts: u32,
    conflicts_cap: u32,
    out: u32,
) -> Res<u32> {
    let mut cx = Call::new();
    let out = cx.output("out", out, layout::measures::SIZE, 8)?;
    let points_out = output_array(
        &mut cx,
        "points",
        points,
        points_cap,
        layout::quantity_point::SIZE,
        8,
    )?;
    let conflicts_out = if conflicts == 0 {
        None
    } else {
        Some(output_array(
            &mut cx,
            "conflicts",
            conflicts,
            conflicts_cap,
            layout::conflict::SIZE,
            8,
        )?)
    };
    let mut list = [BLANK_MEASURED; MAX_FIGURES];
    let len = read_measured(&mut cx, figures, n, &mut list)?;
    let list = list.get(..len).unwrap_or(&[]);
    let mut pts = [QuantityPoint::PLACEHOLDER; MAX_FIGURES];
    let mut found = [Conflict { a: 0, b: 0 }; MAX_CONFLICTS];
    let m = measure(list, rule, &mut pts, &mut found)?;
    let too_small = |arg: &'static str, needed: usize, cap: u32| Failure::BufferTooSmall {
        arg,
        needed,
        got: usize::try_from(cap).unwrap_or(usize::MAX),
    };
    if m.points > usize::try_from(points_cap).unwrap_or(usize::MAX) {
        return Err(too_small("points", m.points, points_cap));
    }
    if conflicts_out.is_some() && m.conflicts > usize::try_from(conflicts_cap).unwrap_or(usize::MAX)
    {
        return Err(too_small("conflicts", m.conflicts, conflicts_cap));
    }
    let written = pts.get(..m.points).unwrap_or(&[]);
    for p in written {
        quantity_point_record(p).checked(Field::Points)?;
    }
    let mut summary: Record<{ layout::measures::SIZE }> = Record::new();
    summary.u32(
        layout::measures::BASIS,
        match m.basis {
            dxcast_core::basis::Basis::Level => 0,
            dxcast_core::basis::Basis::DailyRate => 1,
        },
    );
    summary.u32(layout::measures::POINTS, count(m.points));
    summary.u32(layout::measures::CONFLICTS, count(m.conflicts));
    summary.u32(layout::measures::DEFINITION, m.definition);
    for (i, p) in written.iter().enumerate() {
        put_record_elem(
            &points_out,
            i,
            quantity_point_record(p).checked(Field::Points)?,
        )
        .ok_or(missing("points", &points_out))?;
    }
    if let Some(region) = &conflicts_out {
        for (i, c) in found.iter().take(m.conflicts).enumerate() {
            let mut r: Record<{ layout::conflict::SIZE }> = Record::new();
            r.u32(layout::conflict::A, count(c.a));
            r.u32(layout::conflict::B, count(c.b));
            put_record_elem(region, i, r.checked(Field::Points)?)
                .ok_or(missing("conflicts", region))?;
        }
    }
    store("out", &out, summary.checked(Field::Points)?)?;
    Ok(count(m.points))
}

pub(crate) fn quantity_evidence(
    figures: u32,
    n: u32,
    rule: u32,
    target: u32,
    out: u32,
) -> Res<u32> {
    let mut cx = Call::new();
    let out = cx.output("out", out, layout::evidence::SIZE, 8)?;
    let mut list = [BLANK_MEASURED; MAX_FIGURES];
    let len = read_measured(&mut cx, figures, n, &mut list)?;
    let list = list.get(..len).unwrap_or(&[]);
    let t = read_record::<{ layout::target::SIZE }>(&mut cx, "target", target)?;
    let target = target_at(&t, 0, "target.comparison")?;
    let mut pts = [QuantityPoint::PLACEHOLDER; MAX_FIGURES];
    let mut found = [Conflict { a: 0, b: 0 }; MAX_CONFLICTS];
    let m = measure(list, rule, &mut pts, &mut found)?;
    let e = quantity::evidence(list, pts.get(..m.points).unwrap_or(&[]), &target);
    store("out", &out, evidence_record(&e).checked(Field::Value)?)?;
    Ok(0)
}

pub(crate) fn implausible_growth(
    series: u32,
    from: i32,
    rate: f64,
    per: u32,
    out: u32,
) -> Res<u32> {
    use layout::implausible as l;
    let mut cx = Call::new();
    let out = cx.output("out", out, l::SIZE, 8)?;
    let per = match per {
        0 => Per::Year,
        1 => Per::Month,
        _ => return Err(Failure::invalid("per", per)),
    };
    if !rate.is_finite() {
        return Err(Error::NotFinite {
            what: Field::GrowthRate,
            index: 0,
        }
        .into());
    }
    let mut points = [Point::new(Date::EPOCH, 0.0); MAX_SERIES];
    let (n, subject) = read_series(&mut cx, series, &mut points)?;
    let s = Series::new(points.get(..n).unwrap_or(&[]), subject)?;
    let growth = GrowthOverride {
        from: date(from)?,
        rate,
        per,
    };
    let Some(flag) = scenario::implausible(&s, &growth) else {
        return Ok(0);
    };
    let mut r: Record<{ l::SIZE }> = Record::new();
    let mut known = 0;
    r.opt(&mut known, l::HAS_PER_YEAR, l::PER_YEAR, flag.per_year);
    r.opt(&mut known, l::HAS_FASTEST, l::FASTEST, flag.fastest);
    r.f64(l::LIMIT, flag.limit);
    r.u32(l::KNOWN, known);
    store("out", &out, r.checked(Field::GrowthRate)?)?;
    Ok(1)
}

// ---------------------------------------------------------------- figures in text

fn found_record(f: &Found) -> Record<{ layout::found::SIZE }> {
    use layout::found as l;
    let offset = |i: usize| u32::try_from(i).unwrap_or(NONE);
    let mut r = Record::new();
    let mut known = 0;
    r.f64(l::VALUE, f.value);
    r.f64(l::PRECISION, f.precision);
    r.u32(l::UNIT, encode(&codes::UNITS, f.unit));
    r.u32(l::QUALIFIER, encode(&codes::QUALIFIERS, f.qualifier));
    r.u32(l::START, offset(f.span.start));
    r.u32(l::END, offset(f.span.end));
    r.u32(l::SENTENCE_START, offset(f.sentence.start));
    r.u32(l::SENTENCE_END, offset(f.sentence.end));
    if let Some(p) = f.period {
        known |= l::HAS_PERIOD;
        r.nest(l::PERIOD, &period_record(p));
    }
    r.opt(
        &mut known,
        l::HAS_DENOMINATOR,
        l::DENOMINATOR,
        f.denominator,
    );
    if let Some(c) = f.cue {
        known |= l::HAS_CUE;
        r.u32(l::CUE_START, offset(c.start));
        r.u32(l::CUE_END, offset(c.end));
    }
    let compared = f.derived.and_then(|d| d.compared);
    r.u32(
        l::COMPARED_START,
        compared.map_or(NONE, |c| offset(c.start)),
    );
    r.u32(l::COMPARED_END, compared.map_or(NONE, |c| offset(c.end)));
    r.u32(
        l::DERIVED,
        f.derived
            .map_or(NONE, |d| encode(&codes::CANDIDATE_KINDS, d.kind)),
    );
    r.u32(
        l::DECREASE,
        u32::from(f.derived.is_some_and(|d| d.decrease)),
    );
    r.u32(l::KNOWN, known);
    r
}

pub(crate) fn extract_figures(
    text: u32,
    len: u32,
    has_as_of: u32,
    as_of: i32,
    out: u32,
    cap: u32,
) -> Res<u32> {
    let mut cx = Call::new();
    let counting = out == 0;
    let region = if counting {
        None
    } else {
        Some(output_array(
            &mut cx,
            "out",
            out,
            cap,
            layout::found::SIZE,
            8,
        )?)
    };
    let as_of = if flag("has_as_of", has_as_of)? {
        Some(date(as_of)?)
    } else {
        None
    };
    let n = usize::try_from(len).unwrap_or(usize::MAX);
    let input = cx.input("text", text, n, 1)?;
    let bytes = input.bytes();
    let text = core::str::from_utf8(bytes).map_err(|_| Failure::InvalidUtf8 { arg: "text" })?;
    let mut total = 0usize;
    for f in Figures::new(text, as_of) {
        found_record(&f).checked(Field::Value)?;
        total = total.saturating_add(1);
    }
    let Some(region) = region else {
        return Ok(count(total));
    };
    let cap_n = usize::try_from(cap).unwrap_or(usize::MAX);
    if total > cap_n {
        return Err(Failure::BufferTooSmall {
            arg: "out",
            needed: total,
            got: cap_n,
        });
    }
    for (i, f) in Figures::new(text, as_of).enumerate() {
        put_record_elem(&region, i, found_record(&f).checked(Field::Value)?)
            .ok_or(missing("out", &region))?;
    }
    Ok(count(total))
}
