import { err, ok, type Result } from '@kezek/domain';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { devSimulation, type DevSimulation, type DevSimulationOptions } from './dev-simulation';
import type { PortError } from './port-error';
import { portError } from './port-error';
import { isEmailAddress, sendMail, type SmtpConfig } from './smtp-client';

export type EmailMessage = { to: string; subject: string; text: string };

export type EmailPort = { send(message: EmailMessage): Promise<Result<{ messageId: string }, PortError>> };

export type SentEmail = EmailMessage & { messageId: string; at: Date };

/** Development mailbox: keeps every message in `sent` and logs it instead of sending. */
export class DevMailbox implements EmailPort {
  readonly sent: SentEmail[] = [];
  private readonly simulation: DevSimulation;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    options: DevSimulationOptions = {},
  ) {
    this.simulation = devSimulation('DevMailbox', options, log);
  }

  async send(message: EmailMessage): Promise<Result<{ messageId: string }, PortError>> {
    if (!isEmailAddress(message.to))
      return err(portError('INVALID_INPUT', `"${message.to}" is not an e-mail address`));
    const failure = await this.simulation.call();
    if (failure !== undefined) return err(failure);
    const messageId = `dev-mail-${this.sent.length + 1}@kezek.localhost`;
    this.sent.push({ ...message, messageId, at: this.clock.now() });
    this.log.info('e-mail (development mailbox, not sent)', {
      to: message.to,
      subject: message.subject,
      messageId,
    });
    return ok({ messageId });
  }
}

/** E-mail through the operator's SMTP submission server. */
export class SmtpMailer implements EmailPort {
  constructor(
    private readonly config: SmtpConfig,
    private readonly clock: Clock,
  ) {}

  send(message: EmailMessage): Promise<Result<{ messageId: string }, PortError>> {
    return sendMail(this.config, { ...message, date: this.clock.now() });
  }
}
