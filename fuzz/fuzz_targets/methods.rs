//! Every method on any series: fit, forecast, analysis, what-if and method
//! choice. Each result is finite or explicitly unknown, a forecast's
//! interval holds its point within the bounds, and a verdict agrees with its
//! numbers.
#![no_main]

use dxcast_core::analytics::{Quantity, Settings};
use dxcast_core::basis::Basis;
use dxcast_core::choice::choose;
use dxcast_core::forecast::{ForecastPoint, Horizon, Step};
use dxcast_core::scenario::{GrowthOverride, Per, Scenario, Shock};
use dxcast_core::{
    Bounds, Comparison, Date, Evidence, MeasureKind, Method, ModelSpec, Series, Subject, Target,
    TargetAnalysis, TargetStatus, Unit,
};
use dxcast_fuzz::{finite, known, Bytes};
use libfuzzer_sys::fuzz_target;

fn check_path(path: &[ForecastPoint], bounds: Bounds) {
    for p in path {
        finite(p.point, "point");
        known(p.lo, "lo");
        known(p.hi, "hi");
        assert!(bounds.contains(p.point), "{p:?} outside {bounds:?}");
        assert!(
            p.lo.is_none_or(|lo| lo <= p.point) && p.hi.is_none_or(|hi| p.point <= hi),
            "{p:?}"
        );
    }
}

fn check_analysis(a: &TargetAnalysis) {
    finite(a.projected, "projected");
    finite(a.latest, "latest");
    finite(a.gap, "gap");
    for v in [
        a.low,
        a.high,
        a.attainment,
        a.ratio,
        a.required.cagr,
        a.required.points_per_year,
    ] {
        known(v, "analysis");
    }
    if let Some(p) = a.probability {
        assert!((0.0..=1.0).contains(&p), "{p}");
    }
    assert!(a.low.is_none_or(|lo| lo <= a.projected) && a.high.is_none_or(|hi| a.projected <= hi));
    let meets = a.meets(a.projected);
    match a.status {
        TargetStatus::OnTrack => assert!(meets, "{a:?}"),
        TargetStatus::NeedsAcceleration | TargetStatus::OffTrack => assert!(!meets, "{a:?}"),
        TargetStatus::Missed => assert_eq!(a.facts.after_meets, Some(false)),
        TargetStatus::Achieved => assert!(a.judged_by.is_some_and(|p| a.meets(p.value))),
        _ => {}
    }
    if a.judged_by.is_none() {
        // A target on a total is the total of its deadline's calendar year
        // (`basis::evaluation`), reached on the day its year-to-date total
        // meets it: by the end of that year exactly when the projected
        // total does.
        let by = match Basis::for_kind(a.subject.kind) {
            Basis::DailyRate => Date::last_of_year(a.target.deadline.year()),
            _ => a.target.deadline,
        };
        let early = a.reach_date.is_some_and(|r| r <= by);
        assert_eq!(early, meets, "{a:?}");
    }
    for q in Quantity::ALL {
        if let Ok(e) = a.explain(q) {
            known(e.result, "explanation");
            for t in &e.terms {
                known(t.value, "term");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let kind = MeasureKind::ALL[b.below(MeasureKind::ALL.len())];
    let unit = Unit::ALL[b.below(Unit::ALL.len())];
    let bounds = match b.u8() % 4 {
        0 => Bounds::for_kind(kind),
        1 => Bounds::NONE,
        2 => Bounds::PERCENT,
        _ => Bounds {
            min: Some(b.f64()),
            max: Some(b.f64()),
        },
    };
    let Ok(subject) = Subject::new(kind, unit, bounds) else {
        return;
    };
    let pts = b.points(12);
    let Ok(series) = Series::new(&pts, subject) else {
        return;
    };
    let mut spec = ModelSpec::new(Method::ALL[b.below(Method::ALL.len())]);
    for key in [
        "degree",
        "cap",
        "alpha",
        "beta",
        "phi",
        "initial_level",
        "initial_trend",
        "step_days",
    ] {
        if b.u8() < 40 {
            let _ = spec.set(key, b.f64());
        }
    }
    let mut models = Vec::new();
    if let Ok(m) = spec.model() {
        models.push(m);
    }
    if let Ok(choice) = choose(&series) {
        let _ = choice.explain();
        models.extend(choice.ranked.iter().map(|r| r.model));
    }
    let level = if b.u8() < 200 { 0.95 } else { b.f64() };
    let target = Target::new(b.f64(), b.date(), Comparison::ALL[b.below(4)]);
    let mut settings = Settings::new(b.date(), level);
    if let Ok(t) = target {
        settings.evidence = Evidence::of_levels(series.points(), t.deadline);
    }
    let scenario = Scenario {
        growth: (b.u8() < 128).then(|| GrowthOverride {
            from: b.date(),
            rate: b.f64(),
            per: if b.u8() < 128 { Per::Year } else { Per::Month },
        }),
        shock: (b.u8() < 64).then(|| Shock {
            at: b.date(),
            size: b.f64(),
        }),
        target: None,
    };
    let horizon = Horizon::After {
        start: series.last().date,
        step: if b.u8() < 128 {
            Step::Months(1 + b.below(24) as u32)
        } else {
            Step::Days(b.below(5000) as u32)
        },
        count: 6,
    };
    let mut out = [ForecastPoint::default(); 6];
    let mut fitted_values = [0.0; 12];
    for model in models {
        let Ok(fitted) = model.fit(&series) else {
            continue;
        };
        let s = fitted.summary();
        finite(s.sse, "sse");
        known(s.residual_sd, "residual sd");
        if let Ok(n) = fitted.fitted_into(&series, &mut fitted_values) {
            fitted_values[..n].iter().for_each(|v| finite(*v, "fitted"));
        }
        if let Ok(e) = fitted.explain() {
            e.terms.iter().for_each(|t| known(t.value, "fit term"));
        }
        if let Ok(n) = fitted.forecast_into(horizon, level, &mut out) {
            check_path(&out[..n], bounds);
        }
        if let Ok(t) = target {
            if let Ok(a) = fitted.analyse(&t, &settings) {
                check_analysis(&a);
            }
        }
        if let Ok(w) = fitted.with_scenario(scenario) {
            if let Ok(n) = w.forecast_into(horizon, level, &mut out) {
                check_path(&out[..n], bounds);
            }
            if let Ok(t) = target {
                if let Ok(a) = w.analyse(&t, &settings) {
                    check_analysis(&a);
                }
            }
            if let Ok(e) = w.explain(series.last().date) {
                known(e.result, "scenario");
            }
        }
        if let Some(g) = scenario.growth {
            if let Some(f) = dxcast_core::scenario::implausible(&series, &g) {
                known(f.per_year, "implausible rate");
                finite(f.limit, "limit");
            }
        }
    }
});
