//! Authenticating callers through identity: the kit's auth layer for every service but
//! identity itself.
//!
//! A bearer token is resolved by identity's `IntrospectToken` and the result cached briefly.
//! The cache is trusted only while identity's event stream is demonstrably alive (an event or
//! heartbeat within [`STREAM_SILENCE`]): revocations and account deletions arrive on that
//! stream and evict entries at once, and when the stream is silent the cache is bypassed, so a
//! revoked session stops working everywhere within about two seconds, whatever fails.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::event_service_client::EventServiceClient;
use tessera_proto::tessera::identity::v1::introspection_service_client::IntrospectionServiceClient;
use tokio_util::sync::CancellationToken;
use tonic::Code;
use tonic::Status;
use tonic::metadata::MetadataMap;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use uuid::Uuid;

use crate::client::{self, ChannelSettings, Forward, RetryPolicy};
use crate::error;

/// Longest time a cached principal is used without asking identity again.
pub const CACHE_TTL: Duration = Duration::from_secs(60);
/// A stream silent for longer than this is treated as dead (identity heartbeats every 500 ms).
pub const STREAM_SILENCE: Duration = Duration::from_millis(1500);
const MAX_ENTRIES: usize = 100_000;

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The user.
    pub user_id: Uuid,
    /// The session the token belongs to.
    pub session_id: Uuid,
    /// The user's plan.
    pub tier: pb::SubscriptionTier,
    /// When the session expires.
    pub expires_at: SystemTime,
}

#[derive(Debug)]
struct Entry {
    principal: Principal,
    cached_at: Instant,
}

#[derive(Debug, Default)]
struct Cache {
    entries: HashMap<[u8; 32], Entry>,
    /// The cache may be used until then (set by each message on the event stream).
    trusted_until: Option<Instant>,
}

type Intercepted = InterceptedService<Channel, Forward>;

/// Resolves bearer tokens to principals. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Authenticator {
    introspection: IntrospectionServiceClient<Intercepted>,
    cache: Arc<Mutex<Cache>>,
}

impl Authenticator {
    /// Connects (lazily) to identity at `identity_url` with this service's credential and starts
    /// following its event stream until `shutdown`.
    pub fn start(
        identity_url: &str,
        service_token: &str,
        shutdown: CancellationToken,
    ) -> anyhow::Result<Self> {
        let uri: http::Uri = identity_url
            .parse()
            .map_err(|e| anyhow::anyhow!("configuration error: TESSERA_IDENTITY_URL: {e}"))?;
        let host = uri
            .host()
            .ok_or_else(|| anyhow::anyhow!("configuration error: TESSERA_IDENTITY_URL: no host"))?;
        let port = uri.port_u16().unwrap_or(80);
        let channel = client::balanced_channel(host, port, ChannelSettings::default());
        let forward = Forward::bearer(service_token).map_err(|_| {
            anyhow::anyhow!("configuration error: TESSERA_SERVICE_TOKEN: not valid metadata")
        })?;
        let authenticator = Self {
            introspection: IntrospectionServiceClient::with_interceptor(
                channel.clone(),
                forward.clone(),
            ),
            cache: Arc::new(Mutex::new(Cache::default())),
        };
        let events = EventServiceClient::with_interceptor(channel, forward);
        tokio::spawn(follow_events(events, authenticator.cache.clone(), shutdown));
        Ok(authenticator)
    }

    /// The principal of the request's `authorization: Bearer <token>`, or UNAUTHENTICATED.
    pub async fn authenticate(&self, metadata: &MetadataMap) -> Result<Principal, Status> {
        let token = bearer(metadata).ok_or_else(|| {
            error::unauthenticated(
                "CREDENTIALS_MISSING",
                "send authorization: Bearer <session token>",
            )
        })?;
        let key: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        if let Some(principal) = self.cached(&key) {
            return Ok(principal);
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
        .map_err(|status| match status.code() {
            Code::Unauthenticated | Code::InvalidArgument => error::unauthenticated(
                "SESSION_INVALID",
                "the session token is unknown, expired or revoked",
            ),
            Code::PermissionDenied => {
                tracing::error!(
                    "identity refused this service's credential (TESSERA_SERVICE_TOKEN)"
                );
                error::unavailable("authentication is unavailable", Duration::from_secs(5))
            }
            _ => error::unavailable(
                "authentication is unavailable; retry later",
                Duration::from_secs(1),
            ),
        })?;
        let principal = response
            .into_inner()
            .principal
            .and_then(|p| principal(&p))
            .ok_or_else(|| {
                error::unavailable(
                    "identity answered without a principal",
                    Duration::from_secs(1),
                )
            })?;
        self.remember(key, &principal);
        Ok(principal)
    }

    fn cached(&self, key: &[u8; 32]) -> Option<Principal> {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let trusted = cache
            .trusted_until
            .is_some_and(|until| Instant::now() < until);
        let entry = cache.entries.get(key)?;
        let fresh =
            entry.cached_at.elapsed() < CACHE_TTL && entry.principal.expires_at > SystemTime::now();
        (trusted && fresh).then(|| entry.principal.clone())
    }

    fn remember(&self, key: [u8; 32], principal: &Principal) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache
            .trusted_until
            .is_none_or(|until| Instant::now() >= until)
        {
            return; // nothing would evict it in time
        }
        if cache.entries.len() >= MAX_ENTRIES {
            cache.entries.clear();
        }
        cache.entries.insert(
            key,
            Entry {
                principal: principal.clone(),
                cached_at: Instant::now(),
            },
        );
    }

    /// How many principals are cached and usable now (for tests and metrics).
    pub fn cached_principals(&self) -> usize {
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache
            .trusted_until
            .is_some_and(|until| Instant::now() < until)
        {
            cache.entries.len()
        } else {
            0
        }
    }
}

/// The token of an `authorization: Bearer <token>` header, if the request carries one.
pub fn bearer(metadata: &MetadataMap) -> Option<&str> {
    let value = metadata.get("authorization")?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}

fn principal(p: &pb::Principal) -> Option<Principal> {
    let expire = p.expire_time.as_ref()?;
    Some(Principal {
        user_id: p.user_id.parse().ok()?,
        session_id: p.session_id.parse().ok()?,
        tier: pb::SubscriptionTier::try_from(p.subscription_tier)
            .unwrap_or(pb::SubscriptionTier::Free),
        expires_at: SystemTime::UNIX_EPOCH
            + Duration::new(
                u64::try_from(expire.seconds).ok()?,
                u32::try_from(expire.nanos).ok()?,
            ),
    })
}

/// Follows identity's event stream: every message extends the cache's trust, every event
/// evicts what it concerns; a broken or silent stream empties the cache until it is back.
async fn follow_events(
    mut events: EventServiceClient<Intercepted>,
    cache: Arc<Mutex<Cache>>,
    shutdown: CancellationToken,
) {
    let mut backoff = Duration::from_millis(100);
    loop {
        let opened = tokio::select! {
            () = shutdown.cancelled() => return,
            opened = events.stream_events(pb::StreamEventsRequest { after_cursor: 0, from_now: true }) => opened,
        };
        if let Ok(stream) = opened {
            let mut stream = stream.into_inner();
            loop {
                let next = tokio::select! {
                    () = shutdown.cancelled() => return,
                    next = tokio::time::timeout(STREAM_SILENCE, stream.message()) => next,
                };
                let Ok(Ok(Some(message))) = next else { break };
                backoff = Duration::from_millis(100);
                let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
                cache.trusted_until = Some(Instant::now() + STREAM_SILENCE);
                if let Some(pb::stream_events_response::Item::Event(event)) = message.item {
                    evict(&mut cache, &event);
                }
            }
        }
        {
            let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
            cache.trusted_until = None;
            cache.entries.clear();
        }
        tracing::debug!(
            ?backoff,
            "identity event stream lost; cache bypassed until it is back"
        );
        tokio::select! {
            () = shutdown.cancelled() => return,
            () = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

fn evict(cache: &mut Cache, event: &pb::Event) {
    match pb::EventKind::try_from(event.kind) {
        Ok(pb::EventKind::SessionRevoked) => {
            if let Ok(session) = event.session_id.parse::<Uuid>() {
                cache
                    .entries
                    .retain(|_, e| e.principal.session_id != session);
            }
        }
        Ok(pb::EventKind::AccountDeleted) => {
            if let Ok(user) = event.user_id.parse::<Uuid>() {
                cache.entries.retain(|_, e| e.principal.user_id != user);
            }
        }
        // Unknown kinds from a newer identity: be safe.
        _ => cache.entries.clear(),
    }
}
