//! URLs, query strings and form bodies.
//!
//! Each part is percent-decoded before it is judged, so `%40` or a double-encoded redirect URL
//! cannot hide a secret, but the replacement is written into the raw text: everything that stays
//! keeps its original encoding, and markers are written as they are (`[customer email]`), because
//! the reader of a support email needs to read them.

use super::keys;
use super::{Category, Ctx, text};

/// Redacts a URL: userinfo, path, query and fragment. `location` prefixes every location.
pub(super) fn redact(ctx: &mut Ctx<'_>, raw: &str, location: &str, depth: usize) -> String {
    let (main, fragment) = match raw.split_once('#') {
        Some((main, fragment)) => (main, Some(fragment)),
        None => (raw, None),
    };
    let (head, query) = match main.split_once('?') {
        Some((head, query)) => (head, Some(query)),
        None => (main, None),
    };
    let mut out = String::with_capacity(raw.len());
    let mut path_start = 0;
    // Only a real scheme is copied as it is; text before a later `://` is scanned like a path.
    if let Some(scheme_end) = crate::endpoint::scheme_end(head) {
        let authority_end = head[scheme_end..].find('/').map_or(head.len(), |i| scheme_end + i);
        out.push_str(&head[..scheme_end]);
        let authority = &head[scheme_end..authority_end];
        let host = match authority.rsplit_once('@') {
            Some((userinfo, host)) => {
                let where_ = format!("{location} userinfo");
                out.push_str(ctx.hide(Category::UrlCredential, &where_, userinfo).unwrap_or(userinfo));
                out.push('@');
                host
            }
            None => authority,
        };
        out.push_str(&component(ctx, host, &format!("{location} host"), depth, false));
        path_start = authority_end;
    }
    let path = &head[path_start..];
    out.push_str(&component(ctx, path, &format!("{location} path"), depth, false));
    if let Some(query) = query {
        out.push('?');
        out.push_str(&params(ctx, query, &format!("{location} query"), depth, true));
    }
    if let Some(fragment) = fragment {
        out.push('#');
        let where_ = format!("{location} fragment");
        // OAuth's implicit flow puts `access_token=…` in the fragment.
        if fragment.contains('=') {
            out.push_str(&params(ctx, fragment, &where_, depth, true));
        } else {
            out.push_str(&component(ctx, fragment, &where_, depth, false));
        }
    }
    out
}

/// Redacts an `application/x-www-form-urlencoded` body.
pub(super) fn redact_form(ctx: &mut Ctx<'_>, body: &str, location: &str, depth: usize) -> String {
    params(ctx, body, &format!("{location} form"), depth, true)
}

/// `a=1&b=two`: no whitespace, every pair with a plain key, the first one with a value.
pub(super) fn looks_like_form(text: &str) -> bool {
    let text = text.trim();
    let plain_key = |pair: &str| {
        let key = pair.split_once('=').map_or(pair, |(key, _)| key);
        !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "_.-[]%+*~".contains(c))
    };
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && text.split('&').next().is_some_and(|first| first.contains('='))
        && text.split('&').all(plain_key)
}

/// Parameters that say a query or fragment is an OAuth redirect, where `state` and `nonce` are
/// one-time secrets; elsewhere `state=open` is a filter and stays.
const OAUTH_PARAMS: &[&str] =
    &["code", "access_token", "id_token", "client_id", "redirect_uri", "response_type", "code_challenge"];

/// `state`, `session_state` and `nonce` of an OAuth redirect, when long enough to be the random
/// value the flow makes them (a short `state=xyz` is a placeholder and says where a test was).
fn oauth_secret(key: &str, raw_value: &str, oauth: bool) -> Option<keys::Field> {
    let secret = matches!(key.to_ascii_lowercase().as_str(), "state" | "session_state" | "nonce");
    (oauth && secret && raw_value.len() >= 8).then_some(keys::Field::Plain(Category::Secret))
}

/// `key=value&…` as in a query string, fragment or form body.
fn params(ctx: &mut Ctx<'_>, raw: &str, location: &str, depth: usize, plus: bool) -> String {
    let oauth = raw.split('&').any(|pair| {
        let key = pair.split_once('=').map_or(pair, |(key, _)| key);
        OAUTH_PARAMS.iter().any(|name| key.eq_ignore_ascii_case(name))
    });
    let mut out = String::with_capacity(raw.len());
    for (i, pair) in raw.split('&').enumerate() {
        if i > 0 {
            out.push('&');
        }
        let Some((raw_key, raw_value)) = pair.split_once('=') else {
            out.push_str(&component(ctx, pair, location, depth, plus));
            continue;
        };
        let key = decode(raw_key, plus).map_or_else(|| raw_key.to_owned(), |(key, _)| key);
        let new_key = component(ctx, raw_key, &format!("{location} key"), depth, plus);
        // The location names the key as the copy writes it, escapes and all, so it never repeats
        // a hidden value: a credential known from elsewhere is swept from locations as the copy
        // spells it, and decoding can change it (`%7` before a value reads as another letter).
        let where_ = format!("{location} {new_key}");
        out.push_str(&new_key);
        out.push('=');
        match keys::field_of(keys::classify_param(&key)).or_else(|| oauth_secret(&key, raw_value, oauth)) {
            Some(field) => {
                let (value, encoded) = match decode(raw_value, plus) {
                    Some((value, _)) => {
                        let encoded = value != raw_value;
                        (value, encoded)
                    }
                    None => (raw_value.to_owned(), false),
                };
                match ctx.hide_field(field, &value, &where_) {
                    Some(hidden) if encoded => out.push_str(&encode_keeping_markers(&hidden)),
                    Some(hidden) => out.push_str(&hidden),
                    None => out.push_str(raw_value),
                }
            }
            None => out.push_str(&component(ctx, raw_value, &where_, depth + 1, plus)),
        }
    }
    out
}

/// Scans the decoded form of one URL part and writes each replacement over its raw bytes.
fn component(ctx: &mut Ctx<'_>, raw: &str, location: &str, depth: usize, plus: bool) -> String {
    let Some((decoded, map)) = decode(raw, plus) else {
        return text::redact(ctx, raw, location, depth);
    };
    let spans = text::spans(ctx, &decoded, location, depth);
    let mut out = String::with_capacity(raw.len());
    let mut at = 0;
    for span in &spans {
        let (start, end) = (map[span.start], map[span.end]);
        let (Some(before), Some(was)) = (raw.get(at..start), raw.get(start..end)) else {
            // Not on a boundary of the raw text: give up on its encoding rather than leak.
            return text::apply(&decoded, &spans);
        };
        out.push_str(before);
        if was == &decoded[span.start..span.end] {
            out.push_str(&span.text);
        } else {
            out.push_str(&encode_keeping_markers(&span.text));
        }
        at = end;
    }
    out.push_str(raw.get(at..).unwrap_or_default());
    out
}

/// Percent-decodes `raw` (and `+` as space in queries and forms). Also returns, for every decoded
/// byte, the offset in `raw` where it came from, plus `raw.len()` at the end. `None` if the
/// result is not UTF-8.
fn decode(raw: &str, plus: bool) -> Option<(String, Vec<usize>)> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                map.push(i);
                i += 3;
            }
            (b'+', _, _) if plus => {
                out.push(b' ');
                map.push(i);
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                map.push(i);
                i += 1;
            }
        }
    }
    map.push(bytes.len());
    String::from_utf8(out).ok().map(|decoded| (decoded, map))
}

/// Percent-encodes `text` except unreserved characters and the markers in it.
fn encode_keeping_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(marker) = Category::ALL.iter().map(|c| c.marker()).find(|m| rest.starts_with(m)) {
            out.push_str(marker);
            rest = &rest[marker.len()..];
            continue;
        }
        if c.is_ascii_alphanumeric() || "-._~".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}
