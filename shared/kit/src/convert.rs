//! Conversions at the protobuf edge that every service needs: times and free JSON.

use chrono::{DateTime, Utc};
use prost_types::value::Kind;
use serde_json::Value;

/// A stored time as a protobuf `Timestamp`.
pub fn timestamp(at: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: at.timestamp(),
        nanos: i32::try_from(at.timestamp_subsec_nanos()).unwrap_or(i32::MAX),
    }
}

/// A protobuf `Timestamp` as a time, or `None` when it is out of range or not normalised.
pub fn from_timestamp(at: &prost_types::Timestamp) -> Option<DateTime<Utc>> {
    let nanos = u32::try_from(at.nanos).ok()?;
    DateTime::from_timestamp(at.seconds, nanos)
}

/// A protobuf `Struct` as a JSON object.
pub fn struct_to_json(s: &prost_types::Struct) -> Value {
    Value::Object(
        s.fields
            .iter()
            .map(|(k, v)| (k.clone(), value_to_json(v)))
            .collect(),
    )
}

fn value_to_json(v: &prost_types::Value) -> Value {
    match &v.kind {
        None | Some(Kind::NullValue(_)) => Value::Null,
        Some(Kind::BoolValue(b)) => Value::Bool(*b),
        Some(Kind::NumberValue(n)) => {
            serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number)
        }
        Some(Kind::StringValue(s)) => Value::String(s.clone()),
        Some(Kind::ListValue(l)) => Value::Array(l.values.iter().map(value_to_json).collect()),
        Some(Kind::StructValue(s)) => struct_to_json(s),
    }
}

/// A JSON object as a protobuf `Struct` (anything but an object gives an empty `Struct`).
pub fn json_to_struct(v: &Value) -> prost_types::Struct {
    let fields = match v {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), json_to_value(v)))
            .collect(),
        _ => Default::default(),
    };
    prost_types::Struct { fields }
}

fn json_to_value(v: &Value) -> prost_types::Value {
    let kind = match v {
        Value::Null => Kind::NullValue(0),
        Value::Bool(b) => Kind::BoolValue(*b),
        Value::Number(n) => Kind::NumberValue(n.as_f64().unwrap_or_default()),
        Value::String(s) => Kind::StringValue(s.clone()),
        Value::Array(a) => Kind::ListValue(prost_types::ListValue {
            values: a.iter().map(json_to_value).collect(),
        }),
        Value::Object(_) => Kind::StructValue(json_to_struct(v)),
    };
    prost_types::Value { kind: Some(kind) }
}

/// The fields an `update_mask` names, each one of `allowed`; violations (an empty mask, an
/// unknown or repeated field) are recorded under `update_mask`.
pub fn mask_paths(
    v: &mut crate::error::FieldViolations,
    mask: Option<&prost_types::FieldMask>,
    allowed: &[&'static str],
) -> Vec<&'static str> {
    let paths = mask.map(|m| m.paths.as_slice()).unwrap_or_default();
    if paths.is_empty() {
        v.add(
            "update_mask",
            format!("name at least one of {}", allowed.join(", ")),
        );
    }
    let mut named = Vec::new();
    for path in paths {
        match allowed.iter().find(|a| **a == path) {
            Some(field) if !named.contains(field) => named.push(*field),
            Some(_) => {
                v.add("update_mask", format!("{path} is named twice"));
            }
            None => {
                v.add(
                    "update_mask",
                    format!(
                        "{} is not an updatable field (only {})",
                        path.chars().take(64).collect::<String>(),
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn timestamps_round_trip() {
        let at = DateTime::from_timestamp(1_700_000_000, 123_456_000).expect("time");
        assert_eq!(from_timestamp(&timestamp(at)), Some(at));
        let bad = prost_types::Timestamp {
            seconds: 0,
            nanos: -1,
        };
        assert_eq!(from_timestamp(&bad), None);
    }

    #[test]
    fn json_round_trips_through_struct() {
        let value = json!({"a": 1.5, "b": [true, null, "x"], "c": {"d": "e"}});
        assert_eq!(struct_to_json(&json_to_struct(&value)), value);
    }
}
