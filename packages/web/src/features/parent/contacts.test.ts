import { describe, expect, it } from 'vitest';
import { contactProblems, normalizeContacts } from './contacts';

const draft = { sms1: '', sms2: '', email: '', language: 'kk' as const };

describe('contacts', () => {
  it('R-NOTIF-01: keeps at most the two SMS numbers typed, without spaces, and an optional e-mail', () => {
    expect(normalizeContacts({ ...draft, sms1: '+7 701 234 56 78', sms2: ' ' })).toEqual({
      smsNumbers: ['+77012345678'],
      email: undefined,
      language: 'kk',
    });
    expect(normalizeContacts({ ...draft, sms2: '8 (702) 111-22-33', email: ' a@b.kz ' })).toEqual({
      smsNumbers: ['87021112233'],
      email: 'a@b.kz',
      language: 'kk',
    });
  });

  it('flags a number or e-mail that cannot be right while typing; empty boxes are fine', () => {
    expect(contactProblems(draft)).toEqual({});
    expect(contactProblems({ ...draft, sms1: '+7 701 234 56 78', email: 'a@b.kz' })).toEqual({});
    expect(contactProblems({ ...draft, sms1: '12345', sms2: '+7 701 234', email: 'nope' })).toEqual({
      sms1: true,
      sms2: true,
      email: true,
    });
  });
});
