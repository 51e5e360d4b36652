//! [`super::PATTERNS`] on an ASCII message, matched by hand: the four regexes cost a message some
//! 10,000 instructions (a search each, and one more to replace), and messages that carry an
//! email or an id are new each time, so no memo helps. Each pattern is replaced in its own pass,
//! in the patterns' order, finding what its regex finds (leftmost, longest as the regex is
//! greedy, `\w` and `\b` ASCII's); a test holds the passes to the regexes.

use crate::ingest::scan::is_uuid;

/// `text` (ASCII) with its emails, UUIDs, long hex ids and long numbers replaced by placeholders.
pub(super) fn replaced(text: String) -> String {
    let text = replace_each(text, email_at, "{email}");
    let text = replace_each(text, uuid_at, "{id}");
    let text = replace_each(text, |bytes, from| run_at(bytes, from, 16, u8::is_ascii_hexdigit), "{id}");
    replace_each(text, |bytes, from| run_at(bytes, from, 5, u8::is_ascii_digit), "{n}")
}

/// `text` with every match `find` finds replaced by `placeholder`; `find(bytes, from)` is the
/// first match at or after `from`, as a range.
fn replace_each(text: String, find: impl Fn(&[u8], usize) -> Option<(usize, usize)>, placeholder: &str) -> String {
    let bytes = text.as_bytes();
    let Some(mut found) = find(bytes, 0) else { return text };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    loop {
        let (start, end) = found;
        out.push_str(&text[copied..start]);
        out.push_str(placeholder);
        copied = end;
        match find(bytes, end) {
            Some(next) => found = next,
            None => break,
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// `\w` of an ASCII regex.
fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether a `\b` is before `at`, where `text[at]` is a word byte.
fn boundary_before(text: &[u8], at: usize) -> bool {
    at == 0 || !is_word(text[at - 1])
}

/// Whether a `\b` is at `end`, where `text[end - 1]` is a word byte.
fn boundary_after(text: &[u8], end: usize) -> bool {
    text.get(end).is_none_or(|byte| !is_word(*byte))
}

/// `[\w.+-]+@[\w-]+(?:\.[\w-]+)+`: a local part, which runs back from an `@` to the search's
/// start (no `@` is in it, so each `@` has its own), a domain and one or more dotted labels,
/// each as long as it goes.
fn email_at(text: &[u8], from: usize) -> Option<(usize, usize)> {
    let local = |byte: u8| is_word(byte) || matches!(byte, b'.' | b'+' | b'-');
    let label = |byte: u8| is_word(byte) || byte == b'-';
    let label_end = |at: usize| at + text[at..].iter().take_while(|byte| label(**byte)).count();
    let mut at = from;
    while let Some(found) = text[at..].iter().position(|byte| *byte == b'@') {
        let sign = at + found;
        let start = sign - text[from..sign].iter().rev().take_while(|byte| local(**byte)).count();
        let domain_end = label_end(sign + 1);
        let mut end = domain_end;
        while text.get(end) == Some(&b'.') && text.get(end + 1).is_some_and(|byte| label(*byte)) {
            end = label_end(end + 1);
        }
        if start < sign && domain_end > sign + 1 && end > domain_end {
            return Some((start, end));
        }
        at = sign + 1;
    }
    None
}

/// `\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b`.
fn uuid_at(text: &[u8], from: usize) -> Option<(usize, usize)> {
    const LEN: usize = 36;
    (from..=text.len().checked_sub(LEN)?)
        .find(|&start| {
            text[start].is_ascii_hexdigit()
                && boundary_before(text, start)
                && is_uuid(&text[start..start + LEN])
                && boundary_after(text, start + LEN)
        })
        .map(|start| (start, start + LEN))
}

/// `\b` + at least `min` bytes of `class` (hex digits or digits, all word bytes) + `\b`: a run
/// that starts after a byte that is not a word's and ends before one, the whole run (a run cut
/// short would end between two word bytes, where no `\b` is).
fn run_at(text: &[u8], from: usize, min: usize, class: impl Fn(&u8) -> bool) -> Option<(usize, usize)> {
    let mut at = from;
    while at < text.len() {
        if !class(&text[at]) {
            at += 1;
            continue;
        }
        let end = at + text[at..].iter().take_while(|byte| class(byte)).count();
        if end - at >= min && boundary_before(text, at) && boundary_after(text, end) {
            return Some((at, end));
        }
        at = end;
    }
    None
}
