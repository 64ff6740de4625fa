use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "introductions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub requester_organisation_id: i32,
    pub requester_user_id: Option<i32>,
    pub target_organisation_id: i32,
    /// The target's listing the request is about (none when asked from the profile).
    pub listing_id: Option<i32>,
    /// The requester's own listing it relates to.
    pub related_listing_id: Option<i32>,
    /// Where it started: `statuses::IntroductionOrigin`.
    pub origin: String,
    pub message: String,
    pub quantity: Option<String>,
    pub price: Option<String>,
    pub delivery_window: Option<String>,
    /// `statuses::IntroductionStatus` (a pending one past `expires_at` reads as expired).
    pub status: String,
    /// `statuses::DeclineReason`.
    pub decline_reason: Option<String>,
    pub decline_note: Option<String>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub expires_at: ChronoDateTimeUtc,
    pub created_at: ChronoDateTimeUtc,
    pub requester_activity_at: ChronoDateTimeUtc,
    pub target_activity_at: Option<ChronoDateTimeUtc>,
    pub requester_seen_at: Option<ChronoDateTimeUtc>,
    pub target_seen_at: Option<ChronoDateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
