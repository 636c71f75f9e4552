/**
 * npm run eval:nab halves check (dev tool): runs the `argus` ensemble over every NAB file in one process and
 * scores the whole corpus and its even/odd file halves (files in listing order) with the three profiles, so
 * that a change can be checked for robustness: it should help on both halves, not on one.
 *
 *   npx tsx packages/detect/eval/nab/halves.ts [--files TEXT] [--options JSON] [--verbose]
 *
 * `--options` is a JSON object of AnomalyDetector options (same defaults for every series). `--verbose` prints
 * each file's detected windows and false-positive rows at the whole corpus' standard threshold.
 */
import { parseArgs } from 'node:util';
import { AnomalyDetector, type EnsembleOptions } from '../../src/index.js';
import { readCorpus, readProfiles, resolveNabDir } from './corpus.js';
import { type ScoredFile, scoreCorpus } from './scorer.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string' },
    options: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});
const options = values.options ? (JSON.parse(values.options) as Partial<EnsembleOptions>) : {};
const nabDir = resolveNabDir();
const corpus = readCorpus(nabDir, values.files);
const profiles = readProfiles(nabDir);

const scored: ScoredFile[] = corpus.map((file) => {
  const detector = new AnomalyDetector(options);
  const scores = new Float64Array(file.values.length);
  for (let i = 0; i < scores.length; i++) scores[i] = detector.update(file.times[i], file.values[i]).score;
  return { name: file.path, scores, windows: file.windows };
});

const parts: [string, ScoredFile[]][] = [
  ['all', scored],
  ['even', scored.filter((_, i) => i % 2 === 0)],
  ['odd', scored.filter((_, i) => i % 2 === 1)],
];
const cells: string[] = [];
for (const [name, files] of parts) {
  const results = scoreCorpus(files, profiles);
  cells.push(`${name}: ${results.map((r) => r.normalised.toFixed(2)).join(' / ')}`);
  if (name === 'all' && values.verbose) {
    const standard = results[0];
    for (const f of standard.files) {
      if (f.windows === 0 && f.falsePositives === 0) continue;
      console.log(
        `${f.name.padEnd(60)} ${f.detected}/${f.windows} fp=${f.falsePositives} raw=${f.raw.toFixed(2)}`,
      );
    }
    console.log(`threshold ${standard.best.threshold} tp=${standard.best.tp} fp=${standard.best.fp}`);
  }
}
console.log(cells.join('   '));
