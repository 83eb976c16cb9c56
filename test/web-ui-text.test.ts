import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The lint of issue 8: no UI text in the web app outside `packages/web/src/i18n`. Finds words (any letter) in JSX text and in the
 * attributes a user reads or hears, in every component file; their text must come from `t()`.
 */
const SRC = fileURLToPath(new URL('../packages/web/src', import.meta.url));
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** Decoration hidden from assistive technology: the letter in the brand mark. */
const ALLOWED = new Set(['app/app.tsx: K']);
const WORD = /\p{L}/u;

const componentFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : componentFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });

const hardCodedTexts = (file: string, source: string): string[] => {
  const found: string[] = [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORD.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText(tree)) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer) &&
      WORD.test(node.initializer.text)
    )
      found.push(node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
};

describe('UI text', () => {
  it('finds words in JSX text and read attributes, not in class names or keys', () => {
    const source =
      '<p className="lead" aria-label="Menu">Hello <b>{t("x")}</b> · {n}</p>;<img alt="" title={t("y")} />';
    expect(hardCodedTexts('x.tsx', source)).toEqual(['Menu', 'Hello']);
  });

  it('no component has hard-coded text: every string comes from packages/web/src/i18n', () => {
    const offenders = componentFiles(SRC).flatMap((file) =>
      hardCodedTexts(file, readFileSync(file, 'utf8'))
        .map((text) => `${relative(SRC, file)}: ${text}`)
        .filter((entry) => !ALLOWED.has(entry)),
    );
    expect(offenders).toEqual([]);
  });
});
