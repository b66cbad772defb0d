// The wasm core, loaded once per worker start. The worker may be evicted at any time; the next
// start re-runs this module and so re-initialises the engine. No top-level await: callers await
// `ready()` inside their handlers, so the worker's listeners are registered synchronously.

import init, { analyze, version } from '../pkg/undertone.js';

/** Sentences kept for the popup's picture of the article; longer articles are bucketed. */
export const MAX_PROFILE_POINTS = 240;
/** Driving sentences are shortened to this many characters for display. */
export const MAX_SENTENCE_CHARS = 320;
/** The most salient entities kept for the badge's card and the popup (the core sorts them). */
export const MAX_ENTITIES = 5;
/** Entity names are shortened to this many characters for display. */
export const MAX_ENTITY_CHARS = 60;
/** The entity types the core gives; anything else is dropped. */
const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC']);
/** The band keys; an entity with another band is dropped. */
const BANDS = new Set(['very_negative', 'negative', 'mildly_negative', 'neutral', 'mildly_positive', 'positive', 'very_positive']);

/** @type {Promise<unknown> | null} */
let initialised = null;

/** Resolves once the wasm module is compiled and instantiated (at most once per worker start). */
export function ready() {
  initialised ??= init({ module_or_path: new URL('../pkg/undertone_bg.wasm', import.meta.url) }).catch(
    (error) => {
      initialised = null; // let the next message retry
      throw error;
    },
  );
  return initialised;
}

/** @returns {Promise<string>} the core's version */
export async function coreVersion() {
  await ready();
  return version();
}

/**
 * @typedef {{text: string, score: number, contribution: number, band: string}} DrivingSentence
 * @typedef {{word: string, contribution: number, count: number}} DrivingWord
 * @typedef {{name: string, type: 'PER' | 'ORG' | 'LOC', salience: number, score: number, band: string,
 *   label: string, mentions: number}} KeyEntity
 * @typedef {{
 *   score: number, band: string, label: string,
 *   positive: DrivingSentence[], negative: DrivingSentence[],
 *   positiveWords: DrivingWord[], negativeWords: DrivingWord[], entities: KeyEntity[],
 *   profile: number[], sentences: number, words: number, notices: string[], truncated: boolean,
 *   title: string, coreVersion: string
 * }} Summary
 */

/**
 * Analyses an article and returns the compact summary the badge and the popup draw.
 * @param {string} text
 * @param {string} title
 * @param {boolean} truncated
 * @returns {Promise<Summary>}
 */
export async function analyzeArticle(text, title, truncated) {
  await ready();
  const result = analyze(text, title || undefined);
  return summarise(result, title, truncated);
}

/**
 * Scores headlines, each as a one-sentence text: the same engine and bands as an article.
 * @param {string[]} headlines
 * @returns {Promise<{score: number, band: string, label: string}[]>}
 */
export async function scoreHeadlines(headlines) {
  await ready();
  return headlines.map((headline) => {
    const result = analyze(headline);
    return { score: Number(result.score), band: String(result.band), label: String(result.label) };
  });
}

/**
 * @param {any} result the plain object from the wasm `analyze`
 * @param {string} title
 * @param {boolean} truncated
 * @returns {Summary}
 */
function summarise(result, title, truncated) {
  const sentences = /** @type {any[]} */ (result.sentences ?? []);
  /** @param {number} index */
  const driving = (index) => {
    const s = sentences[index];
    const text = String(s.text).replace(/\s+/g, ' ').trim();
    return {
      text: text.length > MAX_SENTENCE_CHARS ? `${text.slice(0, MAX_SENTENCE_CHARS - 1)}…` : text,
      score: s.score,
      contribution: s.contribution,
      band: s.band,
    };
  };
  /** @param {any} w */
  const word = (w) => ({ word: String(w.word), contribution: w.contribution, count: w.count });
  const drivers = result.drivers ?? {};
  return {
    score: result.score,
    band: result.band,
    label: result.label,
    positive: (drivers.positive_sentences ?? []).map(driving),
    negative: (drivers.negative_sentences ?? []).map(driving),
    positiveWords: (drivers.positive_words ?? []).map(word),
    negativeWords: (drivers.negative_words ?? []).map(word),
    entities: keyEntities(result.entities ?? []),
    profile: profile(sentences.map((s) => s.score)),
    sentences: result.stats?.sentences ?? sentences.length,
    words: result.stats?.words ?? 0,
    notices: (result.notices ?? []).map(String),
    truncated,
    title,
    coreVersion: version(),
  };
}

/**
 * The most salient entities (the core's order), each with the tone toward it and how often the
 * article names it; the mentions' offsets stay behind (nothing here draws the text).
 * @param {any[]} entities
 * @returns {KeyEntity[]}
 */
function keyEntities(entities) {
  return entities
    .filter((e) => ENTITY_TYPES.has(e.type) && BANDS.has(e.band) && String(e.name ?? '').trim() !== '')
    .slice(0, MAX_ENTITIES)
    .map((e) => {
      const name = String(e.name).replace(/\s+/g, ' ').trim();
      return {
        name: name.length > MAX_ENTITY_CHARS ? `${name.slice(0, MAX_ENTITY_CHARS - 1)}…` : name,
        type: e.type,
        salience: round(e.salience),
        score: Number(e.score),
        band: e.band,
        label: String(e.label),
        mentions: Array.isArray(e.mentions) ? e.mentions.length : 0,
      };
    });
}

/**
 * Sentence scores in article order, averaged into at most MAX_PROFILE_POINTS buckets.
 * @param {number[]} scores
 */
function profile(scores) {
  if (scores.length <= MAX_PROFILE_POINTS) return scores.map(round);
  const out = [];
  for (let i = 0; i < MAX_PROFILE_POINTS; i++) {
    const from = Math.floor((i * scores.length) / MAX_PROFILE_POINTS);
    const to = Math.floor(((i + 1) * scores.length) / MAX_PROFILE_POINTS);
    let sum = 0;
    for (let j = from; j < to; j++) sum += scores[j];
    out.push(round(sum / Math.max(1, to - from)));
  }
  return out;
}

/** @param {number} x */
function round(x) {
  return Math.round(x * 1000) / 1000;
}
