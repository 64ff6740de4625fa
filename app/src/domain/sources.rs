//! The cited sources (data/SOURCES.md), looked up by id wherever data is shown.
use super::entities::source;
use crate::model::{SourceEntry, SourceRef};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

/// Every source, from the reference data in memory (sources are written only by `corridor seed`,
/// like the rest of it).
pub fn all_from(reference: &crate::domain::reference::Reference) -> Vec<SourceEntry> {
    reference
        .sources()
        .iter()
        .map(|s| SourceEntry {
            id: s.id.clone(),
            dataset: s.dataset.clone(),
            citation: s.citation.clone(),
            supports: s.supports.clone(),
        })
        .collect()
}

/// Resolves source ids to citations from the reference data in memory, like [`resolve`].
pub fn resolve_from(reference: &crate::domain::reference::Reference, ids: &[String]) -> Vec<SourceRef> {
    cite(reference.sources(), ids)
}

pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<SourceEntry>, DbErr> {
    Ok(source::Entity::find()
        .order_by_asc(source::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SourceEntry {
            id: s.id,
            dataset: s.dataset,
            citation: s.citation,
            supports: s.supports,
        })
        .collect())
}

/// Resolves source ids to citations, keeping the given order; unknown ids keep an empty citation.
pub async fn resolve(db: &impl ConnectionTrait, ids: &[String]) -> Result<Vec<SourceRef>, DbErr> {
    let found = source::Entity::find()
        .filter(source::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?;
    Ok(cite(&found, ids))
}

/// The citations of `ids` among `found`, in the given order; unknown ids keep an empty citation.
fn cite(found: &[source::Model], ids: &[String]) -> Vec<SourceRef> {
    ids.iter()
        .map(|id| SourceRef {
            id: id.clone(),
            citation: found
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.citation.clone())
                .unwrap_or_default(),
        })
        .collect()
}
