use super::{kind_label, KINDS};
use crate::components::form::{Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, OrgView};
use leptos::prelude::*;

/// The organisation form, for creating and editing. Values come from what was just typed
/// (after a mistake) or else from the saved organisation.
#[component]
pub fn OrgForm(lang: Lang, form: FormState, action: String, submit: Msg, saved: Option<OrgView>) -> impl IntoView {
    let pick = |name: &str, saved_value: Option<String>| {
        if form.values.is_empty() {
            saved_value.unwrap_or_default()
        } else {
            form.value(name)
        }
    };
    let s = saved.clone();
    let name = pick("name", s.as_ref().map(|o| o.name.clone()));
    let kind = pick("kind", s.as_ref().map(|o| o.kind.clone()));
    let country = pick("country", s.as_ref().map(|o| o.country.clone()));
    let registration = pick(
        "registration_number",
        s.as_ref().and_then(|o| o.registration_number.clone()),
    );
    let website = pick("website", s.as_ref().and_then(|o| o.website.clone()));
    let vi = pick("description_vi", s.as_ref().map(|o| o.description.vi.clone()));
    let lo = pick("description_lo", s.as_ref().map(|o| o.description.lo.clone()));
    let en = pick("description_en", s.as_ref().map(|o| o.description.en.clone()));
    let kinds: Vec<(String, String)> = KINDS
        .iter()
        .map(|k| (k.to_string(), t(lang, kind_label(k)).to_owned()))
        .collect();
    let countries = vec![
        ("VN".to_owned(), t(lang, Msg::Vietnam).to_owned()),
        ("LA".to_owned(), t(lang, Msg::Laos).to_owned()),
    ];
    view! {
        <form method="post" action=action class="stack" novalidate>
            <FormErrors lang form=form.clone()/>
            <Field lang form=form.clone() name="name" label=Msg::OrgName value=name autocomplete="organization"/>
            <SelectField lang form=form.clone() name="kind" label=Msg::OrgKindLabel options=kinds selected=kind/>
            <SelectField lang form=form.clone() name="country" label=Msg::Country options=countries selected=country/>
            <Field
                lang
                form=form.clone()
                name="registration_number"
                label=Msg::OrgRegistrationNumber
                value=registration
                required=false
            />
            <Field lang form=form.clone() name="website" label=Msg::OrgWebsite kind="url" value=website required=false/>
            <p class="hint">{t(lang, Msg::DescriptionsHint)}</p>
            <TextAreaField lang form=form.clone() name="description_vi" label=Msg::DescriptionVi value=vi input_lang="vi"/>
            <TextAreaField lang form=form.clone() name="description_lo" label=Msg::DescriptionLo value=lo input_lang="lo"/>
            <TextAreaField lang form=form.clone() name="description_en" label=Msg::DescriptionEn value=en input_lang="en"/>
            <button type="submit">{t(lang, submit)}</button>
        </form>
    }
}
