//! Negation scope: what a negation, a lack or an excess says is not there.
//!
//! VADER turns a word over only when a negation is one to three words before it, so in "the
//! movie does n't do a very good job" or "did not reach a lasting agreement" the good word
//! escapes. This unit widens the scope, and adds the words that negate without being negations:
//!
//! * **Wide negation**: a negation (VADER's list and any "n't" word, less "despite") turns over,
//!   by VADER's [`N_SCALAR`], every valence four or more words after it up to the end of its
//!   clause, the next negation, or a word that opens another predicate without a comma ("and",
//!   "that", "when", a subject pronoun, "is": "I don't know how I got so lucky" keeps its luck).
//!   "not only" / "not just" / "not least" are not negations here.
//! * **Lack**: "lacks", "lacking", "devoid of", "short on", "far from", "absence of", "fails to", "failed to",
//!   "unable to", "anything but", "less than", "little to": what follows in the clause is turned over ("lacks
//!   the passion", "failed to win approval" are bad; "devoid of violence" is good).
//! * **Excess**: a good word right after "too" ("too clever"), or after "too ... to" ("too slow
//!   to be fun"), is turned over; "too bad" stays bad. "too" before a word with no valence ("too
//!   long") is a complaint and gets [`BARE`], as a bare negation does.
//! * **Bare negation**: a negation whose clause has no sentiment word at all ("it does n't quite
//!   fly") is weak evidence of a negative statement (negation is far more frequent in negative
//!   than in positive text: Potts, "On the negativity of negation", SALT 20, 2010). It gets
//!   [`BARE`], small enough that such a sentence stays in the neutral band.
//!
//! * **Idioms** that use a negation to say the opposite: "can't wait (for / to)" and "can't get
//!   enough" are eager approval ([`EAGER`]); "couldn't be happier", "could not have been more
//!   pleased", "can't be worse", "never looked better" and "nothing short of remarkable" are
//!   the extreme of what follows, not its opposite. Their
//!   negation negates nothing, so VADER's turn of the next words is undone.
//! * **Negative subjects**: "nobody", "no one", "not a single", "none" and "nothing" opening a
//!   clause negate its whole predicate ("Nobody likes the new tax", "Not a single voter was
//!   happy"), past the copulas that end other negations' reach. "hardly" and "scarcely" are
//!   lacks ("hardly a recipe for success"); VADER only dampens the next word.
//! * **Faint praise**: a bad word turned over, by a negation or a lack ("not bad", "without
//!   problems") or by another unit ("denied wrongdoing", "cut costs"), is good by half as much
//!   as VADER's turn makes it ([`FAINT`]): "not bad" is mild approval, where "not good" is plain
//!   disapproval (Potts 2010, above; Taboada et al.,
//!   "Lexicon-based methods for sentiment analysis", Computational Linguistics 37, 2011, shift
//!   negation for the same reason).
//!
//! Absent-evidence phrases ("without evidence of") are left to [`super::reported`].

use super::{reported, Ctx};
use crate::vader::N_SCALAR;

/// The valence of a negation with nothing to negate in its clause: the sentence stays neutral
/// (|score| < 0.05) but leans negative.
pub(crate) const BARE: f64 = -0.15;

/// What a bad word turned over by a negation keeps of its (now good) valence.
pub(crate) const FAINT: f64 = 0.5;

/// "can't wait", "can't get enough": eager approval, on VADER's scale ("excited" is 1.4).
pub(crate) const EAGER: f64 = 2.0;

/// VADER negates words one to three places after a negation; this unit starts at four.
const VADER_WINDOW: usize = 3;

/// Whether word `i` is a negation this unit widens: VADER's flag, less concessions and the
/// "not only ... but also" family.
fn is_negation(ctx: &Ctx, i: usize) -> bool {
    if !ctx.words[i].negated || ctx.lower(i) == "despite" || idiom_at(ctx, i).is_some() {
        return false;
    }
    let next = (i + 1 < ctx.words.len()).then(|| ctx.lower(i + 1));
    !matches!(
        next,
        Some("only" | "just" | "merely" | "simply" | "least" | "so" | "this" | "doubt")
    ) && !reported::is_absent_evidence(ctx, i)
}

/// A negated "can" or "could" ("can't", "cannot", "ca n't", "could not"): how the idioms start.
fn negated_modal(ctx: &Ctx, i: usize) -> bool {
    match ctx.lower(i) {
        "can't" | "cant" | "cannot" | "couldn't" | "couldnt" => true,
        "not" | "n't" => i > 0 && matches!(ctx.lower(i - 1), "can" | "ca" | "could"),
        _ => false,
    }
}

/// An idiom in which a negated modal says the opposite of a negation.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Idiom {
    /// "can't wait", "can't get enough": the word `.0` ("wait", "enough") carries [`EAGER`].
    Eager(usize),
    /// "couldn't be happier", "could not have been more pleased": the word `.0` keeps its own
    /// sign.
    Unsurpassed(usize),
    /// "cannot afford another lost decade", "families cannot afford the rent": a warning or a
    /// hardship; what follows keeps its sign and "afford" (word `.0`) leans negative, as a bare
    /// negation does.
    Warning(usize),
    /// "no small achievement", "no mean feat": understatement that asserts what follows; the
    /// word `.0` keeps its own sign, or is [`LITOTES`] praise when it has none.
    Litotes(usize),
}

/// "no small achievement": praise, on VADER's scale ("achievement" itself is 2).
pub(crate) const LITOTES: f64 = 1.5;

/// Nouns of degree after "no small" ("in no small part", "no small amount"): a size, no
/// praise.
fn degree_noun(word: &str) -> bool {
    matches!(
        word,
        "part" | "measure" | "amount" | "number" | "degree" | "extent" | "sum" | "share"
    )
}

/// The idiom that the negation at word `i` opens, if any: a negated modal ("can't wait",
/// "couldn't be happier"), "never" with a comparative ("never looked better", "has never been
/// stronger") or "nothing short of" ("nothing short of remarkable").
fn idiom_at(ctx: &Ctx, i: usize) -> Option<Idiom> {
    let n = ctx.words.len();
    let at = |k: usize| (k < n && ctx.same_clause(i, k)).then(|| ctx.lower(k));
    // VADER turns over the two words after "no" without counting it a negation.
    if ctx.lower(i) == "no" && matches!(at(i + 1), Some("small" | "mean" | "minor" | "little")) {
        return at(i + 2).is_some().then_some(Idiom::Litotes(i + 2));
    }
    if !ctx.words[i].negated {
        return None;
    }
    let rated = |k: usize| k < n && ctx.same_clause(i, k) && ctx.words[k].lex.is_some();
    // The rated word of a comparative starting at word `k` ("better", "more pleased", "any
    // better"); "less interested" is the minimum, a plain negation.
    let comparative = |mut k: usize| {
        if at(k) == Some("any") {
            k += 1;
        }
        let found = match at(k)? {
            "more" => {
                k += 1;
                true
            }
            w => w.len() > 4 && w.ends_with("er") || w == "worse",
        };
        (found && rated(k)).then_some(Idiom::Unsurpassed(k))
    };
    match ctx.lower(i) {
        "nothing" if at(i + 1) == Some("short") && at(i + 2) == Some("of") => {
            return rated(i + 3).then_some(Idiom::Unsurpassed(i + 3));
        }
        "never" => {
            let linking = matches!(
                at(i + 1),
                Some(
                    "been"
                        | "looked"
                        | "felt"
                        | "seemed"
                        | "sounded"
                        | "be"
                        | "look"
                        | "feel"
                        | "seem"
                        | "sound"
                )
            );
            if !linking {
                return None;
            }
            let k = i + 2;
            return comparative(k);
        }
        _ => {}
    }
    if !negated_modal(ctx, i) {
        return None;
    }
    match at(i + 1)? {
        // "can't wait any longer" is impatience.
        "wait" if !matches!(at(i + 2), Some("any" | "much" | "longer" | "forever")) => {
            Some(Idiom::Eager(i + 1))
        }
        "get" if at(i + 2) == Some("enough") => Some(Idiom::Eager(i + 2)),
        "afford" => Some(Idiom::Warning(i + 1)),
        "be" => comparative(i + 2),
        "have" if at(i + 2) == Some("been") => comparative(i + 3),
        _ => None,
    }
}

/// A negative subject at the start of a clause ("Nobody likes", "No one should be", "Not a
/// single voter was", "None of the plans is"): it negates the whole predicate, to the clause's
/// end. Returns where its turn starts: after VADER's own window for its negations, after the
/// quantifier phrase for "nobody" and "no one" (VADER negates neither).
pub(crate) fn negative_subject(ctx: &Ctx, i: usize) -> Option<usize> {
    let starts_clause = i == 0
        || ctx.clause[i - 1] != ctx.clause[i]
        || matches!(ctx.lower(i - 1), "and" | "but" | "yet" | "so");
    if !starts_clause {
        return None;
    }
    let next = |k: usize| (i + k < ctx.words.len()).then(|| ctx.lower(i + k));
    match ctx.lower(i) {
        "nobody" | "noone" | "no-one" => Some(i + 1),
        "no" if next(1) == Some("one") => Some(i + 2),
        "not"
            if matches!(
                (next(1), next(2)),
                (Some("a"), Some("single")) | (Some("one"), _)
            ) =>
        {
            Some(i + 1 + VADER_WINDOW)
        }
        "none" | "nothing" => Some(i + 1 + VADER_WINDOW),
        _ => None,
    }
}

/// Scores the idioms of [`idiom_at`] and undoes VADER's turn of the words after them.
fn idioms(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    for i in 0..n {
        let Some(idiom) = idiom_at(ctx, i) else {
            continue;
        };
        match idiom {
            Idiom::Eager(k) => valences[k] = EAGER,
            Idiom::Warning(k) => valences[k] = BARE,
            Idiom::Unsurpassed(_) => {}
            Idiom::Litotes(k) => {
                valences[i] = 0.0;
                if valences[k] == 0.0 && !degree_noun(ctx.lower(k)) {
                    valences[k] = LITOTES;
                }
            }
        }
        let window = i + 1..(i + 1 + VADER_WINDOW).min(n);
        for (word, v) in ctx.words[window.clone()].iter().zip(&mut valences[window]) {
            if let Some(own) = word.lex.filter(|&l| l != 0.0) {
                *v = own.signum() * v.abs();
            }
        }
    }
}

/// Where a lack phrase starting at word `i` ends (the index of its last word), if one does.
pub(crate) fn lack_at(ctx: &Ctx, i: usize) -> Option<usize> {
    let next = |k: usize| (i + k < ctx.words.len()).then(|| ctx.lower(i + k));
    match ctx.lower(i) {
        "lack" | "lacks" | "lacked" | "lacking" => Some(i + usize::from(next(1) == Some("of"))),
        "devoid" | "bereft" | "absence" if next(1) == Some("of") => Some(i + 1),
        "short" if next(1) == Some("on") => Some(i + 1),
        // "far from perfect"; "far from the city" has nothing to turn over.
        "far" if next(1) == Some("from") => Some(i + 1),
        "fails" | "failed" | "fail" | "failing" | "failure" | "unable" if next(1) == Some("to") => {
            Some(i + 1)
        }
        // "was anything but fun" (after a copula; "will do anything but help" means "only").
        "anything"
            if next(1) == Some("but")
                && i > 0
                && matches!(
                    ctx.lower(i - 1),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "been"
                        | "seems"
                        | "seemed"
                        | "looks"
                        | "felt"
                        | "feels"
                        | "'s"
                ) =>
        {
            Some(i + 1)
        }
        "little" | "few" if next(1) == Some("to") => Some(i + 1),
        // "offers little more than a promise": what it offers is belittled.
        "little" if next(1) == Some("more") && next(2) == Some("than") => Some(i + 2),
        // "hardly a recipe for success": VADER only dampens the next word.
        "hardly" | "scarcely" => Some(i),
        "less" if next(1) == Some("than") => Some(i + 1),
        _ => None,
    }
}

/// Words that open a new subject or subordinate clause with no comma before it ("I don't know
/// how I got so lucky", "not sure what went wrong"): a negation's scope ends there.
fn ends_scope(word: &str) -> bool {
    matches!(
        word,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "what"
            | "how"
            | "why"
            | "where"
            | "until"
            | "unless"
            | "if"
            | "because"
            | "so"
            | "than"
            | "i"
            | "you"
            | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "this"
            | "there"
            | "is"
            | "are"
            | "was"
            | "were"
            | "means"
    )
}

/// "not exactly what commuters were promised": a "what" right after the negation and a
/// grading adverb is the object the negation denies, not a new predicate.
fn negated_what(ctx: &Ctx, from: usize) -> bool {
    from + 1 < ctx.words.len()
        && ctx.lower(from + 1) == "what"
        && matches!(
            ctx.lower(from),
            "exactly" | "quite" | "precisely" | "entirely" | "necessarily" | "really"
        )
}

/// The end (exclusive) of the scope that starts at word `from` in `clause`: the clause's end,
/// a negation (which starts its own scope), or a word that [`ends_scope`]; with `coordination`,
/// "and" / "or" end it too (a negation's reach, not a lack's list: "short on wit and charm").
fn scope_end(ctx: &Ctx, from: usize, clause: u32, coordination: bool) -> usize {
    // The whole "what" clause is denied: "not exactly what commuters were promised".
    let denied_what = negated_what(ctx, from);
    (from..ctx.words.len())
        .find(|&j| {
            let w = ctx.lower(j);
            ctx.clause[j] != clause
                || is_negation(ctx, j)
                || (ends_scope(w) && !denied_what)
                || (coordination && matches!(w, "and" | "or"))
        })
        .unwrap_or(ctx.words.len())
}

/// Turns over the valences of words `from..end`, except the moves [`super::direction`] has
/// `composed` with what is around them already ("fails to soar" is bad there).
fn turn_over(valences: &mut [f64], composed: &[bool], from: usize, end: usize) {
    for j in from..end.min(valences.len()) {
        if !composed[j] {
            valences[j] *= N_SCALAR;
        }
    }
}

/// Halves the good valence of bad words that a rule has turned over: VADER's negation, this
/// unit's wide negation and lacks, a denial ([`super::reported`]), a cause or a change ("cut
/// costs"). Good news told through a bad word is milder than good news told plainly.
fn faint_praise(ctx: &Ctx, valences: &mut [f64]) {
    for (word, v) in ctx.words.iter().zip(valences.iter_mut()) {
        if word.lex.is_some_and(|l| l < 0.0) && *v > 0.0 {
            *v *= FAINT;
        }
    }
}

/// Applies the unit: rewrites `valences` in place; `composed`: the words the direction unit
/// composed.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64], composed: &[bool]) {
    idioms(ctx, valences);
    let n = ctx.words.len();
    for i in 0..n {
        let clause = ctx.clause[i];
        let subject = (ctx.words[i].negated || ctx.special[i])
            .then(|| negative_subject(ctx, i))
            .flatten();
        if let (false, Some(start)) = (ctx.words[i].negated, subject) {
            // "Nobody likes the plan": VADER does not count "nobody" as a negation.
            turn_over(valences, composed, start, ctx.clause_end(i));
        } else if is_negation(ctx, i) {
            let end = if subject.is_some() {
                ctx.clause_end(i)
            } else {
                scope_end(ctx, i + 1, clause, true)
            };
            turn_over(valences, composed, i + 1 + VADER_WINDOW, end);
            let end = ctx.clause_end(i);
            if valences[i..end].iter().all(|&v| v == 0.0) {
                valences[i] = BARE;
            }
        } else if !ctx.special[i] {
            continue;
        } else if let Some(last) = lack_at(ctx, i) {
            // The clause of the phrase's last word: "anything but" opens a new one.
            let end = scope_end(ctx, last + 1, ctx.clause[last], false);
            turn_over(valences, composed, last + 1, end);
        } else if ctx.lower(i) == "too" {
            // "too clever", "too very clever": the good word just after.
            let first = (i + 1..(i + 3).min(n)).find(|&j| ctx.words[j].booster.is_none());
            let first = first.filter(|&j| ctx.clause[j] == clause);
            if let Some(j) = first.filter(|&j| valences[j] > 0.0) {
                valences[j] *= N_SCALAR;
            }
            // "too slow", "too long": an excess is a complaint, like a bare negation ("me too"
            // and "witty, too" have no word after "too" in their clause).
            if first.is_some_and(|j| valences[j] == 0.0) && valences[i] == 0.0 {
                valences[i] = BARE;
            }
            // "too slow to be fun": the good words after the "to".
            let to = (i + 1..n)
                .take_while(|&j| ctx.clause[j] == clause)
                .find(|&j| ctx.lower(j) == "to");
            let start = to.map_or(n, |t| t + 1);
            let end = (start..n)
                .find(|&j| ctx.clause[j] != clause || is_negation(ctx, j))
                .unwrap_or(n);
            for v in valences[start..end].iter_mut().filter(|v| **v > 0.0) {
                *v *= N_SCALAR;
            }
        }
    }
    faint_praise(ctx, valences);
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, negation: bool) -> f64 {
        let rules = Rules {
            negation,
            ..Rules::RULES_ONLY
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn understatement_and_belittling() {
        // (text, expected sign)
        for (t, sign) in [
            ("Passing the bill was no small achievement", 1.0),
            ("Building the bridge was no mean feat", 1.0),
            (
                "The plan offers little more than a promise to study the sites",
                -1.0,
            ),
            (
                "The new ferry schedule is not exactly what commuters were promised",
                -1.0,
            ),
        ] {
            let s = with(t, true);
            assert!(s * sign > 0.05, "{t:?}: {s}");
            assert!(with(t, false) * sign < 0.05, "{t:?} without the unit");
        }
        // The problem stays one.
        assert!(with("The delay is no small problem for the city", true) < -0.05);
        // A degree, not praise: the sentence's tone is its other words'.
        assert_eq!(
            with("The result was due in no small part to the weather", true),
            0.0
        );
    }

    #[test]
    fn wide_negation_reaches_past_three_words() {
        let cases = [
            "The movie does not do a very good job",
            "The talks did not produce a lasting agreement",
            "It never once manages to be interesting",
        ];
        for t in cases {
            assert!(with(t, false) > 0.05, "{t:?} without the unit");
            assert!(with(t, true) < 0.0, "{t:?}");
        }
    }

    #[test]
    fn wide_negation_ends_with_its_clause() {
        // The good word after the comma is outside the negation.
        let t = "The deal was not signed on Friday, but talks made good progress";
        assert!((with(t, true) - with(t, false)).abs() < 1e-9 || with(t, true) > 0.05);
        assert!(with(t, true) > 0.05);
    }

    #[test]
    fn not_only_is_not_a_negation() {
        let t = "It is not only a fine debut but a wonderful portrait";
        assert!(with(t, true) > 0.3);
        assert_eq!(with(t, true), with(t, false));
    }

    #[test]
    fn lack_turns_over_what_follows() {
        let cases = [
            ("The film lacks the passion required", false),
            ("The rescue plan failed to win approval", false),
            ("The parade was devoid of any violence", true),
            ("The script is short on wit and charm", false),
            ("The evening was anything but fun", false),
            ("The results were less than impressive", false),
            ("The ceasefire is far from perfect", false),
            ("There is little to love in this plan", false),
            ("The sequel fails to soar", false),
            (
                "The plan will not do anything but deepen the deficit",
                false,
            ),
        ];
        for (t, good) in cases {
            let s = with(t, true);
            assert!(if good { s > 0.0 } else { s < -0.05 }, "{t:?}: {s}");
        }
    }

    #[test]
    fn too_turns_a_good_word_over() {
        assert!(with("The ending is too sweet", true) < 0.0);
        assert!(with("The film is too slow to be fun", true) < -0.05);
        assert!(with("The film is too slow to be fun", false) > 0.0);
        // A bad word after "too" stays bad.
        assert!(with("It is too bad", true) < -0.05);
        // An excess with no sentiment word leans negative; "too" as "also" does not.
        let s = with("The film is too long", true);
        assert!(s < 0.0 && s > -0.05, "{s}");
        assert_eq!(with("They came home, too", true), 0.0);
    }

    #[test]
    fn a_bare_negation_leans_negative_but_stays_neutral() {
        for t in [
            "It does n't quite fly",
            "The company did not disclose the terms",
        ] {
            let s = with(t, true);
            assert!(s < 0.0 && s > -0.05, "{t:?}: {s}");
            assert_eq!(with(t, false), 0.0);
        }
        // A negation with something to negate gets nothing extra.
        let s = with("not good", true);
        assert!((s - with("not good", false)).abs() < 1e-12);
    }

    #[test]
    fn idioms_that_negate_nothing() {
        // (text, expected sign)
        let cases = [
            ("I can't wait for the sequel", 1.0),
            ("Fans can't get enough of the show", 1.0),
            ("We couldn't be happier with the result", 1.0),
            ("Investors could not be more pleased", 1.0),
            ("The timing couldn't be worse", -1.0),
            ("The country cannot afford another lost decade", -1.0),
        ];
        for (t, sign) in cases {
            let s = with(t, true);
            assert!(s * sign > 0.05, "{t:?}: {s}");
            assert!(with(t, false) * sign < 0.05, "{t:?} without the unit");
        }
        for (t, sign) in [
            ("The recovery has been nothing short of remarkable", 1.0),
            ("The city has never looked better", 1.0),
            ("Relations have never been worse", -1.0),
        ] {
            let s = with(t, true);
            assert!(s * sign > 0.05, "{t:?}: {s}");
            assert!(with(t, false) * sign < 0.0, "{t:?} without the unit");
        }
        // The idiom is no negation, so the wide scope does not turn "great" over.
        assert!(with("We ca n't wait to see the great new film", true) > 0.5);
        assert!(with("Things could not have been any better", true) > 0.3);
        // Still negations: impatience, and the minimum.
        assert!(with("I can't wait any longer for the bus", true) < 0.0);
        assert!(with("I couldn't be less interested", true) < -0.05);
    }

    #[test]
    fn a_negative_subject_negates_the_whole_predicate() {
        for t in [
            "Nobody likes the new tax",
            "No one was happy with the deal",
            "Not a single voter was happy with the result",
            "None of the plans is any good",
        ] {
            let s = with(t, true);
            assert!(s < -0.05, "{t:?}: {s}");
            assert!(with(t, false) > 0.0, "{t:?} without the unit");
        }
        // Not a subject: "no" inside the clause is VADER's.
        let t = "The firm said no one was hurt and profits were strong";
        assert!(with(t, true) > 0.05);
    }

    #[test]
    fn hardly_negates() {
        let t = "This is hardly a recipe for success";
        assert!(with(t, true) < -0.05 && with(t, false) > 0.05);
    }

    #[test]
    fn a_turned_over_bad_word_is_faint_praise() {
        let rules = Rules {
            negation: false,
            ..Rules::RULES_ONLY
        };
        for t in [
            "The food was not bad",
            "The launch went ahead without problems",
        ] {
            let s = with(t, true);
            let vader_turn = score_sentence_with(t, None, &rules).score;
            assert!(s > 0.05 && s < vader_turn, "{t:?}: {s} vs {vader_turn}");
        }
        // Disapproval stays as strong as VADER makes it.
        let t = "The food was not good";
        assert_eq!(with(t, true), score_sentence_with(t, None, &rules).score);
    }

    #[test]
    fn absent_evidence_is_left_to_the_reported_unit() {
        // The wide negation leaves it alone; only the faint-praise halving applies.
        let t = "They acted without evidence of any serious wrongdoing at all";
        let (on, off) = (with(t, true), with(t, false));
        assert!(on * off > 0.0 && on.abs() <= off.abs(), "{on} vs {off}");
    }
}
