/** Which adapter each port uses: `dev` = the in-process development adapter, otherwise the real protocol. */
export type PortsConfig = {
  timeoutMs: number;
  dev: { latencyMs: readonly [number, number]; failureRate: number; seed: string };
  individuals:
    | { kind: 'dev' }
    | {
        kind: 'shep';
        url: string;
        senderId: string;
        password: string;
        serviceId: string;
        childrenServiceId: string;
      };
  civilRegistry: { kind: 'dev' } | { kind: 'http'; url: string; token: string };
  signature: { kind: 'dev' } | { kind: 'ncanode'; url: string; token?: string };
  sms: { kind: 'dev' } | { kind: 'http'; url: string; token: string; sender?: string };
  email: { kind: 'dev' } | { kind: 'smtp'; url: string; from: string };
};

export type PortsConfigResult = { ok: true; config: PortsConfig } | { ok: false; errors: string[] };

type Env = Record<string, string | undefined>;

/**
 * Reads the ports' configuration from the environment. A port uses its real adapter when its URL is set;
 * with KEZEK_PORTS=real every URL is required, so production never falls back to a development adapter.
 * Errors name the variable and never echo secrets.
 */
export function parsePortsConfig(env: Env): PortsConfigResult {
  const errors: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const mode = get('KEZEK_PORTS') ?? 'dev';
  if (mode !== 'dev' && mode !== 'real') errors.push(`KEZEK_PORTS: must be dev or real (got "${mode}")`);
  const required = (name: string, because: string): string => {
    const value = get(name);
    if (value === undefined) errors.push(`${name}: required ${because}`);
    return value ?? '';
  };
  const url = (name: string, protocols: readonly string[]): string | undefined => {
    const value = get(name);
    if (value === undefined) {
      if (mode === 'real') errors.push(`${name}: required when KEZEK_PORTS=real`);
      return undefined;
    }
    try {
      if (protocols.includes(new URL(value).protocol)) return value;
    } catch {
      // Reported below with the same message as a wrong scheme.
    }
    errors.push(`${name}: must be a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`);
    return undefined;
  };
  const number = (name: string, fallback: number, min: number, max: number): number => {
    const value = get(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (Number.isFinite(parsed) && parsed >= min && parsed <= max) return parsed;
    errors.push(`${name}: must be a number from ${min} to ${max} (got "${value}")`);
    return fallback;
  };
  const http = ['http:', 'https:'];

  const latency = get('KEZEK_DEV_LATENCY_MS') ?? '20-80';
  const latencyMatch = /^(\d+)-(\d+)$/.exec(latency);
  const latencyMs: [number, number] = [Number(latencyMatch?.[1] ?? 20), Number(latencyMatch?.[2] ?? 80)];
  if (latencyMatch === null || latencyMs[0] > latencyMs[1])
    errors.push(`KEZEK_DEV_LATENCY_MS: must be a range like 20-80 (got "${latency}")`);

  const shepUrl = url('KEZEK_SHEP_URL', http);
  const civilUrl = url('KEZEK_CIVIL_REGISTRY_URL', http);
  const signatureUrl = url('KEZEK_SIGNATURE_URL', http);
  const smsUrl = url('KEZEK_SMS_URL', http);
  const smtpUrl = url('KEZEK_SMTP_URL', ['smtp:', 'smtps:']);
  const signatureToken = get('KEZEK_SIGNATURE_TOKEN');
  const smsSender = get('KEZEK_SMS_SENDER');
  const config: PortsConfig = {
    timeoutMs: number('KEZEK_PORTS_TIMEOUT_MS', 10_000, 100, 120_000),
    dev: {
      latencyMs,
      failureRate: number('KEZEK_DEV_FAILURE_RATE', 0, 0, 1),
      seed: get('KEZEK_DEV_SEED') ?? 'kezek',
    },
    individuals:
      shepUrl === undefined
        ? { kind: 'dev' }
        : {
            kind: 'shep',
            url: shepUrl,
            senderId: required('KEZEK_SHEP_SENDER_ID', 'with KEZEK_SHEP_URL'),
            password: required('KEZEK_SHEP_PASSWORD', 'with KEZEK_SHEP_URL'),
            serviceId: required('KEZEK_SHEP_SERVICE_ID', 'with KEZEK_SHEP_URL'),
            childrenServiceId: required('KEZEK_SHEP_CHILDREN_SERVICE_ID', 'with KEZEK_SHEP_URL'),
          },
    civilRegistry:
      civilUrl === undefined
        ? { kind: 'dev' }
        : {
            kind: 'http',
            url: civilUrl,
            token: required('KEZEK_CIVIL_REGISTRY_TOKEN', 'with KEZEK_CIVIL_REGISTRY_URL'),
          },
    signature:
      signatureUrl === undefined
        ? { kind: 'dev' }
        : {
            kind: 'ncanode',
            url: signatureUrl,
            ...(signatureToken === undefined ? {} : { token: signatureToken }),
          },
    sms:
      smsUrl === undefined
        ? { kind: 'dev' }
        : {
            kind: 'http',
            url: smsUrl,
            token: required('KEZEK_SMS_TOKEN', 'with KEZEK_SMS_URL'),
            ...(smsSender === undefined ? {} : { sender: smsSender }),
          },
    email:
      smtpUrl === undefined
        ? { kind: 'dev' }
        : { kind: 'smtp', url: smtpUrl, from: required('KEZEK_SMTP_FROM', 'with KEZEK_SMTP_URL') },
  };
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors };
}

/** The README's table of the ports' variables. */
export const PORTS_CONFIG_DOC: ReadonlyArray<{ name: string; default: string; meaning: string }> = [
  {
    name: 'KEZEK_PORTS',
    default: 'dev',
    meaning: 'dev: unset URLs use development adapters; real: every URL below is required',
  },
  { name: 'KEZEK_PORTS_TIMEOUT_MS', default: '10000', meaning: 'timeout of one call to an external system' },
  {
    name: 'KEZEK_SHEP_URL',
    default: '(unset: dev)',
    meaning: 'e-gov gateway (ШЭП) endpoint of the individuals database',
  },
  { name: 'KEZEK_SHEP_SENDER_ID / KEZEK_SHEP_PASSWORD', default: '—', meaning: 'gateway sender credentials' },
  { name: 'KEZEK_SHEP_SERVICE_ID', default: '—', meaning: 'gateway service ID of the individuals lookup' },
  {
    name: 'KEZEK_SHEP_CHILDREN_SERVICE_ID',
    default: '—',
    meaning: 'gateway service ID of the children-of-a-parent query (R-ELIG-11)',
  },
  {
    name: 'KEZEK_CIVIL_REGISTRY_URL / _TOKEN',
    default: '(unset: dev)',
    meaning: 'birth-registration event feed and its bearer token',
  },
  {
    name: 'KEZEK_SIGNATURE_URL / _TOKEN',
    default: '(unset: dev)',
    meaning: 'NCANode-compatible CMS verification service (token optional)',
  },
  {
    name: 'KEZEK_SMS_URL / _TOKEN / _SENDER',
    default: '(unset: dev)',
    meaning: 'HTTP SMS gateway, bearer token, sender name (optional)',
  },
  {
    name: 'KEZEK_SMTP_URL',
    default: '(unset: dev)',
    meaning: 'smtp://user:pass@host:587 (STARTTLS) or smtps://…:465',
  },
  { name: 'KEZEK_SMTP_FROM', default: '—', meaning: 'sender address of notification e-mails' },
  {
    name: 'KEZEK_DEV_LATENCY_MS',
    default: '20-80',
    meaning: 'development adapters: simulated latency range',
  },
  {
    name: 'KEZEK_DEV_FAILURE_RATE',
    default: '0',
    meaning: 'development adapters: share of calls failing transiently (0–1)',
  },
  {
    name: 'KEZEK_DEV_SEED',
    default: 'kezek',
    meaning: 'development adapters: seed (signing authority key, event history, failures)',
  },
];
