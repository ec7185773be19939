//! The growth curves against references from outside the code:
//!
//! - NIST StRD Rat42 (`data/nist/Rat42.dat`), a logistic with a fitted cap:
//!   every certified value (parameters, two of their standard deviations,
//!   the residual sum of squares and standard deviation) to all of its 11
//!   digits: ours, rounded to 11 significant digits, is the certified value
//!   (the log relative error is printed; against a value itself rounded to
//!   11 digits it can read 10.6 for a result that rounds right);
//! - least-squares minima located to 50 digits (`fixtures/growth.csv`,
//!   written by `fixtures/gen_growth.py` with mpmath): R's `SSlogis` example
//!   (ChickWeight, chick 1), whose fitted cap lies far above the data and
//!   makes the problem ill-conditioned (R's `nls` gets 5 digits of the cap),
//!   a logistic share that starts at 0, and Gompertz curves with a given cap
//!   (a share with zeros) and a fitted one. Parameters must reach 10 digits,
//!   the SSE and fitted values 1e-12 relative.
//!
//! Rat42's x (days of growing time) becomes dates: the first observation at
//! x = 9 on 2000-01-10, one day per unit, and t in years from it, so
//! `b1 = K`, `b3 = r / 365.2425` and `b2 = b3 (9 + 365.2425 t₀)`.
//!
//! Run with `-- --nocapture` for the table.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{check, rel, Fixture};
use dxcast_core::trend::{GompertzTrend, LogisticTrend};
use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};

const RAT42: &str = include_str!("data/nist/Rat42.dat");
const GROWTH: &str = include_str!("fixtures/growth.csv");
const DAYS_PER_YEAR: f64 = 365.2425;

/// The number of correct significant digits of `x` against `certified`.
fn lre(x: f64, certified: f64) -> f64 {
    let r = rel(x, certified);
    if r == 0.0 {
        16.0
    } else {
        (-r.log10()).min(16.0)
    }
}

/// The certified value after `label` on its line (the first number).
fn certified(text: &str, label: &str) -> Vec<f64> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("{label} in Rat42.dat"));
    line[line.find(label).unwrap() + label.len()..]
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect()
}

#[test]
fn rat42_keeps_every_certified_digit() {
    let lines: Vec<&str> = RAT42.lines().collect();
    let data_at = lines.iter().rposition(|l| l.starts_with("Data:")).unwrap();
    let rows: Vec<(f64, f64)> = lines[data_at + 1..]
        .iter()
        .filter_map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (v.len() == 2).then(|| (v[0], v[1]))
        })
        .collect();
    assert_eq!(rows.len(), 9);
    let d0 = Date::from_ymd(2000, 1, 1).unwrap();
    let pts: Vec<Point> = rows
        .iter()
        .map(|&(y, x)| Point::new(d0.add_days(x as i32).unwrap(), y))
        .collect();
    let subject = Subject {
        kind: MeasureKind::Stock,
        unit: Unit::Count,
        bounds: Bounds::NONE,
    };
    let s = Series::new(&pts, subject).unwrap();
    let fit = LogisticTrend::fitted_cap().fit(&s).unwrap();
    let x0 = rows[0].1;
    let b1 = fit.cap();
    let b3 = fit.rate() / DAYS_PER_YEAR;
    let b2 = b3 * (x0 + fit.midpoint() * DAYS_PER_YEAR);
    let (se_k, se_r, _) = fit.standard_errors();
    let ours = [
        ("b1", b1, certified(RAT42, "b1 =")[2]),
        ("b2", b2, certified(RAT42, "b2 =")[2]),
        ("b3", b3, certified(RAT42, "b3 =")[2]),
        ("sd(b1)", se_k, certified(RAT42, "b1 =")[3]),
        ("sd(b3)", se_r / DAYS_PER_YEAR, certified(RAT42, "b3 =")[3]),
        (
            "residual sum of squares",
            fit.sse(),
            certified(RAT42, "Residual Sum of Squares:")[0],
        ),
        (
            "residual SD",
            fit.residual_sd(),
            certified(RAT42, "Residual Standard Deviation:")[0],
        ),
    ];
    println!();
    for (name, x, c) in ours {
        let digits = lre(x, c);
        println!("Rat42 {name:<24} {x:>22.15e}  certified {c:>18.10e}  LRE {digits:.1}");
        assert_eq!(format!("{x:.10e}"), format!("{c:.10e}"), "Rat42 {name}");
    }
}

fn points(f: &Fixture, case: &str) -> Vec<Point> {
    f.dates(case)
        .into_iter()
        .zip(f.values(case, "y"))
        .map(|(d, y)| Point::new(d, y))
        .collect()
}

#[test]
fn minima_to_ten_digits_and_more() {
    let f = Fixture::parse(GROWTH);
    println!();
    for case in ["chick1", "logistic_zero", "gompertz_share", "gompertz_cap"] {
        let pts = points(&f, case);
        let given = f.value(case, "cap_given");
        let (subject, bounds) = if given > 0.0 {
            (
                Subject::of_kind(MeasureKind::Share, Unit::Percent),
                Bounds::PERCENT,
            )
        } else {
            (
                Subject {
                    kind: MeasureKind::Stock,
                    unit: Unit::Count,
                    bounds: Bounds::NON_NEGATIVE,
                },
                Bounds::NON_NEGATIVE,
            )
        };
        let s = Series::new(&pts, subject).unwrap();
        let (cap, rate, midpoint, sse, fitted) = if case.starts_with("gompertz") {
            let fit = GompertzTrend::for_bounds(bounds).fit(&s).unwrap();
            let mut out = vec![0.0; pts.len()];
            fit.fitted_into(&s, &mut out).unwrap();
            (fit.cap(), fit.rate(), fit.midpoint(), fit.sse(), out)
        } else {
            let fit = LogisticTrend::for_bounds(bounds).fit(&s).unwrap();
            let mut out = vec![0.0; pts.len()];
            fit.fitted_into(&s, &mut out).unwrap();
            (fit.cap(), fit.rate(), fit.midpoint(), fit.sse(), out)
        };
        let want = [
            f.value(case, "cap"),
            f.value(case, "rate"),
            f.value(case, "midpoint"),
        ];
        let digits = [cap, rate, midpoint]
            .iter()
            .zip(want)
            .map(|(x, w)| lre(*x, w))
            .fold(16.0, f64::min);
        println!(
            "{case:<16} K {cap:.12e} r {rate:.12e} t₀ {midpoint:.12e}  fewest digits {digits:.1}"
        );
        assert!(digits >= 10.0, "{case}: {digits:.1} digits");
        check(
            &format!("{case}: SSE"),
            &[sse],
            &[f.value(case, "sse")],
            1e-12,
        );
        check(
            &format!("{case}: fitted values"),
            &fitted,
            &f.values(case, "fitted"),
            1e-12,
        );
    }
    // R's SSlogis parameters of chick 1, from ours.
    let pts = points(&f, "chick1");
    let s = Series::new(
        &pts,
        Subject {
            kind: MeasureKind::Stock,
            unit: Unit::Count,
            bounds: Bounds::NON_NEGATIVE,
        },
    )
    .unwrap();
    let fit = LogisticTrend::fitted_cap().fit(&s).unwrap();
    let sslogis = [
        fit.cap(),
        fit.midpoint() * DAYS_PER_YEAR,
        DAYS_PER_YEAR / fit.rate(),
    ];
    let want = [
        f.value("chick1", "asym"),
        f.value("chick1", "xmid"),
        f.value("chick1", "scal"),
    ];
    for ((name, x), w) in ["Asym", "xmid", "scal"].iter().zip(sslogis).zip(want) {
        println!(
            "chick1 SSlogis {name:<5} {x:.15e}  50-digit {w:.15e}  digits {:.1}",
            lre(x, w)
        );
        assert!(lre(x, w) >= 10.0);
    }
}

#[test]
fn zeros_are_accepted_and_negatives_are_not() {
    let d0 = Date::from_ymd(2020, 1, 1).unwrap();
    let mut pts: Vec<Point> = [0.0, 3.0, 14.0, 38.0, 61.0, 78.0]
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d0.add_months(6 * k as i32).unwrap(), *v))
        .collect();
    let share = Subject::of_kind(MeasureKind::Share, Unit::Percent);
    let s = Series::new(&pts, share).unwrap();
    assert!(LogisticTrend::for_bounds(Bounds::PERCENT).fit(&s).is_ok());
    assert!(GompertzTrend::for_bounds(Bounds::PERCENT).fit(&s).is_ok());
    pts[0].value = -1.0;
    let free = Subject {
        kind: MeasureKind::Stock,
        unit: Unit::Count,
        bounds: Bounds::NONE,
    };
    let s = Series::new(&pts, free).unwrap();
    assert!(matches!(
        GompertzTrend::with_cap(100.0).unwrap().fit(&s),
        Err(dxcast_core::Error::OutOfBounds { index: 0, .. })
    ));
}
