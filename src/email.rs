//! The support email: one failure group turned into the request the vendor's guide asks for —
//! the endpoint, the request body with sensitive data removed, the full error response, and the
//! account email — plus what failed, how often, since when, and what was already tried.
//!
//! Everything quoted from the log goes through the [`Redactor`]; the finished text goes through it
//! once more, so nothing the parts missed can leak. Rendered as plain text, an RFC 5322 message
//! (`.eml`), or a `mailto:` URL, through [`mail`](crate::output::mail).

use crate::ingest::time::format_rfc3339;
use crate::output::{mail, text};
use crate::record::Record;
use crate::redact::{Redaction, Redactor, Spelling};
use crate::store::{NO_TIME, Store};
use crate::summary::Group;
use std::fmt::Write as _;
use std::sync::Arc;

/// Beyond this length a `mailto:` URL is cut off or refused by common mail clients.
pub const MAX_MAILTO_CHARS: usize = 2000;

/// How many other occurrences are listed by request id.
const MORE_OCCURRENCES: usize = 5;

/// A composed support email.
#[derive(Debug, Clone, PartialEq)]
pub struct SupportEmail {
    /// The vendor's support address, when the knowledge base has one.
    pub to: Option<String>,
    /// The account email, sent as `From`.
    pub from: Option<String>,
    /// One line that says what fails and since when.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
    /// Everything that was removed, in order, for the review panel.
    pub removed: Vec<Redaction>,
}

/// Why no email could be composed.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EmailError {
    /// The group has no call that can be read back.
    #[error("the group {kind} has no call that can be read back from its file")]
    NoRecord {
        /// The kind id.
        kind: String,
    },
    /// `--record N` is out of range.
    #[error("the group {kind} has {count} calls; --record must be between 1 and {count}")]
    RecordOutOfRange {
        /// The kind id.
        kind: String,
        /// Calls in the group.
        count: usize,
    },
}

/// A group's rows, oldest first (rows without a time keep their input order, first).
pub fn group_rows(store: &Store, group: &Group) -> Vec<u32> {
    kind_rows(store, group.kind_index)
}

fn kind_rows(store: &Store, kind: u32) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..store.len() as u32).filter(|&row| store.kind[row as usize] == kind).collect();
    rows.sort_by_key(|&row| store.time_ms[row as usize]);
    rows
}

/// The group of one kind over every call of the store, whatever a view's filter: an email speaks
/// about the whole log. Only the kind's rows are summarized, not the store.
pub fn kind_group(store: &Store, kind: u32) -> Option<Group> {
    let rows = kind_rows(store, kind);
    crate::summary::summarize(store, Some(&rows)).groups.into_iter().find(|group| group.kind_index == kind)
}

/// Composes the email for `group`. `record` picks the representative call (1-based, oldest
/// first, as [`group_rows`]); the default is the most recent.
pub fn compose(
    store: &Store,
    group: &Group,
    record: Option<usize>,
    redactor: &Redactor,
) -> Result<SupportEmail, EmailError> {
    let rows = group_rows(store, group);
    let chosen = match record {
        Some(n) if n == 0 || n > rows.len() => {
            return Err(EmailError::RecordOutOfRange { kind: group.kind.clone(), count: rows.len() });
        }
        Some(n) => rows[n - 1],
        None => *rows.last().ok_or_else(|| EmailError::NoRecord { kind: group.kind.clone() })?,
    };
    let original = store.record(chosen as usize).ok_or_else(|| EmailError::NoRecord { kind: group.kind.clone() })?;
    let redacted = redactor.redact_record(&original);
    let example = redacted.value;
    let vendor = store.kind_vendor.get(&group.kind_index).and_then(|&index| store.knowledge.vendor(index));
    // With terms to hide, the call's credentials are known to every other text the email quotes
    // (messages and ids of other calls), so the terms cannot cut them apart there before the last
    // sweep.
    let knowing;
    let parts_redactor = if redactor.hides_terms() {
        knowing = Redactor { known: Arc::new(redactor.known_values(&redacted.removed)), ..redactor.clone() };
        &knowing
    } else {
        redactor
    };
    let mut parts = Parts { redactor: parts_redactor, removed: redacted.removed };
    let endpoint = parts.line(group.endpoints.first().map_or("(unknown endpoint)", |e| e.endpoint.as_str()));
    let since =
        group.first_seen.as_deref().and_then(|t| t.get(..10)).map(|day| format!(" since {day}")).unwrap_or_default();
    let plural = if group.count == 1 { "failure" } else { "failures" };
    let subject = parts.line(&format!(
        "[API] {} {} on {endpoint} ({} {plural}{since})",
        status_text(group.status),
        group.title,
        group.count
    ));

    let mut body = String::new();
    let greeting = vendor.map_or_else(|| "Hello,".to_string(), |vendor| format!("Hello {} support,", vendor.name));
    let _ = writeln!(body, "{greeting}\n");
    let _ = writeln!(
        body,
        "our integration's calls fail with \"{}\" ({}) on {endpoint}: {} {plural} between {} and {}.",
        group.title,
        status_text(group.status),
        group.count,
        group.first_seen.as_deref().unwrap_or("(no time in the log)"),
        group.last_seen.as_deref().unwrap_or("(no time in the log)"),
    );
    if group.endpoints.len() > 1 {
        let others: Vec<String> =
            group.endpoints.iter().map(|e| format!("{} ({})", parts.line(&e.endpoint), e.count)).collect();
        let _ = writeln!(body, "Endpoints affected: {}.", others.join(", "));
    }
    let _ = writeln!(
        body,
        "\nHere is one of them{}:\n",
        time_of(&example).map(|t| format!(", at {t}")).unwrap_or_default()
    );
    let _ = writeln!(
        body,
        "1. Endpoint\n   {} {}\n",
        parts.line(example.method.as_deref().unwrap_or("?")),
        example.url.as_deref().map_or_else(|| endpoint.clone(), |url| parts.line(url))
    );
    let _ = writeln!(
        body,
        "2. Request body (sensitive data removed)\n{}\n",
        indent(&pretty(example.request.body.as_deref(), "(the log has no request body)"))
    );
    let _ = writeln!(body, "3. Full error response\n{}\n", indent(&response_text(&example, &mut parts)));
    let _ = writeln!(
        body,
        "4. Account email\n   {}\n",
        redactor.account_email.as_deref().filter(|e| !e.is_empty()).unwrap_or("(please add your account email)")
    );
    if let Some(id) = &example.request_id {
        let _ = writeln!(body, "Request id of this call: {}", parts.line(id));
    }
    let more = more_request_ids(store, &rows, chosen, &mut parts);
    if !more.is_empty() {
        let _ = writeln!(body, "Request ids of other occurrences: {}", more.join(", "));
    }
    if !group.messages.is_empty() {
        let variants: Vec<String> =
            group.messages.iter().take(3).map(|m| format!("\"{}\" ({}×)", parts.line(&m.message), m.count)).collect();
        let _ = writeln!(body, "Messages seen: {}", variants.join(", "));
    }
    if !group.fix.is_empty() {
        let _ = writeln!(body, "\nWhat we checked, following your documentation:");
        for step in &group.fix {
            let _ = writeln!(body, "- {step}");
        }
    }
    let _ = writeln!(body, "\nCould you tell us what else causes this, or what we should change?\n\nThank you,");
    if let Some(email) = redactor.account_email.as_deref().filter(|e| !e.is_empty()) {
        let _ = writeln!(body, "{email}");
    }
    // The last pass over the finished text catches what the parts missed (and ids from other calls).
    let body = parts.redact(&body);
    // A credential found anywhere in the call is hidden wherever the email repeats it (pretty
    // printing can unescape a body's `\/`; messages and ids come from other calls).
    let known = redactor.known_values(&parts.removed);
    known.sweep_locations(&mut parts.removed);
    let subject = known.sweep(&subject, "subject", Spelling::Text);
    let body = known.sweep(&body, "email", Spelling::Text);
    parts.removed.extend(subject.removed.into_iter().chain(body.removed));
    // Escaped for one line only once nothing more is removed: an escape must not hide a secret.
    let (subject, body) = (subject.value, text::lines(&body.value).into_owned());
    Ok(SupportEmail {
        to: vendor.map(|vendor| vendor.support_email.clone()),
        from: redactor.account_email.clone().filter(|e| !e.is_empty()),
        subject,
        body,
        removed: parts.removed,
    })
}

/// Text from the log on its way into the email, and what was removed from it.
struct Parts<'a> {
    redactor: &'a Redactor,
    removed: Vec<Redaction>,
}

impl Parts<'_> {
    fn redact(&mut self, text: &str) -> String {
        let redacted = self.redactor.redact_text(text);
        self.removed.extend(redacted.removed);
        redacted.value
    }

    /// A value the email shows on one line: redacted, then a CR, LF or other control in it
    /// escaped, so it starts no line of its own. In that order: an escaped line break (`\n`)
    /// glued to a secret could hide the secret from the redactor.
    fn line(&mut self, value: &str) -> String {
        text::one_line(&self.redact(value)).into_owned()
    }
}

fn status_text(status: u16) -> String {
    if status == 0 { "no response".to_string() } else { status.to_string() }
}

fn time_of(record: &Record) -> Option<String> {
    record.time_ms.filter(|&t| t != NO_TIME).and_then(format_rfc3339)
}

fn pretty(body: Option<&str>, missing: &str) -> String {
    let Some(body) = body else { return missing.to_string() };
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| serde_json::to_string_pretty(&value).ok())
        .unwrap_or_else(|| body.to_string())
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("   {line}")).collect::<Vec<_>>().join("\n")
}

fn response_text(record: &Record, parts: &mut Parts) -> String {
    if record.status == 0 {
        let message = record.message.as_deref().unwrap_or("the connection failed");
        return format!("No response: {}", parts.line(message));
    }
    let mut response = format!("HTTP {}\n", record.status);
    for (name, value) in &record.response.headers {
        let _ = writeln!(response, "{}: {}", parts.line(name), parts.line(value));
    }
    response.push('\n');
    response.push_str(&pretty(record.response.body.as_deref(), "(the log has no response body)"));
    response
}

fn more_request_ids(store: &Store, rows: &[u32], chosen: u32, parts: &mut Parts) -> Vec<String> {
    rows.iter()
        .rev()
        .filter(|&&row| row != chosen)
        .filter_map(|&row| {
            let record = store.record(row as usize)?;
            let id = record.request_id.clone()?;
            Some(match time_of(&record) {
                Some(time) => format!("{} ({time})", parts.line(&id)),
                None => parts.line(&id),
            })
        })
        .take(MORE_OCCURRENCES)
        .collect()
}

/// One line of the review list: a removed value and how many places of the email it was taken
/// from (a session cookie can be in the header, the URL and the body).
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem<'a> {
    /// The first place the value was found.
    pub first: &'a Redaction,
    /// How many places held it.
    pub places: usize,
}

/// What the closing question of a body starts with; a paragraph added later goes before it.
const CLOSING: &str = "\nCould you tell us what else causes this";

impl SupportEmail {
    /// Adds a paragraph before the closing question (the audit's sentence on how the client
    /// retries, say), on one line.
    pub fn add_paragraph(&mut self, title: &str, text: &str) {
        let paragraph = format!("\n{title}: {}\n", text::one_line(text));
        let at = self.body.rfind(CLOSING).unwrap_or(self.body.len());
        self.body.insert_str(at, &paragraph);
    }

    /// What was removed, each value once (at its first place) with its count of places, in the
    /// order found: a value is one decision to reveal or keep hidden, wherever it was.
    pub fn review(&self) -> Vec<ReviewItem<'_>> {
        let mut items: Vec<ReviewItem<'_>> = Vec::new();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for item in &self.removed {
            match index.get(item.original.as_str()) {
                Some(&at) => items[at].places += 1,
                None => {
                    index.insert(item.original.as_str(), items.len());
                    items.push(ReviewItem { first: item, places: 1 });
                }
            }
        }
        items
    }

    /// The message as RFC 5322 text (CRLF line ends), ready to save as `.eml` or pipe to a mailer.
    /// Headers, addresses and the body are written by [`mail`], which keeps logged text from
    /// ending a header or adding one.
    pub fn to_rfc5322(&self) -> String {
        let mut message = String::new();
        if let Some(from) = self.from.as_deref().and_then(mail::address) {
            message.push_str(&mail::header("From", from));
        }
        if let Some(to) = self.to.as_deref().and_then(mail::address) {
            message.push_str(&mail::header("To", to));
        }
        message.push_str(&mail::header("Subject", &self.subject));
        let (transfer_encoding, body) = mail::body(&self.body);
        message.push_str("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n");
        let _ = write!(message, "Content-Transfer-Encoding: {transfer_encoding}\r\n");
        // Mail clients open an .eml with this header as a draft to send, not as a received mail.
        message.push_str("X-Unsent: 1\r\n\r\n");
        message.push_str(&body);
        message
    }

    /// A `mailto:` URL, or `None` when it would be longer than mail clients accept.
    pub fn to_mailto(&self) -> Option<String> {
        let url = mail::mailto(self.to.as_deref(), &self.subject, &self.body);
        (url.len() <= MAX_MAILTO_CHARS).then_some(url)
    }
}

#[cfg(test)]
mod tests;
