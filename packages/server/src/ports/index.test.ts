import { describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import {
  createPorts,
  DevCivilRegistry,
  DevIndividualsRegistry,
  DevMailbox,
  DevSignatureAuthority,
  DevSmsGateway,
  parsePortsConfig,
} from './index';
import { HttpCivilRegistry } from './civil-registry-port';
import { SmtpMailer } from './email-port';
import { ShepIndividualsRegistry } from './individuals-port';
import { NcaSignatureVerifier } from './signature-port';
import { HttpSmsGateway } from './sms-port';

const deps = { clock: manualClock(new Date('2026-03-02T05:00:00Z')), log: createLogger('silent') };

const realEnv = {
  KEZEK_PORTS: 'real',
  KEZEK_SHEP_URL: 'https://shep.example.kz/bip-sync',
  KEZEK_SHEP_SENDER_ID: 'kezek',
  KEZEK_SHEP_PASSWORD: 'secret-password',
  KEZEK_SHEP_SERVICE_ID: 'GBDFL_PERSON',
  KEZEK_SHEP_CHILDREN_SERVICE_ID: 'GBDFL_CHILDREN',
  KEZEK_CIVIL_REGISTRY_URL: 'https://zags.example.kz/api',
  KEZEK_CIVIL_REGISTRY_TOKEN: 'zags-token',
  KEZEK_SIGNATURE_URL: 'http://ncanode:14579',
  KEZEK_SMS_URL: 'https://sms.example.kz/send',
  KEZEK_SMS_TOKEN: 'sms-token',
  KEZEK_SMTP_URL: 'smtps://kezek:pw@mail.example.kz',
  KEZEK_SMTP_FROM: 'noreply@kezek.kz',
};

describe('ports configuration', () => {
  it('defaults to development adapters, each logging once that it is one', () => {
    const parsed = parsePortsConfig({});
    expect(parsed).toEqual({
      ok: true,
      config: {
        timeoutMs: 10_000,
        dev: { latencyMs: [20, 80], failureRate: 0, seed: 'kezek' },
        individuals: { kind: 'dev' },
        civilRegistry: { kind: 'dev' },
        signature: { kind: 'dev' },
        sms: { kind: 'dev' },
        email: { kind: 'dev' },
      },
    });
    if (!parsed.ok) return;
    const lines: string[] = [];
    const ports = createPorts(parsed.config, {
      ...deps,
      log: createLogger('warn', (line) => lines.push(line)),
    });
    expect(ports.individuals).toBeInstanceOf(DevIndividualsRegistry);
    expect(ports.civilRegistry).toBeInstanceOf(DevCivilRegistry);
    expect(ports.signature).toBeInstanceOf(DevSignatureAuthority);
    expect(ports.sms).toBeInstanceOf(DevSmsGateway);
    expect(ports.email).toBeInstanceOf(DevMailbox);
    expect(lines.filter((line) => line.includes('development adapter in use'))).toHaveLength(5);
  });

  it('selects every real adapter when configured', () => {
    const parsed = parsePortsConfig(realEnv);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.individuals).toEqual({
      kind: 'shep',
      url: realEnv.KEZEK_SHEP_URL,
      senderId: 'kezek',
      password: 'secret-password',
      serviceId: 'GBDFL_PERSON',
      childrenServiceId: 'GBDFL_CHILDREN',
    });
    const ports = createPorts(parsed.config, deps);
    expect(ports.individuals).toBeInstanceOf(ShepIndividualsRegistry);
    expect(ports.civilRegistry).toBeInstanceOf(HttpCivilRegistry);
    expect(ports.signature).toBeInstanceOf(NcaSignatureVerifier);
    expect(ports.sms).toBeInstanceOf(HttpSmsGateway);
    expect(ports.email).toBeInstanceOf(SmtpMailer);
  });

  it('mixes: a port with its URL set is real even in dev mode', () => {
    const parsed = parsePortsConfig({ KEZEK_SMS_URL: 'https://sms.example.kz', KEZEK_SMS_TOKEN: 't' });
    expect(parsed.ok && parsed.config.sms.kind).toBe('http');
    expect(parsed.ok && parsed.config.email.kind).toBe('dev');
  });

  it('with KEZEK_PORTS=real, names every missing variable', () => {
    const parsed = parsePortsConfig({ KEZEK_PORTS: 'real' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const name of [
      'KEZEK_SHEP_URL',
      'KEZEK_CIVIL_REGISTRY_URL',
      'KEZEK_SIGNATURE_URL',
      'KEZEK_SMS_URL',
      'KEZEK_SMTP_URL',
    ])
      expect(parsed.errors.join('\n')).toContain(`${name}: required when KEZEK_PORTS=real`);
  });

  it.each([
    [{ KEZEK_PORTS: 'prod' }, 'KEZEK_PORTS'],
    [{ KEZEK_SHEP_URL: 'ftp://x' }, 'KEZEK_SHEP_URL'],
    [
      { KEZEK_SHEP_URL: 'https://x', KEZEK_SHEP_SENDER_ID: 'a', KEZEK_SHEP_SERVICE_ID: 's' },
      'KEZEK_SHEP_PASSWORD',
    ],
    [{ KEZEK_SHEP_URL: 'https://x', KEZEK_SHEP_PASSWORD: 'p' }, 'KEZEK_SHEP_CHILDREN_SERVICE_ID'],
    [{ KEZEK_SMS_URL: 'https://x' }, 'KEZEK_SMS_TOKEN'],
    [{ KEZEK_SMTP_URL: 'http://mail' }, 'KEZEK_SMTP_URL'],
    [{ KEZEK_SMTP_URL: 'smtp://mail' }, 'KEZEK_SMTP_FROM'],
    [{ KEZEK_CIVIL_REGISTRY_URL: 'https://x' }, 'KEZEK_CIVIL_REGISTRY_TOKEN'],
    [{ KEZEK_PORTS_TIMEOUT_MS: 'soon' }, 'KEZEK_PORTS_TIMEOUT_MS'],
    [{ KEZEK_DEV_FAILURE_RATE: '2' }, 'KEZEK_DEV_FAILURE_RATE'],
    [{ KEZEK_DEV_LATENCY_MS: '80-20' }, 'KEZEK_DEV_LATENCY_MS'],
  ])('rejects %o naming %s', (env, name) => {
    const parsed = parsePortsConfig(env);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain(`${name}:`);
  });

  it('never echoes a secret in an error', () => {
    const parsed = parsePortsConfig({ ...realEnv, KEZEK_SMTP_URL: 'smtp//kezek:hunter2@mail' });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).not.toContain('hunter2');
  });
});
