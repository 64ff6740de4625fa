//! Relevance, proven: the judged query set (`data/search/judged_queries.csv`) run through the
//! search users get (`search()`: index query, database check, readers' language) on the demo
//! data. Prints recall@10 and nDCG@10 per query and in the mean, and holds them to thresholds.
use crate::search::demo_database;
use app::domain::search::{search, SearchIndex};
use app::i18n::Lang;
use app::model::{SearchHit, SearchParams};

/// Mean recall@10 over the set, at least.
const MIN_MEAN_RECALL: f64 = 0.95;
/// Mean nDCG@10 over the set, at least.
const MIN_MEAN_NDCG: f64 = 0.9;
/// Every single query finds at least this share of what it should.
const MIN_QUERY_RECALL: f64 = 0.5;

struct Judged {
    query: String,
    language: String,
    /// (reference, grade)
    relevant: Vec<(String, u32)>,
}

fn judged() -> Vec<Judged> {
    let text = include_str!("../../../data/search/judged_queries.csv");
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            let relevant = r[3]
                .split('|')
                .map(|item| {
                    let (reference, grade) = item.rsplit_once('=').expect("ref=grade");
                    (reference.to_owned(), grade.parse().expect("a grade"))
                })
                .collect();
            Judged {
                query: r[0].to_owned(),
                language: r[1].to_owned(),
                relevant,
            }
        })
        .collect()
}

/// The reference a hit is judged by.
fn reference(hit: &SearchHit) -> String {
    match (&hit.listing, &hit.organisation) {
        (Some(listing), _) => format!("listing:{}", listing.title.en),
        (None, Some(org)) => format!("org:{}", org.slug),
        (None, None) => format!("gate:{}", hit.url.trim_start_matches("/gates/")),
    }
}

fn dcg(gains: impl Iterator<Item = u32>) -> f64 {
    gains
        .enumerate()
        .map(|(i, g)| (2f64.powi(g as i32) - 1.0) / (i as f64 + 2.0).log2())
        .sum()
}

#[tokio::test]
async fn the_judged_queries_find_what_they_should_in_the_first_ten() {
    let test_db = demo_database().await;
    let db = &test_db.db;
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::create(dir.path()).unwrap();
    index.catch_up(db).await.unwrap();
    let set = judged();
    assert!(set.len() >= 40, "the set has {} queries", set.len());
    // Every reference names something that exists (a typo in the file must not pass silently).
    let everything = search(
        db,
        Some(&index),
        &SearchParams {
            limit: 100,
            ..SearchParams::default()
        },
        Lang::En,
    )
    .await
    .unwrap();
    let known: std::collections::HashSet<String> = everything.hits.iter().map(reference).collect();
    for j in &set {
        for (r, _) in &j.relevant {
            assert!(known.contains(r), "{}: {r} is not in the demo data", j.query);
        }
    }
    let mut recalls = Vec::new();
    let mut ndcgs = Vec::new();
    let mut report = String::from("recall@10 nDCG@10 language query → missing\n");
    let mut weak = Vec::new();
    for j in &set {
        let lang = match j.language.as_str() {
            "vi" | "vi-ascii" => Lang::Vi,
            "lo" => Lang::Lo,
            _ => Lang::En,
        };
        let params = SearchParams {
            q: j.query.clone(),
            limit: 10,
            ..SearchParams::default()
        };
        let results = search(db, Some(&index), &params, lang).await.unwrap();
        let top: Vec<String> = results.hits.iter().map(reference).collect();
        let grade = |r: &str| j.relevant.iter().find(|(x, _)| x == r).map_or(0, |(_, g)| *g);
        let found = j.relevant.iter().filter(|(r, _)| top.contains(r)).count();
        let recall = found as f64 / j.relevant.len().min(10) as f64;
        let mut ideal: Vec<u32> = j.relevant.iter().map(|(_, g)| *g).collect();
        ideal.sort_unstable_by(|a, b| b.cmp(a));
        let ndcg = dcg(top.iter().map(|r| grade(r))) / dcg(ideal.into_iter().take(10));
        let missing: Vec<&str> = j
            .relevant
            .iter()
            .filter(|(r, _)| !top.contains(r))
            .map(|(r, _)| r.as_str())
            .collect();
        report.push_str(&format!(
            "{recall:>9.2} {ndcg:>8.2} {:<8} {} → {missing:?}\n",
            j.language, j.query
        ));
        if recall < MIN_QUERY_RECALL {
            weak.push(format!("{} (recall {recall:.2}, top: {top:?})", j.query));
        }
        recalls.push(recall);
        ndcgs.push(ndcg);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (recall, ndcg) = (mean(&recalls), mean(&ndcgs));
    report.push_str(&format!(
        "mean over {} queries: recall@10 {recall:.3}, nDCG@10 {ndcg:.3}\n",
        set.len()
    ));
    eprintln!("{report}");
    assert!(weak.is_empty(), "queries below recall {MIN_QUERY_RECALL}: {weak:#?}");
    assert!(recall >= MIN_MEAN_RECALL, "mean recall@10 {recall:.3}\n{report}");
    assert!(ndcg >= MIN_MEAN_NDCG, "mean nDCG@10 {ndcg:.3}\n{report}");
}
