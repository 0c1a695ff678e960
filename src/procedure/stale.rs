//! The data-currency policy ([`crate::currency`]) where MUE, add-on code and POA-exempt edits
//! are applied.
use crate::currency::{mark_stale, EditWindow, StaleEdits};
use crate::date::Date;
use crate::finding::{Finding, Location};

/// Findings an edit table produces for one date of service, under the policy: inside the
/// window as produced; past it applied and marked `DATA-STALE` (`Apply`), or replaced by one
/// `EDIT-DATE` note located at `at` (`Skip`; `skipped` gives what was skipped, where, and the
/// table's vintage, asked only then). Without a window or a date nothing changes.
pub(crate) fn under_policy<'w>(
    window: Option<&EditWindow>,
    dos: Option<Date>,
    stale: StaleEdits,
    skipped: impl FnOnce() -> (&'w str, Location, Option<String>),
    produce: impl FnOnce() -> Vec<Finding>,
) -> Vec<Finding> {
    let (Some(w), Some(d)) = (window, dos) else { return produce() };
    match (w.days_past(d), stale) {
        (None, _) => produce(),
        (Some(_), StaleEdits::Apply) => mark_stale(produce(), w, d),
        (Some(days), StaleEdits::Skip) => {
            let (what, at, vintage) = skipped();
            vec![w.skipped_note(d, days, what, vintage).at(at)]
        }
    }
}

/// True when the policy skips this table for the date (`Skip` and past the window).
pub(super) fn skipped(window: Option<&EditWindow>, dos: Option<Date>, stale: StaleEdits) -> bool {
    stale == StaleEdits::Skip && window.zip(dos).is_some_and(|(w, d)| w.days_past(d).is_some())
}
