use super::form::ListingForm;
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::use_form_state;
use crate::i18n::{t, Msg};
use crate::routes::use_lang;
use crate::serverfns::listings::{get_listing::get_listing, get_listing_choices::get_listing_choices};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EditListingPage() -> impl IntoView {
    let lang = use_lang();
    let form = use_form_state();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i32>().ok()));
    let signed_in = crate::routes::use_viewer().is_some();
    view! {
        <PageMeta lang title=t(lang, Msg::EditListingTitle).to_owned() description=t(lang, Msg::ListingsIntro).to_owned()/>
        <section class="narrow-wide">
            <h1>{t(lang, Msg::EditListingTitle)}</h1>
            <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
                {
                    let form = form.clone();
                    Suspend::new(async move {
                        let Some(id) = id else {
                            return view! { <ErrorPage lang error=crate::errors::AppError::NotFound/> }.into_any();
                        };
                        match get_listing(id, lang).await {
                            Ok(item) if item.can_edit => {
                                // A failed call is the error page with its status, never an empty page.
                                let choices = match get_listing_choices(lang).await {
                                    Ok(value) => value,
                                    Err(error) => return view! { <ErrorPage lang error/> }.into_any(),
                                };
                                view! {
                                    <ListingForm lang form=form.clone() kind=item.kind.clone() action=format!("/listings/{id}/edit") choices saved=Some(item)/>
                                }
                                .into_any()
                            }
                            // Signed out: sign in first (and come back); signed in: not yours.
                            Ok(_) if !signed_in => view! { <ErrorPage lang error=crate::errors::AppError::Unauthorized/> }.into_any(),
                            Ok(_) => view! { <ErrorPage lang error=crate::errors::AppError::Forbidden/> }.into_any(),
                            Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                        }
                    })
                }
            </Suspense>
        </section>
    }
}
