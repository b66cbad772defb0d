#!/usr/bin/env node
// Entity mentions of whole documents with npm `compromise` (pinned in package.json), for the
// annotated news pages of `undertone eval` (src/bin/undertone/eval_news_entities.rs).
//
// Input: JSONL on stdin, one {"id", "text"} per line. Output: JSONL on stdout, one
// {"id", "mentions": [{"start", "end", "type"}]} per input line, in order, where the offsets are
// UTF-16 code units of the text (JavaScript string indices; the Rust side converts them) and the
// type is PER, ORG or LOC from people(), organizations() and places().
//
// The span of a match runs from its first term to its last (term offsets leave out the punctuation
// around a word but keep an abbreviation's dots, "U.S."), after leading titles and "The"; a
// possessive ("Russia's" is one term) and any quote or bracket left at either end are trimmed, as
// the gold mentions leave them out ("The Hague" loses its "The" too: a small cost to compromise).
//
// Usage: node scripts/entities_compromise_docs.mjs < docs.jsonl > mentions.jsonl
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const LEADING = /[\s"'“‘([]/u;
const TRAILING = /[\s,;:!?"'”’)\]]/u;
const POSSESSIVE = /['’]s$/u;

function hasTag(term, tag) {
  return Array.isArray(term.tags) && term.tags.includes(tag);
}

function mentions(text) {
  const out = [];
  const doc = nlp(text);
  for (const [type, view] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]]) {
    for (const m of view.json({ offset: true })) {
      // Term offsets leave out the punctuation around a word (a match's own offset does not).
      const terms = (m.terms || []).filter((t) => t.offset);
      // Titles ("President", "Mr", "Sen.") and a leading "The" are not part of a name, in the
      // gold mentions as in Undertone's: compromise keeps them in the match.
      while (terms.length > 1 && (hasTag(terms[0], 'Honorific') || /^the$/i.test(terms[0].text))) {
        terms.shift();
      }
      if (!terms.length) continue;
      const last = terms[terms.length - 1].offset;
      let start = terms[0].offset.start;
      let end = last.start + last.length;
      if (POSSESSIVE.test(text.slice(start, end))) end -= 2;
      while (end > start && TRAILING.test(text[end - 1])) end--;
      while (start < end && LEADING.test(text[start])) start++;
      if (start < end) out.push({ start, end, type });
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

const lines = readFileSync(0, 'utf8').split('\n');
const results = [];
for (const line of lines) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line);
  results.push(JSON.stringify({ id, mentions: mentions(String(text ?? '')) }));
}
process.stdout.write(results.join('\n') + (results.length ? '\n' : ''));
