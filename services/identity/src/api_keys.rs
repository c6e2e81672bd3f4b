//! Users' provider API keys: encrypted at rest under the key ring, masked in listings,
//! plaintext only for the suite's services.

use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use crate::error::IdentityError;
use crate::keyring::KeyRing;
use crate::security_log;
use crate::service::{Identity, Principal};
use crate::store::{self, ApiKeyRow};

/// The associated data binding a sealed value to its row.
fn context(user_id: Uuid, provider: &str) -> String {
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
    fn key_ring(&self) -> Result<&KeyRing, IdentityError> {
        self.options
            .key_ring
            .as_ref()
            .ok_or(IdentityError::NotConfigured {
                setting: "TESSERA_KEY_RING",
                message: "API keys are not available: the server has no key ring configured",
            })
    }

    /// Stores or replaces the caller's key for `provider`.
    pub async fn set_api_key(
        &self,
        principal: &Principal,
        provider: &str,
        key_name: &str,
        value: &str,
    ) -> Result<ApiKeyRow, IdentityError> {
        let ring = self.key_ring()?;
        let user_id = principal.user_id;
        let now = self.clock.now();
        let sealed = ring
            .seal(value, &context(user_id, provider))
            .map_err(IdentityError::Internal)?;
        let row = ApiKeyRow {
            id: Uuid::now_v7(),
            user_id,
            provider: provider.to_owned(),
            key_name: key_name.to_owned(),
            key_value: sealed,
            key_hint: mask(value),
            created_at: now,
            updated_at: now,
        };
        Ok(self
            .db
            .transaction("set_api_key", |conn| {
                let row = &row;
                async move {
                    let stored = store::upsert_api_key(conn, row).await?;
                    security_log::record(
                        conn,
                        row.user_id,
                        "api_key_set",
                        None,
                        &row.provider,
                        now,
                    )
                    .await?;
                    Ok::<_, tessera_kit::DbError>(stored)
                }
                .scope_boxed()
            })
            .await?)
    }

    /// The caller's keys (masked hints only).
    pub async fn list_api_keys(
        &self,
        principal: &Principal,
    ) -> Result<Vec<ApiKeyRow>, IdentityError> {
        let user_id = principal.user_id;
        Ok(self
            .db
            .transaction("list_api_keys", |conn| {
                async move { store::api_keys_of(conn, user_id).await }.scope_boxed()
            })
            .await?)
    }

    /// Deletes the caller's key for `provider`, if any.
    pub async fn delete_api_key(
        &self,
        principal: &Principal,
        provider: &str,
    ) -> Result<(), IdentityError> {
        let (user_id, now) = (principal.user_id, self.clock.now());
        self.db
            .transaction("delete_api_key", |conn| {
                async move {
                    if store::delete_api_key(conn, user_id, provider).await? {
                        security_log::record(conn, user_id, "api_key_deleted", None, provider, now)
                            .await?;
                    }
                    Ok::<_, tessera_kit::DbError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(())
    }

    /// A user's key in plaintext, for an internal caller.
    pub async fn api_key_plaintext(
        &self,
        user_id: Uuid,
        provider: &str,
    ) -> Result<(String, String), IdentityError> {
        let ring = self.key_ring()?;
        let row = self
            .db
            .transaction("api_key_plaintext", |conn| {
                async move { store::api_key(conn, user_id, provider).await }.scope_boxed()
            })
            .await?
            .ok_or_else(|| IdentityError::NotFound {
                resource: "api key",
                name: provider.to_owned(),
            })?;
        let value = ring
            .open(&row.key_value, &context(user_id, provider))
            .map_err(IdentityError::Internal)?;
        Ok((row.key_name, value))
    }

    /// Re-seals every key stored under an older key id with the primary key. Returns how many
    /// rows were re-encrypted. Safe to run on several replicas at once (rows are claimed with
    /// SKIP LOCKED).
    pub async fn rotate_api_keys(&self) -> Result<usize, IdentityError> {
        let Ok(ring) = self.key_ring() else {
            return Ok(0);
        };
        let mut total = 0;
        loop {
            let rotated = self
                .db
                .transaction("rotate_api_keys", |conn| {
                    async move {
                        let rows = store::api_keys_not_under(conn, ring.primary_id(), 200).await?;
                        for row in &rows {
                            let ctx = context(row.user_id, &row.provider);
                            let plain = ring
                                .open(&row.key_value, &ctx)
                                .map_err(IdentityError::Internal)?;
                            let resealed =
                                ring.seal(&plain, &ctx).map_err(IdentityError::Internal)?;
                            store::reseal_api_key(conn, row.id, &resealed).await?;
                        }
                        Ok::<_, IdentityError>(rows.len())
                    }
                    .scope_boxed()
                })
                .await?;
            total += rotated;
            if rotated == 0 {
                return Ok(total);
            }
        }
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
