//! `corridor import KIND FILE --org SLUG`: the CSV import from the command line, with a progress
//! bar on a terminal (plain progress lines otherwise) and the problem report in English.
use app::domain::listings::csv_io::{self, ImportFailure, Importer};
use app::domain::listings::store::Save;
use app::domain::listings::{Kind, Rules};
use app::i18n::{Lang, Msg};
use sea_orm::DatabaseConnection;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

fn english(msg: Msg) -> String {
    msg.text(Lang::En).to_owned()
}

/// Draws `label [#####-----] n/total` on standard error.
struct Progress {
    terminal: bool,
    total: usize,
    last_drawn: Instant,
}

impl Progress {
    fn update(&mut self, stage: &str, done: usize) {
        let now = Instant::now();
        let finished = done >= self.total;
        if !finished && now.duration_since(self.last_drawn).as_millis() < 100 {
            return;
        }
        self.last_drawn = now;
        let total = self.total.max(1);
        let width = 30;
        let filled = (done.min(total) * width) / total;
        let bar: String = "#".repeat(filled) + &"-".repeat(width - filled);
        let stage = if stage == "check" { "checking" } else { "writing " };
        if self.terminal {
            eprint!("\r{stage} [{bar}] {done}/{}", self.total);
            if finished && stage == "writing " {
                eprintln!();
            }
            std::io::stderr().flush().ok();
        } else if finished || done.is_multiple_of(10_000) {
            eprintln!("{stage} {done}/{}", self.total);
        }
    }
}

pub async fn run(
    db: &DatabaseConnection,
    kind: Kind,
    file: &Path,
    org: &str,
    draft: bool,
    rules: Rules,
) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    // Rows to expect (for the bar): lines after the header, an upper bound when cells hold newlines.
    let total = bytes.iter().filter(|b| **b == b'\n').count().max(1);
    let mut progress = Progress {
        terminal: std::io::stderr().is_terminal(),
        total,
        last_drawn: Instant::now(),
    };
    let save = if draft { Save::Draft } else { Save::Publish };
    let started = Instant::now();
    let outcome = csv_io::import(db, Importer::Operator, org, kind, &bytes, save, rules, |stage, n| {
        progress.update(stage, n);
    })
    .await;
    if progress.terminal {
        eprintln!();
    }
    match outcome {
        Ok(n) => {
            println!(
                "imported {n} {} into {org} in {:.1} s",
                kind.plural(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Err(failure) => {
            let message = match failure {
                ImportFailure::Encoding => english(Msg::ErrCsvEncoding),
                ImportFailure::Empty => english(Msg::ErrCsvEmpty),
                ImportFailure::TooManyRows => english(Msg::ErrCsvTooManyRows),
                ImportFailure::Header { unknown, missing } => {
                    format!("unknown columns: {unknown:?}; missing columns: {missing:?}")
                }
                ImportFailure::Rows(problems) => {
                    for p in problems.iter().take(200) {
                        eprintln!("line {}, column {}: {}", p.line, p.column, english(p.message));
                    }
                    if problems.len() > 200 {
                        eprintln!("… and {} more", problems.len() - 200);
                    }
                    format!("{} problem(s)", problems.len())
                }
                ImportFailure::App(app::errors::AppError::NotFound) => format!("no organisation {org:?}"),
                ImportFailure::App(err) => err.to_string(),
            };
            anyhow::bail!("nothing was imported: {message}")
        }
    }
}
