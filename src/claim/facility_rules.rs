//! Outpatient facility claims (UB-04 / 837I, claim type `outpatient`): the I/OCE edits
//! (`crate::ioce::edits`) in place of the professional rules they supersede.
use super::check::Ctx;
use super::model::ClaimType;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.claim.claim_type == ClaimType::Outpatient {
        crate::ioce::edits::check(ctx);
    }
}
