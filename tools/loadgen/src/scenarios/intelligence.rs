//! project-intelligence's drift between two 100,000-entry manifests, the workspace's differing
//! from the source's by 1% each of added, deleted, modified and renamed files:
//!
//! - `drift-merge`: the two-way merge alone, on decoded manifests in memory;
//! - `drift-server`: what the service does per call: both manifests loaded from PostgreSQL and
//!   decoded, then merged;
//! - `drift-grpc`: ComputeDrift over gRPC (two-way; the lists of changed paths in the reply);
//! - `drift-grpc-3way`: the same with the three-way comparison over the merge base.
//!
//! Calls are made one at a time (a comparison is CPU-bound: concurrency measures the machine's
//! cores, not the algorithm). The trees are written straight into the database (the decoded
//! copies and two snapshots), not pushed: pushing 100,000 blobs through vault-storage would
//! measure the storage, not drift.

use std::future::Future;
use std::time::{Duration, Instant};

use tessera_manifest::{Entry, Kind, Manifest, stored};
use tessera_project_intelligence::drift::diff::diff;
use tessera_project_intelligence::snapshots::store::entries;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::drift_service_client::DriftServiceClient;
use tessera_proto::tessera::intelligence::v1::project_service_client::ProjectServiceClient;
use tessera_proto::tessera::intelligence::v1::workspace_service_client::WorkspaceServiceClient;
use tessera_testkit::{TestSuite, authed};
use uuid::Uuid;

use super::Settings;
use crate::Report;

/// Entries per manifest.
const ENTRIES: usize = 100_000;
/// Files of each kind of change (1%).
const CHANGED: usize = ENTRIES / 100;
const SOURCE_SNAPSHOT: &str = "snap-01JF0000000000000000000SRC";
const WORKSPACE_SNAPSHOT: &str = "snap-01JF0000000000000000000WSP";

fn entry(path: String, seed: u64) -> Entry {
    let mut sha256 = [0u8; 32];
    sha256[..8].copy_from_slice(&seed.to_be_bytes());
    sha256[8..16].copy_from_slice(&(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15)).to_be_bytes());
    Entry {
        path,
        kind: Kind::File,
        sha256,
        size: 1000 + (seed % 50_000) as i64,
    }
}

/// The source's tree and the workspace's: 1% added, deleted, modified and renamed.
fn trees() -> (Vec<Entry>, Vec<Entry>) {
    let path = |i: usize| format!("src/module_{:03}/component_{:05}.rs", i % 500, i);
    let source: Vec<Entry> = (0..ENTRIES).map(|i| entry(path(i), i as u64)).collect();
    let mut workspace: Vec<Entry> = Vec::with_capacity(ENTRIES);
    for (i, e) in source.iter().enumerate() {
        match i % 100 {
            0 => {}                                                            // deleted
            1 => workspace.push(entry(e.path.clone(), 10_000_000 + i as u64)), // modified
            2 => workspace.push(entry(format!("moved/{}", e.path), i as u64)), // renamed
            _ => workspace.push(e.clone()),
        }
    }
    workspace
        .extend((0..CHANGED).map(|i| entry(format!("new/file_{i:05}.rs"), 20_000_000 + i as u64)));
    let sort = |t: &mut Vec<Entry>| t.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    let (mut source, mut workspace) = (source, workspace);
    sort(&mut source);
    sort(&mut workspace);
    (source, workspace)
}

/// Calls `f` one at a time for `duration` after two unmeasured calls.
async fn samples<F, Fut>(name: &str, duration: Duration, mut f: F) -> anyhow::Result<Report>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    for _ in 0..2 {
        f().await?;
    }
    let (start, mut samples) = (Instant::now(), Vec::new());
    while start.elapsed() < duration || samples.len() < 20 {
        let at = Instant::now();
        f().await?;
        samples.push(at.elapsed());
    }
    Ok(Report::from_samples(name, samples, start.elapsed()))
}

/// Runs the project-intelligence scenarios `settings` asks for.
pub async fn run(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let names = [
        "drift-merge",
        "drift-server",
        "drift-grpc",
        "drift-grpc-3way",
    ];
    if !names.iter().any(|n| settings.wants(n)) {
        return Ok(Vec::new());
    }
    let suite = TestSuite::new()
        .with(tessera_project_intelligence::SPEC, |ctx| {
            tessera_project_intelligence::services(
                ctx,
                tessera_project_intelligence::Config::default(),
            )
        })
        .start()
        .await;
    let channel = suite.channel("project-intelligence").await;
    let (_, token) = suite.identity.sign_up("bench").await;
    let project = ProjectServiceClient::new(channel.clone())
        .create_project(authed(
            &token,
            pb::CreateProjectRequest {
                project: Some(pb::Project {
                    name: "bench".into(),
                    ..Default::default()
                }),
                actor: 0,
            },
        ))
        .await?
        .into_inner()
        .project
        .ok_or_else(|| anyhow::anyhow!("no project"))?;
    let mut workspaces = WorkspaceServiceClient::new(channel.clone());
    let mut ids = Vec::new();
    for name in ["main", "feature"] {
        let ws = workspaces
            .create_workspace(authed(
                &token,
                pb::CreateWorkspaceRequest {
                    project_id: project.id.clone(),
                    workspace: Some(pb::Workspace {
                        name: name.into(),
                        ..Default::default()
                    }),
                    actor: 0,
                },
            ))
            .await?
            .into_inner()
            .workspace
            .ok_or_else(|| anyhow::anyhow!("no workspace"))?;
        ids.push(Uuid::parse_str(&ws.id)?);
    }
    let (source, workspace) = trees();
    let project_id = Uuid::parse_str(&project.id)?;
    let client = suite.db().client().await;
    let mut hashes = Vec::new();
    for (tree, snapshot, ws, parents) in [
        (&source, SOURCE_SNAPSHOT, ids[0], vec![]),
        (
            &workspace,
            WORKSPACE_SNAPSHOT,
            ids[1],
            vec![SOURCE_SNAPSHOT.to_owned()],
        ),
    ] {
        let manifest = Manifest::from_entries(tree.clone()).map_err(|e| anyhow::anyhow!("{e}"))?;
        let bytes = manifest.to_canonical();
        let hash = tessera_manifest::sha256(&bytes).to_vec();
        client
            .execute(
                "INSERT INTO intelligence.manifests (project_id, sha256, entry_count, total_size, byte_size, entries) \
                 VALUES ($1::text::uuid, $2, $3, $4, $5, $6)",
                &[&project.id, &hash, &(tree.len() as i32), &manifest.total_size(), &(bytes.len() as i64), &stored::encode(tree)],
            )
            .await?;
        client
            .execute(
                "INSERT INTO intelligence.snapshots (id, project_id, workspace_id, manifest_hash, parent_snapshot_ids) \
                 VALUES ($1, $2::text::uuid, $3::text::uuid, $4, $5)",
                &[&snapshot, &project.id, &ws.to_string(), &hash, &parents],
            )
            .await?;
        client
            .execute(
                "UPDATE intelligence.workspaces SET current_snapshot_id = $1 WHERE id = $2::text::uuid",
                &[&snapshot, &ws.to_string()],
            )
            .await?;
        hashes.push(hash);
    }

    let mut reports = Vec::new();
    let label = |what: &str| format!("drift, 2 x {ENTRIES} entries, 1% each changed: {what}");
    if settings.wants("drift-merge") {
        reports.push(
            samples(&label("merge alone"), settings.duration, || {
                let d = diff(&workspace, &source);
                std::hint::black_box(d);
                async { Ok(()) }
            })
            .await?,
        );
    }
    if settings.wants("drift-server") {
        let db = tessera_kit::Db::new(&suite.db().service_settings("intelligence"))?;
        reports.push(
            samples(
                &label("load from PostgreSQL + merge (server-side)"),
                settings.duration,
                || {
                    let (db, hashes) = (db.clone(), &hashes);
                    async move {
                        let mut conn = db.conn().await?;
                        let theirs = entries(&mut conn, project_id, &hashes[0]).await?;
                        let ours = entries(&mut conn, project_id, &hashes[1]).await?;
                        std::hint::black_box(diff(&ours, &theirs));
                        Ok(())
                    }
                },
            )
            .await?,
        );
    }
    for (name, three_way) in [("drift-grpc", false), ("drift-grpc-3way", true)] {
        if !settings.wants(name) {
            continue;
        }
        let what = if three_way {
            "ComputeDrift over gRPC, three-way"
        } else {
            "ComputeDrift over gRPC"
        };
        let drift = DriftServiceClient::new(channel.clone()).max_decoding_message_size(64 << 20);
        reports.push(
            samples(&label(what), settings.duration, || {
                let (mut drift, token, feature, main) = (
                    drift.clone(),
                    token.clone(),
                    ids[1].to_string(),
                    ids[0].to_string(),
                );
                async move {
                    let reply = drift
                        .compute_drift(authed(
                            &token,
                            pb::ComputeDriftRequest {
                                workspace_id: feature,
                                source: Some(pb::DriftSource {
                                    source: Some(pb::drift_source::Source::WorkspaceId(main)),
                                }),
                                three_way,
                                ..Default::default()
                            },
                        ))
                        .await?
                        .into_inner();
                    let two = reply.two_way.unwrap_or_default();
                    anyhow::ensure!(
                        (
                            two.files_added,
                            two.files_deleted,
                            two.files_modified,
                            two.renamed.len()
                        ) == (CHANGED as i64, CHANGED as i64, CHANGED as i64, CHANGED),
                        "unexpected drift counts"
                    );
                    Ok(())
                }
            })
            .await?,
        );
    }
    Ok(reports)
}
