//! Writes the values the JavaScript package must reproduce, computed by the
//! native core, as JSON: `cargo run -p dxcast-js --example expected -- OUT`.
//!
//! Each case holds its inputs, in the shapes the package takes, and the
//! native results. `cargo xtask test` writes the file to
//! `target/js-pkg/expected.json` (not committed) before `node --test` runs
//! `core/js/tests/`.

use std::collections::HashMap;
use std::fmt::Debug;

use dxcast_core::analytics::{Quantity, Settings, TargetAnalysis};
use dxcast_core::basis::{evaluation, points_into, Evaluation};
use dxcast_core::choice::{choose, Reason};
use dxcast_core::convert;
use dxcast_core::csv::{read, ClaimRow, IndicatorRow, ObservationRow, Ref, ReportRow, TargetRow};
use dxcast_core::forecast::{ForecastPoint, Horizon};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::number::{parse_vi, Compact, Grouped, Locale};
use dxcast_core::quantity::{
    self, measure_into, series_into, Conflict, Measured, QuantityPoint, Rule as QuantityRule,
};
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{
    Bounds, Claim, Comparison, Date, Explanation, Figure, Holt, Interval, LinearTrend,
    LogLinearTrend, LogisticTrend, MeasureKind, Model, Period, Point, PolynomialTrend, Prediction,
    Series, Subject, Target, Unit,
};
use serde_json::{json, Value};

/// An enum's value as the package writes it: the variant's name in lower
/// camel case (`YearToDate` → `"yearToDate"`), from the core's own names.
fn name<T: Debug>(v: T) -> Value {
    let debug = format!("{v:?}");
    let mut chars = debug.chars();
    let first = chars.next().unwrap().to_ascii_lowercase();
    Value::String(std::iter::once(first).chain(chars).collect())
}

/// A setting's key as the package writes it: `initial_level` → `initialLevel`.
fn camel(code: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in code.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn explanation(e: &Explanation) -> Value {
    json!({
        "expression": e.formula.expression(),
        "result": e.result,
        "unknown": e.unknown.map(name),
        "terms": e.terms.iter().map(|t| json!({ "code": t.symbol.code(), "value": t.value })).collect::<Vec<_>>(),
    })
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn bounds(b: Bounds) -> Value {
    json!({ "min": b.min, "max": b.max })
}

fn series_json(points: &[Point], subject: Subject) -> Value {
    json!({
        "dates": points.iter().map(|p| p.date.to_string()).collect::<Vec<_>>(),
        "values": points.iter().map(|p| p.value).collect::<Vec<_>>(),
        "bounds": bounds(subject.bounds),
        "kind": name(subject.kind),
        "unit": name(subject.unit),
    })
}

/// The package's settings of a native model, from the core's own spec.
fn spec(m: &Model) -> Value {
    let s = m.spec();
    let mut v = json!({ "method": name(s.method) });
    for (key, value) in s.settings() {
        v[camel(key)] = json!(value);
    }
    v
}

fn prediction(p: &Prediction) -> Value {
    json!({ "location": p.location(), "se": p.se(), "df": p.df() })
}

fn forecast(f: &[ForecastPoint]) -> Value {
    Value::Array(
        f.iter()
            .map(|p| {
                json!({
                    "date": p.date.to_string(), "point": p.point, "lo": p.lo, "hi": p.hi,
                    "prediction": prediction(&p.prediction),
                })
            })
            .collect(),
    )
}

fn target_json(t: &Target) -> Value {
    json!({ "value": t.value, "deadline": t.deadline.to_string(), "comparison": name(t.comparison) })
}

fn scenario_json(s: &Scenario) -> Value {
    json!({
        "growth": s.growth.map(|g| json!({ "from": g.from.to_string(), "rate": g.rate, "per": name(g.per) })),
        "shock": s.shock.map(|k| json!({ "at": k.at.to_string(), "size": k.size })),
        "target": s.target.map(|t| target_json(&t)),
    })
}

fn evaluation_json(e: &Evaluation) -> Value {
    json!({ "date": e.date.to_string(), "value": e.value, "factor": e.factor })
}

fn analysis_json(a: &TargetAnalysis) -> Value {
    let growth = |g: &dxcast_core::analytics::Growth| json!({ "cagr": g.cagr, "daily": g.daily, "pointsPerYear": g.points_per_year });
    json!({
        "target": target_json(&a.target),
        "subject": { "kind": name(a.subject.kind), "unit": name(a.subject.unit), "bounds": bounds(a.subject.bounds) },
        "evaluation": evaluation_json(&a.evaluation),
        "threshold": a.threshold,
        "latestPoint": { "date": a.latest_point.date.to_string(), "value": a.latest_point.value },
        "latest": a.latest,
        "years": a.years,
        "days": a.days,
        "prediction": prediction(&a.prediction),
        "projected": a.projected,
        "low": a.low,
        "high": a.high,
        "level": a.level,
        "attainment": a.attainment,
        "gap": a.gap,
        "required": growth(&a.required),
        "projectedGrowth": growth(&a.projected_growth),
        "ratio": a.ratio,
        "reachDate": a.reach_date.map(|d| d.to_string()),
        "probability": a.probability,
        "status": name(a.status),
        "judgedBy": a.judged_by.map(|p| json!({ "date": p.date.to_string(), "value": p.value })),
        "staleness": a.staleness.map(name),
        "outlook": name(a.outlook),
        "deadlinePassed": a.deadline_passed,
        "facts": {
            "unreachable": a.facts.unreachable,
            "afterMeets": a.facts.after_meets,
            "beforeMeets": a.facts.before_meets,
            "deadlinePassed": a.facts.deadline_passed,
            "df": a.facts.df,
            "horizonDays": a.facts.horizon_days,
            "spanDays": a.facts.span_days,
            "projectionMeets": a.facts.projection_meets,
            "probability": a.facts.probability,
            "ratio": a.facts.ratio,
        },
    })
}

fn explanations(a: &TargetAnalysis) -> Value {
    let map: serde_json::Map<String, Value> = [
        ("projected", Quantity::Projected),
        ("attainment", Quantity::Attainment),
        ("gap", Quantity::Gap),
        ("required", Quantity::Required),
        ("reachDate", Quantity::ReachDate),
        ("probability", Quantity::Probability),
        ("status", Quantity::Status),
    ]
    .into_iter()
    .map(|(k, q)| (k.to_string(), explanation(&a.explain(q).unwrap())))
    .collect();
    Value::Object(map)
}

fn interval(i: Option<Interval>) -> Value {
    let end = |v: f64| v.is_finite().then_some(v);
    i.map_or(
        Value::Null,
        |i| json!({ "lo": end(i.lo()), "hi": end(i.hi()) }),
    )
}

fn fits() -> Value {
    let counts: Vec<Point> = (0..12)
        .map(|k| {
            let v = 100e6 * 1.12f64.powi(k) * (1.0 + 0.02 * f64::from(k).sin());
            Point::new(d(2021, 3, 31).add_months(3 * k).unwrap(), v)
        })
        .collect();
    let share: Vec<Point> = [12.0, 18.5, 26.0, 38.5, 49.0, 61.5, 69.0, 77.5]
        .iter()
        .enumerate()
        .map(|(k, v)| Point::new(d(2019, 6, 30).add_months(6 * k as i32).unwrap(), *v))
        .collect();
    // An exact line: through two points the spread is unknown.
    let two: Vec<Point> = vec![
        Point::new(d(2021, 12, 31), 40.0),
        Point::new(d(2022, 12, 31), 52.8),
    ];
    let models = |which: &str| -> Vec<Model> {
        if which == "two points" {
            return vec![Model::Linear(LinearTrend::new())];
        }
        let mut m = vec![
            Model::Linear(LinearTrend::new()),
            Model::Polynomial(PolynomialTrend::new(2).unwrap()),
            Model::LogLinear(LogLinearTrend::new()),
            Model::Logistic(LogisticTrend::fitted_cap()),
            Model::Holt(Holt::new()),
            Model::Holt(Holt::with_params(0.5, 0.3).unwrap()),
            Model::Holt(Holt::new().damped()),
            Model::Holt(
                Holt::with_params(0.5, 0.3)
                    .unwrap()
                    .with_damping(0.9)
                    .unwrap(),
            ),
        ];
        if which == "share" {
            m.push(Model::Logistic(LogisticTrend::with_cap(100.0).unwrap()));
        }
        m
    };
    let mut out = Vec::new();
    for (which, points, subject) in [
        (
            "counts",
            &counts,
            Subject::of_kind(MeasureKind::Cumulative, Unit::Count),
        ),
        (
            "share",
            &share,
            Subject::of_kind(MeasureKind::Share, Unit::Percent),
        ),
        (
            "two points",
            &two,
            Subject::of_kind(MeasureKind::Stock, Unit::Count),
        ),
    ] {
        let s = Series::new(points, subject).unwrap();
        let last = s.last().date;
        let dates: Vec<Date> = (1..=6).map(|k| last.add_months(3 * k).unwrap()).collect();
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: last.add_months(1).unwrap(),
                rate: 1.5,
                per: Per::Month,
            }),
            shock: Some(Shock {
                at: last.add_months(7).unwrap(),
                size: -8.0,
            }),
            target: None,
        };
        for model in models(which) {
            let fitted = model.fit(&s).unwrap();
            let mut inside = vec![0.0; points.len()];
            fitted.fitted_into(&s, &mut inside).unwrap();
            let horizon = Horizon::Dates(&dates);
            let mut f = vec![ForecastPoint::default(); dates.len()];
            fitted.forecast_into(horizon, 0.95, &mut f).unwrap();
            let mut w = vec![ForecastPoint::default(); dates.len()];
            fitted
                .with_scenario(scenario)
                .unwrap()
                .forecast_into(horizon, 0.95, &mut w)
                .unwrap();
            let summary = fitted.summary();
            out.push(json!({
                "name": format!("{which} {}", model.method().code()),
                "series": series_json(points, subject),
                "spec": spec(&model),
                "dates": dates.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "scenario": scenario_json(&scenario),
                "expected": {
                    "method": name(fitted.method()),
                    "params": summary.params,
                    "df": summary.df,
                    "points": summary.points,
                    "sse": summary.sse,
                    "residualSd": summary.residual_sd,
                    "fitted": inside,
                    "explanation": explanation(&fitted.explain().unwrap()),
                    "forecast": forecast(&f),
                    "whatIf": forecast(&w),
                },
            }));
        }
    }
    Value::Array(out)
}

const REPORTS: &str = include_str!("../../../data/reports.csv");
const INDICATORS: &str = include_str!("../../../data/indicators.csv");
const OBSERVATIONS: &str = include_str!("../../../data/observations.csv");
const TARGETS: &str = include_str!("../../../data/targets.csv");
const CLAIMS: &str = include_str!("../../../data/claims.csv");

fn all<'a, R: dxcast_core::csv::Row<'a>>(text: &'a str) -> Vec<R> {
    read(text).unwrap().map(Result::unwrap).collect()
}

/// Every figure of the quantity an indicator measures (every indicator
/// that shares its `quantity`), in the order of `observations`, each
/// distinct `definition` code its own number (0 for the usual one), as the
/// core's pipeline test builds them; and the same in the package's shape.
fn figures_of(
    indicator: &IndicatorRow,
    indicators: &[IndicatorRow],
    observations: &[ObservationRow],
) -> (Vec<Measured>, Vec<Value>) {
    let quantity = indicator.quantity.unwrap_or(indicator.id);
    let mut codes: Vec<&str> = Vec::new();
    let (mut native, mut js) = (Vec::new(), Vec::new());
    for o in observations {
        let Some(m) = indicators
            .iter()
            .find(|i| i.id == o.indicator && i.quantity.unwrap_or(i.id) == quantity)
        else {
            continue;
        };
        let definition = match o.definition {
            None => 0,
            Some(c) => {
                if !codes.contains(&c) {
                    codes.push(c);
                }
                codes.iter().position(|x| *x == c).unwrap() as u32 + 1
            }
        };
        native.push(Measured {
            kind: m.kind,
            observation: o.observation(),
            since: m.since,
            definition,
        });
        js.push(json!({
            "kind": name(m.kind), "value": o.value, "period": o.period.to_string(),
            "status": name(o.status), "qualifier": name(o.qualifier), "precision": o.precision,
            "since": m.since.map(|d| d.to_string()), "definition": definition,
        }));
    }
    (native, js)
}

/// Every target of the built-in dataset whose quantity has two points or
/// more (under its latest figure's definition): the indicator's
/// observations and points, the quantity's figures and series, the
/// evidence, the ranking and the analysis, as the core's pipeline runs it.
fn targets() -> Value {
    let reports: Vec<ReportRow> = all(REPORTS);
    let published = |id: &str| {
        reports
            .iter()
            .find(|r| r.id == id)
            .unwrap()
            .published
            .start()
    };
    let indicators: Vec<IndicatorRow> = all(INDICATORS);
    let mut observations: Vec<ObservationRow> = all(OBSERVATIONS);
    observations.sort_by_key(|o| published(o.report));
    let today = d(2023, 4, 1);
    let mut out = Vec::new();
    for t in all::<TargetRow>(TARGETS) {
        let ind = indicators.iter().find(|i| i.id == t.indicator).unwrap();
        let subject = Subject::new(ind.kind, ind.unit, ind.bounds).unwrap();
        let obs: Vec<_> = observations
            .iter()
            .filter(|o| o.indicator == t.indicator)
            .map(|o| o.observation())
            .collect();
        let mut own = [Point::new(Date::EPOCH, 0.0); 64];
        let n_own = points_into(ind.kind, &obs, &mut own).unwrap();
        let (figures, figures_js) = figures_of(ind, &indicators, &observations);
        let mut qp = vec![QuantityPoint::PLACEHOLDER; figures.len()];
        let mut conflicts = vec![Conflict { a: 0, b: 0 }; figures.len() * figures.len()];
        let m = measure_into(&figures, QuantityRule::Totals, &mut qp, &mut conflicts).unwrap();
        let mut pts = vec![Point::new(Date::EPOCH, 0.0); m.points];
        let n = series_into(&qp[..m.points], &mut pts).unwrap();
        let Ok(s) = Series::new(&pts[..n], subject) else {
            continue;
        };
        let Ok(c) = choose(&s) else {
            continue;
        };
        let best = c.best().unwrap().model;
        let fitted = best.fit(&s).unwrap();
        let target = t.target().unwrap();
        // The figures that can decide the target, as `quantityEvidence`
        // gives them to the package.
        let evidence = quantity::evidence(&figures, &qp[..m.points], &target);
        let settings = Settings {
            today,
            level: 0.95,
            evidence,
        };
        let a = fitted.analyse(&target, &settings).unwrap();
        let reason = match c.reason {
            Reason::LowestOneStepError { .. } => "lowestOneStepError",
            Reason::FewPoints { .. } => "fewPoints",
            Reason::OnlyOne { .. } => "onlyOne",
        };
        let observations: Vec<Value> = obs
            .iter()
            .map(|o| {
                json!({ "value": o.value, "period": o.period.to_string(), "status": name(o.status),
                        "qualifier": name(o.qualifier), "precision": o.precision })
            })
            .collect();
        let point =
            |p: Option<Point>| p.map(|p| json!({ "date": p.date.to_string(), "value": p.value }));
        out.push(json!({
            "name": t.id,
            "kind": name(ind.kind),
            "observations": observations,
            "figures": figures_js,
            "series": series_json(&pts[..n], subject),
            "target": target_json(&target),
            "today": today.to_string(),
            "expected": {
                "points": { "dates": own[..n_own].iter().map(|p| p.date.to_string()).collect::<Vec<_>>(),
                            "values": own[..n_own].iter().map(|p| p.value).collect::<Vec<_>>() },
                "measures": {
                    "basis": name(m.basis),
                    "points": qp[..m.points].iter().map(|p| json!({
                        "date": p.point.date.to_string(), "value": p.point.value,
                        "window": p.window.to_string(), "measure": name(p.measure),
                        "conversion": name(p.conversion), "status": name(p.status),
                        "source": p.source, "earlier": p.earlier, "low": p.low, "high": p.high,
                        "aside": p.aside.map(name), "definition": p.definition,
                        "explanation": explanation(&p.explain(&figures).unwrap()),
                    })).collect::<Vec<_>>(),
                    "conflicts": conflicts[..m.conflicts].iter().map(|c| json!({ "a": c.a, "b": c.b })).collect::<Vec<_>>(),
                    "definition": m.definition,
                },
                "evidence": { "after": point(evidence.after), "before": point(evidence.before) },
                "evaluation": evaluation_json(&evaluation(ind.kind, &target)),
                "ranked": c.ranked.iter().map(|r| json!({ "spec": spec(&r.model), "score": r.score,
                    "mape": r.backtest.mape(), "warnings": r.warnings.len() })).collect::<Vec<_>>(),
                "unavailable": c.unavailable.iter().map(|u| json!({ "spec": spec(&u.model), "kind": u.error.kind().name() })).collect::<Vec<_>>(),
                "horizon": c.horizon.to_string(),
                "criterion": name(c.criterion),
                "reason": reason,
                "choiceExplanation": explanation(&c.explain().unwrap()),
                "analysis": analysis_json(&a),
                "explanations": explanations(&a),
            },
        }));
    }
    Value::Array(out)
}

/// A figure in the package's input shape.
fn figure_in(f: Option<(Value, Option<Period>)>) -> Value {
    match f {
        None => Value::Null,
        Some((mut v, p)) => {
            if let Some(p) = p {
                v["period"] = Value::String(p.to_string());
            }
            v
        }
    }
}

/// Every claim of the built-in dataset, in file order, a claim using the
/// ones before it, with its inputs in the package's shape.
fn claims() -> Value {
    let observations: Vec<ObservationRow> = all(OBSERVATIONS);
    let obs: HashMap<&str, &ObservationRow> = observations.iter().map(|o| (o.id, o)).collect();
    let targets: Vec<TargetRow> = all(TARGETS);
    let tgt: HashMap<&str, &TargetRow> = targets.iter().map(|t| (t.id, t)).collect();
    let rows: Vec<ClaimRow> = all(CLAIMS);
    let mut recomputed: HashMap<&str, Option<Figure>> = HashMap::new();
    let stated_in = |r: &ClaimRow| -> Option<(Value, Option<Period>)> {
        Some((
            json!({ "value": r.value?, "precision": r.precision, "qualifier": name(r.qualifier?) }),
            r.period,
        ))
    };
    // An end the package writes as a number, or leaves out when unbounded.
    let end = |v: f64| v.is_finite().then_some(v);
    let mut out = Vec::new();
    for row in &rows {
        let mut native = Claim::new(row.kind, row.stated_figure().unwrap());
        native.period = row.period;
        let mut inputs = Vec::new();
        for r in row.refs() {
            let (f, v) = match r {
                Ref::Observation(id) => {
                    let o = obs[id];
                    (
                        Some(o.figure().unwrap()),
                        Some((
                            json!({ "value": o.value, "precision": o.precision, "qualifier": name(o.qualifier) }),
                            Some(o.period),
                        )),
                    )
                }
                Ref::Denominator(id) => {
                    let v = obs[id].denominator_value;
                    (
                        v.map(|v| Figure::exact(v).unwrap()),
                        v.map(|v| (json!({ "value": v }), None)),
                    )
                }
                Ref::Target(id) => {
                    let t = tgt[id];
                    (
                        Some(t.figure().unwrap()),
                        Some((json!({ "value": t.value }), Some(t.period))),
                    )
                }
                Ref::Claim(id) => {
                    let f = recomputed[id];
                    (
                        f,
                        f.map(|f| {
                            (
                                json!({ "lo": end(f.range().lo()), "hi": end(f.range().hi()) }),
                                f.period,
                            )
                        }),
                    )
                }
                Ref::Stated(id) => {
                    let earlier = rows.iter().find(|c| c.id == id).unwrap();
                    (earlier.stated_figure().unwrap(), stated_in(earlier))
                }
                Ref::Number(n) => {
                    let v: f64 = n.parse().unwrap();
                    (
                        Some(Figure::exact(v).unwrap()),
                        Some((json!({ "value": v }), None)),
                    )
                }
                Ref::Missing => (None, None),
            };
            native.push(f).unwrap();
            inputs.push(figure_in(v));
        }
        let check = native.check().unwrap();
        recomputed.insert(
            row.id,
            check.recomputed.map(|r| {
                let f = Figure::from_interval(r);
                match row.period {
                    Some(p) => f.during(p),
                    None => f,
                }
            }),
        );
        out.push(json!({
            "name": row.id,
            "claim": {
                "kind": name(row.kind),
                "period": row.period.map(|p| p.to_string()),
                "stated": figure_in(stated_in(row)),
                "inputs": inputs,
            },
            "expected": {
                "verdict": name(check.verdict),
                "stated": interval(check.stated),
                "recomputed": interval(check.recomputed),
                "atStated": check.at_stated.map(name),
                "explanation": explanation(&check.explanation),
            },
        }));
    }
    Value::Array(out)
}

/// What the core says of inputs at the edge of what it can compute: the
/// error's kind and the package's name for its field, or the value with
/// its unknowns (`null`) and reasons.
fn edges() -> Value {
    let error = |e: dxcast_core::Error| json!({ "kind": e.kind().name(), "field": e.field().map(|f| camel(f.code())) });
    // A log-linear trend of a doubling count, asked for 9999-12-31.
    let doubling: Vec<Point> = (0..4)
        .map(|k| Point::new(d(2020 + k, 12, 31), 1e6 * 2f64.powi(k)))
        .collect();
    let count = Subject::of_kind(MeasureKind::Stock, Unit::Count);
    let s = Series::new(&doubling, count).unwrap();
    let log = Model::LogLinear(LogLinearTrend::new()).fit(&s).unwrap();
    let far = [d(9999, 12, 31)];
    let mut f = [ForecastPoint::default()];
    let far_forecast = log
        .forecast_into(Horizon::Dates(&far), 0.95, &mut f)
        .unwrap_err();
    let far_target = Target::new(1e7, d(9999, 12, 31), Comparison::AtLeast).unwrap();
    let far_analysis = log
        .analyse(&far_target, &Settings::new(d(2024, 1, 1), 0.95))
        .unwrap_err();
    // An exact line through two points: the spread is unknown.
    let two = [
        Point::new(d(2021, 12, 31), 40.0),
        Point::new(d(2022, 12, 31), 52.8),
    ];
    let s2 = Series::new(&two, count).unwrap();
    let line = Model::Linear(LinearTrend::new()).fit(&s2).unwrap();
    let t = Target::new(60.0, d(2024, 12, 31), Comparison::AtLeast).unwrap();
    let exact = line
        .analyse(&t, &Settings::new(d(2023, 1, 1), 0.95))
        .unwrap();
    // A target of 0: attainment is not a percentage of it.
    let zero = Target::new(0.0, d(2024, 12, 31), Comparison::AtLeast).unwrap();
    let zero_analysis = line
        .analyse(&zero, &Settings::new(d(2023, 1, 1), 0.95))
        .unwrap();
    let huge = Claim::new(dxcast_core::ClaimKind::Sum, None)
        .with(Figure::exact(1e308).unwrap())
        .unwrap()
        .with(Figure::exact(1e308).unwrap())
        .unwrap()
        .check()
        .unwrap();
    json!({
        "series": doubling.iter().map(|p| json!({ "date": p.date.to_string(), "value": p.value })).collect::<Vec<_>>(),
        "farForecast": error(far_forecast),
        "farAnalysis": error(far_analysis),
        "runRate": error(convert::run_rate(1e308, d(2022, 12, 8)).unwrap_err()),
        "periodTotal": error(convert::period_total(1e308, Period::parse("2022").unwrap()).unwrap_err()),
        "exactLine": {
            "summary": { "df": line.summary().df, "residualSd": line.summary().residual_sd },
            "analysis": analysis_json(&exact),
            "explanations": explanations(&exact),
        },
        "zeroTarget": { "analysis": analysis_json(&zero_analysis), "explanations": explanations(&zero_analysis) },
        "hugeSum": {
            "verdict": name(huge.verdict),
            "reason": huge.reason.map(name),
            "recomputed": interval(huge.recomputed),
            "explanation": explanation(&huge.explanation),
        },
        "exactLeastSquares": {
            "residualSd": LeastSquares::fit(&[1.0, 0.0, 1.0, 1.0], 2, &[1.0, 3.0], true).unwrap().residual_sd(),
            "standardErrors": LeastSquares::fit(&[1.0, 0.0, 1.0, 1.0], 2, &[1.0, 3.0], true).unwrap().standard_errors(),
        },
    })
}

fn conversions() -> Value {
    let ex = |e: dxcast_core::Result<Explanation>| explanation(&e.unwrap());
    let r = convert::run_rate(806e6, d(2022, 12, 8)).unwrap();
    let x = convert::extrapolate(
        111e6,
        Period::parse("2023-01-01/2023-02-21").unwrap(),
        Period::parse("2023-Q1").unwrap(),
    )
    .unwrap();
    let da = convert::daily_average(58_397_139.0, Period::parse("2022-09").unwrap()).unwrap();
    let pt = convert::period_total(2.1e6, Period::parse("2022").unwrap()).unwrap();
    let (a, b) = (
        Point::new(d(2022, 9, 30), 661e6),
        Point::new(d(2023, 3, 31), 1_276e6),
    );
    let f = convert::flow_between(a, b).unwrap();
    let pts = [
        Point::new(d(2022, 9, 30), 661e6),
        Point::new(d(2022, 12, 31), 1_084e6),
        Point::new(d(2023, 3, 31), 1_276e6),
    ];
    let mut fl = [f; 2];
    convert::flows_into(&pts, &mut fl).unwrap();
    let sc = convert::share_change(50.0, 52.8).unwrap();
    let rd = convert::readings_of_change(77.1, 35.65).unwrap();
    let changes: Vec<Value> = [
        ChangeKind::Relative,
        ChangeKind::Points,
        ChangeKind::Multiple,
    ]
    .into_iter()
    .map(|k| {
        let c = growth::change(k, 180e6, 860e6).unwrap();
        json!({ "kind": name(k), "value": c.value, "explanation": ex(c.explain()) })
    })
    .collect();
    let pop = growth::period_over_period(
        Period::parse("2022-Q4").unwrap(),
        423e6,
        Period::parse("2023-Q1").unwrap(),
        192e6,
        ChangeKind::Relative,
    )
    .unwrap();
    let yoy = growth::year_on_year(
        Period::parse("2023-Q1").unwrap(),
        3_446.0,
        Period::parse("2024-Q1").unwrap(),
        2_323.0,
        ChangeKind::Relative,
    )
    .unwrap();
    let cg = growth::cagr(
        Point::new(d(2021, 12, 31), 180e6),
        Point::new(d(2023, 12, 31), 860e6),
    )
    .unwrap();
    json!({
        "runRate": { "value": r.value, "daysElapsed": r.days_elapsed, "daysInPeriod": r.days_in_period, "explanation": ex(r.explain()) },
        "extrapolate": { "value": x.value, "explanation": ex(x.explain()) },
        "dailyAverage": { "value": da.value, "days": da.days, "explanation": ex(da.explain()) },
        "periodTotal": { "value": pt.value, "days": pt.days, "explanation": ex(pt.explain()) },
        "flowBetween": { "value": f.value, "period": f.period.to_string(), "explanation": ex(f.explain()) },
        "flows": fl.iter().map(|f| json!({ "value": f.value, "period": f.period.to_string() })).collect::<Vec<_>>(),
        "shareChange": { "points": sc.points, "relative": sc.relative,
                         "explainPoints": ex(sc.explain_points()), "explainRelative": ex(sc.explain_relative()) },
        "readingsOfChange": { "beforeIfPoints": rd.before_if_points, "beforeIfRelative": rd.before_if_relative },
        "change": changes,
        "periodOverPeriod": { "value": pop.value, "explanation": ex(pop.explain()) },
        "yearOnYear": { "value": yoy.value, "explanation": ex(yoy.explain()) },
        "cagr": { "percentPerYear": cg.percent_per_year, "pointsPerYear": cg.points_per_year,
                  "years": cg.years, "explanation": ex(cg.explain()) },
    })
}

fn least_squares() -> Value {
    let text = include_str!("../../tests/data/nist/Longley.dat");
    let start = text.rfind("Data:").unwrap();
    let rows: Vec<Vec<f64>> = text[start..]
        .lines()
        .skip(1)
        .map(|l| {
            l.split_whitespace()
                .map(|w| w.parse().unwrap())
                .collect::<Vec<f64>>()
        })
        .filter(|r| !r.is_empty())
        .collect();
    let y: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    let x: Vec<f64> = rows
        .iter()
        .flat_map(|r| std::iter::once(1.0).chain(r[1..].iter().copied()))
        .collect();
    let fit = LeastSquares::fit(&x, 7, &y, true).unwrap();
    json!({
        "x": x, "cols": 7, "y": y,
        "expected": {
            "coefficients": fit.coefficients(),
            "standardErrors": fit.standard_errors(),
            "residualSd": fit.residual_sd(),
            "rSquared": fit.r_squared(),
            "df": fit.df(),
            "rss": fit.rss(),
        },
    })
}

fn numbers() -> Value {
    let parsed: Vec<Value> = [
        "58.397.139",
        "1,6 triệu",
        "2,75 nghìn tỷ",
        "97,3%",
        "4,8",
        "119.498",
    ]
    .iter()
    .map(|t| {
        let v = parse_vi(t).unwrap();
        json!({ "text": t, "expected": { "value": v.value, "precision": v.precision, "percent": v.percent } })
    })
    .collect();
    let mut grouped = Vec::new();
    let mut compact = Vec::new();
    for locale in [Locale::Vi, Locale::En] {
        for (v, dec) in [(58_397_139.0, 0), (1_276.5, 2), (-0.125, 3), (79.95, 1)] {
            grouped.push(json!({ "value": v, "decimals": dec, "locale": name(locale),
                                 "expected": Grouped::new(v, dec, locale).to_string() }));
        }
        for (v, unit) in [
            (860e6, Unit::Count),
            (97.3, Unit::Percent),
            (1.276e9, Unit::Count),
            (2.75e12, Unit::Vnd),
            (4.8, Unit::Times),
            (105.2, Unit::Mbps),
        ] {
            compact.push(
                json!({ "value": v, "unit": name(unit), "locale": name(locale),
                                 "expected": Compact::new(v, unit, locale).to_string() }),
            );
        }
    }
    let periods: Vec<Value> = [
        "2022",
        "2022-Q3",
        "2022-09",
        "2022-09-30",
        "2022-01-01/2022-12-08",
    ]
    .iter()
    .map(|t| {
        let p = Period::parse(t).unwrap();
        json!({ "text": t, "start": p.start().to_string(), "end": p.end().to_string(), "kind": name(p.kind()), "days": p.days() })
    })
    .collect();
    json!({ "parseVi": parsed, "grouped": grouped, "compact": compact, "periods": periods,
            "parseDate": [["8/12/2022", "2022-12-08"], ["2020-10-30", "2020-10-30"]] })
}

/// The figures of the five reports (data/reports/), with and without their
/// as-of dates, and of a text outside the Basic Multilingual Plane: UTF-16
/// offsets counted here with the standard library's `encode_utf16`, apart
/// from the core's own conversion.
fn figures() -> Value {
    let reports: Vec<ReportRow> = all(REPORTS);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/reports");
    let mut texts: Vec<(String, String, Option<Date>)> = Vec::new();
    for r in &reports {
        let text = std::fs::read_to_string(dir.join(r.file)).unwrap();
        texts.push((
            format!("{} as of {}", r.id, r.as_of),
            text.clone(),
            Some(r.as_of),
        ));
        texts.push((format!("{} without a date", r.id), text, None));
    }
    texts.push((
        "outside the BMP".into(),
        "😀 Doanh thu đạt 1,6 triệu 𝟙 giao dịch, tăng 17,5% so với năm 2021 😀.".into(),
        Some(d(2022, 12, 8)),
    ));
    let units = |text: &str, byte: usize| text[..byte].encode_utf16().count();
    let out: Vec<Value> = texts
        .iter()
        .map(|(label, text, as_of)| {
            let found: Vec<Value> = dxcast_core::Figures::new(text, *as_of)
                .map(|f| {
                    json!({
                        "value": f.value, "precision": f.precision, "unit": name(f.unit),
                        "qualifier": name(f.qualifier), "quote": &text[f.span.start..f.span.end],
                        "start": units(text, f.span.start), "end": units(text, f.span.end),
                        "period": f.period.map(|p| p.to_string()), "denominator": f.denominator,
                        "cue": f.cue.map(|c| &text[c.start..c.end]),
                        "derived": f.derived.map(|dv| name(dv.kind)),
                    })
                })
                .collect();
            json!({ "name": label, "text": text, "asOf": as_of.map(|d| d.to_string()), "figures": found })
        })
        .collect();
    Value::Array(out)
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: expected OUT.json");
    let doc = json!({
        "generator": "cargo run -p dxcast-js --example expected (native dxcast-core)",
        "leastSquares": least_squares(),
        "fits": fits(),
        "targets": targets(),
        "claims": claims(),
        "figures": figures(),
        "conversions": conversions(),
        "numbers": numbers(),
        "edges": edges(),
    });
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&out, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    println!("wrote {out}");
}
