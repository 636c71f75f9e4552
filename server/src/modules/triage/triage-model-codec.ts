import { localTriageModelVersion } from './local-classifier.js';
import type { LocalTriageModel, TriageHead } from './triage.types.js';

const formatName = 'argus-local-triage';

interface StoredHead {
  classes: string[];
  featureCount: number;
  /** int16 weights, base64; weight = value * weightScale. */
  weights: string;
  weightScale: number;
  bias: number[];
  ruleWeights: number[];
  /** float32 centroids, base64; null without word vectors. */
  centroids: string | null;
  exampleCount: number;
}

/**
 * Writes a model as compact JSON for a database text column: terms joined by newlines, idf as base64 float32, and
 * weights quantised to int16 with one scale per head (error < 0.02% of the largest weight). ~1-2 MB for 30k terms.
 */
export function serializeTriageModel(model: LocalTriageModel): string {
  return JSON.stringify({
    format: formatName,
    version: model.version,
    trainedAt: model.trainedAt,
    exampleCount: model.exampleCount,
    teamIds: model.teamIds,
    categories: model.categories,
    terms: model.vocabulary.terms.join('\n'),
    idf: toBase64(model.vocabulary.idf),
    wordVectorSetId: model.wordVectorSetId,
    meaningDimension: model.meaningDimension,
    team: model.team && encodeHead(model.team),
    priority: model.priority && encodeHead(model.priority),
    category: model.category && encodeHead(model.category),
  });
}

/** Reads a model written by `serializeTriageModel`; throws an Error saying what is wrong for anything else. */
export function deserializeTriageModel(text: string): LocalTriageModel {
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error('Stored triage model is not valid JSON; retrain the model');
  }
  if (typeof stored !== 'object' || stored === null || stored.format !== formatName) {
    throw new Error('Stored triage model is not an Argus local triage model; retrain the model');
  }
  if (stored.version !== localTriageModelVersion) {
    throw new Error(
      `Stored triage model has version "${String(stored.version)}", this server reads "${localTriageModelVersion}"; retrain the model`,
    );
  }
  const terms = typeof stored.terms === 'string' && stored.terms !== '' ? stored.terms.split('\n') : [];
  const idf = fromBase64(String(stored.idf), Float32Array);
  if (idf.length !== terms.length)
    throw new Error('Stored triage model is damaged: terms and weights disagree');
  return {
    version: localTriageModelVersion,
    trainedAt: String(stored.trainedAt),
    exampleCount: Number(stored.exampleCount),
    teamIds: stored.teamIds as string[],
    categories: stored.categories as string[],
    vocabulary: { terms, idf },
    wordVectorSetId: (stored.wordVectorSetId as string | null) ?? null,
    meaningDimension: Number(stored.meaningDimension),
    team: decodeHead(stored.team as StoredHead | null),
    priority: decodeHead(stored.priority as StoredHead | null),
    category: decodeHead(stored.category as StoredHead | null),
  };
}

function encodeHead(head: TriageHead): StoredHead {
  let maxAbs = 0;
  for (const weight of head.weights) maxAbs = Math.max(maxAbs, Math.abs(weight));
  const weightScale = maxAbs > 0 ? maxAbs / 32767 : 1;
  return {
    classes: head.classes,
    featureCount: head.featureCount,
    weights: toBase64(Int16Array.from(head.weights, (weight) => Math.round(weight / weightScale))),
    weightScale,
    bias: [...head.bias],
    ruleWeights: [...head.ruleWeights],
    centroids: head.centroids && toBase64(head.centroids),
    exampleCount: head.exampleCount,
  };
}

function decodeHead(stored: StoredHead | null | undefined): TriageHead | null {
  if (!stored) return null;
  const quantised = fromBase64(stored.weights, Int16Array);
  if (quantised.length !== stored.featureCount * stored.classes.length) {
    throw new Error('Stored triage model is damaged: a weight table has the wrong size');
  }
  return {
    classes: stored.classes,
    featureCount: stored.featureCount,
    weights: Float32Array.from(quantised, (value) => value * stored.weightScale),
    bias: Float32Array.from(stored.bias),
    ruleWeights: Float32Array.from(stored.ruleWeights),
    centroids: stored.centroids ? fromBase64(stored.centroids, Float32Array) : null,
    exampleCount: Number(stored.exampleCount),
  };
}

function toBase64(array: Float32Array | Int16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64<T extends Float32Array | Int16Array>(
  text: string,
  Kind: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0)
    throw new Error('Stored triage model is damaged: bad array');
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return new Kind(copy);
}
