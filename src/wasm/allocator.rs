//! The module's memory allocator: Talc in place of Rust's default for wasm (dlmalloc). A claim
//! check makes several hundred small allocations (fields, findings, messages) and frees them
//! all at its end; Talc serves those in fewer instructions and with less code than dlmalloc.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
