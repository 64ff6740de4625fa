use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hs_chapters")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub chapter: String,
    pub section: String,
    pub title_en: String,
    pub title_vi: String,
    pub reserved: bool,
    pub sources: String,
    pub notes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
