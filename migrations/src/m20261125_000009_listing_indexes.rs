//! Indexes that let browse read its page in order instead of sorting every public listing
//! (measured by `bench-listings`, issue #5: at 200k listings SQLite chose `(status, expires_at)`
//! for `status = 'published' AND expires_at > now` and sorted all 200k rows: ~340 ms a page).
//!
//! - `(status, published_at, id)`: the public browse order; the page is the first 21 rows of a
//!   backward scan, the other filters are checked on the way.
//! - province and HS chapter, the selective filters, get the same order after their column.
//! - "verified organisations only" looked organisations up in a subquery and read ~71k rows a
//!   page (p99 ~80 ms); listings now carry `org_verified` (kept in step by the verification
//!   decision, in the same transaction) with its own ordered index.
//! - the expiry index leads with `expires_at` (the reminder and expiry jobs use a range on it);
//!   as `(status, expires_at)` it looked cheaper to the planner than the ordered index.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const NEW: &[(&str, &[&str])] = &[
    ("idx_listings_public_order", &["status", "published_at", "id"]),
    (
        "idx_listings_province_order",
        &["province_id", "status", "published_at", "id"],
    ),
    (
        "idx_listings_chapter_order",
        &["hs_chapter", "status", "published_at", "id"],
    ),
    ("idx_listings_expires_at", &["expires_at"]),
    (
        "idx_listings_verified_order",
        &["org_verified", "status", "published_at", "id"],
    ),
];

/// Replaced (each is a prefix of a new one, or misleads the planner).
const OLD: &[(&str, &[&str])] = &[
    ("idx_listings_province", &["province_id"]),
    ("idx_listings_chapter", &["hs_chapter"]),
    ("idx_listings_expiry", &["status", "expires_at"]),
];

fn create(name: &str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table("listings");
    for col in cols {
        index.col(*col);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table("listings")
                    .add_column(ColumnDef::new("org_verified").boolean().not_null().default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE listings SET org_verified = TRUE WHERE organisation_id IN \
                 (SELECT id FROM organisations WHERE verified_at IS NOT NULL)",
            )
            .await?;
        for (name, _) in OLD {
            manager
                .drop_index(Index::drop().name(*name).table("listings").to_owned())
                .await?;
        }
        for (name, cols) in NEW {
            manager.create_index(create(name, cols)).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in NEW {
            manager
                .drop_index(Index::drop().name(*name).table("listings").to_owned())
                .await?;
        }
        for (name, cols) in OLD {
            manager.create_index(create(name, cols)).await?;
        }
        manager
            .alter_table(Table::alter().table("listings").drop_column("org_verified").to_owned())
            .await?;
        Ok(())
    }
}
