//! The Storage Service's typed ids, and the closed sets it stores as text, one Rust enum each
//! (their spellings are exactly what the CHECK constraints allow: `tests/closed_sets.rs`).

tessera_kit::id! {
    /// A storage volume.
    pub struct VolumeId("volume");
}

tessera_kit::id! {
    /// A backend: a local path, S3 bucket, FTP endpoint or HTTP endpoint (one id space).
    pub struct BackendId("backend");
}

tessera_kit::id! {
    /// A stored file.
    pub struct FileId("file");
}

tessera_kit::id! {
    /// An unfinished upload.
    pub struct UploadId("upload");
}

tessera_kit::text_enum! {
    /// The kind of backend a volume uses (`storage_volumes.driver`).
    pub enum Driver {
        /// A directory on the service's host.
        Local = "local",
        /// An S3-compatible bucket.
        S3 = "s3",
        /// An FTP or SFTP server.
        Ftp = "ftp",
        /// An HTTP or WebDAV server.
        Http = "http",
    }
}

tessera_kit::text_enum! {
    /// How a volume names stored objects (`storage_volumes.auto_path_strategy`).
    pub enum PathStrategy {
        /// The volume's prefix, the owner's namespace and the client's path.
        None = "none",
        /// The volume's prefix and the file's id.
        Uuid = "uuid",
        /// The volume's prefix and the SHA-256 declared up front: one object per content.
        Hash = "hash",
    }
}

tessera_kit::text_enum! {
    /// Who keeps earlier versions of a file (`storage_volumes.versioning_mode`).
    pub enum VersioningMode {
        /// Nobody: a live path is taken unless the upload overwrites it.
        None = "none",
        /// The service keeps every upload as a version.
        Source = "source",
        /// The backend does (S3 bucket versioning).
        Target = "target",
    }
}

tessera_kit::text_enum! {
    /// Whose space a file is in (`storage_files.namespace`).
    pub enum Namespace {
        /// A user's files (an app may store them for the user).
        Users = "users",
        /// An app's own files.
        Apps = "apps",
    }
}

tessera_kit::text_enum! {
    /// How an HTTP endpoint authenticates (`http_credentials.auth_type`).
    pub enum HttpAuthType {
        Basic = "basic",
        Bearer = "bearer",
        CustomHeader = "custom_header",
    }
}

tessera_kit::text_enum! {
    /// FTP or SFTP (`ftp_endpoints.protocol`).
    pub enum FtpProtocol {
        Ftp = "ftp",
        Sftp = "sftp",
    }
}

tessera_kit::id! {
    /// A folder of a user's vault.
    pub struct FolderId("folder");
}

tessera_kit::id! {
    /// A file of a user's vault.
    pub struct VaultFileId("file");
}

tessera_kit::text_enum! {
    /// Whether a vault file's chunks are all in (`files.state`).
    pub enum FileState {
        /// Declared; chunks arriving.
        Pending = "pending",
        /// Finalized: immutable.
        Complete = "complete",
    }
}

tessera_kit::text_enum! {
    /// What an anonymised vault analytics event counts (`analytics_events.kind`).
    pub enum AnalyticsKind {
        /// A file was finalized.
        Upload = "upload",
        /// A file was deleted (to the graveyard, or a pending one removed).
        Delete = "delete",
        /// A file came back from the graveyard.
        Restore = "restore",
        /// A graveyard file's bytes went for good.
        Purge = "purge",
        /// A pending file was never finished and went after 24 hours.
        Expire = "expire",
    }
}
