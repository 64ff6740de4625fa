//! Saved search forms: save (from the search page), change how often it mails, delete, and the
//! unsubscribe button of the alert mail's link (no sign-in: the link's secret decides).
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::domain::saved_searches;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

pub async fn save_search(State(state): State<AppState>, SignedIn(user): SignedIn, submission: Submission) -> Response {
    let query = submission.get("query");
    match saved_searches::save(
        &state.db,
        &user,
        &submission.get("name"),
        &query,
        &submission.get("frequency"),
    )
    .await
    {
        Ok(_) => see_other("/my/searches?notice=saved", None),
        Err(err) => {
            let keep = submission.echo();
            let page = format!("/search?{query}");
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}

pub async fn update_search(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match saved_searches::set_frequency(&state.db, &user, id, &submission.get("frequency")).await {
        Ok(()) => see_other("/my/searches?notice=updated", None),
        Err(err) => render_again(state, submission, Some("/my/searches"), err, Vec::new()).await,
    }
}

pub async fn delete_search(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match saved_searches::delete(&state.db, &user, id).await {
        Ok(()) => see_other("/my/searches?notice=deleted", None),
        Err(err) => render_again(state, submission, Some("/my/searches"), err, Vec::new()).await,
    }
}

/// The button of `/alerts/unsubscribe`, and RFC 8058 one-click posts from mail clients.
pub async fn unsubscribe(State(state): State<AppState>, submission: Submission) -> Response {
    let token = submission.get("token");
    let token = if token.is_empty() {
        submission
            .parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "token").map(|(_, v)| v))
            .unwrap_or_default()
    } else {
        token
    };
    match saved_searches::unsubscribe(&state.db, &token).await {
        Ok(_) => see_other("/alerts/unsubscribe?done=1", None),
        Err(err) => render_again(state, submission, Some("/alerts/unsubscribe"), err, Vec::new()).await,
    }
}
