//! What every request handler and server function can reach on the server.
use crate::errors::AppError;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The database pool, from the context the server provides to every render and server fn.
pub fn db() -> Result<DatabaseConnection, AppError> {
    use_context::<AppState>()
        .map(|s| s.db)
        .ok_or_else(|| AppError::internal("AppState missing from context"))
}
