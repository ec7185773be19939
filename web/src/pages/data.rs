//! `#/data`: the user's own figures and indicators: forms, import, export
//! and reset.

use std::collections::HashMap;

use dxcast_app::dataset::{
    choices, parse_fields, RowError, RowOrigin, Table, UserData, FIELDS_LINE,
};
use dxcast_app::export::{dataset_json, spreadsheet_csv, table_csv};
use dxcast_app::forms::{can_delete_indicator, FormField, IndicatorForm, ObservationForm};
use dxcast_app::import::{
    apply, check_date, plan, ImportOutcome, ImportPlan, ImportRefused, MAX_BYTES, MAX_ROWS,
};
use dxcast_app::lang::Lang;
use dxcast_app::route::EditTarget;
use dxcast_core::{Field, Pillar};
use leptos::prelude::*;

use crate::components::errors::builtin_failed;
use crate::i18n::{self, t, tf, AnyWord, K, P};
use crate::state::{use_state, AppState, Place};
use crate::{browser, format, messages};

/// The label of a form field.
const fn label(f: FormField) -> AnyWord {
    match f {
        FormField::Id => AnyWord::P(P::FieldId),
        FormField::Note => AnyWord::P(P::FieldNote),
        FormField::NoteVi => AnyWord::P(P::FieldNoteVi),
        FormField::QuoteEn => AnyWord::P(P::FieldQuoteEn),
        FormField::Indicator => AnyWord::K(K::FieldIndicator),
        FormField::Period => AnyWord::P(P::FieldPeriod),
        FormField::Status => AnyWord::P(P::FieldStatus),
        FormField::Qualifier => AnyWord::P(P::FieldQualifier),
        FormField::Stated => AnyWord::P(P::FieldStated),
        FormField::Denominator => AnyWord::P(P::FieldDenominator),
        FormField::Report => AnyWord::P(P::FieldReport),
        FormField::Quote => AnyWord::P(P::FieldQuote),
        FormField::Comparison => AnyWord::P(P::FieldComparison),
        FormField::Value => AnyWord::P(P::FieldValue),
        FormField::NameVi => AnyWord::P(P::FieldNameVi),
        FormField::NameEn => AnyWord::P(P::FieldNameEn),
        FormField::Unit => AnyWord::P(P::FieldUnit),
        FormField::Kind => AnyWord::P(P::FieldKind),
        FormField::Pillar => AnyWord::P(P::FieldPillar),
        FormField::Min => AnyWord::P(P::FieldMin),
        FormField::Max => AnyWord::P(P::FieldMax),
        FormField::Since => AnyWord::P(P::FieldSince),
        FormField::Quantity => AnyWord::P(P::FieldQuantity),
        FormField::Definition => AnyWord::P(P::FieldDefinition),
    }
}

/// The words for column `field` of `table` in `lang`: its form field's
/// label, or the column's code.
fn field_name(lang: Lang, table: Table, field: Field) -> &'static str {
    FormField::of(table, field).map_or(field.code(), |f| t(lang, label(f)))
}

/// A field's message, if the errors name it: "Kỳ: một ngày có thật".
fn field_message(
    s: AppState,
    errors: RwSignal<Vec<RowError>>,
    table: Table,
    field: Field,
) -> Option<String> {
    let lang = s.lang.get();
    let shown = |f: Field| FormField::of(table, f);
    errors.with(|es| {
        es.iter()
            .find(|e| {
                e.field == field || (shown(e.field).is_some() && shown(e.field) == shown(field))
            })
            .map(|e| {
                tf(
                    lang,
                    K::FieldError,
                    &[
                        field_name(lang, table, field),
                        &messages::problem(lang, &e.problem),
                    ],
                )
            })
    })
}

/// The labels of the fields the errors name, for the form's summary.
fn error_fields(lang: Lang, table: Table, errors: &[RowError]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for e in errors {
        let name = field_name(lang, table, e.field);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

/// A field's value, what sets it, and its error message.
struct Binding {
    value: Signal<String>,
    set: Callback<String>,
    error: Signal<Option<String>>,
}

impl Binding {
    /// The closures made signals, so that one field function serves every
    /// field (generic closures would copy it once per field in the wasm).
    fn new(
        value: impl Fn() -> String + Send + Sync + 'static,
        set: impl Fn(String) + Send + Sync + 'static,
        error: impl Fn() -> Option<String> + Send + Sync + 'static,
    ) -> Self {
        Binding {
            value: Signal::derive(value),
            set: Callback::new(set),
            error: Signal::derive(error),
        }
    }
}

/// A labelled input with its hint and its error message.
#[allow(clippy::too_many_arguments)]
fn text_field(
    s: AppState,
    id: &'static str,
    label: impl Into<AnyWord>,
    hint: Option<P>,
    optional: bool,
    multiline: bool,
    readonly: Signal<bool>,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
    error: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> AnyView {
    let b = Binding::new(value, set, error);
    text_field_view(s, id, label.into(), hint, optional, multiline, readonly, b)
}

#[allow(clippy::too_many_arguments)]
fn text_field_view(
    s: AppState,
    id: &'static str,
    label: AnyWord,
    hint: Option<P>,
    optional: bool,
    multiline: bool,
    readonly: Signal<bool>,
    b: Binding,
) -> AnyView {
    let Binding { value, set, error } = b;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = hint.map_or(error_id.clone(), |_| format!("{hint_id} {error_id}"));
    let input = if multiline {
        view! {
            <textarea
                id=id
                data-testid=id
                rows="3"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                data-testid=id
                type="text"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:readOnly=move || readonly.get()
                prop:value=value
                on:input=move |ev| set.run(event_target_value(&ev))
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>
                {s.word(label)}
                {optional.then(|| view! { " " <span class="optional">"(" {s.word(P::Optional)} ")"</span> })}
            </label>
            {input}
            {hint.map(|h| view! { <span id=hint_id class="hint">{s.word(h)}</span> })}
            <p id=error_id class="field-error" data-testid=format!("{id}-error")>
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// A labelled select of `(code, label)` choices, with an empty "choose" first.
#[allow(clippy::too_many_arguments)]
fn select_field(
    s: AppState,
    id: &'static str,
    label: impl Into<AnyWord>,
    options: impl Fn(Lang) -> Vec<(String, String)> + Send + Sync + 'static,
    value: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
    error: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> AnyView {
    let b = Binding::new(value, set, error);
    select_field_view(s, id, label.into(), Callback::new(options), b)
}

fn select_field_view(
    s: AppState,
    id: &'static str,
    label: AnyWord,
    options: Callback<Lang, Vec<(String, String)>>,
    b: Binding,
) -> AnyView {
    let Binding { value, set, error } = b;
    let error_id = format!("{id}-error");
    let opts = move || {
        let lang = s.lang.get();
        options
            .run(lang)
            .into_iter()
            .map(|(code, text)| {
                let c = code.clone();
                view! {
                    <option value=code prop:selected=move || value.with(|v| *v == c)>
                        {text}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{s.word(label)}</label>
            <select
                id=id
                data-testid=id
                aria-describedby=error_id.clone()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:change=move |ev| set.run(event_target_value(&ev))
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>
                    {s.word(P::Choose)}
                </option>
                {opts}
            </select>
            <p id=error_id class="field-error" data-testid=format!("{id}-error")>
                {move || error.get()}
            </p>
        </div>
    }
    .into_any()
}

/// The element id of a form field.
/// Which of the two forms: its table, where its messages go, and the prefix
/// of its fields' ids.
#[derive(Clone, Copy)]
struct Form {
    table: Table,
    place: Place,
    prefix: &'static str,
}

impl Form {
    const OBSERVATION: Form = Form {
        table: Table::Observations,
        place: Place::Observation,
        prefix: "obs",
    };
    const INDICATOR: Form = Form {
        table: Table::Indicators,
        place: Place::Indicator,
        prefix: "ind",
    };
}

/// The outcome of a checked form: its row saved and the form cleared by
/// `clear`, or what is wrong said and the first wrong field focused, with
/// everything typed kept.
fn settle(
    s: AppState,
    lang: Lang,
    form: Form,
    errors: RwSignal<Vec<RowError>>,
    editing: RwSignal<Option<String>>,
    result: Result<Vec<String>, Vec<RowError>>,
    clear: impl FnOnce(),
) {
    match result {
        Ok(fields) => {
            let id = fields.first().cloned().unwrap_or_default();
            let saved = s.try_change_user(|u| {
                u.upsert(form.table, fields);
            });
            let concurrent = match saved {
                Ok(c) => c,
                Err(p) => {
                    // Nothing was saved: everything typed stays.
                    let why = messages::save_problem(lang, &p);
                    s.say(form.place, tf(lang, P::NotSavedPrefix, &[&why]), true);
                    return;
                }
            };
            errors.set(Vec::new());
            let mut text = tf(lang, P::Saved, &[&id]);
            if concurrent {
                text.push(' ');
                text.push_str(t(lang, P::SavedMerged));
            }
            s.say(form.place, text, false);
            clear();
            if editing.get_untracked().is_some() {
                editing.set(None);
                browser::go("#/data");
            }
        }
        Err(es) => {
            let first = es.first().map(|e| field_id(form.prefix, e.field));
            s.say(
                form.place,
                tf(
                    lang,
                    P::FormHasErrors,
                    &[&error_fields(lang, form.table, &es)],
                ),
                true,
            );
            errors.set(es);
            if let Some(id) = first {
                browser::focus_field(&id);
            }
        }
    }
}

fn field_id(prefix: &str, field: Field) -> String {
    let field = if field == Field::Value {
        Field::Stated
    } else {
        field
    };
    format!("{prefix}-{}", field.code())
}

/// The data page, with a row opened for editing.
#[component]
pub fn DataPage(edit: Option<EditTarget>) -> impl IntoView {
    let s = use_state();
    let (obs_form, obs_editing) = match &edit {
        Some(EditTarget::Observation(id)) => s
            .data
            .with_untracked(|d| {
                d.observation(id)
                    .map(|o| (ObservationForm::from_fields(&o.fields), Some(id.clone())))
            })
            .unwrap_or((ObservationForm::new(""), None)),
        Some(EditTarget::NewObservation(indicator)) => (ObservationForm::new(indicator), None),
        _ => (ObservationForm::new(""), None),
    };
    let (ind_form, ind_editing) = match &edit {
        Some(EditTarget::Indicator(id)) => s
            .data
            .with_untracked(|d| {
                d.indicator(id)
                    .map(|i| (IndicatorForm::from_fields(&i.fields), Some(id.clone())))
            })
            .unwrap_or((IndicatorForm::default(), None)),
        _ => (IndicatorForm::default(), None),
    };
    let focus_form = edit.as_ref().map(|e| match e {
        EditTarget::Observation(_) | EditTarget::NewObservation(_) => "obs-form",
        EditTarget::Indicator(_) => "ind-form",
    });
    // Whether templates and exports are written for Excel in Vietnamese.
    let excel = RwSignal::new(false);
    if let Some(id) = focus_form {
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(id) {
                el.scroll_into_view();
            }
        });
    }

    view! {
        <section class="page data-page" data-testid="data-page">
            <h1>{s.word(P::DataTitle)}</h1>
            <p class="intro">{s.word(P::DataIntro)}</p>
            <UserRows />
            <ObservationFormView form=obs_form editing=obs_editing />
            <IndicatorFormView form=ind_form editing=ind_editing />
            <ImportView excel />
            <ExportView excel />
            <ResetView />
        </section>
    }
}

/// The notice about the last action, if it belongs at `place`.
#[component]
fn NoticeView(place: Place) -> impl IntoView {
    let s = use_state();
    move || {
        s.notice.get().filter(|n| n.place == place).map(|n| {
            view! {
                <p
                    class=if n.problem { "notice problem" } else { "notice" }
                    role="status"
                    data-testid="notice"
                >
                    {n.text}
                </p>
            }
        })
    }
}

/// The most of the user's rows listed (the counts give them all).
const SHOWN: usize = 200;

/// The most bad lines of an import listed (the count gives them all).
const LISTED_ERRORS: usize = 100;

/// What the user added or edited, with links to edit and buttons to delete.
#[component]
fn UserRows() -> impl IntoView {
    let s = use_state();
    let delete = move |table: Table, id: String| {
        let lang = s.lang.get_untracked();
        if table == Table::Indicators {
            if let Err(e) = s.data.with_untracked(|d| can_delete_indicator(d, &id)) {
                s.say(
                    Place::Rows,
                    format!("{id}: {}", messages::problem(lang, &e.problem)),
                    true,
                );
                return;
            }
        }
        match s.try_change_user(|u| {
            u.remove(table, &id);
        }) {
            Ok(_) => s.say(Place::Rows, tf(lang, P::Deleted, &[&id]), false),
            Err(p) => {
                let why = messages::save_problem(lang, &p);
                s.say(Place::Rows, tf(lang, P::NotSavedPrefix, &[&why]), true);
            }
        }
    };
    move || {
        let lang = s.lang.get();
        let counts = s.user.with(|u| {
            [u.indicators.len(), u.observations.len(), u.targets.len()].map(|n| n.to_string())
        });
        // Each row's origin from an index of the data, and at most SHOWN
        // rows: the list stays quick with thousands of imported rows.
        let total = s.user.with(UserData::len);
        let rows: Vec<(Table, String, RowOrigin)> = s.user.with(|u| {
            s.data.with(|d| {
                let origins: HashMap<(Table, &str), RowOrigin> = d
                    .indicators
                    .iter()
                    .map(|x| ((Table::Indicators, x.id.as_str()), x.origin))
                    .chain(
                        d.observations
                            .iter()
                            .map(|x| ((Table::Observations, x.id.as_str()), x.origin)),
                    )
                    .chain(
                        d.targets
                            .iter()
                            .map(|x| ((Table::Targets, x.id.as_str()), x.origin)),
                    )
                    .collect();
                Table::ALL
                    .into_iter()
                    .flat_map(|table| u.rows(table).iter().map(move |r| (table, r)))
                    .take(SHOWN)
                    .map(|(table, r)| {
                        let id = r.first().cloned().unwrap_or_default();
                        let origin = origins.get(&(table, id.as_str())).copied();
                        (table, id, origin.unwrap_or(RowOrigin::User))
                    })
                    .collect()
            })
        });
        let more = (total > SHOWN).then(|| {
            view! {
                <p class="muted" data-testid="user-rows-more">
                    {tf(lang, P::UserRowsMore, &[&format::plain((total - SHOWN) as f64, lang)])}
                </p>
            }
        });
        let items = if rows.is_empty() {
            view! { <p class="muted" data-testid="no-user-rows">{t(lang, P::NoneYet)}</p> }
                .into_any()
        } else {
            let lis = rows
                .into_iter()
                .map(|(table, id, origin)| {
                    let edit = match table {
                        Table::Observations => Some(format!("#/data/o/{id}")),
                        Table::Indicators => Some(format!("#/data/i/{id}")),
                        Table::Targets => None,
                    };
                    let del_id = id.clone();
                    view! {
                        <li data-testid="user-row" data-id=id.clone()>
                            <span class="tag">{messages::table(lang, table)}</span>
                            " "
                            <code>{id.clone()}</code>
                            " "
                            <span class="sub">
                                {t(lang, if origin == RowOrigin::Edited { P::OriginEdited } else { P::OriginUser })}
                            </span>
                            <span class="row-actions">
                                {edit
                                    .map(|href| {
                                        view! {
                                            <a href=href aria-label=tf(lang, P::EditAria, &[&id])>
                                                {t(lang, P::Edit)}
                                            </a>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="link danger"
                                    aria-label=tf(lang, P::DeleteAria, &[&id])
                                    on:click=move |_| delete(table, del_id.clone())
                                >
                                    {t(lang, P::Delete)}
                                </button>
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="user-rows">{lis}</ul> }.into_any()
        };
        view! {
            <section aria-labelledby="user-rows-title" data-testid="user-rows">
                <h2 id="user-rows-title">{t(lang, P::UserRowsTitle)}</h2>
                <NoticeView place=Place::Rows />
                <p data-testid="user-counts">{tf(lang, P::UserCounts, &[&counts[0], &counts[1], &counts[2]])}</p>
                {items}
                {more}
            </section>
        }
    }
}

/// The figure form.
#[component]
fn ObservationFormView(form: ObservationForm, editing: Option<String>) -> impl IntoView {
    let s = use_state();
    let form = RwSignal::new(form);
    let editing = RwSignal::new(editing);
    let errors = RwSignal::new(Vec::<RowError>::new());
    let readonly = Signal::derive(move || editing.get().is_some());
    let err = move |field: Field| move || field_message(s, errors, Table::Observations, field);
    let indicator_options = move |lang: Lang| {
        s.data.with(|d| {
            d.indicators
                .iter()
                .map(|i| (i.id.clone(), format!("{} ({})", i.name(lang), i.id)))
                .collect::<Vec<_>>()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = s.lang.get_untracked();
        let result = s
            .data
            .with_untracked(|d| {
                form.with_untracked(|f| f.validate(d, editing.get_untracked().as_deref()))
            })
            .and_then(|fields| {
                // A figure dated after today is refused, as in an import.
                let row = parse_fields(Table::Observations, &fields, RowOrigin::User)
                    .map_err(|e| vec![e])?;
                check_date(&row, s.today, FIELDS_LINE).map_err(|e| vec![e])?;
                Ok(fields)
            });
        settle(s, lang, Form::OBSERVATION, errors, editing, result, || {
            let indicator = form.with_untracked(|f| f.indicator.clone());
            form.set(ObservationForm::new(&indicator));
        });
    };
    macro_rules! bind {
        ($field:ident) => {
            (
                move || form.with(|f| f.$field.clone()),
                move |v: String| form.update(|f| f.$field = v),
            )
        };
    }
    let (v_ind, s_ind) = bind!(indicator);
    let (v_id, s_id) = bind!(id);
    let (v_period, s_period) = bind!(period);
    let (v_status, s_status) = bind!(status);
    let (v_qual, s_qual) = bind!(qualifier);
    let (v_stated, s_stated) = bind!(stated);
    let (v_den, s_den) = bind!(denominator);
    let (v_rep, s_rep) = bind!(report);
    let (v_quote, s_quote) = bind!(quote);
    let (v_quote_en, s_quote_en) = bind!(quote_en);
    let (v_note_vi, s_note_vi) = bind!(note_vi);
    let (v_note, s_note) = bind!(note);
    let (v_def, s_def) = bind!(definition);
    let never = Signal::derive(|| false);
    view! {
        <section aria-labelledby="obs-form-title">
            <h2 id="obs-form-title">{s.word(P::ObsFormTitle)}</h2>
            {move || editing.get().map(|id| view! { <p class="editing">{s.tf(P::EditingNote, &[&id])}</p> })}
            <form id="obs-form" class="form" data-testid="obs-form" novalidate on:submit=save>
                <div class="grid">
                    {select_field(s, "obs-indicator", K::FieldIndicator, indicator_options, v_ind, s_ind, err(Field::Indicator))}
                    {text_field(s, "obs-id", P::FieldId, Some(P::FieldIdHint), false, false, readonly, v_id, s_id, err(Field::Id))}
                    {text_field(s, "obs-period", P::FieldPeriod, Some(P::FieldPeriodHint), false, false, never, v_period, s_period, err(Field::Period))}
                    {select_field(
                        s,
                        "obs-status",
                        P::FieldStatus,
                        |lang| choices::STATUSES.iter().map(|x| (x.code().to_string(), i18n::status(lang, *x).to_string())).collect(),
                        v_status,
                        s_status,
                        err(Field::Status),
                    )}
                    {select_field(
                        s,
                        "obs-qualifier",
                        P::FieldQualifier,
                        |lang| choices::QUALIFIERS.iter().map(|x| (x.code().to_string(), i18n::qualifier_choice(lang, *x).to_string())).collect(),
                        v_qual,
                        s_qual,
                        err(Field::Qualifier),
                    )}
                    {text_field(s, "obs-stated", P::FieldStated, Some(P::FieldStatedHint), false, false, never, v_stated, s_stated, err(Field::Stated))}
                    {text_field(s, "obs-denominator", P::FieldDenominator, None, true, false, never, v_den, s_den, err(Field::Denominator))}
                    {text_field(s, "obs-definition", P::FieldDefinition, Some(P::FieldDefinitionHint), true, false, never, v_def, s_def, err(Field::Definition))}
                    {text_field(s, "obs-report", P::FieldReport, Some(P::FieldReportHint), false, false, never, v_rep, s_rep, err(Field::Report))}
                </div>
                {text_field(s, "obs-quote", P::FieldQuote, None, true, true, never, v_quote, s_quote, err(Field::Quote))}
                {text_field(s, "obs-quote_en", P::FieldQuoteEn, None, true, true, never, v_quote_en, s_quote_en, err(Field::QuoteEn))}
                {text_field(s, "obs-note_vi", P::FieldNoteVi, None, true, true, never, v_note_vi, s_note_vi, err(Field::NoteVi))}
                {text_field(s, "obs-note", P::FieldNote, None, true, true, never, v_note, s_note, err(Field::Note))}
                <NoticeView place=Place::Observation />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="obs-save">
                        {s.word(P::Save)}
                    </button>
                    {move || {
                        editing
                            .get()
                            .map(|_| {
                                view! {
                                    <a class="button" href="#/data">
                                        {s.t(P::CancelEdit)}
                                    </a>
                                }
                            })
                    }}
                </div>
            </form>
        </section>
    }
}

/// The indicator form.
#[component]
fn IndicatorFormView(form: IndicatorForm, editing: Option<String>) -> impl IntoView {
    let s = use_state();
    // Its date and bounds are typed in the language's forms, and kept in
    // ISO and with a decimal point.
    let form = RwSignal::new(form.fields_in(None, s.lang.get_untracked()));
    Effect::new(move |before: Option<Lang>| {
        let lang = s.lang.get();
        if let Some(before) = before.filter(|b| *b != lang) {
            form.update(|f| *f = f.clone().fields_in(Some(before), lang));
        }
        lang
    });
    let editing = RwSignal::new(editing);
    let errors = RwSignal::new(Vec::<RowError>::new());
    let readonly = Signal::derive(move || editing.get().is_some());
    let never = Signal::derive(|| false);
    let err = move |field: Field| move || field_message(s, errors, Table::Indicators, field);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = s.lang.get_untracked();
        let result = s.data.with_untracked(|d| {
            form.with_untracked(|f| {
                f.fields_read(lang)
                    .map_err(|e| vec![e])
                    .and_then(|f| f.validate(d, editing.get_untracked().as_deref()))
            })
        });
        settle(s, lang, Form::INDICATOR, errors, editing, result, || {
            form.set(IndicatorForm::default());
        });
    };
    macro_rules! bind {
        ($field:ident) => {
            (
                move || form.with(|f| f.$field.clone()),
                move |v: String| form.update(|f| f.$field = v),
            )
        };
    }
    let (v_id, s_id) = bind!(id);
    let (v_vi, s_vi) = bind!(name_vi);
    let (v_en, s_en) = bind!(name_en);
    let (v_unit, s_unit) = bind!(unit);
    let (v_kind, s_kind) = bind!(kind);
    let (v_pillar, s_pillar) = bind!(pillar);
    let (v_min, s_min) = bind!(min);
    let (v_max, s_max) = bind!(max);
    let (v_since, s_since) = bind!(since);
    let (v_note_vi, s_note_vi) = bind!(note_vi);
    let (v_note, s_note) = bind!(note);
    let (v_quantity, s_quantity) = bind!(quantity);
    let since_error = err(Field::Since);
    view! {
        <section aria-labelledby="ind-form-title">
            <h2 id="ind-form-title">{s.word(P::IndFormTitle)}</h2>
            {move || editing.get().map(|id| view! { <p class="editing">{s.tf(P::EditingNote, &[&id])}</p> })}
            <form id="ind-form" class="form" data-testid="ind-form" novalidate on:submit=save>
                <div class="grid">
                    {text_field(s, "ind-id", P::FieldId, Some(P::FieldIdHint), false, false, readonly, v_id, s_id, err(Field::Id))}
                    {text_field(s, "ind-name_vi", P::FieldNameVi, None, false, false, never, v_vi, s_vi, err(Field::NameVi))}
                    {text_field(s, "ind-name_en", P::FieldNameEn, None, false, false, never, v_en, s_en, err(Field::NameEn))}
                    {select_field(
                        s,
                        "ind-unit",
                        P::FieldUnit,
                        |lang| choices::UNITS.iter().map(|x| (x.code().to_string(), i18n::unit(lang, *x).to_string())).collect(),
                        v_unit,
                        s_unit,
                        err(Field::Unit),
                    )}
                    {select_field(
                        s,
                        "ind-kind",
                        P::FieldKind,
                        |lang| choices::KINDS.iter().map(|x| (x.code().to_string(), i18n::kind(lang, *x).to_string())).collect(),
                        v_kind,
                        s_kind,
                        err(Field::Kind),
                    )}
                    {select_field(
                        s,
                        "ind-pillar",
                        P::FieldPillar,
                        |lang| choices::PILLARS.iter().map(|x: &Pillar| (x.code().to_string(), i18n::pillar(lang, *x).to_string())).collect(),
                        v_pillar,
                        s_pillar,
                        err(Field::Pillar),
                    )}
                    {text_field(s, "ind-min", P::FieldMin, Some(P::FieldBoundHint), true, false, never, v_min, s_min, err(Field::Min))}
                    {text_field(s, "ind-max", P::FieldMax, Some(P::FieldBoundHint), true, false, never, v_max, s_max, err(Field::Max))}
                    <div class="field">
                        <label for="ind-since">
                            {s.word(P::FieldSince)}
                            " "
                            <span class="optional">"(" {s.word(P::Optional)} ")"</span>
                        </label>
                        <input
                            id="ind-since"
                            data-testid="ind-since"
                            type="text"
                            autocomplete="off"
                            spellcheck="false"
                            placeholder=s.word(P::DatePlaceholder)
                            aria-describedby="ind-since-error"
                            aria-invalid=move || since_error().is_some().then_some("true")
                            prop:value=v_since
                            on:input=move |ev| s_since(event_target_value(&ev))
                        />
                        <p id="ind-since-error" class="field-error" data-testid="ind-since-error">
                            {since_error}
                        </p>
                    </div>
                    {text_field(s, "ind-quantity", P::FieldQuantity, Some(P::FieldQuantityHint), true, false, never, v_quantity, s_quantity, err(Field::Quantity))}
                </div>
                {text_field(s, "ind-note_vi", P::FieldNoteVi, None, true, true, never, v_note_vi, s_note_vi, err(Field::NoteVi))}
                {text_field(s, "ind-note", P::FieldNote, None, true, true, never, v_note, s_note, err(Field::Note))}
                <NoticeView place=Place::Indicator />
                <div class="actions">
                    <button type="submit" class="primary" data-testid="ind-save">
                        {s.word(P::Save)}
                    </button>
                    {move || {
                        editing
                            .get()
                            .map(|_| {
                                view! {
                                    <a class="button" href="#/data">
                                        {s.t(P::CancelEdit)}
                                    </a>
                                }
                            })
                    }}
                </div>
            </form>
        </section>
    }
}

/// Importing a CSV file: its limits, how it was read, each bad line with
/// its column, templates to fill in.
#[component]
fn ImportView(excel: RwSignal<bool>) -> impl IntoView {
    let s = use_state();
    let text = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<ImportPlan>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let report = move |applied: &ImportOutcome, lang: Lang| {
        let mut msg = tf(
            lang,
            P::ImportDone,
            &[
                &(applied.added + applied.updated + applied.unchanged).to_string(),
                messages::table(lang, applied.table),
                &applied.added.to_string(),
                &applied.updated.to_string(),
            ],
        );
        if !applied.skipped.is_empty() {
            let lines: Vec<String> = applied.skipped.iter().map(u32::to_string).collect();
            msg.push(' ');
            msg.push_str(&tf(lang, P::ImportSkipped, &[&lines.join(", ")]));
        }
        msg
    };
    let run = move |skip: bool| {
        let lang = s.lang.get_untracked();
        let p = match pending.get_untracked() {
            Some(p) if skip => p,
            _ => s
                .data
                .with_untracked(|d| plan(&text.get_untracked(), d, s.today)),
        };
        // The rows go into what is stored (another tab's save included);
        // nothing is said to be imported unless it was saved.
        let mut outcome = None;
        let saved = s.data.with_untracked(|d| {
            s.try_change_user(|u| {
                // On refusal `apply` leaves the rows as they are.
                outcome = Some(apply(&p, u, d, skip));
            })
        });
        let read_as = messages::read_as(lang, p.format);
        let with_format = |msg: String| match &read_as {
            Some(f) => format!("{f} {msg}"),
            None => msg,
        };
        match (outcome, saved) {
            (Some(Err(refused)), _) => {
                let msg = match refused {
                    ImportRefused::Empty => t(lang, P::ImportEmpty).to_string(),
                    ImportRefused::File => t(lang, P::ImportFileProblem).to_string(),
                    ImportRefused::BadLines => {
                        tf(lang, P::ImportErrors, &[&p.bad.len().to_string()])
                    }
                };
                pending.set((refused != ImportRefused::Empty).then_some(p));
                s.say(Place::Import, with_format(msg), true);
            }
            (Some(Ok(applied)), Ok(concurrent)) => {
                pending.set(None);
                let mut msg = report(&applied, lang);
                if concurrent {
                    msg.push(' ');
                    msg.push_str(t(lang, P::ImportMerged));
                }
                s.say(Place::Import, with_format(msg), false);
            }
            (_, Err(problem)) => {
                // Not saved: nothing changed, and the text stays to retry.
                pending.set(None);
                let why = messages::save_problem(lang, &problem);
                s.say(Place::Import, tf(lang, P::NotSavedPrefix, &[&why]), true);
            }
            (None, Ok(_)) => {}
        }
    };
    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let lang = s.lang.get_untracked();
            match browser::read_chosen_file(&input, MAX_BYTES).await {
                Ok(Some(file)) => {
                    pending.set(None);
                    match file.text {
                        Some(content) => {
                            text.set(content);
                            s.say(
                                Place::Import,
                                tf(lang, P::ImportFileRead, &[&file.name]),
                                false,
                            );
                        }
                        None => s.say(
                            Place::Import,
                            tf(
                                lang,
                                P::ImportFileTooLarge,
                                &[
                                    &file.name,
                                    &messages::size(lang, file.bytes),
                                    &messages::size(lang, MAX_BYTES),
                                ],
                            ),
                            true,
                        ),
                    }
                }
                Ok(None) => {}
                Err(()) => s.say(
                    Place::Import,
                    tf(lang, P::ImportFileFailed, &[t(lang, K::SaveRefused)]),
                    true,
                ),
            }
        });
    };
    let problems = move || {
        let lang = s.lang.get();
        pending.with(|p| {
            p.as_ref().map(|p| {
                let file = p
                    .problem
                    .as_ref()
                    .map(|f| messages::file_problem(lang, p.table, f))
                    .unwrap_or_default();
                let lines = file
                    .into_iter()
                    .chain(
                        p.bad
                            .iter()
                            .take(LISTED_ERRORS)
                            .map(|e| messages::line_error(lang, e)),
                    )
                    .map(|m| view! { <li>{m}</li> })
                    .collect_view();
                let more = (p.bad.len() > LISTED_ERRORS).then(|| {
                    let n = format::plain((p.bad.len() - LISTED_ERRORS) as f64, lang);
                    view! { <p class="muted">{tf(lang, P::ImportMoreErrors, &[&n])}</p> }
                });
                let good = p.good.len();
                let skip = (p.problem.is_none() && good > 0).then(|| {
                    view! {
                        <button type="button" data-testid="import-skip" on:click=move |_| run(true)>
                            {tf(lang, P::ImportSkip, &[&good.to_string()])}
                        </button>
                    }
                });
                view! {
                    <div class="import-errors" data-testid="import-errors">
                        <ul>{lines}</ul>
                        {more}
                        {skip}
                    </div>
                }
            })
        })
    };
    let template = move |table: Table| {
        let body = spreadsheet_csv::<String>(table, &[], excel.get_untracked());
        let _ = browser::download(
            &format!("dxcast-{}-template.csv", table.key()),
            "text/csv;charset=utf-8",
            &body,
        );
    };
    let help = move || {
        let lang = s.lang.get();
        tf(
            lang,
            P::ImportHelp,
            &[
                &messages::size(lang, MAX_BYTES),
                &format::plain(MAX_ROWS as f64, lang),
            ],
        )
    };
    view! {
        <section aria-labelledby="import-title" data-testid="import">
            <h2 id="import-title">{s.word(P::ImportTitle)}</h2>
            <p class="hint" id="import-help">{help}</p>
            <div class="field">
                <label for="import-file">{s.word(P::ImportFile)}</label>
                <input
                    id="import-file"
                    data-testid="import-file"
                    type="file"
                    accept=".csv,text/csv,.txt,text/plain"
                    node_ref=file_input
                    on:change=on_file
                />
            </div>
            <div class="field">
                <label for="import-text">{s.word(P::ImportText)}</label>
                <textarea
                    id="import-text"
                    data-testid="import-text"
                    rows="6"
                    spellcheck="false"
                    aria-describedby="import-help"
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        pending.set(None);
                    }
                ></textarea>
            </div>
            <div class="actions">
                <button type="button" class="primary" data-testid="import-check" on:click=move |_| run(false)>
                    {s.word(P::ImportCheck)}
                </button>
            </div>
            <NoticeView place=Place::Import />
            {problems}
            <div class="templates" data-testid="templates">
                <p>{s.word(P::TemplateLabel)}</p>
                <div class="actions">
                    <button type="button" data-testid="template-observations" on:click=move |_| template(Table::Observations)>
                        {s.word(P::ExportObservationsCsv)}
                    </button>
                    <button type="button" data-testid="template-indicators" on:click=move |_| template(Table::Indicators)>
                        {s.word(P::ExportIndicatorsCsv)}
                    </button>
                    <button type="button" data-testid="template-targets" on:click=move |_| template(Table::Targets)>
                        {s.word(P::ExportTargetsCsv)}
                    </button>
                </div>
                <ExcelChoice excel id="excel-templates" />
            </div>
        </section>
    }
}

/// The choice of files for Excel in Vietnamese (semicolons, decimal
/// commas), for templates and exports alike.
#[component]
fn ExcelChoice(excel: RwSignal<bool>, id: &'static str) -> impl IntoView {
    let s = use_state();
    view! {
        <div class="field checkbox">
            <input
                id=id
                data-testid=id
                type="checkbox"
                prop:checked=move || excel.get()
                on:change=move |ev| excel.set(event_target_checked(&ev))
            />
            <label for=id>{s.word(P::ExcelFormat)}</label>
        </div>
    }
}

/// Downloading everything.
#[component]
fn ExportView(excel: RwSignal<bool>) -> impl IntoView {
    let s = use_state();
    // A byte-order mark, so spreadsheet programs read the file as UTF-8.
    let csv = move |table: Table| {
        let text = if excel.get_untracked() {
            s.data
                .with_untracked(|d| spreadsheet_csv(table, &d.fields(table), true))
        } else {
            let text = s.data.with_untracked(|d| table_csv(d, table));
            format!("\u{feff}{text}")
        };
        let _ = browser::download(
            &format!("dxcast-{}.csv", table.key()),
            "text/csv;charset=utf-8",
            &text,
        );
    };
    let json = move |_| {
        // With the built-in claims, which the first download leaves out.
        let text = s.data.with_untracked(|d| {
            d.with_builtin_claims()
                .map(|d| dataset_json(&d, &s.today.to_string()))
        });
        match text {
            Ok(text) => {
                let _ = browser::download("dxcast-data.json", "application/json", &text);
            }
            Err(e) => s.say(
                Place::Export,
                builtin_failed(s.lang.get_untracked(), &e),
                true,
            ),
        }
    };
    view! {
        <section aria-labelledby="export-title" data-testid="export">
            <h2 id="export-title">{s.word(P::ExportTitle)}</h2>
            <p class="hint">{s.word(P::ExportHelp)}</p>
            <ExcelChoice excel id="excel-exports" />
            <div class="actions">
                <button type="button" data-testid="export-indicators" on:click=move |_| csv(Table::Indicators)>
                    {s.word(P::ExportIndicatorsCsv)}
                </button>
                <button type="button" data-testid="export-observations" on:click=move |_| csv(Table::Observations)>
                    {s.word(P::ExportObservationsCsv)}
                </button>
                <button type="button" data-testid="export-targets" on:click=move |_| csv(Table::Targets)>
                    {s.word(P::ExportTargetsCsv)}
                </button>
                <button type="button" data-testid="export-json" on:click=json>
                    {s.word(P::ExportJson)}
                </button>
            </div>
            <NoticeView place=Place::Export />
        </section>
    }
}

/// Resetting to the built-in data, after confirmation.
#[component]
fn ResetView() -> impl IntoView {
    let s = use_state();
    let confirming = RwSignal::new(false);
    let reset = move |_| {
        let lang = s.lang.get_untracked();
        confirming.set(false);
        match s.try_change_user(|u| *u = UserData::default()) {
            Ok(_) => s.say(Place::Reset, t(lang, P::ResetDone).to_string(), false),
            Err(p) => {
                let why = messages::save_problem(lang, &p);
                s.say(Place::Reset, tf(lang, P::NotSavedPrefix, &[&why]), true);
            }
        }
    };
    view! {
        <section aria-labelledby="reset-title" data-testid="reset">
            <h2 id="reset-title">{s.word(P::ResetTitle)}</h2>
            <p class="hint">{s.word(P::ResetHelp)}</p>
            <NoticeView place=Place::Reset />
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="danger"
                            data-testid="reset-start"
                            on:click=move |_| confirming.set(true)
                        >
                            {s.word(P::ResetButton)}
                        </button>
                    }
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="reset-confirm-text">
                    <p id="reset-confirm-text">
                        {move || s.tf(P::ResetConfirm, &[&s.user.with(UserData::len).to_string()])}
                    </p>
                    <div class="actions">
                        <button type="button" class="danger" data-testid="reset-confirm" on:click=reset>
                            {s.word(P::ResetYes)}
                        </button>
                        <button type="button" data-testid="reset-cancel" on:click=move |_| confirming.set(false)>
                            {s.word(P::Cancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
