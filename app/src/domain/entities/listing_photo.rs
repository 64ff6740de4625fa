use sea_orm::entity::prelude::*;

/// A photo of a listing (see `domain::listings::photos`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "listing_photos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub listing_id: i32,
    pub position: i32,
    /// File names under `CORRIDOR_DATA_DIR/uploads/photos/`.
    pub file_name: String,
    pub thumb_name: String,
    pub width: i32,
    pub height: i32,
    pub uploaded_by: Option<i32>,
    pub created_at: ChronoDateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
