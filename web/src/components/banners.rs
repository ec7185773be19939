//! Banners above the page: a new version waits, stored data could not be
//! read, saving failed.

use leptos::prelude::*;

use crate::i18n::K;
use crate::state::use_state;
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
    view! {
        <Show when=move || s.update_ready.get() && !later.get()>
            <div class="banner banner-update" role="status" data-testid="update-banner">
                <p>{move || s.t(K::UpdateAvailable)}</p>
                <div class="actions">
                    <button
                        type="button"
                        class="primary"
                        data-testid="update-apply"
                        on:click=|_| browser::apply_update()
                    >
                        {move || s.t(K::UpdateApply)}
                    </button>
                    <button type="button" on:click=move |_| later.set(true)>
                        {move || s.t(K::Later)}
                    </button>
                </div>
            </div>
        </Show>
        {move || {
            s.recovery
                .get()
                .map(|(r, key)| {
                    view! {
                        <div class="banner banner-warn" role="alert" data-testid="recovery-banner">
                            <h2>{move || s.t(K::RecoveryTitle)}</h2>
                            <p>{move || messages::recovery(s.lang.get(), &r.problem)}</p>
                            <p>{move || s.tf(K::RecoveryKept, &[&key])}</p>
                            <div class="actions">
                                <button
                                    type="button"
                                    data-testid="recovery-download"
                                    on:click=download_raw
                                >
                                    {move || s.t(K::RecoveryDownload)}
                                </button>
                                <button type="button" on:click=move |_| s.recovery.set(None)>
                                    {move || s.t(K::Dismiss)}
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
        {move || {
            s.save_error
                .get()
                .map(|e| {
                    view! {
                        <div class="banner banner-warn" role="alert" data-testid="save-error">
                            <p>{move || s.tf(K::SaveFailed, &[&e])}</p>
                        </div>
                    }
                })
        }}
    }
}
