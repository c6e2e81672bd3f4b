//! One fresh database per test, cloned from a template that has every schema migrated.
//!
//! The template's name carries a fingerprint of all migrations, so a changed migration builds a
//! new template. Test databases are named after the test process; databases left behind by a
//! process that no longer runs (a crashed or killed run) are dropped by the next run.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

use tessera_kit::CommonConfig;
use tessera_kit::db::DbSettings;
use tokio::sync::OnceCell;
use tokio_postgres::{Client, NoTls};

/// The least-privilege roles and schemas every deployment applies.
pub const ROLES_SQL: &str = include_str!("../../../deploy/k8s/base/roles.sql");

const TEST_PREFIX: &str = "tessera_test_";
const TEMPLATE_PREFIX: &str = "tessera_tpl_";
/// Serialises template builds across concurrent test processes.
const TEMPLATE_LOCK: i64 = 0x0074_6573_7365_7261;

/// The server tests run against: `TESSERA_TEST_DATABASE_URL`, else `DATABASE_URL` (as `make
/// test` sets it). The URL's role must be allowed to create databases.
pub fn admin_url() -> String {
    std::env::var("TESSERA_TEST_DATABASE_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .expect("tests need PostgreSQL: run `make test`, or set DATABASE_URL to a server where this role may create databases")
}

/// A database of this test's own, dropped when the value is dropped.
#[derive(Debug)]
pub struct TestDb {
    name: String,
    url: String,
    admin_url: String,
}

static TEMPLATE: OnceCell<String> = OnceCell::const_new();
static COUNTER: AtomicU32 = AtomicU32::new(0);

impl TestDb {
    /// Creates a database with every schema migrated.
    pub async fn new() -> Self {
        let admin_url = admin_url();
        let template = TEMPLATE
            .get_or_init(|| async { ensure_template(&admin_url).await })
            .await;
        Self::create(admin_url, &format!(" TEMPLATE {template}")).await
    }

    /// Creates a database with every schema migrated on another server (`admin_url`, whose
    /// role may create databases): a private cluster a test starts, stops or crashes.
    pub async fn on(admin_url: &str) -> Self {
        let template = ensure_template(admin_url).await;
        Self::create(admin_url.to_owned(), &format!(" TEMPLATE {template}")).await
    }

    /// Creates an empty database (no schema, no migration), for migration tests.
    pub async fn empty() -> Self {
        Self::create(admin_url(), "").await
    }

    async fn create(admin_url: String, options: &str) -> Self {
        let name = fresh_name();
        admin_client(&admin_url)
            .await
            .batch_execute(&format!("CREATE DATABASE {name}{options}"))
            .await
            .unwrap_or_else(|e| panic!("creating test database {name}: {e}"));
        let url = database_url(&admin_url, &name);
        Self {
            name,
            url,
            admin_url,
        }
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A URL for this database (the admin role).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The kit's defaults pointed at this database, as a service would be configured.
    pub fn config(&self) -> CommonConfig {
        CommonConfig::with_database_url(&self.url).expect("valid test configuration")
    }

    /// Pool settings for this database as the service owning `schema` connects: its
    /// least-privilege role, the kit's defaults (adjust before `Db::new`).
    pub fn service_settings(&self, schema: &'static str) -> DbSettings {
        let mut settings = DbSettings::from_config(&self.config(), "test", schema);
        settings.role = Some(service_role(schema));
        settings
    }

    /// A raw client on this database, for assertions on what a service stored.
    pub async fn client(&self) -> Client {
        admin_client(&self.url).await
    }

    /// What every table of `schema` holds, as an MD5 of its rows (in a stable order) per
    /// table, but the tables in `skip` (those that change by themselves, such as an event
    /// consumer's cursor). Equal fingerprints before and after a call show it changed nothing:
    /// no row added, removed or rewritten, key material included.
    pub async fn fingerprint(&self, schema: &str, skip: &[&str]) -> BTreeMap<String, String> {
        let client = self.client().await;
        let tables = client
            .query(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
                &[&schema],
            )
            .await
            .expect("the schema's tables");
        let mut prints = BTreeMap::new();
        for row in tables {
            let table: String = row.get(0);
            if skip.contains(&table.as_str()) || table.starts_with("__diesel") {
                continue;
            }
            let sql = format!(
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) \
                 FROM {schema}.{table} t"
            );
            let print: String = client
                .query_one(&sql, &[])
                .await
                .expect("a fingerprint")
                .get(0);
            prints.insert(table, print);
        }
        assert!(!prints.is_empty(), "schema {schema} has tables");
        prints
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop may run inside a runtime that cannot block: use a thread with its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let admin = admin_client(&admin_url).await;
                admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await
                    .ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(()))) {
            eprintln!(
                "warning: could not drop test database {}; the next run sweeps it",
                self.name
            );
        }
    }
}

/// The least-privilege role that owns `schema` (see deploy/k8s/base/roles.sql).
pub fn service_role(schema: &str) -> String {
    format!("tessera_{schema}")
}

/// The least-privilege role a service (by its deployment name) connects as.
pub fn service_role_of(service: &str) -> String {
    let schema = match service {
        "vault-storage" => "vault",
        "project-intelligence" => "intelligence",
        other => other,
    };
    service_role(schema)
}

/// `tessera_test_<pid>_<n>_<random>`: the pid lets a later run tell whose database it is.
fn fresh_name() -> String {
    format!(
        "{TEST_PREFIX}{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        &uuid::Uuid::now_v7().simple().to_string()[24..]
    )
}

/// Connects with tokio-postgres, driving the connection on the current runtime.
pub async fn admin_client(url: &str) -> Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .unwrap_or_else(|e| panic!("connecting to the test PostgreSQL server: {e}"));
    tokio::spawn(async move {
        let _ = connection.await;
    });
    client
}

/// `url` with its database replaced by `database`.
pub fn database_url(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let server = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

async fn ensure_template(admin_url: &str) -> String {
    // The roles file shapes the template as much as the migrations do.
    let roles = {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let mut hasher = DefaultHasher::new();
        ROLES_SQL.hash(&mut hasher);
        hasher.finish() & 0xffff_ffff
    };
    let name = format!(
        "{TEMPLATE_PREFIX}{}_{roles:08x}",
        tessera_schema::MIGRATIONS_FINGERPRINT
    );
    let admin = admin_client(admin_url).await;
    admin
        .execute("SELECT pg_advisory_lock($1)", &[&TEMPLATE_LOCK])
        .await
        .expect("taking the template lock");
    sweep(&admin, &name).await;
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .await
        .expect("looking up the template")
        .is_some();
    if !exists {
        build_template(&admin, admin_url, &name).await;
    }
    admin
        .execute("SELECT pg_advisory_unlock($1)", &[&TEMPLATE_LOCK])
        .await
        .expect("releasing the template lock");
    name
}

async fn build_template(admin: &Client, admin_url: &str, name: &str) {
    let building = format!("{name}_building");
    // DROP and CREATE DATABASE refuse to run in a transaction: one statement per call.
    for sql in [
        format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
        format!("CREATE DATABASE {building}"),
    ] {
        admin
            .batch_execute(&sql)
            .await
            .expect("creating the template database");
    }
    let url = database_url(admin_url, &building);
    admin_client(&url)
        .await
        .batch_execute(ROLES_SQL)
        .await
        .expect("applying deploy/k8s/base/roles.sql to the template");
    let config = CommonConfig::with_database_url(&url).expect("valid template configuration");
    for (schema, migrations) in tessera_schema::all() {
        // Migrate as the service's own role, exactly as a deployed service does.
        let mut settings = DbSettings::from_config(&config, "testkit", schema);
        settings.role = Some(service_role(schema));
        tessera_kit::migrate::run(&settings, migrations)
            .await
            .unwrap_or_else(|e| panic!("migrating schema {schema} in the template: {e}"));
    }
    // Migration connections are closed by now; a template must have no other sessions.
    for sql in [
        format!("ALTER DATABASE {building} RENAME TO {name}"),
        format!("ALTER DATABASE {name} WITH IS_TEMPLATE true"),
    ] {
        admin
            .batch_execute(&sql)
            .await
            .expect("publishing the template");
    }
}

/// Drops test databases whose process is gone, and templates of other migration sets.
async fn sweep(admin: &Client, current_template: &str) {
    let rows = admin
        .query(
            "SELECT datname FROM pg_database WHERE datname LIKE 'tessera\\_test\\_%' OR datname LIKE 'tessera\\_tpl\\_%'",
            &[],
        )
        .await
        .expect("listing test databases");
    for row in rows {
        let datname: String = row.get(0);
        let stale = if let Some(rest) = datname.strip_prefix(TEST_PREFIX) {
            let pid = rest.split('_').next().and_then(|p| p.parse::<u32>().ok());
            pid.is_some_and(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists())
        } else {
            datname != current_template && !datname.ends_with("_building")
        };
        if stale {
            let unmark = format!("ALTER DATABASE {datname} WITH IS_TEMPLATE false");
            let drop = format!("DROP DATABASE IF EXISTS {datname} WITH (FORCE)");
            let swept = match admin.batch_execute(&unmark).await {
                Ok(()) => admin.batch_execute(&drop).await,
                Err(err) => Err(err),
            };
            if let Err(err) = swept {
                eprintln!("warning: could not sweep {datname}: {err}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn replaces_the_database() {
        assert_eq!(
            database_url("postgres://u@h:1/postgres", "t1"),
            "postgres://u@h:1/t1"
        );
        assert_eq!(
            database_url("postgres://u@h:1", "t1"),
            "postgres://u@h:1/t1"
        );
        assert_eq!(
            database_url("postgres://u@h/db?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
    }
}
