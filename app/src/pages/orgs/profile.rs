use super::kind_label;
use crate::components::common::{ErrorPage, PageMeta, VerifiedBadge};
use crate::components::form::{Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::OrgView;
use crate::routes::use_lang;
use crate::serverfns::orgs::get_organisation::get_organisation;
use crate::statuses::OrgStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let lang = use_lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let notice = crate::pages::account::query_param("notice").and_then(|n| match n.as_str() {
        "created" => Some(Msg::OrgCreatedNotice),
        "saved" => Some(Msg::OrgSavedNotice),
        "verification" => Some(Msg::VerificationPendingNotice),
        "reported" => Some(Msg::ReportSentNotice),
        "logistics" => Some(Msg::LogisticsSavedNotice),
        "introduction" => Some(Msg::IntroSentNotice),
        _ => None,
    });
    let signed_in = crate::routes::use_viewer().is_some();
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let slug = slug.clone();
                Suspend::new(async move {
                    match get_organisation(slug.clone()).await {
                        Ok(org) => {
                            // After the organisation, in sequence (one SQLite connection).
                            // A failed call is the error page with its status, never an empty page.
                            let (listings, logistics) = match crate::serverfns::listings::get_logistics::get_organisation_offer(slug.clone(), lang).await {
                                Ok(value) => value,
                                Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                            };
                            let context = if signed_in && org.viewer_role.is_none() {
                                match crate::serverfns::introductions::get_introduction_context::get_introduction_context(None, Some(slug.clone())).await {
                                    Ok(context) => context,
                                    Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                                }
                            } else {
                                crate::model::IntroductionContext::default()
                            };
                            view! { <Profile lang org notice listings logistics context/> }.into_any()
                        }
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
    crate::components::common::json_for_script(&value)
}

#[component]
fn Profile(
    lang: Lang,
    org: OrgView,
    notice: Option<Msg>,
    listings: Vec<crate::model::ListingView>,
    logistics: Option<crate::model::LogisticsView>,
    context: crate::model::IntroductionContext,
) -> impl IntoView {
    let description = org.description.get(lang).to_owned();
    let written_in = (org.description.text_in(lang).is_none()).then(|| org.description.original_lang());
    let country = if org.country == "LA" { Msg::Laos } else { Msg::Vietnam };
    let slug = org.slug.clone();
    let introduction = org.viewer_role.is_none().then(|| {
        view! {
            <crate::components::introduction_form::RequestIntroduction lang
                action=format!("/orgs/{slug}/introduction") context counterpart=org.name.clone()/>
        }
    });
    let meta_description: String = description.chars().take(160).collect();
    view! {
        <PageMeta lang title=org.name.clone() description=meta_description/>
        <script type="application/ld+json" inner_html=json_ld(&org, lang)></script>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        {(org.status == OrgStatus::Suspended).then(|| view! { <p class="warning">{t(lang, Msg::SuspendedNotice)}</p> })}
        {(org.status == OrgStatus::Hidden).then(|| view! { <p class="warning">{t(lang, Msg::HiddenNotice)}</p> })}
        <article class="org-profile">
            {org.logo.clone().map(|src| view! { <img class="logo" src=src alt="" width="96" height="96"/> })}
            <h1>
                {org.name.clone()}
                <VerifiedBadge lang verified_at=org.verified_at.clone()/>
            </h1>
            <p class="muted">
                {t(lang, kind_label(&org.kind))} " · " {t(lang, country)}
                {org.registration_number.clone().map(|r| format!(" · {r}"))}
            </p>
            {written_in.map(|l| view! { <p class="muted">{format!("{} {}", t(lang, Msg::WrittenIn), crate::i18n::language_name(lang, l))}</p> })}
            <p class="description">{description}</p>
            <dl>
                {org.website.clone().map(|w| view! { <dt>{t(lang, Msg::OrgWebsite)}</dt><dd><a href=w.clone() rel="nofollow noopener">{w.clone()}</a></dd> })}
                {org.province.clone().map(|p| view! { <dt>{t(lang, Msg::Province)}</dt><dd>{p.get(lang).to_owned()}</dd> })}
                {(!org.sectors.is_empty()).then(|| view! {
                    <dt>{t(lang, Msg::SectorsLabel)}</dt>
                    <dd>{org.sectors.iter().filter_map(|s| super::sector_label(s)).map(|m| t(lang, m)).collect::<Vec<_>>().join(", ")}</dd>
                })}
                {(!org.languages.is_empty()).then(|| view! {
                    <dt>{t(lang, Msg::LanguagesLabel)}</dt>
                    <dd>{org.languages.iter().filter_map(|l| super::LANGUAGES.iter().find(|(c, _)| c == l)).map(|(_, n)| *n).collect::<Vec<_>>().join(", ")}</dd>
                })}
                <dt>{t(lang, Msg::OnCorridorSince)}</dt>
                <dd>{org.created_at.clone()}</dd>
            </dl>
            {org.investment.clone().map(|inv| view! { <InvestmentInterests lang inv/> })}
            {org.contact.clone().filter(|c| [&c.person, &c.email, &c.phone, &c.messaging].iter().any(|v| v.is_some())).map(|card| view! {
                <section class="contacts">
                    <h2>{t(lang, Msg::IntroContactsTitle)}</h2>
                    <crate::pages::inbox::Contact lang card/>
                </section>
            })}
            <TrustSection lang org=org.clone()/>
            <p class="actions">
                {org.can_edit.then(|| view! { <a class="button" href=format!("/orgs/{slug}/edit")>{t(lang, Msg::EditOrgTitle)}</a> })}
                {org.viewer_role.is_some().then(|| view! { <a href=format!("/orgs/{slug}/members")>{t(lang, Msg::OrgMembersTitle)}</a> })}
                {org.can_edit.then(|| view! { " " <a href=format!("/orgs/{slug}/tokens")>{t(lang, Msg::ApiTokensLink)}</a> })}
                {(org.can_edit && org.kind == "logistics").then(|| view! { " " <a href=format!("/orgs/{slug}/logistics")>{t(lang, Msg::LogisticsProfileTitle)}</a> })}
            </p>
        </article>
        {introduction}
        {logistics.map(|profile| view! {
            <section>
                <h2>{t(lang, Msg::LogisticsProfileTitle)}</h2>
                <crate::pages::listings::logistics::LogisticsFacts lang profile/>
            </section>
        })}
        {(!listings.is_empty()).then(|| view! {
            <section>
                <h2>{t(lang, Msg::OrgListingsTitle)}</h2>
                <ul class="listing-list">
                    {listings.into_iter().map(|item| view! { <crate::pages::listings::ListingCard lang item/> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// Verification, endorsements, and the trust actions the viewer may take.
#[component]
fn TrustSection(lang: Lang, org: OrgView) -> impl IntoView {
    let slug = org.slug.clone();
    let form = crate::components::form::use_form_state();
    let reasons: Vec<(String, String)> = [
        ("fraud", Msg::ReasonFraud),
        ("spam", Msg::ReasonSpam),
        ("other", Msg::ReasonOther),
    ]
    .into_iter()
    .map(|(code, msg)| (code.to_owned(), t(lang, msg).to_owned()))
    .collect();
    view! {
        <section class="trust">
            <p>
                {match org.verified_at.clone() {
                    Some(date) => view! {
                        <span class="badge verified">"✓ " {t(lang, Msg::VerifiedBadge)}</span>
                        " " {t(lang, Msg::VerifiedOn)} " " <time>{date}</time>
                    }
                    .into_any(),
                    None => view! { <span class="muted">{t(lang, Msg::NotVerified)}</span> }.into_any(),
                }}
            </p>
            {(!org.endorsements.is_empty()).then(|| view! {
                <ul class="endorsements">
                    {org.endorsements.iter().map(|e| view! {
                        <li>
                            {t(lang, Msg::EndorsedBy)} " " <a href=format!("/orgs/{}", e.endorser_slug)>{e.endorser.clone()}</a>
                            <VerifiedBadge lang verified_at=e.endorser_verified_at.clone()/>
                            " " {t(lang, Msg::Since)} " " <time>{e.since.clone()}</time>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            <FormErrors lang form=form.clone()/>
            {org.can_endorse.then(|| {
                let (action, label) = if org.endorsed_by_viewer {
                    (format!("/orgs/{slug}/endorsement/withdraw"), Msg::WithdrawEndorsement)
                } else {
                    (format!("/orgs/{slug}/endorsement"), Msg::EndorseButton)
                };
                view! {
                    <form method="post" action=action>
                        <button type="submit" class="secondary">{t(lang, label)}</button>
                    </form>
                }
            })}
            {org.verification_pending.then(|| view! { <p class="notice">{t(lang, Msg::VerificationPendingNotice)}</p> })}
            {(org.can_submit_verification && !org.verification_pending && org.verified_at.is_none()).then(|| view! {
                <details class="narrow" open=form.error("evidence").is_some() || form.error("registration_number").is_some() || form.error("document").is_some()>
                    <summary>{t(lang, Msg::RequestVerificationTitle)}</summary>
                    <form method="post" action=format!("/orgs/{slug}/verification") class="stack" enctype="multipart/form-data" novalidate>
                        <Field lang form=form.clone() name="registration_number" label=Msg::OrgRegistrationNumber
                            value=org.registration_number.clone().unwrap_or_default()/>
                        <TextAreaField lang form=form.clone() name="evidence" label=Msg::EvidenceLabel
                            value=form.value("evidence") input_lang=lang.code()/>
                        <div class="field" class:has-error=form.error("document").is_some()>
                            <label for="field-document">{t(lang, Msg::DocumentLabel)}</label>
                            <input id="field-document" type="file" name="document" accept="application/pdf,image/png,image/jpeg"/>
                            {form.error("document").map(|code| view! {
                                <p class="error">{code.text(lang)}</p>
                            })}
                        </div>
                        <button type="submit">{t(lang, Msg::SubmitVerification)}</button>
                    </form>
                </details>
            })}
            {org.can_report.then(|| view! {
                <details class="narrow" open=form.error("details").is_some() || form.error("reason").is_some()>
                    <summary>{t(lang, Msg::ReportTitle)}</summary>
                    <form method="post" action=format!("/orgs/{slug}/report") class="stack" novalidate>
                        <SelectField lang form=form.clone() name="reason" label=Msg::ReportReason options=reasons.clone()/>
                        <TextAreaField lang form=form.clone() name="details" label=Msg::ReportDetails
                            value=form.value("details") input_lang=lang.code()/>
                        <button type="submit">{t(lang, Msg::SendReport)}</button>
                    </form>
                </details>
            })}
        </section>
    }
}

/// What an organisation invests in (sectors, provinces, instruments, ticket).
#[component]
fn InvestmentInterests(lang: Lang, inv: crate::model::InvestmentView) -> impl IntoView {
    let sectors: Vec<&str> = inv
        .sectors
        .iter()
        .filter_map(|s| super::sector_label(s))
        .map(|m| t(lang, m))
        .collect();
    let provinces: Vec<String> = inv.provinces.iter().map(|(_, n)| n.get(lang).to_owned()).collect();
    let instruments: Vec<String> = inv
        .instruments
        .iter()
        .map(|i| crate::vocab::label("instrument", i, lang))
        .collect();
    let ticket = crate::pages::listings::usd_range(inv.ticket_min_usd, inv.ticket_max_usd);
    view! {
        <section class="investment">
            <h2>{t(lang, Msg::InvestTitle)}</h2>
            <dl>
                {(!sectors.is_empty()).then(|| view! { <dt>{t(lang, Msg::InvestSectorsLabel)}</dt><dd>{sectors.join(", ")}</dd> })}
                {(!provinces.is_empty()).then(|| view! { <dt>{t(lang, Msg::InvestProvincesLabel)}</dt><dd>{provinces.join(", ")}</dd> })}
                {(!instruments.is_empty()).then(|| view! { <dt>{t(lang, Msg::InvestInstrumentsLabel)}</dt><dd>{instruments.join(", ")}</dd> })}
                {ticket.map(|t_| view! { <dt>{t(lang, Msg::InvestTicket)}</dt><dd>{t_}</dd> })}
            </dl>
        </section>
    }
}
