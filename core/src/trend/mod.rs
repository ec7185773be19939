//! The projection methods, one file each, in the shape "configure, fit,
//! predict".
//!
//! An unfitted method (such as [`LinearTrend`]) is a small `Copy` value of
//! settings. Its `fit(&Series)` checks the series, estimates the parameters
//! and returns a fitted model (such as [`LinearFit`]) that borrows the
//! series and offers:
//!
//! - `predict(date)`: a [`Prediction`](crate::forecast::Prediction) with a
//!   location, a predictive standard error and degrees of freedom on the
//!   method's working scale;
//! - `fitted_into(&mut [f64])`: the in-sample fitted values (one-step
//!   forecasts for Holt's methods) on the natural scale;
//! - `sse()`: the sum of their squared errors on the natural scale;
//! - `params()`: how many quantities the fit took from the data;
//! - `explain()`: the formula with the fitted parameters as terms.
//!
//! The time axis is in years of [`DAYS_PER_YEAR`](crate::series::DAYS_PER_YEAR)
//! days from the first observation, so irregular dates need no special
//! treatment in the regressions. Holt's methods count time in steps of a
//! fixed number of days instead (see [`Holt`]).
//!
//! | method | model | fitted by | working scale |
//! |---|---|---|---|
//! | [`LinearTrend`] | `y = a + b·t` | least squares | identity |
//! | [`PolynomialTrend`] | `y = Σ βₖ uᵏ`, `u` the centred, scaled time | least squares | identity |
//! | [`LogLinearTrend`] | `ln y = a + b·t` | least squares on `ln y` | `ln y` |
//! | [`LogisticTrend`] | `y = K / (1 + e^(−r (t − t₀)))` | Levenberg–Marquardt, then Gauss–Newton by QR, on `y` | `logit(y/K)` |
//! | [`GompertzTrend`] | `y = K exp(−e^(−r (t − t₀)))` | as the logistic | `−ln(−ln(y/K))` |
//! | [`Holt`] | Holt's linear or damped trend, Wright's irregular-date weights | given, or least one-step SSE | identity |
//!
//! Every method takes any number of points: the regressions hand their rows
//! to [`LeastSquares::fit_with`](crate::lstsq::LeastSquares::fit_with) one at
//! a time, without a buffer.

mod curve;
mod gompertz;
mod holt;
mod linear;
mod logistic;
mod loglinear;
mod polynomial;

pub use curve::Cap;
pub use gompertz::{GompertzFit, GompertzTrend};
pub use holt::{
    variance_factor, Damping, Holt, HoltFit, Initial, Smoothing, StepLength, PHI_RANGE,
    SMOOTHING_RANGE,
};
pub use linear::{LinearFit, LinearTrend};
pub use logistic::{LogisticFit, LogisticTrend};
pub use loglinear::{LogLinearFit, LogLinearTrend};
pub use polynomial::{PolynomialFit, PolynomialTrend, MAX_DEGREE};

use crate::date::Date;
use crate::error::{Error, Field, Result, Task};
use crate::lstsq::LeastSquares;
use crate::series::Point;
use crate::series::{years_between, Series};

/// Checks that `series` has at least `needed` points.
pub(crate) fn check_size(series: &Series<'_>, method: Task, needed: usize) -> Result<()> {
    series.require(method, needed)
}

/// Least squares over the points of `series`, without a buffer:
/// `row(point, x)` writes the point's row of the design into `x` and returns
/// its response.
pub(crate) fn regress<F>(
    series: &Series<'_>,
    cols: usize,
    intercept: bool,
    mut row: F,
) -> Result<LeastSquares>
where
    F: FnMut(&Point, &mut [f64]) -> f64,
{
    let pts = series.points();
    LeastSquares::fit_with(pts.len(), cols, intercept, |i, x| {
        pts.get(i).map_or(0.0, |p| row(p, x))
    })
}

/// The time of `date` in years from the series' first observation.
pub(crate) fn years(series: &Series<'_>, date: Date) -> f64 {
    years_between(series.first().date, date)
}

/// Writes `value(point index)` for every point into `out`.
pub(crate) fn write_fitted<F>(series: &Series<'_>, out: &mut [f64], mut value: F) -> Result<usize>
where
    F: FnMut(usize) -> f64,
{
    let n = series.len();
    if out.len() < n {
        return Err(Error::Capacity {
            what: Field::FittedBuffer,
            capacity: out.len(),
        });
    }
    for (i, slot) in out.iter_mut().enumerate().take(n) {
        let v = value(i);
        if !v.is_finite() {
            return Err(Error::Overflow {
                what: Field::FittedBuffer,
                index: i,
            });
        }
        *slot = v;
    }
    Ok(n)
}

/// Checks that every fitted parameter and the sum of squares are finite: a
/// series whose values reach the edge of the floating-point range can give
/// a slope or a sum of squares that overflows.
///
/// # Errors
///
/// [`Error::Overflow`] (field `fit`) otherwise.
pub(crate) fn check_finite(values: &[f64]) -> Result<()> {
    if values.iter().all(|v| v.is_finite()) {
        Ok(())
    } else {
        Err(Error::Overflow {
            what: Field::Fit,
            index: 0,
        })
    }
}
