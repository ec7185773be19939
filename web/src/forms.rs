//! The forms for adding or editing a figure or an indicator: what they hold,
//! and turning them into a row the core reads, with errors that name the
//! field.

use dxcast_core::number::parse_vi;

use crate::dataset::{
    check_references, parse_fields, Dataset, Fields, Origin, Parsed, Problem, RowError, Table,
};
use crate::i18n::K;

/// The label of a form field, by its column in `table` (the value of a
/// figure is read from its stated text, so its errors go there).
#[must_use]
pub fn label(table: Table, field: &str) -> Option<K> {
    Some(match (table, field) {
        (_, "id") => K::FieldId,
        (_, "note") => K::FieldNote,
        (Table::Observations | Table::Targets, "indicator") => K::FieldIndicator,
        (Table::Observations | Table::Targets, "period") => K::FieldPeriod,
        (Table::Observations, "status") => K::FieldStatus,
        (Table::Observations, "qualifier") => K::FieldQualifier,
        (Table::Observations, "value" | "stated") => K::FieldStated,
        (Table::Observations, "denominator") => K::FieldDenominator,
        (Table::Observations | Table::Targets, "report") => K::FieldReport,
        (Table::Observations | Table::Targets, "quote") => K::FieldQuote,
        (Table::Targets, "comparison") => K::FieldComparison,
        (Table::Targets, "value" | "stated") => K::FieldValue,
        (Table::Indicators, "name_vi") => K::FieldNameVi,
        (Table::Indicators, "name_en") => K::FieldNameEn,
        (Table::Indicators, "unit") => K::FieldUnit,
        (Table::Indicators, "kind") => K::FieldKind,
        (Table::Indicators, "pillar") => K::FieldPillar,
        (Table::Indicators, "min") => K::FieldMin,
        (Table::Indicators, "max") => K::FieldMax,
        (Table::Indicators, "since") => K::FieldSince,
        _ => return None,
    })
}

/// The line the form's row is on when it is read as a one-row file.
const FORM_LINE: u32 = 2;

fn required(field: &'static str) -> RowError {
    RowError {
        line: FORM_LINE,
        field,
        problem: Problem::Required,
    }
}

/// Checks id uniqueness: a new row may not reuse an id; an edit keeps its own.
fn check_id(data: &Dataset, table: Table, id: &str, editing: Option<&str>) -> Result<(), RowError> {
    if editing != Some(id) && data.contains(table, id) {
        return Err(RowError {
            line: FORM_LINE,
            field: "id",
            problem: Problem::DuplicateId(id.to_string()),
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
            (&self.id, "id"),
            (&self.indicator, "indicator"),
            (&self.period, "period"),
            (&self.status, "status"),
            (&self.qualifier, "qualifier"),
            (&self.report, "report"),
        ] {
            if value.trim().is_empty() {
                missing.push(required(field));
            }
        }
        if self.stated.trim().is_empty() {
            missing.push(RowError {
                line: FORM_LINE,
                field: "stated",
                problem: Problem::NeedsStated,
            });
        }
        if !missing.is_empty() {
            return Err(missing);
        }
        let value = parse_vi(&self.stated)
            .map_err(|e| vec![RowError::from_core(e, FORM_LINE, "stated")])?
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
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let row = parse_fields(Table::Observations, &fields, Origin::User).map_err(|e| vec![e])?;
        check_references(data, &row, FORM_LINE).map_err(|e| vec![e])?;
        check_id(data, Table::Observations, row.id(), editing).map_err(|e| vec![e])?;
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
}

impl IndicatorForm {
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
            (&self.id, "id"),
            (&self.name_vi, "name_vi"),
            (&self.name_en, "name_en"),
            (&self.unit, "unit"),
            (&self.kind, "kind"),
            (&self.pillar, "pillar"),
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
        ]
        .iter()
        .map(|s| s.trim().to_string())
        .collect();
        let row = parse_fields(Table::Indicators, &fields, Origin::User).map_err(|e| vec![e])?;
        check_id(data, Table::Indicators, row.id(), editing).map_err(|e| vec![e])?;
        if let Parsed::Indicator(ind) = &row {
            let values = data
                .observations_of(&ind.id)
                .map(|o| o.value())
                .chain(data.targets_of(&ind.id).map(|t| t.value));
            for v in values {
                if !ind.bounds.contains(v) {
                    let field = if ind.bounds.min.is_some_and(|lo| v < lo) {
                        "min"
                    } else {
                        "max"
                    };
                    return Err(vec![RowError {
                        line: FORM_LINE,
                        field,
                        problem: Problem::OutOfBounds {
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
/// [`Problem::InUse`] with the number of rows that refer to it.
pub fn can_delete_indicator(data: &Dataset, id: &str) -> Result<(), RowError> {
    let Some(ind) = data.indicator(id) else {
        return Ok(());
    };
    if ind.origin == Origin::Edited {
        return Ok(());
    }
    let n = data.observations_of(id).count() + data.targets_of(id).count();
    if n == 0 {
        Ok(())
    } else {
        Err(RowError {
            line: FORM_LINE,
            field: "id",
            problem: Problem::InUse(n),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::UserData;

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
    fn every_column_has_a_label() {
        for table in Table::ALL {
            for column in table.columns() {
                assert!(label(table, column).is_some(), "{table:?} {column}");
            }
        }
        assert_eq!(label(Table::Observations, "value"), Some(K::FieldStated));
        assert_eq!(label(Table::Indicators, "nope"), None);
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
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["id", "indicator", "period", "stated"]);
        let field = |f: ObservationForm| f.validate(&d, None).unwrap_err()[0].field;
        assert_eq!(
            field(ObservationForm {
                stated: "2,8 trieu".into(),
                ..filled()
            }),
            "stated"
        );
        assert_eq!(
            field(ObservationForm {
                period: "2024-13".into(),
                ..filled()
            }),
            "period"
        );
        assert_eq!(
            field(ObservationForm {
                id: "a b".into(),
                ..filled()
            }),
            "id"
        );
        assert_eq!(
            field(ObservationForm {
                indicator: "nope".into(),
                ..filled()
            }),
            "indicator"
        );
        assert_eq!(
            field(ObservationForm {
                indicator: "dvctt_level4_share".into(),
                stated: "120%".into(),
                ..filled()
            }),
            "value"
        );
        let dup = ObservationForm {
            id: "r004-ndxp-2021".into(),
            ..filled()
        };
        assert_eq!(
            dup.validate(&d, None).unwrap_err()[0].problem,
            Problem::DuplicateId("r004-ndxp-2021".into())
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
        assert_eq!(e[0].field, "max");
        f.max = "50".into();
        f.min = "60".into();
        assert_eq!(
            f.validate(&d, Some("dvctt_level4_share")).unwrap_err()[0].field,
            "max"
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
        let fields: Vec<&str> = IndicatorForm::default()
            .validate(&d, None)
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["id", "name_vi", "name_en", "unit", "kind", "pillar"]
        );
        assert!(can_delete_indicator(&d, "ndxp_tx").is_err());
        assert!(can_delete_indicator(&d, "unknown").is_ok());
    }
}
