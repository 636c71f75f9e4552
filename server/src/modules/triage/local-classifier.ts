import { priorityLogPrior } from './severity-lexicon.js';
import { type ClassifierInput, trainSoftmaxHead } from './softmax-regression.js';
import { buildTfidfVocabulary, indexVocabulary, type SparseVector, vectorizeTfidf } from './text-features.js';
import type { LocalTriageModel, TriageExample, TriageHead, TriageTeamProfile } from './triage.types.js';
import { triagePriorities } from './triage.types.js';
import { compileTriageLexicons, gatherTriageEvidence, type TriageEvidence } from './triage-evidence.js';
import { dotProduct, loadWordVectors } from './word-vectors.js';

/** The format of models this code writes and reads. */
export const localTriageModelVersion = 'local-triage-1';

/**
 * Cold-start weights of each question's rule features [lexicon score, keyword-meaning similarity, past-issue
 * centroid similarity]: one routing keyword adds 2 to its team's logit (one hit among ten teams -> ~45% sure, two ->
 * ~85%), one lexicon weight unit adds 1 to its priority. Similarities are cosines, so their weights are larger.
 * Chosen by cross-validation on the evaluation's training split; training moves them from there.
 */
export const ruleWeightPriors = {
  team: [2, 8, 8],
  priority: [1, 0, 4],
  category: [2, 0, 8],
} as const satisfies Record<string, readonly number[]>;

/** Settings of the learner, chosen by cross-validation on the training split of the evaluation set. */
const learner = { priorStrength: 0.3, ruleWeightStrength: 20, learningRate: 0.3, maxTerms: 30_000 };

/** Epochs by history size: small histories need more passes, large ones converge in a few (~150k updates in all). */
function epochsFor(exampleCount: number): number {
  return Math.min(40, Math.max(3, Math.round(150_000 / Math.max(exampleCount, 1))));
}

/** Where the rule features of one question come from, per class of its head. */
interface RuleSource {
  lexicon: (item: TriageEvidence, classIndex: number) => number;
  prototype: (item: TriageEvidence, classIndex: number) => number;
}

/**
 * Learns this organisation's triage from its labelled history: one softmax regression per question (team,
 * priority, category) over TF-IDF words and bigrams plus averaged word vectors, with keyword, keyword-meaning and
 * past-issue-centroid scores as shared-weight features. Logistic regression rather than naive Bayes because its
 * probabilities are calibrated enough to report as confidence, and its rule weights start at (and are pulled toward)
 * the cold-start values, so a small history nudges them and a large one decides. Pass `teams` so the keyword
 * weights are learned too.
 */
export function trainTriageModel(
  examples: readonly TriageExample[],
  options: { categories: readonly string[]; trainedAt: Date; teams?: readonly TriageTeamProfile[] },
): LocalTriageModel {
  const teams = options.teams ?? [];
  const lexicons = compileTriageLexicons(teams, options.categories);
  const evidence = examples.map((example) => gatherTriageEvidence(example.text, lexicons));
  const vocabulary = buildTfidfVocabulary(
    evidence.map((item) => item.features),
    { minDocumentCount: examples.length >= 2_000 ? 2 : 1, maxTerms: learner.maxTerms },
  );
  const termIndex = indexVocabulary(vocabulary);
  const sparse = evidence.map((item) => vectorizeTfidf(item.features, termIndex, vocabulary.idf));
  const vectors = loadWordVectors();
  const denseDimension = vectors?.dimension ?? 0;
  const featureCount = vocabulary.terms.length + denseDimension;
  const teamIds = [
    ...new Set(examples.flatMap((example) => (example.teamId ? [example.teamId] : []))),
  ].sort();
  const teamPosition = teamIds.map((id) => teams.findIndex((team) => team.id === id));

  const trainHead = (
    classes: readonly string[],
    labelOf: (example: TriageExample) => string | null,
    rules: RuleSource,
    rulePrior: readonly number[],
    initialBias?: Float32Array,
  ): TriageHead | null => {
    const classIndex = new Map(classes.map((name, index) => [name, index]));
    const labels = Int32Array.from(examples, (example) => classIndex.get(labelOf(example) ?? '') ?? -1);
    const labelled = labels.filter((label) => label >= 0).length;
    if (labelled === 0) return null;
    const sums = denseDimension > 0 ? sumMeanings(evidence, labels, classes.length, denseDimension) : null;
    const centroids = sums && normalizeRows(Float32Array.from(sums), denseDimension);
    const inputs = evidence.map((item, i) => {
      const ruleScores = new Float32Array(classes.length * 3);
      const ownCentroid =
        sums && item.meaning && labels[i]! >= 0 ? leaveOneOut(sums, labels[i]!, item.meaning) : null;
      for (let c = 0; c < classes.length; c++) {
        ruleScores[c * 3] = rules.lexicon(item, c);
        ruleScores[c * 3 + 1] = rules.prototype(item, c);
        const centroid =
          c === labels[i] && ownCentroid ? ownCentroid : centroids && rowOf(centroids, c, denseDimension);
        ruleScores[c * 3 + 2] = item.meaning && centroid ? dotProduct(item.meaning, centroid) : 0;
      }
      return toInput(sparse[i]!, item.meaning, ruleScores);
    });
    const head = trainSoftmaxHead(inputs, labels, classes, featureCount, {
      epochs: epochsFor(labelled),
      learningRate: learner.learningRate,
      priorStrength: learner.priorStrength,
      ruleWeightPrior: Float32Array.from(rulePrior),
      ruleWeightStrength: learner.ruleWeightStrength,
      ...(initialBias ? { initialBias } : {}),
      seed: 20_240_601,
    });
    return { ...head, centroids };
  };

  const categoryIndex = options.categories.map((_, index) => index);
  return {
    version: localTriageModelVersion,
    trainedAt: options.trainedAt.toISOString(),
    exampleCount: examples.length,
    teamIds,
    categories: [...options.categories],
    vocabulary,
    wordVectorSetId: vectors?.setId ?? null,
    denseDimension,
    team: trainHead(
      teamIds,
      (example) => example.teamId,
      {
        lexicon: (item, c) => item.keywords.scores[teamPosition[c]!] ?? 0,
        prototype: (item, c) => item.teamSimilarity[teamPosition[c]!] ?? 0,
      },
      ruleWeightPriors.team,
    ),
    priority: trainHead(
      triagePriorities,
      (example) => example.priority,
      { lexicon: (item, c) => item.severity.scores[triagePriorities[c]!], prototype: () => 0 },
      ruleWeightPriors.priority,
      Float32Array.from(triagePriorities, (priority) => priorityLogPrior[priority]),
    ),
    category: trainHead(
      options.categories,
      (example) => example.category,
      {
        lexicon: (item, c) => item.categories.scores[categoryIndex[c]!] ?? 0,
        prototype: (item, c) => item.categorySimilarity[categoryIndex[c]!] ?? 0,
      },
      ruleWeightPriors.category,
    ),
  };
}

function sumMeanings(
  evidence: readonly TriageEvidence[],
  labels: Int32Array,
  classCount: number,
  dimension: number,
): Float64Array {
  const sums = new Float64Array(classCount * dimension);
  evidence.forEach((item, i) => {
    const label = labels[i]!;
    if (label < 0 || !item.meaning) return;
    for (let d = 0; d < dimension; d++) sums[label * dimension + d]! += item.meaning[d]!;
  });
  return sums;
}

/** The centroid of a class without one of its members, so training does not see an example in its own centroid. */
function leaveOneOut(sums: Float64Array, label: number, meaning: Float32Array): Float32Array {
  const dimension = meaning.length;
  const centroid = Float32Array.from(meaning, (value, d) => sums[label * dimension + d]! - value);
  return normalizeRows(centroid, dimension);
}

/** Scales each row of a row-major matrix to unit length (zero rows stay zero). */
function normalizeRows(matrix: Float32Array, dimension: number): Float32Array {
  for (let offset = 0; offset < matrix.length; offset += dimension) {
    const row = matrix.subarray(offset, offset + dimension);
    const norm = Math.hypot(...row);
    if (norm > 0) for (let d = 0; d < dimension; d++) row[d]! /= norm;
  }
  return matrix;
}

/** Row `index` of a row-major matrix, as a view. */
export function rowOf(matrix: Float32Array, index: number, dimension: number): Float32Array {
  return matrix.subarray(index * dimension, (index + 1) * dimension);
}

/** One classifier input from shared parts; `meaning` is dropped when the model was trained without vectors. */
export function toInput(
  sparse: SparseVector,
  meaning: Float32Array | null,
  rules: Float32Array,
): ClassifierInput {
  return { sparse, dense: meaning, rules };
}

const termIndexCache = new WeakMap<LocalTriageModel, Map<string, number>>();

/** The TF-IDF vector of a text under a model's vocabulary (the term index is built once per model). */
export function vectorizeForModel(model: LocalTriageModel, features: readonly string[]): SparseVector {
  let termIndex = termIndexCache.get(model);
  if (!termIndex) {
    termIndex = indexVocabulary(model.vocabulary);
    termIndexCache.set(model, termIndex);
  }
  return vectorizeTfidf(features, termIndex, model.vocabulary.idf);
}
