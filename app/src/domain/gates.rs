//! Border gates: the filtered list and the detail page.
use super::entities::{border_gate, province};
use super::reference::Reference;
use crate::model::{EconomicZoneSummary, GateDetail, GateFilter, GateLevel, GateRow, Names, ProvinceOption};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

fn province_names(p: &province::Model) -> Names {
    Names {
        vi: p.name_vi.clone(),
        lo: p.name_lo.clone().unwrap_or_default(),
        en: p.name_en.clone(),
    }
}

fn to_row(g: &border_gate::Model, reference: &Reference) -> GateRow {
    let names = |id: &str| reference.province(id).map(province_names).unwrap_or_default();
    GateRow {
        id: g.id.clone(),
        level: GateLevel::parse(&g.level).unwrap_or(GateLevel::Secondary),
        vn_name: g.vn_name.clone(),
        la_name: Names {
            vi: g.la_name_vi.clone(),
            lo: g.la_name_lo.clone().unwrap_or_default(),
            en: g.la_name_en.clone().unwrap_or_default(),
        },
        vn_province: names(&g.vn_province_id),
        la_province: names(&g.la_province_id),
        confidence: g.confidence.clone(),
    }
}

fn level_rank(level: GateLevel) -> u8 {
    match level {
        GateLevel::International => 0,
        GateLevel::Main => 1,
        GateLevel::Secondary => 2,
    }
}

/// Gates matching the filter, international first, then by Vietnamese name.
pub fn list(reference: &Reference, filter: &GateFilter) -> Vec<GateRow> {
    let mut rows: Vec<GateRow> = reference
        .gates()
        .iter()
        .filter(|g| filter.level.is_none_or(|level| g.level == level.code()))
        .filter(|g| filter.vn_province.as_ref().is_none_or(|vn| g.vn_province_id == *vn))
        .filter(|g| filter.la_province.as_ref().is_none_or(|la| g.la_province_id == *la))
        .map(|g| to_row(g, reference))
        .collect();
    // Stable: by Vietnamese name within a level.
    rows.sort_by_key(|r| level_rank(r.level));
    rows
}

/// The provinces a gate filter offers: current Vietnamese units and Lao provinces that have gates.
pub fn province_options(reference: &Reference) -> (Vec<ProvinceOption>, Vec<ProvinceOption>) {
    let gates = reference.gates();
    let option = |p: &province::Model| ProvinceOption {
        id: p.id.clone(),
        name: province_names(p),
    };
    let vn = reference
        .provinces()
        .iter()
        .filter(|p| gates.iter().any(|g| g.vn_province_id == p.id))
        .map(option)
        .collect();
    let la = reference
        .provinces()
        .iter()
        .filter(|p| gates.iter().any(|g| g.la_province_id == p.id))
        .map(option)
        .collect();
    (vn, la)
}

/// A gate with its history, zones and sources, all from the reference data in memory.
pub fn detail(reference: &Reference, id: &str) -> Option<GateDetail> {
    let gate = reference.gate(id)?;
    let sources = super::sources::resolve_from(reference, &crate::model::split_sources(&gate.sources));
    Some(GateDetail {
        row: to_row(gate, reference),
        level_history: gate.level_history.clone(),
        vn_location: gate.vn_location.clone(),
        vn_province_former: gate
            .vn_province_former_id
            .as_ref()
            .filter(|former| **former != gate.vn_province_id)
            .and_then(|former| reference.province(former))
            .map(province_names),
        la_district: gate.la_district.clone(),
        corridor_notes: gate.corridor_notes.clone(),
        key_dates: gate.key_dates.clone(),
        lat: gate.lat,
        lon: gate.lon,
        coord_note: gate.coord_note.clone(),
        notes: gate.notes.clone(),
        sources,
        economic_zones: reference
            .zones_of_gate(id)
            .cloned()
            .map(|z| EconomicZoneSummary {
                name: Names {
                    vi: z.name_vi.unwrap_or_default(),
                    lo: z.name_lo.unwrap_or_default(),
                    en: z.name_en,
                },
                id: z.id,
                zone_type: z.zone_type,
                status: z.status,
                area: z.area,
                key_facts: z.key_facts,
                sources: crate::model::split_sources(&z.sources),
                confidence: z.confidence,
            })
            .collect(),
    })
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    border_gate::Entity::find().count(db).await
}
