//! UploadChunk: one chunk of a pending file, streamed to a staging object of its own while it
//! is hashed, checked (size, SHA-256), then moved into place and recorded under the file's row
//! lock, so two streams of the same chunk cannot both land. Nothing is stored unless it checks.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use subtle::ConstantTimeEq;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::stream::ClientStream;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::file_chunks;
use tonic::Streaming;
use uuid::Uuid;

use super::files::{self, MAX_CHUNK_BYTES, VaultFileRow, chunk_path};
use crate::drivers::Store;
use crate::error::StorageError;
use crate::files::session::{Hashing, MAX_CHUNK, Part};
use crate::ids::{FileState, VaultFileId};
use crate::state::Storage;
use crate::volumes::VolumeRow;

use pb::upload_chunk_request::Message;

/// A validated header.
struct Header {
    file: VaultFileId,
    index: i32,
    size: i64,
    sha: Vec<u8>,
}

fn header(message: pb::UploadChunkRequest) -> Result<Header, StorageError> {
    let pb::UploadChunkRequest {
        message: Some(Message::Header(h)),
    } = message
    else {
        return Err(StorageError::invalid(
            "header",
            "the first message is the chunk's header",
        ));
    };
    let mut v = FieldViolations::new();
    let file = VaultFileId::parse_into(&mut v, "header.file_id", &h.file_id);
    if h.chunk_index < 0 {
        v.add("header.chunk_index", "must not be negative");
    }
    if !(1..=MAX_CHUNK_BYTES).contains(&h.size) {
        v.add(
            "header.size",
            format!("must be 1 to {MAX_CHUNK_BYTES} bytes"),
        );
    }
    if h.sha256.len() != 32 {
        v.add("header.sha256", "must be a SHA-256: 32 bytes");
    }
    Ok(Header {
        file: StorageError::checked(v, file)?,
        index: h.chunk_index,
        size: h.size,
        sha: h.sha256.to_vec(),
    })
}

/// Whether the chunk may be stored now: the file pending, the index in range and free (or
/// holding these very bytes: `Some(true)`), the sizes within the file's.
async fn admit(
    conn: &mut diesel_async::AsyncPgConnection,
    file: &VaultFileRow,
    h: &Header,
) -> Result<bool, StorageError> {
    if file.state != FileState::Pending {
        return Err(StorageError::precondition(
            "FILE_COMPLETE",
            format!("files/{}", file.id),
            "a complete file is immutable",
        ));
    }
    if h.index >= file.chunk_count {
        return Err(StorageError::invalid(
            "header.chunk_index",
            format!("must be below the file's chunk_count, {}", file.chunk_count),
        ));
    }
    let stored = files::chunks(conn, file.id).await?;
    if let Some((_, size, sha)) = stored.iter().find(|(i, _, _)| *i == h.index) {
        if *size == h.size && bool::from(sha.ct_eq(&h.sha)) {
            return Ok(true);
        }
        return Err(StorageError::AlreadyExists(format!(
            "chunk {} is stored with other bytes",
            h.index
        )));
    }
    let others: i64 = stored.iter().map(|(_, size, _)| size).sum();
    if others + h.size > file.size {
        return Err(StorageError::OutOfRange(format!(
            "the chunks would hold more than the file's {} bytes",
            file.size
        )));
    }
    Ok(false)
}

/// The UploadChunk RPC.
pub async fn upload(
    storage: &Storage,
    user: UserId,
    stream: Streaming<pb::UploadChunkRequest>,
) -> Result<pb::UploadChunkResponse, StorageError> {
    let mut stream = ClientStream::from(stream);
    let h = header(stream.first_message("header", "the chunk's header").await?)?;
    let response = pb::UploadChunkResponse {
        chunk_index: h.index,
        size: h.size,
    };
    let file = {
        let mut conn = storage.db.conn().await?;
        let file = files::load(&mut conn, user, h.file, false).await?;
        if admit(&mut conn, &file, &h).await? {
            return Ok(response); // stored already: nothing to do
        }
        file
    };
    let (volume, store) = files::open_store(storage, file.volume_id).await?;
    let dir = format!(
        "{}vault-{}-{}-{}/",
        volume.service_dir("uploads"),
        h.file,
        h.index,
        Uuid::now_v7().simple()
    );
    let outcome = receive(&store, &dir, &h, &mut stream).await;
    let outcome = match outcome {
        Ok(()) => place(storage, &store, &volume, &file, &h, &dir).await,
        Err(err) => Err(err),
    };
    if outcome.is_err() {
        // Nothing of a failed chunk stays (the staging object may be gone already).
        let _ = store.unstage(&dir, &[0]).await;
    }
    outcome.map(|()| response)
}

/// Streams the chunk's bytes into staging while hashing them; checks size and SHA-256.
async fn receive(
    store: &Store,
    dir: &str,
    h: &Header,
    stream: &mut ClientStream<pb::UploadChunkRequest>,
) -> Result<(), StorageError> {
    let mut part = Part::start(store, dir, 0);
    let hashing = Hashing::start();
    let mut got: i64 = 0;
    let failure = loop {
        let message = match stream.next().await {
            Ok(Some(message)) => message,
            Ok(None) => break None,
            Err(err) => break Some(err.into()),
        };
        let data = match message.message {
            Some(Message::Data(data)) => data,
            _ => {
                break Some(StorageError::invalid(
                    "data",
                    "only data follows the header",
                ));
            }
        };
        if data.len() > MAX_CHUNK {
            break Some(StorageError::invalid(
                "data",
                format!("at most {MAX_CHUNK} bytes per message"),
            ));
        }
        got += data.len() as i64;
        if got > h.size {
            break Some(StorageError::OutOfRange(format!(
                "more than the {} bytes declared",
                h.size
            )));
        }
        if let Err(err) = hashing.update(data.clone()).await {
            break Some(err);
        }
        if let Err(err) = part.send(data).await {
            break Some(err);
        }
    };
    if let Some(err) = failure {
        part.abort().await;
        return Err(err);
    }
    if got != h.size {
        part.abort().await;
        return Err(StorageError::OutOfRange(format!(
            "{got} bytes sent, {} declared",
            h.size
        )));
    }
    let sha = hashing.finish().await?;
    part.finish().await?;
    if !bool::from(sha.as_slice().ct_eq(&h.sha)) {
        return Err(StorageError::DataLoss(
            "the chunk's bytes do not have the SHA-256 sent with it".into(),
        ));
    }
    Ok(())
}

/// Moves the verified chunk into place and records it, under the file's row lock.
async fn place(
    storage: &Storage,
    store: &Store,
    volume: &VolumeRow,
    file: &VaultFileRow,
    h: &Header,
    dir: &str,
) -> Result<(), StorageError> {
    let path = chunk_path(volume, file.user_id, file.id, h.index);
    let (path, user) = (&path, UserId::from_uuid(file.user_id));
    storage
        .db
        .transaction("vault.place_chunk", move |conn| {
            async move {
                let file = files::load(conn, user, h.file, true).await?;
                if admit(conn, &file, h).await? {
                    return Ok(()); // another stream stored the same bytes meanwhile
                }
                store.promote(dir, &[0], h.size as u64, path).await?;
                diesel::insert_into(file_chunks::table)
                    .values((
                        file_chunks::file_id.eq(h.file),
                        file_chunks::chunk_index.eq(h.index),
                        file_chunks::size.eq(h.size),
                        file_chunks::sha256.eq(&h.sha),
                        file_chunks::object_path.eq(path),
                    ))
                    .execute(conn)
                    .await?;
                Ok(())
            }
            .scope_boxed()
        })
        .await
}
