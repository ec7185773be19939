//! Methods and their settings: [`Method`] names a projection method,
//! [`ModelSpec`] is a method with its settings as plain data (what a share
//! link, a JavaScript object or a C record carries), and [`Model`] is a
//! checked, ready-to-fit configuration.
//!
//! A [`ModelSpec`] is checked in one place, [`ModelSpec::model`], so every
//! host accepts and refuses the same settings with the same errors.

use core::fmt;

use crate::error::{Error, Expected, Field, Result};
use crate::explain::Formula;
use crate::fitted::Fitted;
use crate::series::Series;
use crate::trend::{
    Cap, Damping, GompertzTrend, Holt, Initial, LinearTrend, LogLinearTrend, LogisticTrend,
    PolynomialTrend, Smoothing, StepLength,
};

/// The projection methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Method {
    /// A straight line in time ([`crate::LinearTrend`]).
    Linear,
    /// A polynomial in time ([`crate::PolynomialTrend`]).
    Polynomial,
    /// A straight line in time through the logarithms ([`crate::LogLinearTrend`]).
    LogLinear,
    /// A logistic curve with a cap ([`crate::LogisticTrend`]).
    Logistic,
    /// Holt's linear trend ([`crate::Holt`]).
    Holt,
    /// Holt's damped trend ([`crate::Holt::damped`]).
    DampedHolt,
    /// A Gompertz curve with a cap ([`crate::GompertzTrend`]).
    Gompertz,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 7] = [
        Method::Linear,
        Method::Polynomial,
        Method::LogLinear,
        Method::Logistic,
        Method::Holt,
        Method::DampedHolt,
        Method::Gompertz,
    ];

    /// The method's identifier: `linear`, `polynomial`, `log_linear`,
    /// `logistic`, `holt`, `damped_holt`, `gompertz`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Method::Linear => "linear",
            Method::Polynomial => "polynomial",
            Method::LogLinear => "log_linear",
            Method::Logistic => "logistic",
            Method::Holt => "holt",
            Method::DampedHolt => "damped_holt",
            Method::Gompertz => "gompertz",
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
            Method::Gompertz => Formula::GompertzTrend,
        }
    }
}

/// A method with its settings, not yet fitted: the one type to fit any method.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Method, Model};
/// use dxcast_core::trend::LinearTrend;
/// use dxcast_core::{Bounds, Date, MeasureKind, Point, Series, Subject, Unit};
///
/// let pts = [
///     Point::new(Date::from_ymd(2021, 12, 31)?, 40.0),
///     Point::new(Date::from_ymd(2022, 12, 31)?, 52.0),
///     Point::new(Date::from_ymd(2023, 12, 31)?, 61.0),
/// ];
/// let s = Series::new(&pts, Subject::of_kind(MeasureKind::Share, Unit::Percent))?;
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
    /// A Gompertz trend.
    Gompertz(GompertzTrend),
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
            Model::Gompertz(_) => Method::Gompertz,
        }
    }

    /// The fewest points the method fits from (see each method's `fit`).
    #[must_use]
    pub fn min_points(&self) -> usize {
        match self {
            Model::Linear(_) | Model::LogLinear(_) => 2,
            Model::Polynomial(p) => p.degree().saturating_add(2),
            Model::Logistic(t) => t.min_points(),
            Model::Gompertz(t) => t.min_points(),
            Model::Holt(h) => h.min_points(),
        }
    }

    /// Fits the method to `series`.
    ///
    /// # Errors
    ///
    /// As the method's own `fit`.
    pub fn fit(&self, series: &Series<'_>) -> Result<Fitted> {
        Fitted::new(*self, series)
    }
    /// The settings as plain data.
    #[must_use]
    pub fn spec(&self) -> ModelSpec {
        let mut s = ModelSpec::new(self.method());
        match self {
            Model::Polynomial(p) => s.degree = u8::try_from(p.degree()).ok(),
            Model::Logistic(t) => {
                if let Cap::Given(k) = t.cap() {
                    s.cap = Some(k);
                }
            }
            Model::Gompertz(t) => {
                if let Cap::Given(k) = t.cap() {
                    s.cap = Some(k);
                }
            }
            Model::Holt(h) => {
                if let Smoothing::Given { alpha, beta } = h.smoothing() {
                    (s.alpha, s.beta) = (Some(alpha), Some(beta));
                }
                if let Damping::Given(phi) = h.damping() {
                    s.phi = Some(phi);
                }
                if let Initial::Known { level, trend } = h.initial() {
                    (s.initial_level, s.initial_trend) = (Some(level), Some(trend));
                }
                if let StepLength::Days(d) = h.step() {
                    s.step_days = Some(d);
                }
            }
            Model::Linear(_) | Model::LogLinear(_) => {}
        }
        s
    }
}

/// A method and its settings as plain data: what a share link, a JavaScript
/// object or a C record carries. A setting left out is fitted (or takes the
/// method's default); a setting the method does not take is an error.
///
/// [`ModelSpec::model`] checks it; [`ModelSpec::set`] and
/// [`ModelSpec::parse`] read it from key–value pairs and from text such as
/// `damped_holt;alpha=0.5;beta=0.1`; `Display` writes that text back.
///
/// # Examples
///
/// ```
/// use dxcast_core::{Method, ModelSpec};
///
/// let spec = ModelSpec::parse("damped_holt;alpha=0.5;beta=0.1")?;
/// assert_eq!(spec.method, Method::DampedHolt);
/// assert_eq!(spec.to_string(), "damped_holt;alpha=0.5;beta=0.1");
/// let model = spec.model()?;
/// assert_eq!(model.spec(), spec);
///
/// // Only alpha: both smoothing parameters are given, or neither.
/// let e = ModelSpec::parse("holt;alpha=0.5")?.model().unwrap_err();
/// assert_eq!(e.field(), Some(dxcast_core::Field::Beta));
/// assert!(ModelSpec::parse("linear;degree=2").is_err());
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ModelSpec {
    /// The method.
    pub method: Method,
    /// A polynomial's degree (default 2).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub degree: Option<u8>,
    /// A logistic or Gompertz cap (default: fitted).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub cap: Option<f64>,
    /// Holt's α (fitted when left out, with β).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub alpha: Option<f64>,
    /// Holt's β (fitted when left out, with α).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub beta: Option<f64>,
    /// The damped trend's φ (fitted when left out).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub phi: Option<f64>,
    /// Holt's initial level (with the initial trend).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub initial_level: Option<f64>,
    /// Holt's initial trend (with the initial level).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub initial_trend: Option<f64>,
    /// Holt's step in days (default: the median gap).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub step_days: Option<f64>,
}

/// The keys of a [`ModelSpec`]'s settings, in the order `Display` writes them.
const KEYS: [(&str, Field); 8] = [
    ("degree", Field::Degree),
    ("cap", Field::Cap),
    ("alpha", Field::Alpha),
    ("beta", Field::Beta),
    ("phi", Field::Phi),
    ("initial_level", Field::InitialLevel),
    ("initial_trend", Field::InitialTrend),
    ("step_days", Field::Step),
];

impl ModelSpec {
    /// The method with every setting left out.
    #[must_use]
    pub const fn new(method: Method) -> ModelSpec {
        ModelSpec {
            method,
            degree: None,
            cap: None,
            alpha: None,
            beta: None,
            phi: None,
            initial_level: None,
            initial_trend: None,
            step_days: None,
        }
    }

    /// Whether `method` takes the setting `field`.
    #[must_use]
    pub const fn takes(method: Method, field: Field) -> bool {
        matches!(
            (method, field),
            (Method::Polynomial, Field::Degree)
                | (Method::Logistic | Method::Gompertz, Field::Cap)
                | (
                    Method::Holt | Method::DampedHolt,
                    Field::Alpha
                        | Field::Beta
                        | Field::InitialLevel
                        | Field::InitialTrend
                        | Field::Step
                )
                | (Method::DampedHolt, Field::Phi)
        )
    }

    /// Sets the setting named `key` (`degree`, `cap`, `alpha`, `beta`,
    /// `phi`, `initial_level`, `initial_trend`, `step_days`, or the camel-case
    /// forms `initialLevel`, `initialTrend`, `stepDays`) to `value`.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] (field `key`, [`Expected::SettingName`])
    ///   for an unknown key;
    /// - [`Error::InvalidArgument`] naming the setting
    ///   ([`Expected::SettingOfMethod`]) for a setting the method does not
    ///   take;
    /// - [`Error::NotFinite`] naming the setting for NaN or ±∞;
    /// - [`Error::InvalidArgument`] ([`Expected::Degree`]) for a degree that
    ///   is not a whole number from 1 to 10.
    pub fn set(&mut self, key: &str, value: f64) -> Result<()> {
        let field = match key {
            "initialLevel" => Field::InitialLevel,
            "initialTrend" => Field::InitialTrend,
            "stepDays" => Field::Step,
            _ => KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, f)| *f)
                .ok_or(Error::InvalidArgument {
                    name: Field::Key,
                    expected: Expected::SettingName,
                })?,
        };
        if !ModelSpec::takes(self.method, field) {
            return Err(Error::InvalidArgument {
                name: field,
                expected: Expected::SettingOfMethod,
            });
        }
        if !value.is_finite() {
            return Err(Error::NotFinite {
                what: field,
                index: 0,
            });
        }
        match field {
            Field::Degree => {
                let whole = libm::trunc(value) == value && (1.0..=10.0).contains(&value);
                if !whole {
                    return Err(Error::InvalidArgument {
                        name: Field::Degree,
                        expected: Expected::Degree,
                    });
                }
                // 1 to 10: the conversion is exact.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                {
                    self.degree = Some(value as u8);
                }
            }
            Field::Cap => self.cap = Some(value),
            Field::Alpha => self.alpha = Some(value),
            Field::Beta => self.beta = Some(value),
            Field::Phi => self.phi = Some(value),
            Field::InitialLevel => self.initial_level = Some(value),
            Field::InitialTrend => self.initial_trend = Some(value),
            _ => self.step_days = Some(value),
        }
        Ok(())
    }

    /// Reads `method;key=value;…` (the form `Display` writes).
    ///
    /// # Errors
    ///
    /// [`Error::Parse`] (field `method`) for an unknown method, (field
    /// `number`) for a value that is not a number, and the errors of
    /// [`ModelSpec::set`].
    pub fn parse(text: &str) -> Result<ModelSpec> {
        let mut parts = text.split(';');
        let method = Method::from_code(parts.next().unwrap_or(""))?;
        let mut spec = ModelSpec::new(method);
        for part in parts {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (key, value) = part.split_once('=').ok_or(Error::InvalidArgument {
                name: Field::Key,
                expected: Expected::SettingName,
            })?;
            let v: f64 = value.trim().parse().map_err(|_| Error::Parse {
                line: 0,
                field: Field::Number,
                expected: Expected::Number,
            })?;
            spec.set(key.trim(), v)?;
        }
        Ok(spec)
    }

    /// The settings that are given, as `(key, value)` pairs in a fixed order.
    pub fn settings(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        let values = [
            self.degree.map(f64::from),
            self.cap,
            self.alpha,
            self.beta,
            self.phi,
            self.initial_level,
            self.initial_trend,
            self.step_days,
        ];
        KEYS.iter()
            .zip(values)
            .filter_map(|((k, _), v)| v.map(|v| (*k, v)))
    }

    /// Checks the settings and builds the model.
    ///
    /// # Errors
    ///
    /// - [`Error::InvalidArgument`] naming the setting: one the method does
    ///   not take ([`Expected::SettingOfMethod`]); α without β or β without
    ///   α (names the missing one, [`Expected::BothSmoothing`]); an initial
    ///   level without a trend or the reverse; values out of range (a degree
    ///   outside 1–10, α or β outside [0, 1], φ outside (0, 1], a cap or step
    ///   not above 0);
    /// - [`Error::NotFinite`] naming the setting for NaN or ±∞.
    pub fn model(&self) -> Result<Model> {
        for (key, value) in self.settings() {
            let field = KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(Field::Key, |(_, f)| *f);
            if !ModelSpec::takes(self.method, field) {
                return Err(Error::InvalidArgument {
                    name: field,
                    expected: Expected::SettingOfMethod,
                });
            }
            if !value.is_finite() {
                return Err(Error::NotFinite {
                    what: field,
                    index: 0,
                });
            }
        }
        Ok(match self.method {
            Method::Linear => Model::Linear(LinearTrend::new()),
            Method::LogLinear => Model::LogLinear(LogLinearTrend::new()),
            Method::Polynomial => {
                Model::Polynomial(PolynomialTrend::new(usize::from(self.degree.unwrap_or(2)))?)
            }
            Method::Logistic => Model::Logistic(match self.cap {
                Some(k) => LogisticTrend::with_cap(k)?,
                None => LogisticTrend::fitted_cap(),
            }),
            Method::Gompertz => Model::Gompertz(match self.cap {
                Some(k) => GompertzTrend::with_cap(k)?,
                None => GompertzTrend::fitted_cap(),
            }),
            Method::Holt | Method::DampedHolt => {
                let mut h = match (self.alpha, self.beta) {
                    (None, None) => Holt::new(),
                    (Some(a), Some(b)) => Holt::with_params(a, b)?,
                    (Some(_), None) => {
                        return Err(Error::InvalidArgument {
                            name: Field::Beta,
                            expected: Expected::BothSmoothing,
                        })
                    }
                    (None, Some(_)) => {
                        return Err(Error::InvalidArgument {
                            name: Field::Alpha,
                            expected: Expected::BothSmoothing,
                        })
                    }
                };
                if self.method == Method::DampedHolt {
                    h = match self.phi {
                        Some(phi) => h.with_damping(phi)?,
                        None => h.damped(),
                    };
                }
                match (self.initial_level, self.initial_trend) {
                    (None, None) => {}
                    (Some(level), Some(trend)) => h = h.with_initial(level, trend)?,
                    (Some(_), None) => {
                        return Err(Error::InvalidArgument {
                            name: Field::InitialTrend,
                            expected: Expected::BothInitial,
                        })
                    }
                    (None, Some(_)) => {
                        return Err(Error::InvalidArgument {
                            name: Field::InitialLevel,
                            expected: Expected::BothInitial,
                        })
                    }
                }
                if let Some(days) = self.step_days {
                    h = h.with_step_days(days)?;
                }
                Model::Holt(h)
            }
        })
    }
}

impl fmt::Display for ModelSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.method.code())?;
        for (key, value) in self.settings() {
            write!(f, ";{key}={value}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn method_codes_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_code(m.code()).unwrap(), m);
        }
        assert!(Method::from_code("arima").is_err());
    }
}
