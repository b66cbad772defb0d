//! `undertone entities` and `undertone ner --conll`: key entities of JSONL documents, and
//! BIO tags for CoNLL token-per-line input.

use std::io::{self, BufRead, BufWriter, Write};

use serde::Serialize;
use serde_json::Value;
use undertone::entities::{convert_offsets, entities, recognize_with, Entity, Parts};
use undertone::OffsetUnit;

use super::{jsonl, parse_flags, read_all, Failure};

/// One output line of `undertone entities`.
#[derive(Serialize)]
struct EntitiesLine<'a> {
    id: &'a Value,
    entities: &'a [Entity],
}

/// `undertone entities [--in FILE] [--out FILE]`.
pub(crate) fn cmd_entities(args: &[String]) -> Result<(), Failure> {
    let flags = parse_flags(args, &["--in", "--out"])?;
    if let Some(extra) = flags.positional.first() {
        return Err(Failure::usage(format!("unexpected argument '{extra}'")));
    }
    let input = jsonl::open_input(flags.input.as_deref())?;
    let output = jsonl::open_output(flags.output.as_deref())?;
    let mut out = BufWriter::new(output);
    let result = entity_lines(input, &mut out);
    let flushed = out
        .flush()
        .map_err(|e| Failure::run(format!("cannot write: {e}")));
    result.and(flushed)
}

fn entity_lines(input: impl BufRead, out: &mut impl Write) -> Result<(), Failure> {
    jsonl::for_each_document(input, |doc| {
        let text = doc.string("text", true)?.unwrap_or("");
        let title = doc.string("title", false)?;
        let mut found = entities(text, title);
        convert_offsets(&mut found, text, title, OffsetUnit::CodePoint);
        jsonl::write_line(
            out,
            &EntitiesLine {
                id: doc.id,
                entities: &found,
            },
        )
    })
}

/// One CoNLL line: its text and, for a token line, the token's byte range in the document text.
struct Line<'a> {
    raw: &'a str,
    token: Option<(usize, usize)>,
}

/// `undertone ner --conll [--in FILE] [--out FILE] [--without gazetteers|document]`.
pub(crate) fn cmd_ner(args: &[String]) -> Result<(), Failure> {
    let mut parts = Parts::ALL;
    let mut rest: Vec<String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--conll" => {}
            "--without" => {
                let name = it
                    .next()
                    .ok_or_else(|| Failure::usage("option '--without' needs a value"))?;
                let off = Parts::without(name).ok_or_else(|| {
                    Failure::usage(format!(
                        "unknown part '{name}': expected gazetteers, document or model"
                    ))
                })?;
                parts.gazetteers &= off.gazetteers;
                parts.document &= off.document;
                parts.model &= off.model;
            }
            _ => rest.push(a.clone()),
        }
    }
    let rest_had_conll = args.iter().any(|a| a == "--conll");
    let flags = parse_flags(&rest, &["--in", "--out"])?;
    if !rest_had_conll {
        return Err(Failure::usage("ner needs --conll (the only input format)"));
    }
    if let Some(extra) = flags.positional.first() {
        return Err(Failure::usage(format!("unexpected argument '{extra}'")));
    }
    let input = read_all(flags.input.as_deref())?;
    let output: Box<dyn Write> = match flags.output.as_deref() {
        None | Some("-") => Box::new(io::stdout().lock()),
        Some(p) => Box::new(
            std::fs::File::create(p).map_err(|e| Failure::run(format!("cannot write {p}: {e}")))?,
        ),
    };
    let mut out = BufWriter::new(output);
    let tagged = tag_conll(&input, parts)?;
    tagged
        .iter()
        .try_for_each(|l| writeln!(out, "{l}"))
        .and_then(|()| out.flush())
        .map_err(|e| Failure::run(format!("cannot write: {e}")))
}

/// Tags CoNLL input: documents are the parts between `-DOCSTART-` lines when there are any,
/// otherwise each sentence; a document's tokens are joined by spaces (sentences by a blank
/// line) and recognised as one text.
fn tag_conll(input: &str, parts: Parts) -> Result<Vec<String>, Failure> {
    let lines: Vec<&str> = input
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let lines = match lines.last() {
        Some(&"") => &lines[..lines.len() - 1],
        _ => &lines[..],
    };
    let has_docstart = lines.iter().any(|l| is_docstart(l));
    let mut out = Vec::with_capacity(lines.len());
    let mut doc: Vec<Line> = Vec::new();
    let mut text = String::new();
    let mut in_sentence = false;
    for (n, &raw) in lines.iter().enumerate() {
        if raw.trim().is_empty() || is_docstart(raw) {
            if in_sentence && !has_docstart {
                flush(&mut doc, &mut text, &mut out, parts);
            }
            if is_docstart(raw) {
                flush(&mut doc, &mut text, &mut out, parts);
            }
            in_sentence = false;
            doc.push(Line { raw, token: None });
            continue;
        }
        if raw.starts_with([' ', '\t']) {
            return Err(Failure::run(format!(
                "line {}: the first column (the token) is empty",
                n + 1
            )));
        }
        let token = raw.split([' ', '\t']).next().unwrap_or("");
        if !text.is_empty() {
            text.push_str(if in_sentence { " " } else { "\n\n" });
        }
        let start = text.len();
        text.push_str(token);
        doc.push(Line {
            raw,
            token: Some((start, text.len())),
        });
        in_sentence = true;
    }
    flush(&mut doc, &mut text, &mut out, parts);
    Ok(out)
}

fn is_docstart(line: &str) -> bool {
    line.starts_with("-DOCSTART-")
}

fn flush(doc: &mut Vec<Line>, text: &mut String, out: &mut Vec<String>, parts: Parts) {
    let mentions = recognize_with(text, parts);
    let mut m = 0usize;
    let mut open: Option<usize> = None;
    for line in doc.iter() {
        let sep = if line.raw.contains('\t') { '\t' } else { ' ' };
        let Some((start, end)) = line.token else {
            open = None;
            if line.raw.trim().is_empty() {
                out.push(line.raw.to_string());
            } else {
                out.push(format!("{}{sep}O", line.raw));
            }
            continue;
        };
        while m < mentions.len() && mentions[m].end <= start {
            m += 1;
        }
        let tag = match mentions.get(m) {
            Some(x) if x.start < end => {
                let prefix = if open == Some(m) { "I" } else { "B" };
                open = Some(m);
                format!("{prefix}-{}", x.kind.tag())
            }
            _ => {
                open = None;
                "O".to_string()
            }
        };
        out.push(format!("{}{sep}{tag}", line.raw));
    }
    doc.clear();
    text.clear();
}
