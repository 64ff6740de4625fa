//! Form posts of the account pages. Each one parses the form, calls the domain, and either
//! redirects (303, POST-redirect-GET) or renders the same page again with what was typed and
//! what is wrong, so every form works without JavaScript and loses nothing.
use app::domain::accounts::{self, devices, sessions, CurrentUser, Origin, SignUp};
use app::domain::api_tokens;
use app::domain::organisations::{self, OrganisationInput};
use app::domain::policy::OrgRole;
use app::domain::trust;
use app::errors::AppError;
use app::i18n::{resolve_lang, Lang};
use app::model::FormState;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, request::Parts, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// Form bodies are small; anything bigger is refused before parsing.
const FORM_LIMIT_BYTES: usize = 64 * 1024;
/// Fields that are never echoed back into a page.
const SECRET_FIELDS: &[&str] = &["password", "current_password", "token"];

pub(crate) struct Submission {
    pub(crate) parts: Parts,
    pub(crate) fields: Vec<(String, String)>,
    /// Uploaded files of a multipart form: (field name, bytes).
    pub(crate) files: Vec<(String, Vec<u8>)>,
}

impl Submission {
    /// Reads a URL-encoded or multipart form.
    pub(crate) async fn read(request: Request) -> Result<Submission, Response> {
        let is_multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if is_multipart {
            return Self::read_multipart(request).await;
        }
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, FORM_LIMIT_BYTES)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        Ok(Submission {
            parts,
            fields,
            files: Vec::new(),
        })
    }

    async fn read_multipart(request: Request) -> Result<Submission, Response> {
        use axum::extract::FromRequest;
        let (parts, body) = request.into_parts();
        let mut multipart = axum::extract::Multipart::from_request(Request::from_parts(parts.clone(), body), &())
            .await
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let mut submission = Submission {
            parts,
            fields: Vec::new(),
            files: Vec::new(),
        };
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?
        {
            let name = field.name().unwrap_or_default().to_owned();
            if field.file_name().is_some() {
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
                submission.files.push((name, bytes.to_vec()));
            } else {
                let text = field
                    .text()
                    .await
                    .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
                submission.fields.push((name, text));
            }
        }
        Ok(submission)
    }

    pub(crate) fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
            .filter(|v| !v.is_empty())
    }

    pub(crate) fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub(crate) fn get_all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub(crate) fn lang(&self) -> Lang {
        let header = |name: header::HeaderName| self.parts.headers.get(name).and_then(|v| v.to_str().ok());
        let chosen = Lang::parse(&self.get("lang"));
        chosen.unwrap_or_else(|| {
            resolve_lang(
                self.parts.uri.query(),
                header(header::COOKIE),
                header(header::ACCEPT_LANGUAGE),
            )
        })
    }

    pub(crate) fn client(&self) -> sessions::Client {
        self.parts
            .extensions
            .get::<sessions::Client>()
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn user(&self) -> Option<CurrentUser> {
        self.parts.extensions.get::<CurrentUser>().cloned()
    }

    /// What was typed, minus secrets, plus the hidden token when the page needs it again.
    pub(crate) fn echo(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .filter(|(k, _)| !SECRET_FIELDS.contains(&k.as_str()))
            .cloned()
            .collect()
    }
}

pub(crate) fn see_other(location: &str, cookie: Option<String>) -> Response {
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location.to_owned())]).into_response();
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// A local path to go back to after signing in; anything else goes to the account page.
///
/// Browsers strip tabs and newlines from URLs and read `\\` as `/`, so `/\t/evil.example` and
/// `/\\evil.example` are other hosts: a path must start with exactly one `/`, and contain no
/// whitespace, control character or backslash, also once percent-decoded (a `Location` header
/// is sent as it is, and `%09` decoded later would make `//`).
pub fn safe_next(next: &str) -> String {
    fn local_path(path: &str) -> bool {
        path.starts_with('/')
            && !path.starts_with("//")
            && !path.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    }
    let decoded = percent_decode(next);
    if next.len() <= 512 && local_path(next) && decoded.as_deref().is_some_and(local_path) {
        next.to_owned()
    } else {
        "/account".to_owned()
    }
}

/// Percent-decodes until nothing changes (`%2509` → `%09` → a tab); `None` when the bytes are
/// not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut current = text.to_owned();
    for _ in 0..4 {
        let bytes = current.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        let next = String::from_utf8(out).ok()?;
        if next == current {
            return Some(next);
        }
        current = next;
    }
    Some(current)
}

/// Renders the form's page again with the form state (and its status). `page` is the path of
/// the page the form is on, when it differs from the path it posts to.
pub(crate) async fn render_again(
    state: AppState,
    submission: Submission,
    page: Option<&str>,
    error: AppError,
    keep: Vec<(String, String)>,
) -> Response {
    let mut form = FormState {
        values: keep,
        ..Default::default()
    };
    let mut retry_after = None;
    match error {
        AppError::Invalid { .. } | AppError::InvalidFields(_) => {
            form.errors = error.field_errors();
            form.status = StatusCode::UNPROCESSABLE_ENTITY.as_u16();
        }
        AppError::RateLimited { retry_after_secs } => {
            form.form_error = Some("ErrRateLimited".into());
            form.retry_after_minutes = Some(retry_after_secs.div_ceil(60));
            form.status = StatusCode::TOO_MANY_REQUESTS.as_u16();
            retry_after = Some(retry_after_secs);
        }
        AppError::Unauthorized => return see_other("/account/signin?next=/account", None),
        AppError::Forbidden => {
            form.form_error = Some("ForbiddenBody".into());
            form.status = StatusCode::FORBIDDEN.as_u16();
        }
        AppError::NotFound => {
            form.form_error = Some("NotFoundBody".into());
            form.status = StatusCode::NOT_FOUND.as_u16();
        }
        other => {
            // Internal errors were logged with a reference where they were made.
            form.form_error = Some("ServerErrorBody".into());
            form.status = other.status().as_u16();
        }
    }
    render_with(state, submission, page, form, retry_after).await
}

/// Renders the page (at `page`, or the submission's own path) with a form state.
pub(crate) async fn render_with(
    state: AppState,
    submission: Submission,
    page: Option<&str>,
    form: FormState,
    retry_after: Option<u64>,
) -> Response {
    let Submission { mut parts, .. } = submission;
    parts.method = Method::GET;
    if let Some(page) = page {
        let uri = match parts.uri.query() {
            Some(query) => format!("{page}?{query}"),
            None => page.to_owned(),
        };
        if let Ok(uri) = uri.parse() {
            parts.uri = uri;
        }
    }
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(form.clone());
            provide_context(state.clone());
        },
        move || app::shell(options.clone()),
    );
    let mut response = handler(Request::from_parts(parts, Body::empty())).await;
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

#[macro_export]
macro_rules! read_or_return {
    ($request:expr) => {
        match Submission::read($request).await {
            Ok(submission) => submission,
            Err(response) => return response,
        }
    };
}

/// Sign-up answers the same for a new address and a taken one ("check your mail"); the
/// confirmation link signs the new user in (see `confirm_email`).
pub async fn sign_up(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
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

pub async fn sign_in(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let device = crate::middleware::cookie_value(&submission.parts.headers, devices::COOKIE).map(str::to_owned);
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
                Some(sessions::cookie(&signed_in.session.secret, state.secure_cookies())),
            );
            if let Some(secret) = signed_in.new_device {
                append_cookie(&mut response, &devices::cookie(&secret, state.secure_cookies()));
            }
            response
        }
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

pub async fn sign_out(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    if let Some(user) = submission.user() {
        if let Err(err) = sessions::end(&state.db, &user.session_id).await {
            return render_again(state, submission, Some("/"), err, Vec::new()).await;
        }
    }
    see_other("/", Some(sessions::clear_cookie(state.secure_cookies())))
}

pub async fn sign_out_everywhere(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin", None);
    };
    match sessions::end_all(&state.db, user.user_id).await {
        Ok(_) => see_other("/account/signin", Some(sessions::clear_cookie(state.secure_cookies()))),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}

pub async fn confirm_email(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    match accounts::confirm_email(&state.db, &submission.get("token")).await {
        // The link was mailed to the address, so it signs its owner in (sign-up no longer does).
        Ok(account) if submission.user().is_none_or(|u| u.user_id != account.id) => {
            match sessions::create(&state.db, account.id, &submission.client()).await {
                Ok(session) => see_other(
                    "/account?notice=welcome",
                    Some(sessions::cookie(&session.secret, state.secure_cookies())),
                ),
                Err(err) => render_again(state, submission, None, err, Vec::new()).await,
            }
        }
        Ok(_) => see_other("/account?notice=confirmed", None),
        Err(err) => render_again(state, submission, None, err, Vec::new()).await,
    }
}

pub async fn resend_confirmation(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/account", None);
    };
    let origin = Origin(state.public_origin.clone());
    match accounts::resend_confirmation(&state.db, &origin, user.user_id).await {
        Ok(()) => see_other("/account?notice=resent", None),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}

pub async fn forgot_password(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let origin = Origin(state.public_origin.clone());
    match accounts::request_password_reset(&state.db, &origin, &submission.get("email")).await {
        Ok(()) => see_other("/account/forgot?sent=1", None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}

pub async fn reset_password(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    match accounts::reset_password(&state.db, &submission.get("token"), &submission.get("password")).await {
        Ok(()) => see_other(
            "/account/signin?notice=reset",
            Some(sessions::clear_cookie(state.secure_cookies())),
        ),
        Err(err) => {
            // The token goes back into the page so a weak password can be corrected.
            let keep = vec![("token".to_owned(), submission.get("token"))];
            render_again(state, submission, None, err, keep).await
        }
    }
}

pub async fn change_password(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/account", None);
    };
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
            Some(sessions::cookie(&session.secret, state.secure_cookies())),
        ),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}

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
    }
}

pub async fn create_organisation(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/orgs/new", None);
    };
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
    request: Request,
) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next=/orgs/{slug}/edit"), None);
    };
    match organisations::update(&state.db, &user, &slug, &organisation_input(&submission)).await {
        Ok(org) => see_other(&format!("/orgs/{}?notice=saved", org.slug), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}

pub async fn invite_member(State(state): State<AppState>, Path(slug): Path<String>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let members_page = format!("/orgs/{slug}/members");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={members_page}"), None);
    };
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

pub async fn change_member_role(State(state): State<AppState>, Path(slug): Path<String>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let members_page = format!("/orgs/{slug}/members");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={members_page}"), None);
    };
    let Ok(member) = submission.get("member").parse::<i32>() else {
        return render_again(state, submission, Some(&members_page), AppError::NotFound, Vec::new()).await;
    };
    let role = match submission.get("role").as_str() {
        "remove" => None,
        code => match OrgRole::parse(code) {
            Some(role) => Some(role),
            None => {
                let err = AppError::invalid("role", "ErrChooseOne");
                return render_again(state, submission, Some(&members_page), err, Vec::new()).await;
            }
        },
    };
    match organisations::set_member_role(&state.db, &user, &slug, member, role).await {
        Ok(()) => see_other(&members_page, None),
        Err(err) => render_again(state, submission, Some(&members_page), err, Vec::new()).await,
    }
}

pub async fn accept_invitation(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let token = submission.get("token");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next=/invitations/accept?token={token}"), None);
    };
    match organisations::accept_invitation(&state.db, &user, &token).await {
        Ok(org) => see_other(&format!("/orgs/{}", org.slug), None),
        Err(err) => {
            let keep = vec![("token".to_owned(), token)];
            render_again(state, submission, None, err, keep).await
        }
    }
}

pub async fn switch_organisation(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/account", None);
    };
    match organisations::switch_active(&state.db, &user, &submission.get("organisation")).await {
        Ok(()) => see_other("/account", None),
        Err(err) => render_again(state, submission, Some("/account"), err, Vec::new()).await,
    }
}

async fn org_action<F, Fut>(state: AppState, slug: String, request: Request, ok_notice: &str, act: F) -> Response
where
    F: FnOnce(AppState, CurrentUser, Submission) -> Fut,
    Fut: std::future::Future<Output = (Submission, Result<(), AppError>)>,
{
    let submission = read_or_return!(request);
    let page = format!("/orgs/{slug}");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={page}"), None);
    };
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
    request: Request,
) -> Response {
    let target = slug.clone();
    org_action(state, slug, request, "verification", |state, user, s| async move {
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
    })
    .await
}

pub async fn report_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Response {
    let target = slug.clone();
    org_action(state, slug, request, "reported", |state, user, s| async move {
        let result = trust::report_organisation(&state.db, &user, &target, &s.get("reason"), &s.get("details")).await;
        (s, result)
    })
    .await
}

pub async fn endorse(State(state): State<AppState>, Path(slug): Path<String>, request: Request) -> Response {
    let target = slug.clone();
    org_action(state, slug, request, "endorsed", |state, user, s| async move {
        let result = trust::endorse(&state.db, &user, &target).await;
        (s, result)
    })
    .await
}

pub async fn withdraw_endorsement(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Response {
    let target = slug.clone();
    org_action(state, slug, request, "withdrawn", |state, user, s| async move {
        let result = trust::withdraw_endorsement(&state.db, &user, &target).await;
        (s, result)
    })
    .await
}

pub async fn decide_verification(State(state): State<AppState>, Path(id): Path<i32>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/moderation", None);
    };
    let approve = submission.get("decision") == "approve";
    match trust::decide_verification(&state.db, &user, id, approve, &submission.get("reason")).await {
        Ok(_) => see_other("/moderation", None),
        Err(err) => render_again(state, submission, Some("/moderation"), err, Vec::new()).await,
    }
}

pub async fn moderate_report(State(state): State<AppState>, Path(id): Path<i32>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/moderation", None);
    };
    match trust::moderate_report(&state.db, &user, id, &submission.get("outcome")).await {
        Ok(()) => see_other("/moderation", None),
        Err(err) => render_again(state, submission, Some("/moderation"), err, Vec::new()).await,
    }
}

pub async fn create_api_token(State(state): State<AppState>, Path(slug): Path<String>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let page = format!("/orgs/{slug}/tokens");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={page}"), None);
    };
    let result = api_tokens::create(
        &state.db,
        &user,
        &slug,
        &submission.get("name"),
        &submission.get("scope"),
        &submission.get("days"),
    )
    .await;
    match result {
        // Shown once, in the page itself (never in a URL or a redirect).
        Ok(secret) => {
            let form = FormState {
                values: vec![("new_token".to_owned(), secret)],
                ..Default::default()
            };
            render_with(state, submission, Some(&page), form, None).await
        }
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}

pub async fn revoke_api_token(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i32)>,
    request: Request,
) -> Response {
    let submission = read_or_return!(request);
    let page = format!("/orgs/{slug}/tokens");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={page}"), None);
    };
    match api_tokens::revoke(&state.db, &user, &slug, id).await {
        Ok(()) => see_other(&page, None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}

/// `POST /orgs/{slug}/logo` (multipart): the organisation's logo.
pub async fn upload_logo(State(state): State<AppState>, Path(slug): Path<String>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let page = format!("/orgs/{slug}/edit");
    let Some(user) = submission.user() else {
        return see_other(&format!("/account/signin?next={page}"), None);
    };
    let bytes = submission.file("logo").unwrap_or_default().to_vec();
    match app::domain::logo::set_logo(&state.db, &state.data_dir, &user, &slug, &bytes).await {
        Ok(org) => see_other(&format!("/orgs/{}?notice=saved", org.slug), None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}

/// `GET /uploads/logos/{file}`: a stored logo, with a type that matches its bytes.
pub async fn serve_logo(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match app::domain::logo::stored_path(&state.data_dir, &file) {
        Some(path) => serve_upload(&path, &file, "public, max-age=31536000, immutable").await,
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// An uploaded file with the type its (checked) extension names, never sniffed by the browser
/// and sandboxed, so an upload can never run as a page of this site.
async fn serve_upload(path: &std::path::Path, file: &str, cache_control: &'static str) -> Response {
    match tokio::fs::read(path).await {
        Ok(bytes) => {
            let content_type = app::domain::logo::content_type_for(file).unwrap_or("application/octet-stream");
            (
                [
                    (header::CONTENT_TYPE, content_type),
                    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                    (header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox"),
                    (header::CACHE_CONTROL, cache_control),
                ],
                bytes,
            )
                .into_response()
        }
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /moderation/evidence/{file}`: a verification document, for moderators only.
pub async fn serve_evidence(State(state): State<AppState>, Path(file): Path<String>, request: Request) -> Response {
    use app::domain::policy::{allowed, Action};
    let user = request.extensions().get::<CurrentUser>().cloned();
    let Some(user) = user else {
        return see_other("/account/signin?next=/moderation", None);
    };
    let who = match organisations::principal(&state.db, Some(&user), None).await {
        Ok(who) => who,
        Err(err) => return err.status().into_response(),
    };
    if !allowed(&who, Action::Moderate) {
        return StatusCode::FORBIDDEN.into_response();
    }
    match app::domain::logo::evidence_path(&state.data_dir, &file) {
        Some(path) => serve_upload(&path, &file, "private, no-store").await,
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /admin/roles`: an administrator sets an account's platform role.
pub async fn set_platform_role(State(state): State<AppState>, request: Request) -> Response {
    let submission = read_or_return!(request);
    let Some(user) = submission.user() else {
        return see_other("/account/signin?next=/admin/audit", None);
    };
    match accounts::set_platform_role(&state.db, &user, &submission.get("email"), &submission.get("role")).await {
        Ok(_) => see_other("/admin/audit?notice=role", None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, Some("/admin/audit"), err, keep).await
        }
    }
}
