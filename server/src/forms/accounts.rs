//! Account forms: sign-up, sign-in and out, e-mail confirmation, password reset and change.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, safe_next, see_other};
use app::cookies;
use app::domain::accounts::{self, sessions, Origin, SignUp};
use app::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::Response;

/// Sign-up answers the same for a new address and a taken one ("check your mail"); the
/// confirmation link signs the new user in (see `confirm_email`).
pub async fn sign_up(State(state): State<AppState>, submission: Submission) -> Response {
    let origin = Origin(state.public_origin.clone());
    let result = accounts::sign_up(
        &state.db,
        &origin,
        SignUp {
            email: &submission.get("email"),
            password: &submission.get("password"),
            display_name: &submission.get("display_name"),
            lang: submission.lang(),
        },
    )
    .await;
    match result {
        Ok(_) => see_other("/account/signup?sent=1", None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn sign_in(State(state): State<AppState>, submission: Submission) -> Response {
    let device = cookies::DEVICE.read(&submission.parts.headers);
    let result = accounts::sign_in(
        &state.db,
        &submission.get("email"),
        &submission.get("password"),
        &submission.client(),
        device.as_deref(),
    )
    .await;
    match result {
        Ok(signed_in) => {
            let mut response = see_other(
                &safe_next(&submission.get("next")),
                Some(cookies::SESSION.set(&signed_in.session.secret, state.secure_cookies())),
            );
            if let Some(secret) = signed_in.new_device {
                response
                    .headers_mut()
                    .append(header::SET_COOKIE, cookies::DEVICE.set(&secret, state.secure_cookies()));
            }
            response
        }
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn sign_out(State(state): State<AppState>, submission: Submission) -> Response {
    if let Some(user) = submission.user() {
        if let Err(err) = sessions::end(&state.db, &user.session_id).await {
            return render_again(state, submission, Some("/"), err, Vec::new()).await;
        }
    }
    see_other("/", Some(cookies::SESSION.clear(state.secure_cookies())))
}
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match sessions::end_all(&state.db, user.user_id).await {
        Ok(_) => see_other("/account/signin", Some(cookies::SESSION.clear(state.secure_cookies()))),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}
pub async fn confirm_email(State(state): State<AppState>, submission: Submission) -> Response {
    match accounts::confirm_email(&state.db, &submission.get("token")).await {
        // The link was mailed to the address, so it signs its owner in (sign-up no longer does).
        Ok(account) if submission.user().is_none_or(|u| u.user_id != account.id) => {
            match sessions::create(&state.db, account.id, &submission.client()).await {
                Ok(session) => see_other(
                    "/account?notice=welcome",
                    Some(cookies::SESSION.set(&session.secret, state.secure_cookies())),
                ),
                Err(err) => render_again(state, submission, None, err, Vec::new()).await,
            }
        }
        Ok(_) => see_other("/account?notice=confirmed", None),
        Err(err) => render_again(state, submission, None, err, Vec::new()).await,
    }
}
pub async fn resend_confirmation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let origin = Origin(state.public_origin.clone());
    match accounts::resend_confirmation(&state.db, &origin, user.user_id).await {
        Ok(()) => see_other("/account?notice=resent", None),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}
pub async fn forgot_password(State(state): State<AppState>, submission: Submission) -> Response {
    let origin = Origin(state.public_origin.clone());
    match accounts::request_password_reset(&state.db, &origin, &submission.get("email")).await {
        Ok(()) => see_other("/account/forgot?sent=1", None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn reset_password(State(state): State<AppState>, submission: Submission) -> Response {
    match accounts::reset_password(&state.db, &submission.get("token"), &submission.get("password")).await {
        Ok(()) => see_other(
            "/account/signin?notice=reset",
            Some(cookies::SESSION.clear(state.secure_cookies())),
        ),
        Err(err) => {
            // The token goes back into the page so a weak password can be corrected.
            let keep = vec![("token".to_owned(), submission.get("token"))];
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn change_password(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let result = accounts::change_password(
        &state.db,
        &user,
        &submission.get("current_password"),
        &submission.get("password"),
        &submission.client(),
    )
    .await;
    match result {
        Ok(session) => see_other(
            "/account?notice=password",
            Some(cookies::SESSION.set(&session.secret, state.secure_cookies())),
        ),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}
