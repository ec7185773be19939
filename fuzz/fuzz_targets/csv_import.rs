//! The CSV import path: any text, read as each of dxcast's five files; the
//! rows that parse then go through the claims runner. Every error names a
//! line within the text; no explanation holds a number that is not finite.
#![no_main]

use dxcast_core::csv::{
    check_claims, read, ClaimOutcome, ClaimRow, IndicatorRow, ObservationRow, ReportRow, Row,
    TargetRow,
};
use dxcast_core::{Error, Field};
use dxcast_fuzz::known;
use libfuzzer_sys::fuzz_target;

/// The rows of `text` that parse; every error's line is within the text.
fn rows<'a, R: Row<'a>>(text: &'a str) -> Vec<R> {
    let lines = u32::try_from(text.len())
        .unwrap_or(u32::MAX)
        .saturating_add(2);
    let Ok(rows) = read::<R>(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in rows {
        match r {
            Ok(r) => out.push(r),
            Err(Error::Parse { line, .. }) => assert!(line >= 1 && line <= lines, "line {line}"),
            Err(_) => {}
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = rows::<ReportRow>(text);
    for i in rows::<IndicatorRow>(text) {
        let _ = i.indicator();
    }
    // The same text as each of the three files the claims runner reads, and
    // as their header lines followed by it.
    let observations: Vec<ObservationRow> = rows(text);
    let targets: Vec<TargetRow> = rows(text);
    let claims: Vec<ClaimRow> = rows(text);
    let mut out: Vec<dxcast_core::Result<ClaimOutcome>> = vec![
        Err(Error::Empty {
            what: Field::Outcomes
        });
        claims.len()
    ];
    let mut index = vec![0; claims.len() + observations.len() + targets.len()];
    check_claims(&claims, &observations, &targets, &mut out, &mut index).unwrap();
    for o in out.iter().flatten() {
        let e = &o.check.explanation;
        known(e.result, "claim result");
        for t in &e.terms {
            known(t.value, "claim term");
        }
    }
});
