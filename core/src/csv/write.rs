//! Writing CSV that the reader reads back.

use core::fmt::{self, Write};

use crate::error::Field;

use super::Delimiter;

/// Writes one field as the reader expects it: quoted when it holds a comma,
/// a double quote or a line break, with inner quotes doubled (RFC 4180).
///
/// # Examples
///
/// ```
/// use dxcast_core::csv::write_record;
///
/// let mut line = String::new();
/// write_record(&mut line, &["r001", "khoảng 806 triệu, theo \"NDXP\""])?;
/// assert_eq!(line, "r001,\"khoảng 806 triệu, theo \"\"NDXP\"\"\"\n");
/// # Ok::<(), core::fmt::Error>(())
/// ```
///
/// # Errors
///
/// The writer's.
pub fn write_field<W: Write>(w: &mut W, text: &str) -> fmt::Result {
    write_field_with(w, text, Delimiter::Comma)
}

/// [`write_field`] for a file whose fields are separated by `delimiter`:
/// quoted when it holds the delimiter, a double quote or a line break.
///
/// # Errors
///
/// The writer's.
pub fn write_field_with<W: Write>(w: &mut W, text: &str, delimiter: Delimiter) -> fmt::Result {
    let d = delimiter.byte();
    if !text
        .bytes()
        .any(|b| b == d || matches!(b, b'"' | b'\n' | b'\r'))
    {
        return w.write_str(text);
    }
    w.write_char('"')?;
    for (i, part) in crate::slices::split(text, b'"').enumerate() {
        if i > 0 {
            w.write_str("\"\"")?;
        }
        w.write_str(part)?;
    }
    w.write_char('"')
}

/// Writes fields separated by commas and ends the line with LF.
///
/// # Errors
///
/// The writer's.
pub fn write_record<W: Write>(w: &mut W, fields: &[&str]) -> fmt::Result {
    write_record_with(w, fields, Delimiter::Comma)
}

/// Writes fields separated by `delimiter` and ends the line with LF: a
/// file [`super::read_with`] reads back with the same delimiter.
///
/// # Examples
///
/// ```
/// use dxcast_core::csv::{write_record_with, Delimiter};
///
/// let mut line = String::new();
/// write_record_with(&mut line, &["r001", "79,95", "a; b"], Delimiter::Semicolon)?;
/// assert_eq!(line, "r001;79,95;\"a; b\"\n");
/// # Ok::<(), core::fmt::Error>(())
/// ```
///
/// # Errors
///
/// The writer's.
pub fn write_record_with<W: Write>(
    w: &mut W,
    fields: &[&str],
    delimiter: Delimiter,
) -> fmt::Result {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_char(delimiter.char())?;
        }
        write_field_with(w, f, delimiter)?;
    }
    w.write_char('\n')
}

/// Writes a file's header row: the columns' names separated by commas, and
/// LF. An application offers it as a template to fill in.
///
/// # Examples
///
/// ```
/// use dxcast_core::csv::{write_header, Row, TargetRow};
///
/// let mut line = String::new();
/// write_header(&mut line, TargetRow::COLUMNS)?;
/// assert_eq!(
///     line,
///     "id,indicator,period,comparison,value,stated,report,quote,note,quote_en,note_vi\n"
/// );
/// # Ok::<(), core::fmt::Error>(())
/// ```
///
/// # Errors
///
/// The writer's.
pub fn write_header<W: Write>(w: &mut W, columns: &[Field]) -> fmt::Result {
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            w.write_char(',')?;
        }
        w.write_str(c.code())?;
    }
    w.write_char('\n')
}
