//! Writing CSV and JSON: the user's rows as the core reads them back, the
//! whole dataset for download, and a chart's data. Every CSV line is the
//! core's writer's ([`write_header`], [`write_record`]), which quotes a field
//! only when it holds a comma, a double quote or a line break.

use dxcast_core::basis::Basis;
use dxcast_core::csv::{write_header, write_record, write_record_with, Delimiter};
use dxcast_core::quantity::Aside;
use dxcast_core::{Date, Field};
use serde_json::{Map, Value};

use crate::dataset::{Dataset, Fields, Table, CLAIM_COLUMNS, REPORT_COLUMNS};
use crate::projection::{PathPoint, Prepared, Projection};
use crate::timeline::anchor;

/// Appends `rows` to `out`, one record each, each line ending in LF.
fn write_rows<S: AsRef<str>>(out: &mut String, rows: &[Vec<S>]) {
    for row in rows {
        let fields: Vec<&str> = row.iter().map(AsRef::as_ref).collect();
        // Writing into a String cannot fail.
        let _ = write_record(out, &fields);
    }
}

/// A whole file of one of the dataset's tables: the header row of its
/// `columns`, then the rows.
#[must_use]
pub fn csv_file<S: AsRef<str>>(columns: &[Field], rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    let _ = write_header(&mut out, columns);
    write_rows(&mut out, rows);
    out
}

/// One table of the dataset (built-in rows with the user's edits, then the
/// user's own rows) in its file format.
#[must_use]
pub fn table_csv(data: &Dataset, table: Table) -> String {
    csv_file(table.columns(), &data.fields(table))
}

/// A table's file for a spreadsheet program; with no rows, the template
/// to fill in (its header). It starts with a byte-order mark, so that the
/// program reads it as UTF-8; with `excel`, fields are separated by
/// semicolons and the numbers in base units (`value`, `denominator`, `min`,
/// `max`) have a decimal comma, as Excel reads and writes CSV in
/// Vietnamese. The import reads both ([`crate::import`]).
#[must_use]
pub fn spreadsheet_csv<S: AsRef<str>>(table: Table, rows: &[Vec<S>], excel: bool) -> String {
    let columns = table.columns();
    let delimiter = if excel {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    };
    let names: Vec<&str> = columns.iter().map(|c| c.code()).collect();
    let mut out = String::from("\u{feff}");
    let _ = write_record_with(&mut out, &names, delimiter);
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .zip(columns)
            .map(|(f, c)| {
                let numeric = matches!(
                    c,
                    Field::Value | Field::Denominator | Field::Min | Field::Max
                );
                if excel && numeric {
                    f.as_ref().replace('.', ",")
                } else {
                    f.as_ref().to_string()
                }
            })
            .collect();
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let _ = write_record_with(&mut out, &fields, delimiter);
    }
    out
}

/// A row as a JSON object keyed by column name.
#[must_use]
pub fn row_object(columns: &[Field], fields: &Fields) -> Value {
    let mut map = Map::new();
    for (i, c) in columns.iter().enumerate() {
        map.insert(
            c.code().to_string(),
            Value::String(fields.get(i).cloned().unwrap_or_default()),
        );
    }
    Value::Object(map)
}

/// A JSON object back to a row: every column must be a string (missing
/// ones are empty); unknown keys are ignored. `None` if it is not an
/// object or a value is not a string.
#[must_use]
pub fn object_row(columns: &[Field], value: &Value) -> Option<Fields> {
    let map = value.as_object()?;
    columns
        .iter()
        .map(|c| match map.get(c.code()) {
            None => Some(String::new()),
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => None,
        })
        .collect()
}

/// Everything, built-in and the user's, as one JSON document.
#[must_use]
pub fn dataset_json(data: &Dataset, exported: &str) -> String {
    let rows = |columns: &[Field], rows: &[Fields]| {
        Value::Array(rows.iter().map(|r| row_object(columns, r)).collect())
    };
    let mut doc = Map::new();
    doc.insert("format".into(), Value::String("dxcast".into()));
    doc.insert("version".into(), Value::from(1));
    doc.insert("exported".into(), Value::String(exported.to_string()));
    doc.insert("reports".into(), rows(REPORT_COLUMNS, &data.report_fields));
    for table in Table::ALL {
        doc.insert(
            table.key().into(),
            rows(table.columns(), &data.fields(table)),
        );
    }
    doc.insert("claims".into(), rows(CLAIM_COLUMNS, &data.claim_fields));
    serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default()
}

/// The columns of a chart's data: the figures and targets as stated, then
/// the fitted trend and each projection path (`scenario` names the path:
/// `base`, `what-if` or a saved scenario's name) with its band (`lo`, `hi`;
/// empty where the spread is unknown). `annualised` is `true` on rows
/// whose values are yearly totals at a daily rate (totals' trend and paths).
pub const CHART_COLUMNS: &[&str] = &[
    "series",
    "id",
    "period",
    "date",
    "value",
    "status",
    "stated",
    "report",
    "scenario",
    "lo",
    "hi",
    "annualised",
    "measure",
    "set_aside",
];

/// The code of why a point is not in the series.
#[must_use]
pub const fn aside_code(a: Aside) -> &'static str {
    match a {
        Aside::Rule => "rule",
        Aside::Covered => "covered",
        Aside::SameDate => "same_date",
        _ => "definition",
    }
}

/// A number for a CSV cell: the shortest text that reads back to it; empty
/// when there is none.
fn cell(v: Option<f64>) -> String {
    v.filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// The data behind an indicator's chart: every figure of its quantity
/// (each at the date the chart puts it, with how it was measured —
/// `measure` is the core's conversion code — and why it is not in the
/// series, if it is not: `set_aside` is `rule`, `covered`, `same_date` or
/// `definition`) and its targets (at their deadlines), then, with a
/// projection, its fitted trend and paths.
#[must_use]
pub fn chart_csv(
    data: &Dataset,
    indicator: &str,
    prepared: Option<&Prepared>,
    projection: Option<&Projection>,
) -> String {
    let mut out = String::new();
    let _ = write_record(&mut out, CHART_COLUMNS);
    let Some(ind) = data.indicator(indicator) else {
        return out;
    };
    let empty = String::new;
    let figures = data.quantity_figures(indicator);
    let mut rows: Vec<Vec<String>> = figures
        .iter()
        .enumerate()
        .map(|(i, (m, o))| {
            // Where the chart puts it: its point (a difference of running
            // totals is put with its later reading).
            let point = prepared.and_then(|p| p.measured.iter().find(|q| q.source == i));
            let date = point.map_or_else(|| anchor(m.kind, o.period()), |q| q.point.date);
            vec![
                "observation".into(),
                o.id.clone(),
                o.period().to_string(),
                date.to_string(),
                o.value().to_string(),
                o.obs.status.code().into(),
                o.stated.clone(),
                o.report.clone(),
                empty(),
                empty(),
                empty(),
                "false".into(),
                point
                    .map(|q| q.conversion.code())
                    .unwrap_or_default()
                    .into(),
                point
                    .and_then(|q| q.aside)
                    .map(aside_code)
                    .unwrap_or_default()
                    .into(),
            ]
        })
        .collect();
    rows.extend(data.targets_of(&ind.id).map(|t| {
        vec![
            "target".into(),
            t.id.clone(),
            t.period.to_string(),
            t.period.end().to_string(),
            t.value.to_string(),
            t.comparison.code().into(),
            t.stated.clone(),
            t.report.clone(),
            empty(),
            empty(),
            empty(),
            "false".into(),
            empty(),
            empty(),
        ]
    }));
    if let Some(p) = projection {
        let annualised = (p.basis == Basis::DailyRate).to_string();
        let row = |series: &str, scenario: &str, date: Date, v: f64, lo, hi| {
            vec![
                series.to_string(),
                empty(),
                empty(),
                date.to_string(),
                cell(Some(v)),
                empty(),
                empty(),
                empty(),
                scenario.to_string(),
                cell(lo),
                cell(hi),
                annualised.clone(),
                empty(),
                empty(),
            ]
        };
        for (d, v) in &p.fitted {
            rows.push(row("fitted", p.method.code(), *d, *v, None, None));
        }
        let mut path = |name: &str, points: &[PathPoint]| {
            for q in points {
                rows.push(row("projection", name, q.date, q.point, q.lo, q.hi));
            }
        };
        path("base", &p.base);
        if let Some(Ok(w)) = &p.what_if {
            path("what-if", w);
        }
        for c in &p.compared {
            if let Ok(points) = &c.path {
                path(&c.named.name, points);
            }
        }
    }
    write_rows(&mut out, &rows);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_read_back_through_the_core() {
        let d = Dataset::builtin().unwrap();
        for table in Table::ALL {
            let text = table_csv(&d, table);
            let rows =
                crate::dataset::parse_table(&text, table, crate::dataset::RowOrigin::User).unwrap();
            assert_eq!(rows.len(), d.fields(table).len());
            assert!(rows.iter().all(|(_, r)| r.is_ok()));
        }
        let json: Value = serde_json::from_str(&dataset_json(&d, "2026-11-22")).unwrap();
        assert_eq!(json["format"], "dxcast");
        assert_eq!(
            json["observations"].as_array().unwrap().len(),
            d.observations.len()
        );
        assert_eq!(json["indicators"][0]["id"], "ndxp_tx");
        assert_eq!(json["claims"].as_array().unwrap().len(), d.claims.len());
        assert_eq!(json["reports"].as_array().unwrap().len(), 5);
        let chart = chart_csv(&d, "ndxp_tx", None, None);
        // The twelve figures of NDXP transactions' quantity, three targets.
        assert_eq!(chart.lines().count(), 1 + 12 + 3);
        // September's total at the middle of September, where the core puts it.
        assert!(chart.contains(
            "observation,r000-ndxp-tx-2022-09,2022-09,2022-09-15,58397139,observed,58.397.139,r000,,,,false,,"
        ));
        assert!(chart.contains(
            "target,t-r001-ndxp-2023,2023,2023-12-31,860000000,>,860 triệu,r001,,,,false"
        ));
    }

    #[test]
    fn the_chart_csv_carries_the_projection_paths() {
        use crate::projection::{
            fit, prepare, project, MethodChoice, NamedScenario, ProjectionOptions, Sources,
        };
        use dxcast_core::scenario::{GrowthOverride, Scenario};
        let d = Dataset::builtin().unwrap();
        let sources = Sources::of(&d, "ndxp_tx").unwrap();
        let input = sources.input(dxcast_core::quantity::Rule::Totals);
        let prepared = prepare(&input).unwrap();
        let chosen = fit(
            &prepared,
            &MethodChoice::Recommended,
            Date::from_ymd(2026, 12, 31).unwrap(),
        )
        .unwrap();
        let fast = Scenario {
            growth: Some(GrowthOverride::yearly(
                Date::from_ymd(2024, 6, 1).unwrap(),
                30.0,
            )),
            ..Scenario::default()
        };
        let options = ProjectionOptions {
            scenario: fast,
            compared: vec![NamedScenario {
                name: "Nhanh, rất nhanh".into(),
                scenario: fast,
            }],
            ..ProjectionOptions::base(Date::from_ymd(2026, 11, 22).unwrap())
        };
        let p = project(&input, &prepared, &chosen, &options).unwrap();
        let text = chart_csv(&d, "ndxp_tx", Some(&prepared), Some(&p));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CHART_COLUMNS.join(","));
        let n = p.base.len();
        assert_eq!(lines.len(), 1 + 12 + 3 + 7 + 3 * n);
        // Each figure says how it was measured, and why it was set aside.
        assert!(lines
            .iter()
            .any(|l| l.starts_with("observation,r001-ndxp-daily,")
                && l.ends_with(",daily_average,rule")));
        assert!(lines
            .iter()
            .any(|l| l.starts_with("observation,r003-ndxp-cumulative,")
                && l.ends_with(",difference,covered")));
        let last = p.base.last().unwrap();
        assert!(lines.contains(
            &format!(
                "projection,,,{},{},,,,base,{},{},true,,",
                last.date,
                last.point,
                last.lo.unwrap(),
                last.hi.unwrap()
            )
            .as_str()
        ));
        // A scenario's name is quoted where it holds a comma.
        assert!(lines.iter().any(|l| l.contains(",\"Nhanh, rất nhanh\",")));
        assert_eq!(lines.iter().filter(|l| l.starts_with("fitted,")).count(), 7);
        // Every line reads back as as many fields as the header has.
        let records: Vec<_> = dxcast_core::csv::Records::new(&text).collect();
        assert!(records
            .iter()
            .all(|r| r.as_ref().unwrap().fields().len() == CHART_COLUMNS.len()));
    }

    /// The Excel file and the template read back through the import as
    /// the same rows, with semicolons and decimal commas.
    #[test]
    fn spreadsheet_files_read_back_through_the_import() {
        use crate::import::{plan, Format};
        let d = Dataset::builtin().unwrap();
        let today = Date::from_ymd(2026, 11, 22).unwrap();
        for table in Table::ALL {
            let rows = d.fields(table);
            for excel in [false, true] {
                let text = spreadsheet_csv(table, &rows, excel);
                assert!(text.starts_with('\u{feff}'));
                let p = plan(&text, &d, today);
                assert!(p.is_clean(), "{table:?} {excel}: {:?}", p.bad.first());
                assert_eq!(p.table, table);
                let back: Vec<&Fields> = p.good.iter().map(|(_, r)| r.fields()).collect();
                assert_eq!(back, rows.iter().collect::<Vec<_>>(), "{table:?} {excel}");
                if excel {
                    assert_eq!(p.format.delimiter, Delimiter::Semicolon);
                }
                let template = spreadsheet_csv::<String>(table, &[], excel);
                let p = plan(&template, &d, today);
                assert!(p.is_empty() && p.problem.is_none(), "{table:?} {excel}");
                assert!(p.format.bom);
                assert_eq!(p.table, table);
            }
        }
        let share = d.fields(Table::Observations);
        let excel = spreadsheet_csv(Table::Observations, &share, true);
        assert!(excel.contains(";79,95;"), "decimal commas in values");
        assert_eq!(
            plan(&excel, &d, today).format,
            Format {
                delimiter: Delimiter::Semicolon,
                decimal_comma: true,
                bom: true
            }
        );
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let file = csv_file(
            &[Field::Id, Field::Quote],
            &[vec!["plain", "a, b"], vec!["say \"hi\"", "two\nlines"]],
        );
        assert_eq!(
            file,
            "id,quote\nplain,\"a, b\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn objects_and_rows_round_trip() {
        let columns = [Field::Id, Field::NameEn];
        let row: Fields = vec!["x".into(), "a \"b\"".into()];
        let obj = row_object(&columns, &row);
        assert_eq!(object_row(&columns, &obj), Some(row));
        let partial = serde_json::json!({"id": "y", "extra": 1});
        assert_eq!(obj["name_en"], "a \"b\"");
        assert_eq!(
            object_row(&columns, &partial),
            Some(vec!["y".into(), String::new()])
        );
        assert_eq!(object_row(&columns, &serde_json::json!({"id": 3})), None);
        assert_eq!(object_row(&columns, &serde_json::json!([1])), None);
    }
}
