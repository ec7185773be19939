//! The dxcast app: Vietnam's digital-transformation indicators, their
//! targets and the reports' derived figures, in the browser and offline.
//!
//! The plain modules hold the app's logic and are tested natively:
//! [`route`] (hash routes), [`i18n`] (the catalogue), [`format`] (numbers and
//! dates by language), [`dataset`] (the built-in files and the user's rows
//! through the core's import path), [`storage`] (the stored schema and its
//! recovery), [`import`], [`forms`], [`export`], [`dashboard`], [`claims`],
//! [`chart`] (geometry), [`projection`] (the core's projection pipeline for
//! one indicator), [`whatif`] (the what-if fields), [`scenarios`] (saved
//! scenarios) and [`share`] (a view as a link). [`browser`] is the thin glue to the page. The components in
//! `components/` and `pages/` render state.

use dxcast_core::Date;
use leptos::ev;
use leptos::prelude::*;

pub mod browser;
pub mod chart;
pub mod claims;
pub mod dashboard;
pub mod dataset;
pub mod export;
pub mod format;
pub mod forms;
pub mod i18n;
pub mod import;
pub mod messages;
pub mod projection;
pub mod route;
pub mod scenarios;
pub mod share;
pub mod storage;
pub mod whatif;

pub mod components;
pub mod pages;

use crate::claims::Checked;
use crate::dataset::{Dataset, UserData};
use crate::i18n::{Lang, K};
use crate::route::Route;
use crate::storage::Recovery;

/// A short-lived message after an action (saved, imported, reset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub problem: bool,
    /// Where it is shown: next to what the user acted on.
    pub place: Place,
}

/// Where on the data page a notice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The list of the user's rows.
    Rows,
    /// The figure form.
    Observation,
    /// The indicator form.
    Indicator,
    /// The import.
    Import,
    /// The reset.
    Reset,
}

/// The app's shared state. Signals are `Copy`, so is this.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The current page.
    pub route: RwSignal<Route>,
    /// The user's rows.
    pub user: RwSignal<UserData>,
    /// The built-in data with the user's rows.
    pub data: Memo<Dataset>,
    /// Every claim checked against `data`.
    pub claims: Memo<Vec<Checked>>,
    /// Stored text that could not be read, and where its copy is kept.
    pub recovery: RwSignal<Option<(Recovery, String)>>,
    /// Why the last save failed, if it did.
    pub save_error: RwSignal<Option<String>>,
    /// The outcome of the last action on the data page.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether a new version waits.
    pub update_ready: RwSignal<bool>,
    /// The saved what-if scenarios.
    pub scenarios: RwSignal<scenarios::Store>,
    /// Saved scenarios that could not be read, and where their copy is kept.
    pub scenario_recovery: RwSignal<Option<(scenarios::Recovery, String)>>,
    /// Today (from the clock, or `?today=`).
    pub today: Date,
}

impl AppState {
    /// A text in the current language (reactive).
    #[must_use]
    pub fn t(self, key: K) -> &'static str {
        key.text(self.lang.get())
    }

    /// A text with arguments in the current language (reactive).
    #[must_use]
    pub fn tf(self, key: K, args: &[&str]) -> String {
        i18n::tf(self.lang.get(), key, args)
    }

    /// Shows a message about the last action, at `place`.
    pub fn say(self, place: Place, text: String, problem: bool) {
        self.notice.set(Some(Notice {
            text,
            problem,
            place,
        }));
    }

    /// Switches the language and remembers it.
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        browser::set_document_lang(lang.code());
        let _ = browser::set(storage::LANG_KEY, lang.code());
    }

    /// Changes the user's rows and saves them.
    pub fn change_user(self, f: impl FnOnce(&mut UserData)) {
        self.user.update(f);
        self.save();
    }

    /// Changes the saved scenarios and saves them.
    pub fn change_scenarios(self, f: impl FnOnce(&mut scenarios::Store)) {
        self.scenarios.update(f);
        let json = self.scenarios.with_untracked(scenarios::to_json);
        self.save_error
            .set(browser::set(scenarios::KEY, &json).err());
    }

    fn save(self) {
        let json = self.user.with_untracked(storage::to_json);
        self.save_error
            .set(browser::set(storage::USER_KEY, &json).err());
    }
}

/// The state provided by [`App`].
///
/// # Panics
///
/// Outside the app's component tree.
#[must_use]
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The root component: reads the built-in data, or explains why it cannot.
#[component]
pub fn App() -> impl IntoView {
    browser::install_panic_message();
    match Dataset::builtin() {
        Ok(builtin) => view! { <Shell builtin /> }.into_any(),
        Err(e) => {
            let lang = browser::get(storage::LANG_KEY)
                .and_then(|c| Lang::from_code(&c))
                .unwrap_or_default();
            view! { <components::errors::BuiltinFailed error=e lang /> }.into_any()
        }
    }
}

/// The app around the built-in data.
#[component]
fn Shell(builtin: Dataset) -> impl IntoView {
    let lang = RwSignal::new(
        browser::get(storage::LANG_KEY)
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_default(),
    );
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
