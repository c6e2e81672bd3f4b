//! Manifests: canonical JSON (RFC 8785) listing a tree's entries by path, each naming a blob
//! the user must hold. Immutable and named by their SHA-256; storing one again is a no-op.

use std::collections::BTreeSet;

use bytes::Bytes;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::stream::ClientStream;
use tessera_schema::vault::{blobs, manifest_blobs, manifests};

use tessera_manifest::Manifest;

use super::digests::{Digest, MAX_BATCH_BYTES};
use super::objects::{self, Shelf};
use crate::error::StorageError;
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::vault::deletions;

/// Most missing blobs a refusal names: the details travel in the response's trailers, which
/// clients cap (16 KiB by default), so the list stays short; FindMissingBlobs lists them all.
pub use tessera_kit::error::MAX_PRECONDITION_VIOLATIONS as MAX_VIOLATIONS;

/// Checks a manifest's shape and canonical form (the shared manifest crate's rules); returns
/// the blobs it names.
fn parse(bytes: &[u8]) -> Result<BTreeSet<Digest>, StorageError> {
    if bytes.is_empty() || bytes.len() as i64 > MAX_MANIFEST_BYTES {
        return Err(StorageError::invalid(
            "manifest",
            format!("must be 1 to {MAX_MANIFEST_BYTES} bytes"),
        ));
    }
    let manifest = Manifest::parse(bytes).map_err(|invalid| {
        let field = match invalid.field.as_str() {
            "" => "manifest".to_owned(),
            field => format!("manifest.{field}"),
        };
        StorageError::invalid(&field, invalid.description)
    })?;
    Ok(manifest
        .entries
        .into_iter()
        .map(|entry| Digest {
            sha256: entry.sha256,
            size: entry.size,
        })
        .filter(|d| !d.is_empty())
        .collect())
}

/// Largest manifest WriteManifest takes (PutManifest: one message, [`MAX_BATCH_BYTES`]).
pub const MAX_MANIFEST_BYTES: i64 = 256 << 20;

/// PutManifest: returns the manifest's digest.
pub async fn put_small(
    storage: &Storage,
    user: UserId,
    bytes: Bytes,
) -> Result<Digest, StorageError> {
    if bytes.len() as i64 > MAX_BATCH_BYTES {
        return Err(StorageError::invalid(
            "manifest",
            format!("must be 1 to {MAX_BATCH_BYTES} bytes: WriteManifest takes larger ones"),
        ));
    }
    put(storage, user, bytes).await
}

/// WriteManifest: the bytes of `stream` (after its start), `expected` in size and SHA-256.
pub async fn write(
    storage: &Storage,
    user: UserId,
    expected: Digest,
    mut stream: ClientStream<tessera_proto::tessera::vault::v1::WriteManifestRequest>,
) -> Result<Digest, StorageError> {
    use tessera_proto::tessera::vault::v1::write_manifest_request::Message;
    if expected.size < 1 || expected.size > MAX_MANIFEST_BYTES {
        return Err(StorageError::invalid(
            "start.digest.size_bytes",
            format!("must be 1 to {MAX_MANIFEST_BYTES}"),
        ));
    }
    // Grown as bytes arrive: a declared size is not memory to hand out up front.
    let mut bytes = bytes::BytesMut::with_capacity((expected.size as usize).min(1 << 20));
    while let Some(message) = stream.next().await? {
        let Some(Message::Data(data)) = message.message else {
            return Err(StorageError::invalid("data", "only data follows the start"));
        };
        if data.len() > 2 << 20 {
            return Err(StorageError::invalid("data", "at most 2 MiB per message"));
        }
        if (bytes.len() + data.len()) as i64 > expected.size {
            return Err(StorageError::OutOfRange(format!(
                "more than the {} bytes the digest names",
                expected.size
            )));
        }
        bytes.extend_from_slice(&data);
    }
    if (bytes.len() as i64) != expected.size {
        return Err(StorageError::OutOfRange(format!(
            "{} bytes arrived, the digest names {}",
            bytes.len(),
            expected.size
        )));
    }
    if Digest::of(&bytes) != expected {
        return Err(StorageError::DataLoss(
            "the bytes do not hash to the digest named".into(),
        ));
    }
    put(storage, user, bytes.freeze()).await
}

/// Stores checked manifest bytes; returns the manifest's digest.
async fn put(storage: &Storage, user: UserId, bytes: Bytes) -> Result<Digest, StorageError> {
    let named = parse(&bytes)?;
    let digest = Digest::of(&bytes);
    let shelf = Shelf::open(storage).await?;
    let mut conn = storage.db.conn().await?;
    let exists: i64 = manifests::table
        .filter(manifests::user_id.eq(user.as_uuid()))
        .filter(manifests::sha256.eq(digest.sha256.to_vec()))
        .count()
        .get_result(&mut *conn)
        .await?;
    if exists == 1 {
        return Ok(digest);
    }
    let wanted: Vec<Digest> = named.iter().copied().collect();
    let missing = objects::find_missing(&mut conn, user, &wanted).await?;
    drop(conn);
    if !missing.is_empty() {
        return Err(missing_blobs(&missing));
    }
    let (volume, size) = (shelf.volume.id, digest.size);
    let owner = Owner::of(Some(user.as_uuid()), None);
    let owner = &owner;
    objects::reserve(storage, volume, owner, size).await?;
    let placed = shelf.put(&shelf.manifest_path(user, &digest), bytes).await;
    let recorded = match placed {
        Ok(()) => {
            let named = &named;
            storage
                .db
                .transaction("manifests.record", |conn| {
                    async move {
                        let inserted = diesel::insert_into(manifests::table)
                            .values((
                                manifests::user_id.eq(user.as_uuid()),
                                manifests::sha256.eq(digest.sha256.to_vec()),
                                manifests::size.eq(size),
                                manifests::volume_id.eq(volume),
                            ))
                            .on_conflict_do_nothing()
                            .execute(conn)
                            .await?;
                        if inserted == 1 {
                            let rows: Vec<_> = named
                                .iter()
                                .map(|blob| {
                                    (
                                        manifest_blobs::user_id.eq(user.as_uuid()),
                                        manifest_blobs::manifest_sha256.eq(digest.sha256.to_vec()),
                                        manifest_blobs::blob_sha256.eq(blob.sha256.to_vec()),
                                    )
                                })
                                .collect();
                            // A blob collected meanwhile fails the reference: nothing is kept.
                            diesel::insert_into(manifest_blobs::table)
                                .values(rows)
                                .execute(conn)
                                .await?;
                        }
                        let used = if inserted == 1 { size } else { 0 };
                        quotas::settle(conn, volume.as_uuid(), owner, size, used).await?;
                        Ok::<_, StorageError>(())
                    }
                    .scope_boxed()
                })
                .await
        }
        Err(err) => Err(err),
    };
    match recorded {
        Ok(()) => Ok(digest),
        Err(err) => {
            objects::release(storage, volume, owner, size).await;
            Err(match err {
                StorageError::Db(tessera_kit::DbError::ForeignKeyViolation { .. }) => {
                    StorageError::Aborted("a blob the manifest names was collected: retry".into())
                }
                other => other,
            })
        }
    }
}

/// FAILED_PRECONDITION naming each missing blob (the first [`MAX_VIOLATIONS`]).
fn missing_blobs(missing: &[Digest]) -> StorageError {
    StorageError::Precondition(tessera_kit::error::capped_violations(
        "BLOB_MISSING",
        missing
            .iter()
            .map(|d| format!("blobs/{}/{}", d.hex(), d.size)),
        "the manifest names a blob the user does not hold",
        ("blobs", "FindMissingBlobs lists them all"),
    ))
}

/// GetManifest.
pub async fn get(storage: &Storage, user: UserId, digest: &Digest) -> Result<Bytes, StorageError> {
    let shelf = Shelf::open(storage).await?;
    let mut conn = storage.db.conn().await?;
    let size: Option<i64> = manifests::table
        .find((user.as_uuid(), digest.sha256.to_vec()))
        .select(manifests::size)
        .first(&mut *conn)
        .await
        .optional()?;
    match size {
        Some(size) if size == digest.size => {
            shelf.get(&shelf.manifest_path(user, digest), digest).await
        }
        _ => Err(StorageError::not_found("manifest", digest.hex())),
    }
}

/// FindMissingManifests.
pub async fn find_missing(
    storage: &Storage,
    user: UserId,
    wanted: &[Digest],
) -> Result<Vec<Digest>, StorageError> {
    let shas: Vec<Vec<u8>> = wanted.iter().map(|d| d.sha256.to_vec()).collect();
    let mut conn = storage.db.conn().await?;
    let held: BTreeSet<(Vec<u8>, i64)> = manifests::table
        .filter(manifests::user_id.eq(user.as_uuid()))
        .filter(manifests::sha256.eq_any(&shas))
        .select((manifests::sha256, manifests::size))
        .load::<(Vec<u8>, i64)>(&mut *conn)
        .await?
        .into_iter()
        .collect();
    let mut missing: Vec<Digest> = wanted
        .iter()
        .filter(|d| !held.contains(&(d.sha256.to_vec(), d.size)))
        .copied()
        .collect();
    missing.sort();
    missing.dedup();
    Ok(missing)
}

/// DeleteManifest: the row and its references go; the object is queued. Idempotent.
pub async fn delete(storage: &Storage, user: UserId, digest: &Digest) -> Result<(), StorageError> {
    let shelf = Shelf::open(storage).await?;
    let path = shelf.manifest_path(user, digest);
    let path = &path;
    storage
        .db
        .transaction("manifests.delete", |conn| {
            async move {
                let gone: Option<(crate::ids::VolumeId, i64)> =
                    diesel::delete(manifests::table.find((user.as_uuid(), digest.sha256.to_vec())))
                        .returning((manifests::volume_id, manifests::size))
                        .get_result(conn)
                        .await
                        .optional()?;
                if let Some((volume, size)) = gone {
                    deletions::queue(conn, volume, std::slice::from_ref(path)).await?;
                    let owner = Owner::of(Some(user.as_uuid()), None);
                    quotas::settle(conn, volume.as_uuid(), &owner, 0, -size).await?;
                }
                Ok::<_, StorageError>(())
            }
            .scope_boxed()
        })
        .await
}

/// Collects blobs in no manifest and unseen since `before`; returns how many went.
pub async fn collect_blobs(
    storage: &Storage,
    before: chrono::DateTime<chrono::Utc>,
) -> Result<usize, StorageError> {
    let stale: Vec<(uuid::Uuid, Vec<u8>)> = {
        let mut conn = storage.db.conn().await?;
        blobs::table
            .filter(blobs::last_seen_at.lt(before))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                manifest_blobs::table
                    .filter(manifest_blobs::user_id.eq(blobs::user_id))
                    .filter(manifest_blobs::blob_sha256.eq(blobs::sha256)),
            )))
            .select((blobs::user_id, blobs::sha256))
            .limit(500)
            .load(&mut *conn)
            .await?
    };
    let mut collected = 0;
    for (user, sha) in stale {
        let done = storage
            .db
            .transaction("blobs.collect", |conn| {
                let sha = sha.clone();
                async move {
                    // Seen again, or named by a manifest, meanwhile: kept.
                    let gone: Option<(crate::ids::VolumeId, i64)> = diesel::delete(
                        blobs::table
                            .find((user, sha.clone()))
                            .filter(blobs::last_seen_at.lt(before)),
                    )
                    .returning((blobs::volume_id, blobs::size))
                    .get_result(conn)
                    .await
                    .optional()?;
                    let Some((volume, size)) = gone else {
                        return Ok(false);
                    };
                    let row = crate::volumes::load(conn, volume).await?;
                    let prefix = row.map(|v| v.probe_dir()).unwrap_or_default();
                    let path = format!("{prefix}{user}/blobs/{}", super::digests::hex(&sha));
                    deletions::queue(conn, volume, &[path]).await?;
                    let owner = Owner::of(Some(user), None);
                    quotas::settle(conn, volume.as_uuid(), &owner, 0, -size).await?;
                    Ok::<_, StorageError>(true)
                }
                .scope_boxed()
            })
            .await;
        match done {
            Ok(true) => collected += 1,
            Ok(false) => {}
            // Named by a manifest stored meanwhile: the reference keeps it.
            Err(StorageError::Db(tessera_kit::DbError::ForeignKeyViolation { .. })) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(collected)
}
