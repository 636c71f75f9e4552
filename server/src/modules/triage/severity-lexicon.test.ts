import { describe, expect, it } from 'vitest';
import { priorityMatrix, scoreSeverity } from './severity-lexicon.js';
import { tokenizeIssueText } from './text-features.js';
import { type TriagePriority, triagePriorities } from './triage.types.js';

const read = (text: string) => scoreSeverity(tokenizeIssueText(text));
/** The priority the lexicon alone would pick: matrix log-probability plus 4 per stated priority (as triage does). */
const likeliest = (text: string): TriagePriority => {
  const evidence = read(text);
  const score = (priority: TriagePriority) =>
    evidence.matrixLogProbability[priority] + 4 * evidence.explicit[priority];
  return triagePriorities.reduce((best, priority) => (score(priority) > score(best) ? priority : best));
};

describe('scoreSeverity', () => {
  it.each([
    { text: 'checkout is down for all users', impact: 'global', urgency: 4 },
    { text: 'data loss after the migration', impact: null, urgency: 4 },
    { text: 'exports fail for some users', impact: 'some', urgency: 3 },
    { text: 'search is slow for one customer', impact: 'single', urgency: 2 },
    { text: 'typo on the pricing page', impact: null, urgency: 1 },
    { text: 'everything is down in staging', impact: 'nonprod', urgency: 4 },
    { text: 'hello there', impact: null, urgency: null },
  ])('"$text" -> scope $impact, urgency $urgency', ({ text, impact, urgency }) => {
    const evidence = read(text);
    expect([evidence.impact, evidence.urgency]).toEqual([impact, urgency]);
  });

  it.each([
    { text: 'payments API returning 502 for all checkouts', expected: 'critical' },
    { text: 'outage: nobody can log in', expected: 'critical' },
    { text: 'sev1 — exports broken', expected: 'critical' },
    { text: 'login broken for all users', expected: 'high' },
    { text: 'search results slow for a few customers', expected: 'medium' },
    { text: 'something looks off', expected: 'medium' },
    { text: 'minor typo in the footer', expected: 'low' },
    { text: 'not urgent, but the tooltip is misaligned', expected: 'low' },
    { text: 'nice to have: dark mode for the dashboard', expected: 'low' },
    { text: 'export fails in staging', expected: 'low' },
    { text: 'can we enable compression at the edge?', expected: 'low' },
    { text: 'fyi the wiki page moved', expected: 'low' },
  ])('"$text" reads as $expected', ({ text, expected }) => {
    expect(likeliest(text)).toBe(expected);
  });

  it('lets "not urgent" hide the "urgent" inside it', () => {
    expect(read('not urgent').explicit).toEqual({ critical: 0, high: 0, medium: 0, low: 1 });
  });

  it('quotes the words as the text wrote them', () => {
    expect(read('Everyone sees 503s').cues.map((cue) => cue.phrase)).toEqual(['everyone', '5xx']);
  });

  it('gives a probability distribution over priorities', () => {
    const { matrixLogProbability } = read('some users see errors');
    const total = triagePriorities.reduce(
      (sum, priority) => sum + Math.exp(matrixLogProbability[priority]),
      0,
    );
    expect(total).toBeCloseTo(1, 1);
  });

  it('adds scope and urgency as features the classifier can learn from', () => {
    expect(read('down for everyone').features).toEqual([
      '#impact:global',
      '#urgency:4',
      '#impact:global&urgency:4',
    ]);
  });
});

describe('priorityMatrix', () => {
  it('never ranks a narrower scope above a broader one for the same urgency', () => {
    const rank = { low: 0, medium: 1, high: 2, critical: 3 };
    for (const row of Object.values(priorityMatrix)) {
      for (let i = 1; i < row.length; i++) expect(rank[row[i]!]).toBeLessThanOrEqual(rank[row[i - 1]!]);
    }
  });
});
