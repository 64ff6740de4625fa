use crate::components::common::{ErrorPage, PageMeta, ScrollTable};
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use crate::serverfns::sources::list_sources::list_sources;
use leptos::prelude::*;

#[component]
pub fn SourcesPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageMeta lang title=t(lang, Msg::SourcesTitle).to_owned() description=t(lang, Msg::SourcesIntro).to_owned()/>
        <h1>{t(lang, Msg::SourcesTitle)}</h1>
        <p class="lead">{t(lang, Msg::SourcesIntro)}</p>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match list_sources().await {
                    Ok(sources) => view! {
                        <ScrollTable label=t(lang, Msg::SourcesTitle).to_owned()>
                            <table class="sources-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t(lang, Msg::SourceId)}</th>
                                        <th scope="col">{t(lang, Msg::DatasetCounts)}</th>
                                        <th scope="col">{t(lang, Msg::SourceCitation)}</th>
                                        <th scope="col">{t(lang, Msg::SourceSupports)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {sources
                                        .into_iter()
                                        .map(|s| view! {
                                            <tr id=s.id.clone()>
                                                <th scope="row">{s.id.clone()}</th>
                                                <td>{s.dataset}</td>
                                                <td class="citation">{s.citation}</td>
                                                <td>{s.supports}</td>
                                            </tr>
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </ScrollTable>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
