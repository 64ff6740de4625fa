//! An organisation's listings in browse order (its profile page, `?organisation=` in the list and
//! the API): `(organisation_id, status, published_at, id)`, like the province and chapter
//! indexes of migration 9. The old `(organisation_id, kind)` index could only find the rows, and
//! every page sorted all of an organisation's listings (200k in the bench: no answer within 2 s
//! on PostgreSQL).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NAME: &str = "idx_listings_organisation_order";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table("listings")
                    .col("organisation_id")
                    .col("status")
                    .col("published_at")
                    .col("id")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(NAME).table("listings").to_owned())
            .await
    }
}
