//! The what-if panel: growth override, shock, changed target and horizon
//! (results follow every keystroke and every step of the slider), the
//! scenario's name and saving, the saved scenarios to compare, and the link
//! to the view.

use dxcast_app::lang::Lang;
use dxcast_app::projection::NamedScenario;
use dxcast_app::share::clean_name;
use dxcast_app::whatif::{input_number, Draft, DraftDefaults, DraftField, DraftReading};
use dxcast_core::basis::Basis;
use dxcast_core::scenario::{Implausible, Per};
use dxcast_core::{Date, MeasureKind, Unit};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{self, t, tf, P};
use crate::state::use_state;
use crate::{browser, messages};

/// The signals the panel reads and writes (all `Copy`).
#[derive(Debug, Clone, Copy)]
pub struct WhatIfState {
    /// The fields as typed.
    pub draft: RwSignal<Draft>,
    /// What they say.
    pub reading: Memo<DraftReading>,
    /// Dates used for empty date fields.
    pub defaults: Memo<Option<DraftDefaults>>,
    /// The default horizon (shown when the field is empty).
    pub horizon: Memo<Option<dxcast_core::Date>>,
    /// Bumped when fields are filled from elsewhere (a saved scenario, a
    /// clear), so that they are drawn again with the new text.
    pub generation: RwSignal<u32>,
    /// The scenario's name.
    pub name: RwSignal<String>,
    /// The compared scenarios.
    pub compared: RwSignal<Vec<NamedScenario>>,
    /// The view's link (a fragment).
    pub link: Memo<String>,
    /// The growth rate flagged as implausible and held back, if it is.
    pub held: Memo<Option<Implausible>>,
    /// The growth rate flagged as implausible but confirmed, if it is.
    pub flagged: Memo<Option<Implausible>>,
    /// Where the scenario's growth starts, as shown: its date and level.
    pub start: Memo<Option<(Date, f64)>>,
}

/// The slider's range: percent of the level for counts, points for shares,
/// a year or a month.
fn slider_range(unit: Unit, per: Per) -> (f64, f64) {
    match (unit == Unit::Percent, per) {
        (true, Per::Month) => (-10.0, 10.0),
        (false, Per::Month) => (-20.0, 30.0),
        (true, _) => (-20.0, 20.0),
        (false, _) => (-50.0, 100.0),
    }
}

/// A yearly rate as written: percent, or points for shares.
fn yearly_rate(v: f64, unit: Unit, lang: Lang) -> String {
    if unit == Unit::Percent {
        crate::format::points(v, lang)
    } else {
        crate::format::value(v, Unit::Percent, lang)
    }
}

fn field_id(f: DraftField) -> &'static str {
    match f {
        DraftField::Rate => "wi-rate",
        DraftField::From => "wi-from",
        DraftField::Shock => "wi-shock",
        DraftField::ShockAt => "wi-shock-at",
        DraftField::Target => "wi-target",
        DraftField::TargetAt => "wi-target-at",
        DraftField::Horizon => "wi-horizon",
    }
}

/// A text or date field bound to one part of the draft.
#[allow(clippy::too_many_arguments)]
fn field(
    st: WhatIfState,
    f: DraftField,
    label: String,
    kind: &'static str,
    initial: String,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft, String),
    lang: Lang,
) -> impl IntoView {
    let id = field_id(f);
    let error_id = format!("{id}-error");
    let bad = move || st.reading.with(|r| r.errors.contains(&f));
    let input = if kind == "date" {
        // A date field is left alone while it is edited: a half-typed date
        // reads as empty, and writing it back would clear it. It is typed
        // in the language's form (`Lang::read_date`), not the browser's.
        view! {
            <input
                type="text"
                autocomplete="off"
                spellcheck="false"
                id=id
                data-testid=id
                prop:value=initial
                placeholder=t(lang, P::DatePlaceholder)
                aria-invalid=move || if bad() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    st.draft.update(|d| set(d, v));
                }
            />
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                id=id
                data-testid=id
                prop:value=move || st.draft.with(|d| get(d).clone())
                aria-invalid=move || if bad() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    st.draft.update(|d| set(d, v));
                }
            />
        }
        .into_any()
    };
    let name = label.clone();
    let error = move || {
        if !bad() {
            return String::new();
        }
        let typed = st.draft.with(|d| get(d).clone());
        match kind {
            "date" => messages::date_field_error(lang, &name, &typed),
            _ => None,
        }
        .unwrap_or_else(|| t(lang, P::FieldBad).to_string())
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p class="field-error" id=error_id data-testid=format!("{id}-error") aria-live="polite">
                {error}
            </p>
        </div>
    }
}

/// The fields, drawn again when they are filled from elsewhere.
fn fields(st: WhatIfState, unit: Unit, kind: MeasureKind, lang: Lang) -> impl IntoView {
    let d = st.draft.get_untracked();
    let defaults = st.defaults.get_untracked();
    let date_or = |text: &str, default: Option<dxcast_core::Date>| {
        if text.is_empty() {
            default.map(|d| lang.date_text(d)).unwrap_or_default()
        } else {
            text.to_string()
        }
    };
    let percent = unit == Unit::Percent;
    let per = d.per;
    let (lo, hi) = slider_range(unit, per);
    let rate_label = t(
        lang,
        match (percent, per) {
            (true, Per::Month) => P::RatePoints,
            (false, Per::Month) => P::RatePercent,
            (true, _) => P::RatePointsYear,
            (false, _) => P::RatePercentYear,
        },
    );
    let per_radio = |p: Per, key: P, code: &'static str| {
        let id = format!("wi-per-{code}");
        view! {
            <label class="inline" for=id.clone()>
                <input
                    type="radio"
                    name="wi-per"
                    id=id.clone()
                    data-testid=id.clone()
                    value=code
                    prop:checked=per == p
                    on:change=move |_| {
                        st.draft.update(|d| d.per = p);
                        st.generation.update(|g| *g += 1);
                    }
                />
                " "
                {t(lang, key)}
            </label>
        }
    };
    let shock_label = t(
        lang,
        if percent {
            P::ShockPoints
        } else {
            P::ShockPercent
        },
    );
    let unit_name = if Basis::for_kind(kind) == Basis::DailyRate {
        format!(
            "{}, {}",
            i18n::unit(lang, unit),
            t(lang, P::PerYearAnnualised)
        )
    } else {
        i18n::unit(lang, unit).to_string()
    };
    let slider_value = move || {
        st.reading
            .with(|r| r.scenario.growth.map_or(0.0, |g| g.rate))
            .to_string()
    };
    view! {
        <fieldset class="whatif-group">
            <legend>{t(lang, P::GrowthLegend)}</legend>
            <div class="field per" role="group" aria-label=t(lang, P::PerLegend)>
                <span class="label">{t(lang, P::PerLegend)}</span>
                " "
                {per_radio(Per::Year, P::PerYear, "year")}
                " "
                {per_radio(Per::Month, P::PerMonth, "month")}
            </div>
            {field(st, DraftField::Rate, rate_label.to_string(), "text", d.rate.clone(), |d| &d.rate, |d, v| d.rate = v, lang)}
            <div class="field">
                <label for="wi-rate-slider">
                    {t(lang, if per == Per::Month { P::RateSlider } else { P::RateSliderYear })}
                </label>
                <input
                    type="range"
                    id="wi-rate-slider"
                    data-testid="wi-rate-slider"
                    min=lo
                    max=hi
                    step="0.1"
                    prop:value=slider_value
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            st.draft.update(|d| d.rate = input_number(v, d.lang));
                        }
                    }
                />
            </div>
            {field(
                st,
                DraftField::From,
                t(lang, P::FromLabel).to_string(),
                "date",
                date_or(&d.from, defaults.map(|x| x.from)),
                |d| &d.from,
                |d, v| d.from = v,
                lang,
            )}
        </fieldset>
        <fieldset class="whatif-group">
            <legend>{t(lang, P::ShockLegend)}</legend>
            {field(st, DraftField::Shock, shock_label.to_string(), "text", d.shock.clone(), |d| &d.shock, |d, v| d.shock = v, lang)}
            {field(
                st,
                DraftField::ShockAt,
                t(lang, P::ShockAtLabel).to_string(),
                "date",
                date_or(&d.shock_at, defaults.map(|x| x.shock_at)),
                |d| &d.shock_at,
                |d, v| d.shock_at = v,
                lang,
            )}
        </fieldset>
        <fieldset class="whatif-group">
            <legend>{t(lang, P::TargetLegend)}</legend>
            {field(
                st,
                DraftField::Target,
                tf(lang, P::TargetValueLabel, &[&unit_name]),
                "text",
                d.target.clone(),
                |d| &d.target,
                |d, v| d.target = v,
                lang,
            )}
            {field(
                st,
                DraftField::TargetAt,
                t(lang, P::ColDeadline).to_string(),
                "date",
                date_or(&d.target_at, defaults.map(|x| x.target_at)),
                |d| &d.target_at,
                |d, v| d.target_at = v,
                lang,
            )}
        </fieldset>
        <fieldset class="whatif-group">
            <legend>{t(lang, P::HorizonLegend)}</legend>
            {field(
                st,
                DraftField::Horizon,
                t(lang, P::HorizonLabel).to_string(),
                "date",
                date_or(&d.horizon, st.horizon.get_untracked()),
                |d| &d.horizon,
                |d, v| d.horizon = v,
                lang,
            )}
        </fieldset>
    }
}

/// The what-if panel of indicator `indicator`.
#[component]
pub fn WhatIfPanel(
    indicator: String,
    unit: Unit,
    kind: MeasureKind,
    st: WhatIfState,
) -> impl IntoView {
    let s = use_state();
    let message = RwSignal::new(None::<(String, bool)>);
    let copy_message = RwSignal::new(None::<(String, bool)>);
    // Numbers and dates typed in one language's form are written in the
    // other's when the language changes, and the fields drawn again.
    Effect::new(move |_| {
        let lang = s.lang.get();
        if st.draft.with_untracked(|d| d.lang != lang) {
            st.draft.update(|d| *d = d.in_lang(lang));
            st.generation.update(|g| *g += 1);
        }
    });
    let ind = StoredValue::new(indicator);
    let saved = Memo::new(move |_| {
        ind.with_value(|id| {
            s.scenarios
                .with(|store| store.of(id).cloned().collect::<Vec<_>>())
        })
    });
    let load = move |named: &NamedScenario| {
        let lang = s.lang.get_untracked();
        st.draft.set(Draft::of(
            &named.scenario,
            st.reading.get_untracked().horizon,
            lang,
        ));
        st.name.set(named.name.clone());
        st.generation.update(|g| *g += 1);
    };
    let clear = move |_| {
        let (horizon, lang) = st.draft.with_untracked(|d| (d.horizon.clone(), d.lang));
        st.draft.set(Draft {
            horizon,
            lang,
            ..Draft::default()
        });
        st.name.set(String::new());
        st.generation.update(|g| *g += 1);
        message.set(None);
    };
    let save = move |_| {
        let lang = s.lang.get_untracked();
        let name = clean_name(&st.name.get_untracked());
        if name.is_empty() {
            message.set(Some((t(lang, P::ScenarioNeedsName).to_string(), true)));
            browser::focus_field("wi-name");
            return;
        }
        let named = NamedScenario {
            name: name.clone(),
            scenario: st.reading.with_untracked(|r| r.scenario),
        };
        let saved = ind.with_value(|id| {
            s.change_scenarios(|store| {
                let _ = store.save(id, named.clone());
            })
        });
        if !saved {
            message.set(Some((t(lang, P::ScenarioNotSaved).to_string(), true)));
            return;
        }
        // A compared copy follows the saved one.
        st.compared.update(|c| {
            if let Some(old) = c.iter_mut().find(|c| c.name == name) {
                *old = named.clone();
            }
        });
        st.name.set(name.clone());
        message.set(Some((tf(lang, P::ScenarioSaved, &[&name]), false)));
    };
    let full_link = move || format!("{}{}", browser::base_url(), st.link.get());
    let copy = move |_| {
        let text = format!("{}{}", browser::base_url(), st.link.get_untracked());
        spawn_local(async move {
            let lang = s.lang.get_untracked();
            copy_message.set(Some(match browser::copy_text(&text).await {
                Ok(()) => (t(lang, P::Copied).to_string(), false),
                Err(_) => (t(lang, P::CopyFailed).to_string(), true),
            }));
        });
    };

    let list = move || {
        let lang = s.lang.get();
        let saved = saved.get();
        // Compared scenarios that came with a link and are not saved here.
        let from_link: Vec<NamedScenario> = st.compared.with(|c| {
            c.iter()
                .filter(|n| !saved.iter().any(|s| s.name == n.name))
                .cloned()
                .collect()
        });
        if saved.is_empty() && from_link.is_empty() {
            return view! { <p class="muted" data-testid="no-saved">{t(lang, P::NoSaved)}</p> }
                .into_any();
        }
        let item = move |named: NamedScenario, linked: bool, i: usize| {
            let name = named.name.clone();
            let id = format!("cmp-{i}");
            let n2 = name.clone();
            let n3 = name.clone();
            let checked = move || st.compared.with(|c| c.iter().any(|c| c.name == n2));
            let toggle_named = named.clone();
            let open_named = named.clone();
            view! {
                <li class="saved" data-testid="saved-scenario" data-name=name.clone()>
                    <input
                        type="checkbox"
                        id=id.clone()
                        data-testid="compare-toggle"
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let n = toggle_named.clone();
                            st.compared.update(|c| {
                                c.retain(|x| x.name != n.name);
                                if on {
                                    c.push(n);
                                }
                            });
                        }
                    />
                    <label for=id class="inline">
                        {name.clone()}
                        {linked.then(|| view! { " " <span class="tag">{t(lang, P::FromLink)}</span> })}
                    </label>
                    <button
                        type="button"
                        class="link"
                        data-testid="open-scenario"
                        aria-label=tf(lang, P::OpenAria, &[&name])
                        on:click=move |_| load(&open_named)
                    >
                        {t(lang, P::OpenScenario)}
                    </button>
                    {(!linked)
                        .then(|| {
                            let n = n3.clone();
                            view! {
                                <button
                                    type="button"
                                    class="link danger"
                                    data-testid="delete-scenario"
                                    aria-label=tf(lang, P::DeleteAria, &[&n3])
                                    on:click=move |_| {
                                        ind.with_value(|id| s.change_scenarios(|store| {
                                            store.remove(id, &n);
                                        }));
                                        st.compared.update(|c| c.retain(|x| x.name != n));
                                    }
                                >
                                    {t(lang, P::Delete)}
                                </button>
                            }
                        })}
                </li>
            }
        };
        let n = saved.len();
        let items = saved
            .into_iter()
            .enumerate()
            .map(|(i, named)| item(named, false, i))
            .chain(
                from_link
                    .into_iter()
                    .enumerate()
                    .map(|(i, named)| item(named, true, n + i)),
            )
            .collect_view();
        view! {
            <p class="hint">{t(lang, P::SavedHint)}</p>
            <ul class="saved-list" data-testid="saved-list">{items}</ul>
        }
        .into_any()
    };

    move || {
        let lang = s.lang.get();
        let recovery = s.scenario_recovery.get().map(|(r, key)| {
            view! {
                <p class="notice problem" role="alert" data-testid="scenario-recovery">
                    {tf(
                        lang,
                        P::ScenarioRecovery,
                        &[&messages::scenario_recovery(lang, &r.problem), &key],
                    )}
                </p>
            }
        });
        view! {
            <section class="whatif" aria-labelledby="whatif-title" data-testid="whatif">
                <h2 id="whatif-title">{t(lang, P::WhatIfTitle)}</h2>
                <p class="hint">{t(lang, P::WhatIfIntro)}</p>
                {recovery}
                <form class="whatif-form" on:submit=|ev| ev.prevent_default()>
                    <div class="whatif-grid">
                        {move || {
                            st.generation.track();
                            fields(st, unit, kind, lang)
                        }}
                    </div>
                    {move || {
                        st.held
                            .get()
                            .map(|f| {
                                let fastest = f
                                    .fastest
                                    .map(|v| tf(lang, P::ImplausibleFastest, &[&yearly_rate(v, unit, lang)]))
                                    .unwrap_or_default();
                                let per_year = f
                                    .per_year
                                    .map_or_else(|| "∞".to_string(), |v| yearly_rate(v, unit, lang));
                                view! {
                                    <div class="notice problem" role="alert" data-testid="wi-implausible">
                                        <p>
                                            {tf(
                                                lang,
                                                P::ImplausibleHeld,
                                                &[&per_year, &yearly_rate(f.limit, unit, lang), &fastest],
                                            )}
                                        </p>
                                        <button
                                            type="button"
                                            data-testid="wi-apply-anyway"
                                            on:click=move |_| st.draft.update(Draft::confirm)
                                        >
                                            {t(lang, P::ImplausibleApply)}
                                        </button>
                                    </div>
                                }
                            })
                    }}
                    {move || {
                        st.flagged
                            .get()
                            .map(|f| {
                                let per_year = f
                                    .per_year
                                    .map_or_else(|| "∞".to_string(), |v| yearly_rate(v, unit, lang));
                                view! {
                                    <p class="notice" data-testid="wi-implausible-applied">
                                        {tf(lang, P::ImplausibleApplied, &[&per_year])}
                                    </p>
                                }
                            })
                    }}
                    {move || {
                        st.start
                            .get()
                            .map(|(date, v)| {
                                view! {
                                    <p class="hint" data-testid="wi-start">
                                        {tf(
                                            lang,
                                            P::ScenarioStart,
                                            &[&crate::format::value(v, unit, lang), &crate::format::date(date, lang)],
                                        )}
                                    </p>
                                }
                            })
                    }}
                    <div class="whatif-save">
                        <div class="field">
                            <label for="wi-name">{t(lang, P::ScenarioName)}</label>
                            <input
                                type="text"
                                id="wi-name"
                                data-testid="wi-name"
                                autocomplete="off"
                                prop:value=move || st.name.get()
                                on:input=move |ev| st.name.set(event_target_value(&ev))
                            />
                        </div>
                        <div class="actions">
                            <button type="button" class="primary" data-testid="save-scenario" on:click=save>
                                {t(lang, P::SaveScenario)}
                            </button>
                            <button type="button" data-testid="clear-scenario" on:click=clear>
                                {t(lang, P::ClearScenario)}
                            </button>
                        </div>
                        <p role="status" data-testid="scenario-message">
                            {move || {
                                message
                                    .get()
                                    .map(|(text, problem)| {
                                        view! {
                                            <span class=if problem { "notice problem" } else { "notice" }>{text}</span>
                                        }
                                    })
                            }}
                        </p>
                    </div>
                </form>
                <h3 id="saved-title">{t(lang, P::SavedTitle)}</h3>
                {list}
                <h3 id="share-title">{t(lang, P::ShareTitle)}</h3>
                <div class="field share">
                    <label for="share-link">{t(lang, P::ShareLabel)}</label>
                    <div class="share-row">
                        <input
                            type="text"
                            id="share-link"
                            data-testid="share-link"
                            readonly
                            prop:value=full_link
                            on:focus=|ev| {
                                use wasm_bindgen::JsCast;
                                if let Some(i) = ev
                                    .target()
                                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                                {
                                    i.select();
                                }
                            }
                        />
                        <button type="button" data-testid="copy-link" on:click=copy>
                            {t(lang, P::CopyLink)}
                        </button>
                    </div>
                    <p role="status" data-testid="copy-message">
                        {move || {
                            copy_message
                                .get()
                                .map(|(text, problem)| {
                                    view! {
                                        <span class=if problem { "notice problem" } else { "notice" }>{text}</span>
                                    }
                                })
                        }}
                    </p>
                </div>
            </section>
        }
    }
}
