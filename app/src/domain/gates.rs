//! Border gates: the filtered list and the detail page.
use super::entities::{border_gate, economic_zone, province};
use crate::model::{EconomicZoneSummary, GateDetail, GateFilter, GateLevel, GateRow, Names, ProvinceOption};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

fn province_names(p: &province::Model) -> Names {
    Names {
        vi: p.name_vi.clone(),
        lo: p.name_lo.clone().unwrap_or_default(),
        en: p.name_en.clone(),
    }
}

async fn provinces_by_id(db: &impl ConnectionTrait) -> Result<HashMap<String, province::Model>, DbErr> {
    Ok(province::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id.clone(), p))
        .collect())
}

fn to_row(g: &border_gate::Model, provinces: &HashMap<String, province::Model>) -> GateRow {
    let names = |id: &str| provinces.get(id).map(province_names).unwrap_or_default();
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
pub async fn list(db: &impl ConnectionTrait, filter: &GateFilter) -> Result<Vec<GateRow>, DbErr> {
    let mut query = border_gate::Entity::find().order_by_asc(border_gate::Column::VnNameAscii);
    if let Some(level) = filter.level {
        query = query.filter(border_gate::Column::Level.eq(level.code()));
    }
    if let Some(vn) = &filter.vn_province {
        query = query.filter(border_gate::Column::VnProvinceId.eq(vn.as_str()));
    }
    if let Some(la) = &filter.la_province {
        query = query.filter(border_gate::Column::LaProvinceId.eq(la.as_str()));
    }
    let gates = query.all(db).await?;
    let provinces = provinces_by_id(db).await?;
    let mut rows: Vec<GateRow> = gates.iter().map(|g| to_row(g, &provinces)).collect();
    rows.sort_by_key(|r| level_rank(r.level));
    Ok(rows)
}

/// The provinces a gate filter offers: current Vietnamese units and Lao provinces that have gates.
pub async fn province_options(db: &impl ConnectionTrait) -> Result<(Vec<ProvinceOption>, Vec<ProvinceOption>), DbErr> {
    let gates = border_gate::Entity::find().all(db).await?;
    let provinces = province::Entity::find()
        .order_by_asc(province::Column::NameEn)
        .all(db)
        .await?;
    let option = |p: &province::Model| ProvinceOption {
        id: p.id.clone(),
        name: province_names(p),
    };
    let vn = provinces
        .iter()
        .filter(|p| gates.iter().any(|g| g.vn_province_id == p.id))
        .map(option)
        .collect();
    let la = provinces
        .iter()
        .filter(|p| gates.iter().any(|g| g.la_province_id == p.id))
        .map(option)
        .collect();
    Ok((vn, la))
}

pub async fn detail(db: &impl ConnectionTrait, id: &str) -> Result<Option<GateDetail>, DbErr> {
    let Some(gate) = border_gate::Entity::find_by_id(id.to_owned()).one(db).await? else {
        return Ok(None);
    };
    let provinces = provinces_by_id(db).await?;
    let zones = economic_zone::Entity::find()
        .filter(economic_zone::Column::BorderGateId.eq(id))
        .order_by_asc(economic_zone::Column::Id)
        .all(db)
        .await?;
    let sources = super::sources::resolve(db, &crate::model::split_sources(&gate.sources)).await?;
    Ok(Some(GateDetail {
        row: to_row(&gate, &provinces),
        level_history: gate.level_history,
        vn_location: gate.vn_location,
        vn_province_former: gate
            .vn_province_former_id
            .as_ref()
            .filter(|former| **former != gate.vn_province_id)
            .and_then(|former| provinces.get(former))
            .map(province_names),
        la_district: gate.la_district,
        corridor_notes: gate.corridor_notes,
        key_dates: gate.key_dates,
        lat: gate.lat,
        lon: gate.lon,
        coord_note: gate.coord_note,
        notes: gate.notes,
        sources,
        economic_zones: zones
            .into_iter()
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
    }))
}

pub async fn count(db: &impl ConnectionTrait) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    border_gate::Entity::find().count(db).await
}
