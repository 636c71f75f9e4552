import { extractTextFeatures, tokenizeIssueText } from './text-features.js';
import { averageWordVector, frequencyWeight, loadWordVectors } from './word-vectors.js';

/** Width of the hashed word/bigram part of a text vector. */
export const hashedDimension = 512;
/** Width of the meaning part (GloVe 100d); zeros when no word vectors are built. */
export const meaningDimension = 100;
/** Share of the meaning part in the final vector: words in common still count most. */
const meaningShare = 0.6;

/**
 * Dense, L2-normalised vector of a text for similarity between issues: 512 hashed stems and bigrams (signed
 * feature hashing, sublinear tf, rare words weighted up) followed by the averaged word vectors, scaled so the
 * meaning part weighs 0.6 of the word part. Always 612 numbers, so vectors stored before and after a rebuild compare.
 */
export function textVector(text: string): Float32Array {
  const tokens = tokenizeIssueText(text);
  const vector = new Float32Array(hashedDimension + meaningDimension);
  const counts = new Map<string, number>();
  for (const feature of extractTextFeatures(tokens)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vectors = loadWordVectors();
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    const firstWord = feature.split(' ')[0]!;
    const rank = vectors?.rowOf.get(firstWord);
    const weight = (1 + Math.log(count)) * (rank === undefined ? 1 : frequencyWeight(rank));
    vector[hash % hashedDimension]! += (hash & 0x80000000 ? -1 : 1) * weight;
  }
  normalizeInPlace(vector.subarray(0, hashedDimension));
  const meaning = vectors?.dimension === meaningDimension ? averageWordVector(tokens, vectors) : null;
  if (meaning)
    vector.set(
      meaning.map((value) => value * meaningShare),
      hashedDimension,
    );
  return normalizeInPlace(vector);
}

/** Cosine of the angle between two vectors: 1 same direction, 0 unrelated; 0 for a zero or differently sized one. */
export function cosineSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA > 0 && normB > 0 ? dot / Math.sqrt(normA * normB) : 0;
}

function normalizeInPlace(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
