//! Account deletion: when identity announces ACCOUNT_DELETED, one transaction (the one that
//! advances the `account-purge` cursor) removes every row of that user here (the vault and
//! its graveyard, analytics, blobs and manifests, the user's `users` files and their versions,
//! quotas), releases what they held on the volumes, and queues their objects for deletion; the
//! deletion drainer removes the bytes after it commits. Running it again finds nothing.

use std::collections::BTreeSet;

use diesel::prelude::*;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::db::{ScopedBoxFuture, ScopedFutureExt};
use tessera_kit::ids::UserId;
use tessera_schema::vault::blob_writes;
use tessera_schema::vault::blobs as blob_rows;
use tessera_schema::vault::manifests as manifest_rows;
use tessera_schema::vault::{
    analytics_events, storage_file_versions, storage_files, storage_uploads, user_crypto,
    user_quotas,
};
use uuid::Uuid;

use crate::blobs::digests::hex;
use crate::error::StorageError;
use crate::files::commit::{lock_object, referenced};
use crate::ids::{Namespace, VolumeId};
use crate::quotas::{self, Owner};
use crate::vault::deletions;

/// The handler given to `Context::on_account_deleted`.
pub fn purge_account(
    conn: &mut AsyncPgConnection,
    user: UserId,
) -> ScopedBoxFuture<'_, '_, Result<(), DbError>> {
    async move {
        purge(conn, user).await.map_err(|err| match err {
            StorageError::Db(db) => db,
            // Anything else is retried with the event: report it as a passing failure.
            other => DbError::Unavailable(other.to_string()),
        })
    }
    .scope_boxed()
}

#[derive(QueryableByName)]
struct Held {
    #[diesel(sql_type = SqlUuid)]
    volume_id: Uuid,
    #[diesel(sql_type = Text)]
    object_path: String,
}

async fn purge(conn: &mut AsyncPgConnection, user: UserId) -> Result<(), StorageError> {
    let id = user.as_uuid();
    // The vault: chunk objects queued, volume usage released, rows gone (cascading from
    // user_crypto to folders, files, chunks and the graveyard).
    let held: Vec<Held> = diesel::sql_query(
        "SELECT f.volume_id, c.object_path FROM vault.files f
             JOIN vault.file_chunks c ON c.file_id = f.id WHERE f.user_id = $1
         UNION ALL
         SELECT g.volume_id, c.object_path FROM vault.graveyard g
             JOIN vault.graveyard_chunks c ON c.file_id = g.file_id WHERE g.user_id = $1",
    )
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .await?;
    let mut by_volume = std::collections::BTreeMap::<Uuid, Vec<String>>::new();
    for h in held {
        by_volume
            .entry(h.volume_id)
            .or_default()
            .push(h.object_path);
    }
    for (volume, paths) in &by_volume {
        deletions::queue(conn, VolumeId::from_uuid(*volume), paths).await?;
    }
    diesel::sql_query(
        "UPDATE vault.storage_volumes v
         SET quota_reserved = greatest(v.quota_reserved - x.pending, 0),
             quota_used = greatest(v.quota_used - x.kept, 0)
         FROM (SELECT volume_id,
                      sum(size) FILTER (WHERE pending) AS pending,
                      sum(size) FILTER (WHERE NOT pending) AS kept
               FROM (SELECT volume_id, size, state = 'pending' AS pending
                     FROM vault.files WHERE user_id = $1
                     UNION ALL
                     SELECT volume_id, size, false FROM vault.graveyard WHERE user_id = $1) s
               GROUP BY volume_id) x
         WHERE v.id = x.volume_id",
    )
    .bind::<SqlUuid, _>(id)
    .execute(conn)
    .await?;
    purge_blobs(conn, user).await?;
    diesel::delete(user_crypto::table.find(id))
        .execute(conn)
        .await?;
    diesel::delete(analytics_events::table.filter(analytics_events::user_id.eq(id)))
        .execute(conn)
        .await?;

    // The Storage Service: the user's files (whichever app stored them) and kept versions.
    let files: Vec<(Uuid, VolumeId, Option<String>, i64, String, bool)> = storage_files::table
        .filter(storage_files::namespace.eq(Namespace::Users))
        .filter(storage_files::user_id.eq(id))
        .select((
            storage_files::id,
            storage_files::volume_id,
            storage_files::app_id,
            storage_files::size,
            storage_files::storage_path,
            storage_files::deleted_at.is_null(),
        ))
        .load(conn)
        .await?;
    let ids: Vec<Uuid> = files.iter().map(|f| f.0).collect();
    let mut paths: BTreeSet<(VolumeId, String)> = storage_file_versions::table
        .inner_join(storage_files::table)
        .filter(storage_file_versions::file_id.eq_any(&ids))
        .select((
            storage_files::volume_id,
            storage_file_versions::storage_path,
        ))
        .load::<(VolumeId, String)>(conn)
        .await?
        .into_iter()
        .collect();
    for (_, volume, app, size, path, live) in &files {
        if *live {
            // Live files hold quota (soft-deleted ones gave theirs back already).
            let owner = Owner::of(Some(id), app.as_deref());
            quotas::settle(conn, volume.as_uuid(), &owner, 0, -size).await?;
        }
        paths.insert((*volume, path.clone()));
    }
    diesel::delete(storage_files::table.filter(storage_files::id.eq_any(&ids)))
        .execute(conn)
        .await?;
    // An object goes unless another record (a `hash` volume shares them) still needs it.
    for (volume, path) in paths {
        lock_object(conn, volume, &path).await?;
        if !referenced(conn, volume, &path).await? {
            deletions::queue(conn, volume, std::slice::from_ref(&path)).await?;
        }
    }
    // Unfinished uploads end at the next sweep, which frees their staged bytes and
    // reservations the usual way.
    diesel::update(
        storage_uploads::table
            .filter(storage_uploads::namespace.eq(Namespace::Users))
            .filter(storage_uploads::user_id.eq(id)),
    )
    .set(storage_uploads::expires_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    diesel::delete(user_quotas::table.filter(user_quotas::user_id.eq(id)))
        .execute(conn)
        .await?;
    Ok(())
}

/// The user's blobs and manifests: objects queued, bytes released, rows gone.
async fn purge_blobs(conn: &mut AsyncPgConnection, user: UserId) -> Result<(), StorageError> {
    let id = user.as_uuid();
    let blobs: Vec<(VolumeId, Vec<u8>, i64)> = blob_rows::table
        .filter(blob_rows::user_id.eq(id))
        .select((blob_rows::volume_id, blob_rows::sha256, blob_rows::size))
        .load(conn)
        .await?;
    let manifests: Vec<(VolumeId, Vec<u8>, i64)> = manifest_rows::table
        .filter(manifest_rows::user_id.eq(id))
        .select((
            manifest_rows::volume_id,
            manifest_rows::sha256,
            manifest_rows::size,
        ))
        .load(conn)
        .await?;
    let mut prefixes = std::collections::HashMap::new();
    let owner = Owner::of(Some(id), None);
    let objects = blobs
        .into_iter()
        .map(|b| (b, "blobs/", ""))
        .chain(manifests.into_iter().map(|m| (m, "manifests/", ".json")));
    for ((volume, sha, size), dir, suffix) in objects {
        let prefix = match prefixes.get(&volume) {
            Some(prefix) => prefix,
            None => {
                let row = crate::volumes::load(conn, volume).await?;
                let prefix: String = row.map(|v| v.probe_dir()).unwrap_or_default();
                prefixes.entry(volume).or_insert(prefix)
            }
        };
        let path = format!("{prefix}{user}/{dir}{}{suffix}", hex(&sha));
        deletions::queue(conn, volume, &[path]).await?;
        quotas::settle(conn, volume.as_uuid(), &owner, 0, -size).await?;
    }
    // Unfinished blob writes end at the next sweep (staged bytes and reservations go).
    diesel::update(blob_writes::table.filter(blob_writes::user_id.eq(id)))
        .set(blob_writes::expires_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    diesel::delete(manifest_rows::table.filter(manifest_rows::user_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(blob_rows::table.filter(blob_rows::user_id.eq(id)))
        .execute(conn)
        .await?;
    Ok(())
}
