//! What vault-storage deletes when identity announces an account's deletion. It holds nothing per
//! user yet; the feature issues add their tables here. Runs at least once per deletion.

use diesel_async::AsyncPgConnection;
use tessera_kit::DbError;
use tessera_kit::db::{ScopedBoxFuture, ScopedFutureExt};
use tessera_kit::ids::UserId;

/// Deletes everything stored for `user_id` (nothing yet).
pub fn account_deleted(
    _conn: &mut AsyncPgConnection,
    user_id: UserId,
) -> ScopedBoxFuture<'_, '_, Result<(), DbError>> {
    async move {
        tracing::debug!(%user_id, "account deleted: nothing stored for it yet");
        Ok(())
    }
    .scope_boxed()
}
