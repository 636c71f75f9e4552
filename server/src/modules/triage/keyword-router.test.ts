import { describe, expect, it } from 'vitest';
import { compileKeywordRouter, scoreTeamsByKeywords } from './keyword-router.js';
import { tokenizeIssueText } from './text-features.js';

const router = compileKeywordRouter([
  { id: 'identity', name: 'Identity', routingKeywords: ['login', 'log in', 'sso', 'auth', 'dashboard'] },
  { id: 'payments', name: 'Payments', routingKeywords: ['payment', 'checkout', 'stripe'] },
  { id: 'web', name: 'Web Frontend', routingKeywords: ['css', 'dashboard'] },
]);
const route = (text: string) => {
  const evidence = scoreTeamsByKeywords(tokenizeIssueText(text), router);
  return { scores: [...evidence.scores], hits: evidence.hits };
};

describe('scoreTeamsByKeywords', () => {
  it.each([
    { text: 'Stripe checkout returns 502', scores: [0, 2, 0] },
    { text: 'cannot log in with SSO', scores: [2, 0, 0] },
    { text: 'authentication service flaps', scores: [1, 0, 0] },
    { text: 'the dashboard CSS is broken', scores: [0.5, 0, 1.5] },
    { text: 'login login login', scores: [1, 0, 0] },
    { text: 'nothing to see here', scores: [0, 0, 0] },
  ])('"$text" -> $scores', ({ text, scores }) => {
    expect(route(text).scores).toEqual(scores);
  });

  it('counts a word once per team even when the keyword and the team name both match it', () => {
    expect(route('Payments are failing').scores).toEqual([0, 1, 0]);
  });

  it('reports the words as the text wrote them', () => {
    expect(route('Checkouts fail at the Payment step').hits[1]).toEqual(['checkouts', 'payment']);
  });
});
