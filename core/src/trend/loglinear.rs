//! The log-linear (exponential) trend `ln y = a + b·t`.

use crate::date::Date;
use crate::error::{Error, Field, Result, Task};
use crate::explain::{Explanation, Formula, Symbol};
use crate::lstsq::LeastSquares;
use crate::prediction::Prediction;
use crate::scale::Scale;
use crate::series::{Series, Span};

use super::{check_finite, check_size, regress, write_fitted, years};

/// The exponential trend `y = exp(a + b·t)`, fitted by least squares on
/// `ln y` (`t` in years from the first observation).
///
/// Growth per year is `exp(b) − 1`. Predictions live on the log scale
/// ([`Scale::Log`] with `lo = 0`): location `a + b·t`, the standard error of
/// a new observation of `ln y`, `s √(1 + h(t))`, and `n − 2` degrees of
/// freedom. Their intervals are positive by construction; the point,
/// `exp(a + b·t)`, is the median of the predictive distribution.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::LogLinearTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// // Transactions doubling every year.
/// let pts = [
///     Point::new(Date::from_ymd(2021, 1, 1)?, 100.0),
///     Point::new(Date::from_ymd(2022, 1, 1)?, 205.0),
///     Point::new(Date::from_ymd(2023, 1, 1)?, 395.0),
///     Point::new(Date::from_ymd(2024, 1, 1)?, 810.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Stock, Unit::Count))?;
/// let fit = LogLinearTrend::new().fit(&s)?;
/// assert!((fit.growth_per_year() - 1.0).abs() < 0.02);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LogLinearTrend;

impl LogLinearTrend {
    /// The method (it has no settings).
    #[must_use]
    pub const fn new() -> LogLinearTrend {
        LogLinearTrend
    }

    /// Fits the trend to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::NonPositive`] (what `"value"`) for a value that is 0 or
    ///   negative, with its index;
    /// - [`Error::TooFewPoints`] for fewer than 2 points (through exactly 2,
    ///   predictions have an unknown spread, as for the linear trend).
    pub fn fit(&self, series: &Series<'_>) -> Result<LogLinearFit> {
        check_size(series, Task::LogLinear, 2)?;
        if let Some(index) = series.points().iter().position(|p| p.value <= 0.0) {
            return Err(Error::NonPositive {
                what: Field::Value,
                index,
            });
        }
        let ls = regress(series, 2, true, |p, x| {
            if let [one, t] = x {
                *one = 1.0;
                *t = years(series, p.date);
            }
            libm::log(p.value)
        })?;
        let mut fit = LogLinearFit {
            span: series.span(),
            ls,
            sse: 0.0,
        };
        fit.sse = series
            .points()
            .iter()
            .map(|p| {
                let e = p.value - fit.value_at(p.date);
                e * e
            })
            .sum();
        check_finite(fit.ls.coefficients())?;
        check_finite(&[fit.ls.rss(), fit.sse])?;
        Ok(fit)
    }
}

/// A fitted [`LogLinearTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogLinearFit {
    span: Span,
    ls: LeastSquares,
    sse: f64,
}

impl LogLinearFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.span
    }

    /// The intercept `a` of `ln y` at the first observation's date.
    #[must_use]
    pub fn intercept(&self) -> f64 {
        self.ls.coefficients().first().copied().unwrap_or(f64::NAN)
    }

    /// The slope `b` of `ln y` per year.
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

    /// The growth per year, `exp(b) − 1` (0.25 is 25 % a year).
    #[must_use]
    pub fn growth_per_year(&self) -> f64 {
        libm::expm1(self.slope())
    }

    /// The least-squares fit on `ln y`.
    #[must_use]
    pub const fn least_squares(&self) -> &LeastSquares {
        &self.ls
    }

    /// The trend's value `exp(a + b·t)` at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        libm::exp(self.intercept() + self.slope() * self.span.years_to(date))
    }

    /// The prediction at `date`, on the log scale.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] if the prediction overflows.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        let x0 = [1.0, self.span.years_to(date)];
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
        Prediction::new(self.ls.predict(&x0), se, df, Scale::Log { lo: 0.0 })
    }

    /// Writes the fitted values `exp(a + b·tᵢ)` into `out`.
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

    /// The sum of squared errors on the natural scale, `Σ (yᵢ − exp(a + b·tᵢ))²`.
    #[must_use]
    pub const fn sse(&self) -> f64 {
        self.sse
    }

    /// The residual sum of squares of `ln y`, which the fit minimises.
    #[must_use]
    pub fn log_sse(&self) -> f64 {
        self.ls.rss()
    }

    /// 2: the intercept and the slope.
    #[must_use]
    pub const fn params(&self) -> usize {
        2
    }

    /// [`Formula::LogLinearTrend`] evaluated at the last observation, with
    /// terms `a` ([`Symbol::Level`]), `b` ([`Symbol::Slope`]), the growth
    /// per year ([`Symbol::Growth`]), the number of points, of parameters,
    /// and the SSE on the natural scale.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`] for too many terms).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::LogLinearTrend, self.value_at(self.span.last.date))
            .with(Symbol::Level, self.intercept(), None)?
            .with(Symbol::Slope, self.slope(), None)?
            .with(Symbol::Growth, self.growth_per_year(), None)?
            .with(Symbol::Count, self.span.len as f64, None)?
            .with(Symbol::Params, 2.0, None)?
            .with(Symbol::Sse, self.sse(), None)
    }
}
