import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { DevCivilRegistry, HttpCivilRegistry, type CivilRegistryPort } from './civil-registry-port';
import type { PortsConfig } from './config';
import type { DevSimulationOptions } from './dev-simulation';
import { DevMailbox, SmtpMailer, type EmailPort } from './email-port';
import { DevIndividualsRegistry, ShepIndividualsRegistry, type IndividualsPort } from './individuals-port';
import { DevSignatureAuthority, NcaSignatureVerifier, type SignaturePort } from './signature-port';
import { DevSmsGateway, HttpSmsGateway, type SmsPort } from './sms-port';

export { parsePortsConfig, PORTS_CONFIG_DOC, type PortsConfig, type PortsConfigResult } from './config';
export type { BirthEvent, BirthEventPage, CivilRegistryPort } from './civil-registry-port';
export type { EmailMessage, EmailPort } from './email-port';
export type { IndividualsPort, Person } from './individuals-port';
export { devChildIin } from './individuals-port';
export type { PortError, PortErrorCode } from './port-error';
export type { SignaturePort, SignatureVerdict } from './signature-port';
export type { SmsMessage, SmsPort } from './sms-port';
export { normalizeKzMobile } from './sms-port';
export { isEmailAddress } from './smtp-client';
export { DevCivilRegistry, DevIndividualsRegistry, DevMailbox, DevSignatureAuthority, DevSmsGateway };

/** The government and messaging systems Kezek talks to, each behind its port. */
export type Ports = {
  individuals: IndividualsPort;
  civilRegistry: CivilRegistryPort;
  signature: SignaturePort;
  sms: SmsPort;
  email: EmailPort;
};

export function createPorts(config: PortsConfig, deps: { clock: Clock; log: Logger }): Ports {
  const { clock } = deps;
  const log = deps.log.child({ component: 'ports' });
  const transport = { timeoutMs: config.timeoutMs };
  const dev = (port: string): DevSimulationOptions => ({
    latencyMs: config.dev.latencyMs,
    failureRate: config.dev.failureRate,
    seed: `${config.dev.seed}:${port}`,
  });
  const c = config;
  return {
    individuals:
      c.individuals.kind === 'dev'
        ? new DevIndividualsRegistry(clock, log, dev('individuals'))
        : new ShepIndividualsRegistry({ ...c.individuals, ...transport }, clock),
    civilRegistry:
      c.civilRegistry.kind === 'dev'
        ? new DevCivilRegistry(clock, log, dev('civilRegistry'))
        : new HttpCivilRegistry({ ...c.civilRegistry, ...transport }),
    signature:
      c.signature.kind === 'dev'
        ? new DevSignatureAuthority(clock, log, { seed: c.dev.seed })
        : new NcaSignatureVerifier({ ...c.signature, ...transport }),
    sms:
      c.sms.kind === 'dev'
        ? new DevSmsGateway(clock, log, dev('sms'))
        : new HttpSmsGateway({ ...c.sms, ...transport }),
    email:
      c.email.kind === 'dev'
        ? new DevMailbox(clock, log, dev('email'))
        : new SmtpMailer({ ...c.email, ...transport }, clock),
  };
}
