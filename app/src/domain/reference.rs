//! Reference data read by nearly every page: provinces, border gates, economic zones, HS chapters,
//! HS codes and the cited sources. It is written only by `corridor seed`, from data files compiled into the binary,
//! so it cannot change while a server of that binary runs: a [`ReferenceCache`] reads it once and
//! pages look names up in memory instead of re-reading them per request (issue #11).
//!
//! The same [`Reference`] type also holds a *subset* read for a few rows ([`Reference::subset`]),
//! for callers without a cache (API handlers, the search indexer): one lookup code either way.
use super::entities::{border_gate, economic_zone, hs_chapter, hs_code, province, source};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

/// Reference rows, in the orders the pages list them, with lookups by id.
#[derive(Debug, Default)]
pub struct Reference {
    /// Every province (current and pre-2025), by English name.
    provinces: Vec<province::Model>,
    province_at: HashMap<String, usize>,
    /// Every border gate, by ASCII Vietnamese name.
    gates: Vec<border_gate::Model>,
    gate_at: HashMap<String, usize>,
    /// Every economic zone, by English name.
    zones: Vec<economic_zone::Model>,
    zone_at: HashMap<String, usize>,
    /// Indexes into `zones`, by zone id (the order of a gate's zones).
    zones_by_id: Vec<usize>,
    /// Every HS chapter, by chapter number.
    chapters: Vec<hs_chapter::Model>,
    chapter_at: HashMap<String, usize>,
    hs_codes: HashMap<String, hs_code::Model>,
    /// Every cited source, by id (empty in a subset).
    sources: Vec<source::Model>,
}

fn index<T>(rows: &[T], key: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    rows.iter().enumerate().map(|(i, r)| (key(r).to_owned(), i)).collect()
}

/// Which rows [`Reference::subset`] reads.
#[derive(Debug, Default)]
pub struct Wanted {
    pub provinces: HashSet<String>,
    pub gates: HashSet<String>,
    pub zones: HashSet<String>,
    pub chapters: HashSet<String>,
    pub hs_codes: HashSet<String>,
}

impl Reference {
    /// All of it (seven queries; ~7,000 HS codes).
    pub async fn load(db: &impl ConnectionTrait) -> Result<Reference, DbErr> {
        let provinces = province::Entity::find()
            .order_by_asc(province::Column::NameEn)
            .order_by_asc(province::Column::Id)
            .all(db)
            .await?;
        let gates = border_gate::Entity::find()
            .order_by_asc(border_gate::Column::VnNameAscii)
            .order_by_asc(border_gate::Column::Id)
            .all(db)
            .await?;
        let zones = economic_zone::Entity::find()
            .order_by_asc(economic_zone::Column::NameEn)
            .order_by_asc(economic_zone::Column::Id)
            .all(db)
            .await?;
        // The database's collation orders ids (PostgreSQL's may differ from a byte sort).
        let zone_ids: Vec<String> = economic_zone::Entity::find()
            .select_only()
            .column(economic_zone::Column::Id)
            .order_by_asc(economic_zone::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let chapters = hs_chapter::Entity::find()
            .order_by_asc(hs_chapter::Column::Chapter)
            .all(db)
            .await?;
        let hs_codes = hs_code::Entity::find().all(db).await?;
        let sources = source::Entity::find().order_by_asc(source::Column::Id).all(db).await?;
        let mut reference = Self::from_rows(provinces, gates, zones, Some(zone_ids), chapters, hs_codes);
        reference.sources = sources;
        Ok(reference)
    }

    /// Only the rows named in `wanted` (a query per kind that names any), for a few listings.
    pub async fn subset(db: &impl ConnectionTrait, wanted: Wanted) -> Result<Reference, DbErr> {
        let provinces = if wanted.provinces.is_empty() {
            Vec::new()
        } else {
            province::Entity::find()
                .filter(province::Column::Id.is_in(wanted.provinces))
                .all(db)
                .await?
        };
        let gates = if wanted.gates.is_empty() {
            Vec::new()
        } else {
            border_gate::Entity::find()
                .filter(border_gate::Column::Id.is_in(wanted.gates))
                .all(db)
                .await?
        };
        let zones = if wanted.zones.is_empty() {
            Vec::new()
        } else {
            economic_zone::Entity::find()
                .filter(economic_zone::Column::Id.is_in(wanted.zones))
                .all(db)
                .await?
        };
        let chapters = if wanted.chapters.is_empty() {
            Vec::new()
        } else {
            hs_chapter::Entity::find()
                .filter(hs_chapter::Column::Chapter.is_in(wanted.chapters))
                .all(db)
                .await?
        };
        let hs_codes = if wanted.hs_codes.is_empty() {
            Vec::new()
        } else {
            hs_code::Entity::find()
                .filter(hs_code::Column::Code.is_in(wanted.hs_codes))
                .all(db)
                .await?
        };
        Ok(Self::from_rows(provinces, gates, zones, None, chapters, hs_codes))
    }

    fn from_rows(
        provinces: Vec<province::Model>,
        gates: Vec<border_gate::Model>,
        zones: Vec<economic_zone::Model>,
        zone_ids: Option<Vec<String>>,
        chapters: Vec<hs_chapter::Model>,
        hs_codes: Vec<hs_code::Model>,
    ) -> Reference {
        let zone_at = index(&zones, |z| &z.id);
        let zones_by_id = match zone_ids {
            Some(ids) => ids.iter().filter_map(|id| zone_at.get(id).copied()).collect(),
            None => {
                let mut order: Vec<usize> = (0..zones.len()).collect();
                order.sort_by(|a, b| zones[*a].id.cmp(&zones[*b].id));
                order
            }
        };
        Reference {
            province_at: index(&provinces, |p| &p.id),
            provinces,
            gate_at: index(&gates, |g| &g.id),
            gates,
            zone_at,
            zones,
            zones_by_id,
            chapter_at: index(&chapters, |c| &c.chapter),
            chapters,
            hs_codes: hs_codes.into_iter().map(|h| (h.code.clone(), h)).collect(),
            sources: Vec::new(),
        }
    }

    pub fn province(&self, id: &str) -> Option<&province::Model> {
        self.province_at.get(id).map(|i| &self.provinces[*i])
    }

    /// Provinces by English name.
    pub fn provinces(&self) -> &[province::Model] {
        &self.provinces
    }

    pub fn gate(&self, id: &str) -> Option<&border_gate::Model> {
        self.gate_at.get(id).map(|i| &self.gates[*i])
    }

    /// Gates by ASCII Vietnamese name.
    pub fn gates(&self) -> &[border_gate::Model] {
        &self.gates
    }

    pub fn zone(&self, id: &str) -> Option<&economic_zone::Model> {
        self.zone_at.get(id).map(|i| &self.zones[*i])
    }

    /// Economic zones by English name.
    pub fn zones(&self) -> &[economic_zone::Model] {
        &self.zones
    }

    /// The economic zones at a gate, by id.
    pub fn zones_of_gate<'a>(&'a self, gate_id: &'a str) -> impl Iterator<Item = &'a economic_zone::Model> + 'a {
        self.zones_by_id
            .iter()
            .map(|i| &self.zones[*i])
            .filter(move |z| z.border_gate_id.as_deref() == Some(gate_id))
    }

    pub fn chapter(&self, chapter: &str) -> Option<&hs_chapter::Model> {
        self.chapter_at.get(chapter).map(|i| &self.chapters[*i])
    }

    /// HS chapters by number.
    pub fn chapters(&self) -> &[hs_chapter::Model] {
        &self.chapters
    }

    pub fn hs_code(&self, code: &str) -> Option<&hs_code::Model> {
        self.hs_codes.get(code)
    }

    /// Every HS heading and subheading (in no order).
    pub fn hs_codes(&self) -> impl Iterator<Item = &hs_code::Model> {
        self.hs_codes.values()
    }

    /// The cited sources, by id (the database's order; empty in a subset).
    pub fn sources(&self) -> &[source::Model] {
        &self.sources
    }
}

/// The reference data of one database, read on first use and kept for the life of the process
/// (see the module comment for why that is safe). Clones share the same copy.
#[derive(Clone, Default)]
pub struct ReferenceCache {
    loaded: Arc<RwLock<Option<Arc<Reference>>>>,
    // One load at a time: fifty first requests make one read, not fifty.
    loading: Arc<tokio::sync::Mutex<()>>,
}

impl std::fmt::Debug for ReferenceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReferenceCache")
            .field("loaded", &self.peek().is_some())
            .finish()
    }
}

impl ReferenceCache {
    fn peek(&self) -> Option<Arc<Reference>> {
        self.loaded.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The reference data, read from `db` the first time. A failed read is not kept: the next
    /// call tries again.
    pub async fn get(&self, db: &impl ConnectionTrait) -> Result<Arc<Reference>, DbErr> {
        if let Some(reference) = self.peek() {
            return Ok(reference);
        }
        let _guard = self.loading.lock().await;
        if let Some(reference) = self.peek() {
            return Ok(reference);
        }
        let reference = Arc::new(Reference::load(db).await?);
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) = Some(reference.clone());
        Ok(reference)
    }

    /// Forgets the copy, e.g. after seeding in the same process.
    pub fn invalidate(&self) {
        *self.loaded.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
