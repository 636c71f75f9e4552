import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { createTestDatabase } from './support/test-argus.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'server/dist/cli.js');
let env: Record<string, string>;
let cleanup: () => Promise<void>;

/** Runs the built `argus` CLI as a user would, with only the given settings in its environment. */
function argus(args: string[], options: { input?: string; extraEnv?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, ...options.extraEnv },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  // The CLI is the compiled program users run; bring dist/ up to date (a no-op when it already is).
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server'], {
    cwd: root,
  });
  const database = await createTestDatabase();
  if (database.url) {
    env = database.env;
    cleanup = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'argus-cli-'));
    env = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
afterAll(async () => cleanup?.());

describe('argus CLI', () => {
  it('refuses to open an embedded database another process is using', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-cli-busy-'));
    const held = await openDatabase({ target: { kind: 'pglite', dataDir: dir }, schemaName: 'argus' });
    try {
      const result = argus(['migrate'], { extraEnv: { DATA_DIR: dir, DATABASE_URL: '' } });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        `The embedded database in ${dir} is in use by another Argus process (pid ${process.pid})`,
      );
    } finally {
      await held.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains itself with --help', () => {
    const help = argus(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['start', 'migrate', 'user', 'token', 'seed-demo'])
      expect(help.stdout).toContain(command);
    expect(argus(['user', 'create', '--help']).stdout).toContain('--password-stdin');
  });

  it('stops on a bad setting with one line naming it', () => {
    const result = argus(['migrate'], { extraEnv: { PORT: 'eighty' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      'argus: Invalid configuration: PORT expected a whole number (got "eighty")',
    );
  });

  it('migrates, creates an admin from stdin and an API token for them', () => {
    expect(argus(['migrate']).status).toBe(0);
    expect(argus(['migrate']).stdout).toContain('up to date');
    const created = argus(
      ['user', 'create', '--email', 'Ops@Example.com', '--name', 'Ops Lead', '--admin', '--password-stdin'],
      {
        input: 'a long enough password\n',
      },
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/^Created admin ops@example\.com \([0-9a-f-]{36}\)/);
    const token = argus(['token', 'create', '--email', 'ops@example.com', '--name', 'CI deploys']);
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^argus_pat_[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses bad input with a clear message and a non-zero exit', () => {
    const duplicate = argus(['user', 'create', '--email', 'ops@example.com', '--name', 'Again']);
    expect(duplicate.status).toBe(2);
    expect(duplicate.stderr).toContain('A user with e-mail ops@example.com already exists.');
    const short = argus(['user', 'create', '--email', 'x@example.com', '--name', 'X', '--password', 'short']);
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const nobody = argus(['token', 'create', '--email', 'ghost@example.com', '--name', 'n']);
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toContain('no user with e-mail ghost@example.com');
    const days = argus([
      'token',
      'create',
      '--email',
      'ops@example.com',
      '--name',
      'n',
      '--expires-days',
      'soon',
    ]);
    expect(days.status).not.toBe(0);
    expect(days.stderr).toContain('expected a whole number of days');
  });
});
