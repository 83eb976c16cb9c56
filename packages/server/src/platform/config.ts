import { z } from 'zod';
import { parsePortsConfig, PORTS_CONFIG_DOC, type PortsConfig } from '../ports/config';
import type { KeyObject } from 'node:crypto';
import { parseEd25519PrivateKey } from './ed25519';
import { LOG_LEVELS, type LogLevel } from './logger';

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Connections to PostgreSQL this process keeps at most (a claim holds one for its transaction). */
  databasePoolSize: number;
  logLevel: LogLevel;
  /** KEZEK_NOW: the instant a demo server's clock starts from (then it runs in real time). */
  now: Date | undefined;
  /** Seed the demo data on start; default on for the embedded database, off for PostgreSQL. */
  demo: boolean;
  bodyLimitBytes: number;
  /** Which adapter each government/messaging port uses (development stand-ins unless URLs are set). */
  ports: PortsConfig;
  /** Run the scheduled jobs (outbox delivery, bulletins, windows …) in this process. */
  jobs: boolean;
  jobTickMs: number;
  /** Secure flag of the session cookie: `auto` follows the request's scheme (X-Forwarded-Proto behind a proxy). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Origins besides the server's own allowed to send writes (a web app served elsewhere). */
  trustedOrigins: string[];
  /** Shared secret of the SMS gateway's reply callback (proactive offers, R-ELIG-16); unset = callbacks refused. */
  smsReplySecret: string | undefined;
  /** KEZEK_LEDGER_KEY: Ed25519 key signing the registers' tree heads; unset = generated once, kept in the database. */
  ledgerKey: KeyObject | undefined;
};

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  KEZEK_NOW: z.iso.datetime({ offset: true, local: false }).optional(),
  KEZEK_DEMO: booleanFlag.optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  KEZEK_JOBS: booleanFlag.optional(),
  KEZEK_JOB_TICK_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  KEZEK_SMS_REPLY_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  KEZEK_LEDGER_KEY: z
    .string()
    .transform((text, ctx) => {
      const key = parseEd25519PrivateKey(text);
      if (typeof key !== 'string') return key;
      ctx.addIssue({ code: 'custom', message: key });
      return z.NEVER;
    })
    .optional(),
  TRUSTED_ORIGINS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each origin is an http(s) URL' })))
    .default([]),
});

/** Never echoed in an error message: a typo in a key must not print the key into a log. */
const SECRETS: ReadonlySet<string> = new Set(['KEZEK_SMS_REPLY_SECRET', 'KEZEK_LEDGER_KEY']);

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads configuration from the environment; empty strings count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = ZEnv.safeParse(present);
  const ports = parsePortsConfig(present);
  if (!parsed.success || !ports.ok) {
    return {
      ok: false,
      errors: [
        ...(parsed.success
          ? []
          : parsed.error.issues.map(
              (issue) =>
                `${issue.path.join('.')}: ${issue.message}${
                  SECRETS.has(String(issue.path[0]))
                    ? ''
                    : ` (got "${String(present[String(issue.path[0])])}")`
                }`,
            )),
        ...(ports.ok ? [] : ports.errors),
      ],
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir: e.DATA_DIR,
      databaseUrl: e.DATABASE_URL,
      databasePoolSize: e.DATABASE_POOL_SIZE,
      logLevel: e.LOG_LEVEL,
      now: e.KEZEK_NOW === undefined ? undefined : new Date(e.KEZEK_NOW),
      demo: e.KEZEK_DEMO ?? e.DATABASE_URL === undefined,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      ports: ports.config,
      jobs: e.KEZEK_JOBS ?? true,
      jobTickMs: e.KEZEK_JOB_TICK_MS,
      cookieSecure: e.COOKIE_SECURE,
      trustedOrigins: e.TRUSTED_ORIGINS,
      smsReplySecret: e.KEZEK_SMS_REPLY_SECRET,
      ledgerKey: e.KEZEK_LEDGER_KEY,
    },
  };
}

export const CONFIG_DOC: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  { name: 'PORT', default: '3000', meaning: 'HTTP port' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'interface to listen on' },
  { name: 'DATA_DIR', default: './data', meaning: 'embedded database (PGlite) directory' },
  { name: 'DATABASE_URL', default: '(unset)', meaning: 'PostgreSQL URL; when set, PGlite is not used' },
  {
    name: 'DATABASE_POOL_SIZE',
    default: '20',
    meaning: 'most PostgreSQL connections per server process (each claim holds one for its transaction)',
  },
  { name: 'LOG_LEVEL', default: 'info', meaning: LOG_LEVELS.join(' | ') },
  { name: 'KEZEK_NOW', default: '(unset)', meaning: 'demo clock start, ISO 8601 with offset' },
  { name: 'KEZEK_DEMO', default: 'true on PGlite, false on PostgreSQL', meaning: 'seed demo data on start' },
  { name: 'BODY_LIMIT_BYTES', default: '1000000', meaning: 'largest accepted request body' },
  {
    name: 'KEZEK_JOBS',
    default: 'true',
    meaning: 'run scheduled jobs (outbox delivery, bulletins, windows) in this process',
  },
  {
    name: 'COOKIE_SECURE',
    default: 'auto',
    meaning: 'Secure flag of the session cookie: auto (by request scheme), always, never',
  },
  {
    name: 'TRUSTED_ORIGINS',
    default: '(none)',
    meaning: 'comma-separated origins besides the server itself allowed to send writes',
  },
  {
    name: 'KEZEK_SMS_REPLY_SECRET',
    default: '(unset)',
    meaning:
      "shared secret the SMS gateway sends as X-Sms-Gateway-Secret with a parent's reply to a proactive offer",
  },
  {
    name: 'KEZEK_LEDGER_KEY',
    default: '(generated)',
    meaning:
      "Ed25519 private key signing the registers' tree heads (PEM, or base64 PKCS #8 / 32-byte seed); unset: generated on first start and kept in the database (warned)",
  },
  { name: 'KEZEK_JOB_TICK_MS', default: '5000', meaning: 'how often the job loop looks for due slots' },
  ...PORTS_CONFIG_DOC,
];
