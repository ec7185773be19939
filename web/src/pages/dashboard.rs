//! `#/`: every indicator by pillar, with filters and search.

use dxcast_app::analysis::Standing;
use dxcast_app::dashboard::{
    groups, read_schedules, rows_by, scheduled_standing, standing_on, DashboardFilter, DashboardRow,
};
use dxcast_app::lang::Lang;
use dxcast_app::projection::Sources;
use dxcast_core::{Date, Pillar};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::components::sparkline::Sparkline;
use crate::components::status::StatusBadge;
use crate::format;
use crate::i18n::{self, tf, K};
use crate::state::use_state;

/// Every indicator's standing on every day of a span, for the built-in
/// data, worked out when the app was built (`build.rs`).
const SCHEDULES: &str = include_str!(concat!(env!("OUT_DIR"), "/standings.txt"));

/// The most standings worked out in the browser that are kept.
const KEEP_WORKED_OUT: usize = 512;

/// The rows, and the figures whose standings are being worked out.
#[derive(Debug, Clone, PartialEq)]
struct Board {
    rows: Vec<DashboardRow>,
    pending: Vec<(String, Sources)>,
}

/// The standings of `inputs` on `today`, in their own part of the module:
/// the dashboard needs the projection code only for figures the built-in
/// data's schedules do not cover (the user's, or a day outside them).
#[wasm_split(standings, wasm_split_path = ::leptos::wasm_split, fallible)]
fn work_out(
    inputs: Vec<Sources>,
    today: Date,
) -> Result<Vec<Option<Standing>>, leptos::wasm_split::SplitLoaderError> {
    Ok(inputs.iter().map(|s| standing_on(s, today)).collect())
}

/// The dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let s = use_state();
    let schedules = StoredValue::new(read_schedules(SCHEDULES));
    // Standings worked out here: the figures, the day, the standing.
    let worked = RwSignal::new(Vec::<(Sources, Date, Option<Standing>)>::new());
    let board = Memo::new(move |_| {
        let today = s.today;
        let mut pending = Vec::new();
        let rows = s.data.with(|d| {
            s.builtin.with_value(|b| {
                schedules.with_value(|sch| {
                    worked.with(|w| {
                        rows_by(d, today, |id, sources| {
                            let sources = sources?;
                            if let Some(st) = scheduled_standing(sch, b, id, &sources, today) {
                                return st;
                            }
                            if let Some((_, _, st)) =
                                w.iter().find(|(f, day, _)| *f == sources && *day == today)
                            {
                                return *st;
                            }
                            pending.push((id.to_string(), sources));
                            None
                        })
                    })
                })
            })
        });
        Board { rows, pending }
    });
    Effect::new(move |_| {
        let inputs: Vec<Sources> =
            board.with(|b| b.pending.iter().map(|(_, f)| f.clone()).collect());
        if inputs.is_empty() {
            return;
        }
        let today = s.today;
        leptos::task::spawn_local(async move {
            // A part that cannot be fetched leaves those standings unknown.
            let found = work_out(inputs.clone(), today)
                .await
                .unwrap_or_else(|_| vec![None; inputs.len()]);
            worked.update(|w| {
                w.extend(inputs.into_iter().zip(found).map(|(f, st)| (f, today, st)));
                let over = w.len().saturating_sub(KEEP_WORKED_OUT);
                w.drain(..over);
            });
        });
    });
    let all = Memo::new(move |_| board.with(|b| b.rows.clone()));
    let pending = Memo::new(move |_| {
        board.with(|b| {
            b.pending
                .iter()
                .map(|(id, _)| id.clone())
                .collect::<Vec<_>>()
        })
    });
    let pillar = RwSignal::new(None::<Pillar>);
    let status = RwSignal::new(None::<Standing>);
    let query = RwSignal::new(String::new());
    let filter = Memo::new(move |_| DashboardFilter {
        pillar: pillar.get(),
        standing: status.get(),
        query: query.get(),
    });
    let pillar_options = move || {
        let lang = s.lang.get();
        Pillar::ALL
            .into_iter()
            .map(|p| {
                view! {
                    <option value=p.code() prop:selected=move || pillar.get() == Some(p)>
                        {i18n::pillar(lang, p)}
                    </option>
                }
            })
            .collect_view()
    };
    let status_options = move || {
        let lang = s.lang.get();
        Standing::ALL
            .into_iter()
            .map(|st| {
                view! {
                    <option value=st.code() prop:selected=move || status.get() == Some(st)>
                        {i18n::standing(lang, st)}
                    </option>
                }
            })
            .collect_view()
    };
    let count = move || {
        let shown = all.with(|rs| {
            groups(rs, &filter.get())
                .iter()
                .map(|(_, r)| r.len())
                .sum::<usize>()
        });
        let total = all.with(Vec::len);
        s.tf(K::ShownCount, &[&shown.to_string(), &total.to_string()])
    };
    let list = move || {
        let lang = s.lang.get();
        let f = filter.get();
        all.with(|rs| {
            let gs = groups(rs, &f);
            if gs.is_empty() {
                return view! {
                    <p class="empty" data-testid="no-match">
                        {i18n::t(lang, K::NoMatch)}
                    </p>
                }
                .into_any();
            }
            gs.into_iter()
                .map(|(p, rows)| {
                    let heading = format!("pillar-{}", p.code());
                    let labelled_by = heading.clone();
                    let n = rows.len().to_string();
                    let items = pending.with(|p| {
                        rows.into_iter()
                            .map(|r| row_view(r, p.contains(&r.id), lang))
                            .collect_view()
                    });
                    view! {
                        <section
                            class="pillar"
                            data-testid="pillar"
                            data-pillar=p.code()
                            aria-labelledby=labelled_by
                        >
                            <h2 id=heading>
                                {i18n::pillar(lang, p)}
                                " "
                                <span class="count">{tf(lang, K::IndicatorCount, &[&n])}</span>
                            </h2>
                            <ul class="ind-list">
                                <li class="ind ind-head" aria-hidden="true">
                                    <span>{i18n::t(lang, K::FieldIndicator)}</span>
                                    <span>{i18n::t(lang, K::Latest)}</span>
                                    <span>{i18n::t(lang, K::NextTarget)}</span>
                                    <span>{i18n::t(lang, K::Trend)}</span>
                                    <span>{i18n::t(lang, K::FilterStatus)}</span>
                                </li>
                                {items}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="page dashboard" data-testid="dashboard">
            <h1>{s.word(K::DashboardTitle)}</h1>
            <p class="intro">{s.word(K::DashboardIntro)}</p>
            <form
                class="filters"
                role="search"
                aria-label=s.word(K::Filters)
                on:submit=|ev| ev.prevent_default()
            >
                <div class="field">
                    <label for="f-pillar">{s.word(K::FilterPillar)}</label>
                    <select
                        id="f-pillar"
                        data-testid="filter-pillar"
                        on:change=move |ev| pillar.set(Pillar::from_code(&event_target_value(&ev)).ok())
                    >
                        <option value="" prop:selected=move || pillar.get().is_none()>
                            {s.word(K::FilterAll)}
                        </option>
                        {pillar_options}
                    </select>
                </div>
                <div class="field">
                    <label for="f-status">{s.word(K::FilterStatus)}</label>
                    <select
                        id="f-status"
                        data-testid="filter-status"
                        on:change=move |ev| status.set(Standing::from_code(&event_target_value(&ev)))
                    >
                        <option value="" prop:selected=move || status.get().is_none()>
                            {s.word(K::FilterAll)}
                        </option>
                        {status_options}
                    </select>
                </div>
                <div class="field grow">
                    <label for="f-search">{s.word(K::SearchLabel)}</label>
                    <input
                        id="f-search"
                        type="search"
                        data-testid="search"
                        autocomplete="off"
                        aria-describedby="f-search-hint"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                    <span id="f-search-hint" class="hint">
                        {s.word(K::SearchHint)}
                    </span>
                </div>
            </form>
            <p class="count" role="status" data-testid="shown-count">
                {count}
            </p>
            {list}
        </section>
    }
}

/// One indicator's row; `pending` while its standing is being worked out.
fn row_view(r: &DashboardRow, pending: bool, lang: Lang) -> impl IntoView {
    let name = match lang {
        Lang::Vi => r.name_vi.clone(),
        Lang::En => r.name_en.clone(),
    };
    let latest = match &r.latest {
        Some(l) => {
            let word = i18n::qualifier_word(lang, l.qualifier);
            let value = format::value(l.value, r.unit, lang);
            let shown = if word.is_empty() {
                value
            } else {
                format!("{word} {value}")
            };
            view! {
                <span class="value" data-testid="latest-value">{shown}</span>
                " "
                <span class="when" data-testid="latest-period">
                    {format::period(l.period, lang)}
                </span>
                {l.estimate.then(|| view! { <span class="tag estimate">{i18n::t(lang, K::LegendEstimate)}</span> })}
            }
            .into_any()
        }
        None => view! { <span class="muted">{i18n::t(lang, K::NoFigures)}</span> }.into_any(),
    };
    let target = match r.target {
        Some(st) => {
            let t = st.target;
            let due = format::date(t.deadline, lang);
            view! {
                <span class="value" data-testid="target-value">
                    {i18n::comparison_sign(t.comparison)}
                    " "
                    {format::value(t.value, r.unit, lang)}
                </span>
                " "
                <span class=if st.passed { "when passed" } else { "when" } data-testid="target-due">
                    {if st.passed { tf(lang, K::DuePassed, &[&due]) } else { tf(lang, K::Due, &[&due]) }}
                </span>
            }
            .into_any()
        }
        None => view! { <span class="muted">{i18n::t(lang, K::NoTargetShort)}</span> }.into_any(),
    };
    let spark_label = match (r.points.first(), r.points.last()) {
        (Some(a), Some(b)) => {
            let day = |d: f64| {
                dxcast_core::Date::from_day_number(d.floor() as i32)
                    .map(|d| format::date(d, lang))
                    .unwrap_or_default()
            };
            tf(
                lang,
                K::SparklineLabel,
                &[&r.points.len().to_string(), &day(a.day), &day(b.day)],
            )
        }
        _ => i18n::t(lang, K::NoFigures).to_string(),
    };
    let href = format!("#/i/{}", r.id);
    view! {
        <li class="ind" data-testid="indicator-row" data-id=r.id.clone()>
            <div class="ind-name">
                <a href=href data-testid="indicator-link">
                    {name}
                </a>
            </div>
            <div class="ind-latest">
                <span class="cell-label">{i18n::t(lang, K::Latest)}</span>
                {latest}
            </div>
            <div class="ind-target">
                <span class="cell-label">{i18n::t(lang, K::NextTarget)}</span>
                {target}
            </div>
            <div class="ind-trend">
                <Sparkline points=r.points.clone() label=spark_label />
            </div>
            <div class="ind-status">
                {pending
                    .then(|| {
                        view! {
                            <span class="muted" data-testid="status-pending">
                                {i18n::t(lang, K::Loading)}
                            </span>
                        }
                    })}
                <StatusBadge status=r.standing lang />
            </div>
        </li>
    }
}
