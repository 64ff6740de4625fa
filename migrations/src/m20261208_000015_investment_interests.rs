//! Investment interests of an organisation (issue #12, investor ↔ opportunity matching): the
//! sectors, provinces and instruments it invests in and its ticket range in US dollars. Public
//! on its profile (project owners look for investors), matched against investment opportunities.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TEXT_COLUMNS: [&str; 3] = ["invest_sectors", "invest_provinces", "invest_instruments"];
const AMOUNT_COLUMNS: [&str; 2] = ["invest_ticket_min_usd", "invest_ticket_max_usd"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for column in TEXT_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("organisations")
                        .add_column(string_null(column))
                        .to_owned(),
                )
                .await?;
        }
        for column in AMOUNT_COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table("organisations")
                        .add_column(big_integer_null(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in TEXT_COLUMNS.into_iter().chain(AMOUNT_COLUMNS) {
            manager
                .alter_table(Table::alter().table("organisations").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
