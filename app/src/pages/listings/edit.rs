use super::form::ListingForm;
use crate::components::common::{ErrorPage, PageMeta};
use crate::components::form::use_form_state;
use crate::i18n::{t, Lang, Msg};
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
                                let photos = item.photos.clone();
                                view! {
                                    <PhotoManager lang id photos form=form.clone()/>
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

/// The photos of a listing being edited: each with a remove button, and an upload form (plain
/// multipart forms: they work without JavaScript).
#[component]
fn PhotoManager(
    lang: Lang,
    id: i32,
    photos: Vec<crate::model::PhotoView>,
    form: crate::model::FormState,
) -> impl IntoView {
    let notice = crate::pages::account::query_param("notice").and_then(|n| match n.as_str() {
        "photo_added" => Some(Msg::PhotoAddedNotice),
        "photo_removed" => Some(Msg::PhotoRemovedNotice),
        _ => None,
    });
    let full = photos.len() >= 6;
    let too_large = crate::pages::account::query_param("error").as_deref() == Some("photo_too_large");
    let error = form
        .error("photo")
        .or(too_large.then_some(Msg::ErrPhotoTooLarge))
        .map(|m| m.text(lang));
    view! {
        <section class="photo-manager" id="photos">
            <h2>{t(lang, Msg::PhotosTitle)}</h2>
            {notice.map(|n| view! { <p class="notice" role="status">{t(lang, n)}</p> })}
            <p class="hint">{t(lang, Msg::PhotosHint)}</p>
            {full.then(|| error.map(|e| view! { <p class="error" role="alert">{e}</p> }))}
            <ul class="photos">
                {photos
                    .into_iter()
                    .map(|p| view! {
                        <li>
                            <img src=p.thumb_url.clone() alt="" loading="lazy"/>
                            <form method="post" action=format!("/listings/{id}/photos/{}/delete", p.id)>
                                <button type="submit" class="secondary">{t(lang, Msg::PhotoRemoveButton)}</button>
                            </form>
                        </li>
                    })
                    .collect_view()}
            </ul>
            {(!full).then(|| view! {
                <form method="post" action=format!("/listings/{id}/photos") enctype="multipart/form-data" class="stack">
                    <div class="field" class:has-error=error.is_some()>
                        <label for="field-photo">{t(lang, Msg::PhotoFileLabel)}</label>
                        <input id="field-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" required/>
                        {error.map(|e| view! { <p class="error">{e}</p> })}
                    </div>
                    <button type="submit">{t(lang, Msg::PhotoUploadButton)}</button>
                </form>
            })}
        </section>
    }
}
