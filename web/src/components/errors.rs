//! What is shown instead of a page that cannot be shown.

use std::fmt;

use dxcast_app::dataset::DataError;
use dxcast_app::lang::Lang;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::i18n::{t, tf, K};
use crate::messages;
use crate::state::use_state;

/// Why a page cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// No page at this address.
    NotFound(String),
    /// No indicator with this id.
    NoIndicator(String),
    /// The page's part of the app's module could not be fetched (offline
    /// before the service worker had it, or a network error).
    NotLoaded,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PageError {}

impl From<SplitLoaderError> for PageError {
    fn from(_: SplitLoaderError) -> Self {
        PageError::NotLoaded
    }
}

impl PageError {
    /// The message in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PageError::NotFound(p) => tf(lang, K::NotFoundPage, &[p]),
            PageError::NoIndicator(id) => tf(lang, K::NotFoundIndicator, &[id]),
            PageError::NotLoaded => t(lang, K::PageNotLoaded).to_string(),
        }
    }
}

/// The error boundary's fallback: what went wrong and ways out.
#[component]
pub fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let s = use_state();
    let messages = move || {
        let lang = s.lang.get();
        errors
            .get()
            .into_iter()
            .map(|(_, e)| match e.downcast_ref::<PageError>() {
                Some(p) => p.message(lang),
                None => e.to_string(),
            })
            .map(|m| view! { <li>{m}</li> })
            .collect_view()
    };
    view! {
        <section class="page page-error" data-testid="page-error">
            <h1>{s.word(K::ErrorTitle)}</h1>
            <ul>{messages}</ul>
            <p>
                <a href="#/" data-testid="error-back">
                    {s.word(K::ErrorBack)}
                </a>
            </p>
            <p class="hint">{s.word(K::ErrorDataHint)}</p>
        </section>
    }
}

/// Shown when the built-in data cannot be read (the data's tests rule it out).
#[component]
pub fn BuiltinFailed(error: DataError, lang: Lang) -> impl IntoView {
    view! {
        <main id="main" class="page page-error" data-testid="builtin-error">
            <h1>{t(lang, K::ErrorTitle)}</h1>
            <p>{builtin_failed(lang, &error)}</p>
        </main>
    }
}

/// Why the built-in data cannot be read: the file, line and field.
#[must_use]
pub fn builtin_failed(lang: Lang, error: &DataError) -> String {
    let at = tf(
        lang,
        K::FieldError,
        &[error.file, &messages::line_error(lang, &error.error)],
    );
    tf(lang, K::DataLoadFailed, &[&at])
}
