import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('configuration from the environment', () => {
  it('has working defaults for a laptop: embedded database with demo data', () => {
    const result = parseConfig({});
    expect(result).toMatchObject({
      ok: true,
      config: {
        port: 3000,
        host: '127.0.0.1',
        dataDir: './data',
        databaseUrl: undefined,
        logLevel: 'info',
        now: undefined,
        demo: true,
        bodyLimitBytes: 1_000_000,
        jobs: true,
        jobTickMs: 5000,
        ports: { individuals: { kind: 'dev' }, signature: { kind: 'dev' }, sms: { kind: 'dev' } },
      },
    });
  });

  it('uses PostgreSQL without demo data when DATABASE_URL is set, unless asked', () => {
    const pg = parseConfig({ DATABASE_URL: 'postgres://u@h/db' });
    expect(pg.ok && pg.config.demo).toBe(false);
    const demo = parseConfig({ DATABASE_URL: 'postgres://u@h/db', KEZEK_DEMO: 'true' });
    expect(demo.ok && demo.config.demo).toBe(true);
  });

  it('reads KEZEK_NOW as an instant with an offset', () => {
    const result = parseConfig({ KEZEK_NOW: '2026-03-02T10:00:00+05:00' });
    expect(result.ok && result.config.now?.toISOString()).toBe('2026-03-02T05:00:00.000Z');
  });

  it('reads KEZEK_LEDGER_KEY as PEM or base64 (PKCS #8 or seed) and never echoes a bad one', () => {
    const key = generateKeyPairSync('ed25519').privateKey;
    const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = key.export({ format: 'der', type: 'pkcs8' });
    const publicOf = (text: string) => {
      const result = parseConfig({ KEZEK_LEDGER_KEY: text });
      return result.ok ? result.config.ledgerKey?.asymmetricKeyType : result.errors;
    };
    expect([pem, der.toString('base64'), der.subarray(-32).toString('base64')].map(publicOf)).toEqual([
      'ed25519',
      'ed25519',
      'ed25519',
    ]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const wrong = parseConfig({ KEZEK_LEDGER_KEY: rsa.export({ format: 'pem', type: 'pkcs8' }).toString() });
    expect(wrong).toEqual({ ok: false, errors: ['KEZEK_LEDGER_KEY: an rsa key, not Ed25519'] });
    const garbled = parseConfig({ KEZEK_LEDGER_KEY: 'secret-but-broken' });
    expect(garbled.ok ? [] : garbled.errors.join()).not.toContain('secret-but-broken');
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', DATABASE_URL: '' }).ok).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'verbose'],
    ['DATABASE_URL', 'mysql://x'],
    ['KEZEK_NOW', '2026-03-02 10:00'],
    ['KEZEK_DEMO', 'maybe'],
    ['KEZEK_JOB_TICK_MS', '10'],
    ['KEZEK_PORTS', 'real'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    const result = parseConfig({ [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(name);
  });
});
