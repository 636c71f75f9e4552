import { trainSoftmaxHead } from './softmax-regression.js';
import { buildTfidfVocabulary, indexVocabulary, type SparseVector, vectorizeTfidf } from './text-features.js';
import type { LocalTriageModel, TriageExample, TriageHead, TriageTeamProfile } from './triage.types.js';
import { triagePriorities } from './triage.types.js';
import { compileTriageLexicons, gatherTriageEvidence, type TriageEvidence } from './triage-evidence.js';
import { dotProduct, loadWordVectors } from './word-vectors.js';

/** The format of models this code writes and reads. */
export const localTriageModelVersion = 'local-triage-1';

/**
 * Cold-start weights of each question's rule features [lexicon score, prior score, past-issue centroid similarity].
 * The prior score is the similarity to the keywords' meaning for teams and categories (a centred cosine, hence the
 * larger weight) and ln P(priority) under the ITIL matrix for priorities. One routing keyword adds 3 to its team's
 * logit (one hit among ten teams -> ~70% sure, two -> ~98%); a stated priority ("p1") adds 4. Chosen by
 * cross-validation on the evaluation's training split; training moves them from there. The team's centroid
 * similarity starts at 0: a team's centroid from a few dozen issues is noisy, and at 8 it cost 3.5 points of team
 * accuracy after 50 issues and half a point after 1,000 in cross-validation; history can still raise it.
 */
export const ruleWeightPriors = {
  team: [3, 8, 0],
  priority: [4, 1, 0],
  category: [2, 0, 8],
} as const satisfies Record<string, readonly number[]>;

/** Settings of the learner, chosen by cross-validation on the training split of the evaluation set. */
const learner = {
  priorStrength: 0.1,
  // Priority words learned from history lost to the severity rules in cross-validation at every history size (the
  // scored lines are hand-written, most training lines generated), so the priority head stays near the rules.
  priorityPriorStrength: 1000,
  // How firmly the rule weights stay at their cold-start values: at 20, 50 issues moved the priority rules enough
  // to lose 5 points of priority accuracy against the rules alone in cross-validation; at 200 they lose 2.
  ruleWeightStrength: 200,
  // Without it a class's bias swings by about a nat on 50 issues. 100 rather than 20 gains a point of priority
  // accuracy after 50 issues in cross-validation; larger histories are unchanged.
  biasStrength: 100,
  learningRate: 0.3,
  maxTerms: 30_000,
};

/**
 * How much the priority head reads the text's meaning (averaged word vectors) as dense features: a linear "how
 * severe does this sound" direction that carries over to words history never saw. Off (0) since the priority head
 * keeps close to the severity rules (`priorityPriorStrength`): cross-validation on the training split then shows no
 * gain from it (66.1% against 65.7% after 200 issues, 64.1% against 64.5% after 1,000), and it costs retraining
 * time. Models trained with it on still read back and apply it (local-triage.ts).
 */
export const meaningFeatureScale = 0;

/** Epochs by history size: small histories need more passes, large ones converge in two (~100k updates in all). */
function epochsFor(exampleCount: number): number {
  return Math.min(40, Math.max(2, Math.round(100_000 / Math.max(exampleCount, 1))));
}

/** Where the rule features of one question come from, per class of its head. */
interface RuleSource {
  lexicon: (item: TriageEvidence, classIndex: number) => number;
  prototype: (item: TriageEvidence, classIndex: number) => number;
}

/**
 * Learns this organisation's triage from its labelled history: one softmax regression per question (team,
 * priority, category) over TF-IDF words and bigrams (the priority head also over the text's meaning, see
 * `meaningFeatureScale`), with three shared-weight rule features per class: keyword or
 * lexicon score, keyword-meaning similarity (ITIL matrix for priority), and similarity to the class's centroid of
 * past issues' averaged word vectors. Logistic regression rather than naive Bayes because its probabilities are
 * calibrated enough to report as confidence (see the evaluation's reliability table) and it takes the rule scores as
 * features: their weights start at the cold-start values under a Gaussian prior, so the rules keep working for words
 * history never saw. Pass `teams` so the team rule features exist during training too.
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
  const vectors = loadWordVectors();
  const meaningDimension = vectors?.dimension ?? 0;
  const termCount = vocabulary.terms.length;
  const termVectors = evidence.map((item) => vectorizeTfidf(item.features, termIndex, vocabulary.idf));
  const withMeanings = termVectors.map((vector, i) =>
    appendMeaning(vector, evidence[i]!.meaning, termCount, meaningFeatureScale),
  );
  const meaningFeatureCount = termCount + (meaningFeatureScale > 0 ? meaningDimension : 0);
  const teamIds = [
    ...new Set(examples.flatMap((example) => (example.teamId ? [example.teamId] : []))),
  ].sort();
  const teamPosition = teamIds.map((id) => teams.findIndex((team) => team.id === id));

  const trainHead = (
    classes: readonly string[],
    labelOf: (example: TriageExample) => string | null,
    ruleSource: RuleSource,
    rulePrior: readonly number[],
    reads: 'words' | 'words and meaning',
    priorStrength = learner.priorStrength,
  ): TriageHead | null => {
    const sparse = reads === 'words' ? termVectors : withMeanings;
    const featureCount = reads === 'words' ? termCount : meaningFeatureCount;
    const classIndex = new Map(classes.map((name, index) => [name, index]));
    const labels = Int32Array.from(examples, (example) => classIndex.get(labelOf(example) ?? '') ?? -1);
    const labelled = labels.filter((label) => label >= 0).length;
    if (labelled === 0) return null;
    const sums =
      meaningDimension > 0 ? sumMeanings(evidence, labels, classes.length, meaningDimension) : null;
    const centroids = sums && normalizeRows(Float32Array.from(sums), meaningDimension);
    const sumNormsSquared =
      sums && Float64Array.from(classes, (_, c) => squaredNorm(sums, c, meaningDimension));
    const similarities = new Float64Array(classes.length);
    const inputs = evidence.map((item, i) => {
      const rules = new Float32Array(classes.length * 3);
      similarities.fill(0);
      for (let c = 0; c < classes.length; c++) {
        rules[c * 3] = ruleSource.lexicon(item, c);
        rules[c * 3 + 1] = ruleSource.prototype(item, c);
        if (!item.meaning || !sums || !centroids || !sumNormsSquared) continue;
        similarities[c] =
          c === labels[i]
            ? leaveOneOutCosine(item.meaning, sums, c, sumNormsSquared[c]!)
            : dotProduct(item.meaning, rowOf(centroids, c, meaningDimension));
      }
      centreInPlace(similarities);
      for (let c = 0; c < classes.length; c++) rules[c * 3 + 2] = similarities[c]!;
      return { sparse: sparse[i]!, rules };
    });
    const head = trainSoftmaxHead(inputs, labels, classes, featureCount, {
      epochs: epochsFor(labelled),
      learningRate: learner.learningRate,
      priorStrength,
      ruleWeightPrior: Float32Array.from(rulePrior),
      ruleWeightStrength: learner.ruleWeightStrength,
      biasStrength: learner.biasStrength,
      seed: 20_240_601,
    });
    return { ...head, centroids, exampleCount: labelled };
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
    meaningDimension,
    team: trainHead(
      teamIds,
      (example) => example.teamId,
      {
        lexicon: (item, c) => item.teamLexiconScores[teamPosition[c]!] ?? 0,
        prototype: (item, c) => item.teamSimilarity[teamPosition[c]!] ?? 0,
      },
      ruleWeightPriors.team,
      'words',
    ),
    priority: trainHead(
      triagePriorities,
      (example) => example.priority,
      {
        lexicon: (item, c) => item.severity.explicit[triagePriorities[c]!],
        prototype: (item, c) => item.severity.matrixLogProbability[triagePriorities[c]!],
      },
      ruleWeightPriors.priority,
      'words and meaning',
      learner.priorityPriorStrength,
    ),
    category: trainHead(
      options.categories,
      (example) => example.category,
      {
        lexicon: (item, c) => item.categories.scores[categoryIndex[c]!] ?? 0,
        prototype: (item, c) => item.categorySimilarity[categoryIndex[c]!] ?? 0,
      },
      ruleWeightPriors.category,
      'words',
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

/**
 * Cosine between a unit meaning m and its class centroid without m itself, so training never sees an example in
 * its own centroid: with S the class sum, m.(S - m) / |S - m| = (m.S - 1) / sqrt(|S|^2 - 2 m.S + 1).
 */
function leaveOneOutCosine(
  meaning: Float32Array,
  sums: Float64Array,
  label: number,
  sumNormSquared: number,
): number {
  const dimension = meaning.length;
  let dot = 0;
  for (let d = 0; d < dimension; d++) dot += meaning[d]! * sums[label * dimension + d]!;
  const restNormSquared = sumNormSquared - 2 * dot + 1;
  return restNormSquared > 1e-9 ? (dot - 1) / Math.sqrt(restNormSquared) : 0;
}

function squaredNorm(matrix: Float64Array, row: number, dimension: number): number {
  let sum = 0;
  for (let d = row * dimension; d < (row + 1) * dimension; d++) sum += matrix[d]! * matrix[d]!;
  return sum;
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

/**
 * Subtracts the mean from every value: similarities are compared across options, and an option without one (a
 * team the history never saw) then sits at the average instead of below every other.
 */
export function centreInPlace(values: Float64Array): Float64Array {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = values.length > 0 ? sum / values.length : 0;
  for (let i = 0; i < values.length; i++) values[i]! -= mean;
  return values;
}

/** Row `index` of a row-major matrix, as a view. */
export function rowOf(matrix: Float32Array, index: number, dimension: number): Float32Array {
  return matrix.subarray(index * dimension, (index + 1) * dimension);
}

/**
 * Appends a text's meaning (averaged word vectors, unit length) times `scale` to its TF-IDF vector as dense features
 * after the `termCount` terms; unchanged without a meaning. A head trained on these has featureCount > termCount.
 */
export function appendMeaning(
  sparse: SparseVector,
  meaning: Float32Array | null,
  termCount: number,
  scale: number,
): SparseVector {
  if (!meaning || scale <= 0) return sparse;
  const indices = new Int32Array(sparse.indices.length + meaning.length);
  const values = new Float32Array(indices.length);
  indices.set(sparse.indices);
  values.set(sparse.values);
  for (let d = 0; d < meaning.length; d++) {
    indices[sparse.indices.length + d] = termCount + d;
    values[sparse.indices.length + d] = meaning[d]! * scale;
  }
  return { indices, values };
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
