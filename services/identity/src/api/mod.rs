//! tonic implementations: validate and convert requests, call the domain, convert results.

mod accounts;
mod api_keys;
mod events;
mod internal;
mod security_events;
mod sessions;
mod sign_in;

pub use accounts::AccountApi;
pub use api_keys::ApiKeyApi;
pub use events::{EventApi, HEARTBEAT_INTERVAL};
pub use internal::{AntiReplayApi, ApiKeyVaultApi, IntrospectionApi};
pub use security_events::SecurityEventApi;
pub use sessions::SessionApi;
pub use sign_in::SignInApi;

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use tessera_kit::auth::bearer;
use tessera_proto::tessera::identity::v1 as pb;
use tonic::Status;
use tonic::metadata::MetadataMap;

use crate::error::IdentityError;
use crate::service::{Identity, IssuedSession, KdfParams, Principal};
use crate::store::UserRow;
use crate::validate;

/// The signed-in user making a request.
async fn signed_in(
    identity: &Identity,
    metadata: &MetadataMap,
) -> Result<(Principal, UserRow), Status> {
    let token = bearer(metadata).ok_or_else(|| {
        tessera_kit::error::unauthenticated(
            "CREDENTIALS_MISSING",
            "send authorization: Bearer <session token>",
        )
    })?;
    Ok(identity.authenticate(token).await?)
}

/// The calling service of an internal RPC; user tokens are refused.
fn calling_service<'a>(identity: &'a Identity, metadata: &MetadataMap) -> Result<&'a str, Status> {
    let token = bearer(metadata).ok_or_else(|| {
        tessera_kit::error::unauthenticated(
            "SERVICE_CREDENTIAL_REQUIRED",
            "send authorization: Bearer <service token>",
        )
    })?;
    identity
        .service_for(token)
        .ok_or_else(|| Status::permission_denied("this RPC is only for Tessera services"))
}

fn client_address<T>(request: &tonic::Request<T>) -> Option<IpAddr> {
    request.remote_addr().map(|a| a.ip())
}

fn timestamp(at: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: at.timestamp(),
        nanos: at.timestamp_subsec_nanos() as i32,
    }
}

fn tier(tier: &str) -> pb::SubscriptionTier {
    match tier {
        "pro" => pb::SubscriptionTier::Pro,
        "team" => pb::SubscriptionTier::Team,
        _ => pb::SubscriptionTier::Free,
    }
}

fn user(row: &UserRow) -> pb::User {
    pb::User {
        id: row.id.to_string(),
        email: row.email.clone().unwrap_or_default(),
        username: row.username.clone().unwrap_or_default(),
        display_name: row.display_name.clone(),
        picture_url: row.picture_url.clone(),
        public_key: row.public_key.as_ref().map(validate::json_to_struct),
        subscription_tier: tier(&row.subscription_tier) as i32,
        has_password: row.password_hash.is_some(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

fn issued(session: &IssuedSession) -> pb::IssuedSession {
    pb::IssuedSession {
        session_id: session.id.to_string(),
        token: session.token.clone(),
        expire_time: Some(timestamp(session.expires_at)),
    }
}

fn kdf(params: &KdfParams) -> pb::KdfParams {
    pb::KdfParams {
        salt: params.salt.clone(),
        memory_kib: params.memory_kib,
        iterations: params.iterations,
        parallelism: params.parallelism,
    }
}

fn parse_uuid(field: &str, raw: &str) -> Result<uuid::Uuid, IdentityError> {
    raw.parse()
        .map_err(|_| IdentityError::invalid(field, "must be a UUID"))
}
