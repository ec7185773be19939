//! Banners above the page: a new version waits, stored data could not be
//! read, saving failed (and nothing was changed), another tab changed the
//! data.

use dxcast_app::storage::Kept;
use leptos::prelude::*;

use crate::i18n::K;
use crate::state::{use_state, Doc};
use crate::{browser, messages};

/// The banners that apply.
#[component]
pub fn Banners() -> impl IntoView {
    let s = use_state();
    let later = RwSignal::new(false);
    let download_raw = move |_| {
        if let Some((r, _)) = s.recovery.get_untracked() {
            let _ = browser::download("dxcast-saved-data.json", "application/json", &r.raw);
        }
    };
    let release = move |_| {
        s.release(Doc::User);
        if s.save_problem.get_untracked().is_none() {
            s.recovery.set(None);
        }
    };
    let saving = move |doc: Doc| {
        let problem = match doc {
            Doc::User => s.save_problem,
            Doc::Scenarios => s.scenario_save_problem,
        };
        move || {
            problem.get().map(|p| {
                let title = match doc {
                    Doc::User => K::SaveFailedUser,
                    Doc::Scenarios => K::SaveFailedScenarios,
                };
                view! {
                    <div class="banner banner-warn" role="alert" data-testid="save-error" data-doc=match doc {
                        Doc::User => "user",
                        Doc::Scenarios => "scenarios",
                    }>
                        <h2>{s.word(title)}</h2>
                        <p>{move || messages::save_problem(s.lang.get(), &p)}</p>
                        <button type="button" on:click=move |_| problem.set(None)>
                            {s.word(K::Dismiss)}
                        </button>
                    </div>
                }
            })
        }
    };
    view! {
        <Show when=move || s.update_ready.get() && !later.get()>
            <div class="banner banner-update" role="status" data-testid="update-banner">
                <p>{s.word(K::UpdateAvailable)}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="update-apply"
                        on:click=|_| browser::apply_update()
                    >
                        {s.word(K::UpdateApply)}
                    </button>
                    <button type="button" on:click=move |_| later.set(true)>
                        {s.word(K::Later)}
                    </button>
                </div>
            </div>
        </Show>
        {move || {
            s.recovery
                .get()
                .map(|(r, kept)| {
                    let in_place = matches!(kept, Kept::InPlace(_));
                    let key = kept.key().to_string();
                    let shown = key.clone();
                    view! {
                        <div class="banner banner-warn" role="alert" data-testid="recovery-banner">
                            <h2>{s.word(K::RecoveryTitle)}</h2>
                            <p>{move || messages::recovery(s.lang.get(), &r.problem)}</p>
                            <p data-testid="recovery-kept" data-key=shown>
                                {move || {
                                    s.tf(
                                        if in_place { K::RecoveryInPlace } else { K::RecoveryKept },
                                        &[&key],
                                    )
                                }}
                            </p>
                            <div class="actions">
                                <button
                                    type="button"
                                    data-testid="recovery-download"
                                    on:click=download_raw
                                >
                                    {s.word(K::RecoveryDownload)}
                                </button>
                                {if in_place {
                                    view! {
                                        <button type="button" class="danger" data-testid="recovery-release" on:click=release>
                                            {s.word(K::SaveRelease)}
                                        </button>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <button type="button" on:click=move |_| s.recovery.set(None)>
                                            {s.word(K::Dismiss)}
                                        </button>
                                    }
                                        .into_any()
                                }}
                            </div>
                        </div>
                    }
                })
        }}
        {saving(Doc::User)}
        {saving(Doc::Scenarios)}
        {move || {
            s.other_tab
                .get()
                .map(|doc| {
                    let text = match doc {
                        Doc::User => K::OtherTabUser,
                        Doc::Scenarios => K::OtherTabScenarios,
                    };
                    view! {
                        <div class="banner" role="status" data-testid="other-tab">
                            <p>{s.word(text)}</p>
                            <button type="button" on:click=move |_| s.other_tab.set(None)>
                                {s.word(K::Dismiss)}
                            </button>
                        </div>
                    }
                })
        }}
    }
}
