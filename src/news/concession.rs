//! Concession: "Although sales rose, the company posted a loss".
//!
//! A concessive clause grants a point the sentence then outweighs, so what the sentence says is
//! its main clause. VADER models this for "but" alone (words before it × 0.5, after it × 1.5);
//! this unit gives the same weights to the subordinate forms of the same contrast:
//!
//! * "although", "though", "even though", "even if", "despite", "in spite of",
//!   "notwithstanding", "albeit" wherever they open their clause;
//! * "while" / "whilst" and "for all (its / the / his / her / their)" only at the start of the
//!   text ("the shares fell while markets rose" is two facts, not a concession);
//! * "if" opening a short aside between commas: "a competent, if cautious, pick".
//!
//! The concessive clause runs from the word after the marker to the end of its clause (the
//! next comma, bracket or dash). Its words weigh [`CONCEDED`], every other word [`MAIN`].
//! VADER counts "despite" as a negation and turns the next three words over, a crude stand-in
//! for the same idea; here that turn is undone first, so "despite strong sales" is conceded
//! good news, not bad news. "as though" and a clause-final "though" ("it was fun, though") are
//! not concessions. A text with "but" is left to VADER's rule, so no word is weighted twice.

use super::Ctx;
use crate::vader::N_SCALAR;

/// What a word of the conceded clause keeps of its valence (VADER's weight before "but").
pub(crate) const CONCEDED: f64 = 0.5;
/// What a word of the rest of the text gets (VADER's weight after "but").
pub(crate) const MAIN: f64 = 1.5;

/// VADER turns over words one to three places after a negation, "despite" among them.
const VADER_WINDOW: usize = 3;

/// Words an "if" aside may hold ("if cautious", "if somewhat dull").
const ASIDE_WORDS: usize = 3;

/// Whether the "if" at word `i` opens a concessive aside: a clause of its own of one to
/// [`ASIDE_WORDS`] words with a rated word in it, with more of the sentence after it ("a
/// sensible, if unglamorous, piece of legislation"); "if the rains come, ..." is a condition.
fn aside(ctx: &Ctx, i: usize) -> bool {
    let n = ctx.words.len();
    if i == 0 || ctx.same_clause(i - 1, i) || i + 1 >= n || !ctx.same_clause(i, i + 1) {
        return false;
    }
    let end = ctx.clause_end(i + 1);
    end < n
        && end - (i + 1) <= ASIDE_WORDS
        && (i + 1..end).any(|k| ctx.words[k].lex.is_some())
        && !matches!(
            ctx.lower(i + 1),
            "any" | "anything" | "not" | "only" | "ever" | "so"
        )
}

/// The number of words of a concession marker starting at word `i`, if one starts there.
fn marker_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let n = ctx.words.len();
    let next = |k: usize| (i + k < n).then(|| ctx.lower(i + k));
    let prev = (i > 0).then(|| ctx.lower(i - 1));
    let len = match ctx.lower(i) {
        "although" | "despite" | "notwithstanding" | "albeit" => 1,
        "though" if prev != Some("as") => 1,
        "even" if next(1) == Some("if") => 2,
        "in" if next(1) == Some("spite") && next(2) == Some("of") => 3,
        "while" | "whilst" if i == 0 => 1,
        // "a competent, if cautious, pick": a short aside between commas.
        "if" if aside(ctx, i) => 1,
        "for"
            if i == 0
                && next(1) == Some("all")
                && matches!(next(2), Some("its" | "the" | "his" | "her" | "their")) =>
        {
            2
        }
        _ => return None,
    };
    // A marker with nothing after it in its clause is an adverb ("it was fun, though").
    let first = i + len;
    (first < n && ctx.same_clause(first - 1, first)).then_some(len)
}

/// Applies the unit: rewrites `valences` in place; `composed`: the words the direction unit
/// composed.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64], composed: &[bool]) {
    let n = ctx.words.len();
    if (0..n).any(|i| ctx.lower(i) == "but") {
        return;
    }
    let Some((i, len)) = (0..n).find_map(|i| {
        let special = ctx.special[i] || matches!(ctx.lower(i), "in" | "for");
        special
            .then(|| marker_at(ctx, i).map(|len| (i, len)))
            .flatten()
    }) else {
        return;
    };
    let first = i + len;
    let end = ctx.clause_end(first);
    if ctx.lower(i) == "despite" {
        let undo = (first..(first + VADER_WINDOW).min(end)).filter(|&j| {
            // Only words VADER's window reached through "despite" alone; the moves the
            // direction unit composed did not count "despite" as a negation.
            !composed[j]
                && (j.saturating_sub(VADER_WINDOW)..j)
                    .filter(|&k| ctx.words[k].negated)
                    .all(|k| k == i)
        });
        for j in undo.collect::<Vec<_>>() {
            valences[j] /= N_SCALAR;
        }
    }
    for (j, v) in valences.iter_mut().enumerate() {
        *v *= if (first..end).contains(&j) {
            CONCEDED
        } else {
            MAIN
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, concession: bool) -> f64 {
        let rules = Rules {
            concession,
            ..Rules::RULES_ONLY
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn the_main_clause_outweighs_the_conceded_one() {
        // (text, sign of the main clause)
        let cases = [
            (
                "Although the cast is wonderful, the film is a dreary mess",
                -1.0,
            ),
            (
                "Though the early scenes are awkward and dull, it becomes a lovely film",
                1.0,
            ),
            (
                "While the acting is superb, the story is a tedious bore",
                -1.0,
            ),
            (
                "For all its charm and beauty, the film is a tedious bore",
                -1.0,
            ),
            ("Even if the plot is silly, the jokes are brilliant", 1.0),
        ];
        for (t, sign) in cases {
            let s = with(t, true);
            assert!(s * sign > 0.05, "{t:?}: {s}");
            assert!(s * sign > with(t, false) * sign, "{t:?}: no gain");
        }
        // VADER's turn of "despite" gets these right by accident; they stay right.
        for (t, sign) in [
            ("Despite strong sales, the retailer posted a loss", -1.0),
            ("The shares rallied despite weak earnings", 1.0),
        ] {
            assert!(
                with(t, true) * sign > 0.05 && with(t, false) * sign > 0.05,
                "{t:?}"
            );
        }
        // A move in the conceded clause keeps its own sign: the slump is bad, the signs good.
        for (t, sign) in [
            ("Despite the war, markets rallied", 1.0),
            (
                "Despite a profit slump, the chief sees encouraging signs",
                1.0,
            ),
        ] {
            assert!(with(t, true) * sign > 0.05, "{t:?}: {}", with(t, true));
        }
        // The slump is still bad news, only conceded.
        let slump = "Despite a profit slump, the chief sees signs";
        assert!(with(slump, true) < 0.0, "{slump:?}");
    }

    #[test]
    fn an_if_aside_is_conceded() {
        // The praise outweighs the aside's reservation.
        let t = "The new judge is a competent, if cautious, choice";
        assert!(with(t, false) < with(t, true), "{t:?}");
        assert!(with(t, true) > 0.05, "{t:?}");
        // A condition, and "if anything", are no asides.
        for t in [
            "If the rains come, the harvest will be good",
            "The film is, if anything, too long",
        ] {
            assert_eq!(with(t, true), with(t, false), "{t:?}");
        }
    }

    #[test]
    fn not_a_concession() {
        // "while" inside a sentence, "as though", a clause-final "though", and "but" texts.
        for t in [
            "The shares fell while markets rose",
            "It looks as though profits will rise",
            "It was a great show, though",
            "Although it is good, but it is bad",
            "The talks were tough, though",
        ] {
            assert_eq!(with(t, true), with(t, false), "{t:?}");
        }
    }

    #[test]
    fn despite_no_longer_turns_its_phrase_over() {
        // VADER makes "despite the great weather" bad; conceded, it is weak good news.
        let t = "The festival went ahead despite the great weather";
        assert!(with(t, false) < 0.0);
        assert!(with(t, true) > 0.0);
    }
}
