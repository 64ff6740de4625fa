//! Matches that explain themselves (issue #12). For a listing, the counterparts a trader would
//! contact, each with a score out of 100 and the reasons behind it, so nobody has to trust a
//! black box:
//!
//! - **goods ↔ goods**: an offer meets the "wanted" listings of the same product (HS subheading
//!   best, then heading; a listing classified by chapter only meets its chapter), and a wanted
//!   listing meets the offers. Across the border scores more than at home, and so do a shared
//!   border gate, how much of the wanted quantity the offer covers, a verified counterpart and a
//!   language both organisations work in.
//! - **goods ↔ transport**: route offers in the direction the goods move (a Lao offer moves
//!   LA → VN; a Vietnamese "wanted" too), through a gate the goods use, with a date window that
//!   fits; and backhaul — a route in the *other* direction, whose trucks come back empty.
//! - **transport ↔ goods**: the same, seen from the route.
//! - **investor ↔ opportunity**: an organisation's stated investment interests (sectors,
//!   provinces, instruments, ticket range; its profile) against investment opportunities: the
//!   sector first (an investor who names sectors meets only those), then the province, a size
//!   that fits the ticket (a size entirely outside it is no match), a shared instrument, priority
//!   border-trade infrastructure flagged, a verified counterpart.
//!
//! Candidates are read with one indexed query (the listing's HS chapter and the opposite
//! direction) as narrow tuples; the reasons that need more (gates, languages, names) are read for
//! a short list only: every candidate that could still reach the top after the largest bonus
//! those reasons can add.
use super::actor::Actor;
use super::entities::{listing, listing_gate, organisation};
use super::listings::browse::{self, public_condition};
use super::policy::Action;
use super::reference::Reference;
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::model::{InvestmentMatches, InvestorMatchView, ListingView, MatchReason, MatchView, MatchesView, Names};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{HashMap, HashSet};

/// Points of each reason; together at most 100.
pub mod points {
    pub const SAME_SUBHEADING: u32 = 45;
    pub const SAME_HEADING: u32 = 35;
    pub const SAME_CHAPTER: u32 = 20;
    pub const ACROSS_THE_BORDER: u32 = 20;
    pub const SHARED_GATE: u32 = 10;
    /// Scaled by the share of the wanted quantity the offer covers.
    pub const QUANTITY: u32 = 10;
    pub const VERIFIED: u32 = 10;
    pub const SHARED_LANGUAGE: u32 = 5;
    /// Transport: the route runs the way the goods move (backhaul: the other way).
    pub const ROUTE_DIRECTION: u32 = 45;
    pub const ROUTE_BACKHAUL: u32 = 35;
    pub const ROUTE_GATE: u32 = 25;
    pub const ROUTE_WINDOW: u32 = 15;
    /// Investor ↔ opportunity.
    pub const INVEST_SECTOR: u32 = 40;
    pub const INVEST_PROVINCE: u32 = 20;
    pub const TICKET_FITS: u32 = 15;
    pub const INVEST_INSTRUMENT: u32 = 10;
    pub const PRIORITY_INFRA: u32 = 5;
}

/// Matches shown per list.
pub const LIMIT: usize = 10;
/// Route offers read for one listing (newest first): routes are few next to goods.
const ROUTE_CANDIDATES: u64 = 2000;
/// Goods read for one route (newest first, through its gates).
const GOODS_CANDIDATES: u64 = 2000;

/// One candidate as first read: only what the first-pass score needs.
#[derive(Clone, Debug)]
struct Candidate {
    id: i32,
    organisation_id: i32,
    country: String,
    hs_code: Option<String>,
    quantity: Option<f64>,
    unit: Option<String>,
    verified: bool,
}

type CandidateRow = (i32, i32, String, Option<String>, Option<f64>, Option<String>, bool);

fn candidate(row: CandidateRow) -> Candidate {
    let (id, organisation_id, country, hs_code, quantity, unit, verified) = row;
    Candidate {
        id,
        organisation_id,
        country,
        hs_code,
        quantity,
        unit,
        verified,
    }
}

fn candidate_columns<E: EntityTrait>(
    select: sea_orm::Select<E>,
) -> sea_orm::Selector<sea_orm::SelectGetableTuple<CandidateRow>> {
    select
        .select_only()
        .columns([
            listing::Column::Id,
            listing::Column::OrganisationId,
            listing::Column::Country,
            listing::Column::HsCode,
            listing::Column::Quantity,
            listing::Column::Unit,
            listing::Column::OrgVerified,
        ])
        .into_tuple::<CandidateRow>()
}

/// The way goods of a commodity listing cross the border: `la_to_vn` or `vn_to_la`.
pub fn goods_flow(country: &str, direction: Option<&str>) -> &'static str {
    let from_here = direction != Some("wanted");
    match (country, from_here) {
        ("LA", true) | ("VN", false) => "la_to_vn",
        _ => "vn_to_la",
    }
}

fn reverse(flow: &str) -> &'static str {
    if flow == "la_to_vn" {
        "vn_to_la"
    } else {
        "la_to_vn"
    }
}

/// How close two HS codes are: both six digits equal, four, or two; `None` beyond the chapter.
fn hs_reason(mine: &str, theirs: &str) -> Option<MatchReason> {
    let shared = mine.chars().zip(theirs.chars()).take_while(|(a, b)| a == b).count();
    let display = |code: &str| super::listings::hs::display(code);
    if shared >= 6 && mine.len() == 6 && theirs.len() == 6 {
        Some(MatchReason::SameSubheading {
            code: display(&mine[..6]),
        })
    } else if shared >= 4 && mine.len() >= 4 && theirs.len() >= 4 {
        Some(MatchReason::SameHeading {
            code: display(&mine[..4]),
        })
    } else if shared >= 2 {
        Some(MatchReason::SameChapter {
            code: mine[..2].to_owned(),
        })
    } else {
        None
    }
}

fn reason_points(reason: &MatchReason) -> u32 {
    match reason {
        MatchReason::SameSubheading { .. } => points::SAME_SUBHEADING,
        MatchReason::SameHeading { .. } => points::SAME_HEADING,
        MatchReason::SameChapter { .. } => points::SAME_CHAPTER,
        MatchReason::AcrossTheBorder { .. } => points::ACROSS_THE_BORDER,
        MatchReason::SharedGate { .. } => points::SHARED_GATE,
        MatchReason::QuantityCover { percent } => points::QUANTITY * (*percent).min(100) / 100,
        MatchReason::Verified => points::VERIFIED,
        MatchReason::SharedLanguage { .. } => points::SHARED_LANGUAGE,
        MatchReason::RouteDirection { .. } => points::ROUTE_DIRECTION,
        MatchReason::Backhaul { .. } => points::ROUTE_BACKHAUL,
        MatchReason::RouteGate { .. } => points::ROUTE_GATE,
        MatchReason::WindowFits => points::ROUTE_WINDOW,
        MatchReason::InvestSector { .. } => points::INVEST_SECTOR,
        MatchReason::InvestProvince { .. } => points::INVEST_PROVINCE,
        MatchReason::TicketFits => points::TICKET_FITS,
        MatchReason::InvestInstrument { .. } => points::INVEST_INSTRUMENT,
        MatchReason::PriorityInfra => points::PRIORITY_INFRA,
    }
}

/// The share of the wanted quantity the offered one covers, in percent, when both are in the
/// same unit.
fn quantity_cover(offer: Option<f64>, wanted: Option<f64>, same_unit: bool) -> Option<u32> {
    match (offer, wanted) {
        (Some(offer), Some(wanted)) if same_unit && offer > 0.0 && wanted > 0.0 => {
            Some(((offer.min(wanted) / wanted) * 100.0).round() as u32)
        }
        _ => None,
    }
}

/// The first-pass reasons of a goods candidate (those that need no further read).
fn goods_reasons(listing: &listing::Model, mine: &str, cand: &Candidate) -> Option<Vec<MatchReason>> {
    let theirs: String = cand.hs_code.as_deref()?.chars().filter(char::is_ascii_digit).collect();
    let hs = hs_reason(mine, &theirs)?;
    // Two listings classified by heading or subheading meet at their heading; one classified by
    // chapter only ("fertilisers of any kind") meets its whole chapter, from either side.
    if mine.len() >= 4 && theirs.len() >= 4 && matches!(hs, MatchReason::SameChapter { .. }) {
        return None;
    }
    let mut reasons = vec![hs];
    if cand.country != listing.country {
        reasons.push(MatchReason::AcrossTheBorder {
            from: if listing.direction.as_deref() == Some("wanted") {
                cand.country.clone()
            } else {
                listing.country.clone()
            },
            to: if listing.direction.as_deref() == Some("wanted") {
                listing.country.clone()
            } else {
                cand.country.clone()
            },
        });
    }
    let same_unit = listing.unit.is_some() && listing.unit == cand.unit;
    let cover = if listing.direction.as_deref() == Some("wanted") {
        quantity_cover(cand.quantity, listing.quantity, same_unit)
    } else {
        quantity_cover(listing.quantity, cand.quantity, same_unit)
    };
    if let Some(percent) = cover {
        reasons.push(MatchReason::QuantityCover { percent });
    }
    if cand.verified {
        reasons.push(MatchReason::Verified);
    }
    Some(reasons)
}

fn score(reasons: &[MatchReason]) -> u32 {
    reasons.iter().map(reason_points).sum::<u32>().min(100)
}

async fn gates_of(db: &impl ConnectionTrait, ids: &[i32]) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut gates: HashMap<i32, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(gates);
    }
    for row in listing_gate::Entity::find()
        .filter(listing_gate::Column::ListingId.is_in(ids.iter().copied()))
        .all(db)
        .await?
    {
        gates.entry(row.listing_id).or_default().push(row.gate_id);
    }
    Ok(gates)
}

async fn languages_of(db: &impl ConnectionTrait, orgs: &HashSet<i32>) -> Result<HashMap<i32, Vec<String>>, AppError> {
    if orgs.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(orgs.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| {
            let languages = o
                .languages
                .unwrap_or_default()
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect();
            (o.id, languages)
        })
        .collect())
}

/// Adds the shared gates and languages to a short list and sorts it, best first.
async fn finish(
    db: &impl ConnectionTrait,
    listing: &listing::Model,
    my_gates: &[String],
    gate_reason: fn(String) -> MatchReason,
    mut scored: Vec<(Candidate, Vec<MatchReason>)>,
    bonus_left: u32,
) -> Result<Vec<(i32, u32, Vec<MatchReason>)>, AppError> {
    scored.sort_by_key(|(c, reasons)| (std::cmp::Reverse(score(reasons)), c.id));
    // Only candidates that could still reach the top after the largest bonus left.
    if let Some((_, at_limit)) = scored.get(LIMIT - 1) {
        let floor = score(at_limit).saturating_sub(bonus_left);
        scored.retain(|(_, reasons)| score(reasons) >= floor);
    }
    let ids: Vec<i32> = scored.iter().map(|(c, _)| c.id).collect();
    let gates = gates_of(db, &ids).await?;
    let mut orgs: HashSet<i32> = scored.iter().map(|(c, _)| c.organisation_id).collect();
    orgs.insert(listing.organisation_id);
    let languages = languages_of(db, &orgs).await?;
    let mine = languages.get(&listing.organisation_id).cloned().unwrap_or_default();
    let mut done: Vec<(i32, u32, Vec<MatchReason>)> = scored
        .into_iter()
        .map(|(cand, mut reasons)| {
            if let Some(gate) = gates
                .get(&cand.id)
                .and_then(|theirs| my_gates.iter().find(|g| theirs.contains(g)))
            {
                reasons.push(gate_reason(gate.clone()));
            }
            if let Some(lang) = languages
                .get(&cand.organisation_id)
                .and_then(|theirs| mine.iter().find(|l| theirs.contains(l)))
            {
                reasons.push(MatchReason::SharedLanguage { lang: lang.clone() });
            }
            (cand.id, score(&reasons), reasons)
        })
        .collect();
    done.sort_by_key(|(id, score, _)| (std::cmp::Reverse(*score), *id));
    done.truncate(LIMIT);
    Ok(done)
}

/// Goods ↔ goods: the counterparts of a commodity listing, best first (id, score, reasons).
async fn goods_for_goods(
    db: &impl ConnectionTrait,
    listing: &listing::Model,
    my_gates: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<(i32, u32, Vec<MatchReason>)>, AppError> {
    let Some(mine) = listing
        .hs_code
        .as_deref()
        .map(|c| c.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|c| c.len() >= 2)
    else {
        return Ok(Vec::new());
    };
    let opposite = if listing.direction.as_deref() == Some("wanted") {
        "offer"
    } else {
        "wanted"
    };
    let rows = candidate_columns(
        listing::Entity::find()
            .filter(listing::Column::HsChapter.eq(&mine[..2]))
            .filter(listing::Column::Kind.eq("commodity"))
            .filter(listing::Column::Direction.eq(opposite))
            .filter(listing::Column::OrganisationId.ne(listing.organisation_id))
            .filter(public_condition(now)),
    )
    .all(db)
    .await?;
    let scored: Vec<(Candidate, Vec<MatchReason>)> = rows
        .into_iter()
        .map(candidate)
        .filter_map(|c| goods_reasons(listing, &mine, &c).map(|r| (c, r)))
        .collect();
    let bonus = if my_gates.is_empty() { 0 } else { points::SHARED_GATE } + points::SHARED_LANGUAGE;
    finish(
        db,
        listing,
        my_gates,
        |gate| MatchReason::SharedGate { gate },
        scored,
        bonus,
    )
    .await
}

/// Whether a date window (either end open) overlaps `[from, to]`.
fn window_overlaps(start: Option<NaiveDate>, end: Option<NaiveDate>, from: NaiveDate, to: NaiveDate) -> bool {
    start.is_none_or(|s| s <= to) && end.is_none_or(|e| e >= from)
}

/// Goods → transport: route offers for the way the goods move, and backhaul.
async fn routes_for_goods(
    db: &impl ConnectionTrait,
    listing: &listing::Model,
    my_gates: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<(i32, u32, Vec<MatchReason>)>, AppError> {
    let flow = goods_flow(&listing.country, listing.direction.as_deref());
    let routes = listing::Entity::find()
        .filter(listing::Column::Kind.eq("route"))
        .filter(listing::Column::Direction.is_in([flow, reverse(flow)]))
        .filter(listing::Column::OrganisationId.ne(listing.organisation_id))
        .filter(public_condition(now))
        .order_by_desc(listing::Column::PublishedAt)
        .limit(ROUTE_CANDIDATES)
        .all(db)
        .await?;
    let (from, to) = (now.date_naive(), listing.expires_at.date_naive());
    let scored: Vec<(Candidate, Vec<MatchReason>)> = routes
        .into_iter()
        .filter(|r| window_overlaps(r.window_start, r.window_end, from, to))
        .map(|r| {
            let direction = r.direction.clone().unwrap_or_default();
            let mut reasons = vec![if direction == flow {
                MatchReason::RouteDirection { direction }
            } else {
                MatchReason::Backhaul { direction }
            }];
            if r.window_start.is_some() || r.window_end.is_some() {
                reasons.push(MatchReason::WindowFits);
            }
            if r.org_verified {
                reasons.push(MatchReason::Verified);
            }
            let cand = Candidate {
                id: r.id,
                organisation_id: r.organisation_id,
                country: r.country,
                hs_code: None,
                quantity: r.capacity,
                unit: r.capacity_unit,
                verified: r.org_verified,
            };
            (cand, reasons)
        })
        .collect();
    let bonus = if my_gates.is_empty() { 0 } else { points::ROUTE_GATE } + points::SHARED_LANGUAGE;
    finish(
        db,
        listing,
        my_gates,
        |gate| MatchReason::RouteGate { gate },
        scored,
        bonus,
    )
    .await
}

/// Transport → goods: commodity listings moving the route's way (or the other way: backhaul)
/// through its gates.
async fn goods_for_route(
    db: &impl ConnectionTrait,
    route: &listing::Model,
    my_gates: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<(i32, u32, Vec<MatchReason>)>, AppError> {
    let Some(direction) = route.direction.clone().filter(|d| d == "la_to_vn" || d == "vn_to_la") else {
        return Ok(Vec::new());
    };
    let mut query = listing::Entity::find()
        .filter(listing::Column::Kind.eq("commodity"))
        .filter(listing::Column::OrganisationId.ne(route.organisation_id))
        .filter(public_condition(now));
    if !my_gates.is_empty() {
        query = query.filter(
            listing::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(listing_gate::Column::ListingId)
                    .from(listing_gate::Entity)
                    .and_where(listing_gate::Column::GateId.is_in(my_gates.iter().cloned()))
                    .to_owned(),
            ),
        );
    }
    let goods = query
        .order_by_desc(listing::Column::PublishedAt)
        .limit(GOODS_CANDIDATES)
        .all(db)
        .await?;
    let (from, to) = (route.window_start.unwrap_or(now.date_naive()), route.window_end);
    let scored: Vec<(Candidate, Vec<MatchReason>)> = goods
        .into_iter()
        .filter(|g| to.is_none_or(|to| g.expires_at.date_naive() >= from && from <= to))
        .map(|g| {
            let flow = goods_flow(&g.country, g.direction.as_deref());
            let mut reasons = vec![if flow == direction {
                MatchReason::RouteDirection {
                    direction: direction.clone(),
                }
            } else {
                MatchReason::Backhaul {
                    direction: direction.clone(),
                }
            }];
            if g.org_verified {
                reasons.push(MatchReason::Verified);
            }
            let cand = Candidate {
                id: g.id,
                organisation_id: g.organisation_id,
                country: g.country,
                hs_code: g.hs_code,
                quantity: g.quantity,
                unit: g.unit,
                verified: g.org_verified,
            };
            (cand, reasons)
        })
        .collect();
    let bonus = if my_gates.is_empty() { 0 } else { points::ROUTE_GATE } + points::SHARED_LANGUAGE;
    finish(
        db,
        route,
        my_gates,
        |gate| MatchReason::RouteGate { gate },
        scored,
        bonus,
    )
    .await
}

/// The matches of one listing, for whoever may see its private side (its organisation's members
/// and tokens): goods and transport, best first, each with its reasons.
pub async fn for_listing(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    actor: Actor<'_>,
    id: i32,
    lang: Lang,
) -> Result<MatchesView, AppError> {
    let listing = listing::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !actor
        .may(db, listing.organisation_id, Action::ViewPrivateListings)
        .await?
    {
        // Someone else's listing: its matches are its owner's business.
        return Err(AppError::NotFound);
    }
    compute(db, reference, &listing, lang, Utc::now()).await
}

/// Per listing of the actor's organisation (published, newest first, at most 20), its best
/// matches (three of each list): `/my/matches` and the weekly digest.
pub async fn for_organisation(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    actor: Actor<'_>,
    lang: Lang,
) -> Result<Vec<(ListingView, MatchesView)>, AppError> {
    let Some(org) = actor.organisation(db).await? else {
        return Ok(Vec::new());
    };
    if !actor.may(db, org.id, Action::ViewPrivateListings).await? {
        return Err(AppError::Forbidden);
    }
    of_organisation(db, reference, org.id, lang, Utc::now(), 3).await
}

/// The best `per_list` matches of each published listing of an organisation at `now`.
pub async fn of_organisation(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    organisation_id: i32,
    lang: Lang,
    now: DateTime<Utc>,
    per_list: usize,
) -> Result<Vec<(ListingView, MatchesView)>, AppError> {
    let own = listing::Entity::find()
        .filter(listing::Column::OrganisationId.eq(organisation_id))
        .filter(listing::Column::Kind.is_in(["commodity", "route", "opportunity"]))
        .filter(public_condition(now))
        .order_by_desc(listing::Column::PublishedAt)
        .limit(20)
        .all(db)
        .await?;
    let views = browse::views_with(db, reference, own.clone(), lang, &HashSet::new()).await?;
    let mut out = Vec::new();
    for (row, view) in own.iter().zip(views) {
        let mut matches = compute(db, reference, row, lang, now).await?;
        matches.goods.truncate(per_list);
        matches.transport.truncate(per_list);
        matches.investors.truncate(per_list);
        if !matches.goods.is_empty() || !matches.transport.is_empty() || !matches.investors.is_empty() {
            out.push((view, matches));
        }
    }
    Ok(out)
}

/// How often an editor gets the matches digest.
pub const DIGEST_EVERY_DAYS: i64 = 7;

/// The weekly digest: every owner and editor of an organisation with published listings that
/// have matches gets, at most once in `DIGEST_EVERY_DAYS`, the best three of each list in their
/// language. Safe to run often (the hourly worker does): a recipient mailed within the period is
/// skipped before anything is computed. Returns the mails queued.
pub async fn send_digests(
    db: &sea_orm::DatabaseConnection,
    origin_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let org_ids: Vec<i32> = listing::Entity::find()
        .select_only()
        .column(listing::Column::OrganisationId)
        .distinct()
        .filter(listing::Column::Kind.is_in(["commodity", "route", "opportunity"]))
        .filter(public_condition(now))
        .into_tuple()
        .all(db)
        .await?;
    let since = now - chrono::Duration::days(DIGEST_EVERY_DAYS);
    let link = format!("{origin_url}/my/matches");
    let mut queued = 0;
    for org_id in org_ids {
        let mut due = Vec::new();
        for recipient in super::introductions::answerers(db, org_id).await? {
            if !super::mail::sent_since(db, &recipient.email, "matches_digest", since).await? {
                due.push(recipient);
            }
        }
        if due.is_empty() {
            continue;
        }
        let Some(org) = organisation::Entity::find_by_id(org_id).one(db).await? else {
            continue;
        };
        let mut by_lang: HashMap<Lang, String> = HashMap::new();
        for recipient in due {
            let lang = Lang::parse(&recipient.preferred_lang).unwrap_or_default();
            if let std::collections::hash_map::Entry::Vacant(slot) = by_lang.entry(lang) {
                let all = of_organisation(db, None, org_id, lang, now, 3).await?;
                slot.insert(digest_summary(&all, lang));
            }
            let summary = &by_lang[&lang];
            if summary.is_empty() {
                continue;
            }
            let txn = super::db::begin_write(db).await?;
            super::mail::enqueue(
                &txn,
                &recipient.email,
                super::mail::Template::MatchesDigest {
                    organisation: &org.name,
                    summary,
                    link: &link,
                },
                lang,
            )
            .await?;
            txn.commit().await?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// One paragraph per listing: its title, then each match's title, score and reasons.
fn digest_summary(all: &[(ListingView, MatchesView)], lang: Lang) -> String {
    let title = |v: &ListingView| {
        let t = v.title.get(lang);
        if t.is_empty() {
            v.title.get(v.title.original_lang()).to_owned()
        } else {
            t.to_owned()
        }
    };
    let mut out = String::new();
    for (listing, matches) in all {
        out.push_str(&format!("{}\n", title(listing)));
        for m in matches.goods.iter().chain(&matches.transport) {
            let reasons: Vec<String> = m
                .reasons
                .iter()
                .map(|r| crate::match_reasons::reason_text(lang, r, Some(&m.listing)))
                .collect();
            out.push_str(&format!(
                "  - {} ({}): {}/100 — {}\n",
                title(&m.listing),
                m.listing.organisation.name,
                m.score,
                reasons.join(" · ")
            ));
        }
        for m in &matches.investors {
            let reasons: Vec<String> = m
                .reasons
                .iter()
                .map(|r| crate::match_reasons::reason_text(lang, r, None))
                .collect();
            out.push_str(&format!(
                "  - {}: {}/100 — {}\n",
                m.organisation.name,
                m.score,
                reasons.join(" · ")
            ));
        }
        out.push('\n');
    }
    out
}

/// The matches of `listing` at `now` (no permission check: callers check).
pub async fn compute(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    listing: &listing::Model,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<MatchesView, AppError> {
    let my_gates: Vec<String> = gates_of(db, &[listing.id])
        .await?
        .remove(&listing.id)
        .unwrap_or_default();
    let (goods, transport) = match listing.kind.as_str() {
        "commodity" => (
            goods_for_goods(db, listing, &my_gates, now).await?,
            routes_for_goods(db, listing, &my_gates, now).await?,
        ),
        "route" => (goods_for_route(db, listing, &my_gates, now).await?, Vec::new()),
        _ => (Vec::new(), Vec::new()),
    };
    let investors = if listing.kind == "opportunity" {
        investors_for_opportunity(db, reference, listing).await?
    } else {
        Vec::new()
    };
    Ok(MatchesView {
        listing_id: listing.id,
        goods: views(db, reference, goods, lang).await?,
        transport: views(db, reference, transport, lang).await?,
        investors,
    })
}

/// What an organisation invests in, read from its profile; `None` when it named neither a
/// sector nor a province (nothing to match on).
#[derive(Clone, Debug, Default)]
pub struct Interest {
    pub sectors: Vec<String>,
    pub provinces: Vec<String>,
    pub instruments: Vec<String>,
    pub ticket_min: Option<i64>,
    pub ticket_max: Option<i64>,
}

impl Interest {
    pub fn of(org: &organisation::Model) -> Option<Interest> {
        let interest = Interest {
            sectors: browse::split(&org.invest_sectors),
            provinces: browse::split(&org.invest_provinces),
            instruments: browse::split(&org.invest_instruments),
            ticket_min: org.invest_ticket_min_usd,
            ticket_max: org.invest_ticket_max_usd,
        };
        (!interest.sectors.is_empty() || !interest.provinces.is_empty()).then_some(interest)
    }
}

/// Whether two ranges with open ends meet: `Some(true)` when they overlap, `Some(false)` when
/// they are apart, `None` when either side gave no bound at all.
fn ranges_meet(a: (Option<i64>, Option<i64>), b: (Option<i64>, Option<i64>)) -> Option<bool> {
    if (a.0.is_none() && a.1.is_none()) || (b.0.is_none() && b.1.is_none()) {
        return None;
    }
    let (a_min, a_max) = (a.0.unwrap_or(0), a.1.unwrap_or(i64::MAX));
    let (b_min, b_max) = (b.0.unwrap_or(0), b.1.unwrap_or(i64::MAX));
    Some(a_min <= b_max && b_min <= a_max)
}

/// Why an opportunity meets an investor's interests; `None` when it does not.
pub fn investor_reasons(
    opportunity: &listing::Model,
    interest: &Interest,
    counterpart_verified: bool,
    reference: Option<&Reference>,
) -> Option<Vec<MatchReason>> {
    let sector = opportunity.sector.as_ref().filter(|s| interest.sectors.contains(s));
    let province = opportunity
        .province_id
        .as_ref()
        .filter(|p| interest.provinces.contains(p));
    // An investor who named sectors meets only those; one who named provinces only, any sector
    // there.
    if (!interest.sectors.is_empty() && sector.is_none()) || (sector.is_none() && province.is_none()) {
        return None;
    }
    let mut reasons = Vec::new();
    if let Some(sector) = sector {
        reasons.push(MatchReason::InvestSector { sector: sector.clone() });
    }
    if let Some(province) = province {
        let name = reference
            .and_then(|r| r.province(province))
            .map(|p| Names {
                vi: p.name_vi.clone(),
                lo: p.name_lo.clone().unwrap_or_default(),
                en: p.name_en.clone(),
            })
            .unwrap_or_default();
        reasons.push(MatchReason::InvestProvince {
            province: province.clone(),
            name,
        });
    }
    match ranges_meet(
        (opportunity.size_min_usd, opportunity.size_max_usd),
        (interest.ticket_min, interest.ticket_max),
    ) {
        Some(true) => reasons.push(MatchReason::TicketFits),
        // Entirely outside the ticket: not for this investor.
        Some(false) => return None,
        None => {}
    }
    if let Some(instrument) = browse::split(&opportunity.instruments)
        .into_iter()
        .find(|i| interest.instruments.contains(i))
    {
        reasons.push(MatchReason::InvestInstrument { instrument });
    }
    if opportunity.priority_infra {
        reasons.push(MatchReason::PriorityInfra);
    }
    if counterpart_verified {
        reasons.push(MatchReason::Verified);
    }
    Some(reasons)
}

/// Opportunity → investors: active organisations whose stated interests it meets, best first.
async fn investors_for_opportunity(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    opportunity: &listing::Model,
) -> Result<Vec<InvestorMatchView>, AppError> {
    let mut wanted = Condition::any();
    if let Some(sector) = &opportunity.sector {
        wanted = wanted.add(organisation::Column::InvestSectors.contains(sector.as_str()));
    }
    if let Some(province) = &opportunity.province_id {
        wanted = wanted.add(organisation::Column::InvestProvinces.contains(province.as_str()));
    }
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let orgs = organisation::Entity::find()
        .filter(wanted)
        .filter(organisation::Column::Status.eq("active"))
        .filter(organisation::Column::Id.ne(opportunity.organisation_id))
        .all(db)
        .await?;
    let mut scored: Vec<InvestorMatchView> = orgs
        .iter()
        .filter_map(|org| {
            let interest = Interest::of(org)?;
            let reasons = investor_reasons(opportunity, &interest, org.verified_at.is_some(), reference)?;
            Some(InvestorMatchView {
                organisation: browse::org_ref(org),
                score: score(&reasons),
                reasons,
            })
        })
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.organisation.slug.cmp(&b.organisation.slug))
    });
    scored.truncate(LIMIT);
    Ok(scored)
}

/// Opportunities read for one investor (newest first) before scoring.
const OPPORTUNITY_CANDIDATES: u64 = 2000;

/// Investor → opportunities: the published opportunities of other organisations that meet
/// `interest`, best first.
pub async fn opportunities_for(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    organisation_id: i32,
    interest: &Interest,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<MatchView>, AppError> {
    let mut wanted = Condition::any();
    if !interest.sectors.is_empty() {
        wanted = wanted.add(listing::Column::Sector.is_in(interest.sectors.iter().cloned()));
    } else if !interest.provinces.is_empty() {
        wanted = wanted.add(listing::Column::ProvinceId.is_in(interest.provinces.iter().cloned()));
    }
    let rows = listing::Entity::find()
        .filter(listing::Column::Kind.eq("opportunity"))
        .filter(wanted)
        .filter(listing::Column::OrganisationId.ne(organisation_id))
        .filter(public_condition(now))
        .order_by_desc(listing::Column::PublishedAt)
        .limit(OPPORTUNITY_CANDIDATES)
        .all(db)
        .await?;
    let mut scored: Vec<(i32, u32, Vec<MatchReason>)> = rows
        .iter()
        .filter_map(|row| {
            let reasons = investor_reasons(row, interest, row.org_verified, reference)?;
            Some((row.id, score(&reasons), reasons))
        })
        .collect();
    scored.sort_by_key(|(id, score, _)| (std::cmp::Reverse(*score), *id));
    scored.truncate(LIMIT);
    views(db, reference, scored, lang).await
}

/// `/my/matches` for an investor: the opportunities that meet the active organisation's
/// interests; `None` for an organisation that is no investor and stated no interests.
pub async fn opportunities_for_organisation(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    actor: Actor<'_>,
    lang: Lang,
) -> Result<Option<InvestmentMatches>, AppError> {
    let Some(org) = actor.organisation(db).await? else {
        return Ok(None);
    };
    if !actor.may(db, org.id, Action::ViewPrivateListings).await? {
        return Err(AppError::Forbidden);
    }
    match Interest::of(&org) {
        Some(interest) => Ok(Some(InvestmentMatches {
            interests_stated: true,
            edit_link: format!("/orgs/{}/edit", org.slug),
            matches: opportunities_for(db, reference, org.id, &interest, lang, Utc::now()).await?,
        })),
        None if org.kind == "investor" => Ok(Some(InvestmentMatches {
            interests_stated: false,
            edit_link: format!("/orgs/{}/edit", org.slug),
            matches: Vec::new(),
        })),
        None => Ok(None),
    }
}

/// The counterparts' listing views (one batch), in score order.
async fn views(
    db: &impl ConnectionTrait,
    reference: Option<&Reference>,
    scored: Vec<(i32, u32, Vec<MatchReason>)>,
    lang: Lang,
) -> Result<Vec<MatchView>, AppError> {
    if scored.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i32> = scored.iter().map(|(id, _, _)| *id).collect();
    let rows = listing::Entity::find()
        .filter(listing::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let mut by_id: HashMap<i32, ListingView> = browse::views_with(db, reference, rows, lang, &HashSet::new())
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    Ok(scored
        .into_iter()
        .filter_map(|(id, score, reasons)| {
            by_id.remove(&id).map(|listing| MatchView {
                listing,
                score,
                reasons,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {

    #[test]
    fn ticket_ranges_meet_with_open_ends_and_say_nothing_without_bounds() {
        assert_eq!(ranges_meet((Some(2), Some(5)), (Some(1), Some(3))), Some(true));
        assert_eq!(ranges_meet((Some(50), Some(80)), (Some(1), Some(3))), Some(false));
        assert_eq!(ranges_meet((Some(4), None), (None, Some(3))), Some(false));
        assert_eq!(ranges_meet((None, Some(4)), (Some(4), None)), Some(true));
        assert_eq!(ranges_meet((None, None), (Some(1), Some(3))), None);
        assert_eq!(ranges_meet((Some(1), None), (None, None)), None);
    }
    use super::*;

    #[test]
    fn the_hs_reason_is_the_longest_shared_level() {
        assert!(
            matches!(hs_reason("400122", "400122"), Some(MatchReason::SameSubheading { code }) if code == "4001.22")
        );
        assert!(matches!(hs_reason("400122", "400121"), Some(MatchReason::SameHeading { code }) if code == "40.01"));
        assert!(matches!(
            hs_reason("4001", "400129"),
            Some(MatchReason::SameHeading { .. })
        ));
        assert!(matches!(hs_reason("4001", "4005"), Some(MatchReason::SameChapter { code }) if code == "40"));
        assert!(hs_reason("4001", "7208").is_none());
    }

    #[test]
    fn goods_move_from_the_seller_to_the_buyer() {
        assert_eq!(goods_flow("LA", Some("offer")), "la_to_vn");
        assert_eq!(goods_flow("VN", Some("wanted")), "la_to_vn");
        assert_eq!(goods_flow("VN", Some("offer")), "vn_to_la");
        assert_eq!(goods_flow("LA", Some("wanted")), "vn_to_la");
    }

    #[test]
    fn the_score_adds_up_to_at_most_one_hundred() {
        let all = [
            MatchReason::SameSubheading { code: "4001.22".into() },
            MatchReason::AcrossTheBorder {
                from: "LA".into(),
                to: "VN".into(),
            },
            MatchReason::SharedGate { gate: "bo-y".into() },
            MatchReason::QuantityCover { percent: 100 },
            MatchReason::Verified,
            MatchReason::SharedLanguage { lang: "lo".into() },
        ];
        assert_eq!(score(&all), 100);
        assert_eq!(score(&[MatchReason::QuantityCover { percent: 80 }]), 8);
        // A heading at home, verified and covering everything, still ranks below the same
        // subheading across the border.
        let home = [
            MatchReason::SameHeading { code: "40.01".into() },
            MatchReason::QuantityCover { percent: 100 },
            MatchReason::Verified,
        ];
        let across = [
            MatchReason::SameSubheading { code: "4001.22".into() },
            MatchReason::AcrossTheBorder {
                from: "LA".into(),
                to: "VN".into(),
            },
        ];
        assert!(score(&across) > score(&home));
    }

    #[test]
    fn offers_cover_a_share_of_what_is_wanted_in_the_same_unit() {
        assert_eq!(quantity_cover(Some(200.0), Some(250.0), true), Some(80));
        assert_eq!(quantity_cover(Some(500.0), Some(250.0), true), Some(100));
        assert_eq!(quantity_cover(Some(500.0), Some(250.0), false), None);
        assert_eq!(quantity_cover(None, Some(250.0), true), None);
    }

    #[test]
    fn date_windows_overlap_with_open_ends() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(window_overlaps(None, None, d("2027-01-01"), d("2027-02-01")));
        assert!(window_overlaps(
            Some(d("2027-01-15")),
            None,
            d("2027-01-01"),
            d("2027-02-01")
        ));
        assert!(!window_overlaps(
            Some(d("2027-03-01")),
            None,
            d("2027-01-01"),
            d("2027-02-01")
        ));
        assert!(!window_overlaps(
            None,
            Some(d("2026-12-01")),
            d("2027-01-01"),
            d("2027-02-01")
        ));
    }
}
