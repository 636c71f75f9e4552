import type { IssueStatus } from '@argus/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyTransition,
  canTransition,
  type LifecycleState,
  secondsToAcknowledge,
  secondsToResolve,
} from './issue-lifecycle.js';

const t0 = new Date('2026-03-01T10:00:00Z');
const t1 = new Date('2026-03-01T10:05:00Z');
const t2 = new Date('2026-03-01T12:00:00Z');

const fresh = (status: IssueStatus = 'open', extra: Partial<LifecycleState> = {}): LifecycleState => ({
  status,
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  resolutionReason: null,
  closeReason: null,
  ...extra,
});

describe('canTransition', () => {
  it.each([
    ['open', 'acknowledged', true],
    ['open', 'in_progress', true],
    ['open', 'resolved', true],
    ['open', 'closed', true],
    ['acknowledged', 'in_progress', true],
    ['acknowledged', 'open', true],
    ['in_progress', 'resolved', true],
    ['in_progress', 'open', false],
    ['resolved', 'open', true],
    ['resolved', 'closed', true],
    ['resolved', 'acknowledged', false],
    ['resolved', 'in_progress', false],
    ['closed', 'open', true],
    ['closed', 'resolved', false],
    ['closed', 'acknowledged', false],
  ] as const)('%s -> %s is %s', (from, to, expected) => {
    expect(canTransition(from, to)).toBe(expected);
  });
});

describe('applyTransition', () => {
  it('stamps the first acknowledgement and keeps it on later moves', () => {
    const acked = applyTransition(fresh(), { to: 'acknowledged', at: t1 }, 'ARG-1');
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedAt: t1 });
    const working = applyTransition(acked, { to: 'in_progress', at: t2 }, 'ARG-1');
    expect(working.acknowledgedAt).toEqual(t1);
  });

  it('counts going straight to in progress as the first response', () => {
    expect(applyTransition(fresh(), { to: 'in_progress', at: t1 }, 'ARG-1').acknowledgedAt).toEqual(t1);
  });

  it('requires a reason to resolve, and stamps the resolution time', () => {
    expect(() => applyTransition(fresh(), { to: 'resolved', reason: '   ', at: t2 }, 'ARG-7')).toThrow(
      /How was this fixed/,
    );
    const resolved = applyTransition(
      fresh(),
      { to: 'resolved', reason: ' Fixed in production ', at: t2 },
      'ARG-7',
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedAt: t2,
      resolutionReason: 'Fixed in production',
    });
  });

  it('requires a reason to close', () => {
    expect(() => applyTransition(fresh('resolved'), { to: 'closed', at: t2 }, 'ARG-7')).toThrow(
      /Why are you closing this/,
    );
    expect(
      applyTransition(fresh('resolved'), { to: 'closed', reason: 'Duplicate', at: t2 }, 'ARG-7'),
    ).toMatchObject({
      status: 'closed',
      closedAt: t2,
      closeReason: 'Duplicate',
    });
  });

  it('reopens to open and clears resolution and closing, keeping the first acknowledgement', () => {
    const closed = fresh('closed', {
      acknowledgedAt: t1,
      resolvedAt: t2,
      closedAt: t2,
      resolutionReason: 'x',
      closeReason: 'y',
    });
    expect(applyTransition(closed, { to: 'open', at: t2 }, 'ARG-3')).toEqual(
      fresh('open', { acknowledgedAt: t1 }),
    );
  });

  it('rejects illegal moves with the allowed ones in the message', () => {
    expect(() => applyTransition(fresh('closed'), { to: 'resolved', reason: 'x', at: t2 }, 'ARG-9')).toThrow(
      'ARG-9 cannot go from closed to resolved; allowed: open.',
    );
    expect(() => applyTransition(fresh('open'), { to: 'open', at: t2 }, 'ARG-9')).toThrow(
      'ARG-9 is already open.',
    );
  });
});

describe('response times', () => {
  it.each([
    [t0, t1, 300],
    [t0, null, null],
  ])('from %s to %s is %s seconds', (created, at, seconds) => {
    expect(secondsToAcknowledge(created, at)).toBe(seconds);
    expect(secondsToResolve(created, at)).toBe(seconds);
  });
});
