//! The share-link decoder (`dxcast_app::share`): any text as a link's
//! query. Whatever it accepts lies within the stated limits and writes a
//! link that reads back to the same view without a problem; a query over
//! the length limit is refused whole; the flags against an indicator's
//! bounds only ever name targets.
#![no_main]

use dxcast_app::share::{
    check, parse, query, LinkExpected, MAX_COMPARED, MAX_QUERY, RATE_RANGE, SHOCK_RANGE,
    VALUE_LIMIT, YEARS,
};
use dxcast_core::scenario::Scenario;
use dxcast_core::{Bounds, Date};
use libfuzzer_sys::fuzz_target;

/// Every number and date of a scenario within the link's limits.
fn within_limits(s: &Scenario) {
    if let Some(g) = s.growth {
        assert!(RATE_RANGE.contains(&g.rate), "rate {}", g.rate);
        assert!(YEARS.contains(&g.from.year()));
    }
    if let Some(k) = s.shock {
        assert!(SHOCK_RANGE.contains(&k.size), "shock {}", k.size);
        assert!(YEARS.contains(&k.at.year()));
    }
    if let Some(t) = s.target {
        assert!(t.value.is_finite() && t.value.abs() <= VALUE_LIMIT);
        assert!(YEARS.contains(&t.deadline.year()));
    }
}

fn clean(name: &str) {
    assert!(name.chars().count() <= 60, "{name:?}");
    assert!(
        !name.contains('|') && !name.chars().any(char::is_control),
        "{name:?}"
    );
    assert_eq!(name, name.trim());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (view, problems) = parse(&text);
    let body = text.strip_prefix('?').unwrap_or(&text);
    if body.chars().count() > MAX_QUERY {
        assert_eq!(problems.len(), 1);
        assert!(matches!(
            problems[0].expected,
            Some(LinkExpected::Shorter { length }) if length == body.chars().count()
        ));
        assert_eq!(view, Default::default());
        return;
    }
    within_limits(&view.scenario);
    clean(&view.name);
    assert!(view.compared.len() <= MAX_COMPARED);
    for c in &view.compared {
        within_limits(&c.scenario);
        clean(&c.name);
        assert!(!c.name.is_empty());
    }
    if let Some(h) = view.horizon {
        assert!(YEARS.contains(&h.year()));
    }
    // Every problem is at a parameter of the link.
    let params = body.split('&').count();
    for p in &problems {
        assert!(p.index >= 1 && p.index <= params, "{p:?}");
    }
    // What was read writes a link that reads back exactly.
    let again = query(&view);
    let (back, none) = parse(&again);
    assert!(none.is_empty(), "{again}: {none:?}");
    assert_eq!(back, view, "{again}");
    // Flags name only the view's own targets.
    let first = Date::from_ymd(2022, 9, 30).ok();
    for bounds in [Bounds::PERCENT, Bounds::NON_NEGATIVE, Bounds::NONE] {
        for f in check(&view, bounds, first) {
            assert!(f.key == "t" || f.key == "c", "{f:?}");
        }
    }
});
