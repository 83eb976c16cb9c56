import type {
  CalendarYearInput,
  KindergartenPage,
  CalendarYearView,
  NewPolicyChange,
  NewSettlement,
  NewStaffAccount,
  PolicyOverview,
  StaffAccountView,
  StaffAccountWithPassword,
  StaffDisable,
  StaffPage,
  Territory,
} from '@kezek/contracts';
import { fetchSession } from './auth';
import { ApiError, getJson, isAbortError, parseErrorBody, sendJson } from './client';

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

type PolicyChangeView = PolicyOverview['changes'][number];

export const fetchPolicy = (region: string | undefined, signal?: AbortSignal): Promise<PolicyOverview> =>
  getJson<PolicyOverview>('/api/admin/policy', { region }, withSignal(signal));

export const schedulePolicyChange = (body: NewPolicyChange): Promise<PolicyChangeView> =>
  sendJson<PolicyChangeView>('POST', '/api/admin/policy-changes', body);

export const fetchCalendarYear = (year: number, signal?: AbortSignal): Promise<CalendarYearView> =>
  getJson<CalendarYearView>(`/api/admin/calendar/${year}`, undefined, withSignal(signal));

/**
 * PUT /api/admin/calendar/{year}. The shared client sends only POST and PATCH, so this reads the session's CSRF
 * token afresh and sends the PUT itself, answering failures as the client does.
 */
export const saveCalendarYear = async (year: number, body: CalendarYearInput): Promise<CalendarYearView> => {
  const { csrfToken } = await fetchSession();
  let response: Response;
  try {
    response = await fetch(`/api/admin/calendar/${year}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(csrfToken === null ? {} : { 'x-csrf-token': csrfToken }),
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(error) });
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw parseErrorBody(response.status, answer);
  if (answer === undefined)
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: 'Response is not JSON' });
  return answer as CalendarYearView;
};

export const fetchTerritory = (signal?: AbortSignal): Promise<Territory> =>
  getJson<Territory>('/api/admin/territory', undefined, withSignal(signal));

export const addSettlement = (body: NewSettlement): Promise<Pick<NewSettlement, 'kato' | 'name'>> =>
  sendJson('POST', '/api/admin/settlements', body);

export type StaffFilters = {
  role?: StaffAccountView['role'] | undefined;
  disabled?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export const fetchStaff = (filters: StaffFilters, signal?: AbortSignal): Promise<StaffPage> =>
  getJson<StaffPage>(
    '/api/admin/staff',
    {
      role: filters.role,
      disabled: filters.disabled === undefined ? undefined : String(filters.disabled),
      q: filters.q,
      page: filters.page,
      pageSize: filters.pageSize,
    },
    withSignal(signal),
  );

export const openStaffAccount = (body: NewStaffAccount): Promise<StaffAccountWithPassword> =>
  sendJson<StaffAccountWithPassword>('POST', '/api/admin/staff', body);

export const resetStaffPassword = (id: string): Promise<StaffAccountWithPassword> =>
  sendJson<StaffAccountWithPassword>('POST', `/api/admin/staff/${encodeURIComponent(id)}/password-reset`, {});

export const setStaffDisabled = (id: string, body: StaffDisable): Promise<StaffAccountView> =>
  sendJson<StaffAccountView>('POST', `/api/admin/staff/${encodeURIComponent(id)}/disabled`, body);

/** Kindergartens to choose from when opening a kindergarten staff account (the public directory, one page). */
export const fetchKindergartenChoices = (
  district: string | undefined,
  signal?: AbortSignal,
): Promise<KindergartenPage> =>
  getJson<KindergartenPage>(
    '/api/public/kindergartens',
    { district, page: 1, pageSize: 100 },
    withSignal(signal),
  );
