import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 8080', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.database.kind).toBe('pglite');
    expect(config.DB_SCHEMA).toBe('argus');
    expect(config.DB_POOL_MAX).toBe(8);
    expect(config.oidc).toBeUndefined();
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/argus' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/argus',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT expected a whole number (got "abc")'],
    [{ PORT: '70000' }, 'PORT expected a whole number from 0 to 65535 (got "70000")'],
    [{ DB_SCHEMA: 'Robert; drop' }, 'DB_SCHEMA expected a lower-case SQL identifier'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL expected a postgres:// connection URL'],
    [{ SEED_DEMO_DATA: 'maybe' }, 'SEED_DEMO_DATA expected true or false'],
    [{ ARGUS_ADMIN_EMAIL: 'a@b.co' }, 'ARGUS_ADMIN_PASSWORD is required when ARGUS_ADMIN_EMAIL is set'],
    [{ ADMIN_EMAILS: 'ok@x.io, nope' }, 'ADMIN_EMAILS expected a comma-separated list of e-mail addresses'],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once and hides secrets', () => {
    try {
      loadConfig({ PORT: 'x', ARGUS_ADMIN_EMAIL: 'a@b.co', ARGUS_ADMIN_PASSWORD: 'short' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
      expect((error as Error).message).not.toContain('short');
    }
  });

  it('turns on SSO when a client id is set, with the callback under PUBLIC_URL', () => {
    const config = loadConfig({ OIDC_CLIENT_ID: 'abc', PUBLIC_URL: 'https://argus.example.com/' });
    expect(config.oidc).toMatchObject({
      issuer: 'https://accounts.google.com',
      redirectUri: 'https://argus.example.com/api/auth/oidc/callback',
    });
    expect(config.cookieSecure).toBe(true);
  });
});

describe('Slack settings', () => {
  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /SLACK_SIGNING_SECRET \(HTTP events\) or SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 's' }, /SLACK_BOT_TOKEN is required/],
    [
      { SLACK_BOT_TOKEN: 'xoxp-1', SLACK_SIGNING_SECRET: 's' },
      /SLACK_BOT_TOKEN expected a bot token starting with xoxb-/,
    ],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, /SLACK_APP_TOKEN expected an app-level token/],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('turns Slack on over HTTP with a signing secret, or over Socket Mode with an app token', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      apiUrl: 'https://slack.com/api/',
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({
      appToken: 'xapp-1',
    });
    expect(loadConfig({}).slack).toBeUndefined();
  });
});

describe('README', () => {
  it('documents every setting in its table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]));
    const missing = Object.keys(configSchema.shape).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });
});
