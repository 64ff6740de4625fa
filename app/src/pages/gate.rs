use crate::components::common::{ErrorPage, PageMeta, Provenance};
use crate::i18n::{t, Lang, Msg};
use crate::model::GateDetail;
use crate::routes::use_lang;
use crate::serverfns::gates::get_gate::get_gate;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn GatePage() -> impl IntoView {
    let lang = use_lang();
    let id = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    view! {
        <Suspense fallback=move || view! { <p>{t(lang, Msg::Loading)}</p> }>
            {
                let id = id.clone();
                Suspend::new(async move {
                    match get_gate(id).await {
                        Ok(gate) => view! { <GateView lang gate/> }.into_any(),
                        Err(error) => view! { <ErrorPage lang error/> }.into_any(),
                    }
                })
            }
        </Suspense>
    }
}

/// A definition-list row that is left out when there is nothing to say.
fn fact(label: &'static str, value: Option<String>) -> Option<impl IntoView> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
}

#[component]
fn GateView(lang: Lang, gate: GateDetail) -> impl IntoView {
    let row = gate.row.clone();
    let name = format!("{} – {}", row.vn_name, row.la_name.get(lang));
    let description = t(lang, Msg::GateMetaDescription).replace("{name}", &name);
    let level_class = format!("level level-{}", row.level.code());
    let source_ids: Vec<String> = gate.sources.iter().map(|s| s.id.clone()).collect();
    let la_names = {
        let mut names = vec![row.la_name.vi.clone()];
        names.extend(
            [row.la_name.en.clone(), row.la_name.lo.clone()]
                .into_iter()
                .filter(|n| !n.is_empty()),
        );
        names.dedup();
        names.join(" / ")
    };
    let coordinates = match (gate.lat, gate.lon) {
        (Some(lat), Some(lon)) => {
            let map = format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=13/{lat}/{lon}");
            view! {
                <p>
                    <span class="coords">{format!("{lat:.5}, {lon:.5}")}</span>
                    " · "
                    <a href=map rel="noopener">{t(lang, Msg::ViewOnMap)}</a>
                </p>
            }
            .into_any()
        }
        _ => view! { <p class="muted">{t(lang, Msg::NoCoordinates)}</p> }.into_any(),
    };
    view! {
        <PageMeta lang title=name.clone() description/>
        <p><a href="/gates">{t(lang, Msg::BackToGates)}</a></p>
        <article class="gate-detail">
            <h1>{name.clone()} " " <span class=level_class>{t(lang, row.level.label())}</span></h1>
            <p><a class="button secondary" href=format!("/gates/{}/board", row.id)>{t(lang, Msg::BoardLink)}</a></p>
            <div class="sides">
                <section>
                    <h2>{t(lang, Msg::VietnamSide)}</h2>
                    <dl>
                        <dt>{t(lang, Msg::GateName)}</dt>
                        <dd lang="vi">{row.vn_name.clone()}</dd>
                        <dt>{t(lang, Msg::Province)}</dt>
                        <dd>{row.vn_province.get(lang).to_owned()}</dd>
                        {fact(t(lang, Msg::FormerProvince), gate.vn_province_former.as_ref().map(|n| n.get(lang).to_owned()))}
                        {fact(t(lang, Msg::District), gate.vn_location.clone())}
                    </dl>
                </section>
                <section>
                    <h2>{t(lang, Msg::LaoSide)}</h2>
                    <dl>
                        <dt>{t(lang, Msg::GateName)}</dt>
                        <dd>{la_names}</dd>
                        <dt>{t(lang, Msg::Province)}</dt>
                        <dd>{row.la_province.get(lang).to_owned()}</dd>
                        {fact(t(lang, Msg::District), gate.la_district.clone())}
                    </dl>
                </section>
            </div>
            <section>
                <h2>{t(lang, Msg::Coordinates)}</h2>
                {coordinates}
                {gate.coord_note.clone().map(|n| view! { <p class="muted">{n}</p> })}
            </section>
            <section>
                <dl class="facts">
                    {fact(t(lang, Msg::LevelHistory), Some(gate.level_history.clone()))}
                    {fact(t(lang, Msg::KeyDates), gate.key_dates.clone())}
                    {fact(t(lang, Msg::CorridorNotes), gate.corridor_notes.clone())}
                    {fact(t(lang, Msg::Notes), gate.notes.clone())}
                </dl>
            </section>
            <section>
                <h2>{t(lang, Msg::EconomicZones)}</h2>
                {if gate.economic_zones.is_empty() {
                    view! { <p class="muted">{t(lang, Msg::NoEconomicZone)}</p> }.into_any()
                } else {
                    gate.economic_zones
                        .iter()
                        .map(|z| {
                            view! {
                                <article class="card zone" id=z.id.clone()>
                                    <h3>{z.name.get(lang).to_owned()}</h3>
                                    <p>{z.zone_type.clone()}</p>
                                    <dl>
                                        {fact(t(lang, Msg::Status), Some(z.status.clone()))}
                                        {fact("ha", z.area.clone())}
                                        {fact(t(lang, Msg::Notes), z.key_facts.clone())}
                                    </dl>
                                    <Provenance lang sources=z.sources.clone() confidence=z.confidence.clone()/>
                                </article>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </section>
            <section class="sources">
                <h2>{t(lang, Msg::Sources)}</h2>
                <Provenance lang sources=source_ids confidence=row.confidence.clone()/>
                <ul>
                    {gate.sources
                        .iter()
                        .map(|s| view! { <li><strong>{s.id.clone()}</strong> " " {s.citation.clone()}</li> })
                        .collect_view()}
                </ul>
            </section>
        </article>
    }
}
