//! The forms for adding or editing a figure or an indicator: what they hold,
//! and turning them into a row the core reads, with errors that name the
//! field.

use dxcast_core::number::{parse, parse_vi};
use dxcast_core::Field;

use crate::dataset::{
    check_references, parse_fields, Dataset, Fields, RowError, RowOrigin, RowProblem, Table,
    TableRecord, FIELDS_LINE,
};
use crate::lang::Lang;
use crate::whatif::input_number;

/// A field of a form: the column of its table it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    /// `id`.
    Id,
    /// `note`, in English.
    Note,
    /// `note_vi`, the note in Vietnamese.
    NoteVi,
    /// `quote_en`, the quote's English gloss.
    QuoteEn,
    /// `indicator`.
    Indicator,
    /// `period`.
    Period,
    /// A figure's `status`.
    Status,
    /// A figure's `qualifier`.
    Qualifier,
    /// A figure as the report writes it: its `stated` column, from which
    /// the `value` column is read.
    Stated,
    /// A figure's `denominator`.
    Denominator,
    /// `report`.
    Report,
    /// `quote`.
    Quote,
    /// A target's `comparison`.
    Comparison,
    /// A target's value.
    Value,
    /// An indicator's `name_vi`.
    NameVi,
    /// An indicator's `name_en`.
    NameEn,
    /// An indicator's `unit`.
    Unit,
    /// An indicator's `kind`.
    Kind,
    /// An indicator's `pillar`.
    Pillar,
    /// An indicator's `min`.
    Min,
    /// An indicator's `max`.
    Max,
    /// An indicator's `since`.
    Since,
    /// An indicator's `quantity`: the thing it measures, shared with the
    /// indicators that measure it another way.
    Quantity,
    /// A figure's `definition`, when it is not the indicator's usual one.
    Definition,
}

impl FormField {
    /// The form field that fills column `field` of `table` (the value of a
    /// figure is read from its stated text, so its errors go there).
    #[must_use]
    pub fn of(table: Table, field: Field) -> Option<FormField> {
        Some(match (table, field) {
            (_, Field::Id) => FormField::Id,
            (_, Field::Note) => FormField::Note,
            (_, Field::NoteVi) => FormField::NoteVi,
            (Table::Observations, Field::QuoteEn) => FormField::QuoteEn,
            (Table::Observations | Table::Targets, Field::Indicator) => FormField::Indicator,
            (Table::Observations | Table::Targets, Field::Period) => FormField::Period,
            (Table::Observations, Field::Status) => FormField::Status,
            (Table::Observations, Field::Qualifier) => FormField::Qualifier,
            (Table::Observations, Field::Value | Field::Stated) => FormField::Stated,
            (Table::Observations, Field::Denominator) => FormField::Denominator,
            (Table::Observations | Table::Targets, Field::Report) => FormField::Report,
            (Table::Observations | Table::Targets, Field::Quote | Field::QuoteEn) => {
                FormField::Quote
            }
            (Table::Targets, Field::Comparison) => FormField::Comparison,
            (Table::Targets, Field::Value | Field::Stated) => FormField::Value,
            (Table::Indicators, Field::NameVi) => FormField::NameVi,
            (Table::Indicators, Field::NameEn) => FormField::NameEn,
            (Table::Indicators, Field::Unit) => FormField::Unit,
            (Table::Indicators, Field::Kind) => FormField::Kind,
            (Table::Indicators, Field::Pillar) => FormField::Pillar,
            (Table::Indicators, Field::Min) => FormField::Min,
            (Table::Indicators, Field::Max) => FormField::Max,
            (Table::Indicators, Field::Since) => FormField::Since,
            (Table::Indicators, Field::Quantity) => FormField::Quantity,
            (Table::Observations, Field::Definition) => FormField::Definition,
            _ => return None,
        })
    }
}

/// The line the form's row is on when it is read as a one-row file.
const FORM_LINE: u32 = FIELDS_LINE;

fn required(field: Field) -> RowError {
    RowError {
        line: FORM_LINE,
        field,
        problem: RowProblem::Required,
    }
}

/// Checks id uniqueness: a new row may not reuse an id; an edit keeps its own.
fn check_id(data: &Dataset, table: Table, id: &str, editing: Option<&str>) -> Result<(), RowError> {
    if editing != Some(id) && data.contains(table, id) {
        return Err(RowError {
            line: FORM_LINE,
            field: Field::Id,
            problem: RowProblem::DuplicateId(id.to_string()),
        });
    }
    Ok(())
}

/// The figure form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservationForm {
    /// `id`.
    pub id: String,
    /// `indicator`.
    pub indicator: String,
    /// `period`.
    pub period: String,
    /// `status` code.
    pub status: String,
    /// `qualifier` code.
    pub qualifier: String,
    /// `stated`, the figure as written; the value is read from it.
    pub stated: String,
    /// `denominator`.
    pub denominator: String,
    /// `report`.
    pub report: String,
    /// `quote`.
    pub quote: String,
    /// `note`.
    pub note: String,
    /// `definition`: empty for the indicator's usual one.
    pub definition: String,
    /// `quote_en`: the quote's English gloss.
    pub quote_en: String,
    /// `note_vi`: the note in Vietnamese (`note` is in English).
    pub note_vi: String,
}

impl ObservationForm {
    /// An empty form for a new figure of `indicator`.
    #[must_use]
    pub fn new(indicator: &str) -> ObservationForm {
        ObservationForm {
            indicator: indicator.to_string(),
            status: "observed".into(),
            qualifier: "exact".into(),
            report: "user".into(),
            ..ObservationForm::default()
        }
    }

    /// The form holding an existing row.
    #[must_use]
    pub fn from_fields(f: &[String]) -> ObservationForm {
        let g = |i: usize| f.get(i).cloned().unwrap_or_default();
        ObservationForm {
            id: g(0),
            indicator: g(1),
            period: g(2),
            status: g(3),
            qualifier: g(4),
            stated: g(6),
            denominator: g(7),
            report: g(8),
            quote: g(9),
            note: g(10),
            definition: g(11),
            quote_en: g(12),
            note_vi: g(13),
        }
    }

    /// The row the form describes: the value is read from the stated figure
    /// with the core's `parse_vi` (a decrease cannot be entered here).
    ///
    /// # Errors
    ///
    /// Every empty required field, or else the first error the core or the
    /// reference checks find, each naming its column.
    pub fn validate(&self, data: &Dataset, editing: Option<&str>) -> Result<Fields, Vec<RowError>> {
        let mut missing = Vec::new();
        for (value, field) in [
            (&self.id, Field::Id),
            (&self.indicator, Field::Indicator),
            (&self.period, Field::Period),
            (&self.status, Field::Status),
            (&self.qualifier, Field::Qualifier),
            (&self.report, Field::Report),
        ] {
            if value.trim().is_empty() {
                missing.push(required(field));
            }
        }
        if self.stated.trim().is_empty() {
            missing.push(RowError {
                line: FORM_LINE,
                field: Field::Stated,
                problem: RowProblem::NeedsStated,
            });
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let value = parse_vi(&self.stated)
            .map_err(|e| vec![RowError::from_core(e, FORM_LINE, Field::Stated)])?
            .value;
        let fields: Fields = [
            self.id.trim(),
            self.indicator.trim(),
            self.period.trim(),
            self.status.trim(),
            self.qualifier.trim(),
            &value.to_string(),
            self.stated.trim(),
            self.denominator.trim(),
            self.report.trim(),
            self.quote.trim(),
            self.note.trim(),
            self.definition.trim(),
            self.quote_en.trim(),
            self.note_vi.trim(),
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let row =
            parse_fields(Table::Observations, &fields, RowOrigin::User).map_err(|e| vec![e])?;
        check_references(data, &row, FORM_LINE).map_err(|e| vec![e])?;
        check_id(data, Table::Observations, row.id(), editing).map_err(|e| vec![e])?;
        Ok(fields)
    }
}

/// The target form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetForm {
    /// `id`.
    pub id: String,
    /// `indicator`.
    pub indicator: String,
    /// `period`: its last day is the deadline.
    pub period: String,
    /// `comparison` code (`>=`, `>`, `<=`, `<`).
    pub comparison: String,
    /// `stated`, the target as written; the value is read from it.
    pub stated: String,
    /// `report`.
    pub report: String,
    /// `quote`.
    pub quote: String,
    /// `note`.
    pub note: String,
}

impl TargetForm {
    /// The row the form describes: the value is read from the stated
    /// target with the core's `parse_vi`.
    ///
    /// # Errors
    ///
    /// Every empty required field, or else the first error the core or the
    /// reference checks find, each naming its column.
    pub fn validate(&self, data: &Dataset, editing: Option<&str>) -> Result<Fields, Vec<RowError>> {
        let mut missing = Vec::new();
        for (value, field) in [
            (&self.id, Field::Id),
            (&self.indicator, Field::Indicator),
            (&self.period, Field::Period),
            (&self.comparison, Field::Comparison),
            (&self.report, Field::Report),
        ] {
            if value.trim().is_empty() {
                missing.push(required(field));
            }
        }
        if self.stated.trim().is_empty() {
            missing.push(RowError {
                line: FORM_LINE,
                field: Field::Stated,
                problem: RowProblem::NeedsStated,
            });
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let value = parse_vi(&self.stated)
            .map_err(|e| vec![RowError::from_core(e, FORM_LINE, Field::Stated)])?
            .value;
        let fields: Fields = [
            self.id.trim(),
            self.indicator.trim(),
            self.period.trim(),
            self.comparison.trim(),
            &value.to_string(),
            self.stated.trim(),
            self.report.trim(),
            self.quote.trim(),
            self.note.trim(),
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let row = parse_fields(Table::Targets, &fields, RowOrigin::User).map_err(|e| vec![e])?;
        check_references(data, &row, FORM_LINE).map_err(|e| vec![e])?;
        check_id(data, Table::Targets, row.id(), editing).map_err(|e| vec![e])?;
        Ok(fields)
    }
}

/// The indicator form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorForm {
    /// `id`.
    pub id: String,
    /// `name_vi`.
    pub name_vi: String,
    /// `name_en`.
    pub name_en: String,
    /// `unit` code.
    pub unit: String,
    /// `kind` code.
    pub kind: String,
    /// `pillar` code.
    pub pillar: String,
    /// `min`.
    pub min: String,
    /// `max`.
    pub max: String,
    /// `since`.
    pub since: String,
    /// `note`.
    pub note: String,
    /// `quantity`: empty when the indicator is its own.
    pub quantity: String,
    /// `note_vi`: the note in Vietnamese (`note` is in English).
    pub note_vi: String,
}

impl IndicatorForm {
    /// The form with its date (`since`) and its bounds (`min`, `max`)
    /// written in `lang`'s forms, as its fields show them: the date as
    /// [`Lang::date_text`] writes it, the numbers with the language's decimal
    /// mark ([`input_number`]: "99,5" or "99.5"). `from` is the form they are
    /// in (`None`: as the rows hold them, ISO dates and decimal points, which
    /// is also the English form). A field that does not read stays as typed.
    #[must_use]
    pub fn fields_in(self, from: Option<Lang>, lang: Lang) -> IndicatorForm {
        let from = from.unwrap_or(Lang::En);
        let since = lang.date_text_from(from, &self.since);
        let number = |text: &str| match parse(text.trim(), from.locale()) {
            Ok(v) if from != lang && !text.trim().is_empty() => input_number(v, lang),
            _ => text.to_string(),
        };
        IndicatorForm {
            since,
            min: number(&self.min),
            max: number(&self.max),
            ..self
        }
    }

    /// The form with its date and bounds, typed in `lang`'s forms, as the
    /// rows hold them (ISO, decimal point).
    ///
    /// # Errors
    ///
    /// A date or a number that does not read, naming the field.
    pub fn fields_read(&self, lang: Lang) -> Result<IndicatorForm, RowError> {
        let since = if self.since.trim().is_empty() {
            String::new()
        } else {
            lang.read_date(&self.since)
                .map_err(|p| RowError {
                    line: FORM_LINE,
                    field: Field::Since,
                    problem: RowProblem::Date(p),
                })?
                .to_string()
        };
        let number = |text: &str, field: Field| -> Result<String, RowError> {
            if text.trim().is_empty() {
                return Ok(String::new());
            }
            parse(text.trim(), lang.locale())
                .map(|v| input_number(v, Lang::En))
                .map_err(|e| RowError::from_core(e, FORM_LINE, field))
        };
        Ok(IndicatorForm {
            since,
            min: number(&self.min, Field::Min)?,
            max: number(&self.max, Field::Max)?,
            ..self.clone()
        })
    }

    /// The form holding an existing row.
    #[must_use]
    pub fn from_fields(f: &[String]) -> IndicatorForm {
        let g = |i: usize| f.get(i).cloned().unwrap_or_default();
        IndicatorForm {
            id: g(0),
            name_vi: g(1),
            name_en: g(2),
            unit: g(3),
            kind: g(4),
            pillar: g(5),
            min: g(6),
            max: g(7),
            since: g(8),
            note: g(9),
            quantity: g(10),
            note_vi: g(11),
        }
    }

    /// The row the form describes. An edit must keep the indicator's figures
    /// and targets within its new bounds.
    ///
    /// # Errors
    ///
    /// Every empty required field, or else the first error found, naming
    /// its column.
    pub fn validate(&self, data: &Dataset, editing: Option<&str>) -> Result<Fields, Vec<RowError>> {
        let mut missing = Vec::new();
        for (value, field) in [
            (&self.id, Field::Id),
            (&self.name_vi, Field::NameVi),
            (&self.name_en, Field::NameEn),
            (&self.unit, Field::Unit),
            (&self.kind, Field::Kind),
            (&self.pillar, Field::Pillar),
        ] {
            if value.trim().is_empty() {
                missing.push(required(field));
            }
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let fields: Fields = [
            &self.id,
            &self.name_vi,
            &self.name_en,
            &self.unit,
            &self.kind,
            &self.pillar,
            &self.min,
            &self.max,
            &self.since,
            &self.note,
            &self.quantity,
            &self.note_vi,
        ]
        .iter()
        .map(|s| s.trim().to_string())
        .collect();
        let row = parse_fields(Table::Indicators, &fields, RowOrigin::User).map_err(|e| vec![e])?;
        check_id(data, Table::Indicators, row.id(), editing).map_err(|e| vec![e])?;
        if let TableRecord::Indicator(ind) = &row {
            let values = data
                .observations_of(&ind.id)
                .map(|o| o.value())
                .chain(data.targets_of(&ind.id).map(|t| t.value));
            for v in values {
                if !ind.bounds.contains(v) {
                    let field = if ind.bounds.min.is_some_and(|lo| v < lo) {
                        Field::Min
                    } else {
                        Field::Max
                    };
                    return Err(vec![RowError {
                        line: FORM_LINE,
                        field,
                        problem: RowProblem::OutOfBounds {
                            value: v,
                            bounds: ind.bounds,
                            unit: ind.unit,
                        },
                    }]);
                }
            }
        }
        Ok(fields)
    }
}

/// Whether an indicator may be deleted: it has no figures or targets left
/// once it is gone (a built-in indicator's edit can always be undone).
///
/// # Errors
///
/// [`RowProblem::InUse`] with the number of rows that refer to it.
pub fn can_delete_indicator(data: &Dataset, id: &str) -> Result<(), RowError> {
    let Some(ind) = data.indicator(id) else {
        return Ok(());
    };
    if ind.origin == RowOrigin::Edited {
        return Ok(());
    }
    let n = data.observations_of(id).count() + data.targets_of(id).count();
    if n == 0 {
        Ok(())
    } else {
        Err(RowError {
            line: FORM_LINE,
            field: Field::Id,
            problem: RowProblem::InUse(n),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::UserData;
    use crate::lang::DateProblem;
    use dxcast_core::Expected;

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn filled() -> ObservationForm {
        ObservationForm {
            id: "u-ndxp-2024".into(),
            period: "2024".into(),
            stated: "2,8 triệu".into(),
            qualifier: "about".into(),
            quote: "khoảng 2,8 triệu, mỗi ngày".into(),
            ..ObservationForm::new("ndxp_tx_daily")
        }
    }

    #[test]
    fn a_target_is_read_from_its_stated_text() {
        let d = data();
        let form = TargetForm {
            id: "u-ndxp-2026".into(),
            indicator: "ndxp_tx".into(),
            period: "2026".into(),
            comparison: ">".into(),
            stated: "1 tỷ".into(),
            report: "mine".into(),
            quote: "lớn hơn 1 tỷ giao dịch".into(),
            note: String::new(),
        };
        let f = form.validate(&d, None).unwrap();
        assert_eq!(f[4], "1000000000");
        let mut user = UserData::default();
        user.upsert(Table::Targets, f);
        let (with, rejected) = d.with_user(&user);
        assert!(rejected.is_empty());
        let t = with.target("u-ndxp-2026").unwrap().target().unwrap();
        assert_eq!(
            t.deadline,
            dxcast_core::Date::from_ymd(2026, 12, 31).unwrap()
        );
        // A built-in id is taken; a comparison must be one of the four.
        let taken = TargetForm {
            id: "t-r001-ndxp-2025".into(),
            ..form.clone()
        };
        assert!(matches!(
            taken.validate(&d, None).unwrap_err()[0].problem,
            RowProblem::DuplicateId(_)
        ));
        let bad = TargetForm {
            comparison: "==".into(),
            ..form
        };
        assert_eq!(
            bad.validate(&d, None).unwrap_err()[0].field,
            Field::Comparison
        );
    }

    #[test]
    fn every_column_has_a_form_field() {
        for table in Table::ALL {
            for &column in table.columns() {
                assert!(FormField::of(table, column).is_some(), "{table:?} {column}");
            }
        }
        assert_eq!(
            FormField::of(Table::Observations, Field::Value),
            Some(FormField::Stated)
        );
        assert_eq!(FormField::of(Table::Indicators, Field::Comparison), None);
    }

    #[test]
    fn a_figure_is_read_from_its_stated_text() {
        let d = data();
        let f = filled().validate(&d, None).unwrap();
        assert_eq!(f[5], "2800000");
        assert_eq!(f[6], "2,8 triệu");
        let mut user = UserData::default();
        user.upsert(Table::Observations, f);
        let (merged, rejected) = d.with_user(&user);
        assert!(rejected.is_empty());
        assert_eq!(merged.observation("u-ndxp-2024").unwrap().value(), 2.8e6);
        // Round trip through the form.
        let back = ObservationForm::from_fields(&merged.observation("u-ndxp-2024").unwrap().fields);
        assert_eq!(back, filled());
    }

    #[test]
    fn errors_name_the_field() {
        let d = data();
        let empty = ObservationForm::new("");
        let errs = empty.validate(&d, None).unwrap_err();
        let fields: Vec<Field> = errs.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [Field::Id, Field::Indicator, Field::Period, Field::Stated]
        );
        let field = |f: ObservationForm| f.validate(&d, None).unwrap_err()[0].field;
        assert_eq!(
            field(ObservationForm {
                stated: "2,8 trieu".into(),
                ..filled()
            }),
            Field::Stated
        );
        assert_eq!(
            field(ObservationForm {
                period: "2024-13".into(),
                ..filled()
            }),
            Field::Period
        );
        assert_eq!(
            field(ObservationForm {
                id: "a b".into(),
                ..filled()
            }),
            Field::Id
        );
        assert_eq!(
            field(ObservationForm {
                indicator: "nope".into(),
                ..filled()
            }),
            Field::Indicator
        );
        assert_eq!(
            field(ObservationForm {
                indicator: "dvctt_level4_share".into(),
                stated: "120%".into(),
                ..filled()
            }),
            Field::Value
        );
        let dup = ObservationForm {
            id: "r004-ndxp-2021".into(),
            ..filled()
        };
        assert_eq!(
            dup.validate(&d, None).unwrap_err()[0].problem,
            RowProblem::DuplicateId("r004-ndxp-2021".into())
        );
        // Editing a row keeps its id.
        assert!(dup.validate(&d, Some("r004-ndxp-2021")).is_ok());
    }

    #[test]
    fn an_indicator_form_checks_its_bounds_against_its_figures() {
        let d = data();
        let mut f = IndicatorForm::from_fields(&d.indicator("dvctt_level4_share").unwrap().fields);
        assert!(f.validate(&d, Some("dvctt_level4_share")).is_ok());
        f.max = "90".into();
        let e = f.validate(&d, Some("dvctt_level4_share")).unwrap_err();
        assert_eq!(e[0].field, Field::Max);
        f.max = "50".into();
        f.min = "60".into();
        assert_eq!(
            f.validate(&d, Some("dvctt_level4_share")).unwrap_err()[0].field,
            Field::Max
        );
        let new = IndicatorForm {
            id: "my_ind".into(),
            name_vi: "Tên".into(),
            name_en: "Name".into(),
            unit: "count".into(),
            kind: "stock".into(),
            pillar: "economy".into(),
            min: "0".into(),
            ..IndicatorForm::default()
        };
        assert!(new.validate(&d, None).is_ok());
        let fields: Vec<Field> = IndicatorForm::default()
            .validate(&d, None)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                Field::Id,
                Field::NameVi,
                Field::NameEn,
                Field::Unit,
                Field::Kind,
                Field::Pillar
            ]
        );
        assert!(can_delete_indicator(&d, "ndxp_tx").is_err());
        assert!(can_delete_indicator(&d, "unknown").is_ok());
    }

    /// The indicator's date is typed in the language's form and kept in ISO.
    #[test]
    fn the_indicator_date_is_typed_in_the_language_and_kept_in_iso() {
        let d = data();
        let stored = IndicatorForm {
            id: "my_total".into(),
            name_vi: "Tên".into(),
            name_en: "Name".into(),
            unit: "count".into(),
            kind: "cumulative".into(),
            pillar: "economy".into(),
            since: "2022-03-05".into(),
            ..IndicatorForm::default()
        };
        let vi = stored.clone().fields_in(None, Lang::Vi);
        assert_eq!(vi.since, "5/3/2022");
        assert_eq!(
            vi.clone().fields_in(Some(Lang::Vi), Lang::En).since,
            "2022-03-05"
        );
        let read = vi.fields_read(Lang::Vi).unwrap();
        assert_eq!(read, stored);
        assert_eq!(read.validate(&d, None).unwrap()[8], "2022-03-05");
        let bad = |text: &str, lang: Lang| {
            let f = IndicatorForm {
                since: text.into(),
                ..stored.clone()
            };
            f.fields_read(lang).map_err(|e| (e.field, e.problem))
        };
        assert_eq!(
            bad("5/3/2022", Lang::En),
            Err((Field::Since, RowProblem::Date(DateProblem::Form)))
        );
        assert_eq!(
            bad("30/2/2022", Lang::Vi),
            Err((Field::Since, RowProblem::Date(DateProblem::NoSuchDay)))
        );
        assert_eq!(bad(" ", Lang::Vi).unwrap().since, "");
    }

    /// The bounds are typed with the language's decimal mark and grouping,
    /// and kept with a decimal point: "99,5" and "1.000" on a Vietnamese
    /// page are 99.5 and 1000, as the reports write them.
    #[test]
    fn the_indicator_bounds_are_typed_in_the_language() {
        let d = data();
        let stored = IndicatorForm {
            id: "my_share".into(),
            name_vi: "Tỷ lệ".into(),
            name_en: "Share".into(),
            unit: "percent".into(),
            kind: "share".into(),
            pillar: "government".into(),
            min: "0.5".into(),
            max: "99.5".into(),
            ..IndicatorForm::default()
        };
        let vi = stored.clone().fields_in(None, Lang::Vi);
        assert_eq!((vi.min.as_str(), vi.max.as_str()), ("0,5", "99,5"));
        let en = vi.clone().fields_in(Some(Lang::Vi), Lang::En);
        assert_eq!((en.min.as_str(), en.max.as_str()), ("0.5", "99.5"));
        assert_eq!(vi.fields_read(Lang::Vi).unwrap(), stored);
        assert_eq!(en.fields_read(Lang::En).unwrap(), stored);
        let fields = vi
            .fields_read(Lang::Vi)
            .unwrap()
            .validate(&d, None)
            .unwrap();
        assert_eq!((fields[6].as_str(), fields[7].as_str()), ("0.5", "99.5"));
        let typed = |min: &str, max: &str, lang: Lang| {
            IndicatorForm {
                min: min.into(),
                max: max.into(),
                ..stored.clone()
            }
            .fields_read(lang)
            .map(|f| (f.min, f.max))
            .map_err(|e| (e.field, e.problem))
        };
        assert_eq!(
            typed("1.000", "2.500.000,5", Lang::Vi),
            Ok(("1000".into(), "2500000.5".into()))
        );
        assert_eq!(
            typed("0", "1,5 tỷ", Lang::Vi),
            Ok(("0".into(), "1500000000".into()))
        );
        assert_eq!(typed("", " ", Lang::Vi), Ok((String::new(), String::new())));
        // A comma that cannot group digits is a decimal mark in English too.
        assert_eq!(
            typed("1,000", "99,5", Lang::En),
            Ok(("1000".into(), "99.5".into()))
        );
        assert_eq!(
            typed("0", "1.2.3", Lang::En),
            Err((Field::Max, RowProblem::Expected(Expected::Number)))
        );
        assert_eq!(
            typed("mười", "", Lang::Vi),
            Err((Field::Min, RowProblem::Expected(Expected::Number)))
        );
    }
}
