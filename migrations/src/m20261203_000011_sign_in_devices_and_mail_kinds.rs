//! Sign-in throttling that a stranger cannot turn against an account's owner (issue #11, item 4):
//! a browser that once signed in to an account gets a device cookie whose digest is kept in
//! `known_devices`; failures are counted per account and device (or client address), and the
//! per-account cap applies only to unknown devices. Mails carry their kind, so account mails
//! (reset links, "you already have an account") can be limited per address.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("login_attempts")
                    .add_column(string_null("device"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("known_devices")
                    .col(string("id"))
                    .col(integer("user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_used_at"))
                    .primary_key(Index::create().col("id").col("user_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_known_devices_user")
                            .from("known_devices", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_known_devices_user")
                    .table("known_devices")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("mail_outbox")
                    .add_column(string("kind").default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_mail_outbox_recipient")
                    .table("mail_outbox")
                    .col("recipient")
                    .col("created_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_mail_outbox_recipient")
                    .table("mail_outbox")
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table("mail_outbox").drop_column("kind").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("known_devices").to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("login_attempts").drop_column("device").to_owned())
            .await
    }
}
