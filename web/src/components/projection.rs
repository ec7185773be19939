//! The indicator page's projection area.

use leptos::prelude::*;

use crate::projection::Projection;

/// Placeholder.
#[component]
pub fn ProjectionPanel(projection: Option<Projection>) -> impl IntoView {
    projection.map(|_| view! { <section class="projection" data-testid="projection"></section> })
}
