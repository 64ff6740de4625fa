use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "economic_zones")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub country: String,
    pub name_en: String,
    pub name_vi: Option<String>,
    pub name_lo: Option<String>,
    pub zone_type: String,
    pub province_label: String,
    pub province_former_label: Option<String>,
    pub border_gate_id: Option<String>,
    pub legal_basis: Option<String>,
    pub area: Option<String>,
    pub status: String,
    pub key_facts: Option<String>,
    pub sources: String,
    pub confidence: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
