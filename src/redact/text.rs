//! Free text: log lines, error messages, header values and every JSON string that is not itself
//! JSON. JSON embedded in the text is handed to the JSON walker; in the text between, key/value
//! pairs, URLs and value patterns are collected as candidates, overlaps are settled leftmost-first
//! (longest first on a tie), and only then are values hidden, so the removed list follows the
//! document and never reports a candidate that lost to a larger one. A candidate that sticks out
//! past the one before it keeps the part that sticks out: a key that a looser match ran into
//! (a PEM block cut short, a term the user added) is hidden to its end.

use serde_json::Value;

use super::keys::{self, Field, KeyKind};
use super::{Category, Ctx, MAX_DEPTH, json, patterns, url};

/// Replace `start..end` (byte offsets) by `text`.
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

/// Redacts free text; `location` names where it came from, `depth` counts the unwrapping so far.
pub(super) fn redact(ctx: &mut Ctx<'_>, text: &str, location: &str, depth: usize) -> String {
    let spans = spans(ctx, text, location, depth);
    apply(text, &spans)
}

/// `text` with the sorted, non-overlapping `spans` applied.
pub(super) fn apply(text: &str, spans: &[Span]) -> String {
    if spans.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for span in spans {
        out.push_str(text.get(at..span.start).unwrap_or_default());
        out.push_str(&span.text);
        at = span.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The replacements to make in `text`, sorted and non-overlapping. Already hidden (recorded).
pub(super) fn spans(ctx: &mut Ctx<'_>, text: &str, location: &str, depth: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    let regions = if depth < MAX_DEPTH { json_regions(text) } else { Vec::new() };
    for (start, end, value) in regions {
        scan(ctx, text, from, start, location, depth, &mut out);
        let raw = text.get(start..end).unwrap_or_default();
        if let Some(redacted) = json::redact_document(ctx, raw, value, location, depth + 1) {
            out.push(Span { start, end, text: redacted });
        }
        from = end;
    }
    scan(ctx, text, from, text.len(), location, depth, &mut out);
    out
}

/// How much failed parsing [`json_regions`] may do, as bytes scanned per byte of text (plus a
/// floor for short texts). Every `{`, `[` and `"{` is tried as the start of a value, and a try that
/// fails has read up to where it failed: text built to fail late from many starts (an unclosed
/// string full of `\"{`) would cost time quadratic in its length. Past the budget the rest of the
/// text is not searched for JSON; its value patterns (tokens, `key=value`, emails, ...) still apply.
const FAILED_PARSE_BUDGET: (usize, usize) = (16, 1 << 20);

/// JSON objects and arrays embedded in text, and JSON strings that hold them (`"{\"a\":1}"`).
/// Linear in the text's length: see [`FAILED_PARSE_BUDGET`]; a value nested past serde_json's
/// depth limit is skipped to where the limit was hit, where the search goes on inside it.
fn json_regions(text: &str) -> Vec<(usize, usize, Value)> {
    let bytes = text.as_bytes();
    let mut regions = Vec::new();
    let mut budget = text.len().saturating_mul(FAILED_PARSE_BUDGET.0).saturating_add(FAILED_PARSE_BUDGET.1);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let opens = matches!(b, b'{' | b'[') || (b == b'"' && matches!(bytes.get(i + 1), Some(b'{' | b'[')));
        // `i` sits on an ASCII byte here, so it is a char boundary.
        if opens && let Some(rest) = text.get(i..) {
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            match stream.next() {
                Some(Ok(value)) if holds_json(&value) => {
                    let end = i + stream.byte_offset();
                    regions.push((i, end, value));
                    i = end;
                    continue;
                }
                Some(Ok(_)) => budget = budget.saturating_sub(stream.byte_offset()),
                Some(Err(error)) => {
                    let failed_at = error_offset(rest, &error);
                    budget = budget.saturating_sub(failed_at);
                    if error.to_string().starts_with("recursion limit exceeded") {
                        // Every start until there fails the same way, one level less deep.
                        i += failed_at.max(1);
                        continue;
                    }
                }
                None => {}
            }
            if budget == 0 {
                break;
            }
        }
        i += 1;
    }
    regions
}

/// The byte offset in `text` where parsing it stopped with `error`.
fn error_offset(text: &str, error: &serde_json::Error) -> usize {
    if error.is_eof() {
        return text.len();
    }
    let line_start = match error.line() {
        0 | 1 => 0,
        line => memchr::memchr_iter(b'\n', text.as_bytes()).nth(line - 2).map_or(text.len(), |at| at + 1),
    };
    line_start.saturating_add(error.column()).min(text.len())
}

/// Worth walking: a non-empty container, or a string that is one.
fn holds_json(value: &Value) -> bool {
    match value {
        Value::Object(map) => !map.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::String(inner) => json::parse_document(inner).is_some_and(|(_, v)| holds_json(&v)),
        _ => false,
    }
}

enum Hit {
    /// The value after a key that names it.
    Value {
        field: Field,
        key: String,
    },
    Url,
    Leaf(Category),
}

struct Candidate {
    start: usize,
    end: usize,
    /// Breaks ties between candidates with the same extent: lower wins.
    rank: u8,
    kind: Hit,
}

/// Finds and hides everything in `text[from..to]`, which holds no embedded JSON.
fn scan(ctx: &mut Ctx<'_>, text: &str, from: usize, to: usize, location: &str, depth: usize, out: &mut Vec<Span>) {
    let Some(gap) = text.get(from..to).filter(|g| !g.is_empty()) else {
        return;
    };
    let mut candidates = key_values(gap);
    if depth < MAX_DEPTH {
        candidates.extend(urls(gap));
    }
    let protected = ctx.protected_ranges(gap);
    let mut leaf = |start: usize, end: usize, rank: u8, category: Category| {
        // Inside the account email or a revealed item: leave it to them.
        if !protected.iter().any(|&(s, e)| s <= start && end <= e) {
            candidates.push(Candidate { start, end, rank, kind: Hit::Leaf(category) });
        }
    };
    for m in patterns::PEM.find_iter(gap) {
        leaf(m.start(), m.start() + m.as_str().trim_end().len(), 2, Category::PrivateKey);
    }
    for m in patterns::TOKEN.find_iter(gap) {
        if patterns::token_bounded(gap, m.start(), m.end()) {
            let category = if m.as_str().starts_with("eyJ") { Category::Secret } else { Category::ApiKey };
            leaf(m.start(), m.end(), 3, category);
        }
    }
    for m in patterns::EMAIL.find_iter(gap) {
        let lead = m.as_str().len() - m.as_str().trim_start_matches(['.', '-', '+']).len();
        leaf(m.start() + lead, m.end(), 4, Category::CustomerEmail);
    }
    for caps in patterns::SCHEME_CREDENTIAL.captures_iter(gap) {
        if let Some(m) = caps.name("credential")
            && patterns::looks_like_credential(m.as_str())
        {
            leaf(m.start(), m.end(), 3, Category::Authorization);
        }
    }
    let mut at = 0;
    while let Some(m) = patterns::CARD.find_at(gap, at) {
        if let Some((start, end)) = patterns::card_in(gap, m.start(), m.end()) {
            leaf(start, end, 5, Category::CardNumber);
            at = end;
        } else {
            // The run may have swallowed the first groups of a card that ends past it
            // (`200 4000 1000 0000 0000`): look again from its second group.
            at = m.as_str().find([' ', '-']).map_or(m.end(), |i| m.start() + i + 1);
        }
    }
    for m in patterns::PHONE.find_iter(gap) {
        if patterns::phone_bounded(gap, m.start(), m.end()) {
            leaf(m.start(), m.end(), 6, Category::Phone);
        }
    }
    for caps in patterns::NAME_IN_PROSE.captures_iter(gap) {
        if let Some(name) = caps.name("name") {
            leaf(name.start(), name.end(), 8, Category::Name);
        }
    }
    // Before the terms: a term inside a credential found elsewhere would cut it apart.
    for (start, end, category) in ctx.redactor.known.find_in(gap) {
        leaf(start, end, 1, category);
    }
    if let Some(terms) = ctx.terms() {
        for m in terms.find_iter(gap) {
            leaf(m.start(), m.end(), 7, Category::Custom);
        }
    }

    candidates.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end), c.rank));
    let mut covered = 0;
    for candidate in candidates {
        // One that starts inside a span already taken still owns what lies past it: the rest of a
        // key that a looser match (a PEM block cut short, a user's term) ran into is still a key.
        let start = candidate.start.max(covered);
        if start >= candidate.end {
            continue;
        }
        covered = candidate.end;
        let found = &gap[start..candidate.end];
        let replacement = match candidate.kind {
            Hit::Leaf(category) => ctx.hide(category, location, found).map(str::to_owned),
            Hit::Value { field, key } => ctx.hide_field(field, found, &format!("{location} {key}")),
            Hit::Url => Some(url::redact(ctx, found, location, depth + 1)).filter(|r| r != found),
        };
        if let Some(replacement) = replacement {
            out.push(Span { start: from + start, end: from + candidate.end, text: replacement });
        }
    }
}

/// How a text key's value must be hidden. Emails are left to their pattern, which finds them
/// with a key or without; a bare `name` is too ambiguous in text.
/// A `Dashed-Name: value` line is a header: it follows the header rules (`Stripe-Signature`)
/// and its value is the rest of the line. The flag says so.
fn text_field(key: &str, header_like: bool) -> Option<(Field, bool)> {
    if header_like
        && key.contains('-')
        && let Some(field) = keys::header_field(key)
    {
        return Some((field, true));
    }
    match keys::classify(key) {
        KeyKind::Field(Field::Email) => None,
        kind => keys::field_of(kind).map(|field| (field, false)),
    }
}

/// Values after keys that name a secret or personal data: `password=…`, `"token": "…"`,
/// `Authorization: Bearer …`, `Cookie: a=1; b=2`, `first_name='…'`, `<password>…</password>`.
fn key_values(gap: &str) -> Vec<Candidate> {
    let mut found = Vec::new();
    for caps in patterns::XML_ELEMENT.captures_iter(gap) {
        let (Some(tag), Some(value), Some(close)) = (caps.name("tag"), caps.name("value"), caps.name("close")) else {
            continue;
        };
        if tag.as_str() != close.as_str() || value.as_str().trim().is_empty() {
            continue;
        }
        if let Some((field, _)) = text_field(tag.as_str(), false) {
            found.push(Candidate {
                start: value.start(),
                end: value.end(),
                rank: 0,
                kind: Hit::Value { field, key: tag.as_str().to_owned() },
            });
        }
    }
    for caps in patterns::KEY_VALUE.captures_iter(gap) {
        let (Some(key), Some(sep), Some(whole)) = (caps.name("key"), caps.name("sep"), caps.get(0)) else {
            continue;
        };
        // Glued to a longer word, or an XML tag name with a namespace (`<auth:Password>`).
        let glued =
            patterns::char_before(gap, key.start()).is_some_and(|c| c.is_ascii_alphanumeric() || "_.-</".contains(c));
        let colon = sep.as_str() == ":";
        if glued || (colon && gap[sep.end()..].starts_with("//")) {
            continue;
        }
        let Some((field, whole_line)) = text_field(key.as_str(), colon) else {
            continue;
        };
        if let Some((start, end)) = value_extent(gap, whole.end(), field, colon, whole_line) {
            let end = if in_path(gap, key.start()) { path_parameter_end(gap, start, end) } else { end };
            found.push(Candidate { start, end, rank: 0, kind: Hit::Value { field, key: key.as_str().to_owned() } });
        }
    }
    found
}

/// A `;name=` inside a path (`/cart;jsessionid=…`): the `;` is glued to a word that holds a `/`.
fn in_path(gap: &str, key_start: usize) -> bool {
    let Some(before) = gap.get(..key_start).and_then(|b| b.strip_suffix(';')) else { return false };
    let word = before.rsplit(char::is_whitespace).next().unwrap_or_default();
    word.contains('/')
}

/// A path parameter's value ends at the next segment, query or fragment (`;jsessionid=A1/b.jsp`).
fn path_parameter_end(gap: &str, start: usize, end: usize) -> usize {
    gap[start..end].find(['/', '?', '#']).map_or(end, |i| start + i)
}

/// Where the value starting at `at` ends. Quoted values run to the closing quote (escaped quotes
/// of JSON-in-text included); bare ones to a delimiter that depends on what the value is.
fn value_extent(gap: &str, at: usize, field: Field, colon: bool, whole_line: bool) -> Option<(usize, usize)> {
    let bytes = gap.as_bytes();
    let backslashes = bytes.get(at..)?.iter().take_while(|&&b| b == b'\\').count();
    if let Some(&quote) = bytes.get(at + backslashes).filter(|b| matches!(b, b'"' | b'\'')) {
        let start = at + backslashes + 1;
        let len =
            bytes[start..].iter().position(|&b| b == quote || b == b'\n' || b == b'\r').unwrap_or(bytes.len() - start);
        let mut end = start + len;
        while end > start && bytes[end - 1] == b'\\' {
            end -= 1;
        }
        return (end > start).then_some((start, end));
    }
    if matches!(bytes.get(at), None | Some(b'{' | b'[')) {
        return None;
    }
    let line_end = || stop_at(gap, at, |c| matches!(c, '\r' | '\n' | '"' | '\'' | '\\'));
    let end = match field {
        _ if whole_line => line_end(),
        Field::Authorization if colon => authorization_end(gap, at),
        Field::Cookie | Field::SetCookie if colon => line_end(),
        field if field.is_personal() => personal_end(gap, at, field),
        _ => stop_at(gap, at, |c| c.is_whitespace() || "\"',;&)}]<>\\".contains(c)),
    };
    let value = gap[at..end].trim_end();
    (!value.is_empty() && value != "null").then_some((at, at + value.len()))
}

fn stop_at(gap: &str, at: usize, stop: impl Fn(char) -> bool) -> usize {
    gap[at..].find(stop).map_or(gap.len(), |i| at + i)
}

/// `Bearer abc` ends after the token; `Digest a="1", b="2"` at the end of the line.
fn authorization_end(gap: &str, at: usize) -> usize {
    let token_end = |from: usize| stop_at(gap, from, |c| c.is_whitespace() || "\"',;<>\\".contains(c));
    let word_end = token_end(at);
    let word = &gap[at..word_end];
    if !keys::is_auth_scheme(word) {
        return word_end;
    }
    let rest = word_end + (gap[word_end..].len() - gap[word_end..].trim_start_matches([' ', '\t']).len());
    if keys::is_param_scheme(word) {
        stop_at(gap, rest, |c| matches!(c, '\r' | '\n' | '"' | '\'' | '\\'))
    } else {
        token_end(rest)
    }
}

/// Names and addresses contain spaces: they run to a delimiter or to the next `key=`.
fn personal_end(gap: &str, at: usize, field: Field) -> usize {
    let stops = if field == Field::Plain(Category::Phone) { "\r\n\"';&}]<>\\," } else { "\r\n\"';&)}]<>\\," };
    let end = stop_at(gap, at, |c| stops.contains(c));
    patterns::NEXT_KEY.find(&gap[at..end]).map_or(end, |m| at + m.start())
}

/// URLs with a scheme anywhere; paths with a query only where a path can start.
fn urls(gap: &str) -> Vec<Candidate> {
    patterns::URL
        .find_iter(gap)
        .filter(|m| {
            !m.as_str().starts_with('/')
                || patterns::char_before(gap, m.start()).is_none_or(|c| c.is_whitespace() || "(=:\"'[,<".contains(c))
        })
        .map(|m| Candidate { start: m.start(), end: m.start() + trim_url(m.as_str()).len(), rank: 1, kind: Hit::Url })
        .collect()
}

/// Drops sentence punctuation and unbalanced closing brackets from the end of a URL.
fn trim_url(url: &str) -> &str {
    let mut url = url;
    while let Some(last) = url.chars().next_back() {
        let unbalanced = |open: char| url.matches(last).count() > url.matches(open).count();
        let drop = match last {
            '.' | ',' | ';' | ':' | '!' | '?' => true,
            ')' => unbalanced('('),
            ']' => unbalanced('['),
            '}' => unbalanced('{'),
            _ => false,
        };
        if !drop {
            break;
        }
        url = &url[..url.len() - 1];
    }
    url
}
