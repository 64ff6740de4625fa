//! The search outbox: the only code that writes `search_outbox`. A change to anything the index
//! shows records a row here in the transaction of the change, so the index (a derived copy,
//! see `index`) hears of exactly the changes that were committed, and `corridor reindex` can
//! always rebuild it from the database. The entity names are the index's (`docs::LISTING`, …).
use super::docs::{GATE, LISTING, ORGANISATION};
use crate::domain::entities::search_outbox;
use crate::errors::AppError;
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};

/// The only operation: "look at this row again" (the index drops what is no longer public).
const UPSERT: &str = "upsert";

async fn record(
    db: &impl ConnectionTrait,
    entity: &str,
    ids: impl IntoIterator<Item = String>,
) -> Result<(), AppError> {
    let now = Utc::now();
    let rows: Vec<search_outbox::ActiveModel> = ids
        .into_iter()
        .map(|id| search_outbox::ActiveModel {
            entity: Set(entity.to_owned()),
            entity_id: Set(id),
            op: Set(UPSERT.to_owned()),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        search_outbox::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// These listings changed.
pub async fn listings_changed(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    record(db, LISTING, ids.iter().map(i32::to_string)).await
}

/// These organisations changed (their own document only).
pub async fn organisations_changed(db: &impl ConnectionTrait, ids: &[i32]) -> Result<(), AppError> {
    record(db, ORGANISATION, ids.iter().map(i32::to_string)).await
}

/// These border gates changed.
pub async fn gates_changed(db: &impl ConnectionTrait, ids: &[String]) -> Result<(), AppError> {
    record(db, GATE, ids.iter().cloned()).await
}

/// An organisation and every listing of it changed (its name, status and verification show in
/// its listings' documents too).
pub async fn organisation_and_its_listings_changed(
    db: &impl ConnectionTrait,
    organisation_id: i32,
) -> Result<(), AppError> {
    use crate::domain::entities::listing;
    use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
    organisations_changed(db, &[organisation_id]).await?;
    let listing_ids: Vec<i32> = listing::Entity::find()
        .select_only()
        .column(listing::Column::Id)
        .filter(listing::Column::OrganisationId.eq(organisation_id))
        .into_tuple()
        .all(db)
        .await?;
    listings_changed(db, &listing_ids).await
}
