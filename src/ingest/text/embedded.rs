//! Whether a JSON object a text line ends with can matter to a summary, told from its bytes.
//!
//! Lines that end with an object that is not a call are common (a job's parameters, a test's
//! expected values, a debug dump), and reading each object, only to find none of the keys a
//! call or an error is read from, was a fifth of reading such a log. An object makes a line a
//! call only through those keys, and a key is written in the object's text as a quote followed
//! by its name (only an escape can hide one).

use super::super::{error_body, fields};
use std::sync::LazyLock;

/// The names whose mention may make an object count: the first key of every path that tells
/// a call from its fields (status, method, URL), which a flattened key (`"http.response.status"`)
/// starts with too, and every key an error body is read from. Grouped by their first byte.
static NAMES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let paths = [*fields::STATUS, *fields::METHOD, *fields::URL].into_iter().flatten().copied();
    let firsts = paths.map(fields::first_key);
    let mut by_first_byte = vec![Vec::new(); 256];
    for name in firsts.chain(error_body::OBJECT_KEYS.iter().copied()) {
        // An empty name (a user's `""` path) follows every quote.
        let buckets = match name.as_bytes().first() {
            Some(first) => usize::from(*first)..usize::from(*first) + 1,
            None => 0..256,
        };
        for bucket in &mut by_first_byte[buckets] {
            if !bucket.contains(&name) {
                bucket.push(name);
            }
        }
    }
    by_first_byte
});

/// Whether `text` may hold a key a call or an error is read from: `false` only when none of
/// those names follows any quote in it and it has no escape. The object `text` holds (if any)
/// then neither describes a call nor carries an error, whatever its other keys.
pub fn may_name_call_key(text: &str) -> bool {
    let names = &*NAMES;
    let bytes = text.as_bytes();
    // Plain loops: written as closures in `any`, the inner one became a call of its own in a build
    // whose other code changed, and this check took a fifth more instructions (haproxy +1.9 %).
    for at in super::super::scan::positions_of(bytes, b'"', b'\\') {
        if bytes[at] == b'\\' {
            return true;
        }
        let name_start = &bytes[at + 1..];
        let Some(first) = name_start.first() else { continue };
        for name in &names[usize::from(*first)] {
            if name_start.starts_with(name.as_bytes()) {
                return true;
            }
        }
    }
    false
}
