//! The kit's database helpers against real PostgreSQL: constant statements prepared once per
//! connection, and rate limits counted in the database.

use std::time::Duration;

use diesel::sql_types::{Array, BigInt, Bytea, Text};
use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
use tessera_kit::Db;
use tessera_kit::db::prepared;
use tessera_kit::ratelimit::{self, Rate};
use tessera_testkit::TestDb;

#[derive(diesel::QueryableByName, Debug, PartialEq)]
struct Row {
    #[diesel(sql_type = BigInt)]
    a: i64,
    #[diesel(sql_type = Text)]
    b: String,
    #[diesel(sql_type = Array<Bytea>)]
    c: Vec<Vec<u8>>,
}

#[derive(diesel::QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[tokio::test]
async fn a_constant_statement_is_prepared_once_and_binds_every_use_of_a_parameter() {
    let db = TestDb::new().await;
    let pool = Db::new(&db.service_settings("messaging")).expect("pool");
    let mut conn = pool.conn().await.expect("connection");
    for n in 0..5i64 {
        let row: Row = prepared("SELECT $1 + $1 AS a, $2 AS b, ARRAY[$3] AS c")
            .bind::<BigInt, _>(n)
            .bind::<Text, _>(format!("call {n}"))
            .bind::<Bytea, _>(vec![n as u8])
            .get_result(&mut *conn)
            .await
            .expect("query");
        assert_eq!(
            row,
            Row {
                a: 2 * n,
                b: format!("call {n}"),
                c: vec![vec![n as u8]]
            }
        );
    }
    let prepared_here: Count = diesel::sql_query(
        "SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1 + $2 AS a%'",
    )
    .get_result(&mut *conn)
    .await
    .expect("pg_prepared_statements");
    assert_eq!(prepared_here.n, 1, "one prepared statement for five calls");
    let missing = prepared("SELECT $2 AS a")
        .bind::<BigInt, _>(1i64)
        .execute(&mut *conn)
        .await;
    assert!(
        missing.is_err(),
        "a parameter without a value is an error, not a panic"
    );
}

#[tokio::test]
async fn a_rate_allows_its_burst_then_one_per_interval_and_says_how_long_to_wait() {
    let db = TestDb::new().await;
    let pool = Db::new(&db.service_settings("messaging")).expect("pool");
    let mut conn = pool.conn().await.expect("connection");
    let rate = Rate {
        burst: 3,
        period: Duration::from_secs(30),
    };
    for _ in 0..3 {
        assert_eq!(
            ratelimit::take(&mut conn, "k", rate).await.expect("take"),
            None
        );
    }
    let wait = ratelimit::take(&mut conn, "k", rate)
        .await
        .expect("take")
        .expect("limited");
    assert!(
        wait > Duration::from_secs(9) && wait <= Duration::from_secs(10),
        "{wait:?}"
    );
    assert_eq!(
        ratelimit::take(&mut conn, "other", rate)
            .await
            .expect("take"),
        None,
        "keys are separate"
    );
    // Taken inside a transaction that rolls back, a request is given back.
    conn.batch_execute("BEGIN").await.expect("begin");
    assert_eq!(
        ratelimit::take(&mut conn, "t", rate).await.expect("take"),
        None
    );
    conn.batch_execute("ROLLBACK").await.expect("rollback");
    for _ in 0..3 {
        assert_eq!(
            ratelimit::take(&mut conn, "t", rate).await.expect("take"),
            None
        );
    }
    // Nothing to prune while budgets are spent.
    assert_eq!(ratelimit::prune(&mut conn).await.expect("prune"), 0);
}
