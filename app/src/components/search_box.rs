//! The search box of the header and of the search page: a plain GET form to `/search` that
//! works without JavaScript; once hydrated (an island), titles that complete what the reader
//! types show under it as a WAI-ARIA 1.2 combobox with a list box popup.
//!
//! Keys: ArrowDown / ArrowUp move through the options, Enter opens the chosen one (or, with no
//! option chosen, submits the form as usual), Escape closes the list, Tab leaves it. A click
//! opens an option. The last option, "Search for “…”", submits the form. Suggestions are asked
//! for 150 ms after the last keystroke, and an answer to an older text is dropped (slow border
//! connections answer out of order).
use crate::i18n::{t, Lang, Msg};
use crate::model::Suggestion;
use crate::serverfns::search::suggest_search::suggest_search;
use leptos::html;
use leptos::prelude::*;
use std::time::Duration;

/// Wait after a keystroke before asking for suggestions.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Text shorter than this gets no suggestions (the server agrees).
const MIN_CHARS: usize = 2;

#[island]
pub fn SearchBox(
    lang: Lang,
    /// The input's id (`header-q`, `search-q`); the list box and options take ids after it.
    input_id: String,
    /// The form's class (`header-search`, `search-form`).
    class: String,
    /// The text already searched for (empty for none).
    value: String,
    placeholder: String,
    /// The name of the search landmark (a page with two search boxes tells them apart by it).
    label: String,
) -> impl IntoView {
    let list_id = format!("{input_id}-suggestions");
    let option_id = {
        let input_id = input_id.clone();
        move |i: usize| format!("{input_id}-option-{i}")
    };
    let form_ref = NodeRef::<html::Form>::new();
    // The combobox roles appear only once hydrated: without JavaScript it stays a search box.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let text = RwSignal::new(value.clone());
    let items = RwSignal::new(Vec::<Suggestion>::new());
    let open = RwSignal::new(false);
    // The chosen option: an index into `items`, or `items.len()` for "Search for …".
    let active = RwSignal::new(None::<usize>);
    // Each keystroke takes a ticket; a timer or an answer holding an older one is stale.
    let ticket = StoredValue::new(0u64);

    let close = move || {
        open.set(false);
        active.set(None);
    };
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        text.set(typed.clone());
        active.set(None);
        ticket.update_value(|t| *t += 1);
        let mine = ticket.get_value();
        if typed.trim().chars().count() < MIN_CHARS {
            items.set(Vec::new());
            open.set(false);
            return;
        }
        set_timeout(
            move || {
                if ticket.get_value() != mine {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let answer = suggest_search(typed, lang).await;
                    if ticket.get_value() != mine {
                        return;
                    }
                    items.set(answer.unwrap_or_default());
                    active.set(None);
                    open.set(true);
                });
            },
            DEBOUNCE,
        );
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let options = items.with_untracked(Vec::len) + 1;
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                if text.with_untracked(|t| t.trim().chars().count() < MIN_CHARS) {
                    return;
                }
                ev.prevent_default();
                if !open.get_untracked() {
                    open.set(true);
                }
                let down = ev.key() == "ArrowDown";
                active.set(Some(match (active.get_untracked(), down) {
                    (None, true) => 0,
                    (None, false) => options - 1,
                    (Some(i), true) => (i + 1) % options,
                    (Some(i), false) => (i + options - 1) % options,
                }));
            }
            "Enter" => {
                // With no option chosen, or "Search for …" chosen, the form submits as usual.
                if let (true, Some(i)) = (open.get_untracked(), active.get_untracked()) {
                    if let Some(url) = items.with_untracked(|items| items.get(i).map(|s| s.url.clone())) {
                        ev.prevent_default();
                        close();
                        go_to(&url);
                    }
                }
            }
            // Also keeps the browser from clearing a search input on Escape.
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                close();
            }
            "Tab" => close(),
            _ => {}
        }
    };
    let activedescendant = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| open.get() && hydrated.get()).map(&option_id)
    };
    let option_view = {
        let option_id = option_id.clone();
        move |(i, item): (usize, Suggestion)| {
            let url = item.url.clone();
            view! {
                <li
                    id=option_id(i)
                    role="option"
                    aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| {
                        close();
                        go_to(&url);
                    }
                >
                    <span class="title">{item.title}</span>
                    <span class="kind">{item.kind}</span>
                </li>
            }
        }
    };
    let search_all = {
        let option_id = option_id.clone();
        move || {
            let i = items.with(Vec::len);
            let label = t(lang, Msg::SearchFor).replace("{q}", text.get().trim());
            view! {
                <li
                    id=option_id(i)
                    role="option"
                    class="search-all"
                    aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                    on:mousedown=|ev| ev.prevent_default()
                    on:click=move |_| {
                        close();
                        submit(form_ref);
                    }
                >
                    {label}
                </li>
            }
        }
    };
    let list_id_attr = list_id.clone();
    view! {
        <form method="get" action="/search" role="search" class=class aria-label=label node_ref=form_ref>
            <label for=input_id.clone() class="visually-hidden">{t(lang, Msg::SearchTitle)}</label>
            <div class="search-box">
                <input
                    id=input_id
                    type="search"
                    name="q"
                    value=value
                    maxlength="500"
                    placeholder=placeholder
                    role=move || hydrated.get().then_some("combobox")
                    autocomplete=move || hydrated.get().then_some("off")
                    aria-autocomplete=move || hydrated.get().then_some("list")
                    aria-controls=move || hydrated.get().then(|| list_id_attr.clone())
                    aria-expanded=move || hydrated.get().then(|| open.get().to_string())
                    aria-activedescendant=activedescendant
                    on:input=on_input
                    on:keydown=on_keydown
                    on:blur=move |_| close()
                />
                <ul
                    id=list_id
                    role="listbox"
                    class="suggestions"
                    aria-label=t(lang, Msg::SearchSuggestions)
                    hidden=move || !(open.get() && hydrated.get())
                >
                    {move || {
                        open.get()
                            .then(|| {
                                view! {
                                    {items.get().into_iter().enumerate().map(option_view.clone()).collect_view()}
                                    {search_all.clone()}
                                }
                            })
                    }}
                </ul>
            </div>
            <button type="submit">{t(lang, Msg::SearchButton)}</button>
        </form>
    }
}

/// Opens a suggestion's page.
fn go_to(url: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_href(url);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = url;
}

/// Submits the search form as if its button had been pressed.
fn submit(form: NodeRef<html::Form>) {
    #[cfg(feature = "hydrate")]
    if let Some(form) = form.get_untracked() {
        let _ = form.request_submit();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = form;
}
