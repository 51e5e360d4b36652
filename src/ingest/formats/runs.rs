//! A definition's pattern as a small backtracking program over runs of bytes: the fast way to
//! fill a line's captures.
//!
//! Log formats are fields between delimiters: `\S+ `, `"[^"]*"`, `\d{3}`. The regex crate fills
//! captures with a general NFA backtracker, which visits every state for every byte and clears
//! a table as large for every line; here a repeated byte class is one instruction that scans its
//! run in a tight loop, and a line costs about one step a byte. The program is compiled from the
//! same pattern (nothing new to write in a definition) and follows the regex crate's
//! leftmost-first semantics exactly: the first start that matches, and there the alternatives
//! and repetitions in the order a backtracker tries them (greedy longest first). A differential
//! test and the `format_engine` fuzz target compare the two on real and fuzzed lines.
//!
//! Backtracking can take time exponential in the line. Every run has a budget of steps linear in
//! the line; past it the search gives up and the regex crate (linear whatever the pattern) reads
//! the line. A pattern the program cannot express (Unicode classes, lookarounds other than `^`,
//! `$` and ASCII word boundaries, a repetition of something that can match nothing) has no
//! program and is always read by the regex crate.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Instructions at most: a pattern that expands to more (large counted repetitions) is left to
/// the regex crate.
const MAX_PROGRAM: usize = 2_000;

/// Required texts checked before a search, at most.
const MAX_REQUIRED: usize = 4;

/// Steps a search may take per byte of the line (plus a constant) before it gives up.
const STEPS_PER_BYTE: usize = 12;
const STEPS_BASE: usize = 512;

/// A compiled pattern.
#[derive(Debug)]
pub struct Program {
    insts: Vec<Inst>,
    /// Whether the pattern can only match at the start of the line (`^...`).
    anchored: bool,
    /// Capture slots: two per group, group 0 (the whole match) included.
    slots: usize,
    /// The bytes a match that does not start the line can start with (unanchored patterns
    /// skip other starts); `None` when a match may be empty.
    first: Option<ByteSet>,
    /// Texts every match holds (the longest few): a line without one of them is not searched at
    /// all, as the regex crate's automaton rejects it in one pass where backtracking would try
    /// every start. Several, because the longest may be in every line (`okhttp` in OkHttp's tag).
    required: Vec<memchr::memmem::Finder<'static>>,
    /// The named groups: (group index, name).
    names: Vec<(usize, Box<str>)>,
}

/// Which bytes a class matches.
#[derive(Clone)]
struct ByteSet([bool; 256]);

/// The bytes outside a run's set when they are one to three (`[^"]`, `[^"\\]`, `.`), as in
/// most long fields of a log: the run's end is then found with memchr, many bytes at a time.
#[derive(Debug, Clone, Copy)]
enum Stops {
    One(u8),
    Two(u8, u8),
    Three(u8, u8, u8),
    /// More: the run is scanned byte by byte.
    Many,
}

impl Stops {
    fn of(set: &ByteSet) -> Self {
        let mut outside = (0..=255u8).filter(|&b| !set.0[usize::from(b)]);
        match (outside.next(), outside.next(), outside.next(), outside.next()) {
            (Some(a), None, ..) => Self::One(a),
            (Some(a), Some(b), None, _) => Self::Two(a, b),
            (Some(a), Some(b), Some(c), None) => Self::Three(a, b, c),
            _ => Self::Many,
        }
    }

    /// How many bytes of the start of `hay` a run of `set` takes.
    fn run_length(self, set: &ByteSet, hay: &[u8]) -> usize {
        let end = match self {
            Self::One(a) => memchr::memchr(a, hay),
            Self::Two(a, b) => memchr::memchr2(a, b, hay),
            Self::Three(a, b, c) => memchr::memchr3(a, b, c, hay),
            Self::Many => hay.iter().position(|&b| !set.0[usize::from(b)]),
        };
        end.unwrap_or(hay.len())
    }
}

impl std::fmt::Debug for ByteSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ByteSet({} bytes)", self.0.iter().filter(|&&b| b).count())
    }
}

#[derive(Debug)]
enum Inst {
    /// This byte.
    Byte(u8),
    /// These bytes, in order.
    Literal(Box<[u8]>),
    /// `min..=max` bytes of a set, greedy (longest first) or lazy. A run is `possessive` when
    /// nothing after it can start with a byte of its set: ending it before its longest leaves a
    /// byte of the set next, which can never match, so it takes its longest and leaves nothing
    /// to backtrack to (as PCRE's auto-possessification), lazy or not.
    Run {
        set: Box<ByteSet>,
        stops: Stops,
        min: usize,
        max: usize,
        greedy: bool,
        possessive: bool,
    },
    /// Try `first`, then `second`.
    Split {
        first: usize,
        second: usize,
    },
    Jump(usize),
    /// Record the position in a slot.
    Save(usize),
    Assert(Assertion),
    Match,
}

#[derive(Debug, Clone, Copy)]
enum Assertion {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
}

/// What a search found.
#[derive(Debug, PartialEq, Eq)]
pub enum Found {
    /// A match: its slots are in [`Scratch::slots`].
    Match,
    /// The pattern matches nowhere in the line.
    NoMatch,
    /// The budget ran out: the caller asks the regex crate.
    GaveUp,
}

/// Where a slot did not take part in the match.
pub const UNSET: usize = usize::MAX;

/// What backtracking returns to.
enum Frame {
    /// Try `pc` at `at`.
    Try { pc: usize, at: usize },
    /// Put a slot back as it was.
    Restore { slot: usize, value: usize },
    /// A greedy run may end one byte earlier, down to `low`; then `next` goes on.
    Shorter { next: usize, low: usize, at: usize },
    /// A lazy run may take one more byte of the run `run`, `left` more at most.
    Longer { run: usize, at: usize, left: usize },
}

/// The stack and slots a search works in, kept between lines by the caller.
#[derive(Default)]
pub struct Scratch {
    stack: Vec<Frame>,
    /// The slots of the last match.
    pub slots: Vec<usize>,
}

impl Program {
    /// The program of `pattern` as the regex crate reads it for a definition (bytes, ASCII
    /// classes), or `None` when the pattern has constructs the program does not express.
    pub fn compile(pattern: &str) -> Option<Self> {
        let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(pattern).ok()?;
        let slots = 2 * (hir.properties().explicit_captures_len() + 1);
        let anchored = hir.properties().look_set_prefix().contains(Look::Start);
        let mut compiler = Compiler { insts: vec![Inst::Save(0)], names: Vec::new() };
        compiler.hir(&hir)?;
        compiler.push(Inst::Save(1))?;
        compiler.push(Inst::Match)?;
        let mut insts = std::mem::take(&mut compiler.insts);
        for pc in 0..insts.len() {
            if let Inst::Run { set, .. } = &insts[pc] {
                let after = follow(&insts, pc + 1, false);
                let disjoint = after.as_ref().is_some_and(|after| (0..256).all(|b| !(set.0[b] && after.0[b])));
                if let Inst::Run { possessive, .. } = &mut insts[pc] {
                    *possessive = disjoint;
                }
            }
        }
        let first = follow(&insts, 0, true);
        let mut literals: Vec<Vec<u8>> =
            required_literals(&hir).into_iter().filter(|literal| literal.len() >= 2).collect();
        literals.sort_by_key(|literal| std::cmp::Reverse(literal.len()));
        literals.dedup();
        let required = literals
            .iter()
            .take(MAX_REQUIRED)
            .map(|literal| memchr::memmem::Finder::new(literal).into_owned())
            .collect();
        Some(Self { insts, anchored, slots, first, required, names: compiler.names })
    }

    /// The named groups: (group index, name).
    pub fn names(&self) -> &[(usize, Box<str>)] {
        &self.names
    }

    /// Searches `line` as the regex crate's `captures` would; on a match the slots are in
    /// `scratch.slots`.
    pub fn search(&self, line: &[u8], scratch: &mut Scratch) -> Found {
        if self.required.iter().any(|required| required.find(line).is_none()) {
            return Found::NoMatch;
        }
        let mut budget = STEPS_BASE + STEPS_PER_BYTE * line.len();
        let last_start = if self.anchored { 0 } else { line.len() };
        for start in 0..=last_start {
            // A later start is worth trying only at a byte a match can start with.
            if start > 0
                && self.first.as_ref().is_some_and(|first| line.get(start).is_none_or(|&b| !first.0[usize::from(b)]))
            {
                continue;
            }
            scratch.slots.clear();
            scratch.slots.resize(self.slots, UNSET);
            match self.run(line, start, scratch, &mut budget) {
                Found::NoMatch => {}
                found => return found,
            }
        }
        Found::NoMatch
    }

    /// The match starting at `start`, trying alternatives in priority order.
    fn run(&self, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
        let Scratch { stack, slots } = scratch;
        stack.clear();
        stack.push(Frame::Try { pc: 0, at: start });
        while let Some(frame) = stack.pop() {
            let (mut pc, mut at) = match frame {
                Frame::Try { pc, at } => (pc, at),
                Frame::Restore { slot, value } => {
                    slots[slot] = value;
                    continue;
                }
                Frame::Shorter { next, low, at } => {
                    let at = at - 1;
                    if at > low {
                        stack.push(Frame::Shorter { next, low, at });
                    }
                    (next, at)
                }
                Frame::Longer { run, at, left } => {
                    let Inst::Run { set, .. } = &self.insts[run] else { unreachable!("Longer names a run") };
                    if left == 0 || at >= line.len() || !set.0[usize::from(line[at])] {
                        continue;
                    }
                    stack.push(Frame::Longer { run, at: at + 1, left: left - 1 });
                    (run + 1, at + 1)
                }
            };
            // One thread, until it fails (back to the stack) or matches.
            loop {
                if *budget == 0 {
                    return Found::GaveUp;
                }
                *budget -= 1;
                match &self.insts[pc] {
                    Inst::Byte(byte) => {
                        if line.get(at) != Some(byte) {
                            break;
                        }
                        at += 1;
                        pc += 1;
                    }
                    Inst::Literal(bytes) => {
                        // Short literals: a loop beats a call to memcmp.
                        let Some(here) = line.get(at..at + bytes.len()) else { break };
                        if here.iter().zip(bytes.iter()).any(|(a, b)| a != b) {
                            break;
                        }
                        at += bytes.len();
                        pc += 1;
                    }
                    Inst::Run { set, stops, min, max, greedy, possessive } => {
                        // A possessive run has one end a match can use, its longest, lazy or not.
                        if *greedy || *possessive {
                            let room = (line.len() - at).min(*max);
                            let taken = stops.run_length(set, &line[at..at + room]);
                            *budget = budget.saturating_sub(taken / 8);
                            if taken < *min {
                                break;
                            }
                            if taken > *min && !possessive {
                                stack.push(Frame::Shorter { next: pc + 1, low: at + min, at: at + taken });
                            }
                            at += taken;
                        } else {
                            if line.len() - at < *min || !line[at..at + min].iter().all(|&b| set.0[usize::from(b)]) {
                                break;
                            }
                            at += min;
                            stack.push(Frame::Longer { run: pc, at, left: max - min });
                        }
                        pc += 1;
                    }
                    Inst::Split { first, second } => {
                        stack.push(Frame::Try { pc: *second, at });
                        pc = *first;
                    }
                    Inst::Jump(to) => pc = *to,
                    Inst::Save(slot) => {
                        stack.push(Frame::Restore { slot: *slot, value: slots[*slot] });
                        slots[*slot] = at;
                        pc += 1;
                    }
                    Inst::Assert(assertion) => {
                        if !holds(*assertion, line, at) {
                            break;
                        }
                        pc += 1;
                    }
                    Inst::Match => return Found::Match,
                }
            }
        }
        Found::NoMatch
    }
}

fn holds(assertion: Assertion, line: &[u8], at: usize) -> bool {
    let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    let boundary = || word(at.checked_sub(1).and_then(|before| line.get(before))) != word(line.get(at));
    match assertion {
        Assertion::Start => at == 0,
        Assertion::End => at == line.len(),
        Assertion::WordBoundary => boundary(),
        Assertion::NotWordBoundary => !boundary(),
    }
}

struct Compiler {
    insts: Vec<Inst>,
    /// The name of each group that has one, by group index.
    names: Vec<(usize, Box<str>)>,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Option<usize> {
        (self.insts.len() < MAX_PROGRAM).then(|| {
            self.insts.push(inst);
            self.insts.len() - 1
        })
    }

    fn hir(&mut self, hir: &Hir) -> Option<()> {
        match hir.kind() {
            HirKind::Empty => {}
            HirKind::Literal(literal) => {
                match *literal.0 {
                    [byte] => self.push(Inst::Byte(byte))?,
                    _ => self.push(Inst::Literal(literal.0.clone()))?,
                };
            }
            HirKind::Class(_) => {
                self.push(run(byte_set(hir)?, 1, 1, true))?;
            }
            HirKind::Look(look) => {
                let assertion = match look {
                    Look::Start => Assertion::Start,
                    Look::End => Assertion::End,
                    Look::WordAscii => Assertion::WordBoundary,
                    Look::WordAsciiNegate => Assertion::NotWordBoundary,
                    _ => return None,
                };
                self.push(Inst::Assert(assertion))?;
            }
            HirKind::Capture(capture) => {
                let index = usize::try_from(capture.index).ok()?;
                if let Some(name) = &capture.name {
                    self.names.push((index, name.clone()));
                }
                let slot = 2 * index;
                self.push(Inst::Save(slot))?;
                self.hir(&capture.sub)?;
                self.push(Inst::Save(slot + 1))?;
            }
            HirKind::Concat(parts) => {
                for part in parts {
                    self.hir(part)?;
                }
            }
            HirKind::Alternation(branches) => {
                // Split(first, rest) chains; each branch jumps past the others.
                let mut jumps = Vec::new();
                for (index, branch) in branches.iter().enumerate() {
                    if index + 1 == branches.len() {
                        self.hir(branch)?;
                    } else {
                        let split = self.push(Inst::Split { first: 0, second: 0 })?;
                        self.hir(branch)?;
                        jumps.push(self.push(Inst::Jump(0))?);
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split { first: split + 1, second: next };
                    }
                }
                let end = self.insts.len();
                for jump in jumps {
                    self.insts[jump] = Inst::Jump(end);
                }
            }
            HirKind::Repetition(repetition) => {
                let min = usize::try_from(repetition.min).ok()?;
                let max = repetition.max.map_or(Some(usize::MAX), |max| usize::try_from(max).ok())?;
                if let Some(set) = byte_set(&repetition.sub) {
                    self.push(run(set, min, max, repetition.greedy))?;
                    return Some(());
                }
                // A loop over something that can match nothing would never end.
                if repetition.sub.properties().minimum_len() == Some(0) {
                    return None;
                }
                for _ in 0..min {
                    self.hir(&repetition.sub)?;
                }
                if max == usize::MAX {
                    // L: split(body, out); body; jump L
                    let split = self.push(Inst::Split { first: 0, second: 0 })?;
                    self.hir(&repetition.sub)?;
                    self.push(Inst::Jump(split))?;
                    let out = self.insts.len();
                    self.insts[split] = self.split(split + 1, out, repetition.greedy);
                } else {
                    let mut splits = Vec::new();
                    for _ in min..max {
                        splits.push(self.push(Inst::Split { first: 0, second: 0 })?);
                        self.hir(&repetition.sub)?;
                    }
                    let out = self.insts.len();
                    for split in splits {
                        self.insts[split] = self.split(split + 1, out, repetition.greedy);
                    }
                }
            }
        }
        Some(())
    }

    /// A split that prefers more of a repetition when greedy, less when lazy.
    fn split(&self, more: usize, out: usize, greedy: bool) -> Inst {
        if greedy { Inst::Split { first: more, second: out } } else { Inst::Split { first: out, second: more } }
    }
}

/// Literals every match of `hir` holds: those on its spine (not under an alternation or an
/// optional repetition).
fn required_literals(hir: &Hir) -> Vec<Vec<u8>> {
    match hir.kind() {
        HirKind::Literal(literal) => vec![literal.0.to_vec()],
        HirKind::Capture(capture) => required_literals(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required_literals(&repetition.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(required_literals).collect(),
        _ => Vec::new(),
    }
}

fn run(set: ByteSet, min: usize, max: usize, greedy: bool) -> Inst {
    Inst::Run { stops: Stops::of(&set), set: Box::new(set), min, max, greedy, possessive: false }
}

/// The bytes the program from `pc` on can consume first; `None` when it may match or assert
/// something without consuming a byte first (then any byte may follow). An end-of-line
/// assertion consumes nothing and matches no byte: it adds none; nor does a start-of-line one
/// when `past_start` (the search is past the line's first byte).
fn follow(insts: &[Inst], pc: usize, past_start: bool) -> Option<ByteSet> {
    let mut set = ByteSet([false; 256]);
    let mut seen = vec![false; insts.len()];
    let mut todo = vec![pc];
    while let Some(pc) = todo.pop() {
        if std::mem::replace(&mut seen[pc], true) {
            continue;
        }
        match &insts[pc] {
            Inst::Byte(byte) => set.0[usize::from(*byte)] = true,
            Inst::Literal(bytes) => set.0[usize::from(*bytes.first()?)] = true,
            Inst::Run { set: run, min, .. } => {
                (0..256).for_each(|b| set.0[b] |= run.0[b]);
                if *min == 0 {
                    todo.push(pc + 1);
                }
            }
            Inst::Split { first, second } => todo.extend([*first, *second]),
            Inst::Jump(to) => todo.push(*to),
            Inst::Save(_) => todo.push(pc + 1),
            Inst::Assert(Assertion::End) => {}
            Inst::Assert(Assertion::Start) if past_start => {}
            Inst::Assert(_) | Inst::Match => return None,
        }
    }
    Some(set)
}

/// The bytes a one-byte expression (a class, or a literal of one byte) matches.
fn byte_set(hir: &Hir) -> Option<ByteSet> {
    let mut set = ByteSet([false; 256]);
    match hir.kind() {
        HirKind::Class(Class::Bytes(class)) => {
            for range in class.iter() {
                for byte in range.start()..=range.end() {
                    set.0[usize::from(byte)] = true;
                }
            }
        }
        HirKind::Class(Class::Unicode(class)) => {
            // ASCII-only Unicode classes are byte classes; others match characters of several bytes.
            for range in class.iter() {
                let (start, end) = (u8::try_from(range.start()).ok()?, u8::try_from(range.end()).ok()?);
                if end > 0x7F {
                    return None;
                }
                for byte in start..=end {
                    set.0[usize::from(byte)] = true;
                }
            }
        }
        HirKind::Literal(literal) if literal.0.len() == 1 => set.0[usize::from(literal.0[0])] = true,
        _ => return None,
    }
    Some(set)
}

#[cfg(test)]
mod tests;
