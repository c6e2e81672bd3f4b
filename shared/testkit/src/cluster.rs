//! A private PostgreSQL cluster of a test's own (scripts/dev-db.sh in a folder of its own, on a
//! free port), for what cannot be done to the shared server: TLS-only settings, full
//! durability, a crash. Stopped and removed when dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// See the module documentation.
#[derive(Debug)]
pub struct Cluster {
    dir: PathBuf,
    port: u16,
    options: String,
}

impl Cluster {
    /// Initialises and starts a cluster in `dir` with extra server `options` (`-c name=value`
    /// ...; later ones win over dev-db.sh's own, which turn durability off for speed).
    pub fn start(dir: &Path, options: &str) -> Self {
        std::fs::create_dir_all(dir).expect("cluster folder");
        give_to_postgres(dir);
        let cluster = Self {
            dir: dir.to_owned(),
            port: crate::binary::free_port(),
            options: options.to_owned(),
        };
        cluster.up();
        cluster
    }

    /// Starts it again (after [`Cluster::crash`]: recovery replays the write-ahead log).
    pub fn up(&self) {
        let status = self
            .dev_db("start")
            .env("TESSERA_PG_OPTIONS", &self.options)
            .status()
            .expect("running scripts/dev-db.sh");
        assert!(status.success(), "the private PostgreSQL did not start");
    }

    /// Kills the server and every backend with SIGKILL, as a power cut would: nothing is
    /// flushed or shut down cleanly.
    pub fn crash(&self) {
        let pid_file = self.dir.join("data/postmaster.pid");
        let pid = std::fs::read_to_string(&pid_file)
            .ok()
            .and_then(|text| text.lines().next().map(str::to_owned))
            .expect("the server's pid");
        // Backends first (the postmaster would otherwise start more), then the postmaster.
        let _ = Command::new("pkill").args(["-KILL", "-P", &pid]).status();
        let killed = Command::new("kill").args(["-KILL", &pid]).status();
        assert!(killed.is_ok_and(|s| s.success()), "SIGKILL the postmaster");
        // The pid file stays behind, as after a crash; pg_ctl start sees no live process.
        for _ in 0..100 {
            let alive = Command::new("kill").args(["-0", &pid]).status();
            if !alive.is_ok_and(|s| s.success()) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        panic!("the postmaster outlived SIGKILL");
    }

    /// The superuser URL for `host` (`localhost`, `127.0.0.1`) with `query` (may be empty).
    pub fn url(&self, host: &str, query: &str) -> String {
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("postgres://tessera@{host}:{}/postgres{query}", self.port)
    }

    fn dev_db(&self, command: &str) -> Command {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/dev-db.sh");
        let mut run = Command::new(script);
        run.arg(command)
            .env("TESSERA_PG_DIR", self.dir.join("data"))
            .env("TESSERA_PG_PORT", self.port.to_string());
        run
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.dev_db("stop").status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Hands `path` to the postgres user when running as root (the server runs as postgres then).
pub(crate) fn give_to_postgres(path: &Path) {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if root {
        let status = Command::new("chown")
            .arg("postgres:")
            .arg(path)
            .status()
            .expect("chown");
        assert!(status.success(), "chown postgres {}", path.display());
    }
}
