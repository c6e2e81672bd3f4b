//! Magic-link sign-in: a single-use code sent by email, exchanged for a session.
//!
//! Codes carry 128 random bits and are stored only as SHA-256. A code works once, for 15
//! minutes, and dies after 5 wrong attempts; an address receives at most 5 codes an hour.

use std::fmt::Debug;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use futures::future::BoxFuture;
use subtle::ConstantTimeEq;
use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use crate::crypto;
use crate::error::IdentityError;
use crate::security_log;
use crate::service::{Identity, IssuedSession, unique_to_taken};
use crate::store::{self, AuthCodeRow, NewUser, UserRow};

/// How long a code works.
pub const CODE_LIFETIME: Duration = Duration::minutes(15);
/// Wrong attempts that kill a code.
pub const MAX_ATTEMPTS: i32 = 5;
/// Codes one address may receive per hour.
pub const SENDS_PER_HOUR: usize = 5;

/// Delivers a magic link to an email address. Implementations must not log the link.
pub trait MagicLinkSender: Send + Sync + Debug {
    /// Sends `link` (which contains the code) to `email`.
    fn send<'a>(
        &'a self,
        email: &'a str,
        link: &'a str,
        code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>>;
}

/// Development sender: writes the link to the log under the `tessera_identity::dev_mail`
/// target. It exists so `make run` works without SMTP; never use it in production, since the
/// link is a credential.
#[derive(Debug, Default)]
pub struct LogSender;

impl MagicLinkSender for LogSender {
    fn send<'a>(
        &'a self,
        email: &'a str,
        link: &'a str,
        _code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            tracing::info!(target: "tessera_identity::dev_mail", %email, %link, "development mail: magic link");
            Ok(())
        })
    }
}

/// Test sender: keeps what was sent.
#[derive(Debug, Default, Clone)]
pub struct MemorySender {
    sent: Arc<Mutex<Vec<(String, String)>>>,
}

impl MemorySender {
    /// The latest code sent to `email`.
    pub fn last_code(&self, email: &str) -> Option<String> {
        let sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.iter()
            .rev()
            .find(|(to, _)| to == email)
            .map(|(_, code)| code.clone())
    }
}

impl MagicLinkSender for MemorySender {
    fn send<'a>(
        &'a self,
        email: &'a str,
        _link: &'a str,
        code: &'a str,
    ) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            self.sent
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((email.to_owned(), code.to_owned()));
            Ok(())
        })
    }
}

enum Verification {
    Wrong,
    SignedIn(Box<(UserRow, bool)>),
}

impl Identity {
    /// Sends a code to `email`, unless the hourly limit is reached. Answers the same whether or
    /// not an account exists.
    pub async fn request_magic_link(&self, email: &str) -> Result<DateTime<Utc>, IdentityError> {
        let now = self.clock.now();
        let code = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>());
        let row = AuthCodeRow {
            id: Uuid::now_v7(),
            email: email.to_owned(),
            code_hash: crypto::token_hash(&code).to_vec(),
            attempts: 0,
            created_at: now,
            expires_at: now + CODE_LIFETIME,
            used_at: None,
        };
        self.db
            .transaction("request_magic_link", |conn| {
                let row = &row;
                async move {
                    let recent =
                        store::codes_sent_since(conn, &row.email, now - Duration::hours(1)).await?;
                    if recent.len() >= SENDS_PER_HOUR {
                        let free_at = recent[recent.len() - SENDS_PER_HOUR] + Duration::hours(1);
                        let wait = (free_at - now)
                            .to_std()
                            .unwrap_or_default()
                            .max(std::time::Duration::from_secs(1));
                        return Err(IdentityError::Throttled(wait));
                    }
                    store::insert_code(conn, row).await?;
                    Ok(())
                }
                .scope_boxed()
            })
            .await?;
        let link = format!(
            "{}?email={}&code={code}",
            self.options.magic_link_url,
            email.replace('@', "%40").replace('+', "%2B")
        );
        self.options
            .sender
            .send(email, &link, &code)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "sending a magic link failed");
                IdentityError::Db(tessera_kit::DbError::Unavailable(
                    "the mail sender is unavailable".into(),
                ))
            })?;
        Ok(row.expires_at)
    }

    /// Exchanges a code for a session, creating the account on first use. Exactly one of any
    /// number of concurrent verifications of a code succeeds.
    pub async fn verify_magic_link(
        &self,
        email: &str,
        code: &str,
        client_description: &str,
        address: Option<IpAddr>,
    ) -> Result<(UserRow, IssuedSession, bool), IdentityError> {
        let now = self.clock.now();
        let hash = crypto::token_hash(code);
        let new_user_id = Uuid::now_v7();
        let (session, issued) = self.new_session(new_user_id, client_description);
        let outcome = self
            .db
            .transaction("verify_magic_link", |conn| {
                let mut session = session.clone();
                async move {
                    let live = store::live_codes(conn, email, now, MAX_ATTEMPTS).await?;
                    let matching = live
                        .iter()
                        .find(|c| bool::from(c.code_hash.as_slice().ct_eq(&hash)));
                    let Some(code) = matching else {
                        let ids: Vec<Uuid> = live.iter().map(|c| c.id).collect();
                        store::count_wrong_attempt(conn, &ids).await?;
                        return Ok(Verification::Wrong);
                    };
                    if !store::use_code(conn, code.id, now).await? {
                        return Ok(Verification::Wrong);
                    }
                    let (user, created) = match store::user_by_email(conn, email).await? {
                        Some(user) => (user, false),
                        None => {
                            let user = NewUser {
                                id: new_user_id,
                                email: Some(email.to_owned()),
                                username: None,
                                display_name: String::new(),
                                picture_url: String::new(),
                                password_hash: None,
                                kdf_params: None,
                                public_key: None,
                                created_at: now,
                                updated_at: now,
                            };
                            (
                                store::insert_user(conn, &user)
                                    .await
                                    .map_err(unique_to_taken)?,
                                true,
                            )
                        }
                    };
                    session.user_id = user.id;
                    store::insert_session(conn, &session).await?;
                    security_log::record(conn, user.id, "magic_link_sign_in", address, "", now)
                        .await?;
                    Ok::<_, IdentityError>(Verification::SignedIn(Box::new((user, created))))
                }
                .scope_boxed()
            })
            .await?;
        match outcome {
            Verification::Wrong => Err(IdentityError::Unauthenticated {
                reason: "INVALID_CODE",
                message: "the code is wrong, used, expired or out of attempts",
            }),
            Verification::SignedIn(signed_in) => {
                let (user, created) = *signed_in;
                Ok((user, issued, created))
            }
        }
    }
}
