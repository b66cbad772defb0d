#!/usr/bin/env python3
"""Generate src/news/idioms.rs: multi-word expressions of commentary, rated by the team.

Usage:  python3 scripts/gen_idiom_lexicon.py [--without-business] [--without-reviews] [OUTPUT]
        (default: src/news/idioms.rs; --without-business / --without-reviews leave out that
        batch, to measure what it buys)
Needs nothing beyond Python 3.

Sources: scripts/ratings/editorial-idioms.tsv, business-idioms.tsv and review-idioms.tsv, made
by the team (no data set or lexicon copied):

* Candidates: one writer listed expressions of two to six words that editorials, opinion
  columns, political commentary and news reports use and whose tone is not the sum of their
  words ("fall short", "a step in the right direction", "cold comfort", "kick the can down the
  road", "paper over the cracks"), across politics, courts, budgets, foreign affairs, health,
  schools, environment, transport, business, media, sport governance and culture, with their
  inflected forms as variants on one line ("fall short | falls short | fell short | ...");
  about 15% were expressions that look evaluative but are mostly neutral in news ("take into
  account", "come into force", "at stake"), for the raters to say so. The writer was told to
  open no lexicon or idiom list. 107 demands were added to that batch ("should resign | must
  resign | ought to resign | ...", "should be commended"), the modals crossed with verbs of
  accountability, removal, approval and praise.
* A second batch, later, by another writer shown only the first list (to repeat none of it):
  1,246 more, wider (phrasal verbs, verdict collocations such as "miss the mark", market-report
  and review clichés such as "dead cat bounce", "a tour de force"), with three new raters.
* A business batch (business-idioms.tsv), by a third writer told to open no file and no
  lexicon: 600 expressions of business, market and financial news ("in the red", "profit
  warning", "take a hit", "buy back", "rights issue", "net debt"), about a quarter of them
  neutral terms, rated by three more new raters for how a news reader takes them toward the
  company, market or economy they are said of. Where a form is in both files, the editorial
  rating stands (the editorial file is read first).
* A review batch (review-idioms.tsv), by a fourth writer with the same instructions: 400
  expressions critics use of films, TV, books, theatre, music and games ("falls flat", "a
  return to form", "like watching paint dry"), about 15% neutral genre terms ("dark comedy",
  "love interest", "serial killer"), rated by three more new raters for how a review reads
  them. Files are read in this order; the first rating of a form stands.
* Rating, as for the editorial words: three raters, each alone, no tool or lexicon, an integer
  from -4 to +4 for the expression's usual sense in news and editorials, 0 for none. The script
  prints how closely each pair of rater columns agrees (Pearson r; each batch had its own three).

What is taken: every variant of an expression whose raters' standard deviation is at most
MAX_SD. Its valence is the mean rounded to 0.1 when at least MIN_MEAN from 0, else 0: a
neutral expression silences its words ("came into force"). Each variant is written as VADER's
words of it (lowercased, edge punctuation stripped; the engine compares words the same way).
No development data is read; the constants are the editorial words' ones, set before any
measurement.

NOT_IN_NEWS is the team's review of the kept list, read as a whole (not from errors):
expressions (by first form) whose common sense in news is a plain one: "the money should go to
schools", "tickets sold out", "rolled over the debt".

COMPOSED: openings the negation unit already composes with what follows ("far from perfect",
"less than ideal" turn "perfect" and "ideal" over, as strongly as those words are; "no mean
feat" and "nothing short of remarkable" assert them); the table leaves such forms to it.
"""
import csv
import itertools
import os
import statistics
import string
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexicon_tables as lt  # noqa: E402

MIN_MEAN = 0.5
MAX_SD = 1.0
RATINGS = [os.path.join(lt.ROOT, "scripts", "ratings", name)
           for name in ("editorial-idioms.tsv", "business-idioms.tsv", "review-idioms.tsv")]
EDGE = string.punctuation.replace("'", "")
NOT_IN_NEWS = {"should go", "sell out", "roll over",
               # the review batch's sport and boxing senses in news
               "a knockout", "a home run", "a slam dunk", "a gut punch"}
COMPOSED = ("far from ", "less than ", "lack of ", "short on ", "anything but ", "hardly ",
            "no small ", "no mean ", "no minor ", "no little ", "nothing short of ")


def vader_words(phrase):
    """The phrase as the engine's table form of VADER's words."""
    words = (w.replace("\u2019", "'").lower().strip(EDGE) for w in phrase.split())
    return " ".join(w for w in words if w)


def main():
    args = sys.argv[1:]
    sources = list(RATINGS)
    for flag, name in (("--without-business", "business-idioms.tsv"),
                       ("--without-reviews", "review-idioms.tsv")):
        if flag in args:
            args.remove(flag)
            sources = [p for p in sources if os.path.basename(p) != name]
    out_path = args[0] if args else os.path.join(lt.NEWS, "idioms.rs")
    rows = []
    for path in sources:
        with open(path, encoding="utf-8", newline="") as f:
            batch = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        raters = [k for k in batch[0] if k.startswith("rater_")]
        for a, b in itertools.combinations(raters, 2):
            r = statistics.correlation([int(x[a]) for x in batch], [int(x[b]) for x in batch])
            print(f"{os.path.basename(path)}: {a} ~ {b}: r {r:.3f}")
        rows += batch
    table = {}
    toned = 0
    for row in rows:
        ratings = [int(row[r]) for r in raters]
        first_form = row["expression"].split("|")[0].strip()
        if statistics.pstdev(ratings) > MAX_SD or first_form in NOT_IN_NEWS:
            continue
        mean = statistics.mean(ratings)
        valence = round(mean, 1) if abs(mean) >= MIN_MEAN else 0.0
        toned += valence != 0.0
        for variant in row["expression"].split("|"):
            words = vader_words(variant)
            # One word is the word lexicons' business; the first rating of a repeat stands.
            if " " in words and words not in table and not (words + " ").startswith(COMPOSED):
                table[words] = valence
    lines = [
        "//! Generated by `python3 scripts/gen_idiom_lexicon.py` from the team's ratings",
        "//! (" + ", ".join(os.path.basename(p) for p in sources)
        + " in `scripts/ratings/`;",
        "//! three raters each); see that script for the method. Do not edit.",
        "//! Valence = the raters' mean; 0 = a neutral expression that silences its words.",
        "",
    ]
    lt.write_lexicon(out_path, lines, "IDIOM_LEXICON", table.items())
    print(f"{out_path}: {len(table)} forms of {len(rows)} rated expressions ({toned} with a tone)")


if __name__ == "__main__":
    main()
