//! Chart geometry: where each figure, target and tick goes, as numbers and
//! SVG path data. The components only draw what this computes.
//!
//! Time is a day number (days since 1970-01-01, as `Date::day_number`), as a
//! float so that a flow can sit at the middle of its period.

use dxcast_app::projection::{PathPoint, Prepared, Projection};
use dxcast_app::timeline::SeriesPoint;
use dxcast_core::quantity::{Aside, Conversion};
use dxcast_core::{Bounds, Comparison, Date, Status};

/// The series of a point that no line joins (a point set aside).
pub const NO_LINE: u8 = u8::MAX;

/// SVG path data joining the points of each series in time order; a series
/// of one point, and the points of [`NO_LINE`], have no line.
fn series_path(points: &[(f64, f64, u8)]) -> String {
    let mut seen: Vec<u8> = Vec::new();
    for p in points {
        if p.2 != NO_LINE && !seen.contains(&p.2) {
            seen.push(p.2);
        }
    }
    seen.into_iter()
        .map(|s| {
            points
                .iter()
                .filter(|p| p.2 == s)
                .map(|p| (p.0, p.1))
                .collect::<Vec<_>>()
        })
        .filter(|line| line.len() >= 2)
        .map(|line| polyline(&line))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the chart draws over the figures from a projection; every series
/// is `(day, value)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlay {
    /// The fitted trend over the figures.
    pub fitted: Vec<(f64, f64)>,
    /// The projection beyond the last figure (drawn dashed).
    pub projected: Vec<(f64, f64)>,
    /// The prediction band: `(day, low, high)`.
    pub band: Vec<(f64, f64, f64)>,
    /// The what-if scenario's path (empty without one).
    pub what_if: Vec<(f64, f64)>,
    /// The what-if scenario's band: `(day, low, high)`.
    pub what_if_band: Vec<(f64, f64, f64)>,
    /// The compared scenarios' paths.
    pub compared: Vec<Vec<(f64, f64)>>,
}

impl Overlay {
    /// What the chart draws over the figures for `p`, on its axis of day
    /// numbers: the fitted trend, the dashed path starting where the trend
    /// ends, the band where the spread is known, and the scenarios' paths.
    #[must_use]
    pub fn of(p: &Projection) -> Overlay {
        let day = |d: Date| f64::from(d.day_number());
        let fitted: Vec<(f64, f64)> = p.fitted.iter().map(|(d, v)| (day(*d), *v)).collect();
        let start = fitted.last().copied();
        let line = |path: &[PathPoint]| -> Vec<(f64, f64)> {
            start
                .into_iter()
                .chain(path.iter().map(|q| (day(q.date), q.point)))
                .collect()
        };
        let band_of = |path: &[PathPoint]| -> Vec<(f64, f64, f64)> {
            path.iter()
                .filter_map(|q| Some((day(q.date), q.lo?, q.hi?)))
                .collect()
        };
        Overlay {
            projected: line(&p.base),
            band: band_of(&p.base),
            what_if: match &p.what_if {
                Some(Ok(path)) => line(path),
                _ => Vec::new(),
            },
            what_if_band: match &p.what_if {
                Some(Ok(path)) => band_of(path),
                _ => Vec::new(),
            },
            compared: p
                .compared
                .iter()
                .map(|c| c.path.as_deref().map(line).unwrap_or_default())
                .collect(),
            fitted,
        }
    }
}

/// How a figure's marker is drawn: by the measure its point comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A total over a period, or a level.
    Circle,
    /// A year-to-date total.
    Square,
    /// A daily average.
    Diamond,
    /// A running total (since launch, or between two readings).
    Triangle,
}

impl Shape {
    /// The shape of a point derived by `conversion`.
    #[must_use]
    pub const fn of(conversion: Conversion) -> Shape {
        match conversion {
            Conversion::YearToDate => Shape::Square,
            Conversion::DailyAverage => Shape::Diamond,
            Conversion::SinceLaunch | Conversion::Difference => Shape::Triangle,
            _ => Shape::Circle,
        }
    }
}

/// A figure on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartPoint {
    /// Where it sits (a day number).
    pub day: f64,
    /// Its value as shown (a yearly total for totals).
    pub value: f64,
    /// Whether it is an estimate (drawn hollow).
    pub estimate: bool,
    /// Which line joins it ([`NO_LINE`]: none).
    pub series: u8,
    /// Its marker's shape.
    pub shape: Shape,
    /// Whether it is set aside (drawn grey, joined to nothing).
    pub aside: bool,
}

impl From<SeriesPoint> for ChartPoint {
    fn from(p: SeriesPoint) -> ChartPoint {
        ChartPoint {
            day: p.day,
            value: p.value,
            estimate: p.estimate,
            series: p.series,
            shape: Shape::Circle,
            aside: false,
        }
    }
}

/// The points of a quantity as the chart draws them, in date order: each
/// figure's point on the basis as shown (a daily rate times the days of its
/// year), its measure's shape; the kept points on one line, the points of
/// an older definition on another, the points set aside on none.
#[must_use]
pub fn quantity_points(prepared: &Prepared) -> Vec<ChartPoint> {
    prepared
        .measured
        .iter()
        .map(|q| ChartPoint {
            day: f64::from(q.point.date.day_number()),
            value: q.point.value * prepared.basis.factor(q.point.date),
            estimate: q.status == Status::Estimate,
            series: match q.aside {
                None => 0,
                Some(Aside::Definition) => 1,
                Some(_) => NO_LINE,
            },
            shape: Shape::of(q.conversion),
            aside: q.aside.is_some(),
        })
        .collect()
}

/// Where the series changes definition: the day halfway between the last
/// point of an older definition and the first kept point after it.
#[must_use]
pub fn definition_break(prepared: &Prepared) -> Option<f64> {
    let day = |d: Date| f64::from(d.day_number());
    let old = prepared
        .measured
        .iter()
        .filter(|q| q.aside == Some(Aside::Definition))
        .map(|q| day(q.point.date))
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))))?;
    let new = prepared
        .measured
        .iter()
        .filter(|q| q.kept())
        .map(|q| day(q.point.date))
        .filter(|d| *d >= old)
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.min(d))))?;
    Some((old + new) / 2.0)
}

/// A target on the chart: its value over its period, due on the period's last day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetInput {
    /// The first day of its period.
    pub start: f64,
    /// The deadline.
    pub deadline: f64,
    /// The value.
    pub value: f64,
    /// How a value compares with it.
    pub comparison: Comparison,
    /// Whether it is the what-if scenario's own target.
    pub what_if: bool,
}

/// Everything the chart shows.
#[derive(Debug, Clone, Copy)]
pub struct ChartInput<'a> {
    /// The figures, in time order.
    pub points: &'a [ChartPoint],
    /// The staged targets.
    pub targets: &'a [TargetInput],
    /// The width of each target's label in pixels (0 for none), in the
    /// targets' order ([`label_width`]).
    pub label_widths: &'a [f64],
    /// Where the series changes definition (a day number).
    pub definition_break: Option<f64>,
    /// Today's date.
    pub today: Date,
    /// The projection, when there is one.
    pub overlay: Option<&'a Overlay>,
    /// The indicator's bounds: the value axis stays inside them.
    pub bounds: Bounds,
    /// The drawing's width in pixels.
    pub width: f64,
    /// The drawing's height in pixels.
    pub height: f64,
    /// Whether a note above the value axis needs room ("per year, annualised").
    pub axis_note: bool,
}

/// The plotting area.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// A value-axis tick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// Its vertical position.
    pub y: f64,
    /// The value it marks.
    pub value: f64,
}

/// A time-axis tick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeTick {
    /// Its horizontal position.
    pub x: f64,
    /// The date it marks (a 1 January, or a quarter's first day).
    pub date: Date,
    /// Whether it marks a month rather than a year.
    pub month: bool,
}

/// A figure's marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// Centre x.
    pub x: f64,
    /// Centre y.
    pub y: f64,
    /// Drawn hollow.
    pub estimate: bool,
    /// Its shape.
    pub shape: Shape,
    /// Set aside: drawn grey.
    pub aside: bool,
    /// The figure's position in the input.
    pub index: usize,
}

/// A target's label: a box of one line, its text ending at `x` (drawn
/// right-aligned), its baseline at `y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    /// The right end of the text.
    pub x: f64,
    /// The baseline.
    pub y: f64,
    /// The text's width.
    pub width: f64,
}

impl LabelBox {
    /// `(left, top, right, bottom)` of the box the text takes.
    #[must_use]
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        (
            self.x - self.width,
            self.y - LABEL_LINE + 3.0,
            self.x,
            self.y + 3.0,
        )
    }

    /// Whether two boxes overlap.
    #[must_use]
    pub fn overlaps(&self, other: &LabelBox) -> bool {
        let (l1, t1, r1, b1) = self.rect();
        let (l2, t2, r2, b2) = other.rect();
        l1 < r2 && l2 < r1 && t1 < b2 && t2 < b1
    }
}

/// Where a band leaves the plot: the stretch of days (as x) over which it
/// is cut at the top or the bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Clip {
    /// Where the cut starts.
    pub x1: f64,
    /// Where it ends.
    pub x2: f64,
    /// Cut at the top (else the bottom).
    pub top: bool,
    /// The what-if's band (else the base's).
    pub what_if: bool,
}

/// A target's segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TargetMark {
    /// Where the segment starts.
    pub x1: f64,
    /// The deadline.
    pub x2: f64,
    /// The target's height.
    pub y: f64,
    /// The target's position in the input.
    pub index: usize,
    /// Whether it is the what-if scenario's own target.
    pub what_if: bool,
}

/// The computed chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// The plotting area.
    pub plot: Rect,
    /// Value ticks, bottom to top.
    pub y_ticks: Vec<Tick>,
    /// Time ticks, left to right.
    pub x_ticks: Vec<TimeTick>,
    /// The lines through the figures, one per series (SVG path data; empty
    /// when no series has two figures).
    pub line: String,
    /// The figures' markers.
    pub markers: Vec<Marker>,
    /// The targets' segments.
    pub targets: Vec<TargetMark>,
    /// Today's x, when today lies on the axis.
    pub today: Option<f64>,
    /// The fitted trend's path.
    pub fitted: Option<String>,
    /// The projection's path.
    pub projected: Option<String>,
    /// The band's closed path.
    pub band: Option<String>,
    /// The what-if path.
    pub what_if: Option<String>,
    /// The what-if band's closed path.
    pub what_if_band: Option<String>,
    /// The compared scenarios' paths, in their order.
    pub compared: Vec<Option<String>>,
    /// Where the bands are cut at the plot's edges.
    pub clips: Vec<Clip>,
    /// Each target's label, in the targets' order (`None` for an empty one).
    pub labels: Vec<Option<LabelBox>>,
    /// The x of a definition break, when it lies on the axis.
    pub definition_break: Option<f64>,
}

/// The what-if scenario's own marks: what changes with each what-if value
/// while the axes hold still.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WhatIfMarks {
    /// The what-if path.
    pub path: Option<String>,
    /// The what-if band's closed path.
    pub band: Option<String>,
    /// Where the what-if band is cut at the plot's edges.
    pub clips: Vec<Clip>,
}

impl Geometry {
    /// Everything but the what-if scenario's marks ([`Geometry::what_if_marks`]).
    #[must_use]
    pub fn without_what_if(&self) -> Geometry {
        Geometry {
            what_if: None,
            what_if_band: None,
            clips: self.clips.iter().filter(|c| !c.what_if).copied().collect(),
            ..self.clone()
        }
    }

    /// The what-if scenario's marks.
    #[must_use]
    pub fn what_if_marks(&self) -> WhatIfMarks {
        WhatIfMarks {
            path: self.what_if.clone(),
            band: self.what_if_band.clone(),
            clips: self.clips.iter().filter(|c| c.what_if).copied().collect(),
        }
    }
}

/// Left margin: room for value labels such as "1.276 billion".
pub const MARGIN_LEFT: f64 = 84.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 16.0;
/// The top margin with a note above the value axis.
const MARGIN_TOP_NOTE: f64 = 30.0;
/// How far a prediction band may stretch the value axis beyond everything
/// else, as a share of that range: a wide band is cut at the plot's edge
/// rather than squashing the figures into a line.
const BAND_ROOM: f64 = 0.5;
const MARGIN_BOTTOM: f64 = 36.0;
/// The narrowest chart drawn.
pub const MIN_WIDTH: f64 = 280.0;

/// The round distance (1, 2, 2.5 or 5 × 10ⁿ) that puts about `count` ticks
/// in `[lo, hi]`; `lo < hi`, both finite, `count > 0`.
fn tick_step(lo: f64, hi: f64, count: usize) -> f64 {
    let rough = (hi - lo) / count as f64;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude)
}

/// Up to about `count` round values (1, 2, 2.5 or 5 × 10ⁿ apart) within `[lo, hi]`.
#[must_use]
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || count == 0 {
        return Vec::new();
    }
    ticks_every(lo, hi, tick_step(lo, hi, count), count * 2 + 1)
}

/// The multiples of `step` within `[lo, hi]` (ends that are multiples up to
/// rounding included), at most `max` of them.
fn ticks_every(lo: f64, hi: f64, step: f64, max: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite() && step.is_finite()) || hi <= lo || step <= 0.0 {
        return Vec::new();
    }
    let first = (lo / step - 1e-9).ceil();
    let last = (hi / step + 1e-9).floor();
    let mut ticks = Vec::new();
    let mut k = first;
    while k <= last && ticks.len() < max {
        // Multiply rather than accumulate, so ticks stay round.
        let v = k * step;
        ticks.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        k += 1.0;
    }
    ticks
}

/// The value range to show: the data with some room, from zero when the
/// values are non-negative and zero is not far off, widened to the round
/// ticks (about `count`) around it, inside the bounds. Its ends are ticks,
/// so the axis holds still while a what-if path moves within a tick's
/// distance, and the top of the plot is labelled.
///
/// Returns the range and the ticks' distance.
fn value_domain(values: &[f64], bounds: Bounds, count: usize) -> (f64, f64, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (mut lo, mut hi) = finite
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if finite.is_empty() {
        (lo, hi) = (0.0, 1.0);
    }
    if lo >= 0.0 && lo <= 0.5 * hi {
        lo = 0.0;
    }
    if hi - lo <= 0.0 {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        (lo, hi) = (lo - pad, hi + pad);
        if finite.iter().all(|v| *v >= 0.0) && lo < 0.0 {
            lo = 0.0;
        }
    }
    // Room for half a marker at either end, then out to the next ticks.
    let pad = (hi - lo) * 0.02;
    if lo != 0.0 {
        lo -= pad;
    }
    hi += pad;
    let step = tick_step(lo, hi, count.max(1));
    let (nice_lo, nice_hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    if nice_lo.is_finite() && nice_hi.is_finite() {
        (lo, hi) = (nice_lo, nice_hi);
    }
    (
        bounds.clamp(lo),
        bounds.clamp(hi).max(bounds.clamp(lo) + f64::EPSILON),
        step,
    )
}

/// Time ticks between day numbers `lo` and `hi`: 1 January of each year,
/// every few years when they would crowd; quarters when the span is short.
fn time_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<(Date, bool)> {
    let (Ok(a), Ok(b)) = (
        Date::from_day_number(lo.floor() as i32),
        Date::from_day_number(hi.ceil() as i32),
    ) else {
        return Vec::new();
    };
    let years: Vec<Date> = (a.year()..=b.year() + 1)
        .map(Date::first_of_year)
        .filter(|d| (lo..=hi).contains(&f64::from(d.day_number())))
        .collect();
    if years.len() >= 2 {
        let step = years.len().div_ceil(max_ticks.max(1));
        return years
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % step == 0)
            .map(|(_, d)| (d, false))
            .collect();
    }
    let mut quarters = Vec::new();
    for y in a.year()..=b.year() {
        for m in [1, 4, 7, 10] {
            if let Ok(d) = Date::from_ymd(y, m, 1) {
                if (lo..=hi).contains(&f64::from(d.day_number())) {
                    quarters.push((d, true));
                }
            }
        }
    }
    let step = quarters.len().div_ceil(max_ticks.max(1)).max(1);
    quarters
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % step == 0)
        .map(|(_, d)| d)
        .collect()
}

/// A number for SVG path data, to a tenth of a pixel.
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// SVG path data through `points`.
#[must_use]
pub fn polyline(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{},{}", if i == 0 { "M" } else { "L" }, n(*x), n(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// For each target, the targets whose label it carries: the first of
/// several targets with the same deadline and value carries them all (report
/// 001's "> 860 triệu" and report 003's "≥ 860 triệu" for 2023); the others
/// carry none, so labels never print over each other.
#[must_use]
pub fn shared_labels(targets: &[TargetInput]) -> Vec<Vec<usize>> {
    let same = |a: &TargetInput, b: &TargetInput| a.deadline == b.deadline && a.value == b.value;
    targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if targets[..i].iter().any(|u| same(u, t)) {
                Vec::new()
            } else {
                (i..targets.len())
                    .filter(|&j| same(&targets[j], t))
                    .collect()
            }
        })
        .collect()
}

/// The height of a label's line, in pixels.
pub const LABEL_LINE: f64 = 16.0;

/// The width in pixels a label of `text` takes at the chart's 12-pixel
/// font, at most (a generous average advance of digits and letters).
#[must_use]
pub fn label_width(text: &str) -> f64 {
    text.chars().count() as f64 * 7.0
}

/// Places the targets' labels, greedily in the targets' order: each label
/// `(x, y, width)` wants its text to end at `x` just above its line `y`;
/// the first place that keeps it inside `plot` and clear of the labels
/// placed before it wins, trying its own line, then a line up, a line down,
/// two up, … and at each height its wanted `x`, then moved left or right
/// just clear of each label in the way. Labels never overlap: a label that
/// finds no place is dropped (its target keeps its tooltip).
#[must_use]
pub fn place_labels(labels: &[(f64, f64, f64)], plot: Rect) -> Vec<Option<LabelBox>> {
    let mut placed: Vec<LabelBox> = Vec::new();
    labels
        .iter()
        .map(|&(x, y, w)| {
            if w <= 0.0 {
                return None;
            }
            let fits = |b: &LabelBox| {
                let (l, t, r, bottom) = b.rect();
                l >= plot.left + 2.0
                    && r <= plot.right
                    && t >= plot.top - 2.0
                    && bottom <= plot.bottom
                    && placed.iter().all(|p| !p.overlaps(b))
            };
            let rows = ((plot.bottom - plot.top) / LABEL_LINE).ceil() as i32 + 1;
            let clamp_x = |x: f64| x.max(plot.left + 2.0 + w).min(plot.right);
            for k in 0..(2 * rows) {
                let step = f64::from((k + 1) / 2) * LABEL_LINE;
                let base = if k % 2 == 1 { y - step } else { y + step };
                let mut xs = vec![clamp_x(x)];
                for p in &placed {
                    let (pl, _, pr, _) = p.rect();
                    xs.push(clamp_x(pl - 4.0));
                    xs.push(clamp_x(pr + 4.0 + w));
                }
                if let Some(b) = xs
                    .into_iter()
                    .map(|x| LabelBox {
                        x,
                        y: base,
                        width: w,
                    })
                    .find(|b| fits(b))
                {
                    placed.push(b);
                    return Some(b);
                }
            }
            None
        })
        .collect()
}

/// Lays the chart out.
#[must_use]
pub fn layout(input: &ChartInput<'_>) -> Geometry {
    let width = input.width.max(MIN_WIDTH);
    let height = input.height.max(160.0);
    let plot = Rect {
        left: MARGIN_LEFT,
        top: if input.axis_note {
            MARGIN_TOP_NOTE
        } else {
            MARGIN_TOP
        },
        right: width - MARGIN_RIGHT,
        bottom: height - MARGIN_BOTTOM,
    };
    let today = f64::from(input.today.day_number());
    let overlay = input.overlay.cloned().unwrap_or_default();

    let mut days: Vec<f64> = input.points.iter().map(|p| p.day).collect();
    days.extend(input.targets.iter().flat_map(|t| [t.start, t.deadline]));
    days.extend(overlay.fitted.iter().map(|p| p.0));
    days.extend(overlay.projected.iter().map(|p| p.0));
    days.extend(overlay.band.iter().map(|p| p.0));
    days.extend(overlay.what_if.iter().map(|p| p.0));
    days.extend(overlay.compared.iter().flatten().map(|p| p.0));
    days.push(today);
    let (mut x_lo, mut x_hi) = days
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &d| {
            (a.min(d), b.max(d))
        });
    if x_hi - x_lo < 1.0 {
        x_lo -= 180.0;
        x_hi += 180.0;
    }
    let pad = (x_hi - x_lo) * 0.03;
    x_lo -= pad;
    x_hi += pad;

    let mut values: Vec<f64> = input.points.iter().map(|p| p.value).collect();
    values.extend(input.targets.iter().map(|t| t.value));
    values.extend(overlay.fitted.iter().map(|p| p.1));
    values.extend(overlay.projected.iter().map(|p| p.1));
    values.extend(overlay.compared.iter().flatten().map(|p| p.1));
    // The bands and the what-if path stretch the axis by at most BAND_ROOM
    // of the rest's range: beyond, they are cut at the plot's edge. The
    // axis holds still while a what-if path moves far off.
    let (core_lo, core_hi) = finite_range(&values);
    let room = (core_hi - core_lo).max(core_hi.abs() * 0.1) * BAND_ROOM;
    values.extend(
        overlay
            .band
            .iter()
            .chain(&overlay.what_if_band)
            .flat_map(|p| [p.1, p.2])
            .chain(overlay.what_if.iter().map(|p| p.1))
            .filter(|v| v.is_finite())
            .map(|v| v.clamp(core_lo - room, core_hi + room)),
    );
    let y_count = ((plot.bottom - plot.top) / 48.0).clamp(2.0, 6.0) as usize;
    let (y_lo, y_hi, y_step) = value_domain(&values, input.bounds, y_count);

    let x = |d: f64| plot.left + (d - x_lo) / (x_hi - x_lo) * (plot.right - plot.left);
    let y = |v: f64| plot.bottom - (v - y_lo) / (y_hi - y_lo) * (plot.bottom - plot.top);

    let y_ticks = ticks_every(y_lo, y_hi, y_step, y_count * 2 + 1)
        .into_iter()
        .map(|v| Tick { y: y(v), value: v })
        .collect();
    let x_count = ((plot.right - plot.left) / 72.0).clamp(2.0, 10.0) as usize;
    let x_ticks = time_ticks(x_lo, x_hi, x_count)
        .into_iter()
        .map(|(date, month)| TimeTick {
            x: x(f64::from(date.day_number())),
            date,
            month,
        })
        .collect();
    let markers: Vec<Marker> = input
        .points
        .iter()
        .enumerate()
        .map(|(index, p)| Marker {
            x: x(p.day),
            y: y(p.value),
            estimate: p.estimate,
            shape: p.shape,
            aside: p.aside,
            index,
        })
        .collect();
    let line = series_path(
        &markers
            .iter()
            .zip(input.points)
            .map(|(m, p)| (m.x, m.y, p.series))
            .collect::<Vec<_>>(),
    );
    let targets: Vec<TargetMark> = input
        .targets
        .iter()
        .enumerate()
        .map(|(index, t)| TargetMark {
            x1: x(t.start.max(x_lo)),
            x2: x(t.deadline),
            y: y(t.value),
            index,
            what_if: t.what_if,
        })
        .collect();
    // Labels end a little before their deadline, just above their line.
    let wanted: Vec<(f64, f64, f64)> = targets
        .iter()
        .map(|t| {
            let w = input.label_widths.get(t.index).copied().unwrap_or(0.0);
            (t.x2 - 8.0, t.y - 7.0, w)
        })
        .collect();
    let labels = place_labels(&wanted, plot);
    let path = |pts: &[(f64, f64)]| {
        (pts.len() >= 2)
            .then(|| polyline(&pts.iter().map(|(d, v)| (x(*d), y(*v))).collect::<Vec<_>>()))
    };
    // A band is cut at the plot's edges, and the cut marked.
    let clip = |v: f64| y(v.clamp(y_lo, y_hi));
    let band_path = |band: &[(f64, f64, f64)]| {
        (band.len() >= 2).then(|| {
            let upper = band.iter().map(|(d, _, hi)| (x(*d), clip(*hi)));
            let lower = band.iter().rev().map(|(d, lo, _)| (x(*d), clip(*lo)));
            format!("{} Z", polyline(&upper.chain(lower).collect::<Vec<_>>()))
        })
    };
    // The what-if path is cut as a band of no width, marked where it has no
    // band of its own.
    let what_if_line: Vec<(f64, f64, f64)> = if overlay.what_if_band.is_empty() {
        overlay.what_if.iter().map(|(d, v)| (*d, *v, *v)).collect()
    } else {
        Vec::new()
    };
    let mut clips = Vec::new();
    for (band, what_if) in [
        (&overlay.band, false),
        (&overlay.what_if_band, true),
        (&what_if_line, true),
    ] {
        for top in [true, false] {
            let out = |p: &(f64, f64, f64)| if top { p.2 > y_hi } else { p.1 < y_lo };
            let mut run: Option<(f64, f64)> = None;
            for p in band.iter() {
                if out(p) {
                    let px = x(p.0);
                    run = Some(run.map_or((px, px), |(a, _)| (a, px)));
                } else if let Some((x1, x2)) = run.take() {
                    clips.push(Clip {
                        x1,
                        x2,
                        top,
                        what_if,
                    });
                }
            }
            if let Some((x1, x2)) = run {
                clips.push(Clip {
                    x1,
                    x2,
                    top,
                    what_if,
                });
            }
        }
    }
    let band = band_path(&overlay.band);
    Geometry {
        width,
        height,
        plot,
        y_ticks,
        x_ticks,
        line,
        markers,
        targets,
        today: (x_lo..=x_hi).contains(&today).then(|| x(today)),
        fitted: path(&overlay.fitted),
        projected: path(&overlay.projected),
        band,
        what_if: (overlay.what_if.len() >= 2).then(|| {
            polyline(
                &overlay
                    .what_if
                    .iter()
                    .map(|(d, v)| (x(*d), clip(*v)))
                    .collect::<Vec<_>>(),
            )
        }),
        what_if_band: band_path(&overlay.what_if_band),
        compared: overlay.compared.iter().map(|c| path(c)).collect(),
        clips,
        labels,
        definition_break: input
            .definition_break
            .filter(|d| (x_lo..=x_hi).contains(d))
            .map(x),
    }
}

/// The smallest and largest finite values (0 and 1 for none).
fn finite_range(values: &[f64]) -> (f64, f64) {
    let (lo, hi) = values
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if lo.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}

/// A sparkline: the path through the figures and a dot for each.
#[derive(Debug, Clone, PartialEq)]
pub struct Spark {
    /// Path data (empty for one figure).
    pub path: String,
    /// `(x, y, estimate)` of each figure.
    pub dots: Vec<(f64, f64, bool)>,
}

/// A sparkline of `points` in a `width` × `height` box with `pad` pixels of room.
#[must_use]
pub fn sparkline(points: &[SeriesPoint], width: f64, height: f64, pad: f64) -> Spark {
    let (d_lo, d_hi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.day), b.max(p.day))
        });
    let (v_lo, v_hi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.value), b.max(p.value))
        });
    let scale = |v: f64, lo: f64, hi: f64, from: f64, to: f64| {
        if hi > lo {
            from + (v - lo) / (hi - lo) * (to - from)
        } else {
            (from + to) / 2.0
        }
    };
    let dots: Vec<(f64, f64, bool)> = points
        .iter()
        .map(|p| {
            (
                scale(p.day, d_lo, d_hi, pad, width - pad),
                scale(p.value, v_lo, v_hi, height - pad, pad),
                p.estimate,
            )
        })
        .collect();
    let path = series_path(
        &dots
            .iter()
            .zip(points)
            .map(|((x, y, _), p)| (*x, *y, p.series))
            .collect::<Vec<_>>(),
    );
    Spark { path, dots }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_app::dataset::Dataset;
    use dxcast_app::projection::{
        fit, prepare, project, MethodChoice, NamedScenario, ProjectionOptions, Sources,
    };
    use dxcast_core::quantity::Rule;
    use dxcast_core::scenario::{GrowthOverride, Scenario};

    fn day(y: i32, m: u32, d: u32) -> f64 {
        f64::from(Date::from_ymd(y, m, d).unwrap().day_number())
    }

    #[test]
    fn nice_ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.0, 9.3e8, 4), [0.0, 2.5e8, 5e8, 7.5e8]);
        assert_eq!(nice_ticks(96.1, 100.0, 4), [97.0, 98.0, 99.0, 100.0]);
        assert_eq!(nice_ticks(-1.2, 1.2, 4), [-1.0, 0.0, 1.0]);
        assert_eq!(nice_ticks(-1.2, 1.2, 8), [-1.0, -0.5, 0.0, 0.5, 1.0]);
        assert!(nice_ticks(1.0, 1.0, 4).is_empty());
        assert!(nice_ticks(f64::NAN, 1.0, 4).is_empty());
    }

    fn chart(points: &[SeriesPoint]) -> Vec<ChartPoint> {
        points.iter().copied().map(ChartPoint::from).collect()
    }

    fn sample() -> (Vec<SeriesPoint>, Vec<TargetInput>) {
        let points = vec![
            SeriesPoint {
                day: day(2021, 7, 2),
                value: 180e6,
                estimate: false,
                series: 0,
            },
            SeriesPoint {
                day: day(2022, 7, 2),
                value: 860e6,
                estimate: true,
                series: 0,
            },
        ];
        let targets = vec![TargetInput {
            start: day(2023, 1, 1),
            deadline: day(2023, 12, 31),
            value: 860e6,
            comparison: Comparison::GreaterThan,
            what_if: false,
        }];
        (points, targets)
    }

    #[test]
    fn the_layout_places_figures_targets_and_today() {
        let (points, targets) = sample();
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &targets,
            today: Date::from_ymd(2023, 6, 1).unwrap(),
            overlay: None,
            bounds: Bounds::NON_NEGATIVE,
            width: 640.0,
            height: 320.0,
            axis_note: false,
            label_widths: &[],
            definition_break: None,
        });
        let p = g.plot;
        assert_eq!(
            (p.left, p.top, p.right, p.bottom),
            (MARGIN_LEFT, 16.0, 624.0, 284.0)
        );
        // Counts start at zero: the first tick is 0 at the bottom.
        assert_eq!(g.y_ticks[0].value, 0.0);
        assert!((g.y_ticks[0].y - p.bottom).abs() < 1e-9);
        // Markers in time order, inside the plot; the estimate is hollow.
        assert_eq!(g.markers.len(), 2);
        assert!(g.markers[0].x < g.markers[1].x && g.markers[0].y > g.markers[1].y);
        assert!(g
            .markers
            .iter()
            .all(|m| m.x > p.left && m.x < p.right && m.y > p.top && m.y < p.bottom));
        assert!(g.markers[1].estimate && !g.markers[0].estimate);
        assert!(g.line.starts_with('M') && g.line.contains(" L"));
        // The target at 860 million is level with the 2022 figure and ends at its deadline.
        let t = g.targets[0];
        assert!((t.y - g.markers[1].y).abs() < 1e-9);
        assert!(t.x1 < t.x2);
        // Today lies between the figures and the deadline.
        let today = g.today.unwrap();
        assert!(today > g.markers[1].x && today < t.x2);
        // Each 1 January is a tick (the axis runs a little past the deadline).
        let years: Vec<i32> = g.x_ticks.iter().map(|t| t.date.year()).collect();
        assert_eq!(years, [2022, 2023, 2024]);
        assert!(g.x_ticks.iter().all(|t| !t.month));
        assert!(g.fitted.is_none() && g.projected.is_none() && g.band.is_none());
    }

    #[test]
    fn an_overlay_is_drawn_when_given() {
        let (points, targets) = sample();
        let overlay = Overlay {
            fitted: vec![(day(2021, 7, 2), 200e6), (day(2022, 7, 2), 800e6)],
            projected: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 1.5e9)],
            band: vec![
                (day(2022, 7, 2), 700e6, 900e6),
                (day(2023, 12, 31), 1.2e9, 1.8e9),
            ],
            ..Overlay::default()
        };
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &targets,
            today: Date::from_ymd(2023, 6, 1).unwrap(),
            overlay: Some(&overlay),
            bounds: Bounds::NON_NEGATIVE,
            width: 640.0,
            height: 320.0,
            axis_note: false,
            label_widths: &[],
            definition_break: None,
        });
        assert!(g.fitted.is_some() && g.projected.is_some());
        let band = g.band.unwrap();
        assert!(band.ends_with('Z') && band.matches('L').count() == 3);
        // The band's top (1,8 billion) is inside the plot, whose top is the
        // next round value (ticks 0,5 billion apart).
        assert_eq!(g.y_ticks.last().unwrap().value, 2e9);
        assert!((g.y_ticks.last().unwrap().y - g.plot.top).abs() < 1e-9);
        assert!(g.what_if.is_none() && g.compared.is_empty());
    }

    #[test]
    fn a_what_if_path_within_a_tick_moves_only_itself() {
        let (points, targets) = sample();
        let at = |end: f64| {
            let overlay = Overlay {
                projected: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 1.5e9)],
                what_if: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), end)],
                ..Overlay::default()
            };
            layout(&ChartInput {
                points: &chart(&points),
                targets: &targets,
                today: Date::from_ymd(2023, 6, 1).unwrap(),
                overlay: Some(&overlay),
                bounds: Bounds::NON_NEGATIVE,
                width: 640.0,
                height: 320.0,
                axis_note: false,
                label_widths: &[],
                definition_break: None,
            })
        };
        // 1,6 and 1,7 billion: both under the 2 billion tick.
        let (a, b) = (at(1.6e9), at(1.7e9));
        assert_eq!(a.without_what_if(), b.without_what_if());
        assert_ne!(a.what_if_marks(), b.what_if_marks());
        assert_eq!(a.y_ticks.last().unwrap().value, 2e9);
        // 2,1 billion passes it: the axis grows to the next tick.
        let c = at(2.1e9);
        assert_eq!(c.y_ticks.last().unwrap().value, 2.5e9);
        assert_ne!(a.without_what_if(), c.without_what_if());
        // 20 and 40 billion are far off: the axis holds still and the path
        // is cut at the plot's top, where the cut is marked.
        let (far, farther) = (at(20e9), at(40e9));
        assert_eq!(far.without_what_if(), farther.without_what_if());
        let top = far.y_ticks.last().unwrap().value;
        assert!(top < 5e9, "{top}");
        let path = farther.what_if.clone().unwrap();
        let end_y: f64 = path.rsplit(',').next().unwrap().parse().unwrap();
        assert!((end_y - farther.plot.top).abs() < 0.05, "{path}");
        assert!(farther.clips.iter().any(|c| c.what_if && c.top));
        assert!(!a.clips.iter().any(|c| c.what_if));
    }

    #[test]
    fn a_wide_band_is_cut_at_the_plot_and_scenarios_are_drawn() {
        let (points, targets) = sample();
        let overlay = Overlay {
            projected: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 1.5e9)],
            band: vec![
                (day(2022, 7, 2), 700e6, 900e6),
                (day(2023, 12, 31), 0.0, 40e9),
            ],
            what_if: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 2e9)],
            compared: vec![vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 1e9)]],
            ..Overlay::default()
        };
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &targets,
            today: Date::from_ymd(2023, 6, 1).unwrap(),
            overlay: Some(&overlay),
            bounds: Bounds::NON_NEGATIVE,
            width: 640.0,
            height: 320.0,
            axis_note: true,
            label_widths: &[],
            definition_break: None,
        });
        // 40 billion would squash everything: the axis stops within half the
        // rest's range (180 million to 2 billion) above the highest value.
        let top = g.y_ticks.last().unwrap().value;
        assert!((2e9..=3.2e9).contains(&top), "{top}");
        // Every point of the band is inside the plot.
        let band = g.band.unwrap();
        for pair in band.trim_end_matches(" Z").split(' ') {
            let y: f64 = pair[1..].split(',').nth(1).unwrap().parse().unwrap();
            assert!(y >= g.plot.top - 0.05 && y <= g.plot.bottom + 0.05, "{y}");
        }
        assert_eq!(g.plot.top, MARGIN_TOP_NOTE);
        assert!(g.what_if.is_some());
        assert_eq!(g.compared.len(), 1);
        assert!(g.compared[0].is_some());
    }

    #[test]
    fn shares_stay_within_their_bounds_and_short_spans_get_quarters() {
        let points = [
            SeriesPoint {
                day: day(2022, 9, 30),
                value: 97.3,
                estimate: false,
                series: 0,
            },
            SeriesPoint {
                day: day(2022, 12, 31),
                value: 100.0,
                estimate: true,
                series: 0,
            },
        ];
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &[],
            today: Date::from_ymd(2023, 1, 15).unwrap(),
            overlay: None,
            bounds: Bounds::PERCENT,
            width: 390.0,
            height: 260.0,
            axis_note: false,
            label_widths: &[],
            definition_break: None,
        });
        assert!(g.y_ticks.iter().all(|t| t.value <= 100.0));
        assert!(g.y_ticks.iter().all(|t| t.y >= g.plot.top - 1e-9));
        assert!(g.x_ticks.iter().any(|t| t.month));
    }

    #[test]
    fn a_single_figure() {
        let points = [SeriesPoint {
            day: day(2024, 4, 30),
            value: 63.0,
            estimate: false,
            series: 0,
        }];
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &[],
            today: Date::from_ymd(2024, 4, 30).unwrap(),
            overlay: None,
            bounds: Bounds::NON_NEGATIVE,
            width: 100.0,
            height: 100.0,
            axis_note: false,
            label_widths: &[],
            definition_break: None,
        });
        assert_eq!(g.width, MIN_WIDTH);
        assert!(g.line.is_empty());
        assert_eq!(g.markers.len(), 1);
        assert!(g.y_ticks.len() >= 2);
        let s = sparkline(&points, 96.0, 28.0, 3.0);
        assert!(s.path.is_empty());
        assert_eq!(s.dots, [(48.0, 14.0, false)]);
    }

    #[test]
    fn separate_series_are_separate_lines() {
        let pts = [
            (0.0, 0.0, 4),
            (10.0, 5.0, 2),
            (20.0, 1.0, 4),
            (30.0, 2.0, 3),
            (40.0, 3.0, 2),
        ];
        assert_eq!(series_path(&pts), "M0,0 L20,1 M10,5 L40,3");
        assert_eq!(series_path(&pts[..2]), "");
    }

    #[test]
    fn targets_with_the_same_deadline_and_value_share_a_label() {
        let t = |deadline: f64, value: f64, comparison| TargetInput {
            start: 0.0,
            deadline,
            value,
            comparison,
            what_if: false,
        };
        let targets = [
            t(1.0, 860.0, Comparison::GreaterThan),
            t(2.0, 860.0, Comparison::GreaterThan),
            t(1.0, 860.0, Comparison::AtLeast),
        ];
        assert_eq!(shared_labels(&targets), [vec![0, 2], vec![1], vec![]]);
    }

    /// The projection of a built-in indicator, with `scenario`.
    fn projection_of(id: &str, options: impl Fn(Date) -> ProjectionOptions) -> Projection {
        prepared_and_projection(id, options).1
    }

    /// The prepared quantity of a built-in indicator and its projection.
    fn prepared_and_projection(
        id: &str,
        options: impl Fn(Date) -> ProjectionOptions,
    ) -> (Prepared, Projection) {
        let data = Dataset::builtin().unwrap();
        let sources = Sources::of(&data, id).unwrap();
        let input = sources.input(Rule::Totals);
        let prepared = prepare(&input).unwrap();
        let chosen = fit(
            &prepared,
            &MethodChoice::Recommended,
            Date::from_ymd(2026, 12, 31).unwrap(),
        )
        .unwrap();
        let p = project(
            &input,
            &prepared,
            &chosen,
            &options(Date::from_ymd(2026, 11, 22).unwrap()),
        )
        .unwrap();
        (prepared, p)
    }

    #[test]
    fn the_overlay_draws_the_projection() {
        let p = projection_of("ndxp_tx", ProjectionOptions::base);
        let overlay = Overlay::of(&p);
        // The dashed line starts where the fitted one ends.
        assert_eq!(overlay.fitted.len(), p.fitted.len());
        assert_eq!(overlay.projected.first(), overlay.fitted.last());
        assert_eq!(overlay.projected.len(), p.base.len() + 1);
        assert_eq!(overlay.band.len(), p.base.len());
        assert!(overlay.what_if.is_empty() && overlay.compared.is_empty());
        // Two figures of a share: no known spread, no band.
        let two = projection_of("dossiers_processed_online_share", ProjectionOptions::base);
        assert!(!two.spread_known());
        assert!(Overlay::of(&two).band.is_empty());
        // A scenario and a compared one are drawn from the same start.
        let faster = Scenario {
            growth: Some(GrowthOverride::yearly(
                Date::from_ymd(2024, 6, 1).unwrap(),
                30.0,
            )),
            ..Scenario::default()
        };
        let p = projection_of("ndxp_tx", |today| ProjectionOptions {
            scenario: faster,
            compared: vec![NamedScenario {
                name: "x".into(),
                scenario: faster,
            }],
            ..ProjectionOptions::base(today)
        });
        let overlay = Overlay::of(&p);
        assert_eq!(overlay.what_if.len(), overlay.projected.len());
        assert_eq!(overlay.compared, std::slice::from_ref(&overlay.what_if));
        // The scenario has a band of its own.
        assert_eq!(overlay.what_if_band.len(), p.base.len());
    }

    /// NDXP transactions' chart at `width`, with the labels the page gives
    /// its targets (the two 2023 targets share one) and a scenario's target.
    fn ndxp_chart(width: f64) -> Geometry {
        let (prepared, p) = prepared_and_projection("ndxp_tx", ProjectionOptions::base);
        let points = quantity_points(&prepared);
        let day = |y, m, d| f64::from(Date::from_ymd(y, m, d).unwrap().day_number());
        let target = |y: i32, value: f64, what_if: bool| TargetInput {
            start: day(y, 1, 1),
            deadline: day(y, 12, 31),
            value,
            comparison: Comparison::GreaterThan,
            what_if,
        };
        let targets = [
            target(2023, 860e6, false),
            target(2025, 860e6, false),
            target(2023, 860e6, false),
            target(2026, 1.5e9, true),
        ];
        let labels = [
            "> / ≥ 860 triệu (2023)",
            "> 860 triệu (2025)",
            "",
            "Kịch bản: > 1,5 tỷ (2026)",
        ];
        let widths: Vec<f64> = labels
            .iter()
            .map(|l| if l.is_empty() { 0.0 } else { label_width(l) })
            .collect();
        let overlay = Overlay::of(&p);
        layout(&ChartInput {
            points: &points,
            targets: &targets,
            label_widths: &widths,
            definition_break: None,
            today: Date::from_ymd(2026, 11, 22).unwrap(),
            overlay: Some(&overlay),
            bounds: Bounds::NON_NEGATIVE,
            width,
            height: if width < 520.0 { 280.0 } else { 360.0 },
            axis_note: true,
        })
    }

    #[test]
    fn target_labels_never_overlap_and_stay_inside() {
        for width in [390.0, 320.0, 1280.0] {
            let g = ndxp_chart(width);
            let boxes: Vec<LabelBox> = g.labels.iter().flatten().copied().collect();
            // Every non-empty label is placed: three of the four targets.
            assert_eq!(boxes.len(), 3, "{width}");
            assert!(g.labels[2].is_none());
            for (i, a) in boxes.iter().enumerate() {
                let (l, t, r, b) = a.rect();
                assert!(l >= g.plot.left && r <= g.plot.right, "{width}: {a:?}");
                assert!(
                    t >= g.plot.top - 2.0 && b <= g.plot.bottom,
                    "{width}: {a:?}"
                );
                for other in &boxes[i + 1..] {
                    assert!(!a.overlaps(other), "{width}: {a:?} and {other:?}");
                }
            }
        }
        // Labels that want the same place: the second moves, clear of the first.
        let plot = Rect {
            left: 84.0,
            top: 16.0,
            right: 374.0,
            bottom: 244.0,
        };
        let placed = place_labels(&[(300.0, 100.0, 150.0), (310.0, 100.0, 150.0)], plot);
        let (a, b) = (placed[0].unwrap(), placed[1].unwrap());
        assert_eq!((a.x, a.y), (300.0, 100.0));
        assert!(!a.overlaps(&b));
        assert_eq!(b.y, 100.0 - LABEL_LINE);
    }

    #[test]
    fn every_figure_of_the_quantity_is_marked_by_its_measure() {
        let (prepared, _) = prepared_and_projection("ndxp_tx", ProjectionOptions::base);
        let points = quantity_points(&prepared);
        assert_eq!(points.len(), 12);
        let shapes = |s: Shape| points.iter().filter(|p| p.shape == s).count();
        // 5 totals, 1 year-to-date total, 4 daily averages, 2 running totals
        // (data/observations.csv).
        assert_eq!(
            (
                shapes(Shape::Circle),
                shapes(Shape::Square),
                shapes(Shape::Diamond),
                shapes(Shape::Triangle)
            ),
            (5, 1, 4, 2)
        );
        // The kept points are joined; those set aside are not.
        assert_eq!(points.iter().filter(|p| !p.aside).count(), 7);
        assert!(points
            .iter()
            .filter(|p| p.aside)
            .all(|p| p.series == NO_LINE));
        // September 2022's total as a yearly total: 58 397 139 / 30 × 365.
        assert!(points
            .iter()
            .any(|p| (p.value - 58_397_139.0 / 30.0 * 365.0).abs() < 1e-3));
        // No break in NDXP transactions; dossiers submitted online have one,
        // between 31/12/2022 (the older definition) and 30/4/2024.
        assert_eq!(definition_break(&prepared), None);
        let data = Dataset::builtin().unwrap();
        let sources = Sources::of(&data, "dossiers_submitted_online_share").unwrap();
        let submitted = prepare(&sources.input(Rule::Totals)).unwrap();
        let day = |y, m, d| f64::from(Date::from_ymd(y, m, d).unwrap().day_number());
        let b = definition_break(&submitted).unwrap();
        assert!(b > day(2022, 12, 31) && b < day(2024, 4, 30));
        let pts = quantity_points(&submitted);
        assert_eq!(pts.iter().map(|p| p.series).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn a_band_cut_at_the_plot_is_marked() {
        let g = ndxp_chart(390.0);
        // NDXP's band through 2026 runs far above everything else: it is cut
        // at the top, and the cut is marked over the dates it is cut.
        let top: Vec<&Clip> = g.clips.iter().filter(|c| c.top && !c.what_if).collect();
        assert_eq!(top.len(), 1);
        assert!(top[0].x1 < top[0].x2 && top[0].x2 <= g.plot.right);
        let (points, targets) = sample();
        let narrow = Overlay {
            projected: vec![(day(2022, 7, 2), 800e6), (day(2023, 12, 31), 1.5e9)],
            band: vec![
                (day(2022, 7, 2), 700e6, 900e6),
                (day(2023, 12, 31), 1.2e9, 1.8e9),
            ],
            ..Overlay::default()
        };
        let g = layout(&ChartInput {
            points: &chart(&points),
            targets: &targets,
            today: Date::from_ymd(2023, 6, 1).unwrap(),
            overlay: Some(&narrow),
            bounds: Bounds::NON_NEGATIVE,
            width: 640.0,
            height: 320.0,
            axis_note: false,
            label_widths: &[],
            definition_break: None,
        });
        assert!(g.clips.is_empty());
    }

    #[test]
    fn sparklines_fill_their_box() {
        let (points, _) = sample();
        let s = sparkline(&points, 96.0, 28.0, 3.0);
        assert_eq!(s.dots, [(3.0, 25.0, false), (93.0, 3.0, true)]);
        assert_eq!(s.path, "M3,25 L93,3");
    }
}
