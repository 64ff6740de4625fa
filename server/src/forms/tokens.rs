//! API token forms of an organisation: create (the secret is shown once, in the page) and revoke.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, render_with, see_other};
use app::domain::api_tokens;
use app::model::FormState;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

pub async fn create_api_token(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let page = format!("/orgs/{slug}/tokens");
    let result = api_tokens::create(
        &state.db,
        &user,
        &slug,
        &submission.get("name"),
        &submission.get("scope"),
        &submission.get("days"),
    )
    .await;
    match result {
        // Shown once, in the page itself (never in a URL or a redirect).
        Ok(secret) => {
            let form = FormState {
                values: vec![("new_token".to_owned(), secret)],
                ..Default::default()
            };
            render_with(state, submission, Some(&page), form, None).await
        }
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}
pub async fn revoke_api_token(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i32)>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let page = format!("/orgs/{slug}/tokens");
    match api_tokens::revoke(&state.db, &user, &slug, id).await {
        Ok(()) => see_other(&page, None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}
