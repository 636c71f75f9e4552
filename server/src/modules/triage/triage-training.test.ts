import { describe, expect, it } from 'vitest';
import { serializeTriageModel, trainTriageModel } from './local-triage.js';
import type { TriageExample, TriageTeamProfile } from './triage.types.js';
import { trainOffThread } from './triage-training.js';

const teams: TriageTeamProfile[] = [
  { id: 'payments', name: 'Payments', routingKeywords: ['checkout', 'refund'] },
  { id: 'identity', name: 'Identity', routingKeywords: ['login', 'sso'] },
];
const categories = ['payments', 'auth', 'other'];
const trainedAt = Date.parse('2026-03-01T12:00:00Z');
const history: TriageExample[] = Array.from({ length: 400 }, (_, i) =>
  i % 2 === 0
    ? { text: `checkout fails for order ${i}`, teamId: 'payments', priority: 'high', category: 'payments' }
    : { text: `users logged out again, case ${i}`, teamId: 'identity', priority: 'medium', category: 'auth' },
);

describe('trainOffThread', () => {
  it('learns on a worker thread exactly the model the same history teaches on this one', async () => {
    const result = await trainOffThread({ examples: history, categories, teams, trainedAt });
    const here = trainTriageModel(history, { categories, teams, trainedAt: new Date(trainedAt) });
    expect(result.serialized).toBe(serializeTriageModel(here));
    expect({
      exampleCount: result.exampleCount,
      teamCount: result.teamCount,
      version: result.version,
    }).toEqual({
      exampleCount: 400,
      teamCount: 2,
      version: here.version,
    });
  });

  it('leaves this thread free while it learns: timers keep firing', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const large = Array.from({ length: 12 }, () => history).flat();
    const startedAt = performance.now();
    await trainOffThread({ examples: large, categories, teams, trainedAt });
    const elapsed = performance.now() - startedAt;
    clearInterval(timer);
    // A blocked event loop would have fired the timer about once, whatever the training took.
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 20));
  });

  it('rejects with the reason when the history cannot be learned from', async () => {
    const broken = [{ text: 42 }] as unknown as TriageExample[];
    // The text is not a string: tokenising it fails in the thread, and the reason comes back here.
    await expect(trainOffThread({ examples: broken, categories, teams, trainedAt })).rejects.toThrow(
      /replace is not a function/,
    );
  });
});
