//! `tessera.identity.v1.SignInService`.

use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::sign_in_service_server::SignInService;
use tonic::{Request, Response, Status};

use super::{client_address, issued, kdf, user};
use crate::error::IdentityError;
use crate::service::Identity;
use crate::validate;

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
        let description = request.client_description.trim();
        if description.chars().count() > 200 || description.chars().any(char::is_control) {
            return Err(IdentityError::invalid(
                "client_description",
                "must be at most 200 characters without control characters",
            )
            .into());
        }
        let (row, session) = self
            .0
            .sign_in_with_password(&identifier, request.password, description, address)
            .await?;
        tracing::info!(user_id = %row.id, session_id = %session.id, "signed in");
        Ok(Response::new(pb::SignInWithPasswordResponse {
            session: Some(issued(&session)),
            user: Some(user(&row)),
        }))
    }
}
