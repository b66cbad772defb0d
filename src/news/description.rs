//! Company self-descriptions: "Acme is a leading provider of innovative software solutions".
//!
//! Press releases and the company news built on them describe the company in promotional words
//! ("leading", "innovative", "trusted", "premier") that are not news about it: people who rate
//! financial news call such sentences neutral. A clause of the form NAME + "is / are" + "a / an /
//! the / one of the" + up to four words + a company noun ("provider", "supplier", "maker",
//! "company", "group", "leader", ...) + "of / in / for / that / with / based" describes what the
//! company is; every valence from the "is" to the end of the clause is dropped, and so is an
//! apposition of that form ("Acme, a leading provider of software, lost ..."). The other clauses
//! of the sentence keep their tone.

use super::Ctx;

/// Nouns that name what kind of company a company is.
fn is_company_noun(word: &str) -> bool {
    matches!(
        word,
        "provider"
            | "providers"
            | "supplier"
            | "suppliers"
            | "manufacturer"
            | "manufacturers"
            | "maker"
            | "makers"
            | "producer"
            | "producers"
            | "developer"
            | "developers"
            | "distributor"
            | "distributors"
            | "retailer"
            | "retailers"
            | "operator"
            | "operators"
            | "company"
            | "companies"
            | "group"
            | "firm"
            | "leader"
            | "leaders"
            | "specialist"
            | "vendor"
            | "vendors"
            | "designer"
            | "marketer"
            | "integrator"
            | "consultancy"
    )
}

/// The length of the determiner at word `i` ("a", "an", "the", "one of the"), if there is one.
fn determiner(ctx: &Ctx, i: usize) -> Option<usize> {
    let at = |k: usize| (k < ctx.words.len()).then(|| ctx.lower(k));
    match at(i)? {
        "a" | "an" | "the" => Some(1),
        "one" if at(i + 1) == Some("of") && at(i + 2) == Some("the") => Some(3),
        _ => None,
    }
}

/// Applies the unit: rewrites `valences` in place.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let mut i = 0;
    while i + 2 < n {
        let clause = ctx.clause[i];
        // "Acme is a ...", or an apposition "Acme, a ... ,".
        let copula = i > 0 && matches!(ctx.lower(i), "is" | "are");
        let apposition = i > 0 && ctx.clause[i - 1] != clause;
        let det = if copula {
            determiner(ctx, i + 1).map(|d| d + 1)
        } else if apposition {
            determiner(ctx, i)
        } else {
            None
        };
        let Some(det) = det else {
            i += 1;
            continue;
        };
        let head = (i + det..(i + det + 5).min(n))
            .take_while(|&j| ctx.clause[j] == clause)
            .find(|&j| is_company_noun(ctx.lower(j)));
        let linked = head.is_some_and(|h| {
            h + 1 < n
                && matches!(
                    ctx.lower(h + 1),
                    "of" | "in" | "for" | "that" | "with" | "based" | "which" | "serving"
                )
        });
        if !linked {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && ctx.clause[j] == clause {
            valences[j] = 0.0;
            j += 1;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, description: bool) -> f64 {
        let rules = Rules {
            description,
            ..Rules::ALL
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn a_self_description_is_not_news() {
        for t in [
            "Acme is a leading provider of innovative software solutions for hospitals.",
            "Acme Oyj is one of the world's best makers of paper machines.",
            "The group is a trusted global supplier of safety equipment.",
        ] {
            assert!(with(t, false) > 0.05, "{t:?} without the unit");
            assert_eq!(with(t, true), 0.0, "{t:?}");
        }
    }

    #[test]
    fn news_about_the_company_keeps_its_tone() {
        for t in [
            "Acme is a great company, analysts said.",
            "Acme shares jumped after strong results.",
        ] {
            assert_eq!(with(t, true), with(t, false), "{t:?}");
        }
        // An apposition describes; the rest of the sentence is the news.
        let t = "Acme, a trusted provider of software, lost its biggest customer.";
        assert!(with(t, true) < with(t, false) && with(t, true) < -0.05);
    }
}
