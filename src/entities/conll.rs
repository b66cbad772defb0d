//! CoNLL token-per-line corpora (`TOKEN TAG` or `TOKEN<TAB>TAG`, tag in the last column) as
//! documents for training and evaluating the recogniser: the parts between `-DOCSTART-` lines
//! when there are any, otherwise each sentence; a document's tokens joined by spaces and its
//! sentences by a blank line (what `undertone ner --conll` recognises).

use super::model::TrainDoc;
use super::{EntityKind, EntityMention};

/// One token of a document.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in [`Document::text`].
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The tag column.
    pub tag: String,
    /// Sentence number within the document.
    pub sentence: usize,
}

/// A document of a CoNLL file.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Tokens joined by spaces, sentences by a blank line.
    pub text: String,
    /// The tokens in order.
    pub tokens: Vec<Token>,
}

/// A typed span of tokens `start..end` of a document.
pub type Span = (usize, usize, EntityKind);

/// Reads a CoNLL file into documents. A line starting with whitespace (a whitespace token)
/// reads as the token `_`.
pub fn read(input: &str) -> Vec<Document> {
    let has_docstart = input.lines().any(|l| l.starts_with("-DOCSTART-"));
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut sentence = 0usize;
    let mut in_sentence = false;
    for raw in input.lines() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let docstart = raw.starts_with("-DOCSTART-");
        if raw.trim().is_empty() || docstart {
            if (in_sentence && !has_docstart) || docstart {
                if !doc.tokens.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
                sentence = 0;
            } else if in_sentence {
                sentence += 1;
            }
            in_sentence = false;
            continue;
        }
        let cols: Vec<&str> = raw.split([' ', '\t']).collect();
        let token = if raw.starts_with([' ', '\t']) {
            "_"
        } else {
            cols[0]
        };
        let tag = cols.last().copied().unwrap_or("O");
        if !doc.text.is_empty() {
            doc.text.push_str(if in_sentence { " " } else { "\n\n" });
        }
        let start = doc.text.len();
        doc.text.push_str(token);
        doc.tokens.push(Token {
            start,
            end: doc.text.len(),
            tag: tag.to_string(),
            sentence,
        });
        in_sentence = true;
    }
    if !doc.tokens.is_empty() {
        docs.push(doc);
    }
    docs
}

fn kind_of(t: &str) -> Option<EntityKind> {
    match t {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Location),
        _ => None,
    }
}

/// The typed spans of tags (`B-X`/`I-X`/`O`; other types such as MISC are ignored). With
/// `iob1`, an `I-` tag after `O` begins a span and only `B-` splits two adjacent spans of one
/// type; otherwise (BIO) every `B-` begins a span. Spans never cross sentences.
pub fn spans<'a>(tags: impl IntoIterator<Item = (&'a str, usize)>, iob1: bool) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    let mut last_sentence = usize::MAX;
    let mut n = 0usize;
    for (i, (tag, sentence)) in tags.into_iter().enumerate() {
        n = i + 1;
        if sentence != last_sentence {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            last_sentence = sentence;
        }
        let kind = tag.get(2..).and_then(kind_of);
        let prefix = tag.as_bytes().first().copied();
        match kind {
            None => {
                if let Some((s, k)) = open.take() {
                    out.push((s, i, k));
                }
            }
            Some(k) => {
                let begins = prefix == Some(b'B')
                    || open.map_or(true, |(_, ok)| ok != k)
                    || (!iob1 && prefix != Some(b'I'));
                if begins {
                    if let Some((s, ok)) = open.take() {
                        out.push((s, i, ok));
                    }
                    open = Some((i, k));
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, n, k));
    }
    out
}

/// The gold spans of a document.
pub fn gold_spans(doc: &Document, iob1: bool) -> Vec<Span> {
    spans(
        doc.tokens.iter().map(|t| (t.tag.as_str(), t.sentence)),
        iob1,
    )
}

/// BIO tags of the document's tokens for byte-range mentions (what `undertone ner --conll`
/// prints): a token overlapping a mention is tagged with it, `B-` on the first such token.
pub fn tags_for(doc: &Document, mentions: &[EntityMention]) -> Vec<String> {
    let mut m = 0usize;
    let mut open: Option<usize> = None;
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut sentence = usize::MAX;
    for t in &doc.tokens {
        if t.sentence != sentence {
            open = None;
            sentence = t.sentence;
        }
        while m < mentions.len() && mentions[m].end <= t.start {
            m += 1;
        }
        match mentions.get(m) {
            Some(x) if x.start < t.end => {
                let prefix = if open == Some(m) { "I" } else { "B" };
                open = Some(m);
                out.push(format!("{prefix}-{}", x.kind.tag()));
            }
            _ => {
                open = None;
                out.push("O".to_string());
            }
        }
    }
    out
}

/// The predicted spans of a document for byte-range mentions.
pub fn predicted_spans(doc: &Document, mentions: &[EntityMention]) -> Vec<Span> {
    let tags = tags_for(doc, mentions);
    spans(
        tags.iter()
            .zip(&doc.tokens)
            .map(|(t, tok)| (t.as_str(), tok.sentence)),
        false,
    )
}

/// A training document: the text and the gold spans as byte ranges; `casual` for tweets.
pub fn train_doc(doc: &Document, iob1: bool, casual: bool) -> TrainDoc {
    let gold = gold_spans(doc, iob1)
        .into_iter()
        .map(|(a, b, kind)| EntityMention {
            start: doc.tokens[a].start,
            end: doc.tokens[b - 1].end,
            kind,
        })
        .collect();
    TrainDoc {
        text: doc.text.clone(),
        gold,
        casual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    fn tags(t: &[&'static str]) -> Vec<(&'static str, usize)> {
        t.iter().map(|&x| (x, 0)).collect()
    }

    #[test]
    fn iob1_and_bio_spans() {
        let t = tags(&["I-PER", "I-PER", "B-PER", "O", "I-MISC", "I-LOC"]);
        assert_eq!(
            spans(t.clone(), true),
            vec![(0, 2, Person), (2, 3, Person), (5, 6, Location)]
        );
        let t = tags(&["B-ORG", "I-ORG", "B-ORG", "I-LOC"]);
        assert_eq!(
            spans(t, false),
            vec![(0, 2, Organization), (2, 3, Organization), (3, 4, Location)]
        );
    }

    #[test]
    fn spans_stop_at_sentences() {
        let t = vec![("B-PER", 0), ("I-PER", 1)];
        assert_eq!(spans(t, false), vec![(0, 1, Person), (1, 2, Person)]);
    }

    #[test]
    fn reads_documents() {
        let docs = read("-DOCSTART- O\n\nA B-PER\nb O\n\nC I-LOC\n-DOCSTART- O\nD O\n");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "A b\n\nC");
        assert_eq!(docs[0].tokens[2].sentence, 1);
        let tweets = read("x\tO\n\ny\tB-PER\n");
        assert_eq!(tweets.len(), 2);
    }
}
