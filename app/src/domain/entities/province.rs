use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "provinces")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub country: String,
    /// `current` or `pre_2025`.
    pub period: String,
    pub period_label: String,
    pub admin_type: String,
    pub name_en: String,
    pub name_vi: String,
    pub name_lo: Option<String>,
    pub name_lo_unverified: Option<String>,
    pub iso_3166_2: Option<String>,
    pub merger_relation: String,
    pub successor_id: Option<String>,
    pub borders_across: String,
    pub border_length_note: Option<String>,
    pub sources: String,
    pub confidence: String,
    pub notes: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub const CURRENT: &str = "current";
pub const PRE_2025: &str = "pre_2025";
