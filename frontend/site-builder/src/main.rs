//! `build-site`: the release build of the portal without installing any build tool.
//!
//! `cargo leptos build --release` needs cargo-leptos (about 500 crates) and, on this kind of machine,
//! a wasm-bindgen CLI at exactly the Cargo.lock version; installing both took 19 minutes of a
//! brand-new machine's first 34 (docs/benchmarks.md, "Fresh machine"). This binary does the same
//! release build with the wasm-bindgen *library* at the Cargo.lock version, which cargo builds like
//! any other dependency in about a minute:
//!
//! 1. the hydrate wasm: `cargo build -p frontend --lib --target wasm32-unknown-unknown
//!    --profile wasm-release`, then wasm-bindgen (web target) and `wasm-opt -Oz`;
//! 2. `target/site`: the assets directory, the stylesheet, and the JS glue and wasm under
//!    content-hashed names, plus `hash.txt` next to the server binary, in the format leptos reads
//!    (`HydrationScripts`, `HashedStylesheet`);
//! 3. the server: `cargo build -p server --bin corridor --release`.
//!
//! Every setting comes from `[[workspace.metadata.leptos]]` in the workspace Cargo.toml, the same
//! table `cargo leptos watch` reads, so the development loop with cargo-leptos keeps working and
//! both produce the same site layout. Two differences: the JS glue and the stylesheet are not
//! minified (the server sends them brotli-compressed; see scripts/precompress.sh), and nothing is
//! downloaded (wasm-opt comes from the npm package binaryen that scripts/setup.sh installs).
//!
//! Usage: `cargo run -p site-builder -- [--front-only]`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context};
use base64::Engine as _;
use serde::Deserialize;
use sha2::Digest as _;

/// The keys of `[[workspace.metadata.leptos]]` this build uses.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Project {
    name: String,
    bin_package: String,
    bin_target: String,
    lib_package: String,
    site_root: String,
    site_pkg_dir: String,
    style_file: String,
    assets_dir: String,
    #[serde(default = "default_lib_profile")]
    lib_profile_release: String,
    #[serde(default)]
    hash_files: bool,
    #[serde(default)]
    bin_features: Vec<String>,
    #[serde(default = "yes")]
    bin_default_features: bool,
    #[serde(default)]
    lib_features: Vec<String>,
    #[serde(default = "yes")]
    lib_default_features: bool,
}

fn default_lib_profile() -> String {
    "release".into()
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct Manifest {
    workspace: Workspace,
}

#[derive(Deserialize)]
struct Workspace {
    metadata: Metadata,
}

#[derive(Deserialize)]
struct Metadata {
    leptos: Vec<Project>,
}

fn main() -> anyhow::Result<()> {
    let mut front_only = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--front-only" => front_only = true,
            "-h" | "--help" => {
                println!("usage: build-site [--front-only]\n\nBuilds target/site (hydrate wasm, JS, CSS, assets) and the release server binary.");
                return Ok(());
            }
            other => bail!("unknown argument {other:?} (usage: build-site [--front-only])"),
        }
    }

    let root = workspace_root();
    let project = read_project(&root)?;
    let target_dir = target_dir(&root)?;
    let started = Instant::now();

    let wasm = build_wasm(&root, &project)?;
    let wasm = target_dir.join(wasm);
    let hashes = write_site(&root, &target_dir, &project, &wasm)?;
    println!(
        "site: {} ({})",
        root.join(&project.site_root).display(),
        hashes
            .iter()
            .map(|(ext, hash)| format!("{ext} {hash}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !front_only {
        build_server(&root, &project)?;
    }
    println!("build-site finished in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// The workspace root: two levels above this package (`frontend/site-builder`).
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("frontend/site-builder has a workspace root")
        .to_path_buf()
}

fn read_project(root: &Path) -> anyhow::Result<Project> {
    let path = root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let manifest: Manifest =
        toml::from_str(&text).with_context(|| format!("[[workspace.metadata.leptos]] in {}", path.display()))?;
    match <[Project; 1]>::try_from(manifest.workspace.metadata.leptos) {
        Ok([project]) => Ok(project),
        Err(projects) => bail!(
            "expected one [[workspace.metadata.leptos]] project, found {}",
            projects.len()
        ),
    }
}

/// Where cargo puts its output: `CARGO_TARGET_DIR` (scripts/env.sh sets it), else `target`.
fn target_dir(root: &Path) -> anyhow::Result<PathBuf> {
    Ok(match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root.join(dir)
            }
        }
        _ => root.join("target"),
    })
}

fn cargo(root: &Path, project: &Project) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    // Read at compile time by leptos (`option_env!`), as cargo-leptos sets it.
    command.env("LEPTOS_OUTPUT_NAME", &project.name);
    command
}

fn run(mut command: Command, what: &str) -> anyhow::Result<()> {
    println!("==> {what}");
    let status = command.status().with_context(|| format!("starting {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn features(command: &mut Command, default_features: bool, features: &[String]) {
    if !default_features {
        command.arg("--no-default-features");
    }
    if !features.is_empty() {
        command.arg(format!("--features={}", features.join(",")));
    }
}

/// Builds the hydrate wasm; returns its path relative to the target directory.
fn build_wasm(root: &Path, project: &Project) -> anyhow::Result<PathBuf> {
    let mut command = cargo(root, project);
    command.args([
        "build",
        "--package",
        &project.lib_package,
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        &project.lib_profile_release,
    ]);
    features(&mut command, project.lib_default_features, &project.lib_features);
    run(
        command,
        &format!(
            "cargo build -p {} (wasm32, profile {})",
            project.lib_package, project.lib_profile_release
        ),
    )?;
    let profile_dir = match project.lib_profile_release.as_str() {
        "dev" => "debug",
        other => other,
    };
    Ok(PathBuf::from("wasm32-unknown-unknown")
        .join(profile_dir)
        .join(format!("{}.wasm", project.lib_package.replace('-', "_"))))
}

fn build_server(root: &Path, project: &Project) -> anyhow::Result<()> {
    let mut command = cargo(root, project);
    command.args([
        "build",
        "--package",
        &project.bin_package,
        "--bin",
        &project.bin_target,
        "--release",
    ]);
    features(&mut command, project.bin_default_features, &project.bin_features);
    run(
        command,
        &format!(
            "cargo build -p {} --bin {} --release",
            project.bin_package, project.bin_target
        ),
    )
}

/// The content hash in a file name: 128 bits of SHA-256, URL-safe base64 (22 characters).
fn content_hash(bytes: &[u8]) -> String {
    let digest = sha2::Sha256::digest(bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
}

/// Writes the site: assets, stylesheet, JS glue and wasm; returns the hash per extension.
fn write_site(
    root: &Path,
    target_dir: &Path,
    project: &Project,
    wasm: &Path,
) -> anyhow::Result<BTreeMap<&'static str, String>> {
    let name = &project.name;
    let staging = target_dir.join("site-builder");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;

    println!("==> wasm-bindgen (web) {}", wasm.display());
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen.input_path(wasm).out_name(name).web(true)?.typescript(false);
    let mut output = bindgen.generate_output()?;
    output.emit(&staging)?;
    let js = output.js().to_owned();

    println!("==> wasm-opt -Oz");
    let optimised = staging.join(format!("{name}.opt.wasm"));
    let mut wasm_opt = Command::new("wasm-opt");
    wasm_opt
        .arg("-Oz")
        .arg("--enable-bulk-memory")
        .arg(staging.join(format!("{name}_bg.wasm")))
        .arg("-o")
        .arg(&optimised);
    run(
        wasm_opt,
        "wasm-opt (the npm package binaryen; scripts/setup.sh installs it)",
    )?;
    let wasm_bytes = std::fs::read(&optimised)?;

    let style = root.join(&project.style_file);
    let css = std::fs::read(&style).with_context(|| format!("reading {}", style.display()))?;

    let site = root.join(&project.site_root);
    let pkg = site.join(&project.site_pkg_dir);
    // Old hashed files (and their precompressed copies) would pile up: the package directory is
    // rebuilt from scratch; the assets are copied over what is there.
    if pkg.exists() {
        std::fs::remove_dir_all(&pkg)?;
    }
    std::fs::create_dir_all(&pkg)?;
    copy_dir(&root.join(&project.assets_dir), &site)?;
    let snippets = staging.join("snippets");
    if snippets.exists() {
        copy_dir(&snippets, &pkg.join("snippets"))?;
    }

    let mut hashes = BTreeMap::new();
    for (ext, bytes) in [("js", js.as_bytes()), ("wasm", &wasm_bytes[..]), ("css", &css[..])] {
        let file = if project.hash_files {
            let hash = content_hash(bytes);
            let file = format!("{name}.{hash}.{ext}");
            hashes.insert(ext, hash);
            file
        } else {
            format!("{name}.{ext}")
        };
        std::fs::write(pkg.join(&file), bytes)?;
    }

    // leptos reads the hashes from a file next to the server binary.
    let release_dir = target_dir.join("release");
    std::fs::create_dir_all(&release_dir)?;
    let hash_file = release_dir.join("hash.txt");
    if project.hash_files {
        let text: String = hashes.iter().map(|(ext, hash)| format!("{ext}: {hash}\n")).collect();
        std::fs::write(&hash_file, text)?;
    } else if hash_file.exists() {
        std::fs::remove_file(&hash_file)?;
    }
    Ok(hashes)
}

fn copy_dir(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_manifest_describes_one_site() {
        let project =
            read_project(&workspace_root()).expect("the workspace Cargo.toml has [[workspace.metadata.leptos]]");
        assert_eq!(project.name, "corridor");
        assert_eq!(project.lib_package, "frontend");
        assert_eq!(project.bin_target, "corridor");
        assert!(workspace_root().join(&project.style_file).is_file());
        assert!(workspace_root().join(&project.assets_dir).is_dir());
    }

    #[test]
    fn content_hashes_are_file_name_safe_and_change_with_the_content() {
        let a = content_hash(b"body { color: red }");
        let b = content_hash(b"body { color: blue }");
        assert_eq!(a.len(), 22);
        assert_ne!(a, b);
        assert!(
            a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{a}"
        );
    }
}
