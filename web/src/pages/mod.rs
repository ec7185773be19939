//! The pages, one per route.
//!
//! The dashboard is in the app's main module. Every other page is a split
//! function (`#[wasm_split]`, what Leptos' `#[lazy]` uses, here with
//! `fallible`): `cargo xtask build` splits the module there, and the browser
//! fetches a page's part (and the parts it shares with other pages) the first
//! time the page is shown. The service worker precaches them all.

use dxcast_app::route::{EditTarget, Route};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

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
            loaded(indicator_page(id, query))
        }
        Route::Claims => loaded(claims_page()),
        Route::Data(edit) => loaded(data_page(edit)),
        Route::Report => loaded(report_page()),
        Route::NotFound(path) => return Err(PageError::NotFound(path)),
    })
}

/// A page whose code is loaded when it is first shown, with "Loading…"
/// until it is there. A part that cannot be fetched (offline before the
/// service worker has it) is [`PageError::NotLoaded`], shown by the error
/// boundary; opening the page again fetches it again.
fn loaded(
    page: impl std::future::Future<Output = Result<AnyView, PageError>> + Send + 'static,
) -> AnyView {
    let s = use_state();
    let fallback = move || {
        view! { <p class="empty" role="status" data-testid="page-loading">{move || t(s.lang.get(), K::Loading)}</p> }
    };
    view! { <Suspense fallback>{Suspend::new(page)}</Suspense> }.into_any()
}

/// The indicator page, in its own part of the module.
#[wasm_split(indicator_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn indicator_page(id: String, query: String) -> Result<AnyView, PageError> {
    Ok(view! { <indicator::IndicatorPage id query /> }.into_any())
}

/// The claims page, in its own part.
#[wasm_split(claims_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn claims_page() -> Result<AnyView, PageError> {
    Ok(view! { <claims::ClaimsPage /> }.into_any())
}

/// The data page, in its own part.
#[wasm_split(data_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn data_page(edit: Option<EditTarget>) -> Result<AnyView, PageError> {
    Ok(view! { <data::DataPage edit /> }.into_any())
}

/// The report page, in its own part.
#[wasm_split(report_page, wasm_split_path = ::leptos::wasm_split, fallible)]
fn report_page() -> Result<AnyView, PageError> {
    Ok(view! { <report::ReportPage /> }.into_any())
}
