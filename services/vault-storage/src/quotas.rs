//! Quotas per volume, per user on a volume and per app on a volume. An upload reserves its
//! declared size against every quota that applies, in one transaction and in a fixed order
//! (volume, user, app), each with one conditional `UPDATE` (`used + reserved + n <= limit`):
//! concurrent uploads queue on the row lock and re-check the condition, so no limit is ever
//! exceeded. Committing turns the reservation into usage; failing or expiring releases it.
//! Freeing space (deletes) always succeeds, even when a limit was lowered below the usage.
//! The sums are compared as `numeric`: a quota without a limit still refuses a reservation
//! that would take its counters past what a `bigint` holds (it would otherwise fail every later
//! upload on the volume with an overflow), whatever the callers declared.

use diesel::sql_types::{BigInt, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::db::TransactionError;
use uuid::Uuid;

/// Whose quotas an upload counts against, besides its volume's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// The user whose file it is (`users` namespace).
    pub user_id: Option<Uuid>,
    /// The app that stores it (either namespace).
    pub app_id: Option<String>,
}

/// Which quota refused a reservation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quota {
    Volume,
    User,
    App,
}

impl Owner {
    /// The owner of a row with these columns.
    pub fn of(user_id: Option<Uuid>, app_id: Option<&str>) -> Self {
        Self {
            user_id,
            app_id: app_id.map(str::to_owned),
        }
    }

    /// Whose path it is in `namespace` (the expression the unique path indexes use): the user
    /// for `users`, the app for `apps`.
    pub fn key(&self, namespace: crate::ids::Namespace) -> String {
        match namespace {
            crate::ids::Namespace::Users => self.user_id.map(|u| u.to_string()).unwrap_or_default(),
            crate::ids::Namespace::Apps => self.app_id.clone().unwrap_or_default(),
        }
    }

    /// The owner's quotas in lock order (user, then app), with the key of each.
    fn keys(&self) -> impl Iterator<Item = (Quota, String)> + use<> {
        let user = self.user_id.map(|id| (Quota::User, id.to_string()));
        let app = self.app_id.clone().map(|id| (Quota::App, id));
        user.into_iter().chain(app)
    }
}

impl Quota {
    fn table(self) -> &'static str {
        match self {
            Quota::Volume => "storage_volumes",
            Quota::User => "user_quotas",
            Quota::App => "app_quotas",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Quota::Volume => "id",
            Quota::User => "user_id",
            Quota::App => "app_id",
        }
    }

    /// Keys are bound as text; user ids are cast back.
    fn cast(self) -> &'static str {
        match self {
            Quota::User => "::uuid",
            Quota::Volume | Quota::App => "",
        }
    }

    /// The QuotaFailure subject naming it.
    pub fn subject(self) -> &'static str {
        match self {
            Quota::Volume => "volume",
            Quota::User => "user",
            Quota::App => "app",
        }
    }
}

/// Why a reservation was refused.
#[derive(Debug, thiserror::Error)]
pub enum QuotaError {
    #[error("the {} quota has no room for {bytes} more bytes", quota.subject())]
    Exceeded { quota: Quota, bytes: i64 },
    #[error("no such volume")]
    NoVolume,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl TransactionError for QuotaError {
    fn as_db_error(&self) -> Option<&DbError> {
        match self {
            Self::Db(err) => Some(err),
            _ => None,
        }
    }
}

impl From<diesel::result::Error> for QuotaError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err.into())
    }
}

/// Reserves `bytes` on the volume and the owner's quotas; call inside the upload's
/// transaction. Quota rows for a user or app without one are created (no limit: usage only).
pub async fn reserve(
    conn: &mut AsyncPgConnection,
    volume_id: Uuid,
    owner: &Owner,
    bytes: i64,
) -> Result<(), QuotaError> {
    let room = diesel::sql_query(
        "UPDATE vault.storage_volumes SET quota_reserved = quota_reserved + $2
         WHERE id = $1
           AND quota_used::numeric + quota_reserved + $2 <= coalesce(quota_limit, $3)",
    )
    .bind::<SqlUuid, _>(volume_id)
    .bind::<BigInt, _>(bytes)
    .bind::<BigInt, _>(i64::MAX)
    .execute(conn)
    .await?;
    if room == 0 {
        let exists = diesel::sql_query("SELECT 1 FROM vault.storage_volumes WHERE id = $1")
            .bind::<SqlUuid, _>(volume_id)
            .execute(conn)
            .await?;
        return Err(if exists == 0 {
            QuotaError::NoVolume
        } else {
            QuotaError::Exceeded {
                quota: Quota::Volume,
                bytes,
            }
        });
    }
    for (quota, key) in owner.keys() {
        let room = diesel::sql_query(format!(
            "INSERT INTO vault.{table} AS q (id, {column}, volume_id, quota_reserved)
             VALUES ($1, $2{cast}, $3, $4)
             ON CONFLICT ({column}, volume_id) DO UPDATE SET quota_reserved = q.quota_reserved + $4,
                 updated_at = now()
             WHERE q.quota_used::numeric + q.quota_reserved + $4 <= coalesce(q.quota_limit, $5)",
            table = quota.table(),
            column = quota.column(),
            cast = quota.cast(),
        ))
        .bind::<SqlUuid, _>(Uuid::now_v7())
        .bind::<Text, _>(key)
        .bind::<SqlUuid, _>(volume_id)
        .bind::<BigInt, _>(bytes)
        .bind::<BigInt, _>(i64::MAX)
        .execute(conn)
        .await?;
        if room == 0 {
            return Err(QuotaError::Exceeded { quota, bytes });
        }
    }
    Ok(())
}

/// Moves `reserved` bytes out of the reservations and adds `used` bytes of usage (a commit
/// passes the declared size as both; a release passes 0 as `used`; a delete passes 0 and a
/// negative `used`). Never refused: limits only bind reservations.
pub async fn settle(
    conn: &mut AsyncPgConnection,
    volume_id: Uuid,
    owner: &Owner,
    reserved: i64,
    used: i64,
) -> Result<(), QuotaError> {
    diesel::sql_query(
        "UPDATE vault.storage_volumes
         SET quota_reserved = quota_reserved - $2, quota_used = greatest(quota_used + $3, 0)
         WHERE id = $1",
    )
    .bind::<SqlUuid, _>(volume_id)
    .bind::<BigInt, _>(reserved)
    .bind::<BigInt, _>(used)
    .execute(conn)
    .await?;
    for (quota, key) in owner.keys() {
        diesel::sql_query(format!(
            "UPDATE vault.{table}
             SET quota_reserved = quota_reserved - $3, quota_used = greatest(quota_used + $4, 0),
                 updated_at = now()
             WHERE volume_id = $1 AND {column} = $2{cast}",
            table = quota.table(),
            column = quota.column(),
            cast = quota.cast(),
        ))
        .bind::<SqlUuid, _>(volume_id)
        .bind::<Text, _>(key)
        .bind::<BigInt, _>(reserved)
        .bind::<BigInt, _>(used)
        .execute(conn)
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_name_their_quota_and_database_conflicts_are_retried() {
        let refused = QuotaError::Exceeded {
            quota: Quota::User,
            bytes: 100,
        };
        assert_eq!(
            refused.to_string(),
            "the user quota has no room for 100 more bytes"
        );
        assert_eq!(Quota::Volume.subject(), "volume");
        assert_eq!(Quota::App.subject(), "app");
        assert!(!refused.is_retryable());
        assert!(QuotaError::Db(DbError::Conflict).is_retryable());
        assert!(QuotaError::Db(DbError::Unavailable("down".into())).is_database_failure());
    }
}
