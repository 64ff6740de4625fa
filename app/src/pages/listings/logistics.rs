use super::OrgName;
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::{CheckboxGroup, Field, FormErrors, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, LogisticsPartner, LogisticsView, PlaceRef};
use crate::pages::account::query_param;
use crate::routes::use_lang;
use crate::serverfns::listings::get_listing_choices::get_listing_choices;
use crate::serverfns::listings::list_partners::list_partners;
use crate::vocab;
use leptos::prelude::*;

/// The services profile as the organisation page shows it.
#[component]
pub fn LogisticsFacts(lang: Lang, profile: LogisticsView) -> impl IntoView {
    let services = profile
        .services
        .iter()
        .map(|s| vocab::label("service", s, lang))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="facts">
            <dt>{t(lang, Msg::ServicesLabel)}</dt>
            <dd>{services}</dd>
            {(!profile.gates.is_empty()).then(|| view! {
                <dt>{t(lang, Msg::GatesLabel)}</dt>
                <dd><ul class="inline">{profile.gates.iter().map(|g| view! { <li><a href=format!("/gates/{}", g.id)>{g.name.get(lang).to_owned()}</a></li> }).collect_view()}</ul></dd>
            })}
            {profile.corridors.clone().map(|c| view! { <dt>{t(lang, Msg::CorridorsLabel)}</dt><dd>{c}</dd> })}
            {profile.fleet.clone().map(|c| view! { <dt>{t(lang, Msg::FleetLabel)}</dt><dd>{c}</dd> })}
            {profile.capacity.clone().map(|c| view! { <dt>{t(lang, Msg::CapacityLabel)}</dt><dd>{c}</dd> })}
        </dl>
    }
}

/// The form on the organisation's edit page (logistics providers only).
#[component]
pub fn LogisticsForm(
    lang: Lang,
    form: FormState,
    slug: String,
    saved: Option<LogisticsView>,
    gates: Vec<PlaceRef>,
) -> impl IntoView {
    let typed = !form.values.is_empty() && form.values.iter().any(|(k, _)| k == "fleet" || k == "corridors");
    let pick = |name: &str, value: Option<String>| {
        if typed {
            form.value(name)
        } else {
            value.unwrap_or_default()
        }
    };
    let s = saved.clone();
    view! {
        <form method="post" action=format!("/orgs/{slug}/logistics") class="stack" id="logistics">
            <h2>{t(lang, Msg::LogisticsProfileTitle)}</h2>
            <FormErrors lang form=form.clone()/>
            <CheckboxGroup lang form=form.clone() name="services" label=Msg::ServicesLabel options=vocab::options("service", lang) checked=s.as_ref().map(|p| p.services.clone()).unwrap_or_default()/>
            <CheckboxGroup lang form=form.clone() name="gate_ids" label=Msg::GatesLabel options=gates.iter().map(|g| (g.id.clone(), g.name.get(lang).to_owned())).collect() checked=s.as_ref().map(|p| p.gates.iter().map(|g| g.id.clone()).collect()).unwrap_or_default()/>
            <TextAreaField lang form=form.clone() name="corridors" label=Msg::CorridorsLabel value=pick("corridors", s.as_ref().and_then(|p| p.corridors.clone())) input_lang=lang.code()/>
            <Field lang form=form.clone() name="fleet" label=Msg::FleetLabel value=pick("fleet", s.as_ref().and_then(|p| p.fleet.clone())) required=false/>
            <Field lang form=form.clone() name="capacity" label=Msg::CapacityLabel value=pick("capacity", s.as_ref().and_then(|p| p.capacity.clone())) required=false/>
            <button type="submit">{t(lang, Msg::SaveButton)}</button>
        </form>
    }
}

#[component]
pub fn LogisticsPartnersPage() -> impl IntoView {
    let lang = use_lang();
    let gate = query_param("gate").unwrap_or_default();
    let service = query_param("service").unwrap_or_default();
    view! {
        <PageMeta lang title=t(lang, Msg::LogisticsTitle).to_owned() description=t(lang, Msg::LogisticsIntro).to_owned()/>
        <section>
            <h1>{t(lang, Msg::LogisticsTitle)}</h1>
            <p class="lead">{t(lang, Msg::LogisticsIntro)}</p>
            <p><a href="/listings?kind=route">{vocab::label("kind", "route", lang)}</a></p>
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let (gate, service) = (gate.clone(), service.clone());
                    Suspend::new(async move {
                        // A failed call is the error page with its status, never an empty page.
                        let gates = match get_listing_choices(lang).await.map(|c| c.gates) {
                            Ok(value) => value,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        match list_partners(gate.clone(), service.clone()).await {
                            Ok(partners) => view! { <Partners lang partners gate=gate.clone() service=service.clone() gates/> }.into_any(),
                            Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                        }
                    })
                }
            </Suspense>
        </section>
    }
}

#[component]
fn Partners(
    lang: Lang,
    partners: Vec<LogisticsPartner>,
    gate: String,
    service: String,
    gates: Vec<PlaceRef>,
) -> impl IntoView {
    // With no filter set, an empty list means nobody has described their services yet.
    let empty = if gate.is_empty() && service.is_empty() {
        Msg::NoPartnersYet
    } else {
        Msg::NoListings
    };
    view! {
        <form method="get" action="/logistics" class="filters" role="search" aria-label=t(lang, Msg::FiltersLabel)>
            <label for="p-gate">{t(lang, Msg::GateName)}</label>
            <select id="p-gate" name="gate">
                <option value="">{t(lang, Msg::AnyOption)}</option>
                {gates.into_iter().map(|g| {
                    let selected = g.id == gate;
                    view! { <option value=g.id.clone() selected=selected>{g.name.get(lang).to_owned()}</option> }
                }).collect_view()}
            </select>
            <label for="p-service">{t(lang, Msg::ServicesLabel)}</label>
            <select id="p-service" name="service">
                <option value="">{t(lang, Msg::AnyOption)}</option>
                {vocab::options("service", lang).into_iter().map(|(code, name)| {
                    let selected = code == service;
                    view! { <option value=code selected=selected>{name}</option> }
                }).collect_view()}
            </select>
            <button type="submit">{t(lang, Msg::ApplyFilters)}</button>
        </form>
        // The partner cards are h3s; their section needs an h2 under the page's h1.
        <h2 class="visually-hidden">{t(lang, Msg::ResultsHeading)}</h2>
        {partners.is_empty().then(|| view! { <p class="empty">{t(lang, empty)}</p> })}
        <ul class="listing-list">
            {partners.into_iter().map(|p| view! {
                <li class="listing-card">
                    <h3><OrgName lang org=p.organisation.clone()/></h3>
                    <LogisticsFacts lang profile=p.profile.clone()/>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// `/orgs/{slug}/logistics`: a logistics provider edits its services profile.
#[component]
pub fn EditLogisticsPage() -> impl IntoView {
    let lang = use_lang();
    let form = crate::components::form::use_form_state();
    let slug = leptos_router::hooks::use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    view! {
        <PageMeta lang title=t(lang, Msg::LogisticsProfileTitle).to_owned() description=t(lang, Msg::LogisticsIntro).to_owned()/>
        <section class="narrow-wide">
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let (slug, form) = (slug.clone(), form.clone());
                    Suspend::new(async move {
                        let org = match crate::serverfns::orgs::get_organisation::get_organisation(slug.clone()).await {
                            Ok(org) if org.can_edit && org.kind == "logistics" => org,
                            Ok(_) if crate::routes::use_viewer().is_none() => {
                                crate::pages::account::overview::redirect_to_sign_in(&format!("/orgs/{slug}/logistics"));
                                return ().into_any();
                            }
                            Ok(_) => return view! { <ErrorPage lang error=crate::errors::AppError::Forbidden/> }.into_any(),
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        // A failed call is the error page with its status, never an empty page.
                        let (_, saved) = match crate::serverfns::listings::get_logistics::get_organisation_offer(slug.clone(), lang).await {
                            Ok(value) => value,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        // A failed call is the error page with its status, never an empty page.
                        let gates = match get_listing_choices(lang).await.map(|c| c.gates) {
                            Ok(value) => value,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        view! {
                            <p><a href=format!("/orgs/{slug}")>"← " {org.name.clone()}</a></p>
                            <LogisticsForm lang form=form.clone() slug=slug.clone() saved gates/>
                        }
                        .into_any()
                    })
                }
            </Suspense>
        </section>
    }
}
