use crate::components::form::{CheckboxGroup, Field, FormErrors, SelectField, TextAreaField};
use crate::i18n::{t, Lang, Msg};
use crate::model::{FormState, ListingChoices, ListingView};
use crate::vocab;
use leptos::prelude::*;

/// Product words typed into the HS field ("ຢາງພາລາ", "cao su"): the headings they may be, each a
/// submit button that puts its code into the form (`hs_pick`, handled by the form post), so it
/// works without JavaScript.
#[component]
fn HsPicker(lang: Lang, typed: String) -> impl IntoView {
    // A word (two letters in a row), not a typo in a code ("72x8"): as `hs_picker::is_words`.
    let words = typed
        .chars()
        .scan(0, |run, c| {
            *run = if c.is_alphabetic() { *run + 1 } else { 0 };
            Some(*run)
        })
        .any(|run| run >= 2);
    words.then(|| {
        view! {
            <Suspense fallback=|| ()>
                {
                    let typed = typed.clone();
                    Suspend::new(async move {
                        let quoted = |msg: Msg| t(lang, msg).replace("{q}", &typed);
                        match crate::serverfns::listings::suggest_hs_codes::suggest_hs_codes(typed.clone(), lang).await {
                            Ok(list) if !list.is_empty() => view! {
                                <fieldset class="hs-picker">
                                    <legend>{quoted(Msg::HsSuggestionsFor)}</legend>
                                    {list.into_iter().map(|s| view! {
                                        <button type="submit" name="hs_pick" value=s.code.clone() class="secondary hs-choice">
                                            <strong>{s.display.clone()}</strong> " " <span lang=s.description_lang.clone()>{s.description.clone()}</span>
                                        </button>
                                    }).collect_view()}
                                </fieldset>
                            }.into_any(),
                            Ok(_) => view! { <p class="hint">{quoted(Msg::HsNoSuggestion)}</p> }.into_any(),
                            // The field's own error already says what to do.
                            Err(_) => ().into_any(),
                        }
                    })
                }
            </Suspense>
        }
    })
}

/// The listing form for one kind, for creating and editing. Values come from what was just
/// typed (after a mistake) or else from the saved listing.
#[component]
pub fn ListingForm(
    lang: Lang,
    form: FormState,
    kind: String,
    action: String,
    choices: ListingChoices,
    saved: Option<ListingView>,
) -> impl IntoView {
    let typed = !form.values.is_empty();
    let s = saved.clone();
    let pick = |name: &str, saved_value: Option<String>| {
        if typed {
            form.value(name)
        } else {
            saved_value.unwrap_or_default()
        }
    };
    let pick_many = |name: &str, saved_values: Vec<String>| {
        if typed {
            form.values_of(name)
        } else {
            saved_values
        }
    };
    let num = |n: Option<f64>| {
        n.map(|n| {
            if n.fract() == 0.0 {
                format!("{}", n as i64)
            } else {
                n.to_string()
            }
        })
    };
    let text = |name: &'static str, label: Msg, value: String, required: bool| {
        view! { <Field lang form=form.clone() name label value required/> }
    };
    let select = |name: &'static str, label: Msg, list: &str, selected: String| {
        view! { <SelectField lang form=form.clone() name label options=vocab::options(list, lang) selected/> }
    };
    let province_options: Vec<(String, String)> = choices
        .provinces_vn
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                format!("{} ({})", p.name.get(lang), t(lang, Msg::Vietnam)),
            )
        })
        .chain(
            choices
                .provinces_la
                .iter()
                .map(|p| (p.id.clone(), format!("{} ({})", p.name.get(lang), t(lang, Msg::Laos)))),
        )
        .collect();
    let gate_options: Vec<(String, String)> = choices
        .gates
        .iter()
        .map(|g| (g.id.clone(), g.name.get(lang).to_owned()))
        .collect();
    let zone_options: Vec<(String, String)> = choices
        .zones
        .iter()
        .map(|z| (z.id.clone(), z.name.get(lang).to_owned()))
        .collect();
    let org_options: Vec<(String, String)> = choices.my_organisations.clone();
    let first_org = org_options.first().map(|(slug, _)| slug.clone()).unwrap_or_default();
    let title = |l: &str| {
        s.as_ref().map(|v| match l {
            "vi" => v.title.vi.clone(),
            "lo" => v.title.lo.clone(),
            _ => v.title.en.clone(),
        })
    };
    let description = |l: &str| {
        s.as_ref()
            .map(|v| match l {
                "vi" => v.description.vi.clone(),
                "lo" => v.description.lo.clone(),
                _ => v.description.en.clone(),
            })
            .unwrap_or_default()
    };
    let is_new = saved.is_none();
    let specific = match kind.as_str() {
        "commodity" => view! {
            {select("direction", Msg::FilterDirection, "direction", pick("direction", s.as_ref().and_then(|v| v.direction.clone())))}
            <Field lang form=form.clone() name="hs_code" label=Msg::HsCodeLabel hint=Msg::HsCodeHint value=pick("hs_code", s.as_ref().and_then(|v| v.hs.as_ref().map(|h| h.code.clone())))/>
            <HsPicker lang typed=if typed { form.value("hs_code") } else { String::new() }/>
            <div class="row">
                <Field lang form=form.clone() name="quantity" label=Msg::QuantityLabel kind="number" value=pick("quantity", s.as_ref().and_then(|v| num(v.quantity))) required=false/>
                {select("unit", Msg::UnitLabel, "unit", pick("unit", s.as_ref().and_then(|v| v.unit.clone())))}
                {select("frequency", Msg::FrequencyLabel, "frequency", pick("frequency", s.as_ref().and_then(|v| v.frequency.clone())))}
            </div>
            <div class="row">
                <Field lang form=form.clone() name="price" label=Msg::PriceLabel kind="number" value=pick("price", s.as_ref().and_then(|v| num(v.price))) required=false/>
                {select("currency", Msg::CurrencyLabel, "currency", pick("currency", s.as_ref().and_then(|v| v.currency.clone())))}
                {select("incoterm", Msg::IncotermLabel, "incoterm", pick("incoterm", s.as_ref().and_then(|v| v.incoterm.clone())))}
            </div>
            <CheckboxGroup lang form=form.clone() name="certifications" label=Msg::CertificationsLabel options=vocab::options("certification", lang) checked=pick_many("certifications", s.as_ref().map(|v| v.certifications.clone()).unwrap_or_default())/>
        }
        .into_any(),
        "opportunity" => view! {
            {select("sector", Msg::FilterSector, "sector", pick("sector", s.as_ref().and_then(|v| v.sector.clone())))}
            {select("stage", Msg::StageLabel, "stage", pick("stage", s.as_ref().and_then(|v| v.stage.clone())))}
            <CheckboxGroup lang form=form.clone() name="instruments" label=Msg::InstrumentsLabel options=vocab::options("instrument", lang) checked=pick_many("instruments", s.as_ref().map(|v| v.instruments.clone()).unwrap_or_default())/>
            <div class="row">
                <Field lang form=form.clone() name="size_min_usd" label=Msg::SizeMinLabel kind="number" value=pick("size_min_usd", s.as_ref().and_then(|v| v.size_min_usd.map(|n| n.to_string()))) required=false/>
                <Field lang form=form.clone() name="size_max_usd" label=Msg::SizeMaxLabel kind="number" value=pick("size_max_usd", s.as_ref().and_then(|v| v.size_max_usd.map(|n| n.to_string()))) required=false/>
            </div>
            <SelectField lang form=form.clone() name="economic_zone_id" label=Msg::ZoneLabel options=zone_options.clone() selected=pick("economic_zone_id", s.as_ref().and_then(|v| v.economic_zone.as_ref().map(|z| z.id.clone())))/>
            <TextAreaField lang form=form.clone() name="incentives" label=Msg::IncentivesLabel value=pick("incentives", s.as_ref().and_then(|v| v.incentives.clone())) input_lang=lang.code()/>
            <TextAreaField lang form=form.clone() name="land_status" label=Msg::LandStatusLabel value=pick("land_status", s.as_ref().and_then(|v| v.land_status.clone())) input_lang=lang.code()/>
            {text("contact", Msg::ContactLabel, pick("contact", s.as_ref().and_then(|v| v.contact.clone())), false)}
            <label class="check">
                <input type="checkbox" name="priority_infra" value="1" checked=if typed { !form.value("priority_infra").is_empty() } else { s.as_ref().is_some_and(|v| v.priority_infra) }/>
                " " {t(lang, Msg::PriorityInfraLabel)}
            </label>
            {form.error("priority_infra").map(|e| view! { <p class="error">{e.text(lang)}</p> })}
            {select("infra_type", Msg::InfraTypeLabel, "infra_type", pick("infra_type", s.as_ref().and_then(|v| v.infra_type.clone())))}
        }
        .into_any(),
        _ => view! {
            {select("direction", Msg::RouteDirectionLabel, "route_direction", pick("direction", s.as_ref().and_then(|v| v.direction.clone())))}
            {text("origin_place", Msg::OriginPlaceLabel, pick("origin_place", s.as_ref().and_then(|v| v.origin_place.clone())), false)}
            {text("destination_place", Msg::DestinationPlaceLabel, pick("destination_place", s.as_ref().and_then(|v| v.destination_place.clone())), false)}
            <div class="row">
                <Field lang form=form.clone() name="window_start" label=Msg::WindowStartLabel kind="date" value=pick("window_start", s.as_ref().and_then(|v| v.window_start.clone())) required=false/>
                <Field lang form=form.clone() name="window_end" label=Msg::WindowEndLabel kind="date" value=pick("window_end", s.as_ref().and_then(|v| v.window_end.clone())) required=false/>
            </div>
            <div class="row">
                <Field lang form=form.clone() name="capacity" label=Msg::CapacityLabel kind="number" value=pick("capacity", s.as_ref().and_then(|v| num(v.capacity))) required=false/>
                {select("capacity_unit", Msg::CapacityUnitLabel, "capacity_unit", pick("capacity_unit", s.as_ref().and_then(|v| v.capacity_unit.clone())))}
            </div>
            <CheckboxGroup lang form=form.clone() name="equipment" label=Msg::EquipmentLabel options=vocab::options("equipment", lang) checked=pick_many("equipment", s.as_ref().map(|v| v.equipment.clone()).unwrap_or_default())/>
        }
        .into_any(),
    };
    view! {
        <form method="post" action=action class="stack listing-form" novalidate>
            <FormErrors lang form=form.clone()/>
            <input type="hidden" name="kind" value=kind.clone()/>
            {is_new.then(|| view! {
                <SelectField lang form=form.clone() name="organisation" label=Msg::PostAsLabel options=org_options.clone() selected=pick("organisation", Some(first_org.clone()))/>
            })}
            <p class="hint">{t(lang, Msg::TitlesHint)}</p>
            {text("title_vi", Msg::TitleVi, pick("title_vi", title("vi")), false)}
            {text("title_lo", Msg::TitleLo, pick("title_lo", title("lo")), false)}
            {text("title_en", Msg::TitleEn, pick("title_en", title("en")), false)}
            {specific}
            <SelectField lang form=form.clone() name="province_id" label=Msg::OriginLabel options=province_options.clone() selected=pick("province_id", s.as_ref().and_then(|v| v.province.as_ref().map(|p| p.id.clone())))/>
            <SelectField lang form=form.clone() name="destination_province_id" label=Msg::DestinationLabel options=province_options.clone() selected=pick("destination_province_id", s.as_ref().and_then(|v| v.destination_province.as_ref().map(|p| p.id.clone())))/>
            <CheckboxGroup lang form=form.clone() name="gate_ids" label=Msg::GatesLabel options=gate_options checked=pick_many("gate_ids", s.as_ref().map(|v| v.gates.iter().map(|g| g.id.clone()).collect()).unwrap_or_default())/>
            <TextAreaField lang form=form.clone() name="description_vi" label=Msg::DescriptionVi value=pick("description_vi", Some(description("vi"))) input_lang="vi"/>
            <TextAreaField lang form=form.clone() name="description_lo" label=Msg::DescriptionLo value=pick("description_lo", Some(description("lo"))) input_lang="lo"/>
            <TextAreaField lang form=form.clone() name="description_en" label=Msg::DescriptionEn value=pick("description_en", Some(description("en"))) input_lang="en"/>
            <Field lang form=form.clone() name="expires_on" label=Msg::ExpiresOnLabel kind="date" value=pick("expires_on", s.as_ref().map(|v| v.expires_on.clone())) required=false/>
            <div class="actions">
                <button type="submit" name="save" value="publish">{t(lang, Msg::PublishButton)}</button>
                " "
                <button type="submit" name="save" value="draft" class="secondary">{t(lang, Msg::SaveDraftButton)}</button>
            </div>
        </form>
    }
}
