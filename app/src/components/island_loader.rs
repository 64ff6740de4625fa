//! The script that brings the islands to life, in place of leptos's `HydrationScripts`.
//!
//! Leptos's version puts `<link rel="modulepreload">` and `<link rel="preload">` for the JS glue
//! and the wasm into every page: a phone on a slow border connection downloads ~140 KB (85–88 % of
//! most pages' bytes) even with JavaScript off, for two islands (the search suggestions and the
//! gate filters) that it may never touch. This loader (island_loader.js) is one nonce'd module
//! script and no preload: the wasm is fetched when a pointer, a finger or the focus first reaches
//! an island, and what the reader typed meanwhile is replayed to it once it has hydrated.
use leptos::prelude::*;

/// The loader, called with the site root, the package directory and the two file names.
const LOADER: &str = include_str!("island_loader.js");

/// The file names (without extension) of the JS glue and the wasm under `site_pkg_dir`: the
/// content-hashed ones from `hash.txt` next to the server binary when the build hashed them
/// (frontend/site-builder and cargo-leptos write it), else the output name. Read once.
#[cfg(feature = "ssr")]
fn bundle_names(options: &LeptosOptions) -> (String, String) {
    use std::sync::OnceLock;
    static NAMES: OnceLock<(String, String)> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let name = options.output_name.to_string();
            let (mut js, mut wasm) = (name.clone(), name);
            if options.hash_files {
                let hashes = std::env::current_exe()
                    .ok()
                    .and_then(|exe| exe.parent().map(|dir| dir.join(&*options.hash_file)))
                    .and_then(|path| std::fs::read_to_string(path).ok())
                    .unwrap_or_default();
                for (file, hash) in hashes.lines().filter_map(|line| line.split_once(':')) {
                    match file.trim() {
                        "js" => js = format!("{js}.{}", hash.trim()),
                        "wasm" => wasm = format!("{wasm}.{}", hash.trim()),
                        _ => {}
                    }
                }
            }
            (js, wasm)
        })
        .clone()
}

#[cfg(not(feature = "ssr"))]
fn bundle_names(options: &LeptosOptions) -> (String, String) {
    (options.output_name.to_string(), options.output_name.to_string())
}

/// The call of the loader with this build's file names: JavaScript string literals with `<`
/// escaped, so no name can end the (raw text) script element.
fn loader_call(pkg_dir: &str, js: &str, wasm: &str) -> String {
    let literal = |s: &str| {
        let mut out = String::from('"');
        for c in s.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("\\u003c"),
                c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    format!(
        "{LOADER}({}, {}, {}, {});",
        literal(""),
        literal(pkg_dir),
        literal(js),
        literal(wasm)
    )
}

#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let (js, wasm) = bundle_names(&options);
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce>{loader_call(&options.site_pkg_dir, &js, &wasm)}</script> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_call_passes_the_names_as_string_literals() {
        let call = loader_call("pkg", "corridor.abc", "corridor.d</script>");
        assert!(
            call.ends_with(r#"("", "pkg", "corridor.abc", "corridor.d\u003c/script>");"#),
            "{call}"
        );
        assert!(!call.contains("</script"));
        assert!(call.starts_with("// Loads the wasm"));
    }

    #[test]
    fn nothing_is_preloaded() {
        assert!(!LOADER.contains("modulepreload"));
        assert!(LOADER.contains("pointerover") && LOADER.contains("focusin"));
    }
}
