//! Parsing a JSON object without building the parts a summary never reads.
//!
//! A summary keeps per call its status, kind, endpoint, time and message; the request's headers
//! and body, often half of a log line, are never looked at. Building them as `serde_json::Value`
//! costs an allocation per string and a hashed insert per key, so [`parse_pruned`] runs them
//! through the same parser and keeps nothing. They are still read in full (UTF-8, escapes, number
//! range, nesting depth), so a line is accepted exactly when the whole parse would accept it, and
//! the object it yields differs only by the pruned keys being absent.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Parses `text` as one JSON value, leaving out every value whose dotted key path (keys joined
/// with `.`, the way [`super::fields::lookup`] matches them) is one of `pruned`.
pub fn parse_pruned(text: &[u8], pruned: &[&str]) -> serde_json::Result<Value> {
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    let value = Pruning { path: "", pruned }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// How a key path stands to the pruned paths.
#[derive(Debug, PartialEq, Eq)]
enum Relation {
    /// The path is pruned.
    Pruned,
    /// A pruned path lies below it.
    Ancestor,
    /// Nothing below it is pruned.
    Unrelated,
}

/// Compares `path.key` against each pruned path without building the joined string.
fn relation(path: &str, key: &str, pruned: &[&str]) -> Relation {
    let mut relation = Relation::Unrelated;
    for candidate in pruned {
        let rest = if path.is_empty() {
            Some(*candidate)
        } else {
            candidate.strip_prefix(path).and_then(|rest| rest.strip_prefix('.'))
        };
        match rest.and_then(|rest| rest.strip_prefix(key)) {
            Some("") => return Relation::Pruned,
            Some(below) if below.starts_with('.') => relation = Relation::Ancestor,
            _ => {}
        }
    }
    relation
}

/// serde_json's own `Value` reads an object with this key as a raw value; the caller falls back
/// to that whole parse rather than differ from it.
const SERDE_RAW_VALUE_KEY: &str = "$serde_json::private::RawValue";

/// Builds a value at `path`, pruning below it.
struct Pruning<'a> {
    path: &'a str,
    pruned: &'a [&'a str],
}

impl<'de> DeserializeSeed<'de> for Pruning<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Pruning<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        // Paths do not reach into arrays (neither does `lookup`), so array items are whole values.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == SERDE_RAW_VALUE_KEY {
                return Err(de::Error::custom("serde_json's raw value token as a key"));
            }
            match relation(self.path, &key, self.pruned) {
                Relation::Pruned => {
                    map.next_value::<Checked>()?;
                }
                Relation::Ancestor => {
                    let path = if self.path.is_empty() { key.clone() } else { format!("{}.{key}", self.path) };
                    let value = map.next_value_seed(Pruning { path: &path, pruned: self.pruned })?;
                    object.insert(key, value);
                }
                Relation::Unrelated => {
                    let value = map.next_value::<Value>()?;
                    object.insert(key, value);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

/// A value read in full and dropped. Unlike `serde::de::IgnoredAny`, which serde_json skips over without
/// checking strings, numbers or depth, it goes through the same checks as a value that is kept.
struct Checked;

impl<'de> de::Deserialize<'de> for Checked {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CheckedVisitor)
    }
}

struct CheckedVisitor;

impl<'de> Visitor<'de> for CheckedVisitor {
    type Value = Checked;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_str<E>(self, _: &str) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_unit<E>(self) -> Result<Checked, E> {
        Ok(Checked)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Checked, A::Error> {
        while seq.next_element::<Checked>()?.is_some() {}
        Ok(Checked)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Checked, A::Error> {
        while map.next_key::<Checked>()?.is_some() {
            map.next_value::<Checked>()?;
        }
        Ok(Checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRUNED: &[&str] = &["request.body", "request.headers", "payload", "http.request.body.content"];

    fn pruned(text: &str) -> Value {
        parse_pruned(text.as_bytes(), PRUNED).expect("valid JSON")
    }

    #[test]
    fn leaves_out_pruned_paths_nested_or_flattened_and_keeps_the_rest() {
        let text = r#"{"status":409,"request":{"method":"POST","body":{"a":[1,2]},"headers":{"x":"y"}},
            "request.body":"flat","payload":[1],"http":{"request":{"body":{"content":"c","bytes":3}}},
            "response":{"body":{"error":"Conflict"}}}"#;
        let expected: Value = serde_json::from_str(
            r#"{"status":409,"request":{"method":"POST"},"http":{"request":{"body":{"bytes":3}}},
            "response":{"body":{"error":"Conflict"}}}"#,
        )
        .expect("valid JSON");
        assert_eq!(pruned(text), expected);
    }

    #[test]
    fn without_pruned_keys_it_equals_the_whole_parse() {
        let text = r#"{"a":1.5,"b":-3,"c":18446744073709551615,"d":"\u00e9\n","e":[{"request":{"body":1}}],"f":null}"#;
        assert_eq!(pruned(text), serde_json::from_str::<Value>(text).expect("valid JSON"));
        assert_eq!(pruned("[1,{\"payload\":2}]"), serde_json::json!([1, {"payload": 2}]));
    }

    #[test]
    fn a_pruned_value_is_still_checked() {
        for bad in [
            r#"{"payload":"\ud800"}"#,
            r#"{"payload":1e400}"#,
            "{\"payload\":\"\u{1}\"}",
            r#"{"payload":{"a":}}"#,
            r#"{"payload":"unterminated}"#,
        ] {
            let whole = serde_json::from_str::<Value>(bad).is_err();
            assert_eq!(parse_pruned(bad.as_bytes(), PRUNED).is_err(), whole, "{bad}");
            assert!(whole, "{bad}");
        }
        let deep = format!("{{\"payload\":{}{}}}", "[".repeat(200), "]".repeat(200));
        let error = parse_pruned(deep.as_bytes(), PRUNED).expect_err("too deep");
        assert!(error.to_string().starts_with("recursion limit exceeded"), "{error}");
        let invalid_utf8 = b"{\"payload\":\"\xff\"}";
        assert!(parse_pruned(invalid_utf8, PRUNED).is_err());
    }

    #[test]
    fn a_repeated_key_keeps_the_last_value_like_the_whole_parse() {
        let text = r#"{"status":200,"request":{"body":1},"status":404,"request":{"url":"/x"}}"#;
        assert_eq!(pruned(text), serde_json::json!({"status": 404, "request": {"url": "/x"}}));
    }

    #[test]
    fn relation_matches_whole_segments_only() {
        assert_eq!(relation("", "payload", PRUNED), Relation::Pruned);
        assert_eq!(relation("", "request", PRUNED), Relation::Ancestor);
        assert_eq!(relation("", "req", PRUNED), Relation::Unrelated);
        assert_eq!(relation("", "request.body", PRUNED), Relation::Pruned);
        assert_eq!(relation("request", "bodyx", PRUNED), Relation::Unrelated);
        assert_eq!(relation("http", "request.body", PRUNED), Relation::Ancestor);
        assert_eq!(relation("http.request.body", "content", PRUNED), Relation::Pruned);
    }
}
