use crate::components::common::ErrorPage;
use crate::errors::AppError;
use crate::routes::use_lang;
use leptos::prelude::*;

/// Any unknown route: the trilingual 404 page, with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage lang=use_lang() error=AppError::NotFound/> }
}
