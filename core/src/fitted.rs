//! The fitted model: a method fitted to a series, owning everything its
//! forecasts, analyses, scenarios, explanations and summaries need.
//!
//! [`Model::fit`] returns a [`Fitted`]. It keeps the series' [`Subject`]
//! (kind, unit, bounds), the method's settings, the fitted parameters and
//! final state, and the series' [`Span`] (first and last points, length), but
//! not the points themselves: it is `Copy`, `'static` and a few hundred
//! bytes, so a host can keep it and ask it again and again without fitting
//! again. In-sample values ([`Fitted::fitted_into`]) take the series again,
//! and check that it is the same one.
//!
//! [`Fit`] is the fitted method itself, one variant per method, for callers
//! that want a method's own parameters (a line's slope, Holt's α).

use crate::analytics::{analyse, Settings, TargetAnalysis};
use crate::date::Date;
use crate::error::Result;
use crate::explain::Explanation;
use crate::forecast::{forecast_into, ForecastPoint, Horizon, Predictor};
use crate::method::{Method, Model, ModelSpec};
use crate::prediction::Prediction;
use crate::scenario::{Scenario, WhatIf};
use crate::series::{Point, Series, Span};
use crate::subject::Subject;
use crate::target::Target;
use crate::trend::{GompertzFit, HoltFit, LinearFit, LogLinearFit, LogisticFit, PolynomialFit};

/// A fitted method, of any kind: the parameters and state of one method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fit {
    /// A linear trend.
    Linear(LinearFit),
    /// A polynomial trend.
    Polynomial(PolynomialFit),
    /// A log-linear trend.
    LogLinear(LogLinearFit),
    /// A logistic trend.
    Logistic(LogisticFit),
    /// Holt's linear trend.
    Holt(HoltFit),
    /// Holt's damped trend.
    DampedHolt(HoltFit),
    /// A Gompertz trend.
    Gompertz(GompertzFit),
}

impl From<GompertzFit> for Fit {
    fn from(f: GompertzFit) -> Fit {
        Fit::Gompertz(f)
    }
}

impl From<LinearFit> for Fit {
    fn from(f: LinearFit) -> Fit {
        Fit::Linear(f)
    }
}

impl From<PolynomialFit> for Fit {
    fn from(f: PolynomialFit) -> Fit {
        Fit::Polynomial(f)
    }
}

impl From<LogLinearFit> for Fit {
    fn from(f: LogLinearFit) -> Fit {
        Fit::LogLinear(f)
    }
}

impl From<LogisticFit> for Fit {
    fn from(f: LogisticFit) -> Fit {
        Fit::Logistic(f)
    }
}

impl From<HoltFit> for Fit {
    fn from(f: HoltFit) -> Fit {
        if f.is_damped() {
            Fit::DampedHolt(f)
        } else {
            Fit::Holt(f)
        }
    }
}

impl Fit {
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
            Fit::Gompertz(_) => Method::Gompertz,
        }
    }

    /// What the fit keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        match self {
            Fit::Linear(f) => f.span(),
            Fit::Polynomial(f) => f.span(),
            Fit::LogLinear(f) => f.span(),
            Fit::Logistic(f) => f.span(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.span(),
            Fit::Gompertz(f) => f.span(),
        }
    }

    /// The prediction at `date` on the method's working scale.
    ///
    /// # Errors
    ///
    /// As the method's own `predict` (a forecast that overflows is an error).
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        match self {
            Fit::Linear(f) => f.predict(date),
            Fit::Polynomial(f) => f.predict(date),
            Fit::LogLinear(f) => f.predict(date),
            Fit::Logistic(f) => f.predict(date),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.predict(date),
            Fit::Gompertz(f) => f.predict(date),
        }
    }

    /// Writes the in-sample fitted values (one-step forecasts for Holt's
    /// methods, whose first two have none and repeat the observations) on
    /// the natural scale into the start of `out`, and returns how many.
    ///
    /// # Errors
    ///
    /// - [`crate::Error::InvalidArgument`] (field `series`) when `series` is
    ///   not the one the method was fitted to;
    /// - [`crate::Error::Capacity`] when `out` is shorter than the series;
    ///   nothing is written.
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        match self {
            Fit::Linear(f) => f.fitted_into(series, out),
            Fit::Polynomial(f) => f.fitted_into(series, out),
            Fit::LogLinear(f) => f.fitted_into(series, out),
            Fit::Logistic(f) => f.fitted_into(series, out),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.fitted_into(series, out),
            Fit::Gompertz(f) => f.fitted_into(series, out),
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
            Fit::Gompertz(f) => f.sse(),
        }
    }

    /// The number of parameters taken from the data.
    #[must_use]
    pub fn params(&self) -> usize {
        match self {
            Fit::Linear(f) => f.params(),
            Fit::Polynomial(f) => f.params(),
            Fit::LogLinear(f) => f.params(),
            Fit::Logistic(f) => f.params(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.params(),
            Fit::Gompertz(f) => f.params(),
        }
    }

    /// The degrees of freedom left for the error: the errors the fit was
    /// judged on less the parameters it took from them. 0 for an exact fit
    /// (a line through two points), whose spread is unknown.
    #[must_use]
    pub fn df(&self) -> usize {
        match self {
            Fit::Holt(f) | Fit::DampedHolt(f) => f.df(),
            _ => self.span().len.saturating_sub(self.params()),
        }
    }

    /// The formula with the fitted parameters as terms.
    ///
    /// # Errors
    ///
    /// [`crate::Error::Capacity`] if the terms do not fit in an explanation
    /// (they do for every method).
    pub fn explain(&self) -> Result<Explanation> {
        match self {
            Fit::Linear(f) => f.explain(),
            Fit::Polynomial(f) => f.explain(),
            Fit::LogLinear(f) => f.explain(),
            Fit::Logistic(f) => f.explain(),
            Fit::Holt(f) | Fit::DampedHolt(f) => f.explain(),
            Fit::Gompertz(f) => f.explain(),
        }
    }
}

/// How well a fitted model describes its series.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Summary {
    /// The method.
    pub method: Method,
    /// The number of points fitted.
    pub points: usize,
    /// The number of parameters taken from the data.
    pub params: usize,
    /// The degrees of freedom left for the error (0 for an exact fit).
    pub df: usize,
    /// The sum of squared in-sample errors on the natural scale.
    pub sse: f64,
    /// The residual standard deviation `√(SSE / df)`, unknown (`None`) for
    /// an exact fit.
    pub residual_sd: Option<f64>,
}

/// A method fitted to a series: its subject, settings, parameters and final
/// state. See the [module documentation](self).
///
/// # Examples
///
/// ```
/// use dxcast_core::forecast::{ForecastPoint, Horizon, Step};
/// use dxcast_core::{Date, MeasureKind, Method, ModelSpec, Point, Series, Subject, Unit};
///
/// // Online public services as a share of all (r000–r002), a share in 0–100.
/// let pts = [
///     Point::new(Date::from_ymd(2021, 12, 31)?, 40.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 52.8),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 61.0),
/// ];
/// let series = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
/// let fitted = ModelSpec::new(Method::Linear).model()?.fit(&series)?;
/// assert_eq!(fitted.subject().unit, Unit::Percent);
///
/// let mut path = [ForecastPoint::default(); 8];
/// let horizon = Horizon::After { start: fitted.latest().date, step: Step::Months(6), count: 8 };
/// let n = fitted.forecast_into(horizon, 0.95, &mut path)?;
/// // A straight line, but a share's interval never leaves 0–100.
/// assert!(path[..n].iter().all(|p| p.hi.is_some_and(|hi| hi <= 100.0)));
///
/// let mut inside = [0.0; 3];
/// fitted.fitted_into(&series, &mut inside)?;
/// // A least-squares line passes through the means: the middle date is the mean date.
/// assert!((inside[1] - 153.8 / 3.0).abs() < 1e-9);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fitted {
    subject: Subject,
    model: Model,
    fit: Fit,
}

impl Fitted {
    /// Fits `model` to `series`.
    pub(crate) fn new(model: Model, series: &Series<'_>) -> Result<Fitted> {
        let fit = match model {
            Model::Linear(m) => Fit::Linear(m.fit(series)?),
            Model::Polynomial(m) => Fit::Polynomial(m.fit(series)?),
            Model::LogLinear(m) => Fit::LogLinear(m.fit(series)?),
            Model::Logistic(m) => Fit::Logistic(m.fit(series)?),
            Model::Holt(m) => Fit::from(m.fit(series)?),
            Model::Gompertz(m) => Fit::Gompertz(m.fit(series)?),
        };
        Ok(Fitted {
            subject: series.subject(),
            model,
            fit,
        })
    }

    /// What the series measures.
    #[must_use]
    pub const fn subject(&self) -> Subject {
        self.subject
    }

    /// The method with its settings as configured (fitted settings left out).
    #[must_use]
    pub const fn model(&self) -> Model {
        self.model
    }

    /// The settings as plain data.
    #[must_use]
    pub fn spec(&self) -> ModelSpec {
        self.model.spec()
    }

    /// The method.
    #[must_use]
    pub const fn method(&self) -> Method {
        self.fit.method()
    }

    /// The fitted method with its own parameters.
    #[must_use]
    pub const fn fit(&self) -> &Fit {
        &self.fit
    }

    /// What the model keeps of its series.
    #[must_use]
    pub const fn span(&self) -> Span {
        self.fit.span()
    }

    /// The last observation the predictions continue from.
    #[must_use]
    pub const fn latest(&self) -> Point {
        self.fit.span().last
    }

    /// The prediction at `date` (see [`Fit::predict`]).
    ///
    /// # Errors
    ///
    /// As [`Fit::predict`].
    pub fn predict(&self, date: Date) -> Result<Prediction> {
        self.fit.predict(date)
    }

    /// The model's value at `date` on the natural scale: the prediction's
    /// point, and at the last observation's date for Holt's methods (which
    /// predict only after it) the smoothed level there.
    ///
    /// # Errors
    ///
    /// As [`Fit::predict`].
    pub fn value_at(&self, date: Date) -> Result<f64> {
        match self.fit {
            Fit::Holt(h) | Fit::DampedHolt(h) if date == self.latest().date => Ok(h.level()),
            _ => Ok(self.fit.predict(date)?.point()),
        }
    }

    /// Writes the forecast along `horizon` into `out` (see
    /// [`forecast_into`]), within the subject's bounds.
    ///
    /// # Errors
    ///
    /// As [`forecast_into`].
    pub fn forecast_into(
        &self,
        horizon: Horizon<'_>,
        level: f64,
        out: &mut [ForecastPoint],
    ) -> Result<usize> {
        forecast_into(self, horizon, level, out)
    }

    /// Writes the in-sample fitted values (see [`Fit::fitted_into`]).
    ///
    /// # Errors
    ///
    /// As [`Fit::fitted_into`].
    pub fn fitted_into(&self, series: &Series<'_>, out: &mut [f64]) -> Result<usize> {
        self.fit.fitted_into(series, out)
    }

    /// The sum of squared in-sample errors.
    #[must_use]
    pub fn sse(&self) -> f64 {
        self.fit.sse()
    }

    /// How well the model describes its series.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let df = self.fit.df();
        let sse = self.fit.sse();
        let residual_sd = (df > 0)
            .then(|| libm::sqrt(sse / df as f64))
            .filter(|s| s.is_finite());
        Summary {
            method: self.method(),
            points: self.span().len,
            params: self.fit.params(),
            df,
            sse,
            residual_sd,
        }
    }

    /// The formula with the fitted parameters as terms (see [`Fit::explain`]).
    ///
    /// # Errors
    ///
    /// As [`Fit::explain`].
    pub fn explain(&self) -> Result<Explanation> {
        self.fit.explain()
    }

    /// Analyses `target` under the model's projection (see
    /// [`crate::analytics`]).
    ///
    /// # Errors
    ///
    /// As [`analyse`].
    pub fn analyse(&self, target: &Target, settings: &Settings) -> Result<TargetAnalysis> {
        analyse(self, target, settings)
    }

    /// The model under a what-if scenario.
    ///
    /// # Errors
    ///
    /// As [`Scenario::validate`].
    pub fn with_scenario(&self, scenario: Scenario) -> Result<WhatIf> {
        WhatIf::new(*self, scenario)
    }
}

impl Predictor for Fitted {
    fn predict(&self, date: Date) -> Result<Prediction> {
        self.fit.predict(date)
    }

    fn latest(&self) -> Point {
        self.fit.span().last
    }

    fn subject(&self) -> Subject {
        self.subject
    }

    fn span(&self) -> Span {
        self.fit.span()
    }

    fn df(&self) -> usize {
        self.fit.df()
    }
}
