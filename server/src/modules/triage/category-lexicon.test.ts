import { describe, expect, it } from 'vitest';
import {
  compileCategoryMatcher,
  defaultTriageCategories,
  fallbackCategory,
  scoreCategories,
} from './category-lexicon.js';
import { tokenizeIssueText } from './text-features.js';

const topCategory = (text: string, categories: readonly string[] = defaultTriageCategories) => {
  const { scores } = scoreCategories(tokenizeIssueText(text), compileCategoryMatcher(categories));
  const best = scores.indexOf(Math.max(...scores));
  return scores[best]! > 0 ? categories[best] : null;
};

describe('scoreCategories', () => {
  it.each([
    { text: 'Postgres replica lag is 20 minutes', expected: 'database' },
    { text: 'TLS certificate expired on the load balancer', expected: 'network' },
    { text: 'customers charged twice at checkout', expected: 'payments' },
    { text: 'users get logged out after SSO login', expected: 'auth' },
    { text: 'rollback of the canary release failed', expected: 'deployment' },
    { text: 'p99 latency went from 200ms to 3s', expected: 'performance' },
    { text: 'API key leaked in a public repository', expected: 'security' },
    { text: 'the nightly ETL into the warehouse is missing rows', expected: 'data' },
    { text: 'Twilio is rate limiting us, their side', expected: 'third-party' },
    { text: 'pods OOMKilled on two nodes', expected: 'infrastructure' },
    { text: 'the button label is confusing', expected: null },
  ])('"$text" -> $expected', ({ text, expected }) => {
    expect(topCategory(text)).toBe(expected);
  });

  it('matches a custom category by its own name', () => {
    expect(topCategory('the mobile app crashes on launch', ['mobile-app', 'database', 'other'])).toBe(
      'mobile-app',
    );
  });

  it('counts a keyword once however often it is repeated', () => {
    const { scores } = scoreCategories(
      tokenizeIssueText('slow slow slow'),
      compileCategoryMatcher(['performance']),
    );
    expect([...scores]).toEqual([1]);
  });
});

describe('fallbackCategory', () => {
  it.each([
    { categories: defaultTriageCategories, expected: 'other' },
    { categories: ['bugs', 'ops'], expected: 'bugs' },
    { categories: [], expected: 'other' },
  ])('$categories -> $expected', ({ categories, expected }) => {
    expect(fallbackCategory(categories)).toBe(expected);
  });
});
