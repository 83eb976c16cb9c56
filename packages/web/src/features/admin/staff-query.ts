import type { StaffAccountView } from '@kezek/contracts';

export const STAFF_ROLES = ['clerk', 'kindergartenStaff', 'regionalAdmin', 'auditor', 'operator'] as const;
type Role = StaffAccountView['role'];

export type StaffQuery = {
  role: Role | undefined;
  /** `active` (not disabled), `disabled`, or any. */
  state: 'active' | 'disabled' | undefined;
  q: string | undefined;
  page: number;
};

const isRole = (value: string | null): value is Role =>
  value !== null && (STAFF_ROLES as readonly string[]).includes(value);

/** The URL is the state: `?role=clerk&state=disabled&q=…&page=2`. */
export const parseStaffQuery = (search: string): StaffQuery => {
  const params = new URLSearchParams(search);
  const role = params.get('role');
  const state = params.get('state');
  const q = params.get('q')?.trim() ?? '';
  const page = Number(params.get('page'));
  return {
    role: isRole(role) ? role : undefined,
    state: state === 'active' || state === 'disabled' ? state : undefined,
    q: q === '' ? undefined : q.slice(0, 100),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
};

export const formatStaffQuery = (query: StaffQuery): string => {
  const params = new URLSearchParams();
  if (query.role !== undefined) params.set('role', query.role);
  if (query.state !== undefined) params.set('state', query.state);
  if (query.q !== undefined) params.set('q', query.q);
  if (query.page > 1) params.set('page', String(query.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};

export const disabledFilter = (state: StaffQuery['state']): boolean | undefined =>
  state === undefined ? undefined : state === 'disabled';
