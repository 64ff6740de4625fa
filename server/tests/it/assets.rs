//! Built assets: hashed names cached for a year, precompressed copies preferred.
use crate::helpers::{seeded_database, TestApp};
use axum::http::StatusCode;

fn site_with_wasm() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    std::fs::write(site.path().join("pkg/corridor.abc123.wasm"), b"\0asm plain").unwrap();
    std::fs::write(site.path().join("pkg/corridor.abc123.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(site.path().join("favicon.svg"), b"<svg/>").unwrap();
    site
}

#[tokio::test]
async fn hashed_assets_are_cached_for_a_year_and_sent_precompressed() {
    let site = site_with_wasm();
    let app = TestApp::with_site_root(seeded_database().await, site.path().to_str().unwrap());
    let res = app
        .get_with("/pkg/corridor.abc123.wasm", &[("accept-encoding", "br")])
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("cache-control"), Some("public, max-age=31536000, immutable"));
    assert_eq!(res.header("content-encoding"), Some("br"));
    assert_eq!(res.body, "brotli bytes");
    let plain = app
        .get_with("/pkg/corridor.abc123.wasm", &[("accept-encoding", "identity")])
        .await;
    assert_eq!(plain.body, "\0asm plain");
}

#[tokio::test]
async fn other_static_files_are_served_from_the_site_root() {
    let site = site_with_wasm();
    let app = TestApp::with_site_root(seeded_database().await, site.path().to_str().unwrap());
    let res = app.get("/favicon.svg").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, "<svg/>");
    let missing = app.get("/pkg/nothing.wasm").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
