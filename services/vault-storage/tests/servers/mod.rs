//! The real storage servers `scripts/storage-servers.sh` starts (`make test` exports their
//! settings as `TESSERA_TEST_*`), as driver backends, each under a root of its own so tests
//! and runs never see each other's objects.

use secrecy::SecretString;
use tessera_vault_storage::drivers::{Backend, HttpAuth};

pub fn setting(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the tests with `make test`, which starts scripts/storage-servers.sh and exports its settings")
    })
}

fn host_port(name: &str) -> (String, u16) {
    let value = setting(name);
    let (host, port) = value.rsplit_once(':').expect("host:port");
    (host.to_owned(), port.parse().expect("port"))
}

/// A fresh root directory name, `/test-<uuid>/`.
pub fn unique_root() -> String {
    format!("/test-{}/", uuid::Uuid::now_v7())
}

/// A local volume in a fresh directory under the system's temporary directory.
pub fn local() -> (Backend, std::path::PathBuf) {
    let root = std::env::temp_dir().join(unique_root().trim_matches('/'));
    let backend = Backend::Local {
        root: root.display().to_string(),
    };
    (backend, root)
}

pub fn s3() -> Backend {
    Backend::S3 {
        endpoint: setting("TESSERA_TEST_S3_ENDPOINT"),
        bucket: "tessera".into(),
        region: "us-east-1".into(),
        access_key: setting("TESSERA_TEST_S3_ACCESS_KEY"),
        secret_key: SecretString::from(setting("TESSERA_TEST_S3_SECRET_KEY")),
        root: unique_root(),
    }
}

pub fn ftp() -> Backend {
    let (host, port) = host_port("TESSERA_TEST_FTP");
    Backend::Ftp {
        host,
        port,
        username: setting("TESSERA_TEST_FTP_USER"),
        password: SecretString::from(setting("TESSERA_TEST_FTP_PASSWORD")),
        root: unique_root(),
    }
}

pub fn sftp() -> Backend {
    let (host, port) = host_port("TESSERA_TEST_SFTP");
    Backend::Sftp {
        host,
        port,
        username: setting("TESSERA_TEST_SFTP_USER"),
        key_path: setting("TESSERA_TEST_SFTP_KEY"),
        root: format!("{}{}", setting("TESSERA_TEST_SFTP_ROOT"), unique_root()),
    }
}

/// WebDAV at `location` (`basic`, `bearer`, `public`, ...) with basic auth and `password`.
pub fn webdav_basic(location: &str, password: &str) -> Backend {
    webdav(
        location,
        HttpAuth::Basic {
            username: setting("TESSERA_TEST_HTTP_USER"),
            password: SecretString::from(password.to_owned()),
        },
    )
}

pub fn webdav(location: &str, auth: HttpAuth) -> Backend {
    Backend::WebDav {
        endpoint: format!("{}/{location}", setting("TESSERA_TEST_HTTP")),
        auth,
        root: unique_root(),
    }
}
