/**
 * argus-detect: scores a `timestamp,value` CSV with the Argus ensemble, streaming (memory does not grow with the
 * file), or prints the anomalies it finds with their explanations. The same parameters apply to every file.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { type Columns, parseRow, readHeader } from './csv.js';
import { AnomalyDetector, type Assessment } from './ensemble.js';
import type { Explanation } from './explain.js';

const USAGE = `Usage:
  argus-detect score <input.csv> [--output out.csv]
      Writes timestamp,value,anomaly_score: one row per input row, in order (to stdout without --output).
  argus-detect explain <input.csv> [--format text|json]
      Prints each anomaly the detector reports, with what kind it is and one plain sentence.

Input: a CSV with a header naming "timestamp" and "value" columns (or no header: the first two columns).
Timestamps: ISO 8601, "YYYY-MM-DD HH:MM:SS" (UTC unless a zone is given) or Unix seconds/milliseconds.
Use "-" as the input to read standard input.

Options:
  -o, --output <file>      score: where to write the scored CSV (default: standard output)
      --format <text|json> explain: human-readable lines (default) or one JSON object per anomaly
      --time-zone <zone>   explain: IANA time zone for times in sentences (default UTC)
  -h, --help               show this help
`;

class UsageError extends Error {}

const SINGLE_MOMENT = new Set(['spike', 'dip']);

interface Row {
  line: number;
  raw: string;
  /** The value as written in the input. */
  rawValue: string;
  assessment: Assessment;
}

/** Streams the input's rows through one detector; rows that cannot be parsed or used are reported, not fatal. */
async function* assess(
  input: string,
  detector: AnomalyDetector,
  warn: (message: string) => void,
): AsyncGenerator<Row> {
  const stream = input === '-' ? process.stdin : createReadStream(input);
  const opened = new Promise<void>((resolve, reject) => {
    if (input === '-') resolve();
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  await opened.catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(
      error.code === 'ENOENT' ? `input file not found: ${input}` : `cannot read ${input}: ${error.message}`,
    );
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let columns: Columns | undefined;
  let lineNumber = 0;
  let first = true;
  for await (const text of lines) {
    lineNumber++;
    if (text.trim() === '') continue;
    if (first) {
      first = false;
      columns = readHeader(text);
      if (columns) continue;
      columns = { timestamp: 0, value: 1 };
    }
    const parsed = parseRow(text, columns!);
    if (!parsed.ok) {
      warn(`line ${lineNumber}: ${parsed.error}; scored 0`);
      yield {
        line: lineNumber,
        raw: parsed.raw,
        rawValue: parsed.rawValue,
        assessment: {
          t: Number.NaN,
          value: Number.NaN,
          score: 0,
          anomaly: false,
          raw: 0,
          excursion: 0,
          readings: {},
          skipped: parsed.error,
        },
      };
      continue;
    }
    const assessment = detector.update(parsed.t, parsed.v);
    if (assessment.skipped) warn(`line ${lineNumber}: ${assessment.skipped}; scored 0`);
    yield { line: lineNumber, raw: parsed.raw, rawValue: parsed.rawValue, assessment };
  }
}

function warner(stderr: Writable): { warn: (message: string) => void; finish: () => void } {
  let count = 0;
  return {
    warn(message) {
      count++;
      if (count <= 10) stderr.write(`argus-detect: ${message}\n`);
    },
    finish() {
      if (count > 10) stderr.write(`argus-detect: ${count - 10} more rows were skipped (${count} in all)\n`);
    },
  };
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function score(input: string, output: string | undefined, stderr: Writable): Promise<void> {
  const out = output ? createWriteStream(output) : process.stdout;
  const detector = new AnomalyDetector();
  const { warn, finish } = warner(stderr);
  await write(out, 'timestamp,value,anomaly_score\n');
  for await (const { raw, rawValue, assessment } of assess(input, detector, warn)) {
    await write(out, `${csvField(raw)},${csvField(rawValue)},${assessment.score}\n`);
  }
  finish();
  if (output) {
    out.end();
    await once(out, 'finish');
  }
}

function describe(explanation: Explanation, at: string, score: number): string {
  const agreed = explanation.detectors.length > 0 ? explanation.detectors.join(', ') : explanation.basis;
  return `${at}  ${explanation.kind} ${explanation.direction}  score ${score.toFixed(2)}  [${agreed}]\n    ${explanation.sentence}\n`;
}

async function explainFile(input: string, format: string, timeZone: string, stderr: Writable): Promise<void> {
  const detector = new AnomalyDetector({ timeZone });
  const { warn, finish } = warner(stderr);
  let open: { at: string; score: number; line: number; explanation: Explanation } | undefined;
  let found = 0;
  let points = 0;
  const flush = async () => {
    if (!open) return;
    found++;
    const e = open.explanation;
    if (format === 'json')
      await write(
        process.stdout,
        `${JSON.stringify({ timestamp: open.at, line: open.line, score: open.score, ...e })}\n`,
      );
    else await write(process.stdout, describe(e, open.at, open.score));
    open = undefined;
  };
  for await (const { raw, line, assessment } of assess(input, detector, warn)) {
    if (!assessment.skipped) points++;
    if (assessment.anomaly) await flush();
    if (assessment.explanation) {
      if (assessment.anomaly)
        open = { at: raw, score: assessment.score, line, explanation: assessment.explanation };
      else if (
        open &&
        !SINGLE_MOMENT.has(assessment.explanation.kind) &&
        Math.abs(assessment.explanation.deviation) >= 3
      ) {
        // Shifts, trends and season breaks are told as they last stood out; a spike or dip at its peak moment.
        open.explanation = assessment.explanation;
      }
    } else await flush();
  }
  await flush();
  finish();
  if (format === 'text') {
    await write(
      process.stdout,
      found === 0
        ? `No anomalies in ${points} points.\n`
        : `${found} anomal${found === 1 ? 'y' : 'ies'} in ${points} points.\n`,
    );
  }
}

export async function main(argv: string[], stderr: Writable = process.stderr): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    stderr.write(`argus-detect: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? process.stdout : stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const [command, input, ...extra] = positionals;
  try {
    if (command !== 'score' && command !== 'explain')
      throw new UsageError(`unknown command "${command}" (use score or explain)`);
    if (!input) throw new UsageError(`${command} needs an input file (or - for standard input)`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (command === 'score') {
      if (values.format !== undefined || values['time-zone'] !== undefined)
        throw new UsageError('--format and --time-zone apply to explain only');
      await score(input, values.output, stderr);
    } else {
      if (values.output !== undefined) throw new UsageError('--output applies to score only');
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json')
        throw new UsageError(`--format must be text or json, not "${format}"`);
      const timeZone = values['time-zone'] ?? 'UTC';
      try {
        new Intl.DateTimeFormat('en-GB', { timeZone });
      } catch {
        throw new UsageError(`--time-zone "${timeZone}" is not a known IANA time zone`);
      }
      await explainFile(input, format, timeZone, stderr);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`argus-detect: ${error.message}\n`);
      return 2;
    }
    stderr.write(`argus-detect: ${(error as Error).message}\n`);
    return 1;
  }
}
