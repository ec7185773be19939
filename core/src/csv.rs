//! The import path for dxcast's data files (feature `csv`).
//!
//! The built-in dataset (`data/*.csv` in the repository, described in
//! `DATA.md`) and the files users bring are read by the same code. Files are
//! UTF-8 CSV as RFC 4180 describes it: a header row naming the columns in a
//! fixed order, fields separated by commas, fields that contain commas,
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
//! use dxcast_core::Error;
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
//! assert_eq!(rows[1], Err(Error::Parse { line: 3, field: "period", expected: "a date that exists" }));
//! assert_eq!(first_error::<ObservationRow>(text), Err(rows[1].clone().unwrap_err()));
//! # Ok::<(), dxcast_core::Error>(())
//! ```

use core::fmt::{self, Write};
use core::marker::PhantomData;

use csv_core::{ReadFieldResult, Reader};
use heapless::Vec;

use crate::claim::{Check, Claim, ClaimKind, Figure, Verdict, MAX_INPUTS};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::indicator::{Bounds, Indicator, MeasureKind, Pillar, Unit};
use crate::number::parse_vi;
use crate::observation::{Observation, Qualifier, Status};
use crate::period::Period;
use crate::target::{Comparison, Target};

/// The most fields a record may have.
pub const MAX_FIELDS: usize = 16;

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
            what: "text buffer",
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

/// A problem found while splitting a record, before columns are known.
#[derive(Debug, Clone, Copy)]
struct Bad {
    line: u32,
    index: usize,
    expected: &'static str,
}

/// The records of a CSV text, header included, one `Result` each.
///
/// Errors name the field `"field"`; [`read`] names the columns instead.
#[derive(Debug)]
pub struct Records<'a> {
    text: &'a str,
    pos: usize,
    newlines: u32,
    reader: Reader,
    done: bool,
}

impl<'a> Records<'a> {
    /// The records of `text` (a leading UTF-8 byte-order mark is skipped).
    #[must_use]
    pub fn new(text: &'a str) -> Records<'a> {
        Records {
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
            pos: 0,
            newlines: 0,
            reader: Reader::new(),
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
        let newlines = raw.bytes().filter(|&b| b == b'\n').count();
        self.newlines = self
            .newlines
            .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
        if self.done && raw.trim_matches(['\r', '\n']).is_empty() {
            return None;
        }
        Some((raw, record_end))
    }

    fn next_record(&mut self) -> Option<core::result::Result<Record<'a>, Bad>> {
        if self.done {
            return None;
        }
        let newlines_before = self.newlines;
        let mut fields: Vec<Text<'a>, MAX_FIELDS> = Vec::new();
        let mut line = 0u32;
        let mut bad: Option<Bad> = None;
        loop {
            let (raw, record_end) = self.raw_field()?;
            let mut content = raw;
            if fields.is_empty() && line == 0 {
                // Blank lines and the LF of a CRLF come before the record.
                let trimmed = raw.trim_start_matches(['\r', '\n']);
                let skipped = raw.len().saturating_sub(trimmed.len());
                let lf = raw
                    .get(..skipped)
                    .map_or(0, |s| s.bytes().filter(|&b| b == b'\n').count());
                line = newlines_before
                    .saturating_add(u32::try_from(lf).unwrap_or(u32::MAX))
                    .saturating_add(1);
                content = trimmed;
            }
            content = if record_end {
                content
                    .strip_suffix("\r\n")
                    .or_else(|| content.strip_suffix('\n'))
                    .or_else(|| content.strip_suffix('\r'))
                    .unwrap_or(content)
            } else {
                content.strip_suffix(',').unwrap_or(content)
            };
            let index = fields.len();
            match classify(content) {
                Ok(text) => {
                    if fields.push(text).is_err() && bad.is_none() {
                        bad = Some(Bad {
                            line,
                            index,
                            expected: "at most 16 fields",
                        });
                    }
                }
                Err(expected) => {
                    bad = bad.or(Some(Bad {
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
fn classify(content: &str) -> core::result::Result<Text<'_>, &'static str> {
    match content.strip_prefix('"') {
        None => {
            if content.contains('"') {
                Err("a double quote only inside a quoted field, doubled")
            } else {
                Ok(Text::plain(content))
            }
        }
        Some(rest) => {
            let inner = rest
                .strip_suffix('"')
                .ok_or("a quoted field that ends with its closing quote")?;
            // Every quote inside must be doubled.
            let mut quotes = 0usize;
            for c in inner.chars() {
                if c == '"' {
                    quotes = quotes.saturating_add(1);
                } else if quotes % 2 == 1 {
                    return Err("doubled quotes inside a quoted field");
                }
            }
            if quotes % 2 == 1 {
                return Err("doubled quotes inside a quoted field");
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
                field: "field",
                expected: b.expected,
            })
        })
    }
}

/// A typed row of one of dxcast's files.
pub trait Row<'a>: Sized {
    /// The columns, in the order the header must list them.
    const COLUMNS: &'static [&'static str];

    /// Parses a record that has exactly [`Row::COLUMNS`]`.len()` fields.
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
    row: PhantomData<fn() -> R>,
}

/// The name of column `index`, or `"(extra field)"` past the last one.
fn column(columns: &'static [&'static str], index: usize) -> &'static str {
    columns.get(index).copied().unwrap_or("(extra field)")
}

/// Checks the header of `text` against `R`'s columns and returns its rows.
///
/// # Errors
///
/// [`Error::Parse`] on line 1 (or the first non-blank line) when the header
/// is missing or differs from [`Row::COLUMNS`]; the field is the first
/// column that does not match.
pub fn read<'a, R: Row<'a>>(text: &'a str) -> Result<Rows<'a, R>> {
    let mut records = Records::new(text);
    let columns = R::COLUMNS;
    let expected = "the header row of the file's columns, in order (see DATA.md)";
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
    for (index, name) in columns.iter().enumerate() {
        if !header.get(index).is_some_and(|t| t.eq_str(name)) {
            return Err(Error::Parse {
                line: header.line,
                field: name,
                expected,
            });
        }
    }
    if header.fields.len() > columns.len() {
        return Err(Error::Parse {
            line: header.line,
            field: column(columns, columns.len()),
            expected,
        });
    }
    Ok(Rows {
        records,
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
        let n = record.fields.len();
        if n != columns.len() {
            return Some(Err(Error::Parse {
                line: record.line,
                field: column(columns, n.min(columns.len())),
                expected: "as many fields as the header has columns",
            }));
        }
        Some(R::parse(&record))
    }
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

/// Reads the fields of one record by column.
struct Fields<'r, 'a> {
    record: &'r Record<'a>,
    columns: &'static [&'static str],
}

impl<'a> Fields<'_, 'a> {
    fn err(&self, index: usize, expected: &'static str) -> Error {
        Error::Parse {
            line: self.record.line,
            field: column(self.columns, index),
            expected,
        }
    }

    /// Puts this record's line and column on an error from a model parser.
    fn relocate(&self, index: usize, e: Error) -> Error {
        match e {
            Error::Parse { expected, .. } => self.err(index, expected),
            Error::InvalidDate { .. } => self.err(index, "a date that exists"),
            Error::InvalidArgument { expected, .. } => self.err(index, expected),
            other => other,
        }
    }

    fn text(&self, index: usize) -> Result<Text<'a>> {
        self.record
            .get(index)
            .ok_or(self.err(index, "a field here"))
    }

    /// A field with no doubled quotes, trimmed.
    fn plain(&self, index: usize) -> Result<&'a str> {
        self.text(index)?
            .as_str()
            .map(str::trim)
            .ok_or(self.err(index, "no double quotes"))
    }

    fn id(&self, index: usize) -> Result<&'a str> {
        let s = self.plain(index)?;
        let ok = !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if ok {
            Ok(s)
        } else {
            Err(self.err(index, "an identifier of letters, digits, '_', '-' and '.'"))
        }
    }

    fn optional(&self, index: usize) -> Result<Option<&'a str>> {
        let s = self.plain(index)?;
        Ok(if s.is_empty() { None } else { Some(s) })
    }

    fn number(&self, index: usize) -> Result<f64> {
        self.optional_number(index)?
            .ok_or(self.err(index, "a number"))
    }

    fn optional_number(&self, index: usize) -> Result<Option<f64>> {
        let err = self.err(
            index,
            "a finite number with '.' as decimal mark and no grouping, such as 860000000 or 97.3",
        );
        match self.optional(index)? {
            None => Ok(None),
            Some(s) => match s.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(Some(v)),
                _ => Err(err),
            },
        }
    }

    fn code<T>(&self, index: usize, f: fn(&str) -> Result<T>) -> Result<T> {
        f(self.plain(index)?).map_err(|e| self.relocate(index, e))
    }

    fn optional_code<T>(&self, index: usize, f: fn(&str) -> Result<T>) -> Result<Option<T>> {
        match self.optional(index)? {
            None => Ok(None),
            Some(s) => f(s).map(Some).map_err(|e| self.relocate(index, e)),
        }
    }

    /// A figure as written in a report, checked against `value`: returns its
    /// precision. A decrease ("giảm 32,6%") has a negative value while the
    /// report writes the figure without a sign, so the magnitudes are compared.
    fn stated(&self, index: usize, value: Option<f64>) -> Result<Option<f64>> {
        let Some(s) = self.optional(index)? else {
            return Ok(None);
        };
        let st = parse_vi(s).map_err(|e| self.relocate(index, e))?;
        if let Some(v) = value {
            let tolerance = 1e-12 * libm::fabs(v).max(1.0);
            if libm::fabs(st.value - libm::fabs(v)) > tolerance {
                return Err(self.err(index, "the figure whose value is in the value column"));
            }
        }
        Ok(Some(st.precision))
    }
}

/// A row of `data/reports.csv`: one report and the dates inferred from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier, such as `r001`.
    pub id: &'a str,
    /// The report's file under `data/reports/`.
    pub file: &'a str,
    /// When it was published, as far as its content tells.
    pub published: Period,
    /// The period its figures cover.
    pub covers: Period,
    /// The date "đến nay" / "hiện nay" (to date, currently) refers to.
    pub as_of: Date,
    /// A short English title.
    pub title_en: Text<'a>,
    /// How the dates were inferred.
    pub note: Text<'a>,
}

impl<'a> Row<'a> for ReportRow<'a> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "file",
        "published",
        "covers",
        "as_of",
        "title_en",
        "note",
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        Ok(ReportRow {
            line: record.line,
            id: f.id(0)?,
            file: f.id(1)?,
            published: f.code(2, Period::parse)?,
            covers: f.code(3, Period::parse)?,
            as_of: f.code(4, Date::parse_iso)?,
            title_en: f.text(5)?,
            note: f.text(6)?,
        })
    }
}

/// A row of `data/indicators.csv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier, such as `ndxp_tx`.
    pub id: &'a str,
    /// The Vietnamese name.
    pub name_vi: Text<'a>,
    /// The English name.
    pub name_en: Text<'a>,
    /// The unit of its values.
    pub unit: Unit,
    /// How its values relate over time.
    pub kind: MeasureKind,
    /// The programme pillar.
    pub pillar: Pillar,
    /// The range its values must lie in.
    pub bounds: Bounds,
    /// For cumulative indicators, the launch date.
    pub since: Option<Date>,
    /// The definition and how it changed between reports.
    pub note: Text<'a>,
}

impl<'a> IndicatorRow<'a> {
    /// The row as the model's [`Indicator`].
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (field `name_vi` or `name_en`) when a name contains
    /// double quotes, which a borrowed `&str` cannot show undoubled.
    pub fn indicator(&self) -> Result<Indicator<'a>> {
        let plain = |t: Text<'a>, field| {
            t.as_str().ok_or(Error::Parse {
                line: self.line,
                field,
                expected: "a name without double quotes",
            })
        };
        Ok(Indicator {
            id: self.id,
            name_vi: plain(self.name_vi, "name_vi")?,
            name_en: plain(self.name_en, "name_en")?,
            unit: self.unit,
            kind: self.kind,
            bounds: self.bounds,
            pillar: self.pillar,
            since: self.since,
        })
    }
}

impl<'a> Row<'a> for IndicatorRow<'a> {
    const COLUMNS: &'static [&'static str] = &[
        "id", "name_vi", "name_en", "unit", "kind", "pillar", "min", "max", "since", "note",
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let bounds = Bounds {
            min: f.optional_number(6)?,
            max: f.optional_number(7)?,
        }
        .validate()
        .map_err(|e| f.relocate(7, e))?;
        Ok(IndicatorRow {
            line: record.line,
            id: f.id(0)?,
            name_vi: f.text(1)?,
            name_en: f.text(2)?,
            unit: f.code(3, Unit::from_code)?,
            kind: f.code(4, MeasureKind::from_code)?,
            pillar: f.code(5, Pillar::from_code)?,
            bounds,
            since: f.optional_code(8, Date::parse_iso)?,
            note: f.text(9)?,
        })
    }
}

/// A row of `data/observations.csv`: one figure of one report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObservationRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The indicator's identifier.
    pub indicator: &'a str,
    /// The period it covers; for levels, the as-of day.
    pub period: Period,
    /// Observed or estimated.
    pub status: Status,
    /// How exactly the report states it.
    pub qualifier: Qualifier,
    /// The value in base units.
    pub value: f64,
    /// The figure exactly as the report writes it ("1,6 triệu"), or empty.
    pub stated: &'a str,
    /// One unit of the stated figure's last digit in base units (0 when no
    /// figure is stated).
    pub precision: f64,
    /// For a fraction "61/63", the whole as written ("63"), or empty.
    pub denominator: &'a str,
    /// The whole's value.
    pub denominator_value: Option<f64>,
    /// The report's identifier.
    pub report: &'a str,
    /// The report's words around the figure, verbatim.
    pub quote: Text<'a>,
    /// Inferences and remarks.
    pub note: Text<'a>,
}

impl ObservationRow<'_> {
    /// The row as the model's [`Observation`].
    #[must_use]
    pub const fn observation(&self) -> Observation {
        Observation {
            value: self.value,
            period: self.period,
            status: self.status,
            qualifier: self.qualifier,
            precision: self.precision,
        }
    }

    /// The row as a figure for a claim: its value and interval, over its period.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::stated`].
    pub fn figure(&self) -> Result<Figure> {
        Ok(Figure::stated(self.value, self.precision, self.qualifier)?.during(self.period))
    }

    /// The whole of a fraction as an exact figure, if there is one.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::exact`].
    pub fn denominator_figure(&self) -> Result<Option<Figure>> {
        self.denominator_value.map(Figure::exact).transpose()
    }
}

impl<'a> Row<'a> for ObservationRow<'a> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "indicator",
        "period",
        "status",
        "qualifier",
        "value",
        "stated",
        "denominator",
        "report",
        "quote",
        "note",
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let value = f.number(5)?;
        let denominator = f.plain(7)?;
        let denominator_value = match f.optional(7)? {
            None => None,
            Some(s) => Some(parse_vi(s).map_err(|e| f.relocate(7, e))?.value),
        };
        Ok(ObservationRow {
            line: record.line,
            id: f.id(0)?,
            indicator: f.id(1)?,
            period: f.code(2, Period::parse)?,
            status: f.code(3, Status::from_code)?,
            qualifier: f.code(4, Qualifier::from_code)?,
            value,
            stated: f.plain(6)?,
            precision: f.stated(6, Some(value))?.unwrap_or(0.0),
            denominator,
            denominator_value,
            report: f.id(8)?,
            quote: f.text(9)?,
            note: f.text(10)?,
        })
    }
}

/// A row of `data/targets.csv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The indicator's identifier.
    pub indicator: &'a str,
    /// The period the target is for; its last day is the deadline.
    pub period: Period,
    /// How a value is compared with it.
    pub comparison: Comparison,
    /// The value in base units.
    pub value: f64,
    /// The figure exactly as the report writes it.
    pub stated: &'a str,
    /// The report's identifier.
    pub report: &'a str,
    /// The report's words, verbatim.
    pub quote: Text<'a>,
    /// Remarks.
    pub note: Text<'a>,
}

impl TargetRow<'_> {
    /// The row as the model's [`Target`], due on the period's last day.
    ///
    /// # Errors
    ///
    /// The errors of [`Target::new`].
    pub fn target(&self) -> Result<Target> {
        Target::new(self.value, self.period.end(), self.comparison)
    }

    /// The target as an exact figure over its period: a goal is defined,
    /// not measured, so it admits no rounding.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::exact`].
    pub fn figure(&self) -> Result<Figure> {
        Ok(Figure::exact(self.value)?.during(self.period))
    }
}

impl<'a> Row<'a> for TargetRow<'a> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "indicator",
        "period",
        "comparison",
        "value",
        "stated",
        "report",
        "quote",
        "note",
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let value = f.number(4)?;
        f.stated(5, Some(value))?;
        Ok(TargetRow {
            line: record.line,
            id: f.id(0)?,
            indicator: f.id(1)?,
            period: f.code(2, Period::parse)?,
            comparison: f.code(3, Comparison::from_code)?,
            value,
            stated: f.plain(5)?,
            report: f.id(6)?,
            quote: f.text(7)?,
            note: f.text(8)?,
        })
    }
}

/// Where a claim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A report derives the figure itself ("gấp 4,8 lần").
    Report,
    /// dxcast sets figures of different reports against each other.
    CrossCheck,
}

impl Origin {
    /// Every origin.
    pub const ALL: [Origin; 2] = [Origin::Report, Origin::CrossCheck];

    /// The identifier in data files: `report`, `cross_check`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Origin::Report => "report",
            Origin::CrossCheck => "cross_check",
        }
    }

    /// The origin with identifier `code`.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"origin"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Origin> {
        Origin::ALL
            .into_iter()
            .find(|o| o.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: "origin",
                expected: "report or cross_check",
            })
    }
}

/// One input reference of a claim, as `data/claims.csv` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref<'a> {
    /// `o:ID`: an observation's value.
    Observation(&'a str),
    /// `d:ID`: the whole of an observation's fraction ("63" of "61/63").
    Denominator(&'a str),
    /// `t:ID`: a target's value, exact.
    Target(&'a str),
    /// `c:ID`: another claim's recomputed interval.
    Claim(&'a str),
    /// `s:ID`: another claim's stated figure ("35,65%" of "tăng 35,65%").
    Stated(&'a str),
    /// `n:NUMBER`: an exact number, such as the 100 of `100 + r`.
    Number(&'a str),
    /// `?`: a value the reports do not give.
    Missing,
}

impl<'a> Ref<'a> {
    /// Parses one reference.
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"inputs"`) for anything else.
    pub fn parse(token: &'a str) -> Result<Ref<'a>> {
        let err = Error::Parse {
            line: 0,
            field: "inputs",
            expected: "references o:ID, d:ID, t:ID, c:ID, s:ID, n:NUMBER or ? separated by spaces",
        };
        if token == "?" {
            return Ok(Ref::Missing);
        }
        let (prefix, id) = crate::slices::split_once(token, b':').ok_or(err)?;
        if prefix == "n" {
            return match id.parse::<f64>() {
                Ok(v) if v.is_finite() => Ok(Ref::Number(id)),
                _ => Err(err),
            };
        }
        let valid = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if !valid {
            return Err(err);
        }
        match prefix {
            "o" => Ok(Ref::Observation(id)),
            "d" => Ok(Ref::Denominator(id)),
            "t" => Ok(Ref::Target(id)),
            "c" => Ok(Ref::Claim(id)),
            "s" => Ok(Ref::Stated(id)),
            _ => Err(err),
        }
    }
}

/// A row of `data/claims.csv`: a derived figure and its inputs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimRow<'a> {
    /// The line it was read from.
    pub line: u32,
    /// A short stable identifier.
    pub id: &'a str,
    /// The report that states the figure checked.
    pub report: &'a str,
    /// Stated by the report or set up by dxcast.
    pub origin: Origin,
    /// What is derived.
    pub kind: ClaimKind,
    /// The period of the derived figure.
    pub period: Option<Period>,
    /// The figure exactly as the report writes it, or empty for a figure
    /// dxcast derives only to feed other checks.
    pub stated: &'a str,
    /// The stated figure's value.
    pub value: Option<f64>,
    /// The stated figure's precision.
    pub precision: f64,
    /// How the report qualifies it.
    pub qualifier: Option<Qualifier>,
    /// The input references, separated by spaces; see [`ClaimRow::refs`].
    pub inputs: &'a str,
    /// The verdict expected from hand arithmetic (see DATA.md).
    pub expected: Verdict,
    /// The report's words, verbatim.
    pub quote: Text<'a>,
    /// The hand arithmetic and remarks.
    pub note: Text<'a>,
}

impl<'a> ClaimRow<'a> {
    /// The input references.
    pub fn refs(&self) -> impl Iterator<Item = Ref<'a>> + 'a {
        // Every token was checked when the row was read.
        self.inputs
            .split_ascii_whitespace()
            .filter_map(|t| Ref::parse(t).ok())
    }

    /// The stated figure, if any.
    ///
    /// # Errors
    ///
    /// The errors of [`Figure::stated`].
    pub fn stated_figure(&self) -> Result<Option<Figure>> {
        match (self.value, self.qualifier) {
            (Some(v), Some(q)) => {
                let f = Figure::stated(v, self.precision, q)?;
                Ok(Some(match self.period {
                    Some(p) => f.during(p),
                    None => f,
                }))
            }
            _ => Ok(None),
        }
    }

    /// The claim, with each reference resolved by `resolve` (which returns
    /// `None` for [`Ref::Missing`] and an error for an unknown identifier).
    ///
    /// # Errors
    ///
    /// The errors of `resolve` and [`Error::Capacity`] for too many inputs.
    pub fn claim(
        &self,
        mut resolve: impl FnMut(Ref<'a>) -> Result<Option<Figure>>,
    ) -> Result<Claim> {
        let mut claim = Claim::new(self.kind, self.stated_figure()?);
        claim.period = self.period;
        for r in self.refs() {
            claim.push(resolve(r)?)?;
        }
        Ok(claim)
    }
}

impl<'a> Row<'a> for ClaimRow<'a> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "report",
        "origin",
        "kind",
        "period",
        "stated",
        "value",
        "qualifier",
        "inputs",
        "expected",
        "quote",
        "note",
    ];

    fn parse(record: &Record<'a>) -> Result<Self> {
        let f = Fields {
            record,
            columns: Self::COLUMNS,
        };
        let kind = f.code(3, ClaimKind::from_code)?;
        let value = f.optional_number(6)?;
        let qualifier = f.optional_code(7, Qualifier::from_code)?;
        let precision = f.stated(5, value)?;
        // The stated text, value and qualifier come together or not at all.
        match (precision.is_some(), value.is_some(), qualifier.is_some()) {
            (true, true, true) | (false, false, false) => {}
            (_, false, _) => return Err(f.err(6, "a value when a figure is stated, else nothing")),
            (_, _, false) => {
                return Err(f.err(7, "a qualifier when a figure is stated, else nothing"))
            }
            (false, _, _) => return Err(f.err(5, "the stated figure for the value")),
        }
        let inputs = f.plain(8)?;
        let (least, most) = kind.arity();
        let mut n = 0usize;
        for token in inputs.split_ascii_whitespace() {
            Ref::parse(token).map_err(|e| f.relocate(8, e))?;
            n = n.saturating_add(1);
        }
        if n < least || n > most || n > MAX_INPUTS {
            return Err(f.err(8, "as many inputs as the claim kind takes"));
        }
        Ok(ClaimRow {
            line: record.line,
            id: f.id(0)?,
            report: f.id(1)?,
            origin: f.code(2, Origin::from_code)?,
            kind,
            period: f.optional_code(4, Period::parse)?,
            stated: f.plain(5)?,
            value,
            precision: precision.unwrap_or(0.0),
            qualifier,
            inputs,
            expected: f.code(9, Verdict::from_code)?,
            quote: f.text(10)?,
            note: f.text(11)?,
        })
    }
}

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

/// One claim row checked against the data: the check, and the figures later
/// claims may refer to (`c:` the recomputed range, `s:` the stated figure).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimOutcome {
    /// The check.
    pub check: Check,
    /// The recomputed range as a figure over the claim's period.
    pub recomputed: Option<Figure>,
    /// The stated figure over the claim's period.
    pub stated: Option<Figure>,
}

/// Checks `claims` in file order against `observations` and `targets`,
/// writing each claim's outcome (or the error that stopped it) into the
/// matching slot of `out`. A claim may refer to the claims before it (`c:`,
/// `s:`); a reference to an unknown or later row is an error for that claim
/// only.
///
/// # Errors
///
/// [`Error::Capacity`] when `out` is shorter than `claims`; nothing is
/// written then.
pub fn check_claims<'a>(
    claims: &[ClaimRow<'a>],
    observations: &[ObservationRow<'a>],
    targets: &[TargetRow<'a>],
    out: &mut [Result<ClaimOutcome>],
) -> Result<()> {
    if out.len() < claims.len() {
        return Err(Error::Capacity {
            what: "claim outcomes",
            capacity: out.len(),
        });
    }
    for (i, row) in claims.iter().enumerate() {
        let Some((done, rest)) = out.split_at_mut_checked(i) else {
            break;
        };
        let Some(slot) = rest.first_mut() else {
            break;
        };
        let unknown = Error::Parse {
            line: row.line,
            field: "inputs",
            expected: "references to existing observations, targets and earlier claims",
        };
        let earlier = |id: &str| -> Result<&ClaimOutcome> {
            claims
                .iter()
                .zip(done.iter())
                .find(|(c, _)| c.id == id)
                .and_then(|(_, o)| o.as_ref().ok())
                .ok_or(unknown)
        };
        *slot = row
            .claim(|r| match r {
                Ref::Observation(id) => observations
                    .iter()
                    .find(|o| o.id == id)
                    .ok_or(unknown)?
                    .figure()
                    .map(Some),
                Ref::Denominator(id) => observations
                    .iter()
                    .find(|o| o.id == id)
                    .ok_or(unknown)?
                    .denominator_figure(),
                Ref::Target(id) => targets
                    .iter()
                    .find(|t| t.id == id)
                    .ok_or(unknown)?
                    .figure()
                    .map(Some),
                Ref::Claim(id) => Ok(earlier(id)?.recomputed),
                Ref::Stated(id) => Ok(earlier(id)?.stated),
                Ref::Number(n) => {
                    let v: f64 = n.parse().map_err(|_| unknown)?;
                    Figure::exact(v).map(Some)
                }
                Ref::Missing => Ok(None),
            })
            .and_then(|claim| {
                let check = claim.check()?;
                let over = |f: Figure| match row.period {
                    Some(p) => f.during(p),
                    None => f,
                };
                Ok(ClaimOutcome {
                    recomputed: check.recomputed.map(|r| over(Figure::from_interval(r))),
                    stated: row.stated_figure()?,
                    check,
                })
            });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::string::ToString;
    use std::vec::Vec as StdVec;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const HEADER: &str =
        "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";

    fn records(text: &str) -> StdVec<Result<StdVec<std::string::String>>> {
        Records::new(text)
            .map(|r| r.map(|rec| rec.fields().iter().map(|t| t.to_string()).collect()))
            .collect()
    }

    #[test]
    fn quoting_line_ends_and_bom() {
        let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n\n\n";
        let r = records(text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].as_ref().unwrap(), &["a", "b"]);
        assert_eq!(r[1].as_ref().unwrap(), &["x, y", "say \"hi\""]);
        assert_eq!(r[2].as_ref().unwrap(), &["two\nlines", "z"]);
        // Lines: the third record starts on line 3 and spans two lines.
        let lines: StdVec<u32> = Records::new(text).map(|r| r.unwrap().line()).collect();
        assert_eq!(lines, [1, 2, 3]);
        // No final line end, and blank lines in the middle.
        let lines: StdVec<u32> = Records::new("a\n\n\nb\r\n\r\nc")
            .map(|r| r.unwrap().line())
            .collect();
        assert_eq!(lines, [1, 4, 6]);
        // Empty fields.
        assert_eq!(records("a,,\n")[0].as_ref().unwrap(), &["a", "", ""]);
        assert!(records("").is_empty());
        assert!(records("\r\n\n").is_empty());
    }

    #[test]
    fn text_borrows_and_unescapes() {
        let text = "\"plain\",\"with \"\"q\"\"\"\n";
        let rec = Records::new(text).next().unwrap().unwrap();
        let (a, b) = (rec.get(0).unwrap(), rec.get(1).unwrap());
        assert_eq!(a.as_str(), Some("plain"));
        assert_eq!(b.as_str(), None);
        assert_eq!(b.raw(), "with \"\"q\"\"");
        assert!(b.eq_str("with \"q\""));
        let mut buf = [0u8; 16];
        assert_eq!(b.unescape_into(&mut buf).unwrap(), "with \"q\"");
        let mut small = [0u8; 4];
        assert!(matches!(
            b.unescape_into(&mut small),
            Err(Error::Capacity { .. })
        ));
        // Borrowed: the pointer lies inside the input.
        let start = text.as_ptr() as usize;
        let p = a.as_str().unwrap().as_ptr() as usize;
        assert!(p > start && p < start + text.len());
    }

    #[test]
    fn malformed_quoting_is_an_error_with_its_line() {
        let r = records("a,b\nx\"y,z\n\"ok\",w\n");
        assert!(r[0].is_ok());
        assert_eq!(
            r[1],
            Err(Error::Parse {
                line: 2,
                field: "field",
                expected: "a double quote only inside a quoted field, doubled"
            })
        );
        // The next record is read normally.
        assert_eq!(r[2].as_ref().unwrap(), &["ok", "w"]);
        let r = records("\"abc\"def,x\n");
        assert!(r[0].is_err());
        let many = "a,".repeat(MAX_FIELDS) + "a\nb\n";
        let r = records(&many);
        assert!(matches!(r[0], Err(Error::Parse { line: 1, .. })));
        assert_eq!(r[1].as_ref().unwrap(), &["b"]);
    }

    fn obs(rows: &str) -> std::string::String {
        let mut s = std::string::String::from(HEADER);
        s.push('\n');
        s.push_str(rows);
        s
    }

    #[test]
    fn observation_rows() {
        let text = obs(
            "a,ndxp_tx,2022-09,observed,exact,58397139,58.397.139,,r000,\"có 58.397.139, x\",\n\
             b,cdt,2022-09-30,observed,exact,61,61,63,r000,61/63 địa phương,\n\
             c,pct,2022-09-30,observed,about,97.3,\"97,3%\",,r000,\"đạt mức 97,3%\",\n",
        );
        let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
        let a = rows[0].as_ref().unwrap();
        assert_eq!(a.line, 2);
        assert_eq!(a.precision, 1.0);
        assert_eq!(a.period, Period::month(2022, 9).unwrap());
        assert!(a.quote.eq_str("có 58.397.139, x"));
        let b = rows[1].as_ref().unwrap();
        assert_eq!(b.denominator_value, Some(63.0));
        assert_eq!(b.denominator_figure().unwrap().unwrap().value, 63.0);
        let c = rows[2].as_ref().unwrap();
        assert!((c.precision - 0.1).abs() < 1e-15);
        let fig = c.figure().unwrap();
        assert!(fig.range().contains(97.25) && fig.range().contains(97.35));
        assert_eq!(first_error::<ObservationRow>(&text), Ok(3));
    }

    #[test]
    fn observation_errors_name_line_and_column() {
        let cases: [(&str, &str); 7] = [
            ("a,x,2022-09,seen,exact,1,1,,r,q,", "status"),
            ("a,x,2022-09,observed,roughly,1,1,,r,q,", "qualifier"),
            ("a,x,2022-09,observed,exact,1.2.3,,,r,q,", "value"),
            ("a,x,2022-09,observed,exact,2,1,,r,q,", "stated"),
            ("a,x,2022-02-30,observed,exact,1,1,,r,q,", "period"),
            ("a b,x,2022-09,observed,exact,1,1,,r,q,", "id"),
            ("a,x,2022-09,observed,exact,1,1,,r,q", "note"),
        ];
        for (row, field) in cases {
            let text = obs(
                &(std::string::String::from("ok,x,2022,observed,exact,1,1,,r,q,\n") + row + "\n"),
            );
            let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
            assert!(rows[0].is_ok(), "{row}");
            match rows[1] {
                Err(Error::Parse { line, field: f, .. }) => {
                    assert_eq!((line, f), (3, field), "{row}");
                }
                ref other => panic!("{row}: {other:?}"),
            }
        }
    }

    #[test]
    fn header_is_checked() {
        assert!(matches!(
            read::<ObservationRow>(""),
            Err(Error::Parse {
                line: 1,
                field: "id",
                ..
            })
        ));
        let swapped = HEADER.replace("period,status", "status,period");
        assert!(matches!(
            read::<ObservationRow>(&swapped),
            Err(Error::Parse {
                line: 1,
                field: "period",
                ..
            })
        ));
        let extra = std::string::String::from(HEADER) + ",more";
        assert!(matches!(
            read::<ObservationRow>(&extra),
            Err(Error::Parse {
                field: "(extra field)",
                ..
            })
        ));
        assert_eq!(first_error::<ObservationRow>(HEADER), Ok(0));
    }

    #[test]
    fn claim_rows() {
        let header = ClaimRow::COLUMNS.join(",");
        let text = header.clone()
            + "\nc1,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a o:b,agree,\"gấp 4,8 lần\",\n\
               c2,r001,cross_check,period_total,2022-01-01/2022-09-30,,,,o:c,cannot_check,,\n\
               c3,r001,report,multiple,2022,\"4,8\",4.8,,o:a o:b,agree,,\n\
               c4,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a,agree,,\n\
               c5,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a x:b,agree,,\n";
        let rows: StdVec<_> = read::<ClaimRow>(&text).unwrap().collect();
        let c1 = rows[0].as_ref().unwrap();
        assert_eq!(c1.kind, ClaimKind::Multiple);
        assert_eq!(
            c1.refs().collect::<StdVec<_>>(),
            [Ref::Observation("a"), Ref::Observation("b")]
        );
        let claim = c1
            .claim(|r| match r {
                Ref::Observation("a") => Ok(Some(Figure::exact(96.0)?)),
                Ref::Observation("b") => Ok(Some(Figure::exact(20.0)?)),
                _ => Err(Error::InvalidArgument {
                    name: "ref",
                    expected: "known",
                }),
            })
            .unwrap();
        assert_eq!(claim.check().unwrap().verdict, Verdict::Agree);
        let c2 = rows[1].as_ref().unwrap();
        assert_eq!(c2.stated_figure().unwrap(), None);
        assert!(matches!(
            rows[2],
            Err(Error::Parse {
                line: 4,
                field: "qualifier",
                ..
            })
        ));
        assert!(matches!(
            rows[3],
            Err(Error::Parse {
                line: 5,
                field: "inputs",
                ..
            })
        ));
        assert!(matches!(
            rows[4],
            Err(Error::Parse {
                line: 6,
                field: "inputs",
                ..
            })
        ));
        assert_eq!(Ref::parse("?"), Ok(Ref::Missing));
        assert_eq!(Ref::parse("t:x"), Ok(Ref::Target("x")));
        assert_eq!(Ref::parse("s:x"), Ok(Ref::Stated("x")));
        assert_eq!(Ref::parse("n:100"), Ok(Ref::Number("100")));
        assert!(Ref::parse("n:1e999").is_err());
        assert!(Ref::parse("n:abc").is_err());
        assert!(Ref::parse("o:").is_err());
    }

    #[test]
    fn indicator_target_report_rows() {
        let ind = IndicatorRow::COLUMNS.join(",")
            + "\nndxp_tx,Giao dịch,Transactions,count,flow,government,0,,,\n\
               bad,x,y,count,flow,government,5,1,,\n";
        let rows: StdVec<_> = read::<IndicatorRow>(&ind).unwrap().collect();
        let i = rows[0].as_ref().unwrap().indicator().unwrap();
        assert_eq!(
            (i.id, i.unit, i.bounds.min, i.bounds.max),
            ("ndxp_tx", Unit::Count, Some(0.0), None)
        );
        assert!(matches!(
            rows[1],
            Err(Error::Parse {
                line: 3,
                field: "max",
                ..
            })
        ));
        let tgt = TargetRow::COLUMNS.join(",")
            + "\nt1,ndxp_tx,2023,>,860000000,860 triệu,r001,lớn hơn 860 triệu giao dịch,\n";
        let t = read::<TargetRow>(&tgt).unwrap().next().unwrap().unwrap();
        let target = t.target().unwrap();
        assert_eq!(target.deadline, Date::from_ymd(2023, 12, 31).unwrap());
        assert_eq!(target.comparison, Comparison::GreaterThan);
        assert_eq!(t.figure().unwrap().range().lo(), 860e6);
        let rep = ReportRow::COLUMNS.join(",")
            + "\nr001,001_x.txt,2022-12,2022,2022-12-08,Year review,\n";
        let r = read::<ReportRow>(&rep).unwrap().next().unwrap().unwrap();
        assert_eq!(r.as_of.ordinal(), 342);
    }
}
