//! The keys of the last line's object, for the next line's: a log's lines write the same keys in
//! the same order.
//!
//! A key read the long way is passed over as a string, checked for escapes and for serde_json's
//! raw-value key, followed by its colon, and looked up in the table of paths. A key whose bytes,
//! from its opening quote to its colon, are those of the key at the same place in the last line
//! is that key, with the same action: one compare of a few words.

use super::paths::{Action, Paths};
use crate::ingest::scan::same_short;

/// Keys the template holds at most: a call line's object has a dozen.
const MAX_KEYS: usize = 64;

/// Objects read at a time before the thread judges whether lines repeat their keys: they must
/// have had at most two keys a line that were not known (and so remembered).
const TRIAL: u32 = 64;
const MISSES_PER_TRIAL: u32 = 2 * TRIAL;

/// Objects read without the template, after a trial whose keys seldom repeated: then it tries
/// again. (A key not known is remembered, which cost lines whose keys never repeat 8 %.)
const PAUSE: u32 = 65_536;

/// The top-level keys of the last object read with one table of paths, in order.
#[derive(Default)]
pub(super) struct Template {
    /// The table the actions are its ([`Paths::id`]).
    paths: u64,
    /// The keys' bytes as written, `"key":`, one after another.
    written: Vec<u8>,
    keys: Vec<Known>,
    /// Objects begun, and keys remembered, in this trial.
    objects: u32,
    learned: u32,
    /// Objects still to be read without the template.
    paused: u32,
}

/// A key of the template.
#[derive(Clone, Copy)]
struct Known {
    /// Where its bytes end in [`Template::written`] (they start where the last key's end).
    end: usize,
    action: Action,
}

/// What the template knows of the key at the cursor.
pub(super) struct Recognized {
    /// Bytes from the opening quote to past the colon.
    pub written: usize,
    pub action: Action,
}

impl Template {
    /// Starts on an object read with `paths`: a template made with another table is forgotten.
    /// `false` when the object is to be read without it.
    pub fn begin(&mut self, paths: &Paths) -> bool {
        if self.paused > 0 {
            self.paused -= 1;
            return false;
        }
        self.objects += 1;
        if self.objects > TRIAL {
            if self.learned > MISSES_PER_TRIAL {
                self.paused = PAUSE;
            }
            (self.objects, self.learned) = (0, 0);
        }
        if self.paths != paths.id() {
            self.paths = paths.id();
            self.written.clear();
            self.keys.clear();
        }
        true
    }

    /// The key at `at` in `text`, when the `index`-th key of the template is written there.
    #[inline(always)]
    pub fn recognize(&self, index: usize, text: &[u8], at: usize) -> Option<Recognized> {
        let known = self.keys.get(index)?;
        let start = index.checked_sub(1).map_or(0, |last| self.keys[last].end);
        let written = &self.written[start..known.end];
        let there = text.get(at..at + written.len())?;
        same_short(there, written).then_some(Recognized { written: written.len(), action: known.action })
    }

    /// Remembers that the `index`-th key was written `written` (from its opening quote to past its
    /// colon) and asks for `action`: the keys after it are forgotten. Only a key written plainly
    /// (`"key":`, no escape, no space) is remembered, and the ones after it are not.
    pub fn learn(&mut self, index: usize, written: &[u8], key: &str, action: Action) {
        if index > self.keys.len() || index >= MAX_KEYS {
            return;
        }
        self.learned += 1;
        let start = index.checked_sub(1).map_or(0, |last| self.keys[last].end);
        self.keys.truncate(index);
        self.written.truncate(start);
        let plain = written.len() == key.len() + 3 && written[1..=key.len()] == *key.as_bytes();
        if plain {
            self.written.extend_from_slice(written);
            self.keys.push(Known { end: self.written.len(), action });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Paths {
        Paths::new(["status", "request.url"], [], [])
    }

    /// A key is known at its place when it is written there as it was; a key written another way
    /// (escaped, spaced) is not remembered, nor what follows it.
    #[test]
    fn a_key_written_as_before_at_its_place_is_known() {
        let (paths, mut template) = (paths(), Template::default());
        assert!(template.begin(&paths));
        template.learn(0, br#""status":"#, "status", Action::Build);
        template.learn(1, br#""request":"#, "request", Action::Descend { inside_kept: false });
        let line = br#"{"status":200,"request":{}}"#;
        let status = template.recognize(0, line, 1).expect("known");
        assert_eq!((status.written, status.action), (9, Action::Build));
        assert!(template.recognize(1, line, 1).is_none(), "another key's place");
        assert!(template.recognize(0, br#"{"statuz":200}"#, 1).is_none());
        assert!(template.recognize(0, br#"{"status" :200}"#, 1).is_none());
        assert!(template.recognize(0, br#"{"stat"#, 1).is_none(), "cut short");
        // A key at the first place read another way: the keys after it are forgotten too.
        template.learn(0, br#""st\u0061tus":"#, "status", Action::Build);
        assert!(template.recognize(0, line, 1).is_none());
        assert!(template.recognize(0, br#"{"st\u0061tus":200}"#, 1).is_none());
        assert!(template.recognize(1, br#"{"x":1,"request":{}}"#, 7).is_none());
        // Another table's actions are not this one's.
        template.learn(0, br#""status":"#, "status", Action::Build);
        assert!(template.begin(&Paths::new(["status"], [], [])));
        assert!(template.recognize(0, line, 1).is_none());
    }

    #[test]
    fn lines_whose_keys_seldom_repeat_are_read_without_it_for_a_while() {
        let (paths, mut template) = (paths(), Template::default());
        let keys = ["a", "b", "c"];
        let mut on = 0;
        for line in 0..1000 {
            if template.begin(&paths) {
                on += 1;
                for index in 0..3 {
                    let key = keys[(line + index) % 3];
                    template.learn(index, format!("\"{key}\":").as_bytes(), key, Action::Skip);
                }
            }
        }
        assert!(on <= 2 * (TRIAL as usize + 1), "{on} of 1000 read with the template");
    }
}
