//! The identity domain: accounts, password sign-in, sessions, introspection, anti-replay.
//! Protobuf stops at `api`; Diesel stops at `store`.

use std::net::IpAddr;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::db::TransactionError;
use tessera_kit::{Db, DbError};
use uuid::Uuid;

use crate::clock::Clock;
use crate::config::InternalCredential;
use crate::crypto::{self, HashCost, Verified};
use crate::error::IdentityError;
use crate::keyring::KeyRing;
use crate::magic_link::MagicLinkSender;
use crate::security_log;
use crate::store::{self, NewUser, SessionRow, UserChanges, UserRow};
use crate::throttle::{self, Subjects};
use crate::validate::Identifier;

/// How long a session lives.
pub const SESSION_LIFETIME: Duration = Duration::days(30);
/// `last_used_at` is written at most this often per session.
const TOUCH_INTERVAL: Duration = Duration::minutes(1);
/// How long outbox events stay readable on the event stream.
pub const EVENT_RETENTION: Duration = Duration::days(30);
/// How long an anti-replay claim is kept.
pub const CLAIM_RETENTION: Duration = Duration::hours(24);

/// An authenticated user, as resolved from a session token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The user.
    pub user_id: Uuid,
    /// The session the token belongs to.
    pub session_id: Uuid,
    /// The user's plan.
    pub tier: String,
    /// When the session expires.
    pub expires_at: DateTime<Utc>,
}

/// A session just created; the token is shown once.
#[derive(Debug)]
pub struct IssuedSession {
    /// Session id.
    pub id: Uuid,
    /// The bearer token.
    pub token: String,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

/// Key-derivation parameters of a zero-knowledge client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KdfParams {
    /// Salt bytes.
    pub salt: Vec<u8>,
    /// Memory cost, KiB.
    pub memory_kib: u32,
    /// Iterations.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

/// A validated sign-up.
#[derive(Debug)]
pub struct NewAccount {
    pub email: Option<String>,
    pub username: Option<String>,
    pub password: String,
    pub display_name: String,
    pub picture_url: String,
    pub public_key: Option<Value>,
    pub kdf_params: Option<KdfParams>,
    pub client_description: String,
}

/// Validated changes to one's own account (`None`: unchanged).
#[derive(Debug, Default)]
pub struct AccountChanges {
    pub email: Option<Option<String>>,
    pub username: Option<Option<String>>,
    pub display_name: Option<String>,
    pub picture_url: Option<String>,
    pub public_key: Option<Option<Value>>,
}

/// A page of sessions.
#[derive(Debug)]
pub struct SessionPage {
    pub sessions: Vec<SessionRow>,
    pub next_page_token: String,
}

/// Everything the identity service is configured with.
#[derive(Debug)]
pub struct Options {
    /// Argon2id cost of new hashes.
    pub cost: HashCost,
    /// Server secret for Prelogin's made-up answers.
    pub secret: Vec<u8>,
    /// Services allowed to call internal RPCs.
    pub internal: Vec<InternalCredential>,
    /// Key ring for API keys at rest, if configured.
    pub key_ring: Option<KeyRing>,
    /// Delivers magic links.
    pub sender: Arc<dyn MagicLinkSender>,
    /// Base of magic links.
    pub magic_link_url: String,
    /// RFC 8628 verification URI.
    pub device_verification_uri: String,
    /// How long security events are kept.
    pub security_event_retention: std::time::Duration,
}

/// The identity service's state, shared by all its gRPC services.
#[derive(Debug, Clone)]
pub struct Identity {
    pub(crate) db: Db,
    pub(crate) clock: Clock,
    pub(crate) options: Arc<Options>,
    dummy_hash: Arc<String>,
    hash_slots: Arc<tokio::sync::Semaphore>,
    hash_memory: Arc<std::sync::Mutex<Vec<crypto::Memory>>>,
}

impl Identity {
    /// Builds the service; computes the dummy hash used for unknown accounts.
    pub fn new(db: Db, clock: Clock, options: Options) -> anyhow::Result<Self> {
        let dummy: [u8; 24] = rand::random();
        let dummy_hash = crypto::hash_password(
            &STANDARD.encode(dummy),
            options.cost,
            &mut crypto::Memory::default(),
        )
        .map_err(anyhow::Error::msg)?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Ok(Self {
            db,
            clock,
            options: Arc::new(options),
            dummy_hash: Arc::new(dummy_hash),
            hash_slots: Arc::new(tokio::sync::Semaphore::new(cores)),
            hash_memory: Arc::new(std::sync::Mutex::new(Vec::new())),
        })
    }

    /// The clock (tests advance it).
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Runs password work on the blocking pool, at most one computation per core at a time,
    /// each with one of the reusable Argon2id buffers (19 MiB): a flood of sign-ins queues here
    /// instead of growing the blocking pool (up to 512 threads) and memory without bound. The
    /// permit and buffer move into the blocking task, so a caller that gives up does not free a
    /// slot that is still computing.
    async fn password_work<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut crypto::Memory) -> T + Send + 'static,
    ) -> Result<T, IdentityError> {
        let permit = self
            .hash_slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| IdentityError::Internal(e.to_string()))?;
        let pool = self.hash_memory.clone();
        tokio::task::spawn_blocking(move || {
            let mut memory = pool
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .pop()
                .unwrap_or_default();
            let result = work(&mut memory);
            pool.lock().unwrap_or_else(|e| e.into_inner()).push(memory);
            drop(permit);
            result
        })
        .await
        .map_err(|e| IdentityError::Internal(e.to_string()))
    }

    async fn hash(&self, password: String) -> Result<String, IdentityError> {
        let cost = self.options.cost;
        self.password_work(move |memory| crypto::hash_password(&password, cost, memory))
            .await?
            .map_err(IdentityError::Internal)
    }

    async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, IdentityError> {
        let cost = self.options.cost;
        // Unknown accounts and password-less ones are checked against a dummy hash, so every
        // failure costs the same time.
        let (stored, real) = match stored {
            Some(hash) => (hash, true),
            None => (self.dummy_hash.as_ref().clone(), false),
        };
        let verified = self
            .password_work(move |memory| crypto::verify_password(&password, &stored, cost, memory))
            .await?;
        Ok(if real { verified } else { Verified::No })
    }

    pub(crate) fn new_session(
        &self,
        user_id: Uuid,
        client_description: &str,
    ) -> (SessionRow, IssuedSession) {
        let now = self.clock.now();
        let token = crypto::new_session_token();
        let row = SessionRow {
            id: Uuid::now_v7(),
            user_id,
            token_hash: crypto::token_hash(&token).to_vec(),
            client_description: client_description.to_owned(),
            created_at: now,
            last_used_at: now,
            expires_at: now + SESSION_LIFETIME,
            revoked_at: None,
        };
        let issued = IssuedSession {
            id: row.id,
            token,
            expires_at: row.expires_at,
        };
        (row, issued)
    }

    /// Signs a user up and opens a first session.
    pub async fn create_account(
        &self,
        account: NewAccount,
    ) -> Result<(UserRow, IssuedSession), IdentityError> {
        let password_hash = self.hash(account.password.clone()).await?;
        let now = self.clock.now();
        let user = NewUser {
            id: Uuid::now_v7(),
            email: account.email,
            username: account.username,
            display_name: account.display_name,
            picture_url: account.picture_url,
            password_hash: Some(password_hash),
            kdf_params: account.kdf_params.as_ref().map(kdf_to_json),
            public_key: account.public_key,
            created_at: now,
            updated_at: now,
        };
        let (session, issued) = self.new_session(user.id, &account.client_description);
        let row = self
            .db
            .transaction("create_account", |conn| {
                async {
                    let row = store::insert_user(conn, &user).await?;
                    store::insert_session(conn, &session).await?;
                    Ok(row)
                }
                .scope_boxed()
            })
            .await
            .map_err(unique_to_taken)?;
        Ok((row, issued))
    }

    /// Resolves a session token to its principal, or `SESSION_INVALID`.
    pub async fn authenticate(&self, token: &str) -> Result<(Principal, UserRow), IdentityError> {
        let invalid = IdentityError::Unauthenticated {
            reason: "SESSION_INVALID",
            message: "the session token is unknown, expired or revoked",
        };
        // Garbage never reaches the database.
        if !token.starts_with(crypto::SESSION_TOKEN_PREFIX) || token.len() > 128 {
            return Err(invalid);
        }
        let hash = crypto::token_hash(token);
        let now = self.clock.now();
        let found = self
            .db
            .transaction("authenticate", |conn| {
                async move {
                    let found = store::live_session(conn, &hash, now).await?;
                    if let Some((session, _)) = &found
                        && now - session.last_used_at > TOUCH_INTERVAL
                    {
                        store::touch_session(conn, session.id, now).await?;
                    }
                    Ok::<_, DbError>(found)
                }
                .scope_boxed()
            })
            .await?;
        let (session, user) = found.ok_or(invalid)?;
        let principal = Principal {
            user_id: user.id,
            session_id: session.id,
            tier: user.subscription_tier.clone(),
            expires_at: session.expires_at,
        };
        Ok((principal, user))
    }

    async fn find_user(&self, identifier: &Identifier) -> Result<Option<UserRow>, IdentityError> {
        let identifier = identifier.clone();
        Ok(self
            .db
            .transaction("find_user", |conn| {
                let identifier = identifier.clone();
                async move {
                    match identifier {
                        Identifier::Email(email) => store::user_by_email(conn, &email).await,
                        Identifier::Username(username) => {
                            store::user_by_username(conn, &username).await
                        }
                    }
                }
                .scope_boxed()
            })
            .await?)
    }

    /// The key-derivation parameters for `identifier`; made up, but stable, for unknown
    /// accounts and accounts without registered parameters.
    pub async fn prelogin(&self, identifier: &Identifier) -> Result<KdfParams, IdentityError> {
        let user = self.find_user(identifier).await?;
        if let Some(params) = user
            .and_then(|u| u.kdf_params)
            .and_then(|v| kdf_from_json(&v))
        {
            return Ok(params);
        }
        let salt = crypto::derive(
            &self.options.secret,
            "prelogin-salt",
            &identifier.normalised(),
        );
        Ok(KdfParams {
            salt: salt[..16].to_vec(),
            memory_kib: 19_456,
            iterations: 2,
            parallelism: 1,
        })
    }

    /// Checks a password (throttled) and opens a session.
    pub async fn sign_in_with_password(
        &self,
        identifier: &Identifier,
        password: String,
        client_description: &str,
        address: Option<IpAddr>,
    ) -> Result<(UserRow, IssuedSession), IdentityError> {
        let subjects = Subjects {
            account: format!("account:{}", identifier.normalised()),
            address: address.map(|a| format!("address:{a}")),
        };
        let now = self.clock.now();
        self.db
            .transaction("sign_in_check", |conn| {
                let subjects = subjects.clone();
                async move { throttle::check(conn, &subjects, now).await }.scope_boxed()
            })
            .await?;
        let user = self.find_user(identifier).await?;
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let verified = self.verify(password, stored).await?;
        let Some(user) = user.clone().filter(|_| verified != Verified::No) else {
            let known = user.map(|u| u.id);
            self.db
                .transaction("sign_in_failure", |conn| {
                    let subjects = subjects.clone();
                    async move {
                        let locked = throttle::record_failure(conn, &subjects, now).await?;
                        if let Some(user_id) = known {
                            security_log::record(
                                conn,
                                user_id,
                                "sign_in_failed",
                                address,
                                "password",
                                now,
                            )
                            .await?;
                            if locked {
                                security_log::record(conn, user_id, "lockout", address, "", now)
                                    .await?;
                            }
                        }
                        Ok::<_, IdentityError>(())
                    }
                    .scope_boxed()
                })
                .await?;
            return Err(IdentityError::bad_credentials());
        };
        let (session, issued) = self.new_session(user.id, client_description);
        let rehash = match verified {
            Verified::YesRehashed(hash) => Some(hash),
            _ => None,
        };
        self.db
            .transaction("sign_in_success", |conn| {
                let (subjects, rehash, session) =
                    (subjects.clone(), rehash.clone(), session.clone());
                async move {
                    throttle::record_success(conn, &subjects).await?;
                    if let Some(hash) = rehash {
                        let changes = UserChanges {
                            password_hash: Some(Some(hash)),
                            ..Default::default()
                        };
                        store::update_user(conn, session.user_id, &changes).await?;
                    }
                    store::insert_session(conn, &session).await?;
                    security_log::record(
                        conn,
                        session.user_id,
                        "sign_in",
                        address,
                        "password",
                        now,
                    )
                    .await?;
                    Ok::<_, IdentityError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok((user, issued))
    }

    /// Applies changes to the caller's own account.
    pub async fn update_account(
        &self,
        principal: &Principal,
        changes: AccountChanges,
    ) -> Result<UserRow, IdentityError> {
        let changes = UserChanges {
            email: changes.email,
            username: changes.username,
            display_name: changes.display_name,
            picture_url: changes.picture_url,
            public_key: changes.public_key,
            password_hash: None,
            updated_at: Some(self.clock.now()),
        };
        let user_id = principal.user_id;
        self.db
            .transaction("update_account", |conn| {
                let changes = &changes;
                async move {
                    let row = store::update_user(conn, user_id, changes).await?;
                    if row.is_some() {
                        security_log::record(
                            conn,
                            user_id,
                            "account_updated",
                            None,
                            "",
                            changes.updated_at.unwrap_or_default(),
                        )
                        .await?;
                    }
                    Ok(row)
                }
                .scope_boxed()
            })
            .await
            .map_err(unique_to_taken)?
            .ok_or_else(|| IdentityError::NotFound {
                resource: "user",
                name: user_id.to_string(),
            })
    }

    /// Finds a user by id or username for a public profile.
    pub async fn lookup(
        &self,
        id: Option<Uuid>,
        username: Option<String>,
    ) -> Result<Option<UserRow>, IdentityError> {
        Ok(self
            .db
            .transaction("lookup_user", |conn| {
                let username = username.clone();
                async move {
                    match (id, username) {
                        (Some(id), _) => store::user_by_id(conn, id).await,
                        (None, Some(name)) => store::user_by_username(conn, &name).await,
                        (None, None) => Ok(None),
                    }
                }
                .scope_boxed()
            })
            .await?)
    }

    /// Deletes the caller's account after checking the password again, and announces it.
    pub async fn delete_account(
        &self,
        principal: &Principal,
        user: &UserRow,
        password: String,
        address: Option<IpAddr>,
    ) -> Result<(), IdentityError> {
        if user.password_hash.is_some() {
            let subjects = Subjects {
                account: format!("account:user:{}", user.id),
                address: address.map(|a| format!("address:{a}")),
            };
            let now = self.clock.now();
            self.db
                .transaction("delete_account_check", |conn| {
                    let subjects = subjects.clone();
                    async move { throttle::check(conn, &subjects, now).await }.scope_boxed()
                })
                .await?;
            if self.verify(password, user.password_hash.clone()).await? == Verified::No {
                self.db
                    .transaction("delete_account_failure", |conn| {
                        let subjects = subjects.clone();
                        async move { throttle::record_failure(conn, &subjects, now).await }
                            .scope_boxed()
                    })
                    .await?;
                return Err(IdentityError::PermissionDenied(
                    "the password is not correct",
                ));
            }
        }
        let now = self.clock.now();
        let user_id = principal.user_id;
        self.db
            .transaction("delete_account", |conn| {
                async move {
                    let revoked = store::revoke_sessions(conn, user_id, None, None, now).await?;
                    store::delete_user(conn, user_id).await?;
                    let sessions: Vec<_> = revoked.into_iter().map(Some).collect();
                    store::record_events(conn, "session_revoked", user_id, &sessions, now).await?;
                    store::record_events(conn, "account_deleted", user_id, &[None], now).await
                }
                .scope_boxed()
            })
            .await?;
        tracing::info!(user_id = %user_id, "account deleted");
        Ok(())
    }

    /// A page of the caller's live sessions, newest first.
    pub async fn list_sessions(
        &self,
        principal: &Principal,
        page_size: i32,
        page_token: &str,
    ) -> Result<SessionPage, IdentityError> {
        let (limit, after) = page_request(page_size, page_token)?;
        let (user_id, now) = (principal.user_id, self.clock.now());
        let sessions = self
            .db
            .transaction("list_sessions", |conn| {
                async move { store::list_sessions(conn, user_id, now, after, limit + 1).await }
                    .scope_boxed()
            })
            .await?;
        let (sessions, next_page_token) = page_result(sessions, limit, |s| (s.created_at, s.id));
        Ok(SessionPage {
            sessions,
            next_page_token,
        })
    }

    /// Revokes the caller's sessions: one (`only`), all but one (`keep`), or all. Returns how
    /// many were live. Each revocation is announced for the introspection caches.
    pub async fn revoke_sessions(
        &self,
        principal: &Principal,
        only: Option<Uuid>,
        keep: Option<Uuid>,
    ) -> Result<usize, IdentityError> {
        let (user_id, now) = (principal.user_id, self.clock.now());
        self.db
            .transaction("revoke_sessions", |conn| {
                async move {
                    let revoked = store::revoke_sessions(conn, user_id, only, keep, now).await?;
                    let ids: Vec<_> = revoked.iter().copied().map(Some).collect();
                    if !ids.is_empty() {
                        store::record_events(conn, "session_revoked", user_id, &ids, now).await?;
                        let detail = format!("{} session(s)", revoked.len());
                        security_log::record(conn, user_id, "session_revoked", None, &detail, now)
                            .await?;
                    }
                    Ok::<_, IdentityError>(revoked.len())
                }
                .scope_boxed()
            })
            .await
    }

    /// Which service a service credential belongs to, if any.
    pub fn service_for(&self, token: &str) -> Option<&str> {
        let internal = &self.options.internal;
        crypto::matches_any(token, internal.iter().map(|c| &c.token_sha256))
            .map(|i| internal[i].name.as_str())
    }

    /// Claims a one-time token; `AlreadyExists` when claimed before.
    pub async fn claim_token(&self, token: String) -> Result<DateTime<Utc>, IdentityError> {
        let now = self.clock.now();
        let claimed = self
            .db
            .transaction("claim_token", |conn| {
                let token = token.clone();
                async move { store::claim_token(conn, &token, now).await }.scope_boxed()
            })
            .await?;
        if claimed {
            Ok(now)
        } else {
            Err(IdentityError::AlreadyExists {
                field: "token",
                message: "the token was already used",
            })
        }
    }

    /// Up to `limit` outbox events after `cursor`.
    pub async fn events_after(
        &self,
        cursor: i64,
        limit: i64,
    ) -> Result<Vec<store::EventRow>, IdentityError> {
        Ok(self
            .db
            .transaction("events_after", |conn| {
                async move { store::events_after(conn, cursor, limit).await }.scope_boxed()
            })
            .await?)
    }

    /// The cursor of the newest event.
    pub async fn last_event_cursor(&self) -> Result<i64, IdentityError> {
        Ok(self
            .db
            .transaction("last_event_cursor", |conn| {
                async move { store::last_event_cursor(conn).await }.scope_boxed()
            })
            .await?)
    }

    /// Deletes anti-replay claims, security events and outbox events past their retention,
    /// and releases the user codes of expired device authorizations. Returns how many claims
    /// and security events went.
    pub async fn sweep(&self) -> Result<usize, IdentityError> {
        let now = self.clock.now();
        let claims_before = now - CLAIM_RETENTION;
        let retention =
            Duration::from_std(self.options.security_event_retention).unwrap_or(Duration::days(90));
        let events_before = now - retention;
        Ok(self
            .db
            .transaction("sweep", |conn| {
                async move {
                    let claims = store::sweep_used_tokens(conn, claims_before).await?;
                    let events = store::sweep_security_events(conn, events_before).await?;
                    store::sweep_events(conn, now - EVENT_RETENTION).await?;
                    store::expire_device_codes(conn, now).await?;
                    Ok::<_, DbError>(claims + events)
                }
                .scope_boxed()
            })
            .await?)
    }
}

impl TransactionError for IdentityError {
    fn is_retryable(&self) -> bool {
        matches!(self, IdentityError::Db(DbError::Conflict))
    }
}

pub(crate) fn unique_to_taken(err: DbError) -> IdentityError {
    match err {
        DbError::UniqueViolation { constraint } if constraint == "users_email_key" => {
            IdentityError::AlreadyExists {
                field: "email",
                message: "the email address is already registered",
            }
        }
        DbError::UniqueViolation { constraint } if constraint == "users_username_key" => {
            IdentityError::AlreadyExists {
                field: "username",
                message: "the username is taken",
            }
        }
        other => IdentityError::Db(other),
    }
}

fn kdf_to_json(params: &KdfParams) -> Value {
    json!({
        "salt": STANDARD.encode(&params.salt),
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "parallelism": params.parallelism,
    })
}

fn kdf_from_json(value: &Value) -> Option<KdfParams> {
    let number = |name: &str| {
        value
            .get(name)?
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
    };
    Some(KdfParams {
        salt: STANDARD.decode(value.get("salt")?.as_str()?).ok()?,
        memory_kib: number("memory_kib")?,
        iterations: number("iterations")?,
        parallelism: number("parallelism")?,
    })
}

/// A keyset position: the ordering time and the id that breaks ties.
pub(crate) type Cursor = (DateTime<Utc>, Uuid);

/// Validates a keyset page request: the page size (default 50, clamped to 1000) and the
/// decoded cursor of `page_token`.
pub(crate) fn page_request(
    page_size: i32,
    page_token: &str,
) -> Result<(i64, Option<Cursor>), IdentityError> {
    let limit = match page_size {
        0 => 50,
        n if n < 0 => return Err(IdentityError::invalid("page_size", "must not be negative")),
        n => i64::from(n.min(1000)),
    };
    if page_token.is_empty() {
        return Ok((limit, None));
    }
    let after = decode_cursor(page_token).ok_or_else(|| {
        IdentityError::invalid("page_token", "is not a token this service issued")
    })?;
    Ok((limit, Some(after)))
}

/// Cuts `rows` (fetched with `limit + 1`) to a page and the token of the next one.
pub(crate) fn page_result<T>(
    mut rows: Vec<T>,
    limit: i64,
    key: impl Fn(&T) -> Cursor,
) -> (Vec<T>, String) {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    if rows.len() <= limit {
        return (rows, String::new());
    }
    rows.truncate(limit);
    let next = rows.last().map(|row| {
        let (at, id) = key(row);
        encode_cursor(at, id)
    });
    (rows, next.unwrap_or_default())
}

fn encode_cursor(created_at: DateTime<Utc>, id: Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{id}", created_at.timestamp_micros()))
}

fn decode_cursor(token: &str) -> Option<Cursor> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(token).ok()?).ok()?;
    let (micros, id) = raw.split_once(':')?;
    Some((
        DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id.parse().ok()?,
    ))
}
