//! Writes the values the JavaScript package must reproduce, computed by the
//! native core, as JSON: `cargo run -p dxcast-js --example expected -- OUT`.
//!
//! Each case holds its inputs, in the shapes the package takes, and the
//! native results. `cargo xtask test` writes the file to
//! `target/js-pkg/expected.json` (not committed) before `node --test` runs
//! `core/js/tests/`.

use std::collections::HashMap;

use dxcast_core::analytics::{analyse, Context, Quantity};
use dxcast_core::basis::{evaluation, points_into};
use dxcast_core::choice::{choose, Reason};
use dxcast_core::convert;
use dxcast_core::csv::{read, ClaimRow, IndicatorRow, ObservationRow, Ref, ReportRow, TargetRow};
use dxcast_core::forecast::{forecast_into, Fit, ForecastPoint, Horizon, Predictor};
use dxcast_core::growth::{self, ChangeKind};
use dxcast_core::lstsq::LeastSquares;
use dxcast_core::number::{parse_vi, Compact, Grouped, Locale};
use dxcast_core::scenario::{GrowthOverride, Scenario, Shock, WhatIf};
use dxcast_core::trend::{Cap, Damping, Smoothing};
use dxcast_core::{
    Bounds, Claim, Date, Explanation, Figure, Holt, LinearTrend, LogLinearTrend, LogisticTrend,
    MeasureKind, Model, Period, Point, PolynomialTrend, Qualifier, Series, Unit,
};
use serde_json::{json, Value};

fn js<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap()
}

fn explanation(e: &Explanation) -> Value {
    json!({
        "expression": e.formula.expression(),
        "result": e.result,
        "terms": e.terms.iter().map(|t| json!({ "code": t.symbol.code(), "value": t.value })).collect::<Vec<_>>(),
    })
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

fn series_json(points: &[Point], bounds: Bounds, kind: MeasureKind, unit: Unit) -> Value {
    json!({
        "dates": points.iter().map(|p| p.date).collect::<Vec<_>>(),
        "values": points.iter().map(|p| p.value).collect::<Vec<_>>(),
        "bounds": bounds,
        "kind": kind,
        "unit": unit,
    })
}

/// The JavaScript settings of a native model.
fn spec(m: &Model) -> Value {
    let mut s = json!({ "method": m.method() });
    match m {
        Model::Polynomial(p) => s["degree"] = json!(p.degree()),
        Model::Logistic(t) => {
            if let Cap::Given(k) = t.cap() {
                s["cap"] = json!(k);
            }
        }
        Model::Holt(h) => {
            if let Smoothing::Given { alpha, beta } = h.smoothing() {
                s["alpha"] = json!(alpha);
                s["beta"] = json!(beta);
            }
            if let Damping::Given(phi) = h.damping() {
                s["phi"] = json!(phi);
            }
        }
        _ => {}
    }
    s
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
    let models = |share: bool| -> Vec<Model> {
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
        if share {
            m.push(Model::Logistic(LogisticTrend::with_cap(100.0).unwrap()));
        }
        m
    };
    let mut out = Vec::new();
    for (name, points, bounds, kind, unit) in [
        (
            "counts",
            &counts,
            Bounds::NON_NEGATIVE,
            MeasureKind::Cumulative,
            Unit::Count,
        ),
        (
            "share",
            &share,
            Bounds::PERCENT,
            MeasureKind::Share,
            Unit::Percent,
        ),
    ] {
        let s = Series::new(points, bounds).unwrap();
        let last = s.last().date;
        let dates: Vec<Date> = (1..=6).map(|k| last.add_months(3 * k).unwrap()).collect();
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: last.add_months(1).unwrap(),
                rate: 1.5,
            }),
            shock: Some(Shock {
                at: last.add_months(7).unwrap(),
                size: -8.0,
            }),
            target: None,
        };
        for model in models(unit == Unit::Percent) {
            let fit = model.fit(&s).unwrap();
            let mut fitted = vec![0.0; points.len()];
            fit.fitted_into(&mut fitted).unwrap();
            let forecast = |p: &dyn Predictor| {
                let mut f = vec![ForecastPoint::default(); dates.len()];
                forecast_into(p, Horizon::Dates(&dates), 0.95, bounds, &mut f).unwrap();
                js(&f)
            };
            let what_if = WhatIf::new(&fit, scenario, unit, bounds).unwrap();
            out.push(json!({
                "name": format!("{name} {}", model.method().code()),
                "series": series_json(points, bounds, kind, unit),
                "spec": spec(&model),
                "dates": dates,
                "scenario": scenario,
                "expected": {
                    "method": fit.method(),
                    "params": fit.params(),
                    "sse": fit.sse(),
                    "fitted": fitted,
                    "explanation": explanation(&fit.explain().unwrap()),
                    "forecast": forecast(&fit),
                    "whatIf": forecast(&what_if),
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

/// Every target of the built-in dataset whose indicator has two points or
/// more: its observations, the series, the ranking and the analysis.
fn targets() -> Value {
    let reports: Vec<ReportRow> = all(REPORTS);
    let as_of = |id: &str| reports.iter().find(|r| r.id == id).unwrap().as_of;
    let indicators: Vec<IndicatorRow> = all(INDICATORS);
    let mut observations: Vec<ObservationRow> = all(OBSERVATIONS);
    observations.sort_by_key(|o| as_of(o.report));
    let today = d(2023, 4, 1);
    let mut out = Vec::new();
    for t in all::<TargetRow>(TARGETS) {
        let ind = indicators.iter().find(|i| i.id == t.indicator).unwrap();
        let obs: Vec<_> = observations
            .iter()
            .filter(|o| o.indicator == t.indicator)
            .map(|o| o.observation())
            .collect();
        let mut pts = [Point::new(Date::EPOCH, 0.0); 64];
        let n = points_into(ind.kind, &obs, &mut pts).unwrap();
        let Ok(s) = Series::new(&pts[..n], ind.bounds) else {
            continue;
        };
        let Ok(c) = choose(&s, ind.kind, ind.unit) else {
            continue;
        };
        let best = c.best().unwrap().model;
        let fit: Fit = best.fit(&s).unwrap();
        let target = t.target().unwrap();
        let ctx = Context {
            kind: ind.kind,
            unit: ind.unit,
            bounds: ind.bounds,
            today,
            level: 0.95,
        };
        let a = analyse(&fit, &target, &ctx).unwrap();
        let explanations: serde_json::Map<String, Value> = [
            ("projected", Quantity::Projected),
            ("attainment", Quantity::Attainment),
            ("gap", Quantity::Gap),
            ("required", Quantity::Required),
            ("reachDate", Quantity::ReachDate),
            ("probability", Quantity::Probability),
            ("status", Quantity::Status),
        ]
        .into_iter()
        .map(|(k, q)| {
            (
                k.to_string(),
                explanation(&a.explain(q, ind.unit, ind.bounds).unwrap()),
            )
        })
        .collect();
        let reason = match c.reason {
            Reason::LowestOneStepError { .. } => "lowestOneStepError",
            Reason::FewPoints { .. } => "fewPoints",
            Reason::OnlyOne { .. } => "onlyOne",
        };
        out.push(json!({
            "name": t.id,
            "kind": ind.kind,
            "observations": obs,
            "series": series_json(&pts[..n], ind.bounds, ind.kind, ind.unit),
            "target": target,
            "today": today,
            "expected": {
                "points": { "dates": pts[..n].iter().map(|p| p.date).collect::<Vec<_>>(),
                            "values": pts[..n].iter().map(|p| p.value).collect::<Vec<_>>() },
                "evaluation": evaluation(ind.kind, &target),
                "ranked": c.ranked.iter().map(|r| json!({ "spec": spec(&r.model), "score": r.score })).collect::<Vec<_>>(),
                "criterion": c.criterion,
                "reason": reason,
                "choiceExplanation": explanation(&c.explain().unwrap()),
                "analysis": a,
                "explanations": explanations,
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
                v["period"] = js(&p);
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
            json!({ "value": r.value?, "precision": r.precision, "qualifier": r.qualifier? }),
            r.period,
        ))
    };
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
                            json!({ "value": o.value, "precision": o.precision, "qualifier": o.qualifier }),
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
                                json!({ "lo": f.range().lo(), "hi": f.range().hi() }),
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
                "kind": row.kind,
                "period": row.period,
                "stated": figure_in(stated_in(row)),
                "inputs": inputs,
            },
            "expected": {
                "verdict": check.verdict,
                "stated": check.stated,
                "recomputed": check.recomputed,
                "explanation": explanation(&check.explanation),
            },
        }));
    }
    Value::Array(out)
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
        json!({ "kind": k, "value": c.value, "explanation": ex(c.explain()) })
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
        "flowBetween": { "value": f.value, "period": f.period, "explanation": ex(f.explain()) },
        "flows": fl.iter().map(|f| json!({ "value": f.value, "period": f.period })).collect::<Vec<_>>(),
        "shareChange": { "points": sc.points, "relative": sc.relative,
                         "explainPoints": ex(sc.explain_points()), "explainRelative": ex(sc.explain_relative()) },
        "readingsOfChange": rd,
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
    .map(|t| json!({ "text": t, "expected": parse_vi(t).unwrap() }))
    .collect();
    let mut grouped = Vec::new();
    let mut compact = Vec::new();
    for locale in [Locale::Vi, Locale::En] {
        for (v, dec) in [(58_397_139.0, 0), (1_276.5, 2), (-0.125, 3), (79.95, 1)] {
            grouped.push(json!({ "value": v, "decimals": dec, "locale": locale,
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
            compact.push(json!({ "value": v, "unit": unit, "locale": locale,
                                 "expected": Compact::new(v, unit, locale).to_string() }));
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
        json!({ "text": t, "start": p.start(), "end": p.end(), "kind": p.kind(), "days": p.days() })
    })
    .collect();
    json!({ "parseVi": parsed, "grouped": grouped, "compact": compact, "periods": periods,
            "parseDate": [["8/12/2022", "2022-12-08"], ["2020-10-30", "2020-10-30"]],
            "qualifiers": Qualifier::ALL })
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: expected OUT.json");
    let doc = json!({
        "generator": "cargo run -p dxcast-js --example expected (native dxcast-core)",
        "leastSquares": least_squares(),
        "fits": fits(),
        "targets": targets(),
        "claims": claims(),
        "conversions": conversions(),
        "numbers": numbers(),
    });
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&out, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    println!("wrote {out}");
}
