//! Target-aware scoring: the sentiment toward a named company or person.
//!
//! * The target's own name never carries sentiment ("Best" in "Best Buy", "Smart" in
//!   "Smart Metering"): words that match a word of the target (ignoring a possessive "'s") score 0.
//! * When a clause mentions the target, the clauses that do not are about something else (a rival,
//!   the market) and keep [`OTHER_CLAUSE`] of their valence: in "Tesco shares fall as Sainsbury
//!   gains", the fall is Tesco's news and the gain is Sainsbury's. When no clause mentions the
//!   target, every clause counts in full.
//! * Generic company words ("plc", "group", "inc", "holdings") are not name words, unless the
//!   target has nothing else.

use super::Ctx;

/// What clauses that do not mention the target keep of their valence.
pub(crate) const OTHER_CLAUSE: f64 = 0.5;

const GENERIC: &[&str] = &[
    "&",
    "ag",
    "and",
    "co",
    "company",
    "corp",
    "corporation",
    "group",
    "holding",
    "holdings",
    "inc",
    "international",
    "limited",
    "llc",
    "ltd",
    "nv",
    "of",
    "plc",
    "sa",
    "se",
    "the",
];

/// The name words of a target, lowercased.
pub(crate) fn name_words(target: &str) -> Vec<String> {
    let all: Vec<String> = target
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let specific: Vec<String> = all
        .iter()
        .filter(|w| !GENERIC.contains(&w.as_str()))
        .cloned()
        .collect();
    if specific.is_empty() {
        all
    } else {
        specific
    }
}

pub(crate) fn mentions(word: &str, names: &[String]) -> bool {
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    names.iter().any(|n| n == bare)
}

/// Applies the unit toward `target`: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, target: &str, valences: &mut [f64]) {
    let names = name_words(target);
    if names.is_empty() {
        return;
    }
    let mut mentioned = Vec::new();
    for (i, v) in valences.iter_mut().enumerate() {
        if mentions(ctx.lower(i), &names) {
            *v = 0.0;
            if !mentioned.contains(&ctx.clause[i]) {
                mentioned.push(ctx.clause[i]);
            }
        }
    }
    if mentioned.is_empty() {
        return;
    }
    for (i, v) in valences.iter_mut().enumerate() {
        if !mentioned.contains(&ctx.clause[i]) {
            *v *= OTHER_CLAUSE;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::name_words;
    use crate::news::{score_sentence_with, Rules};

    #[test]
    fn name_words_drop_generic_parts() {
        assert_eq!(
            name_words("Royal Dutch Shell plc"),
            ["royal", "dutch", "shell"]
        );
        assert_eq!(name_words("The Group"), ["the", "group"]);
        assert!(name_words("  ").is_empty());
    }

    #[test]
    fn sentiment_toward_the_target() {
        struct Case {
            text: &'static str,
            target: &'static str,
            sign: f64,
        }
        let rules = Rules::ALL;
        let cases = [
            Case {
                text: "Best Buy reports quarterly results",
                target: "Best Buy",
                sign: 0.0,
            },
            Case {
                text: "Tesco shares fall as Sainsbury gains",
                target: "Tesco",
                sign: -1.0,
            },
            Case {
                text: "Tesco shares fall as Sainsbury gains",
                target: "Sainsbury",
                sign: 1.0,
            },
            Case {
                text: "Glencore's profit rose",
                target: "Glencore",
                sign: 1.0,
            },
        ];
        for c in cases {
            let got = score_sentence_with(c.text, Some(c.target), &rules).score;
            if c.sign == 0.0 {
                assert!(got.abs() <= 0.05, "{:?} toward {}: {got}", c.text, c.target);
            } else {
                assert!(
                    got * c.sign > 0.05,
                    "{:?} toward {}: {got}",
                    c.text,
                    c.target
                );
            }
        }
    }

    #[test]
    fn without_a_mention_every_clause_counts() {
        let text = "Profit rose, but costs soared";
        let with = score_sentence_with(text, Some("Unilever"), &Rules::ALL).score;
        let without = score_sentence_with(text, None, &Rules::ALL).score;
        assert_eq!(with, without);
    }
}
