//! Multi-word expressions of commentary whose tone is their own, not their words' sum: "fell
//! short", "a step in the right direction", "cold comfort", "kicked the can down the road",
//! "took into account" (neutral although "account" is not).
//!
//! The table ([`IDIOM_LEXICON`], generated from the team's ratings) holds each expression as
//! VADER's words of it. A match gives its first word the expression's valence and silences
//! the rest, before VADER's word rules run: a negation or booster before the expression still
//! turns or grades it ("did not fall short", "badly out of touch"), while the words inside it
//! neither count nor act as boosters or negations ("too little, too late", "not without
//! merit"). Matched words leave the other units' vocabulary, so "fell" in "fell short" is no
//! verb of change. Longest match first; matches do not overlap.

use super::idioms::IDIOM_LEXICON;
use super::{Fnv, Roles};
use crate::vader::Word;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// One expression: the words after its first two, and its valence.
struct Idiom {
    rest: Vec<&'static str>,
    valence: f64,
}

/// Keyed by the first word, then the second: a word that starts no expression costs one
/// probe, and one that does (such as "a" or "the") one more, however many expressions it starts.
type Index = HashMap<&'static str, SecondWords, BuildHasherDefault<Fnv>>;
type SecondWords = HashMap<&'static str, Vec<Idiom>, BuildHasherDefault<Fnv>>;

/// The expressions by their first two words, longest first.
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index::default();
        for &(phrase, valence) in IDIOM_LEXICON {
            let mut words = phrase.split(' ');
            let first = words.next().unwrap_or_default();
            let second = words.next().unwrap_or_default();
            let rest = words.collect();
            index
                .entry(first)
                .or_default()
                .entry(second)
                .or_default()
                .push(Idiom { rest, valence });
        }
        for idioms in index.values_mut().flat_map(|seconds| seconds.values_mut()) {
            idioms.sort_by_key(|idiom| std::cmp::Reverse(idiom.rest.len()));
        }
        index
    })
}

/// A word as the table writes it: VADER keeps the punctuation of short words ("in,") and
/// curly apostrophes; the table has neither.
fn table_form<'w>(lower: &'w str) -> std::borrow::Cow<'w, str> {
    let trimmed = lower.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
    if trimmed.contains('’') {
        trimmed.replace('’', "'").into()
    } else {
        trimmed.into()
    }
}

/// Whether a clause ends between word `k` and the next ("fell, short of breath" is no "fell
/// short"): the units' [`super::clause_break`], or spans that overlap (words from one emoji).
fn broken_after(text: &str, spans: &[(usize, usize)], k: usize) -> bool {
    super::clause_break(text, spans[k], spans[k + 1]) || spans[k].1 > spans[k + 1].0
}

/// Whether an expression ending at `end` ends in "in" that heads a time or a place instead:
/// "the estimate given in October" is no "given in" (surrendered), nor "caved in 2019" or
/// "given in Paris" a caving; "gave in to pressure" and "raked in $5 million" are.
fn preposition_of_time_or_place(
    text: &str,
    words: &[Word<'_>],
    spans: &[(usize, usize)],
    end: usize,
) -> bool {
    const MONTHS_AND_DAYS: &str = "january february march april may june july august september \
        october november december monday tuesday wednesday thursday friday saturday sunday";
    if end >= words.len()
        || table_form(&words[end - 1].lower) != "in"
        || broken_after(text, spans, end - 1)
    {
        return false;
    }
    let next = &words[end].lower;
    let year =
        next.len() == 4 && next.starts_with(['1', '2']) && next.bytes().all(|b| b.is_ascii_digit());
    let capitalised = text[spans[end].0..].starts_with(|c: char| c.is_uppercase());
    year || capitalised || super::in_word_list(MONTHS_AND_DAYS, next)
}

/// Modals that open the table's demands ("should resign", "must explain").
const MODALS: &[&str] = &["must", "should"];

/// Adverbs that may stand between a modal and the rest of a demand ("must now explain").
const MODAL_ADVERBS: &[&str] = &[
    "also",
    "finally",
    "immediately",
    "now",
    "quickly",
    "simply",
    "still",
    "surely",
    "urgently",
];

/// How far from a verb of change in an expression a quantity may stand and make it the
/// direction unit's business ("wiped out its losses", "scaled back spending on roads").
const QUANTITY_REACH: usize = 3;

/// Whether the expression at `i..end` is the direction unit's business: one of its words is a
/// quantity ("budget deficits", "profit warnings"), or it holds a verb of change with a quantity
/// within [`QUANTITY_REACH`] words in the same stretch of text ("weighs on costs": good news
/// that the expression alone, "weighs on", would call bad).
fn moves_a_quantity(
    text: &str,
    spans: &[(usize, usize)],
    roles: &[Option<&'static Roles>],
    i: usize,
    end: usize,
) -> bool {
    let qty = |k: usize| roles[k].is_some_and(|r| r.qty.is_some());
    if (i..end).any(qty) {
        return true;
    }
    if !(i..end).any(|k| roles[k].is_some_and(|r| r.dir.is_some())) {
        return false;
    }
    let after = (end..roles.len().min(end + QUANTITY_REACH))
        .take_while(|&k| !broken_after(text, spans, k - 1))
        .any(qty);
    let before = (i.saturating_sub(QUANTITY_REACH)..i)
        .rev()
        .take_while(|&k| !broken_after(text, spans, k))
        .any(qty);
    after || before
}

/// Gives every expression of the table found in `words` its valence (see the module doc) and
/// takes its words out of the units' `roles`. `spans` are the words' byte spans in `text`.
/// Returns how many expressions matched.
pub(crate) fn overlay(
    text: &str,
    words: &mut [Word<'_>],
    spans: &[(usize, usize)],
    roles: &mut [Option<&'static Roles>],
) -> usize {
    let index = index();
    let mut matched = 0;
    let mut i = 0;
    while i + 1 < words.len() {
        let first = table_form(&words[i].lower);
        let Some(seconds) = index.get(&*first) else {
            i += 1;
            continue;
        };
        // "must now explain", "should immediately resign": one adverb after the modal.
        let gaps: &[usize] =
            if MODALS.contains(&&*first) && MODAL_ADVERBS.contains(&&*words[i + 1].lower) {
                &[0, 1]
            } else {
                &[0]
            };
        let found = gaps.iter().find_map(|&gap| {
            let second = i + 1 + gap;
            if second >= words.len() {
                return None;
            }
            let second_word = table_form(&words[second].lower);
            let idioms = seconds.get(&*second_word)?;
            // After the lookup: most first words ("a", "the") start no expression with the next.
            if (i..second).any(|k| broken_after(text, spans, k)) {
                return None;
            }
            let found = idioms
                .iter()
                .find(|idiom| {
                    let end = second + 1 + idiom.rest.len();
                    end <= words.len()
                        && idiom.rest.iter().enumerate().all(|(k, want)| {
                            !broken_after(text, spans, second + k)
                                && table_form(&words[second + 1 + k].lower) == *want
                        })
                        && !moves_a_quantity(text, spans, roles, i, end)
                        && !preposition_of_time_or_place(text, words, spans, end)
                })
                .map(|idiom| (idiom.valence, second + 1 + idiom.rest.len(), gap));
            found
        });
        drop(first);
        let Some((valence, end, gap)) = found else {
            i += 1;
            continue;
        };
        for k in (i..end).filter(|&k| gap == 0 || k != i + 1) {
            let w = &mut words[k];
            w.lex = None;
            w.booster = None;
            w.negated = false;
            roles[k] = None;
        }
        words[i].lex = (valence != 0.0).then_some(valence);
        matched += 1;
        i = end;
    }
    matched
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn score(text: &str) -> f64 {
        score_sentence_with(text, None, &Rules::RULES_ONLY).score
    }

    fn without_idioms(text: &str) -> f64 {
        let rules = Rules {
            idioms: false,
            ..Rules::RULES_ONLY
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn table_is_sorted_unique_lowercase_and_on_vader_scale() {
        let table = super::IDIOM_LEXICON;
        assert!(table.windows(2).all(|p| p[0].0 < p[1].0));
        for &(phrase, valence) in table {
            assert!(phrase.contains(' '), "{phrase}: one word");
            assert_eq!(phrase, phrase.to_lowercase());
            assert!(
                !phrase.contains("  ") && phrase.trim() == phrase,
                "{phrase}"
            );
            assert!((-4.0..=4.0).contains(&valence), "{phrase}");
        }
    }

    #[test]
    fn in_before_a_time_or_place_is_a_preposition() {
        for text in [
            "The estimate is unchanged from the one given in October.",
            "The guidance was given in 2024.",
            "The figures were given in Paris.",
        ] {
            assert_eq!(score(text), 0.0, "{text:?}");
        }
        for text in [
            "The minister gave in to the demands.",
            "The council finally caved in.",
        ] {
            assert!(score(text) < -0.05, "{text:?}");
        }
    }

    #[test]
    fn expressions_carry_their_own_tone() {
        // Words with no tone of their own (or the other tone) that say something together.
        for (text, sign) in [
            ("The budget falls short of what the schools need.", -1.0),
            ("The new bus lanes are a step in the right direction.", 1.0),
            ("The ministry has kicked the can down the road again.", -1.0),
            (
                "Her appointment is a breath of fresh air for the agency.",
                1.0,
            ),
            ("The regulator turned a blind eye to the warnings.", -1.0),
            // The business batch.
            (
                "The retailer slipped into the red in the second half.",
                -1.0,
            ),
            ("The airline is back in the black.", 1.0),
            ("The lender was told to take a haircut on the loans.", -1.0),
            // The review batch.
            ("The sequel runs out of steam in its final hour.", -1.0),
            ("The album is a return to form for the band.", 1.0),
        ] {
            let (on, off) = (score(text), without_idioms(text));
            assert!(on * sign > 0.05, "{text}: {on}");
            assert!(on * sign > off * sign, "{text}: {on} <= {off}");
        }
    }

    #[test]
    fn neutral_expressions_silence_their_words() {
        for text in [
            "The scheme hit the headlines last week.",
            "The merger is a mixed blessing for the town.",
            "For better or worse, the vote is next week.",
            "The buyer is doing due diligence.",
            "The novel's unreliable narrator is a retired serial killer.",
        ] {
            assert!(score(text).abs() < 0.05, "{text}: {}", score(text));
            assert!(
                without_idioms(text).abs() >= 0.05,
                "{text}: {}",
                without_idioms(text)
            );
        }
    }

    #[test]
    fn a_negation_before_an_expression_turns_it() {
        let plain = score("The plan fell short of its goals.");
        let denied = score("The plan never fell short of its goals.");
        assert!(plain < -0.05 && denied > plain, "{plain} {denied}");
    }

    #[test]
    fn a_demand_may_hold_an_adverb() {
        // The adverb keeps its place; the modal and its verb are the demand.
        let text = "The prime minister must now explain her donations.";
        assert!(score(text) < -0.05, "{}", score(text));
        assert!(without_idioms(text) > -0.05, "{}", without_idioms(text));
        // Any other word between them is no demand of the table.
        assert_eq!(matches("She must soon explain it."), 0);
        assert_eq!(matches("She must explain it."), 1);
    }

    #[test]
    fn punctuation_breaks_an_expression() {
        // "in, short" is two clauses, not "in short".
        assert_eq!(matches("The plan fell short of its goals."), 1);
        assert_eq!(
            matches("The plan fell, short of breath, into the river."),
            0
        );
        // VADER keeps the comma of a short word ("in,"): it still ends the clause.
        assert_eq!(matches("The flags hung in, tatters or not, the wind."), 0);
        assert_eq!(matches("The flags hung in tatters."), 1);
    }

    /// How many expressions the overlay finds in `text`.
    fn matches(text: &str) -> usize {
        crate::vader::with_words(text, |words, spans, _| {
            let mut roles = vec![None; words.len()];
            super::overlay(text, words, spans, &mut roles)
        })
    }

    /// Whether each word of `text` keeps a role for the units after the overlay.
    fn roles_after(text: &str) -> Vec<bool> {
        crate::vader::with_words(text, |words, spans, _| {
            let mut roles: Vec<_> = words.iter().map(|w| crate::news::roles(&w.lower)).collect();
            super::overlay(text, words, spans, &mut roles);
            roles.iter().map(Option::is_some).collect()
        })
    }

    #[test]
    fn matched_words_leave_the_units() {
        // "fell" in "fell short" is no verb of change.
        assert!(crate::news::roles("fell").is_some());
        let roles = roles_after("The reforms fell short of what was promised.");
        assert!(!roles[2] && !roles[3], "{roles:?}");
    }

    #[test]
    fn a_quantity_near_a_verb_of_change_is_the_direction_units() {
        // "wiped out its losses" is good news; "wiped out the harvest" is not.
        assert!(score("The company wiped out its losses.") > 0.05);
        assert!(score("The flood wiped out the harvest.") < -0.05);
        // "budget deficits" names a quantity: "narrowed" moves it.
        assert!(roles_after("Budget deficits narrowed.")[1]);
        assert!(score("Budget deficits narrowed sharply.") > 0.05);
    }
}
