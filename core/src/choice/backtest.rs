//! One-step-ahead forecasts from a rolling origin, by updating rather than
//! refitting.
//!
//! Every observation from the origin on is predicted from the ones before
//! it, and the mean absolute percentage error (MAPE) of those predictions is
//! the method's back-test score. Refitting every method at every origin
//! costs O(n²) or more; here each method carries what its fit needs from one
//! observation to the next:
//!
//! - straight lines in time (linear, and log-linear on `ln y`): running
//!   means and co-moments (Welford), the least-squares line in O(1) at each
//!   origin;
//! - polynomials: the normal equations in powers of the time since the
//!   first point, added to one row at a time and solved at each origin by
//!   Cholesky after equilibration (p³ for p coefficients); an origin whose
//!   sums cannot tell the powers apart (the first few points of a long
//!   series, close together on its time axis) is refitted;
//! - Holt's methods: one pass of the recursion with the smoothing
//!   parameters fitted to the whole series, and the starting states solved
//!   at each origin from the one-step errors before it (the sums of the 2 × 2
//!   solve are carried along). Only the two or three smoothing parameters
//!   see the held-out points;
//! - the growth curves (nonlinear least squares) are refitted at each origin:
//!   O(n²), on the short share series they serve.
//!
//! Predictions are clamped into the indicator's bounds, as the fitted
//! model's forecasts are.

use crate::error::{Error, Result};
use crate::fitted::{Fit, Fitted};
use crate::method::Model;
use crate::series::{years_between, Point, Series};

/// Why a method has no back-test error.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NotScored {
    /// Too few points to hold enough out: `needed` points would allow it.
    FewPoints {
        /// The points the back test would need.
        needed: usize,
        /// The series' points.
        got: usize,
    },
    /// A held-out value is 0, which has no relative error.
    ZeroValue {
        /// Its position in the series.
        index: usize,
    },
    /// The method cannot be fitted to the points before `origin`.
    Unfit {
        /// The first held-out point the method could not predict.
        origin: usize,
        /// Why.
        error: Error,
    },
}

/// A method's back-test on its series.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Backtest {
    /// The MAPE in percent of one-step forecasts of the points from
    /// `origin` on (`tests` of them), each from the points before it.
    Scored {
        /// The mean absolute percentage error.
        mape: f64,
        /// The number of held-out points.
        tests: usize,
        /// The index of the first held-out point.
        origin: usize,
    },
    /// No back-test error, and why.
    NotScored(NotScored),
}

impl Backtest {
    /// The MAPE, when scored.
    #[must_use]
    pub const fn mape(&self) -> Option<f64> {
        match self {
            Backtest::Scored { mape, .. } => Some(*mape),
            Backtest::NotScored(_) => None,
        }
    }
}

/// Running least squares of a straight line (Welford's updates).
#[derive(Debug, Clone, Copy, Default)]
struct Line {
    n: f64,
    mx: f64,
    my: f64,
    sxx: f64,
    sxy: f64,
}

impl Line {
    fn add(&mut self, x: f64, y: f64) {
        self.n += 1.0;
        let dx = x - self.mx;
        self.mx += dx / self.n;
        let dy = y - self.my;
        self.my += dy / self.n;
        // (x − new mean)(y − old mean): the exact co-moment update.
        self.sxx += dx * (x - self.mx);
        self.sxy += (x - self.mx) * dy;
    }

    /// The line's value at `x`, `None` while it is not defined.
    fn at(&self, x: f64) -> Option<f64> {
        (self.sxx > 0.0).then(|| self.my + self.sxy / self.sxx * (x - self.mx))
    }
}

/// The largest polynomial the updates handle (the polynomial trend's).
const MAX_COLUMNS: usize = crate::lstsq::MAX_PARAMS;

/// Running normal equations of a polynomial in `u`.
struct Poly {
    p: usize,
    gram: [[f64; MAX_COLUMNS]; MAX_COLUMNS],
    rhs: [f64; MAX_COLUMNS],
}

impl Poly {
    fn powers(&self, u: f64) -> [f64; MAX_COLUMNS] {
        let mut row = [0.0; MAX_COLUMNS];
        let mut v = 1.0;
        for slot in row.iter_mut().take(self.p) {
            *slot = v;
            v *= u;
        }
        row
    }

    fn add(&mut self, u: f64, y: f64) {
        let row = self.powers(u);
        for (g, a) in self.gram.iter_mut().zip(row.iter()).take(self.p) {
            for (cell, b) in g.iter_mut().zip(row.iter()).take(self.p) {
                *cell += a * b;
            }
        }
        for (r, a) in self.rhs.iter_mut().zip(row.iter()).take(self.p) {
            *r += a * y;
        }
    }

    /// The least-squares polynomial's value at `u`, by `L D Lᵀ` on the
    /// equilibrated normal equations (each row and column scaled by the
    /// power of two nearest the inverse square root of its diagonal, which
    /// takes out the scale of the powers exactly and needs no square root,
    /// a software routine on wasm32); `None` while the system is singular to
    /// working precision.
    fn at(&self, u: f64) -> Option<f64> {
        let p = self.p;
        let mut d = [0.0; MAX_COLUMNS];
        for (i, di) in d.iter_mut().enumerate().take(p) {
            *di = inverse_sqrt_pow2(self.gram.get(i)?.get(i).copied()?)?;
        }
        let scaled = |i: usize, j: usize| -> Option<f64> {
            Some(self.gram.get(i)?.get(j)? * d.get(i)? * d.get(j)?)
        };
        // Unit lower triangle L and diagonal `pivot`.
        let mut l = [[0.0; MAX_COLUMNS]; MAX_COLUMNS];
        let mut pivot = [0.0; MAX_COLUMNS];
        for i in 0..p {
            for j in 0..=i {
                let mut s = scaled(i, j)?;
                for k in 0..j {
                    s -= l.get(i)?.get(k)? * l.get(j)?.get(k)? * pivot.get(k)?;
                }
                if i == j {
                    // A diagonal near 1 before elimination: a pivot this
                    // small means the columns are dependent to working
                    // precision.
                    if s <= 1e-12 * scaled(i, i)? {
                        return None;
                    }
                    *pivot.get_mut(i)? = s;
                    *l.get_mut(i)?.get_mut(i)? = 1.0;
                } else {
                    *l.get_mut(i)?.get_mut(j)? = s / pivot.get(j)?;
                }
            }
        }
        // L z = D rhs, D' w = z, Lᵀ γ = w, β = D γ.
        let mut z = [0.0; MAX_COLUMNS];
        for i in 0..p {
            let mut s = self.rhs.get(i)? * d.get(i)?;
            for k in 0..i {
                s -= l.get(i)?.get(k)? * z.get(k)?;
            }
            *z.get_mut(i)? = s;
        }
        let mut beta = [0.0; MAX_COLUMNS];
        for i in (0..p).rev() {
            let mut s = z.get(i)? / pivot.get(i)?;
            for k in i.saturating_add(1)..p {
                s -= l.get(k)?.get(i)? * beta.get(k)?;
            }
            *beta.get_mut(i)? = s;
        }
        let row = self.powers(u);
        let v: f64 = row
            .iter()
            .zip(beta.iter())
            .zip(d.iter())
            .take(p)
            .map(|((a, b), di)| a * b * di)
            .sum();
        v.is_finite().then_some(v)
    }
}

/// The power of two nearest `1/√g` for a positive, finite, normal `g`,
/// read from its exponent; `None` otherwise.
fn inverse_sqrt_pow2(g: f64) -> Option<f64> {
    if !(g.is_normal() && g > 0.0) {
        return None;
    }
    // The unbiased exponent e of g (g = m · 2^e, 1 ≤ m < 2), then 2^(−⌊e/2⌋).
    let bits = g.to_bits();
    let e = i64::try_from((bits >> 52) & 0x7ff)
        .ok()?
        .saturating_sub(1023);
    let half = e.div_euclid(2);
    let biased = u64::try_from(1023i64.saturating_sub(half)).ok()?;
    Some(f64::from_bits(biased << 52))
}

/// The one-step forecast of point `i` by `model` refitted to the points
/// before it.
fn refit(model: &Model, series: &Series<'_>, i: usize) -> Result<f64> {
    let pts = series.points();
    let train = Series::new(pts.get(..i).unwrap_or(&[]), series.subject())?;
    let date = pts.get(i).map_or(series.last().date, |p| p.date);
    let v = model.fit(&train)?.predict(date)?.point();
    if v.is_finite() {
        Ok(v)
    } else {
        Err(Error::Overflow {
            what: crate::error::Field::Projection,
            index: i,
        })
    }
}

/// The back-test of `model` (fitted to the whole series as `fitted`) from
/// observation `origin` on.
pub(crate) fn run(model: &Model, fitted: &Fitted, series: &Series<'_>, origin: usize) -> Backtest {
    let pts = series.points();
    let n = pts.len();
    if let Some(index) = pts
        .iter()
        .enumerate()
        .skip(origin)
        .find(|(_, p)| p.value == 0.0)
        .map(|(i, _)| i)
    {
        return Backtest::NotScored(NotScored::ZeroValue { index });
    }
    let bounds = series.bounds();
    let mut sum = 0.0;
    let mut tests = 0usize;
    let mut score = |i: usize, yhat: f64| {
        if let Some(p) = pts.get(i) {
            let yhat = bounds.clamp(yhat);
            sum += libm::fabs(p.value - yhat) / libm::fabs(p.value);
            tests = tests.saturating_add(1);
        }
    };
    let first = series.first().date;
    let t = |p: &Point| years_between(first, p.date);
    let unfit = |i: usize, error: Error| Backtest::NotScored(NotScored::Unfit { origin: i, error });
    let singular = Error::Singular { column: 1 };
    match (model, fitted.fit()) {
        (Model::Linear(_), _) | (Model::LogLinear(_), _) => {
            let log = matches!(model, Model::LogLinear(_));
            let mut line = Line::default();
            for (i, p) in pts.iter().enumerate() {
                let y = if log { libm::log(p.value) } else { p.value };
                if i >= origin {
                    let Some(z) = line.at(t(p)) else {
                        return unfit(i, singular);
                    };
                    score(i, if log { libm::exp(z) } else { z });
                }
                line.add(t(p), y);
            }
        }
        (Model::Polynomial(m), _) => {
            // Powers of the time since the first point; where the sums
            // cannot tell the powers apart (a few early points of a long
            // series), that origin is refitted.
            let mut poly = Poly {
                p: m.degree().saturating_add(1).min(MAX_COLUMNS),
                gram: [[0.0; MAX_COLUMNS]; MAX_COLUMNS],
                rhs: [0.0; MAX_COLUMNS],
            };
            for (i, p) in pts.iter().enumerate() {
                let u = t(p);
                if i >= origin {
                    match poly.at(u) {
                        Some(v) => score(i, v),
                        None => match refit(model, series, i) {
                            Ok(v) => score(i, v),
                            Err(e) => return unfit(i, e),
                        },
                    }
                }
                poly.add(u, p.value);
            }
        }
        (Model::Holt(_), Fit::Holt(h) | Fit::DampedHolt(h)) => {
            let mut bad = None;
            let run = h.one_step_from(series, origin, |i, v| {
                if v.is_finite() {
                    score(i, v);
                } else if bad.is_none() {
                    bad = Some(i);
                }
            });
            if let Err(e) = run {
                return unfit(origin, e);
            }
            if let Some(i) = bad {
                return unfit(
                    i,
                    Error::Overflow {
                        what: crate::error::Field::Projection,
                        index: i,
                    },
                );
            }
        }
        _ => {
            // Nonlinear fits: refitted at each origin.
            for i in origin..n {
                match refit(model, series, i) {
                    Ok(v) => score(i, v),
                    Err(e) => return unfit(i, e),
                }
            }
        }
    }
    if tests == 0 {
        return Backtest::NotScored(NotScored::FewPoints {
            needed: origin.saturating_add(1),
            got: n,
        });
    }
    Backtest::Scored {
        mape: 100.0 * sum / tests as f64,
        tests,
        origin,
    }
}
