//! The ABI's records: size and field offsets, as documented in `ABI.md`.
//! Every record is aligned to 8 and little-endian; sizes are multiples of 8.
//! Reserved fields are named too, though the module only ever writes them as
//! zeros (its output records start zeroed).
#![allow(dead_code)]

/// Largest number of points in a series passed to the module.
pub(crate) const MAX_SERIES: usize = 1024;

/// `Series`: an indicator's dated values, bounds, kind and unit.
pub(crate) mod series {
    pub(crate) const SIZE: usize = 40;
    pub(crate) const DAYS: usize = 0;
    pub(crate) const VALUES: usize = 4;
    pub(crate) const LEN: usize = 8;
    pub(crate) const KIND: usize = 12;
    pub(crate) const UNIT: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const MIN: usize = 24;
    pub(crate) const MAX: usize = 32;
}

/// `Model`: a projection method and its settings.
pub(crate) mod model {
    pub(crate) const SIZE: usize = 64;
    pub(crate) const METHOD: usize = 0;
    pub(crate) const DEGREE: usize = 4;
    pub(crate) const ALPHA: usize = 8;
    pub(crate) const BETA: usize = 16;
    pub(crate) const PHI: usize = 24;
    pub(crate) const LEVEL0: usize = 32;
    pub(crate) const TREND0: usize = 40;
    pub(crate) const STEP_DAYS: usize = 48;
    pub(crate) const CAP: usize = 56;
}

/// `Explanation`: a formula, its result and up to 16 terms.
pub(crate) mod explanation {
    pub(crate) const SIZE: usize = 272;
    pub(crate) const FORMULA: usize = 0;
    pub(crate) const COUNT: usize = 4;
    pub(crate) const RESULT: usize = 8;
    pub(crate) const TERMS: usize = 16;
    pub(crate) const TERM_SIZE: usize = 16;
    pub(crate) const TERM_SYMBOL: usize = 0;
    pub(crate) const TERM_UNIT: usize = 4;
    pub(crate) const TERM_VALUE: usize = 8;
    pub(crate) const MAX_TERMS: usize = 16;
}

/// `LeastSquares`: a fitted least-squares model.
pub(crate) mod lstsq {
    pub(crate) const SIZE: usize = 216;
    pub(crate) const ROWS: usize = 0;
    pub(crate) const PARAMS: usize = 4;
    pub(crate) const DF: usize = 8;
    pub(crate) const INTERCEPT: usize = 12;
    pub(crate) const RSS: usize = 16;
    pub(crate) const RESIDUAL_SD: usize = 24;
    pub(crate) const R_SQUARED: usize = 32;
    pub(crate) const COEFFICIENTS: usize = 40;
    pub(crate) const STANDARD_ERRORS: usize = 128;
}

/// `FitResult`: a fitted method.
pub(crate) mod fit {
    pub(crate) const SIZE: usize = 296;
    pub(crate) const METHOD: usize = 0;
    pub(crate) const PARAMS: usize = 4;
    pub(crate) const POINTS: usize = 8;
    pub(crate) const RESERVED: usize = 12;
    pub(crate) const SSE: usize = 16;
    pub(crate) const EXPLANATION: usize = 24;
}

/// `ForecastPoint`: a prediction with its interval at one date.
pub(crate) mod forecast {
    pub(crate) const SIZE: usize = 72;
    pub(crate) const DATE: usize = 0;
    pub(crate) const SCALE: usize = 4;
    pub(crate) const POINT: usize = 8;
    pub(crate) const LO: usize = 16;
    pub(crate) const HI: usize = 24;
    pub(crate) const LOCATION: usize = 32;
    pub(crate) const SE: usize = 40;
    pub(crate) const DF: usize = 48;
    pub(crate) const SCALE_LO: usize = 56;
    pub(crate) const SCALE_HI: usize = 64;
}

/// `Scenario`: a what-if over a projection.
pub(crate) mod scenario {
    pub(crate) const SIZE: usize = 48;
    pub(crate) const FLAGS: usize = 0;
    pub(crate) const GROWTH_FROM: usize = 4;
    pub(crate) const GROWTH_RATE: usize = 8;
    pub(crate) const SHOCK_AT: usize = 16;
    pub(crate) const TARGET_COMPARISON: usize = 20;
    pub(crate) const SHOCK_SIZE: usize = 24;
    pub(crate) const TARGET_VALUE: usize = 32;
    pub(crate) const TARGET_DEADLINE: usize = 40;
    pub(crate) const RESERVED: usize = 44;
    pub(crate) const GROWTH: u32 = 1;
    pub(crate) const SHOCK: u32 = 2;
    pub(crate) const TARGET: u32 = 4;
}

/// `Analysis`: a target analysis.
pub(crate) mod analysis {
    pub(crate) const SIZE: usize = 248;
    pub(crate) const STATUS: usize = 0;
    pub(crate) const TARGET_COMPARISON: usize = 4;
    pub(crate) const TARGET_DEADLINE: usize = 8;
    pub(crate) const EVALUATION_DATE: usize = 12;
    pub(crate) const LATEST_DATE: usize = 16;
    pub(crate) const DAYS: usize = 20;
    pub(crate) const REACH_DATE: usize = 24;
    pub(crate) const HAS_REACH_DATE: usize = 28;
    pub(crate) const SCALE: usize = 32;
    pub(crate) const DEADLINE_PASSED: usize = 36;
    pub(crate) const TARGET_VALUE: usize = 40;
    pub(crate) const EVALUATION_VALUE: usize = 48;
    pub(crate) const EVALUATION_FACTOR: usize = 56;
    pub(crate) const THRESHOLD: usize = 64;
    pub(crate) const LATEST_POINT_VALUE: usize = 72;
    pub(crate) const LATEST: usize = 80;
    pub(crate) const YEARS: usize = 88;
    pub(crate) const LOCATION: usize = 96;
    pub(crate) const SE: usize = 104;
    pub(crate) const DF: usize = 112;
    pub(crate) const SCALE_LO: usize = 120;
    pub(crate) const SCALE_HI: usize = 128;
    pub(crate) const PROJECTED: usize = 136;
    pub(crate) const INTERVAL_LO: usize = 144;
    pub(crate) const INTERVAL_HI: usize = 152;
    pub(crate) const LEVEL: usize = 160;
    pub(crate) const ATTAINMENT: usize = 168;
    pub(crate) const GAP: usize = 176;
    pub(crate) const REQUIRED_CAGR: usize = 184;
    pub(crate) const REQUIRED_DAILY: usize = 192;
    pub(crate) const REQUIRED_POINTS: usize = 200;
    pub(crate) const PROJECTED_CAGR: usize = 208;
    pub(crate) const PROJECTED_DAILY: usize = 216;
    pub(crate) const PROJECTED_POINTS: usize = 224;
    pub(crate) const RATIO: usize = 232;
    pub(crate) const PROBABILITY: usize = 240;
    /// Explanations written by `dxcast_analyse`, in this order of quantities.
    pub(crate) const EXPLANATIONS: usize = 7;
}

/// `Choice`: ranked methods and the reason.
pub(crate) mod choice {
    pub(crate) const SIZE: usize = 744;
    pub(crate) const COUNT: usize = 0;
    pub(crate) const CRITERION: usize = 4;
    pub(crate) const REASON: usize = 8;
    pub(crate) const N: usize = 12;
    pub(crate) const RULE: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const MAPE: usize = 24;
    pub(crate) const RUNNER_UP: usize = 32;
    pub(crate) const RANKED: usize = 40;
    pub(crate) const RANKED_SIZE: usize = 72;
    pub(crate) const RANKED_SCORE: usize = 64;
    pub(crate) const MAX_RANKED: usize = 6;
    pub(crate) const EXPLANATION: usize = 472;
}

/// `Figure`: a stated figure of a claim.
pub(crate) mod figure {
    pub(crate) const SIZE: usize = 40;
    pub(crate) const FORM: usize = 0;
    pub(crate) const QUALIFIER: usize = 4;
    pub(crate) const HAS_PERIOD: usize = 8;
    pub(crate) const PERIOD_START: usize = 12;
    pub(crate) const PERIOD_END: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const A: usize = 24;
    pub(crate) const B: usize = 32;
    pub(crate) const NONE: u32 = 0;
    pub(crate) const STATED: u32 = 1;
    pub(crate) const BETWEEN: u32 = 2;
}

/// `Claim`: a derived figure and its inputs.
pub(crate) mod claim {
    pub(crate) const SIZE: usize = 344;
    pub(crate) const KIND: usize = 0;
    pub(crate) const INPUTS_LEN: usize = 4;
    pub(crate) const HAS_PERIOD: usize = 8;
    pub(crate) const PERIOD_START: usize = 12;
    pub(crate) const PERIOD_END: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const STATED: usize = 24;
    pub(crate) const INPUTS: usize = 64;
    pub(crate) const MAX_INPUTS: usize = 7;
}

/// `Check`: the verdict on a claim.
pub(crate) mod check {
    pub(crate) const SIZE: usize = 328;
    pub(crate) const VERDICT: usize = 0;
    pub(crate) const REASON: usize = 4;
    pub(crate) const REASON_INDEX: usize = 8;
    pub(crate) const HAS_STATED: usize = 12;
    pub(crate) const HAS_RECOMPUTED: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const STATED_LO: usize = 24;
    pub(crate) const STATED_HI: usize = 32;
    pub(crate) const RECOMPUTED_LO: usize = 40;
    pub(crate) const RECOMPUTED_HI: usize = 48;
    pub(crate) const EXPLANATION: usize = 56;
}

/// `Period`: a day, month, quarter, year or range of days.
pub(crate) mod period {
    pub(crate) const SIZE: usize = 16;
    pub(crate) const START: usize = 0;
    pub(crate) const END: usize = 4;
    pub(crate) const KIND: usize = 8;
    pub(crate) const DAYS: usize = 12;
}

/// `Flow`: the flow between two readings of a running total.
pub(crate) mod flow {
    pub(crate) const SIZE: usize = 48;
    pub(crate) const START: usize = 0;
    pub(crate) const END: usize = 4;
    pub(crate) const DAYS: usize = 8;
    pub(crate) const RESERVED: usize = 12;
    pub(crate) const FROM: usize = 16;
    pub(crate) const TO: usize = 24;
    pub(crate) const VALUE: usize = 32;
    pub(crate) const PER_DAY: usize = 40;
}

/// `Observation`: one figure of an indicator.
pub(crate) mod observation {
    pub(crate) const SIZE: usize = 40;
    pub(crate) const STATUS: usize = 0;
    pub(crate) const QUALIFIER: usize = 4;
    pub(crate) const PERIOD: usize = 8;
    pub(crate) const VALUE: usize = 24;
    pub(crate) const PRECISION: usize = 32;
}

/// `Evaluation`: where a target is evaluated on a projection's basis.
pub(crate) mod evaluation {
    pub(crate) const SIZE: usize = 24;
    pub(crate) const DATE: usize = 0;
    pub(crate) const RESERVED: usize = 4;
    pub(crate) const VALUE: usize = 8;
    pub(crate) const FACTOR: usize = 16;
}

/// `Stated`: a number read from Vietnamese text.
pub(crate) mod stated {
    pub(crate) const SIZE: usize = 24;
    pub(crate) const VALUE: usize = 0;
    pub(crate) const PRECISION: usize = 8;
    pub(crate) const PERCENT: usize = 16;
    pub(crate) const RESERVED: usize = 20;
}
