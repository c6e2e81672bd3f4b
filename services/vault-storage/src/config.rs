//! Settings of the vault-storage service beyond the common ones.

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use tessera_kit::ids::Tier;

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

    /// The largest file (upload, vault file or blob) a caller may declare, e.g. `1TiB`; at most
    /// 2^53 - 1 bytes. Larger declarations are refused before anything is reserved.
    #[arg(long, env = "TESSERA_STORAGE_MAX_FILE_BYTES", default_value = "1TiB",
          value_parser = parse_max_file_bytes)]
    pub max_file_bytes: i64,

    /// The volume (by name) that holds vault chunks. Unset: the vault keeps no files.
    #[arg(long, env = "TESSERA_VAULT_VOLUME", default_value = "")]
    pub vault_volume: String,

    /// Vault bytes each tier may keep (live, pending and graveyard files), e.g.
    /// `free=10GiB,pro=2TiB,team=10TiB`; a tier not named has no limit.
    #[arg(long, env = "TESSERA_VAULT_TIER_QUOTAS", default_value = "free=10GiB,pro=2TiB,team=10TiB",
          value_parser = parse_tier_quotas)]
    pub tier_quotas: TierQuotas,

    /// How long a deleted vault file stays restorable (and counted) before its bytes go.
    #[arg(long, env = "TESSERA_VAULT_GRAVEYARD_RETENTION", default_value = "30days",
          value_parser = tessera_kit::config::parse_duration)]
    pub graveyard_retention: Duration,

    /// The volume (by name) that holds content-addressed blobs and manifests. Unset: none kept.
    #[arg(long, env = "TESSERA_BLOB_VOLUME", default_value = "")]
    pub blob_volume: String,

    /// A blob in no manifest and unseen (not written, read or found) for this long is collected.
    #[arg(long, env = "TESSERA_BLOB_RETENTION", default_value = "30days",
          value_parser = tessera_kit::config::parse_duration)]
    pub blob_retention: Duration,
}

/// Bytes per tier.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TierQuotas(pub Vec<(Tier, i64)>);

impl TierQuotas {
    /// The limit of `tier`, if it has one.
    pub fn limit(&self, tier: Tier) -> Option<i64> {
        self.0
            .iter()
            .find(|(t, _)| *t == tier)
            .map(|(_, bytes)| *bytes)
    }
}

fn parse_tier_quotas(raw: &str) -> Result<TierQuotas, String> {
    let mut quotas = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (tier, size) = entry
            .split_once('=')
            .ok_or_else(|| format!("`{entry}` is not tier=size"))?;
        let tier: Tier = tier
            .trim()
            .parse()
            .map_err(|_| format!("`{tier}` is not a tier (free, pro, team)"))?;
        quotas.push((tier, parse_size(size.trim())?));
    }
    Ok(TierQuotas(quotas))
}

/// `10GiB`, `512MiB`, `1TiB`, `4096` (bytes).
fn parse_size(raw: &str) -> Result<i64, String> {
    let units = [
        ("TiB", 1i64 << 40),
        ("GiB", 1 << 30),
        ("MiB", 1 << 20),
        ("KiB", 1 << 10),
    ];
    let (number, unit) = units
        .iter()
        .find_map(|(suffix, unit)| raw.strip_suffix(suffix).map(|n| (n, *unit)))
        .unwrap_or((raw, 1));
    number
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|n| *n >= 0)
        .ok_or_else(|| format!("`{raw}` is not a size such as 10GiB"))
}

/// The largest size any contract allows (what a JSON number holds exactly).
pub const MAX_DECLARED_BYTES: i64 = (1 << 53) - 1;

fn parse_max_file_bytes(raw: &str) -> Result<i64, String> {
    let bytes = parse_size(raw)?;
    if bytes > MAX_DECLARED_BYTES {
        return Err(format!("`{raw}` is more than 2^53 - 1 bytes"));
    }
    Ok(bytes)
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
            max_file_bytes: 1 << 40,
            vault_volume: String::new(),
            tier_quotas: TierQuotas::default(),
            graveyard_retention: Duration::from_secs(30 * 24 * 3600),
            blob_volume: String::new(),
            blob_retention: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_maximum_stays_within_what_the_contracts_allow() {
        assert_eq!(parse_max_file_bytes("1TiB"), Ok(1 << 40));
        assert_eq!(parse_max_file_bytes("8191TiB"), Ok(8191 << 40));
        assert!(parse_max_file_bytes("8192TiB").is_err(), "2^53 bytes");
        assert!(parse_max_file_bytes("-1").is_err());
    }

    #[test]
    fn tier_quotas_parse_sizes_and_refuse_nonsense() {
        let quotas = parse_tier_quotas("free=10GiB, pro=2TiB,team=4096").expect("valid");
        assert_eq!(quotas.limit(Tier::Free), Some(10 << 30));
        assert_eq!(quotas.limit(Tier::Pro), Some(2 << 40));
        assert_eq!(quotas.limit(Tier::Team), Some(4096));
        assert_eq!(parse_tier_quotas("").expect("none").limit(Tier::Free), None);
        for bad in [
            "gold=1GiB",
            "free",
            "free=lots",
            "free=-1",
            "free=99999999TiB",
        ] {
            assert!(parse_tier_quotas(bad).is_err(), "{bad}");
        }
    }
}
