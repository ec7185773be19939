//! The logistic trend with a cap.

use crate::date::Date;
use crate::error::{Error, Expected, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Bounds;
use crate::lstsq::{LeastSquares, MAX_ROWS};
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span, DAYS_PER_YEAR};

use super::{check_finite, check_size, write_fitted, years};

/// The most Levenberg–Marquardt iterations.
const MAX_ITERATIONS: u32 = 500;

/// The cap `K` of a logistic trend.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Cap {
    /// A known cap, such as 100 for a share.
    Given(f64),
    /// A cap estimated with the other parameters; it ends above the largest value.
    Fitted,
}

/// The logistic trend `y = K / (1 + exp(−r (t − t₀)))`, `t` in years from the
/// first observation, fitted by least squares on the natural scale.
///
/// # Fitting
///
/// Levenberg–Marquardt (Marquardt's scaling of the damping by the diagonal of
/// `JᵀJ`) on `(r, t₀)`, or `(K, r, t₀)` when the cap is fitted, starting from
/// the straight line through `ln(y / (K − y))` (the logit-linear fit; for a
/// fitted cap, the best of a ladder of caps from 1.01 to 10 times the largest
/// value). It stops when a step changes no parameter by more than 1e-12 of
/// its size, or no damping finds a smaller sum of squares.
///
/// # Predictions
///
/// On the logit scale [`Scale::Logit`] `{ lo: 0, hi: K }`, where the trend is
/// the straight line `r (t − t₀)`. The predictive variance there is the
/// variance of `r̂ (t − t̂₀)` from the parameters' covariance
/// `s² (JᵀJ)⁻¹` (`s²` the natural-scale residual variance), plus the
/// residual variance of `ln(y / (K − y))` about the fitted line: the noise is
/// measured on the scale the interval is built on, so intervals narrow
/// towards the cap as the data do, instead of the natural-scale noise
/// blowing up near it. The uncertainty of a fitted cap itself is not carried
/// into the interval: intervals never exceed the fitted `K`. Degrees of
/// freedom are `n − p`, `p` the number of parameters.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::LogisticTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// // Shares of online public services rising towards 100 %.
/// let pts = [
///     Point::new(Date::from_ymd(2019, 12, 31)?, 11.0),
///     Point::new(Date::from_ymd(2020, 12, 31)?, 24.5),
///     Point::new(Date::from_ymd(2021, 12, 31)?, 45.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 69.0),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 85.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
/// let fit = LogisticTrend::for_bounds(Bounds::PERCENT).fit(&s)?;
/// assert_eq!(fit.cap(), 100.0);
/// let p = fit.predict(Date::from_ymd(2025, 12, 31)?)?;
/// let (Some(lo), Some(hi)) = p.interval(0.95, Bounds::PERCENT)? else { panic!() };
/// assert!(lo < p.point() && p.point() < hi && hi < 100.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogisticTrend {
    cap: Cap,
}

impl LogisticTrend {
    /// A logistic trend with a known cap `K`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] unless `K` is finite and above 0.
    pub fn with_cap(cap: f64) -> Result<LogisticTrend> {
        if cap.is_finite() && cap > 0.0 {
            Ok(LogisticTrend {
                cap: Cap::Given(cap),
            })
        } else {
            Err(Error::InvalidArgument {
                name: Field::Cap,
                expected: Expected::PositiveCap,
            })
        }
    }

    /// A logistic trend whose cap is fitted.
    #[must_use]
    pub const fn fitted_cap() -> LogisticTrend {
        LogisticTrend { cap: Cap::Fitted }
    }

    /// The cap an indicator's bounds imply: their maximum when it is above 0
    /// (100 for a share), a fitted cap otherwise.
    #[must_use]
    pub fn for_bounds(bounds: Bounds) -> LogisticTrend {
        match bounds.max {
            Some(k) if k.is_finite() && k > 0.0 => LogisticTrend { cap: Cap::Given(k) },
            _ => LogisticTrend::fitted_cap(),
        }
    }

    /// The cap setting.
    #[must_use]
    pub const fn cap(&self) -> Cap {
        self.cap
    }

    /// Fits the trend to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::NonPositive`] (what `"value"`) for a value of 0 or less;
    /// - [`Error::InvalidArgument`] (field `cap`, [`Expected::CapAboveData`])
    ///   for a given cap at or below a value of the series;
    /// - [`Error::TooFewPoints`] for fewer than 3 points (4 with a fitted cap);
    /// - [`Error::Capacity`] for more than [`MAX_ROWS`] points;
    /// - [`Error::Singular`] when the data cannot tell the parameters apart
    ///   (a flat series, say);
    /// - [`Error::NoConvergence`] if Levenberg–Marquardt runs out of iterations.
    pub fn fit(&self, series: &Series<'_>) -> Result<LogisticFit> {
        let (fixed_cap, p) = match self.cap {
            Cap::Given(k) => (Some(k), 2usize),
            Cap::Fitted => (None, 3),
        };
        check_size(series, Task::Logistic, p.saturating_add(1))?;
        let mut ymax = f64::NEG_INFINITY;
        for (index, pt) in series.points().iter().enumerate() {
            if pt.value <= 0.0 {
                return Err(Error::NonPositive {
                    what: Field::Value,
                    index,
                });
            }
            if let Some(k) = fixed_cap {
                if pt.value >= k {
                    return Err(Error::InvalidArgument {
                        name: Field::Cap,
                        expected: Expected::CapAboveData,
                    });
                }
            }
            ymax = ymax.max(pt.value);
        }
        let problem = Problem {
            series,
            fixed_cap,
            ymax,
        };
        let start = match fixed_cap {
            Some(k) => problem.logit_start(k)?,
            None => problem.best_cap_start()?,
        };
        let theta = problem.levenberg_marquardt(start)?;
        let (cap, rate, midpoint) = problem.unpack(&theta);

        // The covariance: least squares of the residuals on the Jacobian at
        // the solution gives (JᵀJ)⁻¹ through its leverage.
        let n = series.len();
        let mut jac = [0.0; 3 * MAX_ROWS];
        let mut resid = [0.0; MAX_ROWS];
        let mut sse = 0.0;
        let mut logit_ss = 0.0;
        for ((row, r), pt) in crate::slices::rows_mut(&mut jac, p.max(1))
            .zip(resid.iter_mut())
            .zip(series.points())
        {
            let t = years(series, pt.date);
            let (f, grad) = problem.model(&theta, t);
            crate::slices::copy(row, grad.get(..p).unwrap_or(&[]));
            *r = pt.value - f;
            sse += *r * *r;
            let e = libm::log(pt.value) - libm::log(cap - pt.value) - rate * (t - midpoint);
            logit_ss += e * e;
        }
        let cov = LeastSquares::fit(
            jac.get(..n.saturating_mul(p)).unwrap_or(&[]),
            p,
            resid.get(..n).unwrap_or(&[]),
            false,
        )?;
        let df = n.saturating_sub(p) as f64;
        check_finite(&[cap, rate, midpoint, sse, logit_ss])?;
        Ok(LogisticFit {
            span: series.span(),
            cap,
            rate,
            midpoint,
            cap_fitted: fixed_cap.is_none(),
            cov,
            sse,
            s2: sse / df,
            logit_s2: logit_ss / df,
        })
    }
}

/// The fitting problem: data, the cap when it is given, the largest value.
struct Problem<'s, 'a> {
    series: &'s Series<'a>,
    fixed_cap: Option<f64>,
    ymax: f64,
}

/// `1/(1 + e^(−z))` and `1 − ` it, both without cancellation.
fn sigmoid(z: f64) -> (f64, f64) {
    if z >= 0.0 {
        let e = libm::exp(-z);
        (1.0 / (1.0 + e), e / (1.0 + e))
    } else {
        let e = libm::exp(z);
        (e / (1.0 + e), 1.0 / (1.0 + e))
    }
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
        let (s, c) = sigmoid(r * (t - t0));
        let f = k * s;
        let d_r = k * s * c * (t - t0);
        let d_t0 = -k * s * c * r;
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

    /// The parameters of the straight line through `ln(y / (K − y))`.
    fn logit_start(&self, k: f64) -> Result<[f64; 3]> {
        let n = self.series.len();
        let mut x = [0.0; 2 * MAX_ROWS];
        let mut z = [0.0; MAX_ROWS];
        for ((row, zi), pt) in crate::slices::rows_mut(&mut x, 2)
            .zip(z.iter_mut())
            .zip(self.series.points())
        {
            if let [one, t] = row {
                *one = 1.0;
                *t = years(self.series, pt.date);
            }
            *zi = libm::log(pt.value) - libm::log(k - pt.value);
        }
        let ls = LeastSquares::fit(
            x.get(..n.saturating_mul(2)).unwrap_or(&[]),
            2,
            z.get(..n).unwrap_or(&[]),
            true,
        )?;
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

    /// The logit-linear start with the smallest natural-scale SSE over a
    /// ladder of caps above the largest value.
    fn best_cap_start(&self) -> Result<[f64; 3]> {
        const LADDER: [f64; 13] = [
            1.01, 1.05, 1.1, 1.2, 1.35, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 10.0,
        ];
        let mut best: Option<([f64; 3], f64)> = None;
        let mut last_err = Error::Singular { column: 1 };
        for m in LADDER {
            match self.logit_start(self.ymax * m) {
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

    fn levenberg_marquardt(&self, start: [f64; 3]) -> Result<[f64; 3]> {
        let p = self.params();
        let mut theta = start;
        let mut lambda = 1e-3;
        let (mut a, mut g, mut sse) = self.normal_equations(&theta);
        if !sse.is_finite() {
            return Err(Error::NoConvergence {
                method: Task::Logistic,
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
                let step = solve(damped, g, p);
                if let Some(delta) = step {
                    let mut trial = theta;
                    for (t, d) in trial.iter_mut().zip(delta.iter()).take(p) {
                        *t += d;
                    }
                    let cap_ok = self.fixed_cap.is_some() || trial[0] > self.ymax;
                    if cap_ok {
                        let v = self.sse(&trial);
                        if v < sse {
                            accepted = Some((trial, delta, v));
                            break;
                        }
                    }
                }
                lambda *= 10.0;
            }
            let Some((trial, delta, _)) = accepted else {
                // No damping lowers the sum of squares: a minimum to
                // working precision.
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
            method: Task::Logistic,
            iterations: MAX_ITERATIONS,
        })
    }
}

/// A fitted [`LogisticTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogisticFit {
    span: Span,
    cap: f64,
    rate: f64,
    midpoint: f64,
    cap_fitted: bool,
    cov: LeastSquares,
    sse: f64,
    s2: f64,
    logit_s2: f64,
}

impl LogisticFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The cap `K`.
    #[must_use]
    pub const fn cap(&self) -> f64 {
        self.cap
    }

    /// Whether the cap was fitted.
    #[must_use]
    pub const fn cap_fitted(&self) -> bool {
        self.cap_fitted
    }

    /// The rate `r` per year.
    #[must_use]
    pub const fn rate(&self) -> f64 {
        self.rate
    }

    /// The midpoint `t₀` (where the curve reaches `K/2`) in years from the
    /// first observation.
    #[must_use]
    pub const fn midpoint(&self) -> f64 {
        self.midpoint
    }

    /// The midpoint as a date (to the nearest day).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when it falls outside years 1–9999.
    pub fn midpoint_date(&self) -> Result<Date> {
        let days = libm::round(self.midpoint * DAYS_PER_YEAR);
        if days.is_nan() || libm::fabs(days) >= 4e6 {
            return Err(Error::InvalidArgument {
                name: Field::Midpoint,
                expected: Expected::MidpointInRange,
            });
        }
        self.span.first.date.add_days(days as i32)
    }

    /// The standard errors of `(K, r, t₀)` from `s² (JᵀJ)⁻¹`; that of `K`
    /// is 0 for a given cap.
    #[must_use]
    pub fn standard_errors(&self) -> (f64, f64, f64) {
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

    /// The residual standard deviation on the natural scale, `√(SSE/(n − p))`.
    #[must_use]
    pub fn residual_sd(&self) -> f64 {
        libm::sqrt(self.s2)
    }

    /// The residual standard deviation of `ln(y/(K − y))` about `r (t − t₀)`:
    /// the noise of new observations on the working scale.
    #[must_use]
    pub fn logit_residual_sd(&self) -> f64 {
        libm::sqrt(self.logit_s2)
    }

    /// The trend's value at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        let (s, _) = sigmoid(self.rate * (self.span.years_to(date) - self.midpoint));
        self.cap * s
    }

    /// The prediction at `date`, on the logit scale between 0 and `K`.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] if the prediction overflows.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        let t = self.span.years_to(date);
        let location = self.rate * (t - self.midpoint);
        // The gradient of r (t − t₀) in the parameters.
        let grad = [t - self.midpoint, -self.rate];
        let h = if self.cap_fitted {
            self.cov.leverage(&[0.0, grad[0], grad[1]])
        } else {
            self.cov.leverage(&grad)
        };
        let se = libm::sqrt(self.logit_s2 + self.s2 * h);
        Prediction::new(
            location,
            se,
            self.cov.df() as f64,
            Scale::Logit {
                lo: 0.0,
                hi: self.cap,
            },
        )
    }

    /// Writes the fitted values into `out`.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when `out` is too short.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.span.check(series)?;
        let pts = series.points();
        write_fitted(series, out, |i| {
            pts.get(i).map_or(f64::NAN, |p| self.value_at(p.date))
        })
    }

    /// The sum of squared errors on the natural scale, which the fit minimises.
    #[must_use]
    pub const fn sse(&self) -> f64 {
        self.sse
    }

    /// 2 (`r`, `t₀`), or 3 with a fitted cap.
    #[must_use]
    pub const fn params(&self) -> usize {
        if self.cap_fitted {
            3
        } else {
            2
        }
    }

    /// [`Formula::LogisticTrend`] evaluated at the last observation, with
    /// terms `K`, `r`, `t₀` (years from the first observation), the number of
    /// points, of parameters, and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::LogisticTrend, self.value_at(self.span.last.date))
            .with(Symbol::Cap, self.cap, None)?
            .with(Symbol::Rate, self.rate, None)?
            .with(Symbol::Midpoint, self.midpoint, None)?
            .with(Symbol::Count, self.span.len as f64, None)?
            .with(Symbol::Params, self.params() as f64, None)?
            .with(Symbol::Sse, self.sse, None)
    }
}
