//! What values look like: the patterns that recognise credentials and personal data by shape,
//! whatever key they sit under, and the checks that keep look-alikes (ids, timestamps, IPs) out.

use std::sync::LazyLock;

use regex::Regex;

/// The patterns are literals that every test run compiles; a broken one fails the first test.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("redaction pattern must compile")
}

/// A PEM private key block; a block cut off before its END line is taken to its last base64 line.
pub(super) static PEM: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?s)-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----",
        r"(?:.*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|[A-Za-z0-9+/=\s\\:,-]*)",
    ))
});

/// Credentials with a recognisable prefix. Boundaries are checked by [`token_bounded`], because a
/// key may follow an underscore (`key_sk_live_…`) but not a letter (`task_test_…`).
pub(super) static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{8,}",
        r"|whsec_[0-9A-Za-z]{16,}",
        r"|(?:AKIA|ASIA)[0-9A-Z]{16}",
        r"|gh[pousr]_[0-9A-Za-z]{20,}",
        r"|github_pat_[0-9A-Za-z_]{20,}",
        r"|xox[abposre]-[0-9A-Za-z-]{10,}",
        r"|AIza[0-9A-Za-z_-]{35}",
        r"|eyJ[0-9A-Za-z_-]{5,}\.[0-9A-Za-z_-]{5,}\.[0-9A-Za-z_-]*",
    ))
});

/// The credential after `Bearer`/`Basic` in prose (`retrying with Bearer 9f8e…`); see
/// [`looks_like_credential`], which keeps `Bearer authentication failed` readable.
pub(super) static SCHEME_CREDENTIAL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"(?i)\b(?:bearer|basic)[ \t]+(?P<credential>[A-Za-z0-9._~+/=-]{8,})"));

/// `<password>…</password>` and `<ns:Token attr="1">…</ns:Token>` in XML bodies and SOAP logs.
pub(super) static XML_ELEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"<(?P<tag>[A-Za-z_][A-Za-z0-9_.:\-]*)(?:\s[^<>]*)?>",
        r"(?P<value>[^<]+)</(?P<close>[A-Za-z_][A-Za-z0-9_.:\-]*)>",
    ))
});

/// Tokens have digits, symbols or inner capitals; English words after `Bearer` do not.
pub(super) fn looks_like_credential(token: &str) -> bool {
    token.len() >= 24
        || token.chars().any(|c| c.is_ascii_digit() || "._~+/=-".contains(c))
        || token.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// An email address, also with a percent-encoded `@` (`anna%40example.de`).
pub(super) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"[\p{L}\p{N}._%+-]+(?:@|%40)",
        r"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?",
        r"(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}",
    ))
});

static EMAIL_EXACT: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"^[\p{L}\p{N}._%+'-]+@",
        r"[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?",
        r"(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}$",
    ))
});

/// Phone shapes: international (`+49 30 1234567`), North American (`(555) 123-4567`,
/// `555-123-4567`) and national trunk-prefixed (`030 1234567`). Context is checked by
/// [`phone_bounded`] so timestamps, versions, UUIDs and IPs are not taken.
/// A person's name in prose, recognised by the word before it: `synced customer Julia Keller`.
/// Two or three capitalised words; the noun itself stays.
pub(super) static NAME_IN_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?i:customer|client|contact|user|recipient|subscriber|member|cardholder)s?:?\s+(?<name>\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+){1,2})\b",
    )
});

pub(super) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"\+\d{1,3}(?:[ .\-]?\(\d{1,5}\))?(?:[ .\-]?\d{1,8}){1,6}",
        r"|\(\d{3}\)[ .\-]?\d{3}[ .\-]\d{4}",
        r"|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b",
        r"|\b0\d{2,4}[ /\-]\d{3,8}(?:[ \-]\d{2,5})?\b",
    ))
});

/// A run of 13–19 digits, possibly grouped by single spaces or dashes; see [`card_in`].
pub(super) static CARD: LazyLock<Regex> = LazyLock::new(|| compile(r"\b\d(?:[ \-]?\d){12,18}\b"));

/// URLs in text: with a scheme, or a path with a query string (`GET /v1/x?api_key=…`).
pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(r#"(?i)\b[a-z][a-z0-9+.\-]{1,15}://[^\s"'<>`\\]+"#, r#"|/[^\s"'<>`\\?#]*\?[^\s"'<>`\\]+"#,))
});

/// `key: value` / `key=value` in text, also with quoted keys as in JSON, Python reprs and
/// escaped JSON (`\"password\":`). Only the key and separator; the value is read by code.
pub(super) static KEY_VALUE: LazyLock<Regex> =
    LazyLock::new(|| compile(r#"(?i)(?P<key>[a-z_][a-z0-9_.\-]{0,63})\\*["']?[ \t]*(?P<sep>[:=])[ \t]*"#));

pub(super) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

/// The start of another `key=` or `key:` after a space, which ends a bare name or address.
pub(super) static NEXT_KEY: LazyLock<Regex> = LazyLock::new(|| compile(r"\s+[A-Za-z_][\w.\-]*[:=]"));

fn char_after(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

/// A token match stands alone: no letter or digit glued to either end.
pub(super) fn token_bounded(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(|c| c.is_ascii_alphanumeric())
        && !char_after(text, end).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A phone match is not part of an id, version, timestamp or longer number, and has a plausible
/// number of digits for its shape.
pub(super) fn phone_bounded(text: &str, start: usize, end: usize) -> bool {
    let Some(found) = text.get(start..end) else {
        return false;
    };
    let digits = found.chars().filter(char::is_ascii_digit).count();
    let plausible = if found.starts_with('+') { (8..=15).contains(&digits) } else { (9..=12).contains(&digits) };
    let glued_before = char_before(text, start).is_some_and(|c| c.is_alphanumeric() || "_.-/+\\#".contains(c));
    let after = text.get(end..).unwrap_or_default();
    let mut rest = after.chars();
    let glued_after = match (rest.next(), rest.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' => true,
        (Some('.' | '-' | '/' | ':'), Some(d)) => d.is_ascii_digit(),
        _ => false,
    };
    plausible && !glued_before && !glued_after
}

/// The Luhn checksum over ASCII digit values.
pub(super) fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A card network prefix: Mastercard 2221–2720 and 51–55, Amex/Diners/JCB 30–39, Visa 4,
/// Maestro 50–58, Discover/UnionPay/Maestro 6. Epoch timestamps (1…) and dates (20…) fail it.
fn has_card_prefix(digits: &[u8]) -> bool {
    let number = |n: usize| digits.iter().take(n).fold(0u32, |acc, &d| acc * 10 + u32::from(d));
    match digits.first() {
        Some(2) => (2221..=2720).contains(&number(4)),
        Some(3) => (30..=39).contains(&number(2)),
        Some(4 | 6) => true,
        Some(5) => (50..=58).contains(&number(2)),
        _ => false,
    }
}

/// Whether these digits (values 0–9) form a card number.
pub(super) fn is_card_digits(digits: &[u8]) -> bool {
    (13..=19).contains(&digits.len()) && has_card_prefix(digits) && luhn(digits)
}

/// The card number inside a [`CARD`] match, as a byte range of `text`. A match can run into a
/// neighbouring number (`100 4111 1111 1111 1111`), so every run of whole digit groups is tried,
/// longest first. Grouped numbers need groups of 3–6 digits joined by one kind of separator.
pub(super) fn card_in(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let found = text.get(start..end)?;
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut group_start = None;
    let mut separators = found.bytes().filter(|b| !b.is_ascii_digit());
    let separator = separators.next();
    if separators.any(|b| Some(b) != separator) {
        return None;
    }
    for (i, b) in found.bytes().enumerate() {
        match (b.is_ascii_digit(), group_start) {
            (true, None) => group_start = Some(i),
            (false, Some(s)) => {
                groups.push((s, i));
                group_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = group_start {
        groups.push((s, found.len()));
    }
    let digits_of = |from: usize, to: usize| -> Vec<u8> {
        found.as_bytes()[from..to].iter().filter(|b| b.is_ascii_digit()).map(|b| b - b'0').collect()
    };
    let mut windows: Vec<(usize, usize)> =
        (0..groups.len()).flat_map(|i| (i + 1..=groups.len()).map(move |j| (i, j))).collect();
    windows.sort_by_key(|&(i, j)| std::cmp::Reverse(groups[j - 1].1 - groups[i].0));
    windows.into_iter().find_map(|(i, j)| {
        let (from, to) = (groups[i].0, groups[j - 1].1);
        let grouped = j - i > 1;
        let sizes_ok = !grouped || groups[i..j].iter().all(|(a, b)| (3..=6).contains(&(b - a)));
        let digits = digits_of(from, to);
        (sizes_ok && is_card_digits(&digits) && card_bounded(text, start + from, start + to))
            .then_some((start + from, start + to))
    })
}

/// Not a fragment of a decimal, an id or a dashed identifier such as a UUID.
fn card_bounded(text: &str, start: usize, end: usize) -> bool {
    let glued_before = char_before(text, start).is_some_and(|c| c.is_alphanumeric() || c == '_');
    let glued_before_sep = char_before(text, start).is_some_and(|c| c == '.' || c == '-')
        && text
            .get(..start.saturating_sub(1))
            .and_then(|s| s.chars().next_back())
            .is_some_and(|c| c.is_ascii_alphanumeric());
    let mut rest = text.get(end..).unwrap_or_default().chars();
    let glued_after = match (rest.next(), rest.next()) {
        (Some(c), _) if c.is_alphanumeric() || c == '_' => true,
        (Some('.' | '-'), Some(d)) => d.is_ascii_alphanumeric(),
        _ => false,
    };
    !glued_before && !glued_before_sep && !glued_after
}

/// Whether `text` is one syntactically valid email address.
pub(super) fn is_email(text: &str) -> bool {
    let Some((local, _)) = text.rsplit_once('@') else {
        return false;
    };
    EMAIL_EXACT.is_match(text) && !local.starts_with('.') && !local.ends_with('.') && !local.contains("..")
}

/// Letters become `x`, digits `0`; punctuation, spacing and length stay.
pub(super) fn shape_mask(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphabetic() {
                'x'
            } else if c.is_numeric() {
                '0'
            } else {
                c
            }
        })
        .collect()
}

/// Compiles every pattern now: a dozen regexes take the first redaction (in the window, the first
/// call selected) well over a frame's time otherwise.
pub(super) fn compile_all() {
    let patterns = [
        &PEM,
        &TOKEN,
        &SCHEME_CREDENTIAL,
        &XML_ELEMENT,
        &EMAIL,
        &EMAIL_EXACT,
        &NAME_IN_PROSE,
        &PHONE,
        &CARD,
        &URL,
        &KEY_VALUE,
        &NEXT_KEY,
    ];
    for pattern in patterns {
        LazyLock::force(pattern);
    }
}
