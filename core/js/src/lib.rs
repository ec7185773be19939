//! # dxcast-js
//!
//! dxcast's core for JavaScript and TypeScript: a thin wasm-bindgen layer
//! that converts JavaScript values to the core's types inside each function
//! (serde-wasm-bindgen), calls the core and converts the result back. The
//! core knows nothing of JavaScript.
//!
//! - Numbers go in as `number[] | Float64Array`, dates as ISO strings
//!   (`"2022-12-08"`), periods as the core writes them (`"2022-Q3"`).
//! - Names are camelCase, as are the enums' values (`"logLinear"`,
//!   `"onTrack"`, `"cannotCheck"`).
//! - Every failure throws an `Error` whose message is the core's own.
//! - "None" is `null`.
//!
//! Build it with `cargo xtask test` (or by hand: `cargo build -p dxcast-js
//! --target wasm32-unknown-unknown --release`, then `wasm-bindgen --target
//! nodejs` or `--target web`): the package, with its `.d.ts`, lands in
//! `target/js-pkg/`.

mod dto;

use dxcast_core::analytics::{analyse as core_analyse, Context};
use dxcast_core::basis::{evaluation as core_evaluation, points_into, MAX_POINTS};
use dxcast_core::choice::choose as core_choose;
use dxcast_core::convert;
use dxcast_core::forecast::{forecast_into, Fit, ForecastPoint, Horizon, Predictor};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::number::{parse_vi as core_parse_vi, Compact, Grouped, Locale};
use dxcast_core::scenario::{Scenario as CoreScenario, WhatIf};
use dxcast_core::{
    Bounds, Date, MeasureKind, Model as CoreModel, Observation, Period, Point, Series,
    Target as CoreTarget, Unit,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use dto::{
    AnalysisOut, CheckOut, ChoiceOut, ClaimIn, Explained, ExplanationOut, FitOut, MethodSpec,
    PeriodOut, SeriesIn,
};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** Numbers in: a plain array or a typed one. */
export type Numbers = number[] | Float64Array;
/** An ISO date, "YYYY-MM-DD". */
export type IsoDate = string;
/** A period: "2022", "2022-Q3", "2022-09", "2022-09-30" or "2022-01-01/2022-12-08". */
export type PeriodText = string;

export type Method = "linear" | "polynomial" | "logLinear" | "logistic" | "holt" | "dampedHolt";
export type Unit = "count" | "percent" | "mbps" | "vnd" | "usd" | "rank" | "times";
export type MeasureKind = "flow" | "yearToDate" | "dailyAverage" | "cumulative" | "stock" | "share" | "rank";
export type Comparison = "atLeast" | "greaterThan" | "atMost" | "lessThan";
export type Qualifier = "exact" | "about" | "moreThan" | "nearly" | "atLeast" | "upTo";
export type Status = "observed" | "estimate" | "target";
export type TargetStatus = "achieved" | "onTrack" | "needsAcceleration" | "offTrack";
export type Verdict = "agree" | "disagree" | "cannotCheck";
export type ClaimKind = "runRate" | "dailyAverage" | "periodTotal" | "multiple" | "shareOfTarget"
  | "share" | "sum" | "difference" | "relativeChange" | "pointChange";
export type Locale = "vi" | "en";

/** An indicator's bounds; a missing or null end is unbounded. */
export interface Bounds { min?: number | null; max?: number | null }

/** A series: dates and values side by side, with its indicator's bounds, kind and unit. */
export interface SeriesInput {
  dates: IsoDate[];
  values: Numbers;
  /** Default: unbounded. */
  bounds?: Bounds;
  /** Default: "stock". Used by choose() and analyse(). */
  kind?: MeasureKind;
  /** Default: "count". Percentages grow in points, everything else compounds. */
  unit?: Unit;
}

/** A method and its settings. Settings left out are fitted. */
export interface MethodSpec {
  method: Method;
  /** Polynomial degree, 1 to 10 (default 2). */
  degree?: number;
  /** Holt's smoothing of the level and of the trend: both or neither. */
  alpha?: number;
  beta?: number;
  /** Damped Holt's damping, 0 < phi <= 1. */
  phi?: number;
  /** Known Holt states one step before the first point (default: from the first two points). */
  initialLevel?: number;
  initialTrend?: number;
  /** Holt's step in days (default: the median gap). */
  stepDays?: number;
  /** The logistic cap K (default: fitted). */
  cap?: number;
}

export interface Term {
  symbol: string;
  /** Stable ASCII code, for translation tables: "year_to_date". */
  code: string;
  /** As written in the formula's expression: "x_ytd". */
  notation: string;
  value: number;
  unit: Unit | null;
}

/** How a result was computed. */
export interface Explanation {
  formula: string;
  expression: string;
  result: number;
  terms: Term[];
}

export interface LeastSquaresResult {
  coefficients: number[];
  standardErrors: number[];
  residualSd: number;
  rSquared: number;
  df: number;
  rss: number;
  rows: number;
  params: number;
  intercept: boolean;
}

export interface FitSummary {
  method: Method;
  spec: MethodSpec;
  params: number;
  points: number;
  sse: number;
  fitted: number[];
  explanation: Explanation;
}

export type Scale = "identity" | { log: { lo: number } } | { reflectedLog: { hi: number } }
  | { logit: { lo: number; hi: number } };

export interface Prediction { location: number; se: number; df: number; scale: Scale }

export interface ForecastPoint {
  date: IsoDate;
  point: number;
  lo: number;
  hi: number;
  prediction: Prediction;
}

export interface Target { value: number; deadline: IsoDate; comparison: Comparison }

/** A what-if: growth a month from a date, a level shock, a changed target. */
export interface Scenario {
  growth?: { from: IsoDate; rate: number } | null;
  shock?: { at: IsoDate; size: number } | null;
  target?: Target | null;
}

export interface AnalysisOptions {
  /** Today: a deadline before it has passed. */
  today: IsoDate;
  /** Confidence level of intervals (default 0.95). */
  level?: number;
}

export interface Growth { cagr: number | null; daily: number | null; pointsPerYear: number | null }

export interface TargetAnalysis {
  target: Target;
  evaluation: { date: IsoDate; value: number; factor: number };
  threshold: number;
  latestPoint: { date: IsoDate; value: number };
  latest: number;
  years: number;
  days: number;
  prediction: Prediction;
  projected: number;
  interval: [number, number];
  level: number;
  attainment: number;
  gap: number;
  required: Growth;
  projectedGrowth: Growth;
  ratio: number | null;
  reachDate: IsoDate | null;
  probability: number;
  status: TargetStatus;
  explanations: {
    projected: Explanation; attainment: Explanation; gap: Explanation; required: Explanation;
    reachDate: Explanation; probability: Explanation; status: Explanation;
  };
}

export interface Choice {
  ranked: { spec: MethodSpec; score: number | null }[];
  criterion: "oneStepError" | "rule";
  reason: {
    kind: "lowestOneStepError" | "fewPoints" | "onlyOne";
    mape: number | null; runnerUp: number | null; tests: number | null;
    n: number | null; rule: "boundedShare" | "cautiousLine" | null;
  };
  explanation: Explanation;
}

/** A stated figure: report text, a value with the precision of its last digit, or an interval. */
export interface FigureInput {
  text?: string;
  value?: number;
  precision?: number;
  /** Default: "exact". */
  qualifier?: Qualifier;
  lo?: number;
  hi?: number;
  period?: PeriodText;
}

export interface ClaimInput {
  kind: ClaimKind;
  period?: PeriodText | null;
  stated?: FigureInput | null;
  /** In the kind's order; null for an input the report does not give. */
  inputs: (FigureInput | null)[];
}

export interface Interval { lo: number; hi: number }

export interface Check {
  verdict: Verdict;
  reason: { kind: string; index: number | null } | null;
  stated: Interval | null;
  recomputed: Interval | null;
  explanation: Explanation;
}

export interface Point { date: IsoDate; value: number }

export interface Observation {
  value: number;
  period: PeriodText;
  status: Status;
  qualifier: Qualifier;
  precision: number;
}

export interface Stated { value: number; precision: number; percent: boolean }

export interface PeriodInfo { text: PeriodText; start: IsoDate; end: IsoDate; kind: string; days: number }

export type RunRate = { yearToDate: number; daysElapsed: number; daysInPeriod: number; value: number;
  explanation: Explanation };
export type DailyAverage = { total: number; period: PeriodText; days: number; value: number;
  explanation: Explanation };
export type PeriodTotal = { dailyAverage: number; period: PeriodText; days: number; value: number;
  explanation: Explanation };
export type Flow = { period: PeriodText; start: number; end: number; value: number; explanation: Explanation };
export type ShareChange = { before: number; after: number; points: number; relative: number | null;
  explanations: { points: Explanation; relative: Explanation } };
export type Change = { kind: "relative" | "points" | "multiple"; before: number; after: number; value: number;
  explanation: Explanation };
export type Cagr = { start: Point; end: Point; years: number; percentPerYear: number; pointsPerYear: number;
  explanations: { cagr: Explanation; points: Explanation } };
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Numbers")]
    pub type Numbers;
    #[wasm_bindgen(typescript_type = "SeriesInput")]
    pub type SeriesInput;
    #[wasm_bindgen(typescript_type = "MethodSpec")]
    pub type MethodSpecInput;
    #[wasm_bindgen(typescript_type = "IsoDate[]")]
    pub type IsoDates;
    #[wasm_bindgen(typescript_type = "Scenario")]
    pub type ScenarioInput;
    #[wasm_bindgen(typescript_type = "Target")]
    pub type TargetInput;
    #[wasm_bindgen(typescript_type = "AnalysisOptions")]
    pub type AnalysisOptionsInput;
    #[wasm_bindgen(typescript_type = "ClaimInput")]
    pub type ClaimInputJs;
    #[wasm_bindgen(typescript_type = "Point")]
    pub type PointInput;
    #[wasm_bindgen(typescript_type = "Observation[]")]
    pub type ObservationsInput;

    #[wasm_bindgen(typescript_type = "LeastSquaresResult")]
    pub type LeastSquaresResult;
    #[wasm_bindgen(typescript_type = "FitSummary")]
    pub type FitSummary;
    #[wasm_bindgen(typescript_type = "MethodSpec")]
    pub type MethodSpecOutput;
    #[wasm_bindgen(typescript_type = "ForecastPoint[]")]
    pub type ForecastPoints;
    #[wasm_bindgen(typescript_type = "TargetAnalysis")]
    pub type TargetAnalysisOutput;
    #[wasm_bindgen(typescript_type = "Choice")]
    pub type ChoiceOutput;
    #[wasm_bindgen(typescript_type = "Check")]
    pub type CheckOutput;
    #[wasm_bindgen(typescript_type = "Explanation")]
    pub type ExplanationOutput;
    #[wasm_bindgen(typescript_type = "RunRate")]
    pub type RunRateOutput;
    #[wasm_bindgen(typescript_type = "DailyAverage")]
    pub type DailyAverageOutput;
    #[wasm_bindgen(typescript_type = "PeriodTotal")]
    pub type PeriodTotalOutput;
    #[wasm_bindgen(typescript_type = "Flow")]
    pub type FlowOutput;
    #[wasm_bindgen(typescript_type = "Flow[]")]
    pub type FlowsOutput;
    #[wasm_bindgen(typescript_type = "ShareChange")]
    pub type ShareChangeOutput;
    #[wasm_bindgen(typescript_type = "{ beforeIfPoints: number; beforeIfRelative: number }")]
    pub type ReadingsOutput;
    #[wasm_bindgen(typescript_type = "Change")]
    pub type ChangeOutput;
    #[wasm_bindgen(typescript_type = "Cagr")]
    pub type CagrOutput;
    #[wasm_bindgen(typescript_type = "{ dates: IsoDate[]; values: number[] }")]
    pub type PointsOutput;
    #[wasm_bindgen(typescript_type = "{ date: IsoDate; value: number; factor: number }")]
    pub type EvaluationOutput;
    #[wasm_bindgen(typescript_type = "Stated")]
    pub type StatedOutput;
    #[wasm_bindgen(typescript_type = "PeriodInfo")]
    pub type PeriodOutput;
}

/// The core's error (or a conversion's) as a thrown `Error`.
fn err(e: impl core::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Converts a JavaScript value to `T` (inside the function, so that a bad
/// value is an `Error` thrown by this function).
fn from_js<T: DeserializeOwned>(v: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Converts a result to a plain JavaScript value: objects, arrays, `null`.
fn to_js<T: Serialize, R: JsCast>(v: &T) -> Result<R, JsError> {
    let s = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    Ok(v.serialize(&s).map_err(err)?.unchecked_into())
}

/// Numbers from `number[] | Float64Array`.
fn numbers(v: JsValue, what: &str) -> Result<Vec<f64>, JsError> {
    if let Some(a) = v.dyn_ref::<js_sys::Float64Array>() {
        return Ok(a.to_vec());
    }
    from_js(v, what)
}

fn date(text: &str) -> Result<Date, JsError> {
    Date::parse_iso(text).map_err(err)
}

fn period(text: &str) -> Result<Period, JsError> {
    Period::parse(text).map_err(err)
}

fn optional<T: DeserializeOwned>(v: Option<JsValue>, what: &str) -> Result<Option<T>, JsError> {
    match v {
        Some(v) if !v.is_null() && !v.is_undefined() => from_js(v, what).map(Some),
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------- least squares

/// Linear least squares `y ≈ X β` for a design `x` given row by row (`y.length`
/// rows of `cols` values); `intercept` when one column is constant (R² is
/// then centred on the mean of `y`).
#[wasm_bindgen(js_name = "leastSquares")]
pub fn least_squares(
    x: Numbers,
    cols: usize,
    y: Numbers,
    intercept: bool,
) -> Result<LeastSquaresResult, JsError> {
    let x = numbers(x.into(), "x")?;
    let y = numbers(y.into(), "y")?;
    let fit = LeastSquares::fit(&x, cols, &y, intercept).map_err(err)?;
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Out<'a> {
        coefficients: &'a [f64],
        standard_errors: &'a [f64],
        residual_sd: f64,
        r_squared: f64,
        df: usize,
        rss: f64,
        rows: usize,
        params: usize,
        intercept: bool,
    }
    to_js(&Out {
        coefficients: fit.coefficients(),
        standard_errors: fit.standard_errors(),
        residual_sd: fit.residual_sd(),
        r_squared: fit.r_squared(),
        df: fit.df(),
        rss: fit.rss(),
        rows: fit.rows(),
        params: fit.params(),
        intercept: fit.has_intercept(),
    })
}

// ---------------------------------------------------------------- methods

/// A projection method with its settings, not yet fitted.
///
/// ```js
/// const fit = new Model({ method: "holt", alpha: 0.5, beta: 0.3 }).fit(series);
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone, Copy)]
pub struct Model {
    model: CoreModel,
}

#[wasm_bindgen]
impl Model {
    /// A method from its settings; settings left out are fitted.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: MethodSpecInput) -> Result<Model, JsError> {
        let spec: MethodSpec = from_js(spec.into(), "spec")?;
        Ok(Model {
            model: spec.model().map_err(err)?,
        })
    }

    /// The method's name.
    #[wasm_bindgen(getter)]
    pub fn method(&self) -> Result<String, JsError> {
        let v: JsValue = to_js(&self.model.method())?;
        Ok(v.as_string().unwrap_or_default())
    }

    /// The settings.
    #[wasm_bindgen(getter)]
    pub fn spec(&self) -> Result<MethodSpecOutput, JsError> {
        to_js(&MethodSpec::of(&self.model))
    }

    /// Fits the method to `series`.
    pub fn fit(&self, series: SeriesInput) -> Result<FittedModel, JsError> {
        let s: SeriesIn = from_js(series.into(), "series")?;
        let points = s.points().map_err(err)?;
        let fitted = FittedModel {
            model: self.model,
            points,
            bounds: s.bounds,
            kind: s.kind,
            unit: s.unit,
        };
        // Fit once now, so that an unfit series fails here.
        fitted.with_fit(|_| Ok(()))?;
        Ok(fitted)
    }
}

/// A method fitted to a series. It keeps the series and fits again for each
/// call (fits are deterministic and take microseconds to milliseconds).
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct FittedModel {
    model: CoreModel,
    points: Vec<Point>,
    bounds: Bounds,
    kind: MeasureKind,
    unit: Unit,
}

impl FittedModel {
    fn with_fit<R>(&self, f: impl FnOnce(&Fit<'_>) -> Result<R, JsError>) -> Result<R, JsError> {
        let s = Series::new(&self.points, self.bounds).map_err(err)?;
        let fit = self.model.fit(&s).map_err(err)?;
        f(&fit)
    }

    /// `f` with the fit, or a what-if over it.
    fn with_predictor<R>(
        &self,
        scenario: Option<CoreScenario>,
        f: impl FnOnce(&dyn Predictor) -> Result<R, JsError>,
    ) -> Result<R, JsError> {
        self.with_fit(|fit| match scenario {
            Some(sc) => {
                let w = WhatIf::new(fit, sc, self.unit, self.bounds).map_err(err)?;
                f(&w)
            }
            None => f(fit),
        })
    }
}

#[wasm_bindgen]
impl FittedModel {
    /// The method, its settings as fitted, parameters taken from the data,
    /// sum of squared errors, in-sample fitted values and the formula with the
    /// fitted parameters.
    pub fn summary(&self) -> Result<FitSummary, JsError> {
        self.with_fit(|fit| {
            let mut fitted = vec![0.0; self.points.len()];
            fit.fitted_into(&mut fitted).map_err(err)?;
            to_js(&FitOut {
                method: fit.method(),
                spec: MethodSpec::of(&self.model),
                params: fit.params(),
                points: self.points.len(),
                sse: fit.sse(),
                fitted,
                explanation: ExplanationOut::from(&fit.explain().map_err(err)?),
            })
        })
    }

    /// The in-sample fitted values (one-step forecasts for Holt).
    pub fn fitted(&self) -> Result<Vec<f64>, JsError> {
        self.with_fit(|fit| {
            let mut out = vec![0.0; self.points.len()];
            fit.fitted_into(&mut out).map_err(err)?;
            Ok(out)
        })
    }

    /// Predictions with intervals at confidence `level` at each of `dates`,
    /// under an optional what-if `scenario`. Intervals respect the series'
    /// bounds.
    pub fn forecast(
        &self,
        dates: IsoDates,
        level: f64,
        scenario: Option<ScenarioInput>,
    ) -> Result<ForecastPoints, JsError> {
        let dates: Vec<Date> = from_js(dates.into(), "dates")?;
        let scenario: Option<CoreScenario> = optional(scenario.map(JsValue::from), "scenario")?;
        let mut out = vec![ForecastPoint::default(); dates.len()];
        self.with_predictor(scenario, |p| {
            forecast_into(p, Horizon::Dates(&dates), level, self.bounds, &mut out).map_err(err)
        })?;
        to_js(&out)
    }

    /// Analyses `target`: the projection at the deadline with its interval,
    /// attainment, gap, required growth, reach date, probability, status, and
    /// how each was computed. A scenario's changed target replaces `target`.
    pub fn analyse(
        &self,
        target: TargetInput,
        options: AnalysisOptionsInput,
        scenario: Option<ScenarioInput>,
    ) -> Result<TargetAnalysisOutput, JsError> {
        #[derive(Deserialize)]
        struct Options {
            today: Date,
            level: Option<f64>,
        }
        let target: CoreTarget = from_js(target.into(), "target")?;
        let o: Options = from_js(options.into(), "options")?;
        let scenario: Option<CoreScenario> = optional(scenario.map(JsValue::from), "scenario")?;
        let target = scenario.map_or(target, |s| s.target_or(target));
        let ctx = Context {
            kind: self.kind,
            unit: self.unit,
            bounds: self.bounds,
            today: o.today,
            level: o.level.unwrap_or(0.95),
        };
        let a = self.with_predictor(scenario, |p| core_analyse(p, &target, &ctx).map_err(err))?;
        to_js(&AnalysisOut::new(a, self.unit, self.bounds).map_err(err)?)
    }
}

/// Ranks the methods that apply to `series` (its kind and unit matter),
/// best first, with the reason.
#[wasm_bindgen]
pub fn choose(series: SeriesInput) -> Result<ChoiceOutput, JsError> {
    let s: SeriesIn = from_js(series.into(), "series")?;
    let points = s.points().map_err(err)?;
    let series = Series::new(&points, s.bounds).map_err(err)?;
    let c = core_choose(&series, s.kind, s.unit).map_err(err)?;
    to_js(&ChoiceOut::new(&c).map_err(err)?)
}

/// The projectable series of an indicator's observations: totals become
/// daily rates at their period's middle, targets are dropped, one point per
/// date (list older reports first).
#[wasm_bindgen(js_name = "pointsFromObservations")]
pub fn points_from_observations(
    #[wasm_bindgen(unchecked_param_type = "MeasureKind")] kind: String,
    observations: ObservationsInput,
) -> Result<PointsOutput, JsError> {
    let kind: MeasureKind = from_js(JsValue::from_str(&kind), "kind")?;
    let obs: Vec<Observation> = from_js(observations.into(), "observations")?;
    let mut out = vec![Point::new(Date::EPOCH, 0.0); MAX_POINTS];
    let n = points_into(kind, &obs, &mut out).map_err(err)?;
    #[derive(Serialize)]
    struct Out {
        dates: Vec<Date>,
        values: Vec<f64>,
    }
    let points = out.get(..n).unwrap_or(&[]);
    to_js(&Out {
        dates: points.iter().map(|p| p.date).collect(),
        values: points.iter().map(|p| p.value).collect(),
    })
}

/// Where, and at what value, a projection of an indicator of `kind` meets
/// `target` (totals are projected as daily rates).
#[wasm_bindgen]
pub fn evaluation(
    #[wasm_bindgen(unchecked_param_type = "MeasureKind")] kind: String,
    target: TargetInput,
) -> Result<EvaluationOutput, JsError> {
    let kind: MeasureKind = from_js(JsValue::from_str(&kind), "kind")?;
    let target: CoreTarget = from_js(target.into(), "target")?;
    to_js(&core_evaluation(kind, &target))
}

// ---------------------------------------------------------------- claims

/// Checks a derived figure against what it was derived from, with interval
/// arithmetic over the intervals the stated figures admit.
#[wasm_bindgen(js_name = "checkClaim")]
pub fn check_claim(claim: ClaimInputJs) -> Result<CheckOutput, JsError> {
    let c: ClaimIn = from_js(claim.into(), "claim")?;
    let check = c.claim().map_err(err)?.check().map_err(err)?;
    to_js(&CheckOut::from(&check))
}

// ---------------------------------------------------------------- conversions

fn explained<T: Serialize, R: JsCast>(
    value: T,
    e: dxcast_core::Result<dxcast_core::Explanation>,
) -> Result<R, JsError> {
    to_js(&Explained {
        value,
        explanation: ExplanationOut::from(&e.map_err(err)?),
    })
}

/// A year-to-date total as of `asOf` extended to its whole calendar year.
#[wasm_bindgen(js_name = "runRate")]
pub fn run_rate(
    #[wasm_bindgen(js_name = "yearToDate")] year_to_date: f64,
    #[wasm_bindgen(js_name = "asOf", unchecked_param_type = "IsoDate")] as_of: &str,
) -> Result<RunRateOutput, JsError> {
    let r = convert::run_rate(year_to_date, date(as_of)?).map_err(err)?;
    explained(r, r.explain())
}

/// A total over `elapsed` extended to `whole`, which starts with it.
#[wasm_bindgen]
pub fn extrapolate(
    total: f64,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] elapsed: &str,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] whole: &str,
) -> Result<RunRateOutput, JsError> {
    let r = convert::extrapolate(total, period(elapsed)?, period(whole)?).map_err(err)?;
    explained(r, r.explain())
}

/// A period's total per day.
#[wasm_bindgen(js_name = "dailyAverage")]
pub fn daily_average(
    total: f64,
    #[wasm_bindgen(js_name = "period", unchecked_param_type = "PeriodText")] period_text: &str,
) -> Result<DailyAverageOutput, JsError> {
    let r = convert::daily_average(total, period(period_text)?).map_err(err)?;
    explained(r, r.explain())
}

/// A daily average times a period's days.
#[wasm_bindgen(js_name = "periodTotal")]
pub fn period_total(
    average: f64,
    #[wasm_bindgen(js_name = "period", unchecked_param_type = "PeriodText")] period_text: &str,
) -> Result<PeriodTotalOutput, JsError> {
    let r = convert::period_total(average, period(period_text)?).map_err(err)?;
    explained(r, r.explain())
}

/// The flow between two readings of a running total.
#[wasm_bindgen(js_name = "flowBetween")]
pub fn flow_between(earlier: PointInput, later: PointInput) -> Result<FlowOutput, JsError> {
    let a: Point = from_js(earlier.into(), "earlier")?;
    let b: Point = from_js(later.into(), "later")?;
    let f = convert::flow_between(a, b).map_err(err)?;
    explained(f, f.explain())
}

/// The flows between consecutive readings of a running total.
#[wasm_bindgen]
pub fn flows(dates: IsoDates, values: Numbers) -> Result<FlowsOutput, JsError> {
    let s = SeriesIn {
        dates: from_js(dates.into(), "dates")?,
        values: numbers(values.into(), "values")?,
        bounds: Bounds::NONE,
        kind: MeasureKind::Cumulative,
        unit: Unit::Count,
    };
    let points = s.points().map_err(err)?;
    let first = points
        .first()
        .copied()
        .unwrap_or(Point::new(Date::EPOCH, 0.0));
    let blank = convert::Flow {
        period: Period::day(first.date),
        start: 0.0,
        end: 0.0,
        value: 0.0,
    };
    let mut out = vec![blank; points.len().saturating_sub(1)];
    let n = convert::flows_into(&points, &mut out).map_err(err)?;
    let list = out
        .iter()
        .take(n)
        .map(|f| {
            Ok(Explained {
                value: *f,
                explanation: ExplanationOut::from(&f.explain().map_err(err)?),
            })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
    to_js(&list)
}

/// The change from share `before` to share `after`, in points and relative.
#[wasm_bindgen(js_name = "shareChange")]
pub fn share_change(before: f64, after: f64) -> Result<ShareChangeOutput, JsError> {
    let c = convert::share_change(before, after).map_err(err)?;
    #[derive(Serialize)]
    struct Both {
        points: ExplanationOut,
        relative: ExplanationOut,
    }
    #[derive(Serialize)]
    struct Out {
        #[serde(flatten)]
        value: convert::ShareChange,
        explanations: Both,
    }
    to_js(&Out {
        value: c,
        explanations: Both {
            points: ExplanationOut::from(&c.explain_points().map_err(err)?),
            relative: ExplanationOut::from(&c.explain_relative().map_err(err)?),
        },
    })
}

/// The earlier share implied by share `after` and a stated change, read as
/// points and as relative.
#[wasm_bindgen(js_name = "readingsOfChange")]
pub fn readings_of_change(after: f64, change: f64) -> Result<ReadingsOutput, JsError> {
    to_js(&convert::readings_of_change(after, change).map_err(err)?)
}

fn change_kind(kind: &str) -> Result<ChangeKind, JsError> {
    from_js(JsValue::from_str(kind), "kind")
}

/// A change from `before` to `after`: `"relative"` (percent), `"points"`
/// or `"multiple"`.
#[wasm_bindgen]
pub fn change(
    #[wasm_bindgen(unchecked_param_type = "\"relative\" | \"points\" | \"multiple\"")] kind: &str,
    before: f64,
    after: f64,
) -> Result<ChangeOutput, JsError> {
    let c = growth::change(change_kind(kind)?, before, after).map_err(err)?;
    explained(c, c.explain())
}

/// A change between two periods that are consecutive (`rule`
/// `"periodOverPeriod"`) or a year apart (`"yearOnYear"`).
#[wasm_bindgen(js_name = "changeBetween")]
pub fn change_between(
    #[wasm_bindgen(unchecked_param_type = "\"relative\" | \"points\" | \"multiple\"")] kind: &str,
    #[wasm_bindgen(unchecked_param_type = "\"periodOverPeriod\" | \"yearOnYear\"")] rule: &str,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] earlier: &str,
    before: f64,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] later: &str,
    after: f64,
) -> Result<ChangeOutput, JsError> {
    let kind = change_kind(kind)?;
    let (a, b) = (period(earlier)?, period(later)?);
    let c = match rule {
        "periodOverPeriod" => growth::period_over_period(a, before, b, after, kind),
        "yearOnYear" => growth::year_on_year(a, before, b, after, kind),
        _ => {
            return Err(JsError::new(
                "rule: expected periodOverPeriod or yearOnYear",
            ))
        }
    }
    .map_err(err)?;
    explained(c, c.explain())
}

/// Compound annual growth between two dated values.
#[wasm_bindgen]
pub fn cagr(start: PointInput, end: PointInput) -> Result<CagrOutput, JsError> {
    let a: Point = from_js(start.into(), "start")?;
    let b: Point = from_js(end.into(), "end")?;
    let c = growth::cagr(a, b).map_err(err)?;
    #[derive(Serialize)]
    struct Both {
        cagr: ExplanationOut,
        points: ExplanationOut,
    }
    #[derive(Serialize)]
    struct Out {
        #[serde(flatten)]
        value: growth::Cagr,
        explanations: Both,
    }
    to_js(&Out {
        value: c,
        explanations: Both {
            cagr: ExplanationOut::from(&c.explain().map_err(err)?),
            points: ExplanationOut::from(&c.explain_points().map_err(err)?),
        },
    })
}

// ---------------------------------------------------------------- numbers, dates

/// Reads a figure written the Vietnamese way: "58.397.139", "1,6 triệu",
/// "2,75 nghìn tỷ", "97,3%".
#[wasm_bindgen(js_name = "parseVi")]
pub fn parse_vi(text: &str) -> Result<StatedOutput, JsError> {
    to_js(&core_parse_vi(text).map_err(err)?)
}

fn locale(text: &str) -> Result<Locale, JsError> {
    from_js(JsValue::from_str(text), "locale")
}

/// `value` with grouped digits and `decimals` decimals: "58.397.139,5" in
/// `"vi"`, "58,397,139.5" in `"en"`.
#[wasm_bindgen(js_name = "formatGrouped")]
pub fn format_grouped(
    value: f64,
    decimals: usize,
    #[wasm_bindgen(js_name = "locale", unchecked_param_type = "Locale")] locale_code: &str,
) -> Result<String, JsError> {
    Ok(Grouped::new(value, decimals, locale(locale_code)?).to_string())
}

/// `value` compactly in its unit: "860 triệu", "97,3 %", "1,28 billion".
#[wasm_bindgen(js_name = "formatCompact")]
pub fn format_compact(
    value: f64,
    #[wasm_bindgen(unchecked_param_type = "Unit")] unit: &str,
    #[wasm_bindgen(js_name = "locale", unchecked_param_type = "Locale")] locale_code: &str,
) -> Result<String, JsError> {
    let unit: Unit = from_js(JsValue::from_str(unit), "unit")?;
    Ok(Compact::new(value, unit, locale(locale_code)?).to_string())
}

/// A period's start, end, kind and days.
#[wasm_bindgen(js_name = "parsePeriod")]
pub fn parse_period(
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] text: &str,
) -> Result<PeriodOutput, JsError> {
    to_js(&PeriodOut::from(period(text)?))
}

/// A date as ISO `YYYY-MM-DD`, from ISO or the Vietnamese `D/M/YYYY`.
#[wasm_bindgen(js_name = "parseDate")]
pub fn parse_date(text: &str) -> Result<String, JsError> {
    let d = if text.contains('/') {
        Date::parse_dmy(text)
    } else {
        Date::parse_iso(text)
    }
    .map_err(err)?;
    Ok(d.to_string())
}
