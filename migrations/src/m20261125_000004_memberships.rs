//! Organisations get members with roles (owner / editor / viewer), invitations by e-mail link,
//! a moderation status, and the profile fields traders look for. A session remembers which of
//! its user's organisations is active.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            // active | hidden | suspended
            string("status").default("active").to_owned(),
            string_null("registration_number"),
            // Comma-separated sector codes and language codes.
            string_null("sectors"),
            string_null("languages"),
            timestamp_with_time_zone_null("verified_at"),
        ];
        for column in columns {
            manager
                .alter_table(Table::alter().table("organisations").add_column(column).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(integer_null("active_organisation_id"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("memberships")
                    .col(integer("organisation_id"))
                    .col(integer("user_id"))
                    // owner | editor | viewer
                    .col(string("role"))
                    .col(timestamp_with_time_zone("created_at"))
                    .primary_key(Index::create().col("organisation_id").col("user_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_organisation")
                            .from("memberships", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_memberships_user")
                            .from("memberships", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_memberships_user")
                    .table("memberships")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("invitations")
                    // SHA-256 of the token in the e-mailed link.
                    .col(string("id").primary_key())
                    .col(integer("organisation_id"))
                    .col(string("email"))
                    .col(string("role"))
                    .col(integer_null("invited_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("accepted_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_organisation")
                            .from("invitations", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_invitations_inviter")
                            .from("invitations", "invited_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("invitations").to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table("memberships").to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .drop_column("active_organisation_id")
                    .to_owned(),
            )
            .await?;
        for column in ["verified_at", "languages", "sectors", "registration_number", "status"] {
            manager
                .alter_table(Table::alter().table("organisations").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
