//! The codec every generated client and server uses: prost's encoding, with the checks that
//! belong at the edge done once for every request of every service.
//!
//! Before a request is decoded, its wire bytes are walked with the message's descriptor: a
//! string field (at any depth, map keys and `google.protobuf.Struct` values included) that is
//! not UTF-8 or holds a NUL character is refused as INVALID_ARGUMENT with a field violation
//! naming it. PostgreSQL stores neither, so without this such a string became INTERNAL deep in
//! a handler. A body that does not decode is INVALID_ARGUMENT with a plain message (prost's
//! text and tonic's INTERNAL would tell a client nothing it can act on, and ABORTED inside a
//! stream would ask it to retry garbage). Responses are decoded as prost does, unchecked.

use std::collections::{HashMap, HashSet};
use std::marker::PhantomData;
use std::sync::LazyLock;

use prost::{Message, Name};
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

/// prost's nesting limit: deeper input fails to decode anyway.
const MAX_DEPTH: u32 = 100;
/// Violations named in one answer; a request with more is refused for its first few.
const MAX_VIOLATIONS: usize = 10;

/// prost's codec with the edge checks on requests (see the module docs).
#[derive(Debug)]
pub struct EdgeCodec<T, U>(PhantomData<fn() -> (T, U)>);

impl<T, U> Default for EdgeCodec<T, U> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<T, U> Codec for EdgeCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Name + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = tonic_prost::ProstEncoder<T>;
    type Decoder = EdgeDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        tonic_prost::ProstEncoder::new(BufferSettings::default())
    }

    fn decoder(&mut self) -> Self::Decoder {
        let name = U::full_name();
        let index = schema();
        let message = index.by_name.get(&name).copied();
        EdgeDecoder {
            request: index.requests.contains(&name),
            checked: message.filter(|&m| index.messages[m].has_text),
            name,
            _pd: PhantomData,
        }
    }
}

/// Decodes `U`, checking its strings first when it is some RPC's request.
#[derive(Debug)]
pub struct EdgeDecoder<U> {
    name: String,
    request: bool,
    /// The message to walk: `None` when it holds no string at any depth.
    checked: Option<usize>,
    _pd: PhantomData<fn() -> U>,
}

impl<U: Message + Default> Decoder for EdgeDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        use bytes::Buf;
        if self.request
            && let Some(message) = self.checked
        {
            let violations = check(message, buf.chunk());
            if !violations.is_empty() {
                return Err(invalid_strings(violations));
            }
        }
        match U::decode(buf) {
            Ok(message) => Ok(Some(message)),
            Err(_) if self.request => Err(undecodable(&self.name)),
            Err(_) => Err(Status::internal(format!(
                "the response is not a valid {} message",
                self.name
            ))),
        }
    }

    fn buffer_settings(&self) -> BufferSettings {
        BufferSettings::default()
    }
}

/// Checks the strings of an encoded `full_name` message: the field violations it would be
/// refused with (empty when it passes, or when the name is not in the descriptor set).
pub fn check_message(full_name: &str, bytes: &[u8]) -> Vec<FieldViolation> {
    match schema().by_name.get(full_name) {
        Some(&message) => check(message, bytes),
        None => Vec::new(),
    }
}

/// INVALID_ARGUMENT for a body that is not an encoding of `name` (a stream's later message
/// included): the same plain answer everywhere, with a violation naming the request.
fn undecodable(name: &str) -> Status {
    Status::with_error_details(
        Code::InvalidArgument,
        format!("the request is not a valid {name} message"),
        ErrorDetails::with_bad_request(vec![FieldViolation::new(
            "request",
            format!("not a valid protobuf encoding of {name}"),
        )]),
    )
}

fn invalid_strings(violations: Vec<FieldViolation>) -> Status {
    let message = match violations.as_slice() {
        [only] => format!("invalid {}: {}", only.field, only.description),
        many => format!("{} invalid fields", many.len()),
    };
    Status::with_error_details(
        Code::InvalidArgument,
        message,
        ErrorDetails::with_bad_request(violations),
    )
}

fn check(message: usize, bytes: &[u8]) -> Vec<FieldViolation> {
    let mut walk = Walk {
        schema: schema(),
        path: Vec::new(),
        found: Vec::new(),
    };
    // A malformed body stops the walk; decoding then says it is not a valid message.
    let _ = walk.message(message, bytes, 0);
    walk.found
}

/// What the walk needs of one message type.
#[derive(Debug)]
struct MessageInfo {
    /// Fields by number, sorted.
    fields: Vec<FieldInfo>,
    /// Whether a string is reachable from it.
    has_text: bool,
    /// A `google.protobuf` type (Struct, Value, ...): violations inside are named by the field
    /// that holds it.
    opaque: bool,
}

#[derive(Debug)]
struct FieldInfo {
    number: u32,
    name: String,
    repeated: bool,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Message(usize),
    Other,
}

#[derive(Debug)]
struct Schema {
    messages: Vec<MessageInfo>,
    by_name: HashMap<String, usize>,
    /// Every RPC's input type.
    requests: HashSet<String>,
}

fn schema() -> &'static Schema {
    static SCHEMA: LazyLock<Schema> = LazyLock::new(|| {
        let set = prost_types::FileDescriptorSet::decode(crate::FILE_DESCRIPTOR_SET)
            .expect("the descriptor set compiled into this crate decodes");
        Schema::new(&set)
    });
    &SCHEMA
}

impl Schema {
    fn new(set: &prost_types::FileDescriptorSet) -> Self {
        use prost_types::field_descriptor_proto::{Label, Type};
        let mut named = Vec::new();
        let mut requests = HashSet::new();
        for file in &set.file {
            let package = file.package();
            for message in &file.message_type {
                collect(package, message, &mut named);
            }
            for service in &file.service {
                for method in &service.method {
                    requests.insert(method.input_type().trim_start_matches('.').to_owned());
                }
            }
        }
        let by_name: HashMap<String, usize> = named
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.clone(), i))
            .collect();
        let mut messages: Vec<MessageInfo> = named
            .iter()
            .map(|(name, message)| {
                let mut fields: Vec<FieldInfo> = message
                    .field
                    .iter()
                    .map(|field| FieldInfo {
                        number: u32::try_from(field.number()).unwrap_or_default(),
                        name: field.name().to_owned(),
                        repeated: field.label() == Label::Repeated,
                        kind: match field.r#type() {
                            Type::String => Kind::Text,
                            Type::Message => by_name
                                .get(field.type_name().trim_start_matches('.'))
                                .map_or(Kind::Other, |&m| Kind::Message(m)),
                            _ => Kind::Other,
                        },
                    })
                    .collect();
                fields.sort_by_key(|f| f.number);
                MessageInfo {
                    has_text: fields.iter().any(|f| f.kind == Kind::Text),
                    opaque: name.starts_with("google.protobuf."),
                    fields,
                }
            })
            .collect();
        // Strings reachable through nested messages (types may recurse: iterate to a fixpoint).
        loop {
            let reach: Vec<bool> = messages
                .iter()
                .map(|m| {
                    m.has_text
                        || m.fields.iter().any(|f| match f.kind {
                            Kind::Message(n) => messages[n].has_text,
                            _ => false,
                        })
                })
                .collect();
            let mut changed = false;
            for (message, reach) in messages.iter_mut().zip(reach) {
                changed |= reach != message.has_text;
                message.has_text = reach;
            }
            if !changed {
                break;
            }
        }
        Self {
            messages,
            by_name,
            requests,
        }
    }
}

fn collect<'a>(
    scope: &str,
    message: &'a prost_types::DescriptorProto,
    out: &mut Vec<(String, &'a prost_types::DescriptorProto)>,
) {
    let name = format!("{scope}.{}", message.name());
    for nested in &message.nested_type {
        collect(&name, nested, out);
    }
    out.push((name, message));
}

/// Where the walk is: the field path down to the current message.
struct Walk<'s> {
    schema: &'s Schema,
    path: Vec<(&'s str, Option<usize>)>,
    found: Vec<FieldViolation>,
}

/// The wire is malformed: stop walking.
struct Malformed;

impl<'s> Walk<'s> {
    fn message(&mut self, message: usize, mut bytes: &[u8], depth: u32) -> Result<(), Malformed> {
        if depth > MAX_DEPTH {
            return Err(Malformed);
        }
        let schema = self.schema;
        let info = &schema.messages[message];
        let mut counts: Vec<(u32, usize)> = Vec::new();
        while !bytes.is_empty() {
            let key = varint(&mut bytes)?;
            let number = u32::try_from(key >> 3).map_err(|_| Malformed)?;
            let value = match key & 7 {
                0 => {
                    varint(&mut bytes)?;
                    continue;
                }
                1 => {
                    take(&mut bytes, 8)?;
                    continue;
                }
                5 => {
                    take(&mut bytes, 4)?;
                    continue;
                }
                2 => {
                    let len = usize::try_from(varint(&mut bytes)?).map_err(|_| Malformed)?;
                    take(&mut bytes, len)?
                }
                // Groups (deprecated) and unknown wire types: prost decides.
                _ => return Err(Malformed),
            };
            let Ok(at) = info.fields.binary_search_by_key(&number, |f| f.number) else {
                continue;
            };
            let field = &info.fields[at];
            let index =
                field
                    .repeated
                    .then(|| match counts.iter_mut().find(|(n, _)| *n == number) {
                        Some((_, count)) => {
                            *count += 1;
                            *count - 1
                        }
                        None => {
                            counts.push((number, 1));
                            0
                        }
                    });
            match field.kind {
                Kind::Text => {
                    let why = match std::str::from_utf8(value) {
                        Err(_) => Some("must be valid UTF-8"),
                        Ok(text) if text.contains('\0') => {
                            Some("must not contain NUL (U+0000) characters")
                        }
                        Ok(_) => None,
                    };
                    if let Some(why) = why {
                        // Inside Struct and friends, the field holding the value is named.
                        let at = (!info.opaque).then_some((field.name.as_str(), index));
                        self.report(at, why);
                    }
                }
                Kind::Message(nested) if schema.messages[nested].has_text => {
                    let named = !info.opaque;
                    if named {
                        self.path.push((&field.name, index));
                    }
                    let walked = self.message(nested, value, depth + 1);
                    if named {
                        self.path.pop();
                    }
                    walked?;
                }
                _ => {}
            }
            if self.found.len() >= MAX_VIOLATIONS {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Records a violation at the current path, then `last` when given.
    fn report(&mut self, last: Option<(&str, Option<usize>)>, why: &str) {
        let mut path = String::new();
        for (segment, at) in self.path.iter().copied().chain(last) {
            push_segment(&mut path, segment, at);
        }
        if !self.found.iter().any(|v| v.field == path) {
            self.found.push(FieldViolation::new(path, why));
        }
    }
}

fn push_segment(path: &mut String, segment: &str, index: Option<usize>) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(segment);
    if let Some(at) = index {
        path.push_str(&format!("[{at}]"));
    }
}

fn varint(bytes: &mut &[u8]) -> Result<u64, Malformed> {
    let mut value = 0u64;
    for shift in 0..10 {
        let (&byte, rest) = bytes.split_first().ok_or(Malformed)?;
        *bytes = rest;
        value |= u64::from(byte & 0x7f) << (7 * shift);
        if byte < 0x80 {
            return Ok(value);
        }
    }
    Err(Malformed)
}

fn take<'a>(bytes: &mut &'a [u8], len: usize) -> Result<&'a [u8], Malformed> {
    if bytes.len() < len {
        return Err(Malformed);
    }
    let (taken, rest) = bytes.split_at(len);
    *bytes = rest;
    Ok(taken)
}
