//! Where a text line names a request (`POST https://host/path`, `GET /path?x=[api key]`), found
//! by hand exactly as [`super::REQUEST`] finds it: its lazy automaton ran twice over every line of
//! an application log (forward to the end of a match, back to its start), the cost of a line's
//! other regexes together. The regex stays the definition; a test holds the two to the same
//! answer on every line of the samples and on generated text.

/// The methods [`super::REQUEST`] names, in its order. No method ends another, so a position
/// ends at most one of them.
const METHODS: [&str; 9] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"];

/// Where a request is in `text`: (start, end of its method, start of its target, end), as the
/// regex `\b(METHOD)\s+((?:https?://|/)(?:\[[a-z ]{1,24}\]|[^\s"])*)` finds its first match.
pub fn find(text: &str) -> Option<(usize, usize, usize, usize)> {
    // Every target's first slash starts it (`/path`) or follows its scheme (`https://`), and the
    // requests of a line come in the order of those slashes (a method and the spaces after it
    // hold none, and a target has no space for a later method to start in). So the first slash
    // that a request is anchored at is the regex's leftmost match. Looking back from each slash
    // for the spaces and the method costs a few instructions; searching every line for the nine
    // methods (a SIMD automaton) cost some 300.
    memchr::memchr_iter(b'/', text.as_bytes()).find_map(|slash| anchored_at(text, slash))
}

/// The request whose target's first slash is at `slash`, if one is.
fn anchored_at(text: &str, slash: usize) -> Option<(usize, usize, usize, usize)> {
    let before_slash = &text[..slash];
    let scheme = if text.as_bytes().get(slash + 1) == Some(&b'/') {
        ["https:", "http:"].into_iter().find(|scheme| before_slash.ends_with(scheme)).map_or(0, str::len)
    } else {
        0
    };
    let before_target = &text[..slash - scheme];
    // `\s+` before the target, `char::is_whitespace` being the regex's Unicode `\s`.
    let method_end = before_target.trim_end().len();
    if method_end == before_target.len() {
        return None;
    }
    let method = METHODS.iter().find(|method| text[..method_end].ends_with(**method))?;
    request_at(text, method_end - method.len(), method_end)
}

/// The request whose method is at `start..method_end`, if the rest of the pattern holds there.
fn request_at(text: &str, start: usize, method_end: usize) -> Option<(usize, usize, usize, usize)> {
    // `\b`: a method starts with a word character, so the one before must not be one. In ASCII
    // (nearly always a space or a quote) Unicode's word characters are the ASCII ones: the
    // Unicode table's binary search is for the rest.
    let word =
        |c: char| if c.is_ascii() { regex_syntax::is_word_byte(c as u8) } else { regex_syntax::is_word_character(c) };
    if text[..start].chars().next_back().is_some_and(word) {
        return None;
    }
    // `\s+`, greedy: what follows the spaces must start the target, or no shorter run helps.
    let spaces = text[method_end..].find(|c: char| !c.is_whitespace()).unwrap_or(text.len() - method_end);
    if spaces == 0 {
        return None;
    }
    let target_start = method_end + spaces;
    let rest = &text[target_start..];
    let scheme = ["https://", "http://", "/"].iter().find(|scheme| rest.starts_with(**scheme))?;
    let mut at = target_start + scheme.len();
    // `(?:\[[a-z ]{1,24}\]|[^\s"])*`: a redaction marker whole, else any one character but
    // whitespace and a quote; nothing follows, so the first way that goes on is the match.
    let bytes = text.as_bytes();
    loop {
        // A URL is mostly printable ASCII other than the quote and the bracket: stepped over
        // sixteen bytes at a time.
        at += crate::ingest::scan::printable_run(&bytes[at..], b'"', b'[');
        let Some(&byte) = bytes.get(at) else { break };
        match byte {
            b'[' => at += marker_len(&bytes[at..]).unwrap_or(1),
            // ASCII whitespace as Unicode's White_Space has it, and the quote, end the target.
            b'"' | b' ' | b'\t'..=b'\r' => break,
            _ if byte.is_ascii() => at += 1,
            _ => match text[at..].chars().next() {
                Some(c) if !c.is_whitespace() => at += c.len_utf8(),
                _ => break,
            },
        }
    }
    Some((start, method_end, target_start, at))
}

/// The length of `[` + 1 to 24 of `[a-z ]` + `]` at the start of `rest`.
fn marker_len(rest: &[u8]) -> Option<usize> {
    if rest.first() != Some(&b'[') {
        return None;
    }
    let inside = rest[1..].iter().take(25).take_while(|b| b.is_ascii_lowercase() || **b == b' ').count();
    ((1..=24).contains(&inside) && rest.get(1 + inside) == Some(&b']')).then_some(inside + 2)
}
