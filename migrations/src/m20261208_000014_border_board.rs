//! The border market board (issue #12): short buy / sell / transport / labour notices per border
//! gate, posted by anyone with an account (no organisation needed: a border resident signs up
//! with a name and a phone number or an e-mail), held until a platform moderator or the trade
//! office of the gate's province approves them, and shown for 14 days after approval.
//!
//! Accounts made with a phone number keep it in `users.phone` (unique); their `email` column
//! holds a reserved, never-delivered address (`…@phone.invalid`, RFC 2606) so that the one
//! sign-in path and its throttle serve both.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("users")
                    .add_column(string_null("phone"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_users_phone")
                    .table("users")
                    .col("phone")
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("board_notices")
                    .col(pk_auto("id"))
                    .col(string("gate_id"))
                    .col(string("kind"))
                    .col(text("body"))
                    .col(string_null("quantity"))
                    .col(string_null("price"))
                    .col(string("phone"))
                    .col(string("poster_name"))
                    .col(string_len("lang", 2))
                    .col(integer_null("user_id"))
                    .col(string("status"))
                    .col(string_null("reject_reason"))
                    .col(integer_null("moderated_by"))
                    .col(timestamp_with_time_zone_null("moderated_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_board_notices_gate")
                            .from("board_notices", "gate_id")
                            .to("border_gates", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_board_notices_user")
                            .from("board_notices", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_board_notices_moderator")
                            .from("board_notices", "moderated_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // The board reads one gate's approved, unexpired notices, newest first.
        manager
            .create_index(
                Index::create()
                    .name("idx_board_notices_gate")
                    .table("board_notices")
                    .col("gate_id")
                    .col("status")
                    .col("expires_at")
                    .to_owned(),
            )
            .await?;
        // A poster's own notices (the daily limit, "my notices").
        manager
            .create_index(
                Index::create()
                    .name("idx_board_notices_user")
                    .table("board_notices")
                    .col("user_id")
                    .col("created_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table("board_notices").to_owned())
            .await?;
        manager
            .drop_index(Index::drop().name("idx_users_phone").table("users").to_owned())
            .await?;
        manager
            .alter_table(Table::alter().table("users").drop_column("phone").to_owned())
            .await
    }
}
