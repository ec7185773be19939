//! Predictions, intervals that respect an indicator's bounds, and forecast
//! paths.
//!
//! Every method's prediction at a date is a [`Prediction`]: a location and a
//! predictive standard error on a *working scale* ([`Scale`]), with Student-t
//! degrees of freedom. The value on the natural scale is
//! `g⁻¹(location + se · T_ν)` for the scale's transformation `g`.
//!
//! - The log-linear trend works on `ln y` and the logistic trend on
//!   `logit((y − lo)/(hi − lo))`: their intervals cannot leave the range the
//!   scale maps onto.
//! - The linear and polynomial trends and Holt's methods work on the natural
//!   scale. For a bounded indicator [`Prediction::interval`] first carries
//!   the prediction to `ln(y − min)` (lower bound only), `−ln(max − y)` (upper
//!   bound only) or the logit between both bounds by the delta method
//!   (`se' = g'(ŷ) · se`), takes the t-interval there, and transforms its
//!   ends back ("transform, then back-transform"). A count's interval never
//!   goes below 0, a share's never above 100.
//!
//! The delta method linearises `g` at the point forecast. When the point lies
//! within a few standard errors of a bound, the interval becomes very
//! asymmetric: tight towards the bound and long away from it. A point on or
//! beyond a bound has no image on the bounded scale; its interval is the
//! natural-scale t-interval clamped into the bounds, and its point is the
//! bound.
//!
//! [`Fit`] gathers the fitted methods behind one type, and [`forecast_into`]
//! fills a caller's buffer with points and intervals along a [`Horizon`].

use crate::date::Date;
use crate::dist::{student_t_cdf, student_t_quantile};
use crate::error::{Error, Expected, Field, Result};
use crate::explain::{Explanation, Formula, Symbol};
use crate::indicator::Bounds;
use crate::series::{Point, Series};
use crate::trend::{
    Holt, HoltFit, LinearFit, LinearTrend, LogLinearFit, LogLinearTrend, LogisticFit,
    LogisticTrend, PolynomialFit, PolynomialTrend,
};

/// The scale a prediction's location and standard error live on.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Bounds, Scale};
///
/// let s = Scale::for_bounds(Bounds::PERCENT);
/// assert_eq!(s, Scale::Logit { lo: 0.0, hi: 100.0 });
/// assert!((s.inverse(s.forward(97.5)) - 97.5).abs() < 1e-12);
/// assert_eq!(s.forward(100.0), f64::INFINITY);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Scale {
    /// `z = y`.
    Identity,
    /// `z = ln(y − lo)`, for values above `lo` (the log-linear trend uses
    /// `lo = 0`).
    Log {
        /// The lower end of the range.
        lo: f64,
    },
    /// `z = −ln(hi − y)`, for values below `hi` (increasing in `y`).
    ReflectedLog {
        /// The upper end of the range.
        hi: f64,
    },
    /// `z = ln((y − lo)/(hi − y))`, for values between `lo` and `hi`.
    Logit {
        /// The lower end of the range.
        lo: f64,
        /// The upper end of the range.
        hi: f64,
    },
}

impl Scale {
    /// The scale on which an identity-scale prediction for an indicator with
    /// these bounds is given its interval.
    #[must_use]
    pub fn for_bounds(bounds: Bounds) -> Scale {
        match (bounds.min, bounds.max) {
            (Some(lo), Some(hi)) => Scale::Logit { lo, hi },
            (Some(lo), None) => Scale::Log { lo },
            (None, Some(hi)) => Scale::ReflectedLog { hi },
            (None, None) => Scale::Identity,
        }
    }

    /// The open range of natural values the scale maps onto the real line.
    #[must_use]
    pub fn range(self) -> (f64, f64) {
        match self {
            Scale::Identity => (f64::NEG_INFINITY, f64::INFINITY),
            Scale::Log { lo } => (lo, f64::INFINITY),
            Scale::ReflectedLog { hi } => (f64::NEG_INFINITY, hi),
            Scale::Logit { lo, hi } => (lo, hi),
        }
    }

    /// `g(y)`: −∞ at or below the range, +∞ at or above it.
    #[must_use]
    pub fn forward(self, y: f64) -> f64 {
        let (lo, hi) = self.range();
        if y <= lo {
            return f64::NEG_INFINITY;
        }
        if y >= hi {
            return f64::INFINITY;
        }
        match self {
            Scale::Identity => y,
            Scale::Log { lo } => libm::log(y - lo),
            Scale::ReflectedLog { hi } => -libm::log(hi - y),
            Scale::Logit { lo, hi } => libm::log(y - lo) - libm::log(hi - y),
        }
    }

    /// `g⁻¹(z)`, which lies in the range (its ends for ±∞).
    #[must_use]
    pub fn inverse(self, z: f64) -> f64 {
        match self {
            Scale::Identity => z,
            Scale::Log { lo } => lo + libm::exp(z),
            Scale::ReflectedLog { hi } => hi - libm::exp(-z),
            Scale::Logit { lo, hi } => {
                let w = hi - lo;
                if z >= 0.0 {
                    lo + w / (1.0 + libm::exp(-z))
                } else {
                    // hi − w/(1 + e^z) keeps the digits near hi; this keeps
                    // them near lo.
                    let e = libm::exp(z);
                    lo + w * e / (1.0 + e)
                }
            }
        }
    }

    /// `g'(y)`, the slope of the transformation at `y` inside the range.
    #[must_use]
    pub fn derivative(self, y: f64) -> f64 {
        match self {
            Scale::Identity => 1.0,
            Scale::Log { lo } => 1.0 / (y - lo),
            Scale::ReflectedLog { hi } => 1.0 / (hi - y),
            Scale::Logit { lo, hi } => (hi - lo) / ((y - lo) * (hi - y)),
        }
    }

    fn validate(self) -> Result<Scale> {
        let ok = match self {
            Scale::Identity => true,
            Scale::Log { lo } => lo.is_finite(),
            Scale::ReflectedLog { hi } => hi.is_finite(),
            Scale::Logit { lo, hi } => lo.is_finite() && hi.is_finite() && lo < hi,
        };
        if ok {
            Ok(self)
        } else {
            Err(Error::InvalidArgument {
                name: Field::Scale,
                expected: Expected::ScaleEnds,
            })
        }
    }
}

/// A prediction at one date: location and predictive standard error on a
/// working scale, with Student-t degrees of freedom.
///
/// # Examples
///
/// ```
/// use dxcast_core::forecast::{Prediction, Scale};
/// use dxcast_core::Bounds;
///
/// // A share predicted at 96 ± 3 (standard error), 8 degrees of freedom.
/// let p = Prediction::new(96.0, 3.0, 8.0, Scale::Identity)?;
/// let (lo, hi) = p.interval(0.95, Bounds::PERCENT)?;
/// assert!(lo < 96.0 && 96.0 < hi && hi < 100.0);
/// // Unbounded, the same prediction crosses 100.
/// let (_, hi) = p.interval(0.95, Bounds::NONE)?;
/// assert!(hi > 100.0);
/// let p_above = p.probability_at_least(95.0, Bounds::PERCENT)?;
/// assert!(p_above > 0.5 && p_above < 1.0);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Prediction {
    location: f64,
    se: f64,
    df: f64,
    scale: Scale,
}

fn check_level(level: f64) -> Result<f64> {
    if level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(Error::InvalidArgument {
            name: Field::Level,
            expected: Expected::ConfidenceLevel,
        })
    }
}

impl Prediction {
    /// A prediction with `location` and standard error `se` on `scale`, and
    /// `df` degrees of freedom (`f64::INFINITY` for a normal distribution).
    /// An infinite `se` says the spread is unknown (a line through exactly
    /// two points): intervals then span the bounds, and probabilities of
    /// values inside the bounds are NaN.
    ///
    /// # Errors
    ///
    /// - [`Error::NotFinite`] for a non-finite location (index 0) or a NaN
    ///   standard error (index 1);
    /// - [`Error::InvalidArgument`] for a negative standard error, degrees of
    ///   freedom that are not above 0, or a scale with non-finite or
    ///   unordered ends.
    pub fn new(location: f64, se: f64, df: f64, scale: Scale) -> Result<Prediction> {
        if !location.is_finite() {
            return Err(Error::NotFinite {
                what: Field::Location,
                index: 0,
            });
        }
        if se.is_nan() {
            return Err(Error::NotFinite {
                what: Field::StandardError,
                index: 1,
            });
        }
        if se < 0.0 {
            return Err(Error::InvalidArgument {
                name: Field::StandardError,
                expected: Expected::NonNegativeStandardError,
            });
        }
        if df.is_nan() || df <= 0.0 {
            return Err(Error::InvalidArgument {
                name: Field::DegreesOfFreedom,
                expected: Expected::DegreesOfFreedom,
            });
        }
        Ok(Prediction {
            location,
            se,
            df,
            scale: scale.validate()?,
        })
    }

    /// The location on the working scale.
    #[must_use]
    pub const fn location(&self) -> f64 {
        self.location
    }

    /// The predictive standard error on the working scale.
    #[must_use]
    pub const fn se(&self) -> f64 {
        self.se
    }

    /// The degrees of freedom of the predictive Student-t distribution.
    #[must_use]
    pub const fn df(&self) -> f64 {
        self.df
    }

    /// The working scale.
    #[must_use]
    pub const fn scale(&self) -> Scale {
        self.scale
    }

    /// The point forecast on the natural scale, `g⁻¹(location)`: the median
    /// of the predictive distribution (for the log and logit scales this is
    /// not its mean). Not clamped: see [`Prediction::point_within`].
    #[must_use]
    pub fn point(&self) -> f64 {
        self.scale.inverse(self.location)
    }

    /// The point forecast clamped into `bounds`.
    #[must_use]
    pub fn point_within(&self, bounds: Bounds) -> f64 {
        bounds.clamp(self.point())
    }

    /// The prediction on the scale its probabilities use for an indicator
    /// with `bounds`. A prediction already on a log or logit scale is
    /// returned unchanged. An identity-scale one is carried by the delta
    /// method to [`Scale::for_bounds`] when its natural-scale 95 % interval
    /// stays strictly inside the bounds; near a bound the delta method breaks
    /// down (the logit's slope grows without limit), so there the prediction
    /// stays on the natural scale and its mass beyond a bound sits on the
    /// bound (a share predicted at 99.5 ± 1.5 can reach 100).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for bounds that are not finite or not ordered.
    pub fn bounded(&self, bounds: Bounds) -> Result<Prediction> {
        let bounds = bounds.validate()?;
        if self.scale != Scale::Identity {
            return Ok(*self);
        }
        let target = Scale::for_bounds(bounds);
        let (lo, hi) = target.range();
        let y = self.location;
        let reach = student_t_quantile(0.975, self.df)? * self.se;
        if target == Scale::Identity || y - reach <= lo || y + reach >= hi {
            return Ok(*self);
        }
        let z = target.forward(y);
        let se = self.se * target.derivative(y);
        if !z.is_finite() || !se.is_finite() {
            return Ok(*self);
        }
        Ok(Prediction {
            location: z,
            se,
            df: self.df,
            scale: target,
        })
    }

    /// The two-sided prediction interval at confidence `level` (such as
    /// 0.95), respecting `bounds`. For a prediction on a log or logit scale it
    /// is the Student-t interval there, transformed back. For an
    /// identity-scale prediction on a bounded indicator it is the
    /// intersection of two intervals: the one computed on the bounds' scale
    /// by the delta method and transformed back (which bends towards a bound
    /// as the point nears it), and the natural-scale one clamped into the
    /// bounds (which keeps the first from blowing up where the delta method
    /// breaks down). It always contains [`Prediction::point_within`] and never
    /// leaves the bounds.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for a level outside (0, 1) or invalid bounds.
    pub fn interval(&self, level: f64, bounds: Bounds) -> Result<(f64, f64)> {
        let level = check_level(level)?;
        let bounds = bounds.validate()?;
        let q = student_t_quantile(0.5 + 0.5 * level, self.df)?;
        let half = q * self.se;
        let mut a = bounds.clamp(self.scale.inverse(self.location - half));
        let mut b = bounds.clamp(self.scale.inverse(self.location + half));
        if self.scale == Scale::Identity {
            let target = Scale::for_bounds(bounds);
            let (lo, hi) = target.range();
            let y = self.location;
            if target != Scale::Identity && y > lo && y < hi {
                let z = target.forward(y);
                let se = self.se * target.derivative(y);
                if z.is_finite() && se.is_finite() {
                    a = a.max(bounds.clamp(target.inverse(z - q * se)));
                    b = b.min(bounds.clamp(target.inverse(z + q * se)));
                }
            }
        }
        let p = self.point_within(bounds);
        // Rounding in the back-transform must not leave the point outside.
        Ok((a.min(p), b.max(p)))
    }

    /// The probability that the value is at least `x`, from the predictive
    /// Student-t distribution on the working scale of
    /// [`Prediction::bounded`]. Values beyond the bounds are impossible: the
    /// result is 1 for `x` at or below the lower bound and 0 above the upper
    /// one. NaN inside the bounds when the spread is unknown (an infinite
    /// standard error).
    ///
    /// # Errors
    ///
    /// [`Error::NotFinite`] (what `"x"`) for NaN; [`Error::InvalidArgument`]
    /// for invalid bounds.
    pub fn probability_at_least(&self, x: f64, bounds: Bounds) -> Result<f64> {
        Ok(1.0 - self.probability_below(x, bounds, true)?)
    }

    /// The probability that the value is at most `x` (see
    /// [`Prediction::probability_at_least`]): 0 below the lower bound and 1
    /// at or above the upper one.
    ///
    /// # Errors
    ///
    /// As [`Prediction::probability_at_least`].
    pub fn probability_at_most(&self, x: f64, bounds: Bounds) -> Result<f64> {
        self.probability_below(x, bounds, false)
    }

    /// P(Y < x) (`strict`) or P(Y ≤ x); the distribution is continuous inside
    /// the bounds, and the mass beyond a bound sits on it.
    fn probability_below(&self, x: f64, bounds: Bounds, strict: bool) -> Result<f64> {
        if x.is_nan() {
            return Err(Error::NotFinite {
                what: Field::X,
                index: 0,
            });
        }
        let bounds = bounds.validate()?;
        if let Some(lo) = bounds.min {
            if x < lo || (strict && x == lo) {
                return Ok(0.0);
            }
        }
        if let Some(hi) = bounds.max {
            if x > hi || (!strict && x == hi) {
                return Ok(1.0);
            }
        }
        let work = self.bounded(bounds)?;
        let z = work.scale.forward(x);
        if z == f64::NEG_INFINITY {
            return Ok(0.0);
        }
        if z == f64::INFINITY {
            return Ok(1.0);
        }
        if work.se == f64::INFINITY {
            // Unknown spread: nothing can be said inside the bounds.
            return Ok(f64::NAN);
        }
        if work.se == 0.0 {
            let below = if strict {
                work.location < z
            } else {
                work.location <= z
            };
            return Ok(if below { 1.0 } else { 0.0 });
        }
        student_t_cdf((z - work.location) / work.se, work.df)
    }

    /// The interval of [`Prediction::interval`] as an explanation: formula
    /// [`Formula::PredictionInterval`], result the point within the bounds,
    /// terms the point, the working-scale standard error, the t quantile,
    /// the degrees of freedom, the level, and the interval's ends.
    ///
    /// # Errors
    ///
    /// As [`Prediction::interval`].
    pub fn explain_interval(&self, level: f64, bounds: Bounds) -> Result<Explanation> {
        let (lo, hi) = self.interval(level, bounds)?;
        let work = self.bounded(bounds)?;
        let q = student_t_quantile(0.5 + 0.5 * level, work.df)?;
        let point = self.point_within(bounds);
        Explanation::new(Formula::PredictionInterval, point)
            .with(Symbol::Projected, point, None)?
            .with(Symbol::StandardError, work.se, None)?
            .with(Symbol::Quantile, q, None)?
            .with(Symbol::DegreesOfFreedom, work.df, None)?
            .with(Symbol::Level95, level, None)?
            .with(Symbol::Low, lo, None)?
            .with(Symbol::High, hi, None)
    }
}

/// Anything that predicts an indicator's value at a date: a fitted method
/// ([`Fit`]), or a what-if scenario over one ([`crate::scenario::WhatIf`]).
pub trait Predictor {
    /// The prediction at `date`.
    ///
    /// # Errors
    ///
    /// The method's own: for example Holt predicts only after its last
    /// observation.
    fn predict(&self, date: Date) -> Result<Prediction>;

    /// The last observation the predictions continue from.
    fn latest(&self) -> Point;

    /// The observations the predictions rest on, in date order (empty when
    /// unknown).
    fn history(&self) -> &[Point] {
        &[]
    }
}

impl Predictor for Fit<'_> {
    fn predict(&self, date: Date) -> Result<Prediction> {
        Fit::predict(self, date)
    }

    fn latest(&self) -> Point {
        self.series().last()
    }

    fn history(&self) -> &[Point] {
        self.series().points()
    }
}

/// The projection methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum Method {
    /// A straight line in time ([`LinearTrend`]).
    Linear,
    /// A polynomial in time ([`PolynomialTrend`]).
    Polynomial,
    /// A straight line in time through the logarithms ([`LogLinearTrend`]).
    LogLinear,
    /// A logistic curve with a cap ([`LogisticTrend`]).
    Logistic,
    /// Holt's linear trend ([`Holt`]).
    Holt,
    /// Holt's damped trend ([`Holt::damped`]).
    DampedHolt,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 6] = [
        Method::Linear,
        Method::Polynomial,
        Method::LogLinear,
        Method::Logistic,
        Method::Holt,
        Method::DampedHolt,
    ];

    /// The method's identifier: `linear`, `polynomial`, `log_linear`,
    /// `logistic`, `holt`, `damped_holt`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Method::Linear => "linear",
            Method::Polynomial => "polynomial",
            Method::LogLinear => "log_linear",
            Method::Logistic => "logistic",
            Method::Holt => "holt",
            Method::DampedHolt => "damped_holt",
        }
    }

    /// The method with identifier `code` (see [`Method::code`]).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (line 0, field `"method"`) for an unknown identifier.
    pub fn from_code(code: &str) -> Result<Method> {
        Method::ALL
            .into_iter()
            .find(|m| m.code() == code.trim())
            .ok_or(Error::Parse {
                line: 0,
                field: Field::Method,
                expected: Expected::MethodCode,
            })
    }

    /// The formula the method fits.
    #[must_use]
    pub const fn formula(self) -> Formula {
        match self {
            Method::Linear => Formula::LinearTrend,
            Method::Polynomial => Formula::PolynomialTrend,
            Method::LogLinear => Formula::LogLinearTrend,
            Method::Logistic => Formula::LogisticTrend,
            Method::Holt => Formula::Holt,
            Method::DampedHolt => Formula::DampedHolt,
        }
    }
}

/// A method with its settings, not yet fitted: the one type to fit any method.
///
/// # Examples
///
/// ```
/// use dxcast_core::forecast::{Method, Model};
/// use dxcast_core::trend::LinearTrend;
/// use dxcast_core::{Bounds, Date, Point, Series};
///
/// let pts = [
///     Point::new(Date::from_ymd(2021, 12, 31)?, 40.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 52.0),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 61.0),
/// ];
/// let s = Series::new(&pts, Bounds::PERCENT)?;
/// let fit = Model::Linear(LinearTrend::new()).fit(&s)?;
/// assert_eq!(fit.method(), Method::Linear);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Model {
    /// A linear trend.
    Linear(LinearTrend),
    /// A polynomial trend.
    Polynomial(PolynomialTrend),
    /// A log-linear trend.
    LogLinear(LogLinearTrend),
    /// A logistic trend.
    Logistic(LogisticTrend),
    /// Holt's linear or damped trend.
    Holt(Holt),
}

impl Model {
    /// The method.
    #[must_use]
    pub fn method(&self) -> Method {
        match self {
            Model::Linear(_) => Method::Linear,
            Model::Polynomial(_) => Method::Polynomial,
            Model::LogLinear(_) => Method::LogLinear,
            Model::Logistic(_) => Method::Logistic,
            Model::Holt(h) => h.method(),
        }
    }

    /// Fits the method to `series`.
    ///
    /// # Errors
    ///
    /// As the method's own `fit`.
    pub fn fit<'a>(&self, series: &Series<'a>) -> Result<Fit<'a>> {
        Ok(match self {
            Model::Linear(m) => Fit::Linear(m.fit(series)?),
            Model::Polynomial(m) => Fit::Polynomial(m.fit(series)?),
            Model::LogLinear(m) => Fit::LogLinear(m.fit(series)?),
            Model::Logistic(m) => Fit::Logistic(m.fit(series)?),
            Model::Holt(m) => Fit::from(m.fit(series)?),
        })
    }
}

/// A fitted method, of any kind.
///
/// # Examples
///
/// ```
/// use dxcast_core::explain::{Formula, Symbol};
/// use dxcast_core::{Bounds, Date, Fit, LogLinearTrend, Method, Point, Series};
///
/// let pts = [
///     Point::new(Date::from_ymd(2021, 12, 31)?, 180e6),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 290e6),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 480e6),
///     Point::new(Date::from_ymd(2024, 12, 31)?, 760e6),
/// ];
/// let s = Series::new(&pts, Bounds::NON_NEGATIVE)?;
/// let fit: Fit = LogLinearTrend::new().fit(&s)?.into();
/// assert_eq!(fit.method(), Method::LogLinear);
/// let mut fitted = [0.0; 4];
/// assert_eq!(fit.fitted_into(&mut fitted)?, 4);
/// let e = fit.explain()?;
/// assert_eq!(e.formula, Formula::LogLinearTrend);
/// let growth = e.term(Symbol::Growth).unwrap_or(0.0);
/// assert!(growth > 0.6 && growth < 0.65);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Fit<'a> {
    /// A linear trend.
    Linear(LinearFit<'a>),
    /// A polynomial trend.
    Polynomial(PolynomialFit<'a>),
    /// A log-linear trend.
    LogLinear(LogLinearFit<'a>),
    /// A logistic trend.
    Logistic(LogisticFit<'a>),
    /// Holt's linear trend.
    Holt(HoltFit<'a>),
    /// Holt's damped trend.
    DampedHolt(HoltFit<'a>),
}

impl<'a> From<LinearFit<'a>> for Fit<'a> {
    fn from(f: LinearFit<'a>) -> Fit<'a> {
        Fit::Linear(f)
    }
}

impl<'a> From<PolynomialFit<'a>> for Fit<'a> {
    fn from(f: PolynomialFit<'a>) -> Fit<'a> {
        Fit::Polynomial(f)
    }
}

impl<'a> From<LogLinearFit<'a>> for Fit<'a> {
    fn from(f: LogLinearFit<'a>) -> Fit<'a> {
        Fit::LogLinear(f)
    }
}

impl<'a> From<LogisticFit<'a>> for Fit<'a> {
    fn from(f: LogisticFit<'a>) -> Fit<'a> {
        Fit::Logistic(f)
    }
}

impl<'a> From<HoltFit<'a>> for Fit<'a> {
    fn from(f: HoltFit<'a>) -> Fit<'a> {
        if f.is_damped() {
            Fit::DampedHolt(f)
        } else {
            Fit::Holt(f)
        }
    }
}

impl<'a> Fit<'a> {
    /// The method.
    #[must_use]
    pub const fn method(&self) -> Method {
        match self {
            Fit::Linear(_) => Method::Linear,
            Fit::Polynomial(_) => Method::Polynomial,
            Fit::LogLinear(_) => Method::LogLinear,
            Fit::Logistic(_) => Method::Logistic,
            Fit::Holt(_) => Method::Holt,
            Fit::DampedHolt(_) => Method::DampedHolt,
        }
    }

    /// The series the method was fitted to.
    #[must_use]
    pub const fn series(&self) -> &Series<'a> {
        match self {
            Fit::Linear(f) => f.series(),
            Fit::Polynomial(f) => f.series(),
            Fit::LogLinear(f) => f.series(),
            Fit::Logistic(f) => f.series(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.series(),
        }
    }

    /// The prediction at `date`.
    ///
    /// # Errors
    ///
    /// As the method's own `predict` (Holt's methods only predict after the
    /// last observation).
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        match self {
            Fit::Linear(f) => f.predict(date),
            Fit::Polynomial(f) => f.predict(date),
            Fit::LogLinear(f) => f.predict(date),
            Fit::Logistic(f) => f.predict(date),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.predict(date),
        }
    }

    /// Writes the in-sample fitted values on the natural scale, one per
    /// observation, into the start of `out`, and returns how many.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when `out` is shorter than the series; nothing is
    /// written.
    pub fn fitted_into(&self, out: &mut [f64]) -> Result<usize> {
        match self {
            Fit::Linear(f) => f.fitted_into(out),
            Fit::Polynomial(f) => f.fitted_into(out),
            Fit::LogLinear(f) => f.fitted_into(out),
            Fit::Logistic(f) => f.fitted_into(out),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.fitted_into(out),
        }
    }

    /// The sum of squared in-sample errors on the natural scale (one-step
    /// errors for Holt's methods).
    #[must_use]
    pub fn sse(&self) -> f64 {
        match self {
            Fit::Linear(f) => f.sse(),
            Fit::Polynomial(f) => f.sse(),
            Fit::LogLinear(f) => f.sse(),
            Fit::Logistic(f) => f.sse(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.sse(),
        }
    }

    /// The number of parameters taken from the data (see each method's `params`).
    #[must_use]
    pub fn params(&self) -> usize {
        match self {
            Fit::Linear(f) => f.params(),
            Fit::Polynomial(f) => f.params(),
            Fit::LogLinear(f) => f.params(),
            Fit::Logistic(f) => f.params(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.params(),
        }
    }

    /// The formula with the fitted parameters as terms.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] if the terms do not fit in an explanation (they do
    /// for every method).
    pub fn explain(&self) -> Result<Explanation> {
        match self {
            Fit::Linear(f) => f.explain(),
            Fit::Polynomial(f) => f.explain(),
            Fit::LogLinear(f) => f.explain(),
            Fit::Logistic(f) => f.explain(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.explain(),
        }
    }
}

/// A calendar step between forecast dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub enum Step {
    /// A number of days.
    Days(u32),
    /// A number of months, day of month kept (moved back to the month's last
    /// day where it does not exist, see [`Date::add_months`]).
    Months(u32),
}

/// The dates a forecast is wanted at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Horizon<'d> {
    /// Exactly these dates.
    Dates(&'d [Date]),
    /// `count` dates after `start`: `start + step`, `start + 2 step`, …;
    /// `start` itself is not included (it is usually the last observation).
    After {
        /// The date the steps count from.
        start: Date,
        /// The step.
        step: Step,
        /// The number of dates.
        count: usize,
    },
}

impl Horizon<'_> {
    /// The number of dates.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Horizon::Dates(d) => d.len(),
            Horizon::After { count, .. } => *count,
        }
    }

    /// Whether there are no dates.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `k`-th date (from 0).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for `k` past the end or a date outside
    /// years 1–9999.
    pub fn date(&self, k: usize) -> Result<Date> {
        let past = Error::InvalidArgument {
            name: Field::Horizon,
            expected: Expected::IndexInRange,
        };
        match *self {
            Horizon::Dates(d) => d.get(k).copied().ok_or(past),
            Horizon::After { start, step, count } => {
                if k >= count {
                    return Err(past);
                }
                let n = i64::try_from(k).map_err(|_| past)?.saturating_add(1);
                let too_far = Error::InvalidArgument {
                    name: Field::Horizon,
                    expected: Expected::DatesInRange,
                };
                match step {
                    Step::Days(d) => {
                        let days = n.saturating_mul(i64::from(d));
                        start.add_days(i32::try_from(days).map_err(|_| too_far)?)
                    }
                    Step::Months(m) => {
                        let months = n.saturating_mul(i64::from(m));
                        start.add_months(i32::try_from(months).map_err(|_| too_far)?)
                    }
                }
            }
        }
    }
}

/// One point of a forecast path.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ForecastPoint {
    /// The date.
    pub date: Date,
    /// The point forecast, within the bounds.
    pub point: f64,
    /// The lower end of the prediction interval.
    pub lo: f64,
    /// The upper end of the prediction interval.
    pub hi: f64,
    /// The prediction behind them (for probabilities of meeting a target).
    pub prediction: Prediction,
}

impl Default for ForecastPoint {
    /// A placeholder for buffers: 1970-01-01, all values 0.
    fn default() -> ForecastPoint {
        ForecastPoint {
            date: Date::EPOCH,
            point: 0.0,
            lo: 0.0,
            hi: 0.0,
            prediction: Prediction {
                location: 0.0,
                se: 0.0,
                df: f64::INFINITY,
                scale: Scale::Identity,
            },
        }
    }
}

/// Fills `out` with the forecast of `fit` along `horizon`: the point within
/// `bounds` and the prediction interval at confidence `level` for each date,
/// and returns the number of points written (the horizon's length).
///
/// Nothing is allocated: the caller owns the buffer, and a buffer shorter
/// than the horizon is an error before anything is written.
///
/// # Examples
///
/// ```
/// use dxcast_core::forecast::{forecast_into, Fit, ForecastPoint, Horizon, Step};
/// use dxcast_core::trend::LinearTrend;
/// use dxcast_core::{Bounds, Date, Point, Series};
///
/// let pts = [
///     Point::new(Date::from_ymd(2022, 3, 31)?, 72.0),
///     Point::new(Date::from_ymd(2022, 6, 30)?, 78.5),
///     Point::new(Date::from_ymd(2022, 9, 30)?, 83.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 89.0),
/// ];
/// let s = Series::new(&pts, Bounds::PERCENT)?;
/// let fit: Fit = LinearTrend::new().fit(&s)?.into();
/// let mut out = [ForecastPoint::default(); 4];
/// let horizon = Horizon::After { start: s.last().date, step: Step::Months(3), count: 4 };
/// let n = forecast_into(&fit, horizon, 0.95, Bounds::PERCENT, &mut out)?;
/// assert_eq!(n, 4);
/// assert_eq!(out[3].date, Date::from_ymd(2023, 12, 31)?);
/// assert!(out.iter().all(|p| 0.0 <= p.lo && p.lo <= p.point && p.point <= p.hi && p.hi <= 100.0));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
///
/// # Errors
///
/// - [`Error::Capacity`] when `out` is shorter than the horizon (nothing is
///   written);
/// - the errors of [`Fit::predict`] and [`Prediction::interval`], and of
///   [`Horizon::date`] for dates beyond year 9999. The points before the
///   failing one have then been written.
pub fn forecast_into(
    predictor: &dyn Predictor,
    horizon: Horizon<'_>,
    level: f64,
    bounds: Bounds,
    out: &mut [ForecastPoint],
) -> Result<usize> {
    let n = horizon.len();
    if out.len() < n {
        return Err(Error::Capacity {
            what: Field::ForecastBuffer,
            capacity: out.len(),
        });
    }
    check_level(level)?;
    let bounds = bounds.validate()?;
    for (k, slot) in out.iter_mut().enumerate().take(n) {
        let date = horizon.date(k)?;
        let prediction = predictor.predict(date)?;
        let (lo, hi) = prediction.interval(level, bounds)?;
        *slot = ForecastPoint {
            date,
            point: prediction.point_within(bounds),
            lo,
            hi,
            prediction,
        };
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn scales_round_trip() {
        let scales = [
            Scale::Identity,
            Scale::Log { lo: 1.0 },
            Scale::ReflectedLog { hi: 10.0 },
            Scale::Logit { lo: 0.0, hi: 100.0 },
        ];
        for s in scales {
            for y in [1.5, 3.0, 9.999] {
                let z = s.forward(y);
                assert!((s.inverse(z) - y).abs() < 1e-12, "{s:?} {y}");
                let h = 1e-6;
                let d = (s.forward(y + h) - s.forward(y - h)) / (2.0 * h);
                assert!((d - s.derivative(y)).abs() < 1e-5 * d.abs(), "{s:?} {y}");
            }
        }
        assert_eq!(Scale::Log { lo: 0.0 }.forward(0.0), f64::NEG_INFINITY);
        assert_eq!(
            Scale::Logit { lo: 0.0, hi: 1.0 }.inverse(f64::INFINITY),
            1.0
        );
    }

    #[test]
    fn point_outside_the_bounds_is_clamped() {
        let p = Prediction::new(100.5, 2.0, 10.0, Scale::Identity).unwrap();
        let (lo, hi) = p.interval(0.9, Bounds::PERCENT).unwrap();
        assert_eq!(hi, 100.0);
        // 100.5 − t(0.95, 10) × 2.
        assert!(
            (lo - (100.5 - 1.812_461_122_811_676 * 2.0)).abs() < 1e-12,
            "{lo}"
        );
        assert_eq!(p.point_within(Bounds::PERCENT), 100.0);
        assert_eq!(p.probability_at_least(100.5, Bounds::PERCENT).unwrap(), 0.0);
        assert_eq!(p.probability_at_most(100.0, Bounds::PERCENT).unwrap(), 1.0);
    }

    #[test]
    fn method_codes_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_code(m.code()).unwrap(), m);
        }
        assert!(Method::from_code("arima").is_err());
    }

    #[test]
    fn share_intervals_near_the_cap_are_continuous_and_bounded() {
        // A linear or Holt point forecast for a share, se 1.5, 10 degrees of
        // freedom, swept across the cap: the ends never jump, never leave
        // 0-100, and always contain the point.
        let mut prev: Option<(f64, f64)> = None;
        let mut y = 90.0;
        while y <= 101.0 {
            let p = Prediction::new(y, 1.5, 10.0, Scale::Identity).unwrap();
            let (lo, hi) = p.interval(0.95, Bounds::PERCENT).unwrap();
            let point = p.point_within(Bounds::PERCENT);
            assert!(
                0.0 <= lo && lo <= point && point <= hi && hi <= 100.0,
                "{y}: ({lo}, {hi})"
            );
            if let Some((plo, phi)) = prev {
                assert!(
                    (lo - plo).abs() < 0.1 && (hi - phi).abs() < 0.1,
                    "jump at {y}: ({plo}, {phi}) -> ({lo}, {hi})"
                );
            }
            prev = Some((lo, hi));
            y += 0.01;
        }
        // Far from the cap the delta method's upper end bends below the
        // symmetric natural one: 98 ± 2.228 × 1.5 would reach 101.3.
        let p = Prediction::new(98.0, 1.5, 10.0, Scale::Identity).unwrap();
        let (lo, hi) = p.interval(0.95, Bounds::PERCENT).unwrap();
        let q = crate::dist::student_t_quantile(0.975, 10.0).unwrap();
        assert!((lo - (98.0 - q * 1.5)).abs() < 1e-9, "{lo}");
        assert!(hi < 100.0 && hi > 98.0, "{hi}");
    }

    #[test]
    fn unknown_spread_spans_the_bounds() {
        let p = Prediction::new(60.0, f64::INFINITY, f64::INFINITY, Scale::Identity).unwrap();
        assert_eq!(p.interval(0.95, Bounds::PERCENT).unwrap(), (0.0, 100.0));
        assert!(p
            .probability_at_least(70.0, Bounds::PERCENT)
            .unwrap()
            .is_nan());
        assert_eq!(p.probability_at_least(0.0, Bounds::PERCENT).unwrap(), 1.0);
        let (lo, hi) = p.interval(0.95, Bounds::NONE).unwrap();
        assert!(lo == f64::NEG_INFINITY && hi == f64::INFINITY);
        assert!(Prediction::new(60.0, f64::NAN, 3.0, Scale::Identity).is_err());
    }

    #[test]
    fn a_share_near_the_cap_can_reach_it() {
        // 99.5 ± 1.5: the natural-scale t puts P(Y >= 100) = P(T >= 0.333) on 10 df.
        let p = Prediction::new(99.5, 1.5, 10.0, Scale::Identity).unwrap();
        let prob = p.probability_at_least(100.0, Bounds::PERCENT).unwrap();
        let expected = 1.0 - crate::dist::student_t_cdf(0.5 / 1.5, 10.0).unwrap();
        assert!((prob - expected).abs() < 1e-12, "{prob} vs {expected}");
        assert!(prob > 0.3 && prob < 0.4);
        // Well inside, probabilities come from the delta-method logit scale.
        let p = Prediction::new(60.0, 2.0, 10.0, Scale::Identity).unwrap();
        assert!(matches!(
            p.bounded(Bounds::PERCENT).unwrap().scale(),
            Scale::Logit { .. }
        ));
    }
}
