import { err, ok, type Result } from '../time/result';

/**
 * The canonical JSON of a ledger leaf: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as JSON.stringify writes them — for these values the same bytes as RFC 8785 (JCS). The same event
 * therefore always hashes to the same leaf, whoever builds it and in whatever key order.
 *
 * Not simulation/stable-json.ts: that one is laid out for people (Prettier's indentation) and silently drops
 * undefined properties; a leaf must be compact, and a value JSON cannot carry exactly (undefined, NaN, ±Infinity,
 * bigint, functions, lone surrogates, objects other than plain ones and arrays) is refused rather than
 * rewritten, so two different events can never share a leaf.
 */
export function canonicalJson(value: unknown): Result<string, string> {
  const out: string[] = [];
  const problem = write(value, '$', out, new Set());
  return problem === undefined ? ok(out.join('')) : err(problem);
}

/** The UTF-8 bytes of canonicalJson: the leaf bytes of RFC 6962 §2.1. */
export function canonicalJsonBytes(value: unknown): Result<Uint8Array, string> {
  const json = canonicalJson(value);
  return json.ok ? ok(new TextEncoder().encode(json.value)) : json;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function writeString(text: string, path: string, out: string[]): string | undefined {
  if (LONE_SURROGATE.test(text)) return `${path}: lone UTF-16 surrogate`;
  out.push(JSON.stringify(text));
  return undefined;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function write(value: unknown, path: string, out: string[], open: Set<object>): string | undefined {
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
    return undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${path}: non-finite number`;
    out.push(JSON.stringify(value));
    return undefined;
  }
  if (typeof value === 'string') return writeString(value, path, out);
  if (typeof value !== 'object') return `${path}: ${typeof value} has no JSON form`;
  if (open.has(value)) return `${path}: cycle`;
  open.add(value);
  const problem = Array.isArray(value)
    ? writeArray(value, path, out, open)
    : writeObject(value, path, out, open);
  open.delete(value);
  return problem;
}

function writeArray(
  items: readonly unknown[],
  path: string,
  out: string[],
  open: Set<object>,
): string | undefined {
  out.push('[');
  // An index loop, not forEach/map, so holes of sparse arrays are seen (as undefined) and refused.
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) out.push(',');
    const problem = write(items[i], `${path}[${i}]`, out, open);
    if (problem !== undefined) return problem;
  }
  out.push(']');
  return undefined;
}

function writeObject(value: object, path: string, out: string[], open: Set<object>): string | undefined {
  if (!isPlainObject(value)) return `${path}: not a plain object`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  for (const [i, key] of keys.entries()) {
    if (i > 0) out.push(',');
    const keyProblem = writeString(key, `${path} key`, out);
    if (keyProblem !== undefined) return keyProblem;
    out.push(':');
    const problem = write(value[key], `${path}.${key}`, out, open);
    if (problem !== undefined) return problem;
  }
  out.push('}');
  return undefined;
}
