import { afterAll, beforeAll } from 'vitest';
import { describeAccessMatrix, everyone } from '../../testing/access-matrix';
import { openAuthTestApp, type AuthTestApp } from '../../testing/auth-fixtures';

let t: AuthTestApp;
beforeAll(async () => {
  t = await openAuthTestApp();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-0000000000ff';
const applicantsOnly = { ...everyone(403), public: 401, applicantA: 200, applicantB: 200 };

describeAccessMatrix<Record<string, never>>(
  'R-ELIG-16: proactive offers — every endpoint × every role (the SMS gateway is tested with its secret)',
  [
    { name: 'my offers', method: 'GET', path: () => '/api/proactive/offers', expect: applicantsOnly },
    {
      name: 'reply to an offer',
      method: 'POST',
      path: () => `/api/proactive/offers/${MISSING}/reply`,
      body: () => ({ answer: 'yes' }),
      expect: { ...everyone(403), public: 401, applicantA: 404, applicantB: 404 },
    },
    {
      name: 'relay an SMS reply without the gateway secret',
      method: 'POST',
      path: () => '/api/sms/replies',
      body: () => ({ from: '+77012345678', text: 'ИӘ' }),
      expect: { ...everyone(403), public: 401 },
    },
  ],
  () => ({ t, world: {} }),
);
