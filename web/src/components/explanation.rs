//! An explanation from the core: the formula, each term named in the
//! interface language (by its symbol's code) with its value, and the result;
//! an unknown value says so, with the core's reason.
//!
//! The components take the language as a value: the views that show them
//! are drawn again when it changes. (A closure on the language signal inside
//! a view that is redrawn often, as the what-if redraws the analytics, would
//! leave one dead subscriber on the signal per redraw.)

use dxcast_app::lang::Lang;
use dxcast_app::measure::{Explained, Measure};
use dxcast_core::{Explanation, Unknown};
use leptos::prelude::*;

use crate::format;
use crate::i18n::{self, t, tf, K, P};

/// A term's value: written as its measure says, or "unknown" when the
/// explanation gives a reason, or "(not given)" for an input no report gives.
fn term_text(value: Option<f64>, measure: Measure, why: Option<Unknown>, lang: Lang) -> String {
    match (value, why) {
        (Some(v), _) => format::measured(v, measure, lang),
        (None, Some(_)) => t(lang, K::UnknownValue).to_string(),
        (None, None) => t(lang, P::NotGiven).to_string(),
    }
}

/// The result: written as its measure says, or "unknown" with the reason.
fn result_text(value: Option<f64>, measure: Measure, why: Option<Unknown>, lang: Lang) -> String {
    match (value, why) {
        (Some(v), _) => format::measured(v, measure, lang),
        (None, Some(w)) => tf(lang, P::UnknownBecause, &[i18n::errors::unknown(lang, w)]),
        (None, None) => t(lang, K::UnknownValue).to_string(),
    }
}

/// An "explain" disclosure: closed, it says what it explains; open, it
/// shows the formula and its inputs, named and written in the language.
#[component]
pub fn Explain(
    /// What is explained (for the summary's accessible name).
    #[prop(into)]
    what: String,
    /// The explanations, shown one after the other.
    explained: Vec<Explained>,
    /// Words shown before them (the rule a result follows); empty for none.
    #[prop(optional)]
    note: String,
    /// The interface language.
    lang: Lang,
) -> impl IntoView {
    (!explained.is_empty()).then(|| {
        let note = (!note.is_empty())
            .then(|| view! { <p class="explain-note" data-testid="explain-note">{note}</p> });
        let views = explained
            .into_iter()
            .map(|e| {
                view! {
                    <ExplanationView
                        explanation=e.explanation
                        measures=e.measures
                        result=e.result
                        result_label=P::ExplainResult
                        lang
                    />
                }
            })
            .collect_view();
        let label = what.clone();
        view! {
            <details class="explain" data-testid="explain">
                <summary aria-label=tf(lang, P::ExplainAria, &[&label])>
                    {t(lang, P::Explain)}
                </summary>
                {note}
                {views}
            </details>
        }
    })
}

/// The explanation, with one [`Measure`] per term and one for the result.
#[component]
pub fn ExplanationView(
    explanation: Explanation,
    measures: Vec<Measure>,
    result: Measure,
    /// The result's label.
    #[prop(default = P::ClaimAtStated)]
    result_label: P,
    /// The interface language.
    lang: Lang,
) -> impl IntoView {
    let e = explanation;
    let why = e.unknown;
    let terms = e
        .terms
        .iter()
        .enumerate()
        .map(|(i, term)| {
            let symbol = term.symbol;
            let measure = measures.get(i).copied().unwrap_or(Measure::Plain);
            let value = term.value;
            view! {
                <tr>
                    <th scope="row">
                        <code>{symbol.notation()}</code>
                    </th>
                    <td>
                        {i18n::symbol(lang, symbol.code()).unwrap_or(symbol.code())}
                    </td>
                    <td class="num">{term_text(value, measure, why, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    let formula = e.formula;
    let value = e.result;
    view! {
        <div class="explanation" data-testid="explanation">
            <p class="formula">
                <span class="label">{t(lang, P::ClaimFormula)}</span>
                " "
                {i18n::formula(lang, formula)}
                ": "
                <code>{i18n::expression(lang, formula)}</code>
            </p>
            <table class="terms">
                <tbody>{terms}</tbody>
            </table>
            {(value.is_some() || why.is_some())
                .then(|| {
                    view! {
                        <p class="result">
                            {t(lang, result_label)}
                            ": "
                            <strong
                                data-testid="explanation-result"
                                data-unknown=why.map(Unknown::code)
                            >
                                {result_text(value, result, why, lang)}
                            </strong>
                        </p>
                    }
                })}
        </div>
    }
}
