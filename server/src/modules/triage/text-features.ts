import { stemWord } from './porter-stemmer.js';

/** One word of an issue text: `surface` as written (lowercased), `stem` for matching and features. */
export interface IssueToken {
  surface: string;
  stem: string;
  /** A piece of a camelCase word that is also present whole (`OOMKilled` -> `oomkilled`, then `oom`, `killed`). */
  isPart: boolean;
}

/** A sparse feature vector: parallel arrays of vocabulary indices (ascending) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** A TF-IDF vocabulary: terms and their inverse document frequencies, same order. */
export interface TfidfVocabulary {
  terms: readonly string[];
  idf: Float32Array;
}

const rawTokenPattern = /[\p{L}\p{N}_]+/gu;
const camelBoundaryPattern = /([a-z0-9])([A-Z])|([A-Z]+)([A-Z][a-z])/g;
const httpStatusPattern = /^[45]\d\d$/;
const numberWithUnitPattern = /^\d+(?:\.\d+)?([a-z]+)$/;

// Words that say nothing about team, priority or category. Negations, "down", "out", "all" and "every" are kept:
// "cannot", "logged out" and "all users" carry meaning here.
const stopWords = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as is are was were be been being am it its ' +
    'this that these those there here i im ive we you your he she they me us our my their them his her has have ' +
    'had do does did doing will would should could can just also very really about into than too again what which ' +
    'who whom when where how why hi hey hello thanks thank thx pls please guys folks anyone someone know seems ' +
    'seem looks like get gets got getting still now right since any some one yet even way lot bit ok okay'
  ).split(' '),
);

/** True for words too common to help triage ("the", "please", "seems"); negations and "down"/"out"/"all" stay. */
export function isStopWord(surface: string): boolean {
  return stopWords.has(surface);
}

/**
 * Splits issue text (prose, Slack shorthand, stack traces) into tokens: camelCase words are kept whole and also split,
 * snake_case is split, 4xx/5xx status codes are kept and also generalised (`503` -> `503`, `5xx`), other numbers
 * become `#num` (`every 5 minutes`), long hex-like ids become `#id`. Apostrophes are dropped (`can't` -> `cant`).
 */
export function tokenizeIssueText(text: string): IssueToken[] {
  const tokens: IssueToken[] = [];
  const push = (word: string, isPart: boolean) => {
    const surface = word.toLowerCase();
    tokens.push({ surface, stem: stemOf(surface), isPart });
  };
  for (const raw of text.replace(/['’]/g, '').matchAll(rawTokenPattern)) {
    for (const piece of raw[0].split('_')) {
      if (piece === '') continue;
      if (/\d/.test(piece)) pushWithDigits(piece.toLowerCase(), push);
      else pushWord(piece, push);
    }
  }
  return tokens;
}

const stemCache = new Map<string, string>();
/** Enough distinct words for a large history; past it the cache starts afresh (words repeat across issues). */
const stemCacheLimit = 100_000;

function stemOf(surface: string): string {
  let stem = stemCache.get(surface);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(surface) ? stemWord(surface) : surface;
    if (stemCache.size >= stemCacheLimit) stemCache.clear();
    stemCache.set(surface, stem);
  }
  return stem;
}

function pushWord(word: string, push: (word: string, isPart: boolean) => void): void {
  push(word, false);
  const parts = word.replace(camelBoundaryPattern, '$1$3 $2$4').split(' ');
  if (parts.length > 1) for (const part of parts) push(part, true);
}

function pushWithDigits(word: string, push: (word: string, isPart: boolean) => void): void {
  const digits = word.endsWith('s') ? word.slice(0, -1) : word; // "503s"
  if (/^\d+$/.test(digits)) {
    if (httpStatusPattern.test(digits)) {
      push(digits, false);
      push(`${digits[0]}xx`, true);
    } else push('#num', false);
    return;
  }
  if (word.length <= 4) {
    push(word, false); // 2fa, 5xx, p0, s3, k8s, ec2
    return;
  }
  const unit = numberWithUnitPattern.exec(word);
  if (unit) {
    push('#num', false);
    push(unit[1]!, true);
    return;
  }
  push(word.length >= 8 && /[a-z]/.test(word) ? '#id' : word, false);
}

/**
 * The feature strings of a token list for the classifier: stems of content words and `a b` bigrams of adjacent
 * content words (`logged out` -> `log`, `out`, `log out`). Stop words are dropped before pairing.
 */
export function extractTextFeatures(tokens: readonly IssueToken[]): string[] {
  const features: string[] = [];
  let previous: string | null = null;
  for (const token of tokens) {
    if (isStopWord(token.surface) || token.stem.length < 2) continue;
    features.push(token.stem);
    if (token.isPart) continue;
    if (previous !== null) features.push(`${previous} ${token.stem}`);
    previous = token.stem;
  }
  return features;
}

/** A phrase to look for in tokens: its stems, as `tokenizeIssueText` would produce them. */
export interface CompiledPhrase {
  stems: readonly string[];
  /** For one word of 4+ letters: also match words that start with it (`auth` in `authentication`). */
  prefix: string | null;
}

/** Compiles a keyword or lexicon phrase: `log in` -> stems [log, in]; `auth` also matches `authentication`. */
export function compilePhrase(phrase: string): CompiledPhrase {
  const stems = tokenizeIssueText(phrase)
    .filter((token) => !token.isPart)
    .map((token) => token.stem);
  const word = phrase.trim().toLowerCase();
  return { stems, prefix: stems.length === 1 && /^[a-z]{4,}$/.test(word) ? word : null };
}

/** Phrases compiled for fast lookup: indexed by their first stem, and one-word prefixes by their first 4 letters. */
export interface PhraseSet {
  phrases: readonly CompiledPhrase[];
  byFirstStem: ReadonlyMap<string, readonly number[]>;
  byPrefixHead: ReadonlyMap<string, readonly number[]>;
}

/** Compiles a list of phrases for `findPhraseMatches`; indices in matches refer to this list's order. */
export function compilePhraseSet(phrases: readonly string[]): PhraseSet {
  const compiled = phrases.map((phrase) => compilePhrase(phrase));
  const byFirstStem = new Map<string, number[]>();
  const byPrefixHead = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key) ?? [];
    list.push(index);
    map.set(key, list);
  };
  compiled.forEach((phrase, index) => {
    if (phrase.stems.length === 0) return;
    add(byFirstStem, phrase.stems[0]!, index);
    if (phrase.prefix !== null) add(byPrefixHead, phrase.prefix.slice(0, 4), index);
  });
  return { phrases: compiled, byFirstStem, byPrefixHead };
}

/** Where a phrase matched: its index in the list given and the token span [start, end). */
export interface PhraseMatch {
  phraseIndex: number;
  start: number;
  end: number;
}

/**
 * Finds phrases in tokens, longest first and without overlaps, so `not urgent` hides the `urgent` inside it and
 * `log in` is one match, not two; phrases with the very same span all match. Matches are returned in text order.
 */
export function findPhraseMatches(tokens: readonly IssueToken[], set: PhraseSet): PhraseMatch[] {
  // Called for every lexicon on every text, retraining included: no closures, and no sorting or bookkeeping for the
  // common case of at most one match.
  const candidates: PhraseMatch[] = [];
  const hasPrefixes = set.byPrefixHead.size > 0;
  for (let start = 0; start < tokens.length; start++) {
    const token = tokens[start]!;
    const byStem = set.byFirstStem.get(token.stem);
    if (byStem) {
      for (const phraseIndex of byStem) {
        const phrase = set.phrases[phraseIndex]!;
        if (start + phrase.stems.length <= tokens.length && matchesAt(tokens, start, phrase)) {
          candidates.push({ phraseIndex, start, end: start + phrase.stems.length });
        }
      }
    }
    // Prefixes are indexed by their first 4 letters, so a shorter word cannot start with one.
    if (!hasPrefixes || token.surface.length < 4) continue;
    const byPrefix = set.byPrefixHead.get(token.surface.slice(0, 4));
    if (!byPrefix) continue;
    for (const phraseIndex of byPrefix) {
      // A prefix phrase is also listed by its stem; skip it here when that listing already tried it.
      if (byStem?.includes(phraseIndex)) continue;
      if (matchesAt(tokens, start, set.phrases[phraseIndex]!)) {
        candidates.push({ phraseIndex, start, end: start + 1 });
      }
    }
  }
  if (candidates.length <= 1) return candidates;
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Each token remembers the span that took it; a phrase with the very same span (one keyword in two lists) is kept.
  const takenBy = new Int32Array(tokens.length).fill(-1);
  const accepted: PhraseMatch[] = [];
  for (const match of candidates) {
    let isFree = true;
    for (let i = match.start; i < match.end && isFree; i++) {
      const owner = takenBy[i]!;
      if (owner === -1) continue;
      const other = accepted[owner]!;
      isFree = other.start === match.start && other.end === match.end;
    }
    if (!isFree) continue;
    takenBy.fill(accepted.length, match.start, match.end);
    accepted.push(match);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** The words of the text a match covers, as written (lowercased): `Payments` matched by `payment` -> `payments`. */
export function matchedText(tokens: readonly IssueToken[], match: PhraseMatch): string {
  return tokens
    .slice(match.start, match.end)
    .map((token) => token.surface)
    .join(' ');
}

function matchesAt(tokens: readonly IssueToken[], start: number, phrase: CompiledPhrase): boolean {
  if (phrase.prefix !== null) {
    const token = tokens[start]!;
    return token.stem === phrase.stems[0] || token.surface.startsWith(phrase.prefix);
  }
  for (let offset = 0; offset < phrase.stems.length; offset++) {
    if (tokens[start + offset]!.stem !== phrase.stems[offset]) return false;
  }
  return true;
}

/**
 * Builds a vocabulary from the feature lists of training documents: terms seen in at least `minDocumentCount`
 * documents, the `maxTerms` most frequent kept; smoothed idf = ln((1 + n) / (1 + df)) + 1 (scikit-learn's).
 */
export function buildTfidfVocabulary(
  documents: readonly (readonly string[])[],
  options: { minDocumentCount: number; maxTerms: number },
): TfidfVocabulary {
  const documentCounts = new Map<string, number>();
  for (const features of documents) {
    for (const term of new Set(features)) documentCounts.set(term, (documentCounts.get(term) ?? 0) + 1);
  }
  const kept = [...documentCounts]
    .filter(([, count]) => count >= options.minDocumentCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxTerms)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const n = documents.length;
  return {
    terms: kept.map(([term]) => term),
    idf: Float32Array.from(kept, ([, count]) => Math.log((1 + n) / (1 + count)) + 1),
  };
}

/** Maps each vocabulary term to its index, for vectorising. */
export function indexVocabulary(vocabulary: TfidfVocabulary): Map<string, number> {
  return new Map(vocabulary.terms.map((term, index) => [term, index]));
}

/**
 * TF-IDF vector of one document: sublinear tf (1 + ln count) times idf, L2-normalised; terms outside the
 * vocabulary are ignored. An empty vector for a document with no known term.
 */
export function vectorizeTfidf(
  features: readonly string[],
  termIndex: ReadonlyMap<string, number>,
  idf: Float32Array,
): SparseVector {
  const counts = new Map<number, number>();
  for (const feature of features) {
    const index = termIndex.get(feature);
    if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = Float32Array.from(indices, (index) => (1 + Math.log(counts.get(index)!)) * idf[index]!);
  let squares = 0;
  for (const value of values) squares += value * value;
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { indices, values };
}
