use crate::components::common::{ErrorPage, PageMeta, Provenance, ScrollTable, VerifiedBadge};
use crate::i18n::{format_pct, format_usd, t, Lang, Msg};
use crate::model::{HomeData, TradeFigure, TRADE_TARGET_USD};
use crate::routes::use_lang;
use crate::serverfns::home::get_home::get_home;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta lang title=t(lang, Msg::NavHome).to_owned() description=t(lang, Msg::HomeMetaDescription).to_owned()/>
        <section class="hero">
            <h1>{t(lang, Msg::HomeTitle)}</h1>
            <p class="lead">{t(lang, Msg::HomeIntro)}</p>
        </section>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match get_home().await {
                    Ok(data) => view! { <HomeBody lang data/> }.into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomeBody(lang: Lang, data: HomeData) -> impl IntoView {
    let target = data
        .latest_full_year
        .clone()
        .and_then(|fy| fy.total_usd.map(|total| (fy.year, total)));
    view! {
        <section class="trade" aria-labelledby="trade-title">
            <h2 id="trade-title">{t(lang, Msg::TradeTitle)}</h2>
            <div class="cards">
                {data.latest_full_year.clone().map(|f| view! { <TradeCard lang heading=Msg::LatestFullYear figure=f/> })}
                {data.latest_period.clone().map(|f| view! { <TradeCard lang heading=Msg::LatestPeriod figure=f/> })}
            </div>
            {target
                .map(|(year, total)| {
                    let pct = (total as f64 / TRADE_TARGET_USD as f64 * 100.0).min(100.0);
                    let text = t(lang, Msg::TargetProgress)
                        .replace("{year}", &year.to_string())
                        .replace("{total}", &format_usd(lang, total))
                        .replace("{pct}", &format!("{pct:.0}"));
                    view! {
                        <div class="target">
                            <h3>{t(lang, Msg::TargetTitle)}</h3>
                            <progress max="100" value=format!("{pct:.1}")>{format!("{pct:.0}%")}</progress>
                            <p>{text}</p>
                        </div>
                    }
                })}
            <TradeSeries lang rows=data.full_years.clone()/>
        </section>
        <section class="explore" aria-labelledby="explore-title">
            <h2 id="explore-title">{t(lang, Msg::SectionsTitle)}</h2>
            <div class="cards">
                <a class="card link-card" href="/gates">
                    <strong>{t(lang, Msg::NavGates)} " (" {data.gate_count} ")"</strong>
                    <span>{t(lang, Msg::SectionGatesText)}</span>
                </a>
                <a class="card link-card" href="/sources">
                    <strong>{t(lang, Msg::NavSources)}</strong>
                    <span>{t(lang, Msg::SectionSourcesText)}</span>
                </a>
            </div>
        </section>
        <section class="milestones" aria-labelledby="milestones-title">
            <h2 id="milestones-title">{t(lang, Msg::MilestonesTitle)}</h2>
            <ol class="timeline">
                {data
                    .milestones
                    .into_iter()
                    .map(|m| {
                        view! {
                            <li id=m.id.clone()>
                                <time>{m.happened_on.clone()}</time>
                                <div>
                                    <h3>{m.title.get(lang).to_owned()}</h3>
                                    <p>{m.summary.get(lang).to_owned()}</p>
                                    {(!m.parties.is_empty()).then(|| view! {
                                        <p class="parties">
                                            {m.parties.into_iter().enumerate().map(|(i, p)| view! {
                                                {(i > 0).then_some(" · ")}
                                                <span class="party">{p.name}<VerifiedBadge lang verified_at=p.verified_at/></span>
                                            }).collect_view()}
                                        </p>
                                    })}
                                    <Provenance lang sources=m.sources.clone() confidence=None/>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn TradeCard(lang: Lang, heading: Msg, figure: TradeFigure) -> impl IntoView {
    let amount = |v: Option<i64>| {
        v.map(|v| format_usd(lang, v))
            .unwrap_or_else(|| t(lang, Msg::NotReported).to_owned())
    };
    view! {
        <article class="card trade-card">
            <h3>{t(lang, heading)} ": " {figure.year} " " {figure.period.clone()}</h3>
            <p class="big">{amount(figure.total_usd)}</p>
            {figure
                .total_yoy_pct
                .map(|pct| view! { <p class="yoy">{format_pct(lang, pct, true)} " " {t(lang, Msg::YearOnYear)}</p> })}
            <dl>
                <dt>{t(lang, Msg::VnExports)}</dt>
                <dd>{amount(figure.vn_exports_usd)}</dd>
                <dt>{t(lang, Msg::VnImports)}</dt>
                <dd>{amount(figure.vn_imports_usd)}</dd>
                <dt>{t(lang, Msg::ReporterBasis)}</dt>
                <dd>{figure.reporter_basis.clone()}</dd>
            </dl>
            <Provenance lang sources=figure.sources.clone() confidence=figure.confidence.clone()/>
        </article>
    }
}

#[component]
fn TradeSeries(lang: Lang, rows: Vec<TradeFigure>) -> impl IntoView {
    let amount = move |v: Option<i64>| v.map(|v| format_usd(lang, v)).unwrap_or_else(|| "—".to_owned());
    view! {
        <details class="series">
            <summary>{t(lang, Msg::TradeSeriesTitle)}</summary>
            <ScrollTable label=t(lang, Msg::TradeSeriesTitle).to_owned()>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, Msg::Year)}</th>
                            <th scope="col">{t(lang, Msg::TotalTrade)}</th>
                            <th scope="col">{t(lang, Msg::VnExports)}</th>
                            <th scope="col">{t(lang, Msg::VnImports)}</th>
                            <th scope="col">{t(lang, Msg::ReporterBasis)}</th>
                            <th scope="col">{t(lang, Msg::Sources)}</th>
                            <th scope="col">{t(lang, Msg::Confidence)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row">{r.year}</th>
                                        <td>{amount(r.total_usd)}</td>
                                        <td>{amount(r.vn_exports_usd)}</td>
                                        <td>{amount(r.vn_imports_usd)}</td>
                                        <td>{r.reporter_basis.clone()}</td>
                                        <td>{r.sources.join(", ")}</td>
                                        <td>{r.confidence.clone()}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </ScrollTable>
        </details>
    }
}
