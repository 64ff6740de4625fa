//! Several servers on one database each keep their own search index by tailing the same
//! `search_outbox`. Each registers here how far its index is (`watermark`, the last applied
//! outbox id) and when it was last seen; outbox rows are pruned once every indexer seen within
//! the retention window has passed them, or once they are older than that window.
//! `search_state.pruned_through` records the highest id pruned: an index behind it missed
//! changes and is rebuilt from the database.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("search_indexers")
                    .col(string("name").primary_key())
                    .col(big_integer("watermark"))
                    .col(string("generation"))
                    .col(big_integer("documents"))
                    .col(timestamp_with_time_zone("seen_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("search_state")
                    .col(string("key").primary_key())
                    .col(big_integer("value"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_search_outbox_created_at")
                    .table("search_outbox")
                    .col("created_at")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_search_outbox_created_at")
                    .table("search_outbox")
                    .to_owned(),
            )
            .await?;
        for table in ["search_state", "search_indexers"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
