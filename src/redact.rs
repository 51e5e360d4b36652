//! The redaction engine: nothing leaves errlens before it has been through here.
//!
//! Support emails quote request and response data, and that data carries two kinds of things that
//! must never reach the API vendor: credentials (API keys, tokens, cookies, passwords, private
//! keys, card numbers) and the personal data of the account's own customers (emails, phone
//! numbers, names, postal addresses). This module finds them in headers, URLs, JSON (at any depth,
//! including JSON that was logged as a string, or as a string inside a string), form bodies, XML
//! elements and free text (log lines, header lines, `key=value` pairs, curl commands, Python
//! reprs), and replaces each with a marker such as `[api key]` or `[customer email]`. The
//! surrounding evidence stays: JSON keeps every key, its key order and its layout style; the
//! endpoint path, status, error type and message text, request ids, UUIDs, timestamps and IP
//! addresses stay readable, because that is what the vendor needs to diagnose the failure.
//!
//! Every replacement is reported in [`Redacted::removed`] with its category, where it was found, a
//! masked preview and the original, so the UI can list what was hidden and let the user put an
//! item back ([`Redactor::revealed`]) or hide more ([`Redactor::extra_terms`]).
//!
//! Decisions that are not obvious:
//! - IP addresses stay: they are the account's or the vendor's infrastructure, not personal data
//!   of the account's customers, and they are often the evidence (allow-lists, regions).
//! - A value under `name` counts as a person's name only inside a person-like object: one that sits
//!   under a key such as `customer`, `user`, `contact`, `owner`, `billing_details`, `legal_entity`,
//!   or that has personal siblings (`email`, `phone`, `address`, `first_name`, a birth date), or
//!   that says `"object": "customer"`/`"type": "individual"`. A product's or an error's `name`
//!   stays. Keys that always hold a name (`first_name`, `full_name`, `company_name`, `username`,
//!   `cardholder_name`, ...) are hidden wherever they appear.
//! - `company` and `legal_entity` holding a string are the customer's company name and are hidden
//!   as `[name]`; holding an object they are treated as a person-like object (its `name` and
//!   address go, its `type` stays).
//! - `idempotency_key`, `token_count`, `max_tokens`, `author`, `public_key` and the like are not
//!   secrets; secret names are matched as whole words at the end of a key, so `customer_token`,
//!   `stripeSecret` and `dbPassword` are secrets while `compass` and `secretary` are not.
//! - In free text, names and addresses can only be recognised next to a key (`first_name=...`); a
//!   bare `name=` is left alone, and an invalid email is only shape-masked under an email key.
//! - Phone numbers are found by key anywhere and by shape in text, where a shape also needs clean
//!   edges (no digit, dot, dash or letter glued on), so ids, versions and timestamps stay. A
//!   dashed 3-3-4 number (`555-123-4567`) counts as a phone even under an `order` key.
//! - Card numbers need the Luhn check and a card-network prefix (2221–2720, 30–39, 4, 50–58, 6),
//!   so millisecond timestamps and most order ids stay even when their checksum happens to pass.
//! - Publishable keys (`pk_live_`) go too: they identify the vendor account.
//! - JSON that is re-serialised after a change keeps its layout style (compact, `", "`-spaced or
//!   pretty with the same indent; a one-line object inside a pretty document comes out expanded).
//!   JSON whose content did not change is returned byte for byte. Integers beyond 64 bits lose
//!   precision when their document is re-serialised.

mod anchors;
mod headers;
mod json;
mod keys;
mod known;
mod patterns;
mod record;
mod text;
mod url;

#[cfg(test)]
mod tests;

pub use known::{KnownValues, Spelling};
use regex::{Regex, RegexBuilder};
use serde_json::Value;
use std::sync::Arc;

/// How many levels of JSON nesting plus string unwrapping the engine follows. Past it, strings are
/// only scanned as text, so hostile input cannot exhaust the stack yet still loses its secrets.
const MAX_DEPTH: usize = 64;

/// What kind of thing was removed; decides the marker that replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// A vendor, cloud or SaaS API key (`sk_live_...`, `AKIA...`, `ghp_...`, `xoxb-...`, `AIza...`).
    ApiKey,
    /// The credential of an `Authorization`-style header or field.
    Authorization,
    /// A cookie value.
    Cookie,
    /// A password, token, session id, one-time code or other secret.
    Secret,
    /// A PEM private key block.
    PrivateKey,
    /// Credentials carried by a URL: userinfo or a signing/credential query parameter.
    UrlCredential,
    /// A payment card number (Luhn-valid, with a card-network prefix).
    CardNumber,
    /// An email address of the account's customers.
    CustomerEmail,
    /// A phone number.
    Phone,
    /// A person's or customer company's name.
    Name,
    /// A postal address or part of one.
    Address,
    /// A term the user asked to hide.
    Custom,
}

impl Category {
    /// Every category, in the order the UI lists them.
    pub const ALL: [Category; 12] = [
        Category::ApiKey,
        Category::Authorization,
        Category::Cookie,
        Category::Secret,
        Category::PrivateKey,
        Category::UrlCredential,
        Category::CardNumber,
        Category::CustomerEmail,
        Category::Phone,
        Category::Name,
        Category::Address,
        Category::Custom,
    ];

    /// The text that replaces a removed value of this category.
    pub fn marker(self) -> &'static str {
        match self {
            Category::ApiKey => "[api key]",
            Category::Authorization => "[authorization]",
            Category::Cookie => "[cookie]",
            Category::Secret => "[secret]",
            Category::PrivateKey => "[private key]",
            Category::UrlCredential => "[url credential]",
            Category::CardNumber => "[card number]",
            Category::CustomerEmail => "[customer email]",
            Category::Phone => "[phone]",
            Category::Name => "[name]",
            Category::Address => "[address]",
            Category::Custom => "[hidden]",
        }
    }

    /// A human-readable name for lists in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Category::ApiKey => "API key",
            Category::Authorization => "Authorization",
            Category::Cookie => "Cookie",
            Category::Secret => "Secret",
            Category::PrivateKey => "Private key",
            Category::UrlCredential => "URL credential",
            Category::CardNumber => "Card number",
            Category::CustomerEmail => "Customer email",
            Category::Phone => "Phone number",
            Category::Name => "Name",
            Category::Address => "Postal address",
            Category::Custom => "Hidden term",
        }
    }
}

/// Compiles the patterns ahead of the first redaction, for a caller with a thread to spare (the
/// window, whose first selected call would otherwise wait for them).
pub fn warm_up() {
    patterns::compile_all();
}

/// Whether `text` is exactly one of the markers, i.e. something this engine already removed.
pub fn is_marker(text: &str) -> bool {
    Category::ALL.iter().any(|c| c.marker() == text)
}

/// One value that was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// What it was.
    pub category: Category,
    /// Where it was: `header x-api-key`, `body $.customer.email`, `url query api_key`, `text`, ...
    /// Built from keys and header names only, never from removed values.
    pub location: String,
    /// A short masked form (`sk_l…a9f2`, `j***@e***.com`, `•••• 1111`); never the full value.
    pub preview: String,
    /// The exact removed text, so the UI can offer to reveal it.
    pub original: String,
}

/// The redacted value and the list of what was taken out of it, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Redacted<T> {
    /// The input with every finding replaced by its marker.
    pub value: T,
    /// Every replacement made.
    pub removed: Vec<Redaction>,
}

/// The redaction settings for one account; each method redacts one kind of input.
#[derive(Debug, Default, Clone)]
pub struct Redactor {
    /// The account's own address: never redacted (compared case-insensitively).
    pub account_email: Option<String>,
    /// User-added terms to hide wherever they occur, case-insensitively, as `[hidden]`.
    pub extra_terms: Vec<String>,
    /// Originals (as reported in [`Redaction::original`]) the user chose to share: left as they are.
    pub revealed: Vec<String>,
    /// Credentials found elsewhere in the same file or call, hidden wherever they occur before the
    /// extra terms are: a term must not cut one into pieces nothing recognises. Filled by
    /// [`Redactor::terms_after_known`]; empty by default.
    pub known: Arc<KnownValues>,
}

impl Redactor {
    /// Redacts free text, including URLs, `key=value` pairs, header lines and JSON found inside it.
    pub fn redact_text(&self, text: &str) -> Redacted<String> {
        let mut ctx = Ctx::new(self);
        let value = text::redact(&mut ctx, text, "text", 0);
        ctx.finish(value)
    }

    /// Redacts a JSON value; the result has the same keys in the same order and arrays keep their
    /// length. A redacted number or boolean becomes the marker string. The walk itself needs no
    /// stack per level, but the value is cloned, which recurses as deep as the value is nested.
    pub fn redact_json(&self, value: &Value) -> Redacted<Value> {
        let mut ctx = Ctx::new(self);
        let mut value = value.clone();
        json::walk(&mut ctx, &mut value, "body", 0);
        ctx.finish(value)
    }

    /// Redacts an HTTP body: JSON (keeping its layout style), form-urlencoded, or else free text.
    pub fn redact_body(&self, body: &str) -> Redacted<String> {
        let mut ctx = Ctx::new(self);
        let value = json::redact_string(&mut ctx, body, "body", 0, json::Found::Body);
        ctx.finish(value)
    }

    /// Redacts a URL (absolute, relative or a bare path): userinfo, secret query and fragment
    /// parameters, and personal data anywhere in it, keeping the rest and its percent-encoding.
    pub fn redact_url(&self, url: &str) -> Redacted<String> {
        let mut ctx = Ctx::new(self);
        let value = url::redact(&mut ctx, url, "url", 0);
        ctx.finish(value)
    }

    /// Redacts header values; names and order stay. Names are compared case-insensitively.
    pub fn redact_headers(&self, headers: &[(String, String)]) -> Redacted<Vec<(String, String)>> {
        let mut ctx = Ctx::new(self);
        let value = headers::redact(&mut ctx, headers);
        ctx.finish(value)
    }
}

/// The state of one redaction call: the settings, their patterns ([`Patterns`], compiled once per
/// thread) and what was removed so far.
struct Ctx<'a> {
    redactor: &'a Redactor,
    patterns: Arc<Patterns>,
    removed: Vec<Redaction>,
}

/// A redactor's settings as patterns: its extra terms, and the texts value patterns must leave
/// alone. A log is redacted a line (or a call) at a time, each a [`Ctx`]: compiled for each, the
/// patterns made `errlens redact --account-email` ten times slower. So each thread keeps the
/// last few it compiled, with the settings they were compiled from.
struct Patterns {
    account_email: Option<String>,
    extra_terms: Vec<String>,
    revealed: Vec<String>,
    /// The user's extra terms as one case-insensitive pattern.
    terms: Option<Regex>,
    /// The account email and revealed originals, so patterns do not fire inside them.
    protected: Option<Regex>,
}

thread_local! {
    /// This thread's last few patterns, the latest used first.
    static PATTERNS: std::cell::RefCell<Vec<Arc<Patterns>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Patterns a thread keeps: with terms to hide, a call is redacted without them and then with
/// them ([`Redactor::terms_after_known`]), one after the other.
const KEPT_PATTERNS: usize = 4;

impl Patterns {
    /// `redactor`'s patterns: this thread's, when it compiled them from the same settings lately.
    fn of(redactor: &Redactor) -> Arc<Self> {
        PATTERNS.with_borrow_mut(|kept| {
            let patterns = match kept.iter().position(|patterns| patterns.are_for(redactor)) {
                Some(at) => kept.remove(at),
                None => Arc::new(Self::compile(redactor)),
            };
            kept.insert(0, Arc::clone(&patterns));
            kept.truncate(KEPT_PATTERNS);
            patterns
        })
    }

    fn are_for(&self, redactor: &Redactor) -> bool {
        self.account_email == redactor.account_email
            && self.extra_terms == redactor.extra_terms
            && self.revealed == redactor.revealed
    }

    fn compile(redactor: &Redactor) -> Self {
        let mut terms: Vec<&str> = redactor.extra_terms.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
        // Longest first, so a term that contains another one is hidden whole.
        terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let terms = alternation(terms.iter().map(|t| regex::escape(t)), true);

        let account = redactor
            .account_email
            .iter()
            .map(|a| a.trim())
            .filter(|a| !a.is_empty())
            .map(|a| format!("(?i:{})", regex::escape(a)));
        let revealed = redactor.revealed.iter().filter(|r| !r.trim().is_empty()).map(|r| regex::escape(r));
        let protected = alternation(account.chain(revealed), false);
        Self {
            account_email: redactor.account_email.clone(),
            extra_terms: redactor.extra_terms.clone(),
            revealed: redactor.revealed.clone(),
            terms,
            protected,
        }
    }
}

impl<'a> Ctx<'a> {
    fn new(redactor: &'a Redactor) -> Self {
        Ctx { redactor, patterns: Patterns::of(redactor), removed: Vec::new() }
    }

    /// The user's extra terms as one case-insensitive pattern.
    fn terms(&self) -> Option<&Regex> {
        self.patterns.terms.as_ref()
    }

    fn finish<T>(self, value: T) -> Redacted<T> {
        Redacted { value, removed: self.removed }
    }

    fn is_account_email(&self, text: &str) -> bool {
        self.redactor.account_email.as_deref().is_some_and(|a| {
            let a = a.trim();
            !a.is_empty() && a.to_lowercase() == text.trim().to_lowercase()
        })
    }

    /// Values that must stay as they are: nothing, a marker, the account email, a revealed item.
    fn keeps(&self, original: &str) -> bool {
        let trimmed = original.trim();
        trimmed.is_empty()
            || is_marker(trimmed)
            || self.is_account_email(trimmed)
            || self.redactor.revealed.iter().any(|r| r == original || r.trim() == trimmed)
    }

    /// Byte ranges of `text` that must not be touched by value patterns.
    fn protected_ranges(&self, text: &str) -> Vec<(usize, usize)> {
        self.patterns
            .protected
            .as_ref()
            .map(|p| p.find_iter(text).map(|m| (m.start(), m.end())).collect())
            .unwrap_or_default()
    }

    /// Records `original` as removed and returns its marker, unless it must stay.
    fn hide(&mut self, category: Category, location: &str, original: &str) -> Option<&'static str> {
        if self.keeps(original) {
            return None;
        }
        let preview = preview(category, original);
        self.record(category, location, preview, original);
        Some(category.marker())
    }

    fn record(&mut self, category: Category, location: &str, preview: String, original: &str) {
        self.removed.push(Redaction {
            category,
            location: location.to_owned(),
            preview,
            original: original.to_owned(),
        });
    }

    /// Replaces a whole value whose key or header name says what it is; `None` if it stays.
    fn hide_field(&mut self, field: keys::Field, value: &str, location: &str) -> Option<String> {
        match field {
            keys::Field::Plain(category) => self.hide(category, location, value).map(str::to_owned),
            keys::Field::Email => self.hide_email(value, location),
            keys::Field::Authorization => headers::authorization(self, value, location),
            keys::Field::Cookie => headers::cookie(self, value, location, false),
            keys::Field::SetCookie => headers::cookie(self, value, location, true),
        }
    }

    /// A value under an email key. A valid address becomes the marker; anything else was most
    /// likely rejected by the server as invalid, and its shape is the evidence, so letters and
    /// digits are masked but punctuation and length stay.
    fn hide_email(&mut self, value: &str, location: &str) -> Option<String> {
        if self.keeps(value) {
            return None;
        }
        if patterns::is_email(value.trim()) {
            return self.hide(Category::CustomerEmail, location, value).map(str::to_owned);
        }
        let mask = patterns::shape_mask(value);
        if mask == value {
            return None;
        }
        let preview = format!("shape-preserved: {}", generic_preview(value));
        self.record(Category::CustomerEmail, location, preview, value);
        Some(mask)
    }
}

/// One regex matching any of `parts`, or `None` when there are none (or they cannot compile).
fn alternation(parts: impl Iterator<Item = String>, case_insensitive: bool) -> Option<Regex> {
    let parts: Vec<String> = parts.collect();
    if parts.is_empty() {
        return None;
    }
    RegexBuilder::new(&parts.join("|")).case_insensitive(case_insensitive).size_limit(64 << 20).build().ok()
}

/// A masked form of `original` that helps the user recognise it without showing it.
fn preview(category: Category, original: &str) -> String {
    let trimmed = original.trim();
    match category {
        Category::CardNumber => {
            let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 12 {
                return format!("•••• {}", &digits[digits.len() - 4..]);
            }
        }
        Category::CustomerEmail => {
            if let Some(masked) = email_preview(trimmed) {
                return masked;
            }
        }
        Category::PrivateKey => {
            if let Some(label) =
                trimmed.strip_prefix("-----BEGIN ").and_then(|rest| rest.split_once("-----")).map(|(label, _)| label)
            {
                return format!("{label} …");
            }
        }
        _ => {}
    }
    generic_preview(trimmed)
}

/// `j***@e***.com` for `jane@example.com`.
fn email_preview(email: &str) -> Option<String> {
    let (local, domain) = email.rsplit_once('@').or_else(|| email.rsplit_once("%40"))?;
    let (host, tld) = domain.rsplit_once('.')?;
    let first_local = local.chars().next()?;
    let first_host = host.chars().next()?;
    Some(format!("{first_local}***@{first_host}***.{tld}"))
}

/// Short values show nothing, medium ones their first character, long ones both ends.
fn generic_preview(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    match chars.len() {
        0..=5 => "•••".to_owned(),
        6..=11 => format!("{}…", chars[0]),
        n => {
            let head: String = chars[..4].iter().collect();
            let tail: String = chars[n - 4..].iter().collect();
            format!("{head}…{tail}")
        }
    }
}
