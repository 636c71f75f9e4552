import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser, openPage, type TestPage } from './browser';
import { type Seed, seed } from './seed';
import { type RunningArgus, startArgus } from './server';

export interface E2E {
  argus: RunningArgus;
  seed: Seed;
  browser: Browser;
  /** The current test's page (a fresh browser context per test). */
  page: Page;
}

/**
 * Registers the hooks of one spec file: one seeded Argus server and one browser for the file, a fresh context
 * per test (closed afterwards, failing the test if the page threw an uncaught error).
 */
export function useE2E(): E2E {
  const state = {} as { argus?: RunningArgus; seed?: Seed; browser?: Browser; current?: TestPage };
  beforeAll(async () => {
    state.argus = await startArgus();
    state.seed = await seed(state.argus);
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.argus?.stop();
  });
  beforeEach(async () => {
    state.current = await openPage(state.browser!, state.argus!.baseUrl);
  });
  afterEach(async () => {
    const errors = state.current?.pageErrors ?? [];
    await state.current?.close();
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready (beforeAll failed?)`);
    return value;
  };
  return {
    get argus() {
      return need(state.argus, 'Argus');
    },
    get seed() {
      return need(state.seed, 'The seed');
    },
    get browser() {
      return need(state.browser, 'The browser');
    },
    get page() {
      return need(state.current, 'The page').page;
    },
  };
}
