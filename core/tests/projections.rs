//! The whole projection pipeline on the built-in dataset: build each
//! indicator's series, choose a method, fit it, and analyse every target.
#![cfg(feature = "csv")]

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use dxcast_core::analytics::{Settings, TargetAnalysis};
use dxcast_core::basis::points_into;
use dxcast_core::choice::choose;
use dxcast_core::csv::{read, IndicatorRow, ObservationRow, ReportRow, TargetRow};
use dxcast_core::{Date, Observation, Point, Series, Subject};

const REPORTS: &str = include_str!("../../data/reports.csv");
const INDICATORS: &str = include_str!("../../data/indicators.csv");
const OBSERVATIONS: &str = include_str!("../../data/observations.csv");
const TARGETS: &str = include_str!("../../data/targets.csv");

struct Outcome {
    indicator: String,
    target: String,
    method: String,
    analysis: TargetAnalysis,
}

fn analyses(today: Date) -> (Vec<Outcome>, Vec<String>) {
    let reports: Vec<ReportRow> = read(REPORTS).unwrap().map(Result::unwrap).collect();
    let as_of = |id: &str| {
        reports
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.as_of)
            .unwrap()
    };
    let indicators: Vec<IndicatorRow> = read(INDICATORS).unwrap().map(Result::unwrap).collect();
    let mut observations: Vec<ObservationRow> =
        read(OBSERVATIONS).unwrap().map(Result::unwrap).collect();
    // Older reports first: on a shared date the later report wins.
    observations.sort_by_key(|o| as_of(o.report));
    let targets: Vec<TargetRow> = read(TARGETS).unwrap().map(Result::unwrap).collect();
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for t in &targets {
        let ind = indicators.iter().find(|i| i.id == t.indicator).unwrap();
        let obs: Vec<Observation> = observations
            .iter()
            .filter(|o| o.indicator == t.indicator)
            .map(|o| Observation {
                value: o.value,
                period: o.period,
                status: o.status,
                qualifier: o.qualifier,
                precision: o.precision,
            })
            .collect();
        let mut pts = [Point::new(Date::EPOCH, 0.0); 64];
        let n = points_into(ind.kind, &obs, &mut pts).unwrap();
        let Ok(series) = Series::new(
            &pts[..n],
            Subject::new(ind.kind, ind.unit, ind.bounds).unwrap(),
        ) else {
            skipped.push(format!("{}: no points", t.id));
            continue;
        };
        let choice = match choose(&series) {
            Ok(c) => c,
            Err(e) => {
                skipped.push(format!("{}: {e}", t.id));
                continue;
            }
        };
        let best = choice.best().unwrap();
        let fitted = best.model.fit(&series).unwrap();
        let target = t.target().unwrap();
        let settings = Settings {
            evidence: series.last_on_or_before(target.deadline),
            ..Settings::new(today, 0.95)
        };
        let analysis = fitted.analyse(&target, &settings).unwrap();
        out.push(Outcome {
            indicator: t.indicator.to_string(),
            target: t.id.to_string(),
            method: best.method().code().to_string(),
            analysis,
        });
    }
    (out, skipped)
}

fn find<'a>(out: &'a [Outcome], target: &str) -> &'a Outcome {
    out.iter()
        .find(|o| o.target == target)
        .unwrap_or_else(|| panic!("{target} not analysed"))
}

#[test]
fn every_target_with_enough_points_is_analysed() {
    let today = Date::from_ymd(2023, 4, 1).unwrap();
    let (out, skipped) = analyses(today);
    println!("\nTargets of the built-in dataset, as of {today}:");
    for o in &out {
        let a = &o.analysis;
        println!(
            "{:<32} {:<26} {:<7} latest {:>13.1} projected {:>13.1} [{:>13.1?}, {:>13.1?}] attainment {:>6.1?}% P {:.3?} reached {} {}",
            o.indicator, o.target, o.method, a.latest, a.projected, a.low, a.high, a.attainment,
            a.probability, a.reach_date.map_or("never".to_string(), |d| d.to_string()), a.status.code()
        );
    }
    for s in &skipped {
        println!("not analysed: {s}");
    }
    // Every target with 2 or more points of its indicator is analysed; the
    // others have 0 or 1 point in the reports.
    assert_eq!(out.len(), 6);
    assert_eq!(skipped.len(), 9);
    assert!(skipped
        .iter()
        .all(|s| s.contains("no points") || s.contains("but 1 were given")));
}

#[test]
fn statuses_agree_with_what_the_reports_say() {
    let (out, _) = analyses(Date::from_ymd(2023, 4, 1).unwrap());
    // "tỷ lệ dịch vụ công đủ kiều kiện được cung cấp trực tuyến mức độ 4 là
    // 97,3%" at the end of 2022 against the 2022 plan of 100 %: missed.
    let a = &find(&out, "t-r000-level4-2022").analysis;
    assert_eq!(a.latest, 97.3);
    assert_eq!(a.status.code(), "off_track");
    // 52,8 % of dossiers "vượt 2% so với kế hoạch năm 2022" (plan 50 %).
    let a = &find(&out, "t-r000-processed-2022").analysis;
    assert_eq!(a.status.code(), "achieved");
    assert!((a.attainment.unwrap() - 100.0 * 52.8 / 50.0).abs() < 1e-9);
    // "52,80%, vượt chỉ tiêu đề ra năm 2022 (50%)", even though a later
    // report gives 38,3 % under another definition.
    let a = &find(&out, "t-r004-submitted-2022").analysis;
    assert_eq!(a.status.code(), "achieved");
    assert_eq!(a.latest, 38.3);
}

#[test]
fn ndxp_2023_target_from_daily_rates() {
    let (out, _) = analyses(Date::from_ymd(2023, 4, 1).unwrap());
    let o = find(&out, "t-r001-ndxp-2023");
    let a = &o.analysis;
    assert_eq!(o.method, "linear");
    // The latest figure is Q1 2023's "hơn 111 triệu", 90 days, as a yearly total.
    assert!((a.latest - 111e6 * 365.0 / 90.0).abs() < 1e-3);
    assert!((a.attainment.unwrap() - 100.0 * 111e6 * 365.0 / 90.0 / 860e6).abs() < 1e-9);
    // The projection, recomputed with the textbook closed form of a straight
    // line (slope Sxy/Sxx) through the four daily rates at their periods' middles.
    let d = |y, m, dd| Date::from_ymd(y, m, dd).unwrap();
    let origin = d(2021, 7, 2);
    let pts = [
        (d(2021, 7, 2), 180e6 / 365.0),
        (d(2022, 7, 2), 860e6 / 365.0),
        (d(2022, 9, 15), 58_397_139.0 / 30.0),
        (d(2023, 2, 14), 111e6 / 90.0),
    ];
    let t = |date: Date| f64::from(origin.days_until(date)) / 365.2425;
    let n = pts.len() as f64;
    let mt = pts.iter().map(|p| t(p.0)).sum::<f64>() / n;
    let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
    let sxy: f64 = pts.iter().map(|p| (t(p.0) - mt) * (p.1 - my)).sum();
    let sxx: f64 = pts.iter().map(|p| (t(p.0) - mt).powi(2)).sum();
    let rate = my + sxy / sxx * (t(d(2023, 7, 2)) - mt);
    assert!(
        (a.projected / (rate * 365.0) - 1.0).abs() < 1e-12,
        "{} vs {}",
        a.projected,
        rate * 365.0
    );
    assert!(a.low.unwrap() < a.projected && a.projected < a.high.unwrap());
    assert!(a.probability.unwrap() > 0.0 && a.probability.unwrap() < 1.0);
    // The ">" and ">=" versions of the same target (r001, r003) differ only in
    // the strictness, which a continuous projection does not see.
    let b = &find(&out, "t-r003-ndxp-2023").analysis;
    assert_eq!(a.projected, b.projected);
    assert_eq!(a.status, b.status);
}
