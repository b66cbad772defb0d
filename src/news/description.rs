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
//!
//! The same holds for what a company does, in the present tense, right after its name at the
//! start of the sentence: "Aurelio develops treatments for chronic pain", "Palokunta Oy
//! manufactures smoke alarms", "Nordvik Marine, based in Turku, designs and builds propulsion
//! systems". The clause is dropped unless it holds a figure, a quantity or a move ("Tesla makes
//! first profit" is news, in a headline's present tense).

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

/// Present-tense verbs of what a company does for a living. One string, not literals: they
/// start no rule of another unit (see `scripts/gen_news_vocab.py`).
const BUSINESS_VERBS: &str = "manufactures develops designs produces supplies provides \
    operates distributes markets specialises specializes engineers";

/// Verbs that also say what a director "makes" or an actor "delivers" in a review: only after
/// a name that is plainly a company's ("Hietala Chemicals Oy makes", "The group sells").
const COMPANY_ONLY_VERBS: &str = "makes sells builds offers owns runs publishes delivers";

/// Last words of a company's name: legal forms and the kind of business.
const COMPANY_NAME_ENDS: &str = "oy oyj ab asa as a/s aps inc inc. ltd ltd. plc corp corp. \
    corporation co co. sa ag nv se spa gmbh llc holdings group company firm chemicals systems \
    industries technologies pharma pharmaceuticals foods marine energy";

/// Words that open an apposition between a company's name and its verb ("Nordvik, based in
/// Turku, designs ...").
const APPOSITION_OPENERS: &str = "based headquartered founded listed a an the which whose part";

/// Whether word `i` is what a company does, right after its name at the sentence start (or
/// "The company"), perhaps with an apposition between.
fn business_verb_after_name(ctx: &Ctx, i: usize) -> bool {
    let verb = ctx.lower(i);
    // Every verb of both lists ends in "s": a cheap test first, as this runs for most words.
    if i == 0 || ctx.capital[i] || !verb.ends_with('s') {
        return false;
    }
    let company_only = super::in_word_list(COMPANY_ONLY_VERBS, verb);
    if !(company_only || super::in_word_list(BUSINESS_VERBS, verb)) {
        return false;
    }
    let first_clause_end = (0..i)
        .find(|&k| ctx.clause[k] != ctx.clause[0])
        .unwrap_or(i);
    if first_clause_end < i
        && (ctx.clause[i - 1] == ctx.clause[i]
            || !super::in_word_list(APPOSITION_OPENERS, ctx.lower(first_clause_end)))
    {
        return false;
    }
    let name = (0..first_clause_end).all(|k| ctx.capital[k]);
    let the_company = first_clause_end == 2
        && ctx.lower(0) == "the"
        && matches!(ctx.lower(1), "company" | "group" | "firm");
    let company_name = name
        && first_clause_end >= 2
        && super::in_word_list(COMPANY_NAME_ENDS, ctx.lower(first_clause_end - 1));
    the_company || company_name || name && !company_only
}

/// Whether words `from..to` hold news: a figure, a quantity or a move.
fn holds_news(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        ctx.lower(k).contains(|c: char| c.is_ascii_digit())
            || ctx.roles[k].is_some_and(|r| r.qty.is_some() || r.dir.is_some())
    })
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
    if let Some(i) = (1..n.min(12)).find(|&i| business_verb_after_name(ctx, i)) {
        // "designs and builds": the next clause may go on with another verb of the same kind.
        let mut end = ctx.clause_end(i);
        while end + 1 < n
            && ctx.lower(end) == "and"
            && super::in_word_list(BUSINESS_VERBS, ctx.lower(end + 1))
        {
            end = ctx.clause_end(end + 1);
        }
        if !holds_news(ctx, i, end) {
            valences[i..end].iter_mut().for_each(|v| *v = 0.0);
        }
    }
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

    #[test]
    fn every_business_verb_ends_in_s() {
        let verbs = format!("{} {}", super::BUSINESS_VERBS, super::COMPANY_ONLY_VERBS);
        for verb in verbs.split_whitespace() {
            assert!(
                verb.ends_with('s'),
                "{verb}: business_verb_after_name tests the 's' first"
            );
        }
    }

    fn with(text: &str, description: bool) -> f64 {
        let rules = Rules {
            description,
            ..Rules::RULES_ONLY
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
    fn what_a_company_does_is_not_news() {
        for t in [
            "Aurelio develops treatments for chronic pain and inflammatory diseases.",
            "Palokunta Systems Oy manufactures fire protection systems and smoke alarms.",
            "Nordvik Marine Oyj, based in Turku, Finland, designs and builds hybrid propulsion systems for ferries and offshore support vessels.",
            "Acme Oy makes fire alarms and smoke detectors.",
        ] {
            assert!(with(t, false).abs() > 0.05, "{t:?} without the unit");
            assert_eq!(with(t, true), 0.0, "{t:?}");
        }
        for t in [
            "Tesla makes first profit.",
            "Acme sells its loss-making unit for EUR 5 mn.",
            "Critics say Acme makes terrible products.",
            "Spielberg makes a wonderful film about grief.",
            "Hanks delivers a stunning performance.",
        ] {
            assert_eq!(with(t, true), with(t, false), "{t:?}");
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
