//! Every setting of the server process, read from environment variables. This module is the
//! one place they are listed; README.md repeats the table.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `DATABASE_URL` | `sqlite://corridor.db?mode=rwc` | SQLite file (created on first start) or `postgres://…` |
//! | `LEPTOS_SITE_ADDR` | `127.0.0.1:3000` | address the server listens on |
//! | `LEPTOS_SITE_ROOT` | `target/site` | built assets (wasm, JS, CSS, fonts) from `cargo run -p site-builder` (or `cargo leptos build`) |
//! | `CORRIDOR_DATA_DIR` | `var` | search index and uploads (later issues) |
//! | `CORRIDOR_LOG` | `info,sqlx=warn` | log filter (`tracing_subscriber::EnvFilter` syntax); `RUST_LOG` also works |
//! | `CORRIDOR_REQUEST_TIMEOUT_SECS` | `30` | a request taking longer gets 408 |
//! | `CORRIDOR_BODY_LIMIT_BYTES` | `2097152` | larger request bodies get 413 |
//! | `CORRIDOR_AUTO_MIGRATE` | `true` | apply pending migrations when `serve` starts |
//! | `CORRIDOR_PUBLIC_ORIGIN` | `http://` + `LEPTOS_SITE_ADDR` | the address users reach the portal at: links in e-mails, the CSRF origin check, `Secure` cookies when `https://` |
//! | `CORRIDOR_TRUSTED_PROXIES` | (none) | comma-separated IP addresses of reverse proxies whose `X-Forwarded-For` is believed |
//! | `CORRIDOR_SMTP_URL` | (none: mails stay in the outbox) | SMTP server the outbox is sent through: `smtp://user:pass@host[:587]` (STARTTLS, required), `smtps://user:pass@host[:465]` (implicit TLS), `smtp://host[:25]?tls=none` (plain, for a local relay; no credentials) |
//! | `CORRIDOR_MAIL_FROM` | `Corridor <no-reply@localhost>` | the `From` of every mail (`Name <address>` or `address`) |
//! | `CORRIDOR_API_RATE_TOKEN` | `300` | `/api/v1` requests per minute per API token (per process; `0` = no limit) |
//! | `CORRIDOR_API_RATE_ANONYMOUS` | `60` | `/api/v1` requests per minute per client address without a token (per process; `0` = no limit) |
//! | `CORRIDOR_SEARCH_INDEXER` | host name + `:` + the index directory | the name this server's search index registers under; servers sharing one database need different names (each has its own `CORRIDOR_DATA_DIR`) |
//! | `CORRIDOR_SEARCH_OUTBOX_RETENTION_HOURS` | `168` | search outbox rows are pruned once every indexer seen within this window has applied them, and at this age in any case (an index further behind is rebuilt) |
//! | `CORRIDOR_COMPRESSION_QUALITY` | `3` | brotli quality / gzip level (1–11) of pages and JSON compressed on the fly (`server/src/compress.rs`) |
//! | `CORRIDOR_PAGE_CACHE_MS` | `1000` | how long a page rendered for a reader who is not signed in is served again to the same request (`0`: off); any write through this process empties it (`server/src/page_cache.rs`) |
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub database_url: String,
    pub site_addr: SocketAddr,
    pub site_root: PathBuf,
    pub data_dir: PathBuf,
    pub log_filter: String,
    pub request_timeout: Duration,
    pub body_limit_bytes: usize,
    /// Listings of unverified organisations wait for a moderator (`CORRIDOR_HOLD_UNVERIFIED_LISTINGS`).
    pub hold_unverified_listings: bool,
    pub auto_migrate: bool,
    pub public_origin: String,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Where the mail outbox is sent; `None` keeps mails in the outbox (development mailbox).
    pub smtp: Option<SmtpSettings>,
    pub mail_from: String,
    /// `/api/v1` requests per minute per token; 0 = unlimited.
    pub api_rate_token: u32,
    /// `/api/v1` requests per minute per client address without a token; 0 = unlimited.
    pub api_rate_anonymous: u32,
    /// Brotli quality / gzip level of responses compressed on the fly (`CORRIDOR_COMPRESSION_QUALITY`,
    /// 1–11, default 3; see `docs/benchmarks.md`, "Request path").
    pub compression_quality: u32,
    /// How long a page rendered for an anonymous reader is reused (`CORRIDOR_PAGE_CACHE_MS`; zero: off).
    pub page_cache_ttl: Duration,
    /// The name this server's search index registers under (`None`: host name and directory).
    pub search_indexer: Option<String>,
    /// Search outbox rows older than this are pruned.
    pub search_outbox_retention: Duration,
}

/// How the mail worker reaches the SMTP server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// `smtp://`: plain connection upgraded with STARTTLS; refused if the server does not offer it.
    StartTls,
    /// `smtps://`: TLS from the first byte.
    ImplicitTls,
    /// `smtp://…?tls=none`: no encryption (a relay on the same machine or network).
    None,
}

/// `CORRIDOR_SMTP_URL`, checked. `Debug` hides the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for SmtpSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

impl std::fmt::Display for SmtpSettings {
    /// For logs: no credentials.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let security = match self.security {
            SmtpSecurity::StartTls => "STARTTLS",
            SmtpSecurity::ImplicitTls => "TLS",
            SmtpSecurity::None => "no TLS",
        };
        write!(f, "{}:{} ({security})", self.host, self.port)
    }
}

pub const DEFAULT_MAIL_FROM: &str = "Corridor <no-reply@localhost>";

impl SmtpSettings {
    /// Parses `smtp://[user:pass@]host[:port][?tls=none]` or `smtps://[user:pass@]host[:port]`.
    /// User name and password are percent-decoded.
    pub fn parse(url: &str) -> Result<SmtpSettings, &'static str> {
        let (scheme, rest) = url.split_once("://").ok_or("expected smtp://… or smtps://…")?;
        let (authority, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let authority = authority.trim_end_matches('/');
        let mut security = match scheme {
            "smtp" => SmtpSecurity::StartTls,
            "smtps" => SmtpSecurity::ImplicitTls,
            _ => return Err("expected smtp://… or smtps://…"),
        };
        for pair in query.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            match (scheme, pair) {
                ("smtp", "tls=none") => security = SmtpSecurity::None,
                ("smtp", "tls=starttls") => security = SmtpSecurity::StartTls,
                _ => return Err("the only option is ?tls=none (or ?tls=starttls, the default) on smtp://"),
            }
        }
        let (credentials, host_port) = match authority.rsplit_once('@') {
            Some((c, h)) => (Some(c), h),
            None => (None, authority),
        };
        // An IPv6 address is written in brackets: smtp://[::1]:25.
        let (host, port) = match host_port.strip_prefix('[') {
            Some(v6) => {
                let (host, after) = v6.split_once(']').ok_or("expected ] after an IPv6 address")?;
                (host, after.strip_prefix(':'))
            }
            None => match host_port.rsplit_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (host_port, None),
            },
        };
        let port = port
            .map(|p| p.parse::<u16>().map_err(|_| "expected a port number after the host"))
            .transpose()?;
        if host.is_empty() || host.contains(['/', '@', ' ']) {
            return Err("expected a host name, e.g. smtp://mail.example.org");
        }
        let port = port.unwrap_or(match security {
            SmtpSecurity::StartTls => 587,
            SmtpSecurity::ImplicitTls => 465,
            SmtpSecurity::None => 25,
        });
        let (username, password) = match credentials {
            Some(c) => {
                let (user, pass) = c.split_once(':').ok_or("expected user:password@ before the host")?;
                (Some(percent_decode(user)?), Some(percent_decode(pass)?))
            }
            None => (None, None),
        };
        if security == SmtpSecurity::None && username.is_some() {
            return Err("credentials are never sent without TLS: drop ?tls=none or the user:password");
        }
        Ok(SmtpSettings {
            host: host.to_owned(),
            port,
            security,
            username,
            password,
        })
    }
}

fn percent_decode(text: &str) -> Result<String, &'static str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .ok_or("bad percent-encoding in the credentials")?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| "bad percent-encoding in the credentials")?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the credentials are not UTF-8")
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("configuration: {name}={value:?} is not valid: {reason}")]
pub struct ConfigError {
    pub name: &'static str,
    pub value: String,
    pub reason: &'static str,
}

pub const DEFAULT_DATABASE_URL: &str = "sqlite://corridor.db?mode=rwc";

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str, default: &str| {
            lookup(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| default.to_owned())
        };
        fn parse<T: std::str::FromStr>(
            name: &'static str,
            value: String,
            reason: &'static str,
        ) -> Result<T, ConfigError> {
            value.parse().map_err(|_| ConfigError { name, value, reason })
        }
        let database_url = get("DATABASE_URL", DEFAULT_DATABASE_URL);
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                name: "DATABASE_URL",
                value: database_url,
                reason: "expected sqlite:… or postgres://…",
            });
        }
        let site_addr: SocketAddr = parse(
            "LEPTOS_SITE_ADDR",
            get("LEPTOS_SITE_ADDR", "127.0.0.1:3000"),
            "expected host:port, e.g. 127.0.0.1:3000",
        )?;
        let public_origin = get("CORRIDOR_PUBLIC_ORIGIN", &format!("http://{site_addr}"))
            .trim_end_matches('/')
            .to_owned();
        if !(public_origin.starts_with("http://") || public_origin.starts_with("https://")) {
            return Err(ConfigError {
                name: "CORRIDOR_PUBLIC_ORIGIN",
                value: public_origin,
                reason: "expected http://host or https://host",
            });
        }
        let mut trusted_proxies = Vec::new();
        for item in get("CORRIDOR_TRUSTED_PROXIES", "")
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            trusted_proxies.push(parse(
                "CORRIDOR_TRUSTED_PROXIES",
                item.to_owned(),
                "expected IP addresses separated by commas",
            )?);
        }
        let smtp = match lookup("CORRIDOR_SMTP_URL").map(|v| v.trim().to_owned()) {
            Some(url) if !url.is_empty() => Some(SmtpSettings::parse(&url).map_err(|reason| ConfigError {
                name: "CORRIDOR_SMTP_URL",
                value: redact_url(&url),
                reason,
            })?),
            _ => None,
        };
        let mail_from = get("CORRIDOR_MAIL_FROM", DEFAULT_MAIL_FROM);
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError {
                name: "CORRIDOR_MAIL_FROM",
                value: mail_from,
                reason: "expected an address, e.g. Corridor <no-reply@example.org>",
            });
        }
        let log_filter = lookup("CORRIDOR_LOG")
            .or_else(|| lookup("RUST_LOG"))
            .unwrap_or_else(|| "info,sqlx=warn".into());
        Ok(Config {
            database_url,
            site_addr,
            site_root: PathBuf::from(get("LEPTOS_SITE_ROOT", "target/site")),
            data_dir: PathBuf::from(get("CORRIDOR_DATA_DIR", "var")),
            log_filter,
            request_timeout: Duration::from_secs(parse(
                "CORRIDOR_REQUEST_TIMEOUT_SECS",
                get("CORRIDOR_REQUEST_TIMEOUT_SECS", "30"),
                "expected a whole number of seconds",
            )?),
            body_limit_bytes: parse(
                "CORRIDOR_BODY_LIMIT_BYTES",
                get("CORRIDOR_BODY_LIMIT_BYTES", "2097152"),
                "expected a number of bytes",
            )?,
            public_origin,
            trusted_proxies,
            smtp,
            mail_from,
            api_rate_token: parse(
                "CORRIDOR_API_RATE_TOKEN",
                get("CORRIDOR_API_RATE_TOKEN", "300"),
                "expected a whole number of requests per minute",
            )?,
            compression_quality: parse::<u32>(
                "CORRIDOR_COMPRESSION_QUALITY",
                get("CORRIDOR_COMPRESSION_QUALITY", "3"),
                "expected a quality from 1 to 11",
            )?
            .clamp(1, 11),
            page_cache_ttl: Duration::from_millis(parse(
                "CORRIDOR_PAGE_CACHE_MS",
                get("CORRIDOR_PAGE_CACHE_MS", "1000"),
                "expected a whole number of milliseconds (0: off)",
            )?),
            api_rate_anonymous: parse(
                "CORRIDOR_API_RATE_ANONYMOUS",
                get("CORRIDOR_API_RATE_ANONYMOUS", "60"),
                "expected a whole number of requests per minute",
            )?,
            auto_migrate: parse(
                "CORRIDOR_AUTO_MIGRATE",
                get("CORRIDOR_AUTO_MIGRATE", "true"),
                "expected true or false",
            )?,
            hold_unverified_listings: parse(
                "CORRIDOR_HOLD_UNVERIFIED_LISTINGS",
                get("CORRIDOR_HOLD_UNVERIFIED_LISTINGS", "false"),
                "expected true or false",
            )?,
            search_indexer: lookup("CORRIDOR_SEARCH_INDEXER")
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty()),
            search_outbox_retention: {
                let hours: u64 = parse(
                    "CORRIDOR_SEARCH_OUTBOX_RETENTION_HOURS",
                    get("CORRIDOR_SEARCH_OUTBOX_RETENTION_HOURS", "168"),
                    "expected a whole number of hours (at least 1)",
                )?;
                if hours == 0 {
                    return Err(ConfigError {
                        name: "CORRIDOR_SEARCH_OUTBOX_RETENTION_HOURS",
                        value: "0".to_owned(),
                        reason: "expected a whole number of hours (at least 1)",
                    });
                }
                Duration::from_secs(hours * 3600)
            },
        })
    }

    /// The URL with any password replaced, for logs.
    pub fn redacted_database_url(&self) -> String {
        redact_url(&self.database_url)
    }
}

pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => {
                    format!("{}://{user}:***@{}", &url[..scheme_end], &url[at + 1..])
                }
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}
