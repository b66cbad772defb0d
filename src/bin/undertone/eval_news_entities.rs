//! Entity part of `undertone eval` on news pages the team annotated (`eval/news-entities.jsonl`,
//! the texts read from `DATA_DIR/pages/readability/test-pages/<slug>/` at run time; how the set
//! was made is in `eval/README.md`): ours against compromise (npm) in the same run.
//!
//! * **Text.** `expected.html` through [`html_to_text`]: tags removed, block elements as
//!   paragraph breaks, entities decoded, whitespace collapsed. The title is `title` from
//!   `expected-metadata.json` (given to [`undertone::entities::entities`], as the product does;
//!   the mention figures are on the text only).
//! * **Gold mentions** are derived from the annotated surface forms ([`gold_mentions`]): every
//!   case-sensitive, whole-word occurrence, the longest form winning where occurrences overlap.
//! * **Mentions**: exact-span, typed precision, recall and F1, per type and micro.
//! * **Entity sets**: per document, a predicted entity is right when its type is the gold type and
//!   its name or one of its mention texts is one of the gold entity's forms; each gold entity is
//!   matched at most once, so a duplicate (the same person twice) counts as wrong
//!   ([`match_entities`]). F1 macro-averaged over documents and micro over all.
//! * **Top 5**: of the first five entities shown (ours: the order of `entities()`; compromise: its
//!   mentions grouped by type and text, ranked by mention count, ties by first position), the
//!   share that are gold entities of the right type (a duplicate counts as right here: it is a
//!   real entity, shown twice), and the share of the key gold entities found there.
//!
//! compromise runs as `node scripts/entities_compromise_docs.mjs`; when node or the package is
//! missing the section says so and shows our figures only.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use serde::Deserialize;
use undertone::entities::{entities, recognize, Entity, EntityKind};

/// The annotations, one JSON object per page.
const ANNOTATIONS: &str = include_str!("../../../eval/news-entities.jsonl");
/// Where the pages are under the data folder.
const PAGES: &str = "pages/readability/test-pages";
/// How many entities the product shows first.
const TOP: usize = 5;
/// Elements whose start and end are paragraph breaks.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "blockquote",
    "tr",
    "br",
    "figcaption",
    "pre",
];
/// Elements whose start and end are a space (table cells, so that cells do not run together).
const SPACED: &[&str] = &["td", "th"];
/// Elements dropped with their content.
const DROPPED: &[&str] = &["script", "style"];
/// The named HTML entities decoded; others are left as written.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("mdash", '\u{2014}'),
    ("ndash", '\u{2013}'),
    ("rsquo", '\u{2019}'),
    ("lsquo", '\u{2018}'),
    ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'),
    ("hellip", '\u{2026}'),
];
/// The types, in table order.
const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
];

/// One annotated page.
#[derive(Debug, Deserialize)]
struct Annotation {
    page: String,
    entities: Vec<GoldEntity>,
    /// Strings whose occurrences are not mentions (a product or a title that contains a name:
    /// "Apple Pay", "Super Mario Run"): they block the forms inside them.
    #[serde(default)]
    ignore: Vec<String>,
}

/// One gold entity: its canonical name, type, every surface form the text uses, and whether the
/// article is about it.
#[derive(Debug, Clone, Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(rename = "type", deserialize_with = "kind_from_tag")]
    kind: EntityKind,
    forms: Vec<String>,
    #[serde(default)]
    key: bool,
}

fn kind_from_tag<'de, D: serde::Deserializer<'de>>(d: D) -> Result<EntityKind, D::Error> {
    let tag = String::deserialize(d)?;
    KINDS
        .into_iter()
        .find(|k| k.tag() == tag)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown type '{tag}'")))
}

fn annotations() -> Result<Vec<Annotation>, String> {
    ANNOTATIONS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| format!("eval/news-entities.jsonl:{}: {e}", n + 1))
        })
        .collect()
}

/// A typed span of the text, in UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Span {
    start: usize,
    end: usize,
    kind: EntityKind,
}

impl Span {
    /// Text order, then the type.
    fn order(&self) -> (usize, usize, &'static str) {
        (self.start, self.end, self.kind.tag())
    }
}

/// A predicted entity as the metrics see it: its type and the strings it goes by (its name and
/// its mention texts).
#[derive(Debug, Clone)]
struct Predicted {
    kind: EntityKind,
    names: Vec<String>,
}

impl Predicted {
    fn of(e: &Entity) -> Predicted {
        let mut names = vec![e.name.clone()];
        names.extend(e.mentions.iter().map(|m| m.text.clone()));
        Predicted {
            kind: e.kind,
            names,
        }
    }

    fn is(&self, gold: &GoldEntity) -> bool {
        self.kind == gold.kind
            && self
                .names
                .iter()
                .any(|n| *n == gold.name || gold.forms.contains(n))
    }
}

// ---------------------------------------------------------------------------------------------
// The text

/// The article text of an extracted page: tags removed, block elements as paragraph breaks
/// (`"\n\n"`), table cells as spaces, `<script>`/`<style>` and comments dropped, entities decoded
/// ([`decode_entities`]), whitespace collapsed inside blocks, empty blocks left out.
pub fn html_to_text(html: &str) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut rest = html;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let block = collapse(&decode_entities(current));
        if !block.is_empty() {
            blocks.push(block);
        }
        current.clear();
    };
    while let Some(lt) = rest.find('<') {
        current.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone '<' is text.
            current.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // "<" followed by something that is not a tag name ("a < b"): text.
            current.push('<');
            current.push_str(tag);
            current.push('>');
            continue;
        }
        if DROPPED.contains(&name.as_str()) && !closing && !tag.ends_with('/') {
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&end) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
        } else if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut blocks);
        } else if SPACED.contains(&name.as_str()) {
            current.push(' ');
        }
    }
    current.push_str(rest);
    flush(&mut current, &mut blocks);
    blocks.join("\n\n")
}

/// Whitespace runs (Unicode, so `&nbsp;` too) as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes the HTML entities of [`NAMED_ENTITIES`] and numeric ones (`&#8217;`, `&#x2019;`);
/// anything else (an unknown name, a bad number, a bare `&`) is left as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest[1..].find(';').filter(|&i| i <= 10).and_then(|i| {
            let body = &rest[1..1 + i];
            let c = if let Some(num) = body.strip_prefix('#') {
                match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                }
                .and_then(char::from_u32)
            } else {
                NAMED_ENTITIES
                    .iter()
                    .find(|(n, _)| *n == body)
                    .map(|&(_, c)| c)
            };
            c.map(|c| (c, i + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page's text and title, read from the data folder.
fn read_page(pages: &Path, slug: &str) -> Result<(String, Option<String>), String> {
    let dir = pages.join(slug);
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let text = html_to_text(&read("expected.html")?);
    let meta: serde_json::Value = serde_json::from_str(&read("expected-metadata.json")?)
        .map_err(|e| format!("{slug}/expected-metadata.json: {e}"))?;
    let title = meta
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::to_string);
    Ok((text, title))
}

// ---------------------------------------------------------------------------------------------
// Gold mentions and the metrics

/// Whether `text[start..end]` is a whole word: no letter or digit right before or after it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The gold mentions of `text`: every case-sensitive, whole-word occurrence of a surface form,
/// where occurrences overlap the longest winning (then the earliest), in text order. Occurrences
/// of an `ignore` string take part (so they block the forms inside them) and are then dropped.
fn gold_mentions(text: &str, gold: &[GoldEntity], ignore: &[String]) -> Vec<Span> {
    let mut found: Vec<(Span, bool)> = Vec::new();
    let strings = gold
        .iter()
        .flat_map(|e| e.forms.iter().map(move |f| (f, Some(e.kind))))
        .chain(ignore.iter().map(|f| (f, None)));
    for (form, kind) in strings.filter(|(f, _)| !f.is_empty()) {
        for (start, _) in text.match_indices(form.as_str()) {
            let end = start + form.len();
            if whole_word(text, start, end) {
                let span = Span {
                    start,
                    end,
                    kind: kind.unwrap_or(EntityKind::Person),
                };
                found.push((span, kind.is_some()));
            }
        }
    }
    found.sort_by_key(|(s, _)| (std::cmp::Reverse(s.end - s.start), s.start));
    let mut kept: Vec<(Span, bool)> = Vec::new();
    for (s, real) in found {
        if kept
            .iter()
            .all(|(k, _)| s.end <= k.start || k.end <= s.start)
        {
            kept.push((s, real));
        }
    }
    let mut out: Vec<Span> = kept.into_iter().filter(|k| k.1).map(|k| k.0).collect();
    out.sort_by_key(Span::order);
    out
}

/// True positives, predictions and gold items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    tp: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }

    fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }

    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Exact-span typed mention counts per type, in [`KINDS`] order.
fn mention_counts(gold: &[Span], predicted: &[Span]) -> [Counts; 3] {
    let gold_set: HashSet<&Span> = gold.iter().collect();
    let predicted: HashSet<&Span> = predicted.iter().collect();
    let mut out = [Counts::default(); 3];
    for (i, kind) in KINDS.into_iter().enumerate() {
        out[i].gold = gold.iter().filter(|s| s.kind == kind).count();
        out[i].predicted = predicted.iter().filter(|s| s.kind == kind).count();
        out[i].tp = predicted
            .iter()
            .filter(|s| s.kind == kind && gold_set.contains(*s))
            .count();
    }
    out
}

/// Entity-set counts for one document: the predictions, in order, each matched to the first
/// gold entity it is ([`Predicted::is`]) that no earlier prediction matched.
fn match_entities(gold: &[GoldEntity], predicted: &[Predicted]) -> Counts {
    let mut taken = vec![false; gold.len()];
    let mut tp = 0;
    for p in predicted {
        if let Some(i) = (0..gold.len()).find(|&i| !taken[i] && p.is(&gold[i])) {
            taken[i] = true;
            tp += 1;
        }
    }
    Counts {
        tp,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

/// Top-5 figures for one document: (shown entities that are a gold entity of the right type,
/// shown, key gold entities among those shown, key gold entities).
fn top_counts(gold: &[GoldEntity], predicted: &[Predicted]) -> [usize; 4] {
    let shown = &predicted[..predicted.len().min(TOP)];
    let right = shown
        .iter()
        .filter(|p| gold.iter().any(|g| p.is(g)))
        .count();
    let keys: Vec<&GoldEntity> = gold.iter().filter(|g| g.key).collect();
    let keys_found = keys
        .iter()
        .filter(|g| shown.iter().any(|p| p.is(g)))
        .count();
    [right, shown.len(), keys_found, keys.len()]
}

/// compromise's entities from its mentions: grouped by type and text, ranked by mention count,
/// ties by first position.
fn group_mentions(text: &str, mentions: &[Span]) -> Vec<Predicted> {
    // (kind, text) -> (count, first start)
    let mut groups: Vec<(EntityKind, &str, usize, usize)> = Vec::new();
    for m in mentions {
        let surface = &text[m.start..m.end];
        match groups.iter_mut().find(|g| g.0 == m.kind && g.1 == surface) {
            Some(g) => {
                g.2 += 1;
                g.3 = g.3.min(m.start);
            }
            None => groups.push((m.kind, surface, 1, m.start)),
        }
    }
    groups.sort_by(|a, b| b.2.cmp(&a.2).then(a.3.cmp(&b.3)));
    groups
        .into_iter()
        .map(|(kind, surface, _, _)| Predicted {
            kind,
            names: vec![surface.to_string()],
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// compromise

/// Byte offset in `text` of each UTF-16 offset (index: UTF-16 code units; offsets inside a
/// surrogate pair map to the character's start).
fn utf16_to_bytes(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for _ in 0..c.len_utf16() {
            map.push(i);
        }
    }
    map.push(text.len());
    map
}

/// Why node failed, from its stderr: the line naming the error (node prints the failing source
/// line first), and what to do when it cannot find an npm package (a fresh checkout has none
/// until set-up).
pub(crate) fn node_failure(stderr: &str) -> String {
    let line = stderr
        .lines()
        .find(|l| l.contains("Error"))
        .or_else(|| stderr.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("")
        .trim();
    let missing = stderr.contains("ERR_MODULE_NOT_FOUND") || stderr.contains("Cannot find package");
    let hint = if missing {
        " (run `./build.sh setup` to install the npm packages)"
    } else {
        ""
    };
    format!("{line}{hint}")
}

/// compromise's mentions of each text, in bytes, or why they could not be had.
fn run_compromise(texts: &[&str]) -> Result<Vec<Vec<Span>>, String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/entities_compromise_docs.mjs");
    let mut child = Command::new("node")
        .arg(&script)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run node: {e}"))?;
    let mut input = String::new();
    for (i, t) in texts.iter().enumerate() {
        input.push_str(&serde_json::json!({ "id": i.to_string(), "text": t }).to_string());
        input.push('\n');
    }
    let mut stdin = child.stdin.take().ok_or("no stdin for node")?;
    // Written from a thread so that a full stdout pipe cannot stall the child.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("node failed: {e}"))?;
    // A child that failed early closes its stdin: its own error says more than the broken pipe.
    let written = writer
        .join()
        .map_err(|_| "writing to node panicked".to_string())?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "{} failed: {}",
            script.display(),
            node_failure(&err)
        ));
    }
    written.map_err(|e| format!("cannot write to node: {e}"))?;
    let mut out: Vec<Vec<Span>> = vec![Vec::new(); texts.len()];
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("compromise output: {e}"))?;
        let i: usize = v["id"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .filter(|&i| i < texts.len())
            .ok_or("compromise output: bad id")?;
        let map = utf16_to_bytes(texts[i]);
        for m in v["mentions"].as_array().into_iter().flatten() {
            let at = |key: &str| m[key].as_u64().map(|x| (x as usize).min(map.len() - 1));
            let kind = KINDS
                .into_iter()
                .find(|k| m["type"].as_str() == Some(k.tag()));
            if let (Some(s), Some(e), Some(kind)) = (at("start"), at("end"), kind) {
                let (start, end) = (map[s], map[e]);
                if start < end {
                    out[i].push(Span { start, end, kind });
                }
            }
        }
        out[i].sort_by_key(Span::order);
        out[i].dedup();
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The section

/// One system's figures over all documents.
#[derive(Default)]
struct Totals {
    mentions: [Counts; 3],
    sets: Counts,
    set_f1_sum: f64,
    top: [usize; 4],
}

impl Totals {
    fn add(&mut self, gold: &[Span], mentions: &[Span], gold_e: &[GoldEntity], pred: &[Predicted]) {
        for (t, c) in self.mentions.iter_mut().zip(mention_counts(gold, mentions)) {
            t.add(c);
        }
        let sets = match_entities(gold_e, pred);
        self.set_f1_sum += sets.f1();
        self.sets.add(sets);
        for (t, c) in self.top.iter_mut().zip(top_counts(gold_e, pred)) {
            *t += c;
        }
    }

    /// Entity-set F1 macro over `n` documents, then micro precision, recall and F1.
    fn set_figures(&self, n: usize) -> [f64; 4] {
        [
            self.set_f1_sum / n.max(1) as f64,
            self.sets.precision(),
            self.sets.recall(),
            self.sets.f1(),
        ]
    }

    fn micro(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.mentions {
            all.add(c);
        }
        all
    }
}

fn prf(c: Counts) -> String {
    format!("{:.3} | {:.3} | {:.3}", c.precision(), c.recall(), c.f1())
}

/// The markdown section for `docs/accuracy.md`, or `None` when the pages are absent.
pub fn section(data_dir: &Path) -> Result<Option<String>, String> {
    let pages = data_dir.join(PAGES);
    if !pages.is_dir() {
        return Ok(None);
    }
    let docs = annotations()?;
    let mut texts = Vec::with_capacity(docs.len());
    for d in &docs {
        texts.push(read_page(&pages, &d.page)?);
    }
    let text_refs: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    let compromise = run_compromise(&text_refs);

    let mut ours = Totals::default();
    let mut theirs = Totals::default();
    let (mut n_entities, mut n_keys, mut n_mentions) = (0, 0, 0);
    for (d, (text, title)) in docs.iter().zip(&texts) {
        let gold = gold_mentions(text, &d.entities, &d.ignore);
        n_entities += d.entities.len();
        n_keys += d.entities.iter().filter(|e| e.key).count();
        n_mentions += gold.len();
        let mentions: Vec<Span> = recognize(text)
            .into_iter()
            .map(|m| Span {
                start: m.start,
                end: m.end,
                kind: m.kind,
            })
            .collect();
        let predicted: Vec<Predicted> = entities(text, title.as_deref())
            .iter()
            .map(Predicted::of)
            .collect();
        ours.add(&gold, &mentions, &d.entities, &predicted);
    }
    if let Ok(all) = &compromise {
        for ((d, (text, _)), mentions) in docs.iter().zip(&texts).zip(all) {
            let gold = gold_mentions(text, &d.entities, &d.ignore);
            let predicted = group_mentions(text, mentions);
            theirs.add(&gold, mentions, &d.entities, &predicted);
        }
    }
    let both = compromise.is_ok();
    let n = docs.len();

    let mut out = String::new();
    let _ = writeln!(out, "## Entities: annotated news pages\n");
    let _ = writeln!(
        out,
        "{n} English news articles from Mozilla Readability's test pages (`expected.html` as \
         text, the metadata title as title), annotated by the team for development, not a \
         held-out set: {n_entities} distinct entities ({n_keys} marked key), {n_mentions} gold \
         mentions derived from their surface forms. Method and guidelines in `eval/README.md`; \
         how each figure is computed in `src/bin/undertone/eval_news_entities.rs`."
    );
    match &compromise {
        Ok(_) => {
            let _ = writeln!(
                out,
                "compromise is npm `compromise` (pinned in `package.json`; `people()`, \
                 `organizations()`, `places()`) on the same texts, in the same run, its spans \
                 without leading titles and \"The\" as in the gold; its entities are its mentions \
                 grouped by type and text, ranked by count."
            );
        }
        Err(why) => {
            let _ = writeln!(
                out,
                "compromise could not be run ({why}); Undertone's figures only."
            );
        }
    }
    let header = |out: &mut String| {
        if both {
            let _ = writeln!(
                out,
                "\n| measure | Undertone | compromise |\n|---|---:|---:|"
            );
        } else {
            let _ = writeln!(out, "\n| measure | Undertone |\n|---|---:|");
        }
    };
    let _ = writeln!(out, "\n### Mentions (exact span and type)");
    if both {
        let _ = writeln!(
            out,
            "\n| type | gold | Undertone P | R | F1 | compromise P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|"
        );
    } else {
        let _ = writeln!(
            out,
            "\n| type | gold | Undertone P | R | F1 |\n|---|---:|---:|---:|---:|"
        );
    }
    let rows: Vec<(&str, Counts, Counts)> = KINDS
        .iter()
        .enumerate()
        .map(|(i, k)| (k.tag(), ours.mentions[i], theirs.mentions[i]))
        .chain(std::iter::once(("micro", ours.micro(), theirs.micro())))
        .collect();
    for (name, a, b) in rows {
        let _ = write!(out, "| {name} | {} | {}", a.gold, prf(a));
        if both {
            let _ = write!(out, " | {}", prf(b));
        }
        let _ = writeln!(out, " |");
    }

    let _ = writeln!(out, "\n### Entities per document (type and a surface form)");
    header(&mut out);
    let set_names = [
        "F1, macro over documents",
        "precision, micro",
        "recall, micro",
        "F1, micro",
    ];
    let (a, b) = (ours.set_figures(n), theirs.set_figures(n));
    for (i, name) in set_names.into_iter().enumerate() {
        let _ = write!(out, "| {name} | {:.3}", a[i]);
        if both {
            let _ = write!(out, " | {:.3}", b[i]);
        }
        let _ = writeln!(out, " |");
    }
    let _ = writeln!(
        out,
        "| entities predicted (gold: {}) | {}{} |",
        ours.sets.gold,
        ours.sets.predicted,
        if both {
            format!(" | {}", theirs.sets.predicted)
        } else {
            String::new()
        }
    );

    let _ = writeln!(out, "\n### The first {TOP} entities shown");
    header(&mut out);
    let top_lines: [(&str, usize, usize); 2] = [
        ("precision: a gold entity of the right type", 0, 1),
        ("key entities among them (recall)", 2, 3),
    ];
    for (name, a, b) in top_lines {
        let _ = write!(
            out,
            "| {name} | {:.3} ({}/{})",
            ratio(ours.top[a], ours.top[b]),
            ours.top[a],
            ours.top[b]
        );
        if both {
            let _ = write!(
                out,
                " | {:.3} ({}/{})",
                ratio(theirs.top[a], theirs.top[b]),
                theirs.top[a],
                theirs.top[b]
            );
        }
        let _ = writeln!(out, " |");
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(name: &str, kind: EntityKind, forms: &[&str], key: bool) -> GoldEntity {
        GoldEntity {
            name: name.into(),
            kind,
            forms: forms.iter().map(|f| f.to_string()).collect(),
            key,
        }
    }

    fn pred(kind: EntityKind, names: &[&str]) -> Predicted {
        Predicted {
            kind,
            names: names.iter().map(|f| f.to_string()).collect(),
        }
    }

    use EntityKind::{Location as LOC, Organization as ORG, Person as PER};

    #[test]
    fn a_missing_npm_package_names_the_error_and_the_set_up_step() {
        let err = "node:internal/modules/esm/resolve:873\n  throw new ERR_MODULE_NOT_FOUND(\n\
                   Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'compromise' imported from x";
        let why = node_failure(err);
        assert!(
            why.starts_with("Error [ERR_MODULE_NOT_FOUND]: Cannot find package"),
            "{why}"
        );
        assert!(why.contains("./build.sh setup"), "{why}");
        assert_eq!(
            node_failure("x.mjs:3\nSyntaxError: Unexpected token"),
            "SyntaxError: Unexpected token"
        );
    }

    #[test]
    fn html_blocks_become_paragraphs() {
        let html = "<div><h1>Title  here</h1><p>One\n   two <a href=\"x\">three</a>.</p>\
                    <ul><li>a</li><li>b<br>c</li></ul></div>";
        assert_eq!(
            html_to_text(html),
            "Title here\n\nOne two three.\n\na\n\nb\n\nc"
        );
    }

    #[test]
    fn html_inline_tags_join_and_cells_are_spaced() {
        assert_eq!(html_to_text("<p>Wash<b>ing</b>ton</p>"), "Washington");
        assert_eq!(
            html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"),
            "a b\n\nc"
        );
    }

    #[test]
    fn html_script_style_and_comments_are_dropped() {
        let html = "<p>a<script type=\"x\">var s = '<p>no</p>';</script>b</p>\
                    <STYLE>p { x: 1 }</STYLE><!-- <p>hidden</p> --><p>c</p>";
        assert_eq!(html_to_text(html), "ab\n\nc");
    }

    #[test]
    fn html_stray_angle_brackets_are_text() {
        assert_eq!(html_to_text("<p>1 < 2 and 3 <> 4</p>"), "1 < 2 and 3 <> 4");
        assert_eq!(html_to_text("<p>a < b"), "a < b");
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("A &amp; B &lt;c&gt; &quot;q&quot; it&apos;s &#8217; &#x2019; &#X41;"),
            "A & B <c> \"q\" it's \u{2019} \u{2019} A"
        );
        assert_eq!(
            decode_entities("&mdash;&ndash;&rsquo;&lsquo;&ldquo;&rdquo;&hellip;"),
            "\u{2014}\u{2013}\u{2019}\u{2018}\u{201c}\u{201d}\u{2026}"
        );
        // Unknown, unterminated and invalid ones stay as written.
        assert_eq!(
            decode_entities("&copy; AT&T &#xZZ; & &#1114112;"),
            "&copy; AT&T &#xZZ; & &#1114112;"
        );
        // Decoded after the tags are gone, and &nbsp; collapses as whitespace.
        assert_eq!(html_to_text("<p>a&nbsp;&nbsp;b &lt;p&gt;</p>"), "a b <p>");
    }

    #[test]
    fn gold_mentions_are_whole_words_longest_first() {
        let text =
            "The United States and the U.S. Army. States. Putin, Putinism, Vladimir Putin's.";
        let g = [
            gold(
                "United States",
                LOC,
                &["United States", "U.S.", "States"],
                false,
            ),
            gold("U.S. Army", ORG, &["U.S. Army"], false),
            gold("Vladimir Putin", PER, &["Vladimir Putin", "Putin"], true),
        ];
        let spans: Vec<(&str, EntityKind)> = gold_mentions(text, &g, &[])
            .iter()
            .map(|s| (&text[s.start..s.end], s.kind))
            .collect();
        assert_eq!(
            spans,
            [
                ("United States", LOC),
                ("U.S. Army", ORG),
                ("States", LOC),
                ("Putin", PER),
                ("Vladimir Putin", PER),
            ]
        );
    }

    #[test]
    fn ignored_strings_block_the_forms_inside_them() {
        let text = "Apple said Apple Pay works. Pay Apple.";
        let g = [gold("Apple", ORG, &["Apple"], true)];
        let starts: Vec<usize> = gold_mentions(text, &g, &["Apple Pay".into()])
            .iter()
            .map(|s| s.start)
            .collect();
        assert_eq!(starts, [0, 32]);
    }

    #[test]
    fn mention_counts_need_span_and_type() {
        let s = |start, end, kind| Span { start, end, kind };
        let gold = [s(0, 5, PER), s(10, 15, ORG), s(20, 25, LOC)];
        let predicted = [s(0, 5, PER), s(10, 15, LOC), s(20, 24, LOC), s(30, 35, ORG)];
        let c = mention_counts(&gold, &predicted);
        assert_eq!(
            c[0],
            Counts {
                tp: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            c[1],
            Counts {
                tp: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            c[2],
            Counts {
                tp: 0,
                predicted: 2,
                gold: 1
            }
        );
        let mut all = Counts::default();
        c.iter().for_each(|x| all.add(*x));
        assert!((all.precision() - 0.25).abs() < 1e-12);
        assert!((all.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((all.f1() - 2.0 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)).abs() < 1e-12);
        assert_eq!(Counts::default().f1(), 0.0);
    }

    #[test]
    fn entity_sets_match_once_by_type_and_form() {
        let g = [
            gold("Vladimir Putin", PER, &["Vladimir Putin", "Putin"], true),
            gold("Russian Federation", LOC, &["Russia"], true),
            gold("Kremlin", ORG, &["Kremlin"], false),
        ];
        let p = [
            pred(PER, &["Putin"]),
            pred(PER, &["Vladimir Putin", "Vladimir Putin"]), // a duplicate: wrong
            pred(ORG, &["Russia"]),                           // wrong type
            pred(ORG, &["The Kremlin", "Kremlin"]),           // a mention text matches
            pred(LOC, &["Russian Federation"]),               // the canonical name matches
            pred(LOC, &["Monday"]),                           // not an entity
        ];
        let c = match_entities(&g, &p);
        assert_eq!(
            c,
            Counts {
                tp: 3,
                predicted: 6,
                gold: 3
            }
        );
        // Top 5: all but "Russia" (ORG) are gold entities, the duplicate too; both keys shown.
        assert_eq!(top_counts(&g, &p), [4, 5, 2, 2]);
        assert_eq!(top_counts(&g, &p[1..]), [3, 5, 2, 2]);
        // Of the two keys only Putin is shown.
        assert_eq!(top_counts(&g, &p[..3]), [2, 3, 1, 2]);
        assert_eq!(top_counts(&g, &p[..1]), [1, 1, 1, 2]);
        assert_eq!(top_counts(&g, &[]), [0, 0, 0, 2]);
    }

    #[test]
    fn compromise_entities_rank_by_count_then_position() {
        let text = "Bob met Ann. Ann met Bob. Zed left. Ann";
        let s = |start, end, kind| Span { start, end, kind };
        let m = [
            s(0, 3, PER),
            s(8, 11, PER),
            s(13, 16, PER),
            s(21, 24, PER),
            s(26, 29, PER),
            s(36, 39, PER),
            s(36, 39, LOC),
        ];
        let names: Vec<(String, EntityKind)> = group_mentions(text, &m)
            .into_iter()
            .map(|p| (p.names[0].clone(), p.kind))
            .collect();
        assert_eq!(
            names,
            [
                ("Ann".to_string(), PER),
                ("Bob".to_string(), PER),
                ("Zed".to_string(), PER),
                ("Ann".to_string(), LOC),
            ]
        );
    }

    #[test]
    fn utf16_offsets_map_to_bytes() {
        let text = "é😀a";
        // é: 1 unit, 2 bytes; 😀: 2 units, 4 bytes; a: 1 unit.
        assert_eq!(utf16_to_bytes(text), [0, 2, 2, 6, 7]);
    }

    #[test]
    fn no_section_without_the_pages() {
        let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-data-dir");
        assert_eq!(section(&missing), Ok(None));
    }

    #[test]
    fn the_annotations_parse_and_have_no_empty_forms() {
        let docs = annotations().unwrap();
        let mut pages = HashSet::new();
        for d in &docs {
            assert!(pages.insert(d.page.as_str()), "{} twice", d.page);
            for e in &d.entities {
                assert!(
                    !e.forms.is_empty() && e.forms.iter().all(|f| !f.trim().is_empty()),
                    "{}: {}",
                    d.page,
                    e.name
                );
            }
            assert!(
                d.entities.iter().filter(|e| e.key).count() <= TOP,
                "{}",
                d.page
            );
        }
    }

    /// Prints the text and title of annotated pages as the eval sees them, for annotating:
    /// `NEWS_PAGES=bbc-1,cnn cargo test --bin undertone dump_pages -- --ignored --nocapture`
    /// (`NEWS_DATA` is the data folder, `../shared/data` by default).
    #[test]
    #[ignore]
    fn dump_pages() {
        let data = std::env::var("NEWS_DATA").unwrap_or_else(|_| "../shared/data".into());
        let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join(data).join(PAGES);
        let list = std::env::var("NEWS_PAGES").unwrap_or_default();
        for slug in list.split(',').filter(|s| !s.is_empty()) {
            let (text, title) = read_page(&pages, slug).unwrap();
            println!(
                "=== {slug}\nTITLE: {}\n\n{text}\n",
                title.unwrap_or_default()
            );
        }
    }

    /// For each annotated page, after annotating: our first entities marked right (+) or wrong
    /// (-), the gold entities we miss (key ones starred), and the mentions we get wrong.
    /// `cargo test --release --bin undertone diagnose_pages -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn diagnose_pages() {
        let data = std::env::var("NEWS_DATA").unwrap_or_else(|_| "../shared/data".into());
        let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join(data).join(PAGES);
        for d in annotations().unwrap() {
            let (text, title) = read_page(&pages, &d.page).unwrap();
            let found = entities(&text, title.as_deref());
            let predicted: Vec<Predicted> = found.iter().map(Predicted::of).collect();
            println!("=== {}", d.page);
            let shown: Vec<String> = found
                .iter()
                .zip(&predicted)
                .take(2 * TOP)
                .map(|(e, p)| {
                    let ok = d.entities.iter().any(|g| p.is(g));
                    format!("{}{} {}", if ok { '+' } else { '-' }, e.name, e.kind.tag())
                })
                .collect();
            println!("first: {}", shown.join(" | "));
            let missed: Vec<String> = d
                .entities
                .iter()
                .filter(|g| !predicted.iter().any(|p| p.is(g)))
                .map(|g| {
                    format!(
                        "{} {}{}",
                        g.name,
                        g.kind.tag(),
                        if g.key { "*" } else { "" }
                    )
                })
                .collect();
            println!("missed: {}", missed.join(" | "));
            let gold = gold_mentions(&text, &d.entities, &d.ignore);
            let wrong: Vec<String> = recognize(&text)
                .into_iter()
                .map(|m| Span {
                    start: m.start,
                    end: m.end,
                    kind: m.kind,
                })
                .filter(|s| !gold.contains(s))
                .map(|s| format!("{} {}", &text[s.start..s.end], s.kind.tag()))
                .collect();
            println!("wrong mentions: {}", wrong.join(" | "));
        }
    }
}
