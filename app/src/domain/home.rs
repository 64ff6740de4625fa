//! The home page: headline trade figures, the target, milestones.
use super::entities::{milestone, milestone_party, organisation, trade_stat};
use super::reference::Reference;
use crate::model::{split_sources, HomeData, Milestone, Names, OrgName, TradeFigure};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

fn figure(s: &trade_stat::Model) -> TradeFigure {
    TradeFigure {
        id: s.id.clone(),
        year: s.year,
        period: s.period.clone(),
        months: s.months,
        reporter_basis: s.reporter_basis.clone(),
        total_usd: s.total_usd,
        vn_exports_usd: s.vn_exports_usd,
        vn_imports_usd: s.vn_imports_usd,
        total_yoy_pct: s.total_yoy_pct,
        sources: split_sources(&s.sources),
        confidence: s.confidence.clone(),
    }
}

/// How much a row is preferred when several report the same period: the main (not
/// alternative) figure, on Vietnam's basis, with a total, with the higher confidence.
fn preference(s: &trade_stat::Model) -> (bool, bool, bool, bool) {
    (
        !s.is_alternative,
        s.reporter_basis.starts_with("VN"),
        s.total_usd.is_some(),
        s.confidence.starts_with("high"),
    )
}

/// One preferred row per (year, months), newest first.
pub fn preferred_rows(stats: &[trade_stat::Model]) -> Vec<&trade_stat::Model> {
    let mut best: HashMap<(i32, i32), &trade_stat::Model> = HashMap::new();
    for s in stats.iter().filter(|s| s.total_usd.is_some()) {
        best.entry((s.year, s.months))
            .and_modify(|current| {
                if preference(s) > preference(current) {
                    *current = s;
                }
            })
            .or_insert(s);
    }
    let mut rows: Vec<&trade_stat::Model> = best.into_values().collect();
    rows.sort_by_key(|s| std::cmp::Reverse((s.year, s.months)));
    rows
}

/// The home page's data; the gate and zone counts come from the reference data in memory.
pub async fn load(db: &impl ConnectionTrait, reference: &Reference) -> Result<HomeData, DbErr> {
    // Independent reads, run together.
    let (stats, milestones, parties) = tokio::try_join!(
        trade_stat::Entity::find().all(db),
        milestone::Entity::find()
            .order_by_desc(milestone::Column::HappenedOn)
            .all(db),
        milestone_party::Entity::find().all(db),
    )?;
    let preferred = preferred_rows(&stats);
    let full_years: Vec<TradeFigure> = preferred.iter().filter(|s| s.months == 12).map(|s| figure(s)).collect();
    let latest_full_year = full_years.first().cloned();
    let latest_period = preferred.iter().find(|s| s.months < 12).map(|s| figure(s));

    // Only the organisations named by a milestone, not every organisation.
    let party_ids: std::collections::HashSet<i32> = parties.iter().map(|p| p.organisation_id).collect();
    let orgs: HashMap<i32, OrgName> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(party_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| {
            let verified_at = o.verified_at.map(|d| d.format("%Y-%m-%d").to_string());
            (
                o.id,
                OrgName {
                    name: o.name,
                    verified_at,
                },
            )
        })
        .collect();
    let milestones = milestones
        .into_iter()
        .map(|m| Milestone {
            parties: parties
                .iter()
                .filter(|p| p.milestone_id == m.id)
                .filter_map(|p| orgs.get(&p.organisation_id).cloned())
                .collect(),
            happened_on: if m.date_precision == "year" {
                m.happened_on.format("%Y").to_string()
            } else {
                m.happened_on.format("%Y-%m-%d").to_string()
            },
            id: m.id,
            kind: m.kind,
            title: Names {
                vi: m.title_vi,
                lo: m.title_lo,
                en: m.title_en,
            },
            summary: Names {
                vi: m.summary_vi,
                lo: m.summary_lo,
                en: m.summary_en,
            },
            place: m.place,
            sources: split_sources(&m.sources),
        })
        .collect();

    Ok(HomeData {
        latest_full_year,
        latest_period,
        full_years,
        milestones,
        gate_count: reference.gates().len() as u64,
        zone_count: reference.zones().len() as u64,
    })
}
