//! Loading definitions: the bundled files, then the user's folder and any `--formats DIR`.
//!
//! A broken file or definition is a [`FormatProblem`] naming the file, line and column; every
//! other definition still loads. A user's definition with a bundled name replaces the bundled one.

use super::pattern::build_regex;
use super::{Expect, LineFormat, Origin, Pattern, Registry};
use rayon::prelude::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use toml::Spanned;

/// The format files compiled into errlens: (file name, contents).
pub const BUNDLED: &[(&str, &str)] = &[
    ("access.toml", include_str!("../../../assets/formats/access.toml")),
    ("clients.toml", include_str!("../../../assets/formats/clients.toml")),
    ("frameworks.toml", include_str!("../../../assets/formats/frameworks.toml")),
];

/// A definition that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatProblem {
    /// The file.
    pub path: String,
    /// 1-based line and column of the problem (1, 1 when the file could not be read).
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for FormatProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    format: Vec<Spanned<Definition>>,
    /// JSON field names this file adds (read by [`user_field_names`]; checked here).
    #[serde(default)]
    #[allow(dead_code)]
    fields: Option<crate::ingest::fields::FieldNames>,
}

/// The `[fields]` tables of the user's format files: JSON field names added to the bundled
/// ones. Read without the patterns, which a file of JSON lines never needs (a broken file is
/// named when the formats load).
pub fn user_field_names() -> crate::ingest::fields::FieldNames {
    #[derive(Deserialize)]
    struct FieldsOnly {
        #[serde(default)]
        fields: crate::ingest::fields::FieldNames,
    }
    let mut names = crate::ingest::fields::FieldNames::default();
    let dirs = user_dirs(EXTRA_DIRS.get().map_or(&[], Vec::as_slice));
    for path in crate::user_files::toml_files(&dirs) {
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        if let Ok(file) = toml::from_str::<FieldsOnly>(&text) {
            names.extend(file.fields);
        }
    }
    names
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Definition {
    name: String,
    title: String,
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    /// Several shapes of one format, tried in order (capture names may repeat across them).
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    time_format: Option<String>,
    #[serde(default)]
    no_response: bool,
    #[serde(default)]
    continuation: Option<Spanned<String>>,
    #[serde(default)]
    body: Option<Spanned<String>>,
    #[serde(default)]
    opener: Option<Spanned<String>>,
    #[serde(default)]
    header: Option<Spanned<String>>,
    sample: String,
    #[serde(default)]
    expect: Expect,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();
static EXTRA_DIRS: OnceLock<Vec<PathBuf>> = OnceLock::new();

/// The loaded formats: bundled, then the user's config folder and `--formats` folders. Loaded on
/// first use: compiling the patterns costs milliseconds, which a file of JSON lines never needs.
pub fn registry() -> &'static Registry {
    REGISTRY.get_or_init(|| load(&user_dirs(EXTRA_DIRS.get().map_or(&[], Vec::as_slice))))
}

/// Sets the `--formats DIR` folders read besides the config folder; call it before anything reads
/// a file. When the user has format files, they are loaded now and their problems returned, so
/// a broken file is named at once; `None` when formats were configured already.
pub fn configure(extra_dirs: &[PathBuf]) -> Option<&'static [FormatProblem]> {
    EXTRA_DIRS.set(extra_dirs.to_vec()).ok()?;
    let has_user_files = !crate::user_files::toml_files(&user_dirs(extra_dirs)).is_empty();
    Some(if has_user_files { registry().problems.as_slice() } else { &[] })
}

fn user_dirs(extra_dirs: &[PathBuf]) -> Vec<PathBuf> {
    crate::user_files::config_dir()
        .map(|dir| dir.join("formats"))
        .into_iter()
        .chain(extra_dirs.iter().cloned())
        .collect()
}

/// The bundled formats, then every `*.toml` in `dirs` (a folder that does not exist is no problem).
pub fn load(dirs: &[PathBuf]) -> Registry {
    let mut files: Vec<(Cow<'static, str>, Origin)> =
        BUNDLED.iter().map(|(name, text)| (Cow::Borrowed(*text), Origin::Bundled(name))).collect();
    let mut registry = Registry::default();
    for path in crate::user_files::toml_files(dirs) {
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((text.into(), Origin::User(path))),
            Err(error) => registry.problems.push(problem(&path, "", 0, format!("cannot read it: {error}"))),
        }
    }
    // Files and their definitions compile in parallel (37 bundled patterns took a text file's
    // load 3 ms on one core before its lines could start); they are added in the files' order.
    let read: Vec<Vec<Result<LineFormat, FormatProblem>>> =
        files.par_iter().map(|(text, origin)| read_file(text, origin)).collect();
    for outcome in read.into_iter().flatten() {
        match outcome {
            Ok(format) => add(&mut registry, format),
            Err(problem) => registry.problems.push(problem),
        }
    }
    registry
}

/// Each definition of a format file compiled, or the problem with it (or with the whole file).
fn read_file(text: &str, origin: &Origin) -> Vec<Result<LineFormat, FormatProblem>> {
    let path = match origin {
        Origin::Bundled(name) => PathBuf::from(format!("assets/formats/{name}")),
        Origin::User(path) => path.clone(),
    };
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            return vec![Err(problem(&path, text, at, error.message().to_string()))];
        }
    };
    file.format
        .into_par_iter()
        .map(|definition| {
            let at = definition.span().start;
            compile(definition.into_inner(), origin)
                .map_err(|(offset, message)| problem(&path, text, offset.unwrap_or(at), message))
        })
        .collect()
}

/// A user's definition replaces a bundled one of the same name, in its place.
fn add(registry: &mut Registry, format: LineFormat) {
    let count = registry.formats.len();
    match registry.formats.iter_mut().find(|known| known.name.eq_ignore_ascii_case(format.name)) {
        Some(known) => *known = format,
        None if count < usize::from(u16::MAX) => registry.formats.push(format),
        None => {}
    }
}

fn compile(definition: Definition, origin: &Origin) -> Result<LineFormat, (Option<usize>, String)> {
    let Definition {
        name,
        title,
        pattern,
        patterns,
        time_format,
        no_response,
        continuation,
        body,
        opener,
        header,
        sample,
        expect,
    } = definition;
    let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !name_ok {
        return Err((None, format!("format name {name:?}: use letters, digits, - and _")));
    }
    if super::super::Format::builtin(&name).is_some() {
        return Err((None, format!("format name {name:?} is a built-in format's")));
    }
    let sources: Vec<Spanned<String>> = pattern.into_iter().chain(patterns).collect();
    if sources.is_empty() {
        return Err((None, format!("format {name:?} has no pattern")));
    }
    let build = |source: &Spanned<String>| {
        build_regex(source.get_ref())
            .map_err(|error| (Some(source.span().start), format!("format {name:?}: bad pattern: {error}")))
    };
    // A bundled pattern builds (the tests build every one): its regex waits until a line needs
    // it. A user's is built now, so that a bad one is reported where it is written.
    let pattern = |source: &Spanned<String>| match origin {
        Origin::Bundled(_) => {
            Pattern::lazy(source.get_ref()).map_or_else(|| Ok(Pattern::new(build(source)?, source.get_ref())), Ok)
        }
        Origin::User(_) => Ok(Pattern::new(build(source)?, source.get_ref())),
    };
    let continuation = continuation.as_ref().map(pattern).transpose()?;
    let body = body.as_ref().map(pattern).transpose()?;
    let opener = opener.as_ref().map(pattern).transpose()?;
    let header = header.as_ref().map(pattern).transpose()?;
    let mut compiled = Vec::with_capacity(sources.len());
    for source in sources {
        let at = Some(source.span().start);
        let pattern = pattern(&source)?;
        if !pattern.capture_names().iter().any(|capture| ["status", "body", "message", "error"].contains(capture)) {
            return Err((at, format!("format {name:?}: the pattern captures no status, body, message or error")));
        }
        compiled.push(pattern);
    }
    // Names live as long as errlens: formats are loaded once.
    let name: &'static str = Box::leak(name.into_boxed_str());
    let origin = origin.clone();
    Ok(LineFormat {
        name,
        title,
        origin,
        sample,
        expect,
        patterns: compiled,
        time_format: time_format.map(crate::ingest::time::TimeFormat::new),
        no_response,
        continuation,
        body,
        opener,
        header,
    })
}

impl LineFormat {
    /// A format of one pattern, as a user's file would define it (the fuzzer builds them).
    pub fn from_pattern(name: &str, pattern: &str) -> Result<Self, String> {
        let text = format!(
            "[[format]]\nname = {name:?}\ntitle = {name:?}\nsample = \"\"\npattern = {}\n",
            toml_string(pattern)
        );
        match read_file(&text, &Origin::User(PathBuf::from(name))).pop() {
            Some(read) => read.map_err(|problem| problem.message),
            None => Err("no format".to_string()),
        }
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn problem(path: &Path, text: &str, offset: usize, message: String) -> FormatProblem {
    let (line, column) = crate::user_files::line_and_column(text, offset);
    FormatProblem { path: path.display().to_string(), line, column, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_names_its_line_and_column_and_the_rest_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.toml"), "[[format]]\nname = \"x\"\ntitle = 3\n").expect("write");
        let bad_pattern = "[[format]]\nname = \"y\"\ntitle = \"y\"\nsample = \"\"\npattern = '(?P<status>\\d+'\n";
        std::fs::write(dir.path().join("b.toml"), bad_pattern).expect("write");
        let registry = load(&[dir.path().to_path_buf()]);
        let shown: Vec<String> = registry.problems.iter().map(|p| format!("{}:{}", p.line, p.column)).collect();
        assert_eq!(shown, ["3:9", "5:11"], "{:?}", registry.problems);
        assert!(registry.problems[1].message.contains("bad pattern"));
        assert!(registry.find("combined").is_some(), "bundled formats still load");
    }

    #[test]
    fn a_huge_pattern_is_refused_not_run() {
        let huge = "[[format]]\nname = \"z\"\ntitle = \"z\"\nsample = \"\"\npattern = '(?P<status>\\w{1000}){1000}'\n";
        let read = read_file(huge, &Origin::User(PathBuf::from("z.toml")));
        match read.as_slice() {
            [Err(problem)] => assert!(problem.message.contains("bad pattern"), "{problem:?}"),
            other => panic!("{} definitions read, not one refused", other.len()),
        }
    }

    #[test]
    fn the_bundled_files_load_without_problems() {
        let registry = load(&[]);
        assert_eq!(registry.problems, []);
        assert!(registry.formats.len() >= 18, "{} formats", registry.formats.len());
        // Their regexes are built when a line needs one: each must build.
        for format in &registry.formats {
            for pattern in format.patterns().iter().chain(format.line_patterns()) {
                assert!(pattern.regex().is_some(), "{}: {pattern:?}", format.name);
            }
        }
    }
}
