use super::{kind_label, KINDS};
use crate::components::form::{CheckboxGroup, Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, OrgView};
use crate::serverfns::orgs::list_provinces::list_provinces;
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
    let province = pick("province_id", s.as_ref().and_then(|o| o.province_id.clone()));
    let contact = |name: &str, get: fn(&crate::model::ContactCard) -> Option<String>| {
        pick(name, s.as_ref().and_then(|o| o.contact.as_ref()).and_then(get))
    };
    let contact_person = contact("contact_person", |c| c.person.clone());
    let contact_email = contact("contact_email", |c| c.email.clone());
    let contact_phone = contact("contact_phone", |c| c.phone.clone());
    let contact_messaging = contact("contact_messaging", |c| c.messaging.clone());
    let sectors = s.as_ref().map(|o| o.sectors.clone()).unwrap_or_default();
    let invest = s.as_ref().and_then(|o| o.investment.clone()).unwrap_or_default();
    let invest_sectors = invest.sectors.clone();
    let invest_provinces: Vec<String> = invest.provinces.iter().map(|(id, _)| id.clone()).collect();
    let invest_instruments = invest.instruments.clone();
    let ticket_min = pick("invest_ticket_min", invest.ticket_min_usd.map(|v| v.to_string()));
    let ticket_max = pick("invest_ticket_max", invest.ticket_max_usd.map(|v| v.to_string()));
    let instrument_options = crate::vocab::options("instrument", lang);
    let languages = s.as_ref().map(|o| o.languages.clone()).unwrap_or_default();
    let sector_options: Vec<(String, String)> = super::SECTORS
        .iter()
        .map(|(code, msg)| (code.to_string(), t(lang, *msg).to_owned()))
        .collect();
    let language_options: Vec<(String, String)> = super::LANGUAGES
        .iter()
        .map(|(code, name)| (code.to_string(), name.to_string()))
        .collect();
    let form_for_provinces = form.clone();
    let form_for_invest = form.clone();
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
            <Suspense fallback=|| ()>
                {
                    let (form, province) = (form_for_provinces.clone(), province.clone());
                    Suspend::new(async move {
                        // The form still works if the list cannot be loaded: the field is optional.
                        let (vn, la) = list_provinces().await.unwrap_or_default();
                        let label = |country: Msg, p: crate::model::ProvinceOption| {
                            (p.id.clone(), format!("{} ({})", p.name.get(lang), t(lang, country)))
                        };
                        let options: Vec<(String, String)> = vn
                            .into_iter()
                            .map(|p| label(Msg::Vietnam, p))
                            .chain(la.into_iter().map(|p| label(Msg::Laos, p)))
                            .collect();
                        view! {
                            <SelectField lang form=form.clone() name="province_id" label=Msg::ProvinceOptional options selected=province.clone()/>
                        }
                    })
                }
            </Suspense>
            <CheckboxGroup lang form=form.clone() name="sectors" label=Msg::SectorsLabel options=sector_options.clone() checked=sectors/>
            <CheckboxGroup lang form=form.clone() name="languages" label=Msg::LanguagesLabel options=language_options checked=languages/>
            <p class="hint">{t(lang, Msg::DescriptionsHint)}</p>
            <TextAreaField lang form=form.clone() name="description_vi" label=Msg::DescriptionVi value=vi input_lang="vi"/>
            <TextAreaField lang form=form.clone() name="description_lo" label=Msg::DescriptionLo value=lo input_lang="lo"/>
            <TextAreaField lang form=form.clone() name="description_en" label=Msg::DescriptionEn value=en input_lang="en"/>
            <fieldset class="investment">
                <legend>{t(lang, Msg::InvestLegend)}</legend>
                <p class="hint">{t(lang, Msg::InvestHint)}</p>
                <CheckboxGroup lang form=form.clone() name="invest_sectors" label=Msg::InvestSectorsLabel options=sector_options checked=invest_sectors/>
                <Suspense fallback=|| ()>
                    {
                        let (form, chosen) = (form_for_invest.clone(), invest_provinces.clone());
                        Suspend::new(async move {
                            let (vn, la) = list_provinces().await.unwrap_or_default();
                            let label = |country: Msg, p: crate::model::ProvinceOption| {
                                (p.id.clone(), format!("{} ({})", p.name.get(lang), t(lang, country)))
                            };
                            let options: Vec<(String, String)> = vn
                                .into_iter()
                                .map(|p| label(Msg::Vietnam, p))
                                .chain(la.into_iter().map(|p| label(Msg::Laos, p)))
                                .collect();
                            view! {
                                <CheckboxGroup lang form=form.clone() name="invest_provinces" label=Msg::InvestProvincesLabel options checked=chosen.clone()/>
                            }
                        })
                    }
                </Suspense>
                <CheckboxGroup lang form=form.clone() name="invest_instruments" label=Msg::InvestInstrumentsLabel options=instrument_options checked=invest_instruments/>
                <Field lang form=form.clone() name="invest_ticket_min" label=Msg::InvestTicketMinLabel kind="number" value=ticket_min required=false/>
                <Field lang form=form.clone() name="invest_ticket_max" label=Msg::InvestTicketMaxLabel kind="number" value=ticket_max required=false/>
            </fieldset>
            <fieldset class="contacts">
                <legend>{t(lang, Msg::OrgContactsLegend)}</legend>
                <p class="hint">{t(lang, Msg::OrgContactsHint)}</p>
                <Field lang form=form.clone() name="contact_person" label=Msg::ContactPersonLabel value=contact_person autocomplete="name" required=false/>
                <Field lang form=form.clone() name="contact_email" label=Msg::ContactEmailLabel kind="email" value=contact_email autocomplete="email" required=false/>
                <Field lang form=form.clone() name="contact_phone" label=Msg::ContactPhoneLabel kind="tel" value=contact_phone autocomplete="tel" required=false/>
                <Field lang form=form.clone() name="contact_messaging" label=Msg::ContactMessagingLabel value=contact_messaging required=false/>
            </fieldset>
            <button type="submit">{t(lang, submit)}</button>
        </form>
    }
}
