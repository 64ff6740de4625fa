use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "verification_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    pub submitted_by: Option<i32>,
    pub registration_number: String,
    pub evidence: String,
    pub status: String,
    pub decided_by: Option<i32>,
    pub decided_at: Option<ChronoDateTimeUtc>,
    pub reason: Option<String>,
    pub created_at: ChronoDateTimeUtc,
    /// File name under `CORRIDOR_DATA_DIR/uploads/evidence/`, readable by moderators only.
    pub document_path: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
