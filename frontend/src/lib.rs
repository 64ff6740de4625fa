//! The hydrate entry point: only the islands (interactive parts) of a page ship as wasm.

// The island functions live in `app`; re-exporting them makes the linker keep them
// (without this the wasm has no island code and nothing hydrates).
pub use app::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
