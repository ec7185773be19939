//! An explanation from the core: the formula, each term named in the
//! interface language (by its symbol's code) with its value, and the result.

use dxcast_core::Explanation;
use leptos::prelude::*;

use crate::format::{self, Measure};
use crate::i18n::{self, K};
use crate::use_state;

/// The explanation, with one [`Measure`] per term and one for the result.
#[component]
pub fn ExplanationView(
    explanation: Explanation,
    measures: Vec<Measure>,
    result: Measure,
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
                            {move || s.t(K::ClaimAtStated)}
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
