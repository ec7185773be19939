#![doc = include_str!("../README.md")]
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
pub mod extract;
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
mod slices;
pub mod target;
pub mod text;
pub mod trend;

pub use claim::{Check, Claim, ClaimKind, Figure, Interval, Verdict};
pub use date::Date;
pub use error::{Error, Result};
pub use explain::{Explanation, Formula, Symbol, Term};
pub use extract::{CandidateKind, ClaimCandidate, Claims, Figures, Found};
pub use forecast::{
    forecast_into, Fit, ForecastPoint, Horizon, Method, Model, Prediction, Predictor, Scale, Step,
};
pub use indicator::{Anchor, Bounds, Indicator, MeasureKind, Pillar, Unit};
pub use observation::{Observation, Qualifier, Status};
pub use period::{Period, PeriodKind};
pub use series::{Point, Series};
pub use target::{Comparison, Target};
pub use trend::{Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};
