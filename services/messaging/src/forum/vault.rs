//! vault-storage's file API as messaging uses it: media are the uploader's `users` files,
//! stored with messaging's service credential (app id `messaging`), on the configured volume.
//! Calls that cannot reach vault-storage are UNAVAILABLE; its verdicts on content (a wrong
//! hash or size, its own quotas) are passed on as they are.

use bytes::Bytes;
use futures::Stream;
use tessera_kit::Context;
use tessera_kit::client::Forward;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Status, Streaming};
use uuid::Uuid;

use crate::config::Config;
use crate::error::ChatError;
use crate::ids::MediaId;

type Files = FileServiceClient<InterceptedService<Channel, Forward>>;

/// The link to vault-storage (absent when not configured).
#[derive(Debug, Clone)]
pub struct Vault {
    files: Option<Files>,
    volume: Option<String>,
}

/// Where a media file's bytes are.
pub fn storage_url(file_id: Uuid) -> String {
    format!("vault://files/{file_id}")
}

/// vault-storage's answer as messaging's: unreachable is UNAVAILABLE; verdicts on the content
/// pass on; anything else is a fault of this service (its configuration, a bug).
pub fn upstream(status: Status) -> ChatError {
    match status.code() {
        Code::Unavailable | Code::DeadlineExceeded | Code::Cancelled | Code::Unknown => {
            ChatError::Unavailable(format!("vault-storage: {}", status.message()))
        }
        Code::DataLoss | Code::OutOfRange | Code::ResourceExhausted | Code::InvalidArgument => {
            ChatError::Upstream(status)
        }
        _ => ChatError::Internal(format!(
            "vault-storage answered {:?}: {}",
            status.code(),
            status.message()
        )),
    }
}

impl Vault {
    /// The link `config` names, over `ctx`'s service credential.
    pub fn new(ctx: &Context, config: &Config) -> anyhow::Result<Self> {
        let files = match &config.vault_storage_url {
            Some(url) => {
                let (channel, forward) = ctx.service_link("TESSERA_VAULT_STORAGE_URL", url)?;
                Some(
                    FileServiceClient::with_interceptor(channel, forward)
                        .max_decoding_message_size(4 << 20),
                )
            }
            None => None,
        };
        // The operator makes the volume once vault-storage runs, so a missing one is not a
        // start-up error: media calls are UNAVAILABLE, saying which setting is missing.
        if files.is_some() && config.media_volume.is_none() {
            tracing::warn!("TESSERA_FORUM_MEDIA_VOLUME is not set: forum media are unavailable");
        }
        Ok(Self {
            files,
            volume: config.media_volume.clone(),
        })
    }

    /// No link: media calls are UNAVAILABLE (for state built outside a running service).
    pub fn none() -> Self {
        Self {
            files: None,
            volume: None,
        }
    }

    fn files(&self) -> Result<Files, ChatError> {
        let unset = |setting: &str| {
            ChatError::Unavailable(format!("media storage is not configured ({setting})"))
        };
        let files = self
            .files
            .clone()
            .ok_or_else(|| unset("TESSERA_VAULT_STORAGE_URL"))?;
        if self.volume.is_none() {
            return Err(unset("TESSERA_FORUM_MEDIA_VOLUME"));
        }
        Ok(files)
    }

    /// Fails with UNAVAILABLE unless media storage is configured.
    pub fn require(&self) -> Result<(), ChatError> {
        self.files().map(|_| ())
    }

    /// Starts the upload of `media` for `user`: `size` bytes hashing to `sha256`, reserved on
    /// vault-storage's quotas. Returns its upload id.
    pub async fn start_upload(
        &self,
        user: UserId,
        group: Uuid,
        media: MediaId,
        size: i64,
        sha256: &[u8],
    ) -> Result<Uuid, ChatError> {
        let spec = vpb::UploadSpec {
            volume_id: self.volume.clone().unwrap_or_default(),
            namespace: vpb::Namespace::Users as i32,
            user_id: user.to_string(),
            path: format!("forum/{group}/{media}"),
            mime_type: "application/octet-stream".into(),
            declared_size: size,
            declared_sha256: Bytes::copy_from_slice(sha256),
            ..Default::default()
        };
        let upload = self
            .files()?
            .start_upload(vpb::StartUploadRequest { spec: Some(spec) })
            .await
            .map_err(upstream)?
            .into_inner()
            .upload
            .ok_or_else(|| ChatError::Internal("StartUpload returned no upload".into()))?;
        Uuid::parse_str(&upload.upload_id)
            .map_err(|_| ChatError::Internal("StartUpload returned a malformed upload id".into()))
    }

    /// Streams `requests` (resume, chunks, finish) into an upload; returns the committed file id.
    pub async fn upload(
        &self,
        requests: impl Stream<Item = vpb::UploadRequest> + Send + 'static,
    ) -> Result<Uuid, ChatError> {
        let response = self
            .files()?
            .upload(requests)
            .await
            .map_err(upstream)?
            .into_inner();
        let file = response.file.ok_or_else(|| {
            ChatError::Aborted("the upload ended before all of the file arrived".into())
        })?;
        Uuid::parse_str(&file.id)
            .map_err(|_| ChatError::Internal("Upload returned a malformed file id".into()))
    }

    /// Ends an unfinished upload, freeing what it reserved there. Idempotent.
    pub async fn cancel_upload(&self, upload: Uuid) -> Result<(), ChatError> {
        match self
            .files()?
            .cancel_upload(vpb::CancelUploadRequest {
                upload_id: upload.to_string(),
            })
            .await
        {
            Ok(_) => Ok(()),
            Err(status) if status.code() == Code::NotFound => Ok(()),
            Err(status) => Err(upstream(status)),
        }
    }

    /// Deletes a file. Idempotent: a file already gone counts as deleted.
    pub async fn delete_file(&self, file: Uuid) -> Result<(), ChatError> {
        match self
            .files()?
            .delete_file(vpb::DeleteFileRequest {
                file_id: file.to_string(),
            })
            .await
        {
            Ok(_) => Ok(()),
            Err(status) if status.code() == Code::NotFound => Ok(()),
            Err(status) => Err(upstream(status)),
        }
    }

    /// The bytes of `file` from `offset`, at most `limit` (0: the rest). A file vault-storage no
    /// longer has is NOT_FOUND as `media` (its uploader's account was deleted).
    pub async fn download(
        &self,
        file: Uuid,
        media: MediaId,
        offset: i64,
        limit: i64,
    ) -> Result<Streaming<vpb::DownloadResponse>, ChatError> {
        self.files()?
            .download(vpb::DownloadRequest {
                file_id: file.to_string(),
                offset,
                limit,
                version: 0,
            })
            .await
            .map(tonic::Response::into_inner)
            .map_err(|status| match status.code() {
                Code::NotFound => ChatError::not_found(MediaId::RESOURCE, media),
                _ => upstream(status),
            })
    }
}
