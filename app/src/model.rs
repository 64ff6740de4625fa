//! Data shapes shared by the server and the islands (serialisable, free of database types).
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

/// A name in the three UI languages; any of them may be empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Names {
    pub vi: String,
    pub lo: String,
    pub en: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.lo, &self.en)
    }

    /// The text in exactly this language, if there is one.
    pub fn text_in(&self, lang: Lang) -> Option<&str> {
        let text = match lang {
            Lang::Vi => &self.vi,
            Lang::Lo => &self.lo,
            Lang::En => &self.en,
        };
        (!text.trim().is_empty()).then_some(text.as_str())
    }

    /// The language `get` falls back to when the reader's is missing.
    pub fn original_lang(&self) -> Lang {
        [Lang::En, Lang::Vi, Lang::Lo]
            .into_iter()
            .find(|l| self.text_in(*l).is_some())
            .unwrap_or(Lang::En)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GateLevel {
    International,
    Main,
    Secondary,
}

impl GateLevel {
    pub const ALL: [GateLevel; 3] = [GateLevel::International, GateLevel::Main, GateLevel::Secondary];

    pub fn code(self) -> &'static str {
        match self {
            GateLevel::International => "international",
            GateLevel::Main => "main",
            GateLevel::Secondary => "secondary",
        }
    }

    pub fn parse(code: &str) -> Option<GateLevel> {
        GateLevel::ALL.into_iter().find(|level| level.code() == code.trim())
    }

    pub fn label(self) -> Msg {
        match self {
            GateLevel::International => Msg::LevelInternational,
            GateLevel::Main => Msg::LevelMain,
            GateLevel::Secondary => Msg::LevelSecondary,
        }
    }
}

/// The gate list's filters, as they appear in the URL query (`?level=main&vn=vn-nghe-an`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GateFilter {
    pub level: Option<GateLevel>,
    pub vn_province: Option<String>,
    pub la_province: Option<String>,
}

impl GateFilter {
    /// Builds a filter from query values; unknown or empty values mean "any".
    pub fn from_query(level: Option<&str>, vn: Option<&str>, la: Option<&str>) -> Self {
        let clean = |v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty() && v.len() <= 64)
                .map(str::to_owned)
        };
        GateFilter {
            level: level.and_then(GateLevel::parse),
            vn_province: clean(vn),
            la_province: clean(la),
        }
    }

    /// The query string for this filter (without `?`), for links and `history.replaceState`.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(level) = self.level {
            parts.push(format!("level={}", level.code()));
        }
        if let Some(vn) = &self.vn_province {
            parts.push(format!("vn={vn}"));
        }
        if let Some(la) = &self.la_province {
            parts.push(format!("la={la}"));
        }
        parts.join("&")
    }
}

/// What the gate filters offer, and how many gates there are in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GateFilterOptions {
    pub vn_provinces: Vec<ProvinceOption>,
    pub la_provinces: Vec<ProvinceOption>,
    pub total_gates: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProvinceOption {
    pub id: String,
    pub name: Names,
}

/// One row of the gate list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GateRow {
    pub id: String,
    pub level: GateLevel,
    pub vn_name: String,
    pub la_name: Names,
    pub vn_province: Names,
    pub la_province: Names,
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EconomicZoneSummary {
    pub id: String,
    pub name: Names,
    pub zone_type: String,
    pub status: String,
    pub area: Option<String>,
    pub key_facts: Option<String>,
    pub sources: Vec<String>,
    pub confidence: String,
}

/// Everything the gate detail page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GateDetail {
    pub row: GateRow,
    pub level_history: String,
    pub vn_location: Option<String>,
    pub vn_province_former: Option<Names>,
    pub la_district: Option<String>,
    pub corridor_notes: Option<String>,
    pub key_dates: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub coord_note: Option<String>,
    pub notes: Option<String>,
    pub sources: Vec<SourceRef>,
    pub economic_zones: Vec<EconomicZoneSummary>,
}

/// A cited source: its id (B04, T28…) and the citation text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub id: String,
    pub citation: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TradeFigure {
    pub id: String,
    pub year: i32,
    pub period: String,
    pub months: i32,
    pub reporter_basis: String,
    pub total_usd: Option<i64>,
    pub vn_exports_usd: Option<i64>,
    pub vn_imports_usd: Option<i64>,
    pub total_yoy_pct: Option<f64>,
    pub sources: Vec<String>,
    pub confidence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: String,
    pub happened_on: String,
    pub kind: String,
    pub title: Names,
    pub summary: Names,
    pub place: Option<String>,
    pub parties: Vec<OrgName>,
    pub sources: Vec<String>,
}

/// An organisation's name where another page mentions it, with its verification date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgName {
    pub name: String,
    pub verified_at: Option<String>,
}

/// The home page's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeData {
    pub latest_full_year: Option<TradeFigure>,
    pub latest_period: Option<TradeFigure>,
    pub full_years: Vec<TradeFigure>,
    pub milestones: Vec<Milestone>,
    pub gate_count: u64,
    pub zone_count: u64,
}

/// The bilateral target both governments set (USD per year).
pub const TRADE_TARGET_USD: i64 = 5_000_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub id: String,
    pub dataset: String,
    pub citation: String,
    pub supports: String,
}

/// Splits a `B02;B28` source list.
pub fn split_sources(list: &str) -> Vec<String> {
    list.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gate_filter_round_trips_through_the_query() {
        let filter = GateFilter::from_query(Some("main"), Some("vn-nghe-an"), Some(""));
        assert_eq!(filter.level, Some(GateLevel::Main));
        assert_eq!(filter.la_province, None);
        assert_eq!(filter.to_query(), "level=main&vn=vn-nghe-an");
    }

    #[test]
    fn unknown_filter_values_mean_any() {
        let filter = GateFilter::from_query(Some("galactic"), None, Some(&"x".repeat(500)));
        assert_eq!(filter, GateFilter::default());
    }
}

/// Who is signed in, as pages show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: i32,
    pub display_name: String,
    pub email: String,
    pub email_confirmed: bool,
    pub is_admin: bool,
    pub is_moderator: bool,
    /// Introductions with something new for the viewer's organisations (the header's badge).
    pub unread: u64,
}

/// A submitted form that needs another look: what was typed (never passwords) and, per field,
/// the message code of what is wrong. The server renders the same page again with it, so
/// forms work without JavaScript and lose nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, Msg)>,
    /// A message for the whole form (e.g. rate limiting).
    pub form_error: Option<Msg>,
    /// Minutes to wait, for rate-limit messages.
    pub retry_after_minutes: Option<u64>,
    /// The HTTP status the page answers with.
    pub status: u16,
}

impl FormState {
    pub fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value submitted under `name` (checkbox groups).
    pub fn values_of(&self, name: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn error(&self, name: &str) -> Option<Msg> {
        self.errors.iter().find(|(k, _)| k == name).map(|(_, v)| *v)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.form_error.is_some()
    }
}

/// The account page's data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    /// Accounts made with a phone number (on a gate's market board) have no e-mail.
    pub phone: Option<String>,
    pub display_name: String,
    pub email_confirmed: bool,
    pub sessions: Vec<SessionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub created_at: String,
    pub last_seen_at: String,
    pub user_agent: Option<String>,
    pub client_addr: Option<String>,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MailView {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    /// Delivery attempts so far, and why the last one failed.
    pub attempts: i32,
    pub last_error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub at: String,
    pub actor: Option<String>,
    pub action: String,
    pub subject: String,
    pub client_addr: Option<String>,
}

/// An organisation as its profile page shows it, with what the viewer may do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgView {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub registration_number: Option<String>,
    pub website: Option<String>,
    pub description: Names,
    pub status: crate::statuses::OrgStatus,
    pub verified_at: Option<String>,
    pub created_at: String,
    pub viewer_role: Option<String>,
    pub can_edit: bool,
    pub can_manage_members: bool,
    pub logo: Option<String>,
    pub province_id: Option<String>,
    pub province: Option<Names>,
    pub sectors: Vec<String>,
    pub languages: Vec<String>,
    pub endorsements: Vec<EndorsementView>,
    pub can_submit_verification: bool,
    pub verification_pending: bool,
    pub can_report: bool,
    /// The viewer's active organisation is an embassy of the same country.
    pub can_endorse: bool,
    pub endorsed_by_viewer: bool,
    /// The organisation's contacts, only for its members and accepted counterparts
    /// (`domain::contacts`); `None` for everyone else.
    pub contact: Option<ContactCard>,
    /// What the organisation invests in (public), when it said.
    pub investment: Option<InvestmentView>,
}

/// An organisation's investment interests, as its profile shows them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvestmentView {
    /// Sector codes (`sector` vocabulary).
    pub sectors: Vec<String>,
    /// Provinces (ids) with their names.
    pub provinces: Vec<(String, Names)>,
    /// Instrument codes (`instrument` vocabulary).
    pub instruments: Vec<String>,
    pub ticket_min_usd: Option<i64>,
    pub ticket_max_usd: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemberView {
    pub user_id: i32,
    pub display_name: String,
    pub email: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MembersView {
    pub organisation: OrgView,
    pub members: Vec<MemberView>,
}

/// One of the signed-in user's organisations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyOrgView {
    pub verified_at: Option<String>,
    pub slug: String,
    pub name: String,
    pub role: String,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EndorsementView {
    pub endorser: String,
    pub endorser_slug: String,
    pub endorser_verified_at: Option<String>,
    pub since: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedVerification {
    pub document: Option<String>,
    pub id: i32,
    pub organisation: String,
    pub verified_at: Option<String>,
    pub slug: String,
    pub registration_number: String,
    pub evidence: String,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueuedReport {
    pub id: i32,
    pub organisation: String,
    pub verified_at: Option<String>,
    pub slug: String,
    pub reason: String,
    pub details: String,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModerationQueueView {
    pub verifications: Vec<QueuedVerification>,
    pub reports: Vec<QueuedReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenView {
    pub id: i32,
    pub name: String,
    pub prefix: String,
    pub scope: String,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    pub usable: bool,
    pub revoked: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokensView {
    pub organisation: String,
    pub verified_at: Option<String>,
    pub slug: String,
    pub tokens: Vec<TokenView>,
}

// ---------------------------------------------------------------------------------------------
// Listings

/// Browse filters, as they appear in the URL (`?country=LA&gate=cau-treo&verified=1`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListingFilters {
    /// commodity | opportunity | route | organisation | gate
    pub kind: String,
    pub country: String,
    pub province: String,
    pub gate: String,
    pub sector: String,
    pub hs_chapter: String,
    pub direction: String,
    pub verified: bool,
    pub priority: bool,
    /// An organisation's slug (its profile lists its listings).
    pub organisation: String,
    /// Opaque position from the previous page.
    pub cursor: String,
}

impl ListingFilters {
    /// The filters from query parameters, read through `get` (the page's URL, a form post's or
    /// the API's query): values trimmed, flags on for `1`, `on`, `true` or `yes`.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> ListingFilters {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
        let flag = |name: &str| matches!(text(name).as_str(), "1" | "on" | "true" | "yes");
        ListingFilters {
            kind: text("kind"),
            country: text("country"),
            province: text("province"),
            gate: text("gate"),
            sector: text("sector"),
            hs_chapter: text("hs_chapter"),
            direction: text("direction"),
            verified: flag("verified"),
            priority: flag("priority"),
            organisation: text("organisation"),
            cursor: text("cursor"),
        }
    }

    /// Whether the cursor has the shape the server writes (`<µs>.<id>`); an empty one is fine.
    pub fn cursor_is_valid(&self) -> bool {
        self.cursor.is_empty()
            || self
                .cursor
                .split_once('.')
                .is_some_and(|(a, b)| a.parse::<i64>().is_ok() && b.parse::<i32>().is_ok())
    }

    /// The filters as a query string (without the cursor), for links and "next page".
    pub fn query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        for (key, value) in [
            ("country", &self.country),
            ("province", &self.province),
            ("gate", &self.gate),
            ("sector", &self.sector),
            ("hs_chapter", &self.hs_chapter),
            ("direction", &self.direction),
            ("organisation", &self.organisation),
        ] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", urlencode(value)));
            }
        }
        if self.verified {
            parts.push("verified=1".into());
        }
        if self.priority {
            parts.push("priority=1".into());
        }
        parts.join("&")
    }
}

/// Percent-encodes a query value.
pub fn urlencode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// An organisation as listings show it: name, link and verified badge.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrgRef {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub country: String,
    /// Date of verification (YYYY-MM-DD), when verified.
    pub verified_on: Option<String>,
}

/// A place a listing points at, named in three languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlaceRef {
    pub id: String,
    pub name: Names,
}

/// An HS code with its description in the reader's language (or English, labelled).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HsRef {
    pub code: String,
    /// "72.08"
    pub display: String,
    pub description: Option<String>,
    pub description_lang: String,
    pub chapter_title: Option<String>,
}

/// One listing as browse pages, the API and detail pages show it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ListingView {
    pub id: i32,
    pub kind: String,
    pub status: crate::statuses::ListingState,
    pub title: Names,
    pub description: Names,
    /// vi | lo | en: the language it was written in first.
    pub original_lang: String,
    pub organisation: OrgRef,
    pub country: String,
    pub province: Option<PlaceRef>,
    pub destination_province: Option<PlaceRef>,
    pub gates: Vec<PlaceRef>,
    pub sector: Option<String>,
    pub direction: Option<String>,
    pub hs: Option<HsRef>,
    pub quantity: Option<f64>,
    pub unit: Option<String>,
    pub frequency: Option<String>,
    pub price: Option<f64>,
    pub currency: Option<String>,
    pub incoterm: Option<String>,
    pub certifications: Vec<String>,
    pub economic_zone: Option<PlaceRef>,
    pub size_min_usd: Option<i64>,
    pub size_max_usd: Option<i64>,
    pub stage: Option<String>,
    pub instruments: Vec<String>,
    pub incentives: Option<String>,
    pub land_status: Option<String>,
    pub contact: Option<String>,
    pub priority_infra: bool,
    pub infra_type: Option<String>,
    pub origin_place: Option<String>,
    pub destination_place: Option<String>,
    pub window_start: Option<String>,
    pub window_end: Option<String>,
    pub capacity: Option<f64>,
    pub capacity_unit: Option<String>,
    pub equipment: Vec<String>,
    /// YYYY-MM-DD
    pub expires_on: String,
    pub published_on: Option<String>,
    pub updated_at: String,
    /// The viewer may edit it (member editor or owner).
    pub can_edit: bool,
    /// The first photo's thumbnail (URL), for cards.
    #[serde(default)]
    pub cover: Option<String>,
    /// Every photo, in order (the detail page and the API; empty in lists).
    #[serde(default)]
    pub photos: Vec<PhotoView>,
}

/// A photo of a listing: the stored image (≤ 1600 px) and its thumbnail, both JPEG.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PhotoView {
    pub id: i32,
    pub url: String,
    pub thumb_url: String,
    pub width: i32,
    pub height: i32,
}

/// One page of a browse list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ListingPage {
    pub items: Vec<ListingView>,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
}

/// Choices for the browse filters and the listing forms.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListingChoices {
    pub provinces_vn: Vec<ProvinceOption>,
    pub provinces_la: Vec<ProvinceOption>,
    pub gates: Vec<PlaceRef>,
    pub zones: Vec<PlaceRef>,
    /// (chapter, title in the reader's language)
    pub chapters: Vec<(String, String)>,
    /// Organisations the viewer may post for: (slug, name).
    pub my_organisations: Vec<(String, String)>,
}

/// A listing waiting for moderators, with the open report about it (id, reason, details), if any.
pub type QueuedListing = (Option<(i32, String, String)>, ListingView);

/// A logistics provider's profile: services, gates and corridors covered, fleet and capacity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogisticsView {
    pub services: Vec<String>,
    pub gates: Vec<PlaceRef>,
    pub corridors: Option<String>,
    pub fleet: Option<String>,
    pub capacity: Option<String>,
    pub updated_on: String,
}

/// A row of the logistics partners page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogisticsPartner {
    pub organisation: OrgRef,
    pub profile: LogisticsView,
}

// ---------------------------------------------------------------------------------------------
// Search

/// A search as it appears in the URL (`/search?q=cao+su&country=LA&sort=newest`), shared by the
/// search page and `GET /api/v1/search`. Every facet takes one value; facets combine (and).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchParams {
    pub q: String,
    /// commodity | opportunity | route | organisation | gate
    pub kind: String,
    pub country: String,
    pub province: String,
    pub gate: String,
    pub sector: String,
    pub hs_chapter: String,
    /// `true`: only listings of verified organisations.
    pub verified: bool,
    /// vi | lo | en: listings with text in this language.
    pub language: String,
    /// relevance (default) | newest | expiring
    pub sort: String,
    /// `next_cursor` of the previous page.
    pub cursor: String,
    /// Hits per page, 1–100 (0: the default, 20).
    pub limit: u64,
}

impl SearchParams {
    /// The search of a query string, read through `get` (the page's URL, a feed's, a saved
    /// search's): values trimmed, `verified` on for `1`, `on`, `true` or `yes`.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> SearchParams {
        let text = |name: &str| get(name).map(|v| v.trim().to_owned()).unwrap_or_default();
        SearchParams {
            q: get("q").unwrap_or_default(),
            kind: text("kind"),
            country: text("country"),
            province: text("province"),
            gate: text("gate"),
            sector: text("sector"),
            hs_chapter: text("hs_chapter"),
            verified: matches!(text("verified").as_str(), "1" | "on" | "true" | "yes"),
            language: text("language"),
            sort: text("sort"),
            cursor: text("cursor"),
            limit: 0,
        }
    }

    /// The facet filters, `(facet name, value)`, of those that are set.
    pub fn facet_filters(&self) -> Vec<(&'static str, String)> {
        let mut filters: Vec<(&'static str, String)> = [
            ("kind", &self.kind),
            ("country", &self.country),
            ("province", &self.province),
            ("gate", &self.gate),
            ("sector", &self.sector),
            ("hs_chapter", &self.hs_chapter),
            ("language", &self.language),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.trim().to_owned()))
        .collect();
        if self.verified {
            filters.push(("verified", "true".to_owned()));
        }
        filters
    }

    /// The search as a query string (without the cursor), with one facet set to `value` (empty:
    /// removed) — for facet links and shareable URLs.
    pub fn query_with(&self, facet: &str, value: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", urlencode(&self.q)));
        }
        let mut filters = self.facet_filters();
        filters.retain(|(k, _)| *k != facet);
        if !value.is_empty() {
            let key = FACET_NAMES.iter().find(|f| **f == facet).copied().unwrap_or("kind");
            filters.push((key, value.to_owned()));
        }
        for (key, value) in filters {
            if key == "verified" {
                parts.push("verified=1".into());
            } else {
                parts.push(format!("{key}={}", urlencode(&value)));
            }
        }
        if !self.sort.is_empty() && self.sort != "relevance" {
            parts.push(format!("sort={}", urlencode(&self.sort)));
        }
        parts.join("&")
    }
}

/// The facets a search counts, in display order.
pub const FACET_NAMES: [&str; 8] = [
    "kind",
    "country",
    "province",
    "gate",
    "sector",
    "hs_chapter",
    "verified",
    "language",
];

/// A piece of a snippet: highlighted when it matched the query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One search result: what it is, its title and page, the listing or organisation as readers
/// see it, and where its text matched.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// listing | organisation | gate
    pub entity: String,
    /// The title in the response language (or the original, for listings written in another).
    pub title: String,
    /// The page of the result, e.g. `/listings/42`, `/orgs/viet-lao-az`, `/gates/cau-treo`.
    pub url: String,
    /// A line under the title: kind, country, province or level, in the response language.
    pub subtitle: String,
    /// The listing, when `entity` is `listing`.
    pub listing: Option<ListingView>,
    /// The organisation, when `entity` is `organisation`.
    pub organisation: Option<OrgRef>,
    /// Relevance (0 when sorted by date).
    pub score: f32,
    /// A fragment of the description, with the matched words marked.
    pub snippet: Vec<SnippetPart>,
}

/// How many results have one value of a facet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub value: String,
    /// The value's name in the response language (provinces, gates, HS chapters, …).
    pub label: String,
    pub count: u64,
    /// The search filters on this value.
    pub selected: bool,
}

/// The counts of one facet over the results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FacetGroup {
    /// kind | country | province | gate | sector | hs_chapter | verified | language
    pub name: String,
    pub values: Vec<FacetCount>,
}

/// A page of search results with facet counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub facets: Vec<FacetGroup>,
    /// Results in all pages.
    pub total: u64,
    /// The cursor of the next page, when there is one.
    pub next_cursor: Option<String>,
    /// relevance | newest | expiring
    pub sort: String,
    /// Set when the index is not ready (being built): the results may be incomplete.
    pub notice: Option<String>,
}

/// A title under the search box that completes what the reader is typing, to open directly.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Suggestion {
    /// listing | organisation | gate
    pub entity: String,
    /// The title in the reader's language (another language's title when it has none).
    pub title: String,
    /// The page to open, e.g. `/listings/42`, `/orgs/moic-laos`, `/gates/cau-treo`.
    pub url: String,
    /// What it is, in the reader's language: the search page's kind facet label (e.g.
    /// "Commodities", "Border gates").
    pub kind: String,
}

/// The answer of `GET /api/v1/search/suggest`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Suggestions {
    /// Best first; empty for text under 2 characters or while the index is being built.
    pub suggestions: Vec<Suggestion>,
}

/// A way to reach an organisation, shown only to its members and to organisations whose
/// introduction with it was accepted (`domain::introductions::contacts_visible`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactCard {
    pub organisation: OrgRef,
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub messaging: Option<String>,
}

/// A listing named in a list or a thread: its id and its titles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ListingLink {
    pub id: i32,
    pub title: Names,
}

/// One introduction in the inbox of an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IntroductionSummary {
    pub id: i32,
    /// Asked of this organisation (`true`) or by it.
    pub received: bool,
    pub counterpart: OrgRef,
    pub listing: Option<ListingLink>,
    pub status: crate::statuses::IntroductionStatus,
    /// YYYY-MM-DD
    pub created_on: String,
    /// The other side did something this side has not looked at yet.
    pub unread: bool,
    /// The beginning of the request's message.
    pub excerpt: String,
}

/// The inbox of the viewer's active organisation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InboxView {
    pub organisation: Option<OrgRef>,
    pub items: Vec<IntroductionSummary>,
}

/// A message of an accepted introduction's thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MessageView {
    pub id: i32,
    /// Sent by the viewer's side.
    pub mine: bool,
    pub organisation: String,
    pub sender: Option<String>,
    pub body: String,
    /// `YYYY-MM-DD HH:MM` UTC
    pub sent_at: String,
    /// Looks like bank or payment instructions: both sides are told to confirm by phone.
    pub payment_warning: bool,
}

/// One introduction as one of its two sides sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IntroductionView {
    pub id: i32,
    pub received: bool,
    pub requester: OrgRef,
    pub target: OrgRef,
    pub listing: Option<ListingLink>,
    pub related_listing: Option<ListingLink>,
    pub origin: crate::statuses::IntroductionOrigin,
    pub message: String,
    pub quantity: Option<String>,
    pub price: Option<String>,
    pub delivery_window: Option<String>,
    pub status: crate::statuses::IntroductionStatus,
    pub decline_reason: Option<crate::statuses::DeclineReason>,
    pub decline_note: Option<String>,
    /// YYYY-MM-DD
    pub created_on: String,
    /// YYYY-MM-DD: a pending request expires then.
    pub expires_on: String,
    /// The viewer may accept or decline it (the target side, while pending).
    pub can_decide: bool,
    /// The viewer's side has blocked the other side.
    pub blocked: bool,
    /// Both sides' contacts, once accepted; empty before.
    pub contacts: Vec<ContactCard>,
    pub messages: Vec<MessageView>,
    /// The request's own message looks like payment instructions.
    pub payment_warning: bool,
}

/// What the "request an introduction" form needs to know about the viewer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IntroductionContext {
    /// The viewer's active organisation, which would ask.
    pub organisation: Option<OrgRef>,
    /// The viewer may ask on its behalf (an editor or owner with a confirmed address, of
    /// another organisation than the target).
    pub can_request: bool,
    /// Why not, when signed in but not allowed.
    pub reason: Option<Msg>,
    /// An open request of the viewer's organisation about this listing or organisation.
    pub open_request: Option<i32>,
    /// The viewer organisation's published listings, to relate the request to.
    pub own_listings: Vec<ListingLink>,
}

/// Why two listings match: each reason is worth points (`domain::matching::points`), and the page
/// says it in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MatchReason {
    /// The same HS subheading, e.g. `4001.22`.
    SameSubheading { code: String },
    /// The same HS heading, e.g. `40.01`.
    SameHeading { code: String },
    /// The same HS chapter, e.g. `40` (for listings classified by chapter only).
    SameChapter { code: String },
    /// The goods cross the border, `from` → `to` (`VN`, `LA`).
    AcrossTheBorder { from: String, to: String },
    /// Both name this border gate (its id).
    SharedGate { gate: String },
    /// The offer covers this share of the wanted quantity.
    QuantityCover { percent: u32 },
    /// The counterpart's organisation is verified.
    Verified,
    /// Both organisations work in this language (`vi`, `lo`, `en`, `th`, `zh`).
    SharedLanguage { lang: String },
    /// The route runs the way the goods move (`la_to_vn`, `vn_to_la`).
    RouteDirection { direction: String },
    /// The route runs the other way: its trucks return empty the goods' way.
    Backhaul { direction: String },
    /// The route passes this gate, which the goods use.
    RouteGate { gate: String },
    /// The route's date window fits the listing's.
    WindowFits,
    /// Investor ↔ opportunity: the opportunity's sector is one the investor invests in.
    InvestSector { sector: String },
    /// The opportunity is in a province the investor invests in (its id and names).
    InvestProvince { province: String, name: Names },
    /// The opportunity's size range meets the investor's ticket range.
    TicketFits,
    /// The opportunity offers an instrument the investor uses.
    InvestInstrument { instrument: String },
    /// The opportunity is priority border-trade infrastructure (Decision 1247/QĐ-TTg).
    PriorityInfra,
}

/// A counterpart listing with its score (0–100) and reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MatchView {
    pub listing: ListingView,
    pub score: u32,
    pub reasons: Vec<MatchReason>,
}

/// The matches of one listing: goods (offers for a wanted listing and the reverse; goods for a
/// route) and transport (routes for goods), best first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MatchesView {
    pub listing_id: i32,
    pub goods: Vec<MatchView>,
    pub transport: Vec<MatchView>,
    /// For an investment opportunity: organisations whose investment interests it meets.
    #[serde(default)]
    pub investors: Vec<InvestorMatchView>,
}

/// `/my/matches` of an investor: the opportunities that meet its stated interests.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvestmentMatches {
    pub interests_stated: bool,
    /// Where the interests are edited (the organisation's profile form).
    pub edit_link: String,
    pub matches: Vec<MatchView>,
}

/// An organisation whose investment interests meet an opportunity, with its score and reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvestorMatchView {
    pub organisation: OrgRef,
    pub score: u32,
    pub reasons: Vec<MatchReason>,
}

/// An HS heading offered for a product word ("cao su", "ຢາງພາລາ", "rubber").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HsSuggestion {
    /// Digits, as stored ("4001").
    pub code: String,
    /// As customs write it ("40.01").
    pub display: String,
    pub description: String,
    /// The language of the description (`vi` or `en`).
    pub description_lang: String,
}

/// A saved search of the signed-in user, with how often it mails what is new.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedSearchView {
    pub id: i32,
    pub name: String,
    /// The search's query string (for `/search?…` and `/search.atom?…`).
    pub query: String,
    pub frequency: crate::statuses::AlertFrequency,
    /// YYYY-MM-DD
    pub created_on: String,
    /// YYYY-MM-DD of the last alert mail.
    pub last_sent_on: Option<String>,
}

/// One notice of a border market board, as the board, its poster and its moderators see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardNoticeView {
    pub id: i32,
    pub gate_id: String,
    pub gate_name: String,
    pub kind: crate::statuses::BoardKind,
    pub status: crate::statuses::NoticeStatus,
    /// Past its date (on the board, or waiting too long).
    pub expired: bool,
    pub body: String,
    pub quantity: Option<String>,
    pub price: Option<String>,
    pub phone: String,
    pub poster_name: String,
    /// The language the notice is written in (`vi`, `lo`, `en`).
    pub lang: String,
    pub reject_reason: Option<String>,
    pub posted_on: String,
    pub expires_on: String,
}

/// A gate's market board page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardView {
    pub gate_id: String,
    pub gate_name: String,
    /// The live notices of this page, newest first.
    pub notices: Vec<BoardNoticeView>,
    pub page: u64,
    pub has_more: bool,
    /// The viewer's own recent notices on this gate, whatever their state.
    pub mine: Vec<BoardNoticeView>,
    /// Notices waiting for a decision (only for those who may moderate this board).
    pub pending: Vec<BoardNoticeView>,
    pub may_moderate: bool,
    /// The phone number of an account made with one (the form's default).
    pub default_phone: Option<String>,
}
