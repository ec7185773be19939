//! The browser, behind small functions: storage (as the model's
//! [`Store`], with the browser's refusals as [`SaveProblem`]s), the clock,
//! downloads, the service worker's update flag, reading a file, drawing the
//! chart as PNG.
//! Everything here only makes sense in a page; the logic that decides what
//! to do lives in the plain modules.

use dxcast_app::storage::{SaveProblem, Store};
use dxcast_core::Date;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The text stored under `key`.
#[must_use]
pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`.
///
/// # Errors
///
/// Why the browser refused: its storage is full, or there is none.
pub fn set(key: &str, value: &str) -> Result<(), SaveProblem> {
    let s = storage().ok_or(SaveProblem::Unavailable)?;
    s.set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| (d.name(), d.code()));
        match name {
            // Chromium and Safari name it; older Firefox gave another name
            // and code 1014; code 22 is the legacy QUOTA_EXCEEDED_ERR.
            Some((n, c)) if n == "QuotaExceededError" || c == 22 || c == 1014 => {
                SaveProblem::full(value)
            }
            Some((n, _)) if n == "SecurityError" => SaveProblem::Unavailable,
            _ => SaveProblem::Refused,
        }
    })
}

/// The browser's localStorage as the model's [`Store`].
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStore;

impl Store for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveProblem> {
        set(key, value)
    }
}

/// A JavaScript error as text.
fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Milliseconds since 1970.
#[must_use]
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Today's date in the browser's time zone, or the `today=YYYY-MM-DD`
/// query parameter when the page was opened with one (to look at the data
/// as of another day).
#[must_use]
pub fn today() -> Date {
    let from_query = window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("today=").map(str::to_string))
        })
        .and_then(|d| Date::parse_iso(&d).ok());
    if let Some(d) = from_query {
        return d;
    }
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|_| Date::first_of_year(2026))
}

/// The location's fragment (`#/claims`).
#[must_use]
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the location's fragment with `href` (`#/i/ndxp_tx?…`) without
/// a new history entry or a `hashchange` event: the address bar follows the
/// view, so that a reload or a bookmark keeps it.
pub fn replace_hash(href: &str) {
    let Some(w) = window() else { return };
    if w.location().hash().ok().as_deref() == Some(href) {
        return;
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(href));
    }
}

/// The page's address without its fragment (`http://host/dxcast/`).
#[must_use]
pub fn base_url() -> String {
    let Some(w) = window() else {
        return String::new();
    };
    let href = w.location().href().unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

/// Copies `text` to the clipboard.
///
/// # Errors
///
/// The browser's reason (no permission, no clipboard).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let w = window().ok_or_else(|| "no window".to_string())?;
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(describe)
}

/// Goes to the fragment `href` (`#/data`).
pub fn go(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(href);
    }
}

/// Sets the page's `lang` attribute.
pub fn set_document_lang(code: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
    }
}

/// Moves the focus to the element with id `id` without scrolling to it.
pub fn focus(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Scrolls to the top and moves the focus to the element with id `id`, as
/// after a page change.
pub fn focus_page(id: &str) {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    focus(id);
}

/// Scrolls the element with id `id` into view and focuses it (a form
/// field with an error).
pub fn focus_field(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

/// Whether a new service worker is already waiting: sw-register.js sets
/// `data-update-ready` on the root element when it finds one, possibly
/// before the app has started.
#[must_use]
pub fn update_waiting() -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .and_then(|e| e.dataset().get("updateReady"))
        .is_some_and(|v| v == "true")
}

/// Asks the waiting service worker to take over (`window.dxcastApplyUpdate()`
/// from sw-register.js); the page reloads when it has.
pub fn apply_update() {
    let Some(w) = window() else { return };
    if let Ok(f) = js_sys::Reflect::get(&w, &JsValue::from_str("dxcastApplyUpdate")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&w);
        }
    }
}

/// Saves `blob` as a file named `name` (through a temporary link; nothing
/// leaves the page).
fn save_blob(blob: &web_sys::Blob, name: &str) -> Result<(), String> {
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(describe)?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no link".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Let the download start before the URL goes.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 1000);
    }
    Ok(())
}

/// A blob of `text` with type `mime`.
fn text_blob(text: &str, mime: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)
}

/// Saves `text` as a file.
///
/// # Errors
///
/// The browser's reason.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    save_blob(&text_blob(text, mime)?, name)
}

/// Saves an SVG document (`markup`) as a file.
///
/// # Errors
///
/// The browser's reason.
pub fn download_svg(markup: &str, name: &str) -> Result<(), String> {
    download(name, "image/svg+xml;charset=utf-8", markup)
}

/// Saves an SVG document (`markup`, `width` × `height`) as a PNG of that
/// size: the SVG is loaded as an image from a blob URL (which the page's
/// policy allows), drawn onto a canvas on a white ground, and the canvas
/// saved.
///
/// # Errors
///
/// The browser's reason, for what fails before the image loads.
pub fn download_png(markup: &str, width: f64, height: f64, name: &str) -> Result<(), String> {
    let blob = text_blob(markup, "image/svg+xml;charset=utf-8")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let image = web_sys::HtmlImageElement::new().map_err(describe)?;
    let name = name.to_string();
    let img = image.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&src);
        let _ = draw_and_save(&img, width, height, &name);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

fn draw_and_save(
    img: &web_sys::HtmlImageElement,
    width: f64,
    height: f64,
    name: &str,
) -> Result<(), String> {
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .dyn_into()
        .map_err(|_| "no canvas".to_string())?;
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or_else(|| "no 2d context".to_string())?
        .dyn_into()
        .map_err(|_| "no 2d context".to_string())?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width, height);
    ctx.draw_image_with_html_image_element_and_dw_and_dh(img, 0.0, 0.0, width, height)
        .map_err(describe)?;
    let name = name.to_string();
    let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if let Some(b) = blob {
            let _ = save_blob(&b, &name);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(describe)
}

/// A file chosen in a file input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenFile {
    /// Its name.
    pub name: String,
    /// Its size in bytes.
    pub bytes: usize,
    /// Its text (UTF-8, invalid bytes replaced); `None` when it is larger
    /// than the reader's limit and was not read.
    pub text: Option<String>,
}

/// The first file chosen in a file input, read as text when it has at most
/// `limit` bytes (a larger one is not read at all); `None` when none was
/// chosen.
///
/// # Errors
///
/// The browser could not read the file (it was moved, or is unreadable).
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    limit: usize,
) -> Result<Option<ChosenFile>, ()> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > limit {
        return Ok(Some(ChosenFile {
            name,
            bytes,
            text: None,
        }));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| ())?;
    Ok(Some(ChosenFile {
        name,
        bytes,
        text: Some(text.as_string().unwrap_or_default()),
    }))
}

/// Calls `f` `delay` milliseconds after the next frame has been painted:
/// an animation-frame callback runs before that frame's paint, and a
/// timeout set from it runs after. Work that can wait for the paint (what
/// lies below the chart, the address bar) then leaves the frame to what the
/// user is looking at. Nothing is called where there is no window or the
/// browser refuses the callback.
pub fn after_paint(delay: i32, f: impl FnOnce() + 'static) {
    let later = Closure::once_into_js(move || {
        let run = Closure::once_into_js(f);
        if let Some(w) = window() {
            let _ =
                w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), delay);
        }
    });
    if let Some(w) = window() {
        let _ = w.request_animation_frame(later.unchecked_ref());
    }
}

/// The most frames [`measure_when_laid_out`] waits for a box to be laid out.
const MEASURE_FRAMES: u32 = 60;

/// Calls `set` with what `measure` gives once it is more than 0: now, or on
/// one of the next [`MEASURE_FRAMES`] animation frames. A box that is not
/// yet in the document (a page drawn right after another, or after an error
/// page, by a route change) measures 0 until the browser lays it out.
pub fn measure_when_laid_out(
    measure: impl Fn() -> Option<i32> + 'static,
    set: impl Fn(i32) + 'static,
) {
    fn attempt(
        measure: std::rc::Rc<dyn Fn() -> Option<i32>>,
        set: std::rc::Rc<dyn Fn(i32)>,
        left: u32,
    ) {
        match measure() {
            Some(w) if w > 0 => set(w),
            // The box is gone: nothing to measure.
            None => {}
            Some(_) if left == 0 => {}
            Some(_) => {
                let next = Closure::once_into_js(move || attempt(measure, set, left - 1));
                if let Some(w) = window() {
                    let _ = w.request_animation_frame(next.unchecked_ref());
                }
            }
        }
    }
    attempt(
        std::rc::Rc::new(measure),
        std::rc::Rc::new(set),
        MEASURE_FRAMES,
    );
}
