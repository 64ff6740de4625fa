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

fn corridor(args: &[&str], url: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_corridor"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("CORRIDOR_LOG", "error")
        .output()
        .expect("run corridor")
}

#[test]
fn import_prints_templates_checks_the_whole_file_and_writes_it_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("import.db").display());
    // The template needs no database.
    let template = corridor(
        &["import", "routes", "--template"],
        "postgres://nobody@127.0.0.1:1/none",
    );
    assert!(template.status.success());
    let text = String::from_utf8_lossy(&template.stdout);
    assert!(text.starts_with("title_vi,title_lo,title_en,"), "{text}");
    assert_eq!(text.lines().count(), 2);

    assert!(corridor(&["seed"], &url).status.success());
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "title_en,direction,hs_code,quantity,unit\nRubber,offer,4001,20,t\nRubber,offer,40x1,-2,t\n",
    )
    .unwrap();
    let out = corridor(
        &["import", "commodities", bad.to_str().unwrap(), "--org", "viet-lao-az"],
        &url,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3, column hs_code: An HS code is"), "{err}");
    assert!(
        err.contains("line 3, column quantity: Must be more than zero."),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");

    let good = dir.path().join("good.csv");
    std::fs::write(
        &good,
        "title_en,direction,hs_code\nRubber,offer,4001\nCoffee,offer,0901\n",
    )
    .unwrap();
    let out = corridor(
        &["import", "commodities", good.to_str().unwrap(), "--org", "viet-lao-az"],
        &url,
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 commodities into viet-lao-az"));

    let out = corridor(
        &["import", "ships", good.to_str().unwrap(), "--org", "viet-lao-az"],
        &url,
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("KIND is commodities, opportunities or routes"));
    let out = corridor(
        &["import", "routes", good.to_str().unwrap(), "--org", "no-such-org"],
        &url,
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("no organisation"));
}
