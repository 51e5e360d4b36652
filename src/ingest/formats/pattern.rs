//! A definition's pattern: the regex, the program that fills its captures fast
//! ([`runs::Program`]), and which of its groups are the captures errlens reads.

use super::runs::{self, Found, Program, UNSET};
use regex::bytes::Regex;
use std::cell::RefCell;
use std::sync::OnceLock;

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
    /// A header's name and value (a format's `header` pattern).
    Name,
    Value,
}

impl Field {
    /// The captures a call's row is made of besides its time: all [`super::engine`] reads for a
    /// summary's detail but the time (the request id and duration are read only for the full one,
    /// and a header's name and value not at all).
    const ROW: [Self; 11] = [
        Self::Request,
        Self::Method,
        Self::Url,
        Self::Path,
        Self::Query,
        Self::Host,
        Self::Client,
        Self::Message,
        Self::Error,
        Self::Body,
        Self::Status,
    ];

    const ALL: [(Self, &'static str); 19] = [
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
        (Self::Name, "name"),
        (Self::Value, "value"),
    ];
}

/// Compiled patterns may take this much memory; a larger one is refused, not run.
const SIZE_LIMIT: usize = 1 << 20;

/// `source` built as every definition's pattern is: bytes, ASCII classes, within [`SIZE_LIMIT`].
pub fn build_regex(source: &str) -> Result<Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(source).unicode(false).size_limit(SIZE_LIMIT).dfa_size_limit(SIZE_LIMIT).build()
}

/// A compiled pattern of a definition.
#[derive(Debug)]
pub struct Pattern {
    source: Box<str>,
    /// Built when a line first needs it (a bundled pattern with a program may never need it:
    /// building all of them took a file's load some 5 ms before it could start). `None` inside:
    /// it would not build, which a bundled pattern always does (the tests build every one).
    regex: OnceLock<Option<Regex>>,
    /// `None` when the pattern has constructs the program does not express.
    program: Option<Program>,
    /// The group of each [`Field`] the pattern captures (names looked up once, not per line).
    groups: [Option<usize>; Field::ALL.len()],
    /// The groups of the [`Field::ROW`] fields it captures, in that order.
    row_groups: Box<[usize]>,
}

/// Bytes past which [`Pattern::with_captures`] does not return its result through the
/// thread-local (taking the slots out costs a second access: 0.4–0.8 % where every line matches).
const LARGE_RESULT: usize = 64;

thread_local! {
    static SCRATCH: RefCell<runs::Scratch> = RefCell::default();
}

/// The group of each [`Field`] among `names` (group index, name).
fn groups_of<'a>(names: impl Iterator<Item = (usize, &'a str)>) -> [Option<usize>; Field::ALL.len()] {
    let mut groups = [None; Field::ALL.len()];
    for (group, name) in names {
        if let Some((field, _)) = Field::ALL.iter().find(|(_, known)| *known == name) {
            groups[*field as usize] = Some(group);
        }
    }
    groups
}

/// `work` with this thread's scratch, taken out of the thread-local for it (a search inside `work`
/// that takes the thread-local's gets a fresh one) and put back after.
pub fn with_thread_scratch<T>(work: impl FnOnce(&mut runs::Scratch) -> T) -> T {
    let mut scratch = SCRATCH.take();
    let done = work(&mut scratch);
    SCRATCH.set(scratch);
    done
}

/// The groups of the [`Field::ROW`] fields among `groups`.
fn row_groups_of(groups: &[Option<usize>; Field::ALL.len()]) -> Box<[usize]> {
    Field::ROW.iter().filter_map(|field| groups[*field as usize]).collect()
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
        group_span(self.slots, self.pattern.groups[field as usize]?)
    }

    /// Writes into `key` what a call's row is made of besides its time, for the pattern numbered
    /// `number` in its format: that number, then every capture of [`Field::ROW`] after its length
    /// (`ABSENT` for a group that took no part). Two lines write the same bytes only when the
    /// same pattern matched them and those captures are the same. Numbers are written in 4 bytes
    /// (8 after a marker in the rare case they do not fit): the key is hashed and compared whole,
    /// and 8-byte lengths made a third of urllib3's key.
    pub fn row_key_into(&self, number: usize, key: &mut Vec<u8>) {
        key.clear();
        write_number(key, number);
        for &group in &self.pattern.row_groups {
            match group_span(self.slots, group) {
                Some((start, end)) => {
                    write_number(key, end - start);
                    key.extend_from_slice(&self.line.as_bytes()[start..end]);
                }
                None => key.extend_from_slice(&ABSENT.to_le_bytes()),
            }
        }
    }
}

/// What [`Captured::row_key_into`] writes for a group that took no part.
const ABSENT: u32 = u32::MAX;
/// What it writes before a number too big for 4 bytes, which then follows in 8.
const WIDE: u32 = u32::MAX - 1;

/// `number` in 4 bytes, or [`WIDE`] and 8 bytes: no two numbers, nor [`ABSENT`], write the same.
fn write_number(key: &mut Vec<u8>, number: usize) {
    match u32::try_from(number).ok().filter(|&short| short < WIDE) {
        Some(short) => key.extend_from_slice(&short.to_le_bytes()),
        None => {
            key.extend_from_slice(&WIDE.to_le_bytes());
            key.extend_from_slice(&(number as u64).to_le_bytes());
        }
    }
}

/// Where `group` matched, by the search's `slots`: `None` when it took no part.
fn group_span(slots: &[usize], group: usize) -> Option<(usize, usize)> {
    let (start, end) = (*slots.get(2 * group)?, *slots.get(2 * group + 1)?);
    (start != UNSET && end != UNSET).then_some((start, end))
}

impl Pattern {
    /// `regex`, compiled from `source`.
    pub fn new(regex: Regex, source: &str) -> Self {
        let names = regex.capture_names().enumerate().filter_map(|(group, name)| Some((group, name?)));
        let groups = groups_of(names);
        let program = Program::compile(source);
        Self {
            source: source.into(),
            program,
            regex: OnceLock::from(Some(regex)),
            row_groups: row_groups_of(&groups),
            groups,
        }
    }

    /// `source` with its program, its regex built only when a line needs it; `None` when it has
    /// no program (then build it with [`Pattern::new`]). For patterns known to build: bundled ones.
    pub fn lazy(source: &str) -> Option<Self> {
        let program = Program::compile(source)?;
        let groups = groups_of(program.names().iter().map(|(group, name)| (*group, &**name)));
        Some(Self {
            source: source.into(),
            program: Some(program),
            regex: OnceLock::new(),
            row_groups: row_groups_of(&groups),
            groups,
        })
    }

    /// The pattern as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Whether it captures `field`.
    pub fn captures(&self, field: Field) -> bool {
        self.groups[field as usize].is_some()
    }

    /// The names of its groups.
    pub fn capture_names(&self) -> Vec<&str> {
        match &self.program {
            Some(program) => program.names().iter().map(|(_, name)| &**name).collect(),
            None => self.regex().map(|regex| regex.capture_names().flatten().collect()).unwrap_or_default(),
        }
    }

    pub(super) fn regex(&self) -> Option<&Regex> {
        self.regex.get_or_init(|| build_regex(&self.source).ok()).as_ref()
    }

    /// Whether the pattern matches somewhere in `line`, by the program. The regex crate's lazy
    /// automaton answered this for a pattern that may start anywhere, reading the line once where
    /// the program tries each place a match may start: fewer instructions (OkHttp's continuation,
    /// 776 a line against some 925), but its steps wait on its table, and the program, going from
    /// start to start by memchr, takes less time: OkHttp's 64 MiB summary 78 → 64 ms alternated
    /// (84 → 63 ms in a bench run), Rails' and Faraday's the same within the machine's noise
    /// (Rails' continuation tries a dozen words at each start: 38 % more instructions).
    pub fn is_match(&self, line: &[u8]) -> bool {
        SCRATCH.with_borrow_mut(|scratch| self.search(line, scratch))
    }

    /// Calls `read` with the captures of the pattern's first match in `line`, if it matches.
    pub fn with_captures<T>(&self, line: &str, read: impl FnOnce(&Captured<'_>) -> T) -> Option<T> {
        if std::mem::size_of::<T>() > LARGE_RESULT {
            // A large result (a record of some 330 bytes) was copied out of the thread-local's
            // closure on every search, matched or not (2 % of OkHttp's instructions): the slots
            // are taken out of the thread's scratch instead, and `read` runs outside it.
            let slots = SCRATCH.with_borrow_mut(|scratch| {
                self.search(line.as_bytes(), scratch).then(|| std::mem::take(&mut scratch.slots))
            })?;
            let read = read(&Captured { line, slots: &slots, pattern: self });
            SCRATCH.with_borrow_mut(|scratch| scratch.slots = slots);
            return Some(read);
        }
        SCRATCH.with_borrow_mut(|scratch| self.with_captures_in(line, scratch, read))
    }

    /// [`Pattern::with_captures`] with `scratch` (this thread's, lent by [`with_thread_scratch`]
    /// for many lines: taking it from the thread-local on every line cost a short line some 80
    /// instructions).
    pub fn with_captures_in<T>(
        &self,
        line: &str,
        scratch: &mut runs::Scratch,
        read: impl FnOnce(&Captured<'_>) -> T,
    ) -> Option<T> {
        if !self.search(line.as_bytes(), scratch) {
            return None;
        }
        Some(read(&Captured { line, slots: &scratch.slots, pattern: self }))
    }

    /// Where the captures of `fields` are in the pattern's first match in `line` (a group that
    /// took no part: `None`), or `None` when it does not match. For lines read as bytes.
    pub fn find_spans<const N: usize>(&self, line: &[u8], fields: [Field; N]) -> Option<[Option<(usize, usize)>; N]> {
        SCRATCH.with_borrow_mut(|scratch| {
            if !self.search(line, scratch) {
                return None;
            }
            Some(fields.map(|field| group_span(&scratch.slots, self.groups[field as usize]?)))
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
        let Some(regex) = self.regex() else { return false };
        let mut locations = regex.capture_locations();
        if regex.captures_read(&mut locations, line).is_none() {
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
                self.source,
                String::from_utf8_lossy(line),
                scratch.slots
            )
        })
    }

    /// Whether the pattern has a program (the fast path).
    pub fn has_program(&self) -> bool {
        self.program.is_some()
    }

    /// Whether its program's search runs as generated code (a bundled pattern's).
    pub fn has_generated_code(&self) -> bool {
        self.program.as_ref().is_some_and(runs::Program::has_generated_code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key is read field by field, so no number's bytes may be another's, nor start another's,
    /// nor be those of a group that took no part: else two lines with different captures could
    /// write the same key and share a row.
    #[test]
    fn numbers_in_a_key_are_each_written_their_own_way() {
        let wide = WIDE as usize;
        let numbers = [0, 1, 255, 256, wide - 1, wide, wide + 1, 1 << 32, usize::MAX];
        let mut written: Vec<Vec<u8>> = numbers
            .iter()
            .map(|&number| {
                let mut key = Vec::new();
                write_number(&mut key, number);
                key
            })
            .collect();
        written.push(ABSENT.to_le_bytes().to_vec());
        for (i, one) in written.iter().enumerate() {
            for (j, other) in written.iter().enumerate() {
                if i != j {
                    assert!(!other.starts_with(one), "{one:?} starts {other:?}");
                }
            }
        }
        assert_eq!(written[0].len(), 4, "small numbers take 4 bytes");
        assert_eq!(written[5].len(), 12, "WIDE itself is written wide");
    }
}
