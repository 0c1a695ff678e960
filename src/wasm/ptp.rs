//! wasm methods for `crate::ptp` (added by that area).
