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
//! Most of a log line leaves nothing to backtrack to, and the compiler makes those stretches
//! cheap: a run no later byte can extend, or of exactly n bytes, is possessive (and one step with
//! the captures around it, an optional byte before it and the byte after it; such fields in a row
//! are taken without a dispatch each), a literal of up to eight bytes is one compare, an
//! alternative the next byte rules out is never tried, a fixed-width stretch (a time's
//! `\d{2}/[A-Z][a-z]{2}/\d{4}:`) is one step checking a byte set per position, and a loop whose
//! turns leave nothing to backtrack to takes its bytes as a run.
//! A run that must give bytes back backs off only to where what follows it can start.
//!
//! Backtracking can take time exponential in the line. Every search has a budget of steps linear
//! in the line, charged where the search branches, backtracks or fails (between those it only
//! goes forward, so its steps are at most the distance it went); past it the search gives up and
//! the regex crate (linear whatever the pattern) reads the line. A pattern the program cannot
//! express (Unicode classes, lookarounds other than `^`, `$` and ASCII word boundaries, a
//! repetition of something that can match nothing) has no program and is always read by the
//! regex crate.
//!
//! A bundled pattern's program is also written out as Rust code (`generated.rs`, by `codegen.rs`):
//! the same steps with their operands written in, without a dispatch on each instruction or the
//! reading of its operands. That code runs its searches; the program steps through the others'
//! (a user's definitions). A test keeps the code what the bundled patterns compile to.

/// Steps (instructions run, backtracks, bytes of runs / 8) a search may take per byte of the
/// line (plus a constant) before it gives up.
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
    /// skip other starts, but for the end of the line); `None` when a match may be empty.
    first: Option<ByteSet>,
    /// The bytes a match at the line's start can start with (`None`: any), which a line's first
    /// byte must be for that start to be tried: urllib3's `DEBUG:…` is not, for its
    /// `(?:^|\s|:)https?://`, and an anchored pattern fails such a line at once.
    first_at_start: Option<ByteSet>,
    /// Those bytes, when they are one to three (as `Stops` names them).
    first_bytes: Option<Stops>,
    /// For each first byte, when they are few, the bytes that can come second (when not every
    /// byte can): a start whose next byte is not one of them is not tried. OkHttp's
    /// continuation starts at `: `, and a JSON body holds a colon before every value.
    seconds: Vec<ByteSet>,
    /// For each byte, which of `seconds` follows it as a first byte ([`NO_SECONDS`]: none): a
    /// start looks its byte up rather than searching the list.
    second_of: Box<[u8; 256]>,
    /// The byte that comes second in every match past the line's start, when the first bytes are
    /// many and all of them can only be followed by it (urllib3's `(?:^|\s|:)https?://`): a start
    /// is found by finding that byte with memchr, rather than testing every byte for a first.
    second_byte: Option<u8>,
    /// Texts every match holds (the longest few): a line without one of them is not searched at
    /// all, as the regex crate's automaton rejects it in one pass where backtracking would try
    /// every start. Several, because the longest may be in every line (`okhttp` in OkHttp's tag).
    required: Vec<memchr::memmem::Finder<'static>>,
    /// Without such texts, one to three bytes of which every match holds one (OkHttp's body
    /// pattern, `[\[{]`, tried on every header line of a failed call's response).
    required_bytes: Option<Stops>,
    /// The loops' jumps back that skim, by where they are (few: a list beats a table).
    skims: Vec<(usize, Skim)>,
    /// The named groups: (group index, name).
    names: Vec<(usize, Box<str>)>,
    /// This program's number, for what a thread remembers of it.
    id: u64,
    /// Its search as Rust code, for a bundled pattern (see [`generated`]).
    compiled: Option<Compiled>,
}

/// Which bytes a class matches.
#[derive(Clone)]
struct ByteSet([bool; 256]);

/// The bytes outside a run's set when they are one to three (`[^"]`, `[^"\\]`, `.`), as in
/// most long fields of a log: the run's end is then found with memchr, many bytes at a time.
#[derive(Debug, Clone, Copy, Hash)]
enum Stops {
    One(u8),
    Two(u8, u8),
    Three(u8, u8, u8),
    /// More, all below this bound (at most 128), as for `\S` (ASCII whitespace): the run is
    /// scanned eight bytes at a time for a byte below it.
    Below(u8),
    /// More: the run is scanned byte by byte.
    Many,
}

impl Stops {
    fn of(set: &ByteSet) -> Self {
        Self::few((0..=255u8).filter(|&b| !set.0[usize::from(b)])).unwrap_or_else(|| {
            match (0..=255u8).rev().find(|&b| !set.0[usize::from(b)]) {
                Some(highest) if highest < 128 => Self::Below(highest + 1),
                _ => Self::Many,
            }
        })
    }

    /// Whether one of the bytes (one to three) is in `hay`.
    fn occur_in(self, hay: &[u8]) -> bool {
        match self {
            Self::One(a) => memchr::memchr(a, hay).is_some(),
            Self::Two(a, b) => memchr::memchr2(a, b, hay).is_some(),
            Self::Three(a, b, c) => memchr::memchr3(a, b, c, hay).is_some(),
            Self::Below(_) | Self::Many => true,
        }
    }

    /// How many bytes it names (more than three: any number).
    fn count(&self) -> usize {
        match self {
            Self::One(_) => 1,
            Self::Two(..) => 2,
            Self::Three(..) => 3,
            Self::Below(_) | Self::Many => usize::MAX,
        }
    }

    /// `bytes` as memchr looks for them, when they are one to three.
    fn few(mut bytes: impl Iterator<Item = u8>) -> Option<Self> {
        match (bytes.next(), bytes.next(), bytes.next(), bytes.next()) {
            (Some(a), None, ..) => Some(Self::One(a)),
            (Some(a), Some(b), None, _) => Some(Self::Two(a, b)),
            (Some(a), Some(b), Some(c), None) => Some(Self::Three(a, b, c)),
            _ => None,
        }
    }

    /// How many bytes of the start of `hay` a run of `set` takes. (Inlined in both steps that
    /// take runs: a call a run costs more than most runs.)
    #[inline(always)]
    fn run_length(self, set: &ByteSet, hay: &[u8]) -> usize {
        let end = match self {
            Self::One(a) => memchr::memchr(a, hay),
            Self::Two(a, b) => memchr::memchr2(a, b, hay),
            Self::Three(a, b, c) => memchr::memchr3(a, b, c, hay),
            Self::Below(bound) => return run_below(set, bound, hay),
            Self::Many => hay.iter().position(|&b| !set.0[usize::from(b)]),
        };
        end.unwrap_or(hay.len())
    }
}

/// [`Stops::run_length`] of a set whose outside bytes are all below `bound` (at most 128).
fn run_below(set: &ByteSet, bound: u8, hay: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    while let Some(chunk) = hay.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte below `bound` sets its high bit here; a borrow only goes up from such a byte,
        // so the lowest bit set is the first of them.
        let below = word.wrapping_sub(ONES * u64::from(bound)) & !word & HIGHS;
        if below == 0 {
            at += 8;
            continue;
        }
        let first = at + (below.trailing_zeros() / 8) as usize;
        if !set.0[usize::from(hay[first])] {
            return first;
        }
        at = first + 1;
    }
    at + hay[at..].iter().position(|&b| !set.0[usize::from(b)]).unwrap_or(hay.len() - at)
}

impl ByteSet {
    /// The bytes of these inclusive ranges (for generated code's constants).
    const fn of_ranges(ranges: &[(u8, u8)]) -> Self {
        let mut set = [false; 256];
        let mut range = 0;
        while range < ranges.len() {
            let (mut byte, last) = (ranges[range].0 as usize, ranges[range].1 as usize);
            while byte <= last {
                set[byte] = true;
                byte += 1;
            }
            range += 1;
        }
        Self(set)
    }

    /// Its bytes, in order.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        (0..=255u8).filter(|&b| self.0[usize::from(b)])
    }

    /// Adds the bytes of `other`.
    fn add(&mut self, other: &ByteSet) {
        self.0.iter_mut().zip(&other.0).for_each(|(mine, theirs)| *mine |= theirs);
    }

    /// Whether a match of what starts with a byte of this set (or asserts the end) may start at
    /// `at`: false only when a byte is there and it is not in the set.
    fn may_start(&self, line: &[u8], at: usize) -> bool {
        line.get(at).is_none_or(|&b| self.0[usize::from(b)])
    }
}

impl std::hash::Hash for ByteSet {
    /// As 256 bits: the formats' fingerprints hash some forty sets a program when they load.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let mut bits = [0u64; 4];
        for (word, bools) in bits.iter_mut().zip(self.0.chunks_exact(64)) {
            *word = bools.iter().enumerate().fold(0, |word, (bit, &is)| word | u64::from(is) << bit);
        }
        bits.iter().for_each(|&word| state.write_u64(word));
    }
}

impl std::fmt::Debug for ByteSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ByteSet({} bytes)", self.0.iter().filter(|&&b| b).count())
    }
}

/// The bytes what follows a run can start with ([`Inst::Run`]'s `after`), and the run's other
/// bytes: a lazy run passes over those to its next end worth trying, found by memchr when they
/// leave out one to three bytes (`.*?<-- ` goes to the next `<`; byte by byte, OkHttp's
/// response and request lines spent some 1,000 instructions each there).
#[derive(Debug)]
struct After {
    set: ByteSet,
    passed: ByteSet,
    stops: Stops,
}

impl After {
    fn new(set: ByteSet, run: &ByteSet) -> Self {
        let passed = ByteSet(std::array::from_fn(|b| run.0[b] && !set.0[b]));
        Self { stops: Stops::of(&passed), set, passed }
    }
}

impl std::hash::Hash for After {
    /// As its set: the rest follows from it and the run's, so a program's fingerprint is what
    /// it was.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.set.hash(state);
    }
}

#[derive(Debug, Hash)]
enum Inst {
    /// This byte.
    Byte(u8),
    /// These bytes, in order.
    Literal(Literal),
    /// `min..=max` bytes of a set, greedy (longest first) or lazy. A run is `possessive` when
    /// nothing after it can start with a byte of its set: ending it before its longest leaves a
    /// byte of the set next, which can never match, so it takes its longest and leaves nothing
    /// to backtrack to (as PCRE's auto-possessification), lazy or not. A run of exactly n
    /// (`min == max`) is possessive too: it has that one end.
    Run {
        set: Box<ByteSet>,
        stops: Stops,
        min: usize,
        max: usize,
        greedy: bool,
        possessive: bool,
        /// For a run that can end shorter: the bytes what follows it can start with, when they
        /// are known. Only ends before one of them are tried (`[\w.:]+:` backs off to a `:`).
        after: Option<Box<After>>,
    },
    /// Try `first`, then `second`. A branch that needs a byte first, and cannot start with the
    /// byte at hand, is not tried: its `starts` are the bytes it can start with, `None` when it
    /// may match or assert something first.
    Split {
        first: usize,
        second: usize,
        starts: [Option<Box<ByteSet>>; 2],
    },
    /// A stretch of the line of fixed width with nothing to backtrack to (bytes, literals, and
    /// runs of exactly `n`): the byte at each position in its class (`classes[positions[i]]`),
    /// then `next` goes on. The instructions it stands for stay behind it, unreached.
    Fixed {
        classes: Box<[ByteSet]>,
        positions: Box<[u8]>,
        next: usize,
    },
    /// A possessive run between optional saves, then an optional byte: a field and its
    /// delimiter (`(?P<client>\S+) `) in one step rather than four. The instructions it stands
    /// for stay behind it, unreached.
    Field(Box<Field>),
    /// Go on at this instruction; a jump back (a loop's) first skims what it may (see
    /// [`Skim`]).
    Jump(usize),
    /// Record the position in a slot.
    Save(usize),
    Assert(Assertion),
    Match,
}

/// Bytes in a row (two or more), with the first eight of them as one word to compare a line's
/// eight bytes with in one step, most literals being shorter (`" `, `://`, ` HTTP/`).
#[derive(Debug, Hash)]
struct Literal {
    bytes: Box<[u8]>,
    /// The first eight bytes (little-endian), and the bits of those the literal has.
    word: u64,
    mask: u64,
}

impl Literal {
    fn new(bytes: &[u8]) -> Self {
        let mut word = [0; 8];
        let short = bytes.len().min(8);
        word[..short].copy_from_slice(&bytes[..short]);
        let mask = if short == 8 { u64::MAX } else { (1 << (8 * short)) - 1 };
        Self { bytes: bytes.into(), word: u64::from_le_bytes(word), mask }
    }

    /// Whether `line` holds the literal at `at`.
    #[inline(always)]
    fn at(&self, line: &[u8], at: usize) -> bool {
        literal_at(line, at, &self.bytes, self.word, self.mask)
    }
}

/// Whether `line` holds `bytes` at `at`, given their first eight as a word and its mask (see
/// [`Literal`]).
#[inline(always)]
fn literal_at(line: &[u8], at: usize, bytes: &[u8], word: u64, mask: u64) -> bool {
    let len = bytes.len();
    if len <= 8
        && let Some(eight) = line.get(at..at + 8)
    {
        return u64::from_le_bytes(eight.try_into().expect("eight bytes")) & mask == word;
    }
    // Short literals: a loop beats a call to memcmp.
    line.get(at..at + len).is_some_and(|here| here.iter().zip(bytes.iter()).all(|(a, b)| a == b))
}

/// The bytes a loop's head takes in a run before it branches: for each of them the loop's turn
/// rules out every branch but one (by the bytes a branch can start with), consumes the byte with
/// a one-byte step and jumps back to the head, pushing nothing. Taking the run at once (on the
/// loop's jump back to its head) is those turns without their dispatches: OkHttp's URL,
/// `(?:\[[a-z ]{1,24}\]|\S)+`, costs four dispatches a byte turn by turn, a few instructions a
/// byte skimmed.
#[derive(Debug)]
struct Skim {
    set: ByteSet,
    stops: Stops,
}

#[derive(Debug, Hash)]
struct Field {
    /// The slot saved before the run, and the one after.
    open: Option<usize>,
    close: Option<usize>,
    /// A byte taken before the run when it is there (`-?` before `\d+`).
    lead: Option<u8>,
    set: ByteSet,
    stops: Stops,
    min: usize,
    max: usize,
    /// The byte after the run.
    then: Option<u8>,
    /// Where the search goes on.
    next: usize,
}

#[derive(Debug, Clone, Copy, Hash)]
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

/// The first start from `from` on of a program whose every match past the line's start has
/// `second` after a byte of `first`: found by finding `second`.
fn next_start_before(line: &[u8], mut from: usize, first: &ByteSet, second: u8) -> Option<usize> {
    loop {
        let rest = line.get(from..)?;
        let Some(found) = rest.get(1..).and_then(|after| memchr::memchr(second, after)) else {
            // A first byte that ends the line may start a match that ends with it (`:$`).
            let last = line.len().checked_sub(1).filter(|&last| last >= from && first.0[usize::from(line[last])]);
            return Some(last.unwrap_or(line.len()));
        };
        let at = from + found;
        if first.0[usize::from(line[at])] {
            return Some(at);
        }
        from = at + 1;
    }
}

/// A first byte whose seconds are not known (every byte may follow it).
const NO_SECONDS: u8 = u8::MAX;

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

/// Where a thread is: the instruction it is at, its place in the line, and the
/// instruction from which its steps are not yet charged to the budget.
#[derive(Clone, Copy)]
struct Cursor {
    pc: usize,
    at: usize,
    stretch: usize,
}

/// What a popped frame asks of the search.
enum Resume {
    /// A thread from this instruction and place.
    At(usize, usize),
    /// Nothing more.
    Done,
    GaveUp,
}

/// How a thread ended.
enum Ended {
    /// At `Cursor::pc`, its steps since `Cursor::stretch` not yet charged: the search charges
    /// them and backtracks to the frames on the stack.
    Failed,
    Matched,
    GaveUp,
}

/// A bundled pattern's search from a start, as generated code ([`generated`]).
type Compiled = fn(&Program, &[u8], usize, &mut Scratch, &mut usize) -> Found;

/// The stack and slots a search works in, kept between lines by the caller.
#[derive(Default)]
pub struct Scratch {
    stack: Vec<Frame>,
    /// The slots of the last match.
    pub slots: Vec<usize>,
    /// Whether each program checks its required texts first, by what this thread has seen.
    gates: prefilter::Gates,
}

impl Program {
    /// Whether its search runs as generated code.
    pub fn has_generated_code(&self) -> bool {
        self.compiled.is_some()
    }

    /// The named groups: (group index, name).
    pub fn names(&self) -> &[(usize, Box<str>)] {
        &self.names
    }

    /// Searches `line` as the regex crate's `captures` would; on a match the slots are in
    /// `scratch.slots`.
    pub fn search(&self, line: &[u8], scratch: &mut Scratch) -> Found {
        if self.required.is_empty() && self.required_bytes.is_none() {
            return self.search_starts(line, scratch);
        }
        let lacks_required = || {
            self.required.iter().any(|required| required.find(line).is_none())
                || self.required_bytes.is_some_and(|bytes| !bytes.occur_in(line))
        };
        let (rejected, gate) = scratch.gates.check(self.id, self.anchored, lacks_required);
        if rejected {
            return Found::NoMatch;
        }
        let found = self.search_starts(line, scratch);
        if !self.anchored {
            scratch.gates.searched(gate, found == Found::Match);
        }
        found
    }

    /// [`Program::search`] once the required texts are there (or not checked).
    fn search_starts(&self, line: &[u8], scratch: &mut Scratch) -> Found {
        let mut budget = STEPS_BASE + STEPS_PER_BYTE * line.len();
        let mut start = 0;
        if !self.first_at_start.as_ref().is_none_or(|first| first.may_start(line, 0)) {
            if self.anchored {
                return Found::NoMatch;
            }
            match self.next_start(line, 1) {
                Some(next) => start = next,
                None => return Found::NoMatch,
            }
        }
        loop {
            if scratch.slots.len() == self.slots {
                scratch.slots.fill(UNSET);
            } else {
                scratch.slots.clear();
                scratch.slots.resize(self.slots, UNSET);
            }
            let found = match self.compiled {
                Some(compiled) => compiled(self, line, start, scratch, &mut budget),
                None => self.run(line, start, scratch, &mut budget),
            };
            match found {
                Found::NoMatch => {}
                found => return found,
            }
            if self.anchored {
                return Found::NoMatch;
            }
            match self.next_start(line, start + 1) {
                Some(next) => start = next,
                None => return Found::NoMatch,
            }
        }
    }

    /// The first start from `from` on worth trying: a byte a match can start with, or the end,
    /// where a match that consumes nothing (`$`) may be. When a match starts with one of a few
    /// bytes (`: ` or `OkHttpClient: `), they are found with memchr, many bytes at a time.
    #[inline(never)]
    fn next_start(&self, line: &[u8], mut from: usize) -> Option<usize> {
        if let (Some(first), Some(second)) = (&self.first, self.second_byte) {
            return next_start_before(line, from, first, second);
        }
        loop {
            let rest = line.get(from..)?;
            let found = match (&self.first, self.first_bytes) {
                (None, _) => Some(0),
                (Some(_), Some(Stops::One(a))) => memchr::memchr(a, rest),
                (Some(_), Some(Stops::Two(a, b))) => memchr::memchr2(a, b, rest),
                (Some(_), Some(Stops::Three(a, b, c))) => memchr::memchr3(a, b, c, rest),
                (Some(first), _) => rest.iter().position(|&b| first.0[usize::from(b)]),
            };
            let Some(found) = found else { return Some(line.len()) };
            let at = from + found;
            if self.may_go_on(line, at) {
                return Some(at);
            }
            from = at + 1;
        }
    }

    /// Whether the byte after `at` can come second in a match that starts at `at`.
    fn may_go_on(&self, line: &[u8], at: usize) -> bool {
        let Some(&next) = line.get(at + 1) else { return true };
        match self.second_of[usize::from(line[at])] {
            NO_SECONDS => true,
            index => self.seconds[usize::from(index)].0[usize::from(next)],
        }
    }

    /// The match starting at `start`, trying alternatives in priority order: each thread
    /// stepped through the instructions ([`Program::thread`]).
    fn run(&self, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
        self.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
            self.thread(line, cursor, stack, slots, budget)
        })
    }

    /// One thread from `cursor`, stepped through the instructions until it fails (where, left in
    /// `cursor` for the search to charge its last steps) or matches.
    #[inline(always)]
    fn thread(
        &self,
        line: &[u8],
        cursor: &mut Cursor,
        stack: &mut Vec<Frame>,
        slots: &mut [usize],
        budget: &mut usize,
    ) -> Ended {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        // Between branches the program only goes forward (a loop's jump back lands on its
        // branch), so the steps since `stretch` are at most the distance from it: charged where
        // the thread branches, jumps back or fails, rather than counted one by one.
        'thread: loop {
            match &self.insts[pc] {
                Inst::Byte(byte) => {
                    if line.get(at) != Some(byte) {
                        break;
                    }
                    at += 1;
                    pc += 1;
                }
                Inst::Literal(literal) => {
                    if !literal.at(line, at) {
                        break;
                    }
                    at += literal.bytes.len();
                    pc += 1;
                }
                Inst::Run { set, stops, min, max, greedy, possessive, .. } => {
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
                Inst::Split { first, second, starts: [first_starts, second_starts] } => {
                    if !charge(budget, pc + 1 - stretch) {
                        return Ended::GaveUp;
                    }
                    let may_start =
                        |starts: &Option<Box<ByteSet>>| starts.as_ref().is_none_or(|set| set.may_start(line, at));
                    if !may_start(first_starts) {
                        pc = *second;
                        stretch = pc;
                        continue;
                    }
                    if may_start(second_starts) {
                        stack.push(Frame::Try { pc: *second, at });
                    }
                    pc = *first;
                    stretch = pc;
                }
                Inst::Fixed { classes, positions, next } => {
                    let Some(here) = line.get(at..at + positions.len()) else { break };
                    if here
                        .iter()
                        .zip(positions.iter())
                        .any(|(&b, &class)| !classes[usize::from(class)].0[usize::from(b)])
                    {
                        break;
                    }
                    at += positions.len();
                    pc = *next;
                }
                Inst::Field(field) => {
                    // Fields one after another (`\S+ \S+ -?\d+/-?\d+ `) are taken in this
                    // loop, without a dispatch each.
                    let mut field = &**field;
                    loop {
                        let Field { open, close, lead, set, stops, min, max, then, next } = field;
                        if let Some(slot) = open {
                            save(stack, slots, *slot, at);
                        }
                        if lead.is_some() && line.get(at) == lead.as_ref() {
                            at += 1;
                        }
                        let room = (line.len() - at).min(*max);
                        let taken = stops.run_length(set, &line[at..at + room]);
                        *budget = budget.saturating_sub(taken / 8);
                        if taken < *min {
                            break 'thread;
                        }
                        at += taken;
                        if let Some(slot) = close {
                            save(stack, slots, *slot, at);
                        }
                        if let Some(byte) = then {
                            if line.get(at) != Some(byte) {
                                break 'thread;
                            }
                            at += 1;
                        }
                        pc = *next;
                        match &self.insts[pc] {
                            Inst::Field(following) => field = following,
                            _ => break,
                        }
                    }
                }
                Inst::Jump(to) => {
                    if *to < pc {
                        *budget = budget.saturating_sub(pc + 1 - stretch);
                        stretch = *to;
                        let taken = self.skimmed(pc, &line[at..]);
                        *budget = budget.saturating_sub(taken / 8);
                        at += taken;
                    }
                    pc = *to;
                }
                Inst::Save(slot) => {
                    save(stack, slots, *slot, at);
                    pc += 1;
                }
                Inst::Assert(assertion) => {
                    if !holds(*assertion, line, at) {
                        break;
                    }
                    pc += 1;
                }
                Inst::Match => return Ended::Matched,
            }
        }
        *cursor = Cursor { pc, at, stretch };
        Ended::Failed
    }

    /// What the search does with a frame it pops: run a thread from an instruction and a place,
    /// or nothing more (a slot put back, a run with no other end to try).
    #[inline(always)]
    fn resume(
        &self,
        line: &[u8],
        frame: Frame,
        stack: &mut Vec<Frame>,
        slots: &mut [usize],
        budget: &mut usize,
    ) -> Resume {
        if !matches!(frame, Frame::Restore { .. }) && !charge(budget, 1) {
            return Resume::GaveUp;
        }
        match frame {
            Frame::Try { pc, at } => Resume::At(pc, at),
            Frame::Restore { slot, value } => {
                slots[slot] = value;
                Resume::Done
            }
            Frame::Shorter { next, low, at } => {
                let Some(at) = self.shorter_end(line, next, low, at, budget) else { return Resume::Done };
                if at > low {
                    stack.push(Frame::Shorter { next, low, at });
                }
                Resume::At(next, at)
            }
            Frame::Longer { run, at, left } => {
                let Some(taken) = self.longer_by(line, run, at, left, budget) else { return Resume::Done };
                stack.push(Frame::Longer { run, at: at + taken, left: left - taken });
                Resume::At(run + 1, at + taken)
            }
        }
    }

    /// The match starting at `start`, each thread run by `thread`: stepped through the
    /// instructions ([`Program::run`]) or a bundled pattern's generated code ([`generated`]).
    /// A thread that fails is charged its last steps, and the frames it pushed are tried next.
    #[inline(always)]
    fn run_with(
        &self,
        line: &[u8],
        start: usize,
        scratch: &mut Scratch,
        budget: &mut usize,
        mut thread: impl FnMut(&mut Cursor, &mut Vec<Frame>, &mut [usize], &mut usize) -> Ended,
    ) -> Found {
        let Scratch { stack, slots, .. } = scratch;
        stack.clear();
        stack.push(Frame::Try { pc: 0, at: start });
        while let Some(frame) = stack.pop() {
            let mut cursor = match self.resume(line, frame, stack, slots, budget) {
                Resume::At(pc, at) => Cursor { pc, at, stretch: pc },
                Resume::Done => continue,
                Resume::GaveUp => return Found::GaveUp,
            };
            match thread(&mut cursor, stack, slots, budget) {
                Ended::Failed => *budget = budget.saturating_sub(cursor.pc + 1 - cursor.stretch),
                Ended::Matched => return Found::Match,
                Ended::GaveUp => return Found::GaveUp,
            }
        }
        Found::NoMatch
    }
}

impl Program {
    /// How many bytes at the start of `hay` the jump back at `pc` skims (none when it does not).
    /// Out of line, as are the lists of skims: a step of its own, or the run scan inlined in the
    /// search's loop, cost every other pattern 1.2–2 % more instructions.
    #[inline(never)]
    fn skimmed(&self, pc: usize, hay: &[u8]) -> usize {
        self.skims.iter().find(|(at, _)| *at == pc).map_or(0, |(_, skim)| skim.stops.run_length(&skim.set, hay))
    }

    /// The next shorter end, below `at` and down to `low`, of the greedy run before `next`: where
    /// what follows it can start, when the run knows that (`[\w.:]+:` backs off to a `:`), else
    /// one byte shorter. Out of line: in the search's loop it made every pattern's search slower
    /// (OkHttp's, which never backs off, by a tenth).
    #[inline(never)]
    fn shorter_end(&self, line: &[u8], next: usize, low: usize, at: usize, budget: &mut usize) -> Option<usize> {
        let Some(Inst::Run { after: Some(after), .. }) = self.insts.get(next - 1) else { return Some(at - 1) };
        // `at` is at most the line's length: every byte below it is there.
        let before = line[low..at].iter().rposition(|&b| after.set.0[usize::from(b)]);
        *budget = budget.saturating_sub((at - low - before.map_or(0, |q| q + 1)) / 8);
        before.map(|q| low + q)
    }

    /// How many more bytes the lazy run at `run`, which ends at `at` and may take `left` more,
    /// takes for its next end worth trying: one, or when what follows it must start with a byte
    /// of its `after`, as many as reach such a byte or the line's end (`.*?--> ` tries its ends
    /// before a `-` only: the ends between fail at once). `None` when it cannot end longer.
    fn longer_by(&self, line: &[u8], run: usize, at: usize, left: usize, budget: &mut usize) -> Option<usize> {
        let Inst::Run { set, after, .. } = &self.insts[run] else { unreachable!("Longer names a run") };
        let first = *line.get(at)?;
        if left == 0 || !set.0[usize::from(first)] {
            return None;
        }
        let Some(after) = after else { return Some(1) };
        // Past the first byte, the run's bytes that cannot start what follows, then a byte that
        // can (the line's end is always worth trying: `after` leaves out a `$` that may follow);
        // any other byte ends the run with no end to try.
        let taken = 1 + after.stops.run_length(&after.passed, &line[at + 1..]);
        if taken > left || line.get(at + taken).is_some_and(|&next| !after.set.0[usize::from(next)]) {
            return None;
        }
        *budget = budget.saturating_sub(taken / 8);
        Some(taken)
    }
}

/// A number for a program's instructions that changes when they do (FNV-1a over all their
/// parts, words taken whole): generated code is taken only by the program it was written from, whatever changed in
/// the compiler since.
fn fingerprint(insts: &[Inst]) -> u64 {
    use std::hash::{Hash, Hasher};
    struct Fnv(u64);
    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for &byte in bytes {
                self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        // A word at a time, not byte by byte: the sets are 32 bytes each.
        fn write_u64(&mut self, word: u64) {
            self.0 = (self.0 ^ word).wrapping_mul(0x0100_0000_01b3);
        }
        fn write_usize(&mut self, word: usize) {
            self.write_u64(word as u64);
        }
    }
    let mut fnv = Fnv(0xcbf2_9ce4_8422_2325);
    insts.hash(&mut fnv);
    fnv.finish()
}

/// Charges `steps` to `budget`; false when it cannot pay them.
fn charge(budget: &mut usize, steps: usize) -> bool {
    let paid = *budget >= steps;
    *budget = budget.saturating_sub(steps);
    paid
}

/// Records `at` in `slot`, and how to put it back if the search backtracks past here (with
/// nothing to backtrack to, nothing will read the old value). Inlined: generated code saves a
/// slot in a few instructions where a call took twenty.
#[inline(always)]
fn save(stack: &mut Vec<Frame>, slots: &mut [usize], slot: usize, at: usize) {
    if !stack.is_empty() {
        stack.push(Frame::Restore { slot, value: slots[slot] });
    }
    slots[slot] = at;
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

#[cfg(test)]
mod codegen;
mod compile;
// Written by `codegen`, and compared with what it writes: formatted as written.
#[rustfmt::skip]
mod generated;
mod prefilter;
#[cfg(test)]
mod tests;
