//! The pages, one per route.

use dxcast_app::route::Route;
use leptos::prelude::*;

use crate::components::errors::PageError;
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
            view! { <indicator::IndicatorPage id query /> }.into_any()
        }
        Route::Claims => view! { <claims::ClaimsPage /> }.into_any(),
        Route::Data(edit) => view! { <data::DataPage edit /> }.into_any(),
        Route::Report => view! { <report::ReportPage /> }.into_any(),
        Route::NotFound(path) => return Err(PageError::NotFound(path)),
    })
}
