//! The numeric codes of the core's enums. The ABI fixes its own tables, in
//! the order `ABI.md` lists them, rather than borrowing the core's `ALL`
//! arrays: reordering those must not renumber the ABI.

use dxcast_core::analytics::{Quantity, TargetStatus};
use dxcast_core::choice::{Criterion, Reason, Rule};
use dxcast_core::claim::Unchecked;
use dxcast_core::extract::CandidateKind;
use dxcast_core::growth::ChangeKind;
use dxcast_core::quantity::{Aside, Conversion, Rule as QuantityRule};
use dxcast_core::verdict::Staleness;
use dxcast_core::{
    ClaimKind, Comparison, ErrorKind, Formula, MeasureKind, Method, PeriodKind, Qualifier, Scale,
    Status, Symbol, Unit, Unknown, Verdict,
};

use crate::failure::Failure;
pub(crate) use crate::layout::NONE;

/// A value this ABI version has no code for (a variant added to the core later).
pub(crate) const OTHER: u32 = u32::MAX - 1;

pub(crate) const METHODS: [Method; 7] = [
    Method::Linear,
    Method::Polynomial,
    Method::LogLinear,
    Method::Logistic,
    Method::Holt,
    Method::DampedHolt,
    Method::Gompertz,
];

pub(crate) const UNITS: [Unit; 7] = [
    Unit::Count,
    Unit::Percent,
    Unit::Mbps,
    Unit::Vnd,
    Unit::Usd,
    Unit::Rank,
    Unit::Times,
];

pub(crate) const KINDS: [MeasureKind; 7] = [
    MeasureKind::Flow,
    MeasureKind::YearToDate,
    MeasureKind::DailyAverage,
    MeasureKind::Cumulative,
    MeasureKind::Stock,
    MeasureKind::Share,
    MeasureKind::Rank,
];

pub(crate) const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Exact,
    Qualifier::About,
    Qualifier::MoreThan,
    Qualifier::Nearly,
    Qualifier::AtLeast,
    Qualifier::UpTo,
];

pub(crate) const STATUSES: [Status; 3] = [Status::Observed, Status::Estimate, Status::Target];

pub(crate) const COMPARISONS: [Comparison; 4] = [
    Comparison::AtLeast,
    Comparison::GreaterThan,
    Comparison::AtMost,
    Comparison::LessThan,
];

pub(crate) const CLAIM_KINDS: [ClaimKind; 11] = [
    ClaimKind::RunRate,
    ClaimKind::DailyAverage,
    ClaimKind::PeriodTotal,
    ClaimKind::Multiple,
    ClaimKind::ShareOfTarget,
    ClaimKind::Share,
    ClaimKind::Sum,
    ClaimKind::Difference,
    ClaimKind::RelativeChange,
    ClaimKind::PointChange,
    ClaimKind::AtMost,
];

pub(crate) const VERDICTS: [Verdict; 3] = [Verdict::Agree, Verdict::Disagree, Verdict::CannotCheck];

pub(crate) const TARGET_STATUSES: [TargetStatus; 9] = [
    TargetStatus::Achieved,
    TargetStatus::OnTrack,
    TargetStatus::NeedsAcceleration,
    TargetStatus::OffTrack,
    TargetStatus::Missed,
    TargetStatus::Uncertain,
    TargetStatus::TooFewPoints,
    TargetStatus::Stale,
    TargetStatus::Unreachable,
];

/// Why a verdict is stale.
pub(crate) const STALENESS: [Staleness; 3] = [
    Staleness::PastDeadline,
    Staleness::LongHorizon,
    Staleness::BeforeData,
];

/// Which points a quantity's series keeps where measures overlap.
pub(crate) const QUANTITY_RULES: [QuantityRule; 3] = [
    QuantityRule::Totals,
    QuantityRule::Averages,
    QuantityRule::All,
];

/// How a quantity's point was derived from its figure.
pub(crate) const CONVERSIONS: [Conversion; 6] = [
    Conversion::Level,
    Conversion::Total,
    Conversion::YearToDate,
    Conversion::DailyAverage,
    Conversion::SinceLaunch,
    Conversion::Difference,
];

/// Why a quantity's point is not in its series.
pub(crate) const ASIDES: [Aside; 4] = [
    Aside::Rule,
    Aside::Covered,
    Aside::SameDate,
    Aside::Definition,
];

/// How a figure found in text is derived from others.
pub(crate) const CANDIDATE_KINDS: [CandidateKind; 8] = [
    CandidateKind::Multiple,
    CandidateKind::RelativeChange,
    CandidateKind::PercentChange,
    CandidateKind::Difference,
    CandidateKind::ExcessOverPlan,
    CandidateKind::ShareOfTarget,
    CandidateKind::Share,
    CandidateKind::DailyAverage,
];

pub(crate) const PERIOD_KINDS: [PeriodKind; 5] = [
    PeriodKind::Day,
    PeriodKind::Month,
    PeriodKind::Quarter,
    PeriodKind::Year,
    PeriodKind::Range,
];

pub(crate) const CHANGE_KINDS: [ChangeKind; 3] = [
    ChangeKind::Relative,
    ChangeKind::Points,
    ChangeKind::Multiple,
];

/// The quantities `dxcast_analyse` explains, in the order it writes them.
pub(crate) const QUANTITIES: [Quantity; 7] = [
    Quantity::Projected,
    Quantity::Attainment,
    Quantity::Gap,
    Quantity::Required,
    Quantity::ReachDate,
    Quantity::Probability,
    Quantity::Status,
];

pub(crate) const FORMULAS: [Formula; 30] = [
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

pub(crate) const SYMBOLS: [Symbol; 45] = [
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

/// Why a quantity is unknown, in the order of the `unknown` codes.
pub(crate) const UNKNOWNS: [Unknown; 7] = [
    Unknown::Spread,
    Unknown::ZeroTarget,
    Unknown::ZeroLatest,
    Unknown::NonPositive,
    Unknown::NoGrowthNeeded,
    Unknown::NotReached,
    Unknown::NoTime,
];

/// The kind of error whose code is `-code` (`dxcast_describe` takes the
/// code without its sign).
fn error_kind(code: u32) -> Result<ErrorKind, Failure> {
    ErrorKind::ALL
        .into_iter()
        .find(|k| i64::from(k.code()).checked_neg() == Some(i64::from(code)))
        .ok_or(Failure::invalid("code", code))
}

/// The value with `code` in `table`.
pub(crate) fn decode<T: Copy>(table: &[T], arg: &'static str, code: u32) -> Result<T, Failure> {
    usize::try_from(code)
        .ok()
        .and_then(|i| table.get(i))
        .copied()
        .ok_or(Failure::invalid(arg, code))
}

/// The code of `value` in `table`, or [`OTHER`].
pub(crate) fn encode<T: PartialEq>(table: &[T], value: T) -> u32 {
    table
        .iter()
        .position(|t| *t == value)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(OTHER)
}

/// The code of a scale: identity 0, log 1, reflected log 2, logit 3, log-log
/// 4; and its
/// range's ends (`None` for an open end).
pub(crate) fn scale(s: Scale) -> (u32, Option<f64>, Option<f64>) {
    match s {
        Scale::Identity => (0, None, None),
        Scale::Log { lo } => (1, Some(lo), None),
        Scale::ReflectedLog { hi } => (2, None, Some(hi)),
        Scale::Logit { lo, hi } => (3, Some(lo), Some(hi)),
        Scale::LogLog { hi } => (4, Some(0.0), Some(hi)),
    }
}

/// Criterion: one-step error 0, rule 1.
pub(crate) fn criterion(c: Criterion) -> u32 {
    match c {
        Criterion::OneStepError => 0,
        Criterion::Rule => 1,
    }
}

/// Rule: bounded share 0, cautious line 1.
pub(crate) fn rule(r: Rule) -> u32 {
    match r {
        Rule::BoundedShare => 0,
        Rule::CautiousLine => 1,
    }
}

/// A reason's code (lowest one-step error 0, few points 1, only one 2), its
/// count (held-out points, or points), its rule, MAPE and runner-up's MAPE.
pub(crate) fn reason(r: Reason) -> (u32, usize, u32, Option<f64>, Option<f64>) {
    match r {
        Reason::LowestOneStepError {
            mape,
            runner_up,
            tests,
        } => (0, tests, NONE, Some(mape), runner_up),
        Reason::FewPoints { n, rule: r } => (1, n, rule(r), None, None),
        Reason::OnlyOne { n } => (2, n, NONE, None, None),
    }
}

/// Why a claim could not be checked: none 0, missing input 1, unbounded 2,
/// missing period 3, divisor spans zero 4, nothing stated 5, overflow 6; and the input's
/// index where there is one.
pub(crate) fn unchecked(u: Option<Unchecked>) -> (u32, u32) {
    let index = |i: usize| u32::try_from(i).unwrap_or(NONE);
    match u {
        None => (0, NONE),
        Some(Unchecked::MissingInput { index: i }) => (1, index(i)),
        Some(Unchecked::Unbounded { index: i }) => (2, index(i)),
        Some(Unchecked::MissingPeriod) => (3, NONE),
        Some(Unchecked::DivisorSpansZero { index: i }) => (4, index(i)),
        Some(Unchecked::NothingStated) => (5, NONE),
        Some(Unchecked::Overflow) => (6, NONE),
        Some(_) => (OTHER, NONE),
    }
}

/// The text of `code` in one of the tables `dxcast_describe` reads.
pub(crate) fn describe(table: u32, code: u32) -> Result<&'static str, Failure> {
    Ok(match table {
        0 => decode(&FORMULAS, "code", code)?.expression(),
        1 => decode(&SYMBOLS, "code", code)?.code(),
        2 => decode(&SYMBOLS, "code", code)?.notation(),
        3 => decode(&METHODS, "code", code)?.code(),
        4 => decode(&UNITS, "code", code)?.code(),
        5 => decode(&KINDS, "code", code)?.code(),
        6 => decode(&QUALIFIERS, "code", code)?.code(),
        7 => decode(&STATUSES, "code", code)?.code(),
        8 => decode(&COMPARISONS, "code", code)?.code(),
        9 => decode(&CLAIM_KINDS, "code", code)?.code(),
        10 => decode(&VERDICTS, "code", code)?.code(),
        11 => decode(&TARGET_STATUSES, "code", code)?.code(),
        12 => decode(&UNKNOWNS, "code", code)?.code(),
        13 => error_kind(code)?.name(),
        14 => match decode(&STALENESS, "code", code)? {
            Staleness::PastDeadline => "past_deadline",
            Staleness::LongHorizon => "long_horizon",
            Staleness::BeforeData => "before_data",
        },
        15 => decode(&QUANTITY_RULES, "code", code)?.code(),
        16 => decode(&CONVERSIONS, "code", code)?.code(),
        17 => match decode(&ASIDES, "code", code)? {
            Aside::Rule => "rule",
            Aside::Covered => "covered",
            Aside::SameDate => "same_date",
            Aside::Definition => "definition",
        },
        18 => decode(&CANDIDATE_KINDS, "code", code)?.code(),
        _ => return Err(Failure::invalid("table", table)),
    })
}
