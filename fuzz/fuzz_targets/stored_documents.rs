//! The stored documents' readers (`dxcast_app::storage`, `scenarios`): any
//! text as the stored user rows and as the stored scenarios. Text that does
//! not read is kept exactly as it was; what reads is saved again and reads
//! back the same; saving into a full store changes nothing unless the
//! new document takes no more room than the old.
#![no_main]

use std::sync::OnceLock;

use dxcast_app::dataset::Dataset;
use dxcast_app::storage::{change, MemoryStore, SaveProblem, Store, Synced};
use dxcast_app::{scenarios, storage};
use libfuzzer_sys::fuzz_target;

fn builtin() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::builtin().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let b = builtin();

    let loaded = storage::load(Some(text), b);
    if let Some(r) = &loaded.recovery {
        assert_eq!(r.raw, text);
    }
    let json = storage::to_json(&loaded.user);
    let again = storage::load(Some(&json), b);
    assert_eq!(again.recovery, None, "{json}");
    assert_eq!(again.user, loaded.user);
    assert_eq!(storage::to_json(&again.user), json);

    let saved = scenarios::load(Some(text));
    if let Some(r) = &saved.recovery {
        assert_eq!(r.raw, text);
    }
    let json = scenarios::to_json(&saved.store);
    let again = scenarios::load(Some(&json));
    assert_eq!(again.recovery, None, "{json}");
    assert_eq!(again.store, saved.store);

    // The text as another tab's save, under a store with no room to
    // spare: the change is refused and the store and `sync` keep what they
    // had, unless the new document takes no more room than the text it
    // replaces (a version-1 document saved as version 2 shrinks), and then
    // it is saved whole and reads back.
    let mut store = MemoryStore::default();
    store.set(storage::USER_KEY, text).unwrap();
    store.quota = Some(store.used());
    let mut sync = Synced::default();
    let read = |t: &str| {
        let l = storage::load(Some(t), b);
        l.recovery.is_none().then_some(l.user)
    };
    let r = change(
        &mut store,
        storage::USER_KEY,
        &mut sync,
        &loaded.user,
        read,
        storage::to_json,
        |u| u.indicators.push(vec!["x".into()]),
    );
    let units = |t: &str| t.encode_utf16().count();
    match r {
        Ok(c) => {
            assert!(c.concurrent);
            let saved = store.get(storage::USER_KEY).unwrap();
            assert!(units(&saved) <= units(text), "{saved}");
            assert_eq!(sync.seen.as_deref(), Some(saved.as_str()));
            assert_eq!(saved, storage::to_json(&c.value));
        }
        Err(SaveProblem::Full { bytes }) => {
            assert!(bytes > units(text).saturating_mul(2));
            assert_eq!(store.get(storage::USER_KEY).as_deref(), Some(text));
            assert_eq!(sync, Synced::default());
        }
        Err(SaveProblem::ChangedUnreadable) => {
            assert_eq!(store.get(storage::USER_KEY).as_deref(), Some(text));
            assert_eq!(sync, Synced::default());
        }
        Err(e) => panic!("{e:?}"),
    }
});
