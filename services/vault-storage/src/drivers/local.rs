//! Local volumes through capability-based file access (cap-std): every path is resolved
//! beneath the volume's directory (openat2 `RESOLVE_BENEATH` on Linux), so neither `..` nor a
//! symlink planted inside the volume leads outside it. Files appear complete or not at all:
//! bytes go to a temporary name in the same directory and are renamed into place.

use std::io::{Read, Seek, SeekFrom, Write};
use std::num::NonZeroU64;
use std::ops::Range;
use std::sync::Arc;

use bytes::Bytes;
use cap_std::ambient_authority;
use cap_std::fs::Dir;
use futures::{Stream, StreamExt};
use rustix::fs::{Advice, fadvise};

use super::{CHUNK, DriverError};

/// Names of files being written (client paths cannot start a segment with it).
pub const TEMP_PREFIX: &str = ".tessera-";

/// How far past the reader the kernel is asked to have a download's bytes in the page cache.
const DISK_AHEAD: u64 = 16 << 20;

#[derive(Debug, Clone)]
pub(super) struct Local {
    dir: Arc<Dir>,
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> std::io::Result<T> + Send + 'static,
) -> Result<T, DriverError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| DriverError::Unavailable(e.to_string()))?
        .map_err(DriverError::from)
}

impl Local {
    /// Opens (creating it if needed) the volume directory `root`.
    pub(super) fn open(root: &str) -> Result<Self, DriverError> {
        std::fs::create_dir_all(root)?;
        let dir = Dir::open_ambient_dir(root, ambient_authority())?;
        Ok(Self { dir: Arc::new(dir) })
    }

    pub(super) async fn write<S>(&self, path: &str, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
        let temp = format!(
            "{}{}{TEMP_PREFIX}{}",
            parent,
            if parent.is_empty() { "" } else { "/" },
            uuid::Uuid::now_v7().simple()
        );
        let dir = self.dir.clone();
        let (parent_owned, temp_owned) = (parent.to_owned(), temp.clone());
        let file = blocking(move || {
            if !parent_owned.is_empty() {
                dir.create_dir_all(&parent_owned)?;
            }
            dir.create(&temp_owned)
        })
        .await?;
        let mut file = Some(file);
        let mut written = 0u64;
        let mut chunks = std::pin::pin!(chunks);
        let outcome = loop {
            match chunks.next().await {
                Some(Ok(chunk)) => {
                    written += chunk.len() as u64;
                    let mut open = file.take().ok_or_else(|| {
                        DriverError::Unavailable("the file was lost mid-write".into())
                    })?;
                    match blocking(move || open.write_all(&chunk).map(|()| open)).await {
                        Ok(open) => file = Some(open),
                        Err(err) => break Err(err),
                    }
                }
                Some(Err(err)) => break Err(err),
                None => break Ok(()),
            }
        };
        let dir = self.dir.clone();
        let target = format!("{parent}{}{name}", if parent.is_empty() { "" } else { "/" });
        match outcome {
            Ok(()) => {
                let file = file.take();
                blocking(move || {
                    if let Some(file) = file {
                        file.sync_all()?;
                    }
                    dir.rename(&temp, &dir, &target)
                })
                .await?;
                Ok(written)
            }
            Err(err) => {
                let _ = blocking(move || dir.remove_file(&temp)).await;
                Err(err)
            }
        }
    }

    /// Reads `range` on a thread of its own that stays a few chunks ahead of the consumer, so
    /// the disk and the network work at the same time. The kernel is asked to fetch
    /// [`DISK_AHEAD`] beyond what has been read into the page cache (not this process's memory),
    /// so a cold file streams at the disk's rate rather than one read-ahead window at a time.
    pub(super) async fn read(
        &self,
        path: &str,
        range: Range<u64>,
    ) -> Result<impl Stream<Item = Result<Bytes, DriverError>> + Send + use<>, DriverError> {
        const AHEAD: usize = 4;
        let dir = self.dir.clone();
        let path = path.to_owned();
        let start = range.start;
        let mut file = blocking(move || {
            let mut file = dir.open(&path)?;
            file.seek(SeekFrom::Start(start))?;
            Ok(file)
        })
        .await?;
        let mut left = range.end.saturating_sub(range.start);
        let (tx, rx) = tokio::sync::mpsc::channel(AHEAD);
        tokio::task::spawn_blocking(move || {
            // Advice only: a filesystem that ignores it reads as before.
            let _ = fadvise(&file, start, NonZeroU64::new(left), Advice::Sequential);
            let mut advised = start;
            let mut offset = start;
            while left > 0 {
                let ahead_end = offset + left.min(DISK_AHEAD);
                if ahead_end > advised {
                    let _ = fadvise(
                        &file,
                        advised,
                        NonZeroU64::new(ahead_end - advised),
                        Advice::WillNeed,
                    );
                    advised = ahead_end;
                }
                let want = left.min(CHUNK as u64);
                let mut chunk = Vec::with_capacity(want as usize);
                let read = (&mut file)
                    .take(want)
                    .read_to_end(&mut chunk)
                    .map_err(DriverError::from);
                let done = match &read {
                    Ok(0) | Err(_) => true, // the file is shorter than the range, or failed
                    Ok(n) => {
                        left -= *n as u64;
                        offset += *n as u64;
                        false
                    }
                };
                let item = read.map(|_| Bytes::from(chunk));
                if done {
                    if let Err(err) = item {
                        let _ = tx.blocking_send(Err(err));
                    }
                    return;
                }
                if tx.blocking_send(item).is_err() {
                    return; // the reader went away
                }
            }
        });
        Ok(tokio_stream::wrappers::ReceiverStream::new(rx))
    }

    pub(super) async fn size(&self, path: &str) -> Result<u64, DriverError> {
        let (dir, path) = (self.dir.clone(), path.to_owned());
        blocking(move || {
            let meta = dir.metadata(&path)?;
            if meta.is_file() {
                Ok(meta.len())
            } else {
                Err(std::io::ErrorKind::NotFound.into())
            }
        })
        .await
    }

    pub(super) async fn delete(&self, path: &str) -> Result<(), DriverError> {
        let (dir, path) = (self.dir.clone(), path.to_owned());
        match blocking(move || dir.remove_file(&path)).await {
            Err(DriverError::NotFound) => Ok(()),
            other => other,
        }
    }

    pub(super) async fn list(&self, prefix: &str) -> Result<Vec<String>, DriverError> {
        let dir = self.dir.clone();
        let start = prefix.trim_matches('/').to_owned();
        blocking(move || {
            let mut paths = Vec::new();
            let mut pending = vec![start];
            while let Some(current) = pending.pop() {
                let entries = match if current.is_empty() {
                    dir.entries()
                } else {
                    dir.read_dir(&current)
                } {
                    Err(err) if err.kind() == std::io::ErrorKind::NotFound => continue,
                    other => other?,
                };
                for entry in entries {
                    let entry = entry?;
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let path = if current.is_empty() {
                        name.clone()
                    } else {
                        format!("{current}/{name}")
                    };
                    let kind = entry.file_type()?;
                    if kind.is_dir() {
                        pending.push(path);
                    } else if kind.is_file() && !name.starts_with(TEMP_PREFIX) {
                        paths.push(path);
                    }
                }
            }
            paths.sort();
            Ok(paths)
        })
        .await
    }
}

/// Staged uploads: one file per upload, written at offsets and renamed into place at the end.
impl Local {
    /// Writes `chunks` into `path` from `offset` on (creating it and its directory), then syncs
    /// it to disk; returns the bytes written. Bytes past `offset` left by an earlier, aborted
    /// write are overwritten or cut off when the file is moved into place.
    pub(super) async fn write_at<S>(
        &self,
        path: &str,
        offset: u64,
        chunks: S,
    ) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        let (dir, path) = (self.dir.clone(), path.to_owned());
        let file = blocking(move || {
            if let Some((parent, _)) = path.rsplit_once('/') {
                dir.create_dir_all(parent)?;
            }
            let mut options = cap_std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(false);
            let mut file = dir.open_with(&path, &options)?;
            file.seek(SeekFrom::Start(offset))?;
            Ok(file)
        })
        .await?;
        let mut file = Some(file);
        let mut written = 0u64;
        let mut chunks = std::pin::pin!(chunks);
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk?;
            written += chunk.len() as u64;
            let mut open = file
                .take()
                .ok_or_else(|| DriverError::Unavailable("the file was lost mid-write".into()))?;
            file = Some(blocking(move || open.write_all(&chunk).map(|()| open)).await?);
        }
        if let Some(file) = file {
            blocking(move || file.sync_data()).await?;
        }
        Ok(written)
    }

    /// Cuts `from` to `len` bytes and renames it to `to` (creating `to`'s directory).
    pub(super) async fn settle(&self, from: &str, len: u64, to: &str) -> Result<(), DriverError> {
        let (dir, from, to) = (self.dir.clone(), from.to_owned(), to.to_owned());
        blocking(move || {
            let options = {
                let mut o = cap_std::fs::OpenOptions::new();
                o.write(true);
                o
            };
            let file = dir.open_with(&from, &options)?;
            file.set_len(len)?;
            file.sync_all()?;
            if let Some((parent, _)) = to.rsplit_once('/') {
                dir.create_dir_all(parent)?;
            }
            dir.rename(&from, &dir, &to)
        })
        .await
    }

    /// Removes the directory `path` and everything in it; a missing one is fine.
    pub(super) async fn remove_dir(&self, path: &str) -> Result<(), DriverError> {
        let (dir, path) = (self.dir.clone(), path.trim_end_matches('/').to_owned());
        match blocking(move || dir.remove_dir_all(&path)).await {
            Err(DriverError::NotFound) => Ok(()),
            other => other,
        }
    }
}
