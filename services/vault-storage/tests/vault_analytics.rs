//! The operator's view of vault activity: totals per day and kind, never a user or a file.

use crate::harness;

use chrono::Utc;
use harness::vault::*;
use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::suite::OPERATOR_TOKEN;
use tessera_testkit::{authed, bad_fields};

#[tokio::test]
async fn analytics_sum_each_day_by_kind() {
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let bob = user_with_vault(&h, &mut vault, "bob", 2).await;
    let (file, _) = complete_file(&mut vault, &alice, "", 1, &[1000, 24]).await;
    complete_file(&mut vault, &bob, "", 2, &[500]).await;
    vault
        .delete_vault_file(authed(
            &alice,
            pb::DeleteVaultFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("delete");
    vault
        .restore_file(authed(&alice, pb::RestoreFileRequest { file_id: file.id }))
        .await
        .expect("restore");

    // Yesterday to tomorrow, so a run across midnight (UTC) still sees every event.
    let day = |offset: i64| {
        (Utc::now() + chrono::Duration::days(offset))
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    };
    let today = day(0);
    let mut admin = h.admin().await;
    let totals = admin
        .get_vault_analytics(authed(
            OPERATOR_TOKEN,
            pb::GetVaultAnalyticsRequest {
                start_day: day(-1),
                end_day: day(1),
            },
        ))
        .await
        .expect("analytics")
        .into_inner()
        .totals;
    let mut by_kind = std::collections::BTreeMap::<String, (i64, i64)>::new();
    for t in totals {
        assert!([day(-1), day(0), day(1)].contains(&t.day), "{}", t.day);
        let entry = by_kind.entry(t.kind).or_default();
        (entry.0, entry.1) = (entry.0 + t.events, entry.1 + t.bytes);
    }
    let seen: Vec<_> = by_kind.into_iter().collect();
    assert_eq!(
        seen,
        [
            ("delete".to_owned(), (1, 1024)),
            ("restore".to_owned(), (1, 1024)),
            ("upload".to_owned(), (2, 1524)),
        ]
    );

    let bad = admin
        .get_vault_analytics(authed(
            OPERATOR_TOKEN,
            pb::GetVaultAnalyticsRequest {
                start_day: "2026-13-01".into(),
                end_day: "2020-01-01".into(),
            },
        ))
        .await
        .expect_err("bad days");
    assert_eq!(bad_fields(&bad), ["start_day"]);
    let backwards = admin
        .get_vault_analytics(authed(
            OPERATOR_TOKEN,
            pb::GetVaultAnalyticsRequest {
                start_day: today.clone(),
                end_day: "2020-01-01".into(),
            },
        ))
        .await
        .expect_err("end before start");
    assert_eq!(bad_fields(&backwards), ["end_day"]);
    let as_user = admin
        .get_vault_analytics(authed(
            &alice,
            pb::GetVaultAnalyticsRequest {
                start_day: today.clone(),
                end_day: today,
            },
        ))
        .await
        .expect_err("a user");
    assert_eq!(as_user.code(), tonic::Code::PermissionDenied);
}
