//! # dxcast-core
//!
//! The metric model and projection math of dxcast.
//!
//! ## Projection methods
//!
//! - [`trend`]: linear, polynomial, log-linear and logistic trends, and Holt's
//!   linear and damped trends on irregular dates. Each is configured, fitted
//!   to a [`Series`], and predicts a [`Prediction`] at any date.
//! - [`forecast`]: predictions on a working scale whose intervals respect an
//!   indicator's [`Bounds`] (never below 0 for a count, never above 100 for a
//!   share), the [`Model`] and [`Fit`] enums over every method, and
//!   [`forecast_into`] to fill a caller's buffer with a forecast path.
//! - [`dist`]: the normal and Student-t distributions; [`lstsq`] and
//!   [`optimize`]: least squares and bounded Nelder–Mead.
//!
//! ```
//! use dxcast_core::{Bounds, Date, Holt, Point, Series};
//!
//! let pts = [
//!     Point::new(Date::from_ymd(2023, 3, 31)?, 61.0),
//!     Point::new(Date::from_ymd(2023, 6, 30)?, 66.5),
//!     Point::new(Date::from_ymd(2023, 9, 30)?, 70.0),
//!     Point::new(Date::from_ymd(2023, 12, 31)?, 76.0),
//!     Point::new(Date::from_ymd(2024, 3, 31)?, 79.5),
//! ];
//! let s = Series::new(&pts, Bounds::PERCENT)?;
//! let fit = Holt::with_params(0.5, 0.3)?.fit(&s)?;
//! let p = fit.predict(Date::from_ymd(2024, 12, 31)?)?;
//! let (lo, hi) = p.interval(0.95, Bounds::PERCENT)?;
//! assert!(0.0 <= lo && lo < p.point() && p.point() < hi && hi <= 100.0);
//! # Ok::<(), dxcast_core::Error>(())
//! ```
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::exit,
    )
)]

#[cfg(test)]
extern crate std;

pub mod analytics;
pub mod basis;
pub mod choice;
pub mod claim;
pub mod convert;
#[cfg(feature = "csv")]
pub mod csv;
pub mod date;
mod dd;
pub mod dist;
pub mod error;
pub mod explain;
pub mod forecast;
pub mod growth;
pub mod indicator;
pub mod lstsq;
pub mod number;
pub mod observation;
pub mod optimize;
pub mod period;
pub mod scenario;
pub mod series;
pub mod target;
pub mod trend;

pub use claim::{Check, Claim, ClaimKind, Figure, Interval, Verdict};
pub use date::Date;
pub use error::{Error, Result};
pub use explain::{Explanation, Formula, Symbol, Term};
pub use forecast::{
    forecast_into, Fit, ForecastPoint, Horizon, Method, Model, Prediction, Predictor, Scale, Step,
};
pub use indicator::{Anchor, Bounds, Indicator, MeasureKind, Pillar, Unit};
pub use observation::{Observation, Qualifier, Status};
pub use period::{Period, PeriodKind};
pub use series::{Point, Series};
pub use target::{Comparison, Target};
pub use trend::{Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};
