import { describe, expect, it } from 'vitest';
import { renderPdf, type DocumentView } from './pdf-renderer';
import { readPdf } from './pdf-text.testing';

const KAZAKH_LETTERS = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';

const view = (overrides: Partial<DocumentView> = {}): DocumentView => ({
  language: 'kk',
  title: 'Мектепке дейінгі ұйымға жолдама',
  fields: [{ label: 'Әріптер', value: KAZAKH_LETTERS }],
  paragraphs: ['Жолдама 5 жұмыс күні ішінде жарамды.'],
  qr: { text: 'KEZEK:referral:R-1', caption: 'Тексеру' },
  footer: 'Kezek',
  ...overrides,
});

describe('PDF renderer', () => {
  it('draws every Kazakh letter with an embedded font that maps back to the same text', async () => {
    const contents = await readPdf(await renderPdf(view()));
    expect(contents.title).toBe('Мектепке дейінгі ұйымға жолдама');
    expect(contents.text).toContain('Мектепке дейінгі ұйымға жолдама');
    expect(contents.text).toContain(KAZAKH_LETTERS);
    expect(contents.text).not.toContain('?');
  });

  it('embeds the QR code as one square image', async () => {
    const { images } = await readPdf(await renderPdf(view()));
    expect(images).toHaveLength(1);
    expect(images[0]?.width).toBe(images[0]?.height);
    expect(images[0]?.width).toBeGreaterThan(20);
  });

  it('wraps long text within the page and continues on a new page', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `сөз${i}`).join(' ');
    const contents = await readPdf(await renderPdf(view({ paragraphs: [long] })));
    expect(contents.text).toContain('сөз0');
    expect(contents.text).toContain('сөз1499');
    expect(contents.pages).toBeGreaterThan(1);
    expect(contents.lines.every((line) => line.length < 120)).toBe(true);
  });
});
