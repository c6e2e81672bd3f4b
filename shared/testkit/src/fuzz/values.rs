//! Field values for the fuzz walk: a plausible value for every field (chosen by its type and
//! name, with real ids where the walk knows them, so a request gets past the first checks),
//! and the hostile values of each type that a request mutates one field to.

use std::collections::HashMap;

use bytes::Bytes;
use prost_reflect::{DynamicMessage, FieldDescriptor, Kind, MapKey, MessageDescriptor, Value};

/// Encoded in place of a string, then overwritten with invalid UTF-8 of the same length.
pub const BAD_UTF8: &str = "\u{7f}FUZZ-BAD-UTF8\u{7f}";
/// What [`BAD_UTF8`] becomes on the wire.
pub fn bad_utf8_bytes() -> Vec<u8> {
    let mut bytes = vec![0xfe; BAD_UTF8.len()];
    bytes[0] = 0xff;
    bytes[1] = 0xc3; // a lead byte followed by no continuation byte
    bytes
}

/// Ids (and other values) of real resources, by field name (`volume_id`, `project_id`, ...):
/// plausible requests name them, so they reach the code behind the lookups.
#[derive(Debug, Clone, Default)]
pub struct Known(pub HashMap<String, String>);

impl Known {
    /// Records `value` for fields named `field`.
    pub fn set(&mut self, field: &str, value: impl Into<String>) {
        self.0.insert(field.to_owned(), value.into());
    }
}

/// How deep plausible messages are filled in.
const MAX_DEPTH: usize = 4;

/// A plausible message of type `descriptor`: every field set (the first member of each oneof).
pub fn plausible(descriptor: &MessageDescriptor, known: &Known, depth: usize) -> DynamicMessage {
    let mut message = DynamicMessage::new(descriptor.clone());
    if depth > MAX_DEPTH {
        return message;
    }
    if let Some(special) = well_known(descriptor) {
        return special;
    }
    for field in descriptor.fields() {
        if let Some(oneof) = field.containing_oneof()
            && oneof.fields().next().map(|f| f.number()) != Some(field.number())
        {
            continue;
        }
        message.set_field(&field, plausible_field(&field, known, depth));
    }
    message
}

/// A plausible value of `field` (a one-item list or map for repeated fields).
pub fn plausible_field(field: &FieldDescriptor, known: &Known, depth: usize) -> Value {
    let one = plausible_single(field, known, depth);
    if field.is_map() {
        let Value::Message(entry) = one else {
            return field.default_value();
        };
        let key = entry
            .get_field_by_name("key")
            .map(|v| map_key(&v))
            .unwrap_or(MapKey::String("k".into()));
        let value = entry
            .get_field_by_name("value")
            .map(|v| v.into_owned())
            .unwrap_or(Value::String("v".into()));
        Value::Map(HashMap::from([(key, value)]))
    } else if field.is_list() {
        Value::List(vec![one])
    } else {
        one
    }
}

fn map_key(value: &Value) -> MapKey {
    match value {
        Value::Bool(b) => MapKey::Bool(*b),
        Value::I32(n) => MapKey::I32(*n),
        Value::I64(n) => MapKey::I64(*n),
        Value::U32(n) => MapKey::U32(*n),
        Value::U64(n) => MapKey::U64(*n),
        Value::String(s) => MapKey::String(s.clone()),
        _ => MapKey::String("k".into()),
    }
}

fn plausible_single(field: &FieldDescriptor, known: &Known, depth: usize) -> Value {
    let name = field.name();
    match field.kind() {
        Kind::String => Value::String(plausible_text(name, known)),
        Kind::Bytes => Value::Bytes(Bytes::from(vec![7u8; plausible_len(name)])),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => Value::I64(plausible_number(name)),
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            Value::I32(i32::try_from(plausible_number(name)).unwrap_or(1))
        }
        Kind::Uint64 | Kind::Fixed64 => Value::U64(plausible_number(name).unsigned_abs()),
        Kind::Uint32 | Kind::Fixed32 => {
            Value::U32(u32::try_from(plausible_number(name)).unwrap_or(1))
        }
        Kind::Bool => Value::Bool(false),
        Kind::Double => Value::F64(0.5),
        Kind::Float => Value::F32(0.5),
        Kind::Enum(e) => Value::EnumNumber(e.values().nth(1).map_or(0, |v| v.number())),
        Kind::Message(m) => Value::Message(plausible(&m, known, depth + 1)),
    }
}

fn plausible_text(name: &str, known: &Known) -> String {
    if let Some(value) = known.0.get(name) {
        return value.clone();
    }
    match name {
        "email" => "fuzz@example.com".into(),
        "username" | "identifier" => "fuzzer".into(),
        "password" => "correct horse battery staple".into(),
        "mime_type" => "text/plain".into(),
        "sha256" => "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into(),
        "page_token" => String::new(),
        "host" => "127.0.0.1".into(),
        n if n.ends_with("_id") || n == "id" => uuid::Uuid::now_v7().to_string(),
        n if n.contains("path") || n.contains("prefix") => "fuzz/a.txt".into(),
        n if n.contains("url") || n.contains("uri") => "http://127.0.0.1:9/".into(),
        _ => "fuzz".into(),
    }
}

fn plausible_len(name: &str) -> usize {
    if name.contains("signature") {
        64
    } else if name == "chunk" || name == "data" || name.contains("ciphertext") {
        1024
    } else if name.contains("iv") {
        12
    } else {
        32
    }
}

fn plausible_number(name: &str) -> i64 {
    match name {
        "page_size" => 10,
        "offset" | "write_offset" | "cursor" | "after_cursor" | "chunk_index" => 0,
        n if n.contains("size") || n.contains("bytes") => 4,
        _ => 1,
    }
}

/// Plausible values of the well-known types that have rules of their own.
fn well_known(descriptor: &MessageDescriptor) -> Option<DynamicMessage> {
    let mut message = DynamicMessage::new(descriptor.clone());
    match descriptor.full_name() {
        "google.protobuf.Timestamp" => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            message.set_field_by_name("seconds", Value::I64(now as i64));
        }
        "google.protobuf.Duration" => message.set_field_by_name("seconds", Value::I64(1)),
        "google.protobuf.FieldMask" => {
            message.set_field_by_name("paths", Value::List(vec![Value::String("name".into())]))
        }
        "google.protobuf.Struct" => {
            return Some(structure(&[("k", Value::String("v".into()))], descriptor));
        }
        _ => return None,
    }
    Some(message)
}

/// A `google.protobuf.Struct` with string values.
fn structure(entries: &[(&str, Value)], descriptor: &MessageDescriptor) -> DynamicMessage {
    let mut message = DynamicMessage::new(descriptor.clone());
    let Some(fields) = descriptor.get_field_by_name("fields") else {
        return message;
    };
    let Kind::Message(entry) = fields.kind() else {
        return message;
    };
    let value_type = entry.map_entry_value_field();
    let Kind::Message(value_descriptor) = value_type.kind() else {
        return message;
    };
    let map = entries
        .iter()
        .map(|(key, value)| {
            let mut v = DynamicMessage::new(value_descriptor.clone());
            match value {
                Value::Message(nested) => {
                    v.set_field_by_name("struct_value", Value::Message(nested.clone()))
                }
                other => v.set_field_by_name("string_value", other.clone()),
            }
            (MapKey::String((*key).to_owned()), Value::Message(v))
        })
        .collect();
    message.set_field(&fields, Value::Map(map));
    message
}

/// The hostile values a field of this kind is set to, one request each, with a label.
pub fn hostile(field: &FieldDescriptor, known: &Known) -> Vec<(String, Value)> {
    let mut values: Vec<(String, Value)> = Vec::new();
    let single = |label: &str, value: Value| (label.to_owned(), value);
    match field.kind() {
        Kind::String => {
            for (label, text) in [
                ("empty", String::new()),
                ("200 KiB", "a".repeat(200 << 10)),
                ("NUL", "a\0b".into()),
                ("controls", "\u{1}\u{7}\u{1b}[31m\u{7f}\u{85}".into()),
                ("bidi", "\u{202e}txt.exe".into()),
                ("invalid UTF-8", BAD_UTF8.into()),
                (
                    "upper-case uuid",
                    "6F9619FF-8B86-D011-B42D-00C04FC964FF".into(),
                ),
                (
                    "braced uuid",
                    "{00000000-0000-0000-0000-000000000000}".into(),
                ),
                ("bare uuid", "0196a0f4a8b97d3e8f1234567890abcd".into()),
                ("not an id", "not-an-id".into()),
                ("traversal", "../../../../.tessera-uploads/x".into()),
                ("sql", "' OR 1=1; --".into()),
                ("80 KB of emoji", "\u{1F600}".repeat(20_000)),
                ("escapes", "\\u0000 %00 %2e%2e".into()),
            ] {
                values.push(single(label, Value::String(text)));
            }
        }
        Kind::Bytes => {
            for (label, len) in [
                ("empty", 0),
                ("1 byte", 1),
                ("31 bytes", 31),
                ("33 bytes", 33),
                ("3 MiB", 3 << 20),
            ] {
                values.push(single(label, Value::Bytes(Bytes::from(vec![0xa5; len]))));
            }
        }
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => {
            for n in [
                0,
                -1,
                i64::MIN,
                i64::MAX,
                i64::MAX - 1,
                1 << 53,
                (1 << 53) - 1,
                1 << 62,
            ] {
                values.push((format!("{n}"), Value::I64(n)));
            }
        }
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => {
            for n in [0, -1, i32::MIN, i32::MAX] {
                values.push((format!("{n}"), Value::I32(n)));
            }
        }
        Kind::Uint64 | Kind::Fixed64 => {
            for n in [0, u64::MAX, 1 << 63, (1 << 53) + 1] {
                values.push((format!("{n}"), Value::U64(n)));
            }
        }
        Kind::Uint32 | Kind::Fixed32 => {
            for n in [0, u32::MAX] {
                values.push((format!("{n}"), Value::U32(n)));
            }
        }
        Kind::Bool => values.push(single("true", Value::Bool(true))),
        Kind::Double => {
            for (label, n) in [
                ("NaN", f64::NAN),
                ("-inf", f64::NEG_INFINITY),
                ("1e308", 1e308),
            ] {
                values.push(single(label, Value::F64(n)));
            }
        }
        Kind::Float => values.push(single("NaN", Value::F32(f32::NAN))),
        Kind::Enum(_) => {
            values.push(single("enum 9999", Value::EnumNumber(9999)));
            values.push(single("enum -1", Value::EnumNumber(-1)));
        }
        Kind::Message(m) => {
            values.push(single(
                "empty message",
                Value::Message(DynamicMessage::new(m.clone())),
            ));
            values.extend(hostile_well_known(&m));
        }
    }
    if field.is_map() || field.is_list() {
        // Each single value above as the one item, then many plausible items.
        values = values
            .into_iter()
            .filter_map(|(label, value)| as_collection(field, value).map(|v| (label, v)))
            .collect();
        let item = plausible_single(field, known, 1);
        for count in [300, 5_000] {
            if let Some(many) = repeated(field, &item, count) {
                values.push((format!("{count} items"), many));
            }
        }
    }
    values
}

fn as_collection(field: &FieldDescriptor, value: Value) -> Option<Value> {
    if field.is_map() {
        // Hostile map entries are covered by the Struct cases.
        return None;
    }
    Some(Value::List(vec![value]))
}

fn repeated(field: &FieldDescriptor, item: &Value, count: usize) -> Option<Value> {
    if field.is_map() {
        let Value::Message(entry) = item else {
            return None;
        };
        let value = entry.get_field_by_name("value")?.into_owned();
        let map = (0..count)
            .map(|i| (MapKey::String(format!("k{i}")), value.clone()))
            .collect();
        return Some(Value::Map(map));
    }
    Some(Value::List(vec![item.clone(); count]))
}

fn hostile_well_known(m: &MessageDescriptor) -> Vec<(String, Value)> {
    let with = |pairs: &[(&str, Value)]| {
        let mut message = DynamicMessage::new(m.clone());
        for (name, value) in pairs {
            message.set_field_by_name(name, value.clone());
        }
        Value::Message(message)
    };
    match m.full_name() {
        "google.protobuf.Timestamp" => vec![
            (
                "timestamp max".into(),
                with(&[("seconds", Value::I64(i64::MAX)), ("nanos", Value::I32(-1))]),
            ),
            (
                "timestamp min".into(),
                with(&[("seconds", Value::I64(i64::MIN))]),
            ),
        ],
        "google.protobuf.Duration" => vec![
            ("duration -1s".into(), with(&[("seconds", Value::I64(-1))])),
            (
                "duration max".into(),
                with(&[
                    ("seconds", Value::I64(i64::MAX)),
                    ("nanos", Value::I32(999_999_999)),
                ]),
            ),
        ],
        "google.protobuf.FieldMask" => vec![(
            "odd paths".into(),
            with(&[(
                "paths",
                Value::List(
                    ["", "a.b.c", "name\0", "*"]
                        .map(|p| Value::String(p.into()))
                        .to_vec(),
                ),
            )]),
        )],
        "google.protobuf.Struct" => {
            let mut nested = structure(&[("leaf", Value::String("x".into()))], m);
            for _ in 0..45 {
                // Each level is a Struct and a Value: 90 messages deep, under prost's limit.
                nested = structure(&[("n", Value::Message(nested))], m);
            }
            let mut too_deep = nested.clone();
            for _ in 0..10 {
                too_deep = structure(&[("n", Value::Message(too_deep))], m);
            }
            let wide: Vec<(String, Value)> = (0..10_000)
                .map(|i| (format!("key{i}"), Value::String("value".into())))
                .collect();
            let wide: Vec<(&str, Value)> =
                wide.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            vec![
                ("Struct 90 deep".into(), Value::Message(nested)),
                ("Struct 110 deep".into(), Value::Message(too_deep)),
                (
                    "Struct 10k keys".into(),
                    Value::Message(structure(&wide, m)),
                ),
                (
                    "Struct NUL".into(),
                    Value::Message(structure(&[("a\0", Value::String("b\0".into()))], m)),
                ),
                (
                    "Struct bad UTF-8".into(),
                    Value::Message(structure(&[("k", Value::String(BAD_UTF8.into()))], m)),
                ),
            ]
        }
        _ => Vec::new(),
    }
}
