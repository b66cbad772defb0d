//! Cause phrases: "sales were hurt by a strong euro", "profit was boosted by strong demand".
//!
//! What follows "by" after a verb of effect is the cause of that effect, so its words carry the
//! verb's sign whatever their own: "strong" is a good word, but a strong euro that hurt sales is
//! bad news. Only words that already have a valence change (their strength is kept); the phrase
//! ends with the clause. "benefited from" and "suffered from" work the same way. A negation just
//! before the verb ("not hurt by") leaves the sentence to the other rules.
//!
//! Harm nouns work the other way round: what follows "a blow to", "a threat to", "a risk for"
//! or "a burden on" is what is harmed, so its good words do not make the news good ("a threat
//! to free speech", "a risk to growth"). They lose their valence to the end of the clause, and
//! the harm noun is bad news of at least [`HARM`] ("blow" and "setback" have no valence in
//! VADER's lexicon). "no threat to" and a moved harm ("cut the risk to") are left to the other
//! rules. Verbs of waste ("squandered so much goodwill") treat their object the same way.

use super::Ctx;

/// The sign of an effect verb that takes its cause after "by" (or "from", `from` = true).
fn effect_sign(word: &str) -> Option<(f64, bool)> {
    Some(match word {
        "hurt" | "hit" | "dented" | "weighed" | "dragged" | "pressured" | "squeezed"
        | "hampered" | "hammered" | "battered" | "hobbled" | "undermined" | "marred"
        | "overshadowed" | "depressed" | "crimped" => (-1.0, false),
        "boosted" | "helped" | "lifted" | "buoyed" | "supported" | "aided" | "fuelled"
        | "fueled" | "propelled" | "underpinned" | "bolstered" | "spurred" => (1.0, false),
        "benefited" | "benefitted" | "benefiting" | "benefitting" => (1.0, true),
        "suffered" | "suffering" => (-1.0, true),
        _ => return None,
    })
}

/// The least bad valence of a harm noun that takes what it harms after "to", "for" or "on".
pub(crate) const HARM: f64 = -1.5;

fn is_harm(word: &str) -> bool {
    matches!(
        word,
        "blow"
            | "blows"
            | "threat"
            | "threats"
            | "risk"
            | "risks"
            | "danger"
            | "dangers"
            | "insult"
            | "affront"
            | "damage"
            | "harm"
            | "setback"
            | "setbacks"
            | "headwind"
            | "headwinds"
            | "menace"
            | "burden"
    )
}

/// Applies the harm-noun rule (see the module docs).
fn harmed_objects(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let mut i = 0;
    while i + 2 < n {
        let link = matches!(ctx.lower(i + 1), "to" | "for" | "on");
        let before = i.saturating_sub(3)..i;
        let negated = before
            .clone()
            .any(|k| ctx.words[k].negated || ctx.lower(k) == "no");
        // "cut the risk of", "reduce the threat to": a move, which the direction unit scored.
        let moved = before
            .into_iter()
            .any(|k| ctx.roles[k].is_some_and(|r| r.dir.is_some()));
        let harm = ctx.special[i] && is_harm(ctx.lower(i)) && link && ctx.same_clause(i, i + 1);
        if !harm || negated || moved {
            i += 1;
            continue;
        }
        valences[i] = valences[i].min(HARM);
        let mut j = i + 2;
        while j < n && ctx.same_clause(i, j) {
            if valences[j] > 0.0 {
                valences[j] = 0.0;
            }
            j += 1;
        }
        i = j;
    }
}

/// Verbs of wasting something good: "squandered so much goodwill", "wasted a
/// once-in-a-generation opportunity". "waste" and "wastes" are left out: mostly the noun
/// ("waste management").
fn is_waste(word: &str) -> bool {
    matches!(
        word,
        "squander"
            | "squanders"
            | "squandered"
            | "squandering"
            | "wasted"
            | "wasting"
            | "fritter"
            | "frittered"
            | "forfeit"
            | "forfeited"
    )
}

/// How far after a waste verb its object's good words may be.
const WASTE_REACH: usize = 6;

/// What is wasted was good, and that makes the news worse, not better: the object's good words
/// (to [`WASTE_REACH`] words on, in the clause) lose their valence, and the verb is bad news of
/// at least [`HARM`]. "did not waste" is left to the other rules.
fn wasted_objects(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    for i in 0..n {
        if !(ctx.special[i] && is_waste(ctx.lower(i))) {
            continue;
        }
        let negated = (i.saturating_sub(3)..i).any(|k| ctx.words[k].negated);
        if negated {
            continue;
        }
        valences[i] = valences[i].min(HARM);
        for j in (i + 1..(i + 1 + WASTE_REACH).min(n)).take_while(|&j| ctx.same_clause(i, j)) {
            if valences[j] > 0.0 {
                valences[j] = 0.0;
            }
        }
    }
}

fn is_negation(word: &str) -> bool {
    matches!(word, "not" | "never" | "n't" | "barely" | "hardly")
}

/// The length of a reason marker at word `i`: "citing", "blaming", the reports' words for why a
/// company moved. Matched on the words themselves (not the units' vocabulary), so "blaming"
/// keeps its lexicon value where it is no marker. "because of" and "due to" were tried and left
/// out: in reviews they give the reviewer's reason, which has a tone of its own ("returned it
/// because of poor quality").
fn reason_at(ctx: &Ctx, i: usize) -> Option<usize> {
    // One string, not literals: the markers stay out of the units' vocabulary.
    const MARKERS: &str = "citing blaming";
    let w = ctx.lower(i);
    // Checked on length first: this runs on every word.
    (matches!(w.len(), 6 | 7) && super::in_word_list(MARKERS, w)).then_some(1)
}

/// A reason given for the news ("trimmed its forecast, citing a stronger yen") explains it:
/// its words take the sign of what comes before it in the sentence, as a cause after "hurt by"
/// does. With nothing rated before it, the reason is left alone.
fn reasons(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    for i in 1..n {
        let Some(len) = reason_at(ctx, i) else {
            continue;
        };
        let before: f64 = valences[..i].iter().sum();
        if before == 0.0 {
            continue;
        }
        let sign = before.signum();
        for j in (i + len..n).take_while(|&j| ctx.same_clause(i + len - 1, j)) {
            valences[j] = sign * valences[j].abs();
        }
        break;
    }
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    harmed_objects(ctx, valences);
    wasted_objects(ctx, valences);
    reasons(ctx, valences);
    let n = ctx.words.len();
    let mut i = 0;
    while i + 2 < n {
        let found = ctx.special[i].then(|| effect_sign(ctx.lower(i))).flatten();
        let Some((sign, from)) = found else {
            i += 1;
            continue;
        };
        let link = ctx.lower(i + 1);
        let linked = if from { link == "from" } else { link == "by" };
        let negated = i > 0 && is_negation(ctx.lower(i - 1));
        if !linked || negated || !ctx.same_clause(i, i + 1) {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        while j < n && ctx.same_clause(i, j) {
            valences[j] = sign * valences[j].abs();
            j += 1;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, cause: bool) -> f64 {
        let rules = Rules {
            lexicon: true,
            direction: true,
            cause,
            ..Rules::NONE
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn what_is_wasted_was_good_and_that_is_bad_news() {
        // Written after editorial tune batch 4.
        for text in [
            "Rarely has a government squandered so much goodwill in so short a time.",
            "The government has squandered a once-in-a-generation opportunity to reform the tax system.",
        ] {
            assert!(with(text, true) < -0.05, "{text}: {}", with(text, true));
            assert!(with(text, false) > with(text, true), "{text}");
        }
        let text = "The coach had not wasted the opportunity.";
        assert_eq!(with(text, true), with(text, false));
        let text = "Demand for waste management services remained stable.";
        assert_eq!(with(text, true), with(text, false));
    }

    #[test]
    fn a_reason_given_takes_the_sign_of_the_news() {
        let text = "Toyota trimmed its profit forecast, citing a stronger yen and steady demand.";
        assert!(with(text, true) < -0.05, "{}", with(text, true));
        assert!(with(text, false) > with(text, true));
        // Nothing rated before the reason: left alone.
        let plain = "The company spoke, citing strong demand.";
        assert_eq!(with(plain, true), with(plain, false));
    }

    #[test]
    fn the_cause_takes_the_sign_of_its_effect() {
        let cases = [
            ("Sales were hurt by the strong euro", -1.0),
            (
                "Margins were squeezed by fierce competition and strong wage growth",
                -1.0,
            ),
            (
                "The quarter was marred by a great deal of uncertainty",
                -1.0,
            ),
            ("Profit was boosted by weak comparisons", 1.0),
            ("The shares were buoyed by hopes of a deal", 1.0),
            ("Exporters benefited from a weak currency", 1.0),
            ("The region suffered from strong winds", -1.0),
        ];
        for (text, sign) in cases {
            let on = with(text, true);
            assert!(on * sign > 0.05, "{text:?}: {on}");
        }
        // Without the unit, the first one reads as mixed.
        assert!(with("Sales were hurt by the strong euro", false) > -0.05);
    }

    #[test]
    fn only_after_the_link_word_and_within_the_clause() {
        let cases = [
            // No "by": the verb is scored by the other rules; "strong" keeps its sign.
            "Strong sales helped",
            // The cause phrase ends at the clause break.
            "Costs were hurt by inflation, but demand stayed strong",
            // Negated effect: left alone.
            "Sales were not hurt by the strong euro",
        ];
        for text in cases {
            assert_eq!(with(text, true), with(text, false), "{text:?}");
        }
    }

    #[test]
    fn what_a_harm_noun_harms_is_not_good_news() {
        let cases = [
            "The law is a threat to peace in the region",
            "Rising rates pose a risk to growth",
            "The ruling is a blow to the peace plan",
            "Energy prices are a headwind for profits",
            "It is an insult to the intelligence of viewers",
        ];
        for text in cases {
            let s = with(text, true);
            assert!(s < -0.05, "{text:?}: {s}");
            assert!(s < with(text, false), "{text:?}: no change");
        }
        // A denied threat, and a lowered risk, are left to the other rules.
        for t in [
            "The vote poses no threat to the peace plan",
            "Naps may cut the risk for heart problems",
        ] {
            assert_eq!(with(t, true), with(t, false), "{t:?}");
        }
    }

    #[test]
    fn short_and_empty_texts() {
        for text in ["", "hurt", "hurt by", "boosted by", "by by by"] {
            assert!(with(text, true).is_finite());
        }
    }
}
