use crate::components::common::{ErrorPage, PageMeta};
use crate::components::gate_browser::GateBrowser;
use crate::errors::AppError;
use crate::i18n::{t, Msg};
use crate::model::GateFilter;
use crate::routes::use_lang;
use crate::serverfns::gates::{get_gate_filters::get_gate_filters, list_gates::list_gates};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn GatesPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let filter = query.with_untracked(|q| GateFilter::from_query(q.get_str("level"), q.get_str("vn"), q.get_str("la")));
    view! {
        <PageMeta lang title=t(lang, Msg::GatesTitle).to_owned() description=t(lang, Msg::GatesIntro).to_owned()/>
        <h1>{t(lang, Msg::GatesTitle)}</h1>
        <p class="lead">{t(lang, Msg::GatesIntro)}</p>
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let filter = filter.clone();
                Suspend::new(async move {
                    let loaded: Result<_, AppError> = async {
                        let options = get_gate_filters().await?;
                        let rows = list_gates(filter.clone()).await?;
                        Ok((options, rows))
                    }
                    .await;
                    match loaded {
                        Ok((options, initial)) => view! {
                            <p class="muted">
                                {t(lang, Msg::GatesTallyNote).replace("{n}", &options.total_gates.to_string())}
                            </p>
                            <GateBrowser
                                lang
                                filter=filter.clone()
                                vn_provinces=options.vn_provinces
                                la_provinces=options.la_provinces
                                initial
                            />
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}
