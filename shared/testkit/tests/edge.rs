//! What the edge codec and the kit's stream reader promise, checked on every method of the
//! real services: a NUL (or invalid UTF-8) in any string field is INVALID_ARGUMENT naming that
//! field; a malformed message in a client stream is INVALID_ARGUMENT with the same plain
//! message a unary call gets, never ABORTED; hundreds of bad fields still fit in the trailers.

use prost_reflect::{DynamicMessage, FieldDescriptor, Kind, ReflectMessage, Value};
use tessera_kit::auth::layer::Requirement;
use tessera_proto::tessera::intelligence::v1 as ipb;
use tessera_testkit::fuzz::{self, Known, values};
use tessera_testkit::grpc::{Shape, call_messages, list_services};
use tessera_testkit::suite::{OPERATOR_TOKEN, service_token};
use tessera_testkit::{authed, bad_fields};
use tonic::Code;
use tonic::transport::Channel;

use crate::fuzz::start;

/// String (and Struct) fields of `method`'s request, top-level and one level down, with the
/// path a violation names.
fn text_fields(input: &prost_reflect::MessageDescriptor) -> Vec<(Vec<FieldDescriptor>, String)> {
    let mut out = Vec::new();
    let mut visit = |path: Vec<FieldDescriptor>| {
        let field = path.last().expect("a field").clone();
        let text = matches!(field.kind(), Kind::String)
            || matches!(field.kind(), Kind::Message(m) if m.full_name() == "google.protobuf.Struct");
        if text && !field.is_map() {
            let mut named: Vec<String> = path.iter().map(|f| f.name().to_owned()).collect();
            if field.is_list() {
                named.last_mut().expect("a name").push_str("[0]");
            }
            out.push((path, named.join(".")));
        }
    };
    for field in input.fields() {
        visit(vec![field.clone()]);
        if let Kind::Message(nested) = field.kind()
            && !field.is_list()
            && !field.is_map()
            && !nested.full_name().starts_with("google.protobuf.")
        {
            for inner in nested.fields() {
                visit(vec![field.clone(), inner]);
            }
        }
    }
    out
}

/// A value of `field` holding `text`: the string, a one-item list, or a Struct value.
fn holding(field: &FieldDescriptor, text: &str) -> Value {
    let single = match field.kind() {
        Kind::Message(m) => {
            let mut s = DynamicMessage::new(m.clone());
            let entries = m.get_field_by_name("fields").expect("Struct.fields");
            let Kind::Message(entry) = entries.kind() else {
                unreachable!("a map")
            };
            let Kind::Message(value) = entry.map_entry_value_field().kind() else {
                unreachable!("Value")
            };
            let mut v = DynamicMessage::new(value);
            v.set_field_by_name("string_value", Value::String(text.into()));
            s.set_field(
                &entries,
                Value::Map([(prost_reflect::MapKey::String("k".into()), Value::Message(v))].into()),
            );
            Value::Message(s)
        }
        _ => Value::String(text.into()),
    };
    if field.is_list() {
        Value::List(vec![single])
    } else {
        single
    }
}

fn set(message: &mut DynamicMessage, path: &[FieldDescriptor], value: Value) {
    match path {
        [last] => message.set_field(last, value),
        [first, rest @ ..] => {
            if let Value::Message(nested) = message.get_field_mut(first) {
                set(nested, rest, value);
            }
        }
        [] => {}
    }
}

#[tokio::test]
async fn a_nul_or_invalid_utf8_in_any_string_field_is_refused_naming_the_field() {
    let walk = start().await;
    let (user, token) = walk.suite.identity.sign_up("edgy").await;
    let mut known = Known::default();
    known.set("user_id", user.id);
    let servers = walk.servers().await;
    let pool = fuzz::pool();
    let (mut checked, mut wrong) = (0, Vec::new());
    for (server, channel, access) in &servers {
        let listed = list_services(channel.clone()).await;
        for method in fuzz::methods(&pool)
            .iter()
            .filter(|m| listed.contains(&m.service))
        {
            let credential = credential(access.requirement(&method.service, &method.name), &token);
            let base = values::plausible(&method.input, &known, 0);
            for (path, name) in text_fields(&method.input) {
                for text in ["a\0b", values::BAD_UTF8] {
                    let mut message = base.clone();
                    set(
                        &mut message,
                        &path,
                        holding(path.last().expect("a field"), text),
                    );
                    let status = call_messages(
                        channel.clone(),
                        &method.path(),
                        method.shape,
                        vec![fuzz::encode(&message)],
                        credential.as_deref(),
                        std::time::Duration::from_secs(10),
                    )
                    .await;
                    checked += 1;
                    if status.code() != Code::InvalidArgument
                        || !bad_fields(&status).contains(&name)
                    {
                        wrong.push(format!(
                            "{server} {} {name} {text:?}: {status:?}",
                            method.path()
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 300, "{checked} string fields checked");
    assert!(
        wrong.is_empty(),
        "{} of {checked} not refused by field:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The credential a method takes, as an authorization value.
fn credential(requirement: Requirement, user_token: &str) -> Option<String> {
    match requirement {
        Requirement::Public => None,
        Requirement::Service => Some(format!("Bearer {}", service_token("messaging"))),
        Requirement::Operator => Some(format!("Bearer {OPERATOR_TOKEN}")),
        _ => Some(format!("Bearer {user_token}")),
    }
}

/// `message` with its repeated fields emptied, at every depth (a plausible start names one
/// made-up parent or item, which a real start would not).
fn without_lists(message: &mut DynamicMessage) {
    let fields: Vec<FieldDescriptor> = message.descriptor().fields().collect();
    for field in fields {
        if field.is_list() {
            message.clear_field(&field);
        } else if message.has_field(&field)
            && let Value::Message(nested) = message.get_field_mut(&field)
        {
            without_lists(nested);
        }
    }
}

#[tokio::test]
async fn malformed_messages_in_client_streams_are_invalid_argument_never_aborted() {
    let walk = start().await;
    let (user, token) = walk.suite.identity.sign_up("streamer").await;
    let mut known = crate::fuzz::known(&walk, &user.id, &token).await;
    // Users name no user on blobs (only services act for one).
    known.set("user_id", "");
    let servers = walk.servers().await;
    let pool = fuzz::pool();
    let mut streams = 0;
    for (_, channel, access) in &servers {
        let listed = list_services(channel.clone()).await;
        let client_streams = fuzz::methods(&pool)
            .into_iter()
            .filter(|m| listed.contains(&m.service) && m.shape == Shape::ClientStreaming);
        for method in client_streams {
            streams += 1;
            let credential = credential(access.requirement(&method.service, &method.name), &token);
            let mut first = values::plausible(&method.input, &known, 0);
            without_lists(&mut first);
            let first = fuzz::encode(&first);
            let garbage = vec![0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01];
            for messages in [vec![garbage.clone()], vec![first.clone(), garbage.clone()]] {
                let at = messages.len();
                let status = call_messages(
                    channel.clone(),
                    &method.path(),
                    method.shape,
                    messages,
                    credential.as_deref(),
                    std::time::Duration::from_secs(10),
                )
                .await;
                assert_eq!(
                    (status.code(), status.message()),
                    (
                        Code::InvalidArgument,
                        format!(
                            "the request is not a valid {} message",
                            method.input.full_name()
                        )
                        .as_str()
                    ),
                    "{} with garbage as message {at}",
                    method.path()
                );
            }
        }
    }
    assert_eq!(
        streams, 6,
        "Upload, UploadChunk, WriteBlob, WriteManifest, UploadMedia, CreateSnapshot"
    );
}

#[tokio::test]
async fn hundreds_of_bad_fields_fit_in_the_trailers() {
    let walk = start().await;
    let (_, token) = walk.suite.identity.sign_up("parents").await;
    let spec = ipb::SnapshotSpec {
        request_id: uuid::Uuid::now_v7().to_string(),
        workspace_id: uuid::Uuid::now_v7().to_string(),
        workspace_version: 1,
        parent_snapshot_ids: vec!["not a snapshot id".into(); 300],
        ..Default::default()
    };
    let channel: Channel = walk.suite.channel("project-intelligence").await;
    let status = tessera_proto::tessera::intelligence::v1::snapshot_service_client::SnapshotServiceClient::new(channel)
        .create_snapshot(authed(
            &token,
            futures::stream::iter([ipb::CreateSnapshotRequest {
                message: Some(ipb::create_snapshot_request::Message::Spec(spec)),
            }]),
        ))
        .await
        .expect_err("300 bad parents");
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    let trailers = status.details().len().div_ceil(3) * 4 + status.message().len();
    assert!(
        trailers < fuzz::MAX_TRAILERS,
        "{trailers} bytes of trailers"
    );
    let fields = bad_fields(&status);
    assert!(
        fields.len() > 10 && fields.len() < 300,
        "{} violations named",
        fields.len()
    );
    use tonic_types::StatusExt;
    let last = status
        .get_details_bad_request()
        .expect("BadRequest")
        .field_violations
        .pop()
        .expect("a violation");
    assert!(
        last.description.contains("more invalid fields not listed"),
        "{last:?}"
    );
}
