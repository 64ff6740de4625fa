//! Trust: verification requests decided by moderators, endorsements by embassies and trade
//! offices, and reports of fraud or spam with their moderation outcome.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(
    name: &str,
    from: (&'static str, &'static str),
    to: (&'static str, &'static str),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("verification_requests")
                    .col(pk_auto("id"))
                    .col(integer("organisation_id"))
                    .col(integer_null("submitted_by"))
                    .col(string("registration_number"))
                    .col(text("evidence"))
                    // pending | verified | rejected
                    .col(string("status"))
                    .col(integer_null("decided_by"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(text_null("reason"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(
                        "fk_verification_org",
                        ("verification_requests", "organisation_id"),
                        ("organisations", "id"),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_verification_submitter",
                        ("verification_requests", "submitted_by"),
                        ("users", "id"),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_verification_decider",
                        ("verification_requests", "decided_by"),
                        ("users", "id"),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("endorsements")
                    .col(pk_auto("id"))
                    .col(integer("organisation_id"))
                    .col(integer("endorser_organisation_id"))
                    .col(integer_null("endorsed_by"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("withdrawn_at"))
                    .foreign_key(&mut fk(
                        "fk_endorsement_org",
                        ("endorsements", "organisation_id"),
                        ("organisations", "id"),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_endorsement_endorser",
                        ("endorsements", "endorser_organisation_id"),
                        ("organisations", "id"),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "fk_endorsement_user",
                        ("endorsements", "endorsed_by"),
                        ("users", "id"),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("reports")
                    .col(pk_auto("id"))
                    // organisation (listings later)
                    .col(string("subject_type"))
                    .col(integer("subject_id"))
                    .col(integer_null("reporter_id"))
                    // fraud | spam | other
                    .col(string("reason"))
                    .col(text("details"))
                    // open | dismissed | hidden | suspended
                    .col(string("status"))
                    .col(integer_null("decided_by"))
                    .col(timestamp_with_time_zone_null("decided_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(&mut fk(
                        "fk_report_reporter",
                        ("reports", "reporter_id"),
                        ("users", "id"),
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "fk_report_decider",
                        ("reports", "decided_by"),
                        ("users", "id"),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_reports_status")
                    .table("reports")
                    .col("status")
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["reports", "endorsements", "verification_requests"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
