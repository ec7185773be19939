//! Every result is a finite number or explicitly unknown: the cases where a
//! result used to be NaN or infinite, each with the answer it must give now.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use dxcast_core::analytics::{Quantity, Settings};
use dxcast_core::convert::{period_total, run_rate};
use dxcast_core::forecast::{ForecastPoint, Horizon};
use dxcast_core::growth::{cagr, relative_change};
use dxcast_core::{
    Claim, ClaimKind, Comparison, Date, Error, Field, Figure, LinearTrend, LogLinearTrend,
    MeasureKind, Model, Period, Point, Series, Subject, Symbol, Target, Unit, Unknown, Verdict,
};

fn d(y: i32, m: u32, dd: u32) -> Date {
    Date::from_ymd(y, m, dd).unwrap()
}

const TODAY: fn() -> Settings = || Settings::new(d(2023, 4, 1), 0.95);

#[test]
fn an_exact_line_has_an_unknown_spread() {
    // Two points: the line passes through both, nothing is left to estimate
    // the error from.
    let pts = [
        Point::new(d(2021, 12, 31), 40.0),
        Point::new(d(2022, 12, 31), 52.8),
    ];
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
    let fitted = Model::Linear(LinearTrend::new()).fit(&s).unwrap();
    let summary = fitted.summary();
    assert_eq!(summary.df, 0);
    assert_eq!(summary.residual_sd, None);
    let target = Target::new(60.0, d(2023, 12, 31), Comparison::AtLeast).unwrap();
    let a = fitted.analyse(&target, &TODAY()).unwrap();
    // The share's interval is its whole range; the probability is unknown.
    assert_eq!((a.low, a.high), (Some(0.0), Some(100.0)));
    assert_eq!(a.probability, None);
    let e = a.explain(Quantity::Probability).unwrap();
    assert_eq!(e.result, None);
    assert_eq!(e.unknown, Some(Unknown::Spread));
    assert_eq!(e.term(Symbol::StandardError), None);
    // A count's interval has no upper end.
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let fitted = Model::Linear(LinearTrend::new()).fit(&s).unwrap();
    let mut out = [ForecastPoint::default(); 2];
    fitted
        .forecast_into(
            Horizon::Dates(&[d(2023, 6, 30), d(2024, 6, 30)]),
            0.95,
            &mut out,
        )
        .unwrap();
    assert!(out.iter().all(|p| p.lo == Some(0.0) && p.hi.is_none()));
}

#[test]
fn attainment_of_a_zero_target_is_unknown() {
    let pts = [
        Point::new(d(2021, 12, 31), 12.0),
        Point::new(d(2022, 6, 30), 9.0),
        Point::new(d(2022, 12, 31), 7.0),
    ];
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let fitted = Model::Linear(LinearTrend::new()).fit(&s).unwrap();
    let target = Target::new(0.0, d(2024, 12, 31), Comparison::AtMost).unwrap();
    let a = fitted.analyse(&target, &TODAY()).unwrap();
    // "At most 0": attainment is 0 as a percentage of 7, not a ratio to 0.
    assert_eq!(a.attainment, Some(0.0));
    let up = Target::new(0.0, d(2024, 12, 31), Comparison::AtLeast).unwrap();
    let a = fitted.analyse(&up, &TODAY()).unwrap();
    assert_eq!(a.attainment, None);
    let e = a.explain(Quantity::Attainment).unwrap();
    assert_eq!(e.unknown, Some(Unknown::ZeroTarget));
}

#[test]
fn an_exponential_to_the_end_of_time_overflows_instead_of_judging() {
    // 180 million, then 860 million a year later: ×4.8 a year for 7,977 years.
    let pts = [
        Point::new(d(2021, 12, 31), 180e6),
        Point::new(d(2022, 12, 31), 860e6),
        Point::new(d(2023, 3, 31), 1_100e6),
    ];
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let fitted = Model::LogLinear(LogLinearTrend::new()).fit(&s).unwrap();
    let end = d(9999, 12, 31);
    let mut out = [ForecastPoint::default(); 1];
    assert_eq!(
        fitted.forecast_into(Horizon::Dates(&[end]), 0.95, &mut out),
        Err(Error::Overflow {
            what: Field::Projection,
            index: 0
        })
    );
    let target = Target::new(1e9, end, Comparison::AtLeast).unwrap();
    assert_eq!(
        fitted.analyse(&target, &TODAY()).map(|a| a.status),
        Err(Error::Overflow {
            what: Field::Projection,
            index: 0
        })
    );
}

#[test]
fn conversions_that_overflow_are_errors() {
    let overflow = |what| Err(Error::Overflow { what, index: 0 });
    assert_eq!(
        run_rate(1e308, d(2022, 6, 30)).map(|r| r.value),
        overflow(Field::Total)
    );
    assert_eq!(
        period_total(1e308, Period::year(2022).unwrap()).map(|t| t.value),
        overflow(Field::Total)
    );
    assert_eq!(
        relative_change(1e-300, 1e300).map(|c| c.value),
        overflow(Field::Change)
    );
    // Equal dates repeat, they are not out of order.
    let p = Point::new(d(2022, 1, 1), 1.0);
    assert_eq!(
        cagr(p, p).map(|c| c.years),
        Err(Error::DuplicateDate { index: 1 })
    );
    // A relative change from 0 is not about logarithms.
    let e = relative_change(0.0, 5.0).unwrap_err();
    assert_eq!(e.field(), Some(Field::BaseValue));
    assert!(!e.to_string().contains("logarithm"), "{e}");
}

#[test]
fn a_claim_whose_sum_overflows_cannot_be_checked() {
    let claim = Claim::new(ClaimKind::Sum, Some(Figure::exact(1.0).unwrap()))
        .with(Figure::exact(1e308).unwrap())
        .unwrap()
        .with(Figure::exact(1e308).unwrap())
        .unwrap();
    let check = claim.check().unwrap();
    assert_eq!(check.verdict, Verdict::CannotCheck);
    assert_eq!(check.reason, Some(dxcast_core::claim::Unchecked::Overflow));
    assert_eq!(check.explanation.result, None);
}
