//! Builds the message catalogue (`i18n::Msg`) from the translators' files `locales/{en,vi,lo}.toml`.
//!
//! Every key must be present, and not empty, in all three files; a key only one file has is a
//! build error naming the file and the key. The generated code is one `catalogue!` invocation
//! (see `src/i18n.rs`), in the order of `en.toml`.
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

const LANGS: [&str; 3] = ["en", "vi", "lo"];

fn read(dir: &Path, lang: &str) -> Vec<(String, String)> {
    let path = dir.join(format!("{lang}.toml"));
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
    table
        .into_iter()
        .map(|(key, value)| {
            let Some(text) = value.as_str() else {
                panic!("{}: {key} must be a string", path.display());
            };
            if text.trim().is_empty() {
                panic!("{}: {key} is empty", path.display());
            }
            let valid = key.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && key.chars().all(|c| c.is_ascii_alphanumeric());
            if !valid {
                panic!("{}: key {key:?} must be a name like ErrHsCode", path.display());
            }
            (key, text.to_owned())
        })
        .collect()
}

fn main() {
    let dir = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("locales");
    let files: Vec<Vec<(String, String)>> = LANGS.iter().map(|lang| read(&dir, lang)).collect();
    let keys = |i: usize| files[i].iter().map(|(k, _)| k.as_str()).collect::<BTreeSet<_>>();
    let reference = keys(0);
    for (i, lang) in LANGS.iter().enumerate().skip(1) {
        let other = keys(i);
        let missing: Vec<_> = reference.difference(&other).collect();
        let extra: Vec<_> = other.difference(&reference).collect();
        if !missing.is_empty() || !extra.is_empty() {
            panic!("locales/{lang}.toml: missing keys {missing:?}; keys en.toml does not have {extra:?}");
        }
    }
    let text = |i: usize, key: &str| {
        files[i]
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, t)| t.as_str())
            .expect("checked")
    };
    let mut out = String::from("catalogue! {\n");
    for (key, en) in &files[0] {
        writeln!(
            out,
            "    {key} {{ vi: {:?}, lo: {:?}, en: {en:?} }}",
            text(1, key),
            text(2, key)
        )
        .expect("to a string");
    }
    out.push_str("}\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets it")).join("catalogue.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}
