//! The ABI's records: size and field offsets, as documented in `ABI.md` and
//! declared in `dxcast.h`. Every record is aligned to 8 and little-endian;
//! sizes are multiples of 8. Reserved fields are named too, though the
//! module only ever writes them as zeros (its output records start zeroed).
//!
//! This file depends on nothing: the host tests include it to check that
//! `dxcast.h` declares the same sizes and offsets.
#![allow(dead_code)]

/// Largest number of points in a series passed to the module.
pub(crate) const MAX_SERIES: usize = 1024;

/// How many fitted models the module keeps at once.
pub(crate) const FITTED_SLOTS: usize = 64;

/// "No value" in a code field (a term without a unit, a reason without an index).
pub(crate) const NONE: u32 = u32::MAX;

/// `Series`: an indicator's dated values, kind, unit and bounds.
pub(crate) mod series {
    pub(crate) const SIZE: usize = 40;
    pub(crate) const DAYS: usize = 0;
    pub(crate) const VALUES: usize = 4;
    pub(crate) const LEN: usize = 8;
    pub(crate) const KIND: usize = 12;
    pub(crate) const UNIT: usize = 16;
    pub(crate) const BOUNDS: usize = 20;
    pub(crate) const MIN: usize = 24;
    pub(crate) const MAX: usize = 32;
    /// `BOUNDS` bits: the minimum is given; the maximum is given.
    pub(crate) const HAS_MIN: u32 = 1;
    pub(crate) const HAS_MAX: u32 = 2;
}

/// `Model`: a projection method and the settings given (the core's `ModelSpec`).
pub(crate) mod model {
    pub(crate) const SIZE: usize = 72;
    pub(crate) const METHOD: usize = 0;
    pub(crate) const GIVEN: usize = 4;
    pub(crate) const DEGREE: usize = 8;
    pub(crate) const CAP: usize = 16;
    pub(crate) const ALPHA: usize = 24;
    pub(crate) const BETA: usize = 32;
    pub(crate) const PHI: usize = 40;
    pub(crate) const INITIAL_LEVEL: usize = 48;
    pub(crate) const INITIAL_TREND: usize = 56;
    pub(crate) const STEP_DAYS: usize = 64;
    /// The settings in the order of their `GIVEN` bits (bit k is setting k)
    /// and offsets: the keys of the core's `ModelSpec::set`.
    pub(crate) const SETTINGS: [(&str, usize); 8] = [
        ("degree", DEGREE),
        ("cap", CAP),
        ("alpha", ALPHA),
        ("beta", BETA),
        ("phi", PHI),
        ("initial_level", INITIAL_LEVEL),
        ("initial_trend", INITIAL_TREND),
        ("step_days", STEP_DAYS),
    ];
}

/// `Explanation`: a formula, its result and up to 16 terms.
pub(crate) mod explanation {
    pub(crate) const SIZE: usize = 288;
    pub(crate) const FORMULA: usize = 0;
    pub(crate) const COUNT: usize = 4;
    pub(crate) const HAS_RESULT: usize = 8;
    pub(crate) const TERMS_KNOWN: usize = 12;
    pub(crate) const UNKNOWN: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const RESULT: usize = 24;
    pub(crate) const TERMS: usize = 32;
    pub(crate) const TERM_SIZE: usize = 16;
    pub(crate) const TERM_SYMBOL: usize = 0;
    pub(crate) const TERM_UNIT: usize = 4;
    pub(crate) const TERM_VALUE: usize = 8;
    pub(crate) const MAX_TERMS: usize = 16;
}

/// `LeastSquares`: a fitted least-squares model.
pub(crate) mod lstsq {
    pub(crate) const SIZE: usize = 224;
    pub(crate) const ROWS: usize = 0;
    pub(crate) const PARAMS: usize = 4;
    pub(crate) const DF: usize = 8;
    pub(crate) const INTERCEPT: usize = 12;
    pub(crate) const KNOWN: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const RSS: usize = 24;
    pub(crate) const RESIDUAL_SD: usize = 32;
    pub(crate) const R_SQUARED: usize = 40;
    pub(crate) const COEFFICIENTS: usize = 48;
    pub(crate) const STANDARD_ERRORS: usize = 136;
    /// `KNOWN` bits.
    pub(crate) const HAS_RESIDUAL_SD: u32 = 1;
    pub(crate) const HAS_STANDARD_ERRORS: u32 = 2;
}

/// `Summary`: what a fitted model is and how well it fits.
pub(crate) mod summary {
    pub(crate) const SIZE: usize = 448;
    pub(crate) const METHOD: usize = 0;
    pub(crate) const PARAMS: usize = 4;
    pub(crate) const POINTS: usize = 8;
    pub(crate) const DF: usize = 12;
    pub(crate) const KNOWN: usize = 16;
    pub(crate) const FIRST_DATE: usize = 20;
    pub(crate) const LAST_DATE: usize = 24;
    pub(crate) const KIND: usize = 28;
    pub(crate) const UNIT: usize = 32;
    pub(crate) const BOUNDS: usize = 36;
    pub(crate) const SSE: usize = 40;
    pub(crate) const RESIDUAL_SD: usize = 48;
    pub(crate) const FIRST_VALUE: usize = 56;
    pub(crate) const LAST_VALUE: usize = 64;
    pub(crate) const MIN: usize = 72;
    pub(crate) const MAX: usize = 80;
    pub(crate) const MODEL: usize = 88;
    pub(crate) const EXPLANATION: usize = 160;
    /// `KNOWN` bits.
    pub(crate) const HAS_RESIDUAL_SD: u32 = 1;
}

/// `ForecastPoint`: a prediction with its interval at one date.
pub(crate) mod forecast {
    pub(crate) const SIZE: usize = 80;
    pub(crate) const DATE: usize = 0;
    pub(crate) const SCALE: usize = 4;
    pub(crate) const KNOWN: usize = 8;
    pub(crate) const RESERVED: usize = 12;
    pub(crate) const POINT: usize = 16;
    pub(crate) const LO: usize = 24;
    pub(crate) const HI: usize = 32;
    pub(crate) const LOCATION: usize = 40;
    pub(crate) const SE: usize = 48;
    pub(crate) const DF: usize = 56;
    pub(crate) const SCALE_LO: usize = 64;
    pub(crate) const SCALE_HI: usize = 72;
    /// `KNOWN` bits.
    pub(crate) const HAS_LO: u32 = 1;
    pub(crate) const HAS_HI: u32 = 2;
    pub(crate) const HAS_SE: u32 = 4;
    pub(crate) const HAS_DF: u32 = 8;
    pub(crate) const HAS_SCALE_LO: u32 = 16;
    pub(crate) const HAS_SCALE_HI: u32 = 32;
}

/// `Target`: a value, a deadline and a comparison.
pub(crate) mod target {
    pub(crate) const SIZE: usize = 16;
    pub(crate) const VALUE: usize = 0;
    pub(crate) const DEADLINE: usize = 8;
    pub(crate) const COMPARISON: usize = 12;
}

/// `Evidence`: the figures that can decide a target without a projection.
pub(crate) mod evidence {
    pub(crate) const SIZE: usize = 32;
    pub(crate) const GIVEN: usize = 0;
    pub(crate) const AFTER_DATE: usize = 4;
    pub(crate) const AFTER_VALUE: usize = 8;
    pub(crate) const BEFORE_DATE: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const BEFORE_VALUE: usize = 24;
    /// `GIVEN` bits: the first figure on or after the deadline; the last
    /// one on or before it.
    pub(crate) const HAS_AFTER: u32 = 1;
    pub(crate) const HAS_BEFORE: u32 = 2;
}

/// `Settings`: today, the confidence level and the evidence of an analysis.
pub(crate) mod settings {
    pub(crate) const SIZE: usize = 48;
    pub(crate) const TODAY: usize = 0;
    pub(crate) const RESERVED: usize = 4;
    pub(crate) const LEVEL: usize = 8;
    pub(crate) const EVIDENCE: usize = 16;
}

/// `Scenario`: a what-if over a projection.
pub(crate) mod scenario {
    pub(crate) const SIZE: usize = 48;
    pub(crate) const FLAGS: usize = 0;
    pub(crate) const GROWTH_FROM: usize = 4;
    pub(crate) const GROWTH_RATE: usize = 8;
    pub(crate) const SHOCK_AT: usize = 16;
    pub(crate) const RESERVED: usize = 20;
    pub(crate) const SHOCK_SIZE: usize = 24;
    pub(crate) const TARGET: usize = 32;
    /// `FLAGS` bits; growth is a year unless `PER_MONTH` is set.
    pub(crate) const GROWTH: u32 = 1;
    pub(crate) const SHOCK: u32 = 2;
    pub(crate) const CHANGED_TARGET: u32 = 4;
    pub(crate) const PER_MONTH: u32 = 8;
}

/// `Analysis`: a target analysis.
pub(crate) mod analysis {
    pub(crate) const SIZE: usize = 288;
    pub(crate) const STATUS: usize = 0;
    pub(crate) const TARGET_COMPARISON: usize = 4;
    pub(crate) const TARGET_DEADLINE: usize = 8;
    pub(crate) const EVALUATION_DATE: usize = 12;
    pub(crate) const LATEST_DATE: usize = 16;
    pub(crate) const DAYS: usize = 20;
    pub(crate) const REACH_DATE: usize = 24;
    pub(crate) const KNOWN: usize = 28;
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
    pub(crate) const LOW: usize = 144;
    pub(crate) const HIGH: usize = 152;
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
    pub(crate) const OUTLOOK: usize = 248;
    pub(crate) const STALENESS: usize = 252;
    pub(crate) const JUDGED_BY_DATE: usize = 256;
    pub(crate) const FACTS: usize = 260;
    pub(crate) const JUDGED_BY_VALUE: usize = 264;
    pub(crate) const FACTS_DF: usize = 272;
    pub(crate) const FACTS_HORIZON_DAYS: usize = 276;
    pub(crate) const FACTS_SPAN_DAYS: usize = 280;
    pub(crate) const RESERVED: usize = 284;
    /// `FACTS` bits.
    pub(crate) const UNREACHABLE: u32 = 1;
    pub(crate) const AFTER_GIVEN: u32 = 1 << 1;
    pub(crate) const AFTER_MEETS: u32 = 1 << 2;
    pub(crate) const BEFORE_GIVEN: u32 = 1 << 3;
    pub(crate) const BEFORE_MEETS: u32 = 1 << 4;
    pub(crate) const PROJECTION_MEETS: u32 = 1 << 5;
    /// `KNOWN` bits.
    pub(crate) const HAS_REACH_DATE: u32 = 1;
    pub(crate) const HAS_SE: u32 = 1 << 1;
    pub(crate) const HAS_DF: u32 = 1 << 2;
    pub(crate) const HAS_SCALE_LO: u32 = 1 << 3;
    pub(crate) const HAS_SCALE_HI: u32 = 1 << 4;
    pub(crate) const HAS_LOW: u32 = 1 << 5;
    pub(crate) const HAS_HIGH: u32 = 1 << 6;
    pub(crate) const HAS_ATTAINMENT: u32 = 1 << 7;
    pub(crate) const HAS_REQUIRED_CAGR: u32 = 1 << 8;
    pub(crate) const HAS_REQUIRED_DAILY: u32 = 1 << 9;
    pub(crate) const HAS_REQUIRED_POINTS: u32 = 1 << 10;
    pub(crate) const HAS_PROJECTED_CAGR: u32 = 1 << 11;
    pub(crate) const HAS_PROJECTED_DAILY: u32 = 1 << 12;
    pub(crate) const HAS_PROJECTED_POINTS: u32 = 1 << 13;
    pub(crate) const HAS_RATIO: u32 = 1 << 14;
    pub(crate) const HAS_PROBABILITY: u32 = 1 << 15;
    pub(crate) const HAS_JUDGED_BY: u32 = 1 << 16;
    /// Explanations written by `dxcast_analyse`, in this order of quantities.
    pub(crate) const EXPLANATIONS: usize = 7;
}

/// `Choice`: ranked methods and the reason.
pub(crate) mod choice {
    pub(crate) const SIZE: usize = 856;
    pub(crate) const COUNT: usize = 0;
    pub(crate) const CRITERION: usize = 4;
    pub(crate) const REASON: usize = 8;
    pub(crate) const N: usize = 12;
    pub(crate) const RULE: usize = 16;
    pub(crate) const KNOWN: usize = 20;
    pub(crate) const MAPE: usize = 24;
    pub(crate) const RUNNER_UP: usize = 32;
    pub(crate) const RANKED: usize = 40;
    pub(crate) const RANKED_SIZE: usize = 88;
    pub(crate) const RANKED_MODEL: usize = 0;
    pub(crate) const RANKED_SCORE: usize = 72;
    pub(crate) const RANKED_HAS_SCORE: usize = 80;
    pub(crate) const RANKED_RESERVED: usize = 84;
    pub(crate) const MAX_RANKED: usize = 6;
    pub(crate) const EXPLANATION: usize = 568;
    /// `KNOWN` bits.
    pub(crate) const HAS_MAPE: u32 = 1;
    pub(crate) const HAS_RUNNER_UP: u32 = 2;
}

/// `Figure`: a stated figure of a claim.
pub(crate) mod figure {
    pub(crate) const SIZE: usize = 40;
    pub(crate) const FORM: usize = 0;
    pub(crate) const QUALIFIER: usize = 4;
    pub(crate) const HAS_PERIOD: usize = 8;
    pub(crate) const PERIOD_START: usize = 12;
    pub(crate) const PERIOD_END: usize = 16;
    pub(crate) const ENDS: usize = 20;
    pub(crate) const A: usize = 24;
    pub(crate) const B: usize = 32;
    /// `FORM` codes.
    pub(crate) const NONE: u32 = 0;
    pub(crate) const STATED: u32 = 1;
    pub(crate) const BETWEEN: u32 = 2;
    /// `ENDS` bits (form between): the low end is given; the high end is given.
    pub(crate) const HAS_LOW: u32 = 1;
    pub(crate) const HAS_HIGH: u32 = 2;
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
    pub(crate) const SIZE: usize = 352;
    pub(crate) const VERDICT: usize = 0;
    pub(crate) const REASON: usize = 4;
    pub(crate) const REASON_INDEX: usize = 8;
    pub(crate) const HAS_STATED: usize = 12;
    pub(crate) const HAS_RECOMPUTED: usize = 16;
    pub(crate) const KNOWN: usize = 20;
    pub(crate) const STATED_LO: usize = 24;
    pub(crate) const STATED_HI: usize = 32;
    pub(crate) const RECOMPUTED_LO: usize = 40;
    pub(crate) const RECOMPUTED_HI: usize = 48;
    pub(crate) const EXPLANATION: usize = 56;
    pub(crate) const AT_STATED: usize = 344;
    pub(crate) const RESERVED: usize = 348;
    /// `KNOWN` bits: which interval ends are finite.
    pub(crate) const HAS_STATED_LO: u32 = 1;
    pub(crate) const HAS_STATED_HI: u32 = 2;
    pub(crate) const HAS_RECOMPUTED_LO: u32 = 4;
    pub(crate) const HAS_RECOMPUTED_HI: u32 = 8;
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

/// `Measured`: one figure of a quantity, with its measure.
pub(crate) mod measured {
    pub(crate) const SIZE: usize = 56;
    pub(crate) const KIND: usize = 0;
    pub(crate) const DEFINITION: usize = 4;
    pub(crate) const HAS_SINCE: usize = 8;
    pub(crate) const SINCE: usize = 12;
    pub(crate) const OBSERVATION: usize = 16;
}

/// `QuantityPoint`: one figure of a quantity on its basis.
pub(crate) mod quantity_point {
    pub(crate) const SIZE: usize = 80;
    pub(crate) const DATE: usize = 0;
    pub(crate) const RESERVED: usize = 4;
    pub(crate) const VALUE: usize = 8;
    pub(crate) const WINDOW: usize = 16;
    pub(crate) const MEASURE: usize = 32;
    pub(crate) const CONVERSION: usize = 36;
    pub(crate) const STATUS: usize = 40;
    pub(crate) const SOURCE: usize = 44;
    pub(crate) const EARLIER: usize = 48;
    pub(crate) const ASIDE: usize = 52;
    pub(crate) const LOW: usize = 56;
    pub(crate) const HIGH: usize = 64;
    pub(crate) const DEFINITION: usize = 72;
    pub(crate) const RESERVED2: usize = 76;
}

/// `Conflict`: two points of a quantity that admit no common value.
pub(crate) mod conflict {
    pub(crate) const SIZE: usize = 8;
    pub(crate) const A: usize = 0;
    pub(crate) const B: usize = 4;
}

/// `Measures`: what `dxcast_measure_quantity` wrote.
pub(crate) mod measures {
    pub(crate) const SIZE: usize = 16;
    pub(crate) const BASIS: usize = 0;
    pub(crate) const POINTS: usize = 4;
    pub(crate) const CONFLICTS: usize = 8;
    pub(crate) const DEFINITION: usize = 12;
}

/// `Implausible`: a growth rate far beyond any the series shows.
pub(crate) mod implausible {
    pub(crate) const SIZE: usize = 32;
    pub(crate) const KNOWN: usize = 0;
    pub(crate) const RESERVED: usize = 4;
    pub(crate) const PER_YEAR: usize = 8;
    pub(crate) const FASTEST: usize = 16;
    pub(crate) const LIMIT: usize = 24;
    /// `KNOWN` bits.
    pub(crate) const HAS_PER_YEAR: u32 = 1;
    pub(crate) const HAS_FASTEST: u32 = 2;
}

/// `Found`: a figure found in report text.
pub(crate) mod found {
    pub(crate) const SIZE: usize = 96;
    pub(crate) const VALUE: usize = 0;
    pub(crate) const PRECISION: usize = 8;
    pub(crate) const UNIT: usize = 16;
    pub(crate) const QUALIFIER: usize = 20;
    pub(crate) const START: usize = 24;
    pub(crate) const END: usize = 28;
    pub(crate) const SENTENCE_START: usize = 32;
    pub(crate) const SENTENCE_END: usize = 36;
    pub(crate) const KNOWN: usize = 40;
    pub(crate) const DERIVED: usize = 44;
    pub(crate) const PERIOD: usize = 48;
    pub(crate) const DENOMINATOR: usize = 64;
    pub(crate) const CUE_START: usize = 72;
    pub(crate) const CUE_END: usize = 76;
    pub(crate) const COMPARED_START: usize = 80;
    pub(crate) const COMPARED_END: usize = 84;
    pub(crate) const DECREASE: usize = 88;
    pub(crate) const RESERVED: usize = 92;
    /// `KNOWN` bits.
    pub(crate) const HAS_PERIOD: u32 = 1;
    pub(crate) const HAS_DENOMINATOR: u32 = 2;
    pub(crate) const HAS_CUE: u32 = 4;
}
