//! GroupService: groups, invite codes and joining; membership and keys are in `members`.

use std::future::Future;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rand::Rng;
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_kit::ratelimit;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::group_service_server::GroupService;
use tessera_schema::messaging::{group_quotas, groups, member_keys, members};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::membership;
use super::store::{
    GroupRow, Lock, MAX_NAME_BYTES, MAX_WRAPPED_KEY_BYTES, check_bytes, check_epoch, group,
    member_of,
};
use crate::error::ChatError;
use crate::ids::GroupId;
use crate::state::Chat;

/// Invite codes: 8 letters and digits.
pub const INVITE_CODE_LEN: usize = 8;
/// Fresh codes tried before giving up (62^8 codes make a collision rare).
const CODE_ATTEMPTS: usize = 5;

/// The gRPC face of groups.
#[derive(Debug, Clone)]
pub struct GroupApi(pub Chat);

/// A fresh invite code from the thread-local CSPRNG (ChaCha, seeded by the OS).
pub fn invite_code() -> String {
    rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(INVITE_CODE_LEN)
        .map(char::from)
        .collect()
}

fn is_invite_code(code: &str) -> bool {
    code.len() == INVITE_CODE_LEN && code.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Whether `err` is the unique violation of the invite code (a collision: try another code).
fn code_taken(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, info)
            if info.constraint_name() == Some("groups_invite_code_key")
    )
}

/// Runs `attempt` with fresh invite codes until one is free (`attempt` answers `None` when its
/// code was taken), a few times at most.
async fn with_free_code<T, F, Fut>(mut attempt: F) -> Result<T, ChatError>
where
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Result<Option<T>, ChatError>>,
{
    for _ in 0..CODE_ATTEMPTS {
        if let Some(done) = attempt(invite_code()).await? {
            return Ok(done);
        }
    }
    Err(ChatError::Unavailable(
        "no free invite code was found: try again".into(),
    ))
}

/// Adds `user` with their wrapped key of `epoch` (the current one).
pub async fn add_member(
    conn: &mut AsyncPgConnection,
    group: Uuid,
    user: UserId,
    epoch: i64,
    key: &[u8],
) -> Result<(), ChatError> {
    diesel::insert_into(members::table)
        .values((
            members::group_id.eq(group),
            members::user_id.eq(user.as_uuid()),
            members::encrypted_group_key.eq(key),
            members::key_epoch.eq(epoch),
        ))
        .execute(conn)
        .await?;
    diesel::insert_into(member_keys::table)
        .values((
            member_keys::group_id.eq(group),
            member_keys::user_id.eq(user.as_uuid()),
            member_keys::key_epoch.eq(epoch),
            member_keys::encrypted_group_key.eq(key),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

impl GroupApi {
    async fn create(
        &self,
        user: UserId,
        name: Vec<u8>,
        key: Vec<u8>,
    ) -> Result<GroupRow, ChatError> {
        let (name, key) = (&name, &key);
        with_free_code(|code| async move {
            let id = GroupId::new().as_uuid();
            self.0
                .db
                .transaction("messaging.create_group", |conn| {
                    let (name, key, code) = (name.clone(), key.clone(), code.clone());
                    async move {
                        let inserted = diesel::insert_into(groups::table)
                            .values((
                                groups::id.eq(id),
                                groups::encrypted_name.eq(&name),
                                groups::created_by.eq(user.as_uuid()),
                                groups::invite_code.eq(&code),
                            ))
                            .execute(conn)
                            .await;
                        match inserted {
                            Err(err) if code_taken(&err) => return Ok(None),
                            other => other?,
                        };
                        add_member(conn, id, user, 1, &key).await?;
                        diesel::insert_into(group_quotas::table)
                            .values(group_quotas::group_id.eq(id))
                            .execute(conn)
                            .await?;
                        Ok::<_, ChatError>(Some(
                            member_of(conn, user, GroupId::from_uuid(id), Lock::None).await?,
                        ))
                    }
                    .scope_boxed()
                })
                .await
        })
        .await
    }

    async fn join(
        &self,
        user: UserId,
        code: String,
        key: Vec<u8>,
        epoch: i64,
    ) -> Result<GroupRow, ChatError> {
        let rate = self.0.config.join_failure_rate;
        let limit_key = format!("forum.join_failures:{user}");
        let spent = |wait| ChatError::Limited {
            reason: "JOIN_ATTEMPTS",
            message: "too many failed joins: try again later".into(),
            retry_after: wait,
        };
        let outcome = self
            .0
            .db
            .transaction("messaging.join_group", |conn| {
                let (code, key, limit_key) = (code.clone(), key.clone(), limit_key.clone());
                async move {
                    if let Some(wait) = ratelimit::spent(conn, &limit_key, rate).await? {
                        return Err(spent(wait));
                    }
                    let found: Option<GroupRow> = groups::table
                        .filter(groups::invite_code.eq(&code))
                        .select(GroupRow::as_select())
                        .for_update()
                        .first(conn)
                        .await
                        .optional()?;
                    let Some(row) = found else {
                        // Counted in its own transaction below: this one must not roll it back.
                        return Ok(None);
                    };
                    if row.key_epoch != epoch {
                        return Err(ChatError::precondition(
                            "KEY_EPOCH",
                            format!("groups/{}", row.id),
                            format!(
                                "the wrapped key must be for the current epoch, {}",
                                row.key_epoch
                            ),
                        ));
                    }
                    let already = members::table
                        .find((row.id, user.as_uuid()))
                        .count()
                        .get_result::<i64>(conn)
                        .await?;
                    if already > 0 {
                        return Err(ChatError::AlreadyExists(
                            "the caller is a member of this group already".into(),
                        ));
                    }
                    add_member(conn, row.id, user, epoch, &key).await?;
                    Ok(Some(row))
                }
                .scope_boxed()
            })
            .await?;
        if let Some(row) = outcome {
            return Ok(row);
        }
        let refused = self
            .0
            .db
            .transaction("messaging.join_group_failed", |conn| {
                let limit_key = limit_key.clone();
                async move { Ok::<_, ChatError>(ratelimit::take(conn, &limit_key, rate).await?) }
                    .scope_boxed()
            })
            .await?;
        match refused {
            Some(wait) => Err(spent(wait)),
            None => Err(ChatError::not_found("invite code", "the given code")),
        }
    }
}

#[tonic::async_trait]
impl GroupService for GroupApi {
    async fn create_group(
        &self,
        request: Request<pb::CreateGroupRequest>,
    ) -> Result<Response<pb::CreateGroupResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        check_bytes(
            &mut v,
            "encrypted_name",
            &body.encrypted_name,
            MAX_NAME_BYTES,
        );
        check_bytes(
            &mut v,
            "encrypted_group_key",
            &body.encrypted_group_key,
            MAX_WRAPPED_KEY_BYTES,
        );
        ChatError::checked(v, Some(()))?;
        let row = self
            .create(user, body.encrypted_name, body.encrypted_group_key)
            .await?;
        Ok(Response::new(pb::CreateGroupResponse {
            group: Some(group(&row)),
        }))
    }

    async fn get_group(
        &self,
        request: Request<pb::GetGroupRequest>,
    ) -> Result<Response<pb::GetGroupResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let row = member_of(&mut conn, user, id, Lock::None).await?;
        Ok(Response::new(pb::GetGroupResponse {
            group: Some(group(&row)),
        }))
    }

    async fn list_groups(
        &self,
        request: Request<pb::ListGroupsRequest>,
    ) -> Result<Response<pb::ListGroupsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let query = Query::new("messaging.groups").scoped(user).sizes(50, 100);
        let page = query
            .request::<(DateTime<Utc>, Uuid)>(
                request.get_ref().page_size,
                &request.get_ref().page_token,
            )
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let mut select = members::table
            .inner_join(groups::table)
            .filter(members::user_id.eq(user.as_uuid()))
            .select((members::joined_at, GroupRow::as_select()))
            .order((members::joined_at.desc(), members::group_id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                members::joined_at
                    .lt(at)
                    .or(members::joined_at.eq(at).and(members::group_id.lt(id))),
            );
        }
        let rows: Vec<(DateTime<Utc>, GroupRow)> =
            select.load(&mut conn).await.map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |(at, row)| (*at, row.id));
        Ok(Response::new(pb::ListGroupsResponse {
            groups: rows.items.iter().map(|(_, row)| group(row)).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn replace_invite_code(
        &self,
        request: Request<pb::ReplaceInviteCodeRequest>,
    ) -> Result<Response<pb::ReplaceInviteCodeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
        let row = with_free_code(|code| async move {
            self.0
                .db
                .transaction("messaging.replace_invite_code", |conn| {
                    let code = code.clone();
                    async move {
                        member_of(conn, user, id, Lock::Update)
                            .await?
                            .require_creator(user, "replace the invite code")?;
                        let updated = diesel::update(groups::table.find(id.as_uuid()))
                            .set(groups::invite_code.eq(&code))
                            .execute(conn)
                            .await;
                        match updated {
                            Err(err) if code_taken(&err) => return Ok(None),
                            other => other?,
                        };
                        Ok::<_, ChatError>(Some(member_of(conn, user, id, Lock::None).await?))
                    }
                    .scope_boxed()
                })
                .await
        })
        .await?;
        Ok(Response::new(pb::ReplaceInviteCodeResponse {
            group: Some(group(&row)),
        }))
    }

    async fn delete_group(
        &self,
        request: Request<pb::DeleteGroupRequest>,
    ) -> Result<Response<pb::DeleteGroupResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            GroupId::parse("group_id", &request.get_ref().group_id).map_err(ChatError::from)?;
        self.0
            .db
            .transaction("messaging.delete_group", |conn| {
                async move {
                    member_of(conn, user, id, Lock::Update)
                        .await?
                        .require_creator(user, "delete the group")?;
                    // Threads, replies, media (their files queued for deletion), members, keys
                    // and the quota go with it.
                    diesel::delete(groups::table.find(id.as_uuid()))
                        .execute(conn)
                        .await?;
                    Ok::<_, ChatError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteGroupResponse {}))
    }

    async fn join_group(
        &self,
        request: Request<pb::JoinGroupRequest>,
    ) -> Result<Response<pb::JoinGroupResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        if !is_invite_code(&body.invite_code) {
            v.add("invite_code", "8 letters and digits");
        }
        check_bytes(
            &mut v,
            "encrypted_group_key",
            &body.encrypted_group_key,
            MAX_WRAPPED_KEY_BYTES,
        );
        check_epoch(&mut v, "key_epoch", body.key_epoch);
        ChatError::checked(v, Some(()))?;
        let row = self
            .join(
                user,
                body.invite_code,
                body.encrypted_group_key,
                body.key_epoch,
            )
            .await?;
        Ok(Response::new(pb::JoinGroupResponse {
            group: Some(group(&row)),
        }))
    }

    async fn list_members(
        &self,
        request: Request<pb::ListMembersRequest>,
    ) -> Result<Response<pb::ListMembersResponse>, Status> {
        membership::list(&self.0, request).await
    }

    async fn leave_group(
        &self,
        request: Request<pb::LeaveGroupRequest>,
    ) -> Result<Response<pb::LeaveGroupResponse>, Status> {
        membership::leave(&self.0, request).await
    }

    async fn remove_member(
        &self,
        request: Request<pb::RemoveMemberRequest>,
    ) -> Result<Response<pb::RemoveMemberResponse>, Status> {
        membership::remove(&self.0, request).await
    }

    async fn rotate_group_key(
        &self,
        request: Request<pb::RotateGroupKeyRequest>,
    ) -> Result<Response<pb::RotateGroupKeyResponse>, Status> {
        membership::rotate(&self.0, request).await
    }

    async fn list_group_keys(
        &self,
        request: Request<pb::ListGroupKeysRequest>,
    ) -> Result<Response<pb::ListGroupKeysResponse>, Status> {
        membership::keys(&self.0, request).await
    }
}
