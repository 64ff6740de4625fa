//! Reference data researched for the project (see data/SOURCES.md): countries, provinces of both
//! countries including Vietnam's pre-July-2025 units and the merger relation, border gates, economic
//! zones, HS chapters, key commodities, bilateral trade statistics and the sources they cite.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn fk(from: (&'static str, &'static str), to: (&'static str, &'static str)) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{}_{}", from.0, from.1))
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("sources")
                    .col(string("id").primary_key())
                    .col(string("dataset"))
                    .col(text("citation"))
                    .col(text("supports"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("countries")
                    .col(string_len("code", 2).primary_key())
                    .col(string("name_en"))
                    .col(string("name_vi"))
                    .col(string("name_lo"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("provinces")
                    .col(string("id").primary_key())
                    .col(string_len("country", 2))
                    // `current` or `pre_2025` (Vietnam's units until 30 Jun 2025).
                    .col(string("period"))
                    .col(string("period_label"))
                    .col(string("admin_type"))
                    .col(string("name_en"))
                    .col(string("name_vi"))
                    .col(string_null("name_lo"))
                    .col(string_null("name_lo_unverified"))
                    .col(string_null("iso_3166_2"))
                    .col(text("merger_relation"))
                    // For a pre-2025 unit: the current province it continues in.
                    .col(string_null("successor_id"))
                    .col(text("borders_across"))
                    .col(text_null("border_length_note"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .col(text_null("notes"))
                    .foreign_key(&mut fk(("provinces", "country"), ("countries", "code")))
                    .foreign_key(&mut fk(("provinces", "successor_id"), ("provinces", "id")))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("border_gates")
                    .col(string("id").primary_key())
                    // international | main | secondary
                    .col(string("level"))
                    .col(text("level_history"))
                    .col(string("vn_name"))
                    .col(string("vn_name_ascii"))
                    .col(text_null("vn_location"))
                    .col(string("vn_province_id"))
                    .col(string_null("vn_province_former_id"))
                    .col(string("vn_province_label"))
                    .col(string("la_name_vi"))
                    .col(string_null("la_name_en"))
                    .col(string_null("la_name_lo"))
                    .col(string_null("la_district"))
                    .col(string("la_province_id"))
                    .col(text_null("corridor_notes"))
                    .col(text_null("key_dates"))
                    .col(double_null("lat"))
                    .col(double_null("lon"))
                    .col(text_null("coord_note"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .col(text_null("notes"))
                    .foreign_key(&mut fk(("border_gates", "vn_province_id"), ("provinces", "id")))
                    .foreign_key(&mut fk(("border_gates", "vn_province_former_id"), ("provinces", "id")))
                    .foreign_key(&mut fk(("border_gates", "la_province_id"), ("provinces", "id")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_border_gates_level")
                    .table("border_gates")
                    .col("level")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_border_gates_vn_province")
                    .table("border_gates")
                    .col("vn_province_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_border_gates_la_province")
                    .table("border_gates")
                    .col("la_province_id")
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("economic_zones")
                    .col(string("id").primary_key())
                    .col(string("country"))
                    .col(string("name_en"))
                    .col(string_null("name_vi"))
                    .col(string_null("name_lo"))
                    .col(string("zone_type"))
                    .col(string("province_label"))
                    .col(string_null("province_former_label"))
                    .col(string_null("border_gate_id"))
                    .col(text_null("legal_basis"))
                    .col(text_null("area"))
                    .col(string("status"))
                    .col(text_null("key_facts"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .foreign_key(&mut fk(("economic_zones", "border_gate_id"), ("border_gates", "id")))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("hs_chapters")
                    .col(string_len("chapter", 2).primary_key())
                    .col(string("section"))
                    .col(text("title_en"))
                    .col(text("title_vi"))
                    .col(boolean("reserved"))
                    .col(string("sources"))
                    .col(text_null("notes"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("commodities")
                    .col(string("id").primary_key())
                    // la_to_vn | vn_to_la
                    .col(string("flow"))
                    .col(string("direction_label"))
                    .col(string("name_en"))
                    .col(string("name_vi"))
                    .col(string_null("name_lo"))
                    .col(string("hs_codes"))
                    .col(string("hs_level"))
                    .col(text("hs_description_en"))
                    .col(text_null("hs_note"))
                    .col(text_null("evidence"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table("trade_stats")
                    .col(string("id").primary_key())
                    .col(integer("year"))
                    // FY, H1, Q1, 9M, 1M (Jan), …
                    .col(string("period"))
                    // Months covered by the period, so periods order and compare.
                    .col(integer("months"))
                    .col(string("reporter_basis"))
                    .col(big_integer_null("total_usd"))
                    .col(big_integer_null("vn_exports_usd"))
                    .col(big_integer_null("vn_imports_usd"))
                    .col(double_null("total_yoy_pct"))
                    .col(double_null("exports_yoy_pct"))
                    .col(double_null("imports_yoy_pct"))
                    .col(string_null("derived_fields"))
                    // An alternative figure for a period that already has a preferred row.
                    .col(boolean("is_alternative"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .col(text_null("notes"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_trade_stats_year")
                    .table("trade_stats")
                    .col("year")
                    .col("months")
                    .to_owned(),
            )
            .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "trade_stats",
            "commodities",
            "hs_chapters",
            "economic_zones",
            "border_gates",
            "provinces",
            "countries",
            "sources",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
