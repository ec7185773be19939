//! Explanations: how a result was computed, as data.
//!
//! Every result of the crate can say which formula produced it and with which
//! inputs. An [`Explanation`] holds a [`Formula`] (with its expression in
//! language-neutral notation) and the [`Term`]s that went in, each named by a
//! [`Symbol`]. Applications render them in any language by translating the
//! symbols' [`Symbol::code`]s; the notation itself needs no translation.

use heapless::Vec;

use crate::error::{Error, Field, Result};
use crate::indicator::Unit;

/// The most terms an explanation holds.
pub const MAX_TERMS: usize = 16;

/// A formula, with its expression in mathematical notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Formula {
    /// Year-to-date total extended to the whole year.
    RunRate,
    /// A period's total divided by its days.
    DailyAverage,
    /// A daily average multiplied by a period's days.
    PeriodTotal,
    /// The difference of a cumulative series between two dates.
    CumulativeDifference,
    /// One value as a multiple of another ("gấp N lần").
    Multiple,
    /// One value as a percentage of another (of a whole, or of a target).
    Percentage,
    /// A sum of parts.
    Sum,
    /// Relative change in percent.
    RelativeChange,
    /// Change in percentage points.
    PointChange,
    /// Compound annual growth rate.
    Cagr,
    /// Attainment of a target, in percent.
    Attainment,
    /// The gap between a target and the latest value.
    Gap,
    /// The compound annual growth needed to reach a target by its deadline.
    RequiredCagr,
    /// The compound daily growth needed to reach a target by its deadline.
    RequiredDailyRate,
    /// The percentage points per year needed to reach a target by its deadline.
    RequiredPointsPerYear,
    /// A straight-line trend.
    LinearTrend,
    /// A polynomial trend.
    PolynomialTrend,
    /// An exponential (log-linear) trend.
    LogLinearTrend,
    /// A logistic trend with a cap.
    LogisticTrend,
    /// Holt's linear trend on irregular dates.
    Holt,
    /// Holt's damped trend on irregular dates.
    DampedHolt,
    /// A prediction interval from a Student-t quantile, on a transformed scale.
    PredictionInterval,
    /// The probability that the value at the deadline meets the target.
    ProbabilityOfMeeting,
    /// The first date the projection meets the target.
    ReachDate,
    /// The ratio of projected to required growth that sets the status.
    StatusRatio,
    /// Mean absolute percentage error of one-step-ahead forecasts from a
    /// rolling origin: each held-out point predicted from the points before it.
    OneStepError,
    /// A what-if path: growth overridden from a date, plus a level shock.
    Scenario,
    /// A target's status: the first rule of [`crate::verdict`] that applies.
    Verdict,
    /// Parts that add up to no more than a whole: the margin the whole
    /// leaves, which must not be negative.
    AtMost,
    /// A Gompertz trend with a cap.
    GompertzTrend,
}

impl Formula {
    /// Every formula.
    pub const ALL: [Formula; 30] = [
        Formula::RunRate,
        Formula::DailyAverage,
        Formula::PeriodTotal,
        Formula::CumulativeDifference,
        Formula::Multiple,
        Formula::Percentage,
        Formula::Sum,
        Formula::RelativeChange,
        Formula::PointChange,
        Formula::Cagr,
        Formula::Attainment,
        Formula::Gap,
        Formula::RequiredCagr,
        Formula::RequiredDailyRate,
        Formula::RequiredPointsPerYear,
        Formula::LinearTrend,
        Formula::PolynomialTrend,
        Formula::LogLinearTrend,
        Formula::LogisticTrend,
        Formula::Holt,
        Formula::DampedHolt,
        Formula::PredictionInterval,
        Formula::ProbabilityOfMeeting,
        Formula::ReachDate,
        Formula::StatusRatio,
        Formula::OneStepError,
        Formula::Scenario,
        Formula::Verdict,
        Formula::AtMost,
        Formula::GompertzTrend,
    ];

    /// A stable ASCII identifier, for translation tables: `run_rate`,
    /// `daily_average`, … (the variant's name in snake case).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Formula::RunRate => "run_rate",
            Formula::DailyAverage => "daily_average",
            Formula::PeriodTotal => "period_total",
            Formula::CumulativeDifference => "cumulative_difference",
            Formula::Multiple => "multiple",
            Formula::Percentage => "percentage",
            Formula::Sum => "sum",
            Formula::RelativeChange => "relative_change",
            Formula::PointChange => "point_change",
            Formula::Cagr => "cagr",
            Formula::Attainment => "attainment",
            Formula::Gap => "gap",
            Formula::RequiredCagr => "required_cagr",
            Formula::RequiredDailyRate => "required_daily_rate",
            Formula::RequiredPointsPerYear => "required_points_per_year",
            Formula::LinearTrend => "linear_trend",
            Formula::PolynomialTrend => "polynomial_trend",
            Formula::LogLinearTrend => "log_linear_trend",
            Formula::LogisticTrend => "logistic_trend",
            Formula::Holt => "holt",
            Formula::DampedHolt => "damped_holt",
            Formula::PredictionInterval => "prediction_interval",
            Formula::ProbabilityOfMeeting => "probability_of_meeting",
            Formula::ReachDate => "reach_date",
            Formula::StatusRatio => "status_ratio",
            Formula::OneStepError => "one_step_error",
            Formula::Scenario => "scenario",
            Formula::Verdict => "verdict",
            Formula::AtMost => "at_most",
            Formula::GompertzTrend => "gompertz_trend",
        }
    }

    /// The expression in language-neutral notation.
    #[must_use]
    pub const fn expression(self) -> &'static str {
        match self {
            Formula::RunRate => "x̂ = x_ytd × D / d",
            Formula::DailyAverage => "x̄ = X / d",
            Formula::PeriodTotal => "X = x̄ × d",
            Formula::CumulativeDifference => "f = C(t₂) − C(t₁)",
            Formula::Multiple => "m = a / b",
            Formula::Percentage => "p = 100 × a / b",
            Formula::Sum => "S = a + b + …",
            Formula::RelativeChange => "Δ% = 100 × (b − a) / a",
            Formula::PointChange => "Δpp = b − a",
            Formula::Cagr => "g = (b / a)^(1/t) − 1",
            Formula::Attainment => "A = 100 × x / T",
            Formula::Gap => "G = T − x",
            Formula::RequiredCagr => "g* = (T / x)^(1/t) − 1",
            Formula::RequiredDailyRate => "r* = (T / x)^(1/d) − 1",
            Formula::RequiredPointsPerYear => "v* = (T − x) / t",
            Formula::LinearTrend => "ŷ(t) = a + b·t",
            Formula::PolynomialTrend => "ŷ(t) = Σₖ βₖ·tᵏ",
            Formula::LogLinearTrend => "ŷ(t) = exp(a + b·t)",
            Formula::LogisticTrend => "ŷ(t) = K / (1 + exp(−r·(t − t₀)))",
            Formula::Holt => "ŷ(t + h) = ℓ + h·b",
            Formula::DampedHolt => "ŷ(t + h) = ℓ + (φ + φ² + … + φʰ)·b",
            Formula::PredictionInterval => "g⁻¹(g(ŷ) ± t_ν(1 − α/2)·se)",
            Formula::ProbabilityOfMeeting => "P = 1 − F_ν((g(T) − g(ŷ)) / se)",
            Formula::ReachDate => "t* = min{t : ŷ(t) meets T}",
            Formula::StatusRatio => "ρ = ĝ / g*",
            Formula::OneStepError => "MAPE = (100/m)·Σᵢ |yᵢ − ŷᵢ| / |yᵢ|, ŷᵢ fitted on y₁ … yᵢ₋₁",
            Formula::Scenario => "y(t) = ŷ(t₀)·(1 + g)^((t − t₀)/year) + δ",
            Formula::Verdict => "status = first of: figure, deadline, ν = 0, horizon > max(s, 365 d), θ₁ ≤ P ≤ θ₂, ŷ meets T, ρ ≥ θ₀",
            Formula::AtMost => "m = z − (a + … + y) ≥ 0, the whole z last",
            Formula::GompertzTrend => "ŷ(t) = K · exp(−exp(−r·(t − t₀)))",
        }
    }
}

/// The name of an input or intermediate value in an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Symbol {
    /// The result itself.
    Result,
    /// A year-to-date total.
    YearToDate,
    /// Days elapsed (the basis of a run-rate or average).
    DaysElapsed,
    /// Days in the whole year or period.
    DaysInPeriod,
    /// A period total.
    Total,
    /// A daily average.
    DailyAverage,
    /// A numerator, part or later value `a`.
    A,
    /// A denominator, whole or earlier value `b`.
    B,
    /// One more addend of a sum.
    C,
    /// The stated figure a claim is checked against.
    Stated,
    /// The lower end of a recomputed range.
    Low,
    /// The upper end of a recomputed range.
    High,
    /// A time span in years.
    Years,
    /// A time span in days.
    Days,
    /// The latest observed value.
    Latest,
    /// The target value.
    Target,
    /// The projected value.
    Projected,
    /// A level (intercept, Holt level).
    Level,
    /// A slope or trend per year.
    Slope,
    /// A growth rate per year.
    Growth,
    /// Holt's level smoothing α.
    Alpha,
    /// Holt's trend smoothing β.
    Beta,
    /// Holt's damping φ.
    Phi,
    /// A logistic cap K.
    Cap,
    /// A logistic rate r.
    Rate,
    /// A logistic midpoint t₀ (years from the first observation).
    Midpoint,
    /// A standard error.
    StandardError,
    /// A Student-t quantile.
    Quantile,
    /// Degrees of freedom ν.
    DegreesOfFreedom,
    /// A confidence level, 0–1.
    Level95,
    /// A probability, 0–1.
    Probability,
    /// A ratio.
    Ratio,
    /// A sum of squared errors.
    Sse,
    /// A number of points.
    Count,
    /// A number of parameters.
    Params,
    /// A criterion value (AICc, MAPE).
    Score,
    /// A step length in days (Holt on irregular dates).
    Step,
    /// A level shock added by a scenario.
    Shock,
    /// One coefficient of a polynomial, in the order of its powers.
    Coefficient,
    /// The centre of a polynomial's time axis, in years from the first observation.
    Centre,
    /// The date a span of days counts from, as a day number (days since
    /// 1970-01-01).
    From,
    /// A compound growth rate per day, in percent.
    DailyGrowth,
    /// The growth a target requires (a year, in percent or points).
    RequiredGrowth,
    /// A threshold of a rule.
    Threshold,
    /// The days the figures span, from the first to the latest.
    Span,
}

impl Symbol {
    /// Every symbol.
    pub const ALL: [Symbol; 45] = [
        Symbol::Result,
        Symbol::YearToDate,
        Symbol::DaysElapsed,
        Symbol::DaysInPeriod,
        Symbol::Total,
        Symbol::DailyAverage,
        Symbol::A,
        Symbol::B,
        Symbol::C,
        Symbol::Stated,
        Symbol::Low,
        Symbol::High,
        Symbol::Years,
        Symbol::Days,
        Symbol::Latest,
        Symbol::Target,
        Symbol::Projected,
        Symbol::Level,
        Symbol::Slope,
        Symbol::Growth,
        Symbol::Alpha,
        Symbol::Beta,
        Symbol::Phi,
        Symbol::Cap,
        Symbol::Rate,
        Symbol::Midpoint,
        Symbol::StandardError,
        Symbol::Quantile,
        Symbol::DegreesOfFreedom,
        Symbol::Level95,
        Symbol::Probability,
        Symbol::Ratio,
        Symbol::Sse,
        Symbol::Count,
        Symbol::Params,
        Symbol::Score,
        Symbol::Step,
        Symbol::Shock,
        Symbol::Coefficient,
        Symbol::Centre,
        Symbol::From,
        Symbol::DailyGrowth,
        Symbol::RequiredGrowth,
        Symbol::Threshold,
        Symbol::Span,
    ];

    /// A stable ASCII identifier, for translation tables.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Symbol::Result => "result",
            Symbol::YearToDate => "year_to_date",
            Symbol::DaysElapsed => "days_elapsed",
            Symbol::DaysInPeriod => "days_in_period",
            Symbol::Total => "total",
            Symbol::DailyAverage => "daily_average",
            Symbol::A => "a",
            Symbol::B => "b",
            Symbol::C => "c",
            Symbol::Stated => "stated",
            Symbol::Low => "low",
            Symbol::High => "high",
            Symbol::Years => "years",
            Symbol::Days => "days",
            Symbol::Latest => "latest",
            Symbol::Target => "target",
            Symbol::Projected => "projected",
            Symbol::Level => "level",
            Symbol::Slope => "slope",
            Symbol::Growth => "growth",
            Symbol::Alpha => "alpha",
            Symbol::Beta => "beta",
            Symbol::Phi => "phi",
            Symbol::Cap => "cap",
            Symbol::Rate => "rate",
            Symbol::Midpoint => "midpoint",
            Symbol::StandardError => "standard_error",
            Symbol::Quantile => "quantile",
            Symbol::DegreesOfFreedom => "degrees_of_freedom",
            Symbol::Level95 => "confidence_level",
            Symbol::Probability => "probability",
            Symbol::Ratio => "ratio",
            Symbol::Sse => "sse",
            Symbol::Count => "count",
            Symbol::Params => "params",
            Symbol::Score => "score",
            Symbol::Step => "step",
            Symbol::Shock => "shock",
            Symbol::Coefficient => "coefficient",
            Symbol::Centre => "centre",
            Symbol::From => "from",
            Symbol::DailyGrowth => "daily_growth",
            Symbol::RequiredGrowth => "required_growth",
            Symbol::Threshold => "threshold",
            Symbol::Span => "span",
        }
    }

    /// The symbol as written in [`Formula::expression`]s.
    #[must_use]
    pub const fn notation(self) -> &'static str {
        match self {
            Symbol::Result => "=",
            Symbol::YearToDate => "x_ytd",
            Symbol::DaysElapsed => "d",
            Symbol::DaysInPeriod => "D",
            Symbol::Total => "X",
            Symbol::DailyAverage => "x̄",
            Symbol::A => "a",
            Symbol::B => "b",
            Symbol::C => "c",
            Symbol::Stated => "claim",
            Symbol::Low => "min",
            Symbol::High => "max",
            Symbol::Years => "t",
            Symbol::Days => "d",
            Symbol::Latest => "x",
            Symbol::Target => "T",
            Symbol::Projected => "ŷ",
            Symbol::Level => "ℓ",
            Symbol::Slope => "b",
            Symbol::Growth => "g",
            Symbol::Alpha => "α",
            Symbol::Beta => "β",
            Symbol::Phi => "φ",
            Symbol::Cap => "K",
            Symbol::Rate => "r",
            Symbol::Midpoint => "t₀",
            Symbol::StandardError => "se",
            Symbol::Quantile => "t_ν",
            Symbol::DegreesOfFreedom => "ν",
            Symbol::Level95 => "1 − α",
            Symbol::Probability => "P",
            Symbol::Ratio => "ρ",
            Symbol::Sse => "SSE",
            Symbol::Count => "n",
            Symbol::Params => "k",
            Symbol::Score => "score",
            Symbol::Step => "Δ",
            Symbol::Shock => "δ",
            Symbol::Coefficient => "βₖ",
            Symbol::Centre => "t̄",
            Symbol::From => "t₀",
            Symbol::DailyGrowth => "r",
            Symbol::RequiredGrowth => "g*",
            Symbol::Threshold => "θ",
            Symbol::Span => "s",
        }
    }
}

/// One input of an explanation.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Term {
    /// What the value is.
    pub symbol: Symbol,
    /// The value; `None` when it is unknown (a standard error of an exact
    /// fit, a date never reached), never NaN or infinite.
    pub value: Option<f64>,
    /// Its unit, when it has one.
    pub unit: Option<Unit>,
}

/// How a result was computed.
///
/// # Examples
///
/// ```
/// use dxcast_core::explain::{Explanation, Formula, Symbol};
///
/// let mut e = Explanation::new(Formula::Multiple, 860.0 / 180.0);
/// e.push(Symbol::A, 860e6, None)?;
/// e.push(Symbol::B, 180e6, None)?;
/// assert_eq!(e.formula.expression(), "m = a / b");
/// assert_eq!(e.term(Symbol::B), Some(180e6));
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Explanation {
    /// The formula.
    pub formula: Formula,
    /// Its inputs and intermediate values, in the order they were used.
    pub terms: Vec<Term, MAX_TERMS>,
    /// The result; `None` when it is unknown, and [`Explanation::unknown`]
    /// says why.
    pub result: Option<f64>,
    /// Why the result, or a term, is unknown.
    pub unknown: Option<Unknown>,
}

/// Keeps a value when it is finite.
fn known(v: f64) -> Option<f64> {
    Some(v).filter(|v| v.is_finite())
}

impl Explanation {
    /// An explanation of `formula` with `result` and no terms yet. A result
    /// that is NaN or infinite is recorded as unknown.
    #[must_use]
    pub fn new(formula: Formula, result: f64) -> Explanation {
        Explanation {
            formula,
            terms: Vec::new(),
            result: known(result),
            unknown: None,
        }
    }

    /// An explanation of `formula` whose result is unknown, for `why`.
    #[must_use]
    pub const fn unknown(formula: Formula, why: Unknown) -> Explanation {
        Explanation {
            formula,
            terms: Vec::new(),
            result: None,
            unknown: Some(why),
        }
    }

    /// The same explanation, saying why something in it is unknown.
    #[must_use]
    pub const fn because(mut self, why: Unknown) -> Explanation {
        self.unknown = Some(why);
        self
    }

    /// Adds a term. A value that is NaN or infinite is recorded as unknown.
    ///
    /// # Errors
    ///
    /// [`Error::Capacity`] when the explanation already holds
    /// [`MAX_TERMS`] terms; nothing is added.
    pub fn push(&mut self, symbol: Symbol, value: f64, unit: Option<Unit>) -> Result<()> {
        self.terms
            .push(Term {
                symbol,
                value: known(value),
                unit,
            })
            .map_err(|_| Error::Capacity {
                what: Field::Terms,
                capacity: MAX_TERMS,
            })
    }

    /// [`Explanation::push`] by value, for chaining.
    ///
    /// # Errors
    ///
    /// As [`Explanation::push`].
    pub fn with(mut self, symbol: Symbol, value: f64, unit: Option<Unit>) -> Result<Explanation> {
        self.push(symbol, value, unit)?;
        Ok(self)
    }

    /// The value of the first term named `symbol`, when it is there and known.
    #[must_use]
    pub fn term(&self, symbol: Symbol) -> Option<f64> {
        self.terms
            .iter()
            .find(|t| t.symbol == symbol)
            .and_then(|t| t.value)
    }
}

/// Why a quantity is unknown. Results that cannot be computed are never NaN
/// or infinite: they are absent, with one of these reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Unknown {
    /// The spread is unknown: the fit has no degrees of freedom left (a line
    /// through exactly two points), so standard errors, intervals and
    /// probabilities inside the bounds are unknown.
    Spread,
    /// The target is 0: attainment is not a percentage of it.
    ZeroTarget,
    /// The latest value is 0: an at-most target's attainment is undefined.
    ZeroLatest,
    /// A compound growth rate needs both ends above 0.
    NonPositive,
    /// The target needs no growth: the growth ratio is undefined.
    NoGrowthNeeded,
    /// The projection does not meet the target within the search window.
    NotReached,
    /// No time lies between the latest value and the deadline.
    NoTime,
}

impl Unknown {
    /// Every reason.
    pub const ALL: [Unknown; 7] = [
        Unknown::Spread,
        Unknown::ZeroTarget,
        Unknown::ZeroLatest,
        Unknown::NonPositive,
        Unknown::NoGrowthNeeded,
        Unknown::NotReached,
        Unknown::NoTime,
    ];

    /// A stable identifier, for translation tables.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Unknown::Spread => "spread",
            Unknown::ZeroTarget => "zero_target",
            Unknown::ZeroLatest => "zero_latest",
            Unknown::NonPositive => "non_positive",
            Unknown::NoGrowthNeeded => "no_growth_needed",
            Unknown::NotReached => "not_reached",
            Unknown::NoTime => "no_time",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn full_explanation_is_left_unchanged() {
        let mut e = Explanation::new(Formula::Sum, 0.0);
        for i in 0..MAX_TERMS {
            e.push(Symbol::A, i as f64, None).unwrap();
        }
        assert!(matches!(
            e.push(Symbol::B, 1.0, None),
            Err(Error::Capacity { .. })
        ));
        assert_eq!(e.terms.len(), MAX_TERMS);
        assert_eq!(e.terms.last().unwrap().value, Some((MAX_TERMS - 1) as f64));
    }

    #[test]
    fn every_formula_is_listed_once() {
        // A new variant breaks this match until it is listed in `ALL`.
        let listed = |f: Formula| match f {
            Formula::RunRate
            | Formula::DailyAverage
            | Formula::PeriodTotal
            | Formula::CumulativeDifference
            | Formula::Multiple
            | Formula::Percentage
            | Formula::Sum
            | Formula::RelativeChange
            | Formula::PointChange
            | Formula::Cagr
            | Formula::Attainment
            | Formula::Gap
            | Formula::RequiredCagr
            | Formula::RequiredDailyRate
            | Formula::RequiredPointsPerYear
            | Formula::LinearTrend
            | Formula::PolynomialTrend
            | Formula::LogLinearTrend
            | Formula::LogisticTrend
            | Formula::Holt
            | Formula::DampedHolt
            | Formula::PredictionInterval
            | Formula::ProbabilityOfMeeting
            | Formula::ReachDate
            | Formula::StatusRatio
            | Formula::OneStepError
            | Formula::Scenario
            | Formula::Verdict
            | Formula::AtMost
            | Formula::GompertzTrend => Formula::ALL.iter().filter(|&&g| g == f).count(),
        };
        for f in Formula::ALL {
            assert_eq!(listed(f), 1, "{}", f.code());
        }
        assert_eq!(Formula::ALL.len(), 30);
    }

    #[test]
    fn every_symbol_is_listed_once() {
        // A new variant breaks this match until it is listed in `ALL`.
        let listed = |s: Symbol| match s {
            Symbol::Result
            | Symbol::YearToDate
            | Symbol::DaysElapsed
            | Symbol::DaysInPeriod
            | Symbol::Total
            | Symbol::DailyAverage
            | Symbol::A
            | Symbol::B
            | Symbol::C
            | Symbol::Stated
            | Symbol::Low
            | Symbol::High
            | Symbol::Years
            | Symbol::Days
            | Symbol::Latest
            | Symbol::Target
            | Symbol::Projected
            | Symbol::Level
            | Symbol::Slope
            | Symbol::Growth
            | Symbol::Alpha
            | Symbol::Beta
            | Symbol::Phi
            | Symbol::Cap
            | Symbol::Rate
            | Symbol::Midpoint
            | Symbol::StandardError
            | Symbol::Quantile
            | Symbol::DegreesOfFreedom
            | Symbol::Level95
            | Symbol::Probability
            | Symbol::Ratio
            | Symbol::Sse
            | Symbol::Count
            | Symbol::Params
            | Symbol::Score
            | Symbol::Step
            | Symbol::Shock
            | Symbol::Coefficient
            | Symbol::Centre
            | Symbol::From
            | Symbol::DailyGrowth
            | Symbol::RequiredGrowth
            | Symbol::Threshold
            | Symbol::Span => Symbol::ALL.iter().filter(|&&t| t == s).count(),
        };
        for s in Symbol::ALL {
            assert_eq!(listed(s), 1, "{}", s.code());
        }
        assert_eq!(Symbol::ALL.len(), 45);
    }
}
