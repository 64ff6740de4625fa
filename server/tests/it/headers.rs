//! Security headers on every kind of response: the pages' Content-Security-Policy built from the
//! render's script nonce, nosniff, referrer policy, framing refused, `no-store` where a secret is
//! shown, HSTS and `Secure` cookies when the public origin is https.
use crate::helpers::{seeded_database, TestApp, TestResponse};
use axum::http::StatusCode;

fn csp(res: &TestResponse) -> String {
    res.header("content-security-policy")
        .unwrap_or_else(|| panic!("no Content-Security-Policy: {:?}", res.headers))
        .to_owned()
}

fn assert_common_headers(res: &TestResponse, what: &str) {
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(
        res.header("referrer-policy"),
        Some("strict-origin-when-cross-origin"),
        "{what}"
    );
    assert_eq!(res.header("x-frame-options"), Some("DENY"), "{what}");
    let policy = csp(res);
    assert!(policy.contains("frame-ancestors 'none'"), "{what}: {policy}");
    assert!(policy.contains("base-uri 'none'"), "{what}: {policy}");
}

#[tokio::test]
async fn pages_allow_only_the_scripts_carrying_this_responses_nonce() {
    let app = TestApp::new().await;
    let first = app.get("/?lang=lo").await;
    let second = app.get("/?lang=lo").await;
    let policy = csp(&first);
    assert!(policy.contains("object-src 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("script-src names a nonce")
        .to_owned();
    assert!(nonce.len() >= 16, "{nonce}");
    assert_ne!(csp(&second), policy, "a fresh nonce per response");
    let scripts: Vec<&str> = first.body.split("<script").skip(1).collect();
    assert!(!scripts.is_empty());
    for script in scripts {
        let tag = script.split('>').next().unwrap();
        if tag.contains("application/ld+json") {
            continue;
        }
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "script without the nonce: <script{tag}>"
        );
    }
    assert_common_headers(&first, "home page");
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = TestApp::new().await;
    for path in [
        "/listings?lang=en",
        "/no-such-page",
        "/api/v1/listings",
        "/api/v1/openapi.json",
        "/api/docs",
        "/healthz",
        "/favicon.svg",
        "/listings/template/commodity.csv",
    ] {
        let res = app.get(path).await;
        assert_common_headers(&res, path);
    }
    let redirect = app.post_form("/account/signout", &[], None).await;
    assert_eq!(redirect.status, StatusCode::SEE_OTHER);
    assert_common_headers(&redirect, "sign-out redirect");
}

#[tokio::test]
async fn favicon_ico_leads_to_the_icon() {
    let app = TestApp::new().await;
    let res = app.get("/favicon.ico").await;
    assert_eq!(res.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(res.header("location"), Some("/favicon.svg"));
}

#[tokio::test]
async fn api_docs_show_code_spans_as_code() {
    let app = TestApp::new().await;
    let res = app.get("/api/docs").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("<code>"), "no code spans");
    let text_outside_tags: String = res
        .body
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, text)| text))
        .collect();
    assert!(!text_outside_tags.contains('`'), "raw Markdown backticks remain");
}

#[tokio::test]
async fn hsts_and_secure_cookies_only_when_the_public_origin_is_https() {
    let plain = TestApp::new().await;
    let res = plain.get("/?lang=vi").await;
    assert_eq!(res.header("strict-transport-security"), None);
    let cookie = res.header("set-cookie").expect("language cookie");
    assert!(!cookie.contains("Secure"), "{cookie}");

    let https = TestApp::with_env(
        seeded_database().await,
        &[("CORRIDOR_PUBLIC_ORIGIN", "https://corridor.example")],
    );
    let res = https.get("/?lang=vi").await;
    let hsts = res.header("strict-transport-security").expect("HSTS on https");
    assert!(hsts.contains("max-age=31536000"), "{hsts}");
    let cookie = res.header("set-cookie").expect("language cookie");
    assert!(cookie.contains("; Secure"), "{cookie}");
    assert_eq!(
        https.get("/api/v1/listings").await.header("strict-transport-security"),
        Some(hsts)
    );
}

#[tokio::test]
async fn the_page_that_shows_a_new_token_is_never_stored() {
    let app = TestApp::new().await;
    let owner = app.confirmed_user("owner@example.la").await;
    let slug = app.create_org(&owner, "Token Shown Once Co").await;
    let res = app
        .post_form(
            &format!("/orgs/{slug}/tokens?lang=en"),
            &[("name", "ERP"), ("scope", "read"), ("days", "30")],
            Some(&owner),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("<code class=\"secret\">"));
    assert_eq!(res.header("cache-control"), Some("no-store"));
    let list = app.get_as(&format!("/orgs/{slug}/tokens?lang=en"), &owner).await;
    assert!(!list.body.contains("<code class=\"secret\">"));
}

/// A static file answered while pages render takes nothing from them. leptos_axum's
/// `file_and_error_handler` answered files inside a reactive owner that could be a child of a page
/// still rendering on the same thread, and moved that page's headers (its Content-Security-Policy
/// among them) onto the file's response; the page then went out with the fallback policy, which
/// lets no script run.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_files_answered_while_pages_render_take_nothing_from_them() {
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("favicon.svg"), b"<svg/>").unwrap();
    let app = TestApp::with_site_root(seeded_database().await, site.path().to_str().unwrap());
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..400 {
        let router = app.router.clone();
        let uri = [
            "/?lang=en",
            "/favicon.svg",
            "/gates?lang=vi",
            "/favicon.svg",
            "/sources",
        ][i % 5];
        tasks.spawn(async move {
            let request = Request::get(uri).body(Body::empty()).unwrap();
            let response = router.oneshot(request).await.unwrap();
            let policy = response
                .headers()
                .get("content-security-policy")
                .map(|v| v.to_str().unwrap().to_owned())
                .unwrap_or_default();
            let body = response.into_body().collect().await.unwrap().to_bytes();
            (uri, policy, String::from_utf8_lossy(&body).into_owned())
        });
    }
    let mut pages = 0;
    while let Some(answer) = tasks.join_next().await {
        let (uri, policy, body) = answer.unwrap();
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .map(str::to_owned);
        if uri == "/favicon.svg" {
            assert_eq!(nonce, None, "the icon carries a page's policy: {policy}");
        } else {
            let nonce = nonce.unwrap_or_else(|| panic!("{uri} went out without its policy: {policy}"));
            assert!(
                body.contains(&format!("nonce=\"{nonce}\"")),
                "{uri}: the policy names another render's nonce"
            );
            pages += 1;
        }
    }
    assert_eq!(pages, 240);
}
