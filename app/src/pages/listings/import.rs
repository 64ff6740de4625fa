use super::KINDS;
use crate::components::common::{set_status, ErrorPage, PageMeta};
use crate::i18n::{t, Msg};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::listings::get_listing_choices::get_listing_choices;
use crate::vocab;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The outcome of an import the server renders the page with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    pub status: u16,
    /// A message code for the whole file (encoding, size, empty …).
    pub file_error: Option<Msg>,
    /// Replaces `{n}` in the file error.
    pub file_error_n: Option<String>,
    pub unknown_columns: Vec<String>,
    pub missing_columns: Vec<String>,
    /// (line, column, message)
    pub problems: Vec<(usize, String, Msg)>,
    pub kind: String,
    pub organisation: String,
}

/// Where the import form posts to: the upload limit of the web form.
pub const WEB_IMPORT_LIMIT_MB: usize = 2;

#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    if use_viewer().is_none() {
        redirect_to_sign_in("/my/listings/import");
    }
    let too_large = crate::pages::account::query_param("error").as_deref() == Some("too_large");
    let result = use_context::<ImportResult>().or_else(|| {
        too_large.then(|| ImportResult {
            status: http::StatusCode::PAYLOAD_TOO_LARGE.as_u16(),
            file_error: Some(Msg::ErrCsvTooLarge),
            file_error_n: Some(WEB_IMPORT_LIMIT_MB.to_string()),
            kind: "route".into(),
            ..Default::default()
        })
    });
    if let Some(r) = &result {
        set_status(http::StatusCode::from_u16(r.status).unwrap_or(http::StatusCode::UNPROCESSABLE_ENTITY));
    }
    let chosen_kind = result
        .as_ref()
        .map(|r| r.kind.clone())
        .unwrap_or_else(|| "route".to_owned());
    let chosen_org = result.as_ref().map(|r| r.organisation.clone()).unwrap_or_default();
    view! {
        <PageMeta lang title=t(lang, Msg::ImportTitle).to_owned() description=t(lang, Msg::ImportIntro).to_owned()/>
        <section class="narrow-wide">
            <h1>{t(lang, Msg::ImportTitle)}</h1>
            <p class="lead">{t(lang, Msg::ImportIntro)}</p>
            <p>
                {t(lang, Msg::DownloadTemplate)} ": "
                {KINDS.iter().map(|k| view! { <a href=format!("/listings/template/{k}.csv") download="">{vocab::label("kind", k, lang)}</a> " " }).collect_view()}
            </p>
            {result.clone().map(|r| view! {
                <div class="form-errors" role="alert">
                    <p><strong>{t(lang, Msg::ImportFailedTitle)}</strong></p>
                    {r.file_error.map(|code| view! { <p>{code.text(lang).replace("{n}", &r.file_error_n.clone().unwrap_or_default())}</p> })}
                    {(!r.unknown_columns.is_empty()).then(|| view! { <p>{t(lang, Msg::ImportUnknownColumns)} ": " {r.unknown_columns.join(", ")}</p> })}
                    {(!r.missing_columns.is_empty()).then(|| view! { <p>{t(lang, Msg::ImportMissingColumns)} ": " {r.missing_columns.join(", ")}</p> })}
                    {(!r.problems.is_empty()).then(|| view! {
                        <table class="import-report">
                            <thead><tr><th>{t(lang, Msg::ImportLine)}</th><th>{t(lang, Msg::ImportColumn)}</th><th>{t(lang, Msg::ImportMessage)}</th></tr></thead>
                            <tbody>
                                {r.problems.iter().take(500).map(|(line, column, code)| view! {
                                    <tr><td>{line.to_string()}</td><td><code>{column.clone()}</code></td><td>{code.text(lang)}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                </div>
            })}
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let (chosen_kind, chosen_org) = (chosen_kind.clone(), chosen_org.clone());
                    Suspend::new(async move {
                        // A failed call is the error page with its status, never an empty page.
                        let choices = match get_listing_choices(lang).await {
                            Ok(value) => value,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        if choices.my_organisations.is_empty() {
                            return view! { <p class="warning">{t(lang, Msg::NeedOrganisation)}</p> }.into_any();
                        }
                        view! {
                            <form method="post" action="/my/listings/import" enctype="multipart/form-data" class="stack import-form">
                                <label for="import-org">{t(lang, Msg::PostAsLabel)}</label>
                                <select id="import-org" name="organisation">
                                    {choices.my_organisations.iter().map(|(slug, name)| {
                                        let selected = *slug == chosen_org;
                                        view! { <option value=slug.clone() selected=selected>{name.clone()}</option> }
                                    }).collect_view()}
                                </select>
                                <label for="import-kind">{t(lang, Msg::ListingKindLabel)}</label>
                                <select id="import-kind" name="kind">
                                    {KINDS.iter().map(|k| {
                                        let selected = *k == chosen_kind;
                                        view! { <option value=*k selected=selected>{vocab::label("kind", k, lang)}</option> }
                                    }).collect_view()}
                                </select>
                                <label for="import-file">{t(lang, Msg::ImportFileLabel)}</label>
                                <input id="import-file" type="file" name="file" accept=".csv,text/csv" required/>
                                <label class="check"><input type="checkbox" name="publish" value="1" checked=true/> " " {t(lang, Msg::PublishButton)}</label>
                                <button type="submit">{t(lang, Msg::ImportButton)}</button>
                                <p class="hint progress-note">{t(lang, Msg::ImportProgress)}</p>
                            </form>
                        }
                        .into_any()
                    })
                }
            </Suspense>
        </section>
    }
}
