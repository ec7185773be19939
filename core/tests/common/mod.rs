//! Reading the reference fixtures (`fixtures/*.csv`, written by
//! `fixtures/gen_reference.py`): rows of `case,quantity,index,value` after a
//! comment header.

#![allow(dead_code)]

use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};

pub(crate) struct Fixture {
    rows: Vec<(&'static str, &'static str, usize, &'static str)>,
}

impl Fixture {
    pub(crate) fn parse(text: &'static str) -> Fixture {
        let rows = text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("case,") && !l.is_empty())
            .map(|l| {
                let f: Vec<&'static str> = l.split(',').collect();
                assert_eq!(f.len(), 4, "{l}");
                (f[0], f[1], f[2].parse().unwrap(), f[3])
            })
            .collect();
        Fixture { rows }
    }

    fn raw(&self, case: &str, quantity: &str) -> Vec<&'static str> {
        let mut v: Vec<(usize, &'static str)> = self
            .rows
            .iter()
            .filter(|r| r.0 == case && r.1 == quantity)
            .map(|r| (r.2, r.3))
            .collect();
        v.sort_by_key(|r| r.0);
        assert!(!v.is_empty(), "no {case}/{quantity} in the fixture");
        v.into_iter().map(|r| r.1).collect()
    }

    /// The numbers of `case`/`quantity`, in index order.
    pub(crate) fn values(&self, case: &str, quantity: &str) -> Vec<f64> {
        self.raw(case, quantity)
            .iter()
            .map(|v| v.parse().unwrap())
            .collect()
    }

    /// The single number of `case`/`quantity`.
    pub(crate) fn value(&self, case: &str, quantity: &str) -> f64 {
        let v = self.values(case, quantity);
        assert_eq!(v.len(), 1, "{case}/{quantity}");
        v[0]
    }

    /// The dates of `case`/`date`.
    pub(crate) fn dates(&self, case: &str) -> Vec<Date> {
        self.raw(case, "date")
            .iter()
            .map(|d| Date::parse_iso(d).unwrap())
            .collect()
    }

    /// The data's dates with the values of `case`/`quantity`.
    pub(crate) fn points(&self, case: &str, quantity: &str) -> Vec<Point> {
        self.dates("data")
            .into_iter()
            .zip(self.values(case, quantity))
            .map(|(d, y)| Point::new(d, y))
            .collect()
    }
}

/// A series of a stock counted in units, within `bounds`.
pub(crate) fn series(points: &[Point], bounds: Bounds) -> Series<'_> {
    let subject = Subject {
        kind: MeasureKind::Stock,
        unit: Unit::Count,
        bounds,
    };
    Series::new(points, subject).unwrap()
}

/// Relative difference, against `b`.
pub(crate) fn rel(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        a.abs()
    } else {
        ((a - b) / b).abs()
    }
}

/// The largest relative difference between two slices of equal length.
pub(crate) fn worst(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| rel(*x, *y))
        .fold(0.0, f64::max)
}

/// Asserts `worst(a, b) <= tol` and prints the figure.
pub(crate) fn check(what: &str, a: &[f64], b: &[f64], tol: f64) {
    let w = worst(a, b);
    println!("{what:<44} {w:>9.1e}  (tolerance {tol:.0e})");
    assert!(
        w <= tol,
        "{what}: {w:e} > {tol:e}\n ours {a:?}\n ref  {b:?}"
    );
}
