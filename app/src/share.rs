//! A view of an indicator as a link: the method, the what-if scenario, the
//! horizon and the compared scenarios, in the query of the location's
//! fragment, so that the link reproduces the view offline on any machine:
//!
//! ```text
//! #/i/ndxp_tx?m=linear&g=20@2024-04-30@y&k=-10@2025-01-01&t=1500000000@2027-12-31@ge
//!            &h=2027-12-31&n=Nhanh&c=Ch%E1%BA%ADm%7Cg:5@2024-04-30@y&r=averages&l=80
//! ```
//!
//! | key | value |
//! |---|---|
//! | `m` | the method and its settings as the core writes a [`ModelSpec`] (`linear`, `log_linear`, `holt;alpha=0.5;beta=0.1`, …); absent: the recommendation. Links that give only the method's code read as before |
//! | `g` | growth override: `rate@from@per`, `per` being `y` (a year) or `m` (a month); percent, or points for shares. Links written before the period was given (`rate@from`) meant a month, and still do |
//! | `k` | level shock: `size@at` |
//! | `t` | changed target: `value@deadline@comparison` (`ge`, `gt`, `le`, `lt`) |
//! | `h` | the horizon (the path's last date) |
//! | `n` | the scenario's name |
//! | `c` | a compared scenario (repeated): `name` then `|g:…`, `|k:…`, `|t:…` |
//! | `r` | the rule for measures that overlap: `totals` (the default, absent), `averages`, `all` |
//! | `l` | the level of bands and intervals: `95` (the default, absent) or `80` |
//!
//! Values are percent-encoded; numbers are written as Rust writes an `f64`
//! (the shortest text that reads back to the same number), so a link
//! reproduces the exact figures. [`parse`] never fails: a parameter it
//! cannot read is reported as a [`LinkProblem`] and its default is used.
//!
//! # Limits
//!
//! A link is anyone's text, so [`parse`] reads it in one pass, in time
//! linear in its length, and within stated limits:
//!
//! | what | limit |
//! |---|---|
//! | the query | at most [`MAX_QUERY`] characters; a longer link is refused whole |
//! | compared scenarios | at most [`MAX_COMPARED`] |
//! | growth rate | [`RATE_RANGE`]: percent (points for shares), a year or a month as the link says |
//! | shock | [`SHOCK_RANGE`]: percent of the level (points for shares) |
//! | target value | at most [`VALUE_LIMIT`] in size |
//! | dates | years [`YEARS`] |
//!
//! A value outside its range is reported with the range and left out. What
//! only the indicator can tell — a target outside its bounds, a deadline
//! before its first figure — [`check`] flags.

use std::ops::RangeInclusive;

use dxcast_core::quantity::Rule;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{Bounds, Comparison, Date, Error, ModelSpec, Target};

use crate::analysis::Level;
use crate::projection::{MethodChoice, NamedScenario};

/// The longest query a link may have, in characters after the `?`: room
/// for every parameter and [`MAX_COMPARED`] compared scenarios with long
/// Vietnamese names, percent-encoded.
pub const MAX_QUERY: usize = 32_768;
/// The most compared scenarios a link may carry.
pub const MAX_COMPARED: usize = 8;
/// A growth rate's range, a month: percent of the level, or percentage
/// points for shares. At the top, a value doubles every month, which over
/// the longest horizon still gives finite numbers.
pub const RATE_RANGE: RangeInclusive<f64> = -100.0..=100.0;
/// A shock's range: percent of the level, or percentage points for shares.
pub const SHOCK_RANGE: RangeInclusive<f64> = -100.0..=1000.0;
/// The largest size of a target value: a hundred thousand times the
/// largest figure in the data.
pub const VALUE_LIMIT: f64 = 1e18;
/// The years a date in a link may fall in.
pub const YEARS: RangeInclusive<i32> = 2000..=2100;

/// What a link says about an indicator's view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedView {
    /// The method.
    pub method: MethodChoice,
    /// The what-if scenario.
    pub scenario: Scenario,
    /// The scenario's name (empty: unnamed).
    pub name: String,
    /// The horizon; `None` for the default.
    pub horizon: Option<Date>,
    /// The compared scenarios.
    pub compared: Vec<NamedScenario>,
    /// The rule for measures that overlap.
    pub rule: Rule,
    /// The level of bands and intervals.
    pub level: Level,
}

/// A parameter of a link that could not be read, or that the indicator
/// flags.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkProblem {
    /// The parameter's position in the link, from 1 (0 for the whole link).
    pub index: usize,
    /// The parameter's key.
    pub key: String,
    /// Its value as written (decoded).
    pub value: String,
    /// What was expected, or `None` for an unknown key.
    pub expected: Option<LinkExpected>,
}

/// What a parameter's value should look like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LinkExpected {
    /// A method and its settings, which the core refused for this reason
    /// ([`ModelSpec::parse`], [`ModelSpec::model`]).
    Method(Error),
    /// `rate@YYYY-MM-DD@y` (or `@m`).
    Growth,
    /// `size@YYYY-MM-DD`.
    Shock,
    /// `value@YYYY-MM-DD@ge`.
    Target,
    /// `YYYY-MM-DD`.
    Date,
    /// `name|g:…|k:…|t:…`.
    Compared,
    /// A link of at most [`MAX_QUERY`] characters: this one has `length`.
    Shorter {
        /// The query's length in characters.
        length: usize,
    },
    /// At most [`MAX_COMPARED`] compared scenarios.
    FewerCompared,
    /// A growth rate in [`RATE_RANGE`].
    RateInRange,
    /// A shock in [`SHOCK_RANGE`].
    ShockInRange,
    /// A target value no larger than [`VALUE_LIMIT`].
    ValueInRange,
    /// Dates in [`YEARS`].
    DateInRange,
    /// A target within the indicator's bounds: one outside them is
    /// analysed as unreachable ([`check`]).
    TargetInBounds(Bounds),
    /// A deadline on or after the indicator's first figure (on this date):
    /// an earlier one is analysed as stale ([`check`]).
    DeadlineAfter(Date),
    /// `totals`, `averages` or `all`.
    Rule,
    /// `80` or `95`.
    Level,
}

/// Characters a value keeps as they are; everything else is percent-encoded.
fn unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'@' | b':')
}

/// `s` percent-encoded (UTF-8), keeping letters, digits and `-_.~@:`.
#[must_use]
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if unreserved(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `%XX` escapes (and `+` as a space) decoded; invalid UTF-8 is replaced.
#[must_use]
pub fn decode(s: &str) -> String {
    percent_decode(&s.replace('+', " "))
}

/// `%XX` escapes decoded (browsers may escape a typed fragment); invalid
/// UTF-8 is replaced.
#[must_use]
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A scenario name as it is kept: trimmed, without `|` (the separator of
/// compared scenarios in a link) or control characters, at most 60 characters.
#[must_use]
pub fn clean_name(name: &str) -> String {
    name.trim()
        .chars()
        .map(|c| if c == '|' { '/' } else { c })
        .filter(|c| !c.is_control())
        .take(60)
        .collect::<String>()
        .trim()
        .to_string()
}

/// The short code of a comparison in a link.
#[must_use]
pub const fn comparison_code(c: Comparison) -> &'static str {
    match c {
        Comparison::AtLeast => "ge",
        Comparison::GreaterThan => "gt",
        Comparison::AtMost => "le",
        Comparison::LessThan => "lt",
        _ => "ge",
    }
}

fn comparison_from(code: &str) -> Option<Comparison> {
    Comparison::ALL
        .into_iter()
        .find(|c| comparison_code(*c) == code)
}

/// Why a value does not read: its form, or a number or date out of range.
type Read<T> = Result<T, LinkExpected>;

fn number(s: &str, form: LinkExpected) -> Read<f64> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or(form)
}

fn within(v: f64, range: &RangeInclusive<f64>, expected: LinkExpected) -> Read<f64> {
    if range.contains(&v) {
        Ok(v)
    } else {
        Err(expected)
    }
}

fn date(s: &str, form: LinkExpected) -> Read<Date> {
    let d = Date::parse_iso(s.trim()).map_err(|_| form)?;
    if YEARS.contains(&d.year()) {
        Ok(d)
    } else {
        Err(LinkExpected::DateInRange)
    }
}

/// `a@YYYY-MM-DD`.
fn number_at(s: &str, form: LinkExpected) -> Read<(f64, Date)> {
    let (a, d) = s.split_once('@').ok_or(form)?;
    Ok((number(a, form)?, date(d, form)?))
}

fn growth_text(g: GrowthOverride) -> String {
    let per = match g.per {
        Per::Month => "m",
        _ => "y",
    };
    format!("{}@{}@{per}", g.rate, g.from)
}

fn shock_text(k: Shock) -> String {
    format!("{}@{}", k.size, k.at)
}

fn target_text(t: Target) -> String {
    format!(
        "{}@{}@{}",
        t.value,
        t.deadline,
        comparison_code(t.comparison)
    )
}

/// `rate@from@per`; a link without the period was written when growth was
/// typed per month, and keeps that meaning.
fn growth_from(s: &str) -> Read<GrowthOverride> {
    let form = LinkExpected::Growth;
    let (head, per) = match s.rsplit_once('@') {
        Some((head, "y")) => (head, Per::Year),
        Some((head, "m")) => (head, Per::Month),
        _ => (s, Per::Month),
    };
    let (rate, from) = number_at(head, form)?;
    Ok(GrowthOverride {
        from,
        rate: within(rate, &RATE_RANGE, LinkExpected::RateInRange)?,
        per,
    })
}

fn shock_from(s: &str) -> Read<Shock> {
    let (size, at) = number_at(s, LinkExpected::Shock)?;
    Ok(Shock {
        at,
        size: within(size, &SHOCK_RANGE, LinkExpected::ShockInRange)?,
    })
}

fn target_from(s: &str) -> Read<Target> {
    let form = LinkExpected::Target;
    let mut parts = s.split('@');
    let value = number(parts.next().ok_or(form)?, form)?;
    let deadline = date(parts.next().ok_or(form)?, form)?;
    let comparison = match parts.next() {
        Some(c) => comparison_from(c.trim()).ok_or(form)?,
        None => Comparison::AtLeast,
    };
    if parts.next().is_some() {
        return Err(form);
    }
    let value = within(
        value,
        &(-VALUE_LIMIT..=VALUE_LIMIT),
        LinkExpected::ValueInRange,
    )?;
    Target::new(value, deadline, comparison).map_err(|_| form)
}

/// A compared scenario as one value: `name|g:…|k:…|t:…`.
fn compared_text(n: &NamedScenario) -> String {
    let mut out = clean_name(&n.name);
    if let Some(g) = n.scenario.growth {
        out.push_str("|g:");
        out.push_str(&growth_text(g));
    }
    if let Some(k) = n.scenario.shock {
        out.push_str("|k:");
        out.push_str(&shock_text(k));
    }
    if let Some(t) = n.scenario.target {
        out.push_str("|t:");
        out.push_str(&target_text(t));
    }
    out
}

fn compared_from(s: &str) -> Read<NamedScenario> {
    let form = LinkExpected::Compared;
    let mut parts = s.split('|');
    let name = clean_name(parts.next().unwrap_or_default());
    if name.is_empty() {
        return Err(form);
    }
    let mut scenario = Scenario::default();
    for part in parts {
        let (key, value) = part.split_once(':').ok_or(form)?;
        // A part's own form is the compared scenario's; its ranges are its own.
        let own = |e: LinkExpected| match e {
            LinkExpected::Growth | LinkExpected::Shock | LinkExpected::Target => form,
            other => other,
        };
        match key {
            "g" => scenario.growth = Some(growth_from(value).map_err(own)?),
            "k" => scenario.shock = Some(shock_from(value).map_err(own)?),
            "t" => scenario.target = Some(target_from(value).map_err(own)?),
            _ => return Err(form),
        }
    }
    Ok(NamedScenario { name, scenario })
}

/// The query of a view (without `?`; empty for the default view).
#[must_use]
pub fn query(view: &SharedView) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if let MethodChoice::Use(spec) = view.method {
        params.push(("m", spec.to_string()));
    }
    if let Some(g) = view.scenario.growth {
        params.push(("g", growth_text(g)));
    }
    if let Some(k) = view.scenario.shock {
        params.push(("k", shock_text(k)));
    }
    if let Some(t) = view.scenario.target {
        params.push(("t", target_text(t)));
    }
    if let Some(h) = view.horizon {
        params.push(("h", h.to_string()));
    }
    let name = clean_name(&view.name);
    if !name.is_empty() {
        params.push(("n", name));
    }
    for c in &view.compared {
        params.push(("c", compared_text(c)));
    }
    if view.rule != Rule::default() {
        params.push(("r", view.rule.code().to_string()));
    }
    if view.level != Level::default() {
        params.push(("l", view.level.code().to_string()));
    }
    params
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The fragment of an indicator's page with `view`: `#/i/<id>?…`.
#[must_use]
pub fn href(id: &str, view: &SharedView) -> String {
    let q = query(view);
    if q.is_empty() {
        format!("#/i/{id}")
    } else {
        format!("#/i/{id}?{q}")
    }
}

/// Reads a query (with or without its `?`). Every parameter that cannot be
/// read is reported and left at its default; a later repeat of a key
/// (other than `c`) replaces an earlier one. A query longer than
/// [`MAX_QUERY`] characters is refused whole: the default view, and one
/// problem (index 0) that gives its length.
#[must_use]
pub fn parse(query: &str) -> (SharedView, Vec<LinkProblem>) {
    let mut view = SharedView::default();
    let mut problems = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    // Characters, counted only as far as the limit.
    if query.chars().nth(MAX_QUERY).is_some() {
        problems.push(LinkProblem {
            index: 0,
            key: String::new(),
            value: String::new(),
            expected: Some(LinkExpected::Shorter {
                length: query.chars().count(),
            }),
        });
        return (view, problems);
    }
    for (i, pair) in query.split('&').enumerate() {
        if pair.is_empty() {
            continue;
        }
        let index = i + 1;
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(raw_key);
        let value = decode(raw_value);
        let mut bad = |expected: LinkExpected| {
            problems.push(LinkProblem {
                index,
                key: key.clone(),
                value: value.clone(),
                expected: Some(expected),
            });
        };
        match key.as_str() {
            "m" => match ModelSpec::parse(&value).and_then(|spec| spec.model().map(|_| spec)) {
                Ok(spec) => view.method = MethodChoice::Use(spec),
                Err(e) => bad(LinkExpected::Method(e)),
            },
            "g" => match growth_from(&value) {
                Ok(g) => view.scenario.growth = Some(g),
                Err(e) => bad(e),
            },
            "k" => match shock_from(&value) {
                Ok(k) => view.scenario.shock = Some(k),
                Err(e) => bad(e),
            },
            "t" => match target_from(&value) {
                Ok(t) => view.scenario.target = Some(t),
                Err(e) => bad(e),
            },
            "h" => match date(&value, LinkExpected::Date) {
                Ok(h) => view.horizon = Some(h),
                Err(e) => bad(e),
            },
            "n" => view.name = clean_name(&value),
            "r" => match Rule::from_code(value.trim()) {
                Some(r) => view.rule = r,
                None => bad(LinkExpected::Rule),
            },
            "l" => match Level::from_code(&value) {
                Some(l) => view.level = l,
                None => bad(LinkExpected::Level),
            },
            "c" => match compared_from(&value) {
                Ok(n) if view.compared.iter().any(|c| c.name == n.name) => {}
                Ok(_) if view.compared.len() >= MAX_COMPARED => bad(LinkExpected::FewerCompared),
                Ok(n) => view.compared.push(n),
                Err(e) => bad(e),
            },
            _ => problems.push(LinkProblem {
                index,
                key: key.clone(),
                value: value.clone(),
                expected: None,
            }),
        }
    }
    (view, problems)
}

/// What only the indicator can tell about a view's targets (its own, then
/// each compared scenario's): a value outside the indicator's `bounds`,
/// which the core analyses as unreachable, and a deadline before its
/// `first` figure, which it analyses as stale. The view is kept: these are
/// flags, so that nobody reads such a verdict without its reason.
#[must_use]
pub fn check(view: &SharedView, bounds: Bounds, first: Option<Date>) -> Vec<LinkProblem> {
    let mut flags = Vec::new();
    let targets = std::iter::once((
        "t",
        view.scenario.target.map(target_text),
        view.scenario.target,
    ))
    .chain(
        view.compared
            .iter()
            .map(|c| ("c", Some(compared_text(c)), c.scenario.target)),
    );
    for (key, value, target) in targets {
        let (Some(value), Some(t)) = (value, target) else {
            continue;
        };
        let mut flag = |expected| {
            flags.push(LinkProblem {
                index: 0,
                key: key.to_string(),
                value: value.clone(),
                expected: Some(expected),
            });
        };
        if !bounds.contains(t.value) {
            flag(LinkExpected::TargetInBounds(bounds));
        }
        if let Some(first) = first.filter(|f| t.deadline < *f) {
            flag(LinkExpected::DeadlineAfter(first));
        }
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use dxcast_core::{ErrorKind, Field, Method};

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn full() -> SharedView {
        SharedView {
            method: MethodChoice::method(Method::LogLinear),
            scenario: Scenario {
                growth: Some(GrowthOverride::yearly(d(2023, 4, 1), 2.7)),
                shock: Some(Shock {
                    at: d(2025, 1, 1),
                    size: -12.5,
                }),
                target: Some(Target::new(1.5e9, d(2027, 12, 31), Comparison::GreaterThan).unwrap()),
            },
            name: "Tăng tốc & mở rộng?".into(),
            horizon: Some(d(2028, 6, 30)),
            compared: vec![
                NamedScenario {
                    name: "Chậm | 1 %".into(),
                    scenario: Scenario {
                        growth: Some(GrowthOverride {
                            from: d(2023, 4, 1),
                            rate: 0.1 + 0.2,
                            per: dxcast_core::scenario::Per::Month,
                        }),
                        ..Scenario::default()
                    },
                },
                NamedScenario {
                    name: "Only a target".into(),
                    scenario: Scenario {
                        target: Some(Target::new(99.5, d(2030, 1, 1), Comparison::AtMost).unwrap()),
                        ..Scenario::default()
                    },
                },
            ],
            rule: Rule::Averages,
            level: Level::Eighty,
        }
    }

    #[test]
    fn views_round_trip_exactly() {
        let view = full();
        let link = href("ndxp_tx", &view);
        assert!(link.starts_with("#/i/ndxp_tx?m=log_linear&g=2.7@2023-04-01@y&k=-12.5@2025-01-01"));
        assert!(link.contains("%7Cg:0.30000000000000004@2023-04-01@m"));
        assert!(link.ends_with("&r=averages&l=80"));
        // Nothing that a fragment would mangle: no spaces, '#', '&' or '|' in values.
        let q = link.split_once('?').unwrap().1;
        assert!(!q.contains([' ', '#', '|', '?']));
        let (back, problems) = parse(q);
        assert!(problems.is_empty(), "{problems:?}");
        // The '|' in a name is kept as '/', the rest exactly (0.1 + 0.2 included).
        let mut expected = view.clone();
        expected.compared[0].name = "Chậm / 1 %".into();
        assert_eq!(back, expected);
        assert_eq!(back.compared[0].scenario.growth.unwrap().rate, 0.1 + 0.2);
        // And again: a parsed view writes the same link.
        assert_eq!(href("ndxp_tx", &back), href("ndxp_tx", &expected));
        // The default view is the bare page.
        assert_eq!(href("cdt_teams", &SharedView::default()), "#/i/cdt_teams");
        assert_eq!(parse(""), (SharedView::default(), Vec::new()));
        assert_eq!(parse("?"), (SharedView::default(), Vec::new()));
    }

    #[test]
    fn links_written_before_growth_had_a_period_meant_a_month() {
        // A link of the earlier format, as the app wrote it then.
        let (v, p) = parse("g=3@2023-04-01&c=Ch%E1%BA%ADm%7Cg:1@2023-04-01");
        assert!(p.is_empty(), "{p:?}");
        let g = v.scenario.growth.unwrap();
        assert_eq!((g.rate, g.per), (3.0, Per::Month));
        assert_eq!(v.compared[0].scenario.growth.unwrap().per, Per::Month);
        // Written again, it says so.
        assert_eq!(
            query(&v),
            "g=3@2023-04-01@m&c=Ch%E1%BA%ADm%7Cg:1@2023-04-01@m"
        );
        // A period other than y or m is not read as a date.
        assert_eq!(
            parse("g=3@2023-04-01@w").1[0].expected,
            Some(LinkExpected::Growth)
        );
        // Rule and level: unknown values are reported.
        let (v, p) = parse("r=all&l=99");
        assert_eq!((v.rule, v.level), (Rule::All, Level::NinetyFive));
        assert_eq!(p[0].expected, Some(LinkExpected::Level));
    }

    #[test]
    fn browsers_may_escape_more_or_less() {
        // A browser that escapes '@' and ':' in a typed link, or not '%C3…'.
        let (v, p) = parse("g=3%402023-04-01&c=A%7Cg%3A1%402023-01-01&n=Nhanh+h%C6%A1n");
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(v.scenario.growth.unwrap().rate, 3.0);
        assert_eq!(v.compared[0].name, "A");
        assert_eq!(v.name, "Nhanh hơn");
        // A target without its comparison is "at least".
        let (v, _) = parse("t=80@2025-12-31");
        assert_eq!(v.scenario.target.unwrap().comparison, Comparison::AtLeast);
    }

    #[test]
    fn bad_parameters_are_reported_and_left_at_their_defaults() {
        let (v, p) = parse(
            "m=arima&g=fast@2023-01-01&k=-10@2023-02-30&t=1e9&h=soon&c=%7Cg:1@2023-01-01&x=1&g=2@2023-05-01",
        );
        // The valid repeat of g is used; everything else is the default.
        assert_eq!(
            v,
            SharedView {
                scenario: Scenario {
                    growth: Some(GrowthOverride {
                        from: d(2023, 5, 1),
                        rate: 2.0,
                        per: dxcast_core::scenario::Per::Month,
                    }),
                    ..Scenario::default()
                },
                ..SharedView::default()
            }
        );
        let keys: Vec<(&str, Option<LinkExpected>)> =
            p.iter().map(|p| (p.key.as_str(), p.expected)).collect();
        let unknown_method = Error::Parse {
            line: 0,
            field: Field::Method,
            expected: dxcast_core::Expected::MethodCode,
        };
        assert_eq!(
            keys,
            [
                ("m", Some(LinkExpected::Method(unknown_method))),
                ("g", Some(LinkExpected::Growth)),
                ("k", Some(LinkExpected::Shock)),
                ("t", Some(LinkExpected::Target)),
                ("h", Some(LinkExpected::Date)),
                ("c", Some(LinkExpected::Compared)),
                ("x", None),
            ]
        );
        assert_eq!(p[1].value, "fast@2023-01-01");
        // Infinite and NaN numbers are not numbers here.
        assert!(parse("g=inf@2023-01-01").1.len() == 1);
        assert!(parse("k=NaN@2023-01-01").1.len() == 1);
        // A compared scenario with an unknown part is refused whole.
        assert!(parse("c=A|z:1").0.compared.is_empty());
    }

    #[test]
    fn methods_with_settings_go_through_the_cores_model_spec() {
        // A link of the first version gives the method's code only.
        let (v, p) = parse("m=log_linear");
        assert!(p.is_empty());
        assert_eq!(v.method, MethodChoice::method(Method::LogLinear));
        // Settings are written as the core writes them, percent-encoded.
        let spec = ModelSpec::parse("damped_holt;alpha=0.5;beta=0.1;phi=0.9").unwrap();
        let view = SharedView {
            method: MethodChoice::Use(spec),
            ..SharedView::default()
        };
        let q = query(&view);
        assert_eq!(q, "m=damped_holt%3Balpha%3D0.5%3Bbeta%3D0.1%3Bphi%3D0.9");
        assert_eq!(parse(&q), (view, Vec::new()));
        // The core's own reasons for settings it refuses: beta without alpha,
        // a setting the method does not take.
        for (text, field) in [
            ("holt;beta=0.1", Field::Alpha),
            ("linear;degree=2", Field::Degree),
            ("holt;alpha=2;beta=0.1", Field::Alpha),
        ] {
            let (v, p) = parse(&format!("m={}", encode(text)));
            assert_eq!(v.method, MethodChoice::Recommended, "{text}");
            match p[0].expected {
                Some(LinkExpected::Method(e)) => {
                    assert_eq!(e.kind(), ErrorKind::InvalidArgument, "{text}");
                    assert_eq!(e.field(), Some(field), "{text}");
                }
                ref other => panic!("{text}: {other:?}"),
            }
        }
    }

    /// Numbers and dates a link may hold, and what it says of the others:
    /// a growth of 1e308 % a month (which overflows any projection), a
    /// target of 1e300, the year 2299.
    #[test]
    fn numbers_and_dates_out_of_range_are_named_with_their_range() {
        let (v, p) = parse(
            "g=1e308@2024-01-01&k=-150@2025-01-01&t=1e300@2027-12-31&h=2299-01-01&g=100@2024-01-01&k=1000@2100-12-31",
        );
        let got: Vec<(usize, &str, Option<LinkExpected>)> = p
            .iter()
            .map(|p| (p.index, p.key.as_str(), p.expected))
            .collect();
        assert_eq!(
            got,
            [
                (1, "g", Some(LinkExpected::RateInRange)),
                (2, "k", Some(LinkExpected::ShockInRange)),
                (3, "t", Some(LinkExpected::ValueInRange)),
                (4, "h", Some(LinkExpected::DateInRange)),
            ]
        );
        assert_eq!(p[0].value, "1e308@2024-01-01");
        // The ends of the ranges are in them.
        assert_eq!(v.scenario.growth.unwrap().rate, 100.0);
        assert_eq!(v.scenario.shock.unwrap().size, 1000.0);
        assert!(parse("g=-100@2000-01-01").1.is_empty());
        assert!(parse("t=-1e18@2030-01-01").1.is_empty());
        for (q, expected) in [
            ("g=-100.5@2024-01-01", LinkExpected::RateInRange),
            ("g=2@1999-12-31", LinkExpected::DateInRange),
            ("t=5@2101-01-01@ge", LinkExpected::DateInRange),
            ("t=5@2024-01-01@ge@x", LinkExpected::Target),
            ("c=A|g:1000@2024-01-01", LinkExpected::RateInRange),
            ("c=A|g:x@2024-01-01", LinkExpected::Compared),
        ] {
            let (v, p) = parse(q);
            assert_eq!(v, SharedView::default(), "{q}");
            assert_eq!(p[0].expected, Some(expected), "{q}");
        }
    }

    /// The longest view a link can hold: every parameter, every compared
    /// scenario, names of 60 characters that each take four bytes (twelve
    /// characters percent-encoded), and numbers whose decimal form is
    /// longest (Rust writes an `f64` without an exponent: the smallest
    /// normal number has 307 zeros after the point, the largest 309 digits).
    fn longest() -> SharedView {
        let tiny = f64::MIN_POSITIVE;
        let name = "𝕏".repeat(60);
        let end = d(2100, 12, 31);
        let scenario = Scenario {
            growth: Some(GrowthOverride {
                from: end,
                rate: -tiny,
                per: dxcast_core::scenario::Per::Month,
            }),
            shock: Some(Shock {
                at: end,
                size: -tiny,
            }),
            target: Some(Target::new(-tiny, end, Comparison::GreaterThan).unwrap()),
        };
        SharedView {
            method: MethodChoice::Use(dxcast_core::ModelSpec {
                alpha: Some(tiny),
                beta: Some(tiny),
                phi: Some(tiny),
                initial_level: Some(-f64::MAX),
                initial_trend: Some(-f64::MAX),
                ..dxcast_core::ModelSpec::new(Method::DampedHolt)
            }),
            scenario,
            name: name.clone(),
            horizon: Some(end),
            compared: (0..MAX_COMPARED)
                .map(|i| NamedScenario {
                    name: format!("{i}{}", "𝕏".repeat(59)),
                    scenario,
                })
                .collect(),
            rule: Rule::Averages,
            level: Level::Eighty,
        }
    }

    /// Found by the `share_links` fuzz target: a link of compared scenarios
    /// with long non-ASCII names read, and wrote back a link over the limit,
    /// which then did not read. Whatever a link can hold writes a link
    /// within the limit.
    #[test]
    fn the_longest_view_writes_a_link_that_reads_back() {
        let view = longest();
        assert_eq!(parse(&query(&view)).0, view, "the longest view reads");
        let link = query(&view);
        let length = link.chars().count();
        // Over the limit links had before (4,096), which left this view's
        // link unreadable.
        assert!(length > 4096, "{length}");
        assert!(length <= MAX_QUERY, "{length} characters");
        let (back, problems) = parse(&link);
        assert_eq!(problems, []);
        assert_eq!(back, view);
    }

    #[test]
    fn links_over_the_limit_are_refused_whole() {
        let at_limit = format!("n={}", "a".repeat(MAX_QUERY - 2));
        assert_eq!(at_limit.chars().count(), MAX_QUERY);
        assert!(parse(&at_limit).1.is_empty());
        // One character more, counted in characters (not bytes): refused,
        // even the parameters that would read.
        let over = format!("g=2@2024-01-01&n={}", "ậ".repeat(MAX_QUERY));
        let (v, p) = parse(&format!("?{over}"));
        assert_eq!(v, SharedView::default());
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].index, p[0].expected),
            (
                0,
                Some(LinkExpected::Shorter {
                    length: MAX_QUERY + 17
                })
            )
        );
        // Compared scenarios past the limit are named; repeats are not counted.
        let many: Vec<String> = (0..=MAX_COMPARED)
            .map(|i| format!("c=S{i}|g:1@2024-01-01"))
            .chain(["c=S0|g:2@2024-01-01".to_string()])
            .collect();
        let (v, p) = parse(&many.join("&"));
        assert_eq!(v.compared.len(), MAX_COMPARED);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].index, p[0].expected),
            (MAX_COMPARED + 1, Some(LinkExpected::FewerCompared))
        );
    }

    /// A share target of −5 % and a deadline before the first figure are
    /// kept in the view but flagged: the core analyses them as unreachable
    /// and stale, and the flags say why.
    #[test]
    fn targets_the_indicator_cannot_judge_are_flagged() {
        let first = d(2022, 9, 30);
        let (v, p) = parse("t=-5@2025-12-31@ge&c=Old|t:80@2019-01-01@ge&c=Fine|t:80@2025-12-31@ge");
        assert!(p.is_empty());
        let flags = check(&v, Bounds::PERCENT, Some(first));
        let got: Vec<(&str, &str, Option<LinkExpected>)> = flags
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str(), f.expected))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "t",
                    "-5@2025-12-31@ge",
                    Some(LinkExpected::TargetInBounds(Bounds::PERCENT))
                ),
                (
                    "c",
                    "Old|t:80@2019-01-01@ge",
                    Some(LinkExpected::DeadlineAfter(first))
                ),
            ]
        );
        // Within the bounds and after the first figure: nothing to say.
        let (v, _) = parse("t=100@2022-09-30@ge");
        assert!(check(&v, Bounds::PERCENT, Some(first)).is_empty());
        assert!(check(&v, Bounds::NONE, None).is_empty());
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  a|b\n "), "a/b");
        assert_eq!(clean_name(&"x".repeat(80)).len(), 60);
        assert_eq!(encode("Chậm 1%"), "Ch%E1%BA%ADm%201%25");
        assert_eq!(decode(&encode("Chậm | 1 % & ?")), "Chậm | 1 % & ?");
    }
}
