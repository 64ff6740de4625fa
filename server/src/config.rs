//! Every setting of the server process, read from environment variables. This module is the
//! one place they are listed; README.md repeats the table.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `DATABASE_URL` | `sqlite://corridor.db?mode=rwc` | SQLite file (created on first start) or `postgres://…` |
//! | `LEPTOS_SITE_ADDR` | `127.0.0.1:3000` | address the server listens on |
//! | `LEPTOS_SITE_ROOT` | `target/site` | built assets (wasm, JS, CSS, fonts) from `cargo leptos build` |
//! | `CORRIDOR_DATA_DIR` | `var` | search index and uploads (later issues) |
//! | `CORRIDOR_LOG` | `info,sqlx=warn` | log filter (`tracing_subscriber::EnvFilter` syntax); `RUST_LOG` also works |
//! | `CORRIDOR_REQUEST_TIMEOUT_SECS` | `30` | a request taking longer gets 408 |
//! | `CORRIDOR_BODY_LIMIT_BYTES` | `2097152` | larger request bodies get 413 |
//! | `CORRIDOR_AUTO_MIGRATE` | `true` | apply pending migrations when `serve` starts |
//! | `CORRIDOR_PUBLIC_ORIGIN` | `http://` + `LEPTOS_SITE_ADDR` | the address users reach the portal at: links in e-mails, the CSRF origin check, `Secure` cookies when `https://` |
//! | `CORRIDOR_TRUSTED_PROXIES` | (none) | comma-separated IP addresses of reverse proxies whose `X-Forwarded-For` is believed |
//! | `CORRIDOR_API_RATE_TOKEN` | `300` | `/api/v1` requests per minute per API token (per process; `0` = no limit) |
//! | `CORRIDOR_API_RATE_ANONYMOUS` | `60` | `/api/v1` requests per minute per client address without a token (per process; `0` = no limit) |
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
    pub auto_migrate: bool,
    pub public_origin: String,
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// `/api/v1` requests per minute per token; 0 = unlimited.
    pub api_rate_token: u32,
    /// `/api/v1` requests per minute per client address without a token; 0 = unlimited.
    pub api_rate_anonymous: u32,
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
            api_rate_token: parse(
                "CORRIDOR_API_RATE_TOKEN",
                get("CORRIDOR_API_RATE_TOKEN", "300"),
                "expected a whole number of requests per minute",
            )?,
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
