//! The committed Diesel definitions (`shared/schema/src/<schema>.rs`) are exactly what the
//! migrations produce, and every schema's kit tables have the kit's shape. After changing a
//! migration, `make schema` rewrites the definitions.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use tessera_testkit::TestDb;
use tessera_testkit::schema::{KIT_TABLES, columns, render};

/// `text` as rustfmt lays it out, so the committed files pass `cargo fmt --check`.
fn rustfmt(text: &str) -> String {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("feeding rustfmt");
    let output = child.wait_with_output().expect("rustfmt output");
    assert!(
        output.status.success(),
        "rustfmt refused the generated text:\n{text}"
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

#[tokio::test]
async fn committed_tables_match_what_the_migrations_produce() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let update = std::env::var("TESSERA_UPDATE_SCHEMA").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (schema, _) in tessera_schema::all() {
        let rendered = rustfmt(&render(&client, schema).await);
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../schema/src")
            .join(format!("{schema}.rs"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != rendered {
            if update {
                std::fs::write(&path, rendered).expect("writing the schema module");
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "these differ from what the migrations produce; run `make schema`: {stale:?}"
    );
}

#[tokio::test]
async fn every_schema_has_the_kit_tables_in_the_kits_shape() {
    let db = TestDb::new().await;
    let client = db.client().await;
    for (schema, _) in tessera_schema::all() {
        for (table, expected) in KIT_TABLES {
            let found = columns(&client, schema, table).await;
            if found.is_empty() {
                continue; // this service does not publish or follow events (yet)
            }
            let expected: Vec<(String, String, bool)> = expected
                .iter()
                .map(|(n, t, null)| ((*n).to_owned(), (*t).to_owned(), *null))
                .collect();
            assert_eq!(found, expected, "{schema}.{table}");
        }
    }
    let followers = client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'consumer_cursors'",
            &[],
        )
        .await
        .expect("count")
        .get::<_, i64>(0);
    assert_eq!(
        followers, 3,
        "vault, messaging and intelligence follow identity's events"
    );
}
