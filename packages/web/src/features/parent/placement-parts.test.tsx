import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { initI18n } from '../../i18n';
import { PlaceFacts, RefusalMessage, TemporaryNote } from './placement-parts';
import type { WindowPlace } from './placement';

beforeAll(async () => {
  await initI18n();
});

const place: WindowPlace = {
  placeId: 'p',
  queueKey: '751110000/2022/special:visual',
  kindergarten: { id: 'k', name: { kk: 'Балдырған', ru: 'Балдырган', en: 'Baldyrgan' } },
  groupId: 'g',
  birthYear: 2022,
  age: 4,
  language: 'ru',
  mode: 'half',
  admission: 'temporary',
  startDate: null,
  freeFrom: null,
  until: '2026-06-01',
  units: 1,
};

describe('RefusalMessage', () => {
  it('explains a known refusal of a claim in words, with its rule', async () => {
    await i18next.changeLanguage('ru');
    const error = new ApiError({
      status: 409,
      code: 'CONFLICT',
      message: 'NO_FREE_UNIT: place p has no free unit left',
      rule: 'R-WIN-10',
    });
    const html = renderToStaticMarkup(<RefusalMessage error={error} title="Отказ" />);
    expect(html).toContain('data-refusal="NO_FREE_UNIT"');
    expect(html).toContain('Это место уже занял другой заявитель');
    expect(html).toContain('Правило: R-WIN-10.');
  });

  it("falls back to the error code's text for anything else, never the server's English", async () => {
    await i18next.changeLanguage('kk');
    const error = new ApiError({ status: 0, code: 'NETWORK', message: 'TypeError: Failed to fetch' });
    const html = renderToStaticMarkup(<RefusalMessage error={error} title="x" />);
    expect(html).toContain('data-refusal=""');
    expect(html).not.toContain('Failed to fetch');
  });
});

describe('PlaceFacts', () => {
  it('names the group type of the queue, the stay and admission mode and the end of a temporary place', async () => {
    await i18next.changeLanguage('ru');
    const html = renderToStaticMarkup(
      <>
        <PlaceFacts place={place} queue="special:visual" />
        <TemporaryNote place={place} />
      </>,
    );
    for (const text of [
      'Специальная',
      'Неполный день',
      'Временное место',
      'дети 4 лет (2022 г.р.)',
      'русский',
    ])
      expect(html).toContain(text);
    expect(html).toContain('сохраняет своё место в очереди');
  });
});
