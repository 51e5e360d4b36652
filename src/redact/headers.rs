//! HTTP headers, and the header-shaped values that also turn up as JSON fields and log lines:
//! `Authorization` keeps its scheme word (`Bearer [authorization]`), cookies keep their names and
//! `Set-Cookie` its attributes, because those say what kind of credential was sent, which is
//! often the whole diagnosis.

use super::keys;
use super::text::{self, Span};
use super::{Category, Ctx, MAX_DEPTH, is_marker, url};

/// Redacts each header value; names and order stay.
pub(super) fn redact(ctx: &mut Ctx<'_>, headers: &[(String, String)]) -> Vec<(String, String)> {
    headers.iter().map(|(name, value)| (name.clone(), redact_value(ctx, name, value))).collect()
}

fn redact_value(ctx: &mut Ctx<'_>, name: &str, value: &str) -> String {
    let lower = name.trim().to_ascii_lowercase();
    let location = format!("header {lower}");
    if let Some(field) = keys::header_field(&lower) {
        return ctx.hide_field(field, value, &location).unwrap_or_else(|| value.to_owned());
    }
    // Pseudo-headers and redirects carry a URL, often relative (`:path: /v1/x?api_key=…`).
    let url_header = matches!(lower.as_str(), ":path" | "referer" | "location" | "content-location" | "origin");
    let trimmed = value.trim_start();
    if url_header && (trimmed.starts_with('/') || trimmed.contains("://")) {
        return url::redact(ctx, value, &location, 0);
    }
    text::redact(ctx, value, &location, 0)
}

/// `Bearer abc` → `Bearer [authorization]`; a value without a known scheme is hidden whole.
pub(super) fn authorization(ctx: &mut Ctx<'_>, value: &str, location: &str) -> Option<String> {
    let lead = value.len() - value.trim_start().len();
    let trimmed = value.trim();
    if trimmed.is_empty() || is_marker(trimmed) {
        return None;
    }
    let credential = match trimmed.split_once(char::is_whitespace) {
        Some((scheme, rest)) if keys::is_auth_scheme(scheme) => rest.trim_start(),
        // A scheme word alone carries no credential.
        None if keys::is_auth_scheme(trimmed) => return None,
        _ => trimmed,
    };
    let start = lead + (trimmed.len() - credential.len());
    let end = start + credential.len();
    let marker = ctx.hide(Category::Authorization, location, credential)?;
    Some(format!("{}{marker}{}", &value[..start], &value[end..]))
}

/// Masks every cookie value (in `Set-Cookie`, the first pair's of each cookie, whose other pairs
/// are attributes such as `Path=/`); names, separators and attributes stay, scanned like any text.
pub(super) fn cookie(ctx: &mut Ctx<'_>, value: &str, location: &str, set_cookie: bool) -> Option<String> {
    let starts = if set_cookie { set_cookie_starts(value) } else { vec![0] };
    let mut spans = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        // The comma or line end before the next cookie belongs to neither.
        let end = starts.get(n + 1).map_or(value.len(), |&next| next - 1);
        let mut offset = start;
        for (i, segment) in value[start..end].split(';').enumerate() {
            let segment_start = offset;
            offset += segment.len() + 1;
            // Names and attributes stay, but they are text like any other: a key there is a key.
            if set_cookie && i > 0 {
                spans.extend(kept_spans(ctx, value, segment_start, segment_start + segment.len(), location));
                continue;
            }
            let (name_end, value_start) = segment.find('=').map_or((0, 0), |eq| (eq, eq + 1));
            let name_spans = kept_spans(ctx, value, segment_start, segment_start + name_end, location);
            // Locations name the cookie as it reads now, never with what was hidden in its name.
            let name = shown(value, segment_start, segment_start + name_end, &name_spans);
            spans.extend(name_spans);
            let raw_value = &segment[value_start..];
            let lead = raw_value.len() - raw_value.trim_start().len();
            let cookie_value = raw_value.trim();
            let name = name.trim();
            let where_ = if name.is_empty() { location.to_owned() } else { format!("{location} {name}") };
            if let Some(marker) = ctx.hide(Category::Cookie, &where_, cookie_value) {
                let start = segment_start + value_start + lead;
                spans.push(Span { start, end: start + cookie_value.len(), text: marker.to_owned() });
            }
        }
    }
    (!spans.is_empty()).then(|| text::apply(value, &spans))
}

/// What the value patterns hide in `value[start..end]`, a part a cookie header keeps; the spans
/// are offsets into `value`.
fn kept_spans(ctx: &mut Ctx<'_>, value: &str, start: usize, end: usize, location: &str) -> Vec<Span> {
    let Some(part) = value.get(start..end).filter(|part| !part.trim().is_empty()) else { return Vec::new() };
    let mut spans = text::spans(ctx, part, location, MAX_DEPTH);
    for span in &mut spans {
        span.start += start;
        span.end += start;
    }
    spans
}

/// `value[start..end]` with `spans` (offsets into `value`, all inside that range) applied.
fn shown(value: &str, start: usize, end: usize, spans: &[Span]) -> String {
    let part = value.get(start..end).unwrap_or_default();
    let local: Vec<Span> = spans
        .iter()
        .map(|span| Span { start: span.start - start, end: span.end - start, text: span.text.clone() })
        .collect();
    text::apply(part, &local)
}

/// Where each cookie starts in a `Set-Cookie` value. Browsers export repeated `Set-Cookie`
/// headers as one value with a cookie a line, so every line starts one. Logs often join them with
/// `, ` instead; a comma starts a new cookie when `name=` follows it and the name is not an
/// attribute (the comma in `Expires=Wed, 21 Oct 2015 …` is followed by no `name=`).
fn set_cookie_starts(value: &str) -> Vec<usize> {
    const ATTRIBUTES: &[&str] = &[
        "path",
        "domain",
        "expires",
        "max-age",
        "secure",
        "httponly",
        "samesite",
        "partitioned",
        "priority",
        "version",
        "comment",
    ];
    let mut starts = vec![0];
    for (at, separator) in value.match_indices([',', '\n']) {
        if separator == "\n" {
            starts.push(at + 1);
            continue;
        }
        let Some((name, _)) = value[at + 1..].split_once('=') else {
            continue;
        };
        let name = name.trim();
        let plain = !name.is_empty() && !name.contains([';', ',', ' ', '\t', '\n', '\r']);
        if plain && !ATTRIBUTES.contains(&name.to_ascii_lowercase().as_str()) {
            starts.push(at + 1);
        }
    }
    starts
}
