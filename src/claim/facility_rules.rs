//! Outpatient facility claims (UB-04 / 837I, claim type `outpatient`): the I/OCE edits
//! (`crate::ioce::edits`, cargo feature `outpatient`) in place of the professional rules they
//! supersede. A build without the feature (the browser's core wasm module) does not pass such a
//! claim silently: it says the outpatient editor is not in this build and how to load it.
use super::check::Ctx;
use super::model::ClaimType;

pub(crate) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.claim.claim_type == ClaimType::Outpatient {
        outpatient(ctx);
    }
}

#[cfg(feature = "outpatient")]
fn outpatient(ctx: &mut Ctx<'_, '_>) {
    crate::ioce::edits::check(ctx);
}

#[cfg(not(feature = "outpatient"))]
fn outpatient(ctx: &mut Ctx<'_, '_>) {
    use crate::rules::{finding, RuleId};
    ctx.out.push(
        finding(
            RuleId::OutpatientEngine,
            "the outpatient editor (the I/OCE edits) is not in this build, so this outpatient facility claim was checked \
             without them: load the facility engine (loadEngine({ engine: 'facility' }), pkg/claimlint-facility.js) \
             or use the native claimlint"
                .to_owned(),
            None,
        )
        .at(crate::location::Location::Claim),
    );
}
