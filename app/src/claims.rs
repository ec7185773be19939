//! The derived figures of `data/claims.csv`, each run through the core's
//! claim checker against the current data (an edited figure changes the
//! checks that use it), in file order since a claim may use those before it.

use std::collections::HashMap;

use dxcast_core::csv::{
    check_claims, ClaimOutcome, ClaimRow, ObservationRow, Origin, Ref, TargetRow, Text,
};
use dxcast_core::{
    Check, ClaimKind, Error, Field, Interval, Period, Qualifier, Symbol, Unit, Verdict,
};

use crate::dataset::{in_lang, Dataset};
use crate::lang::Lang;
use crate::measure::Measure;

/// One input of a claim, as the claims file refers to it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimInput {
    /// The reference as written (`o:r001-ndxp-ytd`).
    pub reference: String,
    /// What kind of reference.
    pub kind: ClaimInputKind,
    /// The id it points to (empty for `?`, the number for `n:`).
    pub id: String,
    /// The indicator of a figure or target, for a link.
    pub indicator: Option<String>,
    /// What its value is.
    pub measure: Measure,
}

/// The kinds of reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimInputKind {
    /// `o:`
    Observation,
    /// `d:`
    Denominator,
    /// `t:`
    Target,
    /// `c:`
    Claim,
    /// `s:`
    Stated,
    /// `n:`
    Number,
    /// `?`
    Missing,
}

/// A claim and its check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaim {
    /// Its id.
    pub id: &'static str,
    /// The report whose figure it checks.
    pub report: &'static str,
    /// Derived by the report or a cross-check.
    pub origin: Origin,
    /// What is derived.
    pub kind: ClaimKind,
    /// The period of the derived figure.
    pub period: Option<Period>,
    /// The figure as written, or empty.
    pub stated: &'static str,
    /// Its qualifier.
    pub qualifier: Option<Qualifier>,
    /// The stated figure's value.
    pub value: Option<f64>,
    /// The report's words.
    pub quote: String,
    /// A plain English rendering of the report's words.
    pub quote_en: String,
    /// The hand arithmetic (English).
    pub note: String,
    /// The hand arithmetic (Vietnamese).
    pub note_vi: String,
    /// The verdict DATA.md works out by hand.
    pub expected: Verdict,
    /// The inputs.
    pub inputs: Vec<ClaimInput>,
    /// What the derived figure is.
    pub measure: Measure,
    /// The check, or the error of a malformed claim.
    pub check: Result<Check, Error>,
    /// The position in the file.
    pub index: usize,
}

impl CheckedClaim {
    /// Its hand arithmetic in `lang`, or else in the other language, with
    /// the language it is in; `None` when it has none.
    #[must_use]
    pub fn note_in(&self, lang: Lang) -> Option<(&str, Lang)> {
        in_lang(&self.note, &self.note_vi, lang)
    }

    /// The verdict (a claim that could not be built cannot be checked).
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        self.check
            .as_ref()
            .map_or(Verdict::CannotCheck, |c| c.verdict)
    }

    /// The recomputed interval.
    #[must_use]
    pub fn recomputed(&self) -> Option<Interval> {
        self.check.as_ref().ok().and_then(|c| c.recomputed)
    }
}

/// What each term of a check's explanation is: the inputs as their
/// sources, day counts as plain numbers, the stated figure and the
/// recomputed ends as the derived figure.
#[must_use]
pub fn term_measures(c: &CheckedClaim) -> Vec<Measure> {
    let Ok(check) = &c.check else {
        return Vec::new();
    };
    check
        .explanation
        .terms
        .iter()
        .enumerate()
        .map(|(i, term)| match c.inputs.get(i) {
            Some(input) => input.measure,
            _ => match term.symbol {
                Symbol::Stated | Symbol::Low | Symbol::High | Symbol::Result => c.measure,
                _ => Measure::Plain,
            },
        })
        .collect()
}

/// What a claim's derived figure is, from its kind and its inputs.
fn measure_of(kind: ClaimKind, inputs: &[ClaimInput]) -> Measure {
    match kind {
        ClaimKind::Multiple => Measure::Unit(Unit::Times),
        ClaimKind::Share | ClaimKind::ShareOfTarget | ClaimKind::RelativeChange => {
            Measure::Unit(Unit::Percent)
        }
        ClaimKind::PointChange => Measure::Points,
        _ => inputs
            .iter()
            .map(|i| i.measure)
            .find(|m| *m != Measure::Plain)
            .unwrap_or(Measure::Plain),
    }
}

/// The dataset's figures as the core's observation rows (for the claim runner).
fn observation_rows(data: &Dataset) -> Vec<ObservationRow<'_>> {
    data.observations
        .iter()
        .map(|o| ObservationRow {
            line: 0,
            id: &o.id,
            indicator: &o.indicator,
            period: o.obs.period,
            status: o.obs.status,
            qualifier: o.obs.qualifier,
            value: o.obs.value,
            stated: &o.stated,
            precision: o.obs.precision,
            denominator: &o.denominator,
            denominator_value: o.denominator_value,
            report: &o.report,
            quote: Text::plain(&o.quote),
            note: Text::plain(&o.note),
            quote_en: Text::plain(&o.quote_en),
            note_vi: Text::plain(&o.note_vi),
            definition: Some(o.definition.as_str()).filter(|d| !d.is_empty()),
        })
        .collect()
}

/// The dataset's targets as the core's target rows.
fn target_rows(data: &Dataset) -> Vec<TargetRow<'_>> {
    data.targets
        .iter()
        .map(|t| TargetRow {
            line: 0,
            id: &t.id,
            indicator: &t.indicator,
            period: t.period,
            comparison: t.comparison,
            value: t.value,
            stated: &t.stated,
            report: &t.report,
            quote: Text::plain(&t.quote),
            note: Text::plain(&t.note),
            quote_en: Text::plain(&t.quote_en),
            note_vi: Text::plain(&t.note_vi),
        })
        .collect()
}

/// Runs every claim of the dataset through the core's claim-set runner
/// ([`check_claims`]), in file order, and describes each input for display.
#[must_use]
pub fn check_all(data: &Dataset) -> Vec<CheckedClaim> {
    let observations = observation_rows(data);
    let targets = target_rows(data);
    let unchecked = Error::Empty {
        what: Field::Outcomes,
    };
    let mut outcomes: Vec<Result<ClaimOutcome, Error>> = vec![Err(unchecked); data.claims.len()];
    let mut index = vec![0; data.claims.len() + observations.len() + targets.len()];
    if let Err(e) = check_claims(
        &data.claims,
        &observations,
        &targets,
        &mut outcomes,
        &mut index,
    ) {
        outcomes.iter_mut().for_each(|o| *o = Err(e));
    }
    let mut measures: HashMap<&str, Measure> = HashMap::new();
    let mut out = Vec::with_capacity(data.claims.len());
    for (index, (row, outcome)) in data.claims.iter().zip(outcomes).enumerate() {
        let unit_of = |indicator: &str| {
            data.indicator(indicator)
                .map_or(Measure::Plain, |i| Measure::Unit(i.unit))
        };
        let inputs: Vec<ClaimInput> = row
            .refs()
            .map(|r| {
                let (kind, id, indicator, measure) = match r {
                    Ref::Observation(id) => {
                        let ind = data.observation(id).map(|o| o.indicator.clone());
                        let m = ind.as_deref().map_or(Measure::Plain, unit_of);
                        (ClaimInputKind::Observation, id, ind, m)
                    }
                    Ref::Denominator(id) => {
                        let ind = data.observation(id).map(|o| o.indicator.clone());
                        (ClaimInputKind::Denominator, id, ind, Measure::Plain)
                    }
                    Ref::Target(id) => {
                        let ind = data.target(id).map(|t| t.indicator.clone());
                        let m = ind.as_deref().map_or(Measure::Plain, unit_of);
                        (ClaimInputKind::Target, id, ind, m)
                    }
                    Ref::Claim(id) => (
                        ClaimInputKind::Claim,
                        id,
                        None,
                        measures.get(id).copied().unwrap_or(Measure::Plain),
                    ),
                    Ref::Stated(id) => (
                        ClaimInputKind::Stated,
                        id,
                        None,
                        measures.get(id).copied().unwrap_or(Measure::Plain),
                    ),
                    Ref::Number(n) => (ClaimInputKind::Number, n, None, Measure::Plain),
                    Ref::Missing => (ClaimInputKind::Missing, "", None, Measure::Plain),
                };
                let reference = match kind {
                    ClaimInputKind::Missing => "?".to_string(),
                    _ => format!("{}:{id}", &reference_prefix(kind)),
                };
                ClaimInput {
                    reference,
                    kind,
                    id: id.to_string(),
                    indicator,
                    measure,
                }
            })
            .collect();
        let measure = measure_of(row.kind, &inputs);
        measures.insert(row.id, measure);
        let check = outcome.map(|o| o.check);
        out.push(checked(row, index, inputs, measure, check));
    }
    out
}

const fn reference_prefix(kind: ClaimInputKind) -> &'static str {
    match kind {
        ClaimInputKind::Observation => "o",
        ClaimInputKind::Denominator => "d",
        ClaimInputKind::Target => "t",
        ClaimInputKind::Claim => "c",
        ClaimInputKind::Stated => "s",
        ClaimInputKind::Number => "n",
        ClaimInputKind::Missing => "?",
    }
}

fn checked(
    row: &ClaimRow<'static>,
    index: usize,
    inputs: Vec<ClaimInput>,
    measure: Measure,
    check: Result<Check, Error>,
) -> CheckedClaim {
    CheckedClaim {
        id: row.id,
        report: row.report,
        origin: row.origin,
        kind: row.kind,
        period: row.period,
        stated: row.stated,
        qualifier: row.qualifier,
        value: row.value,
        quote: row.quote.to_string(),
        quote_en: row.quote_en.to_string(),
        note: row.note.to_string(),
        note_vi: row.note_vi.to_string(),
        expected: row.expected,
        inputs,
        measure,
        check,
        index,
    }
}

/// Where a verdict sorts: inconsistencies first, then what cannot be
/// checked, then agreements.
#[must_use]
pub const fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Disagree => 0,
        Verdict::CannotCheck => 1,
        Verdict::Agree => 2,
    }
}

/// The claims to show: those that pass the filters, disagreements first,
/// then cannot-check, then agreements, each in file order.
#[must_use]
pub fn ordered<'a>(
    all: &'a [CheckedClaim],
    verdict: Option<Verdict>,
    report: Option<&str>,
) -> Vec<&'a CheckedClaim> {
    let mut shown: Vec<&CheckedClaim> = all
        .iter()
        .filter(|c| verdict.is_none_or(|v| c.verdict() == v))
        .filter(|c| report.is_none_or(|r| c.report == r))
        .collect();
    shown.sort_by_key(|c| (rank(c.verdict()), c.index));
    shown
}

/// The number of claims with each verdict: disagree, cannot check, agree.
#[must_use]
pub fn tally(claims: &[&CheckedClaim]) -> (usize, usize, usize) {
    let count = |v: Verdict| claims.iter().filter(|c| c.verdict() == v).count();
    (
        count(Verdict::Disagree),
        count(Verdict::CannotCheck),
        count(Verdict::Agree),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Table, UserData};

    fn all() -> Vec<CheckedClaim> {
        check_all(&Dataset::builtin().unwrap())
    }

    fn find<'a>(claims: &'a [CheckedClaim], id: &str) -> &'a CheckedClaim {
        claims.iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn every_claim_gets_the_verdict_worked_out_by_hand() {
        let claims = all();
        // data/claims.csv's rows.
        assert_eq!(claims.len(), crate::dataset::CLAIMS_CSV.lines().count() - 1);
        assert!(claims.len() >= 77);
        for c in &claims {
            assert!(c.check.is_ok(), "{}: {:?}", c.id, c.check);
            assert_eq!(c.verdict(), c.expected, "{}", c.id);
        }
        // The tally DATA.md gives: 12 disagree, 31 cannot be checked, 34 agree.
        let refs: Vec<&CheckedClaim> = claims.iter().collect();
        assert_eq!(tally(&refs), (12, 31, 34));
    }

    #[test]
    fn disagreements_come_first_then_cannot_check_then_agreements() {
        let claims = all();
        let shown = ordered(&claims, None, None);
        let ranks: Vec<u8> = shown.iter().map(|c| rank(c.verdict())).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(shown[0].verdict(), Verdict::Disagree);
        assert_eq!(shown.last().unwrap().verdict(), Verdict::Agree);
        let r001_disagree = ordered(&claims, Some(Verdict::Disagree), Some("r001"));
        assert!(r001_disagree.iter().any(|c| c.id == "c-r001-ndxp-daily"));
        assert!(r001_disagree.iter().all(|c| c.report == "r001"));
    }

    #[test]
    fn the_ndxp_figures_of_report_001() {
        let claims = all();
        // "khoảng 2,1 triệu" a day: 806 million over 342 days is 2,355–2,358 million.
        let daily = find(&claims, "c-r001-ndxp-daily");
        assert_eq!(daily.verdict(), Verdict::Disagree);
        assert_eq!(daily.measure, Measure::Unit(Unit::Count));
        let r = daily.recomputed().unwrap();
        assert!(r.lo() > 2.355e6 && r.hi() < 2.359e6);
        // 806 million × 365 / 342 ≈ 860 million: agree.
        let rate = find(&claims, "c-r001-ndxp-run-rate");
        assert_eq!(rate.verdict(), Verdict::Agree);
        let r = rate.recomputed().unwrap();
        assert!((r.lo() - 859.6711e6).abs() < 1e3 && (r.hi() - 860.7383e6).abs() < 1e3);
        assert_eq!(rate.inputs[0].indicator.as_deref(), Some("ndxp_tx_ytd"));
        assert_eq!(
            find(&claims, "c-r001-ndxp-multiple").measure,
            Measure::Unit(Unit::Times)
        );
        assert_eq!(
            find(&claims, "c-r001-processed-vs-plan-points").measure,
            Measure::Points
        );
        // A claim fed by another claim takes its measure.
        let sum = find(&claims, "x-ndxp-cumulative-2023-q1");
        assert_eq!(sum.measure, Measure::Unit(Unit::Count));
        assert!(sum.inputs.iter().any(|i| i.kind == ClaimInputKind::Claim));
        // Terms: the total, the days, the stated figure, then the two ends.
        assert_eq!(
            term_measures(daily),
            [
                Measure::Unit(Unit::Count),
                Measure::Plain,
                Measure::Unit(Unit::Count),
                Measure::Unit(Unit::Count),
                Measure::Unit(Unit::Count)
            ]
        );
    }

    #[test]
    fn an_edited_figure_changes_the_checks_that_use_it() {
        let base = Dataset::builtin().unwrap();
        let mut f = base.observation("r001-ndxp-ytd").unwrap().fields.clone();
        // 718 million by 8/12 would make "2,1 triệu" a day right.
        f[5] = "718000000".into();
        f[6] = "718 triệu".into();
        let mut user = UserData::default();
        user.upsert(Table::Observations, f);
        let (data, rejected) = base.with_user(&user);
        assert!(rejected.is_empty());
        let claims = check_all(&data);
        assert_eq!(find(&claims, "c-r001-ndxp-daily").verdict(), Verdict::Agree);
        assert_eq!(
            find(&claims, "c-r001-ndxp-run-rate").verdict(),
            Verdict::Disagree
        );
    }
}
