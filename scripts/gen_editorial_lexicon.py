#!/usr/bin/env python3
"""Generate src/news/editorial.rs: words of praise and blame in editorials, rated by the team.

Usage:  python3 scripts/gen_editorial_lexicon.py [--with-second-batch] [--without-reviews] [OUTPUT]
        (default: src/news/editorial.rs; --with-second-batch also takes the batch below, for
        measuring it with `undertone eval`: the shipped table leaves it out; --without-reviews
        leaves out the review words, to measure what they buy)
Needs (pinned; checked):  pip install vaderSentiment==3.3.2
Run it after scripts/gen_news_vocab.py, gen_opinion_lexicon.py, gen_afinn_lexicon.py and
gen_prefixed_lexicon.py.

Source: scripts/ratings/editorial-words.tsv, made by the team (no data set or lexicon copied):

* Candidates: one writer listed 1,200 words that editorials, op-eds and political commentary
  use to praise and criticise policies, officials, laws and conduct ("feckless", "botched",
  "even-handed", "boondoggle", "safeguard"), with their inflections and both spellings, across
  politics, courts, budgets, foreign affairs, health, schools, environment, transport,
  business, media, sport governance and culture; about 15% were words that look evaluative but
  are mostly neutral in news ("controversial", "sweeping", "hawkish"), for the raters to say so.
  The 718 that no table of the engine rated yet were rated.
* Rating, as VADER's lexicon was built (Hutto and Gilbert 2014): three raters, each alone, no
  tool or lexicon, an integer from -4 to +4 for the word's usual sense in news and editorials,
  0 for no sentiment or as often good as bad. The script prints how closely each pair of raters
  agrees (Pearson r; 0.986 to 0.991).

What is taken: a word whose mean rating is at least MIN_MEAN from 0 and whose raters'
standard deviation is at most MAX_SD, that no table of the engine rates (VADER, its boosters
and negations, the news units' vocabulary, the opinion, AFINN and "un-" tables). Its valence is
the mean, rounded to 0.1: the raters used VADER's scale. No development data is read; the
constants were set before any measurement.

Review words (`scripts/ratings/review-words.tsv`, taken): a third writer, told to open no file
or lexicon, listed 1,000 words critics use to praise and criticise films, TV, books, theatre,
music and games ("plodding", "formulaic", "mawkish", "taut", "luminous", "by-the-numbers"),
about 15% of them plain description ("episodic", "ensemble"); the 594 that no table rated yet
were rated by three more new raters for their usual sense in reviews and news, leaning to 0
where a plain sense ("slow traffic", "wooden furniture") is as common. Same rules as above; the
last two lines of NOT_IN_NEWS are the review of their kept list: plain senses in news ("Turkey",
"a tender offer", "affecting 150 employees", "police arresting", "generic drugs", "rubbish
collection", "dated 12 March", "revelations" of a scandal, a bribe's "payoff").

A second batch, rated but not taken: `scripts/ratings/editorial-words-2.tsv`, 499 words from
1,613 candidates by another writer ("shambolic", "lacklustre", "malaise", "marvellous",
"stinging"), rated by three new raters (pairwise r 0.97 to 0.99). Taken with this script's
rules (and NOT_IN_NEWS's last two lines, a review removing plain senses: "a flat in Leeds",
"striking workers", the name Frank, "an insurance premium", "cerebral palsy"), it raised the review sets (movie snippets r +0.009, SST-2 +0.003, measured at `6359f62` with --with-second-batch) but lowered three of
the four editorial halves (tune -0.013, tune2 -0.019, check -0.011; check2 unchanged): on the
tune halves the loss is ironic praise ("What a marvellous week for the department, which lost
only two laptops") and a rebuke of someone the sentence praises others for rebuking. An engine
for news keeps it out until something reads irony.

NOT_IN_NEWS is the team's review of the kept list, read as a whole (not from errors): words
whose common sense in news is another one ("gut" the organ, "spat" the past of spit, "foster"
care, a stock "split", "as measured by", "scrap" metal, the union "Unite", "the German
concern") or mostly a plain fact in company and city news ("signed a partnership", "a
cooperation agreement", "delivered 500 trucks", "closed for repairs", "pension reform", "a
historic mill", "legal remedies"): the team's financial sentences count such facts neutral.
"""
import csv
import itertools
import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lexicon_tables as lt  # noqa: E402

MIN_MEAN = 0.5
MAX_SD = 1.0
RATINGS = os.path.join(lt.ROOT, "scripts", "ratings", "editorial-words.tsv")
SECOND_BATCH = os.path.join(lt.ROOT, "scripts", "ratings", "editorial-words-2.tsv")
REVIEWS = os.path.join(lt.ROOT, "scripts", "ratings", "review-words.tsv")
NOT_IN_NEWS = set("""
concern cooperation deliver delivered delivering delivers diplomacy dominant foster grassroots
gut guts heated historic leadership measured partnership reform reforms remedies remedy repair
repaired repairing repairs row rows scrap scraps shore shores spat spin split stability unite
acute atmospheric backlog blue-chip cerebral correction dark exposure flat forensic frank glossy
graphic hot leafy luxury moving premature premium striking
affecting arresting breakout cardboard cheap commanding cracker dated depth essential generic
glacial inert intimate juvenile knockout lavish payoff revelation rubbish searing static stirring
sugary sweeping tender thin turkey wooden
""".split())


def read_ratings(path):
    """The rows of a ratings file, after printing how closely each pair of raters agrees."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    raters = [k for k in rows[0] if k.startswith("rater_")]
    for a, b in itertools.combinations(raters, 2):
        r = statistics.correlation([int(x[a]) for x in rows], [int(x[b]) for x in rows])
        print(f"{os.path.basename(path)}: {a} ~ {b}: r {r:.3f}")
    return rows


def main():
    args = sys.argv[1:]
    second = "--with-second-batch" in args
    reviews = "--without-reviews" not in args
    args = [a for a in args if a not in ("--with-second-batch", "--without-reviews")]
    out_path = args[0] if args else os.path.join(lt.NEWS, "editorial.rs")
    taken = lt.rated_already(["opinion.rs", "afinn.rs", "prefixed.rs"])
    rows = read_ratings(RATINGS)
    second_rows = read_ratings(SECOND_BATCH)
    if second:
        rows += second_rows
    review_rows = read_ratings(REVIEWS)
    if reviews:
        rows += review_rows
    raters = [k for k in rows[0] if k.startswith("rater_")]
    table = []
    seen = set()
    for row in rows:
        word = row["word"]
        ratings = [int(row[r]) for r in raters]
        mean = statistics.mean(ratings)
        if (abs(mean) < MIN_MEAN or statistics.pstdev(ratings) > MAX_SD or word in taken
                or word in NOT_IN_NEWS):
            continue
        if word not in seen:
            seen.add(word)
            table.append((word, round(mean, 1)))
    lines = [
        "//! Generated by `python3 scripts/gen_editorial_lexicon.py` from the team's ratings",
        "//! (`scripts/ratings/editorial-words.tsv`"
        + (", `scripts/ratings/review-words.tsv`" if reviews else "")
        + "; three raters each);",
        "//! see that script for the method. Do not edit.",
        "//! Valence = the raters' mean.",
        "",
    ]
    lt.write_lexicon(out_path, lines, "EDITORIAL_LEXICON", table)
    print(f"{out_path}: {len(table)} words of {len(rows)} rated")


if __name__ == "__main__":
    main()
