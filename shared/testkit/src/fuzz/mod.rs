//! The fuzz walk's requests and verdicts. For every method of every `tessera.*` service, the
//! walk starts from a plausible request (every field set, real ids where known) and sends it
//! with one field at a time set to each hostile value of its type ([`values::hostile`]), then a
//! few random mixes (from a seed), raw undecodable bodies and, for client streams, malformed
//! first and later messages, a stream closed early and a second start. [`problem`] says what is
//! wrong with an answer: a server fault, or text that leaks SQL, paths, decoders or stacks.

pub mod values;

use prost::Message as _;
use prost_reflect::{
    DescriptorPool, DynamicMessage, FieldDescriptor, Kind, MessageDescriptor, Value,
};
use rand::Rng;
use rand::rngs::StdRng;

use crate::grpc::Shape;
pub use values::Known;

/// One request (for client streams, its messages in order), encoded.
#[derive(Debug, Clone)]
pub struct Case {
    /// What was changed, for reports.
    pub label: String,
    pub messages: Vec<Vec<u8>>,
}

/// A method of the descriptor set.
#[derive(Debug, Clone)]
pub struct Method {
    /// `package.Service`.
    pub service: String,
    pub name: String,
    pub shape: Shape,
    pub input: MessageDescriptor,
    pub output: MessageDescriptor,
}

impl Method {
    /// `/package.Service/Method`.
    pub fn path(&self) -> String {
        format!("/{}/{}", self.service, self.name)
    }
}

/// The descriptor set compiled into `tessera-proto`.
pub fn pool() -> DescriptorPool {
    DescriptorPool::decode(tessera_proto::FILE_DESCRIPTOR_SET).expect("the descriptor set decodes")
}

/// Every method of every `tessera.*` service but the kit's test service.
pub fn methods(pool: &DescriptorPool) -> Vec<Method> {
    let mut methods = Vec::new();
    for service in pool.services() {
        let full = service.full_name().to_owned();
        if !full.starts_with("tessera.") || full.starts_with("tessera.testing.") {
            continue;
        }
        for method in service.methods() {
            let shape = match (method.is_client_streaming(), method.is_server_streaming()) {
                (false, false) => Shape::Unary,
                (false, true) => Shape::ServerStreaming,
                (true, false) => Shape::ClientStreaming,
                (true, true) => Shape::Bidirectional,
            };
            methods.push(Method {
                service: full.clone(),
                name: method.name().to_owned(),
                shape,
                input: method.input(),
                output: method.output(),
            });
        }
    }
    methods
}

/// Bodies no message decodes from: a bad wire type, a length past the end, a cut varint.
fn undecodable(rng: &mut StdRng) -> Vec<(String, Vec<u8>)> {
    let mut noise = vec![0u8; 64];
    rng.fill(&mut noise[..]);
    vec![
        ("bad wire type".into(), vec![0x0f, 0x01]),
        (
            "length past the end".into(),
            vec![0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01],
        ),
        ("cut varint".into(), vec![0x08, 0xff]),
        ("group".into(), vec![0x0b, 0x0c]),
        ("noise".into(), noise),
    ]
}

/// Encodes `message`, then turns every [`values::BAD_UTF8`] into invalid UTF-8 (same length).
pub fn encode(message: &DynamicMessage) -> Vec<u8> {
    let mut bytes = message.encode_to_vec();
    let (marker, bad) = (values::BAD_UTF8.as_bytes(), values::bad_utf8_bytes());
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(marker.len()).position(|w| w == marker) {
        let start = at + found;
        bytes[start..start + marker.len()].copy_from_slice(&bad);
        at = start + marker.len();
    }
    bytes
}

/// The fields the walk mutates, as paths from the request: each top-level field, and the
/// fields of singular, non-well-known messages one level down.
fn field_paths(input: &MessageDescriptor) -> Vec<Vec<FieldDescriptor>> {
    let mut paths = Vec::new();
    for field in input.fields() {
        paths.push(vec![field.clone()]);
        if let Kind::Message(nested) = field.kind()
            && !field.is_list()
            && !field.is_map()
            && !nested.full_name().starts_with("google.protobuf.")
        {
            for inner in nested.fields() {
                paths.push(vec![field.clone(), inner]);
            }
        }
    }
    paths
}

/// `message` with the field at `path` set to `value` (parents made present as needed).
fn with(message: &DynamicMessage, path: &[FieldDescriptor], value: Value) -> DynamicMessage {
    let mut message = message.clone();
    set(&mut message, path, value);
    message
}

fn set(message: &mut DynamicMessage, path: &[FieldDescriptor], value: Value) {
    match path {
        [] => {}
        [last] => message.set_field(last, value),
        [first, rest @ ..] => {
            if let Value::Message(nested) = message.get_field_mut(first) {
                set(nested, rest, value);
            }
        }
    }
}

fn label(path: &[FieldDescriptor], what: &str) -> String {
    let names: Vec<&str> = path.iter().map(FieldDescriptor::name).collect();
    format!("{}={what}", names.join("."))
}

/// Every case of one method: single-field mutations, `mixes` random mixes, raw bodies and,
/// for client streams, the stream cases.
pub fn cases(method: &Method, known: &Known, rng: &mut StdRng, mixes: usize) -> Vec<Case> {
    let base = values::plausible(&method.input, known, 0);
    let mut firsts: Vec<(String, Vec<u8>)> = vec![("plausible".into(), encode(&base))];
    let paths = field_paths(&method.input);
    for path in &paths {
        let field = path.last().expect("a path names a field");
        firsts.push((
            label(path, "absent"),
            encode(&with(&base, path, field.default_value())),
        ));
        for (what, value) in values::hostile(field, known) {
            firsts.push((label(path, &what), encode(&with(&base, path, value))));
        }
    }
    for round in 0..mixes {
        let mut mixed = base.clone();
        let mut changed = Vec::new();
        for path in &paths {
            if rng.random_ratio(1, 3) {
                let options = values::hostile(path.last().expect("a field"), known);
                if options.is_empty() {
                    continue;
                }
                let (what, value) = options[rng.random_range(0..options.len())].clone();
                set(&mut mixed, path, value);
                changed.push(label(path, &what));
            }
        }
        firsts.push((
            format!("mix {round}: {}", changed.join(", ")),
            encode(&mixed),
        ));
    }
    firsts.extend(undecodable(rng));
    match method.shape {
        Shape::Unary | Shape::ServerStreaming => firsts
            .into_iter()
            .map(|(label, body)| Case {
                label,
                messages: vec![body],
            })
            .collect(),
        Shape::ClientStreaming | Shape::Bidirectional => stream_cases(method, known, firsts),
    }
}

/// Client streams: each first message followed by plausible data; then a malformed later
/// message, a stream closed after its start, a second start, hostile data and a full stream.
fn stream_cases(method: &Method, known: &Known, firsts: Vec<(String, Vec<u8>)>) -> Vec<Case> {
    let input = &method.input;
    let start = firsts[0].1.clone();
    // The later messages: each other member of the request's oneof, alone.
    let mut later: Vec<(FieldDescriptor, DynamicMessage)> = Vec::new();
    for field in input.fields() {
        if field.containing_oneof().is_some() && field.number() != first_member(input) {
            let mut message = DynamicMessage::new(input.clone());
            message.set_field(&field, values::plausible_field(&field, known, 1));
            later.push((field, message));
        }
    }
    let data: Vec<Vec<u8>> = later
        .iter()
        .filter(|(f, _)| f.kind() == Kind::Bytes)
        .map(|(_, m)| encode(m))
        .collect();
    let mut cases: Vec<Case> = firsts
        .into_iter()
        .map(|(label, first)| {
            let mut messages = vec![first];
            messages.extend(data.iter().cloned());
            Case { label, messages }
        })
        .collect();
    cases.push(Case {
        label: "malformed later message".into(),
        messages: vec![start.clone(), vec![0x0f, 0x01]],
    });
    cases.push(Case {
        label: "closed after the start".into(),
        messages: vec![start.clone()],
    });
    cases.push(Case {
        label: "a second start".into(),
        messages: vec![start.clone(), start.clone()],
    });
    cases.push(Case {
        label: "every kind of message in order".into(),
        messages: std::iter::once(start.clone())
            .chain(later.iter().map(|(_, m)| encode(m)))
            .collect(),
    });
    for (field, _) in &later {
        for (what, value) in values::hostile(field, known) {
            let mut message = DynamicMessage::new(input.clone());
            message.set_field(field, value);
            cases.push(Case {
                label: format!("later {}={what}", field.name()),
                messages: vec![start.clone(), encode(&message)],
            });
        }
    }
    cases
}

/// The number of the request's first oneof member (what a stream starts with).
fn first_member(input: &MessageDescriptor) -> u32 {
    input
        .oneofs()
        .next()
        .and_then(|o| o.fields().next())
        .map_or(0, |f| f.number())
}

/// Texts no answer may carry: SQL and its errors, decoders' and stacks' text, server paths.
const LEAKS: &[&str] = &[
    "select ",
    "insert into",
    "update vault",
    "delete from",
    "syntax error",
    "violates",
    "relation \"",
    "column \"",
    "out of range for type",
    "bigint out of range",
    "invalid byte sequence",
    "unicode escape",
    "sqlstate",
    "failed to decode",
    "invalid wire type",
    "buffer underflow",
    "decodeerror",
    "protobuf message",
    "panicked",
    "stack backtrace",
    ".rs:",
    "/tmp/",
    "/work/",
    "/root/",
    "/home/",
    "/var/",
    "/etc/",
    "/proc/",
    "/usr/",
];

/// The first of [`LEAKS`] that `text` carries (SQL, a server path, a decoder's or a stack's
/// text), if any: for answers and for log lines.
pub fn leak(text: &str) -> Option<&'static str> {
    let text = text.to_lowercase();
    LEAKS.iter().copied().find(|leak| text.contains(leak))
}

/// Largest status a client accepts without complaint: grpc-core's soft limit on trailers.
pub const MAX_TRAILERS: usize = 8 * 1024;

/// What is wrong with `status` as an answer to a hostile request, if anything.
pub fn problem(status: &tonic::Status) -> Option<String> {
    use tonic::Code;
    match status.code() {
        Code::Internal | Code::Unknown => {
            return Some(format!("{:?}: {}", status.code(), status.message()));
        }
        // Only the client's own bytes may be DATA_LOSS: content that is not the hash it sent.
        Code::DataLoss
            if !["sha-256", "hash"]
                .iter()
                .any(|named| status.message().to_lowercase().contains(named)) =>
        {
            return Some(format!("DATA_LOSS: {}", status.message()));
        }
        _ => {}
    }
    let text = format!(
        "{} {}",
        status.message(),
        String::from_utf8_lossy(status.details())
    );
    if let Some(leak) = leak(&text) {
        return Some(format!("carries {leak:?}: {status:?}"));
    }
    let trailers = status.details().len().div_ceil(3) * 4 + status.message().len();
    if trailers > MAX_TRAILERS {
        return Some(format!("{trailers} bytes of trailers"));
    }
    None
}
