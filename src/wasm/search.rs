//! wasm methods for `crate::search` (added by that area).
