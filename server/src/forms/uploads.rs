//! Uploaded files: public logos, and verification documents for moderators only. Each is served
//! with the type its checked extension names, never sniffed, and sandboxed.
use crate::http::extract::SignedIn;
use app::domain::organisations::{self};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// `GET /uploads/logos/{file}`: a stored logo, with a type that matches its bytes.
pub async fn serve_logo(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match app::domain::logo::stored_path(&state.data_dir, &file) {
        Some(path) => serve_upload(&path, &file, "public, max-age=31536000, immutable").await,
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
/// `GET /uploads/photos/{file}`: a listing photo or thumbnail (JPEG the server wrote itself), to
/// everyone while its listing is public, to its organisation's members otherwise.
pub async fn serve_photo(
    State(state): State<AppState>,
    Path(file): Path<String>,
    viewer: Option<axum::Extension<app::domain::accounts::CurrentUser>>,
) -> Response {
    use app::domain::listings::photos;
    let Some(path) = photos::stored_path(&state.data_dir, &file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match photos::visibility(&state.db, viewer.as_ref().map(|v| &v.0), &file).await {
        // Content-hashed, but the listing may stop being public: an hour, not a year.
        Ok(Some(true)) => serve_upload(&path, &file, "public, max-age=3600").await,
        Ok(Some(false)) => serve_upload(&path, &file, "private, no-store").await,
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => err.status().into_response(),
    }
}
/// An uploaded file with the type its (checked) extension names, never sniffed by the browser
/// and sandboxed, so an upload can never run as a page of this site.
async fn serve_upload(path: &std::path::Path, file: &str, cache_control: &'static str) -> Response {
    match tokio::fs::read(path).await {
        Ok(bytes) => {
            let content_type = app::domain::logo::content_type_for(file).unwrap_or("application/octet-stream");
            (
                [
                    (header::CONTENT_TYPE, content_type),
                    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                    (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"),
                    (header::CACHE_CONTROL, cache_control),
                ],
                bytes,
            )
                .into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
/// `GET /moderation/evidence/{file}`: a verification document, for moderators only.
pub async fn serve_evidence(
    State(state): State<AppState>,
    Path(file): Path<String>,
    SignedIn(user): SignedIn,
) -> Response {
    use app::domain::policy::{allowed, Action};
    let who = match organisations::principal(&state.db, Some(&user), None).await {
        Ok(who) => who,
        Err(err) => return err.status().into_response(),
    };
    if !allowed(&who, Action::Moderate) {
        return StatusCode::FORBIDDEN.into_response();
    }
    match app::domain::logo::evidence_path(&state.data_dir, &file) {
        Some(path) => serve_upload(&path, &file, "private, no-store").await,
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
