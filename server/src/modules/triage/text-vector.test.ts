import { describe, expect, it } from 'vitest';
import { cosineSimilarity, hashedDimension, meaningDimension, textVector } from './text-vector.js';

describe('textVector', () => {
  it('is a unit vector of fixed width, whatever the text', () => {
    for (const text of ['checkout returns 502', '', 'x']) {
      const vector = textVector(text);
      expect(vector.length).toBe(hashedDimension + meaningDimension);
      const norm = Math.hypot(...vector);
      expect(norm === 0 || Math.abs(norm - 1) < 1e-5).toBe(true);
    }
  });

  it('puts two reports of the same problem closer than an unrelated one', () => {
    const first = textVector('Checkout returns 502 for all users since the deploy');
    const second = textVector('checkout is failing with 502s after deploy');
    const unrelated = textVector('typo in the password reset email');
    expect(cosineSimilarity(first, second)).toBeGreaterThan(cosineSimilarity(first, unrelated) + 0.2);
  });

  it('gives identical texts similarity 1', () => {
    expect(cosineSimilarity(textVector('disk full on db-3'), textVector('disk full on db-3'))).toBeCloseTo(
      1,
      5,
    );
  });
});

describe('cosineSimilarity', () => {
  it.each([
    { a: [1, 0], b: [1, 0], expected: 1 },
    { a: [1, 0], b: [0, 1], expected: 0 },
    { a: [1, 1], b: [-1, -1], expected: -1 },
    { a: [3, 4], b: [6, 8], expected: 1 },
    { a: [0, 0], b: [1, 0], expected: 0 },
    { a: [1, 0, 0], b: [1, 0], expected: 0 },
  ])('$a . $b -> $expected', ({ a, b, expected }) => {
    expect(cosineSimilarity(Float32Array.from(a), Float32Array.from(b))).toBeCloseTo(expected, 6);
  });
});
