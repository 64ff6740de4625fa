//! The cited sources (data/SOURCES.md), looked up by id wherever data is shown.
use super::entities::source;
use crate::model::{SourceEntry, SourceRef};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

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
    Ok(ids
        .iter()
        .map(|id| SourceRef {
            id: id.clone(),
            citation: found
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.citation.clone())
                .unwrap_or_default(),
        })
        .collect())
}
