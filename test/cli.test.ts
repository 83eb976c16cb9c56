import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const kezek = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/kezek.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });

describe('kezek CLI', () => {
  it('prints help with exit 0', () => {
    const result = kezek(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: kezek <command>');
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['serve', '--bogus'], "Unknown option '--bogus'"],
    [['migrate', 'extra'], 'Unexpected argument'],
    [[], 'Usage: kezek'],
  ])('%j → usage and exit 2', (args, message) => {
    const result = kezek(args);
    expect(result.status).toBe(2);
    expect(result.stdout + result.stderr).toContain(message);
  });

  it('refuses invalid configuration with exit 1 before starting', () => {
    const result = kezek(['serve'], { PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});

describe('kezek replay', () => {
  it('runs the spec example and prints one JSON document', () => {
    const result = kezek(['replay', '../shared/spec/examples/basic.jsonl']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { events: { ok: boolean; rule?: string }[] };
    expect(output.events.find((event) => !event.ok)?.rule).toBe('R-WIN-06');
  });

  it('needs exactly one file', () => {
    expect(kezek(['replay']).status).toBe(2);
    expect(kezek(['replay', 'a.jsonl', 'b.jsonl']).status).toBe(2);
  });
});

describe('kezek staff', () => {
  it('opens the first admin account with a one-time password and resets a password; bad input is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kezek-staff-'));
    try {
      const data = ['--data-dir', dir];
      const added = kezek([
        'staff',
        'add',
        '--login',
        'admin.first',
        '--name',
        'Айгүл Бекова',
        '--role',
        'regionalAdmin',
        ...data,
      ]);
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(added.stdout).toMatch(/^admin\.first \(regionalAdmin\): one-time password [A-Za-z2-9-]{19}\n/);
      const badRole = kezek(['staff', 'add', '--login', 'x.y', '--name', 'X Y', '--role', 'king', ...data]);
      expect(badRole.status).toBe(2);
      expect(badRole.stderr).toContain('role:');
      const reset = kezek(['staff', 'reset-password', '--login', 'admin.first', ...data]);
      expect(reset.status).toBe(0);
      expect(reset.stdout).not.toBe(added.stdout);
      expect(kezek(['staff', 'reset-password', '--login', 'nobody', ...data]).status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // three processes open the embedded database (a taken login is tested over HTTP)
});
