//! Reads: browse with filters and a cursor, one listing with its visibility rules, an
//! organisation's own listings, and the choices the forms and filters offer.
use super::{effective_status, hs, Kind, Status};
use crate::domain::accounts::CurrentUser;
use crate::domain::api_tokens::{ApiClient, Scope};
use crate::domain::entities::{border_gate, economic_zone, listing, listing_gate, membership, organisation, province};
use crate::domain::policy::{Action, OrgRole};
use crate::domain::reference::{Reference, Wanted};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::i18n::Msg;
use crate::model::{
    HsRef, ListingChoices, ListingFilters, ListingPage, ListingView, Names, OrgRef, PlaceRef, ProvinceOption,
};
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// Listings per browse page.
pub const PAGE_SIZE: u64 = 20;

/// The title in `lang`, or else in the language it was written in, with the language used.
pub fn title_in(row: &listing::Model, lang: Lang) -> (String, Lang) {
    let pick = |l: Lang| match l {
        Lang::Vi => row.title_vi.clone(),
        Lang::Lo => row.title_lo.clone(),
        Lang::En => row.title_en.clone(),
    };
    if let Some(title) = pick(lang) {
        return (title, lang);
    }
    let original = Lang::parse(&row.original_lang).unwrap_or(Lang::En);
    [original, Lang::En, Lang::Vi, Lang::Lo]
        .into_iter()
        .find_map(|l| pick(l).map(|t| (t, l)))
        .unwrap_or_default()
}

fn names(vi: &Option<String>, lo: &Option<String>, en: &Option<String>) -> Names {
    Names {
        vi: vi.clone().unwrap_or_default(),
        lo: lo.clone().unwrap_or_default(),
        en: en.clone().unwrap_or_default(),
    }
}

/// A stored comma-joined code list (sectors, instruments, languages …) as its codes.
pub(crate) fn split(codes: &Option<String>) -> Vec<String> {
    codes
        .as_deref()
        .map(|c| c.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Timestamps are kept to the microsecond, which both databases store exactly.
pub fn now_micros() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// `published_at` (µs since the epoch) and id of the last row of a page.
pub fn encode_cursor(published_at: DateTime<Utc>, id: i32) -> String {
    format!("{}.{id}", published_at.timestamp_micros())
}

pub fn decode_cursor(cursor: &str) -> Option<(DateTime<Utc>, i32)> {
    let (micros, id) = cursor.split_once('.')?;
    let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?;
    Some((at, id.parse().ok()?))
}

pub fn gate_names(g: &border_gate::Model) -> Names {
    let la = |n: &str| format!("{} – {n}", g.vn_name);
    Names {
        vi: la(&g.la_name_vi),
        lo: la(g.la_name_lo.as_deref().unwrap_or(&g.la_name_vi)),
        en: format!(
            "{} – {}",
            g.vn_name_ascii,
            g.la_name_en.as_deref().unwrap_or(&g.la_name_vi)
        ),
    }
}

pub fn zone_names(z: &economic_zone::Model) -> Names {
    Names {
        vi: z.name_vi.clone().unwrap_or_else(|| z.name_en.clone()),
        lo: z.name_lo.clone().unwrap_or_else(|| z.name_en.clone()),
        en: z.name_en.clone(),
    }
}

pub fn province_names(p: &province::Model) -> Names {
    Names {
        vi: p.name_vi.clone(),
        lo: p.name_lo.clone().unwrap_or_else(|| p.name_en.clone()),
        en: p.name_en.clone(),
    }
}

pub fn org_ref(o: &organisation::Model) -> OrgRef {
    OrgRef {
        slug: o.slug.clone(),
        name: o.name.clone(),
        kind: o.kind.clone(),
        country: o.country.clone(),
        verified_on: o.verified_at.map(|d| d.date_naive().to_string()),
    }
}

/// Listings as readers see them (`editable` holds the organisations the viewer may edit for),
/// reading the reference names they need from the database.
pub async fn views(
    db: &impl ConnectionTrait,
    rows: Vec<listing::Model>,
    lang: Lang,
    editable: &HashSet<i32>,
) -> Result<Vec<ListingView>, AppError> {
    views_with(db, None, rows, lang, editable).await
}

/// [`views`] with the reference names from memory when `reference` is given (pages pass the
/// process's [`ReferenceCache`](crate::domain::reference::ReferenceCache)): two queries, run
/// together, instead of seven in sequence.
pub async fn views_with(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    rows: Vec<listing::Model>,
    lang: Lang,
    editable: &HashSet<i32>,
) -> Result<Vec<ListingView>, AppError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let org_ids: HashSet<i32> = rows.iter().map(|r| r.organisation_id).collect();
    let (gate_rows, org_rows) = tokio::try_join!(
        listing_gate::Entity::find()
            .filter(listing_gate::Column::ListingId.is_in(ids))
            .order_by_asc(listing_gate::Column::Position)
            .all(db),
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(org_ids))
            .all(db),
    )?;
    let mut gates_of: HashMap<i32, Vec<String>> = HashMap::new();
    for g in gate_rows {
        gates_of.entry(g.listing_id).or_default().push(g.gate_id);
    }
    let orgs: HashMap<i32, organisation::Model> = org_rows.into_iter().map(|o| (o.id, o)).collect();
    let subset;
    let refs = match reference {
        Some(reference) => reference,
        None => {
            let wanted = Wanted {
                provinces: rows
                    .iter()
                    .flat_map(|r| [r.province_id.clone(), r.destination_province_id.clone()])
                    .flatten()
                    .collect(),
                gates: gates_of.values().flatten().cloned().collect(),
                zones: rows.iter().filter_map(|r| r.economic_zone_id.clone()).collect(),
                chapters: rows.iter().filter_map(|r| r.hs_chapter.clone()).collect(),
                hs_codes: rows.iter().filter_map(|r| r.hs_code.clone()).collect(),
            };
            subset = Reference::subset(db, wanted).await?;
            &subset
        }
    };
    let province_name = |id: &str| refs.province(id).map(province_names);
    let gate_name = |id: &str| refs.gate(id).map(gate_names);
    let zone_name = |id: &str| refs.zone(id).map(zone_names);
    let now = Utc::now();
    let place = |name: &dyn Fn(&str) -> Option<Names>, id: &Option<String>| {
        id.as_ref().map(|id| PlaceRef {
            id: id.clone(),
            name: name(id).unwrap_or_else(|| Names {
                en: id.clone(),
                ..Default::default()
            }),
        })
    };
    Ok(rows
        .into_iter()
        .map(|r| {
            let chapter_title = r.hs_chapter.as_ref().and_then(|c| refs.chapter(c)).map(|c| match lang {
                Lang::Vi => c.title_vi.clone(),
                _ => c.title_en.clone(),
            });
            let hs = r.hs_code.as_ref().map(|code| {
                let (description, description_lang) = if code.len() == 2 {
                    (chapter_title.clone(), if lang == Lang::Vi { "vi" } else { "en" })
                } else {
                    match refs.hs_code(code) {
                        Some(h) => match (&h.description_vi, lang) {
                            (Some(vi), Lang::Vi) => (Some(vi.clone()), "vi"),
                            _ => (Some(h.description_en.clone()), "en"),
                        },
                        None => (None, "en"),
                    }
                };
                HsRef {
                    code: code.clone(),
                    display: hs::display(code),
                    description,
                    description_lang: description_lang.to_owned(),
                    chapter_title: chapter_title.clone(),
                }
            });
            let gates = gates_of
                .get(&r.id)
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| place(&gate_name, &Some(id.clone())))
                        .collect()
                })
                .unwrap_or_default();
            ListingView {
                id: r.id,
                kind: r.kind.clone(),
                status: effective_status(&r.status, r.expires_at, now),
                title: names(&r.title_vi, &r.title_lo, &r.title_en),
                description: names(&r.description_vi, &r.description_lo, &r.description_en),
                original_lang: r.original_lang.clone(),
                organisation: orgs.get(&r.organisation_id).map(org_ref).unwrap_or_default(),
                country: r.country.clone(),
                province: place(&province_name, &r.province_id),
                destination_province: place(&province_name, &r.destination_province_id),
                gates,
                sector: r.sector.clone(),
                direction: r.direction.clone(),
                hs,
                quantity: r.quantity,
                unit: r.unit.clone(),
                frequency: r.frequency.clone(),
                price: r.price,
                currency: r.currency.clone(),
                incoterm: r.incoterm.clone(),
                certifications: split(&r.certifications),
                economic_zone: place(&zone_name, &r.economic_zone_id),
                size_min_usd: r.size_min_usd,
                size_max_usd: r.size_max_usd,
                stage: r.stage.clone(),
                instruments: split(&r.instruments),
                incentives: r.incentives.clone(),
                land_status: r.land_status.clone(),
                // A contact is private (issue #12): only the organisation's editors see it here;
                // accepted counterparts get it through `get_with`.
                contact: r.contact.clone().filter(|_| editable.contains(&r.organisation_id)),
                priority_infra: r.priority_infra,
                infra_type: r.infra_type.clone(),
                origin_place: r.origin_place.clone(),
                destination_place: r.destination_place.clone(),
                window_start: r.window_start.map(|d| d.to_string()),
                window_end: r.window_end.map(|d| d.to_string()),
                capacity: r.capacity,
                capacity_unit: r.capacity_unit.clone(),
                equipment: split(&r.equipment),
                expires_on: r.expires_at.date_naive().to_string(),
                published_on: r.published_at.map(|d| d.date_naive().to_string()),
                updated_at: r.updated_at.to_rfc3339(),
                can_edit: editable.contains(&r.organisation_id),
                cover: r.cover_photo.as_deref().map(super::photos::url),
                photos: Vec::new(),
            }
        })
        .collect())
}

/// Public listings: published, not expired, of an active organisation.
pub fn public_condition(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(listing::Column::Status.eq(Status::Published.code()))
        .add(listing::Column::ExpiresAt.gt(now))
        .add(
            listing::Column::OrganisationId.in_subquery(
                Query::select()
                    .column(organisation::Column::Id)
                    .from(organisation::Entity)
                    .and_where(Expr::col(organisation::Column::Status).eq(crate::statuses::OrgStatus::Active))
                    .to_owned(),
            ),
        )
}

/// The listings among `rows` that are public at `now` ([`public_condition`] checked on rows
/// already read). Reading rows by primary key and checking them here keeps SQLite on the primary
/// key: with `id IN (…) AND public_condition` it walked the `(status, …)` index over every public
/// listing instead (measured by bench-search: 109 ms against 0.4 ms for 20 rows at 200k).
pub async fn public_only(
    db: &impl ConnectionTrait,
    rows: Vec<listing::Model>,
    now: DateTime<Utc>,
) -> Result<Vec<listing::Model>, AppError> {
    let rows: Vec<listing::Model> = rows
        .into_iter()
        .filter(|r| r.status == Status::Published.code() && r.expires_at > now)
        .collect();
    let org_ids: HashSet<i32> = rows.iter().map(|r| r.organisation_id).collect();
    if org_ids.is_empty() {
        return Ok(rows);
    }
    let active: HashSet<i32> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    Ok(rows
        .into_iter()
        .filter(|r| active.contains(&r.organisation_id))
        .collect())
}

/// The public listings with these ids (read by primary key).
pub async fn public_by_ids(
    db: &impl ConnectionTrait,
    ids: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<listing::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = listing::Entity::find()
        .filter(listing::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    public_only(db, rows, now).await
}

/// The SQL condition of the filters (without the cursor). Unknown values simply match nothing.
pub fn filter_condition(filters: &ListingFilters, now: DateTime<Utc>) -> Result<Condition, AppError> {
    let mut cond = public_condition(now);
    if !filters.kind.is_empty() {
        let kind = Kind::parse(&filters.kind).ok_or_else(|| AppError::invalid("kind", Msg::ErrChooseOne))?;
        cond = cond.add(listing::Column::Kind.eq(kind.code()));
    }
    let eq = |cond: Condition, col: listing::Column, value: &str| {
        if value.trim().is_empty() {
            cond
        } else {
            cond.add(col.eq(value.trim()))
        }
    };
    cond = eq(cond, listing::Column::Country, &filters.country);
    cond = eq(cond, listing::Column::ProvinceId, &filters.province);
    cond = eq(cond, listing::Column::Sector, &filters.sector);
    cond = eq(cond, listing::Column::HsChapter, &filters.hs_chapter);
    cond = eq(cond, listing::Column::Direction, &filters.direction);
    if filters.priority {
        cond = cond.add(listing::Column::PriorityInfra.eq(true));
    }
    if !filters.gate.trim().is_empty() {
        cond = cond.add(
            listing::Column::Id.in_subquery(
                Query::select()
                    .column(listing_gate::Column::ListingId)
                    .from(listing_gate::Entity)
                    .and_where(Expr::col(listing_gate::Column::GateId).eq(filters.gate.trim()))
                    .to_owned(),
            ),
        );
    }
    if filters.verified {
        cond = cond.add(listing::Column::OrgVerified.eq(true));
    }
    if !filters.organisation.is_empty() {
        let mut orgs = Query::select();
        orgs.column(organisation::Column::Id)
            .from(organisation::Entity)
            .and_where(Expr::col(organisation::Column::Slug).eq(filters.organisation.trim()));
        // `= (one id)`, not `IN (…)`: with an equality the planner reads the organisation's
        // listings in browse order from `idx_listings_organisation_order` (migration 12)
        // instead of sorting all of them (an organisation with 200k listings: every request
        // took over 2 s on PostgreSQL).
        use sea_orm::sea_query::QueryStatementBuilder;
        let one = Expr::SubQuery(None, Box::new(orgs.to_owned().into_sub_query_statement()));
        cond = cond.add(Expr::col(listing::Column::OrganisationId).eq(one));
    }
    Ok(cond)
}

/// The organisations whose listings the viewer may edit.
pub async fn editable_orgs(db: &impl ConnectionTrait, viewer: Option<&CurrentUser>) -> Result<HashSet<i32>, AppError> {
    let Some(user) = viewer.filter(|u| u.email_confirmed) else {
        return Ok(HashSet::new());
    };
    Ok(membership::Entity::find()
        .filter(membership::Column::UserId.eq(user.user_id))
        .filter(membership::Column::Role.is_in([OrgRole::Owner.code(), OrgRole::Editor.code()]))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.organisation_id)
        .collect())
}

/// One page of public listings, newest first.
pub async fn browse(
    db: &impl ConnectionTrait,
    filters: &ListingFilters,
    viewer: Option<&CurrentUser>,
    lang: Lang,
    limit: u64,
) -> Result<ListingPage, AppError> {
    browse_with(db, None, filters, viewer, lang, limit).await
}

/// [`browse`], with the reference names from memory when given.
pub async fn browse_with(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    filters: &ListingFilters,
    viewer: Option<&CurrentUser>,
    lang: Lang,
    limit: u64,
) -> Result<ListingPage, AppError> {
    let now = Utc::now();
    let mut cond = filter_condition(filters, now)?;
    if !filters.cursor.is_empty() {
        let (at, id) = decode_cursor(&filters.cursor).ok_or_else(|| AppError::invalid("cursor", Msg::ErrCursor))?;
        cond = cond.add(
            Condition::any().add(listing::Column::PublishedAt.lt(at)).add(
                Condition::all()
                    .add(listing::Column::PublishedAt.eq(at))
                    .add(listing::Column::Id.lt(id)),
            ),
        );
    }
    let limit = limit.clamp(1, 100);
    // The page and the viewer's organisations do not depend on each other.
    let (mut rows, editable) = tokio::try_join!(
        async {
            listing::Entity::find()
                .filter(cond)
                .order_by_desc(listing::Column::PublishedAt)
                .order_by_desc(listing::Column::Id)
                .limit(limit + 1)
                .all(db)
                .await
                .map_err(AppError::from)
        },
        editable_orgs(db, viewer),
    )?;
    let next_cursor = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last()
            .and_then(|r| r.published_at.map(|at| encode_cursor(at, r.id)))
    } else {
        None
    };
    Ok(ListingPage {
        items: views_with(db, reference, rows, lang, &editable).await?,
        next_cursor,
    })
}

/// Whether the viewer may see the organisation's listings that are not public (drafts, held,
/// expired, archived, removed): `Action::ViewPrivateListings`.
pub(crate) async fn sees_private(
    db: &impl ConnectionTrait,
    viewer: Option<&CurrentUser>,
    organisation_id: i32,
) -> Result<bool, AppError> {
    if viewer.is_none() {
        return Ok(false);
    }
    let principal = crate::domain::organisations::principal(db, viewer, Some(organisation_id)).await?;
    Ok(crate::domain::policy::allowed(&principal, Action::ViewPrivateListings))
}

/// A listing with its organisation, and whether the public may see it.
async fn load(db: &impl ConnectionTrait, id: i32) -> Result<(listing::Model, bool), AppError> {
    let row = listing::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let org = organisation::Entity::find_by_id(row.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let public = row.status == Status::Published.code()
        && row.expires_at > Utc::now()
        && crate::statuses::OrgStatus::Active.is(&org.status);
    Ok((row, public))
}

/// One listing, if the viewer may see it (otherwise `NotFound`, so nothing leaks).
pub async fn get(
    db: &impl ConnectionTrait,
    id: i32,
    viewer: Option<&CurrentUser>,
    lang: Lang,
) -> Result<ListingView, AppError> {
    get_with(db, None, id, viewer, lang).await
}

/// [`get`], with the reference names from memory when given.
pub async fn get_with(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    id: i32,
    viewer: Option<&CurrentUser>,
    lang: Lang,
) -> Result<ListingView, AppError> {
    let ((row, public), editable) = tokio::try_join!(load(db, id), editable_orgs(db, viewer))?;
    if !public && !sees_private(db, viewer, row.organisation_id).await? {
        return Err(AppError::NotFound);
    }
    let owner = row.organisation_id;
    let contact = row.contact.clone();
    let mut view = views_with(db, reference, vec![row], lang, &editable)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    view.photos = super::photos::of_listing(db, id).await?;
    if view.contact.is_none()
        && contact.is_some()
        && crate::domain::contacts::contacts_visible(db, viewer, owner).await?
    {
        view.contact = contact;
    }
    Ok(view)
}

/// One listing for an API client: public listings, and every listing of the token's own
/// organisation (otherwise `NotFound`). A write token may edit its organisation's listings.
pub async fn get_for_client(
    db: &impl ConnectionTrait,
    id: i32,
    client: Option<&ApiClient>,
    lang: Lang,
) -> Result<ListingView, AppError> {
    let (row, public) = load(db, id).await?;
    let own = client.filter(|c| c.organisation_id == row.organisation_id);
    if !public && own.is_none() {
        return Err(AppError::NotFound);
    }
    let editable: HashSet<i32> = own
        .filter(|c| c.scope == Scope::Write)
        .map(|c| c.organisation_id)
        .into_iter()
        .collect();
    let mut view = views(db, vec![row], lang, &editable)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    view.photos = super::photos::of_listing(db, id).await?;
    Ok(view)
}

/// Active organisations by slug, after the slug `after` (a cursor), at most `limit`
/// (1–500); with the slug to continue after when there are more.
pub async fn organisations(
    db: &impl ConnectionTrait,
    after: &str,
    limit: u64,
) -> Result<(Vec<OrgRef>, Option<String>), AppError> {
    let limit = limit.clamp(1, 500);
    let mut query = organisation::Entity::find()
        .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
        .order_by_asc(organisation::Column::Slug)
        .limit(limit + 1);
    if !after.is_empty() {
        query = query.filter(organisation::Column::Slug.gt(after));
    }
    let mut rows = query.all(db).await?;
    let next = if rows.len() as u64 > limit {
        rows.truncate(limit as usize);
        rows.last().map(|o| o.slug.clone())
    } else {
        None
    };
    Ok((rows.iter().map(org_ref).collect(), next))
}

/// One active organisation as the public sees it (`NotFound` when unknown or not active).
pub async fn organisation(db: &impl ConnectionTrait, slug: &str) -> Result<OrgRef, AppError> {
    let org = crate::domain::organisations::find_by_slug(db, slug).await?;
    if !crate::statuses::OrgStatus::Active.is(&org.status) {
        return Err(AppError::NotFound);
    }
    Ok(org_ref(&org))
}

/// Every listing of an organisation (all statuses), for its members.
pub async fn of_organisation(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
    organisation_slug: &str,
    lang: Lang,
) -> Result<Vec<ListingView>, AppError> {
    let org = crate::domain::organisations::find_by_slug(db, organisation_slug).await?;
    if !sees_private(db, Some(user), org.id).await? {
        return Err(AppError::Forbidden);
    }
    let rows = listing::Entity::find()
        .filter(listing::Column::OrganisationId.eq(org.id))
        .order_by_desc(listing::Column::UpdatedAt)
        .order_by_desc(listing::Column::Id)
        .limit(500)
        .all(db)
        .await?;
    let editable = editable_orgs(db, Some(user)).await?;
    views(db, rows, lang, &editable).await
}

/// What the forms and filters offer: reference data from memory, and the viewer's organisations.
pub async fn choices(
    db: &impl ConnectionTrait,
    reference: &Reference,
    viewer: Option<&CurrentUser>,
    lang: Lang,
) -> Result<ListingChoices, AppError> {
    let option = |p: &province::Model| ProvinceOption {
        id: p.id.clone(),
        name: province_names(p),
    };
    let current = || reference.provinces().iter().filter(|p| p.period == province::CURRENT);
    let gates = reference
        .gates()
        .iter()
        .map(|g| PlaceRef {
            id: g.id.clone(),
            name: gate_names(g),
        })
        .collect();
    let zones = reference
        .zones()
        .iter()
        .map(|z| PlaceRef {
            id: z.id.clone(),
            name: zone_names(z),
        })
        .collect();
    let chapters = reference
        .chapters()
        .iter()
        .filter(|c| !c.reserved)
        .map(|c| {
            let title = if lang == Lang::Vi { &c.title_vi } else { &c.title_en };
            (c.chapter.clone(), title.clone())
        })
        .collect();
    let editable = editable_orgs(db, viewer).await?;
    let my_organisations = if editable.is_empty() {
        Vec::new()
    } else {
        organisation::Entity::find()
            .filter(organisation::Column::Id.is_in(editable))
            .filter(organisation::Column::Status.eq(crate::statuses::OrgStatus::Active))
            .order_by_asc(organisation::Column::Name)
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.slug, o.name))
            .collect()
    };
    Ok(ListingChoices {
        provinces_vn: current().filter(|p| p.country == "VN").map(option).collect(),
        provinces_la: current().filter(|p| p.country == "LA").map(option).collect(),
        gates,
        zones,
        chapters,
        my_organisations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let at: DateTime<Utc> = "2026-11-25T10:00:00.123456Z".parse().unwrap();
        let cursor = encode_cursor(at, 42);
        assert_eq!(decode_cursor(&cursor), Some((at, 42)));
        assert_eq!(decode_cursor("nonsense"), None);
        assert_eq!(decode_cursor("12.x"), None);
        assert_eq!(decode_cursor(""), None);
    }
}
