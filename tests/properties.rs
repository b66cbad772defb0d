//! Properties every analysis keeps, whatever the input.

use proptest::prelude::*;
use undertone::{analyze, analyze_with, Band, Engine, OffsetUnit, Options};

fn check(text: &str, title: Option<&str>) {
    for engine in [Engine::Undertone, Engine::Vader] {
        let a = analyze_with(
            text,
            &Options {
                title,
                engine,
                ..Default::default()
            },
        );
        assert!(
            a.score.is_finite() && (-1.0..=1.0).contains(&a.score),
            "score {}",
            a.score
        );
        assert_eq!(a.band, Band::of(a.score));
        assert_eq!(a.label, a.band.label());
        for s in a.sentences.iter().chain(a.title.iter()) {
            assert!(s.score.is_finite() && (-1.0..=1.0).contains(&s.score));
            assert_eq!(s.band, Band::of(s.score));
            assert!(s.contribution.is_finite());
        }
        for s in &a.sentences {
            assert_eq!(&text[s.start..s.end], s.text);
            for t in &s.tokens {
                assert!(s.start <= t.start && t.end <= s.end);
                assert_eq!(&text[t.start..t.end], t.text);
            }
        }
        let again = analyze_with(
            text,
            &Options {
                title,
                engine,
                ..Default::default()
            },
        );
        assert_eq!(a.score.to_bits(), again.score.to_bits(), "deterministic");
        assert_eq!(a.sentences.len(), again.sentences.len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(text in any::<String>(), title in proptest::option::of(any::<String>())) {
        check(&text, title.as_deref());
    }

    #[test]
    fn control_characters_and_punctuation(text in "[\\x00-\\x1f\\x7f!?.,'\"() a-zA-Z:;-]{0,200}") {
        check(&text, None);
    }

    #[test]
    fn wordy_text(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "good", "bad", "not", "very", "but", "GREAT", "!", "?", "\n\n", "kind of", "😀", "least", "U.S.", "Dr.",
        ]),
        0..80,
    )) {
        let text = words.join(" ");
        check(&text, Some("Title: not bad"));
    }

    /// Pieces of the multi-word expressions and of what the rule units match next to them,
    /// glued with and without spaces: overlapping, cut-off and punctuated expressions.
    #[test]
    fn expression_pieces(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "fell", "short", "must", "now", "explain", "should", "resign", "a", "step", "in",
            "the", "right", "direction", "wiped", "out", "its", "losses", "far", "from", "no",
            "mean", "feat", ",", ".", "’s", "in,", "😀", "profit", "came", "into", "force",
        ]),
        0..60,
    ), glue in proptest::sample::select(vec![" ", "", "  ", " - "])) {
        let text = words.join(glue);
        check(&text, None);
    }
}

#[test]
fn very_long_words_and_lone_controls() {
    let long_word = "a".repeat(200_000);
    check(&long_word, None);
    check("\u{0}\u{1}\u{7}\u{1b}", None);
    check(&"!".repeat(50_000), None);
    check(&"good ".repeat(20_000), Some(&"x".repeat(10_000)));
}

#[test]
fn utf16_and_code_point_offsets_index_the_same_text() {
    let text = "Zürich 🎉 was great. Naïve plans failed badly 😢. 北京 is calm.";
    for unit in [OffsetUnit::CodePoint, OffsetUnit::Utf16] {
        let mut a = analyze(text);
        a.convert_offsets(text, None, unit);
        for s in &a.sentences {
            let sliced = match unit {
                OffsetUnit::CodePoint => text
                    .chars()
                    .skip(s.start)
                    .take(s.end - s.start)
                    .collect::<String>(),
                _ => {
                    let units: Vec<u16> = text.encode_utf16().collect();
                    String::from_utf16(&units[s.start..s.end]).unwrap()
                }
            };
            assert_eq!(sliced, s.text, "{unit:?}");
        }
    }
}
