//! The figure finder on the five reports, against the figures recorded in
//! `data/` and against a hand-made annotation of every figure in the texts
//! (`fixtures/extract_gold.csv`, whose header says how it was made); the
//! examples of the reports one by one; and properties on arbitrary text.
//!
//! `cargo test -p dxcast-core --test extract -- --nocapture` prints recall,
//! precision, per-field accuracy and every miss.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use std::collections::HashMap;

use dxcast_core::extract::{utf16_offset, CandidateKind, Claims, Figures, Found, Span};
use dxcast_core::number::parse_vi;
use dxcast_core::{ClaimKind, Date, Period, Qualifier, Unit};

const REPORTS_CSV: &str = include_str!("../../data/reports.csv");
const INDICATORS_CSV: &str = include_str!("../../data/indicators.csv");
const OBSERVATIONS_CSV: &str = include_str!("../../data/observations.csv");
const TARGETS_CSV: &str = include_str!("../../data/targets.csv");
const CLAIMS_CSV: &str = include_str!("../../data/claims.csv");
const GOLD_CSV: &str = include_str!("fixtures/extract_gold.csv");

const REPORT_TEXTS: [(&str, &str); 5] = [
    (
        "000_90d0e41a9ce88716.txt",
        include_str!("../../data/reports/000_90d0e41a9ce88716.txt"),
    ),
    (
        "001_8c7a277dc025b828.txt",
        include_str!("../../data/reports/001_8c7a277dc025b828.txt"),
    ),
    (
        "002_d2110275f2b17c14.txt",
        include_str!("../../data/reports/002_d2110275f2b17c14.txt"),
    ),
    (
        "003_a0b404e3d3032961.txt",
        include_str!("../../data/reports/003_a0b404e3d3032961.txt"),
    ),
    (
        "004_4b8e2de6e6e7e2c2.txt",
        include_str!("../../data/reports/004_4b8e2de6e6e7e2c2.txt"),
    ),
];

/// The rows of a CSV file (RFC 4180: quoted fields with doubled quotes),
/// after `#` comment lines, as maps from the header's names.
fn rows(text: &str) -> Vec<HashMap<String, String>> {
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    let mut records: Vec<Vec<String>> = Vec::new();
    let (mut field, mut record) = (String::new(), Vec::new());
    let (mut quoted, mut chars) = (false, body.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    let header = records.remove(0);
    records
        .into_iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "{r:?}");
            header.iter().cloned().zip(r).collect()
        })
        .collect()
}

struct Report {
    id: String,
    text: &'static str,
    found: Vec<Found>,
}

fn reports() -> Vec<Report> {
    rows(REPORTS_CSV)
        .into_iter()
        .map(|r| {
            let text = REPORT_TEXTS
                .iter()
                .find(|(f, _)| *f == r["file"])
                .expect("report text")
                .1;
            let as_of = Date::parse_iso(&r["as_of"]).unwrap();
            Report {
                id: r["id"].clone(),
                text,
                found: Figures::new(text, Some(as_of)).collect(),
            }
        })
        .collect()
}

fn unit(code: &str) -> Unit {
    *Unit::ALL
        .iter()
        .find(|u| u.code() == code)
        .unwrap_or_else(|| panic!("unit {code}"))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every byte range of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<Span> {
    hay.match_indices(needle)
        .map(|(i, _)| Span {
            start: i,
            end: i + needle.len(),
        })
        .collect()
}

/// The first occurrence of the number `figure` in `hay` that is not part of
/// a longer number.
fn figure_in(hay: &str, figure: &str) -> Option<usize> {
    hay.match_indices(figure).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let mut after = hay[i + figure.len()..].chars();
        let (next, then) = (after.next(), after.next());
        let decimals = matches!(next, Some(',' | '.')) && then.is_some_and(|c| c.is_ascii_digit());
        !before.is_some_and(|c| c.is_ascii_digit() || c == '/' || c == ',' || c == '.')
            && !next.is_some_and(|c| c.is_ascii_digit())
            && !decimals
    })
}

/// A figure recorded in `data/`.
struct Expected {
    id: String,
    report: String,
    quote: String,
    stated: String,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    period: Option<Period>,
}

/// The figures of observations.csv, targets.csv and the stated figures of
/// claims.csv.
fn expected() -> Vec<Expected> {
    let units: HashMap<String, Unit> = rows(INDICATORS_CSV)
        .into_iter()
        .map(|r| (r["id"].clone(), unit(&r["unit"])))
        .collect();
    let observations = rows(OBSERVATIONS_CSV);
    let obs_unit: HashMap<String, Unit> = observations
        .iter()
        .map(|r| (r["id"].clone(), units[&r["indicator"]]))
        .collect();
    let mut out = Vec::new();
    for r in &observations {
        if r["stated"].is_empty() {
            continue; // "tất cả" (all): no figure is written
        }
        out.push(Expected {
            id: r["id"].clone(),
            report: r["report"].clone(),
            quote: r["quote"].clone(),
            stated: r["stated"].clone(),
            value: r["value"].parse().unwrap(),
            unit: units[&r["indicator"]],
            qualifier: Qualifier::from_code(&r["qualifier"]).unwrap(),
            period: Some(Period::parse(&r["period"]).unwrap()),
        });
    }
    for r in rows(TARGETS_CSV) {
        // The qualifier is the word before the figure, as DATA.md's table
        // gives it: "lớn hơn" (>), "tối thiểu" (>=), "đạt" or none (>=,
        // exact), "vào Top 50" (<=: a rank of 50 or better, up to 50).
        let qualifier = match r["comparison"].as_str() {
            ">" => Qualifier::MoreThan,
            ">=" if r["quote"].contains("tối thiểu") => Qualifier::AtLeast,
            ">=" => Qualifier::Exact,
            "<=" => Qualifier::UpTo,
            c => panic!("comparison {c}"),
        };
        out.push(Expected {
            id: r["id"].clone(),
            report: r["report"].clone(),
            quote: r["quote"].clone(),
            stated: r["stated"].clone(),
            value: r["value"].parse().unwrap(),
            unit: units[&r["indicator"]],
            qualifier,
            period: Some(Period::parse(&r["period"]).unwrap()),
        });
    }
    for r in rows(CLAIMS_CSV) {
        if r["stated"].is_empty() {
            continue; // an intermediate figure no report states
        }
        // claims.csv has no unit: a percentage when the figure has a
        // percent sign, a multiple's "lần", else the unit of the first
        // observation the claim is computed from.
        let unit = if r["stated"].ends_with('%') {
            Unit::Percent
        } else if r["kind"] == "multiple" {
            Unit::Times
        } else {
            let first = r["inputs"]
                .split(' ')
                .find_map(|i| i.strip_prefix("o:"))
                .expect("an observation input");
            obs_unit[first]
        };
        out.push(Expected {
            id: r["id"].clone(),
            report: r["report"].clone(),
            quote: r["quote"].clone(),
            stated: r["stated"].clone(),
            // The figure as written: a decrease keeps its unsigned figure.
            value: parse_vi(&r["stated"]).unwrap().value,
            unit,
            qualifier: Qualifier::from_code(&r["qualifier"]).unwrap(),
            period: None,
        });
    }
    out
}

/// The proposal of `found` that covers the stated figure of `e` in its quote.
fn aligned<'a>(rep: &'a Report, e: &Expected) -> Option<&'a Found> {
    occurrences(rep.text, &e.quote).into_iter().find_map(|q| {
        let at = q.start + figure_in(&rep.text[q.start..q.end], &e.stated)?;
        let fig = Span {
            start: at,
            end: at + e.stated.len(),
        };
        rep.found.iter().find(|f| overlaps(f.span, fig))
    })
}

struct Tally {
    n: usize,
    ok: usize,
}

impl Tally {
    fn new() -> Tally {
        Tally { n: 0, ok: 0 }
    }
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
    fn rate(&self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
    fn show(&self) -> String {
        format!("{:5.1} % ({}/{})", 100.0 * self.rate(), self.ok, self.n)
    }
}

#[test]
fn finds_the_figures_recorded_in_data() {
    let reports = reports();
    let by_id: HashMap<&str, &Report> = reports.iter().map(|r| (r.id.as_str(), r)).collect();
    let (mut recall, mut value, mut unit_ok, mut qual) =
        (Tally::new(), Tally::new(), Tally::new(), Tally::new());
    let (mut period_exact, mut period_end) = (Tally::new(), Tally::new());
    let (mut misses, mut period_misses) = (Vec::new(), Vec::new());
    for e in expected() {
        let rep = by_id[e.report.as_str()];
        assert!(rep.text.contains(&e.quote), "{}: quote not in report", e.id);
        let f = aligned(rep, &e);
        let v = f.is_some_and(|f| same(f.value, e.value));
        let u = f.is_some_and(|f| f.unit == e.unit);
        let q = f.is_some_and(|f| f.qualifier == e.qualifier);
        value.add(v);
        unit_ok.add(u);
        qual.add(q);
        recall.add(v && u && q);
        if let Some(p) = e.period {
            let got = f.and_then(|f| f.period);
            period_exact.add(got == Some(p));
            period_end.add(got.is_some_and(|g| g.end() == p.end()));
            if got != Some(p) {
                period_misses.push(format!(
                    "  {:<38} {} in data, {} found",
                    e.id,
                    p,
                    got.map_or("none".to_string(), |g| g.to_string())
                ));
            }
        }
        if !(v && u && q) {
            misses.push(match f {
                Some(f) => format!(
                    "  {:<38} expected {} {} {}, found {} {} {} at \"{}\"",
                    e.id,
                    e.value,
                    e.unit.code(),
                    e.qualifier.code(),
                    f.value,
                    f.unit.code(),
                    f.qualifier.code(),
                    f.span.of(rep.text)
                ),
                None => format!(
                    "  {:<38} expected {} {}: nothing found",
                    e.id,
                    e.value,
                    e.unit.code()
                ),
            });
        }
    }
    println!("figures of data/ (observations, targets, claims' stated figures):");
    println!(
        "  found with value, unit and qualifier right: {}",
        recall.show()
    );
    println!("  value     {}", value.show());
    println!("  unit      {}", unit_ok.show());
    println!("  qualifier {}", qual.show());
    println!(
        "  period    {} exactly, {} ending on the same day",
        period_exact.show(),
        period_end.show()
    );
    if !misses.is_empty() {
        println!("misses:\n{}", misses.join("\n"));
    }
    println!("periods that differ:\n{}", period_misses.join("\n"));
    assert!(recall.rate() >= 0.95, "recall {}", recall.show());
}

/// A gold figure: where it is, and what it is.
struct Gold {
    report: String,
    span: Span,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    denominator: Option<f64>,
    line: String,
}

fn gold(reports: &[Report]) -> Vec<Gold> {
    rows(GOLD_CSV)
        .into_iter()
        .map(|r| {
            let rep = reports.iter().find(|x| x.id == r["report"]).unwrap();
            let n: usize = r["occurrence"].parse().unwrap();
            let ctx = occurrences(rep.text, &r["context"])
                .get(n - 1)
                .copied()
                .unwrap_or_else(|| {
                    panic!("context {:?} ×{n} not in {}", r["context"], r["report"])
                });
            let at = ctx.start
                + rep.text[ctx.start..ctx.end]
                    .find(r["figure"].as_str())
                    .unwrap_or_else(|| panic!("figure {:?} not in its context", r["figure"]));
            Gold {
                report: r["report"].clone(),
                span: Span {
                    start: at,
                    end: at + r["figure"].len(),
                },
                value: r["value"].parse().unwrap(),
                unit: unit(&r["unit"]),
                qualifier: Qualifier::from_code(&r["qualifier"]).unwrap(),
                denominator: (!r["denominator"].is_empty())
                    .then(|| r["denominator"].parse().unwrap()),
                line: format!("{} {:?}", r["report"], r["context"]),
            }
        })
        .collect()
}

#[test]
fn proposes_figures_and_little_else() {
    let reports = reports();
    let gold = gold(&reports);
    // Gold spans never overlap one another: each is one figure.
    for (i, a) in gold.iter().enumerate() {
        for b in &gold[i + 1..] {
            assert!(
                a.report != b.report || !overlaps(a.span, b.span),
                "{} and {} overlap",
                a.line,
                b.line
            );
        }
    }
    let (mut precision, mut recall) = (Tally::new(), Tally::new());
    let (mut unit_ok, mut qual, mut den, mut quote) =
        (Tally::new(), Tally::new(), Tally::new(), Tally::new());
    let mut wrong = Vec::new();
    for rep in &reports {
        for f in &rep.found {
            let g = gold
                .iter()
                .find(|g| g.report == rep.id && overlaps(g.span, f.span) && same(g.value, f.value));
            precision.add(g.is_some());
            match g {
                Some(g) => {
                    unit_ok.add(g.unit == f.unit);
                    qual.add(g.qualifier == f.qualifier);
                    den.add(g.denominator == f.denominator);
                    quote.add(g.span == f.span);
                }
                None => wrong.push(format!(
                    "  {} \"{}\" ({} {}) in \"{}\"",
                    rep.id,
                    f.span.of(rep.text),
                    f.value,
                    f.unit.code(),
                    f.sentence.of(rep.text)
                )),
            }
        }
    }
    let mut missed = Vec::new();
    for g in &gold {
        let rep = reports.iter().find(|r| r.id == g.report).unwrap();
        let hit = rep
            .found
            .iter()
            .any(|f| overlaps(g.span, f.span) && same(g.value, f.value));
        recall.add(hit);
        if !hit {
            missed.push(format!("  {}", g.line));
        }
    }
    println!(
        "against every figure of the texts ({} in the gold annotation):",
        gold.len()
    );
    println!(
        "  precision (proposals that are figures) {}",
        precision.show()
    );
    println!("  recall                                 {}", recall.show());
    println!(
        "  of the matches: unit {}, qualifier {}, denominator {}, quote exactly the figure {}",
        unit_ok.show(),
        qual.show(),
        den.show(),
        quote.show()
    );
    if !wrong.is_empty() {
        println!("proposals that are not figures:\n{}", wrong.join("\n"));
    }
    if !missed.is_empty() {
        println!("figures missed:\n{}", missed.join("\n"));
    }
    assert!(precision.rate() >= 0.85, "precision {}", precision.show());
    assert!(recall.rate() >= 0.95, "recall {}", recall.show());
}

#[test]
fn the_reports_own_claims_are_candidates() {
    let reports = reports();
    let by_id: HashMap<&str, &Report> = reports.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut kinds = Tally::new();
    let mut lines = Vec::new();
    for r in rows(CLAIMS_CSV) {
        // The report's own derived figures that the wording marks as such;
        // sums, run-rates and the cross-checks are dxcast's reading, and a
        // claim that states no figure (a part within its whole, a figure
        // within its plan) has no figure to find.
        if r["origin"] != "report"
            || matches!(r["kind"].as_str(), "sum" | "run_rate")
            || r["stated"].is_empty()
        {
            continue;
        }
        let rep = by_id[r["report"].as_str()];
        let kind = *ClaimKind::ALL
            .iter()
            .find(|k| k.code() == r["kind"])
            .unwrap();
        let e = Expected {
            id: r["id"].clone(),
            report: r["report"].clone(),
            quote: r["quote"].clone(),
            stated: r["stated"].clone(),
            value: 0.0,
            unit: Unit::Count,
            qualifier: Qualifier::Exact,
            period: None,
        };
        let f = aligned(rep, &e);
        let derived = f.and_then(|f| f.derived);
        let ok = f.is_some_and(|f| {
            f.derived
                .is_some_and(|d| d.kind.readings(f.unit).contains(&kind))
        });
        kinds.add(ok);
        lines.push(format!(
            "  {} {:<34} {:<16} {:<18} compared with {:?}",
            if ok { "ok  " } else { "MISS" },
            e.id,
            kind.code(),
            derived.map_or("-", |d| d.kind.code()),
            derived.and_then(|d| d.compared).map(|s| s.of(rep.text))
        ));
    }
    println!(
        "the reports' derived figures as claim candidates: {}",
        kinds.show()
    );
    println!("{}", lines.join("\n"));
    assert!(kinds.rate() >= 0.9, "{}", kinds.show());
}

// ---------------------------------------------------------------------------
// The examples, one by one. References: the reports' own figures (data/) and
// the figures as the reports write them.

fn date(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

/// The only figure of `text`.
fn one(text: &str, as_of: Option<&str>) -> Found {
    let found: Vec<Found> = Figures::new(text, as_of.map(date)).collect();
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0]
}

/// The figures of `text` as (quote, value, unit, qualifier).
fn all(text: &str) -> Vec<(&str, f64, Unit, Qualifier)> {
    Figures::new(text, None)
        .map(|f| (f.span.of(text), f.value, f.unit, f.qualifier))
        .collect()
}

#[test]
fn values_as_the_reports_write_them() {
    let f = one("trong tháng 9 năm 2022 có 58.397.139 giao dịch", None);
    assert_eq!(
        (f.value, f.precision, f.unit),
        (58_397_139.0, 1.0, Unit::Count)
    );
    let f = one(
        "tổng số từ khi khai trương đến nay hơn 1,276 tỷ giao dịch",
        None,
    );
    assert_eq!((f.value, f.precision), (1_276_000_000.0, 1e6));
    assert_eq!(
        f.span
            .of("tổng số từ khi khai trương đến nay hơn 1,276 tỷ giao dịch"),
        "1,276 tỷ"
    );
    let t = "gần 26,8 triệu giao dịch thanh toán trực tuyến với số tiền hơn 12,9 nghìn tỷ đồng";
    let found = all(t);
    assert_eq!(
        found[1],
        (
            "12,9 nghìn tỷ đồng",
            12.9e12,
            Unit::Vnd,
            Qualifier::MoreThan
        )
    );
    let f = one("bình quân mỗi ngày có khoảng 2,8 triệu giao dịch", None);
    assert_eq!(
        (f.value, f.qualifier, f.precision),
        (2.8e6, Qualifier::About, 1e5)
    );
    let f = one("Có 80,44% thủ tục hành chính (TTHC)", None);
    assert_eq!((f.value, f.unit, f.precision), (80.44, Unit::Percent, 0.01));
    let f = one("đã có 61/63 địa phương đã triển khai", None);
    assert_eq!(
        (f.value, f.denominator, f.unit),
        (61.0, Some(63.0), Unit::Count)
    );
    let t = "ở 11.923/13.506 cơ sở khám chữa bệnh";
    let f = one(t, None);
    assert_eq!(
        (f.value, f.denominator, f.span.of(t)),
        (11_923.0, Some(13_506.0), "11.923/13.506")
    );
    assert_eq!(
        all("ban hành: 02 Nghị định, 05 Quyết định, 02 Chỉ thị và"),
        [
            ("02", 2.0, Unit::Count, Qualifier::Exact),
            ("05", 5.0, Unit::Count, Qualifier::Exact),
            ("02", 2.0, Unit::Count, Qualifier::Exact),
        ]
    );
}

#[test]
fn units() {
    let f = one("đạt gần 36,3 tỷ USD", None);
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (36.3e9, Unit::Usd, Qualifier::Nearly)
    );
    let f = one(
        "tốc độ truy cập mạng băng rộng cố định đạt 79,95 Mbps",
        None,
    );
    assert_eq!((f.value, f.unit), (79.95, Unit::Mbps));
    let f = one("xếp thứ 45 và cao hơn", None);
    assert_eq!((f.value, f.unit), (45.0, Unit::Rank));
    let f = one(
        "xếp hạng quốc gia về Chính phủ điện tử của Việt Nam vào Top 50",
        None,
    );
    assert_eq!(
        (f.value, f.unit, f.qualifier),
        (50.0, Unit::Rank, Qualifier::UpTo)
    );
    let t = "số giao dịch đạt 860 triệu giao dịch, gấp 4,8 lần so với năm 2021";
    let found = all(t);
    assert_eq!(found[1], ("4,8 lần", 4.8, Unit::Times, Qualifier::Exact));
    assert_eq!(
        all("lũy kế doanh thu ước đạt hơn 1,35 triệu tỷ đồng")[0],
        (
            "1,35 triệu tỷ đồng",
            1.35e15,
            Unit::Vnd,
            Qualifier::MoreThan
        )
    );
    assert_eq!(
        all("tăng gấp hơn 7,3 lần so với năm 2021")[0],
        ("7,3 lần", 7.3, Unit::Times, Qualifier::MoreThan)
    );
    // "lần" without a multiple's verb is a count of times.
    assert_eq!(all("tổ chức 3 lần")[0].2, Unit::Count);
}

#[test]
fn qualifiers() {
    let q = |t: &str| one(t, None).qualifier;
    assert_eq!(q("đạt khoảng 84.346 dịch vụ"), Qualifier::About);
    assert_eq!(q("đạt hơn 111 triệu giao dịch"), Qualifier::MoreThan);
    assert_eq!(q("đã có gần 59.600 tổ"), Qualifier::Nearly);
    assert_eq!(
        q("và trên 1 triệu đối tượng chính sách"),
        Qualifier::MoreThan
    );
    assert_eq!(
        q("đạt tối thiểu 860 triệu giao dịch qua NDXP"),
        Qualifier::AtLeast
    );
    assert_eq!(
        q("ưu đãi sử dụng sản phẩm, dịch vụ số lên đến 50% giá"),
        Qualifier::UpTo
    );
    assert_eq!(
        q("Tổng số giao dịch lớn hơn 860 triệu giao dịch"),
        Qualifier::MoreThan
    );
    assert_eq!(
        q("số người tham gia lên đến hơn 270.000 người"),
        Qualifier::MoreThan
    );
    assert_eq!(q("mới đạt 9%"), Qualifier::Exact);
    assert_eq!(q("là 3.418 hệ thống"), Qualifier::Exact);
    // Without diacritics, as typed on a plain keyboard.
    assert_eq!(q("dat khoang 84.346 dich vu"), Qualifier::About);
}

#[test]
fn periods() {
    let p = |t: &str, as_of: Option<&str>| one(t, as_of).period.map(|p| p.to_string());
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        p("trong tháng 9 năm 2022 có 58.397.139 giao dịch", None),
        s("2022-09")
    );
    assert_eq!(
        p(
            "Cũng trong quý 1/2023, tổng số giao dịch đạt hơn 111 triệu",
            None
        ),
        s("2023-Q1")
    );
    assert_eq!(
        p("trong Quý I/2024, doanh thu đạt gần 36,3 tỷ USD", None),
        s("2024-Q1")
    );
    assert_eq!(
        p(
            "Tính đến ngày 20/11/2022, đã có 46/63 tỉnh, thành phố",
            None
        ),
        s("2022-11-20")
    );
    assert_eq!(
        p(
            "Tính từ đầu năm 2022, trung bình hằng ngày có khoảng 1,6 triệu giao dịch",
            Some("2022-09-30")
        ),
        s("2022-01-01/2022-09-30")
    );
    assert_eq!(
        p(
            "Trong 11 tháng đầu năm 2022, đã có hơn 63 triệu hồ sơ đồng bộ trạng thái",
            None
        ),
        s("2022-01-01/2022-11-30")
    );
    assert_eq!(
        p(
            "Tổng số giao dịch trong năm 2022 đạt khoảng 860 triệu giao dịch",
            None
        ),
        s("2022")
    );
    assert_eq!(
        p("so với cả năm 2021 (đạt khoảng 180 triệu)", None),
        s("2021")
    );
    assert_eq!(
        p("đến nay đã có hơn 661 triệu giao dịch", Some("2022-09-30")),
        s("2022-09-30")
    );
    assert_eq!(p("đến nay đã có hơn 661 triệu giao dịch", None), None);
    assert_eq!(
        p(
            "Hiện nay, tổng số hệ thống thông tin là 3.418 hệ thống",
            Some("2024-04-30")
        ),
        s("2024-04-30")
    );
    assert_eq!(
        p(
            "Nền tảng NDXP hiện đã kết nối với hệ thống của 90 cơ quan",
            Some("2022-12-08")
        ),
        s("2022-12-08")
    );
    assert_eq!(
        p(
            "Từ đầu năm, đã có 2 triệu lượt truy cập",
            Some("2024-04-30")
        ),
        s("2024-01-01/2024-04-30")
    );
    assert_eq!(p("Từ đầu năm, đã có 2 triệu lượt truy cập", None), None);
    // A cue right after the figure with "trong" dates it.
    assert_eq!(
        p(
            "nộp ngân sách ước đạt 9.295 tỷ đồng trong tháng 09/2023",
            None
        ),
        s("2023-09")
    );
    // A goal's date does not carry to the next sentence; a semicolon and a
    // capital start one.
    let t = "Mục tiêu đến tháng 12/2023 đạt 90 thuê bao/100 dân; Thuê bao di động đạt 101,2 triệu thuê bao.";
    let ps: Vec<_> = Figures::new(t, Some(date("2023-09-30")))
        .map(|f| (f.span.of(t).to_string(), f.period.unwrap().to_string()))
        .collect();
    assert_eq!(
        ps,
        [
            ("90".into(), "2023-12".into()),
            ("101,2 triệu".into(), "2023-09-30".into())
        ]
    );
    // No cue: the as-of date, and no cue span.
    let f = one("công bố 72 bài toán CĐS", Some("2022-12-31"));
    assert_eq!(
        (f.period, f.cue),
        (Some(Period::day(date("2022-12-31"))), None)
    );
    // The cue of the clause, not the one of the comparison after it.
    let t = "Tỷ lệ hồ sơ ước thực hiện năm 2022 đạt 52,8%, vượt 2% so với kế hoạch năm 2022 \
             và tăng 17,5% so với năm 2021.";
    let ps: Vec<_> = Figures::new(t, None)
        .map(|f| f.period.unwrap().to_string())
        .collect();
    assert_eq!(ps, ["2022", "2022", "2022"]);
}

#[test]
fn quotes_slice_the_text() {
    let t = "Theo thống kê, tổng số giao dịch thực hiện thông qua NDXP tính từ đầu năm 2022 \
             đến ngày 8/12/2022 đạt khoảng 806 triệu lượt giao dịch. Trung bình mỗi ngày khoảng \
             2,1 triệu lượt giao dịch.";
    let found: Vec<Found> = Figures::new(t, None).collect();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].span.of(t), "806 triệu");
    assert_eq!(
        found[0].sentence.of(t),
        "Theo thống kê, tổng số giao dịch thực hiện thông qua NDXP tính từ đầu năm 2022 \
         đến ngày 8/12/2022 đạt khoảng 806 triệu lượt giao dịch."
    );
    assert_eq!(
        found[1].sentence.of(t),
        "Trung bình mỗi ngày khoảng 2,1 triệu lượt giao dịch."
    );
    assert_eq!(
        found[0].cue.map(|c| c.of(t)),
        Some("từ đầu năm 2022 đến ngày 8/12/2022")
    );
    // The second sentence has no cue: the paragraph's opening one dates it.
    assert_eq!(
        found[1].period.map(|p| p.to_string()),
        Some("2022-01-01/2022-12-08".into())
    );
    for f in &found {
        let (a, b) = f.span.utf16(t);
        let units: Vec<u16> = t.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[a..b]).unwrap(), f.span.of(t));
        assert_eq!(utf16_offset(t, f.span.start), a);
    }
}

#[test]
fn not_figures() {
    for t in [
        "theo quy định tại Nghị định số 42/2022/NĐ-CP của Chính phủ",
        "theo Quyết định số 422/QĐ-TTg ngày 04/4/2022 của Thủ tướng",
        "thực hiện Chỉ thị 06/CT-TTg",
        "Tính đến ngày 20/11/2022, đã",
        "từ khi khai trương (30/10/2020) đến nay",
        "trong tháng 9/2022",
        "Định hướng đến năm 2025",
        "tại địa chỉ: https://c63.mic.gov.vn và www.mic.gov.vn/2022",
        "1. Giới thiệu\na) Mục tiêu\nII. Kết quả",
        "dịch vụ công trực tuyến mức độ 4",
        "mức độ 3, 4 và mức độ 3 và 4",
        "service level 4",
        "kiến trúc chính quyền điện tử 2.0",
        "internet băng rộng di động 4G và 5G",
        "theo Đề án 06",
        "giai đoạn 2022-2025",
        "Chương trình \"Tháng 10 - Tháng tiêu dùng số\"",
        "Trong 11 tháng đầu năm 2022",
        "COVID-19",
        "lúc 10:30 sáng, theo tiêu chuẩn ISO 27001 và TCVN 11930:2017",
    ] {
        let found: Vec<_> = all(t);
        assert!(found.is_empty(), "{t}: {found:?}");
    }
}

#[test]
fn claim_candidates() {
    let claims = |t: &str| -> Vec<(f64, CandidateKind, bool, Option<String>)> {
        Claims::new(t, None)
            .map(|c| {
                let compared = c.derived.compared.map(|s| s.of(t).to_string());
                (c.figure.value, c.derived.kind, c.derived.decrease, compared)
            })
            .collect()
    };
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        claims("Ước tính đến hết năm 2022, số giao dịch đạt 860 triệu giao dịch, gấp 4,8 lần so với năm 2021."),
        [(4.8, CandidateKind::Multiple, false, s("năm 2021"))]
    );
    // A change of a share: relative or points, the text does not say.
    let t = "ước thực hiện năm 2022 đạt 52,8%, vượt 2% so với kế hoạch năm 2022 và tăng 17,5% so với năm 2021.";
    assert_eq!(
        claims(t),
        [
            (
                2.0,
                CandidateKind::ExcessOverPlan,
                false,
                s("kế hoạch năm 2022")
            ),
            (17.5, CandidateKind::PercentChange, false, s("năm 2021")),
        ]
    );
    let c = Claims::new(t, None).nth(1).unwrap();
    assert_eq!(
        c.readings(),
        [ClaimKind::RelativeChange, ClaimKind::PointChange]
    );
    assert_eq!(
        claims("đạt hơn 111 triệu giao dịch tương ứng với khoảng 12,95% so với mục tiêu năm 2023"),
        [(
            12.95,
            CandidateKind::ShareOfTarget,
            false,
            s("mục tiêu năm 2023")
        )]
    );
    // A change of an amount: relative.
    assert_eq!(
        claims("ghi nhận 2.323 cuộc tấn công mạng, giảm 32,6% so với cùng kỳ Quý I/2023./."),
        [(
            32.6,
            CandidateKind::RelativeChange,
            true,
            s("cùng kỳ Quý I/2023")
        )]
    );
    assert_eq!(
        claims("Triển khai 41/53 dịch vụ công thiết yếu toàn trình, tăng 05 dịch vụ công thiết yếu so với cuối năm 2023."),
        [(5.0, CandidateKind::Difference, false, s("cuối năm 2023"))]
    );
    assert_eq!(
        claims("là 3.418 hệ thống, trong đó số hệ thống là 2.365 hệ thống, đạt tỷ lệ 68,2%"),
        [(68.2, CandidateKind::Share, false, None)]
    );
    // A new level, not a change.
    assert!(claims("tỷ lệ tăng lên 80%").is_empty());
}

#[test]
fn the_brief_examples_without_diacritics() {
    // Pasted text that lost its diacritics still gives units and qualifiers.
    let found = all("doanh thu dat gan 36,3 ty USD, tang 17,7% so voi cung ky");
    assert_eq!(
        found[0],
        ("36,3 ty USD", 36.3e9, Unit::Usd, Qualifier::Nearly)
    );
    assert_eq!(found[1].1, 17.7);
}

// ---------------------------------------------------------------------------
// Properties: no input panics, every offset slices the text, every value is
// finite.

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, as_of: Option<Date>) {
        let mut last_end = 0;
        for f in Figures::new(text, as_of) {
            for s in [
                Some(f.span),
                Some(f.sentence),
                f.cue,
                f.derived.and_then(|d| d.compared),
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    s.start <= s.end && s.end <= text.len(),
                    "{s:?} in {} bytes",
                    text.len()
                );
                assert!(
                    text.get(s.start..s.end).is_some(),
                    "{s:?} splits a character"
                );
            }
            assert!(f.sentence.start <= f.span.start && f.span.end <= f.sentence.end);
            assert!(f.span.start >= last_end, "figures overlap or go back");
            last_end = f.span.end;
            assert!(f.value.is_finite() && f.precision.is_finite() && f.precision > 0.0);
            assert!(f.denominator.is_none_or(f64::is_finite));
            let (a, b) = f.span.utf16(text);
            assert_eq!(a, text[..f.span.start].encode_utf16().count());
            assert_eq!(b, text[..f.span.end].encode_utf16().count());
        }
    }

    /// Text made of the pieces reports are made of.
    fn reportish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[0-9]{1,25}",
            "[0-9]{1,3}(\\.[0-9]{3}){0,8}(,[0-9]{1,4})?",
            "[0-9]{1,4}/[0-9]{1,4}(/[0-9]{1,4})?",
            Just("1.000.000.000.000.000.000.000 tỷ".to_string()),
            Just(format!("1{}", ".000".repeat(133))),
            Just(format!("{}e400", "9".repeat(400))),
            prop::sample::select(vec![
                " ",
                ", ",
                ". ",
                "; ",
                "\n",
                "(",
                ")",
                "%",
                "/",
                "-",
                "–",
                "./.",
                " tỷ",
                " triệu",
                " nghìn tỷ đồng",
                " USD",
                " Mbps",
                " lần",
                "khoảng ",
                "hơn ",
                "gần ",
                "lên đến hơn ",
                "gấp ",
                "tăng ",
                "giảm ",
                "so với ",
                "năm ",
                "tháng ",
                "quý ",
                "Quý I/",
                "ngày ",
                "đến nay",
                "hiện nay ",
                "từ đầu năm ",
                "tính đến hết ",
                "mức độ ",
                "Top ",
                "xếp thứ ",
                "https://a.vn/1 ",
                "NĐ-CP",
                "đ",
                "ố\u{301}",
                "😀",
                "\u{300}",
            ])
            .prop_map(str::to_string),
            "\\PC{1,6}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_unicode(text in "\\PC{0,300}", y in 1i32..9999, d in 0i32..365) {
            let as_of = Date::first_of_year(y).add_days(d).ok();
            check(&text, as_of);
            check(&text, None);
        }

        #[test]
        fn report_like_text(text in reportish()) {
            check(&text, Some(date("2022-12-31")));
            check(&text, Some(date("9999-12-31")));
            check(&text, None);
        }

        #[test]
        fn any_bytes_as_text(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let text = String::from_utf8_lossy(&bytes);
            check(&text, None);
        }
    }

    #[test]
    fn huge_numbers_are_not_proposed() {
        for t in [
            "1.000.000.000.000.000.000.000 tỷ",
            &format!("{} nghìn tỷ đồng", "9".repeat(400)),
            &format!("1{} tỷ", ".000".repeat(133)),
            "999.999.999.999.999 nghìn tỷ đồng",
        ] {
            for f in Figures::new(t, None) {
                assert!(f.value.is_finite(), "{t}");
            }
        }
        // 15 significant digits are read; 16 are not proposed.
        assert_eq!(
            all("999.999.999.999.999 nghìn tỷ")[0].1,
            999_999_999_999_999e12
        );
        assert!(all("9.999.999.999.999.999 nghìn tỷ").is_empty());
    }

    #[test]
    fn a_long_paste_is_read_in_one_pass() {
        // Every report repeated to over a megabyte: the same figures each
        // time (the work is linear; the benchmark `extract` times it).
        let one_of_each: String = REPORT_TEXTS.iter().map(|(_, t)| format!("{t}\n")).collect();
        let once = Figures::new(&one_of_each, Some(date("2022-12-31"))).count();
        let times = (1 << 20) / one_of_each.len() + 1;
        let text = one_of_each.repeat(times);
        assert_eq!(
            Figures::new(&text, Some(date("2022-12-31"))).count(),
            once * times
        );
    }
}
