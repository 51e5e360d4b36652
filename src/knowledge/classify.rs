//! Classification: which documented kind a failed call is.
//!
//! First the vendor: by host, or by path when the log names no host. Then, among the kinds for the
//! call's status, the first whose keywords all appear in the error type or message, else the
//! status's fallback kind. Calls no vendor claims get the generic kinds, and `http_<code>` for
//! statuses without one.

use super::{Base, Knowledge};
use crate::endpoint;
use crate::record::Record;

/// The kind of one failed call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The kind id (`duplicate_email`, `http_502`, ...).
    pub kind: String,
    /// The vendor whose knowledge explains it (index into [`Knowledge::vendors`]).
    pub vendor: Option<usize>,
}

impl Knowledge {
    /// The kind of a failed call; `None` for successes.
    pub fn classify(&self, record: &Record) -> Option<Classification> {
        if !record.is_failure() {
            return None;
        }
        let text = searchable_text(record);
        let vendor = self.vendor_of(record).or_else(|| self.vendor_by_message(record, &text));
        let kind = vendor
            .and_then(|index| self.vendors.get(index))
            .and_then(|base| matching_kind(base, record.status, &text))
            .or_else(|| matching_kind(&self.generic, record.status, &text))
            .map_or_else(|| status_kind_id(record.status), str::to_string);
        Some(Classification { kind, vendor })
    }

    /// The vendor a call went to, by host or (without a host) by path.
    pub fn vendor_of(&self, record: &Record) -> Option<usize> {
        match call_host(record) {
            Some(host) => self.vendor_of_host(host),
            None => {
                let path = endpoint::path_of(record.url.as_deref().unwrap_or_default());
                self.vendors.iter().position(|base| {
                    base.vendor.as_ref().is_some_and(|vendor| {
                        vendor.path_prefixes.iter().any(|prefix| path.starts_with(prefix.as_str()))
                    })
                })
            }
        }
    }

    /// The vendor whose host `host` is (without its port).
    pub fn vendor_of_host(&self, host: &str) -> Option<usize> {
        self.vendors.iter().position(|base| {
            base.vendor.as_ref().is_some_and(|vendor| vendor.hosts.iter().any(|known| known.eq_ignore_ascii_case(host)))
        })
    }
}

/// The host a call went to, without its port, as [`Knowledge::vendor_of`] matches it: the one
/// the log names, or its URL's.
pub fn call_host(record: &Record) -> Option<&str> {
    let url = record.url.as_deref().unwrap_or_default();
    record.host.as_deref().map(endpoint::strip_port).or_else(|| endpoint::host_of(url))
}

impl Knowledge {
    /// A call whose destination the log does not name belongs to the vendor whose documented
    /// message it carries (a worker that logged only the error body).
    fn vendor_by_message(&self, record: &Record, text: &str) -> Option<usize> {
        if record.url.is_some() || record.host.is_some() {
            return None;
        }
        self.vendors
            .iter()
            .position(|base| base.kinds.iter().any(|kind| kind.status == record.status && keywords_match(kind, text)))
    }
}

/// The generic id for a status without a documented kind.
pub fn status_kind_id(status: u16) -> String {
    if status == 0 { "no_response".to_string() } else { format!("http_{status}") }
}

fn searchable_text(record: &Record) -> String {
    let mut text = String::new();
    for part in [&record.error_type, &record.message].into_iter().flatten() {
        text.push_str(&part.to_lowercase());
        text.push(' ');
    }
    // `snake_case` codes (`api_key_revoked`) should match the words of a rule too.
    text.replace('_', " ")
}

fn keywords_match(kind: &super::Kind, text: &str) -> bool {
    kind.keywords.iter().any(|group| group.iter().all(|word| text.contains(word.as_str())))
}

fn matching_kind<'a>(base: &'a Base, status: u16, text: &str) -> Option<&'a str> {
    let candidates = base.kinds.iter().filter(|kind| kind.status == status);
    candidates
        .clone()
        .find(|kind| keywords_match(kind, text))
        .or_else(|| candidates.clone().find(|kind| kind.keywords.is_empty()))
        .map(|kind| kind.id.as_str())
}
