//! Tokens of report text: words, numbers, spaces, line breaks, web
//! addresses and single punctuation marks, with a look-ahead cursor and a
//! short look-behind history.
//!
//! A number token is a run of ASCII digits with `.`, `,` or `/` between digit
//! runs (`58.397.139`, `1,6`, `61/63`, `20/11/2022`, `42/2022`): what follows
//! it (`/NĐ-CP`, `%`, `Mbps`) is left to the finder. A word is a run of
//! letters and combining marks, so `4G` is the number `4` and the word `G`.
//! Every token is found in one pass; nothing is allocated.

use super::word::{self, Src};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and combining marks.
    Word,
    /// ASCII digits with `.`, `,` or `/` between digit runs.
    Num,
    /// White space without a line break.
    Space,
    /// White space with at least one line break: a paragraph ends.
    Break,
    /// A web address (`http://`, `https://`, `www.`) up to the next space.
    Url,
    /// Any other single character.
    Punct(char),
}

/// A token: its kind and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The tokens of a text from a byte position on.
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

/// Whether `c` belongs to a word: a letter or a combining mark (text typed in
/// decomposed form).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // The Latin letters with diacritics (× and ÷ aside), before the
    // general table.
    let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    (latin && c != '\u{d7}' && c != '\u{f7}') || c.is_alphabetic() || word::is_mark(c)
}

/// The length of the number token at the start of `b` (which starts with a
/// digit).
fn num_len(b: &[u8]) -> usize {
    let mut i = 0usize;
    loop {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i = i.saturating_add(1);
        }
        let sep = b.get(i).is_some_and(|c| matches!(c, b'.' | b',' | b'/'));
        let digit_next = b.get(i.saturating_add(1)).is_some_and(u8::is_ascii_digit);
        if sep && digit_next {
            i = i.saturating_add(1);
        } else {
            return i;
        }
    }
}

/// The length of a web address at the start of `rest`, if one starts there.
fn url_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if !matches!(b.first(), Some(b'h' | b'H' | b'w' | b'W' | b'f' | b'F')) {
        return None;
    }
    let starts = |p: &[u8]| b.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"ftp://")) {
        return None;
    }
    Some(
        rest.char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i),
    )
}

impl<'a> Tokens<'a> {
    /// The tokens of `text` from byte `pos` (moved back to a character
    /// boundary).
    pub(crate) fn new(text: &'a str, pos: usize) -> Tokens<'a> {
        let mut pos = pos.min(text.len());
        while !text.is_char_boundary(pos) {
            pos = pos.saturating_sub(1);
        }
        Tokens { text, pos }
    }

    /// The byte position of the next token.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Moves on to byte `pos` if it lies ahead (and on a character boundary).
    pub(crate) fn seek(&mut self, pos: usize) {
        if pos > self.pos && pos <= self.text.len() && self.text.is_char_boundary(pos) {
            self.pos = pos;
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let start = self.pos;
        let rest = self.text.get(start..)?;
        let c = rest.chars().next()?;
        let (kind, len) = if c.is_ascii_digit() {
            (Kind::Num, num_len(rest.as_bytes()))
        } else if is_word_char(c) {
            let after_alnum = self
                .text
                .get(..start)
                .and_then(|s| s.chars().next_back())
                .is_some_and(char::is_alphanumeric);
            match url_len(rest).filter(|_| !after_alnum) {
                Some(n) => (Kind::Url, n),
                None => (
                    Kind::Word,
                    rest.char_indices()
                        .find(|&(_, c)| !is_word_char(c))
                        .map_or(rest.len(), |(i, _)| i),
                ),
            }
        } else if c.is_whitespace() {
            let len = rest
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace())
                .map_or(rest.len(), |(i, _)| i);
            let ws = rest.get(..len).unwrap_or("");
            let brk = ws.bytes().any(|b| b == b'\n' || b == b'\r')
                || ws.contains(['\u{2028}', '\u{2029}', '\u{85}']);
            (if brk { Kind::Break } else { Kind::Space }, len)
        } else {
            (Kind::Punct(c), c.len_utf8())
        };
        let end = start.saturating_add(len.max(1)).min(self.text.len());
        self.pos = end;
        Some(Token { kind, start, end })
    }
}

/// A look-ahead over the tokens after some position: each step reads the
/// next token after at most one space (a line break is a token of its own,
/// so patterns never cross paragraphs), and commits only when it matches.
///
/// The next token is read once and remembered until the cursor moves, so
/// trying many keywords at one place costs one tokenization.
#[derive(Debug, Clone)]
pub(crate) struct Cursor<'a> {
    src: Src<'a>,
    toks: Tokens<'a>,
    /// The next token, and the position after it.
    first: Option<(Token, usize)>,
    /// The next token after at most one space, and the position after it.
    ahead: Option<(Token, usize)>,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `pos` of the text.
    pub(crate) fn new(src: Src<'a>, pos: usize) -> Cursor<'a> {
        Cursor {
            src,
            toks: Tokens::new(src.text, pos),
            first: None,
            ahead: None,
        }
    }

    /// The byte position after what was read.
    pub(crate) fn pos(&self) -> usize {
        self.toks.pos()
    }

    /// The text of a token.
    pub(crate) fn text(&self, t: Token) -> &'a str {
        self.src.get(t.start, t.end)
    }

    /// The text being read.
    pub(crate) fn src(&self) -> Src<'a> {
        self.src
    }

    /// The next token, remembered.
    fn peek_tight(&mut self) -> Option<(Token, usize)> {
        if self.first.is_none() {
            let mut t = self.toks.clone();
            let tok = t.next()?;
            self.first = Some((tok, t.pos()));
        }
        self.first
    }

    /// The next token after at most one space, remembered.
    fn peek_spaced(&mut self) -> Option<(Token, usize)> {
        if self.ahead.is_none() {
            let (t, after) = self.peek_tight()?;
            self.ahead = Some(if t.kind == Kind::Space {
                let mut rest = Tokens::new(self.src.text, after);
                let tok = rest.next()?;
                (tok, rest.pos())
            } else {
                (t, after)
            });
        }
        self.ahead
    }

    fn advance(&mut self, to: usize) {
        self.toks.seek(to);
        self.first = None;
        self.ahead = None;
    }

    /// Reads the next token (after at most one space, or right here when
    /// `tight`) if `accept` takes it.
    fn take(&mut self, tight: bool, accept: impl Fn(Token, &str) -> bool) -> Option<Token> {
        let (t, after) = if tight {
            self.peek_tight()
        } else {
            self.peek_spaced()
        }?;
        if accept(t, self.text(t)) {
            self.advance(after);
            Some(t)
        } else {
            None
        }
    }

    /// Reads the word `key` (see [`Src::is`]).
    pub(crate) fn word(&mut self, key: &str) -> bool {
        let src = self.src;
        self.take(false, |t, s| t.kind == Kind::Word && src.is(s, key))
            .is_some()
    }

    /// A copy to try a pattern on, sharing what this cursor has learnt of
    /// the next token.
    pub(crate) fn fork(&mut self) -> Cursor<'a> {
        self.peek_spaced();
        self.clone()
    }

    /// Reads the words of `keys` in order, or nothing.
    pub(crate) fn words(&mut self, keys: &[&str]) -> bool {
        let mut c = self.fork();
        if keys.iter().all(|k| c.word(k)) {
            *self = c;
            true
        } else {
            false
        }
    }

    /// Reads any word.
    pub(crate) fn any_word(&mut self) -> Option<&'a str> {
        let t = self.take(false, |t, _| t.kind == Kind::Word)?;
        Some(self.text(t))
    }

    /// Reads a number token (after at most one space, or right here when
    /// `tight`) and gives its text.
    pub(crate) fn num(&mut self, tight: bool) -> Option<&'a str> {
        let t = self.take(tight, |t, _| t.kind == Kind::Num)?;
        Some(self.text(t))
    }

    /// Reads the punctuation mark `ch` (after at most one space, or right
    /// here when `tight`).
    pub(crate) fn punct(&mut self, ch: char, tight: bool) -> bool {
        self.take(tight, |t, _| t.kind == Kind::Punct(ch)).is_some()
    }

    /// Reads a word right here (no space before it).
    pub(crate) fn tight_word(&mut self) -> Option<&'a str> {
        let t = self.take(true, |t, _| t.kind == Kind::Word)?;
        Some(self.text(t))
    }

    /// The next token after at most one space, without reading it.
    pub(crate) fn peek(&mut self) -> Option<Token> {
        self.peek_spaced().map(|(t, _)| t)
    }

    /// Reads the next token after at most one space, whatever it is.
    pub(crate) fn next_token(&mut self) -> Option<Token> {
        let (t, after) = self.peek_spaced()?;
        self.advance(after);
        Some(t)
    }
}

/// What the finder remembers of a token it has passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// A word.
    Word,
    /// A number read as a figure.
    Figure,
    /// A number that names something ("mức độ 4") or is not a figure.
    Name,
    /// A punctuation mark.
    Punct(char),
    /// A date or period.
    Cue,
    /// Anything else: a web address, a line break.
    Other,
}

/// A passed token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) mark: Mark,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// How many passed tokens the finder looks back over: enough for the longest
/// pattern, "trung bình mỗi ngày có lên đến hơn".
pub(crate) const LOOK_BEHIND: usize = 10;

/// The last [`LOOK_BEHIND`] tokens passed (spaces left out).
#[derive(Debug, Clone)]
pub(crate) struct History {
    ring: [Entry; LOOK_BEHIND],
    head: usize,
    len: usize,
}

impl History {
    pub(crate) const fn new() -> History {
        History {
            ring: [Entry {
                mark: Mark::Other,
                start: 0,
                end: 0,
            }; LOOK_BEHIND],
            head: 0,
            len: 0,
        }
    }

    pub(crate) fn push(&mut self, mark: Mark, start: usize, end: usize) {
        if let Some(slot) = self.ring.get_mut(self.head) {
            *slot = Entry { mark, start, end };
        }
        self.head = self.head.saturating_add(1) % LOOK_BEHIND;
        self.len = self.len.saturating_add(1).min(LOOK_BEHIND);
    }

    /// The `i`-th last entry (0 is the last one).
    pub(crate) fn back(&self, i: usize) -> Option<Entry> {
        if i >= self.len {
            return None;
        }
        let idx = (self
            .head
            .saturating_add(LOOK_BEHIND)
            .saturating_sub(i.saturating_add(1)))
            % LOOK_BEHIND;
        self.ring.get(idx).copied()
    }

    /// Whether the entries from the `skip`-th last backwards are the words
    /// of `keys` (given in reading order), with nothing but spaces between.
    pub(crate) fn ends_with(&self, src: Src<'_>, skip: usize, keys: &[&str]) -> bool {
        keys.iter().rev().enumerate().all(|(i, key)| {
            self.back(skip.saturating_add(i))
                .is_some_and(|e| e.mark == Mark::Word && src.is(src.get(e.start, e.end), key))
        })
    }

    /// Whether the last entry is a word that is one of `keys`.
    pub(crate) fn last_word_is(&self, src: Src<'_>, keys: &[&str]) -> bool {
        self.back(0)
            .is_some_and(|e| e.mark == Mark::Word && src.any(src.get(e.start, e.end), keys))
    }

    /// The number of words of the first of `phrases` that ends at the
    /// `skip`-th last entry.
    pub(crate) fn phrase(&self, src: Src<'_>, skip: usize, phrases: &[&[&str]]) -> Option<usize> {
        phrases
            .iter()
            .find(|p| self.ends_with(src, skip, p))
            .map(|p| p.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        Tokens::new(text, 0)
            .map(|t| (t.kind, &text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn numbers_words_and_codes() {
        assert_eq!(
            kinds("có 58.397.139 giao dịch"),
            [
                (Kind::Word, "có"),
                (Kind::Space, " "),
                (Kind::Num, "58.397.139"),
                (Kind::Space, " "),
                (Kind::Word, "giao"),
                (Kind::Space, " "),
                (Kind::Word, "dịch"),
            ]
        );
        assert_eq!(
            kinds("42/2022/NĐ-CP"),
            [
                (Kind::Num, "42/2022"),
                (Kind::Punct('/'), "/"),
                (Kind::Word, "NĐ"),
                (Kind::Punct('-'), "-"),
                (Kind::Word, "CP"),
            ]
        );
        assert_eq!(
            kinds("3, 4G.\nx"),
            [
                (Kind::Num, "3"),
                (Kind::Punct(','), ","),
                (Kind::Space, " "),
                (Kind::Num, "4"),
                (Kind::Word, "G"),
                (Kind::Punct('.'), "."),
                (Kind::Break, "\n"),
                (Kind::Word, "x"),
            ]
        );
        assert_eq!(
            kinds("tại https://c63.mic.gov.vn và"),
            [
                (Kind::Word, "tại"),
                (Kind::Space, " "),
                (Kind::Url, "https://c63.mic.gov.vn"),
                (Kind::Space, " "),
                (Kind::Word, "và"),
            ]
        );
    }

    #[test]
    fn history_matches_words_backwards() {
        let text = Src::new("lên đến hơn");
        let mut h = History::new();
        for t in Tokens::new(text.text, 0).filter(|t| t.kind == Kind::Word) {
            h.push(Mark::Word, t.start, t.end);
        }
        assert!(h.ends_with(text, 0, &["lên", "đến", "hơn"]));
        assert!(h.ends_with(text, 1, &["lên", "đến"]));
        assert!(!h.ends_with(text, 0, &["đến"]));
        assert_eq!(h.phrase(text, 0, &[&["khoảng"], &["đến", "hơn"]]), Some(2));
    }
}
