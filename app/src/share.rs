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

use dxcast_core::quantity::Rule;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{Comparison, Date, Error, ModelSpec, Target};

use crate::analysis::Level;
use crate::projection::{MethodChoice, NamedScenario};

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

/// A parameter of a link that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// The parameter's key.
    pub key: String,
    /// Its value as written (decoded).
    pub value: String,
    /// What was expected, or `None` for an unknown key.
    pub expected: Option<LinkExpected>,
}

/// What a parameter's value should look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

fn number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

fn date(s: &str) -> Option<Date> {
    Date::parse_iso(s.trim()).ok()
}

/// `a@YYYY-MM-DD`.
fn number_at(s: &str) -> Option<(f64, Date)> {
    let (a, d) = s.split_once('@')?;
    Some((number(a)?, date(d)?))
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
fn growth_from(s: &str) -> Option<GrowthOverride> {
    let (head, per) = match s.rsplit_once('@') {
        Some((head, "y")) => (head, Per::Year),
        Some((head, "m")) => (head, Per::Month),
        _ => (s, Per::Month),
    };
    number_at(head).map(|(rate, from)| GrowthOverride { from, rate, per })
}

fn shock_from(s: &str) -> Option<Shock> {
    number_at(s).map(|(size, at)| Shock { at, size })
}

fn target_from(s: &str) -> Option<Target> {
    let mut parts = s.split('@');
    let value = number(parts.next()?)?;
    let deadline = date(parts.next()?)?;
    let comparison = match parts.next() {
        Some(c) => comparison_from(c.trim())?,
        None => Comparison::AtLeast,
    };
    if parts.next().is_some() {
        return None;
    }
    Target::new(value, deadline, comparison).ok()
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

fn compared_from(s: &str) -> Option<NamedScenario> {
    let mut parts = s.split('|');
    let name = clean_name(parts.next()?);
    if name.is_empty() {
        return None;
    }
    let mut scenario = Scenario::default();
    for part in parts {
        let (key, value) = part.split_once(':')?;
        match key {
            "g" => scenario.growth = Some(growth_from(value)?),
            "k" => scenario.shock = Some(shock_from(value)?),
            "t" => scenario.target = Some(target_from(value)?),
            _ => return None,
        }
    }
    Some(NamedScenario { name, scenario })
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
/// (other than `c`) replaces an earlier one.
#[must_use]
pub fn parse(query: &str) -> (SharedView, Vec<LinkProblem>) {
    let mut view = SharedView::default();
    let mut problems = Vec::new();
    for pair in query.trim_start_matches('?').split('&') {
        if pair.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(raw_key);
        let value = decode(raw_value);
        let mut bad = |expected: LinkExpected| {
            problems.push(LinkProblem {
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
                Some(g) => view.scenario.growth = Some(g),
                None => bad(LinkExpected::Growth),
            },
            "k" => match shock_from(&value) {
                Some(k) => view.scenario.shock = Some(k),
                None => bad(LinkExpected::Shock),
            },
            "t" => match target_from(&value) {
                Some(t) => view.scenario.target = Some(t),
                None => bad(LinkExpected::Target),
            },
            "h" => match date(&value) {
                Some(h) => view.horizon = Some(h),
                None => bad(LinkExpected::Date),
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
                Some(n) if !view.compared.iter().any(|c| c.name == n.name) => {
                    view.compared.push(n);
                }
                Some(_) => {}
                None => bad(LinkExpected::Compared),
            },
            _ => problems.push(LinkProblem {
                key: key.clone(),
                value: value.clone(),
                expected: None,
            }),
        }
    }
    (view, problems)
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

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  a|b\n "), "a/b");
        assert_eq!(clean_name(&"x".repeat(80)).len(), 60);
        assert_eq!(encode("Chậm 1%"), "Ch%E1%BA%ADm%201%25");
        assert_eq!(decode(&encode("Chậm | 1 % & ?")), "Chậm | 1 % & ?");
    }
}
