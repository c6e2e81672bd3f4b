//! vault-storage as other services' tests need it: a local volume an operator creates.

use tessera_proto::tessera::vault::v1 as vpb;
use tessera_proto::tessera::vault::v1::storage_admin_service_client::StorageAdminServiceClient;

use crate::authed;
use crate::suite::{OPERATOR_TOKEN, RunningSuite};

/// Creates, as the suite's operator, an active volume `name` over the local directory `dir`
/// (under one of vault-storage's `TESSERA_STORAGE_LOCAL_ROOTS`); returns its id.
pub async fn local_volume(suite: &RunningSuite, name: &str, dir: &std::path::Path) -> String {
    let mut admin = StorageAdminServiceClient::new(suite.channel("vault-storage").await);
    let backend = admin
        .create_backend(authed(
            OPERATOR_TOKEN,
            vpb::CreateBackendRequest {
                backend: Some(vpb::Backend {
                    target: Some(vpb::backend::Target::LocalPath(vpb::LocalPath {
                        path: dir.display().to_string(),
                    })),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ))
        .await
        .expect("backend")
        .into_inner()
        .backend
        .expect("backend");
    admin
        .create_volume(authed(
            OPERATOR_TOKEN,
            vpb::CreateVolumeRequest {
                volume: Some(vpb::Volume {
                    name: name.into(),
                    backend_id: backend.id,
                    is_active: true,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("volume")
        .into_inner()
        .volume
        .expect("volume")
        .id
}
