//! Request-level behaviour outside the pages: remembering the language choice.
use app::cookies;
use app::i18n::query_lang;
use axum::{extract::Request, http::header, middleware::Next, response::Response};

/// When a request names a language (`?lang=lo`), remember it in a cookie for a year.
pub async fn remember_language(
    axum::Extension(policy): axum::Extension<RequestPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let chosen = query_lang(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let secure = policy.public_origin.starts_with("https://");
        response
            .headers_mut()
            .append(header::SET_COOKIE, cookies::LANG.set(lang.code(), secure));
    }
    response
}

use app::domain::accounts::sessions::{self, Client};
use app::state::AppState;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;
use std::net::{IpAddr, SocketAddr};

/// Settings the request middleware needs.
#[derive(Clone, Debug)]
pub struct RequestPolicy {
    pub public_origin: String,
    pub trusted_proxies: Vec<IpAddr>,
}

/// The client's address: the peer, or — only when the peer is a configured trusted proxy —
/// the nearest untrusted address in `X-Forwarded-For`. A spoofed header from anyone else is ignored.
pub fn client_addr(peer: Option<IpAddr>, headers: &HeaderMap, trusted: &[IpAddr]) -> String {
    let Some(peer) = peer else { return "unknown".to_owned() };
    if !trusted.contains(&peer) {
        return peer.to_string();
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|ip| ip.trim().parse().ok())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(&peer)
        .to_string()
}

/// Puts the `Client` and, when the session cookie names a live session, the `CurrentUser`
/// into the request's extensions. Static assets and health checks skip the database.
pub async fn identify(
    State(state): State<AppState>,
    axum::Extension(policy): axum::Extension<RequestPolicy>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path.starts_with("/fonts/") || path == "/healthz" || path == "/readyz" {
        return next.run(request).await;
    }
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let client = Client {
        addr: client_addr(peer, request.headers(), &policy.trusted_proxies),
        user_agent: request
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    if let Some(secret) = cookies::SESSION.read(request.headers()) {
        match sessions::resolve(&state.db, &secret).await {
            Ok(Some(user)) => {
                // The header's inbox badge, for pages only (not server functions or the API).
                let is_page = request.method() == axum::http::Method::GET
                    && !request.uri().path().starts_with("/_fn/")
                    && !request.uri().path().starts_with("/api/");
                if is_page {
                    match app::domain::introductions::unread_count(&state.db, &user).await {
                        Ok(n) => {
                            request.extensions_mut().insert(app::domain::introductions::Unread(n));
                        }
                        Err(err) => tracing::warn!(error = ?err, "unread count failed"),
                    }
                }
                request.extensions_mut().insert(user);
            }
            Ok(None) => {}
            // The database is down: carry on signed out; pages report the outage themselves.
            Err(err) => tracing::warn!(error = %err, "session lookup failed"),
        }
    }
    request.extensions_mut().insert(client);
    next.run(request).await
}

/// CSRF defence: a mutating request must come from this site (`Sec-Fetch-Site: same-origin`,
/// or an `Origin` equal to the public origin) — with or without cookies, since a cross-site
/// post to sign-in or sign-up without cookies signs the victim into the attacker's account
/// (login CSRF). A request that names no site at all (curl, servers) passes only when it carries
/// no cookie; bearer-token API calls without cookies carry no ambient authority and pass.
pub async fn same_origin_mutations(
    axum::Extension(policy): axum::Extension<RequestPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let headers = request.headers();
    let has_cookie = headers.get(header::COOKIE).is_some();
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer "));
    if safe || (bearer && !has_cookie) {
        return next.run(request).await;
    }
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let allowed = match (fetch_site, origin) {
        (Some(site), _) => site == "same-origin" || site == "none",
        (None, Some(origin)) => origin.trim_end_matches('/') == policy.public_origin,
        (None, None) => !has_cookie,
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!(?fetch_site, ?origin, "refused a cross-site mutation");
        (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "This form was sent from another site and was refused.\n\
             Biểu mẫu được gửi từ một trang web khác nên đã bị từ chối.\n\
             ແບບຟອມນີ້ຖືກສົ່ງມາຈາກເວັບໄຊອື່ນ ຈຶ່ງຖືກປະຕິເສດ.\n",
        )
            .into_response()
    }
}

/// Where the Leptos server functions live (`#[server(prefix = "/_fn", …)]`), apart from the
/// public API under `/api/v1`.
pub const SERVER_FN_PREFIX: &str = "/_fn/";

/// Server functions answer every error with 500 (server_fn's default) unless the function set a
/// status itself; arguments that do not decode are refused before it runs. This gives each
/// error its own status (400 for undecodable arguments, 401, 403, 404, 422, 429) and says a bad
/// request in the reader's language. Internal errors keep their reference and nothing else.
pub async fn server_fn_errors(request: Request, next: Next) -> Response {
    use app::errors::{AppError, REQUEST_FIELD};
    if !request.uri().path().starts_with(SERVER_FN_PREFIX) {
        return next.run(request).await;
    }
    let lang = cookies::reader_lang(request.headers(), request.uri().query());
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 256 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(error) = serde_json::from_slice::<AppError>(&bytes) else {
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    };
    parts.status = error.server_fn_status();
    // The error as the client decodes it, plus (for a refused request) the sentence in the
    // reader's language for callers that show it as it is; the client ignores the extra field.
    let mut value = serde_json::to_value(&error).unwrap_or_default();
    if let (AppError::Invalid { field, message }, Some(fields)) =
        (&error, value.get_mut("Invalid").and_then(|v| v.as_object_mut()))
    {
        if field == REQUEST_FIELD {
            fields.insert("text".into(), message.text(lang).into());
        }
    }
    let body = serde_json::to_vec(&value).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(body))
}
