//! CreateSnapshot: the spec, the manifest bytes (size and SHA-256 checked, then its canonical
//! form), the blobs it names looked up in vault-storage, the manifest stored there, then one
//! transaction: the decoded copy, the snapshot, the workspace and project moved, the activity.

use std::collections::BTreeSet;

use bytes::{Bytes, BytesMut};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::api_error::ApiError;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::{FieldViolations, capped_violations};
use tessera_kit::ids::UserId;
use tessera_kit::stream::ClientStream;
use tessera_manifest::{Manifest, stored};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{manifest_releases, manifests, projects, snapshots, workspaces};
use tonic::Streaming;
use uuid::Uuid;

use super::store::{self, Snapshot};
use crate::activity::{self, Event, kinds};
use crate::blobs::Digest;
use crate::ids::{Actor, WorkspaceId, parse_snapshot_id};
use crate::projects::store::Lock;
use crate::state::Intel;
use crate::workspaces::store::{self as spaces, WorkspaceRow, stale};

/// Largest manifest, in bytes (vault-storage's limit too).
pub const MAX_MANIFEST_BYTES: i64 = 256 << 20;
/// Most parents a snapshot names.
pub const MAX_PARENTS: usize = 16;
/// Largest chunk message.
const MAX_CHUNK: usize = 2 << 20;

/// A checked spec.
#[derive(Debug, Clone)]
struct Spec {
    request_id: Uuid,
    workspace: WorkspaceId,
    version: i64,
    parents: Vec<String>,
    source: Actor,
    sha256: [u8; 32],
    size: i64,
}

fn spec(raw: pb::SnapshotSpec) -> Result<Spec, ApiError> {
    let mut v = FieldViolations::new();
    let request_id = tessera_kit::ids::parse_uuid(&raw.request_id);
    if request_id.is_none() {
        v.add("spec.request_id", "required: a UUID the client chooses");
    }
    let workspace = WorkspaceId::parse_into(&mut v, "spec.workspace_id", &raw.workspace_id);
    if raw.workspace_version < 1 {
        v.add(
            "spec.workspace_version",
            "required: the version read (1 or more)",
        );
    }
    if raw.parent_snapshot_ids.len() > MAX_PARENTS {
        v.add("spec.parent_snapshot_ids", "at most 16 parents");
    }
    let mut parents = Vec::new();
    for (i, id) in raw.parent_snapshot_ids.iter().enumerate() {
        let field = format!("spec.parent_snapshot_ids[{i}]");
        if let Some(id) = parse_snapshot_id(&mut v, &field, id) {
            if parents.contains(&id) {
                v.add(field, "names a parent twice");
            }
            parents.push(id);
        }
    }
    let source = match raw.source {
        0 => Actor::Cli,
        other => Actor::parse_client(&mut v, "spec.source", other),
    };
    let sha256: Option<[u8; 32]> = raw.manifest_sha256.as_slice().try_into().ok();
    if sha256.is_none() {
        v.add("spec.manifest_sha256", "required: 32 bytes");
    }
    if !(1..=MAX_MANIFEST_BYTES).contains(&raw.manifest_size) {
        v.add("spec.manifest_size", "required: 1 byte to 256 MiB");
    }
    let (request_id, (workspace, sha256)) =
        ApiError::checked(v, request_id.zip(workspace.zip(sha256)))?;
    Ok(Spec {
        request_id,
        workspace,
        version: raw.workspace_version,
        parents,
        source,
        sha256,
        size: raw.manifest_size,
    })
}

/// The snapshot a request id made already, if any: the same manifest returns it, another is
/// ALREADY_EXISTS.
async fn retried(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    spec: &Spec,
) -> Result<Option<Snapshot>, ApiError> {
    let id: Option<String> = snapshots::table
        .filter(snapshots::project_id.eq(project))
        .filter(snapshots::request_id.eq(spec.request_id))
        .select(snapshots::id)
        .first(conn)
        .await
        .optional()?;
    let Some(id) = id else { return Ok(None) };
    let existing = store::in_project(conn, project, &id).await?;
    if existing.row.manifest_hash != spec.sha256 {
        return Err(ApiError::AlreadyExists(format!(
            "request {} made snapshot {id} of another manifest",
            spec.request_id
        )));
    }
    Ok(Some(existing))
}

async fn read_manifest(
    stream: &mut ClientStream<pb::CreateSnapshotRequest>,
    spec: &Spec,
) -> Result<Bytes, ApiError> {
    use pb::create_snapshot_request::Message;
    // Grown as bytes arrive: a declared size is not memory to hand out up front.
    let mut bytes = BytesMut::with_capacity((spec.size as usize).min(1 << 20));
    while let Some(message) = stream.next().await? {
        let Some(Message::Chunk(chunk)) = message.message else {
            return Err(ApiError::invalid("chunk", "only chunks follow the spec"));
        };
        if chunk.len() > MAX_CHUNK {
            return Err(ApiError::invalid("chunk", "at most 2 MiB per message"));
        }
        if (bytes.len() + chunk.len()) as i64 > spec.size {
            return Err(ApiError::OutOfRange(format!(
                "more manifest bytes than the {} the spec names",
                spec.size
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    if bytes.len() as i64 != spec.size {
        return Err(ApiError::OutOfRange(format!(
            "{} manifest bytes arrived, the spec names {}",
            bytes.len(),
            spec.size
        )));
    }
    if tessera_manifest::sha256(&bytes) != spec.sha256 {
        return Err(ApiError::Reason {
            code: tonic::Code::DataLoss,
            reason: "MANIFEST_HASH_MISMATCH",
            message: "the manifest bytes do not hash to spec.manifest_sha256".into(),
            metadata: Vec::new(),
        });
    }
    Ok(bytes.freeze())
}

/// FAILED_PRECONDITION naming each missing blob (the first few: details travel in trailers).
fn missing_blobs(missing: &[Digest]) -> ApiError {
    ApiError::Precondition(capped_violations(
        "BLOB_MISSING",
        missing
            .iter()
            .map(|d| format!("blobs/{}/{}", tessera_manifest::hex(&d.sha256), d.size)),
        "the manifest names a blob the owner does not hold in vault-storage",
        (
            "blobs",
            "upload them, or ask vault-storage's FindMissingBlobs",
        ),
    ))
}

/// CreateSnapshot.
pub async fn create(
    intel: &Intel,
    user: UserId,
    stream: Streaming<pb::CreateSnapshotRequest>,
) -> Result<(Snapshot, WorkspaceRow), ApiError> {
    use pb::create_snapshot_request::Message;
    let mut stream = ClientStream::from(stream);
    let first = stream.first_message("spec", "the snapshot's spec").await?;
    let pb::CreateSnapshotRequest {
        message: Some(Message::Spec(raw)),
    } = first
    else {
        return Err(ApiError::invalid("spec", "the first message is the spec"));
    };
    let spec = spec(raw)?;
    let workspace = {
        let mut conn = intel.db.conn().await?;
        let workspace = spaces::owned(&mut conn, user, spec.workspace, Lock::None).await?;
        if let Some(done) = retried(&mut conn, workspace.project_id, &spec).await? {
            return Ok((done, workspace));
        }
        if i64::from(workspace.version) != spec.version {
            return Err(stale(workspace.id, spec.version, workspace.version));
        }
        workspace
    };
    let bytes = read_manifest(&mut stream, &spec).await?;
    let parsed = bytes.clone();
    let (manifest, encoded) = tokio::task::spawn_blocking(move || {
        Manifest::parse(&parsed).map(|m| {
            let encoded = stored::encode(&m.entries);
            (m, encoded)
        })
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?
    .map_err(|invalid| {
        let field = match invalid.field.as_str() {
            "" => "manifest".to_owned(),
            field => format!("manifest.{field}"),
        };
        ApiError::invalid(&field, invalid.description)
    })?;
    let empty = Digest::of(b"");
    let named: BTreeSet<Digest> = manifest
        .entries
        .iter()
        .map(|e| Digest {
            sha256: e.sha256,
            size: e.size,
        })
        .filter(|d| *d != empty)
        .collect();
    let named: Vec<Digest> = named.into_iter().collect();
    let missing = intel.blobs.find_missing(user, &named).await?;
    if !missing.is_empty() {
        return Err(missing_blobs(&missing));
    }
    intel.blobs.put(user, bytes).await?;
    let counts = (manifest.entries.len() as i32, manifest.total_size());
    let recorded = record(intel, user, &spec, workspace.project_id, counts, encoded).await;
    match recorded {
        // A twin of this request won the race: answer what it made.
        Err(ApiError::Db(DbError::UniqueViolation { constraint }))
            if constraint == "snapshots_project_id_request_id_key" =>
        {
            let mut conn = intel.db.conn().await?;
            let done = retried(&mut conn, workspace.project_id, &spec)
                .await?
                .ok_or_else(|| ApiError::Internal("the twin snapshot vanished".into()))?;
            let workspace = spaces::owned(&mut conn, user, spec.workspace, Lock::None).await?;
            Ok((done, workspace))
        }
        other => other,
    }
}

/// The transaction that makes the snapshot.
async fn record(
    intel: &Intel,
    user: UserId,
    spec: &Spec,
    project: Uuid,
    (entry_count, total_size): (i32, i64),
    encoded: Vec<u8>,
) -> Result<(Snapshot, WorkspaceRow), ApiError> {
    let now = intel.clock.now();
    intel
        .db
        .transaction("intelligence.create_snapshot", |conn| {
            let encoded = &encoded;
            async move {
                let workspace = spaces::owned(conn, user, spec.workspace, Lock::Update).await?;
                // A twin of this request that committed first moved the version: answer it.
                if let Some(done) = retried(conn, project, spec).await? {
                    return Ok((done, workspace));
                }
                if i64::from(workspace.version) != spec.version {
                    return Err(stale(workspace.id, spec.version, workspace.version));
                }
                let parents = if spec.parents.is_empty() {
                    workspace.current_snapshot_id.iter().cloned().collect()
                } else {
                    spec.parents.clone()
                };
                let new = NewSnapshot {
                    workspace: &workspace,
                    parents,
                    sha256: spec.sha256,
                    counts: (entry_count, total_size),
                    byte_size: spec.size,
                    encoded,
                    source: spec.source,
                    request_id: Some(spec.request_id),
                    kind: kinds::SNAPSHOT_PUSHED,
                    message: format!("{entry_count} files, {total_size} bytes"),
                    now,
                };
                commit(conn, new).await
            }
            .scope_boxed()
        })
        .await
}

/// A snapshot to store, from a push or a merge.
#[derive(Debug)]
pub struct NewSnapshot<'a> {
    /// The workspace it moves (locked by the caller, its version checked).
    pub workspace: &'a WorkspaceRow,
    pub parents: Vec<String>,
    pub sha256: [u8; 32],
    /// Entries and total size of the manifest.
    pub counts: (i32, i64),
    /// Length of the manifest's canonical bytes.
    pub byte_size: i64,
    /// The manifest's stored form.
    pub encoded: &'a [u8],
    pub source: Actor,
    pub request_id: Option<Uuid>,
    /// The activity it records.
    pub kind: &'static str,
    pub message: String,
    pub now: chrono::DateTime<chrono::Utc>,
}

/// Stores `new` in the caller's transaction: the decoded manifest (once per hash), the
/// snapshot, the workspace moved to it (version + 1, clean), the project's last snapshot, the
/// activity. Parents must be snapshots of the project (NOT_FOUND otherwise).
pub async fn commit(
    conn: &mut AsyncPgConnection,
    new: NewSnapshot<'_>,
) -> Result<(Snapshot, WorkspaceRow), ApiError> {
    let project = new.workspace.project_id;
    for parent in &new.parents {
        store::in_project(conn, project, parent).await?;
    }
    let id = format!("snap-{}", ulid::Ulid::new());
    let (entry_count, total_size) = new.counts;
    diesel::insert_into(manifests::table)
        .values((
            manifests::project_id.eq(project),
            manifests::sha256.eq(new.sha256.to_vec()),
            manifests::entry_count.eq(entry_count),
            manifests::total_size.eq(total_size),
            manifests::byte_size.eq(new.byte_size),
            manifests::entries.eq(new.encoded),
            manifests::created_at.eq(new.now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    // A release of this manifest still queued (another project of the owner was deleted) is
    // cancelled: the manifest is in use again.
    let owner: Uuid = projects::table
        .find(project)
        .select(projects::owner_user_id)
        .first(conn)
        .await?;
    diesel::delete(
        manifest_releases::table
            .filter(manifest_releases::owner_user_id.eq(owner))
            .filter(manifest_releases::sha256.eq(new.sha256.to_vec())),
    )
    .execute(conn)
    .await?;
    let parent_ids: Vec<Option<String>> = new.parents.iter().cloned().map(Some).collect();
    diesel::insert_into(snapshots::table)
        .values((
            snapshots::id.eq(&id),
            snapshots::project_id.eq(project),
            snapshots::workspace_id.eq(new.workspace.id),
            snapshots::manifest_hash.eq(new.sha256.to_vec()),
            snapshots::parent_snapshot_ids.eq(parent_ids),
            snapshots::source.eq(new.source),
            snapshots::created_at.eq(new.now),
            snapshots::request_id.eq(new.request_id),
        ))
        .execute(conn)
        .await?;
    let moved: WorkspaceRow = diesel::update(workspaces::table.find(new.workspace.id))
        .set((
            workspaces::current_snapshot_id.eq(&id),
            workspaces::current_manifest_hash.eq(None::<Vec<u8>>),
            workspaces::version.eq(workspaces::version + 1),
        ))
        .returning(WorkspaceRow::as_returning())
        .get_result(conn)
        .await?;
    diesel::update(projects::table.find(project))
        .set((
            projects::last_snapshot_id.eq(&id),
            projects::updated_at.eq(new.now),
        ))
        .execute(conn)
        .await?;
    let event = Event {
        project,
        workspace: Some(new.workspace.id),
        actor: new.source,
        kind: new.kind,
        snapshot: Some(id.clone()),
        message: new.message,
    };
    activity::record(conn, event, new.now).await?;
    let snapshot = store::in_project(conn, project, &id).await?;
    Ok((snapshot, moved))
}
