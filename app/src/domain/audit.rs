//! The audit log of security-relevant actions (sign-in, role changes, verification,
//! moderation), visible to administrators.
use super::entities::audit;
use crate::errors::AppError;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait, QueryOrder, QuerySelect};

pub async fn record(
    db: &impl ConnectionTrait,
    actor_user_id: Option<i32>,
    action: &str,
    subject_type: &str,
    subject_id: &str,
    client_addr: Option<&str>,
    details_json: &str,
) -> Result<(), AppError> {
    audit::ActiveModel {
        at: Set(chrono::Utc::now()),
        actor_user_id: Set(actor_user_id),
        action: Set(action.to_owned()),
        subject_type: Set(subject_type.to_owned()),
        subject_id: Set(subject_id.to_owned()),
        client_addr: Set(client_addr.map(str::to_owned)),
        details: Set(details_json.to_owned()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<audit::Model>, AppError> {
    Ok(audit::Entity::find()
        .order_by_desc(audit::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}
