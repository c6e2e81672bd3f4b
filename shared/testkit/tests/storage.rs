//! Typed values through Diesel on real PostgreSQL: ids and closed sets read and written as
//! their column types, values outside a closed set refused on read, and secrets re-sealed
//! under a new primary key a batch at a time.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::db::{DbSettings, ScopedFutureExt};
use tessera_kit::ids::{Tier, UserId};
use tessera_kit::keyring::{self, KeyRing};
use tessera_testkit::TestDb;

diesel::table! {
    scratch (id) {
        id -> Uuid,
        owner -> Nullable<Uuid>,
        tier -> Text,
        secret -> Text,
    }
}

#[derive(Debug, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = scratch, check_for_backend(diesel::pg::Pg))]
struct Row {
    id: UserId,
    owner: Option<UserId>,
    tier: Tier,
    secret: String,
}

async fn pool(db: &TestDb) -> tessera_kit::Db {
    db.client()
        .await
        .batch_execute(
            "CREATE TABLE public.scratch (id uuid PRIMARY KEY, owner uuid, tier text NOT NULL, secret text NOT NULL)",
        )
        .await
        .expect("scratch table");
    let mut settings = DbSettings::from_config(&db.config(), "storage-test", "public");
    settings.role = None;
    tessera_kit::Db::new(&settings).expect("pool")
}

#[tokio::test]
async fn typed_ids_and_closed_sets_round_trip_and_unknown_values_are_refused() {
    let db = TestDb::new().await;
    let pool = pool(&db).await;
    let row = Row {
        id: UserId::new(),
        owner: Some(UserId::new()),
        tier: Tier::Team,
        secret: String::new(),
    };
    let id = row.id;
    let read: Row = pool
        .transaction("roundtrip", |conn| {
            let row = &row;
            async move {
                diesel::insert_into(scratch::table)
                    .values(row)
                    .execute(conn)
                    .await?;
                // Filters take the typed id directly.
                Ok::<_, DbError>(
                    scratch::table
                        .filter(scratch::id.eq(id))
                        .select(Row::as_select())
                        .first(conn)
                        .await?,
                )
            }
            .scope_boxed()
        })
        .await
        .expect("round trip");
    assert_eq!(read, row);

    db.client()
        .await
        .batch_execute("UPDATE public.scratch SET tier = 'platinum'")
        .await
        .expect("corrupt");
    let refused = pool
        .read("unknown tier", move |conn| {
            async move {
                Ok::<_, DbError>(
                    scratch::table
                        .filter(scratch::id.eq(id))
                        .select(Row::as_select())
                        .first(conn)
                        .await?,
                )
            }
            .scope_boxed()
        })
        .await
        .expect_err("a value outside the set");
    assert!(matches!(refused, DbError::Other(_)), "{refused:?}");
}

async fn insert_sealed(
    conn: &mut AsyncPgConnection,
    ring: &KeyRing,
    n: usize,
) -> Result<(), DbError> {
    for i in 0..n {
        let id = UserId::new();
        let secret = ring
            .seal(&format!("secret {i}"), &id.to_string())
            .expect("seal");
        diesel::insert_into(scratch::table)
            .values(Row {
                id,
                owner: None,
                tier: Tier::Free,
                secret,
            })
            .execute(conn)
            .await?;
    }
    Ok(())
}

#[tokio::test]
async fn rotation_reseals_every_row_in_batches_and_stops() {
    let db = TestDb::new().await;
    let pool = pool(&db).await;
    let key = |byte: u8| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode([byte; 32])
    };
    let old = KeyRing::parse(&format!("k1:{}", key(1))).expect("ring");
    pool.transaction("seed", |conn| insert_sealed(conn, &old, 25).scope_boxed())
        .await
        .expect("seed");

    let ring = KeyRing::parse(&format!("k2:{},k1:{}", key(2), key(1))).expect("ring");
    let pattern = ring.primary_pattern();
    // Batches of 10: three batches of work and an empty one that ends the rotation.
    let rotated = keyring::rotate(&pool, "rotate", |conn| {
        let (ring, pattern) = (&ring, &pattern);
        async move {
            let rows: Vec<Row> = scratch::table
                .filter(scratch::secret.not_like(pattern))
                .select(Row::as_select())
                .limit(10)
                .for_update()
                .skip_locked()
                .load(conn)
                .await?;
            for row in &rows {
                if let Some(resealed) = ring
                    .reseal(&row.secret, &row.id.to_string())
                    .expect("reseal")
                {
                    diesel::update(scratch::table.find(row.id))
                        .set(scratch::secret.eq(resealed))
                        .execute(conn)
                        .await?;
                }
            }
            Ok::<_, DbError>(rows.len())
        }
        .scope_boxed()
    })
    .await
    .expect("rotate");
    assert_eq!(rotated, 25);
    let rows: Vec<Row> = pool
        .read("all", |conn| {
            async move { Ok::<_, DbError>(scratch::table.select(Row::as_select()).load(conn).await?) }
                .scope_boxed()
        })
        .await
        .expect("rows");
    let without_old = KeyRing::parse(&format!("k2:{}", key(2))).expect("ring");
    let mut opened = std::collections::BTreeSet::new();
    for row in rows {
        assert!(row.secret.starts_with("enc:v1:k2:"), "{}", row.secret);
        opened.insert(
            without_old
                .open(&row.secret, &row.id.to_string())
                .expect("opens under the new key alone"),
        );
    }
    let sealed: std::collections::BTreeSet<String> =
        (0..25).map(|i| format!("secret {i}")).collect();
    assert_eq!(
        opened, sealed,
        "every secret re-sealed whole, none lost or swapped"
    );
}
