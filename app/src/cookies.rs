//! The site's cookies in one place: what each one is (name, path, lifetime, SameSite), how a
//! request's `Cookie` header is read, and how `Set-Cookie` is written (by the `cookie` crate,
//! never by hand). `Secure` is added when the public origin is https.
use crate::i18n::Lang;
use cookie::time::Duration;
use cookie::{Cookie, SameSite};
use http::{header, HeaderMap, HeaderValue};

/// One cookie the site sets.
#[derive(Clone, Copy, Debug)]
pub struct Jar {
    pub name: &'static str,
    path: &'static str,
    http_only: bool,
    same_site: SameSite,
    max_age_days: i64,
}

/// The sign-in session (`domain::accounts::sessions`): every page, never read by script.
pub const SESSION: Jar = Jar {
    name: "corridor_session",
    path: "/",
    http_only: true,
    same_site: SameSite::Lax,
    max_age_days: crate::domain::accounts::sessions::ABSOLUTE_TTL_DAYS,
};

/// A browser that has signed in before (`domain::accounts::devices`): sent only to the sign-in
/// form, and never cross-site.
pub const DEVICE: Jar = Jar {
    name: "corridor_device",
    path: "/account/signin",
    http_only: true,
    same_site: SameSite::Strict,
    max_age_days: crate::domain::accounts::devices::TTL_DAYS,
};

/// The reader's language choice (`?lang=`), for a year.
pub const LANG: Jar = Jar {
    name: "corridor_lang",
    path: "/",
    http_only: false,
    same_site: SameSite::Lax,
    max_age_days: 365,
};

impl Jar {
    /// The value this cookie has in a request, if any (the first one, when repeated).
    pub fn read(&self, headers: &HeaderMap) -> Option<String> {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|c| c.name() == self.name)
            .map(|c| c.value().to_owned())
    }

    /// The `Set-Cookie` value that stores `value`.
    pub fn set(&self, value: &str, secure: bool) -> HeaderValue {
        self.header(value, Duration::days(self.max_age_days), secure)
    }

    /// The `Set-Cookie` value that removes the cookie.
    pub fn clear(&self, secure: bool) -> HeaderValue {
        self.header("", Duration::ZERO, secure)
    }

    fn header(&self, value: &str, max_age: Duration, secure: bool) -> HeaderValue {
        let cookie = Cookie::build((self.name, value))
            .path(self.path)
            .http_only(self.http_only)
            .same_site(self.same_site)
            .max_age(max_age)
            .secure(secure)
            .build();
        // Names, paths and our values (base64url secrets, language codes) are visible ASCII.
        HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
    }
}

/// The reader's language: an explicit `?lang=` wins, then the saved cookie, then the browser's
/// `Accept-Language`, then the default. Every page, form, server function and API error asks
/// this.
pub fn reader_lang(headers: &HeaderMap, query: Option<&str>) -> Lang {
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    crate::i18n::resolve_lang(query, LANG.read(headers).as_deref(), accept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(cookie).unwrap());
        headers
    }

    #[test]
    fn set_cookie_headers_carry_each_cookies_attributes() {
        assert_eq!(
            SESSION.set("abc", false),
            "corridor_session=abc; HttpOnly; SameSite=Lax; Path=/; Max-Age=2592000"
        );
        assert_eq!(
            DEVICE.set("d3v", true),
            "corridor_device=d3v; HttpOnly; SameSite=Strict; Secure; Path=/account/signin; Max-Age=34560000"
        );
        assert_eq!(
            LANG.set("lo", false),
            "corridor_lang=lo; SameSite=Lax; Path=/; Max-Age=31536000"
        );
        assert_eq!(
            SESSION.clear(true),
            "corridor_session=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0"
        );
    }

    #[test]
    fn reading_finds_the_named_cookie_among_others() {
        let h = headers("other=1; corridor_session=s3cr3t;corridor_lang=vi");
        assert_eq!(SESSION.read(&h).as_deref(), Some("s3cr3t"));
        assert_eq!(LANG.read(&h).as_deref(), Some("vi"));
        assert_eq!(DEVICE.read(&h), None);
        // A name that only ends like ours is another cookie.
        assert_eq!(SESSION.read(&headers("xcorridor_session=no")), None);
        assert_eq!(reader_lang(&h, None), Lang::Vi);
        assert_eq!(reader_lang(&h, Some("lang=lo")), Lang::Lo);
    }
}
