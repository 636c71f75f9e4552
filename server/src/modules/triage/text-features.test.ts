import { describe, expect, it } from 'vitest';
import {
  buildTfidfVocabulary,
  compilePhraseSet,
  extractTextFeatures,
  findPhraseMatches,
  indexVocabulary,
  matchedText,
  tokenizeIssueText,
  vectorizeTfidf,
} from './text-features.js';

const stems = (text: string) => tokenizeIssueText(text).map((token) => token.stem);

describe('tokenizeIssueText', () => {
  it.each([
    { name: 'lowercases and stems prose', text: 'Users LOGGED out', expected: ['user', 'log', 'out'] },
    { name: 'drops apostrophes', text: "can't log in", expected: ['cant', 'log', 'in'] },
    {
      name: 'keeps an error code whole',
      text: 'connect ECONNREFUSED 10.0.0.1',
      expected: ['connect', 'econnrefus', '#num', '#num', '#num', '#num'],
    },
    {
      name: 'keeps camelCase whole and adds its parts',
      text: 'OOMKilled',
      expected: ['oomkil', 'oom', 'kill'],
    },
    {
      name: 'splits snake_case',
      text: 'connection_pool_exhausted',
      expected: ['connection', 'pool', 'exhaust'],
    },
    { name: 'keeps a 5xx status and generalises it', text: 'got 503s', expected: ['got', '503', '5xx'] },
    { name: 'turns other numbers into #num', text: 'every 5 minutes', expected: ['everi', '#num', 'minut'] },
    { name: 'keeps short codes like 2fa and k8s', text: '2fa on k8s', expected: ['2fa', 'on', 'k8s'] },
    {
      name: 'splits a duration into #num and its unit',
      text: 'p99 at 2300ms',
      expected: ['p99', 'at', '#num', 'ms'],
    },
    {
      name: 'turns a hex id into #id',
      text: 'pod api-7f9c8d2a1b died',
      expected: ['pod', 'api', '#id', 'di'],
    },
  ])('$name', ({ text, expected }) => {
    expect(stems(text)).toEqual(expected);
  });

  it('marks camelCase pieces as parts, so phrases and bigrams skip them', () => {
    expect(tokenizeIssueText('getUserSession').map((token) => [token.surface, token.isPart])).toEqual([
      ['getusersession', false],
      ['get', true],
      ['user', true],
      ['session', true],
    ]);
  });
});

describe('extractTextFeatures', () => {
  it.each([
    { text: 'users are logged out', expected: ['user', 'log', 'user log', 'out', 'log out'] },
    { text: 'the checkout is down', expected: ['checkout', 'down', 'checkout down'] },
    { text: 'please, thanks', expected: [] },
  ])('"$text"', ({ text, expected }) => {
    expect(extractTextFeatures(tokenizeIssueText(text))).toEqual(expected);
  });
});

describe('findPhraseMatches', () => {
  const phrases = ['urgent', 'not urgent', 'log in', 'auth', 'payment', 'payments'];
  const set = compilePhraseSet(phrases);
  const found = (text: string) => {
    const tokens = tokenizeIssueText(text);
    return findPhraseMatches(tokens, set).map(
      (match) => `${phrases[match.phraseIndex]}=${matchedText(tokens, match)}`,
    );
  };

  it.each([
    { text: 'this is urgent', expected: ['urgent=urgent'] },
    { text: 'not urgent at all', expected: ['not urgent=not urgent'] },
    { text: 'I cannot log in', expected: ['log in=log in'] },
    { text: 'users logged in twice', expected: ['log in=logged in'] },
    { text: 'authentication fails', expected: ['auth=authentication'] },
    { text: 'a payment failed', expected: ['payment=payment', 'payments=payment'] },
    { text: 'nothing relevant', expected: [] },
  ])('"$text"', ({ text, expected }) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('TF-IDF', () => {
  const documents = [
    ['checkout', 'down'],
    ['checkout', 'slow'],
    ['login', 'down'],
  ];
  const vocabulary = buildTfidfVocabulary(documents, { minDocumentCount: 1, maxTerms: 10 });
  const termIndex = indexVocabulary(vocabulary);

  it('keeps terms in alphabetical order with smoothed idf', () => {
    expect(vocabulary.terms).toEqual(['checkout', 'down', 'login', 'slow']);
    expect(vocabulary.idf[0]).toBeCloseTo(Math.log(4 / 3) + 1, 5);
    expect(vocabulary.idf[2]).toBeCloseTo(Math.log(4 / 2) + 1, 5);
  });

  it('drops rare terms and keeps the most frequent when asked', () => {
    expect(buildTfidfVocabulary(documents, { minDocumentCount: 2, maxTerms: 10 }).terms).toEqual([
      'checkout',
      'down',
    ]);
    expect(buildTfidfVocabulary(documents, { minDocumentCount: 1, maxTerms: 1 }).terms).toEqual(['checkout']);
  });

  it('vectorises to a unit vector that weighs rarer terms more and ignores unknown ones', () => {
    const vector = vectorizeTfidf(['checkout', 'login', 'never-seen'], termIndex, vocabulary.idf);
    expect([...vector.indices]).toEqual([0, 2]);
    expect(Math.hypot(...vector.values)).toBeCloseTo(1, 5);
    expect(vector.values[1]!).toBeGreaterThan(vector.values[0]!);
  });

  it('gives an empty vector when no term is known', () => {
    expect(vectorizeTfidf(['unknown'], termIndex, vocabulary.idf).indices.length).toBe(0);
  });
});
