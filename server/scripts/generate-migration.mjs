// Usage: npm run db:generate -- <name>
// Generates the next SQL migration from server/src/db/schema with drizzle-kit, then removes schema
// qualification: Argus runs inside the schema named by DB_SCHEMA through search_path, so generated SQL
// must not say "public" (drizzle-kit writes "public"."table" in references) nor CREATE SCHEMA.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:generate -- <name>   (name: lower-case letters, digits and _)');
  process.exit(2);
}
execFileSync('npx', ['drizzle-kit', 'generate', '--config', 'server/drizzle.config.ts', '--name', name], {
  stdio: 'inherit',
});

const dir = new URL('../src/db/migrations/', import.meta.url).pathname;
for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.sql'))) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before
    .replaceAll('"public".', '')
    .split('\n')
    .filter((line) => !/^CREATE SCHEMA\b/i.test(line))
    .join('\n');
  if (after !== before) {
    writeFileSync(path, after);
    console.log(`unqualified ${file}`);
  }
}
