import { describe, expect, it } from 'vitest';
import { defaultTriageCategories } from './category-lexicon.js';
import { trainTriageModel, triageLocally } from './local-triage.js';
import type { TriageExample, TriagePriority, TriageTeamProfile } from './triage.types.js';

const teams: TriageTeamProfile[] = [
  { id: 'identity', name: 'Identity', routingKeywords: ['login', 'log in', 'sso', 'password', 'session'] },
  { id: 'payments', name: 'Payments', routingKeywords: ['payment', 'checkout', 'invoice', 'refund'] },
  { id: 'database', name: 'Database', routingKeywords: ['postgres', 'replica', 'query', 'deadlock'] },
  { id: 'mobile', name: 'Mobile', routingKeywords: ['ios', 'android', 'app store'] },
];
const categories = defaultTriageCategories;

const example = (
  teamId: string,
  priority: TriagePriority,
  category: string,
  text: string,
): TriageExample => ({
  text,
  teamId,
  priority,
  category,
});

/** A small labelled history; identity issues are often told without its keywords ("kicked out"). */
const history: TriageExample[] = [
  example('identity', 'high', 'auth', 'users kicked out of the web app every few minutes'),
  example('identity', 'high', 'auth', 'people are kicked out after a minute of inactivity'),
  example('identity', 'medium', 'auth', 'kicked out while writing a long comment, draft lost'),
  example('identity', 'critical', 'auth', 'SSO login fails for every account'),
  example('identity', 'low', 'auth', 'password reset email has a typo'),
  example('payments', 'critical', 'payments', 'checkout fails for all customers'),
  example('payments', 'high', 'payments', 'refund stuck in pending for many customers'),
  example('payments', 'medium', 'payments', 'invoice total rounded wrong for one customer'),
  example('payments', 'high', 'payments', 'customers charged twice for the annual plan'),
  example('payments', 'low', 'payments', 'invoice PDF footer misaligned'),
  example('database', 'high', 'database', 'replica lag over ten minutes'),
  example('database', 'medium', 'database', 'slow query on the reports table'),
  example('database', 'critical', 'database', 'postgres primary out of disk, writes failing'),
  example('database', 'medium', 'database', 'deadlock errors during the nightly import'),
  example('mobile', 'high', 'other', 'iOS app crashes on launch for many users'),
  example('mobile', 'medium', 'other', 'android build shows a blank screen on tablets'),
  example('mobile', 'low', 'other', 'app store screenshots are outdated'),
  example('mobile', 'high', 'other', 'phone app freezes when opening notifications'),
];
const model = trainTriageModel(history, { categories, trainedAt: new Date('2026-01-01T00:00:00Z'), teams });
const triage = (text: string, options: { model?: typeof model | null; teams?: TriageTeamProfile[] } = {}) =>
  triageLocally(
    { title: text, description: '' },
    { teams: options.teams ?? teams, categories, model: options.model === undefined ? model : options.model },
  );

describe('triageLocally with keywords and lexicons only', () => {
  it.each([
    {
      text: 'payments API returning 502 for all checkouts',
      team: 'payments',
      priority: 'critical',
      category: 'payments',
    },
    {
      text: 'Cannot log in with SSO, all users affected',
      team: 'identity',
      priority: 'critical',
      category: 'auth',
    },
    { text: 'typo on the invoice PDF', team: 'payments', priority: 'low', category: 'payments' },
    {
      text: 'Postgres replica lag, some reports are stale',
      team: 'database',
      priority: 'medium',
      category: 'database',
    },
    { text: 'iOS app crashes for one customer', team: 'mobile', priority: 'medium', category: 'other' },
  ])('"$text" -> $team, $priority, $category', ({ text, team, priority, category }) => {
    const result = triage(text, { model: null });
    expect([result.teamId, result.priority, result.category, result.source]).toEqual([
      team,
      priority,
      category,
      'rules',
    ]);
  });

  it('points nowhere when nothing in the text relates to any team', () => {
    const result = triage('hello', { model: null });
    expect([result.teamId, result.priority, result.confidence]).toEqual([null, 'medium', 0]);
    expect(result.rationale).toContain('No team keyword');
  });

  it('says which words decided, in one line', () => {
    const { rationale } = triage('payments API returning 502 for all checkouts', { model: null });
    expect(rationale).toContain('"payments" and "checkouts" (Payments keywords)');
    expect(rationale).toContain('reads as critical');
    expect(rationale).not.toContain('\n');
  });

  it('is more confident with two keywords of one team than with keywords of two teams', () => {
    const clear = triage('checkout refund failed', { model: null });
    const mixed = triage('checkout failed after login', { model: null });
    expect(clear.teamConfidence).toBeGreaterThan(mixed.teamConfidence);
  });
});

describe('triageLocally with a model learned from history', () => {
  it('routes a message without any routing keyword the way past issues were routed', () => {
    const result = triage('customers kicked out again this morning');
    expect([result.teamId, result.source]).toEqual(['identity', 'local']);
    expect(result.rationale).toContain('Reads like past Identity issues');
    expect(result.rationale).toContain('learned from 18 past issues');
  });

  it('keeps keyword routing and the severity lexicon working', () => {
    const result = triage('checkout is down for everyone');
    expect([result.teamId, result.priority, result.category]).toEqual(['payments', 'critical', 'payments']);
  });

  it('ignores a team the model knows but the organisation no longer has', () => {
    const withoutIdentity = teams.filter((team) => team.id !== 'identity');
    expect(triage('customers kicked out again this morning', { teams: withoutIdentity }).teamId).not.toBe(
      'identity',
    );
  });

  it('routes to a new team by its keywords even though history never saw it', () => {
    const search = { id: 'search', name: 'Search', routingKeywords: ['search', 'autocomplete'] };
    expect(triage('search autocomplete shows nothing', { teams: [...teams, search] }).teamId).toBe('search');
  });

  it('reports confidences between 0 and 1, the overall one being team times priority', () => {
    const result = triage('replica lag again');
    for (const value of [result.confidence, result.teamConfidence, result.priorityConfidence]) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(result.confidence).toBeCloseTo(result.teamConfidence * result.priorityConfidence, 9);
  });
});
