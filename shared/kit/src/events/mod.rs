//! Events between services: a durable outbox written in the caller's transaction
//! ([`outbox`]), served as a resumable stream ([`stream`]), and followed by other services
//! ([`follow`]) with reconnection, backoff and a cursor stored in the follower's own schema.

pub mod follow;
pub mod identity;
pub mod outbox;
pub mod stream;

pub use follow::{Durable, Message, STREAM_SILENCE};
pub use identity::{IdentityEvent, IdentityEvents};
pub use outbox::{NewEvent, OutboxEvent};
pub use stream::{HEARTBEAT_INTERVAL, Start};

use diesel_async::AsyncPgConnection;

use crate::db::{DbError, ScopedBoxFuture, ScopedFutureExt};
use crate::ids::UserId;

/// The account purge of a service that stores nothing per user yet (for
/// [`Context::on_account_deleted`](crate::Context::on_account_deleted)): it only advances the
/// cursor, so the service's first purge starts from where its deployment began.
pub fn nothing_to_purge(
    _conn: &mut AsyncPgConnection,
    user_id: UserId,
) -> ScopedBoxFuture<'_, '_, Result<(), DbError>> {
    async move {
        tracing::debug!(%user_id, "account deleted: nothing stored for it");
        Ok(())
    }
    .scope_boxed()
}
