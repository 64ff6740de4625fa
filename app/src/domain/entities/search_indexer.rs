use sea_orm::entity::prelude::*;

/// A search index that tails the outbox (one per server), and how far it is.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "search_indexers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub name: String,
    /// The last outbox id its committed index reflects.
    pub watermark: i64,
    pub generation: String,
    pub documents: i64,
    pub seen_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
