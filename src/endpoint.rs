//! Endpoints: `METHOD /path` with the host and query dropped and id-like segments replaced by
//! `{id}`, so `PATCH https://h/api/customers/3f2a...?x=1` and `PATCH /api/customers/9c1b...`
//! count as one endpoint.

use crate::ingest::scan::{find_byte, find_either};

/// The endpoint template of a call.
///
/// ```
/// let endpoint = errlens::endpoint::template(
///     Some("PATCH"),
///     Some("https://app-api.my-virtual-office.com/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab?x=1"),
/// );
/// assert_eq!(endpoint, "PATCH /api/customers/{id}");
/// ```
pub fn template(method: Option<&str>, url: Option<&str>) -> String {
    let mut templated = String::new();
    template_into(&mut templated, method, url);
    templated
}

/// [`template`] written into `templated` (cleared first), for a caller that reuses one buffer.
pub fn template_into(templated: &mut String, method: Option<&str>, url: Option<&str>) {
    templated.clear();
    let method = method.unwrap_or("?");
    templated.push_str(method);
    let Some(url) = url else {
        templated.push_str(" (unknown path)");
        return;
    };
    let path = path_of(url);
    templated.push(' ');
    // The path from its first slash, each id-like segment after a slash written `{id}`. What
    // lies between ids is copied at once: a copy a segment cost a URL more than testing them.
    // Slashes are found sixteen bytes at a time, inlined: memchr's setup cost a segment more
    // than its search, and `str::split` with a char runs a char searcher.
    let bytes = path.as_bytes();
    let Some(first_slash) = find_byte(bytes, b'/') else {
        templated.push('/');
        return;
    };
    let mut copied_to = first_slash;
    let mut segment_start = first_slash + 1;
    loop {
        let slash = find_byte(&bytes[segment_start..], b'/').map(|at| segment_start + at);
        let segment_end = slash.unwrap_or(bytes.len());
        if is_id_like_bytes(&bytes[segment_start..segment_end]) {
            templated.push_str(&path[copied_to..segment_start]);
            templated.push_str("{id}");
            copied_to = segment_end;
        }
        let Some(slash) = slash else { break };
        segment_start = slash + 1;
    }
    templated.push_str(&path[copied_to..]);
}

/// The path of a URL or path, without query string or fragment.
pub fn path_of(url: &str) -> &str {
    let after_scheme = match scheme_end(url) {
        Some(rest_at) => {
            let rest = &url[rest_at..];
            find_byte(rest.as_bytes(), b'/').map_or("/", |slash| &rest[slash..])
        }
        None => url,
    };
    // Byte searches: every call's URL passes here twice, and `str::find` with a set of chars
    // decodes every character.
    let end = find_either(after_scheme.as_bytes(), b'?', b'#').unwrap_or(after_scheme.len());
    &after_scheme[..end]
}

/// The path and query of a URL or path, without scheme, host or fragment: which resource a call
/// asked for, whether the log names the host or not.
pub fn target_of(url: &str) -> &str {
    let after_scheme = match scheme_end(url) {
        Some(rest_at) => {
            let rest = &url[rest_at..];
            find_either(rest.as_bytes(), b'/', b'?').map_or("/", |start| &rest[start..])
        }
        None => url,
    };
    &after_scheme[..find_byte(after_scheme.as_bytes(), b'#').unwrap_or(after_scheme.len())]
}

/// The host of a full URL (without userinfo and port).
pub fn host_of(url: &str) -> Option<&str> {
    let rest = &url[scheme_end(url)?..];
    let authority = &rest[..memchr::memchr3(b'/', b'?', b'#', rest.as_bytes()).unwrap_or(rest.len())];
    let host = memchr::memrchr(b'@', authority.as_bytes()).map_or(authority, |at| &authority[at + 1..]);
    Some(strip_port(host)).filter(|host| !host.is_empty())
}

/// Where what follows a URL's scheme and its `://` starts (`https://h/p` → 8), or `None` when the
/// URL has no scheme. The scheme is RFC 3986's, from the URL's first byte: a letter, then letters,
/// digits, `+`, `-` or `.`. So a URL in a path's query (`/r?to=http://x/y`) is no scheme, and
/// a path, which starts with `/`, is told at its first byte.
pub fn scheme_end(url: &str) -> Option<usize> {
    let bytes = url.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let scheme_len = bytes.iter().position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')))?;
    bytes[scheme_len..].starts_with(b"://").then_some(scheme_len + 3)
}

/// `host:443` → `host` (IPv6 literals in brackets keep their colons).
pub fn strip_port(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |end| &host[..=end]);
    }
    find_byte(host.as_bytes(), b':').map_or(host, |colon| &host[..colon])
}

/// UUIDs, numbers, long hex and random-looking tokens are ids; words are not.
pub fn is_id_like(segment: &str) -> bool {
    is_id_like_bytes(segment.as_bytes())
}

/// [`is_id_like`] of a segment's bytes: a template slices its path's bytes at slashes without
/// checking each slice for a character's boundary (some 30 of a urllib3 line's ~600 template
/// instructions).
#[inline]
fn is_id_like_bytes(bytes: &[u8]) -> bool {
    let len = bytes.len();
    // A long segment without a dot is an id (a UUID, a token) whatever its bytes, told with
    // a search sixteen bytes at a time rather than the loop below (a UUID's 36 bytes cost it
    // some 200 instructions). `[object Object]` percent-encoded is long too, but it is a bug to
    // show, not an id.
    if len >= 20 && find_byte(bytes, b'.').is_none() {
        return !is_unset_bytes(bytes);
    }
    // One pass over the bytes for the other tests, a table lookup a byte (every segment of
    // every call's URL comes here).
    let (mut digits, mut any, mut all) = (0usize, 0u8, u8::MAX);
    for &b in bytes {
        let class = BYTE_CLASS[usize::from(b)];
        digits += usize::from(class & DIGIT);
        any |= class;
        all &= class;
    }
    let (hex_or_dash, alphabetic) = (all & HEX_OR_DASH != 0, any & ALPHABETIC != 0);
    if digits == 0 {
        return false;
    }
    digits == len || (len >= 8 && hex_or_dash) || (digits >= 2 && len >= 10 && alphabetic)
}

/// What [`is_id_like`] asks of each byte, as bits of [`BYTE_CLASS`] (a digit's is 1, to count).
const DIGIT: u8 = 1;
const HEX_OR_DASH: u8 = 2;
const ALPHABETIC: u8 = 4;
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        classes[byte] = if b.is_ascii_digit() { DIGIT } else { 0 }
            | if b.is_ascii_hexdigit() || b == b'-' { HEX_OR_DASH } else { 0 }
            | if b.is_ascii_alphabetic() { ALPHABETIC } else { 0 };
        byte += 1;
    }
    classes
};

/// What a client writes where an id belongs when it used a value it never got (JavaScript's
/// `undefined`, `null` and `[object Object]`, Python's `None`, a failed parse's `NaN`).
pub fn is_unset_value(segment: &str) -> bool {
    is_unset_bytes(segment.as_bytes())
}

fn is_unset_bytes(segment: &[u8]) -> bool {
    const UNSET: &[&[u8]] = &[b"undefined", b"null", b"None", b"NaN", b"[object Object]", b"[object%20Object]"];
    UNSET.contains(&segment) || segment.eq_ignore_ascii_case(b"%5Bobject%20Object%5D")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_the_client_never_got_stays_in_the_endpoint() {
        for (url, endpoint) in [
            ("/api/customers/undefined", "GET /api/customers/undefined"),
            ("/api/customers/%5Bobject%20Object%5D?x=1", "GET /api/customers/%5Bobject%20Object%5D"),
            ("/api/customers/None", "GET /api/customers/None"),
            ("/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab", "GET /api/customers/{id}"),
        ] {
            assert_eq!(template(Some("GET"), Some(url)), endpoint);
        }
        assert_eq!(target_of("https://h.example:8443/a/b?q=1#frag"), "/a/b?q=1");
        assert_eq!(target_of("https://h.example?q=1"), "?q=1");
        assert_eq!(target_of("/a?b"), "/a?b");
    }

    #[test]
    fn templates() {
        let cases = [
            (
                Some("PATCH"),
                Some("https://app-api.my-virtual-office.com/api/customers/3f2a9c1b-1111-4c3d-9e8f-0123456789ab?x=1"),
                "PATCH /api/customers/{id}",
            ),
            (Some("GET"), Some("/api/customers?page=2&limit=50"), "GET /api/customers"),
            (Some("GET"), Some("/reviews/0"), "GET /reviews/{id}"),
            (Some("GET"), Some("/v1/charges/ch_3MmlLrLkdIwHu7ix0snN0B15"), "GET /v1/charges/{id}"),
            (Some("GET"), Some("/objects/5f1d7a9e0c2b4a6d8e3f1a2b"), "GET /objects/{id}"),
            (Some("GET"), Some("/api/v2/users/me"), "GET /api/v2/users/me"),
            (Some("DELETE"), Some("http://h:8080"), "DELETE /"),
            (None, None, "? (unknown path)"),
        ];
        for (method, url, expected) in cases {
            assert_eq!(template(method, url), expected, "{url:?}");
        }
    }

    /// The scheme's end by the grammar's words: the first `://`, when all before it is a scheme.
    fn reference_scheme_end(url: &str) -> Option<usize> {
        let is_scheme = |text: &str| {
            let mut chars = text.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        };
        url.find("://").filter(|&at| is_scheme(&url[..at])).map(|at| at + 3)
    }

    proptest::proptest! {
        #[test]
        fn the_scheme_is_the_rfc_3986_one_at_the_start(url in "[:/a1+.?é]{0,12}") {
            proptest::prop_assert_eq!(scheme_end(&url), reference_scheme_end(&url));
        }

        #[test]
        fn a_template_is_the_path_after_its_first_slash_with_ids_replaced(url in "(https://h(:1)?)?[/a0-9f.\\-]{0,40}(\\?[/a1]{0,4})?") {
            let segments: Vec<&str> = path_of(&url).split('/').skip(1).collect();
            let mut expected = String::from("GET ");
            for segment in &segments {
                expected.push('/');
                expected.push_str(if is_id_like(segment) { "{id}" } else { segment });
            }
            if segments.is_empty() {
                expected.push('/');
            }
            proptest::prop_assert_eq!(template(Some("GET"), Some(&url)), expected);
        }

        #[test]
        fn id_like_segments_are_told_as_the_rules_say(segment in "[0-9a-fA-F\\-g-z.]{0,24}") {
            let digits = segment.bytes().filter(u8::is_ascii_digit).count();
            let letters = segment.bytes().filter(u8::is_ascii_alphabetic).count();
            let all_hex_or_dash = segment.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-');
            let expected = !segment.is_empty()
                && (digits == segment.len()
                    || (all_hex_or_dash && segment.len() >= 8 && digits > 0)
                    || (digits >= 2 && letters > 0 && segment.len() >= 10)
                    || (segment.len() >= 20 && !segment.contains('.')));
            proptest::prop_assert_eq!(is_id_like(&segment), expected);
        }

        #[test]
        fn paths_and_hosts_are_cut_where_the_url_grammar_says(url in "[:/a1?#@é.]{0,16}") {
            let rest = reference_scheme_end(&url).map(|at| &url[at..]);
            let after_scheme = rest.map_or(url.as_str(), |rest| rest.find('/').map_or("/", |slash| &rest[slash..]));
            let path = &after_scheme[..after_scheme.find(['?', '#']).unwrap_or(after_scheme.len())];
            proptest::prop_assert_eq!(path_of(&url), path);
            let authority = rest.map(|rest| &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())]);
            let host = authority.map(|authority| strip_port(authority.rsplit('@').next().unwrap_or(authority)));
            proptest::prop_assert_eq!(host_of(&url), host.filter(|host| !host.is_empty()));
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://user:pw@api.x.com:443/a"), Some("api.x.com"));
        assert_eq!(host_of("/api/customers"), None);
        assert_eq!(strip_port("[::1]:80"), "[::1]");
        assert_eq!(path_of("https://api.x.com"), "/");
    }

    #[test]
    fn a_url_in_a_query_is_no_scheme() {
        let url = "/r?to=http://x.example/y";
        assert_eq!(template(Some("GET"), Some(url)), "GET /r");
        assert_eq!(host_of(url), None);
        assert_eq!(target_of(url), url);
        assert_eq!(path_of("https://h.example/login?next=https://evil.example/z"), "/login");
        assert_eq!(host_of("https://h.example/login?next=https://evil.example/z"), Some("h.example"));
        assert_eq!(host_of("git+ssh://git.example/repo"), Some("git.example"));
        assert_eq!(host_of("1http://x/y"), None);
    }
}
