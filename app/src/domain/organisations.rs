//! Organisations and their members: create, edit, invite by e-mail link, accept, change
//! roles, remove, switch the active organisation. Every permission comes from `policy`.
use super::accounts::{tokens, CurrentUser, Origin};
use super::entities::{invitation, membership, organisation, session, user};
use super::policy::{authorise, Action, OrgRole, Principal};
use super::reference::Reference;
use super::{audit, mail};
use crate::errors::AppError;
use crate::i18n::Lang;
use crate::i18n::Msg;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

pub const INVITATION_TTL_DAYS: i64 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgKind {
    Company,
    Investor,
    Logistics,
    Embassy,
    Government,
    Chamber,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Company,
        OrgKind::Investor,
        OrgKind::Logistics,
        OrgKind::Embassy,
        OrgKind::Government,
        OrgKind::Chamber,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Company => "company",
            OrgKind::Investor => "investor",
            OrgKind::Logistics => "logistics",
            OrgKind::Embassy => "embassy",
            OrgKind::Government => "government",
            OrgKind::Chamber => "chamber",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// What a create or edit form carries.
#[derive(Clone, Debug, Default)]
pub struct OrganisationInput {
    pub name: String,
    pub kind: String,
    pub country: String,
    pub registration_number: String,
    pub website: String,
    pub description_vi: String,
    pub description_lo: String,
    pub description_en: String,
    /// A border province of the organisation's country (optional).
    pub province_id: String,
    pub sectors: Vec<String>,
    pub languages: Vec<String>,
    /// Contacts, private to members and accepted counterparts (issue #12).
    pub contact_person: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub contact_messaging: String,
    /// Investment interests (public; issue #12): what an investor looks for.
    pub invest_sectors: Vec<String>,
    pub invest_provinces: Vec<String>,
    pub invest_instruments: Vec<String>,
    /// US dollars, as typed ("500000", "1,000,000", "2 000 000").
    pub invest_ticket_min: String,
    pub invest_ticket_max: String,
}

/// A validated investment interest, as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InvestmentInterest {
    pub sectors: Option<String>,
    pub provinces: Option<String>,
    pub instruments: Option<String>,
    pub ticket_min_usd: Option<i64>,
    pub ticket_max_usd: Option<i64>,
}

/// An amount of US dollars as people type it: digits with spaces, commas, dots or apostrophes
/// between groups; at most a trillion.
fn usd_amount(raw: &str, field: &'static str) -> Result<Option<i64>, AppError> {
    let raw = raw.trim().trim_start_matches('$').trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let allowed = raw.chars().all(|c| c.is_ascii_digit() || " ,.'\u{a0}".contains(c));
    match digits.parse::<i64>() {
        Ok(amount) if allowed && digits.len() <= 13 => Ok(Some(amount)),
        _ => Err(AppError::invalid(field, Msg::ErrAmountUsd)),
    }
}

/// Both results, or every field problem of either (so one answer names all the mistakes).
fn both<A, B>(a: Result<A, AppError>, b: Result<B, AppError>) -> Result<(A, B), AppError> {
    match (a, b) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        (a, b) => {
            let errors: Vec<AppError> = [a.err(), b.err()].into_iter().flatten().collect();
            if let Some(other) = errors.iter().find(|e| e.field_errors().is_empty()) {
                return Err(other.clone());
            }
            Err(AppError::InvalidFields(
                errors.iter().flat_map(AppError::field_errors).collect(),
            ))
        }
    }
}

/// Checks the investment interest fields (provinces against the reference data: current units
/// of either country).
async fn investment_interest(
    db: &impl ConnectionTrait,
    input: &OrganisationInput,
) -> Result<InvestmentInterest, AppError> {
    use super::entities::province;
    // Both amounts are checked before either is reported, so one answer names both mistakes.
    let (min, max) = match (
        usd_amount(&input.invest_ticket_min, "invest_ticket_min"),
        usd_amount(&input.invest_ticket_max, "invest_ticket_max"),
    ) {
        (Ok(min), Ok(max)) => (min, max),
        (min, max) => {
            let problems = [min.err(), max.err()]
                .into_iter()
                .flatten()
                .flat_map(|e| e.field_errors())
                .collect();
            return Err(AppError::InvalidFields(problems));
        }
    };
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            return Err(AppError::invalid("invest_ticket_max", Msg::ErrTicketRange));
        }
    }
    let wanted: Vec<String> = input
        .invest_provinces
        .iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let mut provinces: Vec<String> = Vec::new();
    if !wanted.is_empty() {
        let known: Vec<String> = province::Entity::find()
            .filter(province::Column::Id.is_in(wanted.clone()))
            .filter(province::Column::Period.eq(province::CURRENT))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        for id in wanted {
            if !known.contains(&id) {
                return Err(AppError::invalid("invest_provinces", Msg::ErrChooseOne));
            }
            if !provinces.contains(&id) {
                provinces.push(id);
            }
        }
    }
    Ok(InvestmentInterest {
        sectors: codes(&input.invest_sectors, &SECTORS, "invest_sectors")?,
        provinces: (!provinces.is_empty()).then(|| provinces.join(",")),
        instruments: codes(
            &input.invest_instruments,
            &crate::vocab::codes("instrument"),
            "invest_instruments",
        )?,
        ticket_min_usd: min,
        ticket_max_usd: max,
    })
}

/// Sectors an organisation works in (codes; the UI translates them).
pub const SECTORS: [&str; 8] = [
    "energy",
    "mining",
    "agriculture",
    "manufacturing",
    "logistics",
    "import_export",
    "infrastructure",
    "tourism",
];
/// Languages an organisation can work in.
pub const LANGUAGES: [&str; 5] = ["vi", "lo", "en", "th", "zh"];

struct Valid {
    province_id: Option<String>,
    sectors: Option<String>,
    languages: Option<String>,
    name: String,
    kind: OrgKind,
    country: String,
    registration_number: Option<String>,
    website: Option<String>,
    descriptions: [Option<String>; 3],
    contacts: [Option<String>; 4],
}

/// One line (a name, a number, an address): no control characters at all.
fn clean(value: &str, max_chars: usize, field: &'static str) -> Result<Option<String>, AppError> {
    super::text::line(value, max_chars).map_err(|problem| problem.into_error(field))
}

/// A description: newlines and tabs allowed.
fn clean_block(value: &str, max_chars: usize, field: &'static str) -> Result<Option<String>, AppError> {
    super::text::block(value, max_chars).map_err(|problem| problem.into_error(field))
}

fn validate(input: &OrganisationInput) -> Result<Valid, AppError> {
    let name = clean(&input.name, 120, "name")?.ok_or_else(|| AppError::invalid("name", Msg::ErrRequired))?;
    let kind = OrgKind::parse(&input.kind).ok_or_else(|| AppError::invalid("kind", Msg::ErrChooseOne))?;
    let country = match input.country.trim() {
        "VN" | "LA" => input.country.trim().to_owned(),
        _ => return Err(AppError::invalid("country", Msg::ErrChooseOne)),
    };
    let website = clean(&input.website, 200, "website")?;
    if let Some(site) = &website {
        if !(site.starts_with("https://") || site.starts_with("http://")) || site.contains(char::is_whitespace) {
            return Err(AppError::invalid("website", Msg::ErrWebsite));
        }
    }
    let descriptions = [
        clean_block(&input.description_vi, 4000, "description_vi")?,
        clean_block(&input.description_lo, 4000, "description_lo")?,
        clean_block(&input.description_en, 4000, "description_en")?,
    ];
    if descriptions.iter().all(Option::is_none) {
        return Err(AppError::invalid("description_en", Msg::ErrOneDescription));
    }
    let contact_email = clean(&input.contact_email, 200, "contact_email")?;
    if let Some(email) = &contact_email {
        super::accounts::normalise_email(email)
            .map_err(|_| AppError::invalid("contact_email", Msg::ErrEmailInvalid))?;
    }
    let contact_phone = clean(&input.contact_phone, 40, "contact_phone")?;
    if let Some(phone) = &contact_phone {
        // Checked by the one phone rule; kept as the organisation wrote it.
        super::accounts::normalise_phone(phone, "contact_phone")?;
    }
    let contacts = [
        clean(&input.contact_person, 120, "contact_person")?,
        contact_email,
        contact_phone,
        clean(&input.contact_messaging, 120, "contact_messaging")?,
    ];
    Ok(Valid {
        name,
        kind,
        country,
        registration_number: clean(&input.registration_number, 60, "registration_number")?,
        website,
        descriptions,
        province_id: None,
        sectors: codes(&input.sectors, &SECTORS, "sectors")?,
        languages: codes(&input.languages, &LANGUAGES, "languages")?,
        contacts,
    })
}

/// Known codes, de-duplicated and comma-joined; an unknown code is refused.
fn codes(values: &[String], known: &[&str], field: &'static str) -> Result<Option<String>, AppError> {
    let mut chosen: Vec<&str> = Vec::new();
    for value in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        let code = known
            .iter()
            .find(|k| **k == value)
            .ok_or_else(|| AppError::invalid(field, Msg::ErrChooseOne))?;
        if !chosen.contains(code) {
            chosen.push(code);
        }
    }
    Ok((!chosen.is_empty()).then(|| chosen.join(",")))
}

/// The province must be one of the country's (current) provinces in the reference data.
async fn check_province(db: &impl ConnectionTrait, valid: &mut Valid, raw: &str) -> Result<(), AppError> {
    use super::entities::province;
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(());
    }
    let found = province::Entity::find_by_id(raw.to_owned())
        .one(db)
        .await?
        .filter(|p| p.country == valid.country && p.period == province::CURRENT)
        .ok_or_else(|| AppError::invalid("province_id", Msg::ErrProvinceCountry))?;
    valid.province_id = Some(found.id);
    Ok(())
}

/// A URL slug from a name: Latin letters folded to ASCII, everything else dropped.
pub fn slugify(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::new();
    for c in romanise_lao(name).nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '–' || c == '_' || c == '.') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug
        .trim_matches('-')
        .chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned();
    if slug.is_empty() {
        "org".to_owned()
    } else {
        slug
    }
}

/// Lao script in Latin letters, after the Lao government's romanisation in its simplest form
/// (tone marks dropped, a vowel written before its consonant read after it), so that
/// "ບໍລິສັດ ຂົນສົ່ງ" gets the address `/orgs/bolisad-khonsong` rather than `/orgs/org`. Other text
/// passes through unchanged.
pub fn romanise_lao(text: &str) -> String {
    fn consonant(c: char) -> Option<&'static str> {
        Some(match c {
            'ກ' => "k",
            'ຂ' | 'ຄ' => "kh",
            'ງ' => "ng",
            'ຈ' => "ch",
            'ສ' => "s",
            'ຊ' => "x",
            'ຍ' => "gn",
            'ດ' => "d",
            'ຕ' => "t",
            'ຖ' | 'ທ' => "th",
            'ນ' | 'ໜ' => "n",
            'ບ' => "b",
            'ປ' => "p",
            'ຜ' | 'ພ' => "ph",
            'ຝ' | 'ຟ' => "f",
            'ມ' | 'ໝ' => "m",
            'ຢ' => "y",
            'ຣ' => "r",
            'ລ' | 'ຼ' => "l",
            'ວ' => "v",
            'ຫ' | 'ຮ' => "h",
            'ອ' => "o",
            _ => return None,
        })
    }
    fn vowel(c: char) -> Option<&'static str> {
        Some(match c {
            'ະ' | 'ັ' | 'າ' => "a",
            'ິ' | 'ີ' => "i",
            'ຶ' | 'ື' => "u",
            'ຸ' | 'ູ' => "ou",
            'ົ' | 'ໍ' => "o",
            'ຽ' => "ia",
            'ຳ' => "am",
            _ => return None,
        })
    }
    fn leading(c: char) -> Option<&'static str> {
        Some(match c {
            'ເ' => "e",
            'ແ' => "ae",
            'ໂ' => "o",
            'ໃ' | 'ໄ' => "ai",
            _ => return None,
        })
    }
    let tone = |c: char| ('\u{0EC8}'..='\u{0ECC}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut held: Option<&'static str> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if let Some(v) = leading(c) {
            held = Some(v);
        } else if let Some(latin) = consonant(c) {
            // ອ before a vowel only carries it.
            let silent = c == 'ອ' && next.is_some_and(|n| vowel(n).is_some());
            if !silent {
                out.push_str(latin);
            }
            // A leading vowel is read after its consonant (and a subscript ຼ after that); ເ◌ົາ is "ao".
            if next != Some('ຼ') {
                if let Some(v) = held.take() {
                    let mut j = i + 1;
                    while chars.get(j).copied().is_some_and(tone) {
                        j += 1;
                    }
                    if v == "e" && chars.get(j) == Some(&'ົ') {
                        let mut k = j + 1;
                        while chars.get(k).copied().is_some_and(tone) {
                            k += 1;
                        }
                        if chars.get(k) == Some(&'າ') {
                            out.push_str("ao");
                            i = k + 1;
                            continue;
                        }
                    }
                    out.push_str(v);
                }
            }
        } else if let Some(v) = vowel(c) {
            out.push_str(v);
        } else if ('\u{0ED0}'..='\u{0ED9}').contains(&c) {
            out.push(char::from(b'0' + (c as u32 - 0x0ED0) as u8));
        } else if tone(c) {
            // Tone marks are not written in Latin.
        } else {
            if let Some(v) = held.take() {
                out.push_str(v);
            }
            out.push(c);
        }
        i += 1;
    }
    if let Some(v) = held {
        out.push_str(v);
    }
    out
}

async fn free_slug(db: &impl ConnectionTrait, base: &str) -> Result<String, AppError> {
    for n in 1..1000 {
        let candidate = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        let taken = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(&candidate))
            .count(db)
            .await?
            > 0;
        if !taken {
            return Ok(candidate);
        }
    }
    Err(AppError::Conflict("no free slug".into()))
}

/// The user's role in an organisation.
pub async fn role_of(
    db: &impl ConnectionTrait,
    user_id: i32,
    organisation_id: i32,
) -> Result<Option<OrgRole>, AppError> {
    Ok(membership::Entity::find_by_id((organisation_id, user_id))
        .one(db)
        .await?
        .and_then(|m| OrgRole::parse(&m.role)))
}

/// The principal for an action about `organisation_id` (or about no organisation): the user
/// with their role there. The decision is `policy::authorise`'s.
pub async fn principal(
    db: &impl ConnectionTrait,
    user: Option<&CurrentUser>,
    organisation_id: Option<i32>,
) -> Result<Principal, AppError> {
    let role = match (user, organisation_id) {
        (Some(user), Some(id)) => role_of(db, user.user_id, id).await?,
        _ => None,
    };
    Ok(user.map_or(Principal::Anonymous, |user| user.principal(role)))
}

pub async fn find_by_slug(db: &impl ConnectionTrait, slug: &str) -> Result<organisation::Model, AppError> {
    organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Creates an organisation with the user as its owner, and makes it their active one.
pub async fn create(
    db: &DatabaseConnection,
    user: &CurrentUser,
    input: &OrganisationInput,
) -> Result<organisation::Model, AppError> {
    authorise(&principal(db, Some(user), None).await?, Action::CreateOrganisation)?;
    let (mut valid, invest) = both(validate(input), investment_interest(db, input).await)?;
    check_province(db, &mut valid, &input.province_id).await?;
    let txn = crate::domain::db::begin_write(db).await?;
    // Two organisations of the same name created at once would both find the same slug free
    // (on PostgreSQL; on SQLite the write transaction already excludes the other).
    crate::domain::db::serialise_on(&txn, crate::domain::db::LOCK_ORGANISATION_SLUG).await?;
    let slug = free_slug(&txn, &slugify(&valid.name)).await?;
    let [vi, lo, en] = valid.descriptions;
    let created = organisation::ActiveModel {
        slug: Set(slug),
        name: Set(valid.name),
        kind: Set(valid.kind.code().to_owned()),
        country: Set(valid.country),
        province_id: Set(valid.province_id),
        website: Set(valid.website),
        description_en: Set(en),
        description_vi: Set(vi),
        description_lo: Set(lo),
        created_at: Set(Utc::now()),
        status: Set(crate::statuses::OrgStatus::Active.code().to_owned()),
        registration_number: Set(valid.registration_number),
        sectors: Set(valid.sectors),
        languages: Set(valid.languages),
        verified_at: Set(None),
        logo_path: Set(None),
        contact_person: Set(valid.contacts[0].clone()),
        contact_email: Set(valid.contacts[1].clone()),
        contact_phone: Set(valid.contacts[2].clone()),
        contact_messaging: Set(valid.contacts[3].clone()),
        invest_sectors: Set(invest.sectors),
        invest_provinces: Set(invest.provinces),
        invest_instruments: Set(invest.instruments),
        invest_ticket_min_usd: Set(invest.ticket_min_usd),
        invest_ticket_max_usd: Set(invest.ticket_max_usd),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    membership::ActiveModel {
        organisation_id: Set(created.id),
        user_id: Set(user.user_id),
        role: Set(OrgRole::Owner.code().to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(&txn)
    .await?;
    set_active_in(&txn, &user.session_id, created.id).await?;
    super::search::outbox::organisation_and_its_listings_changed(&txn, created.id).await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "organisation.create",
        "organisation",
        &created.slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

pub async fn update(
    db: &DatabaseConnection,
    user: &CurrentUser,
    slug: &str,
    input: &OrganisationInput,
) -> Result<organisation::Model, AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(user), Some(org.id)).await?,
        Action::EditOrganisation,
    )?;
    let (mut valid, invest) = both(validate(input), investment_interest(db, input).await)?;
    check_province(db, &mut valid, &input.province_id).await?;
    // Verification vouches for what the organisation is and where: a verified organisation that
    // changes its kind, country or province is verified no longer (otherwise a verified company
    // could call itself a province's trade office and moderate its gates' boards).
    let unverify = org.verified_at.is_some()
        && (org.kind != valid.kind.code() || org.country != valid.country || org.province_id != valid.province_id);
    let [vi, lo, en] = valid.descriptions;
    let mut active: organisation::ActiveModel = org.into();
    if unverify {
        active.verified_at = Set(None);
    }
    active.invest_sectors = Set(invest.sectors);
    active.invest_provinces = Set(invest.provinces);
    active.invest_instruments = Set(invest.instruments);
    active.invest_ticket_min_usd = Set(invest.ticket_min_usd);
    active.invest_ticket_max_usd = Set(invest.ticket_max_usd);
    active.name = Set(valid.name);
    active.kind = Set(valid.kind.code().to_owned());
    active.country = Set(valid.country);
    active.website = Set(valid.website);
    active.registration_number = Set(valid.registration_number);
    active.province_id = Set(valid.province_id);
    active.sectors = Set(valid.sectors);
    active.languages = Set(valid.languages);
    active.description_vi = Set(vi);
    active.description_lo = Set(lo);
    active.description_en = Set(en);
    let [person, email, phone, messaging] = valid.contacts;
    active.contact_person = Set(person);
    active.contact_email = Set(email);
    active.contact_phone = Set(phone);
    active.contact_messaging = Set(messaging);
    let txn = crate::domain::db::begin_write(db).await?;
    let updated = active.update(&txn).await?;
    if unverify {
        super::listings::store::set_org_verified(&txn, updated.id, false).await?;
        audit::record(
            &txn,
            Some(user.user_id),
            "organisation.unverified_by_edit",
            "organisation",
            slug,
            None,
            "{}",
        )
        .await?;
    }
    // The organisation is searchable, and its name is part of its listings' search text.
    super::search::outbox::organisation_and_its_listings_changed(&txn, updated.id).await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "organisation.update",
        "organisation",
        slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// The organisations a user belongs to, with their role, by name.
pub async fn memberships_of(
    db: &impl ConnectionTrait,
    user_id: i32,
) -> Result<Vec<(organisation::Model, OrgRole)>, AppError> {
    let rows = membership::Entity::find()
        .filter(membership::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let orgs = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|m| m.organisation_id)))
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?;
    Ok(orgs
        .into_iter()
        .filter_map(|o| {
            let role = rows
                .iter()
                .find(|m| m.organisation_id == o.id)
                .and_then(|m| OrgRole::parse(&m.role))?;
            Some((o, role))
        })
        .collect())
}

/// Members of an organisation: (user, role), owners first.
pub async fn members(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    slug: &str,
) -> Result<(organisation::Model, Vec<(user::Model, OrgRole)>), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(&principal(db, Some(viewer), Some(org.id)).await?, Action::ViewMembers)?;
    let rows = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .all(db)
        .await?;
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(rows.iter().map(|m| m.user_id)))
        .all(db)
        .await?;
    let mut out: Vec<(user::Model, OrgRole)> = users
        .into_iter()
        .filter_map(|u| {
            let role = rows
                .iter()
                .find(|m| m.user_id == u.id)
                .and_then(|m| OrgRole::parse(&m.role))?;
            Some((u, role))
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.display_name.cmp(&b.0.display_name)));
    Ok((org, out))
}

/// Invites an address to join with a role; the link is e-mailed.
pub async fn invite(
    db: &DatabaseConnection,
    origin: &Origin,
    inviter: &CurrentUser,
    slug: &str,
    raw_email: &str,
    role: &str,
    lang: Lang,
) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(
        &principal(db, Some(inviter), Some(org.id)).await?,
        Action::ManageMembers,
    )?;
    let email = super::accounts::normalise_email(raw_email)?;
    let role = OrgRole::parse(role).ok_or_else(|| AppError::invalid("role", Msg::ErrChooseOne))?;
    if let Some(existing) = super::accounts::find_by_email(db, &email).await? {
        if role_of(db, existing.id, org.id).await?.is_some() {
            return Err(AppError::invalid("email", Msg::ErrAlreadyMember));
        }
    }
    let secret = tokens::random_secret();
    let now = Utc::now();
    let txn = crate::domain::db::begin_write(db).await?;
    invitation::ActiveModel {
        id: Set(tokens::digest(&secret)),
        organisation_id: Set(org.id),
        email: Set(email.clone()),
        role: Set(role.code().to_owned()),
        invited_by: Set(Some(inviter.user_id)),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(INVITATION_TTL_DAYS)),
        accepted_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let link = format!("{}/invitations/accept?token={secret}", origin.0);
    mail::enqueue(
        &txn,
        &email,
        mail::Template::Invitation {
            link: &link,
            organisation: &org.name,
            inviter: &inviter.display_name,
        },
        lang,
    )
    .await?;
    let details = format!("{{\"email\":{:?},\"role\":\"{}\"}}", email, role.code());
    audit::record(
        &txn,
        Some(inviter.user_id),
        "organisation.invite",
        "organisation",
        slug,
        None,
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The organisation an invitation token is for (for the acceptance page).
pub async fn invitation_organisation(db: &impl ConnectionTrait, secret: &str) -> Result<organisation::Model, AppError> {
    let found = valid_invitation(db, secret).await?;
    organisation::Entity::find_by_id(found.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn valid_invitation(db: &impl ConnectionTrait, secret: &str) -> Result<invitation::Model, AppError> {
    if secret.is_empty() || secret.len() > 128 {
        return Err(AppError::invalid("token", Msg::ErrTokenInvalid));
    }
    let found = invitation::Entity::find_by_id(tokens::digest(secret))
        .one(db)
        .await?
        .ok_or_else(|| AppError::invalid("token", Msg::ErrTokenInvalid))?;
    if found.accepted_at.is_some() {
        return Err(AppError::invalid("token", Msg::ErrTokenUsed));
    }
    if found.expires_at <= Utc::now() {
        return Err(AppError::invalid("token", Msg::ErrTokenExpired));
    }
    Ok(found)
}

/// Accepts an invitation: the signed-in user must be the invited address, confirmed.
pub async fn accept_invitation(
    db: &DatabaseConnection,
    user: &CurrentUser,
    secret: &str,
) -> Result<organisation::Model, AppError> {
    let found = valid_invitation(db, secret).await?;
    if found.email != user.email {
        return Err(AppError::invalid("token", Msg::ErrInvitationOtherAddress));
    }
    let role = OrgRole::parse(&found.role).unwrap_or(OrgRole::Viewer);
    let org = organisation::Entity::find_by_id(found.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = crate::domain::db::begin_write(db).await?;
    let mut spent: invitation::ActiveModel = found.into();
    spent.accepted_at = Set(Some(Utc::now()));
    spent.update(&txn).await?;
    if role_of(&txn, user.user_id, org.id).await?.is_none() {
        membership::ActiveModel {
            organisation_id: Set(org.id),
            user_id: Set(user.user_id),
            role: Set(role.code().to_owned()),
            created_at: Set(Utc::now()),
        }
        .insert(&txn)
        .await?;
    }
    // Accepting proves the address.
    if !user.email_confirmed {
        if let Some(account) = user::Entity::find_by_id(user.user_id).one(&txn).await? {
            let mut account: user::ActiveModel = account.into();
            account.email_confirmed_at = Set(Some(Utc::now()));
            account.update(&txn).await?;
        }
    }
    set_active_in(&txn, &user.session_id, org.id).await?;
    audit::record(
        &txn,
        Some(user.user_id),
        "organisation.join",
        "organisation",
        &org.slug,
        None,
        "{}",
    )
    .await?;
    txn.commit().await?;
    Ok(org)
}

/// Changes a member's role, or removes them (`role = None`). An organisation keeps at least one owner.
pub async fn set_member_role(
    db: &DatabaseConnection,
    actor: &CurrentUser,
    slug: &str,
    member_id: i32,
    role: Option<OrgRole>,
) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    authorise(&principal(db, Some(actor), Some(org.id)).await?, Action::ManageMembers)?;
    let current = membership::Entity::find_by_id((org.id, member_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let txn = crate::domain::db::begin_write(db).await?;
    if current.role == OrgRole::Owner.code() && role != Some(OrgRole::Owner) {
        let owners = membership::Entity::find()
            .filter(membership::Column::OrganisationId.eq(org.id))
            .filter(membership::Column::Role.eq(OrgRole::Owner.code()))
            .count(&txn)
            .await?;
        if owners <= 1 {
            return Err(AppError::invalid("role", Msg::ErrLastOwner));
        }
    }
    match role {
        Some(role) => {
            let mut active: membership::ActiveModel = current.into();
            active.role = Set(role.code().to_owned());
            active.update(&txn).await?;
        }
        None => {
            membership::Entity::delete_by_id((org.id, member_id)).exec(&txn).await?;
        }
    }
    let details = format!(
        "{{\"member\":{member_id},\"role\":\"{}\"}}",
        role.map(OrgRole::code).unwrap_or("removed")
    );
    audit::record(
        &txn,
        Some(actor.user_id),
        "organisation.role_change",
        "organisation",
        slug,
        None,
        &details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn set_active_in(db: &impl ConnectionTrait, session_id: &str, organisation_id: i32) -> Result<(), AppError> {
    if let Some(found) = session::Entity::find_by_id(session_id.to_owned()).one(db).await? {
        let mut active: session::ActiveModel = found.into();
        active.active_organisation_id = Set(Some(organisation_id));
        active.update(db).await?;
    }
    Ok(())
}

/// Makes one of the user's organisations the active one for this session.
pub async fn switch_active(db: &DatabaseConnection, user: &CurrentUser, slug: &str) -> Result<(), AppError> {
    let org = find_by_slug(db, slug).await?;
    if role_of(db, user.user_id, org.id).await?.is_none() {
        return Err(AppError::Forbidden);
    }
    set_active_in(db, &user.session_id, org.id).await
}

/// The session's active organisation, if it still belongs to the user.
pub async fn active_of(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Option<organisation::Model>, AppError> {
    let Some(found) = session::Entity::find_by_id(user.session_id.clone()).one(db).await? else {
        return Ok(None);
    };
    let Some(id) = found.active_organisation_id else {
        return Ok(None);
    };
    if role_of(db, user.user_id, id).await?.is_none() {
        return Ok(None);
    }
    Ok(organisation::Entity::find_by_id(id).one(db).await?)
}

/// An organisation's public profile: hidden or suspended ones only for members and moderators.
pub async fn profile(
    db: &impl ConnectionTrait,
    viewer: Option<&CurrentUser>,
    slug: &str,
) -> Result<organisation::Model, AppError> {
    let org = find_by_slug(db, slug).await?;
    if !crate::statuses::OrgStatus::Active.is(&org.status) {
        let who = principal(db, viewer, Some(org.id)).await?;
        if !super::policy::allowed(&who, Action::ViewHiddenOrganisation) {
            return Err(AppError::NotFound);
        }
    }
    Ok(org)
}

/// An organisation's investment interests as pages show them; `None` when it stated none.
pub fn investment_view(org: &organisation::Model, reference: &Reference) -> Option<crate::model::InvestmentView> {
    let view = crate::model::InvestmentView {
        sectors: super::listings::browse::split(&org.invest_sectors),
        provinces: super::listings::browse::split(&org.invest_provinces)
            .into_iter()
            .map(|id| {
                let names = reference
                    .province(&id)
                    .map(|p| crate::model::Names {
                        vi: p.name_vi.clone(),
                        lo: p.name_lo.clone().unwrap_or_default(),
                        en: p.name_en.clone(),
                    })
                    .unwrap_or_default();
                (id, names)
            })
            .collect(),
        instruments: super::listings::browse::split(&org.invest_instruments),
        ticket_min_usd: org.invest_ticket_min_usd,
        ticket_max_usd: org.invest_ticket_max_usd,
    };
    let stated = !view.sectors.is_empty()
        || !view.provinces.is_empty()
        || !view.instruments.is_empty()
        || view.ticket_min_usd.is_some()
        || view.ticket_max_usd.is_some();
    stated.then_some(view)
}

#[cfg(test)]
mod slug_tests {
    use super::slugify;

    #[test]
    fn lao_names_get_readable_addresses() {
        assert_eq!(slugify("ບໍລິສັດ ຂົນສົ່ງ"), "bolisad-khonsong");
        assert_eq!(slugify("ອັດຕະປື ຢາງພາລາ"), "adtapu-yangphala");
        assert_eq!(slugify("ເຂົ້າໜຽວ ໄຊຍະບູລີ"), "khaoniav-xaignabouli");
        assert_eq!(slugify("Hung-Aloun ໂລຈິສຕິກ"), "hung-aloun-lochistik");
    }

    #[test]
    fn vietnamese_names_lose_their_marks() {
        assert_eq!(
            slugify("Sông Mê Kông Logistics – Lao Bảo"),
            "song-me-kong-logistics-lao-bao"
        );
        assert_eq!(slugify("Đường Mía"), "duong-mia");
        assert_eq!(slugify("!!!"), "org");
    }
}
