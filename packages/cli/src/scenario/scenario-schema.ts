import {
  parseInstant,
  parseLocalDate,
  parsePolicyOverrides,
  parseQueueKind,
  parseYearCalendar,
  type Result,
} from '@kezek/domain';
import { z } from 'zod';

/** A string parsed by a domain parser; its error becomes the zod issue. */
const parsed = <T>(parse: (text: string) => Result<T>) =>
  z.string().transform((text, ctx): T => {
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });

const ZAt = parsed(parseInstant);
const ZDate = parsed(parseLocalDate);
const ZQueue = parsed(parseQueueKind);
const ZRef = z.string().min(1);

const ZPolicy = z.object({
  do: z.literal('policy'),
  set: z.record(z.string(), z.unknown()).transform((set, ctx) => {
    const result = parsePolicyOverrides(set);
    if (result.ok) return result.value;
    for (const problem of result.error)
      ctx.addIssue({ code: 'custom', path: ['set', problem.field], message: problem.message });
    return z.NEVER;
  }),
});

const ZCalendar = z
  .object({
    do: z.literal('calendar'),
    year: z.number().int().min(1).max(9999),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
  })
  .transform(({ year, holidays, workdays, ...rest }, ctx) => {
    const result = parseYearCalendar(year, { holidays, workdays });
    if (result.ok) return { ...rest, year, calendar: result.value };
    for (const problem of result.error) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });

const ZKindergarten = z.object({
  do: z.literal('kindergarten'),
  ref: ZRef,
  settlement: z.string().regex(/^\d{9}$/, 'a KATO code is 9 digits'),
  ownership: z.enum(['state', 'private']),
  name: z.string().optional(),
  languages: z.array(z.string()).optional(),
});

const ZApply = z.object({
  do: z.literal('apply'),
  ref: ZRef,
  child: z.object({
    ref: ZRef,
    birthDate: ZDate,
    iin: z.string().optional(),
    sen: z.boolean().default(false),
    pmpc: z.boolean().default(false),
  }),
  applicant: ZRef,
  settlement: z.string().regex(/^\d{9}$/, 'a KATO code is 9 digits'),
  queue: ZQueue,
  categories: z.array(z.string()).default([]),
  verified: z.boolean().default(true),
  language: z.string().optional(),
});

const ZApplicationRef = { application: ZRef };

const ZPlace = z
  .object({
    do: z.literal('place'),
    ref: ZRef,
    kindergarten: ZRef,
    count: z.number().int().min(1),
    age: z.number().int().min(0).max(7).optional(),
    birthYear: z.number().int().min(1900).max(9999).optional(),
    queue: ZQueue.default('general'),
    language: z.string().optional(),
    mode: z.enum(['full', 'half', '24h']),
    admission: z.enum(['general', 'earlyBooking', 'temporary']),
    freeFrom: ZDate.optional(),
    until: ZDate.optional(),
    startDate: ZDate.optional(),
  })
  .refine((place) => place.age !== undefined || place.birthYear !== undefined, {
    message: 'a place needs `age` or `birthYear`',
  });

const ZEvent = z.discriminatedUnion('do', [
  ZPolicy,
  ZCalendar,
  ZKindergarten,
  ZApply,
  z.object({
    do: z.literal('verify'),
    ...ZApplicationRef,
    result: z.enum(['confirmed', 'rejected']),
    reason: z.string().optional(),
  }),
  z.object({ do: z.literal('categories'), ...ZApplicationRef, categories: z.array(z.string()) }),
  z.object({ do: z.literal('withdraw'), ...ZApplicationRef }),
  z.object({ do: z.literal('stoplist'), ...ZApplicationRef, on: z.boolean(), reason: z.string().optional() }),
  z.object({ do: z.literal('confirmInterest'), ...ZApplicationRef }),
  ZPlace,
  z.object({ do: z.literal('free'), place: ZRef }),
  z.object({
    do: z.literal('revoke'),
    place: ZRef,
    count: z.number().int().min(1),
    reason: z.enum(['capitalRepair', 'quarantine', 'stateOrderCancelled', 'closure']),
  }),
  z.object({
    do: z.literal('claim'),
    ref: ZRef,
    application: z.union([ZRef, z.array(ZRef).min(1)]),
    place: ZRef,
  }),
  z.object({ do: z.literal('cancelReferral'), referral: ZRef }),
  z.object({
    do: z.literal('extendReferral'),
    referral: ZRef,
    days: z.number().int().min(1),
    reason: z.enum(['illness', 'treatment', 'businessTrip', 'leave']),
  }),
  z.object({
    do: z.literal('confirmReferral'),
    referral: ZRef,
    result: z.enum(['confirmed', 'privilegeNotConfirmed', 'identityNotConfirmed']),
  }),
  z.object({ do: z.literal('admit'), referral: ZRef }),
  z.object({
    do: z.literal('refuseAdmission'),
    referral: ZRef,
    reason: z.enum(['missingDocuments', 'expiredDocuments', 'medicalContraindication']),
  }),
  z.object({ do: z.literal('snapshot'), label: z.string() }),
  z.object({ do: z.literal('tick') }),
]);

/** One line of a scenario (scenario-format.md): `at`, `do` and the fields of its kind. */
export const ZScenarioLine = z.object({ at: ZAt }).and(ZEvent);

export type ScenarioLine = z.output<typeof ZScenarioLine>;
