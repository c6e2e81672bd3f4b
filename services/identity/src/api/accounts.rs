//! `tessera.identity.v1.AccountService`.

use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::account_service_server::AccountService;
use tonic::{Request, Response, Status};

use super::{client_address, issued, parse_uuid, signed_in, user};
use crate::error::IdentityError;
use crate::service::{AccountChanges, Identity, KdfParams, NewAccount};
use crate::validate;

/// See the proto.
#[derive(Debug, Clone)]
pub struct AccountApi(pub Identity);

fn kdf_params(params: &pb::KdfParams, v: &mut FieldViolations) -> KdfParams {
    v.require(
        (16..=64).contains(&params.salt.len()),
        "kdf_params.salt",
        "must be 16 to 64 bytes",
    );
    v.require(
        (19_456..=1_048_576).contains(&params.memory_kib),
        "kdf_params.memory_kib",
        "must be 19456 to 1048576",
    );
    v.require(
        (2..=10).contains(&params.iterations),
        "kdf_params.iterations",
        "must be 2 to 10",
    );
    v.require(
        (1..=16).contains(&params.parallelism),
        "kdf_params.parallelism",
        "must be 1 to 16",
    );
    KdfParams {
        salt: params.salt.clone(),
        memory_kib: params.memory_kib,
        iterations: params.iterations,
        parallelism: params.parallelism,
    }
}

fn checked<T>(v: &mut FieldViolations, field: &str, result: Result<T, &str>) -> Option<T> {
    result.map_err(|reason| v.add(field, reason)).ok()
}

fn new_account(request: pb::CreateAccountRequest) -> Result<NewAccount, IdentityError> {
    let mut v = FieldViolations::new();
    let email = (!request.email.is_empty())
        .then(|| checked(&mut v, "email", validate::email(&request.email)))
        .flatten();
    let username = (!request.username.is_empty())
        .then(|| checked(&mut v, "username", validate::username(&request.username)))
        .flatten();
    if request.email.is_empty() && request.username.is_empty() {
        v.add("email", "an email address or a username is required");
    }
    checked(&mut v, "password", validate::password(&request.password));
    let display_name = checked(
        &mut v,
        "display_name",
        validate::display_name(&request.display_name),
    )
    .unwrap_or_default();
    let picture_url = checked(
        &mut v,
        "picture_url",
        validate::picture_url(&request.picture_url),
    )
    .unwrap_or_default();
    let public_key = request
        .public_key
        .as_ref()
        .and_then(|k| checked(&mut v, "public_key", validate::public_jwk(k)));
    let kdf_params = request.kdf_params.as_ref().map(|p| kdf_params(p, &mut v));
    let client_description = checked(
        &mut v,
        "client_description",
        validate::client_description(&request.client_description),
    )
    .unwrap_or_default();
    if !v.is_empty() {
        return Err(IdentityError::Invalid(v));
    }
    Ok(NewAccount {
        email,
        username,
        password: request.password,
        display_name,
        picture_url,
        public_key,
        kdf_params,
        client_description,
    })
}

fn changes(request: pb::UpdateAccountRequest) -> Result<AccountChanges, IdentityError> {
    let mask = request.update_mask.map(|m| m.paths).unwrap_or_default();
    if mask.is_empty() {
        return Err(IdentityError::invalid(
            "update_mask",
            "name at least one field to update",
        ));
    }
    let given = request.user.unwrap_or_default();
    let mut v = FieldViolations::new();
    let mut changes = AccountChanges::default();
    for path in &mask {
        match path.as_str() {
            "display_name" => {
                changes.display_name = checked(
                    &mut v,
                    "user.display_name",
                    validate::display_name(&given.display_name),
                )
            }
            "picture_url" => {
                changes.picture_url = checked(
                    &mut v,
                    "user.picture_url",
                    validate::picture_url(&given.picture_url),
                )
            }
            "public_key" => {
                changes.public_key = Some(match &given.public_key {
                    None => None,
                    Some(key) => checked(&mut v, "user.public_key", validate::public_jwk(key)),
                })
            }
            "username" => {
                changes.username = Some(if given.username.is_empty() {
                    None
                } else {
                    checked(&mut v, "user.username", validate::username(&given.username))
                })
            }
            "email" => {
                changes.email = Some(if given.email.is_empty() {
                    None
                } else {
                    checked(&mut v, "user.email", validate::email(&given.email))
                })
            }
            other => {
                v.add("update_mask", format!("{other} is not an updatable field"));
            }
        }
    }
    // An account must keep a way to be named.
    if changes.email == Some(None) && changes.username == Some(None) {
        v.add(
            "update_mask",
            "an account keeps an email address or a username",
        );
    }
    if v.is_empty() {
        Ok(changes)
    } else {
        Err(IdentityError::Invalid(v))
    }
}

#[tonic::async_trait]
impl AccountService for AccountApi {
    async fn create_account(
        &self,
        request: Request<pb::CreateAccountRequest>,
    ) -> Result<Response<pb::CreateAccountResponse>, Status> {
        let account = new_account(request.into_inner())?;
        let (row, session) = self.0.create_account(account).await?;
        tracing::info!(user_id = %row.id, "account created");
        Ok(Response::new(pb::CreateAccountResponse {
            user: Some(user(&row)),
            session: Some(issued(&session)),
        }))
    }

    async fn get_account(
        &self,
        request: Request<pb::GetAccountRequest>,
    ) -> Result<Response<pb::GetAccountResponse>, Status> {
        let (_, row) = signed_in(&self.0, request.metadata()).await?;
        Ok(Response::new(pb::GetAccountResponse {
            user: Some(user(&row)),
        }))
    }

    async fn update_account(
        &self,
        request: Request<pb::UpdateAccountRequest>,
    ) -> Result<Response<pb::UpdateAccountResponse>, Status> {
        let (principal, current) = signed_in(&self.0, request.metadata()).await?;
        let changes = changes(request.into_inner())?;
        // The stored side of "keeps an email or a username" (a mask may clear just one).
        let keeps_email = changes
            .email
            .clone()
            .unwrap_or(current.email.clone())
            .is_some();
        let keeps_username = changes
            .username
            .clone()
            .unwrap_or(current.username.clone())
            .is_some();
        if !keeps_email && !keeps_username {
            return Err(IdentityError::invalid(
                "update_mask",
                "an account keeps an email address or a username",
            )
            .into());
        }
        let row = self.0.update_account(&principal, changes).await?;
        Ok(Response::new(pb::UpdateAccountResponse {
            user: Some(user(&row)),
        }))
    }

    async fn lookup_user(
        &self,
        request: Request<pb::LookupUserRequest>,
    ) -> Result<Response<pb::LookupUserResponse>, Status> {
        signed_in(&self.0, request.metadata()).await?;
        let (id, username) = match request.into_inner().key {
            Some(pb::lookup_user_request::Key::Id(id)) => (Some(parse_uuid("id", &id)?), None),
            Some(pb::lookup_user_request::Key::Username(name)) => {
                let name = validate::username(&name)
                    .map_err(|reason| IdentityError::invalid("username", reason))?;
                (None, Some(name))
            }
            None => return Err(IdentityError::invalid("key", "set id or username").into()),
        };
        let shown = id
            .map(|i| i.to_string())
            .or(username.clone())
            .unwrap_or_default();
        let row = self
            .0
            .lookup(id, username)
            .await?
            .ok_or(IdentityError::NotFound {
                resource: "user",
                name: shown,
            })?;
        Ok(Response::new(pb::LookupUserResponse {
            profile: Some(pb::PublicProfile {
                id: row.id.to_string(),
                username: row.username.clone().unwrap_or_default(),
                display_name: row.display_name.clone(),
                picture_url: row.picture_url.clone(),
                public_key: row.public_key.as_ref().map(validate::json_to_struct),
            }),
        }))
    }

    async fn delete_account(
        &self,
        request: Request<pb::DeleteAccountRequest>,
    ) -> Result<Response<pb::DeleteAccountResponse>, Status> {
        let (principal, row) = signed_in(&self.0, request.metadata()).await?;
        let address = client_address(&request);
        let password = request.into_inner().password;
        if row.password_hash.is_some() && password.is_empty() {
            return Err(IdentityError::invalid(
                "password",
                "is required to delete an account with a password",
            )
            .into());
        }
        self.0
            .delete_account(&principal, &row, password, address)
            .await?;
        Ok(Response::new(pb::DeleteAccountResponse {}))
    }
}
