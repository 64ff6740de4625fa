use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestone_parties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub milestone_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
    pub role: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
