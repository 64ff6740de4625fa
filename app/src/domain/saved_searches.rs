//! Saved searches and alerts (issue #12). A signed-in user saves any search (the words and the
//! filters, as the search page's query string) with a name, and chooses how often it mails what
//! is new: at once, daily, weekly, or not at all. Each alert lists the listings published since
//! the last one (the search's `watermark`), newest first, in the user's language, with a link to
//! the search and a one-click unsubscribe link that needs no sign-in (a secret per search).
//! Every search URL also has an Atom feed (`/search.atom?…`, `server::feeds`).
use super::accounts::tokens::random_secret;
use super::accounts::CurrentUser;
use super::entities::{listing, saved_search, user};
use super::mail::{self, Template};
use super::reference::Reference;
use super::search::SearchIndex;
use crate::errors::AppError;
use crate::i18n::{Lang, Msg};
use crate::model::{SavedSearchView, SearchParams};
use crate::statuses::AlertFrequency;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;

/// Saved searches one user may keep.
pub const MAX_PER_USER: u64 = 50;
/// Listings one alert lists at most.
const ALERT_ITEMS: u64 = 20;

/// The search of a query string, as the search page reads it.
pub fn params_of(query: &str) -> SearchParams {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    SearchParams::from_query(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
}

/// A query string in one spelling: the words and filters only (no cursor, sort or page size).
pub fn canonical_query(query: &str) -> String {
    let mut params = params_of(query);
    params.sort.clear();
    params.query_with("", "")
}

fn view(row: saved_search::Model) -> SavedSearchView {
    SavedSearchView {
        id: row.id,
        frequency: AlertFrequency::parse(&row.frequency).unwrap_or(AlertFrequency::Off),
        name: row.name,
        query: row.query,
        created_on: row.created_at.date_naive().to_string(),
        last_sent_on: row.last_sent_at.map(|d| d.date_naive().to_string()),
    }
}

/// Saves a search for the user.
pub async fn save(
    db: &DatabaseConnection,
    user: &CurrentUser,
    name: &str,
    query: &str,
    frequency: &str,
) -> Result<saved_search::Model, AppError> {
    let mut problems = Vec::new();
    let name = super::text::field_line(name, "name", 80, true)
        .map_err(|e| problems.extend(e.field_errors()))
        .ok();
    let frequency = AlertFrequency::parse(frequency);
    if frequency.is_none() {
        problems.push(("frequency".to_owned(), Msg::ErrChooseOne));
    }
    let query = canonical_query(query);
    if query.is_empty() {
        problems.push(("name".to_owned(), Msg::SavedSearchEmpty));
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidFields(problems));
    }
    let kept = saved_search::Entity::find()
        .filter(saved_search::Column::UserId.eq(user.user_id))
        .count(db)
        .await?;
    if kept >= MAX_PER_USER {
        return Err(AppError::invalid("name", Msg::SavedSearchTooMany));
    }
    let now = Utc::now();
    let txn = super::db::begin_write(db).await?;
    let saved = saved_search::ActiveModel {
        user_id: Set(user.user_id),
        name: Set(name.unwrap_or_default()),
        query: Set(query),
        frequency: Set(frequency.unwrap_or(AlertFrequency::Off).code().to_owned()),
        watermark: Set(now),
        last_sent_at: Set(None),
        unsubscribe_token: Set(random_secret()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// The user's saved searches, newest first.
pub async fn list(db: &impl ConnectionTrait, user: &CurrentUser) -> Result<Vec<SavedSearchView>, AppError> {
    Ok(saved_search::Entity::find()
        .filter(saved_search::Column::UserId.eq(user.user_id))
        .order_by_desc(saved_search::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// One of the user's saved searches (another user's is not found).
async fn own(db: &impl ConnectionTrait, user: &CurrentUser, id: i32) -> Result<saved_search::Model, AppError> {
    saved_search::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|s| s.user_id == user.user_id)
        .ok_or(AppError::NotFound)
}

pub async fn set_frequency(
    db: &DatabaseConnection,
    user: &CurrentUser,
    id: i32,
    frequency: &str,
) -> Result<(), AppError> {
    let frequency =
        AlertFrequency::parse(frequency).ok_or_else(|| AppError::invalid("frequency", Msg::ErrChooseOne))?;
    let row = own(db, user, id).await?;
    let mut active: saved_search::ActiveModel = row.into();
    active.frequency = Set(frequency.code().to_owned());
    let txn = super::db::begin_write(db).await?;
    active.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn delete(db: &DatabaseConnection, user: &CurrentUser, id: i32) -> Result<(), AppError> {
    let row = own(db, user, id).await?;
    let txn = super::db::begin_write(db).await?;
    saved_search::Entity::delete_by_id(row.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The saved search of an unsubscribe link (the secret is the only key).
pub async fn by_token(db: &impl ConnectionTrait, token: &str) -> Result<saved_search::Model, AppError> {
    if token.len() < 20 {
        return Err(AppError::NotFound);
    }
    saved_search::Entity::find()
        .filter(saved_search::Column::UnsubscribeToken.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Stops the alerts of the link's search (the search itself is kept).
pub async fn unsubscribe(db: &DatabaseConnection, token: &str) -> Result<saved_search::Model, AppError> {
    let row = by_token(db, token).await?;
    let mut active: saved_search::ActiveModel = row.into();
    active.frequency = Set(AlertFrequency::Off.code().to_owned());
    let txn = super::db::begin_write(db).await?;
    let row = active.update(&txn).await?;
    txn.commit().await?;
    Ok(row)
}

/// Whether a search with this frequency, last mailed then, may mail at `now`.
pub fn due(frequency: AlertFrequency, last_sent: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    let every = match frequency {
        AlertFrequency::Off => return false,
        AlertFrequency::Immediate => return true,
        AlertFrequency::Daily => Duration::days(1),
        AlertFrequency::Weekly => Duration::days(7),
    };
    last_sent.is_none_or(|last| last + every <= now)
}

/// Mails every due saved search the listings published since its watermark (at most
/// `ALERT_ITEMS`), and moves the watermark on. Returns the mails queued. Searches run on the
/// index like the search page's; a search with nothing new sends nothing.
pub async fn send_alerts(
    db: &DatabaseConnection,
    index: Option<&SearchIndex>,
    reference: Option<&Reference>,
    origin_url: &str,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let searches = saved_search::Entity::find()
        .filter(saved_search::Column::Frequency.ne(AlertFrequency::Off))
        .all(db)
        .await?;
    let mut users: HashMap<i32, Option<user::Model>> = HashMap::new();
    let mut queued = 0;
    for search in searches {
        let frequency = AlertFrequency::parse(&search.frequency).unwrap_or(AlertFrequency::Off);
        if !due(frequency, search.last_sent_at, now) {
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(slot) = users.entry(search.user_id) {
            slot.insert(user::Entity::find_by_id(search.user_id).one(db).await?);
        }
        let Some(owner) = users[&search.user_id].clone() else {
            continue;
        };
        let lang = Lang::parse(&owner.preferred_lang).unwrap_or_default();
        let mut params = params_of(&search.query);
        params.sort = "newest".into();
        params.limit = ALERT_ITEMS;
        let results = super::search::query::search_with(db, reference, index, &params, lang).await?;
        let ids: Vec<i32> = results
            .hits
            .iter()
            .filter_map(|h| h.listing.as_ref().map(|l| l.id))
            .collect();
        if ids.is_empty() {
            continue;
        }
        let published: HashMap<i32, DateTime<Utc>> = listing::Entity::find()
            .filter(listing::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|l| l.published_at.map(|p| (l.id, p)))
            .collect();
        let fresh: Vec<_> = results
            .hits
            .iter()
            .filter(|h| {
                h.listing
                    .as_ref()
                    .and_then(|l| published.get(&l.id))
                    .is_some_and(|p| *p > search.watermark)
            })
            .collect();
        if fresh.is_empty() {
            continue;
        }
        let newest = fresh
            .iter()
            .filter_map(|h| h.listing.as_ref().and_then(|l| published.get(&l.id)))
            .max()
            .copied()
            .unwrap_or(now);
        let summary: String = fresh
            .iter()
            .map(|h| format!("- {}\n  {origin_url}{}\n", h.title, h.url))
            .collect();
        let link = format!("{origin_url}/search?{}", search.query);
        let unsubscribe = format!("{origin_url}/alerts/unsubscribe?token={}", search.unsubscribe_token);
        let txn = super::db::begin_write(db).await?;
        mail::enqueue(
            &txn,
            &owner.email,
            Template::SearchAlert {
                name: &search.name,
                count: fresh.len(),
                summary: &summary,
                link: &link,
                unsubscribe: &unsubscribe,
            },
            lang,
        )
        .await?;
        let mut active: saved_search::ActiveModel = search.into();
        active.watermark = Set(newest);
        active.last_sent_at = Set(Some(now));
        active.update(&txn).await?;
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_kept_in_one_spelling() {
        assert_eq!(
            canonical_query("q=cao+su&kind=commodity&cursor=abc&sort=newest"),
            "q=cao%20su&kind=commodity"
        );
        assert_eq!(
            canonical_query("kind=commodity&q=cao%20su"),
            "q=cao%20su&kind=commodity"
        );
        assert_eq!(canonical_query(""), "");
    }

    #[test]
    fn alerts_wait_for_their_period() {
        let now = Utc::now();
        assert!(due(AlertFrequency::Immediate, Some(now), now));
        assert!(!due(AlertFrequency::Off, None, now));
        assert!(due(AlertFrequency::Daily, None, now));
        assert!(!due(AlertFrequency::Daily, Some(now - Duration::hours(23)), now));
        assert!(due(AlertFrequency::Daily, Some(now - Duration::hours(24)), now));
        assert!(!due(AlertFrequency::Weekly, Some(now - Duration::days(6)), now));
    }
}
