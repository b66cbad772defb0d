#!/usr/bin/env python3
"""Entity recognition figures on the development NER data, ours and npm `compromise` side by side.

Usage:  python3 scripts/eval_entities.py DATA_DIR [--write docs/entities.md] [--bin PATH]

DATA_DIR is ../shared/data (or a folder with the same ner/ layout). Runs `undertone ner --conll`
(the release binary, target/release/undertone, unless --bin is given; build it first with
`cargo build --release`) and `node scripts/entities_compromise.mjs` over the same tokens, and
prints per-type and micro precision, recall and F1 (exact span and type) and the per-document
entity-set F1 (distinct (type, lowercase text) pairs), on
  * wikigold (IOB1; MISC mapped to O),
  * broad_twitter_corpus dev and test splits (BIO).
With --write FILE the table is written as Markdown (docs/entities.md is generated this way).
"""
import os
import subprocess
import sys
import time

TYPES = ["PER", "ORG", "LOC"]
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def read_conll(path):
    """Lines of a CoNLL file and, per line, (token, gold tag) or None."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l[:-1] if l.endswith("\r") else l for l in f.read().split("\n")]
    if lines and lines[-1] == "":
        lines.pop()
    # A token that is whitespace (BTC has a few) would leave the first column empty.
    return ["_" + l.lstrip(" ") if l.strip() and l[0] in " \t" else l for l in lines]


def spans(tags, iob1):
    """Typed spans (start, end, type) of a tag sequence (None = sentence/doc break)."""
    out, start, kind = [], None, None
    for i, tag in enumerate(tags + [None]):
        if tag is None or tag == "O" or tag[2:] not in TYPES:
            if start is not None:
                out.append((start, i, kind))
            start, kind = None, None
            continue
        prefix, t = tag[0], tag[2:]
        begins = prefix == "B" or start is None or t != kind or (not iob1 and prefix != "I")
        if begins:
            if start is not None:
                out.append((start, i, kind))
            start, kind = i, t
    return out


def columns(lines, col):
    """Per token line: the tag in column col (-1 = last); None for blank/DOCSTART lines."""
    tags, tokens, docs = [], [], []
    doc = 0
    has_docstart = any(l.startswith("-DOCSTART-") for l in lines)
    for l in lines:
        if not l.strip() or l.startswith("-DOCSTART-"):
            tags.append(None)
            tokens.append(None)
            if l.startswith("-DOCSTART-") or (not has_docstart and not l.strip()):
                doc += 1
            docs.append(doc)
            continue
        parts = l.replace("\t", " ").split(" ")
        tags.append(parts[col])
        tokens.append(parts[0])
        docs.append(doc)
    return tags, tokens, docs


def score(gold, pred, tokens, docs):
    g, p = set(gold), set(pred)
    res = {}
    for t in TYPES + ["micro"]:
        gs = {s for s in g if t == "micro" or s[2] == t}
        ps = {s for s in p if t == "micro" or s[2] == t}
        tp = len(gs & ps)
        pr = tp / len(ps) if ps else 0.0
        rc = tp / len(gs) if gs else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        res[t] = (pr, rc, f1)
    # Per-document distinct typed entities.
    def sets(ss):
        d = {}
        for a, b, t in ss:
            d.setdefault(docs[a], set()).add((t, " ".join(tokens[a:b]).lower()))
        return d
    gd, pd = sets(gold), sets(pred)
    tp = sum(len(gd.get(k, set()) & pd.get(k, set())) for k in set(gd) | set(pd))
    ng, npred = sum(map(len, gd.values())), sum(map(len, pd.values()))
    pr, rc = (tp / npred if npred else 0.0), (tp / ng if ng else 0.0)
    res["docset"] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return res


def run(cmd, data):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, input=data.encode("utf-8"), capture_output=True, cwd=ROOT)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {r.stderr.decode('utf-8', 'replace').strip()}")
    return r.stdout.decode("utf-8"), time.perf_counter() - t0


def main():
    args = sys.argv[1:]
    write = None
    binary = os.path.join(ROOT, "target/release/undertone")
    if "--write" in args:
        i = args.index("--write")
        write = args[i + 1]
        del args[i:i + 2]
    if "--bin" in args:
        i = args.index("--bin")
        binary = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    ner = os.path.join(args[0], "ner")
    if not os.path.isdir(ner):
        sys.exit(f"no NER data at {ner}: pass the development data folder (../shared/data); "
                 "it is not part of the repository")
    if not os.path.exists(binary):
        sys.exit(f"{binary} is missing: run `cargo build --release` first")
    sets = [
        ("wikigold", os.path.join(ner, "wikigold/wikigold.conll.txt"), True),
        ("BTC dev", os.path.join(ner, "broad_twitter_corpus/splits/btc.dev"), False),
        ("BTC test", os.path.join(ner, "broad_twitter_corpus/splits/btc.test"), False),
    ]
    systems = [("undertone", [binary, "ner", "--conll"]),
               ("undertone without gazetteers", [binary, "ner", "--conll", "--without", "gazetteers"]),
               ("undertone without document pass", [binary, "ner", "--conll", "--without", "document"]),
               ("compromise", ["node", os.path.join(HERE, "entities_compromise.mjs")])]
    rows = []
    for name, path, iob1 in sets:
        if not os.path.exists(path):
            print(f"{name}: {path} is missing, skipped")
            continue
        lines = read_conll(path)
        data = "\n".join(lines) + "\n"
        gtags, tokens, docs = columns(lines, -1)
        gold = spans(gtags, iob1)
        ntok = sum(t is not None for t in tokens)
        for sysname, cmd in systems:
            out, secs = run(cmd, data)
            plines = read_conll_text(out)
            if len(plines) != len(lines):
                sys.exit(f"{sysname} returned {len(plines)} lines for {len(lines)}")
            ptags, _, _ = columns(plines, -1)
            pred = spans(ptags, False)
            if not iob1:
                # BTC marks the "@" of a handle as a mention of its own (its README says so):
                # those one-token spans are left out for every system.
                gold = [s for s in gold if tokens[s[0]:s[1]] != ["@"]]
                pred = [s for s in pred if tokens[s[0]:s[1]] != ["@"]]
            rows.append((name, sysname, ntok, len(gold), score(gold, pred, tokens, docs), secs))
    header = ["set", "system", "PER P/R/F1", "ORG P/R/F1", "LOC P/R/F1", "micro P", "micro R",
              "micro F1", "doc-set F1"]
    fmt = lambda x: f"{x:.2f}"
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, sysname, ntok, ngold, res, secs in rows:
        cells = [f"{name} ({ntok:,} tokens, {ngold:,} mentions)", sysname]
        cells += ["/".join(fmt(v) for v in res[t]) for t in TYPES]
        cells += [fmt(v) for v in res["micro"]] + [fmt(res["docset"][2])]
        table.append("| " + " | ".join(cells) + " |")
    text = "\n".join(table)
    print(text)
    if write:
        with open(write, "w", encoding="utf-8") as f:
            f.write("<!-- Generated by `python3 scripts/eval_entities.py ../shared/data --write "
                    "docs/entities.md`; do not edit. -->\n\n")
            f.write("# Entity recognition: development figures\n\n")
            f.write("Exact span and type; MISC is mapped to O (wikigold is IOB1, BTC is BIO). "
                    "Precision/recall/F1 per type, micro over the three types, and the F1 of the "
                    "distinct typed entities per document (wikigold: its 145 articles; BTC: each "
                    "tweet). `undertone` is `undertone ner --conll`; `compromise` is npm "
                    "compromise (people/organizations/places) run by "
                    "`scripts/entities_compromise.mjs` on the same text. Neither corpus is news; "
                    "the BTC train split fed the generated common-word list, dev and test did "
                    "not. BTC splits an @handle into \"@\" and the name, both tagged; the "
                    "one-token \"@\" spans are left out of gold and predictions for every "
                    "system (mention counts are after that). The two ablation rows switch off one "
                    "part each (`undertone ner --conll --without gazetteers|document`): the "
                    "generated tables (places, first names, company suffixes, common words) and "
                    "the document pass (strong mentions type the weak ones sharing their words); "
                    "the capitalisation and context rules always run.\n\n")
            f.write(text + "\n")
        print(f"wrote {write}")


def read_conll_text(s):
    lines = s.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


if __name__ == "__main__":
    main()
