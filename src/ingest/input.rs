//! Reading one input from disk within [`IngestLimits`]: a regular file or a pipe, gzip unwrapped.
//!
//! Nothing here trusts a size: a regular file's size is checked before reading, but the read is
//! bounded anyway (the file may grow meanwhile), and gzip output is bounded while it is produced,
//! so a bomb stops at the limit instead of after it. A file that shrinks while it is read simply
//! ends early: what was read is a snapshot, and every later look at a call reads that snapshot.

use super::IngestError;
use super::encoding::{self, Encoding};
use super::limits::IngestLimits;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The first bytes of every gzip member.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The text of `path` as UTF-8 (decompressed when it is gzip, turned into UTF-8 when it is UTF-16
/// or UTF-32), whether it was gzip, and the encoding it was in.
pub fn read(path: &Path, limits: &IngestLimits) -> Result<(Vec<u8>, bool, Encoding), IngestError> {
    if let Some((encoding, size)) = plain_file_in_other_encoding(path, limits)? {
        // Turned into UTF-8 as it is read: its own bytes are never held whole.
        let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
        let file = File::open(path).map_err(io_error)?;
        let hint = usize::try_from(size).unwrap_or(0);
        let text = encoding::read_as_utf8(file.take(limits.max_content_bytes), encoding, hint).map_err(|error| {
            if error.kind() == io::ErrorKind::OutOfMemory { out_of_memory(path, size) } else { io_error(error) }
        })?;
        return Ok((text, false, encoding));
    }
    let (bytes, gzip) = read_raw(path, limits)?;
    Ok(match encoding::sniff(&bytes) {
        Encoding::Utf8 => (bytes, gzip, Encoding::Utf8),
        // A table's bytes are binary: their zero bytes say nothing about an encoding.
        _ if super::table::magic(&bytes).is_some() => (bytes, gzip, Encoding::Utf8),
        other => (encoding::to_utf8(&bytes, other), gzip, other),
    })
}

/// The encoding and size of a regular file within the limit whose text is not UTF-8 (and that is
/// not gzip, whose content is looked at once it is unwrapped).
fn plain_file_in_other_encoding(path: &Path, limits: &IngestLimits) -> Result<Option<(Encoding, u64)>, IngestError> {
    let metadata = check(path)?;
    if !metadata.is_file() || metadata.len() > limits.max_content_bytes {
        return Ok(None);
    }
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    let mut head = Vec::with_capacity(4096);
    File::open(path).map_err(io_error)?.take(4096).read_to_end(&mut head).map_err(io_error)?;
    Ok(match encoding::sniff(&head) {
        _ if head.starts_with(&GZIP_MAGIC) || super::table::magic(&head).is_some() => None,
        Encoding::Utf8 => None,
        other => Some((other, metadata.len())),
    })
}

/// The bytes of `path` (decompressed when they are gzip) and whether they were gzip.
fn read_raw(path: &Path, limits: &IngestLimits) -> Result<(Vec<u8>, bool), IngestError> {
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    let metadata = check(path)?;
    let limit = limits.max_content_bytes;
    let too_large = |gzip| IngestError::TooLarge { path: path.to_path_buf(), limit_bytes: limit, gzip };
    if metadata.is_file() && metadata.len() > limit {
        return Err(too_large(false));
    }

    let file = File::open(path).map_err(io_error)?;
    let mut raw = Vec::new();
    if metadata.is_file() {
        // The size is a hint only: the file may have changed since.
        let hint = usize::try_from(metadata.len()).unwrap_or(0);
        raw.try_reserve_exact(hint).map_err(|_| out_of_memory(path, metadata.len()))?;
    }
    match file.take(limit.saturating_add(1)).read_to_end(&mut raw) {
        Ok(_) if raw.len() as u64 > limit => return Err(too_large(false)),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::OutOfMemory => {
            return Err(out_of_memory(path, raw.len() as u64));
        }
        Err(source) => return Err(io_error(source)),
    }
    if !raw.starts_with(&GZIP_MAGIC) {
        return Ok((raw, false));
    }
    match gunzip(&raw, limit) {
        Ok(content) => Ok((content, true)),
        Err(Gunzip::TooLarge) => Err(too_large(true)),
        Err(Gunzip::OutOfMemory(bytes)) => Err(out_of_memory(path, bytes)),
        Err(Gunzip::Damaged { content_bytes, source }) => {
            Err(IngestError::Gzip { path: path.to_path_buf(), bytes_read: content_bytes, source })
        }
        Err(Gunzip::TrailingData { offset }) => {
            Err(IngestError::GzipTrailingData { path: path.to_path_buf(), offset, bytes: raw.len() as u64 - offset })
        }
    }
}

/// The metadata of an input that can be read: not a folder, device or socket.
pub fn check(path: &Path) -> Result<std::fs::Metadata, IngestError> {
    let io_error = |source| IngestError::Io { path: path.to_path_buf(), source };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(io_error(io::Error::new(io::ErrorKind::IsADirectory, "is a directory")));
    }
    if let Some(what) = unreadable_kind(&metadata.file_type()) {
        return Err(IngestError::NotAFile { path: path.to_path_buf(), what });
    }
    Ok(metadata)
}

fn out_of_memory(path: &Path, bytes: u64) -> IngestError {
    IngestError::OutOfMemory { path: path.to_path_buf(), bytes }
}

/// Kinds of file that are refused before opening: reading them never ends (`/dev/zero`), has
/// side effects, or blocks on something other than a writer.
#[cfg(unix)]
fn unreadable_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

#[cfg(not(unix))]
fn unreadable_kind(_kind: &std::fs::FileType) -> Option<&'static str> {
    None
}

/// Why gzip data could not be unwrapped.
#[derive(Debug)]
pub enum Gunzip {
    /// The content would exceed the limit.
    TooLarge,
    /// The memory for this many bytes could not be had.
    OutOfMemory(u64),
    /// The data is damaged or cut off, after this much content.
    Damaged {
        /// Content decompressed before the damage.
        content_bytes: u64,
        /// What the decoder said.
        source: io::Error,
    },
    /// Bytes that are neither a gzip member nor zero padding follow the last member.
    TrailingData {
        /// Where they start in the compressed file.
        offset: u64,
    },
}

/// Decompresses every gzip member of `raw` (`cat a.gz b.gz` is one valid file), producing at most
/// `limit` bytes. Zero bytes after the last member are padding (tape blocks, preallocated
/// downloads) and ignored; anything else after it is refused rather than silently dropped.
pub fn gunzip(raw: &[u8], limit: u64) -> Result<Vec<u8>, Gunzip> {
    let mut content = Vec::new();
    let mut rest = raw;
    loop {
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let room = limit.saturating_add(1).saturating_sub(content.len() as u64);
        match (&mut member).take(room).read_to_end(&mut content) {
            Ok(_) if content.len() as u64 > limit => return Err(Gunzip::TooLarge),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::OutOfMemory => {
                return Err(Gunzip::OutOfMemory(content.len() as u64));
            }
            Err(source) => return Err(Gunzip::Damaged { content_bytes: content.len() as u64, source }),
        }
        rest = member.into_inner();
        if rest.iter().all(|&byte| byte == 0) {
            return Ok(content);
        }
        if !rest.starts_with(&GZIP_MAGIC) {
            return Err(Gunzip::TrailingData { offset: (raw.len() - rest.len()) as u64 });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("compress");
        encoder.finish().expect("compress")
    }

    #[test]
    fn members_padding_and_trailing_data() {
        let mut two = gzip(b"a\n");
        two.extend(gzip(b"b\n"));
        assert_eq!(gunzip(&two, 100).ok(), Some(b"a\nb\n".to_vec()));

        let mut padded = gzip(b"a\n");
        padded.extend([0u8; 512]);
        assert_eq!(gunzip(&padded, 100).ok(), Some(b"a\n".to_vec()));

        let one = gzip(b"a\n");
        let mut appended = one.clone();
        appended.extend(b"{\"status\":500}\n");
        assert!(matches!(gunzip(&appended, 100), Err(Gunzip::TrailingData { offset }) if offset == one.len() as u64));
    }

    #[test]
    fn output_stops_at_the_limit() {
        let bomb = gzip(&vec![b'x'; 1 << 20]);
        assert!(matches!(gunzip(&bomb, 1000), Err(Gunzip::TooLarge)));
        assert_eq!(gunzip(&bomb, 1 << 20).map(|content| content.len()).ok(), Some(1 << 20));
    }

    #[test]
    fn cut_data_is_damaged_with_what_came_before() {
        let data: Vec<u8> = (0..200_000u32).flat_map(|n| format!("{n:x}\n").into_bytes()).collect();
        let compressed = gzip(&data);
        let cut = &compressed[..compressed.len() / 2];
        match gunzip(cut, u64::MAX) {
            Err(Gunzip::Damaged { content_bytes, .. }) => {
                assert!(content_bytes > 0 && content_bytes < data.len() as u64)
            }
            other => panic!("expected damage, got {other:?}"),
        }
        assert!(matches!(gunzip(&GZIP_MAGIC, 100), Err(Gunzip::Damaged { content_bytes: 0, .. })));
    }
}
