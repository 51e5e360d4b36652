//! JSON: walks a value, decides from each key (and its object) what the value under it is, and
//! sends strings that are not covered by a key to the text scanner — which unwraps JSON held in
//! strings, so a body logged as an escaped string, or escaped twice, is redacted like any other.
//!
//! The walk keeps its own stack instead of recursing, so nesting depth costs heap, not stack.
//! Recursion only happens through string unwrapping, which `depth` bounds.

use serde_json::{Map, Value};

use super::keys::{self, Field, KeyKind};
use super::{Category, Ctx, MAX_DEPTH, text, url};

/// `text` as a JSON document when, trimmed, it is an object, array or string.
pub(super) fn parse_document(text: &str) -> Option<(&str, Value)> {
    let trimmed = text.trim();
    if !matches!(trimmed.as_bytes().first(), Some(b'{' | b'[' | b'"')) {
        return None;
    }
    serde_json::from_str(trimmed).ok().map(|value| (trimmed, value))
}

/// `redacted` with the whitespace that surrounded the document in `original`.
pub(super) fn rewrap(original: &str, redacted: &str) -> String {
    let lead = &original[..original.len() - original.trim_start().len()];
    let trail = &original[original.trim_end().len()..];
    format!("{lead}{redacted}{trail}")
}

/// Redacts the document parsed from `raw`; the new text in `raw`'s layout, or `None` if nothing
/// was hidden (the caller then keeps `raw` byte for byte). An object that repeats a key comes out
/// with its last value only, as JSON readers take it: the earlier ones were never walked.
pub(super) fn redact_document(
    ctx: &mut Ctx<'_>,
    raw: &str,
    value: Value,
    location: &str,
    depth: usize,
) -> Option<String> {
    match value {
        Value::String(inner) => {
            let redacted = redact_string(ctx, &inner, location, depth, Found::Nested);
            (redacted != inner).then(|| Value::String(redacted).to_string())
        }
        mut value => {
            let before = ctx.removed.len();
            walk(ctx, &mut value, location, depth);
            // Parsing keeps the last of a repeated key; `raw` still holds the earlier ones, which
            // were never looked at. Such a document is always written from what was walked.
            let rewrite = ctx.removed.len() > before || has_repeated_key(raw);
            rewrite.then(|| Layout::of(raw).write(&value))
        }
    }
}

/// Whether an object somewhere in the JSON text `raw` names the same key twice.
fn has_repeated_key(raw: &str) -> bool {
    serde_json::from_str::<Repeats>(raw).is_ok_and(|repeats| repeats.0)
}

/// Any JSON value, read only for whether one of its objects repeats a key. Recursion is bounded
/// by serde_json's depth limit, like every parse here.
struct Repeats(bool);

impl<'de> serde::Deserialize<'de> for Repeats {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RepeatsVisitor)
    }
}

struct RepeatsVisitor;

impl<'de> serde::de::Visitor<'de> for RepeatsVisitor {
    type Value = Repeats;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_str<E>(self, _: &str) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_unit<E>(self) -> Result<Repeats, E> {
        Ok(Repeats(false))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<Repeats, A::Error> {
        let mut repeats = false;
        while let Some(Repeats(inner)) = items.next_element()? {
            repeats |= inner;
        }
        Ok(Repeats(repeats))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Repeats, A::Error> {
        let mut keys = std::collections::HashSet::new();
        let mut repeats = false;
        while let Some(key) = entries.next_key::<String>()? {
            let Repeats(inner) = entries.next_value()?;
            repeats |= inner || !keys.insert(key);
        }
        Ok(Repeats(repeats))
    }
}

/// Where a string to redact was found.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// A whole HTTP body: any JSON document in it is read as JSON.
    Body,
    /// Inside a value (a JSON string not covered by its key): only an object or array inside
    /// it is read as JSON, so `"42"` or `"true"` stay text.
    Nested,
}

/// The one place that decides what a string holds and redacts it so: a JSON document (keeping
/// its layout), a form body, or free text.
pub(super) fn redact_string(ctx: &mut Ctx<'_>, s: &str, location: &str, depth: usize, found: Found) -> String {
    if depth >= MAX_DEPTH {
        return text::redact(ctx, s, location, depth);
    }
    // What is inside a nested string is one level deeper than the string.
    let inner = if found == Found::Body { depth } else { depth + 1 };
    if let Some((trimmed, value)) = parse_document(s)
        && (found == Found::Body || nests(&value))
    {
        return match redact_document(ctx, trimmed, value, location, inner) {
            Some(redacted) => rewrap(s, &redacted),
            None => s.to_owned(),
        };
    }
    if url::looks_like_form(s) {
        return url::redact_form(ctx, s, location, inner);
    }
    text::redact(ctx, s, location, depth)
}

fn nests(value: &Value) -> bool {
    match value {
        Value::Object(_) | Value::Array(_) => true,
        Value::String(inner) => parse_document(inner).is_some(),
        _ => false,
    }
}

/// What the walk knows about one value.
struct Frame {
    /// JSONPath-like position (`$.customer.email`, `$.items[0]`), built from redacted keys.
    path: String,
    /// The (original) key this value sits under; array items inherit their array's key.
    key: Option<String>,
    /// Set when the key, or an enclosing key, says how to hide this value.
    field: Option<Field>,
    /// The key says an object here belongs to a person (`customer`, `user`, ...).
    holder: bool,
    nesting: usize,
}

/// Redacts `root` in place. `base` prefixes every location; `depth` is the unwrapping so far.
pub(super) fn walk(ctx: &mut Ctx<'_>, root: &mut Value, base: &str, depth: usize) {
    let mut stack = vec![(root, Frame { path: "$".to_owned(), key: None, field: None, holder: false, nesting: 0 })];
    while let Some((node, frame)) = stack.pop() {
        let location = format!("{base} {}", frame.path);
        match node {
            Value::Object(map) => {
                let originals = rename_keys(ctx, map, &location);
                let children = object_children(map, &originals, &frame);
                stack.extend(children.into_iter().rev());
            }
            Value::Array(items) => {
                let children: Vec<_> = items
                    .iter_mut()
                    .enumerate()
                    .map(|(i, child)| {
                        let frame = Frame {
                            path: format!("{}[{i}]", frame.path),
                            key: frame.key.clone(),
                            field: frame.field,
                            holder: frame.holder,
                            nesting: frame.nesting + 1,
                        };
                        (child, frame)
                    })
                    .collect();
                stack.extend(children.into_iter().rev());
            }
            leaf => {
                let depth = depth + frame.nesting;
                if let Some(new) = redact_leaf(ctx, leaf, frame.field, &location, depth) {
                    *leaf = new;
                }
            }
        }
    }
}

/// Keys can hold personal data too (a map keyed by email). Returns the original keys, in order,
/// when any changed: decisions are made on what the key said, paths use what it says now.
fn rename_keys(ctx: &mut Ctx<'_>, map: &mut Map<String, Value>, location: &str) -> Vec<String> {
    let before = ctx.removed.len();
    let key_location = format!("{location} key");
    let renamed: Vec<String> = map.keys().map(|k| text::redact(ctx, k, &key_location, MAX_DEPTH)).collect();
    let originals: Vec<String> = map.keys().cloned().collect();
    if ctx.removed.len() == before {
        return originals;
    }
    let old = std::mem::take(map);
    for ((_, value), key) in old.into_iter().zip(renamed) {
        // Two keys can redact to the same text; number the later ones so none is lost.
        let mut unique = key.clone();
        let mut n = 2;
        while map.contains_key(&unique) {
            unique = format!("{key} ({n})");
            n += 1;
        }
        map.insert(unique, value);
    }
    originals
}

fn object_children<'v>(
    map: &'v mut Map<String, Value>,
    originals: &[String],
    frame: &Frame,
) -> Vec<(&'v mut Value, Frame)> {
    let person = frame.holder || looks_personal(map, originals, frame.key.as_deref());
    let parent = frame.key.as_deref().map(keys::normalize).unwrap_or_default();
    let in_headers = parent.ends_with("headers");
    let pair = name_value_pair(map, &parent, frame.field);
    map.iter_mut()
        .zip(originals)
        .map(|((key, child), original)| {
            let kind = match keys::header_field(original).filter(|_| in_headers) {
                Some(field) => KeyKind::Field(field),
                None => keys::classify(original),
            };
            let (own, holder) = match kind {
                KeyKind::Field(field) => (Some(field), false),
                KeyKind::BareName => (person.then_some(Field::Plain(Category::Name)), false),
                KeyKind::Entity => (child.is_string().then_some(Field::Plain(Category::Name)), true),
                KeyKind::Holder => (None, true),
                KeyKind::Plain => (None, false),
            };
            let field = match pair {
                Some(pair_field) if original == "value" => pair_field.or(own),
                Some(_) => own,
                None => own.or(frame.field),
            };
            let frame = Frame {
                path: child_path(&frame.path, key),
                key: Some(original.clone()),
                field,
                holder,
                nesting: frame.nesting + 1,
            };
            (child, frame)
        })
        .collect()
}

/// A person's object: under a person key, or with personal siblings, or typed as a person.
fn looks_personal(map: &Map<String, Value>, originals: &[String], parent: Option<&str>) -> bool {
    if parent.is_some_and(keys::is_error_key) {
        return false;
    }
    originals.iter().zip(map.values()).any(|(key, value)| {
        let personal_key = match keys::classify(key) {
            KeyKind::Field(field) => field.is_personal(),
            _ => matches!(keys::normalize(key).as_str(), "dob" | "birthdate" | "dateofbirth" | "birthday"),
        };
        let person_type = matches!(key.as_str(), "object" | "type" | "kind")
            && value.as_str().is_some_and(|t| {
                matches!(t.to_ascii_lowercase().as_str(), "customer" | "person" | "individual" | "user" | "contact")
            });
        personal_key || person_type
    })
}

/// HAR-style `{"name": "Authorization", "value": "…"}`: the `name` decides how `value` is hidden.
/// `Some(field)` for such a pair (the field may be `None`), `None` for any other object.
fn name_value_pair(map: &Map<String, Value>, parent: &str, inherited: Option<Field>) -> Option<Option<Field>> {
    let name = map.get("name")?.as_str()?;
    if !map.contains_key("value") {
        return None;
    }
    let is_query = matches!(parent, "querystring" | "query" | "params" | "queryparams" | "parameters");
    let kind = if is_query { keys::classify_param(name) } else { keys::classify(name) };
    // Under `cookies`, the pair is one cookie: its name stays, its value goes, whatever the name.
    if matches!(inherited, Some(Field::Cookie | Field::SetCookie)) {
        return Some(Some(Field::Plain(Category::Cookie)));
    }
    let from_name = keys::header_field(name).or_else(|| keys::field_of(kind));
    Some(from_name.or(inherited))
}

fn child_path(parent: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_') {
        format!("{parent}.{key}")
    } else {
        format!("{parent}[{}]", Value::String(key.to_owned()))
    }
}

/// The replacement for a scalar, or `None` to keep it.
fn redact_leaf(ctx: &mut Ctx<'_>, leaf: &Value, field: Option<Field>, location: &str, depth: usize) -> Option<Value> {
    let text = match (field, leaf) {
        (_, Value::Null) | (_, Value::Array(_) | Value::Object(_)) => return None,
        (Some(field), Value::String(s)) => {
            return ctx.hide_field(field, s, location).map(Value::String);
        }
        (Some(Field::Email), _) => return None,
        (Some(field), Value::Bool(_)) if !field.hides_flags() => return None,
        (Some(field), other) => {
            return ctx.hide_field(field, &other.to_string(), location).map(Value::String);
        }
        (None, Value::String(s)) => {
            let redacted = redact_string(ctx, s, location, depth, Found::Nested);
            return (redacted != *s).then_some(Value::String(redacted));
        }
        (None, Value::Bool(_)) => return None,
        (None, Value::Number(n)) => n.to_string(),
    };
    // A number can still be a card number or contain an extra term.
    let redacted = text::redact(ctx, &text, location, MAX_DEPTH);
    (redacted != text).then_some(Value::String(redacted))
}

/// The layout of a JSON text, so a re-serialised document looks like the one that came in.
enum Layout {
    /// `{"a":1,"b":2}`
    Compact,
    /// `{"a": 1, "b": 2}` (Python's default)
    Spaced,
    /// One item per line, with this indent per level.
    Pretty(String),
}

impl Layout {
    fn of(raw: &str) -> Layout {
        if let Some(newline) = raw.find('\n') {
            let indent: String = raw[newline + 1..].chars().take_while(|c| matches!(c, ' ' | '\t')).collect();
            return Layout::Pretty(if indent.is_empty() { "  ".to_owned() } else { indent });
        }
        let (mut in_string, mut escaped) = (false, false);
        for (i, b) in raw.bytes().enumerate() {
            if in_string {
                match (escaped, b) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
            } else if b == b'"' {
                in_string = true;
            } else if matches!(b, b':' | b',') {
                return if raw.as_bytes().get(i + 1) == Some(&b' ') { Layout::Spaced } else { Layout::Compact };
            }
        }
        Layout::Compact
    }

    fn write(&self, value: &Value) -> String {
        match self {
            Layout::Compact => value.to_string(),
            _ => {
                let mut out = String::new();
                self.write_value(&mut out, value, 0);
                out
            }
        }
    }

    /// Recursion is bounded: the document was parsed by serde_json, which stops at 128 levels.
    fn write_value(&self, out: &mut String, value: &Value, level: usize) {
        match value {
            Value::Object(map) if !map.is_empty() => {
                out.push('{');
                for (i, (key, child)) in map.iter().enumerate() {
                    self.separate(out, i, level + 1);
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push_str(": ");
                    self.write_value(out, child, level + 1);
                }
                self.close(out, level);
                out.push('}');
            }
            Value::Array(items) if !items.is_empty() => {
                out.push('[');
                for (i, child) in items.iter().enumerate() {
                    self.separate(out, i, level + 1);
                    self.write_value(out, child, level + 1);
                }
                self.close(out, level);
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    fn separate(&self, out: &mut String, index: usize, level: usize) {
        if index > 0 {
            out.push(',');
        }
        match self {
            Layout::Pretty(indent) => {
                out.push('\n');
                out.push_str(&indent.repeat(level));
            }
            _ if index > 0 => out.push(' '),
            _ => {}
        }
    }

    fn close(&self, out: &mut String, level: usize) {
        if let Layout::Pretty(indent) = self {
            out.push('\n');
            out.push_str(&indent.repeat(level));
        }
    }
}
