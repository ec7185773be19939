//! The user's named what-if scenarios, kept in localStorage under
//! [`KEY`], versioned like the user's rows ([`crate::storage`]):
//!
//! ```json
//! {"schema": "dxcast.scenarios", "version": 2, "scenarios": [
//!   {"indicator": "ndxp_tx", "name": "Nhanh",
//!    "growth": {"from": "2024-04-30", "rate": 20, "per": "year"},
//!    "shock": {"at": "2025-01-01", "size": -10},
//!    "target": {"value": 1500000000, "deadline": "2027-12-31", "comparison": ">="}}]}
//! ```
//!
//! A growth rate is stored with its period, `"year"` or `"month"`. Version
//! 1 had no period: its rates were typed per month, and [`load`] reads them
//! so; the next save writes version 2.
//!
//! A scenario belongs to one indicator: its rates, shocks and target are in
//! that indicator's terms. Text that cannot be read is never thrown away:
//! [`load`] keeps what reads, says what does not, and the caller copies the
//! raw text to a backup key before saving over it. Saving goes through
//! [`crate::storage::change`], as the user's rows do: a full storage
//! changes nothing, and another tab's save is built on, not saved over.

use std::collections::HashMap;

use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{Comparison, Date, Target};
use serde_json::{Map, Value};

use crate::projection::NamedScenario;
use crate::share::clean_name;
use crate::storage::{open, Unreadable};

/// Where the scenarios are kept.
pub const KEY: &str = "dxcast.scenarios";
/// The schema name in the stored JSON.
pub const SCHEMA: &str = "dxcast.scenarios";
/// The current schema version: 2 stores each growth rate's period.
pub const VERSION: u64 = 2;

/// The key a text that could not be read is copied to.
#[must_use]
pub fn backup_key(now_ms: u64) -> String {
    format!("{KEY}.backup.{now_ms}")
}

/// A saved scenario of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedScenario {
    /// The indicator's id.
    pub indicator: String,
    /// The scenario and its name.
    pub named: NamedScenario,
}

/// Every saved scenario, in the order they were first saved.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScenarioStore {
    /// The scenarios.
    pub items: Vec<SavedScenario>,
}

impl ScenarioStore {
    /// The scenarios of an indicator.
    pub fn of<'a>(&'a self, indicator: &'a str) -> impl Iterator<Item = &'a NamedScenario> + 'a {
        self.items
            .iter()
            .filter(move |s| s.indicator == indicator)
            .map(|s| &s.named)
    }

    /// Saves `named` for `indicator` under its cleaned name, replacing a
    /// scenario of the same name; returns whether one was replaced, or
    /// `None` for an empty name (nothing is saved).
    pub fn save(&mut self, indicator: &str, named: NamedScenario) -> Option<bool> {
        let name = clean_name(&named.name);
        if name.is_empty() {
            return None;
        }
        let named = NamedScenario { name, ..named };
        match self
            .items
            .iter_mut()
            .find(|s| s.indicator == indicator && s.named.name == named.name)
        {
            Some(old) => {
                old.named = named;
                Some(true)
            }
            None => {
                self.items.push(SavedScenario {
                    indicator: indicator.to_string(),
                    named,
                });
                Some(false)
            }
        }
    }

    /// Removes an indicator's scenario; returns whether there was one.
    pub fn remove(&mut self, indicator: &str, name: &str) -> bool {
        let before = self.items.len();
        self.items
            .retain(|s| !(s.indicator == indicator && s.named.name == name));
        self.items.len() != before
    }
}

/// Why stored text could not be (fully) read.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioProblem {
    /// Not JSON.
    NotJson,
    /// Another schema, or a version this app does not know.
    UnknownVersion(String),
    /// JSON, but not the expected structure.
    BadShape,
    /// This many scenarios could not be read; the others are kept.
    BadItems(usize),
}

impl From<Unreadable> for ScenarioProblem {
    fn from(e: Unreadable) -> Self {
        match e {
            Unreadable::NotJson => ScenarioProblem::NotJson,
            Unreadable::UnknownVersion(v) => ScenarioProblem::UnknownVersion(v),
            Unreadable::BadShape => ScenarioProblem::BadShape,
        }
    }
}

/// Stored text that could not be read as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRecovery {
    /// What was wrong.
    pub problem: ScenarioProblem,
    /// The text exactly as stored.
    pub raw: String,
}

/// The outcome of reading the stored text.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedScenarios {
    /// What could be read.
    pub store: ScenarioStore,
    /// What could not, if anything.
    pub recovery: Option<ScenarioRecovery>,
}

fn scenario_object(s: &Scenario) -> Map<String, Value> {
    let mut m = Map::new();
    if let Some(g) = s.growth {
        let mut o = Map::new();
        o.insert("from".into(), Value::String(g.from.to_string()));
        o.insert("rate".into(), Value::from(g.rate));
        o.insert(
            "per".into(),
            Value::String(
                match g.per {
                    Per::Month => "month",
                    _ => "year",
                }
                .into(),
            ),
        );
        m.insert("growth".into(), Value::Object(o));
    }
    if let Some(k) = s.shock {
        let mut o = Map::new();
        o.insert("at".into(), Value::String(k.at.to_string()));
        o.insert("size".into(), Value::from(k.size));
        m.insert("shock".into(), Value::Object(o));
    }
    if let Some(t) = s.target {
        let mut o = Map::new();
        o.insert("value".into(), Value::from(t.value));
        o.insert("deadline".into(), Value::String(t.deadline.to_string()));
        o.insert(
            "comparison".into(),
            Value::String(t.comparison.code().into()),
        );
        m.insert("target".into(), Value::Object(o));
    }
    m
}

/// The store as JSON.
#[must_use]
pub fn to_json(store: &ScenarioStore) -> String {
    let items = store
        .items
        .iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("indicator".into(), Value::String(s.indicator.clone()));
            m.insert("name".into(), Value::String(s.named.name.clone()));
            m.extend(scenario_object(&s.named.scenario));
            Value::Object(m)
        })
        .collect();
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::String(SCHEMA.into()));
    doc.insert("version".into(), Value::from(VERSION));
    doc.insert("scenarios".into(), Value::Array(items));
    Value::Object(doc).to_string()
}

fn field<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    o.get(key).filter(|v| !v.is_null())
}

fn finite(v: &Value) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

fn iso(v: &Value) -> Option<Date> {
    Date::parse_iso(v.as_str()?).ok()
}

/// One stored scenario of schema version `version`, or `None` if any part
/// of it does not read.
fn read_item(v: &Value, version: u64) -> Option<SavedScenario> {
    let o = v.as_object()?;
    let indicator = o.get("indicator")?.as_str()?.to_string();
    let name = clean_name(o.get("name")?.as_str()?);
    if indicator.is_empty() || name.is_empty() {
        return None;
    }
    let mut scenario = Scenario::default();
    if let Some(g) = field(o, "growth") {
        let g = g.as_object()?;
        let per = if version < 2 {
            // Version 1 rates were typed per month.
            Per::Month
        } else {
            match g.get("per")?.as_str()? {
                "year" => Per::Year,
                "month" => Per::Month,
                _ => return None,
            }
        };
        scenario.growth = Some(GrowthOverride {
            from: iso(g.get("from")?)?,
            rate: finite(g.get("rate")?)?,
            per,
        });
    }
    if let Some(k) = field(o, "shock") {
        let k = k.as_object()?;
        scenario.shock = Some(Shock {
            at: iso(k.get("at")?)?,
            size: finite(k.get("size")?)?,
        });
    }
    if let Some(t) = field(o, "target") {
        let t = t.as_object()?;
        let comparison = Comparison::from_code(t.get("comparison")?.as_str()?).ok()?;
        scenario.target = Some(
            Target::new(
                finite(t.get("value")?)?,
                iso(t.get("deadline")?)?,
                comparison,
            )
            .ok()?,
        );
    }
    Some(SavedScenario {
        indicator,
        named: NamedScenario { name, scenario },
    })
}

/// Reads the stored text (`None` when nothing is stored).
#[must_use]
pub fn load(raw: Option<&str>) -> LoadedScenarios {
    let Some(raw) = raw else {
        return LoadedScenarios {
            store: ScenarioStore::default(),
            recovery: None,
        };
    };
    let fail = |problem| LoadedScenarios {
        store: ScenarioStore::default(),
        recovery: Some(ScenarioRecovery {
            problem,
            raw: raw.to_string(),
        }),
    };
    let (doc, version) = match open(raw, SCHEMA, VERSION) {
        Ok(opened) => opened,
        Err(e) => return fail(e.into()),
    };
    let Some(items) = doc.get("scenarios").and_then(Value::as_array) else {
        return fail(ScenarioProblem::BadShape);
    };
    // A later scenario of the same indicator and name replaces the earlier
    // one in its place, as saving it would; an index keeps this linear.
    let mut store = ScenarioStore::default();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    let mut bad = 0usize;
    for item in items {
        match read_item(item, version) {
            Some(s) => {
                let key = (s.indicator.clone(), s.named.name.clone());
                match at.get(&key).and_then(|&i| store.items.get_mut(i)) {
                    Some(old) => *old = s,
                    None => {
                        at.insert(key, store.items.len());
                        store.items.push(s);
                    }
                }
            }
            None => bad += 1,
        }
    }
    LoadedScenarios {
        store,
        recovery: (bad > 0).then(|| ScenarioRecovery {
            problem: ScenarioProblem::BadItems(bad),
            raw: raw.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn sample() -> ScenarioStore {
        let mut s = ScenarioStore::default();
        s.save(
            "ndxp_tx",
            NamedScenario {
                name: "Nhanh".into(),
                scenario: Scenario {
                    growth: Some(GrowthOverride::yearly(d(2024, 4, 30), 20.0)),
                    shock: Some(Shock {
                        at: d(2025, 1, 1),
                        size: -10.0,
                    }),
                    target: Some(
                        Target::new(1.5e9, d(2027, 12, 31), Comparison::GreaterThan).unwrap(),
                    ),
                },
            },
        );
        s.save(
            "cdt_teams",
            NamedScenario {
                name: "Chậm".into(),
                scenario: Scenario::default(),
            },
        );
        s
    }

    #[test]
    fn scenarios_round_trip() {
        let s = sample();
        let json = to_json(&s);
        assert!(json.contains("\"schema\":\"dxcast.scenarios\"") && json.contains("\"version\":2"));
        assert!(json.contains("\"per\":\"year\""));
        let l = load(Some(&json));
        assert_eq!(l.recovery, None);
        assert_eq!(l.store, s);
        assert_eq!(load(None).store, ScenarioStore::default());
    }

    #[test]
    fn version_1_rates_were_per_month() {
        // Stored by the app before rates had a period, exactly as it wrote them.
        let raw = r#"{"schema":"dxcast.scenarios","version":1,"scenarios":[{"indicator":"ndxp_tx","name":"Nhanh","growth":{"from":"2023-03-31","rate":4},"shock":{"at":"2024-01-01","size":-8}},{"indicator":"ndxp_tx","name":"Chậm","growth":{"from":"2023-03-31","rate":1}}]}"#;
        let l = load(Some(raw));
        assert_eq!(l.recovery, None);
        let rates: Vec<(String, f64, Per)> = l
            .store
            .items
            .iter()
            .map(|s| {
                let g = s.named.scenario.growth.unwrap();
                (s.named.name.clone(), g.rate, g.per)
            })
            .collect();
        assert_eq!(
            rates,
            [
                ("Nhanh".to_string(), 4.0, Per::Month),
                ("Chậm".to_string(), 1.0, Per::Month)
            ]
        );
        // Saved again as version 2, they keep their meaning.
        let again = to_json(&l.store);
        assert!(again.contains("\"version\":2") && again.contains("\"per\":\"month\""));
        assert_eq!(load(Some(&again)).store, l.store);
        // Version 2 without a period is refused, not guessed.
        let bad = r#"{"schema":"dxcast.scenarios","version":2,"scenarios":[{"indicator":"ndxp_tx","name":"A","growth":{"from":"2023-03-31","rate":4}}]}"#;
        assert_eq!(
            load(Some(bad)).recovery.unwrap().problem,
            ScenarioProblem::BadItems(1)
        );
    }

    #[test]
    fn saving_replaces_by_name_within_an_indicator() {
        let mut s = sample();
        let named = NamedScenario {
            name: " Nhanh ".into(),
            scenario: Scenario::default(),
        };
        assert_eq!(s.save("ndxp_tx", named.clone()), Some(true));
        assert_eq!(s.of("ndxp_tx").count(), 1);
        assert_eq!(
            s.of("ndxp_tx").next().unwrap().scenario,
            Scenario::default()
        );
        // The same name on another indicator is another scenario.
        assert_eq!(s.save("cdt_members", named), Some(false));
        assert_eq!(s.items.len(), 3);
        assert_eq!(
            s.save(
                "x",
                NamedScenario {
                    name: "  ".into(),
                    scenario: Scenario::default()
                }
            ),
            None
        );
        assert!(s.remove("ndxp_tx", "Nhanh"));
        assert!(!s.remove("ndxp_tx", "Nhanh"));
        assert_eq!(s.of("ndxp_tx").count(), 0);
    }

    /// What today's app stored (tests/fixtures/stored-v1.json) reads as
    /// the scenario it saved; saving another one on a full storage changes
    /// nothing, and one saved from another tab is kept.
    #[test]
    fn stored_scenarios_read_and_save_without_loss() {
        use crate::storage::{change, MemoryStore, SaveProblem, Store, Synced};
        let stored: Value =
            serde_json::from_str(include_str!("../tests/fixtures/stored-v1.json")).unwrap();
        let raw = stored[KEY].as_str().unwrap();
        let l = load(Some(raw));
        assert_eq!(l.recovery, None);
        let s = &l.store.items[0];
        assert_eq!(
            (s.indicator.as_str(), s.named.name.as_str()),
            ("ndxp_tx", "Nhanh hơn")
        );
        let g = s.named.scenario.growth.unwrap();
        assert_eq!((g.rate, g.from), (2.5, d(2024, 1, 1)));
        assert_eq!(s.named.scenario.shock.unwrap().size, -10.0);
        assert_eq!(s.named.scenario.target.unwrap().value, 1.5e9);

        let read = |t: &str| {
            let l = load(Some(t));
            l.recovery.is_none().then_some(l.store)
        };
        let mut store = MemoryStore::default();
        store.set(KEY, raw).unwrap();
        store.quota = Some(store.used());
        let mut sync = Synced {
            seen: Some(raw.into()),
            held: false,
        };
        let add = |name: &str| {
            let name = name.to_string();
            move |st: &mut ScenarioStore| {
                st.save(
                    "cdt_teams",
                    NamedScenario {
                        name,
                        scenario: Scenario::default(),
                    },
                );
            }
        };
        let refused = change(
            &mut store,
            KEY,
            &mut sync,
            &l.store,
            read,
            to_json,
            add("B"),
        );
        assert!(matches!(refused, Err(SaveProblem::Full { .. })));
        assert_eq!(store.get(KEY).as_deref(), Some(raw));
        store.quota = None;
        // Another tab saves "C"; this one, still showing the first, saves "D".
        let mut other = Synced {
            seen: Some(raw.into()),
            held: false,
        };
        change(
            &mut store,
            KEY,
            &mut other,
            &l.store,
            read,
            to_json,
            add("C"),
        )
        .unwrap();
        let both = change(
            &mut store,
            KEY,
            &mut sync,
            &l.store,
            read,
            to_json,
            add("D"),
        )
        .unwrap();
        assert!(both.concurrent);
        let names: Vec<&str> = both
            .value
            .items
            .iter()
            .map(|s| s.named.name.as_str())
            .collect();
        assert_eq!(names, ["Nhanh hơn", "C", "D"]);
    }

    #[test]
    fn bad_text_is_kept_and_what_reads_is_used() {
        for (raw, problem) in [
            ("{nope", ScenarioProblem::NotJson),
            ("[]", ScenarioProblem::BadShape),
            ("{\"scenarios\":[]}", ScenarioProblem::BadShape),
            (
                "{\"schema\":\"dxcast.scenarios\",\"version\":1,\"scenarios\":{}}",
                ScenarioProblem::BadShape,
            ),
            (
                "{\"schema\":\"dxcast.scenarios\",\"version\":9,\"scenarios\":[]}",
                ScenarioProblem::UnknownVersion("dxcast.scenarios 9".into()),
            ),
            (
                "{\"schema\":\"other\"}",
                ScenarioProblem::UnknownVersion("other".into()),
            ),
        ] {
            let l = load(Some(raw));
            assert!(l.store.items.is_empty(), "{raw}");
            let r = l.recovery.unwrap();
            assert_eq!((r.problem, r.raw.as_str()), (problem, raw));
        }
        // One good scenario, three bad ones: the good one is kept.
        let raw = r#"{"schema":"dxcast.scenarios","version":1,"scenarios":[
            {"indicator":"ndxp_tx","name":"A","growth":{"from":"2023-04-01","rate":2}},
            {"indicator":"ndxp_tx","name":"B","growth":{"from":"someday","rate":2}},
            {"indicator":"ndxp_tx","name":"C","target":{"value":1,"deadline":"2025-12-31","comparison":"=="}},
            {"name":"D"}]}"#;
        let l = load(Some(raw));
        assert_eq!(l.store.items.len(), 1);
        assert_eq!(l.store.items[0].named.name, "A");
        assert_eq!(l.recovery.unwrap().problem, ScenarioProblem::BadItems(3));
        assert_eq!(backup_key(5), "dxcast.scenarios.backup.5");
    }
}
