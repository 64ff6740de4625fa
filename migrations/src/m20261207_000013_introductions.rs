//! Matchmaking (issue #12): introductions between organisations, their message threads, blocks,
//! the contact details an organisation shows only to its accepted counterparts, saved searches
//! with their alerts, and an index for finding the counterparts of a listing.
//!
//! An introduction is asked by a member of one organisation (the requester) of another (the
//! target), usually about one of the target's listings; it stays `pending` until the target
//! accepts or declines it, or for 14 days (then `expired`). Unread state is two timestamps per
//! side: the last time the side did something, and the last time it looked.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const CONTACT_COLUMNS: [&str; 4] = ["contact_person", "contact_email", "contact_phone", "contact_messaging"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in CONTACT_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("organisations")
                        .add_column(string_null(column))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("introductions")
                    .col(pk_auto("id"))
                    .col(integer("requester_organisation_id"))
                    .col(integer_null("requester_user_id"))
                    .col(integer("target_organisation_id"))
                    .col(integer_null("listing_id"))
                    .col(integer_null("related_listing_id"))
                    .col(string("origin"))
                    .col(text("message"))
                    .col(string_null("quantity"))
                    .col(string_null("price"))
                    .col(string_null("delivery_window"))
                    .col(string("status"))
                    .col(string_null("decline_reason"))
                    .col(text_null("decline_note"))
                    .col(integer_null("decided_by"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("requester_activity_at"))
                    .col(timestamp_with_time_zone_null("target_activity_at"))
                    .col(timestamp_with_time_zone_null("requester_seen_at"))
                    .col(timestamp_with_time_zone_null("target_seen_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introductions_requester")
                            .from("introductions", "requester_organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introductions_target")
                            .from("introductions", "target_organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introductions_user")
                            .from("introductions", "requester_user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introductions_listing")
                            .from("introductions", "listing_id")
                            .to("listings", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introductions_related_listing")
                            .from("introductions", "related_listing_id")
                            .to("listings", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("ix_introductions_target", ["target_organisation_id", "created_at"]),
            (
                "ix_introductions_requester",
                ["requester_organisation_id", "created_at"],
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table("introductions")
                        .col(columns[0])
                        .col(columns[1])
                        .to_owned(),
                )
                .await?;
        }
        // One open request per listing per requesting organisation, held by the database (two
        // clicks at once make one request). The same partial-index syntax works on SQLite and
        // PostgreSQL.
        manager
            .get_connection()
            .execute_unprepared(
                "CREATE UNIQUE INDEX ux_introductions_open_per_listing \
                 ON introductions (requester_organisation_id, listing_id) WHERE status = 'pending'",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("introduction_messages")
                    .col(pk_auto("id"))
                    .col(integer("introduction_id"))
                    .col(integer("sender_organisation_id"))
                    .col(integer_null("sender_user_id"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introduction_messages_introduction")
                            .from("introduction_messages", "introduction_id")
                            .to("introductions", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_introduction_messages_user")
                            .from("introduction_messages", "sender_user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_introduction_messages_thread")
                    .table("introduction_messages")
                    .col("introduction_id")
                    .col("id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("organisation_blocks")
                    .col(integer("organisation_id"))
                    .col(integer("blocked_organisation_id"))
                    .col(integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .primary_key(Index::create().col("organisation_id").col("blocked_organisation_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisation_blocks_org")
                            .from("organisation_blocks", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisation_blocks_blocked")
                            .from("organisation_blocks", "blocked_organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("saved_searches")
                    .col(pk_auto("id"))
                    .col(integer("user_id"))
                    .col(string("name"))
                    .col(text("query"))
                    .col(string("frequency"))
                    .col(timestamp_with_time_zone("watermark"))
                    .col(timestamp_with_time_zone_null("last_sent_at"))
                    .col(string_uniq("unsubscribe_token"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_saved_searches_user")
                            .from("saved_searches", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_saved_searches_user")
                    .table("saved_searches")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        // Counterparts of a listing: same chapter, opposite direction, public (domain::matching).
        manager
            .create_index(
                Index::create()
                    .name("idx_listings_match")
                    .table("listings")
                    .col("hs_chapter")
                    .col("kind")
                    .col("direction")
                    .col("status")
                    .col("expires_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name("idx_listings_match").table("listings").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("saved_searches").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("organisation_blocks").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("introduction_messages").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("introductions").to_owned())
            .await?;
        for column in CONTACT_COLUMNS {
            manager
                .alter_table(Table::alter().table("organisations").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
