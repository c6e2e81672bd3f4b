//! Backend object versions (S3 bucket versioning), for volumes whose versioning is `target`:
//! the backend keeps every version of an object, and each is read or removed by its id.

use std::ops::Range;

use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};

use super::{CHUNK, DriverError, Inner, ProbeError, Store};

fn unsupported() -> DriverError {
    DriverError::Unsupported("this backend keeps no object versions".into())
}

impl Store {
    /// The backend's version id of the current content at `path` (`None`: it keeps none).
    pub async fn version_of(&self, path: &str) -> Result<Option<String>, DriverError> {
        match &self.inner {
            Inner::Remote(remote) => {
                Ok(remote.op()?.stat(path).await?.version().map(str::to_owned))
            }
            _ => Ok(None),
        }
    }

    /// The bytes of version `version` of `path` in `range`.
    pub async fn read_version(
        &self,
        path: &str,
        version: &str,
        range: Range<u64>,
    ) -> Result<BoxStream<'static, Result<Bytes, DriverError>>, DriverError> {
        let Inner::Remote(remote) = &self.inner else {
            return Err(unsupported());
        };
        let reader = remote
            .op()?
            .reader_with(path)
            .version(version)
            .chunk(CHUNK)
            .await?;
        let stream = reader.into_bytes_stream(range).await?;
        Ok(stream.map_err(DriverError::from).boxed())
    }

    /// Removes version `version` of `path`; a missing one is fine.
    pub async fn delete_version(&self, path: &str, version: &str) -> Result<(), DriverError> {
        let Inner::Remote(remote) = &self.inner else {
            return Err(unsupported());
        };
        match remote.op()?.delete_with(path).version(version).await {
            Err(err) if err.kind() == opendal::ErrorKind::NotFound => Ok(()),
            other => Ok(other?),
        }
    }

    /// Shows under `dir` that the backend keeps versions: an object written twice has two
    /// version ids, the first still reads back, and both are removed again.
    pub async fn probe_versions(&self, dir: &str) -> Result<(), ProbeError> {
        let fail = |error| ProbeError {
            step: "versions",
            error,
        };
        let path = format!("{dir}tessera-versions-{}", uuid::Uuid::now_v7().simple());
        let mut ids = Vec::new();
        for content in [&b"first"[..], &b"second"[..]] {
            let chunk = Ok(Bytes::from_static(content));
            self.write(&path, futures::stream::iter([chunk]))
                .await
                .map_err(fail)?;
            ids.push(self.version_of(&path).await.map_err(fail)?);
        }
        let cleanup = async {
            for id in ids.iter().flatten() {
                let _ = self.delete_version(&path, id).await;
            }
        };
        let (Some(first), Some(second)) = (ids[0].clone(), ids[1].clone()) else {
            cleanup.await;
            return Err(fail(unsupported()));
        };
        if first == second {
            cleanup.await;
            return Err(fail(unsupported()));
        }
        let mut back = Vec::new();
        let mut stream = self.read_version(&path, &first, 0..5).await.map_err(fail)?;
        while let Some(chunk) = stream.try_next().await.map_err(fail)? {
            back.extend_from_slice(&chunk);
        }
        cleanup.await;
        if back != b"first" {
            return Err(fail(DriverError::Unsupported(
                "an earlier version read back other bytes".into(),
            )));
        }
        Ok(())
    }
}
