//! `undertone eval DATA_DIR`: figures on the development data, every engine in the same run.
//!
//! Whole documents only for the article score: the Amazon review snippets grouped by review
//! (the id's part before `_`), each review's text being its sentences joined in order.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use undertone::{analyze_with, vader, Engine, Options};

/// Share of documents whose score is beyond this magnitude: "saturated".
const SATURATED_BEYOND: f64 = 0.9;
/// Reviews with at least this many sentences form the "long" subset.
const LONG_REVIEW_SENTENCES: usize = 5;

struct Row {
    id: String,
    valence: f64,
    text: String,
}

fn read_tsv(path: &Path) -> Result<Vec<Row>, String> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(valence), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(format!(
                "{}:{}: expected id, valence, text",
                path.display(),
                n + 1
            ));
        };
        let valence = valence
            .trim()
            .parse()
            .map_err(|_| format!("{}:{}: bad valence '{valence}'", path.display(), n + 1))?;
        rows.push(Row {
            id: id.to_string(),
            valence,
            text: text.to_string(),
        });
    }
    Ok(rows)
}

/// Pearson correlation; NaN when either side is constant.
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    sxy / (sxx * syy).sqrt()
}

fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = rank;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman rank correlation (Pearson on average ranks).
pub fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    pearson(&ranks(xs), &ranks(ys))
}

fn saturated_share(xs: &[f64]) -> f64 {
    xs.iter().filter(|x| x.abs() > SATURATED_BEYOND).count() as f64 / xs.len() as f64
}

struct Review {
    text: String,
    sentences: usize,
    mean_rating: f64,
}

fn reviews(rows: &[Row]) -> Vec<Review> {
    // Group by review id, keeping sentence order by the sentence number after '_'.
    let mut grouped: BTreeMap<u64, Vec<(u64, &Row)>> = BTreeMap::new();
    for row in rows {
        let (review, sentence) = row.id.split_once('_').unwrap_or((&row.id, "0"));
        let (Ok(review), Ok(sentence)) = (review.parse(), sentence.parse()) else {
            continue;
        };
        grouped.entry(review).or_default().push((sentence, row));
    }
    grouped
        .into_values()
        .map(|mut sentences| {
            sentences.sort_by_key(|(n, _)| *n);
            let texts: Vec<&str> = sentences.iter().map(|(_, r)| r.text.trim()).collect();
            Review {
                text: texts.join(" "),
                sentences: sentences.len(),
                mean_rating: sentences.iter().map(|(_, r)| r.valence).sum::<f64>()
                    / sentences.len() as f64,
            }
        })
        .collect()
}

fn sentence_mean(text: &str) -> f64 {
    let analysis = analyze_with(text, &Options::default());
    if analysis.sentences.is_empty() {
        return 0.0;
    }
    analysis.sentences.iter().map(|s| s.score).sum::<f64>() / analysis.sentences.len() as f64
}

fn document_table(out: &mut String, reviews: &[&Review], heading: &str) {
    let human: Vec<f64> = reviews.iter().map(|r| r.mean_rating).collect();
    let ours: Vec<f64> = reviews
        .iter()
        .map(|r| {
            analyze_with(
                &r.text,
                &Options {
                    title: None,
                    engine: Engine::Undertone,
                },
            )
            .score
        })
        .collect();
    let whole: Vec<f64> = reviews
        .iter()
        .map(|r| vader::polarity_scores(&r.text).compound)
        .collect();
    let mean: Vec<f64> = reviews.iter().map(|r| sentence_mean(&r.text)).collect();
    let _ = writeln!(out, "\n### {heading} ({} reviews)\n", reviews.len());
    let _ = writeln!(
        out,
        "| article score | Pearson r | Spearman | share beyond ±{SATURATED_BEYOND} |"
    );
    let _ = writeln!(out, "|---|---|---|---|");
    for (name, scores) in [
        ("VADER whole-text compound", &whole),
        ("plain mean of VADER sentence compounds", &mean),
        ("Undertone (weighted mean, default)", &ours),
    ] {
        let _ = writeln!(
            out,
            "| {name} | {:.3} | {:.3} | {:.1}% |",
            pearson(scores, &human),
            spearman(scores, &human),
            100.0 * saturated_share(scores)
        );
    }
}

fn sentence_table(out: &mut String, sets: &[(&str, Vec<Row>)]) {
    let _ = writeln!(
        out,
        "\n## Sentences: VADER-exact compound against the human mean\n"
    );
    let _ = writeln!(out, "| set | sentences | Pearson r | Spearman |");
    let _ = writeln!(out, "|---|---|---|---|");
    for (name, rows) in sets {
        let human: Vec<f64> = rows.iter().map(|r| r.valence).collect();
        let ours: Vec<f64> = rows
            .iter()
            .map(|r| vader::polarity_scores(&r.text).compound)
            .collect();
        let _ = writeln!(
            out,
            "| {name} | {} | {:.3} | {:.3} |",
            rows.len(),
            pearson(&ours, &human),
            spearman(&ours, &human)
        );
    }
}

pub fn cmd_eval(args: &[String]) -> Result<(), String> {
    let [data_dir] = args else {
        return Err("usage: undertone eval DATA_DIR   (e.g. ../shared/data)".into());
    };
    let sentiment = Path::new(data_dir).join("sentiment");
    if !sentiment.is_dir() {
        return Err(format!(
            "no development data at {}: expected a folder with sentiment/vader-*.tsv \
             (the project's shared data lives at ../shared/data)",
            sentiment.display()
        ));
    }
    let mut sets = Vec::new();
    for name in [
        "vader-tweets",
        "vader-movie-snippets",
        "vader-amazon-snippets",
    ] {
        sets.push((name, read_tsv(&sentiment.join(format!("{name}.tsv")))?));
    }

    let mut out = String::new();
    let _ = writeln!(out, "# Undertone accuracy on the development data\n");
    let _ = writeln!(
        out,
        "Generated by `undertone eval {data_dir}`; do not edit by hand."
    );
    let amazon = &sets[2].1;
    let all = reviews(amazon);
    let all_refs: Vec<&Review> = all.iter().collect();
    let long: Vec<&Review> = all
        .iter()
        .filter(|r| r.sentences >= LONG_REVIEW_SENTENCES)
        .collect();
    let _ = writeln!(
        out,
        "\n## Articles: Amazon reviews grouped by review, against the mean human rating of their sentences"
    );
    document_table(
        &mut out,
        &long,
        &format!("reviews with {LONG_REVIEW_SENTENCES} or more sentences"),
    );
    document_table(&mut out, &all_refs, "all reviews");
    sentence_table(&mut out, &sets);
    print!("{out}");
    Ok(())
}
