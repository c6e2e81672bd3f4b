//! Group rows, the membership check every forum RPC starts with, the posting check, and the
//! wire form of groups.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{groups, members};
use uuid::Uuid;

use crate::error::ChatError;
use crate::ids::GroupId;

/// Longest encrypted group name, in bytes.
pub const MAX_NAME_BYTES: usize = 1024;
/// Longest wrapped group key, in bytes (an RSA-4096 or ECIES envelope fits easily).
pub const MAX_WRAPPED_KEY_BYTES: usize = 2048;

/// A `groups` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = groups, check_for_backend(diesel::pg::Pg))]
pub struct GroupRow {
    pub id: Uuid,
    pub encrypted_name: Vec<u8>,
    pub created_by: Uuid,
    pub invite_code: String,
    pub key_epoch: i64,
    pub rotation_required: bool,
    pub created_at: DateTime<Utc>,
}

impl GroupRow {
    /// Whether `user` created the group.
    pub fn is_creator(&self, user: UserId) -> bool {
        self.created_by == user.as_uuid()
    }

    /// The creator-only check: PERMISSION_DENIED for other members.
    pub fn require_creator(&self, user: UserId, what: &str) -> Result<(), ChatError> {
        if self.is_creator(user) {
            Ok(())
        } else {
            Err(ChatError::Denied(format!(
                "only the group's creator may {what}"
            )))
        }
    }
}

/// How a membership check locks the group row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// No lock (reads).
    None,
    /// FOR SHARE: posts, which must not interleave with a rotation.
    Share,
    /// FOR UPDATE: rotations, membership changes, invite codes.
    Update,
}

/// The group `id` if `user` is a member of it; NOT_FOUND otherwise (whether or not it exists).
pub async fn member_of(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: GroupId,
    lock: Lock,
) -> Result<GroupRow, ChatError> {
    let query = groups::table
        .filter(groups::id.eq(id.as_uuid()))
        .filter(diesel::dsl::exists(
            members::table
                .filter(members::group_id.eq(groups::id))
                .filter(members::user_id.eq(user.as_uuid())),
        ))
        .select(GroupRow::as_select());
    let row = match lock {
        Lock::None => query.first(conn).await.optional()?,
        Lock::Share => query.for_share().first(conn).await.optional()?,
        Lock::Update => query.for_update().first(conn).await.optional()?,
    };
    row.ok_or_else(|| ChatError::not_found(GroupId::RESOURCE, id))
}

/// The check before any post (thread, reply, media) in `group`: no rotation is pending and the
/// post is encrypted under the current epoch.
pub fn require_current_epoch(group: &GroupRow, epoch: i64) -> Result<(), ChatError> {
    if group.rotation_required {
        return Err(ChatError::Reason {
            code: tonic::Code::FailedPrecondition,
            reason: "KEY_ROTATION_REQUIRED",
            message: "a member left: rotate the group key before posting".into(),
            metadata: vec![
                ("group_id", group.id.to_string()),
                ("key_epoch", group.key_epoch.to_string()),
            ],
        });
    }
    if epoch != group.key_epoch {
        return Err(ChatError::precondition(
            "KEY_EPOCH",
            format!("groups/{}", group.id),
            format!(
                "posts are encrypted under the current key epoch, {}",
                group.key_epoch
            ),
        ));
    }
    Ok(())
}

/// Checks a required ciphertext field of at most `max` bytes.
pub fn check_bytes(
    v: &mut tessera_kit::error::FieldViolations,
    field: &str,
    value: &[u8],
    max: usize,
) {
    if value.is_empty() {
        v.add(field, "required");
    } else if value.len() > max {
        v.add(field, format!("at most {max} bytes"));
    }
}

/// Checks a key epoch field (at least 1).
pub fn check_epoch(v: &mut tessera_kit::error::FieldViolations, field: &str, epoch: i64) {
    if epoch < 1 {
        v.add(field, "required: a key epoch, 1 or more");
    }
}

/// The wire form.
pub fn group(row: &GroupRow) -> pb::Group {
    pb::Group {
        id: row.id.to_string(),
        encrypted_name: row.encrypted_name.clone(),
        created_by: row.created_by.to_string(),
        invite_code: row.invite_code.clone(),
        key_epoch: row.key_epoch,
        rotation_required: row.rotation_required,
        create_time: Some(timestamp(row.created_at)),
    }
}
