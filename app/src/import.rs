//! Importing a CSV file: every line is read by the core and checked against
//! the data; nothing is imported while a line is bad unless the user asks
//! to skip the bad lines.

use std::collections::HashMap;

use dxcast_core::Field;

use crate::dataset::{
    check_references, parse_table, Dataset, RowError, RowOrigin, RowProblem, Table, TableRecord,
    UserData,
};

/// What an import would do.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    /// The table the file is for (from its header).
    pub table: Table,
    /// The header's error: then nothing can be imported.
    pub header: Option<RowError>,
    /// The lines that read, with their line numbers.
    pub good: Vec<(u32, TableRecord)>,
    /// The lines that did not, in file order.
    pub bad: Vec<RowError>,
}

impl ImportPlan {
    /// Whether the file has no rows at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.header.is_none() && self.good.is_empty() && self.bad.is_empty()
    }

    /// Whether every line is good (and there is a header).
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.header.is_none() && self.bad.is_empty()
    }
}

/// Reads `text` as the file of the table its header names, checking each
/// row with the core and against `data` (known indicator, value within its
/// bounds) and ids that repeat within the file.
#[must_use]
pub fn plan(text: &str, data: &Dataset) -> ImportPlan {
    let table = Table::guess(text);
    let rows = match parse_table(text, table, RowOrigin::User) {
        Ok(rows) => rows,
        Err(e) => {
            return ImportPlan {
                table,
                header: Some(e),
                good: Vec::new(),
                bad: Vec::new(),
            }
        }
    };
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for (line, row) in rows {
        let checked = row.and_then(|r| {
            check_references(data, &r, line)?;
            if let Some(&first) = seen.get(r.id()) {
                return Err(RowError {
                    line,
                    field: Field::Id,
                    problem: RowProblem::RepeatsLine {
                        id: r.id().to_string(),
                        line: first,
                    },
                });
            }
            Ok(r)
        });
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
        header: None,
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
    /// The header is wrong.
    Header,
    /// Some lines are bad and the user did not ask to skip them.
    BadLines,
    /// The file has no rows.
    Empty,
}

/// Imports the plan's good rows into `user`, unless a line is bad and
/// `skip_bad` is not set; `user` is left unchanged on refusal.
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
    if plan.header.is_some() {
        return Err(ImportRefused::Header);
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
    for (_, row) in &plan.good {
        let existing = match row {
            TableRecord::Indicator(i) => data.indicator(&i.id).map(|r| &r.fields),
            TableRecord::Observation(o) => data.observation(&o.id).map(|r| &r.fields),
            TableRecord::Target(t) => data.target(&t.id).map(|r| &r.fields),
        };
        match existing {
            Some(f) if f == row.fields() => applied.unchanged += 1,
            Some(_) => {
                user.upsert(plan.table, row.fields().clone());
                applied.updated += 1;
            }
            None => {
                user.upsert(plan.table, row.fields().clone());
                applied.added += 1;
            }
        }
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{INDICATORS_CSV, OBSERVATIONS_CSV};

    /// The figures' header without its optional `definition` column, as
    /// files written before it have it.
    const HEADER: &str =
        "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";

    fn data() -> Dataset {
        Dataset::builtin().unwrap()
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
        let p = plan(&text, &d);
        assert_eq!(p.table, Table::Observations);
        assert_eq!(p.good.len(), 2);
        assert_eq!(p.bad.len(), 1);
        assert_eq!((p.bad[0].line, p.bad[0].field), (3, Field::Period));
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

    #[test]
    fn references_and_repeated_ids_are_line_errors() {
        let d = data();
        let text = format!(
            "{HEADER}\n\
             a,nope,2024,observed,exact,1,1,,m,,\n\
             b,dvctt_level4_share,2024-01-01,observed,exact,120,120%,,m,,\n\
             c,ndxp_tx,2024,observed,exact,1,1,,m,,\n\
             c,ndxp_tx,2025,observed,exact,1,1,,m,,\n"
        );
        let p = plan(&text, &d);
        let got: Vec<(u32, Field)> = p.bad.iter().map(|e| (e.line, e.field)).collect();
        assert_eq!(
            got,
            [(2, Field::Indicator), (3, Field::Value), (5, Field::Id)]
        );
        assert_eq!(
            p.bad[2].problem,
            RowProblem::RepeatsLine {
                id: "c".into(),
                line: 4
            }
        );
    }

    #[test]
    fn a_wrong_header_imports_nothing() {
        let d = data();
        let text = HEADER.replace("period,status", "status,period")
            + "\nx,ndxp_tx,observed,2024,exact,1,1,,m,,\n";
        let p = plan(&text, &d);
        let h = p.header.clone().unwrap();
        assert_eq!((h.line, h.field), (1, Field::Period));
        let mut user = UserData::default();
        assert_eq!(apply(&p, &mut user, &d, true), Err(ImportRefused::Header));
        assert_eq!(
            apply(&plan(HEADER, &d), &mut user, &d, true),
            Err(ImportRefused::Empty)
        );
    }

    #[test]
    fn reimporting_the_builtin_files_changes_nothing() {
        let d = data();
        let mut user = UserData::default();
        for text in [OBSERVATIONS_CSV, INDICATORS_CSV] {
            let p = plan(text, &d);
            assert!(p.is_clean(), "{:?}", p.bad.first());
            let a = apply(&p, &mut user, &d, false).unwrap();
            assert_eq!((a.added, a.updated), (0, 0));
        }
        assert!(user.is_empty());
    }

    #[test]
    fn an_edited_row_is_an_update() {
        let d = data();
        let row = d.observation("r004-ndxp-2021").unwrap();
        let mut f = row.fields.clone();
        f[10] = "checked again".into();
        let mut text = format!("{HEADER},definition\n");
        let fields: Vec<&str> = f.iter().map(String::as_str).collect();
        dxcast_core::csv::write_record(&mut text, &fields).unwrap();
        let mut user = UserData::default();
        let a = apply(&plan(&text, &d), &mut user, &d, false).unwrap();
        assert_eq!((a.added, a.updated), (0, 1));
    }
}
