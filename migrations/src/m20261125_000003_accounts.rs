//! Accounts and sessions: users, database-backed sessions (so several server processes share
//! them), one-time e-mail tokens (confirmation, password reset), the mail outbox, sign-in
//! attempts for throttling, and the audit log of security-relevant actions.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn user_fk(table: &'static str, on_delete: ForeignKeyAction) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_user"))
        .from(
            table,
            if table == "audit_log" {
                "actor_user_id"
            } else {
                "user_id"
            },
        )
        .to("users", "id")
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("users")
                    .col(pk_auto("id"))
                    // Stored lower-cased; unique.
                    .col(string_uniq("email"))
                    // argon2id PHC string.
                    .col(string("password_hash"))
                    .col(string("display_name"))
                    .col(string_len("preferred_lang", 2))
                    // user | moderator | admin (platform roles, separate from organisation roles)
                    .col(string("platform_role"))
                    .col(timestamp_with_time_zone_null("email_confirmed_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("password_changed_at"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("sessions")
                    // SHA-256 of the cookie value: a database leak does not leak live sessions.
                    .col(string("id").primary_key())
                    .col(integer("user_id"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("last_seen_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(string_null("client_addr"))
                    .col(string_null("user_agent"))
                    .foreign_key(&mut user_fk("sessions", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_sessions_user")
                    .table("sessions")
                    .col("user_id")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("email_tokens")
                    .col(string("id").primary_key())
                    .col(integer("user_id"))
                    // confirm_email | reset_password
                    .col(string("purpose"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .foreign_key(&mut user_fk("email_tokens", ForeignKeyAction::Cascade))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("mail_outbox")
                    .col(pk_auto("id"))
                    .col(string("recipient"))
                    .col(string("subject"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .col(integer("attempts").default(0))
                    .col(text_null("last_error"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("login_attempts")
                    .col(pk_auto("id"))
                    .col(string("email"))
                    .col(string("client_addr"))
                    .col(boolean("succeeded"))
                    .col(timestamp_with_time_zone("attempted_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_login_attempts_email")
                    .table("login_attempts")
                    .col("email")
                    .col("attempted_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_login_attempts_addr")
                    .table("login_attempts")
                    .col("client_addr")
                    .col("attempted_at")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("audit_log")
                    .col(pk_auto("id"))
                    .col(timestamp_with_time_zone("at"))
                    .col(integer_null("actor_user_id"))
                    .col(string("action"))
                    .col(string("subject_type"))
                    .col(string("subject_id"))
                    .col(string_null("client_addr"))
                    .col(text("details"))
                    .foreign_key(&mut user_fk("audit_log", ForeignKeyAction::SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_audit_log_at")
                    .table("audit_log")
                    .col("at")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "audit_log",
            "login_attempts",
            "mail_outbox",
            "email_tokens",
            "sessions",
            "users",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
