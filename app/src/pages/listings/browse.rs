use super::{ListingCard, KINDS};
use crate::components::common::{ErrorPage, PageMeta};
use crate::i18n::{t, Lang, Msg};
use crate::model::{ListingChoices, ListingFilters};
use crate::pages::account::query_param;
use crate::routes::use_lang;
use crate::serverfns::listings::{browse_listings::browse_listings, get_listing_choices::get_listing_choices};
use crate::vocab;
use leptos::prelude::*;

/// The filters of the current URL.
pub fn filters_from_query() -> ListingFilters {
    let mut filters = ListingFilters::from_query(query_param);
    if !KINDS.contains(&filters.kind.as_str()) {
        filters.kind = "commodity".to_owned();
    }
    filters
}

#[component]
pub fn BrowseListingsPage() -> impl IntoView {
    let lang = use_lang();
    let filters = filters_from_query();
    let kind = filters.kind.clone();
    let title = vocab::label("kind", &kind, lang);
    view! {
        <PageMeta lang title=format!("{title} · {}", t(lang, Msg::ListingsTitle)) description=t(lang, Msg::ListingsIntro).to_owned()/>
        <section>
            <h1>{t(lang, Msg::ListingsTitle)}</h1>
            <p class="lead">{t(lang, Msg::ListingsIntro)}</p>
            <nav class="tabs" aria-label=t(lang, Msg::ListingsTitle)>
                {KINDS
                    .iter()
                    .map(|k| {
                        let current = *k == kind;
                        view! {
                            <a href=format!("/listings?kind={k}") aria-current=current.then_some("page")>
                                {vocab::label("kind", k, lang)}
                            </a>
                        }
                    })
                    .collect_view()}
                <a class="button" href=format!("/listings/new?kind={kind}")>{t(lang, Msg::NewListingButton)}</a>
            </nav>
            // One Suspense that loads in sequence: the SQLite pool has one connection, and two
            // resources racing for it inside one render deadlock.
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let filters = filters.clone();
                    Suspend::new(async move {
                        // A failed call is the error page with its status, never an empty page.
                        let choices = match get_listing_choices(lang).await {
                            Ok(value) => value,
                            Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                        };
                        let outcome = load_page(filters.clone(), lang).await;
                        view! {
                            <div class="browse">
                                // On a phone the results come first: the filters fold behind a
                                // "Filters" disclosure (open when one is set); wide screens show
                                // them beside the results (style/main.css).
                                <details class="filters-disclosure" open=active_filters(&filters) > 0>
                                    <summary>
                                        {t(lang, Msg::FiltersLabel)}
                                        {(active_filters(&filters) > 0).then(|| format!(" ({})", active_filters(&filters)))}
                                    </summary>
                                    <Filters lang filters=filters.clone() choices/>
                                </details>
                                <div class="results">
                                    <Results lang filters=filters.clone() outcome/>
                                </div>
                            </div>
                        }
                        .into_any()
                    })
                }
            </Suspense>
        </section>
    }
}

/// A page of listings; a broken cursor falls back to the first page (and says so).
async fn load_page(
    filters: ListingFilters,
    lang: Lang,
) -> Result<(crate::model::ListingPage, bool), crate::errors::AppError> {
    if filters.cursor_is_valid() {
        browse_listings(filters, lang).await.map(|page| (page, false))
    } else {
        let first = ListingFilters {
            cursor: String::new(),
            ..filters
        };
        browse_listings(first, lang).await.map(|page| (page, true))
    }
}

#[component]
fn Results(
    lang: Lang,
    filters: ListingFilters,
    outcome: Result<(crate::model::ListingPage, bool), crate::errors::AppError>,
) -> impl IntoView {
    let query = filters.query();
    let kind = filters.kind.clone();
    let base = if query.is_empty() {
        format!("kind={kind}")
    } else {
        format!("kind={kind}&{query}")
    };
    match outcome {
        Ok((page, cursor_error)) => {
            let first_page = !filters.cursor.is_empty();
            let next = page.next_cursor.clone().map(|c| format!("/listings?{base}&cursor={c}"));
            let export_csv = format!("/listings/export.csv?{base}");
            let export_json = format!("/api/v1/listings?{base}");
            view! {
                // The cards are h3s; their section needs an h2 under the page's h1.
                <h2 class="visually-hidden">{t(lang, Msg::ResultsHeading)}</h2>
                {cursor_error.then(|| view! { <p class="warning">{t(lang, Msg::ErrCursor)}</p> })}
                {if page.items.is_empty() {
                    view! { <p class="empty">{t(lang, Msg::NoListings)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="listing-list">
                            {page.items.into_iter().map(|item| view! { <ListingCard lang item/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }}
                <nav class="pager">
                    {first_page.then(|| view! { <a href=format!("/listings?{base}")>{t(lang, Msg::FirstPage)}</a> })}
                    {next.map(|href| view! { <a rel="next" href=href>{t(lang, Msg::NextPage)}</a> })}
                </nav>
                <p class="exports small">
                    <a href=export_csv>{t(lang, Msg::ExportCsv)}</a> " · " <a href=export_json>{t(lang, Msg::ExportJson)}</a>
                </p>
            }
            .into_any()
        }
        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
    }
}

/// How many filters are set (the kind is the tab, not a filter).
fn active_filters(f: &ListingFilters) -> usize {
    [
        &f.country,
        &f.province,
        &f.gate,
        &f.sector,
        &f.hs_chapter,
        &f.direction,
        &f.organisation,
    ]
    .iter()
    .filter(|v| !v.is_empty())
    .count()
        + usize::from(f.verified)
        + usize::from(f.priority)
}

/// The filter form: a plain GET form, so the URL can be shared and it works without JS.
#[component]
fn Filters(lang: Lang, filters: ListingFilters, choices: ListingChoices) -> impl IntoView {
    let option = |value: String, text: String, selected: &str| {
        let is = value == selected;
        view! { <option value=value selected=is>{text}</option> }
    };
    let kind = filters.kind.clone();
    let direction_list = if kind == "route" {
        "route_direction"
    } else {
        "direction"
    };
    let province_group = |label: Msg, list: Vec<crate::model::ProvinceOption>, selected: String| {
        view! {
            <optgroup label=t(lang, label)>
                {list
                    .into_iter()
                    .map(|p| option(p.id.clone(), p.name.get(lang).to_owned(), &selected))
                    .collect_view()}
            </optgroup>
        }
    };
    view! {
        <form method="get" action="/listings" class="filters" role="search" aria-label=t(lang, Msg::FiltersLabel)>
            <input type="hidden" name="kind" value=kind.clone()/>
            <label for="f-country">{t(lang, Msg::Country)}</label>
            <select id="f-country" name="country">
                <option value="">{t(lang, Msg::AnyOption)}</option>
                {option("VN".into(), t(lang, Msg::Vietnam).into(), &filters.country)}
                {option("LA".into(), t(lang, Msg::Laos).into(), &filters.country)}
            </select>
            <label for="f-province">{t(lang, Msg::Province)}</label>
            <select id="f-province" name="province">
                <option value="">{t(lang, Msg::AnyOption)}</option>
                {province_group(Msg::Vietnam, choices.provinces_vn, filters.province.clone())}
                {province_group(Msg::Laos, choices.provinces_la, filters.province.clone())}
            </select>
            <label for="f-gate">{t(lang, Msg::GateName)}</label>
            <select id="f-gate" name="gate">
                <option value="">{t(lang, Msg::AnyOption)}</option>
                {choices.gates.iter().map(|g| option(g.id.clone(), g.name.get(lang).to_owned(), &filters.gate)).collect_view()}
            </select>
            {(kind == "commodity").then(|| view! {
                <label for="f-chapter">{t(lang, Msg::FilterHsChapter)}</label>
                <select id="f-chapter" name="hs_chapter">
                    <option value="">{t(lang, Msg::AnyOption)}</option>
                    {choices.chapters.iter().map(|(c, title)| {
                        let short: String = title.chars().take(60).collect();
                        option(c.clone(), format!("{c} – {short}"), &filters.hs_chapter)
                    }).collect_view()}
                </select>
            })}
            {(kind == "opportunity").then(|| view! {
                <label for="f-sector">{t(lang, Msg::FilterSector)}</label>
                <select id="f-sector" name="sector">
                    <option value="">{t(lang, Msg::AnyOption)}</option>
                    {vocab::options("sector", lang).into_iter().map(|(c, l)| option(c, l, &filters.sector)).collect_view()}
                </select>
            })}
            {(kind != "opportunity").then(|| view! {
                <label for="f-direction">{t(lang, Msg::FilterDirection)}</label>
                <select id="f-direction" name="direction">
                    <option value="">{t(lang, Msg::AnyOption)}</option>
                    {vocab::options(direction_list, lang).into_iter().map(|(c, l)| option(c, l, &filters.direction)).collect_view()}
                </select>
            })}
            <label class="check">
                <input type="checkbox" name="verified" value="1" checked=filters.verified/>
                " " {t(lang, Msg::FilterVerifiedOnly)}
            </label>
            {(kind == "opportunity").then(|| view! {
                <label class="check">
                    <input type="checkbox" name="priority" value="1" checked=filters.priority/>
                    " " {t(lang, Msg::FilterPriority)}
                </label>
            })}
            <button type="submit">{t(lang, Msg::ApplyFilters)}</button>
            <a href=format!("/listings?kind={kind}")>{t(lang, Msg::ResetFilters)}</a>
        </form>
    }
}
