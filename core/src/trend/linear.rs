//! The linear trend `y = a + b·t`.

use crate::date::Date;
use crate::error::{Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::lstsq::LeastSquares;
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span};

use super::{check_finite, check_size, regress, write_fitted, years};

/// The straight-line trend `y = a + b·t`, `t` in years from the first
/// observation, fitted by least squares.
///
/// Predictions are on the natural scale with the standard error of a new
/// observation, `s √(1 + h(t))` (`s` the residual standard deviation, `h`
/// the leverage of the new time), and `n − 2` degrees of freedom.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::LinearTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// let pts = [
///     Point::new(Date::from_ymd(2021, 12, 31)?, 1_000.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 1_480.0),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 2_010.0),
///     Point::new(Date::from_ymd(2024, 12, 31)?, 2_490.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count))?;
/// let fit = LinearTrend::new().fit(&s)?;
/// // About 500 more a year.
/// assert!((fit.slope() - 499.918).abs() < 1e-3);
/// let p = fit.predict(Date::from_ymd(2025, 12, 31)?)?;
/// assert!((p.point() - 2_994.99).abs() < 1e-2);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinearTrend;

impl LinearTrend {
    /// The method (it has no settings).
    #[must_use]
    pub const fn new() -> LinearTrend {
        LinearTrend
    }

    /// Fits the line to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::TooFewPoints`](crate::Error::TooFewPoints) for fewer than
    ///   2 points. A line through exactly 2 leaves nothing to estimate its
    ///   error from: its predictions have an unknown spread (an infinite
    ///   standard error), so their intervals span the indicator's bounds.
    pub fn fit(&self, series: &Series<'_>) -> Result<LinearFit> {
        check_size(series, Task::Linear, 2)?;
        let ls = regress(series, 2, true, |p, x| {
            if let [one, t] = x {
                *one = 1.0;
                *t = years(series, p.date);
            }
            p.value
        })?;
        check_finite(ls.coefficients())?;
        check_finite(&[ls.rss()])?;
        Ok(LinearFit {
            span: series.span(),
            ls,
        })
    }
}

/// A fitted [`LinearTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearFit {
    span: Span,
    ls: LeastSquares,
}

impl LinearFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The intercept `a`: the trend's value at the first observation's date.
    #[must_use]
    pub fn intercept(&self) -> f64 {
        self.ls.coefficients().first().copied().unwrap_or(f64::NAN)
    }

    /// The slope `b` per year.
    #[must_use]
    pub fn slope(&self) -> f64 {
        self.ls.coefficients().get(1).copied().unwrap_or(f64::NAN)
    }

    /// The standard errors of `(a, b)`; unknown (`None`) through exactly
    /// two points.
    #[must_use]
    pub fn standard_errors(&self) -> Option<(f64, f64)> {
        match self.ls.standard_errors()? {
            [a, b] => Some((*a, *b)),
            _ => None,
        }
    }

    /// The least-squares fit itself (R², residual standard deviation, …).
    #[must_use]
    pub const fn least_squares(&self) -> &LeastSquares {
        &self.ls
    }

    /// The trend's value at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        self.intercept() + self.slope() * self.span.years_to(date)
    }

    /// The prediction at `date` (any date, before, inside or after the data).
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`](crate::Error::NotFinite) if the prediction
    /// overflows.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        let t = self.span.years_to(date);
        let x0 = [1.0, t];
        // Through exactly two points nothing is left to estimate the error
        // from: the spread is unknown (an infinite standard error).
        let (se, df) = match self.ls.df() {
            0 => (f64::INFINITY, f64::INFINITY),
            df => (
                self.ls.residual_sd().unwrap_or(f64::INFINITY)
                    * libm::sqrt(1.0 + self.ls.leverage(&x0)),
                df as f64,
            ),
        };
        Prediction::new(self.ls.predict(&x0), se, df, Scale::Identity)
    }

    /// Writes the fitted values into `out` (see
    /// [`Fit::fitted_into`](crate::forecast::Fit::fitted_into)).
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`](crate::Error::Capacity) when `out` is too short.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.span.check(series)?;
        let pts = series.points();
        write_fitted(series, out, |i| {
            pts.get(i).map_or(f64::NAN, |p| self.value_at(p.date))
        })
    }

    /// The residual sum of squares.
    #[must_use]
    pub fn sse(&self) -> f64 {
        self.ls.rss()
    }

    /// 2: the intercept and the slope.
    #[must_use]
    pub const fn params(&self) -> usize {
        2
    }

    /// [`Formula::LinearTrend`] evaluated at the last observation, with
    /// terms `a` ([`Symbol::Level`]), `b` per year ([`Symbol::Slope`]), the
    /// number of points, of parameters, and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`](crate::Error::Capacity) for too many terms).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::LinearTrend, self.value_at(self.span.last.date))
            .with(Symbol::Level, self.intercept(), None)?
            .with(Symbol::Slope, self.slope(), None)?
            .with(Symbol::Count, self.span.len as f64, None)?
            .with(Symbol::Params, 2.0, None)?
            .with(Symbol::Sse, self.sse(), None)
    }
}
