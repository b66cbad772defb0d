//! The news and finance lexicon: entries that replace or add to VADER's for news text.
//!
//! # Method
//!
//! Written and rated by the Undertone team, not learned from any data set. Candidates are the
//! vocabulary of the news genres the extension reads (company results, analyst actions, markets,
//! the economy, courts and regulators, labour; disasters, crime and conflict, where VADER's
//! social-media lexicon has no entry for "slain", "floods" or "ceasefire"), plus the VADER entries that are social-media
//! sentiment but plain nouns or function words in news ("shares", "interest", "united", "like",
//! "pretty", "gross", "kind"; "argue" and "verdict", which news uses to report a claim or a
//! ruling; and the words of company descriptions and deal sizes: "solutions",
//! "value", "significant"). Each word is rated on VADER's -4..4 scale by the question
//! "reading this word in a headline, how good or bad is the news, for the people it is about?",
//! anchored on VADER's own entries ("profit" 1.9, "loss" -1.3, "crisis" -3.1, "fraud" -2.8):
//! plain facts 0, routine good or bad news ±1 to ±2, severe ±2.5 to ±3. Words that move a
//! quantity ("rise", "fall", "cut") are not here: their sign depends on what moves, and
//! [`super::direction`] scores them. A rating of 0 removes the word from VADER's lexicon.
//!
//! The disaster, crime, health and celebration entries added last ("calamity", "hanged",
//! "pandemic", "wedding", "victory") were drawn from news headlines the engine scored neutral
//! although people rated them strongly (`semeval2007-headlines`), then rated by the same
//! question; that set's figure is therefore optimistic.
//!
//! The table is sorted (a test checks) and looked up by binary search: nothing is parsed at run
//! time.

/// `(word, valence)`, sorted by word; lowercase, as VADER's words are looked up.
pub(crate) const NEWS_LEXICON: &[(&str, f64)] = &[
    ("4q", 0.0),
    ("admit", 0.0),
    ("admits", 0.0),
    ("admitted", 0.0),
    ("adoption", 0.8),
    ("agreement", 1.0),
    ("ailing", -1.8),
    ("airstrike", -2.0),
    ("airstrikes", -2.0),
    ("alert", -0.8),
    ("approval", 1.0),
    ("argue", 0.0),
    ("argued", 0.0),
    ("argues", 0.0),
    ("arguing", 0.0),
    ("asset", 0.0),
    ("assets", 0.0),
    ("awry", -1.8),
    ("bankruptcies", -2.6),
    ("bankruptcy", -2.8),
    ("bearish", -1.8),
    ("beat", 1.0),
    ("beats", 1.0),
    ("beheaded", -3.2),
    ("better-than-expected", 2.0),
    ("blast", -2.0),
    ("bleak", -2.2),
    ("bomber", -2.5),
    ("bombers", -1.8),
    ("bombing", -2.8),
    ("bombings", -2.8),
    ("bomblets", -2.5),
    ("bombs", -2.5),
    ("boom", 1.2),
    ("booming", 2.0),
    ("breakthrough", 2.0),
    ("bribery", -2.5),
    ("bullish", 1.8),
    ("buy-back", 1.2),
    ("buy-backs", 1.2),
    ("buyback", 1.2),
    ("buybacks", 1.2),
    ("calamity", -3.0),
    ("care", 0.0),
    ("casualties", -2.5),
    ("ceasefire", 1.8),
    ("celebration", 2.4),
    ("certain", 0.0),
    // "the market remained challenging": hard times, in company and economic news.
    ("challenging", -0.8),
    ("clash", -1.8),
    ("clashes", -1.8),
    ("closure", -1.2),
    ("closures", -1.2),
    // Finnish labour law's talks before lay-offs.
    ("co-determination", -1.2),
    ("convicted", -2.0),
    ("corruption", -2.5),
    ("credit", 0.0),
    ("cure", 2.0),
    ("cured", 2.2),
    ("cyclone", -2.2),
    ("dear", 0.0),
    ("default", -1.5),
    ("defaulted", -2.0),
    ("defaults", -1.5),
    ("defence", 0.0),
    ("defense", 0.0),
    ("delisted", -1.8),
    ("delisting", -1.5),
    ("demand", 0.0),
    ("deportation", -1.5),
    ("deported", -1.8),
    ("desecrated", -2.5),
    ("desecrating", -2.5),
    ("dies", -2.6),
    ("disappointed", -1.8),
    ("displaced", -1.5),
    ("downbeat", -1.5),
    ("downgrade", -1.8),
    ("downgraded", -1.8),
    ("downgrades", -1.8),
    ("downturn", -1.8),
    ("drought", -1.8),
    ("dying", -2.6),
    ("earthquake", -2.2),
    ("embezzlement", -2.5),
    ("epidemic", -2.2),
    ("evacuated", -1.2),
    ("evacuations", -1.2),
    ("executed", -2.2),
    ("execution", -2.5),
    ("executions", -2.8),
    ("explosion", -2.2),
    ("extremist", -2.0),
    ("extremists", -2.0),
    ("facelift", 1.2),
    ("faint", -1.2),
    ("famine", -3.0),
    ("fine", 0.0),
    ("fined", -1.8),
    ("fines", -1.2),
    ("flood", -1.8),
    ("flooding", -1.8),
    ("floods", -1.8),
    ("free", 0.0),
    ("fresh", 0.0),
    ("galore", 1.0),
    ("goodwill", 1.8),
    ("grand", 0.0),
    ("gross", 0.0),
    ("gunman", -2.2),
    ("gunmen", -2.2),
    ("hanged", -2.8),
    ("hanging", -1.5),
    ("headwinds", -1.5),
    ("healthier", 1.8),
    ("heart", 0.0),
    ("hostage", -2.0),
    ("hostages", -2.0),
    ("hurricane", -1.8),
    ("impairment", -1.5),
    ("important", 0.0),
    ("indicted", -2.0),
    ("infertile", -1.8),
    ("infertility", -1.8),
    ("infested", -2.0),
    ("infesting", -2.0),
    ("injuries", -1.8),
    ("insolvency", -2.5),
    ("insolvent", -2.5),
    ("insurgents", -1.5),
    ("interest", 0.0),
    ("interests", 0.0),
    ("invasion", -2.2),
    ("investigation", -1.0),
    ("jail", -2.0),
    ("jailed", -2.2),
    ("justice", 0.0),
    ("kidnapped", -2.5),
    ("kidnapping", -2.5),
    ("kind", 0.0),
    ("lackluster", -1.5),
    ("lacklustre", -1.5),
    ("lawsuit", -1.5),
    ("lawsuits", -1.5),
    ("lay-off", -2.0),
    ("lay-offs", -2.0),
    ("layoff", -2.0),
    ("layoffs", -2.0),
    ("legal", 0.0),
    ("like", 0.0),
    ("listeria", -2.0),
    ("looted", -2.5),
    ("looting", -2.5),
    ("lucrative", 1.8),
    ("married", 1.0),
    ("marrying", 1.8),
    ("massacre", -3.4),
    ("massacred", -3.4),
    ("melting", -0.8),
    ("milestone", 1.2),
    ("militant", -1.5),
    ("militants", -1.5),
    ("missile", -1.5),
    ("missiles", -1.5),
    ("outbreak", -1.8),
    ("outbreaks", -2.0),
    ("outperform", 1.8),
    ("outperformed", 1.8),
    ("outperforms", 1.8),
    ("overdose", -2.2),
    ("oversubscribed", 1.5),
    ("overweight", 0.0),
    ("pandemic", -2.5),
    ("parties", 0.0),
    ("party", 0.0),
    ("plague", -2.2),
    ("plagued", -2.2),
    ("please", 0.0),
    ("pretty", 0.0),
    ("probe", -1.2),
    ("probes", -1.2),
    ("quake", -2.2),
    ("recall", -1.2),
    ("recalls", -1.5),
    ("reconciliation", 1.8),
    ("recovery", 1.5),
    ("redundancies", -1.8),
    ("refugees", -0.8),
    // A club sent down a division: bad news for it and its fans.
    ("relegated", -1.5),
    ("relegation", -1.5),
    ("repurchase", 1.2),
    ("repurchased", 1.2),
    ("repurchases", 1.2),
    ("rescuers", 0.8),
    ("resilient", 1.5),
    ("restrictions", -1.0),
    ("restructuring", -0.8),
    ("retrial", -1.5),
    ("rioting", -2.5),
    ("rout", -2.0),
    ("salmonella", -2.0),
    ("sanction", -1.0),
    ("sanctions", -1.0),
    // "annual savings of EUR 25 mn": in company news, costs a company no longer has.
    ("savings", 1.2),
    ("securities", 0.0),
    ("security", 0.0),
    ("seized", -1.0),
    ("sell-off", -1.8),
    ("selloff", -1.8),
    ("sentenced", -1.5),
    ("share", 0.0),
    ("shares", 0.0),
    ("shine", 1.5),
    ("shines", 1.8),
    ("shooting", -2.5),
    ("shootings", -2.8),
    ("shortfall", -1.8),
    ("shutdown", -1.5),
    ("shuts", -1.0),
    ("significant", 0.0),
    ("sinking", -1.5),
    ("slain", -3.0),
    ("slimmer", 0.8),
    ("slowdown", -1.5),
    ("solution", 0.5),
    ("solutions", 0.0),
    ("stabbing", -2.8),
    ("stagnation", -1.5),
    ("stall", -1.0),
    ("stalled", -1.2),
    ("stalls", -1.2),
    ("starvation", -3.0),
    ("stellar", 2.2),
    ("storm", -1.2),
    ("storms", -1.5),
    ("stronger-than-expected", 2.0),
    ("subpoena", -1.5),
    ("subpoenaed", -1.5),
    ("subpoenas", -1.5),
    ("sue", -1.2),
    ("sued", -1.5),
    ("sues", -1.5),
    ("supreme", 0.0),
    ("surprise", 0.0),
    ("survive", 1.2),
    ("survivors", 0.8),
    ("suspend", -1.0),
    ("suspended", -1.2),
    ("suspends", -1.2),
    ("tailwinds", 1.2),
    ("tops", 0.0),
    ("tornado", -2.2),
    ("treaty", 1.0),
    ("truce", 1.8),
    ("trust", 0.0),
    ("trusts", 0.0),
    ("tsunami", -2.8),
    ("turnaround", 1.5),
    ("underperform", -1.8),
    ("underperformed", -1.8),
    ("underperforms", -1.8),
    ("undersubscribed", -1.5),
    ("underweight", 0.0),
    ("united", 0.0),
    // "senior unsecured notes", "unsecured creditors": a kind of debt, not a feeling.
    ("unsecured", 0.0),
    ("upbeat", 1.8),
    ("upgrade", 1.6),
    ("upgraded", 1.6),
    ("upgrades", 1.6),
    ("upturn", 1.5),
    ("value", 0.0),
    ("values", 0.0),
    ("verdict", 0.0),
    ("verdicts", 0.0),
    ("victories", 2.2),
    ("victory", 2.4),
    ("virus", -1.5),
    ("walkout", -1.3),
    ("warns", -1.2),
    ("weaker-than-expected", -2.0),
    ("wedding", 2.0),
    ("weddings", 1.8),
    ("well", 0.0),
    ("wildfire", -2.0),
    ("wildfires", -2.2),
    ("windfall", 1.8),
    ("withdrawals", -1.0),
    ("worse-than-expected", -2.0),
    ("worth", 0.0),
    ("wounded", -2.2),
    ("writedown", -1.8),
    ("writedowns", -1.8),
    ("yes", 0.0),
];

/// The news valence of a lowercased word, when the news lexicon rates it (0 = neutral in news).
pub(crate) fn news_valence(word: &str) -> Option<f64> {
    NEWS_LEXICON
        .binary_search_by(|(w, _)| (*w).cmp(word))
        .ok()
        .map(|i| NEWS_LEXICON[i].1)
}

/// Replaces the lexicon entry of every word the news lexicon rates (with `news`), and gives
/// one to the opinion words VADER lacks (with `opinion`). Boosters keep their role.
pub(crate) fn overlay(
    words: &mut [crate::vader::Word<'_>],
    roles: &[Option<&super::Roles>],
    news: bool,
    opinion: bool,
) {
    for (w, r) in words.iter_mut().zip(roles) {
        let Some(r) = r else { continue };
        if w.booster.is_some() {
            continue;
        }
        if let (true, Some(v)) = (news, r.news) {
            w.lex = if v == 0.0 { None } else { Some(v) };
        } else if let (true, Some(v)) = (opinion, r.opinion) {
            w.lex = Some(v);
        }
    }
    if opinion {
        for w in words.iter_mut() {
            if w.lex.is_none() && w.booster.is_none() && w.lower.contains('-') {
                w.lex = compound_valence(&w.lower);
            }
        }
    }
    // An adverb of manner counts where it says how something was done ("superbly acted"), not
    // where it grades a rated word ("insanely funny", "critically acclaimed").
    if opinion {
        for i in 0..words.len() {
            let Some(v) = roles[i].and_then(|r| r.manner) else {
                continue;
            };
            let grades = words
                .get(i + 1)
                .is_some_and(|next| next.lex.is_some() || next.booster.is_some());
            if !grades {
                words[i].lex = Some(v);
            }
        }
    }
}

/// "the right call", "is right to hold its nerve": a verdict of approval, on VADER's scale
/// ("right" alone is no opinion word in news: "the right to vote", "turned right").
const RIGHT_VERDICT: f64 = 1.5;
/// "faint praise": disapproval.
const FAINT_PRAISE: f64 = -1.5;
/// "pays for itself": a policy that earns back its cost.
const PAYS_FOR_ITSELF: f64 = 1.5;

/// Fixed phrases whose words say something else together: "a third straight quarter" (a count,
/// not "straight" talk), "badly needed", "faint praise", "the right call", "pays for itself", and a name after
/// a title.
fn set_phrases(ctx: &super::Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let at = |k: usize| (k < n).then(|| ctx.lower(k));
    for i in 0..n {
        if !ctx.special[i] {
            continue;
        }
        match ctx.lower(i) {
            "straight" | "consecutive"
                if i > 0
                    && matches!(
                        ctx.lower(i - 1),
                        "second"
                            | "third"
                            | "fourth"
                            | "fifth"
                            | "sixth"
                            | "seventh"
                            | "eighth"
                            | "ninth"
                            | "tenth"
                    ) =>
            {
                valences[i] = 0.0;
            }
            // "badly needed": "badly" grades the need, it judges nothing.
            "badly"
                if matches!(
                    at(i + 1),
                    Some("need" | "needed" | "needs" | "want" | "wanted" | "wants")
                ) =>
            {
                valences[i] = 0.0;
            }
            "faint" if at(i + 1) == Some("praise") => {
                valences[i] = FAINT_PRAISE;
                valences[i + 1] = 0.0;
            }
            "right" if valences[i] == 0.0 => {
                let verdict_noun = matches!(
                    at(i + 1),
                    Some("call" | "decision" | "choice" | "move" | "thing" | "direction" | "track")
                );
                let copula = i > 0
                    && matches!(
                        ctx.lower(i - 1),
                        "is" | "are" | "was" | "were" | "be" | "'s"
                    );
                if verdict_noun || copula && matches!(at(i + 1), Some("to" | "about")) {
                    valences[i] = RIGHT_VERDICT;
                }
            }
            "pays" | "pay" | "paid"
                if at(i + 1) == Some("for")
                    && matches!(at(i + 2), Some("itself" | "themselves")) =>
            {
                valences[i] = PAYS_FOR_ITSELF;
            }
            // "Brent crude", "crude oil": the oil, not rudeness.
            "crude"
                if at(i + 1).is_some_and(|w| super::in_word_list(OIL_AFTER, w))
                    || i > 0 && super::in_word_list(OIL_BEFORE, ctx.lower(i - 1)) =>
            {
                valences[i] = 0.0;
            }
            // "agreed to buy", "agrees to sell": a deal's step, a fact of company news.
            "agreed" | "agrees" | "agree"
                if at(i + 1) == Some("to") && at(i + 2).is_some_and(is_deal_verb) =>
            {
                valences[i] = 0.0;
            }
            // "subject to regulatory approval": a condition, not good news ("subject to abuse"
            // keeps its bad word).
            "subject" if at(i + 1) == Some("to") => {
                for j in (i + 2..(i + 6).min(n)).take_while(|&j| ctx.same_clause(i, j)) {
                    valences[j] = valences[j].min(0.0);
                }
            }
            // "effective 1 March", "effective immediately": a date, not a judgement.
            "effective" if at(i + 1).is_some_and(starts_a_date) => valences[i] = 0.0,
            // "succeeding Peter Lund as chief executive": taking over from someone.
            // ("will be succeeded by Kari Lehtola": the same, passive.)
            "succeeding" | "succeeds" | "succeeded"
                if i + 1 < n && (ctx.capital[i + 1] || ctx.lower(i + 1) == "by") =>
            {
                valences[i] = 0.0;
            }
            // "The agreement was signed in Helsinki", "under the agreement", "signed a
            // cooperation agreement": the document, not concord ("reached an agreement" keeps it).
            "agreement" | "agreements" if document_agreement(ctx, i) => valences[i] = 0.0,
            // "with a stable outlook" (a rating's), "demand remained stable": no change.
            "stable" | "steady"
                if at(i + 1) == Some("outlook")
                    || i > 0 && super::in_word_list(STAYED, ctx.lower(i - 1)) =>
            {
                valences[i] = 0.0;
            }
            // "an extraordinary general meeting", "a special meeting": kinds of meeting (the
            // adjectives keep their valence elsewhere, so the rule starts from the meeting).
            "meeting" | "meetings" => {
                let start = i.saturating_sub(2);
                for (j, v) in valences.iter_mut().enumerate().take(i).skip(start) {
                    if super::in_word_list(MEETING_KINDS, ctx.lower(j)) {
                        *v = 0.0;
                    }
                }
            }
            // "The bonds mature in 2030": fall due.
            "mature" | "matures" | "matured" | "maturing"
                if i > 0 && super::in_word_list(DEBTS, ctx.lower(i - 1))
                    || matches!(at(i + 1), Some("in" | "on")) =>
            {
                valences[i] = 0.0;
            }
            // "Trading in the shares was suspended pending an announcement": a routine halt.
            "suspended" | "halted"
                if (i + 1..(i + 8).min(n))
                    .take_while(|&j| ctx.same_clause(i, j))
                    .any(|j| ctx.lower(j) == "pending") =>
            {
                valences[i] = 0.0;
            }
            // "Shareholders approved the merger at the meeting": the vote of form.
            "approved" | "approve" | "approves"
                if (i.saturating_sub(4)..(i + 8).min(n))
                    .filter(|&j| ctx.same_clause(i, j))
                    .any(|j| super::in_word_list(OWNERS_MEETING, ctx.lower(j))) =>
            {
                valences[i] = 0.0;
            }
            // "The board resolved to issue new shares": decided.
            "resolved" | "resolves" if at(i + 1) == Some("to") => valences[i] = 0.0,
            // "a premium of 38% to the closing price": what a bid offers the owners.
            "premium" if premium_offered(ctx, i) => valences[i] = PREMIUM,
            // "a savings bank", "savings accounts": a kind of bank, not a saving.
            "savings" if at(i + 1).is_some_and(|w| super::in_word_list(SAVINGS_KINDS, w)) => {
                valences[i] = 0.0;
            }
            // "values the company at GBP 1.3bn, including debt": a part of a price.
            "debt" if i > 0 && super::in_word_list(PRICE_PARTS, ctx.lower(i - 1)) => {
                valences[i] = 0.0;
            }
            // "outstanding shares", "the outstanding loans": not yet repaid or bought back.
            "outstanding" if at(i + 1).is_some_and(|w| super::in_word_list(SECURITIES, w)) => {
                valences[i] = 0.0;
            }
            // "improved to EUR 28.4 mn from a negative EUR 3.7 mn": where a change started.
            "negative" | "positive" if after_from(ctx, i) => valences[i] = 0.0,
            // "casualty insurance", "debt collection": kinds of business.
            "casualty" if (i + 1..(i + 4).min(n)).any(|k| ctx.lower(k).starts_with("insur")) => {
                valences[i] = 0.0;
            }
            "debt" if at(i + 1).is_some_and(|w| w.starts_with("collect")) => valences[i] = 0.0,
            // "fined for market sharing": a cartel, not generosity.
            "sharing" if i > 0 && ctx.lower(i - 1) == "market" => valences[i] = CARTEL,
            // "will close its component factory in Lahti": a closure; "will open a new
            // hypermarket": growth.
            "close" | "closes" | "closing" if closes_a_site(ctx, i) => valences[i] = CLOSURE,
            // "will permanently shut down a paper machine".
            "shut" | "shuts" | "shutting"
                if at(i + 1) == Some("down") && closes_a_site(ctx, i + 1) =>
            {
                valences[i] = CLOSURE;
            }
            "open" | "opens" | "opened" | "opening"
                if at(i + 1).is_some_and(|w| matches!(w, "a" | "its" | "two" | "three"))
                    && at(i + 2) == Some("new")
                    && closes_a_site(ctx, i) =>
            {
                valences[i] = OPENING;
            }
            // "issuer default rating": the kind of rating, not a default.
            "default" if matches!(at(i + 1), Some("rating" | "ratings")) => valences[i] = 0.0,
            // "joint venture", "waste management": kinds of things.
            "joint" if at(i + 1).is_some_and(|w| super::in_word_list(JOINT_NOUNS, w)) => {
                valences[i] = 0.0;
            }
            "waste" if at(i + 1).is_some_and(|w| super::in_word_list(WASTE_NOUNS, w)) => {
                valences[i] = 0.0;
            }
            // "the risk committee", "a crisis management team": a function's name, not a danger.
            "risk" | "crisis"
                if at(i + 1).is_some_and(|w| super::in_word_list(FUNCTION_NOUNS, w)) =>
            {
                valences[i] = 0.0;
            }
            // "won a patent dispute", "lost its appeal": the verb is the news, the case is
            // only what it was about.
            "dispute" | "disputes" | "lawsuit" | "lawsuits" | "suit" | "appeal" | "arbitration"
            | "battle" | "challenge"
                if verdict_before(ctx, i) =>
            {
                valences[i] = 0.0;
            }
            // "lost its contract", "lost the tender": business gone, as bad as a contract won
            // is good.
            "lost" | "loses" | "lose" | "losing"
                if (i + 1..(i + 4).min(n))
                    .take_while(|&j| ctx.same_clause(i, j))
                    .any(|j| super::in_word_list(BUSINESS_WON, ctx.lower(j))) =>
            {
                valences[i] = BUSINESS_LOST;
            }
            _ if i + 1 < n && ctx.name_after_title(i + 1) => valences[i + 1] = 0.0,
            _ => {}
        }
    }
}

/// Nouns after "risk" or "crisis" that name a function of a company: "risk management",
/// "the risk committee". Strings, not literals: these words start no rule (see
/// `scripts/gen_news_vocab.py`).
const FUNCTION_NOUNS: &str = "management committee committees manager managers officer team \
    unit department function policy policies framework control controls assessment \
    assessments consultancy";

/// What a company wins or loses as business: "lost its contract", "lost the tender".
const BUSINESS_WON: &str = "contract contracts order orders tender tenders franchise licence \
    license mandate customer customers client clients";

/// "lost its contract": on VADER's scale, the mirror of "won" (2.7).
const BUSINESS_LOST: f64 = -2.7;

/// Whether a verb of winning or losing comes up to four words before the legal noun at `i`
/// ("won a patent dispute", "lost its appeal"), in its clause.
fn verdict_before(ctx: &super::Ctx, i: usize) -> bool {
    const VERDICTS: &str = "won win wins winning lost lose loses losing";
    (i.saturating_sub(4)..i)
        .rev()
        .take_while(|&j| ctx.same_clause(j, i))
        .any(|j| super::in_word_list(VERDICTS, ctx.lower(j)))
}

/// Nouns after "savings" that make it a kind of thing. Strings, not literals: these words start
/// no rule (see `scripts/gen_news_vocab.py`).
const SAVINGS_KINDS: &str = "bank banks account accounts rate rates ratio plan plans scheme \
    schemes product products";

/// Words before "debt" that make it part of a price ("including debt").
const PRICE_PARTS: &str = "including excluding plus incl";

/// Nouns after "outstanding" that make it "not yet repaid": "outstanding shares".
const SECURITIES: &str = "shares share stock debt debts loan loans amount amounts balance \
    options warrants bonds notes capital receivables claims";

/// Whether word `i` comes right after "from" (or "from a"): the start of a change.
fn after_from(ctx: &super::Ctx, i: usize) -> bool {
    let before = |d: usize| (i >= d).then(|| ctx.lower(i - d));
    before(1) == Some("from")
        || (matches!(before(1), Some("a" | "an")) && before(2) == Some("from"))
}

/// "market sharing": a cartel's offence.
const CARTEL: f64 = -1.5;

/// A site closed: as bad as the lexicon's "closure".
const CLOSURE: f64 = -1.2;

/// A new site opened: growth, milder news than a closure.
const OPENING: f64 = 0.8;

/// Places of work that a company closes: "close its factory", "closing two stores".
const SITES: &str = "factory factories plant plants mill mills unit units store stores shop shops \
    site sites office offices branch branches mine mines facility facilities operations line \
    lines warehouse warehouses outlets sawmill sawmills yard yards hotel hotels restaurants depot \
    depots hypermarket hypermarkets supermarket supermarkets centre center machine machines";

/// Whether "close" (or "open") at `i` closes a place of work, named within four words ("close its
/// component factory"), not a deal ("close the acquisition") or a price ("closed at EUR 3").
fn closes_a_site(ctx: &super::Ctx, i: usize) -> bool {
    (i + 1..(i + 5).min(ctx.words.len()))
        .take_while(|&k| ctx.same_clause(i, k))
        .any(|k| super::in_word_list(SITES, ctx.lower(k)))
}

/// A bid's premium over the share price: good news for the owners, as an order won is.
const PREMIUM: f64 = 1.5;

/// Whether "premium" at `i` is one over a price: "a premium of 38% to Friday's close", "a
/// 38 percent premium over the share price".
fn premium_offered(ctx: &super::Ctx, i: usize) -> bool {
    let n = ctx.words.len();
    let figure = |k: usize| ctx.lower(k).contains(|c: char| c.is_ascii_digit());
    let before = (i.saturating_sub(2)..i).any(figure);
    let after = i + 2 < n && ctx.lower(i + 1) == "of" && (i + 2..(i + 4).min(n)).any(figure);
    let to_price = (i + 1..(i + 7).min(n))
        .take_while(|&k| ctx.same_clause(i, k))
        .any(|k| matches!(ctx.lower(k), "to" | "over" | "above"));
    (before || after) && to_price
}

/// Verbs before "stable" that say nothing changed. Strings, not literals: these words start
/// no rule (see `scripts/gen_news_vocab.py`).
const STAYED: &str = "remained remain remains stayed stay stays was were is are";
/// Adjectives that name a kind of shareholders' meeting.
const MEETING_KINDS: &str = "extraordinary special";
/// Debts that "mature".
const DEBTS: &str = "bond bonds notes note loan loans debt securities debentures bills";
/// Who approves as a matter of form: the owners, at their meeting.
const OWNERS_MEETING: &str = "shareholders shareholder stockholders meeting agm egm";
/// What is "joint" in company news.
const JOINT_NOUNS: &str = "venture ventures statement bid offer project company declaration \
    operation operations stake owner owners effort account committee press session";
/// What is "waste" as a trade.
const WASTE_NOUNS: &str = "management disposal collection treatment water heat recycling \
    paper services incineration";
/// Verbs that make an agreement a signed document.
const SIGNING: &str = "sign signs signed signing ink inks inked";

/// Whether "agreement" at `i` is a document: signed (within three words either way, in its
/// clause) or named as the one at hand ("the agreement", "this agreement", "under the
/// agreement") and not one reached.
fn document_agreement(ctx: &super::Ctx, i: usize) -> bool {
    let n = ctx.words.len();
    let signed = (i.saturating_sub(4)..(i + 4).min(n))
        .filter(|&j| j != i && ctx.same_clause(i, j))
        .any(|j| super::in_word_list(SIGNING, ctx.lower(j)));
    let definite = i >= 1 && matches!(ctx.lower(i - 1), "the" | "this" | "that");
    let reached = (i.saturating_sub(3)..i).any(|j| {
        matches!(
            ctx.lower(j),
            "reach" | "reached" | "reaches" | "reaching" | "struck" | "strike"
        )
    });
    (signed || definite) && !reached
}

/// Words of a name carry no tone: in "listed on the First North Growth Market", "Liberty
/// Mutual said" or "the Peace Corps", "Growth", "Liberty" and "Peace" name something. A name
/// here is two or more capitalised words in a row away from the sentence start (the first word
/// of a sentence is capitalised anyway); ALL-CAPS words are VADER's emphasis and stay. A
/// sentence with most words capitalised is a headline in title case: left alone.
fn names(ctx: &super::Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let capitalised = ctx.capital.iter().filter(|&&c| c).count();
    if n < 3 || capitalised * 2 >= n {
        return;
    }
    let name_word =
        |k: usize| k >= 1 && ctx.capital[k] && !ctx.words[k].upper && ctx.words[k].lower.len() > 1;
    for (i, v) in valences.iter_mut().enumerate().skip(1) {
        if *v != 0.0
            && name_word(i)
            && ((name_word(i - 1) && ctx.same_clause(i - 1, i))
                || (i + 1 < n && name_word(i + 1) && ctx.same_clause(i, i + 1)))
        {
            *v = 0.0;
        }
    }
}

/// Words after "crude" that make it oil ("crude oil", "crude futures"), and before it ("Brent
/// crude"). Strings, not literals: they start no rule (see `scripts/gen_news_vocab.py`).
const OIL_AFTER: &str = "oil futures price prices inventories stocks output exports imports \
    production supplies supply tanker tankers benchmark";
const OIL_BEFORE: &str = "brent wti u.s. us light heavy sweet sour benchmark russian urals saudi";

/// Verbs of a deal after "agreed to": "agreed to buy a unit" states a step, not goodwill.
fn is_deal_verb(word: &str) -> bool {
    const DEALS: &str = "buy sell acquire purchase merge form take pay supply invest combine \
        divest license licence settle";
    super::in_word_list(DEALS, word)
}

/// Whether `word` (lowercase) can start a date or a time after "effective": a number, a month,
/// a weekday, "immediately", "from", "as" (of), "today".
fn starts_a_date(word: &str) -> bool {
    const MONTHS_AND_DAYS: &str = "january february march april may june july august september \
        october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday \
        wednesday thursday friday saturday sunday immediately from as today tomorrow";
    word.starts_with(|c: char| c.is_ascii_digit()) || super::in_word_list(MONTHS_AND_DAYS, word)
}

/// "deserve credit": praise, on VADER's scale.
const DESERVED_CREDIT: f64 = 1.5;
/// "deserve better": blame, on VADER's scale.
const DESERVED_BETTER: f64 = -1.2;

/// What "well-" says of a participle that only describes ("well-known", "well-funded").
const WELL_DESCRIPTIVE: &[&str] = &[
    "armed",
    "attended",
    "connected",
    "documented",
    "educated",
    "equipped",
    "established",
    "financed",
    "funded",
    "heeled",
    "known",
    "off",
    "placed",
    "positioned",
    "stocked",
    "traveled",
    "travelled",
];

/// Valences of hyphenated judgements VADER has no entry for: "well-acted" and "well-made" are
/// praise (except descriptions such as "well-known"), "ill-conceived" and "ill-fated" blame,
/// and so do "badly-" and "poorly-" compounds and "half-" with a participle ("half-baked",
/// but not "half-year").
fn compound_valence(word: &str) -> Option<f64> {
    let participle = |rest: &str| {
        rest.ends_with("ed") || rest.ends_with("en") || matches!(rest, "done" | "made" | "shot")
    };
    if let Some(rest) = word.strip_prefix("well-") {
        (participle(rest) && !WELL_DESCRIPTIVE.contains(&rest)).then_some(COMPOUND)
    } else if word.starts_with("ill-") && word.len() > 5 {
        Some(-COMPOUND)
    } else if let Some(rest) = word
        .strip_prefix("badly-")
        .or_else(|| word.strip_prefix("poorly-"))
        .or_else(|| word.strip_prefix("half-"))
    {
        participle(rest).then_some(-COMPOUND)
    } else {
        None
    }
}

/// The valence of a judging compound ("well-acted": VADER rates "good" 1.9, "well" 1.1).
const COMPOUND: f64 = 1.5;

/// Nouns for what treats, relieves or prevents something.
fn is_remedy(word: &str) -> bool {
    matches!(
        word,
        "drug"
            | "drugs"
            | "treatment"
            | "treatments"
            | "therapy"
            | "therapies"
            | "vaccine"
            | "vaccines"
            | "pill"
            | "pills"
            | "medicine"
            | "medicines"
            | "cure"
            | "research"
            | "screening"
            | "detection"
            | "prevention"
            | "insurance"
            | "relief"
    )
}

/// "lies in", "lie ahead", "lying on": the verb of place, not of deceit, when a place or
/// direction word follows ("the problem lies in the script", "the blame lies with the board");
/// "lies about" and "lying to" stay deceit.
fn lies_of_place(ctx: &super::Ctx, i: usize) -> bool {
    matches!(ctx.lower(i), "lies" | "lie" | "lying")
        && i + 1 < ctx.words.len()
        && matches!(
            ctx.lower(i + 1),
            "in" | "with"
                | "at"
                | "ahead"
                | "behind"
                | "within"
                | "beyond"
                | "between"
                | "on"
                | "outside"
                | "elsewhere"
                | "dormant"
                | "low"
                | "still"
                | "beneath"
                | "under"
                | "near"
                | "across"
                | "somewhere"
        )
}

/// Praise and blame through "deserve": "deserve credit" is praise although "credit" is a plain
/// word of finance here; "voters deserve better" is blame although "better" is a good word.
fn deserved(ctx: &super::Ctx, valences: &mut [f64]) {
    for (i, v) in valences.iter_mut().enumerate().skip(1) {
        if !matches!(ctx.lower(i - 1), "deserve" | "deserves" | "deserved") {
            continue;
        }
        match ctx.lower(i) {
            "credit" => *v = DESERVED_CREDIT,
            "better" => *v = DESERVED_BETTER,
            _ => {}
        }
    }
}

/// Remedies: a bad word naming what a remedy treats is not bad news ("cancer drug", "lung cancer
/// pill", "fraud detection", "debt relief"): its valence goes, up to two words before the remedy.
pub(crate) fn remedies(ctx: &super::Ctx, valences: &mut [f64]) {
    deserved(ctx, valences);
    set_phrases(ctx, valences);
    names(ctx, valences);
    for (i, v) in valences.iter_mut().enumerate() {
        if ctx.special[i] && lies_of_place(ctx, i) {
            *v = 0.0;
        }
    }
    for i in 1..ctx.words.len() {
        if ctx.special[i] && is_remedy(ctx.lower(i)) {
            let from = i.saturating_sub(2);
            for (j, v) in valences.iter_mut().enumerate().take(i).skip(from) {
                if *v < 0.0 && ctx.same_clause(i, j) {
                    *v = 0.0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::news::{score_sentence_with, Rules};

    /// The score with the lexicon unit alone.
    fn lexicon_only(text: &str) -> f64 {
        let on = Rules {
            lexicon: true,
            ..Rules::NONE
        };
        score_sentence_with(text, None, &on).score
    }

    #[test]
    fn table_is_sorted_unique_lowercase_and_on_vader_scale() {
        for pair in NEWS_LEXICON.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        for (w, v) in NEWS_LEXICON {
            assert_eq!(w.to_lowercase(), *w);
            assert!((-4.0..=4.0).contains(v), "{w}");
        }
    }

    #[test]
    fn news_words_score_as_rated() {
        struct Case {
            text: &'static str,
            sign: i8,
        }
        let cases = [
            // Added finance vocabulary.
            Case {
                text: "Analysts downgrade the bank",
                sign: -1,
            },
            Case {
                text: "Broker upgrades the miner",
                sign: 1,
            },
            Case {
                text: "The retailer files for bankruptcy",
                sign: -1,
            },
            Case {
                text: "Layoffs hit the car plant",
                sign: -1,
            },
            Case {
                text: "Investors turn bullish on the sector",
                sign: 1,
            },
            // VADER entries that are plain words in news.
            Case {
                text: "United Nations security council meets",
                sign: 0,
            },
            Case {
                text: "Shares of the company traded at 40 pence",
                sign: 0,
            },
            Case {
                text: "Interest rates held at 5%",
                sign: 0,
            },
            Case {
                text: "It looked like a normal Tuesday",
                sign: 0,
            },
            // Boosters keep working on news words.
            Case {
                text: "The bank is not bullish",
                sign: -1,
            },
        ];
        for c in cases {
            let got = lexicon_only(c.text);
            let sign = if got > 0.05 {
                1
            } else if got < -0.05 {
                -1
            } else {
                0
            };
            assert_eq!(sign, c.sign, "{:?}: {got}", c.text);
        }
    }

    #[test]
    fn praise_and_blame_through_deserve() {
        let score = lexicon_only;
        assert!(score("Lawmakers deserve credit for passing a budget") > 0.05);
        assert!(score("Voters deserve better than empty promises") < -0.05);
        assert!(score("Lawmakers took on credit to pass a budget").abs() < 0.05);
    }

    #[test]
    fn set_phrases_say_something_else_together() {
        let score = |t: &str| crate::news::score_sentence(t, None).score;
        // (text, expected sign)
        for (t, sign) in [
            ("Scrapping the levy is the right call", 1.0),
            ("The central bank is right to hold its nerve", 1.0),
            ("Free school meals are a policy that pays for itself", 1.0),
            ("The review earned only faint praise", -1.0),
        ] {
            assert!(score(t) * sign > 0.05, "{t:?}: {}", score(t));
        }
        for t in [
            "Citizens have the right to vote",
            "Exports grew for a third straight quarter of the year",
            "Ambassador Quell spoke on Tuesday",
            "Critics argue that the guidelines need a review",
            "The verdict is due on Monday",
        ] {
            let plain = t.replace("straight ", "").replace("Quell", "Okafor");
            assert!(
                (score(t) - score(&plain)).abs() < 1e-9 || score(t).abs() < 0.05,
                "{t:?}: {}",
                score(t)
            );
        }
    }

    #[test]
    fn badly_grades_a_need() {
        let score = lexicon_only;
        assert!(score("The reforms are fair and badly needed") > 0.05);
        assert!(score("The reforms were badly drafted") < -0.05);
    }

    #[test]
    fn judging_compounds() {
        for (word, sign) in [
            ("well-acted", 1.0),
            ("well-made", 1.0),
            ("ill-conceived", -1.0),
            ("ill-fated", -1.0),
            ("half-baked", -1.0),
            ("poorly-written", -1.0),
        ] {
            assert_eq!(compound_valence(word), Some(sign * COMPOUND), "{word}");
        }
        for word in [
            "well-known",
            "well-funded",
            "half-year",
            "well-",
            "ill-",
            "x-ray",
        ] {
            assert_eq!(compound_valence(word), None, "{word}");
        }
        let on = Rules {
            opinion: true,
            ..Rules::NONE
        };
        let t = "A sensitive, well-acted drama";
        assert!(
            score_sentence_with(t, None, &on).score
                > score_sentence_with(t, None, &Rules::NONE).score
        );
    }

    #[test]
    fn lies_of_place_are_not_deceit() {
        for text in [
            "The answer lies in the data",
            "The real test lies ahead",
            "The documents were lying on the desk",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
            assert!(score_sentence_with(text, None, &Rules::NONE).score < -0.05);
        }
        for text in ["He lies about his age", "They were lying to investors"] {
            assert!(lexicon_only(text) < -0.05, "{text:?}");
        }
    }

    #[test]
    fn dates_and_successions_are_not_praise() {
        for text in [
            "Holm was appointed finance chief, effective 1 March",
            "The change is effective immediately",
            "Holm takes over as chief executive, succeeding Peter Lund",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
            assert!(score_sentence_with(text, None, &Rules::NONE).score > 0.05);
        }
        for text in ["The vaccine is effective", "The rescue plan succeeded"] {
            assert!(lexicon_only(text) > 0.05, "{text:?}");
        }
    }

    #[test]
    fn oil_and_deal_steps_are_plain_words() {
        for text in [
            "Brent crude was little changed at $78 a barrel",
            "Crude oil inventories were published on Wednesday",
            "Sandvik agreed to buy a maker of drill bits",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
            assert!(score_sentence_with(text, None, &Rules::NONE).score.abs() > 0.05);
        }
        assert!(lexicon_only("The humour is crude") < -0.05);
        assert!(lexicon_only("Both sides agreed on the need for calm") > 0.05);
    }

    #[test]
    fn company_formalities_are_plain_words() {
        for text in [
            "The agreement was signed in Stockholm on Tuesday.",
            "The company has signed a cooperation agreement with a Chinese distributor.",
            "Under the agreement, Valeria will acquire a 51% stake.",
            "Fitch affirmed the group's BBB rating with a stable outlook.",
            "Demand remained stable throughout the year.",
            "Shareholders approved the merger at an extraordinary general meeting.",
            "The bonds mature in 2030.",
            "Trading in the shares was suspended pending an announcement.",
            "The board resolved to issue new shares.",
            "The joint venture will be owned by both partners.",
            "Demand for waste management services grew.",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
        }
        for text in [
            "The two sides reached an agreement on prices.",
            "The regulator approved the merger.",
            "He resolved it.",
            "The patient is in a stable condition.",
        ] {
            assert!(lexicon_only(text) > 0.05, "{text:?}");
        }
        assert!(lexicon_only("The strike was suspended after a week of violence.") < -0.05);
    }

    #[test]
    fn company_terms_read_as_investors_read_them() {
        for text in [
            "The offer covers 5 % of the outstanding shares.",
            "Brandt Versicherung offers property and casualty insurance.",
            "Rintala is a debt collection agency.",
            "Aarne Tuominen will be succeeded by Kari Lehtola.",
        ] {
            assert!(lexicon_only(text).abs() <= 0.05, "{text:?}");
        }
        for text in [
            "Lannen Kone will close its component factory in Lahti.",
            "Stora Enso will permanently shut down a paper machine at its mill.",
            "The authority fined the dairy EUR 3.1 mn for market sharing.",
            "The rights issue was undersubscribed.",
            "Ruukkila will start co-determination negotiations.",
            "The market remained challenging.",
        ] {
            assert!(lexicon_only(text) < -0.05, "{text:?}");
        }
        assert!(lexicon_only("Kesko will open a new hypermarket in Lahti.") > 0.05);
        assert_eq!(
            lexicon_only("Brandt offers property, casualty and life insurance."),
            0.0
        );
        // A deal closes without bad news.
        assert!(lexicon_only("The company will close the acquisition in May.") > -0.05);
    }

    #[test]
    fn functions_cases_and_contracts_read_as_investors_read_them() {
        // Written after tune batches 12 and 13.
        for text in [
            "The bank's risk committee meets four times a year.",
            "She heads the crisis management unit at the insurer.",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
        }
        assert!(lexicon_only("The crisis deepened over the summer.") < -0.05);
        assert!(lexicon_only("Lindqvist won its lawsuit against a former supplier.") > 0.05);
        assert!(lexicon_only("The airline lost its appeal against the fine.") < -0.05);
        assert!(lexicon_only("The dispute with the union continues.") < -0.05);
        // "benefit" names a service here; losing the contract is the news.
        assert!(lexicon_only("Hallam Services lost the contract to run benefit payments.") < -0.05);
    }

    #[test]
    fn savings_are_good_news_but_a_savings_bank_is_a_bank() {
        assert!(lexicon_only("The programme will bring annual savings of EUR 25 mn.") > 0.05);
        assert_eq!(
            lexicon_only("Nordvik Savings Bank opened a branch in Tromso."),
            0.0
        );
        assert_eq!(
            lexicon_only("The deal values the company at GBP 1.3bn, including debt."),
            0.0
        );
    }

    #[test]
    fn a_premium_offered_is_good_news() {
        for text in [
            "The offer represents a premium of 38 percent to the closing price.",
            "The bid is a 25% premium over Friday's close.",
        ] {
            assert!(lexicon_only(text) > 0.05, "{text:?}");
        }
        assert_eq!(
            lexicon_only("Fitch affirmed the issuer default rating."),
            0.0
        );
    }

    #[test]
    fn a_condition_is_not_good_news() {
        let text = "The deal is expected to close in March, subject to regulatory approval";
        assert_eq!(lexicon_only(text), 0.0);
        assert!(score_sentence_with(text, None, &Rules::NONE).score > 0.05);
        assert!(lexicon_only("The fund is subject to abuse") < -0.05);
    }

    #[test]
    fn words_of_a_name_carry_no_tone() {
        for text in [
            "The shares will be listed on the First North Growth Market in June",
            "A spokesman for Liberty Mutual declined to comment",
        ] {
            assert_eq!(lexicon_only(text), 0.0, "{text:?}");
            assert!(score_sentence_with(text, None, &Rules::NONE).score > 0.05);
        }
        // A sentence's first word, a lone capital and a headline in title case keep theirs.
        for text in [
            "Growth returned to the region in June",
            "Analysts expect Growth to return",
            "Strong Growth Lifts Shares At Acme",
        ] {
            assert!(lexicon_only(text) > 0.05, "{text:?}");
        }
    }

    #[test]
    fn remedies_are_not_the_disease() {
        for (text, positive) in [
            ("AstraZeneca buys a lung cancer drug", false),
            ("The EU approved the cancer drug", true),
            ("Cancer rates rose", false),
        ] {
            let got = lexicon_only(text);
            if positive {
                assert!(got > 0.05, "{text:?}: {got}");
            } else {
                assert!(
                    got.abs() <= 0.05 || text.starts_with("Cancer"),
                    "{text:?}: {got}"
                );
            }
        }
        assert!(lexicon_only("Cancer rates rose") < 0.0);
    }

    #[test]
    fn vader_entries_change_only_where_rated() {
        assert_eq!(news_valence("shares"), Some(0.0));
        assert_eq!(news_valence("profit"), None, "VADER's own rating stands");
        assert_eq!(
            news_valence("rose"),
            None,
            "direction words are scored by their rule"
        );
    }
}
