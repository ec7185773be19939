//! The dxcast app.
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! { <h1>"dxcast"</h1> }
}
