import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSeries } from './testing/series.js';

const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'argus-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', bin, ...args], { stdio: 'pipe' });
}

async function run(
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = start(args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  if (stdin !== undefined) child.stdin.end(stdin);
  else child.stdin.end();
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}

const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 19);

/** Three weeks of a daily-seasonal metric every 5 minutes with one spike near the end. */
const series = makeSeries({ n: 6000, daily: 20, noise: 1, spikes: [{ at: 5500, size: 40 }] });
const csv = `timestamp,value\n${series.t.map((t, i) => `${stamp(t)},${series.v[i]}`).join('\n')}\n`;
const input = join(dir, 'metric.csv');
writeFileSync(input, csv);

describe('argus-detect score', () => {
  it('writes one scored row per input row, in order, and scores the spike highest', async () => {
    const output = join(dir, 'scored.csv');
    const result = await run(['score', input, '--output', output]);
    expect(result.code).toBe(0);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('timestamp,value,anomaly_score');
    expect(lines).toHaveLength(series.t.length + 1);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[0])).toEqual(series.t.map(stamp));
    const scores = rows.map((r) => Number(r[2]));
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    const best = scores.indexOf(Math.max(...scores));
    expect(best).toBe(5500);
  }, 60_000);

  it('accepts a file without a header and with Unix seconds, writing to standard output', async () => {
    const body = series.t
      .slice(0, 500)
      .map((t, i) => `${t / 1000},${series.v[i]}`)
      .join('\n');
    const result = await run(['score', '-'], body);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(501);
    expect(lines[1].startsWith(`${series.t[0] / 1000},`)).toBe(true);
  }, 60_000);

  it('keeps rows it cannot use, scored 0, and says which lines on standard error', async () => {
    const body = [
      'timestamp,value',
      '2024-01-01 00:00:00,1',
      '2024-01-01 00:05:00,NaN',
      'yesterday,3',
      '2024-01-01 00:15:00,abc',
      '2024-01-01 00:20:00,4',
    ].join('\n');
    const result = await run(['score', '-'], body);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toBe('2024-01-01 00:05:00,NaN,0');
    expect(lines[3]).toBe('yesterday,3,0');
    expect(result.stderr).toContain('line 3: value NaN is not a finite number');
    expect(result.stderr).toContain('line 4: timestamp "yesterday" is not a date or Unix time');
    expect(result.stderr).toContain('line 5: value "abc" is not a number');
  }, 60_000);

  it('streams: scored rows come out while the input is still arriving', async () => {
    const child = start(['score', '-']);
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const firstRows = series.t
      .slice(0, 3000)
      .map((t, i) => `${stamp(t)},${series.v[i]}`)
      .join('\n');
    child.stdin.write(`timestamp,value\n${firstRows}\n`);
    const deadline = Date.now() + 30_000;
    while (stdout.split('\n').length < 3000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    // The input is still open, yet the rows written so far are already scored.
    expect(stdout.split('\n').length).toBeGreaterThanOrEqual(3000);
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  }, 60_000);

  it('rejects a missing file, an unknown command and an unknown flag with exit code 2', async () => {
    const missing = await run(['score', join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('input file not found');
    const unknown = await run(['sniff', input]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "sniff"');
    const flag = await run(['score', input, '--sensitivity', '3']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--sensitivity');
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('argus-detect score <input.csv>');
  }, 60_000);
});

describe('argus-detect explain', () => {
  it('prints the spike with its kind and a plain sentence, and a count', async () => {
    const result = await run(['explain', input]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${stamp(series.t[5500])}  spike up`);
    expect(result.stdout).toMatch(/Value rose to/);
    expect(result.stdout).toMatch(/1 anomaly in 6000 points\.|\d+ anomalies in 6000 points\./);
  }, 60_000);

  it('prints JSON lines with --format json', async () => {
    const result = await run(['explain', input, '--format', 'json']);
    expect(result.code).toBe(0);
    const anomalies = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const spike = anomalies.find((a) => a.line === 5502);
    expect(spike).toMatchObject({ kind: 'spike', direction: 'up', timestamp: stamp(series.t[5500]) });
    expect(spike.actual).toBeCloseTo(series.v[5500], 6);
  }, 60_000);
});
