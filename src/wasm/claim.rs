//! wasm methods for `crate::claim` (added by that area).
