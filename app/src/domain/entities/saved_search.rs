use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "saved_searches")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub name: String,
    /// The search as a query string (`q=…&kind=…`), without cursor or sort.
    pub query: String,
    /// `statuses::AlertFrequency`.
    pub frequency: String,
    /// Listings published up to this moment have been considered for alerts.
    pub watermark: ChronoDateTimeUtc,
    pub last_sent_at: Option<ChronoDateTimeUtc>,
    /// The secret of the one-click unsubscribe link (no sign-in needed).
    #[sea_orm(unique)]
    pub unsubscribe_token: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
