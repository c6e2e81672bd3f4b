//! DeviceService: the caller's devices and their public keys.

pub mod keys;
pub mod store;

use diesel::prelude::*;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::device_service_server::DeviceService;
use tessera_schema::messaging::{device_inboxes, devices, pending_sessions, sessions};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use self::keys::{check_keys, check_label, check_prekeys, check_push_token, check_signed_prekey};
use self::store::{DeviceRow, device, own, own_for_update};
use crate::error::ChatError;
use crate::events::{self, DeviceChange, LiveEvent};
use crate::ids::DeviceId;
use crate::state::Chat;

/// Devices one user may enrol.
pub const MAX_DEVICES_PER_USER: i64 = 16;

/// The gRPC face of devices.
#[derive(Debug, Clone)]
pub struct DeviceApi(pub Chat);

#[tonic::async_trait]
impl DeviceService for DeviceApi {
    async fn enroll_device(
        &self,
        request: Request<pb::EnrollDeviceRequest>,
    ) -> Result<Response<pb::EnrollDeviceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = enroll(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::EnrollDeviceResponse {
            device: Some(device(&row)),
        }))
    }

    async fn list_devices(
        &self,
        request: Request<pb::ListDevicesRequest>,
    ) -> Result<Response<pb::ListDevicesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let query = Query::new("messaging.devices").scoped(user);
        let page = query
            .request::<Uuid>(request.get_ref().page_size, &request.get_ref().page_token)
            .map_err(ChatError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ChatError::from)?;
        let mut select = devices::table
            .filter(devices::user_id.eq(user.as_uuid()))
            .select(DeviceRow::as_select())
            .order(devices::id.asc())
            .into_boxed();
        if let Some(after) = page.after {
            select = select.filter(devices::id.gt(after));
        }
        let rows: Vec<DeviceRow> = select
            .limit(page.fetch_limit())
            .load(&mut *conn)
            .await
            .map_err(ChatError::from)?;
        let rows = query.page(rows, &page, |row| row.id);
        Ok(Response::new(pb::ListDevicesResponse {
            devices: rows.items.iter().map(device).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn update_device(
        &self,
        request: Request<pb::UpdateDeviceRequest>,
    ) -> Result<Response<pb::UpdateDeviceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = update(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::UpdateDeviceResponse {
            device: Some(device(&row)),
        }))
    }

    async fn rotate_signed_prekey(
        &self,
        request: Request<pb::RotateSignedPrekeyRequest>,
    ) -> Result<Response<pb::RotateSignedPrekeyResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = rotate(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::RotateSignedPrekeyResponse {
            device: Some(device(&row)),
        }))
    }

    async fn reenroll_device(
        &self,
        request: Request<pb::ReenrollDeviceRequest>,
    ) -> Result<Response<pb::ReenrollDeviceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = reenroll(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::ReenrollDeviceResponse {
            device: Some(device(&row)),
        }))
    }

    async fn upload_prekeys(
        &self,
        request: Request<pb::UploadPrekeysRequest>,
    ) -> Result<Response<pb::UploadPrekeysResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = upload(&self.0, user, request.get_ref()).await?;
        Ok(Response::new(pb::UploadPrekeysResponse {
            one_time_prekey_count: row.prekey_count,
            last_prekey_id: u64::try_from(row.last_prekey_id).unwrap_or_default(),
        }))
    }

    async fn delete_device(
        &self,
        request: Request<pb::DeleteDeviceRequest>,
    ) -> Result<Response<pb::DeleteDeviceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id =
            DeviceId::parse("device_id", &request.get_ref().device_id).map_err(ChatError::from)?;
        self.0
            .db
            .transaction("messaging.delete_device", |conn| {
                async move {
                    let deleted = diesel::delete(
                        devices::table
                            .filter(devices::id.eq(id.as_uuid()))
                            .filter(devices::user_id.eq(user.as_uuid())),
                    )
                    .execute(conn)
                    .await?;
                    if deleted == 0 {
                        return Err(ChatError::not_found(DeviceId::RESOURCE, id));
                    }
                    announce(conn, user, id, DeviceChange::Removed).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteDeviceResponse {}))
    }
}

async fn announce(
    conn: &mut AsyncPgConnection,
    user: UserId,
    device: DeviceId,
    change: DeviceChange,
) -> Result<(), ChatError> {
    let event = LiveEvent::Device {
        user_id: user.as_uuid(),
        device_id: device.as_uuid(),
        change,
    };
    Ok(events::announce(conn, &event).await?)
}

/// Serialises enrolments of one user, so the device limit holds under concurrency.
async fn lock_user_devices(conn: &mut AsyncPgConnection, user: UserId) -> Result<(), ChatError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind::<Text, _>(format!("messaging.devices:{user}"))
        .execute(conn)
        .await?;
    Ok(())
}

fn identity_taken(err: ChatError) -> ChatError {
    match err {
        // Whose device holds it is not said: it may be another user's.
        ChatError::Db(tessera_kit::DbError::UniqueViolation { ref constraint })
            if constraint == "devices_identity_pubkey_key" =>
        {
            ChatError::AlreadyExists(
                "this identity key is enrolled already: each device has an identity key of its own"
                    .into(),
            )
        }
        other => other,
    }
}

async fn enroll(
    chat: &Chat,
    user: UserId,
    request: &pb::EnrollDeviceRequest,
) -> Result<DeviceRow, ChatError> {
    let mut v = FieldViolations::new();
    let keys = check_keys(&mut v, "keys", request.keys.as_ref());
    let (prekeys, last_id) =
        check_prekeys(&mut v, "one_time_prekeys", &request.one_time_prekeys, 0);
    let label = check_label(&mut v, "label", &request.label);
    let push_token = check_push_token(&mut v, "push_token", &request.push_token);
    let keys = ChatError::checked(v, keys)?;
    let prekeys = serde_json::to_value(&prekeys).map_err(|e| ChatError::Internal(e.to_string()))?;
    let id = DeviceId::new();
    chat.db
        .transaction("messaging.enroll_device", |conn| {
            let (keys, prekeys, label, push_token) =
                (keys.clone(), prekeys.clone(), label.clone(), push_token.clone());
            async move {
                lock_user_devices(conn, user).await?;
                let count: i64 = devices::table
                    .filter(devices::user_id.eq(user.as_uuid()))
                    .count()
                    .get_result(conn)
                    .await?;
                if count >= MAX_DEVICES_PER_USER {
                    return Err(ChatError::precondition(
                        "TOO_MANY_DEVICES",
                        format!("users/{user}"),
                        format!("a user may enrol at most {MAX_DEVICES_PER_USER} devices: remove one first"),
                    ));
                }
                diesel::insert_into(devices::table)
                    .values((
                        devices::id.eq(id.as_uuid()),
                        devices::user_id.eq(user.as_uuid()),
                        devices::identity_key_type.eq(keys.key_type),
                        devices::identity_pubkey.eq(&keys.identity),
                        devices::prekey_pubkey.eq(&keys.last_resort),
                        devices::signed_prekey_pub.eq(&keys.signed_prekey),
                        devices::signed_prekey_sig.eq(&keys.signature),
                        devices::one_time_prekeys.eq(&prekeys),
                        devices::last_prekey_id.eq(last_id as i64),
                        devices::device_label.eq(&label),
                        devices::push_token.eq(&push_token),
                    ))
                    .execute(conn)
                    .await
                    .map_err(|e| identity_taken(e.into()))?;
                diesel::insert_into(device_inboxes::table)
                    .values(device_inboxes::device_id.eq(id.as_uuid()))
                    .execute(conn)
                    .await?;
                announce(conn, user, id, DeviceChange::Enrolled).await?;
                own(conn, user, id).await
            }
            .scope_boxed()
        })
        .await
}

async fn update(
    chat: &Chat,
    user: UserId,
    request: &pb::UpdateDeviceRequest,
) -> Result<DeviceRow, ChatError> {
    let mut v = FieldViolations::new();
    let id = DeviceId::parse_into(&mut v, "device_id", &request.device_id);
    let paths = request
        .update_mask
        .as_ref()
        .map(|m| m.paths.clone())
        .unwrap_or_default();
    if paths.is_empty() {
        v.add("update_mask", "name label, push_token or both");
    }
    for path in &paths {
        if path != "label" && path != "push_token" {
            v.add(
                "update_mask",
                format!("`{path}` cannot be updated: name label or push_token"),
            );
        }
    }
    let label = check_label(&mut v, "label", &request.label);
    let push_token = check_push_token(&mut v, "push_token", &request.push_token);
    let id = ChatError::checked(v, id)?;
    let set_label = paths.iter().any(|p| p == "label");
    let set_token = paths.iter().any(|p| p == "push_token");
    chat.db
        .transaction("messaging.update_device", |conn| {
            let (label, push_token) = (label.clone(), push_token.clone());
            async move {
                own_for_update(conn, user, id).await?;
                let target = devices::table.filter(devices::id.eq(id.as_uuid()));
                if set_label {
                    diesel::update(target)
                        .set(devices::device_label.eq(&label))
                        .execute(conn)
                        .await?;
                }
                if set_token {
                    diesel::update(target)
                        .set(devices::push_token.eq(&push_token))
                        .execute(conn)
                        .await?;
                }
                announce(conn, user, id, DeviceChange::Updated).await?;
                own(conn, user, id).await
            }
            .scope_boxed()
        })
        .await
}

async fn rotate(
    chat: &Chat,
    user: UserId,
    request: &pb::RotateSignedPrekeyRequest,
) -> Result<DeviceRow, ChatError> {
    let mut v = FieldViolations::new();
    let id = DeviceId::parse_into(&mut v, "device_id", &request.device_id);
    keys::check_len(
        &mut v,
        "signed_prekey",
        &request.signed_prekey,
        keys::KEY_BYTES,
    );
    keys::check_len(
        &mut v,
        "signed_prekey_signature",
        &request.signed_prekey_signature,
        keys::SIGNATURE_BYTES,
    );
    let id = ChatError::checked(v, id)?;
    chat.db
        .transaction("messaging.rotate_signed_prekey", |conn| {
            async move {
                let row = own_for_update(conn, user, id).await?;
                let mut v = FieldViolations::new();
                check_signed_prekey(
                    &mut v,
                    "",
                    row.identity_key_type,
                    &row.identity_pubkey,
                    &request.signed_prekey,
                    &request.signed_prekey_signature,
                );
                v.into_result_with(()).map_err(ChatError::from)?;
                diesel::update(devices::table.filter(devices::id.eq(id.as_uuid())))
                    .set((
                        devices::signed_prekey_pub.eq(request.signed_prekey.to_vec()),
                        devices::signed_prekey_sig.eq(request.signed_prekey_signature.to_vec()),
                    ))
                    .execute(conn)
                    .await?;
                announce(conn, user, id, DeviceChange::Updated).await?;
                own(conn, user, id).await
            }
            .scope_boxed()
        })
        .await
}

async fn reenroll(
    chat: &Chat,
    user: UserId,
    request: &pb::ReenrollDeviceRequest,
) -> Result<DeviceRow, ChatError> {
    let mut v = FieldViolations::new();
    let id = DeviceId::parse_into(&mut v, "device_id", &request.device_id);
    let keys = check_keys(&mut v, "keys", request.keys.as_ref());
    let (prekeys, last_id) =
        check_prekeys(&mut v, "one_time_prekeys", &request.one_time_prekeys, 0);
    let keys = ChatError::checked(v, keys)?;
    let id = id.ok_or_else(|| ChatError::Internal("checked id missing".into()))?;
    let first_id = <[pb::Prekey]>::first(&request.one_time_prekeys).map(|p| p.id);
    let prekeys = serde_json::to_value(&prekeys).map_err(|e| ChatError::Internal(e.to_string()))?;
    chat.db
        .transaction("messaging.reenroll_device", |conn| {
            let (keys, prekeys) = (keys.clone(), prekeys.clone());
            async move {
                let row = own_for_update(conn, user, id).await?;
                if let Some(first) = first_id.filter(|first| *first as i64 <= row.last_prekey_id) {
                    return Err(ChatError::invalid(
                        "one_time_prekeys[0].id",
                        format!(
                            "{first} was used before: ids must be above {}",
                            row.last_prekey_id
                        ),
                    ));
                }
                diesel::update(devices::table.filter(devices::id.eq(id.as_uuid())))
                    .set((
                        devices::identity_key_type.eq(keys.key_type),
                        devices::identity_pubkey.eq(&keys.identity),
                        devices::prekey_pubkey.eq(&keys.last_resort),
                        devices::signed_prekey_pub.eq(&keys.signed_prekey),
                        devices::signed_prekey_sig.eq(&keys.signature),
                        devices::one_time_prekeys.eq(&prekeys),
                        devices::last_prekey_id.eq((last_id as i64).max(row.last_prekey_id)),
                    ))
                    .execute(conn)
                    .await
                    .map_err(|e| identity_taken(e.into()))?;
                // Sessions and handshakes were with the old keys.
                diesel::delete(
                    sessions::table.filter(
                        sessions::sender_device_id
                            .eq(id.as_uuid())
                            .or(sessions::receiver_device_id.eq(id.as_uuid())),
                    ),
                )
                .execute(conn)
                .await?;
                diesel::delete(
                    pending_sessions::table.filter(
                        pending_sessions::sender_device_id
                            .eq(id.as_uuid())
                            .or(pending_sessions::recipient_device_id.eq(id.as_uuid())),
                    ),
                )
                .execute(conn)
                .await?;
                announce(conn, user, id, DeviceChange::Updated).await?;
                own(conn, user, id).await
            }
            .scope_boxed()
        })
        .await
}

async fn upload(
    chat: &Chat,
    user: UserId,
    request: &pb::UploadPrekeysRequest,
) -> Result<DeviceRow, ChatError> {
    let mut v = FieldViolations::new();
    let id = DeviceId::parse_into(&mut v, "device_id", &request.device_id);
    if request.prekeys.is_empty() {
        v.add("prekeys", "required: 1 to 100 prekeys");
    }
    let (prekeys, last_id) = check_prekeys(&mut v, "prekeys", &request.prekeys, 0);
    let id = ChatError::checked(v, id)?;
    let first_id = <[pb::Prekey]>::first(&request.prekeys).map_or(0, |p| p.id) as i64;
    let count = prekeys.len() as i64;
    let prekeys = serde_json::to_value(&prekeys).map_err(|e| ChatError::Internal(e.to_string()))?;
    chat.db
        .transaction("messaging.upload_prekeys", |conn| {
            let prekeys = prekeys.clone();
            async move {
                let row = own_for_update(conn, user, id).await?;
                if first_id <= row.last_prekey_id {
                    return Err(ChatError::invalid(
                        "prekeys[0].id",
                        format!(
                            "{first_id} is not above {}: ids increase and are never reused",
                            row.last_prekey_id
                        ),
                    ));
                }
                if i64::from(row.prekey_count) + count > keys::MAX_PREKEYS_HELD {
                    return Err(ChatError::precondition(
                        "PREKEYS_FULL",
                        format!("devices/{id}"),
                        format!(
                            "a device holds at most {} one-time prekeys; it has {}",
                            keys::MAX_PREKEYS_HELD,
                            row.prekey_count
                        ),
                    ));
                }
                diesel::sql_query(
                    "UPDATE devices SET one_time_prekeys = one_time_prekeys || $2, last_prekey_id = $3 \
                     WHERE id = $1",
                )
                .bind::<diesel::sql_types::Uuid, _>(id.as_uuid())
                .bind::<diesel::sql_types::Jsonb, _>(&prekeys)
                .bind::<diesel::sql_types::BigInt, _>(last_id as i64)
                .execute(conn)
                .await?;
                own(conn, user, id).await
            }
            .scope_boxed()
        })
        .await
}
