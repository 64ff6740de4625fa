//! Listing pages: browse with filters, detail, create / edit, "my listings", CSV import.
pub mod browse;
pub mod detail;
pub mod edit;
pub mod form;
pub mod import;
pub mod logistics;
pub mod matches;
pub mod mine;
pub mod new;

use crate::i18n::{t, Lang, Msg};
use crate::model::{ListingView, OrgRef};
use crate::statuses::ListingState;
use crate::vocab;
use leptos::prelude::*;

/// The kinds, in tab order.
pub const KINDS: [&str; 3] = ["commodity", "opportunity", "route"];

/// A number as people write it: 1 200 000, 12.5.
pub fn format_number(n: f64) -> String {
    let whole = n.trunc() as i64;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    if whole < 0 {
        grouped.insert(0, '-');
    }
    let fract = n.fract().abs();
    if fract > 0.0 {
        let decimals = format!("{fract:.2}");
        grouped.push_str(decimals.trim_start_matches('0').trim_end_matches('0'));
    }
    grouped
}

/// The quantity line: "500 tonnes · Monthly".
pub fn quantity_text(item: &ListingView, lang: Lang) -> Option<String> {
    let quantity = item.quantity.map(|q| {
        let unit = item
            .unit
            .as_deref()
            .map(|u| vocab::label("unit", u, lang))
            .unwrap_or_default();
        format!("{} {unit}", format_number(q))
    });
    let frequency = item.frequency.as_deref().map(|f| vocab::label("frequency", f, lang));
    match (quantity, frequency) {
        (Some(q), Some(f)) => Some(format!("{q} · {f}")),
        (q, f) => q.or(f),
    }
}

/// The price line: "610 USD / tonnes · DAP", or "Price on request".
pub fn price_text(item: &ListingView, lang: Lang) -> String {
    match item.price {
        Some(price) => {
            let unit = item
                .unit
                .as_deref()
                .map(|u| format!(" / {}", vocab::label("unit", u, lang)))
                .unwrap_or_default();
            let incoterm = item.incoterm.as_deref().map(|i| format!(" · {i}")).unwrap_or_default();
            format!(
                "{} {}{unit}{incoterm}",
                format_number(price),
                item.currency.clone().unwrap_or_default()
            )
        }
        None => t(lang, Msg::PriceOnRequest).to_owned(),
    }
}

pub fn size_text(item: &ListingView) -> Option<String> {
    usd_range(item.size_min_usd, item.size_max_usd)
}

/// A range of US dollars ("$1,000,000 – $5,000,000", "≥ $500,000"); `None` when both ends are open.
pub fn usd_range(min: Option<i64>, max: Option<i64>) -> Option<String> {
    let usd = |n: i64| format!("${}", format_number(n as f64));
    match (min, max) {
        (Some(a), Some(b)) => Some(format!("{} – {}", usd(a), usd(b))),
        (Some(a), None) => Some(format!("≥ {}", usd(a))),
        (None, Some(b)) => Some(format!("≤ {}", usd(b))),
        (None, None) => None,
    }
}

/// An organisation's name, linked, with the verified badge and its date (or "not verified").
#[component]
pub fn OrgName(lang: Lang, org: OrgRef) -> impl IntoView {
    let href = format!("/orgs/{}", org.slug);
    view! {
        <a href=href>{org.name.clone()}</a>
        {match org.verified_on.clone() {
            Some(date) => {
                let title = format!("{} {date}", t(lang, Msg::VerifiedOn));
                view! { " " <span class="badge verified" title=title.clone()>"✓ " {t(lang, Msg::VerifiedBadge)} <span class="visually-hidden">{format!(" ({date})")}</span></span> }.into_any()
            }
            None => view! { " " <span class="badge unverified">{t(lang, Msg::NotVerifiedMark)}</span> }.into_any(),
        }}
    }
}

/// The title in the reader's language, or the original with a "written in" label.
pub fn title_of(item: &ListingView, lang: Lang) -> (String, Option<Lang>) {
    match item.title.text_in(lang) {
        Some(text) => (text.to_owned(), None),
        None => {
            let original = Lang::parse(&item.original_lang).unwrap_or(Lang::En);
            let l = if item.title.text_in(original).is_some() {
                original
            } else {
                item.title.original_lang()
            };
            (item.title.text_in(l).unwrap_or_default().to_owned(), Some(l))
        }
    }
}

/// One listing in a list.
#[component]
pub fn ListingCard(
    lang: Lang,
    item: ListingView,
    /// Where a search matched, the matched words marked.
    #[prop(optional)]
    snippet: Vec<crate::model::SnippetPart>,
) -> impl IntoView {
    let (title, written_in) = title_of(&item, lang);
    let href = format!("/listings/{}", item.id);
    let direction = item.direction.as_deref().map(|d| {
        let list = if item.kind == "route" {
            "route_direction"
        } else {
            "direction"
        };
        vocab::label(list, d, lang)
    });
    let hs = item.hs.clone().map(|h| {
        format!(
            "HS {} {}",
            h.display,
            h.description.map(|d| format!("— {d}")).unwrap_or_default()
        )
    });
    let place = match (&item.province, &item.destination_province) {
        (Some(a), Some(b)) => Some(format!("{} → {}", a.name.get(lang), b.name.get(lang))),
        (Some(a), None) => Some(a.name.get(lang).to_owned()),
        (None, Some(b)) => Some(format!("→ {}", b.name.get(lang))),
        (None, None) => match (&item.origin_place, &item.destination_place) {
            (Some(a), Some(b)) => Some(format!("{a} → {b}")),
            _ => None,
        },
    };
    let gates = (!item.gates.is_empty()).then(|| {
        item.gates
            .iter()
            .map(|g| g.name.get(lang).to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    });
    let detail = match item.kind.as_str() {
        "commodity" => Some(
            [quantity_text(&item, lang), Some(price_text(&item, lang))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · "),
        ),
        "opportunity" => {
            let sector = item.sector.as_deref().map(|s| vocab::label("sector", s, lang));
            let stage = item.stage.as_deref().map(|s| vocab::label("stage", s, lang));
            Some(
                [sector, stage, size_text(&item)]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · "),
            )
        }
        _ => {
            let capacity = item.capacity.map(|c| {
                format!(
                    "{} {}",
                    format_number(c),
                    item.capacity_unit
                        .as_deref()
                        .map(|u| vocab::label("capacity_unit", u, lang))
                        .unwrap_or_default()
                )
            });
            let window = match (&item.window_start, &item.window_end) {
                (Some(a), Some(b)) => Some(format!("{a} – {b}")),
                (Some(a), None) => Some(format!("{a} –")),
                _ => None,
            };
            Some([capacity, window].into_iter().flatten().collect::<Vec<_>>().join(" · "))
        }
    };
    let status = (item.status != ListingState::Published).then(|| vocab::label("status", item.status.code(), lang));
    view! {
        <li class="listing-card" class:with-photo=item.cover.is_some()>
            {item.cover.clone().map(|src| view! { <img class="card-photo" src=src alt="" loading="lazy" decoding="async"/> })}
            <p class="card-kicker">
                {direction.map(|d| view! { <span class=format!("tag {}", item.direction.clone().unwrap_or_default())>{d}</span> " " })}
                {item.priority_infra.then(|| view! { <span class="tag priority">{t(lang, Msg::FilterPriority)}</span> " " })}
                {status.map(|s| view! { <span class="tag status">{s}</span> })}
            </p>
            <h3>
                <a href=href>{title}</a>
                {written_in.map(|l| view! { " " <span class="lang-label">{format!("({})", crate::i18n::language_name(lang, l))}</span> })}
            </h3>
            {hs.map(|h| view! { <p class="hs">{h}</p> })}
            {detail.filter(|d| !d.is_empty()).map(|d| view! { <p>{d}</p> })}
            {(!snippet.is_empty()).then(|| view! {
                <p class="snippet">
                    {snippet
                        .into_iter()
                        .map(|part| if part.hit {
                            view! { <mark>{part.text}</mark> }.into_any()
                        } else {
                            view! { {part.text} }.into_any()
                        })
                        .collect_view()}
                </p>
            })}
            {place.map(|p| view! { <p class="muted">{p}</p> })}
            {gates.map(|g| view! { <p class="muted">{t(lang, Msg::GatesLabel)} ": " {g}</p> })}
            <p class="muted small">
                {t(lang, Msg::PostedBy)} " " <OrgName lang org=item.organisation.clone()/>
                " · " {t(lang, Msg::ExpiresOn)} " " {item.expires_on.clone()}
            </p>
        </li>
    }
}

/// Plain text as paragraphs (blank lines) and line breaks; never HTML.
#[component]
pub fn Paragraphs(text: String) -> impl IntoView {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(str::to_owned).collect();
            let count = lines.len();
            view! {
                <p>
                    {lines
                        .into_iter()
                        .enumerate()
                        .map(|(i, line)| view! { {line} {(i + 1 < count).then(|| view! { <br/> })} })
                        .collect_view()}
                </p>
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(format_number(1_200_000.0), "1\u{202f}200\u{202f}000");
        assert_eq!(format_number(12.5), "12.5");
        assert_eq!(format_number(610.0), "610");
        assert_eq!(format_number(999.0), "999");
    }
}
