//! Writing CSV that the reader reads back.

use core::fmt::{self, Write};

use crate::error::Field;

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
    if !text
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
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
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            w.write_char(',')?;
        }
        write_field(w, f)?;
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
/// assert_eq!(line, "id,indicator,period,comparison,value,stated,report,quote,note\n");
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
