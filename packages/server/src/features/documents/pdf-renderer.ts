import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * A document as plain text, already in one language: what the PDF shows, nothing about how. The use cases
 * build it from their views (the refusal receipt, the referral); `renderPdf` lays it out on A4.
 */
export type DocumentView = {
  /** The PDF's metadata language tag (kk, ru, en). */
  readonly language: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly fields: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly paragraphs: readonly string[];
  /** The text of the QR code (a verification text), with a caption under it. */
  readonly qr: { readonly text: string; readonly caption: string };
  readonly footer: string;
};

// DejaVu Sans has every Kazakh letter (ә ғ қ ң ө ұ ү һ і); the npm package ships the TTF, so `npm ci` is enough.
const require = createRequire(import.meta.url);
let fonts: Promise<{ regular: Uint8Array; bold: Uint8Array }> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all([
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  ]).then(([regular, bold]) => ({ regular, bold })));

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;
const QR_SIZE = 120;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

/** Greedy word wrap by the font's real advance widths; a word wider than the line is split by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const char of word) {
        if (font.widthOfTextAtSize(line + char, size) > width && line !== '') {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

type Cursor = { page: PDFPage; y: number };

/** Renders the document to PDF bytes: A4, embedded subset DejaVu Sans, the QR code at the top right. */
export async function renderPdf(view: DocumentView): Promise<Uint8Array<ArrayBuffer>> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const { regular: regularBytes, bold: boldBytes } = await loadFonts();
  const regular = await pdf.embedFont(regularBytes, { subset: true });
  const bold = await pdf.embedFont(boldBytes, { subset: true });
  pdf.setTitle(view.title);
  pdf.setSubject(view.subtitle ?? view.title);
  pdf.setLanguage(view.language);
  pdf.setProducer('Kezek');
  pdf.setCreator('Kezek');

  const width = A4[0] - 2 * MARGIN;
  const cursor: Cursor = { page: pdf.addPage([...A4]), y: A4[1] - MARGIN };
  const ensure = (height: number) => {
    if (cursor.y - height >= MARGIN + 24) return;
    cursor.page = pdf.addPage([...A4]);
    cursor.y = A4[1] - MARGIN;
  };
  const write = (text: string, font: PDFFont, size: number, lineWidth: number, color = INK) => {
    for (const line of wrapText(text, font, size, lineWidth)) {
      ensure(size * 1.4);
      cursor.page.drawText(line, { x: MARGIN, y: cursor.y - size, size, font, color });
      cursor.y -= size * 1.4;
    }
  };

  const png = await QRCode.toBuffer(view.qr.text, { type: 'png', errorCorrectionLevel: 'M', margin: 1 });
  const qr = await pdf.embedPng(png);
  const first = cursor.page;
  first.drawImage(qr, {
    x: A4[0] - MARGIN - QR_SIZE,
    y: cursor.y - QR_SIZE,
    width: QR_SIZE,
    height: QR_SIZE,
  });
  for (const [i, line] of wrapText(view.qr.caption, regular, 7, QR_SIZE).entries())
    first.drawText(line, {
      x: A4[0] - MARGIN - QR_SIZE,
      y: cursor.y - QR_SIZE - 10 - i * 9,
      size: 7,
      font: regular,
      color: MUTED,
    });

  const besideQr = width - QR_SIZE - 16;
  write(view.title, bold, 15, besideQr);
  if (view.subtitle !== undefined) write(view.subtitle, regular, 10, besideQr, MUTED);
  cursor.y = Math.min(cursor.y, A4[1] - MARGIN - QR_SIZE - 36);

  for (const field of view.fields) {
    cursor.y -= 4;
    write(field.label, regular, 8.5, width, MUTED);
    write(field.value === '' ? '—' : field.value, bold, 11, width);
  }
  for (const paragraph of view.paragraphs) {
    cursor.y -= 8;
    write(paragraph, regular, 10, width);
  }
  for (const page of pdf.getPages())
    page.drawText(view.footer, { x: MARGIN, y: MARGIN - 20, size: 7.5, font: regular, color: MUTED });
  // A copy on its own ArrayBuffer: what a Response body accepts.
  return new Uint8Array(await pdf.save());
}
