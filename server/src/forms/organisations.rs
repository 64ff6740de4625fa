//! Organisation forms: create and edit a profile, members and invitations, the active
//! organisation of a session, the logo.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, see_other};
use app::domain::accounts::Origin;
use app::domain::organisations::{self, OrganisationInput};
use app::domain::policy::OrgRole;
use app::errors::AppError;
use app::i18n::Msg;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;

fn organisation_input(submission: &Submission) -> OrganisationInput {
    OrganisationInput {
        name: submission.get("name"),
        kind: submission.get("kind"),
        country: submission.get("country"),
        registration_number: submission.get("registration_number"),
        website: submission.get("website"),
        description_vi: submission.get("description_vi"),
        description_lo: submission.get("description_lo"),
        description_en: submission.get("description_en"),
        province_id: submission.get("province_id"),
        sectors: submission.get_all("sectors"),
        languages: submission.get_all("languages"),
        contact_person: submission.get("contact_person"),
        contact_email: submission.get("contact_email"),
        contact_phone: submission.get("contact_phone"),
        contact_messaging: submission.get("contact_messaging"),
        invest_sectors: submission.get_all("invest_sectors"),
        invest_provinces: submission.get_all("invest_provinces"),
        invest_instruments: submission.get_all("invest_instruments"),
        invest_ticket_min: submission.get("invest_ticket_min"),
        invest_ticket_max: submission.get("invest_ticket_max"),
    }
}
pub async fn create_organisation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match organisations::create(&state.db, &user, &organisation_input(&submission)).await {
        Ok(org) => see_other(&format!("/orgs/{}?notice=created", org.slug), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn update_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match organisations::update(&state.db, &user, &slug, &organisation_input(&submission)).await {
        Ok(org) => see_other(&format!("/orgs/{}?notice=saved", org.slug), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn invite_member(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let members_page = format!("/orgs/{slug}/members");
    let origin = Origin(state.public_origin.clone());
    let lang = submission.lang();
    let result = organisations::invite(
        &state.db,
        &origin,
        &user,
        &slug,
        &submission.get("email"),
        &submission.get("role"),
        lang,
    )
    .await;
    match result {
        Ok(()) => see_other(&format!("{members_page}?notice=invited"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&members_page), err, keep).await
        }
    }
}
pub async fn change_member_role(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let members_page = format!("/orgs/{slug}/members");
    let Ok(member) = submission.get("member").parse::<i32>() else {
        return render_again(state, submission, Some(&members_page), AppError::NotFound, Vec::new()).await;
    };
    let role = match submission.get("role").as_str() {
        "remove" => None,
        code => match OrgRole::parse(code) {
            Some(role) => Some(role),
            None => {
                let err = AppError::invalid("role", Msg::ErrChooseOne);
                return render_again(state, submission, Some(&members_page), err, Vec::new()).await;
            }
        },
    };
    match organisations::set_member_role(&state.db, &user, &slug, member, role).await {
        Ok(()) => see_other(&members_page, None),
        Err(err) => render_again(state, submission, Some(&members_page), err, Vec::new()).await,
    }
}
pub async fn accept_invitation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let token = submission.get("token");
    match organisations::accept_invitation(&state.db, &user, &token).await {
        Ok(org) => see_other(&format!("/orgs/{}", org.slug), None),
        Err(err) => {
            let keep = vec![("token".to_owned(), token)];
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn switch_organisation(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match organisations::switch_active(&state.db, &user, &submission.get("organisation")).await {
        Ok(()) => see_other("/account", None),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}
/// `POST /orgs/{slug}/logo` (multipart): the organisation's logo.
pub async fn upload_logo(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let page = format!("/orgs/{slug}/edit");
    let bytes = submission.file("logo").unwrap_or_default().to_vec();
    match app::domain::logo::set_logo(&state.db, &state.data_dir, &user, &slug, &bytes).await {
        Ok(org) => see_other(&format!("/orgs/{}?notice=saved", org.slug), None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}
