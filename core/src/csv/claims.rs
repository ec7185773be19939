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
/// only.
///
/// # Errors
///
/// [`Error::Capacity`] when `out` is shorter than `claims`; nothing is
/// written then.
pub fn check_claims<'a>(
    claims: &[ClaimRow<'a>],
    observations: &[ObservationRow<'a>],
    targets: &[TargetRow<'a>],
    out: &mut [Result<ClaimOutcome>],
) -> Result<()> {
    if out.len() < claims.len() {
        return Err(Error::Capacity {
            what: Field::Outcomes,
            capacity: out.len(),
        });
    }
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
            claims
                .iter()
                .zip(done.iter())
                .find(|(c, _)| c.id == id)
                .and_then(|(_, o)| o.as_ref().ok())
                .ok_or(unknown)
        };
        *slot = row
            .claim(|r| match r {
                Ref::Observation(id) => observations
                    .iter()
                    .find(|o| o.id == id)
                    .ok_or(unknown)?
                    .figure()
                    .map(Some),
                Ref::Denominator(id) => observations
                    .iter()
                    .find(|o| o.id == id)
                    .ok_or(unknown)?
                    .denominator_figure(),
                Ref::Target(id) => targets
                    .iter()
                    .find(|t| t.id == id)
                    .ok_or(unknown)?
                    .figure()
                    .map(Some),
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
