import { describe, expect, it } from 'vitest';
import { seededRandom, shuffleInPlace } from '../../lib/seeded-random.js';
import {
  type ClassifierInput,
  computeHeadLogits,
  softmaxInPlace,
  trainSoftmaxHead,
} from './softmax-regression.js';

/** A document with the given feature indices (value 1 each) and per-class rule scores (K = 1). */
const doc = (features: number[], rules: number[] = [0, 0]): ClassifierInput => ({
  sparse: { indices: Int32Array.from(features), values: Float32Array.from(features, () => 1) },
  rules: Float32Array.from(rules),
});
const options = {
  epochs: 30,
  learningRate: 0.3,
  priorStrength: 0.1,
  ruleWeightPrior: Float32Array.of(2),
  ruleWeightStrength: 10,
  biasStrength: 0,
  seed: 1,
};
const probabilities = (logits: Float64Array) => [...softmaxInPlace(logits)];

describe('trainSoftmaxHead', () => {
  // Feature 0 means class "a", feature 1 means class "b"; feature 2 appears everywhere.
  const inputs = [doc([0, 2]), doc([0, 2]), doc([1, 2]), doc([1, 2]), doc([0]), doc([1])];
  const labels = Int32Array.of(0, 0, 1, 1, 0, 1);

  it('learns which words mean which class', () => {
    const head = trainSoftmaxHead(inputs, labels, ['a', 'b'], 3, options);
    expect(probabilities(computeHeadLogits(head, doc([0])))[0]).toBeGreaterThan(0.8);
    expect(probabilities(computeHeadLogits(head, doc([1])))[1]).toBeGreaterThan(0.8);
    expect(probabilities(computeHeadLogits(head, doc([2])))[0]).toBeCloseTo(0.5, 1);
  });

  it('is deterministic for a seed', () => {
    const first = trainSoftmaxHead(inputs, labels, ['a', 'b'], 3, options);
    const second = trainSoftmaxHead(inputs, labels, ['a', 'b'], 3, options);
    expect([...first.weights]).toEqual([...second.weights]);
  });

  it('skips unlabelled examples (label -1)', () => {
    const withUnlabelled = [...inputs, doc([0])];
    const head = trainSoftmaxHead(
      withUnlabelled,
      Int32Array.of(0, 0, 1, 1, 0, 1, -1),
      ['a', 'b'],
      3,
      options,
    );
    const reference = trainSoftmaxHead(inputs, labels, ['a', 'b'], 3, options);
    expect([...head.bias]).toEqual([...reference.bias]);
  });

  it('keeps a class that most examples have from winning a text without words on its bias when the bias has a prior', () => {
    // Five "a" for one "b", and no word tells them apart: the bias alone learns the imbalance.
    const imbalanced = [doc([2]), doc([2]), doc([2]), doc([2]), doc([2]), doc([2])];
    const skewed = Int32Array.of(0, 0, 0, 0, 0, 1);
    const margin = (biasStrength: number) => {
      const head = trainSoftmaxHead(imbalanced, skewed, ['a', 'b'], 3, { ...options, biasStrength });
      return head.bias[0]! - head.bias[1]!;
    };
    expect(margin(0)).toBeGreaterThan(0.5);
    expect(margin(20)).toBeGreaterThan(0);
    expect(margin(20)).toBeLessThan(margin(0) / 2);
  });

  it('keeps the rule weight near its cold-start value when rules agree with the labels, and applies it to logits', () => {
    const ruled = [doc([2], [1, 0]), doc([2], [0, 1]), doc([2], [1, 0]), doc([2], [0, 1])];
    const head = trainSoftmaxHead(ruled, Int32Array.of(0, 1, 0, 1), ['a', 'b'], 3, options);
    expect(head.ruleWeights[0]).toBeGreaterThan(1.5);
    const logits = computeHeadLogits(head, doc([], [1, 0]));
    expect(logits[0]! - logits[1]!).toBeCloseTo(head.ruleWeights[0]! + head.bias[0]! - head.bias[1]!, 5);
  });
});

describe('softmaxInPlace', () => {
  it.each([
    { logits: [0, 0], expected: [0.5, 0.5] },
    { logits: [1000, 1000, 1000, 1000], expected: [0.25, 0.25, 0.25, 0.25] },
    { logits: [Math.log(3), 0], expected: [0.75, 0.25] },
  ])('$logits -> $expected', ({ logits, expected }) => {
    const result = probabilities(Float64Array.from(logits));
    result.forEach((value, i) => {
      expect(value).toBeCloseTo(expected[i]!, 9);
    });
  });
});

describe('seededRandom and shuffleInPlace', () => {
  it('repeat exactly for the same seed and differ for another', () => {
    const shuffle = (seed: number) => shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(seed));
    expect(shuffle(7)).toEqual(shuffle(7));
    expect(shuffle(7)).not.toEqual(shuffle(8));
    expect([...shuffle(7)].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('draws numbers in [0, 1)', () => {
    const random = seededRandom(3);
    const draws = Array.from({ length: 1000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
