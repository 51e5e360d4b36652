//! A call as a shell command (Copy as cURL). The copy is pasted into a terminal, so it must run
//! curl with exactly the logged parts as arguments, whatever bytes the log holds:
//!
//! - every part is one single-quoted word, a `'` in it written as `'\''`;
//! - a character a terminal or line editor acts on (ESC ends a bracketed paste, Ctrl-U kills the
//!   line typed so far, BiDi controls reorder what the user reads) is never in the copy: it is
//!   spelled as octal bytes for `printf` (`"$(printf '\033')"`), which any POSIX shell turns back
//!   into the byte. A line break stays as it is: inside quotes it only continues the word.
//! - curl is told to take each part literally: `--url` (a URL starting with `-` is not an
//!   option), `--globoff` (`{a,b}` and `[1-9]` in a URL are not patterns), `--data-raw` (a body
//!   starting with `@` is not a file to send).
//!
//! An argument cannot hold a NUL byte, so NULs are left out of the copy.

use crate::record::Record;
use std::fmt::Write as _;

/// The call as a cURL command, one option a line.
pub fn curl_command(record: &Record) -> String {
    let mut command = format!(
        "curl --globoff -X {} --url {}",
        quote(record.method.as_deref().unwrap_or("GET")),
        quote(record.url.as_deref().unwrap_or("/"))
    );
    for (name, value) in &record.request.headers {
        if !is_sendable_header(name) {
            continue;
        }
        let _ = write!(command, " \\\n  -H {}", quote(&format!("{name}: {value}")));
    }
    if let Some(body) = &record.request.body {
        let _ = write!(command, " \\\n  --data-raw {}", quote(body));
    }
    command
}

/// Headers that curl sends as given: HTTP/2 pseudo-headers (`:path`) are curl's to make, and
/// `-H @name` would make curl read headers from the file `name`.
pub fn is_sendable_header(name: &str) -> bool {
    !name.starts_with([':', '@'])
}

/// `text` as one shell word (see the module's rules); the empty text is `''`.
pub fn quote(text: &str) -> String {
    let mut word = String::with_capacity(text.len() + 2);
    let mut quoted = false;
    for c in text.chars() {
        let spelled = c == '\'' || c == '\0' || (c != '\n' && super::is_hidden_control(c));
        if spelled == quoted {
            // Open a quote for plain text, close it before the next spelled character.
            word.push('\'');
            quoted = !quoted;
        }
        match c {
            '\0' => {}
            '\'' => word.push_str("\\'"),
            _ if spelled => {
                word.push_str("\"$(printf '");
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(word, "\\{byte:03o}");
                }
                word.push_str("')\"");
            }
            _ => word.push(c),
        }
    }
    if quoted {
        word.push('\'');
    }
    if word.is_empty() {
        word.push_str("''");
    }
    word
}

#[cfg(test)]
mod tests;
