//! Importing a CSV file: every line is read by the core and checked against
//! the data; nothing is imported while a line is bad unless the user asks
//! to skip the bad lines.
//!
//! Files come from dxcast's own exports and from spreadsheet programs, so
//! the reader takes what they write:
//!
//! - a UTF-8 byte-order mark, LF, CRLF or lone CR line ends;
//! - commas, semicolons or tabs between fields: the one that makes the
//!   first line name the most of a table's columns ([`Format::delimiter`]);
//!   Excel saves "CSV" with semicolons where the decimal mark is a comma,
//!   as in Vietnamese;
//! - numbers in base units (`value`, `denominator`, `min`, `max`) with a
//!   decimal point (1234.5) or a decimal comma (1234,5, or 1.234,5 with
//!   thousands dots), converted to a decimal point before the core reads
//!   them; in a file with semicolons or tabs a number such as 1.234 could
//!   be either and is refused with what to write instead;
//! - the column names of the header in any letter case, around spaces.
//!
//! # Limits
//!
//! [`plan`] reads at most [`MAX_BYTES`] of text and [`MAX_ROWS`] rows, in
//! time linear in the text's length; a larger file is refused whole with
//! its size or the line past the limit, before anything is read into the
//! data. A figure dated after today is refused ([`RowProblem::AfterToday`]).

use std::borrow::Cow;
use std::collections::HashMap;

use dxcast_core::csv::{
    Delimiter, IndicatorRow, ObservationRow, RecordError, Records, Row, TargetRow,
};
use dxcast_core::{Date, Expected, Field};

use crate::dataset::{
    check_references, parse_fields, Dataset, Fields, RowError, RowOrigin, RowProblem, Table,
    TableRecord, UserData,
};

/// The most text an import reads, in bytes (UTF-8): 2 MiB, about 12,000
/// figures as dxcast writes them, and what the browser's storage keeps
/// with room to spare.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// The most rows an import reads, header not counted.
pub const MAX_ROWS: usize = 10_000;

/// How the file was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Format {
    /// What separates the fields.
    pub delimiter: Delimiter,
    /// Whether a number with a decimal comma was converted.
    pub decimal_comma: bool,
    /// Whether the text starts with a UTF-8 byte-order mark.
    pub bom: bool,
}

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// More than [`MAX_BYTES`]: the text has this many bytes.
    TooLarge {
        /// The text's size in bytes (UTF-8).
        bytes: usize,
    },
    /// More than [`MAX_ROWS`] rows: the first row past the limit starts on
    /// this line.
    TooManyRows {
        /// The line.
        line: u32,
    },
    /// The first line does not name the table's columns.
    Header(HeaderProblem),
}

/// What is wrong with the header, at its first wrong column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderProblem {
    /// The header's line (1, or the first line that is not blank).
    pub line: u32,
    /// The column, from 1.
    pub column: usize,
    /// The name found there; `None` when the line ends before it, or the
    /// field cannot be read.
    pub found: Option<String>,
    /// The column expected there; `None` past the table's last column.
    pub expected: Option<Field>,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// The table the file is for (from its header).
    pub table: Table,
    /// How the file was written.
    pub format: Format,
    /// Why nothing can be imported, if that is so.
    pub problem: Option<FileProblem>,
    /// The lines that read, with their line numbers.
    pub good: Vec<(u32, TableRecord)>,
    /// The lines that did not, in file order.
    pub bad: Vec<RowError>,
}

impl ImportPlan {
    /// Whether the file has no rows at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.problem.is_none() && self.good.is_empty() && self.bad.is_empty()
    }

    /// Whether every line is good (and the file can be imported).
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.problem.is_none() && self.bad.is_empty()
    }

    fn refused(table: Table, format: Format, problem: FileProblem) -> ImportPlan {
        ImportPlan {
            table,
            format,
            problem: Some(problem),
            good: Vec::new(),
            bad: Vec::new(),
        }
    }
}

/// How many of a table's last columns a file may leave out.
const fn optional(table: Table) -> usize {
    match table {
        Table::Indicators => <IndicatorRow<'static> as Row<'static>>::OPTIONAL,
        Table::Observations => <ObservationRow<'static> as Row<'static>>::OPTIONAL,
        Table::Targets => <TargetRow<'static> as Row<'static>>::OPTIONAL,
    }
}

/// The columns that hold a number in base units.
fn numeric(field: Field) -> bool {
    matches!(
        field,
        Field::Value | Field::Denominator | Field::Min | Field::Max
    )
}

/// A header's name as compared with a column's: trimmed, in lower case.
fn name(text: &str) -> String {
    text.trim().trim_matches('"').trim().to_lowercase()
}

/// The first line that is not blank, after a byte-order mark.
fn first_line(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
        .split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// The table whose columns best match `names` (the most names shared, an
/// exact match first, ties to figures), and how many names it shares.
fn best_table(names: &[String]) -> (Table, usize) {
    let score = |t: Table| {
        let cols = t.columns();
        let shared = names
            .iter()
            .filter(|n| cols.iter().any(|c| c.code() == n.as_str()))
            .count();
        let exact = names
            .iter()
            .map(String::as_str)
            .eq(cols.iter().map(|c| c.code()));
        (usize::from(exact), shared)
    };
    [Table::Observations, Table::Indicators, Table::Targets]
        .into_iter()
        .rev()
        .max_by_key(|&t| score(t))
        .map_or((Table::Observations, 0), |t| (t, score(t).1))
}

/// The delimiter and table of a file, from its first line: the delimiter
/// that splits it into the most column names of one table (commas on a
/// tie, and when none does).
#[must_use]
pub fn detect(text: &str) -> (Delimiter, Table) {
    let header = first_line(text);
    let mut best = (Delimiter::Comma, Table::Observations, 0usize);
    for d in Delimiter::ALL {
        let names: Vec<String> = header.split(d.char()).map(name).collect();
        let (table, shared) = best_table(&names);
        if shared > best.2 || (d == Delimiter::Comma && best.2 == 0) {
            best = (d, table, shared);
        }
    }
    (best.0, best.1)
}

/// `true` when `s` is digits only, and not empty.
fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// `true` for digits grouped by dots in threes: `1.234`, `12.345.678`.
fn grouped(s: &str) -> bool {
    let mut groups = s.split('.');
    let head = groups.next().unwrap_or("");
    digits(head) && head.len() <= 3 && groups.all(|g| g.len() == 3 && digits(g))
}

/// A number in base units as the core reads it (decimal point), from its
/// text in a file: `1234,5` and `1.234,5` have a decimal comma; in a file
/// with `decimal_commas` (semicolons or tabs), `1.234.567` has thousands
/// dots and `1.234` is ambiguous. Anything else is left to the core.
fn base_number(text: &str, decimal_commas: bool) -> Result<Cow<'_, str>, RowProblem> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    if let Some((whole, rest)) = unsigned.split_once(',') {
        // An exponent may follow the fraction, as spreadsheets write 1,5E+12.
        let fraction = rest.split(['e', 'E']).next().unwrap_or("");
        let exponent = rest.get(fraction.len()..).unwrap_or("");
        let exponent_ok = exponent.is_empty()
            || digits(
                exponent
                    .get(1..)
                    .unwrap_or("")
                    .trim_start_matches(['-', '+']),
            );
        if (digits(whole) || grouped(whole)) && digits(fraction) && exponent_ok {
            let sign = t.get(..t.len() - unsigned.len()).unwrap_or("");
            return Ok(Cow::Owned(format!(
                "{sign}{}.{fraction}{exponent}",
                whole.replace('.', "")
            )));
        }
        return Err(RowProblem::NumberForm);
    }
    if decimal_commas && unsigned.contains('.') && grouped(unsigned) {
        if unsigned.matches('.').count() == 1 {
            return Err(RowProblem::AmbiguousNumber(t.to_string()));
        }
        return Ok(Cow::Owned(t.replace('.', "")));
    }
    Ok(Cow::Borrowed(text))
}

/// Checks that a figure is not dated after `today` (its period's first
/// day); the error names the period column on `line`.
///
/// # Errors
///
/// [`RowProblem::AfterToday`].
pub fn check_date(row: &TableRecord, today: Date, line: u32) -> Result<(), RowError> {
    match row {
        TableRecord::Observation(o) if o.period().start() > today => Err(RowError {
            line,
            field: Field::Period,
            problem: RowProblem::AfterToday(today),
        }),
        _ => Ok(()),
    }
}

/// The header's problem, if its names are not the table's columns in
/// order (the last [`optional`] ones may be left out).
fn check_header(table: Table, line: u32, names: &[String]) -> Result<(), HeaderProblem> {
    let columns = table.columns();
    let least = columns.len().saturating_sub(optional(table));
    let width = names.len().max(least);
    for column in 0..width {
        let expected = columns.get(column).copied();
        let found = names.get(column);
        if expected.map(|c| c.code()) != found.map(String::as_str) {
            return Err(HeaderProblem {
                line,
                column: column + 1,
                found: found.cloned(),
                expected,
            });
        }
    }
    Ok(())
}

/// A record that could not be split, as a row error naming its column.
fn record_error(e: RecordError, columns: &[Field]) -> RowError {
    RowError {
        line: e.line,
        field: columns.get(e.index).copied().unwrap_or(Field::ExtraField),
        problem: RowProblem::Expected(e.expected),
    }
}

/// Reads `text` as the file of the table its header names, checking each
/// row with the core and against `data` (known indicator, value within its
/// bounds), figures dated after `today`, and ids that repeat within the
/// file. Linear in the text's length; see the module's limits.
#[must_use]
pub fn plan(text: &str, data: &Dataset, today: Date) -> ImportPlan {
    let (delimiter, table) = detect(text);
    let mut format = Format {
        delimiter,
        decimal_comma: false,
        bom: text.starts_with('\u{feff}'),
    };
    if text.len() > MAX_BYTES {
        return ImportPlan::refused(table, format, FileProblem::TooLarge { bytes: text.len() });
    }
    let columns = table.columns();
    let mut records = Records::with_delimiter(text, delimiter);
    let header = match records.next_record() {
        None => {
            return ImportPlan {
                table,
                format,
                problem: None,
                good: Vec::new(),
                bad: Vec::new(),
            }
        }
        Some(Err(e)) => {
            return ImportPlan::refused(
                table,
                format,
                FileProblem::Header(HeaderProblem {
                    line: e.line,
                    column: e.index + 1,
                    found: None,
                    expected: columns.get(e.index).copied(),
                }),
            )
        }
        Some(Ok(h)) => h,
    };
    let names: Vec<String> = header
        .fields()
        .iter()
        .map(|f| name(&f.to_string()))
        .collect();
    if let Err(h) = check_header(table, header.line(), &names) {
        return ImportPlan::refused(table, format, FileProblem::Header(h));
    }
    let width = names.len();
    let decimal_commas = delimiter != Delimiter::Comma;
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut count = 0usize;
    while let Some(record) = records.next_record() {
        let line = match &record {
            Ok(r) => r.line(),
            Err(e) => e.line,
        };
        count += 1;
        if count > MAX_ROWS {
            return ImportPlan::refused(table, format, FileProblem::TooManyRows { line });
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                bad.push(record_error(e, columns));
                continue;
            }
        };
        let at = |field: Field, problem: RowProblem| RowError {
            line,
            field,
            problem,
        };
        let n = record.fields().len();
        if n != width {
            let field = columns
                .get(n.min(width))
                .copied()
                .unwrap_or(Field::ExtraField);
            bad.push(at(field, RowProblem::Expected(Expected::FieldCount)));
            continue;
        }
        let mut fields: Fields = Vec::with_capacity(n);
        let mut problem = None;
        for (text, field) in record.fields().iter().zip(columns) {
            let text = text.to_string();
            if numeric(*field) {
                match base_number(&text, decimal_commas) {
                    Ok(Cow::Owned(converted)) => {
                        format.decimal_comma |= converted.contains('.') && text.contains(',');
                        fields.push(converted);
                    }
                    Ok(Cow::Borrowed(_)) => fields.push(text),
                    Err(p) => {
                        problem = problem.or(Some(at(*field, p)));
                        fields.push(text);
                    }
                }
            } else {
                fields.push(text);
            }
        }
        let checked = match problem {
            Some(e) => Err(e),
            None => parse_fields(table, &fields, RowOrigin::User)
                .map_err(|e| RowError { line, ..e })
                .and_then(|r| {
                    check_references(data, &r, line)?;
                    check_date(&r, today, line)?;
                    if let Some(&first) = seen.get(r.id()) {
                        return Err(at(
                            Field::Id,
                            RowProblem::RepeatsLine {
                                id: r.id().to_string(),
                                line: first,
                            },
                        ));
                    }
                    Ok(r)
                }),
        };
        match checked {
            Ok(r) => {
                seen.insert(r.id().to_string(), line);
                good.push((line, r));
            }
            Err(e) => bad.push(e),
        }
    }
    ImportPlan {
        table,
        format,
        problem: None,
        good,
        bad,
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The table.
    pub table: Table,
    /// Rows with a new id.
    pub added: usize,
    /// Rows that replaced a row with the same id.
    pub updated: usize,
    /// Rows identical to the row already there.
    pub unchanged: usize,
    /// The lines skipped because they were bad.
    pub skipped: Vec<u32>,
}

/// Why nothing was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportRefused {
    /// The file is too large, or its header is wrong ([`FileProblem`]).
    File,
    /// Some lines are bad and the user did not ask to skip them.
    BadLines,
    /// The file has no rows.
    Empty,
}

/// Imports the plan's good rows into `user`, unless a line is bad and
/// `skip_bad` is not set; `user` is left unchanged on refusal. Linear in
/// the number of rows.
///
/// # Errors
///
/// Why nothing was imported.
pub fn apply(
    plan: &ImportPlan,
    user: &mut UserData,
    data: &Dataset,
    skip_bad: bool,
) -> Result<ImportOutcome, ImportRefused> {
    if plan.problem.is_some() {
        return Err(ImportRefused::File);
    }
    if !plan.bad.is_empty() && !skip_bad {
        return Err(ImportRefused::BadLines);
    }
    if plan.good.is_empty() {
        return Err(ImportRefused::Empty);
    }
    let mut applied = ImportOutcome {
        table: plan.table,
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped: plan.bad.iter().map(|e| e.line).collect(),
    };
    let existing_rows = data.fields(plan.table);
    let existing: HashMap<&str, &Fields> = existing_rows
        .iter()
        .map(|f| (f.first().map_or("", String::as_str), f))
        .collect();
    let rows = match plan.table {
        Table::Indicators => &mut user.indicators,
        Table::Observations => &mut user.observations,
        Table::Targets => &mut user.targets,
    };
    let mut at: HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.first().cloned().unwrap_or_default(), i))
        .collect();
    for (_, row) in &plan.good {
        let fields = row.fields();
        match existing.get(row.id()) {
            Some(f) if *f == fields => {
                applied.unchanged += 1;
                continue;
            }
            Some(_) => applied.updated += 1,
            None => applied.added += 1,
        }
        match at.get(row.id()).and_then(|&i| rows.get_mut(i)) {
            Some(old) => *old = fields.clone(),
            None => {
                at.insert(row.id().to_string(), rows.len());
                rows.push(fields.clone());
            }
        }
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{INDICATORS_CSV, OBSERVATIONS_CSV, TARGETS_CSV};

    /// The figures' header without its optional `definition` column, as
    /// files written before it have it.
    const HEADER: &str =
        "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn today() -> Date {
        Date::from_ymd(2026, 11, 22).unwrap()
    }

    fn errors(p: &ImportPlan) -> Vec<(u32, Field)> {
        p.bad.iter().map(|e| (e.line, e.field)).collect()
    }

    #[test]
    fn a_bad_line_blocks_the_import_until_skipped() {
        let d = data();
        let text = format!(
            "{HEADER}\n\
             u-1,ndxp_tx,2024,observed,exact,1000000000,1 tỷ,,mine,,\n\
             u-2,ndxp_tx,2024-13,observed,exact,1,1,,mine,,\n\
             u-3,cdt_teams,2024-06-30,estimate,about,80000,80.000,,mine,\"a, b\",\n"
        );
        let p = plan(&text, &d, today());
        assert_eq!(p.table, Table::Observations);
        assert_eq!(p.format, Format::default());
        assert_eq!(p.good.len(), 2);
        assert_eq!(errors(&p), [(3, Field::Period)]);
        let mut user = UserData::default();
        assert_eq!(
            apply(&p, &mut user, &d, false),
            Err(ImportRefused::BadLines)
        );
        assert!(user.is_empty());
        let a = apply(&p, &mut user, &d, true).unwrap();
        assert_eq!((a.added, a.updated, a.skipped.clone()), (2, 0, vec![3]));
        assert_eq!(user.observations.len(), 2);
        let (merged, rejected) = d.with_user(&user);
        assert!(rejected.is_empty());
        assert_eq!(merged.observation("u-3").unwrap().quote, "a, b");
    }

    /// Hostile and careless lines each get their line and column: an
    /// unknown indicator, a 150 % share, a negative count, a date that
    /// does not exist (30 February), a repeated id, a figure dated 2299,
    /// a stray quote, a missing field.
    #[test]
    fn every_bad_line_names_its_line_and_column() {
        let d = data();
        let text = format!(
            "{HEADER}\n\
             a,nope,2024,observed,exact,1,1,,m,,\n\
             b,dvctt_level4_share,2024-01-01,observed,exact,150,150%,,m,,\n\
             c,ndxp_tx,2024,observed,exact,1,1,,m,,\n\
             c,ndxp_tx,2025,observed,exact,1,1,,m,,\n\
             d,cdt_teams,2024,observed,exact,-5,,,m,,\n\
             e,cdt_teams,2023-02-30,observed,exact,5,5,,m,,\n\
             f,cdt_teams,2299,observed,exact,5,5,,m,,\n\
             g,cdt_teams,2024,observed,exact,5,5,,m,say \"hi\",\n\
             h,cdt_teams,2024,observed,exact,5,5,,m\n"
        );
        let p = plan(&text, &d, today());
        assert_eq!(
            errors(&p),
            [
                (2, Field::Indicator),
                (3, Field::Value),
                (5, Field::Id),
                (6, Field::Value),
                (7, Field::Period),
                (8, Field::Period),
                (9, Field::Quote),
                (10, Field::Quote),
            ]
        );
        assert_eq!(
            p.bad[2].problem,
            RowProblem::RepeatsLine {
                id: "c".into(),
                line: 4
            }
        );
        assert!(matches!(p.bad[3].problem, RowProblem::OutOfBounds { value, .. } if value == -5.0));
        assert_eq!(
            p.bad[4].problem,
            RowProblem::Expected(Expected::ExistingDate)
        );
        assert_eq!(p.bad[5].problem, RowProblem::AfterToday(today()));
        assert_eq!(p.bad[6].problem, RowProblem::Expected(Expected::CsvQuote));
        assert_eq!(p.bad[7].problem, RowProblem::Expected(Expected::FieldCount));
        // A figure of the current period is not in the future.
        let now = format!("{HEADER}\nx,cdt_teams,2026-11,observed,exact,5,5,,m,,\n");
        assert!(plan(&now, &d, today()).is_clean());
    }

    /// A file as Excel saves it on a Vietnamese computer: a byte-order
    /// mark, semicolons, decimal commas, CRLF; and the same with lone CR.
    #[test]
    fn excel_files_with_semicolons_and_decimal_commas_read() {
        let d = data();
        for end in ["\r\n", "\r", "\n"] {
            let text = [
                "\u{feff}id;indicator;period;status;qualifier;value;stated;denominator;report;quote;note;definition",
                "u-1;dvctt_level4_share;2024;observed;exact;79,95;79,95%;;mine;\"đạt 79,95%; tăng\";;",
                "u-2;ndxp_tx;2024;estimate;about;1.234.567,5;1.234.567,5;;mine;;;",
                "u-3;ndxp_tx;2023;observed;exact;1234567;1.234.567;;mine;;;",
                "u-4;ndxp_tx;2022;observed;exact;1,5E+9;1,5 tỷ;;mine;;;",
                "",
            ]
            .join(end);
            let p = plan(&text, &d, today());
            assert!(p.is_clean(), "{end:?}: {:?}", p.bad);
            assert_eq!(
                p.format,
                Format {
                    delimiter: Delimiter::Semicolon,
                    decimal_comma: true,
                    bom: true
                }
            );
            let values: Vec<(u32, &str)> = p
                .good
                .iter()
                .map(|(l, r)| (*l, r.fields()[5].as_str()))
                .collect();
            assert_eq!(
                values,
                [
                    (2, "79.95"),
                    (3, "1234567.5"),
                    (4, "1234567"),
                    (5, "1.5E+9")
                ]
            );
            let TableRecord::Observation(o) = &p.good[0].1 else {
                panic!()
            };
            assert_eq!((o.value(), o.quote.as_str()), (79.95, "đạt 79,95%; tăng"));
        }
    }

    #[test]
    fn numbers_that_read_two_ways_are_refused_with_the_column() {
        let d = data();
        let text =
            "id;indicator;period;status;qualifier;value;stated;denominator;report;quote;note\n\
                    a;ndxp_tx;2024;observed;exact;1.234;1.234;;m;;\n\
                    b;ndxp_tx;2024;observed;exact;1,2,3;1;;m;;\n\
                    c;ndxp_tx;2024;observed;exact;12;12;1,5e;m;;\n\
                    d;ndxp_tx;2024;observed;exact;0.5;0,5;;m;;\n";
        let p = plan(text, &d, today());
        assert_eq!(
            errors(&p),
            [
                (2, Field::Value),
                (3, Field::Value),
                (4, Field::Denominator)
            ]
        );
        assert_eq!(
            p.bad[0].problem,
            RowProblem::AmbiguousNumber("1.234".into())
        );
        assert_eq!(p.bad[1].problem, RowProblem::NumberForm);
        // A decimal point still reads in a semicolon file.
        assert_eq!(p.good[0].1.fields()[5], "0.5");
        // In a comma file, 1.234 is a decimal point, and a quoted 1,5 a comma.
        let text = format!("{HEADER}\na,ndxp_tx,2024,observed,exact,1.234,1.234,,m,,\n");
        let p = plan(&text, &d, today());
        assert_eq!(errors(&p), [(2, Field::Stated)]);
        let text = format!("{HEADER}\na,cdt_teams,2024,observed,exact,\"1,5\",\"1,5\",,m,,\n");
        assert_eq!(plan(&text, &d, today()).good[0].1.fields()[5], "1.5");
    }

    #[test]
    fn a_wrong_header_imports_nothing_and_says_what_is_expected() {
        let d = data();
        let text = HEADER.replace("period,status", "status,period")
            + "\nx,ndxp_tx,observed,2024,exact,1,1,,m,,\n";
        let p = plan(&text, &d, today());
        assert_eq!(
            p.problem,
            Some(FileProblem::Header(HeaderProblem {
                line: 1,
                column: 3,
                found: Some("status".into()),
                expected: Some(Field::Period),
            }))
        );
        let mut user = UserData::default();
        assert_eq!(apply(&p, &mut user, &d, true), Err(ImportRefused::File));
        assert_eq!(
            apply(&plan(HEADER, &d, today()), &mut user, &d, true),
            Err(ImportRefused::Empty)
        );
        assert!(plan("", &d, today()).is_empty());
        // Too short, too long, and a header in other letter case and spacing.
        let short = "id,indicator,period\n";
        assert_eq!(
            plan(short, &d, today()).problem,
            Some(FileProblem::Header(HeaderProblem {
                line: 1,
                column: 4,
                found: None,
                expected: Some(Field::Status),
            }))
        );
        let long = format!("\n\n{HEADER},definition,quote_en,note_vi,extra\n");
        assert_eq!(
            plan(&long, &d, today()).problem,
            Some(FileProblem::Header(HeaderProblem {
                line: 3,
                column: 15,
                found: Some("extra".into()),
                expected: None,
            }))
        );
        let loose = HEADER.to_uppercase().replace(',', " , ")
            + "\nu-1,ndxp_tx,2024,observed,exact,1000000000,1 tỷ,,mine,,\n";
        assert!(plan(&loose, &d, today()).is_clean());
    }

    /// The 5 MB import that reported 11,453 rows imported while saving
    /// failed is refused before it is read, with its size; so is a file
    /// with a row past the limit, with its line.
    #[test]
    fn files_over_the_limits_are_refused_whole() {
        let d = data();
        let row = |i: usize| format!("u-{i},cdt_teams,2024,observed,exact,5,5,,m,,\n");
        let mut text = format!("{HEADER}\n");
        for i in 0..MAX_ROWS {
            text.push_str(&row(i));
        }
        let p = plan(&text, &d, today());
        assert!(p.is_clean() && p.good.len() == MAX_ROWS);
        text.push('\n');
        text.push_str(&row(MAX_ROWS));
        let p = plan(&text, &d, today());
        assert_eq!(
            p.problem,
            Some(FileProblem::TooManyRows {
                line: MAX_ROWS as u32 + 3
            })
        );
        assert!(p.good.is_empty() && p.bad.is_empty());
        let mut user = UserData::default();
        assert_eq!(apply(&p, &mut user, &d, true), Err(ImportRefused::File));
        let big = format!("{HEADER}\n{}", "x".repeat(MAX_BYTES));
        assert_eq!(
            plan(&big, &d, today()).problem,
            Some(FileProblem::TooLarge {
                bytes: MAX_BYTES + HEADER.len() + 1
            })
        );
    }

    #[test]
    fn the_delimiter_and_table_come_from_the_header() {
        let tab = INDICATORS_CSV.lines().next().unwrap().replace(',', "\t");
        assert_eq!(detect(&tab), (Delimiter::Tab, Table::Indicators));
        let semi = TARGETS_CSV.lines().next().unwrap().replace(',', ";");
        assert_eq!(detect(&semi), (Delimiter::Semicolon, Table::Targets));
        assert_eq!(
            detect("nothing;known"),
            (Delimiter::Comma, Table::Observations)
        );
        assert_eq!(detect(""), (Delimiter::Comma, Table::Observations));
    }

    #[test]
    fn reimporting_the_builtin_files_changes_nothing() {
        let d = data();
        let mut user = UserData::default();
        for text in [OBSERVATIONS_CSV, INDICATORS_CSV, TARGETS_CSV] {
            let p = plan(text, &d, today());
            assert!(p.is_clean(), "{:?}", p.bad.first());
            let a = apply(&p, &mut user, &d, false).unwrap();
            assert_eq!((a.added, a.updated), (0, 0));
        }
        assert!(user.is_empty());
    }

    #[test]
    fn an_edited_row_is_an_update_and_a_repeat_replaces_in_place() {
        let d = data();
        let row = d.observation("r004-ndxp-2021").unwrap();
        let mut f = row.fields.clone();
        f[10] = "checked again".into();
        let mut text = format!("{HEADER},definition,quote_en,note_vi\n");
        let fields: Vec<&str> = f.iter().map(String::as_str).collect();
        dxcast_core::csv::write_record(&mut text, &fields).unwrap();
        let mut user = UserData::default();
        let a = apply(&plan(&text, &d, today()), &mut user, &d, false).unwrap();
        assert_eq!((a.added, a.updated), (0, 1));
        // Importing it again, changed once more, replaces the user's row.
        let text2 = text.replace("checked again", "and again");
        let d2 = d.with_user(&user).0;
        let a = apply(&plan(&text2, &d2, today()), &mut user, &d2, false).unwrap();
        assert_eq!((a.added, a.updated, user.observations.len()), (0, 1, 1));
        assert_eq!(user.observations[0][10], "and again");
    }
}
