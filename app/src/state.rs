//! What every request handler and server function can reach on the server.
use crate::domain::accounts::CurrentUser;
use crate::errors::AppError;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub leptos_options: LeptosOptions,
    /// The address users reach the portal at (`https://…`): links in e-mails, CSRF checks,
    /// `Secure` cookies.
    pub public_origin: String,
    /// Uploads (logos) and, later, the search index.
    pub data_dir: std::path::PathBuf,
    /// Rules of the listings (e.g. hold listings of unverified organisations).
    pub listing_rules: crate::domain::listings::Rules,
    /// The search index (`data_dir/search`), kept in step by the indexer task; `None` where no
    /// index is kept (search then answers with a notice).
    pub search: Option<std::sync::Arc<crate::domain::search::SearchIndex>>,
    /// Provinces, gates, zones and HS names, read once (they change only with the binary).
    pub reference: crate::domain::reference::ReferenceCache,
}

impl AppState {
    pub fn secure_cookies(&self) -> bool {
        self.public_origin.starts_with("https://")
    }
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

/// The reference data (from memory after the first request), from the server's context.
pub async fn reference() -> Result<std::sync::Arc<crate::domain::reference::Reference>, AppError> {
    let state = use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))?;
    Ok(state.reference.get(&state.db).await?)
}

/// Gives a server function's error its HTTP status (server functions answer 500 otherwise).
pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(err) = &result {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(err.status());
        }
    }
    result
}

/// The signed-in user of the current request, if any (set by the session middleware).
pub fn current_user() -> Option<CurrentUser> {
    use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
}

/// The signed-in user, or `Unauthorized`.
pub fn require_user() -> Result<CurrentUser, AppError> {
    current_user().ok_or(AppError::Unauthorized)
}

/// The signed-in user when the policy allows them a platform-wide action (one about no
/// organisation, such as reading the audit log), or `Unauthorized` / `Forbidden`.
pub fn require(action: crate::domain::policy::Action) -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    crate::domain::policy::authorise(&user.principal(None), action)?;
    Ok(user)
}
