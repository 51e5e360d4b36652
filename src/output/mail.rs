//! Mail: the header lines of an `.eml`, its body, and `mailto:` links. Logged text reaches the
//! subject (an endpoint, a method) and the body; a CR or LF in it must not end the header and
//! start another (`Bcc:`), nor end the headers and start the body early.
//!
//! - A header value is one line: CR and LF are dropped (a run of them becomes one space), other
//!   hidden controls escaped as in [`text`](super::text). Non-ASCII text (or text holding `=?`,
//!   which a mail reader would decode) is written as RFC 2047 encoded-words of at most 75
//!   characters; long values are folded onto continuation lines (RFC 5322, 2.2.3).
//! - An address is used only when it is one plain `local@domain`: nothing that could add a
//!   recipient or a display name.
//! - The body's lines end in CRLF, hidden controls other than tab escaped; a body with a line
//!   longer than the 998 octets RFC 5322 allows is sent quoted-printable instead of 8bit.
//! - In a `mailto:` link every byte outside the unreserved set is percent-encoded, the address
//!   too, so neither `?`, `&` nor `%0A` from a log can add a header field.

use base64::Engine as _;
use std::fmt::Write as _;

/// RFC 5322's limit on a line, without its CRLF.
pub const MAX_LINE_OCTETS: usize = 998;

/// The length a header line is folded at, where it can be.
const FOLD_AT: usize = 78;

/// Bytes of text in one encoded-word: `=?utf-8?B?` + 60 base64 characters + `?=` is 72 long.
const ENCODED_WORD_BYTES: usize = 45;

/// `Name: value` with its CRLF, made safe and folded as the module says.
pub fn header(name: &str, value: &str) -> String {
    let value = one_line(value);
    // A word no line can hold is cut into encoded-words too.
    let too_long = |word: &str| name.len() + 2 + word.len() > MAX_LINE_OCTETS;
    let words: Vec<String> = if !value.is_ascii() || value.contains("=?") || value.split(' ').any(too_long) {
        encoded_words(&value)
    } else {
        value.split(' ').map(str::to_string).collect()
    };
    let mut out = format!("{name}:");
    let mut line_len = out.len();
    for (index, word) in words.iter().enumerate() {
        // An encoded-word must stand apart from its neighbours; the space between plain words
        // is part of the text.
        if index > 0 && line_len + 1 + word.len() > FOLD_AT {
            out.push_str("\r\n");
            line_len = 0;
        }
        out.push(' ');
        out.push_str(word);
        line_len += 1 + word.len();
    }
    out.push_str("\r\n");
    out
}

/// The value on one line: runs of CR and LF become one space, other hidden controls escaped.
fn one_line(value: &str) -> String {
    let joined: Vec<&str> = value.split(['\r', '\n']).filter(|part| !part.is_empty()).collect();
    super::text::one_line(&joined.join(" ")).into_owned()
}

/// RFC 2047 B-encoded words, each holding whole characters.
fn encoded_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut start = 0;
    while start < value.len() {
        let mut end = (start + ENCODED_WORD_BYTES).min(value.len());
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        let encoded = base64::engine::general_purpose::STANDARD.encode(&value[start..end]);
        words.push(format!("=?utf-8?B?{encoded}?="));
        start = end;
    }
    words
}

/// `text` when it is one plain address (`local@domain`), else `None`.
pub fn address(text: &str) -> Option<&str> {
    let text = text.trim();
    let (local, domain) = text.split_once('@')?;
    // RFC 5322's dot-atom: no space, quote, comma, angle bracket or second `@`.
    let local_ok =
        !local.is_empty() && local.chars().all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let domain_ok = !domain.is_empty() && domain.chars().all(|c| c.is_alphanumeric() || "-.".contains(c));
    (local_ok && domain_ok).then_some(text)
}

/// The body as sent: its Content-Transfer-Encoding and its text, every line ending in CRLF.
pub fn body(text: &str) -> (&'static str, String) {
    let text = super::text::lines(text);
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    if text.lines().all(|line| line.len() <= MAX_LINE_OCTETS) {
        for line in text.lines() {
            out.push_str(line);
            out.push_str("\r\n");
        }
        return ("8bit", out);
    }
    for line in text.lines() {
        quoted_printable_line(line, &mut out);
    }
    ("quoted-printable", out)
}

/// One line in quoted-printable (RFC 2045, 6.7): soft line breaks keep every line under 76.
fn quoted_printable_line(line: &str, out: &mut String) {
    let mut line_len = 0;
    let bytes = line.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let last = index + 1 == bytes.len();
        // A space or tab at a line's end would be lost in transit: encode it there.
        let literal = ((byte == b' ' || byte == b'\t') && !last) || ((33..=126).contains(&byte) && byte != b'=');
        let width = if literal { 1 } else { 3 };
        if line_len + width > 75 {
            out.push_str("=\r\n");
            line_len = 0;
        }
        if literal {
            out.push(byte as char);
        } else {
            let _ = write!(out, "={byte:02X}");
        }
        line_len += width;
    }
    out.push_str("\r\n");
}

/// A `mailto:` URL (RFC 6068) for `to`, with a one-line subject and the body.
pub fn mailto(to: Option<&str>, subject: &str, body: &str) -> String {
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(to.and_then(address).unwrap_or_default(), b"@"),
        percent_encode(&one_line(subject), b""),
        percent_encode(&super::text::lines(body).replace('\n', "\r\n"), b"")
    )
}

fn percent_encode(text: &str, also_literal: &[u8]) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || also_literal.contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests;
