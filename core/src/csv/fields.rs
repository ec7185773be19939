//! Reading the fields of one record by column, with errors that name the
//! record's line and the column.

use crate::error::{Error, Expected, Field, Result};
use crate::number::parse_vi;

use super::{column, Record, Text};

/// Reads the fields of one record by column.
pub(super) struct Fields<'r, 'a> {
    pub(super) record: &'r Record<'a>,
    pub(super) columns: &'static [Field],
}

impl<'a> Fields<'_, 'a> {
    pub(super) fn err(&self, index: usize, expected: Expected) -> Error {
        Error::Parse {
            line: self.record.line(),
            field: column(self.columns, index),
            expected,
        }
    }

    /// Puts this record's line and column on an error from a model parser.
    pub(super) fn relocate(&self, index: usize, e: Error) -> Error {
        match e {
            Error::Parse { expected, .. } => self.err(index, expected),
            Error::InvalidDate { .. } => self.err(index, Expected::ExistingDate),
            Error::InvalidArgument { expected, .. } => self.err(index, expected),
            other => other,
        }
    }

    pub(super) fn text(&self, index: usize) -> Result<Text<'a>> {
        self.record
            .get(index)
            .ok_or(self.err(index, Expected::FieldHere))
    }

    /// A text field of one of the last, optional columns: empty when the
    /// record stops before it.
    pub(super) fn optional_text(&self, index: usize) -> Result<Text<'a>> {
        if self.record.fields().len() > index {
            self.text(index)
        } else {
            Ok(Text::plain(""))
        }
    }

    /// A field with no doubled quotes, trimmed.
    pub(super) fn plain(&self, index: usize) -> Result<&'a str> {
        self.text(index)?
            .as_str()
            .map(str::trim)
            .ok_or(self.err(index, Expected::NoQuotes))
    }

    pub(super) fn id(&self, index: usize) -> Result<&'a str> {
        let s = self.plain(index)?;
        let ok = !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if ok {
            Ok(s)
        } else {
            Err(self.err(index, Expected::Identifier))
        }
    }

    pub(super) fn optional(&self, index: usize) -> Result<Option<&'a str>> {
        let s = self.plain(index)?;
        Ok(if s.is_empty() { None } else { Some(s) })
    }

    pub(super) fn number(&self, index: usize) -> Result<f64> {
        self.optional_number(index)?
            .ok_or(self.err(index, Expected::Number))
    }

    pub(super) fn optional_number(&self, index: usize) -> Result<Option<f64>> {
        let err = self.err(index, Expected::PlainNumber);
        match self.optional(index)? {
            None => Ok(None),
            Some(s) => match s.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(Some(v)),
                _ => Err(err),
            },
        }
    }

    pub(super) fn code<T>(&self, index: usize, f: fn(&str) -> Result<T>) -> Result<T> {
        f(self.plain(index)?).map_err(|e| self.relocate(index, e))
    }

    pub(super) fn optional_code<T>(
        &self,
        index: usize,
        f: fn(&str) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.optional(index)? {
            None => Ok(None),
            Some(s) => f(s).map(Some).map_err(|e| self.relocate(index, e)),
        }
    }

    /// A figure as written in a report, checked against `value`: returns its
    /// precision. A decrease ("giảm 32,6%") has a negative value while the
    /// report writes the figure without a sign, so the magnitudes are compared.
    pub(super) fn stated(&self, index: usize, value: Option<f64>) -> Result<Option<f64>> {
        let Some(s) = self.optional(index)? else {
            return Ok(None);
        };
        let st = parse_vi(s).map_err(|e| self.relocate(index, e))?;
        if let Some(v) = value {
            let tolerance = 1e-12 * libm::fabs(v).max(1.0);
            if libm::fabs(st.value - libm::fabs(v)) > tolerance {
                return Err(self.err(index, Expected::StatedMatchesValue));
            }
        }
        Ok(Some(st.precision))
    }
}
