//! KeyBundleService: one bundle per device of a user, each taking one one-time prekey.
//!
//! The target user's device rows are locked (in id order) and each device's first prekey is
//! taken off its list in the same transaction, so under any concurrency a prekey is handed
//! out once; a device with none left gives its last-resort prekey, marked so.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::ratelimit;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::messaging::v1::key_bundle_service_server::KeyBundleService;
use tessera_schema::messaging::devices;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::devices::keys::StoredPrekey;
use crate::devices::store::key_type;
use crate::error::ChatError;
use crate::events::{self, LiveEvent};
use crate::ids::KeyType;
use crate::state::Chat;

/// Below this many one-time prekeys, a device is told to upload more.
pub const KEYS_LOW: i32 = 10;

/// The gRPC face of key bundles.
#[derive(Debug, Clone)]
pub struct BundleApi(pub Chat);

#[derive(Debug, Queryable)]
struct Claimable {
    id: Uuid,
    user_id: Uuid,
    key_type: KeyType,
    identity: Vec<u8>,
    last_resort: Vec<u8>,
    signed_prekey: Vec<u8>,
    signature: Vec<u8>,
    prekeys: serde_json::Value,
}

#[tonic::async_trait]
impl KeyBundleService for BundleApi {
    async fn claim_key_bundles(
        &self,
        request: Request<pb::ClaimKeyBundlesRequest>,
    ) -> Result<Response<pb::ClaimKeyBundlesResponse>, Status> {
        let caller = auth::user(&request)?.user_id;
        let target =
            UserId::parse("user_id", &request.get_ref().user_id).map_err(ChatError::from)?;
        let rate = self.0.config.bundle_rate;
        let bundles = self
            .0
            .db
            .transaction("messaging.claim_key_bundles", |conn| {
                async move {
                    let key = format!("bundles:{caller}:{target}");
                    if let Some(retry_after) = ratelimit::take(conn, &key, rate).await? {
                        return Err(ChatError::Limited {
                            reason: "KEY_BUNDLE_CLAIMS",
                            message: format!(
                                "at most {} key-bundle claims per {:?} for one user",
                                rate.burst, rate.period
                            ),
                            retry_after,
                        });
                    }
                    claim(conn, target).await
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::ClaimKeyBundlesResponse { bundles }))
    }
}

async fn claim(
    conn: &mut AsyncPgConnection,
    target: UserId,
) -> Result<Vec<pb::KeyBundle>, ChatError> {
    let rows: Vec<Claimable> = devices::table
        .filter(devices::user_id.eq(target.as_uuid()))
        .order(devices::id.asc())
        .select((
            devices::id,
            devices::user_id,
            devices::identity_key_type,
            devices::identity_pubkey,
            devices::prekey_pubkey,
            devices::signed_prekey_pub,
            devices::signed_prekey_sig,
            devices::one_time_prekeys,
        ))
        .for_update()
        .load(conn)
        .await?;
    let mut bundles = Vec::with_capacity(rows.len());
    for row in rows {
        let mut prekeys: Vec<StoredPrekey> = serde_json::from_value(row.prekeys)
            .map_err(|e| ChatError::Internal(format!("a stored prekey list is malformed: {e}")))?;
        let (prekey, last_resort) = if prekeys.is_empty() {
            let last_resort = pb::Prekey {
                id: 0,
                key: row.last_resort.clone(),
            };
            (last_resort, true)
        } else {
            let taken = prekeys.remove(0);
            diesel::sql_query(
                "UPDATE devices SET one_time_prekeys = one_time_prekeys - 0 WHERE id = $1",
            )
            .bind::<diesel::sql_types::Uuid, _>(row.id)
            .execute(conn)
            .await?;
            let remaining = i32::try_from(prekeys.len()).unwrap_or(i32::MAX);
            if remaining < KEYS_LOW {
                let event = LiveEvent::KeysLow {
                    device_id: row.id,
                    remaining,
                };
                events::announce(conn, &event).await?;
            }
            (taken.to_pb(), false)
        };
        bundles.push(pb::KeyBundle {
            device_id: row.id.to_string(),
            user_id: row.user_id.to_string(),
            keys: Some(pb::DeviceKeys {
                identity_key_type: key_type(row.key_type) as i32,
                identity_key: row.identity,
                last_resort_prekey: row.last_resort,
                signed_prekey: row.signed_prekey,
                signed_prekey_signature: row.signature,
            }),
            prekey: Some(prekey),
            last_resort,
        });
    }
    Ok(bundles)
}
