//! An indicator's status badge, and a claim's verdict badge, in the
//! language given: the views that show them are drawn again when it changes.

use dxcast_app::analysis::Standing;
use dxcast_core::Verdict;
use leptos::prelude::*;

use crate::i18n;
use dxcast_app::lang::Lang;

/// The standing, or nothing when it is not known yet.
#[component]
pub fn StatusBadge(status: Option<Standing>, lang: Lang) -> impl IntoView {
    status.map(|st| {
        view! {
            <span class=format!("badge status-{}", st.code()) data-testid="status" data-status=st.code()>
                {i18n::standing(lang, st)}
            </span>
        }
    })
}

/// A claim's verdict.
#[component]
pub fn VerdictBadge(verdict: Verdict, lang: Lang) -> impl IntoView {
    view! {
        <span
            class=format!("badge verdict-{}", verdict.code())
            data-testid="verdict"
            data-verdict=verdict.code()
        >
            {i18n::verdict(lang, verdict)}
        </span>
    }
}
