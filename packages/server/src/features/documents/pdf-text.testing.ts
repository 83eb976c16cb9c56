import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';

/**
 * Test support: the text a PDF shows, page by page, read back the way a viewer copies it — each `Tj` string
 * of the content streams decoded through its font's ToUnicode map — and the images the pages draw.
 */
export type PdfContents = {
  title: string | undefined;
  /** The shown lines joined by one space each: phrases read the same whether or not they wrapped. */
  text: string;
  lines: string[];
  pages: number;
  images: { width: number; height: number }[];
};

const streamText = (doc: PDFDocument, object: PDFObject | undefined): string => {
  const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
  if (resolved instanceof PDFArray)
    return resolved
      .asArray()
      .map((part) => streamText(doc, part))
      .join('\n');
  if (!(resolved instanceof PDFRawStream)) throw new Error('expected a content stream');
  return Buffer.from(decodePDFRawStream(resolved).decode()).toString('latin1');
};

const hexText = (hex: string): string =>
  String.fromCharCode(...(hex.match(/[0-9A-Fa-f]{4}/g) ?? []).map((code) => parseInt(code, 16)));

/** Glyph code → text, from a ToUnicode CMap (bfchar and bfrange entries). */
function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, text] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set((code ?? '').toUpperCase(), hexText(text ?? ''));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, from, to, start] of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const first = parseInt(from ?? '', 16);
      for (let code = first; code <= parseInt(to ?? '', 16); code += 1)
        map.set(
          code.toString(16).toUpperCase().padStart(4, '0'),
          String.fromCharCode(parseInt(start ?? '', 16) + code - first),
        );
    }
  return map;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  const images: { width: number; height: number }[] = [];
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const maps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fonts?.entries() ?? []) {
      const font = doc.context.lookup(ref, PDFDict);
      maps.set(name.asString(), toUnicodeMap(streamText(doc, font.get(PDFName.of('ToUnicode')))));
    }
    const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xObjects?.entries() ?? []) {
      const image = doc.context.lookup(ref);
      if (image instanceof PDFRawStream && image.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'))
        images.push({
          width: Number(image.dict.get(PDFName.of('Width'))?.toString()),
          height: Number(image.dict.get(PDFName.of('Height'))?.toString()),
        });
    }
    let current = new Map<string, string>();
    for (const [, font, hex] of streamText(doc, page.node.Contents()).matchAll(
      /(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g,
    )) {
      if (font !== undefined) current = maps.get(font) ?? new Map<string, string>();
      else
        lines.push(
          (hex?.match(/[0-9A-Fa-f]{4}/g) ?? [])
            .map((code) => current.get(code.toUpperCase()) ?? '?')
            .join(''),
        );
    }
  }
  return { title: doc.getTitle(), text: lines.join(' '), lines, pages: doc.getPageCount(), images };
}
