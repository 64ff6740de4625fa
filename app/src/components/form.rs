//! Form pieces that work without JavaScript: labelled inputs with their error next to them,
//! and the summary at the top of a form that needs another look.
use crate::components::common::set_status;
use crate::i18n::{t, Lang, Msg};
use crate::model::FormState;
use leptos::prelude::*;

/// The form state the server provided when it rendered this page again after a POST.
pub fn use_form_state() -> FormState {
    use_context::<FormState>().unwrap_or_default()
}

/// The summary at the top of a form (and the page's status code when the form has errors).
#[component]
pub fn FormErrors(lang: Lang, form: FormState) -> impl IntoView {
    if form.status != 0 {
        set_status(http::StatusCode::from_u16(form.status).unwrap_or(http::StatusCode::UNPROCESSABLE_ENTITY));
    }
    let message = form.form_error.map(|msg| {
        msg.text(lang)
            .replace("{minutes}", &form.retry_after_minutes.unwrap_or(1).to_string())
    });
    let show = form.has_errors();
    show.then(|| {
        view! {
            <div class="form-errors" role="alert">
                <p>{message.unwrap_or_else(|| t(lang, Msg::FormHasErrors).to_owned())}</p>
            </div>
        }
    })
}

#[component]
pub fn Field(
    lang: Lang,
    form: FormState,
    name: &'static str,
    label: Msg,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] value: Option<String>,
    #[prop(default = true)] required: bool,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error = form.error(name).map(|msg| msg.text(lang));
    let has_error = error.is_some();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [hint.map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    // Passwords are never sent back to the browser.
    let value = if kind == "password" {
        String::new()
    } else {
        value.unwrap_or_else(|| form.value(name))
    };
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{t(lang, label)}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                required=required
                autocomplete=autocomplete
                aria-invalid=has_error.then_some("true")
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{t(lang, h)}</p> })}
            {error.map(|e| view! { <p class="error" id=error_id>{e}</p> })}
        </div>
    }
}

#[component]
pub fn SelectField(
    lang: Lang,
    form: FormState,
    name: &'static str,
    label: Msg,
    options: Vec<(String, String)>,
    #[prop(optional)] selected: String,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error = form.error(name).map(|msg| msg.text(lang));
    let has_error = error.is_some();
    let error_id = format!("{id}-error");
    let chosen = if form.values.is_empty() || form.value(name).is_empty() {
        selected
    } else {
        form.value(name)
    };
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{t(lang, label)}</label>
            <select
                id=id
                name=name
                aria-invalid=has_error.then_some("true")
                aria-describedby=has_error.then(|| error_id.clone())
            >
                <option value="" selected=chosen.is_empty()>"—"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == chosen;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            {error.map(|e| view! { <p class="error" id=error_id>{e}</p> })}
        </div>
    }
}

#[component]
pub fn TextAreaField(
    lang: Lang,
    form: FormState,
    name: &'static str,
    label: Msg,
    value: String,
    /// The language the text is written in, for spell-checkers and screen readers.
    input_lang: &'static str,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error = form.error(name).map(|msg| msg.text(lang));
    let has_error = error.is_some();
    let error_id = format!("{id}-error");
    // tachys writes a <textarea>'s children without escaping them (it treats the element like
    // <script>), so a value with `</textarea><script>` would end the element and run. On the
    // server the text is escaped here; in the browser the child is a text node and needs nothing.
    #[cfg(feature = "ssr")]
    let value = crate::components::common::escape_text(&value);
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{t(lang, label)}</label>
            <textarea
                id=id
                name=name
                rows="4"
                lang=input_lang
                aria-invalid=has_error.then_some("true")
                aria-describedby=has_error.then(|| error_id.clone())
            >
                {value}
            </textarea>
            {error.map(|e| view! { <p class="error" id=error_id>{e}</p> })}
        </div>
    }
}

#[component]
pub fn CheckboxGroup(
    lang: Lang,
    form: FormState,
    name: &'static str,
    label: Msg,
    options: Vec<(String, String)>,
    checked: Vec<String>,
) -> impl IntoView {
    let error = form.error(name).map(|msg| msg.text(lang));
    let chosen = if form.values.is_empty() {
        checked
    } else {
        form.values_of(name)
    };
    let has_error = error.is_some();
    view! {
        <fieldset class="checkboxes" class:has-error=has_error>
            <legend>{t(lang, label)}</legend>
            {options
                .into_iter()
                .map(|(value, text)| {
                    let id = format!("field-{name}-{value}");
                    let label_for = id.clone();
                    let is_checked = chosen.contains(&value);
                    view! {
                        <label for=label_for>
                            <input type="checkbox" id=id name=name value=value checked=is_checked/>
                            " " {text}
                        </label>
                    }
                })
                .collect_view()}
            {error.map(|e| view! { <p class="error">{e}</p> })}
        </fieldset>
    }
}
