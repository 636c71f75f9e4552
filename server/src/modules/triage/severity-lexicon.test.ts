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

describe('scoreSeverity: how scope is stated', () => {
  it.each([
    { text: 'exports fail for every tenant in the EU', impact: 'large' },
    { text: 'all EU customers see errors', impact: 'large' },
    { text: 'all of our customers see errors', impact: 'global' },
    { text: 'our biggest customer cannot export', impact: 'large' },
    { text: 'the whole team cannot deploy', impact: 'large' },
    { text: 'nobody can create anything', impact: 'global' },
    { text: 'sync broken for 4k seats', impact: 'large' },
    { text: 'three big customers report errors', impact: 'some' },
    { text: 'checkout failing in all markets', impact: 'global' },
    { text: 'not everyone is affected, exports fail', impact: 'some' },
    { text: 'export fails on staging', impact: 'nonprod' },
    { text: 'the staging index was swapped into production', impact: null },
    { text: 'it fails every time I click save', impact: null },
    { text: 'export fails on one device', impact: 'single' },
    { text: 'export fails only on my laptop', impact: 'single' },
  ])('"$text" -> scope $impact', ({ text, impact }) => {
    expect(read(text).impact).toBe(impact);
  });

  // Numbers are only read from the raw text: the tokens keep "#num" for them.
  it.each([
    { text: '~20% of API calls fail', impact: 'large' },
    { text: '100% of users get a blank page', impact: 'global' },
    { text: '3% of orders fail', impact: 'some' },
    { text: '1 in 4 requests times out', impact: 'large' },
    { text: '4,000 users cannot sign in', impact: 'large' },
    { text: '3 customers cannot sign in', impact: 'some' },
    { text: '1 user cannot sign in', impact: 'single' },
    { text: 'disk at 93% on the primary', impact: null },
  ])('"$text" -> scope $impact with the raw text', ({ text, impact }) => {
    expect(scoreSeverity(tokenizeIssueText(text), text).impact).toBe(impact);
  });
});

describe('scoreSeverity: how urgency is stated', () => {
  it.each([
    { text: 'the app cant start after the update', urgency: 3 },
    { text: 'writes rejected on the primary', urgency: 3 },
    { text: 'the editor is unusable', urgency: 3 },
    { text: 'this is a release blocker', urgency: 3 },
    { text: 'the dashboard data is wrong', urgency: 3 },
    { text: 'customers were charged twice', urgency: 4 },
    { text: 'the bucket was public for a week', urgency: 4 },
    { text: 'card numbers visible in the debug logs', urgency: 4 },
    { text: 'the page shows other users emails', urgency: 4 },
    { text: 'downloads page shows an old date', urgency: null },
    { text: 'slow down the polling please', urgency: null },
  ])('"$text" -> urgency $urgency', ({ text, urgency }) => {
    expect(read(text).urgency).toBe(urgency);
  });

  it.each([
    { text: 'no data loss, the sync just stopped', urgency: 3 },
    { text: 'there were no errors in the log, only slow pages', urgency: 2 },
    { text: 'the site is not down, just slow', urgency: 2 },
  ])('ignores a negated symptom: "$text" -> urgency $urgency', ({ text, urgency }) => {
    expect(read(text).urgency).toBe(urgency);
  });

  it.each([
    { text: 'disk on the primary fills up in 2 hours', urgency: 3 },
    { text: 'the cert expires tomorrow', urgency: 3 },
    { text: 'we are about to run out of IP addresses', urgency: 3 },
    { text: 'the cert expires in 30 days', urgency: 1 },
    { text: 'builds will start failing when the disk is full', urgency: 3 },
    { text: 'builds will start failing at some point', urgency: 2 },
  ])('reads a failure ahead by its horizon: "$text" -> urgency $urgency', ({ text, urgency }) => {
    expect(read(text).urgency).toBe(urgency);
  });

  it.each([
    { text: 'login broken, but there is a workaround', urgency: 2 },
    { text: 'checkout failed for ten minutes and recovered on its own', urgency: 2 },
    { text: 'can we delete the old buckets', urgency: 1 },
    { text: 'the api will be down for maintenance on Saturday', urgency: 1 },
  ])('de-escalates: "$text" -> urgency $urgency', ({ text, urgency }) => {
    expect(read(text).urgency).toBe(urgency);
  });

  it('reads a function broken for all of a flow as its outage', () => {
    expect([read('all checkouts fail').urgency, read('all users see errors').urgency]).toEqual([4, 3]);
  });

  it('quotes the symptom an outage was lifted from', () => {
    expect(read('all checkouts fail').cues).toContainEqual({ phrase: 'fail', axis: 'urgency', value: '4' });
  });
});

describe('scoreSeverity: stated priorities and de-escalation', () => {
  it.each([
    { text: 'when you get a chance: the export button is slow', expected: 'low' },
    { text: 'low priority, the sync fails for one user', expected: 'low' },
    { text: 'no customer impact, the nightly report failed', expected: 'low' },
    { text: 'minor: the footer wraps', expected: 'low' },
    { text: 'whenever I open the app it crashes for everyone', expected: 'high' },
    { text: 'high priority: refunds stuck for some customers', expected: 'high' },
    { text: 'sev1 — checkout down for all users', expected: 'critical' },
  ])('"$text" reads as $expected', ({ text, expected }) => {
    expect(likeliest(text)).toBe(expected);
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

describe('scoreSeverity: requests, conditions and look-alike words', () => {
  const readText = (text: string) => scoreSeverity(tokenizeIssueText(text), text);

  it.each([
    'request: let admins force a sign-out of one member',
    'Question - do we retry failed webhooks?',
    'feature request: export to CSV when the report fails',
  ])('"%s" is a request, whatever symptom words it holds: urgency 1', (text) => {
    const evidence = readText(text);
    expect(evidence.urgency).toBe(1);
    expect(evidence.cues.find((cue) => cue.axis === 'urgency')?.phrase).toMatch(/request|question/);
  });

  it('reads a symptom that merely mentions requests as a symptom', () => {
    expect(readText('requests fail with 500 since the deploy').urgency).toBe(3);
  });

  it.each([
    { text: 'app crashes when rotating the phone on the report screen', phrase: 'when rotating' },
    { text: 'sign in returns 500 for users who have no public email', phrase: 'users who' },
    { text: 'exports fail, only invoices affected', phrase: 'only invoices' },
  ])('narrows "$text" to some users by its condition', ({ text, phrase }) => {
    const evidence = readText(text);
    expect(evidence.impact).toBe('some');
    expect(evidence.cues.map((cue) => cue.phrase)).toContain(phrase);
  });

  it('lets a stated scope win over a condition', () => {
    expect(readText('checkout fails for all users when paying by card').impact).toBe('global');
  });

  it.each([
    { text: 'crash on iPad at launch', absent: 'pad' },
    { text: 'search ignores results with spaces in the name', absent: 'spaces' },
    { text: 'the words in the editor are duplicated', absent: 'words' },
  ])('does not read "$absent" in "$text" as a cosmetic cue', ({ text, absent }) => {
    expect(readText(text).cues.map((cue) => cue.phrase)).not.toContain(absent);
  });
});
