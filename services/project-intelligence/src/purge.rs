//! Account deletion: when identity announces ACCOUNT_DELETED, the transaction that advances the
//! `account-purge` cursor deletes every project of that user with everything under it, and
//! their provider credentials.
//! Running it again finds nothing. Their blobs and manifests are vault-storage's to erase.

use diesel_async::AsyncPgConnection;
use tessera_kit::DbError;
use tessera_kit::db::{ScopedBoxFuture, ScopedFutureExt};
use tessera_kit::ids::UserId;

use crate::projects::store;

/// The `on_account_deleted` handler.
pub fn purge_account<'c>(
    conn: &'c mut AsyncPgConnection,
    user: UserId,
) -> ScopedBoxFuture<'c, 'c, Result<(), DbError>> {
    async move {
        store::delete_all_of(conn, user.as_uuid()).await?;
        crate::infra::purge(conn, user.as_uuid()).await?;
        Ok(())
    }
    .scope_boxed()
}
