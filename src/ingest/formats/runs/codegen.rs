//! Writes the bundled patterns' searches as Rust code: [`super::generated`], which a test keeps
//! equal to what this writes from the bundled definitions.
//!
//! A program's thread steps through its instructions: at each step a dispatch on the instruction,
//! then its operands read through the instruction (is the run possessive, are its stops one byte
//! or two, is there a slot to save). The generated code is the same steps with the operands
//! written in: a block of straight code from each instruction a thread can arrive at by a jump,
//! a branch or backtracking, which goes from one block to the next as the program does. What the
//! program computes at a step, the code computes with the same functions, so the two find the same
//! matches; the tests and the `format_engine` fuzz target compare both with the regex crate.

use std::fmt::Write;

use super::{Assertion, ByteSet, Field, Inst, Program, Stops};

/// The generated module for `patterns` (each once, in order).
pub fn module_of(patterns: &[&str]) -> String {
    let mut sets = Sets::default();
    let mut functions = String::new();
    let mut table = String::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let program = Program::compile(pattern).expect("a bundled pattern has a program");
        let name = format!("search_{index}");
        functions.push_str(&function(&name, pattern, &program, &mut sets));
        // Quoted as Rust quotes a string (a raw string cannot hold a carriage return).
        writeln!(table, "        {pattern:?} => ({name}, {:#018x}),", super::fingerprint(&program.insts))
            .expect("a string");
    }
    let mut out = String::from(HEADER);
    out.push_str(
        "/// The generated search of `pattern`, when it is a bundled pattern whose program's\n\
         /// `fingerprint` is the one the code was written from.\n\
         pub(super) fn compiled(pattern: &str, fingerprint: impl FnOnce() -> u64) -> Option<Compiled> {\n    \
         let (search, expected): (Compiled, u64) = match pattern {\n",
    );
    out.push_str(&table);
    out.push_str("        _ => return None,\n    };\n    (fingerprint() == expected).then_some(search)\n}\n");
    for (index, set) in sets.0.iter().enumerate() {
        let ranges: Vec<String> =
            ranges(set).iter().map(|&(first, last)| format!("({}, {})", byte(first), byte(last))).collect();
        write!(out, "\nconst SET_{index}: ByteSet = ByteSet::of_ranges(&[{}]);", ranges.join(", ")).expect("a string");
    }
    out.push('\n');
    out.push_str(&functions);
    out
}

const HEADER: &str = "\
//! The bundled patterns' searches as Rust code, written by `runs::codegen` (do not edit: after a
//! change to a bundled pattern or to the compiler, `ERRLENS_WRITE_GENERATED=1 cargo test
//! generated_code` writes it again). A pattern not here, or whose program has changed since, is
//! stepped through by its program; both find what the regex crate finds.

// Every program's code has the same shape: a program of one block never loops, nor changes its
// place, nor returns from anywhere but its end, and a short one may never charge its budget.
#![allow(unused_mut, unused_variables, clippy::never_loop, clippy::needless_return)]

use super::{Assertion, ByteSet, Compiled, Cursor, Ended, Found, Frame, Program, Scratch, Stops};
use super::{charge, holds, literal_at, save};

";

/// The byte sets the code names, each once.
#[derive(Default)]
struct Sets(Vec<ByteSet>);

impl Sets {
    /// The name of `set`'s constant.
    fn name(&mut self, set: &ByteSet) -> String {
        let index = self.0.iter().position(|known| known.0 == set.0).unwrap_or_else(|| {
            self.0.push(set.clone());
            self.0.len() - 1
        });
        format!("SET_{index}")
    }
}

/// `set`'s bytes as inclusive ranges, in order.
fn ranges(set: &ByteSet) -> Vec<(u8, u8)> {
    let mut ranges: Vec<(u8, u8)> = Vec::new();
    for byte in set.bytes() {
        match ranges.last_mut() {
            Some((_, last)) if usize::from(*last) + 1 == usize::from(byte) => *last = byte,
            _ => ranges.push((byte, byte)),
        }
    }
    ranges
}

/// A byte as Rust: `b'x'` when printable, else in hex.
fn byte(byte: u8) -> String {
    match byte {
        b'\'' | b'\\' => format!("b'\\{}'", char::from(byte)),
        b' '..=b'~' => format!("b'{}'", char::from(byte)),
        _ => format!("0x{byte:02x}"),
    }
}

fn stops(stops: Stops) -> String {
    match stops {
        Stops::One(a) => format!("Stops::One({})", byte(a)),
        Stops::Two(a, b) => format!("Stops::Two({}, {})", byte(a), byte(b)),
        Stops::Three(a, b, c) => format!("Stops::Three({}, {}, {})", byte(a), byte(b), byte(c)),
        Stops::Below(bound) => format!("Stops::Below({bound})"),
        Stops::Many => "Stops::Many".to_string(),
    }
}

/// Where a thread goes on after the instruction at `pc` when it does not fail there: one place,
/// two (a branch), or none (a match).
fn successors(insts: &[Inst], pc: usize) -> Vec<usize> {
    match &insts[pc] {
        Inst::Byte(_) | Inst::Literal(_) | Inst::Run { .. } | Inst::Save(_) | Inst::Assert(_) => vec![pc + 1],
        Inst::Fixed { next, .. } => vec![*next],
        Inst::Field(field) => vec![field.next],
        Inst::Jump(to) => vec![*to],
        Inst::Split { first, second, .. } => vec![*first, *second],
        Inst::Match => Vec::new(),
    }
}

/// Which instructions start a block: where a thread starts (the first, and where backtracking
/// resumes: a branch's targets, after a run that may end elsewhere), where a jump lands, and
/// where two ways meet. Every other instruction a thread reaches is reached from one place, in
/// whose block it is written.
fn leaders(insts: &[Inst]) -> Vec<bool> {
    let mut reached = vec![false; insts.len()];
    let mut arrivals = vec![0usize; insts.len()];
    let mut leaders = vec![false; insts.len()];
    leaders[0] = true;
    let mut todo = vec![0];
    reached[0] = true;
    while let Some(pc) = todo.pop() {
        let next = successors(insts, pc);
        let branches = matches!(insts[pc], Inst::Split { .. } | Inst::Jump(_))
            || matches!(insts[pc], Inst::Run { possessive: false, .. });
        for to in next {
            arrivals[to] += 1;
            leaders[to] |= branches;
            if !std::mem::replace(&mut reached[to], true) {
                todo.push(to);
            }
        }
    }
    for pc in 0..insts.len() {
        leaders[pc] |= reached[pc] && arrivals[pc] != 1;
    }
    leaders
}

/// The search of one program as a function named `name`.
fn function(name: &str, pattern: &str, program: &Program, sets: &mut Sets) -> String {
    let insts = &program.insts;
    let leaders = leaders(insts);
    let mut out = String::new();
    // As written, but for control characters: a pattern may hold a line break.
    let shown: String =
        pattern.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect();
    writeln!(out, "\n// {shown}").expect("a string");
    writeln!(
        out,
        "fn {name}(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {{"
    )
    .expect("a string");
    writeln!(out, "    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {{")
        .expect("a string");
    out.push_str("        let Cursor { mut pc, mut at, mut stretch } = *cursor;\n");
    out.push_str("        loop {\n            match pc {\n");
    for leader in (0..insts.len()).filter(|&pc| leaders[pc]) {
        writeln!(out, "                {leader} => {{").expect("a string");
        let mut block = Block { out: String::new(), sets, program };
        block.from(leader, &leaders);
        out.push_str(&block.out);
        out.push_str("                }\n");
    }
    // No thread starts elsewhere (backtracking resumes at a block's start); were one to, the
    // search would give up and the regex crate read the line.
    out.push_str("                _ => return Ended::GaveUp,\n");
    out.push_str("            }\n        }\n    })\n}\n");
    out
}

/// The longest run of exactly `n` bytes that is checked byte for byte against its set rather than
/// scanned for its end (which also counts its length).
const MAX_UNROLLED: usize = 8;

/// The code of a block being written.
struct Block<'a> {
    out: String,
    sets: &'a mut Sets,
    program: &'a Program,
}

impl Block<'_> {
    fn line(&mut self, code: &str) {
        self.out.push_str("                    ");
        self.out.push_str(code);
        self.out.push('\n');
    }

    /// The code from `pc` on, until it goes to another block.
    fn from(&mut self, mut pc: usize, leaders: &[bool]) {
        loop {
            let Some(next) = self.step(pc) else { return };
            if leaders[next] {
                self.line(&format!("pc = {next};"));
                self.line("continue;");
                return;
            }
            pc = next;
        }
    }

    /// The code of the instruction at `pc`; where it goes on when it goes on to one place
    /// (`None` when the code goes elsewhere itself).
    fn step(&mut self, pc: usize) -> Option<usize> {
        let fail = format!("{{ *cursor = Cursor {{ pc: {pc}, at, stretch }}; return Ended::Failed; }}");
        match &self.program.insts[pc] {
            Inst::Byte(b) => {
                self.line(&format!("if line.get(at) != Some(&{}) {fail}", byte(*b)));
                self.line("at += 1;");
            }
            Inst::Literal(literal) => {
                let bytes: String =
                    literal.bytes.iter().flat_map(|&b| std::ascii::escape_default(b)).map(char::from).collect();
                self.line(&format!(
                    "if !literal_at(line, at, b\"{bytes}\", {:#x}, {:#x}) {fail}",
                    literal.word, literal.mask
                ));
                self.line(&format!("at += {};", literal.bytes.len()));
            }
            Inst::Run { set, stops, min, max, greedy, possessive, .. } => {
                self.run(pc, set, *stops, *min, *max, *greedy || *possessive, *possessive, &fail);
            }
            Inst::Split { first, second, starts: [first_starts, second_starts] } => {
                self.line(&format!("if !charge(budget, {} - stretch) {{ return Ended::GaveUp; }}", pc + 1));
                if let Some(starts) = first_starts {
                    let set = self.sets.name(starts);
                    self.line(&format!("if !{set}.may_start(line, at) {{"));
                    self.line(&format!("    pc = {second};"));
                    self.line(&format!("    stretch = {second};"));
                    self.line("    continue;");
                    self.line("}");
                }
                match second_starts {
                    Some(starts) => {
                        let set = self.sets.name(starts);
                        self.line(&format!("if {set}.may_start(line, at) {{"));
                        self.line(&format!("    stack.push(Frame::Try {{ pc: {second}, at }});"));
                        self.line("}");
                    }
                    None => self.line(&format!("stack.push(Frame::Try {{ pc: {second}, at }});")),
                }
                self.line(&format!("pc = {first};"));
                self.line(&format!("stretch = {first};"));
                self.line("continue;");
                return None;
            }
            Inst::Fixed { classes, positions, next } => {
                self.line(&format!("let Some(here) = line.get(at..at + {}) else {fail};", positions.len()));
                let checks: Vec<String> = positions
                    .iter()
                    .enumerate()
                    .map(|(at, &class)| {
                        let class = &classes[usize::from(class)];
                        match ranges(class)[..] {
                            [(first, last)] if first == last => format!("here[{at}] == {}", byte(first)),
                            _ => format!("{}.0[usize::from(here[{at}])]", self.sets.name(class)),
                        }
                    })
                    .collect();
                self.line(&format!("if !({}) {fail}", checks.join(" && ")));
                self.line(&format!("at += {};", positions.len()));
                return Some(*next);
            }
            Inst::Field(field) => {
                self.field(field, &fail);
                return Some(field.next);
            }
            Inst::Jump(to) => {
                if *to < pc {
                    self.line(&format!("*budget = budget.saturating_sub({} - stretch);", pc + 1));
                    self.line(&format!("stretch = {to};"));
                    if let Some((_, skim)) = self.program.skims.iter().find(|(at, _)| *at == pc) {
                        let set = self.sets.name(&skim.set);
                        self.line(&format!("let taken = {}.run_length(&{set}, &line[at..]);", stops(skim.stops)));
                        self.line("*budget = budget.saturating_sub(taken / 8);");
                        self.line("at += taken;");
                    }
                }
                self.line(&format!("pc = {to};"));
                self.line("continue;");
                return None;
            }
            Inst::Save(slot) => self.line(&format!("save(stack, slots, {slot}, at);")),
            Inst::Assert(assertion) => {
                let assertion = match assertion {
                    Assertion::Start => "Start",
                    Assertion::End => "End",
                    Assertion::WordBoundary => "WordBoundary",
                    Assertion::NotWordBoundary => "NotWordBoundary",
                };
                self.line(&format!("if !holds(Assertion::{assertion}, line, at) {fail}"));
            }
            Inst::Match => {
                self.line("return Ended::Matched;");
                return None;
            }
        }
        Some(pc + 1)
    }

    /// A run of `min..=max` bytes of `set` (see [`Inst::Run`]); `longest` when it takes its
    /// longest first (greedy or possessive).
    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        pc: usize,
        set: &ByteSet,
        stops: Stops,
        min: usize,
        max: usize,
        longest: bool,
        possessive: bool,
        fail: &str,
    ) {
        let name = self.sets.name(set);
        if !longest {
            // Written as `usize::MAX` where it is: the number is too large for a 32-bit `usize`.
            let left = match (max, min) {
                (usize::MAX, 0) => "usize::MAX".to_string(),
                (usize::MAX, _) => format!("usize::MAX - {min}"),
                _ => (max - min).to_string(),
            };
            if min > 0 {
                self.line(&format!(
                    "if line.len() - at < {min} || !line[at..at + {min}].iter().all(|&b| {name}.0[usize::from(b)]) {fail}"
                ));
                self.line(&format!("at += {min};"));
            }
            self.line(&format!("stack.push(Frame::Longer {{ run: {pc}, at, left: {left} }});"));
            return;
        }
        if possessive && max == 1 {
            // One byte, or at most one.
            let holds = format!("line.get(at).is_some_and(|&b| {name}.0[usize::from(b)])");
            if min == 1 {
                self.line(&format!("if !{holds} {fail}"));
                self.line("at += 1;");
            } else {
                self.line(&format!("if {holds} {{"));
                self.line("    at += 1;");
                self.line("}");
            }
            return;
        }
        self.take_run(&name, stops, min, max, fail);
        if !possessive && min < max {
            self.line(&format!(
                "if taken > {min} {{ stack.push(Frame::Shorter {{ next: {}, low: {}, at: at + taken }}); }}",
                pc + 1,
                if min == 0 { "at".to_string() } else { format!("at + {min}") }
            ));
        }
        self.line("at += taken;");
    }

    /// `taken`: the longest run from `at` of up to `max` bytes of the set named `name`,
    /// failing when it is shorter than `min`.
    fn take_run(&mut self, name: &str, stops_of: Stops, min: usize, max: usize, fail: &str) {
        if min == max && max <= MAX_UNROLLED {
            // Exactly `n` bytes (`\d{3}`): each checked, none scanned for.
            self.line(&format!(
                "if !line.get(at..at + {max}).is_some_and(|here| here.iter().all(|&b| {name}.0[usize::from(b)])) {fail}"
            ));
            self.line(&format!("let taken = {max};"));
            if max >= 8 {
                // As a scanned run charges its bytes.
                self.line(&format!("*budget = budget.saturating_sub({});", max / 8));
            }
            return;
        }
        let hay = if max == usize::MAX {
            "&line[at..]".to_string()
        } else {
            self.line(&format!("let room = (line.len() - at).min({max});"));
            "&line[at..at + room]".to_string()
        };
        self.line(&format!("let taken = {}.run_length(&{name}, {hay});", stops(stops_of)));
        if max >= 8 {
            self.line("*budget = budget.saturating_sub(taken / 8);");
        }
        if min > 0 {
            self.line(&format!("if taken < {min} {fail}"));
        }
    }

    /// A field: see [`Field`].
    fn field(&mut self, field: &Field, fail: &str) {
        let Field { open, close, lead, set, stops, min, max, then, .. } = field;
        if let Some(slot) = open {
            self.line(&format!("save(stack, slots, {slot}, at);"));
        }
        if let Some(lead) = lead {
            self.line(&format!("if line.get(at) == Some(&{}) {{", byte(*lead)));
            self.line("    at += 1;");
            self.line("}");
        }
        let name = self.sets.name(set);
        self.take_run(&name, *stops, *min, *max, fail);
        self.line("at += taken;");
        if let Some(slot) = close {
            self.line(&format!("save(stack, slots, {slot}, at);"));
        }
        if let Some(then) = then {
            self.line(&format!("if line.get(at) != Some(&{}) {fail}", byte(*then)));
            self.line("at += 1;");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::formats::bundled_patterns;
    use crate::ingest::formats::runs::{Found, Scratch, fingerprint, generated};

    #[test]
    fn generated_code_is_what_the_bundled_patterns_compile_to() {
        let written = module_of(&bundled_patterns());
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest/formats/runs/generated.rs");
        if std::env::var_os("ERRLENS_WRITE_GENERATED").is_some() {
            std::fs::write(&path, &written).expect("generated.rs written");
        }
        let kept = std::fs::read_to_string(&path).expect("generated.rs");
        assert!(
            kept == written,
            "{} is not what the bundled patterns compile to: run `ERRLENS_WRITE_GENERATED=1 cargo test \
             generated_code`, then the tests again (a run is built with the file as it was)",
            path.display()
        );
    }

    #[test]
    fn code_is_taken_only_by_the_program_it_was_written_from() {
        for pattern in bundled_patterns() {
            let program = Program::compile(pattern).expect("a program");
            assert!(program.has_generated_code(), "{pattern:?}");
            let fingerprint = fingerprint(&program.insts);
            assert!(generated::compiled(pattern, || fingerprint).is_some());
            assert!(generated::compiled(pattern, || fingerprint ^ 1).is_none(), "{pattern:?}");
            assert!(generated::compiled(&format!("{pattern} "), || fingerprint).is_none());
        }
    }

    /// Every line of the samples and of the real logs beside the checkout (when they are there),
    /// each also cut short at a third and at two: lines that fail deep into a pattern.
    fn lines() -> Vec<Vec<u8>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut lines = Vec::new();
        for dir in [root.join("sample-logs"), root.join("../shared/real-logs")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.flatten().map(|entry| entry.path()) {
                let Ok(bytes) = std::fs::read(&path) else { continue };
                for line in bytes.split(|&b| b == b'\n') {
                    lines.extend([line.len() / 3, 2 * line.len() / 3].map(|end| line[..end].to_vec()));
                    lines.push(line.to_vec());
                }
            }
        }
        lines
    }

    #[test]
    fn generated_code_finds_what_the_program_finds_stepping_through() {
        let lines = lines();
        // The samples alone are some 23,000 lines; with the real logs, 566,000.
        let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real-logs").is_dir();
        assert!(lines.len() > if real { 500_000 } else { 20_000 }, "{} lines", lines.len());
        let (mut generated, mut matched) = (0, 0);
        for pattern in bundled_patterns() {
            let compiled = Program::compile(pattern).expect("a program");
            let mut stepped = Program::compile(pattern).expect("a program");
            if compiled.compiled.is_none() {
                continue;
            }
            generated += 1;
            stepped.compiled = None;
            let (mut by_code, mut by_steps) = (Scratch::default(), Scratch::default());
            for line in &lines {
                let found = compiled.search(line, &mut by_code);
                assert_eq!(
                    found,
                    stepped.search(line, &mut by_steps),
                    "{pattern:?} on {:?}",
                    String::from_utf8_lossy(line)
                );
                if found == Found::Match {
                    matched += 1;
                    assert_eq!(by_code.slots, by_steps.slots, "{pattern:?} on {:?}", String::from_utf8_lossy(line));
                }
            }
        }
        assert_eq!(generated, bundled_patterns().len(), "every bundled pattern has its code");
        assert!(matched > if real { 10_000 } else { 1_000 }, "{matched} matches");
    }
}
