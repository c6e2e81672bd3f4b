//! SetQuota: operators set the limit of a user or an app on one volume.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{app_quotas, user_quotas};
use uuid::Uuid;

use crate::error::StorageError;
use crate::ids::VolumeId;
use crate::state::Storage;
use crate::volumes;

/// SetQuota: a user's or an app's limit on one volume (usage is kept).
pub async fn set_quota(
    storage: &Storage,
    request: &pb::SetQuotaRequest,
) -> Result<pb::Quota, StorageError> {
    use pb::quota::Subject;
    let input = request
        .quota
        .clone()
        .ok_or_else(|| StorageError::invalid("quota", "required"))?;
    let mut v = FieldViolations::new();
    let volume = VolumeId::parse_into(&mut v, "quota.volume_id", &input.volume_id);
    let subject = match &input.subject {
        Some(Subject::UserId(user)) => {
            tessera_kit::ids::UserId::parse_into(&mut v, "quota.user_id", user)
                .map(|u| Subject::UserId(u.to_string()))
        }
        Some(Subject::AppId(app)) => {
            v.require(
                super::backend_input::plain(app, 100),
                "quota.app_id",
                "1 to 100 bytes",
            );
            Some(Subject::AppId(app.clone()))
        }
        None => {
            v.add("quota.subject", "one of user_id or app_id is required");
            None
        }
    };
    v.require(
        input.quota_limit.is_none_or(|l| l >= 0),
        "quota.quota_limit",
        "must not be negative",
    );
    let (Some(volume), Some(subject), true) = (volume, subject, v.is_empty()) else {
        return Err(v.into());
    };
    let limit = input.quota_limit;
    storage
        .db
        .transaction("set_quota", |conn| {
            let subject = subject.clone();
            async move {
                volumes::load(conn, volume)
                    .await?
                    .ok_or_else(|| StorageError::not_found("volume", volume))?;
                let (used, reserved) = match &subject {
                    Subject::UserId(user) => {
                        let user: Uuid = user
                            .parse()
                            .map_err(|_| StorageError::invalid("quota.user_id", "not a UUID"))?;
                        diesel::insert_into(user_quotas::table)
                            .values((
                                user_quotas::id.eq(Uuid::now_v7()),
                                user_quotas::user_id.eq(user),
                                user_quotas::volume_id.eq(volume),
                                user_quotas::quota_limit.eq(limit),
                            ))
                            .on_conflict((user_quotas::user_id, user_quotas::volume_id))
                            .do_update()
                            .set((
                                user_quotas::quota_limit.eq(limit),
                                user_quotas::updated_at.eq(Utc::now()),
                            ))
                            .returning((user_quotas::quota_used, user_quotas::quota_reserved))
                            .get_result::<(i64, i64)>(conn)
                            .await?
                    }
                    Subject::AppId(app) => {
                        diesel::insert_into(app_quotas::table)
                            .values((
                                app_quotas::id.eq(Uuid::now_v7()),
                                app_quotas::app_id.eq(app),
                                app_quotas::volume_id.eq(volume),
                                app_quotas::quota_limit.eq(limit),
                            ))
                            .on_conflict((app_quotas::app_id, app_quotas::volume_id))
                            .do_update()
                            .set((
                                app_quotas::quota_limit.eq(limit),
                                app_quotas::updated_at.eq(Utc::now()),
                            ))
                            .returning((app_quotas::quota_used, app_quotas::quota_reserved))
                            .get_result::<(i64, i64)>(conn)
                            .await?
                    }
                };
                Ok(pb::Quota {
                    volume_id: volume.to_string(),
                    subject: Some(subject),
                    quota_limit: limit,
                    quota_used: used,
                    quota_reserved: reserved,
                })
            }
            .scope_boxed()
        })
        .await
}
