//! Organisations (owners of all later content: listings, events, MoUs) and milestones — the dated
//! facts of the bilateral relationship (seminars, MoUs, agreements, decisions) kept as seed data until
//! events and agreements get their own tables; `milestones.id` is a stable slug later tables can cite.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("organisations")
                    .col(pk_auto("id"))
                    .col(string_uniq("slug"))
                    .col(string("name"))
                    // company | investor | logistics | embassy | government | chamber
                    .col(string("kind"))
                    .col(string_len("country", 2))
                    .col(string_null("province_id"))
                    .col(string_null("website"))
                    .col(text_null("description_en"))
                    .col(text_null("description_vi"))
                    .col(text_null("description_lo"))
                    .col(timestamp_with_time_zone("created_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisations_country")
                            .from("organisations", "country")
                            .to("countries", "code"),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_organisations_province")
                            .from("organisations", "province_id")
                            .to("provinces", "id"),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("milestones")
                    .col(string("id").primary_key())
                    .col(date("happened_on"))
                    // `day` or `year`: a decision known only by its year is stored on 1 January
                    // and shown as the year alone.
                    .col(string("date_precision"))
                    // seminar | mou | agreement | decision
                    .col(string("kind"))
                    .col(text("title_en"))
                    .col(text("title_vi"))
                    .col(text("title_lo"))
                    .col(text("summary_en"))
                    .col(text("summary_vi"))
                    .col(text("summary_lo"))
                    .col(string_null("place"))
                    .col(string("sources"))
                    .to_owned(),
            )
            .await?;

        // Which organisations took part in a milestone (organiser, signatory…).
        manager
            .create_table(
                Table::create()
                    .table("milestone_parties")
                    .col(string("milestone_id"))
                    .col(integer("organisation_id"))
                    .col(string("role"))
                    .primary_key(Index::create().col("milestone_id").col("organisation_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_milestone_parties_milestone")
                            .from("milestone_parties", "milestone_id")
                            .to("milestones", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_milestone_parties_org")
                            .from("milestone_parties", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["milestone_parties", "milestones", "organisations"] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
