//! The gate list with its filters: a plain GET form that works without JavaScript; once
//! hydrated (an island), changing a filter updates the list in place and the URL with it.
use crate::i18n::{t, Lang, Msg};
use crate::model::{GateFilter, GateLevel, GateRow, ProvinceOption};
use crate::serverfns::gates::list_gates::list_gates;
use leptos::prelude::*;

#[island]
pub fn GateBrowser(
    lang: Lang,
    filter: GateFilter,
    vn_provinces: Vec<ProvinceOption>,
    la_provinces: Vec<ProvinceOption>,
    initial: Vec<GateRow>,
) -> impl IntoView {
    let rows = RwSignal::new(initial);
    let current = RwSignal::new(filter.clone());
    let pending = RwSignal::new(false);

    let refresh = move || {
        let wanted = current.get_untracked();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = list_gates(wanted.clone()).await;
            // A slower, older answer must not overwrite a newer choice.
            if current.get_untracked() == wanted {
                if let Ok(found) = result {
                    rows.set(found);
                }
                pending.set(false);
                replace_url(&wanted);
            }
        });
    };

    let province_select = move |name: &'static str,
                                label: Msg,
                                options: Vec<ProvinceOption>,
                                selected: Option<String>| {
        let id = format!("filter-{name}");
        view! {
            <label for=id.clone()>{t(lang, label)}</label>
            <select
                id=id
                name=name
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let value = (!value.is_empty()).then_some(value);
                    current.update(|f| if name == "vn" { f.vn_province = value } else { f.la_province = value });
                    refresh();
                }
            >
                <option value="" selected=selected.is_none()>{t(lang, Msg::AnyOption)}</option>
                {options
                    .into_iter()
                    .map(|p| {
                        let is_selected = selected.as_deref() == Some(p.id.as_str());
                        view! { <option value=p.id.clone() selected=is_selected>{p.name.get(lang).to_owned()}</option> }
                    })
                    .collect_view()}
            </select>
        }
    };

    view! {
        <form class="filters" method="get" action="/gates" role="search" aria-label=t(lang, Msg::FiltersLabel)>
            <div class="field">
                <label for="filter-level">{t(lang, Msg::FilterLevel)}</label>
                <select
                    id="filter-level"
                    name="level"
                    on:change=move |ev| {
                        let level = GateLevel::parse(&event_target_value(&ev));
                        current.update(|f| f.level = level);
                        refresh();
                    }
                >
                    <option value="" selected=filter.level.is_none()>{t(lang, Msg::AnyOption)}</option>
                    {GateLevel::ALL
                        .into_iter()
                        .map(|level| {
                            view! {
                                <option value=level.code() selected=filter.level == Some(level)>
                                    {t(lang, level.label())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">{province_select("vn", Msg::FilterVnProvince, vn_provinces, filter.vn_province.clone())}</div>
            <div class="field">{province_select("la", Msg::FilterLaProvince, la_provinces, filter.la_province.clone())}</div>
            <input type="hidden" name="lang" value=lang.code()/>
            <div class="actions">
                <button type="submit">{t(lang, Msg::ApplyFilters)}</button>
                <a href="/gates">{t(lang, Msg::ResetFilters)}</a>
            </div>
        </form>
        <p class="count" aria-live="polite" aria-busy=move || pending.get().then_some("true")>
            {move || crate::i18n::count(lang, rows.with(|r| r.len()) as u64, Msg::GatesCountOne, Msg::GatesCount)}
        </p>
        <ul class="gate-list">
            {move || {
                let list = rows.get();
                if list.is_empty() {
                    view! { <li class="empty">{t(lang, Msg::NoGatesMatch)}</li> }.into_any()
                } else {
                    list.into_iter().map(|row| view! { <GateCard lang row/> }).collect_view().into_any()
                }
            }}
        </ul>
    }
}

#[component]
fn GateCard(lang: Lang, row: GateRow) -> impl IntoView {
    let href = format!("/gates/{}", row.id);
    let level_class = format!("level level-{}", row.level.code());
    view! {
        <li class="gate-card">
            <a href=href>
                <span class="pair">
                    <span lang="vi">{row.vn_name.clone()}</span>
                    " – "
                    <span>{row.la_name.get(lang).to_owned()}</span>
                </span>
                <span class=level_class>{t(lang, row.level.label())}</span>
            </a>
            <span class="provinces">
                {row.vn_province.get(lang).to_owned()} " ⇄ " {row.la_province.get(lang).to_owned()}
            </span>
        </li>
    }
}

fn replace_url(filter: &GateFilter) {
    #[cfg(feature = "hydrate")]
    {
        let query = filter.to_query();
        let url = if query.is_empty() {
            "/gates".to_owned()
        } else {
            format!("/gates?{query}")
        };
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = filter;
}
