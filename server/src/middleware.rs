//! Request-level behaviour outside the pages: remembering the language choice.
use app::i18n::{query_lang, Lang};
use axum::{extract::Request, http::header, middleware::Next, response::Response};

/// When a request names a language (`?lang=lo`), remember it in a cookie for a year.
pub async fn remember_language(request: Request, next: Next) -> Response {
    let chosen = query_lang(request.uri().query());
    let mut response = next.run(request).await;
    if let Some(lang) = chosen {
        let cookie = format!(
            "{}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            Lang::COOKIE,
            lang.code()
        );
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}
