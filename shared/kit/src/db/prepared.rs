//! Raw SQL that Diesel prepares once per connection, for hot paths whose statement is a
//! constant. `diesel::sql_query` marks itself unsafe to cache, so PostgreSQL parses and plans
//! it on every call, which for a statement with CTEs costs more than running it.

use std::marker::PhantomData;

use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{HasSqlType, Untyped};
use diesel::{QueryResult, RunQueryDsl};

/// A constant SQL statement with `$1`, `$2`, ... parameters (a parameter may appear more than
/// once; `$` appears nowhere else), bound with [`Prepared::bind`] and run like
/// `diesel::sql_query` (results by name, `QueryableByName`). Diesel caches its prepared form
/// under the SQL text, so the text never depends on input: values go in as parameters.
#[must_use = "queries run only when loaded or executed"]
pub struct Prepared<'a> {
    sql: &'static str,
    params: Vec<Box<dyn QueryFragment<Pg> + Send + 'a>>,
}

impl std::fmt::Debug for Prepared<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the values: they may be secrets.
        f.debug_struct("Prepared")
            .field("sql", &self.sql)
            .field("params", &self.params.len())
            .finish()
    }
}

/// `sql`, prepared once per connection.
pub fn prepared<'a>(sql: &'static str) -> Prepared<'a> {
    Prepared {
        sql,
        params: Vec::new(),
    }
}

impl<'a> Prepared<'a> {
    /// Binds the next parameter (`$1` first) as SQL type `ST`.
    pub fn bind<ST, Value>(mut self, value: Value) -> Self
    where
        Pg: HasSqlType<ST>,
        Value: ToSql<ST, Pg> + Send + 'a,
        ST: Send + 'a,
    {
        self.params.push(Box::new(Param::<ST, Value> {
            value,
            sql_type: PhantomData,
        }));
        self
    }
}

struct Param<ST, Value> {
    value: Value,
    sql_type: PhantomData<ST>,
}

impl<ST, Value> QueryFragment<Pg> for Param<ST, Value>
where
    Pg: HasSqlType<ST>,
    Value: ToSql<ST, Pg>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_bind_param::<ST, Value>(&self.value)
    }
}

impl QueryFragment<Pg> for Prepared<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // Each `$n` becomes the n-th parameter, renumbered in order of appearance by Diesel.
        let mut rest = self.sql;
        while let Some(at) = rest.find('$') {
            out.push_sql(&rest[..at]);
            let digits = rest[at + 1..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(rest.len() - at - 1, |end| end);
            let index: usize = rest[at + 1..at + 1 + digits].parse().map_err(|_| {
                diesel::result::Error::QueryBuilderError(
                    format!("`$` without a parameter number in {:?}", self.sql).into(),
                )
            })?;
            let param = index
                .checked_sub(1)
                .and_then(|i| self.params.get(i))
                .ok_or_else(|| {
                    diesel::result::Error::QueryBuilderError(
                        format!("${index} has no bound value in {:?}", self.sql).into(),
                    )
                })?;
            param.walk_ast(out.reborrow())?;
            rest = &rest[at + 1 + digits..];
        }
        out.push_sql(rest);
        Ok(())
    }
}

impl QueryId for Prepared<'_> {
    type QueryId = ();
    // Cached by its SQL text instead of by type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for Prepared<'_> {
    type SqlType = Untyped;
}

impl<Conn> RunQueryDsl<Conn> for Prepared<'_> {}
