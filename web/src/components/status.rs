//! An indicator's status badge, and a claim's verdict badge.

use dxcast_core::Verdict;
use leptos::prelude::*;

use crate::i18n;
use crate::projection::TargetStatus;
use crate::use_state;

/// The status, or nothing when it is not known yet.
#[component]
pub fn StatusBadge(status: Option<TargetStatus>) -> impl IntoView {
    let s = use_state();
    status.map(|st| {
        view! {
            <span class=format!("badge status-{}", st.code()) data-testid="status" data-status=st.code()>
                {move || i18n::target_status(s.lang.get(), st)}
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
