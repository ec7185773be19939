//! The logistic trend with a cap.

use crate::date::Date;
use crate::error::Result;
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Bounds;
use crate::prediction::Prediction;
use crate::series::{Series, Span};

use super::curve::{self, Cap, CurveFit, Shape};

/// The logistic trend `y = K / (1 + exp(−r (t − t₀)))`, `t` in years from the
/// first observation, fitted by least squares on the natural scale.
///
/// # Fitting
///
/// Levenberg–Marquardt on `(r, t₀)`, or `(K, r, t₀)` when the cap is fitted,
/// from the straight line through `ln(y / (K − y))` (the logit-linear fit;
/// for a fitted cap, the best of a ladder of caps from 1.01 to 10 times the
/// largest value), then Gauss–Newton steps solved by QR in double-double to
/// the precision the data allow (see the [growth curves](super::GompertzTrend)
/// they share). Values of 0 are accepted.
///
/// # Predictions
///
/// On the logit scale [`Scale::Logit`](crate::Scale::Logit) `{ lo: 0, hi: K }`,
/// where the trend is the straight line `r (t − t₀)`. The predictive variance
/// there is the variance of `r̂ (t − t̂₀)` from the parameters' covariance
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
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) unless `K`
    /// is finite and above 0.
    pub fn with_cap(cap: f64) -> Result<LogisticTrend> {
        Ok(LogisticTrend {
            cap: Cap::given(cap)?,
        })
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
        LogisticTrend {
            cap: Cap::for_bounds(bounds),
        }
    }

    /// The cap setting.
    #[must_use]
    pub const fn cap(&self) -> Cap {
        self.cap
    }

    /// The fewest points it fits from: 3, or 4 with a fitted cap.
    #[must_use]
    pub const fn min_points(&self) -> usize {
        match self.cap {
            Cap::Given(_) => 3,
            Cap::Fitted => 4,
        }
    }

    /// Fits the trend to `series`.
    ///
    /// # Errors
    ///
    /// - [`Error::OutOfBounds`](crate::Error::OutOfBounds) (what `value`) for
    ///   a value below 0;
    /// - [`Error::InvalidArgument`](crate::Error::InvalidArgument) (field
    ///   `cap`, [`Expected::CapAboveData`](crate::Expected::CapAboveData)) for
    ///   a given cap at or below a value of the series;
    /// - [`Error::NonPositive`](crate::Error::NonPositive) when every value
    ///   is 0;
    /// - [`Error::TooFewPoints`](crate::Error::TooFewPoints) for fewer than 3
    ///   points (4 with a fitted cap), or fewer than 2 strictly between 0 and
    ///   the cap;
    /// - [`Error::Singular`](crate::Error::Singular) when the data cannot
    ///   tell the parameters apart (a flat series, say);
    /// - [`Error::NoConvergence`](crate::Error::NoConvergence) if
    ///   Levenberg–Marquardt runs out of iterations.
    pub fn fit(&self, series: &Series<'_>) -> Result<LogisticFit> {
        Ok(LogisticFit(curve::fit(Shape::Logistic, self.cap, series)?))
    }
}

/// A fitted [`LogisticTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogisticFit(CurveFit);

impl LogisticFit {
    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.0.span
    }

    /// The cap `K`.
    #[must_use]
    pub const fn cap(&self) -> f64 {
        self.0.cap
    }

    /// Whether the cap was fitted.
    #[must_use]
    pub const fn cap_fitted(&self) -> bool {
        self.0.cap_fitted
    }

    /// The rate `r` per year.
    #[must_use]
    pub const fn rate(&self) -> f64 {
        self.0.rate
    }

    /// The midpoint `t₀` (where the curve reaches `K/2`) in years from the
    /// first observation.
    #[must_use]
    pub const fn midpoint(&self) -> f64 {
        self.0.midpoint
    }

    /// The midpoint as a date (to the nearest day).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) when it falls
    /// outside years 1–9999.
    pub fn midpoint_date(&self) -> Result<Date> {
        self.0.midpoint_date()
    }

    /// The standard errors of `(K, r, t₀)` from `s² (JᵀJ)⁻¹`; that of `K`
    /// is 0 for a given cap.
    #[must_use]
    pub fn standard_errors(&self) -> (f64, f64, f64) {
        self.0.standard_errors()
    }

    /// The residual standard deviation on the natural scale, `√(SSE/(n − p))`.
    #[must_use]
    pub fn residual_sd(&self) -> f64 {
        self.0.residual_sd()
    }

    /// The residual standard deviation of `ln(y/(K − y))` about `r (t − t₀)`:
    /// the noise of new observations on the working scale.
    #[must_use]
    pub fn logit_residual_sd(&self) -> f64 {
        self.0.link_residual_sd()
    }

    /// The trend's value at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        self.0.value_at(date)
    }

    /// The prediction at `date`, on the logit scale between 0 and `K`.
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`](crate::Error::NotFinite) if the prediction
    /// overflows.
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        self.0.predict(date)
    }

    /// Writes the fitted values into `out`.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`](crate::Error::Capacity) when `out` is too short.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.0.fitted_into(series, out)
    }

    /// The sum of squared errors on the natural scale, which the fit minimises.
    #[must_use]
    pub const fn sse(&self) -> f64 {
        self.0.sse
    }

    /// 2 (`r`, `t₀`), or 3 with a fitted cap.
    #[must_use]
    pub const fn params(&self) -> usize {
        self.0.params()
    }

    /// [`Formula::LogisticTrend`] evaluated at the last observation, with
    /// terms `K`, `r`, `t₀` (years from the first observation), the number of
    /// points, of parameters, and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`](crate::Error::Capacity) for too
    /// many terms).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::LogisticTrend, self.value_at(self.span().last.date))
            .with(Symbol::Cap, self.cap(), None)?
            .with(Symbol::Rate, self.rate(), None)?
            .with(Symbol::Midpoint, self.midpoint(), None)?
            .with(Symbol::Count, self.span().len as f64, None)?
            .with(Symbol::Params, self.params() as f64, None)?
            .with(Symbol::Sse, self.sse(), None)
    }
}
