//! `tessera.identity.v1.AccountService`, and the account messages other APIs return.

use tessera_kit::auth;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::{Tier, UserId};
use tessera_proto::tessera::identity::v1 as pb;
use tessera_proto::tessera::identity::v1::account_service_server::AccountService;
use tonic::{Request, Response, Status};

use super::{AccountChanges, KdfParams, KdfProfile, NewAccount, User};
use crate::error::IdentityError;
use crate::sessions::api::issued;
use crate::state::Identity;
use crate::validate;

/// See the proto.
#[derive(Debug, Clone)]
pub struct AccountApi(pub Identity);

/// The one mapping of plans to the wire.
pub fn tier(tier: Tier) -> pb::SubscriptionTier {
    match tier {
        Tier::Free => pb::SubscriptionTier::Free,
        Tier::Pro => pb::SubscriptionTier::Pro,
        Tier::Team => pb::SubscriptionTier::Team,
    }
}

/// A user as its owner sees it.
pub fn user(user: &User) -> pb::User {
    pb::User {
        id: user.id.to_string(),
        email: user.email.clone().unwrap_or_default(),
        username: user.username.clone().unwrap_or_default(),
        display_name: user.display_name.clone(),
        picture_url: user.picture_url.clone(),
        public_key: user.public_key.as_ref().map(json_to_struct),
        subscription_tier: tier(user.tier) as i32,
        has_password: user.password_hash.is_some(),
        create_time: Some(timestamp(user.created_at)),
        update_time: Some(timestamp(user.updated_at)),
    }
}

/// Key-derivation parameters on the wire.
pub fn kdf(params: &KdfParams) -> pb::KdfParams {
    pb::KdfParams {
        salt: params.salt.clone(),
        memory_kib: params.memory_kib,
        iterations: params.iterations,
        parallelism: params.parallelism,
    }
}

/// Only the profile the server offers is accepted, so Prelogin's answer for a real account
/// looks exactly like its made-up answer for an unknown one.
fn kdf_params(params: &pb::KdfParams, v: &mut FieldViolations) -> KdfParams {
    let profile = KdfProfile::OFFERED;
    v.require(
        params.salt.len() == profile.salt_bytes,
        "kdf_params.salt",
        "must be 16 random bytes",
    );
    v.require(
        params.memory_kib == profile.memory_kib,
        "kdf_params.memory_kib",
        "must be 19456 (the profile Prelogin offers)",
    );
    v.require(
        params.iterations == profile.iterations,
        "kdf_params.iterations",
        "must be 2 (the profile Prelogin offers)",
    );
    v.require(
        params.parallelism == profile.parallelism,
        "kdf_params.parallelism",
        "must be 1 (the profile Prelogin offers)",
    );
    KdfParams {
        salt: params.salt.clone(),
        memory_kib: params.memory_kib,
        iterations: params.iterations,
        parallelism: params.parallelism,
    }
}

fn checked<T, E: std::fmt::Display>(
    v: &mut FieldViolations,
    field: &str,
    result: Result<T, E>,
) -> Option<T> {
    result
        .map_err(|reason| v.add(field, reason.to_string()))
        .ok()
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
        let (created, session) = self.0.create_account(account).await?;
        tracing::info!(user_id = %created.id, "account created");
        Ok(Response::new(pb::CreateAccountResponse {
            user: Some(user(&created)),
            session: Some(issued(&session)),
        }))
    }

    async fn get_account(
        &self,
        request: Request<pb::GetAccountRequest>,
    ) -> Result<Response<pb::GetAccountResponse>, Status> {
        let found = self.0.account(auth::user(&request)?).await?;
        Ok(Response::new(pb::GetAccountResponse {
            user: Some(user(&found)),
        }))
    }

    async fn update_account(
        &self,
        request: Request<pb::UpdateAccountRequest>,
    ) -> Result<Response<pb::UpdateAccountResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let changes = changes(request.into_inner())?;
        let updated = self.0.update_account(&caller, changes).await?;
        Ok(Response::new(pb::UpdateAccountResponse {
            user: Some(user(&updated)),
        }))
    }

    async fn lookup_user(
        &self,
        request: Request<pb::LookupUserRequest>,
    ) -> Result<Response<pb::LookupUserResponse>, Status> {
        let (id, username) = match request.into_inner().key {
            Some(pb::lookup_user_request::Key::Id(id)) => (
                Some(UserId::parse("id", &id).map_err(IdentityError::from)?),
                None,
            ),
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
        let found = self
            .0
            .lookup(id, username)
            .await?
            .ok_or(IdentityError::NotFound {
                resource: UserId::RESOURCE,
                name: shown,
            })?;
        Ok(Response::new(pb::LookupUserResponse {
            profile: Some(pb::PublicProfile {
                id: found.id.to_string(),
                username: found.username.clone().unwrap_or_default(),
                display_name: found.display_name.clone(),
                picture_url: found.picture_url.clone(),
                public_key: found.public_key.as_ref().map(json_to_struct),
            }),
        }))
    }

    async fn delete_account(
        &self,
        request: Request<pb::DeleteAccountRequest>,
    ) -> Result<Response<pb::DeleteAccountResponse>, Status> {
        let caller = auth::user(&request)?.clone();
        let address = request.remote_addr().map(|a| a.ip());
        let password = request.into_inner().password;
        self.0.delete_account(&caller, password, address).await?;
        Ok(Response::new(pb::DeleteAccountResponse {}))
    }
}
