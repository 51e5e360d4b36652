//! Resource limits: what errlens refuses to hold or parse, so that no input (a gzip bomb, a
//! runaway line, JSON nested without end, a device that never ends) can take the machine down.
//!
//! | limit | default | when hit |
//! |---|---|---|
//! | [`IngestLimits::max_content_bytes`]: content of one file, after gzip decompression | 2 GiB | the file is an [`IngestError::TooLarge`](super::IngestError::TooLarge) naming the file and the limit; nothing of it is read |
//! | [`IngestLimits::max_line_bytes`]: one NDJSON or text line, or one CSV row | 16 MiB | that line is skipped with [`SkipReason::TooLong`](super::SkipReason::TooLong) (its number and size); the rest of the file is read |
//! | [`MAX_JSON_DEPTH`]: nesting of one JSON value (a line, an item, an embedded body) | 127 levels | the line, array item or HAR entry is skipped with [`SkipReason::TooDeep`](super::SkipReason::TooDeep); the rest is read (a document's own frame, around its items, is walked without recursion, so it has no depth limit) |
//!
//! Why these values: gzip content and pipes are held in memory while a file is open (a call's
//! bodies are read back from them); plain files are read in blocks and read back from disk, so
//! they cost one store row of about 50 bytes per call. Real logs spend a few
//! hundred bytes per call, so a 2 GiB log costs about 2.5 GB; a hostile one made of the shortest
//! calls (`{"status":500}`, 15 bytes) would cost about 9 GB, which is the worst case this limit
//! allows. 1 GiB logs (the benchmark size) fit with room to spare. A gzip bomb (about 1000:1)
//! stops after 2 GiB of output instead of expanding without end. The store keeps the first
//! 10,000 skipped lines of a file with their reasons and only counts the rest
//! ([`crate::store::MAX_SKIPPED_KEPT`]), since a file of garbage has one every few bytes.
//! A log line over 16 MiB is not a log line but a dump; parsing it would cost several times its
//! size. The depth is serde_json's own recursion limit: deeper JSON is refused by the parser
//! itself before any stack is at risk, and every walk over parsed JSON in errlens is either
//! iterative or bounded by it.
//!
//! A file that is not a regular file or a pipe (a character or block device such as
//! `/dev/zero`, a socket) is refused before reading. A pipe (`<(zcat …)`, a FIFO) is read until
//! its writer closes it, like `cat` would: a FIFO nobody writes to waits.

/// The deepest JSON nesting errlens parses: 127 levels of arrays and objects, which is where
/// serde_json's recursion limit (128, not configurable without unbounded recursion) stops.
pub const MAX_JSON_DEPTH: usize = 127;

/// Limits applied while reading and parsing one input. [`Default`] gives the documented values;
/// tests and embedders can lower them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestLimits {
    /// The most bytes of content (after gzip decompression) read from one file.
    pub max_content_bytes: u64,
    /// The longest line (NDJSON, text) or row (CSV) that is parsed; longer ones are skipped.
    pub max_line_bytes: u64,
}

impl IngestLimits {
    /// The documented defaults.
    pub const DEFAULT: IngestLimits = IngestLimits { max_content_bytes: 2 << 30, max_line_bytes: 16 << 20 };
}

impl Default for IngestLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A byte count for messages: `512 bytes`, `16 MiB`, `1.5 GiB`.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return if bytes == 1 { "1 byte".to_string() } else { format!("{bytes} bytes") };
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1), "1 byte");
        assert_eq!(human_bytes(1023), "1023 bytes");
        assert_eq!(human_bytes(1024), "1 KiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(16 << 20), "16 MiB");
        assert_eq!(human_bytes(4 << 30), "4 GiB");
        assert_eq!(human_bytes(u64::MAX), "16777216 TiB");
    }
}
