//! The claims runner: every claim of a claims file checked against the
//! observations and targets it refers to.

use crate::claim::Check;
use crate::error::{Error, Expected, Field, Result};
use crate::figure::Figure;

use super::{ClaimRow, ObservationRow, Ref, TargetRow};

/// One claim row checked against the data: the check, and the figures later
/// claims may refer to (`c:` the recomputed range, `s:` the stated figure).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimOutcome {
    /// The check.
    pub check: Check,
    /// The recomputed range as a figure over the claim's period; its value
    /// is the claim recomputed from the stated values (so that a claim built
    /// on it is judged at the stated values from the same numbers).
    pub recomputed: Option<Figure>,
    /// The stated figure over the claim's period.
    pub stated: Option<Figure>,
}

/// Checks `claims` in file order against `observations` and `targets`,
/// writing each claim's outcome (or the error that stopped it) into the
/// matching slot of `out`. A claim may refer to the claims before it (`c:`,
/// `s:`); a reference to an unknown or later row is an error for that claim
/// only; when ids repeat, a reference names the first row with the id.
///
/// `index` is working memory for the lookups: at least as many slots as
/// there are claims, observations and targets together. With it the run
/// takes O(n log n) time for n rows of all three, however the claims refer
/// to each other.
///
/// # Errors
///
/// [`Error::Capacity`] when `out` is shorter than `claims` or `index`
/// shorter than the rows; nothing is written then.
pub fn check_claims<'a>(
    claims: &[ClaimRow<'a>],
    observations: &[ObservationRow<'a>],
    targets: &[TargetRow<'a>],
    out: &mut [Result<ClaimOutcome>],
    index: &mut [usize],
) -> Result<()> {
    if out.len() < claims.len() {
        return Err(Error::Capacity {
            what: Field::Outcomes,
            capacity: out.len(),
        });
    }
    let (nc, no, nt) = (claims.len(), observations.len(), targets.len());
    let need = nc.saturating_add(no).saturating_add(nt);
    if index.len() < need {
        return Err(Error::Capacity {
            what: Field::Reference,
            capacity: index.len(),
        });
    }
    // Each table's positions sorted by (id, position).
    let (by_claim, rest) = index.split_at_mut(nc);
    let (by_obs, rest) = rest.split_at_mut(no);
    let by_target = rest.get_mut(..nt).unwrap_or(&mut []);
    sort_by_id(by_claim, |i| claims.get(i).map(|c| c.id));
    sort_by_id(by_obs, |i| observations.get(i).map(|o| o.id));
    sort_by_id(by_target, |i| targets.get(i).map(|t| t.id));
    let (by_claim, by_obs, by_target) = (&*by_claim, &*by_obs, &*by_target);
    for (i, row) in claims.iter().enumerate() {
        let Some((done, rest)) = out.split_at_mut_checked(i) else {
            break;
        };
        let Some(slot) = rest.first_mut() else {
            break;
        };
        let unknown = Error::Parse {
            line: row.line,
            field: Field::Inputs,
            expected: Expected::ExistingReferences,
        };
        let earlier = |id: &str| -> Result<&ClaimOutcome> {
            first(by_claim, id, |k| claims.get(k).map(|c| c.id))
                .filter(|&k| k < i)
                .and_then(|k| done.get(k))
                .and_then(|o| o.as_ref().ok())
                .ok_or(unknown)
        };
        let observation = |id: &str| {
            first(by_obs, id, |k| observations.get(k).map(|o| o.id))
                .and_then(|k| observations.get(k))
                .ok_or(unknown)
        };
        let target = |id: &str| {
            first(by_target, id, |k| targets.get(k).map(|t| t.id))
                .and_then(|k| targets.get(k))
                .ok_or(unknown)
        };
        *slot = row
            .claim(|r| match r {
                Ref::Observation(id) => observation(id)?.figure().map(Some),
                Ref::Denominator(id) => observation(id)?.denominator_figure(),
                Ref::Target(id) => target(id)?.figure().map(Some),
                Ref::Claim(id) => Ok(earlier(id)?.recomputed),
                Ref::Stated(id) => Ok(earlier(id)?.stated),
                Ref::Number(n) => {
                    let v: f64 = n.parse().map_err(|_| unknown)?;
                    Figure::exact(v).map(Some)
                }
                Ref::Missing => Ok(None),
            })
            .and_then(|claim| {
                let check = claim.check()?;
                let over = |f: Figure| match row.period {
                    Some(p) => f.during(p),
                    None => f,
                };
                let at_stated = |r| {
                    let mut f = Figure::from_interval(r);
                    if let Some(central) = check.explanation.result {
                        f.value = central;
                    }
                    over(f)
                };
                Ok(ClaimOutcome {
                    recomputed: check.recomputed.map(at_stated),
                    stated: row.stated_figure()?,
                    check,
                })
            });
    }
    Ok(())
}

/// Fills `order` with the positions `0..order.len()` sorted by the id `id`
/// gives each, then by position.
fn sort_by_id<'a>(order: &mut [usize], id: impl Fn(usize) -> Option<&'a str>) {
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    order.sort_unstable_by(|&a, &b| id(a).cmp(&id(b)).then(a.cmp(&b)));
}

/// The first position (in file order) whose id is `id`, by binary search in
/// `order` as [`sort_by_id`] leaves it.
fn first<'a>(order: &[usize], id: &str, id_of: impl Fn(usize) -> Option<&'a str>) -> Option<usize> {
    let k = order.partition_point(|&p| id_of(p).is_some_and(|x| x < id));
    order.get(k).copied().filter(|&p| id_of(p) == Some(id))
}
