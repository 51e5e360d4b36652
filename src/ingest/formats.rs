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
//! pattern; a pattern whose compiled program would be large is refused when it is loaded. They
//! match bytes with ASCII classes (`\d`, `\w`, `\s` and `.` as in most log tools): Unicode
//! classes make automata tens of times larger, and the backtracker that fills captures clears
//! a table as large for every line (literal non-ASCII text still matches as UTF-8).

mod engine;
mod load;
mod pattern;
mod runs;

pub(crate) use engine::{Keyed, Reused, read_line_keyed, read_line_reusing};
pub use engine::{read_line, read_line_into, read_opener};
pub use load::{FormatProblem, configure, registry, user_field_names};
pub(crate) use pattern::with_thread_scratch;
pub use pattern::{Field, Pattern};

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
    patterns: Vec<Pattern>,
    /// A chrono format for the `time` capture; without one, the shapes [`super::time`] knows.
    time_format: Option<super::time::TimeFormat>,
    /// A matched line without a status is a call that got no response (a client's error line).
    no_response: bool,
    /// Lines after a call that belong to it (a stack trace's frames, a logged response's headers
    /// and body): counted once with it, never cut from it, read back with it.
    pub continuation: Option<Pattern>,
    /// Which of those lines are the response body (its error classifies the call); the lines
    /// between an opener and its call that it matches are the request body.
    pub body: Option<Pattern>,
    /// Which of those lines are headers (captures `name` and `value`): the request's before the
    /// call's line, the response's after it.
    pub header: Option<Pattern>,
    /// A line that opens a call whose status a later line gives (Rails' `Started`, curl's `> `,
    /// Faraday's `request:`): the call spans from it to the line its patterns match.
    pub opener: Option<Pattern>,
}

impl LineFormat {
    /// The patterns, in the order they are tried.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The patterns of the lines around a call: its opener, continuation, body and header.
    pub fn line_patterns(&self) -> impl Iterator<Item = &Pattern> {
        [&self.opener, &self.continuation, &self.body, &self.header].into_iter().flatten()
    }

    /// Whether a line's call is the same whenever its text is: no pattern captures a time, so
    /// that two lines alike are two calls alike but for where they are (urllib3's and uvicorn's
    /// default logs, which repeat a polled endpoint's lines word for word).
    pub fn timeless(&self) -> bool {
        !self.patterns.iter().any(|pattern| pattern.captures(Field::Time))
    }

    /// Whether `line` belongs to the call before it.
    pub fn continues(&self, line: &[u8]) -> bool {
        self.continuation.as_ref().is_some_and(|pattern| pattern.is_match(line))
    }

    /// Whether this format's calls span lines (and so are read by `ingest::group`).
    pub fn spans_lines(&self) -> bool {
        self.continuation.is_some() || self.opener.is_some()
    }

    /// Whether a block of lines may start at the line that starts at `at` in `text`: not inside a
    /// call that spans lines (a line that continues one, or the line that ends a call an opener
    /// before it opened).
    pub fn may_start_block(&self, text: &[u8], at: usize) -> bool {
        let line = super::line::line_at(text, at);
        if line.trim_ascii().is_empty() || self.continues(line) {
            return false;
        }
        if self.opener.is_none() || self.read(&String::from_utf8_lossy(line)).is_none() {
            return true;
        }
        // A call's line: not where an opener above it (past the lines that continue it) waits.
        // A line that looks like a continuation may open a call too (OkHttp's `OkHttpClient:
        // --> POST` reads as a header): whether it continued a call or opened this one depends
        // on the lines above it, so no block starts below it.
        let mut end = at;
        while end > 0 {
            let start = text[..end - 1].iter().rposition(|&b| b == b'\n').map_or(0, |nl| nl + 1);
            let above = super::line::line_at(text, start);
            if !above.trim_ascii().is_empty() {
                let opens = self
                    .opener
                    .as_ref()
                    .is_some_and(|opener| opener.is_match(String::from_utf8_lossy(above).as_bytes()));
                if opens {
                    return false;
                }
                if !self.continues(above) {
                    return true;
                }
            }
            end = start;
        }
        true
    }
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

/// Every bundled pattern that runs as a program, each once, in the definitions' order: those
/// whose searches are generated code (`runs::codegen`).
pub fn bundled_patterns() -> Vec<&'static str> {
    let mut patterns: Vec<&str> = Vec::new();
    for format in registry().formats.iter().filter(|format| matches!(format.origin, Origin::Bundled(_))) {
        for pattern in format.patterns().iter().chain(format.line_patterns()) {
            if pattern.has_program() && !patterns.contains(&pattern.source()) {
                patterns.push(pattern.source());
            }
        }
    }
    patterns
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
mod tests;
