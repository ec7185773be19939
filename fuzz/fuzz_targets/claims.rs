//! Claim checks on any figures: the verdict follows from the intervals,
//! every number in the check is finite or absent.
#![no_main]

use dxcast_core::{Claim, ClaimKind, Figure, Period, Qualifier, Verdict};
use dxcast_fuzz::{finite, known, Bytes};
use libfuzzer_sys::fuzz_target;

fn figure(b: &mut Bytes<'_>) -> Option<Figure> {
    let q = Qualifier::ALL[b.below(Qualifier::ALL.len())];
    match b.u8() % 4 {
        0 => None,
        1 => Figure::exact(b.f64()).ok(),
        2 => Figure::between(b.f64(), b.f64()).ok(),
        _ => Figure::stated(b.f64(), b.f64(), q).ok(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let kind = ClaimKind::ALL[b.below(ClaimKind::ALL.len())];
    let stated = figure(&mut b);
    let mut claim = Claim::new(kind, stated);
    if b.u8() < 200 {
        let (x, y) = (b.date(), b.date());
        if let Ok(p) = Period::range(x.min(y), x.max(y)) {
            claim = claim.during(p);
        }
    }
    for _ in 0..b.below(9) {
        claim = match figure(&mut b) {
            Some(f) => match claim.clone().with(f) {
                Ok(c) => c,
                Err(_) => break,
            },
            None => match claim.clone().missing() {
                Ok(c) => c,
                Err(_) => break,
            },
        };
    }
    let Ok(check) = claim.check() else { return };
    known(check.explanation.result, "claim result");
    for t in &check.explanation.terms {
        known(t.value, "claim term");
    }
    if let Some(r) = check.recomputed {
        finite(r.lo(), "recomputed lo");
        finite(r.hi(), "recomputed hi");
        assert!(r.lo() <= r.hi());
    }
    match check.verdict {
        Verdict::Agree | Verdict::Disagree => {
            let (r, s) = (check.recomputed.unwrap(), check.stated.unwrap());
            assert_eq!(check.verdict == Verdict::Agree, r.overlaps(s), "{check:?}");
            assert!(check.reason.is_none());
        }
        Verdict::CannotCheck => assert!(check.reason.is_some(), "{check:?}"),
    }
});
