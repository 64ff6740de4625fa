use server::config::{redact_url, Config, DEFAULT_DATABASE_URL};
use std::collections::HashMap;

fn config(vars: &[(&str, &str)]) -> Result<Config, server::config::ConfigError> {
    let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    Config::from_lookup(|name| map.get(name).cloned())
}

#[test]
fn defaults_give_an_embedded_sqlite_portal_on_localhost() {
    let c = config(&[]).unwrap();
    assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
    assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
    assert_eq!(c.data_dir.to_str(), Some("var"));
    assert!(c.auto_migrate);
    assert_eq!(c.compression_quality, 3);
    assert_eq!(c.page_cache_ttl, std::time::Duration::from_millis(1000));
}

#[test]
fn settings_come_from_the_environment() {
    let c = config(&[
        ("DATABASE_URL", "postgres://u:p@db/corridor"),
        ("LEPTOS_SITE_ADDR", "0.0.0.0:8080"),
        ("CORRIDOR_DATA_DIR", "/srv/corridor"),
        ("CORRIDOR_REQUEST_TIMEOUT_SECS", "5"),
        ("CORRIDOR_LOG", "debug"),
        ("CORRIDOR_COMPRESSION_QUALITY", "5"),
    ])
    .unwrap();
    assert_eq!(c.compression_quality, 5);
    assert_eq!(c.site_addr.port(), 8080);
    assert_eq!(c.request_timeout.as_secs(), 5);
    assert_eq!(c.log_filter, "debug");
    assert_eq!(c.data_dir.to_str(), Some("/srv/corridor"));
}

#[test]
fn bad_values_name_the_variable() {
    let err = config(&[("LEPTOS_SITE_ADDR", "nowhere")]).unwrap_err();
    assert_eq!(err.name, "LEPTOS_SITE_ADDR");
    let err = config(&[("DATABASE_URL", "mysql://x")]).unwrap_err();
    assert_eq!(err.name, "DATABASE_URL");
    let err = config(&[("CORRIDOR_COMPRESSION_QUALITY", "best")]).unwrap_err();
    assert_eq!(err.name, "CORRIDOR_COMPRESSION_QUALITY");
    let err = config(&[("CORRIDOR_AUTO_MIGRATE", "perhaps")]).unwrap_err();
    assert!(err.to_string().contains("CORRIDOR_AUTO_MIGRATE"));
}

#[test]
fn passwords_never_reach_the_logs() {
    assert_eq!(
        redact_url("postgres://corridor:s3cret@127.0.0.1/db"),
        "postgres://corridor:***@127.0.0.1/db"
    );
    assert_eq!(
        redact_url("sqlite://corridor.db?mode=rwc"),
        "sqlite://corridor.db?mode=rwc"
    );
}
