#!/usr/bin/env node
// Tags CoNLL tokens (first column) with npm `compromise` (pinned in package.json): the same
// documents and text as `undertone ner --conll` (the parts between -DOCSTART- lines, or each
// sentence when there are none; tokens joined by spaces, sentences by a blank line), and the
// same output: each input line with one more column, the BIO tag from compromise's people(),
// organizations() and places().
//
// Usage: node scripts/entities_compromise.mjs < input.conll > tagged.conll
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const input = readFileSync(0, 'utf8');
let lines = input.split('\n').map((l) => l.replace(/\r$/, ''));
if (lines.length && lines[lines.length - 1] === '') lines.pop();
const isDocstart = (l) => l.startsWith('-DOCSTART-');
const hasDocstart = lines.some(isDocstart);
const out = [];
let doc = [];
let text = '';
let inSentence = false;

function flush() {
  const spans = [];
  if (text.length) {
    const d = nlp(text);
    for (const [kind, view] of [['PER', d.people()], ['ORG', d.organizations()], ['LOC', d.places()]]) {
      for (const m of view.json({ offset: true })) {
        const o = m.offset || (m.terms && m.terms[0] && m.terms[0].offset);
        if (!o) continue;
        let start = o.start;
        let end = o.start + o.length;
        // compromise may include trailing punctuation or whitespace: trim to the text.
        while (end > start && /[\s.,;:!?'")\]]/.test(text[end - 1])) end--;
        spans.push({ start, end, kind });
      }
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let m = 0;
  let open = -1;
  for (const line of doc) {
    const sep = line.raw.includes('\t') ? '\t' : ' ';
    if (!line.token) {
      open = -1;
      out.push(line.raw.trim() === '' ? line.raw : line.raw + sep + 'O');
      continue;
    }
    const [start, end] = line.token;
    while (m < spans.length && spans[m].end <= start) m++;
    let tag = 'O';
    if (m < spans.length && spans[m].start < end) {
      tag = (open === m ? 'I-' : 'B-') + spans[m].kind;
      open = m;
    } else {
      open = -1;
    }
    out.push(line.raw + sep + tag);
  }
  doc = [];
  text = '';
}

for (const raw of lines) {
  if (raw.trim() === '' || isDocstart(raw)) {
    if (inSentence && !hasDocstart) flush();
    if (isDocstart(raw)) flush();
    inSentence = false;
    doc.push({ raw, token: null });
    continue;
  }
  const token = raw.split(/[ \t]/)[0];
  if (text.length) text += inSentence ? ' ' : '\n\n';
  const start = text.length;
  text += token;
  doc.push({ raw, token: [start, text.length] });
  inSentence = true;
}
flush();
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
