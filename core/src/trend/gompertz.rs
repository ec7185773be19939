//! The Gompertz trend with a cap.

use crate::date::Date;
use crate::error::Result;
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Bounds;
use crate::prediction::Prediction;
use crate::series::{Series, Span};

use super::curve::{self, Cap, CurveFit, Shape};

/// The Gompertz trend `y = K exp(−exp(−r (t − t₀)))`, `t` in years from the
/// first observation, fitted by least squares on the natural scale: adoption
/// that rises quickly and then approaches its cap slowly, unlike the
/// logistic's symmetric S. Its inflection, at `t₀`, lies at `K/e ≈ 0.37 K`.
///
/// # Fitting
///
/// As the logistic ([`LogisticTrend`](super::LogisticTrend)), with the
/// log-log link `−ln(−ln(y/K))` for the start: Levenberg–Marquardt on
/// `(r, t₀)` or `(K, r, t₀)`, then Gauss–Newton steps solved by QR in
/// double-double until they stop shrinking, which reaches the minimum to the
/// precision the data allow even where the sum of squares can no longer
/// tell a better point from a worse one. The cap is given (100 for a share)
/// or fitted above the largest value. Values of 0 are accepted: a share that
/// starts at 0 takes part in the fit, though not in the start's line.
///
/// # Predictions
///
/// On the log-log scale [`Scale::LogLog`](crate::Scale::LogLog) `{ hi: K }`,
/// where the trend is the straight line `r (t − t₀)`, with the variance of
/// `r̂ (t − t̂₀)` from the parameters' covariance `s² (JᵀJ)⁻¹` plus the
/// residual variance of `−ln(−ln(y/K))` about the line (for a value of 0,
/// the natural-scale residual carried by the link's slope at the fitted
/// value). Intervals stay between 0 and `K`; the uncertainty of a fitted cap
/// is not carried into them. Degrees of freedom are `n − p`.
///
/// # Examples
///
/// ```
/// use dxcast_core::trend::GompertzTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// // A share that starts at 0 and rises quickly, then slowly.
/// let pts = [
///     Point::new(Date::from_ymd(2019, 12, 31)?, 0.0),
///     Point::new(Date::from_ymd(2020, 12, 31)?, 8.0),
///     Point::new(Date::from_ymd(2021, 12, 31)?, 31.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 55.0),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 72.0),
///     Point::new(Date::from_ymd(2024, 12, 31)?, 83.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
/// let fit = GompertzTrend::for_bounds(Bounds::PERCENT).fit(&s)?;
/// let p = fit.predict(Date::from_ymd(2026, 12, 31)?)?;
/// let (Some(lo), Some(hi)) = p.interval(0.95, Bounds::PERCENT)? else { panic!() };
/// assert!(83.0 < p.point() && lo < p.point() && p.point() < hi && hi < 100.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GompertzTrend {
    cap: Cap,
}

impl GompertzTrend {
    /// A Gompertz trend with a known cap `K`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`](crate::Error::InvalidArgument) unless `K`
    /// is finite and above 0.
    pub fn with_cap(cap: f64) -> Result<GompertzTrend> {
        Ok(GompertzTrend {
            cap: Cap::given(cap)?,
        })
    }

    /// A Gompertz trend whose cap is fitted.
    #[must_use]
    pub const fn fitted_cap() -> GompertzTrend {
        GompertzTrend { cap: Cap::Fitted }
    }

    /// The cap an indicator's bounds imply: their maximum when it is above 0
    /// (100 for a share), a fitted cap otherwise.
    #[must_use]
    pub fn for_bounds(bounds: Bounds) -> GompertzTrend {
        GompertzTrend {
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
    pub fn fit(&self, series: &Series<'_>) -> Result<GompertzFit> {
        Ok(GompertzFit(curve::fit(Shape::Gompertz, self.cap, series)?))
    }
}

/// A fitted [`GompertzTrend`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GompertzFit(CurveFit);

impl GompertzFit {
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

    /// The inflection `t₀` (where the curve reaches `K/e` and grows fastest)
    /// in years from the first observation.
    #[must_use]
    pub const fn midpoint(&self) -> f64 {
        self.0.midpoint
    }

    /// The inflection as a date (to the nearest day).
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

    /// The residual standard deviation of `−ln(−ln(y/K))` about
    /// `r (t − t₀)`: the noise of new observations on the working scale.
    #[must_use]
    pub fn link_residual_sd(&self) -> f64 {
        self.0.link_residual_sd()
    }

    /// The trend's value at `date`.
    #[must_use]
    pub fn value_at(&self, date: Date) -> f64 {
        self.0.value_at(date)
    }

    /// The prediction at `date`, on the log-log scale between 0 and `K`.
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

    /// [`Formula::GompertzTrend`] evaluated at the last observation, with
    /// terms `K`, `r`, `t₀` (the inflection, years from the first
    /// observation), the number of points, of parameters, and the SSE.
    ///
    /// # Errors
    ///
    /// Never in practice ([`Error::Capacity`](crate::Error::Capacity) for too
    /// many terms).
    pub fn explain(&self) -> Result<Explanation> {
        Explanation::new(Formula::GompertzTrend, self.value_at(self.span().last.date))
            .with(Symbol::Cap, self.cap(), None)?
            .with(Symbol::Rate, self.rate(), None)?
            .with(Symbol::Midpoint, self.midpoint(), None)?
            .with(Symbol::Count, self.span().len as f64, None)?
            .with(Symbol::Params, self.params() as f64, None)?
            .with(Symbol::Sse, self.sse(), None)
    }
}
