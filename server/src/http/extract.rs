//! Request plumbing shared by every form handler: the submitted form (URL-encoded or
//! multipart) and the signed-in user. Handlers take these as extractors, so none of them reads
//! a body or checks a session by hand.
use app::cookies::reader_lang;
use app::domain::accounts::{sessions, CurrentUser};
use app::i18n::Lang;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};

/// Form bodies are small; anything bigger is refused before parsing.
const FORM_LIMIT_BYTES: usize = 64 * 1024;
/// Fields that are never echoed back into a page.
const SECRET_FIELDS: &[&str] = &["password", "current_password", "token"];
pub struct Submission {
    pub(crate) parts: Parts,
    pub(crate) fields: Vec<(String, String)>,
    /// Uploaded files of a multipart form: (field name, bytes).
    pub(crate) files: Vec<(String, Vec<u8>)>,
}
impl Submission {
    /// Reads a URL-encoded or multipart form.
    pub(crate) async fn read(request: Request) -> Result<Submission, Response> {
        let is_multipart = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if is_multipart {
            return Self::read_multipart(request).await;
        }
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, FORM_LIMIT_BYTES)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        Ok(Submission {
            parts,
            fields,
            files: Vec::new(),
        })
    }

    async fn read_multipart(request: Request) -> Result<Submission, Response> {
        use axum::extract::FromRequest;
        let (parts, body) = request.into_parts();
        let mut multipart = axum::extract::Multipart::from_request(Request::from_parts(parts.clone(), body), &())
            .await
            .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let mut submission = Submission {
            parts,
            fields: Vec::new(),
            files: Vec::new(),
        };
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?
        {
            let name = field.name().unwrap_or_default().to_owned();
            if field.file_name().is_some() {
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
                submission.files.push((name, bytes.to_vec()));
            } else {
                let text = field
                    .text()
                    .await
                    .map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
                submission.fields.push((name, text));
            }
        }
        Ok(submission)
    }

    pub(crate) fn file(&self, name: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_slice())
            .filter(|v| !v.is_empty())
    }

    pub(crate) fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub(crate) fn get_all(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub(crate) fn lang(&self) -> Lang {
        let chosen = Lang::parse(&self.get("lang"));
        chosen.unwrap_or_else(|| reader_lang(&self.parts.headers, self.parts.uri.query()))
    }

    pub(crate) fn client(&self) -> sessions::Client {
        self.parts
            .extensions
            .get::<sessions::Client>()
            .cloned()
            .unwrap_or_default()
    }

    pub(crate) fn user(&self) -> Option<CurrentUser> {
        self.parts.extensions.get::<CurrentUser>().cloned()
    }

    /// What was typed, minus secrets, plus the hidden token when the page needs it again.
    pub(crate) fn echo(&self) -> Vec<(String, String)> {
        self.fields
            .iter()
            .filter(|(k, _)| !SECRET_FIELDS.contains(&k.as_str()))
            .cloned()
            .collect()
    }
}

impl<S: Send + Sync> FromRequest<S> for Submission {
    type Rejection = Response;

    async fn from_request(request: Request, _state: &S) -> Result<Self, Self::Rejection> {
        Submission::read(request).await
    }
}

/// The signed-in user of a form post. Anyone else is sent to sign in, and from there back to
/// the page the form was on (the `Referer`, when it is a path of this site).
#[derive(Clone, Debug)]
pub struct SignedIn(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<CurrentUser>() {
            Some(user) => Ok(SignedIn(user.clone())),
            None => Err(sign_in_first(parts)),
        }
    }
}

/// A redirect to the sign-in page that comes back to the form's page.
pub fn sign_in_first(parts: &Parts) -> Response {
    let back = parts
        .headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|referer| referer.parse::<axum::http::Uri>().ok())
        .and_then(|uri| uri.path_and_query().map(|p| p.as_str().to_owned()))
        .map(|path| super::respond::safe_next(&path))
        .unwrap_or_else(|| "/account".to_owned());
    let query = serde_urlencoded::to_string([("next", back.as_str())]).unwrap_or_default();
    super::respond::see_other(&format!("/account/signin?{query}"), None)
}
