pub mod confirm;
pub mod forgot;
pub mod overview;
pub mod reset;
pub mod sign_in;
pub mod sign_up;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A query parameter of the current page.
pub fn query_param(name: &str) -> Option<String> {
    use_query_map().with_untracked(|q| q.get(name))
}
