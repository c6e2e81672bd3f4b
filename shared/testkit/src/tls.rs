//! TLS as the tests need it, made by the test: certificate authorities and the certificates
//! they sign (rcgen, PEM files), a PostgreSQL server that speaks only TLS, and gRPC channels
//! that trust a given CA (and may present a client certificate).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::cluster::{Cluster, give_to_postgres};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Identity};

/// A certificate authority whose certificate and signed leaves are files in `dir`.
#[derive(Debug)]
pub struct TestCa {
    dir: PathBuf,
    name: String,
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl TestCa {
    /// A new CA called `name`; its certificate goes to `<dir>/<name>-ca.pem`.
    pub fn new(dir: &Path, name: &str) -> Self {
        let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
            .distinguished_name
            .push(DnType::CommonName, format!("{name} test CA"));
        let issuer = CertifiedIssuer::self_signed(params, KeyPair::generate().expect("CA key"))
            .expect("CA certificate");
        std::fs::create_dir_all(dir).expect("certificate folder");
        let ca = Self {
            dir: dir.to_owned(),
            name: name.to_owned(),
            issuer,
        };
        std::fs::write(ca.ca_file(), ca.issuer.pem()).expect("writing the CA");
        ca
    }

    /// The CA certificate (PEM).
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join(format!("{}-ca.pem", self.name))
    }

    /// A certificate for `names` (DNS names or IP addresses) signed by this CA, written as
    /// `<dir>/<stem>.pem` and `<dir>/<stem>-key.pem`; returns both paths.
    pub fn issue(&self, stem: &str, names: &[&str]) -> (PathBuf, PathBuf) {
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let mut params = CertificateParams::new(names).expect("leaf params");
        params
            .distinguished_name
            .push(DnType::CommonName, stem.to_owned());
        let key = KeyPair::generate().expect("leaf key");
        let cert = params
            .signed_by(&key, &self.issuer)
            .expect("leaf certificate");
        let (cert_file, key_file) = (
            self.dir.join(format!("{stem}.pem")),
            self.dir.join(format!("{stem}-key.pem")),
        );
        std::fs::write(&cert_file, cert.pem()).expect("writing the certificate");
        std::fs::write(&key_file, key.serialize_pem()).expect("writing the key");
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600))
            .expect("key permissions");
        (cert_file, key_file)
    }
}

/// A channel to `uri` (`https://...`) that trusts `ca` and checks the certificate names
/// `domain`, presenting `identity` (certificate and key files) when given.
pub async fn channel(
    uri: &str,
    ca: &Path,
    domain: &str,
    identity: Option<(&Path, &Path)>,
) -> Result<Channel, tonic::transport::Error> {
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(std::fs::read(ca).expect("CA file")))
        .domain_name(domain);
    if let Some((cert, key)) = identity {
        tls = tls.identity(Identity::from_pem(
            std::fs::read(cert).expect("certificate"),
            std::fs::read(key).expect("key"),
        ));
    }
    Channel::from_shared(uri.to_owned())
        .expect("uri")
        .tls_config(tls)?
        .connect()
        .await
}

/// A private PostgreSQL cluster (scripts/dev-db.sh) that accepts TLS connections only, with a
/// certificate for `localhost` from the given CA; stopped and removed when dropped.
#[derive(Debug)]
pub struct TlsPostgres(Cluster);

impl TlsPostgres {
    /// Starts it; `ca` signs its certificate.
    pub fn start(ca: &TestCa, dir: &Path) -> Self {
        std::fs::create_dir_all(dir).expect("cluster folder");
        let (cert, key) = ca.issue("postgres-server", &["localhost"]);
        let hba = dir.join("pg_hba.conf");
        std::fs::write(
            &hba,
            "hostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n\
             hostnossl all all 0.0.0.0/0 reject\nhostnossl all all ::/0 reject\n",
        )
        .expect("pg_hba.conf");
        // The server runs as postgres when the tests run as root: it must read its files, and
        // refuses a key anyone else can read.
        for path in [&cert, &key, &hba] {
            give_to_postgres(path);
        }
        let options = format!(
            "-c ssl=on -c ssl_cert_file={} -c ssl_key_file={} -c hba_file={}",
            cert.display(),
            key.display(),
            hba.display()
        );
        Self(Cluster::start(dir, &options))
    }

    /// The superuser URL for `host` (`localhost`, `127.0.0.1`) with `query` (`sslmode=...`).
    pub fn url(&self, host: &str, query: &str) -> String {
        self.0.url(host, query)
    }
}

/// A plain tokio-postgres client for `url`, with TLS as its `sslmode` and `sslrootcert` say.
pub async fn pg_client(url: &str) -> tokio_postgres::Client {
    use tessera_kit::tls::postgres::{PgTls, split_url};
    let split = split_url(url).expect("a database URL");
    let tls = PgTls::new(split.mode, split.root_cert.as_deref()).expect("TLS settings");
    let mut config: tokio_postgres::Config = split.url.parse().expect("a database URL");
    tls.apply(&mut config);
    let (client, connection) = config
        .connect(tls.connector())
        .await
        .unwrap_or_else(|e| panic!("connecting over TLS: {e}"));
    tokio::spawn(async move {
        let _ = connection.await;
    });
    client
}
