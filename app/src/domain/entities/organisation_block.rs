use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation_blocks")]
pub struct Model {
    /// The organisation that refuses introductions …
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
    /// … from this one.
    #[sea_orm(primary_key, auto_increment = false)]
    pub blocked_organisation_id: i32,
    pub created_by: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
