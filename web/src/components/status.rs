//! An indicator's status badge, and a claim's verdict badge.

use dxcast_app::analysis::Standing;
use dxcast_core::Verdict;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_state;

/// The standing, or nothing when it is not known yet.
#[component]
pub fn StatusBadge(status: Option<Standing>) -> impl IntoView {
    let s = use_state();
    status.map(|st| {
        view! {
            <span class=format!("badge status-{}", st.code()) data-testid="status" data-status=st.code()>
                {move || i18n::standing(s.lang.get(), st)}
            </span>
        }
    })
}

/// A claim's verdict.
#[component]
pub fn VerdictBadge(verdict: Verdict) -> impl IntoView {
    let s = use_state();
    view! {
        <span
            class=format!("badge verdict-{}", verdict.code())
            data-testid="verdict"
            data-verdict=verdict.code()
        >
            {move || i18n::verdict(s.lang.get(), verdict)}
        </span>
    }
}
