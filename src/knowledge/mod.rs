//! The knowledge base: what each documented error means, how to fix it, and how to recognize it.
//!
//! Each vendor is a TOML file in `assets/knowledge/` (bundled into the binary); `generic-http.toml`
//! holds advice for everything else. Adding a vendor means adding a data file and naming it in
//! [`BUNDLED`]. See [`classify`] for how a record finds its kind.

mod classify;
pub mod practices;
mod user;

pub use classify::{Classification, call_host};
pub use practices::{Practices, Severity};
pub use user::{configure, load as load_with_user_files};

use serde::Deserialize;

/// The knowledge files compiled into errlens: (file name, contents).
pub const BUNDLED: &[(&str, &str)] = &[
    ("my-virtual-office.toml", include_str!("../../assets/knowledge/my-virtual-office.toml")),
    ("generic-http.toml", include_str!("../../assets/knowledge/generic-http.toml")),
    ("practices.toml", include_str!("../../assets/knowledge/practices.toml")),
];

/// When retrying a failed call helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Retry {
    /// Retrying the same call will never work.
    Never,
    /// Retry once the cause is fixed.
    AfterFix,
    /// Transient: retry with exponential backoff.
    Backoff,
    /// Wait for the `Retry-After` the response names, then retry.
    RetryAfter,
}

impl Retry {
    /// Whether retrying the same request (without changing it) can succeed.
    pub fn is_retryable(self) -> bool {
        matches!(self, Self::Backoff | Self::RetryAfter)
    }

    /// A sentence for people.
    pub fn advice(self) -> &'static str {
        match self {
            Self::Never => "Retrying will not help.",
            Self::AfterFix => "Retry only after the fix.",
            Self::Backoff => "Retry with exponential backoff.",
            Self::RetryAfter => "Retry after the time the Retry-After header names (or with backoff).",
        }
    }
}

/// One documented error.
#[derive(Debug, Clone, Deserialize)]
pub struct Kind {
    /// Stable id (`duplicate_email`): the CLI, the UI and the email use it.
    pub id: String,
    /// The status it comes with (0 = no response).
    pub status: u16,
    /// Short title for lists and charts.
    pub title: String,
    /// What it means, in a sentence or two.
    pub meaning: String,
    /// The documented fix, as steps.
    pub fix: Vec<String>,
    /// Whether and when to retry.
    pub retry: Retry,
    /// Keyword groups, in lower case; empty = the fallback for its status.
    #[serde(default, rename = "match", deserialize_with = "lowercase_keywords")]
    pub keywords: Vec<Vec<String>>,
}

/// Keywords are compared with lower-cased error text, for every failed call: lower them once.
fn lowercase_keywords<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Vec<String>>, D::Error> {
    let groups = Vec::<Vec<String>>::deserialize(deserializer)?;
    Ok(groups.into_iter().map(|group| group.iter().map(|word| word.to_lowercase()).collect()).collect())
}

impl Kind {
    /// The fix steps as one paragraph.
    pub fn solution(&self) -> String {
        self.fix.join(" ")
    }
}

/// Who a knowledge file is about, and how to write to them.
#[derive(Debug, Clone, Deserialize)]
pub struct Vendor {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Support address for the email.
    pub support_email: String,
    /// Hosts of the vendor's API.
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Paths that identify the vendor when a log gives no host.
    #[serde(default)]
    pub path_prefixes: Vec<String>,
    /// What support asks a request to include.
    #[serde(default)]
    pub support_asks: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct StatusAdvice {
    code: u16,
    title: String,
    meaning: String,
    fix: Vec<String>,
    retry: Retry,
}

#[derive(Debug, Clone, Deserialize)]
struct ClassAdvice {
    title: String,
    meaning: String,
    fix: Vec<String>,
    retry: Retry,
}

/// One knowledge file.
#[derive(Debug, Clone, Deserialize)]
pub struct Base {
    /// The vendor; `None` for generic advice.
    pub vendor: Option<Vendor>,
    /// Documented kinds, in matching order.
    #[serde(default, rename = "kind")]
    pub kinds: Vec<Kind>,
    #[serde(default, rename = "status")]
    statuses: Vec<StatusAdvice>,
    client_default: Option<ClassAdvice>,
    server_default: Option<ClassAdvice>,
    /// Thresholds of the audit's rules this file sets.
    audit: Option<practices::ThresholdsTable>,
    /// Practices this file adds or tunes.
    #[serde(default, rename = "practice")]
    practices: Vec<practices::PracticeTable>,
    /// Audit rules this file adds or tunes.
    #[serde(default, rename = "rule")]
    rules: Vec<practices::RuleTable>,
}

impl Base {
    /// Takes this file's practices, rules and thresholds over `into`'s.
    fn tune(&self, into: &mut Practices) {
        into.merge(self.audit.as_ref(), &self.practices, &self.rules);
    }
}

/// A knowledge file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("knowledge file {name}: {source}")]
pub struct KnowledgeError {
    name: String,
    source: toml::de::Error,
}

/// All knowledge: vendor files and the generic advice.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Vendor files, in load order.
    pub vendors: Vec<Base>,
    /// The generic HTTP advice.
    pub generic: Base,
    /// What the audit judges a client by: generic files' tables, then vendors', then the user's.
    pub practices: Practices,
}

impl Knowledge {
    /// The knowledge compiled into errlens.
    pub fn bundled() -> Self {
        Self::from_files(BUNDLED.iter().copied()).expect("bundled knowledge files parse (tested)")
    }

    /// Builds knowledge from (name, TOML text) pairs; files without `[vendor]` are generic.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, KnowledgeError> {
        let mut vendors = Vec::new();
        let mut generic: Option<Base> = None;
        let mut practices = Practices::default();
        for (name, text) in files {
            let base: Base =
                toml::from_str(text).map_err(|source| KnowledgeError { name: name.to_string(), source })?;
            if base.vendor.is_some() {
                vendors.push(base);
            } else {
                base.tune(&mut practices);
                generic = Some(match generic {
                    Some(mut existing) => {
                        existing.kinds.extend(base.kinds);
                        existing.statuses.extend(base.statuses);
                        existing
                    }
                    None => base,
                });
            }
        }
        let generic = generic.unwrap_or(Base {
            vendor: None,
            kinds: Vec::new(),
            statuses: Vec::new(),
            client_default: None,
            server_default: None,
            audit: None,
            practices: Vec::new(),
            rules: Vec::new(),
        });
        // A vendor's file tunes the generic practices (its API may say more about them).
        for vendor in &vendors {
            vendor.tune(&mut practices);
        }
        Ok(Self { vendors, generic, practices })
    }

    /// The documented kind with this id: from the vendor whose index is given, else generic, else
    /// made from the status advice for `http_<code>` ids.
    pub fn kind(&self, id: &str, vendor: Option<usize>) -> Option<Kind> {
        let vendor_kind = vendor
            .and_then(|index| self.vendors.get(index))
            .and_then(|base| base.kinds.iter().find(|kind| kind.id == id));
        if let Some(kind) = vendor_kind.or_else(|| self.generic.kinds.iter().find(|kind| kind.id == id)) {
            return Some(kind.clone());
        }
        let code: u16 = id.strip_prefix("http_")?.parse().ok()?;
        Some(self.generic_status_kind(code))
    }

    fn generic_status_kind(&self, code: u16) -> Kind {
        if let Some(advice) = self.generic.statuses.iter().find(|advice| advice.code == code) {
            return Kind {
                id: format!("http_{code}"),
                status: code,
                title: advice.title.clone(),
                meaning: advice.meaning.clone(),
                fix: advice.fix.clone(),
                retry: advice.retry,
                keywords: Vec::new(),
            };
        }
        let class = if code >= 500 { &self.generic.server_default } else { &self.generic.client_default };
        match class {
            Some(advice) => Kind {
                id: format!("http_{code}"),
                status: code,
                title: format!("HTTP {code}: {}", advice.title.to_lowercase()),
                meaning: advice.meaning.clone(),
                fix: advice.fix.clone(),
                retry: advice.retry,
                keywords: Vec::new(),
            },
            None => Kind {
                id: format!("http_{code}"),
                status: code,
                title: format!("HTTP {code}"),
                meaning: String::new(),
                fix: Vec::new(),
                retry: if code >= 500 { Retry::Backoff } else { Retry::AfterFix },
                keywords: Vec::new(),
            },
        }
    }

    /// The vendor at this index.
    pub fn vendor(&self, index: usize) -> Option<&Vendor> {
        self.vendors.get(index).and_then(|base| base.vendor.as_ref())
    }
}

#[cfg(test)]
mod tests;
