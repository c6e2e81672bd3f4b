//! The capability check a volume passes before it is activated, against the real servers:
//! each backend passes; an unreachable server, wrong credentials and a read-only endpoint are
//! refused at the step that fails, and a passing check leaves nothing behind.

use secrecy::SecretString;
use tessera_vault_storage::drivers::{Backend, Capabilities, DriverError, HttpAuth, Store};

use crate::servers;

use servers::{setting, unique_root};

const ALL: Capabilities = Capabilities {
    write: true,
    ranged_read: true,
    list: true,
    delete: true,
};

#[tokio::test]
async fn every_kind_of_backend_passes_and_keeps_nothing() {
    let (local, local_root) = servers::local();
    let backends = [
        local,
        servers::s3(),
        servers::ftp(),
        servers::webdav_basic("basic", &setting("TESSERA_TEST_HTTP_PASSWORD")),
    ];
    for backend in backends {
        let store = Store::open(&backend).expect("driver");
        let caps = store
            .probe("")
            .await
            .unwrap_or_else(|e| panic!("{backend:?}: {e}"));
        assert_eq!(caps, ALL, "{backend:?}");
        assert_eq!(
            store.list("/").await.expect("list"),
            Vec::<String>::new(),
            "the probe cleaned up"
        );
    }
    let _ = std::fs::remove_dir_all(local_root);
}

#[tokio::test]
async fn wrong_credentials_unreachable_servers_and_read_only_endpoints_are_refused() {
    let wrong = Store::open(&servers::webdav_basic("basic", "not-the-password")).expect("driver");
    let refused = wrong.probe("").await.expect_err("wrong password");
    assert_eq!(refused.step, "write");
    assert!(
        matches!(refused.error, DriverError::PermissionDenied),
        "{refused}"
    );

    let read_only = Store::open(&servers::webdav("public", HttpAuth::None)).expect("driver");
    let refused = read_only
        .probe("")
        .await
        .expect_err("no writes on plain HTTP");
    assert_eq!(refused.step, "write");

    let nobody = Store::open(&Backend::S3 {
        endpoint: "http://127.0.0.1:9".into(),
        bucket: "tessera".into(),
        region: "us-east-1".into(),
        access_key: "AK".into(),
        secret_key: SecretString::from("secret".to_owned()),
        root: unique_root(),
    })
    .expect("driver");
    let refused = nobody.probe("").await.expect_err("nothing listens there");
    assert_eq!(refused.step, "write");
    assert!(
        matches!(refused.error, DriverError::Unavailable(_)),
        "{refused}"
    );
    assert!(
        !format!("{refused} {refused:?}").contains("secret\""),
        "no credential in the error"
    );
}
