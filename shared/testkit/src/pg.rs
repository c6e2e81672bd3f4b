//! What schema tests ask PostgreSQL: a table's columns with their defaults, and which
//! constraint a statement breaks (run as the service's own role).

use crate::TestDb;
use crate::db::service_role;
use tokio_postgres::Client;

/// (column, Postgres type, nullable, default as Postgres prints it).
pub type Column = (&'static str, &'static str, bool, Option<&'static str>);

pub const NOW: Option<&str> = Some("now()");

async fn columns(
    client: &Client,
    schema: &str,
    table: &str,
) -> Vec<(String, String, bool, Option<String>)> {
    client
        .query(
            "SELECT a.attname::text, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                    CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum",
            &[&schema, &table],
        )
        .await
        .expect("columns")
        .iter()
        .map(|row| {
            let udt: String = row.get(1);
            let short = udt
                .replace("character varying", "varchar")
                .replace("timestamp with time zone", "timestamptz");
            (row.get(0), short, row.get(2), row.get(3))
        })
        .collect()
}

/// Asserts that each table of `schema` has exactly these columns, in order.
pub async fn assert_columns(schema: &str, tables: &[(&str, &[Column])]) {
    let db = TestDb::new().await;
    let client = db.client().await;
    for (table, expected) in tables {
        let expected: Vec<(String, String, bool, Option<String>)> = expected
            .iter()
            .map(|(name, udt, null, default)| {
                (
                    (*name).to_owned(),
                    (*udt).to_owned(),
                    *null,
                    default.map(str::to_owned),
                )
            })
            .collect();
        assert_eq!(
            columns(&client, schema, table).await,
            expected,
            "{schema}.{table}"
        );
    }
}

/// Runs `sql` as the role of the service owning `schema` and returns the name of the
/// constraint it broke.
pub async fn broken(client: &Client, schema: &str, sql: &str) -> String {
    let error = client
        .batch_execute(&format!(
            "BEGIN; SET LOCAL ROLE {}; {sql}; COMMIT",
            service_role(schema)
        ))
        .await
        .expect_err(sql);
    client.batch_execute("ROLLBACK").await.expect("rollback");
    error
        .as_db_error()
        .and_then(|e| e.constraint().map(str::to_owned))
        .unwrap_or_else(|| panic!("{sql}: {error:?}"))
}

/// The foreign keys of `tables` in `schema`, one line each and sorted:
/// `table(columns) -> target action [set-null columns]`, where the action is PostgreSQL's
/// letter (a: no action, r: restrict, c: cascade, n: set null).
pub async fn foreign_keys(client: &Client, schema: &str, tables: &[&str]) -> Vec<String> {
    let rows = client
        .query(
            "SELECT cl.relname::text, \
                    (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(att, n) \
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att), \
                    t.relname::text, c.confdeltype::text, \
                    coalesce((SELECT string_agg(a.attname, ',') FROM unnest(c.confdelsetcols) s(att) \
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = s.att), '') \
             FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace \
             JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid \
             WHERE n.nspname = $1 AND c.contype = 'f' AND cl.relname = ANY($2)",
            &[&schema, &tables],
        )
        .await
        .expect("foreign keys");
    let mut keys: Vec<String> = rows
        .iter()
        .map(|r| {
            let (table, cols, target, action, set): (String, String, String, String, String) =
                (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4));
            format!("{table}({cols}) -> {target} {action} {set}")
                .trim_end()
                .to_owned()
        })
        .collect();
    keys.sort();
    keys
}

/// Asserts that `schema` has each index (name, columns its definition ends with, unique).
pub async fn assert_indexes(client: &Client, schema: &str, expected: &[(&str, &str, bool)]) {
    let rows = client
        .query(
            "SELECT indexname::text, indexdef FROM pg_indexes WHERE schemaname = $1",
            &[&schema],
        )
        .await
        .expect("indexes");
    let defs: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    for (name, columns, unique) in expected {
        let (_, def) = defs
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("index {name} missing"));
        assert!(def.ends_with(columns), "{def}");
        assert_eq!(def.starts_with("CREATE UNIQUE"), *unique, "{def}");
    }
}
