//! Line formats as data: access logs, client-library and framework lines, described by a pattern
//! with named captures in TOML files (`assets/formats/*.toml`, bundled; and the user's own in
//! `<config dir>/errlens/formats/` or a `--formats DIR`), the way lnav describes its formats.
//!
//! A definition names what it reads through its captures (`method`, `url`, `path`, `query`,
//! `host`, `status`, `time`, `duration_ms`, `duration_s`, `duration_us`, `duration`, `request_id`,
//! `message`, `error`, `request` for a whole request line, `body` for an error body). A file's
//! format is the definition that reads the most of its first lines ([`detect`]); a line the
//! definition does not match is read as generic text, so a mixed log loses nothing. Grammars
//! that need code (JSON, HAR, CSV, W3C `#Fields:`, logfmt) are not definitions.
//!
//! Patterns use the `regex` crate, which matches in time linear in the line whatever the
//! pattern; a pattern whose compiled program would be large is refused when it is loaded.

mod engine;
mod load;

pub use engine::read_line;
pub use load::{FormatProblem, config_dir, configure, registry};

use regex::Regex;
use std::path::PathBuf;

/// Where a definition came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into errlens (the file name under `assets/formats/`).
    Bundled(&'static str),
    /// A file of the user's.
    User(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bundled(name) => write!(f, "bundled ({name})"),
            Self::User(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One line format.
#[derive(Debug)]
pub struct LineFormat {
    /// The id used by `--input-format` and shown in the summary (`combined`, `haproxy-http`).
    pub name: &'static str,
    /// What it reads, for people.
    pub title: String,
    /// Where the definition is.
    pub origin: Origin,
    /// A line it reads, shown by `errlens formats` and checked by the tests.
    pub sample: String,
    /// What the sample must give, as written in the definition (checked by the tests).
    pub expect: Expect,
    /// Tried in order; the first that matches reads the line.
    patterns: Vec<Regex>,
    /// A chrono format for the `time` capture; without one, the shapes [`super::time`] knows.
    time_format: Option<String>,
    /// A matched line without a status is a call that got no response (a client's error line).
    no_response: bool,
}

/// What a definition's sample line reads as.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The status (0 for no response).
    pub status: Option<u16>,
    /// The method.
    pub method: Option<String>,
    /// The URL or path.
    pub url: Option<String>,
    /// The host.
    pub host: Option<String>,
    /// The time, RFC 3339.
    pub time: Option<String>,
    /// The message.
    pub message: Option<String>,
}

/// The id of a loaded line format: an index into [`registry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LineFormatId(u16);

impl LineFormatId {
    /// The definition.
    pub fn def(self) -> &'static LineFormat {
        &registry().formats[usize::from(self.0)]
    }
}

/// Every line format, bundled ones first, and what went wrong loading the user's.
#[derive(Debug, Default)]
pub struct Registry {
    /// The definitions, in the order detection prefers them on a tie.
    pub formats: Vec<LineFormat>,
    /// Files or definitions that could not be loaded (the others still are).
    pub problems: Vec<FormatProblem>,
}

impl Registry {
    /// The format with this name.
    pub fn find(&self, name: &str) -> Option<LineFormatId> {
        let at = self.formats.iter().position(|format| format.name.eq_ignore_ascii_case(name))?;
        u16::try_from(at).ok().map(LineFormatId)
    }

    /// Every format with its id.
    pub fn ids(&self) -> impl Iterator<Item = (LineFormatId, &LineFormat)> {
        self.formats.iter().enumerate().filter_map(|(at, format)| Some((LineFormatId(u16::try_from(at).ok()?), format)))
    }
}

/// The definition that reads the most of `lines`, with how many it reads, if any reads one.
pub fn detect<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> Option<(LineFormatId, usize)> {
    let mut best: Option<(LineFormatId, usize)> = None;
    for (id, format) in registry().ids() {
        let read = lines.clone().filter(|line| format.read(line).is_some_and(|result| result.is_ok())).count();
        if read > 0 && best.is_none_or(|(_, most)| read > most) {
            best = Some((id, read));
        }
    }
    best
}

impl LineFormat {
    /// The call in `line`, why the line is not one, or `None` when the pattern does not match.
    pub fn read(&self, line: &str) -> Option<Result<crate::record::Record, super::SkipReason>> {
        engine::read_line(self, line, super::Detail::Full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::time;

    #[test]
    fn every_definition_reads_its_sample_as_it_says() {
        let registry = load::load(&[]);
        for format in &registry.formats {
            let record = match format.read(&format.sample) {
                Some(Ok(record)) => record,
                other => panic!("{}: the sample gives {other:?}", format.name),
            };
            let Expect { status, method, url, host, time, message } = &format.expect;
            assert!(status.is_some(), "{}: the sample says what status it has", format.name);
            assert_eq!(Some(record.status), *status, "{}", format.name);
            let checks = [
                ("method", method, &record.method),
                ("url", url, &record.url),
                ("host", host, &record.host),
                ("message", message, &record.message),
            ];
            for (what, wanted, got) in checks {
                if wanted.is_some() {
                    assert_eq!(got, wanted, "{}: {what}", format.name);
                }
            }
            if let Some(wanted) = time {
                assert_eq!(record.time_ms, time::parse_text(wanted), "{}: time", format.name);
                assert!(record.time_ms.is_some(), "{}: {wanted} is a time", format.name);
            }
        }
    }

    #[test]
    fn a_line_the_pattern_does_not_match_is_not_read() {
        let registry = load::load(&[]);
        let combined = registry.formats.iter().find(|f| f.name == "combined").expect("bundled");
        assert!(combined.read("just a sentence").is_none());
        let bad = combined.read(r#"1.2.3.4 - - [10/Oct/2026:13:55:36 -0700] "GET / HTTP/1.1" 999 0"#);
        assert!(matches!(bad, Some(Err(crate::ingest::SkipReason::BadStatus(_)))));
        let empty = combined.read(r#"1.2.3.4 - - [10/Oct/2026:13:55:36 -0700] "" 400 0"#).expect("matches");
        let empty = empty.expect("a call");
        assert_eq!((empty.status, empty.method, empty.url), (400, None, None));
    }
}
