//! GetVaultAnalytics: the vault's anonymised events summed per UTC day and kind.

use chrono::{NaiveDate, TimeZone, Utc};
use diesel::sql_types::{BigInt, Text, Timestamptz};
use diesel_async::RunQueryDsl;
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::vault::v1 as pb;

use crate::error::StorageError;
use crate::state::Storage;

/// Longest range one call covers.
const MAX_DAYS: i64 = 366;

#[derive(diesel::QueryableByName)]
struct Total {
    #[diesel(sql_type = Text)]
    day: String,
    #[diesel(sql_type = Text)]
    kind: String,
    #[diesel(sql_type = BigInt)]
    events: i64,
    #[diesel(sql_type = BigInt)]
    bytes: i64,
}

fn day(v: &mut FieldViolations, field: &str, raw: &str) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if parsed.is_none() {
        v.add(field, "must be a day as YYYY-MM-DD");
    }
    parsed
}

/// Totals per day and kind from `start_day` to `end_day` inclusive.
pub async fn totals(
    storage: &Storage,
    request: &pb::GetVaultAnalyticsRequest,
) -> Result<Vec<pb::get_vault_analytics_response::DayTotal>, StorageError> {
    let mut v = FieldViolations::new();
    let start = day(&mut v, "start_day", &request.start_day);
    let end = day(&mut v, "end_day", &request.end_day);
    if let (Some(start), Some(end)) = (start, end) {
        let span = (end - start).num_days();
        if !(0..MAX_DAYS).contains(&span) {
            v.add(
                "end_day",
                format!("must be from start_day to {MAX_DAYS} days after it"),
            );
        }
    }
    let (start, end) = match v.into_result_with((start, end))? {
        (Some(start), Some(end)) => (start, end),
        _ => return Err(StorageError::Internal("parsed days".into())),
    };
    let from = Utc.from_utc_datetime(&start.and_hms_opt(0, 0, 0).unwrap_or_default());
    let until = from + chrono::Duration::days((end - start).num_days() + 1);
    let mut conn = storage.db.conn().await?;
    let rows: Vec<Total> = diesel::sql_query(
        "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, kind::text AS kind,
                count(*) AS events, coalesce(sum(bytes), 0)::bigint AS bytes
         FROM vault.analytics_events
         WHERE occurred_at >= $1 AND occurred_at < $2
         GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .bind::<Timestamptz, _>(from)
    .bind::<Timestamptz, _>(until)
    .load(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|t| pb::get_vault_analytics_response::DayTotal {
            day: t.day,
            kind: t.kind,
            events: t.events,
            bytes: t.bytes,
        })
        .collect())
}
