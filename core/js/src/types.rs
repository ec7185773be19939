//! The shapes that cross to JavaScript, as Rust types: their TypeScript
//! declarations are generated from them (`tsify`), so the `.d.ts` says
//! exactly what the package reads and writes.
//!
//! Names are camel case, as are the enums' values (`"logLinear"`,
//! `"onTrack"`); the core's serde speaks its snake-case codes, so every
//! shape here converts to or from the core's own type. Inputs take plain
//! JavaScript values (dates and periods as text, numbers as given) and are
//! turned into the core's types by the calls, which name what was wrong.
//! Outputs hold only finite numbers ([`Finite`]): a quantity that is
//! unknown is `null`, and its explanation says why.

// The declarations are generated from these types' fields and docs; the
// derives' expansions hold items of their own.
#![allow(missing_docs)]

use dxcast_core as dx;
use serde::{Deserialize, Serialize, Serializer};
use tsify::Tsify;
use wasm_bindgen::JsValue;

use crate::error::Fail;

/// A finite number: never NaN or ±Infinity. Every number the package
/// computes has this type; serialising a non-finite one is an error.
#[derive(Debug, Clone, Copy, PartialEq, Tsify)]
pub struct Finite(pub f64);

impl Serialize for Finite {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            s.serialize_f64(self.0)
        } else {
            Err(serde::ser::Error::custom(NOT_FINITE))
        }
    }
}

/// The message of a [`Finite`] that is not.
pub(crate) const NOT_FINITE: &str = "not a finite number";

/// `Finite` of an optional core value.
pub(crate) fn opt(v: Option<f64>) -> Option<Finite> {
    v.map(Finite)
}

/// The core's enums that have a mirror here.
mod enums {
    pub(super) use dxcast_core::extract::CandidateKind;
    pub(super) use dxcast_core::quantity::{Aside, Conversion, Rule as QuantityRule};
    pub(super) use dxcast_core::verdict::Staleness;
    pub(super) use dxcast_core::{
        ClaimKind, Comparison, MeasureKind, Method, PeriodKind, Qualifier, Status, TargetStatus,
        Unit, Unknown, Verdict,
    };
}

/// Declares an enum with the core's variants, written in camel case, and
/// its conversions to and from the core's enum.
macro_rules! mirror {
    ($(#[$m:meta])* $name:ident = $core:ident { $($(#[$vm:meta])* $v:ident,)+ }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
        #[serde(rename_all = "camelCase")]
        pub enum $name {
            $($(#[$vm])* $v,)+
        }

        impl From<$name> for enums::$core {
            fn from(v: $name) -> enums::$core {
                match v {
                    $($name::$v => enums::$core::$v,)+
                }
            }
        }

        impl TryFrom<enums::$core> for $name {
            type Error = Fail;
            fn try_from(v: enums::$core) -> Result<$name, Fail> {
                #[allow(unreachable_patterns)]
                match v {
                    $(enums::$core::$v => Ok($name::$v),)+
                    _ => Err(Fail::unknown_code(
                        stringify!($name),
                        "a value this version of the package does not know",
                    )),
                }
            }
        }
    };
}

mirror! {
    /// A projection method.
    Method = Method { Linear, Polynomial, LogLinear, Logistic, Holt, DampedHolt, Gompertz, }
}

mirror! {
    /// The unit of an indicator's values.
    Unit = Unit { Count, Percent, Mbps, Vnd, Usd, Rank, Times, }
}

mirror! {
    /// How an indicator's values relate over time.
    MeasureKind = MeasureKind { Flow, YearToDate, DailyAverage, Cumulative, Stock, Share, Rank, }
}

mirror! {
    /// How a target compares: `atLeast` is ≥, `greaterThan` >, `atMost` ≤, `lessThan` <.
    Comparison = Comparison { AtLeast, GreaterThan, AtMost, LessThan, }
}

mirror! {
    /// How exactly a source states a figure ("khoảng" is about, "hơn" more than, …).
    Qualifier = Qualifier { Exact, About, MoreThan, Nearly, AtLeast, UpTo, }
}

mirror! {
    /// Whether a value was measured, estimated or set as a goal.
    Status = Status { Observed, Estimate, Target, }
}

mirror! {
    /// Where an indicator stands against a target: a figure decides
    /// (`achieved`, `missed`), the projection's own verdict (`onTrack`,
    /// `needsAcceleration`, `offTrack`, `uncertain`), or no verdict can be
    /// given (`tooFewPoints`, `stale`, `unreachable`).
    TargetStatus = TargetStatus {
        Achieved, Missed, OnTrack, NeedsAcceleration, OffTrack, Uncertain, TooFewPoints, Stale,
        Unreachable,
    }
}

mirror! {
    /// Why a verdict is stale: the deadline has passed with no figure to
    /// judge it, or the projection reaches further than the figures.
    Staleness = Staleness { PastDeadline, LongHorizon, BeforeData, }
}

mirror! {
    /// A claim's verdict.
    Verdict = Verdict { Agree, Disagree, CannotCheck, }
}

mirror! {
    /// What a claim derives.
    ClaimKind = ClaimKind {
        RunRate, DailyAverage, PeriodTotal, Multiple, ShareOfTarget, Share, Sum, Difference,
        RelativeChange, PointChange, AtMost,
    }
}

mirror! {
    /// How a period was stated.
    PeriodKind = PeriodKind { Day, Month, Quarter, Year, Range, }
}

mirror! {
    /// Why a quantity is unknown.
    Unknown = Unknown {
        Spread, ZeroTarget, ZeroLatest, NonPositive, NoGrowthNeeded, NotReached, NoTime,
    }
}

/// A formula, by name; its expression is in `Explanation.expression`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Formula {
    RunRate,
    DailyAverage,
    PeriodTotal,
    CumulativeDifference,
    Multiple,
    Percentage,
    Sum,
    RelativeChange,
    PointChange,
    Cagr,
    Attainment,
    Gap,
    RequiredCagr,
    RequiredDailyRate,
    RequiredPointsPerYear,
    LinearTrend,
    PolynomialTrend,
    LogLinearTrend,
    LogisticTrend,
    Holt,
    DampedHolt,
    PredictionInterval,
    ProbabilityOfMeeting,
    ReachDate,
    StatusRatio,
    OneStepError,
    Scenario,
    Verdict,
    AtMost,
    GompertzTrend,
}

/// The name of an input of an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Symbol {
    Result,
    YearToDate,
    DaysElapsed,
    DaysInPeriod,
    Total,
    DailyAverage,
    A,
    B,
    C,
    Stated,
    Low,
    High,
    Years,
    Days,
    Latest,
    Target,
    Projected,
    Level,
    Slope,
    Growth,
    Alpha,
    Beta,
    Phi,
    Cap,
    Rate,
    Midpoint,
    StandardError,
    Quantile,
    DegreesOfFreedom,
    Level95,
    Probability,
    Ratio,
    Sse,
    Count,
    Params,
    Score,
    Step,
    Shock,
    Coefficient,
    Centre,
    From,
    DailyGrowth,
    RequiredGrowth,
    Threshold,
    Span,
}

/// The mirror of a core enum listed by code: the variant at the core's
/// position in `ALL`.
fn by_position<C: PartialEq + Copy, J: Copy>(
    all: &[C],
    mirror: &[J],
    v: C,
    name: &str,
) -> Result<J, Fail> {
    all.iter()
        .position(|c| *c == v)
        .and_then(|i| mirror.get(i).copied())
        .ok_or_else(|| {
            Fail::unknown_code(
                name.to_string(),
                "a value this version of the package does not know",
            )
        })
}

impl TryFrom<dx::Formula> for Formula {
    type Error = Fail;
    fn try_from(f: dx::Formula) -> Result<Formula, Fail> {
        use Formula as F;
        const MIRROR: [Formula; 30] = [
            F::RunRate,
            F::DailyAverage,
            F::PeriodTotal,
            F::CumulativeDifference,
            F::Multiple,
            F::Percentage,
            F::Sum,
            F::RelativeChange,
            F::PointChange,
            F::Cagr,
            F::Attainment,
            F::Gap,
            F::RequiredCagr,
            F::RequiredDailyRate,
            F::RequiredPointsPerYear,
            F::LinearTrend,
            F::PolynomialTrend,
            F::LogLinearTrend,
            F::LogisticTrend,
            F::Holt,
            F::DampedHolt,
            F::PredictionInterval,
            F::ProbabilityOfMeeting,
            F::ReachDate,
            F::StatusRatio,
            F::OneStepError,
            F::Scenario,
            F::Verdict,
            F::AtMost,
            F::GompertzTrend,
        ];
        by_position(&dx::Formula::ALL, &MIRROR, f, "formula")
    }
}

impl TryFrom<dx::Symbol> for Symbol {
    type Error = Fail;
    fn try_from(s: dx::Symbol) -> Result<Symbol, Fail> {
        use Symbol as S;
        const MIRROR: [Symbol; 45] = [
            S::Result,
            S::YearToDate,
            S::DaysElapsed,
            S::DaysInPeriod,
            S::Total,
            S::DailyAverage,
            S::A,
            S::B,
            S::C,
            S::Stated,
            S::Low,
            S::High,
            S::Years,
            S::Days,
            S::Latest,
            S::Target,
            S::Projected,
            S::Level,
            S::Slope,
            S::Growth,
            S::Alpha,
            S::Beta,
            S::Phi,
            S::Cap,
            S::Rate,
            S::Midpoint,
            S::StandardError,
            S::Quantile,
            S::DegreesOfFreedom,
            S::Level95,
            S::Probability,
            S::Ratio,
            S::Sse,
            S::Count,
            S::Params,
            S::Score,
            S::Step,
            S::Shock,
            S::Coefficient,
            S::Centre,
            S::From,
            S::DailyGrowth,
            S::RequiredGrowth,
            S::Threshold,
            S::Span,
        ];
        by_position(&dx::Symbol::ALL, &MIRROR, s, "symbol")
    }
}

/// The kind of a thrown error: `err.kind`, the name the C ABI gives the
/// same error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorKind {
    NotFinite,
    Empty,
    TooFewPoints,
    Unsorted,
    DuplicateDate,
    NonPositive,
    OutOfBounds,
    Capacity,
    Singular,
    InvalidDate,
    InvalidArgument,
    NoConvergence,
    Parse,
    Overflow,
    BadRegion,
    Misaligned,
    InvalidUtf8,
    BufferTooSmall,
    InvalidCode,
    InvalidType,
}

/// What every error the package throws carries, besides its message.
#[derive(Debug, Clone, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct DxcastErrorFields {
    /// The kind of error (`"NOT_FINITE"`, `"INVALID_TYPE"`, …).
    pub kind: ErrorKind,
    /// The parameter or property it is about, as the package names it
    /// (`"values"`, `"deadline"`, `"initialLevel"`), when it names one.
    pub field: Option<String>,
    /// The position in the array it is about, when there is one.
    pub index: Option<u32>,
}

// ------------------------------------------------------------------ inputs

/// Text as JavaScript passes it, checked by the call that reads it (a
/// string, not too long) before it is copied into the module.
#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
#[serde(transparent)]
#[tsify(type = "string")]
pub struct Text(#[serde(with = "serde_wasm_bindgen::preserve")] pub JsValue);

impl Text {
    /// Text holding `s`, for results.
    pub(crate) fn of(s: impl core::fmt::Display) -> Text {
        Text(JsValue::from_str(&s.to_string()))
    }
}

/// An ISO date, `"YYYY-MM-DD"`.
#[derive(Debug, Clone, Tsify)]
pub struct IsoDate(pub String);

/// A period: `"2022"`, `"2022-Q3"`, `"2022-09"`, `"2022-09-30"` or
/// `"2022-01-01/2022-12-08"`.
#[derive(Debug, Clone, Tsify)]
pub struct PeriodText(pub String);

/// Numbers in: a plain array of numbers or a `Float64Array`.
#[derive(Debug, Clone, Tsify)]
#[tsify(type = "number[] | Float64Array")]
pub struct Numbers;

/// An indicator's bounds; a missing or null end is unbounded.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Bounds {
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
}

impl From<Bounds> for dx::Bounds {
    fn from(b: Bounds) -> dx::Bounds {
        dx::Bounds {
            min: b.min,
            max: b.max,
        }
    }
}

impl From<dx::Bounds> for Bounds {
    fn from(b: dx::Bounds) -> Bounds {
        Bounds {
            min: b.min,
            max: b.max,
        }
    }
}

/// A series: dates and values side by side, and what they measure.
#[derive(Debug, Deserialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct SeriesInput {
    /// Strictly increasing ISO dates.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    #[tsify(type = "IsoDate[]")]
    pub dates: JsValue,
    /// As many values as dates, finite and inside the bounds.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    #[tsify(type = "Numbers")]
    pub values: JsValue,
    /// Default: the kind's usual bounds (0–100 for shares, at least 1 for
    /// ranks, at least 0 otherwise).
    #[serde(default)]
    pub bounds: Option<Bounds>,
    /// Default: `"stock"`.
    #[serde(default)]
    pub kind: Option<MeasureKind>,
    /// Default: `"count"`. Percentages change in points, everything else
    /// compounds.
    #[serde(default)]
    pub unit: Option<Unit>,
}

/// A method and its settings, as data. Settings left out are fitted (or
/// take the method's default); a setting the method does not take is an
/// error.
#[derive(Debug, Clone, Copy, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MethodSpec {
    pub method: Method,
    /// A polynomial's degree, 1 to 10 (default 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<f64>,
    /// A logistic cap K (default: the upper bound, or fitted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
    /// Holt's smoothing of the level: with `beta`, or neither.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
    /// Holt's smoothing of the trend: with `alpha`, or neither.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beta: Option<f64>,
    /// Damped Holt's damping, 0 < phi ≤ 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phi: Option<f64>,
    /// Holt's level one step before the first point (with `initialTrend`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_level: Option<f64>,
    /// Holt's trend one step before the first point (with `initialLevel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_trend: Option<f64>,
    /// Holt's step in days (default: the median gap).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step_days: Option<f64>,
}

impl TryFrom<dx::ModelSpec> for MethodSpec {
    type Error = Fail;
    fn try_from(s: dx::ModelSpec) -> Result<MethodSpec, Fail> {
        Ok(MethodSpec {
            method: s.method.try_into()?,
            degree: s.degree.map(f64::from),
            cap: s.cap,
            alpha: s.alpha,
            beta: s.beta,
            phi: s.phi,
            initial_level: s.initial_level,
            initial_trend: s.initial_trend,
            step_days: s.step_days,
        })
    }
}

/// A target: a value to reach by a deadline.
#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
pub struct Target {
    pub value: f64,
    #[tsify(type = "IsoDate")]
    pub deadline: Text,
    pub comparison: Comparison,
}

impl TryFrom<dx::Target> for Target {
    type Error = Fail;
    fn try_from(t: dx::Target) -> Result<Target, Fail> {
        Ok(Target {
            value: t.value,
            deadline: Text::of(t.deadline),
            comparison: t.comparison.try_into()?,
        })
    }
}

/// The settings of an analysis.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct AnalysisOptions {
    /// Today: a deadline before it has passed.
    #[tsify(type = "IsoDate")]
    pub today: Text,
    /// The confidence level of intervals, strictly between 0 and 1
    /// (default 0.95).
    #[serde(default)]
    pub level: Option<f64>,
    /// The figures that can decide the target without the projection, in
    /// the target's terms (`quantityEvidence` gives them for a quantity).
    /// Default: for a level, the fitted series' points around the deadline;
    /// for a total, none.
    #[serde(default)]
    pub evidence: Option<Evidence>,
}

/// Figures that can decide a target without a projection, in the target's
/// terms (a yearly total, not a daily rate).
#[derive(Debug, Clone, Default, Serialize, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Evidence {
    /// The first figure on or after the deadline (for a total, the observed
    /// total of the deadline's year).
    #[serde(default)]
    pub after: Option<Point>,
    /// The last figure on or before the deadline (for a total, the largest
    /// year-to-date total inside the deadline's year).
    #[serde(default)]
    pub before: Option<Point>,
}

impl From<&dx::Evidence> for Evidence {
    fn from(e: &dx::Evidence) -> Evidence {
        let point = |p: dx::Point| Point {
            date: Text::of(p.date),
            value: p.value,
        };
        Evidence {
            after: e.after.map(point),
            before: e.before.map(point),
        }
    }
}

mirror! {
    /// Which points a quantity's series keeps where its measures overlap:
    /// totals first (the default), daily averages first, or every point.
    QuantityRule = QuantityRule { Totals, Averages, All, }
}

mirror! {
    /// How a quantity's point was derived from its figure.
    Conversion = Conversion { Level, Total, YearToDate, DailyAverage, SinceLaunch, Difference, }
}

mirror! {
    /// Why a quantity's point is not in its series: the rule prefers another
    /// measure of the same days, another measure covers a running total's
    /// days, another figure is on the same date, or the figure follows
    /// another definition than the latest figure.
    Aside = Aside { Rule, Covered, SameDate, Definition, }
}

mirror! {
    /// How a figure found in text is derived from others.
    Derived = CandidateKind {
        Multiple, RelativeChange, PercentChange, Difference, ExcessOverPlan, ShareOfTarget, Share,
        DailyAverage,
    }
}

/// One figure of a quantity measured several ways: an observation of one
/// of its indicators, with that indicator's kind.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct MeasuredInput {
    /// The figure's measure (its indicator's kind).
    pub kind: MeasureKind,
    pub value: f64,
    #[tsify(type = "PeriodText")]
    pub period: Text,
    /// Default: `"observed"`.
    #[serde(default)]
    pub status: Option<Status>,
    /// Default: `"exact"`.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// One unit of the last stated digit (default 0).
    #[serde(default)]
    pub precision: Option<f64>,
    /// For a running total, the launch date it counts from.
    #[serde(default)]
    #[tsify(type = "IsoDate | null")]
    pub since: Option<Text>,
    /// A number for each distinct definition of the quantity (default 0);
    /// figures of another definition than the latest figure's are set aside.
    #[serde(default)]
    pub definition: Option<u32>,
}

/// One figure of a quantity on its basis.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct QuantityPoint {
    /// The middle of its window (a level: its date).
    #[tsify(type = "IsoDate")]
    pub date: Text,
    /// A daily rate, or a level.
    pub value: Finite,
    /// The days it describes.
    #[tsify(type = "PeriodText")]
    pub window: Text,
    pub measure: MeasureKind,
    pub conversion: Conversion,
    pub status: Status,
    /// Its figure's index in the input.
    pub source: usize,
    /// For a difference of running totals, the earlier reading's index.
    pub earlier: Option<usize>,
    /// The lowest basis value its figure(s) admit.
    pub low: Finite,
    /// The highest.
    pub high: Finite,
    /// Why it is not in the series; `null` when it is.
    pub aside: Option<Aside>,
    pub definition: u32,
    /// How the point was computed from its figure(s).
    pub explanation: Explanation,
}

/// Two points (indexes into `points`) that describe the same days through
/// different measures and admit no common value.
#[derive(Debug, Serialize, Tsify)]
pub struct Conflict {
    pub a: usize,
    pub b: usize,
}

/// A quantity measured several ways, on one basis.
#[derive(Debug, Serialize, Tsify)]
pub struct Measures {
    /// `"level"` or `"dailyRate"`.
    pub basis: String,
    /// Every figure's point (kept or set aside), in date order.
    pub points: Vec<QuantityPoint>,
    pub conflicts: Vec<Conflict>,
    /// The definition of the points kept: the latest figure's.
    pub definition: u32,
    /// The kept points: the series to fit.
    pub series: SeriesPoints,
}

/// A growth rate far beyond any the series shows.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Implausible {
    /// The rate as a yearly rate (percent, or points for percentages);
    /// `null` when too large for a number.
    pub per_year: Option<Finite>,
    /// The fastest yearly growth between two figures of the series at least
    /// a year apart; `null` with fewer than two figures.
    pub fastest: Option<Finite>,
    /// The rate beyond which a yearly rate is implausible for the series.
    pub limit: Finite,
}

/// How a figure found in text is derived from others.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct DerivedFigure {
    pub kind: Derived,
    /// Whether the text states a decrease ("giảm 32,6%"); the value stays
    /// unsigned.
    pub decrease: bool,
    /// What it is compared with (the phrase after "so với"), when given.
    pub compared: Option<String>,
    /// The claim kinds it may be checked as.
    pub readings: Vec<ClaimKind>,
}

/// A figure found in report text. `start` and `end` are UTF-16 offsets:
/// `text.slice(start, end) === quote`.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FoundFigure {
    /// In base units ("1,276 tỷ" is 1 276 000 000); a fraction "61/63" gives 61.
    pub value: Finite,
    /// One unit of the last stated digit.
    pub precision: Finite,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// The figure as the text writes it, without its qualifier.
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// When the figure holds, from the date cues around it or `asOf`.
    #[tsify(type = "PeriodText | null")]
    pub period: Option<Text>,
    /// The whole of a fraction ("61/63": 63).
    pub denominator: Option<Finite>,
    /// Where the text states the period.
    pub cue: Option<String>,
    /// How it is derived from other figures, when it is.
    pub derived: Option<DerivedFigure>,
}

/// The period a growth rate is given per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Per {
    Year,
    Month,
}

impl From<Per> for dx::scenario::Per {
    fn from(p: Per) -> dx::scenario::Per {
        match p {
            Per::Year => dx::scenario::Per::Year,
            Per::Month => dx::scenario::Per::Month,
        }
    }
}

/// Growth at a fixed rate from a date on, continuing from the projection
/// at that date.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct GrowthOverride {
    /// The first day of the new growth.
    #[tsify(type = "IsoDate")]
    pub from: Text,
    /// Percent per `per` for counts and amounts (compounded); percentage
    /// points per `per` for shares.
    pub rate: f64,
    /// Default: `"year"`.
    #[serde(default)]
    pub per: Option<Per>,
}

/// A jump in level from a date on.
#[derive(Debug, Clone, Deserialize, Tsify)]
pub struct Shock {
    /// The day of the jump.
    #[tsify(type = "IsoDate")]
    pub at: Text,
    /// Percent of the level; percentage points for shares.
    pub size: f64,
}

/// A what-if: growth a month from a date, a level shock, a changed target.
#[derive(Debug, Clone, Default, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Scenario {
    #[serde(default)]
    pub growth: Option<GrowthOverride>,
    #[serde(default)]
    pub shock: Option<Shock>,
    #[serde(default)]
    pub target: Option<Target>,
}

/// A dated value.
#[derive(Debug, Clone, Serialize, Deserialize, Tsify)]
pub struct Point {
    #[tsify(type = "IsoDate")]
    pub date: Text,
    pub value: f64,
}

/// An observation of an indicator as a report states it.
#[derive(Debug, Clone, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Observation {
    pub value: f64,
    #[tsify(type = "PeriodText")]
    pub period: Text,
    pub status: Status,
    /// Default: `"exact"`.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// One unit of the last stated digit (default 0: unknown).
    #[serde(default)]
    pub precision: Option<f64>,
}

/// A stated figure: report text, a value with the precision of its last
/// digit, or the ends of an interval (one of the three).
#[derive(Debug, Clone, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct FigureInput {
    /// As a report writes it: `"806 triệu"`, `"97,3%"`.
    #[serde(default)]
    #[tsify(type = "string | null")]
    pub text: Option<Text>,
    #[serde(default)]
    pub value: Option<f64>,
    /// Default 0.
    #[serde(default)]
    pub precision: Option<f64>,
    /// Default: `"exact"`.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// A lower end (a missing end is unbounded).
    #[serde(default)]
    pub lo: Option<f64>,
    /// An upper end.
    #[serde(default)]
    pub hi: Option<f64>,
    /// The period the figure covers.
    #[serde(default)]
    #[tsify(type = "PeriodText | null")]
    pub period: Option<Text>,
}

/// A claim: what is derived, over which period, the stated figure and the
/// inputs in the kind's order (`null` for one the report does not give).
#[derive(Debug, Deserialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ClaimInput {
    pub kind: ClaimKind,
    #[serde(default)]
    #[tsify(type = "PeriodText | null")]
    pub period: Option<Text>,
    #[serde(default)]
    pub stated: Option<FigureInput>,
    /// Up to 7 inputs.
    #[serde(with = "serde_wasm_bindgen::preserve")]
    #[tsify(type = "(FigureInput | null)[]")]
    pub inputs: JsValue,
}

/// The kinds of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ChangeKind {
    /// In percent of the earlier value.
    Relative,
    /// In percentage points.
    Points,
    /// As a multiple of the earlier value.
    Multiple,
}

impl From<ChangeKind> for dx::growth::ChangeKind {
    fn from(k: ChangeKind) -> dx::growth::ChangeKind {
        match k {
            ChangeKind::Relative => dx::growth::ChangeKind::Relative,
            ChangeKind::Points => dx::growth::ChangeKind::Points,
            ChangeKind::Multiple => dx::growth::ChangeKind::Multiple,
        }
    }
}

/// Which periods a change compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ChangeRule {
    /// Two consecutive periods of the same kind.
    PeriodOverPeriod,
    /// The same period one year apart.
    YearOnYear,
}

/// A language for numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Locale {
    Vi,
    En,
}

impl From<Locale> for dx::number::Locale {
    fn from(l: Locale) -> dx::number::Locale {
        match l {
            Locale::Vi => dx::number::Locale::Vi,
            Locale::En => dx::number::Locale::En,
        }
    }
}

// ------------------------------------------------------------------ outputs

/// One input of an explanation.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Term {
    pub symbol: Symbol,
    /// A stable ASCII code, for translation tables: `"year_to_date"`.
    pub code: &'static str,
    /// As written in the formula's expression: `"x_ytd"`.
    pub notation: &'static str,
    /// `null` when unknown (the explanation's `unknown` says why).
    pub value: Option<Finite>,
    pub unit: Option<Unit>,
}

/// How a result was computed.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Explanation {
    pub formula: Formula,
    /// The formula in language-neutral notation.
    pub expression: &'static str,
    /// `null` when the result is unknown.
    pub result: Option<Finite>,
    /// Why the result, or a term, is unknown.
    pub unknown: Option<Unknown>,
    pub terms: Vec<Term>,
}

impl TryFrom<&dx::Explanation> for Explanation {
    type Error = Fail;
    fn try_from(e: &dx::Explanation) -> Result<Explanation, Fail> {
        Ok(Explanation {
            formula: e.formula.try_into()?,
            expression: e.formula.expression(),
            result: opt(e.result),
            unknown: e.unknown.map(Unknown::try_from).transpose()?,
            terms: e
                .terms
                .iter()
                .map(|t| {
                    Ok(Term {
                        symbol: t.symbol.try_into()?,
                        code: t.symbol.code(),
                        notation: t.symbol.notation(),
                        value: opt(t.value),
                        unit: t.unit.map(Unit::try_from).transpose()?,
                    })
                })
                .collect::<Result<_, Fail>>()?,
        })
    }
}

/// An explanation of a core result.
pub(crate) fn explained(e: dx::Result<dx::Explanation>) -> Result<Explanation, Fail> {
    Explanation::try_from(&e?)
}

/// A least-squares fit.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct LeastSquaresResult {
    pub coefficients: Vec<Finite>,
    /// `null` for an exact fit (as many rows as columns).
    pub standard_errors: Option<Vec<Finite>>,
    /// `null` for an exact fit.
    pub residual_sd: Option<Finite>,
    pub r_squared: Finite,
    pub df: usize,
    pub rss: Finite,
    pub rows: usize,
    pub params: usize,
    pub intercept: bool,
}

/// What a series measures.
#[derive(Debug, Serialize, Tsify)]
pub struct Subject {
    pub kind: MeasureKind,
    pub unit: Unit,
    pub bounds: Bounds,
}

impl TryFrom<dx::Subject> for Subject {
    type Error = Fail;
    fn try_from(s: dx::Subject) -> Result<Subject, Fail> {
        Ok(Subject {
            kind: s.kind.try_into()?,
            unit: s.unit.try_into()?,
            bounds: s.bounds.into(),
        })
    }
}

/// How well a fitted model describes its series.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct FitSummary {
    pub method: Method,
    /// The settings as configured (settings that were fitted are left out).
    pub spec: MethodSpec,
    pub subject: Subject,
    /// The number of points fitted.
    pub points: usize,
    /// Parameters taken from the data.
    pub params: usize,
    /// Degrees of freedom left for the error (0 for an exact fit).
    pub df: usize,
    /// The sum of squared in-sample errors.
    pub sse: Finite,
    /// `null` for an exact fit.
    pub residual_sd: Option<Finite>,
    /// In-sample fitted values (one-step forecasts for Holt).
    pub fitted: Vec<Finite>,
    /// The formula with the fitted parameters.
    pub explanation: Explanation,
}

/// The working scale of a prediction.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Scale {
    Identity,
    Log { lo: Finite },
    ReflectedLog { hi: Finite },
    Logit { lo: Finite, hi: Finite },
    LogLog { hi: Finite },
}

impl From<dx::Scale> for Scale {
    fn from(s: dx::Scale) -> Scale {
        match s {
            dx::Scale::Identity => Scale::Identity,
            dx::Scale::Log { lo } => Scale::Log { lo: Finite(lo) },
            dx::Scale::ReflectedLog { hi } => Scale::ReflectedLog { hi: Finite(hi) },
            dx::Scale::Logit { lo, hi } => Scale::Logit {
                lo: Finite(lo),
                hi: Finite(hi),
            },
            dx::Scale::LogLog { hi } => Scale::LogLog { hi: Finite(hi) },
        }
    }
}

/// A prediction on its working scale: a Student-t location and spread.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Prediction {
    pub location: Finite,
    /// `null` when the spread is unknown.
    pub se: Option<Finite>,
    /// `null` for a normal distribution or an unknown spread.
    pub df: Option<Finite>,
    pub scale: Scale,
}

impl From<dx::Prediction> for Prediction {
    fn from(p: dx::Prediction) -> Prediction {
        Prediction {
            location: Finite(p.location()),
            se: opt(p.se()),
            df: opt(p.df()),
            scale: p.scale().into(),
        }
    }
}

/// One point of a forecast.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ForecastPoint {
    #[tsify(type = "IsoDate")]
    pub date: String,
    /// The point forecast, within the bounds.
    pub point: Finite,
    /// The interval's lower end; `null` when unbounded.
    pub lo: Option<Finite>,
    /// The interval's upper end; `null` when unbounded.
    pub hi: Option<Finite>,
    pub prediction: Prediction,
}

impl From<&dx::ForecastPoint> for ForecastPoint {
    fn from(p: &dx::ForecastPoint) -> ForecastPoint {
        ForecastPoint {
            date: p.date.to_string(),
            point: Finite(p.point),
            lo: opt(p.lo),
            hi: opt(p.hi),
            prediction: p.prediction.into(),
        }
    }
}

/// Where a projection is evaluated against a target.
#[derive(Debug, Serialize, Tsify)]
pub struct Evaluation {
    #[tsify(type = "IsoDate")]
    pub date: String,
    /// The target on the projection's basis (a yearly total as a daily rate).
    pub value: Finite,
    /// A basis value times this is in the target's terms.
    pub factor: Finite,
}

impl From<dx::basis::Evaluation> for Evaluation {
    fn from(e: dx::basis::Evaluation) -> Evaluation {
        Evaluation {
            date: e.date.to_string(),
            value: Finite(e.value),
            factor: Finite(e.factor),
        }
    }
}

/// Growth rates, `null` where undefined.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Growth {
    /// Compound annual growth in percent.
    pub cagr: Option<Finite>,
    /// Compound daily growth in percent.
    pub daily: Option<Finite>,
    /// Percentage points a year (percent units only).
    pub points_per_year: Option<Finite>,
}

impl From<dx::analytics::Growth> for Growth {
    fn from(g: dx::analytics::Growth) -> Growth {
        Growth {
            cagr: opt(g.cagr),
            daily: opt(g.daily),
            points_per_year: opt(g.points_per_year),
        }
    }
}

/// How each quantity of an analysis was computed.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AnalysisExplanations {
    pub projected: Explanation,
    pub attainment: Explanation,
    pub gap: Explanation,
    pub required: Explanation,
    pub reach_date: Explanation,
    pub probability: Explanation,
    pub status: Explanation,
}

/// A target analysed under a projection.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct TargetAnalysis {
    /// The target analysed (a scenario's own, when it has one).
    pub target: Target,
    pub subject: Subject,
    pub evaluation: Evaluation,
    /// The value that counts as meeting the target.
    pub threshold: Finite,
    /// The latest observation, on the projection's basis.
    pub latest_point: Point,
    /// The latest value in the target's terms.
    pub latest: Finite,
    pub years: Finite,
    pub days: i32,
    pub prediction: Prediction,
    /// The projected value at the deadline, in the target's terms.
    pub projected: Finite,
    /// The interval's lower end; `null` when unbounded.
    pub low: Option<Finite>,
    /// The interval's upper end; `null` when unbounded.
    pub high: Option<Finite>,
    pub level: Finite,
    /// The latest value as a percentage of the target; `null` for a target
    /// of 0.
    pub attainment: Option<Finite>,
    pub gap: Finite,
    pub required: Growth,
    pub projected_growth: Growth,
    /// Projected over required growth; `null` when no growth is needed.
    pub ratio: Option<Finite>,
    /// The first date the projection meets the target; `null` when not
    /// within 30 years after the deadline.
    #[tsify(type = "IsoDate | null")]
    pub reach_date: Option<String>,
    /// `null` when the spread is unknown.
    pub probability: Option<Finite>,
    pub status: TargetStatus,
    /// The figure that decided the status, when one did.
    pub judged_by: Option<Point>,
    /// Why the status is `"stale"`.
    pub staleness: Option<Staleness>,
    /// The projection's own verdict, whatever decided the status.
    pub outlook: TargetStatus,
    /// Whether the deadline is before today.
    pub deadline_passed: bool,
    /// What the status was decided from.
    pub facts: Facts,
    pub explanations: AnalysisExplanations,
}

/// What a status is decided from.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Facts {
    /// Whether the target lies beyond the indicator's bounds.
    pub unreachable: bool,
    /// Whether the first figure on or after the deadline meets the target.
    pub after_meets: Option<bool>,
    /// Whether the figure on or before the deadline meets the target.
    pub before_meets: Option<bool>,
    pub deadline_passed: bool,
    /// The fit's degrees of freedom left for its error.
    pub df: usize,
    /// Days from the latest figure to the deadline.
    pub horizon_days: i32,
    /// Days from the first figure to the latest.
    pub span_days: i32,
    /// Whether the projection at the deadline meets the target.
    pub projection_meets: bool,
    pub probability: Option<Finite>,
    pub ratio: Option<Finite>,
}

impl From<dx::verdict::Facts> for Facts {
    fn from(f: dx::verdict::Facts) -> Facts {
        Facts {
            unreachable: f.unreachable,
            after_meets: f.after_meets,
            before_meets: f.before_meets,
            deadline_passed: f.deadline_passed,
            df: f.df,
            horizon_days: f.horizon_days,
            span_days: f.span_days,
            projection_meets: f.projection_meets,
            probability: opt(f.probability),
            ratio: opt(f.ratio),
        }
    }
}

impl TryFrom<&dx::TargetAnalysis> for TargetAnalysis {
    type Error = Fail;
    fn try_from(a: &dx::TargetAnalysis) -> Result<TargetAnalysis, Fail> {
        use dx::analytics::Quantity as Q;
        let e = |q| explained(a.explain(q));
        Ok(TargetAnalysis {
            target: a.target.try_into()?,
            subject: a.subject.try_into()?,
            evaluation: a.evaluation.into(),
            threshold: Finite(a.threshold),
            latest_point: Point {
                date: Text::of(a.latest_point.date),
                value: a.latest_point.value,
            },
            latest: Finite(a.latest),
            years: Finite(a.years),
            days: a.days,
            prediction: a.prediction.into(),
            projected: Finite(a.projected),
            low: opt(a.low),
            high: opt(a.high),
            level: Finite(a.level),
            attainment: opt(a.attainment),
            gap: Finite(a.gap),
            required: a.required.into(),
            projected_growth: a.projected_growth.into(),
            ratio: opt(a.ratio),
            reach_date: a.reach_date.map(|d| d.to_string()),
            probability: opt(a.probability),
            status: a.status.try_into()?,
            judged_by: a.judged_by.map(|p| Point {
                date: Text::of(p.date),
                value: p.value,
            }),
            staleness: a.staleness.map(Staleness::try_from).transpose()?,
            outlook: a.outlook.try_into()?,
            deadline_passed: a.deadline_passed,
            facts: a.facts.into(),
            explanations: AnalysisExplanations {
                projected: e(Q::Projected)?,
                attainment: e(Q::Attainment)?,
                gap: e(Q::Gap)?,
                required: e(Q::Required)?,
                reach_date: e(Q::ReachDate)?,
                probability: e(Q::Probability)?,
                status: e(Q::Status)?,
            },
        })
    }
}

/// One ranked method.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Ranked {
    pub spec: MethodSpec,
    /// Its one-step-ahead MAPE in percent, when methods were compared so.
    pub score: Option<Finite>,
}

/// How a ranking was decided.
#[derive(Debug, Clone, Copy, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Criterion {
    OneStepError,
    Rule,
}

/// Why the first method is first.
#[derive(Debug, Clone, Copy, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum ReasonKind {
    LowestOneStepError,
    FewPoints,
    OnlyOne,
}

/// The rule that ranked a short series.
#[derive(Debug, Clone, Copy, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Rule {
    BoundedShare,
    CautiousLine,
}

/// Why the first method was chosen.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub kind: ReasonKind,
    /// The chosen method's one-step MAPE in percent.
    pub mape: Option<Finite>,
    /// The runner-up's.
    pub runner_up: Option<Finite>,
    /// The number of held-out points.
    pub tests: Option<usize>,
    /// The number of points, when a rule decided or one method fits.
    pub n: Option<usize>,
    pub rule: Option<Rule>,
}

/// The methods that fit a series, best first.
#[derive(Debug, Serialize, Tsify)]
pub struct Choice {
    pub ranked: Vec<Ranked>,
    pub criterion: Criterion,
    pub reason: Reason,
    pub explanation: Explanation,
}

impl TryFrom<&dx::choice::Choice> for Choice {
    type Error = Fail;
    fn try_from(c: &dx::choice::Choice) -> Result<Choice, Fail> {
        use dx::choice::{Reason as R, Rule as CoreRule};
        let none = Reason {
            kind: ReasonKind::OnlyOne,
            mape: None,
            runner_up: None,
            tests: None,
            n: None,
            rule: None,
        };
        let reason = match c.reason {
            R::LowestOneStepError {
                mape,
                runner_up,
                tests,
            } => Reason {
                kind: ReasonKind::LowestOneStepError,
                mape: Some(Finite(mape)),
                runner_up: opt(runner_up),
                tests: Some(tests),
                ..none
            },
            R::FewPoints { n, rule } => Reason {
                kind: ReasonKind::FewPoints,
                n: Some(n),
                rule: Some(match rule {
                    CoreRule::BoundedShare => Rule::BoundedShare,
                    CoreRule::CautiousLine => Rule::CautiousLine,
                }),
                ..none
            },
            R::OnlyOne { n } => Reason { n: Some(n), ..none },
        };
        Ok(Choice {
            ranked: c
                .ranked
                .iter()
                .map(|r| {
                    Ok(Ranked {
                        spec: r.model.spec().try_into()?,
                        score: opt(r.score),
                    })
                })
                .collect::<Result<_, Fail>>()?,
            criterion: match c.criterion {
                dx::choice::Criterion::OneStepError => Criterion::OneStepError,
                dx::choice::Criterion::Rule => Criterion::Rule,
            },
            reason,
            explanation: explained(c.explain())?,
        })
    }
}

/// An interval; a `null` end is unbounded.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Interval {
    pub lo: Option<Finite>,
    pub hi: Option<Finite>,
}

impl From<dx::Interval> for Interval {
    fn from(i: dx::Interval) -> Interval {
        let end = |v: f64| v.is_finite().then_some(Finite(v));
        Interval {
            lo: end(i.lo()),
            hi: end(i.hi()),
        }
    }
}

/// Why a claim could not be checked.
#[derive(Debug, Clone, Copy, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum UncheckedKind {
    MissingInput,
    Unbounded,
    MissingPeriod,
    DivisorSpansZero,
    NothingStated,
    Overflow,
}

/// Why a claim could not be checked, and which input.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct Unchecked {
    pub kind: UncheckedKind,
    pub index: Option<usize>,
}

/// The verdict on a claim.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub verdict: Verdict,
    /// Why it could not be checked.
    pub reason: Option<Unchecked>,
    /// The interval the stated figure admits.
    pub stated: Option<Interval>,
    /// The interval the inputs give.
    pub recomputed: Option<Interval>,
    /// The verdict at the stated values: the inputs' stated values alone,
    /// against the stated figure as its qualifier reads it ("hơn 4,8" needs
    /// more than 4,8); `null` when the claim cannot be checked. Where it
    /// differs from `verdict`, the claim holds only through rounding.
    pub at_stated: Option<Verdict>,
    pub explanation: Explanation,
}

impl TryFrom<&dx::Check> for Check {
    type Error = Fail;
    fn try_from(c: &dx::Check) -> Result<Check, Fail> {
        use dx::claim::Unchecked as U;
        let reason = c
            .reason
            .map(|r| {
                let (kind, index) = match r {
                    U::MissingInput { index } => (UncheckedKind::MissingInput, Some(index)),
                    U::Unbounded { index } => (UncheckedKind::Unbounded, Some(index)),
                    U::MissingPeriod => (UncheckedKind::MissingPeriod, None),
                    U::DivisorSpansZero { index } => (UncheckedKind::DivisorSpansZero, Some(index)),
                    U::NothingStated => (UncheckedKind::NothingStated, None),
                    U::Overflow => (UncheckedKind::Overflow, None),
                    _ => {
                        return Err(Fail::unknown_code(
                            "reason",
                            "a value this version of the package does not know",
                        ))
                    }
                };
                Ok(Unchecked { kind, index })
            })
            .transpose()?;
        Ok(Check {
            verdict: c.verdict.try_into()?,
            reason,
            stated: c.stated.map(Interval::from),
            recomputed: c.recomputed.map(Interval::from),
            at_stated: c.at_stated.map(Verdict::try_from).transpose()?,
            explanation: Explanation::try_from(&c.explanation)?,
        })
    }
}

/// A number read from report text.
#[derive(Debug, Serialize, Tsify)]
pub struct Stated {
    pub value: Finite,
    /// One unit of the last digit.
    pub precision: Finite,
    /// Whether it was written with `%`.
    pub percent: bool,
}

/// A period's ends, kind and days.
#[derive(Debug, Serialize, Tsify)]
pub struct PeriodInfo {
    #[tsify(type = "PeriodText")]
    pub text: String,
    #[tsify(type = "IsoDate")]
    pub start: String,
    #[tsify(type = "IsoDate")]
    pub end: String,
    pub kind: PeriodKind,
    pub days: u32,
}

/// A total extended to a whole period.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RunRate {
    pub year_to_date: Finite,
    pub days_elapsed: u32,
    pub days_in_period: u32,
    pub value: Finite,
    pub explanation: Explanation,
}

/// A period's total per day.
#[derive(Debug, Serialize, Tsify)]
pub struct DailyAverage {
    pub total: Finite,
    #[tsify(type = "PeriodText")]
    pub period: String,
    pub days: u32,
    pub value: Finite,
    pub explanation: Explanation,
}

/// A daily average times a period's days.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PeriodTotal {
    pub daily_average: Finite,
    #[tsify(type = "PeriodText")]
    pub period: String,
    pub days: u32,
    pub value: Finite,
    pub explanation: Explanation,
}

/// The flow between two readings of a running total.
#[derive(Debug, Serialize, Tsify)]
pub struct Flow {
    #[tsify(type = "PeriodText")]
    pub period: String,
    pub start: Finite,
    pub end: Finite,
    pub value: Finite,
    pub explanation: Explanation,
}

/// The explanations of a share change.
#[derive(Debug, Serialize, Tsify)]
pub struct ShareChangeExplanations {
    pub points: Explanation,
    pub relative: Explanation,
}

/// A change between two shares.
#[derive(Debug, Serialize, Tsify)]
#[tsify(missing_as_null)]
pub struct ShareChange {
    pub before: Finite,
    pub after: Finite,
    /// In percentage points.
    pub points: Finite,
    /// In percent of the earlier share; `null` when it is 0.
    pub relative: Option<Finite>,
    pub explanations: ShareChangeExplanations,
}

/// The two readings of a stated change.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Readings {
    pub before_if_points: Finite,
    pub before_if_relative: Finite,
}

/// A change from one value to another.
#[derive(Debug, Serialize, Tsify)]
pub struct Change {
    pub kind: ChangeKind,
    pub before: Finite,
    pub after: Finite,
    pub value: Finite,
    pub explanation: Explanation,
}

/// The explanations of a compound growth rate.
#[derive(Debug, Serialize, Tsify)]
pub struct CagrExplanations {
    pub cagr: Explanation,
    pub points: Explanation,
}

/// Compound annual growth between two dated values.
#[derive(Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Cagr {
    pub start: Point,
    pub end: Point,
    pub years: Finite,
    pub percent_per_year: Finite,
    pub points_per_year: Finite,
    pub explanations: CagrExplanations,
}

/// A projectable series' dates and values.
#[derive(Debug, Serialize, Tsify)]
pub struct SeriesPoints {
    #[tsify(type = "IsoDate[]")]
    pub dates: Vec<String>,
    pub values: Vec<Finite>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A core variant's name as the package writes it: lower camel case.
    fn camel<T: core::fmt::Debug>(v: T) -> String {
        let debug = format!("{v:?}");
        let mut c = debug.chars();
        c.next()
            .map(|f| f.to_ascii_lowercase().to_string() + c.as_str())
            .unwrap_or_default()
    }

    #[test]
    fn every_error_kind_of_the_core_is_declared() {
        for k in dx::ErrorKind::ALL {
            let mirror: ErrorKind = serde_json::from_value(serde_json::json!(k.name())).unwrap();
            assert_eq!(serde_json::to_value(mirror).unwrap(), k.name());
        }
    }

    #[test]
    fn formulas_and_symbols_keep_the_core_names() {
        for f in dx::Formula::ALL {
            let js = serde_json::to_value(Formula::try_from(f).unwrap()).unwrap();
            assert_eq!(js, camel(f), "{f:?}");
        }
        for s in dx::Symbol::ALL {
            let js = serde_json::to_value(Symbol::try_from(s).unwrap()).unwrap();
            assert_eq!(js, camel(s), "{s:?}");
        }
    }

    #[test]
    fn mirrored_enums_keep_the_core_names() {
        for k in dx::MeasureKind::ALL {
            let js = serde_json::to_value(MeasureKind::try_from(k).unwrap()).unwrap();
            assert_eq!(js, camel(k));
            assert_eq!(dx::MeasureKind::from(MeasureKind::try_from(k).unwrap()), k);
        }
        for m in dx::Method::ALL {
            assert_eq!(
                serde_json::to_value(Method::try_from(m).unwrap()).unwrap(),
                camel(m)
            );
        }
        for u in dx::Unknown::ALL {
            assert_eq!(
                serde_json::to_value(Unknown::try_from(u).unwrap()).unwrap(),
                camel(u)
            );
        }
    }
}
