//! The CSV import's planning (`dxcast_app::import`): any text as a file to
//! import. Every error names a line of the text; nothing is read past the
//! limits; every row it accepts is imported and reads back from the user's
//! data without being rejected.
#![no_main]

use std::sync::OnceLock;

use dxcast_app::dataset::{Dataset, UserData};
use dxcast_app::import::{apply, plan, MAX_ROWS};
use dxcast_core::Date;
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
    let today = Date::from_ymd(2026, 11, 22).unwrap();
    let p = plan(text, b, today);
    // Lines as the reader counts them: LF, CRLF and a lone CR each end one.
    let lines =
        u32::try_from(text.replace("\r\n", "\n").split(['\n', '\r']).count()).unwrap_or(u32::MAX);
    if p.problem.is_some() {
        assert!(p.good.is_empty() && p.bad.is_empty());
        return;
    }
    assert!(p.good.len() + p.bad.len() <= MAX_ROWS);
    for e in &p.bad {
        assert!(e.line >= 2 && e.line <= lines, "{e:?} of {lines}");
    }
    let mut last = 0;
    for (line, _) in &p.good {
        assert!(*line > last && *line <= lines, "{line} of {lines}");
        last = *line;
    }
    let mut user = UserData::default();
    if apply(&p, &mut user, b, true).is_ok() {
        let (_, rejected) = b.with_user(&user);
        assert!(rejected.is_empty(), "{:?}", rejected.first());
    }
});
