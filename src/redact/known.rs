//! Known values: a secret recognised in one place is hidden wherever else it appears.
//!
//! The engine judges each place by its own key and shape, so a session cookie it removed from
//! `Cookie:` survives in a tracking URL's `?uid=<same value>`, a `queryString` entry, a `Referer`
//! or a body. After a file (or a call) has been redacted, the credentials it removed become
//! patterns, and one pass over the redacted text replaces every other occurrence with the same
//! marker: as it was removed, as JSON escapes it, and percent-encoded or decoded, since a cookie
//! value copied into a URL changes its encoding on the way.
//!
//! The user's extra terms come last: a term inside such a value (`3` in a cookie) would leave
//! pieces the sweep no longer recognises. When there are terms, a first run without them learns
//! the credentials, and the run that counts hides those wherever they appear before any term.
//!
//! Only credentials are swept (cookies, authorization and key headers, key-shaped tokens,
//! password and token fields, URL credentials): personal data is found by its own shapes
//! everywhere, and a name such as `Anna` would hide every `Anna` in the file.

use aho_corasick::{AhoCorasick, MatchKind};

use super::anchors::Anchors;
use super::{Category, Redacted, Redaction, Redactor, generic_preview, is_marker};

/// Up to this many spellings an Aho-Corasick automaton finds them (built in about 40 ms for
/// 10,000, and fastest to scan); past it, their tails do (see `anchors.rs`).
const MAX_AUTOMATON: usize = 10_000;

enum Matcher {
    Automaton(AhoCorasick),
    Anchors(Anchors),
}

impl Matcher {
    /// Leftmost-longest occurrences as `(start, end, pattern)`.
    fn find_all(&self, text: &str) -> Vec<(usize, usize, usize)> {
        match self {
            Matcher::Automaton(automaton) => {
                automaton.find_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
            }
            Matcher::Anchors(anchors) => anchors.find_all(text),
        }
    }
}

/// Shorter values (`1`, `en-US`, `true`, a 9-digit time) would hide evidence by coincidence.
const MIN_CHARS: usize = 10;
/// Values this long count whatever they are made of; shorter ones need a digit and a letter, so
/// a word such as `undefined` or a timestamp stays.
const ANY_CHARS: usize = 16;

/// How the swept text is written, which decides what an occurrence may look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// JSON text: a value holding `"`, `\` or control characters appears only escaped, and a match
    /// that starts right after an escaping backslash is part of an escape, not the value.
    Json,
    /// Plain text (a log line, an email): any spelling counts.
    Text,
}

/// The credentials removed from one file or call, ready to be swept from its text.
#[derive(Default)]
pub struct KnownValues {
    /// One pattern per spelling; leftmost-longest, so a value is hidden whole, not a part of it.
    matcher: Option<Matcher>,
    /// For each pattern: the value it spells and whether it is safe in JSON text as it is.
    patterns: Vec<(usize, bool)>,
    /// The values, with the category they were removed as.
    values: Vec<(Category, String)>,
}

impl std::fmt::Debug for KnownValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The values themselves are secrets: a debug print must not show them.
        f.debug_struct("KnownValues")
            .field("values", &self.values.len())
            .field("spellings", &self.patterns.len())
            .finish()
    }
}

impl Redactor {
    /// The credentials among `removed` (values the user revealed stay out), to sweep with
    /// [`KnownValues::sweep`].
    pub fn known_values(&self, removed: &[Redaction]) -> KnownValues {
        let mut values: Vec<(Category, String)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for item in removed {
            let value = item.original.trim().trim_matches('"');
            let revealed = self.revealed.iter().any(|r| r.trim() == value || *r == item.original);
            if is_credential(item.category) && worth_sweeping(value) && !revealed && seen.insert(value.to_owned()) {
                values.push((item.category, value.to_owned()));
            }
        }
        KnownValues::new(values)
    }

    /// Whether the user added terms to hide.
    pub fn hides_terms(&self) -> bool {
        self.extra_terms.iter().any(|term| !term.trim().is_empty())
    }

    /// What `redact` gives when the user's extra terms are hidden only after the credentials it
    /// finds: a first run without the terms learns them, and a second hides them as known values
    /// before the terms. Without terms it runs once.
    pub fn terms_after_known<T>(&self, redact: impl Fn(&Redactor) -> Redacted<T>) -> Redacted<T> {
        if !self.hides_terms() {
            return redact(self);
        }
        let plain = Redactor { extra_terms: Vec::new(), ..self.clone() };
        let known = self.known_values(&redact(&plain).removed);
        if known.is_empty() {
            return redact(self);
        }
        redact(&Redactor { known: std::sync::Arc::new(known), ..self.clone() })
    }
}

fn is_credential(category: Category) -> bool {
    matches!(
        category,
        Category::ApiKey
            | Category::Authorization
            | Category::Cookie
            | Category::Secret
            | Category::PrivateKey
            | Category::UrlCredential
    )
}

fn worth_sweeping(value: &str) -> bool {
    let chars = value.chars().count();
    let mixed = value.chars().any(|c| c.is_ascii_digit()) && value.chars().any(char::is_alphabetic);
    chars >= MIN_CHARS
        && (chars >= ANY_CHARS || mixed)
        && !is_marker(value)
        && !Category::ALL.iter().any(|c| c.marker().contains(value))
}

impl KnownValues {
    fn new(values: Vec<(Category, String)>) -> Self {
        let mut spellings: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (index, (_, value)) in values.iter().enumerate() {
            for (spelling, json_safe) in spellings_of(value) {
                if spelling.chars().count() >= MIN_CHARS && seen.insert(spelling.clone()) {
                    patterns.push((index, json_safe));
                    spellings.push(spelling);
                }
            }
        }
        let matcher = match spellings.len() {
            0 => None,
            n if n <= MAX_AUTOMATON => AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&spellings)
                .ok()
                .map(Matcher::Automaton),
            _ => Some(Matcher::Anchors(Anchors::new(spellings))),
        };
        KnownValues { matcher, patterns, values }
    }

    /// How many values are known.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether no value is known, so a sweep would change nothing.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `text` with every occurrence of a known value replaced by its marker; each replacement is
    /// reported at `location`.
    pub fn sweep(&self, text: &str, location: &str, spelling: Spelling) -> Redacted<String> {
        let mut removed = Vec::new();
        let Some(matcher) = &self.matcher else {
            return Redacted { value: text.to_owned(), removed };
        };
        let mut out = String::new();
        let mut at = 0;
        for (start, end, pattern) in matcher.find_all(text) {
            let (value, safe) = self.patterns[pattern];
            if spelling == Spelling::Json && (!safe || escaped_at(text, start)) {
                continue;
            }
            let (category, original) = &self.values[value];
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[at..start]);
            out.push_str(category.marker());
            at = end;
            removed.push(Redaction {
                category: *category,
                location: format!("{location} (same value as removed elsewhere)"),
                preview: generic_preview(original),
                original: original.clone(),
            });
        }
        if removed.is_empty() {
            return Redacted { value: text.to_owned(), removed };
        }
        out.push_str(&text[at..]);
        Redacted { value: out, removed }
    }
}

impl KnownValues {
    /// Where known values occur in plain text, as `(start, end, category)`, leftmost-longest.
    pub(super) fn find_in(&self, text: &str) -> Vec<(usize, usize, Category)> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let found = matcher.find_all(text).into_iter();
        found.map(|(start, end, pattern)| (start, end, self.values[self.patterns[pattern].0].0)).collect()
    }

    /// Locations are built from keys and header names, which can hold a value found secret
    /// elsewhere (an object keyed by a session id): they are swept too, so a location never names
    /// what the text no longer shows.
    pub fn sweep_locations(&self, removed: &mut [Redaction]) {
        if self.matcher.is_none() {
            return;
        }
        for item in removed {
            // Most locations hold nothing known: find first, so those cost no copy.
            if self.matcher.as_ref().is_some_and(|m| !m.find_all(&item.location).is_empty()) {
                item.location = self.sweep(&item.location, "", Spelling::Text).value;
            }
        }
    }
}

/// The ways `value` can be written elsewhere: as it is, escaped for JSON (also with `\/`), and
/// percent-encoded or -decoded as a URL carries it; each with whether it may be matched in JSON
/// text (a raw form holding `"`, `\` or a control character appears there only escaped). A value
/// holding a URL is not decoded: its decoded form (`http://www.cnn.com`) is ordinary evidence.
fn spellings_of(value: &str) -> Vec<(String, bool)> {
    let mut forms = vec![value.to_owned()];
    if let Some(decoded) = percent_decode(value).filter(|d| d != value && !d.contains("://")) {
        forms.push(decoded);
    }
    let encoded = percent_encode(value);
    if encoded != value {
        forms.push(encoded);
    }
    let mut spellings = Vec::new();
    for form in forms {
        // Most values are plain tokens, which JSON writes as they are: no escaping to work out.
        let json = if form.chars().any(|c| c == '"' || c == '\\' || c.is_control()) {
            let quoted = serde_json::Value::String(form.clone()).to_string();
            quoted[1..quoted.len() - 1].to_owned()
        } else {
            form.clone()
        };
        if json.contains('/') {
            spellings.push((json.replace('/', "\\/"), true));
        }
        let raw_is_json = json == form;
        spellings.push((json, true));
        if !raw_is_json {
            spellings.push((form, false));
        }
    }
    spellings
}

/// Whether the byte at `at` is the second half of a JSON escape (`n` in `\n1234…` is a newline,
/// not the letter): it follows an odd run of backslashes and is a letter an escape can have. After
/// a lone backslash anything else is not JSON, and the value there is the value.
fn escaped_at(text: &str, at: usize) -> bool {
    let backslashes = text.as_bytes()[..at].iter().rev().take_while(|&&b| b == b'\\').count();
    backslashes % 2 == 1
        && matches!(text.as_bytes().get(at), Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' | b'u'))
}

fn percent_decode(raw: &str) -> Option<String> {
    if !raw.contains('%') {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// As `encodeURIComponent` writes it, the way scripts put a cookie value into a URL.
fn percent_encode(text: &str) -> String {
    if text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
