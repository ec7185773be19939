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

use dxcast_app::claims;
use dxcast_app::dataset::Dataset;
use dxcast_app::route::Route;
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
    browser::install_panic_message();
    match Dataset::builtin() {
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
    let loaded = storage::load(browser::get(storage::USER_KEY).as_deref(), &builtin);
    // Keep a copy of what could not be read before anything is saved over it.
    let recovery = loaded.recovery.map(|r| {
        let key = storage::backup_key(browser::now_ms());
        let _ = browser::set(&key, &r.raw);
        (r, key)
    });
    let had_recovery = recovery.is_some();
    let saved = scenarios::load(browser::get(scenarios::KEY).as_deref());
    let scenario_recovery = saved.recovery.map(|r| {
        let key = scenarios::backup_key(browser::now_ms());
        let _ = browser::set(&key, &r.raw);
        (r, key)
    });
    let user = RwSignal::new(loaded.user);
    let builtin = StoredValue::new(builtin);
    let data = Memo::new(move |_| user.with(|u| builtin.with_value(|b| b.with_user(u).0)));
    let claims = Memo::new(move |_| data.with(claims::check_all));
    let route = RwSignal::new(Route::parse(&browser::hash()));
    let state = AppState {
        lang,
        route,
        user,
        data,
        claims,
        recovery: RwSignal::new(recovery),
        save_error: RwSignal::new(None),
        notice: RwSignal::new(None),
        update_ready: RwSignal::new(browser::update_waiting()),
        scenarios: RwSignal::new(saved.store),
        scenario_recovery: RwSignal::new(scenario_recovery),
        today: browser::today(),
    };
    if had_recovery {
        state.save();
    }
    if state.scenario_recovery.with_untracked(Option::is_some) {
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
    on_cleanup(move || {
        on_hash.remove();
        on_update.remove();
    });

    view! {
        <components::header::Header />
        <main id="main" tabindex="-1">
            <components::banners::Banners />
            <ErrorBoundary fallback=|errors| {
                view! { <components::errors::ErrorPanel errors /> }
            }>{move || pages::page(route.get())}</ErrorBoundary>
        </main>
        <components::header::Footer />
    }
}
