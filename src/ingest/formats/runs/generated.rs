//! The bundled patterns' searches as Rust code, written by `runs::codegen` (do not edit: after a
//! change to a bundled pattern or to the compiler, `ERRLENS_WRITE_GENERATED=1 cargo test
//! generated_code` writes it again). A pattern not here, or whose program has changed since, is
//! stepped through by its program; both find what the regex crate finds.

// Every program's code has the same shape: a program of one block never loops, nor changes its
// place, nor returns from anywhere but its end, and a short one may never charge its budget.
#![allow(unused_mut, unused_variables, clippy::never_loop, clippy::needless_return)]

use super::{Assertion, ByteSet, Compiled, Cursor, Ended, Found, Frame, Program, Scratch, Stops};
use super::{charge, holds, literal_at, save};

/// The generated search of `pattern`, when it is a bundled pattern whose program's
/// `fingerprint` is the one the code was written from.
pub(super) fn compiled(pattern: &str, fingerprint: impl FnOnce() -> u64) -> Option<Compiled> {
    let (search, expected): (Compiled, u64) = match pattern {
        "^(?:(?P<client>\\S+) - - )?\\[(?P<time>\\d{2}/[A-Z][a-z]{2}/\\d{4} \\d{2}:\\d{2}:\\d{2})\\] \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" (?P<status>\\d{3}) " => (search_0, 0x5bf17202a029ec0e),
        "^(?:(?P<host>[\\w.-]+):\\d+ )?(?P<client>\\S+) \\S+ (?:\\S+ )?\\[(?P<time>\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)? [+-]\\d{4})\\] \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" (?P<status>\\d{3}|-) " => (search_1, 0x63440aeaa7d6d97e),
        "(?:^|: )(?P<client>[\\w.:]+):\\d+ \\[(?P<time>\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2}\\.\\d+)\\] (?P<frontend>\\S+) (?P<backend>\\S+) (?P<timers>-?\\d+/-?\\d+/-?\\d+/-?\\d+/\\+?-?\\d+) (?P<status>-?\\d+) \\+?\\d+ \\S+ \\S+ (?P<termination>\\S{4}) \\S+ \\S+ (?:\\{[^}]*\\} )*\"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"" => (search_2, 0x8cd1a8160848ed95),
        "^(?P<time>\\d{9,10}\\.\\d+)\\s+(?P<duration_ms>\\d+) (?P<client>\\S+) (?P<result>[A-Z_]+)/(?P<status>\\d{3}) \\d+ (?P<method>[A-Z]+) (?P<url>\\S+) " => (search_3, 0x9f0c710a16f9dd1c),
        "^(?:https?|h2|grpcs|wss?) (?P<time>\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z) (?P<elb>\\S+) (?P<client>\\S+) (?P<target>\\S+) [-\\d.]+ (?P<duration_s>[-\\d.]+) [-\\d.]+ (?P<status>\\d{3}|-) (?P<target_status>\\d{3}|-) \\d+ \\d+ \"(?P<request>[^\"]*)\" \"[^\"]*\" \\S+ \\S+ \\S+ \"(?P<request_id>[^\"]*)\"(?: \"(?P<host>[^\"]*)\")?" => (search_4, 0xbec9e5b7aa11f717),
        "^(?P<time>\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z) (?P<elb>[\\w-]+) (?P<client>\\S+) (?P<backend>\\S+) [-\\d.]+ (?P<duration_s>[-\\d.]+) [-\\d.]+ (?P<status>\\d{3}|-) (?P<backend_status>\\d{3}|-) \\d+ \\d+ \"(?P<request>[^\"]*)\"" => (search_5, 0x4b8ad7d0353d6ac7),
        "^\\S+ (?P<bucket>\\S+) \\[(?P<time>\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4})\\] \\S+ \\S+ (?P<request_id>\\S+) (?P<operation>\\S+) \\S+ \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" (?P<status>\\d{3}|-) (?P<error>\\S+) \\S+ \\S+ (?P<duration_ms>\\d+|-) " => (search_6, 0x3405fd026b846eae),
        "^\\[pid: \\d+\\|app: [-\\d]+\\|req: [-\\d]+/\\d+\\] (?P<client>\\S+) \\([^)]*\\) \\{[^}]*\\} \\[(?P<time>[^\\]]+)\\] (?P<method>[A-Z]+) (?P<url>\\S+) => generated \\d+ bytes in (?P<duration_ms>\\d+) msecs \\(HTTP/[\\d.]+ (?P<status>\\d{3})\\)" => (search_7, 0x6c3dc5be60a692dd),
        "^(?:\\S+ )?(?P<time>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+) \\d+ \\w+ \\S+ \\[(?:(?P<request_id>req-[\\w-]+)[^\\]]*|-)\\] (?P<client>\\S+) \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" status: (?P<status>\\d{3}) len: \\d+ time: (?P<duration_s>[\\d.]+)" => (search_8, 0xbea3a2e112d82313),
        "HTTP Request: (?P<method>[A-Z]+) (?P<url>\\S+) \"HTTP/[\\d.]+ (?P<status>\\d{3})(?: [^\"]*)?\"" => (search_9, 0x81816ed47f01993e),
        "(?:^|\\s|:)https?://(?P<host>[^\\s\":/]+)(?::\\d+)? \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" (?P<status>\\d{3}) " => (search_10, 0x3336c148312b035c),
        "HTTPError: (?P<status>\\d{3}) (?:Client|Server) Error: (?P<message>.*?) for url: (?P<url>\\S+)" => (search_11, 0xc125b556e19ff60d),
        "(?:ConnectionError|ConnectTimeout|ReadTimeout|SSLError|ProxyError)\\b.*?HTTPS?ConnectionPool\\(host='(?P<host>[^']+)', port=\\d+\\): (?P<error>.*?url: (?P<path>\\S+).*)" => (search_12, 0x6080b4eeef64699b),
        "(?:(?P<time>\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)\\b.*?)?<-- (?P<status>\\d{3})\\b.*? (?P<url>https?://(?:\\[[a-z ]{1,24}\\]|\\S)+) \\((?P<duration_ms>\\d+)ms" => (search_13, 0xd057b04193e72e97),
        "<-- (?P<message>HTTP FAILED: .*)" => (search_14, 0x2b5ed39926a103f2),
        "(?:(?P<time>\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?)\\b.*?)?--> (?P<method>[A-Z]+) (?P<url>https?://(?:\\[[a-z ]{1,24}\\]|\\S)+)" => (search_15, 0x6a156c218515527c),
        "(?:^|: )(?:[A-Za-z][\\w-]*: \\S|\\s*[\\[{]|<[!A-Za-z]|<-- END HTTP|--> END )|OkHttpClient: (?:[^<\\-]|<[^\\-]|-[^\\-]|--[^>])" => (search_16, 0x0f9b7283d35df393),
        "(?:^|: )\\s*(?P<body>[\\[{].*)" => (search_17, 0xf0497aa2e97c03b2),
        "(?:^|OkHttpClient: )(?P<name>[A-Za-z][\\w-]*): (?P<value>.*)" => (search_18, 0xc25285f1af4cd20d),
        "\\bresponse: Status (?P<status>\\d{3})" => (search_19, 0xa3f91791bb7efa81),
        "\\brequest: (?P<method>[A-Z]+) (?P<url>https?://\\S+)" => (search_20, 0x7a688dee7ece4036),
        "\\b(?:request|response): (?:[A-Za-z][\\w-]*: |[\\[{\"])" => (search_21, 0x48aeed279585e083),
        "\\bresponse: (?P<body>[\\[{].*)" => (search_22, 0xfe108d05a531a1ca),
        "^< HTTP/[\\d.]+ (?P<status>\\d{3})" => (search_23, 0x18fd8a38d26c18e4),
        "^> (?P<method>[A-Z]+) (?P<path>\\S+) HTTP/[\\d.]+" => (search_24, 0x09b7e5d9cac86ea5),
        "^(?:[<>] |[<>]$|\\* |[\\[{])" => (search_25, 0x63b78c321a225d8f),
        "^(?P<body>[\\[{].*)" => (search_26, 0xcd3ff343d4aac9bd),
        "(?:Client|Server) error: `(?P<method>[A-Z]+) (?P<url>[^`\\s]+)` resulted in a `(?P<status>\\d{3})[^`]*` response(?::\\s*(?P<body>\\{.*?\\})(?: \\(truncated\\.\\.\\.\\))?(?:\\s*\\{\"exception\"|\\s*$))?" => (search_27, 0xeb73416e8637ba17),
        "WebClientResponseException(?:\\$\\w+)?: (?P<status>\\d{3})[^\\n]*? from (?P<method>[A-Z]+) (?P<url>\\S+)" => (search_28, 0xd97be7210cd48c41),
        "Http(?:Client|Server)ErrorException(?:\\$\\w+)?: (?P<status>\\d{3})[^:]*(?::\\s*\"?(?P<body>\\{.*\\})\"?)?" => (search_29, 0x948e680ed5e053b8),
        "ResourceAccessException: (?P<message>I/O error on (?P<method>[A-Z]+) request for \"(?P<url>[^\"]+)\": .*)" => (search_30, 0x7291e3703412561b),
        "^(?:\\s+at |\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)|Caused by: |\\s*Suppressed: |\\s+\\*__checkpoint|\\s*\\|_ |\\s*Error has been observed|\\s*Original Stack Trace:)" => (search_31, 0x977aea9bdc32db6e),
        "\\b(?P<method>Get|Post|Put|Patch|Delete|Head|Options) \"(?P<url>https?://[^\"]+)\": (?P<error>.+)" => (search_32, 0x36ef1286f5bd0545),
        "^(?:\\S+ )??(?:[A-Z]+):\\s+(?P<client>\\S+) - \"(?P<request>[^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\" (?P<status>\\d{3})\\b" => (search_33, 0x451eb03df588e053),
        "Completed (?P<status>\\d{3}) [^\\n]*? in (?P<duration_ms>[\\d.]+)ms" => (search_34, 0xd074214c508c0f87),
        "Started (?P<method>[A-Z]+) \"(?P<url>[^\"]+)\" for \\S+ at (?P<time>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d{4})" => (search_35, 0x474609c9daabe059),
        "(?:^|: |\\] )\\s*(?:Processing by |Parameters: |Rendered |Rendering |Redirected to |Filter chain halted|Can't verify CSRF|Sent data |Sent file |↳ |[A-Z]\\w+ Load \\(|CACHE |\\(\\d+\\.\\d+ms\\) )" => (search_36, 0x9685812e3d417849),
        _ => return None,
    };
    (fingerprint() == expected).then_some(search)
}

const SET_0: ByteSet = ByteSet::of_ranges(&[(0x00, 0x08), (0x0e, 0x1f), (b'!', 0xff)]);
const SET_1: ByteSet = ByteSet::of_ranges(&[(b'[', b'[')]);
const SET_2: ByteSet = ByteSet::of_ranges(&[(b'0', b'9')]);
const SET_3: ByteSet = ByteSet::of_ranges(&[(b'A', b'Z')]);
const SET_4: ByteSet = ByteSet::of_ranges(&[(b'a', b'z')]);
const SET_5: ByteSet = ByteSet::of_ranges(&[(0x00, b'!'), (b'#', b'['), (b']', 0xff)]);
const SET_6: ByteSet = ByteSet::of_ranges(&[(b'\\', b'\\')]);
const SET_7: ByteSet = ByteSet::of_ranges(&[(b'"', b'"')]);
const SET_8: ByteSet = ByteSet::of_ranges(&[(0x00, 0x09), (0x0b, 0xff)]);
const SET_9: ByteSet = ByteSet::of_ranges(&[(b'-', b'.'), (b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')]);
const SET_10: ByteSet = ByteSet::of_ranges(&[(b'.', b'.')]);
const SET_11: ByteSet = ByteSet::of_ranges(&[(b' ', b' ')]);
const SET_12: ByteSet = ByteSet::of_ranges(&[(b'+', b'+'), (b'-', b'-')]);
const SET_13: ByteSet = ByteSet::of_ranges(&[(b'-', b'-')]);
const SET_14: ByteSet = ByteSet::of_ranges(&[(b'.', b'.'), (b'0', b':'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')]);
const SET_15: ByteSet = ByteSet::of_ranges(&[(b':', b':')]);
const SET_16: ByteSet = ByteSet::of_ranges(&[(b'{', b'{')]);
const SET_17: ByteSet = ByteSet::of_ranges(&[(0x00, b'|'), (b'~', 0xff)]);
const SET_18: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' ')]);
const SET_19: ByteSet = ByteSet::of_ranges(&[(b'A', b'Z'), (b'_', b'_')]);
const SET_20: ByteSet = ByteSet::of_ranges(&[(b'h', b'h')]);
const SET_21: ByteSet = ByteSet::of_ranges(&[(b'g', b'h'), (b'w', b'w')]);
const SET_22: ByteSet = ByteSet::of_ranges(&[(b's', b's')]);
const SET_23: ByteSet = ByteSet::of_ranges(&[(b'g', b'g'), (b'w', b'w')]);
const SET_24: ByteSet = ByteSet::of_ranges(&[(b'g', b'g')]);
const SET_25: ByteSet = ByteSet::of_ranges(&[(b'w', b'w')]);
const SET_26: ByteSet = ByteSet::of_ranges(&[(b'.', b'.'), (b'0', b':')]);
const SET_27: ByteSet = ByteSet::of_ranges(&[(b'-', b'.'), (b'0', b'9')]);
const SET_28: ByteSet = ByteSet::of_ranges(&[(0x00, b'!'), (b'#', 0xff)]);
const SET_29: ByteSet = ByteSet::of_ranges(&[(b'-', b'-'), (b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')]);
const SET_30: ByteSet = ByteSet::of_ranges(&[(b'-', b'-'), (b'0', b'9')]);
const SET_31: ByteSet = ByteSet::of_ranges(&[(0x00, b'('), (b'*', 0xff)]);
const SET_32: ByteSet = ByteSet::of_ranges(&[(0x00, b'\\'), (b'^', 0xff)]);
const SET_33: ByteSet = ByteSet::of_ranges(&[(b'.', b'.'), (b'0', b'9')]);
const SET_34: ByteSet = ByteSet::of_ranges(&[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')]);
const SET_35: ByteSet = ByteSet::of_ranges(&[(b'r', b'r')]);
const SET_36: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b':', b':')]);
const SET_37: ByteSet = ByteSet::of_ranges(&[(0x00, 0x08), (0x0e, 0x1f), (b'!', b'!'), (b'#', b'.'), (b'0', b'9'), (b';', 0xff)]);
const SET_38: ByteSet = ByteSet::of_ranges(&[(b'C', b'C')]);
const SET_39: ByteSet = ByteSet::of_ranges(&[(b'S', b'S')]);
const SET_40: ByteSet = ByteSet::of_ranges(&[(b'C', b'C'), (b'P', b'P'), (b'R', b'S')]);
const SET_41: ByteSet = ByteSet::of_ranges(&[(b'P', b'P'), (b'R', b'S')]);
const SET_42: ByteSet = ByteSet::of_ranges(&[(b'R', b'R')]);
const SET_43: ByteSet = ByteSet::of_ranges(&[(b'P', b'P'), (b'S', b'S')]);
const SET_44: ByteSet = ByteSet::of_ranges(&[(b'P', b'P')]);
const SET_45: ByteSet = ByteSet::of_ranges(&[(0x00, b'&'), (b'(', 0xff)]);
const SET_46: ByteSet = ByteSet::of_ranges(&[(b'<', b'<')]);
const SET_47: ByteSet = ByteSet::of_ranges(&[(b' ', b' '), (b'T', b'T')]);
const SET_48: ByteSet = ByteSet::of_ranges(&[(b' ', b' '), (b'a', b'z')]);
const SET_49: ByteSet = ByteSet::of_ranges(&[(0x00, 0x08), (0x0e, 0x1f), (b'!', b'Z'), (b'\\', 0xff)]);
const SET_50: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'-', b'-'), (b':', b':'), (b'<', b'<'), (b'A', b'['), (b'a', b'{')]);
const SET_51: ByteSet = ByteSet::of_ranges(&[(b'O', b'O')]);
const SET_52: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'-', b'-'), (b'<', b'<'), (b'A', b'['), (b'a', b'{')]);
const SET_53: ByteSet = ByteSet::of_ranges(&[(b'A', b'Z'), (b'a', b'z')]);
const SET_54: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'-', b'-'), (b'<', b'<'), (b'[', b'['), (b'{', b'{')]);
const SET_55: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'[', b'['), (b'{', b'{')]);
const SET_56: ByteSet = ByteSet::of_ranges(&[(b'-', b'-'), (b'<', b'<')]);
const SET_57: ByteSet = ByteSet::of_ranges(&[(b'[', b'['), (b'{', b'{')]);
const SET_58: ByteSet = ByteSet::of_ranges(&[(b'!', b'!'), (b'A', b'Z'), (b'a', b'z')]);
const SET_59: ByteSet = ByteSet::of_ranges(&[(0x00, b','), (b'.', b';'), (b'=', 0xff)]);
const SET_60: ByteSet = ByteSet::of_ranges(&[(0x00, b','), (b'.', 0xff)]);
const SET_61: ByteSet = ByteSet::of_ranges(&[(0x00, b'='), (b'?', 0xff)]);
const SET_62: ByteSet = ByteSet::of_ranges(&[(b'"', b'"'), (b'[', b'['), (b'{', b'{')]);
const SET_63: ByteSet = ByteSet::of_ranges(&[(b'<', b'<'), (b'>', b'>')]);
const SET_64: ByteSet = ByteSet::of_ranges(&[(b'*', b'*'), (b'<', b'<'), (b'>', b'>'), (b'[', b'['), (b'{', b'{')]);
const SET_65: ByteSet = ByteSet::of_ranges(&[(b'*', b'*'), (b'[', b'['), (b'{', b'{')]);
const SET_66: ByteSet = ByteSet::of_ranges(&[(b'*', b'*')]);
const SET_67: ByteSet = ByteSet::of_ranges(&[(0x00, 0x08), (0x0e, 0x1f), (b'!', b'_'), (b'a', 0xff)]);
const SET_68: ByteSet = ByteSet::of_ranges(&[(0x00, b'_'), (b'a', 0xff)]);
const SET_69: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'{', b'{')]);
const SET_70: ByteSet = ByteSet::of_ranges(&[(b'$', b'$')]);
const SET_71: ByteSet = ByteSet::of_ranges(&[(0x00, b'9'), (b';', 0xff)]);
const SET_72: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'.', b'.'), (b'C', b'C'), (b'E', b'E'), (b'O', b'O'), (b'S', b'S'), (b'|', b'|')]);
const SET_73: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'.', b'.')]);
const SET_74: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'C', b'C'), (b'E', b'E'), (b'O', b'O'), (b'S', b'S'), (b'|', b'|')]);
const SET_75: ByteSet = ByteSet::of_ranges(&[(b'm', b'm')]);
const SET_76: ByteSet = ByteSet::of_ranges(&[(b'c', b'c')]);
const SET_77: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'E', b'E'), (b'O', b'O'), (b'S', b'S'), (b'|', b'|')]);
const SET_78: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'S', b'S')]);
const SET_79: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'E', b'E'), (b'O', b'O'), (b'|', b'|')]);
const SET_80: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'|', b'|')]);
const SET_81: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'E', b'E'), (b'O', b'O')]);
const SET_82: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'E', b'E')]);
const SET_83: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'O', b'O')]);
const SET_84: ByteSet = ByteSet::of_ranges(&[(b'G', b'G')]);
const SET_85: ByteSet = ByteSet::of_ranges(&[(b'D', b'D'), (b'H', b'H'), (b'O', b'P')]);
const SET_86: ByteSet = ByteSet::of_ranges(&[(b'D', b'D'), (b'H', b'H'), (b'O', b'O')]);
const SET_87: ByteSet = ByteSet::of_ranges(&[(b'D', b'D')]);
const SET_88: ByteSet = ByteSet::of_ranges(&[(b'H', b'H'), (b'O', b'O')]);
const SET_89: ByteSet = ByteSet::of_ranges(&[(b'H', b'H')]);
const SET_90: ByteSet = ByteSet::of_ranges(&[(0x09, 0x0d), (b' ', b' '), (b'(', b'('), (b'A', b'Z'), (0xe2, 0xe2)]);
const SET_91: ByteSet = ByteSet::of_ranges(&[(b':', b':'), (b']', b']')]);
const SET_92: ByteSet = ByteSet::of_ranges(&[(b']', b']')]);
const SET_93: ByteSet = ByteSet::of_ranges(&[(b'(', b'('), (b'A', b'Z'), (0xe2, 0xe2)]);
const SET_94: ByteSet = ByteSet::of_ranges(&[(b'F', b'F')]);
const SET_95: ByteSet = ByteSet::of_ranges(&[(0xe2, 0xe2)]);
const SET_96: ByteSet = ByteSet::of_ranges(&[(b'(', b'('), (b'A', b'Z')]);
const SET_97: ByteSet = ByteSet::of_ranges(&[(b'(', b'('), (b'C', b'C')]);
const SET_98: ByteSet = ByteSet::of_ranges(&[(b'(', b'(')]);

// ^(?:(?P<client>\S+) - - )?\[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4} \d{2}:\d{2}:\d{2})\] "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}) 
fn search_0(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_0.may_start(line, at) {
                        pc = 7;
                        stretch = 7;
                        continue;
                    }
                    if SET_1.may_start(line, at) {
                        stack.push(Frame::Try { pc: 7, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    save(stack, slots, 2, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" - - ", 0x202d202d20, 0xffffffffff) { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 5;
                    pc = 7;
                    continue;
                }
                7 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let Some(here) = line.get(at..at + 20) else { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && here[2] == b'/' && SET_3.0[usize::from(here[3])] && SET_4.0[usize::from(here[4])] && SET_4.0[usize::from(here[5])] && here[6] == b'/' && SET_2.0[usize::from(here[7])] && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_2.0[usize::from(here[10])] && here[11] == b' ' && SET_2.0[usize::from(here[12])] && SET_2.0[usize::from(here[13])] && here[14] == b':' && SET_2.0[usize::from(here[15])] && SET_2.0[usize::from(here[16])] && here[17] == b':' && SET_2.0[usize::from(here[18])] && SET_2.0[usize::from(here[19])]) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 20;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"] \"", 0x22205d, 0xffffff) { *cursor = Cursor { pc: 22, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 6, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 25;
                    continue;
                }
                25 => {
                    if !charge(budget, 26 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 30;
                        stretch = 30;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 30, at });
                    }
                    pc = 26;
                    stretch = 26;
                    continue;
                }
                26 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(30 - stretch);
                    stretch = 25;
                    pc = 25;
                    continue;
                }
                30 => {
                    save(stack, slots, 7, at);
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 8, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:(?P<host>[\w.-]+):\d+ )?(?P<client>\S+) \S+ (?:\S+ )?\[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4})\] "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}|-) 
fn search_1(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_9.may_start(line, at) {
                        pc = 9;
                        stretch = 9;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 9, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_9, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 9;
                    continue;
                }
                9 => {
                    save(stack, slots, 4, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if !charge(budget, 16 - stretch) { return Ended::GaveUp; }
                    if !SET_0.may_start(line, at) {
                        pc = 18;
                        stretch = 18;
                        continue;
                    }
                    if SET_1.may_start(line, at) {
                        stack.push(Frame::Try { pc: 18, at });
                    }
                    pc = 16;
                    stretch = 16;
                    continue;
                }
                16 => {
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 18;
                    continue;
                }
                18 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let Some(here) = line.get(at..at + 20) else { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && here[2] == b'/' && SET_3.0[usize::from(here[3])] && SET_4.0[usize::from(here[4])] && SET_4.0[usize::from(here[5])] && here[6] == b'/' && SET_2.0[usize::from(here[7])] && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_2.0[usize::from(here[10])] && here[11] == b':' && SET_2.0[usize::from(here[12])] && SET_2.0[usize::from(here[13])] && here[14] == b':' && SET_2.0[usize::from(here[15])] && SET_2.0[usize::from(here[16])] && here[17] == b':' && SET_2.0[usize::from(here[18])] && SET_2.0[usize::from(here[19])]) { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 20;
                    if !charge(budget, 33 - stretch) { return Ended::GaveUp; }
                    if !SET_10.may_start(line, at) {
                        pc = 35;
                        stretch = 35;
                        continue;
                    }
                    if SET_11.may_start(line, at) {
                        stack.push(Frame::Try { pc: 35, at });
                    }
                    pc = 33;
                    stretch = 33;
                    continue;
                }
                33 => {
                    if line.get(at) != Some(&b'.') { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += taken;
                    pc = 35;
                    continue;
                }
                35 => {
                    let Some(here) = line.get(at..at + 6) else { *cursor = Cursor { pc: 35, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b' ' && SET_12.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && SET_2.0[usize::from(here[4])] && SET_2.0[usize::from(here[5])]) { *cursor = Cursor { pc: 35, at, stretch }; return Ended::Failed; }
                    at += 6;
                    save(stack, slots, 7, at);
                    if !literal_at(line, at, b"] \"", 0x22205d, 0xffffff) { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 8, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 42;
                    continue;
                }
                42 => {
                    if !charge(budget, 43 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 47;
                        stretch = 47;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 47, at });
                    }
                    pc = 43;
                    stretch = 43;
                    continue;
                }
                43 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(47 - stretch);
                    stretch = 42;
                    pc = 42;
                    continue;
                }
                47 => {
                    save(stack, slots, 9, at);
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 10, at);
                    if !charge(budget, 51 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 53;
                        stretch = 53;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 53, at });
                    }
                    pc = 51;
                    stretch = 51;
                    continue;
                }
                51 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 54;
                    continue;
                }
                53 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 53, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 54;
                    continue;
                }
                54 => {
                    save(stack, slots, 11, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 55, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|: )(?P<client>[\w.:]+):\d+ \[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2}\.\d+)\] (?P<frontend>\S+) (?P<backend>\S+) (?P<timers>-?\d+/-?\d+/-?\d+/-?\d+/\+?-?\d+) (?P<status>-?\d+) \+?\d+ \S+ \S+ (?P<termination>\S{4}) \S+ \S+ (?:\{[^}]*\} )*"(?P<request>[^"\\]*(?:\\.[^"\\]*)*)"
fn search_2(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_14.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    pc = 5;
                    continue;
                }
                4 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 5;
                    continue;
                }
                5 => {
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_14, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 7, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 7;
                    continue;
                }
                7 => {
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" [", 0x5b20, 0xffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    let Some(here) = line.get(at..at + 21) else { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && here[2] == b'/' && SET_3.0[usize::from(here[3])] && SET_4.0[usize::from(here[4])] && SET_4.0[usize::from(here[5])] && here[6] == b'/' && SET_2.0[usize::from(here[7])] && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_2.0[usize::from(here[10])] && here[11] == b':' && SET_2.0[usize::from(here[12])] && SET_2.0[usize::from(here[13])] && here[14] == b':' && SET_2.0[usize::from(here[15])] && SET_2.0[usize::from(here[16])] && here[17] == b':' && SET_2.0[usize::from(here[18])] && SET_2.0[usize::from(here[19])] && here[20] == b'.') { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += 21;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 10, at);
                    if line.get(at) == Some(&b'-') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if line.get(at) == Some(&b'-') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if line.get(at) == Some(&b'-') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if line.get(at) == Some(&b'-') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if line.get(at) == Some(&b'+') {
                        at += 1;
                    }
                    let room = (line.len() - at).min(1);
                    let taken = Stops::Many.run_length(&SET_13, &line[at..at + room]);
                    at += taken;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 11, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 12, at);
                    if line.get(at) == Some(&b'-') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 54, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 54, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if line.get(at) == Some(&b'+') {
                        at += 1;
                    }
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 59, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 59, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 64, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 64, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 14, at);
                    if !line.get(at..at + 4).is_some_and(|here| here.iter().all(|&b| SET_0.0[usize::from(b)])) { *cursor = Cursor { pc: 66, at, stretch }; return Ended::Failed; }
                    let taken = 4;
                    at += taken;
                    save(stack, slots, 15, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 66, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 70, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 70, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 72, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 72, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 74;
                    continue;
                }
                74 => {
                    if !charge(budget, 75 - stretch) { return Ended::GaveUp; }
                    if !SET_16.may_start(line, at) {
                        pc = 79;
                        stretch = 79;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 79, at });
                    }
                    pc = 75;
                    stretch = 75;
                    continue;
                }
                75 => {
                    if line.get(at) != Some(&b'{') { *cursor = Cursor { pc: 75, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::One(b'}').run_length(&SET_17, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"} ", 0x207d, 0xffff) { *cursor = Cursor { pc: 77, at, stretch }; return Ended::Failed; }
                    at += 2;
                    *budget = budget.saturating_sub(79 - stretch);
                    stretch = 74;
                    pc = 74;
                    continue;
                }
                79 => {
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 79, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 16, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 82;
                    continue;
                }
                82 => {
                    if !charge(budget, 83 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 87;
                        stretch = 87;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 87, at });
                    }
                    pc = 83;
                    stretch = 83;
                    continue;
                }
                83 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 83, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 83, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(87 - stretch);
                    stretch = 82;
                    pc = 82;
                    continue;
                }
                87 => {
                    save(stack, slots, 17, at);
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 88, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?P<time>\d{9,10}\.\d+)\s+(?P<duration_ms>\d+) (?P<client>\S+) (?P<result>[A-Z_]+)/(?P<status>\d{3}) \d+ (?P<method>[A-Z]+) (?P<url>\S+) 
fn search_3(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    save(stack, slots, 2, at);
                    let room = (line.len() - at).min(10);
                    let taken = Stops::Many.run_length(&SET_2, &line[at..at + room]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 9 { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'.') { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Many.run_length(&SET_19, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 10, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 11, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 12, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 14, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 15, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:https?|h2|grpcs|wss?) (?P<time>\d{4}-\d\d-\d\dT[\d:.]+Z) (?P<elb>\S+) (?P<client>\S+) (?P<target>\S+) [-\d.]+ (?P<duration_s>[-\d.]+) [-\d.]+ (?P<status>\d{3}|-) (?P<target_status>\d{3}|-) \d+ \d+ "(?P<request>[^"]*)" "[^"]*" \S+ \S+ \S+ "(?P<request_id>[^"]*)"(?: "(?P<host>[^"]*)")?
fn search_4(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_20.may_start(line, at) {
                        pc = 6;
                        stretch = 6;
                        continue;
                    }
                    if SET_21.may_start(line, at) {
                        stack.push(Frame::Try { pc: 6, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    pc = 14;
                    continue;
                }
                6 => {
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_20.may_start(line, at) {
                        pc = 9;
                        stretch = 9;
                        continue;
                    }
                    if SET_23.may_start(line, at) {
                        stack.push(Frame::Try { pc: 9, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    if !literal_at(line, at, b"h2", 0x3268, 0xffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 14;
                    continue;
                }
                9 => {
                    if !charge(budget, 10 - stretch) { return Ended::GaveUp; }
                    if !SET_24.may_start(line, at) {
                        pc = 12;
                        stretch = 12;
                        continue;
                    }
                    if SET_25.may_start(line, at) {
                        stack.push(Frame::Try { pc: 12, at });
                    }
                    pc = 10;
                    stretch = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b"grpcs", 0x7363707267, 0xffffffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 5;
                    pc = 14;
                    continue;
                }
                12 => {
                    if !literal_at(line, at, b"ws", 0x7377, 0xffff) { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += 2;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    pc = 14;
                    continue;
                }
                14 => {
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 2, at);
                    let Some(here) = line.get(at..at + 11) else { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && here[10] == b'T') { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 11;
                    let taken = Stops::Many.run_length(&SET_26, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'Z') { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 10, at);
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 42, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 11, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 42, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 12, at);
                    if !charge(budget, 50 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 52;
                        stretch = 52;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 52, at });
                    }
                    pc = 50;
                    stretch = 50;
                    continue;
                }
                50 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 50, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 53;
                    continue;
                }
                52 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 52, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 53;
                    continue;
                }
                53 => {
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 54, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 14, at);
                    if !charge(budget, 57 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 59;
                        stretch = 59;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 59, at });
                    }
                    pc = 57;
                    stretch = 57;
                    continue;
                }
                57 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 57, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 60;
                    continue;
                }
                59 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 59, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 60;
                    continue;
                }
                60 => {
                    save(stack, slots, 15, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 61, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 64, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 65, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 16, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 17, at);
                    if !literal_at(line, at, b"\" \"", 0x222022, 0xffffff) { *cursor = Cursor { pc: 69, at, stretch }; return Ended::Failed; }
                    at += 3;
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 71, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 72, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 72, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 74, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 74, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 76, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 77, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 18, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 19, at);
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 78, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if !charge(budget, 83 - stretch) { return Ended::GaveUp; }
                    if !SET_11.may_start(line, at) {
                        pc = 88;
                        stretch = 88;
                        continue;
                    }
                    stack.push(Frame::Try { pc: 88, at });
                    pc = 83;
                    stretch = 83;
                    continue;
                }
                83 => {
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 83, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 20, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 21, at);
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 84, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 88;
                    continue;
                }
                88 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?P<time>\d{4}-\d\d-\d\dT[\d:.]+Z) (?P<elb>[\w-]+) (?P<client>\S+) (?P<backend>\S+) [-\d.]+ (?P<duration_s>[-\d.]+) [-\d.]+ (?P<status>\d{3}|-) (?P<backend_status>\d{3}|-) \d+ \d+ "(?P<request>[^"]*)"
fn search_5(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    save(stack, slots, 2, at);
                    let Some(here) = line.get(at..at + 11) else { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && here[10] == b'T') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 11;
                    let taken = Stops::Many.run_length(&SET_26, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'Z') { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_29, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 15, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 15, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 10, at);
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 29, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 11, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 29, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_27, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 12, at);
                    if !charge(budget, 37 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 39;
                        stretch = 39;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 39, at });
                    }
                    pc = 37;
                    stretch = 37;
                    continue;
                }
                37 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 40;
                    continue;
                }
                39 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 40;
                    continue;
                }
                40 => {
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 41, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 14, at);
                    if !charge(budget, 44 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 46;
                        stretch = 46;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 46, at });
                    }
                    pc = 44;
                    stretch = 44;
                    continue;
                }
                44 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 44, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 47;
                    continue;
                }
                46 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 47;
                    continue;
                }
                47 => {
                    save(stack, slots, 15, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 49, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 49, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 52, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 16, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 17, at);
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 53, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^\S+ (?P<bucket>\S+) \[(?P<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] \S+ \S+ (?P<request_id>\S+) (?P<operation>\S+) \S+ "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}|-) (?P<error>\S+) \S+ \S+ (?P<duration_ms>\d+|-) 
fn search_6(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 2, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" [", 0x5b20, 0xffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    let Some(here) = line.get(at..at + 26) else { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && here[2] == b'/' && SET_3.0[usize::from(here[3])] && SET_4.0[usize::from(here[4])] && SET_4.0[usize::from(here[5])] && here[6] == b'/' && SET_2.0[usize::from(here[7])] && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_2.0[usize::from(here[10])] && here[11] == b':' && SET_2.0[usize::from(here[12])] && SET_2.0[usize::from(here[13])] && here[14] == b':' && SET_2.0[usize::from(here[15])] && SET_2.0[usize::from(here[16])] && here[17] == b':' && SET_2.0[usize::from(here[18])] && SET_2.0[usize::from(here[19])] && here[20] == b' ' && SET_12.0[usize::from(here[21])] && SET_2.0[usize::from(here[22])] && SET_2.0[usize::from(here[23])] && SET_2.0[usize::from(here[24])] && SET_2.0[usize::from(here[25])]) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 26;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 38, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 10, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 42;
                    continue;
                }
                42 => {
                    if !charge(budget, 43 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 47;
                        stretch = 47;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 47, at });
                    }
                    pc = 43;
                    stretch = 43;
                    continue;
                }
                43 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(47 - stretch);
                    stretch = 42;
                    pc = 42;
                    continue;
                }
                47 => {
                    save(stack, slots, 11, at);
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 12, at);
                    if !charge(budget, 51 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 53;
                        stretch = 53;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 53, at });
                    }
                    pc = 51;
                    stretch = 51;
                    continue;
                }
                51 => {
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    pc = 54;
                    continue;
                }
                53 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 53, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 54;
                    continue;
                }
                54 => {
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 55, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 14, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 56, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 15, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 56, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 60, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 60, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 62, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 16, at);
                    if !charge(budget, 66 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 68;
                        stretch = 68;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 68, at });
                    }
                    pc = 66;
                    stretch = 66;
                    continue;
                }
                66 => {
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 66, at, stretch }; return Ended::Failed; }
                    at += taken;
                    pc = 69;
                    continue;
                }
                68 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 68, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 69;
                    continue;
                }
                69 => {
                    save(stack, slots, 17, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 70, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^\[pid: \d+\|app: [-\d]+\|req: [-\d]+/\d+\] (?P<client>\S+) \([^)]*\) \{[^}]*\} \[(?P<time>[^\]]+)\] (?P<method>[A-Z]+) (?P<url>\S+) => generated \d+ bytes in (?P<duration_ms>\d+) msecs \(HTTP/[\d.]+ (?P<status>\d{3})\)
fn search_7(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"[pid: ", 0x203a6469705b, 0xffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"|app: ", 0x203a7070617c, 0xffffffffffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Many.run_length(&SET_30, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"|req: ", 0x203a7165727c, 0xffffffffffff) { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Many.run_length(&SET_30, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'/') { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 2, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" (", 0x2820, 0xffff) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::One(b')').run_length(&SET_31, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b") {", 0x7b2029, 0xffffff) { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 3;
                    let taken = Stops::One(b'}').run_length(&SET_17, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"} [", 0x5b207d, 0xffffff) { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 4, at);
                    let taken = Stops::One(b']').run_length(&SET_32, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 22, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 6, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 8, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if !literal_at(line, at, b" => generated ", 0x656e6567203e3d20, 0xffffffffffffffff) { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += 14;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" bytes in ", 0x6920736574796220, 0xffffffffffffffff) { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    at += 10;
                    save(stack, slots, 10, at);
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 11, at);
                    if !literal_at(line, at, b" msecs (HTTP/", 0x2820736365736d20, 0xffffffffffffffff) { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += 13;
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 12, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 13, at);
                    if line.get(at) != Some(&b')') { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:\S+ )?(?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+) \d+ \w+ \S+ \[(?:(?P<request_id>req-[\w-]+)[^\]]*|-)\] (?P<client>\S+) "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" status: (?P<status>\d{3}) len: \d+ time: (?P<duration_s>[\d.]+)
fn search_8(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_0.may_start(line, at) {
                        pc = 5;
                        stretch = 5;
                        continue;
                    }
                    if SET_2.may_start(line, at) {
                        stack.push(Frame::Try { pc: 5, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 5;
                    continue;
                }
                5 => {
                    save(stack, slots, 2, at);
                    let Some(here) = line.get(at..at + 20) else { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && here[10] == b' ' && SET_2.0[usize::from(here[11])] && SET_2.0[usize::from(here[12])] && here[13] == b':' && SET_2.0[usize::from(here[14])] && SET_2.0[usize::from(here[15])] && here[16] == b':' && SET_2.0[usize::from(here[17])] && SET_2.0[usize::from(here[18])] && here[19] == b'.') { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 20;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_34, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" [", 0x5b20, 0xffff) { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 2;
                    if !charge(budget, 33 - stretch) { return Ended::GaveUp; }
                    if !SET_35.may_start(line, at) {
                        pc = 39;
                        stretch = 39;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 39, at });
                    }
                    pc = 33;
                    stretch = 33;
                    continue;
                }
                33 => {
                    save(stack, slots, 4, at);
                    if !literal_at(line, at, b"req-", 0x2d716572, 0xffffffff) { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += 4;
                    let taken = Stops::Many.run_length(&SET_29, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 35, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 36, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 36;
                    continue;
                }
                36 => {
                    save(stack, slots, 5, at);
                    let taken = Stops::One(b']').run_length(&SET_32, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 40;
                    continue;
                }
                39 => {
                    if line.get(at) != Some(&b'-') { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 40;
                    continue;
                }
                40 => {
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 41, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 44, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 8, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 47;
                    continue;
                }
                47 => {
                    if !charge(budget, 48 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 52;
                        stretch = 52;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 52, at });
                    }
                    pc = 48;
                    stretch = 48;
                    continue;
                }
                48 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(52 - stretch);
                    stretch = 47;
                    pc = 47;
                    continue;
                }
                52 => {
                    save(stack, slots, 9, at);
                    if !literal_at(line, at, b"\" status: ", 0x7375746174732022, 0xffffffffffffffff) { *cursor = Cursor { pc: 53, at, stretch }; return Ended::Failed; }
                    at += 10;
                    save(stack, slots, 10, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 54, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 11, at);
                    if !literal_at(line, at, b" len: ", 0x203a6e656c20, 0xffffffffffff) { *cursor = Cursor { pc: 57, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 58, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" time: ", 0x203a656d697420, 0xffffffffffffff) { *cursor = Cursor { pc: 59, at, stretch }; return Ended::Failed; }
                    at += 7;
                    save(stack, slots, 12, at);
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 61, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 62, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 62;
                    continue;
                }
                62 => {
                    save(stack, slots, 13, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// HTTP Request: (?P<method>[A-Z]+) (?P<url>\S+) "HTTP/[\d.]+ (?P<status>\d{3})(?: [^"]*)?"
fn search_9(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"HTTP Request: ", 0x7165522050545448, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 14;
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b" \"HTTP/", 0x2f505454482220, 0xffffffffffffff) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 7;
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 7, at);
                    if !charge(budget, 16 - stretch) { return Ended::GaveUp; }
                    if !SET_11.may_start(line, at) {
                        pc = 18;
                        stretch = 18;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 18, at });
                    }
                    pc = 16;
                    stretch = 16;
                    continue;
                }
                16 => {
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 18;
                    continue;
                }
                18 => {
                    if line.get(at) != Some(&b'"') { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|\s|:)https?://(?P<host>[^\s":/]+)(?::\d+)? "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3}) 
fn search_10(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_20.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_36.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    pc = 8;
                    continue;
                }
                4 => {
                    if !charge(budget, 5 - stretch) { return Ended::GaveUp; }
                    if !SET_18.may_start(line, at) {
                        pc = 7;
                        stretch = 7;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 7, at });
                    }
                    pc = 5;
                    stretch = 5;
                    continue;
                }
                5 => {
                    if !line.get(at).is_some_and(|&b| SET_18.0[usize::from(b)]) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 8;
                    continue;
                }
                7 => {
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 8;
                    continue;
                }
                8 => {
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"://", 0x2f2f3a, 0xffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 2, at);
                    let taken = Stops::Below(59).run_length(&SET_37, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !charge(budget, 15 - stretch) { return Ended::GaveUp; }
                    if !SET_15.may_start(line, at) {
                        pc = 17;
                        stretch = 17;
                        continue;
                    }
                    if SET_11.may_start(line, at) {
                        stack.push(Frame::Try { pc: 17, at });
                    }
                    pc = 15;
                    stretch = 15;
                    continue;
                }
                15 => {
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 15, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += taken;
                    pc = 17;
                    continue;
                }
                17 => {
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 17, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 20;
                    continue;
                }
                20 => {
                    if !charge(budget, 21 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 25;
                        stretch = 25;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 25, at });
                    }
                    pc = 21;
                    stretch = 21;
                    continue;
                }
                21 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(25 - stretch);
                    stretch = 20;
                    pc = 20;
                    continue;
                }
                25 => {
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 6, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 7, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// HTTPError: (?P<status>\d{3}) (?:Client|Server) Error: (?P<message>.*?) for url: (?P<url>\S+)
fn search_11(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"HTTPError: ", 0x6f72724550545448, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 11;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 9;
                        stretch = 9;
                        continue;
                    }
                    if SET_39.may_start(line, at) {
                        stack.push(Frame::Try { pc: 9, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    if !literal_at(line, at, b"Client", 0x746e65696c43, 0xffffffffffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 10;
                    continue;
                }
                9 => {
                    if !literal_at(line, at, b"Server", 0x726576726553, 0xffffffffffff) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b" Error: ", 0x203a726f72724520, 0xffffffffffffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 8;
                    save(stack, slots, 4, at);
                    stack.push(Frame::Longer { run: 12, at, left: usize::MAX });
                    pc = 13;
                    continue;
                }
                13 => {
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b" for url: ", 0x6c727520726f6620, 0xffffffffffffffff) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 10;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 17, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 17;
                    continue;
                }
                17 => {
                    save(stack, slots, 7, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:ConnectionError|ConnectTimeout|ReadTimeout|SSLError|ProxyError)\b.*?HTTPS?ConnectionPool\(host='(?P<host>[^']+)', port=\d+\): (?P<error>.*?url: (?P<path>\S+).*)
fn search_12(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_40.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !literal_at(line, at, b"ConnectionError", 0x697463656e6e6f43, 0xffffffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 15;
                    pc = 14;
                    continue;
                }
                4 => {
                    if !charge(budget, 5 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 7;
                        stretch = 7;
                        continue;
                    }
                    if SET_41.may_start(line, at) {
                        stack.push(Frame::Try { pc: 7, at });
                    }
                    pc = 5;
                    stretch = 5;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b"ConnectTimeout", 0x547463656e6e6f43, 0xffffffffffffffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 14;
                    pc = 14;
                    continue;
                }
                7 => {
                    if !charge(budget, 8 - stretch) { return Ended::GaveUp; }
                    if !SET_42.may_start(line, at) {
                        pc = 10;
                        stretch = 10;
                        continue;
                    }
                    if SET_43.may_start(line, at) {
                        stack.push(Frame::Try { pc: 10, at });
                    }
                    pc = 8;
                    stretch = 8;
                    continue;
                }
                8 => {
                    if !literal_at(line, at, b"ReadTimeout", 0x656d695464616552, 0xffffffffffffffff) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 11;
                    pc = 14;
                    continue;
                }
                10 => {
                    if !charge(budget, 11 - stretch) { return Ended::GaveUp; }
                    if !SET_39.may_start(line, at) {
                        pc = 13;
                        stretch = 13;
                        continue;
                    }
                    if SET_44.may_start(line, at) {
                        stack.push(Frame::Try { pc: 13, at });
                    }
                    pc = 11;
                    stretch = 11;
                    continue;
                }
                11 => {
                    if !literal_at(line, at, b"SSLError", 0x726f7272454c5353, 0xffffffffffffffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 8;
                    pc = 14;
                    continue;
                }
                13 => {
                    if !literal_at(line, at, b"ProxyError", 0x72724579786f7250, 0xffffffffffffffff) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 10;
                    pc = 14;
                    continue;
                }
                14 => {
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    stack.push(Frame::Longer { run: 15, at, left: usize::MAX });
                    pc = 16;
                    continue;
                }
                16 => {
                    if !literal_at(line, at, b"HTTP", 0x50545448, 0xffffffff) { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_39.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"ConnectionPool(host=\'", 0x697463656e6e6f43, 0xffffffffffffffff) { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 21;
                    save(stack, slots, 2, at);
                    let taken = Stops::One(b'\'').run_length(&SET_45, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b"\', port=", 0x3d74726f70202c27, 0xffffffffffffffff) { *cursor = Cursor { pc: 22, at, stretch }; return Ended::Failed; }
                    at += 8;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"): ", 0x203a29, 0xffffff) { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 4, at);
                    stack.push(Frame::Longer { run: 26, at, left: usize::MAX });
                    pc = 27;
                    continue;
                }
                27 => {
                    if !literal_at(line, at, b"url: ", 0x203a6c7275, 0xffffffffff) { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 5;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 29, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 30, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 30;
                    continue;
                }
                30 => {
                    save(stack, slots, 7, at);
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 32, low: at, at: at + taken }); }
                    at += taken;
                    pc = 32;
                    continue;
                }
                32 => {
                    save(stack, slots, 5, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:(?P<time>\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?)\b.*?)?<-- (?P<status>\d{3})\b.*? (?P<url>https?://(?:\[[a-z ]{1,24}\]|\S)+) \((?P<duration_ms>\d+)ms
fn search_13(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 25;
                        stretch = 25;
                        continue;
                    }
                    if SET_46.may_start(line, at) {
                        stack.push(Frame::Try { pc: 25, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    save(stack, slots, 2, at);
                    let Some(here) = line.get(at..at + 19) else { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_47.0[usize::from(here[10])] && SET_2.0[usize::from(here[11])] && SET_2.0[usize::from(here[12])] && here[13] == b':' && SET_2.0[usize::from(here[14])] && SET_2.0[usize::from(here[15])] && here[16] == b':' && SET_2.0[usize::from(here[17])] && SET_2.0[usize::from(here[18])]) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 19;
                    if !charge(budget, 20 - stretch) { return Ended::GaveUp; }
                    if !SET_10.may_start(line, at) {
                        pc = 22;
                        stretch = 22;
                        continue;
                    }
                    if SET_8.may_start(line, at) {
                        stack.push(Frame::Try { pc: 22, at });
                    }
                    pc = 20;
                    stretch = 20;
                    continue;
                }
                20 => {
                    if line.get(at) != Some(&b'.') { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 22, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 22;
                    continue;
                }
                22 => {
                    save(stack, slots, 3, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    stack.push(Frame::Longer { run: 24, at, left: usize::MAX });
                    pc = 25;
                    continue;
                }
                25 => {
                    if !literal_at(line, at, b"<-- ", 0x202d2d3c, 0xffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 4, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 5, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 29, at, stretch }; return Ended::Failed; }
                    stack.push(Frame::Longer { run: 30, at, left: usize::MAX });
                    pc = 31;
                    continue;
                }
                31 => {
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"://", 0x2f2f3a, 0xffffff) { *cursor = Cursor { pc: 35, at, stretch }; return Ended::Failed; }
                    at += 3;
                    if !charge(budget, 37 - stretch) { return Ended::GaveUp; }
                    if !SET_1.may_start(line, at) {
                        pc = 41;
                        stretch = 41;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 41, at });
                    }
                    pc = 37;
                    stretch = 37;
                    continue;
                }
                37 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let room = (line.len() - at).min(24);
                    let taken = Stops::Many.run_length(&SET_48, &line[at..at + room]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 38, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b']') { *cursor = Cursor { pc: 38, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 42;
                    continue;
                }
                41 => {
                    if !line.get(at).is_some_and(|&b| SET_0.0[usize::from(b)]) { *cursor = Cursor { pc: 41, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 42;
                    continue;
                }
                42 => {
                    if !charge(budget, 43 - stretch) { return Ended::GaveUp; }
                    if !SET_0.may_start(line, at) {
                        pc = 50;
                        stretch = 50;
                        continue;
                    }
                    if SET_11.may_start(line, at) {
                        stack.push(Frame::Try { pc: 50, at });
                    }
                    pc = 43;
                    stretch = 43;
                    continue;
                }
                43 => {
                    if !charge(budget, 44 - stretch) { return Ended::GaveUp; }
                    if !SET_1.may_start(line, at) {
                        pc = 48;
                        stretch = 48;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 48, at });
                    }
                    pc = 44;
                    stretch = 44;
                    continue;
                }
                44 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 44, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let room = (line.len() - at).min(24);
                    let taken = Stops::Many.run_length(&SET_48, &line[at..at + room]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 45, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b']') { *cursor = Cursor { pc: 45, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 49;
                    continue;
                }
                48 => {
                    if !line.get(at).is_some_and(|&b| SET_0.0[usize::from(b)]) { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 49;
                    continue;
                }
                49 => {
                    *budget = budget.saturating_sub(50 - stretch);
                    stretch = 42;
                    let taken = Stops::Below(92).run_length(&SET_49, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 42;
                    continue;
                }
                50 => {
                    save(stack, slots, 7, at);
                    if !literal_at(line, at, b" (", 0x2820, 0xffff) { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 8, at);
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 52, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 9, at);
                    if !literal_at(line, at, b"ms", 0x736d, 0xffff) { *cursor = Cursor { pc: 55, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// <-- (?P<message>HTTP FAILED: .*)
fn search_14(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"<-- ", 0x202d2d3c, 0xffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 2, at);
                    if !literal_at(line, at, b"HTTP FAILED: ", 0x4941462050545448, 0xffffffffffffffff) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 13;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 5, low: at, at: at + taken }); }
                    at += taken;
                    pc = 5;
                    continue;
                }
                5 => {
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:(?P<time>\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d+)?)\b.*?)?--> (?P<method>[A-Z]+) (?P<url>https?://(?:\[[a-z ]{1,24}\]|\S)+)
fn search_15(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_2.may_start(line, at) {
                        pc = 25;
                        stretch = 25;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 25, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    save(stack, slots, 2, at);
                    let Some(here) = line.get(at..at + 19) else { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && SET_47.0[usize::from(here[10])] && SET_2.0[usize::from(here[11])] && SET_2.0[usize::from(here[12])] && here[13] == b':' && SET_2.0[usize::from(here[14])] && SET_2.0[usize::from(here[15])] && here[16] == b':' && SET_2.0[usize::from(here[17])] && SET_2.0[usize::from(here[18])]) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 19;
                    if !charge(budget, 20 - stretch) { return Ended::GaveUp; }
                    if !SET_10.may_start(line, at) {
                        pc = 22;
                        stretch = 22;
                        continue;
                    }
                    if SET_8.may_start(line, at) {
                        stack.push(Frame::Try { pc: 22, at });
                    }
                    pc = 20;
                    stretch = 20;
                    continue;
                }
                20 => {
                    if line.get(at) != Some(&b'.') { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 22, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 22;
                    continue;
                }
                22 => {
                    save(stack, slots, 3, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    stack.push(Frame::Longer { run: 24, at, left: usize::MAX });
                    pc = 25;
                    continue;
                }
                25 => {
                    if !literal_at(line, at, b"--> ", 0x203e2d2d, 0xffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 26, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"://", 0x2f2f3a, 0xffffff) { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += 3;
                    if !charge(budget, 35 - stretch) { return Ended::GaveUp; }
                    if !SET_1.may_start(line, at) {
                        pc = 39;
                        stretch = 39;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 39, at });
                    }
                    pc = 35;
                    stretch = 35;
                    continue;
                }
                35 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 35, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let room = (line.len() - at).min(24);
                    let taken = Stops::Many.run_length(&SET_48, &line[at..at + room]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b']') { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 40;
                    continue;
                }
                39 => {
                    if !line.get(at).is_some_and(|&b| SET_0.0[usize::from(b)]) { *cursor = Cursor { pc: 39, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 40;
                    continue;
                }
                40 => {
                    if !charge(budget, 41 - stretch) { return Ended::GaveUp; }
                    if !SET_0.may_start(line, at) {
                        pc = 48;
                        stretch = 48;
                        continue;
                    }
                    stack.push(Frame::Try { pc: 48, at });
                    pc = 41;
                    stretch = 41;
                    continue;
                }
                41 => {
                    if !charge(budget, 42 - stretch) { return Ended::GaveUp; }
                    if !SET_1.may_start(line, at) {
                        pc = 46;
                        stretch = 46;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 46, at });
                    }
                    pc = 42;
                    stretch = 42;
                    continue;
                }
                42 => {
                    if line.get(at) != Some(&b'[') { *cursor = Cursor { pc: 42, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let room = (line.len() - at).min(24);
                    let taken = Stops::Many.run_length(&SET_48, &line[at..at + room]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b']') { *cursor = Cursor { pc: 43, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 47;
                    continue;
                }
                46 => {
                    if !line.get(at).is_some_and(|&b| SET_0.0[usize::from(b)]) { *cursor = Cursor { pc: 46, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 47;
                    continue;
                }
                47 => {
                    *budget = budget.saturating_sub(48 - stretch);
                    stretch = 40;
                    let taken = Stops::Below(92).run_length(&SET_49, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 40;
                    continue;
                }
                48 => {
                    save(stack, slots, 7, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|: )(?:[A-Za-z][\w-]*: \S|\s*[\[{]|<[!A-Za-z]|<-- END HTTP|--> END )|OkHttpClient: (?:[^<\-]|<[^\-]|-[^\-]|--[^>])
fn search_16(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_50.may_start(line, at) {
                        pc = 25;
                        stretch = 25;
                        continue;
                    }
                    if SET_51.may_start(line, at) {
                        stack.push(Frame::Try { pc: 25, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_52.may_start(line, at) {
                        pc = 5;
                        stretch = 5;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 5, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    pc = 6;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 6;
                    continue;
                }
                6 => {
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_53.may_start(line, at) {
                        pc = 12;
                        stretch = 12;
                        continue;
                    }
                    if SET_54.may_start(line, at) {
                        stack.push(Frame::Try { pc: 12, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    if !line.get(at).is_some_and(|&b| SET_53.0[usize::from(b)]) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_29, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    let Some(here) = line.get(at..at + 3) else { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b':' && here[1] == b' ' && SET_0.0[usize::from(here[2])]) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 24;
                    continue;
                }
                12 => {
                    if !charge(budget, 13 - stretch) { return Ended::GaveUp; }
                    if !SET_55.may_start(line, at) {
                        pc = 16;
                        stretch = 16;
                        continue;
                    }
                    if SET_56.may_start(line, at) {
                        stack.push(Frame::Try { pc: 16, at });
                    }
                    pc = 13;
                    stretch = 13;
                    continue;
                }
                13 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !line.get(at).is_some_and(|&b| SET_57.0[usize::from(b)]) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 24;
                    continue;
                }
                16 => {
                    if !charge(budget, 17 - stretch) { return Ended::GaveUp; }
                    if !SET_46.may_start(line, at) {
                        pc = 20;
                        stretch = 20;
                        continue;
                    }
                    if SET_56.may_start(line, at) {
                        stack.push(Frame::Try { pc: 20, at });
                    }
                    pc = 17;
                    stretch = 17;
                    continue;
                }
                17 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 17, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'<' && SET_58.0[usize::from(here[1])]) { *cursor = Cursor { pc: 17, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 24;
                    continue;
                }
                20 => {
                    if !charge(budget, 21 - stretch) { return Ended::GaveUp; }
                    if !SET_46.may_start(line, at) {
                        pc = 23;
                        stretch = 23;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 23, at });
                    }
                    pc = 21;
                    stretch = 21;
                    continue;
                }
                21 => {
                    if !literal_at(line, at, b"<-- END HTTP", 0x20444e45202d2d3c, 0xffffffffffffffff) { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    at += 12;
                    pc = 24;
                    continue;
                }
                23 => {
                    if !literal_at(line, at, b"--> END ", 0x20444e45203e2d2d, 0xffffffffffffffff) { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += 8;
                    pc = 24;
                    continue;
                }
                24 => {
                    pc = 39;
                    continue;
                }
                25 => {
                    if !literal_at(line, at, b"OkHttpClient: ", 0x6c43707474486b4f, 0xffffffffffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 14;
                    if !charge(budget, 27 - stretch) { return Ended::GaveUp; }
                    if !SET_59.may_start(line, at) {
                        pc = 29;
                        stretch = 29;
                        continue;
                    }
                    if SET_56.may_start(line, at) {
                        stack.push(Frame::Try { pc: 29, at });
                    }
                    pc = 27;
                    stretch = 27;
                    continue;
                }
                27 => {
                    if !line.get(at).is_some_and(|&b| SET_59.0[usize::from(b)]) { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 39;
                    continue;
                }
                29 => {
                    if !charge(budget, 30 - stretch) { return Ended::GaveUp; }
                    if !SET_46.may_start(line, at) {
                        pc = 33;
                        stretch = 33;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 33, at });
                    }
                    pc = 30;
                    stretch = 30;
                    continue;
                }
                30 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'<' && SET_60.0[usize::from(here[1])]) { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 39;
                    continue;
                }
                33 => {
                    if !charge(budget, 34 - stretch) { return Ended::GaveUp; }
                    if !SET_13.may_start(line, at) {
                        pc = 37;
                        stretch = 37;
                        continue;
                    }
                    if SET_13.may_start(line, at) {
                        stack.push(Frame::Try { pc: 37, at });
                    }
                    pc = 34;
                    stretch = 34;
                    continue;
                }
                34 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'-' && SET_60.0[usize::from(here[1])]) { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 39;
                    continue;
                }
                37 => {
                    let Some(here) = line.get(at..at + 3) else { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'-' && here[1] == b'-' && SET_61.0[usize::from(here[2])]) { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 39;
                    continue;
                }
                39 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|: )\s*(?P<body>[\[{].*)
fn search_17(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_55.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    pc = 5;
                    continue;
                }
                4 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 5;
                    continue;
                }
                5 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 2, at);
                    if !line.get(at).is_some_and(|&b| SET_57.0[usize::from(b)]) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 9, low: at, at: at + taken }); }
                    at += taken;
                    pc = 9;
                    continue;
                }
                9 => {
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|OkHttpClient: )(?P<name>[A-Za-z][\w-]*): (?P<value>.*)
fn search_18(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_53.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_51.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    pc = 5;
                    continue;
                }
                4 => {
                    if !literal_at(line, at, b"OkHttpClient: ", 0x6c43707474486b4f, 0xffffffffffffffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 14;
                    pc = 5;
                    continue;
                }
                5 => {
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 1).is_some_and(|here| here.iter().all(|&b| SET_53.0[usize::from(b)])) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    let taken = 1;
                    at += taken;
                    let taken = Stops::Many.run_length(&SET_29, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 12, low: at, at: at + taken }); }
                    at += taken;
                    pc = 12;
                    continue;
                }
                12 => {
                    save(stack, slots, 5, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// \bresponse: Status (?P<status>\d{3})
fn search_19(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"response: Status ", 0x65736e6f70736572, 0xffffffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 17;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// \brequest: (?P<method>[A-Z]+) (?P<url>https?://\S+)
fn search_20(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"request: ", 0x3a74736575716572, 0xffffffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 9;
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"://", 0x2f2f3a, 0xffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 3;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 12, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 12;
                    continue;
                }
                12 => {
                    save(stack, slots, 5, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// \b(?:request|response): (?:[A-Za-z][\w-]*: |[\[{"])
fn search_21(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_35.may_start(line, at) {
                        pc = 5;
                        stretch = 5;
                        continue;
                    }
                    if SET_35.may_start(line, at) {
                        stack.push(Frame::Try { pc: 5, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    if !literal_at(line, at, b"request", 0x74736575716572, 0xffffffffffffff) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 7;
                    pc = 6;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b"response", 0x65736e6f70736572, 0xffffffffffffffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 8;
                    pc = 6;
                    continue;
                }
                6 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 2;
                    if !charge(budget, 8 - stretch) { return Ended::GaveUp; }
                    if !SET_53.may_start(line, at) {
                        pc = 12;
                        stretch = 12;
                        continue;
                    }
                    if SET_62.may_start(line, at) {
                        stack.push(Frame::Try { pc: 12, at });
                    }
                    pc = 8;
                    stretch = 8;
                    continue;
                }
                8 => {
                    if !line.get(at).is_some_and(|&b| SET_53.0[usize::from(b)]) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_29, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 13;
                    continue;
                }
                12 => {
                    if !line.get(at).is_some_and(|&b| SET_62.0[usize::from(b)]) { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 13;
                    continue;
                }
                13 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// \bresponse: (?P<body>[\[{].*)
fn search_22(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"response: ", 0x65736e6f70736572, 0xffffffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 10;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 1).is_some_and(|here| here.iter().all(|&b| SET_57.0[usize::from(b)])) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    let taken = 1;
                    at += taken;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 6, low: at, at: at + taken }); }
                    at += taken;
                    pc = 6;
                    continue;
                }
                6 => {
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^< HTTP/[\d.]+ (?P<status>\d{3})
fn search_23(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"< HTTP/", 0x2f50545448203c, 0xffffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 7;
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^> (?P<method>[A-Z]+) (?P<path>\S+) HTTP/[\d.]+
fn search_24(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !literal_at(line, at, b"> ", 0x203e, 0xffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b" HTTP/", 0x2f5054544820, 0xffffffffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 12, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 12;
                    continue;
                }
                12 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:[<>] |[<>]$|\* |[\[{])
fn search_25(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_63.may_start(line, at) {
                        pc = 6;
                        stretch = 6;
                        continue;
                    }
                    if SET_64.may_start(line, at) {
                        stack.push(Frame::Try { pc: 6, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; };
                    if !(SET_63.0[usize::from(here[0])] && here[1] == b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 14;
                    continue;
                }
                6 => {
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_63.may_start(line, at) {
                        pc = 10;
                        stretch = 10;
                        continue;
                    }
                    if SET_65.may_start(line, at) {
                        stack.push(Frame::Try { pc: 10, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    if !line.get(at).is_some_and(|&b| SET_63.0[usize::from(b)]) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if !holds(Assertion::End, line, at) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    pc = 14;
                    continue;
                }
                10 => {
                    if !charge(budget, 11 - stretch) { return Ended::GaveUp; }
                    if !SET_66.may_start(line, at) {
                        pc = 13;
                        stretch = 13;
                        continue;
                    }
                    if SET_57.may_start(line, at) {
                        stack.push(Frame::Try { pc: 13, at });
                    }
                    pc = 11;
                    stretch = 11;
                    continue;
                }
                11 => {
                    if !literal_at(line, at, b"* ", 0x202a, 0xffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 14;
                    continue;
                }
                13 => {
                    if !line.get(at).is_some_and(|&b| SET_57.0[usize::from(b)]) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 14;
                    continue;
                }
                14 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?P<body>[\[{].*)
fn search_26(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 1).is_some_and(|here| here.iter().all(|&b| SET_57.0[usize::from(b)])) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    let taken = 1;
                    at += taken;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 5, low: at, at: at + taken }); }
                    at += taken;
                    pc = 5;
                    continue;
                }
                5 => {
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:Client|Server) error: `(?P<method>[A-Z]+) (?P<url>[^`\s]+)` resulted in a `(?P<status>\d{3})[^`]*` response(?::\s*(?P<body>\{.*?\})(?: \(truncated\.\.\.\))?(?:\s*\{"exception"|\s*$))?
fn search_27(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_39.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !literal_at(line, at, b"Client", 0x746e65696c43, 0xffffffffffff) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 5;
                    continue;
                }
                4 => {
                    if !literal_at(line, at, b"Server", 0x726576726553, 0xffffffffffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 5;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b" error: `", 0x203a726f72726520, 0xffffffffffffffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 9;
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 4, at);
                    let taken = Stops::Below(97).run_length(&SET_67, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"` resulted in a `", 0x746c757365722060, 0xffffffffffffffff) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 17;
                    save(stack, slots, 6, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 7, at);
                    let taken = Stops::One(b'`').run_length(&SET_68, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"` response", 0x6e6f707365722060, 0xffffffffffffffff) { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 10;
                    if !charge(budget, 20 - stretch) { return Ended::GaveUp; }
                    if !SET_15.may_start(line, at) {
                        pc = 35;
                        stretch = 35;
                        continue;
                    }
                    stack.push(Frame::Try { pc: 35, at });
                    pc = 20;
                    stretch = 20;
                    continue;
                }
                20 => {
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    save(stack, slots, 8, at);
                    if line.get(at) != Some(&b'{') { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    at += 1;
                    stack.push(Frame::Longer { run: 24, at, left: usize::MAX });
                    pc = 25;
                    continue;
                }
                25 => {
                    if line.get(at) != Some(&b'}') { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 9, at);
                    if !charge(budget, 28 - stretch) { return Ended::GaveUp; }
                    if !SET_11.may_start(line, at) {
                        pc = 29;
                        stretch = 29;
                        continue;
                    }
                    if SET_69.may_start(line, at) {
                        stack.push(Frame::Try { pc: 29, at });
                    }
                    pc = 28;
                    stretch = 28;
                    continue;
                }
                28 => {
                    if !literal_at(line, at, b" (truncated...)", 0x61636e7572742820, 0xffffffffffffffff) { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 15;
                    pc = 29;
                    continue;
                }
                29 => {
                    if !charge(budget, 30 - stretch) { return Ended::GaveUp; }
                    if !SET_69.may_start(line, at) {
                        pc = 33;
                        stretch = 33;
                        continue;
                    }
                    if SET_18.may_start(line, at) {
                        stack.push(Frame::Try { pc: 33, at });
                    }
                    pc = 30;
                    stretch = 30;
                    continue;
                }
                30 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"{\"exception\"", 0x747065637865227b, 0xffffffffffffffff) { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 12;
                    pc = 35;
                    continue;
                }
                33 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !holds(Assertion::End, line, at) { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    pc = 35;
                    continue;
                }
                35 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// WebClientResponseException(?:\$\w+)?: (?P<status>\d{3})[^\n]*? from (?P<method>[A-Z]+) (?P<url>\S+)
fn search_28(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"WebClientResponseException", 0x6e65696c43626557, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 26;
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_70.may_start(line, at) {
                        pc = 5;
                        stretch = 5;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 5, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    if line.get(at) != Some(&b'$') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_34, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += taken;
                    pc = 5;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    stack.push(Frame::Longer { run: 9, at, left: usize::MAX });
                    pc = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b" from ", 0x206d6f726620, 0xffffffffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 6;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 6, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 17, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 17;
                    continue;
                }
                17 => {
                    save(stack, slots, 7, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// Http(?:Client|Server)ErrorException(?:\$\w+)?: (?P<status>\d{3})[^:]*(?::\s*"?(?P<body>\{.*\})"?)?
fn search_29(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"Http", 0x70747448, 0xffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 5;
                        stretch = 5;
                        continue;
                    }
                    if SET_39.may_start(line, at) {
                        stack.push(Frame::Try { pc: 5, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    if !literal_at(line, at, b"Client", 0x746e65696c43, 0xffffffffffff) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 6;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b"Server", 0x726576726553, 0xffffffffffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 6;
                    continue;
                }
                6 => {
                    if !literal_at(line, at, b"ErrorException", 0x637845726f727245, 0xffffffffffffffff) { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += 14;
                    if !charge(budget, 8 - stretch) { return Ended::GaveUp; }
                    if !SET_70.may_start(line, at) {
                        pc = 10;
                        stretch = 10;
                        continue;
                    }
                    if SET_15.may_start(line, at) {
                        stack.push(Frame::Try { pc: 10, at });
                    }
                    pc = 8;
                    stretch = 8;
                    continue;
                }
                8 => {
                    if line.get(at) != Some(&b'$') { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_34, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    pc = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    let taken = Stops::One(b':').run_length(&SET_71, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 15, low: at, at: at + taken }); }
                    at += taken;
                    pc = 15;
                    continue;
                }
                15 => {
                    if !charge(budget, 16 - stretch) { return Ended::GaveUp; }
                    if !SET_15.may_start(line, at) {
                        pc = 25;
                        stretch = 25;
                        continue;
                    }
                    stack.push(Frame::Try { pc: 25, at });
                    pc = 16;
                    stretch = 16;
                    continue;
                }
                16 => {
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    let room = (line.len() - at).min(1);
                    let taken = Stops::Many.run_length(&SET_7, &line[at..at + room]);
                    at += taken;
                    save(stack, slots, 4, at);
                    if line.get(at) != Some(&b'{') { *cursor = Cursor { pc: 18, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 22, low: at, at: at + taken }); }
                    at += taken;
                    pc = 22;
                    continue;
                }
                22 => {
                    if line.get(at) != Some(&b'}') { *cursor = Cursor { pc: 22, at, stretch }; return Ended::Failed; }
                    at += 1;
                    save(stack, slots, 5, at);
                    let room = (line.len() - at).min(1);
                    let taken = Stops::Many.run_length(&SET_7, &line[at..at + room]);
                    if taken > 0 { stack.push(Frame::Shorter { next: 25, low: at, at: at + taken }); }
                    at += taken;
                    pc = 25;
                    continue;
                }
                25 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ResourceAccessException: (?P<message>I/O error on (?P<method>[A-Z]+) request for "(?P<url>[^"]+)": .*)
fn search_30(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"ResourceAccessException: ", 0x656372756f736552, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 25;
                    save(stack, slots, 2, at);
                    if !literal_at(line, at, b"I/O error on ", 0x6f727265204f2f49, 0xffffffffffffffff) { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 13;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b" request for \"", 0x7473657571657220, 0xffffffffffffffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 14;
                    save(stack, slots, 6, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 7, at);
                    if !literal_at(line, at, b"\": ", 0x203a22, 0xffffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 3;
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken > 0 { stack.push(Frame::Shorter { next: 13, low: at, at: at + taken }); }
                    at += taken;
                    pc = 13;
                    continue;
                }
                13 => {
                    save(stack, slots, 3, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:\s+at |\s*\.\.\. \d+ (?:more|common frames omitted)|Caused by: |\s*Suppressed: |\s+\*__checkpoint|\s*\|_ |\s*Error has been observed|\s*Original Stack Trace:)
fn search_31(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_18.may_start(line, at) {
                        pc = 6;
                        stretch = 6;
                        continue;
                    }
                    if SET_72.may_start(line, at) {
                        stack.push(Frame::Try { pc: 6, at });
                    }
                    pc = 3;
                    stretch = 3;
                    continue;
                }
                3 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"at ", 0x207461, 0xffffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 37;
                    continue;
                }
                6 => {
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_73.may_start(line, at) {
                        pc = 16;
                        stretch = 16;
                        continue;
                    }
                    if SET_74.may_start(line, at) {
                        stack.push(Frame::Try { pc: 16, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"... ", 0x202e2e2e, 0xffffffff) { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += 4;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 1;
                    if !charge(budget, 12 - stretch) { return Ended::GaveUp; }
                    if !SET_75.may_start(line, at) {
                        pc = 14;
                        stretch = 14;
                        continue;
                    }
                    if SET_76.may_start(line, at) {
                        stack.push(Frame::Try { pc: 14, at });
                    }
                    pc = 12;
                    stretch = 12;
                    continue;
                }
                12 => {
                    if !literal_at(line, at, b"more", 0x65726f6d, 0xffffffff) { *cursor = Cursor { pc: 12, at, stretch }; return Ended::Failed; }
                    at += 4;
                    pc = 15;
                    continue;
                }
                14 => {
                    if !literal_at(line, at, b"common frames omitted", 0x66206e6f6d6d6f63, 0xffffffffffffffff) { *cursor = Cursor { pc: 14, at, stretch }; return Ended::Failed; }
                    at += 21;
                    pc = 15;
                    continue;
                }
                15 => {
                    pc = 37;
                    continue;
                }
                16 => {
                    if !charge(budget, 17 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 19;
                        stretch = 19;
                        continue;
                    }
                    if SET_77.may_start(line, at) {
                        stack.push(Frame::Try { pc: 19, at });
                    }
                    pc = 17;
                    stretch = 17;
                    continue;
                }
                17 => {
                    if !literal_at(line, at, b"Caused by: ", 0x6220646573756143, 0xffffffffffffffff) { *cursor = Cursor { pc: 17, at, stretch }; return Ended::Failed; }
                    at += 11;
                    pc = 37;
                    continue;
                }
                19 => {
                    if !charge(budget, 20 - stretch) { return Ended::GaveUp; }
                    if !SET_78.may_start(line, at) {
                        pc = 23;
                        stretch = 23;
                        continue;
                    }
                    if SET_79.may_start(line, at) {
                        stack.push(Frame::Try { pc: 23, at });
                    }
                    pc = 20;
                    stretch = 20;
                    continue;
                }
                20 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"Suppressed: ", 0x7373657270707553, 0xffffffffffffffff) { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    at += 12;
                    pc = 37;
                    continue;
                }
                23 => {
                    if !charge(budget, 24 - stretch) { return Ended::GaveUp; }
                    if !SET_18.may_start(line, at) {
                        pc = 27;
                        stretch = 27;
                        continue;
                    }
                    if SET_79.may_start(line, at) {
                        stack.push(Frame::Try { pc: 27, at });
                    }
                    pc = 24;
                    stretch = 24;
                    continue;
                }
                24 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"*__checkpoint", 0x6b636568635f5f2a, 0xffffffffffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 13;
                    pc = 37;
                    continue;
                }
                27 => {
                    if !charge(budget, 28 - stretch) { return Ended::GaveUp; }
                    if !SET_80.may_start(line, at) {
                        pc = 31;
                        stretch = 31;
                        continue;
                    }
                    if SET_81.may_start(line, at) {
                        stack.push(Frame::Try { pc: 31, at });
                    }
                    pc = 28;
                    stretch = 28;
                    continue;
                }
                28 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"|_ ", 0x205f7c, 0xffffff) { *cursor = Cursor { pc: 29, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 37;
                    continue;
                }
                31 => {
                    if !charge(budget, 32 - stretch) { return Ended::GaveUp; }
                    if !SET_82.may_start(line, at) {
                        pc = 35;
                        stretch = 35;
                        continue;
                    }
                    if SET_83.may_start(line, at) {
                        stack.push(Frame::Try { pc: 35, at });
                    }
                    pc = 32;
                    stretch = 32;
                    continue;
                }
                32 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"Error has been observed", 0x616820726f727245, 0xffffffffffffffff) { *cursor = Cursor { pc: 33, at, stretch }; return Ended::Failed; }
                    at += 23;
                    pc = 37;
                    continue;
                }
                35 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !literal_at(line, at, b"Original Stack Trace:", 0x6c616e696769724f, 0xffffffffffffffff) { *cursor = Cursor { pc: 36, at, stretch }; return Ended::Failed; }
                    at += 21;
                    pc = 37;
                    continue;
                }
                37 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// \b(?P<method>Get|Post|Put|Patch|Delete|Head|Options) "(?P<url>https?://[^"]+)": (?P<error>.+)
fn search_32(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    save(stack, slots, 2, at);
                    if !charge(budget, 4 - stretch) { return Ended::GaveUp; }
                    if !SET_84.may_start(line, at) {
                        pc = 6;
                        stretch = 6;
                        continue;
                    }
                    if SET_85.may_start(line, at) {
                        stack.push(Frame::Try { pc: 6, at });
                    }
                    pc = 4;
                    stretch = 4;
                    continue;
                }
                4 => {
                    if !literal_at(line, at, b"Get", 0x746547, 0xffffff) { *cursor = Cursor { pc: 4, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 22;
                    continue;
                }
                6 => {
                    if !charge(budget, 7 - stretch) { return Ended::GaveUp; }
                    if !SET_44.may_start(line, at) {
                        pc = 9;
                        stretch = 9;
                        continue;
                    }
                    if SET_85.may_start(line, at) {
                        stack.push(Frame::Try { pc: 9, at });
                    }
                    pc = 7;
                    stretch = 7;
                    continue;
                }
                7 => {
                    if !literal_at(line, at, b"Post", 0x74736f50, 0xffffffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 4;
                    pc = 22;
                    continue;
                }
                9 => {
                    if !charge(budget, 10 - stretch) { return Ended::GaveUp; }
                    if !SET_44.may_start(line, at) {
                        pc = 12;
                        stretch = 12;
                        continue;
                    }
                    if SET_85.may_start(line, at) {
                        stack.push(Frame::Try { pc: 12, at });
                    }
                    pc = 10;
                    stretch = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b"Put", 0x747550, 0xffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 3;
                    pc = 22;
                    continue;
                }
                12 => {
                    if !charge(budget, 13 - stretch) { return Ended::GaveUp; }
                    if !SET_44.may_start(line, at) {
                        pc = 15;
                        stretch = 15;
                        continue;
                    }
                    if SET_86.may_start(line, at) {
                        stack.push(Frame::Try { pc: 15, at });
                    }
                    pc = 13;
                    stretch = 13;
                    continue;
                }
                13 => {
                    if !literal_at(line, at, b"Patch", 0x6863746150, 0xffffffffff) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 5;
                    pc = 22;
                    continue;
                }
                15 => {
                    if !charge(budget, 16 - stretch) { return Ended::GaveUp; }
                    if !SET_87.may_start(line, at) {
                        pc = 18;
                        stretch = 18;
                        continue;
                    }
                    if SET_88.may_start(line, at) {
                        stack.push(Frame::Try { pc: 18, at });
                    }
                    pc = 16;
                    stretch = 16;
                    continue;
                }
                16 => {
                    if !literal_at(line, at, b"Delete", 0x6574656c6544, 0xffffffffffff) { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 22;
                    continue;
                }
                18 => {
                    if !charge(budget, 19 - stretch) { return Ended::GaveUp; }
                    if !SET_89.may_start(line, at) {
                        pc = 21;
                        stretch = 21;
                        continue;
                    }
                    if SET_51.may_start(line, at) {
                        stack.push(Frame::Try { pc: 21, at });
                    }
                    pc = 19;
                    stretch = 19;
                    continue;
                }
                19 => {
                    if !literal_at(line, at, b"Head", 0x64616548, 0xffffffff) { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += 4;
                    pc = 22;
                    continue;
                }
                21 => {
                    if !literal_at(line, at, b"Options", 0x736e6f6974704f, 0xffffffffffffff) { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    at += 7;
                    pc = 22;
                    continue;
                }
                22 => {
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 23, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    if !literal_at(line, at, b"http", 0x70747468, 0xffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 4;
                    if line.get(at).is_some_and(|&b| SET_22.0[usize::from(b)]) {
                        at += 1;
                    }
                    if !literal_at(line, at, b"://", 0x2f2f3a, 0xffffff) { *cursor = Cursor { pc: 27, at, stretch }; return Ended::Failed; }
                    at += 3;
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"\": ", 0x203a22, 0xffffff) { *cursor = Cursor { pc: 30, at, stretch }; return Ended::Failed; }
                    at += 3;
                    save(stack, slots, 6, at);
                    let taken = Stops::One(0x0a).run_length(&SET_8, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 32, at, stretch }; return Ended::Failed; }
                    if taken > 1 { stack.push(Frame::Shorter { next: 33, low: at + 1, at: at + taken }); }
                    at += taken;
                    pc = 33;
                    continue;
                }
                33 => {
                    save(stack, slots, 7, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// ^(?:\S+ )??(?:[A-Z]+):\s+(?P<client>\S+) - "(?P<request>[^"\\]*(?:\\.[^"\\]*)*)" (?P<status>\d{3})\b
fn search_33(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    if !charge(budget, 3 - stretch) { return Ended::GaveUp; }
                    if !SET_3.may_start(line, at) {
                        pc = 3;
                        stretch = 3;
                        continue;
                    }
                    if SET_0.may_start(line, at) {
                        stack.push(Frame::Try { pc: 3, at });
                    }
                    pc = 5;
                    stretch = 5;
                    continue;
                }
                3 => {
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 3, at, stretch }; return Ended::Failed; }
                    at += 1;
                    pc = 5;
                    continue;
                }
                5 => {
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b':') { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 2, at);
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" - \"", 0x22202d20, 0xffffffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 4, at);
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    pc = 14;
                    continue;
                }
                14 => {
                    if !charge(budget, 15 - stretch) { return Ended::GaveUp; }
                    if !SET_6.may_start(line, at) {
                        pc = 19;
                        stretch = 19;
                        continue;
                    }
                    if SET_7.may_start(line, at) {
                        stack.push(Frame::Try { pc: 19, at });
                    }
                    pc = 15;
                    stretch = 15;
                    continue;
                }
                15 => {
                    let Some(here) = line.get(at..at + 2) else { *cursor = Cursor { pc: 15, at, stretch }; return Ended::Failed; };
                    if !(here[0] == b'\\' && SET_8.0[usize::from(here[1])]) { *cursor = Cursor { pc: 15, at, stretch }; return Ended::Failed; }
                    at += 2;
                    let taken = Stops::Two(b'"', b'\\').run_length(&SET_5, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    *budget = budget.saturating_sub(19 - stretch);
                    stretch = 14;
                    pc = 14;
                    continue;
                }
                19 => {
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"\" ", 0x2022, 0xffff) { *cursor = Cursor { pc: 20, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 6, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 21, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 7, at);
                    if !holds(Assertion::WordBoundary, line, at) { *cursor = Cursor { pc: 24, at, stretch }; return Ended::Failed; }
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// Completed (?P<status>\d{3}) [^\n]*? in (?P<duration_ms>[\d.]+)ms
fn search_34(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"Completed ", 0x6574656c706d6f43, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 10;
                    save(stack, slots, 2, at);
                    if !line.get(at..at + 3).is_some_and(|here| here.iter().all(|&b| SET_2.0[usize::from(b)])) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    let taken = 3;
                    at += taken;
                    save(stack, slots, 3, at);
                    if line.get(at) != Some(&b' ') { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += 1;
                    stack.push(Frame::Longer { run: 6, at, left: usize::MAX });
                    pc = 7;
                    continue;
                }
                7 => {
                    if !literal_at(line, at, b" in ", 0x206e6920, 0xffffffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 4, at);
                    let taken = Stops::Many.run_length(&SET_33, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 8, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"ms", 0x736d, 0xffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// Started (?P<method>[A-Z]+) "(?P<url>[^"]+)" for \S+ at (?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})
fn search_35(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !literal_at(line, at, b"Started ", 0x2064657472617453, 0xffffffffffffffff) { *cursor = Cursor { pc: 1, at, stretch }; return Ended::Failed; }
                    at += 8;
                    save(stack, slots, 2, at);
                    let taken = Stops::Many.run_length(&SET_3, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 3, at);
                    if !literal_at(line, at, b" \"", 0x2220, 0xffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 2;
                    save(stack, slots, 4, at);
                    let taken = Stops::One(b'"').run_length(&SET_28, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 6, at, stretch }; return Ended::Failed; }
                    at += taken;
                    save(stack, slots, 5, at);
                    if !literal_at(line, at, b"\" for ", 0x20726f662022, 0xffffffffffff) { *cursor = Cursor { pc: 9, at, stretch }; return Ended::Failed; }
                    at += 6;
                    let taken = Stops::Below(33).run_length(&SET_0, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" at ", 0x20746120, 0xffffffff) { *cursor = Cursor { pc: 11, at, stretch }; return Ended::Failed; }
                    at += 4;
                    save(stack, slots, 6, at);
                    let Some(here) = line.get(at..at + 25) else { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; };
                    if !(SET_2.0[usize::from(here[0])] && SET_2.0[usize::from(here[1])] && SET_2.0[usize::from(here[2])] && SET_2.0[usize::from(here[3])] && here[4] == b'-' && SET_2.0[usize::from(here[5])] && SET_2.0[usize::from(here[6])] && here[7] == b'-' && SET_2.0[usize::from(here[8])] && SET_2.0[usize::from(here[9])] && here[10] == b' ' && SET_2.0[usize::from(here[11])] && SET_2.0[usize::from(here[12])] && here[13] == b':' && SET_2.0[usize::from(here[14])] && SET_2.0[usize::from(here[15])] && here[16] == b':' && SET_2.0[usize::from(here[17])] && SET_2.0[usize::from(here[18])] && here[19] == b' ' && SET_12.0[usize::from(here[20])] && SET_2.0[usize::from(here[21])] && SET_2.0[usize::from(here[22])] && SET_2.0[usize::from(here[23])] && SET_2.0[usize::from(here[24])]) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 25;
                    save(stack, slots, 7, at);
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}

// (?:^|: |\] )\s*(?:Processing by |Parameters: |Rendered |Rendering |Redirected to |Filter chain halted|Can't verify CSRF|Sent data |Sent file |↳ |[A-Z]\w+ Load \(|CACHE |\(\d+\.\d+ms\) )
fn search_36(program: &Program, line: &[u8], start: usize, scratch: &mut Scratch, budget: &mut usize) -> Found {
    program.run_with(line, start, scratch, budget, |cursor, stack, slots, budget| {
        let Cursor { mut pc, mut at, mut stretch } = *cursor;
        loop {
            match pc {
                0 => {
                    save(stack, slots, 0, at);
                    if !charge(budget, 2 - stretch) { return Ended::GaveUp; }
                    if !SET_90.may_start(line, at) {
                        pc = 4;
                        stretch = 4;
                        continue;
                    }
                    if SET_91.may_start(line, at) {
                        stack.push(Frame::Try { pc: 4, at });
                    }
                    pc = 2;
                    stretch = 2;
                    continue;
                }
                2 => {
                    if !holds(Assertion::Start, line, at) { *cursor = Cursor { pc: 2, at, stretch }; return Ended::Failed; }
                    pc = 8;
                    continue;
                }
                4 => {
                    if !charge(budget, 5 - stretch) { return Ended::GaveUp; }
                    if !SET_15.may_start(line, at) {
                        pc = 7;
                        stretch = 7;
                        continue;
                    }
                    if SET_92.may_start(line, at) {
                        stack.push(Frame::Try { pc: 7, at });
                    }
                    pc = 5;
                    stretch = 5;
                    continue;
                }
                5 => {
                    if !literal_at(line, at, b": ", 0x203a, 0xffff) { *cursor = Cursor { pc: 5, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 8;
                    continue;
                }
                7 => {
                    if !literal_at(line, at, b"] ", 0x205d, 0xffff) { *cursor = Cursor { pc: 7, at, stretch }; return Ended::Failed; }
                    at += 2;
                    pc = 8;
                    continue;
                }
                8 => {
                    let taken = Stops::Many.run_length(&SET_18, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    at += taken;
                    if !charge(budget, 10 - stretch) { return Ended::GaveUp; }
                    if !SET_44.may_start(line, at) {
                        pc = 12;
                        stretch = 12;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 12, at });
                    }
                    pc = 10;
                    stretch = 10;
                    continue;
                }
                10 => {
                    if !literal_at(line, at, b"Processing by ", 0x69737365636f7250, 0xffffffffffffffff) { *cursor = Cursor { pc: 10, at, stretch }; return Ended::Failed; }
                    at += 14;
                    pc = 52;
                    continue;
                }
                12 => {
                    if !charge(budget, 13 - stretch) { return Ended::GaveUp; }
                    if !SET_44.may_start(line, at) {
                        pc = 15;
                        stretch = 15;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 15, at });
                    }
                    pc = 13;
                    stretch = 13;
                    continue;
                }
                13 => {
                    if !literal_at(line, at, b"Parameters: ", 0x6574656d61726150, 0xffffffffffffffff) { *cursor = Cursor { pc: 13, at, stretch }; return Ended::Failed; }
                    at += 12;
                    pc = 52;
                    continue;
                }
                15 => {
                    if !charge(budget, 16 - stretch) { return Ended::GaveUp; }
                    if !SET_42.may_start(line, at) {
                        pc = 18;
                        stretch = 18;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 18, at });
                    }
                    pc = 16;
                    stretch = 16;
                    continue;
                }
                16 => {
                    if !literal_at(line, at, b"Rendered ", 0x64657265646e6552, 0xffffffffffffffff) { *cursor = Cursor { pc: 16, at, stretch }; return Ended::Failed; }
                    at += 9;
                    pc = 52;
                    continue;
                }
                18 => {
                    if !charge(budget, 19 - stretch) { return Ended::GaveUp; }
                    if !SET_42.may_start(line, at) {
                        pc = 21;
                        stretch = 21;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 21, at });
                    }
                    pc = 19;
                    stretch = 19;
                    continue;
                }
                19 => {
                    if !literal_at(line, at, b"Rendering ", 0x6e697265646e6552, 0xffffffffffffffff) { *cursor = Cursor { pc: 19, at, stretch }; return Ended::Failed; }
                    at += 10;
                    pc = 52;
                    continue;
                }
                21 => {
                    if !charge(budget, 22 - stretch) { return Ended::GaveUp; }
                    if !SET_42.may_start(line, at) {
                        pc = 24;
                        stretch = 24;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 24, at });
                    }
                    pc = 22;
                    stretch = 22;
                    continue;
                }
                22 => {
                    if !literal_at(line, at, b"Redirected to ", 0x7463657269646552, 0xffffffffffffffff) { *cursor = Cursor { pc: 22, at, stretch }; return Ended::Failed; }
                    at += 14;
                    pc = 52;
                    continue;
                }
                24 => {
                    if !charge(budget, 25 - stretch) { return Ended::GaveUp; }
                    if !SET_94.may_start(line, at) {
                        pc = 27;
                        stretch = 27;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 27, at });
                    }
                    pc = 25;
                    stretch = 25;
                    continue;
                }
                25 => {
                    if !literal_at(line, at, b"Filter chain halted", 0x63207265746c6946, 0xffffffffffffffff) { *cursor = Cursor { pc: 25, at, stretch }; return Ended::Failed; }
                    at += 19;
                    pc = 52;
                    continue;
                }
                27 => {
                    if !charge(budget, 28 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 30;
                        stretch = 30;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 30, at });
                    }
                    pc = 28;
                    stretch = 28;
                    continue;
                }
                28 => {
                    if !literal_at(line, at, b"Can\'t verify CSRF", 0x65762074276e6143, 0xffffffffffffffff) { *cursor = Cursor { pc: 28, at, stretch }; return Ended::Failed; }
                    at += 17;
                    pc = 52;
                    continue;
                }
                30 => {
                    if !charge(budget, 31 - stretch) { return Ended::GaveUp; }
                    if !SET_39.may_start(line, at) {
                        pc = 33;
                        stretch = 33;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 33, at });
                    }
                    pc = 31;
                    stretch = 31;
                    continue;
                }
                31 => {
                    if !literal_at(line, at, b"Sent data ", 0x74616420746e6553, 0xffffffffffffffff) { *cursor = Cursor { pc: 31, at, stretch }; return Ended::Failed; }
                    at += 10;
                    pc = 52;
                    continue;
                }
                33 => {
                    if !charge(budget, 34 - stretch) { return Ended::GaveUp; }
                    if !SET_39.may_start(line, at) {
                        pc = 36;
                        stretch = 36;
                        continue;
                    }
                    if SET_93.may_start(line, at) {
                        stack.push(Frame::Try { pc: 36, at });
                    }
                    pc = 34;
                    stretch = 34;
                    continue;
                }
                34 => {
                    if !literal_at(line, at, b"Sent file ", 0x6c696620746e6553, 0xffffffffffffffff) { *cursor = Cursor { pc: 34, at, stretch }; return Ended::Failed; }
                    at += 10;
                    pc = 52;
                    continue;
                }
                36 => {
                    if !charge(budget, 37 - stretch) { return Ended::GaveUp; }
                    if !SET_95.may_start(line, at) {
                        pc = 39;
                        stretch = 39;
                        continue;
                    }
                    if SET_96.may_start(line, at) {
                        stack.push(Frame::Try { pc: 39, at });
                    }
                    pc = 37;
                    stretch = 37;
                    continue;
                }
                37 => {
                    if !literal_at(line, at, b"\xe2\x86\xb3 ", 0x20b386e2, 0xffffffff) { *cursor = Cursor { pc: 37, at, stretch }; return Ended::Failed; }
                    at += 4;
                    pc = 52;
                    continue;
                }
                39 => {
                    if !charge(budget, 40 - stretch) { return Ended::GaveUp; }
                    if !SET_3.may_start(line, at) {
                        pc = 44;
                        stretch = 44;
                        continue;
                    }
                    if SET_97.may_start(line, at) {
                        stack.push(Frame::Try { pc: 44, at });
                    }
                    pc = 40;
                    stretch = 40;
                    continue;
                }
                40 => {
                    if !line.get(at).is_some_and(|&b| SET_3.0[usize::from(b)]) { *cursor = Cursor { pc: 40, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_34, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 41, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b" Load (", 0x282064616f4c20, 0xffffffffffffff) { *cursor = Cursor { pc: 42, at, stretch }; return Ended::Failed; }
                    at += 7;
                    pc = 52;
                    continue;
                }
                44 => {
                    if !charge(budget, 45 - stretch) { return Ended::GaveUp; }
                    if !SET_38.may_start(line, at) {
                        pc = 47;
                        stretch = 47;
                        continue;
                    }
                    if SET_98.may_start(line, at) {
                        stack.push(Frame::Try { pc: 47, at });
                    }
                    pc = 45;
                    stretch = 45;
                    continue;
                }
                45 => {
                    if !literal_at(line, at, b"CACHE ", 0x204548434143, 0xffffffffffff) { *cursor = Cursor { pc: 45, at, stretch }; return Ended::Failed; }
                    at += 6;
                    pc = 52;
                    continue;
                }
                47 => {
                    if line.get(at) != Some(&b'(') { *cursor = Cursor { pc: 47, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if line.get(at) != Some(&b'.') { *cursor = Cursor { pc: 48, at, stretch }; return Ended::Failed; }
                    at += 1;
                    let taken = Stops::Many.run_length(&SET_2, &line[at..]);
                    *budget = budget.saturating_sub(taken / 8);
                    if taken < 1 { *cursor = Cursor { pc: 50, at, stretch }; return Ended::Failed; }
                    at += taken;
                    if !literal_at(line, at, b"ms) ", 0x2029736d, 0xffffffff) { *cursor = Cursor { pc: 51, at, stretch }; return Ended::Failed; }
                    at += 4;
                    pc = 52;
                    continue;
                }
                52 => {
                    save(stack, slots, 1, at);
                    return Ended::Matched;
                }
                _ => return Ended::GaveUp,
            }
        }
    })
}
