//! The pages, one per route.
//!
//! The dashboard is in the app's main module. Every other page is a
//! `#[lazy]` function: `cargo xtask build` splits the module there, and the
//! browser fetches a page's part (and the parts it shares with other pages)
//! the first time the page is shown. The service worker precaches them all.

use dxcast_app::route::{EditTarget, Route};
use leptos::lazy;
use leptos::prelude::*;

use crate::components::errors::PageError;
use crate::i18n::{t, K};
use crate::state::use_state;

pub mod claims;
pub mod dashboard;
pub mod data;
pub mod indicator;
pub mod report;

/// The page for `route`, or why there is none (shown by the error boundary).
///
/// # Errors
///
/// [`PageError`] for an unknown address or indicator.
pub fn page(route: Route) -> Result<AnyView, PageError> {
    let s = use_state();
    Ok(match route {
        Route::Dashboard => view! { <dashboard::DashboardPage /> }.into_any(),
        Route::Indicator(id, query) => {
            if s.data.with_untracked(|d| d.indicator(&id).is_none()) {
                return Err(PageError::NoIndicator(id));
            }
            loaded(async move { indicator_page(id, query).await })
        }
        Route::Claims => loaded(async move { claims_page().await }),
        Route::Data(edit) => loaded(async move { data_page(edit).await }),
        Route::Report => loaded(async move { report_page().await }),
        Route::NotFound(path) => return Err(PageError::NotFound(path)),
    })
}

/// A page whose code is loaded when it is first shown, with "Loading…"
/// until it is there. (A part that cannot be fetched stops the app, and
/// `www/fatal.js` says so; offline, the service worker has every part.)
fn loaded(page: impl std::future::Future<Output = AnyView> + Send + 'static) -> AnyView {
    let s = use_state();
    let fallback = move || {
        view! { <p class="empty" role="status" data-testid="page-loading">{move || t(s.lang.get(), K::Loading)}</p> }
    };
    view! { <Suspense fallback>{Suspend::new(page)}</Suspense> }.into_any()
}

/// The indicator page, in its own part of the module.
#[lazy]
fn indicator_page(id: String, query: String) -> AnyView {
    view! { <indicator::IndicatorPage id query /> }.into_any()
}

/// The claims page, in its own part.
#[lazy]
fn claims_page() -> AnyView {
    view! { <claims::ClaimsPage /> }.into_any()
}

/// The data page, in its own part.
#[lazy]
fn data_page(edit: Option<EditTarget>) -> AnyView {
    view! { <data::DataPage edit /> }.into_any()
}

/// The report page, in its own part.
#[lazy]
fn report_page() -> AnyView {
    view! { <report::ReportPage /> }.into_any()
}
