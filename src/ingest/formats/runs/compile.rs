//! Compiling a pattern's syntax tree into a [`Program`], and the passes that make it fast: which
//! runs are possessive, which alternatives a byte rules out, and which fixed-width stretches are
//! checked in one step.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::{After, Assertion, ByteSet, Field, Inst, Literal, Program, Stops};

/// Instructions at most: a pattern that expands to more (large counted repetitions) is left to
/// the regex crate.
const MAX_PROGRAM: usize = 2_000;

/// First bytes whose second bytes are kept, at most (each is looked for at every start).
const MAX_SECONDS: usize = 16;

/// Required texts checked before a search, at most.
const MAX_REQUIRED: usize = 4;

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
            if let Inst::Run { set, min, max, .. } = &insts[pc] {
                let follows = follow(&insts, pc + 1, false);
                let disjoint = follows.as_ref().is_some_and(|after| (0..256).all(|b| !(set.0[b] && after.0[b])));
                // A run of exactly `n` (`\d{3}` before `\b`) has one end whatever follows.
                let one_end = disjoint || min == max;
                let after = follows.filter(|_| !one_end).map(|follows| Box::new(After::new(follows, set)));
                if let Inst::Run { possessive, after: slot, .. } = &mut insts[pc] {
                    *possessive = one_end;
                    *slot = after;
                }
            }
        }
        for pc in 0..insts.len() {
            if let Inst::Split { first, second, .. } = insts[pc] {
                let starts = [first, second].map(|branch| follow(&insts, branch, false).map(Box::new));
                if let Inst::Split { starts: slot, .. } = &mut insts[pc] {
                    *slot = starts;
                }
            }
        }
        let first = follow(&insts, 0, true);
        let first_at_start = follow(&insts, 0, false);
        let first_bytes = first.as_ref().and_then(|first| Stops::few((0..=255u8).filter(|&b| first.0[usize::from(b)])));
        // A few first bytes (`\s` and `:`), each with the bytes that can follow it.
        let firsts: Vec<u8> =
            first.as_ref().map_or(Vec::new(), |first| (0..=255).filter(|&b| first.0[usize::from(b)]).collect());
        let few_firsts = if firsts.len() <= MAX_SECONDS { firsts } else { Vec::new() };
        let (mut seconds, mut second_of) = (Vec::new(), Box::new([super::NO_SECONDS; 256]));
        let mut every_first_known = !few_firsts.is_empty();
        for byte in few_firsts {
            match second_after(&insts, byte) {
                Some(after) => {
                    second_of[usize::from(byte)] = u8::try_from(seconds.len()).expect("at most MAX_SECONDS");
                    seconds.push(after);
                }
                None => every_first_known = false,
            }
        }
        let second_byte = if first_bytes.is_none() && every_first_known { only_byte(&seconds) } else { None };
        fuse_fixed(&mut insts);
        fuse_fields(&mut insts);
        let skims = skims(&insts);
        let mut literals: Vec<Vec<u8>> =
            required_literals(&hir).into_iter().filter(|literal| literal.len() >= 2).collect();
        // Longest first (in the pattern's order among equals), and the same text once.
        literals.sort_by_key(|literal| std::cmp::Reverse(literal.len()));
        let mut seen = std::collections::HashSet::new();
        literals.retain(|literal| seen.insert(literal.clone()));
        let required: Vec<_> = literals
            .iter()
            .take(MAX_REQUIRED)
            .map(|literal| memchr::memmem::Finder::new(literal).into_owned())
            .collect();
        // Without a text of two bytes, one of a few bytes every match holds (`[\[{]` in OkHttp's
        // body pattern), the fewest: for a pattern that may start anywhere, whose search tries
        // every start on a line without them (an anchored one fails at once, and would pay for
        // the check: Squid's `\.` cost 2.7 %).
        let required_bytes = if required.is_empty() && !anchored {
            required_classes(&hir).iter().filter_map(|set| Stops::few(set.bytes())).min_by_key(Stops::count)
        } else {
            None
        };
        let compiled = super::generated::compiled(pattern, || super::fingerprint(&insts));
        Some(Self {
            insts,
            anchored,
            slots,
            first,
            first_at_start,
            first_bytes,
            seconds,
            second_of,
            second_byte,
            required,
            required_bytes,
            skims,
            compiled,
            names: compiler.names,
            id: super::prefilter::next_id(),
        })
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
                    _ => self.push(Inst::Literal(Literal::new(&literal.0)))?,
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
                        let split = self.push(Inst::Split { first: 0, second: 0, starts: [None, None] })?;
                        self.hir(branch)?;
                        jumps.push(self.push(Inst::Jump(0))?);
                        let next = self.insts.len();
                        self.insts[split] = Inst::Split { first: split + 1, second: next, starts: [None, None] };
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
                    let split = self.push(Inst::Split { first: 0, second: 0, starts: [None, None] })?;
                    self.hir(&repetition.sub)?;
                    self.push(Inst::Jump(split))?;
                    let out = self.insts.len();
                    self.insts[split] = self.split(split + 1, out, repetition.greedy);
                } else {
                    let mut splits = Vec::new();
                    for _ in min..max {
                        splits.push(self.push(Inst::Split { first: 0, second: 0, starts: [None, None] })?);
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
        let (first, second) = if greedy { (more, out) } else { (out, more) };
        Inst::Split { first, second, starts: [None, None] }
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

/// The byte sets of the one-byte expressions every match holds (a class, a literal of one byte),
/// as [`required_literals`] finds texts.
fn required_classes(hir: &Hir) -> Vec<ByteSet> {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => byte_set(hir).into_iter().collect(),
        HirKind::Capture(capture) => required_classes(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required_classes(&repetition.sub),
        HirKind::Concat(parts) => parts.iter().flat_map(required_classes).collect(),
        _ => Vec::new(),
    }
}

fn run(set: ByteSet, min: usize, max: usize, greedy: bool) -> Inst {
    Inst::Run { stops: Stops::of(&set), set: Box::new(set), min, max, greedy, possessive: false, after: None }
}

/// The instructions that consume the first byte from `pc` on (bytes, literals, runs); `None`
/// when the program may match without consuming a byte first (then any byte may follow). An
/// end-of-line assertion consumes nothing and matches no byte: it leads nowhere; nor does a
/// start-of-line one when `past_start` (the search is past the line's first byte). Other
/// assertions only narrow what follows them, which consumes the byte: they are looked through
/// (a pattern that starts with `\b` would otherwise try every start of a line, as Faraday's did).
fn first_steps(insts: &[Inst], pc: usize, past_start: bool) -> Option<Vec<usize>> {
    let mut steps = Vec::new();
    let mut seen = vec![false; insts.len()];
    let mut todo = vec![pc];
    while let Some(pc) = todo.pop() {
        if std::mem::replace(&mut seen[pc], true) {
            continue;
        }
        match &insts[pc] {
            Inst::Byte(_) | Inst::Literal(_) => steps.push(pc),
            Inst::Run { min, .. } => {
                steps.push(pc);
                if *min == 0 {
                    todo.push(pc + 1);
                }
            }
            Inst::Split { first, second, .. } => todo.extend([*first, *second]),
            Inst::Fixed { .. } | Inst::Field { .. } => {
                unreachable!("steps are fused after the bytes that follow are known")
            }
            Inst::Jump(to) => todo.push(*to),
            Inst::Save(_) => todo.push(pc + 1),
            Inst::Assert(Assertion::End) => {}
            Inst::Assert(Assertion::Start) if past_start => {}
            Inst::Assert(_) => todo.push(pc + 1),
            Inst::Match => return None,
        }
    }
    Some(steps)
}

/// The bytes the program from `pc` on can consume first; `None` as [`first_steps`] says.
fn follow(insts: &[Inst], pc: usize, past_start: bool) -> Option<ByteSet> {
    let mut set = ByteSet([false; 256]);
    for step in first_steps(insts, pc, past_start)? {
        match &insts[step] {
            Inst::Byte(byte) => set.0[usize::from(*byte)] = true,
            Inst::Literal(literal) => set.0[usize::from(*literal.bytes.first()?)] = true,
            Inst::Run { set: run, .. } => set.add(run),
            _ => unreachable!("first steps consume a byte"),
        }
    }
    Some(set)
}

/// The one byte the sets hold between them, if they hold only one (the byte every match past the
/// line's start has second, when the sets are every first byte's seconds).
fn only_byte(sets: &[ByteSet]) -> Option<u8> {
    let mut bytes = (0..=255u8).filter(|&b| sets.iter().any(|set| set.0[usize::from(b)]));
    match (bytes.next(), bytes.next()) {
        (Some(byte), None) => Some(byte),
        _ => None,
    }
}

/// The bytes that can come second in a match that starts with `byte` past the line's start, or
/// `None` when the match may end or assert something after it (then any byte can).
fn second_after(insts: &[Inst], byte: u8) -> Option<ByteSet> {
    let mut set = ByteSet([false; 256]);
    for step in first_steps(insts, 0, true)? {
        match &insts[step] {
            Inst::Byte(first) if *first == byte => set.add(&follow(insts, step + 1, true)?),
            Inst::Literal(literal) if literal.bytes.first() == Some(&byte) => match literal.bytes.get(1) {
                Some(&second) => set.0[usize::from(second)] = true,
                None => set.add(&follow(insts, step + 1, true)?),
            },
            // (A program holds no empty literal; were there one, any byte could follow.)
            Inst::Literal(literal) if literal.bytes.is_empty() => return None,
            Inst::Run { set: run, min, max, .. } if run.0[usize::from(byte)] => {
                if *max > 1 {
                    set.add(run);
                }
                if *min <= 1 {
                    set.add(&follow(insts, step + 1, true)?);
                }
            }
            _ => {}
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

/// Positions a fixed stretch checks at most, and classes it tells apart.
const MAX_FIXED: usize = 256;

/// Replaces each stretch of two or more fixed-width instructions, none but the first a branch's
/// target, with one [`Inst::Fixed`] at its first that goes on after its last.
fn fuse_fixed(insts: &mut [Inst]) {
    let targets = targets(insts);
    let mut pc = 0;
    while pc < insts.len() {
        let mut classes: Vec<ByteSet> = Vec::new();
        let mut positions = Vec::new();
        let mut end = pc;
        while end < insts.len() && (end == pc || !targets[end]) {
            let Some(sets) = fixed_sets(&insts[end]) else { break };
            if positions.len() + sets.len() > MAX_FIXED {
                break;
            }
            for set in sets {
                let class = classes.iter().position(|known| known.0 == set.0).unwrap_or_else(|| {
                    classes.push(set);
                    classes.len() - 1
                });
                // No more classes than positions: at most 256.
                positions.push(u8::try_from(class).expect("at most 256 classes"));
            }
            end += 1;
        }
        if end - pc >= 2 {
            insts[pc] = Inst::Fixed { classes: classes.into(), positions: positions.into(), next: end };
            pc = end;
        } else {
            pc += 1;
        }
    }
}

/// The byte set at each position of a fixed-width instruction; `None` when it is not one.
fn fixed_sets(inst: &Inst) -> Option<Vec<ByteSet>> {
    let single = |byte: u8| {
        let mut set = ByteSet([false; 256]);
        set.0[usize::from(byte)] = true;
        set
    };
    match inst {
        Inst::Byte(byte) => Some(vec![single(*byte)]),
        Inst::Literal(literal) => Some(literal.bytes.iter().map(|&byte| single(byte)).collect()),
        Inst::Run { set, min, max, .. } if min == max && *max <= MAX_FIXED => Some(vec![(**set).clone(); *min]),
        _ => None,
    }
}

/// Which instructions a branch or a fused step goes on at.
fn targets(insts: &[Inst]) -> Vec<bool> {
    let mut targets = vec![false; insts.len() + 1];
    for inst in insts {
        match inst {
            Inst::Split { first, second, .. } => [*first, *second].iter().for_each(|&to| targets[to] = true),
            Inst::Jump(to) | Inst::Fixed { next: to, .. } => targets[*to] = true,
            Inst::Field(field) => targets[field.next] = true,
            _ => {}
        }
    }
    targets
}

/// Replaces each possessive run with the saves around it and the byte after it (none but the
/// first a branch's target) with one [`Inst::Field`].
fn fuse_fields(insts: &mut [Inst]) {
    let targets = targets(insts);
    let mut pc = 0;
    while pc < insts.len() {
        if let Inst::Fixed { next, .. } = insts[pc] {
            pc = next;
            continue;
        }
        let mut at = pc;
        let mut take = |matches: &dyn Fn(&Inst) -> bool| {
            let taken = at < insts.len() && (at == pc || !targets[at]) && matches(&insts[at]);
            at += usize::from(taken);
            taken.then_some(at - 1)
        };
        let slot = |inst: &Inst| if let Inst::Save(slot) = inst { Some(*slot) } else { None };
        let open = take(&|inst| slot(inst).is_some()).and_then(|pc| slot(&insts[pc]));
        let possessive = |inst: &Inst| matches!(inst, Inst::Run { possessive: true, .. });
        let Some(first) = take(&possessive) else {
            pc = at.max(pc + 1);
            continue;
        };
        // An optional byte before the run (`-?\d+`) is taken with it.
        let lead = optional_byte(&insts[first]);
        let (lead, run) = match lead.and_then(|_| take(&possessive)) {
            Some(run) => (lead, run),
            None => (None, first),
        };
        let close = take(&|inst| slot(inst).is_some()).and_then(|pc| slot(&insts[pc]));
        let then = take(&|inst| matches!(inst, Inst::Byte(_))).map(|pc| match insts[pc] {
            Inst::Byte(byte) => byte,
            _ => unreachable!("taken as a byte"),
        });
        if at - pc >= 2
            && let Inst::Run { set, stops, min, max, .. } = &insts[run]
        {
            let (set, stops, min, max) = ((**set).clone(), *stops, *min, *max);
            insts[pc] = Inst::Field(Box::new(Field { open, lead, close, set, stops, min, max, then, next: at }));
        }
        pc = at;
    }
}

/// Instructions a loop's turn may pass through and still be skimmed.
const MAX_TURN: usize = 16;

/// The [`super::Skim`] of each loop's jump back to its head, where some bytes turn the loop.
fn skims(insts: &[Inst]) -> Vec<(usize, super::Skim)> {
    let mut skims = Vec::new();
    for (pc, inst) in insts.iter().enumerate() {
        let Inst::Jump(head) = *inst else { continue };
        if head > pc || !matches!(insts[head], Inst::Split { .. }) {
            continue;
        }
        let mut set = ByteSet([false; 256]);
        for byte in 0..=255u8 {
            set.0[usize::from(byte)] = turns(insts, head, byte);
        }
        if set.0.iter().any(|&turns| turns) {
            skims.push((pc, super::Skim { stops: Stops::of(&set), set }));
        }
    }
    skims
}

/// Whether from the split at `head`, with `byte` next, the search goes through one branch only
/// (every other ruled out by its first bytes, so nothing is pushed), takes `byte` with a one-byte
/// step, and jumps straight back to `head`: one turn of a loop that leaves nothing behind. The
/// branches are decided as the search decides them.
fn turns(insts: &[Inst], head: usize, byte: u8) -> bool {
    let may_start = |starts: &Option<Box<ByteSet>>| starts.as_ref().is_none_or(|set| set.0[usize::from(byte)]);
    let mut pc = head;
    let mut taken = false;
    for _ in 0..MAX_TURN {
        match &insts[pc] {
            _ if taken && pc == head => return true,
            Inst::Split { first, second, starts: [first_starts, second_starts], .. } if !taken => {
                pc = match (may_start(first_starts), may_start(second_starts)) {
                    (false, _) => *second,
                    (true, false) => *first,
                    // A greedy loop at the pattern's end (OkHttp's URL) leaves at each turn a
                    // way out that matches at once; only the last is ever taken (the search
                    // backtracks to it first, and it cannot fail), and the head pushes it
                    // where the skim stops.
                    (true, true) if pc == head && matches_at_once(insts, *second) => *first,
                    (true, true) => return false,
                };
            }
            Inst::Byte(only) if !taken && *only == byte => (pc, taken) = (pc + 1, true),
            Inst::Run { set, min: 1, max: 1, greedy, possessive, .. }
                if !taken && (*greedy || *possessive) && set.0[usize::from(byte)] =>
            {
                (pc, taken) = (pc + 1, true);
            }
            Inst::Jump(to) => pc = *to,
            _ => return false,
        }
    }
    false
}

/// Whether the program from `pc` on matches whatever comes next: it only saves and jumps
/// on to the match.
fn matches_at_once(insts: &[Inst], mut pc: usize) -> bool {
    for _ in 0..MAX_TURN {
        match &insts[pc] {
            Inst::Match => return true,
            Inst::Save(_) => pc += 1,
            Inst::Jump(to) => pc = *to,
            _ => return false,
        }
    }
    false
}

/// The byte of a possessive run of at most one byte of one byte (`-?`).
fn optional_byte(inst: &Inst) -> Option<u8> {
    let Inst::Run { set, min: 0, max: 1, possessive: true, .. } = inst else { return None };
    let mut bytes = (0..=255u8).filter(|&byte| set.0[usize::from(byte)]);
    match (bytes.next(), bytes.next()) {
        (Some(byte), None) => Some(byte),
        _ => None,
    }
}
