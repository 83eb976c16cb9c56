import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes } from './canonical-json';

const json = (value: unknown): string => {
  const result = canonicalJson(value);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('canonical JSON of a ledger leaf (§24(7))', () => {
  it('sorts keys at every depth by UTF-16 code units and writes no whitespace', () => {
    expect(json({ b: 1, a: [{ z: true, y: null }, 'x'], A: { c: -0, é: 1.5e21 } })).toBe(
      '{"A":{"c":0,"é":1.5e+21},"a":[{"y":null,"z":true},"x"],"b":1}',
    );
    // RFC 8785 §3.2.3 sorts by UTF-16 code units: U+1F600 (surrogates D83D …) sorts before U+FB01.
    expect(json({ '\ufb01': 1, '\u{1f600}': 2, '\r': 3 })).toBe('{"\\r":3,"\u{1f600}":2,"\ufb01":1}');
  });

  it('numbers and strings as JSON.stringify (the same as RFC 8785 for them)', () => {
    expect(json([1e-7, 0.1, 100, 1e21, -5e-324, 9007199254740991])).toBe(
      '[1e-7,0.1,100,1e+21,-5e-324,9007199254740991]',
    );
    expect(json('"\\\u0001\n\u2028')).toBe('"\\"\\\\\\u0001\\n\u2028"');
  });

  it('refuses what JSON cannot carry exactly, with the path', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      [{ a: undefined }, '$.a: undefined has no JSON form'],
      [[1, Number.NaN], '$[1]: non-finite number'],
      [{ x: [Number.POSITIVE_INFINITY] }, '$.x[0]: non-finite number'],
      [10n, '$: bigint has no JSON form'],
      [() => 1, '$: function has no JSON form'],
      [{ at: new Map() }, '$.at: not a plain object'],
      ['\ud800', '$: lone UTF-16 surrogate'],
      [{ '\udc00': 1 }, '$ key: lone UTF-16 surrogate'],
      [new Array<number>(3), '$[0]: undefined has no JSON form'],
      [cyclic, '$.self: cycle'],
    ];
    for (const [value, error] of cases) expect(canonicalJson(value)).toEqual({ ok: false, error });
  });

  it('a shared, non-cyclic object is written twice, not mistaken for a cycle', () => {
    const shared = { k: 1 };
    expect(json({ a: shared, b: [shared] })).toBe('{"a":{"k":1},"b":[{"k":1}]}');
  });

  it('property: any JSON value gives the same text whatever its key order, and parses back to itself', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value !== null && typeof value === 'object')
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        );
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = json(value);
        expect(json(reversed(value))).toBe(text);
        expect(json(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('leaf bytes are the UTF-8 of the text', () => {
    const bytes = canonicalJsonBytes({ name: 'Әлия' });
    expect(bytes.ok && new TextDecoder().decode(bytes.value)).toBe('{"name":"Әлия"}');
    expect(bytes.ok && bytes.value.length).toBe('{"name":""}'.length + 8);
    expect(canonicalJsonBytes(undefined).ok).toBe(false);
  });
});
