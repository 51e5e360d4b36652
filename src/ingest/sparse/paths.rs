//! Which parts of a line the scanner keeps: a table from dotted key paths to what to do there.

use super::path_table::PathTable;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// Which dotted key paths (keys joined with `.`, as [`crate::ingest::fields::lookup`] matches them) a
/// read keeps: `kept` paths are built whole except for `pruned` paths below them.
pub struct Paths {
    /// The entries as they are made.
    table: HashMap<Box<str>, Entry, foldhash::fast::RandomState>,
    /// The same, as the scanner asks them ([`Self::action`]).
    lookup: PathTable<Entry>,
    /// The header names kept at [`Entry::Headers`] paths, compared without case.
    pub(super) header_names: Vec<&'static str>,
    /// The first bytes of `header_names`, in both cases.
    pub(super) header_starts: [bool; 256],
    /// This table as it now is, told from every other ([`Self::id`]).
    id: u64,
}

/// What a path in the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// Dropped, even below a kept path.
    Pruned,
    /// Built whole.
    Kept,
    /// Kept; an object or array there is kept as its JSON text, for the reader to parse if it needs it.
    Text,
    /// Some kept or pruned path lies below; `kept` when the path is itself kept.
    Ancestor { kept: bool },
    /// Headers, of which only those named in [`Paths::header_names`] are kept.
    Headers,
}

impl Paths {
    /// The table for these paths; a pruned path wins over a kept one, and an object or array at
    /// an `as_text` path is kept as its JSON text (a `Value::String`).
    pub fn new<'a>(
        kept: impl IntoIterator<Item = &'a str>,
        as_text: impl IntoIterator<Item = &'a str>,
        pruned: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let as_text: Vec<&str> = as_text.into_iter().collect();
        let kept: Vec<&str> = kept.into_iter().chain(as_text.iter().copied()).collect();
        let pruned: Vec<&str> = pruned.into_iter().collect();
        let mut table: HashMap<Box<str>, Entry, foldhash::fast::RandomState> = HashMap::default();
        let ancestors = |path: &'a str| path.match_indices('.').map(move |(dot, _)| &path[..dot]);
        for path in &kept {
            for ancestor in ancestors(path) {
                table.entry(ancestor.into()).or_insert(Entry::Ancestor { kept: false });
            }
        }
        for path in &kept {
            // A kept path with another kept path below is built whole, which includes it.
            table.insert((*path).into(), Entry::Kept);
        }
        for path in &as_text {
            table.insert((*path).into(), Entry::Text);
        }
        for path in &pruned {
            for ancestor in ancestors(path) {
                let entry = table.entry(ancestor.into()).or_insert(Entry::Ancestor { kept: false });
                if matches!(*entry, Entry::Kept | Entry::Text) {
                    *entry = Entry::Ancestor { kept: true };
                }
            }
        }
        for path in &pruned {
            table.insert((*path).into(), Entry::Pruned);
        }
        Self { lookup: PathTable::new([]), table, header_names: Vec::new(), header_starts: [false; 256], id: 0 }
            .finished()
    }

    /// The entries made, as the scanner asks them.
    fn finished(mut self) -> Self {
        static TABLES: AtomicU64 = AtomicU64::new(1);
        self.lookup = PathTable::new(self.table.iter().map(|(path, entry)| (&**path, *entry)));
        self.id = TABLES.fetch_add(1, Ordering::Relaxed);
        self
    }

    /// A number no other table has, nor this one as it was before a change: what the scanner
    /// remembers of a table's answers is the answers of the table with this id.
    pub(super) fn id(&self) -> u64 {
        self.id
    }

    /// Keeps the values at these exact paths as text (an object or array as its JSON text), even
    /// where they were pruned: what holds them is still read key by key.
    pub fn with_texts<'a>(mut self, paths: impl IntoIterator<Item = &'a str>) -> Self {
        for path in paths {
            self.table.insert(path.into(), Entry::Text);
        }
        self.finished()
    }

    /// Keeps only the headers called `names` at these paths: from an object (`{"Name": value}`)
    /// the entries with those names, from a list (`[{"name", "value"}]`, `["Name: value"]`) every
    /// item that could be one of them. Nothing may lie below them.
    pub fn with_headers<'a>(
        mut self,
        paths: impl IntoIterator<Item = &'a str>,
        names: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        for path in paths {
            self.table.insert(path.into(), Entry::Headers);
        }
        self.header_names = names.into_iter().collect();
        for name in &self.header_names {
            if let Some(first) = name.bytes().next() {
                self.header_starts[usize::from(first.to_ascii_lowercase())] = true;
                self.header_starts[usize::from(first.to_ascii_uppercase())] = true;
            }
        }
        self.finished()
    }

    #[inline]
    pub(super) fn action(&self, path: &str, inside_kept: bool) -> Action {
        match self.lookup.get(path) {
            Some(Entry::Pruned) => Action::Skip,
            Some(Entry::Kept) => Action::Build,
            Some(Entry::Text) => Action::BuildText,
            Some(Entry::Headers) => Action::Headers,
            Some(Entry::Ancestor { kept }) => Action::Descend { inside_kept: inside_kept || kept },
            None if inside_kept => Action::Build,
            None => Action::Skip,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Action {
    Skip,
    Build,
    BuildText,
    Headers,
    Descend { inside_kept: bool },
}
