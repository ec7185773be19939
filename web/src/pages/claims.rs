//! `#/claims`: every derived figure checked, inconsistencies first.

use dxcast_app::claims::{check_all, ordered, tally, term_measures, CheckedClaim, ClaimInputKind};
use dxcast_app::lang::Lang;
use dxcast_core::csv::Origin;
use dxcast_core::Verdict;
use leptos::prelude::*;

use crate::components::bilingual;
use crate::components::errors::builtin_failed;
use crate::components::explanation::ExplanationView;
use crate::components::status::VerdictBadge;
use crate::format;
use crate::i18n::{self, t, tf, K, P};
use crate::messages;
use crate::state::use_state;

/// The claims page.
#[component]
pub fn ClaimsPage() -> impl IntoView {
    let s = use_state();
    // Checked here, with the page's code (its own part of the module), not
    // in the shell every page shares.
    // The built-in claims are read here too (`claims.csv` is not in the
    // first download).
    let claims = Memo::new(move |_| {
        s.data
            .with(|d| d.with_builtin_claims().map(|d| check_all(&d)))
    });
    let verdict = RwSignal::new(None::<Verdict>);
    let report = RwSignal::new(None::<String>);
    let reports = Memo::new(move |_| {
        s.data
            .with(|d| d.reports.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
    });
    let verdict_options = move || {
        let lang = s.lang.get();
        [Verdict::Disagree, Verdict::CannotCheck, Verdict::Agree]
            .into_iter()
            .map(|v| {
                view! {
                    <option value=v.code() prop:selected=move || verdict.get() == Some(v)>
                        {i18n::verdict(lang, v)}
                    </option>
                }
            })
            .collect_view()
    };
    let report_options = move || {
        let lang = s.lang.get();
        reports
            .get()
            .into_iter()
            .map(|id| {
                let label = s.data.with_untracked(|d| messages::source(lang, d, &id));
                let selected = id.clone();
                view! {
                    <option
                        value=id.clone()
                        prop:selected=move || report.with(|r| r.as_deref() == Some(selected.as_str()))
                    >
                        {label}
                    </option>
                }
            })
            .collect_view()
    };
    let list = move || {
        let lang = s.lang.get();
        let v = verdict.get();
        let r = report.get();
        claims.with(|all| {
            let all = match all {
                Ok(all) => all,
                Err(e) => {
                    return view! {
                        <p class="error" role="alert" data-testid="claims-error">
                            {builtin_failed(lang, e)}
                        </p>
                    }
                    .into_any();
                }
            };
            let shown = ordered(all, v, r.as_deref());
            let (d, c, a) = tally(&shown);
            let summary = tf(
                lang,
                P::ClaimsCount,
                &[&d.to_string(), &c.to_string(), &a.to_string()],
            );
            let items = if shown.is_empty() {
                view! { <p class="empty">{t(lang, P::NoClaims)}</p> }.into_any()
            } else {
                shown
                    .into_iter()
                    .map(|c| claim_view(c, lang))
                    .collect_view()
                    .into_any()
            };
            view! {
                <p class="count" role="status" data-testid="claims-count">{summary}</p>
                <div class="claims" data-testid="claims-list">{items}</div>
            }
            .into_any()
        })
    };
    view! {
        <section class="page claims-page" data-testid="claims-page">
            <h1>{s.word(P::ClaimsTitle)}</h1>
            <p class="intro">{s.word(P::ClaimsIntro)}</p>
            <form class="filters" aria-label=s.word(K::Filters) on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="f-verdict">{s.word(P::FilterVerdict)}</label>
                    <select
                        id="f-verdict"
                        data-testid="filter-verdict"
                        on:change=move |ev| verdict.set(Verdict::from_code(&event_target_value(&ev)).ok())
                    >
                        <option value="" prop:selected=move || verdict.get().is_none()>
                            {s.word(K::FilterAll)}
                        </option>
                        {verdict_options}
                    </select>
                </div>
                <div class="field grow">
                    <label for="f-report">{s.word(P::FilterReport)}</label>
                    <select
                        id="f-report"
                        data-testid="filter-report"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            report.set((!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="" prop:selected=move || report.with(Option::is_none)>
                            {s.word(K::FilterAll)}
                        </option>
                        {report_options}
                    </select>
                </div>
            </form>
            {list}
        </section>
    }
}

/// One claim: verdict, stated figure and quote, recomputed range, explanation.
fn claim_view(c: &CheckedClaim, lang: Lang) -> impl IntoView {
    let s = use_state();
    let verdict = c.verdict();
    let source = s
        .data
        .with_untracked(|d| messages::source(lang, d, c.report));
    let origin = match c.origin {
        Origin::Report => t(lang, P::OriginReport),
        Origin::CrossCheck => t(lang, P::OriginCrossCheck),
    };
    let stated = c.value.map(|v| {
        let word = c.qualifier.map_or("", |q| i18n::qualifier_word(lang, q));
        let figure = format::measured(v, c.measure, lang);
        let text = if word.is_empty() { figure } else { format!("{word} {figure}") };
        let admits = c
            .check
            .as_ref()
            .ok()
            .and_then(|k| k.stated)
            .map(|r| format::measured_range(r.lo(), r.hi(), c.measure, lang));
        view! {
            <p class="stated">
                <span class="label">{t(lang, P::ClaimStated)}</span>
                " "
                <strong data-testid="claim-stated">{text}</strong>
                {admits
                    .map(|a| {
                        view! {
                            " · "
                            <span class="sub">{t(lang, P::ClaimStatedRange)} " " <span data-testid="claim-stated-range">{a}</span></span>
                        }
                    })}
            </p>
        }
    });
    let quote = bilingual::quote(&c.quote, &c.quote_en, lang, "claim-quote");
    let derived_only = c
        .value
        .is_none()
        .then(|| view! { <p class="muted">{t(lang, P::ClaimDerivedOnly)}</p> });
    let recomputed = c.recomputed().map(|r| {
        let gap = c
            .check
            .as_ref()
            .ok()
            .and_then(|k| k.stated)
            .map(|st| st.gap(r))
            .filter(|g| *g > 0.0)
            .map(|g| tf(lang, P::ClaimGap, &[&format::measured(g, c.measure, lang)]));
        view! {
            <p class="recomputed">
                <span class="label">{t(lang, P::ClaimRecomputed)}</span>
                " "
                <strong data-testid="claim-recomputed">
                    {format::measured_range(r.lo(), r.hi(), c.measure, lang)}
                </strong>
                {gap.map(|g| view! { " · " <span class="gap" data-testid="claim-gap">{g}</span> })}
            </p>
        }
    });
    let reason = match &c.check {
        Ok(k) if verdict == Verdict::CannotCheck && c.value.is_some() => k.reason.map(|r| {
            view! {
                <p class="reason">
                    <span class="label">{t(lang, P::ClaimWhy)}</span>
                    " "
                    {i18n::reason(lang, r)}
                </p>
            }
            .into_any()
        }),
        Ok(_) => None,
        Err(e) => Some(
            view! { <p class="reason">{tf(lang, P::ClaimError, &[&i18n::errors::error(lang, e)])}</p> }
                .into_any(),
        ),
    };
    let inputs = c
        .inputs
        .iter()
        .map(|i| {
            let describe = match i.kind {
                ClaimInputKind::Observation => tf(lang, P::InputObservation, &[&i.id]),
                ClaimInputKind::Denominator => tf(lang, P::InputDenominator, &[&i.id]),
                ClaimInputKind::Target => tf(lang, P::InputTarget, &[&i.id]),
                ClaimInputKind::Claim => tf(lang, P::InputClaim, &[&i.id]),
                ClaimInputKind::Stated => tf(lang, P::InputStated, &[&i.id]),
                ClaimInputKind::Number => tf(lang, P::InputNumber, &[&i.id]),
                ClaimInputKind::Missing => t(lang, P::InputMissing).to_string(),
            };
            let name = i.indicator.as_ref().and_then(|id| {
                s.data.with_untracked(|d| {
                    d.indicator(id)
                        .map(|ind| (id.clone(), ind.name(lang).to_string()))
                })
            });
            view! {
                <li>
                    <code>{i.reference.clone()}</code>
                    " — "
                    {describe}
                    {name
                        .map(|(id, n)| {
                            view! {
                                " ("
                                <a href=format!("#/i/{id}")>{n}</a>
                                ")"
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    let explanation = c.check.as_ref().ok().map(|k| {
        view! { <ExplanationView explanation=k.explanation.clone() measures=term_measures(c) result=c.measure lang /> }
    });
    let note = c.note_in(lang).map(|(text, text_lang)| {
        view! {
            <details class="note">
                <summary>{t(lang, P::ClaimNote)}</summary>
                <p lang=bilingual::lang_mark(text_lang, lang)>{text.to_string()}</p>
            </details>
        }
    });
    view! {
        <article
            class=format!("claim claim-{}", verdict.code())
            data-testid="claim"
            data-id=c.id
            data-verdict=verdict.code()
        >
            <header>
                <VerdictBadge verdict lang />
                <h2>{i18n::claim_kind(lang, c.kind)}</h2>
                <p class="meta">
                    {source}
                    " · "
                    {origin}
                    " · "
                    <code>{c.id}</code>
                </p>
            </header>
            {stated}
            {quote}
            {derived_only}
            {recomputed}
            {reason}
            {explanation}
            <details class="inputs">
                <summary>{t(lang, P::ClaimInputs)}</summary>
                <ul>{inputs}</ul>
            </details>
            {note}
        </article>
    }
}
