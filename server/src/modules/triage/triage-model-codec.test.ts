import { describe, expect, it } from 'vitest';
import { trainTriageModel, triageLocally } from './local-triage.js';
import type { TriageTeamProfile } from './triage.types.js';
import { deserializeTriageModel, serializeTriageModel } from './triage-model-codec.js';

const teams: TriageTeamProfile[] = [
  { id: 'payments', name: 'Payments', routingKeywords: ['checkout', 'refund'] },
  { id: 'identity', name: 'Identity', routingKeywords: ['login', 'sso'] },
];
const categories = ['payments', 'auth', 'other'];
const model = trainTriageModel(
  [
    {
      text: 'checkout fails for all customers',
      teamId: 'payments',
      priority: 'critical',
      category: 'payments',
    },
    { text: 'refund stuck in pending', teamId: 'payments', priority: 'high', category: 'payments' },
    { text: 'users kicked out every few minutes', teamId: 'identity', priority: 'high', category: 'auth' },
    { text: 'sso login typo on the button', teamId: 'identity', priority: 'low', category: 'auth' },
  ],
  { categories, trainedAt: new Date('2026-02-01T00:00:00Z'), teams },
);

describe('serializeTriageModel / deserializeTriageModel', () => {
  it('round-trips a model so it triages the same way', () => {
    const restored = deserializeTriageModel(serializeTriageModel(model));
    for (const title of ['users kicked out again', 'checkout down', 'refund typo']) {
      const input = { title, description: '' };
      const before = triageLocally(input, { teams, categories, model });
      const after = triageLocally(input, { teams, categories, model: restored });
      expect([after.teamId, after.priority, after.category]).toEqual([
        before.teamId,
        before.priority,
        before.category,
      ]);
      expect(after.teamConfidence).toBeCloseTo(before.teamConfidence, 3);
    }
    expect([restored.version, restored.exampleCount, restored.teamIds]).toEqual([
      model.version,
      4,
      ['identity', 'payments'],
    ]);
  });

  it('stores weights compactly, as text', () => {
    const text = serializeTriageModel(model);
    expect(typeof text).toBe('string');
    expect(text.length).toBeLessThan(20_000);
  });

  it.each([
    { name: 'garbage', text: 'not json at all', error: /not valid JSON/ },
    { name: 'another JSON document', text: '{"hello":"world"}', error: /not an Argus local triage model/ },
    {
      name: 'a model of an unknown version',
      text: serializeTriageModel({ ...model, version: 'local-triage-0' }),
      error: /version "local-triage-0"/,
    },
    {
      name: 'a damaged weight table',
      text: serializeTriageModel(model).replace(/"weights":"[^"]{8}/, '"weights":"'),
      error: /damaged/,
    },
  ])('refuses $name with a clear error', ({ text, error }) => {
    expect(() => deserializeTriageModel(text)).toThrow(error);
  });
});
