use super::kind_label;
use crate::components::common::{ErrorPage, PageMeta};
use crate::i18n::{t, Lang, Msg};
use crate::model::OrgView;
use crate::routes::use_lang;
use crate::serverfns::orgs::get_organisation::get_organisation;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let notice = crate::pages::account::query_param("notice").and_then(|n| match n.as_str() {
        "created" => Some(Msg::OrgCreatedNotice),
        "saved" => Some(Msg::OrgSavedNotice),
        _ => None,
    });
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let slug = slug.clone();
                Suspend::new(async move {
                    match get_organisation(slug).await {
                        Ok(org) => view! { <Profile lang org notice/> }.into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}

/// schema.org Organization, for search engines and integrators.
fn json_ld(org: &OrgView, lang: Lang) -> String {
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name,
        "description": org.description.get(lang),
        "address": { "@type": "PostalAddress", "addressCountry": org.country },
    });
    if let Some(site) = &org.website {
        value["url"] = serde_json::Value::String(site.clone());
    }
    // `</` must not end the script element early.
    value.to_string().replace("</", "<\\/")
}

#[component]
fn Profile(lang: Lang, org: OrgView, notice: Option<Msg>) -> impl IntoView {
    let description = org.description.get(lang).to_owned();
    let written_in = (org.description.text_in(lang).is_none()).then(|| org.description.original_lang());
    let country = if org.country == "LA" { Msg::Laos } else { Msg::Vietnam };
    let slug = org.slug.clone();
    let meta_description: String = description.chars().take(160).collect();
    view! {
        <PageMeta lang title=org.name.clone() description=meta_description/>
        <script type="application/ld+json" inner_html=json_ld(&org, lang)></script>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        <article class="org-profile">
            <h1>{org.name.clone()}</h1>
            <p class="muted">
                {t(lang, kind_label(&org.kind))} " · " {t(lang, country)}
                {org.registration_number.clone().map(|r| format!(" · {r}"))}
            </p>
            {written_in.map(|l| view! { <p class="muted">{t(lang, Msg::WrittenIn)} " " {l.endonym()}</p> })}
            <p class="description">{description}</p>
            <dl>
                {org.website.clone().map(|w| view! { <dt>{t(lang, Msg::OrgWebsite)}</dt><dd><a href=w.clone() rel="nofollow noopener">{w.clone()}</a></dd> })}
                <dt>{t(lang, Msg::OnCorridorSince)}</dt>
                <dd>{org.created_at.clone()}</dd>
            </dl>
            <p class="actions">
                {org.can_edit.then(|| view! { <a class="button" href=format!("/orgs/{slug}/edit")>{t(lang, Msg::EditOrgTitle)}</a> })}
                {org.viewer_role.is_some().then(|| view! { <a href=format!("/orgs/{slug}/members")>{t(lang, Msg::OrgMembersTitle)}</a> })}
            </p>
        </article>
    }
}
