//! Growth curves with a cap, fitted by least squares on the natural scale:
//! the logistic and the Gompertz curve share everything but their shape.
//!
//! Both are `y = K s(z)` with `z = r (t − t₀)`: the logistic `s(z) = 1/(1 +
//! e^(−z))`, symmetric about its midpoint, and the Gompertz
//! `s(z) = exp(−e^(−z))`, which rises quickly and approaches the cap slowly
//! (its inflection, at `t₀`, is at `K/e ≈ 0.37 K`). Each has a link
//! `g(y/K) = z` that makes the curve a straight line in time: the logit
//! `ln(p/(1 − p))` and the log-log `−ln(−ln p)`.
//!
//! # Fitting
//!
//! 1. A start: the straight line through `g(y/K)` against time over the
//!    values strictly between 0 and `K` (for a fitted cap, the best of a
//!    ladder of caps from 1.01 to 10 times the largest value).
//! 2. Levenberg–Marquardt (Marquardt's scaling of the damping by the
//!    diagonal of `JᵀJ`) on `(r, t₀)`, or `(K, r, t₀)`, until no damping lowers
//!    the sum of squares or a step changes no parameter by more than 1e-12
//!    of its size.
//! 3. Gauss–Newton steps solved by [`LeastSquares`] (Householder QR in
//!    double-double) from there, while each step is shorter than the one
//!    before. Near the minimum the sum of squares changes by less than its
//!    rounding, so step 2 cannot tell better from worse; the steps can, and
//!    they converge to the precision the model's values allow: NIST's Rat42
//!    to its 11 certified digits, R's `SSlogis` example (ChickWeight, chick
//!    1), whose cap is far above its data, to 10 digits and more against a
//!    50-digit solution (`tests/growth.rs`).
//!
//! Values of 0 are accepted (a share that starts at 0): they take part in
//! the fit, though not in the start's line.
//!
//! # Predictions
//!
//! On the link's scale between 0 and `K`, where the curve is the straight
//! line `r (t − t₀)`. The predictive variance there is the variance of
//! `r̂ (t − t̂₀)` from the parameters' covariance `s² (JᵀJ)⁻¹` (`s²` the
//! natural-scale residual variance), plus the residual variance of `g(y/K)`
//! about the fitted line (for a value of 0, where `g` is infinite, the
//! natural-scale residual carried by the link's slope at the fitted value).
//! The uncertainty of a fitted cap itself is not carried into the interval.
//! Degrees of freedom are `n − p`, `p` the number of parameters.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::indicator::Bounds;
use crate::lstsq::LeastSquares;
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span, DAYS_PER_YEAR};

use super::{check_finite, check_size, regress, write_fitted, years};

/// The most Levenberg–Marquardt iterations.
const MAX_ITERATIONS: u32 = 500;
/// The most Gauss–Newton polishing steps.
const MAX_POLISH: u32 = 8;

/// The cap `K` of a growth curve.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Cap {
    /// A known cap, such as 100 for a share.
    Given(f64),
    /// A cap estimated with the other parameters; it ends above the largest value.
    Fitted,
}

impl Cap {
    /// The cap an indicator's bounds imply: their maximum when it is above 0
    /// (100 for a share), fitted otherwise.
    pub(crate) fn for_bounds(bounds: Bounds) -> Cap {
        match bounds.max {
            Some(k) if k.is_finite() && k > 0.0 => Cap::Given(k),
            _ => Cap::Fitted,
        }
    }

    /// A given cap, checked.
    pub(crate) fn given(cap: f64) -> Result<Cap> {
        if cap.is_finite() && cap > 0.0 {
            Ok(Cap::Given(cap))
        } else {
            Err(Error::InvalidArgument {
                name: Field::Cap,
                expected: Expected::PositiveCap,
            })
        }
    }
}

/// The shape of a growth curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `1/(1 + e^(−z))`.
    Logistic,
    /// `exp(−e^(−z))`.
    Gompertz,
}

impl Shape {
    /// `s(z)` and its derivative `s'(z)`, without overflow at either end.
    fn eval(self, z: f64) -> (f64, f64) {
        match self {
            Shape::Logistic => {
                let (s, c) = if z >= 0.0 {
                    let e = libm::exp(-z);
                    (1.0 / (1.0 + e), e / (1.0 + e))
                } else {
                    let e = libm::exp(z);
                    (e / (1.0 + e), 1.0 / (1.0 + e))
                };
                (s, s * c)
            }
            Shape::Gompertz => {
                let w = libm::exp(-z);
                if !w.is_finite() {
                    return (0.0, 0.0);
                }
                let s = libm::exp(-w);
                (s, s * w)
            }
        }
    }

    /// The link `g(y/K)`, infinite for `y` at or beyond 0 and `K`.
    fn link(self, y: f64, k: f64) -> f64 {
        if y <= 0.0 {
            return f64::NEG_INFINITY;
        }
        if y >= k {
            return f64::INFINITY;
        }
        match self {
            Shape::Logistic => libm::log(y) - libm::log(k - y),
            // −ln(−ln(y/K)) = −ln(ln K − ln y), without cancellation near K.
            Shape::Gompertz => -libm::log(-libm::log1p(-(k - y) / k)),
        }
    }

    /// The slope of the link `d g(y/K) / dy` at `y` strictly inside (0, K).
    fn link_slope(self, y: f64, k: f64) -> f64 {
        match self {
            Shape::Logistic => k / (y * (k - y)),
            Shape::Gompertz => -1.0 / (y * libm::log1p(-(k - y) / k)),
        }
    }

    /// The working scale between 0 and `K`.
    pub(crate) fn scale(self, k: f64) -> Scale {
        match self {
            Shape::Logistic => Scale::Logit { lo: 0.0, hi: k },
            Shape::Gompertz => Scale::LogLog { hi: k },
        }
    }

    fn task(self) -> Task {
        match self {
            Shape::Logistic => Task::Logistic,
            Shape::Gompertz => Task::Gompertz,
        }
    }
}

/// The fitting problem: data, shape, the cap when it is given, the largest value.
struct Problem<'s, 'a> {
    series: &'s Series<'a>,
    shape: Shape,
    fixed_cap: Option<f64>,
    ymax: f64,
}

/// Solves the `p × p` system `a x = b` (p ≤ 3) by Gaussian elimination with
/// partial pivoting; `None` when it is singular.
fn solve(mut a: [[f64; 3]; 3], mut b: [f64; 3], p: usize) -> Option<[f64; 3]> {
    for k in 0..p {
        // Pivot.
        let mut best = k;
        let mut big = 0.0;
        for (i, row) in a.iter().enumerate().take(p).skip(k) {
            let v = libm::fabs(row.get(k).copied().unwrap_or(0.0));
            if v > big {
                big = v;
                best = i;
            }
        }
        if big == 0.0 || !big.is_finite() {
            return None;
        }
        crate::slices::swap(&mut a, k, best);
        crate::slices::swap(&mut b, k, best);
        let pivot_row = a.get(k).copied()?;
        let pivot = pivot_row.get(k).copied()?;
        let bk = b.get(k).copied()?;
        for i in k.saturating_add(1)..p {
            let row = a.get_mut(i)?;
            let factor = row.get(k).copied()? / pivot;
            for (x, y) in row.iter_mut().zip(pivot_row.iter()).take(p).skip(k) {
                *x -= factor * y;
            }
            let bi = b.get_mut(i)?;
            *bi -= factor * bk;
        }
    }
    let mut x = [0.0; 3];
    for i in (0..p).rev() {
        let row = a.get(i)?;
        let mut s = b.get(i).copied()?;
        for j in i.saturating_add(1)..p {
            s -= row.get(j).copied()? * x.get(j).copied()?;
        }
        *x.get_mut(i)? = s / row.get(i).copied()?;
    }
    if x.iter().all(|v| v.is_finite()) {
        Some(x)
    } else {
        None
    }
}

impl Problem<'_, '_> {
    fn params(&self) -> usize {
        if self.fixed_cap.is_some() {
            2
        } else {
            3
        }
    }

    /// `(K, r, t₀)` from the parameter vector.
    fn unpack(&self, theta: &[f64; 3]) -> (f64, f64, f64) {
        match self.fixed_cap {
            Some(k) => (k, theta[0], theta[1]),
            None => (theta[0], theta[1], theta[2]),
        }
    }

    /// The model's value at `t` and its gradient in the parameters.
    fn model(&self, theta: &[f64; 3], t: f64) -> (f64, [f64; 3]) {
        let (k, r, t0) = self.unpack(theta);
        let (s, ds) = self.shape.eval(r * (t - t0));
        let f = k * s;
        let d_r = k * ds * (t - t0);
        let d_t0 = -k * ds * r;
        let grad = match self.fixed_cap {
            Some(_) => [d_r, d_t0, 0.0],
            None => [s, d_r, d_t0],
        };
        (f, grad)
    }

    fn sse(&self, theta: &[f64; 3]) -> f64 {
        self.series
            .points()
            .iter()
            .map(|pt| {
                let (f, _) = self.model(theta, years(self.series, pt.date));
                let e = pt.value - f;
                e * e
            })
            .sum()
    }

    /// The parameters of the straight line through `g(y/K)` over the values
    /// strictly between 0 and `K`.
    fn link_start(&self, k: f64) -> Result<[f64; 3]> {
        let pts = self.series.points();
        let usable = |v: f64| v > 0.0 && v < k;
        let m = pts.iter().filter(|p| usable(p.value)).count();
        if m < 2 {
            return Err(Error::TooFewPoints {
                method: self.shape.task(),
                needed: 2,
                got: m,
            });
        }
        // Rows come in order, and again from the first for a second pass:
        // a cursor over the usable points follows them.
        let (mut at, mut next) = (0usize, 0usize);
        let ls = LeastSquares::fit_with(m, 2, true, |i, x| {
            if i != next {
                (at, next) = (0, 0);
            }
            while let Some(p) = pts.get(at) {
                at = at.saturating_add(1);
                if !usable(p.value) {
                    continue;
                }
                if next < i {
                    next = next.saturating_add(1);
                    continue;
                }
                next = next.saturating_add(1);
                if let [one, t] = x {
                    *one = 1.0;
                    *t = years(self.series, p.date);
                }
                return self.shape.link(p.value, k);
            }
            0.0
        })?;
        let (a, b) = match ls.coefficients() {
            [a, b] => (*a, *b),
            _ => (0.0, 0.0),
        };
        if b == 0.0 || !b.is_finite() {
            return Err(Error::Singular { column: 1 });
        }
        let (r, t0) = (b, -a / b);
        Ok(match self.fixed_cap {
            Some(_) => [r, t0, 0.0],
            None => [k, r, t0],
        })
    }

    /// The link-linear start with the smallest natural-scale SSE over a
    /// ladder of caps above the largest value.
    fn best_cap_start(&self) -> Result<[f64; 3]> {
        const LADDER: [f64; 13] = [
            1.01, 1.05, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 10.0,
        ];
        let mut best: Option<([f64; 3], f64)> = None;
        let mut last_err = Error::Singular { column: 1 };
        for m in LADDER {
            match self.link_start(self.ymax * m) {
                Ok(theta) => {
                    let v = self.sse(&theta);
                    if v.is_finite() && best.is_none_or(|(_, b)| v < b) {
                        best = Some((theta, v));
                    }
                }
                Err(e) => last_err = e,
            }
        }
        best.map(|(t, _)| t).ok_or(last_err)
    }

    /// `JᵀJ`, `Jᵀ(y − f)` and the SSE at `theta`.
    fn normal_equations(&self, theta: &[f64; 3]) -> ([[f64; 3]; 3], [f64; 3], f64) {
        let mut a = [[0.0; 3]; 3];
        let mut g = [0.0; 3];
        let mut sse = 0.0;
        for pt in self.series.points() {
            let (f, grad) = self.model(theta, years(self.series, pt.date));
            let e = pt.value - f;
            sse += e * e;
            for (row, gi) in a.iter_mut().zip(grad.iter()) {
                for (cell, gj) in row.iter_mut().zip(grad.iter()) {
                    *cell += gi * gj;
                }
            }
            for (slot, gi) in g.iter_mut().zip(grad.iter()) {
                *slot += gi * e;
            }
        }
        (a, g, sse)
    }

    /// Whether `theta` is a curve the data allow: a fitted cap above the
    /// largest value.
    fn admissible(&self, theta: &[f64; 3]) -> bool {
        self.fixed_cap.is_some() || theta[0] > self.ymax
    }

    fn levenberg_marquardt(&self, start: [f64; 3]) -> Result<[f64; 3]> {
        let p = self.params();
        let mut theta = start;
        let mut lambda = 1e-3;
        let (mut a, mut g, mut sse) = self.normal_equations(&theta);
        if !sse.is_finite() {
            return Err(Error::NoConvergence {
                method: self.shape.task(),
                iterations: 0,
            });
        }
        for iteration in 0..MAX_ITERATIONS {
            if sse == 0.0 {
                return Ok(theta);
            }
            let max_diag = a
                .iter()
                .enumerate()
                .take(p)
                .map(|(i, row)| row.get(i).copied().unwrap_or(0.0))
                .fold(0.0, f64::max);
            let mut accepted = None;
            while lambda < 1e20 {
                let mut damped = a;
                for (i, row) in damped.iter_mut().enumerate().take(p) {
                    if let Some(d) = row.get_mut(i) {
                        *d += lambda * d.max(1e-12 * max_diag);
                    }
                }
                if let Some(delta) = solve(damped, g, p) {
                    let mut trial = theta;
                    for (t, d) in trial.iter_mut().zip(delta.iter()).take(p) {
                        *t += d;
                    }
                    if self.admissible(&trial) {
                        let v = self.sse(&trial);
                        if v < sse {
                            accepted = Some((trial, delta));
                            break;
                        }
                    }
                }
                lambda *= 10.0;
            }
            let Some((trial, delta)) = accepted else {
                // No damping lowers the sum of squares: a minimum to the
                // precision of the sum.
                return Ok(theta);
            };
            let small = delta
                .iter()
                .zip(trial.iter())
                .take(p)
                .all(|(d, t)| libm::fabs(*d) <= 1e-12 * (libm::fabs(*t) + 1e-12));
            theta = trial;
            lambda = (lambda * 0.1).max(1e-15);
            (a, g, sse) = self.normal_equations(&theta);
            if small {
                return Ok(theta);
            }
            if iteration.saturating_add(1) == MAX_ITERATIONS {
                break;
            }
        }
        Err(Error::NoConvergence {
            method: self.shape.task(),
            iterations: MAX_ITERATIONS,
        })
    }

    /// The least-squares fit of the residuals at `theta` on the Jacobian
    /// there: its coefficients are the Gauss–Newton step, its factor gives
    /// `(JᵀJ)⁻¹`.
    fn linearised(&self, theta: &[f64; 3]) -> Result<LeastSquares> {
        let p = self.params();
        regress(self.series, p, false, |pt, x| {
            let (f, grad) = self.model(theta, years(self.series, pt.date));
            crate::slices::copy(x, grad.get(..p).unwrap_or(&[]));
            pt.value - f
        })
    }

    /// Gauss–Newton steps from `theta`, each solved by QR, while they keep
    /// getting shorter; the linearised fit at the end (for the covariance),
    /// and the SSE there.
    fn polish(&self, mut theta: [f64; 3]) -> Result<([f64; 3], LeastSquares, f64)> {
        let p = self.params();
        let mut sse = self.sse(&theta);
        let mut ls = self.linearised(&theta)?;
        let mut last = f64::INFINITY;
        for _ in 0..MAX_POLISH {
            let delta = ls.coefficients();
            // The step's size relative to the parameters.
            let size = delta
                .iter()
                .zip(theta.iter())
                .map(|(d, t)| libm::fabs(*d) / (libm::fabs(*t) + 1e-300))
                .fold(0.0, f64::max);
            if !size.is_finite() || size >= last || size <= 1e-17 {
                break;
            }
            let mut trial = theta;
            for (t, d) in trial.iter_mut().zip(delta).take(p) {
                *t += d;
            }
            if !self.admissible(&trial) {
                break;
            }
            let trial_sse = self.sse(&trial);
            // A step may not raise the sum beyond its rounding.
            if trial_sse.is_nan() || trial_sse > sse * (1.0 + 1e-12) {
                break;
            }
            let Ok(trial_ls) = self.linearised(&trial) else {
                break;
            };
            (theta, ls, sse, last) = (trial, trial_ls, trial_sse, size);
        }
        Ok((theta, ls, sse))
    }
}

/// A fitted growth curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CurveFit {
    pub(crate) span: Span,
    pub(crate) shape: Shape,
    pub(crate) cap: f64,
    pub(crate) rate: f64,
    pub(crate) midpoint: f64,
    pub(crate) cap_fitted: bool,
    cov: LeastSquares,
    pub(crate) sse: f64,
    s2: f64,
    link_s2: f64,
}

/// Fits a curve of `shape` with `cap` to `series`.
pub(crate) fn fit(shape: Shape, cap: Cap, series: &Series<'_>) -> Result<CurveFit> {
    let (fixed_cap, p) = match cap {
        Cap::Given(k) => (Some(Cap::given(k).map(|_| k)?), 2usize),
        Cap::Fitted => (None, 3),
    };
    check_size(series, shape.task(), p.saturating_add(1))?;
    let mut ymax = f64::NEG_INFINITY;
    for (index, pt) in series.points().iter().enumerate() {
        if pt.value < 0.0 {
            return Err(Error::OutOfBounds {
                what: Field::Value,
                index,
            });
        }
        if fixed_cap.is_some_and(|k| pt.value >= k) {
            return Err(Error::InvalidArgument {
                name: Field::Cap,
                expected: Expected::CapAboveData,
            });
        }
        ymax = ymax.max(pt.value);
    }
    if ymax <= 0.0 {
        return Err(Error::NonPositive {
            what: Field::Value,
            index: 0,
        });
    }
    let problem = Problem {
        series,
        shape,
        fixed_cap,
        ymax,
    };
    let start = match fixed_cap {
        Some(k) => problem.link_start(k)?,
        None => problem.best_cap_start()?,
    };
    let theta = problem.levenberg_marquardt(start)?;
    let (theta, cov, sse) = problem.polish(theta)?;
    let (cap, rate, midpoint) = problem.unpack(&theta);
    // The noise on the link's scale.
    let mut link_ss = 0.0;
    for pt in series.points() {
        let t = years(series, pt.date);
        let z = shape.link(pt.value, cap);
        let e = if z.is_finite() {
            z - rate * (t - midpoint)
        } else {
            let (s, _) = shape.eval(rate * (t - midpoint));
            (pt.value - cap * s) * shape.link_slope(cap * s, cap)
        };
        link_ss += e * e;
    }
    let df = series.len().saturating_sub(p) as f64;
    check_finite(&[cap, rate, midpoint, sse, link_ss])?;
    Ok(CurveFit {
        span: series.span(),
        shape,
        cap,
        rate,
        midpoint,
        cap_fitted: fixed_cap.is_none(),
        cov,
        sse,
        s2: sse / df,
        link_s2: link_ss / df,
    })
}

impl CurveFit {
    /// The midpoint as a date (to the nearest day).
    pub(crate) fn midpoint_date(&self) -> Result<Date> {
        let days = libm::round(self.midpoint * DAYS_PER_YEAR);
        if days.is_nan() || libm::fabs(days) >= 4e6 {
            return Err(Error::InvalidArgument {
                name: Field::Midpoint,
                expected: Expected::MidpointInRange,
            });
        }
        // |days| < 4e6: the conversion is exact.
        #[allow(clippy::cast_possible_truncation)]
        self.span.first.date.add_days(days as i32)
    }

    /// The standard errors of `(K, r, t₀)`; that of a given `K` is 0.
    pub(crate) fn standard_errors(&self) -> (f64, f64, f64) {
        let s = libm::sqrt(self.s2);
        let se = |j: usize| {
            let mut e = [0.0; 3];
            if let Some(v) = e.get_mut(j) {
                *v = 1.0;
            }
            s * libm::sqrt(self.cov.leverage(e.get(..self.cov.params()).unwrap_or(&[])))
        };
        if self.cap_fitted {
            (se(0), se(1), se(2))
        } else {
            (0.0, se(0), se(1))
        }
    }

    pub(crate) fn residual_sd(&self) -> f64 {
        libm::sqrt(self.s2)
    }

    pub(crate) fn link_residual_sd(&self) -> f64 {
        libm::sqrt(self.link_s2)
    }

    pub(crate) fn value_at(&self, date: Date) -> f64 {
        let (s, _) = self
            .shape
            .eval(self.rate * (self.span.years_to(date) - self.midpoint));
        self.cap * s
    }

    pub(crate) fn predict(&self, date: Date) -> Result<Prediction> {
        let t = self.span.years_to(date);
        let location = self.rate * (t - self.midpoint);
        // The gradient of r (t − t₀) in the parameters.
        let grad = [t - self.midpoint, -self.rate];
        let h = if self.cap_fitted {
            self.cov.leverage(&[0.0, grad[0], grad[1]])
        } else {
            self.cov.leverage(&grad)
        };
        let se = libm::sqrt(self.link_s2 + self.s2 * h);
        Prediction::new(
            location,
            se,
            self.cov.df() as f64,
            self.shape.scale(self.cap),
        )
    }

    pub(crate) fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.span.check(series)?;
        let pts = series.points();
        write_fitted(series, out, |i| {
            pts.get(i).map_or(f64::NAN, |p| self.value_at(p.date))
        })
    }

    pub(crate) const fn params(&self) -> usize {
        if self.cap_fitted {
            3
        } else {
            2
        }
    }
}
