//! The values the scanner keeps: strings borrowed from the line where they hold no escape,
//! objects as a short list of members (a call keeps a dozen keys at most: a list is cheaper
//! to fill, search and drop than a hashed map).
//!
//! Lists and decoded strings are made in an arena ([`Bump`]) that lives as long as the line:
//! nothing a value holds needs dropping, and the arena is emptied at once for the next line.
//! (Each line's objects were allocated and freed one by one, their members dropped one by one:
//! some 6 % of reading an NDJSON line.)

use crate::ingest::json_value::{JsonObject, JsonValue, Shape};
use bumpalo::Bump;
use bumpalo::collections::Vec as BumpVec;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::mem::ManuallyDrop;

/// A list in the line's arena, never dropped: its memory goes with the arena's, and its items
/// hold nothing else (no value here has drop glue, as the assertion below checks). Dropping a
/// line's values walked every list for nothing, out of line where the compiler did not inline
/// the drop: 1.7 % of the bench's NDJSON lines' instructions, 3 % of logfmt's.
pub type ArenaVec<'a, T> = ManuallyDrop<BumpVec<'a, T>>;

// What makes never dropping a line's values sound: none of them owns memory outside the arena.
const _: () = assert!(!std::mem::needs_drop::<Node<'static>>(), "a kept value must not own memory");

/// An empty [`ArenaVec`] in `bump`, with room for `capacity` items.
pub fn arena_vec<'a, T>(capacity: usize, bump: &'a Bump) -> ArenaVec<'a, T> {
    ManuallyDrop::new(BumpVec::with_capacity_in(capacity, bump))
}

/// A kept JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(&'a str),
    Array(ArenaVec<'a, Node<'a>>),
    Object(Members<'a>),
}

/// A kept JSON object: its members in the order their keys were first written.
#[derive(Debug, Clone)]
pub struct Members<'a> {
    members: ArenaVec<'a, Member<'a>>,
    /// The bits of all keys: a key whose bit is clear is not there.
    seen: KeyBits,
    /// The bits of the keys that hold objects: only those can lead a dotted path further (most
    /// objects of a log line hold none, and many alias paths go through `error.` or `request.`).
    objects: KeyBits,
}

#[derive(Debug, Clone, PartialEq)]
struct Member<'a> {
    /// One bit chosen by the key's length and ends: keys with other bits are not compared.
    bit: u8,
    key: &'a str,
    value: Node<'a>,
}

impl<'a> Members<'a> {
    /// An empty object in `bump`, with room for `capacity` members.
    pub fn with_capacity_in(capacity: usize, bump: &'a Bump) -> Self {
        Self { members: arena_vec(capacity, bump), seen: KeyBits::default(), objects: KeyBits::default() }
    }

    /// Adds a member; a key written again keeps its place and takes the new value, as in
    /// serde_json's ordered map. (Inlined: its call cost a JSON member as much as a short key's
    /// reading.)
    #[inline(always)]
    pub fn insert(&mut self, key: &'a str, value: Node<'a>) {
        let bit = key_bit(key);
        if self.seen.has(bit)
            && let Some(member) = self.members.iter_mut().find(|member| member.bit == bit && member.key == key)
        {
            // A key that held an object and is written again with another shape keeps its bit:
            // a bit set for nothing only costs a lookup.
            if matches!(value, Node::Object(_)) {
                self.objects.set(bit);
            }
            member.value = value;
            return;
        }
        self.seen.set(bit);
        if matches!(value, Node::Object(_)) {
            self.objects.set(bit);
        }
        self.members.push(Member { bit, key, value });
    }
}

impl PartialEq for Members<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.members == other.members
    }
}

/// The bits of the keys a dotted path's lookup asks an object for (see `fields::lookup`): the
/// path whole, holding any value, and each part before a dot, holding an object. An object with
/// none of them holds no value at the path.
pub fn path_key_bits(path: &str) -> PathBits {
    let dots = path.bytes().enumerate().filter(|(_, byte)| *byte == b'.');
    let mut bits = PathBits::default();
    bits.whole.set(key_bit(path));
    for (dot, _) in dots {
        bits.parts.set(key_bit(&path[..dot]));
    }
    bits
}

/// The key bits of one or more dotted paths, from [`path_key_bits`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PathBits {
    /// A key that is a path whole, holding any value.
    whole: KeyBits,
    /// A key that is a path's part before a dot, holding an object.
    parts: KeyBits,
}

impl PathBits {
    /// The bits of both.
    pub fn union(self, other: &Self) -> Self {
        Self { whole: self.whole.union(&other.whole), parts: self.parts.union(&other.parts) }
    }
}

/// A set of key bits: one of 128 per key. (With 64, an object of a few keys let many of the
/// hundred-odd alias paths through to be looked up for nothing.) Two words, not a `u128`, whose
/// alignment would make every node of a line larger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct KeyBits([u64; 2]);

impl KeyBits {
    fn set(&mut self, bit: u8) {
        self.0[usize::from(bit >> 6)] |= 1 << (bit & 63);
    }

    fn has(&self, bit: u8) -> bool {
        self.0[usize::from(bit >> 6)] & (1 << (bit & 63)) != 0
    }

    /// The bits of both sets.
    fn union(self, other: &Self) -> Self {
        Self([self.0[0] | other.0[0], self.0[1] | other.0[1]])
    }

    /// Whether the two sets share a bit.
    fn overlaps(&self, other: &Self) -> bool {
        (self.0[0] & other.0[0]) | (self.0[1] & other.0[1]) != 0
    }
}

/// Most keys of an object differ in length or in their first or last byte: comparing those
/// spares a search of the members for every key added.
fn key_bit(key: &str) -> u8 {
    let bytes = key.as_bytes();
    let ends = bytes.first().map_or(0, |first| usize::from(*first) * 7 + usize::from(bytes[bytes.len() - 1]));
    ((bytes.len() * 31 + ends) % 128) as u8
}

impl<'a> JsonValue for Node<'a> {
    type Object = Members<'a>;

    fn shape(&self) -> Shape<'_, Self> {
        match self {
            Node::Null => Shape::Null,
            Node::Bool(flag) => Shape::Bool(*flag),
            Node::Number(number) => Shape::Number(number),
            Node::String(text) => Shape::String(text),
            Node::Array(items) => Shape::Array(items),
            Node::Object(members) => Shape::Object(members),
        }
    }

    fn to_value(&self) -> Cow<'_, Value> {
        Cow::Owned(match self {
            Node::Null => Value::Null,
            Node::Bool(flag) => Value::Bool(*flag),
            Node::Number(number) => Value::Number(number.clone()),
            Node::String(text) => Value::String(text.to_string()),
            Node::Array(items) => Value::Array(items.iter().map(|item| item.to_value().into_owned()).collect()),
            Node::Object(members) => Value::Object(members.to_map()),
        })
    }
}

impl Members<'_> {
    /// The same object as serde_json's map.
    pub fn to_map(&self) -> Map<String, Value> {
        self.members.iter().map(|member| (member.key.to_string(), member.value.to_value().into_owned())).collect()
    }
}

impl<'a> JsonObject for Members<'a> {
    type Value = Node<'a>;

    fn get(&self, key: &str) -> Option<&Node<'a>> {
        let bit = key_bit(key);
        if !self.seen.has(bit) {
            return None;
        }
        self.members.iter().find(|member| member.bit == bit && member.key == key).map(|member| &member.value)
    }

    fn get_is_cheap(&self) -> bool {
        true
    }

    fn may_hold(&self, key_bits: &PathBits) -> bool {
        self.seen.overlaps(&key_bits.whole) || self.objects.overlaps(&key_bits.parts)
    }

    fn len(&self) -> usize {
        self.members.len()
    }

    fn entries(&self) -> impl Iterator<Item = (&str, &Node<'a>)> {
        self.members.iter().map(|member| (member.key, &member.value))
    }

    const INDEXED: bool = true;

    /// The key bits and length of the object and, mixed, of the objects it holds: objects whose
    /// own keys are alike differ there when the objects they hold do.
    fn fingerprint(&self) -> [u64; 6] {
        let ([seen_low, seen_high], [objects_low, objects_high]) = (self.seen.0, self.objects.0);
        let inner = if objects_low | objects_high == 0 {
            0
        } else {
            self.members.iter().fold(0_u64, |inner, member| match &member.value {
                Node::Object(object) => {
                    let words = object.fingerprint();
                    inner.rotate_left(5) ^ words.iter().fold(0_u64, |all, word| all.rotate_left(7) ^ word)
                }
                _ => inner,
            })
        };
        [seen_low, seen_high, objects_low, objects_high, inner, self.members.len() as u64]
    }

    fn value_at(&self, index: usize) -> Option<&Node<'a>> {
        self.members.get(index).map(|member| &member.value)
    }
}
