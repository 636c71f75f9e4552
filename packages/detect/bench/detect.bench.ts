/**
 * npm run bench:detect — the cost of the ensemble at the scale of a server's metric fleet.
 *
 * 1,000 series × 10,080 points (one week at one minute) of varied synthetic metrics (daily and weekly seasons,
 * noise levels, trends, spikes and shifts). Measured on one thread:
 * - learning: a fresh detector fed the whole week, per series and per point;
 * - steady state: a detection run as a server does it every 5 minutes — restore the saved state, score the last
 *   5 points, save the state — per series per run, and the update alone per point;
 * - the saved state's size per series, and the peak memory of the process.
 * Targets: <= 5 ms per series per run in steady state, <= 50 KB of state per series.
 */
import { parseArgs } from 'node:util';
import { AnomalyDetector } from '../src/index.js';
import { SeededRandom } from '../src/random.js';

const USAGE = `Usage: npm run bench:detect -- [--series N] [--points N] [--runs N]
  --series  number of series (default 1000)
  --points  points of history per series, one minute apart (default 10080, one week)
  --runs    steady-state detection runs of 5 points after the history (default 12, one hour)
`;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive integer, not "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        series: { type: 'string' },
        points: { type: 'string' },
        runs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const SERIES = positiveInteger('series', values.series, 1000);
const POINTS = positiveInteger('points', values.points, 10_080);
const RUNS = positiveInteger('runs', values.runs, 12);
const RUN_POINTS = 5;
const MINUTE = 60_000;
const START = Date.UTC(2024, 0, 1);

/** A deterministic, varied metric: each series draws its own shape from its index. */
function makeMetric(index: number) {
  const random = new SeededRandom(index + 1);
  const base = 10 ** (1 + random.next() * 4);
  const noise = base * (0.01 + random.next() * 0.1);
  const daily = random.next() < 0.6 ? base * random.next() * 0.5 : 0;
  const weekly = random.next() < 0.3 ? base * random.next() * 0.3 : 0;
  const trend = random.next() < 0.2 ? (base * (random.next() - 0.5)) / 20_000 : 0;
  const spikeEvery = 500 + Math.floor(random.next() * 3000);
  const integer = random.next() < 0.3;
  return (i: number): number => {
    const t = i * MINUTE;
    const u = Math.max(random.next(), 1e-12);
    const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
    let v = base + noise * gaussian + trend * i;
    v +=
      daily * Math.sin((2 * Math.PI * t) / 86_400_000) +
      weekly * Math.sin((2 * Math.PI * t) / (7 * 86_400_000));
    if (i % spikeEvery === spikeEvery - 1) v += noise * 8;
    return integer ? Math.round(v) : v;
  };
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

console.log(
  `bench:detect — ${SERIES} series × ${POINTS} points, then ${RUNS} runs of ${RUN_POINTS} points (Node ${process.version})`,
);
const states: Uint8Array[] = new Array(SERIES);
const metrics = Array.from({ length: SERIES }, (_, i) => makeMetric(i));

const learnStart = performance.now();
for (let s = 0; s < SERIES; s++) {
  const detector = new AnomalyDetector();
  const metric = metrics[s];
  for (let i = 0; i < POINTS; i++) detector.update(START + i * MINUTE, metric(i));
  states[s] = detector.save();
  if (s % 50 === 0) sample();
}
const learnMs = performance.now() - learnStart;

const runTimes = new Float64Array(SERIES * RUNS);
let updateMs = 0;
for (let r = 0; r < RUNS; r++) {
  for (let s = 0; s < SERIES; s++) {
    const begin = performance.now();
    const detector = AnomalyDetector.restore(states[s]);
    const updateBegin = performance.now();
    const first = POINTS + r * RUN_POINTS;
    for (let i = first; i < first + RUN_POINTS; i++) detector.update(START + i * MINUTE, metrics[s](i));
    updateMs += performance.now() - updateBegin;
    states[s] = detector.save();
    runTimes[r * SERIES + s] = performance.now() - begin;
  }
}
clearInterval(sampler);
sample();

runTimes.sort();
const sizes = Float64Array.from(states, (s) => s.byteLength).sort();
const meanRun = runTimes.reduce((a, b) => a + b, 0) / runTimes.length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

console.log('');
console.log('| measure | figure | target |');
console.log('|---|---|---|');
console.log(
  `| learning, whole week per series | ${(learnMs / SERIES).toFixed(1)} ms (${((learnMs * 1000) / (SERIES * POINTS)).toFixed(2)} µs per point) | |`,
);
console.log(
  `| steady-state run (restore + ${RUN_POINTS} points + save), mean | ${meanRun.toFixed(3)} ms | ≤ 5 ms: ${verdict(meanRun <= 5)} |`,
);
console.log(
  `| steady-state run, p50 / p99 / max | ${percentile(runTimes, 0.5).toFixed(3)} / ${percentile(runTimes, 0.99).toFixed(3)} / ${runTimes[runTimes.length - 1].toFixed(3)} ms | ≤ 5 ms: ${verdict(percentile(runTimes, 0.99) <= 5)} |`,
);
console.log(
  `| steady-state update alone, per point | ${((updateMs * 1000) / (SERIES * RUNS * RUN_POINTS)).toFixed(2)} µs | |`,
);
console.log(
  `| saved state per series, median / max | ${kb(percentile(sizes, 0.5))} / ${kb(sizes[sizes.length - 1])} | ≤ 50 KB: ${verdict(sizes[sizes.length - 1] <= 50 * 1024)} |`,
);
console.log(`| peak memory (RSS, all states held) | ${(peakRss / 2 ** 20).toFixed(0)} MB | |`);
