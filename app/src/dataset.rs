//! The data the app shows: the built-in files and the user's rows, read by
//! the core's one import path.
//!
//! The built-in dataset is `data/*.csv`, embedded at build time. The user's
//! rows are kept as text fields in the files' column order ([`Fields`]) and
//! read the same way: each one is parsed by [`dxcast_core::csv::parse_row`]
//! as the same line of a file would be. A user row whose id is a built-in id
//! replaces that row (an edit); the others are added.

use std::collections::HashMap;

use dxcast_core::csv::{
    parse_row, read, ClaimRow, IndicatorRow, ObservationRow, Record, Records, ReportRow, Row,
    TargetRow, Text,
};
use dxcast_core::quantity::Measured;
use dxcast_core::{
    Bounds, Comparison, Date, Error, Expected, Field, MeasureKind, Observation, Period, Pillar,
    Qualifier, Status, Subject, Target, Unit,
};

use crate::lang::{DateProblem, Lang};

/// `data/indicators.csv`.
pub const INDICATORS_CSV: &str = include_str!("../../data/indicators.csv");
/// `data/observations.csv`.
pub const OBSERVATIONS_CSV: &str = include_str!("../../data/observations.csv");
/// `data/targets.csv`.
pub const TARGETS_CSV: &str = include_str!("../../data/targets.csv");
/// `data/reports.csv`.
pub const REPORTS_CSV: &str = include_str!("../../data/reports.csv");
/// `data/claims.csv`.
pub const CLAIMS_CSV: &str = include_str!("../../data/claims.csv");

/// The columns of `reports.csv`.
pub const REPORT_COLUMNS: &[Field] = <ReportRow<'static> as Row<'static>>::COLUMNS;
/// The columns of `claims.csv`.
pub const CLAIM_COLUMNS: &[Field] = <ClaimRow<'static> as Row<'static>>::COLUMNS;

/// The line a row given as fields (a form's, a stored row) is read on, as
/// the first row of a file after its header.
pub const FIELDS_LINE: u32 = 2;

/// One row as text, in its file's column order.
pub type Fields = Vec<String>;

/// A table users can add rows to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// `indicators.csv`.
    Indicators,
    /// `observations.csv`.
    Observations,
    /// `targets.csv`.
    Targets,
}

impl Table {
    /// Every table, in the order rows must be read (observations and targets
    /// refer to indicators).
    pub const ALL: [Table; 3] = [Table::Indicators, Table::Observations, Table::Targets];

    /// The columns of its file.
    #[must_use]
    pub const fn columns(self) -> &'static [Field] {
        match self {
            Table::Indicators => <IndicatorRow<'static> as Row<'static>>::COLUMNS,
            Table::Observations => <ObservationRow<'static> as Row<'static>>::COLUMNS,
            Table::Targets => <TargetRow<'static> as Row<'static>>::COLUMNS,
        }
    }

    /// Its name in stored and exported JSON, and its file's base name.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Table::Indicators => "indicators",
            Table::Observations => "observations",
            Table::Targets => "targets",
        }
    }

    /// The table whose columns best match the first line of `text`: the one
    /// sharing the most column names (ties go to observations, the usual
    /// import). The core then checks the header exactly.
    #[must_use]
    pub fn guess(text: &str) -> Table {
        let header = text
            .trim_start_matches('\u{feff}')
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let names: Vec<&str> = header
            .split(',')
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        let score = |t: Table| {
            let cols = t.columns();
            let shared = names
                .iter()
                .filter(|n| cols.iter().any(|c| c.code() == **n))
                .count();
            let exact = usize::from(names.iter().copied().eq(cols.iter().map(|c| c.code())));
            (exact, shared)
        };
        [Table::Observations, Table::Indicators, Table::Targets]
            .into_iter()
            .rev()
            .max_by_key(|&t| score(t))
            .unwrap_or(Table::Observations)
    }
}

/// Where a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowOrigin {
    /// The built-in data.
    BuiltIn,
    /// The user's own row.
    User,
    /// The user's edit of a built-in row.
    Edited,
}

/// What is wrong with a row.
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// What the field should hold, as the core says.
    Expected(Expected),
    /// Another error of the core.
    Core(Error),
    /// The indicator id is not known.
    UnknownIndicator(String),
    /// The value lies outside the indicator's bounds.
    OutOfBounds {
        /// The value.
        value: f64,
        /// The indicator's bounds.
        bounds: Bounds,
        /// The indicator's unit.
        unit: Unit,
    },
    /// The id is already used by another row of the same import.
    RepeatsLine {
        /// The id.
        id: String,
        /// The line that used it first.
        line: u32,
    },
    /// The id is already used (a form that adds rather than edits).
    DuplicateId(String),
    /// An indicator still has figures or targets.
    InUse(usize),
    /// A form field that must be filled is empty.
    Required,
    /// The stated figure is missing (the form derives the value from it).
    NeedsStated,
    /// A figure whose period starts after today (this day): it cannot have
    /// been reported yet.
    AfterToday(Date),
    /// A number in base units that reads neither with a decimal point
    /// (1234.5) nor with a decimal comma (1234,5 or 1.234,5).
    NumberForm,
    /// A number such as 1.234 in a file with decimal commas: a thousands
    /// separator or a decimal point?
    AmbiguousNumber(String),
    /// A date typed in a form that does not read in the language's form.
    Date(DateProblem),
    /// A built-in row with a note in one language only: the data gives
    /// its notes in English and Vietnamese, or none.
    NoteInOneLanguage,
    /// A built-in row with a quote and no English gloss of it.
    QuoteWithoutGloss,
}

/// A problem with one row: its line (1-based; the header is line 1), the
/// column, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The line the row starts on.
    pub line: u32,
    /// The column.
    pub field: Field,
    /// What is wrong.
    pub problem: RowProblem,
}

impl RowError {
    /// The row error for a core error: a `Parse` error keeps its line and
    /// column; the others are put on `line`, column `fallback`.
    #[must_use]
    pub fn from_core(e: Error, line: u32, fallback: Field) -> RowError {
        let at = |problem| RowError {
            line,
            field: fallback,
            problem,
        };
        match e {
            Error::Parse {
                line: l,
                field,
                expected,
            } => RowError {
                line: if l == 0 { line } else { l },
                // A parser outside a file names its own kind of text ("number").
                field: if l == 0 { fallback } else { field },
                problem: RowProblem::Expected(expected),
            },
            Error::InvalidArgument { expected, .. } => at(RowProblem::Expected(expected)),
            Error::InvalidDate { .. } => at(RowProblem::Expected(Expected::ExistingDate)),
            other => at(RowProblem::Core(other)),
        }
    }
}

/// An indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRecord {
    /// Its id.
    pub id: String,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Unit of its values.
    pub unit: Unit,
    /// How its values relate over time.
    pub kind: MeasureKind,
    /// Its pillar.
    pub pillar: Pillar,
    /// The range its values lie in.
    pub bounds: Bounds,
    /// For running totals, the launch date.
    pub since: Option<Date>,
    /// Definition and remarks, in English.
    pub note: String,
    /// Definition and remarks, in Vietnamese (empty in a user's row that
    /// has none).
    pub note_vi: String,
    /// The quantity it measures, shared with the indicators that measure it
    /// another way; empty when the indicator is its own.
    pub quantity: String,
    /// Where the row comes from.
    pub origin: RowOrigin,
    /// The row as text.
    pub fields: Fields,
}

impl IndicatorRecord {
    /// The quantity it measures: its `quantity`, or its own id.
    #[must_use]
    pub fn quantity(&self) -> &str {
        if self.quantity.is_empty() {
            &self.id
        } else {
            &self.quantity
        }
    }

    /// Its note in `lang`, or else in the other language, with the
    /// language it is in; `None` when it has none.
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<(&str, Lang)> {
        in_lang(&self.note, &self.note_vi, lang)
    }

    /// Its name in `lang`.
    #[must_use]
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.name_vi,
            Lang::En => &self.name_en,
        }
    }

    /// What its values measure: kind, unit and bounds.
    #[must_use]
    pub const fn subject(&self) -> Subject {
        Subject {
            kind: self.kind,
            unit: self.unit,
            bounds: self.bounds,
        }
    }
}

/// A figure of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRecord {
    /// Its id.
    pub id: String,
    /// The indicator's id.
    pub indicator: String,
    /// Value, period, status, qualifier and precision.
    pub obs: Observation,
    /// The figure as written ("1,6 triệu"), or empty.
    pub stated: String,
    /// The whole of a fraction as written, or empty.
    pub denominator: String,
    /// The whole's value.
    pub denominator_value: Option<f64>,
    /// The source's id.
    pub report: String,
    /// The source's words, verbatim.
    pub quote: String,
    /// A plain English rendering of the quote (empty in a user's row that
    /// has none).
    pub quote_en: String,
    /// Remarks, in English.
    pub note: String,
    /// Remarks, in Vietnamese (empty in a user's row that has none).
    pub note_vi: String,
    /// The definition the figure follows when it is not the indicator's
    /// usual one (empty for the usual one).
    pub definition: String,
    /// Where the row comes from.
    pub origin: RowOrigin,
    /// The row as text.
    pub fields: Fields,
}

impl ObservationRecord {
    /// The value in base units.
    #[must_use]
    pub const fn value(&self) -> f64 {
        self.obs.value
    }

    /// The period it covers.
    #[must_use]
    pub const fn period(&self) -> Period {
        self.obs.period
    }

    /// Whether the source estimates it rather than reports it.
    #[must_use]
    pub fn is_estimate(&self) -> bool {
        self.obs.status == Status::Estimate
    }

    /// Its note in `lang`, or else in the other language, with the
    /// language it is in; `None` when it has none.
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<(&str, Lang)> {
        in_lang(&self.note, &self.note_vi, lang)
    }
}

/// A target of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRecord {
    /// Its id.
    pub id: String,
    /// The indicator's id.
    pub indicator: String,
    /// The period it is for; its last day is the deadline.
    pub period: Period,
    /// How a value is compared with it.
    pub comparison: Comparison,
    /// The value in base units.
    pub value: f64,
    /// The figure as written.
    pub stated: String,
    /// The source's id.
    pub report: String,
    /// The source's words.
    pub quote: String,
    /// A plain English rendering of the quote (empty in a user's row that
    /// has none).
    pub quote_en: String,
    /// Remarks, in English.
    pub note: String,
    /// Remarks, in Vietnamese (empty in a user's row that has none).
    pub note_vi: String,
    /// Where the row comes from.
    pub origin: RowOrigin,
    /// The row as text.
    pub fields: Fields,
}

impl TargetRecord {
    /// Its note in `lang`, or else in the other language, with the
    /// language it is in; `None` when it has none.
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<(&str, Lang)> {
        in_lang(&self.note, &self.note_vi, lang)
    }

    /// The core's target, due on the period's last day.
    ///
    /// # Errors
    ///
    /// The errors of [`Target::new`].
    pub fn target(&self) -> Result<Target, Error> {
        Target::new(self.value, self.period.end(), self.comparison)
    }
}

/// A source report.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRecord {
    /// Its id (`r001`).
    pub id: String,
    /// When it was published.
    pub published: Period,
    /// What "to date" refers to.
    pub as_of: Date,
    /// A short English title.
    pub title_en: String,
}

/// The whole dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The source reports.
    pub reports: Vec<ReportRecord>,
    /// Every indicator.
    pub indicators: Vec<IndicatorRecord>,
    /// Every figure.
    pub observations: Vec<ObservationRecord>,
    /// Every target.
    pub targets: Vec<TargetRecord>,
    /// The derived figures to check.
    pub claims: Vec<ClaimRow<'static>>,
    /// `reports.csv` as text rows (for the export).
    pub report_fields: Vec<Fields>,
    /// `claims.csv` as text rows (for the export).
    pub claim_fields: Vec<Fields>,
}

/// A row as read: its line, its text fields and the typed row or its error.
type RawRow<R> = (u32, Fields, Result<R, Error>);

/// A row of a table as read: its line and the parsed row or its error.
pub type ReadRow = (u32, Result<TableRecord, RowError>);

/// The rows of a CSV text: each row's line, its text fields and the typed
/// row (or the error that names its line and column).
///
/// # Errors
///
/// The header's error.
fn rows<'a, R: Row<'a>>(text: &'a str) -> Result<Vec<RawRow<R>>, Error> {
    let typed = read::<R>(text)?;
    let records = Records::new(text).skip(1);
    Ok(records
        .zip(typed)
        .map(|(record, row)| match record {
            Ok(r) => (
                r.line(),
                r.fields().iter().map(ToString::to_string).collect(),
                row,
            ),
            Err(e) => {
                let line = match e {
                    Error::Parse { line, .. } => line,
                    _ => 0,
                };
                (line, Vec::new(), row)
            }
        })
        .collect())
}

fn indicator_from(r: IndicatorRow<'_>, fields: Fields, origin: RowOrigin) -> IndicatorRecord {
    IndicatorRecord {
        id: r.id.to_string(),
        name_vi: r.name_vi.to_string(),
        name_en: r.name_en.to_string(),
        unit: r.unit,
        kind: r.kind,
        pillar: r.pillar,
        bounds: r.bounds,
        since: r.since,
        note: r.note.to_string(),
        note_vi: r.note_vi.to_string(),
        quantity: r.quantity.unwrap_or_default().to_string(),
        origin,
        fields,
    }
}

fn observation_from(r: ObservationRow<'_>, fields: Fields, origin: RowOrigin) -> ObservationRecord {
    ObservationRecord {
        id: r.id.to_string(),
        indicator: r.indicator.to_string(),
        obs: r.observation(),
        stated: r.stated.to_string(),
        denominator: r.denominator.to_string(),
        denominator_value: r.denominator_value,
        report: r.report.to_string(),
        quote: r.quote.to_string(),
        quote_en: r.quote_en.to_string(),
        note: r.note.to_string(),
        note_vi: r.note_vi.to_string(),
        definition: r.definition.unwrap_or_default().to_string(),
        origin,
        fields,
    }
}

fn target_from(r: TargetRow<'_>, fields: Fields, origin: RowOrigin) -> TargetRecord {
    TargetRecord {
        id: r.id.to_string(),
        indicator: r.indicator.to_string(),
        period: r.period,
        comparison: r.comparison,
        value: r.value,
        stated: r.stated.to_string(),
        report: r.report.to_string(),
        quote: r.quote.to_string(),
        quote_en: r.quote_en.to_string(),
        note: r.note.to_string(),
        note_vi: r.note_vi.to_string(),
        origin,
        fields,
    }
}

/// A text given in English (`en`) and Vietnamese (`vi`), in `lang` or else
/// in the other language, with the language it is in; `None` when both
/// are empty.
#[must_use]
pub fn in_lang<'a>(en: &'a str, vi: &'a str, lang: Lang) -> Option<(&'a str, Lang)> {
    let (first, second) = match lang {
        Lang::Vi => ((vi, Lang::Vi), (en, Lang::En)),
        Lang::En => ((en, Lang::En), (vi, Lang::Vi)),
    };
    [first, second]
        .into_iter()
        .find(|(text, _)| !text.trim().is_empty())
}

/// Checks that a built-in row gives its note in both languages or in
/// neither, and an English gloss of its quote when it has one (and none
/// when it has none). Errors are put on `line`, naming the column that is
/// missing.
///
/// # Errors
///
/// The first column that is missing.
fn check_languages(
    line: u32,
    note: (&str, &str),
    quote: Option<(&str, &str)>,
) -> Result<(), RowError> {
    let err = |field, problem| {
        Err(RowError {
            line,
            field,
            problem,
        })
    };
    let filled = |s: &str| !s.trim().is_empty();
    match (filled(note.0), filled(note.1)) {
        (true, false) => return err(Field::NoteVi, RowProblem::NoteInOneLanguage),
        (false, true) => return err(Field::Note, RowProblem::NoteInOneLanguage),
        _ => {}
    }
    match quote.map(|(q, en)| (filled(q), filled(en))) {
        Some((true, false)) => err(Field::QuoteEn, RowProblem::QuoteWithoutGloss),
        Some((false, true)) => err(Field::Quote, RowProblem::Required),
        _ => Ok(()),
    }
}

/// [`check_languages`] for a row of a table.
fn check_record_languages(row: &TableRecord, line: u32) -> Result<(), RowError> {
    match row {
        TableRecord::Indicator(i) => check_languages(line, (&i.note, &i.note_vi), None),
        TableRecord::Observation(o) => {
            check_languages(line, (&o.note, &o.note_vi), Some((&o.quote, &o.quote_en)))
        }
        TableRecord::Target(t) => {
            check_languages(line, (&t.note, &t.note_vi), Some((&t.quote, &t.quote_en)))
        }
    }
}

/// A row of any of the user's tables, parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum TableRecord {
    /// An indicator.
    Indicator(IndicatorRecord),
    /// A figure.
    Observation(ObservationRecord),
    /// A target.
    Target(TargetRecord),
}

impl TableRecord {
    /// The row's id.
    #[must_use]
    pub fn id(&self) -> &str {
        match self {
            TableRecord::Indicator(i) => &i.id,
            TableRecord::Observation(o) => &o.id,
            TableRecord::Target(t) => &t.id,
        }
    }

    /// The row as text.
    #[must_use]
    pub fn fields(&self) -> &Fields {
        match self {
            TableRecord::Indicator(i) => &i.fields,
            TableRecord::Observation(o) => &o.fields,
            TableRecord::Target(t) => &t.fields,
        }
    }
}

/// Every row of a `table` file in `text`, each parsed by the core or with
/// the error that names its line and column.
///
/// # Errors
///
/// The header's error (line 1 or the first non-blank line).
pub fn parse_table(text: &str, table: Table, origin: RowOrigin) -> Result<Vec<ReadRow>, RowError> {
    let header_err = |e: Error| RowError::from_core(e, 1, Field::Id);
    let row_err = |e: Error, line: u32| RowError::from_core(e, line, Field::Id);
    Ok(match table {
        Table::Indicators => rows::<IndicatorRow>(text)
            .map_err(header_err)?
            .into_iter()
            .map(|(line, f, r)| {
                (
                    line,
                    r.map(|r| TableRecord::Indicator(indicator_from(r, f, origin)))
                        .map_err(|e| row_err(e, line)),
                )
            })
            .collect(),
        Table::Observations => rows::<ObservationRow>(text)
            .map_err(header_err)?
            .into_iter()
            .map(|(line, f, r)| {
                (
                    line,
                    r.map(|r| TableRecord::Observation(observation_from(r, f, origin)))
                        .map_err(|e| row_err(e, line)),
                )
            })
            .collect(),
        Table::Targets => rows::<TargetRow>(text)
            .map_err(header_err)?
            .into_iter()
            .map(|(line, f, r)| {
                (
                    line,
                    r.map(|r| TableRecord::Target(target_from(r, f, origin)))
                        .map_err(|e| row_err(e, line)),
                )
            })
            .collect(),
    })
}

/// One row given as fields, read by the core as the same line of a file of
/// `table` would be (on line [`FIELDS_LINE`]).
///
/// # Errors
///
/// The row's error, naming its column.
pub fn parse_fields(
    table: Table,
    fields: &[String],
    origin: RowOrigin,
) -> Result<TableRecord, RowError> {
    let texts: Vec<&str> = fields.iter().map(String::as_str).collect();
    let err = |e: Error| RowError::from_core(e, FIELDS_LINE, Field::Id);
    let record = Record::from_fields(FIELDS_LINE, &texts).map_err(err)?;
    let owned = || fields.to_vec();
    Ok(match table {
        Table::Indicators => TableRecord::Indicator(indicator_from(
            parse_row::<IndicatorRow>(&record).map_err(err)?,
            owned(),
            origin,
        )),
        Table::Observations => TableRecord::Observation(observation_from(
            parse_row::<ObservationRow>(&record).map_err(err)?,
            owned(),
            origin,
        )),
        Table::Targets => TableRecord::Target(target_from(
            parse_row::<TargetRow>(&record).map_err(err)?,
            owned(),
            origin,
        )),
    })
}

/// The user's own rows, as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserData {
    /// Indicators added or edited.
    pub indicators: Vec<Fields>,
    /// Figures added or edited.
    pub observations: Vec<Fields>,
    /// Targets added or edited.
    pub targets: Vec<Fields>,
}

impl UserData {
    /// The rows of `table`.
    #[must_use]
    pub fn rows(&self, table: Table) -> &[Fields] {
        match table {
            Table::Indicators => &self.indicators,
            Table::Observations => &self.observations,
            Table::Targets => &self.targets,
        }
    }

    fn rows_mut(&mut self, table: Table) -> &mut Vec<Fields> {
        match table {
            Table::Indicators => &mut self.indicators,
            Table::Observations => &mut self.observations,
            Table::Targets => &mut self.targets,
        }
    }

    /// The row of `table` with id `id`.
    #[must_use]
    pub fn get(&self, table: Table, id: &str) -> Option<&Fields> {
        self.rows(table)
            .iter()
            .find(|r| r.first().map(String::as_str) == Some(id))
    }

    /// Adds a row, or replaces the row with the same id; returns whether it was new.
    pub fn upsert(&mut self, table: Table, fields: Fields) -> bool {
        let id = fields.first().cloned().unwrap_or_default();
        let rows = self.rows_mut(table);
        match rows
            .iter_mut()
            .find(|r| r.first().map(String::as_str) == Some(id.as_str()))
        {
            Some(row) => {
                *row = fields;
                false
            }
            None => {
                rows.push(fields);
                true
            }
        }
    }

    /// Removes the row with id `id`; returns whether there was one.
    pub fn remove(&mut self, table: Table, id: &str) -> bool {
        let rows = self.rows_mut(table);
        let before = rows.len();
        rows.retain(|r| r.first().map(String::as_str) != Some(id));
        rows.len() != before
    }

    /// The number of rows in all tables.
    #[must_use]
    pub fn len(&self) -> usize {
        self.indicators.len() + self.observations.len() + self.targets.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A user row that could not be used: its table, its id and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// The table.
    pub table: Table,
    /// The row's first field (its id), as stored.
    pub id: String,
    /// What is wrong.
    pub error: RowError,
}

/// Checks a parsed row against the rest of the data: the indicator exists
/// and the value lies in its bounds. Errors are put on `line`.
///
/// # Errors
///
/// The first problem found.
pub fn check_references(data: &Dataset, row: &TableRecord, line: u32) -> Result<(), RowError> {
    let (indicator, value, field) = match row {
        TableRecord::Indicator(_) => return Ok(()),
        TableRecord::Observation(o) => (&o.indicator, o.value(), Field::Value),
        TableRecord::Target(t) => (&t.indicator, t.value, Field::Value),
    };
    let Some(ind) = data.indicator(indicator) else {
        return Err(RowError {
            line,
            field: Field::Indicator,
            problem: RowProblem::UnknownIndicator(indicator.clone()),
        });
    };
    if !ind.bounds.contains(value) {
        return Err(RowError {
            line,
            field,
            problem: RowProblem::OutOfBounds {
                value,
                bounds: ind.bounds,
                unit: ind.unit,
            },
        });
    }
    Ok(())
}

/// The five data files' texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFiles {
    /// `reports.csv`.
    pub reports: &'static str,
    /// `indicators.csv`.
    pub indicators: &'static str,
    /// `observations.csv`.
    pub observations: &'static str,
    /// `targets.csv`.
    pub targets: &'static str,
    /// `claims.csv`.
    pub claims: &'static str,
}

/// The built-in files, embedded at build time.
pub const BUILTIN_FILES: DataFiles = DataFiles {
    reports: REPORTS_CSV,
    indicators: INDICATORS_CSV,
    observations: OBSERVATIONS_CSV,
    targets: TARGETS_CSV,
    claims: CLAIMS_CSV,
};

/// A row of the data files that does not read: the file (`observations.csv`)
/// and the row's error, which names its line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// The file's name.
    pub file: &'static str,
    /// The row's error.
    pub error: RowError,
}

impl Dataset {
    /// The built-in dataset.
    ///
    /// # Errors
    ///
    /// The first row of the embedded files that does not read, which the
    /// data's own tests rule out.
    pub fn builtin() -> Result<Dataset, DataError> {
        Dataset::from_files(BUILTIN_FILES)
    }

    /// The built-in dataset without its claims: what the dashboard needs.
    /// The pages that check or export the claims add them
    /// ([`Dataset::with_builtin_claims`]), so that the app's first download
    /// leaves `claims.csv` out.
    ///
    /// # Errors
    ///
    /// As [`Dataset::builtin`].
    pub fn builtin_figures() -> Result<Dataset, DataError> {
        Dataset::read_figures(BUILTIN_FILES)
    }

    /// A copy with the built-in claims in place of any it has.
    ///
    /// # Errors
    ///
    /// The first claim that does not read, which the data's own tests rule
    /// out.
    pub fn with_builtin_claims(&self) -> Result<Dataset, DataError> {
        let mut data = self.clone();
        data.claims.clear();
        data.claim_fields.clear();
        data.read_claims(CLAIMS_CSV)?;
        Ok(data)
    }

    /// The dataset of `files`, read as the built-in data is: every row must
    /// read, refer to known rows, and give its note in English and
    /// Vietnamese or in neither, and an English gloss of its quote.
    ///
    /// # Errors
    ///
    /// The first row that does not, with its file.
    pub fn from_files(files: DataFiles) -> Result<Dataset, DataError> {
        let mut data = Dataset::read_figures(files)?;
        data.read_claims(files.claims)?;
        Ok(data)
    }

    /// The reports, indicators, figures and targets of `files`, as
    /// [`Dataset::from_files`] reads them.
    fn read_figures(files: DataFiles) -> Result<Dataset, DataError> {
        let mut data = Dataset {
            reports: Vec::new(),
            indicators: Vec::new(),
            observations: Vec::new(),
            targets: Vec::new(),
            claims: Vec::new(),
            report_fields: Vec::new(),
            claim_fields: Vec::new(),
        };
        let in_file = |file: &'static str| move |error| DataError { file, error };
        let header = |e| RowError::from_core(e, 1, Field::Id);
        let reports = in_file("reports.csv");
        for (line, fields, row) in rows::<ReportRow<'static>>(files.reports)
            .map_err(header)
            .map_err(reports)?
        {
            let r = row
                .map_err(|e| RowError::from_core(e, line, Field::Id))
                .map_err(reports)?;
            data.reports.push(ReportRecord {
                id: r.id.to_string(),
                published: r.published,
                as_of: r.as_of,
                title_en: r.title_en.to_string(),
            });
            data.report_fields.push(fields);
        }
        let mut at = data.positions();
        for (text, table, file) in [
            (files.indicators, Table::Indicators, "indicators.csv"),
            (files.observations, Table::Observations, "observations.csv"),
            (files.targets, Table::Targets, "targets.csv"),
        ] {
            let at_file = in_file(file);
            for (line, row) in parse_table(text, table, RowOrigin::BuiltIn).map_err(at_file)? {
                let row = row.map_err(at_file)?;
                check_references(&data, &row, line).map_err(at_file)?;
                check_record_languages(&row, line).map_err(at_file)?;
                data.push(row, &mut at);
            }
        }
        Ok(data)
    }

    /// Adds the claims of `text` (`claims.csv`), as [`Dataset::from_files`]
    /// reads them.
    fn read_claims(&mut self, text: &'static str) -> Result<(), DataError> {
        let claims = |error| DataError {
            file: "claims.csv",
            error,
        };
        let header = |e| RowError::from_core(e, 1, Field::Id);
        for (line, fields, row) in rows::<ClaimRow<'static>>(text)
            .map_err(header)
            .map_err(claims)?
        {
            let row = row
                .map_err(|e| RowError::from_core(e, line, Field::Id))
                .map_err(claims)?;
            let text = |t: Text<'_>| t.to_string();
            check_languages(
                line,
                (&text(row.note), &text(row.note_vi)),
                Some((&text(row.quote), &text(row.quote_en))),
            )
            .map_err(claims)?;
            self.claims.push(row);
            self.claim_fields.push(fields);
        }
        Ok(())
    }

    /// Adds a parsed row, replacing a row with the same id (which makes a
    /// built-in row an edit). `at` gives each table's rows' positions by
    /// id, and is kept up to date, so that adding many rows stays linear.
    fn push(&mut self, row: TableRecord, at: &mut [HashMap<String, usize>; 3]) {
        fn put<T>(
            rows: &mut Vec<T>,
            at: &mut HashMap<String, usize>,
            mut row: T,
            id: impl Fn(&T) -> &str,
            origin: impl Fn(&mut T) -> &mut RowOrigin,
        ) {
            match at.get(id(&row)).and_then(|&i| rows.get_mut(i)) {
                Some(old) => {
                    if *origin(old) != RowOrigin::User && *origin(&mut row) != RowOrigin::BuiltIn {
                        *origin(&mut row) = RowOrigin::Edited;
                    }
                    *old = row;
                }
                None => {
                    at.insert(id(&row).to_string(), rows.len());
                    rows.push(row);
                }
            }
        }
        let [indicators, observations, targets] = at;
        match row {
            TableRecord::Indicator(i) => put(
                &mut self.indicators,
                indicators,
                i,
                |r| &r.id,
                |r| &mut r.origin,
            ),
            TableRecord::Observation(o) => put(
                &mut self.observations,
                observations,
                o,
                |r| &r.id,
                |r| &mut r.origin,
            ),
            TableRecord::Target(t) => {
                put(&mut self.targets, targets, t, |r| &r.id, |r| &mut r.origin);
            }
        }
    }

    /// Each table's rows' positions by id, for [`Dataset::push`].
    fn positions(&self) -> [HashMap<String, usize>; 3] {
        fn of<T>(rows: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (id(r).to_string(), i))
                .collect()
        }
        [
            of(&self.indicators, |r| &r.id),
            of(&self.observations, |r| &r.id),
            of(&self.targets, |r| &r.id),
        ]
    }

    /// The dataset with the user's rows: each read by the core and checked
    /// against the rest; rows that fail are left out and returned.
    #[must_use]
    pub fn with_user(&self, user: &UserData) -> (Dataset, Vec<Rejected>) {
        let mut data = self.clone();
        let mut at = data.positions();
        let mut rejected = Vec::new();
        for table in Table::ALL {
            for fields in user.rows(table) {
                let parsed = parse_fields(table, fields, RowOrigin::User)
                    .and_then(|row| check_references(&data, &row, FIELDS_LINE).map(|()| row));
                match parsed {
                    Ok(row) => data.push(row, &mut at),
                    Err(error) => rejected.push(Rejected {
                        table,
                        id: fields.first().cloned().unwrap_or_default(),
                        error,
                    }),
                }
            }
        }
        (data, rejected)
    }

    /// The indicator with id `id`.
    #[must_use]
    pub fn indicator(&self, id: &str) -> Option<&IndicatorRecord> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The figure with id `id`.
    #[must_use]
    pub fn observation(&self, id: &str) -> Option<&ObservationRecord> {
        self.observations.iter().find(|o| o.id == id)
    }

    /// The target with id `id`.
    #[must_use]
    pub fn target(&self, id: &str) -> Option<&TargetRecord> {
        self.targets.iter().find(|t| t.id == id)
    }

    /// The report with id `id`.
    #[must_use]
    pub fn report(&self, id: &str) -> Option<&ReportRecord> {
        self.reports.iter().find(|r| r.id == id)
    }

    /// The figures of an indicator, in file order.
    pub fn observations_of<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = &'a ObservationRecord> + 'a {
        self.observations.iter().filter(move |o| o.indicator == id)
    }

    /// The figures of an indicator as the core's observations, oldest report
    /// first (by the report's publication; figures whose source is not a
    /// report of the data, such as a user's own, come last in data order),
    /// as the core's series builder expects them.
    #[must_use]
    pub fn observations_by_report(&self, id: &str) -> Vec<Observation> {
        let mut rows: Vec<(Option<Date>, Observation)> = self
            .observations_of(id)
            .map(|o| (self.report(&o.report).map(|r| r.published.start()), o.obs))
            .collect();
        rows.sort_by_key(|(published, _)| (published.is_none(), *published));
        rows.into_iter().map(|(_, o)| o).collect()
    }

    /// The indicators that measure the quantity `id` measures (itself
    /// included), in file order.
    #[must_use]
    pub fn members(&self, id: &str) -> Vec<&IndicatorRecord> {
        let Some(ind) = self.indicator(id) else {
            return Vec::new();
        };
        let quantity = ind.quantity();
        self.indicators
            .iter()
            .filter(|i| i.quantity() == quantity)
            .collect()
    }

    /// Every figure of the quantity `id` measures, as the core's
    /// [`Measured`] (the member's measure, its launch date, the figure's
    /// definition: 0 for the usual one, then 1, 2, … for each other
    /// definition in order of appearance), with its row; oldest report
    /// first, by the report's publication (a stable sort: reports of one
    /// month keep the file's order; figures whose source is not a report
    /// of the data, such as a user's own, come last in data order). Of two
    /// figures for one date of the same status the core keeps the later.
    #[must_use]
    pub fn quantity_figures(&self, id: &str) -> Vec<(Measured, &ObservationRecord)> {
        let members = self.members(id);
        let mut codes: Vec<&str> = Vec::new();
        let mut rows: Vec<(Option<Date>, Measured, &ObservationRecord)> = Vec::new();
        for o in &self.observations {
            let Some(m) = members.iter().find(|i| i.id == o.indicator) else {
                continue;
            };
            let definition = if o.definition.is_empty() {
                0
            } else {
                let code = o.definition.as_str();
                let k = match codes.iter().position(|c| *c == code) {
                    Some(k) => k,
                    None => {
                        codes.push(code);
                        codes.len() - 1
                    }
                };
                u32::try_from(k + 1).unwrap_or(u32::MAX)
            };
            let measured = Measured {
                kind: m.kind,
                observation: o.obs,
                since: m.since,
                definition,
            };
            let published = self.report(&o.report).map(|r| r.published.start());
            rows.push((published, measured, o));
        }
        rows.sort_by_key(|(published, _, _)| (published.is_none(), *published));
        rows.into_iter().map(|(_, m, o)| (m, o)).collect()
    }

    /// The targets of an indicator, in file order.
    pub fn targets_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a TargetRecord> + 'a {
        self.targets.iter().filter(move |t| t.indicator == id)
    }

    /// Whether a row with this id exists in `table`.
    #[must_use]
    pub fn contains(&self, table: Table, id: &str) -> bool {
        match table {
            Table::Indicators => self.indicator(id).is_some(),
            Table::Observations => self.observation(id).is_some(),
            Table::Targets => self.target(id).is_some(),
        }
    }

    /// The rows of `table` as text.
    #[must_use]
    pub fn fields(&self, table: Table) -> Vec<Fields> {
        match table {
            Table::Indicators => self.indicators.iter().map(|r| r.fields.clone()).collect(),
            Table::Observations => self.observations.iter().map(|r| r.fields.clone()).collect(),
            Table::Targets => self.targets.iter().map(|r| r.fields.clone()).collect(),
        }
    }
}

/// The built-in qualifiers, statuses and comparisons a form offers.
pub mod choices {
    use super::{Comparison, MeasureKind, Pillar, Qualifier, Status, Unit};

    /// Statuses of a figure (targets have their own table).
    pub const STATUSES: [Status; 2] = [Status::Observed, Status::Estimate];
    /// Qualifiers.
    pub const QUALIFIERS: [Qualifier; 6] = Qualifier::ALL;
    /// Units.
    pub const UNITS: [Unit; 7] = Unit::ALL;
    /// Measure kinds.
    pub const KINDS: [MeasureKind; 7] = MeasureKind::ALL;
    /// Pillars.
    pub const PILLARS: [Pillar; 6] = Pillar::ALL;
    /// Comparisons.
    pub const COMPARISONS: [Comparison; 4] = Comparison::ALL;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> Dataset {
        Dataset::builtin().expect("the built-in data reads")
    }

    /// Files of one report, one indicator, one figure and one target, each
    /// with its note in both languages and its quote glossed; `edit`
    /// changes one of them.
    fn files(edit: impl Fn(&mut [String; 5])) -> DataFiles {
        let mut f = [
            REPORTS_CSV.lines().take(2).collect::<Vec<_>>().join("\n") + "\n",
            "id,name_vi,name_en,unit,kind,pillar,min,max,since,note,quantity,note_vi\n\
             ndxp_tx,Số giao dịch,Transactions,count,flow,government,0,,,A note.,,Một ghi chú.\n"
                .to_string(),
            "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note,\
             definition,quote_en,note_vi\n\
             r000-a,ndxp_tx,2022-09,observed,exact,58397139,58.397.139,,r000,\
             có 58.397.139 giao dịch,A note.,,\"58,397,139 transactions\",Một ghi chú.\n"
                .to_string(),
            "id,indicator,period,comparison,value,stated,report,quote,note,quote_en,note_vi\n\
             t-a,ndxp_tx,2023,>,860000000,860 triệu,r000,lớn hơn 860 triệu,,greater than 860 million,\n"
                .to_string(),
            "id,report,origin,kind,period,stated,value,qualifier,inputs,expected,quote,note,\
             quote_en,note_vi\n\
             c-a,r000,report,daily_average,,,,,o:r000-a,agree,,A note.,,Một ghi chú.\n"
                .to_string(),
        ];
        edit(&mut f);
        // The files are read as the built-in ones are, borrowed for the
        // test's whole run.
        let [reports, indicators, observations, targets, claims] =
            f.map(|t| &*Box::leak(t.into_boxed_str()));
        DataFiles {
            reports,
            indicators,
            observations,
            targets,
            claims,
        }
    }

    fn failure(files: DataFiles) -> (&'static str, u32, Field, RowProblem) {
        let e = Dataset::from_files(files).expect_err("a row without its other language");
        (e.file, e.error.line, e.error.field, e.error.problem)
    }

    #[test]
    fn rows_with_both_languages_read() {
        let d = Dataset::from_files(files(|_| {})).unwrap();
        let (i, o) = (&d.indicators[0], &d.observations[0]);
        assert_eq!(i.note_in(Lang::Vi), Some(("Một ghi chú.", Lang::Vi)));
        assert_eq!(i.note_in(Lang::En), Some(("A note.", Lang::En)));
        assert_eq!(o.quote_en, "58,397,139 transactions");
        assert_eq!(d.targets[0].note_in(Lang::En), None);
        assert_eq!(d.targets[0].quote_en, "greater than 860 million");
        assert_eq!(d.claims[0].note_vi.to_string(), "Một ghi chú.");
    }

    #[test]
    fn a_note_in_one_language_is_refused_with_its_file_line_and_column() {
        let no_vi = files(|f| f[1] = f[1].replace(",Một ghi chú.", ","));
        assert_eq!(
            failure(no_vi),
            (
                "indicators.csv",
                2,
                Field::NoteVi,
                RowProblem::NoteInOneLanguage
            )
        );
        let no_en = files(|f| f[2] = f[2].replace("A note.", ""));
        assert_eq!(
            failure(no_en),
            (
                "observations.csv",
                2,
                Field::Note,
                RowProblem::NoteInOneLanguage
            )
        );
        let target = files(|f| f[3] = f[3].replace(",,greater", ",Strict.,greater"));
        assert_eq!(
            failure(target),
            (
                "targets.csv",
                2,
                Field::NoteVi,
                RowProblem::NoteInOneLanguage
            )
        );
        let claim = files(|f| f[4] = f[4].replace(",Một ghi chú.", ","));
        assert_eq!(
            failure(claim),
            (
                "claims.csv",
                2,
                Field::NoteVi,
                RowProblem::NoteInOneLanguage
            )
        );
    }

    #[test]
    fn a_quote_without_a_gloss_is_refused_with_its_file_line_and_column() {
        let figure = files(|f| f[2] = f[2].replace("\"58,397,139 transactions\"", ""));
        assert_eq!(
            failure(figure),
            (
                "observations.csv",
                2,
                Field::QuoteEn,
                RowProblem::QuoteWithoutGloss
            )
        );
        let target = files(|f| f[3] = f[3].replace("greater than 860 million", ""));
        assert_eq!(
            failure(target),
            (
                "targets.csv",
                2,
                Field::QuoteEn,
                RowProblem::QuoteWithoutGloss
            )
        );
        let claim = files(|f| f[4] = f[4].replace("agree,,", "agree,một câu,"));
        assert_eq!(
            failure(claim),
            (
                "claims.csv",
                2,
                Field::QuoteEn,
                RowProblem::QuoteWithoutGloss
            )
        );
        // A gloss of no quote is as wrong.
        let stray = files(|f| f[4] = f[4].replace("A note.,,", "A note.,a sentence,"));
        assert_eq!(
            failure(stray),
            ("claims.csv", 2, Field::Quote, RowProblem::Required)
        );
    }

    /// A user's row written before the columns existed reads, and its
    /// note is shown in the language of its column, whatever the page's.
    #[test]
    fn a_users_row_without_the_other_language_shows_what_it_has() {
        let old: Vec<String> = [
            "u-1",
            "ndxp_tx",
            "2024",
            "observed",
            "exact",
            "1",
            "1",
            "",
            "me",
            "một câu",
            "A remark.",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        let Ok(TableRecord::Observation(o)) =
            parse_fields(Table::Observations, &old, RowOrigin::User)
        else {
            panic!("an old row reads");
        };
        assert_eq!((o.quote_en.as_str(), o.note_vi.as_str()), ("", ""));
        assert_eq!(o.note_in(Lang::Vi), Some(("A remark.", Lang::En)));
        assert_eq!(
            in_lang("", "Ghi chú.", Lang::En),
            Some(("Ghi chú.", Lang::Vi))
        );
        assert_eq!(in_lang(" ", "", Lang::En), None);
        let (d, rejected) = builtin().with_user(&UserData {
            observations: vec![old],
            ..UserData::default()
        });
        assert!(rejected.is_empty());
        assert_eq!(
            d.observation("u-1").map(|o| o.note.as_str()),
            Some("A remark.")
        );
    }

    /// The shipped files pass: as many notes in Vietnamese as in English
    /// (18 indicators, 29 figures, 6 targets and every one of the 77
    /// claims have one), and a gloss of every quote.
    #[test]
    fn the_figures_without_claims_and_the_claims_added_make_the_built_in_data() {
        let whole = builtin();
        let figures = Dataset::builtin_figures().unwrap();
        assert!(figures.claims.is_empty() && figures.claim_fields.is_empty());
        assert_eq!(figures.indicators, whole.indicators);
        assert_eq!(figures.observations, whole.observations);
        assert_eq!(figures.targets, whole.targets);
        // claims.csv's 77 rows come back, once, however often they are added.
        let added = figures.with_builtin_claims().unwrap();
        assert_eq!(added, whole);
        assert_eq!(added.with_builtin_claims().unwrap().claims.len(), 77);
    }

    #[test]
    fn the_shipped_data_has_every_note_in_both_languages_and_every_quote_glossed() {
        let d = builtin();
        let both = |en: &str, vi: &str| !en.is_empty() && !vi.is_empty();
        assert_eq!(
            d.indicators
                .iter()
                .filter(|i| both(&i.note, &i.note_vi))
                .count(),
            18
        );
        assert_eq!(
            d.observations
                .iter()
                .filter(|o| both(&o.note, &o.note_vi))
                .count(),
            29
        );
        assert_eq!(
            d.targets
                .iter()
                .filter(|t| both(&t.note, &t.note_vi))
                .count(),
            6
        );
        assert_eq!(d.claims.len(), 77);
        assert!(d
            .claims
            .iter()
            .all(|c| both(&c.note.to_string(), &c.note_vi.to_string())));
        assert!(d
            .observations
            .iter()
            .all(|o| o.quote.is_empty() || !o.quote_en.is_empty()));
        assert!(d.targets.iter().all(|t| !t.quote_en.is_empty()));
    }

    #[test]
    fn the_builtin_files_read_through_the_core() {
        let d = builtin();
        assert_eq!(d.reports.len(), 5);
        assert_eq!(d.indicators.len(), INDICATORS_CSV.lines().count() - 1);
        assert_eq!(d.observations.len(), OBSERVATIONS_CSV.lines().count() - 1);
        assert_eq!(d.targets.len(), TARGETS_CSV.lines().count() - 1);
        assert_eq!(d.claims.len(), CLAIMS_CSV.lines().count() - 1);
        let o = d.observation("r000-ndxp-daily-ytd").unwrap();
        assert_eq!(o.value(), 1.6e6);
        assert_eq!(o.stated, "1,6 triệu");
        assert_eq!(o.fields.len(), Table::Observations.columns().len());
        assert_eq!(o.fields[6], "1,6 triệu");
        assert!(o.quote.contains("khoảng 1,6 triệu"));
        assert_eq!(
            d.indicator("ndxp_tx").unwrap().name_en,
            "Transactions through NDXP in a period"
        );
        assert_eq!(d.observations_of("ndxp_tx").count(), 5);
        assert_eq!(d.targets_of("ndxp_tx").count(), 3);
        assert!(d.indicators.iter().all(|i| i.origin == RowOrigin::BuiltIn));
    }

    #[test]
    fn a_table_is_guessed_from_its_header() {
        assert_eq!(Table::guess(OBSERVATIONS_CSV), Table::Observations);
        assert_eq!(Table::guess(INDICATORS_CSV), Table::Indicators);
        assert_eq!(Table::guess(TARGETS_CSV), Table::Targets);
        // A swapped column still points at its table; the core then names it.
        assert_eq!(
            Table::guess("\u{feff}id,indicator,status,period,qualifier,value\n"),
            Table::Observations
        );
        assert_eq!(Table::guess("id,name_vi,name_en\n"), Table::Indicators);
        assert_eq!(Table::guess(""), Table::Observations);
    }

    fn obs_fields(id: &str, indicator: &str, value: &str, stated: &str) -> Fields {
        [
            id,
            indicator,
            "2024-04-30",
            "observed",
            "exact",
            value,
            stated,
            "",
            "user",
            "q, \"x\"",
            "",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect()
    }

    #[test]
    fn user_rows_are_read_by_the_core_and_merged() {
        let base = builtin();
        let mut user = UserData::default();
        assert!(user.upsert(
            Table::Observations,
            obs_fields("u1", "ndxp_tx", "900000000", "900 triệu")
        ));
        // An edit of a built-in row.
        let mut edit = base.observation("r004-ndxp-2021").unwrap().fields.clone();
        edit[5] = "190000000".into();
        edit[6] = "190 triệu".into();
        assert!(user.upsert(Table::Observations, edit));
        // Bad rows: unknown indicator, out of bounds, a parse error.
        user.upsert(Table::Observations, obs_fields("u2", "nope", "1", "1"));
        user.upsert(
            Table::Observations,
            obs_fields("u3", "dvctt_level4_share", "101", "101%"),
        );
        user.upsert(Table::Observations, obs_fields("u4", "ndxp_tx", "1", "2"));
        let (data, rejected) = base.with_user(&user);
        assert_eq!(data.observations.len(), base.observations.len() + 1);
        let u1 = data.observation("u1").unwrap();
        assert_eq!(
            (u1.origin, u1.value(), u1.quote.as_str()),
            (RowOrigin::User, 9e8, "q, \"x\"")
        );
        let e = data.observation("r004-ndxp-2021").unwrap();
        assert_eq!((e.origin, e.value()), (RowOrigin::Edited, 1.9e8));
        let problems: Vec<(&str, Field)> = rejected
            .iter()
            .map(|r| (r.id.as_str(), r.error.field))
            .collect();
        assert_eq!(
            problems,
            [
                ("u2", Field::Indicator),
                ("u3", Field::Value),
                ("u4", Field::Stated)
            ]
        );
        assert!(
            matches!(rejected[0].error.problem, RowProblem::UnknownIndicator(ref i) if i == "nope")
        );
        // Upsert replaces by id; remove deletes.
        assert!(!user.upsert(Table::Observations, obs_fields("u1", "ndxp_tx", "1", "1")));
        assert_eq!(user.get(Table::Observations, "u1").unwrap()[5], "1");
        assert!(user.remove(Table::Observations, "u1"));
        assert!(!user.remove(Table::Observations, "u1"));
    }

    #[test]
    fn user_indicators_come_before_their_figures() {
        let base = builtin();
        let mut user = UserData::default();
        user.upsert(
            Table::Observations,
            obs_fields("u1", "my_share", "40", "40%"),
        );
        user.upsert(
            Table::Indicators,
            [
                "my_share",
                "Tỷ lệ của tôi",
                "My share",
                "percent",
                "share",
                "society",
                "0",
                "100",
                "",
                "",
            ]
            .iter()
            .map(|s| (*s).to_string())
            .collect(),
        );
        let (data, rejected) = base.with_user(&user);
        assert!(rejected.is_empty(), "{rejected:?}");
        assert_eq!(data.indicator("my_share").unwrap().origin, RowOrigin::User);
        assert_eq!(data.observations_of("my_share").count(), 1);
    }

    #[test]
    fn parse_fields_names_the_column() {
        let mut f = obs_fields("u1", "ndxp_tx", "1", "1");
        f[2] = "2024-02-30".into();
        let e = parse_fields(Table::Observations, &f, RowOrigin::User).unwrap_err();
        assert_eq!((e.line, e.field), (2, Field::Period));
        assert_eq!(e.problem, RowProblem::Expected(Expected::ExistingDate));
        // A row with a field too few names the missing column.
        let e = parse_fields(Table::Observations, &f[..10], RowOrigin::User).unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            (Field::Note, RowProblem::Expected(Expected::FieldCount))
        );
    }
}
