//! Manifests: canonical JSON (RFC 8785) listing a tree's entries by path, each naming a blob
//! the user must hold. Immutable and named by their SHA-256; storing one again is a no-op.

use std::collections::BTreeSet;

use bytes::Bytes;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use serde::Deserialize;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_schema::vault::{blobs, manifest_blobs, manifests};

use super::digests::{Digest, MAX_BATCH_BYTES, parse_hex};
use super::objects::{self, Shelf};
use crate::error::StorageError;
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::vault::deletions;

/// Most missing blobs a refusal names: the details travel in the response's trailers, which
/// clients cap (16 KiB by default), so the list stays short; FindMissingBlobs lists them all.
pub use tessera_kit::error::MAX_PRECONDITION_VIOLATIONS as MAX_VIOLATIONS;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    entries: Vec<Entry>,
    version: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    kind: String,
    path: String,
    sha256: String,
    size: i64,
}

/// Checks a manifest's shape and canonical form; returns the blobs it names.
fn parse(bytes: &[u8]) -> Result<BTreeSet<Digest>, StorageError> {
    let invalid = |why: String| StorageError::invalid("manifest", why);
    if bytes.is_empty() || bytes.len() as i64 > MAX_BATCH_BYTES {
        return Err(invalid(format!("must be 1 to {MAX_BATCH_BYTES} bytes")));
    }
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(format!("is not JSON: {e}")))?;
    let canonical = serde_jcs::to_vec(&value).map_err(|e| invalid(e.to_string()))?;
    if canonical != bytes {
        return Err(invalid(
            "is not in canonical form (RFC 8785: sorted keys, no whitespace)".into(),
        ));
    }
    let manifest: Manifest =
        serde_json::from_value(value).map_err(|e| invalid(format!("is not a manifest: {e}")))?;
    let mut v = FieldViolations::new();
    if manifest.version != 1 {
        v.add("manifest.version", "must be 1");
    }
    let mut named = BTreeSet::new();
    let mut previous: Option<&str> = None;
    for (i, entry) in manifest.entries.iter().enumerate() {
        let field = |name: &str| format!("manifest.entries[{i}].{name}");
        let path = entry.path.as_str();
        if path.is_empty()
            || path.starts_with('/')
            || path.split('/').any(|s| s == ".." || s.is_empty())
        {
            v.add(
                field("path"),
                "must be relative, without empty or `..` segments",
            );
        }
        if previous.is_some_and(|p| p.as_bytes() >= path.as_bytes()) {
            v.add(
                field("path"),
                "entries must be sorted by path, each path once",
            );
        }
        previous = Some(path);
        if !matches!(entry.kind.as_str(), "file" | "exec" | "symlink") {
            v.add(field("kind"), "must be file, exec or symlink");
        }
        match (parse_hex(&entry.sha256), entry.size >= 0) {
            (Some(sha256), true) => {
                named.insert(Digest {
                    sha256,
                    size: entry.size,
                });
            }
            (None, _) => {
                v.add(
                    field("sha256"),
                    "must be 64 lowercase hexadecimal characters",
                );
            }
            (_, false) => {
                v.add(field("size"), "must not be negative");
            }
        }
    }
    v.into_result_with(())?;
    named.retain(|d| !d.is_empty());
    Ok(named)
}

/// PutManifest: returns the manifest's digest.
pub async fn put(storage: &Storage, user: UserId, bytes: Bytes) -> Result<Digest, StorageError> {
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
    let mut violations: Vec<_> = missing
        .iter()
        .take(MAX_VIOLATIONS)
        .map(|d| {
            (
                "BLOB_MISSING",
                format!("blobs/{}/{}", d.hex(), d.size),
                "the manifest names a blob the user does not hold".to_owned(),
            )
        })
        .collect();
    if missing.len() > MAX_VIOLATIONS {
        violations.push((
            "BLOB_MISSING",
            "blobs".into(),
            format!(
                "and {} more: FindMissingBlobs lists them all",
                missing.len() - MAX_VIOLATIONS
            ),
        ));
    }
    StorageError::Precondition(violations)
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
            shelf.get(&shelf.manifest_path(user, digest), size).await
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
