//! The stored user data: its schema, reading it back, saving it without
//! losing anything, and what happens when it cannot be read or saved.
//!
//! The user's rows are kept in localStorage under [`USER_KEY`] as JSON,
//! each table as its column names and its rows of text, exactly as a CSV
//! file would hold them (schema version 2):
//!
//! ```json
//! {"schema": "dxcast.user", "version": 2,
//!  "indicators": {"columns": ["id", "name_vi", …], "rows": [["…", "…", …]]},
//!  "observations": {…}, "targets": {…}}
//! ```
//!
//! Version 1 kept each row as an object keyed by its column names, which
//! took about twice the room; it is read and migrated ([`load`]), and the
//! next save writes version 2. On reading, every row goes through the
//! core's import path again ([`crate::dataset::Dataset::with_user`]).
//!
//! Nothing is ever lost:
//!
//! - text that cannot be read (not JSON, an unknown schema or version, rows
//!   that no longer read) is copied to a backup key ([`backup_key`]) before
//!   anything is saved over it; when even the copy cannot be written (the
//!   storage is full), the text stays under its own key and nothing is saved
//!   over it until the user has taken it ([`set_aside`], [`Kept`]);
//! - a save that the browser refuses (its storage is full) changes
//!   nothing, in storage or on screen ([`change`], [`SaveProblem`]);
//! - a save checks first that no other tab has saved in between; if one
//!   has, the change is made on top of what that tab saved, and the caller
//!   is told ([`Changed::concurrent`]).

use serde_json::{Map, Value};

use crate::dataset::{Dataset, Fields, Rejected, Table, UserData};
use crate::export::object_row;

/// Where the user's rows are kept.
pub const USER_KEY: &str = "dxcast.user";
/// Where the interface language is kept (`vi` or `en`).
pub const LANG_KEY: &str = "dxcast.lang";
/// The schema name in the stored JSON.
pub const SCHEMA: &str = "dxcast.user";
/// The current schema version.
pub const VERSION: u64 = 2;

/// The key a text that could not be read is copied to, by the time (in
/// milliseconds) it was found, so that one backup never replaces another.
#[must_use]
pub fn backup_key(now_ms: u64) -> String {
    format!("{USER_KEY}.backup.{now_ms}")
}

/// Key–value text storage: the browser's localStorage, or a map in tests.
pub trait Store {
    /// The text under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`; on error nothing is changed.
    ///
    /// # Errors
    ///
    /// Why the store refused it.
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveProblem>;
}

/// Why a save did not happen. In every case nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// The browser's storage for this site is full; the document that did
    /// not fit has this many bytes as the browser counts them (UTF-16).
    Full {
        /// The document's size.
        bytes: usize,
    },
    /// The browser keeps no storage for this page (private mode, disabled).
    Unavailable,
    /// Stored text that could not be read and could not be copied aside is
    /// still under its own key, which is not saved over until the user has
    /// taken it ([`Kept::InPlace`]).
    KeptInPlace,
    /// Another tab saved a document this version cannot read.
    ChangedUnreadable,
    /// The browser refused for another reason.
    Refused,
}

impl SaveProblem {
    /// [`SaveProblem::Full`] for a document `text`.
    #[must_use]
    pub fn full(text: &str) -> SaveProblem {
        SaveProblem::Full {
            bytes: text.encode_utf16().count().saturating_mul(2),
        }
    }
}

/// A store in memory that holds at most `quota` bytes (UTF-16, as browsers
/// count keys and values), for tests of what happens when storage is full.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    /// The stored texts.
    pub items: std::collections::BTreeMap<String, String>,
    /// The most bytes it holds; `None` for no limit.
    pub quota: Option<usize>,
}

impl MemoryStore {
    fn bytes(key: &str, value: &str) -> usize {
        key.encode_utf16()
            .count()
            .saturating_add(value.encode_utf16().count())
            .saturating_mul(2)
    }

    /// The bytes in use.
    #[must_use]
    pub fn used(&self) -> usize {
        self.items.iter().map(|(k, v)| Self::bytes(k, v)).sum()
    }
}

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveProblem> {
        let old = self.items.get(key).map_or(0, |v| Self::bytes(key, v));
        let after = self
            .used()
            .saturating_sub(old)
            .saturating_add(Self::bytes(key, value));
        if self.quota.is_some_and(|q| after > q) {
            return Err(SaveProblem::full(value));
        }
        self.items.insert(key.to_string(), value.to_string());
        Ok(())
    }
}

/// Where text that could not be read is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Copied to this key; the original key is free to be saved over.
    Copy(String),
    /// Still under its own key (this one): the copy did not fit. Nothing
    /// is saved over it until the user has downloaded it or let it go.
    InPlace(String),
}

impl Kept {
    /// The key the text is under.
    #[must_use]
    pub fn key(&self) -> &str {
        match self {
            Kept::Copy(k) | Kept::InPlace(k) => k,
        }
    }
}

/// Copies `raw`, found under `key` and not readable, to `backup` — and
/// checks that the copy is there — or, if it cannot, leaves it where it is.
pub fn set_aside(store: &mut dyn Store, key: &str, backup: String, raw: &str) -> Kept {
    match store.set(&backup, raw) {
        Ok(()) if store.get(&backup).as_deref() == Some(raw) => Kept::Copy(backup),
        _ => Kept::InPlace(key.to_string()),
    }
}

/// A stored document as this tab knows it: the text it last read or wrote
/// (to tell whether another tab saved since), and whether it must not be
/// saved over ([`Kept::InPlace`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Synced {
    /// The text last read or written, `None` when there was none.
    pub seen: Option<String>,
    /// Whether saving is held back because the stored text could not be
    /// read nor copied aside.
    pub held: bool,
}

/// What a save did.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed<T> {
    /// The document now stored (and to be shown).
    pub value: T,
    /// Whether another tab had saved in between: the change was made on
    /// top of what it saved.
    pub concurrent: bool,
}

/// Changes the document stored under `key` by `f` and saves it.
///
/// `current` is what this tab shows; if the store holds other text than
/// `sync.seen`, another tab has saved, and `f` is applied to what that tab
/// saved (read by `read`, which gives `None` for text this version cannot
/// read) instead. The new value is written by `write`.
///
/// # Errors
///
/// Nothing is changed, in the store or in `sync`: [`SaveProblem::KeptInPlace`]
/// while `sync.held`; [`SaveProblem::ChangedUnreadable`] when another tab
/// saved text `read` refuses; the store's own refusal.
pub fn change<T: Clone>(
    store: &mut dyn Store,
    key: &str,
    sync: &mut Synced,
    current: &T,
    read: impl Fn(&str) -> Option<T>,
    write: impl Fn(&T) -> String,
    f: impl FnOnce(&mut T),
) -> Result<Changed<T>, SaveProblem> {
    if sync.held {
        return Err(SaveProblem::KeptInPlace);
    }
    let stored = store.get(key);
    let concurrent = stored != sync.seen;
    let mut value = match (&stored, concurrent) {
        (Some(text), true) => read(text).ok_or(SaveProblem::ChangedUnreadable)?,
        _ => current.clone(),
    };
    f(&mut value);
    let text = write(&value);
    store.set(key, &text)?;
    sync.seen = Some(text);
    Ok(Changed { value, concurrent })
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

/// The user's rows as stored JSON (version 2).
#[must_use]
pub fn to_json(user: &UserData) -> String {
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::String(SCHEMA.into()));
    doc.insert("version".into(), Value::from(VERSION));
    for table in Table::ALL {
        let columns = table
            .columns()
            .iter()
            .map(|c| Value::String(c.code().into()))
            .collect();
        let width = table.columns().len();
        let rows = user
            .rows(table)
            .iter()
            .map(|r| {
                Value::Array(
                    (0..width)
                        .map(|i| Value::String(r.get(i).cloned().unwrap_or_default()))
                        .collect(),
                )
            })
            .collect();
        let mut t = Map::new();
        t.insert("columns".into(), Value::Array(columns));
        t.insert("rows".into(), Value::Array(rows));
        doc.insert(table.key().into(), Value::Object(t));
    }
    Value::Object(doc).to_string()
}

/// Reads the rows of a version-1 document: each row an object keyed by
/// column name.
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
        put(&mut user, table, rows);
    }
    Some(user)
}

/// Sets the rows of `table`, the last of rows with the same id replacing
/// the earlier one in its place (as [`UserData::upsert`] does one by one),
/// in time linear in their number.
fn put(user: &mut UserData, table: Table, rows: Vec<Fields>) {
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept: Vec<Fields> = Vec::with_capacity(rows.len());
    for row in rows {
        let id = row.first().cloned().unwrap_or_default();
        match at.get(&id).and_then(|&i| kept.get_mut(i)) {
            Some(old) => *old = row,
            None => {
                at.insert(id, kept.len());
                kept.push(row);
            }
        }
    }
    match table {
        Table::Indicators => user.indicators = kept,
        Table::Observations => user.observations = kept,
        Table::Targets => user.targets = kept,
    }
}

/// Reads the rows of a version-2 document: each table its column names
/// (every one a column of the table; the table's later columns may be
/// left out) and its rows, each as many texts as there are names.
fn read_v2(doc: &Map<String, Value>) -> Option<UserData> {
    let mut user = UserData::default();
    for table in Table::ALL {
        let Some(t) = doc.get(table.key()) else {
            continue;
        };
        let t = t.as_object()?;
        let all = table.columns();
        let positions: Vec<usize> = t
            .get("columns")?
            .as_array()?
            .iter()
            .map(|name| {
                let name = name.as_str()?;
                all.iter().position(|c| c.code() == name)
            })
            .collect::<Option<_>>()?;
        let mut rows = Vec::new();
        for row in t.get("rows")?.as_array()? {
            let cells = row.as_array()?;
            if cells.len() != positions.len() {
                return None;
            }
            let mut fields = vec![String::new(); all.len()];
            for (&at, cell) in positions.iter().zip(cells) {
                *fields.get_mut(at)? = cell.as_str()?.to_string();
            }
            rows.push(fields);
        }
        put(&mut user, table, rows);
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
        // Version 1 holds the same rows; the next save writes version 2.
        Ok((doc, 1)) => read_v1(&doc),
        Ok((doc, _)) => read_v2(&doc),
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

    const FIXTURE: &str = include_str!("../tests/fixtures/stored-v1.json");

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
                "",
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
        assert!(json.contains("\"schema\":\"dxcast.user\"") && json.contains("\"version\":2"));
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
        let raw = to_json(&sample()).replace("\"version\":2", "\"version\":7");
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

    /// Rows stored before the optional `definition`, `quote_en` and
    /// `note_vi` (figures), `quantity` and `note_vi` (indicators) and
    /// `quote_en` and `note_vi` (targets) columns existed load with them
    /// empty, in either version.
    #[test]
    fn rows_stored_before_the_optional_columns_load_with_them_empty() {
        let full = sample();
        let v1 = r#"{"schema":"dxcast.user","version":1,
            "observations":[{"id":"u1","indicator":"ndxp_tx","period":"2024","status":"estimate",
              "qualifier":"about","value":"1000000000","stated":"1 tỷ","denominator":"","report":"me",
              "quote":"trích \"dẫn\", có dấu phẩy","note":"ghi chú\nhai dòng"}],
            "indicators":[{"id":"my_ind","name_vi":"Chỉ tiêu","name_en":"Indicator","unit":"count",
              "kind":"stock","pillar":"economy","min":"0","max":"","since":"","note":""}]}"#;
        let mut doc: Value = serde_json::from_str(&to_json(&full)).unwrap();
        for (table, optional) in [("observations", 3), ("indicators", 2), ("targets", 2)] {
            let t = doc[table].as_object_mut().unwrap();
            for _ in 0..optional {
                t["columns"].as_array_mut().unwrap().pop();
                for row in t["rows"].as_array_mut().unwrap() {
                    row.as_array_mut().unwrap().pop();
                }
            }
        }
        let v2 = doc.to_string();
        for column in ["definition", "quantity", "quote_en", "note_vi"] {
            assert!(!v2.contains(column), "{column}");
        }
        for raw in [v1, v2.as_str()] {
            let l = load(Some(raw), &builtin());
            assert_eq!(l.recovery, None, "{raw}");
            assert_eq!(l.user, full, "{raw}");
        }
    }

    /// What today's app stored (its build run once on a figure form, an
    /// import and a saved scenario: tests/fixtures/stored-v1.json) reads
    /// as the same rows, and saving writes version 2, which reads back the
    /// same, in less room.
    #[test]
    fn version_1_documents_migrate_to_version_2() {
        let stored: Value = serde_json::from_str(FIXTURE).unwrap();
        let v1 = stored[USER_KEY].as_str().unwrap();
        assert!(v1.contains("\"version\":1"));
        let l = load(Some(v1), &builtin());
        assert_eq!(l.recovery, None);
        let counts = Table::ALL.map(|t| l.user.rows(t).len());
        assert_eq!(counts, [1, 3, 0]);
        let ind = l.user.get(Table::Indicators, "u_cong_dan").unwrap();
        assert_eq!(ind[1], "Số công dân dùng dịch vụ \"một cửa\"");
        assert_eq!(ind[9], "ghi chú, hai dòng\ndòng thứ hai");
        let obs = l.user.get(Table::Observations, "u-cd-2024").unwrap();
        assert_eq!(
            obs[..11],
            [
                "u-cd-2024",
                "u_cong_dan",
                "2024-06-30",
                "estimate",
                "more_than",
                "1500000",
                "1.500.000",
                "",
                "mine",
                "hơn 1.500.000",
                "Ước tính giữa năm"
            ]
        );
        let v2 = to_json(&l.user);
        assert!(v2.contains("\"version\":2"));
        let again = load(Some(&v2), &builtin());
        assert_eq!((again.recovery, again.user), (None, l.user));
        assert!(v2.len() < v1.len(), "{} {}", v2.len(), v1.len());
    }

    #[test]
    fn version_2_documents_of_another_shape_are_kept_raw() {
        let good = to_json(&sample());
        for raw in [
            good.replace("\"note\",", "\"colour\","),
            good.replace("[\"u1\",", "[1,"),
            good.replace("\"1 tỷ\",", ""),
            good.replace("\"rows\":[[\"u1\"", "\"rowz\":[[\"u1\""),
            {
                // A table as a list rather than an object.
                let mut doc: Value = serde_json::from_str(&good).unwrap();
                doc["observations"] = Value::Array(vec![doc["observations"].clone()]);
                doc.to_string()
            },
        ] {
            assert_ne!(raw, good);
            let l = load(Some(&raw), &builtin());
            assert!(l.user.is_empty(), "{raw}");
            let r = l.recovery.unwrap();
            assert_eq!((r.problem, r.raw), (StoreProblem::BadShape, raw));
        }
    }

    /// The defect this prevents: a save the browser refused left the
    /// screen showing what was not saved. Now nothing changes.
    #[test]
    fn a_full_store_changes_nothing() {
        let b = builtin();
        let mut store = MemoryStore::default();
        let mut sync = Synced::default();
        let saved = change(
            &mut store,
            USER_KEY,
            &mut sync,
            &UserData::default(),
            |t| Some(load(Some(t), &b).user),
            to_json,
            |u| *u = sample(),
        )
        .unwrap();
        assert_eq!((saved.value.len(), saved.concurrent), (2, false));
        let before = store.items.clone();
        store.quota = Some(store.used() + 100);
        let big = {
            let mut u = sample();
            for i in 0..50 {
                let mut row = u.observations[0].clone();
                row[0] = format!("u-{i}");
                u.upsert(Table::Observations, row);
            }
            u
        };
        let sync_before = sync.clone();
        let refused = change(
            &mut store,
            USER_KEY,
            &mut sync,
            &saved.value,
            |t| Some(load(Some(t), &b).user),
            to_json,
            |u| *u = big.clone(),
        );
        let bytes = to_json(&big).encode_utf16().count() * 2;
        assert_eq!(refused, Err(SaveProblem::Full { bytes }));
        assert_eq!((store.items.clone(), sync.clone()), (before, sync_before));
        assert_eq!(load(store.get(USER_KEY).as_deref(), &b).user, sample());
    }

    /// A store with no room to spare still takes a version-1 document's
    /// rows saved over it as version 2, which takes less room (the fuzz
    /// target `stored_documents` found such a save); a change that makes
    /// the document larger than the room is refused and changes nothing.
    #[test]
    fn a_full_store_takes_version_1_rows_saved_as_version_2() {
        let b = builtin();
        let stored: Value = serde_json::from_str(FIXTURE).unwrap();
        let v1 = stored[USER_KEY].as_str().unwrap();
        let mut store = MemoryStore::default();
        store.set(USER_KEY, v1).unwrap();
        store.quota = Some(store.used());
        let mut sync = Synced {
            seen: Some(v1.into()),
            held: false,
        };
        let shown = load(Some(v1), &b).user;
        let read = |t: &str| Some(load(Some(t), &b).user);
        let saved = change(
            &mut store,
            USER_KEY,
            &mut sync,
            &shown,
            read,
            to_json,
            |_| {},
        )
        .unwrap();
        assert_eq!((&saved.value, saved.concurrent), (&shown, false));
        let v2 = store.get(USER_KEY).unwrap();
        assert!(v2.contains("\"version\":2"), "{v2}");
        assert_eq!(load(Some(&v2), &b).user, shown);

        store.quota = Some(store.used());
        let mut extra = sample().observations[0].clone();
        extra[0] = "u-extra".into();
        let refused = change(
            &mut store,
            USER_KEY,
            &mut sync,
            &shown,
            read,
            to_json,
            |u| {
                u.upsert(Table::Observations, extra);
            },
        );
        assert!(
            matches!(refused, Err(SaveProblem::Full { .. })),
            "{refused:?}"
        );
        assert_eq!(store.get(USER_KEY), Some(v2.clone()));
        assert_eq!(sync.seen, Some(v2));
    }

    /// The defect this prevents: with storage nearly full, the banner
    /// named a backup that was never written and the original was saved
    /// over. Now the original stays, and is not saved over.
    #[test]
    fn unreadable_text_that_cannot_be_copied_stays_in_place() {
        let raw = "{\"schema\":\"dxcast.user\",\"version\":1,\"observations\":[{\"id\":3}]}";
        let mut store = MemoryStore::default();
        store.set(USER_KEY, raw).unwrap();
        store.quota = Some(store.used() + 10);
        let kept = set_aside(&mut store, USER_KEY, backup_key(7), raw);
        assert_eq!(kept, Kept::InPlace(USER_KEY.into()));
        assert_eq!(store.items.len(), 1);
        let mut sync = Synced {
            seen: Some(raw.into()),
            held: matches!(kept, Kept::InPlace(_)),
        };
        let refused = change(
            &mut store,
            USER_KEY,
            &mut sync,
            &UserData::default(),
            |_| None,
            to_json,
            |_| {},
        );
        assert_eq!(refused, Err(SaveProblem::KeptInPlace));
        assert_eq!(store.get(USER_KEY).as_deref(), Some(raw));
        // With room, the copy is written and checked.
        store.quota = None;
        let kept = set_aside(&mut store, USER_KEY, backup_key(8), raw);
        assert_eq!(kept, Kept::Copy("dxcast.user.backup.8".into()));
        assert_eq!(store.get(kept.key()).as_deref(), Some(raw));
    }

    /// Two tabs: the second one's change is made on top of what the first
    /// one saved, and it is told so; neither change is lost.
    #[test]
    fn a_change_made_in_another_tab_is_not_saved_over() {
        let b = builtin();
        let read = |t: &str| {
            let l = load(Some(t), &b);
            l.recovery.is_none().then_some(l.user)
        };
        let mut store = MemoryStore::default();
        let (mut a, mut c) = (Synced::default(), Synced::default());
        let row = |id: &str| {
            let mut r = sample().observations[0].clone();
            r[0] = id.into();
            r
        };
        let shown_a = change(
            &mut store,
            USER_KEY,
            &mut a,
            &UserData::default(),
            read,
            to_json,
            |u| {
                u.upsert(Table::Observations, row("from-a"));
            },
        )
        .unwrap();
        assert!(!shown_a.concurrent);
        // Tab C still shows the empty data it opened with.
        let shown_c = change(
            &mut store,
            USER_KEY,
            &mut c,
            &UserData::default(),
            read,
            to_json,
            |u| {
                u.upsert(Table::Observations, row("from-c"));
            },
        )
        .unwrap();
        assert!(shown_c.concurrent);
        let ids: Vec<&str> = shown_c
            .value
            .observations
            .iter()
            .map(|r| r[0].as_str())
            .collect();
        assert_eq!(ids, ["from-a", "from-c"]);
        // And A, next, builds on C's save.
        let again = change(
            &mut store,
            USER_KEY,
            &mut a,
            &shown_a.value,
            read,
            to_json,
            |u| {
                u.remove(Table::Observations, "from-a");
            },
        )
        .unwrap();
        assert!(again.concurrent);
        assert_eq!(again.value.observations.len(), 1);
        // Text another tab wrote that this version cannot read is not saved over.
        store
            .set(USER_KEY, "{\"schema\":\"dxcast.user\",\"version\":9}")
            .unwrap();
        let refused = change(
            &mut store,
            USER_KEY,
            &mut a,
            &again.value,
            read,
            to_json,
            |_| {},
        );
        assert_eq!(refused, Err(SaveProblem::ChangedUnreadable));
        assert!(store.get(USER_KEY).unwrap().contains("\"version\":9"));
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
