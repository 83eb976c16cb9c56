import type {
  ApplicationPage,
  ApplicationReceipt,
  ApplicationView,
  AuditTrailView,
  ChildrenList,
  ModifyApplication,
  MyNotifications,
  PositionHistoryView,
  PositionView,
  RefusalReceipt,
  StopList,
  SubmitApplication,
  VerifyApplication,
} from '@kezek/contracts';
import { buildUrl, getJson, sendJson } from './client';

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

/** The work-list filters the web app uses (a subset of GET /api/applications). */
export type ApplicationFilters = {
  status?: ApplicationView['status'] | undefined;
  q?: string | undefined;
  slaBreached?: boolean | undefined;
};

const filterParams = (filters: ApplicationFilters) => ({
  status: filters.status,
  q: filters.q,
  slaBreached: filters.slaBreached === true ? 'true' : undefined,
});

export const fetchApplications = (
  filters: ApplicationFilters & { page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<ApplicationPage> =>
  getJson<ApplicationPage>(
    '/api/applications',
    { ...filterParams(filters), page: filters.page, pageSize: filters.pageSize },
    withSignal(signal),
  );

/** A plain link: the browser downloads the CSV with the session cookie. */
export const exportHref = (filters: ApplicationFilters): string =>
  buildUrl('/api/exports/applications', filterParams(filters));

export const fetchApplication = (id: string, signal?: AbortSignal): Promise<ApplicationView> =>
  getJson<ApplicationView>(`/api/applications/${encodeURIComponent(id)}`, undefined, withSignal(signal));

export const fetchPosition = (id: string, signal?: AbortSignal): Promise<PositionView> =>
  getJson<PositionView>(
    `/api/applications/${encodeURIComponent(id)}/position`,
    undefined,
    withSignal(signal),
  );

export const fetchPositionHistory = (id: string, signal?: AbortSignal): Promise<PositionHistoryView> =>
  getJson<PositionHistoryView>(
    `/api/applications/${encodeURIComponent(id)}/position/history`,
    undefined,
    withSignal(signal),
  );

export const fetchAuditTrail = (id: string, signal?: AbortSignal): Promise<AuditTrailView> =>
  getJson<AuditTrailView>(`/api/applications/${encodeURIComponent(id)}/audit`, undefined, withSignal(signal));

export const fetchMyChildren = (signal?: AbortSignal): Promise<ChildrenList> =>
  getJson<ChildrenList>('/api/me/children', undefined, withSignal(signal));

/** The same key on a retry makes the server answer with the first receipt instead of a duplicate. */
export const submitApplication = (
  body: SubmitApplication,
  idempotencyKey: string,
): Promise<ApplicationReceipt> =>
  sendJson<ApplicationReceipt>('POST', '/api/applications', body, {
    headers: { 'idempotency-key': idempotencyKey },
  });

const action = <B>(id: string, path: string, body: B): Promise<ApplicationView> =>
  sendJson<ApplicationView>('POST', `/api/applications/${encodeURIComponent(id)}/${path}`, body);

export const withdrawApplication = (id: string, version: number) => action(id, 'withdrawal', { version });
export const confirmInterest = (id: string) => action(id, 'interest-confirmation', {});
export const verifyApplication = (id: string, body: VerifyApplication) => action(id, 'verification', body);
export const setStopList = (id: string, body: StopList) => action(id, 'stop-list', body);

export const modifyApplication = (id: string, body: ModifyApplication): Promise<ApplicationView> =>
  sendJson<ApplicationView>('PATCH', `/api/applications/${encodeURIComponent(id)}`, body);

export const fetchMyNotifications = (signal?: AbortSignal): Promise<MyNotifications> =>
  getJson<MyNotifications>('/api/me/notifications', undefined, withSignal(signal));

export const fetchRefusalReceipt = (id: string, signal?: AbortSignal): Promise<RefusalReceipt> =>
  getJson<RefusalReceipt>(
    `/api/applications/${encodeURIComponent(id)}/refusal-receipt`,
    undefined,
    withSignal(signal),
  );

/** R-ORDER-07: the applicant's wanted categories; added ones stay pending until a clerk confirms them. */
export const changeCategories = (id: string, version: number, categories: readonly string[]) =>
  action(id, 'categories', { version, categories });
