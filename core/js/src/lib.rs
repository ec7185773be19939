//! # dxcast-js
//!
//! dxcast's core for JavaScript and TypeScript: a thin wasm-bindgen layer
//! that checks what JavaScript passes ([`input`]), converts it to the
//! core's types, calls the core and converts the result back ([`types`]).
//! The core knows nothing of JavaScript; this crate adds no rules of its
//! own (method settings, for one, are read by the core's
//! `ModelSpec::set` and checked by `ModelSpec::model`).
//!
//! - A [`FittedModel`] keeps the core's `Fitted` model and a copy of the
//!   points: no call after `fit` fits again.
//! - Every parameter is checked before the core sees it; a wrong type is a
//!   `TypeError`, a length or count out of range a `RangeError`, and the
//!   core's errors are `Error`s, each with `kind`, `field` and `index`
//!   ([`error`]).
//! - Every number in a result is finite; an unknown quantity is `null`, and
//!   its explanation says why.
//! - The TypeScript declarations are generated from the Rust types.
//!
//! `core/js/README.md` is the package's reference. Build it with `cargo
//! xtask embed` (or by hand: `cargo build -p dxcast-js --target
//! wasm32-unknown-unknown --release`, then `wasm-bindgen --target nodejs`
//! or `--target web`): the package, with its `.d.ts`, lands in
//! `target/js-pkg/`.

pub mod error;
pub mod input;
pub mod types;

use dx::{Field, Series};
use dxcast_core as dx;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use error::{Class, Fail, Named, Names};
use input::{absent, max_dates};
use types::{
    explained, AnalysisOptions, Cagr, CagrExplanations, Change, ChangeKind, ChangeRule, Check,
    Choice, ClaimInput, DailyAverage, Explanation, FigureInput, Finite, FitSummary, Flow,
    LeastSquaresResult, Locale, MeasureKind, MethodSpec, Observation, PeriodInfo, PeriodTotal,
    Point, Readings, RunRate, Scenario, SeriesInput, SeriesPoints, ShareChange,
    ShareChangeExplanations, Stated, Subject, Target, TargetAnalysis, Text, Unit,
};

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPE: &'static str = r#"
/** Every error the package throws: an `Error`, `TypeError` or `RangeError` with these fields. */
export type DxcastError = Error & DxcastErrorFields;
"#;

/// Serialises a result to a plain JavaScript value (objects, arrays,
/// `null` for none). The core gives only finite numbers; one that is not
/// would be an `OVERFLOW` error rather than a `NaN` or an infinity.
fn to_value<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, Fail> {
    let s = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    v.serialize(&s).map_err(|e| {
        let message = e.to_string();
        if message.ends_with(types::NOT_FINITE) {
            Fail::not_representable("result")
        } else {
            Fail::new(
                Class::Error,
                dx::ErrorKind::InvalidType,
                "result",
                format!("the result could not be converted: {message}"),
            )
        }
    })
}

/// [`to_value`] typed.
fn to_js<T: Serialize + Tsify>(v: &T) -> Result<Ts<T>, Fail> {
    to_value(v).map(Ts::new_unchecked)
}

/// The names of a series' fields in the package.
const SERIES: Names<'static> = &[
    (Field::Value, "values"),
    (Field::Date, "dates"),
    (Field::Points, "values"),
];

/// A series as JavaScript gives it: its points and subject.
fn series_in(v: &JsValue) -> Result<(Vec<dx::Point>, dx::Subject), Fail> {
    let s: SeriesInput = input::decode(v, "series")?;
    let dates = input::dates(&s.dates, "dates")?;
    let values = input::numbers(&s.values, "values", max_dates())?;
    if dates.len() != values.len() {
        return Err(Fail::new(
            Class::Range,
            dx::ErrorKind::InvalidArgument,
            "values",
            format!(
                "values: expected as many values as dates ({}), got {}",
                dates.len(),
                values.len()
            ),
        ));
    }
    let kind: dx::MeasureKind = s.kind.unwrap_or(MeasureKind::Stock).into();
    let unit: dx::Unit = s.unit.unwrap_or(Unit::Count).into();
    let bounds = s
        .bounds
        .map_or_else(|| dx::Bounds::for_kind(kind), Into::into);
    let subject = dx::Subject::new(kind, unit, bounds)?;
    let points = dates
        .into_iter()
        .zip(values)
        .map(|(d, v)| dx::Point::new(d, v))
        .collect();
    Ok((points, subject))
}

/// A method's settings from a JavaScript object, through the core's
/// `ModelSpec::set`, which reads and checks each key.
fn spec_in(v: &JsValue) -> Result<dx::ModelSpec, Fail> {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return Err(Fail::wrong_type(
            "spec",
            "an object such as { method: \"linear\" }",
        ));
    }
    let get = |key: &str| js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap_or_default();
    let method = get("method");
    if absent(&method) {
        return Err(Fail::wrong_type(
            "method",
            "a method name such as \"linear\"",
        ));
    }
    let method: types::Method = input::decode(&method, "method")?;
    let mut spec = dx::ModelSpec::new(method.into());
    let keys = js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>());
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if key == "method" {
            continue;
        }
        let value = get(&key);
        if absent(&value) {
            continue;
        }
        let Some(x) = value.as_f64() else {
            return Err(Fail::wrong_type(key.clone(), "a number"));
        };
        spec.set(&key, x).map_err(|e| {
            if e.field() == Some(Field::Key) {
                // The core names the key for an unknown one: say which.
                let expected = e.expected().map_or("", dx::Expected::text);
                Fail::new(
                    Class::Error,
                    e.kind(),
                    key.clone(),
                    format!("{key}: not a setting: expected {expected}"),
                )
            } else {
                Fail::from(e)
            }
        })?;
    }
    Ok(spec)
}

/// A target from JavaScript.
fn target_in(t: &Target) -> Result<dx::Target, Fail> {
    let deadline = input::date(&t.deadline.0, "deadline")?;
    dx::Target::new(t.value, deadline, t.comparison.into()).named(&[(Field::Target, "value")])
}

/// A growth override from JavaScript: a year's rate unless `per` says a month.
fn growth_in(g: &types::GrowthOverride) -> Result<dx::scenario::GrowthOverride, Fail> {
    Ok(dx::scenario::GrowthOverride {
        from: input::date(&g.from.0, "from")?,
        rate: g.rate,
        per: g.per.map_or(dx::scenario::Per::Year, Into::into),
    })
}

/// A scenario from JavaScript.
fn scenario_in(s: &Scenario) -> Result<dx::scenario::Scenario, Fail> {
    let growth = s.growth.as_ref().map(growth_in).transpose()?;
    let shock = s
        .shock
        .as_ref()
        .map(|k| -> Result<_, Fail> {
            Ok(dx::scenario::Shock {
                at: input::date(&k.at.0, "at")?,
                size: k.size,
            })
        })
        .transpose()?;
    let target = s.target.as_ref().map(target_in).transpose()?;
    Ok(dx::scenario::Scenario {
        growth,
        shock,
        target,
    })
}

/// The names of a scenario's fields in the package.
const SCENARIO: Names<'static> = &[
    (Field::GrowthRate, "rate"),
    (Field::Shock, "size"),
    (Field::Target, "value"),
];

/// A confidence level, 0.95 when left out.
fn level_in(v: &JsValue) -> Result<f64, Fail> {
    if absent(v) {
        Ok(0.95)
    } else {
        input::number(v, "level")
    }
}

// ---------------------------------------------------------------- least squares

/// Linear least squares `y ≈ X β` for a design `x` given row by row
/// (`y.length` rows of `cols` values); `intercept` when one column is
/// constant (R² is then centred on the mean of `y`).
#[wasm_bindgen(js_name = "leastSquares")]
pub fn least_squares(
    #[wasm_bindgen(unchecked_param_type = "Numbers")] x: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] cols: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] y: JsValue,
    #[wasm_bindgen(unchecked_param_type = "boolean")] intercept: JsValue,
) -> Result<Ts<LeastSquaresResult>, Fail> {
    // Any number of rows: the arrays are only bounded by memory.
    let x = input::numbers(&x, "x", usize::MAX)?;
    let cols = input::count(&cols, "cols", u32::MAX as usize)?;
    let y = input::numbers(&y, "y", usize::MAX)?;
    let intercept = input::boolean(&intercept, "intercept")?;
    let fit = dx::lstsq::LeastSquares::fit(&x, cols, &y, intercept).named(&[
        (Field::Columns, "cols"),
        (Field::X, "x"),
        (Field::Design, "x"),
        (Field::Response, "y"),
        (Field::Rows, "y"),
        (Field::Series, "y"),
    ])?;
    let finite = |v: &[f64]| v.iter().copied().map(Finite).collect::<Vec<_>>();
    to_js(&LeastSquaresResult {
        coefficients: finite(fit.coefficients()),
        standard_errors: fit.standard_errors().map(finite),
        residual_sd: fit.residual_sd().map(Finite),
        r_squared: Finite(fit.r_squared()),
        df: fit.df(),
        rss: Finite(fit.rss()),
        rows: fit.rows(),
        params: fit.params(),
        intercept: fit.has_intercept(),
    })
}

// ---------------------------------------------------------------- methods

/// A projection method with its settings, not yet fitted.
///
/// ```js
/// const fitted = new Model({ method: "holt", alpha: 0.5, beta: 0.3 }).fit(series);
/// ```
#[wasm_bindgen]
#[derive(Debug, Clone, Copy)]
pub struct Model {
    model: dx::Model,
}

#[wasm_bindgen]
impl Model {
    /// A method from its settings; settings left out are fitted.
    #[wasm_bindgen(constructor)]
    pub fn new(spec: Ts<MethodSpec>) -> Result<Model, Fail> {
        let spec = spec_in(&spec.js_value())?;
        Ok(Model {
            model: spec.model()?,
        })
    }

    /// The method.
    #[wasm_bindgen(getter, unchecked_return_type = "Method")]
    pub fn method(&self) -> Result<JsValue, Fail> {
        to_value(&types::Method::try_from(self.model.method())?)
    }

    /// The settings.
    #[wasm_bindgen(getter)]
    pub fn spec(&self) -> Result<Ts<MethodSpec>, Fail> {
        to_js(&MethodSpec::try_from(self.model.spec())?)
    }

    /// Fits the method to `series`, once: the fitted model keeps what it
    /// needs.
    pub fn fit(&self, series: Ts<SeriesInput>) -> Result<FittedModel, Fail> {
        let (points, subject) = series_in(&series.js_value())?;
        let s = Series::new(&points, subject).named(SERIES)?;
        let fitted = self.model.fit(&s).named(SERIES)?;
        Ok(FittedModel { fitted, points })
    }
}

/// A method fitted to a series. It keeps the core's fitted model (the
/// parameters and final state) and a copy of the points, for in-sample
/// values and for judging a deadline inside the data: no call fits again.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct FittedModel {
    fitted: dx::Fitted,
    points: Vec<dx::Point>,
}

impl FittedModel {
    /// The series the model was fitted to.
    fn series(&self) -> Result<Series<'_>, Fail> {
        Series::new(&self.points, self.fitted.subject()).named(SERIES)
    }

    /// The in-sample fitted values.
    fn in_sample(&self) -> Result<Vec<f64>, Fail> {
        let mut out = vec![0.0; self.points.len()];
        self.fitted.fitted_into(&self.series()?, &mut out)?;
        Ok(out)
    }
}

#[wasm_bindgen]
impl FittedModel {
    /// The method.
    #[wasm_bindgen(getter, unchecked_return_type = "Method")]
    pub fn method(&self) -> Result<JsValue, Fail> {
        to_value(&types::Method::try_from(self.fitted.method())?)
    }

    /// The settings as configured (settings that were fitted are left out).
    #[wasm_bindgen(getter)]
    pub fn spec(&self) -> Result<Ts<MethodSpec>, Fail> {
        to_js(&MethodSpec::try_from(self.fitted.spec())?)
    }

    /// What the series measures: kind, unit and bounds.
    #[wasm_bindgen(getter)]
    pub fn subject(&self) -> Result<Ts<Subject>, Fail> {
        to_js(&Subject::try_from(self.fitted.subject())?)
    }

    /// The method, its settings, the points, parameters and degrees of
    /// freedom, the sum of squared errors and residual SD (`null` for an
    /// exact fit), the in-sample fitted values and the formula with the
    /// fitted parameters.
    pub fn summary(&self) -> Result<Ts<FitSummary>, Fail> {
        let s = self.fitted.summary();
        to_js(&FitSummary {
            method: s.method.try_into()?,
            spec: self.fitted.spec().try_into()?,
            subject: self.fitted.subject().try_into()?,
            points: s.points,
            params: s.params,
            df: s.df,
            sse: Finite(s.sse),
            residual_sd: s.residual_sd.map(Finite),
            fitted: self.in_sample()?.into_iter().map(Finite).collect(),
            explanation: explained(self.fitted.explain())?,
        })
    }

    /// The in-sample fitted values (one-step forecasts for Holt, whose
    /// first two repeat the observations).
    pub fn fitted(&self) -> Result<Vec<f64>, Fail> {
        self.in_sample()
    }

    /// The formula with the fitted parameters.
    pub fn explain(&self) -> Result<Ts<Explanation>, Fail> {
        to_js(&explained(self.fitted.explain())?)
    }

    /// Predictions with intervals at confidence `level` (default 0.95) at
    /// each of `dates`, under an optional what-if `scenario`. Intervals
    /// respect the series' bounds; an unbounded end is `null`.
    #[wasm_bindgen(unchecked_return_type = "ForecastPoint[]")]
    pub fn forecast(
        &self,
        #[wasm_bindgen(unchecked_param_type = "IsoDate[]")] dates: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "number | null")] level: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Scenario | null")] scenario: JsValue,
    ) -> Result<JsValue, Fail> {
        let dates = input::dates(&dates, "dates")?;
        let level = level_in(&level)?;
        let scenario = input::optional::<Scenario>(&scenario, "scenario")?
            .as_ref()
            .map(scenario_in)
            .transpose()?;
        let mut out = vec![dx::ForecastPoint::default(); dates.len()];
        let horizon = dx::Horizon::Dates(&dates);
        let names: Names<'_> = &[
            (Field::Projection, "dates"),
            (Field::Horizon, "dates"),
            (Field::Date, "dates"),
        ];
        match scenario {
            Some(s) => self
                .fitted
                .with_scenario(s)
                .named(SCENARIO)?
                .forecast_into(horizon, level, &mut out),
            None => self.fitted.forecast_into(horizon, level, &mut out),
        }
        .named(names)?;
        let list: Vec<types::ForecastPoint> = out.iter().map(Into::into).collect();
        to_value(&list)
    }

    /// Analyses `target` at `options.today`: the projection at the deadline
    /// with its interval, attainment, gap, growth required, reach date,
    /// probability, status, and how each was computed. A scenario's own
    /// target replaces `target`. A deadline inside the data is judged by the
    /// last observation on or before it.
    pub fn analyse(
        &self,
        target: Ts<Target>,
        options: Ts<AnalysisOptions>,
        scenario: Option<Ts<Scenario>>,
    ) -> Result<Ts<TargetAnalysis>, Fail> {
        let target = target_in(&input::decode::<Target>(&target.js_value(), "target")?)?;
        let o: AnalysisOptions = input::decode(&options.js_value(), "options")?;
        let today = input::date(&o.today.0, "today")?;
        let level = o.level.unwrap_or(0.95);
        let scenario = scenario
            .map(|s| input::optional::<Scenario>(&s.js_value(), "scenario"))
            .transpose()?
            .flatten()
            .as_ref()
            .map(scenario_in)
            .transpose()?;
        let deadline = scenario.map_or(target, |s| s.target_or(target)).deadline;
        // The figures given judge the target; without them, the points
        // around the deadline judge a level's target. A total's would need
        // the observed totals of the target's period, which a series of
        // daily rates does not hold (`quantityEvidence` finds them).
        let levels =
            dx::basis::Basis::for_kind(self.fitted.subject().kind) == dx::basis::Basis::Level;
        let evidence = match &o.evidence {
            Some(e) => evidence_in(e)?,
            None if levels => dx::Evidence::of_levels(&self.points, deadline),
            None => dx::Evidence::default(),
        };
        let settings = dx::Settings {
            today,
            level,
            evidence,
        };
        let a = match scenario {
            Some(s) => self
                .fitted
                .with_scenario(s)
                .named(SCENARIO)?
                .analyse(&target, &settings),
            None => self.fitted.analyse(&target, &settings),
        }
        .named(&[
            (Field::Target, "value"),
            (Field::Projection, "deadline"),
            (Field::Date, "deadline"),
        ])?;
        to_js(&TargetAnalysis::try_from(&a)?)
    }
}

/// A `NOT_FINITE` error about `field`, as the core gives it.
fn not_finite(field: &'static str, message: String) -> Fail {
    Fail::new(Class::Error, dx::ErrorKind::NotFinite, field, message)
}

/// Evidence from JavaScript: each point finite and dated.
fn evidence_in(e: &types::Evidence) -> Result<dx::Evidence, Fail> {
    let point = |p: &Option<Point>, field: &'static str| -> Result<Option<dx::Point>, Fail> {
        p.as_ref()
            .map(|p| {
                if !p.value.is_finite() {
                    let message = format!("evidence.{field}.value is {}", types::NOT_FINITE);
                    return Err(not_finite("value", message));
                }
                Ok(dx::Point::new(input::date(&p.date.0, field)?, p.value))
            })
            .transpose()
    };
    Ok(dx::Evidence {
        after: point(&e.after, "after")?,
        before: point(&e.before, "before")?,
    })
}

/// Ranks the methods that apply to `series` (its kind and unit matter),
/// best first, with the reason.
#[wasm_bindgen]
pub fn choose(series: Ts<SeriesInput>) -> Result<Ts<Choice>, Fail> {
    let (points, subject) = series_in(&series.js_value())?;
    let s = Series::new(&points, subject).named(SERIES)?;
    let c = dx::choice::choose(&s).named(SERIES)?;
    to_js(&Choice::try_from(&c)?)
}

/// A code of an enum, passed as a string.
fn code<T: serde::de::DeserializeOwned>(v: &JsValue, field: &'static str) -> Result<T, Fail> {
    let t = input::text(v, field)?;
    input::decode(&JsValue::from_str(&t), field)
}

/// The projectable series of an indicator's observations: totals become
/// daily rates at their period's middle, targets are dropped, one point per
/// date (list older reports first).
#[wasm_bindgen(js_name = "pointsFromObservations")]
pub fn points_from_observations(
    #[wasm_bindgen(unchecked_param_type = "MeasureKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Observation[]")] observations: JsValue,
) -> Result<Ts<SeriesPoints>, Fail> {
    let kind: MeasureKind = code(&kind, "kind")?;
    let list = input::array(&observations, "observations", max_dates())?;
    let mut obs = Vec::with_capacity(list.length() as usize);
    for (i, o) in list.iter().enumerate() {
        let o: Observation = input::decode(&o, "observations").map_err(|e| e.at(i))?;
        let period = input::period(&o.period.0, "period").map_err(|e| e.at(i))?;
        obs.push(dx::Observation {
            value: o.value,
            period,
            status: o.status.into(),
            qualifier: o.qualifier.map_or(dx::Qualifier::Exact, Into::into),
            precision: o.precision.unwrap_or(0.0),
        });
    }
    let mut out = vec![dx::Point::new(dx::Date::EPOCH, 0.0); dx::basis::MAX_POINTS];
    let n = dx::basis::points_into(kind.into(), &obs, &mut out)
        .indexed(&[(Field::Points, "observations"), (Field::Value, "value")])?;
    let points = out.get(..n).unwrap_or(&[]);
    to_js(&SeriesPoints {
        dates: points.iter().map(|p| p.date.to_string()).collect(),
        values: points.iter().map(|p| Finite(p.value)).collect(),
    })
}

/// Where, and at what value, a projection of an indicator of `kind` meets
/// `target` (totals are projected as daily rates).
#[wasm_bindgen]
pub fn evaluation(
    #[wasm_bindgen(unchecked_param_type = "MeasureKind")] kind: JsValue,
    target: Ts<Target>,
) -> Result<Ts<types::Evaluation>, Fail> {
    let kind: MeasureKind = code(&kind, "kind")?;
    let target = target_in(&input::decode::<Target>(&target.js_value(), "target")?)?;
    to_js(&types::Evaluation::from(dx::basis::evaluation(
        kind.into(),
        &target,
    )))
}

// ---------------------------------------------------------------- claims

/// A figure from JavaScript.
fn figure_in(f: &FigureInput) -> Result<dx::Figure, Fail> {
    let q = f.qualifier.map_or(dx::Qualifier::Exact, Into::into);
    let figure = match (&f.text, f.value, f.lo, f.hi) {
        (Some(t), None, None, None) => {
            let t = input::text(&t.0, "text")?;
            dx::Figure::parse(&t, q).about("text")?
        }
        (None, Some(v), None, None) => dx::Figure::stated(v, f.precision.unwrap_or(0.0), q)
            .named(&[(Field::Value, "value")])?,
        (None, None, lo, hi) if lo.is_some() || hi.is_some() => {
            dx::Figure::between(lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY))
                .named(&[(Field::Interval, "lo")])?
        }
        _ => {
            return Err(Fail::wrong_type(
                "figure",
                "one of text, value (with precision), or lo and hi",
            ))
        }
    };
    Ok(match &f.period {
        Some(p) => figure.during(input::period(&p.0, "period")?),
        None => figure,
    })
}

/// Checks a derived figure against what it was derived from, with interval
/// arithmetic over the intervals the stated figures admit.
#[wasm_bindgen(js_name = "checkClaim")]
pub fn check_claim(claim: Ts<ClaimInput>) -> Result<Ts<Check>, Fail> {
    let c: ClaimInput = input::decode(&claim.js_value(), "claim")?;
    let stated = c
        .stated
        .as_ref()
        .map(figure_in)
        .transpose()
        .map_err(|e| e.within("stated"))?;
    let mut claim = dx::Claim::new(c.kind.into(), stated);
    if let Some(p) = &c.period {
        claim = claim.during(input::period(&p.0, "period")?);
    }
    let inputs = input::array(&c.inputs, "inputs", dx::claim::MAX_INPUTS)?;
    for (i, v) in inputs.iter().enumerate() {
        let figure = if absent(&v) {
            None
        } else {
            let f: FigureInput = input::decode(&v, "inputs").map_err(|e| e.at(i))?;
            Some(figure_in(&f).map_err(|e| e.at(i))?)
        };
        claim.push(figure).named(&[(Field::Inputs, "inputs")])?;
    }
    let check = claim.check().named(&[(Field::Inputs, "inputs")])?;
    to_js(&Check::try_from(&check)?)
}

// ---------------------------------------------------------------- conversions

/// A year-to-date total as of `asOf` extended to its whole calendar year.
#[wasm_bindgen(js_name = "runRate")]
pub fn run_rate(
    #[wasm_bindgen(js_name = "yearToDate", unchecked_param_type = "number")] year_to_date: JsValue,
    #[wasm_bindgen(js_name = "asOf", unchecked_param_type = "IsoDate")] as_of: JsValue,
) -> Result<Ts<RunRate>, Fail> {
    let total = input::number(&year_to_date, "yearToDate")?;
    let as_of = input::date(&as_of, "asOf")?;
    let r = dx::convert::run_rate(total, as_of).named(&[
        (Field::YearToDate, "yearToDate"),
        (Field::Total, "yearToDate"),
        (Field::Value, "yearToDate"),
    ])?;
    to_js(&RunRate {
        year_to_date: Finite(r.year_to_date),
        days_elapsed: r.days_elapsed,
        days_in_period: r.days_in_period,
        value: Finite(r.value),
        explanation: explained(r.explain())?,
    })
}

/// A total over `elapsed` extended to `whole`, which starts with it.
#[wasm_bindgen]
pub fn extrapolate(
    #[wasm_bindgen(unchecked_param_type = "number")] total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] elapsed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] whole: JsValue,
) -> Result<Ts<RunRate>, Fail> {
    let total = input::number(&total, "total")?;
    let elapsed = input::period(&elapsed, "elapsed")?;
    let whole = input::period(&whole, "whole")?;
    let r = dx::convert::extrapolate(total, elapsed, whole).named(&[
        (Field::Total, "total"),
        (Field::Value, "total"),
        (Field::Period, "elapsed"),
    ])?;
    to_js(&RunRate {
        year_to_date: Finite(r.year_to_date),
        days_elapsed: r.days_elapsed,
        days_in_period: r.days_in_period,
        value: Finite(r.value),
        explanation: explained(r.explain())?,
    })
}

/// A period's total per day.
#[wasm_bindgen(js_name = "dailyAverage")]
pub fn daily_average(
    #[wasm_bindgen(unchecked_param_type = "number")] total: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] period: JsValue,
) -> Result<Ts<DailyAverage>, Fail> {
    let total = input::number(&total, "total")?;
    let period = input::period(&period, "period")?;
    let r = dx::convert::daily_average(total, period)
        .named(&[(Field::Total, "total"), (Field::Value, "total")])?;
    to_js(&DailyAverage {
        total: Finite(r.total),
        period: r.period.to_string(),
        days: r.days,
        value: Finite(r.value),
        explanation: explained(r.explain())?,
    })
}

/// A daily average times a period's days.
#[wasm_bindgen(js_name = "periodTotal")]
pub fn period_total(
    #[wasm_bindgen(unchecked_param_type = "number")] average: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] period: JsValue,
) -> Result<Ts<PeriodTotal>, Fail> {
    let average = input::number(&average, "average")?;
    let period = input::period(&period, "period")?;
    let r = dx::convert::period_total(average, period).named(&[
        (Field::DailyAverage, "average"),
        (Field::Value, "average"),
        (Field::Total, "average"),
    ])?;
    to_js(&PeriodTotal {
        daily_average: Finite(r.daily_average),
        period: r.period.to_string(),
        days: r.days,
        value: Finite(r.value),
        explanation: explained(r.explain())?,
    })
}

/// A dated value from JavaScript.
fn point_in(v: &JsValue, field: &'static str) -> Result<dx::Point, Fail> {
    let p: Point = input::decode(v, field)?;
    Ok(dx::Point::new(input::date(&p.date.0, "date")?, p.value))
}

/// A flow as the package returns it.
fn flow_out(f: &dx::convert::Flow) -> Result<Flow, Fail> {
    Ok(Flow {
        period: f.period.to_string(),
        start: Finite(f.start),
        end: Finite(f.end),
        value: Finite(f.value),
        explanation: explained(f.explain())?,
    })
}

/// The flow between two readings of a running total.
#[wasm_bindgen(js_name = "flowBetween")]
pub fn flow_between(earlier: Ts<Point>, later: Ts<Point>) -> Result<Ts<Flow>, Fail> {
    let a = point_in(&earlier.js_value(), "earlier")?;
    let b = point_in(&later.js_value(), "later")?;
    let f = dx::convert::flow_between(a, b).named(&[(Field::Date, "later")])?;
    to_js(&flow_out(&f)?)
}

/// The flows between consecutive readings of a running total.
#[wasm_bindgen(unchecked_return_type = "Flow[]")]
pub fn flows(
    #[wasm_bindgen(unchecked_param_type = "IsoDate[]")] dates: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Numbers")] values: JsValue,
) -> Result<JsValue, Fail> {
    let dates = input::dates(&dates, "dates")?;
    let values = input::numbers(&values, "values", max_dates())?;
    if dates.len() != values.len() {
        return Err(Fail::new(
            Class::Range,
            dx::ErrorKind::InvalidArgument,
            "values",
            format!(
                "values: expected as many values as dates ({}), got {}",
                dates.len(),
                values.len()
            ),
        ));
    }
    let points: Vec<dx::Point> = dates
        .into_iter()
        .zip(values)
        .map(|(d, v)| dx::Point::new(d, v))
        .collect();
    let first = points
        .first()
        .copied()
        .unwrap_or(dx::Point::new(dx::Date::EPOCH, 0.0));
    let blank = dx::convert::Flow {
        period: dx::Period::day(first.date),
        start: 0.0,
        end: 0.0,
        value: 0.0,
    };
    let mut out = vec![blank; points.len().saturating_sub(1)];
    let n = dx::convert::flows_into(&points, &mut out).named(SERIES)?;
    let list = out
        .iter()
        .take(n)
        .map(flow_out)
        .collect::<Result<Vec<_>, Fail>>()?;
    to_value(&list)
}

/// The change from share `before` to share `after`, in points and relative.
#[wasm_bindgen(js_name = "shareChange")]
pub fn share_change(
    #[wasm_bindgen(unchecked_param_type = "number")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] after: JsValue,
) -> Result<Ts<ShareChange>, Fail> {
    let before = input::number(&before, "before")?;
    let after = input::number(&after, "after")?;
    let c = dx::convert::share_change(before, after)
        .named(&[(Field::BaseValue, "before"), (Field::NewValue, "after")])?;
    to_js(&ShareChange {
        before: Finite(c.before),
        after: Finite(c.after),
        points: Finite(c.points),
        relative: c.relative.map(Finite),
        explanations: ShareChangeExplanations {
            points: explained(c.explain_points())?,
            relative: explained(c.explain_relative())?,
        },
    })
}

/// The earlier share implied by share `after` and a stated change, read as
/// points and as relative.
#[wasm_bindgen(js_name = "readingsOfChange")]
pub fn readings_of_change(
    #[wasm_bindgen(unchecked_param_type = "number")] after: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] change: JsValue,
) -> Result<Ts<Readings>, Fail> {
    let after = input::number(&after, "after")?;
    let change = input::number(&change, "change")?;
    let r = dx::convert::readings_of_change(after, change)
        .named(&[(Field::NewValue, "after"), (Field::Value, "after")])?;
    to_js(&Readings {
        before_if_points: Finite(r.before_if_points),
        before_if_relative: Finite(r.before_if_relative),
    })
}

/// A change as the package returns it.
fn change_out(c: &dx::growth::Change) -> Result<Change, Fail> {
    Ok(Change {
        kind: match c.kind {
            dx::growth::ChangeKind::Relative => ChangeKind::Relative,
            dx::growth::ChangeKind::Points => ChangeKind::Points,
            dx::growth::ChangeKind::Multiple => ChangeKind::Multiple,
        },
        before: Finite(c.before),
        after: Finite(c.after),
        value: Finite(c.value),
        explanation: explained(c.explain())?,
    })
}

/// The names of a change's fields in the package.
const CHANGE: Names<'static> = &[(Field::BaseValue, "before"), (Field::NewValue, "after")];

/// A change from `before` to `after`: `"relative"` (percent), `"points"`
/// or `"multiple"`.
#[wasm_bindgen]
pub fn change(
    #[wasm_bindgen(unchecked_param_type = "ChangeKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] after: JsValue,
) -> Result<Ts<Change>, Fail> {
    let kind: ChangeKind = code(&kind, "kind")?;
    let before = input::number(&before, "before")?;
    let after = input::number(&after, "after")?;
    let c = dx::growth::change(kind.into(), before, after).named(CHANGE)?;
    to_js(&change_out(&c)?)
}

/// A change between two periods that are consecutive (`rule`
/// `"periodOverPeriod"`) or a year apart (`"yearOnYear"`).
#[wasm_bindgen(js_name = "changeBetween")]
pub fn change_between(
    #[wasm_bindgen(unchecked_param_type = "ChangeKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ChangeRule")] rule: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] earlier: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] before: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] later: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] after: JsValue,
) -> Result<Ts<Change>, Fail> {
    let kind: ChangeKind = code(&kind, "kind")?;
    let rule: ChangeRule = code(&rule, "rule")?;
    let a = input::period(&earlier, "earlier")?;
    let before = input::number(&before, "before")?;
    let b = input::period(&later, "later")?;
    let after = input::number(&after, "after")?;
    let c = match rule {
        ChangeRule::PeriodOverPeriod => {
            dx::growth::period_over_period(a, before, b, after, kind.into())
        }
        ChangeRule::YearOnYear => dx::growth::year_on_year(a, before, b, after, kind.into()),
    }
    .named(&[
        (Field::BaseValue, "before"),
        (Field::NewValue, "after"),
        (Field::Periods, "later"),
    ])?;
    to_js(&change_out(&c)?)
}

/// Compound annual growth between two dated values.
#[wasm_bindgen]
pub fn cagr(start: Ts<Point>, end: Ts<Point>) -> Result<Ts<Cagr>, Fail> {
    let a = point_in(&start.js_value(), "start")?;
    let b = point_in(&end.js_value(), "end")?;
    let c = dx::growth::cagr(a, b).map_err(|e| {
        // The core numbers the two points 0 and 1.
        let which = if e.index() == Some(1) { "end" } else { "start" };
        error::core(
            e,
            &[
                (Field::BaseValue, which),
                (Field::Value, which),
                (Field::Date, "end"),
            ],
        )
    })?;
    let point = |p: dx::Point| Point {
        date: Text::of(p.date),
        value: p.value,
    };
    to_js(&Cagr {
        start: point(c.start),
        end: point(c.end),
        years: Finite(c.years),
        percent_per_year: Finite(c.percent_per_year),
        points_per_year: Finite(c.points_per_year),
        explanations: CagrExplanations {
            cagr: explained(c.explain())?,
            points: explained(c.explain_points())?,
        },
    })
}

// ---------------------------------------------------------------- numbers, dates

/// Reads a figure written the Vietnamese way: "58.397.139", "1,6 triệu",
/// "2,75 nghìn tỷ", "97,3%".
#[wasm_bindgen(js_name = "parseVi")]
pub fn parse_vi(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<Ts<Stated>, Fail> {
    let t = input::text(&text, "text")?;
    let s = dx::number::parse_vi(&t).about("text")?;
    to_js(&Stated {
        value: Finite(s.value),
        precision: Finite(s.precision),
        percent: s.percent,
    })
}

/// `value` with grouped digits and `decimals` decimals (at most 9):
/// "58.397.139,5" in `"vi"`, "58,397,139.5" in `"en"`.
#[wasm_bindgen(js_name = "formatGrouped")]
pub fn format_grouped(
    #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] decimals: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Locale")] locale: JsValue,
) -> Result<String, Fail> {
    let value = input::number(&value, "value")?;
    let decimals = input::count(&decimals, "decimals", 9)?;
    let locale: Locale = code(&locale, "locale")?;
    Ok(dx::number::Grouped::new(value, decimals, locale.into()).to_string())
}

/// `value` compactly in its unit: "860 triệu", "97,3 %", "1,28 billion".
#[wasm_bindgen(js_name = "formatCompact")]
pub fn format_compact(
    #[wasm_bindgen(unchecked_param_type = "number")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Unit")] unit: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Locale")] locale: JsValue,
) -> Result<String, Fail> {
    let value = input::number(&value, "value")?;
    let unit: Unit = code(&unit, "unit")?;
    let locale: Locale = code(&locale, "locale")?;
    Ok(dx::number::Compact::new(value, unit.into(), locale.into()).to_string())
}

/// A period's start, end, kind and days.
#[wasm_bindgen(js_name = "parsePeriod")]
pub fn parse_period(
    #[wasm_bindgen(unchecked_param_type = "PeriodText")] text: JsValue,
) -> Result<Ts<PeriodInfo>, Fail> {
    let p = input::period(&text, "text")?;
    to_js(&PeriodInfo {
        text: p.to_string(),
        start: p.start().to_string(),
        end: p.end().to_string(),
        kind: p.kind().try_into()?,
        days: p.days(),
    })
}

/// A date as ISO `YYYY-MM-DD`, from ISO or the Vietnamese `D/M/YYYY`.
#[wasm_bindgen(js_name = "parseDate", unchecked_return_type = "IsoDate")]
pub fn parse_date(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<String, Fail> {
    let t = input::text(&text, "text")?;
    let d = if t.contains('/') {
        dx::Date::parse_dmy(&t)
    } else {
        dx::Date::parse_iso(&t)
    }
    .about("text")?;
    Ok(d.to_string())
}

// ---------------------------------------------------------------- quantities

/// The most figures of one quantity (their conflicts then need at most
/// 8 MB).
const MAX_FIGURES: usize = 1024;

/// A quantity's figures from JavaScript.
fn figures_in(v: &JsValue) -> Result<Vec<dx::quantity::Measured>, Fail> {
    let list = input::array(v, "figures", MAX_FIGURES)?;
    let mut out = Vec::with_capacity(list.length() as usize);
    for (i, f) in list.iter().enumerate() {
        let f: types::MeasuredInput = input::decode(&f, "figures").map_err(|e| e.at(i))?;
        let period = input::period(&f.period.0, "period").map_err(|e| e.at(i))?;
        let since = f
            .since
            .as_ref()
            .map(|d| input::date(&d.0, "since"))
            .transpose()
            .map_err(|e| e.at(i))?;
        if !f.value.is_finite() {
            let message = format!("figures[{i}].value is {}", types::NOT_FINITE);
            return Err(not_finite("value", message).at(i));
        }
        out.push(dx::quantity::Measured {
            kind: f.kind.into(),
            observation: dx::Observation {
                value: f.value,
                period,
                status: f.status.map_or(dx::Status::Observed, Into::into),
                qualifier: f.qualifier.map_or(dx::Qualifier::Exact, Into::into),
                precision: f.precision.unwrap_or(0.0),
            },
            since,
            definition: f.definition.unwrap_or(0),
        });
    }
    Ok(out)
}

/// The rule parameter: `"totals"` when absent.
fn rule_in(v: &JsValue) -> Result<dx::quantity::Rule, Fail> {
    Ok(if absent(v) {
        dx::quantity::Rule::Totals
    } else {
        code::<types::QuantityRule>(v, "rule")?.into()
    })
}

/// Every figure's point, and the conflicts, of a quantity.
#[allow(clippy::type_complexity)]
fn measure(
    figures: &[dx::quantity::Measured],
    rule: dx::quantity::Rule,
) -> Result<
    (
        Vec<dx::quantity::QuantityPoint>,
        Vec<dx::quantity::Conflict>,
        dx::quantity::Measures,
    ),
    Fail,
> {
    let n = figures.len();
    let names: Names<'_> = &[
        (Field::Value, "value"),
        (Field::Kind, "kind"),
        (Field::Points, "figures"),
    ];
    // Room for a few conflicts a figure first; every pair at most once if
    // that is not enough.
    let pairs = n.saturating_mul(n.saturating_sub(1)) / 2;
    for room in [pairs.min(n.saturating_mul(4)), pairs] {
        let mut points = vec![dx::quantity::QuantityPoint::PLACEHOLDER; n];
        let mut conflicts = vec![dx::quantity::Conflict { a: 0, b: 0 }; room];
        match dx::quantity::measure_into(figures, rule, &mut points, &mut conflicts) {
            Err(dx::Error::Capacity {
                what: Field::Outcomes,
                ..
            }) if room < pairs => continue,
            result => {
                let m = result.indexed(names)?;
                points.truncate(m.points);
                conflicts.truncate(m.conflicts);
                return Ok((points, conflicts, m));
            }
        }
    }
    Err(Fail::too_long("figures", n, MAX_FIGURES))
}

/// One thing measured several ways (totals over periods, year-to-date
/// totals, daily averages, running totals, or levels) as one series: each
/// figure's point on one basis with how it was derived, the figures that
/// disagree, and which points `rule` (default `"totals"`) keeps.
#[wasm_bindgen(js_name = "measureQuantity")]
pub fn measure_quantity(
    #[wasm_bindgen(unchecked_param_type = "MeasuredInput[]")] figures: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "QuantityRule | null")] rule: JsValue,
) -> Result<Ts<types::Measures>, Fail> {
    let figures = figures_in(&figures)?;
    let rule = rule_in(&rule)?;
    let (points, conflicts, m) = measure(&figures, rule)?;
    let mut list = Vec::with_capacity(points.len());
    for p in &points {
        list.push(types::QuantityPoint {
            date: Text::of(p.point.date),
            value: Finite(p.point.value),
            window: Text::of(p.window),
            measure: p.measure.try_into()?,
            conversion: p.conversion.try_into()?,
            status: p.status.try_into()?,
            source: p.source,
            earlier: p.earlier,
            low: Finite(p.low),
            high: Finite(p.high),
            aside: p.aside.map(types::Aside::try_from).transpose()?,
            definition: p.definition,
            explanation: explained(p.explain(&figures))?,
        });
    }
    let kept: Vec<&dx::quantity::QuantityPoint> = points.iter().filter(|p| p.kept()).collect();
    to_js(&types::Measures {
        basis: match m.basis {
            dx::basis::Basis::Level => "level",
            dx::basis::Basis::DailyRate => "dailyRate",
        }
        .to_string(),
        points: list,
        conflicts: conflicts
            .iter()
            .map(|c| types::Conflict { a: c.a, b: c.b })
            .collect(),
        definition: m.definition,
        series: SeriesPoints {
            dates: kept.iter().map(|p| p.point.date.to_string()).collect(),
            values: kept.iter().map(|p| Finite(p.point.value)).collect(),
        },
    })
}

/// The figures of a quantity that can decide `target` without a
/// projection, in the target's terms: pass them as `options.evidence` of
/// `FittedModel.analyse`.
#[wasm_bindgen(js_name = "quantityEvidence")]
pub fn quantity_evidence(
    #[wasm_bindgen(unchecked_param_type = "MeasuredInput[]")] figures: JsValue,
    target: Ts<Target>,
    #[wasm_bindgen(unchecked_optional_param_type = "QuantityRule | null")] rule: JsValue,
) -> Result<Ts<types::Evidence>, Fail> {
    let figures = figures_in(&figures)?;
    let target = target_in(&input::decode::<Target>(&target.js_value(), "target")?)?;
    let rule = rule_in(&rule)?;
    let (points, _, _) = measure(&figures, rule)?;
    let e = dx::quantity::evidence(&figures, &points, &target);
    to_js(&types::Evidence::from(&e))
}

/// Whether growth of `growth.rate` a year (a month with `per: "month"`)
/// from `growth.from` is implausible for `series`: beyond one and a half
/// times the fastest yearly growth the series shows, and beyond 50 % a year
/// (20 points for percentages). `null` when it is plausible.
#[wasm_bindgen(
    js_name = "implausibleGrowth",
    unchecked_return_type = "Implausible | null"
)]
pub fn implausible_growth(
    series: Ts<SeriesInput>,
    growth: Ts<types::GrowthOverride>,
) -> Result<JsValue, Fail> {
    let (points, subject) = series_in(&series.js_value())?;
    let s = Series::new(&points, subject).named(SERIES)?;
    let g: types::GrowthOverride = input::decode(&growth.js_value(), "growth")?;
    let g = growth_in(&g)?;
    if !g.rate.is_finite() {
        return Err(not_finite(
            "rate",
            format!("growth.rate is {}", types::NOT_FINITE),
        ));
    }
    match dx::scenario::implausible(&s, &g) {
        Some(f) => to_value(&types::Implausible {
            per_year: types::opt(f.per_year),
            fastest: types::opt(f.fastest),
            limit: Finite(f.limit),
        }),
        None => Ok(JsValue::NULL),
    }
}

// ---------------------------------------------------------------- figures in text

/// The longest report text, in UTF-16 code units.
const MAX_REPORT: usize = 1 << 22;

/// Options of `extractFigures`.
#[derive(Debug, serde::Deserialize, Tsify)]
#[tsify(missing_as_null)]
#[serde(rename_all = "camelCase")]
pub struct ExtractOptions {
    /// The report's date, which "đến nay" and cues without a year refer to
    /// and which dates figures the text gives no date for.
    #[serde(default)]
    #[tsify(type = "IsoDate | null")]
    pub as_of: Option<Text>,
}

/// The figures of report text, in order: value, unit, qualifier, the
/// quote with its UTF-16 offsets (`text.slice(start, end) === quote`), the
/// period from the date cues, and how a derived figure is derived.
#[wasm_bindgen(js_name = "extractFigures", unchecked_return_type = "FoundFigure[]")]
pub fn extract_figures(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ExtractOptions | null")] options: JsValue,
) -> Result<JsValue, Fail> {
    let Some(js) = text.dyn_ref::<js_sys::JsString>() else {
        return Err(Fail::wrong_type("text", "a string"));
    };
    let len = js.length() as usize;
    if len > MAX_REPORT {
        return Err(Fail::too_long("text", len, MAX_REPORT));
    }
    let text = String::from(js);
    let o = input::optional::<ExtractOptions>(&options, "options")?;
    let as_of = o
        .and_then(|o| o.as_of)
        .map(|d| input::date(&d.0, "asOf"))
        .transpose()?;
    let mut utf16 = dx::extract::Utf16Offsets::new(&text);
    let mut out = Vec::new();
    for f in dx::Figures::new(&text, as_of) {
        let derived = match f.derived {
            Some(d) => Some(types::DerivedFigure {
                kind: d.kind.try_into()?,
                decrease: d.decrease,
                compared: d.compared.map(|c| c.of(&text).to_string()),
                readings: d
                    .kind
                    .readings(f.unit)
                    .iter()
                    .map(|k| types::ClaimKind::try_from(*k))
                    .collect::<Result<_, _>>()?,
            }),
            None => None,
        };
        out.push(types::FoundFigure {
            value: Finite(f.value),
            precision: Finite(f.precision),
            unit: f.unit.try_into()?,
            qualifier: f.qualifier.try_into()?,
            quote: f.span.of(&text).to_string(),
            start: utf16.offset(f.span.start),
            end: utf16.offset(f.span.end),
            period: f.period.map(Text::of),
            denominator: types::opt(f.denominator),
            cue: f.cue.map(|c| c.of(&text).to_string()),
            derived,
        });
    }
    to_value(&out)
}
