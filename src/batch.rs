//! Many claims at once on every core (feature `parallel`): the CLI's `claim --jsonl` and the
//! Python package's batch call. Results come back in input order.
use crate::claim::{check_claim_value, CheckOptions, ClaimResult, Json};
use crate::engine::Engine;
use rayon::prelude::*;

/// Checks each claim (JSON text, one object each) on the current rayon pool.
pub fn check_claims<T: AsRef<[u8]> + Sync>(engine: &Engine<'_>, claims: &[T], opts: &CheckOptions) -> Vec<ClaimResult> {
    check_claims_with(engine, claims, opts, |r| r)
}

/// Like [`check_claims`], each result handed to `f` on the worker (e.g. to serialise it).
pub fn check_claims_with<T, R, F>(engine: &Engine<'_>, claims: &[T], opts: &CheckOptions, f: F) -> Vec<R>
where
    T: AsRef<[u8]> + Sync,
    R: Send,
    F: Fn(ClaimResult) -> R + Sync,
{
    claims.par_iter().map(|c| f(check_json_bytes(engine, c.as_ref(), opts))).collect()
}

/// One claim from JSON bytes; bytes that are not JSON (or not UTF-8) give one `CLAIM-INPUT`
/// error with line and column, as `check_claim_json` does for text.
pub fn check_json_bytes(engine: &Engine<'_>, bytes: &[u8], opts: &CheckOptions) -> ClaimResult {
    match serde_json::from_slice::<Json>(bytes) {
        Ok(v) => check_claim_value(engine, &v, opts),
        Err(e) => ClaimResult {
            input_errors: vec![crate::rules::finding("CLAIM-INPUT", format!("not JSON: {e}"), None).at("")],
            ..ClaimResult::default()
        },
    }
}
