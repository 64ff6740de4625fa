//! `/search`: one box over listings, organisations and border gates, with facet links that narrow the results and a URL that can
//! be shared. A plain GET form: it works without JavaScript.
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::search_box::SearchBox;
use crate::i18n::{t, Lang, Msg};
use crate::model::SearchHit;
use crate::model::{SearchParams, SearchResults};
use crate::pages::account::query_param;
use crate::pages::listings::{ListingCard, OrgName};
use crate::routes::use_lang;
use crate::serverfns::search::run_search::run_search;
use leptos::prelude::*;

fn params_from_query() -> SearchParams {
    let get = |name: &str| query_param(name).unwrap_or_default();
    SearchParams {
        q: get("q"),
        kind: get("kind"),
        country: get("country"),
        province: get("province"),
        gate: get("gate"),
        sector: get("sector"),
        hs_chapter: get("hs_chapter"),
        verified: matches!(get("verified").as_str(), "1" | "on" | "true"),
        language: get("language"),
        sort: get("sort"),
        cursor: get("cursor"),
        limit: 0,
    }
}

fn facet_title(name: &str) -> Msg {
    match name {
        "kind" => Msg::ListingKindLabel,
        "country" => Msg::Country,
        "province" => Msg::Province,
        "gate" => Msg::GatesLabel,
        "sector" => Msg::FilterSector,
        "hs_chapter" => Msg::FilterHsChapter,
        "verified" => Msg::FilterVerifiedOnly,
        _ => Msg::LanguageLabel,
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let lang = use_lang();
    let params = params_from_query();
    let q = params.q.clone();
    view! {
        <PageMeta lang title=t(lang, Msg::SearchTitle).to_owned() description=t(lang, Msg::SearchIntro).to_owned()/>
        <section>
            <h1>{t(lang, Msg::SearchTitle)}</h1>
            <SearchBox
                lang
                input_id="search-q".to_owned()
                class="search-form".to_owned()
                value=q
                placeholder=t(lang, Msg::SearchPlaceholder).to_owned()
                label=t(lang, Msg::SearchTitle).to_owned()
            />
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let params = params.clone();
                    Suspend::new(async move {
                        match run_search(params.clone(), lang).await {
                            Ok(results) => view! { <Results lang params=params.clone() results/> }.into_any(),
                            Err(crate::errors::AppError::Invalid { message, .. }) => view! {
                                <p class="warning">{message.text(lang)}</p>
                            }
                            .into_any(),
                            Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                        }
                    })
                }
            </Suspense>
        </section>
    }
}

#[component]
fn Results(lang: Lang, params: SearchParams, results: SearchResults) -> impl IntoView {
    let base = params.query_with("", "");
    let next = results
        .next_cursor
        .clone()
        .map(|c| format!("/search?{base}&cursor={}", crate::model::urlencode(&c)));
    let sorts = [
        ("relevance", Msg::SortRelevance),
        ("newest", Msg::SortNewest),
        ("expiring", Msg::SortExpiring),
    ];
    let current_sort = if results.sort.is_empty() {
        "relevance".to_owned()
    } else {
        results.sort.clone()
    };
    view! {
        {results.notice.clone().map(|_| view! { <p class="notice">{t(lang, Msg::SearchIndexBuilding)}</p> })}
        <div class="browse">
            <aside class="facets" aria-label=t(lang, Msg::SearchFacets)>
                {results
                    .facets
                    .iter()
                    .filter(|g| !g.values.is_empty())
                    .map(|group| {
                        let name = group.name.clone();
                        view! {
                            <h2 class="facet-title">{t(lang, facet_title(&name))}</h2>
                            <ul class="facet-list">
                                {group
                                    .values
                                    .iter()
                                    .map(|v| {
                                        let target = if v.selected { String::new() } else { v.value.clone() };
                                        let href = format!("/search?{}", params.query_with(&name, &target));
                                        view! {
                                            <li>
                                                <a href=href aria-current=v.selected.then_some("true") class:selected=v.selected>
                                                    {v.label.clone()}
                                                </a>
                                                " " <span class="count">{v.count.to_string()}</span>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view()}
            </aside>
            <div class="results">
                <p class="muted">
                    {crate::i18n::count(lang, results.total, Msg::SearchTotalOne, Msg::SearchTotal)} " · "
                    {sorts
                        .iter()
                        .map(|(code, msg)| {
                            let href = format!("/search?{}&sort={code}", params.query_with("", ""));
                            let current = *code == current_sort;
                            view! { <a href=href aria-current=current.then_some("true")>{t(lang, *msg)}</a> " " }
                        })
                        .collect_view()}
                </p>
                {results.hits.is_empty().then(|| view! { <p class="empty">{t(lang, Msg::SearchNothing)}</p> })}
                <ul class="listing-list">
                    {results
                        .hits
                        .into_iter()
                        .map(|hit| view! { <HitCard lang hit/> })
                        .collect_view()}
                </ul>
                <nav class="pager">{next.map(|href| view! { <a rel="next" href=href>{t(lang, Msg::NextPage)}</a> })}</nav>
                <FollowSearch lang query=base.clone()/>
            </div>
        </div>
    }
}

/// Follow a search: its Atom feed, and (signed in) save it with e-mail alerts.
#[component]
fn FollowSearch(lang: Lang, query: String) -> impl IntoView {
    let signed_in = crate::routes::use_viewer().is_some();
    let back = crate::routes::use_page_address();
    let form = crate::components::form::use_form_state();
    let frequencies: Vec<(String, String)> = crate::statuses::AlertFrequency::ALL
        .iter()
        .map(|f| {
            (
                f.code().to_owned(),
                crate::vocab::label("alert_frequency", f.code(), lang),
            )
        })
        .collect();
    let has_query = !query.is_empty();
    view! {
        <section class="follow-search" id="follow">
            {has_query.then(|| view! {
                <p><a href=format!("/search.atom?{query}") type="application/atom+xml">{t(lang, Msg::AtomFeed)}</a></p>
            })}
            {match (has_query, signed_in) {
                (false, _) => ().into_any(),
                (true, false) => view! {
                    <p><a href=crate::components::common::sign_in_href(&back)>{t(lang, Msg::SaveSearchSignIn)}</a></p>
                }.into_any(),
                (true, true) => view! {
                    <details open=form.has_errors()>
                        <summary>{t(lang, Msg::SaveSearchTitle)}</summary>
                        <crate::components::form::FormErrors lang form=form.clone()/>
                        <form method="post" action="/search/saved" class="stack" novalidate>
                            <input type="hidden" name="query" value=query.clone()/>
                            <crate::components::form::Field lang form=form.clone() name="name" label=Msg::SaveSearchName/>
                            <crate::components::form::SelectField lang form=form.clone() name="frequency" label=Msg::SaveSearchFrequency
                                options=frequencies.clone() selected="daily".to_owned()/>
                            <button type="submit">{t(lang, Msg::SaveSearchButton)}</button>
                        </form>
                    </details>
                }.into_any(),
            }}
        </section>
    }
}

/// One result: a listing card, or an organisation or gate with its kind and the matched text.
#[component]
fn HitCard(lang: Lang, hit: SearchHit) -> impl IntoView {
    if let Some(item) = hit.listing {
        return view! { <ListingCard lang item snippet=hit.snippet/> }.into_any();
    }
    let title = match hit.organisation {
        Some(org) => view! { <OrgName lang org/> }.into_any(),
        None => view! { <a href=hit.url.clone()>{hit.title.clone()}</a> }.into_any(),
    };
    view! {
        <li class=format!("listing-card hit-{}", hit.entity)>
            <p class="card-kicker"><span class="tag">{hit.subtitle.clone()}</span></p>
            <h3>{title}</h3>
            {(!hit.snippet.is_empty()).then(|| view! {
                <p class="snippet">
                    {hit.snippet
                        .into_iter()
                        .map(|part| if part.hit {
                            view! { <mark>{part.text}</mark> }.into_any()
                        } else {
                            view! { {part.text} }.into_any()
                        })
                        .collect_view()}
                </p>
            })}
        </li>
    }
    .into_any()
}
