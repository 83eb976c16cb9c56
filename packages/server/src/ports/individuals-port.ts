import { createHash, randomUUID } from 'node:crypto';
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
  type Sex,
} from '@kezek/domain';
import { z } from 'zod';
import { feminineSurname, NAMES, patronymicOf } from '../features/demo/demo-names';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { devSimulation, type DevSimulation, type DevSimulationOptions } from './dev-simulation';
import { joinUrl, requestJson, type HttpTransport } from './http-json';
import { portError, type PortError } from './port-error';

/** A person as the individuals state database (ГБД ФЛ / ЖТ МДБ) holds them (R-ELIG-07). */
export type Person = {
  iin: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  birthDate: LocalDate;
  sex: Sex;
};

export type IndividualsPort = {
  lookup(iin: string): Promise<Result<Person, PortError>>;
  /** The children the database records for a parent (from birth records): what the apply form offers. */
  childrenOf(parentIin: string): Promise<Result<Person[], PortError>>;
  /** R-ELIG-11: whether the database records `parentIin` as a parent of `childIin`. */
  isParentOf(parentIin: string, childIin: string): Promise<Result<boolean, PortError>>;
};

export type DevIndividualsOptions = DevSimulationOptions & {
  /** IINs the registry does not know, besides those with serial 9999 (digits 8–11). */
  unknownIins?: readonly string[];
};

/** Serial digits 8–11 = 9999: a convention for "valid IIN, but nobody has it" in demos and tests. */
const UNKNOWN_SERIAL = '9999';

/** A parent's family code in the development registry: 0–899, stable for the IIN. */
const familyCode = (parentIin: string): number =>
  createHash('sha256').update(`family:${parentIin}`).digest().readUInt16BE(0) % 900;

/**
 * A child of `parentIin` as the development registry sees it: the serial digits 8–10 of a child's IIN carry
 * the family code of its parent and digit 11 tells siblings apart (`sibling` 0–9). Tests and the demo make
 * children with it; nothing else may rely on the convention.
 */
export const devChildIin = (parentIin: string, birthDate: LocalDate, sex: Sex, sibling = 0): string => {
  if (!Number.isInteger(sibling) || sibling < 0 || sibling > 9) throw new RangeError('sibling: 0–9');
  return makeIin(birthDate, sex, familyCode(parentIin) * 10 + sibling);
};

/**
 * Development stand-in for the individuals database: any valid IIN is a person whose birth date and sex
 * are those the IIN encodes and whose name follows deterministically from it, so the same IIN always
 * answers the same. Family ties follow `devChildIin`: every IIN with a parent's family code is that parent's
 * child, and `childrenOf` lists two such children of preschool age today. Not for production: it knows
 * nobody real.
 */
export class DevIndividualsRegistry implements IndividualsPort {
  private readonly simulation: DevSimulation;
  private readonly unknown: ReadonlySet<string>;

  constructor(
    private readonly clock: Clock,
    log: Logger,
    options: DevIndividualsOptions = {},
  ) {
    this.simulation = devSimulation('DevIndividualsRegistry', options, log);
    this.unknown = new Set(options.unknownIins ?? []);
  }

  async childrenOf(parentIin: string): Promise<Result<Person[], PortError>> {
    const parent = await this.lookup(parentIin);
    if (!parent.ok) return parent;
    const h = createHash('sha256').update(`children:${parentIin}`).digest();
    const today = localDateOf(instantFromEpochMs(this.clock.now().getTime()));
    return ok(
      [0, 1].map((sibling) => {
        const birthDate = addDays(today, -(200 + (h.readUInt16BE(sibling * 2) % 1600)));
        const sex: Sex = (h[4 + sibling] ?? 0) % 2 === 0 ? 'male' : 'female';
        const iin = devChildIin(parentIin, birthDate, sex, sibling);
        return { iin, ...namesFor(iin, sex), birthDate, sex };
      }),
    );
  }

  async isParentOf(parentIin: string, childIin: string): Promise<Result<boolean, PortError>> {
    const [parent, child] = [parseIin(parentIin), parseIin(childIin)];
    if (!parent.ok) return err(portError('INVALID_INPUT', parent.error.message));
    if (!child.ok) return err(portError('INVALID_INPUT', child.error.message));
    const failure = await this.simulation.call();
    if (failure !== undefined) return err(failure);
    return ok(Math.floor(Number(childIin.slice(7, 11)) / 10) === familyCode(parentIin));
  }

  async lookup(iin: string): Promise<Result<Person, PortError>> {
    const parsed = parseIin(iin);
    if (!parsed.ok) return err(portError('INVALID_INPUT', parsed.error.message));
    const failure = await this.simulation.call();
    if (failure !== undefined) return err(failure);
    if (iin.slice(7, 11) === UNKNOWN_SERIAL || this.unknown.has(iin))
      return err(portError('NOT_FOUND', `No person with IIN ${iin} in the individuals database`));
    return ok({
      iin,
      ...namesFor(iin, parsed.value.sex),
      birthDate: parsed.value.birthDate,
      sex: parsed.value.sex,
    });
  }
}

/** About three in four names registered in Kazakhstan are Kazakh; the rest here are Russian. */
function namesFor(iin: string, sex: Sex): Pick<Person, 'surname' | 'givenName' | 'patronymic'> {
  const h = createHash('sha256').update(`individuals:${iin}`).digest();
  const pick = <T>(pool: readonly T[], byte: number): T => pool[(h[byte] ?? 0) % pool.length] as T;
  const kazakh = (h[0] ?? 0) % 4 !== 0;
  const pools = kazakh ? NAMES.kazakh : NAMES.russian;
  const surname = pick(pools.surnames, 1);
  return {
    surname: sex === 'female' ? feminineSurname(surname) : surname,
    givenName: pick(pools[sex], 2),
    patronymic: patronymicOf(kazakh, h[3] ?? 0, sex),
  };
}

export type ShepIndividualsConfig = HttpTransport & {
  /** The e-gov gateway's synchronous-channel endpoint for the individuals service. */
  url: string;
  /** Sender identity issued to the provider when it was connected to the gateway. */
  senderId: string;
  password: string;
  /** Gateway service identifier of the individuals database lookup. */
  serviceId: string;
  /** Gateway service identifier of the children-of-a-parent query (birth records in the database). */
  childrenServiceId: string;
};

const SHEP_SUCCESS = 'SCSS001';

const ZShepPerson = z.object({
  iin: z.string(),
  surname: z.string().min(1),
  name: z.string().min(1),
  patronymic: z.string().nullish(),
  birthDate: z.string(),
  gender: z.enum(['MALE', 'FEMALE']),
});

const ZShepResponse = z.object({
  responseInfo: z.object({
    messageId: z.string(),
    status: z.object({ code: z.string(), message: z.string().optional() }),
  }),
  responseData: z
    .object({
      data: z.object({ person: ZShepPerson.nullish(), children: z.array(ZShepPerson).nullish() }),
    })
    .optional(),
});

type ShepData = NonNullable<z.infer<typeof ZShepResponse>['responseData']>['data'];

function personOf(raw: z.infer<typeof ZShepPerson>): Person | undefined {
  const birthDate = parseLocalDate(raw.birthDate.slice(0, 10));
  if (!parseIin(raw.iin).ok || !birthDate.ok) return undefined;
  return {
    iin: raw.iin,
    surname: raw.surname,
    givenName: raw.name,
    patronymic: raw.patronymic ?? null,
    birthDate: birthDate.value,
    sex: raw.gender === 'MALE' ? 'male' : 'female',
  };
}

/**
 * The individuals database through the e-gov gateway (ШЭП, synchronous channel): a request envelope
 * with the gateway-issued sender credentials and a fresh message ID, answered with a status code
 * (SCSS001 = success) and the person (or the children of a parent), or none.
 */
export class ShepIndividualsRegistry implements IndividualsPort {
  constructor(
    private readonly config: ShepIndividualsConfig,
    private readonly clock: Clock,
  ) {}

  async lookup(iin: string): Promise<Result<Person, PortError>> {
    const answer = await this.ask(this.config.serviceId, iin);
    if (!answer.ok) return answer;
    const raw = answer.value.person;
    if (raw === null || raw === undefined)
      return err(portError('NOT_FOUND', `No person with IIN ${iin} in the individuals database`));
    const person = personOf(raw);
    if (person?.iin !== iin)
      return err(portError('BAD_RESPONSE', `SHEP individuals: answer for ${iin} names ${raw.iin}`));
    return ok(person);
  }

  async childrenOf(parentIin: string): Promise<Result<Person[], PortError>> {
    const answer = await this.ask(this.config.childrenServiceId, parentIin);
    if (!answer.ok) return answer;
    const children: Person[] = [];
    for (const raw of answer.value.children ?? []) {
      const child = personOf(raw);
      if (child === undefined)
        return err(portError('BAD_RESPONSE', `SHEP individuals: a child of ${parentIin} has an invalid IIN`));
      children.push(child);
    }
    return ok(children);
  }

  async isParentOf(parentIin: string, childIin: string): Promise<Result<boolean, PortError>> {
    const children = await this.childrenOf(parentIin);
    return children.ok ? ok(children.value.some((child) => child.iin === childIin)) : children;
  }

  private async ask(serviceId: string, iin: string): Promise<Result<ShepData, PortError>> {
    const parsed = parseIin(iin);
    if (!parsed.ok) return err(portError('INVALID_INPUT', parsed.error.message));
    const answer = await requestJson(
      'SHEP individuals',
      {
        method: 'POST',
        url: joinUrl(this.config.url, 'sync'),
        body: {
          requestInfo: {
            messageId: randomUUID(),
            serviceId,
            messageDate: this.clock.now().toISOString(),
            sender: { senderId: this.config.senderId, password: this.config.password },
          },
          requestData: { data: { iin } },
        },
      },
      ZShepResponse,
      this.config,
    );
    if (!answer.ok) return answer;
    const { responseInfo, responseData } = answer.value;
    if (responseInfo.status.code !== SHEP_SUCCESS)
      return err(
        portError(
          'REJECTED',
          `SHEP individuals: status ${responseInfo.status.code} ${responseInfo.status.message ?? ''}`.trim(),
        ),
      );
    return ok(responseData?.data ?? {});
  }
}
