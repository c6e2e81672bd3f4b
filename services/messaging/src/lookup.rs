//! Whether users exist, asked of identity with the caller's own session token (LookupUser is a
//! user RPC): messaging keeps no user table of its own.

use tessera_kit::ids::UserId;
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::identity::v1::account_service_client::AccountServiceClient;
use tonic::metadata::MetadataValue;
use tonic::{Code, Request};

use crate::error::ChatError;
use crate::state::Chat;

/// The caller's authorization value, to ask identity on its behalf.
pub fn authorization<T>(request: &Request<T>) -> Option<MetadataValue<tonic::metadata::Ascii>> {
    request.metadata().get("authorization").cloned()
}

/// NOT_FOUND (`user`) unless identity knows every one of `users`.
pub async fn require_users(
    chat: &Chat,
    authorization: Option<&MetadataValue<tonic::metadata::Ascii>>,
    users: &[UserId],
) -> Result<(), ChatError> {
    let (Some(channel), Some(authorization)) = (&chat.identity, authorization) else {
        return Err(ChatError::Unavailable(
            "users cannot be looked up: no identity service is configured".into(),
        ));
    };
    let mut client = AccountServiceClient::new(channel.clone());
    for user in users {
        let mut request = Request::new(id_pb::LookupUserRequest {
            key: Some(id_pb::lookup_user_request::Key::Id(user.to_string())),
        });
        request
            .metadata_mut()
            .insert("authorization", authorization.clone());
        match client.lookup_user(request).await {
            Ok(_) => {}
            Err(status) if status.code() == Code::NotFound => {
                return Err(ChatError::not_found("user", user));
            }
            Err(status) => {
                tracing::warn!(code = ?status.code(), "identity's LookupUser failed");
                return Err(ChatError::Unavailable(
                    "users cannot be looked up now; retry later".into(),
                ));
            }
        }
    }
    Ok(())
}
