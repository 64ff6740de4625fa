//! `/healthz`: the process is up. `/readyz`: the database answers and its schema is current;
//! it also says how far this server's search index is (documents, last applied outbox id).
use app::state::AppState;
use axum::{extract::State, http::StatusCode, response::IntoResponse, Json};
use serde_json::json;

pub async fn healthz() -> impl IntoResponse {
    Json(json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}

pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let backend = app::domain::db::backend_name(&state.db);
    if let Err(err) = app::domain::db::ping(&state.db).await {
        tracing::warn!(error = %err, "readiness: database unreachable");
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({ "status": "not_ready", "database": backend, "reason": "database unreachable" })),
        );
    }
    let search = match state.search.as_ref().and_then(|index| index.generation()) {
        Some(generation) => json!({
            "status": "ready",
            "documents": generation.num_docs(),
            "outbox_id": generation.watermark(),
        }),
        None if state.search.is_some() => json!({ "status": "building" }),
        None => json!({ "status": "off" }),
    };
    match app::domain::db::pending_migrations(&state.db).await {
        Ok(0) => (
            StatusCode::OK,
            Json(json!({ "status": "ready", "database": backend, "pending_migrations": 0, "search": search })),
        ),
        Ok(pending) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({
                "status": "not_ready",
                "database": backend,
                "pending_migrations": pending,
                "reason": format!("database schema is not current: {pending} migrations pending (run `corridor migrate`)"),
            })),
        ),
        Err(err) => {
            tracing::warn!(error = %err, "readiness: cannot read migration state");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "not_ready", "database": backend, "reason": "cannot read migration state" })),
            )
        }
    }
}
