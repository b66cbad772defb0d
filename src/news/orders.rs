//! Orders won: "Valmet has received an order to supply a tissue line", "Metso will supply
//! equipment worth EUR 40 million to a copper mine".
//!
//! For a supplier, an order or contract received is good news, and investors read it so, while
//! none of its words has a tone ("received", "order", "supply"). Two forms count:
//!
//! * a verb of getting ("received", "secured", "landed", "booked", "won", "awarded") with an
//!   order noun ("order", "contract", "tender") or a grant ("permit", "licence", "approval")
//!   up to [`REACH`] words on in its clause; a court's or a government's order is no sale
//!   ("received a court order", "an executive order");
//! * a verb of supplying ("supply", "deliver", "build") with a value ("worth / valued at" and a
//!   figure) or "under a contract" later in its clause. Without one it is a plain fact ("the
//!   vessel will be delivered to a shipping company in Hamburg").
//!
//! * a verb of signing ("signed", "inked", "concluded") with a supply agreement: an
//!   agreement or contract "to supply / deliver / provide / build", or a "supply", "delivery",
//!   "frame(work)" or "service" agreement. A cooperation agreement or one signed in a city on
//!   a Tuesday is a plain fact.
//!
//! The verb then carries [`WIN`] (or keeps its own valence when that is higher: "won" is
//! VADER's 2.7); a negation or a lack before it turns it over ("did not receive the contract",
//! "failed to secure the order").

use super::Ctx;

/// The valence of an order won, on VADER's scale: as a rise of a good quantity
/// ([`super::direction::BASE`]).
const WIN: f64 = super::direction::BASE;

/// How far (words) after the verb the order noun may be: "received a EUR 30 million framework
/// order".
const REACH: usize = 7;

fn is_getting(word: &str) -> bool {
    matches!(
        word,
        "receive"
            | "receives"
            | "received"
            | "receiving"
            | "secure"
            | "secures"
            | "secured"
            | "securing"
            | "land"
            | "lands"
            | "landed"
            | "landing"
            | "book"
            | "books"
            | "booked"
            | "booking"
            | "bag"
            | "bags"
            | "bagged"
            | "clinch"
            | "clinches"
            | "clinched"
            | "win"
            | "wins"
            | "won"
            | "winning"
            | "awarded"
            | "obtain"
            | "obtains"
            | "obtained"
    )
}

fn is_order(word: &str) -> bool {
    matches!(
        word,
        "order" | "orders" | "contract" | "contracts" | "tender" | "tenders"
    ) || is_grant(word)
}

/// What a company is granted: "received a final environmental permit", "won regulatory
/// approval", "secured a licence". A permit received is good news as an order is.
fn is_grant(word: &str) -> bool {
    matches!(
        word,
        "permit"
            | "permits"
            | "licence"
            | "licences"
            | "license"
            | "licenses"
            | "approval"
            | "approvals"
            | "clearance"
    )
}

/// Words before "order" that make it a command, not a sale. One string, not literals: they
/// start no rule, so they stay out of the units' vocabulary and keep their lexicon values.
const COMMANDS: &str = "court judge judge's court's tribunal restraining gag executive removal deportation evacuation eviction enforcement cease-and-desist";

fn is_command(word: &str) -> bool {
    super::in_word_list(COMMANDS, word)
}

fn is_supplying(word: &str) -> bool {
    matches!(
        word,
        "supply"
            | "supplies"
            | "supplying"
            | "deliver"
            | "delivers"
            | "delivering"
            | "build"
            | "builds"
            | "building"
    )
}

/// Verbs of signing a deal. One string: they start no rule.
const SIGNING: &str = "sign signs signed signing ink inks inked conclude concludes concluded";

/// Words before "agreement" that make it a sale of goods or services.
const SUPPLY_KINDS: &str = "supply delivery frame framework service services maintenance \
    purchase purchasing sales distribution licensing";

/// Whether "agreement" or "contract" at `j` is one to supply: "to supply" (or deliver, provide,
/// build) right after it, or a kind of supply in the two words before it.
fn supply_agreement(ctx: &Ctx, j: usize) -> bool {
    let n = ctx.words.len();
    // "an agreement to supply", "an agreement with a Finnish municipality to provide services".
    let to_supply = (j + 1..(j + 8).min(n.saturating_sub(1)))
        .take_while(|&k| ctx.same_clause(j, k))
        .any(|k| {
            ctx.lower(k) == "to"
                && (is_supplying(ctx.lower(k + 1))
                    || matches!(ctx.lower(k + 1), "provide" | "provides"))
        });
    let kind = (j.saturating_sub(2)..j).any(|k| super::in_word_list(SUPPLY_KINDS, ctx.lower(k)));
    to_supply || kind
}

/// Whether the supplying verb at `j` is a named supplier's promise to a customer: "Wärtsilä will
/// supply the engines for two LNG carriers", "Aalto Systems will deliver software to a
/// wholesaler". The name right before "will" and a "to" or "for" later in the clause; "build"
/// is left out (a company building its own plant is an investment, not a sale).
fn named_supplier_will(ctx: &Ctx, j: usize) -> bool {
    let n = ctx.words.len();
    j >= 2
        && !matches!(ctx.lower(j), "build" | "builds" | "building")
        && ctx.lower(j - 1) == "will"
        && ctx.capital[j - 2]
        && (j + 1..(j + 8).min(n))
            .take_while(|&k| ctx.same_clause(j, k))
            .any(|k| matches!(ctx.lower(k), "to" | "for"))
}

/// Whether word `j` starts a value: "worth" or "valued at" followed by a figure, within its
/// clause.
fn value_at(ctx: &Ctx, j: usize) -> bool {
    let n = ctx.words.len();
    let first = match ctx.lower(j) {
        "worth" => j + 1,
        "valued" if j + 1 < n && ctx.lower(j + 1) == "at" => j + 2,
        _ => return false,
    };
    (first..(first + 3).min(n))
        .take_while(|&k| ctx.same_clause(j, k))
        .any(|k| super::direction::number(ctx, k).is_some())
}

/// Whether word `j` is "under" a contract or order: "under a contract signed on Monday".
fn under_contract(ctx: &Ctx, j: usize) -> bool {
    let n = ctx.words.len();
    ctx.lower(j) == "under"
        && (j + 1..(j + 4).min(n))
            .take_while(|&k| ctx.same_clause(j, k))
            .any(|k| is_order(ctx.lower(k)))
}

/// Applies the unit: rewrites `valences` in place.
///
/// The unit's words stay out of the units' vocabulary ([`super::vocab`], which gates other
/// units on "a rule word is here"), so it finds its anchors itself: the order nouns and value
/// words, and then looks back for the verb.
pub(crate) fn apply(ctx: &Ctx, valences: &mut [f64]) {
    let n = ctx.words.len();
    let mut done = usize::MAX;
    for j in 1..n {
        let w = ctx.lower(j);
        // Every anchor has 5 to 9 letters: most words are skipped on their length.
        if !(5..=9).contains(&w.len()) {
            continue;
        }
        let signed_supply = matches!(w, "agreement" | "agreements" | "contract" | "contracts")
            && supply_agreement(ctx, j);
        let verb = if signed_supply {
            (j.saturating_sub(REACH)..j)
                .rev()
                .take_while(|&k| ctx.same_clause(k, j))
                .find(|&k| super::in_word_list(SIGNING, ctx.lower(k)))
                .or_else(|| {
                    (j.saturating_sub(REACH)..j)
                        .rev()
                        .take_while(|&k| ctx.same_clause(k, j))
                        .find(|&k| is_getting(ctx.lower(k)))
                })
        } else if is_order(w) {
            let command = (j.saturating_sub(2)..j).any(|k| is_command(ctx.lower(k)));
            (j.saturating_sub(REACH)..j)
                .rev()
                .take_while(|&k| ctx.same_clause(k, j))
                .find(|&k| is_getting(ctx.lower(k)))
                .filter(|_| !command)
        } else if is_supplying(w) && named_supplier_will(ctx, j) {
            Some(j)
        } else if matches!(w, "worth" | "valued" | "under")
            && (value_at(ctx, j) || under_contract(ctx, j))
        {
            (0..j)
                .rev()
                .take_while(|&k| ctx.same_clause(k, j))
                .find(|&k| is_supplying(ctx.lower(k)))
        } else {
            None
        };
        let Some(i) = verb.filter(|&i| i != done) else {
            continue;
        };
        done = i;
        // VADER's negation reached the verb's own valence already, not this one; a lack before
        // it ("failed to win") is the negation unit's, which runs later.
        let negated = super::direction::negated_before(ctx, i, i, &[]);
        valences[i] = if negated {
            valences[i].min(WIN * crate::vader::N_SCALAR)
        } else {
            valences[i].max(WIN)
        };
    }
}

#[cfg(test)]
mod tests {
    use crate::news::{score_sentence_with, Rules};

    fn with(text: &str, orders: bool) -> f64 {
        let rules = Rules {
            orders,
            ..Rules::RULES_ONLY
        };
        score_sentence_with(text, None, &rules).score
    }

    #[test]
    fn an_order_received_is_good_news() {
        for text in [
            "Valmet has received an order to supply a tissue production line to a customer in Brazil.",
            "The shipyard booked a EUR 120 million contract for two ferries.",
            "Kone landed a large order from a Chinese developer.",
            "Metso said it would supply conveyor equipment worth EUR 40 million to a mine in Chile.",
            "Scania will deliver 150 buses to operators in France under a contract signed on Monday.",
            "Haldane Marine AB has signed an agreement to supply four deck cranes to a shipyard.",
            "Nokia and the operator have signed a three-year frame agreement for radio equipment.",
            "Coastline has signed an agreement with a Finnish city to provide network services.",
            "Wartsila will supply the engines for two LNG carriers being built in China.",
            "Under the deal, Aalto Systems will deliver automation software to a wholesaler.",
        ] {
            let (on, off) = (with(text, true), with(text, false));
            assert!(on > 0.05, "{text}: {on}");
            assert!(on > off, "{text}: {on} <= {off}");
        }
    }

    #[test]
    fn facts_about_an_order_and_commands_are_not() {
        for text in [
            "The order includes the design and installation of two cranes.",
            "The vessel will be delivered to a shipping company based in Hamburg.",
            "The company received a court order to halt the sale.",
            "The agency received an executive order on hiring.",
            "The company has signed a cooperation agreement with a Chinese distributor.",
            "The agreement was signed in Stockholm on Tuesday.",
            "Kesko will build a new hypermarket for the Lahti region.",
            "Nokia will deliver its results on 5 May.",
        ] {
            assert_eq!(with(text, true), with(text, false), "{text}");
        }
    }

    #[test]
    fn an_order_not_won_is_bad_news() {
        for text in [
            "The shipyard did not receive the contract for the new ferries.",
            "The drug maker failed to win approval for its lead product.",
        ] {
            assert!(with(text, true) < -0.05, "{text}: {}", with(text, true));
        }
    }
}
