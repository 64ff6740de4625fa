//! API tokens for `/api/v1`: named, scoped (read / write), expiring bearer tokens belonging to
//! an organisation. Only a SHA-256 of each token is stored; revocation takes effect at once.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("api_tokens")
                    .col(pk_auto("id"))
                    .col(string_uniq("token_hash"))
                    // First characters of the token, shown in lists so owners can tell tokens apart.
                    .col(string("prefix"))
                    .col(integer("organisation_id"))
                    .col(string("name"))
                    // read | write
                    .col(string("scope"))
                    .col(integer_null("created_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .col(timestamp_with_time_zone_null("last_used_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_tokens_org")
                            .from("api_tokens", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_api_tokens_user")
                            .from("api_tokens", "created_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("organisations")
                    .add_column(string_null("logo_path"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("organisations")
                    .drop_column("logo_path")
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table("api_tokens").to_owned()).await
    }
}
