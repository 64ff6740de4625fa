//! Border market board forms: post a notice, take one's own down, approve or reject (moderators
//! and the province's trade office), and the minimal account made from the board.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::cookies;
use app::domain::accounts::{self, Origin, SignUp};
use app::domain::board::{self, Decision, NoticeInput};
use app::errors::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

pub async fn post_notice(
    State(state): State<AppState>,
    Path(gate_id): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let input = NoticeInput {
        kind: submission.get("kind"),
        body: submission.get("body"),
        quantity: submission.get("quantity"),
        price: submission.get("price"),
        phone: submission.get("phone"),
        lang: submission.get("lang"),
    };
    let client = submission.client();
    let result = match state.reference.get(&state.db).await {
        Ok(reference) => board::post(&state.db, &reference, &user, &gate_id, &input, Some(&client.addr)).await,
        Err(err) => Err(err.into()),
    };
    match result {
        Ok(id) => see_other(&format!("/gates/{gate_id}/board?notice=posted#my-{id}"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}

pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match board::withdraw(&state.db, &user, id).await {
        Ok(gate_id) => see_other(&format!("/gates/{gate_id}/board?notice=withdrawn"), None),
        Err(err) => board_again(state, submission, id, err).await,
    }
}

/// A notice form's errors, shown on the notice's board.
async fn board_again(state: AppState, submission: Submission, notice_id: i32, err: AppError) -> Response {
    let page = match board::gate_of(&state.db, notice_id).await {
        Ok(Some(gate_id)) => format!("/gates/{gate_id}/board"),
        _ => "/gates".to_owned(),
    };
    render_again(state, submission, Some(&page), err, Vec::new()).await
}

pub async fn moderate(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let Some(decision) = Decision::parse(&submission.get("decision")) else {
        let err = AppError::invalid("decision", app::i18n::Msg::ErrRequired);
        return board_again(state, submission, id, err).await;
    };
    let result = match state.reference.get(&state.db).await {
        Ok(reference) => board::moderate(&state.db, &reference, &user, id, decision, &submission.get("reason")).await,
        Err(err) => Err(err.into()),
    };
    let notice = match decision {
        Decision::Approve => "approved",
        Decision::Reject => "rejected",
    };
    match result {
        Ok(gate_id) => see_other(&format!("/gates/{gate_id}/board?notice={notice}"), None),
        Err(err) => board_again(state, submission, id, err).await,
    }
}

/// A minimal account from the board: with a phone number it is made and signed in at once
/// (there is nothing to confirm); with an e-mail it is the usual sign-up ("check your mail").
pub async fn join(State(state): State<AppState>, Path(gate_id): Path<String>, submission: Submission) -> Response {
    let contact = submission.get("contact");
    let board_page = format!("/gates/{gate_id}/board");
    if contact.contains('@') {
        let origin = Origin(state.public_origin.clone());
        let result = accounts::sign_up(
            &state.db,
            &origin,
            SignUp {
                email: &contact,
                password: &submission.get("password"),
                display_name: &submission.get("display_name"),
                lang: submission.lang(),
            },
        )
        .await
        .map_err(|err| match err {
            AppError::Invalid { field, message } if field == "email" => AppError::invalid("contact", message),
            other => other,
        });
        return match result {
            Ok(_) => see_other("/account/signup?sent=1", None),
            Err(err) => {
                let keep = submission.echo();
                render_again(state, submission, None, err, keep).await
            }
        };
    }
    let result = accounts::sign_up_with_phone(
        &state.db,
        &contact,
        &submission.get("password"),
        &submission.get("display_name"),
        submission.lang(),
        &submission.client(),
    )
    .await;
    match result {
        Ok(signed_in) => see_other(
            &format!("{board_page}?notice=joined#post"),
            Some(cookies::SESSION.set(&signed_in.session.secret, state.secure_cookies())),
        ),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
