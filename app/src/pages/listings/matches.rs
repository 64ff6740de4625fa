//! Matches that explain themselves: on the owner's view of a listing, and `/my/matches` for the
//! active organisation. Each match shows its score, its reasons in the reader's language and a
//! way to ask for an introduction.
use super::{title_of, OrgName};
use crate::components::common::{ErrorPage, PageMeta};
use crate::i18n::{t, Lang, Msg};
use crate::match_reasons::reason_text;
use crate::model::{InvestorMatchView, MatchView, MatchesView};
use crate::pages::account::overview::redirect_to_sign_in;
use crate::routes::{use_lang, use_viewer};
use crate::serverfns::matching::list_my_matches::list_my_matches;
use crate::vocab;
use leptos::prelude::*;

#[component]
fn MatchItem(lang: Lang, item: MatchView) -> impl IntoView {
    let (title, _) = title_of(&item.listing, lang);
    let reasons = item
        .reasons
        .iter()
        .map(|r| reason_text(lang, r, Some(&item.listing)))
        .collect::<Vec<_>>()
        .join(" · ");
    let id = item.listing.id;
    view! {
        <li class="match">
            <p class="card-kicker">
                {vocab::label("kind", &item.listing.kind, lang)}
                {item.listing.direction.clone().map(|d| {
                    let list = if item.listing.kind == "route" { "route_direction" } else { "direction" };
                    view! { " · " <span class="tag">{vocab::label(list, &d, lang)}</span> }
                })}
            </p>
            <h3><a href=format!("/listings/{id}")>{title}</a></h3>
            <p>{t(lang, Msg::PostedBy)} " " <OrgName lang org=item.listing.organisation.clone()/></p>
            <p class="match-score">
                <meter min="0" max="100" value=item.score.to_string()>{item.score}</meter>
                " " <strong>{t(lang, Msg::MatchScore).replace("{score}", &item.score.to_string())}</strong>
            </p>
            <p class="match-reasons">{reasons}</p>
            <p><a class="button secondary" href=format!("/listings/{id}?from=match#introduction")>{t(lang, Msg::MatchRequest)}</a></p>
        </li>
    }
}

#[component]
fn InvestorItem(lang: Lang, item: InvestorMatchView) -> impl IntoView {
    let reasons = item
        .reasons
        .iter()
        .map(|r| reason_text(lang, r, None))
        .collect::<Vec<_>>()
        .join(" · ");
    let slug = item.organisation.slug.clone();
    view! {
        <li class="match">
            <h3><OrgName lang org=item.organisation.clone()/></h3>
            <p class="match-score">
                <meter min="0" max="100" value=item.score.to_string()>{item.score}</meter>
                " " <strong>{t(lang, Msg::MatchScore).replace("{score}", &item.score.to_string())}</strong>
            </p>
            <p class="match-reasons">{reasons}</p>
            <p><a class="button secondary" href=format!("/orgs/{slug}?from=match#introduction")>{t(lang, Msg::MatchRequest)}</a></p>
        </li>
    }
}

/// The lists of a listing's matches.
#[component]
pub fn MatchLists(lang: Lang, matches: MatchesView) -> impl IntoView {
    let list = move |title: Msg, items: Vec<MatchView>| {
        (!items.is_empty()).then(|| {
            view! {
                <h3>{t(lang, title)}</h3>
                <ol class="matches">
                    {items.into_iter().map(|item| view! { <MatchItem lang item/> }).collect_view()}
                </ol>
            }
        })
    };
    let empty = matches.goods.is_empty() && matches.transport.is_empty() && matches.investors.is_empty();
    let investors = matches.investors;
    view! {
        {empty.then(|| view! { <p class="muted">{t(lang, Msg::MatchesNone)}</p> })}
        {list(Msg::MatchesGoods, matches.goods)}
        {list(Msg::MatchesTransport, matches.transport)}
        {(!investors.is_empty()).then(|| view! {
            <h3>{t(lang, Msg::InvestorsTitle)}</h3>
            <ol class="matches">
                {investors.into_iter().map(|item| view! { <InvestorItem lang item/> }).collect_view()}
            </ol>
        })}
    }
}

#[component]
pub fn MyMatchesPage() -> impl IntoView {
    let lang = use_lang();
    if use_viewer().is_none() {
        redirect_to_sign_in("/my/matches");
    }
    view! {
        <PageMeta lang title=t(lang, Msg::MyMatchesTitle).to_owned() description=t(lang, Msg::MatchesIntro).to_owned()/>
        <h1>{t(lang, Msg::MyMatchesTitle)}</h1>
        <p class="muted">{t(lang, Msg::MatchesIntro)}</p>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                // An investor's opportunities first; an error here leaves the rest of the page.
                match crate::serverfns::matching::list_investment_matches::list_investment_matches(lang).await {
                    Ok(Some(found)) => view! {
                        <section class="investment-matches">
                            <h2>{t(lang, Msg::OpportunitiesForYouTitle)}</h2>
                            {if !found.interests_stated {
                                view! { <p><a href=found.edit_link.clone()>{t(lang, Msg::InvestNoInterests)}</a></p> }.into_any()
                            } else if found.matches.is_empty() {
                                view! { <p class="muted">{t(lang, Msg::MatchesNone)}</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="matches">
                                        {found.matches.into_iter().map(|item| view! { <MatchItem lang item/> }).collect_view()}
                                    </ol>
                                }.into_any()
                            }}
                        </section>
                    }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_my_matches(lang).await {
                    Ok(all) if all.is_empty() => view! { <p>{t(lang, Msg::MatchesNoneYet)}</p> }.into_any(),
                    Ok(all) => all
                        .into_iter()
                        .map(|(listing, matches)| {
                            let (title, _) = title_of(&listing, lang);
                            view! {
                                <section class="listing-matches">
                                    <h2><a href=format!("/listings/{}#matches", listing.id)>{title}</a></h2>
                                    <MatchLists lang matches/>
                                </section>
                            }
                        })
                        .collect_view()
                        .into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
