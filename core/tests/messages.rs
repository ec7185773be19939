//! Messages that name what was wrong, where, and what was expected: the
//! cases that used to mislead.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use dxcast_core::convert::flow_between;
use dxcast_core::growth::{cagr, change, ChangeKind};
use dxcast_core::{
    Date, Error, ErrorKind, Expected, Field, LogisticTrend, MeasureKind, Method, ModelSpec, Point,
    Series, Subject, Unit,
};

fn d(y: i32, m: u32, dd: u32) -> Date {
    Date::from_ymd(y, m, dd).unwrap()
}

#[test]
fn equal_dates_repeat_rather_than_go_backwards() {
    let a = Point::new(d(2022, 9, 30), 661e6);
    for e in [flow_between(a, a).unwrap_err(), cagr(a, a).unwrap_err()] {
        assert_eq!(e, Error::DuplicateDate { index: 1 });
        assert!(e.to_string().contains("repeats"), "{e}");
    }
}

#[test]
fn a_relative_change_from_zero_speaks_of_its_base() {
    let e = change(ChangeKind::Relative, 0.0, 5.0).unwrap_err();
    assert_eq!(e.field(), Some(Field::BaseValue));
    let text = e.to_string();
    assert!(
        text.contains("base value") && !text.contains("logarithm"),
        "{text}"
    );
}

#[test]
fn a_cap_below_the_data_names_the_cap() {
    // A series with no bounds: the message must not speak of bounds.
    let pts = [
        Point::new(d(2022, 1, 1), 40.0),
        Point::new(d(2022, 6, 1), 60.0),
        Point::new(d(2023, 1, 1), 80.0),
    ];
    let subject = Subject {
        kind: MeasureKind::Stock,
        unit: Unit::Count,
        bounds: dxcast_core::Bounds::NONE,
    };
    let s = Series::new(&pts, subject).unwrap();
    let e = LogisticTrend::with_cap(70.0).unwrap().fit(&s).unwrap_err();
    assert_eq!(
        e,
        Error::InvalidArgument {
            name: Field::Cap,
            expected: Expected::CapAboveData
        }
    );
    assert!(!e.to_string().contains("bounds"), "{e}");
}

#[test]
fn a_fractional_degree_names_the_degree() {
    let mut spec = ModelSpec::new(Method::Polynomial);
    let e = spec.set("degree", 2.5).unwrap_err();
    assert_eq!(
        (e.kind(), e.field()),
        (ErrorKind::InvalidArgument, Some(Field::Degree))
    );
    assert!(e.to_string().contains("degree"), "{e}");
    // A setting the method does not take names itself.
    let e = ModelSpec::new(Method::Linear)
        .set("alpha", 0.5)
        .unwrap_err();
    assert_eq!(e.field(), Some(Field::Alpha));
}

#[test]
fn impossible_targets_and_deadlines_are_flagged() {
    use dxcast_core::analytics::Settings;
    use dxcast_core::verdict::Staleness;
    use dxcast_core::{Comparison, LinearTrend, Model, Target, TargetStatus};
    // Online dossiers' share, 43 % then 52,8 %, 65 % (r000, r001, later).
    let pts = [
        Point::new(d(2022, 9, 30), 43.0),
        Point::new(d(2022, 12, 31), 52.8),
        Point::new(d(2023, 6, 30), 65.0),
    ];
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
    let fitted = Model::Linear(LinearTrend::new()).fit(&s).unwrap();
    let today = Settings::new(d(2023, 7, 1), 0.95);
    for (value, comparison) in [
        (-5.0, Comparison::AtLeast),
        (134.0, Comparison::AtLeast),
        (100.0, Comparison::GreaterThan),
    ] {
        let t = Target::new(value, d(2025, 12, 31), comparison).unwrap();
        let a = fitted.analyse(&t, &today).unwrap();
        assert_eq!(
            a.status,
            TargetStatus::Unreachable,
            "{value} {comparison:?}"
        );
    }
    // A deadline before the first figure: no trend is carried back to it.
    let t = Target::new(40.0, d(2021, 12, 31), Comparison::AtLeast).unwrap();
    let a = fitted.analyse(&t, &today).unwrap();
    assert_eq!(
        (a.status, a.staleness),
        (TargetStatus::Stale, Some(Staleness::BeforeData))
    );
}
