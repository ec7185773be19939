//! The figure finder: one pass over the text's tokens.
//!
//! The pass keeps what it needs of the past in a fixed state: the last
//! [`LOOK_BEHIND`](super::scan::LOOK_BEHIND) tokens (for qualifiers, units
//! before the number, names and triggers), the date cues of the current
//! clause, sentence and paragraph, and whether it is inside a comparison
//! ("so với …"). It looks ahead a bounded number of tokens for units, cues
//! and the compared phrase, and once per clause for the clause's end. So the
//! work is linear in the length of the text, and no input makes it slower
//! than that.
//!
//! Which cue dates a figure, first that applies:
//!
//! 1. inside a comparison ("so với năm 2021 (362.721 thuê bao)"), the
//!    comparison's own cue;
//! 2. a cue right after it with "trong" ("đạt 9.295 tỷ đồng trong tháng
//!    09/2023");
//! 3. the last cue before it in its clause, outside comparisons ("tính đến
//!    ngày 20/11/2022, đã có 46/63");
//! 4. the cue its sentence opened with, before its first figure, when that
//!    was in the first clause ("Trong 11 tháng đầu năm 2022, …; hơn 4,62
//!    triệu …");
//! 5. the cue an earlier sentence of the paragraph opened with, before its
//!    first figure ("Trong năm 2023, bộ đặt mục tiêu … Tỷ lệ hồ sơ … đạt
//!    60%."), unless that sentence states a goal ("Mục tiêu đến tháng
//!    12/2023 đạt …", "Chỉ tiêu …", "Kế hoạch …");
//! 6. the as-of date, with no cue (levels are stated as of the report's
//!    date).
//!
//! A semicolon ends a clause; followed by a capital letter it ends the
//! sentence ("…/100 dân; Thuê bao điện thoại …").

use super::claim::{self, Derived};
use super::cue::{self, Cue};
use super::scan::{History, Kind, Mark, Token, Tokens};
use super::word::Src;
use super::{qualifier, sentence, unit, value, Span};
use crate::date::Date;
use crate::indicator::Unit;
use crate::observation::Qualifier;
use crate::period::Period;

/// A figure found in the text.
///
/// Offsets are byte offsets into the text, always on character boundaries:
/// `&text[f.span.start..f.span.end]` is the figure ([`Span::of`] never
/// panics). [`super::utf16_offset`] converts them for JavaScript.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Found {
    /// The value in base units ("1,276 tỷ" is 1 276 000 000, "80,44%" is
    /// 80.44); finite. A fraction "61/63" gives its part, 61.
    pub value: f64,
    /// One unit of the last stated digit, in base units ("1,6 triệu":
    /// 100 000; "58.397.139": 1).
    pub precision: f64,
    /// The unit.
    pub unit: Unit,
    /// How exactly the text states it.
    pub qualifier: Qualifier,
    /// The whole of a fraction ("61/63": 63).
    pub denominator: Option<f64>,
    /// The figure: its number with scale and unit words ("12,9 nghìn tỷ
    /// đồng", "4,8 lần", "97,3%"), without the qualifier.
    pub span: Span,
    /// The sentence it belongs to, or its clause where semicolons divide
    /// the sentence.
    pub sentence: Span,
    /// When the figure holds, from the date cues around it (see the module
    /// docs of [`crate::extract`]), or the as-of date when the text gives
    /// none; `None` when the cue needs an as-of date that was not given, or
    /// there is neither.
    pub period: Option<Period>,
    /// Where the text states the period; `None` when `period` is the
    /// as-of date by default.
    pub cue: Option<Span>,
    /// How the figure is derived from others, when it is ("gấp 4,8 lần",
    /// "tăng 17,5% so với năm 2021").
    pub derived: Option<Derived>,
}

/// The figures of a text, in order.
///
/// # Examples
///
/// ```
/// use dxcast_core::extract::Figures;
/// use dxcast_core::{Date, Period, Qualifier, Unit};
///
/// let text = "Theo thống kê, đến nay đã có gần 59.600 tổ công nghệ số cộng đồng \
///             đã được thành lập với số người tham gia lên đến hơn 270.000 người.";
/// let as_of = Date::from_ymd(2022, 9, 30)?;
/// let found: Vec<_> = Figures::new(text, Some(as_of)).collect();
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].value, found[0].qualifier), (59_600.0, Qualifier::Nearly));
/// assert_eq!((found[1].value, found[1].qualifier), (270_000.0, Qualifier::MoreThan));
/// assert_eq!(found[1].span.of(text), "270.000");
/// assert_eq!(found[0].period, Some(Period::day(as_of)));
/// assert_eq!(found[0].cue.map(|c| c.of(text)), Some("đến nay"));
/// assert_eq!(found[0].unit, Unit::Count);
/// # Ok::<(), dxcast_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Figures<'a> {
    text: &'a str,
    src: Src<'a>,
    as_of: Option<Date>,
    toks: Tokens<'a>,
    history: History,
    st: State,
}

/// A comparison ("so với …") being read.
#[derive(Debug, Clone, Copy)]
struct Comparison {
    /// The bracket depth it started at.
    depth: u32,
    /// Whether a short bracket right after it belongs to it.
    attached: bool,
    /// Its own date cue.
    cue: Option<Cue>,
}

#[derive(Debug, Clone, Copy)]
struct State {
    /// Nothing but spaces since the last line break.
    line_start: bool,
    /// The next token starts a clause.
    pending_start: bool,
    /// Where the sentence starts.
    sentence_start: usize,
    /// The next token starts a sentence.
    sentence_pending: bool,
    paren: u32,
    clause_start: usize,
    clause_end: Option<usize>,
    clause_cue: Option<Cue>,
    first_clause: bool,
    /// The unit of the last figure of the clause that is not a change.
    subject: Option<Unit>,
    comparison: Option<Comparison>,
    sentence_cue: Option<Cue>,
    lead: Option<Cue>,
    seen_figure: bool,
    carried: Option<Cue>,
}

impl<'a> Figures<'a> {
    /// The figures of `text`. `as_of` is the report's date, which "đến nay",
    /// "hiện nay", "từ đầu năm" and cues without a year refer to, and which
    /// dates figures whose text gives no date.
    ///
    /// Any text is accepted; the work is linear in its length.
    #[must_use]
    pub fn new(text: &'a str, as_of: Option<Date>) -> Figures<'a> {
        Figures {
            text,
            src: Src::new(text),
            as_of,
            toks: Tokens::new(text, 0),
            history: History::new(),
            st: State {
                line_start: true,
                pending_start: true,
                sentence_start: 0,
                sentence_pending: true,
                paren: 0,
                clause_start: 0,
                clause_end: None,
                clause_cue: None,
                first_clause: true,
                subject: None,
                comparison: None,
                sentence_cue: None,
                lead: None,
                seen_figure: false,
                carried: None,
            },
        }
    }

    fn clause_break(&mut self) {
        let st = &mut self.st;
        if st.first_clause {
            st.sentence_cue = st.lead;
        }
        st.first_clause = false;
        st.clause_cue = None;
        st.clause_end = None;
        st.subject = None;
        st.comparison = None;
        st.paren = 0;
        st.pending_start = true;
    }

    /// Whether the sentence states a goal: it opens with "Mục tiêu",
    /// "Chỉ tiêu" or "Kế hoạch".
    fn states_a_goal(&self) -> bool {
        let mut c = super::scan::Cursor::new(self.src, self.st.sentence_start);
        c.words(&["mục", "tiêu"]) || c.words(&["chỉ", "tiêu"]) || c.words(&["kế", "hoạch"])
    }

    fn sentence_break(&mut self) {
        self.clause_break();
        if self.st.lead.is_some() && !self.states_a_goal() {
            self.st.carried = self.st.lead;
        }
        let st = &mut self.st;
        st.sentence_pending = true;
        st.first_clause = true;
        st.sentence_cue = None;
        st.lead = None;
        st.seen_figure = false;
    }

    fn paragraph_break(&mut self, tok: Token) {
        self.sentence_break();
        self.st.carried = None;
        self.st.line_start = true;
        self.history.push(Mark::Other, tok.start, tok.end);
    }

    fn add_cue(&mut self, cue: Cue) {
        let st = &mut self.st;
        match st.comparison.as_mut() {
            Some(c) => c.cue = Some(cue),
            None => {
                st.clause_cue = Some(cue);
                if !st.seen_figure {
                    st.lead = Some(cue);
                }
            }
        }
    }

    /// The cue that dates a figure here.
    fn cue(&self) -> Option<Cue> {
        let st = &self.st;
        st.comparison
            .and_then(|c| c.cue)
            .or(st.clause_cue)
            .or(st.sentence_cue)
            .or(st.carried)
    }

    fn punct(&mut self, c: char, tok: Token) {
        let text = self.text;
        match c {
            '.' | '!' | '?' | '…' if sentence::closes(text, tok.end) => {
                self.sentence_break();
                self.history.push(Mark::Punct(c), tok.start, tok.end);
                return;
            }
            ';' => {
                let capital = text
                    .get(tok.end..)
                    .and_then(|r| r.trim_start().chars().next())
                    .is_some_and(super::word::is_upper);
                if capital {
                    self.sentence_break();
                } else {
                    self.clause_break();
                }
                self.history.push(Mark::Punct(c), tok.start, tok.end);
                return;
            }
            ',' | ':' | '.' | '!' | '?'
                if self
                    .st
                    .comparison
                    .is_some_and(|cmp| self.st.paren <= cmp.depth) =>
            {
                self.st.comparison = None;
            }
            '(' | '[' => {
                if let Some(cmp) = self.st.comparison.as_mut() {
                    if self.st.paren == cmp.depth && !cmp.attached {
                        if value::short_paren(self.src, tok.end) {
                            cmp.attached = true;
                        } else {
                            self.st.comparison = None;
                        }
                    }
                }
                self.st.paren = self.st.paren.saturating_add(1);
            }
            ')' | ']' => {
                let before = self.st.paren;
                self.st.paren = before.saturating_sub(1);
                if let Some(cmp) = self.st.comparison {
                    // A bracket opened before the comparison, or the short
                    // one that belongs to it, closes.
                    if before <= cmp.depth || (cmp.attached && self.st.paren == cmp.depth) {
                        self.st.comparison = None;
                    }
                }
            }
            _ => {}
        }
        self.history.push(Mark::Punct(c), tok.start, tok.end);
    }

    fn word(&mut self, tok: Token) {
        let src = self.src;
        if let Some(cue) = cue::at_word(src, tok, &self.history) {
            self.add_cue(cue);
            self.toks.seek(cue.span.end);
            self.history.push(Mark::Cue, cue.span.start, cue.span.end);
            return;
        }
        let w = src.get(tok.start, tok.end);
        if src.is(w, "với") && self.history.ends_with(src, 0, &["so"]) {
            self.st.comparison = Some(Comparison {
                depth: self.st.paren,
                attached: false,
                cue: None,
            });
        } else if src.any(w, &["và", "nhưng"])
            && self
                .st
                .comparison
                .is_some_and(|cmp| self.st.paren <= cmp.depth)
        {
            self.st.comparison = None;
        }
        self.history.push(Mark::Word, tok.start, tok.end);
    }

    /// A number token: a cue, a figure, or neither. On neither, the end of
    /// what it takes and how to remember it.
    fn number(&mut self, tok: Token, line_start: bool) -> Result<Found, (usize, Mark)> {
        let (text, src) = (self.text, self.src);
        let sign = value::sign_before(text, tok.start);
        if sign.is_none() && value::inside_identifier(text, tok.start) {
            return Err((tok.end, Mark::Other));
        }
        if let Some(end) = value::code_after(text, tok.end) {
            return Err((end, Mark::Other));
        }
        if line_start {
            if let Some(end) = value::list_marker(text, tok.end) {
                return Err((end, Mark::Other));
            }
        }
        let rank = unit::rank_before(&self.history, src);
        if rank.is_none() && value::names_a_thing(&self.history, src) {
            return Err((tok.end, Mark::Name));
        }
        if value::duration_after(src, tok.end) {
            return Err((tok.end, Mark::Other));
        }
        let lit = text.get(tok.start..tok.end).unwrap_or("");
        let literal = value::literal(lit);
        if literal == value::Literal::Other {
            return Err((tok.end, Mark::Other));
        }
        let (mut qualifier, words) = qualifier::before(&self.history, src);
        let trigger = claim::trigger(&self.history, src, words);
        let times = trigger.is_some_and(claim::Trigger::allows_times);
        let after = unit::after(src, tok.end, times).ok_or((tok.end, Mark::Other))?;
        let read = |s: &str, scale: f64| {
            crate::number::read_digits(s, scale, after.unit == Unit::Percent)
                .filter(|s| s.value.is_finite() && s.precision.is_finite())
        };
        let (stated, denominator) = match literal {
            value::Literal::Number(s) => (read(s, after.scale), None),
            value::Literal::Fraction(a, b) if after.scale == 1.0 => {
                (read(a, 1.0), read(b, 1.0).map(|w| w.value))
            }
            _ => (None, None),
        };
        let stated = stated.ok_or((tok.end, Mark::Other))?;
        let mut unit = after.unit;
        if let Some(top) = rank {
            unit = Unit::Rank;
            if top {
                qualifier = Qualifier::UpTo;
            }
        }
        if qualifier == Qualifier::Exact {
            qualifier = after.qualifier.unwrap_or(Qualifier::Exact);
        }
        let start = sign.unwrap_or(tok.start);
        let value = if sign.is_some() {
            -stated.value
        } else {
            stated.value
        };
        let in_comparison = self.st.comparison.is_some();
        let derived = if trigger.is_some() || after.per_day {
            let compared = claim::compared(src, after.end);
            claim::derive(
                text,
                trigger,
                unit,
                self.st.subject,
                after.per_day,
                compared,
            )
        } else {
            None
        };
        let cue = self
            .st
            .comparison
            .and_then(|c| c.cue)
            .or_else(|| cue::following(src, after.end))
            .or_else(|| self.cue());
        let period = match cue {
            Some(c) => c.when.period(self.as_of),
            None => self.as_of.map(Period::day),
        };
        let clause_end = match self.st.clause_end {
            Some(e) if e >= after.end => e,
            _ => {
                let e = sentence::clause_end(text, after.end);
                self.st.clause_end = Some(e);
                e
            }
        };
        let is_change = derived.is_some_and(|d| {
            matches!(
                d.kind,
                claim::CandidateKind::Multiple
                    | claim::CandidateKind::RelativeChange
                    | claim::CandidateKind::PercentChange
                    | claim::CandidateKind::Difference
                    | claim::CandidateKind::ExcessOverPlan
            )
        });
        if !is_change && !in_comparison {
            self.st.subject = Some(unit);
        }
        self.st.seen_figure = true;
        Ok(Found {
            value,
            precision: stated.precision,
            unit,
            qualifier,
            denominator,
            span: Span {
                start,
                end: after.end,
            },
            sentence: Span {
                start: self.st.clause_start.min(start),
                end: clause_end,
            },
            period,
            cue: cue.map(|c| c.span),
            derived,
        })
    }
}

impl Iterator for Figures<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            let tok = self.toks.next()?;
            match tok.kind {
                Kind::Space => continue,
                Kind::Break => {
                    self.paragraph_break(tok);
                    continue;
                }
                _ => {}
            }
            if self.st.pending_start {
                self.st.clause_start = tok.start;
                self.st.pending_start = false;
            }
            if self.st.sentence_pending {
                self.st.sentence_start = tok.start;
                self.st.sentence_pending = false;
            }
            let line_start = core::mem::replace(&mut self.st.line_start, false);
            match tok.kind {
                Kind::Punct(c) => self.punct(c, tok),
                Kind::Word => self.word(tok),
                Kind::Num => {
                    if let Some(cue) = cue::at_num(self.src, tok) {
                        self.add_cue(cue);
                        self.toks.seek(cue.span.end);
                        self.history.push(Mark::Cue, cue.span.start, cue.span.end);
                        continue;
                    }
                    match self.number(tok, line_start) {
                        Ok(found) => {
                            self.toks.seek(found.span.end);
                            self.history.push(Mark::Figure, tok.start, found.span.end);
                            return Some(found);
                        }
                        Err((end, mark)) => {
                            self.toks.seek(end);
                            self.history.push(mark, tok.start, end);
                        }
                    }
                }
                Kind::Url | Kind::Space | Kind::Break => {
                    self.history.push(Mark::Other, tok.start, tok.end);
                }
            }
        }
    }
}
