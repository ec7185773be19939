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
//! the pages show what the model computes: the scenarios typed into the
//! what-if panel, the method chosen in a link, the saved scenarios compared,
//! and every indicator's standing on the dashboard.
//!
//! Every case is for NDXP transactions (`ndxp_tx`) on the tests' `today`;
//! its scenario is what the tests type. Growth starts where the figures end
//! (31/3/2023), as the page's empty date field says.

use dxcast_app::analysis::{Assessment, Metric};
use dxcast_app::dashboard;
use dxcast_app::dataset::Dataset;
use dxcast_app::projection::{
    fit, prepare, project, MethodChoice, ProjectionInput, ProjectionOptions,
};
use dxcast_core::scenario::{GrowthOverride, Scenario, Shock};
use dxcast_core::{Comparison, Date, Error, Method, Symbol, Target};
use serde_json::{json, Map, Value};

/// Today as the tests open the app (`?today=`).
const TODAY: (i32, u32, u32) = (2026, 11, 22);

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
                "degrees_of_freedom": df,
            })
        }
    }
}

fn target(t: &Target) -> Value {
    json!({
        "value": t.value,
        "deadline": t.deadline.to_string(),
        "comparison": t.comparison.code(),
    })
}

fn main() -> Result<(), Error> {
    let data = Dataset::builtin().map_err(|e| {
        eprintln!("the built-in data does not read: {e:?}");
        Error::Empty {
            what: dxcast_core::Field::Series,
        }
    })?;
    let today = date(TODAY.0, TODAY.1, TODAY.2)?;
    let id = "ndxp_tx";
    let ind = data.indicator(id).ok_or(Error::Empty {
        what: dxcast_core::Field::Indicator,
    })?;
    let observations = data.observations_by_report(id);
    let targets: Vec<Target> = data
        .targets_of(id)
        .filter_map(|t| t.target().ok())
        .collect();
    let input = ProjectionInput {
        subject: ind.subject(),
        observations: &observations,
        targets: &targets,
    };
    let prepared = prepare(&input)?;

    let from = date(2023, 3, 31)?;
    let growth = |rate| {
        Some(GrowthOverride {
            from,
            rate,
            per: dxcast_core::scenario::Per::Month,
        })
    };
    let shock = |size| -> Result<Option<Shock>, Error> {
        Ok(Some(Shock {
            at: date(2024, 1, 1)?,
            size,
        }))
    };
    let own = Target::new(1.5e9, date(2026, 12, 31)?, Comparison::GreaterThan)?;
    let cases: Vec<(&str, MethodChoice, Scenario)> = vec![
        ("base", MethodChoice::Recommended, Scenario::default()),
        (
            "growth 6",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(6.0),
                ..Scenario::default()
            },
        ),
        (
            "growth 6.2",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(6.2),
                ..Scenario::default()
            },
        ),
        (
            "growth -20",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(-20.0),
                ..Scenario::default()
            },
        ),
        (
            "growth 3.5, shock -10",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(3.5),
                shock: shock(-10.0)?,
                target: None,
            },
        ),
        (
            "growth 3.5, shock -10, target",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(3.5),
                shock: shock(-10.0)?,
                target: Some(own),
            },
        ),
        (
            "log_linear: growth 2.5, shock -5",
            MethodChoice::method(Method::LogLinear),
            Scenario {
                growth: growth(2.5),
                shock: shock(-5.0)?,
                target: None,
            },
        ),
        (
            "Chậm",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(1.0),
                ..Scenario::default()
            },
        ),
        (
            "Nhanh",
            MethodChoice::Recommended,
            Scenario {
                growth: growth(4.0),
                shock: shock(-8.0)?,
                target: None,
            },
        ),
    ];
    let mut out_cases = Map::new();
    let mut recommended = Value::Null;
    for (name, method, scenario) in cases {
        let chosen = fit(&prepared, &method)?;
        let options = ProjectionOptions {
            scenario,
            ..ProjectionOptions::base(today)
        };
        let p = project(&input, &prepared, &chosen, &options)?;
        if name == "base" {
            recommended = Value::from(p.method.code());
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
        out_cases.insert(
            name.to_string(),
            json!({ "method": p.method.code(), "targets": rows }),
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

    let doc = json!({
        "today": today.to_string(),
        "ndxp_tx": {
            "recommended": recommended,
            "targets": targets.iter().map(target).collect::<Vec<_>>(),
            "cases": out_cases,
        },
        "standings": standings,
    });
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    Ok(())
}
