use sea_orm::entity::prelude::*;

/// What a logistics provider offers: services, gates covered, fleet and capacity.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "logistics_profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: i32,
    pub services: String,
    pub gate_ids: String,
    pub corridors: Option<String>,
    pub fleet: Option<String>,
    pub capacity: Option<String>,
    pub updated_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
