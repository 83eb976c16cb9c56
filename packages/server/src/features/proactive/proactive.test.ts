import type { ApplicationView, ErrorBody, IncomingSmsResult, ProactiveReplyResult } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../compose';
import { DEFAULT_RULES } from '../../platform/rules';
import { logInApplicant, loginAs } from '../../testing/auth-fixtures';
import {
  fastTestHash,
  openTestApp,
  silentLog,
  TEST_NOW,
  TEST_PASSWORDS,
  type TestApp,
} from '../../testing/test-app';
import { seedDemoData } from '../demo/seed-demo-data';
import { pollBirthEventsJob } from './poll-birth-events.job';
import { readSmsAnswer } from './receive-sms-reply';

const GATEWAY_SECRET = 'test-gateway-secret-0001';
const ctx = { log: silentLog, attempt: 1 };

let t: TestApp;
let gateway: ReturnType<typeof composeApp>;
let job: ReturnType<typeof pollBirthEventsJob>;

beforeAll(async () => {
  t = await openTestApp();
  // The development civil registry reports births in the demo's settlements (Almaly, Auezov).
  await seedDemoData(t.handle.db, t.clock.now(), silentLog, fastTestHash);
  job = pollBirthEventsJob({
    db: t.handle.db,
    civilRegistry: t.ports.civilRegistry,
    individuals: t.ports.individuals,
    rules: DEFAULT_RULES,
    log: silentLog,
  });
  // The same app as openTestApp's, with the SMS gateway's callback secret configured.
  gateway = composeApp({
    db: t.handle.db,
    engine: t.handle.engine,
    clock: t.clock,
    log: silentLog,
    ports: t.ports,
    bodyLimitBytes: 100_000,
    passwords: TEST_PASSWORDS,
    smsReplySecret: GATEWAY_SECRET,
  });
  await job.handler(t.clock.now(), ctx);
});
afterAll(() => t.close());

const offers = () =>
  t.handle.db.selectFrom('proactive_offers').selectAll().orderBy('registered_at').execute();

async function openOffer(index: number) {
  const open = (await offers()).filter((o) => o.status === 'offered' && !o.one_application);
  const offer = open[index];
  if (offer === undefined) throw new Error(`no open offer #${index}`);
  return offer;
}

async function replyAsParent(parentIin: string, id: string, answer: 'yes' | 'no') {
  const { headers } = await logInApplicant(t, parentIin);
  return t.app.request(`/api/proactive/offers/${id}/reply`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ answer }),
  });
}

const replyAsGateway = (id: string, answer: 'yes' | 'no', secret = GATEWAY_SECRET) =>
  gateway.request(`/api/proactive/offers/${id}/reply`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sms-gateway-secret': secret },
    body: JSON.stringify({ answer }),
  });

describe('proactive channel (civil registry → offer → consent)', () => {
  it('R-ELIG-16: every birth event becomes one offer; a parent with a registered mobile gets the SMS offer', async () => {
    const all = await offers();
    expect(all.length).toBeGreaterThan(10);
    const offered = all.filter((o) => o.status === 'offered' && !o.one_application);
    expect(offered.length).toBeGreaterThan(0);
    const sms = await t.handle.db
      .selectFrom('outbox')
      .select(['recipient', 'payload'])
      .where('template', '=', 'proactiveOffer')
      .execute();
    expect(sms.map((s) => s.recipient).sort()).toEqual(offered.map((o) => o.parent_mobile).sort());
    expect(all.filter((o) => o.status_reason === 'noMobile').every((o) => o.parent_mobile === null)).toBe(
      true,
    );
  });

  it('R-ELIG-16: polling the same slot again offers nothing twice (the cursor is saved with the offers)', async () => {
    const before = { offers: (await offers()).length, outbox: await outboxCount() };
    expect(await job.handler(t.clock.now(), ctx)).toMatchObject({ offered: 0, notOffered: 0 });
    expect({ offers: (await offers()).length, outbox: await outboxCount() }).toEqual(before);
    const cursor = await t.handle.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', 'civil_registry_birth_events_cursor')
      .executeTakeFirst();
    expect(cursor).toBeDefined();
  });

  it('R-ELIG-17: a birth registered with the request for a place is queued at once (channel oneApplication)', async () => {
    const registered = (await offers()).filter((o) => o.one_application && o.status === 'accepted');
    expect(registered.length).toBeGreaterThan(0);
    const application = await t.handle.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', registered[0]?.application_id ?? '')
      .executeTakeFirstOrThrow();
    expect(application).toMatchObject({
      channel: 'oneApplication',
      queue: 'general',
      categories: [],
      status: 'queued',
    });
    expect(application.submitted_at).toEqual(registered[0]?.registered_at);
  });

  it('R-ELIG-16, R-ELIG-17: the parent replies yes → queued in the general queue of the settlement, channel proactive', async () => {
    const offer = await openOffer(0);
    const response = await replyAsParent(offer.parent_iin, offer.id, 'yes');
    expect(response.status).toBe(200);
    const result = (await response.json()) as ProactiveReplyResult;
    expect(result.offer).toMatchObject({ status: 'accepted', applicationId: result.application?.id });
    expect(result.application).toMatchObject({
      status: 'queued',
      queueKey: `${offer.settlement_kato}/${offer.birth_date.slice(0, 4)}/general`,
    });
    const { headers } = await logInApplicant(t, offer.parent_iin);
    const view = (await (
      await t.app.request(`/api/applications/${result.application?.id ?? ''}`, { headers })
    ).json()) as ApplicationView;
    expect(view).toMatchObject({ channel: 'proactive', categories: [], status: 'queued' });
    const again = await replyAsParent(offer.parent_iin, offer.id, 'yes');
    expect(again.status).toBe(409);
  });

  it('R-ELIG-16: the SMS gateway relays no → declined, no application; a wrong secret is refused', async () => {
    const offer = await openOffer(0);
    expect((await replyAsGateway(offer.id, 'no', 'wrong-secret-000000000')).status).toBe(401);
    const applicationsBefore = await applicationCount();
    const response = await replyAsGateway(offer.id, 'no');
    expect(response.status).toBe(200);
    expect((await response.json()) as ProactiveReplyResult).toMatchObject({
      offer: { status: 'declined', applicationId: null },
      application: null,
    });
    expect(await applicationCount()).toBe(applicationsBefore);
  });

  it('R-ELIG-16: a relayed «иә!» from the number the offer went to is matched to it → the application', async () => {
    const offer = await openOffer(0);
    const mobile = offer.parent_mobile ?? '';
    const sms = (body: unknown, secret = GATEWAY_SECRET) =>
      gateway.request('/api/sms/replies', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sms-gateway-secret': secret },
        body: JSON.stringify(body),
      });
    const written = `8 ${mobile.slice(2, 5)} ${mobile.slice(5)}`; // as a phone shows it: 8 701 2345678
    expect((await sms({ from: written, text: 'хорошо' })).status).toBe(400);
    const unknown = await sms({ from: '+77000000000', text: 'ДА' });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.field).toBe('from');
    expect((await sms({ from: written, text: 'ДА' }, 'wrong-secret-000000000')).status).toBe(401);
    const response = await sms({ from: written, text: ' иә! ' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as IncomingSmsResult;
    expect(result.answer).toBe('yes');
    expect(result.offers.map((o) => [o.offer.id, o.offer.status, o.application?.status])).toContainEqual([
      offer.id,
      'accepted',
      'queued',
    ]);
    // Answered: the same reply again finds nothing open for the number.
    expect((await sms({ from: written, text: 'ИӘ' })).status).toBe(404);
  });

  it('R-ELIG-16: the gateway relays yes → the application, as from the parent', async () => {
    const offer = await openOffer(0);
    const response = await replyAsGateway(offer.id, 'yes');
    expect(response.status).toBe(200);
    expect(((await response.json()) as ProactiveReplyResult).application?.status).toBe('queued');
  });

  it('R-ELIG-16: only the parent answers — another applicant sees no offer, staff are refused, the public must sign in', async () => {
    const offer = await openOffer(0);
    const reply = async (persona: 'public' | 'applicantA' | 'clerkDistrict1') => {
      const { headers } = await loginAs(t, persona);
      return (
        await t.app.request(`/api/proactive/offers/${offer.id}/reply`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ answer: 'yes' }),
        })
      ).status;
    };
    expect(await reply('public')).toBe(401);
    expect(await reply('applicantA')).toBe(404);
    expect(await reply('clerkDistrict1')).toBe(403);
    const { headers } = await logInApplicant(t, offer.parent_iin);
    const list = (await (await t.app.request('/api/proactive/offers', { headers })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(offer.id);
  });

  it('R-ELIG-16: no answer by the deadline → no application: a late yes is refused (422 naming the rule), then the offer expires', async () => {
    const offer = await openOffer(0);
    const replyBy = offer.reply_by ?? new Date(0);
    t.clock.set(new Date(replyBy.getTime() + 1));
    const late = await replyAsParent(offer.parent_iin, offer.id, 'yes');
    expect(late.status).toBe(422);
    expect(((await late.json()) as ErrorBody).error).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R-ELIG-16',
    });
    // The slot decides the expiry; with the registry's clock back, its feed has nothing new to page through.
    t.clock.set(TEST_NOW);
    await job.handler(new Date(replyBy.getTime() + 15 * 60_000), ctx);
    t.clock.set(new Date(replyBy.getTime() + 1));
    const after = (await offers()).find((o) => o.id === offer.id);
    expect(after).toMatchObject({ status: 'expired', application_id: null });
    const expired = await replyAsParent(offer.parent_iin, offer.id, 'yes');
    expect(expired.status).toBe(409);
    expect(((await expired.json()) as ErrorBody).error.rule).toBe('R-ELIG-16');
  });
});

async function outboxCount(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function applicationCount(): Promise<number> {
  const row = await t.handle.db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('readSmsAnswer', () => {
  it.each([
    ['ИӘ', 'yes'],
    ['иә', 'yes'],
    ['«Иә»', 'yes'],
    ['Да, согласна', 'yes'],
    ['yes', 'yes'],
    ['Жоқ', 'no'],
    ['нет.', 'no'],
    ['', undefined],
    ['может быть', undefined],
  ])('R-ELIG-16: reads %j as %s', (text, answer) => {
    expect(readSmsAnswer(text)).toBe(answer);
  });
});
