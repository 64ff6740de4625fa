//! Photos on listings (issue #12): up to six per listing, stored as files the server wrote itself
//! (re-encoded JPEG, metadata gone, at most 1600 px) with a thumbnail each; the row keeps the
//! order and the size. `listings.cover_photo` is the first photo's thumbnail, so lists of cards
//! show it without another query.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("listing_photos")
                    .col(pk_auto("id"))
                    .col(integer("listing_id"))
                    .col(integer("position"))
                    .col(string("file_name"))
                    .col(string("thumb_name"))
                    .col(integer("width"))
                    .col(integer("height"))
                    .col(integer_null("uploaded_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listing_photos_listing")
                            .from("listing_photos", "listing_id")
                            .to("listings", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listing_photos_user")
                            .from("listing_photos", "uploaded_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_listing_photos_listing")
                    .table("listing_photos")
                    .col("listing_id")
                    .col("position")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("listings")
                    .add_column(string_null("cover_photo"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table("listings").drop_column("cover_photo").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("listing_photos").to_owned())
            .await
    }
}
