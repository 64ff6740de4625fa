use sea_orm::entity::prelude::*;

/// A notice on a border gate's market board (see `domain::board`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_notices")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub gate_id: String,
    /// buy | sell | transport | labour
    pub kind: String,
    pub body: String,
    pub quantity: Option<String>,
    pub price: Option<String>,
    /// The number to call, shown on the board once the notice is approved.
    pub phone: String,
    pub poster_name: String,
    /// The language the notice is written in.
    pub lang: String,
    pub user_id: Option<i32>,
    /// pending | approved | rejected | withdrawn
    pub status: String,
    pub reject_reason: Option<String>,
    pub moderated_by: Option<i32>,
    pub moderated_at: Option<ChronoDateTimeUtc>,
    pub created_at: ChronoDateTimeUtc,
    pub expires_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
