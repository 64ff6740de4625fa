use sea_orm::entity::prelude::*;

/// An HS heading (4 digits) or subheading (6 digits) with its description.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "hs_codes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub chapter: String,
    /// 4 (heading) or 6 (subheading).
    pub level: i32,
    pub description_en: String,
    pub description_vi: Option<String>,
    pub description_lo: Option<String>,
    pub sources: String,
    pub confidence: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
