//! The legacy refactoring suggestions: listed newest first, and imported as action items once
//! each however often (and however concurrently) MigrateSuggestions is called.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::authed;

#[tokio::test]
async fn migrating_twice_or_concurrently_imports_each_suggestion_once() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let other = h.workspace(&ada, &project.id, "other").await;
    let client = h.suite.db().client().await;
    let mut sql = String::new();
    for (i, (kind, status)) in [
        ("security", "pending"),
        ("duplication", "applied"),
        ("performance", "dismissed"),
        ("naming", "pending"),
        ("structure", "pending"),
        ("test_coverage", "applied"),
    ]
    .iter()
    .enumerate()
    {
        sql.push_str(&format!(
            "INSERT INTO intelligence.refactoring_suggestions (id, workspace_id, type, severity, title, affected_files, status, created_at)
             VALUES (gen_random_uuid(), '{}', '{kind}', 'warning', 'fix {i}', '[\"src/{i}.rs\"]', '{status}', now() - interval '{i} minutes');",
            ws.id
        ));
    }
    sql.push_str(&format!(
        "INSERT INTO intelligence.refactoring_suggestions (id, workspace_id, type, title) VALUES (gen_random_uuid(), '{}', 'naming', 'elsewhere');",
        other.id
    ));
    client.batch_execute(&sql).await.expect("suggestions");

    let listed = h
        .action_items()
        .await
        .list_refactoring_suggestions(authed(
            &ada.token,
            pb::ListRefactoringSuggestionsRequest {
                workspace_id: ws.id.clone(),
                page_size: 4,
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(
        listed
            .suggestions
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["fix 0", "fix 1", "fix 2", "fix 3"],
        "newest first"
    );
    assert!(!listed.next_page_token.is_empty());
    assert_eq!(listed.suggestions[1].r#type, "duplication");
    assert_eq!(listed.suggestions[1].affected_files, ["src/1.rs"]);

    // Eight concurrent migrations: six items in all, each suggestion imported by one call.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, token, id) = (h.action_items().await, ada.token.clone(), ws.id.clone());
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .migrate_suggestions(authed(
                    &token,
                    pb::MigrateSuggestionsRequest { workspace_id: id },
                ))
                .await
                .expect("migrate")
                .into_inner()
        }));
    }
    let mut imported = 0;
    for task in tasks {
        let done = task.await.expect("task");
        assert_eq!(done.imported + done.already_imported, 6);
        imported += done.imported;
    }
    assert_eq!(imported, 6);
    let again = h
        .action_items()
        .await
        .migrate_suggestions(authed(
            &ada.token,
            pb::MigrateSuggestionsRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("migrate again")
        .into_inner();
    assert_eq!((again.imported, again.already_imported), (0, 6));
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.action_items")
            .await,
        6
    );

    let items = h
        .action_items()
        .await
        .list_action_items(authed(
            &ada.token,
            pb::ListActionItemsRequest {
                workspace_id: ws.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("items")
        .into_inner()
        .action_items;
    let by_title = |title: &str| {
        items
            .iter()
            .find(|i| i.title == title)
            .expect(title)
            .clone()
    };
    let security = by_title("fix 0");
    assert_eq!(security.r#type, pb::ActionItemType::Security as i32);
    assert_eq!(security.status, pb::ActionItemStatus::Pending as i32);
    assert_eq!(security.source, pb::ActionItemSource::Import as i32);
    assert_eq!(security.severity, pb::Severity::Warning as i32);
    let duplication = by_title("fix 1");
    assert_eq!(duplication.r#type, pb::ActionItemType::Refactoring as i32);
    assert_eq!(duplication.status, pb::ActionItemStatus::Applied as i32);
    assert_eq!(duplication.affected_files, ["src/1.rs"]);
    let metadata =
        tessera_kit::convert::struct_to_json(duplication.metadata.as_ref().expect("metadata"));
    assert_eq!(metadata["legacy_type"], "duplication");
    assert_eq!(
        by_title("fix 2").status,
        pb::ActionItemStatus::Dismissed as i32
    );
    assert_eq!(
        by_title("fix 5").r#type,
        pb::ActionItemType::TestCoverage as i32
    );
    assert!(
        items.iter().all(|i| i.title != "elsewhere"),
        "only this workspace's"
    );
}
