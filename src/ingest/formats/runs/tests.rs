use super::*;
use regex::bytes::RegexBuilder;

/// The slots the regex crate gives, as the program gives them (`None` when it does not match).
fn regex_slots(pattern: &str, line: &[u8]) -> Option<Vec<usize>> {
    let regex = RegexBuilder::new(pattern).unicode(false).build().expect("pattern");
    let mut locations = regex.capture_locations();
    regex.captures_read(&mut locations, line)?;
    Some((0..locations.len()).flat_map(|group| locations.get(group).map_or([UNSET, UNSET], |(a, b)| [a, b])).collect())
}

fn program_slots(pattern: &str, line: &[u8]) -> Option<Vec<usize>> {
    let program = Program::compile(pattern).expect("a program");
    let mut scratch = Scratch::default();
    match program.search(line, &mut scratch) {
        Found::Match => Some(scratch.slots),
        Found::NoMatch => None,
        Found::GaveUp => panic!("gave up on {pattern:?}"),
    }
}

#[track_caller]
fn agree(pattern: &str, lines: &[&str]) {
    for line in lines {
        assert_eq!(
            program_slots(pattern, line.as_bytes()),
            regex_slots(pattern, line.as_bytes()),
            "{pattern:?} on {line:?}"
        );
    }
}

#[test]
fn fields_between_delimiters() {
    let combined = r#"^(?:(?P<host>[\w.-]+):\d+ )?(?P<client>\S+) \S+ (?:\S+ )?\[(?P<time>[^\]]+)\] "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}|-) "#;
    agree(
        combined,
        &[
            r#"1.2.3.4 - - [10/Oct/2026:13:55:36 -0700] "GET /x HTTP/1.1" 200 5"#,
            r#"api.example.com:443 1.2.3.4 - frank [10/Oct/2026:13:55:36 -0700] "GET /x HTTP/1.1" 404 5"#,
            r#"1.2.3.4 - a b [t] "POST /a\"b HTTP/1.1" - 0"#,
            r#"1.2.3.4 - - [t] "GET /x HTTP/1.1" 20 5"#,
            r#"host:1 - - [t] "x" 500 "#,
            "",
            "garbage",
        ],
    );
}

#[test]
fn alternation_repetition_and_laziness_as_the_regex_crate() {
    agree(r"(?:^|: )(?P<a>\w+):(?P<b>\d+)", &["x: ab:12", "ab:1 x: cd:2", "no", ": :1"]);
    agree(r"(a|ab)(c|bcd)(d*)", &["abcd", "xabcdd", "ac"]);
    agree(r"(?P<x>.*?)(?P<y>\d+)$", &["abc123", "123", "a1b22"]);
    agree(r"(?:(\w),)*(\w)", &["a,b,c", "a,", ",,x"]);
    agree(r"(\d{2,4}?)(\d*)", &["12345", "1", "123"]);
    agree(r"\bword\b|\Bx", &["a word.", "swordfish", "axe", "x"]);
    agree(r"(?i)status=(\d+)", &["STATUS=500", "Status=2", "state=1"]);
    agree(r"(?:ab){2,3}(c)?", &["abababc", "abc", "ababab"]);
    agree(r"a{0}b", &["b", "ab"]);
    agree(r"(x)?(x)?y", &["xy", "xxy", "y"]);
    // Whether the line's first byte can start a match there decides whether that start is tried.
    agree(r"(?:^a|b)(c)", &["ac", "bc", "xbc", "xac", "", "a", "x"]);
    agree(r"^(a)|(b)$", &["a", "b", "xb", "xa", ""]);
    agree(r"(?:^|x)(y)?$", &["", "x", "y", "xy", "ay", "axy"]);
}

#[test]
fn what_it_cannot_express_is_left_to_the_regex_crate() {
    assert!(Program::compile(r"(?:a*)*").is_none(), "a loop over what can match nothing");
    assert!(Program::compile(r"(?m)^a$").is_none(), "multi-line anchors");
    assert!(Program::compile(r"(?u)\w+").is_none(), "Unicode classes");
    assert!(Program::compile(r"(?:ab|cd){100}{100}").is_none(), "too large");
    assert!(Program::compile(r"(unclosed").is_none());
}

#[test]
fn a_search_that_would_take_too_long_gives_up() {
    // Nested repetitions backtrack exponentially on a line that almost matches.
    let program = Program::compile(r"^(?:a|aa)+$").expect("a program");
    let line = format!("{}b", "a".repeat(64));
    assert_eq!(program.search(line.as_bytes(), &mut Scratch::default()), Found::GaveUp);
    // A line that matches is read within the budget.
    assert_eq!(program.search("a".repeat(64).as_bytes(), &mut Scratch::default()), Found::Match);
}

#[test]
fn a_line_without_a_text_every_match_holds_is_not_searched() {
    let pattern = r"(?:(?P<time>\d{4}-\d\d)\b.*?)?<-- (?P<status>\d{3})\b.*? \((?P<ms>\d+)ms";
    let program = Program::compile(pattern).expect("a program");
    let required: Vec<&[u8]> = program.required.iter().map(|finder| finder.needle()).collect();
    assert_eq!(required, [&b"<-- "[..], b" (", b"ms"]);
    agree(pattern, &["2026-11-20 x <-- 200 https://a (12ms)", "2026-11-20 x --> POST https://a", "<-- 200 (1ms)"]);
}

#[test]
fn a_lazy_run_nothing_after_can_start_takes_its_longest() {
    // The format_engine fuzzer's crash-60e39113: ` ??` before `\0\0` was made possessive and
    // then never took its space, so the match started a byte late.
    agree("b| ??c", &["a c", "ac", "b c", "a  c"]);
    agree("x(?P<a> *?)y", &["x  y", "xy", "x z"]);
    agree("\x00\x00| ??\x00\x00", &["ab \x00\x00\x00\x7f"]);
}

#[test]
fn a_match_of_nothing_at_the_end_of_the_line_is_found() {
    // The start skipping once passed over the end, where `$` matches: "abc" found nothing.
    agree(r"$", &["abc", ""]);
    agree(r"(?P<a>x)?$", &["abc", "abx", ""]);
    agree(r"a(?:\d{2}|$)", &["xa", "a12", "a1", "ba"]);
}

#[test]
fn branches_the_next_byte_rules_out_and_fixed_stretches_as_the_regex_crate() {
    let time = r"\[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}(?:\.\d+)? [+-]\d{4})\] (?P<status>\d{3}|-)(?:x|$)";
    let program = Program::compile(time).expect("a program");
    let fixed = program.insts.iter().filter(|inst| matches!(inst, Inst::Fixed { .. })).count();
    assert_eq!(fixed, 2, "the time up to its fraction, and the zone: {:?}", program.insts);
    agree(
        time,
        &[
            "[10/Oct/2026:13.5 +0000] 200",
            "[10/Oct/2026:13 -0700] -x",
            "[10/Oct/2026:13 -0700] 20",
            "[10/oct/2026:13 -0700] 200",
            "[10/Oct/2026:13 -0700",
            "[10/Oct/2026:1",
            "x [1/Oct/2026:13 +0000] 200 [10/Oct/2026:13 +0000] 404",
        ],
    );
    // A stretch no branch lands inside: the loop's `\\.` is fused, its target is not.
    agree(r#""(?P<r>[^"\\]*(?:\\.[^"\\]*)*)" (\d{3})"#, &[r#""a\"b\\" 200"#, r#""a\"#, r#""" 20"#]);
}

#[test]
fn a_run_scanned_eight_bytes_at_a_time_ends_where_one_byte_at_a_time_does() {
    // `\S`, and a set whose outside bytes are the whole range below the bound.
    let sets = [r"\S", r"[^\x00-\x7f]", r"[^\x00\x05\x10\x7f]", r"[^ \x01\x02\x1f]"];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for class in sets {
        let Some(Inst::Run { set, stops, .. }) =
            Program::compile(class).map(|program| program.insts.into_iter().nth(1).expect("a run"))
        else {
            panic!("{class} compiles to a run");
        };
        assert!(matches!(stops, Stops::Below(_)), "{class}: {stops:?}");
        for _ in 0..5_000 {
            let len = (next() % 40) as usize;
            // Mostly bytes of the set, sometimes one from anywhere.
            let hay: Vec<u8> =
                (0..len).map(|_| if next() % 12 == 0 { next() as u8 } else { b'a' + (next() % 26) as u8 }).collect();
            let expected = hay.iter().position(|&b| !set.0[usize::from(b)]).unwrap_or(hay.len());
            assert_eq!(stops.run_length(&set, &hay), expected, "{class} on {hay:?}");
        }
    }
}

#[test]
fn a_field_and_its_delimiter_are_one_step_that_backtracks_as_the_regex_crate() {
    let pattern = r"^(?:(?P<a>\w+) x|(?P<b>\w+) y|(?P<c>\w*)-)(?P<d>[^ ]+) ";
    let program = Program::compile(pattern).expect("a program");
    let fields = program.insts.iter().filter(|inst| matches!(inst, Inst::Field(_))).count();
    assert_eq!(fields, 4, "a, b, c and d: {:?}", program.insts);
    // The first branch's field saves `a` and then fails on `y`: the second must not see it.
    agree(pattern, &["foo y1 ", "foo x1 ", "foo-1 ", "-1 ", "foo z1 ", "foo x", "foo y1", " y1 ", ""]);
}

#[test]
fn a_run_of_exactly_n_is_a_field_whatever_follows_it() {
    // uvicorn's status: `\d{3}` before `\b`, which a digit could follow as far as the bytes
    // tell, has one end all the same.
    let pattern = r"^(?P<client>\S+) (?P<status>\d{3})\b";
    let program = Program::compile(pattern).expect("a program");
    let fields = program.insts.iter().filter(|inst| matches!(inst, Inst::Field(_))).count();
    assert_eq!(fields, 2, "client and status: {:?}", program.insts);
    agree(pattern, &["a 200 OK", "a 2000 OK", "a 200", "a 20 OK", "a 200x", "a 200-", "a  200 ", ""]);
}

#[test]
fn every_step_counts_against_the_budget_not_only_branches() {
    // One branch a start, then a long way without one: counting branches alone would let this
    // run hundreds of steps a byte; counting steps, it gives up within the dozen a byte.
    let straight: String = (0..300).map(|n| format!("(?P<g{n}>a)")).collect();
    let pattern = format!("(?:x|y)?{straight}b");
    let program = Program::compile(&pattern).expect("a program");
    let line = "a".repeat(2_000);
    assert_eq!(program.search(line.as_bytes(), &mut Scratch::default()), Found::GaveUp);
    // The same pattern on a line that matches at once is read.
    let line = format!("{}b", "a".repeat(300));
    assert_eq!(program.search(line.as_bytes(), &mut Scratch::default()), Found::Match);
}

#[test]
fn a_run_backs_off_only_to_where_what_follows_can_start() {
    // Greedy runs that must give bytes back: to a `:` (HAProxy's client), to the last of several
    // quotes, past ends the next byte rules out, and to nothing at all.
    agree(
        r"(?:^|: )(?P<client>[\w.:]+):(?P<port>\d+) \[",
        &[
            "haproxy[760]: 192.168.33.1:58444 [14/Nov",
            "haproxy[760]: 2001:db8::1234:58430 [14/Nov",
            "x: a:b:c:1 [",
            "x: a:b:c:1x [",
            "x: ::::",
            "x: a:1 [ b: c:2 [",
        ],
    );
    agree(r#"^(.*)"(.*)" (\d+)$"#, &[r#"a "b" "c" 200"#, r#""" 1"#, r#"no quote 200"#, r#"a "b" c"#]);
    agree(r"(a+)ab", &["aaaaab", "aaaa", "ab", "xaab"]);
    agree(r"(\w+)\b(\w*)", &["abc def", ""]);
    agree(r"(.+)$", &["abc", ""]);
}

#[test]
fn a_lazy_run_tries_only_ends_where_what_follows_can_start() {
    // OkHttp's opener: `.*?` then `--> `, past `-`s that do not start it, to none at all; a run
    // whose set stops it first; a bound that runs out; what follows being the line's end.
    let opener = r"(?:(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\b.*?)?--> (?P<method>[A-Z]+) (?P<url>\S+)";
    agree(
        opener,
        &[
            "2026-11-20 12:01:13 4321-4398 I/okhttp: --> POST https://a/b",
            "2026-11-20 12:01:13 a-b -- -> --> GET /x --> PUT /y",
            "2026-11-20 12:01:13 no arrow here - -",
            "--> DELETE /z",
            "",
        ],
    );
    agree(r"a([a-z]*?)-(\d)", &["abc-1", "ab-c-2", "aXb-1", "a-", "a--3"]);
    agree(r"a(.{0,3}?)-", &["ab-", "abcd-", "abcde-", "a-"]);
    agree(r"(x.*?)(-|$)", &["x-", "xab", "xa-b-", "x"]);
    agree(r"(.*?)\b(\d+)", &["ab 12", "a1", "-- 3"]);
}

#[test]
fn a_start_whose_next_byte_cannot_come_second_is_not_tried() {
    // OkHttp's continuation: a colon starts a match only before a space; JSON's colons do not.
    let continuation = r#"(?:^|: )(?:[A-Za-z][\w-]*: \S|\s*[\[{]|<[!A-Za-z]|<-- END HTTP|--> END )|OkHttpClient: (?:[^<\-]|<[^\-]|-[^\-]|--[^>])"#;
    let program = Program::compile(continuation).expect("a program");
    let colon = program.second_of[usize::from(b':')];
    let seconds = program.seconds.get(usize::from(colon)).expect("a colon's seconds");
    assert!(seconds.0[usize::from(b' ')] && !seconds.0[usize::from(b'"')]);
    agree(
        continuation,
        &[
            r#"I/okhttp.OkHttpClient: {"a":"b","c":{"d":1}}"#,
            r#"x:{"a":"b"}: {"c":1}"#,
            "I/okhttp.OkHttpClient: accept: application/json",
            "I/okhttp.OkHttpClient: --> POST https://a/b",
            "OkHttpClient:",
            "Ok",
            ": ",
            ":",
        ],
    );
    // Runs, literals of one byte and of more, a run of one byte at most, an optional start, and
    // what may end or assert after the first byte (no filter then).
    agree(r"(?:\s|:)https?://(\w+)", &["a:b:https://x", "a https://y", ":http:/", ": https://z"]);
    agree(r"x{1,3}y", &["xxy", "xaxy", "xxxxy", "x"]);
    agree(r"[ab]?cd", &["acd", "bxcd", "ccd", "abcd"]);
    agree(r"q\b", &["q", "qq q", "aq."]);
    agree(r"z$|zz", &["az", "zaz", "azz"]);
    agree(r"(?:ab|ac)+d", &["abacd", "aad", "abd", "aed acd"]);
}

#[test]
fn a_start_is_found_by_the_one_byte_every_match_has_second() {
    // urllib3's line: seven first bytes (whitespace and a colon), each only before an `h`.
    let urllib3 = r#"(?:^|\s|:)https?://(?P<host>[^\s":/]+)(?::\d+)? "(?P<request>[^"\\]*)" (?P<status>\d{3}) "#;
    assert_eq!(Program::compile(urllib3).expect("a program").second_byte, Some(b'h'));
    agree(
        urllib3,
        &[
            r#"DEBUG:urllib3.connectionpool:https://api.example.com:443 "POST /v1/contacts HTTP/1.1" 200 85"#,
            r#"https://a "GET / HTTP/1.1" 404 0"#,
            r#"x https:/ :https://b "GET / HTTP/1.1" 500 1"#,
            r#"hh:h:hhttps://c "GET / HTTP/1.1" 200 1 :https://d "GET / HTTP/1.1" 201 1"#,
            r#"xhttps://e "GET / HTTP/1.1" 200 1"#,
            ":h",
            ":",
            "h",
            "",
        ],
    );
    agree(r"(?:\s|:|,)a(b)", &["xab", "x,ab", "a:a:ab", "::a", " aab ab", "ab", ","]);
    // The second byte a first byte too: the byte after a pair that starts nothing may start one.
    let twice = r"(?:\s|:|a)a(b)";
    assert_eq!(Program::compile(twice).expect("a program").second_byte, Some(b'a'));
    agree(twice, &["xyaab", "aab", "x:aab", "xaaab", "xa"]);
    // A first byte that may be followed by more than the one byte, or a match that may end after
    // its first byte, or few first bytes (memchr finds those): no such byte.
    for pattern in [r"(?:\s|:|,)a|;b", r"(?:\s|:|,)a?", r"(?:,|:)ab"] {
        assert_eq!(Program::compile(pattern).expect("a program").second_byte, None, "{pattern}");
    }
    agree(r"(?:\s|:|,)a|;b", &["x;b", "x:a", ";c :a"]);
    agree(r"(?:\s|:|,)a?", &["x", "x:", ":a"]);
    // A match that may end at the line's end after its first byte: `a` is second where there is
    // a second byte, and a first byte that ends the line is tried too.
    let at_end = r"(?:\s|:|,)(?:a|$)";
    assert_eq!(Program::compile(at_end).expect("a program").second_byte, Some(b'a'));
    agree(at_end, &["x:", "x:b,", "x:b,a", ",", "b", ": a", "a", ""]);
}

#[test]
fn a_loop_whose_turns_leave_nothing_behind_is_skimmed_as_the_regex_crate() {
    let url = r"--> (?P<method>[A-Z]+) (?P<url>https?://(?:\[[a-z ]{1,24}\]|\S)+)";
    // The bytes each skim of the pattern's program takes.
    let skims = |pattern: &str| -> Vec<Vec<u8>> {
        let program = Program::compile(pattern).expect("a program");
        let bytes = |set: &ByteSet| (0..=255u8).filter(|&b| set.0[usize::from(b)]).collect();
        program.skims.iter().map(|(_, skim)| bytes(&skim.set)).collect()
    };
    let url_bytes: Vec<u8> = (0..=255u8).filter(|b| !b.is_ascii_whitespace() && *b != 0x0b && *b != b'[').collect();
    // The URL's loop at the pattern's end (its way out matches at once), and before ` (`
    // (its way out cannot start at a byte of the URL): every byte of `\S` but the `[` that
    // may open the other branch.
    assert_eq!(skims(url), std::slice::from_ref(&url_bytes));
    assert_eq!(skims(&format!(r"{url} \((?P<ms>\d+)ms")), std::slice::from_ref(&url_bytes));
    // A group inside the loop saves at each turn: its bytes are not skimmed.
    assert_eq!(skims(r"(?:(a)|b)+c"), [b"b".to_vec()]);
    // A lazy loop turns at a byte its way out cannot start with.
    let lazy: Vec<u8> = url_bytes.iter().copied().filter(|&b| b != b'c').collect();
    assert_eq!(skims(r"(?:\[x\]|\S)+?c"), [lazy]);
    // A loop whose way out may start at a byte of its own is not skimmed there.
    assert_eq!(skims(r"(?:xy|[a-d])+c"), [b"abd".to_vec()]);
    let lines = [
        "--> POST https://a.example/x?key=[api key]&b=1",
        "--> POST https://a.example/x (12ms)",
        "--> GET https://a.example/[x] (12ms) (13ms)",
        "--> GET https://a.example/[x (1ms",
        "--> GET https://[ab] [cd]e (3ms)",
        "--> GET https://",
        "--> GET https://x\t(1ms)",
    ];
    agree(url, &lines);
    agree(&format!(r"{url} \((?P<ms>\d+)ms"), &lines);
    agree(&format!(r"{url}\b"), &lines);
    agree(&format!(r"{url}$"), &lines);
    agree(r"(?:ab|a|\d)+c", &["ab1abac", "aab", "12c", "abab1c", "c"]);
    agree(r"(?:xy|[a-d])+c", &["abxycdc", "xyc", "ddcc", "axc", "c"]);
    // A loop that skims beside one that does not (a quoted field's escapes).
    let both = r#""(?P<r>[^"\\]*(?:\\.[^"\\]*)*)" (?P<u>(?:\[[a-z]\]|\S)+)"#;
    assert_eq!(skims(both).len(), 1);
    agree(both, &[r#""a\"b c" x[y]z"#, r#""a\\" [b]"#, r#""\"\"" u"#]);
    agree(r"(?:x\d|[a-w])+(?P<end>[a-z]*)", &["abcx1yz", "x1x2ab", "xx1", "abc"]);
    agree(r"(?:\[[a-z ]{1,3}\]|[^\s\]])+\]", &["ab[c d]e]", "ab[cd e]]", "a[b]", "[abcd]]"]);
}

#[test]
fn a_match_that_starts_with_an_assertion_starts_only_where_its_first_byte_can() {
    // Faraday's patterns start with `\b`: a start is a byte of what follows it, not every byte.
    let faraday = r"\brequest: (?P<method>[A-Z]+) (?P<url>https?://\S+)";
    let first = |pattern: &str| {
        Program::compile(pattern)
            .expect("a program")
            .first
            .map(|set| (0..=255u8).filter(|&b| set.0[usize::from(b)]).collect::<Vec<u8>>())
    };
    assert_eq!(first(faraday), Some(b"r".to_vec()));
    assert_eq!(first(r"\B-x|\bab"), Some(b"-a".to_vec()));
    agree(
        faraday,
        &[
            "I, [t]  INFO -- request: POST https://a.example/x",
            "xrequest: GET https://a/b request: PUT http://c/d",
            "_request: GET https://a request: x",
            "request: DELETE https://a",
            "request: ",
        ],
    );
    agree(r"\B-x|\bab", &["a-x ab", "-x", " ab", "cab", "a-xab"]);
    agree(r"(?:^|: )\s*(?P<v>[\[{].*)", &["{a", "x: {b", ": [c", "x:{d", "  {e"]);
    agree(r"(?:\bab|cd)e", &["xabe abe", "cde", "ab cde", "_abe"]);
    agree(r"x\b|\by", &["x", "xy", "a y", "ay"]);
}

#[test]
fn a_line_without_any_of_the_few_bytes_every_match_holds_is_not_searched() {
    // OkHttp's body pattern: no text of two bytes every match holds, but `[` or `{`.
    let body = r"(?:^|: )\s*(?P<body>[\[{].*)";
    let program = Program::compile(body).expect("a program");
    assert!(matches!(program.required_bytes, Some(Stops::Two(b'[', b'{'))), "{:?}", program.required_bytes);
    agree(
        body,
        &[
            "I/okhttp.OkHttpClient: accept: application/json",
            r#"I/okhttp.OkHttpClient: {"a":1}"#,
            "I/okhttp.OkHttpClient: [1, 2]",
            "{",
            "[",
            "x: y: {",
            "",
        ],
    );
    // The fewest bytes of those; none where a text is required, or the pattern is anchored.
    assert!(matches!(Program::compile(r"[ab]x*[cde]y*(f)").expect("a program").required_bytes, Some(Stops::One(b'f'))));
    assert!(Program::compile(r"[ab]x*:=[cde]").expect("a program").required_bytes.is_none());
    assert!(Program::compile(r"^[ab]x*[cde]").expect("a program").required_bytes.is_none());
    agree(r"[ab]x*[cde]y*(f)", &["axxcf", "bdyyf", "axxc", "f", "ae ae f"]);
}

#[test]
fn a_literal_is_compared_whole_near_the_end_and_past_eight_bytes() {
    for (literal, line, at, holds) in [
        (&b"\" "[..], &b"x\" 200 1"[..], 1, true),
        (b"\" ", b"x\" 200 1", 0, false),
        // Fewer than eight bytes left, and the literal ending the line.
        (b"\" ", b"x\" ", 1, true),
        (b"\" ", b"x\"", 1, false),
        // The bytes after the literal do not count; its last byte does.
        (b"://", b"https://host", 5, true),
        (b"://", b"https:/?host", 5, false),
        (b" HTTP/1.1\"", b"GET / HTTP/1.1\" 200", 5, true),
        (b" HTTP/1.1\"", b"GET / HTTP/1.0\" 200", 5, false),
        (b" HTTP/1.1\"", b"GET / HTTP/1.1", 5, false),
        (b"12345678", b"12345678", 0, true),
        (b"12345678", b"1234567", 0, false),
    ] {
        assert_eq!(super::Literal::new(literal).at(line, at), holds, "{literal:?} in {line:?} at {at}");
    }
}
