//! Every text of the interface's catalogue in both languages, as JSON on
//! standard output, for the end-to-end check that a page in one language
//! shows none of the other language's words:
//!
//! ```text
//! cargo run -p dxcast-web --example e2e_catalogue > target/e2e/catalogue.json
//! ```
//!
//! `cargo xtask test` writes the file beside `expected.json` before it runs
//! Playwright, and `e2e/catalogue.mjs` reads it. Each entry names where the
//! pair comes from (`K::Save`, `pillar::Economy`, `field::Date`…) and gives
//! its Vietnamese and English; templates keep their `{0}`, `{1}`, …
//! placeholders. The walk covers the catalogues' keys ([`K::ALL`], [`P::ALL`]) and the
//! words of every variant of the vocabularies the views translate (the
//! core's pillars, units, measures, statuses, qualifiers, comparisons,
//! methods, claim kinds, verdicts, explanation symbols, formulas and their
//! expressions, its
//! errors' fields, expectations, tasks, kinds and unknown reasons; the
//! model's standings, tables and figure kinds). `notation` lists the
//! explanations' symbols, notation that is the same in both languages.

use dxcast_app::analysis::Standing;
use dxcast_app::dataset::Table;
use dxcast_app::lang::Lang;
use dxcast_app::report::FigureKind;
use dxcast_core::quantity::{Aside, Conversion, Rule};
use dxcast_core::{
    ClaimKind, Comparison, ErrorKind, Expected, Field, Formula, MeasureKind, Method, Pillar,
    Qualifier, Status, Symbol, Task, Unit, Unknown, Verdict,
};
use dxcast_web::i18n::{self, errors, K, P};
use dxcast_web::messages;
use serde_json::{json, Value};

/// One pair: where it comes from, its Vietnamese and its English.
fn pair(key: String, text: impl Fn(Lang) -> String) -> Value {
    json!({ "key": key, "vi": text(Lang::Vi), "en": text(Lang::En) })
}

/// The pairs of one vocabulary: `name::Variant` for each variant.
fn walk<T: Copy + std::fmt::Debug>(
    out: &mut Vec<Value>,
    name: &str,
    all: &[T],
    text: impl Fn(Lang, T) -> String,
) {
    for &v in all {
        out.push(pair(format!("{name}::{v:?}"), |l| text(l, v)));
    }
}

fn main() {
    let mut pairs = Vec::new();
    walk(&mut pairs, "K", K::ALL, |l, k| k.text(l).to_string());
    walk(&mut pairs, "P", P::ALL, |l, p| p.text(l).to_string());
    walk(&mut pairs, "pillar", &Pillar::ALL, |l, v| {
        i18n::pillar(l, v).into()
    });
    walk(&mut pairs, "unit", &Unit::ALL, |l, v| {
        i18n::unit(l, v).into()
    });
    walk(&mut pairs, "kind", &MeasureKind::ALL, |l, v| {
        i18n::kind(l, v).into()
    });
    walk(&mut pairs, "conversion", &Conversion::ALL, |l, v| {
        i18n::conversion(l, v).into()
    });
    walk(&mut pairs, "aside", &Aside::ALL, |l, v| {
        i18n::aside(l, v).into()
    });
    walk(&mut pairs, "rule", &Rule::ALL, |l, v| {
        i18n::rule(l, v).into()
    });
    walk(&mut pairs, "figure_kind", &FigureKind::ALL, |l, v| {
        i18n::figure_kind(l, v).into()
    });
    walk(&mut pairs, "status", &Status::ALL, |l, v| {
        i18n::status(l, v).into()
    });
    walk(&mut pairs, "qualifier_word", &Qualifier::ALL, |l, v| {
        i18n::qualifier_word(l, v).into()
    });
    walk(&mut pairs, "qualifier_choice", &Qualifier::ALL, |l, v| {
        i18n::qualifier_choice(l, v).into()
    });
    walk(&mut pairs, "comparison", &Comparison::ALL, |l, v| {
        i18n::comparison(l, v).into()
    });
    walk(&mut pairs, "method", &Method::ALL, |l, v| {
        i18n::method(l, v).into()
    });
    walk(&mut pairs, "standing", &Standing::ALL, |l, v| {
        i18n::standing(l, v).into()
    });
    walk(&mut pairs, "verdict", &Verdict::ALL, |l, v| {
        i18n::verdict(l, v).into()
    });
    walk(&mut pairs, "claim_kind", &ClaimKind::ALL, |l, v| {
        i18n::claim_kind(l, v).into()
    });
    walk(&mut pairs, "symbol", &Symbol::ALL, |l, v| {
        i18n::symbol(l, v.code()).unwrap_or_default().into()
    });
    walk(&mut pairs, "formula", &Formula::ALL, |l, v| {
        i18n::formula(l, v).into()
    });
    walk(&mut pairs, "expression", &Formula::ALL, |l, v| {
        i18n::expression(l, v).into()
    });
    walk(&mut pairs, "table", &Table::ALL, |l, v| {
        messages::table(l, v).into()
    });
    walk(&mut pairs, "field", Field::ALL, |l, v| {
        errors::field(l, v).into()
    });
    walk(&mut pairs, "expected", Expected::ALL, |l, v| {
        errors::expected(l, v).into()
    });
    walk(&mut pairs, "task", Task::ALL, |l, v| {
        errors::task(l, v).into()
    });
    walk(&mut pairs, "error_kind", &ErrorKind::ALL, |l, v| {
        errors::kind(l, v).into()
    });
    walk(&mut pairs, "unknown", &Unknown::ALL, |l, v| {
        errors::unknown(l, v).into()
    });
    // The explanations' symbols are notation ("x", "min", "score"), the same
    // in both languages, shown beside their translated names.
    let notation: Vec<&str> = Symbol::ALL.iter().map(|s| s.notation()).collect();
    let out = json!({ "pairs": pairs, "notation": notation });
    println!("{out:#}");
}
