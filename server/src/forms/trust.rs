//! Trust forms: verification requests and decisions, reports and their moderation, endorsements.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::domain::accounts::CurrentUser;
use app::domain::trust;
use app::errors::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

/// A form on an organisation's profile page: back to it with a notice, or the page again.
async fn org_action<F, Fut>(
    state: AppState,
    slug: String,
    user: CurrentUser,
    submission: Submission,
    ok_notice: &str,
    act: F,
) -> Response
where
    F: FnOnce(AppState, CurrentUser, Submission) -> Fut,
    Fut: std::future::Future<Output = (Submission, Result<(), AppError>)>,
{
    let page = format!("/orgs/{slug}");
    let (submission, result) = act(state.clone(), user, submission).await;
    match result {
        Ok(()) => see_other(&format!("{page}?notice={ok_notice}"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}
pub async fn submit_verification(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let target = slug.clone();
    org_action(
        state,
        slug,
        user,
        submission,
        "verification",
        |state, user, s| async move {
            let result = trust::submit_verification(
                &state.db,
                &user,
                &target,
                &s.get("registration_number"),
                &s.get("evidence"),
                s.file("document").map(|bytes| (state.data_dir.as_path(), bytes)),
            )
            .await;
            (s, result)
        },
    )
    .await
}
pub async fn report_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let target = slug.clone();
    org_action(state, slug, user, submission, "reported", |state, user, s| async move {
        let result = trust::report_organisation(&state.db, &user, &target, &s.get("reason"), &s.get("details")).await;
        (s, result)
    })
    .await
}
pub async fn endorse(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let target = slug.clone();
    org_action(state, slug, user, submission, "endorsed", |state, user, s| async move {
        let result = trust::endorse(&state.db, &user, &target).await;
        (s, result)
    })
    .await
}
pub async fn withdraw_endorsement(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let target = slug.clone();
    org_action(
        state,
        slug,
        user,
        submission,
        "withdrawn",
        |state, user, s| async move {
            let result = trust::withdraw_endorsement(&state.db, &user, &target).await;
            (s, result)
        },
    )
    .await
}
pub async fn decide_verification(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let approve = submission.get("decision") == "approve";
    match trust::decide_verification(&state.db, &user, id, approve, &submission.get("reason")).await {
        Ok(_) => see_other("/moderation", None),
        Err(err) => render_again(state, submission, Some("/moderation"), err, Vec::new()).await,
    }
}
pub async fn moderate_report(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match trust::moderate_report(&state.db, &user, id, &submission.get("outcome")).await {
        Ok(()) => see_other("/moderation", None),
        Err(err) => render_again(state, submission, Some("/moderation"), err, Vec::new()).await,
    }
}
