//! The chart as a picture to pass on: a fixed 1200 × 675 frame, whatever
//! the screen, with the indicator's name as title, a subtitle (id, unit,
//! measure), a legend, the chart laid out for the frame, the source line
//! (report ids and the ids of the quoted rows) and the scenario with the
//! view's date, as an SVG document or a PNG of it.
//!
//! [`Frame::layout`] places the texts (wrapped by the chart's rough text
//! width, [`label_width`]) and leaves the chart a box; the page lays the
//! chart out for that box, [`chart_markup`] draws it with the page's own
//! [`Chart`] component away from the page, and [`document`] puts it in the
//! frame.

use dxcast_app::dataset::{IndicatorRecord, ObservationRecord, TargetRecord};
use dxcast_app::lang::Lang;
use dxcast_app::projection::Projection;
use dxcast_core::basis::Basis;
use dxcast_core::{Date, Unit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::{label_width, Geometry};
use crate::components::chart::{
    Chart, MarkerMeta, AXIS, COMPARED, INK, PROJECTION, SERIES, TARGET, TODAY, WHAT_IF,
};
use crate::format;
use crate::i18n::{self, t, tf, K, P};
use crate::state::AppState;

/// The picture's width, in pixels.
pub const WIDTH: f64 = 1200.0;
/// The picture's height, in pixels.
pub const HEIGHT: f64 = 675.0;
/// The margin on every side.
const MARGIN: f64 = 40.0;
/// The chart is laid out this much smaller than its box and scaled up, so
/// that its 12-pixel labels read at 15 pixels in the picture.
pub const CHART_SCALE: f64 = 1.25;
const TITLE_SIZE: f64 = 28.0;
const SUBTITLE_SIZE: f64 = 16.0;
const LEGEND_SIZE: f64 = 14.0;
const SOURCE_SIZE: f64 = 13.0;
/// The most lines a title, a subtitle or the source line takes.
const TITLE_LINES: usize = 2;
const SOURCE_LINES: usize = 3;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A dot: filled (observed) or hollow (estimate).
    Dot {
        /// Whether it is filled.
        filled: bool,
    },
    /// A line of `colour`, dashed by `dash` ("" for solid).
    Line {
        /// The stroke colour.
        colour: &'static str,
        /// The dash pattern.
        dash: &'static str,
    },
    /// A filled band.
    Band,
    /// Text only.
    None,
}

/// The texts around the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The indicator's name.
    pub title: String,
    /// The indicator's id, unit and measure.
    pub subtitle: String,
    /// The legend's entries, in order.
    pub legend: Vec<(Swatch, String)>,
    /// "Source: reports …; quoted rows …".
    pub source: String,
    /// "Scenario: … · 22/11/2026".
    pub scenario: String,
}

/// Where everything goes in the frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The title's lines and their baselines.
    pub title: Vec<(String, f64)>,
    /// The subtitle's lines and their baselines.
    pub subtitle: Vec<(String, f64)>,
    /// Each legend entry's swatch, text and where its swatch starts.
    pub legend: Vec<(Swatch, String, f64, f64)>,
    /// The chart's box: left, top, width, height.
    pub chart: (f64, f64, f64, f64),
    /// The source line's lines and their baselines.
    pub source: Vec<(String, f64)>,
    /// The scenario line's baseline.
    pub scenario_y: f64,
}

/// `text`'s rough width at `size` pixels.
fn width_at(text: &str, size: f64) -> f64 {
    label_width(text) * size / 12.0
}

/// `text` in lines no wider than `width` at `size` pixels, broken between
/// words, at most `max` lines (the last ends in "…" if text is left over).
fn wrap(text: &str, size: f64, width: f64, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || width_at(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width_at(&format!("{last} …"), size) > width {
                last.pop();
            }
            last.push_str(" …");
        }
    }
    lines
}

/// The width a legend entry takes: its swatch, a gap, its text.
fn entry_width(swatch: Swatch, text: &str) -> f64 {
    let swatch = if swatch == Swatch::None { 0.0 } else { 30.0 };
    swatch + width_at(text, LEGEND_SIZE)
}

impl Frame {
    /// Places the texts: title, subtitle and legend from the top, the
    /// scenario line and the source line from the bottom, and the chart in
    /// between, full width.
    #[must_use]
    pub fn layout(&self) -> Layout {
        let inner = WIDTH - 2.0 * MARGIN;
        let mut y = MARGIN - 4.0;
        let mut title = Vec::new();
        for line in wrap(&self.title, TITLE_SIZE, inner, TITLE_LINES) {
            y += TITLE_SIZE * 1.15;
            title.push((line, y));
        }
        let mut subtitle = Vec::new();
        y += 4.0;
        for line in wrap(&self.subtitle, SUBTITLE_SIZE, inner, TITLE_LINES) {
            y += SUBTITLE_SIZE * 1.35;
            subtitle.push((line, y));
        }
        let mut legend = Vec::new();
        let mut x = MARGIN;
        y += LEGEND_SIZE * 2.4;
        for (swatch, text) in &self.legend {
            let w = entry_width(*swatch, text);
            if x > MARGIN && x + w > WIDTH - MARGIN {
                x = MARGIN;
                y += LEGEND_SIZE * 1.6;
            }
            legend.push((*swatch, text.clone(), x, y));
            x += w + 24.0;
        }
        let chart_top = y + 20.0;

        let scenario_y = HEIGHT - MARGIN + 14.0;
        let lines = wrap(&self.source, SOURCE_SIZE, inner, SOURCE_LINES);
        let line_height = SOURCE_SIZE * 1.4;
        let first = scenario_y - line_height * (lines.len() as f64 + 0.2);
        let source: Vec<(String, f64)> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| (l, first + line_height * i as f64))
            .collect();
        let chart_bottom = first - SOURCE_SIZE - 12.0;
        Layout {
            title,
            subtitle,
            legend,
            chart: (
                MARGIN,
                chart_top,
                inner,
                (chart_bottom - chart_top).max(120.0),
            ),
            source,
            scenario_y,
        }
    }
}

/// `text` with XML's special characters escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn text_line(out: &mut String, x: f64, y: f64, size: f64, fill: &str, extra: &str, text: &str) {
    out.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\" fill=\"{fill}\"{extra}>{}</text>\n",
        esc(text)
    ));
}

/// The legend entry's swatch at `(x, y)` (`y` is the text's baseline).
fn swatch_markup(swatch: Swatch, x: f64, y: f64) -> String {
    let mid = y - LEGEND_SIZE * 0.35;
    match swatch {
        Swatch::Dot { filled } => format!(
            "<circle cx=\"{}\" cy=\"{mid}\" r=\"5\" fill=\"{}\" stroke=\"{SERIES}\" stroke-width=\"2\"/>",
            x + 11.0,
            if filled { SERIES } else { "#ffffff" }
        ),
        Swatch::Line { colour, dash } => {
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            };
            format!(
                "<line x1=\"{x}\" x2=\"{}\" y1=\"{mid}\" y2=\"{mid}\" stroke=\"{colour}\" stroke-width=\"2.5\"{dash}/>",
                x + 22.0
            )
        }
        Swatch::Band => format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"22\" height=\"12\" fill=\"{PROJECTION}\" fill-opacity=\"0.16\" stroke=\"{PROJECTION}\" stroke-opacity=\"0.35\"/>",
            mid - 6.0
        ),
        Swatch::None => String::new(),
    }
}

/// The picture as a stand-alone SVG document: the frame's texts around
/// `chart` (the markup of an `<svg>` laid out at `chart_width` ×
/// `chart_height`, scaled by [`CHART_SCALE`] into the layout's box).
#[must_use]
pub fn document(frame: &Frame, chart: &str) -> String {
    let l = frame.layout();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" \
         viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"{}\">\n\
         <title>{}</title>\n\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\n",
        esc(FONT),
        esc(&frame.title),
    );
    for (line, y) in &l.title {
        text_line(
            &mut out,
            MARGIN,
            *y,
            TITLE_SIZE,
            INK,
            " font-weight=\"600\" class=\"export-title\"",
            line,
        );
    }
    for (line, y) in &l.subtitle {
        text_line(
            &mut out,
            MARGIN,
            *y,
            SUBTITLE_SIZE,
            AXIS,
            " class=\"export-subtitle\"",
            line,
        );
    }
    out.push_str("<g class=\"export-legend\">\n");
    for (swatch, text, x, y) in &l.legend {
        out.push_str(&swatch_markup(*swatch, *x, *y));
        let tx = if *swatch == Swatch::None {
            *x
        } else {
            x + 30.0
        };
        text_line(&mut out, tx, *y, LEGEND_SIZE, INK, "", text);
    }
    out.push_str("</g>\n");
    let (x, y, _, _) = l.chart;
    out.push_str(&format!(
        "<g transform=\"translate({x} {y}) scale({CHART_SCALE})\">\n{chart}\n</g>\n"
    ));
    for (line, y) in &l.source {
        text_line(
            &mut out,
            MARGIN,
            *y,
            SOURCE_SIZE,
            AXIS,
            " class=\"export-source\"",
            line,
        );
    }
    text_line(
        &mut out,
        MARGIN,
        l.scenario_y,
        SOURCE_SIZE,
        INK,
        " class=\"export-scenario\"",
        &frame.scenario,
    );
    text_line(
        &mut out,
        WIDTH - MARGIN,
        l.scenario_y,
        SOURCE_SIZE,
        AXIS,
        " text-anchor=\"end\"",
        "dxcast",
    );
    out.push_str("</svg>\n");
    out
}

/// What the chart shows, for [`chart_markup`].
#[derive(Debug, Clone)]
pub struct ChartParts {
    /// The chart laid out at the layout's box divided by [`CHART_SCALE`].
    pub geometry: Geometry,
    /// The values' unit.
    pub unit: Unit,
    /// What each figure's marker says of itself.
    pub markers: Vec<MarkerMeta>,
    /// One label per target.
    pub target_labels: Vec<String>,
    /// The chart's accessible name.
    pub title: String,
    /// The chart's accessible description.
    pub desc: String,
    /// The note above the value axis.
    pub axis_note: Option<String>,
    /// The words at a definition break.
    pub break_label: String,
}

/// The chart's SVG markup: the page's [`Chart`] component drawn into an
/// element outside the page, read, and dropped.
///
/// # Errors
///
/// The browser's reason.
pub fn chart_markup(state: AppState, parts: ChartParts) -> Result<String, String> {
    let document = window()
        .document()
        .ok_or_else(|| "no document".to_string())?;
    let holder: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "no element".to_string())?;
    let handle = leptos::mount::mount_to(holder.clone(), move || {
        provide_context(state);
        let ChartParts {
            geometry,
            unit,
            markers,
            target_labels,
            title,
            desc,
            axis_note,
            break_label,
        } = parts;
        let geometry = Memo::new(move |_| geometry.clone());
        view! {
            <Chart
                svg_id="export-chart"
                geometry
                unit
                markers=markers
                target_labels=target_labels
                title=title
                desc=desc
                axis_note=axis_note
                break_label=break_label
            />
        }
    });
    let markup = holder
        .first_element_child()
        .ok_or_else(|| "the chart did not render".to_string())
        .and_then(|svg| {
            web_sys::XmlSerializer::new()
                .and_then(|s| s.serialize_to_string(&svg))
                .map_err(|e| format!("{e:?}"))
        });
    drop(handle);
    markup
}

/// What the page knows that the picture shows, whatever the scenario.
#[derive(Debug, Clone)]
pub struct Subject {
    /// The indicator.
    pub indicator: IndicatorRecord,
    /// Its figures, in the chart's order.
    pub observations: Vec<ObservationRecord>,
    /// Its targets.
    pub targets: Vec<TargetRecord>,
    /// The chart's accessible name.
    pub chart_title: String,
    /// The note above the value axis.
    pub axis_note: Option<String>,
}

/// The frame's texts: the indicator's name; its id, unit, measure (and
/// annualised basis) and the projection's method; the legend of what the
/// chart draws; the reports its figures and targets come from and the ids
/// of the rows that quote them; the scenario (`scenario_name`, or the base
/// projection) and the view's date.
#[must_use]
pub fn frame(
    subject: &Subject,
    lang: Lang,
    projection: Option<&Projection>,
    scenario_name: &str,
    today: Date,
) -> Frame {
    let ind = &subject.indicator;
    let mut subtitle = vec![
        ind.id.clone(),
        i18n::unit(lang, ind.unit).to_string(),
        i18n::kind(lang, ind.kind).to_string(),
    ];
    if Basis::for_kind(ind.kind) == Basis::DailyRate {
        subtitle.push(t(lang, P::PerYearAnnualised).to_string());
    }
    if let Some(p) = projection {
        subtitle.push(format!(
            "{}: {}",
            t(lang, P::LegendProjection),
            i18n::method(lang, p.method)
        ));
    }
    let line = |colour: &'static str, dash: &'static str| Swatch::Line { colour, dash };
    let mut legend = vec![
        (Swatch::Dot { filled: true }, t(lang, P::LegendObserved)),
        (Swatch::Dot { filled: false }, t(lang, K::LegendEstimate)),
    ];
    let mut compared = Vec::new();
    if let Some(p) = projection {
        legend.push((line(PROJECTION, ""), t(lang, P::LegendFitted)));
        legend.push((line(PROJECTION, "6 4"), t(lang, P::LegendProjection)));
        if p.spread_known() {
            legend.push((Swatch::Band, t(lang, P::LegendBand)));
        } else {
            legend.push((Swatch::None, t(lang, P::LegendBandUnknown)));
        }
        if p.what_if.is_some() {
            legend.push((line(WHAT_IF, "8 3"), t(lang, P::LegendWhatIf)));
        }
        compared = p
            .compared
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (colour, dash) = COMPARED[i % COMPARED.len()];
                (line(colour, dash), c.named.name.clone())
            })
            .collect();
    }
    legend.push((line(TARGET, "6 4"), t(lang, P::LegendTarget)));
    legend.push((line(TODAY, "2 3"), t(lang, P::Today)));
    let mut legend: Vec<(Swatch, String)> = legend
        .into_iter()
        .map(|(s, text)| (s, text.to_string()))
        .collect();
    legend.extend(compared);

    let mut reports: Vec<&str> = subject
        .observations
        .iter()
        .map(|o| o.report.as_str())
        .chain(subject.targets.iter().map(|t| t.report.as_str()))
        .filter(|r| !r.is_empty())
        .collect();
    reports.sort_unstable();
    reports.dedup();
    let quoted: Vec<&str> = subject
        .observations
        .iter()
        .filter(|o| !o.quote.is_empty())
        .map(|o| o.id.as_str())
        .chain(
            subject
                .targets
                .iter()
                .filter(|t| !t.quote.is_empty())
                .map(|t| t.id.as_str()),
        )
        .collect();
    let mut source = tf(lang, P::ExportSource, &[&reports.join(", ")]);
    if !quoted.is_empty() {
        source.push_str("; ");
        source.push_str(&tf(lang, P::ExportQuoted, &[&quoted.join(", ")]));
    }
    let name = if !scenario_name.trim().is_empty() {
        scenario_name.trim()
    } else if projection.is_some_and(|p| p.what_if.is_some()) {
        t(lang, P::ExportUnnamedScenario)
    } else {
        t(lang, P::ExportBaseScenario)
    };
    Frame {
        title: ind.name(lang).to_string(),
        subtitle: subtitle.join(" · "),
        legend,
        source,
        scenario: tf(lang, P::ExportScenario, &[name, &format::date(today, lang)]),
    }
}

/// The picture as an SVG document: the frame for `subject` as the view
/// shows it, and the chart laid out by `lay_out(width, height)` for the
/// frame's box (in the chart's own pixels, before [`CHART_SCALE`]).
///
/// # Errors
///
/// The browser's reason, if the chart cannot be drawn.
#[allow(clippy::too_many_arguments)]
pub fn picture(
    state: AppState,
    subject: &Subject,
    projection: Option<&Projection>,
    scenario_name: &str,
    markers: Vec<MarkerMeta>,
    target_labels: Vec<String>,
    desc: String,
    lay_out: impl FnOnce(f64, f64) -> Geometry,
) -> Result<String, String> {
    let lang = state.lang.get_untracked();
    let frame = frame(subject, lang, projection, scenario_name, state.today);
    let (_, _, w, h) = frame.layout().chart;
    let parts = ChartParts {
        geometry: lay_out(w / CHART_SCALE, h / CHART_SCALE),
        unit: subject.indicator.unit,
        markers,
        target_labels,
        title: subject.chart_title.clone(),
        desc,
        axis_note: subject.axis_note.clone(),
        break_label: t(lang, P::DefinitionBreak).to_string(),
    };
    let chart = chart_markup(state, parts)?;
    Ok(document(&frame, &chart))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(title: &str, source: &str) -> Frame {
        Frame {
            title: title.to_string(),
            subtitle: "NDXP · percent · share".to_string(),
            legend: vec![
                (Swatch::Dot { filled: true }, "Observed".to_string()),
                (
                    Swatch::Line {
                        colour: TARGET,
                        dash: "6 4",
                    },
                    "Target".to_string(),
                ),
                (Swatch::None, "Spread unknown".to_string()),
            ],
            source: source.to_string(),
            scenario: "Scenario: base · 22/11/2026".to_string(),
        }
    }

    #[test]
    fn the_document_is_1200_by_675_with_its_texts_escaped() {
        let svg = document(&frame("A & B <c>", "Source: reports r001"), "<svg/>");
        assert!(svg.contains("width=\"1200\" height=\"675\" viewBox=\"0 0 1200 675\""));
        assert!(svg.contains(">A &amp; B &lt;c&gt;</text>"));
        assert!(!svg.contains("A & B"));
        assert!(svg.contains(">Source: reports r001</text>"));
        assert!(svg.contains(">Scenario: base · 22/11/2026</text>"));
        assert!(svg.contains(">Observed</text>"));
        assert!(svg.contains("<svg/>"));
    }

    #[test]
    fn long_texts_wrap_within_the_margins_and_stop_at_their_line_limit() {
        let long = "word ".repeat(400);
        let l = frame(&long, &long).layout();
        assert_eq!(l.title.len(), TITLE_LINES);
        assert_eq!(l.source.len(), SOURCE_LINES);
        for (line, _) in l.title.iter() {
            assert!(width_at(line, TITLE_SIZE) <= WIDTH - 2.0 * MARGIN);
        }
        assert!(l.source.last().is_some_and(|(s, _)| s.ends_with(" …")));
        // The chart keeps a box between the texts, inside the frame.
        let (x, y, w, h) = l.chart;
        assert_eq!((x, w), (MARGIN, WIDTH - 2.0 * MARGIN));
        let last_legend = l.legend.last().map_or(0.0, |e| e.3);
        assert!(y > last_legend && h >= 120.0);
        assert!(l.source.first().is_some_and(|(_, sy)| y + h < *sy));
        assert!(l.scenario_y < HEIGHT);
    }

    #[test]
    fn a_short_frame_leaves_the_chart_most_of_the_height() {
        let l = frame("Internet users", "Source: reports r001, r004").layout();
        assert_eq!(l.title.len(), 1);
        assert_eq!(l.legend.len(), 3);
        // One legend row: every entry on the same baseline.
        assert!(l.legend.iter().all(|e| e.3 == l.legend[0].3));
        assert!(l.chart.3 > HEIGHT * 0.55);
    }
}
