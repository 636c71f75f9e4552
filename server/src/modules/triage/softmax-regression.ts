import { seededRandom, shuffleInPlace } from '../../lib/seeded-random.js';
import type { SparseVector } from './text-features.js';

/** One document as the classifier sees it: sparse TF-IDF terms and, for each class, K rule scores. */
export interface ClassifierInput {
  sparse: SparseVector;
  /** classCount x K, row-major: rules[c * K + k] is rule k's score for class c. */
  rules: Float32Array;
}

/**
 * A multinomial logistic regression (softmax) over TF-IDF features, plus K "label-dependent" rule features whose
 * weights are shared by all classes: logit_c = W_c . x + b_c + sum_k alpha_k * rules[c][k]. Sharing alpha lets
 * keyword evidence carry over to teams the history never saw, and its prior value is the cold-start behaviour.
 */
export interface SoftmaxHead {
  classes: string[];
  featureCount: number;
  /** featureCount x classCount, feature-major (the weights of one term are adjacent). */
  weights: Float32Array;
  bias: Float32Array;
  ruleWeights: Float32Array;
}

/** Training settings; `priorStrength` is the Gaussian prior's precision (total L2, not per example). */
export interface SoftmaxTrainingOptions {
  epochs: number;
  learningRate: number;
  priorStrength: number;
  /** Rule weights start at, and are pulled back to, these values (the cold-start weights). */
  ruleWeightPrior: Float32Array;
  ruleWeightStrength: number;
  /** The precision of a Gaussian prior pulling each class's bias toward 0 (no class favoured before the words). */
  biasStrength: number;
  seed: number;
}

/**
 * Trains one softmax head by AdaGrad SGD on the cross-entropy, a maximum-a-posteriori fit under Gaussian priors:
 * weights toward 0 (applied to the features an example touches, the usual sparse approximation) and rule weights
 * toward their cold-start values. Examples with label -1 are skipped. Deterministic for a given seed.
 */
export function trainSoftmaxHead(
  inputs: readonly ClassifierInput[],
  labels: Int32Array,
  classes: readonly string[],
  featureCount: number,
  options: SoftmaxTrainingOptions,
): SoftmaxHead {
  const classCount = classes.length;
  const ruleCount = options.ruleWeightPrior.length;
  const head: SoftmaxHead = {
    classes: [...classes],
    featureCount,
    weights: new Float32Array(featureCount * classCount),
    bias: new Float32Array(classCount),
    ruleWeights: Float32Array.from(options.ruleWeightPrior),
  };
  const { weights, bias, ruleWeights } = head;
  const weightSquares = new Float32Array(featureCount * classCount);
  const biasSquares = new Float32Array(classCount);
  const ruleSquares = new Float32Array(ruleCount);
  const order = [...labels.keys()].filter((i) => labels[i]! >= 0);
  const n = Math.max(order.length, 1);
  const decay = options.priorStrength / n;
  const ruleDecay = options.ruleWeightStrength / n;
  const biasDecay = options.biasStrength / n;
  const eta = options.learningRate;
  const random = seededRandom(options.seed);
  const gradient = new Float64Array(classCount);
  const ruleGradient = new Float64Array(ruleCount);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const input = inputs[i]!;
      computeLogits(head, input, gradient);
      softmaxInPlace(gradient);
      gradient[labels[i]!]! -= 1; // d loss / d logit_c = p_c - y_c
      const { indices, values } = input.sparse;
      for (let j = 0; j < indices.length; j++) {
        const row = indices[j]! * classCount;
        const value = values[j]!;
        for (let c = 0; c < classCount; c++) {
          const g = gradient[c]! * value + decay * weights[row + c]!;
          weightSquares[row + c]! += g * g;
          weights[row + c]! -= (eta * g) / Math.sqrt(weightSquares[row + c]! + 1e-8);
        }
      }
      ruleGradient.fill(0);
      for (let c = 0; c < classCount; c++) {
        const g = gradient[c]!;
        const biasGradient = g + biasDecay * bias[c]!;
        biasSquares[c]! += biasGradient * biasGradient;
        bias[c]! -= (eta * biasGradient) / Math.sqrt(biasSquares[c]! + 1e-8);
        for (let k = 0; k < ruleCount; k++) ruleGradient[k]! += g * input.rules[c * ruleCount + k]!;
      }
      for (let k = 0; k < ruleCount; k++) {
        const g = ruleGradient[k]! + ruleDecay * (ruleWeights[k]! - options.ruleWeightPrior[k]!);
        ruleSquares[k]! += g * g;
        ruleWeights[k]! -= (eta * g) / Math.sqrt(ruleSquares[k]! + 1e-8);
      }
    }
  }
  return head;
}

/** The logits (before softmax) of one input under a trained head, in the order of `head.classes`. */
export function computeHeadLogits(head: SoftmaxHead, input: ClassifierInput): Float64Array {
  const logits = new Float64Array(head.classes.length);
  computeLogits(head, input, logits);
  return logits;
}

function computeLogits(head: SoftmaxHead, input: ClassifierInput, out: Float64Array): void {
  const { weights, bias, ruleWeights } = head;
  const classCount = bias.length;
  const ruleCount = ruleWeights.length;
  for (let c = 0; c < classCount; c++) {
    let logit = bias[c]!;
    for (let k = 0; k < ruleCount; k++) logit += ruleWeights[k]! * input.rules[c * ruleCount + k]!;
    out[c] = logit;
  }
  const { indices, values } = input.sparse;
  for (let j = 0; j < indices.length; j++) {
    const row = indices[j]! * classCount;
    const value = values[j]!;
    for (let c = 0; c < classCount; c++) out[c]! += weights[row + c]! * value;
  }
}

/** Turns logits into probabilities in place (max-shifted for stability) and returns them. */
export function softmaxInPlace(logits: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const value of logits) max = Math.max(max, value);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    logits[c] = Math.exp(logits[c]! - max);
    sum += logits[c]!;
  }
  for (let c = 0; c < logits.length; c++) logits[c]! /= sum;
  return logits;
}
