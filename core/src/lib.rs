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
pub mod figure;
pub mod fitted;
pub mod forecast;
pub mod growth;
pub mod indicator;
pub mod interval;
pub mod lstsq;
pub mod method;
pub mod number;
pub mod observation;
pub mod optimize;
pub mod period;
pub mod prediction;
pub mod quantity;
pub mod scale;
pub mod scenario;
mod serde_code;
pub mod series;
mod slices;
pub mod subject;
pub mod target;
pub mod text;
pub mod trend;
pub mod verdict;

pub use analytics::{Settings, TargetAnalysis};
pub use claim::{Check, Claim, ClaimKind, Verdict};
pub use date::Date;
pub use error::{Error, ErrorKind, Expected, Field, Result, Task};
pub use explain::{Explanation, Formula, Symbol, Term, Unknown};
pub use extract::{CandidateKind, ClaimCandidate, Claims, Figures, Found};
pub use figure::Figure;
pub use fitted::{Fit, Fitted, Summary};
pub use forecast::{forecast_into, ForecastPoint, Horizon, Predictor, Step};
pub use indicator::{Anchor, Bounds, Indicator, MeasureKind, Pillar, Unit};
pub use interval::Interval;
pub use method::{Method, Model, ModelSpec};
pub use observation::{Observation, Qualifier, Status};
pub use period::{Period, PeriodKind};
pub use prediction::Prediction;
pub use scale::Scale;
pub use scenario::{Scenario, WhatIf};
pub use series::{Point, Series, Span};
pub use subject::Subject;
pub use target::{Comparison, Target};
pub use trend::{GompertzTrend, Holt, LinearTrend, LogLinearTrend, LogisticTrend, PolynomialTrend};
pub use verdict::{Evidence, TargetStatus};
