//! The header: the app's name, the navigation and the language switch; and the footer.

use dxcast_app::lang::Lang;
use dxcast_app::route::Section;
use leptos::prelude::*;

use crate::browser;
use crate::i18n::{self, K};
use crate::state::use_state;

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let s = use_state();
    let section = Memo::new(move |_| s.route.with(|r| r.section()));
    let link = move |href: &'static str, key: K, target: Section, testid: &'static str| {
        view! {
            <li>
                <a
                    href=href
                    data-testid=testid
                    aria-current=move || (section.get() == target).then_some("page")
                >
                    {s.word(key)}
                </a>
            </li>
        }
    };
    let lang_button = move |lang: Lang| {
        view! {
            <button
                type="button"
                lang=lang.code()
                data-testid=format!("lang-{}", lang.code())
                aria-pressed=move || if s.lang.get() == lang { "true" } else { "false" }
                on:click=move |_| s.set_lang(lang)
            >
                {i18n::native_name(lang)}
            </button>
        }
    };
    view! {
        <header class="site-header">
            <a
                class="skip-link"
                href="#/"
                on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus("main");
                }
            >
                {s.word(K::SkipToContent)}
            </a>
            <div class="brand">
                <a href="#/" class="brand-name">
                    "dxcast"
                </a>
                <span class="tagline">{s.word(K::AppTagline)}</span>
            </div>
            <nav aria-label=s.word(K::NavLabel)>
                <ul>
                    {link("#/", K::NavDashboard, Section::Dashboard, "nav-dashboard")}
                    {link("#/claims", K::NavClaims, Section::Claims, "nav-claims")}
                    {link("#/report", K::NavReport, Section::Report, "nav-report")}
                    {link("#/data", K::NavData, Section::Data, "nav-data")}
                </ul>
            </nav>
            <div class="lang-switch" role="group" aria-label=s.word(K::LangLabel)>
                {lang_button(Lang::Vi)}
                {lang_button(Lang::En)}
            </div>
        </header>
    }
}

/// The page footer: where the data comes from.
#[component]
pub fn Footer() -> impl IntoView {
    let s = use_state();
    view! {
        <footer class="site-footer">
            <p>{s.word(K::FooterSource)}</p>
        </footer>
    }
}
