import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// ARGUS_E2E_CLI points at another build (e.g. a copy taken while someone else rebuilds web/dist).
const cli =
  process.env.ARGUS_E2E_CLI ?? fileURLToPath(new URL('../../../server/dist/cli.js', import.meta.url));

export const ADMIN = { email: 'admin@argus.test', password: 'admin-password-123', name: 'Ada Admin' };

/** A real Argus server (the built CLI) on a free port with its own embedded database. */
export interface RunningArgus {
  baseUrl: string;
  /** Calls the API as the admin (bearer token: no CSRF header needed); throws on an error status. */
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  /** Signs in through the API and returns the bearer token. */
  login(email: string, password: string): Promise<string>;
  adminToken: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Argus exited with ${child.exitCode} while starting:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Argus did not answer /api/health within 60 s:\n${output()}`);
}

/** Starts `node server/dist/cli.js start` with a fresh DATA_DIR; only the settings below reach it (no .env). */
export async function startArgus(): Promise<RunningArgus> {
  const dataDir = await mkdtemp(join(tmpdir(), 'argus-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [cli, 'start'], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      TZ: 'UTC',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: join(dataDir, 'db'),
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      ARGUS_ADMIN_EMAIL: ADMIN.email,
      ARGUS_ADMIN_PASSWORD: ADMIN.password,
      ARGUS_ADMIN_NAME: ADMIN.name,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  async function stop(): Promise<void> {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    await waitForHealth(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  async function api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function login(email: string, password: string): Promise<string> {
    const session = await api<{ token: string }>('POST', '/api/auth/login', { email, password });
    return session.token;
  }

  const adminToken = await login(ADMIN.email, ADMIN.password);
  return {
    baseUrl,
    adminToken,
    login,
    api: (method, path, body, token) => api(method, path, body, token ?? adminToken),
    stop,
  };
}
