//! The boundary: every value JavaScript passes is checked here before the
//! core sees it. Parameters arrive as plain `JsValue`s (wasm-bindgen's own
//! glue for `&str`, `f64` or `Vec<f64>` parameters would coerce, or trap on
//! a non-string), and each check names the parameter, and the index inside
//! an array, that was wrong.

use std::borrow::Cow;

use dxcast_core::{Date, ErrorKind, Period};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use wasm_bindgen::{JsCast, JsValue};

use crate::error::{Class, Fail, Named};

/// The longest text taken, in UTF-16 code units: far more than any date,
/// period or figure the core reads, and a bound on what is copied into the
/// module's memory.
pub(crate) const MAX_TEXT: usize = 1024;

/// The most dated values an array may hold: the days of years 1 to 9999,
/// the most a series of increasing dates can have.
pub(crate) fn max_dates() -> usize {
    let first = Date::from_ymd(1, 1, 1).map(Date::day_number).unwrap_or(0);
    let last = Date::from_ymd(9999, 12, 31)
        .map(Date::day_number)
        .unwrap_or(0);
    usize::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(0)
}

/// What `v` is, for an error message.
fn describe(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(v) {
        "an array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "something else".into())
    }
}

/// `Fail::wrong_type` with what was given.
fn wrong(field: impl Into<Cow<'static, str>>, expected: &str, got: &JsValue) -> Fail {
    Fail::wrong_type(field, &format!("{expected}, got {}", describe(got)))
}

/// A string of at most [`MAX_TEXT`] code units.
pub(crate) fn text(v: &JsValue, field: &'static str) -> Result<String, Fail> {
    let Some(s) = v.dyn_ref::<js_sys::JsString>() else {
        return Err(wrong(field, "a string", v));
    };
    let len = s.length() as usize;
    if len > MAX_TEXT {
        return Err(Fail::too_long(field, len, MAX_TEXT));
    }
    Ok(String::from(s))
}

/// A number (any, NaN and ±∞ included: the core says which it takes).
pub(crate) fn number(v: &JsValue, field: &'static str) -> Result<f64, Fail> {
    v.as_f64().ok_or_else(|| wrong(field, "a number", v))
}

/// A whole number from 0 to `max`.
pub(crate) fn count(v: &JsValue, field: &'static str, max: usize) -> Result<usize, Fail> {
    let x = number(v, field)?;
    let whole = x.is_finite() && x.trunc() == x && x >= 0.0 && x <= max as f64;
    if !whole {
        return Err(Fail::out_of_range(
            field,
            &format!("a whole number from 0 to {max}, got {x}"),
        ));
    }
    // Whole and within 0..=max: exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Ok(x as usize)
}

/// `true` or `false`.
pub(crate) fn boolean(v: &JsValue, field: &'static str) -> Result<bool, Fail> {
    v.as_bool().ok_or_else(|| wrong(field, "a boolean", v))
}

/// Whether `v` is `undefined` or `null`: a parameter left out.
pub(crate) fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

/// An array of at most `max` elements.
pub(crate) fn array(v: &JsValue, field: &'static str, max: usize) -> Result<js_sys::Array, Fail> {
    if !js_sys::Array::is_array(v) {
        return Err(wrong(field, "an array", v));
    }
    let a: js_sys::Array = v.clone().unchecked_into();
    let len = a.length() as usize;
    if len > max {
        return Err(Fail::too_long(field, len, max));
    }
    Ok(a)
}

/// Numbers from `number[]` or a `Float64Array` of at most `max` elements.
/// NaN and ±∞ pass (the core names them); anything that is not a number
/// is a `TypeError` at its index.
pub(crate) fn numbers(v: &JsValue, field: &'static str, max: usize) -> Result<Vec<f64>, Fail> {
    if let Some(t) = v.dyn_ref::<js_sys::Float64Array>() {
        let len = t.length() as usize;
        if len > max {
            return Err(Fail::too_long(field, len, max));
        }
        return Ok(t.to_vec());
    }
    if !js_sys::Array::is_array(v) {
        return Err(wrong(field, "an array of numbers or a Float64Array", v));
    }
    let a = array(v, field, max)?;
    let mut out = Vec::with_capacity(a.length() as usize);
    for (i, x) in a.iter().enumerate() {
        out.push(
            x.as_f64()
                .ok_or_else(|| wrong(field, "a number", &x).at(i))?,
        );
    }
    Ok(out)
}

/// An ISO date, `YYYY-MM-DD`.
pub(crate) fn date(v: &JsValue, field: &'static str) -> Result<Date, Fail> {
    let t = text(v, field)?;
    Date::parse_iso(&t).about(field)
}

/// A period as the core writes it (`2022`, `2022-Q3`, `2022-09`,
/// `2022-09-30`, `2022-01-01/2022-12-08`).
pub(crate) fn period(v: &JsValue, field: &'static str) -> Result<Period, Fail> {
    let t = text(v, field)?;
    Period::parse(&t).about(field)
}

/// ISO dates, at most [`max_dates`].
pub(crate) fn dates(v: &JsValue, field: &'static str) -> Result<Vec<Date>, Fail> {
    let a = array(v, field, max_dates())?;
    let mut out = Vec::with_capacity(a.length() as usize);
    for (i, x) in a.iter().enumerate() {
        let t = text(&x, field).map_err(|e| e.at(i))?;
        out.push(Date::parse_iso(&t).at(field, i)?);
    }
    Ok(out)
}

/// `v` as `T` through serde, for objects: a value of the wrong type, a
/// missing property or an unknown code is a `TypeError` naming the
/// property (and the index, inside an array).
pub(crate) fn decode<T: DeserializeOwned>(v: &JsValue, field: &'static str) -> Result<T, Fail> {
    let de = serde_wasm_bindgen::Deserializer::from(v.clone());
    serde_path_to_error::deserialize(de).map_err(|e| {
        let mut name: Cow<'static, str> = Cow::Borrowed(field);
        let mut index = None;
        let mut path = String::from(field);
        for s in e.path().iter() {
            match s {
                Segment::Seq { index: i } => {
                    index = Some(*i);
                    path.push_str(&format!("[{i}]"));
                }
                Segment::Map { key } => {
                    name = Cow::Owned(key.clone());
                    path.push('.');
                    path.push_str(key);
                }
                Segment::Enum { .. } | Segment::Unknown => {}
            }
        }
        let full = e.inner().to_string();
        // serde-wasm-bindgen's errors are JavaScript `Error`s, written so.
        let message = full.strip_prefix("Error: ").unwrap_or(&full).to_string();
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|m| m.strip_suffix('`'))
        {
            name = Cow::Owned(missing.to_string());
            path.push('.');
            path.push_str(missing);
        }
        let detail = message
            .replace("expected f64", "expected a number")
            .replace("expected u32", "expected a whole number");
        let kind = if message.starts_with("unknown variant") {
            ErrorKind::InvalidCode
        } else {
            ErrorKind::InvalidType
        };
        let fail = Fail::new(Class::Type, kind, name, format!("{path}: {detail}"));
        match index {
            Some(i) => fail.at(i),
            None => fail,
        }
    })
}

/// `decode` for an optional parameter: `undefined` and `null` are `None`.
pub(crate) fn optional<T: DeserializeOwned>(
    v: &JsValue,
    field: &'static str,
) -> Result<Option<T>, Fail> {
    if absent(v) {
        Ok(None)
    } else {
        decode(v, field).map(Some)
    }
}
