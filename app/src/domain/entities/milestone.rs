use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "milestones")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub happened_on: ChronoDate,
    pub date_precision: String,
    pub kind: String,
    pub title_en: String,
    pub title_vi: String,
    pub title_lo: String,
    pub summary_en: String,
    pub summary_vi: String,
    pub summary_lo: String,
    pub place: Option<String>,
    pub sources: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
