//! Where alias paths lead in objects of a shape seen before.
//!
//! A log's JSON lines share one or two shapes: the same keys in the same order, the same of them
//! holding objects. What an alias path's lookup finds depends on nothing else (a key's presence
//! and whether its value is an object), so for an object whose shape was seen, each table's
//! values are read from where they were in the first object of that shape: a step per value
//! instead of a lookup per path. (The lookups were some 7 a line, 220 instructions each, and
//! ruling out a table's paths by key bits as many again.) What a value is (null, empty, a
//! number) is still checked on every object, as for a lookup.
//!
//! Only objects whose members are one step away ([`JsonObject::INDEXED`], the summary scanner's)
//! are remembered; a thread stops asking for a while when few of its objects share shapes.

use super::{ALIASES, Aliases, JsonObject, JsonValue, lookup, may_be_call};
use crate::ingest::scan::same_short;
use std::cell::RefCell;
use std::rc::Rc;

/// An object, and where its shape's alias paths lead when that is known.
pub(super) struct Lookups<'o, O: JsonObject> {
    pub object: &'o O,
    plan: Option<Rc<Plan>>,
}

impl<'o, O: JsonObject> Lookups<'o, O> {
    /// Every path looked up in `object`.
    pub fn plain(object: &'o O) -> Self {
        Self { object, plan: None }
    }

    /// `object`'s paths read from where they lead in objects of its shape, when this thread
    /// remembers it or can remember it now; otherwise looked up.
    pub fn remembered(object: &'o O) -> Self {
        let plan = if O::INDEXED { MEMO.with(|memo| memo.borrow_mut().plan_for(object)) } else { None };
        Self { object, plan }
    }

    /// The first of the values `aliases`' paths hold in the object, in table order, that `read`
    /// makes something of. (A search, not an iterator: each way loops on its own, and looking up
    /// stays as fast as before there were plans.)
    pub fn find_map<T>(&self, aliases: &'static Aliases, mut read: impl FnMut(&'o O::Value) -> Option<T>) -> Option<T> {
        let object = self.object;
        match self.plan.as_ref().and_then(|plan| plan.tables.get(aliases.id)) {
            Some(places) => places.iter().find_map(|place| value_at(object, place).and_then(&mut read)),
            None => aliases.in_object(object).find_map(|path| lookup(object, path).and_then(&mut read)),
        }
    }

    /// The first value of `aliases`' paths in the object that passes `test`.
    pub fn find(&self, aliases: &'static Aliases, test: impl Fn(&O::Value) -> bool) -> Option<&'o O::Value> {
        self.find_map(aliases, |value| test(value).then_some(value))
    }

    /// Whether the object's paths are read from where they lead in objects of its shape.
    #[cfg(test)]
    pub fn is_remembered(&self) -> bool {
        self.plan.is_some()
    }

    /// Whether the object may be a call at all ([`may_be_call`]: its keys tell).
    pub fn may_be_call(&self) -> bool {
        self.plan.as_ref().map_or_else(|| may_be_call(self.object), |plan| plan.may_be_call)
    }
}

/// Where one value is: the index of a member, then of a member of the object it holds, and so on.
type Place = Box<[u32]>;

/// Where each alias table's paths lead in objects of one shape.
struct Plan {
    /// The shape: its object's [`JsonObject::fingerprint`], then its keys.
    fingerprint: [u64; 6],
    shape: Shape,
    /// By [`Aliases::id`]: the places of the paths that lead somewhere, in table order.
    tables: Vec<Box<[Place]>>,
    may_be_call: bool,
}

impl Plan {
    /// The plan of `object`'s shape; `None` when it has too many keys to remember, or if a value
    /// its lookups found is not where a walk of its members finds it (a bug).
    fn of<O: JsonObject>(object: &O) -> Option<Self> {
        let shape = Shape::of(object)?;
        let tables = ALIASES
            .iter()
            .map(|aliases| {
                let values = aliases.in_object(object).filter_map(|path| lookup(object, path));
                values.map(|value| place_of(object, value).map(Vec::into_boxed_slice)).collect()
            })
            .collect::<Option<_>>()?;
        Some(Self { fingerprint: object.fingerprint(), shape, tables, may_be_call: may_be_call(object) })
    }
}

/// What an alias path's lookup depends on in an object: its keys in order, and which of them
/// hold objects, with their shapes.
struct Shape {
    members: Box<[(Box<str>, Option<Shape>)]>,
}

impl Shape {
    /// `object`'s shape, or `None` when it has more than [`MAX_SHAPE_KEYS`] keys.
    fn of<O: JsonObject>(object: &O) -> Option<Self> {
        Self::counting(object, &mut 0)
    }

    fn counting<O: JsonObject>(object: &O, keys: &mut usize) -> Option<Self> {
        let members = object
            .entries()
            .map(|(key, value)| {
                *keys += 1;
                let inner = match value.as_object() {
                    Some(inner) => Some(Self::counting(inner, keys)?),
                    None => None,
                };
                (*keys <= MAX_SHAPE_KEYS).then(|| (key.into(), inner))
            })
            .collect::<Option<_>>()?;
        Some(Self { members })
    }

    /// Whether `object` has this shape.
    fn fits<O: JsonObject>(&self, object: &O) -> bool {
        object.len() == self.members.len()
            && object.entries().zip(&self.members).all(|((key, value), (shape_key, inner))| {
                same_short(key.as_bytes(), shape_key.as_bytes())
                    && match (value.as_object(), inner) {
                        (Some(value), Some(inner)) => inner.fits(value),
                        (None, None) => true,
                        _ => false,
                    }
            })
    }
}

fn value_at<'o, O: JsonObject>(object: &'o O, place: &[u32]) -> Option<&'o O::Value> {
    let (last, path) = place.split_last()?;
    let mut object = object;
    for index in path {
        object = object.value_at(*index as usize)?.as_object()?;
    }
    object.value_at(*last as usize)
}

/// Where `target` (a value inside `object`, found by a lookup) is.
fn place_of<O: JsonObject>(object: &O, target: &O::Value) -> Option<Vec<u32>> {
    for (index, (_, value)) in object.entries().enumerate() {
        let index = u32::try_from(index).ok()?;
        if std::ptr::eq(value, target) {
            return Some(vec![index]);
        }
        if let Some(mut place) = value.as_object().and_then(|inner| place_of(inner, target)) {
            place.insert(0, index);
            return Some(place);
        }
    }
    None
}

/// Keys of a shape past which an object is looked up path by path: a line's call object has some
/// ten; one that keeps a large object whole is not worth remembering.
const MAX_SHAPE_KEYS: usize = 64;

/// Shapes a thread remembers at most; when there are more, it forgets them all and starts again.
const MAX_SHAPES: usize = 32;

/// Objects asked about at a time before the thread judges whether their shapes repeat: at least
/// half of them must have had a known shape.
const TRIAL: u32 = 64;

/// Objects a thread looks up path by path, without asking, after a trial whose shapes seldom
/// repeated; then it tries again.
const PAUSE: u32 = 65_536;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// A thread's plans, the latest last.
#[derive(Default)]
struct Memo {
    plans: Vec<Rc<Plan>>,
    /// Objects asked about, and of them those whose shape was known, in this trial.
    asked: u32,
    known: u32,
    /// Objects still to be looked up without asking.
    paused: u32,
}

impl Memo {
    fn plan_for<O: JsonObject>(&mut self, object: &O) -> Option<Rc<Plan>> {
        if self.paused > 0 {
            self.paused -= 1;
            return None;
        }
        // Objects of another shape mostly differ in their fingerprint: few keys are compared.
        // (Compared word by word: `==` on the arrays called `memcmp`.)
        let fingerprint = object.fingerprint();
        let same =
            |plan: &Plan| plan.fingerprint.iter().zip(&fingerprint).fold(0, |differ, (a, b)| differ | (a ^ b)) == 0;
        let known = self.plans.iter().rev().find(|plan| same(plan) && plan.shape.fits(object)).map(Rc::clone);
        self.asked += 1;
        self.known += u32::from(known.is_some());
        if self.asked == TRIAL {
            if self.known < TRIAL / 2 {
                // Shapes that seldom repeat cost a plan each for nothing.
                self.paused = PAUSE;
            }
            (self.asked, self.known) = (0, 0);
        }
        if known.is_some() {
            return known;
        }
        if self.plans.len() >= MAX_SHAPES {
            // The shapes of the logs read before make room for this one's.
            self.plans.clear();
        }
        let plan = Rc::new(Plan::of(object)?);
        self.plans.push(Rc::clone(&plan));
        Some(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::sparse::{self, Node};

    fn object(text: &str) -> sparse::Members<'_> {
        match sparse::parse_value(text.as_bytes(), sparse::leaked_bump()) {
            Some(Node::Object(members)) => members,
            other => panic!("{text} is not an object: {other:?}"),
        }
    }

    /// A shape is its keys in order, every byte of them, and which of their values are objects:
    /// the fingerprint that comes before it in a search is not enough.
    #[test]
    fn a_shape_fits_objects_with_its_keys_and_objects_only() {
        let shape =
            Shape::of(&object(r#"{"a": 1, "response": {"status": 2}, "seventeen_bytes_k": 3, "twelve_bytes": 4}"#))
                .expect("a few keys");
        let fits = |text: &str| shape.fits(&object(text));
        assert!(fits(r#"{"a": "x", "response": {"status": null}, "seventeen_bytes_k": [1], "twelve_bytes": ""}"#));
        for other in [
            r#"{"a": 1, "response": "{}", "seventeen_bytes_k": 3, "twelve_bytes": 4}"#,
            r#"{"a": {}, "response": {"status": 2}, "seventeen_bytes_k": 3, "twelve_bytes": 4}"#,
            r#"{"a": 1, "response": {"status": 2, "body": 1}, "seventeen_bytes_k": 3, "twelve_bytes": 4}"#,
            r#"{"response": {"status": 2}, "a": 1, "seventeen_bytes_k": 3, "twelve_bytes": 4}"#,
            r#"{"b": 1, "response": {"status": 2}, "seventeen_bytes_k": 3, "twelve_bytes": 4}"#,
            r#"{"a": 1, "response": {"status": 2}, "seventeen_bYtes_k": 3, "twelve_bytes": 4}"#,
            r#"{"a": 1, "response": {"status": 2}, "seventeen_bytes_k": 3, "twelve_bYtes": 4}"#,
            r#"{"a": 1, "response": {"status": 2}, "seventeen_bytes_k": 3}"#,
        ] {
            assert!(!fits(other), "{other}");
        }
    }
}
