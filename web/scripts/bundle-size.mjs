// Prints the JavaScript a first visit downloads (the entry script and its modulepreload links), gzipped,
// and whether it stays under the budget. Run after `npm run build -w web`: `npm run bundle:size -w web`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const print = (line) => process.stdout.write(`${line}\n`);
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error(`No ${join(dist, 'index.html')}: run \`npm run build -w web\` first.`);
  process.exit(1);
}

const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`))?.[1];
const files = new Set();
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = attribute(tag, 'src');
  if (src && attribute(tag, 'type') === 'module') files.add(src);
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  const href = attribute(tag, 'href');
  if (href && attribute(tag, 'rel') === 'modulepreload') files.add(href);
}
if (files.size === 0) {
  console.error('No entry script found in web/dist/index.html.');
  process.exit(1);
}

let totalRaw = 0;
let totalGzip = 0;
const kb = (bytes) => (bytes / 1024).toFixed(1);
for (const file of files) {
  const content = readFileSync(join(dist, file.replace(/^\//, '')));
  const gzipped = gzipSync(content, { level: 9 }).length;
  totalRaw += content.length;
  totalGzip += gzipped;
  print(`  ${file}: ${kb(content.length)} KB raw, ${kb(gzipped)} KB gzipped`);
}
const verdict = totalGzip <= BUDGET_KB * 1024 ? 'PASS' : 'MISS';
print(
  `Initial JS: ${kb(totalGzip)} KB gzipped (${kb(totalRaw)} KB raw, ${files.size} files) — ${verdict} (budget ${BUDGET_KB} KB)`,
);
process.exitCode = verdict === 'PASS' ? 0 : 1;
