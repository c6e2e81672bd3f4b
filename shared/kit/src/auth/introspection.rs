//! Resolving session tokens through identity: the [`UserResolver`] of every service but
//! identity itself.
//!
//! A bearer token is resolved by identity's `IntrospectToken` and the result cached briefly.
//! The cache is trusted only while identity's event stream is demonstrably alive (an event or
//! heartbeat within [`STREAM_SILENCE`]): revocations and account deletions arrive on that
//! stream and evict entries at once, and when the stream is silent the cache is bypassed, so a
//! revoked session stops working everywhere within about two seconds, whatever fails.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::future::BoxFuture;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tokio_util::sync::CancellationToken;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Status};

use super::credentials::token_hash;
use super::{UserCaller, UserResolver};
use crate::client::{self, Forward, RetryPolicy};
use crate::error;
pub use crate::events::follow::STREAM_SILENCE;
use crate::events::follow::{self, Handler, Message};
use crate::events::identity::{IdentityEvent, IdentityEvents};
use crate::ids::Tier;

/// Longest time a cached caller is used without asking identity again.
pub const CACHE_TTL: Duration = Duration::from_secs(60);
const MAX_ENTRIES: usize = 100_000;

#[derive(Debug)]
struct Entry {
    caller: UserCaller,
    cached_at: Instant,
}

#[derive(Debug, Default)]
struct Cache {
    entries: HashMap<[u8; 32], Entry>,
    /// The cache may be used until then (set by each message on the event stream).
    trusted_until: Option<Instant>,
    /// Bumped after every event applied (for tests and benchmarks of eviction latency).
    applied: tokio::sync::watch::Sender<u64>,
}

impl Cache {
    fn trusted(&self) -> bool {
        self.trusted_until
            .is_some_and(|until| Instant::now() < until)
    }
}

type Intercepted = InterceptedService<Channel, Forward>;

/// Resolves bearer tokens through identity. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Authenticator {
    introspection: IntrospectionServiceClient<Intercepted>,
    cache: Arc<Mutex<Cache>>,
}

impl Authenticator {
    /// Resolves through identity on `channel` with this service's credential (`forward`), and
    /// follows identity's event stream until `shutdown`.
    pub fn start(channel: Channel, forward: Forward, shutdown: CancellationToken) -> Self {
        let authenticator = Self {
            introspection: IntrospectionServiceClient::with_interceptor(
                channel.clone(),
                forward.clone(),
            ),
            cache: Arc::new(Mutex::new(Cache::default())),
        };
        let evictions = Evictions(authenticator.cache.clone());
        tokio::spawn(follow::follow(
            "identity (auth cache)",
            IdentityEvents::new(channel, forward),
            evictions,
            shutdown,
        ));
        authenticator
    }

    /// Connects (lazily) to identity at `identity_url` (plaintext) with `service_token`.
    pub fn connect(
        identity_url: &str,
        service_token: &str,
        shutdown: CancellationToken,
    ) -> anyhow::Result<Self> {
        let (channel, forward) = client::identity_link(identity_url, service_token, None)?;
        Ok(Self::start(channel, forward, shutdown))
    }

    /// The caller `token` stands for, or UNAUTHENTICATED.
    pub async fn authenticate(&self, token: &str) -> Result<UserCaller, Status> {
        let key = token_hash(token);
        if let Some(caller) = self.cached(&key) {
            return Ok(caller);
        }
        let request = pb::IntrospectTokenRequest {
            token: token.to_owned(),
        };
        let response = client::with_retry(RetryPolicy::default(), || {
            let mut introspection = self.introspection.clone();
            let request = request.clone();
            async move { introspection.introspect_token(request).await }
        })
        .await
        .map_err(|status| {
            use tonic_types::StatusExt;
            let reason = status.get_details_error_info().map(|info| info.reason);
            match (status.code(), reason.as_deref()) {
                // The token the user presented is the problem.
                (Code::Unauthenticated, Some("SESSION_INVALID")) | (Code::InvalidArgument, _) => {
                    error::unauthenticated(
                        "SESSION_INVALID",
                        "the session token is unknown, expired or revoked",
                    )
                }
                // This service's own credential is: nothing the user can fix.
                (Code::Unauthenticated | Code::PermissionDenied, _) => {
                    tracing::error!(
                        "identity refused this service's credential (TESSERA_SERVICE_TOKEN)"
                    );
                    error::unavailable("authentication is unavailable", Duration::from_secs(5))
                }
                _ => error::unavailable(
                    "authentication is unavailable; retry later",
                    Duration::from_secs(1),
                ),
            }
        })?;
        let caller = response
            .into_inner()
            .principal
            .and_then(|p| caller(&p))
            .ok_or_else(|| {
                error::unavailable(
                    "identity answered without a principal",
                    Duration::from_secs(1),
                )
            })?;
        self.remember(key, &caller);
        Ok(caller)
    }

    fn cached(&self, key: &[u8; 32]) -> Option<UserCaller> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if !cache.trusted() {
            return None;
        }
        let entry = cache.entries.get(key)?;
        let fresh =
            entry.cached_at.elapsed() < CACHE_TTL && entry.caller.expires_at > chrono::Utc::now();
        fresh.then(|| entry.caller.clone())
    }

    fn remember(&self, key: [u8; 32], caller: &UserCaller) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if !cache.trusted() {
            return; // nothing would evict it in time
        }
        if cache.entries.len() >= MAX_ENTRIES {
            cache.entries.clear();
        }
        cache.entries.insert(
            key,
            Entry {
                caller: caller.clone(),
                cached_at: Instant::now(),
            },
        );
    }

    /// How many callers are cached and usable now (for tests and benchmarks).
    pub fn cached_principals(&self) -> usize {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.trusted() {
            cache.entries.len()
        } else {
            0
        }
    }

    /// Whether `token` would be answered from the cache now (for benchmarks of eviction).
    pub fn is_cached(&self, token: &str) -> bool {
        self.cached(&token_hash(token)).is_some()
    }

    /// Changes after every event from identity's stream has been applied to the cache.
    pub fn events_applied(&self) -> tokio::sync::watch::Receiver<u64> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.applied.subscribe()
    }
}

impl UserResolver for Authenticator {
    fn resolve<'a>(&'a self, token: &'a str) -> BoxFuture<'a, Result<UserCaller, Status>> {
        Box::pin(self.authenticate(token))
    }
}

fn caller(p: &pb::Principal) -> Option<UserCaller> {
    Some(UserCaller {
        user_id: p.user_id.parse().ok()?,
        session_id: p.session_id.parse().ok()?,
        tier: match pb::SubscriptionTier::try_from(p.subscription_tier) {
            Ok(pb::SubscriptionTier::Pro) => Tier::Pro,
            Ok(pb::SubscriptionTier::Team) => Tier::Team,
            _ => Tier::Free,
        },
        expires_at: crate::convert::from_timestamp(p.expire_time.as_ref()?)?,
    })
}

/// The auth cache's reaction to identity's stream: every message extends its trust, every
/// event evicts what it concerns, and a lost stream empties it until the stream is back.
struct Evictions(Arc<Mutex<Cache>>);

impl Handler<IdentityEvent> for Evictions {
    fn resume_after(&mut self) -> BoxFuture<'_, Result<Option<i64>, crate::DbError>> {
        Box::pin(async { Ok(None) })
    }

    fn handle(
        &mut self,
        message: Message<IdentityEvent>,
    ) -> BoxFuture<'_, Result<(), crate::DbError>> {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        cache.trusted_until = Some(Instant::now() + STREAM_SILENCE);
        match message {
            Message::Heartbeat => return Box::pin(async { Ok(()) }),
            Message::Event {
                event: IdentityEvent::SessionRevoked { session_id, .. },
                ..
            } => cache
                .entries
                .retain(|_, e| e.caller.session_id != session_id),
            Message::Event {
                event: IdentityEvent::AccountDeleted { user_id },
                ..
            } => cache.entries.retain(|_, e| e.caller.user_id != user_id),
            // Unknown kinds from a newer identity: be safe.
            Message::Event { .. } => cache.entries.clear(),
        }
        cache.applied.send_modify(|n| *n += 1);
        Box::pin(async { Ok(()) })
    }

    fn lost(&mut self) {
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        cache.trusted_until = None;
        cache.entries.clear();
    }
}
