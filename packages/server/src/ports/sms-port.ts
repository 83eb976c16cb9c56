import { KZ_MOBILE_CODES } from '@kezek/contracts';
import { err, ok, type Result } from '@kezek/domain';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { devSimulation, type DevSimulation, type DevSimulationOptions } from './dev-simulation';
import { requestJson, type HttpTransport } from './http-json';
import { portError, type PortError } from './port-error';

export type SmsMessage = { to: string; text: string };

export type SmsPort = {
  send(message: SmsMessage): Promise<Result<{ providerMessageId: string }, PortError>>;
};

/**
 * Kazakhstan mobile numbers in E.164: +7 followed by a mobile operator code (70x, 747, 750–751,
 * 760–764, 771, 775–778) and seven digits. Landlines (+7 7xx of cities, e.g. 727) are not mobile.
 */
const KZ_MOBILE = new RegExp(`^\\+77(${KZ_MOBILE_CODES})\\d{7}$`);

/** '+7 701 234 56 78', '8 (701) 234-56-78' or '87012345678' → '+77012345678'; undefined if not a KZ mobile. */
export function normalizeKzMobile(text: string): string | undefined {
  const digits = text.replace(/[\s()-]/g, '');
  const e164 = /^8\d{10}$/.test(digits) ? `+7${digits.slice(1)}` : digits;
  return KZ_MOBILE.test(e164) ? e164 : undefined;
}

/** Ten UCS-2 segments: Kazakh letters force UCS-2 (67 characters per concatenated segment). */
const MAX_SMS_CHARACTERS = 670;

function validate(message: SmsMessage): PortError | undefined {
  if (!KZ_MOBILE.test(message.to))
    return portError('INVALID_INPUT', `"${message.to}" is not a Kazakhstan mobile number (+7 7xx xxx xx xx)`);
  if (message.text.trim() === '') return portError('INVALID_INPUT', 'An SMS needs text');
  if (message.text.length > MAX_SMS_CHARACTERS)
    return portError('INVALID_INPUT', `An SMS holds at most ${MAX_SMS_CHARACTERS} characters`);
  return undefined;
}

export type SentSms = SmsMessage & { providerMessageId: string; at: Date };

/**
 * Development SMS gateway: validates like an operator would, keeps every message in `sent` (tests read
 * it) and logs it instead of sending, with simulated latency and transient failures.
 */
export class DevSmsGateway implements SmsPort {
  readonly sent: SentSms[] = [];
  private readonly simulation: DevSimulation;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    options: DevSimulationOptions = {},
  ) {
    this.simulation = devSimulation('DevSmsGateway', options, log);
  }

  async send(message: SmsMessage): Promise<Result<{ providerMessageId: string }, PortError>> {
    const invalid = validate(message);
    if (invalid !== undefined) return err(invalid);
    const failure = await this.simulation.call();
    if (failure !== undefined) return err(failure);
    const providerMessageId = `dev-sms-${this.sent.length + 1}`;
    this.sent.push({ ...message, providerMessageId, at: this.clock.now() });
    this.log.info('sms (development gateway, not sent)', {
      to: message.to,
      text: message.text,
      providerMessageId,
    });
    return ok({ providerMessageId });
  }
}

export type HttpSmsConfig = HttpTransport & { url: string; token: string; sender?: string };

const ZSmsAccepted = z.union([
  z.object({ messageId: z.string().min(1) }).transform((a) => a.messageId),
  z.object({ id: z.union([z.string().min(1), z.number()]) }).transform((a) => String(a.id)),
]);

/** A generic HTTP SMS gateway: POST {to, text, sender} with a bearer token, answered with the message ID. */
export class HttpSmsGateway implements SmsPort {
  constructor(private readonly config: HttpSmsConfig) {}

  async send(message: SmsMessage): Promise<Result<{ providerMessageId: string }, PortError>> {
    const invalid = validate(message);
    if (invalid !== undefined) return err(invalid);
    const answer = await requestJson(
      'SMS gateway',
      {
        method: 'POST',
        url: this.config.url,
        headers: { authorization: `Bearer ${this.config.token}` },
        body: { ...message, ...(this.config.sender === undefined ? {} : { sender: this.config.sender }) },
      },
      ZSmsAccepted,
      this.config,
    );
    return answer.ok ? ok({ providerMessageId: answer.value }) : answer;
  }
}
