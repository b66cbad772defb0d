//! Properties of the text pipeline on arbitrary input: tokens and sentences are ordered,
//! non-overlapping, non-empty, on char boundaries and never cover whitespace; sentences are
//! trimmed and their paragraph indices never decrease.

use proptest::prelude::*;
use undertone::text::{sentences, split_sentences, tokenize, tokens, Token, TokenKind};

/// Characters the tokenizer and splitter treat specially, to make interesting inputs likely.
const TRICKY: &[char] = &[
    'a',
    'Z',
    'é',
    'ж',
    '北',
    '1',
    '0',
    '.',
    ',',
    '-',
    '+',
    '\'',
    '’',
    '"',
    '”',
    '(',
    ')',
    '?',
    '!',
    '…',
    '@',
    '/',
    ':',
    '#',
    '*',
    '$',
    '%',
    ' ',
    ' ',
    '\n',
    '\r',
    '\t',
    '\u{0}',
    '\u{7}',
    '\u{85}',
    '\u{A0}',
    '\u{AD}',
    '\u{200B}',
    '\u{200C}',
    '\u{200D}',
    '\u{2028}',
    '\u{2029}',
    '\u{FE0F}',
    '\u{FE0E}',
    '\u{20E3}',
    '\u{301}',
    '\u{94D}',
    '\u{964}',
    '\u{1F1FA}',
    '\u{1F1F8}',
    '\u{1F44D}',
    '\u{1F3FD}',
    '\u{1F468}',
    '\u{2764}',
    '\u{E0067}',
    '\u{E007F}',
    '\u{FEFF}',
    '\u{2212}',
    '。',
    'h',
    't',
    'p',
    's',
    'w',
    'U',
    'S',
    'D',
    'r',
    'I',
];

fn tricky_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(TRICKY).prop_map(String::from),
        2 => any::<char>().prop_map(String::from),
        1 => proptest::sample::select(&[
            "https://", "www.", "U.S.", "Dr.", "Inc.", "No. ", "e.g.", "...", "\n\n", "\r\n",
            "x@y.com", "1,234.5", "The", " He", "J. ", "👨‍👩‍👧", "1️⃣",
        ][..])
        .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

fn long_word() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(
            &["a", "a-", "a.", ".", "ab'", "1,", "é\u{301}", "👍\u{200D}"][..],
        ),
        1usize..5000,
    )
        .prop_map(|(unit, n)| unit.repeat(n))
}

fn lossy_bytes() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..300)
        .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => tricky_string(),
        2 => any::<String>(),
        1 => long_word(),
        1 => lossy_bytes(),
    ]
}

fn check_tokens(text: &str) -> Result<Vec<Token>, TestCaseError> {
    let toks = tokenize(text);
    let mut last = 0;
    for t in &toks {
        prop_assert!(t.start >= last, "overlap or out of order: {:?}", t);
        prop_assert!(t.start < t.end, "empty token {:?}", t);
        prop_assert!(t.end <= text.len());
        prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        let s = &text[t.start..t.end];
        prop_assert_eq!(s, t.text(text));
        prop_assert!(!s.chars().any(char::is_whitespace), "whitespace in {:?}", s);
        prop_assert!(
            !s.chars().any(|c| c.is_control()),
            "control char in {:?}",
            s
        );
        last = t.end;
    }
    // Everything outside the tokens is skippable: whitespace, controls or format chars.
    let mut prev = 0;
    for t in toks.iter().chain(std::iter::once(&Token {
        start: text.len(),
        end: text.len(),
        kind: undertone::text::TokenKind::Symbol,
    })) {
        for c in text[prev..t.start].chars() {
            prop_assert!(
                c.is_whitespace() || c.is_control() || !c.is_alphanumeric(),
                "letter or digit {:?} not in any token",
                c
            );
        }
        prev = t.end;
    }
    prop_assert_eq!(tokens(text).collect::<Vec<_>>(), toks.clone());
    Ok(toks)
}

fn check_sentences(text: &str, toks: &[Token]) -> Result<(), TestCaseError> {
    let sentences = split_sentences(text);
    let mut last_end = 0;
    let mut last_paragraph = 0;
    for s in &sentences {
        prop_assert!(s.start >= last_end, "overlap or out of order: {:?}", s);
        prop_assert!(s.start < s.end, "empty sentence {:?}", s);
        prop_assert!(s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let body = &text[s.start..s.end];
        prop_assert_eq!(body, body.trim(), "not trimmed");
        prop_assert!(s.paragraph >= last_paragraph, "paragraph went down");
        last_end = s.end;
        last_paragraph = s.paragraph;
    }
    // Sentences cover exactly the tokens: each token lies in one sentence.
    let mut i = 0;
    for t in toks {
        while i < sentences.len() && sentences[i].end <= t.start {
            i += 1;
        }
        prop_assert!(i < sentences.len(), "token {:?} after the last sentence", t);
        prop_assert!(sentences[i].start <= t.start && t.end <= sentences[i].end);
    }
    prop_assert_eq!(sentences.is_empty(), toks.is_empty());
    // The splitter's word count is the tokenizer's (the analysis reports it as the text's).
    let mut splitter = self::sentences(text);
    prop_assert_eq!(splitter.by_ref().count(), sentences.len());
    let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    prop_assert_eq!(splitter.words(), words);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_and_sentences_are_well_formed(text in any_text()) {
        let toks = check_tokens(&text)?;
        check_sentences(&text, &toks)?;
    }

    #[test]
    fn a_prefix_never_panics(text in any_text(), cut in any::<prop::sample::Index>()) {
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let prefix = &text[..at];
        let toks = check_tokens(prefix)?;
        check_sentences(prefix, &toks)?;
    }
}
