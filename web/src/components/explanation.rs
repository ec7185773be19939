//! An explanation from the core: the formula, each term named in the
//! interface language (by its symbol's code) with its value, and the result.

use dxcast_core::Explanation;
use leptos::prelude::*;

use crate::format::{self, Measure};
use crate::i18n::{self, K};
use crate::projection::Explained;
use crate::use_state;

/// An "explain" disclosure: closed, it says what it explains; open, it
/// shows the formula and its inputs, named and written in the language.
#[component]
pub fn Explain(
    /// What is explained (for the summary's accessible name).
    #[prop(into)]
    what: String,
    /// The explanations, shown one after the other.
    explained: Vec<Explained>,
) -> impl IntoView {
    let s = use_state();
    (!explained.is_empty()).then(|| {
        let views = explained
            .into_iter()
            .map(|e| {
                view! {
                    <ExplanationView
                        explanation=e.explanation
                        measures=e.measures
                        result=e.result
                        result_label=K::ExplainResult
                    />
                }
            })
            .collect_view();
        let label = what.clone();
        view! {
            <details class="explain" data-testid="explain">
                <summary aria-label=move || s.tf(K::ExplainAria, &[&label])>
                    {move || s.t(K::Explain)}
                </summary>
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
    #[prop(default = K::ClaimAtStated)]
    result_label: K,
) -> impl IntoView {
    let s = use_state();
    let e = explanation;
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
                        {move || i18n::symbol(s.lang.get(), symbol.code()).unwrap_or(symbol.code())}
                    </td>
                    <td class="num">{move || format::measured(value, measure, s.lang.get())}</td>
                </tr>
            }
        })
        .collect_view();
    let formula = e.formula;
    let value = e.result;
    view! {
        <div class="explanation" data-testid="explanation">
            <p class="formula">
                <span class="label">{move || s.t(K::ClaimFormula)}</span>
                " "
                {move || i18n::formula(s.lang.get(), formula)}
                ": "
                <code>{formula.expression()}</code>
            </p>
            <table class="terms">
                <tbody>{terms}</tbody>
            </table>
            {value
                .is_finite()
                .then(|| {
                    view! {
                        <p class="result">
                            {move || s.t(result_label)}
                            ": "
                            <strong data-testid="explanation-result">
                                {move || format::measured(value, result, s.lang.get())}
                            </strong>
                        </p>
                    }
                })}
        </div>
    }
}
