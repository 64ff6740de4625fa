use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "introduction_messages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub introduction_id: i32,
    pub sender_organisation_id: i32,
    pub sender_user_id: Option<i32>,
    pub body: String,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
