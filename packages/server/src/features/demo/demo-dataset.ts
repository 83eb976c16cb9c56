import { REJECTION_REASONS } from '@kezek/contracts';
import type {
  ApplicantsTable,
  ApplicationsTable,
  ChildrenTable,
  DistrictsTable,
  GroupsTable,
  KindergartensTable,
  QueueEventsTable,
  QueueStateTable,
  RegionsTable,
  SettlementsTable,
} from '@kezek/db';
import {
  DEFAULT_POLICY,
  localDate,
  orderingGroup,
  queueAgeEnds,
  seededRandom,
  startOfLocalDay,
} from '@kezek/domain';
import type { Insertable } from 'kysely';
import { applicationNumber } from '../applications/application-number';
import { demoPlaces, type DemoPlaces } from './demo-places';
import { demoReferrals, type DemoReferrals } from './demo-referrals';
import { KINDERGARTEN_NAMES, NAMES, STREETS, feminineSurname, patronymicOf } from './demo-names';

/**
 * Deterministic demo data: the same anchor day always yields the same rows (seeded PRNG, no clock, no randomness).
 * One city of republican significance with two districts; KATO codes per the national classifier
 * (Almaty 750000000; Almaly district 751110000; Auezov district 751310000).
 */
export type DemoDataset = {
  regions: Insertable<RegionsTable>[];
  districts: Insertable<DistrictsTable>[];
  settlements: Insertable<SettlementsTable>[];
  kindergartens: Insertable<KindergartensTable>[];
  groups: Insertable<GroupsTable>[];
  applicants: Insertable<ApplicantsTable>[];
  children: Insertable<ChildrenTable>[];
  applications: Insertable<ApplicationsTable>[];
  /** R-ORDER-06: the queues' histories (registrations and later changes), so position histories have content. */
  queueEvents: Insertable<QueueEventsTable>[];
  queueStates: Insertable<QueueStateTable>[];
  /** Places reported two days ago, waiting for the bulletin (demo-places.ts). */
  places: DemoPlaces['places'];
  placeUnits: DemoPlaces['placeUnits'];
  /** Referrals of a past window: running (application referred) or admitted (enrolled); demo-referrals.ts. */
  referrals: DemoReferrals['referrals'];
  admissions: DemoReferrals['admissions'];
};

export type DemoIdentity = {
  /** A valid IIN for this birth date and sex; `serial` makes it unique. */
  iin: (birthDate: string, sex: 'male' | 'female', serial: number) => string;
  /** A valid BIN of a legal entity registered on that date. */
  bin: (registeredOn: string, serial: number) => string;
};

const REGION = {
  kato: '750000000',
  name_kk: 'Алматы қаласы',
  name_ru: 'город Алматы',
  name_en: 'Almaty city',
};
const DISTRICTS = [
  {
    kato: '751110000',
    region_kato: REGION.kato,
    name_kk: 'Алмалы ауданы',
    name_ru: 'Алмалинский район',
    name_en: 'Almaly district',
  },
  {
    kato: '751310000',
    region_kato: REGION.kato,
    name_kk: 'Әуезов ауданы',
    name_ru: 'Ауэзовский район',
    name_en: 'Auezov district',
  },
] as const;

const DISORDERS = ['speech', 'visual', 'hearing', 'musculoskeletal', 'mentalDelay'] as const;
const PROFILES = ['respiratory', 'tuberculosisPrevention'] as const;
const OUT_OF_TURN = ['military', 'specialStateBody', 'lawEnforcement'] as const;
const FIRST_PRIORITY = [
  'teacher',
  'disabledParent',
  'orphan',
  'noParentalCare',
  'largeFamily',
  'disabledChildInFamily',
] as const;

/** Draws for demo data from a seeded generator: the same on every machine. */
function prng(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = ((int(0, 15) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { int, pick, chance, uuid };
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateDemoDataset(anchor: Date, identity: DemoIdentity, seed = 254): DemoDataset {
  const rnd = prng(seed);
  const today = Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth(), anchor.getUTCDate());
  const createdAt = new Date(today - 400 * DAY_MS);

  const kindergartens: DemoDataset['kindergartens'] = [];
  const groups: DemoDataset['groups'] = [];
  KINDERGARTEN_NAMES.forEach(([kk, ru, en], index) => {
    const district = DISTRICTS[index % 2] as (typeof DISTRICTS)[number];
    const number = 10 + index * 7;
    const ownership = index % 5 === 4 ? 'private' : 'state';
    const id = rnd.uuid();
    kindergartens.push({
      id,
      bin: identity.bin(isoDay(today - (3000 + index * 37) * DAY_MS), index + 1),
      name_kk:
        ownership === 'state' ? `№ ${number} «${kk}» бөбекжай-балабақшасы` : `«${kk}» жеке балабақшасы`,
      name_ru: ownership === 'state' ? `Ясли-сад № ${number} «${ru}»` : `Частный детский сад «${ru}»`,
      name_en:
        ownership === 'state' ? `Nursery school No. ${number} "${en}"` : `"${en}" private kindergarten`,
      settlement_kato: district.kato,
      ownership,
      state_order: true,
      address: `${rnd.pick(STREETS[district.kato])}, ${rnd.int(1, 180)}`,
      phone: `+7 727 ${rnd.int(200, 399)} ${String(rnd.int(0, 99)).padStart(2, '0')} ${String(rnd.int(0, 99)).padStart(2, '0')}`,
      created_at: createdAt,
    });
    const special = index % 5 === 0;
    for (let age = 1; age <= 5; age += 1) {
      const languages = ownership === 'private' || rnd.chance(0.35) ? ['kk', 'ru'] : ['kk'];
      for (const language of languages) {
        groups.push({
          id: rnd.uuid(),
          kindergarten_id: id,
          age_group: `${age}-${language}`,
          age,
          language,
          group_type: 'general',
          specialization: null,
          mode: ownership === 'private' && rnd.chance(0.3) ? 'half' : 'full',
          capacity: age === 1 ? 15 : rnd.int(20, 25),
        });
      }
    }
    if (special) {
      const disorder = DISORDERS[(index / 5) % DISORDERS.length] as string;
      groups.push({
        id: rnd.uuid(),
        kindergarten_id: id,
        age_group: `special-${disorder}`,
        age: 4,
        language: 'kk',
        group_type: 'special',
        specialization: disorder,
        mode: 'full',
        capacity: 10,
      });
    }
    if (index === 7) {
      groups.push({
        id: rnd.uuid(),
        kindergarten_id: id,
        age_group: 'sanatorium-respiratory',
        age: 3,
        language: 'ru',
        group_type: 'sanatorium',
        specialization: 'respiratory',
        mode: 'full',
        capacity: 15,
      });
    }
  });

  const applicants: DemoDataset['applicants'] = [];
  const children: DemoDataset['children'] = [];
  const applications: DemoDataset['applications'] = [];
  let serial = 0;
  for (let a = 0; a < 320; a += 1) {
    const kazakh = rnd.chance(0.75);
    const pool = kazakh ? NAMES.kazakh : NAMES.russian;
    const parentSex = rnd.chance(0.7) ? 'female' : 'male';
    const familySurname = rnd.pick(pool.surnames);
    const parentBirth = isoDay(today - rnd.int(22 * 365, 42 * 365) * DAY_MS);
    const applicantId = rnd.uuid();
    const mobile = `+7 7${rnd.pick(['01', '02', '05', '07', '47', '71', '77'])} ${rnd.int(100, 999)} ${String(rnd.int(0, 99)).padStart(2, '0')} ${String(rnd.int(0, 99)).padStart(2, '0')}`;
    const email = rnd.chance(0.5) ? `parent${a + 1}@example.kz` : null;
    const language = kazakh ? 'kk' : 'ru';
    applicants.push({
      id: applicantId,
      iin: identity.iin(parentBirth, parentSex, (serial += 1)),
      surname: parentSex === 'female' ? feminineSurname(familySurname) : familySurname,
      given_name: rnd.pick(pool[parentSex]),
      patronymic: null,
      phone: mobile,
      email,
      preferred_language: language,
      created_at: createdAt,
    });
    const district = rnd.pick(DISTRICTS);
    const siblings = rnd.chance(0.12) ? 2 : 1;
    const familyCategories = rnd.chance(0.04)
      ? [rnd.pick(OUT_OF_TURN)]
      : rnd.chance(0.14)
        ? [rnd.pick(FIRST_PRIORITY)]
        : [];
    for (let s = 0; s < siblings; s += 1) {
      const sex = rnd.chance(0.5) ? 'male' : 'female';
      // Up to 6½ years: some children are past the queue age and archived (R-SYS-10).
      const birthMs = today - rnd.int(200, 6 * 365 + 180) * DAY_MS;
      const birthDate = isoDay(birthMs);
      const sen = rnd.chance(0.05);
      const ageEnds = queueAgeEnds(
        { birthDate: localDate(birthDate), sen, pmpcConclusion: sen },
        DEFAULT_POLICY,
      );
      const archivedOn = ageEnds === undefined ? Infinity : startOfLocalDay(ageEnds);
      const fatherIndex = rnd.int(0, 7);
      const childId = rnd.uuid();
      children.push({
        id: childId,
        applicant_id: applicantId,
        iin: identity.iin(birthDate, sex, (serial += 1)),
        surname: sex === 'female' ? feminineSurname(familySurname) : familySurname,
        given_name: rnd.pick(pool[sex]),
        patronymic: patronymicOf(kazakh, fatherIndex, sex),
        birth_date: birthDate,
        sex,
        sen,
        pmpc_conclusion: sen,
        created_at: createdAt,
      });
      const queues = sen
        ? ['general', `special:${rnd.pick(DISORDERS)}`]
        : rnd.chance(0.03)
          ? [`sanatorium:${rnd.pick(PROFILES)}`]
          : ['general'];
      for (const queue of queues) {
        const submittedMs =
          Math.max(birthMs + 20 * DAY_MS, today - rnd.int(1, 700) * DAY_MS) +
          rnd.int(9 * 3600, 17 * 3600) * 1000;
        // Applied while within the queue age (R-ELIG-03): at least a day before the archive date.
        const submittedAt = new Date(Math.min(submittedMs, today - DAY_MS, archivedOn - DAY_MS));
        const verifiedAt = new Date(submittedAt.getTime() + rnd.int(5, 30) * 60_000);
        const fate = lifecycle(rnd, { submittedAt, verifiedAt, archivedOn, today });
        applications.push({
          id: rnd.uuid(),
          number: '',
          child_id: childId,
          applicant_id: applicantId,
          settlement_kato: district.kato,
          birth_year: Number(birthDate.slice(0, 4)),
          queue,
          sms_numbers: [mobile],
          email,
          categories: sen && queue === 'general' ? ['sen', ...familyCategories] : familyCategories,
          status: fate.status,
          channel: rnd.pick(['portal', 'portal', 'portal', 'stateCorp', 'office'] as const),
          language,
          submitted_at: submittedAt,
          check_due_at: new Date(submittedAt.getTime() + 30 * 60_000),
          verified_at: fate.queuedAt,
          interest_confirmed_at: fate.interestConfirmedAt,
          status_reason: fate.reason,
          idempotency_key: null,
          updated_at: fate.changedAt,
        });
      }
    }
  }
  applications.sort((x, y) => (x.submitted_at as Date).getTime() - (y.submitted_at as Date).getTime());
  applications.forEach((application, index) => {
    application.registration_seq = index + 1;
    application.number = applicationNumber(application.settlement_kato, index + 1);
  });

  const waiting = demoPlaces(kindergartens, groups, today, rnd.uuid);
  const allocated = demoReferrals(applications, kindergartens, groups, today, rnd.uuid);
  const { queueEvents, queueStates } = queueHistories(applications);
  return {
    regions: [REGION],
    districts: [...DISTRICTS],
    settlements: DISTRICTS.map(({ kato, name_kk, name_ru, name_en }) => ({
      kato,
      district_kato: kato,
      name_kk,
      name_ru,
      name_en,
    })),
    kindergartens,
    groups,
    applicants,
    children,
    applications,
    queueEvents,
    queueStates,
    ...waiting,
    places: [...waiting.places, ...allocated.places],
    placeUnits: [...waiting.placeUnits, ...allocated.placeUnits],
    referrals: allocated.referrals,
    admissions: allocated.admissions,
  };
}

type Fate = {
  status: Insertable<ApplicationsTable>['status'];
  reason: string | null;
  /** When it entered the queue (verified), or null if it never did. */
  queuedAt: Date | null;
  /** When it last changed status (archived, stopped, withdrawn …); submission or queuing otherwise. */
  changedAt: Date;
  interestConfirmedAt: Date | null;
};

/** Some whole days after `from`, before `to`: when a later change happened. */
const between = (rnd: ReturnType<typeof prng>, from: Date, to: number): Date =>
  new Date(
    Math.min(
      from.getTime() + rnd.int(1, Math.max(1, Math.floor((to - from.getTime()) / DAY_MS) - 1)) * DAY_MS,
      to - 60_000,
    ),
  );

/**
 * Every status of spec §5.1 the server has now, in plausible proportions: pending with its 30-minute check long
 * breached (the clerks' SLA work list), rejected with the clerk's reasons or for originals never shown
 * (R-ELIG-15), withdrawn, stopped, archived for age (R-SYS-10, on the day queueAgeEnds says) or for lapsed
 * interest (R-SYS-13, a year and its grace after the last confirmation). Children past the queue age are
 * archived, so the queue never holds one.
 */
function lifecycle(
  rnd: ReturnType<typeof prng>,
  at: { submittedAt: Date; verifiedAt: Date; archivedOn: number; today: number },
): Fate {
  const { submittedAt, verifiedAt, archivedOn, today } = at;
  const queued = (changedAt = verifiedAt): Fate => ({
    status: 'queued',
    reason: null,
    queuedAt: verifiedAt,
    changedAt,
    interestConfirmedAt: null,
  });
  if (archivedOn <= today) return { ...queued(new Date(archivedOn)), status: 'archived', reason: 'ageLimit' };
  const roll = rnd.int(0, 99);
  if (roll < 6) return { ...queued(submittedAt), status: 'pending', queuedAt: null };
  if (roll < 9)
    return { ...queued(between(rnd, verifiedAt, today)), status: 'stopped', reason: 'referralExpired' };
  if (roll < 12)
    return { ...queued(between(rnd, verifiedAt, today)), status: 'withdrawn', reason: 'byApplicant' };
  if (roll < 15) {
    const reason = rnd.chance(0.3) ? 'ORIGINALS_NOT_PRESENTED' : rnd.pick(REJECTION_REASONS);
    return { ...queued(verifiedAt), status: 'rejected', reason, queuedAt: null };
  }
  // R-SYS-13: 12 months (365 or 366 days) and the grace days; before the shorter reckoning ends it is not due,
  // after the longer one it has lapsed — archived (notInterested), or else confirmed within the last year.
  const grace = DEFAULT_POLICY.interestGraceDays;
  if (submittedAt.getTime() + (365 + grace - 1) * DAY_MS >= today) return queued();
  const lapsed = submittedAt.getTime() + (366 + grace) * DAY_MS;
  if (roll < 18 && lapsed < today)
    return { ...queued(new Date(lapsed)), status: 'archived', reason: 'notInterested' };
  return { ...queued(), interestConfirmedAt: new Date(today - rnd.int(10, 330) * DAY_MS) };
}

const LEFT_QUEUE: Readonly<Record<string, string>> = {
  referred: 'referred',
  enrolled: 'referred',
  stopped: 'stopped',
  withdrawn: 'withdrawn',
  archived: 'archived',
};

/** R-ORDER-06: each queued application's registration and the change that took it out, in time order. */
function queueHistories(applications: readonly Insertable<ApplicationsTable>[]) {
  const events = applications.flatMap((a) => {
    if (a.verified_at === null || a.verified_at === undefined) return [];
    const key = `${a.settlement_kato}/${a.birth_year}/${a.queue}`;
    const data = JSON.stringify({ group: orderingGroup(a.categories ?? [], false) });
    const registered = { queue_key: key, at: a.verified_at, kind: 'registered', application_id: a.id, data };
    const left = LEFT_QUEUE[a.status];
    return left === undefined
      ? [registered]
      : [registered, { queue_key: key, at: a.updated_at, kind: left, application_id: a.id, data }];
  });
  events.sort((x, y) => new Date(x.at).getTime() - new Date(y.at).getTime());
  const versions = new Map<string, number>();
  for (const event of events) versions.set(event.queue_key, (versions.get(event.queue_key) ?? 0) + 1);
  return {
    queueEvents: events,
    queueStates: [...versions].map(([queue_key, version]) => ({ queue_key, version })),
  };
}
