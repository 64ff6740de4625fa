//! The `corridor` binary itself.
use std::process::Command;

#[test]
fn an_unreachable_database_gives_one_clear_line_and_a_failure_exit() {
    let output = Command::new(env!("CARGO_BIN_EXE_corridor"))
        .arg("migrate")
        .env("DATABASE_URL", "postgres://corridor:secret@127.0.0.1:1/corridor")
        .env("CORRIDOR_LOG", "error")
        .output()
        .expect("run corridor");
    assert!(!output.status.success());
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.contains("cannot open the database"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert!(!text.contains("secret"), "password leaked: {text}");
    assert_eq!(text.trim().lines().count(), 1, "{text}");
}

#[test]
fn a_bad_setting_is_named_and_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_corridor"))
        .arg("serve")
        .env("LEPTOS_SITE_ADDR", "not-an-address")
        .output()
        .expect("run corridor");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("LEPTOS_SITE_ADDR"));
}

#[test]
fn seed_creates_the_sqlite_file_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("fresh.db").display());
    for _ in 0..2 {
        let output = Command::new(env!("CARGO_BIN_EXE_corridor"))
            .arg("seed")
            .env("DATABASE_URL", &url)
            .output()
            .expect("run corridor");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    assert!(dir.path().join("fresh.db").exists());
}

#[test]
fn create_admin_reads_the_password_from_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("admin.db").display());
    let run = |password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_corridor"))
            .args(["create-admin", "--email", "Officer@Embassy.la"])
            .env("DATABASE_URL", &url)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run corridor");
        child.stdin.take().unwrap().write_all(password.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let weak = run("short\n");
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10 characters"));
    let ok = run("mekong river crossing 9\n");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let text = String::from_utf8_lossy(&ok.stderr);
    assert!(!text.contains("mekong"), "the password never reaches the log");
    let again = run("mekong river crossing 9\n");
    assert!(
        !again.status.success(),
        "a second admin with the same address is refused"
    );
}
