//! The few Python `str` behaviours VADER relies on, with CPython's (3.11, Unicode 14) semantics:
//! `str.split()` whitespace, `str.isupper()`, `str.lower()` and `strip(string.punctuation)`.

use super::tables::{PY_LOWER_OR_TITLE, PY_UPPER, PY_WHITESPACE};
use std::borrow::Cow;

/// `ch.isspace()` in Python: what `str.split()` (no argument) splits on. Includes the ASCII
/// separators U+001C..U+001F, which Rust's `char::is_whitespace` does not.
pub(crate) fn is_py_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x20')
    } else {
        PY_WHITESPACE.binary_search(&c).is_ok()
    }
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|&(lo, _)| lo <= cp);
    i > 0 && table[i - 1].1 >= cp
}

/// Python's `s.isupper()`: at least one uppercase character and no lowercase or titlecase one.
pub(crate) fn py_isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_lowercase() {
                return false;
            }
            cased |= c.is_ascii_uppercase();
        } else {
            if in_ranges(PY_LOWER_OR_TITLE, c) {
                return false;
            }
            if !cased && in_ranges(PY_UPPER, c) {
                cased = true;
            }
        }
    }
    cased
}

/// Python's `s.lower()` (full case mapping, final sigma). Borrows when nothing changes.
///
/// Rust's `str::to_lowercase` implements the same algorithm; its Unicode version may be newer
/// than Python 3.11's, which can only differ on recently-encoded letters, none of which can make
/// a word equal a (practically ASCII) lexicon key.
pub(crate) fn py_lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        let lowered = s.to_lowercase();
        if lowered == s {
            Cow::Borrowed(s)
        } else {
            Cow::Owned(lowered)
        }
    }
}

/// `SentiText._strip_punc_if_word`: `token.strip(string.punctuation)` unless that leaves two
/// characters or fewer (then the token, likely an emoticon, is kept whole). Returns the byte
/// range of the result within `token`.
pub(crate) fn strip_punc_if_word(token: &str) -> (usize, usize) {
    let start = token.len()
        - token
            .trim_start_matches(|c: char| c.is_ascii_punctuation())
            .len();
    let end = start
        + token[start..]
            .trim_end_matches(|c: char| c.is_ascii_punctuation())
            .len();
    // len(stripped) counts code points; only "more than 2" matters.
    if token[start..end].chars().nth(2).is_none() {
        (0, token.len())
    } else {
        (start, end)
    }
}

/// Byte ranges of the words of `text.split()`.
pub(crate) fn split_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_py_space(c) {
            if let Some(s) = start.take() {
                spans.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_table_matches_ascii_fast_path() {
        for b in 0u8..128 {
            let c = b as char;
            assert_eq!(is_py_space(c), PY_WHITESPACE.contains(&c), "U+{:04X}", b);
        }
        for c in ['\u{85}', '\u{a0}', '\u{2003}', '\u{3000}', '\u{2028}'] {
            assert!(is_py_space(c), "{c:?}");
        }
        // Not whitespace for Python (nor for us): zero-width space, Mongolian vowel separator.
        for c in ['\u{200b}', '\u{180e}', 'a', '\u{feff}'] {
            assert!(!is_py_space(c), "{c:?}");
        }
    }

    #[test]
    fn split_like_python() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            ("a b", &["a", "b"]),
            ("  a\t\nb  ", &["a", "b"]),
            ("a\u{1c}b\u{1f}c", &["a", "b", "c"]),
            ("a\u{a0}b\u{3000}c\u{2009}d", &["a", "b", "c", "d"]),
            ("a\u{200b}b", &["a\u{200b}b"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = split_spans(text)
                .iter()
                .map(|&(s, e)| &text[s..e])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn isupper_like_python() {
        let cases: &[(&str, bool)] = &[
            ("", false),
            ("ABC", true),
            ("AbC", false),
            ("A1!", true),
            ("123", false),
            (":)", false),
            (":D", true),
            ("ÉTÉ", true),
            ("ÉtÉ", false),
            ("ǅ", false),  // titlecase
            ("Aǅ", false), // titlecase kills it
            ("ΣΑΣ", true),
            ("ß", false),
            ("Aª", false), // ª is Lowercase for Python
            ("日本", false),
            ("A日本", true),
        ];
        for (s, want) in cases {
            assert_eq!(py_isupper(s), *want, "{s:?}");
        }
    }

    #[test]
    fn lower_like_python() {
        let cases: &[(&str, &str)] = &[
            ("abc", "abc"),
            ("ABC", "abc"),
            ("Ünïcode", "ünïcode"),
            ("\u{212a}", "k"), // Kelvin sign
            ("İ", "i\u{307}"),
            ("ΣΑΣ", "σας"),
            ("日本", "日本"),
        ];
        for (s, want) in cases {
            assert_eq!(py_lower(s), *want, "{s:?}");
        }
        assert!(matches!(py_lower("already lower"), Cow::Borrowed(_)));
    }

    #[test]
    fn strip_punc_if_word_like_python() {
        let cases: &[(&str, &str)] = &[
            ("good!", "good"),
            ("(good)", "good"),
            ("'good'", "good"),
            (":)", ":)"),
            (":-)", ":-)"),
            ("ok!", "ok!"),       // "ok" has 2 chars: kept whole
            ("yes!", "yes"),      // 3 chars: stripped
            ("!!!", "!!!"),       // empty after stripping
            ("don't.", "don't"),  // inner apostrophe kept
            ("«bien»", "«bien»"), // non-ASCII punctuation is not string.punctuation
            ("...été...", "été"),
            ("--ab--", "--ab--"),
            ("\"n't\"", "n't"),
        ];
        for (tok, want) in cases {
            let (s, e) = strip_punc_if_word(tok);
            assert_eq!(&tok[s..e], *want, "{tok:?}");
        }
    }
}
