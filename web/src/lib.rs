//! The dxcast app's views: Vietnam's digital-transformation indicators,
//! their targets and the reports' derived figures, in the browser and
//! offline.
//!
//! The model is the `dxcast-app` crate (data, projections, analyses, stored
//! documents, links, forms), tested natively. This crate keeps the views:
//! [`components`] and [`pages`] render state, [`chart`] computes the chart's
//! geometry, [`mod@format`], [`i18n`] and [`messages`] write numbers, dates and
//! words in either language, [`state`] holds the shared signals,
//! [`export`] frames the chart as a picture to pass on, and [`browser`] is
//! the thin glue to the page.

use dxcast_app::dataset::Dataset;
use dxcast_app::route::Route;
use dxcast_app::storage::{Kept, Synced};
use dxcast_app::{scenarios, storage};
use leptos::ev;
use leptos::prelude::*;

pub mod browser;
pub mod chart;
pub mod export;
pub mod format;
pub mod i18n;
pub mod messages;
pub mod state;

pub mod components;
pub mod pages;

use crate::state::AppState;

/// The root component: reads the built-in data, or explains why it cannot.
#[component]
pub fn App() -> impl IntoView {
    match Dataset::builtin_figures() {
        Ok(builtin) => view! { <Shell builtin /> }.into_any(),
        Err(e) => {
            let lang = state::stored_lang();
            view! { <components::errors::BuiltinFailed error=e lang /> }.into_any()
        }
    }
}

/// The app around the built-in data.
#[component]
fn Shell(builtin: Dataset) -> impl IntoView {
    let lang = RwSignal::new(state::stored_lang());
    browser::set_document_lang(lang.get_untracked().code());
    // What is stored, read; what cannot be read is kept aside (or, when
    // even a copy does not fit, left in place and not saved over).
    let mut store = browser::LocalStore;
    let raw_user = browser::get(storage::USER_KEY);
    let loaded = storage::load(raw_user.as_deref(), &builtin);
    let recovery = loaded.recovery.map(|r| {
        let backup = storage::backup_key(browser::now_ms());
        let kept = storage::set_aside(&mut store, storage::USER_KEY, backup, &r.raw);
        (r, kept)
    });
    let user_sync = Synced {
        seen: raw_user,
        held: matches!(recovery, Some((_, Kept::InPlace(_)))),
    };
    let raw_scenarios = browser::get(scenarios::KEY);
    let saved = scenarios::load(raw_scenarios.as_deref());
    let scenario_recovery = saved.recovery.map(|r| {
        let backup = scenarios::backup_key(browser::now_ms());
        let kept = storage::set_aside(&mut store, scenarios::KEY, backup, &r.raw);
        (r, kept)
    });
    let scenario_sync = Synced {
        seen: raw_scenarios,
        held: matches!(scenario_recovery, Some((_, Kept::InPlace(_)))),
    };
    let rewrite_user = recovery.is_some() && !user_sync.held;
    let rewrite_scenarios = scenario_recovery.is_some() && !scenario_sync.held;
    let user = RwSignal::new(loaded.user);
    let builtin = StoredValue::new(builtin);
    let data = Memo::new(move |_| user.with(|u| builtin.with_value(|b| b.with_user(u).0)));
    let route = RwSignal::new(Route::parse(&browser::hash()));
    let state = AppState {
        lang,
        route,
        builtin,
        user,
        data,
        recovery: RwSignal::new(recovery),
        save_problem: RwSignal::new(None),
        scenario_save_problem: RwSignal::new(None),
        other_tab: RwSignal::new(None),
        notice: RwSignal::new(None),
        update_ready: RwSignal::new(browser::update_waiting()),
        scenarios: RwSignal::new(saved.store),
        scenario_recovery: RwSignal::new(scenario_recovery.map(|(r, k)| (r, k.key().to_string()))),
        user_sync: StoredValue::new(user_sync),
        scenario_sync: StoredValue::new(scenario_sync),
        today: browser::today(),
    };
    // The unreadable text is copied: save what reads over it.
    if rewrite_user {
        state.save();
    }
    if rewrite_scenarios {
        state.change_scenarios(|_| {});
    }
    provide_context(state);

    let on_hash = window_event_listener(ev::hashchange, move |_| {
        let next = Route::parse(&browser::hash());
        if !matches!(next, Route::Data(_)) {
            state.notice.set(None);
        }
        route.set(next);
        browser::focus_page("main");
    });
    let on_update = window_event_listener_untyped("dxcast-update", move |_| {
        state.update_ready.set(true);
    });
    // Another tab saved: show what it saved.
    let on_storage = window_event_listener(ev::storage, move |e| {
        if let Some(key) = e.key() {
            state.adopt(&key, e.new_value());
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_update.remove();
        on_storage.remove();
    });

    view! {
        <components::header::Header />
        <main id="main" tabindex="-1">
            <components::banners::Banners />
            // A boundary for each page, so that no page's error (a page part
            // that could not be fetched, say) outlives its page.
            {move || {
                let now = route.get();
                view! {
                    <ErrorBoundary fallback=|errors| {
                        view! { <components::errors::ErrorPanel errors /> }
                    }>{move || pages::page(now.clone())}</ErrorBoundary>
                }
            }}
        </main>
        <components::header::Footer />
    }
}
