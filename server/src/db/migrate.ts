import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from './client.js';

interface JournalEntry {
  idx: number;
  tag: string;
}

/** The committed migrations folder: beside this file in src/, and found from dist/ after a build. */
function findMigrationsDir(): string {
  for (const candidate of ['./migrations/', '../../src/db/migrations/']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(`${path}meta/_journal.json`)) return path;
  }
  throw new Error('The migrations folder (server/src/db/migrations) is missing from this installation');
}

/** Lists the migration tags in order, as drizzle-kit recorded them. */
export function listMigrations(): { tag: string; statements: string[] }[] {
  const dir = findMigrationsDir();
  const journal = JSON.parse(readFileSync(`${dir}meta/_journal.json`, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      tag: entry.tag,
      statements: readFileSync(`${dir}${entry.tag}.sql`, 'utf8')
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies pending migrations inside the database's schema, each in its own transaction, under an advisory lock
 * so several servers starting together migrate once. Returns the tags applied now.
 */
export async function migrateDatabase(database: Database): Promise<string[]> {
  const applied: string[] = [];
  const lockKey = `argus.migrate.${database.schemaName}`;
  await database.executeSql(
    'CREATE TABLE IF NOT EXISTS schema_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  for (const migration of listMigrations()) {
    const isApplied = await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`);
      const found = (await tx.execute(sql`SELECT 1 FROM schema_migrations WHERE tag = ${migration.tag}`)) as {
        rows: unknown[];
      };
      if (found.rows.length > 0) return true;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO schema_migrations (tag) VALUES (${migration.tag})`);
      return false;
    });
    if (!isApplied) applied.push(migration.tag);
  }
  return applied;
}
