//! One mapping from a domain result to a response for pages and forms: POST-redirect-GET on
//! success (303), or the same page rendered again with what was typed and what is wrong, with
//! the status of the error (422, 429 with Retry-After, 403, 404, 500 with a reference). The
//! public API's problem+json mapping is `crate::api::ApiError`.
use super::extract::Submission;
use app::errors::AppError;
use app::i18n::Msg;
use app::model::FormState;
use app::state::AppState;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// A 303 to `location`, with a `Set-Cookie` from `app::cookies` when one is given.
pub(crate) fn see_other(location: &str, cookie: Option<HeaderValue>) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_owned())]).into_response();
    if let Some(value) = cookie {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
/// A local path to go back to after signing in; anything else goes to the account page.
///
/// Browsers strip tabs and newlines from URLs and read `\\` as `/`, so `/\t/evil.example` and
/// `/\\evil.example` are other hosts: a path must start with exactly one `/`, and contain no
/// whitespace, control character or backslash, also once percent-decoded (a `Location` header
/// is sent as it is, and `%09` decoded later would make `//`).
pub fn safe_next(next: &str) -> String {
    fn local_path(path: &str) -> bool {
        path.starts_with('/')
            && !path.starts_with("//")
            && !path.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    }
    let decoded = percent_decode(next);
    if next.len() <= 512 && local_path(next) && decoded.as_deref().is_some_and(local_path) {
        next.to_owned()
    } else {
        "/account".to_owned()
    }
}
/// Percent-decodes until nothing changes (`%2509` → `%09` → a tab); `None` when the bytes are
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut current = text.to_owned();
    for _ in 0..4 {
        let bytes = current.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        let next = String::from_utf8(out).ok()?;
        if next == current {
            return Some(next);
        }
        current = next;
    }
    Some(current)
}
/// Renders the form's page again with the form state (and its status). `page` is the path of
/// the page the form is on, when it differs from the path it posts to.
pub(crate) async fn render_again(
    state: AppState,
    submission: Submission,
    page: Option<&str>,
    error: AppError,
    keep: Vec<(String, String)>,
) -> Response {
    let mut form = FormState {
        values: keep,
        ..Default::default()
    };
    let mut retry_after = None;
    match error {
        AppError::Invalid { .. } | AppError::InvalidFields(_) => {
            form.errors = error.field_errors();
            form.status = StatusCode::UNPROCESSABLE_ENTITY.as_u16();
        }
        AppError::RateLimited { retry_after_secs } => {
            form.form_error = Some(Msg::ErrRateLimited);
            form.retry_after_minutes = Some(retry_after_secs.div_ceil(60));
            form.status = StatusCode::TOO_MANY_REQUESTS.as_u16();
            retry_after = Some(retry_after_secs);
        }
        AppError::Unauthorized => return see_other("/account/signin?next=/account", None),
        AppError::Forbidden => {
            form.form_error = Some(Msg::ForbiddenBody);
            form.status = StatusCode::FORBIDDEN.as_u16();
        }
        AppError::NotFound => {
            form.form_error = Some(Msg::NotFoundBody);
            form.status = StatusCode::NOT_FOUND.as_u16();
        }
        // The thing acted on moved on meanwhile (decided by another moderator, withdrawn,
        // archived): say so, rather than "we could not complete the request".
        AppError::Conflict(_) => {
            form.form_error = Some(Msg::ErrConflict);
            form.status = StatusCode::CONFLICT.as_u16();
        }
        other => {
            // Internal errors were logged with a reference where they were made.
            form.form_error = Some(Msg::ServerErrorBody);
            form.status = other.status().as_u16();
        }
    }
    render_with(state, submission, page, form, retry_after).await
}
/// Renders the page (at `page`, or the submission's own path) with a form state.
pub(crate) async fn render_with(
    state: AppState,
    submission: Submission,
    page: Option<&str>,
    form: FormState,
    retry_after: Option<u64>,
) -> Response {
    let Submission { mut parts, .. } = submission;
    parts.method = Method::GET;
    if let Some(page) = page {
        let uri = match parts.uri.query() {
            Some(query) => format!("{page}?{query}"),
            None => page.to_owned(),
        };
        if let Ok(uri) = uri.parse() {
            parts.uri = uri;
        }
    }
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(form.clone());
            provide_context(state.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = handler(Request::from_parts(parts, Body::empty())).await;
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}
