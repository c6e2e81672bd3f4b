//! Prelogin and password sign-in.

use std::net::IpAddr;

use tessera_kit::db::ScopedFutureExt;

use crate::accounts::domain::kdf_from_json;
use crate::accounts::{self, KdfParams, KdfProfile, User};
use crate::crypto::{self, Verified};
use crate::error::IdentityError;
use crate::ids::SecurityEventKind;
use crate::security_log;
use crate::sessions::{self, IssuedSession};
use crate::state::Identity;
use crate::throttle::{self, Subjects};
use crate::validate::Identifier;

impl Identity {
    async fn find_user(&self, identifier: &Identifier) -> Result<Option<User>, IdentityError> {
        let identifier = identifier.clone();
        Ok(self
            .db
            .read("find_user", move |conn| {
                async move {
                    match identifier {
                        Identifier::Email(email) => accounts::store::by_email(conn, &email).await,
                        Identifier::Username(username) => {
                            accounts::store::by_username(conn, &username).await
                        }
                    }
                }
                .scope_boxed()
            })
            .await?)
    }

    /// The key-derivation parameters for `identifier`; made up, but stable, for unknown
    /// accounts and accounts without registered parameters.
    pub async fn prelogin(&self, identifier: &Identifier) -> Result<KdfParams, IdentityError> {
        let user = self.find_user(identifier).await?;
        if let Some(params) = user
            .and_then(|u| u.kdf_params)
            .and_then(|v| kdf_from_json(&v))
        {
            return Ok(params);
        }
        let salt = crypto::derive(
            &self.options.secret,
            "prelogin-salt",
            &identifier.normalised(),
        );
        let profile = KdfProfile::OFFERED;
        Ok(KdfParams {
            salt: salt[..profile.salt_bytes].to_vec(),
            memory_kib: profile.memory_kib,
            iterations: profile.iterations,
            parallelism: profile.parallelism,
        })
    }

    /// Checks a password (throttled) and opens a session.
    pub async fn sign_in_with_password(
        &self,
        identifier: &Identifier,
        password: String,
        client_description: &str,
        address: Option<IpAddr>,
    ) -> Result<(User, IssuedSession), IdentityError> {
        let subjects = Subjects::password(&identifier.normalised(), address);
        let now = self.clock.now();
        self.db
            .transaction("sign_in_check", |conn| {
                let subjects = &subjects;
                async move { throttle::check(conn, subjects, now).await }.scope_boxed()
            })
            .await?;
        let user = self.find_user(identifier).await?;
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let verified = self.hasher.verify(password, stored).await?;
        let Some(user) = user.clone().filter(|_| verified != Verified::No) else {
            let known = user.map(|u| u.id);
            self.db
                .transaction("sign_in_failure", |conn| {
                    let subjects = &subjects;
                    async move {
                        let locked = throttle::record_failure(conn, subjects, now).await?;
                        if let Some(user_id) = known {
                            security_log::record(
                                conn,
                                user_id,
                                SecurityEventKind::SignInFailed,
                                address,
                                "password",
                                now,
                            )
                            .await?;
                            if locked {
                                security_log::record(
                                    conn,
                                    user_id,
                                    SecurityEventKind::Lockout,
                                    address,
                                    "",
                                    now,
                                )
                                .await?;
                            }
                        }
                        Ok::<_, IdentityError>(())
                    }
                    .scope_boxed()
                })
                .await?;
            return Err(IdentityError::bad_credentials());
        };
        let (session, issued) = self.new_session(user.id, client_description);
        let rehash = match verified {
            Verified::YesRehashed(hash) => Some(hash),
            _ => None,
        };
        self.db
            .transaction("sign_in_success", |conn| {
                let (subjects, rehash, session) = (&subjects, &rehash, &session);
                async move {
                    throttle::record_success(conn, subjects).await?;
                    let user_id = session.session.user_id;
                    if let Some(hash) = rehash {
                        accounts::store::set_password_hash(conn, user_id, hash).await?;
                    }
                    sessions::store::insert(conn, session).await?;
                    security_log::record(
                        conn,
                        user_id,
                        SecurityEventKind::SignIn,
                        address,
                        "password",
                        now,
                    )
                    .await?;
                    Ok::<_, IdentityError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok((user, issued))
    }
}
