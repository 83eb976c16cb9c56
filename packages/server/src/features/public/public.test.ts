import type { KindergartenPage, Overview, SettlementList } from '@kezek/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, silentLog, TEST_NOW, type TestApp } from '../../testing/test-app';
import { seedDemoData } from '../demo/seed-demo-data';
import { fastTestHash } from '../../testing/test-app';

let t: TestApp;
let counts: Record<string, number>;
beforeAll(async () => {
  t = await openTestApp();
  counts = (await seedDemoData(t.handle.db, TEST_NOW, silentLog, fastTestHash)).counts ?? {};
});
afterAll(() => t.close());

const get = async <T>(path: string) => {
  const response = await t.app.request(path);
  return { status: response.status, body: (await response.json()) as T };
};

describe('public overview (anonymised)', () => {
  it('sums kindergartens and queues per district, in national time', async () => {
    const { status, body } = await get<Overview>('/api/public/overview');
    expect(status).toBe(200);
    expect(body.asOf).toBe('2026-03-02T10:00:00+05:00');
    expect(body.totals.kindergartens).toBe(counts.kindergartens);
    expect(body.regions[0]?.districts.map((d) => d.kato)).toEqual(['751110000', '751310000']);
    const districtsQueued = body.regions.flatMap((r) => r.districts).reduce((sum, d) => sum + d.queued, 0);
    expect(districtsQueued).toBe(body.totals.queued);
    expect(body.totals.queued).toBeGreaterThan(200);
    expect(JSON.stringify(body)).not.toMatch(/\d{12}/); // no IIN or BIN
  });
});

describe('public kindergarten directory', () => {
  it('paginates with a stable order and a total', async () => {
    const first = await get<KindergartenPage>('/api/public/kindergartens?pageSize=7');
    const third = await get<KindergartenPage>('/api/public/kindergartens?pageSize=7&page=3');
    expect(first.body.total).toBe(counts.kindergartens);
    expect(first.body.items).toHaveLength(7);
    expect(third.body.items).toHaveLength(counts.kindergartens! - 14);
    const ids = new Set([...first.body.items, ...third.body.items].map((k) => k.id));
    expect(ids.size).toBe(first.body.items.length + third.body.items.length);
  });

  it('filters by district, ownership, language and name', async () => {
    const district = await get<KindergartenPage>('/api/public/kindergartens?district=751310000&pageSize=100');
    expect(district.body.items.every((k) => k.district.kato === '751310000')).toBe(true);
    const privateOnes = await get<KindergartenPage>(
      '/api/public/kindergartens?ownership=private&pageSize=100',
    );
    expect(privateOnes.body.total).toBeGreaterThan(0);
    expect(privateOnes.body.items.every((k) => k.ownership === 'private')).toBe(true);
    const russian = await get<KindergartenPage>('/api/public/kindergartens?language=ru&pageSize=100');
    expect(russian.body.items.every((k) => k.languages.includes('ru'))).toBe(true);
    const byName = await get<KindergartenPage>(`/api/public/kindergartens?q=${encodeURIComponent('Балдыр')}`);
    expect(byName.body.items.map((k) => k.name.ru)).toEqual(['Ясли-сад № 10 «Балдырган»']);
    const wildcard = await get<KindergartenPage>('/api/public/kindergartens?q=%25');
    expect(wildcard.body.total).toBe(0);
  });

  it('answers an empty page past the end, not an error', async () => {
    const { status, body } = await get<KindergartenPage>('/api/public/kindergartens?page=99');
    expect(status).toBe(200);
    expect(body.items).toEqual([]);
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=101', 'pageSize'],
    ['district=75111', 'district'],
    ['ownership=municipal', 'ownership'],
    ['language=fr', 'language'],
  ])('rejects %s naming the field', async (query, field) => {
    const { status, body } = await get<{ error: { code: string; field: string } }>(
      `/api/public/kindergartens?${query}`,
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});

describe('public settlements (R-QUEUE-07)', () => {
  it('lists the settlements one applies in with their district and kindergartens, filtered by district', async () => {
    const all = await get<SettlementList>('/api/public/settlements');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThan(0);
    expect(all.body.items.reduce((sum, s) => sum + s.kindergartens, 0)).toBe(counts.kindergartens);
    const almaly = await get<SettlementList>('/api/public/settlements?district=751110000');
    expect(almaly.body.items.length).toBeGreaterThan(0);
    expect(almaly.body.items.every((s) => s.district.kato === '751110000')).toBe(true);
    expect(almaly.body.items.length).toBeLessThan(all.body.items.length);
    const bad = await get<{ error: { field?: string } }>('/api/public/settlements?district=12');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('district');
  });
});
