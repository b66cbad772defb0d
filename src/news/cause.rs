//! Cause phrases: "sales were hurt by a strong euro", "profit was boosted by strong demand".
//!
//! What follows "by" after a verb of effect is the cause of that effect, so its words carry the
//! verb's sign whatever their own: "strong" is a good word, but a strong euro that hurt sales is
//! bad news. Only words that already have a valence change (their strength is kept); the phrase
//! ends with the clause. "benefited from" and "suffered from" work the same way. A negation just
//! before the verb ("not hurt by") leaves the sentence to the other rules.

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

fn is_negation(word: &str) -> bool {
    matches!(word, "not" | "never" | "n't" | "barely" | "hardly")
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
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
    fn short_and_empty_texts() {
        for text in ["", "hurt", "hurt by", "boosted by", "by by by"] {
            assert!(with(text, true).is_finite());
        }
    }
}
