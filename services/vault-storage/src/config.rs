//! Settings of the vault-storage service beyond the common ones.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::host_paths;

/// vault-storage's own configuration.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Directories under which operators may register local volume paths, `:`-separated.
    /// Unset: no local volumes.
    #[arg(long, env = "TESSERA_STORAGE_LOCAL_ROOTS", default_value = "",
          value_parser = parse_roots)]
    pub local_roots: Roots,

    /// Directory SFTP private keys must be in. Unset: no SFTP backends.
    #[arg(long, env = "TESSERA_STORAGE_SSH_KEY_DIR", default_value = "",
          value_parser = parse_roots)]
    pub ssh_key_dir: Roots,

    /// How long soft-deleted files can be restored before their bytes are purged.
    #[arg(long, env = "TESSERA_STORAGE_RETENTION", default_value = "30days",
          value_parser = tessera_kit::config::parse_duration)]
    pub retention: Duration,

    /// An upload stream records its progress (for resuming) every this many bytes.
    #[arg(long, env = "TESSERA_STORAGE_PART_BYTES", default_value_t = 64 << 20,
          value_parser = clap::value_parser!(u64).range(1 << 20..=1 << 30))]
    pub part_bytes: u64,
}

/// Resolved, absolute directories.
#[derive(Debug, Clone, Default)]
pub struct Roots(pub Vec<PathBuf>);

fn parse_roots(raw: &str) -> Result<Roots, String> {
    host_paths::parse_roots(raw).map(Roots)
}

impl Default for Config {
    fn default() -> Self {
        Self {
            local_roots: Roots::default(),
            ssh_key_dir: Roots::default(),
            retention: Duration::from_secs(30 * 24 * 3600),
            part_bytes: 64 << 20,
        }
    }
}
