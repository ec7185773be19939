#![cfg(not(target_arch = "wasm32"))]
//! Properties of the model, the analytics and the text readers on random
//! inputs (native only: proptest).
//!
//! - No input of floats, finite or not, makes target analytics, method
//!   choice, scenarios, conversions, growth or claim checks panic.
//! - No text, however malformed, makes the date, period, number or CSV
//!   readers panic.
//! - Every number an analysis, a scenario or an explanation gives is finite
//!   or explicitly unknown (`None`); probabilities lie in [0, 1];
//!   scenario paths of shares stay within 0–100; a scenario that changes
//!   nothing predicts exactly what its base predicts.

use dxcast_core::analytics::Settings;
use dxcast_core::basis::points_into;
use dxcast_core::choice::choose;
use dxcast_core::claim::{Claim, ClaimKind};
use dxcast_core::convert::{
    daily_average, extrapolate, flow_between, period_total, run_rate, share_change,
};
use dxcast_core::growth::{cagr, multiple, point_change, relative_change};
use dxcast_core::number::parse_vi;
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock, WhatIf};
use dxcast_core::Figure;
use dxcast_core::{
    Bounds, Comparison, Date, MeasureKind, Observation, Period, Point, Predictor, Qualifier,
    Series, Status, Target, Unit,
};
use dxcast_core::{Model, Subject};
use proptest::prelude::*;

/// Any float, with the awkward ones over-represented.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => any::<f64>(),
        3 => -1e3..1e3f64,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(0.0),
        1 => Just(-0.0),
        1 => Just(f64::MAX),
        1 => Just(f64::MIN_POSITIVE),
        1 => Just(1e300),
    ]
}

fn any_date() -> impl Strategy<Value = Date> {
    (-800_000i32..3_000_000).prop_map(|n| Date::from_day_number(n).unwrap_or(Date::EPOCH))
}

fn near_date() -> impl Strategy<Value = Date> {
    (18_000i32..22_000).prop_map(|n| Date::from_day_number(n).unwrap_or(Date::EPOCH))
}

fn bounds() -> impl Strategy<Value = Bounds> {
    prop_oneof![
        Just(Bounds::NONE),
        Just(Bounds::PERCENT),
        Just(Bounds::NON_NEGATIVE),
        Just(Bounds::RANK)
    ]
}

fn kind() -> impl Strategy<Value = MeasureKind> {
    prop::sample::select(MeasureKind::ALL.to_vec())
}

fn unit() -> impl Strategy<Value = Unit> {
    prop::sample::select(Unit::ALL.to_vec())
}

fn comparison() -> impl Strategy<Value = Comparison> {
    prop::sample::select(Comparison::ALL.to_vec())
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(Qualifier::ALL.to_vec())
}

/// A series of 2 to 8 points, dates 1 to 400 days apart from 2020.
fn series_points() -> impl Strategy<Value = Vec<Point>> {
    (
        prop::collection::vec(1i32..400, 1..8),
        prop::collection::vec(any_float(), 8),
    )
        .prop_map(|(gaps, values)| {
            let mut day = 18_262; // 2020-01-01
            let mut out = Vec::new();
            for (k, v) in values.iter().enumerate().take(gaps.len() + 1) {
                if k > 0 {
                    day += gaps[k - 1];
                }
                out.push(Point::new(Date::from_day_number(day).unwrap(), *v));
            }
            out
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn analytics_choice_and_scenarios_never_panic(
        pts in series_points(),
        b in bounds(),
        k in kind(),
        u in unit(),
        cmp in comparison(),
        target in any_float(),
        deadline in near_date(),
        today in any_date(),
        level in any_float(),
        rate in any_float(),
        shock in any_float(),
        from in near_date(),
        at in near_date(),
    ) {
        let Ok(series) = Series::new(&pts, Subject { kind: k, unit: u, bounds: b }) else { return Ok(()) };
        let Ok(choice) = choose(&series) else { return Ok(()) };
        let _ = choice.explain();
        let Some(best) = choice.best() else { return Ok(()) };
        let Ok(fit) = best.model.fit(&series) else { return Ok(()) };
        let ctx = Settings::new(today, level);
        let scenario = Scenario {
            growth: Some(GrowthOverride { from, rate, per: Per::Month }),
            shock: Some(Shock { at, size: shock }),
            target: None,
        };
        let Ok(t) = Target::new(target, deadline, cmp) else { return Ok(()) };
        if let Ok(a) = fit.analyse(&t, &ctx) {
            prop_assert!(a.probability.is_none_or(|p| (0.0..=1.0).contains(&p)));
            prop_assert!(a.projected.is_finite() && a.latest.is_finite() && a.gap.is_finite());
            for v in [a.low, a.high, a.attainment, a.ratio, a.required.cagr, a.required.daily,
                      a.required.points_per_year, a.projected_growth.cagr] {
                prop_assert!(v.is_none_or(f64::is_finite), "{a:?}");
            }
            for q in [
                dxcast_core::analytics::Quantity::Projected,
                dxcast_core::analytics::Quantity::Attainment,
                dxcast_core::analytics::Quantity::Gap,
                dxcast_core::analytics::Quantity::Required,
                dxcast_core::analytics::Quantity::ReachDate,
                dxcast_core::analytics::Quantity::Probability,
                dxcast_core::analytics::Quantity::Status,
            ] {
                if let Ok(e) = a.explain(q) {
                    prop_assert!(e.result.is_none_or(f64::is_finite));
                    prop_assert!(e.terms.iter().all(|t| t.value.is_none_or(f64::is_finite)));
                }
            }
        }
        if let Ok(w) = fit.with_scenario(scenario) {
            if let Ok(a) = w.analyse(&t, &ctx) {
                prop_assert!(a.projected.is_finite());
                prop_assert!(a.probability.is_none_or(|p| (0.0..=1.0).contains(&p)));
            }
            let _ = w.explain(at);
            if let Ok(p) = w.predict(deadline) {
                let y = p.point_within(b);
                prop_assert!(b.contains(y) || y.is_nan(), "{y} outside {b:?}");
            }
        }
    }

    #[test]
    fn a_scenario_that_changes_nothing_predicts_the_base(
        pts in series_points(),
        at in near_date(),
    ) {
        let Ok(series) = Series::new(&pts, Subject { kind: MeasureKind::Stock, unit: Unit::Count, bounds: Bounds::NONE }) else { return Ok(()) };
        let Ok(fit) = Model::Linear(dxcast_core::LinearTrend::new()).fit(&series) else { return Ok(()) };
        let w = WhatIf::new(fit, Scenario::default()).unwrap();
        match (fit.predict(at), w.predict(at)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "{a:?} vs {b:?}"),
        }
        // Zero growth from any date keeps the base projection's value on
        // that date: flat, and continuous with the base where it starts.
        for from in [fit.latest().date, at] {
            let flat = Scenario {
                growth: Some(GrowthOverride { from, rate: 0.0, per: Per::Year }),
                ..Scenario::default()
            };
            let w = WhatIf::new(fit, flat).unwrap();
            let start = from.max(fit.latest().date);
            let later = start.add_days(400).unwrap_or(start);
            if let (Ok(y0), Ok(p)) = (fit.value_at(start), w.predict(later)) {
                let y = p.point();
                prop_assert!((y - y0).abs() <= 1e-9 * (1.0 + y.abs()), "{y} vs {y0}");
            }
        }
    }

    #[test]
    fn building_series_never_panics(
        values in prop::collection::vec(any_float(), 0..12),
        starts in prop::collection::vec(18_000i32..22_000, 12),
        lengths in prop::collection::vec(0i32..400, 12),
        statuses in prop::collection::vec(0usize..3, 12),
        k in kind(),
        cap in 0usize..16,
    ) {
        let obs: Vec<Observation> = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let start = Date::from_day_number(starts[i]).unwrap();
                let end = start.add_days(lengths[i]).unwrap();
                Observation {
                    value: *v,
                    period: Period::range(start, end).unwrap(),
                    status: Status::ALL[statuses[i]],
                    qualifier: Qualifier::Exact,
                    precision: 0.0,
                }
            })
            .collect();
        let mut out = vec![Point::new(Date::EPOCH, 0.0); cap];
        if let Ok(n) = points_into(k, &obs, &mut out) {
            prop_assert!(n <= cap);
            prop_assert!(out[..n].windows(2).all(|w| w[0].date < w[1].date));
        }
    }

    #[test]
    fn conversions_growth_and_claims_never_panic(
        a in any_float(),
        b in any_float(),
        c in any_float(),
        p in any_float(),
        q in qualifier(),
        d1 in any_date(),
        d2 in any_date(),
        kind_pick in 0usize..10,
        n_inputs in 0usize..9,
    ) {
        let _ = run_rate(a, d1);
        if let Ok(e) = Period::range(d1.min(d2), d1.max(d2)) {
            let _ = daily_average(a, e).map(|r| r.explain());
            let _ = period_total(a, e).map(|r| r.explain());
            if let Ok(y) = Period::year(d2.year()) {
                let _ = extrapolate(a, e, y).map(|r| r.explain());
            }
        }
        let _ = flow_between(Point::new(d1, a), Point::new(d2, b)).map(|f| f.explain());
        let _ = share_change(a, b).map(|s| (s.explain_points(), s.explain_relative()));
        let _ = relative_change(a, b).map(|x| x.explain());
        let _ = point_change(a, b).map(|x| x.explain());
        let _ = multiple(a, b).map(|x| x.explain());
        let _ = cagr(Point::new(d1, a), Point::new(d2, b)).map(|x| x.explain());
        let _ = q.range(a, p);
        let kind = ClaimKind::ALL[kind_pick];
        let stated = Figure::stated(c, p, q).ok();
        let mut claim = Claim::new(kind, stated);
        if let Ok(period) = Period::range(d1.min(d2), d1.max(d2)) {
            claim = claim.during(period);
        }
        for i in 0..n_inputs {
            let f = Figure::stated(if i % 2 == 0 { a } else { b }, p, q).ok();
            if claim.push(f).is_err() {
                break;
            }
        }
        if let Ok(check) = claim.check() {
            prop_assert!(check.recomputed.is_none_or(|r| r.lo() <= r.hi()));
        }
    }

    #[test]
    fn text_readers_never_panic(text in ".{0,40}", bytes in prop::collection::vec(any::<u8>(), 0..60)) {
        let lossy = String::from_utf8_lossy(&bytes);
        for t in [text.as_str(), lossy.as_ref()] {
            let _ = Date::parse_iso(t);
            let _ = Date::parse_dmy(t);
            let _ = Period::parse(t);
            let _ = parse_vi(t);
            let _ = MeasureKind::from_code(t);
            let _ = Comparison::from_code(t);
        }
    }

    #[cfg(feature = "csv")]
    #[test]
    fn the_csv_reader_never_panics(body in "[a-z0-9,\"\\r\\n ;.%-]{0,200}") {
        use dxcast_core::csv::{read, ObservationRow, IndicatorRow, ClaimRow, TargetRow};
        let header = "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note\n";
        let text = format!("{header}{body}");
        if let Ok(rows) = read::<ObservationRow>(&text) {
            for r in rows { let _ = r.map(|r| (r.figure(), r.denominator_figure())); }
        }
        let _ = read::<IndicatorRow>(&body).map(|rows| rows.count());
        let _ = read::<TargetRow>(&body).map(|rows| rows.count());
        let _ = read::<ClaimRow>(&body).map(|rows| rows.count());
    }
}
