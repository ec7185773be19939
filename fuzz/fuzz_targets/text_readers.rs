//! The text readers: Vietnamese numbers, dates, periods, method settings and
//! codes. Whatever they accept holds finite numbers and reads back.
#![no_main]

use dxcast_core::number::parse_vi;
use dxcast_core::{Date, MeasureKind, Method, ModelSpec, Period, Qualifier, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(n) = parse_vi(&text) {
        assert!(
            n.value.is_finite() && n.precision.is_finite(),
            "{text:?}: {n:?}"
        );
    }
    if let Ok(d) = Date::parse_iso(&text) {
        assert_eq!(Date::parse_iso(&d.to_string()), Ok(d));
    }
    let _ = Date::parse_dmy(&text);
    if let Ok(p) = Period::parse(&text) {
        assert!(p.start() <= p.end());
        assert!(p.days() >= 1);
    }
    if let Ok(spec) = ModelSpec::parse(&text) {
        // What parses writes back to the same settings.
        let again = ModelSpec::parse(&spec.to_string()).unwrap();
        assert_eq!(again.method, spec.method);
        assert_eq!(again.settings().count(), spec.settings().count());
        if let Ok(model) = spec.model() {
            assert_eq!(model.method(), spec.method);
        }
    }
    let _ = (
        Method::from_code(&text),
        Unit::from_code(&text),
        MeasureKind::from_code(&text),
        Qualifier::from_code(&text),
    );
});
