//! `tessera.identity.v1.SignInService`: Prelogin, passwords, magic links, the device flow.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

use tessera_kit::convert::timestamp;
use tessera_kit::{auth, error};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::sign_in_service_server::SignInService;
use tonic::{Code, Request, Response, Status};

use crate::accounts::api::{kdf, user};
use crate::device::{self, Pending};
use crate::error::IdentityError;
use crate::sessions::api::issued;
use crate::state::Identity;
use crate::validate;

fn client_address<T>(request: &Request<T>) -> Option<IpAddr> {
    request.remote_addr().map(|a| a.ip())
}

fn client_description(raw: &str) -> Result<String, IdentityError> {
    validate::client_description(raw)
        .map_err(|reason| IdentityError::invalid("client_description", reason))
}

/// RFC 8628 outcomes as gRPC statuses whose ErrorInfo reason is the RFC's error code;
/// `slow_down` also carries RetryInfo with the new interval.
fn pending_status(pending: Pending) -> Status {
    use tonic_types::{ErrorDetails, StatusExt};
    let (code, reason, message) = match pending {
        Pending::AuthorizationPending => (
            Code::FailedPrecondition,
            "authorization_pending",
            "the user has not approved yet",
        ),
        Pending::SlowDown(_) => (
            Code::ResourceExhausted,
            "slow_down",
            "polling too fast; the interval grew by 5 seconds",
        ),
        Pending::AccessDenied => (
            Code::PermissionDenied,
            "access_denied",
            "the user denied the device",
        ),
        Pending::ExpiredToken => (
            Code::FailedPrecondition,
            "expired_token",
            "the device code expired or was already used",
        ),
    };
    let mut metadata = HashMap::new();
    let mut details = ErrorDetails::new();
    if let Pending::SlowDown(interval) = pending {
        metadata.insert("interval_seconds".to_owned(), interval.to_string());
        details.set_retry_info(Some(Duration::from_secs(interval.unsigned_abs().into())));
    }
    details.set_error_info(reason, error::ERROR_DOMAIN, metadata);
    Status::with_error_details(code, message, details)
}

/// See the proto.
#[derive(Debug, Clone)]
pub struct SignInApi(pub Identity);

#[tonic::async_trait]
impl SignInService for SignInApi {
    async fn prelogin(
        &self,
        request: Request<pb::PreloginRequest>,
    ) -> Result<Response<pb::PreloginResponse>, Status> {
        let identifier = validate::identifier(&request.get_ref().identifier)
            .map_err(|reason| IdentityError::invalid("identifier", reason))?;
        let params = self.0.prelogin(&identifier).await?;
        Ok(Response::new(pb::PreloginResponse {
            kdf_params: Some(kdf(&params)),
        }))
    }

    async fn sign_in_with_password(
        &self,
        request: Request<pb::SignInWithPasswordRequest>,
    ) -> Result<Response<pb::SignInWithPasswordResponse>, Status> {
        let address = client_address(&request);
        let request = request.into_inner();
        let identifier = validate::identifier(&request.identifier)
            .map_err(|reason| IdentityError::invalid("identifier", reason))?;
        validate::password(&request.password)
            .map_err(|reason| IdentityError::invalid("password", reason))?;
        let description = client_description(&request.client_description)?;
        let (signed_in, session) = self
            .0
            .sign_in_with_password(&identifier, request.password, &description, address)
            .await?;
        tracing::info!(user_id = %signed_in.id, session_id = %session.id, "signed in");
        Ok(Response::new(pb::SignInWithPasswordResponse {
            session: Some(issued(&session)),
            user: Some(user(&signed_in)),
        }))
    }

    async fn request_magic_link(
        &self,
        request: Request<pb::RequestMagicLinkRequest>,
    ) -> Result<Response<pb::RequestMagicLinkResponse>, Status> {
        let address = client_address(&request);
        let email = validate::email(&request.get_ref().email)
            .map_err(|reason| IdentityError::invalid("email", reason))?;
        let expires_at = self.0.request_magic_link(&email, address).await?;
        Ok(Response::new(pb::RequestMagicLinkResponse {
            expire_time: Some(timestamp(expires_at)),
        }))
    }

    async fn verify_magic_link(
        &self,
        request: Request<pb::VerifyMagicLinkRequest>,
    ) -> Result<Response<pb::VerifyMagicLinkResponse>, Status> {
        let address = client_address(&request);
        let request = request.into_inner();
        let email = validate::email(&request.email)
            .map_err(|reason| IdentityError::invalid("email", reason))?;
        if request.code.is_empty() || request.code.len() > 64 {
            return Err(IdentityError::invalid("code", "must be the code from the link").into());
        }
        let description = client_description(&request.client_description)?;
        let (signed_in, session, created) = self
            .0
            .verify_magic_link(&email, &request.code, &description, address)
            .await?;
        tracing::info!(user_id = %signed_in.id, created, "signed in with a magic link");
        Ok(Response::new(pb::VerifyMagicLinkResponse {
            session: Some(issued(&session)),
            user: Some(user(&signed_in)),
            created,
        }))
    }

    async fn start_device_authorization(
        &self,
        request: Request<pb::StartDeviceAuthorizationRequest>,
    ) -> Result<Response<pb::StartDeviceAuthorizationResponse>, Status> {
        let description = client_description(&request.get_ref().client_description)?;
        let started = self.0.start_device_authorization(&description).await?;
        let uri = &self.0.options.device_verification_uri;
        Ok(Response::new(pb::StartDeviceAuthorizationResponse {
            verification_uri_complete: format!("{uri}?user_code={}", started.user_code),
            verification_uri: uri.clone(),
            device_code: started.device_code,
            user_code: started.user_code,
            interval: Some(prost_types::Duration {
                seconds: started.interval_seconds.into(),
                nanos: 0,
            }),
            expire_time: Some(timestamp(started.expires_at)),
        }))
    }

    async fn poll_device_authorization(
        &self,
        request: Request<pb::PollDeviceAuthorizationRequest>,
    ) -> Result<Response<pb::PollDeviceAuthorizationResponse>, Status> {
        let device_code = &request.get_ref().device_code;
        if device_code.is_empty() {
            return Err(IdentityError::invalid("device_code", "is required").into());
        }
        match self.0.poll_device_authorization(device_code).await? {
            Ok(session) => Ok(Response::new(pb::PollDeviceAuthorizationResponse {
                session: Some(issued(&session)),
            })),
            Err(pending) => Err(pending_status(pending)),
        }
    }

    async fn approve_device_authorization(
        &self,
        request: Request<pb::ApproveDeviceAuthorizationRequest>,
    ) -> Result<Response<pb::ApproveDeviceAuthorizationResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let address = client_address(&request);
        let request = request.into_inner();
        let user_code = device::normalise_user_code(&request.user_code)
            .ok_or_else(|| IdentityError::invalid("user_code", "must look like ABCD-1234"))?;
        let description = self
            .0
            .decide_device_authorization(&caller, &user_code, request.approve, address)
            .await?;
        Ok(Response::new(pb::ApproveDeviceAuthorizationResponse {
            client_description: description,
        }))
    }
}
