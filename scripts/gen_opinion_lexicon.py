#!/usr/bin/env python3
"""Generate src/news/opinion.rs: opinion adjectives VADER's lexicon lacks, from pattern's lexicon.

Usage:  python3 scripts/gen_opinion_lexicon.py [OUTPUT]      (default: src/news/opinion.rs)

Needs (pinned; checked):  pip install textblob==0.20.1 vaderSentiment==3.3.2 english-words==2.0.2

Source: `en-sentiment.xml`, the English subjectivity lexicon of pattern (Tom De Smedt and Walter
Daelemans, CLiPS, University of Antwerp), version 1.3, as shipped inside TextBlob 0.20.1 (MIT).
The lexicon's own header gives its licence as PDDL (public domain); see licenses/opinion-lexicon.md.
It rates about 2,900 English adjectives (and a few nouns) per word sense, by hand or inferred,
with a polarity in -1..1 and a subjectivity in 0..1; it was built for product and movie reviews.

What is taken: words VADER 3.3.2's lexicon does not rate and that are not VADER boosters or
negations, nor words the news engine's own units rate or match on (src/news/vocab.rs). A word's
polarity and subjectivity are the means over its senses (as pattern itself scores a word); a
word is kept when it is mostly opinion (subjectivity >= MIN_SUBJECTIVITY) and clearly signed
(|polarity| >= MIN_POLARITY). Its valence on VADER's -4..4 scale is polarity * SCALE, rounded to
0.1. The three constants were chosen on the development sets and are reported with them.

NOT_OPINION_IN_NEWS is the team's review of the kept list (read as a whole, not from errors):
words that in news are mostly plain facts or function words (quantity, time, order, weather,
price, grammar: "many", "own", "latest", "late", "cold", "cheap", "elect", "striking"), or
whose pattern sign is wrong for a reader ("hazardous" +, "skittish" +). They are left out.

A second table, MANNER_ADVERBS, derives adverbs of manner from rated adjectives: "superbly",
"poorly", "deftly", "fraudulently". For every adjective with |valence| >= MIN_ADVERB_STEM in
VADER's lexicon or the table above, its regular -ly forms ("superb" -> "superbly", "happy" ->
"happily", "capable" -> "capably", "comic" -> "comically") that Webster's Second International
lists (the web2 list of PyPI english-words 2.0.2, MIT, used only as a filter) and that VADER does
not rate take the adjective's valence. The engine counts such an adverb only where it is not
modifying a rated word, so "insanely funny" stays a matter of "funny" ([`news::lexicon`]).
NOT_MANNER is the team's review of that list (read as a whole): adverbs whose sense is not the
adjective's ("fairly", "naturally", "readily", "critically", "famously") and -ly words that are
adjectives of another meaning ("sickly", "ghostly", "goodly").
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexicon_tables as lt  # noqa: E402

TEXTBLOB = "0.20.1"
MIN_SUBJECTIVITY = 0.5
MIN_POLARITY = 0.2
SCALE = 2.5
NOT_OPINION_IN_NEWS = set("""
able absolute absorbed acquainted acute advertent aeriform affirmative airheaded alcoholic algid
alien applicative apportioned approximate artesian assumptive autonomous base becoming behind
boundless calculable captive cast-iron catching cheap chicken churning cleanly cloud-covered cold
collectible common confirmed consecrated convex coriaceous detailed dialectal diaphanous dramatic
dried dusty ecological elect elementary everyday expensive experienced extinct fast filled
first-string flippant fly forcible fringy full gay golden guarded hazardous heavy hot intimate
late latest licentious light limp many mean mere mild motley nameless orthodox overwhelming own
placid pregnant primary quick rank rare right secret sexual skittish stark static stiff striking
thin uncommon uncut ungraded unilateral unprecedented unsalted unstirred untraceable unusual
youngish
""".split())
MIN_ADVERB_STEM = 1.0
ENGLISH_WORDS = "2.0.2"
NOT_MANNER = set("""
accidently cleanly coolly critically curiously deathly disorderly faintly famously fairly freshly
gainly ghostly goodly heartly helly increasedly killy lovelily lowlily mightily naturally notably
originally precisely prominently randomly readily smily sickly sparkly specially startly thrilly
wishly helply troubly dreadly betterly
""".split())

def ly_forms(stem):
    """The regular -ly adverbs of an adjective."""
    forms = [stem + "ly"]
    if stem.endswith("y"):
        forms.append(stem[:-1] + "ily")
    if stem.endswith("le"):
        forms.append(stem[:-1] + "y")
    if stem.endswith("ic"):
        forms.append(stem + "ally")
    if stem.endswith("ue"):
        forms.append(stem[:-1] + "ly")
    if stem.endswith("ll"):
        forms.append(stem + "y")
    return forms


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(lt.NEWS, "opinion.rs")
    lt.check("textblob", TEXTBLOB)
    import textblob

    vader_lexicon, vs = lt.vader_lexicon()
    vader_words = set(vader_lexicon)
    vader_words |= {w.lower() for w in vs.BOOSTER_DICT} | {w.lower() for w in vs.NEGATE}
    news_words = lt.unit_vocabulary()

    xml = os.path.join(os.path.dirname(textblob.__file__), "en", "en-sentiment.xml")
    senses = defaultdict(list)
    for w in ET.parse(xml).getroot().iter("word"):
        form = w.get("form", "").lower()
        if form and re.fullmatch(r"[a-z][a-z'-]*", form):
            senses[form].append((float(w.get("polarity")), float(w.get("subjectivity"))))

    table = []
    for form, ss in sorted(senses.items()):
        if form in vader_words or form in news_words or form in NOT_OPINION_IN_NEWS:
            continue
        polarity = sum(p for p, _ in ss) / len(ss)
        subjectivity = sum(s for _, s in ss) / len(ss)
        if subjectivity >= MIN_SUBJECTIVITY and abs(polarity) >= MIN_POLARITY:
            valence = round(polarity * SCALE, 1)
            if valence != 0.0:
                table.append((form, valence))

    lt.check("english-words", ENGLISH_WORDS)
    from english_words import get_english_words_set
    web2 = get_english_words_set(["web2"], lower=True)
    # Stems the news units rate or match on keep their news meaning ("strong", "fine").
    rated = {w: val for w, val in vader_lexicon.items()
             if re.fullmatch(r"[a-z]+", w) and w not in news_words}
    rated.update({w: val for w, val in table})
    opinion_words = {w for w, _ in table}
    adverbs = {}
    for stem, val in sorted(rated.items()):
        if abs(val) < MIN_ADVERB_STEM or len(stem) < 4:
            continue
        for adverb in ly_forms(stem):
            taken = adverb in vader_words or adverb in news_words or adverb in opinion_words
            if adverb in web2 and not taken and adverb not in NOT_MANNER:
                adverbs.setdefault(adverb, val)
    lines = [
        "//! Generated by `python3 scripts/gen_opinion_lexicon.py` from pattern's English subjectivity",
        "//! lexicon (en-sentiment.xml 1.3, De Smedt & Daelemans, PDDL) as shipped in TextBlob",
        f"//! {TEXTBLOB}; see that script for the method and licenses/opinion-lexicon.md. Do not edit.",
        f"//! Kept: subjectivity >= {MIN_SUBJECTIVITY}, |polarity| >= {MIN_POLARITY}; valence = polarity * {SCALE}.",
        "",
    ]
    lines += lt.rust_table("OPINION_LEXICON", lt.LEXICON_DOC, table)
    lines.append("")
    lines += lt.rust_table(
        "MANNER_ADVERBS",
        f"Adverbs of manner derived from rated adjectives (|valence| >= {MIN_ADVERB_STEM}), with the\n"
        "/// adjective's valence, sorted",
        adverbs.items(),
    )
    lt.write(out_path, lines)
    print(f"{out_path}: {len(table)} words, {len(adverbs)} adverbs")


if __name__ == "__main__":
    main()
