//! Platform administration forms.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::domain::accounts::{self};
use app::state::AppState;
use axum::extract::State;
use axum::response::Response;

/// `POST /admin/roles`: an administrator sets an account's platform role.
pub async fn set_platform_role(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match accounts::set_platform_role(&state.db, &user, &submission.get("email"), &submission.get("role")).await {
        Ok(_) => see_other("/admin/audit?notice=role", None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some("/admin/audit"), err, keep).await
        }
    }
}
