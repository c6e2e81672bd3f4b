//! Who is in a group and which keys they hold: listing, leaving, removal and key rotation.
//!
//! A rotation names the next epoch and brings a wrapped key for exactly the current members,
//! under the group row's lock: of two concurrent rotations the second finds the epoch moved and
//! is ABORTED. A leave marks the group as needing one; posting waits until a member rotates.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::{FieldViolations, MAX_PRECONDITION_VIOLATIONS};
use tessera_kit::ids::UserId;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::{groups, member_keys, members};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::store::{GroupRow, Lock, MAX_WRAPPED_KEY_BYTES, check_bytes, group, member_of};
use crate::error::ChatError;
use crate::ids::GroupId;
use crate::state::Chat;

/// A validated rotation.
#[derive(Debug, Clone)]
pub struct Rotation {
    pub new_epoch: i64,
    pub keys: BTreeMap<Uuid, Vec<u8>>,
}

/// Validates `rotation` (fields under `prefix`).
pub fn parse_rotation(
    v: &mut FieldViolations,
    prefix: &str,
    rotation: Option<&pb::Rotation>,
) -> Option<Rotation> {
    let Some(rotation) = rotation else {
        v.add(prefix, "required");
        return None;
    };
    if rotation.new_epoch < 2 {
        v.add(
            format!("{prefix}.new_epoch"),
            "required: the current epoch + 1",
        );
    }
    if rotation.keys.is_empty() {
        v.add(format!("{prefix}.keys"), "required: one key per member");
    }
    let mut keys = BTreeMap::new();
    for (i, key) in rotation.keys.iter().enumerate() {
        let field = format!("{prefix}.keys[{i}]");
        let user = UserId::parse_into(v, &format!("{field}.user_id"), &key.user_id);
        check_bytes(
            v,
            &format!("{field}.encrypted_group_key"),
            &key.encrypted_group_key,
            MAX_WRAPPED_KEY_BYTES,
        );
        if let Some(user) = user
            && keys
                .insert(user.as_uuid(), key.encrypted_group_key.clone())
                .is_some()
        {
            v.add(format!("{field}.user_id"), "named twice");
        }
    }
    Some(Rotation {
        new_epoch: rotation.new_epoch,
        keys,
    })
}

/// Applies `rotation` to `group` (locked FOR UPDATE by the caller) and returns the group at its
/// new epoch.
pub async fn apply_rotation(
    conn: &mut AsyncPgConnection,
    group: &GroupRow,
    rotation: &Rotation,
) -> Result<(), ChatError> {
    if rotation.new_epoch != group.key_epoch + 1 {
        return Err(ChatError::Aborted(format!(
            "the group is at key epoch {}: a rotation names {}",
            group.key_epoch,
            group.key_epoch + 1
        )));
    }
    let current: BTreeSet<Uuid> = members::table
        .filter(members::group_id.eq(group.id))
        .select(members::user_id)
        .load::<Uuid>(conn)
        .await?
        .into_iter()
        .collect();
    let given: BTreeSet<Uuid> = rotation.keys.keys().copied().collect();
    let mut violations: Vec<(&'static str, String, String)> = current
        .difference(&given)
        .map(|u| {
            (
                "MISSING_MEMBER_KEY",
                format!("users/{u}"),
                "a member has no key in the rotation".to_owned(),
            )
        })
        .chain(given.difference(&current).map(|u| {
            (
                "NOT_A_MEMBER",
                format!("users/{u}"),
                "a key for someone who is not a member".to_owned(),
            )
        }))
        .collect();
    if !violations.is_empty() {
        violations.truncate(MAX_PRECONDITION_VIOLATIONS);
        return Err(ChatError::Precondition(violations));
    }
    for (user, key) in &rotation.keys {
        diesel::update(members::table.find((group.id, *user)))
            .set((
                members::encrypted_group_key.eq(key),
                members::key_epoch.eq(rotation.new_epoch),
            ))
            .execute(conn)
            .await?;
    }
    let rows: Vec<_> = rotation
        .keys
        .iter()
        .map(|(user, key)| {
            (
                member_keys::group_id.eq(group.id),
                member_keys::user_id.eq(*user),
                member_keys::key_epoch.eq(rotation.new_epoch),
                member_keys::encrypted_group_key.eq(key),
            )
        })
        .collect();
    diesel::insert_into(member_keys::table)
        .values(rows)
        .execute(conn)
        .await?;
    diesel::update(groups::table.find(group.id))
        .set((
            groups::key_epoch.eq(rotation.new_epoch),
            groups::rotation_required.eq(false),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes `user` from `group`; the group then needs a rotation unless one follows at once.
pub async fn drop_member(
    conn: &mut AsyncPgConnection,
    group: Uuid,
    user: Uuid,
) -> Result<bool, ChatError> {
    let removed = diesel::delete(members::table.find((group, user)))
        .execute(conn)
        .await?
        > 0;
    if removed {
        diesel::update(groups::table.find(group))
            .set(groups::rotation_required.eq(true))
            .execute(conn)
            .await?;
    }
    Ok(removed)
}

pub async fn list(
    chat: &Chat,
    request: Request<pb::ListMembersRequest>,
) -> Result<Response<pb::ListMembersResponse>, Status> {
    let user = auth::user(&request)?.user_id;
    let id = GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
    let mut conn = chat.db.conn().await.map_err(ChatError::from)?;
    member_of(&mut conn, user, id, Lock::None).await?;
    let rows: Vec<(Uuid, i64, chrono::DateTime<chrono::Utc>)> = members::table
        .filter(members::group_id.eq(id.as_uuid()))
        .select((members::user_id, members::key_epoch, members::joined_at))
        .order((members::joined_at, members::user_id))
        .load(&mut conn)
        .await
        .map_err(ChatError::from)?;
    Ok(Response::new(pb::ListMembersResponse {
        members: rows
            .into_iter()
            .map(|(user_id, key_epoch, joined_at)| pb::Member {
                user_id: user_id.to_string(),
                key_epoch,
                join_time: Some(timestamp(joined_at)),
            })
            .collect(),
    }))
}

pub async fn leave(
    chat: &Chat,
    request: Request<pb::LeaveGroupRequest>,
) -> Result<Response<pb::LeaveGroupResponse>, Status> {
    let user = auth::user(&request)?.user_id;
    let id = GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
    chat.db
        .transaction("messaging.leave_group", |conn| {
            async move {
                let group = member_of(conn, user, id, Lock::Update).await?;
                if group.is_creator(user) {
                    return Err(ChatError::precondition(
                        "CREATOR",
                        format!("groups/{id}"),
                        "the creator deletes the group instead of leaving it",
                    ));
                }
                drop_member(conn, group.id, user.as_uuid()).await?;
                Ok(())
            }
            .scope_boxed()
        })
        .await?;
    Ok(Response::new(pb::LeaveGroupResponse {}))
}

pub async fn remove(
    chat: &Chat,
    request: Request<pb::RemoveMemberRequest>,
) -> Result<Response<pb::RemoveMemberResponse>, Status> {
    let user = auth::user(&request)?.user_id;
    let body = request.get_ref();
    let mut v = FieldViolations::new();
    let id = GroupId::parse_into(&mut v, "group_id", &body.group_id);
    let member = UserId::parse_into(&mut v, "user_id", &body.user_id);
    if member == Some(user) {
        v.add("user_id", "the creator deletes the group instead");
    }
    let rotation = parse_rotation(&mut v, "rotation", body.rotation.as_ref());
    let ((id, member), rotation) = ChatError::checked(v, id.zip(member).zip(rotation))?;
    let row = chat
        .db
        .transaction("messaging.remove_member", |conn| {
            let rotation = rotation.clone();
            async move {
                let group = member_of(conn, user, id, Lock::Update).await?;
                group.require_creator(user, "remove members")?;
                if !drop_member(conn, group.id, member.as_uuid()).await? {
                    return Err(ChatError::not_found("member", member));
                }
                apply_rotation(conn, &group, &rotation).await?;
                member_of(conn, user, id, Lock::None).await
            }
            .scope_boxed()
        })
        .await?;
    Ok(Response::new(pb::RemoveMemberResponse {
        group: Some(group(&row)),
    }))
}

pub async fn rotate(
    chat: &Chat,
    request: Request<pb::RotateGroupKeyRequest>,
) -> Result<Response<pb::RotateGroupKeyResponse>, Status> {
    let user = auth::user(&request)?.user_id;
    let body = request.get_ref();
    let mut v = FieldViolations::new();
    let id = GroupId::parse_into(&mut v, "group_id", &body.group_id);
    let rotation = parse_rotation(&mut v, "rotation", body.rotation.as_ref());
    let (id, rotation) = ChatError::checked(v, id.zip(rotation))?;
    let row = chat
        .db
        .transaction("messaging.rotate_group_key", |conn| {
            let rotation = rotation.clone();
            async move {
                let group = member_of(conn, user, id, Lock::Update).await?;
                apply_rotation(conn, &group, &rotation).await?;
                member_of(conn, user, id, Lock::None).await
            }
            .scope_boxed()
        })
        .await?;
    Ok(Response::new(pb::RotateGroupKeyResponse {
        group: Some(group(&row)),
    }))
}

pub async fn keys(
    chat: &Chat,
    request: Request<pb::ListGroupKeysRequest>,
) -> Result<Response<pb::ListGroupKeysResponse>, Status> {
    let user = auth::user(&request)?.user_id;
    let id = GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
    let mut conn = chat.db.conn().await.map_err(ChatError::from)?;
    member_of(&mut conn, user, id, Lock::None).await?;
    let rows: Vec<(i64, Vec<u8>)> = member_keys::table
        .filter(member_keys::group_id.eq(id.as_uuid()))
        .filter(member_keys::user_id.eq(user.as_uuid()))
        .select((member_keys::key_epoch, member_keys::encrypted_group_key))
        .order(member_keys::key_epoch.desc())
        .load(&mut conn)
        .await
        .map_err(ChatError::from)?;
    Ok(Response::new(pb::ListGroupKeysResponse {
        keys: rows
            .into_iter()
            .map(|(key_epoch, encrypted_group_key)| pb::EpochKey {
                key_epoch,
                encrypted_group_key,
            })
            .collect(),
    }))
}
