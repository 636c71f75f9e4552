#!/usr/bin/env node
// Validates the triage evaluation dataset (teams.json + examples.jsonl) and prints a summary.
// Usage: node server/eval/triage/check-dataset.mjs   (exit code 1 when a check fails)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const CATEGORIES = [
  'infrastructure',
  'database',
  'network',
  'payments',
  'auth',
  'deployment',
  'performance',
  'security',
  'data',
  'third-party',
  'other',
];
const SPLITS = ['train', 'eval'];
const MIN_EVAL = 330;
const MIN_EVAL_PER_TEAM = 33;
const MIN_TRAIN = 1100;
const MIN_HANDWRITTEN_TRAIN = 400;
const MIN_KEYWORD_FREE_SHARE = 0.4;
const NEAR_DUP_JACCARD = 0.9;
// Accepted ranges for the priority mix of each split (the brief's targets with a little slack).
const PRIORITY_RANGES = {
  critical: [0.08, 0.17],
  high: [0.22, 0.33],
  medium: [0.32, 0.43],
  low: [0.13, 0.27],
};

const errors = [];
const warnings = [];
const fail = (msg) => errors.push(msg);

function readJsonl(file) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    fail(`${file}: missing`);
    return [];
  }
  const rows = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        rows.push({ ...JSON.parse(line), _line: i + 1, _file: file });
      } catch (e) {
        fail(`${file}:${i + 1}: invalid JSON (${e.message})`);
      }
    });
  return rows;
}

// ---- teams.json ----
let teams = [];
try {
  teams = JSON.parse(readFileSync(join(dir, 'teams.json'), 'utf8'));
} catch (e) {
  fail(`teams.json: ${e.message}`);
}
if (!Array.isArray(teams)) {
  fail('teams.json: not an array');
  teams = [];
}
const teamById = new Map();
for (const t of teams) {
  if (typeof t.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.id))
    fail(`teams.json: bad id ${JSON.stringify(t.id)}`);
  if (typeof t.name !== 'string' || !t.name.trim()) fail(`teams.json: team ${t.id} has no name`);
  const kw = t.routingKeywords;
  if (!Array.isArray(kw) || kw.length < 6 || kw.length > 15)
    fail(`teams.json: team ${t.id} needs 6-15 routingKeywords`);
  else
    for (const k of kw)
      if (typeof k !== 'string' || k !== k.toLowerCase() || !k.trim())
        fail(`teams.json: team ${t.id} bad keyword ${JSON.stringify(k)}`);
  if (teamById.has(t.id)) fail(`teams.json: duplicate id ${t.id}`);
  teamById.set(t.id, t);
}
if (teams.length !== 10) fail(`teams.json: expected 10 teams, got ${teams.length}`);

// ---- examples ----
const examples = readJsonl('examples.jsonl');
const evalSource = readJsonl('eval-handwritten.jsonl');
const trainSource = readJsonl('history-handwritten.jsonl');

const where = (r) => `${r._file}:${r._line}`;
function validateRow(r, expectSplit) {
  const keys = Object.keys(r).filter((k) => !k.startsWith('_'));
  const extra = keys.filter((k) => !['text', 'team', 'priority', 'category', 'split'].includes(k));
  if (extra.length) fail(`${where(r)}: unexpected keys ${extra.join(',')}`);
  if (typeof r.text !== 'string' || r.text.trim().length === 0) fail(`${where(r)}: empty text`);
  if (!teamById.has(r.team)) fail(`${where(r)}: unknown team ${JSON.stringify(r.team)}`);
  if (!PRIORITIES.includes(r.priority)) fail(`${where(r)}: unknown priority ${JSON.stringify(r.priority)}`);
  if (!CATEGORIES.includes(r.category)) fail(`${where(r)}: unknown category ${JSON.stringify(r.category)}`);
  if (!SPLITS.includes(r.split)) fail(`${where(r)}: unknown split ${JSON.stringify(r.split)}`);
  if (expectSplit && r.split !== expectSplit) fail(`${where(r)}: expected split ${expectSplit}`);
}
for (const r of examples) validateRow(r);
for (const r of evalSource) validateRow(r, 'eval');
for (const r of trainSource) validateRow(r, 'train');

const normalise = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const tokens = (s) => new Set(s.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+/g) ?? []);
function jaccard(a, b) {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / (a.size + b.size - inter);
}

// The assembled file must contain exactly the hand-written eval lines and every hand-written train line.
const key = (r) => `${r.split}\u0000${r.text}`;
const exampleKeys = new Set(examples.map(key));
for (const r of [...evalSource, ...trainSource])
  if (!exampleKeys.has(key(r)))
    fail(`${where(r)}: not present in examples.jsonl (re-run generate-history.mjs)`);
const evalRows = examples.filter((r) => r.split === 'eval');
const trainRows = examples.filter((r) => r.split === 'train');
if (evalRows.length !== evalSource.length)
  fail(
    `examples.jsonl has ${evalRows.length} eval lines but eval-handwritten.jsonl has ${evalSource.length}`,
  );
if (trainSource.length < MIN_HANDWRITTEN_TRAIN)
  fail(`history-handwritten.jsonl: ${trainSource.length} lines, need >= ${MIN_HANDWRITTEN_TRAIN}`);

// Duplicates (normalised) across the whole file.
const seen = new Map();
for (const r of examples) {
  const n = normalise(r.text);
  if (seen.has(n)) fail(`${where(r)}: duplicate text of line ${seen.get(n)._line}: ${r.text.slice(0, 80)}`);
  else seen.set(n, r);
}

// Eval lines must not be near-duplicates of any train line.
const trainTok = trainRows.map((r) => ({ r, t: tokens(r.text) }));
let nearDups = 0;
for (const e of evalRows) {
  const et = tokens(e.text);
  for (const { r, t } of trainTok) {
    if (jaccard(et, t) >= NEAR_DUP_JACCARD) {
      nearDups++;
      fail(
        `eval line ${e._line} is a near-duplicate of train line ${r._line}:\n    eval:  ${e.text.slice(0, 100)}\n    train: ${r.text.slice(0, 100)}`,
      );
      break;
    }
  }
}

// Counts.
if (evalRows.length < MIN_EVAL) fail(`eval split: ${evalRows.length} lines, need >= ${MIN_EVAL}`);
if (trainRows.length < MIN_TRAIN) fail(`train split: ${trainRows.length} lines, need >= ${MIN_TRAIN}`);

const hasKeyword = (r) => {
  const t = teamById.get(r.team);
  if (!t) return false;
  const text = r.text.toLowerCase();
  return t.routingKeywords.some((k) => text.includes(k));
};

function teamTable(rows, label, enforce) {
  console.log(`\n${label}: ${rows.length} lines`);
  console.log('team            total  no-kw  share   crit high  med  low');
  for (const t of teams) {
    const rs = rows.filter((r) => r.team === t.id);
    const free = rs.filter((r) => !hasKeyword(r)).length;
    const share = rs.length ? free / rs.length : 0;
    const p = Object.fromEntries(PRIORITIES.map((x) => [x, rs.filter((r) => r.priority === x).length]));
    console.log(
      `${t.id.padEnd(15)} ${String(rs.length).padStart(5)}  ${String(free).padStart(5)}  ${(share * 100).toFixed(0).padStart(4)}%  ${PRIORITIES.map((x) => String(p[x]).padStart(4)).join(' ')}`,
    );
    if (enforce) {
      if (rs.length < MIN_EVAL_PER_TEAM)
        fail(`${label}: team ${t.id} has ${rs.length} lines, need >= ${MIN_EVAL_PER_TEAM}`);
      if (share < MIN_KEYWORD_FREE_SHARE)
        fail(
          `${label}: team ${t.id} keyword-free share ${(share * 100).toFixed(1)}% < ${MIN_KEYWORD_FREE_SHARE * 100}%`,
        );
    } else if (share < MIN_KEYWORD_FREE_SHARE - 0.05) {
      warnings.push(`${label}: team ${t.id} keyword-free share only ${(share * 100).toFixed(1)}%`);
    }
  }
  const free = rows.filter((r) => !hasKeyword(r)).length;
  console.log(
    `overall keyword-free: ${free}/${rows.length} (${((free / Math.max(rows.length, 1)) * 100).toFixed(1)}%)`,
  );
  const mix = PRIORITIES.map((x) => {
    const share = rows.filter((r) => r.priority === x).length / Math.max(rows.length, 1);
    const [lo, hi] = PRIORITY_RANGES[x];
    if (share < lo || share > hi)
      fail(`${label}: ${x} share ${(share * 100).toFixed(1)}% outside ${lo * 100}-${hi * 100}%`);
    return `${x} ${(share * 100).toFixed(1)}%`;
  });
  console.log(`priority mix: ${mix.join(', ')}`);
  const cats = Object.fromEntries(CATEGORIES.map((c) => [c, rows.filter((r) => r.category === c).length]));
  console.log(
    `categories: ${Object.entries(cats)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
}

teamTable(evalRows, 'eval', true);
teamTable(trainRows, 'train', false);
teamTable(trainSource, 'train (hand-written)', false);
console.log(`\nnear-duplicate eval/train pairs: ${nearDups}`);

for (const w of warnings) console.log(`WARN  ${w}`);
if (errors.length) {
  console.log(`\n${errors.length} problem(s):`);
  for (const e of errors.slice(0, 60)) console.log(`FAIL  ${e}`);
  if (errors.length > 60) console.log(`... and ${errors.length - 60} more`);
  process.exit(1);
}
console.log('\nOK: dataset passes all checks');
