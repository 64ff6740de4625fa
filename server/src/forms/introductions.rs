//! Introduction forms: asking (from a listing or a profile), answering, the thread, blocking
//! and reporting a sender. Success goes back with a notice (303); a refusal renders the page
//! again with what was typed and what is wrong.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::domain::introductions::{self, Actor, RequestInput, Target};
use app::errors::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

fn request_input(s: &Submission) -> RequestInput {
    RequestInput {
        message: s.get("message"),
        quantity: s.get("quantity"),
        price: s.get("price"),
        delivery_window: s.get("delivery_window"),
        related_listing: s.get("related_listing"),
        // Only what a page may claim: the request came from a suggested match or a search.
        origin: match s.get("origin").as_str() {
            "match" => Some(app::statuses::IntroductionOrigin::Match),
            "search" => Some(app::statuses::IntroductionOrigin::Search),
            _ => None,
        },
    }
}

async fn ask(
    state: AppState,
    user: app::domain::accounts::CurrentUser,
    submission: Submission,
    target: Target,
    page: String,
) -> Response {
    let input = request_input(&submission);
    match introductions::request(&state.db, &state.public_origin, Actor::User(&user), &target, &input).await {
        Ok(_) => see_other(&format!("{page}?notice=introduction#introduction"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}

pub async fn request_from_listing(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    ask(state, user, submission, Target::Listing(id), format!("/listings/{id}")).await
}

pub async fn request_from_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let page = format!("/orgs/{slug}");
    ask(state, user, submission, Target::Organisation(slug), page).await
}

/// After an action on `/inbox/{id}`: back to it with a notice, or the page again.
async fn back_to_thread(
    state: AppState,
    id: i32,
    submission: Submission,
    result: Result<(), AppError>,
    notice: &str,
) -> Response {
    let page = format!("/inbox/{id}");
    match result {
        Ok(()) => see_other(&format!("{page}?notice={notice}"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}

pub async fn accept(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let result = introductions::decide(&state.db, &state.public_origin, Actor::User(&user), id, None)
        .await
        .map(|_| ());
    back_to_thread(state, id, submission, result, "accepted").await
}

pub async fn decline(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let (reason, note) = (submission.get("reason"), submission.get("note"));
    let result = introductions::decide(
        &state.db,
        &state.public_origin,
        Actor::User(&user),
        id,
        Some((&reason, &note)),
    )
    .await
    .map(|_| ());
    back_to_thread(state, id, submission, result, "declined").await
}

pub async fn post_message(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let body = submission.get("body");
    match introductions::post_message(&state.db, &state.public_origin, Actor::User(&user), id, &body).await {
        Ok(message) => see_other(&format!("/inbox/{id}#message-{}", message.id), None),
        Err(err) => back_to_thread(state, id, submission, Err(err), "").await,
    }
}

pub async fn block(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let result = introductions::block_sender(&state.db, &user, id).await;
    back_to_thread(state, id, submission, result, "blocked").await
}

pub async fn report(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let (reason, details) = (submission.get("report_reason"), submission.get("report_details"));
    // The report form's fields are named apart from the decline form's on the same page.
    let result = introductions::report_sender(&state.db, &user, id, &reason, &details)
        .await
        .map_err(|err| match err {
            AppError::Invalid { field, message } => AppError::Invalid {
                field: format!("report_{field}"),
                message,
            },
            other => other,
        });
    back_to_thread(state, id, submission, result, "reported").await
}
