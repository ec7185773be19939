//! The indicator page's projection area: the fitted trend's status, the
//! method chooser, target analytics with "explain", and the what-if controls
//! go here once the projection engine is part of the app
//! ([`crate::projection::project`]). Until then it renders nothing.

use leptos::prelude::*;

use crate::components::explanation::ExplanationView;
use crate::components::status::StatusBadge;
use crate::format::Measure;
use crate::projection::Projection;

/// The projection's status and explanations; nothing without a projection.
#[component]
pub fn ProjectionPanel(projection: Option<Projection>) -> impl IntoView {
    projection.map(|p| {
        let explanations = p
            .explanations
            .into_iter()
            .map(|e| {
                let n = e.terms.len();
                view! { <ExplanationView explanation=e measures=vec![Measure::Plain; n] result=Measure::Plain /> }
            })
            .collect_view();
        view! {
            <section class="projection" data-testid="projection">
                <StatusBadge status=Some(p.status) />
                {explanations}
            </section>
        }
    })
}
