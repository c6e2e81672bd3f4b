//! Isolation, checked on every method a user may call: a second, real user (bob) calls each
//! one with a request that names the first user's (alice's) real resources wherever a field can
//! name one (her user id, volume, project, workspace, storage file, vault file, blob, group,
//! thread), built from the descriptor set like the fuzz walk's plausible requests. No answer may
//! carry alice's ids or content, and no row that mentions her may change, except for the few
//! methods whose purpose is to reach another user (listed with why). A new RPC is covered the
//! day its proto lands.

use std::collections::BTreeMap;

use prost_reflect::{DynamicMessage, Kind, MessageDescriptor, ReflectMessage, Value};
use tessera_kit::auth::layer::Requirement;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_proto::tessera::vault::v1::blob_service_client::BlobServiceClient;
use tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient;
use tessera_testkit::fuzz::{self, Known, values};
use tessera_testkit::grpc::{Shape, list_services};
use tessera_testkit::{TestDb, authed};

use crate::fuzz::{Walk, known, start};

/// Alice's content (her blob and her storage file hold these bytes): 4 bytes, the size a
/// plausible request names, so a digest of them is a plausible digest.
const CONTENT: &[u8] = b"Q7#z";

/// Methods whose purpose is to act on another user, with why each may write or return rows
/// that mention alice.
const REACHES_OTHERS: &[(&str, &str)] = &[
    (
        "tessera.identity.v1.AccountService/LookupUser",
        "a user's public profile and key, looked up by id or username",
    ),
    (
        "tessera.messaging.v1.ChatService/GetOrCreateDirectChat",
        "a direct chat with another user",
    ),
    (
        "tessera.messaging.v1.ChatService/CreateGroupChat",
        "a group chat with other users as members",
    ),
    (
        "tessera.messaging.v1.KeyBundleService/ClaimKeyBundles",
        "another user's devices' key bundles, to start a session",
    ),
];

/// Alice's storage file (a 4-byte upload) and her blob of the same bytes.
async fn content(walk: &Walk, token: &str, volume: &str) -> String {
    use sha2::Digest as _;
    let sha = sha2::Sha256::digest(CONTENT).to_vec();
    BlobServiceClient::new(walk.suite.channel("vault-storage").await)
        .batch_update_blobs(authed(
            token,
            vpb::BatchUpdateBlobsRequest {
                items: vec![vpb::batch_update_blobs_request::Item {
                    digest: Some(vpb::Digest {
                        sha256: tessera_manifest::hex(&sha),
                        size_bytes: CONTENT.len() as i64,
                    }),
                    data: CONTENT.to_vec().into(),
                }],
                ..Default::default()
            },
        ))
        .await
        .expect("alice's blob");
    let messages = [
        vpb::upload_request::Message::Spec(vpb::UploadSpec {
            volume_id: volume.into(),
            path: "alice.txt".into(),
            declared_size: CONTENT.len() as i64,
            ..Default::default()
        }),
        vpb::upload_request::Message::Chunk(CONTENT.to_vec().into()),
        vpb::upload_request::Message::Finish(vpb::upload_request::Finish { sha256: sha.into() }),
    ]
    .map(|message| vpb::UploadRequest {
        message: Some(message),
    });
    FileServiceClient::new(walk.suite.channel("vault-storage").await)
        .upload(authed(token, futures::stream::iter(messages)))
        .await
        .expect("alice's file")
        .into_inner()
        .file
        .expect("the file")
        .id
}

/// Every row, in all four schemas, whose text mentions one of `ids`: table -> MD5 of them.
async fn rows_mentioning(db: &TestDb, ids: &[String]) -> BTreeMap<String, String> {
    let client = db.client().await;
    let tables = client
        .query(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables \
             WHERE table_schema IN ('identity', 'vault', 'messaging', 'intelligence') \
             AND table_type = 'BASE TABLE' AND table_name NOT IN \
             ('consumer_cursors', 'rate_limits', 'throttles', '__diesel_schema_migrations') \
             ORDER BY 1",
            &[],
        )
        .await
        .expect("tables");
    let patterns: Vec<String> = ids.iter().map(|id| format!("%{id}%")).collect();
    let mut prints = BTreeMap::new();
    for row in tables {
        let table: String = row.get(0);
        let sql = format!(
            "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) \
             FROM {table} t WHERE t::text LIKE ANY($1)"
        );
        let print: String = client
            .query_one(&sql, &[&patterns])
            .await
            .expect("rows")
            .get(0);
        prints.insert(table, print);
    }
    prints
}

#[tokio::test]
async fn a_second_user_naming_the_first_users_resources_reaches_none_of_them() {
    let walk = start().await;
    let (alice, alice_token) = walk.suite.identity.sign_up("alice").await;
    let (_, bob_token) = walk.suite.identity.sign_up("bob").await;
    let mut hers: Known = known(&walk, &alice.id, &alice_token).await;
    let volume = hers.0["volume_id"].clone();
    let storage_file = content(&walk, &alice_token, &volume).await;
    let mut ids: Vec<String> = hers
        .0
        .iter()
        .filter(|(field, _)| field.ends_with("_id"))
        .map(|(_, id)| id.clone())
        .collect();
    ids.push(storage_file.clone());
    use sha2::Digest as _;
    hers.set(
        "sha256",
        tessera_manifest::hex(&sha2::Sha256::digest(CONTENT)),
    );

    // The same requests naming look-alikes of hers that do not exist: isolation means bob
    // cannot tell her resources from nothing (the volume is the operator's, shared by all).
    let mut nothing = hers.clone();
    for field in [
        "user_id",
        "project_id",
        "workspace_id",
        "file_id",
        "group_id",
        "thread_id",
    ] {
        nothing.set(field, uuid::Uuid::now_v7().to_string());
    }
    nothing.set(
        "sha256",
        tessera_manifest::hex(&sha2::Sha256::digest(b"none of hers")),
    );
    let mut nothing_file = nothing.clone();
    nothing_file.set("file_id", uuid::Uuid::now_v7().to_string());

    let bob = format!("Bearer {bob_token}");
    let db = walk.suite.db();
    let pool = fuzz::pool();
    let (mut called, mut compared, mut failures) = (0, 0, Vec::new());
    let mut codes: BTreeMap<String, usize> = BTreeMap::new();
    // The methods a user may call, those that reach other users last (a chat bob opens with
    // alice would show up in his later listings).
    let mut callable = Vec::new();
    for (_, channel, access) in walk.servers().await {
        let listed = list_services(channel.clone()).await;
        for method in fuzz::methods(&pool) {
            let requirement = access.requirement(&method.service, &method.name);
            if listed.contains(&method.service)
                && matches!(requirement, Requirement::User | Requirement::Open)
            {
                callable.push((channel.clone(), method));
            }
        }
    }
    let reaching = |method: &fuzz::Method| {
        let path = method.path();
        REACHES_OTHERS.iter().any(|(m, _)| *m == &path[1..])
    };
    callable.sort_by_key(|(_, method)| reaching(method));
    for (channel, method) in &callable {
        let path = method.path();
        let name = &path[1..];
        let (mut known, mut control) = (hers.clone(), nothing.clone());
        if method.service == "tessera.vault.v1.FileService" {
            known.set("file_id", storage_file.clone());
            control = nothing_file.clone();
        }
        let request = fuzz::encode(&values::plausible(&method.input, &known, 0));
        let control = fuzz::encode(&values::plausible(&method.input, &control, 0));
        // identity's methods may end the caller's session or account: a bob of their own.
        let bob = if method.service.starts_with("tessera.identity.") {
            let (_, token) = walk.suite.identity.sign_up(&format!("bob{called}")).await;
            format!("Bearer {token}")
        } else {
            bob.clone()
        };
        let reaches = REACHES_OTHERS.iter().any(|(m, _)| *m == name);
        // Bob's answer about nothing, first: what his answer about her must look like.
        let expected = if request == control {
            None
        } else {
            Some(call(channel.clone(), &path, method.shape, control, &bob).await)
        };
        let before = rows_mentioning(db, &ids).await;
        let answer = call(channel.clone(), &path, method.shape, request, &bob).await;
        called += 1;
        *codes
            .entry(format!("{:?}", answer.as_ref().err()))
            .or_default() += 1;
        if let Some(expected) = &expected
            && !reaches
        {
            compared += 1;
            let output = method.output.clone();
            let same = match (&answer, expected) {
                (Ok(a), Ok(b))
                    if method.shape == Shape::Unary || method.shape == Shape::ClientStreaming =>
                {
                    normalized(&output, a) == normalized(&output, b)
                }
                (Ok(a), Ok(b)) => a.len() == b.len(),
                (a, b) => a.as_ref().err() == b.as_ref().err(),
            };
            if !same {
                failures.push(format!(
                    "{name}: bob tells her resources from nothing: {answer:?} against {expected:?}"
                ));
            }
        }
        if let Ok(bytes) = &answer {
            let text = String::from_utf8_lossy(bytes);
            let shown: Vec<&String> = ids.iter().filter(|id| text.contains(id.as_str())).collect();
            if !reaches && !shown.is_empty() {
                failures.push(format!("{name}: the answer shows alice's {shown:?}"));
            }
            if bytes.windows(CONTENT.len()).any(|w| w == CONTENT) {
                failures.push(format!("{name}: the answer holds alice's bytes"));
            }
        }
        let after = rows_mentioning(db, &ids).await;
        if !reaches && after != before {
            let changed: Vec<&String> = after
                .keys()
                .filter(|t| after.get(*t) != before.get(*t))
                .collect();
            failures.push(format!(
                "{name} ({answer:?}): changed alice's rows in {changed:?}"
            ));
        }
    }
    eprintln!(
        "as bob: {called} methods, {compared} compared with nothing of hers; answers {codes:?}"
    );
    assert_eq!(
        codes.get("Some(Unauthenticated)"),
        None,
        "bob stays signed in: every refusal is about what he asked"
    );
    assert!(called > 150, "{called} methods called as bob");
    assert!(
        failures.is_empty(),
        "{} leaks:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A response with what differs between two answers by nature blanked: ids, times, tokens.
fn normalized(output: &MessageDescriptor, bytes: &[u8]) -> String {
    let mut message = DynamicMessage::decode(output.clone(), bytes)
        .unwrap_or_else(|_| DynamicMessage::new(output.clone()));
    blank(&mut message);
    format!("{message:?}")
}

fn blank(message: &mut DynamicMessage) {
    let fields: Vec<_> = message.descriptor().fields().collect();
    for field in fields {
        let name = field.name();
        let changes = name == "id"
            || name.ends_with("_id")
            || name.ends_with("_ids")
            || name.contains("token")
            || name == "etag";
        match field.kind() {
            Kind::Message(m) if m.full_name() == "google.protobuf.Timestamp" => {
                message.clear_field(&field);
            }
            Kind::String if changes => message.clear_field(&field),
            Kind::Message(_) => match message.get_field_mut(&field) {
                Value::Message(nested) => blank(nested),
                Value::List(items) => items.iter_mut().for_each(|item| {
                    if let Value::Message(nested) = item {
                        blank(nested);
                    }
                }),
                _ => {}
            },
            _ => {}
        }
    }
}

/// Calls `path` with one message; the answer's bytes (every streamed message), or the status.
async fn call(
    channel: tonic::transport::Channel,
    path: &str,
    shape: Shape,
    body: Vec<u8>,
    authorization: &str,
) -> Result<Vec<u8>, tonic::Code> {
    tessera_testkit::grpc::call_collect(channel, path, shape, vec![body], Some(authorization))
        .await
        .map_err(|status| status.code())
}
