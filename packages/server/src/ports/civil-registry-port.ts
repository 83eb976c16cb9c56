import { createHash } from 'node:crypto';
import {
  addDays,
  err,
  instantFromEpochMs,
  localDateOf,
  makeIin,
  ok,
  parseIin,
  parseLocalDate,
  type LocalDate,
  type Result,
} from '@kezek/domain';
import { z } from 'zod';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { devSimulation, type DevSimulation, type DevSimulationOptions } from './dev-simulation';
import { joinUrl, requestJson, type HttpTransport } from './http-json';
import { portError, type PortError } from './port-error';

/**
 * A birth registered in the civil registry: what the proactive channel (R-ELIG-16) and the "one
 * application" with birth registration (R-ELIG-17) start from.
 */
export type BirthEvent = {
  eventId: string;
  registeredAt: Date;
  childIin: string;
  birthDate: LocalDate;
  parentIin: string;
  /** KATO code of the settlement where the parent is registered (the queue's settlement, R-ELIG-17). */
  settlementKato: string;
  /** The parent's mobile number registered on the portal, if any: the proactive offer goes there (§7). */
  parentMobile: string | null;
  /** The parent asked for the queue together with the birth registration (R-ELIG-17). */
  oneApplication: boolean;
};

/** `cursor` is opaque: pass back the one returned to get the events after it; null = start. */
export type BirthEventPage = { events: BirthEvent[]; cursor: string };

export type CivilRegistryPort = {
  pollBirthEvents(after: string | null): Promise<Result<BirthEventPage, PortError>>;
};

export type DevCivilRegistryOptions = DevSimulationOptions & {
  /** Minutes between two registrations; default 45. */
  intervalMinutes?: number;
  /** KATO codes the events fall in; default the demo districts. */
  settlements?: readonly string[];
  /** The first poll (cursor null) starts this far back; default one day. */
  lookbackMs?: number;
  /** Most events per page; default 100. */
  pageSize?: number;
};

const DEV_ORIGIN_MS = Date.UTC(2024, 0, 1);
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const DAY_MS = 86_400_000;

/**
 * Development civil registry: event number n happens at a fixed instant after 2024-01-01 and its content
 * follows from the seed and n, so every process sees the same history, and the clock decides how much of
 * it has happened.
 */
export class DevCivilRegistry implements CivilRegistryPort {
  private readonly simulation: DevSimulation;
  private readonly intervalMs: number;
  private readonly settlements: readonly string[];
  private readonly lookbackMs: number;
  private readonly pageSize: number;
  private readonly seed: string;

  constructor(
    private readonly clock: Clock,
    log: Logger,
    options: DevCivilRegistryOptions = {},
  ) {
    this.simulation = devSimulation('DevCivilRegistry', options, log);
    this.intervalMs = (options.intervalMinutes ?? 45) * 60_000;
    this.settlements = options.settlements ?? ['751110000', '751310000'];
    this.lookbackMs = options.lookbackMs ?? DAY_MS;
    this.pageSize = options.pageSize ?? 100;
    this.seed = options.seed ?? 'DevCivilRegistry';
    if (this.intervalMs <= 0 || this.settlements.length === 0 || this.pageSize <= 0)
      throw new RangeError('DevCivilRegistry: interval, settlements and page size must be positive');
  }

  async pollBirthEvents(after: string | null): Promise<Result<BirthEventPage, PortError>> {
    if (after !== null && !/^-?\d+$/.test(after))
      return err(portError('INVALID_INPUT', `DevCivilRegistry: cursor "${after}" was not issued by it`));
    const failure = await this.simulation.call();
    if (failure !== undefined) return err(failure);
    const nowMs = this.clock.now().getTime();
    const lastHappened = Math.floor((nowMs - DEV_ORIGIN_MS) / this.intervalMs);
    const first =
      after === null
        ? Math.max(0, Math.ceil((nowMs - this.lookbackMs - DEV_ORIGIN_MS) / this.intervalMs))
        : Number(after) + 1;
    const last = Math.min(lastHappened, first + this.pageSize - 1);
    const events: BirthEvent[] = [];
    for (let n = first; n <= last; n++) events.push(this.event(n));
    return ok({ events, cursor: String(Math.max(first - 1, last)) });
  }

  private event(n: number): BirthEvent {
    const h = createHash('sha256').update(`${this.seed}:${n}`).digest();
    const byte = (i: number): number => h[i] ?? 0;
    const registeredAt = new Date(DEV_ORIGIN_MS + n * this.intervalMs);
    const birthDate = addDays(localDateOf(instantFromEpochMs(registeredAt.getTime())), -(byte(0) % 15));
    const parentBirth = addDays(birthDate, -(20 * 365 + (((byte(1) << 8) | byte(2)) % (18 * 365))));
    const mobile =
      byte(3) % 100 < 85
        ? `+7${MOBILE_PREFIXES[byte(4) % MOBILE_PREFIXES.length] ?? '701'}${String(h.readUInt32LE(8) % 10_000_000).padStart(7, '0')}`
        : null;
    return {
      eventId: `dev-birth-${n}`,
      registeredAt,
      // Serials stay below 9000 so no generated person falls in DevIndividualsRegistry's "unknown" range.
      childIin: makeIin(birthDate, byte(5) % 2 === 0 ? 'male' : 'female', h.readUInt16LE(12) % 9000),
      birthDate,
      parentIin: makeIin(parentBirth, byte(6) % 5 === 0 ? 'male' : 'female', h.readUInt16LE(14) % 9000),
      settlementKato: this.settlements[byte(7) % this.settlements.length] ?? '',
      parentMobile: mobile,
      oneApplication: byte(16) % 5 < 2,
    };
  }
}

export type HttpCivilRegistryConfig = HttpTransport & { url: string; token: string; pageSize?: number };

const ZBirthEvent = z.object({
  eventId: z.string().min(1),
  registeredAt: z.iso.datetime({ offset: true }),
  childIin: z.string(),
  birthDate: z.string(),
  parentIin: z.string(),
  settlementKato: z.string().regex(/^\d{9}$/),
  parentMobile: z.string().nullable(),
  oneApplication: z.boolean(),
});

const ZBirthEventPage = z.object({ events: z.array(ZBirthEvent), cursor: z.string().min(1) });

/** Birth registrations from the civil registry's event feed over HTTPS (bearer token, cursor paging). */
export class HttpCivilRegistry implements CivilRegistryPort {
  constructor(private readonly config: HttpCivilRegistryConfig) {}

  async pollBirthEvents(after: string | null): Promise<Result<BirthEventPage, PortError>> {
    const query = new URLSearchParams({ limit: String(this.config.pageSize ?? 100) });
    if (after !== null) query.set('after', after);
    const answer = await requestJson(
      'Civil registry',
      {
        method: 'GET',
        url: `${joinUrl(this.config.url, 'birth-events')}?${query.toString()}`,
        headers: { authorization: `Bearer ${this.config.token}` },
      },
      ZBirthEventPage,
      this.config,
    );
    if (!answer.ok) return answer;
    const events: BirthEvent[] = [];
    for (const raw of answer.value.events) {
      const birthDate = parseLocalDate(raw.birthDate);
      if (!birthDate.ok || !parseIin(raw.childIin).ok || !parseIin(raw.parentIin).ok)
        return err(
          portError('BAD_RESPONSE', `Civil registry: event ${raw.eventId} has an invalid IIN or date`),
        );
      events.push({ ...raw, registeredAt: new Date(raw.registeredAt), birthDate: birthDate.value });
    }
    return ok({ events, cursor: answer.value.cursor });
  }
}
