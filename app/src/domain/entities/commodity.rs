use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commodities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// `la_to_vn` or `vn_to_la`.
    pub flow: String,
    pub direction_label: String,
    pub name_en: String,
    pub name_vi: String,
    pub name_lo: Option<String>,
    pub hs_codes: String,
    pub hs_level: String,
    pub hs_description_en: String,
    pub hs_note: Option<String>,
    pub evidence: Option<String>,
    pub sources: String,
    pub confidence: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
