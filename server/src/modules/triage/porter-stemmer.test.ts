import { describe, expect, it } from 'vitest';
import { stemWord } from './porter-stemmer.js';

describe('stemWord', () => {
  it.each([
    ['logged', 'log'],
    ['logging', 'log'],
    ['logs', 'log'],
    ['login', 'login'],
    ['sessions', 'session'],
    ['charges', 'charg'],
    ['charged', 'charg'],
    ['charge', 'charg'],
    ['retries', 'retri'],
    ['retry', 'retri'],
    ['failing', 'fail'],
    ['failed', 'fail'],
    ['stopped', 'stop'],
    ['based', 'base'],
    ['base', 'base'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['agreed', 'agre'],
    ['falling', 'fall'],
    ['db', 'db'],
  ])('%s -> %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  it('gives the same stem to the forms people mix in one thread', () => {
    const forms = ['deploy', 'deploys', 'deployed', 'deploying'];
    expect(new Set(forms.map(stemWord)).size).toBe(1);
  });
});
