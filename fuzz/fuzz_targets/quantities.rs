//! A quantity from any figures: every point finite, one point per date in
//! the series, conflicts that name points that exist, evidence in range.
#![no_main]

use dxcast_core::quantity::{
    evidence, measure_into, series_into, Conflict, Measured, QuantityPoint, Rule,
};
use dxcast_core::{Comparison, MeasureKind, Observation, Period, Point, Qualifier, Status, Target};
use dxcast_fuzz::{finite, Bytes};
use libfuzzer_sys::fuzz_target;

const KINDS: [MeasureKind; 5] = [
    MeasureKind::Flow,
    MeasureKind::YearToDate,
    MeasureKind::DailyAverage,
    MeasureKind::Cumulative,
    MeasureKind::Stock,
];

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let n = b.below(16);
    let mut figures = Vec::new();
    for _ in 0..n {
        let (x, y) = (b.date(), b.date());
        let period = if b.u8() < 128 {
            Period::day(x)
        } else {
            let Ok(p) = Period::range(x.min(y), x.max(y)) else {
                continue;
            };
            p
        };
        figures.push(Measured {
            kind: KINDS[b.below(KINDS.len())],
            observation: Observation {
                value: b.f64(),
                period,
                status: Status::ALL[b.below(3)],
                qualifier: Qualifier::ALL[b.below(Qualifier::ALL.len())],
                precision: b.f64(),
            },
            since: (b.u8() < 128).then(|| b.date()),
            definition: u32::from(b.u8() % 3),
        });
    }
    let rule = Rule::ALL[b.below(Rule::ALL.len())];
    let mut points = vec![QuantityPoint::PLACEHOLDER; n];
    let mut conflicts = vec![Conflict { a: 0, b: 0 }; n * n];
    let Ok(m) = measure_into(&figures, rule, &mut points, &mut conflicts) else {
        return;
    };
    let points = &points[..m.points];
    for p in points {
        finite(p.point.value, "point");
        finite(p.low, "low");
        finite(p.high, "high");
        assert!(p.source < figures.len());
    }
    for c in &conflicts[..m.conflicts] {
        assert!(c.a < points.len() && c.b < points.len() && c.a != c.b);
    }
    let mut series = vec![Point::new(dxcast_core::Date::EPOCH, 0.0); points.len()];
    let k = series_into(points, &mut series).unwrap();
    assert!(
        series[..k].windows(2).all(|w| w[0].date < w[1].date),
        "{:?}",
        &series[..k]
    );
    if let Ok(t) = Target::new(b.f64(), b.date(), Comparison::AtLeast) {
        let e = evidence(&figures, points, &t);
        for p in [e.after, e.before].into_iter().flatten() {
            finite(p.value, "evidence");
        }
    }
});
