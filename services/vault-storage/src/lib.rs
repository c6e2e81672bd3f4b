//! The vault-storage service: the zero-knowledge vault, the multi-backend Storage Service
//! (volumes, drivers, quotas, streamed files) and content-addressed blobs.
//!
//! A library, so tests can start it in-process; `main.rs` only hands it to the kit's runner.

pub mod admin;
pub mod blobs;
pub mod config;
pub mod drivers;
pub mod error;
pub mod files;
pub mod host_paths;
pub mod ids;
pub mod layout;
pub mod paths;
pub mod purge;
pub mod quotas;
pub mod secrets;
pub mod state;
pub mod sweeper;
pub mod vault;
pub mod volumes;

use tessera_kit::auth::Access;
use tessera_kit::{Context, ServiceSpec, Services};
use tessera_proto::tessera::vault::v1::blob_service_server::BlobServiceServer;
use tessera_proto::tessera::vault::v1::file_service_server::FileServiceServer;
use tessera_proto::tessera::vault::v1::storage_admin_service_server::StorageAdminServiceServer;
use tessera_proto::tessera::vault::v1::vault_service_server::VaultServiceServer;

pub use config::Config;

/// Name, schema, migrations and default port of the vault-storage service.
pub const SPEC: ServiceSpec = ServiceSpec {
    name: "vault-storage",
    schema: tessera_schema::vault::SCHEMA,
    migrations: &tessera_schema::vault::MIGRATIONS,
    default_port: 50052,
};

/// Who may call what: administration takes an operator credential; files and blobs are for
/// users and for services (their app's files; blobs of the user they name), public downloads
/// for anyone; the vault (not listed) for users only.
pub const ACCESS: Access = Access {
    public: &[],
    internal: &[],
    operator: &["tessera.vault.v1.StorageAdminService"],
    open: &[
        "tessera.vault.v1.FileService",
        "tessera.vault.v1.BlobService",
    ],
};

/// The gRPC services next to health and reflection.
pub fn services(ctx: &Context, config: Config) -> anyhow::Result<Services> {
    ctx.on_account_deleted(purge::purge_account);
    secrets::start(ctx);
    let storage = state::Storage::new(ctx, config);
    sweeper::start(ctx, storage.clone());
    vault::deletions::start(ctx, storage.clone());
    Ok(ctx
        .services(ACCESS)
        .with(StorageAdminServiceServer::new(admin::AdminApi(
            storage.clone(),
        )))
        .with(FileServiceServer::new(files::FileApi(storage.clone())))
        .with(VaultServiceServer::new(vault::VaultApi(storage.clone())))
        .with(BlobServiceServer::new(blobs::BlobApi(storage))))
}
