//! A definition's pattern: the regex, the program that fills its captures fast
//! ([`runs::Program`]), and which of its groups are the captures errlens reads.

use super::runs::{self, Found, Program, UNSET};
use regex::bytes::Regex;
use std::cell::RefCell;

/// The captures a definition may name that errlens reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Request,
    Method,
    Url,
    Path,
    Query,
    Host,
    Client,
    Time,
    Message,
    Error,
    Body,
    Status,
    RequestId,
    DurationMs,
    DurationS,
    DurationUs,
    Duration,
}

impl Field {
    const ALL: [(Self, &'static str); 17] = [
        (Self::Request, "request"),
        (Self::Method, "method"),
        (Self::Url, "url"),
        (Self::Path, "path"),
        (Self::Query, "query"),
        (Self::Host, "host"),
        (Self::Client, "client"),
        (Self::Time, "time"),
        (Self::Message, "message"),
        (Self::Error, "error"),
        (Self::Body, "body"),
        (Self::Status, "status"),
        (Self::RequestId, "request_id"),
        (Self::DurationMs, "duration_ms"),
        (Self::DurationS, "duration_s"),
        (Self::DurationUs, "duration_us"),
        (Self::Duration, "duration"),
    ];
}

/// A compiled pattern of a definition.
#[derive(Debug)]
pub struct Pattern {
    regex: Regex,
    /// `None` when the pattern has constructs the program does not express.
    program: Option<Program>,
    /// The group of each [`Field`] the pattern captures (names looked up once, not per line).
    groups: [Option<usize>; Field::ALL.len()],
}

thread_local! {
    static SCRATCH: RefCell<runs::Scratch> = RefCell::default();
}

/// The groups of a line a pattern matched.
pub struct Captured<'a> {
    line: &'a str,
    slots: &'a [usize],
    pattern: &'a Pattern,
}

impl Captured<'_> {
    /// The bytes the capture of `field` matched, if the pattern has it and it took part.
    pub fn bytes(&self, field: Field) -> Option<&[u8]> {
        let (start, end) = self.span(field)?;
        Some(&self.line.as_bytes()[start..end])
    }

    /// The text the capture of `field` matched, unless it cuts a character in two (which an
    /// ASCII class can).
    pub fn text(&self, field: Field) -> Option<&str> {
        let (start, end) = self.span(field)?;
        self.line.get(start..end)
    }

    fn span(&self, field: Field) -> Option<(usize, usize)> {
        let group = self.pattern.groups[field as usize]?;
        let (start, end) = (*self.slots.get(2 * group)?, *self.slots.get(2 * group + 1)?);
        (start != UNSET && end != UNSET).then_some((start, end))
    }
}

impl Pattern {
    /// `regex`, compiled from `source`.
    pub fn new(regex: Regex, source: &str) -> Self {
        let mut groups = [None; Field::ALL.len()];
        for (group, name) in regex.capture_names().enumerate() {
            if let Some((field, _)) = Field::ALL.iter().find(|(_, known)| Some(*known) == name) {
                groups[*field as usize] = Some(group);
            }
        }
        Self { program: Program::compile(source), regex, groups }
    }

    /// Whether the pattern matches somewhere in `line`.
    pub fn is_match(&self, line: &[u8]) -> bool {
        self.regex.is_match(line)
    }

    /// Calls `read` with the captures of the pattern's first match in `line`, if it matches.
    pub fn with_captures<T>(&self, line: &str, read: impl FnOnce(&Captured<'_>) -> T) -> Option<T> {
        SCRATCH.with_borrow_mut(|scratch| {
            if !self.search(line.as_bytes(), scratch) {
                return None;
            }
            Some(read(&Captured { line, slots: &scratch.slots, pattern: self }))
        })
    }

    /// Fills `scratch.slots` with the first match: by the program, or by the regex crate when
    /// there is none or it gave up.
    fn search(&self, line: &[u8], scratch: &mut runs::Scratch) -> bool {
        if let Some(program) = &self.program {
            match program.search(line, scratch) {
                Found::Match => return true,
                Found::NoMatch => return false,
                Found::GaveUp => {}
            }
        }
        self.regex_search(line, &mut scratch.slots)
    }

    fn regex_search(&self, line: &[u8], slots: &mut Vec<usize>) -> bool {
        let mut locations = self.regex.capture_locations();
        if self.regex.captures_read(&mut locations, line).is_none() {
            return false;
        }
        slots.clear();
        for group in 0..locations.len() {
            let (start, end) = locations.get(group).unwrap_or((UNSET, UNSET));
            slots.extend([start, end]);
        }
        true
    }

    /// Whether the program finds in `line` exactly what the regex crate finds (true when there
    /// is no program or it gave up). For the tests and the fuzzer.
    pub fn program_agrees(&self, line: &[u8]) -> Result<(), String> {
        let Some(program) = &self.program else { return Ok(()) };
        let mut scratch = runs::Scratch::default();
        let found = program.search(line, &mut scratch);
        let mut expected = Vec::new();
        let matched = self.regex_search(line, &mut expected);
        let agrees = match found {
            Found::GaveUp => true,
            Found::NoMatch => !matched,
            Found::Match => matched && scratch.slots == expected,
        };
        agrees.then_some(()).ok_or_else(|| {
            format!(
                "pattern {:?} on {:?}: program {found:?} {:?}, regex {matched} {expected:?}",
                self.regex.as_str(),
                String::from_utf8_lossy(line),
                scratch.slots
            )
        })
    }

    /// Whether the pattern has a program (the fast path).
    pub fn has_program(&self) -> bool {
        self.program.is_some()
    }
}
