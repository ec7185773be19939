//! The import path for dxcast's data files (feature `csv`).
//!
//! The built-in dataset (`data/*.csv` in the repository, described in
//! `DATA.md`) and the files users bring are read by the same code. Files are
//! UTF-8 CSV as RFC 4180 describes it: a header row naming the columns in a
//! fixed order, fields separated by commas (or another [`Delimiter`], as
//! spreadsheet programs write with [`read_with`]), fields that contain commas,
//! double quotes or line breaks enclosed in double quotes with inner quotes
//! doubled. A UTF-8 byte-order mark, CRLF or LF line ends and blank lines
//! (trailing or between records) are accepted.
//!
//! Parsing allocates nothing. [`csv_core`] finds the field boundaries; every
//! field is then borrowed from the caller's text as a [`Text`] (which undoes
//! doubled quotes on the fly when it is read), and typed fields are parsed
//! with the model's own parsers ([`Unit::from_code`], [`Period::parse`],
//! [`crate::number::parse_vi`], ...).
//!
//! [`read`] checks the header and returns an iterator with one `Result` per
//! row, each independent of the others: an application that imports nothing
//! when any row is bad collects the errors first ([`first_error`]), and one
//! that lets the user skip bad lines keeps the `Ok` rows and lists the
//! `Err`s. Every error is an [`Error::Parse`] with the one-based line where
//! the row starts and the name of the column.
//!
//! # Examples
//!
//! ```
//! use dxcast_core::csv::{first_error, read, ObservationRow};
//! use dxcast_core::{Error, Expected, Field};
//!
//! let text = "\u{feff}id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note\r\n\
//!     r000-a,ndxp_tx,2022-09,observed,exact,58397139,58.397.139,,r000,\"có 58.397.139 giao dịch, qua NDXP\",\r\n\
//!     r000-b,ndxp_tx,2022-13,observed,exact,1,1,,r000,x,\r\n\r\n";
//! let rows: Vec<_> = read::<ObservationRow>(text)?.collect();
//! assert_eq!(rows.len(), 2);
//! let first = rows[0].as_ref().unwrap();
//! assert_eq!(first.value, 58_397_139.0);
//! assert_eq!(first.quote.to_string(), "có 58.397.139 giao dịch, qua NDXP");
//! // Month 13 does not exist: the error names line 3 and the column.
//! assert_eq!(rows[1], Err(Error::Parse { line: 3, field: Field::Period, expected: Expected::ExistingDate }));
//! assert_eq!(first_error::<ObservationRow>(text), Err(rows[1].clone().unwrap_err()));
//! # Ok::<(), dxcast_core::Error>(())
//! ```

mod claims;
mod fields;
mod records;
mod rows;
mod write;

pub use claims::{check_claims, ClaimOutcome};
pub use records::{Delimiter, Record, RecordError, Records, Text};
pub use rows::{ClaimRow, IndicatorRow, ObservationRow, Origin, Ref, ReportRow, TargetRow};
pub use write::{write_field, write_field_with, write_header, write_record, write_record_with};

use core::marker::PhantomData;

use crate::error::{Error, Expected, Field, Result};

/// The most fields a record may have.
pub const MAX_FIELDS: usize = 16;

/// A typed row of one of dxcast's files.
pub trait Row<'a>: Sized {
    /// The columns, in the order the header must list them.
    const COLUMNS: &'static [Field];

    /// How many of the last columns a file may leave out altogether (header
    /// and rows), for files written before those columns existed.
    const OPTIONAL: usize = 0;

    /// Parses a record that has as many fields as the file's header:
    /// [`Row::COLUMNS`]`.len()`, or fewer by at most [`Row::OPTIONAL`].
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] with the record's line and the column's name.
    fn parse(record: &Record<'a>) -> Result<Self>;
}

/// The typed rows of a file, one `Result` per row; see [`read`].
#[derive(Debug)]
pub struct Rows<'a, R> {
    records: Records<'a>,
    /// The number of columns the header has.
    width: usize,
    row: PhantomData<fn() -> R>,
}

/// The name of column `index`, or `"(extra field)"` past the last one.
fn column(columns: &'static [Field], index: usize) -> Field {
    columns.get(index).copied().unwrap_or(Field::ExtraField)
}

/// Checks the header of `text` against `R`'s columns and returns its rows.
///
/// # Errors
///
/// [`Error::Parse`] on line 1 (or the first non-blank line) when the header
/// is missing or differs from [`Row::COLUMNS`] (of which the last
/// [`Row::OPTIONAL`] may be left out); the field is the first column that
/// does not match.
pub fn read<'a, R: Row<'a>>(text: &'a str) -> Result<Rows<'a, R>> {
    read_with(text, Delimiter::Comma)
}

/// [`read`] for a file whose fields are separated by `delimiter`.
///
/// # Examples
///
/// ```
/// use dxcast_core::csv::{read_with, Delimiter, TargetRow};
///
/// let text = "id;indicator;period;comparison;value;stated;report;quote;note\n\
///     t1;ndxp_tx;2023;>;860000000;860 triệu;r001;\"a; b\";\n";
/// let row = read_with::<TargetRow>(text, Delimiter::Semicolon)?.next().unwrap()?;
/// assert_eq!(row.value, 860e6);
/// assert_eq!(row.quote.to_string(), "a; b");
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// As [`read`].
pub fn read_with<'a, R: Row<'a>>(text: &'a str, delimiter: Delimiter) -> Result<Rows<'a, R>> {
    let mut records = Records::with_delimiter(text, delimiter);
    let columns = R::COLUMNS;
    let expected = Expected::HeaderRow;
    let header = match records.next_record() {
        None => {
            return Err(Error::Parse {
                line: 1,
                field: column(columns, 0),
                expected,
            })
        }
        Some(Err(b)) => {
            return Err(Error::Parse {
                line: b.line,
                field: column(columns, b.index),
                expected,
            })
        }
        Some(Ok(h)) => h,
    };
    let width = header.fields().len();
    let least = columns.len().saturating_sub(R::OPTIONAL);
    let present = columns.get(..width.max(least)).unwrap_or(columns);
    for (index, name) in present.iter().enumerate() {
        if !header.get(index).is_some_and(|t| t.eq_str(name.code())) {
            return Err(Error::Parse {
                line: header.line(),
                field: *name,
                expected,
            });
        }
    }
    if header.fields().len() > columns.len() {
        return Err(Error::Parse {
            line: header.line(),
            field: column(columns, columns.len()),
            expected,
        });
    }
    Ok(Rows {
        records,
        width,
        row: PhantomData,
    })
}

impl<'a, R: Row<'a>> Iterator for Rows<'a, R> {
    type Item = Result<R>;

    fn next(&mut self) -> Option<Result<R>> {
        let columns = R::COLUMNS;
        let record = match self.records.next_record()? {
            Ok(r) => r,
            Err(b) => {
                return Some(Err(Error::Parse {
                    line: b.line,
                    field: column(columns, b.index),
                    expected: b.expected,
                }))
            }
        };
        let n = record.fields().len();
        if n != self.width {
            return Some(Err(Error::Parse {
                line: record.line(),
                field: column(columns, n.min(self.width)),
                expected: Expected::FieldCount,
            }));
        }
        Some(R::parse(&record))
    }
}

/// Parses `record` as a row of `R`, as [`read`] parses each line after the
/// header: a record that comes as fields ([`Record::from_fields`]) is read
/// exactly as the same line of a file.
///
/// # Errors
///
/// [`Error::Parse`] with the record's line and the column's name: expected
/// [`Expected::FieldCount`] when the record does not have one field per
/// column (the last [`Row::OPTIONAL`] may be left out), and the column's own
/// errors.
pub fn parse_row<'a, R: Row<'a>>(record: &Record<'a>) -> Result<R> {
    let columns = R::COLUMNS;
    let n = record.fields().len();
    let least = columns.len().saturating_sub(R::OPTIONAL);
    if n < least || n > columns.len() {
        return Err(Error::Parse {
            line: record.line(),
            field: column(columns, n.min(columns.len())),
            expected: Expected::FieldCount,
        });
    }
    R::parse(record)
}

/// The number of rows when every row of `text` parses, or the first error.
///
/// # Errors
///
/// The first error of [`read`] or of any row.
pub fn first_error<'a, R: Row<'a>>(text: &'a str) -> Result<usize> {
    let mut n = 0usize;
    for row in read::<R>(text)? {
        row?;
        n = n.saturating_add(1);
    }
    Ok(n)
}

#[cfg(test)]
mod tests;
