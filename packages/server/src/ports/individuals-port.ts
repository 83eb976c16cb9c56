import { createHash, randomUUID } from 'node:crypto';
import { err, ok, parseIin, parseLocalDate, type LocalDate, type Result, type Sex } from '@kezek/domain';
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

export type IndividualsPort = { lookup(iin: string): Promise<Result<Person, PortError>> };

export type DevIndividualsOptions = DevSimulationOptions & {
  /** IINs the registry does not know, besides those with serial 9999 (digits 8–11). */
  unknownIins?: readonly string[];
};

/** Serial digits 8–11 = 9999: a convention for "valid IIN, but nobody has it" in demos and tests. */
const UNKNOWN_SERIAL = '9999';

/**
 * Development stand-in for the individuals database: any valid IIN is a person whose birth date and sex
 * are those the IIN encodes and whose name follows deterministically from it, so the same IIN always
 * answers the same. Not for production: it knows nobody real.
 */
export class DevIndividualsRegistry implements IndividualsPort {
  private readonly simulation: DevSimulation;
  private readonly unknown: ReadonlySet<string>;

  constructor(log: Logger, options: DevIndividualsOptions = {}) {
    this.simulation = devSimulation('DevIndividualsRegistry', options, log);
    this.unknown = new Set(options.unknownIins ?? []);
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
  responseData: z.object({ data: z.object({ person: ZShepPerson.nullish() }) }).optional(),
});

/**
 * The individuals database through the e-gov gateway (ШЭП, synchronous channel): a request envelope
 * with the gateway-issued sender credentials and a fresh message ID, answered with a status code
 * (SCSS001 = success) and the person, or none.
 */
export class ShepIndividualsRegistry implements IndividualsPort {
  constructor(
    private readonly config: ShepIndividualsConfig,
    private readonly clock: Clock,
  ) {}

  async lookup(iin: string): Promise<Result<Person, PortError>> {
    const parsed = parseIin(iin);
    if (!parsed.ok) return err(portError('INVALID_INPUT', parsed.error.message));
    const messageId = randomUUID();
    const answer = await requestJson(
      'SHEP individuals',
      {
        method: 'POST',
        url: joinUrl(this.config.url, 'sync'),
        body: {
          requestInfo: {
            messageId,
            serviceId: this.config.serviceId,
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
    const person = responseData?.data.person;
    if (person === null || person === undefined)
      return err(portError('NOT_FOUND', `No person with IIN ${iin} in the individuals database`));
    const birthDate = parseLocalDate(person.birthDate.slice(0, 10));
    if (person.iin !== iin || !birthDate.ok)
      return err(portError('BAD_RESPONSE', `SHEP individuals: answer for ${iin} names ${person.iin}`));
    return ok({
      iin,
      surname: person.surname,
      givenName: person.name,
      patronymic: person.patronymic ?? null,
      birthDate: birthDate.value,
      sex: person.gender === 'MALE' ? 'male' : 'female',
    });
  }
}
