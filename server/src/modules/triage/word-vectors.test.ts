import { describe, expect, it } from 'vitest';
import { tokenizeIssueText } from './text-features.js';
import { averageWordVector, dotProduct, frequencyWeight, parseWordVectorFile } from './word-vectors.js';

/** A word-vector file in the layout build-word-vectors.mjs writes: unit vectors quantised to int8. */
function encodeWordVectorFile(entries: [string, number[]][], setId = 'test-set'): Buffer {
  const dimension = entries[0]![1].length;
  const id = Buffer.from(setId, 'utf8');
  const header = Buffer.alloc(20 + id.length);
  header.write('ARGUSWV1', 0, 'latin1');
  header.writeUInt32LE(entries.length, 8);
  header.writeUInt32LE(dimension, 12);
  header.writeUInt32LE(id.length, 16);
  id.copy(header, 20);
  const scales = new Float32Array(entries.length);
  const values = new Int8Array(entries.length * dimension);
  entries.forEach(([, vector], row) => {
    const norm = Math.hypot(...vector);
    const maxAbs = Math.max(...vector.map((value) => Math.abs(value / norm)));
    scales[row] = maxAbs / 127;
    vector.forEach((value, d) => {
      values[row * dimension + d] = Math.round((value / norm / maxAbs) * 127);
    });
  });
  const words = Buffer.from(entries.map(([word]) => word).join('\n'), 'utf8');
  return Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(values.buffer), words]);
}

// Rank order matters: "the" is the most frequent word, "login" and "password" rarer.
const vectors = parseWordVectorFile(
  encodeWordVectorFile([
    ['the', [1, 1, 1, 1]],
    ['login', [0, 1, 0, 0.2]],
    ['password', [0, 0.9, 0.1, 0.1]],
    ['invoice', [0.1, 0, 1, 0]],
  ]),
);

describe('parseWordVectorFile', () => {
  it('reads the set id, dimension and words in rank order', () => {
    expect(vectors.setId).toBe('test-set');
    expect(vectors.dimension).toBe(4);
    expect([...vectors.rowOf]).toEqual([
      ['the', 0],
      ['login', 1],
      ['password', 2],
      ['invoice', 3],
    ]);
  });

  it.each([
    { name: 'a file of another kind', bytes: Buffer.from('{"precision":8,"words":[]}') },
    { name: 'an empty file', bytes: Buffer.alloc(0) },
  ])('refuses $name', ({ bytes }) => {
    expect(() => parseWordVectorFile(bytes)).toThrow(/Not an Argus word-vector file/);
  });
});

describe('averageWordVector', () => {
  const meaning = (text: string) => averageWordVector(tokenizeIssueText(text), vectors);

  it('puts texts about the same thing close together and others apart', () => {
    const login = meaning('login fails')!;
    const password = meaning('wrong password')!;
    const invoice = meaning('invoice missing')!;
    expect(dotProduct(login, password)).toBeGreaterThan(0.9);
    expect(dotProduct(login, invoice)).toBeLessThan(0.5);
  });

  it('returns a unit vector, and null when no word has a vector or no vectors are loaded', () => {
    expect(Math.sqrt(dotProduct(meaning('login')!, meaning('login')!))).toBeCloseTo(1, 5);
    expect(meaning('unknown words only')).toBeNull();
    expect(averageWordVector(tokenizeIssueText('login'), null)).toBeNull();
  });
});

describe('frequencyWeight', () => {
  it.each([
    { rank: 0, expected: 0.0099 },
    { rank: 99, expected: 0.5 },
    { rank: 9_999, expected: 0.99 },
  ])('rank $rank -> $expected', ({ rank, expected }) => {
    expect(frequencyWeight(rank)).toBeCloseTo(expected, 3);
  });
});
