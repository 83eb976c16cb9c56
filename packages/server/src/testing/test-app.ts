import type { OpenAPIHono } from '@hono/zod-openapi';
import { openTestDb } from '@kezek/db/testing';
import type { DbHandle } from '@kezek/db';
import { composeApp } from '../compose';
import { adminRepository } from '../features/admin/admin.repository';
import { loadRulesSnapshot } from '../features/admin/rules-snapshot';
import type { PasswordHasher } from '../features/auth/auth.routes';
import type { Env } from '../http/env';
import { manualClock, type ManualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { createRulesStore, type Rules } from '../platform/rules';
import { verifyPassword } from '../platform/password';
import { createPorts, DevSignatureAuthority, parsePortsConfig, type Ports } from '../ports';

export const TEST_NOW = new Date('2026-03-02T05:00:00Z'); // 10:00 national time, a Monday

export type TestApp = {
  handle: DbHandle;
  clock: ManualClock;
  app: ReturnType<typeof composeApp>;
  ports: Ports;
  /** The rules in force, read from the database like the server's (admin changes apply at once). */
  rules: Rules;
  /** The development signature authority behind `ports.signature`: tests sign login challenges with it. */
  signatures: DevSignatureAuthority;
  close: () => Promise<void>;
};

/** Demo and fixture accounts need no real key stretching in tests (scrypt costs about a second here). */
export const fastTestHash = (password: string): Promise<string> => Promise.resolve(`test$${password}`);

/** Fast hashes for fixtures; a real scrypt hash still verifies (the login tests use one). */
export const TEST_PASSWORDS: PasswordHasher = {
  hash: fastTestHash,
  verify: (password, stored) =>
    stored.startsWith('test$')
      ? Promise.resolve(stored === `test$${password}`)
      : verifyPassword(password, stored),
};

/**
 * The whole HTTP app as compose.ts wires it, over this test file's own database: a hand-moved clock, silent logs,
 * development adapters with no latency and no injected failures. `routers` adds test-only routes (access probes).
 */
export async function openTestApp(
  options: { routers?: ReadonlyArray<OpenAPIHono<Env>> } = {},
): Promise<TestApp> {
  const handle = await openTestDb();
  const clock = manualClock(TEST_NOW);
  const parsed = parsePortsConfig({
    KEZEK_DEV_LATENCY_MS: '0-0',
    KEZEK_DEV_FAILURE_RATE: '0',
    KEZEK_DEV_SEED: 'test',
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  const ports = createPorts(parsed.config, { clock, log: silentLog });
  if (!(ports.signature instanceof DevSignatureAuthority))
    throw new Error('tests need the development signature authority');
  // The rules in force come from the database, as in production: an admin's change applies at once.
  const rules = createRulesStore(() => loadRulesSnapshot(adminRepository(handle.db)));
  await rules.refresh();
  const app = composeApp({
    db: handle.db,
    engine: handle.engine,
    clock,
    log: silentLog,
    ports,
    bodyLimitBytes: 100_000,
    passwords: TEST_PASSWORDS,
    rules: rules.rules,
    refreshRules: rules.refresh,
    extraRouters: options.routers ?? [],
  });
  return {
    handle,
    clock,
    app,
    ports,
    rules: rules.rules,
    signatures: ports.signature,
    close: () => handle.close(),
  };
}

export const silentLog = createLogger('silent');
