//! `tessera-storage-bench`: 1 GiB uploaded and downloaded through the Storage Service (the
//! release binary in its own process, over loopback gRPC, to a local volume), next to `dd`
//! writing (`conv=fsync`) and reading 1 GiB on the same filesystem. Reports MiB/s, the ratios
//! and the service's peak resident memory (VmHWM). Needs DATABASE_URL (`make bench-storage`).
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use bytes::Bytes;
use clap::Parser;
use futures::StreamExt;
use sha2::{Digest, Sha256};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient;
use tessera_proto::tessera::vault::v1::storage_admin_service_client::StorageAdminServiceClient;
use tessera_testkit::binary::RunningBinary;
use tessera_testkit::{TestDb, authed};

const MIB: u64 = 1 << 20;
const APP_TOKEN: &str = "tsvc_bench_storage_0123456789abcdef";
const OPERATOR_TOKEN: &str = "topr_bench_operator_0123456789abcdef";

#[derive(Debug, Parser)]
struct Args {
    /// MiB to move each way.
    #[arg(long, default_value_t = 1024)]
    mib: u64,
    /// The service binary.
    #[arg(long, default_value = "target/release/tessera-vault-storage")]
    binary: String,
    /// Directory for the volume and dd's file (the filesystem under test).
    #[arg(long, default_value = ".tessera/bench")]
    dir: PathBuf,
    /// Rounds of dd then the service, back to back (the disk's speed drifts: ratios are taken
    /// within a round, and the median reported).
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Download from the page cache instead of the disk (the cache is not dropped): separates
    /// what the gRPC path costs from what the disk does.
    #[arg(long)]
    warm: bool,
    /// Size of an upload's durable parts (TESSERA_STORAGE_PART_BYTES), in MiB.
    #[arg(long, default_value_t = 64)]
    part_mib: u64,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One 1 MiB block, and the stream of `mib` of them (each block tagged with its index, so the
/// content never repeats whole blocks).
fn block(i: u64, base: &Bytes) -> Bytes {
    let mut b = base.to_vec();
    b[..8].copy_from_slice(&i.to_le_bytes());
    Bytes::from(b)
}

fn peak_rss_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

/// CPU seconds (user + system) the process `pid` has used.
fn cpu_seconds(pid: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, r)| r.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn dd(args: &[String]) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let out = Command::new("dd")
        .args(args)
        .output()
        .context("running dd")?;
    if !out.status.success() {
        bail!("dd failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    Ok(start.elapsed())
}

/// Evicts `file` from the page cache, so reads come from the disk, dd's and the service's
/// alike: the whole clean cache when this may (root), else the file's pages (`posix_fadvise`
/// DONTNEED through dd, which the kernel may honour only in part).
fn drop_cache(file: &std::path::Path) -> anyhow::Result<()> {
    let _ = Command::new("sync").status();
    if std::fs::write("/proc/sys/vm/drop_caches", "1").is_err() {
        dd(&[
            format!("if={}", file.display()),
            "iflag=nocache".into(),
            "count=0".into(),
        ])?;
    }
    Ok(())
}

fn rate(mib: u64, took: Duration) -> f64 {
    mib as f64 / took.as_secs_f64()
}

fn walk_and_drop(path: &std::path::Path) -> anyhow::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)?.flatten() {
            walk_and_drop(&entry.path())?;
        }
        Ok(())
    } else {
        drop_cache(path)
    }
}

/// dd writing `mib` MiB with fsync, then reading them back from the disk.
fn dd_round(dir: &std::path::Path, mib: u64) -> anyhow::Result<(Duration, Duration)> {
    let file = dir.join("dd.bin");
    let write = dd(&[
        "if=/dev/zero".into(),
        format!("of={}", file.display()),
        "bs=1M".into(),
        format!("count={mib}"),
        "conv=fsync".into(),
    ])?;
    drop_cache(&file)?;
    let read = dd(&[
        format!("if={}", file.display()),
        "of=/dev/null".into(),
        "bs=1M".into(),
    ])?;
    std::fs::remove_file(&file)?;
    Ok((write, read))
}

type Files = FileServiceClient<tonic::transport::Channel>;

/// What one service round took: wall times and the service's and client's CPU seconds.
struct ServiceRound {
    up: Duration,
    down: Duration,
    up_cpu: (f64, f64),
    down_cpu: (f64, f64),
}

/// The service uploading `blocks` (SHA-256 `sha`) as `path`, then serving them from the disk
/// (after dropping `drop_cache_of` from the page cache) or, with `None`, from the cache.
async fn service_round(
    files: &mut Files,
    volume: &pb::Volume,
    drop_cache_of: Option<&std::path::Path>,
    pid: u32,
    path: &str,
    blocks: Vec<Bytes>,
    sha: &[u8],
) -> anyhow::Result<ServiceRound> {
    use pb::upload_request::{Finish, Message};
    let len = blocks.iter().map(|b| b.len() as u64).sum::<u64>();
    let spec = pb::UploadSpec {
        volume_id: volume.id.clone(),
        namespace: pb::Namespace::Apps as i32,
        path: path.into(),
        declared_size: len as i64,
        ..Default::default()
    };
    let body = futures::stream::iter(
        std::iter::once(Message::Spec(spec))
            .chain(blocks.into_iter().map(Message::Chunk))
            .chain(std::iter::once(Message::Finish(Finish {
                sha256: sha.to_vec().into(),
            })))
            .map(|m| pb::UploadRequest { message: Some(m) }),
    );
    let cpu = || (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
    let before = cpu();
    let start = Instant::now();
    let file = files
        .upload(authed(APP_TOKEN, body))
        .await?
        .into_inner()
        .file
        .context("file")?;
    let up = start.elapsed();
    let middle = cpu();
    if let Some(dir) = drop_cache_of {
        walk_and_drop(dir)?;
    }
    let middle_dropped = cpu();
    let start = Instant::now();
    let request = pb::DownloadRequest {
        file_id: file.id,
        offset: 0,
        limit: 0,
        version: 0,
    };
    let mut stream = files
        .download(authed(APP_TOKEN, request))
        .await?
        .into_inner();
    let mut got = 0u64;
    while let Some(message) = stream.next().await {
        if let Some(pb::download_response::Message::Chunk(chunk)) = message?.message {
            got += chunk.len() as u64;
        }
    }
    let down = start.elapsed();
    let after = cpu();
    if got != len {
        bail!("downloaded {got} of {len} bytes");
    }
    Ok(ServiceRound {
        up,
        down,
        up_cpu: (middle.0 - before.0, middle.1 - before.1),
        down_cpu: (after.0 - middle_dropped.0, after.1 - middle_dropped.1),
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.dir)?;
    let dir = args.dir.canonicalize()?;
    let volume_dir = dir.join(format!("volume-{}", uuid::Uuid::now_v7().simple()));

    let db = TestDb::new().await;
    let hash = |token: &str| hex(&tessera_kit::auth::token_hash(token));
    let part_bytes = (args.part_mib * MIB).to_string();
    let service = RunningBinary::spawn(
        &args.binary,
        db.url(),
        &[
            (
                "TESSERA_INTERNAL_CREDENTIALS",
                &format!("bench:{}", hash(APP_TOKEN)),
            ),
            (
                "TESSERA_OPERATOR_CREDENTIALS",
                &format!("bench:{}", hash(OPERATOR_TOKEN)),
            ),
            ("TESSERA_STORAGE_LOCAL_ROOTS", &dir.display().to_string()),
            ("TESSERA_STORAGE_PART_BYTES", &part_bytes),
        ],
    );
    service.wait_serving(Duration::from_secs(30)).await;
    let pid = service.pid().context("the service's pid")?;
    let channel = tonic::transport::Endpoint::from_shared(service.uri())?
        .http2_adaptive_window(true)
        .max_frame_size(1 << 20)
        .connect()
        .await?;
    let mut admin = StorageAdminServiceClient::new(channel.clone());
    let target = pb::backend::Target::LocalPath(pb::LocalPath {
        path: volume_dir.display().to_string(),
    });
    let backend = admin
        .create_backend(authed(
            OPERATOR_TOKEN,
            pb::CreateBackendRequest {
                backend: Some(pb::Backend {
                    target: Some(target),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ))
        .await?
        .into_inner()
        .backend
        .context("backend")?;
    let volume = pb::Volume {
        name: "bench".into(),
        backend_id: backend.id,
        is_active: true,
        ..Default::default()
    };
    let volume = admin
        .create_volume(authed(
            OPERATOR_TOKEN,
            pb::CreateVolumeRequest {
                volume: Some(volume),
            },
        ))
        .await?
        .into_inner()
        .volume
        .context("volume")?;
    let mut files = FileServiceClient::new(channel);

    let base = Bytes::from(
        (0..MIB)
            .map(|i| ((i * 2_654_435_761) >> 13) as u8)
            .collect::<Vec<u8>>(),
    );
    let blocks: Vec<Bytes> = (0..args.mib).map(|i| block(i, &base)).collect();
    let mut hasher = Sha256::new();
    for b in &blocks {
        hasher.update(b);
    }
    let sha = hasher.finalize().to_vec();

    println!("| round | dd write | service upload | ratio | dd read | service download | ratio |");
    println!("|---|---|---|---|---|---|---|");
    let (mut up_ratios, mut down_ratios, mut rates) = (Vec::new(), Vec::new(), Vec::new());
    let mut cpu = Vec::new();
    for round in 1..=args.rounds {
        let (write, read) = dd_round(&dir, args.mib)?;
        let path = format!("bench-{round}.bin");
        let r = service_round(
            &mut files,
            &volume,
            (!args.warm).then_some(volume_dir.as_path()),
            pid,
            &path,
            blocks.clone(),
            &sha,
        )
        .await?;
        let (dw, dr, su, sd) = (
            rate(args.mib, write),
            rate(args.mib, read),
            rate(args.mib, r.up),
            rate(args.mib, r.down),
        );
        println!(
            "| {round} | {dw:.0} MiB/s | {su:.0} MiB/s | {:.2} | {dr:.0} MiB/s | {sd:.0} MiB/s | {:.2} |",
            su / dw,
            sd / dr
        );
        up_ratios.push(su / dw);
        down_ratios.push(sd / dr);
        rates.push((su, sd));
        cpu.push((r.up_cpu, r.down_cpu));
    }
    let rss = peak_rss_mib(pid).unwrap_or(f64::NAN);
    let _ = std::fs::remove_dir_all(&volume_dir);
    drop(db);
    println!();
    println!(
        "median ratio to dd: upload {:.2}, download {:.2}; median service rates {:.0} / {:.0} MiB/s",
        median(up_ratios),
        median(down_ratios),
        median(rates.iter().map(|r| r.0).collect()),
        median(rates.iter().map(|r| r.1).collect()),
    );
    println!("service peak resident memory (VmHWM) over all rounds: {rss:.0} MiB");
    println!(
        "CPU seconds per {} MiB, median (service, client): upload {:.2}, {:.2}; download {:.2}, {:.2}",
        args.mib,
        median(cpu.iter().map(|c| c.0.0).collect()),
        median(cpu.iter().map(|c| c.0.1).collect()),
        median(cpu.iter().map(|c| c.1.0).collect()),
        median(cpu.iter().map(|c| c.1.1).collect()),
    );
    Ok(())
}
