//! Requesting and verifying magic-link codes.

use std::net::IpAddr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use subtle::ConstantTimeEq;
use tessera_kit::db::ScopedFutureExt;

use super::store;
use crate::accounts::domain::unique_to_taken;
use crate::accounts::{self, User};
use crate::crypto;
use crate::error::IdentityError;
use crate::ids::{AuthCodeId, SecurityEventKind};
use crate::security_log;
use crate::sessions::{self, IssuedSession};
use crate::state::Identity;

/// How long a code works.
pub const CODE_LIFETIME: Duration = Duration::minutes(15);
/// Wrong attempts that kill a code.
pub const MAX_ATTEMPTS: i32 = 5;
/// Codes one address may receive per hour.
pub const SENDS_PER_HOUR: usize = 5;

enum Verification {
    Wrong,
    SignedIn(Box<(User, bool)>),
}

impl Identity {
    /// Sends a code to `email`, unless the hourly limit is reached. Answers the same whether or
    /// not an account exists.
    pub async fn request_magic_link(&self, email: &str) -> Result<DateTime<Utc>, IdentityError> {
        let now = self.clock.now();
        let code = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>());
        let (id, code_hash, expires_at) = (
            AuthCodeId::new(),
            crypto::token_hash(&code),
            now + CODE_LIFETIME,
        );
        self.db
            .transaction("request_magic_link", |conn| {
                let code_hash = &code_hash;
                async move {
                    let recent = store::sent_since(conn, email, now - Duration::hours(1)).await?;
                    if recent.len() >= SENDS_PER_HOUR {
                        let free_at = recent[recent.len() - SENDS_PER_HOUR] + Duration::hours(1);
                        let wait = (free_at - now)
                            .to_std()
                            .unwrap_or_default()
                            .max(std::time::Duration::from_secs(1));
                        return Err(IdentityError::Throttled(wait));
                    }
                    store::insert(conn, id, email, code_hash, now, expires_at).await?;
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
        Ok(expires_at)
    }

    /// Exchanges a code for a session, creating the account on first use. Exactly one of any
    /// number of concurrent verifications of a code succeeds.
    pub async fn verify_magic_link(
        &self,
        email: &str,
        code: &str,
        client_description: &str,
        address: Option<IpAddr>,
    ) -> Result<(User, IssuedSession, bool), IdentityError> {
        let now = self.clock.now();
        let hash = crypto::token_hash(code);
        let new_user = User::new(Some(email.to_owned()), None, now);
        let (session, issued) = self.new_session(new_user.id, client_description);
        let outcome = self
            .db
            .transaction("verify_magic_link", |conn| {
                let (mut session, new_user) = (session.clone(), &new_user);
                async move {
                    let live = store::live(conn, email, now, MAX_ATTEMPTS).await?;
                    let matching = live
                        .iter()
                        .find(|(_, stored)| bool::from(stored.as_slice().ct_eq(&hash)));
                    let Some((code_id, _)) = matching else {
                        let ids: Vec<AuthCodeId> = live.iter().map(|(id, _)| *id).collect();
                        store::count_wrong_attempt(conn, &ids).await?;
                        return Ok(Verification::Wrong);
                    };
                    if !store::use_code(conn, *code_id, now).await? {
                        return Ok(Verification::Wrong);
                    }
                    let (user, created) = match accounts::store::by_email(conn, email).await? {
                        Some(user) => (user, false),
                        None => (
                            accounts::store::insert(conn, new_user)
                                .await
                                .map_err(unique_to_taken)?,
                            true,
                        ),
                    };
                    session.session.user_id = user.id;
                    sessions::store::insert(conn, &session).await?;
                    security_log::record(
                        conn,
                        user.id,
                        SecurityEventKind::MagicLinkSignIn,
                        address,
                        "",
                        now,
                    )
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
