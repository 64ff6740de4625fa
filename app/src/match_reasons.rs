//! The reasons of a match, said in the reader's language: on pages (`pages::listings::matches`)
//! and in the weekly digest mail (`domain::matching`). Shared by the server and the islands.
use crate::i18n::{t, Lang, Msg};
use crate::model::{ListingView, MatchReason};
use crate::vocab;

fn country(lang: Lang, code: &str) -> &'static str {
    t(lang, if code == "LA" { Msg::Laos } else { Msg::Vietnam })
}

fn gate_name(lang: Lang, listing: Option<&ListingView>, gate: &str) -> String {
    listing
        .and_then(|l| l.gates.iter().find(|g| g.id == gate))
        .map(|g| g.name.get(lang).to_owned())
        .unwrap_or_else(|| gate.to_owned())
}

/// One reason, said in the reader's language.
/// `counterpart` is the matched listing, when it is one (its gates are named from it).
pub fn reason_text(lang: Lang, reason: &MatchReason, counterpart: Option<&ListingView>) -> String {
    let fill = |msg: Msg, key: &str, value: &str| t(lang, msg).replace(key, value);
    match reason {
        MatchReason::SameSubheading { code } => fill(Msg::MatchSameSubheading, "{code}", code),
        MatchReason::SameHeading { code } => fill(Msg::MatchSameHeading, "{code}", code),
        MatchReason::SameChapter { code } => fill(Msg::MatchSameChapter, "{code}", code),
        MatchReason::AcrossTheBorder { from, to } => t(lang, Msg::MatchAcross)
            .replace("{from}", country(lang, from))
            .replace("{to}", country(lang, to)),
        MatchReason::SharedGate { gate } => fill(Msg::MatchSharedGate, "{gate}", &gate_name(lang, counterpart, gate)),
        MatchReason::QuantityCover { percent } => fill(Msg::MatchQuantity, "{percent}", &percent.to_string()),
        MatchReason::Verified => t(lang, Msg::MatchVerified).to_owned(),
        MatchReason::SharedLanguage { lang: code } => {
            let name = crate::pages::orgs::LANGUAGES
                .iter()
                .find(|(c, _)| c == code)
                .map_or(code.as_str(), |(_, n)| n);
            fill(Msg::MatchLanguage, "{lang}", name)
        }
        MatchReason::RouteDirection { direction } => fill(
            Msg::MatchRouteDirection,
            "{direction}",
            &vocab::label("route_direction", direction, lang),
        ),
        MatchReason::Backhaul { direction } => fill(
            Msg::MatchBackhaul,
            "{direction}",
            &vocab::label("route_direction", direction, lang),
        ),
        MatchReason::RouteGate { gate } => fill(Msg::MatchRouteGate, "{gate}", &gate_name(lang, counterpart, gate)),
        MatchReason::WindowFits => t(lang, Msg::MatchWindow).to_owned(),
        MatchReason::InvestSector { sector } => {
            let name = crate::pages::orgs::sector_label(sector).map_or(sector.clone(), |m| t(lang, m).to_owned());
            fill(Msg::MatchInvestSector, "{sector}", &name)
        }
        MatchReason::InvestProvince { province, name } => {
            let shown = name.get(lang);
            fill(
                Msg::MatchInvestProvince,
                "{province}",
                if shown.is_empty() { province } else { shown },
            )
        }
        MatchReason::TicketFits => t(lang, Msg::MatchTicketFits).to_owned(),
        MatchReason::InvestInstrument { instrument } => fill(
            Msg::MatchInstrument,
            "{instrument}",
            &vocab::label("instrument", instrument, lang),
        ),
        MatchReason::PriorityInfra => t(lang, Msg::MatchPriorityInfra).to_owned(),
    }
}
