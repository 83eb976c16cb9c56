import { describe, expect, it } from 'vitest';
import { loginAs, PERSONAS, type AuthTestApp, type Persona } from './auth-fixtures';

/** A status, or `hidden`: 404 with exactly the answer the same persona gets for a record that does not exist. */
export type Expected = number | 'hidden';

export type AccessRow<W> = {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (world: W) => string;
  /** The same request for a record that does not exist; required when any persona expects `hidden`. */
  missingPath?: (world: W) => string;
  body?: (world: W, persona: Persona) => unknown;
  expect: Record<Persona, Expected>;
};

export const everyone = (expected: Expected): Record<Persona, Expected> =>
  Object.fromEntries(PERSONAS.map((persona) => [persona, expected])) as Record<Persona, Expected>;

type Answer = { status: number; body: unknown };

async function send<W>(
  t: AuthTestApp,
  persona: Persona,
  row: AccessRow<W>,
  world: W,
  path: string,
): Promise<Answer> {
  const { headers } = await loginAs(t, persona);
  const body = row.body?.(world, persona);
  const response = await t.app.request(path, {
    method: row.method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const parsed: unknown = text === '' ? null : JSON.parse(text);
  return { status: response.status, body: withoutRequestId(parsed) };
}

// The request ID differs per request by design; a hidden record's answer must match in everything else.
function withoutRequestId(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('error' in body)) return body;
  const { error } = body as { error: Record<string, unknown> };
  return { error: { ...error, requestId: undefined } };
}

/**
 * Registers one test per (endpoint, persona): every persona signs in afresh (so a logout row cannot affect
 * another) and the answer's status is checked. New endpoints are new rows; `open` gives the app and the world
 * (IDs of the records the rows address) once the suite's `beforeAll` has run.
 */
export function describeAccessMatrix<W>(
  title: string,
  rows: ReadonlyArray<AccessRow<W>>,
  open: () => { t: AuthTestApp; world: W },
): void {
  describe(title, () => {
    const cells = rows.flatMap((row) => PERSONAS.map((persona) => ({ row, persona })));
    it.each(
      cells.map(
        (cell) =>
          [`${cell.row.method} ${cell.row.name}`, cell.persona, cell.row.expect[cell.persona], cell] as const,
      ),
    )('%s as %s → %s', async (_name, persona, expected, { row }) => {
      const { t, world } = open();
      const answer = await send(t, persona, row, world, row.path(world));
      if (expected !== 'hidden') {
        expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
        return;
      }
      if (row.missingPath === undefined) throw new Error(`row ${row.name}: 'hidden' needs missingPath`);
      const missing = await send(t, persona, row, world, row.missingPath(world));
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(missing.body);
    });
  });
}
