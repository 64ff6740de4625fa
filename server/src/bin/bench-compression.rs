//! Compression of real pages (issue #11): tower-http's streaming `CompressionLayer`, which the
//! server used for every page, against one-piece compression (server/src/compress.rs), in one run.
//! Not a test: run it by hand on pages saved from a running server.
//!
//! ```text
//! cargo build --release -p server --bin bench-compression
//! curl -s -H 'Accept-Language: vi' http://127.0.0.1:3000/listings > /tmp/listings.html   # and others
//! target/release/bench-compression /tmp/listings.html /tmp/home.html
//! ```
//!
//! For each file and each way, it compresses the page repeatedly for about a second and prints
//! microseconds per page, compressed bytes, and the speed relative to tower-http brotli at the
//! server's default quality (4).
use axum::body::{Body, Bytes};
use http::{header, Request, Response};
use server::compress;
use std::convert::Infallible;
use std::time::{Duration, Instant};
use tower::{Service, ServiceBuilder, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::CompressionLevel;

/// Runs `f` for about `budget`; returns microseconds per call and the last output's length.
fn time<F: FnMut() -> usize>(budget: Duration, mut f: F) -> (f64, usize) {
    let mut len = f();
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < budget || n < 20 {
        len = f();
        n += 1;
    }
    (start.elapsed().as_secs_f64() * 1e6 / f64::from(n), len)
}

async fn tower_http(page: &Bytes, coding: &str, quality: i32) -> usize {
    let page = page.clone();
    let mut service = ServiceBuilder::new()
        .layer(
            CompressionLayer::new()
                .br(true)
                .gzip(true)
                .quality(CompressionLevel::Precise(quality)),
        )
        .service_fn(move |_: Request<Body>| {
            let page = page.clone();
            async move {
                Ok::<_, Infallible>(
                    Response::builder()
                        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
                        .body(Body::from(page))
                        .unwrap(),
                )
            }
        });
    let request = Request::builder()
        .header(header::ACCEPT_ENCODING, coding)
        .body(Body::empty())
        .unwrap();
    let response = service.ready().await.unwrap().call(request).await.unwrap();
    axum::body::to_bytes(Body::new(response.into_body()), usize::MAX)
        .await
        .unwrap()
        .len()
}

fn main() -> anyhow::Result<()> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        anyhow::bail!("usage: bench-compression PAGE.html... (pages saved from a running server)");
    }
    let rt = tokio::runtime::Builder::new_current_thread().build()?;
    let budget = Duration::from_millis(1000);
    for file in files {
        let page = Bytes::from(std::fs::read(&file)?);
        println!("\n{file}: {} bytes", page.len());
        println!("   {:<34} {:>10} {:>9} {:>8}", "way", "µs/page", "bytes", "speed");
        let (base, _) = time(budget, || rt.block_on(tower_http(&page, "br", 4)));
        let mut rows: Vec<(String, f64, usize)> = Vec::new();
        for q in [2, 3, 4, 5] {
            let (us, len) = time(budget, || rt.block_on(tower_http(&page, "br", q)));
            rows.push((format!("tower-http brotli q{q} (stream)"), us, len));
        }
        let (us, len) = time(budget, || rt.block_on(tower_http(&page, "gzip", 4)));
        rows.push(("tower-http gzip 4 (stream)".into(), us, len));
        for q in [1, 2, 3, 4, 5] {
            let (us, len) = time(budget, || compress::brotli(&page, q).len());
            rows.push((format!("one piece brotli q{q}"), us, len));
        }
        for level in [1, 4, 6] {
            let (us, len) = time(budget, || compress::gzip(&page, level).len());
            rows.push((format!("one piece gzip {level}"), us, len));
        }
        for (name, us, len) in rows {
            println!("   {name:<34} {us:>10.1} {len:>9} {:>7.2}×", base / us);
        }
    }
    Ok(())
}
