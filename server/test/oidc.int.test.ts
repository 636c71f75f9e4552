import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestArgus, type TestArgus } from './support/test-argus.js';

/**
 * Sign-in with OpenID Connect against a real identity provider (oidc-provider, the certified
 * implementation) running in this process on its own port: discovery, the authorization-code flow
 * with PKCE, state and nonce, the provider's own login and consent pages, the token exchange and the
 * ID token check all happen over HTTP as they would for a person using a browser.
 */

const CLIENT_ID = 'argus';
const CLIENT_SECRET = 'a-client-secret-that-is-long-enough';

/** The people the identity provider knows; the login form's "login" field is the account id. */
const accounts: Record<string, { email: string; name: string; emailVerified: boolean }> = {
  ada: { email: 'Ada.Lovelace@example.com', name: 'Ada Lovelace', emailVerified: true },
  grace: { email: 'grace@example.com', name: 'Grace Hopper', emailVerified: true },
  mallory: { email: 'mallory@elsewhere.org', name: 'Mallory', emailVerified: true },
  eve: { email: 'eve@example.com', name: 'Eve', emailVerified: false },
};

let provider: Server;
let argus: TestArgus;
let argusUrl: string;
/** A second Argus behind a reverse proxy that, like nginx's default, rewrites Host to the upstream address. */
let proxied: TestArgus;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  const [providerPort, argusPort, proxiedPort, proxyPort] = await freePorts(4);
  argusUrl = `http://127.0.0.1:${argusPort}`;
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const issuer = `http://127.0.0.1:${providerPort}`;

  const oidcProvider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${argusUrl}/api/auth/oidc/callback`, `${proxyUrl}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    cookies: { keys: ['only-for-this-test'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified,
          name: account.name,
        }),
      };
    },
  });
  provider = createServer(oidcProvider.callback());
  await new Promise<void>((resolve) => provider.listen(providerPort, '127.0.0.1', resolve));

  const oidcEnv = {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_ALLOW_HTTP: 'true',
    OIDC_DISPLAY_NAME: 'Test IdP',
  };
  argus = await startTestArgus({
    ...oidcEnv,
    PUBLIC_URL: argusUrl,
    OIDC_REDIRECT_URI: `${argusUrl}/api/auth/oidc/callback`,
    ALLOWED_EMAIL_DOMAIN: 'example.com',
    ADMIN_EMAILS: 'grace@example.com',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100',
  });
  await argus.argus.app.listen({ port: argusPort, host: '127.0.0.1' });

  proxied = await startTestArgus({ ...oidcEnv, PUBLIC_URL: proxyUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
  await proxied.argus.app.listen({ port: proxiedPort, host: '127.0.0.1' });
  proxy = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: proxiedPort,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: `127.0.0.1:${proxiedPort}` },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await Promise.all([close(proxy), close(provider)]);
  await Promise.all([argus?.close(), proxied?.close()]);
});

describe('sign-in with OpenID Connect', () => {
  it('offers single sign-on on the sign-in page', async () => {
    const browser = new Browser();
    const config = await browser.get(`${argusUrl}/api/auth/config`);
    expect(config.status).toBe(200);
    expect(await json(config)).toMatchObject({ oidc: { enabled: true, displayName: 'Test IdP' } });
  });

  it('signs a new person in through the provider, with the e-mail and name it shares', async () => {
    const browser = new Browser();
    const callback = await signIn(browser, argusUrl, 'ada');
    expect(callback.status, await callback.clone().text()).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    expect(browser.cookie(argusUrl, 'argus_session')).toBeTruthy();
    expect(
      browser.cookie(`${argusUrl}/api/auth/oidc/callback`, 'argus_oidc'),
      'the one-time checks are cleared',
    ).toBeUndefined();

    const me = await browser.get(`${argusUrl}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(await json(me)).toMatchObject({
      email: 'ada.lovelace@example.com',
      name: 'Ada Lovelace',
      isAdmin: false,
      role: 'viewer',
    });
  });

  it('signs the same person into the same account the next time', async () => {
    const first = new Browser();
    expect((await signIn(first, argusUrl, 'ada')).status).toBe(302);
    const second = new Browser();
    expect((await signIn(second, argusUrl, 'ada')).status).toBe(302);
    const [a, b] = await Promise.all([
      first.get(`${argusUrl}/api/auth/me`),
      second.get(`${argusUrl}/api/auth/me`),
    ]);
    const [meA, meB] = [await json(a), await json(b)];
    expect(meA.id).toEqual(expect.any(String));
    expect(meB.id).toBe(meA.id);
    expect(first.cookie(argusUrl, 'argus_session')).not.toBe(second.cookie(argusUrl, 'argus_session'));
  });

  it('makes a person listed in ADMIN_EMAILS an admin', async () => {
    const browser = new Browser();
    expect((await signIn(browser, argusUrl, 'grace')).status).toBe(302);
    const me = await browser.get(`${argusUrl}/api/auth/me`);
    expect(await json(me)).toMatchObject({
      email: 'grace@example.com',
      name: 'Grace Hopper',
      isAdmin: true,
      role: 'admin',
    });
  });

  it('refuses an e-mail outside ALLOWED_EMAIL_DOMAIN and opens no session', async () => {
    const browser = new Browser();
    const callback = await signIn(browser, argusUrl, 'mallory');
    expect(callback.status).toBe(403);
    expect((await json(callback)).error.code).toBe('EMAIL_DOMAIN_NOT_ALLOWED');
    expect(browser.cookie(argusUrl, 'argus_session')).toBeUndefined();
    expect((await browser.get(`${argusUrl}/api/auth/me`)).status).toBe(401);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const browser = new Browser();
    const callback = await signIn(browser, argusUrl, 'eve');
    expect(callback.status).toBe(403);
    expect((await json(callback)).error.code).toBe('EMAIL_NOT_VERIFIED');
    expect(browser.cookie(argusUrl, 'argus_session')).toBeUndefined();
  });

  it('refuses a callback that did not start in this browser (no sign-in cookie)', async () => {
    const victim = new Browser();
    const callbackUrl = await signIn(victim, argusUrl, 'ada', { stopBeforeCallback: true });
    const attacker = new Browser();
    const callback = await attacker.get(callbackUrl);
    expect(callback.status).toBe(400);
    expect((await json(callback)).error.code).toBe('OIDC_STATE_MISSING');
    expect(attacker.cookie(argusUrl, 'argus_session')).toBeUndefined();
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = new Browser();
    const callbackUrl = new URL(await signIn(browser, argusUrl, 'ada', { stopBeforeCallback: true }));
    callbackUrl.searchParams.set('state', 'forged');
    const callback = await browser.get(callbackUrl.href);
    expect(callback.status).toBe(401);
    expect((await json(callback)).error.code).toBe('OIDC_FAILED');
    expect(browser.cookie(argusUrl, 'argus_session')).toBeUndefined();
  });

  it('works behind a reverse proxy that rewrites the Host header', async () => {
    const browser = new Browser();
    const callback = await signIn(browser, proxyUrl, 'ada');
    expect(callback.status, await callback.clone().text()).toBe(302);
    const me = await browser.get(`${proxyUrl}/api/auth/me`);
    expect(await json(me)).toMatchObject({ email: 'ada.lovelace@example.com', name: 'Ada Lovelace' });
  });
});

/**
 * Walks the whole browser flow: Argus's start link, the provider's login page and consent page
 * (submitted like a person would), then back to Argus's callback, whose response is returned.
 */
async function signIn(
  browser: Browser,
  base: string,
  login: string,
  options: { stopBeforeCallback: true },
): Promise<string>;
async function signIn(browser: Browser, base: string, login: string): Promise<Response>;
async function signIn(
  browser: Browser,
  base: string,
  login: string,
  options?: { stopBeforeCallback: true },
): Promise<Response | string> {
  const callbackPath = '/api/auth/oidc/callback';
  let response = await browser.get(`${base}/api/auth/oidc/start`);
  expect(response.status, await response.clone().text()).toBe(302);
  for (let step = 0; step < 20; step += 1) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, response.url);
      if (next.href.startsWith(`${base}${callbackPath}`)) {
        return options?.stopBeforeCallback ? next.href : browser.get(next.href);
      }
      response = await browser.get(next.href);
      continue;
    }
    const html = await response.text();
    expect(response.status, html).toBe(200);
    const form = parseForm(html);
    if (form.fields.prompt === 'login') Object.assign(form.fields, { login, password: 'any password' });
    response = await browser.post(new URL(form.action, response.url).href, form.fields);
  }
  throw new Error('the sign-in never came back to Argus');
}

/** The JSON body of an Argus answer. */
function json(response: Response): Promise<any> {
  return response.json();
}

function parseForm(html: string): { action: string; fields: Record<string, string> } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form) throw new Error(`expected a form in ${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (name) fields[name] = decodeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
  }
  return { action: decodeHtml(form[1]!), fields };
}

function decodeHtml(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x2F;', '/')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/** Just enough of a browser: follows nothing by itself, and keeps cookies per host and path (not per port, as browsers do). */
class Browser {
  private readonly jar = new Map<string, { host: string; path: string; name: string; value: string }>();

  cookie(url: string, name: string): string | undefined {
    return this.matching(new URL(url)).find((cookie) => cookie.name === name)?.value;
  }

  get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  private async send(
    url: string,
    init: { method: string; body?: URLSearchParams; headers?: Record<string, string> },
  ): Promise<Response> {
    const target = new URL(url);
    const cookies = this.matching(target)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
    const response = await fetch(target, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookies ? { cookie: cookies } : {}) },
    });
    for (const header of response.headers.getSetCookie()) this.store(target, header);
    return response;
  }

  private matching(url: URL) {
    return [...this.jar.values()]
      .filter(
        (cookie) =>
          cookie.host === url.hostname &&
          (url.pathname === cookie.path ||
            url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length);
  }

  private store(url: URL, header: string) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    let path = url.pathname.slice(0, url.pathname.lastIndexOf('/')) || '/';
    let expired = false;
    for (const attribute of attributes) {
      const [key = '', attributeValue = ''] = attribute.split('=');
      if (key.toLowerCase() === 'path') path = attributeValue;
      if (key.toLowerCase() === 'max-age' && Number(attributeValue) <= 0) expired = true;
      if (key.toLowerCase() === 'expires' && new Date(attribute.slice(8)).getTime() <= Date.now())
        expired = true;
    }
    const key = `${url.hostname} ${path} ${name}`;
    if (expired) this.jar.delete(key);
    else this.jar.set(key, { host: url.hostname, path, name, value });
  }
}

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve) => {
          const server = createServer();
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map(close));
  return ports;
}

function close(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
