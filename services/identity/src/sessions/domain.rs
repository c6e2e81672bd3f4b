//! Issuing, resolving, listing and revoking sessions.

use chrono::{DateTime, Duration, Utc};
use futures::future::BoxFuture;
use tessera_kit::auth::{UserCaller, UserResolver};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::{SessionId, UserId};
use tessera_kit::paging::{Page, Query};
use tonic::Status;

use super::store;
use crate::crypto;
use crate::error::IdentityError;
use crate::ids::SecurityEventKind;
use crate::state::Identity;
use crate::{events, security_log};

/// How long a session lives.
pub const SESSION_LIFETIME: Duration = Duration::days(30);
/// `last_used_at` is written at most this often per session.
const TOUCH_INTERVAL: Duration = Duration::minutes(1);
/// Longest token worth looking up; anything longer is garbage.
const MAX_TOKEN_CHARS: usize = 128;

/// A session as its owner sees it (the token is never stored, only its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Its id.
    pub id: SessionId,
    /// Whose it is.
    pub user_id: UserId,
    /// What the client said it is.
    pub client_description: String,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
    /// When it was last used (to the minute).
    pub last_used_at: DateTime<Utc>,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
}

/// A session about to be stored, with the hash of its token.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The session.
    pub session: Session,
    /// SHA-256 of the token.
    pub token_hash: [u8; 32],
}

/// A session just issued; its token is shown once.
#[derive(Debug)]
pub struct IssuedSession {
    /// Session id.
    pub id: SessionId,
    /// The bearer token.
    pub token: String,
    /// Expiry.
    pub expires_at: DateTime<Utc>,
}

impl Identity {
    /// A fresh session for `user_id` and its token (not stored yet).
    pub(crate) fn new_session(
        &self,
        user_id: UserId,
        client_description: &str,
    ) -> (NewSession, IssuedSession) {
        let now = self.clock.now();
        let token = crypto::new_session_token();
        let session = Session {
            id: SessionId::new(),
            user_id,
            client_description: client_description.to_owned(),
            created_at: now,
            last_used_at: now,
            expires_at: now + SESSION_LIFETIME,
        };
        let issued = IssuedSession {
            id: session.id,
            token,
            expires_at: session.expires_at,
        };
        let token_hash = crypto::token_hash(&issued.token);
        (
            NewSession {
                session,
                token_hash,
            },
            issued,
        )
    }

    /// Resolves a session token to its caller, or `SESSION_INVALID`.
    pub async fn authenticate(&self, token: &str) -> Result<UserCaller, IdentityError> {
        let invalid = IdentityError::Unauthenticated {
            reason: "SESSION_INVALID",
            message: "the session token is unknown, expired or revoked",
        };
        // Garbage never reaches the database.
        if !token.starts_with(crypto::SESSION_TOKEN_PREFIX) || token.len() > MAX_TOKEN_CHARS {
            return Err(invalid);
        }
        let hash = crypto::token_hash(token);
        let now = self.clock.now();
        let (session, tier) = self
            .db
            .read("authenticate", move |conn| {
                async move { store::live(conn, &hash, now).await }.scope_boxed()
            })
            .await?
            .ok_or(invalid)?;
        if now - session.last_used_at > TOUCH_INTERVAL {
            let id = session.id;
            self.db
                .transaction("touch_session", |conn| {
                    store::touch(conn, id, now).scope_boxed()
                })
                .await?;
        }
        Ok(UserCaller {
            user_id: session.user_id,
            session_id: session.id,
            tier,
            expires_at: session.expires_at,
        })
    }

    /// A page of the caller's live sessions, newest first.
    pub async fn list_sessions(
        &self,
        caller: &UserCaller,
        page_size: i32,
        page_token: &str,
    ) -> Result<Page<Session>, IdentityError> {
        let query = Query::new("identity.sessions").scoped(caller.user_id);
        let request = query.request(page_size, page_token)?;
        let (user_id, now) = (caller.user_id, self.clock.now());
        let (after, limit) = (request.after, request.fetch_limit());
        let sessions = self
            .db
            .read("list_sessions", move |conn| {
                store::list(conn, user_id, now, after, limit).scope_boxed()
            })
            .await?;
        Ok(query.page(sessions, &request, |s| (s.created_at, s.id)))
    }

    /// Revokes the caller's sessions: one (`only`), all but one (`keep`), or all. Returns how
    /// many were live. Each revocation is announced for the other services' caches.
    pub async fn revoke_sessions(
        &self,
        caller: &UserCaller,
        only: Option<SessionId>,
        keep: Option<SessionId>,
    ) -> Result<usize, IdentityError> {
        let (user_id, now) = (caller.user_id, self.clock.now());
        self.db
            .transaction("revoke_sessions", |conn| {
                async move {
                    let revoked = store::revoke(conn, user_id, only, keep, now).await?;
                    if !revoked.is_empty() {
                        events::store::sessions_revoked(conn, user_id, &revoked, now).await?;
                        let detail = format!("{} session(s)", revoked.len());
                        security_log::record(
                            conn,
                            user_id,
                            SecurityEventKind::SessionRevoked,
                            None,
                            &detail,
                            now,
                        )
                        .await?;
                    }
                    Ok::<_, IdentityError>(revoked.len())
                }
                .scope_boxed()
            })
            .await
    }
}

/// identity resolves its own sessions (the other services ask it over introspection).
#[derive(Debug, Clone)]
pub struct LocalResolver(pub Identity);

impl UserResolver for LocalResolver {
    fn resolve<'a>(&'a self, token: &'a str) -> BoxFuture<'a, Result<UserCaller, Status>> {
        Box::pin(async move { Ok(self.0.authenticate(token).await?) })
    }
}
