import { describe, expect, it } from 'vitest';
import { appendMeaning, centreInPlace, meaningFeatureScale, trainTriageModel } from './local-classifier.js';
import type { TriageExample } from './triage.types.js';
import { loadWordVectors } from './word-vectors.js';

const trainedAt = new Date('2026-03-01T12:00:00Z');
const categories = ['payments', 'auth', 'other'];
const history: TriageExample[] = [
  { text: 'checkout fails', teamId: 'payments', priority: 'critical', category: 'payments' },
  { text: 'refund stuck', teamId: 'payments', priority: 'high', category: 'payments' },
  { text: 'login loops', teamId: 'identity', priority: 'high', category: 'auth' },
  { text: 'password reset typo', teamId: 'identity', priority: 'low', category: 'auth' },
  { text: 'odd banner colour', teamId: null, priority: 'low', category: null },
  { text: 'exports stuck', teamId: 'data', priority: null, category: 'not-a-configured-category' },
];

describe('trainTriageModel', () => {
  const model = trainTriageModel(history, { categories, trainedAt });

  it('records what it learned from', () => {
    expect({
      trainedAt: model.trainedAt,
      exampleCount: model.exampleCount,
      teamIds: model.teamIds,
      categories: model.categories,
    }).toEqual({
      trainedAt: '2026-03-01T12:00:00.000Z',
      exampleCount: 6,
      teamIds: ['data', 'identity', 'payments'],
      categories,
    });
  });

  it('has one head per question, with the classes it can answer', () => {
    expect(model.team?.classes).toEqual(['data', 'identity', 'payments']);
    expect(model.priority?.classes).toEqual(['critical', 'high', 'medium', 'low']);
    expect(model.category?.classes).toEqual(categories);
    expect(model.vocabulary.terms).toContain('checkout');
  });

  it('leaves out a head nobody labelled', () => {
    const unlabelledTeams = history.map((item) => ({ ...item, teamId: null }));
    expect(trainTriageModel(unlabelledTeams, { categories, trainedAt }).team).toBeNull();
  });

  it('gives the priority head, and only it, the meaning as features after the words when that is on', () => {
    const terms = model.vocabulary.terms.length;
    expect(model.team?.featureCount).toBe(terms);
    expect(model.category?.featureCount).toBe(terms);
    const meaningFeatures = meaningFeatureScale > 0 ? (loadWordVectors()?.dimension ?? 0) : 0;
    expect(model.priority?.featureCount).toBe(terms + meaningFeatures);
  });

  it('learns the same model from the same history', () => {
    const again = trainTriageModel(history, { categories, trainedAt });
    expect([...again.team!.weights]).toEqual([...model.team!.weights]);
  });
});

describe('appendMeaning', () => {
  const sparse = { indices: Int32Array.from([1, 4]), values: Float32Array.from([0.6, 0.8]) };

  it('appends the scaled meaning after the terms', () => {
    const vector = appendMeaning(sparse, Float32Array.from([0.5, -0.5]), 10, 2);
    expect([[...vector.indices], [...vector.values]]).toEqual([
      [1, 4, 10, 11],
      [0.6000000238418579, 0.800000011920929, 1, -1],
    ]);
  });

  it('leaves a text without meaning as it is', () => {
    expect(appendMeaning(sparse, null, 10, 1)).toBe(sparse);
  });
});

describe('centreInPlace', () => {
  it.each([
    { values: [1, 2, 3], expected: [-1, 0, 1] },
    { values: [0.5], expected: [0] },
    { values: [], expected: [] },
  ])('$values -> $expected', ({ values, expected }) => {
    expect([...centreInPlace(Float64Array.from(values))]).toEqual(expected);
  });
});
