//! Quota reservations under concurrency: however many uploads race, the committed sizes never
//! pass a limit; releases and deletes always go through, even over a lowered limit.

use futures::future::join_all;
use tessera_kit::Db;
use tessera_kit::db::ScopedFutureExt;
use tessera_testkit::TestDb;
use tessera_vault_storage::quotas::{self, Owner, Quota, QuotaError};
use uuid::Uuid;

fn vault_db(db: &TestDb) -> Db {
    let mut settings = db.service_settings("vault");
    settings.max_connections = 24;
    Db::new(&settings).expect("pool")
}

/// A local volume with `limit` bytes (None: unlimited).
async fn volume(db: &TestDb, limit: Option<i64>) -> Uuid {
    let (path, volume) = (Uuid::now_v7(), Uuid::now_v7());
    let limit = limit.map_or("NULL".to_owned(), |l| l.to_string());
    db.client()
        .await
        .batch_execute(&format!(
            "INSERT INTO vault.local_paths (id, path) VALUES ('{path}', '/srv/{path}');
             INSERT INTO vault.storage_volumes (id, name, driver, config, quota_limit)
             VALUES ('{volume}', 'v-{volume}', 'local', '{{\"local_path_id\": \"{path}\"}}', {limit})"
        ))
        .await
        .expect("volume");
    volume
}

/// One upload's quota work: reserve, hold the reservation a moment (the bytes arriving), then
/// commit it. Returns whether the reservation was granted.
async fn upload(pool: &Db, volume: Uuid, owner: Owner, bytes: i64) -> Result<(), QuotaError> {
    pool.transaction("reserve", |conn| {
        let owner = owner.clone();
        async move {
            quotas::reserve(conn, volume, &owner, bytes).await?;
            diesel_async::RunQueryDsl::execute(diesel::sql_query("SELECT pg_sleep(0.02)"), conn)
                .await?;
            Ok::<_, QuotaError>(())
        }
        .scope_boxed()
    })
    .await?;
    pool.transaction("commit", |conn| {
        let owner = owner.clone();
        async move { quotas::settle(conn, volume, &owner, bytes, bytes).await }.scope_boxed()
    })
    .await
}

async fn usage(db: &TestDb, table: &str, volume: Uuid) -> (i64, i64) {
    let row = db
        .client()
        .await
        .query_one(
            &format!(
                "SELECT coalesce(sum(quota_used), 0)::bigint, coalesce(sum(quota_reserved), 0)::bigint FROM vault.{table} WHERE {} = '{volume}'",
                if table == "storage_volumes" { "id" } else { "volume_id" }
            ),
            &[],
        )
        .await
        .expect("usage");
    (row.get(0), row.get(1))
}

#[tokio::test]
async fn twenty_concurrent_uploads_against_room_for_seven_commit_exactly_seven() {
    let db = TestDb::new().await;
    let pool = vault_db(&db);
    let volume = volume(&db, Some(700)).await;
    let uploads = (0..20).map(|_| {
        let owner = Owner {
            user_id: Some(Uuid::now_v7()),
            app_id: None,
        };
        upload(&pool, volume, owner, 100)
    });
    let results = join_all(uploads).await;
    let granted = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(granted, 7);
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert!(
            matches!(
                refused,
                QuotaError::Exceeded {
                    quota: Quota::Volume,
                    bytes: 100
                }
            ),
            "{refused:?}"
        );
    }
    assert_eq!(usage(&db, "storage_volumes", volume).await, (700, 0));
    assert_eq!(usage(&db, "user_quotas", volume).await, (700, 0));
}

#[tokio::test]
async fn a_users_and_an_apps_limit_bind_on_their_own() {
    let db = TestDb::new().await;
    let pool = vault_db(&db);
    let volume = volume(&db, None).await;
    let (user, other) = (Uuid::now_v7(), Uuid::now_v7());
    db.client()
        .await
        .batch_execute(&format!(
            "INSERT INTO vault.user_quotas (id, user_id, volume_id, quota_limit) VALUES (gen_random_uuid(), '{user}', '{volume}', 250);
             INSERT INTO vault.app_quotas (id, app_id, volume_id, quota_limit) VALUES (gen_random_uuid(), 'chat', '{volume}', 300)"
        ))
        .await
        .expect("limits");
    let as_user = |user_id| Owner {
        user_id: Some(user_id),
        app_id: None,
    };
    let results = join_all((0..5).map(|_| upload(&pool, volume, as_user(user), 100))).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        2,
        "250 fits two"
    );
    assert!(results.iter().any(|r| matches!(
        r,
        Err(QuotaError::Exceeded {
            quota: Quota::User,
            ..
        })
    )));
    upload(&pool, volume, as_user(other), 1000)
        .await
        .expect("another user has no limit");

    let via_chat = |user_id| Owner {
        user_id: Some(user_id),
        app_id: Some("chat".into()),
    };
    let results =
        join_all((0..5).map(|_| upload(&pool, volume, via_chat(Uuid::now_v7()), 100))).await;
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        3,
        "the app's 300"
    );
    assert_eq!(usage(&db, "app_quotas", volume).await, (300, 0));
    // A refused reservation leaves nothing behind on the quotas it had already passed.
    assert_eq!(
        usage(&db, "storage_volumes", volume).await,
        (200 + 1000 + 300, 0)
    );
}

#[tokio::test]
async fn releases_and_deletes_always_go_through_even_over_a_lowered_limit() {
    let db = TestDb::new().await;
    let pool = vault_db(&db);
    let volume = volume(&db, Some(1000)).await;
    let owner = Owner {
        user_id: Some(Uuid::now_v7()),
        app_id: None,
    };
    upload(&pool, volume, owner.clone(), 600)
        .await
        .expect("upload");
    // A failed upload releases its reservation.
    pool.transaction("reserve", |conn| {
        let owner = owner.clone();
        async move { quotas::reserve(conn, volume, &owner, 300).await }.scope_boxed()
    })
    .await
    .expect("reserve");
    assert_eq!(usage(&db, "storage_volumes", volume).await, (600, 300));
    pool.transaction("release", |conn| {
        let owner = owner.clone();
        async move { quotas::settle(conn, volume, &owner, 300, 0).await }.scope_boxed()
    })
    .await
    .expect("release");
    assert_eq!(usage(&db, "storage_volumes", volume).await, (600, 0));

    // The operator lowers the limit below what is used: deletes still free space.
    db.client()
        .await
        .batch_execute(&format!(
            "UPDATE vault.storage_volumes SET quota_limit = 100 WHERE id = '{volume}'"
        ))
        .await
        .expect("lower");
    pool.transaction("delete", |conn| {
        let owner = owner.clone();
        async move { quotas::settle(conn, volume, &owner, 0, -200).await }.scope_boxed()
    })
    .await
    .expect("a delete is never refused");
    assert_eq!(usage(&db, "storage_volumes", volume).await, (400, 0));
    assert_eq!(usage(&db, "user_quotas", volume).await, (400, 0));
    assert!(matches!(
        upload(&pool, volume, owner, 1).await,
        Err(QuotaError::Exceeded {
            quota: Quota::Volume,
            ..
        })
    ));
}
