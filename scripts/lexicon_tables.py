"""What the lexicon generators share: pinned-version checks, VADER's lexicon, the words the
engine's tables rate already, and the writing of a sorted Rust table.

Imported by scripts/gen_opinion_lexicon.py, gen_afinn_lexicon.py, gen_prefixed_lexicon.py and
gen_editorial_lexicon.py (run from anywhere; each puts this folder on its path).
"""
import os
import re
import sys
from importlib.metadata import version

VADER = "3.3.2"
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
NEWS = os.path.join(ROOT, "src", "news")
PAIR = re.compile(r'\("([^"]+)", (-?[0-9.]+)\)')


def check(pkg, want):
    """Exits unless PyPI package `pkg` is installed at version `want`."""
    got = version(pkg)
    if got != want:
        sys.exit(f"{pkg} {got} is installed; this script expects {want}: pip install {pkg}=={want}")


def vader_lexicon():
    """VADER 3.3.2's lexicon as {word: valence}, and the module (for its booster and negation
    lists)."""
    check("vaderSentiment", VADER)
    from vaderSentiment import vaderSentiment as vs

    lexicon = {}
    path = os.path.join(os.path.dirname(os.path.abspath(vs.__file__)), "vader_lexicon.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                word, valence = line.split("\t")[:2]
                lexicon[word.lower()] = float(valence)
    return lexicon, vs


def unit_vocabulary():
    """Every word the news engine's rule units match on (src/news/vocab.rs)."""
    with open(os.path.join(NEWS, "vocab.rs"), encoding="utf-8") as f:
        return set(re.findall(r'"([^"]+)"', f.read()))


def table_pairs(file):
    """The (word, valence) pairs of a generated table in src/news/."""
    with open(os.path.join(NEWS, file), encoding="utf-8") as f:
        return [(w, float(v)) for w, v in PAIR.findall(f.read())]


def rated_already(tables):
    """Words VADER rates, boosts or negates, the units' words, and the words of the generated
    `tables` (file names in src/news/)."""
    lexicon, vs = vader_lexicon()
    taken = set(lexicon) | {w.lower() for w in vs.BOOSTER_DICT} | {w.lower() for w in vs.NEGATE}
    taken |= unit_vocabulary()
    for file in tables:
        taken |= {w for w, _ in table_pairs(file)}
    return taken


LEXICON_DOC = "`(word, valence)` on VADER's -4..4 scale, sorted by word"


def write_lexicon(path, header, name, entries):
    """Writes a generated file: its `header` comment lines and one table of `entries`."""
    write(path, header + rust_table(name, LEXICON_DOC, entries))


def rust_table(name, doc, entries):
    """The lines of a `pub(crate) const name: &[(&str, f64)]` table, sorted by word."""
    entries = sorted(entries)
    lines = [f"/// {doc} ({len(entries)} entries).", f"pub(crate) const {name}: &[(&str, f64)] = &["]
    lines += [f'    ("{w}", {float(v)!r}),' for w, v in entries]
    lines.append("];")
    return lines


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
