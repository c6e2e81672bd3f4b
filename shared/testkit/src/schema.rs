//! Renders a Postgres schema, as its migrations left it, as the Diesel module
//! `shared/schema/src/<schema>.rs`: `table!` definitions with the database's comments as
//! documentation, `joinable!` for unambiguous foreign keys (one key between two tables, in one direction), and one
//! `allow_tables_to_appear_in_same_query!`. A test compares the committed files with this, so
//! the definitions cannot drift from the migrations; `make schema` rewrites them.
//!
//! The kit's own tables (`outbox`, `consumer_cursors`, Diesel's migration ledger) are left out:
//! the kit declares them once for every schema ([`KIT_TABLES`] checks their shape).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use tokio_postgres::Client;

/// A column as (name, Postgres type, nullable).
pub type ColumnShape = (&'static str, &'static str, bool);

/// Tables every schema may have whose definitions live in the kit, with their columns.
pub const KIT_TABLES: &[(&str, &[ColumnShape])] = &[
    (
        "outbox",
        &[
            ("seq", "int8", false),
            ("kind", "text", false),
            ("payload", "bytea", false),
            ("occurred_at", "timestamptz", false),
        ],
    ),
    (
        "consumer_cursors",
        &[
            ("consumer", "text", false),
            ("cursor", "int8", false),
            ("updated_at", "timestamptz", false),
        ],
    ),
];
const SKIPPED: &str = "__diesel_schema_migrations";

#[derive(Debug)]
struct Column {
    name: String,
    udt: String,
    nullable: bool,
    array: bool,
    comment: Option<String>,
}

#[derive(Debug, Default)]
struct Table {
    comment: Option<String>,
    columns: Vec<Column>,
    primary_key: Vec<String>,
}

/// The columns of `schema.table` as (name, Postgres type, nullable), in order.
pub async fn columns(client: &Client, schema: &str, table: &str) -> Vec<(String, String, bool)> {
    client
        .query(
            "SELECT column_name::text, udt_name::text, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            &[&schema, &table],
        )
        .await
        .expect("columns")
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2)))
        .collect()
}

async fn tables(client: &Client, schema: &str) -> BTreeMap<String, Table> {
    let mut tables: BTreeMap<String, Table> = BTreeMap::new();
    let rows = client
        .query(
            "SELECT c.relname::text, obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
            &[&schema],
        )
        .await
        .expect("tables");
    for row in rows {
        let name: String = row.get(0);
        let kit = KIT_TABLES.iter().any(|(t, _)| *t == name);
        if !kit && name != SKIPPED {
            tables.insert(
                name,
                Table {
                    comment: row.get(1),
                    ..Table::default()
                },
            );
        }
    }
    let rows = client
        .query(
            "SELECT c.relname::text, a.attname::text, t.typname::text, NOT a.attnotnull, t.typcategory = 'A', col_description(c.oid, a.attnum),
                    CASE WHEN t.typcategory = 'A' THEN (SELECT e.typname::text FROM pg_type e WHERE e.oid = t.typelem) END
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid
             WHERE n.nspname = $1 AND a.attnum > 0 AND NOT a.attisdropped
               -- Full-text vectors (generated columns) are read only by SQL that Diesel's DSL
               -- does not express, and Diesel has no tsvector type: they stay out.
               AND t.typname <> 'tsvector'
             ORDER BY c.relname, a.attnum",
            &[&schema],
        )
        .await
        .expect("columns");
    for row in rows {
        let Some(table) = tables.get_mut(&row.get::<_, String>(0)) else {
            continue;
        };
        let array: bool = row.get(4);
        table.columns.push(Column {
            name: row.get(1),
            udt: if array { row.get(6) } else { row.get(2) },
            nullable: row.get(3),
            array,
            comment: row.get(5),
        });
    }
    let rows = client
        .query(
            "SELECT c.relname::text, a.attname::text FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE n.nspname = $1 AND i.indisprimary ORDER BY c.relname, k.position",
            &[&schema],
        )
        .await
        .expect("primary keys");
    for row in rows {
        if let Some(table) = tables.get_mut(&row.get::<_, String>(0)) {
            table.primary_key.push(row.get(1));
        }
    }
    tables
}

/// Single-column foreign keys (child, column, parent) to a parent's primary key, where the
/// pair of tables has exactly one: Diesel can join those without saying how.
async fn joins(
    client: &Client,
    schema: &str,
    tables: &BTreeMap<String, Table>,
) -> Vec<(String, String, String)> {
    let rows = client
        .query(
            "SELECT child.relname::text, a.attname::text, parent.relname::text FROM pg_constraint f
             JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
             JOIN pg_namespace n ON n.oid = child.relnamespace JOIN pg_attribute a ON a.attrelid = child.oid AND a.attnum = f.conkey[1]
             WHERE n.nspname = $1 AND f.contype = 'f' AND array_length(f.conkey, 1) = 1 ORDER BY 1, 2",
            &[&schema],
        )
        .await
        .expect("foreign keys");
    let found: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| (row.get(0), row.get(1), row.get(2)))
        .filter(|(child, _, parent)| tables.contains_key(child) && tables.contains_key(parent))
        .collect();
    found
        .iter()
        .filter(|(child, _, parent)| {
            child != parent
                && found
                    .iter()
                    .filter(|(c, _, p)| (c == child && p == parent) || (c == parent && p == child))
                    .count()
                    == 1
        })
        .cloned()
        .collect()
}

fn diesel_type(udt: &str) -> &'static str {
    match udt {
        "int2" => "Int2",
        "int4" => "Int4",
        "int8" => "Int8",
        "float4" => "Float4",
        "float8" => "Float8",
        "numeric" => "Numeric",
        "bool" => "Bool",
        "text" => "Text",
        "varchar" | "bpchar" => "Varchar",
        "bytea" => "Bytea",
        "uuid" => "Uuid",
        "jsonb" => "Jsonb",
        "json" => "Json",
        "timestamptz" => "Timestamptz",
        "timestamp" => "Timestamp",
        "date" => "Date",
        "time" => "Time",
        "interval" => "Interval",
        "inet" => "Inet",
        other => panic!("no Diesel type for Postgres type {other}: extend tessera_testkit::schema"),
    }
}

fn doc(out: &mut String, indent: &str, comment: Option<&str>) {
    for line in comment.into_iter().flat_map(str::lines) {
        let _ = writeln!(out, "{indent}/// {}", line.trim_end());
    }
}

/// The module text for `schema`.
/// Column names that cannot be Rust identifiers as they are.
const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "type", "unsafe", "use", "where", "while", "yield",
];

pub async fn render(client: &Client, schema: &str) -> String {
    let tables = tables(client, schema).await;
    let joins = joins(client, schema, &tables).await;
    let description: Option<String> = client
        .query_one(
            "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = $1",
            &[&schema],
        )
        .await
        .expect("schema comment")
        .get(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! `{schema}`: {}",
        description.as_deref().unwrap_or("(no description)")
    );
    out.push_str("//!\n//! Generated from the schema's migrations by `make schema`; do not edit by hand.\n\n");
    out.push_str("use diesel_migrations::{EmbeddedMigrations, embed_migrations};\n\n");
    let _ = writeln!(
        out,
        "/// The Postgres schema name.\npub const SCHEMA: &str = \"{schema}\";"
    );
    let _ = writeln!(
        out,
        "/// Its migrations, applied by the service that owns it.\npub static MIGRATIONS: EmbeddedMigrations = embed_migrations!(\"migrations/{schema}\");"
    );
    for (name, table) in &tables {
        out.push_str("\ndiesel::table! {\n");
        doc(&mut out, "    ", table.comment.as_deref());
        let _ = writeln!(
            out,
            "    {schema}.{name} ({}) {{",
            table.primary_key.join(", ")
        );
        for column in &table.columns {
            doc(&mut out, "        ", column.comment.as_deref());
            let mut ty = diesel_type(&column.udt).to_owned();
            if column.array {
                ty = format!("Array<Nullable<{ty}>>");
            }
            if column.nullable {
                ty = format!("Nullable<{ty}>");
            }
            // A column named like a Rust keyword keeps its SQL name under a `_`-suffixed one.
            if RUST_KEYWORDS.contains(&column.name.as_str()) {
                let _ = writeln!(out, "        #[sql_name = \"{}\"]", column.name);
                let _ = writeln!(out, "        {}_ -> {ty},", column.name);
            } else {
                let _ = writeln!(out, "        {} -> {ty},", column.name);
            }
        }
        out.push_str("    }\n}\n");
    }
    if !joins.is_empty() {
        out.push('\n');
    }
    for (child, column, parent) in &joins {
        let _ = writeln!(out, "diesel::joinable!({child} -> {parent} ({column}));");
    }
    if tables.len() > 1 {
        let names: Vec<&str> = tables.keys().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "\ndiesel::allow_tables_to_appear_in_same_query!({});",
            names.join(", ")
        );
    }
    out
}

/// The quoted values the CHECK constraint named `<table>_<column>` in `schema` allows, sorted:
/// what a text enum's spellings must be exactly.
pub async fn allowed_values(
    client: &Client,
    schema: &str,
    table: &str,
    column: &str,
) -> Vec<String> {
    let name = format!("{table}_{column}");
    let definition: String = client
        .query_one(
            "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
             WHERE n.nspname = $1 AND c.conname = $2 AND c.contype = 'c'",
            &[&schema, &name],
        )
        .await
        .unwrap_or_else(|e| panic!("no CHECK constraint {schema}.{name}: {e}"))
        .get(0);
    let mut values: Vec<String> = definition
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    values.sort();
    values.dedup();
    values
}

/// A text enum's spellings, sorted (compare with [`allowed_values`]).
pub fn spellings<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
    let mut values: Vec<String> = all.iter().map(|v| as_str(*v).to_owned()).collect();
    values.sort();
    values
}
