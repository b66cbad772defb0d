//! Frozen vectors: `undertone::vader` must reproduce vaderSentiment 3.3.2's outputs for every
//! input of tests/fixtures/vader_inputs.txt, as recorded in tests/fixtures/vader_frozen.tsv by
//! scripts/vader_frozen_vectors.py. Needs neither Python nor the shared data.

use undertone::vader;

const FROZEN: &str = include_str!("fixtures/vader_frozen.tsv");
const TOLERANCE: f64 = 1e-9;

/// Every rule that must have its own vectors, and how many at least.
const RULES: &[&str] = &[
    "negation",
    "boosters",
    "dampeners",
    "caps",
    "but",
    "exclamation",
    "question",
    "idioms",
    "least",
    "kind-of",
    "emoji",
    "nt",
    "never-so",
    "without-doubt",
    "punct-strip",
    "unicode-whitespace",
    "no",
    "all-caps-sentence",
    "edge",
    "mixed",
];
const MIN_PER_RULE: usize = 10;

struct Vector {
    line: usize,
    rule: String,
    text: String,
    want: [f64; 4],
}

fn vectors() -> Vec<Vector> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (n, line) in FROZEN.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !header_seen {
            assert_eq!(
                line, "rule\ttext_json\tneg\tneu\tpos\tcompound",
                "frozen TSV header"
            );
            header_seen = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 6, "vader_frozen.tsv line {}: {line:?}", n + 1);
        let text: String = serde_json::from_str(cols[1])
            .unwrap_or_else(|e| panic!("vader_frozen.tsv line {}: bad text_json: {e}", n + 1));
        let num = |i: usize| -> f64 {
            cols[i]
                .parse()
                .unwrap_or_else(|e| panic!("vader_frozen.tsv line {}: column {i}: {e}", n + 1))
        };
        out.push(Vector {
            line: n + 1,
            rule: cols[0].to_string(),
            text,
            want: [num(2), num(3), num(4), num(5)],
        });
    }
    out
}

#[test]
fn every_rule_has_enough_vectors() {
    let v = vectors();
    for rule in RULES {
        let n = v.iter().filter(|x| x.rule == *rule).count();
        assert!(
            n >= MIN_PER_RULE,
            "rule {rule}: {n} frozen vectors, want >= {MIN_PER_RULE}"
        );
    }
}

#[test]
fn frozen_vectors_match_reference() {
    let v = vectors();
    assert!(v.len() >= RULES.len() * MIN_PER_RULE);
    let mut failures = Vec::new();
    for x in &v {
        let s = vader::polarity_scores(&x.text);
        let got = [s.neg, s.neu, s.pos, s.compound];
        for (k, name) in ["neg", "neu", "pos", "compound"].iter().enumerate() {
            if (got[k] - x.want[k]).abs() > TOLERANCE {
                failures.push(format!(
                    "rule {} (vader_frozen.tsv line {}): {name} = {} but vaderSentiment 3.3.2 gives {} for {:?}",
                    x.rule, x.line, got[k], x.want[k], x.text
                ));
            }
        }
        // The explained variant must agree and point at real words of the input.
        let (explained, words) = vader::polarity_scores_explained(&x.text);
        assert_eq!(
            explained, s,
            "rule {}: explained scores differ for {:?}",
            x.rule, x.text
        );
        for w in words {
            assert!(
                w.start < w.end && x.text.get(w.start..w.end).is_some() && w.valence != 0.0,
                "rule {}: bad word span {w:?} in {:?}",
                x.rule,
                x.text
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
