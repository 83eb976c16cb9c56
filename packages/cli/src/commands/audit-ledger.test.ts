import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@kezek/db';
import { describe, expect, it } from 'vitest';

/**
 * `kezek audit-ledger` as a process over an embedded database directory: the command's wiring and exit codes.
 * What it detects is tested on both engines in packages/server/src/features/ledger/ledger.test.ts.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'kezek-audit-'));
const kezek = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/kezek.js', ...args, '--data-dir', dataDir], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', KEZEK_LEDGER_KEY: '' },
    timeout: 60_000,
  });

describe('kezek audit-ledger', () => {
  it('R-SYS-08: exit 0 with a report per log when the logs are consistent, 1 when a leaf was tampered with', async () => {
    expect(kezek('migrate').status).toBe(0);
    const clean = kezek('audit-ledger');
    expect(clean.stdout).toContain(
      'applications: 0 leaves sequenced, 0 pending, 0 signed heads — consistent',
    );
    expect(clean.stdout).toContain('No findings.');
    expect(clean.status).toBe(0);

    const handle = await createDb({ engine: 'pglite', dataDir });
    await handle.db
      .insertInto('ledger_leaves')
      .values({
        log: 'applications',
        leaf_index: 0,
        leaf_hash: '0'.repeat(64),
        leaf: '{"forged":true}',
        entity_id: 'nobody',
        entity_version: 1,
        created_at: new Date(),
      })
      .execute();
    await handle.close();
    const tampered = kezek('audit-ledger');
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('  - leaf 0: content does not match its leaf hash');
    expect(tampered.stdout).toMatch(/\d+ finding\(s\)\.\n$/);
  }, 180_000);

  it('refuses a --key that is not an Ed25519 public key (exit 1)', { timeout: 60_000 }, () => {
    const result = kezek('audit-ledger', '--key', 'xyz');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--key must be the 32-byte Ed25519 public key in hex');
  });
});
