//! Negated and reported speech: a denied claim or absent evidence is not the thing itself.
//!
//! * **Denials**: a denial verb ("denied", "rejected", "dismissed", "disputed") followed within two
//!   words by what is denied ("that", "claims", "allegations", "reports", "any", "wrongdoing")
//!   keeps [`DENIED`] of its own valence, and so does everything after it in the clause:
//!   "The minister denied any wrongdoing" is a mildly negative story, not a strongly negative one.
//! * **Cleared**: "cleared / acquitted of" X turns X over at [`ABSENT`].
//! * **Absent evidence**: "no / without / little" + "evidence / sign / indication / hint / proof /
//!   risk / threat / danger" + "of / that" turns the rest of the clause over at [`ABSENT`]:
//!   "no sign of recovery" is bad, "no risk of default" good; the "no" and the noun themselves
//!   carry nothing.

use super::Ctx;

/// What a denial and the denied content keep of their valence.
pub(crate) const DENIED: f64 = 0.5;
/// The factor on what is said to be absent (a weakened flip).
pub(crate) const ABSENT: f64 = -0.5;

fn is_denial(word: &str) -> bool {
    matches!(
        word,
        "denied"
            | "denies"
            | "deny"
            | "denying"
            | "rejected"
            | "rejects"
            | "dismissed"
            | "dismisses"
            | "disputed"
            | "disputes"
            | "refuted"
            | "refutes"
    )
}

fn is_denied_content(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "claims"
            | "claim"
            | "allegations"
            | "allegation"
            | "accusations"
            | "reports"
            | "report"
            | "rumours"
            | "rumors"
            | "suggestions"
            | "charges"
            | "any"
            | "wrongdoing"
    )
}

fn is_evidence(word: &str) -> bool {
    matches!(
        word,
        "evidence"
            | "sign"
            | "signs"
            | "indication"
            | "indications"
            | "hint"
            | "proof"
            | "risk"
            | "threat"
            | "danger"
            | "intention"
            | "intentions"
            | "plan"
            | "plans"
    )
}

/// Whether an absent-evidence phrase ("no sign of", "without evidence that") starts at word `i`.
pub(crate) fn is_absent_evidence(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "no" | "without" | "little")
        && i + 2 < ctx.words.len()
        && is_evidence(ctx.lower(i + 1))
        && matches!(ctx.lower(i + 2), "of" | "that")
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let mut i = 0;
    while i < n {
        if !ctx.special[i] {
            i += 1;
            continue;
        }
        let w = ctx.lower(i);
        let denial =
            is_denial(w) && (i + 1..(i + 3).min(n)).any(|j| is_denied_content(ctx.lower(j)));
        let absent = is_absent_evidence(ctx, i);
        // "cleared of abuse": the charge is lifted.
        let cleared = matches!(w, "cleared" | "acquitted" | "exonerated" | "absolved")
            && i + 1 < n
            && ctx.lower(i + 1) == "of";
        if cleared {
            let clause = ctx.clause[i];
            let mut j = i + 2;
            while j < n && ctx.clause[j] == clause {
                valences[j] *= ABSENT;
                j += 1;
            }
            i = j;
            continue;
        }
        // "little cheer", "scant hope" (not "a little better"): the good thing is absent.
        let scant = matches!(w, "little" | "scant" | "few")
            && (i == 0 || ctx.lower(i - 1) != "a")
            && i + 1 < n
            && valences[i + 1] > 0.0;
        if scant {
            valences[i] = 0.0;
            valences[i + 1] *= ABSENT;
            i += 2;
            continue;
        }
        if !(denial || absent) {
            i += 1;
            continue;
        }
        let clause = ctx.clause[i];
        let (factor, from) = if denial {
            valences[i] *= DENIED;
            (DENIED, i + 1)
        } else {
            valences[i] = 0.0;
            valences[i + 1] = 0.0;
            (ABSENT, i + 3)
        };
        let mut j = from;
        while j < n && ctx.clause[j] == clause {
            valences[j] *= factor;
            j += 1;
        }
        i = j.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, reported: bool) -> f64 {
        let rules = Rules {
            lexicon: true,
            reported,
            ..Rules::NONE
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn absent_evidence_turns_over() {
        struct Case {
            text: &'static str,
            sign: f64,
        }
        let cases = [
            Case {
                text: "There is no sign of recovery",
                sign: -1.0,
            },
            Case {
                text: "Auditors found no evidence of fraud",
                sign: 1.0,
            },
            Case {
                text: "There is little risk of default",
                sign: 1.0,
            },
            Case {
                text: "The outlook holds little cheer for miners",
                sign: -1.0,
            },
            Case {
                text: "Sales were a little better",
                sign: 1.0,
            },
            Case {
                text: "UK soldiers cleared of Iraq abuse",
                sign: 1.0,
            },
            Case {
                text: "No intention of war with Iran, US says",
                sign: 1.0,
            },
            Case {
                text: "The talks ended without any sign of progress",
                sign: 0.0,
            },
        ];
        for c in cases {
            let got = with(c.text, true);
            assert!(got * c.sign > 0.0 || (c.sign == 0.0), "{:?}: {got}", c.text);
        }
    }

    #[test]
    fn denials_weigh_less_but_stay_negative() {
        for text in [
            "The minister denied any wrongdoing",
            "The bank rejected claims that it had misled investors",
            "The company denies allegations of fraud",
        ] {
            let (off, on) = (with(text, false), with(text, true));
            assert!(on < 0.0 && on > off, "{text:?}: {on} vs {off}");
        }
        // A rejection that is news itself is left alone.
        let text = "Shareholders rejected the offer";
        assert_eq!(with(text, true), with(text, false));
    }
}
