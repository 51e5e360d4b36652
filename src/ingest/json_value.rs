//! What field discovery reads of a JSON value, whichever way it was read: whole by serde_json,
//! or borrowed from the line by the summary scanner ([`super::sparse`]), which builds no
//! `serde_json::Value` and no hashed map for the few fields a summary reads.

use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// A JSON value, seen through one of its shapes.
pub enum Shape<'v, V: JsonValue> {
    Null,
    Bool(bool),
    Number(&'v Number),
    String(&'v str),
    Array(&'v [V]),
    Object(&'v V::Object),
}

/// A JSON value discovery can read.
pub trait JsonValue: Sized {
    /// The objects this value holds.
    type Object: JsonObject<Value = Self>;

    /// What the value is.
    fn shape(&self) -> Shape<'_, Self>;

    /// The value as serde_json's, for the rare reads that need the whole of it (an error body
    /// that is not text, a bad status shown in a message).
    fn to_value(&self) -> Cow<'_, Value>;

    fn as_str(&self) -> Option<&str> {
        match self.shape() {
            Shape::String(text) => Some(text),
            _ => None,
        }
    }

    fn as_object(&self) -> Option<&Self::Object> {
        match self.shape() {
            Shape::Object(object) => Some(object),
            _ => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self.shape() {
            Shape::Number(number) => number.as_f64(),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.shape(), Shape::Null)
    }
}

/// A JSON object discovery can read. A key written twice holds its last value, as in serde_json.
pub trait JsonObject {
    /// The values this object holds.
    type Value: JsonValue<Object = Self>;

    fn get(&self, key: &str) -> Option<&Self::Value>;

    /// Whether [`Self::get`] costs less than a pass over the members, however many there are.
    fn get_is_cheap(&self) -> bool {
        false
    }

    /// Whether the object may hold a value at the path of `key_bits` (from
    /// `sparse::path_key_bits`): `false` only when it surely does not. Objects that keep no key
    /// bits say `true`.
    fn may_hold(&self, key_bits: &super::sparse::PathBits) -> bool {
        let _ = key_bits;
        true
    }

    fn len(&self) -> usize;

    /// The members in the order they were first written.
    fn entries(&self) -> impl Iterator<Item = (&str, &Self::Value)>;

    /// Whether [`Self::value_at`] is one step, not a walk of the members.
    const INDEXED: bool = false;

    /// Words that objects with the same keys in the same order, the same of them holding
    /// objects, share (and others mostly do not). Objects that keep none say zeros.
    fn fingerprint(&self) -> [u64; 6] {
        [0; 6]
    }

    /// The value of the member at `index` in [`Self::entries`]' order.
    fn value_at(&self, index: usize) -> Option<&Self::Value> {
        self.entries().nth(index).map(|(_, value)| value)
    }
}

impl JsonValue for Value {
    type Object = Map<String, Value>;

    fn shape(&self) -> Shape<'_, Self> {
        match self {
            Value::Null => Shape::Null,
            Value::Bool(flag) => Shape::Bool(*flag),
            Value::Number(number) => Shape::Number(number),
            Value::String(text) => Shape::String(text),
            Value::Array(items) => Shape::Array(items),
            Value::Object(object) => Shape::Object(object),
        }
    }

    fn to_value(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self)
    }
}

impl JsonObject for Map<String, Value> {
    type Value = Value;

    fn get(&self, key: &str) -> Option<&Value> {
        Map::get(self, key)
    }

    fn len(&self) -> usize {
        Map::len(self)
    }

    fn entries(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.iter().map(|(key, value)| (key.as_str(), value))
    }
}
