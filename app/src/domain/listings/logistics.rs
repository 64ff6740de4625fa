//! Logistics provider profiles (services, border gates and corridors covered, fleet, capacity)
//! and the partners list that filters them by gate and service.
use super::browse::{gate_names, org_ref};
use crate::domain::accounts::CurrentUser;
use crate::domain::entities::{border_gate, logistics_profile, organisation};
use crate::domain::organisations::{find_by_slug, principal};
use crate::domain::policy::authorise;
use crate::domain::policy::Action;
use crate::errors::AppError;
use crate::i18n::Msg;
use crate::model::{LogisticsPartner, LogisticsView, PlaceRef};
use crate::vocab;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

/// What the logistics form carries.
#[derive(Clone, Debug, Default)]
pub struct LogisticsInput {
    pub services: Vec<String>,
    pub gate_ids: Vec<String>,
    pub corridors: String,
    pub fleet: String,
    pub capacity: String,
}

fn text(field: &str, value: &str, problems: &mut Vec<(String, Msg)>) -> Option<String> {
    crate::domain::text::block(value, 1000).unwrap_or_else(|problem| {
        problems.push((field.to_owned(), problem.msg()));
        None
    })
}

/// Saves the profile of a logistics organisation (editors and owners).
pub async fn save(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
    input: &LogisticsInput,
) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(user), Some(org.id)).await?,
        Action::EditOrganisation,
    )?;
    if org.kind != "logistics" {
        return Err(AppError::invalid("services", Msg::ErrLogisticsOnly));
    }
    let mut problems = Vec::new();
    let mut services: Vec<&str> = Vec::new();
    for s in input.services.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match vocab::canonical("service", s) {
            Some(code) if !services.contains(&code) => services.push(code),
            Some(_) => {}
            None => problems.push(("services".to_owned(), Msg::ErrChooseOne)),
        }
    }
    if services.is_empty() && problems.is_empty() {
        problems.push(("services".to_owned(), Msg::ErrRequired));
    }
    let known: Vec<String> = border_gate::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let mut gates: Vec<String> = Vec::new();
    for g in input.gate_ids.iter().map(|g| g.trim()).filter(|g| !g.is_empty()) {
        if !known.iter().any(|k| k == g) {
            problems.push(("gate_ids".to_owned(), Msg::ErrUnknownGate));
        } else if !gates.iter().any(|x| x == g) {
            gates.push(g.to_owned());
        }
    }
    let corridors = text("corridors", &input.corridors, &mut problems);
    let fleet = text("fleet", &input.fleet, &mut problems);
    let capacity = text("capacity", &input.capacity, &mut problems);
    if !problems.is_empty() {
        return Err(AppError::InvalidFields(problems));
    }
    let row = logistics_profile::ActiveModel {
        organisation_id: Set(org.id),
        services: Set(services.join(",")),
        gate_ids: Set(gates.join(",")),
        corridors: Set(corridors),
        fleet: Set(fleet),
        capacity: Set(capacity),
        updated_at: Set(Utc::now()),
    };
    let txn = crate::domain::db::begin_write(db).await?;
    logistics_profile::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(logistics_profile::Column::OrganisationId)
                .update_columns([
                    logistics_profile::Column::Services,
                    logistics_profile::Column::GateIds,
                    logistics_profile::Column::Corridors,
                    logistics_profile::Column::Fleet,
                    logistics_profile::Column::Capacity,
                    logistics_profile::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    // The services and gates are part of the organisation's search document.
    crate::domain::search::outbox::organisations_changed(&txn, &[org.id]).await?;
    txn.commit().await?;
    Ok(())
}

async fn gate_map(
    db: &impl ConnectionTrait,
    reference: Option<&crate::domain::reference::Reference>,
) -> Result<HashMap<String, PlaceRef>, AppError> {
    let loaded;
    let gates = match reference {
        Some(reference) => reference.gates(),
        None => {
            loaded = border_gate::Entity::find().all(db).await?;
            &loaded
        }
    };
    Ok(gates
        .iter()
        .map(|g| {
            (
                g.id.clone(),
                PlaceRef {
                    id: g.id.clone(),
                    name: gate_names(g),
                },
            )
        })
        .collect())
}

fn view(row: logistics_profile::Model, gates: &HashMap<String, PlaceRef>) -> LogisticsView {
    let split = |s: &str| -> Vec<String> { s.split(',').filter(|x| !x.is_empty()).map(str::to_owned).collect() };
    LogisticsView {
        services: split(&row.services),
        gates: split(&row.gate_ids)
            .iter()
            .filter_map(|g| gates.get(g).cloned())
            .collect(),
        corridors: row.corridors,
        fleet: row.fleet,
        capacity: row.capacity,
        updated_on: row.updated_at.date_naive().to_string(),
    }
}

/// The profile of an organisation, if it has one.
pub async fn of_organisation(
    db: &impl ConnectionTrait,
    organisation_id: i32,
) -> Result<Option<LogisticsView>, AppError> {
    of_organisation_with(db, None, organisation_id).await
}

/// [`of_organisation`], with the gates' names from memory when given.
pub async fn of_organisation_with(
    db: &impl ConnectionTrait,
    reference: Option<&crate::domain::reference::Reference>,
    organisation_id: i32,
) -> Result<Option<LogisticsView>, AppError> {
    let Some(row) = logistics_profile::Entity::find_by_id(organisation_id).one(db).await? else {
        return Ok(None);
    };
    Ok(Some(view(row, &gate_map(db, reference).await?)))
}

/// Active logistics providers with a profile, optionally covering `gate` and offering `service`;
/// verified ones first, then by name.
pub async fn partners(
    db: &impl ConnectionTrait,
    reference: Option<&crate::domain::reference::Reference>,
    gate: &str,
    service: &str,
) -> Result<Vec<LogisticsPartner>, AppError> {
    let rows = logistics_profile::Entity::find().all(db).await?;
    let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
        .filter(organisation::Column::Id.is_in(rows.iter().map(|r| r.organisation_id)))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let gates = gate_map(db, reference).await?;
    let has = |list: &str, code: &str| code.is_empty() || list.split(',').any(|x| x == code);
    let mut out: Vec<LogisticsPartner> = rows
        .into_iter()
        .filter(|r| has(&r.gate_ids, gate.trim()) && has(&r.services, service.trim()))
        .filter_map(|r| {
            orgs.get(&r.organisation_id).map(|o| LogisticsPartner {
                organisation: org_ref(o),
                profile: view(r, &gates),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.organisation
            .verified_on
            .is_some()
            .cmp(&a.organisation.verified_on.is_some())
            .then_with(|| a.organisation.name.cmp(&b.organisation.name))
    });
    Ok(out)
}
