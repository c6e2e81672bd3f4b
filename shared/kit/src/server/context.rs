//! What a service's routes are built from ([`Context`]) and what they are ([`Services`]).

use std::convert::Infallible;
use std::sync::Arc;

use diesel_async::AsyncPgConnection;
use tessera_proto::MessageLimits;
use tokio_util::sync::CancellationToken;
use tonic::body::Body;
use tonic::server::NamedService;
use tonic::service::RoutesBuilder;
use tonic::transport::Channel;

use super::ServiceSpec;
use crate::auth::{Access, AuthLayer, Authenticator, SharedResolver};
use crate::client::Forward;
use crate::config::CommonConfig;
use crate::db::{Db, DbError, ScopedBoxFuture};
use crate::events::{self, Durable, IdentityEvent, IdentityEvents};
use crate::ids::UserId;
use crate::metrics::Metrics;
use crate::notify::Notifier;

/// What a service's routes are built from.
#[derive(Debug, Clone)]
pub struct Context {
    /// Which service this is.
    pub spec: ServiceSpec,
    /// The service's connection pool.
    pub db: Db,
    /// Cancelled when shutdown begins: long-lived streams and background work end with it.
    pub shutdown: CancellationToken,
    /// The common configuration.
    pub config: CommonConfig,
    /// Resolves callers' session tokens through identity (when `TESSERA_IDENTITY_URL` is set).
    pub auth: Option<Authenticator>,
    /// The process's LISTEN/NOTIFY connection.
    pub notifier: Notifier,
    /// The service's metrics.
    pub metrics: Metrics,
    /// identity's address and this service's credential for it.
    pub(super) identity: Option<(Channel, Forward)>,
    /// Becomes true once the database answers and the schema is migrated.
    pub(super) ready: tokio::sync::watch::Receiver<bool>,
}

impl Context {
    /// Waits until start-up is done (database reachable, migrations applied): background work
    /// that touches the schema starts after this. Returns false if the service stopped first.
    pub async fn wait_until_ready(&self) -> bool {
        let mut ready = self.ready.clone();
        ready.wait_for(|ready| *ready).await.is_ok()
    }

    /// Runs `job` in the background once start-up is done, then again every `interval`, until
    /// the service stops: the shape of every sweep. `job` logs its own outcome.
    pub fn every<F, Fut>(&self, interval: std::time::Duration, mut job: F)
    where
        F: FnMut() -> Fut + Send + 'static,
        Fut: Future<Output = ()> + Send,
    {
        let ctx = self.clone();
        tokio::spawn(async move {
            if !ctx.wait_until_ready().await {
                return;
            }
            loop {
                tokio::select! {
                    () = ctx.shutdown.cancelled() => return,
                    () = job() => {}
                }
                tokio::select! {
                    () = ctx.shutdown.cancelled() => return,
                    () = tokio::time::sleep(interval) => {}
                }
            }
        });
    }

    /// An empty set of services guarded by `access`, with the configured message limits, the
    /// configured service credentials and identity's introspection as the session resolver.
    pub fn services(&self, access: Access) -> Services {
        Services {
            routes: RoutesBuilder::default(),
            names: Vec::new(),
            max_message_bytes: self.config.max_message_bytes as usize,
            access,
            resolver: self
                .auth
                .clone()
                .map(|auth| Arc::new(auth) as SharedResolver),
        }
    }

    /// The channel to identity (when `TESSERA_IDENTITY_URL` is set), for calls a service
    /// makes there on a user's behalf with that user's token.
    pub fn identity_channel(&self) -> Option<Channel> {
        self.identity.as_ref().map(|(channel, _)| channel.clone())
    }

    /// A channel to another Tessera service at `url` (the setting `setting`) and the
    /// interceptor presenting this service's credential (`TESSERA_SERVICE_TOKEN`, required).
    pub fn service_link(&self, setting: &str, url: &str) -> anyhow::Result<(Channel, Forward)> {
        let token = self.config.service_token.as_ref().ok_or_else(|| {
            anyhow::anyhow!("configuration error: TESSERA_SERVICE_TOKEN is required with {setting}")
        })?;
        let tls = crate::tls::client::from_config(&self.config)?;
        crate::client::service_link(setting, url, token.expose(), tls.as_ref())
    }

    /// This service's outbox, for serving its event stream.
    pub fn outbox(&self) -> events::stream::Outbox {
        events::stream::Outbox {
            db: self.db.clone(),
            notifier: self.notifier.clone(),
            schema: self.spec.schema,
            shutdown: self.shutdown.clone(),
        }
    }

    /// Follows identity's event stream as `consumer` once the service is ready: each event is
    /// handled by `handle` in a transaction that also advances the consumer's stored cursor
    /// (at least once: `handle` must make duplicates harmless). Without
    /// `TESSERA_IDENTITY_URL` nothing is followed.
    pub fn follow_identity<F>(&self, consumer: &'static str, handle: F)
    where
        F: for<'c> Fn(
                &'c mut AsyncPgConnection,
                &'c IdentityEvent,
            ) -> ScopedBoxFuture<'c, 'c, Result<(), DbError>>
            + Send
            + Sync
            + 'static,
    {
        let Some((channel, forward)) = self.identity.clone() else {
            tracing::info!(
                consumer,
                "no TESSERA_IDENTITY_URL: not following identity's events"
            );
            return;
        };
        let ctx = self.clone();
        tokio::spawn(async move {
            if !ctx.wait_until_ready().await {
                return;
            }
            events::follow::follow(
                consumer,
                IdentityEvents::new(channel, forward),
                Durable::new(consumer, ctx.db.clone(), handle),
                ctx.shutdown.clone(),
            )
            .await;
        });
    }
}

impl Context {
    /// Purges what this service holds for a user when identity announces the account's
    /// deletion: `purge` runs in the transaction that advances the `account-purge` cursor, at
    /// least once per deletion (so it must be harmless to repeat).
    pub fn on_account_deleted<F>(&self, purge: F)
    where
        F: for<'c> Fn(
                &'c mut AsyncPgConnection,
                UserId,
            ) -> ScopedBoxFuture<'c, 'c, Result<(), DbError>>
            + Send
            + Sync
            + 'static,
    {
        self.follow_identity("account-purge", move |conn, event| match event {
            IdentityEvent::AccountDeleted { user_id } => purge(conn, *user_id),
            _ => Box::pin(async { Ok(()) }),
        });
    }
}

/// The gRPC services a binary serves next to health and reflection, and who may call them.
#[derive(Debug)]
pub struct Services {
    pub(super) routes: RoutesBuilder,
    pub(super) names: Vec<&'static str>,
    max_message_bytes: usize,
    pub(super) access: Access,
    pub(super) resolver: Option<SharedResolver>,
}

impl Services {
    /// Adds a generated tonic server, applying the configured message-size limits.
    pub fn with<S>(mut self, service: S) -> Self
    where
        S: tower::Service<http::Request<Body>, Response = http::Response<Body>, Error = Infallible>
            + MessageLimits
            + NamedService
            + Clone
            + Send
            + Sync
            + 'static,
        S::Future: Send + 'static,
    {
        self.names.push(S::NAME);
        self.routes
            .add_service(service.with_message_limits(self.max_message_bytes));
        self
    }

    /// Resolves session tokens with `resolver` instead of identity's introspection (identity
    /// itself resolves its own sessions).
    pub fn resolve_users_with(mut self, resolver: SharedResolver) -> Self {
        self.resolver = Some(resolver);
        self
    }

    /// The fully-qualified names of the services added.
    pub fn names(&self) -> &[&'static str] {
        &self.names
    }

    /// The access policy.
    pub fn access(&self) -> Access {
        self.access
    }

    pub(super) fn auth_layer(
        &self,
        credentials: crate::auth::ServiceCredentials,
        operators: crate::auth::ServiceCredentials,
        service_certificates: bool,
    ) -> AuthLayer {
        AuthLayer::new(
            self.access,
            self.names.clone(),
            credentials,
            operators,
            self.resolver.clone(),
        )
        .with_service_certificates(service_certificates)
    }

    /// Checks that every entry of the access policy names a method this binary serves, so a
    /// typo cannot leave a method guarded differently than intended.
    pub(super) fn check_access(&self) -> anyhow::Result<()> {
        use prost::Message as _;
        let descriptors =
            prost_types::FileDescriptorSet::decode(tessera_proto::FILE_DESCRIPTOR_SET)?;
        let methods: Vec<(String, String)> = descriptors
            .file
            .iter()
            .flat_map(|file| {
                file.service.iter().flat_map(move |service| {
                    let full = format!("{}.{}", file.package(), service.name());
                    service
                        .method
                        .iter()
                        .map(move |m| (full.clone(), m.name().to_owned()))
                })
            })
            .collect();
        for entry in self.access.entries() {
            let (service, method) = match entry.split_once('/') {
                Some((service, method)) => (service, Some(method)),
                None => (entry, None),
            };
            let served = self.names.contains(&service);
            let exists = methods
                .iter()
                .any(|(s, m)| s == service && method.is_none_or(|method| m == method));
            if !served || !exists {
                anyhow::bail!("the access policy names {entry}, which this binary does not serve");
            }
        }
        Ok(())
    }
}
