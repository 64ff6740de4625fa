//! Form posts and downloads of the listing pages: create, edit, life-cycle steps, reports,
//! CSV import (multipart) and export, templates. Same pattern as `forms`: POST → domain →
//! 303 redirect, or the same page again with what was typed and what is wrong.
use crate::http::extract::{SignedIn, Submission};
use crate::http::respond::{render_again, render_with, see_other};
use app::domain::listings::csv_io::{self, ImportFailure, Importer};
use app::domain::listings::store::{self, Actor, Save, Step};
use app::domain::listings::{Kind, ListingInput};
use app::errors::AppError;
use app::i18n::Msg;
use app::model::{FormState, ListingFilters};
use app::pages::listings::import::ImportResult;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;
use std::collections::HashMap;

/// The listing of a submitted form (the form's other fields, buttons and language, are ignored).
fn listing_input(s: &Submission) -> Result<ListingInput, AppError> {
    ListingInput::from_fields(s.fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|_| AppError::invalid("priority_infra", Msg::ErrYesNo))
}
fn save_of(s: &Submission) -> Save {
    if s.get("save") == "draft" {
        Save::Draft
    } else {
        Save::Publish
    }
}
fn after_save(saved: &store::Saved) -> String {
    format!("/listings/{}?notice=saved", saved.listing.id)
}
/// A product word in the HS field: the page offers the headings it may be (`hs_picker`), so the
/// field's message says to choose one rather than "enter digits" (the API and CSV keep theirs).
fn for_the_form(err: AppError, s: &Submission) -> AppError {
    if !app::domain::listings::hs_picker::is_words(&s.get("hs_code")) {
        return err;
    }
    let swap = |(field, msg): (String, Msg)| {
        if field == "hs_code" && msg == Msg::ErrHsCode {
            (field, Msg::ErrHsWords)
        } else {
            (field, msg)
        }
    };
    match err {
        AppError::InvalidFields(problems) => AppError::InvalidFields(problems.into_iter().map(swap).collect()),
        AppError::Invalid { field, message } => {
            let (field, message) = swap((field, message));
            AppError::Invalid { field, message }
        }
        other => other,
    }
}

/// A heading chosen in the HS picker (`hs_pick`): the form again with its code, nothing saved.
async fn picked_hs(state: &AppState, submission: Submission, page: Option<&str>) -> Result<Response, Submission> {
    let pick = submission.get("hs_pick");
    if pick.is_empty() {
        return Err(submission);
    }
    let values = submission
        .echo()
        .into_iter()
        .filter(|(k, _)| k != "hs_pick")
        .map(|(k, v)| if k == "hs_code" { (k, pick.clone()) } else { (k, v) })
        .collect();
    let form = FormState {
        values,
        ..Default::default()
    };
    Ok(render_with(state.clone(), submission, page, form, None).await)
}
pub async fn create_listing(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let submission = match picked_hs(&state, submission, Some("/listings/new")).await {
        Ok(response) => return response,
        Err(submission) => submission,
    };
    let result = match listing_input(&submission) {
        Ok(input) => {
            store::create(
                &state.db,
                Actor::User(&user),
                &submission.get("organisation"),
                &input,
                save_of(&submission),
                state.listing_rules,
            )
            .await
        }
        Err(err) => Err(err),
    };
    match result {
        Ok(saved) => see_other(&after_save(&saved), None),
        Err(err) => {
            let keep = submission.echo();
            let err = for_the_form(err, &submission);
            render_again(state, submission, Some("/listings/new"), err, keep).await
        }
    }
}
pub async fn update_listing(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let submission = match picked_hs(&state, submission, None).await {
        Ok(response) => return response,
        Err(submission) => submission,
    };
    let save = match submission.get("save").as_str() {
        "draft" => Some(Save::Draft),
        "publish" => Some(Save::Publish),
        _ => None,
    };
    let result = match listing_input(&submission) {
        Ok(input) => store::update(&state.db, Actor::User(&user), id, &input, save, state.listing_rules).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(saved) => see_other(&after_save(&saved), None),
        Err(AppError::Conflict(_)) => {
            let form = FormState {
                form_error: Some(Msg::ErrRemoved),
                status: StatusCode::CONFLICT.as_u16(),
                ..Default::default()
            };
            render_with(state, submission, None, form, None).await
        }
        Err(err) => {
            let keep = submission.echo();
            let err = for_the_form(err, &submission);
            render_again(state, submission, None, err, keep).await
        }
    }
}
pub async fn listing_step(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let Some(step) = Step::parse(&submission.get("step")) else {
        return render_again(
            state,
            submission,
            Some("/my/listings"),
            AppError::invalid("step", Msg::ErrChooseOne),
            Vec::new(),
        )
        .await;
    };
    match store::apply_step(&state.db, Actor::User(&user), id, step, state.listing_rules).await {
        Ok(_) => see_other("/my/listings?notice=saved", None),
        Err(AppError::Conflict(_)) => {
            let form = FormState {
                form_error: Some(Msg::ErrChooseOne),
                status: StatusCode::CONFLICT.as_u16(),
                ..Default::default()
            };
            render_with(state, submission, Some("/my/listings"), form, None).await
        }
        Err(err) => render_again(state, submission, Some("/my/listings"), err, Vec::new()).await,
    }
}
pub async fn report_listing(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    match app::domain::listings::moderation::report(
        &state.db,
        &user,
        id,
        &submission.get("reason"),
        &submission.get("details"),
    )
    .await
    {
        Ok(()) => see_other(&format!("/listings/{id}?notice=reported"), None),
        Err(err) => {
            let keep = submission.echo();
            let page = format!("/listings/{id}");
            render_again(state, submission, Some(&page), err, keep).await
        }
    }
}
pub async fn moderate_listing(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let release = match submission.get("decision").as_str() {
        "release" => true,
        "remove" => false,
        _ => {
            return render_again(
                state,
                submission,
                Some("/moderation"),
                AppError::invalid("decision", Msg::ErrChooseOne),
                Vec::new(),
            )
            .await
        }
    };
    let report: Option<i32> = submission.get("report").parse().ok();
    match app::domain::listings::moderation::decide(&state.db, &user, id, release, report).await {
        Ok(()) => see_other("/moderation", None),
        Err(err) => render_again(state, submission, Some("/moderation"), err, Vec::new()).await,
    }
}
/// Renders the import page with the outcome of a failed import.
async fn render_import(state: AppState, submission: Submission, result: ImportResult) -> Response {
    let Submission { mut parts, .. } = submission;
    parts.method = Method::GET;
    if let Ok(uri) = "/my/listings/import".parse() {
        parts.uri = uri;
    }
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(result.clone());
            provide_context(state.clone());
        },
        move || app::shell(options.clone()),
    );
    handler(Request::from_parts(parts, Body::empty())).await
}
pub async fn import_listings(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let organisation = submission.get("organisation");
    let mut result = ImportResult {
        status: StatusCode::UNPROCESSABLE_ENTITY.as_u16(),
        kind: submission.get("kind"),
        organisation: organisation.clone(),
        ..Default::default()
    };
    let Some(kind) = Kind::parse(&submission.get("kind")) else {
        result.file_error = Some(Msg::ErrChooseOne);
        return render_import(state, submission, result).await;
    };
    let Some(bytes) = submission.file("file").map(<[u8]>::to_vec) else {
        result.file_error = Some(Msg::ErrChooseFile);
        return render_import(state, submission, result).await;
    };
    let save = if submission.get("publish").is_empty() {
        Save::Draft
    } else {
        Save::Publish
    };
    let outcome = csv_io::import(
        &state.db,
        Importer::User(&user),
        &organisation,
        kind,
        &bytes,
        save,
        state.listing_rules,
        |_, _| {},
    )
    .await;
    match outcome {
        Ok(n) => see_other(&format!("/my/listings?notice=imported&n={n}"), None),
        Err(failure) => {
            match failure {
                ImportFailure::Encoding => result.file_error = Some(Msg::ErrCsvEncoding),
                ImportFailure::Empty => result.file_error = Some(Msg::ErrCsvEmpty),
                ImportFailure::TooManyRows => result.file_error = Some(Msg::ErrCsvTooManyRows),
                ImportFailure::Header { unknown, missing } => {
                    result.unknown_columns = unknown;
                    result.missing_columns = missing;
                }
                ImportFailure::Rows(problems) => {
                    result.problems = problems.into_iter().map(|p| (p.line, p.column, p.message)).collect();
                }
                ImportFailure::App(AppError::Unauthorized) => {
                    return see_other("/account/signin?next=/my/listings/import", None)
                }
                ImportFailure::App(err) => {
                    result.status = err.status().as_u16();
                    result.file_error = Some(match err {
                        AppError::Forbidden => Msg::ForbiddenBody,
                        AppError::NotFound => Msg::NotFoundBody,
                        _ => Msg::ServerErrorBody,
                    });
                }
            }
            render_import(state, submission, result).await
        }
    }
}
/// An upload over the body limit never reaches the handler: send the user back to the import
/// page with a message instead of a bare 413.
pub async fn import_too_large(request: Request, next: axum::middleware::Next) -> Response {
    let post = request.method() == Method::POST;
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if !post || response.status() != StatusCode::PAYLOAD_TOO_LARGE {
        return response;
    }
    if path == "/my/listings/import" {
        return see_other("/my/listings/import?error=too_large", None);
    }
    // A photo from a phone over the limit: back to the edit page, which says so.
    let photo_of = path
        .strip_prefix("/listings/")
        .and_then(|rest| rest.strip_suffix("/photos"))
        .and_then(|id| id.parse::<i32>().ok());
    if let Some(id) = photo_of {
        return see_other(&format!("/listings/{id}/edit?error=photo_too_large#photos"), None);
    }
    response
}
fn csv_response(body: String, file_name: &str) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
/// `GET /listings/template/{kind}.csv`: the header and one example row.
pub async fn template(Path(file): Path<String>) -> Response {
    match file.strip_suffix(".csv").and_then(Kind::parse) {
        Some(kind) => csv_response(
            csv_io::template(kind),
            &format!("corridor-{}-template.csv", kind.plural()),
        ),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
/// Browse filters from a query string.
/// `GET /listings/export.csv?kind=…&filters`: up to 5,000 public listings, newest first.
/// `GET /listings/export.csv` (the browse page's link): the same export as the API's, in the
/// reader's language; a wrong filter is told in that language.
pub async fn export_csv(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    headers: axum::http::HeaderMap,
    uri: axum::http::Uri,
) -> Response {
    let filters = ListingFilters::from_query(|k| query.get(k).cloned());
    let lang = app::cookies::reader_lang(&headers, uri.query());
    match csv_io::export_matching(&state.db, &filters, lang).await {
        Ok((kind, csv)) => csv_response(csv, &format!("corridor-{}.csv", kind.plural())),
        Err(error @ (AppError::Invalid { .. } | AppError::InvalidFields(_))) => {
            let text = error
                .field_errors()
                .iter()
                .map(|(field, msg)| format!("{field}: {}", msg.text(lang)))
                .collect::<Vec<_>>()
                .join("\n");
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                text,
            )
                .into_response()
        }
        Err(error) => error.status().into_response(),
    }
}

/// `POST /orgs/{slug}/logistics`: the services profile of a logistics provider.
pub async fn save_logistics(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let input = app::domain::listings::logistics::LogisticsInput {
        services: submission.get_all("services"),
        gate_ids: submission.get_all("gate_ids"),
        corridors: submission.get("corridors"),
        fleet: submission.get("fleet"),
        capacity: submission.get("capacity"),
    };
    match app::domain::listings::logistics::save(&state.db, &user, &slug, &input).await {
        Ok(()) => see_other(&format!("/orgs/{slug}?notice=logistics"), None),
        Err(err) => {
            let keep = submission.echo();
            render_again(state, submission, None, err, keep).await
        }
    }
}

/// `POST /listings/{id}/photos` (multipart): adds a photo.
pub async fn add_photo(
    State(state): State<AppState>,
    Path(id): Path<i32>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let bytes = submission.file("photo").unwrap_or_default().to_vec();
    let page = format!("/listings/{id}/edit");
    match app::domain::listings::photos::add(&state.db, &state.data_dir, Actor::User(&user), id, bytes).await {
        Ok(_) => see_other(&format!("{page}?notice=photo_added#photos"), None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}

/// `POST /listings/{id}/photos/{photo}/delete`: removes a photo.
pub async fn remove_photo(
    State(state): State<AppState>,
    Path((id, photo)): Path<(i32, i32)>,
    SignedIn(user): SignedIn,
    submission: Submission,
) -> Response {
    let page = format!("/listings/{id}/edit");
    match app::domain::listings::photos::remove(&state.db, &state.data_dir, Actor::User(&user), id, photo).await {
        Ok(()) => see_other(&format!("{page}?notice=photo_removed#photos"), None),
        Err(err) => render_again(state, submission, Some(&page), err, Vec::new()).await,
    }
}
