//! Target-aware scoring: the sentiment toward a named company or person.
//!
//! * The target's own name never carries sentiment ("Best" in "Best Buy", "Smart" in
//!   "Smart Metering"): words that match a word of the target (ignoring a possessive "'s") score 0.
//! * When a clause mentions the target, the clauses that do not but name someone else (a
//!   capitalised word that is not a common sentence opener; in a Title Case headline, any clause) are about
//!   that other party and keep [`OTHER_CLAUSE`] of their valence: in "Tesco shares fall as
//!   Sainsbury gains", the fall is Tesco's news and the gain is Sainsbury's, while in "Tesco cuts
//!   costs as profits plunge" the plunge is Tesco's too. When no clause mentions the target,
//!   every clause counts in full.
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

/// A sentence's first word is capitalised anyway: it names someone unless it is a common word.
fn is_common_opener(word: &str) -> bool {
    super::direction::quantity(word).is_some()
        || super::direction::direction(word).is_some()
        || matches!(
            word,
            "a" | "an"
                | "the"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "after"
                | "as"
                | "this"
                | "that"
                | "these"
                | "its"
                | "it"
                | "we"
                | "i"
                | "he"
                | "she"
                | "they"
                | "new"
                | "net"
                | "pretax"
                | "quarterly"
                | "annual"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "full-year"
                | "analysts"
                | "investors"
                | "traders"
                | "markets"
        )
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
    // A clause is about someone else when it names someone: a capitalised word after the
    // sentence's first. In Title Case Headlines every word is capitalised, so every clause could be.
    let n = ctx.words.len();
    let capitals = ctx.capital.iter().filter(|&&c| c).count();
    let title_case = n >= 3 && capitals * 10 >= n * 6;
    let is_name = |i: usize| {
        ctx.capital[i] && (i > 0 || !is_common_opener(ctx.lower(0)) && ctx.words[0].lex.is_none())
    };
    let names_someone =
        |clause: u32| title_case || (0..n).any(|i| ctx.clause[i] == clause && is_name(i));
    let others: Vec<u32> = (0..=ctx.clause.last().copied().unwrap_or(0))
        .filter(|c| !mentioned.contains(c) && names_someone(*c))
        .collect();
    for (i, v) in valences.iter_mut().enumerate() {
        if others.contains(&ctx.clause[i]) {
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
    fn clauses_without_another_name_stay_the_targets() {
        let text = "Tesco shares rose as profits plunged";
        let toward = score_sentence_with(text, Some("Tesco"), &Rules::ALL).score;
        let whole = score_sentence_with(text, None, &Rules::ALL).score;
        assert_eq!(toward, whole);
    }

    #[test]
    fn without_a_mention_every_clause_counts() {
        let text = "Profit rose, but costs soared";
        let with = score_sentence_with(text, Some("Unilever"), &Rules::ALL).score;
        let without = score_sentence_with(text, None, &Rules::ALL).score;
        assert_eq!(with, without);
    }
}
