import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'argus-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('lockDataDir', () => {
  it('refuses a second live process, naming the one that holds the directory', () => {
    const dir = freshDir();
    const release = lockDataDir(dir, process.pid);
    expect(readFileSync(join(dir, 'argus.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir, process.pid + 1)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir, process.pid + 1)).toThrow(
      `in use by another Argus process (pid ${process.pid})`,
    );
    release();
    expect(existsSync(join(dir, 'argus.lock'))).toBe(false);
    lockDataDir(dir, process.pid + 1)();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'argus.lock'), String(deadPid()));
    const release = lockDataDir(dir, process.pid);
    expect(readFileSync(join(dir, 'argus.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
