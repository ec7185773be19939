//! Finding the figures in a report's text.
//!
//! [`Figures`] reads Vietnamese report text and gives every figure in it:
//! its value in base units and precision ([`crate::number`]'s parser),
//! unit, qualifier, the whole of a fraction, the date or period it holds
//! at, the byte offsets of the figure and of its sentence, and, for derived
//! figures, what kind they are and what they are compared with. [`Claims`]
//! gives only the derived ones, as candidates for the claim checker
//! ([`crate::claim`]). Both are iterators: nothing is allocated, no buffer
//! is needed, and they never panic.
//!
//! ```
//! use dxcast_core::extract::{CandidateKind, Figures};
//! use dxcast_core::{Date, Period, Qualifier, Unit};
//!
//! let text = "Trong Quý I/2024, doanh thu công nghiệp công nghệ thông tin đạt gần 36,3 tỷ USD, \
//!             tăng 17,7% so với cùng kỳ.";
//! let mut found = Figures::new(text, Some(Date::from_ymd(2024, 4, 30)?));
//! let revenue = found.next().unwrap();
//! assert_eq!((revenue.value, revenue.unit), (36.3e9, Unit::Usd));
//! assert_eq!(revenue.qualifier, Qualifier::Nearly);
//! assert_eq!(revenue.span.of(text), "36,3 tỷ USD");
//! assert_eq!(revenue.period, Some(Period::quarter(2024, 1)?));
//! let change = found.next().unwrap();
//! let derived = change.derived.unwrap();
//! assert_eq!((change.value, derived.kind), (17.7, CandidateKind::RelativeChange));
//! assert_eq!(derived.compared.map(|s| s.of(text)), Some("cùng kỳ"));
//! assert!(found.next().is_none());
//! # Ok::<(), dxcast_core::Error>(())
//! ```
//!
//! # Method
//!
//! One pass over the text's tokens (words, numbers, spaces, line breaks, web
//! addresses, punctuation), in files by idea: `scan.rs` (tokens, look-ahead,
//! look-behind), `word.rs` (keywords with or without diacritics), `cue.rs`
//! (dates and periods), `value.rs` (which numbers are figures), `unit.rs`,
//! `qualifier.rs`, `claim.rs` (derived figures), `sentence.rs`, and
//! `figures.rs`, which puts them together.
//!
//! **Which numbers.** A number is a figure unless it is part of a code
//! ("42/2022/NĐ-CP", "422/QĐ-TTg", "06/CT-TTg", "COVID-19", "10:30"), a word
//! or address ("4G", "c63.mic.gov.vn", any `http…`/`www.` address), a date
//! or period (below), list numbering at a line's start ("1.", "2)"), the
//! base of a rate ("thuê bao/100 dân"), a duration ("6 tháng", "3 năm"), or
//! the name of a thing: after "mức độ", "cấp độ", "level", "phiên bản",
//! "Đề án", "Điều", "khoản", "chương", "mục", "phụ lục", "bảng", "hình",
//! "quận", "phường", "phòng", "thứ", "ISO", "TCVN", a document type
//! ("Nghị định 42", "Quyết định số 749"), and the numbers listed after one
//! ("mức độ 3, 4"). A four-digit number from 1900 to 2100 without grouping
//! is a year.
//!
//! **Values** are read by [`crate::number`]'s parser: `.` groups thousands,
//! `,` marks decimals ("58.397.139", "80,44"), and the scale words after
//! the number multiply ("triệu" 10⁶, "tỷ"/"tỉ" 10⁹, "nghìn tỷ" 10¹², "triệu
//! tỷ" 10¹⁵). "61/63" is 61 with the whole 63 beside it; "02" is 2.
//!
//! **Units**, after the number: `%` or "phần trăm" (percent), "đồng",
//! "VNĐ", "đ" (VND), "USD", "đô la" (USD), "Mbps" ("Gbps" × 1000), "lần"
//! after "gấp"/"tăng"/"giảm"/"bằng" (times); before it, "xếp thứ", "đứng
//! thứ", "hạng", "xếp hạng" make a rank, and "Top N" a rank of at most N;
//! anything else is a count.
//!
//! **Qualifiers**, the words right before the number: "khoảng", "xấp xỉ"
//! (about); "hơn", "trên", "lớn hơn", "lên đến hơn" (more than); "gần",
//! "dưới", "chưa đến" (nearly); "tối thiểu", "ít nhất" (at least); "lên
//! đến", "tối đa", "không quá" (up to); none, "đạt", "là" (exact); and after
//! the unit "trở lên" (at least) and "trở xuống" (up to).
//!
//! **Periods.** Cues are "tháng 9 năm 2022", "tháng 4/2024", "quý 1/2023",
//! "Quý I/2024", "năm 2022", "cả năm 2021", a bare year, "ngày 20/11/2022",
//! "(đến) hết/cuối năm 2022" and "tính đến hết quý 3/2022" (their last day),
//! "11 tháng đầu năm 2022" (1 January to 30 November), "từ đầu năm 2022 đến
//! ngày 8/12/2022" (the range), "từ đầu năm" (1 January to the as-of date),
//! "đến nay", "hiện nay", "hiện có" (the as-of date), "giai đoạn 2022-2025",
//! and "tháng 9", "quý 1", "năm nay" in the as-of date's year. A figure
//! takes, first that applies: the cue of the comparison it is in ("so với
//! năm 2021 (362.721 thuê bao)"); a cue right after it with "trong" ("đạt
//! 9.295 tỷ đồng trong tháng 09/2023"); the last cue before it in its
//! clause (outside comparisons); the cue its sentence opened with; the cue
//! an earlier sentence of the paragraph opened with, unless that sentence
//! states a goal ("Mục tiêu …"); the as-of date, with [`Found::cue`] `None`.
//!
//! **Derived figures** ([`CandidateKind`]): "gấp"/"tăng … lần" (multiple);
//! "tăng"/"giảm"/"cao hơn"/"thấp hơn" with `%` (a relative change, or when
//! the figure changed is a percentage, a change whose reading, relative or
//! points, the text leaves open), with another unit (a difference); "vượt"
//! (excess over a plan); "bằng"/"tương ứng với" with `%` (a share of a
//! target when compared with "mục tiêu"/"chỉ tiêu"/"kế hoạch", else a
//! share); "tỷ lệ"/"chiếm" with `%` after a count (a share); "trung bình mỗi
//! ngày", "bình quân mỗi ngày", "/ngày" (a daily average). The phrase after
//! "so với" is what the figure is compared with. "tăng lên 80%" is a new
//! level, not a change.
//!
//! Words match with their diacritics; a text written without any matches
//! them without ("khoang 2,8 trieu").
//!
//! # Accuracy
//!
//! Measured on the five reports in `data/reports/` by `core/tests/extract.rs`
//! (`cargo test -p dxcast-core --test extract -- --nocapture` prints it and
//! lists every miss):
//!
//! - the figures recorded in `data/` (observations, targets and the stated
//!   figures of claims, 192 in all): 192 found with the right value, unit
//!   and qualifier (100 %);
//! - a hand-made annotation of every figure in the texts
//!   (`core/tests/fixtures/extract_gold.csv`, 189 figures): recall 100 %
//!   (189), precision 100 % (189 proposals, all figures), each quote exactly
//!   the figure;
//! - periods: 142 of the 158 periods in `data/` exactly (89.9 %), 157 ending
//!   on the same day (99.4 %): the finder cannot tell a level at a date from
//!   a flow over the period that ends then, which `data/` takes from the
//!   indicator;
//! - the reports' own derived figures in `data/claims.csv`: 27 of 27 are
//!   candidates of a kind the claim can be checked as.
//!
//! The rules were written with these five reports in view, so these are
//! in-sample figures: new reports will show words and shapes they do not
//! know.
//!
//! # Limits
//!
//! - Any `&str` is accepted, of any length, and the work is linear in it:
//!   the finder looks back at most 10 tokens, ahead at most a dozen for
//!   units and cues, eight words and 200 bytes for the compared phrase, and
//!   scans each clause once for its end. `cargo bench -p dxcast-core --bench
//!   extract` times it, on the reports and on inputs made to be slow.
//! - Numbers written the Vietnamese way only: "2.0" and "80.44" are not read
//!   (not Vietnamese groupings), numbers in words ("hai triệu") are not
//!   read, and a number of more than 15 significant digits is not proposed,
//!   so every value is finite.
//! - A year is a four-digit number from 1900 to 2100 without grouping.

mod claim;
mod cue;
mod figures;
mod qualifier;
mod scan;
mod sentence;
mod unit;
mod utf16;
mod value;
mod word;

pub use claim::{CandidateKind, ClaimCandidate, Claims, Derived};
pub use figures::{Figures, Found};
pub use utf16::{utf16_offset, Utf16Offsets};

/// A byte range `start..end` of a text, on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text of the span (empty if it does not fit `text`: a span of
    /// another text).
    #[must_use]
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span in UTF-16 offsets, for JavaScript's `text.slice(start, end)`.
    #[must_use]
    pub fn utf16(self, text: &str) -> (usize, usize) {
        (utf16_offset(text, self.start), utf16_offset(text, self.end))
    }
}
