//! Derived figures: multiples, changes, percentages of other figures, excess
//! over a plan and daily averages, as candidates for the claim checker.
//!
//! A figure is derived when one of these comes right before it (with its
//! qualifier between: "gấp hơn 4,8 lần", "tăng gần 36%"):
//!
//! | words | candidate |
//! |---|---|
//! | "gấp", "tăng gấp"; "tăng", "giảm", "bằng" with "lần" after | [`CandidateKind::Multiple`] |
//! | "tăng", "tăng thêm", "tăng trưởng", "cao hơn"; "giảm", "giảm đi", "thấp hơn" with `%` | [`CandidateKind::RelativeChange`] when the figure it changes (the last one before it in its clause) is not a percentage, else [`CandidateKind::PercentChange`]: relative, or in points of a share, the reports do not say |
//! | the same with another unit ("tăng 05 dịch vụ") | [`CandidateKind::Difference`] |
//! | "vượt", "vượt mức" | [`CandidateKind::ExcessOverPlan`] |
//! | "bằng", "tương ứng (với)", "tương đương (với)" with `%` | [`CandidateKind::ShareOfTarget`] when what it is compared with names a target ("mục tiêu", "chỉ tiêu", "kế hoạch"), else [`CandidateKind::Share`] |
//! | "tỷ lệ", "chiếm (tỷ lệ)" with `%`, after a count in the same clause ("2.365 hệ thống, đạt tỷ lệ 68,2%") | [`CandidateKind::Share`] |
//! | "trung bình"/"bình quân" "mỗi"/"hằng"/"hàng"/"một" "ngày"; "/ngày" after the unit | [`CandidateKind::DailyAverage`] |
//!
//! "tăng lên 80%", "giảm xuống 5%" and "giảm còn 5%" give a new level, not a
//! change, and are not derived. What the figure is compared with is the
//! phrase after "so với" when it follows within 8 words ("tăng 05 dịch vụ
//! công thiết yếu so với cuối năm 2023"), up to the next comma, bracket,
//! semicolon, colon, full stop, "và", "nhưng", a reason ("do", "vì",
//! "nhờ", "để", "khi") or 200 bytes.

use super::scan::{Cursor, History, Kind};
use super::word::Src;
use super::{Found, Span};
use crate::claim::ClaimKind;
use crate::indicator::Unit;

/// What kind of derived figure a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
#[non_exhaustive]
pub enum CandidateKind {
    /// "gấp 4,8 lần": a multiple of another figure.
    Multiple,
    /// "tăng 17,7%" of an amount that is not a percentage: a relative change.
    RelativeChange,
    /// "tăng 35,65%" of a share, or of a figure the clause does not give: a
    /// relative change or a change in points; the text does not say which.
    PercentChange,
    /// "tăng 05 dịch vụ": a change in the figure's own unit.
    Difference,
    /// "vượt 2% so với kế hoạch": how far a plan was exceeded.
    ExcessOverPlan,
    /// "bằng 100% so với chỉ tiêu", "tương ứng với khoảng 12,95% so với mục
    /// tiêu": a percentage of a target.
    ShareOfTarget,
    /// "(đạt tỷ lệ 91,32%)" after its part and whole: a percentage of
    /// another figure.
    Share,
    /// "Trung bình mỗi ngày khoảng 2,1 triệu": a total divided by its days.
    DailyAverage,
}

impl CandidateKind {
    /// Every kind.
    pub const ALL: [CandidateKind; 8] = [
        CandidateKind::Multiple,
        CandidateKind::RelativeChange,
        CandidateKind::PercentChange,
        CandidateKind::Difference,
        CandidateKind::ExcessOverPlan,
        CandidateKind::ShareOfTarget,
        CandidateKind::Share,
        CandidateKind::DailyAverage,
    ];

    /// The identifier: `multiple`, `relative_change`, `percent_change`,
    /// `difference`, `excess_over_plan`, `share_of_target`, `share`,
    /// `daily_average`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            CandidateKind::Multiple => "multiple",
            CandidateKind::RelativeChange => "relative_change",
            CandidateKind::PercentChange => "percent_change",
            CandidateKind::Difference => "difference",
            CandidateKind::ExcessOverPlan => "excess_over_plan",
            CandidateKind::ShareOfTarget => "share_of_target",
            CandidateKind::Share => "share",
            CandidateKind::DailyAverage => "daily_average",
        }
    }

    /// The claim kinds ([`ClaimKind`]) the candidate may be checked as: both
    /// readings where the text leaves it open (a change of a share in
    /// percent: relative or points; an excess in percent likewise).
    #[must_use]
    pub fn readings(self, unit: Unit) -> &'static [ClaimKind] {
        match self {
            CandidateKind::Multiple => &[ClaimKind::Multiple],
            CandidateKind::RelativeChange => &[ClaimKind::RelativeChange],
            CandidateKind::PercentChange => &[ClaimKind::RelativeChange, ClaimKind::PointChange],
            CandidateKind::Difference => &[ClaimKind::Difference],
            CandidateKind::ExcessOverPlan if unit == Unit::Percent => {
                &[ClaimKind::PointChange, ClaimKind::RelativeChange]
            }
            CandidateKind::ExcessOverPlan => &[ClaimKind::Difference],
            CandidateKind::ShareOfTarget => &[ClaimKind::ShareOfTarget],
            CandidateKind::Share => &[ClaimKind::Share],
            CandidateKind::DailyAverage => &[ClaimKind::DailyAverage],
        }
    }
}

/// How a figure is derived, when it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Derived {
    /// The kind.
    pub kind: CandidateKind,
    /// Whether the text states a decrease ("giảm 32,6%"); the figure's value
    /// stays as written, unsigned.
    pub decrease: bool,
    /// What the figure is compared with: the phrase after "so với" ("cùng kỳ
    /// năm 2021", "kế hoạch năm 2022"), when the text gives one.
    pub compared: Option<Span>,
}

/// A derived figure: the figure with its kind and what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct ClaimCandidate {
    /// The stated figure, as [`super::Figures`] finds it.
    pub figure: Found,
    /// How it is derived.
    pub derived: Derived,
}

impl ClaimCandidate {
    /// The claim kinds the candidate may be checked as
    /// ([`CandidateKind::readings`]).
    #[must_use]
    pub fn readings(&self) -> &'static [ClaimKind] {
        self.derived.kind.readings(self.figure.unit)
    }
}

/// The words before a derived figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trigger {
    Multiple,
    Up,
    Down,
    Exceed,
    Equal,
    Rate,
    Daily,
}

impl Trigger {
    /// Whether "lần" after the number makes it a multiple.
    pub(crate) fn allows_times(self) -> bool {
        matches!(
            self,
            Trigger::Multiple | Trigger::Up | Trigger::Down | Trigger::Equal
        )
    }
}

const TRIGGERS: [(&[&str], Trigger); 33] = [
    (&["tăng", "gấp"], Trigger::Multiple),
    (&["gấp"], Trigger::Multiple),
    (&["tăng", "thêm"], Trigger::Up),
    (&["tăng", "trưởng"], Trigger::Up),
    (&["tăng"], Trigger::Up),
    (&["cao", "hơn"], Trigger::Up),
    (&["giảm", "đi"], Trigger::Down),
    (&["giảm", "bớt"], Trigger::Down),
    (&["giảm"], Trigger::Down),
    (&["thấp", "hơn"], Trigger::Down),
    (&["vượt", "mức"], Trigger::Exceed),
    (&["vượt"], Trigger::Exceed),
    (&["tương", "ứng", "với"], Trigger::Equal),
    (&["tương", "ứng"], Trigger::Equal),
    (&["tương", "đương", "với"], Trigger::Equal),
    (&["tương", "đương"], Trigger::Equal),
    (&["bằng"], Trigger::Equal),
    (&["chiếm", "tỷ", "lệ"], Trigger::Rate),
    (&["chiếm", "tỉ", "lệ"], Trigger::Rate),
    (&["tỷ", "lệ"], Trigger::Rate),
    (&["tỉ", "lệ"], Trigger::Rate),
    (&["chiếm"], Trigger::Rate),
    (&["trung", "bình", "mỗi", "ngày"], Trigger::Daily),
    (&["trung", "bình", "hằng", "ngày"], Trigger::Daily),
    (&["trung", "bình", "hàng", "ngày"], Trigger::Daily),
    (&["trung", "bình", "một", "ngày"], Trigger::Daily),
    (&["bình", "quân", "mỗi", "ngày"], Trigger::Daily),
    (&["bình", "quân", "hằng", "ngày"], Trigger::Daily),
    (&["bình", "quân", "hàng", "ngày"], Trigger::Daily),
    (&["bình", "quân", "một", "ngày"], Trigger::Daily),
    (&["mỗi", "ngày"], Trigger::Daily),
    (&["hằng", "ngày"], Trigger::Daily),
    (&["hàng", "ngày"], Trigger::Daily),
];

/// Words allowed between a trigger and the figure ("mỗi ngày có khoảng",
/// "tỷ lệ là", "tăng trưởng đạt").
const FILLERS: [&[&str]; 5] = [&["có"], &["đạt"], &["là"], &["ở", "mức"], &["mức"]];

fn trigger_at(history: &History, text: Src<'_>, skip: usize) -> Option<Trigger> {
    TRIGGERS
        .iter()
        .find(|(p, _)| history.ends_with(text, skip, p))
        .map(|&(_, t)| t)
}

/// The trigger that ends `skip` entries back in the history (past the
/// qualifier's words), possibly before a filler word.
pub(crate) fn trigger(history: &History, text: Src<'_>, skip: usize) -> Option<Trigger> {
    trigger_at(history, text, skip).or_else(|| {
        let f = history.phrase(text, skip, &FILLERS)?;
        trigger_at(history, text, skip.saturating_add(f))
            .filter(|t| matches!(t, Trigger::Up | Trigger::Rate | Trigger::Daily))
    })
}

/// The phrase after "so với" that follows the figure ending at `from`.
pub(crate) fn compared(src: Src<'_>, from: usize) -> Option<Span> {
    let mut c = Cursor::new(src, from);
    let mut found = false;
    for _ in 0..8 {
        if c.words(&["so", "với"]) {
            found = true;
            break;
        }
        match c.next_token() {
            Some(t) if t.kind == Kind::Word => {}
            _ => return None,
        }
    }
    if !found {
        return None;
    }
    let start = c.peek()?.start;
    let limit = start.saturating_add(200);
    let mut end = start;
    for _ in 0..40 {
        let Some(t) = c.next_token() else { break };
        let stop = t.end > limit
            || match t.kind {
                Kind::Break => true,
                Kind::Punct(p) => matches!(p, ',' | ';' | ':' | '(' | ')' | '.' | '!' | '?'),
                Kind::Word => src.any(c.text(t), &["và", "nhưng", "do", "vì", "nhờ", "để", "khi"]),
                _ => false,
            };
        if stop {
            break;
        }
        end = t.end;
    }
    (end > start).then_some(Span { start, end })
}

/// The derived kind of a figure with unit `unit` after `trigger`, given
/// the unit of the figure before it in its clause (`subject`), whether
/// "/ngày" follows, and what it is compared with.
pub(crate) fn derive(
    text: &str,
    trigger: Option<Trigger>,
    unit: Unit,
    subject: Option<Unit>,
    per_day: bool,
    compared: Option<Span>,
) -> Option<Derived> {
    let mut decrease = false;
    let kind = match trigger {
        Some(_) if unit == Unit::Times => CandidateKind::Multiple,
        Some(Trigger::Multiple) => CandidateKind::Multiple,
        Some(t @ (Trigger::Up | Trigger::Down)) => {
            decrease = t == Trigger::Down;
            match unit {
                Unit::Percent if subject.is_some_and(|s| s != Unit::Percent) => {
                    CandidateKind::RelativeChange
                }
                Unit::Percent => CandidateKind::PercentChange,
                _ => CandidateKind::Difference,
            }
        }
        Some(Trigger::Exceed) => CandidateKind::ExcessOverPlan,
        Some(Trigger::Equal) if unit == Unit::Percent => {
            let target = compared.is_some_and(|s| {
                let phrase = text.get(s.start..s.end).unwrap_or("");
                ["mục tiêu", "chỉ tiêu", "kế hoạch"]
                    .iter()
                    .any(|k| crate::text::folded_contains(phrase, k))
            });
            if target {
                CandidateKind::ShareOfTarget
            } else {
                CandidateKind::Share
            }
        }
        Some(Trigger::Rate)
            if unit == Unit::Percent && subject.is_some_and(|s| s != Unit::Percent) =>
        {
            CandidateKind::Share
        }
        Some(Trigger::Daily) => CandidateKind::DailyAverage,
        _ if per_day => CandidateKind::DailyAverage,
        _ => return None,
    };
    Some(Derived {
        kind,
        decrease,
        compared,
    })
}

/// The derived figures of a text, in order: the figures of
/// [`super::Figures`] that are derived, with how.
///
/// # Examples
///
/// ```
/// use dxcast_core::extract::{CandidateKind, Claims};
///
/// let text = "Ước tính đến hết năm 2022, số giao dịch đạt 860 triệu giao dịch, \
///             gấp 4,8 lần so với năm 2021.";
/// let c = Claims::new(text, None).next().unwrap();
/// assert_eq!(c.derived.kind, CandidateKind::Multiple);
/// assert_eq!(c.figure.value, 4.8);
/// assert_eq!(c.derived.compared.map(|s| s.of(text)), Some("năm 2021"));
/// ```
#[derive(Debug, Clone)]
pub struct Claims<'a> {
    figures: super::Figures<'a>,
}

impl<'a> Claims<'a> {
    /// The derived figures of `text`; see [`super::Figures::new`].
    #[must_use]
    pub fn new(text: &'a str, as_of: Option<crate::date::Date>) -> Claims<'a> {
        Claims {
            figures: super::Figures::new(text, as_of),
        }
    }
}

impl Iterator for Claims<'_> {
    type Item = ClaimCandidate;

    fn next(&mut self) -> Option<ClaimCandidate> {
        self.figures.by_ref().find_map(|f| {
            f.derived
                .map(|derived| ClaimCandidate { figure: f, derived })
        })
    }
}
