import type { KindergartenListQuery, KindergartenSummary } from '@kezek/contracts';
import type { Db } from '@kezek/db';
import { sql } from 'kysely';

export type DistrictFiguresRow = {
  region_kato: string;
  region_kk: string;
  region_ru: string;
  region_en: string;
  kato: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  kindergartens: number;
  groups: number;
  capacity: number;
  queued: number;
  pending: number;
};

export type PublicRepository = ReturnType<typeof publicRepository>;

/** A half-open period [from, to) and, optionally, one district. */
export type Period = { from: Date; to: Date; district: string | undefined };

export function publicRepository(db: Db) {
  const referralsIssuedIn = (period: Period) =>
    db
      .selectFrom('referrals as r')
      .innerJoin('applications as a', 'a.id', 'r.application_id')
      .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
      .where('r.issued_at', '>=', period.from)
      .where('r.issued_at', '<', period.to)
      .$if(period.district !== undefined, (q) => q.where('s.district_kato', '=', period.district ?? ''));
  return {
    /** Anonymised counts per district; no personal data leaves this query. */
    /** R-QUEUE-07: settlements with their district and how many kindergartens each has, by district then name. */
    settlements: (district: string | undefined) => {
      const query = db
        .selectFrom('settlements as s')
        .innerJoin('districts as d', 'd.kato', 's.district_kato')
        .leftJoin('kindergartens as k', 'k.settlement_kato', 's.kato')
        .select((eb) => [
          's.kato',
          's.name_kk',
          's.name_ru',
          's.name_en',
          'd.kato as district_kato',
          'd.name_kk as district_kk',
          'd.name_ru as district_ru',
          'd.name_en as district_en',
          eb.fn.count<number>('k.id').as('kindergartens'),
        ])
        .groupBy(['s.kato', 'd.kato'])
        .orderBy('d.kato')
        .orderBy('s.name_kk');
      return (district === undefined ? query : query.where('s.district_kato', '=', district)).execute();
    },

    async districtFigures(): Promise<DistrictFiguresRow[]> {
      const kg = db
        .selectFrom('kindergartens as k')
        .innerJoin('settlements as s', 's.kato', 'k.settlement_kato')
        .leftJoin('groups as g', 'g.kindergarten_id', 'k.id')
        .select([
          's.district_kato',
          sql<number>`count(DISTINCT k.id)::int`.as('kindergartens'),
          sql<number>`count(g.id)::int`.as('groups'),
          sql<number>`coalesce(sum(g.capacity), 0)::int`.as('capacity'),
        ])
        .groupBy('s.district_kato');
      const apps = db
        .selectFrom('applications as a')
        .innerJoin('settlements as s', 's.kato', 'a.settlement_kato')
        .select([
          's.district_kato',
          sql<number>`count(*) FILTER (WHERE a.status = 'queued')::int`.as('queued'),
          sql<number>`count(*) FILTER (WHERE a.status = 'pending')::int`.as('pending'),
        ])
        .groupBy('s.district_kato');
      return db
        .selectFrom('districts as d')
        .innerJoin('regions as r', 'r.kato', 'd.region_kato')
        .leftJoin(kg.as('kg'), 'kg.district_kato', 'd.kato')
        .leftJoin(apps.as('ap'), 'ap.district_kato', 'd.kato')
        .select([
          'r.kato as region_kato',
          'r.name_kk as region_kk',
          'r.name_ru as region_ru',
          'r.name_en as region_en',
          'd.kato',
          'd.name_kk',
          'd.name_ru',
          'd.name_en',
          sql<number>`coalesce(kg.kindergartens, 0)`.as('kindergartens'),
          sql<number>`coalesce(kg.groups, 0)`.as('groups'),
          sql<number>`coalesce(kg.capacity, 0)`.as('capacity'),
          sql<number>`coalesce(ap.queued, 0)`.as('queued'),
          sql<number>`coalesce(ap.pending, 0)`.as('pending'),
        ])
        .orderBy('r.kato')
        .orderBy('d.kato')
        .execute();
    },

    async kindergartens(
      query: KindergartenListQuery,
    ): Promise<{ items: KindergartenSummary[]; total: number }> {
      let base = db
        .selectFrom('kindergartens as k')
        .innerJoin('settlements as s', 's.kato', 'k.settlement_kato')
        .innerJoin('districts as d', 'd.kato', 's.district_kato');
      if (query.district !== undefined) base = base.where('d.kato', '=', query.district);
      if (query.ownership !== undefined) base = base.where('k.ownership', '=', query.ownership);
      if (query.language !== undefined) {
        const language = query.language;
        base = base.where((eb) =>
          eb.exists(
            eb
              .selectFrom('groups as lg')
              .whereRef('lg.kindergarten_id', '=', 'k.id')
              .where('lg.language', '=', language),
          ),
        );
      }
      if (query.q !== undefined) {
        const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        base = base.where((eb) =>
          eb.or([
            eb('k.name_kk', 'ilike', pattern),
            eb('k.name_ru', 'ilike', pattern),
            eb('k.name_en', 'ilike', pattern),
          ]),
        );
      }
      const [rows, count] = await Promise.all([
        base
          .leftJoin('groups as g', 'g.kindergarten_id', 'k.id')
          .select([
            'k.id',
            'k.bin',
            'k.name_kk',
            'k.name_ru',
            'k.name_en',
            'k.ownership',
            'k.state_order',
            'k.address',
            'd.kato as district_kato',
            'd.name_kk as district_kk',
            'd.name_ru as district_ru',
            'd.name_en as district_en',
            sql<
              string[]
            >`coalesce(array_agg(DISTINCT g.language) FILTER (WHERE g.language IS NOT NULL), '{}')`.as(
              'languages',
            ),
            sql<number>`count(g.id)::int`.as('groups'),
            sql<number>`coalesce(sum(g.capacity), 0)::int`.as('capacity'),
          ])
          .groupBy(['k.id', 'd.kato'])
          .orderBy('k.name_kk')
          .orderBy('k.id')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: count.total,
        items: rows.map((row) => ({
          id: row.id,
          bin: row.bin,
          name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
          district: {
            kato: row.district_kato,
            name: { kk: row.district_kk, ru: row.district_ru, en: row.district_en },
          },
          ownership: row.ownership,
          stateOrder: row.state_order,
          address: row.address,
          languages: [...row.languages].sort(),
          groups: row.groups,
          capacity: row.capacity,
        })),
      };
    },

    /** Referrals issued in [from, to) counted per (categories, used privilege, status): no row is personal. */
    referralTally: (period: Period) =>
      referralsIssuedIn(period)
        .select(['a.categories', 'a.privilege_used', 'r.status', sql<number>`count(*)::int`.as('count')])
        .groupBy(['a.categories', 'a.privilege_used', 'r.status'])
        .execute(),

    /** Days from application to referral, for the referrals issued in the period. */
    waitDays: (period: Period) =>
      referralsIssuedIn(period)
        .select([
          sql<number>`count(*)::int`.as('referrals'),
          sql<
            number | null
          >`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.issued_at - a.submitted_at) / 86400)`.as(
            'median',
          ),
          sql<
            number | null
          >`percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.issued_at - a.submitted_at) / 86400)`.as(
            'p90',
          ),
        ])
        .executeTakeFirstOrThrow(),

    /** Units revoked in the period, per kindergarten and legal reason (R-KG-03). */
    revocationsByKindergarten: (period: Period) =>
      db
        .selectFrom('place_revocations as v')
        .innerJoin('places as p', 'p.id', 'v.place_id')
        .innerJoin('kindergartens as k', 'k.id', 'p.kindergarten_id')
        .innerJoin('settlements as s', 's.kato', 'k.settlement_kato')
        .where('v.revoked_at', '>=', period.from)
        .where('v.revoked_at', '<', period.to)
        .where('v.reason', 'is not', null)
        .$if(period.district !== undefined, (q) => q.where('s.district_kato', '=', period.district ?? ''))
        .select([
          'k.id',
          'k.name_kk',
          'k.name_ru',
          'k.name_en',
          'v.reason',
          sql<number>`sum(cardinality(v.published_units))::int`.as('count'),
        ])
        .groupBy(['k.id', 'k.name_kk', 'k.name_ru', 'k.name_en', 'v.reason'])
        .execute(),

    /** Admissions refused in the period, per kindergarten and legal reason (R-ADM-04). */
    refusalsByKindergarten: (period: Period) =>
      db
        .selectFrom('admissions as d')
        .innerJoin('referrals as r', 'r.id', 'd.referral_id')
        .innerJoin('places as p', 'p.id', 'r.place_id')
        .innerJoin('kindergartens as k', 'k.id', 'p.kindergarten_id')
        .innerJoin('settlements as s', 's.kato', 'k.settlement_kato')
        .where('d.decision', '=', 'refused')
        .where('d.decided_at', '>=', period.from)
        .where('d.decided_at', '<', period.to)
        .$if(period.district !== undefined, (q) => q.where('s.district_kato', '=', period.district ?? ''))
        .select([
          'k.id',
          'k.name_kk',
          'k.name_ru',
          'k.name_en',
          'd.reason',
          sql<number>`count(*)::int`.as('count'),
        ])
        .groupBy(['k.id', 'k.name_kk', 'k.name_ru', 'k.name_en', 'd.reason'])
        .execute(),
  };
}
