//! `#/report`: add a report by pasting its text. Every figure the core
//! finds is highlighted in the text and listed beside it with a suggested
//! indicator, a kind and its qualifier ([`dxcast_app::report`]); the
//! analyst corrects and confirms each, and a confirmed figure joins the
//! user's data through the data page's forms. Derived figures are checked
//! at once. The draft (text, date, choices) is kept in localStorage, so it
//! survives a reload and works offline.

use dxcast_app::dataset::Table;
use dxcast_app::lang::Lang;
use dxcast_app::report::{
    self, check_candidates, find, suggested_item, CandidateCheck, FigureKind, FoundFigure,
    InputSource, Item, ItemState, ReportDraft,
};
use dxcast_core::{Comparison, Qualifier, Unit, Verdict};
use leptos::prelude::*;

use crate::components::explanation::ExplanationView;
use crate::components::status::VerdictBadge;
use crate::format;
use crate::i18n::{self, t, tf, K, P};
use crate::state::use_state;
use crate::{browser, messages};

/// The draft as stored, or an empty one (a copy of what could not be read
/// is kept under a backup key, which is returned).
fn stored_draft() -> (ReportDraft, Option<String>) {
    let raw = browser::get(report::KEY);
    match report::load(raw.as_deref()) {
        Ok(d) => (d, None),
        Err(_) => {
            let key = format!("{}.backup.{}", report::KEY, browser::now_ms());
            let _ = browser::set(&key, raw.as_deref().unwrap_or_default());
            (ReportDraft::default(), Some(key))
        }
    }
}

/// The text with its figures marked.
fn highlighted(
    text: &str,
    found: &[FoundFigure],
    draft: &ReportDraft,
    lang: Lang,
) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for f in found {
        let (a, b) = (f.found.span.start, f.found.span.end);
        if a < at {
            continue;
        }
        parts.push(text.get(at..a).unwrap_or("").to_string().into_any());
        let state = draft.item(a, b).map_or(ItemState::Open, |i| i.state).code();
        let figure = text.get(a..b).unwrap_or("").to_string();
        parts.push(
            view! {
                <mark
                    class=format!("figure state-{state}")
                    data-testid="report-mark"
                    data-index=f.index
                    data-state=state
                    title=tf(lang, P::FigureAria, &[&(f.index + 1).to_string(), &figure])
                >
                    {figure.clone()}
                    <sup>{f.index + 1}</sup>
                </mark>
            }
            .into_any(),
        );
        at = b;
    }
    parts.push(text.get(at..).unwrap_or("").to_string().into_any());
    view! { <div class="report-text" data-testid="report-text" lang="vi">{parts}</div> }
}

/// A select bound to one field of an item.
fn select(
    id: String,
    testid: &'static str,
    label: String,
    options: Vec<(String, String)>,
    current: String,
    on: impl Fn(String) + 'static,
) -> AnyView {
    select_view(id, testid, label, options, current, Box::new(on))
}

/// [`select`], once for every closure (a generic one would be copied per
/// field in the wasm).
fn select_view(
    id: String,
    testid: &'static str,
    label: String,
    options: Vec<(String, String)>,
    current: String,
    on: Box<dyn Fn(String)>,
) -> AnyView {
    let opts = options
        .into_iter()
        .map(|(value, text)| {
            let selected = value == current;
            view! { <option value=value.clone() selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id data-testid=testid on:change=move |ev| on(event_target_value(&ev))>
                {opts}
            </select>
        </div>
    }
    .into_any()
}

/// A text field bound to one field of an item.
fn text_input(
    id: String,
    testid: &'static str,
    label: String,
    current: String,
    on: impl Fn(String) + 'static,
) -> AnyView {
    text_input_view(id, testid, label, current, Box::new(on))
}

/// [`text_input`], once for every closure.
fn text_input_view(
    id: String,
    testid: &'static str,
    label: String,
    current: String,
    on: Box<dyn Fn(String)>,
) -> AnyView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                type="text"
                id=id
                data-testid=testid
                autocomplete="off"
                prop:value=current
                on:change=move |ev| on(event_target_value(&ev))
            />
        </div>
    }
    .into_any()
}

/// One figure of the list: what was found, the choices, and the actions.
#[allow(clippy::too_many_lines)]
fn figure_item(
    f: FoundFigure,
    item: Item,
    suggested: String,
    draft: RwSignal<ReportDraft>,
    errors: RwSignal<Vec<(usize, Vec<String>)>>,
    lang: Lang,
) -> impl IntoView {
    let s = use_state();
    let text = draft.with_untracked(|d| d.text.clone());
    let written = f.text(&text).to_string();
    let sentence = f.sentence(&text).trim().to_string();
    let index = f.index;
    let base = StoredValue::new(item.clone());
    let set = move |change: Box<dyn Fn(&mut Item)>| {
        let current = base.get_value();
        draft.update(|d| {
            let mut it = d
                .item(current.start, current.end)
                .cloned()
                .unwrap_or(current);
            change(&mut it);
            d.set(it);
        });
    };
    let state = item.state;
    let err = move || {
        errors.with(|e| {
            e.iter()
                .find(|(i, _)| *i == index)
                .map(|(_, list)| {
                    let items = list.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view();
                    view! { <ul class="notice problem" role="alert" data-testid="report-errors">{items}</ul> }
                })
        })
    };
    let confirm = {
        move |_| {
            let d = draft.get_untracked();
            let current = d
                .item(f.found.span.start, f.found.span.end)
                .cloned()
                .unwrap_or_else(|| {
                    s.data.with_untracked(|data| {
                        suggested_item(data, &d, &find(&d.text, d.as_of()), &f)
                    })
                });
            match s
                .data
                .with_untracked(|data| report::confirm(data, &d, &f, &current))
            {
                Ok(c) => {
                    s.change_user(|u| {
                        for (table, fields) in c.rows.clone() {
                            u.upsert(table, fields);
                        }
                    });
                    let new_indicator = c.rows.iter().any(|(t, _)| *t == Table::Indicators);
                    draft.update(|d| {
                        let mut it = current.clone();
                        it.state = ItemState::Confirmed;
                        it.row = c.row.clone();
                        if new_indicator {
                            it.indicator = c.indicator.clone();
                        }
                        d.set(it);
                    });
                    errors.update(|e| e.retain(|(i, _)| *i != index));
                }
                Err(list) => {
                    let lang = s.lang.get_untracked();
                    let words = list.iter().map(|e| messages::line_error(lang, e)).collect();
                    errors.update(|e| {
                        e.retain(|(i, _)| *i != index);
                        e.push((index, words));
                    });
                }
            }
        }
    };
    let header = view! {
        <p class="figure-head">
            <span class="figure-number">{index + 1}</span>
            " "
            <strong data-testid="report-figure-text">{written.clone()}</strong>
            " · "
            <span class="sub">{format::value(f.found.value, f.found.unit, lang)}</span>
        </p>
        <blockquote lang="vi" class="quote">{sentence}</blockquote>
    };
    let body = match state {
        ItemState::Confirmed => {
            let href = format!("#/i/{}", item.indicator);
            view! {
                <p class="notice" data-testid="report-confirmed">
                    {tf(lang, P::ConfirmedAs, &[&item.row])}
                    " "
                    <a href=href data-testid="report-see-chart">{t(lang, P::SeeOnChart)}</a>
                </p>
                <button
                    type="button"
                    class="link"
                    data-testid="report-reopen"
                    on:click=move |_| set(Box::new(|it| it.state = ItemState::Open))
                >
                    {t(lang, P::Reopen)}
                </button>
            }
            .into_any()
        }
        ItemState::Skipped => view! {
            <p class="muted">{t(lang, P::SkippedNote)}</p>
            <button
                type="button"
                class="link"
                data-testid="report-reopen"
                on:click=move |_| set(Box::new(|it| it.state = ItemState::Open))
            >
                {t(lang, P::Reopen)}
            </button>
        }
        .into_any(),
        ItemState::Open => {
            let indicators: Vec<(String, String)> = s.data.with_untracked(|d| {
                std::iter::once((String::new(), t(lang, P::NewIndicator).to_string()))
                    .chain(d.indicators.iter().map(|i| {
                        let mut name = i.name(lang).to_string();
                        if i.id == suggested {
                            name = format!("{name} ({})", t(lang, P::SuggestedTag));
                        }
                        (i.id.clone(), name)
                    }))
                    .collect()
            });
            let kinds = FigureKind::ALL
                .iter()
                .map(|k| {
                    (
                        k.code().to_string(),
                        i18n::figure_kind(lang, *k).to_string(),
                    )
                })
                .collect();
            let qualifiers = Qualifier::ALL
                .iter()
                .map(|q| {
                    (
                        q.code().to_string(),
                        i18n::qualifier_choice(lang, *q).to_string(),
                    )
                })
                .collect();
            let comparisons = Comparison::ALL
                .iter()
                .map(|c| {
                    (
                        c.code().to_string(),
                        format!(
                            "{} {}",
                            i18n::comparison_sign(*c),
                            i18n::comparison(lang, *c)
                        ),
                    )
                })
                .collect();
            let idp = |name: &str| format!("rf-{index}-{name}");
            let comparison = (item.kind == FigureKind::Target).then(|| {
                select(
                    idp("comparison"),
                    "report-comparison",
                    t(lang, P::FieldComparison).to_string(),
                    comparisons,
                    item.comparison.clone(),
                    move |v| set(Box::new(move |it| it.comparison = v.clone())),
                )
            });
            let n = item.new_indicator.clone();
            let new_fields = item.indicator.is_empty().then(|| {
                let units = Unit::ALL
                    .iter()
                    .map(|u| (u.code().to_string(), i18n::unit(lang, *u).to_string()))
                    .collect();
                let measure_kinds = dxcast_core::MeasureKind::ALL
                    .iter()
                    .map(|k| (k.code().to_string(), i18n::kind(lang, *k).to_string()))
                    .collect();
                let pillars = dxcast_core::Pillar::ALL
                    .iter()
                    .map(|p| (p.code().to_string(), i18n::pillar(lang, *p).to_string()))
                    .collect();
                view! {
                    <fieldset class="new-indicator" data-testid="report-new-indicator">
                        <legend>{t(lang, P::NewIndicatorTitle)}</legend>
                        {text_input(idp("new-id"), "report-new-id", t(lang, P::FieldId).to_string(), n.id.clone(), move |v| set(Box::new(move |it| it.new_indicator.id = v.clone())))}
                        {text_input(idp("new-vi"), "report-new-name-vi", t(lang, P::FieldNameVi).to_string(), n.name_vi.clone(), move |v| set(Box::new(move |it| it.new_indicator.name_vi = v.clone())))}
                        {text_input(idp("new-en"), "report-new-name-en", t(lang, P::FieldNameEn).to_string(), n.name_en.clone(), move |v| set(Box::new(move |it| it.new_indicator.name_en = v.clone())))}
                        {select(idp("new-unit"), "report-new-unit", t(lang, P::FieldUnit).to_string(), units, n.unit.clone(), move |v| set(Box::new(move |it| it.new_indicator.unit = v.clone())))}
                        {select(idp("new-kind"), "report-new-kind", t(lang, P::FieldKind).to_string(), measure_kinds, n.kind.clone(), move |v| set(Box::new(move |it| it.new_indicator.kind = v.clone())))}
                        {select(idp("new-pillar"), "report-new-pillar", t(lang, P::FieldPillar).to_string(), pillars, n.pillar.clone(), move |v| set(Box::new(move |it| it.new_indicator.pillar = v.clone())))}
                    </fieldset>
                }
            });
            view! {
                <div class="report-choices">
                    {select(
                        idp("indicator"),
                        "report-indicator",
                        t(lang, K::FieldIndicator).to_string(),
                        indicators,
                        item.indicator.clone(),
                        move |v| set(Box::new(move |it| it.indicator = v.clone())),
                    )}
                    {select(
                        idp("kind"),
                        "report-kind",
                        t(lang, P::FigureKindLabel).to_string(),
                        kinds,
                        item.kind.code().to_string(),
                        move |v| set(Box::new(move |it| it.kind = FigureKind::from_code(&v).unwrap_or(it.kind))),
                    )}
                    {select(
                        idp("qualifier"),
                        "report-qualifier",
                        t(lang, P::FieldQualifier).to_string(),
                        qualifiers,
                        item.qualifier.clone(),
                        move |v| set(Box::new(move |it| it.qualifier = v.clone())),
                    )}
                    {text_input(
                        idp("period"),
                        "report-period",
                        t(lang, P::FieldPeriod).to_string(),
                        item.period.clone(),
                        move |v| set(Box::new(move |it| it.period = v.clone())),
                    )}
                    {comparison}
                </div>
                {new_fields}
                <div class="actions">
                    <button type="button" class="primary" data-testid="report-confirm" on:click=confirm>
                        {t(lang, P::Confirm)}
                    </button>
                    <button
                        type="button"
                        data-testid="report-skip"
                        on:click=move |_| set(Box::new(|it| it.state = ItemState::Skipped))
                    >
                        {t(lang, P::Skip)}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li
            class=format!("report-figure state-{}", state.code())
            data-testid="report-figure"
            data-index=index
            data-state=state.code()
            data-suggested=suggested.clone()
        >
            {header}
            {body}
            {err}
        </li>
    }
}

/// One derived figure checked, as on the claims page.
fn check_view(c: &CandidateCheck, found: &[FoundFigure], text: &str, lang: Lang) -> impl IntoView {
    let verdict = c.check.as_ref().map_or(Verdict::CannotCheck, |k| k.verdict);
    let figure = found
        .get(c.figure)
        .map(|f| f.text(text).to_string())
        .unwrap_or_default();
    let inputs = c
        .inputs
        .iter()
        .map(|i| {
            let words = match i {
                InputSource::Text(k) => tf(
                    lang,
                    P::InputText,
                    &[found.get(*k).map_or("", |f| f.text(text))],
                ),
                InputSource::Observation(id) => tf(lang, P::InputObservation, &[id]),
                InputSource::Target(id) => tf(lang, P::InputTarget, &[id]),
                InputSource::Missing => t(lang, P::InputNowhere).to_string(),
            };
            view! { <li>{words}</li> }
        })
        .collect_view();
    let recomputed = c.check.as_ref().ok().and_then(|k| k.recomputed).map(|r| {
        view! {
            <p class="recomputed">
                <span class="label">{t(lang, P::ClaimRecomputed)}</span>
                " "
                <strong data-testid="claim-recomputed">
                    {format::measured_range(r.lo(), r.hi(), c.measure, lang)}
                </strong>
            </p>
        }
    });
    let reason = match &c.check {
        Ok(k) if verdict == Verdict::CannotCheck => k.reason.map(|r| {
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
    let explanation = c.check.as_ref().ok().map(|k| {
        view! {
            <details class="explain">
                <summary>{t(lang, P::Explain)}</summary>
                <ExplanationView
                    explanation=k.explanation.clone()
                    measures=c.measures.clone()
                    result=c.measure
                    lang
                />
            </details>
        }
    });
    view! {
        <article class="claim" data-testid="report-check" data-figure=c.figure data-verdict=verdict.code()>
            <header>
                <VerdictBadge verdict lang />
                " "
                <strong>{figure}</strong>
                " · "
                {i18n::claim_kind(lang, c.kind)}
            </header>
            <p class="label">{t(lang, P::InputsLabel)}</p>
            <ul class="inputs">{inputs}</ul>
            {recomputed}
            {reason}
            {explanation}
        </article>
    }
}

/// The page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let s = use_state();
    let (stored, backup) = stored_draft();
    let draft = RwSignal::new(stored);
    let errors = RwSignal::new(Vec::<(usize, Vec<String>)>::new());
    // The draft is kept as it changes (the outside world: an effect).
    Effect::new(move |_| {
        let json = draft.with(report::to_json);
        // A draft that does not fit is reported as the user's rows are
        // (a success leaves their own report in place).
        if let Err(p) = browser::set(report::KEY, &json) {
            s.save_problem.set(Some(p));
        }
    });
    // The date as typed, in the language's form; the draft keeps it in ISO
    // (empty while it does not read).
    let date_typed = RwSignal::new(draft.with_untracked(|d| {
        s.lang
            .with_untracked(|l| l.date_text_from(Lang::En, &d.date))
    }));
    Effect::new(move |before: Option<Lang>| {
        let lang = s.lang.get();
        if let Some(before) = before.filter(|b| *b != lang) {
            date_typed.update(|t| *t = lang.date_text_from(before, t));
        }
        lang
    });
    let date_error = move || {
        let lang = s.lang.get();
        date_typed.with(|typed| messages::date_field_error(lang, t(lang, P::ReportDate), typed))
    };
    let text = Memo::new(move |_| draft.with(|d| d.text.clone()));
    let as_of = Memo::new(move |_| draft.with(ReportDraft::as_of));
    let found = Memo::new(move |_| text.with(|t| find(t, as_of.get())));
    let checks = Memo::new(move |_| {
        found.with(|f| text.with(|t| s.data.with(|d| check_candidates(d, t, f))))
    });
    let set_text = move |v: String| {
        draft.update(|d| {
            d.text = v;
            let f = find(&d.text, d.as_of());
            d.retain_found(&f);
        });
        errors.set(Vec::new());
    };

    let list = move || {
        let lang = s.lang.get();
        let d = draft.get();
        found.with(|found| {
            if found.is_empty() {
                return view! { <p class="muted" data-testid="report-none">{t(lang, P::ReportNoFigures)}</p> }
                    .into_any();
            }
            let confirmed = d
                .items
                .iter()
                .filter(|i| i.state == ItemState::Confirmed)
                .count();
            let items = s.data.with(|data| {
                found
                    .iter()
                    .map(|f| {
                        let suggested = suggested_item(data, &d, found, f);
                        let item = d
                            .item(f.found.span.start, f.found.span.end)
                            .cloned()
                            .unwrap_or_else(|| suggested.clone());
                        figure_item(*f, item, suggested.indicator, draft, errors, lang)
                    })
                    .collect_view()
            });
            view! {
                <p role="status" data-testid="report-count">
                    {tf(lang, P::ReportFound, &[&found.len().to_string(), &confirmed.to_string()])}
                </p>
                <ol class="report-figures" data-testid="report-figures">{items}</ol>
            }
            .into_any()
        })
    };
    let marked = move || {
        let lang = s.lang.get();
        let d = draft.get();
        found.with(|f| highlighted(&d.text, f, &d, lang))
    };
    let checked = move || {
        let lang = s.lang.get();
        checks.with(|cs| {
            if cs.is_empty() {
                return view! { <p class="muted">{t(lang, P::ReportNoChecks)}</p> }.into_any();
            }
            let t_ = text.get();
            found.with(|f| {
                cs.iter()
                    .map(|c| check_view(c, f, &t_, lang))
                    .collect_view()
                    .into_any()
            })
        })
    };

    view! {
        <section class="page report-page" data-testid="report-page">
            <h1>{s.word(P::ReportTitle)}</h1>
            <p class="intro">{s.word(P::ReportIntro)}</p>
            {backup.map(|key| view! { <p class="notice problem" role="alert">{move || s.tf(P::ReportDraftBad, &[&key])}</p> })}
            <form class="form report-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="report-date">{s.word(P::ReportDate)}</label>
                    <input
                        type="text"
                        id="report-date"
                        data-testid="report-date"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder=s.word(P::DatePlaceholder)
                        aria-describedby="report-date-error"
                        aria-invalid=move || if date_error().is_some() { "true" } else { "false" }
                        prop:value=move || date_typed.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            let iso = s
                                .lang
                                .with_untracked(|l| l.read_date(&v))
                                .map(|d| d.to_string())
                                .unwrap_or_default();
                            date_typed.set(v);
                            draft.update(|d| d.date = iso);
                        }
                    />
                    <p id="report-date-error" class="field-error" data-testid="report-date-error" aria-live="polite">
                        {date_error}
                    </p>
                </div>
                <div class="field">
                    <label for="report-id">{s.word(P::ReportId)}</label>
                    <input
                        type="text"
                        id="report-id"
                        data-testid="report-id"
                        autocomplete="off"
                        prop:value=draft.get_untracked().report
                        placeholder=move || draft.with(ReportDraft::report_id)
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.report = v);
                        }
                    />
                </div>
                <div class="field wide">
                    <label for="report-input">{s.word(P::ReportText)}</label>
                    <textarea
                        id="report-input"
                        data-testid="report-input"
                        rows="10"
                        prop:value=draft.get_untracked().text
                        on:input=move |ev| set_text(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="actions">
                    <button
                        type="button"
                        data-testid="report-clear"
                        on:click=move |_| {
                            draft.set(ReportDraft::default());
                            date_typed.set(String::new());
                            errors.set(Vec::new());
                            browser::go("#/report");
                        }
                    >
                        {s.word(P::ReportClear)}
                    </button>
                </div>
            </form>
            <div class="report-columns">
                <section aria-labelledby="report-text-title">
                    <h2 id="report-text-title">{s.word(P::ReportHighlighted)}</h2>
                    {marked}
                </section>
                <section aria-labelledby="report-figures-title">
                    <h2 id="report-figures-title">{s.word(P::ReportFigures)}</h2>
                    {list}
                </section>
            </div>
            <section class="report-checks" aria-labelledby="report-checks-title" data-testid="report-checks">
                <h2 id="report-checks-title">{s.word(P::ReportChecks)}</h2>
                {checked}
            </section>
        </section>
    }
}
