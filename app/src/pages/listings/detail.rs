use super::{format_number, price_text, quantity_text, size_text, title_of, OrgName, Paragraphs};
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::{use_form_state, FormErrors};
use crate::components::introduction_form::RequestIntroduction;
use crate::i18n::{t, Lang, Msg};
use crate::model::{IntroductionContext, ListingView};
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::introductions::get_introduction_context::get_introduction_context;
use crate::serverfns::listings::get_listing::get_listing;
use crate::serverfns::matching::get_listing_matches::get_listing_matches;
use crate::statuses::ListingState;
use crate::vocab;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ListingPage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let notice = crate::pages::account::query_param("notice");
    let signed_in = use_viewer().is_some();
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let notice = notice.clone();
                Suspend::new(async move {
                    let result = match id {
                        Some(id) => get_listing(id, lang).await,
                        None => Err(crate::errors::AppError::NotFound),
                    };
                    let item = match result {
                        Ok(item) => item,
                        Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                    };
                    // Signed-in readers: may they ask for an introduction (after the listing, in
                    // sequence)?
                    let context = if signed_in && !item.can_edit {
                        match get_introduction_context(Some(item.id), None).await {
                            Ok(context) => context,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        }
                    } else {
                        IntroductionContext::default()
                    };
                    // The owner's view: its matches, explained.
                    let matches = if item.can_edit && matches!(item.status, ListingState::Published) {
                        match get_listing_matches(item.id, lang).await {
                            Ok(matches) => Some(matches),
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        }
                    } else {
                        None
                    };
                    view! { <Detail lang item notice=notice.clone() context matches/> }.into_any()
                })
            }
        </Suspense>
    }
}

/// UN/CEFACT codes of the units a price is given per (schema.org `unitCode`).
fn unit_code(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "t" => "TNE",
        "kg" => "KGM",
        "m3" => "MTQ",
        "pieces" => "H87",
        "litres" => "LTR",
        "mwh" => "MWH",
        "head" => "HEA",
        _ => return None,
    })
}

/// schema.org for a listing, with absolute URLs (`origin` is the public address):
/// - an offer of goods is an `Offer` of a `Product` by its `seller`; a "wanted" listing is a
///   `Demand` for one, made (`offeredBy`) by the buyer — never named as a seller;
/// - a price per unit is a `UnitPriceSpecification` with the unit's UN/CEFACT code;
/// - an investment opportunity is a `Demand` for an `InvestmentOrDeposit` of the size sought;
/// - a route is an `Offer` of a freight `Service`;
/// - empty texts are left out.
pub fn json_ld(item: &ListingView, lang: Lang, origin: &str) -> String {
    use serde_json::{json, Value};
    let (title, _) = title_of(item, lang);
    let wanted = item.direction.as_deref() == Some("wanted");
    let organisation = json!({
        "@type": "Organization",
        "name": item.organisation.name,
        "url": format!("{origin}/orgs/{}", item.organisation.slug),
        "address": { "@type": "PostalAddress", "addressCountry": item.organisation.country },
    });
    let (kind, party, offered) = match item.kind.as_str() {
        "route" => (
            "Offer",
            "seller",
            json!({ "@type": "Service", "name": title, "serviceType": "Freight transport" }),
        ),
        "opportunity" => {
            let mut investment = json!({ "@type": "InvestmentOrDeposit", "name": title });
            if item.size_min_usd.is_some() || item.size_max_usd.is_some() {
                let mut amount = json!({ "@type": "MonetaryAmount", "currency": "USD" });
                if let Some(min) = item.size_min_usd {
                    amount["minValue"] = json!(min);
                }
                if let Some(max) = item.size_max_usd {
                    amount["maxValue"] = json!(max);
                }
                investment["amount"] = amount;
            }
            ("Demand", "offeredBy", investment)
        }
        _ => {
            let mut product = json!({ "@type": "Product", "name": title });
            if let Some(hs) = &item.hs {
                product["category"] = Value::String(format!("HS {}", hs.display));
            }
            (
                if wanted { "Demand" } else { "Offer" },
                if wanted { "offeredBy" } else { "seller" },
                product,
            )
        }
    };
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "name": title,
        "url": format!("{origin}/listings/{}", item.id),
        "itemOffered": offered,
        "validThrough": item.expires_on,
    });
    value[party] = organisation;
    let description = item.description.get(lang).trim();
    if !description.is_empty() {
        value["description"] = Value::String(description.to_owned());
    }
    if let (Some(price), Some(currency)) = (item.price, &item.currency) {
        let mut spec = json!({ "@type": "UnitPriceSpecification", "price": price, "priceCurrency": currency });
        if let Some(unit) = &item.unit {
            spec["referenceQuantity"] = json!({ "@type": "QuantitativeValue", "value": 1, "unitText": unit });
            if let Some(code) = unit_code(unit) {
                spec["unitCode"] = Value::String(code.to_owned());
                spec["referenceQuantity"]["unitCode"] = Value::String(code.to_owned());
            }
        }
        value["priceSpecification"] = spec;
    }
    if let (Some(quantity), Some(unit)) = (item.quantity, &item.unit) {
        let mut eligible = json!({ "@type": "QuantitativeValue", "value": quantity, "unitText": unit });
        if let Some(code) = unit_code(unit) {
            eligible["unitCode"] = Value::String(code.to_owned());
        }
        value["eligibleQuantity"] = eligible;
    }
    crate::components::common::json_for_script(&value)
}

#[component]
fn Row(label: Msg, lang: Lang, value: Option<String>) -> impl IntoView {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| view! { <dt>{t(lang, label)}</dt><dd>{v}</dd> })
}

#[component]
fn Detail(
    lang: Lang,
    item: ListingView,
    notice: Option<String>,
    context: IntroductionContext,
    matches: Option<crate::model::MatchesView>,
) -> impl IntoView {
    let (title, written_in) = title_of(&item, lang);
    let description = item
        .description
        .text_in(lang)
        .map(str::to_owned)
        .unwrap_or_else(|| item.description.get(lang).to_owned());
    let description_written_in = item
        .description
        .text_in(lang)
        .is_none()
        .then(|| item.description.original_lang())
        .filter(|_| !description.is_empty());
    let codes = |list: &str, values: &[String]| {
        (!values.is_empty()).then(|| {
            values
                .iter()
                .map(|v| vocab::label(list, v, lang))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let code = |list: &str, value: &Option<String>| value.as_deref().map(|v| vocab::label(list, v, lang));
    let place = |p: &Option<crate::model::PlaceRef>| p.as_ref().map(|p| p.name.get(lang).to_owned());
    let gates = (!item.gates.is_empty()).then(|| {
        item.gates
            .iter()
            .map(|g| view! { <li><a href=format!("/gates/{}", g.id)>{g.name.get(lang).to_owned()}</a></li> })
            .collect_view()
    });
    let direction_list = if item.kind == "route" {
        "route_direction"
    } else {
        "direction"
    };
    let status = item.status;
    let can_report = use_viewer().is_some() && !item.can_edit;
    let form = use_form_state();
    let meta: String = description.chars().take(160).collect();
    // Just saved with a title in only some languages: ask for the others (readers across the
    // border read the other one).
    let missing_languages = (notice.as_deref() == Some("saved") && item.can_edit)
        .then(|| {
            crate::i18n::Lang::ALL
                .into_iter()
                .filter(|l| item.title.text_in(*l).is_none())
                .map(|l| crate::i18n::language_name(lang, l))
                .collect::<Vec<_>>()
        })
        .filter(|missing| !missing.is_empty())
        .map(|missing| {
            let text = t(lang, Msg::AddLanguagesPrompt).replace("{languages}", &missing.join(", "));
            view! {
                <p class="notice">
                    {text} " " <a href=format!("/listings/{}/edit", item.id)>{t(lang, Msg::AddLanguagesLink)}</a>
                </p>
            }
        });
    let notice = notice.and_then(|n| match n.as_str() {
        "saved" => Some(Msg::ListingSavedNotice),
        "reported" => Some(Msg::ReportSentNotice),
        "introduction" => Some(Msg::IntroSentNotice),
        _ => None,
    });
    let introduction = (!item.can_edit).then(|| {
        view! {
            <RequestIntroduction lang action=format!("/listings/{}/introduction", item.id) context
                counterpart=item.organisation.name.clone()/>
        }
    });
    let hs_block = item.hs.clone().map(|hs| {
        let unknown = hs.description.is_none();
        view! {
            <dt>{t(lang, Msg::HsCodeLabel)}</dt>
            <dd>
                <strong>{hs.display.clone()}</strong>
                {hs.description.clone().map(|d| view! { " — " <span lang=hs.description_lang.clone()>{d}</span> })}
                {(hs.description_lang != lang.code() && !unknown).then(|| view! { " " <span class="lang-label">"(English)"</span> })}
                {hs.chapter_title.clone().map(|c| view! { <br/><span class="muted">{format!("{} {}: {c}", t(lang, Msg::FilterHsChapter), &hs.code[..2])}</span> })}
                {unknown.then(|| view! { <p class="warning">{t(lang, Msg::HsNotInTable)}</p> })}
            </dd>
        }
    });
    let photo_title = title.clone();
    view! {
        <PageMeta lang title=title.clone() description=meta/>
        <script type="application/ld+json" inner_html=json_ld(&item, lang, &crate::routes::use_public_origin())></script>
        {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
        {missing_languages}
        <FormErrors lang form=form.clone()/>
        {(status == ListingState::Held).then(|| view! { <p class="warning">{t(lang, Msg::HeldNotice)}</p> })}
        <article class="listing">
            <p class="card-kicker">
                <a href=format!("/listings?kind={}", item.kind)>{vocab::label("kind", &item.kind, lang)}</a>
                {code(direction_list, &item.direction).map(|d| view! { " · " <span class="tag">{d}</span> })}
                {(status != ListingState::Published).then(|| view! { " · " <span class="tag status">{vocab::label("status", status.code(), lang)}</span> })}
                {item.priority_infra.then(|| view! { " · " <span class="tag priority">{t(lang, Msg::FilterPriority)}</span> })}
            </p>
            <h1>{title}</h1>
            {written_in.map(|l| view! { <p class="muted">{format!("{} {}", t(lang, Msg::WrittenIn), crate::i18n::language_name(lang, l))}</p> })}
            <p>{t(lang, Msg::PostedBy)} " " <OrgName lang org=item.organisation.clone()/></p>
            {item.can_edit.then(|| view! { <p><a class="button" href=format!("/listings/{}/edit", item.id)>{t(lang, Msg::EditButton)}</a></p> })}
            // The structured facts first: a reader of another language understands them.
            <dl class="facts">
                {hs_block}
                <Row lang label=Msg::QuantityLabel value=quantity_text(&item, lang)/>
                <Row lang label=Msg::PriceLabel value=(item.kind == "commodity").then(|| price_text(&item, lang))/>
                <Row lang label=Msg::CertificationsLabel value=codes("certification", &item.certifications)/>
                <Row lang label=Msg::FilterSector value=code("sector", &item.sector)/>
                <Row lang label=Msg::StageLabel value=code("stage", &item.stage)/>
                <Row lang label=Msg::InstrumentsLabel value=codes("instrument", &item.instruments)/>
                <Row lang label=Msg::SizeLabel value=size_text(&item)/>
                <Row lang label=Msg::ZoneLabel value=place(&item.economic_zone)/>
                <Row lang label=Msg::InfraTypeLabel value=code("infra_type", &item.infra_type)/>
                <Row lang label=Msg::IncentivesLabel value=item.incentives.clone()/>
                <Row lang label=Msg::LandStatusLabel value=item.land_status.clone()/>
                <Row lang label=Msg::ContactLabel value=item.contact.clone()/>
                <Row lang label=Msg::OriginLabel value=place(&item.province)/>
                <Row lang label=Msg::OriginPlaceLabel value=item.origin_place.clone()/>
                <Row lang label=Msg::DestinationLabel value=place(&item.destination_province)/>
                <Row lang label=Msg::DestinationPlaceLabel value=item.destination_place.clone()/>
                <Row lang label=Msg::WindowLabel value=match (&item.window_start, &item.window_end) {
                    (Some(a), Some(b)) => Some(format!("{a} – {b}")),
                    (Some(a), None) => Some(format!("{a} –")),
                    (None, Some(b)) => Some(format!("– {b}")),
                    _ => None,
                }/>
                <Row lang label=Msg::CapacityLabel value=item.capacity.map(|c| format!("{} {}", format_number(c), code("capacity_unit", &item.capacity_unit).unwrap_or_default()))/>
                <Row lang label=Msg::EquipmentLabel value=codes("equipment", &item.equipment)/>
                {gates.map(|g| view! { <dt>{t(lang, Msg::GatesLabel)}</dt><dd><ul class="inline">{g}</ul></dd> })}
                <Row lang label=Msg::PublishedOn value=item.published_on.clone()/>
                <Row lang label=Msg::ExpiresOn value=Some(item.expires_on.clone())/>
            </dl>
            <Photos lang photos=item.photos.clone() title=photo_title/>
            {(!description.is_empty()).then(|| view! {
                <div class="description">
                    {description_written_in.map(|l| view! { <p class="muted">{format!("{} {}", t(lang, Msg::WrittenIn), crate::i18n::language_name(lang, l))}</p> })}
                    <Paragraphs text=description.clone()/>
                </div>
            })}
        </article>
        {introduction}
        {matches.map(|matches| view! {
            <section class="matches" id="matches">
                <h2>{t(lang, Msg::MatchesTitle)}</h2>
                <p class="muted">{t(lang, Msg::MatchesIntro)}</p>
                <super::matches::MatchLists lang matches/>
            </section>
        })}
        {can_report.then(|| view! {
            <details class="report">
                <summary>{t(lang, Msg::ReportListingTitle)}</summary>
                <form method="post" action=format!("/listings/{}/report", item.id) class="stack">
                    <label for="report-reason">{t(lang, Msg::ReportReason)}</label>
                    <select id="report-reason" name="reason">
                        <option value="fraud">{t(lang, Msg::ReasonFraud)}</option>
                        <option value="spam">{t(lang, Msg::ReasonSpam)}</option>
                        <option value="other">{t(lang, Msg::ReasonOther)}</option>
                    </select>
                    <label for="report-details">{t(lang, Msg::ReportDetails)}</label>
                    <textarea id="report-details" name="details" rows="3"></textarea>
                    <button type="submit">{t(lang, Msg::SendReport)}</button>
                </form>
            </details>
        })}
    }
}

/// The size a thumbnail of a `width` × `height` photo has (its longest edge at most 480 px).
fn thumb_size(width: i32, height: i32) -> (i32, i32) {
    let edge = 480.0_f64;
    let scale = (edge / f64::from(width.max(height).max(1))).min(1.0);
    (
        (f64::from(width) * scale).round() as i32,
        (f64::from(height) * scale).round() as i32,
    )
}

/// A listing's photos: thumbnails that open the full photo (plain links: no script needed).
#[component]
fn Photos(lang: Lang, photos: Vec<crate::model::PhotoView>, title: String) -> impl IntoView {
    (!photos.is_empty()).then(|| {
        view! {
            <ul class="photos">
                {photos
                    .into_iter()
                    .enumerate()
                    .map(|(n, p)| {
                        let (w, h) = thumb_size(p.width, p.height);
                        let alt = t(lang, Msg::PhotoAlt)
                            .replace("{n}", &(n + 1).to_string())
                            .replace("{title}", &title);
                        view! {
                            <li>
                                <a href=p.url.clone()>
                                    <img src=p.thumb_url.clone() alt=alt width=w.to_string() height=h.to_string() loading="lazy" decoding="async"/>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
