//! Many claims at once on every core (feature `parallel`): the CLI's `claim --jsonl` and the
//! Python package's batch call. Results come back in input order.
use crate::claim::{check_claim_json, CheckOptions, ClaimResult};
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

/// One claim from JSON bytes, read as `check_claim_json` reads text; bytes that are not
/// UTF-8 are replaced (U+FFFD), so they surface as findings on the values that held them.
pub fn check_json_bytes(engine: &Engine<'_>, bytes: &[u8], opts: &CheckOptions) -> ClaimResult {
    check_claim_json(engine, &String::from_utf8_lossy(bytes), opts)
}
