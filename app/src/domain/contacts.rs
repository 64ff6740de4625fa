//! Who may see an organisation's contact details (issue #12): its members, and members of
//! organisations whose introduction with it was accepted. Every surface that could show a
//! contact — the introduction thread, the profile, a listing's contact field, the API — asks
//! here, so the rule lives once. Depends on the entities only.
use super::accounts::CurrentUser;
use super::entities::{introduction, membership};
use crate::errors::AppError;
use crate::statuses::IntroductionStatus;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashSet;

/// The organisations the user belongs to.
pub async fn member_of(db: &impl ConnectionTrait, user_id: i32) -> Result<Vec<i32>, AppError> {
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect())
}

/// Whether the viewer may see `organisation_id`'s contacts.
pub async fn contacts_visible(
    db: &impl ConnectionTrait,
    viewer: Option<&CurrentUser>,
    organisation_id: i32,
) -> Result<bool, AppError> {
    let Some(viewer) = viewer else {
        return Ok(false);
    };
    let mine = member_of(db, viewer.user_id).await?;
    Ok(visible_among(db, &mine, &[organisation_id])
        .await?
        .contains(&organisation_id))
}

/// Of `organisations`, those whose contacts members of `mine` may see (own ones, and accepted
/// counterparts), in one query.
pub async fn visible_among(
    db: &impl ConnectionTrait,
    mine: &[i32],
    organisations: &[i32],
) -> Result<HashSet<i32>, AppError> {
    let mut visible: HashSet<i32> = organisations.iter().copied().filter(|id| mine.contains(id)).collect();
    if mine.is_empty() || organisations.is_empty() {
        return Ok(visible);
    }
    let accepted = introduction::Entity::find()
        .filter(introduction::Column::Status.eq(IntroductionStatus::Accepted))
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(introduction::Column::RequesterOrganisationId.is_in(mine.iter().copied()))
                        .add(introduction::Column::TargetOrganisationId.is_in(organisations.iter().copied())),
                )
                .add(
                    Condition::all()
                        .add(introduction::Column::TargetOrganisationId.is_in(mine.iter().copied()))
                        .add(introduction::Column::RequesterOrganisationId.is_in(organisations.iter().copied())),
                ),
        )
        .all(db)
        .await?;
    for intro in accepted {
        for id in [intro.requester_organisation_id, intro.target_organisation_id] {
            if organisations.contains(&id) && !mine.contains(&id) {
                visible.insert(id);
            }
        }
    }
    Ok(visible)
}
