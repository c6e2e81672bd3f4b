//! The vault's calls the vault tests repeat: a vault volume, users with vaults, files created,
//! filled and finalized, chunks read back, usage and its recount.

use futures::StreamExt;
use tessera_kit::Db;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::vault_service_client::VaultServiceClient;
use tessera_testkit::authed;
use tessera_vault_storage::state::Storage;
use tonic::Status;
use tonic::transport::Channel;

use super::{Harness, MIB, content, sha256};

pub type Vault = VaultServiceClient<Channel>;

/// The vault volume (a fresh local directory named `vault`) and its directory.
/// An active volume named `name` on a fresh local directory, and that directory.
pub async fn named_volume(h: &Harness, name: &str) -> (pb::Volume, std::path::PathBuf) {
    let backend = h.local_backend().await;
    let dir = match &backend.target {
        Some(pb::backend::Target::LocalPath(p)) => std::path::PathBuf::from(&p.path),
        other => panic!("{other:?}"),
    };
    let volume = h
        .volume(pb::Volume {
            name: name.into(),
            backend_id: backend.id,
            is_active: true,
            ..Default::default()
        })
        .await
        .expect("volume");
    (volume, dir)
}

/// The vault volume (`TESSERA_VAULT_VOLUME` is `vault` in tests).
pub async fn vault_volume(h: &Harness) -> (pb::Volume, std::path::PathBuf) {
    named_volume(h, "vault").await
}

/// The blob volume (`TESSERA_BLOB_VOLUME` is `blobs` in tests).
pub async fn blob_volume(h: &Harness) -> (pb::Volume, std::path::PathBuf) {
    named_volume(h, "blobs").await
}

pub async fn user_with_vault(h: &Harness, vault: &mut Vault, name: &str, salt: u8) -> String {
    let (_, token) = h.user(name).await;
    vault
        .init_vault(authed(
            &token,
            pb::InitVaultRequest {
                salt: vec![salt; 16].into(),
                encrypted_master_key: vec![1; 32].into(),
                metadata_blob: Default::default(),
            },
        ))
        .await
        .expect("init vault");
    token
}

pub fn storage(h: &Harness) -> Storage {
    Storage {
        db: Db::new(&h.suite.db().service_settings("vault")).expect("pool"),
        ring: None,
        config: h.config.clone(),
    }
}

pub async fn create(
    vault: &mut Vault,
    token: &str,
    folder: &str,
    key: u32,
    size: usize,
    chunks: i32,
) -> Result<pb::VaultFile, Status> {
    Ok(vault
        .create_file(authed(
            token,
            pb::CreateFileRequest {
                folder_id: folder.into(),
                encrypted_key: key.to_be_bytes().repeat(8).into(),
                size: size as i64,
                chunk_count: chunks,
            },
        ))
        .await?
        .into_inner()
        .file
        .expect("file"))
}

pub async fn put_chunk(
    vault: &mut Vault,
    token: &str,
    file: &str,
    index: i32,
    bytes: &[u8],
    sha: Vec<u8>,
) -> Result<pb::UploadChunkResponse, Status> {
    use pb::upload_chunk_request::Message;
    let mut messages = vec![pb::UploadChunkRequest {
        message: Some(Message::Header(pb::ChunkHeader {
            file_id: file.into(),
            chunk_index: index,
            size: bytes.len() as i64,
            sha256: sha.into(),
        })),
    }];
    for piece in bytes.chunks(MIB) {
        messages.push(pb::UploadChunkRequest {
            message: Some(Message::Data(piece.to_vec().into())),
        });
    }
    Ok(vault
        .upload_chunk(authed(token, futures::stream::iter(messages)))
        .await?
        .into_inner())
}

pub fn merkle(chunks: &[&[u8]]) -> Vec<u8> {
    let hashes: Vec<u8> = chunks.iter().flat_map(|c| sha256(c)).collect();
    sha256(&hashes)
}

pub async fn finalize(
    vault: &mut Vault,
    token: &str,
    file: &str,
    hash: Vec<u8>,
) -> Result<pb::VaultFile, Status> {
    Ok(vault
        .finalize_file(authed(
            token,
            pb::FinalizeFileRequest {
                file_id: file.into(),
                merkle_hash: hash.into(),
            },
        ))
        .await?
        .into_inner()
        .file
        .expect("file"))
}

pub async fn get_chunk(
    vault: &mut Vault,
    token: &str,
    file: &str,
    index: i32,
    offset: i64,
    limit: i64,
) -> Result<(pb::ChunkHeader, Vec<u8>), Status> {
    use pb::download_chunk_response::Message;
    let mut stream = vault
        .download_chunk(authed(
            token,
            pb::DownloadChunkRequest {
                file_id: file.into(),
                chunk_index: index,
                offset,
                limit,
            },
        ))
        .await?
        .into_inner();
    let mut header = None;
    let mut bytes = Vec::new();
    while let Some(message) = stream.next().await {
        match message?.message {
            Some(Message::Header(h)) => header = Some(h),
            Some(Message::Data(d)) => bytes.extend_from_slice(&d),
            None => {}
        }
    }
    Ok((header.expect("a header first"), bytes))
}

/// A complete file of `sizes` chunks; returns it and its chunks' bytes.
pub async fn complete_file(
    vault: &mut Vault,
    token: &str,
    folder: &str,
    key: u32,
    sizes: &[usize],
) -> (pb::VaultFile, Vec<Vec<u8>>) {
    let chunks: Vec<Vec<u8>> = sizes
        .iter()
        .enumerate()
        .map(|(i, n)| content(*n, (key as u8).wrapping_add(i as u8)))
        .collect();
    let total = sizes.iter().sum();
    let file = create(vault, token, folder, key, total, sizes.len() as i32)
        .await
        .expect("create");
    for (i, chunk) in chunks.iter().enumerate() {
        put_chunk(vault, token, &file.id, i as i32, chunk, sha256(chunk))
            .await
            .expect("chunk");
    }
    let refs: Vec<&[u8]> = chunks.iter().map(Vec::as_slice).collect();
    let file = finalize(vault, token, &file.id, merkle(&refs))
        .await
        .expect("finalize");
    (file, chunks)
}

pub async fn used(h: &Harness) -> i64 {
    h.count("SELECT coalesce(sum(storage_used_bytes), 0)::bigint FROM vault.user_crypto")
        .await
}

/// What the rows hold: live and pending files plus the graveyard.
pub async fn recount(h: &Harness) -> i64 {
    h.count(
        "SELECT ((SELECT coalesce(sum(size), 0) FROM vault.files)
               + (SELECT coalesce(sum(size), 0) FROM vault.graveyard))::bigint",
    )
    .await
}
