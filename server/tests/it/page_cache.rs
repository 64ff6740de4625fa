//! The page cache for readers who are not signed in (server/src/page_cache.rs) and the one-piece
//! compression of pages (server/src/compress.rs), over HTTP.
use crate::helpers::{seeded_database, TestApp};
use app::domain::entities::listing;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use tower::ServiceExt;

fn nonce(csp: &str) -> String {
    csp.split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("a nonce")
        .to_owned()
}

/// A database with the reference data and the demo listings (`corridor seed`).
async fn with_listings() -> crate::helpers::TestDb {
    let db = seeded_database().await;
    app::domain::seed::seed_demo_listings(&db.db)
        .await
        .expect("demo listings");
    db
}

/// Renames the first listing `page` links to, behind the server's back (no HTTP write), in
/// every language; returns its id.
async fn rename_first(app: &TestApp, page: &str, title: &str) -> i32 {
    let id: i32 = page
        .split("href=\"/listings/")
        .skip(1)
        .find_map(|rest| rest.split('"').next().and_then(|id| id.parse().ok()))
        .expect("a listing on the page");
    let row = listing::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the listing");
    let mut active: listing::ActiveModel = row.into();
    active.title_en = Set(Some(title.to_owned()));
    active.title_vi = Set(Some(title.to_owned()));
    active.title_lo = Set(Some(title.to_owned()));
    active.update(&app.db).await.unwrap();
    id
}

#[tokio::test]
async fn anonymous_readers_share_a_rendered_page_but_never_its_nonce_and_a_write_ends_it() {
    let app = TestApp::with_env(with_listings().await, &[("CORRIDOR_PAGE_CACHE_MS", "600000")]);
    let first = app.get("/listings?kind=commodity&lang=en").await;
    assert_eq!(first.status, StatusCode::OK);
    let id = rename_first(&app, &first.body, "Renamed behind the cache").await;

    // Served again from the cache: the same page, with a nonce of its own in header and body.
    let second = app.get("/listings?kind=commodity&lang=en").await;
    assert_eq!(second.status, StatusCode::OK);
    assert!(!second.body.contains("Renamed behind the cache"), "the cached page");
    let (n1, n2) = (
        nonce(first.header("content-security-policy").unwrap()),
        nonce(second.header("content-security-policy").unwrap()),
    );
    assert_ne!(n1, n2, "every answer has its own nonce");
    assert!(second.body.contains(&format!("nonce=\"{n2}\"")));
    assert!(
        !second.body.contains(&n1),
        "the first answer's nonce is gone from the second"
    );
    assert_eq!(first.body.replace(&n1, &n2), second.body, "otherwise the same page");
    assert_eq!(second.header("vary"), first.header("vary"));

    // Another language or another URI is another page; a signed-in reader is never served from it.
    let vi = app.get("/listings?kind=commodity&lang=vi").await;
    assert!(vi.body.contains("<html lang=\"vi\""));
    let member = app.confirmed_user("reader@cache.vn").await;
    let signed_in = app.get_as("/listings?kind=commodity&lang=en", &member).await;
    assert!(
        signed_in.body.contains("Renamed behind the cache"),
        "signed-in readers get a fresh render"
    );
    let page = app.get(&format!("/listings/{id}?lang=en")).await;
    assert!(page.body.contains("Renamed behind the cache"), "not cached before");

    // Any write through the server empties the cache.
    let write = app
        .post_form(
            "/account/signin?lang=en",
            &[("email", "nobody@cache.vn"), ("password", "wrong")],
            None,
        )
        .await;
    assert_ne!(write.status, StatusCode::OK);
    let third = app.get("/listings?kind=commodity&lang=en").await;
    assert!(third.body.contains("Renamed behind the cache"), "fresh after a write");
}

#[tokio::test]
async fn with_the_cache_off_every_read_is_a_fresh_render() {
    let app = TestApp::with_env(with_listings().await, &[("CORRIDOR_PAGE_CACHE_MS", "0")]);
    let first = app.get("/listings?lang=en").await;
    rename_first(&app, &first.body, "Renamed with no cache").await;
    assert!(app
        .get("/listings?lang=en")
        .await
        .body
        .contains("Renamed with no cache"));
}

async fn raw(app: &TestApp, uri: &str, accept: &str) -> (axum::http::HeaderMap, Vec<u8>) {
    let request = Request::builder()
        .uri(uri)
        .header("accept-encoding", accept)
        .body(Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{uri}");
    let headers = response.headers().clone();
    (
        headers,
        response.into_body().collect().await.unwrap().to_bytes().to_vec(),
    )
}

#[tokio::test]
async fn pages_and_json_come_compressed_in_the_coding_the_client_takes() {
    let app = TestApp::with_env(with_listings().await, &[("CORRIDOR_PAGE_CACHE_MS", "600000")]);
    let plain = app.get("/listings?lang=en").await.body;
    for _ in 0..2 {
        // Once rendered, once from the cache: both compressed.
        let (headers, body) = raw(&app, "/listings?lang=en", "gzip, deflate, br").await;
        assert_eq!(headers.get("content-encoding").unwrap(), "br");
        assert!(headers
            .get_all("vary")
            .iter()
            .any(|v| v.to_str().unwrap().contains("accept-encoding")));
        let mut page = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.len() > 2 * body.len(), "{} → {}", page.len(), body.len());
        assert_eq!(page.len(), plain.len(), "the same page, but for its nonce");
        assert!(page.contains("</html>"));
    }
    let (headers, body) = raw(&app, "/listings?lang=en", "gzip").await;
    assert_eq!(headers.get("content-encoding").unwrap(), "gzip");
    let mut page = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body[..]), &mut page).unwrap();
    assert!(page.contains("</html>"));
    let (headers, body) = raw(&app, "/listings?lang=en", "br;q=0, gzip;q=0").await;
    assert!(headers.get("content-encoding").is_none());
    assert!(String::from_utf8(body).unwrap().contains("</html>"));

    let (headers, body) = raw(&app, "/api/v1/listings?limit=20", "br").await;
    assert_eq!(headers.get("content-encoding").unwrap(), "br");
    let mut json = Vec::new();
    brotli::BrotliDecompress(&mut &body[..], &mut json).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert!(value.is_object());
}
