//! Errors as JavaScript sees them: an `Error`, `TypeError` or `RangeError`
//! with a `kind` (the core's [`ErrorKind::name`], as the C ABI names its
//! codes), the `field` it is about (the package's name for it) and the
//! `index` into an array where there is one.
//!
//! - The core's errors are `Error`s with the core's kind: `NOT_FINITE`,
//!   `OUT_OF_BOUNDS`, `INVALID_ARGUMENT`, …
//! - A value of the wrong type at the boundary (a number for a string, a
//!   `null` inside values, a missing property) is a `TypeError` of kind
//!   `INVALID_TYPE`; an unknown code (`"furlong"` for a unit) a `TypeError`
//!   of kind `INVALID_CODE`.
//! - An array or a text beyond what the core can take, or a count that is
//!   not a whole number in range, is a `RangeError` (kind `CAPACITY` or
//!   `INVALID_ARGUMENT`).

use std::borrow::Cow;

use dxcast_core::{Error as CoreError, ErrorKind, Field};
use wasm_bindgen::JsValue;

/// The JavaScript class of a thrown error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `Error`: the core refused the input.
    Error,
    /// `TypeError`: a value of the wrong type.
    Type,
    /// `RangeError`: a value or length out of range.
    Range,
}

/// An error on its way to JavaScript.
#[derive(Debug, Clone)]
pub struct Fail {
    class: Class,
    kind: ErrorKind,
    field: Option<Cow<'static, str>>,
    index: Option<usize>,
    message: String,
}

impl Fail {
    /// An error of `class` and `kind` about `field`, saying `message`.
    pub(crate) fn new(
        class: Class,
        kind: ErrorKind,
        field: impl Into<Cow<'static, str>>,
        message: String,
    ) -> Fail {
        Fail {
            class,
            kind,
            field: Some(field.into()),
            index: None,
            message,
        }
    }

    /// A `TypeError` of kind `INVALID_TYPE` about `field`.
    pub(crate) fn wrong_type(field: impl Into<Cow<'static, str>>, expected: &str) -> Fail {
        let field = field.into();
        Fail {
            class: Class::Type,
            kind: ErrorKind::InvalidType,
            message: format!("{field}: expected {expected}"),
            field: Some(field),
            index: None,
        }
    }

    /// A `TypeError` of kind `INVALID_CODE` about `field`.
    pub(crate) fn unknown_code(field: impl Into<Cow<'static, str>>, detail: &str) -> Fail {
        let field = field.into();
        Fail {
            class: Class::Type,
            kind: ErrorKind::InvalidCode,
            message: format!("{field}: {detail}"),
            field: Some(field),
            index: None,
        }
    }

    /// A `RangeError` of kind `CAPACITY`: `field` holds more than `capacity`.
    pub(crate) fn too_long(field: &'static str, len: usize, capacity: usize) -> Fail {
        Fail {
            class: Class::Range,
            kind: ErrorKind::Capacity,
            message: format!("{field}: {len} elements, but at most {capacity} are taken"),
            field: Some(field.into()),
            index: None,
        }
    }

    /// A `RangeError` of kind `INVALID_ARGUMENT` about `field`.
    pub(crate) fn out_of_range(field: &'static str, expected: &str) -> Fail {
        Fail {
            class: Class::Range,
            kind: ErrorKind::InvalidArgument,
            message: format!("{field}: expected {expected}"),
            field: Some(field.into()),
            index: None,
        }
    }

    /// An `Error` of kind `OVERFLOW`: a result that is not a finite number.
    pub(crate) fn not_representable(field: impl Into<Cow<'static, str>>) -> Fail {
        let field = field.into();
        Fail {
            class: Class::Error,
            kind: ErrorKind::Overflow,
            message: format!("{field} is too large for a floating-point number"),
            field: Some(field),
            index: None,
        }
    }

    /// The same error at position `index` of its array.
    #[must_use]
    pub(crate) fn at(mut self, index: usize) -> Fail {
        self.index = Some(index);
        self
    }

    /// The same error, its message placed inside `outer` (`stated: …`).
    #[must_use]
    pub(crate) fn within(mut self, outer: &str) -> Fail {
        self.message = format!("{outer}.{}", self.message);
        self
    }

    /// The error's kind.
    #[cfg(test)]
    pub(crate) fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The field it names.
    #[cfg(test)]
    pub(crate) fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The index it names.
    #[cfg(test)]
    pub(crate) fn index(&self) -> Option<usize> {
        self.index
    }
}

/// The package's name for a field of the core: the camel-case form of its
/// code (`initial_level` → `initialLevel`), as the package's parameters and
/// properties are named.
pub(crate) fn js_name(field: Field) -> Cow<'static, str> {
    let code = field.code();
    if !code.contains('_') {
        return Cow::Borrowed(code);
    }
    let mut out = String::with_capacity(code.len());
    let mut upper = false;
    for c in code.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How a call names the core's fields: the core's field, and the package's
/// parameter or property it comes from where the names differ (`value` of
/// a series is the property `values`).
pub(crate) type Names<'a> = &'a [(Field, &'static str)];

/// The parameters and properties that are arrays: an index the core gives
/// for another field (0 for a single value) is not reported.
const ARRAYS: [&str; 6] = ["values", "dates", "x", "y", "inputs", "observations"];

/// A core error as the package reports it, with the core's fields named
/// by `names` (or in camel case).
pub(crate) fn core(e: CoreError, names: Names<'_>) -> Fail {
    let field = e.field().map(|f| {
        names
            .iter()
            .find(|(core, _)| *core == f)
            .map_or_else(|| js_name(f), |(_, js)| Cow::Borrowed(*js))
    });
    let message = match &field {
        Some(name) => format!("{name}: {e}"),
        None => e.to_string(),
    };
    let index = e
        .index()
        .filter(|_| field.as_deref().is_some_and(|f| ARRAYS.contains(&f)));
    Fail {
        class: Class::Error,
        kind: e.kind(),
        field,
        index,
        message,
    }
}

/// A core error in a call whose fields keep their camel-case names.
impl From<CoreError> for Fail {
    fn from(e: CoreError) -> Fail {
        core(e, &[])
    }
}

/// Extension for core results: name the error's field as the call does.
pub(crate) trait Named<T> {
    /// The result with an error's field named by `names`.
    fn named(self, names: Names<'_>) -> Result<T, Fail>;
    /// [`Named::named`], keeping the core's index (an index into an array
    /// of objects whose property the field is).
    fn indexed(self, names: Names<'_>) -> Result<T, Fail>;
    /// The result with an error's field named `field`, at `index`.
    fn at(self, field: &'static str, index: usize) -> Result<T, Fail>;
    /// The result with an error about `field`, whatever the core named (for
    /// text the core reads as a whole: a date, a period, a figure).
    fn about(self, field: &'static str) -> Result<T, Fail>;
}

impl<T> Named<T> for Result<T, CoreError> {
    fn named(self, names: Names<'_>) -> Result<T, Fail> {
        self.map_err(|e| core(e, names))
    }

    fn indexed(self, names: Names<'_>) -> Result<T, Fail> {
        self.map_err(|e| {
            let index = e.index();
            let mut f = core(e, names);
            f.index = index;
            f
        })
    }

    fn at(self, field: &'static str, index: usize) -> Result<T, Fail> {
        self.map_err(|e| {
            let mut f = core(e, &[]);
            f.message = format!("{field}[{index}]: {e}");
            f.field = Some(Cow::Borrowed(field));
            f.index = Some(index);
            f
        })
    }

    fn about(self, field: &'static str) -> Result<T, Fail> {
        self.map_err(|e| {
            let mut f = core(e, &[]);
            f.message = format!("{field}: {e}");
            f.field = Some(Cow::Borrowed(field));
            f
        })
    }
}

/// Sets `key` of `target`; setting a property of a fresh error cannot fail.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

impl From<Fail> for JsValue {
    fn from(f: Fail) -> JsValue {
        let e: JsValue = match f.class {
            Class::Error => js_sys::Error::new(&f.message).into(),
            Class::Type => js_sys::TypeError::new(&f.message).into(),
            Class::Range => js_sys::RangeError::new(&f.message).into(),
        };
        set(&e, "kind", &JsValue::from_str(f.kind.name()));
        set(
            &e,
            "field",
            &f.field.as_deref().map_or(JsValue::NULL, JsValue::from_str),
        );
        set(
            &e,
            "index",
            &f.index
                .map_or(JsValue::NULL, |i| JsValue::from_f64(i as f64)),
        );
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::Expected;

    #[test]
    fn fields_are_named_as_the_package_names_them() {
        assert_eq!(js_name(Field::InitialLevel), "initialLevel");
        assert_eq!(js_name(Field::Step), "stepDays");
        assert_eq!(js_name(Field::Value), "value");
        let e = CoreError::NotFinite {
            what: Field::Value,
            index: 3,
        };
        let f = core(e, &[(Field::Value, "values")]);
        assert_eq!(f.kind().name(), "NOT_FINITE");
        assert_eq!(f.field(), Some("values"));
        assert_eq!(f.index(), Some(3));
        let e = CoreError::InvalidArgument {
            name: Field::InitialTrend,
            expected: Expected::BothInitial,
        };
        assert_eq!(Fail::from(e).field(), Some("initialTrend"));
    }
}
