import type { KindergartenPage, Overview, SettlementList } from '@kezek/contracts';
import type { KindergartenListQuery } from '../features/public/kindergarten-query';
import { getJson } from './client';

export const fetchOverview = (signal?: AbortSignal): Promise<Overview> =>
  getJson<Overview>('/api/public/overview', undefined, signal ? { signal } : {});

export const fetchKindergartens = (
  query: KindergartenListQuery,
  signal?: AbortSignal,
): Promise<KindergartenPage> =>
  getJson<KindergartenPage>(
    '/api/public/kindergartens',
    {
      page: query.page,
      pageSize: query.pageSize,
      district: query.district,
      ownership: query.ownership,
      language: query.language,
      q: query.q,
    },
    signal ? { signal } : {},
  );

/** R-QUEUE-07: the settlements one applies in, with their district. */
export const fetchSettlements = (signal?: AbortSignal): Promise<SettlementList> =>
  getJson<SettlementList>('/api/public/settlements', undefined, signal ? { signal } : {});
