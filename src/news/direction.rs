//! Direction and change: a word that moves a quantity takes its sign from what moves.
//!
//! `valence = direction × sign(quantity) × BASE × strength`, on the word that moves; the
//! quantity's own valence is then absorbed (so "loss narrowed" is good although "loss" is bad):
//!
//! | text | direction | quantity | valence |
//! |---|---|---|---|
//! | "profit rose" | up | profit + | + |
//! | "loss narrowed" | down | loss − | + |
//! | "costs fell" / "cut costs" | down | costs − | + |
//! | "sales fell" / "cut 500 jobs" | down | sales +, jobs + | − |
//! | "violence rose" / "eased fears" | up / down | VADER's own sign | − / + |
//!
//! * The quantity is found in the same clause: up to 3 words back (the subject: "pretax profit at
//!   Tesco rose", "jobs were cut"), or up to 4 words ahead for verbs that take an object ("cut
//!   its dividend", "narrower loss") and right after "in"/"of" ("a rise in unemployment").
//!   A quantity noun modified by another takes the modifier's sign ("unemployment rate",
//!   "growth rate"). Words of VADER's lexicon count as quantities with their own sign, nearby.
//!   In a subject "X of / for (a) Y", X is the head that moves ("fears of a recession eased").
//! * Strength: the verb's own (plunge 2, rise 1, slip 0.7), times 1.3 after "sharply" and alike,
//!   0.6 after "slightly" and alike. A negation in the 3 words before flips it as VADER does.
//! * No quantity: the verb alone is mildly up or down news ("X falls 5%"); verbs with a VADER
//!   valence keep it, and removal verbs ("ended", "halted") need an object, or, with nothing
//!   after them but an adverb or a time, end their subject ("the strike ended peacefully").
//! * **Expectations**: "beat / topped / missed / fell short of (analysts') estimates", "above /
//!   below forecasts" score ±[`EXPECTATION`]; "in line with expectations" is neutral.
//! * **From X to Y**: numbers ("from 50p to 65p", "to 65p from 50p") give the direction of a
//!   nearby verb or, with none, of the phrase itself; broker ratings ("from buy to hold") score
//!   ±[`EXPECTATION`] by the rating scale sell < reduce < hold < buy.
//! * "profit warning" and alike (a good quantity + "warning") is a warning.

use super::Ctx;

/// The valence of a unit move (direction × quantity), before strength.
pub(crate) const BASE: f64 = 1.5;
/// The valence of a move with no quantity found, before strength.
pub(crate) const FALLBACK: f64 = 0.9;
/// Beating or missing expectations; a rating change.
pub(crate) const EXPECTATION: f64 = 2.0;
/// "profit warning".
pub(crate) const PROFIT_WARNING: f64 = -2.5;
/// What a bad word after "against" becomes, as a factor of its valence.
const AGAINST: f64 = -0.5;
/// VADER's negation scalar.
const NEGATED: f64 = crate::vader::N_SCALAR;
/// Largest magnitude a composed valence reaches.
const MAX_VALENCE: f64 = 3.5;

/// A word that moves a quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Dir {
    /// +1 up, -1 down.
    pub(crate) sign: f64,
    /// Strength of the move.
    pub(crate) strength: f64,
    /// Takes an object ("cut jobs", "lower profit").
    pub(crate) transitive: bool,
    /// Scores on its own when no quantity is found.
    pub(crate) fallback: bool,
}

const fn dir(sign: f64, strength: f64, transitive: bool, fallback: bool) -> Dir {
    Dir {
        sign,
        strength,
        transitive,
        fallback,
    }
}

/// The direction word table.
pub(crate) fn direction(word: &str) -> Option<Dir> {
    Some(match word {
        "rise" | "rises" | "rose" | "risen" | "rising" | "grow" | "grows" | "grew" | "grown"
        | "growing" | "gain" | "gains" | "gained" | "gaining" | "climb" | "climbs" | "climbed"
        | "climbing" | "recover" | "recovers" | "recovered" => dir(1.0, 1.0, false, true),
        "increase" | "increases" | "increased" | "increasing" | "raise" | "raises" | "raised"
        | "raising" | "hike" | "hikes" | "hiked" | "expand" | "expands" | "expanded" | "widen"
        | "widens" | "widened" | "widening" => dir(1.0, 1.0, true, true),
        "boost" | "boosts" | "boosted" | "boosting" => dir(1.0, 1.2, true, true),
        // What a plan does to a capacity: "weakened the regulator's ability", "bolstered
        // demand". With no quantity they keep VADER's valence.
        "strengthen" | "strengthens" | "strengthened" | "strengthening" | "bolster"
        | "bolsters" | "bolstered" | "bolstering" => dir(1.0, 1.0, true, true),
        "weaken" | "weakens" | "weakened" | "weakening" | "undermine" | "undermines"
        | "undermined" | "undermining" => dir(-1.0, 1.0, true, true),
        "lift" | "lifts" | "lifted" | "lifting" | "ups" => dir(1.0, 1.0, true, true),
        "higher" | "bigger" | "larger" | "wider" | "up" | "higher-than-expected" => {
            dir(1.0, 0.8, true, true)
        }
        "advance" | "advances" | "advanced" => dir(1.0, 0.8, false, true),
        "rebound" | "rebounds" | "rebounded" | "rally" | "rallies" | "rallied" | "rallying"
        | "jump" | "jumps" | "jumped" | "jumping" | "spike" | "spikes" | "spiked" => {
            dir(1.0, 1.5, false, true)
        }
        "double" | "doubles" | "doubled" => dir(1.0, 1.5, true, true),
        "surge" | "surges" | "surged" | "surging" | "soar" | "soars" | "soared" | "soaring"
        | "rocket" | "rockets" | "rocketed" | "skyrocketed" => dir(1.0, 2.0, false, true),
        "fall" | "falls" | "fell" | "fallen" | "falling" | "drop" | "drops" | "dropped"
        | "dropping" | "decline" | "declines" | "declined" | "declining" | "slide" | "slides"
        | "slid" | "sliding" => dir(-1.0, 1.0, false, true),
        "decrease" | "decreases" | "decreased" | "shrink" | "shrinks" | "shrank" | "shrunk"
        | "narrow" | "narrows" | "narrowed" | "narrowing" | "cut" | "cuts" | "cutting"
        | "reduce" | "reduces" | "reduced" | "reducing" | "lower" | "lowers" | "lowered"
        | "lowering" | "shed" | "sheds" | "shedding" => dir(-1.0, 1.0, true, true),
        "smaller" | "narrower" | "down" | "lower-than-expected" => dir(-1.0, 0.8, true, true),
        // Nouns of a cut: "the reduction of 75 jobs", "a reduction in costs". With nothing to
        // move they keep their plain valence.
        "reduction" | "reductions" => dir(-1.0, 1.0, true, false),
        "dip" | "dips" | "dipped" | "slip" | "slips" | "slipped" => dir(-1.0, 0.7, false, true),
        "fade" | "fades" | "faded" | "fading" => dir(-1.0, 0.8, false, true),
        "hit" | "hits" | "dent" | "dents" | "dented" | "squeeze" | "squeezes" | "squeezed"
        | "erode" | "erodes" | "eroded" | "knock" | "knocks" | "knocked" | "drag" | "drags"
        | "dragged" | "weigh" | "weighs" | "weighed" => dir(-1.0, 1.0, true, true),
        // Only with an object: "eats into profit".
        "eat" | "eats" | "ate" | "eating" => dir(-1.0, 1.0, true, false),
        "wipe" | "wipes" | "wiped" => dir(-1.0, 1.5, true, true),
        "tank" | "tanks" | "tanked" => dir(-1.0, 1.7, false, true),
        "ease" | "eases" | "eased" | "easing" | "trim" | "trims" | "trimmed" => {
            dir(-1.0, 0.7, true, true)
        }
        "slash" | "slashes" | "slashed" | "halve" | "halves" | "halved" => {
            dir(-1.0, 1.5, true, true)
        }
        "sink" | "sinks" | "sank" | "sunk" | "tumble" | "tumbles" | "tumbled" | "tumbling"
        | "slump" | "slumps" | "slumped" | "slumping" | "dive" | "dives" | "dived" => {
            dir(-1.0, 1.7, false, true)
        }
        "plunge" | "plunges" | "plunged" | "plunging" | "plummet" | "plummets" | "plummeted"
        | "crash" | "crashes" | "crashed" => dir(-1.0, 2.0, false, true),
        // Removal: good when what ends is bad ("ended the war"); nothing on their own.
        "end" | "ends" | "ended" | "ending" | "halt" | "halts" | "halted" | "stop" | "stops"
        | "stopped" | "curb" | "curbs" | "curbed" | "avert" | "averts" | "averted" | "prevent"
        | "prevents" | "prevented" | "quell" | "quelled" | "defuse" | "defused" | "combat"
        | "combats" | "combating" | "tackle" | "tackles" | "tackling" | "fight" | "fights"
        | "fighting" | "fought" | "avoid" | "avoids" | "avoided" | "avoiding" | "address"
        | "addresses" | "addressed" | "addressing" | "resolve" | "resolves" | "resolved"
        | "resolving" | "overcome" | "overcomes" | "overcame" | "alleviate" | "alleviated"
        | "eliminate" | "eliminates" | "eliminated" | "discontinue" | "discontinues"
        | "discontinuing" => dir(-1.0, 1.0, true, false),
        _ => return None,
    })
}

fn is_lift(word: &str) -> bool {
    matches!(word, "lift" | "lifts" | "lifted" | "lifting")
}

/// What is lifted when it ends: "lift sanctions" removes them, "lift sales" raises them.
const RESTRICTIONS: &[&str] = &[
    "ban",
    "bans",
    "blockade",
    "curbs",
    "curfew",
    "designation",
    "embargo",
    "embargoes",
    "freeze",
    "lockdown",
    "moratorium",
    "restrictions",
    "sanction",
    "sanctions",
    "siege",
    "suspension",
    "tariff",
    "tariffs",
];

fn is_restriction(word: &str) -> bool {
    RESTRICTIONS.contains(&word)
}

/// Nouns that are quantities with a sign: more of them is good (+1) or bad (-1) news.
pub(crate) fn quantity(word: &str) -> Option<f64> {
    Some(match word {
        "profit" | "profits" | "earnings" | "revenue" | "revenues" | "sales" | "turnover"
        | "income" | "ebitda" | "ebit" | "eps" | "margin" | "margins" | "output" | "production"
        | "productivity" | "orders" | "bookings" | "demand" | "exports" | "shares" | "share"
        | "stock" | "stocks" | "equities" | "valuation" | "value" | "dividend" | "dividends"
        | "payout" | "jobs" | "employment" | "hiring" | "payrolls" | "growth" | "gdp"
        | "forecast" | "forecasts" | "guidance" | "outlook" | "target" | "targets" | "rating"
        | "ratings" | "estimate" | "estimates" | "traffic" | "subscribers" | "customers"
        | "users" | "volumes" | "volume" | "surplus" | "cash" | "index" | "market" | "markets"
        | "ftse" | "dow" | "nasdaq" | "nikkei" | "futures" | "confidence" | "optimism"
        | "hopes" | "wages" | "occupancy" => 1.0,
        "loss" | "losses" | "costs" | "cost" | "expenses" | "debt" | "debts" | "deficit" | "deficits"
        | "borrowing" | "unemployment" | "jobless" | "layoffs" | "redundancies" | "inflation"
        | "rate" | "rates" | "taxes" | "tax" | "toll" | "casualties" | "deaths" | "arrears"
        | "defaults" | "delinquencies" | "writedowns" | "impairments" | "charges"
        | "liabilities" | "leverage" | "risk" | "risks" | "volatility" | "uncertainty" | "emissions"
        | "crime" | "poverty" | "fears" | "worries" | "concerns" | "tensions" | "inventories"
        // What households pay: news of a rise is bad news for the reader.
        | "bills" | "rent" | "rents" | "fares" | "premiums" | "fees" | "tuition"
        // What a public service owes: "cut the backlog of referrals in half". An order
        // backlog is a maker's good news ([`compound_quantity`]).
        | "backlog" | "backlogs" | "waits" => -1.0,
        _ => return None,
    })
}

/// Verbs of damage: what they hit is their object (or, passive, their subject).
fn is_damage(word: &str) -> bool {
    matches!(
        word,
        "hit"
            | "hits"
            | "dent"
            | "dents"
            | "dented"
            | "squeeze"
            | "squeezes"
            | "squeezed"
            | "erode"
            | "erodes"
            | "eroded"
            | "knock"
            | "knocks"
            | "knocked"
            | "drag"
            | "drags"
            | "dragged"
            | "weigh"
            | "weighs"
            | "eat"
            | "eats"
            | "ate"
            | "eating"
            | "weighed"
            | "wipe"
            | "wipes"
            | "wiped"
    )
}

/// Whether "weigh" at `i` means to consider ("traders weighed supply cuts", "is weighing a
/// sale", "weighed in"), not to burden: the burden takes "on", "down" or "heavily", or ends its
/// clause ("worries weighed").
// The list is one string: these words start no rule (scripts/gen_news_vocab.py).
fn considers(ctx: &Ctx, i: usize) -> bool {
    const BURDEN_NEXT: &str = "on upon down heavily further again";
    matches!(ctx.lower(i), "weigh" | "weighs" | "weighed" | "weighing")
        && i + 1 < ctx.words.len()
        && ctx.same_clause(i, i + 1)
        && !super::in_word_list(BURDEN_NEXT, ctx.lower(i + 1))
}

/// Whether "narrow" at `i` is the adjective of size after a determiner ("in a narrow range",
/// "by a narrow margin", "a narrow victory"), not the verb ("losses narrow", "to narrow the gap").
fn narrow_size(ctx: &Ctx, i: usize) -> bool {
    i >= 1 && ctx.lower(i) == "narrow" && matches!(ctx.lower(i - 1), "a" | "an" | "the" | "its")
}

/// What households buy: a rise in these prices is bad news for the reader ("food prices rose",
/// "petrol prices doubled"); a share or house price is not one of them.
// One string, not a list of literals: these words only qualify "price(s)" and start no rule, so
// they stay out of the units' vocabulary (scripts/gen_news_vocab.py) and keep their lexicon values.
const HOUSEHOLD_GOODS: &str = "bread consumer diesel electricity energy food fuel gas gasoline grain grocery heating medicine petrol power rice wheat";

/// Whether word `j` is "price(s)" of something households buy.
/// Quantities named by two words, whose second word alone is none or another: "order backlog"
/// and "order intake" (a court's backlog is bad news, a maker's good), "combined ratio" and
/// "cost-income ratio" (lower is better), "equity ratio" (higher is better); "waiting lists"
/// and "waiting times" (shorter is better; a public service's "backlog" is one too); an insurer's
/// "written premiums" (its sales, where a household's "premiums" are a bill) and a lender's
/// "risk provisions" or "loan loss provisions" (a cost).
pub(crate) fn compound_quantity(ctx: &Ctx, j: usize) -> Option<f64> {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const COST_RATIOS: &str = "combined cost-income cost-to-income expense loss cost";
    const STRENGTH_RATIOS: &str = "equity solvency capital tier";
    const COST_PROVISIONS: &str = "risk loss credit impairment";
    let orders_after = j + 2 < ctx.words.len()
        && ctx.lower(j + 1) == "of"
        && matches!(ctx.lower(j + 2), "orders" | "order");
    if matches!(ctx.lower(j), "backlog" | "backlogs") && orders_after {
        return Some(1.0);
    }
    if j == 0 || !ctx.same_clause(j - 1, j) {
        return None;
    }
    let before = ctx.lower(j - 1);
    match ctx.lower(j) {
        "backlog" | "backlogs" | "intake" if before == "order" => Some(1.0),
        "lists" | "list" | "times" if before == "waiting" => Some(-1.0),
        "ratio" if super::in_word_list(COST_RATIOS, before) => Some(-1.0),
        "ratio" if super::in_word_list(STRENGTH_RATIOS, before) => Some(1.0),
        "premiums" | "premium" if before == "written" => Some(1.0),
        "provisions" | "provision" if super::in_word_list(COST_PROVISIONS, before) => Some(-1.0),
        _ => None,
    }
}

/// A quantity at `j`: the table's ([`quantity`]), or a two-word one ([`compound_quantity`]).
pub(crate) fn quantity_in(ctx: &Ctx, j: usize) -> Option<f64> {
    // The two-word reading first: "written premiums" are not the household's "premiums".
    compound_quantity(ctx, j).or_else(|| ctx.roles[j].and_then(|r| r.qty))
}

fn household_price(ctx: &Ctx, j: usize) -> bool {
    j >= 1
        && matches!(ctx.lower(j), "price" | "prices")
        && ctx.same_clause(j - 1, j)
        && super::in_word_list(HOUSEHOLD_GOODS, ctx.lower(j - 1))
}

/// The head of a quantity written "per" something or "before / after" a charge: "loss per
/// share" is a loss, "profit before taxes" a profit. `j` is the quantity word; the head is two
/// words before the "per".
pub(crate) fn per_head(ctx: &Ctx, j: usize) -> usize {
    let qty = |k: usize| ctx.roles[k].and_then(|r| r.qty);
    // A string, not literals, so "before" stays out of the units' vocabulary.
    let link = j >= 1 && super::in_word_list("per before after", ctx.lower(j - 1));
    if j >= 2 && link && qty(j - 2).is_some() && ctx.same_clause(j - 2, j) {
        j - 2
    } else {
        j
    }
}

/// Prepositions that open a phrase inside a subject ("rents in the city centre", "profit at
/// the unit", "sales across Asia", "sales of the premium line").
fn subject_preposition(word: &str) -> bool {
    matches!(word, "in" | "at" | "across" | "for" | "from" | "on" | "of")
}

/// Comparative adjectives of size, which follow what they compare ("costs were higher").
fn comparative(word: &str) -> bool {
    matches!(
        word,
        "higher" | "lower" | "bigger" | "smaller" | "larger" | "wider" | "narrower"
    )
}

/// How many words right before `i` state a copula and an amount ("were 5 percent", "was EUR
/// 2.1 mn"): up to six, and none unless a copula starts the run.
fn stated_amount_before(ctx: &Ctx, i: usize) -> usize {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const COPULAS: &str = "was were is are been remained";
    const UNITS: &str = "percent per cent % percentage points point basis eur usd sek nok dkk \
        gbp chf $ € £ mn million bn billion mln";
    let run = (1..=6.min(i))
        .take_while(|&d| {
            let k = i - d;
            ctx.same_clause(k, i)
                && (number(ctx, k).is_some()
                    || super::in_word_list(UNITS, ctx.lower(k))
                    || super::in_word_list(COPULAS, ctx.lower(k)))
        })
        .count();
    // The run must reach back to its copula: "were 5 percent", not "5 percent".
    (1..=run)
        .rev()
        .find(|&d| super::in_word_list(COPULAS, ctx.lower(i - d)))
        .unwrap_or(0)
}

/// How many words right before `i` form a chain that ends in "be" or "been" and states what
/// is expected of the subject before it ("is expected to be", "will be", "is likely to have
/// been"): up to six, and none for a lone "be".
fn copula_chain_before(ctx: &Ctx, i: usize) -> usize {
    // A string, not literals: these words start no rule (see gen_news_vocab.py).
    const CHAIN: &str = "is are was were be been will would could may might should can to \
        have has expected forecast forecasted projected seen likely set estimated predicted \
        anticipated unlikely also still now";
    if i < 2 || !matches!(ctx.lower(i - 1), "be" | "been") {
        return 0;
    }
    let run = (1..=6.min(i))
        .take_while(|&d| {
            let k = i - d;
            ctx.same_clause(k, i) && super::in_word_list(CHAIN, ctx.lower(k))
        })
        .count();
    if run >= 2 {
        run
    } else {
        0
    }
}

/// Nouns that measure something named before them ("unemployment rate", "death toll").
fn is_measure(word: &str) -> bool {
    matches!(
        word,
        "rate"
            | "rates"
            | "level"
            | "levels"
            | "figures"
            | "numbers"
            | "index"
            | "count"
            | "data"
            | "claims"
            | "toll"
    )
}

/// How far (words) after a verb of expectation its noun may be.
const EXPECTATION_REACH: usize = 6;

/// Levels reached: "hit a 10-month high", "new record" are good, "three-week low" bad.
fn level(word: &str) -> Option<f64> {
    match word {
        "high" | "highs" | "record" | "peak" | "peaks" => Some(1.0),
        "low" | "lows" | "bottom" | "depths" => Some(-1.0),
        _ => None,
    }
}

/// Verbs of a change of state that take their sign from where they arrive ("swung to a
/// loss", "returned to growth").
fn is_swing(word: &str) -> bool {
    matches!(
        word,
        "swing" | "swings" | "swung" | "swinging" | "return" | "returns" | "returned" | "returning"
    )
}

/// The strength of a swing: a turn from one side to the other is bigger news than a rise.
const SWING: f64 = 1.3;

/// How far after a swing's destination its source ("from a loss", "after a deficit") may stand.
const SWING_SOURCE_REACH: usize = 8;

/// Where a swing arrives, from word `start`: a quantity, or "positive"/"negative" ("a positive
/// EUR 22 mn"), after at most three words of determiners and qualifiers. Its position and sign.
fn destination(ctx: &Ctx, qtys: &[Option<f64>], start: usize) -> Option<(usize, f64)> {
    const QUALIFIERS: &str = "a an the its their operating net pre-tax pretax quarterly annual \
        full-year underlying adjusted small modest slight";
    for j in (start..(start + 4).min(ctx.words.len())).take_while(|&j| ctx.same_clause(start, j)) {
        let sign = match ctx.lower(j) {
            "positive" => Some(1.0),
            "negative" => Some(-1.0),
            _ => qtys[j],
        };
        if let Some(sign) = sign {
            return Some((j, sign));
        }
        if !super::in_word_list(QUALIFIERS, ctx.lower(j)) {
            return None;
        }
    }
    None
}

fn strength_adverb(word: &str) -> Option<f64> {
    match word {
        "sharply" | "steeply" | "strongly" | "dramatically" | "significantly" | "sharp"
        | "steep" | "strong" => Some(1.3),
        "slightly" | "marginally" | "modestly" | "slight" | "modest" => Some(0.6),
        _ => None,
    }
}

/// Words that stop the search ahead for an object.
fn stops_ahead(word: &str) -> bool {
    matches!(
        word,
        "to" | "by"
            | "from"
            | "for"
            | "on"
            | "at"
            | "with"
            | "than"
            | "and"
            | "or"
            | "over"
            | "against"
            | "into"
            | "amid"
            | "as"
    )
}

fn expectation_noun(word: &str) -> bool {
    matches!(
        word,
        "estimates"
            | "estimate"
            | "expectations"
            | "expectation"
            | "forecast"
            | "forecasts"
            | "consensus"
            | "views"
            | "targets"
            | "predictions"
            | "guidance"
    )
}

/// For "above" / "below" at `i` followed by a past level ("last year's level", "the previous
/// year", "a year earlier") or what analysts pencilled in: the quantity compared (the nearest
/// before it in the clause, else `i` itself) and the last word of the reference.
fn past_level(ctx: &Ctx, qtys: &[Option<f64>], used: &[bool], i: usize) -> Option<(usize, usize)> {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const PAST: &str = "level levels year year's year-ago year-earlier previous prior earlier \
        analysts pencilled penciled anticipated predicted";
    let n = ctx.words.len();
    if !matches!(ctx.lower(i), "above" | "below") {
        return None;
    }
    let last = (i + 1..(i + 7).min(n))
        .take_while(|&j| ctx.same_clause(i, j))
        .filter(|&j| super::in_word_list(PAST, ctx.lower(j)))
        .last()?;
    // With no quantity in the clause ("..., below the $260 million analysts had pencilled in"),
    // the figure is taken as a good one, as with expectations.
    let subject = (i.saturating_sub(MAX_SUBJECT)..i)
        .rev()
        .take_while(|&k| ctx.same_clause(k, i))
        .find(|&k| qtys[k].is_some() && !used[k])
        .unwrap_or(i);
    Some((subject, last))
}

/// For "more" / "fewer" / "less" at `i` after a percentage and before "than" a past time ("4.5
/// percent more than a year earlier", "12 % fewer passengers than last year"): the last word of
/// the phrase and the sign of the difference. What is counted is taken as good (passengers,
/// visitors, tonnes delivered) unless a quantity before says otherwise.
fn percent_more_than_before(ctx: &Ctx, i: usize) -> Option<(usize, f64)> {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const PERCENT: &str = "percent % cent pct";
    const PAST: &str = "year earlier ago previous prior last";
    let n = ctx.words.len();
    let sign = match ctx.lower(i) {
        "more" => 1.0,
        "fewer" | "less" => -1.0,
        _ => return None,
    };
    let percentage = i >= 2
        && (super::in_word_list(PERCENT, ctx.lower(i - 1))
            || (ctx.lower(i - 1).ends_with('%') && number(ctx, i - 1).is_some()));
    if !percentage {
        return None;
    }
    let than = (i + 1..(i + 4).min(n))
        .take_while(|&k| ctx.same_clause(i, k))
        .find(|&k| ctx.lower(k) == "than")?;
    let last = (than + 1..(than + 4).min(n))
        .take_while(|&k| ctx.same_clause(i, k))
        .filter(|&k| super::in_word_list(PAST, ctx.lower(k)))
        .last()?;
    Some((last, sign))
}

/// Nouns of a change and their sign: "the improvement", "the decline".
fn change_noun(word: &str) -> Option<f64> {
    match word {
        "improvement" | "improvements" | "increase" | "increases" | "growth" | "rise" | "gain"
        | "gains" | "recovery" | "upturn" => Some(1.0),
        "decline" | "declines" | "decrease" | "fall" | "drop" | "deterioration" | "downturn"
        | "slowdown" | "contraction" => Some(-1.0),
        _ => None,
    }
}

/// For a comparative at `i` ("smaller", "stronger") followed by "than" and a forecast ("than
/// expected", "than analysts had forecast"), with a change noun before it in the clause ("the
/// decline was smaller than forecast"): the first and last word of the phrase and its sign, the
/// change's sign times the comparative's (times the sign of what changes: "the increase in
/// costs").
fn change_against_forecast(
    ctx: &Ctx,
    qtys: &[Option<f64>],
    used: &[bool],
    i: usize,
) -> Option<(usize, usize, f64)> {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const FORECAST: &str = "expected forecast forecasted anticipated feared estimated predicted \
        expectations forecasts estimates hoped thought projected";
    let n = ctx.words.len();
    let comparative = match ctx.lower(i) {
        "smaller" | "less" | "weaker" | "slower" | "lower" | "milder" | "softer" => -1.0,
        "bigger" | "larger" | "greater" | "stronger" | "faster" | "higher" | "steeper" => 1.0,
        _ => return None,
    };
    // "a smaller decline than forecast", "a smaller decline in sales than expected": the
    // change noun right after the comparative, its "than" a few words on.
    let noun_after = (i + 1 < n && ctx.same_clause(i, i + 1))
        .then(|| change_noun(ctx.lower(i + 1)))
        .flatten();
    let than = if noun_after.is_some() {
        (i + 2..(i + 6).min(n))
            .take_while(|&k| ctx.same_clause(i, k))
            .find(|&k| ctx.lower(k) == "than")?
    } else if i + 1 < n && ctx.lower(i + 1) == "than" {
        i + 1
    } else {
        return None;
    };
    let last = (than + 1..(than + 5).min(n))
        .take_while(|&k| ctx.same_clause(i, k))
        .find(|&k| super::in_word_list(FORECAST, ctx.lower(k)))?;
    if let Some(change) = noun_after {
        let what = (i + 2 < than && matches!(ctx.lower(i + 2), "in" | "of"))
            .then(|| (i + 3..than).find_map(|k| qtys[k]))
            .flatten()
            .unwrap_or(1.0);
        return Some((i, last, change * comparative * what));
    }
    if let Some((noun, change)) = (i.saturating_sub(MAX_SUBJECT)..i)
        .rev()
        .take_while(|&k| ctx.same_clause(k, i) && !used[k])
        .find_map(|k| change_noun(ctx.lower(k)).map(|s| (k, s)))
    {
        // "the increase in costs": what changes.
        let what = (noun + 1 < i && matches!(ctx.lower(noun + 1), "in" | "of"))
            .then(|| (noun + 2..i).find_map(|k| qtys[k]))
            .flatten()
            .unwrap_or(1.0);
        return Some((noun, last, change * comparative * what));
    }
    let (subject, change) = change_before_which(ctx, qtys, used, i)?;
    Some((subject, last, change * comparative))
}

/// For a comparative at `i` in a clause "which was / were ..." ("Net sales decreased by 2
/// percent, which was less than the company had anticipated"): the verb of change in the
/// clause before: where its subject starts, and the sign of the change (its direction times its
/// subject's).
fn change_before_which(
    ctx: &Ctx,
    qtys: &[Option<f64>],
    used: &[bool],
    i: usize,
) -> Option<(usize, f64)> {
    // A string, not literals: these words start no rule (see gen_news_vocab.py).
    const COPULAS: &str = "was were";
    if i < 3 || ctx.lower(i - 2) != "which" || !super::in_word_list(COPULAS, ctx.lower(i - 1)) {
        return None;
    }
    let which = i - 2;
    let before = which
        .checked_sub(1)
        .filter(|&k| !ctx.same_clause(k, which))?;
    let verb = (before.saturating_sub(MAX_SUBJECT)..=before)
        .rev()
        .take_while(|&k| ctx.same_clause(k, before))
        .find(|&k| ctx.roles[k].and_then(|r| r.dir).is_some() && !used[k])?;
    let dir = ctx.roles[verb].and_then(|r| r.dir)?;
    let subject = (verb.saturating_sub(4)..verb)
        .rev()
        .take_while(|&k| ctx.same_clause(k, verb))
        .find(|&k| qtys[k].is_some() && !used[k])?;
    Some((subject, dir.sign * qtys[subject]?))
}

/// Verbs of meeting a goal: "met its target" is good news and "did not meet its target" bad
/// (negated). Only with "target" or "goal": results that "met expectations" are no news.
/// ("achieve" is rated in the editorial lexicon, and negation turns it over.)
fn meeting_verb(word: &str) -> bool {
    matches!(
        word,
        "meet" | "meets" | "met" | "reach" | "reaches" | "reached"
    )
}

/// +1 for beating, -1 for missing, at word `i`.
fn expectation_verb(ctx: &Ctx, i: usize) -> Option<f64> {
    match ctx.lower(i) {
        "beat" | "beats" | "beating" | "topped" | "tops" | "top" | "exceeded" | "exceeds"
        | "exceed" | "surpassed" | "surpasses" | "outpaced" | "outpaces" | "above" => Some(1.0),
        "ahead" if i + 1 < ctx.words.len() && ctx.lower(i + 1) == "of" => Some(1.0),
        "missed" | "misses" | "miss" | "missing" | "trailed" | "lagged" | "undershot" | "below" => {
            Some(-1.0)
        }
        "short" if i > 0 && matches!(ctx.lower(i - 1), "fell" | "falls" | "fall" | "came") => {
            Some(-1.0)
        }
        _ => None,
    }
}

/// A broker rating's place on the scale, for word `i` (and the next, for two-word ratings).
fn rating(ctx: &Ctx, i: usize) -> Option<f64> {
    let next = |w: &str| i + 1 < ctx.words.len() && ctx.lower(i + 1) == w;
    Some(match ctx.lower(i) {
        "strong-buy" => 3.0,
        "strong" if next("buy") => 3.0,
        "buy" | "outperform" | "overweight" => 2.0,
        "accumulate" | "add" => 1.0,
        "hold" | "neutral" | "equal-weight" | "market-perform" | "sector-perform" | "in-line" => {
            0.0
        }
        "market" | "sector" if next("perform") => 0.0,
        "equal" if next("weight") => 0.0,
        "reduce" => -1.0,
        "underperform" | "underweight" => -2.0,
        "sell" => -2.0,
        _ => return None,
    })
}

/// A number written in word `i` ("50p", "$1.2bn", "12.5%", "1,200"), scaled by a following
/// "million"/"billion".
pub(crate) fn number(ctx: &Ctx, i: usize) -> Option<f64> {
    let w = ctx.lower(i);
    let start = w.find(|c: char| c.is_ascii_digit())?;
    // Letters before the digits make a code, not a figure: the credit grades "Baa2" and "Aa3",
    // "Q3", "H1". A currency sign may stand there ("$4", "us$4", "€12").
    let prefix = &w[..start];
    if prefix.contains(|c: char| c.is_alphabetic()) && !prefix.ends_with(['$', '€', '£', '¥']) {
        return None;
    }
    let digits: String = w[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let mut x: f64 = digits.trim_end_matches('.').parse().ok()?;
    let rest = &w[start..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    x *= match *rest {
        "bn" | "b" | "bln" => 1e9,
        "m" | "mn" | "mln" => 1e6,
        "k" => 1e3,
        _ => 1.0,
    };
    if i + 1 < ctx.words.len() {
        x *= match ctx.lower(i + 1) {
            "billion" | "bn" => 1e9,
            "million" | "mln" | "m" => 1e6,
            "thousand" => 1e3,
            _ => 1.0,
        };
    }
    Some(x)
}

/// The value right after position `i` (a number or a rating), with the last word it uses.
fn value_after(ctx: &Ctx, i: usize) -> Option<(f64, bool, usize)> {
    let n = ctx.words.len();
    for j in i + 1..(i + 3).min(n) {
        if let Some(x) = number(ctx, j) {
            return Some((x, false, j));
        }
        if let Some(r) = rating(ctx, j) {
            return Some((r, true, j));
        }
    }
    None
}

/// A "from A to B" or "to B from A": (sign of B − A, is a rating change, first word, last word).
fn from_to(ctx: &Ctx, i: usize) -> Option<(f64, bool, usize, usize)> {
    if ctx.lower(i) != "from" {
        return None;
    }
    let (a, a_rating, a_end) = value_after(ctx, i)?;
    let n = ctx.words.len();
    // "from A to B"
    if a_end + 1 < n && ctx.lower(a_end + 1) == "to" {
        let (b, b_rating, b_end) = value_after(ctx, a_end + 1)?;
        if a_rating == b_rating && a != b {
            return Some(((b - a).signum(), a_rating, i, b_end));
        }
        return None;
    }
    // "to B from A": "to" up to 3 words before "from".
    let to = (i.saturating_sub(3)..i)
        .rev()
        .find(|&k| ctx.lower(k) == "to")?;
    let (b, b_rating, b_end) = value_after(ctx, to)?;
    if b_end < i && a_rating == b_rating && a != b {
        return Some(((b - a).signum(), a_rating, to, a_end));
    }
    None
}

/// Whether a negation in the three words before `lo`, or between `lo` and `hi`, and in `lo`'s
/// clause, turns the move over. "despite" is VADER's negation but a concession
/// ([`super::concession`]): "Despite the war, markets rallied" is a rally.
pub(crate) fn negated_before(ctx: &Ctx, lo: usize, hi: usize, skip: &[usize]) -> bool {
    (lo.saturating_sub(3)..hi)
        .filter(|k| !skip.contains(k) && ctx.same_clause(*k, lo))
        .any(|k| ctx.words[k].negated && ctx.lower(k) != "despite")
        || negative_subject_before(ctx, lo)
}

/// What a bad (good) thing a move leaves behind counts, turned over, as a factor of its valence.
const LEFT_BEHIND: f64 = 0.5;

/// How far (words, the verb included) a removal verb looks ahead for what it ends.
const REMOVAL_REACH: usize = 8;

/// Longest subject (words) searched back for a negative head.
const MAX_SUBJECT: usize = 8;

/// Whether the clause of word `lo` opens with a negative subject before it (the negation
/// unit's [`super::negation::negative_subject`]): "Nothing in the plan addresses the causes",
/// "None of the measures cut costs". The negation unit turns over words, not composed moves.
fn negative_subject_before(ctx: &Ctx, lo: usize) -> bool {
    (lo.saturating_sub(MAX_SUBJECT)..lo.saturating_sub(3))
        .filter(|&k| ctx.same_clause(k, lo))
        .take(1)
        .any(|k| super::negation::negative_subject(ctx, k).is_some())
}

/// Whether the move of a verb at `i` did not happen: a lack phrase of the negation unit ends
/// in "to" right before it ("did little to address poverty", "failed to curb inflation",
/// "sales failed to rise", "fails to soar").
pub(crate) fn lacked(ctx: &Ctx, i: usize) -> bool {
    i >= 2
        && ctx.lower(i - 1) == "to"
        && ctx.same_clause(i - 2, i)
        && super::negation::lack_at(ctx, i - 2) == Some(i - 1)
}

/// A quantity's sign at word `j`, and whether it is a table quantity (else a VADER word).
fn quantity_at(ctx: &Ctx, j: usize, table: Option<f64>, moves: bool) -> Option<(f64, bool)> {
    if let Some(s) = table {
        return Some((s, true));
    }
    if moves {
        return None;
    }
    ctx.words[j]
        .lex
        .filter(|v| *v != 0.0)
        .map(|v| (v.signum(), false))
}

/// Applies the unit: rewrites `valences` in place. Returns which words it composed (a move and
/// what it moved): the later units must not turn those over again. A verb of change that found
/// nothing to move keeps its plain valence, and with it the plain rules ("did little to ease
/// congestion").
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) -> Vec<bool> {
    let n = ctx.words.len();
    // Each word's table entries, looked up once.
    if !ctx.special.contains(&true) {
        return vec![false; n];
    }
    let special = |i: usize| ctx.special[i];
    let dirs: Vec<Option<Dir>> = (0..n)
        .map(|i| ctx.roles[i].and_then(|r| r.dir))
        .enumerate()
        .map(|(i, d)| {
            d.filter(|_| !ctx.name_after_title(i) && !considers(ctx, i) && !narrow_size(ctx, i))
        })
        .collect();
    let qtys: Vec<Option<f64>> = (0..n)
        .map(|i| quantity_in(ctx, i).or_else(|| household_price(ctx, i).then_some(-1.0)))
        .collect();
    // A rated word the lexicon unit silenced here ("Brent crude", a name's words) moves as no
    // quantity: its tone is not in this sentence.
    let silenced: Vec<bool> = (0..n)
        .map(|j| ctx.words[j].lex.is_some_and(|v| v != 0.0) && valences[j] == 0.0)
        .collect();
    let quantity_at = |j: usize| {
        let moves = dirs[j].is_some() || (silenced[j] && qtys[j].is_none());
        quantity_at(ctx, j, qtys[j], moves)
    };
    let mut used = vec![false; n];
    let mut sign_override: Vec<Option<f64>> = vec![None; n];

    // "profit warning": a good quantity followed by "warning(s)".
    for i in 0..n.saturating_sub(1) {
        if qtys[i] == Some(1.0) && matches!(ctx.lower(i + 1), "warning" | "warnings") {
            valences[i] = 0.0;
            valences[i + 1] = PROFIT_WARNING;
            used[i] = true;
            used[i + 1] = true;
        }
    }

    // Expectations.
    for i in 0..n {
        if used[i] {
            continue;
        }
        let meets = special(i) && meeting_verb(ctx.lower(i));
        let Some(sign) = special(i)
            .then(|| expectation_verb(ctx, i))
            .flatten()
            .or(meets.then_some(1.0))
        else {
            continue;
        };
        // "ahead of the $45.2 million consensus estimate": the figure may come between.
        let noun = (i + 1..(i + 1 + EXPECTATION_REACH).min(n))
            .take_while(|&j| ctx.same_clause(i, j))
            .find(|&j| {
                let w = ctx.lower(j);
                if meets {
                    matches!(w, "target" | "targets" | "goal" | "goals")
                } else {
                    expectation_noun(w)
                }
            });
        if let Some(j) = noun {
            let negated = negated_before(ctx, i, i, &[]);
            // What was expected is part of it: "missing forecasts of 5 percent growth".
            let mut last = j;
            if j + 1 < n && ctx.lower(j + 1) == "of" {
                last = (j + 1..(j + 6).min(n))
                    .take_while(|&k| ctx.same_clause(j, k))
                    .last()
                    .unwrap_or(j);
            }
            for k in i..=last {
                valences[k] = 0.0;
                used[k] = true;
            }
            valences[i] = sign * EXPECTATION * if negated { NEGATED } else { 1.0 };
            if i > 0 && ctx.lower(i) == "short" {
                used[i - 1] = true;
                valences[i - 1] = 0.0;
            }
        } else if let Some((subject, last)) = past_level(ctx, &qtys, &used, i) {
            // "expects operating profit to be clearly below last year's level": the subject
            // against its own past, so a bad quantity above it is bad news.
            let quantity_sign = qtys[subject].unwrap_or(1.0);
            for k in subject..=last {
                valences[k] = 0.0;
                used[k] = true;
            }
            valences[i] = sign * quantity_sign * BASE;
        }
    }
    // "The decline was smaller than analysts had forecast": a change measured against its
    // forecast; the change's sign times the comparative's decides.
    for i in 0..n {
        if used[i] {
            continue;
        }
        if let Some((first, last, sign)) = change_against_forecast(ctx, &qtys, &used, i) {
            for k in first..=last {
                valences[k] = 0.0;
                used[k] = true;
            }
            valences[i] = sign * EXPECTATION;
        }
    }

    // "4.5 percent more than a year earlier", "12 % fewer passengers than last year".
    for i in 0..n {
        if used[i] {
            continue;
        }
        let Some((last, sign)) = percent_more_than_before(ctx, i) else {
            continue;
        };
        // Of a bad quantity ("costs were 8 % more than a year earlier"), more is worse.
        let subject = (i.saturating_sub(MAX_SUBJECT)..i)
            .rev()
            .take_while(|&k| ctx.same_clause(k, i))
            .find(|&k| qtys[k].is_some() && !used[k]);
        let quantity_sign = subject.and_then(|k| qtys[k]).unwrap_or(1.0);
        for k in subject.unwrap_or(i).min(i)..=last {
            valences[k] = 0.0;
            used[k] = true;
        }
        valences[i] = sign * quantity_sign * BASE;
    }

    // "in line with expectations" is neutral.
    for i in 0..n.saturating_sub(2) {
        if ctx.lower(i) == "line" && ctx.lower(i + 1) == "with" {
            for k in i..(i + 5).min(n) {
                if expectation_noun(ctx.lower(k)) {
                    used[i..=k].iter_mut().for_each(|u| *u = true);
                    valences[i..=k].iter_mut().for_each(|v| *v = 0.0);
                    break;
                }
            }
        }
    }

    // From X to Y.
    for i in 0..n {
        if used[i] {
            continue;
        }
        let Some((sign, is_rating, first, last)) = from_to(ctx, i) else {
            continue;
        };
        for k in first..=last {
            valences[k] = 0.0;
            used[k] = true;
        }
        if is_rating {
            valences[first] = sign * EXPECTATION;
            continue;
        }
        // A direction word within 5 words before takes the numbers' direction; else "from"
        // (or "to") moves on its own.
        let verb = (first.saturating_sub(5)..first)
            .rev()
            .take_while(|&k| ctx.same_clause(k, first))
            .find(|&k| dirs[k].is_some() && !used[k]);
        match verb {
            Some(k) => sign_override[k] = Some(sign),
            None => {
                used[first] = false;
                sign_override[first] = Some(sign);
            }
        }
    }

    // "ups RBS to buy", "cut to sell": a rating reached, after a verb that moves it.
    for i in 1..n {
        if used[i] || ctx.lower(i - 1) != "to" {
            continue;
        }
        let Some(r) = rating(ctx, i) else { continue };
        let verb = (i.saturating_sub(6)..i - 1)
            .rev()
            .find_map(|k| match ctx.lower(k) {
                "upgrade" | "upgrades" | "upgraded" => Some((k, 1.0)),
                "downgrade" | "downgrades" | "downgraded" => Some((k, -1.0)),
                _ => dirs[k].filter(|d| d.fallback).map(|d| (k, d.sign)),
            });
        if let Some((k, sign)) = verb {
            let v = if r != 0.0 { r.signum() } else { sign };
            for x in k..=i {
                valences[x] = 0.0;
                used[x] = true;
            }
            valences[k] = v * EXPECTATION;
        }
    }

    // A quantity's state: "loan losses remained low", "costs stayed high". The level's sign
    // times the quantity's.
    for i in 0..n {
        if used[i] {
            continue;
        }
        if let Some((last, sign)) = state_of_quantity(ctx, &qtys, &used, i) {
            for k in i..=last {
                valences[k] = 0.0;
                used[k] = true;
            }
            valences[last] = sign * BASE;
        }
    }

    // Levels: "hit a 10-month high", "touches record", "new low".
    for i in 0..n {
        if used[i] {
            continue;
        }
        if !special(i) {
            continue;
        }
        let reach = match ctx.lower(i) {
            "hit" | "hits" | "hitting" | "reach" | "reaches" | "reached" | "touch" | "touches"
            | "touched" | "notch" | "notches" | "notched" => 3,
            // "stood at a record EUR 1.04 bn", "stands at a three-year low".
            "stood" | "stands" if i + 1 < n && ctx.lower(i + 1) == "at" => 4,
            "new" | "fresh" => 2,
            _ => continue,
        };
        let levels: Vec<(usize, f64)> = (i + 1..(i + 1 + reach).min(n))
            .take_while(|&j| ctx.same_clause(i, j) && !used[j])
            .filter_map(|j| level(ctx.lower(j)).map(|s| (j, s)))
            .collect();
        // "record low": the low decides.
        let Some(&(last, _)) = levels.last() else {
            continue;
        };
        let sign = if levels.iter().any(|&(_, s)| s < 0.0) {
            -1.0
        } else {
            1.0
        };
        for k in i..=last {
            valences[k] = 0.0;
            used[k] = true;
        }
        valences[i] = sign * BASE;
    }

    // "swung to a loss", "returned to profit": the destination decides; what was left
    // ("from a loss of EUR 1.2 mn") is where it came from and says nothing more.
    for i in 0..n.saturating_sub(2) {
        if used[i]
            || !special(i)
            || !is_swing(ctx.lower(i))
            || !matches!(ctx.lower(i + 1), "to" | "into")
        {
            continue;
        }
        let Some((j, sign)) = destination(ctx, &qtys, i + 2) else {
            continue;
        };
        let mut last = j;
        if let Some(k) = (j + 1..(j + 1 + SWING_SOURCE_REACH).min(n))
            .take_while(|&k| ctx.same_clause(i, k))
            .find(|&k| matches!(ctx.lower(k), "from" | "after"))
        {
            if let Some((source, _)) = destination(ctx, &qtys, k + 1) {
                last = source;
            }
        }
        for k in i..=last {
            valences[k] = 0.0;
            used[k] = true;
        }
        let negated = negated_before(ctx, i, i, &[]);
        valences[i] = sign * BASE * if negated { NEGATED } else { SWING };
    }

    // "lifted sanctions", "lift the ban": lifting a restriction removes it, which is good news.
    for i in 0..n {
        if used[i] || !special(i) || !is_lift(ctx.lower(i)) {
            continue;
        }
        let object = (i + 1..(i + 5).min(n))
            .take_while(|&j| ctx.same_clause(i, j))
            .find(|&j| is_restriction(ctx.lower(j)));
        if let Some(j) = object {
            for k in i..=j {
                valences[k] = 0.0;
                used[k] = true;
            }
            let negated = negated_before(ctx, i, i, &[]);
            valences[i] = if negated { BASE * NEGATED } else { BASE };
        }
    }

    // "an ally against terrorism", "protection against fraud": what is opposed is bad, and
    // opposing it is not: the bad word after "against" is turned over, at half strength.
    // "more than offsetting weaker demand": what is offset is cancelled, so a bad thing offset
    // is good news and a good thing offset is not ("costs offset the gains").
    for i in 0..n {
        let offset = matches!(ctx.lower(i), "offset" | "offsets" | "offsetting");
        // "gains were offset by higher costs": after "by" is the cause, not what is offset.
        let passive = offset && i + 1 < n && ctx.lower(i + 1) == "by";
        if !special(i) || !(offset || ctx.lower(i) == "against") || passive {
            continue;
        }
        for j in (i + 1..(i + 4).min(n)).take_while(|&j| ctx.same_clause(i, j)) {
            if !used[j] && (valences[j] < 0.0 || offset && valences[j] > 0.0) {
                valences[j] *= AGAINST;
                used[j] = true;
            }
        }
    }

    // Direction words.
    for i in 0..n {
        if used[i] {
            continue;
        }
        let d = match (dirs[i], sign_override[i]) {
            (Some(d), Some(sign)) => Dir { sign, ..d },
            (Some(d), None) => d,
            // "from" moving on its own: a subject to move, no move without one.
            (None, Some(sign)) => dir(sign, 1.0, false, true),
            (None, None) => continue,
        };
        let w = ctx.lower(i);
        if (w == "up" || w == "down")
            && !(i + 1 < n && ctx.lower(i + 1).contains(|c: char| c.is_ascii_digit()))
            && !(i > 0 && qtys[i - 1].is_some())
        {
            continue;
        }
        if matches!(w, "fell" | "fall" | "falls" | "falling")
            && i + 2 < n
            && ctx.lower(i + 1) == "in"
            && ctx.lower(i + 2) == "love"
        {
            continue;
        }
        // "storage tanks", "two new tanks", "Rotterdam Tank Terminals": a container, not a slump.
        if matches!(w, "tank" | "tanks") && i > 0 && tank_noun(ctx, i) {
            continue;
        }
        // "ends in tragedy", "fighting in the north": no object, the words speak for themselves.
        // ("a reduction in costs" does move what follows.)
        let cut_noun = matches!(w, "reduction" | "reductions");
        if !d.fallback
            && !cut_noun
            && i + 1 < n
            && matches!(ctx.lower(i + 1), "in" | "with" | "back")
        {
            continue;
        }
        let mut back = None;
        // Removal verbs ("end", "halt") only take an object: "an awful end" ends nothing.
        // Damage verbs ("hit", "dent") too, unless passive: in "slowdown hits Aggreko" the
        // slowdown is the cause, in "profits hit by" the profits are what moves.
        let damage = is_damage(w);
        let passive = (i + 1 < n && ctx.lower(i + 1) == "by")
            || (i > 0
                && matches!(
                    ctx.lower(i - 1),
                    "was" | "were" | "be" | "been" | "is" | "are"
                ));
        // A removal with no object ends its subject: "the strike ended peacefully", "the war
        // ended on Friday".
        let objectless = !d.fallback
            && !damage
            // A past form is a verb; "an awful end" is a noun, and ends nothing.
            && w.ends_with("ed")
            && (i + 1 == n
                || !ctx.same_clause(i, i + 1)
                || ctx.lower(i + 1).ends_with("ly")
                || matches!(
                    ctx.lower(i + 1),
                    "after" | "on" | "today" | "yesterday" | "last" | "this" | "when" | "as"
                ));
        let back_reach = if objectless {
            2
        } else if !d.fallback || (damage && !passive) {
            0
        } else {
            3
        };
        // After a lack the subject is before it: "sales failed to rise" ("failed" is no
        // quantity).
        let lack_words = if lacked(ctx, i) { 2 } else { 0 };
        // "Costs were 5 percent higher", "sales were EUR 2 mn lower": a comparative after a
        // copula and its figure moves the subject before them.
        // "Operating profit is expected to be lower": the subject before a chain of copula,
        // modal and forecast words.
        let chain = if back_reach == 3 && comparative(w) {
            copula_chain_before(ctx, i)
        } else {
            0
        };
        let back_reach = if back_reach == 3 && comparative(w) {
            back_reach + stated_amount_before(ctx, i).max(chain)
        } else {
            back_reach
        };
        for dist in 1 + lack_words..=back_reach + lack_words {
            let Some(j) = i.checked_sub(dist) else { break };
            if !ctx.same_clause(i, j) || used[j] || dirs[j].is_some() {
                break;
            }
            if let Some((s, table)) = quantity_at(j) {
                if table || dist <= 2 {
                    back = Some((j, s));
                }
                break;
            }
        }
        // A subject with a phrase after its head: "Rents in the city centre have risen". Only
        // a table quantity right before the preposition, so the phrase is the head's.
        if back.is_none() && (back_reach == 3 || chain > 0) && lack_words == 0 {
            for dist in 4..=MAX_SUBJECT + chain {
                let Some(j) = i.checked_sub(dist) else { break };
                if !ctx.same_clause(i, j) || used[j] || dirs[j].is_some() {
                    break;
                }
                if let Some(s) = qtys[j] {
                    if subject_preposition(ctx.lower(j + 1)) {
                        back = Some((j, s));
                    }
                    break;
                }
            }
        }
        if let Some((j, _)) = back {
            let head = per_head(ctx, j);
            if head != j && !used[head] && dirs[head].is_none() {
                back = qtys[head].map(|s| (head, s));
            }
        }
        // "Fears of a recession eased", "hopes for a deal faded": the head of the subject is
        // the noun before "of" / "for"; what it is of moves with it.
        let mut of_phrase = None;
        let tail = back
            .map(|(j, _)| j)
            .or(i.checked_sub(1).filter(|_| back_reach > 0));
        if let Some(j) = tail {
            let det = j >= 1 && matches!(ctx.lower(j - 1), "a" | "an" | "the");
            let link = j.checked_sub(1 + usize::from(det));
            if let Some(l) = link.filter(|&l| l >= 1 && matches!(ctx.lower(l), "of" | "for")) {
                let k = l - 1;
                let free = ctx.same_clause(k, i) && !used[k] && dirs[k].is_none();
                if let Some((s, _)) = quantity_at(k).filter(|_| free) {
                    back = Some((k, s));
                    of_phrase = Some(j);
                }
            }
        }
        let mut ahead = None;
        // A removal reaches through an "of" phrase to what ends ("addresses the root causes of
        // crime").
        let reach = if d.transitive && !d.fallback && !damage {
            REMOVAL_REACH
        } else {
            5
        };
        let ahead_reach = if objectless {
            i + 1
        } else {
            (i + reach).min(n)
        };
        for (j, &used_j) in used.iter().enumerate().take(ahead_reach).skip(i + 1) {
            let wj = ctx.lower(j);
            // "weighs on profits", "eats into margins": the damage lands on what follows.
            if damage && j == i + 1 && matches!(wj, "on" | "into") {
                continue;
            }
            if !ctx.same_clause(i, j) || used_j || stops_ahead(wj) || dirs[j].is_some() {
                break;
            }
            if let Some((s, table)) = quantity_at(j) {
                let after_in_of = i + 1 < j && matches!(ctx.lower(i + 1), "in" | "of");
                // VADER words as objects: of "end", "ease" and alike, or right after "in"/"of".
                let word_ok = table || (j == i + 2 && after_in_of) || (d.transitive && !damage);
                if (d.transitive || after_in_of) && word_ok {
                    // "production costs": the last noun of the run is the head.
                    let mut head = (j, s);
                    while head.0 + 1 < n
                        && ctx.same_clause(i, head.0 + 1)
                        && !used[head.0 + 1]
                        && qtys[head.0 + 1].is_some()
                    {
                        let k = head.0 + 1;
                        head = (k, qtys[k].unwrap_or(s));
                    }
                    ahead = Some(head);
                }
                break;
            }
        }
        let found = if d.transitive {
            ahead.or(back)
        } else {
            back.or(ahead)
        };
        let mut strength = d.strength;
        for k in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            if k < n {
                if let Some(s) = strength_adverb(ctx.lower(k)) {
                    strength *= s;
                }
            }
        }
        match found {
            Some((j, mut qsign)) => {
                // "lifted families out of poverty", "dragged out of recession": what the move
                // leaves behind, so a bad thing left is good news whatever the verb.
                if j > i + 2
                    && (i + 1..j - 1).any(|k| ctx.lower(k) == "out" && ctx.lower(k + 1) == "of")
                {
                    qsign = -qsign * d.sign;
                }
                // "unemployment rate", "growth rate": the modifier of a measure decides.
                let mut absorbed = vec![j];
                if j > 0
                    && j - 1 != i
                    && is_measure(ctx.lower(j))
                    && ctx.same_clause(j, j - 1)
                    && !used[j - 1]
                {
                    if let Some(s) = qtys[j - 1] {
                        qsign = s;
                        absorbed.push(j - 1);
                    }
                }
                let (lo, hi) = (i.min(j), i.max(j));
                let mut v = (d.sign * qsign * BASE * strength).clamp(-MAX_VALENCE, MAX_VALENCE);
                if negated_before(ctx, lo, hi, &[i, j]) || lacked(ctx, i) {
                    v *= NEGATED;
                }
                valences[i] = v;
                // The run of quantity nouns, and what a quantity is "of" ("risk of heart
                // disease death"), are part of the move.
                let (first, last) = if j > i { (i + 1, j) } else { (j, j) };
                absorbed.extend(first..=last);
                if j + 1 < n && ctx.lower(j + 1) == "of" && qtys[j].is_some() {
                    absorbed.extend((j + 2..(j + 5).min(n)).take_while(|&k| ctx.same_clause(j, k)));
                }
                absorbed.extend(of_phrase.filter(|_| j < i));
                for k in absorbed {
                    if k != i {
                        valences[k] = 0.0;
                        used[k] = true;
                    }
                }
                used[i] = true;
            }
            None if d.fallback && ctx.words[i].lex.is_none() && dirs[i].is_some() => {
                let mut v = d.sign * FALLBACK * strength;
                if negated_before(ctx, i, i, &[]) || lacked(ctx, i) {
                    v *= NEGATED;
                }
                valences[i] = v;
                used[i] = true;
            }
            None => {}
        }
    }
    left_behind(ctx, &dirs, &used, valences);
    since_record(ctx, &dirs, valences, &mut used);
    used
}

/// Whether "tank(s)" at `i` (not the first word) is the noun: capitalised inside a name, or
/// after a determiner, a number or a word that says what it holds.
fn tank_noun(ctx: &Ctx, i: usize) -> bool {
    // A string, not literals: these words start no rule (see gen_news_vocab.py).
    const BEFORE_NOUN: &str = "a an the two three four five six new additional storage fuel oil \
        water gas septic fish think petrol diesel";
    ctx.capital[i]
        || super::in_word_list(BEFORE_NOUN, ctx.lower(i - 1))
        || number(ctx, i - 1).is_some()
}

/// For a quantity at `i` followed by a verb of state and a level ("loan losses remained low",
/// "costs are still high", "demand for its cranes stayed high"): the level's position and the
/// sign of the news, the level's sign times the quantity's (turned by a "not").
fn state_of_quantity(
    ctx: &Ctx,
    qtys: &[Option<f64>],
    used: &[bool],
    i: usize,
) -> Option<(usize, f64)> {
    // Strings, not literals: these words start no rule (see gen_news_vocab.py).
    const STATE_VERBS: &str = "remained remain remains stayed stay stays was were is are";
    const GRADES: &str = "relatively very still historically comparatively quite fairly not";
    let n = ctx.words.len();
    let quantity = qtys[i]?;
    // Right after the quantity, or after a phrase of its own ("demand for its cranes").
    let phrase = i + 1 < n && subject_preposition(ctx.lower(i + 1));
    let reach = if phrase { 5 } else { 1 };
    let verb = (i + 1..(i + 1 + reach).min(n))
        .take_while(|&k| ctx.same_clause(i, k) && !used[k] && (k == i + 1 || qtys[k].is_none()))
        .find(|&k| super::in_word_list(STATE_VERBS, ctx.lower(k)))?;
    let mut k = verb + 1;
    let mut negated = false;
    while k < n && ctx.same_clause(i, k) && super::in_word_list(GRADES, ctx.lower(k)) {
        negated |= ctx.lower(k) == "not";
        k += 1;
    }
    if k >= n || !ctx.same_clause(i, k) || used[k] {
        return None;
    }
    let level = match ctx.lower(k) {
        "high" | "elevated" => 1.0,
        "low" => -1.0,
        _ => return None,
    };
    // Only a level that ends its phrase ("costs were low compared with rivals"), not one that
    // begins another ("is high on the agenda", "was low single digits").
    let ends = k + 1 == n
        || !ctx.same_clause(k, k + 1)
        || super::in_word_list(
            "in at during throughout for and despite compared",
            ctx.lower(k + 1),
        );
    if !ends {
        return None;
    }
    let sign = quantity * level * if negated { NEGATED } else { 1.0 };
    Some((k, sign))
}

/// Records that name a point in time after "since" ("its lowest level since").
fn is_record(word: &str) -> bool {
    matches!(
        word,
        "lowest"
            | "highest"
            | "weakest"
            | "strongest"
            | "biggest"
            | "largest"
            | "smallest"
            | "fastest"
            | "slowest"
            | "sharpest"
            | "steepest"
            | "deepest"
    )
}

/// How many words after "since" a point in time may take ("since the plant closures of the
/// late 1990s"); a longer clause is a clause of its own, left to the other rules.
const SINCE_REACH: usize = 8;

/// "Unemployment has fallen to 3.9 percent, its lowest level since the plant closures of the
/// 1990s": what follows "since" after a record is a point in time, not news of its own (the
/// closures, a crisis, a crash), so it loses its tone; and the record is as good or bad as the
/// move that reached it ("lowest" unemployment is good news).
fn since_record(ctx: &Ctx, dirs: &[Option<Dir>], valences: &mut [f64], used: &mut [bool]) {
    let n = ctx.words.len();
    for i in 1..n {
        if ctx.lower(i) != "since" {
            continue;
        }
        let Some(record) = (i.saturating_sub(3)..i)
            .rev()
            .find(|&r| is_record(ctx.lower(r)))
        else {
            continue;
        };
        let anchor: Vec<usize> = (i + 1..n).take_while(|&k| ctx.same_clause(i, k)).collect();
        if anchor.len() > SINCE_REACH {
            continue;
        }
        for k in anchor {
            valences[k] = 0.0;
            used[k] = true;
        }
        // The move that reached the record, earlier in the sentence.
        let moved = (0..record)
            .rev()
            .find(|&j| dirs[j].is_some() && used[j] && valences[j] != 0.0);
        if let Some(j) = moved {
            valences[record] = valences[j];
            used[record] = true;
        }
    }
}

/// How far (words) after a move "out of" may come: "lifted thousands of families out of
/// poverty".
const OUT_OF_REACH: usize = 6;

/// What a move goes out of is left behind: a bad thing left is good news ("lifted families out
/// of poverty"), a good one left bad news ("fell out of favour"). Only a word no move used.
fn left_behind(ctx: &Ctx, dirs: &[Option<Dir>], used: &[bool], valences: &mut [f64]) {
    let n = ctx.words.len();
    for i in (0..n).filter(|&i| dirs[i].is_some()) {
        let out = (i + 1..(i + 1 + OUT_OF_REACH).min(n.saturating_sub(2)))
            .take_while(|&k| ctx.same_clause(i, k))
            .find(|&k| ctx.lower(k) == "out" && ctx.lower(k + 1) == "of");
        let Some(k) = out else { continue };
        let mut j = k + 2;
        if j + 1 < n && matches!(ctx.lower(j), "the" | "a" | "an" | "its" | "their") {
            j += 1;
        }
        if j < n && !used[j] && ctx.same_clause(i, j) && valences[j] != 0.0 {
            valences[j] = -valences[j] * LEFT_BEHIND;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    /// Each case: the text and the sign the direction unit (with the lexicon) must give it.
    struct Case {
        text: &'static str,
        sign: i8,
    }

    /// Each text's full-engine score has the given sign (beyond the neutral band).
    fn signs(cases: &[(&str, f64)]) {
        for &(text, sign) in cases {
            let got = crate::news::score_sentence(text, None).score;
            assert!(got * sign > 0.05, "{text:?}: {got}");
        }
    }

    fn check(cases: &[Case]) {
        let rules = Rules {
            lexicon: true,
            direction: true,
            ..Rules::NONE
        };
        for c in cases {
            let got = score_sentence_with(c.text, None, &rules).score;
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
    fn a_record_since_a_point_in_time_follows_its_move() {
        // Written for these tests.
        signs(&[
            (
                "Unemployment in the region has fallen to 3.9 percent, its lowest level since \
                 the plant closures of the late 1990s.",
                1.0,
            ),
            (
                "The company's shares rose to their highest level since the 2008 crash.",
                1.0,
            ),
            (
                "Shares fell to their lowest level since the financial crisis.",
                -1.0,
            ),
            (
                "Inflation climbed to its highest rate since the oil shock of 1990.",
                -1.0,
            ),
        ]);
        // A "since" clause of its own keeps its words.
        signs(&[(
            "Sales have slumped since the plant was destroyed by fire.",
            -1.0,
        )]);
    }

    #[test]
    fn the_quantity_decides_the_sign() {
        check(&[
            Case {
                text: "The investment eats into profit",
                sign: -1,
            },
            Case {
                text: "Strong demand weighs on costs",
                sign: 1,
            },
            Case {
                text: "Profit rose 12% in the quarter",
                sign: 1,
            },
            Case {
                text: "Quarterly loss narrowed",
                sign: 1,
            },
            Case {
                text: "The company narrowed its loss",
                sign: 1,
            },
            Case {
                text: "Operating costs fell",
                sign: 1,
            },
            Case {
                text: "The airline cut costs",
                sign: 1,
            },
            Case {
                text: "Sales fell 8%",
                sign: -1,
            },
            Case {
                text: "The carmaker will cut 500 jobs",
                sign: -1,
            },
            Case {
                text: "Jobs were cut at the plant",
                sign: -1,
            },
            Case {
                text: "Losses widened in the second half",
                sign: -1,
            },
            Case {
                text: "The group reported lower profits",
                sign: -1,
            },
            Case {
                text: "a sharp rise in unemployment",
                sign: -1,
            },
            Case {
                text: "The unemployment rate fell",
                sign: 1,
            },
            Case {
                text: "The growth rate fell",
                sign: -1,
            },
            Case {
                text: "Violence rose in the capital",
                sign: -1,
            },
            Case {
                text: "The deal eased fears of a strike",
                sign: 1,
            },
            Case {
                text: "The truce ended the war",
                sign: 1,
            },
            Case {
                text: "The airline avoided bankruptcy",
                sign: 1,
            },
            Case {
                text: "Fears of a recession eased",
                sign: 1,
            },
            Case {
                text: "The strike ended peacefully",
                sign: 1,
            },
            Case {
                text: "The war ended on Friday",
                sign: 1,
            },
            Case {
                text: "Hopes for a deal faded",
                sign: -1,
            },
            Case {
                text: "The talks resolved the dispute",
                sign: 1,
            },
            Case {
                text: "The board raised its dividend",
                sign: 1,
            },
            Case {
                text: "Debt was reduced by half",
                sign: 1,
            },
            Case {
                text: "Profit did not rise",
                sign: -1,
            },
            Case {
                text: "Barclays reports 8% fall in annual profits",
                sign: -1,
            },
            Case {
                text: "Shell's profits hit by further slide in oil prices",
                sign: -1,
            },
            Case {
                text: "BHP drags FTSE lower",
                sign: -1,
            },
            Case {
                text: "Mining slowdown hits Aggreko",
                sign: -1,
            },
            Case {
                text: "Trains to be hit again in new strike",
                sign: -1,
            },
            Case {
                text: "Miners sink in commodities rout",
                sign: -1,
            },
            Case {
                text: "BHP to lower copper production costs",
                sign: 1,
            },
            Case {
                text: "Glencore shares hit 3-month high",
                sign: 1,
            },
            Case {
                text: "The FTSE hits a three-week low",
                sign: -1,
            },
            Case {
                text: "Sterling at a new record low",
                sign: -1,
            },
            Case {
                text: "Net sales stood at a record EUR 1.04 bn",
                sign: 1,
            },
            Case {
                text: "The index stands at a three-year low",
                sign: -1,
            },
            Case {
                text: "Inventories rose in the quarter",
                sign: -1,
            },
            Case {
                text: "Costs were 5 percent higher than a year earlier",
                sign: -1,
            },
            Case {
                text: "It expects operating profit to be clearly below last year's level",
                sign: -1,
            },
            Case {
                text: "Costs were above the previous year's level",
                sign: -1,
            },
            Case {
                text: "Quarterly profit was slightly above last year's level",
                sign: 1,
            },
            Case {
                text: "The plan includes the reduction of 75 jobs",
                sign: -1,
            },
            Case {
                text: "The decline in sales was smaller than analysts had forecast",
                sign: 1,
            },
            Case {
                text: "The improvement in operating profit was smaller than expected",
                sign: -1,
            },
            Case {
                text: "The increase in costs was bigger than expected",
                sign: -1,
            },
            Case {
                text:
                    "Finnair carried 1.02 million passengers, 4.5 percent more than a year earlier",
                sign: 1,
            },
            Case {
                text: "The airline carried 12 % fewer passengers than last year",
                sign: -1,
            },
            Case {
                text: "Costs were 8 percent more than a year earlier",
                sign: -1,
            },
            Case {
                text:
                    "Drug sales were $212 million, below the $260 million analysts had pencilled in",
                sign: -1,
            },
            Case {
                text: "The order backlog grew to EUR 1.2 bn",
                sign: 1,
            },
            Case {
                text: "The combined ratio fell to 94.1 %",
                sign: 1,
            },
            Case {
                text: "Net sales were EUR 2.1 mn higher than in 2007",
                sign: 1,
            },
            Case {
                text: "Net debt was 12 percent lower",
                sign: 1,
            },
            Case {
                text: "Siesta cuts risk of heart disease death",
                sign: 1,
            },
            Case {
                text: "Walnuts combat unhealthy fats",
                sign: 1,
            },
            Case {
                text: "The dispute ends in tragedy",
                sign: -1,
            },
            Case {
                text: "AstraZeneca profit down as sales fade",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn moves_without_a_quantity_are_mild_news() {
        check(&[
            Case {
                text: "Tesco falls 5%",
                sign: -1,
            },
            Case {
                text: "Barclays jumps after results",
                sign: 1,
            },
            Case {
                text: "The stock was up 3% on Monday",
                sign: 1,
            },
            Case {
                text: "He ended the meeting early",
                sign: 0,
            },
            Case {
                text: "Then an awful end",
                sign: -1,
            },
            Case {
                text: "They fell in love",
                sign: 1,
            },
        ]);
    }

    #[test]
    fn weighing_a_choice_burdens_nothing() {
        check(&[
            Case {
                text: "Investors weighed the offer on Monday",
                sign: 0,
            },
            Case {
                text: "The board is weighing a sale of the unit",
                sign: 0,
            },
            Case {
                text: "Higher costs weighed on profit",
                sign: -1,
            },
            Case {
                text: "Worries about demand weighed heavily",
                sign: -1,
            },
            Case {
                text: "The shares weighed",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn a_swing_takes_the_sign_of_where_it_lands() {
        check(&[
            Case {
                text: "Kelora swung to an operating profit of EUR 3.4 mn after a loss of EUR 1.2 mn a year ago",
                sign: 1,
            },
            Case {
                text: "Cash flow swung to a positive EUR 22 mn from a negative EUR 5 mn",
                sign: 1,
            },
            Case {
                text: "The group swung to a net loss of EUR 8 mn from a profit of EUR 2 mn",
                sign: -1,
            },
            Case {
                text: "The retailer returned to growth in the second quarter",
                sign: 1,
            },
            Case {
                text: "The company did not return to profit",
                sign: -1,
            },
            Case {
                text: "He returned to the office on Monday",
                sign: 0,
            },
        ]);
    }

    #[test]
    fn a_narrow_range_is_a_size_not_a_move() {
        check(&[
            Case {
                text: "Shares traded in a narrow range",
                sign: 0,
            },
            Case {
                text: "The bill passed by a narrow margin",
                sign: 0,
            },
            Case {
                text: "Losses narrow in the third quarter",
                sign: 1,
            },
            Case {
                text: "The company wants to narrow its margin gap",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn a_move_that_did_not_happen() {
        check(&[
            Case {
                text: "The new law did little to address poverty",
                sign: -1,
            },
            Case {
                text: "The company was unable to boost sales",
                sign: -1,
            },
            Case {
                text: "The new law addressed poverty",
                sign: 1,
            },
            Case {
                text: "The plan addresses the root causes of crime",
                sign: 1,
            },
            Case {
                text: "Nothing in the plan addresses the root causes of crime",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn ending_a_bad_business_is_good_news() {
        signs(&[
            (
                "Tiirikka will discontinue its loss-making electronics business",
                1.0,
            ),
            ("The group will discontinue loss-making routes", 1.0),
        ]);
    }

    /// A verb of change with no quantity to move ("congestion" is not one) keeps its plain
    /// valence, so the negation unit's lacks still reach it; "failed" is no subject to move.
    #[test]
    fn what_households_pay_is_bad_news_when_it_rises() {
        signs(&[
            ("Rents rose 12% last year", -1.0),
            ("Energy bills jumped by a third", -1.0),
            ("Rail fares will rise by 5% in January", -1.0),
            (
                "Insurance premiums fell for the first time in a decade",
                1.0,
            ),
        ]);
    }

    #[test]
    fn the_price_of_what_households_buy_is_bad_news_when_it_rises() {
        signs(&[
            ("Food prices rose again in March", -1.0),
            ("Grain prices have doubled since the spring", -1.0),
            ("Petrol prices fell for a third week", 1.0),
            // A share price is the company's, and good news when it rises.
            ("Share prices rose after the results", 1.0),
        ]);
    }

    #[test]
    fn credit_grades_are_codes_not_figures() {
        signs(&[
            // "to Baa2 from Baa3" is no fall from 3 to 2.
            (
                "Moody's upgraded the company's rating to Baa2 from Baa3",
                1.0,
            ),
            ("Fitch cut the bank to BBB- from BBB", -1.0),
            ("Leverage fell as the group repaid loans", 1.0),
        ]);
    }

    #[test]
    fn what_is_offset_is_cancelled() {
        signs(&[
            (
                "Sales rose, more than offsetting weaker demand for basic models",
                1.0,
            ),
            ("Higher costs offset the strong gains in sales", -1.0),
        ]);
    }

    #[test]
    fn a_quantity_per_share_is_its_heads() {
        signs(&[
            ("Loss per share narrowed to EUR 0.04 from EUR 0.11", 1.0),
            ("Earnings per share fell to EUR 0.20", -1.0),
            ("Operating profit per employee rose", 1.0),
        ]);
    }

    #[test]
    fn a_subject_keeps_its_head_across_a_phrase() {
        signs(&[
            ("Rents in the city centre have risen by a third", -1.0),
            ("Profit at the shipping unit fell sharply", -1.0),
            ("Sales across the Asian markets rose 5%", 1.0),
            ("Shares in the company fell on the news", -1.0),
            (
                "Sales of the company's premium product line rose 22 percent",
                1.0,
            ),
        ]);
    }

    #[test]
    fn a_move_with_nothing_to_move_is_still_negated() {
        signs(&[
            ("The new bypass would do little to ease congestion", -1.0),
            ("The plan failed to ease congestion", -1.0),
            ("Nothing in the plan eases congestion", -1.0),
            ("The new bypass eased congestion", 1.0),
        ]);
    }

    #[test]
    fn what_a_move_goes_out_of_is_left_behind() {
        check(&[
            Case {
                text: "The program has lifted thousands of families out of poverty",
                sign: 1,
            },
            Case {
                text: "The minister fell out of favour with voters",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn lifting_a_restriction_is_good_news() {
        check(&[
            Case {
                text: "The EU lifted sanctions on Iran",
                sign: 1,
            },
            Case {
                text: "Washington is lifting the ban on exports",
                sign: 1,
            },
            Case {
                text: "The government did not lift the curfew",
                sign: -1,
            },
            // Lifting what is not a restriction still raises it.
            Case {
                text: "Strong demand lifted sales",
                sign: 1,
            },
        ]);
    }

    #[test]
    fn expectations() {
        check(&[
            Case {
                text: "Apple beat analysts' estimates",
                sign: 1,
            },
            Case {
                text: "Results topped forecasts",
                sign: 1,
            },
            Case {
                text: "The bank missed expectations",
                sign: -1,
            },
            Case {
                text: "Revenue fell short of forecasts",
                sign: -1,
            },
            Case {
                text: "Earnings came in below consensus",
                sign: -1,
            },
            // The figure may stand between: "ahead of the $45.2 million consensus estimate".
            Case {
                text: "Revenue was $48.7 million, ahead of the $45.2 million consensus estimate",
                sign: 1,
            },
            // What was expected is the expectation's, not a claim: "forecasts of 5% growth".
            Case {
                text: "Sales were weak, missing analysts' forecasts of 5 percent growth",
                sign: -1,
            },
            Case {
                text: "Sales were in line with expectations",
                sign: 0,
            },
            // Written after tune batch 11: a container is no slump, a share price that
            // tanks is.
            Case {
                text: "Rotterdam Tank Terminals plans to build two additional storage tanks",
                sign: 0,
            },
            Case {
                text: "Shares in the group tanked after the warning",
                sign: -1,
            },
            // Written after tune batch 11: an insurer's premiums are its sales, a lender's
            // provisions a cost.
            Case {
                text: "Gross written premiums rose 4.2 percent to CHF 3.4 billion",
                sign: 1,
            },
            Case {
                text: "Risk provisions were reduced to EUR 96 million from EUR 214 million",
                sign: 1,
            },
            Case {
                text: "Insurance premiums rose 9 percent for households",
                sign: -1,
            },
            // Written after editorial tune batch 4: a backlog of cases is bad, of orders good.
            Case {
                text: "The governor cut the state's Medicaid backlog in half",
                sign: 1,
            },
            Case {
                text: "The backlog of orders rose to EUR 412 mn",
                sign: 1,
            },
            Case {
                text: "The order backlog fell 12 percent",
                sign: -1,
            },
            Case {
                text: "Hospital waiting lists grew again in March",
                sign: -1,
            },
            // Written after tune batch 11: a goal met or not.
            Case {
                text: "The company did not meet its target of an EBIT margin of 8 percent",
                sign: -1,
            },
            Case {
                text: "The company met its margin target for the year",
                sign: 1,
            },
        ]);
    }

    #[test]
    fn from_to_comparatives() {
        check(&[
            Case {
                text: "Jefferies raised its price target from 500p to 600p",
                sign: 1,
            },
            Case {
                text: "The target was cut to 450p from 520p",
                sign: -1,
            },
            Case {
                text: "Net loss went from $5m to $8m",
                sign: -1,
            },
            Case {
                text: "Net loss went from $8m to $5m",
                sign: 1,
            },
            Case {
                text: "Analysts moved the stock from buy to hold",
                sign: -1,
            },
            Case {
                text: "The broker moved it to outperform from neutral",
                sign: 1,
            },
            Case {
                text: "They flew from London to Paris",
                sign: 0,
            },
            Case {
                text: "UBS ups RBS to 'buy'",
                sign: 1,
            },
            Case {
                text: "Jefferies cuts Tesco to hold",
                sign: -1,
            },
            Case {
                text: "The group is set to sell the unit",
                sign: 0,
            },
        ]);
    }

    #[test]
    fn profit_warning_is_a_warning() {
        check(&[
            Case {
                text: "Retailer issues profit warning",
                sign: -1,
            },
            Case {
                text: "Profit warnings rattled the sector",
                sign: -1,
            },
        ]);
    }

    #[test]
    fn tune_batch_12_13_directions() {
        // Written after tune batches 12 and 13: a change weighed against its forecast when the
        // comparative comes first or the comparison is a "which" clause; a quantity's state;
        // a subject before "is expected to be".
        check(&[
            Case {
                text: "Volumes fell 3 percent, a smaller decline than analysts had expected",
                sign: 1,
            },
            Case {
                text: "Orders grew, but it was a smaller increase than the company had forecast",
                sign: -1,
            },
            Case {
                text: "Operating profit fell by 4 percent, which was less than expected",
                sign: 1,
            },
            Case {
                text: "Revenue rose by 1 percent, which was less than analysts had forecast",
                sign: -1,
            },
            Case {
                text: "Credit losses remained low throughout the year",
                sign: 1,
            },
            Case {
                text: "Energy costs are still high",
                sign: -1,
            },
            Case {
                text: "Demand for its cranes stayed high in Asia",
                sign: 1,
            },
            Case {
                text: "Costs were low compared with rivals",
                sign: 1,
            },
            Case {
                text: "The issue is high on the agenda",
                sign: 0,
            },
            Case {
                text: "Net profit for the current year is expected to be lower than last year",
                sign: -1,
            },
            Case {
                text: "Its losses are likely to be smaller in the second half",
                sign: 1,
            },
        ]);
    }
}
