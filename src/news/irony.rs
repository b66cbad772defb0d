//! Mock praise: "Congratulations to the transport secretary, who has finally found a way to
//! make the trains both slower and more expensive."
//!
//! Commentary praises in order to blame: an opening of praise ("congratulations to", "bravo
//! to", "hats off to", "what a marvellous week for", "has outdone itself") followed, later in
//! the sentence, by a sting: a word that belittles or mocks the delay ("only", "merely",
//! "finally", "somehow", "slower", "worse"). With both, the praise is ironic: every
//! good word of the sentence counts as blame, at its own strength, and the opening at least as a
//! plain bad word ([`MOCK_PRAISE`]). Sincere praise has no sting
//! ("Congratulations to the volunteers who cleaned the beach"), and a sting with no such opening
//! is no irony.

use super::Ctx;

/// What an opening of praise with a sting counts at least, as blame on VADER's scale: a plain
/// bad word ("failure" is -2.0 there).
const MOCK_PRAISE: f64 = 2.0;

/// Openings of praise, as word sequences; the first must start the sentence unless marked
/// anywhere (`true`): "the league has truly outdone itself".
const OPENINGS: &[(&[&str], bool)] = &[
    (&["congratulations"], false),
    (&["congrats"], false),
    (&["bravo"], false),
    (&["kudos"], false),
    (&["hats", "off"], false),
    (&["hat", "off"], false),
    (&["well", "done"], false),
    (&["full", "marks"], false),
    (&["three", "cheers"], false),
    (&["hurrah"], false),
    (&["hooray"], false),
    (&["take", "a", "bow"], false),
    (&["nice", "work"], false),
    (&["what", "a", "marvellous"], false),
    (&["what", "a", "marvelous"], false),
    (&["what", "a", "wonderful"], false),
    (&["what", "a", "splendid"], false),
    (&["what", "a", "triumph"], false),
    (&["outdone", "itself"], true),
    (&["outdone", "themselves"], true),
    (&["outdone", "himself"], true),
    (&["outdone", "herself"], true),
];

/// Words that sting after praise: belittling amounts, a delay mocked, a change for the worse.
/// Bad words are no sting: sincere praise names the trouble overcome ("Congratulations to the
/// crews who fought the fire"), and "less" or "fewer" the trouble reduced.
const STINGS: &str = "only merely mere finally somehow slower worse costlier dearer pricier";

/// Where the opening at word `i` ends (exclusive), if one starts there.
fn opening_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let n = ctx.words.len();
    OPENINGS.iter().find_map(|&(words, anywhere)| {
        let fits = (anywhere || i == 0)
            && i + words.len() <= n
            && words
                .iter()
                .enumerate()
                .all(|(k, w)| ctx.lower(i + k) == *w);
        fits.then_some(i + words.len())
    })
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    // Openings start the sentence, except "outdone": most sentences cost a few comparisons.
    let found = opening_at(ctx, 0).map(|end| (0, end)).or_else(|| {
        (1..n)
            .filter(|&i| ctx.lower(i) == "outdone")
            .find_map(|i| opening_at(ctx, i).map(|end| (i, end)))
    });
    let Some((start, end)) = found else {
        return;
    };
    let stung = (end..n).any(|j| super::in_word_list(STINGS, ctx.lower(j)));
    if stung {
        for v in valences.iter_mut() {
            if *v > 0.0 {
                *v = -*v;
            }
        }
        // The opening is the praise turned, though VADER may not rate it ("bravo").
        valences[start] = valences[start].min(-MOCK_PRAISE);
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, irony: bool) -> f64 {
        let rules = Rules {
            irony,
            ..Rules::RULES_ONLY
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn praise_with_a_sting_is_blame() {
        for text in [
            "Congratulations to the minister, who has finally found a way to make the buses slower.",
            "Bravo to the council for noticing, after only ten years, that the bridge is unsafe.",
            "What a marvellous week for the agency, which lost only the records of a million people.",
            "The ministry has truly outdone itself, with a form that only a lawyer could finish.",
        ] {
            let (on, off) = (with(text, true), with(text, false));
            assert!(on < -0.05, "{text}: {on}");
            assert!(on < off, "{text}: {on} >= {off}");
        }
    }

    #[test]
    fn sincere_praise_and_plain_blame_are_left_alone() {
        for text in [
            "Congratulations to the volunteers who cleaned the beach.",
            "Well done to the nurses, who kept the ward open all winter.",
            "Congratulations to the crews who fought the fire through the night.",
            "The council was wrong, and only an inquiry can say why.",
        ] {
            assert_eq!(with(text, true), with(text, false), "{text}");
        }
    }
}
