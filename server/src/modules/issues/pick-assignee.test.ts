import { describe, expect, it } from 'vitest';
import { pickAssignee } from './pick-assignee.js';

const at = (iso: string) => new Date(iso);

describe('pickAssignee', () => {
  it.each([
    {
      name: 'lowest workload wins',
      candidates: [
        { userId: 'a', openIssueCount: 3, lastAssignedAt: null },
        { userId: 'b', openIssueCount: 1, lastAssignedAt: at('2026-01-02T00:00:00Z') },
        { userId: 'c', openIssueCount: 2, lastAssignedAt: null },
      ],
      expected: 'b',
    },
    {
      name: 'a tie goes to the one assigned least recently',
      candidates: [
        { userId: 'a', openIssueCount: 1, lastAssignedAt: at('2026-01-03T00:00:00Z') },
        { userId: 'b', openIssueCount: 1, lastAssignedAt: at('2026-01-01T00:00:00Z') },
      ],
      expected: 'b',
    },
    {
      name: 'never assigned beats assigned long ago',
      candidates: [
        { userId: 'a', openIssueCount: 0, lastAssignedAt: at('2020-01-01T00:00:00Z') },
        { userId: 'z', openIssueCount: 0, lastAssignedAt: null },
      ],
      expected: 'z',
    },
    {
      name: 'a full tie is broken by user id, so the choice is stable',
      candidates: [
        { userId: 'm', openIssueCount: 0, lastAssignedAt: null },
        { userId: 'k', openIssueCount: 0, lastAssignedAt: null },
      ],
      expected: 'k',
    },
  ])('$name', ({ candidates, expected }) => {
    expect(pickAssignee(candidates)?.userId).toBe(expected);
  });

  it('returns undefined for an empty team', () => {
    expect(pickAssignee([])).toBeUndefined();
  });

  it('spreads ten issues over five people evenly when each pick is recorded', () => {
    const team = ['a', 'b', 'c', 'd', 'e'].map((userId) => ({
      userId,
      openIssueCount: 0,
      lastAssignedAt: null as Date | null,
    }));
    for (let minute = 0; minute < 10; minute++) {
      const chosen = pickAssignee(team)!;
      chosen.openIssueCount += 1;
      chosen.lastAssignedAt = new Date(Date.UTC(2026, 0, 1, 0, minute));
    }
    expect(team.map((member) => member.openIssueCount)).toEqual([2, 2, 2, 2, 2]);
  });
});
