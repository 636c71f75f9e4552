import { describe, expect, it } from 'vitest';
import { centreInPlace, trainTriageModel } from './local-classifier.js';
import type { TriageExample } from './triage.types.js';

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

  it('learns the same model from the same history', () => {
    const again = trainTriageModel(history, { categories, trainedAt });
    expect([...again.team!.weights]).toEqual([...model.team!.weights]);
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
