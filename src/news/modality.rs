//! Hedges and modality: what a sentence only supposes, plans or reports second-hand weighs less.
//!
//! After a hedge, every valence to the end of its clause is multiplied by [`HEDGED`]:
//! modal verbs ("may", "might", "could", "would"), hedging adverbs ("possibly", "perhaps",
//! "reportedly", "allegedly", "alleged"), conditionals ("if", "unless", "whether"), and intention
//! or expectation before an infinitive ("expects to", "plans to", "aims to", "hopes to",
//! "seeks to", "wants to", "is expected to"), and an attempt or a supposition, which says
//! nothing of success ("tries to be funny", "was supposed to cut costs"). Words before the hedge, and other clauses, keep
//! their valence: "Profit rose, and margins may improve" is a fact and a hope. "Unlikely"
//! turns what follows over at [`UNLIKELY`]: "unlikely to win approval" is bad news. A
//! counterfactual ("could / would / should have") turns the good words after it over at
//! [`COUNTERFACTUAL`]: "it could have been a great film" was not; "should have" with no
//! sentiment word is a reproach and leans negative as a bare negation does. "could not" is no
//! hedge: like "couldn't", it states an inability ("sales could not recover"). A yes-no question
//! ("Can the truce hold?") asserts nothing, so all of it is hedged.

use super::Ctx;

/// The weight of hedged words.
pub(crate) const HEDGED: f64 = 0.6;

fn is_hedge(ctx: &Ctx, i: usize) -> bool {
    let next = (i + 1 < ctx.words.len()).then(|| ctx.lower(i + 1));
    let next_is_to = next == Some("to");
    match ctx.lower(i) {
        // "could not" is "couldn't": inability or an idiom ("could not be better"), no hedge.
        "could" if matches!(next, Some("not" | "n't")) => false,
        "may" | "might" | "could" | "would" | "should" | "possibly" | "perhaps" | "maybe"
        | "reportedly" | "allegedly" | "alleged" | "if" | "unless" | "whether" | "potential"
        | "potentially" => true,
        "expects" | "expect" | "expected" | "plans" | "plan" | "planned" | "aims" | "aim"
        | "hopes" | "hope" | "seeks" | "seek" | "wants" | "want" | "intends" | "intend"
        | "likely" | "tries" | "try" | "tried" | "trying" | "attempts" | "attempt"
        | "attempted" | "attempting" | "supposed" | "meant" | "struggles" | "struggled" => {
            next_is_to
        }
        _ => false,
    }
}

/// "unlikely to": what follows is expected not to happen: a weakened flip.
pub(crate) const UNLIKELY: f64 = -0.5;

/// "could / would / might / should have": a counterfactual says what did not happen, so a good
/// word after it turns over at this factor ("could have been a great film"); a bad one is only
/// hedged ("could have been worse" is a relief, but "could have been caused by" a possibility).
pub(crate) const COUNTERFACTUAL: f64 = -0.5;

fn is_counterfactual(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "could" | "would" | "might" | "should")
        && i + 1 < ctx.words.len()
        && matches!(ctx.lower(i + 1), "have" | "'ve")
}

/// Whether the text is one yes-no question: it opens with an auxiliary or modal verb and ends
/// with "?" and no other sentence end ("Will the deal survive?", "Is this the end of cash?").
fn is_yes_no_question(ctx: &Ctx) -> bool {
    let text = ctx.text.trim_end();
    let one_sentence = !text.trim_end_matches('?').contains(['.', '!', '?']);
    text.ends_with('?')
        && one_sentence
        && !ctx.words.is_empty()
        && matches!(
            ctx.lower(0),
            "can"
                | "could"
                | "will"
                | "would"
                | "should"
                | "is"
                | "are"
                | "was"
                | "were"
                | "do"
                | "does"
                | "did"
                | "has"
                | "have"
                | "had"
                | "may"
                | "might"
        )
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    let mut hedged_clause = None;
    // The factors on good and on bad words in the hedged clause.
    let mut factor = (HEDGED, HEDGED);
    let mut should_have = None;
    for (i, v) in valences.iter_mut().enumerate() {
        if hedged_clause == Some(ctx.clause[i]) {
            *v *= if *v > 0.0 { factor.0 } else { factor.1 };
        } else if ctx.special[i] && (is_hedge(ctx, i) || ctx.lower(i) == "unlikely") {
            factor = if ctx.lower(i) == "unlikely" {
                (UNLIKELY, UNLIKELY)
            } else if is_counterfactual(ctx, i) {
                (COUNTERFACTUAL, HEDGED)
            } else {
                (HEDGED, HEDGED)
            };
            if ctx.lower(i) == "should" && is_counterfactual(ctx, i) {
                should_have = Some(i);
            }
            // A sentence adverb set off by a comma ("Allegedly, ...") hedges the next clause.
            let last_of_clause = i + 1 < ctx.words.len() && ctx.clause[i + 1] != ctx.clause[i];
            hedged_clause = Some(ctx.clause[i] + u32::from(last_of_clause));
            // The hedge word itself ("hopes to") states an intention, not a feeling.
            *v = 0.0;
        }
    }
    // "Can North Korea be trusted?": a yes-no question asks, it does not assert.
    if is_yes_no_question(ctx) {
        for v in valences.iter_mut() {
            *v *= HEDGED;
        }
    }
    // "they should have called it quits": a reproach, even with no sentiment word.
    if let Some(i) = should_have {
        let clause = ctx.clause[i];
        let quiet = (0..valences.len())
            .filter(|&j| ctx.clause[j] == clause)
            .all(|j| valences[j] == 0.0);
        if quiet {
            valences[i] = super::negation::BARE;
        }
    }
}

/// What a question adds to its sentence's summed valence. Questions in commentary and reviews
/// are mostly sceptical ("If the minister had nothing to hide, why were the emails deleted?",
/// "Who would pay to see this?"): on every rated development set the mean rating of sentences
/// ending in "?" is below the set's mean. Half a mild word: a question with rated words keeps
/// their tone, one without leans negative.
pub(crate) const QUESTION_LEAN: f64 = -0.5;

/// [`QUESTION_LEAN`] for a sentence that ends with a question mark, else 0.
pub(crate) fn question_lean(text: &str) -> f64 {
    if text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')'))
        .ends_with('?')
    {
        QUESTION_LEAN
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, modality: bool) -> f64 {
        let rules = Rules {
            modality,
            ..Rules::NONE
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn a_question_leans_sceptical() {
        let question = "Is anyone at the rail company actually riding these trains?";
        assert!(with(question, true) < -0.05, "{}", with(question, true));
        assert_eq!(with(question, false), 0.0);
        // A statement is left alone; a question with rated words keeps their tone.
        assert_eq!(with("The rail company runs these trains.", true), 0.0);
        assert!(with("Why is this such a wonderful result?", true) > 0.05);
        assert!(with("Who will pay for it?\"", true) < -0.05);
    }

    #[test]
    fn hedged_clauses_weigh_less_and_keep_their_sign() {
        let cases = [
            "The merger could be a disaster",
            "The plan may bring great benefits",
            "The company expects to return to strong growth",
            "Allegedly, the fraud cost investors millions",
            "If the talks fail, the strike will be terrible",
            "The firm hopes to win the contract",
            "The film tries to be clever and charming",
            "The reform was supposed to bring great benefits",
        ];
        for text in cases {
            let (off, on) = (with(text, false), with(text, true));
            assert!(on.abs() < off.abs(), "{text:?}: {on} vs {off}");
            assert!(on * off >= 0.0, "{text:?}: sign kept");
        }
    }

    #[test]
    fn a_yes_no_question_asserts_nothing() {
        for text in [
            "Can the fragile truce be trusted?",
            "Will the rescue plan succeed?",
        ] {
            let (off, on) = (with(text, false), with(text, true));
            assert!(
                on.abs() < off.abs() && on * off > 0.0,
                "{text:?}: {on} vs {off}"
            );
        }
        // A wh-question and a statement with a question mark after it are not softened: they
        // only lean sceptical ([`super::QUESTION_LEAN`]).
        for text in ["Why is the plan a success?", "The plan succeeded. Really?"] {
            let (off, on) = (with(text, false), with(text, true));
            assert!(on > 0.05 && on < off, "{text:?}: {on} vs {off}");
        }
    }

    #[test]
    fn could_not_is_no_hedge() {
        for text in [
            "The rescue could not save the jobs",
            "Results could not be better",
        ] {
            assert_eq!(with(text, true), with(text, false), "{text:?}");
        }
        let hedged = "The rescue could save the jobs";
        assert!(with(hedged, true).abs() < with(hedged, false).abs());
    }

    #[test]
    fn unlikely_turns_over() {
        let text = "The bid is unlikely to win approval";
        assert!(with(text, false) > 0.05 && with(text, true) < -0.05);
    }

    #[test]
    fn facts_before_the_hedge_and_other_clauses_stay() {
        let cases = [
            (
                "The results were excellent, though margins may fall",
                "excellent",
            ),
            ("The rescue was a wonderful success", "wonderful"),
            ("Analysts expect growth", "growth"),
        ];
        for (text, _word) in cases {
            let (off, on) = (with(text, false), with(text, true));
            assert!(on > 0.0 && on >= off * 0.99, "{text:?}: {on} vs {off}");
        }
    }

    #[test]
    fn counterfactuals_say_what_did_not_happen() {
        assert!(with("It could have been a great film", true) < -0.05);
        assert!(with("It could have been a great film", false) > 0.05);
        // A bad word is only hedged: a possibility, or a relief.
        let s = with(
            "The crash could have been caused by a terrible mistake",
            true,
        );
        assert!(
            s < 0.0
                && s > with(
                    "The crash could have been caused by a terrible mistake",
                    false
                )
        );
        let s = with("They should have called it off", true);
        assert!(s < 0.0 && s > -0.05, "{s}");
    }
}
