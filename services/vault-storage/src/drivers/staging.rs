//! Bytes of unfinished uploads, staged under a directory of their own until they are verified
//! and moved into place. A stream persists its bytes as parts: on a local volume every part goes
//! into one file at its offset; on a remote backend each part is an object named by its offset
//! (objects cannot be appended to), and the parts are joined when the upload commits.

use std::ops::Range;

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt, TryStreamExt};
use opendal::ErrorKind;

use super::{DriverError, Inner, Store};

/// The local staging file inside an upload's directory.
const LOCAL_DATA: &str = "data";

fn part_name(dir: &str, offset: u64) -> String {
    format!("{dir}{offset:020}")
}

impl Store {
    /// Writes the part starting at `offset` of the upload staged in `dir` (ending with `/`);
    /// returns its length. Only what this returns counts as persisted.
    pub async fn stage_part<S>(&self, dir: &str, offset: u64, chunks: S) -> Result<u64, DriverError>
    where
        S: Stream<Item = Result<Bytes, DriverError>> + Send,
    {
        match &self.inner {
            Inner::Local(local) => {
                local
                    .write_at(&format!("{dir}{LOCAL_DATA}"), offset, chunks)
                    .await
            }
            Inner::Query(_) | Inner::Remote(_) => self.write(&part_name(dir, offset), chunks).await,
        }
    }

    /// The staged bytes in `range`, read back in order; `parts` are the parts' start offsets
    /// and `total` where the last one ends.
    pub async fn read_staged(
        &self,
        dir: &str,
        parts: &[u64],
        total: u64,
        range: Range<u64>,
    ) -> Result<BoxStream<'static, Result<Bytes, DriverError>>, DriverError> {
        if let Inner::Local(_) = &self.inner {
            return self.read(&format!("{dir}{LOCAL_DATA}"), range).await;
        }
        let mut pieces = Vec::new();
        for (i, &start) in parts.iter().enumerate() {
            let end = parts.get(i + 1).copied().unwrap_or(total);
            let (from, to) = (range.start.max(start), range.end.min(end));
            if from < to {
                pieces.push((part_name(dir, start), (from - start)..(to - start)));
            }
        }
        let store = self.clone();
        Ok(futures::stream::iter(pieces)
            .then(move |(path, range)| {
                let store = store.clone();
                async move { store.read(&path, range).await }
            })
            .try_flatten()
            .boxed())
    }

    /// Moves the staged upload into place at `target` and removes its staging directory.
    pub async fn promote(
        &self,
        dir: &str,
        parts: &[u64],
        total: u64,
        target: &str,
    ) -> Result<(), DriverError> {
        match &self.inner {
            Inner::Local(local) => {
                local
                    .settle(&format!("{dir}{LOCAL_DATA}"), total, target)
                    .await?;
                local.remove_dir(dir).await
            }
            Inner::Query(_) => self.join_parts(dir, parts, total, target).await,
            Inner::Remote(remote) => {
                let op = remote.op()?;
                let single = parts.len() == 1 && parts[0] == 0;
                if single {
                    let from = part_name(dir, 0);
                    match op.rename(&from, target).await {
                        Ok(()) => return self.unstage(dir, parts).await,
                        Err(err) if err.kind() != ErrorKind::Unsupported => return Err(err.into()),
                        Err(_) => {}
                    }
                    match op.copy(&from, target).await {
                        Ok(_) => return self.unstage(dir, parts).await,
                        Err(err) if err.kind() != ErrorKind::Unsupported => return Err(err.into()),
                        Err(_) => {}
                    }
                }
                self.join_parts(dir, parts, total, target).await
            }
        }
    }

    /// Streams the parts, in order, into `target`, then removes them.
    async fn join_parts(
        &self,
        dir: &str,
        parts: &[u64],
        total: u64,
        target: &str,
    ) -> Result<(), DriverError> {
        let bytes = self.read_staged(dir, parts, total, 0..total).await?;
        let written = self.write(target, bytes).await?;
        if written != total {
            return Err(DriverError::Unavailable(format!(
                "joined {written} of {total} staged bytes"
            )));
        }
        self.unstage(dir, parts).await
    }

    /// Removes an upload's staged bytes.
    pub async fn unstage(&self, dir: &str, parts: &[u64]) -> Result<(), DriverError> {
        match &self.inner {
            Inner::Local(local) => local.remove_dir(dir).await,
            Inner::Query(_) | Inner::Remote(_) => {
                for &offset in parts {
                    self.delete(&part_name(dir, offset)).await?;
                }
                // Parts a stream began but never recorded.
                for left in self.list(dir).await.unwrap_or_default() {
                    self.delete(&left).await?;
                }
                Ok(())
            }
        }
    }
}
