//! The app's shared state: the signals every page reads, and the actions
//! that change and save them.

use dxcast_app::dataset::{Dataset, UserData};
use dxcast_app::lang::Lang;
use dxcast_app::route::Route;
use dxcast_app::scenarios::{self, ScenarioRecovery, ScenarioStore};
use dxcast_app::storage::{self, Kept, SaveProblem, StoreRecovery, Synced};
use dxcast_core::Date;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{self, Word};

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
    /// The exports.
    Export,
    /// The reset.
    Reset,
}

/// A stored document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    /// The user's rows.
    User,
    /// The saved scenarios.
    Scenarios,
}

/// The app's shared state. Signals are `Copy`, so is this.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The current page.
    pub route: RwSignal<Route>,
    /// The built-in data.
    pub builtin: StoredValue<Dataset>,
    /// The user's rows.
    pub user: RwSignal<UserData>,
    /// The built-in data with the user's rows.
    pub data: Memo<Dataset>,
    /// Stored rows that could not be read, and where the text is kept.
    pub recovery: RwSignal<Option<(StoreRecovery, Kept)>>,
    /// Why the user's rows were not saved the last time, if they were not.
    pub save_problem: RwSignal<Option<SaveProblem>>,
    /// Why the scenarios were not saved the last time, if they were not.
    pub scenario_save_problem: RwSignal<Option<SaveProblem>>,
    /// A document another tab saved, which this page now shows.
    pub other_tab: RwSignal<Option<Doc>>,
    /// The outcome of the last action on the data page.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether a new version waits.
    pub update_ready: RwSignal<bool>,
    /// The saved what-if scenarios.
    pub scenarios: RwSignal<ScenarioStore>,
    /// Saved scenarios that could not be read, and the key the text is
    /// kept under.
    pub scenario_recovery: RwSignal<Option<(ScenarioRecovery, String)>>,
    /// The stored user rows as this tab last read or wrote them.
    pub user_sync: StoredValue<Synced>,
    /// The stored scenarios as this tab last read or wrote them.
    pub scenario_sync: StoredValue<Synced>,
    /// Today (from the clock, or `?today=`).
    pub today: Date,
}

impl AppState {
    /// A text in the current language (reactive).
    #[must_use]
    pub fn t(self, key: impl Word) -> &'static str {
        key.text(self.lang.get())
    }

    /// A word of the interface that follows the language, for a view: every
    /// word is the same closure type, so the wasm holds one copy of the code
    /// that renders and updates it (a closure written at each place is
    /// compiled once per place).
    pub fn word(self, key: impl Word) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// A text with arguments in the current language (reactive).
    #[must_use]
    pub fn tf(self, key: impl Word, args: &[&str]) -> String {
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

    /// The user's rows stored as `text`, when every row reads.
    fn read_user(self, text: &str) -> Option<UserData> {
        let l = self.builtin.with_value(|b| storage::load(Some(text), b));
        l.recovery.is_none().then_some(l.user)
    }

    /// Changes the user's rows by `f` and saves them
    /// ([`storage::change`]): on success the page shows what was saved,
    /// and `Ok(true)` says another tab had saved in between (the change
    /// was made on top of its rows); on failure nothing changes, and the
    /// reason is also kept for the banner.
    ///
    /// # Errors
    ///
    /// Why nothing was saved.
    pub fn try_change_user(self, f: impl FnOnce(&mut UserData)) -> Result<bool, SaveProblem> {
        let current = self.user.get_untracked();
        let mut sync = self.user_sync.get_value();
        let outcome = storage::change(
            &mut browser::LocalStore,
            storage::USER_KEY,
            &mut sync,
            &current,
            |t| self.read_user(t),
            storage::to_json,
            f,
        );
        match outcome {
            Ok(changed) => {
                self.user_sync.set_value(sync);
                self.user.set(changed.value);
                self.save_problem.set(None);
                Ok(changed.concurrent)
            }
            Err(p) => {
                self.save_problem.set(Some(p.clone()));
                Err(p)
            }
        }
    }

    /// Changes the user's rows and saves them; the banners say what went
    /// wrong, if anything.
    pub fn change_user(self, f: impl FnOnce(&mut UserData)) {
        if let Ok(true) = self.try_change_user(f) {
            self.other_tab.set(Some(Doc::User));
        }
    }

    /// Changes the saved scenarios and saves them, as
    /// [`AppState::try_change_user`] does the rows; returns whether they
    /// were saved (the banners say why not).
    pub fn change_scenarios(self, f: impl FnOnce(&mut ScenarioStore)) -> bool {
        let current = self.scenarios.get_untracked();
        let mut sync = self.scenario_sync.get_value();
        let outcome = storage::change(
            &mut browser::LocalStore,
            scenarios::KEY,
            &mut sync,
            &current,
            |t| {
                let l = scenarios::load(Some(t));
                l.recovery.is_none().then_some(l.store)
            },
            scenarios::to_json,
            f,
        );
        match outcome {
            Ok(changed) => {
                self.scenario_sync.set_value(sync);
                self.scenarios.set(changed.value);
                self.scenario_save_problem.set(None);
                if changed.concurrent {
                    self.other_tab.set(Some(Doc::Scenarios));
                }
                true
            }
            Err(p) => {
                self.scenario_save_problem.set(Some(p));
                false
            }
        }
    }

    /// Saves the user's rows as they are (over stored text that could not
    /// be read, once it is kept elsewhere or the user let it go).
    pub fn save(self) {
        self.change_user(|_| {});
    }

    /// Lets the unreadable text kept under its own key go (the user has
    /// downloaded it, or does not want it): saving resumes, at once.
    pub fn release(self, doc: Doc) {
        match doc {
            Doc::User => {
                self.user_sync.update_value(|s| s.held = false);
                self.save();
            }
            Doc::Scenarios => {
                self.scenario_sync.update_value(|s| s.held = false);
                self.change_scenarios(|_| {});
            }
        }
    }

    /// Another tab stored `text` under `key` (a `storage` event): the page
    /// shows it, when it reads and differs from what this tab last saw.
    pub fn adopt(self, key: &str, text: Option<String>) {
        let Some(text) = text else { return };
        if key == storage::USER_KEY {
            if self
                .user_sync
                .with_value(|s| s.held || s.seen.as_ref() == Some(&text))
            {
                return;
            }
            if let Some(user) = self.read_user(&text) {
                self.user_sync.update_value(|s| s.seen = Some(text));
                self.user.set(user);
                self.other_tab.set(Some(Doc::User));
            }
        } else if key == scenarios::KEY {
            if self
                .scenario_sync
                .with_value(|s| s.held || s.seen.as_ref() == Some(&text))
            {
                return;
            }
            let l = scenarios::load(Some(&text));
            if l.recovery.is_none() {
                self.scenario_sync.update_value(|s| s.seen = Some(text));
                self.scenarios.set(l.store);
                self.other_tab.set(Some(Doc::Scenarios));
            }
        }
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
