//! Reading a JSON line for a summary: only the fields a summary looks at become values.
//!
//! A summary reads a call's status, method, URL, time and error; the rest of a log line (the
//! request's headers and body, the host, the level, the success body's fields) is, byte for
//! byte, most of it. [`parse`] walks the line with a small validating scanner and
//! keeps a value ([`Node`], its strings borrowed from the line) only for the paths [`Paths`]
//! keeps, so the object it returns is what the whole parse gives with the other keys left out.
//!
//! The scanner never accepts what serde_json rejects: anything it is not sure of (invalid UTF-8,
//! an escaped surrogate, a number with an exponent, deep nesting, serde_json's raw-value token)
//! makes it answer `None`, and the caller reads the line the slower way, which says why it is
//! bad. Escaped strings and numbers are decoded by serde_json itself, so they are exactly its
//! values.

mod node;
mod path_table;
mod paths;
mod skip;
mod template;

pub use bumpalo::Bump;
pub use node::{Members, Node, PathBits, path_key_bits};
use paths::Action;
pub use paths::Paths;
use template::Template;
use wide::u8x16;

/// Deeper than this, the scanner leaves the line to serde_json (whose limit is 128).
const MAX_DEPTH: usize = 100;

/// Bytes of a dotted path the scanner makes room for at once (kept paths have under 30).
const PATH_CAPACITY: usize = 48;

/// About how many keys of a call's object are kept. (Eleven members of 88 bytes stay within
/// mimalloc's small sizes, 1 KiB; twelve took its slow path for every line's object.)
const KEPT_KEYS_HINT: usize = 11;

/// The same for an object below read key by key (a first member pushed onto an empty list cost
/// twice an allocation of this room).
const NESTED_KEPT_KEYS_HINT: usize = 4;

/// serde_json's own `Value` reads an object with this key as a raw value; such a line is left to it.
const SERDE_RAW_VALUE_KEY: &[u8] = b"$serde_json::private::RawValue";

/// The object `text` holds with only the paths `paths` keeps, or `None` when `text` is not a JSON
/// object or the scanner is not sure it is valid JSON.
pub fn parse<'a>(text: &'a [u8], paths: &Paths, bump: &'a Bump) -> Option<Members<'a>> {
    // Every string is then valid UTF-8, and every byte outside strings is checked to be ASCII.
    let source = utf8(text)?;
    // Room for the deepest kept path, so it is not regrown as keys are read.
    let path = String::with_capacity(PATH_CAPACITY);
    let mut scanner = Scanner { text, source, bump, at: 0, depth: 0, paths, path };
    scanner.skip_space();
    if scanner.peek()? != b'{' {
        return None;
    }
    let object = TEMPLATE.with_borrow_mut(|template| {
        let on = template.begin(paths);
        scanner.top_object(on.then_some(template))
    })?;
    scanner.skip_space();
    (scanner.at == text.len()).then_some(object)
}

thread_local! {
    /// The keys of the last line this thread read, for the next line's.
    static TEMPLATE: std::cell::RefCell<Template> = std::cell::RefCell::new(Template::default());
}

thread_local! {
    /// The arena of a line's values, emptied and kept for the next line's.
    static LINE_BUMP: std::cell::Cell<Option<Bump>> = const { std::cell::Cell::new(None) };
}

/// Bytes of arena a thread keeps between lines at most: a line of megabytes does not leave its
/// arena's memory behind.
const MAX_KEPT_BUMP_BYTES: usize = 1 << 20;

/// `read` with an arena for the values it reads: this thread's, emptied, unless it is in use (a
/// value read while another is; then one of its own).
pub fn with_bump<R>(read: impl FnOnce(&Bump) -> R) -> R {
    let mut bump = LINE_BUMP.take().unwrap_or_default();
    let result = read(&bump);
    if bump.allocated_bytes() <= MAX_KEPT_BUMP_BYTES {
        bump.reset();
        LINE_BUMP.set(Some(bump));
    }
    result
}

/// An arena that lives as long as the test that asks for it.
#[cfg(test)]
pub fn leaked_bump() -> &'static Bump {
    Box::leak(Box::default())
}

/// The JSON value `text` holds, whole, or `None` when it is not one or the scanner is not sure
/// it is valid JSON.
pub fn parse_value<'a>(text: &'a [u8], bump: &'a Bump) -> Option<Node<'a>> {
    static NO_PATHS: std::sync::LazyLock<Paths> = std::sync::LazyLock::new(|| Paths::new([], [], []));
    let source = utf8(text)?;
    let mut scanner = Scanner { text, source, bump, at: 0, depth: 0, paths: &NO_PATHS, path: String::new() };
    scanner.skip_space();
    let value = scanner.build_value()?;
    scanner.skip_space();
    (scanner.at == text.len()).then_some(value)
}

struct Scanner<'a, 'p> {
    text: &'a [u8],
    /// The same text as a `str`: strings are cut from it at their quotes, which are character
    /// boundaries, without checking their UTF-8 again.
    source: &'a str,
    /// Where the lists and decoded strings of the values kept are made.
    bump: &'a Bump,
    at: usize,
    depth: usize,
    paths: &'p Paths,
    /// The dotted path of the object being read.
    path: String,
}

impl<'a> Scanner<'a, '_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        self.at = skip::space_end(self.text, self.at);
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Reads the line's object at `{`, keeping what the paths ask for. A key written as the key
    /// at its place in the last line's object is taken as that key ([`Template`]).
    fn top_object(&mut self, mut template: Option<&mut Template>) -> Option<Members<'a>> {
        // Room for what a call line keeps, so the list is not regrown key by key.
        let mut object = Members::with_capacity_in(KEPT_KEYS_HINT, self.bump);
        if self.open(b'}')? {
            return Some(object);
        }
        for index in 0.. {
            self.skip_space();
            let start = self.at;
            let known = template.as_deref().and_then(|template| template.recognize(index, self.text, start));
            let (key, action) = match known {
                Some(known) => {
                    self.at += known.written;
                    // Past the opening quote, before the closing quote and the colon.
                    (self.source.get(start + 1..self.at - 2)?, known.action)
                }
                None => {
                    let key = self.key()?;
                    self.eat(b':')?;
                    let action = self.paths.action(key, false);
                    if let Some(template) = template.as_deref_mut() {
                        template.learn(index, &self.text[start..self.at], key, action);
                    }
                    (key, action)
                }
            };
            self.skip_space();
            // A top-level key is its own path; only an object read below needs it written.
            if matches!(action, Action::Descend { .. }) {
                self.path.push_str(key);
            }
            self.member_into(action, key, &mut object)?;
            self.path.clear();
            if self.end_of_member(b'}')? {
                return Some(object);
            }
        }
        None
    }

    /// Reads an object below the line's at `{`, keeping what the paths below `self.path` (its
    /// own) ask for.
    fn object(&mut self, inside_kept: bool) -> Option<Members<'a>> {
        // An object below, read key by key, keeps one or two (a request's or response's headers
        // and body).
        self.members(NESTED_KEPT_KEYS_HINT, |scanner, key, object| {
            let parent_len = scanner.path.len();
            scanner.path.push('.');
            scanner.path.push_str(key);
            let action = scanner.paths.action(&scanner.path, inside_kept);
            let read = scanner.member_into(action, key, object);
            scanner.path.truncate(parent_len);
            read
        })
    }

    /// The value at the cursor as `action` asks, added to `object` as `key`'s unless it is passed
    /// over. (Added here, not handed back: a value handed back was copied twice more.)
    // Inlined: as a call, its arguments and result cost a member some 30 instructions.
    #[inline(always)]
    fn member_into(&mut self, action: Action, key: &'a str, object: &mut Members<'a>) -> Option<()> {
        let value = match action {
            // A string (most values passed over) read here, not through a call.
            Action::Skip if self.peek()? == b'"' => return self.skip_string().map(|_| ()),
            Action::Skip => return self.skip_value(),
            Action::BuildText if matches!(self.peek()?, b'{' | b'[') => {
                let start = self.at;
                self.skip_value()?;
                Node::String(self.source.get(start..self.at)?)
            }
            Action::Headers => self.headers()?,
            Action::Descend { inside_kept } if self.peek()? == b'{' => Node::Object(self.object(inside_kept)?),
            // Paths do not reach into arrays or scalars: a value there is kept whole (a string,
            // most of them, read here rather than through a call).
            Action::Build | Action::BuildText | Action::Descend { .. } if self.peek()? == b'"' => {
                self.build_string()?
            }
            Action::Build | Action::BuildText | Action::Descend { .. } => self.build_value()?,
        };
        object.insert(key, value);
        Some(())
    }

    /// Reads the object at `{`, keeping what `each` adds to it for each key.
    fn members(
        &mut self,
        capacity: usize,
        mut each: impl FnMut(&mut Self, &'a str, &mut Members<'a>) -> Option<()>,
    ) -> Option<Members<'a>> {
        let mut object = Members::with_capacity_in(capacity, self.bump);
        if self.open(b'}')? {
            return Some(object);
        }
        loop {
            self.skip_space();
            let key = self.key()?;
            self.eat(b':')?;
            self.skip_space();
            each(self, key, &mut object)?;
            if self.end_of_member(b'}')? {
                return Some(object);
            }
        }
    }

    /// Headers at the cursor, with only the wanted ones.
    fn headers(&mut self) -> Option<Node<'a>> {
        let paths = self.paths;
        match self.peek()? {
            b'{' => {
                let object = self.members(0, |scanner, name, object| {
                    if paths.header_names.iter().any(|wanted| name.eq_ignore_ascii_case(wanted)) {
                        object.insert(name, scanner.build_value()?);
                        Some(())
                    } else if scanner.peek()? == b'"' {
                        // Most headers' values are strings: passed over here, not through a call.
                        scanner.skip_string().map(|_| ())
                    } else {
                        scanner.skip_value()
                    }
                })?;
                Some(Node::Object(object))
            }
            b'[' => {
                let mut items = node::arena_vec(0, self.bump);
                if self.open(b']')? {
                    return Some(Node::Array(items));
                }
                loop {
                    self.skip_space();
                    let start = self.at;
                    self.skip_value()?;
                    let item = &self.text[start..self.at];
                    // An item that does not spell a wanted name anywhere cannot be that header;
                    // an escape could spell one in disguise.
                    if item.contains(&b'\\') || mentions_any(item, &paths.header_names, &paths.header_starts) {
                        self.at = start;
                        items.push(self.build_value()?);
                    }
                    if self.end_of_member(b']')? {
                        return Some(Node::Array(items));
                    }
                }
            }
            _ => self.build_value(),
        }
    }

    /// After a member of an object or array: `true` at its end (passed over), `false` at a comma.
    fn end_of_member(&mut self, close: u8) -> Option<bool> {
        self.skip_space();
        match self.peek()? {
            b',' => {
                self.at += 1;
                Some(false)
            }
            byte if byte == close => {
                self.at += 1;
                self.depth -= 1;
                Some(true)
            }
            _ => None,
        }
    }

    /// Steps into the object or array at the cursor, which ends with `close`: `true` when it is
    /// empty (and already stepped out of).
    fn open(&mut self, close: u8) -> Option<bool> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        self.skip_space();
        if self.peek()? == close {
            self.at += 1;
            self.depth -= 1;
            return Some(true);
        }
        Some(false)
    }

    /// An object key, decoded.
    // Inlined, as `key_raw` is: a key is some ten bytes, and a call's saving and restoring of
    // registers cost about as much as passing over it.
    #[inline(always)]
    fn key(&mut self) -> Option<&'a str> {
        let (start, escaped) = self.key_raw()?;
        let (text, source): (&'a [u8], &'a str) = (self.text, self.source);
        if escaped {
            serde_json::from_slice::<String>(&text[start..self.at]).ok().map(|key| &*self.bump.alloc_str(&key))
        } else {
            source.get(start + 1..self.at - 1)
        }
    }

    /// The value at the cursor, whole. What has escapes, and numbers, serde_json decodes once the
    /// scanner has checked and measured them.
    fn build_value(&mut self) -> Option<Node<'a>> {
        let start = self.at;
        let node = match self.peek()? {
            b'"' => self.build_string()?,
            b'{' => Node::Object(self.members(0, |scanner, key, object| {
                object.insert(key, scanner.build_value()?);
                Some(())
            })?),
            b'[' => Node::Array(self.items()?),
            b't' => self.skip_literal(b"true").map(|()| Node::Bool(true))?,
            b'f' => self.skip_literal(b"false").map(|()| Node::Bool(false))?,
            b'n' => self.skip_literal(b"null").map(|()| Node::Null)?,
            b'-' | b'0'..=b'9' => {
                self.skip_number()?;
                let raw = self.source.get(start..self.at)?;
                // A plain integer (a status) is read here, as serde_json reads it: a u64 when it fits.
                match raw.parse::<u64>() {
                    Ok(integer) => Node::Number(integer.into()),
                    Err(_) => Node::Number(serde_json::from_str(raw).ok()?),
                }
            }
            _ => return None,
        };
        Some(node)
    }

    /// The string at `"`, borrowed from the line where it holds no escape.
    #[inline(always)]
    fn build_string(&mut self) -> Option<Node<'a>> {
        let start = self.at;
        let escaped = self.skip_string()?;
        let node = if escaped {
            let decoded: String = serde_json::from_str(self.source.get(start..self.at)?).ok()?;
            Node::String(self.bump.alloc_str(&decoded))
        } else {
            Node::String(self.source.get(start + 1..self.at - 1)?)
        };
        Some(node)
    }

    /// The array at `[`, whole.
    fn items(&mut self) -> Option<node::ArenaVec<'a, Node<'a>>> {
        let mut items = node::arena_vec(0, self.bump);
        if self.open(b']')? {
            return Some(items);
        }
        loop {
            self.skip_space();
            items.push(self.build_value()?);
            if self.end_of_member(b']')? {
                return Some(items);
            }
        }
    }

    /// Checks and passes over the value at the cursor.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string().map(|_| ()),
            b'{' | b'[' => {
                self.at = skip::container_end(self.text, self.at, self.depth)?;
                Some(())
            }
            b't' => self.skip_literal(b"true"),
            b'f' => self.skip_literal(b"false"),
            b'n' => self.skip_literal(b"null"),
            b'-' | b'0'..=b'9' => self.skip_number(),
            _ => None,
        }
    }

    /// Passes over a key, checked but not decoded: where it starts and whether it holds escapes.
    // Inlined: see `key`.
    #[inline(always)]
    fn key_raw(&mut self) -> Option<(usize, bool)> {
        let start = self.at;
        let (end, escaped) = skip::key_string_end(self.text, start)?;
        self.at = end;
        Some((start, escaped))
    }

    /// Passes over the string at `"`; whether it holds escapes.
    #[inline(always)]
    fn skip_string(&mut self) -> Option<bool> {
        let (end, escaped) = skip::string_end(self.text, self.at)?;
        self.at = end;
        Some(escaped)
    }

    fn skip_literal(&mut self, literal: &[u8]) -> Option<()> {
        self.at = skip::literal_end(self.text, self.at, literal)?;
        Some(())
    }

    fn skip_number(&mut self) -> Option<()> {
        self.at = skip::number_end(self.text, self.at)?;
        Some(())
    }
}

/// `text` as a `str`, checked with SIMD (most of a line's UTF-8 check is in long ASCII runs).
fn utf8(text: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(text).ok()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `word` below `limit` (at most 128), as their high bits: the borrow of the
/// subtraction sets them. Bytes above the first such byte may be set wrongly, the lowest is exact.
fn bytes_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH_BITS
}

/// Where the first quote, backslash or control character at or after `at` is, sixteen bytes and
/// then eight at a time (most of a string); near the end of `text`, possibly short of it (the
/// caller looks at the remaining bytes one by one).
#[inline(always)]
fn next_special(text: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = text.get(at..at + 16) {
        let bytes = u8x16::new(chunk.try_into().expect("sixteen bytes"));
        let control = bytes.max(u8x16::splat(0x1F)).cmp_eq(u8x16::splat(0x1F));
        let found = bytes.cmp_eq(u8x16::splat(b'"')) | bytes.cmp_eq(u8x16::splat(b'\\')) | control;
        let found = found.move_mask();
        if found != 0 {
            return at + found.trailing_zeros() as usize;
        }
        at += 16;
    }
    if let Some(chunk) = text.get(at..at + 8) {
        let found = special_bytes(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        return at + if found != 0 { found.trailing_zeros() as usize / 8 } else { 8 };
    }
    at
}

/// Where in eight bytes of a string (little-endian) the first quote, backslash or control
/// character is.
#[cfg(test)]
fn first_special(word: u64) -> Option<usize> {
    let found = special_bytes(word);
    (found != 0).then(|| found.trailing_zeros() as usize / 8)
}

/// The high bits of the quotes, backslashes and control characters in eight bytes of a string
/// (exact for the lowest such byte).
fn special_bytes(word: u64) -> u64 {
    bytes_below(word ^ (ONES * u64::from(b'"')), 1)
        | bytes_below(word ^ (ONES * u64::from(b'\\')), 1)
        | bytes_below(word, 0x20)
}

/// Whether `text` holds one of `names`, in any case. Most bytes cannot start a name, which one
/// look at `starts` (the names' first bytes, both cases) tells.
fn mentions_any(text: &[u8], names: &[&str], starts: &[bool; 256]) -> bool {
    text.iter().enumerate().any(|(at, byte)| {
        starts[usize::from(*byte)]
            && names.iter().any(|name| {
                text.get(at..at + name.len()).is_some_and(|window| window.eq_ignore_ascii_case(name.as_bytes()))
            })
    })
}

#[cfg(test)]
mod tests;
