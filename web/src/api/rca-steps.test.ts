import type { RcaResponse, RcaStep } from '@argus/contracts';
import { describe, expect, it } from 'vitest';
import { changesAnalysis, mergeRcaStep } from './rca-steps';

const step = (seq: number, change: Partial<RcaStep> = {}): RcaStep => ({
  seq,
  investigator: 'checklist',
  kind: 'progress',
  message: `Step ${seq}`,
  at: `2024-05-01T10:00:0${seq}.000Z`,
  ...change,
});
const cached = (steps: RcaStep[]): RcaResponse => ({ rca: null, steps });
const seqs = (response: RcaResponse | undefined) => response?.steps.map((item) => item.seq);

describe('mergeRcaStep', () => {
  it('keeps steps in seq order whatever order they arrive in', () => {
    const first = cached([step(1, { kind: 'started' })]);
    expect(seqs(mergeRcaStep(mergeRcaStep(first, step(3)), step(2)))).toEqual([1, 2, 3]);
  });

  it('ignores a step it already has', () => {
    const known = cached([step(1, { kind: 'started' }), step(2)]);
    expect(mergeRcaStep(known, step(2))).toBe(known);
    expect(mergeRcaStep(known, step(1, { kind: 'started' }))).toBe(known);
  });

  it('starts over when a new run begins', () => {
    const oldRun = cached([step(1, { kind: 'started' }), step(2), step(3, { kind: 'completed' })]);
    const newStart = step(1, { kind: 'started', at: '2024-05-01T11:00:00.000Z', message: 'Again' });
    expect(mergeRcaStep(oldRun, newStart)?.steps).toEqual([newStart]);
  });

  it('leaves an analysis that was never fetched to the fetch', () => {
    expect(mergeRcaStep(undefined, step(1))).toBeUndefined();
  });
});

describe('changesAnalysis', () => {
  it.each([
    [step(4, { kind: 'completed' }), true],
    [step(4, { kind: 'failed' }), true],
    [step(1, { kind: 'started' }), true],
    [step(3, { kind: 'started' }), false],
    [step(2, { kind: 'finding' }), false],
    [step(2, { kind: 'progress' }), false],
  ])('%o → %s', (given, expected) => {
    expect(changesAnalysis(given)).toBe(expected);
  });
});
