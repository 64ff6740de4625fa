//! What the index holds of each kind of searchable thing: listings, organisations and border
//! gates now (events and public MoUs get a builder here when they exist; the schema in `index`
//! already has the fields they need: kind, titles, dates, facets). Each builder reads the rows
//! as they are now and answers `None` for a row that is gone or not public, so the indexer
//! deletes it.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::domain::entities::{border_gate, listing, logistics_profile, organisation, province};
use crate::domain::listings::browse::{self, gate_names, province_names};
use crate::errors::AppError;
use crate::i18n::{t, Lang, Msg};
use crate::model::{GateLevel, ListingView, Names};

/// Entities the index holds, as written in `search_outbox.entity` and document keys.
pub const LISTING: &str = "listing";
pub const ORGANISATION: &str = "organisation";
pub const GATE: &str = "gate";

/// A message in the three languages, for search text.
fn all_langs(msg: Msg) -> [String; 3] {
    Lang::ALL.map(|lang| t(lang, msg).to_owned())
}

fn country_names(code: &str) -> [String; 3] {
    all_langs(if code == "LA" { Msg::Laos } else { Msg::Vietnam })
}

/// The search document of a public listing.
pub fn listing_doc(row: &listing::Model, view: &ListingView) -> SearchDoc {
    let mut title = Vec::new();
    let mut body = Vec::new();
    let mut snippet = Vec::new();
    let mut languages = Vec::new();
    for (lang, t, d) in [
        ("vi", &view.title.vi, &view.description.vi),
        ("lo", &view.title.lo, &view.description.lo),
        ("en", &view.title.en, &view.description.en),
    ] {
        if !t.is_empty() {
            title.push(t.clone());
        }
        if !d.is_empty() {
            body.push(d.clone());
            snippet.push(d.clone());
        }
        if !t.is_empty() || !d.is_empty() {
            languages.push(lang.to_owned());
        }
    }
    let names = |n: &crate::model::Names| [n.vi.clone(), n.lo.clone(), n.en.clone()];
    body.push(view.organisation.name.clone());
    body.extend(country_names(&row.country));
    for place in [&view.province, &view.destination_province, &view.economic_zone]
        .into_iter()
        .flatten()
        .chain(view.gates.iter())
    {
        body.extend(names(&place.name));
    }
    if let Some(hs) = &view.hs {
        body.push(hs.code.clone());
        body.push(hs.display.clone());
        body.extend(hs.description.clone());
        body.extend(hs.chapter_title.clone());
    }
    body.extend(
        [
            &view.sector,
            &view.direction,
            &view.incoterm,
            &view.stage,
            &view.infra_type,
            &view.origin_place,
            &view.destination_place,
            &view.incentives,
        ]
        .into_iter()
        .flatten()
        .cloned(),
    );
    body.extend(view.certifications.iter().cloned());
    body.extend(view.equipment.iter().cloned());
    body.extend(view.instruments.iter().cloned());
    body.retain(|s| !s.trim().is_empty());
    let mut facets: Vec<(&'static str, String)> = vec![
        ("country", row.country.clone()),
        ("verified", row.org_verified.to_string()),
    ];
    for province in [&row.province_id, &row.destination_province_id].into_iter().flatten() {
        facets.push(("province", province.clone()));
    }
    facets.extend(view.gates.iter().map(|g| ("gate", g.id.clone())));
    facets.extend(row.sector.iter().map(|s| ("sector", s.clone())));
    facets.extend(row.hs_chapter.iter().map(|c| ("hs_chapter", c.clone())));
    facets.extend(languages.into_iter().map(|l| ("language", l)));
    SearchDoc {
        entity: "listing",
        id: i64::from(row.id),
        key_id: row.id.to_string(),
        kind: row.kind.clone(),
        titles: view.title.clone(),
        url: format!("/listings/{}", row.id),
        title: title.join("\n"),
        body: body.join("\n"),
        snippet: snippet.join("\n"),
        facets,
        status: row.status.clone(),
        published_at: row.published_at.map_or(0, |d| d.timestamp_micros()),
        expires_at: row.expires_at.timestamp_micros(),
    }
}

/// The documents of these listings: `None` for a listing that is gone or not public.
pub async fn listing_docs(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<(String, Option<SearchDoc>)>, AppError> {
    let rows = browse::public_by_ids(db, ids, Utc::now()).await?;
    let mut docs = listing_docs_of(db, rows).await?;
    Ok(ids
        .iter()
        .map(|id| (doc_key(LISTING, &id.to_string()), docs.remove(id)))
        .collect())
}

pub async fn listing_docs_of(
    db: &impl ConnectionTrait,
    rows: Vec<listing::Model>,
) -> Result<HashMap<i32, SearchDoc>, AppError> {
    let by_id: HashMap<i32, listing::Model> = rows.iter().map(|r| (r.id, r.clone())).collect();
    let views = browse::views(db, rows, Lang::En, &HashSet::new()).await?;
    Ok(views
        .iter()
        .filter_map(|view| by_id.get(&view.id).map(|row| (view.id, listing_doc(row, view))))
        .collect())
}

/// An organisation is public while it is active. A logistics provider is also found by the
/// services, gates and corridors of its logistics profile.
pub fn organisation_doc(
    org: &organisation::Model,
    province: Option<&province::Model>,
    logistics: Option<&(logistics_profile::Model, Vec<border_gate::Model>)>,
) -> SearchDoc {
    let mut body: Vec<String> = Vec::new();
    let mut languages = Vec::new();
    let mut snippet = Vec::new();
    for (lang, text) in [
        ("vi", &org.description_vi),
        ("lo", &org.description_lo),
        ("en", &org.description_en),
    ] {
        if let Some(text) = text.as_deref().filter(|t| !t.trim().is_empty()) {
            body.push(text.to_owned());
            snippet.push(text.to_owned());
            languages.push(lang.to_owned());
        }
    }
    body.extend(all_langs(crate::pages::orgs::kind_label(&org.kind)));
    body.extend(country_names(&org.country));
    if let Some(p) = province {
        let names = province_names(p);
        body.extend([names.vi, names.lo, names.en]);
    }
    let sectors: Vec<&str> = org
        .sectors
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for sector in &sectors {
        body.extend(Lang::ALL.map(|lang| crate::vocab::label("sector", sector, lang)));
    }
    if let Some(website) = &org.website {
        body.push(website.clone());
    }
    let mut gate_facets = Vec::new();
    if let Some((profile, gates)) = logistics {
        for service in profile.services.split(',').filter(|s| !s.is_empty()) {
            body.extend(Lang::ALL.map(|lang| crate::vocab::label("service", service, lang)));
        }
        for gate in gates {
            let names = gate_names(gate);
            body.extend([names.vi, names.lo, names.en, gate.vn_name_ascii.clone()]);
            gate_facets.push(("gate", gate.id.clone()));
        }
        body.extend(
            [&profile.corridors, &profile.fleet, &profile.capacity]
                .into_iter()
                .flatten()
                .cloned(),
        );
    }
    let mut facets: Vec<(&'static str, String)> = vec![
        ("country", org.country.clone()),
        ("verified", org.verified_at.is_some().to_string()),
    ];
    facets.extend(org.province_id.iter().map(|p| ("province", p.clone())));
    facets.extend(sectors.iter().map(|s| ("sector", (*s).to_owned())));
    facets.extend(languages.into_iter().map(|l| ("language", l)));
    facets.extend(gate_facets);
    SearchDoc {
        entity: ORGANISATION,
        id: i64::from(org.id),
        key_id: org.id.to_string(),
        kind: ORGANISATION.to_owned(),
        titles: Names {
            vi: org.name.clone(),
            lo: org.name.clone(),
            en: org.name.clone(),
        },
        url: format!("/orgs/{}", org.slug),
        title: org.name.clone(),
        body: body.join("\n"),
        snippet: snippet.join("\n"),
        facets,
        status: org.status.clone(),
        published_at: org.created_at.timestamp_micros(),
        expires_at: i64::MAX,
    }
}

/// The documents of these organisations: `None` for one that is gone or not active.
pub async fn organisation_docs(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<Vec<(String, Option<SearchDoc>)>, AppError> {
    let rows = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids.iter().copied()))
        .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
        .all(db)
        .await?;
    let mut docs = organisation_docs_of(db, &rows).await?;
    Ok(ids
        .iter()
        .map(|id| (doc_key(ORGANISATION, &id.to_string()), docs.remove(id)))
        .collect())
}

pub async fn organisation_docs_of(
    db: &impl ConnectionTrait,
    rows: &[organisation::Model],
) -> Result<HashMap<i32, SearchDoc>, AppError> {
    let provinces = provinces_by_id(db, rows.iter().filter_map(|o| o.province_id.clone()).collect()).await?;
    let profiles: Vec<logistics_profile::Model> = logistics_profile::Entity::find()
        .filter(logistics_profile::Column::OrganisationId.is_in(rows.iter().map(|o| o.id)))
        .all(db)
        .await?;
    let gate_ids: HashSet<String> = profiles
        .iter()
        .flat_map(|p| p.gate_ids.split(',').filter(|g| !g.is_empty()).map(str::to_owned))
        .collect();
    let gates = gates_by_id(db, gate_ids).await?;
    let logistics: HashMap<i32, (logistics_profile::Model, Vec<border_gate::Model>)> = profiles
        .into_iter()
        .map(|p| {
            let covered = p.gate_ids.split(',').filter_map(|g| gates.get(g).cloned()).collect();
            (p.organisation_id, (p, covered))
        })
        .collect();
    Ok(rows
        .iter()
        .map(|o| {
            let province = o.province_id.as_ref().and_then(|p| provinces.get(p));
            (o.id, organisation_doc(o, province, logistics.get(&o.id)))
        })
        .collect())
}

/// A border gate pair: always public. Found by either side's name (with and without
/// diacritics), level, provinces, and the words for "border gate".
pub fn gate_doc(gate: &border_gate::Model, vn: Option<&province::Model>, la: Option<&province::Model>) -> SearchDoc {
    let names = gate_names(gate);
    let mut body: Vec<String> = vec![gate.vn_name_ascii.clone(), gate.la_name_vi.clone()];
    body.extend(gate.la_name_en.clone());
    body.extend(gate.la_name_lo.clone());
    if let Some(level) = GateLevel::parse(&gate.level) {
        body.extend(all_langs(level.label()));
    }
    body.extend(all_langs(Msg::GatesLabel));
    for p in [vn, la].into_iter().flatten() {
        let names = province_names(p);
        body.extend([names.vi, names.lo, names.en]);
    }
    body.push(gate.vn_province_label.clone());
    body.extend(gate.vn_location.clone());
    body.extend(gate.la_district.clone());
    let snippet = [gate.corridor_notes.clone(), gate.vn_location.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
    body.extend(gate.corridor_notes.clone());
    body.retain(|s| !s.trim().is_empty());
    let facets = vec![
        ("country", "VN".to_owned()),
        ("country", "LA".to_owned()),
        ("province", gate.vn_province_id.clone()),
        ("province", gate.la_province_id.clone()),
        ("gate", gate.id.clone()),
    ];
    SearchDoc {
        entity: GATE,
        id: 0,
        key_id: gate.id.clone(),
        kind: GATE.to_owned(),
        title: [names.vi.clone(), names.lo.clone(), names.en.clone()].join("\n"),
        titles: names,
        url: format!("/gates/{}", gate.id),
        body: body.join("\n"),
        snippet,
        facets,
        status: "published".to_owned(),
        published_at: 0,
        expires_at: i64::MAX,
    }
}

/// The documents of these gates (`None` for an id not in the table).
pub async fn gate_docs(
    db: &impl ConnectionTrait,
    ids: &[String],
) -> Result<Vec<(String, Option<SearchDoc>)>, AppError> {
    let rows = border_gate::Entity::find()
        .filter(border_gate::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?;
    let mut docs = gate_docs_of(db, &rows).await?;
    Ok(ids.iter().map(|id| (doc_key(GATE, id), docs.remove(id))).collect())
}

pub async fn gate_docs_of(
    db: &impl ConnectionTrait,
    rows: &[border_gate::Model],
) -> Result<HashMap<String, SearchDoc>, AppError> {
    let province_ids = rows
        .iter()
        .flat_map(|g| [g.vn_province_id.clone(), g.la_province_id.clone()])
        .collect();
    let provinces = provinces_by_id(db, province_ids).await?;
    Ok(rows
        .iter()
        .map(|g| {
            let doc = gate_doc(g, provinces.get(&g.vn_province_id), provinces.get(&g.la_province_id));
            (g.id.clone(), doc)
        })
        .collect())
}

/// Gate pairs by id (none asked, no query).
pub async fn gates_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = String>,
) -> Result<HashMap<String, border_gate::Model>, AppError> {
    let ids: Vec<String> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(border_gate::Entity::find()
        .filter(border_gate::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id.clone(), g))
        .collect())
}

async fn provinces_by_id(
    db: &impl ConnectionTrait,
    ids: HashSet<String>,
) -> Result<HashMap<String, province::Model>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(province::Entity::find()
        .filter(province::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect())
}

/// What the index holds of one searchable thing.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchDoc {
    /// `listing`, `organisation`, `gate` (later `event`, `mou`).
    pub entity: &'static str,
    /// The numeric id (0 for things keyed by text).
    pub id: i64,
    /// The id in the document key: the numeric id, or the text key (gates).
    pub key_id: String,
    /// The title in each language, as shown.
    pub titles: Names,
    /// The thing's page.
    pub url: String,
    /// The kind facet: `commodity`, `opportunity`, `route`, `organisation`, `gate`, …
    pub kind: String,
    pub title: String,
    /// Everything else that should be found: descriptions, places, organisation, HS code.
    pub body: String,
    pub snippet: String,
    /// `(facet name, value)`; a facet may have several values (gates, languages).
    pub facets: Vec<(&'static str, String)>,
    pub status: String,
    pub published_at: i64,
    /// `i64::MAX` for things that do not expire.
    pub expires_at: i64,
}

impl SearchDoc {
    pub fn key(&self) -> String {
        doc_key(self.entity, &self.key_id)
    }
}

pub fn doc_key(entity: &str, id: &str) -> String {
    format!("{entity}:{id}")
}
