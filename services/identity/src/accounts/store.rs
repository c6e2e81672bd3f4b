//! Queries on `identity.users`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use tessera_kit::DbError;
use tessera_kit::ids::{Tier, UserId};
use tessera_schema::identity::users;

use super::domain::{AccountChanges, User};

#[derive(Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
struct UserRow {
    id: UserId,
    email: Option<String>,
    username: Option<String>,
    display_name: String,
    picture_url: String,
    password_hash: Option<String>,
    kdf_params: Option<Value>,
    public_key: Option<Value>,
    subscription_tier: Tier,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<UserRow> for User {
    fn from(row: UserRow) -> Self {
        Self {
            id: row.id,
            email: row.email,
            username: row.username,
            display_name: row.display_name,
            picture_url: row.picture_url,
            password_hash: row.password_hash,
            kdf_params: row.kdf_params,
            public_key: row.public_key,
            tier: row.subscription_tier,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUserRow<'a> {
    id: UserId,
    email: Option<&'a str>,
    username: Option<&'a str>,
    display_name: &'a str,
    picture_url: &'a str,
    password_hash: Option<&'a str>,
    kdf_params: Option<&'a Value>,
    public_key: Option<&'a Value>,
    subscription_tier: Tier,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Changes to a user; `None` leaves a column as it is.
#[derive(Default, AsChangeset)]
#[diesel(table_name = users)]
struct UserChangeset<'a> {
    email: Option<Option<&'a str>>,
    username: Option<Option<&'a str>>,
    display_name: Option<&'a str>,
    picture_url: Option<&'a str>,
    public_key: Option<Option<&'a Value>>,
    password_hash: Option<&'a str>,
    updated_at: Option<DateTime<Utc>>,
}

pub async fn insert(conn: &mut AsyncPgConnection, user: &User) -> Result<User, DbError> {
    let row = NewUserRow {
        id: user.id,
        email: user.email.as_deref(),
        username: user.username.as_deref(),
        display_name: &user.display_name,
        picture_url: &user.picture_url,
        password_hash: user.password_hash.as_deref(),
        kdf_params: user.kdf_params.as_ref(),
        public_key: user.public_key.as_ref(),
        subscription_tier: user.tier,
        created_at: user.created_at,
        updated_at: user.updated_at,
    };
    Ok(diesel::insert_into(users::table)
        .values(row)
        .returning(UserRow::as_returning())
        .get_result(conn)
        .await?
        .into())
}

pub async fn by_id(conn: &mut AsyncPgConnection, id: UserId) -> Result<Option<User>, DbError> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?
        .map(User::from))
}

pub async fn by_email(conn: &mut AsyncPgConnection, email: &str) -> Result<Option<User>, DbError> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?
        .map(User::from))
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>);

pub async fn by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> Result<Option<User>, DbError> {
    // Matches the case-insensitive unique index users_username_key.
    Ok(users::table
        .filter(lower(users::username).eq(username.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?
        .map(User::from))
}

/// Applies profile changes; `None` when the user is gone.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: UserId,
    changes: &AccountChanges,
    now: DateTime<Utc>,
) -> Result<Option<User>, DbError> {
    let changeset = UserChangeset {
        email: changes.email.as_ref().map(Option::as_deref),
        username: changes.username.as_ref().map(Option::as_deref),
        display_name: changes.display_name.as_deref(),
        picture_url: changes.picture_url.as_deref(),
        public_key: changes.public_key.as_ref().map(Option::as_ref),
        password_hash: None,
        updated_at: Some(now),
    };
    Ok(diesel::update(users::table.find(id))
        .set(changeset)
        .returning(UserRow::as_returning())
        .get_result(conn)
        .await
        .optional()?
        .map(User::from))
}

/// Replaces the password hash (an upgrade of an older hash at sign-in).
pub async fn set_password_hash(
    conn: &mut AsyncPgConnection,
    id: UserId,
    hash: &str,
) -> Result<(), DbError> {
    diesel::update(users::table.find(id))
        .set(UserChangeset {
            password_hash: Some(hash),
            ..UserChangeset::default()
        })
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut AsyncPgConnection, id: UserId) -> Result<bool, DbError> {
    Ok(diesel::delete(users::table.find(id)).execute(conn).await? == 1)
}
