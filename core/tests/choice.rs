//! Method choice on a long series (AirPassengers, from `fixtures/holt_r.csv`)
//! and on short ones: every method's back test agrees with refitting it at
//! every origin, Holt's methods are scored when the series allows, and the
//! warnings flag projections that leave the bounds or outgrow the series.
//!
//! The back tests update each method from one origin to the next instead of
//! refitting it; these tests refit with the public API and compare:
//! regressions to 1e-9 relative (the same least squares, solved by QR on
//! refit and by updated sums in the back test), Holt's one-step forecasts to
//! 1e-9 (refitted with the smoothing parameters given, as the back test
//! keeps them, and the starting states solved on each prefix).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{rel, Fixture};
use dxcast_core::choice::{choose, choose_until, Backtest, Criterion, NotScored, Warning};
use dxcast_core::trend::Holt;
use dxcast_core::{Date, Fit, MeasureKind, Method, Model, Point, Series, Subject, Unit};

const FIXTURE: &str = include_str!("fixtures/holt_r.csv");

fn air_passengers() -> Vec<Point> {
    let f = Fixture::parse(FIXTURE);
    f.dates("airpassengers")
        .into_iter()
        .zip(f.values("airpassengers", "y"))
        .map(|(d, y)| Point::new(d, y))
        .collect()
}

/// The MAPE of `model` refitted at every origin from `origin`.
fn refitted_mape(model: &Model, s: &Series<'_>, origin: usize) -> f64 {
    let pts = s.points();
    let mut sum = 0.0;
    for i in origin..pts.len() {
        let train = Series::new(&pts[..i], s.subject()).unwrap();
        let fit = model.fit(&train).unwrap();
        let y = fit.predict(pts[i].date).unwrap().point_within(s.bounds());
        sum += (pts[i].value - y).abs() / pts[i].value;
    }
    100.0 * sum / (pts.len() - origin) as f64
}

#[test]
fn every_method_is_scored_on_airpassengers_as_a_refit_would_score_it() {
    let pts = air_passengers();
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let c = choose(&s).unwrap();
    assert_eq!(c.criterion, Criterion::OneStepError);
    assert!(c.unavailable.is_empty());
    println!();
    for r in &c.ranked {
        let Backtest::Scored {
            mape,
            tests,
            origin,
        } = r.backtest
        else {
            panic!("{:?} not scored: {:?}", r.method(), r.backtest)
        };
        // Damped Holt fits from 6 points: every method from the 7th.
        assert_eq!((origin, tests), (6, pts.len() - 6));
        assert_eq!(r.score, Some(mape));
        let reference = match r.fitted.fit() {
            Fit::Holt(h) | Fit::DampedHolt(h) => {
                let mut given = Holt::with_params(h.alpha(), h.beta()).unwrap();
                if h.is_damped() {
                    given = given.with_damping(h.phi()).unwrap();
                }
                refitted_mape(&Model::Holt(given), &s, origin)
            }
            _ => refitted_mape(&r.model, &s, origin),
        };
        println!(
            "{:<12} MAPE {mape:>8.4} %  refitted {reference:>8.4} %  warnings {:?}",
            r.method().code(),
            r.warnings
        );
        assert!(
            rel(mape, reference) < 1e-9,
            "{:?}: {mape} vs {reference}",
            r.method()
        );
    }
    let scores: Vec<f64> = c.ranked.iter().filter_map(|r| r.score).collect();
    assert!(scores.windows(2).all(|w| w[0] <= w[1]));
    // The recommended method is already fitted to the whole series.
    let best = c.best().unwrap();
    assert_eq!(best.fitted, best.model.fit(&s).unwrap());
}

fn quarterly(values: &[f64]) -> Vec<Point> {
    let d0 = Date::from_ymd(2019, 3, 31).unwrap();
    values
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d0.add_months(3 * k as i32).unwrap(), *v))
        .collect()
}

#[test]
fn holt_is_scored_once_a_third_of_the_series_stays_held_out() {
    let subject = Subject::of_kind(MeasureKind::Stock, Unit::Count);
    let values = [
        100.0, 108.0, 119.0, 127.0, 140.0, 151.0, 160.0, 174.0, 183.0, 197.0,
    ];
    let scored = |n: usize, m: Method| {
        let pts = quarterly(&values[..n]);
        let s = Series::new(&pts, subject).unwrap();
        let c = choose(&s).unwrap();
        let r = c.ranked.iter().find(|r| r.method() == m).unwrap();
        (r.backtest.mape().is_some(), r.backtest)
    };
    // Holt fits from 5 points: 7 leave 2 held out, under a third.
    assert!(!scored(7, Method::Holt).0);
    assert!(matches!(
        scored(7, Method::Holt).1,
        Backtest::NotScored(NotScored::FewPoints { needed: 8, got: 7 })
    ));
    assert!(scored(8, Method::Holt).0);
    assert!(!scored(8, Method::DampedHolt).0);
    assert!(scored(9, Method::DampedHolt).0);
}

#[test]
fn warnings_flag_projections_out_of_bounds_and_runaway_growth() {
    // A count falling by 20 a quarter: the straight line crosses 0.
    let pts = quarterly(&[200.0, 178.0, 161.0, 140.0, 122.0]);
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let until = Date::from_ymd(2022, 12, 31).unwrap();
    let c = choose_until(&s, until).unwrap();
    assert_eq!(c.horizon, until);
    let line = c
        .ranked
        .iter()
        .find(|r| r.method() == Method::Linear)
        .unwrap();
    let below = line
        .warnings
        .iter()
        .find_map(|w| match w {
            Warning::BelowBound { date, value } => Some((*date, *value)),
            _ => None,
        })
        .unwrap();
    assert!(below.1 < 0.0 && below.0 <= until);
    // The exponential stays above 0: no such warning.
    let exp = c
        .ranked
        .iter()
        .find(|r| r.method() == Method::LogLinear)
        .unwrap();
    assert!(!exp
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::BelowBound { .. })));

    // A share rising 12 points a quarter: the line passes 100.
    let pts = quarterly(&[40.0, 52.0, 64.0, 76.0]);
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent)).unwrap();
    let c = choose(&s).unwrap();
    let line = c
        .ranked
        .iter()
        .find(|r| r.method() == Method::Linear)
        .unwrap();
    assert!(line
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::AboveBound { value, .. } if *value > 100.0)));
    let logistic = c
        .ranked
        .iter()
        .find(|r| r.method() == Method::Logistic)
        .unwrap();
    assert!(logistic.warnings.is_empty(), "{:?}", logistic.warnings);

    // Flat for a year, then doubled in the last quarter: the quadratic
    // bends up with the jump and projects far faster growth than any between
    // figures a year apart (+100 %: beyond 150 % a year is flagged); the
    // straight line does not.
    let pts = quarterly(&[100.0, 100.0, 101.0, 99.0, 100.0, 200.0]);
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let c = choose(&s).unwrap();
    let growth = |m: Method| {
        c.ranked
            .iter()
            .find(|r| r.method() == m)
            .unwrap()
            .warnings
            .iter()
            .find_map(|w| match w {
                Warning::FastGrowth(f) => Some(*f),
                _ => None,
            })
    };
    let flag = growth(Method::Polynomial).unwrap();
    assert!(flag.per_year.unwrap() > flag.limit);
    assert!(
        (flag.fastest.unwrap() - 100.0).abs() < 1.0
            && (flag.limit - 1.5 * flag.fastest.unwrap()).abs() < 1e-9
    );
    assert!(growth(Method::Linear).is_none());
}

#[test]
fn the_reason_lists_what_could_not_run() {
    // Three counts: line and exponential fit, the quadratic and Holt do not.
    let pts = quarterly(&[59_600.0, 68_933.0, 71_836.0]);
    let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count)).unwrap();
    let c = choose(&s).unwrap();
    let missing: Vec<Method> = c.unavailable.iter().map(|u| u.method()).collect();
    assert_eq!(
        missing,
        [Method::DampedHolt, Method::Holt, Method::Polynomial]
    );
    for u in &c.unavailable {
        assert!(matches!(
            u.error,
            dxcast_core::Error::TooFewPoints { got: 3, .. }
        ));
    }
    for r in &c.ranked {
        assert!(matches!(
            r.backtest,
            Backtest::NotScored(NotScored::FewPoints { got: 3, .. })
        ));
    }
}
