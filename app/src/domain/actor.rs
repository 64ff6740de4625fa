//! Who acts on behalf of an organisation: a signed-in member (its role decides, through the
//! policy) or an API token of the organisation (its scope decides: a read token reads, a write
//! token also acts). Listings and introductions take an `Actor`, so the pages, the forms and the
//! API go through the same domain code.
use super::accounts::CurrentUser;
use super::api_tokens::{ApiClient, Scope};
use super::entities::organisation;
use super::organisations::{active_of, role_of};
use super::policy::{allowed, Action};
use crate::errors::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};

#[derive(Clone, Copy, Debug)]
pub enum Actor<'a> {
    User(&'a CurrentUser),
    Token(&'a ApiClient),
}

impl Actor<'_> {
    /// The person acting, when it is one (tokens act for their organisation).
    pub fn user_id(&self) -> Option<i32> {
        match self {
            Actor::User(u) => Some(u.user_id),
            Actor::Token(_) => None,
        }
    }

    /// `web` or `api`: where a change came from.
    pub fn origin(&self) -> &'static str {
        match self {
            Actor::User(_) => "web",
            Actor::Token(_) => "api",
        }
    }

    /// The organisation it acts for when none is named: the session's active one, or the
    /// token's.
    pub async fn organisation(&self, db: &impl ConnectionTrait) -> Result<Option<organisation::Model>, AppError> {
        match self {
            Actor::User(user) => active_of(db, user).await,
            Actor::Token(client) => Ok(organisation::Entity::find_by_id(client.organisation_id).one(db).await?),
        }
    }

    /// Whether it belongs to `organisation_id` at all (a member of any role, or its token).
    pub async fn belongs_to(&self, db: &impl ConnectionTrait, organisation_id: i32) -> Result<bool, AppError> {
        match self {
            Actor::User(user) => Ok(role_of(db, user.user_id, organisation_id).await?.is_some()),
            Actor::Token(client) => Ok(client.organisation_id == organisation_id),
        }
    }

    /// Whether it may do `action` for `organisation_id`. A token may do what a member of its
    /// organisation reads (`ReadIntroductions`, `ViewPrivateListings`) with any scope, and what an
    /// editor does only with the write scope; never the platform's or an owner's actions.
    pub async fn may(&self, db: &impl ConnectionTrait, organisation_id: i32, action: Action) -> Result<bool, AppError> {
        match self {
            Actor::User(user) => {
                let role = role_of(db, user.user_id, organisation_id).await?;
                Ok(allowed(&user.principal(role), action))
            }
            Actor::Token(client) => Ok(client.organisation_id == organisation_id
                && match action {
                    Action::ReadIntroductions | Action::ViewPrivateListings => true,
                    Action::EditListings | Action::RequestIntroduction | Action::AnswerIntroduction => {
                        client.scope == Scope::Write
                    }
                    _ => false,
                }),
        }
    }

    /// `Ok` when it may; otherwise `Forbidden`.
    pub async fn authorise(
        &self,
        db: &impl ConnectionTrait,
        organisation_id: i32,
        action: Action,
    ) -> Result<(), AppError> {
        if self.may(db, organisation_id, action).await? {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}
