//! Account deletion: when identity announces ACCOUNT_DELETED, one transaction (the one that
//! advances the `account-purge` cursor) applies the seed's user `ON DELETE` rules: the user's
//! devices go (and with them every message to or from them, their sessions, handshakes and
//! inboxes), their direct chats go (with those chats' messages), their group memberships go,
//! and groups they owned keep going ownerless. Running it again finds nothing.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::db::{ScopedBoxFuture, ScopedFutureExt};
use tessera_kit::ids::UserId;
use tessera_schema::messaging::{chat_members, chats, devices, messages};
use uuid::Uuid;

use crate::ids::ChatType;

/// The `on_account_deleted` handler.
pub fn purge_account<'c>(
    conn: &'c mut AsyncPgConnection,
    user: UserId,
) -> ScopedBoxFuture<'c, 'c, Result<(), DbError>> {
    async move { purge(conn, user).await.map_err(DbError::from) }.scope_boxed()
}

async fn purge(conn: &mut AsyncPgConnection, user: UserId) -> Result<(), diesel::result::Error> {
    let user = user.as_uuid();
    diesel::delete(devices::table.filter(devices::user_id.eq(user)))
        .execute(conn)
        .await?;
    // Every copy has a device at each end, so none is left; this only makes sure.
    diesel::delete(messages::table.filter(messages::to_user_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::delete(
        chats::table
            .filter(chats::chat_type.eq(ChatType::Direct))
            .filter(chats::user_a.eq(user).or(chats::user_b.eq(user))),
    )
    .execute(conn)
    .await?;
    diesel::delete(chat_members::table.filter(chat_members::user_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::update(chats::table.filter(chats::owner_id.eq(user)))
        .set(chats::owner_id.eq(None::<Uuid>))
        .execute(conn)
        .await?;
    Ok(())
}
