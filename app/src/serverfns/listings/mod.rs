pub mod browse_listings;
pub mod get_listing;
pub mod get_listing_choices;
pub mod get_logistics;
pub mod list_my_listings;
pub mod list_partners;
pub mod listing_queue;
pub mod suggest_hs_codes;
