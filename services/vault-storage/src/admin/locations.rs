//! Where a volume's objects live, as one comparable string: the backend's location (local
//! directory, S3 endpoint and bucket, FTP account, HTTP base URL) followed by the volume's
//! prefix. A volume owns everything under its location (files, staged uploads, kept versions),
//! so no two volumes may have locations where one contains the other: they would overwrite each
//! other's objects.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_schema::vault::{
    ftp_endpoints, http_endpoints, local_paths, s3_buckets, storage_volumes,
};
use uuid::Uuid;

use crate::error::StorageError;
use crate::ids::Driver;
use crate::volumes::VolumeRow;

/// The location of a volume on `driver`'s backend `backend_id` under `prefix`, ending in `/`
/// (`None` when the backend row is gone).
pub async fn location(
    conn: &mut AsyncPgConnection,
    driver: Driver,
    backend_id: Uuid,
    prefix: Option<&str>,
) -> Result<Option<String>, StorageError> {
    let root = match driver {
        Driver::Local => local_paths::table
            .find(backend_id)
            .select(local_paths::path)
            .first::<String>(conn)
            .await
            .optional()?
            .map(|path| format!("file://{path}")),
        Driver::S3 => s3_buckets::table
            .find(backend_id)
            .select((s3_buckets::endpoint_url, s3_buckets::bucket_name))
            .first::<(String, String)>(conn)
            .await
            .optional()?
            .map(|(endpoint, bucket)| format!("s3:{}/{bucket}", endpoint.to_lowercase())),
        Driver::Ftp => ftp_endpoints::table
            .find(backend_id)
            .select((
                ftp_endpoints::protocol,
                ftp_endpoints::username,
                ftp_endpoints::host,
                ftp_endpoints::port,
            ))
            .first::<(String, String, String, i32)>(conn)
            .await
            .optional()?
            .map(|(protocol, user, host, port)| {
                format!("{protocol}://{user}@{}:{port}", host.to_lowercase())
            }),
        Driver::Http => http_endpoints::table
            .find(backend_id)
            .select(http_endpoints::url)
            .first::<String>(conn)
            .await
            .optional()?,
    };
    Ok(root.map(|root| joined(&root, prefix)))
}

/// `root` and `prefix` as one location ending in `/`.
fn joined(root: &str, prefix: Option<&str>) -> String {
    let mut location = root.trim_end_matches('/').to_owned();
    location.push('/');
    let prefix = prefix.unwrap_or("").trim_matches('/');
    if !prefix.is_empty() {
        location.push_str(prefix);
        location.push('/');
    }
    location
}

/// Whether one of two locations contains the other.
fn overlap(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// FAILED_PRECONDITION when `new`'s location overlaps an existing volume's. Call it in the
/// transaction that creates the volume: it takes a lock that queues concurrent creations.
pub async fn check_free(conn: &mut AsyncPgConnection, new: &VolumeRow) -> Result<(), StorageError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('vault.volume_locations'))")
        .execute(conn)
        .await?;
    let backend = new
        .backend_id()
        .ok_or_else(|| StorageError::Internal("a new volume without its backend".into()))?;
    let mine = location(conn, new.driver, backend, new.default_prefix.as_deref())
        .await?
        .ok_or_else(|| StorageError::invalid("volume.backend_id", "no such backend"))?;
    let others: Vec<VolumeRow> = storage_volumes::table
        .select(VolumeRow::as_select())
        .load(conn)
        .await?;
    for other in others {
        let Some(backend) = other.backend_id() else {
            continue;
        };
        let theirs = location(conn, other.driver, backend, other.default_prefix.as_deref()).await?;
        if theirs.is_some_and(|theirs| overlap(&mine, &theirs)) {
            return Err(StorageError::precondition(
                "LOCATION_OVERLAP",
                format!("volumes/{}", other.id),
                format!(
                    "the volume would share its backend location with volume {}: give it a \
                     default_prefix that neither contains nor lies inside the other's",
                    other.name
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_overlap_by_containment_of_whole_segments() {
        let root = joined("file:///data/", None);
        let a = joined("file:///data", Some("/a/"));
        let ab = joined("file:///data", Some("a/b"));
        let abc = joined("file:///data", Some("abc"));
        assert_eq!(a, "file:///data/a/");
        assert!(overlap(&root, &a), "the root holds every prefix");
        assert!(overlap(&a, &ab) && overlap(&ab, &a), "a/b lies inside a");
        assert!(overlap(&a, &a), "the same location");
        assert!(!overlap(&a, &abc), "a and abc are siblings");
        assert!(!overlap(&joined("s3:h/b1", None), &joined("s3:h/b2", None)));
    }
}
