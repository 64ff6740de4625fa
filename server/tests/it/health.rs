use crate::helpers::{empty_database, TestApp};
use axum::http::StatusCode;

#[tokio::test]
async fn healthz_answers_while_the_process_is_up() {
    let app = TestApp::new().await;
    let res = app.get("/healthz").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["status"], "ok");
}

#[tokio::test]
async fn readyz_is_ready_on_a_migrated_database() {
    let app = TestApp::new().await;
    let res = app.get("/readyz").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "ready");
    assert_eq!(res.json()["pending_migrations"], 0);
}

#[tokio::test]
async fn readyz_says_why_when_the_schema_is_missing() {
    let app = TestApp::on(empty_database().await);
    let res = app.get("/readyz").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    let body = res.json();
    assert_eq!(body["status"], "not_ready");
    assert!(body["reason"].as_str().unwrap().contains("corridor migrate"), "{body}");
}

#[tokio::test]
async fn readyz_is_not_ready_when_the_database_is_gone() {
    let app = TestApp::new().await;
    app.db.close_by_ref().await.expect("close the pool");
    let res = app.get("/readyz").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.json()["reason"], "database unreachable");
}
