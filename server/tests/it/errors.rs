//! Failures: what the user sees, and what they must never see.
use crate::helpers::TestApp;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn a_database_failure_shows_a_reference_and_no_internal_detail() {
    let app = TestApp::new().await;
    app.db
        .execute_unprepared("DROP TABLE economic_zones")
        .await
        .expect("break the schema");
    let res = app.get("/gates/lao-bao?lang=en").await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(res.body.contains("Something went wrong"));
    assert!(res.body.contains("Reference"));
    // The islands' loader (a fixed script in every page) says "select" about form controls.
    let body = res
        .body
        .replace(include_str!("../../../app/src/components/island_loader.js"), "");
    assert_ne!(body, res.body, "the loader is in the page");
    let lower = body.to_lowercase();
    for leak in [
        "economic_zones",
        "select",
        "no such table",
        "does not exist",
        "sqlx",
        "/tmp/",
        ".rs:",
    ] {
        assert!(!lower.contains(leak), "page leaks {leak:?}");
    }
}

#[tokio::test]
async fn a_failing_server_function_answers_with_a_reference_only() {
    let app = TestApp::new().await;
    app.db
        .execute_unprepared("DROP TABLE milestone_parties")
        .await
        .expect("break the schema");
    let request = Request::builder()
        .method("POST")
        .uri("/_fn/home")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    let res = app.request(request).await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", res.body);
    assert!(res.body.contains("Internal"), "{}", res.body);
    assert!(!res.body.to_lowercase().contains("milestone_parties"), "{}", res.body);
}

#[tokio::test]
async fn the_gate_list_server_function_filters() {
    let app = TestApp::new().await;
    let request = Request::builder()
        .method("POST")
        .uri("/_fn/gates/list")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from("filter[level]=Main"))
        .unwrap();
    let res = app.request(request).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let rows = res.json();
    let rows = rows.as_array().expect("a list");
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["level"] == "Main"));
}

#[tokio::test]
async fn oversized_request_bodies_are_refused() {
    let app = TestApp::new().await;
    let request = Request::builder()
        .method("POST")
        .uri("/_fn/gates/list")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("content-length", (3 * 1024 * 1024).to_string())
        .body(Body::from(vec![b'a'; 3 * 1024 * 1024]))
        .unwrap();
    let res = app.request(request).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn responses_are_compressed_and_carry_a_request_id() {
    let app = TestApp::new().await;
    let res = app.get_with("/gates", &[("accept-encoding", "br")]).await;
    assert_eq!(res.header("content-encoding"), Some("br"));
    assert!(res.header("x-request-id").is_some_and(|id| id.len() >= 32));
    let res = app.get_with("/gates", &[("accept-encoding", "gzip")]).await;
    assert_eq!(res.header("content-encoding"), Some("gzip"));
}

#[tokio::test]
async fn server_functions_live_under_their_own_prefix_and_bad_arguments_get_400_in_the_readers_language() {
    let app = TestApp::new().await;
    // Not in the public API's namespace any more.
    let old = app
        .request(
            Request::builder()
                .method("POST")
                .uri("/api/gates/list")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_ne!(old.status, StatusCode::OK);
    for (lang, text) in [
        ("vi", "Yêu cầu không hợp lệ"),
        ("lo", "ຄຳຮ້ອງຂໍບໍ່ຖືກຕ້ອງ"),
        ("en", "Bad request"),
    ] {
        let request = Request::builder()
            .method("POST")
            .uri(format!("/_fn/gates/get?lang={lang}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("not_an_argument=%FF&&=="))
            .unwrap();
        let res = app.request(request).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        assert!(res.body.contains(text), "{lang}: {}", res.body);
        for leak in ["missing field", "serde", "invalid type", "app::", "Deserial"] {
            assert!(!res.body.contains(leak), "{leak} in {}", res.body);
        }
    }
    // A signed-out call to a signed-in function: 401, not 500.
    let request = Request::builder()
        .method("POST")
        .uri("/_fn/account/get")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.request(request).await.status, StatusCode::UNAUTHORIZED);
}
