//! Starting, polling and deciding device authorizations.

use std::net::IpAddr;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use tessera_kit::auth::UserCaller;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;

use super::store;
use crate::crypto;
use crate::error::IdentityError;
use crate::ids::{DeviceAuthorizationId, DeviceStatus, SecurityEventKind};
use crate::security_log;
use crate::sessions::{self, IssuedSession};
use crate::state::Identity;
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

/// One device's authorization as stored (its device code only as a hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceAuthorization {
    /// Its id.
    pub id: DeviceAuthorizationId,
    /// What the person types, `ABCD-1234`.
    pub user_code: String,
    /// Who decided, once someone did.
    pub user_id: Option<UserId>,
    /// Where it stands.
    pub status: DeviceStatus,
    /// What the device said it is.
    pub client_description: String,
    /// The polling interval the device must keep.
    pub interval_seconds: i32,
    /// The device's last poll.
    pub last_polled_at: Option<DateTime<Utc>>,
    /// When it started.
    pub created_at: DateTime<Utc>,
    /// When it expires.
    pub expires_at: DateTime<Utc>,
}

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
    Authorized(IssuedSession),
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
            let authorization = DeviceAuthorization {
                id: DeviceAuthorizationId::new(),
                user_code: user_code(),
                user_id: None,
                status: DeviceStatus::Pending,
                client_description: client_description.to_owned(),
                interval_seconds: INTERVAL_SECONDS,
                last_polled_at: None,
                created_at: now,
                expires_at: now + LIFETIME,
            };
            let hash = crypto::token_hash(&device_code);
            let inserted = self
                .db
                .transaction("start_device_authorization", |conn| {
                    let (authorization, hash) = (&authorization, &hash);
                    async move { store::insert(conn, authorization, hash).await }.scope_boxed()
                })
                .await?;
            if inserted {
                return Ok(Started {
                    device_code,
                    user_code: authorization.user_code,
                    interval_seconds: authorization.interval_seconds,
                    expires_at: authorization.expires_at,
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
            resource: DeviceAuthorizationId::RESOURCE,
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
                    let Some(mut device) = store::by_hash(conn, &hash).await? else {
                        return Ok(Polled::Unknown);
                    };
                    // The sweep marks expired pending codes denied (to free their user
                    // codes): expiry is reported whatever the status says.
                    let expired = now >= device.expires_at;
                    if device.status == DeviceStatus::Consumed || expired {
                        return Ok(Polled::Pending(Pending::ExpiredToken));
                    }
                    if device.status == DeviceStatus::Denied {
                        return Ok(Polled::Pending(Pending::AccessDenied));
                    }
                    if device.status == DeviceStatus::Authorized {
                        let user_id = device.user_id.ok_or_else(|| {
                            IdentityError::Internal("authorized without a user".into())
                        })?;
                        device.status = DeviceStatus::Consumed;
                        device.last_polled_at = Some(now);
                        store::update(conn, &device).await?;
                        // Issued in the same transaction that consumes the authorization:
                        // exactly one poll gets the session.
                        let (session, issued) =
                            self.new_session(user_id, &device.client_description);
                        sessions::store::insert(conn, &session).await?;
                        return Ok(Polled::Authorized(issued));
                    }
                    let too_fast = device.last_polled_at.is_some_and(|last| {
                        now - last < Duration::seconds(device.interval_seconds.into())
                    });
                    if too_fast {
                        device.interval_seconds += 5;
                    }
                    device.last_polled_at = Some(now);
                    store::update(conn, &device).await?;
                    Ok::<_, IdentityError>(Polled::Pending(if too_fast {
                        Pending::SlowDown(device.interval_seconds)
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
            Polled::Authorized(issued) => Ok(Ok(issued)),
        }
    }

    /// A signed-in user approves or denies the device showing `user_code`.
    pub async fn decide_device_authorization(
        &self,
        caller: &UserCaller,
        user_code: &str,
        approve: bool,
        address: Option<IpAddr>,
    ) -> Result<String, IdentityError> {
        let subjects = Subjects::device_entry(caller.user_id, address);
        let now = self.clock.now();
        let user_id = caller.user_id;
        self.db
            .transaction("device_entry_check", |conn| {
                let subjects = &subjects;
                async move { throttle::check(conn, subjects, now).await }.scope_boxed()
            })
            .await?;
        let decided = self
            .db
            .transaction("decide_device_authorization", |conn| {
                async move {
                    let Some(mut device) =
                        store::pending_by_user_code(conn, user_code, now).await?
                    else {
                        return Ok(None);
                    };
                    device.status = if approve {
                        DeviceStatus::Authorized
                    } else {
                        DeviceStatus::Denied
                    };
                    device.user_id = Some(user_id);
                    store::update(conn, &device).await?;
                    let kind = if approve {
                        SecurityEventKind::DeviceAuthorized
                    } else {
                        SecurityEventKind::DeviceDenied
                    };
                    security_log::record(
                        conn,
                        user_id,
                        kind,
                        address,
                        &device.client_description,
                        now,
                    )
                    .await?;
                    Ok::<_, IdentityError>(Some(device.client_description))
                }
                .scope_boxed()
            })
            .await?;
        match decided {
            Some(description) => Ok(description),
            None => {
                self.db
                    .transaction("device_entry_failure", |conn| {
                        let subjects = &subjects;
                        async move {
                            throttle::record_failure(conn, subjects, now)
                                .await
                                .map(|_| ())
                        }
                        .scope_boxed()
                    })
                    .await?;
                Err(IdentityError::NotFound {
                    resource: DeviceAuthorizationId::RESOURCE,
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
