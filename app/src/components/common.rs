//! Small pieces shared by pages.
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `<title>` and meta description for a page.
///
/// leptos_meta writes the title into the `<head>` as raw text (it is not escaped), so a user-chosen
/// title such as `</title><script>…` would end the element early: the text is escaped here.
/// Titles are only rendered on the server (pages do not hydrate; only islands do), so the escaped
/// form is never handed to `document.title`.
#[component]
pub fn PageMeta(lang: Lang, title: String, description: String) -> impl IntoView {
    let full = escape_text(&format!("{title} · {}", t(lang, Msg::SiteName)));
    view! {
        <Title text=full/>
        <Meta name="description" content=description/>
    }
}

/// Escapes text for an HTML text context that is written without escaping (`<title>`).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// JSON for a `<script type="application/ld+json">` element: every `<`, `>` and `&` as a JSON
/// escape, so neither `</script>` nor `<!--` (which switches the HTML parser into a state where
/// a later `</script>` no longer ends the element) can appear in the element's text.
pub fn json_for_script(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The source ids and confidence of a data row, always visible next to the data.
#[component]
pub fn Provenance(lang: Lang, sources: Vec<String>, #[prop(into)] confidence: Option<String>) -> impl IntoView {
    view! {
        <p class="provenance">
            <span>{t(lang, Msg::Sources)} ": "</span>
            {sources
                .into_iter()
                .map(|id| {
                    let href = format!("/sources#{id}");
                    view! { <a class="source-id" href=href>{id}</a>" " }
                })
                .collect_view()}
            {confidence.map(|c| view! { <span class="confidence">{t(lang, Msg::Confidence)} ": " {c}</span> })}
        </p>
    }
}

/// A table that scrolls sideways where the screen is narrower than it. The scrolling box takes
/// the keyboard focus (so arrow keys scroll it) and is a region named `label` (so a screen reader
/// says what was focused).
#[component]
pub fn ScrollTable(label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}

/// Sets the HTTP status on the server (the page is rendered before headers are sent).
pub fn set_status(status: http::StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        // A redirect already decided (to sign in) is not undone by a later error status.
        let redirecting = response
            .0
            .read()
            .is_ok_and(|parts| parts.status.is_some_and(|s| s.is_redirection()));
        if !redirecting {
            response.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// Marks the response `Cache-Control: no-store` (a page that shows a secret).
pub fn forbid_storing() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
}

/// The page shown for an error: a 404 in the reader's language, or a 500 with a reference
/// and nothing internal.
#[component]
pub fn ErrorPage(lang: Lang, error: AppError) -> impl IntoView {
    if error == AppError::Unauthorized {
        return sign_in_needed(lang).into_any();
    }
    set_status(error.status());
    let (title, body) = match &error {
        AppError::NotFound => (Msg::NotFoundTitle, Msg::NotFoundBody),
        AppError::Forbidden | AppError::Unauthorized => (Msg::ForbiddenTitle, Msg::ForbiddenBody),
        _ => (Msg::ServerErrorTitle, Msg::ServerErrorBody),
    };
    let reference = match &error {
        AppError::Internal { reference } => Some(reference.clone()),
        _ => None,
    };
    view! {
        <PageMeta lang title=t(lang, title).to_owned() description=t(lang, body).to_owned()/>
        <section class="error-page">
            <h1>{t(lang, title)}</h1>
            <p>{t(lang, body)}</p>
            {reference
                .map(|r| view! { <p class="reference">{t(lang, Msg::ErrorReference)} ": " <code>{r}</code></p> })}
            <p><a class="button" href="/">{t(lang, Msg::GoHome)}</a></p>
        </section>
    }
    .into_any()
}

/// A signed-out visitor on a page for members: the server answers 302 to the sign-in page
/// (coming back to this address afterwards); what renders is the same link, for clients that
/// do not follow redirects.
fn sign_in_needed(lang: Lang) -> impl IntoView {
    let back = crate::routes::use_page_address();
    let href = sign_in_href(&back);
    redirect_to(&href);
    view! {
        <PageMeta lang title=t(lang, Msg::SignInNeededTitle).to_owned() description=t(lang, Msg::SignInNeededBody).to_owned()/>
        <section class="error-page">
            <h1>{t(lang, Msg::SignInNeededTitle)}</h1>
            <p>{t(lang, Msg::SignInNeededBody)}</p>
            <p><a class="button" href=href>{t(lang, Msg::NavSignIn)}</a></p>
        </section>
    }
}

/// The sign-in page's address that comes back to `back` (a path with its query) afterwards.
pub fn sign_in_href(back: &str) -> String {
    let mut encoded = String::with_capacity(back.len());
    for byte in back.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => encoded.push(byte as char),
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    format!("/account/signin?next={encoded}")
}

/// Answers this render with a 302 to `location` (a page render is always a navigation, so a
/// plain redirect: leptos_axum::redirect decides by the Accept header, which not every client
/// sends). Statuses set later (`set_status`) do not undo it.
pub fn redirect_to(location: &str) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(location) = http::HeaderValue::from_str(location) {
            response.insert_header(http::header::LOCATION, location);
            response.set_status(http::StatusCode::FOUND);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = location;
}

/// The verified badge with its date, for next to an organisation's name wherever it is shown;
/// nothing for an organisation that is not verified. `verified_at` is a `YYYY-MM-DD` date.
#[component]
pub fn VerifiedBadge(lang: Lang, verified_at: Option<String>) -> impl IntoView {
    verified_at.map(|date| {
        let title = format!("{} {date}", t(lang, Msg::VerifiedOn));
        view! {
            " "
            <span class="badge verified" title=title>
                "✓ " {t(lang, Msg::VerifiedBadge)} " " <time datetime=date.clone()>{date.clone()}</time>
            </span>
        }
    })
}
