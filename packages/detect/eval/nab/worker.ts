/**
 * A worker thread of `npm run eval:nab`: runs one detector over one corpus file per task, writes the NAB result
 * file (`<out>/<detector>/<category>/<detector>_<file>.csv`) and sends the scores back.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readRows } from './corpus.js';
import { runDetector } from './detectors.js';
import type { WindowRange } from './scorer.js';

/** What the runner gives every worker. */
export interface WorkerSetup {
  nabDir: string;
  outDir: string;
}

/** One detector on one file; `windows` (row ranges) fill the result file's `label` column. */
export interface Task {
  id: number;
  detector: string;
  path: string;
  windows: WindowRange[];
}

export type TaskResult =
  | { id: number; ok: true; scores: Float64Array; seconds: number }
  | { id: number; ok: false; error: string };

/** Where the result file of `detector` on `path` goes. */
export function resultPath(outDir: string, detector: string, path: string): string {
  return join(outDir, detector, dirname(path), `${detector}_${basename(path)}`);
}

function runTask(setup: WorkerSetup, task: Task): TaskResult {
  const rows = readRows(setup.nabDir, task.path);
  const begin = performance.now();
  const scores = runDetector(task.detector, rows.times, rows.values);
  const seconds = (performance.now() - begin) / 1000;
  const label = new Uint8Array(scores.length);
  for (const w of task.windows) label.fill(1, w.start, w.end + 1);
  const lines = ['timestamp,value,anomaly_score,label'];
  for (let i = 0; i < scores.length; i++) {
    lines.push(`${rows.timestamps[i]},${rows.values[i]},${scores[i]},${label[i]}`);
  }
  const file = resultPath(setup.outDir, task.detector, task.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { id: task.id, ok: true, scores, seconds };
}

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  port.on('message', (task: Task) => {
    let result: TaskResult;
    try {
      result = runTask(setup, task);
    } catch (error) {
      result = {
        id: task.id,
        ok: false,
        error: `${task.detector} on ${task.path}: ${(error as Error).message}`,
      };
    }
    port.postMessage(result, result.ok ? [result.scores.buffer as ArrayBuffer] : []);
  });
}
