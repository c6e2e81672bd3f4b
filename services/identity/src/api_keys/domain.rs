//! Storing, listing, deleting and unsealing users' API keys, and re-sealing them on rotation.

use chrono::{DateTime, Utc};
use tessera_kit::auth::UserCaller;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::keyring;

use super::store;
use crate::error::IdentityError;
use crate::ids::{ApiKeyId, SecurityEventKind};
use crate::security_log;
use crate::state::Identity;

/// A stored key: its value only sealed, plus a hint for recognising it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    /// Its id.
    pub id: ApiKeyId,
    /// Whose it is.
    pub user_id: UserId,
    /// The provider (`openai`, ...); one key per provider.
    pub provider: String,
    /// The environment variable name (`OPENAI_API_KEY`).
    pub key_name: String,
    /// `enc:v1:<key id>:...` under the key ring.
    pub sealed_value: String,
    /// The masked value.
    pub hint: String,
    /// First stored.
    pub created_at: DateTime<Utc>,
    /// Last replaced.
    pub updated_at: DateTime<Utc>,
}

/// The associated data binding a sealed value to its row.
fn context(user_id: UserId, provider: &str) -> String {
    format!("user_api_keys/{user_id}/{provider}")
}

/// `sk-a…wxyz`: enough to recognise a key, not enough to use it.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() >= 16 {
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}…{tail}")
    } else {
        "…".to_owned()
    }
}

impl Identity {
    /// Stores or replaces the caller's key for `provider`.
    pub async fn set_api_key(
        &self,
        caller: &UserCaller,
        provider: &str,
        key_name: &str,
        value: &str,
    ) -> Result<ApiKey, IdentityError> {
        let ring = self.key_ring()?;
        let (user_id, now) = (caller.user_id, self.clock.now());
        let key = ApiKey {
            id: ApiKeyId::new(),
            user_id,
            provider: provider.to_owned(),
            key_name: key_name.to_owned(),
            sealed_value: ring
                .seal(value, &context(user_id, provider))
                .map_err(IdentityError::Internal)?,
            hint: mask(value),
            created_at: now,
            updated_at: now,
        };
        self.db
            .transaction("set_api_key", |conn| {
                let key = &key;
                async move {
                    let stored = store::upsert(conn, key).await?;
                    security_log::record(
                        conn,
                        user_id,
                        SecurityEventKind::ApiKeySet,
                        None,
                        &key.provider,
                        now,
                    )
                    .await?;
                    Ok::<_, IdentityError>(stored)
                }
                .scope_boxed()
            })
            .await
    }

    /// The caller's keys (masked hints only).
    pub async fn list_api_keys(&self, caller: &UserCaller) -> Result<Vec<ApiKey>, IdentityError> {
        let user_id = caller.user_id;
        Ok(self
            .db
            .read("list_api_keys", move |conn| {
                store::of_user(conn, user_id).scope_boxed()
            })
            .await?)
    }

    /// Deletes the caller's key for `provider`, if any.
    pub async fn delete_api_key(
        &self,
        caller: &UserCaller,
        provider: &str,
    ) -> Result<(), IdentityError> {
        let (user_id, now) = (caller.user_id, self.clock.now());
        self.db
            .transaction("delete_api_key", |conn| {
                async move {
                    if store::delete(conn, user_id, provider).await? {
                        security_log::record(
                            conn,
                            user_id,
                            SecurityEventKind::ApiKeyDeleted,
                            None,
                            provider,
                            now,
                        )
                        .await?;
                    }
                    Ok::<_, IdentityError>(())
                }
                .scope_boxed()
            })
            .await
    }

    /// A user's key in plaintext, for an internal caller: (key name, value).
    pub async fn api_key_plaintext(
        &self,
        user_id: UserId,
        provider: &str,
    ) -> Result<(String, String), IdentityError> {
        let ring = self.key_ring()?;
        let key = self
            .db
            .read("api_key_plaintext", move |conn| {
                store::find(conn, user_id, provider).scope_boxed()
            })
            .await?
            .ok_or_else(|| IdentityError::NotFound {
                resource: ApiKeyId::RESOURCE,
                name: provider.to_owned(),
            })?;
        let value = ring
            .open(&key.sealed_value, &context(user_id, provider))
            .map_err(IdentityError::Internal)?;
        Ok((key.key_name, value))
    }

    /// Re-seals every key stored under an older key id with the primary key. Returns how many
    /// keys were re-sealed. Safe to run on several replicas at once.
    pub async fn rotate_api_keys(&self) -> Result<usize, IdentityError> {
        let Ok(ring) = self.key_ring() else {
            return Ok(0);
        };
        let pattern = ring.primary_pattern();
        keyring::rotate(&self.db, "rotate_api_keys", |conn| {
            let pattern = &pattern;
            async move {
                let keys = store::not_matching(conn, pattern, 200).await?;
                for key in &keys {
                    let resealed = ring
                        .reseal(&key.sealed_value, &context(key.user_id, &key.provider))
                        .map_err(IdentityError::Internal)?;
                    if let Some(resealed) = resealed {
                        store::reseal(conn, key.id, &resealed).await?;
                    }
                }
                Ok::<_, IdentityError>(keys.len())
            }
            .scope_boxed()
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_show_little() {
        assert_eq!(mask("sk-ant-0123456789abcdefwxyz"), "sk-a…wxyz");
        assert_eq!(mask("short-secret"), "…");
    }
}
