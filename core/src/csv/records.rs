//! Records: the tokenizer that splits a CSV text into records of borrowed
//! fields, with the line each starts on.

use core::fmt::{self, Write};

use csv_core::{ReadFieldResult, Reader, ReaderBuilder};
use heapless::Vec;

use crate::error::{Error, Expected, Field, Result};

use super::MAX_FIELDS;

/// The character between the fields of a record.
///
/// dxcast's own files use commas. Spreadsheet programs in languages that
/// write a decimal comma (Vietnamese, French, German, …) save "CSV" with
/// semicolons between the fields; some tools write tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Delimiter {
    /// `,` (RFC 4180, dxcast's files).
    #[default]
    Comma,
    /// `;`.
    Semicolon,
    /// A tab.
    Tab,
}

impl Delimiter {
    /// Every delimiter.
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    /// The delimiter's byte.
    #[must_use]
    pub const fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The delimiter as a character.
    #[must_use]
    pub const fn char(self) -> char {
        self.byte() as char
    }
}

/// The text of one field, borrowed from the file.
///
/// A quoted field's doubled quotes (`""`) stay doubled in the borrowed text
/// and are read as one quote by [`Text::chars`], [`fmt::Display`] and the
/// comparisons; [`Text::as_str`] gives the text itself when it has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> Text<'a> {
    /// Text with no doubled quotes to undo.
    #[must_use]
    pub const fn plain(text: &'a str) -> Text<'a> {
        Text {
            raw: text,
            escaped: false,
        }
    }

    /// The text as a borrowed `str`, unless it contains doubled quotes
    /// (then use [`Text::chars`] or `Display`).
    #[must_use]
    pub fn as_str(&self) -> Option<&'a str> {
        if self.escaped {
            None
        } else {
            Some(self.raw)
        }
    }

    /// The field as it stands in the file, without its enclosing quotes.
    #[must_use]
    pub const fn raw(&self) -> &'a str {
        self.raw
    }

    /// Whether the field is empty.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The characters, with doubled quotes read as one.
    pub fn chars(&self) -> impl Iterator<Item = char> + 'a {
        let escaped = self.escaped;
        let mut skip = false;
        self.raw.chars().filter(move |&c| {
            if escaped && c == '"' {
                skip = !skip;
                !skip
            } else {
                true
            }
        })
    }

    /// Whether the text equals `other`.
    #[must_use]
    pub fn eq_str(&self, other: &str) -> bool {
        self.chars().eq(other.chars())
    }

    /// Writes the text into `buf` and returns it as a `str`.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] (what `"text buffer"`) when `buf` is too small.
    pub fn unescape_into<'b>(&self, buf: &'b mut [u8]) -> Result<&'b str> {
        let capacity = buf.len();
        let full = Error::Capacity {
            what: Field::TextBuffer,
            capacity,
        };
        let mut len = 0usize;
        for c in self.chars() {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let end = len.checked_add(bytes.len()).ok_or(full)?;
            crate::slices::copy(buf.get_mut(len..end).ok_or(full)?, bytes);
            len = end;
        }
        let out = buf.get(..len).ok_or(full)?;
        core::str::from_utf8(out).map_err(|_| full)
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.escaped {
            self.chars().try_for_each(|c| f.write_char(c))
        } else {
            f.write_str(self.raw)
        }
    }
}

/// One record: its fields and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    line: u32,
    fields: Vec<Text<'a>, MAX_FIELDS>,
}

impl<'a> Record<'a> {
    /// A record of `fields` taken as they are (there are no doubled quotes
    /// to undo), starting on `line`: a row that arrives as fields rather
    /// than as text, such as a form's or a stored row, to be read by
    /// [`super::parse_row`] exactly as the same line of a file would be.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::csv::{parse_row, Record, TargetRow};
    ///
    /// let fields = ["t1", "ndxp_tx", "2023", ">", "860000000", "860 triệu", "r001", "\"a\", b", ""];
    /// let row: TargetRow = parse_row(&Record::from_fields(2, &fields)?)?;
    /// assert_eq!(row.value, 860e6);
    /// assert_eq!(row.quote.to_string(), "\"a\", b");
    /// # Ok::<(), dxcast_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (field `(extra field)`, expected
    /// [`Expected::FieldsPerRow`]) for more than [`MAX_FIELDS`] fields, as
    /// for such a line of a file.
    pub fn from_fields(line: u32, fields: &[&'a str]) -> Result<Record<'a>> {
        let mut out: Vec<Text<'a>, MAX_FIELDS> = Vec::new();
        for field in fields {
            out.push(Text::plain(field)).map_err(|_| Error::Parse {
                line,
                field: Field::ExtraField,
                expected: Expected::FieldsPerRow,
            })?;
        }
        Ok(Record { line, fields: out })
    }

    /// The one-based line the record starts on.
    #[must_use]
    pub const fn line(&self) -> u32 {
        self.line
    }

    /// The fields.
    #[must_use]
    pub fn fields(&self) -> &[Text<'a>] {
        &self.fields
    }

    /// The field at `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<Text<'a>> {
        self.fields.get(index).copied()
    }
}

/// A record that could not be split into fields, before columns are
/// known: where, and what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordError {
    /// The one-based line the record starts on.
    pub line: u32,
    /// The zero-based index of the field that went wrong.
    pub index: usize,
    /// What the field should have been ([`Expected::CsvQuote`],
    /// [`Expected::ClosingQuote`], [`Expected::DoubledQuotes`], or
    /// [`Expected::FieldsPerRow`] past [`MAX_FIELDS`]).
    pub expected: Expected,
}

/// The records of a CSV text, header included, one `Result` each.
///
/// Errors name the field `"field"`; [`read`] names the columns instead.
#[derive(Debug)]
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    newlines: u32,
    /// Whether the last byte read was a CR, so that the LF of a CRLF that
    /// the reader splits between two reads counts as the same line break.
    after_cr: bool,
    /// The same state at the start of the last field read.
    field_after_cr: bool,
    delimiter: Delimiter,
    reader: Reader,
    done: bool,
}

/// The line breaks in `bytes` (LF, CRLF or a lone CR each count once),
/// continuing from the state `after_cr`, which it updates.
fn line_breaks(bytes: &[u8], after_cr: &mut bool) -> u32 {
    let mut n = 0u32;
    for &b in bytes {
        match b {
            b'\n' => {
                if !*after_cr {
                    n = n.saturating_add(1);
                }
                *after_cr = false;
            }
            b'\r' => {
                n = n.saturating_add(1);
                *after_cr = true;
            }
            _ => *after_cr = false,
        }
    }
    n
}

impl<'a> Records<'a> {
    /// The records of `text` (a leading UTF-8 byte-order mark is skipped),
    /// fields separated by commas.
    #[must_use]
    pub fn new(text: &'a str) -> Records<'a> {
        Records::with_delimiter(text, Delimiter::Comma)
    }

    /// The records of `text` (a leading UTF-8 byte-order mark is skipped),
    /// fields separated by `delimiter`; quoting and line ends are read as
    /// with commas.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::csv::{Delimiter, Records};
    ///
    /// let text = "id;value\r\nr1;\"79,95\"\r\nr2;1,5\r\n";
    /// let rows: Vec<Vec<String>> = Records::with_delimiter(text, Delimiter::Semicolon)
    ///     .map(|r| r.map(|r| r.fields().iter().map(|f| f.to_string()).collect()))
    ///     .collect::<Result<_, _>>()?;
    /// assert_eq!(rows, [["id", "value"], ["r1", "79,95"], ["r2", "1,5"]]);
    /// # Ok::<(), dxcast_core::Error>(())
    /// ```
    #[must_use]
    pub fn with_delimiter(text: &'a str, delimiter: Delimiter) -> Records<'a> {
        Records {
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
            pos: 0,
            newlines: 0,
            after_cr: false,
            field_after_cr: false,
            delimiter,
            reader: ReaderBuilder::new().delimiter(delimiter.byte()).build(),
            done: false,
        }
    }

    /// Reads one field: its raw span (delimiter or terminator included) and
    /// whether it ends the record; `None` at the end of the text.
    fn raw_field(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut scratch = [0u8; 256];
        let record_end = loop {
            let input = bytes.get(self.pos..).unwrap_or(&[]);
            let (res, nin, _) = self.reader.read_field(input, &mut scratch);
            self.pos = self.pos.saturating_add(nin);
            match res {
                ReadFieldResult::Field { record_end } => break record_end,
                ReadFieldResult::End => {
                    self.done = true;
                    break true;
                }
                // The scratch output is not used: fields are borrowed.
                ReadFieldResult::OutputFull => {}
                ReadFieldResult::InputEmpty if input.is_empty() && nin == 0 => {
                    // csv-core reports the end with an empty input; this
                    // guards against looping should it not.
                    self.done = true;
                    break true;
                }
                ReadFieldResult::InputEmpty => {}
            }
        };
        let raw = self.text.get(start..self.pos).unwrap_or("");
        self.field_after_cr = self.after_cr;
        let breaks = line_breaks(raw.as_bytes(), &mut self.after_cr);
        self.newlines = self.newlines.saturating_add(breaks);
        if self.done && raw.trim_matches(['\r', '\n']).is_empty() {
            return None;
        }
        Some((raw, record_end))
    }

    /// The next record, or where it could not be split: the same records
    /// as the iterator, with the index of the field that went wrong, so
    /// that a reader that knows the columns can name the column.
    ///
    /// # Examples
    ///
    /// ```
    /// use dxcast_core::csv::{RecordError, Records};
    /// use dxcast_core::Expected;
    ///
    /// let mut r = Records::new("a,b\nx,\"open\n");
    /// assert!(r.next_record().unwrap().is_ok());
    /// let e = r.next_record().unwrap().unwrap_err();
    /// assert_eq!(e, RecordError { line: 2, index: 1, expected: Expected::ClosingQuote });
    /// ```
    pub fn next_record(&mut self) -> Option<core::result::Result<Record<'a>, RecordError>> {
        if self.done {
            return None;
        }
        let newlines_before = self.newlines;
        let mut fields: Vec<Text<'a>, MAX_FIELDS> = Vec::new();
        let mut line = 0u32;
        let mut bad: Option<RecordError> = None;
        loop {
            let (raw, record_end) = self.raw_field()?;
            let mut content = raw;
            if fields.is_empty() && line == 0 {
                // Blank lines and the LF of a CRLF come before the record.
                let trimmed = raw.trim_start_matches(['\r', '\n']);
                let skipped = raw.len().saturating_sub(trimmed.len());
                let mut after_cr = self.field_after_cr;
                let breaks = raw
                    .get(..skipped)
                    .map_or(0, |s| line_breaks(s.as_bytes(), &mut after_cr));
                line = newlines_before.saturating_add(breaks).saturating_add(1);
                content = trimmed;
            }
            content = if record_end {
                content
                    .strip_suffix("\r\n")
                    .or_else(|| content.strip_suffix('\n'))
                    .or_else(|| content.strip_suffix('\r'))
                    .unwrap_or(content)
            } else {
                content
                    .strip_suffix(self.delimiter.char())
                    .unwrap_or(content)
            };
            let index = fields.len();
            match classify(content) {
                Ok(text) => {
                    if fields.push(text).is_err() && bad.is_none() {
                        bad = Some(RecordError {
                            line,
                            index,
                            expected: Expected::FieldsPerRow,
                        });
                    }
                }
                Err(expected) => {
                    bad = bad.or(Some(RecordError {
                        line,
                        index,
                        expected,
                    }));
                }
            }
            if record_end {
                break;
            }
        }
        Some(match bad {
            Some(b) => Err(b),
            None => Ok(Record { line, fields }),
        })
    }
}

/// Turns a field's raw content into text, checking its quoting.
fn classify(content: &str) -> core::result::Result<Text<'_>, Expected> {
    match content.strip_prefix('"') {
        None => {
            if content.contains('"') {
                Err(Expected::CsvQuote)
            } else {
                Ok(Text::plain(content))
            }
        }
        Some(rest) => {
            let inner = rest.strip_suffix('"').ok_or(Expected::ClosingQuote)?;
            // Every quote inside must be doubled.
            let mut quotes = 0usize;
            for c in inner.chars() {
                if c == '"' {
                    quotes = quotes.saturating_add(1);
                } else if quotes % 2 == 1 {
                    return Err(Expected::DoubledQuotes);
                }
            }
            if quotes % 2 == 1 {
                return Err(Expected::DoubledQuotes);
            }
            Ok(Text {
                raw: inner,
                escaped: quotes > 0,
            })
        }
    }
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record().map(|r| {
            r.map_err(|b| Error::Parse {
                line: b.line,
                field: Field::Header,
                expected: b.expected,
            })
        })
    }
}
