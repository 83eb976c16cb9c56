import type { ApplicationReceipt } from '@kezek/contracts';
import { addDays, localDate } from '@kezek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devChildIin } from '../../ports/individuals-port';
import { describeAccessMatrix } from '../../testing/access-matrix';
import { ensureFixtureTerritory, FIXTURE_TERRITORY } from '../../testing/auth-fixtures.repository';
import {
  APPLICANT_IINS,
  loginAs,
  openAuthTestApp,
  type AuthTestApp,
  type Persona,
} from '../../testing/auth-fixtures';
import { readPdf } from './pdf-text.testing';

let t: AuthTestApp;
let rejected: ApplicationReceipt;
let queued: ApplicationReceipt;
let serial = 0;

async function post(persona: Persona, path: string, body: unknown): Promise<Response> {
  const { headers } = await loginAs(t, persona);
  return t.app.request(path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const submit = async (categories: string[]): Promise<ApplicationReceipt> =>
  (await (
    await post('applicantA', '/api/applications', {
      child: {
        iin: devChildIin(APPLICANT_IINS.applicantA, addDays(localDate('2022-05-05'), (serial += 1)), 'male'),
      },
      settlement: FIXTURE_TERRITORY.settlement1,
      smsNumbers: ['+7 701 234 56 78'],
      consent: true,
      categories,
    })
  ).json()) as ApplicationReceipt;

async function pdf(persona: Persona, path: string): Promise<Response> {
  const { headers } = await loginAs(t, persona);
  return t.app.request(path, { headers });
}

beforeAll(async () => {
  t = await openAuthTestApp();
  await ensureFixtureTerritory(t.handle.db, t.clock.now());
  rejected = await submit(['teacher']);
  queued = await submit([]);
  const response = await post('clerkDistrict1', `/api/applications/${rejected.id}/verification`, {
    result: 'rejected',
    version: 1,
    reason: 'incompleteDocuments',
    missingDocuments: ['Жұмыс орнынан анықтама'],
  });
  expect(response.status).toBe(200);
});
afterAll(() => t.close());

describe('refusal receipt PDF', () => {
  it('R-REFUSE-02: the Annex 3 receipt as a Kazakh PDF with the ground, the documents and a QR code', async () => {
    const response = await pdf('applicantA', `/api/applications/${rejected.id}/refusal-receipt.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const contents = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(contents.title).toBe('Құжаттарды қабылдаудан бас тарту туралы қолхат');
    expect(contents.text).toContain('Құжаттарды қабылдаудан бас тарту туралы қолхат');
    expect(contents.text).toContain(rejected.number);
    expect(contents.text).toContain('құжаттар толық емес (R-REFUSE-01)');
    expect(contents.text).toContain('Жұмыс орнынан анықтама');
    expect(contents.text).toContain('Қолхат 2 данада жасалды');
    expect(contents.images).toHaveLength(1);
  });

  it('R-REFUSE-02: in Russian on request, to the clerk of the district too', async () => {
    const response = await pdf(
      'clerkDistrict1',
      `/api/applications/${rejected.id}/refusal-receipt.pdf?lang=ru`,
    );
    expect(response.status).toBe(200);
    const contents = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(contents.text).toContain('Расписка об отказе в приёме документов');
    expect(contents.text).toContain('неполный пакет документов (R-REFUSE-01)');
  });

  it('R-REFUSE-02: no receipt for an application that was not rejected; a bad language names the field', async () => {
    const notRejected = await pdf('applicantA', `/api/applications/${queued.id}/refusal-receipt.pdf`);
    expect(notRejected.status).toBe(409);
    const badLanguage = await pdf(
      'applicantA',
      `/api/applications/${rejected.id}/refusal-receipt.pdf?lang=de`,
    );
    expect(badLanguage.status).toBe(400);
    expect(await badLanguage.json()).toMatchObject({ error: { field: 'lang' } });
  });

  it('another applicant and another district see no receipt (404), the public must sign in (401)', async () => {
    const path = `/api/applications/${rejected.id}/refusal-receipt.pdf`;
    expect((await pdf('applicantB', path)).status).toBe(404);
    expect((await pdf('clerkDistrict2', path)).status).toBe(404);
    expect((await t.app.request(path)).status).toBe(401);
  });
});

// The row addresses a queued application, so that every allowed persona gets a JSON answer (409: no receipt yet)
// instead of a PDF; the access decision comes first, as for the receipt of a rejected one.
describeAccessMatrix<{ queued: string }>(
  "documents — every endpoint × every role; another's record is hidden",
  [
    {
      name: 'refusal receipt PDF (of a queued application)',
      method: 'GET',
      path: (w) => `/api/applications/${w.queued}/refusal-receipt.pdf`,
      missingPath: () => '/api/applications/00000000-0000-4000-8000-00000000dead/refusal-receipt.pdf',
      expect: {
        public: 401,
        applicantA: 409,
        applicantB: 'hidden',
        clerkDistrict1: 409,
        clerkDistrict2: 'hidden',
        kindergartenStaff: 'hidden',
        regionalAdmin: 409,
        auditor: 409,
        operator: 'hidden',
      },
    },
  ],
  () => ({ t, world: { queued: queued.id } }),
);
