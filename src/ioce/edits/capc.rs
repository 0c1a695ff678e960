//! The comprehensive APC's primary procedure (ioce-c): of several J1 procedures on a claim the
//! I/OCE makes the one with the lowest positive `data_capc` rank the primary (the first J1 line
//! when none has a rank) and packages the claim's other services into it, the other J1 and J2
//! services included, except codes its tables exclude from comprehensive packaging.
use super::devices::{comprehensive_packaging, si_after_comprehensive, OPPS_PAYABLE};
use super::{FLine, Run};
use crate::ioce::data::service_flag as S;

/// The line of the primary J1 procedure, when the claim has a comprehensive APC.
pub(super) fn primary(run: &Run<'_, '_>) -> Option<usize> {
    if !run.comprehensive() {
        return None;
    }
    let mut best: Option<(usize, u32)> = None;
    for (i, l) in run.lines.iter().enumerate() {
        // The I/OCE chooses before any packaging: the code's own status indicator, or the one
        // its conditional packaging gave it (a Q code paid in a J1 APC).
        if l.assigned.or(l.row.map(|r| r.status_indicator)) != Some("J1") {
            continue;
        }
        let rank = run.io.capc_rank(&l.code, run.version());
        match best {
            Some((_, b)) if rank == 0 || (b != 0 && rank >= b) => {}
            _ => best = Some((i, rank)),
        }
    }
    best.map(|(i, _)| i)
}

/// Line `i`'s status indicator once the comprehensive APC (`packaging`, with its `primary` J1
/// line when it is a J1 procedure) has packaged the claim's services.
fn si_packaged<'l>(run: &Run<'_, '_>, packaging: bool, primary: Option<usize>, i: usize, l: &'l FLine<'_>) -> &'l str {
    let si = l.si();
    if !packaging || primary == Some(i) || run.service(i, S::CAPC_EXCLUSION) {
        return si;
    }
    if primary.is_some() && matches!(si, "J1" | "J2") {
        return "N";
    }
    si_after_comprehensive(run, packaging, i, l)
}

/// True when a line not rejected or denied has an OPPS-payable status indicator once the
/// comprehensive APC has packaged the claim's services.
pub(super) fn payable_service(run: &Run<'_, '_>) -> bool {
    let packaging = comprehensive_packaging(run);
    let primary = primary(run);
    run.lines.iter().enumerate().any(|(i, l)| !l.rejected && OPPS_PAYABLE.contains(&si_packaged(run, packaging, primary, i, l)))
}
