//! The numbers the end-to-end tests expect the app to show, computed by the
//! model crate natively, as JSON on standard output:
//!
//! ```text
//! cargo run -p dxcast-app --example e2e_expected > target/e2e/expected.json
//! ```
//!
//! `cargo xtask test` writes the file before it runs Playwright, and
//! `e2e/expected.mjs` reads it. The app in the browser computes the same
//! numbers with the same crate compiled to wasm32, so the tests check that
//! the pages show what the model computes: the series NDXP transactions'
//! page projects (every figure of its quantity, each with its measure), the
//! scenarios typed into the what-if panel, the method chosen in a link, the
//! saved scenarios compared, and every indicator's standing on the
//! dashboard.
//!
//! Every indicator's targets are assessed too, as its page shows them on
//! the tests' today (the verdicts' deciding figures).
//!
//! The report page's case pastes `e2e/report-sample.txt` (a short report
//! in the reports' wording, dated 31/5/2024): every figure found, the
//! indicator, kind and period suggested for it, the row a confirmation
//! makes, and the verdict of each derived figure's check.
//!
//! Every case is for NDXP transactions (`ndxp_tx`) on the tests' `today`
//! unless it names another day; its scenario is what the tests type.
//! Growth starts where the figures end (30/4/2024), as the page's empty
//! date field says, and is typed per year unless the case says per month.

use dxcast_app::analysis::{Assessment, Level, Metric};
use dxcast_app::dashboard;
use dxcast_app::dataset::Dataset;
use dxcast_app::export::aside_code;
use dxcast_app::methods::Accuracy;
use dxcast_app::projection::{
    default_horizon, fit, prepare, project, MethodChoice, ProjectionOptions, Sources,
};
use dxcast_app::report::{self, ReportDraft};
use dxcast_app::storage;
use dxcast_core::quantity::Rule;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{Comparison, Date, Error, Method, Symbol, Target};
use serde_json::{json, Map, Value};

/// Today as the tests open the app (`?today=`).
const TODAY: (i32, u32, u32) = (2026, 11, 22);
/// The day after the last report, for verdicts before the 2025 deadline.
const AFTER_LAST_REPORT: (i32, u32, u32) = (2024, 5, 1);

fn date(y: i32, m: u32, d: u32) -> Result<Date, Error> {
    Date::from_ymd(y, m, d)
}

/// The numbers the tests read of one assessment.
fn assessment(a: &Result<Assessment, Error>) -> Value {
    match a {
        Err(e) => json!({ "error": e.to_string() }),
        Ok(a) => {
            let df = a
                .explain(Metric::Projected)
                .and_then(|e| {
                    e.explanation
                        .terms
                        .iter()
                        .find(|t| t.symbol == Symbol::DegreesOfFreedom)
                        .copied()
                })
                .and_then(|t| t.value);
            json!({
                "projected": a.projected,
                "low": a.low,
                "high": a.high,
                "probability": a.probability,
                "standing": a.standing.code(),
                "outlook": a.outlook.code(),
                "attainment": a.attainment,
                "gap": a.gap,
                "figure_date": a.figure_date.to_string(),
                "reach_date": a.reach_date.map(|d| d.to_string()),
                "latest_date": a.latest_date.to_string(),
                "deadline_passed": a.deadline_passed,
                "degrees_of_freedom": df,
                "deciding": a.deciding.map(|d| json!({
                    "date": d.point.date.to_string(),
                    "value": d.point.value,
                    "status": d.status.code(),
                    "after_deadline": d.after_deadline,
                })),
            })
        }
    }
}

/// The report page's case: `e2e/report-sample.txt` pasted with its date.
fn report_case(data: &Dataset) -> Result<Value, Error> {
    let draft = ReportDraft {
        text: include_str!("../../e2e/report-sample.txt").to_string(),
        date: "2024-05-31".to_string(),
        ..ReportDraft::default()
    };
    let found = report::find(&draft.text, draft.as_of());
    let figures: Vec<Value> = found
        .iter()
        .map(|f| {
            let item = report::suggested_item(data, &draft, &found, f);
            let row = report::confirm(data, &draft, f, &item).ok();
            json!({
                "index": f.index,
                "text": f.text(&draft.text),
                "value": f.found.value,
                "suggested": item.indicator,
                "kind": item.kind.code(),
                "qualifier": item.qualifier,
                "period": item.period,
                "row": row.as_ref().map(|c| c.row.clone()),
                "indicator": row.map(|c| c.indicator),
            })
        })
        .collect();
    let checks: Vec<Value> = report::check_candidates(data, &draft.text, &found)
        .iter()
        .map(|c| {
            json!({
                "figure": c.figure,
                "kind": format!("{:?}", c.kind),
                "verdict": c.check.as_ref().map(|k| k.verdict.code()).unwrap_or("error"),
            })
        })
        .collect();
    Ok(json!({
        "date": draft.date,
        "report": draft.report_id(),
        "figures": figures,
        "checks": checks,
    }))
}

fn target(t: &Target) -> Value {
    json!({
        "value": t.value,
        "deadline": t.deadline.to_string(),
        "comparison": t.comparison.code(),
    })
}

/// One case: its name, today, method, rule, level and scenario.
struct Case {
    name: &'static str,
    today: Date,
    method: MethodChoice,
    rule: Rule,
    level: Level,
    scenario: Scenario,
}

#[allow(clippy::too_many_lines)]
fn main() -> Result<(), Error> {
    let data = Dataset::builtin().map_err(|e| {
        eprintln!("the built-in data does not read: {e:?}");
        Error::Empty {
            what: dxcast_core::Field::Series,
        }
    })?;
    let today = date(TODAY.0, TODAY.1, TODAY.2)?;
    let after = date(
        AFTER_LAST_REPORT.0,
        AFTER_LAST_REPORT.1,
        AFTER_LAST_REPORT.2,
    )?;
    let id = "ndxp_tx";
    let sources = Sources::of(&data, id).ok_or(Error::Empty {
        what: dxcast_core::Field::Indicator,
    })?;
    let from = sources.data_end().ok_or(Error::Empty {
        what: dxcast_core::Field::Series,
    })?;
    let yearly = |rate| Some(GrowthOverride::yearly(from, rate));
    let monthly = |rate| {
        Some(GrowthOverride {
            from,
            rate,
            per: Per::Month,
        })
    };
    let shock = |size| -> Result<Option<Shock>, Error> {
        Ok(Some(Shock {
            at: date(2025, 1, 1)?,
            size,
        }))
    };
    let own = Target::new(1.5e9, date(2026, 12, 31)?, Comparison::GreaterThan)?;
    let case = |name, scenario| Case {
        name,
        today,
        method: MethodChoice::Recommended,
        rule: Rule::Totals,
        level: Level::NinetyFive,
        scenario,
    };
    let growth = |g| Scenario {
        growth: g,
        ..Scenario::default()
    };
    let cases = vec![
        case("base", Scenario::default()),
        Case {
            today: after,
            ..case("base on 2024-05-01", Scenario::default())
        },
        Case {
            level: Level::Eighty,
            ..case("base at 80 %", Scenario::default())
        },
        Case {
            rule: Rule::Averages,
            ..case("base under the averages rule", Scenario::default())
        },
        case("growth 0", growth(yearly(0.0))),
        case("growth 20", growth(yearly(20.0))),
        case("growth 20 a month", growth(monthly(20.0))),
        case(
            "growth 20, target",
            Scenario {
                growth: yearly(20.0),
                shock: None,
                target: Some(own),
            },
        ),
        case(
            "growth 20.2, target",
            Scenario {
                growth: yearly(20.2),
                shock: None,
                target: Some(own),
            },
        ),
        case(
            "growth -50, target",
            Scenario {
                growth: yearly(-50.0),
                shock: None,
                target: Some(own),
            },
        ),
        case(
            "growth 10, shock -10, target",
            Scenario {
                growth: yearly(10.0),
                shock: shock(-10.0)?,
                target: Some(own),
            },
        ),
        Case {
            method: MethodChoice::method(Method::LogLinear),
            ..case(
                "log_linear: growth 15, shock -5",
                Scenario {
                    growth: yearly(15.0),
                    shock: shock(-5.0)?,
                    target: None,
                },
            )
        },
        case("Chậm", growth(yearly(5.0))),
        case(
            "Nhanh",
            Scenario {
                growth: yearly(40.0),
                shock: shock(-8.0)?,
                target: None,
            },
        ),
    ];
    let mut out_cases = Map::new();
    let mut recommended = Value::Null;
    let mut series = Value::Null;
    for c in cases {
        let input = sources.input(c.rule);
        let prepared = prepare(&input)?;
        let latest = prepared.points.last().map_or(from, |p| p.date);
        let until = default_horizon(latest, &sources.targets, c.today);
        let chosen = fit(&prepared, &c.method, until)?;
        let options = ProjectionOptions {
            scenario: c.scenario,
            level: c.level,
            ..ProjectionOptions::base(c.today)
        };
        let p = project(&input, &prepared, &chosen, &options)?;
        if c.name == "base" {
            recommended = Value::from(p.method.code());
            let figures = data.quantity_figures(id);
            series = Value::Array(
                prepared
                    .measured
                    .iter()
                    .map(|q| {
                        json!({
                            "id": figures.get(q.source).map(|(_, o)| o.id.clone()),
                            "date": q.point.date.to_string(),
                            "shown": q.point.value * prepared.basis.factor(q.point.date),
                            "measure": q.conversion.code(),
                            "aside": q.aside.map(aside_code),
                        })
                    })
                    .collect(),
            );
        }
        let rows: Vec<Value> = p
            .targets
            .iter()
            .map(|row| {
                json!({
                    "target": target(&row.target),
                    "base": assessment(&row.base),
                    "scenario": row.scenario.as_ref().map(assessment),
                })
            })
            .collect();
        let path = |points: &[dxcast_app::projection::PathPoint]| -> Vec<Value> {
            points
                .iter()
                .map(|q| json!([q.date.to_string(), q.point, q.lo, q.hi]))
                .collect()
        };
        out_cases.insert(
            c.name.to_string(),
            json!({
                "today": c.today.to_string(),
                "method": p.method.code(),
                "methods": p.options.iter().map(|o| json!({
                    "method": o.method.code(),
                    "mape": o.accuracy.mape(),
                    "few_points": match o.accuracy {
                        Accuracy::FewPoints { needed, got } => Some(json!({ "needed": needed, "got": got })),
                        _ => None,
                    },
                    "warnings": o.warnings.len(),
                })).collect::<Vec<_>>(),
                "points": prepared.points.len(),
                "targets": rows,
                "base_path": path(&p.base),
                "what_if_path": p.what_if.as_ref().and_then(|w| w.as_ref().ok()).map(|w| path(w)),
                "start": p.scenario_start.map(|(d, v)| json!([d.to_string(), v])),
                "implausible": p.implausible.map(|f| json!({
                    "per_year": f.per_year,
                    "fastest": f.fastest,
                    "limit": f.limit,
                })),
            }),
        );
    }

    let standings: Map<String, Value> = dashboard::rows(&data, today)
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.standing.map_or(Value::Null, |s| Value::from(s.code())),
            )
        })
        .collect();

    // Every indicator's targets under its recommended method, no scenario,
    // as its page shows them on the tests' today.
    let mut verdicts = Map::new();
    // And the candidate methods that do not fit its series.
    let mut unfit = Map::new();
    for row in dashboard::rows(&data, today) {
        let Some(src) = Sources::of(&data, &row.id) else {
            continue;
        };
        let input = src.input(Rule::Totals);
        let Ok(prepared) = prepare(&input) else {
            continue;
        };
        let Some(latest) = prepared.points.last().map(|p| p.date) else {
            continue;
        };
        let until = default_horizon(latest, &src.targets, today);
        let Ok(chosen) = fit(&prepared, &MethodChoice::Recommended, until) else {
            continue;
        };
        let Ok(p) = project(&input, &prepared, &chosen, &ProjectionOptions::base(today)) else {
            continue;
        };
        let rows: Vec<Value> = p
            .targets
            .iter()
            .map(|t| json!({ "target": target(&t.target), "base": assessment(&t.base) }))
            .collect();
        verdicts.insert(row.id.clone(), Value::Array(rows));
        unfit.insert(
            row.id.clone(),
            p.unfit
                .iter()
                .map(|u| Value::from(u.method.code()))
                .collect(),
        );
    }

    let report = report_case(&data)?;
    let user_figure = user_figure(&data, today)?;

    let doc = json!({
        "today": today.to_string(),
        "after_last_report": after.to_string(),
        "ndxp_tx": {
            "recommended": recommended,
            "from": from.to_string(),
            "targets": sources.targets.iter().map(target).collect::<Vec<_>>(),
            "series": series,
            "cases": out_cases,
        },
        "standings": standings,
        "verdicts": verdicts,
        "unfit": unfit,
        "report": report,
        "user_figure": user_figure,
    });
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    Ok(())
}

/// The user's rows the dashboard test stores: a 2025 figure for NDXP's
/// transactions, which the built-in data does not have.
const USER_FIGURE: &str = r#"{"schema":"dxcast.user","version":1,"observations":[{"definition":"","denominator":"","id":"u-ndxp-2025","indicator":"ndxp_tx","note":"","period":"2025","qualifier":"about","quote":"khoảng 1,2 tỷ giao dịch","report":"mine","stated":"1,2 tỷ","status":"observed","value":"1200000000"}]}"#;

/// The stored rows of [`USER_FIGURE`] and NDXP's standing on `today` with
/// them: the dashboard works it out in the browser (the built-in data's
/// schedule does not speak for figures the user added).
fn user_figure(data: &Dataset, today: Date) -> Result<Value, Error> {
    let none = Error::Empty {
        what: dxcast_core::Field::Series,
    };
    let loaded = storage::load(Some(USER_FIGURE), data);
    if loaded.recovery.is_some() {
        eprintln!("the user's figure does not read");
        return Err(none);
    }
    let (with, rejected) = data.with_user(&loaded.user);
    if !rejected.is_empty() {
        eprintln!("the user's figure is rejected: {rejected:?}");
        return Err(none);
    }
    let row = dashboard::rows(&with, today)
        .into_iter()
        .find(|r| r.id == "ndxp_tx")
        .ok_or(none)?;
    Ok(json!({
        "stored": USER_FIGURE,
        "standing": row.standing.map(|s| s.code()),
    }))
}
