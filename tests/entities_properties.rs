//! Properties of entity recognition on arbitrary input: it never panics, mentions are ordered,
//! non-overlapping, non-empty and on char boundaries; entities' mentions are the text at their
//! offsets, saliences are in [0, 1] and scores in [-1, 1].

use proptest::prelude::*;
use undertone::entities::{entities, recognize};

/// Pieces that exercise the rules: names, titles, suffixes, datelines, handles, odd characters.
const PIECES: &[&str] = &[
    "Vladimir Putin",
    "Putin",
    "President",
    "Mr.",
    "Dr.",
    "Sen.",
    "Inc.",
    "Corp.",
    "plc",
    "Group",
    "MOSCOW",
    "(Reuters)",
    "-",
    "—",
    "U.S.",
    "US",
    "UN",
    "NATO",
    "ISIS-K",
    "Islamic State",
    "of",
    "the",
    "The",
    "de",
    "van",
    "&",
    "May",
    "Monday",
    "Request a Demo",
    "New York",
    "'s",
    "’s",
    "@",
    "#",
    "said",
    ".",
    ",",
    "?",
    "!",
    "\n",
    "\n\n",
    " ",
    "F.",
    "George W. Bush",
    "é",
    "Ça",
    "Zürich",
    "🇨🇭",
    "😀",
    "👩‍👩‍👧",
    "北京",
    "Путин",
    "\u{200d}",
    "\u{301}",
    "STOCKS",
    "RALLY",
    "a",
    "Z",
    "1",
    "2,000",
    "'",
    "\"",
    "(",
    ")",
    "in",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(PIECES).prop_map(str::to_string),
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..40,
    )
    .prop_map(|v| v.join(" "))
}

fn check(text: &str, title: Option<&str>) {
    let mentions = recognize(text);
    let mut last_end = 0;
    for m in &mentions {
        assert!(m.start < m.end, "empty mention {m:?}");
        assert!(m.start >= last_end, "overlap at {m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        last_end = m.end;
    }
    for e in entities(text, title) {
        assert!(!e.mentions.is_empty());
        assert!((0.0..=1.0).contains(&e.salience), "{e:?}");
        assert!((-1.0..=1.0).contains(&e.score), "{e:?}");
        for m in &e.mentions {
            let src = if m.in_title { title.unwrap() } else { text };
            assert_eq!(&src[m.start..m.end], m.text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>(), title in any::<Option<String>>()) {
        check(&text, title.as_deref());
    }

    #[test]
    fn rule_pieces(text in pieces(), title in prop::option::of(pieces())) {
        check(&text, title.as_deref());
    }
}
