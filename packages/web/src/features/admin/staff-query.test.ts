import { describe, expect, it } from 'vitest';
import { validateAccount } from './staff-page';
import { disabledFilter, formatStaffQuery, parseStaffQuery } from './staff-query';

describe('staff list query', () => {
  it('round-trips through the address', () => {
    const query = parseStaffQuery('?role=clerk&state=disabled&q=almaly&page=2');
    expect(query).toEqual({ role: 'clerk', state: 'disabled', q: 'almaly', page: 2 });
    expect(formatStaffQuery(query)).toBe('?role=clerk&state=disabled&q=almaly&page=2');
  });

  it('ignores what it does not know', () => {
    expect(parseStaffQuery('?role=king&state=x&page=-1&q=%20')).toEqual({
      role: undefined,
      state: undefined,
      q: undefined,
      page: 1,
    });
    expect(formatStaffQuery({ role: undefined, state: undefined, q: undefined, page: 1 })).toBe('');
  });

  it('turns the state into the API filter', () => {
    expect(disabledFilter('disabled')).toBe(true);
    expect(disabledFilter('active')).toBe(false);
    expect(disabledFilter(undefined)).toBeUndefined();
  });
});

describe('opening an account', () => {
  const draft = {
    login: 'clerk.new',
    fullName: 'Асанов Ерлан',
    role: 'clerk' as const,
    district: '751110000',
    kindergarten: '',
  };
  it('asks a clerk for a district and kindergarten staff for a kindergarten', () => {
    expect(validateAccount(draft)).toEqual({});
    expect(validateAccount({ ...draft, district: '' })).toEqual({ district: 'district' });
    expect(validateAccount({ ...draft, role: 'kindergartenStaff', district: '' })).toEqual({
      kindergarten: 'kindergarten',
    });
    expect(validateAccount({ ...draft, role: 'auditor', district: '' })).toEqual({});
  });

  it('checks the login and the name as the API does', () => {
    expect(validateAccount({ ...draft, login: 'Clerk' })).toEqual({ login: 'login' });
    expect(validateAccount({ ...draft, login: '1abc' })).toEqual({ login: 'login' });
    expect(validateAccount({ ...draft, fullName: 'AB' })).toEqual({ fullName: 'fullName' });
  });
});
