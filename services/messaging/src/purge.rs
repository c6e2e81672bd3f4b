//! Account deletion: when identity announces ACCOUNT_DELETED, one transaction (the one that
//! advances the `account-purge` cursor) applies the seed's user `ON DELETE` rules: the user's
//! devices go (and with them every message to or from them, their sessions, handshakes and
//! inboxes), their direct chats go (with those chats' messages), their group memberships go,
//! and groups they owned keep going ownerless. In the forum: the groups they created go (with
//! everything in them), their memberships go (each group they were in then needs a key
//! rotation), their downloads go, and their threads and replies stay with author_id NULL. Their
//! media rows go too: vault-storage erases a deleted user's files itself, so the rows would
//! point at nothing (the deletion trigger queues the files and frees the groups' quotas).
//! Running it again finds nothing.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::db::{ScopedBoxFuture, ScopedFutureExt};
use tessera_kit::ids::UserId;
use tessera_schema::messaging::{
    chat_members, chats, devices, groups, media, media_downloads, members, messages, replies,
    threads,
};
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
    purge_forum(conn, user).await
}

async fn purge_forum(
    conn: &mut AsyncPgConnection,
    user: Uuid,
) -> Result<(), diesel::result::Error> {
    diesel::delete(groups::table.filter(groups::created_by.eq(user)))
        .execute(conn)
        .await?;
    let joined = members::table
        .filter(members::user_id.eq(user))
        .select(members::group_id);
    diesel::update(groups::table.filter(groups::id.eq_any(joined)))
        .set(groups::rotation_required.eq(true))
        .execute(conn)
        .await?;
    diesel::delete(members::table.filter(members::user_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::delete(media_downloads::table.filter(media_downloads::user_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::delete(media::table.filter(media::author_id.eq(user)))
        .execute(conn)
        .await?;
    diesel::update(threads::table.filter(threads::author_id.eq(user)))
        .set(threads::author_id.eq(None::<Uuid>))
        .execute(conn)
        .await?;
    diesel::update(replies::table.filter(replies::author_id.eq(user)))
        .set(replies::author_id.eq(None::<Uuid>))
        .execute(conn)
        .await?;
    Ok(())
}
