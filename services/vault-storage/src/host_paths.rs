//! Paths on the service's own host that operators register: local volume directories (under
//! a root of `TESSERA_STORAGE_LOCAL_ROOTS`) and SFTP key files (under
//! `TESSERA_STORAGE_SSH_KEY_DIR`). Each must be absolute and canonical, and stay under its root
//! once symlinks are resolved, so a registered path cannot point the service elsewhere.

use std::path::{Path, PathBuf};

/// `raw` if it is an absolute, canonical path under one of `roots`, else why not (a field
/// violation's description).
pub fn under_roots(raw: &str, roots: &[PathBuf]) -> Result<PathBuf, &'static str> {
    if raw.is_empty() {
        return Err("a path is required");
    }
    if raw.chars().any(char::is_control) {
        return Err("paths contain no control characters");
    }
    let path = Path::new(raw);
    if !path.is_absolute() {
        return Err("the path must be absolute");
    }
    // Checked on the text: `Path::components` quietly drops `.` and repeated slashes.
    let canonical_form = raw == "/"
        || raw
            .split('/')
            .skip(1)
            .all(|s| !s.is_empty() && s != "." && s != "..");
    if !canonical_form {
        return Err("the path must be canonical: no . or .. segments, no // and no trailing /");
    }
    if !roots.iter().any(|root| path.starts_with(root)) {
        return Err("the path is not under a configured root");
    }
    // Whatever exists of it must not lead elsewhere through a symlink.
    let mut existing = path;
    while !existing.exists() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => break,
        }
    }
    let resolved = existing
        .canonicalize()
        .map_err(|_| "the path cannot be resolved")?;
    if resolved != existing {
        return Err("the path goes through a symlink");
    }
    Ok(path.to_path_buf())
}

/// The roots in a `:`-separated setting, each absolute and resolved (roots themselves may be
/// symlinks an operator set up on purpose).
pub fn parse_roots(setting: &str) -> Result<Vec<PathBuf>, String> {
    setting
        .split(':')
        .filter(|s| !s.is_empty())
        .map(|root| {
            let path = Path::new(root);
            if !path.is_absolute() {
                return Err(format!("{root}: roots must be absolute"));
            }
            path.canonicalize().map_err(|e| format!("{root}: {e}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_paths_under_a_root_pass() {
        let base = std::env::temp_dir().join(format!("roots-{}", uuid::Uuid::now_v7()));
        let root = base.join("volumes");
        let outside = base.join("elsewhere");
        std::fs::create_dir_all(&root).expect("root");
        std::fs::create_dir_all(&outside).expect("outside");
        std::os::unix::fs::symlink(&outside, root.join("link")).expect("symlink");
        let roots = parse_roots(&root.display().to_string()).expect("roots");
        let root = &roots[0];
        let ok = |p: PathBuf| under_roots(&p.display().to_string(), &roots);

        assert!(ok(root.join("team-a")).is_ok(), "not yet existing is fine");
        assert!(ok(root.clone()).is_ok());
        for bad in [
            root.join("link"),
            root.join("link/deeper"),
            outside.clone(),
            PathBuf::from(format!("{}/../elsewhere", root.display())),
            PathBuf::from(format!("{}/./team", root.display())),
            PathBuf::from(format!("{}//team", root.display())),
            PathBuf::from(format!("{}/team/", root.display())),
            PathBuf::from("relative/path"),
        ] {
            assert!(ok(bad.clone()).is_err(), "{}", bad.display());
        }
        assert!(parse_roots("relative").is_err());
        let _ = std::fs::remove_dir_all(base);
    }
}
