/**
 * JSON with every object's keys sorted and arrays in order (scenario format): the same value always gives
 * the same bytes, whatever order the keys were built in. Undefined properties are left out, as in JSON.
 * The layout is Prettier's for JSON (2 spaces; objects one key a line; an array of plain values on one line
 * when it fits in `width` columns), so expected outputs kept in the repository pass the format check as is.
 */
export function stableJson(value: unknown, width = 110): string {
  return render(value, '', 0, width);
}

type Entry = readonly [string, unknown];

const definedEntries = (value: object): Entry[] =>
  Object.entries(value)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const isPlain = (value: unknown): boolean => value === null || typeof value !== 'object';

/** `lead`: columns already used on the line before the value; a trailing comma takes one more. */
function render(value: unknown, indent: string, lead: number, width: number, comma = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items: unknown[] = value;
    if (items.every(isPlain)) {
      const flat = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (lead + flat.length + (comma ? 1 : 0) <= width) return flat;
    }
    const lines = items.map(
      (item, index) => `${inner}${render(item, inner, inner.length, width, index < items.length - 1)}`,
    );
    return `[\n${lines.join(',\n')}\n${indent}]`;
  }
  const entries = definedEntries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, entry], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${render(entry, inner, head.length, width, index < entries.length - 1)}`;
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}
