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
    tokens.push({ surface, stem: /^[a-z]+$/.test(surface) ? stemWord(surface) : surface, isPart });
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
  if (word.length <= 4) return push(word, false); // 2fa, 5xx, p0, s3, k8s, ec2
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
export function findPhraseMatches(
  tokens: readonly IssueToken[],
  phrases: readonly CompiledPhrase[],
): PhraseMatch[] {
  const candidates: PhraseMatch[] = [];
  phrases.forEach((phrase, phraseIndex) => {
    const n = phrase.stems.length;
    if (n === 0) return;
    for (let start = 0; start + n <= tokens.length; start++) {
      if (matchesAt(tokens, start, phrase)) candidates.push({ phraseIndex, start, end: start + n });
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Each token remembers the span that took it; a phrase with the very same span (one keyword in two lists) is kept.
  const takenBy = new Int32Array(tokens.length).fill(-1);
  const accepted: PhraseMatch[] = [];
  for (const match of candidates) {
    const isFree = takenBy.subarray(match.start, match.end).every((owner) => {
      const other = accepted[owner];
      return owner === -1 || (other!.start === match.start && other!.end === match.end);
    });
    if (!isFree) continue;
    takenBy.fill(accepted.length, match.start, match.end);
    accepted.push(match);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

function matchesAt(tokens: readonly IssueToken[], start: number, phrase: CompiledPhrase): boolean {
  if (phrase.prefix !== null) {
    const token = tokens[start]!;
    return token.stem === phrase.stems[0] || token.surface.startsWith(phrase.prefix);
  }
  return phrase.stems.every((stem, offset) => tokens[start + offset]!.stem === stem);
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
  const norm = Math.hypot(...values);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i]! /= norm;
  return { indices, values };
}

/**
 * Porter's stemmer, steps 1a-1c and 5 (plurals, -ed/-ing, final -e): `logged` and `logging` -> `log`, `charges`
 * and `charged` -> `charg`, `sessions` -> `session`. The derivational steps 2-4 are left out on purpose: they merge
 * words with different meanings here (`general`/`generate`).
 */
export function stemWord(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3)
    w = w.slice(0, -1);
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith('ed') ? 'ed' : w.endsWith('ing') ? 'ing' : null;
    if (suffix && hasVowel(w.slice(0, -suffix.length))) {
      w = w.slice(0, -suffix.length);
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e';
      else if (endsWithDoubleConsonant(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      else if (measure(w) === 1 && endsConsonantVowelConsonant(w)) w += 'e';
    }
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e')) {
    const base = w.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsConsonantVowelConsonant(base))) w = base;
  }
  if (measure(w) > 1 && w.endsWith('ll')) w = w.slice(0, -1);
  return w;
}

function isConsonant(word: string, i: number): boolean {
  const c = word[i]!;
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

function measure(word: string): number {
  let m = 0;
  let i = 0;
  while (i < word.length && isConsonant(word, i)) i++;
  while (i < word.length) {
    while (i < word.length && !isConsonant(word, i)) i++;
    if (i >= word.length) break;
    while (i < word.length && isConsonant(word, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isConsonant(word, i)) return true;
  return false;
}

function endsWithDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

function endsConsonantVowelConsonant(word: string): boolean {
  const n = word.length;
  return (
    n >= 3 &&
    isConsonant(word, n - 3) &&
    !isConsonant(word, n - 2) &&
    isConsonant(word, n - 1) &&
    !'wxy'.includes(word[n - 1]!)
  );
}
