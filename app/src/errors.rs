//! One error type for everything a user can be told. Infrastructure errors become
//! `Internal` with a reference id; the detail goes to the log, never to the user.
use crate::i18n::Msg;
use http::StatusCode;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("unauthorised")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// A field is wrong; `message` says how, in the reader's language when shown.
    #[error("invalid {field}: {message:?}")]
    Invalid { field: String, message: Msg },
    /// Several fields are wrong at once: (field, message) each.
    #[error("invalid fields: {0:?}")]
    InvalidFields(Vec<(String, Msg)>),
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("rate limited, retry after {retry_after_secs}s")]
    RateLimited { retry_after_secs: u64 },
    #[error("internal error (reference {reference})")]
    Internal { reference: String },
}

/// The field name of an error about the request as a whole (its arguments did not decode).
pub const REQUEST_FIELD: &str = "request";

impl AppError {
    /// The HTTP status of this error as a server function's answer: like `status`, except that
    /// arguments that did not decode are a bad request (400), not a validation error.
    pub fn server_fn_status(&self) -> StatusCode {
        match self {
            AppError::Invalid { field, .. } if field == REQUEST_FIELD => StatusCode::BAD_REQUEST,
            other => other.status(),
        }
    }

    pub fn invalid(field: impl Into<String>, message: Msg) -> Self {
        AppError::Invalid {
            field: field.into(),
            message,
        }
    }

    /// Every (field, message) pair of a validation error.
    pub fn field_errors(&self) -> Vec<(String, Msg)> {
        match self {
            AppError::Invalid { field, message } => vec![(field.clone(), *message)],
            AppError::InvalidFields(problems) => problems.clone(),
            _ => Vec::new(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid { .. } | AppError::InvalidFields(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs an infrastructure error and returns the `Internal` error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let reference = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
        tracing::error!(%reference, error = %detail, "internal error");
        AppError::Internal { reference }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(err)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The arguments did not decode: the caller's mistake (400), told in the reader's
            // language by the server (`server::middleware::server_fn_errors`); serde's text,
            // which names our types, stays in the log.
            ServerFnErrorErr::Args(detail) | ServerFnErrorErr::Deserialization(detail) => {
                #[cfg(feature = "ssr")]
                tracing::info!(%detail, "server function arguments refused");
                #[cfg(not(feature = "ssr"))]
                let _ = detail;
                AppError::invalid(REQUEST_FIELD, Msg::ErrBadRequest)
            }
            // Transport failures on the client and unexpected failures on the server: the user
            // gets a reference, the detail is not passed on.
            other => {
                #[cfg(feature = "ssr")]
                {
                    AppError::internal(other)
                }
                #[cfg(not(feature = "ssr"))]
                {
                    let _ = other;
                    AppError::Internal {
                        reference: "network".into(),
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_maps_to_its_status() {
        assert_eq!(AppError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            AppError::invalid("hs_code", Msg::ErrHsCode).status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            AppError::RateLimited { retry_after_secs: 3 }.status(),
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            AppError::Internal { reference: "x".into() }.status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn messages_travel_as_their_key_and_an_unknown_key_does_not_decode() {
        let error = AppError::InvalidFields(vec![("hs_code".into(), Msg::ErrHsCode)]);
        let json = serde_json::to_string(&error).unwrap();
        assert_eq!(json, r#"{"InvalidFields":[["hs_code","ErrHsCode"]]}"#);
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), error);
        let misspelt = r#"{"Invalid":{"field":"hs_code","message":"ErrHsCod"}}"#;
        assert!(serde_json::from_str::<AppError>(misspelt).is_err());
        // What a client that knows nothing of the extra sentence decodes.
        let with_text = r#"{"Invalid":{"field":"request","message":"ErrBadRequest","text":"…"}}"#;
        assert_eq!(
            serde_json::from_str::<AppError>(with_text).unwrap(),
            AppError::invalid(REQUEST_FIELD, Msg::ErrBadRequest)
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn database_errors_do_not_reveal_their_detail() {
        let err: AppError = sea_orm::DbErr::Custom("SELECT secret FROM users at /srv/corridor.db".into()).into();
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("SELECT"), "{shown}");
        assert!(!shown.contains("/srv"), "{shown}");
        assert!(matches!(err, AppError::Internal { .. }));
    }
}
