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
use crate::throttle::{self, Subjects};

/// How long a code works.
pub const CODE_LIFETIME: Duration = Duration::minutes(15);
/// Wrong guesses from the client address that requested a code that kill it.
pub const MAX_ATTEMPTS: i32 = 5;
/// Wrong guesses from anywhere that kill a code (128 random bits make guessing hopeless; this
/// only bounds the work spent on one code).
pub const MAX_ATTEMPTS_IN_ALL: i32 = 50;
/// Codes one recipient may be sent per hour on behalf of one client address.
pub const SENDS_PER_HOUR: usize = 5;
/// Codes one recipient may be sent per hour in all: the hard ceiling against email bombing.
pub const MAILS_PER_RECIPIENT_PER_HOUR: usize = 20;

/// How long until one of `sent` (oldest first, within the last hour) leaves the window, when
/// `limit` of them are in it.
fn over_limit(
    sent: &[DateTime<Utc>],
    limit: usize,
    now: DateTime<Utc>,
) -> Option<std::time::Duration> {
    if sent.len() < limit {
        return None;
    }
    let free_at = sent[sent.len() - limit] + Duration::hours(1);
    Some(
        (free_at - now)
            .to_std()
            .unwrap_or_default()
            .max(std::time::Duration::from_secs(1)),
    )
}

fn send_limit(message: &'static str, retry_after: std::time::Duration) -> IdentityError {
    IdentityError::Throttled {
        reason: "MAGIC_LINK_SEND_LIMIT",
        message,
        retry_after,
    }
}

enum Verification {
    Wrong,
    SignedIn(Box<(User, bool)>),
}

impl Identity {
    /// Sends a code to `email` for a client at `address`, unless that address has had
    /// [`SENDS_PER_HOUR`] codes sent to this recipient in the last hour, or the recipient
    /// [`MAILS_PER_RECIPIENT_PER_HOUR`] in all. Answers the same whether or not an account
    /// exists.
    pub async fn request_magic_link(
        &self,
        email: &str,
        address: Option<IpAddr>,
    ) -> Result<DateTime<Utc>, IdentityError> {
        let now = self.clock.now();
        let code = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>());
        let (id, code_hash, expires_at) = (
            AuthCodeId::new(),
            crypto::token_hash(&code),
            now + CODE_LIFETIME,
        );
        let client_address = address.map(|a| a.to_string());
        self.db
            .transaction("request_magic_link", |conn| {
                let (code_hash, client_address) = (&code_hash, client_address.as_deref());
                async move {
                    store::lock_recipient(conn, email).await?;
                    let hour_ago = now - Duration::hours(1);
                    let recent = store::sent_since(conn, email, hour_ago).await?;
                    let from_here: Vec<DateTime<Utc>> = recent
                        .iter()
                        .filter(|(_, a)| a.as_deref() == client_address)
                        .map(|(at, _)| *at)
                        .collect();
                    if let Some(wait) = over_limit(&from_here, SENDS_PER_HOUR, now) {
                        return Err(send_limit(
                            "too many magic links were requested for this email address from this client address in the last hour",
                            wait,
                        ));
                    }
                    let all: Vec<DateTime<Utc>> = recent.iter().map(|(at, _)| *at).collect();
                    if let Some(wait) = over_limit(&all, MAILS_PER_RECIPIENT_PER_HOUR, now) {
                        return Err(send_limit(
                            "too many magic links were sent to this email address in the last hour",
                            wait,
                        ));
                    }
                    let expires = expires_at;
                    store::insert(conn, id, email, code_hash, client_address, now, expires)
                        .await?;
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
        // Wrong codes from one address, whatever the email, are throttled like passwords.
        let subjects = Subjects::magic_code(address);
        self.db
            .transaction("verify_magic_link_check", |conn| {
                let subjects = &subjects;
                async move { throttle::check(conn, subjects, now).await }.scope_boxed()
            })
            .await?;
        let hash = crypto::token_hash(code);
        let client_address = address.map(|a| a.to_string());
        let new_user = User::new(Some(email.to_owned()), None, now);
        let (session, issued) = self.new_session(new_user.id, client_description);
        let outcome = self
            .db
            .transaction("verify_magic_link", |conn| {
                let (mut session, new_user) = (session.clone(), &new_user);
                let client_address = &client_address;
                async move {
                    let live =
                        store::live(conn, email, now, MAX_ATTEMPTS, MAX_ATTEMPTS_IN_ALL).await?;
                    let matching = live
                        .iter()
                        .find(|(_, stored)| bool::from(stored.as_slice().ct_eq(&hash)));
                    let Some((code_id, _)) = matching else {
                        let ids: Vec<AuthCodeId> = live.iter().map(|(id, _)| *id).collect();
                        store::count_wrong_attempt(conn, &ids, client_address.as_deref()).await?;
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
            Verification::Wrong => {
                self.db
                    .transaction("verify_magic_link_failure", |conn| {
                        let subjects = &subjects;
                        async move { throttle::record_failure(conn, subjects, now).await }
                            .scope_boxed()
                    })
                    .await?;
                Err(IdentityError::Unauthenticated {
                    reason: "INVALID_CODE",
                    message: "the code is wrong, used, expired or out of attempts",
                })
            }
            Verification::SignedIn(signed_in) => {
                let (user, created) = *signed_in;
                Ok((user, issued, created))
            }
        }
    }
}
