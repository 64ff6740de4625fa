//! The `/api/v1` rate limit: a fixed one-minute window per key (an API token, or the client
//! address for calls without one), counted in memory. It is per process: with several
//! processes behind a load balancer each counts on its own.
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Entries are pruned when the table grows past this many keys.
const PRUNE_AT: usize = 10_000;

#[derive(Debug)]
pub struct RateLimiter {
    /// Requests per window for a token; 0 = unlimited.
    pub per_token: u32,
    /// Requests per window for an address without a token; 0 = unlimited.
    pub per_anonymous: u32,
    window: Duration,
    buckets: Mutex<HashMap<String, (Instant, u32)>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Allowed; `limit` 0 means unlimited.
    Allowed {
        limit: u32,
        remaining: u32,
    },
    Limited {
        limit: u32,
        retry_after_secs: u64,
    },
}

impl RateLimiter {
    pub fn per_minute(per_token: u32, per_anonymous: u32) -> RateLimiter {
        RateLimiter {
            per_token,
            per_anonymous,
            window: Duration::from_secs(60),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request for `key` against `limit` per window.
    pub fn check(&self, key: &str, limit: u32) -> Decision {
        self.check_at(key, limit, Instant::now())
    }

    pub fn check_at(&self, key: &str, limit: u32, now: Instant) -> Decision {
        if limit == 0 {
            return Decision::Allowed { limit: 0, remaining: 0 };
        }
        let mut buckets = self.buckets.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() >= PRUNE_AT {
            let window = self.window;
            buckets.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let bucket = buckets.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(bucket.0) >= self.window {
            *bucket = (now, 0);
        }
        if bucket.1 >= limit {
            let left = self.window.saturating_sub(now.duration_since(bucket.0));
            return Decision::Limited {
                limit,
                retry_after_secs: left.as_secs() + u64::from(left.subsec_nanos() > 0),
            };
        }
        bucket.1 += 1;
        Decision::Allowed {
            limit,
            remaining: limit - bucket.1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_allows_its_limit_then_refuses_until_it_ends() {
        let limiter = RateLimiter::per_minute(2, 1);
        let t0 = Instant::now();
        assert_eq!(
            limiter.check_at("a", 2, t0),
            Decision::Allowed { limit: 2, remaining: 1 }
        );
        assert_eq!(
            limiter.check_at("a", 2, t0),
            Decision::Allowed { limit: 2, remaining: 0 }
        );
        assert_eq!(
            limiter.check_at("a", 2, t0 + Duration::from_secs(10)),
            Decision::Limited {
                limit: 2,
                retry_after_secs: 50
            }
        );
        // Another key has its own count.
        assert!(matches!(limiter.check_at("b", 2, t0), Decision::Allowed { .. }));
        // A new window starts afresh.
        assert_eq!(
            limiter.check_at("a", 2, t0 + Duration::from_secs(60)),
            Decision::Allowed { limit: 2, remaining: 1 }
        );
        // 0 = unlimited.
        for _ in 0..100 {
            assert!(matches!(limiter.check_at("c", 0, t0), Decision::Allowed { .. }));
        }
    }
}
