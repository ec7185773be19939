//! The app's shared state: the signals every page reads, and the actions
//! that change and save them.

use dxcast_app::claims::CheckedClaim;
use dxcast_app::dataset::{Dataset, UserData};
use dxcast_app::lang::Lang;
use dxcast_app::route::Route;
use dxcast_app::scenarios::{self, ScenarioRecovery, ScenarioStore};
use dxcast_app::storage::{self, StoreRecovery};
use dxcast_core::Date;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{self, K};

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
    pub claims: Memo<Vec<CheckedClaim>>,
    /// Stored text that could not be read, and where its copy is kept.
    pub recovery: RwSignal<Option<(StoreRecovery, String)>>,
    /// Why the last save failed, if it did.
    pub save_error: RwSignal<Option<String>>,
    /// The outcome of the last action on the data page.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether a new version waits.
    pub update_ready: RwSignal<bool>,
    /// The saved what-if scenarios.
    pub scenarios: RwSignal<ScenarioStore>,
    /// Saved scenarios that could not be read, and where their copy is kept.
    pub scenario_recovery: RwSignal<Option<(ScenarioRecovery, String)>>,
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
    pub fn change_scenarios(self, f: impl FnOnce(&mut ScenarioStore)) {
        self.scenarios.update(f);
        let json = self.scenarios.with_untracked(scenarios::to_json);
        self.save_error
            .set(browser::set(scenarios::KEY, &json).err());
    }

    /// Saves the user's rows.
    pub fn save(self) {
        let json = self.user.with_untracked(storage::to_json);
        self.save_error
            .set(browser::set(storage::USER_KEY, &json).err());
    }
}

/// The stored interface language, or the default.
#[must_use]
pub fn stored_lang() -> Lang {
    browser::get(storage::LANG_KEY)
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default()
}

/// The state provided by [`crate::App`].
///
/// # Panics
///
/// Outside the app's component tree.
#[must_use]
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
