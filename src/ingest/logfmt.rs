//! logfmt lines (`ts=… level=info method=POST url=… status=409`): Go services (go-kit, logrus
//! text, zap's logfmt), the Heroku router, Loki. The pairs become an object and field discovery
//! reads it as it reads JSON, so the same aliases apply; a message that names the call
//! (`msg="POST /push (200) 33ms"`) is read as text, and a word before the pairs that is a time
//! (Heroku's syslog prefix) is the call's time.

use super::json_value::JsonObject;
use super::sparse::{self, Bump, Members, Node};
use super::{Detail, SkipReason, line, scan, time};
use crate::record::Record;
use std::borrow::Cow;

/// Fewer pairs than this and a line is not logfmt (a sentence with one `a=b` in it).
const MIN_PAIRS: usize = 2;
/// Pairs most lines have at most (a Heroku router line has twelve).
const PAIRS_HINT: usize = 16;

/// Reads one line, its call pushed onto `records` (nothing pushed when the line is not one); a
/// line with too few pairs is read as generic text.
pub fn read_into(line: &str, detail: Detail, records: &mut Vec<Record>) -> Result<(), SkipReason> {
    let read = sparse::with_bump(|bump| {
        let object = pairs(line, bump)?;
        Some(line::object_record_into(&object, detail, records))
    });
    let Some(read) = read else {
        return super::text::parse_into(line, detail, records);
    };
    read.map_err(|reason| match reason {
        SkipReason::JsonNotACall => SkipReason::NoApiCall,
        other => other,
    })
}

/// Whether `line` is logfmt that describes a call (format detection).
pub fn reads_call(line: &str) -> bool {
    sparse::with_bump(|bump| {
        pairs(line, bump).is_some_and(|object| line::object_record(&object, Detail::Summary).is_ok())
    })
}

/// The pairs of a line (a key written twice keeps its last value), or `None` when it has fewer
/// than [`MIN_PAIRS`]: an object of strings as the JSON scanner keeps one, borrowed from the line
/// where no escape had to be undone, which field discovery reads as it reads JSON.
fn pairs<'a>(line: &'a str, bump: &'a Bump) -> Option<Members<'a>> {
    // Room for a line's pairs from the start: grown from empty, the object was reallocated
    // twice on a Loki line, a twentieth of reading it.
    let mut object = Members::with_capacity_in(PAIRS_HINT, bump);
    let mut rest = scan::trim(line);
    let mut leading_time = None;
    let mut first = true;
    while !rest.is_empty() {
        // A key's bytes are printable ASCII other than `=`: where they run up to one, that is
        // where the word ends too (one pass over the key rather than two).
        let key_end = rest.bytes().position(|b| !is_key_byte(b)).unwrap_or(rest.len());
        let word_end = if rest.as_bytes().get(key_end) == Some(&b'=') { key_end } else { end_of_word(rest, b'=') };
        let key = &rest[..word_end];
        // A word that runs past its key bytes holds a byte no key has: only one whose key bytes
        // run up to its `=` is a key (its bytes were checked as they were counted).
        if rest[word_end..].starts_with('=') && word_end == key_end && (1..=MAX_KEY_LEN).contains(&key_end) {
            let (value, after) = value_at(&rest[word_end + 1..]);
            let value = match value {
                Cow::Borrowed(value) => value,
                Cow::Owned(value) => bump.alloc_str(&value),
            };
            object.insert(key, Node::String(value));
            rest = scan::trim_start(after);
        } else {
            // A word that is not a pair: skip to the next space (a quoted word whole).
            let end = if rest.starts_with('"') { value_at(rest).1 } else { &rest[word_end..] };
            let word = &rest[..rest.len() - end.len()];
            if first && time::parse_text(word).is_some() {
                leading_time = Some(word);
            }
            rest = scan::trim_start(end.trim_start_matches('='));
        }
        first = false;
    }
    if object.len() < MIN_PAIRS {
        return None;
    }
    if let Some(at) = leading_time
        && object.get("time").is_none()
    {
        object.insert("time", Node::String(at));
    }
    Some(object)
}

/// Bytes a key has at most.
const MAX_KEY_LEN: usize = 64;

fn is_key_byte(byte: u8) -> bool {
    KEY_BYTES[usize::from(byte)]
}

/// The bytes of a key: ASCII letters and digits, `_`, `.`, `-`, `@` and `/`.
const KEY_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'@' | b'/');
        byte += 1;
    }
    table
};

/// Where the word at the start of `text` ends: at its first whitespace (as `char::is_whitespace`
/// says) or `stop`, or the text's end. By bytes, printable ASCII sixteen at a time, a character
/// decoded only where one is not ASCII: `str::find` with a closure decoded every one.
fn end_of_word(text: &str, stop: u8) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += scan::printable_run(&bytes[at..], stop, stop);
        let Some(&byte) = bytes.get(at) else { return bytes.len() };
        if byte.is_ascii() {
            // ASCII's whitespace by `char::is_whitespace`: tab, LF, vertical tab, form feed, CR, space.
            if byte == stop || matches!(byte, b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b' ') {
                return at;
            }
            at += 1;
        } else {
            let c = text[at..].chars().next().expect("a character starts at a non-ASCII byte here");
            if c.is_whitespace() {
                return at;
            }
            at += c.len_utf8();
        }
    }
}

/// A value (quoted with `\"` escapes, or bare to the next space) and the text after it.
fn value_at(text: &str) -> (Cow<'_, str>, &str) {
    let Some(quoted) = text.strip_prefix('"') else {
        // A bare value ends at whitespace only (a space is that already).
        let end = end_of_word(text, b' ');
        return (Cow::Borrowed(&text[..end]), &text[end..]);
    };
    // Without a backslash before the closing quote, the value is the text between the quotes.
    match memchr::memchr2(b'"', b'\\', quoted.as_bytes()) {
        Some(at) if quoted.as_bytes()[at] == b'"' => return (Cow::Borrowed(&quoted[..at]), &quoted[at + 1..]),
        None => return (Cow::Borrowed(quoted), ""),
        Some(_) => {}
    }
    let mut value = String::new();
    let mut chars = quoted.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return (Cow::Owned(value), &quoted[at + 1..]),
            '\\' => match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, escaped)) => value.push(escaped),
                None => value.push('\\'),
            },
            _ => value.push(c),
        }
    }
    // An unclosed quote runs to the end of the line.
    (Cow::Owned(value), "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::json_value::JsonValue;
    use proptest::prelude::*;

    fn pairs_of(line: &str) -> Option<Members<'_>> {
        pairs(line, sparse::leaked_bump())
    }

    proptest! {
        #[test]
        fn a_word_ends_where_a_search_by_characters_ends_it(text in "[a-z0-9=\"\\\\ \t\u{0B}\u{01}\u{1F}\u{7F}\u{85}\u{A0}\u{2003}é😀]{0,40}") {
            let by_chars = |stop: char| text.find(|c: char| c.is_whitespace() || c == stop).unwrap_or(text.len());
            prop_assert_eq!(end_of_word(&text, b'='), by_chars('='));
            prop_assert_eq!(end_of_word(&text, b' '), by_chars(' '));
        }
    }

    fn read(line: &str, detail: Detail) -> Result<Record, SkipReason> {
        let mut records = Vec::new();
        read_into(line, detail, &mut records)?;
        assert_eq!(records.len(), 1, "one call pushed");
        Ok(records.remove(0))
    }

    #[test]
    fn pairs_quoted_and_bare() {
        let object = pairs_of(r#"ts=2024-05-02T12:17:25Z level=debug msg="POST /push (200) \"x\" 33ms" empty= k"#)
            .expect("pairs");
        assert_eq!(object.get("msg").and_then(JsonValue::as_str), Some("POST /push (200) \"x\" 33ms"));
        assert_eq!(object.get("empty").and_then(JsonValue::as_str), Some(""));
        assert_eq!(object.len(), 4);
        assert!(pairs_of("just a sentence with a=b in it").is_none());
        let twice = pairs_of("a=1 b=2 a=3").expect("pairs");
        let shown: Vec<String> =
            twice.entries().map(|(key, value)| format!("{key}={}", value.as_str().unwrap_or_default())).collect();
        assert_eq!(shown, ["a=3", "b=2"]);
    }

    #[test]
    fn a_key_runs_to_its_equals_sign_and_no_further() {
        let long = "k".repeat(65);
        let line = format!("note k=1 a b.c-d@e/f_9=2 x=y=z =v é=3 {long}=4 q");
        let object = pairs_of(&line).expect("pairs");
        let shown: Vec<String> =
            object.entries().map(|(key, value)| format!("{key}={}", value.as_str().unwrap_or_default())).collect();
        assert_eq!(shown, ["k=1", "b.c-d@e/f_9=2", "x=y=z"]);
    }

    #[test]
    fn calls_in_logfmt() {
        let go = read(
            r#"level=error method=POST url=https://api.example.com/v1/users status=409 err="duplicate""#,
            Detail::Full,
        )
        .expect("call");
        assert_eq!((go.status, go.method.as_deref()), (409, Some("POST")));
        let loki = read(
            r#"ts=2024-05-02T12:17:25.606619951Z caller=http.go:194 level=debug msg="POST /push.v1.PusherService/Push (200) 33.598849ms""#,
            Detail::Full,
        )
        .expect("call");
        assert_eq!((loki.status, loki.url.as_deref()), (200, Some("/push.v1.PusherService/Push")));
        assert!(loki.time_ms.is_some());
        let heroku = read(
            r#"2014-05-01T10:00:00+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=GET path="/api/x" host=app.herokuapp.com request_id=8601b555 status=503 bytes=0"#,
            Detail::Full,
        )
        .expect("call");
        assert_eq!((heroku.status, heroku.url.as_deref()), (503, Some("/api/x")));
        assert_eq!(heroku.time_ms, time::parse_text("2014-05-01T10:00:00+00:00"));
        assert_eq!(read("level=info msg=\"cache warmed\" keys=12", Detail::Full), Err(SkipReason::NoApiCall));
    }
}
