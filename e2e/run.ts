/**
 * Browser tests: `npm run test:e2e` (builds the web app first). Starts `kezek serve` on a free port
 * with a fresh data directory and a fixed clock, drives the Debian chromium through playwright-core,
 * writes screenshots to e2e/screenshots/, and ends with "N passed, M failed".
 * E2E_BASE_URL=http://host:port runs against a server that is already running instead.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { runTests } from './support/harness';
import { assertBuilt, startServer } from './support/server';
import type { RunningServer } from './support/server';
import type { TestCase } from './support/harness';
import { accessibilityTests } from './tests/accessibility';
import { clerkJourneyTests } from './tests/clerk-journey';
import { parentJourneyTests, parentReceiptTests, parentTimelineTests } from './tests/parent-journey';
import { publicPageTests } from './tests/public-pages';

/** The journeys run in order: the clerk checks what the parent submitted; the parent sees the clerk's refusal. */
const CORE_TESTS = [
  ...publicPageTests,
  ...accessibilityTests,
  ...parentJourneyTests,
  ...parentTimelineTests,
  ...clerkJourneyTests,
  ...parentReceiptTests,
];

const e2eDir = dirname(fileURLToPath(import.meta.url));

/**
 * Then each area's journeys, `tests/areas/*.ts` in name order, each module exporting `tests`: adding
 * an area's journeys touches no shared file. Every such journey sets up the state it needs itself.
 */
const areaTests = async (): Promise<TestCase[]> => {
  const dir = join(e2eDir, 'tests', 'areas');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.ts')).sort();
  const modules = await Promise.all(
    files.map((file) => import(join(dir, file)) as Promise<{ tests: readonly TestCase[] }>),
  );
  return modules.flatMap((module) => [...module.tests]);
};

/** E2E_ONLY=text runs only the tests whose name contains it (case-insensitive). */
const selected = (tests: readonly TestCase[]): TestCase[] => {
  const only = process.env['E2E_ONLY']?.toLowerCase();
  return only ? tests.filter((test) => test.name.toLowerCase().includes(only)) : [...tests];
};
const repoRoot = dirname(e2eDir);
const screenshotDir = join(e2eDir, 'screenshots');
const outDir = join(e2eDir, 'out');

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const main = async (): Promise<number> => {
  const tests = selected([...CORE_TESTS, ...(await areaTests())]);
  await mkdir(screenshotDir, { recursive: true });
  await mkdir(outDir, { recursive: true });
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  const onSignal = (name: NodeJS.Signals) => {
    void cleanUp().finally(() => process.exit(name === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const external = process.env['E2E_BASE_URL'];
    if (external) {
      server = { baseUrl: external.replace(/\/$/, ''), logFile: undefined, stop: () => Promise.resolve() };
    } else {
      assertBuilt(repoRoot);
      const started = Date.now();
      server = await startServer(repoRoot, outDir);
      console.log(`server ready at ${server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const { passed, failed } = await runTests(tests, {
      browser,
      baseUrl: server.baseUrl,
      screenshotDir,
      outDir,
    });
    if (failed > 0 && server.logFile) console.log(`server log: ${server.logFile}`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.log(`0 passed, ${tests.length} failed`);
    return 1;
  } finally {
    await cleanUp();
  }
};

process.exitCode = await main();
