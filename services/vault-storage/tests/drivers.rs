//! One conformance suite, run against every kind of backend on a real server started by
//! `scripts/storage-servers.sh` (`make test` starts them): chunked writes, whole and ranged
//! reads, overwrite, recursive listing and delete, with 5 MiB streamed each way.

use bytes::Bytes;
use futures::{TryStreamExt, stream};
use secrecy::SecretString;
use sha2::{Digest, Sha256};
use tessera_vault_storage::drivers::{Backend, DriverError, HttpAuth, Store};

use crate::servers;

use servers::{setting, unique_root};

/// Deterministic bytes that do not repeat within a chunk.
fn pattern(len: usize, seed: u8) -> Vec<u8> {
    let mut state = u32::from(seed) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect()
}

fn chunked(
    bytes: &[u8],
    size: usize,
) -> impl futures::Stream<Item = Result<Bytes, DriverError>> + use<> {
    let chunks: Vec<Result<Bytes, DriverError>> = bytes
        .chunks(size)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(chunks)
}

async fn read_all(
    store: &Store,
    path: &str,
    range: std::ops::Range<u64>,
) -> Result<Vec<u8>, DriverError> {
    let mut out = Vec::new();
    let mut chunks = std::pin::pin!(store.read(path, range).await?);
    while let Some(chunk) = chunks.try_next().await? {
        assert!(
            chunk.len() <= tessera_vault_storage::drivers::CHUNK,
            "bounded chunks"
        );
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

async fn conformance(backend: Backend) {
    let store = Store::open(&backend).expect("driver");

    let small = pattern(1000, 1);
    let written = store
        .write("docs/a/one.txt", chunked(&small, 300))
        .await
        .expect("write in four chunks");
    assert_eq!(written, 1000);
    assert_eq!(store.size("docs/a/one.txt").await.expect("size"), 1000);
    assert_eq!(
        read_all(&store, "docs/a/one.txt", 0..1000)
            .await
            .expect("read"),
        small
    );
    assert_eq!(
        read_all(&store, "docs/a/one.txt", 5..17)
            .await
            .expect("ranged read"),
        small[5..17]
    );

    // 5 MiB and a bit, in 256 KiB pieces, read back in bounded chunks.
    let big = pattern(5 * 1024 * 1024 + 123, 2);
    store
        .write("big.bin", chunked(&big, 256 * 1024))
        .await
        .expect("write big");
    let back = read_all(&store, "big.bin", 0..big.len() as u64)
        .await
        .expect("read big");
    assert_eq!(
        Sha256::digest(&back),
        Sha256::digest(&big),
        "5 MiB round trip"
    );
    let (from, to) = (1024 * 1024 - 10, 3 * 1024 * 1024 + 10);
    assert_eq!(
        read_all(&store, "big.bin", from as u64..to as u64)
            .await
            .expect("range across chunks"),
        big[from..to]
    );

    let replaced = pattern(10, 3);
    store
        .write("docs/a/one.txt", chunked(&replaced, 10))
        .await
        .expect("overwrite");
    assert_eq!(
        read_all(&store, "docs/a/one.txt", 0..10)
            .await
            .expect("read"),
        replaced
    );

    assert_eq!(
        store.list("/").await.expect("list"),
        vec!["big.bin".to_owned(), "docs/a/one.txt".to_owned()]
    );
    assert_eq!(
        store.list("docs/").await.expect("list docs"),
        vec!["docs/a/one.txt".to_owned()]
    );

    store.delete("docs/a/one.txt").await.expect("delete");
    store
        .delete("docs/a/one.txt")
        .await
        .expect("deleting again succeeds");
    assert!(matches!(
        read_all(&store, "docs/a/one.txt", 0..10).await,
        Err(DriverError::NotFound)
    ));
    assert!(matches!(
        store.size("missing").await,
        Err(DriverError::NotFound)
    ));
    store.delete("big.bin").await.expect("delete big");
    assert_eq!(store.list("/").await.expect("list").len(), 0);
}

#[tokio::test]
async fn local_disk() {
    let (backend, root) = servers::local();
    conformance(backend).await;
    let _ = std::fs::remove_dir_all(root);
}

#[tokio::test]
async fn s3() {
    conformance(servers::s3()).await;
}

#[tokio::test]
async fn ftp() {
    conformance(servers::ftp()).await;
}

#[tokio::test]
async fn sftp() {
    conformance(servers::sftp()).await;
}

#[tokio::test]
async fn webdav_with_basic_auth() {
    conformance(servers::webdav_basic(
        "basic",
        &setting("TESSERA_TEST_HTTP_PASSWORD"),
    ))
    .await;
}

#[tokio::test]
async fn webdav_with_a_bearer_token() {
    let token = SecretString::from(setting("TESSERA_TEST_HTTP_TOKEN"));
    conformance(servers::webdav("bearer", HttpAuth::Bearer(token))).await;
}

#[tokio::test]
async fn wrong_credentials_are_permission_denied() {
    let store = Store::open(&servers::webdav_basic("basic", "wrong")).expect("driver");
    let refused = store
        .write("x", chunked(b"x", 1))
        .await
        .expect_err("refused");
    assert!(
        matches!(refused, DriverError::PermissionDenied),
        "{refused:?}"
    );
}

/// Neither `..` nor a symlink planted inside a local volume reaches outside it, for reading,
/// writing, listing or deleting; nothing outside changes.
#[tokio::test]
async fn a_local_volume_never_leads_outside_its_directory() {
    let base = std::env::temp_dir().join(unique_root().trim_matches('/'));
    let (root, outside) = (base.join("volume"), base.join("outside"));
    std::fs::create_dir_all(&root).expect("volume");
    std::fs::create_dir_all(&outside).expect("outside");
    std::fs::write(outside.join("secret.txt"), b"not yours").expect("secret");
    std::os::unix::fs::symlink(&outside, root.join("escape")).expect("dir symlink");
    std::os::unix::fs::symlink(outside.join("secret.txt"), root.join("secret-link"))
        .expect("file symlink");
    let store = Store::open(&Backend::Local {
        root: root.display().to_string(),
    })
    .expect("driver");

    for path in ["escape/secret.txt", "secret-link", "../outside/secret.txt"] {
        assert!(read_all(&store, path, 0..9).await.is_err(), "read {path}");
        assert!(store.size(path).await.is_err(), "size {path}");
    }
    for path in ["escape/secret.txt", "../outside/secret.txt"] {
        assert!(
            store.write(path, chunked(b"overwritten", 4)).await.is_err(),
            "write {path}"
        );
    }
    // Writing over the file symlink replaces the link, inside the volume, not its target.
    store
        .write("secret-link", chunked(b"replaced", 4))
        .await
        .expect("the link itself is replaced");
    assert!(
        store
            .write("escape/new.txt", chunked(b"x", 1))
            .await
            .is_err()
    );
    assert!(
        store
            .write("../outside/new.txt", chunked(b"x", 1))
            .await
            .is_err()
    );
    let _ = store.delete("escape/secret.txt").await;
    let _ = store.delete("../outside/secret.txt").await;
    assert!(
        store.list("escape/").await.map_or(true, |l| l.is_empty()),
        "nothing listed through the symlink"
    );

    assert_eq!(
        std::fs::read(outside.join("secret.txt")).expect("still there"),
        b"not yours"
    );
    let mut names: Vec<String> = std::fs::read_dir(&outside)
        .expect("outside")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["secret.txt".to_owned()],
        "nothing created outside"
    );
    // The volume itself still works, and a failed write leaves no partial file.
    store
        .write("inside.txt", chunked(b"fine", 2))
        .await
        .expect("inside");
    let failing = stream::iter(vec![
        Ok(Bytes::from_static(b"half")),
        Err(DriverError::Unavailable("the client went away".into())),
    ]);
    assert!(store.write("partial.txt", failing).await.is_err());
    assert_eq!(
        store.list("/").await.expect("list"),
        vec!["inside.txt".to_owned(), "secret-link".to_owned()],
        "no partial file, nothing through the directory symlink"
    );
    let _ = std::fs::remove_dir_all(base);
}
