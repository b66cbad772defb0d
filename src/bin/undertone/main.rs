//! The `undertone` command: the same analysis as the extension, on the command line.
//!
//! Offsets printed by this command are Unicode code points.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use serde_json::Value;
use undertone::{analyze_with, Analysis, Band, Engine, OffsetUnit, Options};

mod entities_cmd;
mod eval;
mod eval_ner;
mod eval_news_entities;
mod jsonl;

const USAGE: &str = "\
usage:
  undertone analyze [FILE|-] [--title TITLE] [--target NAME] [--engine undertone|vader] [--json]
      plain text in (a file, or standard input), a readable summary out; --json for the full result;
      --target scores the sentiment toward a company or person the text names
  undertone score [--in FILE] [--out FILE] [--engine undertone|vader] [--detail]
      JSONL in, one {\"id\", \"text\", \"title\"?, \"target\"?} per line; JSONL out, one
      {\"id\", \"score\", \"label\", \"band\"} per line, in order; --detail adds sentences and drivers;
      a \"target\" (a company or person named in the text) scores the sentiment toward it
  undertone entities [--in FILE] [--out FILE]
      JSONL in, one {\"id\", \"text\", \"title\"?} per line; JSONL out, one {\"id\", \"entities\"}
      per line: name, type (PER/ORG/LOC), salience, score, label, band, mentions (code points)
  undertone ner --conll [--in FILE] [--out FILE] [--without gazetteers|document]
      CoNLL tokens in (first column), the same lines out with a BIO tag (PER/ORG/LOC) added
  undertone eval DATA_DIR [--write FILE]
      both engines' figures on the development data (DATA_DIR is ../shared/data or alike), as
      markdown; --write FILE also writes it to FILE (docs/accuracy.md)
  undertone help
";

/// A failure the user should read: the message goes to stderr and the exit code is 1 (2 for usage).
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: true,
        }
    }
    fn run(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: false,
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => cmd_analyze(&args[1..]),
        Some("score") => cmd_score(&args[1..]),
        Some("entities") => entities_cmd::cmd_entities(&args[1..]),
        Some("ner") => entities_cmd::cmd_ner(&args[1..]),
        Some("eval") => eval::cmd_eval(&args[1..]).map_err(Failure::run),
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(Failure::usage(format!("unknown command '{other}'"))),
        None => Err(Failure::usage("no command given")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("undertone: {}", failure.message);
            if failure.usage {
                eprint!("{USAGE}");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// Parsed flags shared by the subcommands.
#[derive(Default)]
struct Flags {
    positional: Vec<String>,
    title: Option<String>,
    target: Option<String>,
    engine: Engine,
    json: bool,
    detail: bool,
    input: Option<String>,
    output: Option<String>,
}

fn parse_flags(args: &[String], allowed: &[&str]) -> Result<Flags, Failure> {
    let mut flags = Flags::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let name = arg.as_str();
        if name.starts_with("--") && !allowed.contains(&name) {
            return Err(Failure::usage(format!("unknown option '{name}'")));
        }
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| Failure::usage(format!("option '{name}' needs a value")))
        };
        match name {
            "--title" => flags.title = Some(value()?),
            "--target" => flags.target = Some(value()?),
            "--engine" => {
                let engine = value()?;
                flags.engine = Engine::from_name(&engine).ok_or_else(|| {
                    Failure::usage(format!(
                        "unknown engine '{engine}': expected undertone or vader"
                    ))
                })?;
            }
            "--json" => flags.json = true,
            "--detail" => flags.detail = true,
            "--in" => flags.input = Some(value()?),
            "--out" => flags.output = Some(value()?),
            _ => flags.positional.push(arg.clone()),
        }
    }
    Ok(flags)
}

fn read_all(path: Option<&str>) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let (what, read) = match path {
        None | Some("-") => (
            "standard input".to_string(),
            io::stdin().lock().read_to_end(&mut bytes),
        ),
        Some(p) => (
            p.to_string(),
            File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)),
        ),
    };
    read.map_err(|e| Failure::run(format!("cannot read {what}: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Failure::run(format!(
            "{what} is not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn cmd_analyze(args: &[String]) -> Result<(), Failure> {
    let flags = parse_flags(args, &["--title", "--target", "--engine", "--json"])?;
    if flags.positional.len() > 1 {
        return Err(Failure::usage("analyze takes at most one FILE"));
    }
    let text = read_all(flags.positional.first().map(String::as_str))?;
    let title = flags.title.as_deref();
    let mut analysis = analyze_with(
        &text,
        &Options {
            title,
            engine: flags.engine,
            target: flags.target.as_deref(),
            skip_entities: false,
        },
    );
    analysis.convert_offsets(&text, title, OffsetUnit::CodePoint);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = if flags.json {
        serde_json::to_writer_pretty(&mut out, &analysis)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_summary(&mut out, &analysis)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| Failure::run(format!("cannot write: {e}")))
}

fn write_summary(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    writeln!(out, "{} {:.2}", a.label, a.score)?;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    writeln!(
        out,
        "{}, {}, {}; {} carried sentiment",
        plural(a.stats.sentences, "sentence", "sentences"),
        plural(a.stats.words, "word", "words"),
        plural(a.stats.paragraphs, "paragraph", "paragraphs"),
        plural(a.stats.sentiment_words, "word", "words"),
    )?;
    for notice in &a.notices {
        writeln!(out, "note: {}", notice_text(*notice))?;
    }
    let mut section = |heading: &str, indices: &[usize]| -> io::Result<()> {
        if indices.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{heading}")?;
        for &i in indices {
            let s = &a.sentences[i];
            writeln!(out, "  {:+.2}  {}", s.score, one_line(&s.text, 110))?;
        }
        Ok(())
    };
    section("Most positive sentences:", &a.drivers.positive_sentences)?;
    section("Most negative sentences:", &a.drivers.negative_sentences)?;
    let words = |list: &[undertone::WordDriver]| {
        list.iter()
            .map(|w| w.word.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !a.drivers.positive_words.is_empty() {
        writeln!(
            out,
            "\nPositive words: {}",
            words(&a.drivers.positive_words)
        )?;
    }
    if !a.drivers.negative_words.is_empty() {
        writeln!(out, "Negative words: {}", words(&a.drivers.negative_words))?;
    }
    if !a.entities.is_empty() {
        writeln!(out, "\nKey entities:")?;
        for e in a.entities.iter().take(KEY_ENTITIES_SHOWN) {
            let kind = match e.kind {
                undertone::EntityKind::Person => "person",
                undertone::EntityKind::Organization => "organisation",
                undertone::EntityKind::Location => "place",
            };
            writeln!(out, "  {} ({kind}): {} {:.2}", e.name, e.label, e.score)?;
        }
    }
    Ok(())
}

/// How many entities the readable summary lists (the extension shows as many).
const KEY_ENTITIES_SHOWN: usize = 5;

fn notice_text(notice: undertone::Notice) -> &'static str {
    match notice {
        undertone::Notice::Empty => "there is no text to score; the result is neutral",
        undertone::Notice::NotEnglish => {
            "most of the text is not in Latin script; the English lexicon cannot judge it"
        }
        undertone::Notice::NoSentimentWords => "no word carried sentiment; neutral by absence",
    }
}

fn one_line(text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars - 1).collect();
        format!("{cut}…")
    }
}

/// One output line of `undertone score`.
#[derive(Serialize)]
struct ScoreLine<'a> {
    id: &'a Value,
    score: f64,
    label: &'static str,
    band: Band,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a undertone::SentenceScore>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [undertone::SentenceScore]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    drivers: Option<&'a undertone::Drivers>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notices: Option<&'a [undertone::Notice]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entities: Option<&'a [undertone::Entity]>,
}

fn cmd_score(args: &[String]) -> Result<(), Failure> {
    let flags = parse_flags(args, &["--in", "--out", "--engine", "--detail"])?;
    if !flags.positional.is_empty() {
        return Err(Failure::usage(format!(
            "unexpected argument '{}'",
            flags.positional[0]
        )));
    }
    let input = jsonl::open_input(flags.input.as_deref())?;
    let output = jsonl::open_output(flags.output.as_deref())?;
    let mut out = BufWriter::new(output);
    let result = score_lines(input, &mut out, flags.engine, flags.detail);
    // Lines before a failure are kept: flush whatever happened.
    let flushed = out
        .flush()
        .map_err(|e| Failure::run(format!("cannot write: {e}")));
    result.and(flushed)
}

fn score_lines(
    input: impl BufRead,
    out: &mut impl Write,
    engine: Engine,
    detail: bool,
) -> Result<(), Failure> {
    jsonl::for_each_document(input, |doc| {
        let text = doc.string("text", true)?.unwrap_or("");
        let title = doc.string("title", false)?;
        let target = doc.string("target", false)?;
        let mut analysis = analyze_with(
            text,
            &Options {
                title,
                engine,
                target,
                // Entities are part of the detail only.
                skip_entities: !detail,
            },
        );
        if detail {
            analysis.convert_offsets(text, title, OffsetUnit::CodePoint);
        }
        let line_out = ScoreLine {
            id: doc.id,
            score: analysis.score,
            label: analysis.label,
            band: analysis.band,
            title: analysis.title.as_ref().filter(|_| detail),
            sentences: detail.then_some(analysis.sentences.as_slice()),
            drivers: detail.then_some(&analysis.drivers),
            notices: detail.then_some(analysis.notices.as_slice()),
            entities: detail.then_some(analysis.entities.as_slice()),
        };
        jsonl::write_line(out, &line_out)
    })
}
