//! A Tessera service (messaging's 7-day media relay) stores, reads and deletes media as the
//! sender's `users` files with its app id: charged to the sender's and the app's quotas, freed
//! on delete; the sender sees the file as theirs, another user does not.

use crate::harness;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;

#[tokio::test]
async fn a_service_stores_media_for_a_user_on_both_quotas() {
    let h = Harness::start().await;
    let (alice_id, alice) = h.user("alice").await;
    let (_, bob) = h.user("bob").await;
    let app = app_token("vault-storage");
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let bytes = content(4096, 3);
    let mut media = spec(&volume, "media/photo.bin", &bytes);
    media.namespace = pb::Namespace::Users as i32;
    media.user_id = alice_id.clone();
    let file = upload(&mut files, &app, media, &bytes)
        .await
        .expect("stored");
    assert_eq!(file.user_id, alice_id);

    let quota = |table: &str, column: &str, key: &str| {
        format!(
            "SELECT coalesce(sum(quota_used), 0)::bigint FROM vault.{table} WHERE {column} = '{key}'"
        )
    };
    assert_eq!(
        h.count(&quota("user_quotas", "user_id", &alice_id)).await,
        4096
    );
    assert_eq!(
        h.count(&quota("app_quotas", "app_id", "vault-storage"))
            .await,
        4096
    );

    let read = download(&mut files, Some(&alice), &file.id, 0, 0)
        .await
        .expect("alice reads");
    assert_eq!(read.1, bytes);
    let bobs = download(&mut files, Some(&bob), &file.id, 0, 0)
        .await
        .expect_err("bob");
    assert_eq!(bobs.code(), Code::NotFound);

    files
        .delete_file(authed(
            &app,
            pb::DeleteFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("the relay deletes it");
    assert_eq!(
        h.count(&quota("user_quotas", "user_id", &alice_id)).await,
        0
    );
    assert_eq!(
        h.count(&quota("app_quotas", "app_id", "vault-storage"))
            .await,
        0
    );
}
