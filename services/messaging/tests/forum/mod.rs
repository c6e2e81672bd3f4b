//! The forum in a test suite: identity, the real vault-storage (a local volume under a fresh
//! directory) and messaging pointed at it with a manual clock; users, groups, threads, uploads.

use std::path::PathBuf;
use std::time::Duration;

use bytes::Bytes;
use sha2::{Digest, Sha256};
use tessera_kit::clock::Clock;
use tessera_kit::ratelimit::Rate;
use tessera_messaging::Config;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::group_service_client::GroupServiceClient;
use tessera_proto::tessera::messaging::v1::media_service_client::MediaServiceClient;
use tessera_proto::tessera::messaging::v1::thread_service_client::ThreadServiceClient;
use tessera_testkit::proxy::TcpProxy;
use tessera_testkit::suite::RunningSuite;
use tessera_testkit::{TestSuite, authed};
use tonic::transport::Channel;
use tonic::{Status, Streaming};

pub const KIB: usize = 1024;

pub struct Forum {
    /// messaging reaches vault-storage through it: cut it to make vault-storage unreachable.
    pub vault_link: TcpProxy,
    pub suite: RunningSuite,
    pub config: Config,
    pub clock: Clock,
    /// The local volume's directory (a fresh temporary one).
    pub root: PathBuf,
}

impl Drop for Forum {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// A signed-up user.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub token: String,
}

/// Limits far above what tests reach unless a test is about them.
pub fn config() -> Config {
    let many = Rate {
        burst: 100_000,
        period: Duration::from_secs(1),
    };
    Config {
        upload_rate: many,
        join_failure_rate: many,
        // Tests move the clock and watch the cleanup job act.
        cleanup_interval: Duration::from_millis(200),
        ..Config::default()
    }
}

impl Forum {
    pub async fn start() -> Self {
        Self::with_config(config()).await
    }

    pub async fn with_config(mut config: Config) -> Self {
        let root = std::env::temp_dir().join(format!("forum-test-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&root).expect("root");
        let root = root.canonicalize().expect("root");
        let vault_config = tessera_vault_storage::config::Config {
            local_roots: tessera_vault_storage::config::Roots(vec![root.clone()]),
            ..tessera_vault_storage::config::Config::default()
        };
        let suite = TestSuite::new()
            .with(tessera_vault_storage::SPEC, move |ctx| {
                tessera_vault_storage::services(ctx, vault_config)
            })
            .later("messaging")
            .start()
            .await;
        let volume = media_volume(&suite, &root).await;
        let vault_addr = suite
            .service("vault-storage")
            .uri()
            .trim_start_matches("http://")
            .parse()
            .expect("vault-storage's address");
        let vault_link = TcpProxy::start(vault_addr).await;
        config.vault_storage_url = Some(format!("http://{}", vault_link.addr()));
        config.media_volume = Some(volume);
        let clock = Clock::manual();
        let mut forum = Self {
            vault_link,
            suite,
            config,
            clock,
            root,
        };
        forum.start_messaging().await;
        forum
    }

    /// Starts (another instance of) messaging with the forum's configuration and clock.
    pub async fn start_messaging(&mut self) {
        let (config, clock) = (self.config.clone(), self.clock.clone());
        self.suite
            .start_member(tessera_messaging::SPEC, move |ctx| {
                tessera_messaging::services_on(ctx, config, clock)
            })
            .await;
    }

    pub async fn groups(&self) -> GroupServiceClient<Channel> {
        GroupServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn threads(&self) -> ThreadServiceClient<Channel> {
        ThreadServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn media(&self) -> MediaServiceClient<Channel> {
        MediaServiceClient::new(self.suite.channel("messaging").await)
    }

    pub async fn user(&self, name: &str) -> User {
        let (user, token) = self.suite.identity.sign_up(name).await;
        User { id: user.id, token }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        self.suite.identity.count(sql).await
    }

    /// Waits (up to 10 s) until `sql` counts `expected`.
    pub async fn eventually(&self, sql: &str, expected: i64) {
        for _ in 0..100 {
            if self.count(sql).await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(self.count(sql).await, expected, "{sql}");
    }

    /// The group's (total_bytes, media_count).
    pub async fn usage(&self, group: &pb::Group) -> (i64, i64) {
        let q = |c: &str| {
            format!(
                "SELECT {c}::bigint FROM messaging.group_quotas WHERE group_id = '{}'",
                group.id
            )
        };
        (
            self.count(&q("total_bytes")).await,
            self.count(&q("media_count")).await,
        )
    }

    /// A group `owner` creates, with its key wrapped as `key:<owner>`.
    pub async fn group(&self, owner: &User) -> pb::Group {
        self.groups()
            .await
            .create_group(authed(
                &owner.token,
                pb::CreateGroupRequest {
                    encrypted_name: b"name".to_vec(),
                    encrypted_group_key: wrapped(owner, 1),
                },
            ))
            .await
            .expect("group")
            .into_inner()
            .group
            .expect("group")
    }

    /// `user` joins `group` at its current epoch.
    pub async fn join(&self, user: &User, group: &pb::Group) -> Result<pb::Group, Status> {
        let current = self.get_group(&self.creator(group), group).await;
        let code = current.invite_code.clone();
        self.groups()
            .await
            .join_group(authed(
                &user.token,
                pb::JoinGroupRequest {
                    invite_code: code,
                    encrypted_group_key: wrapped(user, current.key_epoch),
                    key_epoch: current.key_epoch,
                },
            ))
            .await
            .map(|r| r.into_inner().group.expect("group"))
    }

    fn creator(&self, group: &pb::Group) -> User {
        User {
            id: group.created_by.clone(),
            token: String::new(),
        }
    }

    /// The group as the database has it (no caller check: for the harness's own use).
    pub async fn get_group(&self, _as: &User, group: &pb::Group) -> pb::Group {
        let epoch = self
            .count(&format!(
                "SELECT key_epoch FROM messaging.groups WHERE id = '{}'",
                group.id
            ))
            .await;
        let code: String = self
            .suite
            .identity
            .db
            .client()
            .await
            .query_one(
                "SELECT invite_code::text FROM messaging.groups WHERE id = $1::text::uuid",
                &[&group.id],
            )
            .await
            .expect("code")
            .get(0);
        pb::Group {
            invite_code: code,
            key_epoch: epoch,
            ..group.clone()
        }
    }

    pub async fn thread(
        &self,
        author: &User,
        group: &pb::Group,
        epoch: i64,
    ) -> Result<pb::Thread, Status> {
        self.threads()
            .await
            .create_thread(authed(
                &author.token,
                pb::CreateThreadRequest {
                    group_id: group.id.clone(),
                    encrypted_title: b"title".to_vec(),
                    encrypted_body: b"body".to_vec(),
                    key_epoch: epoch,
                },
            ))
            .await
            .map(|r| r.into_inner().thread.expect("thread"))
    }

    /// Uploads `bytes` into `thread` as `user`, declaring `sha256` (the real one when `None`).
    pub async fn upload(
        &self,
        user: &User,
        thread: &pb::Thread,
        bytes: &[u8],
        sha256: Option<Vec<u8>>,
    ) -> Result<pb::Media, Status> {
        let describe = media_spec(thread, bytes, sha256);
        let mut messages = vec![pb::UploadMediaRequest {
            message: Some(pb::upload_media_request::Message::Media(describe)),
        }];
        for chunk in bytes.chunks(256 * KIB) {
            messages.push(pb::UploadMediaRequest {
                message: Some(pb::upload_media_request::Message::Chunk(
                    Bytes::copy_from_slice(chunk),
                )),
            });
        }
        self.media()
            .await
            .upload_media(authed(&user.token, futures::stream::iter(messages)))
            .await
            .map(|r| r.into_inner().media.expect("media"))
    }

    /// Downloads `media` as `user`: the record and the bytes.
    pub async fn download(
        &self,
        user: &User,
        media: &str,
        offset: i64,
        limit: i64,
    ) -> Result<(pb::Media, Vec<u8>), Status> {
        let mut stream: Streaming<pb::DownloadMediaResponse> = self
            .media()
            .await
            .download_media(authed(
                &user.token,
                pb::DownloadMediaRequest {
                    media_id: media.into(),
                    offset,
                    limit,
                },
            ))
            .await?
            .into_inner();
        let mut record = None;
        let mut bytes = Vec::new();
        while let Some(message) = stream.message().await? {
            match message.message {
                Some(pb::download_media_response::Message::Media(m)) => record = Some(m),
                Some(pb::download_media_response::Message::Chunk(c)) => bytes.extend_from_slice(&c),
                None => {}
            }
        }
        Ok((record.expect("the record comes first"), bytes))
    }

    /// Live (not deleted) files vault-storage has for the forum. Deleted ones are soft-deleted
    /// there and their bytes purged after its own retention.
    pub async fn live_files(&self) -> i64 {
        self.count("SELECT count(*) FROM vault.storage_files WHERE app_id = 'messaging' AND deleted_at IS NULL")
            .await
    }

    /// Files vault-storage keeps under the volume (uploads in progress excluded).
    pub fn stored_files(&self) -> Vec<PathBuf> {
        fn walk(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if !entry.file_name().to_string_lossy().starts_with(".tessera-") {
                    out.push(path);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut out);
        out.retain(|p| p.to_string_lossy().contains("/forum/"));
        out
    }
}

/// The description of an upload of `bytes`.
pub fn media_spec(thread: &pb::Thread, bytes: &[u8], sha256: Option<Vec<u8>>) -> pb::Media {
    pb::Media {
        thread_id: thread.id.clone(),
        encrypted_metadata: b"meta".to_vec(),
        encryption_iv: vec![7; 12],
        size_bytes: bytes.len() as i64,
        sha256: sha256.unwrap_or_else(|| Sha256::digest(bytes).to_vec()),
        key_epoch: thread.key_epoch,
        ..Default::default()
    }
}

/// A stand-in for `user`'s wrapped copy of the group key of `epoch` (the server never opens it).
pub fn wrapped(user: &User, epoch: i64) -> Vec<u8> {
    format!("key:{}:{epoch}", user.id).into_bytes()
}

/// Bytes of `len` that differ with `seed`.
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

/// An active local volume for forum media, as the operator makes it.
async fn media_volume(suite: &RunningSuite, root: &std::path::Path) -> String {
    tessera_testkit::vault::local_volume(suite, "forum-media", &root.join("media")).await
}
