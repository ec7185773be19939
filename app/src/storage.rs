//! The stored user data: its schema, reading it back, and what happens when
//! it cannot be read.
//!
//! The user's rows are kept in localStorage under [`USER_KEY`] as JSON:
//!
//! ```json
//! {"schema": "dxcast.user", "version": 1,
//!  "indicators": [{"id": "…", "name_vi": "…", …}], "observations": […], "targets": […]}
//! ```
//!
//! Each row is an object keyed by its file's column names, with text values
//! exactly as a CSV file would hold them; on reading, every row goes through
//! the core's import path again ([`crate::dataset::Dataset::with_user`]).
//!
//! Text that cannot be read (not JSON, an unknown schema or version, rows
//! that no longer read) is never thrown away: [`load`] says what is wrong
//! and the caller copies the raw text to a backup key ([`backup_key`])
//! before anything is saved over it.

use serde_json::{Map, Value};

use crate::dataset::{Dataset, Fields, Rejected, Table, UserData};
use crate::export::{object_row, row_object};

/// Where the user's rows are kept.
pub const USER_KEY: &str = "dxcast.user";
/// Where the interface language is kept (`vi` or `en`).
pub const LANG_KEY: &str = "dxcast.lang";
/// The schema name in the stored JSON.
pub const SCHEMA: &str = "dxcast.user";
/// The current schema version.
pub const VERSION: u64 = 1;

/// The key a text that could not be read is copied to, by the time (in
/// milliseconds) it was found, so that one backup never replaces another.
#[must_use]
pub fn backup_key(now_ms: u64) -> String {
    format!("{USER_KEY}.backup.{now_ms}")
}

/// Why a stored document, `{"schema": …, "version": …, …}`, could not be
/// opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not JSON.
    NotJson,
    /// Another schema, or a version this app does not know.
    UnknownVersion(String),
    /// JSON, but not an object with a schema.
    BadShape,
}

/// Opens a stored document written under `schema`: its fields and its
/// version, when the version is one this app reads (1 to `current`).
pub fn open(
    raw: &str,
    schema: &str,
    current: u64,
) -> Result<(Map<String, Value>, u64), Unreadable> {
    let value: Value = serde_json::from_str(raw).map_err(|_| Unreadable::NotJson)?;
    let Value::Object(doc) = value else {
        return Err(Unreadable::BadShape);
    };
    match (
        doc.get("schema").and_then(Value::as_str),
        doc.get("version").and_then(Value::as_u64),
    ) {
        (Some(s), Some(v)) if s == schema && (1..=current).contains(&v) => Ok((doc, v)),
        (Some(s), _) if s == schema => {
            let shown = doc.get("version").map(Value::to_string).unwrap_or_default();
            Err(Unreadable::UnknownVersion(format!("{schema} {shown}")))
        }
        (Some(other), _) => Err(Unreadable::UnknownVersion(other.to_string())),
        (None, _) => Err(Unreadable::BadShape),
    }
}

/// Why stored text could not be (fully) read.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreProblem {
    /// Not JSON at all.
    NotJson,
    /// Another schema or a version this app does not know.
    UnknownVersion(String),
    /// JSON, but not the expected structure.
    BadShape,
    /// Some rows no longer read; the others are kept.
    BadRows(Vec<Rejected>),
}

impl From<Unreadable> for StoreProblem {
    fn from(e: Unreadable) -> Self {
        match e {
            Unreadable::NotJson => StoreProblem::NotJson,
            Unreadable::UnknownVersion(v) => StoreProblem::UnknownVersion(v),
            Unreadable::BadShape => StoreProblem::BadShape,
        }
    }
}

/// Stored text that could not be read as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreRecovery {
    /// What was wrong.
    pub problem: StoreProblem,
    /// The text exactly as it was stored.
    pub raw: String,
}

/// The outcome of reading the stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedUser {
    /// The rows that read.
    pub user: UserData,
    /// What could not be read, if anything.
    pub recovery: Option<StoreRecovery>,
}

/// The user's rows as stored JSON.
#[must_use]
pub fn to_json(user: &UserData) -> String {
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::String(SCHEMA.into()));
    doc.insert("version".into(), Value::from(VERSION));
    for table in Table::ALL {
        let rows = user
            .rows(table)
            .iter()
            .map(|r| row_object(table.columns(), r))
            .collect();
        doc.insert(table.key().into(), Value::Array(rows));
    }
    Value::Object(doc).to_string()
}

/// Reads the rows of a version-1 document.
fn read_v1(doc: &Map<String, Value>) -> Option<UserData> {
    let mut user = UserData::default();
    for table in Table::ALL {
        let rows: Vec<Fields> = match doc.get(table.key()) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| object_row(table.columns(), v))
                .collect::<Option<_>>()?,
            Some(_) => return None,
        };
        for row in rows {
            user.upsert(table, row);
        }
    }
    Some(user)
}

/// Reads the stored text (`None` when nothing is stored) and checks every
/// row against `builtin` through the core's import path.
#[must_use]
pub fn load(raw: Option<&str>, builtin: &Dataset) -> LoadedUser {
    let Some(raw) = raw else {
        return LoadedUser {
            user: UserData::default(),
            recovery: None,
        };
    };
    let fail = |problem| LoadedUser {
        user: UserData::default(),
        recovery: Some(StoreRecovery {
            problem,
            raw: raw.to_string(),
        }),
    };
    let user = match open(raw, SCHEMA, VERSION) {
        Ok((doc, 1)) => read_v1(&doc),
        // A later schema version is read here, migrating the older ones:
        // `Ok((doc, 1)) => read_v1(&doc).map(migrate_v1_to_v2)`.
        Ok(_) => None,
        Err(e) => return fail(e.into()),
    };
    let Some(user) = user else {
        return fail(StoreProblem::BadShape);
    };
    let (_, rejected) = builtin.with_user(&user);
    if rejected.is_empty() {
        return LoadedUser {
            user,
            recovery: None,
        };
    }
    // Keep the rows that read; the raw text keeps the others.
    let mut kept = user;
    for r in &rejected {
        kept.remove(r.table, &r.id);
    }
    LoadedUser {
        user: kept,
        recovery: Some(StoreRecovery {
            problem: StoreProblem::BadRows(rejected),
            raw: raw.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Table;

    fn builtin() -> Dataset {
        Dataset::builtin().unwrap()
    }

    fn row(values: &[&str]) -> Fields {
        values.iter().map(|s| (*s).to_string()).collect()
    }

    fn sample() -> UserData {
        let mut u = UserData::default();
        u.upsert(
            Table::Observations,
            row(&[
                "u1",
                "ndxp_tx",
                "2024",
                "estimate",
                "about",
                "1000000000",
                "1 tỷ",
                "",
                "me",
                "trích \"dẫn\", có dấu phẩy",
                "ghi chú\nhai dòng",
                "",
            ]),
        );
        u.upsert(
            Table::Indicators,
            row(&[
                "my_ind",
                "Chỉ tiêu",
                "Indicator",
                "count",
                "stock",
                "economy",
                "0",
                "",
                "",
                "",
                "",
            ]),
        );
        u
    }

    #[test]
    fn nothing_stored_is_an_empty_start() {
        let l = load(None, &builtin());
        assert!(l.user.is_empty() && l.recovery.is_none());
    }

    #[test]
    fn stored_rows_round_trip() {
        let u = sample();
        let json = to_json(&u);
        assert!(json.contains("\"schema\":\"dxcast.user\"") && json.contains("\"version\":1"));
        let l = load(Some(&json), &builtin());
        assert_eq!(l.recovery, None);
        assert_eq!(l.user, u);
    }

    #[test]
    fn corrupt_text_is_kept_raw() {
        let b = builtin();
        for (raw, problem) in [
            ("{not json", StoreProblem::NotJson),
            ("[1,2]", StoreProblem::BadShape),
            (
                "{\"schema\":\"dxcast.user\",\"version\":1,\"observations\":[{\"id\":3}]}",
                StoreProblem::BadShape,
            ),
            (
                "{\"schema\":\"dxcast.user\",\"version\":1,\"observations\":{}}",
                StoreProblem::BadShape,
            ),
        ] {
            let l = load(Some(raw), &b);
            assert!(l.user.is_empty());
            let r = l.recovery.unwrap();
            assert_eq!((r.problem, r.raw.as_str()), (problem, raw));
        }
    }

    #[test]
    fn an_unknown_version_is_not_read_but_kept() {
        let b = builtin();
        let raw = to_json(&sample()).replace("\"version\":1", "\"version\":7");
        let l = load(Some(&raw), &b);
        assert!(l.user.is_empty());
        let r = l.recovery.unwrap();
        assert!(matches!(r.problem, StoreProblem::UnknownVersion(ref v) if v.contains('7')));
        assert_eq!(r.raw, raw);
        let other = load(Some("{\"schema\":\"other\",\"rows\":[]}"), &b)
            .recovery
            .unwrap();
        assert_eq!(other.problem, StoreProblem::UnknownVersion("other".into()));
    }

    /// Rows stored before the optional `definition` (figures) and
    /// `quantity` (indicators) columns existed load with them empty.
    #[test]
    fn rows_stored_before_the_optional_columns_load_with_them_empty() {
        let full = sample();
        let mut old = UserData::default();
        for (table, rows) in [
            (Table::Observations, &full.observations),
            (Table::Indicators, &full.indicators),
        ] {
            for r in rows {
                let mut short = r.clone();
                short.pop();
                old.upsert(table, short);
            }
        }
        let l = load(Some(&to_json(&old)), &builtin());
        assert_eq!(l.recovery, None);
        assert_eq!(l.user, full);
    }

    #[test]
    fn rows_that_no_longer_read_are_set_aside() {
        let b = builtin();
        let mut u = sample();
        u.upsert(
            Table::Observations,
            row(&[
                "u2", "gone", "2024", "observed", "exact", "1", "1", "", "me", "", "", "",
            ]),
        );
        let raw = to_json(&u);
        let l = load(Some(&raw), &b);
        assert_eq!(l.user, sample());
        let r = l.recovery.unwrap();
        assert_eq!(r.raw, raw);
        match r.problem {
            StoreProblem::BadRows(rows) => {
                assert_eq!(rows.len(), 1);
                assert_eq!(
                    (rows[0].id.as_str(), rows[0].error.field),
                    ("u2", dxcast_core::Field::Indicator)
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn backups_do_not_collide() {
        assert_eq!(backup_key(12), "dxcast.user.backup.12");
        assert_ne!(backup_key(1), backup_key(2));
    }
}
