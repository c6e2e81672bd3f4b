//! The capability check a volume passes before it is activated, against the real servers:
//! each backend passes; an unreachable server, wrong credentials and a read-only endpoint are
//! refused at the step that fails, and a passing check leaves nothing behind.

use secrecy::SecretString;
use tessera_vault_storage::drivers::{Backend, Capabilities, DriverError, HttpAuth, Store};

fn setting(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the tests with `make test`, which starts scripts/storage-servers.sh")
    })
}

fn root() -> String {
    format!("/capabilities-{}/", uuid::Uuid::now_v7())
}

fn webdav(path: &str, password: &str) -> Backend {
    Backend::WebDav {
        endpoint: format!("{}/{path}", setting("TESSERA_TEST_HTTP")),
        auth: HttpAuth::Basic {
            username: setting("TESSERA_TEST_HTTP_USER"),
            password: SecretString::from(password.to_owned()),
        },
        root: root(),
    }
}

const ALL: Capabilities = Capabilities {
    write: true,
    ranged_read: true,
    list: true,
    delete: true,
};

#[tokio::test]
async fn every_kind_of_backend_passes_and_keeps_nothing() {
    let local_root = std::env::temp_dir().join(root().trim_matches('/'));
    let (ftp_host, ftp_port) = setting("TESSERA_TEST_FTP")
        .rsplit_once(':')
        .map(|(h, p)| (h.to_owned(), p.parse().expect("port")))
        .expect("host:port");
    let backends = [
        Backend::Local {
            root: local_root.display().to_string(),
        },
        Backend::S3 {
            endpoint: setting("TESSERA_TEST_S3_ENDPOINT"),
            bucket: "tessera".into(),
            region: "us-east-1".into(),
            access_key: setting("TESSERA_TEST_S3_ACCESS_KEY"),
            secret_key: SecretString::from(setting("TESSERA_TEST_S3_SECRET_KEY")),
            root: root(),
        },
        Backend::Ftp {
            host: ftp_host,
            port: ftp_port,
            username: setting("TESSERA_TEST_FTP_USER"),
            password: SecretString::from(setting("TESSERA_TEST_FTP_PASSWORD")),
            root: root(),
        },
        webdav("basic", &setting("TESSERA_TEST_HTTP_PASSWORD")),
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
    let wrong = Store::open(&webdav("basic", "not-the-password")).expect("driver");
    let refused = wrong.probe("").await.expect_err("wrong password");
    assert_eq!(refused.step, "write");
    assert!(
        matches!(refused.error, DriverError::PermissionDenied),
        "{refused}"
    );

    let read_only = Store::open(&Backend::WebDav {
        endpoint: format!("{}/public", setting("TESSERA_TEST_HTTP")),
        auth: HttpAuth::None,
        root: root(),
    })
    .expect("driver");
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
        root: root(),
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
