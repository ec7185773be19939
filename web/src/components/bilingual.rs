//! The data's texts in two languages: a note in the page's language (or,
//! where a user's row has it only in the other one, that one marked with its
//! `lang`), and a report's quote in Vietnamese, as the source, followed on
//! English pages by its English gloss.

use dxcast_app::lang::Lang;
use leptos::prelude::*;

use crate::i18n::{t, K};

/// The `lang` attribute a text in `text` needs on a page in `page`: none
/// when they are the same.
#[must_use]
pub fn lang_mark(text: Lang, page: Lang) -> Option<&'static str> {
    (text != page).then_some(text.code())
}

/// A note as [`dxcast_app::dataset::in_lang`] gives it, in a `<p class="note">`;
/// nothing when there is none.
pub fn note(found: Option<(&str, Lang)>, page: Lang) -> Option<impl IntoView + use<>> {
    found.map(|(text, lang)| {
        let text = text.to_string();
        view! { <p class="note" lang=lang_mark(lang, page)>{text}</p> }
    })
}

/// A report's quote, in Vietnamese, and on an English page the gloss after
/// it; nothing when there is no quote. `testid` names the quote.
pub fn quote(
    quote: &str,
    gloss: &str,
    page: Lang,
    testid: &'static str,
) -> Option<impl IntoView + use<>> {
    if quote.trim().is_empty() {
        return None;
    }
    let gloss = (page == Lang::En && !gloss.trim().is_empty()).then(|| {
        let gloss = gloss.to_string();
        view! {
            <p class="gloss" data-testid="quote-gloss">
                <span class="gloss-label">{t(page, K::GlossLabel)}</span>
                " "
                {gloss}
            </p>
        }
    });
    let quote = quote.to_string();
    Some(view! {
        <blockquote lang="vi" class="quote" data-testid=testid>
            {quote}
        </blockquote>
        {gloss}
    })
}
