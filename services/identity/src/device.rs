//! RFC 8628 device authorization for command-line clients.
//!
//! The device gets a secret device code (stored hashed) and a short user code a person types
//! where they are signed in. The user-code space is small (about 29 bits), so wrong entries are
//! throttled per user and per address; polling faster than the interval slows the device down;
//! the session is issued exactly once.

use std::net::IpAddr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use crate::crypto;
use crate::error::IdentityError;
use crate::security_log;
use crate::service::{Identity, IssuedSession, Principal};
use crate::store::{self, DeviceCodeRow};
use crate::throttle::{self, Subjects};

/// How long a device authorization lasts.
pub const LIFETIME: Duration = Duration::minutes(15);
/// The polling interval a device starts with.
pub const INTERVAL_SECONDS: i32 = 5;
/// Device codes start with this, so a leaked one is recognisable.
pub const DEVICE_CODE_PREFIX: &str = "tdev_";
// Four letters then four digits. Letters: no vowels (no words) and none that read as a digit
// (B, I, O, S, Z); digits: none that read as a letter (0, 1). About 29 bits in all, hence
// the throttling of wrong entries.
const LETTERS: &[u8] = b"CDFGHJKLMNPQRTVWXY";
const DIGITS: &[u8] = b"23456789";

/// A started authorization, for the device.
#[derive(Debug)]
pub struct Started {
    pub device_code: String,
    pub user_code: String,
    pub interval_seconds: i32,
    pub expires_at: DateTime<Utc>,
}

/// What a poll can answer besides a session: the RFC 8628 error codes.
#[derive(Debug, PartialEq, Eq)]
pub enum Pending {
    /// The user has not decided yet.
    AuthorizationPending,
    /// Polled too fast; the interval is now this many seconds.
    SlowDown(i32),
    /// The user denied.
    AccessDenied,
    /// The codes expired (or were already exchanged).
    ExpiredToken,
}

fn user_code() -> String {
    let mut code = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            code.push('-');
        }
        let set = if i < 4 { LETTERS } else { DIGITS };
        code.push(set[rand::random_range(0..set.len())] as char);
    }
    code
}

/// `bcdf 3456`, `BCDF3456` and `bcdf-3456` all become `BCDF-3456`.
pub fn normalise_user_code(raw: &str) -> Option<String> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .collect::<String>()
        .to_ascii_uppercase();
    let (letters, digits) = compact.split_at_checked(4)?;
    let valid = digits.len() == 4
        && letters.bytes().all(|b| b.is_ascii_uppercase())
        && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| format!("{letters}-{digits}"))
}

enum Polled {
    Pending(Pending),
    Authorized(Uuid, String),
    Unknown,
}

impl Identity {
    /// Starts an authorization for a device.
    pub async fn start_device_authorization(
        &self,
        client_description: &str,
    ) -> Result<Started, IdentityError> {
        let now = self.clock.now();
        for _ in 0..5 {
            let device_code = format!(
                "{DEVICE_CODE_PREFIX}{}",
                URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
            );
            let row = DeviceCodeRow {
                id: Uuid::now_v7(),
                device_code_hash: crypto::token_hash(&device_code).to_vec(),
                user_code: user_code(),
                user_id: None,
                status: "pending".into(),
                client_description: client_description.to_owned(),
                interval_seconds: INTERVAL_SECONDS,
                last_polled_at: None,
                created_at: now,
                expires_at: now + LIFETIME,
            };
            let inserted = self
                .db
                .transaction("start_device_authorization", |conn| {
                    let row = &row;
                    async move { store::insert_device_code(conn, row).await }.scope_boxed()
                })
                .await?;
            if inserted {
                return Ok(Started {
                    device_code,
                    user_code: row.user_code,
                    interval_seconds: row.interval_seconds,
                    expires_at: row.expires_at,
                });
            }
        }
        Err(IdentityError::Internal(
            "no free user code after 5 tries".into(),
        ))
    }

    /// The device asks whether it may have a session.
    pub async fn poll_device_authorization(
        &self,
        device_code: &str,
    ) -> Result<Result<IssuedSession, Pending>, IdentityError> {
        let unknown = || IdentityError::NotFound {
            resource: "device authorization",
            name: "(device code)".into(),
        };
        if !device_code.starts_with(DEVICE_CODE_PREFIX) || device_code.len() > 128 {
            return Err(unknown());
        }
        let hash = crypto::token_hash(device_code);
        let now = self.clock.now();
        let polled = self
            .db
            .transaction("poll_device_authorization", |conn| {
                async move {
                    let Some(row) = store::device_by_hash(conn, &hash).await? else {
                        return Ok(Polled::Unknown);
                    };
                    if row.status == "consumed" || (now >= row.expires_at && row.status != "denied")
                    {
                        return Ok(Polled::Pending(Pending::ExpiredToken));
                    }
                    if row.status == "denied" {
                        return Ok(Polled::Pending(Pending::AccessDenied));
                    }
                    if row.status == "authorized" {
                        let user_id = row.user_id.ok_or_else(|| {
                            IdentityError::Internal("authorized without a user".into())
                        })?;
                        store::update_device(
                            conn,
                            row.id,
                            "consumed",
                            row.user_id,
                            row.interval_seconds,
                            Some(now),
                        )
                        .await?;
                        return Ok(Polled::Authorized(user_id, row.client_description));
                    }
                    let too_fast = row.last_polled_at.is_some_and(|last| {
                        now - last < Duration::seconds(row.interval_seconds.into())
                    });
                    let interval = if too_fast {
                        row.interval_seconds + 5
                    } else {
                        row.interval_seconds
                    };
                    store::update_device(conn, row.id, "pending", None, interval, Some(now))
                        .await?;
                    Ok::<_, IdentityError>(Polled::Pending(if too_fast {
                        Pending::SlowDown(interval)
                    } else {
                        Pending::AuthorizationPending
                    }))
                }
                .scope_boxed()
            })
            .await?;
        match polled {
            Polled::Unknown => Err(unknown()),
            Polled::Pending(pending) => Ok(Err(pending)),
            Polled::Authorized(user_id, description) => {
                let (session, issued) = self.new_session(user_id, &description);
                self.db
                    .transaction("device_session", |conn| {
                        let session = &session;
                        async move { store::insert_session(conn, session).await }.scope_boxed()
                    })
                    .await?;
                Ok(Ok(issued))
            }
        }
    }

    /// A signed-in user approves or denies the device showing `user_code`.
    pub async fn decide_device_authorization(
        &self,
        principal: &Principal,
        user_code: &str,
        approve: bool,
        address: Option<IpAddr>,
    ) -> Result<String, IdentityError> {
        let subjects = Subjects {
            account: format!("device-entry:user:{}", principal.user_id),
            address: address.map(|a| format!("device-entry:address:{a}")),
        };
        let now = self.clock.now();
        let user_id = principal.user_id;
        self.db
            .transaction("device_entry_check", |conn| {
                let subjects = subjects.clone();
                async move { throttle::check(conn, &subjects, now).await }.scope_boxed()
            })
            .await?;
        let decided = self
            .db
            .transaction("decide_device_authorization", |conn| {
                async move {
                    let Some(row) =
                        store::pending_device_by_user_code(conn, user_code, now).await?
                    else {
                        return Ok(None);
                    };
                    let status = if approve { "authorized" } else { "denied" };
                    store::update_device(
                        conn,
                        row.id,
                        status,
                        Some(user_id),
                        row.interval_seconds,
                        row.last_polled_at,
                    )
                    .await?;
                    let kind = if approve {
                        "device_authorized"
                    } else {
                        "device_denied"
                    };
                    security_log::record(
                        conn,
                        user_id,
                        kind,
                        address,
                        &row.client_description,
                        now,
                    )
                    .await?;
                    Ok::<_, IdentityError>(Some(row.client_description))
                }
                .scope_boxed()
            })
            .await?;
        match decided {
            Some(description) => Ok(description),
            None => {
                self.db
                    .transaction("device_entry_failure", |conn| {
                        let subjects = subjects.clone();
                        async move {
                            throttle::record_failure(conn, &subjects, now)
                                .await
                                .map(|_| ())
                        }
                        .scope_boxed()
                    })
                    .await?;
                Err(IdentityError::NotFound {
                    resource: "device authorization",
                    name: user_code.to_owned(),
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_codes_have_the_documented_shape() {
        for _ in 0..100 {
            let code = user_code();
            assert_eq!(normalise_user_code(&code).as_deref(), Some(code.as_str()));
            let (letters, digits) = code.split_once('-').expect("dash");
            assert!(
                !letters.contains(['A', 'E', 'I', 'O', 'U', 'B', 'S', 'Z']),
                "{code}"
            );
            assert!(!digits.contains(['0', '1']), "{code}");
        }
        assert_eq!(
            normalise_user_code("cdfg 3456").as_deref(),
            Some("CDFG-3456")
        );
        assert_eq!(
            normalise_user_code("cdfg-3456").as_deref(),
            Some("CDFG-3456")
        );
        assert_eq!(normalise_user_code("CDFG34567"), None);
        assert_eq!(normalise_user_code("1234-ABCD"), None);
    }
}
