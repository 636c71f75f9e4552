import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createArgus } from '../src/main.js';
import { createTestDatabase } from './support/test-argus.js';

// Two processes on one database need a database server: the embedded one belongs to a single process,
// so vitest.config.ts runs this file in the postgres project only.
describe('two servers on one database', () => {
  it('both see every change through LISTEN/NOTIFY, in another schema too', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', DB_SCHEMA: 'tenant_b', ...database.env });
    const first = await createArgus(config);
    const second = await createArgus(config);
    try {
      const seen: string[] = [];
      second.events.subscribe((event) => seen.push(`${event.type}:${event.issueKey}`));
      const admin = await first.services.users.createUser(
        { kind: 'system', name: 'Argus' },
        { email: 'a@b.co', name: 'A', isAdmin: true },
      );
      const actor = await first.services.auth.loadActor(admin.id);
      const issue = await first.services.issues.createIssue(actor, {
        title: 'Seen twice',
        description: '',
        priority: 'low',
        labels: {},
      });
      await expect.poll(() => seen, { timeout: 5000 }).toContain(`issue.created:ARG-${issue.number}`);
      const tables = await first.database.executeSql(
        `select table_name from information_schema.tables where table_schema = 'tenant_b' and table_name in ('issues', 'job', 'users')`,
      );
      expect(tables.rows.map((row) => row.table_name).sort()).toEqual(['issues', 'job', 'users']);
      const stored = await first.database.executeSql('select count(*)::int as n from tenant_b.issues');
      expect(stored.rows[0]?.n).toBe(1);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});
