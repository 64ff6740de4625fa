//! The `/api/v1` rate limit, per key (an API token, or the client address for calls without
//! one), by governor's GCRA: `n` requests a minute with a burst of `n`, refilled evenly (one
//! every 60/n seconds), so no window edge lets twice the limit through and no request scans
//! the table. It is per process: with several processes behind a load balancer each counts on
//! its own.
use governor::clock::{Clock, DefaultClock, Reference};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DashMapStateStore;
use governor::Quota;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Keys whose buckets are full again are dropped after this many checks.
const PRUNE_EVERY: u64 = 4_096;

type Keyed<K, C> = governor::RateLimiter<K, DashMapStateStore<K>, C, StateInformationMiddleware>;

/// The two limits: per API token and per client address without one (`None` = unlimited).
pub struct RateLimiter<C: Clock + Clone = DefaultClock> {
    tokens: Option<(u32, Keyed<i32, C>)>,
    anonymous: Option<(u32, Keyed<String, C>)>,
    clock: C,
    checks: AtomicU64,
}

impl<C: Clock + Clone> std::fmt::Debug for RateLimiter<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter")
            .field("per_token", &self.tokens.as_ref().map(|(n, _)| n))
            .field("per_anonymous", &self.anonymous.as_ref().map(|(n, _)| n))
            .finish()
    }
}

/// Who a request is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key<'a> {
    Token(i32),
    Address(&'a str),
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

impl RateLimiter<DefaultClock> {
    /// `per_token` and `per_anonymous` requests a minute; 0 = unlimited.
    pub fn per_minute(per_token: u32, per_anonymous: u32) -> Self {
        Self::per_minute_with_clock(per_token, per_anonymous, DefaultClock::default())
    }
}

impl<C: Clock + Clone> RateLimiter<C> {
    pub fn per_minute_with_clock(per_token: u32, per_anonymous: u32, clock: C) -> Self {
        fn limiter<K: Clone + std::hash::Hash + Eq, C: Clock + Clone>(n: u32, clock: &C) -> Option<(u32, Keyed<K, C>)> {
            let n = NonZeroU32::new(n)?;
            let limiter: Keyed<K, C> =
                governor::RateLimiter::new(Quota::per_minute(n), DashMapStateStore::default(), clock.clone());
            Some((n.get(), limiter))
        }
        RateLimiter {
            tokens: limiter(per_token, &clock),
            anonymous: limiter(per_anonymous, &clock),
            clock,
            checks: AtomicU64::new(0),
        }
    }

    /// Counts one request for `key`.
    pub fn check(&self, key: Key<'_>) -> Decision {
        if self.checks.fetch_add(1, Ordering::Relaxed) % PRUNE_EVERY == PRUNE_EVERY - 1 {
            self.prune();
        }
        match key {
            Key::Token(id) => decide(self.tokens.as_ref(), &id, &self.clock),
            Key::Address(addr) => decide(self.anonymous.as_ref(), &addr.to_owned(), &self.clock),
        }
    }

    /// Forgets keys that are back at a full burst (they would be allowed as if new).
    pub fn prune(&self) {
        if let Some((_, limiter)) = &self.tokens {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        if let Some((_, limiter)) = &self.anonymous {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }

    /// Keys currently remembered (for tests and metrics).
    pub fn len(&self) -> usize {
        self.tokens.as_ref().map_or(0, |(_, l)| l.len()) + self.anonymous.as_ref().map_or(0, |(_, l)| l.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn decide<K: Clone + std::hash::Hash + Eq, C: Clock>(
    limiter: Option<&(u32, Keyed<K, C>)>,
    key: &K,
    clock: &C,
) -> Decision {
    let Some((limit, limiter)) = limiter else {
        return Decision::Allowed { limit: 0, remaining: 0 };
    };
    match limiter.check_key(key) {
        Ok(state) => Decision::Allowed {
            limit: *limit,
            remaining: state.remaining_burst_capacity(),
        },
        Err(not_until) => {
            let wait: Duration = not_until.earliest_possible().duration_since(clock.now()).into();
            Decision::Limited {
                limit: *limit,
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use governor::clock::FakeRelativeClock;

    fn limiter(per_token: u32, per_anonymous: u32) -> (RateLimiter<FakeRelativeClock>, FakeRelativeClock) {
        let clock = FakeRelativeClock::default();
        (
            RateLimiter::per_minute_with_clock(per_token, per_anonymous, clock.clone()),
            clock,
        )
    }

    #[test]
    fn a_key_gets_its_burst_then_waits_for_the_next_refill() {
        let (limiter, clock) = limiter(2, 1);
        let a = Key::Token(1);
        assert_eq!(limiter.check(a), Decision::Allowed { limit: 2, remaining: 1 });
        assert_eq!(limiter.check(a), Decision::Allowed { limit: 2, remaining: 0 });
        clock.advance(Duration::from_secs(10));
        // One request comes back every 30 s: 20 s to go.
        assert_eq!(
            limiter.check(a),
            Decision::Limited {
                limit: 2,
                retry_after_secs: 20
            }
        );
        // Another key has its own count, and addresses have their own limit.
        assert!(matches!(limiter.check(Key::Token(2)), Decision::Allowed { .. }));
        assert_eq!(
            limiter.check(Key::Address("10.0.0.1")),
            Decision::Allowed { limit: 1, remaining: 0 }
        );
        assert!(matches!(
            limiter.check(Key::Address("10.0.0.1")),
            Decision::Limited { .. }
        ));
        clock.advance(Duration::from_secs(20));
        assert_eq!(limiter.check(a), Decision::Allowed { limit: 2, remaining: 0 });
    }

    #[test]
    fn a_window_edge_does_not_let_twice_the_limit_through() {
        // The old fixed window allowed `n` at 0:59 and `n` more at 1:00.
        let (limiter, clock) = limiter(60, 1);
        let key = Key::Token(7);
        let burst = (0..200)
            .filter(|_| matches!(limiter.check(key), Decision::Allowed { .. }))
            .count();
        assert_eq!(burst, 60);
        clock.advance(Duration::from_secs(1));
        let after_edge = (0..200)
            .filter(|_| matches!(limiter.check(key), Decision::Allowed { .. }))
            .count();
        assert_eq!(after_edge, 1, "one request a second comes back, not a whole new minute");
        // Over any two minutes: at most 60 + 120.
        let mut allowed = burst + after_edge;
        for _ in 0..119 {
            clock.advance(Duration::from_secs(1));
            allowed += (0..5)
                .filter(|_| matches!(limiter.check(key), Decision::Allowed { .. }))
                .count();
        }
        assert_eq!(allowed, 180);
    }

    #[test]
    fn zero_means_unlimited_and_idle_keys_are_forgotten() {
        let (limiter, clock) = limiter(0, 5);
        for _ in 0..1000 {
            assert_eq!(
                limiter.check(Key::Token(1)),
                Decision::Allowed { limit: 0, remaining: 0 }
            );
        }
        for n in 0..100 {
            limiter.check(Key::Address(&format!("10.0.0.{n}")));
        }
        assert_eq!(limiter.len(), 100);
        clock.advance(Duration::from_secs(61));
        limiter.prune();
        assert!(limiter.is_empty());
    }
}
