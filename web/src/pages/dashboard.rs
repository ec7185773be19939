//! `#/`: every indicator by pillar, with filters and search.

use dxcast_app::analysis::Standing;
use dxcast_app::dashboard::{groups, rows, DashboardFilter, DashboardRow};
use dxcast_app::lang::Lang;
use dxcast_core::Pillar;
use leptos::prelude::*;

use crate::components::sparkline::Sparkline;
use crate::components::status::StatusBadge;
use crate::format;
use crate::i18n::{self, tf, K};
use crate::state::use_state;

/// The dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let s = use_state();
    let all = Memo::new(move |_| s.data.with(|d| rows(d, s.today)));
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
                    let items = rows.into_iter().map(|r| row_view(r, lang)).collect_view();
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

/// One indicator's row.
fn row_view(r: &DashboardRow, lang: Lang) -> impl IntoView {
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
                <StatusBadge status=r.standing lang />
            </div>
        </li>
    }
}
