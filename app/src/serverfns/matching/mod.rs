pub mod get_listing_matches;
pub mod list_investment_matches;
pub mod list_my_matches;
