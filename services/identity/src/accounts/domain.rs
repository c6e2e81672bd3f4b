//! Account rules: sign-up, profile changes, lookups and deletion.

use std::net::IpAddr;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use tessera_kit::DbError;
use tessera_kit::auth::UserCaller;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::{Tier, UserId};

use super::store;
use crate::crypto::Verified;
use crate::error::IdentityError;
use crate::ids::SecurityEventKind;
use crate::sessions::{self, IssuedSession};
use crate::state::Identity;
use crate::throttle::{self, Subjects};
use crate::{events, security_log};

/// A user of the suite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Its id.
    pub id: UserId,
    /// Lowercase email, if any.
    pub email: Option<String>,
    /// Username, if any (unique regardless of case).
    pub username: Option<String>,
    /// Shown name.
    pub display_name: String,
    /// https URL of a picture, or empty.
    pub picture_url: String,
    /// PHC string (Argon2id, or bcrypt carried over); `None` for password-less accounts.
    pub password_hash: Option<String>,
    /// A zero-knowledge client's key-derivation parameters (JSON), if registered.
    pub kdf_params: Option<Value>,
    /// Public JWK, if any.
    pub public_key: Option<Value>,
    /// Plan.
    pub tier: Tier,
    /// Sign-up time.
    pub created_at: DateTime<Utc>,
    /// Last profile change.
    pub updated_at: DateTime<Utc>,
}

impl User {
    /// A new free account as of `now`.
    pub fn new(email: Option<String>, username: Option<String>, now: DateTime<Utc>) -> Self {
        Self {
            id: UserId::new(),
            email,
            username,
            display_name: String::new(),
            picture_url: String::new(),
            password_hash: None,
            kdf_params: None,
            public_key: None,
            tier: Tier::Free,
            created_at: now,
            updated_at: now,
        }
    }
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

/// Key-derivation costs without the salt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfProfile {
    /// Salt length in bytes.
    pub salt_bytes: usize,
    /// Memory cost, KiB.
    pub memory_kib: u32,
    /// Iterations.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfProfile {
    /// The one profile the server offers (Argon2id as OWASP recommends): sign-up accepts only
    /// it, and Prelogin's made-up answers carry it, so the two cannot be told apart.
    pub const OFFERED: Self = Self {
        salt_bytes: 16,
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
    };
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
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AccountChanges {
    pub email: Option<Option<String>>,
    pub username: Option<Option<String>>,
    pub display_name: Option<String>,
    pub picture_url: Option<String>,
    pub public_key: Option<Option<Value>>,
}

impl Identity {
    /// Signs a user up and opens a first session.
    pub async fn create_account(
        &self,
        account: NewAccount,
    ) -> Result<(User, IssuedSession), IdentityError> {
        let password_hash = self.hasher.hash(account.password.clone()).await?;
        let mut user = User::new(account.email, account.username, self.clock.now());
        user.display_name = account.display_name;
        user.picture_url = account.picture_url;
        user.password_hash = Some(password_hash);
        user.kdf_params = account.kdf_params.as_ref().map(kdf_to_json);
        user.public_key = account.public_key;
        let (session, issued) = self.new_session(user.id, &account.client_description);
        let user = self
            .db
            .transaction("create_account", |conn| {
                async {
                    let user = store::insert(conn, &user).await?;
                    sessions::store::insert(conn, &session).await?;
                    Ok(user)
                }
                .scope_boxed()
            })
            .await
            .map_err(unique_to_taken)?;
        Ok((user, issued))
    }

    /// The caller's own account.
    pub async fn account(&self, caller: &UserCaller) -> Result<User, IdentityError> {
        let user_id = caller.user_id;
        self.db
            .read("get_account", move |conn| {
                store::by_id(conn, user_id).scope_boxed()
            })
            .await?
            .ok_or_else(|| IdentityError::NotFound {
                resource: UserId::RESOURCE,
                name: user_id.to_string(),
            })
    }

    /// Applies changes to the caller's own account. An account keeps an email address or a
    /// username, whichever the changes clear.
    pub async fn update_account(
        &self,
        caller: &UserCaller,
        changes: AccountChanges,
    ) -> Result<User, IdentityError> {
        let current = self.account(caller).await?;
        let keeps_email = changes.email.clone().unwrap_or(current.email).is_some();
        let keeps_username = changes
            .username
            .clone()
            .unwrap_or(current.username)
            .is_some();
        if !keeps_email && !keeps_username {
            return Err(IdentityError::invalid(
                "update_mask",
                "an account keeps an email address or a username",
            ));
        }
        let (user_id, now) = (caller.user_id, self.clock.now());
        self.db
            .transaction("update_account", |conn| {
                let changes = &changes;
                async move {
                    let user = store::update(conn, user_id, changes, now).await?;
                    if user.is_some() {
                        security_log::record(
                            conn,
                            user_id,
                            SecurityEventKind::AccountUpdated,
                            None,
                            "",
                            now,
                        )
                        .await?;
                    }
                    Ok(user)
                }
                .scope_boxed()
            })
            .await
            .map_err(unique_to_taken)?
            .ok_or_else(|| IdentityError::NotFound {
                resource: UserId::RESOURCE,
                name: user_id.to_string(),
            })
    }

    /// Finds a user by id or username, for a public profile.
    pub async fn lookup(
        &self,
        id: Option<UserId>,
        username: Option<String>,
    ) -> Result<Option<User>, IdentityError> {
        Ok(self
            .db
            .read("lookup_user", move |conn| {
                async move {
                    match (id, username) {
                        (Some(id), _) => store::by_id(conn, id).await,
                        (None, Some(name)) => store::by_username(conn, &name).await,
                        (None, None) => Ok(None),
                    }
                }
                .scope_boxed()
            })
            .await?)
    }

    /// Deletes the caller's account after checking the password again (throttled like
    /// sign-in), and announces it.
    pub async fn delete_account(
        &self,
        caller: &UserCaller,
        password: String,
        address: Option<IpAddr>,
    ) -> Result<(), IdentityError> {
        let user = self.account(caller).await?;
        if user.password_hash.is_some() {
            if password.is_empty() {
                return Err(IdentityError::invalid(
                    "password",
                    "is required to delete an account with a password",
                ));
            }
            let subjects = Subjects::password(&format!("user:{}", user.id), address);
            let now = self.clock.now();
            self.db
                .transaction("delete_account_check", |conn| {
                    let subjects = &subjects;
                    async move { throttle::check(conn, subjects, now).await }.scope_boxed()
                })
                .await?;
            if self
                .hasher
                .verify(password, user.password_hash.clone())
                .await?
                == Verified::No
            {
                self.db
                    .transaction("delete_account_failure", |conn| {
                        let subjects = &subjects;
                        async move { throttle::record_failure(conn, subjects, now).await }
                            .scope_boxed()
                    })
                    .await?;
                return Err(IdentityError::PermissionDenied(
                    "the password is not correct",
                ));
            }
        }
        let (user_id, now) = (caller.user_id, self.clock.now());
        self.db
            .transaction("delete_account", |conn| {
                async move {
                    let revoked = sessions::store::revoke(conn, user_id, None, None, now).await?;
                    store::delete(conn, user_id).await?;
                    events::store::sessions_revoked(conn, user_id, &revoked, now).await?;
                    events::store::account_deleted(conn, user_id, now).await
                }
                .scope_boxed()
            })
            .await?;
        tracing::info!(%user_id, "account deleted");
        Ok(())
    }
}

/// A unique violation on users as the field it concerns.
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

pub(crate) fn kdf_to_json(params: &KdfParams) -> Value {
    json!({
        "salt": STANDARD.encode(&params.salt),
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "parallelism": params.parallelism,
    })
}

pub(crate) fn kdf_from_json(value: &Value) -> Option<KdfParams> {
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
