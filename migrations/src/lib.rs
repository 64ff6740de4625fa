//! Corridor's schema, one migration per step. Landed migrations are never edited;
//! a change is a new `mYYYYMMDD_NNNNNN_what.rs`.
pub use sea_orm_migration::prelude::*;

mod m20261125_000001_reference_data;
mod m20261125_000002_organisations_and_milestones;
mod m20261125_000003_accounts;
mod m20261125_000004_memberships;
mod m20261125_000005_trust;
mod m20261125_000006_api_tokens_and_logos;
mod m20261125_000007_verification_documents;
mod m20261125_000008_listings;
mod m20261125_000009_listing_indexes;
mod m20261125_000010_search_indexers;
mod m20261203_000011_sign_in_devices_and_mail_kinds;
mod m20261203_000012_listing_organisation_order;
mod m20261207_000013_introductions;
mod m20261208_000014_border_board;
mod m20261208_000015_investment_interests;
mod m20261208_000016_listing_photos;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_reference_data::Migration),
            Box::new(m20261125_000002_organisations_and_milestones::Migration),
            Box::new(m20261125_000003_accounts::Migration),
            Box::new(m20261125_000004_memberships::Migration),
            Box::new(m20261125_000005_trust::Migration),
            Box::new(m20261125_000006_api_tokens_and_logos::Migration),
            Box::new(m20261125_000007_verification_documents::Migration),
            Box::new(m20261125_000008_listings::Migration),
            Box::new(m20261125_000009_listing_indexes::Migration),
            Box::new(m20261125_000010_search_indexers::Migration),
            Box::new(m20261203_000011_sign_in_devices_and_mail_kinds::Migration),
            Box::new(m20261203_000012_listing_organisation_order::Migration),
            Box::new(m20261207_000013_introductions::Migration),
            Box::new(m20261208_000014_border_board::Migration),
            Box::new(m20261208_000015_investment_interests::Migration),
            Box::new(m20261208_000016_listing_photos::Migration),
        ]
    }
}
