//! Compression of pages and JSON answers, in one piece per response.
//!
//! tower-http's `CompressionLayer` compresses as a stream, in the chunks the body arrives in, with
//! brotli set up for its largest window. Profiled under wrk (docs/benchmarks.md, "Request path"),
//! brotli was about a quarter of the server's CPU on pages of 10–60 KB. Pages and JSON answers are
//! short and rendered whole before they are sent, so this middleware collects the body and
//! compresses it in one piece, with a window sized to it. Measured on real pages
//! (`bench-compression`): at quality 3 that takes 200 µs for `/listings` (31 KB) against 301 µs
//! streamed, for the same bytes; quality 3 (the default) against 4 costs 3 % more bytes and saves
//! 45 % of the time. Responses it does not handle (CSV exports, which stream; anything already
//! encoded) go on to tower-http's layer.
//!
//! `server/src/bin/bench-compression.rs` measures both on real pages in one run.
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use std::io::Write;

/// The content codings this server answers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
    Identity,
}

impl Coding {
    fn header(self) -> Option<HeaderValue> {
        match self {
            Coding::Brotli => Some(HeaderValue::from_static("br")),
            Coding::Gzip => Some(HeaderValue::from_static("gzip")),
            Coding::Identity => None,
        }
    }
}

/// Brotli when the client takes it, else gzip, else none; `;q=0` refuses a coding, `*` stands for
/// any coding not named.
pub fn negotiate(headers: &HeaderMap) -> Coding {
    let (mut br, mut gzip, mut any) = (None::<bool>, None::<bool>, None::<bool>);
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let accepted = parts
                .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
                .filter_map(|q| q.trim().parse::<f32>().ok())
                .next_back()
                .is_none_or(|q| q > 0.0);
            match name.as_str() {
                "br" => br = Some(accepted),
                "gzip" | "x-gzip" => gzip = Some(accepted),
                "*" => any = Some(accepted),
                _ => {}
            }
        }
    }
    if br.or(any).unwrap_or(false) {
        Coding::Brotli
    } else if gzip.or(any).unwrap_or(false) {
        Coding::Gzip
    } else {
        Coding::Identity
    }
}

/// The smallest brotli window (10–22 bits; a window holds 2^bits − 16 bytes) that holds `len`.
fn window_bits(len: usize) -> i32 {
    (10..=22).find(|bits| (1usize << bits) - 16 >= len).unwrap_or(22)
}

/// `input` brotli-compressed at `quality` (0–11) in one piece. Up to quality 4 the window is sized
/// to the body; from 5 on a window of 16 bits or less selects a hasher that costs ~10 ms per page
/// (measured, docs/benchmarks.md), so those keep brotli's default window.
pub fn brotli(input: &[u8], quality: u32) -> Vec<u8> {
    let quality = quality.min(11);
    let defaults = brotli::enc::BrotliEncoderParams::default();
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        lgwin: if quality <= 4 {
            window_bits(input.len())
        } else {
            defaults.lgwin
        },
        size_hint: input.len(),
        ..defaults
    };
    let mut out = Vec::with_capacity(input.len() / 4 + 64);
    let mut reader = input;
    brotli::BrotliCompress(&mut reader, &mut out, &params).expect("compressing into memory cannot fail");
    out
}

/// `input` gzip-compressed at `level` (1–9).
pub fn gzip(input: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(input.len() / 3 + 64),
        flate2::Compression::new(level.clamp(1, 9)),
    );
    encoder.write_all(input).expect("compressing into memory cannot fail");
    encoder.finish().expect("compressing into memory cannot fail")
}

/// Bodies below this are sent as they are: the coding would save less than a packet.
const MIN_BYTES: usize = 1024;
/// A page or JSON answer longer than this is not held in memory to be compressed (none is).
const MAX_BYTES: usize = 16 << 20;

/// The kinds of response compressed here: pages and JSON, rendered whole before they are sent.
fn handled(response: &Response) -> bool {
    if response.headers().contains_key(header::CONTENT_ENCODING)
        || matches!(response.status(), StatusCode::NO_CONTENT | StatusCode::NOT_MODIFIED)
        || response.status().is_informational()
    {
        return false;
    }
    let Some(kind) = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let kind = kind.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    kind == "text/html" || kind == "application/json" || kind == "application/problem+json"
}

/// The middleware: compression level from `CORRIDOR_COMPRESSION_QUALITY` (brotli quality; gzip
/// gets the same number, at most 9).
pub async fn compress(State(quality): State<u32>, request: Request, next: Next) -> Response {
    let coding = negotiate(request.headers());
    let response = next.run(request).await;
    if !handled(&response) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if coding == Coding::Identity {
        return Response::from_parts(parts, body);
    }
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!("response body not compressed: {error}");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if bytes.len() < MIN_BYTES {
        return Response::from_parts(parts, Body::from(bytes));
    }
    let encoded = match coding {
        Coding::Brotli => brotli(&bytes, quality),
        Coding::Gzip => gzip(&bytes, quality),
        Coding::Identity => unreachable!("answered above"),
    };
    if let Some(value) = coding.header() {
        parts.headers.insert(header::CONTENT_ENCODING, value);
    }
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.remove(header::ACCEPT_RANGES);
    Response::from_parts(parts, Body::from(encoded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn headers(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        h
    }

    #[test]
    fn negotiation_prefers_brotli_and_honours_refusals() {
        assert_eq!(negotiate(&headers("gzip, deflate, br, zstd")), Coding::Brotli);
        assert_eq!(negotiate(&headers("gzip")), Coding::Gzip);
        assert_eq!(negotiate(&headers("br;q=0, gzip;q=0.8")), Coding::Gzip);
        assert_eq!(negotiate(&headers("identity")), Coding::Identity);
        assert_eq!(negotiate(&headers("*")), Coding::Brotli);
        assert_eq!(negotiate(&headers("*;q=0")), Coding::Identity);
        assert_eq!(negotiate(&headers("br;q=0, *")), Coding::Gzip);
        assert_eq!(negotiate(&HeaderMap::new()), Coding::Identity);
    }

    #[test]
    fn windows_fit_the_body() {
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(1008), 10);
        assert_eq!(window_bits(1009), 11);
        assert_eq!(window_bits(40_000), 16);
        assert_eq!(window_bits(100 << 20), 22);
    }

    #[test]
    fn both_codings_give_back_the_body() {
        let page = "<li>Cao su tấm xông khói RSS3 từ Attapeu · ຢາງພາລາ</li>\n".repeat(400);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(page.as_bytes(), 4)[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(page.as_bytes(), 4)[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, page);
        assert!(brotli(page.as_bytes(), 4).len() < page.len() / 10);
    }
}
