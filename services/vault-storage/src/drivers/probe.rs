//! The capability check: a volume is activated only after its backend has shown, end to end,
//! that it takes writes, serves ranges, lists and deletes.

use bytes::Bytes;
use futures::TryStreamExt;

use super::{DriverError, Store};

/// What a backend showed it can do in a capability check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capabilities {
    pub write: bool,
    pub ranged_read: bool,
    pub list: bool,
    pub delete: bool,
}

/// The step of a capability check that failed, and how.
#[derive(Debug, thiserror::Error)]
#[error("the capability check failed at {step}: {error}")]
pub struct ProbeError {
    /// `write`, `ranged read`, `list` or `delete`.
    pub step: &'static str,
    pub error: DriverError,
}

impl Store {
    /// Checks the backend end to end under `dir` (which ends with `/`, or is empty): writes a
    /// small object in several chunks, reads a range of it back, finds it in a listing,
    /// deletes it and sees it gone. Leaves nothing behind when it succeeds.
    pub async fn probe(&self, dir: &str) -> Result<Capabilities, ProbeError> {
        let fail = |step| move |error| ProbeError { step, error };
        // A fresh UUIDv7 name: no client file can hold it.
        let path = format!("{dir}tessera-probe-{}", uuid::Uuid::now_v7().simple());
        let bytes: Vec<u8> = (0..=255u8).cycle().take(3 * 1024).collect();
        let chunks: Vec<Result<Bytes, DriverError>> = bytes
            .chunks(1024)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        self.write(&path, futures::stream::iter(chunks))
            .await
            .map_err(fail("write"))?;
        let mut caps = Capabilities {
            write: true,
            ..Capabilities::default()
        };
        let mut range = Vec::new();
        let mut stream = self
            .read(&path, 1000..1100)
            .await
            .map_err(fail("ranged read"))?;
        while let Some(chunk) = stream.try_next().await.map_err(fail("ranged read"))? {
            range.extend_from_slice(&chunk);
        }
        if range != bytes[1000..1100] {
            let _ = self.delete(&path).await;
            return Err(ProbeError {
                step: "ranged read",
                error: DriverError::Unsupported("a ranged read returned other bytes".into()),
            });
        }
        caps.ranged_read = true;
        // Servers addressed by ?id= have no listing; the service never needs one.
        let listed = match self.list(if dir.is_empty() { "/" } else { dir }).await {
            Err(DriverError::Unsupported(_)) if self.is_query() => None,
            other => Some(other.map_err(fail("list"))?),
        };
        caps.list = listed.as_ref().is_some_and(|listed| {
            listed
                .iter()
                .any(|p| p.trim_start_matches('/') == path.trim_start_matches('/'))
        });
        if listed.is_some() && !caps.list {
            let _ = self.delete(&path).await;
            return Err(ProbeError {
                step: "list",
                error: DriverError::Unsupported("a listing did not show a new object".into()),
            });
        }
        self.delete(&path).await.map_err(fail("delete"))?;
        match self.size(&path).await {
            Err(DriverError::NotFound) => caps.delete = true,
            Ok(_) => {
                return Err(ProbeError {
                    step: "delete",
                    error: DriverError::Unsupported("a deleted object is still there".into()),
                });
            }
            Err(error) => {
                return Err(ProbeError {
                    step: "delete",
                    error,
                });
            }
        }
        Ok(caps)
    }
}

impl Store {
    /// The check of a read-only backend (plain HTTP): it answers under `dir` and accepts the
    /// credentials. Nothing is written; what it serves is up to the operator's imports.
    pub async fn probe_read_only(&self, dir: &str) -> Result<Capabilities, ProbeError> {
        match self.size(if dir.is_empty() { "/" } else { dir }).await {
            Ok(_) | Err(DriverError::NotFound) => Ok(Capabilities::default()),
            Err(error) => Err(ProbeError {
                step: "read",
                error,
            }),
        }
    }
}
