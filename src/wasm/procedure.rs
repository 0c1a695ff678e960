//! wasm methods for `crate::procedure` (added by that area).
