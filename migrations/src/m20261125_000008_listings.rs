//! Listings — commodity offers and requests, investment opportunities, logistics route offers —
//! in one table with a `kind` and the columns each kind needs; the HS headings they are
//! classified by; the border gates they go through; logistics provider profiles; and the
//! search outbox that keeps the (later) Tantivy index in step, written in the same transaction
//! as every change to a searchable row.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("hs_codes")
                    // 4-digit heading or 6-digit subheading.
                    .col(string("code").primary_key())
                    .col(string("chapter"))
                    .col(integer("level"))
                    .col(text("description_en"))
                    .col(text_null("description_vi"))
                    .col(text_null("description_lo"))
                    .col(string("sources"))
                    .col(string("confidence"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("listings")
                    .col(pk_auto("id"))
                    .col(integer("organisation_id"))
                    .col(integer_null("created_by"))
                    // commodity | opportunity | route
                    .col(string("kind"))
                    // draft | published | held (waits for a moderator) | archived | removed (by a moderator)
                    .col(string("status"))
                    // The organisation's country, kept here so browse filters need no join.
                    .col(string("country"))
                    .col(string_null("title_vi"))
                    .col(string_null("title_lo"))
                    .col(string_null("title_en"))
                    .col(text_null("description_vi"))
                    .col(text_null("description_lo"))
                    .col(text_null("description_en"))
                    // The language the listing was first written in: vi | lo | en.
                    .col(string("original_lang"))
                    .col(string_null("province_id"))
                    .col(string_null("destination_province_id"))
                    .col(string_null("sector"))
                    // Commodities.
                    .col(string_null("direction"))
                    .col(string_null("hs_code"))
                    .col(string_null("hs_chapter"))
                    .col(double_null("quantity"))
                    .col(string_null("unit"))
                    .col(string_null("frequency"))
                    .col(double_null("price"))
                    .col(string_null("currency"))
                    .col(string_null("incoterm"))
                    .col(string_null("certifications"))
                    // Investment opportunities.
                    .col(string_null("economic_zone_id"))
                    .col(big_integer_null("size_min_usd"))
                    .col(big_integer_null("size_max_usd"))
                    .col(string_null("stage"))
                    .col(string_null("instruments"))
                    .col(text_null("incentives"))
                    .col(text_null("land_status"))
                    .col(text_null("contact"))
                    .col(boolean("priority_infra").default(false))
                    .col(string_null("infra_type"))
                    // Route capacity offers.
                    .col(string_null("origin_place"))
                    .col(string_null("destination_place"))
                    .col(date_null("window_start"))
                    .col(date_null("window_end"))
                    .col(double_null("capacity"))
                    .col(string_null("capacity_unit"))
                    .col(string_null("equipment"))
                    // Life cycle.
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("published_at"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .col(timestamp_with_time_zone_null("reminder_sent_at"))
                    // Where the listing came from: web | api | csv | seed (lineage for later steps).
                    .col(string("origin").default("web"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listings_org")
                            .from("listings", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listings_user")
                            .from("listings", "created_by")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_listings_browse", &["kind", "status", "published_at", "id"][..]),
            ("idx_listings_org", &["organisation_id", "kind"][..]),
            ("idx_listings_chapter", &["hs_chapter"][..]),
            ("idx_listings_province", &["province_id"][..]),
            ("idx_listings_expiry", &["status", "expires_at"][..]),
        ] {
            let mut index = Index::create();
            index.name(name).table("listings");
            for col in cols {
                index.col(*col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("listing_gates")
                    .col(integer("listing_id"))
                    .col(string("gate_id"))
                    .col(integer("position"))
                    .primary_key(Index::create().col("listing_id").col("gate_id"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listing_gates_listing")
                            .from("listing_gates", "listing_id")
                            .to("listings", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_listing_gates_gate")
                            .from("listing_gates", "gate_id")
                            .to("border_gates", "id"),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_listing_gates_gate")
                    .table("listing_gates")
                    .col("gate_id")
                    .col("listing_id")
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("logistics_profiles")
                    .col(integer("organisation_id").primary_key())
                    // Comma-separated service codes.
                    .col(string("services"))
                    // Comma-separated border gate ids covered.
                    .col(string("gate_ids"))
                    .col(text_null("corridors"))
                    .col(text_null("fleet"))
                    .col(text_null("capacity"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_logistics_profiles_org")
                            .from("logistics_profiles", "organisation_id")
                            .to("organisations", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("search_outbox")
                    .col(big_pk_auto("id"))
                    // listing | organisation | gate | event | mou
                    .col(string("entity"))
                    .col(string("entity_id"))
                    // upsert | delete
                    .col(string("op"))
                    .col(timestamp_with_time_zone("created_at"))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "search_outbox",
            "logistics_profiles",
            "listing_gates",
            "listings",
            "hs_codes",
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
